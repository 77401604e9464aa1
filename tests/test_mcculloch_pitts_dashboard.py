"""Headless widget tests: set controls from pytest, assert on the model and the figures."""

from __future__ import annotations

import numpy as np
import pytest
from student_errors import assert_student_error, shown_errors

from widgets.figures.plane import POINTS_TRACE, TARGETS_TRACE
from widgets.figures.shapes import named, path_points
from widgets.figures.style import FIRE
from widgets.mcculloch_pitts import McCullochPittsDashboard


def boundary(dashboard):
    """The plane's boundary line as its two end points ((x0, y0), (x1, y1))."""
    (line,) = named(dashboard.plane.layout.shapes, "boundary")
    return np.array([[line.x0, line.y0], [line.x1, line.y1]])


@pytest.fixture(scope="module")
def dashboard():
    return McCullochPittsDashboard(lang="en", xor_attempts_before_why=3).wait_ready()


@pytest.fixture(autouse=True)
def reset(dashboard):
    dashboard._challenge.value = False
    dashboard._third.value = False
    dashboard._inhibitory.value = False
    dashboard.apply_preset("AND")
    dashboard.clear_error()


def slider(dashboard, name):
    return {
        "w1": dashboard._weights[0],
        "w2": dashboard._weights[1],
        "w3": dashboard._weights[2],
        "theta": dashboard._threshold,
    }[name]


def test_sliders_load_into_the_keras_model(dashboard):
    slider(dashboard, "w1").value = -1.5
    slider(dashboard, "theta").value = 0.5
    kernel, threshold = dashboard.model.get_weights()
    np.testing.assert_array_equal(kernel.ravel(), [-1.5, 1.0])
    assert threshold == 0.5
    _, sums, outputs = dashboard.truth_table()
    np.testing.assert_array_equal(sums, [0, 1, -1.5, -0.5])
    np.testing.assert_array_equal(outputs, [0, 1, 0, 0])
    assert dashboard.function_name == "NOT x1 AND x2"
    assert "NOT x1 AND x2" in dashboard._function.value


@pytest.mark.parametrize("gate", ["AND", "OR", "NAND", "NOR", "NOT"])
def test_preset_buttons_set_the_gate(dashboard, gate):
    button = next(b for b in dashboard._preset_buttons if b.description == gate)
    button.click()
    assert dashboard.function_name == ("NOT x1" if gate == "NOT" else gate)


def test_truth_table_and_plane_follow_the_threshold(dashboard):
    before = dashboard._table.value
    points_before = dashboard.plane.data[POINTS_TRACE].text
    slider(dashboard, "theta").value = 1.0  # AND -> OR
    assert dashboard._table.value != before
    assert dashboard.plane.data[POINTS_TRACE].text == ("0", "1", "1", "1")
    assert points_before == ("0", "0", "0", "1")
    np.testing.assert_allclose(boundary(dashboard).sum(axis=1), [1.0, 1.0])  # x1 + x2 = θ = 1
    (fires,) = named(dashboard.plane.layout.shapes, "fires")
    assert (path_points(fires.path).sum(axis=1) >= 1.0 - 1e-4).all()


def test_third_input_rebuilds_the_model_and_slices_the_plane(dashboard):
    dashboard._third.value = True
    assert dashboard.model.input_shape == (None, 3)
    dashboard.apply_preset("AND")
    assert dashboard.function_name == "AND"
    dashboard._slice.value = 1  # at x3 = 1 the line is x1 + x2 = 3 - 1
    np.testing.assert_allclose(boundary(dashboard).sum(axis=1), [2.0, 2.0])
    dashboard.configure(weights=[1, 1, 1], threshold=2)
    assert dashboard.function_name == "MAJORITY"


