"""Lesson 08 dashboard driven headless: budgets shown, both nets trained in the background
from one model, figures drawn from the real weights, bad input reported, exercises."""

from __future__ import annotations

import time

import numpy as np
import pytest
from message_checks import sent_in_order
from student_errors import assert_student_error, shown_errors

from widgets.backend import load_keras
from widgets.data.depth import sawtooth_target
from widgets.deep_vs_shallow import DeepVsShallowDashboard, check_param_count, check_shallow_neurons
from widgets.deep_vs_shallow.figures import (
    COLOURS,
    counts_html,
    heatmap_data,
    loss_data,
    loss_figure,
)

keras = load_keras(timeout=120)

from widgets.models import depth as dp  # noqa: E402  (imports Keras)


@pytest.fixture(scope="module")
def dashboard():
    return DeepVsShallowDashboard(lang="en").wait_ready()


def test_counts_follow_the_depth_and_match_the_keras_models(dashboard):
    dashboard.configure(data="sawtooth", budget=400, depth=5, steps=100, seed=0)
    shallow, deep = dp.describe(dashboard.shallow), dp.describe(dashboard.deep)
    assert (deep["depth"], shallow["depth"]) == (5, 1)
    assert deep["width"] == dp.width_for_budget(400, 5)
    assert abs(deep["params"] - 400) <= 40 and abs(shallow["params"] - 400) <= 3
    counts = dashboard._counts.value
    assert f"<b>{shallow['params']}</b>" in counts and f"<b>{deep['params']}</b>" in counts
    assert f"5 × {deep['width']}" in counts and f"1 × {shallow['width']}" in counts


def test_train_in_background_draw_continue_stop_and_reset(dashboard):
    dashboard.configure(data="sawtooth", teeth=4, budget=200, depth=3, steps=100, seed=1)
    before = [w.copy() for w in dashboard.model.get_weights()]
    dashboard.play()  # background thread
    dashboard.wait_trained(120)
    assert not dashboard.error_text
    assert dashboard.history["step"] == list(range(0, 101, 25))
    after = dashboard.model.get_weights()
    assert all(not np.array_equal(a, b) for a, b in zip(before, after, strict=True))
    # the recorded test loss is the Keras model's own MSE on the test set
    split = dashboard.split
    predicted = dashboard.model.predict(split.x_test, verbose=0)
    for name in ("shallow", "deep"):
        mse = float(np.mean((predicted[name] - split.y_test) ** 2))
        assert dashboard.history[f"{name}_test"][-1] == pytest.approx(mse, rel=1e-4)
    # the plotted curves are the nets' outputs, the target the sawtooth
    shallow_curve, deep_curve = dashboard.function_figure.data[2], dashboard.function_figure.data[3]
    x = np.array(deep_curve.x, dtype="float32").reshape(-1, 1)
    want = dashboard.deep.predict(x, verbose=0).ravel()
    np.testing.assert_allclose(deep_curve.y, want, rtol=1e-4, atol=1e-5)
    assert not np.allclose(shallow_curve.y, deep_curve.y)
    np.testing.assert_allclose(dashboard.function_figure.data[1].y, sawtooth_target(x.ravel(), 4))
    losses = dashboard.loss_figure.data
    assert list(losses[3].y) == pytest.approx(dashboard.history["deep_test"])
    assert "100" in dashboard.status_text

    # ▶ again continues the same model (steps is no setting: nothing is rebuilt)
    model = dashboard.model
    dashboard.play(background=False)
    assert dashboard.model is model
    assert dashboard.history["step"][-1] == 200 and len(dashboard.history["step"]) == 9
    dashboard._steps.value = 5000  # even after configure(steps=...): no restart
    assert dashboard.model is model and dashboard.history["step"][-1] == 200
    dashboard.play()
    deadline = time.monotonic() + 60
    while dashboard.history["step"][-1] < 300 and time.monotonic() < deadline:
        dashboard._trainer.join(0.05)
    dashboard._stop.click()
    dashboard.wait_trained(60)
    assert 300 <= dashboard.history["step"][-1] < 5200
    assert "Stopped" in dashboard.status_text
    dashboard._reset.click()
    assert dashboard.history["step"] == [0]
    for a, b in zip(before, dashboard.model.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)  # the same seed gives the same start
    optimizer = dashboard.model.optimizer
    assert int(optimizer.iterations.numpy()) == 0
    assert float(optimizer.learning_rate.numpy()) == pytest.approx(dashboard.learning_rate)
    # same shape: restarted in place (its compiled step is kept); a new budget: new model
    dashboard.configure(teeth=6, learning_rate=0.02)
    assert dashboard.model is model and dashboard.history["step"] == [0]
    assert float(optimizer.learning_rate.numpy()) == pytest.approx(0.02)
    dashboard.configure(budget=210)
    assert dashboard.model is not model


