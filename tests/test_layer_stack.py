"""Lesson 15's sequence builder (widgets/layer_stack/): the table is Keras' own summary,
a mismatch is explained at the layer where it breaks and the stack is kept, editing, the
presets, nonsense in both languages, and the shown code."""

from __future__ import annotations

import importlib

import numpy as np
import pytest
from code_checks import opened_code, run_code

from widgets.layer_stack import PRESETS, LayerStackDashboard
from widgets.models import layer_zoo as zoo


@pytest.fixture(scope="module")
def en():
    return LayerStackDashboard(lang="en").wait_ready()


@pytest.fixture(scope="module")
def pl():
    return LayerStackDashboard(lang="pl").wait_ready()


def test_the_lesson_10_cnn_has_keras_shapes_and_parameters(en):
    en.configure(stack_preset="cnn")
    assert en.model.output_shape == (None, 10)
    assert en.model.count_params() == 320 + 18_496 + 16_010
    assert "Total params: 34,826" in en.summary_text
    for layer, row in zip(en.model.layers, en.rows, strict=True):
        assert layer.count_params() == row.params
        assert tuple(layer.output.shape[1:]) == row.output_shape


def test_a_mismatch_is_explained_where_it_breaks_and_the_stack_is_kept(en):
    en.configure(stack_preset="broken")
    assert en.error_text == ""
    assert len(en.stack) == 3 and en.broken.index == 2
    assert len(en.model.layers) == 2  # built up to the break
    text = en.summary_text
    assert "LSTM cannot take an input of shape (26, 26, 10)" in text
    assert "Flatten" in text  # the hint, and the note on Dense acting on the last axis
    assert "Dense acts on the last axis only" in text


def test_lstm_on_a_vector_asks_for_a_reshape_in_polish(pl):
    pl.configure(stack_input="16", stack_layers=[("LSTM", {"units": 4})])
    assert pl.broken.index == 0
    assert "za mało wymiarów" in pl.summary_text and "Reshape" in pl.summary_text


def test_add_remove_and_reorder(en):
    en.configure(stack_input="28, 28, 1", stack_layers=[("Flatten", {})])
    en._family.value = "core"
    en._arg_controls["Dense"]["units"].value = 7
    en._add.click()
    en.wait_settled()
    assert [name for name, _ in en.stack] == ["Flatten", "Dense"]
    assert en.model.output_shape == (None, 7)
    en._position.value = 1
    en._up.click()
    en.wait_settled()
    assert [name for name, _ in en.stack] == ["Dense", "Flatten"]
    assert en.model.output_shape == (None, 28 * 28 * 7)  # Dense on the last axis, then Flatten
    en._remove.click()
    assert [name for name, _ in en.stack] == ["Flatten"]
    en._clear.click()
    assert en.stack == [] and "empty" in en.summary_text
    en._up.click()
    en._remove.click()
    en.wait_settled()
    assert en.error_text == ""


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_nonsense_is_a_message_in_the_page_language(lang, en, pl):
    dashboard = pl if lang == "pl" else en
    dashboard.configure(stack_preset="cnn")
    dashboard._shape.value = "abc"
    assert "input_shape" in dashboard.error_text
    assert len(dashboard.stack) == len(PRESETS["cnn"][1])  # kept
    dashboard.configure(stack_layers="nonsense")
    assert dashboard.error_text
    dashboard.configure(stack_layers=[("Conv9D", {})])
    assert "Conv9D" in dashboard.error_text
    dashboard.add_layer("Dense", units=-3)
    assert "units" in dashboard.error_text
    dashboard.configure(stack_preset="cnn")
    assert dashboard.error_text == ""


@pytest.mark.parametrize("preset", list(PRESETS))
def test_the_shown_code_builds_the_same_sequential(en, preset):
    en.configure(stack_preset=preset)
    namespace = run_code(opened_code(en))
    model = namespace["model"]
    assert model.output_shape == en.model.output_shape
    assert model.count_params() == en.model.count_params()
    for mine, theirs in zip(en.model.get_weights(), model.get_weights(), strict=True):
        np.testing.assert_allclose(mine, theirs, atol=1e-6)


def test_every_layer_of_the_zoo_can_be_added(en):
    en.configure(stack_layers=[])
    for name, spec in zoo.LAYERS.items():
        en.configure(stack_input=", ".join(map(str, spec.input_shape)), stack_layers=[])
        en.add_layer(name)
        assert en.error_text == "" and en.broken is None, name
        assert en.model.output_shape[1:] == spec.out(spec.input_shape, spec.defaults())


def test_add_answers_with_the_formulas_table_and_keras_follows_newest_first(en, monkeypatch):
    import threading

    en.configure(stack_input="28, 28, 1", stack_layers=[("Flatten", {})])
    started, release, built = threading.Event(), threading.Event(), []
    real = zoo.build_stack  # the real module's (zoo is a lazy stand-in)

    def held(shape, rows, *args, **kwargs):
        started.set()
        assert release.wait(30)
        built.append([row.name for row in rows])
        return real(shape, rows, *args, **kwargs)

    monkeypatch.setattr(importlib.import_module(zoo.__name__), "build_stack", held)
    try:
        old_model, builds = en.model, en.builds
        en._family.value = "core"
        en._arg_controls["Dense"]["units"].value = 5
        en._add.click()  # returns while Keras is held
        assert started.wait(10)
        text = en.summary_text
        assert "(None, 5)" in text and "784·5 + 5 = 3925" in text  # the formulas, at once
        assert "Total params: 3925" in text
        assert "dense" not in text  # Keras' own layer names come with its build
        assert en.model is old_model and en.building
        en._add.click()  # two more presses while it builds: only the last is built
        en._add.click()
    finally:
        release.set()
    en.wait_settled()
    assert built == [["Flatten", "Dense"], ["Flatten", "Dense", "Dense", "Dense"]]
    assert en.builds == builds + 2
    assert en.model.output_shape == (None, 5)
    assert len(en.model.layers) == 4 and "dense" in en.summary_text
    en._remove.click()  # Flatten, Dense, Dense: skipped above, built now
    en.wait_settled()
    assert en.builds == builds + 3 and len(en.model.layers) == 3
    en._remove.click()  # Flatten, Dense: built before, drawn in the press
    assert not en.building and en.builds == builds + 3
    assert len(en.model.layers) == 2
