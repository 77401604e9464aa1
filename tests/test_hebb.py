"""Lesson 03, Hebb's rule: the Keras HebbNet against numpy, the classic results, the dashboard.

The model tests compare :class:`widgets.models.hebb.HebbNet` (its own ``train_step``, run by
``fit`` and by the dashboard's step-by-step loop) with a pattern-by-pattern numpy loop.
The widget tests build the dashboard headless, move its controls and read the Keras
model's weights and the figures' trace data.
"""

from __future__ import annotations

import numpy as np
import pytest
from student_errors import assert_student_error, shown_errors

from widgets.backend import load_keras

load_keras()  # before importing widgets.models (they import Keras)

from widgets.figures.shapes import named  # noqa: E402
from widgets.geometry import boundary_segment  # noqa: E402
from widgets.hebb import HebbDashboard  # noqa: E402
from widgets.hebb.exercises import check_first_two, check_hebb_fails  # noqa: E402
from widgets.hebb.figures import NORM_EPOCHS, NORM_LINE, NORM_NOW  # noqa: E402
from widgets.models.hebb import (  # noqa: E402
    build_hebb_net,
    hebb_patterns,
    hebb_reference,
    off_value,
    predict_outputs,
    reference_outputs,
    train_history,
)

GATES = ("AND", "OR", "NAND", "NOR", "XOR")
ENCODINGS = ("bipolar", "binary", "mixed")


# ------------------------------------------------------------------------------ model


def test_patterns_follow_the_textbook_order_and_encoding():
    X, y = hebb_patterns("AND", "bipolar")
    np.testing.assert_array_equal(X, [[1, 1], [1, -1], [-1, 1], [-1, -1]])
    np.testing.assert_array_equal(y, [1, -1, -1, -1])
    X, y = hebb_patterns("OR", "binary")
    np.testing.assert_array_equal(X, [[1, 1], [1, 0], [0, 1], [0, 0]])
    np.testing.assert_array_equal(y, [1, 1, 1, 0])
    X, y = hebb_patterns("AND", "mixed")
    np.testing.assert_array_equal(X, [[1, 1], [1, 0], [0, 1], [0, 0]])
    np.testing.assert_array_equal(y, [1, -1, -1, -1])
    with pytest.raises(ValueError, match="encoding"):
        hebb_patterns("AND", "ternary")


@pytest.mark.parametrize(
    ("call", "key", "words"),
    [
        (lambda: hebb_patterns("AND", "ternary"), "encoding", "dostępne: bipolar, binary, mixed"),
        (lambda: build_hebb_net("ternary"), "encoding", "Nieznane kodowanie 'ternary'"),
        (lambda: hebb_patterns("XNOR"), "gate", "Nieznana bramka 'XNOR'"),
    ],
)
def test_a_notebook_s_bad_task_is_told_in_polish(call, key, words):
    with pytest.raises(ValueError) as info:
        call()
    names = ("XNOR AND OR XOR NAND NOR", "ternary bipolar binary mixed")
    sentence, details = assert_student_error(info.value, f"toy_data.{key}", *names)
    assert words in sentence and details == ""


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("gate", GATES)
def test_keras_rule_matches_numpy_for_the_whole_sequence(gate, encoding):
    X, y = hebb_patterns(gate, encoding)
    eta = 0.75
    model = build_hebb_net(encoding, learning_rate=eta)
    states = train_history(model, X, y, epochs=3)
    reference = hebb_reference(X, y, eta, epochs=3)
    assert states.shape == (13, 3)
    np.testing.assert_allclose(states, reference, atol=1e-6)
    # The model ends in the last state, and answers as a numpy threshold unit would.
    w, b = model.weights_and_bias()
    np.testing.assert_allclose(np.append(w, b), reference[-1], atol=1e-6)
    np.testing.assert_array_equal(
        predict_outputs(model, X), reference_outputs(X, reference[-1], off_value(encoding))
    )