def test_spirals_show_two_heatmaps_of_the_nets_probabilities(dashboard):
    dashboard.configure(data="spirals", turns=1.0, budget=300, depth=3, steps=100, seed=0)
    assert dashboard._heatmap_box.layout.display is None
    assert dashboard._function_box.layout.display == "none"
    assert dashboard._teeth.layout.display == "none"
    dashboard.play(background=False)
    assert dashboard.split.n_inputs == 2 and dashboard.shallow.input_shape == (None, 2)
    shallow_map = np.array(dashboard.heatmap_figure.data[0].z, dtype=float)
    axis = np.array(dashboard.heatmap_figure.data[0].x)
    xx, yy = np.meshgrid(axis, axis)
    grid = np.column_stack([xx.ravel(), yy.ravel()]).astype("float32")
    want = dashboard.shallow.predict(grid, verbose=0).reshape(shallow_map.shape)
    np.testing.assert_allclose(shallow_map, want, rtol=1e-4, atol=1e-5)
    assert shallow_map.min() >= 0 and shallow_map.max() <= 1


def test_bad_settings_give_a_message_and_change_nothing(dashboard):
    dashboard.configure(data="sawtooth", budget=400, depth=3)
    model = dashboard.model
    for bad in (
        {"budget": 10},
        {"depth": 20},
        {"learning_rate": float("nan")},
        {"data": "moons"},
        {"teeth": "many"},
        {"init": "ones"},
        {"colour": 3},
    ):
        dashboard.configure(**bad)
        assert dashboard.error_text, bad
        assert dashboard.model is model and dashboard._budget.value == 400
    dashboard.configure(budget=410)
    assert not dashboard.error_text and dashboard.model is not model
    assert dp.describe(dashboard.shallow)["params"] == dp.mlp_params(1, 136, 1)


@pytest.fixture(scope="module")
def polish_board():
    return DeepVsShallowDashboard(lang="pl").wait_ready()


# What a student types: the settings' names (configure's keywords) and values.
NAMES = "data teeth turns budget depth init learning_rate steps seed sawtooth spirals noisy "
NAMES += "keras spread moons colour True"


@pytest.mark.parametrize(
    ("settings", "key", "sentence"),
    [
        (
            {"colour": 3},
            "unknown_setting",
            "Nieznane ustawienie 'colour'; do wyboru: data, teeth, turns, budget, depth, init, "
            "learning_rate, steps, seed.",
        ),
        (
            {"data": "moons"},
            "unknown_choice",
            "Ustawienie data nie może mieć wartości 'moons'; do wyboru: sawtooth, spirals, noisy.",
        ),
        ({"init": ["keras"]}, "unknown_choice", None),
        (
            {"learning_rate": 2.5},
            "bad_number",
            "Ustawienie learning_rate musi być liczbą od 0,0001 do 1, a podano 2,5.",
        ),
        ({"turns": "dużo"}, "bad_number", None),
        (
            {"teeth": 2.5},
            "bad_whole_number",
            "Ustawienie teeth musi być liczbą całkowitą od 1 do 32, a podano 2,5.",
        ),
        ({"budget": 10}, "bad_whole_number", None),
        ({"seed": True}, "bad_whole_number", None),
    ],
)
def test_bad_settings_are_student_errors_told_in_polish(polish_board, settings, key, sentence):
    shown = shown_errors(polish_board)
    model = polish_board.model
    polish_board.configure(**settings)
    said, details = assert_student_error(shown[-1], f"deep_vs_shallow.{key}", NAMES)
    assert polish_board.error_text == said and details == ""
    assert sentence is None or said == sentence
    assert polish_board.model is model
    polish_board.clear_error()


