"""Lesson 15: the Keras layer zoo (one layer: its shape, parameters and operation).

The lesson's shape (see :mod:`widgets.mcculloch_pitts`): ``texts.py``, ``figures.py``,
``code.py``, ``exercises.py`` and ``dashboard.py``; the catalogue is
:mod:`widgets.models.layer_zoo`; the sequence builder is :mod:`widgets.layer_stack`.
"""

from .dashboard import LayerZooDashboard
from .exercises import check_conv_parameters, check_transposed_shape
from .texts import TEXT

__all__ = ["TEXT", "LayerZooDashboard", "check_conv_parameters", "check_transposed_shape"]
