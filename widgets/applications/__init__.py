"""Lesson 16's first part: Keras applications (MobileNetV2, ResNet50, VGG16…) on a photo.

The lesson's shape (see :mod:`widgets.mcculloch_pitts`): ``texts.py``, ``figures.py``,
``code.py``, ``exercises.py`` and ``dashboard.py``; the catalogue, the weight cache and
the image handling are :mod:`widgets.models.applications`.
"""

from .dashboard import ApplicationsDashboard
from .exercises import check_preprocessed_pixel
from .texts import TEXT

__all__ = ["TEXT", "ApplicationsDashboard", "check_preprocessed_pixel"]
