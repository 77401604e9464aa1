"""Lesson 14 (GAN Lab) auto-checked exercise (the verdict renders as HTML in the notebook)."""

from __future__ import annotations

import math

from ..errors import finite_number
from ..exercises import GateCheck
from ..i18n import check_language
from .texts import TEXT

TOLERANCE = 0.01
EQUILIBRIUM_D_LOSS = 2 * math.log(2)  # −ln ½ − ln(1 − ½)
EQUILIBRIUM_G_LOSS = math.log(2)  # −ln ½, the non-saturating generator loss


def check_equilibrium_loss(answer, lang: str = "pl") -> GateCheck:
    """Is ``answer`` the discriminator's log loss at the equilibrium, 2 ln 2?"""
    t = TEXT.for_language(check_language(lang))
    if not finite_number(answer):
        return GateCheck(False, t("exercise_not_a_number", value=repr(answer)))
    value = float(answer)
    if abs(value - EQUILIBRIUM_D_LOSS) <= TOLERANCE:
        return GateCheck(True, t("exercise_loss_right", value=value))
    if abs(value - EQUILIBRIUM_G_LOSS) <= TOLERANCE:
        return GateCheck(False, t("exercise_loss_generator"))
    return GateCheck(False, t("exercise_loss_wrong", value=value))
