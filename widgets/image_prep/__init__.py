"""Lesson 15's image panel: Keras 3's augmentation layers (RandomRotation, RandomZoom,
RandomTranslation, RandomFlip, RandomContrast, RandomBrightness) on the digit on screen,
the ``training=True`` trap of ``predict``, and ``Normalization.adapt`` before/after.

The lesson's shape (see :mod:`widgets.mcculloch_pitts`): ``texts.py``, ``figures.py``,
``code.py``, ``exercises.py`` and ``dashboard.py``; the Keras side is :mod:`widgets.models.preprocessing`.
"""

from .dashboard import ImagePrepDashboard
from .exercises import check_augmentation
from .texts import TEXT

__all__ = ["TEXT", "ImagePrepDashboard", "check_augmentation"]
