"""Lesson 12 (denoising and PCA) auto-checked exercise (the verdict renders as HTML)."""

from __future__ import annotations

import numpy as np

from ..exercises import GateCheck
from ..i18n import check_language, is_number
from ..models.autoencoder import Pca, mnist_split
from .texts import TEXT

RTOL = 1e-3  # float32 against float64 arithmetic differ in the 5th digit at most
CLOSE = 0.25  # within this: the right method, probably fitted on the wrong set


def pca_reference(x_train=None, x_test=None) -> float:
    """PCA-2's test MSE: components and mean from ``x_train`` (default: the 8k/2k split)."""
    if x_train is None or x_test is None:
        x_train, _, x_test, _ = mnist_split()
    return Pca(2).fit(x_train).mse(x_test)


def check_pca_mse(answer, x_train=None, x_test=None, lang: str = "pl") -> GateCheck:
    """Is ``answer`` PCA-2's reconstruction MSE on the test digits, with the mean and the
    two components taken from the training digits? (Compared with :class:`Pca`.)"""
    t = TEXT.for_language(check_language(lang))
    want = pca_reference(x_train, x_test)
    if is_number(answer) and np.isclose(float(answer), want, rtol=RTOL):
        return GateCheck(True, t("check_pca_passed", want=want))
    if is_number(answer) and np.isclose(float(answer), want, rtol=CLOSE):
        return GateCheck(
            False, t("check_pca_failed", got=answer), [t("check_pca_close", got=answer)]
        )
    return GateCheck(False, t("check_pca_failed", got=answer))
