"""Lesson 04's auto-checked exercise: the student's perceptron rule against the reference
(the verdict renders as HTML in the notebook)."""

from __future__ import annotations

import numpy as np

from ..exercises import GateCheck
from ..i18n import check_language
from .readout import fmt, vec
from .texts import EXERCISE_TEXT


def reference_update(w, b, x, y, eta):
    """One step of the perceptron rule in numpy (the exercises' reference)."""
    w, x = np.asarray(w, dtype=float), np.asarray(x, dtype=float)
    y_hat = 1.0 if float(w @ x + b) >= 0 else 0.0
    error = float(y) - y_hat
    return w + eta * error * x, float(b) + eta * error


def check_update(update, lang: str = "pl", cases: int = 12, seed: int = 0) -> GateCheck:
    """Check a student's ``update(w, b, x, y, eta) -> (w, b)`` against the perceptron rule."""
    t = EXERCISE_TEXT.for_language(check_language(lang))
    rng = np.random.default_rng(seed)
    wrong = []
    for _ in range(cases):
        w, x = rng.integers(-3, 4, 2).astype(float), rng.integers(-2, 3, 2).astype(float)
        b, y, eta = float(rng.integers(-2, 3)), int(rng.integers(0, 2)), [0.5, 1.0][rng.integers(2)]
        want_w, want_b = reference_update(w, b, x, y, eta)
        try:
            got_w, got_b = update(w.copy(), b, x.copy(), y, eta)
            got_w, got_b = np.asarray(got_w, dtype=float).reshape(2), float(got_b)
        except Exception as error:  # noqa: BLE001  (a student's code: explain, don't crash)
            return GateCheck(False, t("crashed", message=f"{type(error).__name__}: {error}"))
        if not (np.allclose(got_w, want_w) and np.isclose(got_b, want_b)):
            wrong.append(
                t(
                    "case",
                    w=vec(w, t.lang),
                    b=fmt(b, t.lang),
                    x=vec(x, t.lang),
                    y=y,
                    eta=eta,
                    want_w=vec(want_w, t.lang),
                    want_b=fmt(want_b, t.lang),
                    got_w=vec(got_w, t.lang),
                    got_b=fmt(got_b, t.lang),
                )
            )
    if not wrong:
        return GateCheck(True, t("passed", n=cases))
    return GateCheck(False, t("failed", wrong=len(wrong), n=cases), [*wrong[:3], t("hint")])
