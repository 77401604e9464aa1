"""Lesson 15: the Keras layer zoo (one layer: its shape, parameters and operation).

The catalogue is :mod:`widgets.models.layer_zoo`; the sequence builder is
:mod:`widgets.layer_stack`.
"""

from .texts import TEXT

__all__ = ["TEXT"]
