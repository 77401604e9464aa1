"""Lesson 13 (the exact case) auto-checked exercise: the free energy of a pattern in numpy
(the verdict renders as HTML in the notebook)."""

from __future__ import annotations

import numpy as np

from ..exercises import GateCheck
from ..i18n import check_language, is_number
from ..models.rbm import NumpyRbm, bars_and_stripes
from .texts import TEXT

EXERCISE_SEED = 13
EXERCISE_PATTERN = 20  # a pattern of vertical bars
RTOL = 1e-4


def exercise_rbm() -> NumpyRbm:
    """A fixed RBM 16 → 8 (seeded weights ~ N(0, 1), biases ~ N(0, 0.5)) to compute with:
    ``.W`` (16, 8), ``.b_visible`` (16,), ``.b_hidden`` (8,), numpy arrays."""
    rng = np.random.default_rng(EXERCISE_SEED)
    return NumpyRbm(
        rng.normal(0.0, 1.0, (16, 8)), rng.normal(0.0, 0.5, 16), rng.normal(0.0, 0.5, 8)
    )


def exercise_pattern() -> np.ndarray:
    """The pattern of the exercise: one valid 4×4 bars-and-stripes image, 16 zeros and ones."""
    return bars_and_stripes(4)[EXERCISE_PATTERN]


def check_free_energy(answer, model=None, pattern=None, lang: str = "pl") -> GateCheck:
    """Is ``answer`` the free energy F(v) of ``pattern`` under ``model`` (by default the
    exercise's RBM and pattern)? Common slips get a hint: the sign, the visible term left
    out, the pre-activations summed instead of their softplus."""
    t = TEXT.for_language(check_language(lang))
    model = exercise_rbm() if model is None else NumpyRbm.from_model(model)
    v = exercise_pattern() if pattern is None else np.asarray(pattern, dtype=np.float64)
    v = v.reshape(-1).astype(np.float64)
    if answer is None:
        return GateCheck(False, t("check_fe_missing"))
    W, b_v, b_h = (
        np.asarray(a, dtype=np.float64) for a in (model.W, model.b_visible, model.b_hidden)
    )
    pre = v @ W + b_h
    visible, hidden = -float(v @ b_v), -float(np.sum(np.logaddexp(0.0, pre)))
    want = visible + hidden
    if not is_number(answer):
        return GateCheck(False, t("check_fe_failed", got=repr(answer)))
    got = float(answer)

    def near(value: float) -> bool:
        return bool(np.isclose(got, value, rtol=RTOL, atol=1e-6))

    if near(want):
        return GateCheck(True, t("check_fe_passed", want=want))
    hints = {"check_fe_sign": -want, "check_fe_visible": hidden,
             "check_fe_softplus": visible - float(np.sum(pre))}  # fmt: skip
    details = [t(key) for key, value in hints.items() if near(value)]
    return GateCheck(False, t("check_fe_failed", got=got), details)
