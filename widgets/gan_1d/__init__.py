"""Lesson 14's 1-D panel: p_data and p_g as two Gaussians, the optimal discriminator D*
(Goodfellow et al. 2014) against a discriminator trained in Keras, and V(D*, G).

The lesson's shape (see :mod:`widgets.mcculloch_pitts`): ``texts.py``, ``figures.py``,
``exercises.py`` and ``dashboard.py``; the Gaussians and D* come from
:mod:`widgets.models.gan`.
"""

from .dashboard import OptimalDiscriminatorDashboard
from .exercises import check_d_star
from .texts import TEXT

__all__ = ["TEXT", "OptimalDiscriminatorDashboard", "check_d_star"]
