"""Lesson 10, part 2: a CNN trains in front of the student, and is compared with the MLP.

The lesson's shape (see :mod:`widgets.mcculloch_pitts`): ``texts.py``, ``figures.py`` and
``dashboard.py``; the models are in :mod:`widgets.models.cnn`, the digit comes from
:class:`widgets.digits.DigitSource`, the training from :mod:`widgets.training`.
"""

from .dashboard import CnnDashboard
from .texts import TEXT

__all__ = ["TEXT", "CnnDashboard"]
