"""Lesson 06: Keras activations against numpy formulas, GradientTape derivatives against
analytic ones, softmax, and the dashboard driven headless (figures and model weights)."""

from __future__ import annotations

import importlib

import numpy as np
import pytest
from message_checks import sent_in_order
from student_errors import assert_student_error, shown_errors

from widgets.activations import ActivationsDashboard
from widgets.backend import load_keras
from widgets.figures.curves import activation_data

keras = load_keras(timeout=120)

from widgets.models import activations as act  # noqa: E402  (imports Keras)

# An even number of points: the grid avoids z = 0, where ReLU-like functions have a kink.
Z = np.linspace(-6, 6, 200)


# --------------------------------------------------------------------------- functions


@pytest.mark.parametrize("name", act.ACTIVATIONS)
def test_keras_activation_matches_formula(name):
    f, _ = act.values_and_derivative(name, Z)
    np.testing.assert_allclose(f, act.reference(name, Z), rtol=1e-5, atol=1e-5)


@pytest.mark.parametrize("name", act.ACTIVATIONS)
def test_gradient_tape_matches_analytic_derivative(name):
    _, df = act.values_and_derivative(name, Z)
    np.testing.assert_allclose(df, act.reference_derivative(name, Z), rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize(
    ("name", "alpha"), [("leaky_relu", 0.05), ("leaky_relu", 0.7), ("elu", 0.3), ("elu", 1.8)]
)
def test_alpha_reaches_keras(name, alpha):
    f, df = act.values_and_derivative(name, Z, alpha)
    np.testing.assert_allclose(f, act.reference(name, Z, alpha), rtol=1e-5, atol=1e-5)
    np.testing.assert_allclose(df, act.reference_derivative(name, Z, alpha), rtol=1e-4, atol=1e-5)
    # For z < 0 the slope of leaky ReLU is alpha; ELU tends to -alpha.
    if name == "leaky_relu":
        assert df[0] == pytest.approx(alpha)
    else:
        assert f[0] == pytest.approx(-alpha, abs=0.01)


def test_saturation_intervals():
    z = np.linspace(-6, 6, 241)
    _, df = act.values_and_derivative("sigmoid", z)
    bands = act.saturation_intervals(z, df)
    # sigma'(z) = 0.05 at |z| = ln((1 + sqrt(0.8)) / (1 - sqrt(0.8))) / 1, about 2.89
    edge = np.log((1 + np.sqrt(0.8)) / (1 - np.sqrt(0.8)))
    assert len(bands) == 2
    assert bands[0][0] == -6 and bands[1][1] == 6
    assert abs(bands[0][1] + edge) < 0.06 and abs(bands[1][0] - edge) < 0.06
    _, relu = act.values_and_derivative("relu", z)
    assert act.saturation_intervals(z, relu) == [(-6.0, 0.0)]
    _, linear = act.values_and_derivative("linear", z)
    assert act.saturation_intervals(z, linear) == []


@pytest.mark.parametrize("temperature", [0.1, 1.0, 3.0])
def test_softmax_sums_to_one_and_matches_numpy(temperature):
    rng = np.random.default_rng(3)
    for size in (3, 4, 5):
        logits = rng.uniform(-5, 5, size)
        p = act.softmax(logits, temperature)
        assert p.sum() == pytest.approx(1.0, abs=1e-6)
        np.testing.assert_allclose(p, act.reference_softmax(logits, temperature), atol=1e-6)


def test_softmax_rejects_bad_temperature():
    with pytest.raises(ValueError):
        act.softmax([1, 2, 3], 0.0)


def test_neuron_is_dense_with_activation():
    model = act.build_neuron(2, "tanh")
    act.set_neuron(model, [0.5, -2.0], 0.3, "tanh")
    x = np.random.default_rng(0).normal(size=(7, 2))
    want = np.tanh(x @ [0.5, -2.0] + 0.3)
    np.testing.assert_allclose(act.neuron_output(model, x), want, rtol=1e-5, atol=1e-6)
    act.set_neuron(model, [0.5, -2.0], 0.3, "relu")
    np.testing.assert_allclose(
        act.neuron_output(model, x), np.maximum(x @ [0.5, -2.0] + 0.3, 0), atol=1e-6
    )


def test_activation_data_bands_and_range():
    z = np.linspace(-1, 1, 5)
    data, layout = activation_data(z, z, np.ones(5), [(-1.0, -0.5)])
    low, high = layout["yaxis.range"]
    assert data[0]["x"][:5] == [-1.0, -0.5, -0.5, -1.0, -1.0]
    assert data[0]["y"][:5] == [low, low, high, high, low]
    assert low < -1 and high > 1


# --------------------------------------------------------------------------- dashboard


@pytest.fixture(scope="module")
def dashboard():
    return ActivationsDashboard(lang="en").wait_ready()


def test_dashboard_names_match_model():
    assert ActivationsDashboard._activation_names() == act.ACTIVATIONS


def test_switching_activation_redraws_curve_and_neuron(dashboard):
    dashboard.configure(activation="relu", weights=[2.0], bias=-1.0)
    assert dashboard.error_text == ""
    curve_y = np.array(dashboard.curve.data[1].y, dtype=float)
    curve_x = np.array(dashboard.curve.data[1].x, dtype=float)
    np.testing.assert_allclose(curve_y, np.maximum(curve_x, 0), atol=1e-6)
    np.testing.assert_allclose(
        np.array(dashboard.curve.data[2].y, dtype=float), (curve_x > 0).astype(float), atol=1e-6
    )
    # ReLU saturates for z < 0: one shaded band from the left edge to 0.
    assert dashboard.curve.data[0].x[:2] == (-6.0, 0.0)
    x = np.array(dashboard.neuron.data[0].x, dtype=float)
    y = np.array(dashboard.neuron.data[0].y, dtype=float)
    np.testing.assert_allclose(y, np.maximum(2 * x - 1, 0), atol=1e-5)

    dashboard.configure(activation="sigmoid")
    y = np.array(dashboard.neuron.data[0].y, dtype=float)
    np.testing.assert_allclose(y, 1 / (1 + np.exp(-(2 * x - 1))), atol=1e-5)
    assert len(dashboard.curve.data[0].x) == 12  # two bands of 6 entries


def test_sliders_are_the_model_weights(dashboard):
    dashboard.configure(activation="tanh", weights=[0.5, -1.5], bias=0.7)
    kernel, bias = dashboard.model.get_weights()
    np.testing.assert_allclose(kernel.ravel(), [0.5, -1.5])
    np.testing.assert_allclose(bias, [0.7], rtol=1e-6)
    heat = dashboard.neuron.data[1]
    assert heat.visible and not dashboard.neuron.data[0].visible
    axis = np.array(heat.x, dtype=float)
    z = np.array(heat.z, dtype=float)
    x1, x2 = np.meshgrid(axis, axis)
    np.testing.assert_allclose(z, np.tanh(0.5 * x1 - 1.5 * x2 + 0.7), atol=1e-5)

    dashboard._weights[0].value = -2.0  # as a student moving the slider
    assert dashboard.model.get_weights()[0].ravel()[0] == pytest.approx(-2.0)
    z = np.array(dashboard.neuron.data[1].z, dtype=float)
    np.testing.assert_allclose(z, np.tanh(-2.0 * x1 - 1.5 * x2 + 0.7), atol=1e-5)


def test_alpha_slider_changes_leaky_relu(dashboard):
    dashboard.configure(activation="leaky_relu", alpha=0.5, weights=[1.0], bias=0.0)
    y = np.array(dashboard.curve.data[1].y, dtype=float)
    z = np.array(dashboard.curve.data[1].x, dtype=float)
    np.testing.assert_allclose(y, np.where(z > 0, z, 0.5 * z), atol=1e-6)
    assert dashboard._alpha.layout.display != "none"
    dashboard.configure(activation="linear")
    assert dashboard._alpha.layout.display == "none"


def test_softmax_bars_follow_logits_and_temperature(dashboard):
    dashboard.set_logits([1.0, 2.0, 0.0, -1.0], temperature=2.0)
    bars = np.array(dashboard.bars.data[0].y, dtype=float)
    assert len(bars) == 4 and bars.sum() == pytest.approx(1.0, abs=1e-5)
    np.testing.assert_allclose(bars, act.reference_softmax([1, 2, 0, -1], 2.0), atol=1e-6)
    dashboard._temperature.value = 0.1
    sharp = np.array(dashboard.bars.data[0].y, dtype=float)
    assert sharp[1] > 0.99 and sharp[1] > bars[1]


def test_a_softmax_press_writes_the_numbers_before_the_bars(dashboard, polish_board, monkeypatch):
    """Issue 24: the page redraws the bars whole (new heights, colours, labels), so the
    readout, which names every probability and so changes at every press, goes first."""
    dashboard.set_logits([2.0, 1.0, 0.1], temperature=1.0)
    sent = sent_in_order(monkeypatch)
    for control, value in ((dashboard._logits[0], 1.3), (dashboard._n_logits, 4)):
        sent.clear()
        before = dashboard._softmax_text.value
        control.value = value
        assert dashboard._softmax_text.value != before
        assert sent.index(dashboard._softmax_text) < sent.index(dashboard.bars)
    p = act.reference_softmax(dashboard.logits, dashboard.temperature)
    assert ", ".join(f"{v:.3f}" for v in p) in dashboard._softmax_text.value
    polish_board.set_logits([2.0, 1.0, 0.1], temperature=1.0)
    p = act.reference_softmax([2.0, 1.0, 0.1], 1.0)
    assert "; ".join(f"{v:.3f}".replace(".", ",") for v in p) in polish_board._softmax_text.value


def test_polish_bars_and_the_neuron_readout_have_decimal_commas(dashboard, polish_board):
    """The probabilities above the softmax bars and the neuron's value at x = 1 are text
    the page shows as sent: Polish writes 0,67, not 0.67 (plotly's separators do not reach
    a trace's text)."""
    dashboard.set_logits([2.0, 1.0, 0.1], temperature=1.0)
    polish_board.set_logits([2.0, 1.0, 0.1], temperature=1.0)
    p = act.reference_softmax([2.0, 1.0, 0.1], 1.0)
    assert list(dashboard.bars.data[0].text) == [f"{v:.2f}" for v in p]
    assert list(polish_board.bars.data[0].text) == [f"{v:.2f}".replace(".", ",") for v in p]
    for board in (dashboard, polish_board):
        board.configure(activation="sigmoid", weights=[0.5], bias=-1.25)
    # z = 0,5 · 1 − 1,25 = −0,75; σ(−0,75) = 0,321
    assert "y = f(−0.75) = 0.321" in dashboard._neuron_value.value
    assert "y = f(−0,75) = 0,321" in polish_board._neuron_value.value
    for board in (dashboard, polish_board):  # the module's boards back at their defaults
        board.configure(weights=[1.0], bias=0.0)


def test_configure_sets_the_softmax_as_set_logits_does(dashboard):
    dashboard.configure(logits=[0.5, -0.5, 1.5], temperature=0.5)
    assert dashboard.error_text == ""
    assert dashboard.logits == [0.5, -0.5, 1.5] and dashboard.temperature == 0.5
    bars = np.array(dashboard.bars.data[0].y, dtype=float)
    np.testing.assert_allclose(bars, act.reference_softmax([0.5, -0.5, 1.5], 0.5), atol=1e-6)
    assert [c.layout.display for c in dashboard._logits[2:]] == [None, "none", "none"]


def test_bad_input_is_a_message_not_a_traceback(dashboard):
    dashboard.configure(weights=[9.0])
    assert dashboard.error_text == "The weight w1 must be a number from −5 to 5, not 9."
    dashboard.set_logits([1.0, 2.0])
    assert "3 to 5 logits" in dashboard.error_text and "given: 2" in dashboard.error_text
    dashboard.configure(activation="sigmoid")  # a good call clears the banner
    assert dashboard.error_text == ""


@pytest.fixture(scope="module")
def polish_board():
    return ActivationsDashboard(lang="pl").wait_ready()


NAMES = " ".join(act.ACTIVATIONS) + " softmaks bias neuron"  # names, and words Polish too


@pytest.mark.parametrize(
    ("call", "values", "key", "words"),
    [
        ({"activation": "softmaks"}, {}, "bad_activation", "Nieznana funkcja aktywacji 'softmaks'"),
        ({"weights": [9.5]}, {}, "bad_weight", "Waga w1 musi być liczbą od −5 do 5, a podano 9,5."),
        (
            {"weights": [1.0, "dużo"]},
            {},
            "bad_weight",
            "Waga w2 musi być liczbą od −5 do 5, a podano 'dużo'.",
        ),
        ({"weights": [1.0, 2.0, 3.0]}, {}, "bad_weights", "(liczba podanych wag: 3)"),
        ({"alpha": 2.5}, {}, "bad_alpha", "Parametr α musi być liczbą od 0 do 2, a podano 2,5."),
        (
            {"bias": float("nan")},
            {},
            "bad_bias",
            "Wyraz wolny (bias) b musi być liczbą od −5 do 5, a podano nan.",
        ),
        ({}, {"logits": [1.0, 2.0]}, "bad_logits", "od 3 do 5 logitów, każdy od −5 do 5"),
        ({}, {"logits": [1.0, "x", 2.0]}, "bad_logits", "(liczba podanych logitów: 3)"),
        (
            {},
            {"logits": [1.0, 2.0, 3.0], "temperature": 0.05},
            "bad_temperature",
            "Temperatura T musi być liczbą od 0,1 do 10, a podano 0,05.",
        ),
    ],
)
def test_bad_settings_are_student_errors_told_in_polish(polish_board, call, values, key, words):
    shown = shown_errors(polish_board)
    if call:
        polish_board.configure(**call)
    else:
        polish_board.set_logits(**values)
    sentence, details = assert_student_error(shown[-1], f"activations.{key}", NAMES)
    assert polish_board.error_text == sentence and words in sentence and details == ""
    assert polish_board.activation == "sigmoid" and polish_board.parameters == ([1.0], 0.0)
    polish_board.clear_error()


def test_an_unknown_activation_when_building_the_dashboard_is_told_in_polish():
    with pytest.raises(ValueError) as info:  # a ValueError as before, and a StudentError
        ActivationsDashboard(lang="pl", activation="softmaks")
    sentence, _ = assert_student_error(info.value, "activations.bad_activation", NAMES)
    assert sentence.startswith("Nieznana funkcja aktywacji 'softmaks'; dostępne: step")


# --------------------------------------------------------------------------- exercises


def test_check_derivative_accepts_right_and_rejects_wrong():
    from widgets.activations import check_derivative

    def sigmoid(z):
        return 1 / (1 + np.exp(-z))

    assert check_derivative(lambda z: sigmoid(z) * (1 - sigmoid(z)), "sigmoid", "en").passed
    wrong = check_derivative(sigmoid, "sigmoid", "pl")
    assert not wrong.passed and "z =" in wrong.message
    assert not check_derivative(lambda z: 1 / 0, "tanh", "en").passed


def test_check_softmax_accepts_right_and_rejects_wrong():
    from widgets.activations import check_softmax

    assert check_softmax(act.reference_softmax, "en").passed
    no_temperature = check_softmax(lambda z, t: act.reference_softmax(z), "en")
    assert not no_temperature.passed and "T =" in no_temperature.message


def test_inputs_switch_neurons_built_once_and_answers_with_the_readout_first(
    dashboard, monkeypatch
):
    """The "inputs" buttons build no Keras model (a neuron per input count is built with
    the page), and the readout at x = (1, 1) is written before the figure, whose redraw
    as a heatmap is the slow part in the page (issue 24)."""
    import widgets.activations.dashboard as module

    real = importlib.import_module("widgets.models.activations")  # act may be a proxy
    builds, drawn = [], []
    monkeypatch.setattr(real, "build_neuron", lambda *a, **k: builds.append(a))
    update = module.update_traces

    def recorded(figure, *args, **kwargs):
        if figure is dashboard.neuron:
            drawn.append(dashboard._neuron_value.value)
        return update(figure, *args, **kwargs)

    monkeypatch.setattr(module, "update_traces", recorded)
    dashboard.configure(activation="tanh", weights=[0.5], bias=0.0)
    one = dashboard.model
    drawn.clear()
    dashboard._inputs.value = 2
    assert builds == [] and dashboard.model is not one
    assert dashboard.model.input_shape == (None, 2)
    assert drawn == [dashboard._neuron_value.value] and "(1, 1)" in drawn[0]
    dashboard._inputs.value = 1
    assert dashboard.model is one and builds == []
