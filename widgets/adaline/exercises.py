"""Lesson 05's auto-checked exercises: the critical learning rate of batch descent and the
least-squares weights, each answered with a :class:`~widgets.exercises.GateCheck`."""

from __future__ import annotations

import numpy as np

from ..exercises import GateCheck
from ..i18n import check_language
from ..models import adaline as adaline_model
from .texts import TEXT


def _with_ones(X) -> np.ndarray:
    """``A = [X 1]``: the inputs with a column of ones for the bias (float64)."""
    X = np.asarray(X, dtype=np.float64)
    return np.hstack([X, np.ones((len(X), 1))])


def critical_learning_rate(X) -> float:
    """The largest η for which batch gradient descent on Keras' MSE converges.

    The gradient of ``mean((Aθ − y)²)`` is ``(2/n) Aᵀ(Aθ − y)`` with ``A = [X 1]``; a step
    multiplies the error along the top eigenvector by ``1 − η·2λ_max(AᵀA/n)``, which stays
    below 1 in size only for ``η < 1 / λ_max(AᵀA/n)``.
    """
    A = _with_ones(X)
    return float(1.0 / np.linalg.eigvalsh(A.T @ A / len(A))[-1])


def check_critical_rate(eta: float, X, lang: str = "pl", tolerance: float = 0.05) -> GateCheck:
    """Is ``eta`` the critical learning rate of batch descent on ``X`` (within 5 %)?"""
    t = TEXT.for_language(check_language(lang))
    want = critical_learning_rate(X)
    error = abs(float(eta) - want) / want
    if error <= tolerance:
        return GateCheck(True, t("check_rate_passed", want=want, got=float(eta)))
    return GateCheck(False, t("check_rate_failed", got=float(eta), error=100 * error))


def check_least_squares(w, b: float, X, y, lang: str = "pl") -> GateCheck:
    """Are ``(w, b)`` the least-squares weights of ``(X, y)``? (cost within 1e-6)."""
    t = TEXT.for_language(check_language(lang))
    X = np.asarray(X, dtype=np.float64)
    best, *_ = np.linalg.lstsq(_with_ones(X), np.asarray(y, dtype=np.float64).ravel(), rcond=None)
    cost = adaline_model.cost
    want, got = cost(X, y, best[:-1], best[-1]), cost(X, y, np.ravel(w), float(b))
    if np.isfinite(got) and got - want <= 1e-6:
        return GateCheck(
            True, t("check_ls_passed", w=np.round(np.ravel(w), 4).tolist(), b=float(b))
        )
    return GateCheck(False, t("check_ls_failed", got=got, want=want))
