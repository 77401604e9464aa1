"""Auto-checked exercises of lesson 01 (history).

- :func:`check_years`: the student dates six milestones; the feedback names each wrong
  one and says whether the guess is too early or too late.
- :func:`check_single_neuron`: the student marks which two-input logic functions a single
  threshold neuron can compute (the question behind the 1969 critique); the reference is
  a brute-force search over weights and thresholds, so the answer is computed, not stored.
"""

from __future__ import annotations

import itertools

import numpy as np

from ..exercises import GateCheck
from ..i18n import check_language
from ..logic import input_rows, truth_vector
from .events import EVENTS
from .texts import EXERCISE_TEXT, TEXT

GATES = ("AND", "OR", "NAND", "NOR", "XOR", "XNOR")
WEIGHT_GRID = (-2.0, -1.0, 0.0, 1.0, 2.0)
THRESHOLD_GRID = (-2.5, -1.5, -0.5, 0.5, 1.5, 2.5)  # between the integer sums: no ties


def _title(key: str, lang: str) -> str:
    return TEXT.for_language(lang)(f"{key}_title")


def check_years(answers: dict, lang: str = "pl") -> GateCheck:
    """Compare ``{event key: year}`` with the timeline; every given key is checked."""
    t = EXERCISE_TEXT.for_language(check_language(lang))
    years = {event.key: event.year for event in EVENTS}
    unknown = [key for key in answers if key not in years]
    if unknown or not answers:
        keys = ", ".join(years)
        return GateCheck(False, t("unknown_key", event=unknown[0] if unknown else "", keys=keys))
    details = []
    for key, guess in answers.items():
        title = _title(key, lang)
        if not isinstance(guess, int | np.integer) or isinstance(guess, bool):
            details.append(t("missing", title=title))
        elif guess < years[key]:
            details.append(t("too_early", title=title, year=guess))
        elif guess > years[key]:
            details.append(t("too_late", title=title, year=guess))
    if not details:
        return GateCheck(True, t("years_passed", n=len(answers)))
    message = t("years_failed", wrong=len(details), n=len(answers))
    return GateCheck(False, message, [*details, t("hint_timeline")])


def threshold_solution(gate: str) -> tuple[tuple[float, float], float] | None:
    """Weights and threshold of one neuron computing ``gate``, or None if there are none.

    Searches small integer weights and half-integer thresholds, which is enough for every
    two-input threshold function (the brute-force test finds exactly 14 of 16).
    """
    rows = input_rows(2)
    wanted = truth_vector(gate, 2)
    for w1, w2, theta in itertools.product(WEIGHT_GRID, WEIGHT_GRID, THRESHOLD_GRID):
        outputs = (rows @ np.array([w1, w2]) >= theta).astype(np.float32)
        if np.array_equal(outputs, wanted):
            return (w1, w2), theta
    return None


def check_single_neuron(answers: dict, lang: str = "pl") -> GateCheck:
    """Check ``{gate: True/False}``: can one threshold neuron compute that gate?"""
    t = EXERCISE_TEXT.for_language(check_language(lang))
    unknown = [gate for gate in answers if gate not in GATES]
    if unknown or not answers:
        gate = unknown[0] if unknown else ""
        return GateCheck(False, t("unknown_gate", gate=gate, gates=", ".join(GATES)))
    details = []
    for gate, answer in answers.items():
        if not isinstance(answer, bool):
            details.append(t("not_bool", gate=gate, value=answer))
            continue
        solution = threshold_solution(gate)
        if answer != (solution is not None):
            details.append(_explain(gate, solution, t))
    if details:
        return GateCheck(False, t("neuron_failed", wrong=len(details), n=len(answers)), details)
    yes = ", ".join(g for g in answers if answers[g]) or "–"
    no = ", ".join(g for g in answers if not answers[g]) or "–"
    return GateCheck(True, t("neuron_passed", yes=yes, no=no))


def _explain(gate: str, solution, t) -> str:
    if solution is None:
        return t("cannot", gate=gate)
    (w1, w2), theta = solution
    return t("can", gate=gate, w=f"({w1:g}, {w2:g})", theta=f"{theta:g}")