def test_topology_checkboxes_switch_neurons_built_once(dashboard, monkeypatch):
    """The third-input and inhibitory checkboxes build no Keras model: a neuron per
    topology is built with the page (a build came before the click's first visible
    answer, issue 24); each keeps the sliders' current weights."""
    import widgets.models.mcculloch_pitts as real

    builds = []
    monkeypatch.setattr(real, "build_mcp_model", lambda *a, **k: builds.append(a) or None)
    two = dashboard.model
    slider(dashboard, "w1").value = 0.5
    dashboard._third.value = True
    three = dashboard.model
    dashboard._inhibitory.value = True
    assert builds == [] and three is not two and dashboard.model.input_shape == (None, 4)
    dashboard._third.value = dashboard._inhibitory.value = False
    assert dashboard.model is two and builds == []
    assert dashboard.model.get_weights()[0].ravel()[0] == 0.5


def test_inhibitory_input_vetoes_in_the_table(dashboard):
    dashboard._inhibitory.value = True
    dashboard.apply_preset("OR")
    rows, _, outputs = dashboard.truth_table()
    assert dashboard.model.input_shape == (None, 3)
    assert (outputs[rows[:, -1] == 1] == 0).all()
    assert dashboard.function_name == "OR"
    assert "h = 1" in dashboard._function.value


def test_xor_challenge_explains_after_tries(dashboard):
    dashboard._challenge.value = True
    targets = dashboard.plane.data[TARGETS_TRACE]
    assert targets.x  # the XOR targets are drawn, red where XOR is 1, blue where 0
    assert [c == FIRE for c in targets.marker.color] == [False, True, True, False]
    assert not dashboard.explains_xor
    for value in (0.5, 1.5, -1.0):
        slider(dashboard, "w1").value = value
    assert dashboard.xor_attempts == 3
    assert dashboard.explains_xor
    assert "3/4" in dashboard._challenge_text.value or "2/4" in dashboard._challenge_text.value


def test_bad_values_give_a_message_not_an_exception(dashboard):
    dashboard.configure(weights=[1.0, 5.0], threshold=1.0)  # 5 is outside [-2, 2]
    assert "each from −2 to 2" in dashboard.error_text
    assert dashboard.model.get_weights()[0].ravel().tolist() == [1.0, 1.0]  # unchanged
    dashboard.apply_preset("XNOR")
    assert "XNOR" in dashboard.error_text


@pytest.mark.parametrize(
    ("weights", "threshold", "cause"),
    [([1.0, 5.0], 1.0, ""), ([1.0], 1.0, ""), ([1.0, 1.0], 3.5, ""), (["dużo", 1], 1, "could not")],
)
def test_bad_values_are_told_in_polish(weights, threshold, cause):
    polish = McCullochPittsDashboard(lang="pl")
    shown = shown_errors(polish)
    polish.configure(weights=weights, threshold=threshold)
    sentence, details = assert_student_error(shown[-1], "mcculloch_pitts.bad_weights")
    assert polish.error_text == sentence
    assert "liczba wejść: 2" in sentence and "od −2 do 2" in sentence and "od −3 do 3" in sentence
    # Python's own words about a value that is no number are the lecturer's details.
    assert (cause in details and "ValueError" in details) if cause else details == ""
    assert polish.error_details == details and "could not" not in sentence
    polish.apply_preset("XNOR")
    sentence, details = assert_student_error(
        shown[-1], "mcculloch_pitts.unknown_gate", "XNOR AND OR NOT NAND NOR"
    )
    assert sentence == "Nieznana bramka 'XNOR'; dostępne: AND, OR, NOT, NAND, NOR." and not details


def test_polish_dashboard_speaks_polish():
    polish = McCullochPittsDashboard(lang="pl").wait_ready()
    assert "Ten neuron liczy" in polish._function.value
    assert "próg" in polish._threshold.description


def test_the_text_answers_before_the_plane(dashboard, monkeypatch):
    """Label, diagram and table are written before the plane is sent: recoloured points
    redraw the whole figure in the page, the text takes a millisecond (issue 24)."""
    import widgets.mcculloch_pitts.dashboard as module

    seen, update = [], module.update_decision_plane
    monkeypatch.setattr(
        module,
        "update_decision_plane",
        lambda *a, **k: (
            seen.append((dashboard._function.value, dashboard._table.value)) or update(*a, **k)
        ),
    )
    slider(dashboard, "theta").value = 1.0  # AND becomes OR
    assert seen == [(dashboard._function.value, dashboard._table.value)]
    assert "OR" in seen[0][0]
