"""Lesson 11's auto-checked exercises: one step of the recurrence by hand, then the whole
loop in numpy, both checked against ``keras.layers.SimpleRNN``."""

from __future__ import annotations

import numpy as np

from ..exercises import GateCheck
from ..i18n import check_language, is_number
from ..models import recurrence
from .texts import TEXT

#: Exercise 1: one unit, three steps (the notebook prints these numbers).
H3_TASK = {"W": 0.8, "U": 0.5, "b": -0.2, "x": (1.0, 0.0, 0.5)}
TOLERANCE = 1e-5  # Keras computes in float32
H3_TOLERANCE = 1e-3  # a number typed by hand, to about four decimals


def _keras_states(x, W, U, b) -> np.ndarray:
    model = recurrence.simple_rnn(len(np.atleast_1d(b)), W, U, b)
    return recurrence.states(model, x)


def check_h3(value, lang: str = "pl") -> GateCheck:
    """Compare a student's h_3 of :data:`H3_TASK` with Keras's SimpleRNN."""
    t = TEXT.for_language(check_language(lang))
    task = H3_TASK
    h = _keras_states(task["x"], task["W"], task["U"], task["b"])[:, 0].astype(float)
    if isinstance(value, np.ndarray) and value.size == 1:
        value = value.item()
    if not is_number(value) or not np.isfinite(value):
        return GateCheck(False, t("check_not_number", got=repr(value)[:40]))
    value = float(value)
    want = float(h[2])
    if abs(value - want) < H3_TOLERANCE:
        return GateCheck(True, t("check_h3_passed", want=want))
    details = [
        t("check_h3_off_by_step", step=step + 1, value=float(h[step]), more=2 - step)
        for step in (0, 1)
        if abs(value - h[step]) < H3_TOLERANCE
    ]
    return GateCheck(False, t("check_h3_failed", got=value, want=want), details)


def unroll_cases() -> list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]:
    """(x, W, U, b) of the loop exercise: one unit on a sine, then three units."""
    rng = np.random.default_rng(11)
    x1 = np.sin(np.arange(1, 7) * 0.8)
    one = (x1, np.array([[1.5]]), np.array([[0.7]]), np.array([0.1]))
    x3 = rng.normal(size=10)
    three = (x3, rng.uniform(-1, 1, (3, 1)), rng.uniform(-0.8, 0.8, (3, 3)), rng.uniform(-1, 1, 3))
    return [one, three]


def check_unroll(function, lang: str = "pl") -> GateCheck:
    """Run a student's ``function(x, W, U, b)`` (x: (T,), W: (units, 1), U: (units, units),
    b: (units,)) and compare the states it returns (T × units) with Keras's SimpleRNN."""
    t = TEXT.for_language(check_language(lang))
    cases = unroll_cases()
    for number_, (x, W, U, b) in enumerate(cases, start=1):
        want = _keras_states(x, W, U, b).astype(float)
        try:
            got = np.asarray(function(x.copy(), W.copy(), U.copy(), b.copy()), dtype=float)
        except Exception as error:  # noqa: BLE001  (a student's code: explain, don't crash)
            return GateCheck(False, t("check_crashed", message=str(error)))
        if got.shape != want.shape:
            got = got.reshape(want.shape) if got.size == want.size else got
        if got.shape != want.shape:
            return GateCheck(False, t("check_loop_shape", want=want.shape, got=got.shape))
        error = np.where(np.isfinite(got), np.abs(got - want), np.inf).max(axis=1)
        wrong = np.flatnonzero(error > TOLERANCE)
        if wrong.size:  # the first step that differs: where the student's loop goes wrong
            step = int(wrong[0])
            return GateCheck(
                False,
                t("check_loop_failed", case=number_, units=len(b), t=step + 1,
                  error=float(error[step])),
            )  # fmt: skip
    return GateCheck(True, t("check_loop_passed", n=len(cases), tol=TOLERANCE))
