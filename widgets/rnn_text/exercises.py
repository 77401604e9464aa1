"""Lesson 11, part 3's auto-checked exercise: perplexity from the predicted probabilities,
checked against Keras's cross-entropy (perplexity = e^loss)."""

from __future__ import annotations

import numpy as np

from ..exercises import GateCheck
from ..i18n import check_language
from .texts import TEXT


def _keras_perplexity(probabilities: np.ndarray, targets: np.ndarray) -> float:
    import keras

    loss = keras.losses.SparseCategoricalCrossentropy()(targets, probabilities)
    return float(np.exp(float(loss)))


def _cases(rng: np.random.Generator) -> list[tuple[np.ndarray, np.ndarray]]:
    uniform = np.full((5, 4), 0.25)  # a guess among 4 characters: perplexity 4
    sure = np.eye(6)[[1, 2, 3]] * 0.9 + 0.1 / 6  # nearly sure and right
    random = rng.dirichlet(np.ones(30), size=50)  # 50 positions, a 30-character alphabet
    return [
        (uniform, np.array([0, 1, 2, 3, 0])),
        (sure, np.array([1, 2, 3])),
        (random, rng.integers(0, 30, size=50)),
    ]


def check_perplexity(function, lang: str = "pl") -> GateCheck:
    """Compare a student's ``perplexity(probabilities, targets)`` (probabilities of shape
    ``(positions, alphabet)``, the true characters' ids of shape ``(positions,)``) with
    ``exp`` of Keras's sparse categorical cross-entropy."""
    t = TEXT.for_language(check_language(lang))
    for probabilities, targets in _cases(np.random.default_rng(0)):
        want = _keras_perplexity(probabilities, targets)
        try:
            got = float(function(probabilities, targets))
        except Exception as error:  # noqa: BLE001  (a student's code: explain, don't crash)
            return GateCheck(False, t("check_crashed", message=str(error)))
        if not np.isclose(got, want, rtol=1e-4):
            return GateCheck(
                False,
                t(
                    "check_failed",
                    n=len(targets),
                    alphabet=probabilities.shape[1],
                    got=got,
                    want=want,
                ),
            )
    return GateCheck(True, t("check_passed"))
