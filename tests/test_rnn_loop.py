"""Lesson 11, part 1: the SimpleRNN against the numpy recurrence, GradientTape's input
gradients against the closed form, the dashboards driven headless, the exercises."""

from __future__ import annotations

import numpy as np
import pytest
from message_checks import sent_in_order
from student_errors import assert_student_error, shown_errors

from widgets.backend import load_keras
from widgets.rnn_loop import (
    H3_TASK,
    GradientDashboard,
    RecurrenceDashboard,
    RnnLoopError,
    check_h3,
    check_unroll,
    parse_sequence,
)
from widgets.rnn_loop.dashboard import make_sequence
from widgets.rnn_loop.exercises import unroll_cases

keras = load_keras(timeout=120)

from widgets.models import recurrence as rec  # noqa: E402  (imports Keras in its functions)

# --------------------------------------------------------------------------- the recurrence


@pytest.mark.parametrize("units", [1, 2, 3])
def test_keras_simple_rnn_gives_the_numpy_recurrence(units):
    rng = np.random.default_rng(units)
    x = rng.normal(size=12)
    W, U, b = rng.normal(size=(units, 1)), rng.normal(size=(units, units)), rng.normal(size=units)
    model = rec.simple_rnn(units, W, U, b)
    assert model.output_shape == (None, None, units)
    np.testing.assert_allclose(rec.states(model, x), rec.unroll(x, W, U, b), atol=1e-5)
    kernel, recurrent, bias = model.get_layer("simple_rnn").get_weights()
    np.testing.assert_allclose(kernel, W.T, rtol=1e-6)  # Keras multiplies row vectors
    np.testing.assert_allclose(recurrent, U.T, rtol=1e-6)
    for got, want in zip(rec.parameters(model), (W, U, b), strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-6)


def test_the_numpy_recurrence_by_hand():
    # h1 = tanh(0.8), h2 = tanh(0.5 h1 - 0.2 + 0), h3 = tanh(0.4 + 0.5 h2 - 0.2)
    h = rec.unroll([1.0, 0.0, 0.5], 0.8, 0.5, -0.2).ravel()
    h1 = np.tanh(0.8 - 0.2)
    h2 = np.tanh(0.5 * h1 - 0.2)
    np.testing.assert_allclose(h, [h1, h2, np.tanh(0.4 + 0.5 * h2 - 0.2)])
    z = rec.pre_activations([1.0, 0.0, 0.5], 0.8, 0.5, -0.2).ravel()
    np.testing.assert_allclose(np.tanh(z), h)


def test_slider_directions_are_plain_numbers_for_one_unit_and_orthogonal_otherwise():
    W, U, b = rec.scaled_parameters(1, 1.5, -0.7, 0.3)
    assert (W.item(), U.item(), b.item()) == (1.5, -0.7, 0.3)
    for units in (2, 3):
        W, U, b = rec.scaled_parameters(units, 1.0, 0.8, 1.0)
        assert np.linalg.norm(U, 2) == pytest.approx(0.8)
        np.testing.assert_allclose(U.T @ U, 0.64 * np.eye(units), atol=1e-12)
        assert np.abs(W).max() == pytest.approx(1.0) and np.abs(b).max() == pytest.approx(1.0)


# --------------------------------------------------------------------------- gradients


def test_simple_rnn_gradient_is_the_closed_form_and_vanishes_geometrically():
    steps, scale = 25, 0.5
    norms = rec.gradient_norms("simple_rnn", steps, scale, units=1)
    probe = rec.gradient_probe("simple_rnn", 1)
    kernel, recurrent, bias = probe.model.get_layer("simple_rnn").get_weights()
    assert abs(recurrent.item()) == pytest.approx(scale)
    x = rec.probe_inputs(steps)
    want = rec.simple_rnn_input_gradients(x, kernel.T, recurrent.T, bias)
    np.testing.assert_allclose(norms, want, rtol=1e-9)
    # one unit: dh_T/dx_t = W (1 - h_t^2) prod_{k>t} U (1 - h_k^2), so each step back
    # multiplies by |U| (1 - h_t^2): at most 0.5, and not far below for these small states.
    h = rec.unroll(x, kernel.T, recurrent.T, bias)[:, 0]
    factors = norms[:-1] / norms[1:]
    np.testing.assert_allclose(factors, scale * (1 - h[:-1] ** 2), rtol=1e-9)
    assert np.all((0.25 < factors) & (factors <= 0.5))