def test_a_diverged_run_says_so_in_polish(polish_board):
    polish_board.configure(data="sawtooth", budget=100, depth=2, steps=100, learning_rate=0.5)
    polish_board.diverged_at = 25
    shown = shown_errors(polish_board)
    polish_board.play()
    sentence, _ = assert_student_error(shown[-1], "deep_vs_shallow.diverged")
    assert sentence.startswith("Uczenie się rozbiegło w kroku 25") and "η = 0,5 jest" in sentence
    assert not polish_board._trainer.running
    polish_board.diverged_at = None


def test_noisy_set_defaults_show_the_wide_net_overfitting(dashboard):
    """The noisy set brings spread bends; 1500 steps (the default) and the shallow net's
    training loss is far below the noise variance while its test loss has risen."""
    dashboard.configure(data="noisy", budget=400, depth=3, learning_rate=0.01, steps=1500, seed=0)
    assert dashboard._init.value == "spread"
    kernel, bias = dashboard.shallow.layers[0].get_weights()
    assert np.ptp(-bias / kernel.ravel()) > 1  # the bends start spread, not all at x = 0
    dashboard.play(background=False)
    history, noise_variance = dashboard.history, 0.3**2
    assert history["step"][-1] == 1500 and not dashboard.error_text
    assert history["shallow_train"][-1] < 0.5 * noise_variance
    assert history["shallow_test"][-1] > 1.1 * min(history["shallow_test"])
    # the loss figure shows exactly these curves (solid training, dotted test)
    shallow_train, shallow_test = dashboard.loss_figure.data[0], dashboard.loss_figure.data[1]
    assert list(shallow_train.y) == pytest.approx(history["shallow_train"])
    assert list(shallow_test.y) == pytest.approx(history["shallow_test"])
    # the curve drawn is the Keras net's: it passes close to every training point
    split = dashboard.split
    fitted = dashboard.shallow.predict(split.x_train, verbose=0)
    assert float(np.mean((fitted - split.y_train) ** 2)) == pytest.approx(
        history["shallow_train"][-1], rel=1e-3
    )
    # a linear loss axis with the noise variance marked, and the numbers in the status
    layout = dashboard.loss_figure.layout
    assert layout.yaxis.type == "linear" and layout.shapes[0].y0 == noise_variance
    assert layout.shapes[0].visible and layout.annotations[0].visible
    assert f"{history['shallow_train'][-1]:.3g}" in dashboard.status_text
    # the zero-bias start is one click away; another data set brings its own default
    dashboard.configure(init="keras")
    assert np.all(dashboard.shallow.layers[0].get_weights()[1] == 0)
    dashboard.configure(data="sawtooth")
    assert dashboard._init.value == "keras"
    assert layout.yaxis.type == "log" and not layout.shapes[0].visible
    dashboard._data.value = "noisy"  # as a click: the observer sets the initialisation
    assert dashboard._init.value == "spread" and dashboard.split.name == "noisy"
    assert np.any(dashboard.shallow.layers[0].get_weights()[1] != 0)


