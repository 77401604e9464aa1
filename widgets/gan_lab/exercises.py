"""Lesson 14 auto-checked exercise (the verdict renders as HTML in the notebook)."""

from __future__ import annotations

import math

from ..errors import finite_number
from ..exercises import GateCheck
from ..i18n import check_language
from .texts import TEXT

TOLERANCE = 0.005


def optimal_d_at_zero() -> float:
    """Goodfellow's D*(0) for data N(0, 1) against generated N(1, 1): σ(0.5)."""
    p_data = math.exp(-0.0) / math.sqrt(2 * math.pi)
    p_g = math.exp(-0.5) / math.sqrt(2 * math.pi)
    return p_data / (p_data + p_g)


def check_optimal_discriminator(answer, lang: str = "pl") -> GateCheck:
    """Is ``answer`` D*(0) = p_data(0) / (p_data(0) + p_G(0)) for N(0, 1) vs N(1, 1)?"""
    t = TEXT.for_language(check_language(lang))
    if not finite_number(answer):
        return GateCheck(False, t("exercise_not_a_number", value=repr(answer)))
    value = float(answer)
    if abs(value - optimal_d_at_zero()) <= TOLERANCE:
        return GateCheck(True, t("exercise_dstar_right", value=value))
    if abs(value - 0.5) <= TOLERANCE:
        return GateCheck(False, t("exercise_dstar_half"))
    return GateCheck(False, t("exercise_dstar_wrong", value=value))
