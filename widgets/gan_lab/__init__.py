"""Lesson 14: GAN Lab's 2-D game with a real Keras GAN (the lesson's main panel).

The lesson's shape (see :mod:`widgets.mcculloch_pitts`): ``texts.py`` (its words in both
languages), ``figures.py`` (the plane, the loss and verdict charts), ``exercises.py`` (the
auto-checked exercises) and ``dashboard.py``. The Keras model lives in
:mod:`widgets.models.gan`.
"""

from .dashboard import GanLabDashboard
from .exercises import check_equilibrium_loss
from .texts import TEXT

__all__ = ["TEXT", "GanLabDashboard", "check_equilibrium_loss"]
