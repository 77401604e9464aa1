"""Lesson 03's auto-checked exercises: the weights after two patterns, and a task that
Hebb's rule cannot learn. Both run the Keras :class:`~widgets.models.hebb.HebbNet`."""

from __future__ import annotations

import numpy as np

from ..backend import load_keras
from ..exercises import GateCheck
from ..i18n import check_language
from ..models import hebb as hebb_model
from .dashboard import ENCODING_NAMES, EPOCHS_MAX, GATES
from .figures import format_number, format_vector
from .texts import TEXT


def check_first_two(w1, w2, b, lang: str = "pl") -> GateCheck:
    """Exercise 1: the weights of the bipolar AND net (η = 1) after its first two patterns."""
    load_keras()  # never import Keras while the background thread is importing it
    t = TEXT.for_language(check_language(lang))
    given = (w1, w2, b)
    try:
        values = np.array([float(v) for v in given])
    except (TypeError, ValueError):
        return GateCheck(False, t("ex1_bad", given=given))
    X, y = hebb_model.hebb_patterns("AND", "bipolar")
    states = hebb_model.hebb_reference(X, y, 1.0, epochs=1)
    want = states[2]
    if np.allclose(values, want):
        return GateCheck(True, t("ex1_passed", w1=want[0], w2=want[1], b=want[2]))
    details = []
    if np.allclose(values, states[0]):
        details.append(t("ex1_unchanged"))
    elif np.allclose(values, states[1]):
        details.append(t("ex1_one"))
    elif np.allclose(values, states[4]):
        details.append(t("ex1_epoch"))
    else:
        for name, got, expected, symbol in zip(
            ("w1", "w2", "b"), values, want, ("x1", "x2", "1"), strict=True
        ):
            if not np.isclose(got, expected):
                details.append(t("ex1_component", name=name, got=got, input=symbol))
        if not np.isclose(values[2], want[2]):
            details.append(t("ex1_bias"))
        # The second pattern's sign flipped: the student added η·x instead of subtracting it.
        flipped = states[1] + np.append(X[1], 1.0) * 1.0
        if np.allclose(values, flipped) or np.allclose(values[:2], flipped[:2]):
            details.append(t("ex1_sign"))
    return GateCheck(False, t("ex1_failed", given=format_vector(values, t.lang)), details)


def _exercise_2_problem(t, gate, encoding, epochs) -> str | None:
    """What is wrong with exercise 2's settings, in the student's language, or None."""
    if str(gate).upper() not in GATES:
        return t("bad_gate", value=gate, names=", ".join(GATES))
    if encoding not in ENCODING_NAMES:
        return t("bad_encoding", value=encoding, names=", ".join(ENCODING_NAMES))
    if not isinstance(epochs, int) or not 1 <= epochs <= EPOCHS_MAX:
        return t("bad_epochs", high=EPOCHS_MAX, value=epochs)
    return None


def check_hebb_fails(gate: str, encoding: str, epochs: int = 1, lang: str = "pl") -> GateCheck:
    """Exercise 2: train a HebbNet (Keras) on ``gate`` and pass if it does NOT learn it."""
    t = TEXT.for_language(check_language(lang))
    problem = _exercise_2_problem(t, gate, encoding, epochs)
    if problem is not None:
        return GateCheck(False, t("ex2_bad", message=problem))
    load_keras()  # never import Keras while the background thread is importing it
    gate = str(gate).upper()
    X, y = hebb_model.hebb_patterns(gate, encoding)
    model = hebb_model.build_hebb_net(encoding)
    state = hebb_model.train_history(model, X, y, epochs)[-1]
    outputs = hebb_model.predict_outputs(model, X)
    wrong = np.flatnonzero(outputs != y)
    w, b = format_vector(state[:-1], t.lang), format_number(state[-1], t.lang)
    if wrong.size == 0:
        return GateCheck(False, t("ex2_learns", epochs=epochs, w=w, b=b))
    patterns = ", ".join(format_vector(X[i], t.lang) for i in wrong)
    message = t(
        "ex2_fails",
        gate=gate,
        encoding=t(f"enc_{encoding}"),
        epochs=epochs,
        w=w,
        b=b,
        wrong=wrong.size,
        patterns=patterns,
    )
    if gate == "XOR":
        reason = t("ex2_reason_xor")
    elif (y == 0).any():
        reason = t("ex2_reason_zero", silent=int((y == 0).sum()))
    else:
        reason = t("ex2_reason_inputs")
    return GateCheck(True, message, [reason])
