"""Lesson 11, part 3: a character model that writes Pan Tadeusz (or Shakespeare) while it
learns. The lesson's shape: ``texts.py``, ``figures.py``, ``dashboard.py``; the Keras model
in :mod:`widgets.models.charlm`, the texts in :mod:`widgets.data.text`."""

from .dashboard import CharModelDashboard
from .exercises import check_perplexity
from .texts import TEXT

__all__ = ["TEXT", "CharModelDashboard", "check_perplexity"]
