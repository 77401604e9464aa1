"""Lesson 12: autoencoders, a 2-D code space to walk through, the VAE, an anomaly score.

The lesson's shape (see :mod:`widgets.mcculloch_pitts`): ``texts.py`` (its words in both
languages), ``figures.py`` (the code plane, the decoded digit and grid, the loss),
``exercises.py`` (the auto-checked exercises) and ``dashboard.py``. The Keras models live
in :mod:`widgets.models.autoencoder`; the denoising and PCA panel in
:mod:`widgets.denoising`.
"""

from .dashboard import AutoencoderDashboard
from .exercises import check_autoencoder, check_seven
from .texts import TEXT

__all__ = ["TEXT", "AutoencoderDashboard", "check_autoencoder", "check_seven"]