def test_a_diverged_run_says_so_and_refuses_to_go_on(dashboard):
    dashboard.configure(data="sawtooth", budget=100, depth=2, steps=100)
    dashboard.history["shallow_train"][-1] = float("nan")
    dashboard.diverged_at = 25
    dashboard.play()
    assert "diverged" in dashboard.error_text and not dashboard._trainer.running


def test_pure_figure_data():
    history = {
        "step": [0, 25],
        "shallow_train": [1.0, np.inf],
        "shallow_test": [1, 2],
        "deep_train": [3, 4],
        "deep_test": [5, 6],
    }
    data = loss_data(history)
    assert data[0] == {"x": [0, 25], "y": [1.0, None]} and data[3]["y"] == [5.0, 6.0]

    class Split:
        x_train = np.array([[0.0, 1.0], [1.0, 0.0]])
        y_train = np.array([[1.0], [0.0]])

    maps = heatmap_data(Split, np.array([0.0, 1.0]), np.eye(2), np.zeros((2, 2)))
    assert maps[0]["z"] == [[1.0, 0.0], [0.0, 1.0]] and len(maps) == 4
    assert maps[2]["marker.color"][0] != maps[2]["marker.color"][1]

    figure = loss_figure(["a", "b", "c", "d"], "title", "step", "loss")
    assert [trace.line.dash for trace in figure.data] == [None, "dot", None, "dot"]
    assert figure.data[0].line.color == COLOURS["shallow"] == figure.data[1].line.color
    assert figure.layout.yaxis.type == "log" and figure.layout.shapes == ()  # no epoch line
    table = counts_html(["net", "shape", "params"], [("deep", "deep", 3, 11, 287)])
    assert "3 × 11" in table and "<b>287</b>" in table and COLOURS["deep"] in table


def test_a_setting_tells_the_starting_losses_before_the_figures(dashboard, monkeypatch):
    """Issue 24: the status (both nets' test loss at the start, which every setting
    changes) goes before the figures, which plotly.js redraws whole; a data set or shape
    stepped back restarts its kept pair instead of building one (0.15 s a build, which
    the next key press waited behind)."""
    dashboard.configure(data="sawtooth", teeth=8, budget=400, depth=3, init="keras", seed=0)
    sawtooth_pair = dashboard.model
    dashboard.configure(data="spirals")
    sent = sent_in_order(monkeypatch)
    built = []
    build_pair = dp.build_pair
    monkeypatch.setattr(dp, "build_pair", lambda *a, **k: built.append(a) or build_pair(*a, **k))
    for setting in ({"data": "sawtooth"}, {"init": "spread"}, {"teeth": 9}):
        sent.clear()
        before = dashboard.status_text
        dashboard.configure(**setting)
        assert dashboard.status_text != before, setting
        figures = [dashboard.loss_figure, dashboard.function_figure, dashboard.heatmap_figure]
        drawn = [sent.index(figure) for figure in figures if figure in sent]
        assert drawn and sent.index(dashboard._status) < min(drawn), setting
    assert dashboard.model is sawtooth_pair and len(built) <= 1  # one start for "spread"
    losses = dashboard.last_test_losses()
    assert f"shallow {losses['shallow']:.4g}, deep {losses['deep']:.4g}" in dashboard.status_text


def test_polish_dashboard_speaks_polish():
    dashboard = DeepVsShallowDashboard(lang="pl")
    labels = [dashboard._budget.description, dashboard._play.description]
    assert labels == ["budżet parametrów", "Ucz"]
    assert "płytka" in dashboard._counts.value and "parametry" in dashboard._counts.value


def test_exercise_checks():
    assert check_param_count(dp.mlp_params(1, 13, 3), width=13, depth=3, lang="en").passed
    wrong = check_param_count(0, lang="pl")
    assert not wrong.passed and "Wskazówka" in wrong.message
    assert check_shallow_neurons(15, teeth=8).passed
    assert not check_shallow_neurons(16, teeth=8).passed
    assert "❌" in check_shallow_neurons("?", lang="en")._repr_html_()
