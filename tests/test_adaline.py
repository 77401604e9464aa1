"""Lesson 05: ADALINE in Keras against the closed-form least-squares solution, divergence
detection, the error surface, and the dashboard driven headless."""

from __future__ import annotations

import re

import numpy as np
import pytest
from message_checks import sent_in_order
from student_errors import assert_student_error, shown_errors

from widgets.adaline import (
    AdalineDashboard,
    check_critical_rate,
    check_least_squares,
    critical_learning_rate,
)
from widgets.backend import load_keras
from widgets.figures.curves import error_surface_data
from widgets.figures.shapes import named

keras = load_keras(timeout=120)

from widgets.models import adaline as ad  # noqa: E402  (imports Keras)


def well_conditioned(n=80, seed=1):
    """Independent standardised inputs and a noisy linear target."""
    rng = np.random.default_rng(seed)
    X, _, _ = ad.standardise(rng.normal(size=(n, 2)))
    y = (X @ np.array([0.8, -0.5]) + 0.3 + 0.2 * rng.normal(size=n)).astype("float32")
    return X, y


# --------------------------------------------------------------------------- model


def test_keras_adaline_reaches_least_squares_batch():
    X, y = well_conditioned()
    model, recorder = ad.fit_closed_form_check(X, y, learning_rate=0.4, epochs=60)
    w, b = ad.get_parameters(model)
    exact_w, exact_b = ad.least_squares(X, y)
    np.testing.assert_allclose(w, exact_w, atol=1e-3)
    assert b == pytest.approx(exact_b, abs=1e-3)
    assert not recorder.diverged
    costs = np.array(recorder.costs)
    assert len(costs) == 61 and np.all(np.diff(costs) <= 1e-9)  # batch GD never goes up
    assert costs[-1] == pytest.approx(ad.cost(X, y, exact_w, exact_b), abs=1e-6)


def test_keras_adaline_online_is_widrow_hoff():
    """One epoch with batch size 1 is the LMS rule w += 2η(y − z)x, sample by sample."""
    X, y = well_conditioned(n=20)
    eta = 0.05
    model = ad.build_adaline(2, eta, steps_per_epoch=len(X))
    model.fit(ad.dataset(X, y, 1), epochs=1, verbose=0, shuffle=False)
    w, b = np.zeros(2), 0.0
    for x_i, y_i in zip(X.astype(float), y.astype(float), strict=True):
        error = y_i - (x_i @ w + b)
        w, b = w + 2 * eta * error * x_i, b + 2 * eta * error  # d/dz of (y − z)² is −2(y − z)
    got_w, got_b = ad.get_parameters(model)
    np.testing.assert_allclose(got_w, w, atol=1e-5)
    assert got_b == pytest.approx(b, abs=1e-5)


def test_divergence_is_detected_and_last_finite_weights_kept():
    X, y = well_conditioned()
    eta = 3 * critical_learning_rate(X)
    model = ad.build_adaline(2, eta, steps_per_epoch=1)
    recorder = ad.EpochRecorder(X, y)
    model.fit(ad.dataset(X, y, len(X)), epochs=200, verbose=0, shuffle=False, callbacks=[recorder])
    assert recorder.diverged and recorder.diverged_at < 200
    w, b = ad.get_parameters(model)
    assert np.all(np.isfinite(w)) and np.isfinite(b)
    np.testing.assert_allclose(w, recorder.weights[-1], rtol=1e-6)
    assert np.all(np.isfinite(recorder.costs))
    assert len(recorder.costs) == recorder.diverged_at  # the diverged epoch is not kept


def test_critical_rate_separates_convergence_from_divergence():
    X, y = well_conditioned()
    critical = critical_learning_rate(X)
    for factor, should_diverge in ((0.9, False), (1.2, True)):
        model = ad.build_adaline(2, factor * critical)
        recorder = ad.EpochRecorder(X, y)
        model.fit(
            ad.dataset(X, y, len(X)), epochs=120, verbose=0, shuffle=False, callbacks=[recorder]
        )
        assert recorder.diverged == should_diverge, factor