def test_fit_runs_the_same_train_step():
    X, y = hebb_patterns("OR", "bipolar")
    model = build_hebb_net("bipolar", learning_rate=0.5)
    history = model.fit(X, y, batch_size=1, epochs=2, shuffle=False, verbose=0)
    w, b = model.weights_and_bias()
    reference = hebb_reference(X, y, 0.5, epochs=2)[-1]
    np.testing.assert_allclose(np.append(w, b), reference, atol=1e-6)
    # train_step reports ||(w, b)||: the last value logged is that of the final weights.
    assert history.history["weight_norm"][-1] == pytest.approx(np.linalg.norm(reference))


def test_bipolar_and_is_solved_after_one_epoch_with_the_classic_weights():
    X, y = hebb_patterns("AND", "bipolar")
    model = build_hebb_net("bipolar", learning_rate=1.0)
    states = train_history(model, X, y, epochs=1)
    # Fausett's Hebb-net table: (1,1,1), (0,2,0), (1,1,-1), (2,2,-2).
    np.testing.assert_allclose(states[1:], [[1, 1, 1], [0, 2, 0], [1, 1, -1], [2, 2, -2]])
    np.testing.assert_array_equal(model.predict(X, verbose=0).ravel(), y)


def test_binary_encoding_fails_because_zero_targets_change_nothing():
    X, y = hebb_patterns("AND", "binary")
    model = build_hebb_net("binary")
    states = train_history(model, X, y, epochs=1)
    steps = np.diff(states, axis=0)
    np.testing.assert_array_equal(steps[y == 0], 0)  # y = 0: no update at all
    np.testing.assert_allclose(states[-1], [1, 1, 1])
    outputs = predict_outputs(model, X)
    assert set(outputs) <= {0.0, 1.0}
    assert (outputs != y).sum() == 3  # it fires everywhere


def test_mixed_encoding_fails_on_and_too():
    X, y = hebb_patterns("AND", "mixed")
    model = build_hebb_net("mixed")
    states = train_history(model, X, y, epochs=1)
    np.testing.assert_allclose(states[-1], [0, 0, -2])  # Fausett's second example
    assert (predict_outputs(model, X) != y).any()


def test_weight_norm_grows_linearly_with_epochs():
    X, y = hebb_patterns("AND", "bipolar")
    model = build_hebb_net("bipolar", learning_rate=0.3)
    states = train_history(model, X, y, epochs=12)
    norms = np.linalg.norm(states[::4], axis=1)  # after 0, 1, ..., 12 epochs
    assert np.all(np.diff(norms) > 0)
    np.testing.assert_allclose(norms, np.arange(13) * norms[1], rtol=1e-5)
    assert norms[1] == pytest.approx(0.3 * np.sqrt(12))


def test_learning_rate_is_a_variable_so_changing_it_needs_no_new_model():
    X, y = hebb_patterns("AND", "bipolar")
    model = build_hebb_net("bipolar", learning_rate=1.0)
    train_history(model, X, y, epochs=1)
    model.learning_rate.assign(0.25)
    states = train_history(model, X, y, epochs=1)
    np.testing.assert_allclose(states[-1], [0.5, 0.5, -0.5])
    assert "learning_rate=0.25" in repr(model)


# ------------------------------------------------------------------------------ dashboard


@pytest.fixture(scope="module")
def board():
    return HebbDashboard(lang="en").wait_ready()


@pytest.fixture
def dashboard(board):
    """The module's dashboard, back at its defaults."""
    board.configure(gate="AND", encoding="bipolar", learning_rate=1.0, epochs=3)
    board.go_to(0)
    board.clear_error()
    return board


def test_controls_neither_rebuild_nor_retrace_the_nets(dashboard):
    """Epochs, gate, η and encoding rerun the rule in the nets built at the start, each
    with its one trace (issue 24: a new net or an eager loop was 0.1-0.3 s a step)."""
    from widgets.models.hebb import _history_function

    nets = dict(dashboard._nets)
    assert set(nets) == {"bipolar", "binary", "mixed"}
    traces = {
        name: _history_function(net).experimental_get_tracing_count() for name, net in nets.items()
    }
    dashboard._epochs.value = 5
    dashboard._gate.value = "OR"
    dashboard._learning_rate.value = 0.5
    for encoding in ("binary", "mixed", "bipolar", "binary"):
        dashboard._encoding.value = encoding
        assert dashboard.model is nets[encoding]
    assert dict(dashboard._nets) == nets
    assert {
        n: _history_function(net).experimental_get_tracing_count() for n, net in nets.items()
    } == traces
    assert set(traces.values()) == {1}
    assert len(dashboard.states_) == 5 * 4 + 1


