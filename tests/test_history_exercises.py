"""Lesson 01's exercises: dating milestones and the single-neuron (XOR) question."""

from __future__ import annotations

import numpy as np
import pytest

from widgets.history import EVENTS
from widgets.history.exercises import (
    GATES,
    check_single_neuron,
    check_years,
    threshold_solution,
)
from widgets.logic import input_rows, linearly_separable_count, truth_vector

YEARS = {event.key: event.year for event in EVENTS}


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_right_years_pass(lang):
    answers = {key: YEARS[key] for key in ("perceptron", "backprop", "cnn", "lstm", "gan")}
    verdict = check_years(answers, lang=lang)
    assert verdict.passed and "5" in verdict.message


def test_wrong_years_are_named_with_their_direction():
    answers = {"perceptron": 1957, "backprop": 1974, "lstm": 2001, "gan": None}
    verdict = check_years(answers, lang="en")
    assert not verdict.passed and "3 of 4" in verdict.message
    text = " ".join(verdict.details)
    assert "1974 is too early" in text and "2001 is too late" in text
    assert "no year given" in text and "Rosenblatt" not in text  # the right one is not listed


def test_unknown_event_key_is_explained():
    verdict = check_years({"transformer": 2017}, lang="pl")
    assert not verdict.passed and "transformer" in verdict.message and "mcp" in verdict.message


def test_threshold_solutions_really_compute_their_gates():
    rows = input_rows(2)
    for gate in GATES:
        solution = threshold_solution(gate)
        if solution is None:
            continue
        w, theta = solution
        outputs = (rows @ np.array(w) >= theta).astype(np.float32)
        np.testing.assert_array_equal(outputs, truth_vector(gate, 2))
    assert {g for g in GATES if threshold_solution(g) is None} == {"XOR", "XNOR"}


def test_grid_finds_every_threshold_function():
    """The search grid is wide enough: it finds all 14 separable two-input functions."""
    rows = input_rows(2)
    found = set()
    for w1 in (-2, -1, 0, 1, 2):
        for w2 in (-2, -1, 0, 1, 2):
            for theta in (-2.5, -1.5, -0.5, 0.5, 1.5, 2.5):
                found.add(tuple((rows @ np.array([w1, w2]) >= theta).astype(int)))
    assert len(found) == linearly_separable_count(2)


def test_single_neuron_answers():
    right = {gate: gate not in ("XOR", "XNOR") for gate in GATES}
    assert check_single_neuron(right, lang="en").passed
    wrong = dict(right, XOR=True, NAND=False)
    verdict = check_single_neuron(wrong, lang="en")
    assert not verdict.passed and "2 of 6" in verdict.message
    text = " ".join(verdict.details)
    assert "XOR: no straight line" in text and "NAND: one neuron can" in text
    assert not check_single_neuron({"AND": "yes"}, lang="pl").passed
    assert not check_single_neuron({"IMPLIES": True}, lang="pl").passed


def test_polish_messages_agree_with_their_counts():
    """ "6 daty" and "1 z 6 odpowiedzi są" were printed once: the counts choose the forms."""
    right = {key: YEARS[key] for key in ("mcp", "hebb", "perceptron", "adaline", "cnn", "gan")}
    assert "(6/6)" in check_years(right, lang="pl").message
    one_wrong = {**right, "mcp": 1900}
    assert "1 z 6 dat się nie zgadza" in check_years(one_wrong, lang="pl").message
    two_wrong = {**one_wrong, "gan": 2030}
    assert "2 z 6 dat się nie zgadzają" in check_years(two_wrong, lang="pl").message
    assert "2 of 6 dates are wrong" in check_years(two_wrong, lang="en").message
    answers = {gate: True for gate in ("AND", "OR", "XOR")}
    assert "1 z 3 odpowiedzi jest błędna" in check_single_neuron(answers, lang="pl").message
    answers["XNOR"] = True
    assert "2 z 4 odpowiedzi są błędne" in check_single_neuron(answers, lang="pl").message
