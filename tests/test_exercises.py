"""The exercise checker gives specific feedback, for Keras models and plain functions."""

from __future__ import annotations

import numpy as np

from widgets.backend import load_keras
from widgets.exercises import check_gate


def step_neuron(weights, bias):
    keras = load_keras()

    def step(z):
        return keras.ops.cast(z >= 0, "float32")

    model = keras.Sequential([keras.Input((len(weights),)), keras.layers.Dense(1, activation=step)])
    model.set_weights([np.array(weights, dtype="float32").reshape(-1, 1), np.array([bias])])
    return model


def test_correct_nand_passes():
    result = check_gate(step_neuron([-1.0, -1.0], 1.5), "NAND", lang="en")
    assert result.passed
    assert "Correct" in result._repr_html_()


def test_wrong_nand_names_the_rows_and_the_direction():
    result = check_gate(step_neuron([1.0, 1.0], -2.0), "NAND", lang="en")  # this is AND
    assert not result.passed
    text = str(result)
    assert "4 of 4" in text or "Not yet: 4" in text
    assert "both directions" in text  # AND vs NAND is wrong both ways


def test_majority_too_shy_in_polish():
    result = check_gate(step_neuron([1.0, 1.0, 1.0], -3.0), "MAJORITY", n_inputs=3, lang="pl")
    assert not result.passed
    assert "obniż próg" in str(result)


def test_non_binary_and_broken_models_are_explained():
    assert "0/1" in str(check_gate(lambda rows: rows.sum(axis=1) * 0.3, "AND", lang="en"))
    broken = check_gate(step_neuron([1.0, 1.0, 1.0], 0.0), "AND", n_inputs=2, lang="en")
    assert not broken.passed and "Could not run" in broken.message
