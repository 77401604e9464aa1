"""Lesson 12, part 2: a plain against a denoising autoencoder, and a linear autoencoder
against PCA-2 (Baldi & Hornik 1989).

The lesson's shape (see :mod:`widgets.mcculloch_pitts`): ``texts.py`` (its words in both
languages), ``figures.py`` (the curves, the strips of digits, the two code scatters),
``exercises.py`` (the auto-checked exercise) and ``dashboard.py``. The Keras models live
in :mod:`widgets.models.autoencoder`.
"""

from .dashboard import DenoisingDashboard
from .exercises import check_pca_mse
from .texts import TEXT

__all__ = ["TEXT", "DenoisingDashboard", "check_pca_mse"]