def model_state(dashboard) -> np.ndarray:
    w, b = dashboard.model.weights_and_bias()
    return np.append(w, b)


def test_dashboard_starts_at_zero_and_steps_to_the_classic_weights(dashboard):
    assert dashboard.step == 0 and dashboard.total_steps == 12
    np.testing.assert_array_equal(model_state(dashboard), [0, 0, 0])
    dashboard.go_to(4)
    np.testing.assert_allclose(model_state(dashboard), [2, 2, -2])
    np.testing.assert_array_equal(dashboard.outputs(), [1, -1, -1, -1])
    assert "4 of 4" in dashboard._score.value
    # The plane's boundary is the line 2·x1 + 2·x2 - 2 = 0, and the last pattern is marked.
    (line,) = named(dashboard.plane.layout.shapes, "boundary")
    ends = np.array([[line.x0, line.y0], [line.x1, line.y1]])
    np.testing.assert_allclose(2 * ends[:, 0] + 2 * ends[:, 1] - 2, 0, atol=1e-3)
    assert np.allclose(ends, boundary_segment([2, 2], 2, (-1.7, 1.7, -1.7, 1.7)), atol=1e-4)
    # The answers are discs: one red (answer 1) at (1, 1), three blue (−1).
    red = named(dashboard.plane.layout.shapes, "answer 1")
    blue = named(dashboard.plane.layout.shapes, "answer 0")
    assert sum(d.path.count("M") for d in red) == 1 and sum(d.path.count("M") for d in blue) == 3
    rings = dashboard.plane.data[1].marker.color  # targets: red for +1, blue for -1
    assert rings[0] != rings[1] and rings[1] == rings[2] == rings[3]
    (current,) = named(dashboard.plane.layout.shapes, "current")
    assert (current.xanchor, current.yanchor) == (-1.0, -1.0)


def test_step_buttons_move_through_the_recorded_states(dashboard):
    dashboard.animation._step.click()
    dashboard.animation._step.click()
    assert dashboard.step == 2
    np.testing.assert_allclose(model_state(dashboard), [0, 2, 0])
    assert "x = (1, −1)" in dashboard._status.value
    assert "w = (0, 2)" in dashboard._status.value
    dashboard.animation._back.click()
    np.testing.assert_allclose(model_state(dashboard), [1, 1, 1])
    dashboard.go_to(dashboard.total_steps)
    assert dashboard.step == 12
    np.testing.assert_allclose(model_state(dashboard), [6, 6, -6])
    assert "Epoch 3" in dashboard._table.value
    dashboard.animation._reset.click()
    assert dashboard.step == 0
    np.testing.assert_array_equal(model_state(dashboard), [0, 0, 0])
    dashboard.animation.position.value = 3  # the Play (or the slider) in the browser
    np.testing.assert_allclose(model_state(dashboard), [1, 1, -1])
    dashboard.animation._reset.click()
    dashboard.animation._back.click()  # already at the start: stays there
    assert dashboard.step == 0 and dashboard.error_text == ""


def test_binary_switch_shows_the_failure_and_why(dashboard):
    dashboard.configure(encoding="binary")
    assert dashboard.model.off == 0.0
    X, y = hebb_patterns("AND", "binary")
    np.testing.assert_allclose(dashboard.states_, hebb_reference(X, y, 1.0, 3), atol=1e-6)
    dashboard.go_to(4)
    np.testing.assert_allclose(model_state(dashboard), [1, 1, 1])
    assert (dashboard.outputs() != y).sum() == 3
    assert "1 of 4" in dashboard._score.value
    assert "y = 0" in dashboard._notes.value and "3 of the 4" in dashboard._notes.value
    assert tuple(dashboard.plane.layout.xaxis.range) == (-0.6, 1.6)


