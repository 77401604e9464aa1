"""Lesson 16's transfer-learning panel: a CNN trained on MNIST lends its features to a
small new data set (scikit-learn's 8×8 digits, or MNIST's 5–9 after learning 0–4), and
three runs – frozen weights, fine-tuning, from scratch – show what that is worth.

The lesson's shape (see :mod:`widgets.mcculloch_pitts`): ``texts.py``, ``figures.py``,
``code.py``, ``exercises.py`` and ``dashboard.py``; the models and the data live in
:mod:`widgets.models.transfer`.
"""

from .dashboard import TransferDashboard
from .exercises import check_frozen_base, check_trainable_count
from .texts import TEXT

__all__ = ["TEXT", "TransferDashboard", "check_frozen_base", "check_trainable_count"]
