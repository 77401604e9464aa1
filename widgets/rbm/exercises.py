"""Lesson 13 auto-checked exercises (verdicts render as HTML in the notebook)."""

from __future__ import annotations

import numpy as np

from ..exercises import GateCheck
from ..i18n import check_language
from .figures import clamp_mask
from .texts import TEXT


def _reference(model):
    from ..models.rbm import NumpyRbm

    return NumpyRbm.from_model(model)


def check_hidden_probabilities(probabilities, model, digit, lang: str = "pl") -> GateCheck:
    """Is ``probabilities`` p(h = 1 | v) of ``digit`` (784 pixels in {0, 1}) under ``model``,
    i.e. σ(v·W + b_hidden) for every hidden unit (to 1e-4)?"""
    t = TEXT.for_language(check_language(lang))
    rbm = _reference(model)
    v = np.asarray(digit, dtype=np.float32).reshape(1, -1)
    want = rbm.hidden_probabilities(v)[0]
    try:
        got = np.asarray(probabilities, dtype=np.float64).reshape(-1)
    except (TypeError, ValueError):
        got = None
    if probabilities is None or got is None or got.shape != want.shape:
        shape = "–" if got is None or probabilities is None else str(tuple(np.shape(probabilities)))
        return GateCheck(False, t("check_p_shape", got=shape, want=want.size))
    error = float(np.max(np.abs(got - want)))
    if np.all(np.isfinite(got)) and error < 1e-4:
        return GateCheck(True, t("check_p_passed", n=want.size, on=int(np.sum(want > 0.5))))
    no_bias = 1 / (1 + np.exp(-(v @ rbm.W)[0]))
    if np.max(np.abs(got - no_bias)) < 1e-4:
        return GateCheck(False, t("check_p_no_bias"))
    if np.all(np.isfinite(got)) and (got.min() < 0 or got.max() > 1):
        return GateCheck(False, t("check_p_not_probability", low=got.min(), high=got.max()))
    return GateCheck(False, t("check_p_failed", error=error))


def check_fill_in(completed, answer, dashboard, digit, label: int, lang: str = "pl") -> GateCheck:
    """The bottom half of ``digit`` filled in by Gibbs sampling with the top half clamped:
    ``completed`` (784 probabilities or pixels) must keep the top half equal to the
    digit's, not be the digit itself, and ``answer`` must be the digit's ``label``.
    ``dashboard``: the lesson's dashboard (its RBM must have been trained), or an RBM."""
    t = TEXT.for_language(check_language(lang))
    digit = np.asarray(digit, dtype=np.float32).reshape(-1)
    top = clamp_mask("top")
    try:
        image = np.asarray(completed, dtype=np.float32).reshape(-1)
    except (TypeError, ValueError):
        image = None
    if completed is None or image is None or image.size != digit.size:
        return GateCheck(False, t("check_fill_shape"))
    if not np.allclose(image[top], digit[top], atol=1e-6):
        return GateCheck(False, t("check_fill_not_clamped"))
    if np.array_equal(image[~top], digit[~top]):
        return GateCheck(False, t("check_fill_copied"))
    if getattr(dashboard, "epochs_done", 1) == 0:
        return GateCheck(False, t("check_fill_untrained"))
    if answer is None or not isinstance(answer, int | np.integer) or int(answer) != int(label):
        return GateCheck(False, t("check_fill_wrong", answer=answer))
    return GateCheck(True, t("check_fill_passed", label=int(label)))