def test_cost_surface_matches_direct_cost():
    X, y = well_conditioned(n=30)
    w1, w2 = np.linspace(-1, 1, 5), np.linspace(-2, 0, 4)
    surface = ad.cost_surface(X, y, 0.3, w1, w2)
    assert surface.shape == (4, 5)
    for i, b2 in enumerate(w2):
        for j, b1 in enumerate(w1):
            assert surface[i, j] == pytest.approx(ad.cost(X, y, [b1, b2], 0.3), rel=1e-9)


def test_error_surface_data_drops_non_finite_path_points():
    w1 = w2 = np.linspace(-1, 1, 3)
    path = np.array([[0.0, 0.0], [0.5, 0.5], [np.nan, 1.0], [50.0, 0.0]])
    data, layout = error_surface_data(w1, w2, np.ones((3, 3)), path, 3, np.zeros(2))
    assert data[1]["x"] == [0.0, 0.5] and data[2]["x"] == []
    assert layout["xaxis.range"] == [-1.0, 1.0]


def test_exercise_checkers():
    X, y = well_conditioned()
    assert check_critical_rate(critical_learning_rate(X), X, "en").passed
    assert not check_critical_rate(1.0, X, "en").passed
    exact_w, exact_b = ad.least_squares(X, y)
    assert check_least_squares(exact_w, exact_b, X, y, "pl").passed
    assert not check_least_squares(np.zeros(2), 0.0, X, y, "pl").passed


# --------------------------------------------------------------------------- dashboard


def all_numbers(figure) -> list[float]:
    """Every number in the figure's trace data (x, y, z), flattened."""
    values = []
    for trace in figure.data:
        for key in ("x", "y", "z"):
            array = getattr(trace, key, None)
            if array is None:
                continue
            flat = np.array(array, dtype=object).ravel()
            values += [v for v in flat if isinstance(v, int | float)]
    return values


@pytest.fixture(scope="module")
def dashboard():
    board = AdalineDashboard(lang="en").wait_ready()
    board.wait_trained(60)
    return board


def test_dashboard_final_weights_are_least_squares(dashboard):
    dashboard.configure(data="overlapping", mode="batch", learning_rate=0.3, epochs=40, seed=2)
    dashboard.wait_trained(60)
    assert dashboard.error_text == "" and not dashboard.diverged
    run = dashboard.run
    w, b = ad.get_parameters(dashboard.model)
    np.testing.assert_allclose(w, run.exact_w, atol=1e-3)
    assert b == pytest.approx(run.exact_b, abs=1e-3)
    # The table shows the same numbers; the slider sits at the last epoch.
    assert f"{run.exact_w[0]:.4f}" in dashboard._table.value
    assert dashboard._epoch.value == 40 and dashboard._play.max == 40
    costs = np.array(dashboard.costs.data[0].y, dtype=float)
    np.testing.assert_allclose(costs, run.costs, rtol=1e-9)
    assert costs[-1] < costs[0]


def test_changing_mode_and_rate_reuses_one_compiled_model_per_mode(dashboard):
    # Why: each compile of the online model left 2-3 MB in the kernel after its retrace.
    settings = {"data": "noisy", "epochs": 15, "seed": 1}
    dashboard.configure(mode="online", learning_rate=0.02, **settings)
    dashboard.wait_trained(60)
    online = dashboard.model
    dashboard.configure(mode="batch", learning_rate=0.2)
    dashboard.wait_trained(60)
    batch = dashboard.model
    assert batch is not online
    dashboard.configure(mode="online", learning_rate=0.05)
    dashboard.wait_trained(60)
    assert dashboard.model is online
    assert float(online.optimizer.learning_rate) == pytest.approx(0.05)
    # The reused model learns exactly as a freshly compiled one at the new η.
    X, targets = dashboard.run.X, dashboard.run.targets
    fresh = ad.build_adaline(2, 0.05, steps_per_epoch=len(X))
    recorder = ad.EpochRecorder(X, targets)
    fresh.fit(ad.dataset(X, targets, 1), epochs=15, shuffle=False, verbose=0, callbacks=[recorder])
    np.testing.assert_allclose(dashboard.run.adaline_w, np.array(recorder.weights), atol=1e-6)
    np.testing.assert_allclose(dashboard.run.costs, np.array(recorder.costs), rtol=1e-6)


