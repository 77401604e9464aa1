"""Lesson 11, part 2: memory over time, SimpleRNN against GRU and LSTM on the adding problem.

The lesson's shape (see :mod:`widgets.mcculloch_pitts`): ``texts.py`` (its words in both
languages), ``figures.py`` (the loss curves and the example sequence), ``exercises.py``
(the auto-checked exercises) and ``dashboard.py``. The data and the Keras models live in
:mod:`widgets.models.memory`.
"""

from .dashboard import MemoryDashboard
from .exercises import check_baseline, check_lstm
from .texts import TEXT

__all__ = ["TEXT", "MemoryDashboard", "check_baseline", "check_lstm"]
