"""Lesson 15's sequence builder: stack layers of the zoo, see the shapes flow and
``model.summary()`` as a table; a mismatch is explained at the layer where it breaks.

The catalogue is :mod:`widgets.models.layer_zoo`; the single layer's panel is
:mod:`widgets.layer_zoo`.
"""

from .dashboard import PRESETS, LayerStackDashboard
from .texts import TEXT

__all__ = ["PRESETS", "TEXT", "LayerStackDashboard"]
