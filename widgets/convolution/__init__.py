"""Lesson 10, part 1: a convolution computed by hand (kernel, stride, padding, ReLU, pooling).

The lesson's shape (see :mod:`widgets.mcculloch_pitts`): ``texts.py``, ``figures.py``,
``exercises.py`` and ``dashboard.py``; the model is :mod:`widgets.models.convolution`, the
digit :class:`widgets.digits.DigitSource`.
"""

from ..digits import stand_in_digit
from .dashboard import ConvolutionDashboard, same_place
from .exercises import check_conv_parameters, check_edge_kernel, check_output_size
from .texts import TEXT

__all__ = [
    "TEXT",
    "ConvolutionDashboard",
    "check_conv_parameters",
    "check_edge_kernel",
    "check_output_size",
    "same_place",
    "stand_in_digit",
]