def test_dashboard_divergence_message_and_no_nan(dashboard):
    dashboard.configure(data="noisy", mode="batch", learning_rate=3.0, epochs=60)
    dashboard.wait_trained(60)
    assert dashboard.diverged
    assert "diverged" in dashboard.status_text and "Lower η" in dashboard.status_text
    assert "dl-diverged" in dashboard._status.value
    weights = dashboard.model.get_weights()
    assert all(np.all(np.isfinite(a)) for a in weights)
    for figure in (dashboard.costs, dashboard.surface, dashboard.adaline_plane):
        numbers = all_numbers(figure)
        assert numbers and all(np.isfinite(numbers)), figure
    # The ADALINE plane names the epoch its weights come from, not the slider's.
    last = len(dashboard.run.adaline_b) - 1
    dashboard._epoch.value = dashboard._epoch.max
    title = dashboard.adaline_caption.value
    assert f"stopped at epoch {last} " in title, title
    # Going back to a sane rate clears the message.
    dashboard.configure(learning_rate=0.1)
    dashboard.wait_trained(60)
    assert not dashboard.diverged and "diverged" not in dashboard.status_text


def test_epoch_slider_moves_boundaries_and_path(dashboard):
    dashboard.configure(data="noisy", mode="online", learning_rate=0.01, epochs=20, seed=0)
    dashboard.wait_trained(60)
    run = dashboard.run
    shown = []
    for epoch in (1, 10):
        dashboard._epoch.value = epoch  # what the Play widget does
        (line,) = named(dashboard.adaline_plane.layout.shapes, "boundary")
        shown.append((line.x0, line.y0, line.x1, line.y1))
        path = dashboard.surface.data[1]
        assert len(path.x) == epoch + 1
        np.testing.assert_allclose(dashboard.surface.data[2].x, [run.adaline_w[epoch][0]])
        assert dashboard.costs.layout.shapes[0].x0 == epoch
        assert f"epoch {epoch}:" in dashboard.perceptron_caption.value
    assert shown[0] != shown[1]
    # The boundary drawn is where the recorded ADALINE weights give w·x + b = 0.
    w, b = run.adaline_w[10], run.adaline_b[10]
    x0, y0, x1, y1 = shown[1]
    xs, ys = np.array([x0, x1]), np.array([y0, y1])
    np.testing.assert_allclose(xs * w[0] + ys * w[1] + b, 0, atol=1e-3)  # 4 decimals sent
    # Each point's ring shows its true class (it once lost its colours and drew black).
    from widgets.figures.plane import TARGETS_TRACE
    from widgets.figures.style import FIRE, QUIET

    rings = dashboard.adaline_plane.data[TARGETS_TRACE].marker.color
    assert list(rings) == [FIRE if label else QUIET for label in run.labels]


def test_stop_button_stops_training(dashboard):
    dashboard.configure(mode="online", learning_rate=0.001, epochs=100)
    dashboard._stop.click()  # at once: the 100 online epochs take about a second
    dashboard.wait_trained(60)
    assert dashboard._trainer.stopped and dashboard.run.stopped
    assert len(dashboard.run.costs) < 101
    assert "Stopped" in dashboard.status_text and dashboard.error_text == ""
    assert dashboard._stop.disabled


def test_a_press_during_a_training_changes_the_status_first(dashboard, polish_board, monkeypatch):
    """Issue 24: a press landing while the last press's training still ran (0.8-2.6 s
    under load) showed nothing new: the status read "Training…" before and after. It now
    names the epochs, η and seed, and goes first."""
    dashboard.configure(mode="online", learning_rate=0.001, epochs=100, seed=0)
    assert dashboard._trainer.running  # the 100 online epochs take about a second
    sent = sent_in_order(monkeypatch)
    before = dashboard.status_text
    dashboard._epochs.value = 99
    assert dashboard.status_text != before and "99 epochs" in dashboard.status_text
    assert [widget for widget in sent if widget is not dashboard._epochs][0] is dashboard._status
    dashboard.wait_trained(60)
    polish_board.configure(mode="online", learning_rate=0.001, epochs=22, seed=3)
    assert "22 epoki, η = 0,001, ziarno 3" in polish_board.status_text
    polish_board.wait_trained(60)