def test_xor_weights_cancel_out(dashboard):
    dashboard.configure(gate="XOR")
    dashboard.go_to(dashboard.total_steps)
    np.testing.assert_allclose(model_state(dashboard), [0, 0, 0])
    assert "cancel out" in dashboard._notes.value
    assert "All weights are zero" in dashboard._notes.value


def test_epochs_control_and_the_norm_plot(dashboard):
    dashboard.configure(epochs=8, learning_rate=0.5)
    assert dashboard.total_steps == 32 and dashboard.animation.play.max == 32
    norms = dashboard.norms_per_epoch()
    np.testing.assert_allclose(norms, np.arange(9) * 0.5 * np.sqrt(12), rtol=1e-5)
    line = dashboard.norms.data[NORM_LINE]
    assert len(line.y) == 33
    np.testing.assert_allclose(dashboard.norms.data[NORM_EPOCHS].y, norms, rtol=1e-5)
    np.testing.assert_allclose(dashboard.norms.data[NORM_EPOCHS].x, np.arange(9))
    dashboard.go_to(12)
    assert dashboard.norms.data[NORM_NOW].x == (3.0,)
    assert dashboard.norms.data[NORM_NOW].y[0] == pytest.approx(norms[3])
    assert "grow without bound" in dashboard._notes.value
    dashboard.configure(epochs=2)  # fewer epochs: the step is clamped to the new end
    assert dashboard.step == 8 and dashboard.total_steps == 8


@pytest.mark.parametrize("bad", [0, -1.0, 11, float("nan")])
def test_a_bad_learning_rate_gets_a_message_and_changes_nothing(dashboard, bad):
    dashboard.go_to(4)
    before = model_state(dashboard)
    dashboard._learning_rate.value = bad  # typed in the box
    assert "learning rate η must be a number in (0, 10]" in dashboard.error_text
    assert dashboard.learning_rate == 1.0
    np.testing.assert_allclose(model_state(dashboard), before)
    dashboard.clear_error()
    dashboard.configure(learning_rate=bad)  # from code
    assert "learning rate η" in dashboard.error_text
    dashboard._learning_rate.value = 0.5  # a good value clears the message and takes effect
    assert dashboard.error_text == ""
    np.testing.assert_allclose(model_state(dashboard), [1, 1, -1])


def test_configure_refuses_unknown_values(dashboard):
    dashboard.configure(gate="XNOR")
    assert "Unknown gate 'XNOR'" in dashboard.error_text
    dashboard.configure(encoding="ternary")
    assert "Unknown encoding" in dashboard.error_text
    dashboard.configure(epochs=0)
    assert "from 1 to 20" in dashboard.error_text
    assert dashboard._gate.value == "AND" and dashboard._epochs.value == 3


@pytest.fixture(scope="module")
def polish_board():
    return HebbDashboard(lang="pl").wait_ready()


@pytest.mark.parametrize(
    ("settings", "key", "words"),
    [
        ({"gate": "XNOR"}, "hebb.bad_gate", "Nieznana bramka 'XNOR'"),
        ({"encoding": "ternary"}, "hebb.bad_encoding", "Nieznane kodowanie 'ternary'"),
        ({"epochs": 0}, "hebb.bad_epochs", "od 1 do 20, a podano 0"),
        ({"epochs": 2.5}, "hebb.bad_epochs", "a podano 2,5"),
        ({"learning_rate": -1.5}, "hebb.bad_eta", "a podano −1,5"),
        ({"learning_rate": "dużo"}, "hebb.bad_eta", "a podano 'dużo'"),
    ],
)
def test_bad_settings_are_student_errors_told_in_polish(polish_board, settings, key, words):
    shown = shown_errors(polish_board)
    polish_board.configure(**settings)
    names = ("XNOR AND OR NAND NOR", "ternary bipolar binary mixed")  # the values to type
    sentence, details = assert_student_error(shown[-1], key, *names)
    assert polish_board.error_text == sentence and words in sentence
    assert details == "" and polish_board.error_details == ""
    assert polish_board._gate.value == "AND" and polish_board.learning_rate == 1.0
    polish_board.clear_error()


