"""Lesson 12: autoencoders (the main dashboard is built by the l12-dash helper).

For now only :mod:`.texts`, whose ``autoencoder.code_too_big`` sentence
:mod:`widgets.models.autoencoder` raises.
"""

from .texts import TEXT

__all__ = ["TEXT"]