def test_bad_settings_give_a_message(dashboard):
    dashboard.configure(learning_rate=50.0)
    assert "learning rate" in dashboard.error_text and "50" in dashboard.error_text
    dashboard.configure(mode="sideways")
    assert "sideways" in dashboard.error_text


@pytest.fixture(scope="module")
def polish_board():
    board = AdalineDashboard(lang="pl").wait_ready()
    board.wait_trained(60)
    return board


NAMES = "separable noisy overlapping batch online sideways spirals"  # names a student types


def test_polish_dashboard_speaks_polish(polish_board):
    """The hover names of the error surface and the plane captions are Polish, with
    the error count agreeing with its noun ("2 błędy", "5 błędów")."""
    names = [trace.name for trace in polish_board.surface.data[1:]]
    assert names == ["droga spadku", "bieżąca epoka", "minimum"]
    caption = polish_board.adaline_caption.value
    assert re.search(r"\d+ (błąd|błędy|błędów)\b", caption)
    assert "minipaczka" in str(polish_board._mode.options)


@pytest.mark.parametrize(
    ("settings", "key", "words"),
    [
        ({"data": "spirals"}, "bad_data", "Nieznany zbiór danych 'spirals'; do wyboru: separable"),
        ({"data": ["noisy"]}, "bad_data", "Nieznany zbiór danych ['noisy']"),
        ({"mode": "sideways"}, "bad_mode", "Nieznany tryb uczenia 'sideways'"),
        (
            {"learning_rate": 50.0},
            "bad_rate",
            "Współczynnik uczenia η musi być liczbą od 0,001 do 3,16, a podano 50.",
        ),
        ({"learning_rate": "0.1"}, "bad_rate", "a podano '0.1'."),
        ({"epochs": 2.5}, "bad_epochs", "Liczba epok musi być liczbą całkowitą od 5 do 100"),
        ({"epochs": "dużo"}, "bad_epochs", "a podano 'dużo'."),
        (
            {"seed": -1},
            "bad_seed",
            "Ziarno losowania musi być liczbą całkowitą od 0 do 9, a podano −1.",
        ),
    ],
)
def test_bad_settings_are_student_errors_told_in_polish(polish_board, settings, key, words):
    shown = shown_errors(polish_board)
    before = polish_board.run
    polish_board.configure(**settings)
    sentence, details = assert_student_error(shown[-1], f"adaline.{key}", NAMES)
    assert polish_board.error_text == sentence and words in sentence and details == ""
    assert polish_board.run is before and not polish_board._trainer.running
    polish_board.clear_error()


def test_an_epoch_change_redraws_the_planes_as_shapes_only(dashboard):
    # Why: new coordinates or per-point colours make plotly.js recompute the whole plane;
    # the answers are disc shapes, so an epoch only changes shapes (the title is HTML).
    from widgets.figures.shapes import named

    dashboard.configure(data="noisy", mode="online", learning_rate=0.01, epochs=20, seed=0)
    dashboard.wait_trained(60)
    sent = []
    dashboard.perceptron_plane.observe(lambda c: sent.append(c["new"]), names="_py2js_update")
    for epoch in (2, 9, 15):
        dashboard._epoch.value = epoch
    updates = [message for message in sent if message]
    assert updates
    assert all(not message["style_data"] for message in updates), updates[0]["style_data"]
    assert all(set(message["layout_data"]) == {"shapes"} for message in updates)
    run = dashboard.run
    w, b = run.at(run.perceptron_w, run.perceptron_b, 15)
    from widgets.models.adaline import classify

    fires = int(classify(run.X, w, b).sum())
    discs = named(dashboard.perceptron_plane.layout.shapes, "answer 1")
    assert sum(disc.path.count("M") for disc in discs) == fires
