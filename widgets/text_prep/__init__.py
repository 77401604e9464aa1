"""Lesson 15's text-preprocessing panel: TextVectorization (int, multi-hot, count, tf-idf,
n-grams), keras.utils.pad_sequences, an Embedding and masking, on sentences the student
types (Polish or English).

The lesson's shape (see :mod:`widgets.mcculloch_pitts`): ``texts.py``, ``figures.py``,
``code.py``, ``exercises.py`` and ``dashboard.py``; the Keras side is :mod:`widgets.models.preprocessing`.
"""

from .dashboard import TextPrepDashboard
from .exercises import check_padded
from .texts import TEXT

__all__ = ["TEXT", "TextPrepDashboard", "check_padded"]
