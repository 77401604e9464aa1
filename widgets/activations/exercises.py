"""Lesson 06's auto-checked exercises: a derivative and softmax, checked against Keras."""

from __future__ import annotations

import numpy as np

from ..exercises import GateCheck
from ..i18n import check_language
from ..models import activations as activations_model
from .texts import TEXT


def check_derivative(function, name: str = "sigmoid", lang: str = "pl") -> GateCheck:
    """Compare a student's ``f'(z)`` (numpy in, numpy out) with GradientTape's on a grid."""
    t = TEXT.for_language(check_language(lang))
    z = np.linspace(-6, 6, 200)
    _, want = activations_model.values_and_derivative(name, z)
    try:
        got = np.asarray(function(z), dtype=float).reshape(z.shape)
    except Exception as error:  # noqa: BLE001  (a student's code: explain, don't crash)
        return GateCheck(False, t("check_crashed", message=str(error)))
    error = np.abs(got - want)
    if np.all(np.isfinite(got)) and float(error.max()) < 1e-4:
        return GateCheck(True, t("check_passed", reference=t("tape"), n=len(z)))
    worst = int(np.nanargmax(np.where(np.isfinite(error), error, np.inf)))
    return GateCheck(
        False,
        t("check_failed", error=float(error[worst]), at=z[worst], got=got[worst], want=want[worst]),
    )


def check_softmax(function, lang: str = "pl") -> GateCheck:
    """Compare a student's ``softmax(logits, temperature)`` with Keras on a few cases."""
    t = TEXT.for_language(check_language(lang))
    cases = [([2.0, 1.0, 0.1], 1.0), ([1.0, 2.0, 3.0, 4.0], 0.5), ([0.0, -1.0, 3.0, 2.0, 1.0], 4.0)]
    for logits, temperature in cases:
        want = activations_model.softmax(logits, temperature)
        try:
            got = np.asarray(function(np.array(logits), temperature), dtype=float).ravel()
        except Exception as error:  # noqa: BLE001
            return GateCheck(False, t("check_crashed", message=str(error)))
        if got.shape != want.shape or not np.allclose(got, want, atol=1e-5):
            return GateCheck(
                False,
                t(
                    "check_softmax_failed",
                    logits=logits,
                    temperature=temperature,
                    got=np.round(got, 3).tolist(),
                    want=np.round(want, 3).tolist(),
                ),
            )
    return GateCheck(True, t("check_passed", reference=t("keras_softmax"), n=len(cases)))
