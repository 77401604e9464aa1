"""Lesson 14: GAN Lab's 2-D game with a real Keras GAN (the lesson's main panel).

The lesson's shape (see :mod:`widgets.mcculloch_pitts`): ``texts.py`` (its words in both
languages). The Keras model lives in :mod:`widgets.models.gan`.
"""

from .texts import TEXT

__all__ = ["TEXT"]