def test_the_closed_form_holds_for_several_units_too():
    steps, scale = 15, 0.9
    norms = rec.gradient_norms("simple_rnn", steps, scale)
    layer = rec.gradient_probe("simple_rnn").model.get_layer("simple_rnn")
    kernel, recurrent, bias = layer.get_weights()
    assert np.linalg.norm(recurrent, 2) == pytest.approx(scale)
    want = rec.simple_rnn_input_gradients(rec.probe_inputs(steps), kernel.T, recurrent.T, bias)
    np.testing.assert_allclose(norms, want, rtol=1e-9)


def test_gated_cells_keep_the_gradient_orders_of_magnitude_longer():
    steps, scale = 30, 0.5
    ratio = {
        cell: (lambda n: n[0] / n[-1])(rec.gradient_norms(cell, steps, scale)) for cell in rec.CELLS
    }
    assert ratio["simple_rnn"] < 1e-6
    assert ratio["lstm"] > 1e3 * ratio["simple_rnn"]
    assert ratio["gru"] > 1e3 * ratio["simple_rnn"]


def test_a_memory_gate_near_one_keeps_the_gradient_for_100_steps():
    simple = rec.gradient_norms("simple_rnn", 100, 0.9, gate_bias=3.0)
    assert simple[0] / simple[-1] < 1e-4
    for cell in ("gru", "lstm"):
        norms = rec.gradient_norms(cell, 100, 0.9, gate_bias=3.0)
        assert norms[0] / norms[-1] > 1e-2
    lstm = rec.gradient_probe("lstm")
    bias = lstm.layer.cell.bias.numpy()
    assert set(bias[8:16]) == {3.0} and set(bias[:8]) == {0.0}  # forget gate only
    gru = rec.gradient_probe("gru").layer.cell.bias.numpy()
    assert set(gru[0, :8]) == {3.0} and set(gru[1, :8]) == {0.0}


def test_simple_rnn_gradient_explodes_above_one_until_tanh_saturates():
    norms = rec.gradient_norms("simple_rnn", 30, 1.5)
    assert norms.max() > 3 * norms[-1]  # further back, larger
    assert np.argmax(norms) < 29


def test_the_probe_scales_every_gate_block():
    probe = rec.gradient_probe("lstm")
    probe.set_scale(0.7)
    kernel = probe.layer.cell.recurrent_kernel.numpy()
    blocks = np.split(kernel, 4, axis=1)
    assert [np.linalg.norm(b, 2) for b in blocks] == pytest.approx([0.7] * 4)


# --------------------------------------------------------------------------- sequences


@pytest.mark.parametrize(
    ("lang", "text", "values"),
    [
        ("pl", "1 0 0,5 −1", [1, 0, 0.5, -1]),
        ("pl", "1, 2; 3", [1, 2, 3]),
        ("en", "1, 0, 0.5, -1", [1, 0, 0.5, -1]),
        ("en", [0.5, 2], [0.5, 2]),
    ],
)
def test_typed_sequences_are_read_the_languages_way(lang, text, values):
    np.testing.assert_allclose(parse_sequence(text, lang), values)


@pytest.mark.parametrize(
    ("text", "key", "pl_words", "en_words"),
    [
        ("1 x 2", "bad_number", "„x” to nie liczba", "“x” is not a number"),
        ("1", "too_few", "1 liczba, potrzeba co najmniej 2", "1 number, it needs at least 2"),
        ("1 " * 31, "too_many", "31 liczb, najwyżej 30", "31 numbers, at most 30"),
        ("3 99", "too_large", "Liczba 99 jest poza zakresem", "The number 99 is out of range"),
    ],
)
def test_nonsense_sequences_are_told_in_both_languages(text, key, pl_words, en_words):
    with pytest.raises(RnnLoopError) as caught:
        parse_sequence(text, "pl")
    sentence, _ = assert_student_error(caught.value, f"rnn_loop.{key}")
    assert pl_words in sentence
    with pytest.raises(RnnLoopError) as caught:
        parse_sequence(text, "en")
    assert en_words in caught.value.message("en")


