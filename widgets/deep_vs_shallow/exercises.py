"""Lesson 08's auto-checked exercises (verdicts render as HTML in the notebook)."""

from __future__ import annotations

import numpy as np

from ..exercises import GateCheck
from ..i18n import check_language
from ..models import depth as depth_model
from .texts import TEXT


def check_param_count(
    answer, n_inputs: int = 1, width: int = 13, depth: int = 3, lang: str = "pl"
) -> GateCheck:
    """Is ``answer`` the parameter count of ``depth`` x Dense(width) on ``n_inputs`` inputs
    with one output? Compared with the closed form :func:`widgets.models.depth.mlp_params`."""
    t = TEXT.for_language(check_language(lang))
    want = depth_model.mlp_params(n_inputs, width, depth)
    if isinstance(answer, int | np.integer) and int(answer) == want:
        detail = f"{n_inputs}→" + "→".join([str(width)] * depth) + "→1"
        return GateCheck(True, t("check_params_passed", want=want, detail=detail))
    hint = f"{depth} × Dense({width}) + Dense(1)"
    return GateCheck(False, t("check_params_failed", got=answer, want_hint=hint))


def check_shallow_neurons(answer, teeth: int = 8, lang: str = "pl") -> GateCheck:
    """Is ``answer`` the fewest ReLU neurons of one hidden layer that can draw a sawtooth of
    ``teeth`` teeth exactly? It has 2·teeth pieces, so 2·teeth − 1 bends (neurons)."""
    t = TEXT.for_language(check_language(lang))
    pieces = 2 * int(teeth)
    want = pieces - 1
    if isinstance(answer, int | np.integer) and int(answer) == want:
        return GateCheck(True, t("check_neurons_passed", teeth=teeth, pieces=pieces, want=want))
    return GateCheck(False, t("check_neurons_failed", got=answer, teeth=teeth))
