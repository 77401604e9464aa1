"""Lesson 14's digits panel: a small DCGAN whose fixed-noise sample grid improves while it
trains, its losses and D(real)/D(fake), and a morph between two noise vectors.

The lesson's shape (see :mod:`widgets.mcculloch_pitts`): ``texts.py``, ``figures.py``,
``exercises.py`` and ``dashboard.py``. The networks live in :mod:`widgets.models.dcgan`,
the game (``Gan``, ``StepRunner``) in :mod:`widgets.models.gan`.
"""

from .dashboard import GanDigitsDashboard
from .exercises import check_generator
from .texts import TEXT

__all__ = ["TEXT", "GanDigitsDashboard", "check_generator"]