def test_preset_sequences():
    assert make_sequence("step", 9).tolist() == [0, 0, 0, 1, 1, 1, 1, 1, 1]
    assert set(make_sequence("bits", 20)) == {0.0, 1.0}
    assert make_sequence("sine", 8)[1] == pytest.approx(1.0)


# --------------------------------------------------------------------------- the dashboard


@pytest.fixture(scope="module")
def board():
    return RecurrenceDashboard(lang="en").wait_ready()


def states_y(board) -> list:
    return list(board.states_plot.data[1].y)


def test_the_view_is_the_keras_model(board):
    assert board.error_text == ""
    np.testing.assert_allclose(board.keras_states(), board.h, atol=1e-5)
    assert len(board.states_plot.data[0].y) == len(board.x) == 8
    assert board.index == 8  # the whole run is shown first


def test_w_slider_changes_the_states_the_figures_and_the_model(board):
    board.configure(W=1.0)
    before_y, before_svg = states_y(board), board.unrolled.value
    board._w.value = 2.0  # as the student's slider
    assert states_y(board) != before_y and board.unrolled.value != before_svg
    W, U, b = rec.parameters(board.model)
    assert W.item() == pytest.approx(2.0) and U.item() == pytest.approx(0.5)
    np.testing.assert_allclose(board.keras_states(), board.h, atol=1e-5)
    np.testing.assert_allclose(states_y(board)[1:], np.round(board.h[:, 0], 4))
    board._u.value = -0.9
    assert rec.parameters(board.model)[1].item() == pytest.approx(-0.9)
    np.testing.assert_allclose(board.keras_states(), board.h, atol=1e-5)
    board.configure(W=1.0, U=0.5)


def test_step_buttons_move_the_highlight_and_fill_in_the_formula(board):
    board.animation.reset()
    assert board.index == 0 and "h<sub>0</sub> = 0" in board._formula.value
    board.animation.step()
    assert board.index == 1
    shape = board.states_plot.layout.shapes[0]
    assert (shape.x0, shape.x1) == pytest.approx((0.6, 1.4))
    assert "Step 1 of 8" in board._formula.value
    assert f"{board.h[0, 0]:.2f}" in board._formula.value
    svg_one = board.unrolled.value
    board.animation.step()
    assert board.unrolled.value != svg_one and "Step 2 of 8" in board._formula.value
    board.animation.go_to(8)


def test_units_and_typed_sequence_through_configure(board):
    board.configure(units=3, typed="1, 0, 0, 0, -0.5")
    assert board.units == 3 and board.model.output_shape[-1] == 3
    assert board.x.tolist() == [1, 0, 0, 0, -0.5] and board.h.shape == (5, 3)
    np.testing.assert_allclose(board.keras_states(), board.h, atol=1e-5)
    assert [t.visible for t in board.states_plot.data[1:]] == [True, True, True]
    assert "[" in board._formula.value  # vectors
    board.configure(units=1, sequence="sine", steps=8)
    assert board.model.output_shape[-1] == 1 and len(board.x) == 8
    assert board.states_plot.data[3].visible is False


def test_a_bad_typed_sequence_is_a_message_and_keeps_the_old_one(board):
    board._sequence.value = "typed"  # reads the box
    typed = parse_sequence(board._typed.value, "en").tolist()
    assert board.x.tolist() == typed
    board._typed.value = "1 0 zero"
    assert board.error_text == (
        "“zero” is not a number: type numbers separated by spaces or commas, e.g. 1, 0, 0.5, -1."
    )
    assert board.x.tolist() == typed
    board._typed.value = "1 0 0"
    assert board.error_text == "" and board.x.tolist() == [1, 0, 0]
    board.configure(W=9)
    assert "W" in board.error_text
    board.configure(sequence="sine", steps=8)
    assert board.error_text == ""


def test_bad_typed_sequence_in_polish():
    polish = RecurrenceDashboard(lang="pl", sequence="typed").wait_ready()
    shown = shown_errors(polish)
    polish._typed.value = "1 0 dwa"
    sentence, _ = assert_student_error(shown[-1], "rnn_loop.bad_number")
    assert polish.error_text == sentence and "„dwa” to nie liczba" in sentence
    polish.configure(typed="0,5 1 −1")
    assert polish.x.tolist() == [0.5, 1, -1] and polish.error_text == ""
    assert "0,50" in polish.unrolled.value and "−1,00" in polish.unrolled.value


