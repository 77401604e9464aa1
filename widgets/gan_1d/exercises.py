"""Lesson 14's exercise on the optimal discriminator (a verdict that renders as HTML)."""

from __future__ import annotations

from ..exercises import GateCheck
from ..i18n import check_language, is_number
from ..models import gan
from .texts import TEXT

#: The exercise's numbers: real N(0, 1), fake N(1, 1), at x = 0.5 … and at x = 2.
EXERCISE = {"mu_data": 0.0, "sigma_data": 1.0, "mu_g": 1.0, "sigma_g": 1.0}


def d_star_at(x: float, mu_data: float, sigma_data: float, mu_g: float, sigma_g: float):
    """D*(x) = p_data(x) / (p_data(x) + p_g(x)) for two Gaussians."""
    p_data = gan.gaussian_pdf(x, mu_data, sigma_data)
    p_g = gan.gaussian_pdf(x, mu_g, sigma_g)
    return float(gan.optimal_discriminator(p_data, p_g))


def check_d_star(answer, x: float = 2.0, lang: str = "pl", **distributions) -> GateCheck:
    """Is ``answer`` D*(x) for real N(0, 1) and fake N(1, 1) (or the ``distributions``
    given), to 3 decimals?"""
    t = TEXT.for_language(check_language(lang))
    params = {**EXERCISE, **distributions}
    if not is_number(answer) or not 0.0 <= float(answer) <= 1.0:
        return GateCheck(False, t("check_dstar_bad", got=answer))
    want = d_star_at(float(x), **params)
    if abs(float(answer) - want) <= 5e-4 + 1e-3 * want:
        return GateCheck(True, t("check_dstar_passed", x=float(x), want=want))
    return GateCheck(False, t("check_dstar_failed", x=float(x), got=float(answer)))
