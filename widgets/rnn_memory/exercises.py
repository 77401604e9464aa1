"""Lesson 11 (memory) auto-checked exercises (verdicts render as HTML in the notebook)."""

from __future__ import annotations

import numpy as np

from ..exercises import GateCheck
from ..i18n import check_language, is_number
from ..models.memory import baseline_mse
from .texts import TEXT


def check_baseline(answer, y, lang: str = "pl") -> GateCheck:
    """Is ``answer`` the MSE of the best constant answer on the targets ``y``, i.e. their
    variance? (Compared with :func:`widgets.models.memory.baseline_mse`.)"""
    t = TEXT.for_language(check_language(lang))
    want = baseline_mse(y)
    if is_number(answer) and np.isclose(float(answer), want, rtol=1e-4, atol=1e-7):
        return GateCheck(True, t("check_baseline_passed", want=want))
    return GateCheck(False, t("check_baseline_failed", got=answer))


def lstm_params(units: int, channels: int = 2) -> int:
    """Parameters of ``LSTM(units)`` on ``channels`` inputs: four gates, each with an
    input kernel, a recurrent kernel and a bias."""
    return 4 * (units * (channels + units) + units)


def check_lstm(model, units: int = 16, length: int = 50, lang: str = "pl") -> GateCheck:
    """Is ``model`` ``Input((length, 2))`` → ``LSTM(units)`` → ``Dense(1)``?"""
    t = TEXT.for_language(check_language(lang))
    layers = getattr(model, "layers", None)
    if layers is None or not hasattr(model, "count_params"):
        problem = t("lstm_not_model", got=type(model).__name__)
        return GateCheck(False, t("check_lstm_failed", problem=problem))
    shape = tuple(getattr(model, "input_shape", ()) or ())
    if shape != (None, length, 2):
        problem = t("lstm_input", got=shape, length=length)
        return GateCheck(False, t("check_lstm_failed", problem=problem))
    kinds = [(type(layer).__name__, getattr(layer, "units", None)) for layer in layers]
    if kinds != [("LSTM", units), ("Dense", 1)]:
        got = ", ".join(f"{kind}({size})" if size else kind for kind, size in kinds)
        problem = t("lstm_layers", units=units, got=got or "–")
        return GateCheck(False, t("check_lstm_failed", problem=problem))
    params, dense = int(model.count_params()), units + 1
    return GateCheck(
        True, t("check_lstm_passed", units=units, length=length, params=params, dense=dense)
    )