def test_a_wrong_start_is_told_in_the_pages_language():
    with pytest.raises(RnnLoopError) as caught:
        RecurrenceDashboard(lang="pl", sequence="cosine")
    sentence, _ = assert_student_error(
        caught.value, "rnn_loop.bad_choice", "cosine", "sequence", "sine step bits typed"
    )
    assert "wybierz jedno z: sine, step, bits, typed" in sentence


# --------------------------------------------------------------------------- gradient panel


def test_gradient_dashboard_plots_three_cells_and_answers_configure():
    board = GradientDashboard(lang="en").wait_ready()
    assert set(board.models) == set(rec.CELLS) and board.model is board.models["simple_rnn"]
    assert len(board.plot.data[0].y) == 30
    board.configure(scale=0.5, steps=20)
    assert len(board.plot.data[2].y) == 20 and board.error_text == ""
    assert board.ratio("lstm") > 1e3 * board.ratio("simple_rnn")
    assert "vanishes" in board._regime.value
    board.configure(scale=1.5)
    assert "explodes" in board._regime.value
    assert "σ(1,0)" not in board._regime.value and "σ(1.0) = 0.73" in board._regime.value
    board.configure(scale=0.9, steps=100, gate_bias=3.0)
    assert board.ratio("lstm") > 1e-2 and board.ratio("simple_rnn") < 1e-4
    board.configure(scale=5)
    assert "scale" in board.error_text


def test_a_press_sends_the_texts_before_the_plot(board, monkeypatch):
    """Issue 24: what the page draws at once (the formula, the unrolled loop, the regime
    and the ratios) goes before the plot, whose new x and y plotly lays out again."""
    sent = sent_in_order(monkeypatch)
    board._steps.value = board._steps.value + 1
    assert board._formula in sent and board.states_plot in sent
    assert sent.index(board._formula) < sent.index(board.states_plot)
    assert sent.index(board.unrolled) < sent.index(board.states_plot)
    # A new sequence: the texts and the plot go out before the Keras model's weights are
    # set (the sequence menu answered in 1.6-2.4x the reference with the weights first).
    from widgets.rnn_loop import dashboard as module

    drawn_when_set = []
    real_set = module.recurrence.set_parameters
    monkeypatch.setattr(
        module.recurrence,
        "set_parameters",
        lambda *a: drawn_when_set.append(board.states_plot in sent) or real_set(*a),
    )
    sent.clear()
    board._sequence.value = "step" if board._sequence.value != "step" else "sine"
    assert drawn_when_set == [True] and sent.index(board._formula) < sent.index(board.states_plot)
    gradients = GradientDashboard(lang="en").wait_ready()
    sent.clear()
    gradients._scale.value = 0.8
    assert sent.index(gradients._regime) < sent.index(gradients._ratios)
    assert sent.index(gradients._ratios) < sent.index(gradients.plot)


# --------------------------------------------------------------------------- exercises


def test_check_h3():
    h = rec.unroll(H3_TASK["x"], H3_TASK["W"], H3_TASK["U"], H3_TASK["b"])[:, 0]
    assert check_h3(float(h[2]), lang="en").passed
    wrong = check_h3(float(h[1]), lang="pl")
    assert not wrong.passed and "h_2" in str(wrong) and "1 krok" in str(wrong)
    assert not check_h3("0.5", lang="en").passed


def test_check_unroll():
    def right(x, W, U, b):
        h, out = np.zeros(len(b)), []
        for x_t in x:
            h = np.tanh(W[:, 0] * x_t + U @ h + b)
            out.append(h)
        return np.array(out)

    def no_tanh(x, W, U, b):
        h, out = np.zeros(len(b)), []
        for x_t in x:
            h = W[:, 0] * x_t + U @ h + b
            out.append(h)
        return np.array(out)

    assert check_unroll(right, lang="en").passed
    assert len(unroll_cases()) == 2
    verdict = check_unroll(no_tanh, lang="pl")
    assert not verdict.passed and "różni się od Kerasa" in verdict.message
    crashed = check_unroll(lambda *a: 1 / 0, lang="en")
    assert not crashed.passed and "division by zero" in crashed.message