def test_a_learning_rate_typed_in_polish_gets_a_polish_sentence(polish_board):
    shown = shown_errors(polish_board)
    polish_board._learning_rate.value = 0.0
    sentence, _ = assert_student_error(shown[-1], "hebb.bad_eta")
    assert sentence.startswith("Współczynnik uczenia η musi być liczbą większą od 0")
    polish_board._learning_rate.value = 1.0
    assert polish_board.error_text == ""


def test_polish_dashboard_speaks_polish():
    board = HebbDashboard(lang="pl").wait_ready()
    board.go_to(1)
    assert "Krok 1 z 12" in board._status.value
    assert "Reguła Hebba" in board.children[1].value  # [0] is the stylesheet


# ------------------------------------------------------------------------------ exercises


def test_exercise_first_two_patterns():
    assert check_first_two(0, 2, 0, lang="en").passed
    unchanged = check_first_two(0, 0, 0, lang="en")
    assert not unchanged.passed and "initial weights" in str(unchanged)
    one = check_first_two(1, 1, 1, lang="pl")
    assert not one.passed and "po pierwszym wzorcu" in str(one)
    epoch = check_first_two(2, 2, -2, lang="en")
    assert "whole epoch" in str(epoch)
    sign = check_first_two(2, 0, 2, lang="en")
    assert "Mind the sign" in str(sign)
    bias = check_first_two(0, 2, 1, lang="en")
    assert bias.details[0].startswith("b = 1 is wrong")
    assert not any(d.startswith(("w1", "w2")) for d in bias.details)
    assert "three numbers" in str(check_first_two("a", 2, 0, lang="en"))
    assert "✅" in check_first_two(0, 2, 0)._repr_html_()


def test_exercise_find_a_failing_task():
    learns = check_hebb_fails("AND", "bipolar", lang="en")
    assert not learns.passed and "copes" in learns.message
    binary = check_hebb_fails("AND", "binary", lang="en")
    assert binary.passed and "target 0" in str(binary)
    xor = check_hebb_fails("xor", "bipolar", lang="en")
    assert xor.passed and "not linearly separable" in str(xor)
    mixed = check_hebb_fails("AND", "mixed", lang="en")
    assert mixed.passed and "0/1 inputs" in str(mixed)
    assert not check_hebb_fails("AND", "bipolar", epochs=0, lang="en").passed
    assert "Unknown gate" in str(check_hebb_fails("MAYBE", "bipolar", lang="en"))


def test_polish_failure_reasons_agree_with_the_count():
    """Binary OR has one silent pattern: "1 wzorce mają" was printed once."""
    one = check_hebb_fails("OR", "binary", lang="pl")
    assert one.passed and "1 wzorzec ma cel 0, więc jego przyrost" in str(one)
    three = check_hebb_fails("AND", "binary", lang="pl")
    assert "3 wzorce mają cel 0, więc ich przyrost" in str(three)
    assert "1 pattern has target 0" in str(check_hebb_fails("OR", "binary", lang="en"))
    assert "(podano" in str(check_first_two("a", 2, 0, lang="pl"))


def test_a_new_encoding_shows_the_text_before_the_figures(dashboard, monkeypatch):
    """The status and the table are written before the plane is computed and sent: the
    figures' whole redraw on a new encoding is the slow part in the page (issue 24)."""
    import widgets.hebb.dashboard as module

    seen, draw = [], module.draw_plane
    monkeypatch.setattr(
        module,
        "draw_plane",
        lambda *a, **k: (
            seen.append((dashboard._status.value, dashboard._table.value)) or draw(*a, **k)
        ),
    )
    dashboard.go_to(2)
    seen.clear()
    dashboard._encoding.value = "binary"
    assert seen == [(dashboard._status.value, dashboard._table.value)]
