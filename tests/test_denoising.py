"""Lesson 12, part 2 (widgets.denoising): the plain vs denoising dashboard driven headless
at a tiny size (1,000 images, 2 epochs), the linear AE vs PCA section, the messages in
both languages, the figures' pure data and the exercise's checker."""

from __future__ import annotations

import time

import numpy as np
import pytest
from student_errors import assert_student_error

from widgets.denoising import DenoisingDashboard, check_pca_mse
from widgets.denoising.figures import GAP, IMAGE, curves_data, strip_pixels
from widgets.figures.png import decode_image_url, scale_rgb
from widgets.models import autoencoder as ae

TINY = {"images": 1000, "epochs": 2}


@pytest.fixture(scope="module")
def dashboard():
    board = DenoisingDashboard(lang="en", images=TINY["images"]).wait_ready()
    board.configure(epochs=TINY["epochs"])
    return board


def strip_row(figure, row: int) -> np.ndarray:
    """The RGBA pixels of one strip row, digits side by side."""
    pixels = decode_image_url(figure.layout.images[0].source)
    top = row * (IMAGE + GAP)
    return pixels[top : top + IMAGE]


def greys(rows) -> np.ndarray:
    """The RGBA pixels the strip should show for ``rows``."""
    return scale_rgb(strip_pixels(rows), "Greys", 0.0, 1.0)


def test_train_draws_a_point_per_model_and_epoch(dashboard):
    dashboard.reset()
    assert dashboard.model is dashboard.models["denoising"]
    assert dashboard.model.noise == 0.5 and dashboard.models["plain"].noise == 0.0
    assert len(dashboard.data[0]) == 1000
    dashboard.play()
    dashboard.wait_trained(120)
    assert dashboard.error_text == ""
    for trace, name in zip(dashboard.curves.data[:2], ("plain", "denoising"), strict=True):
        assert list(trace.x) == [1, 2]
        np.testing.assert_allclose(trace.y, dashboard.losses[name])
    noisy = dashboard.curves.data[2]
    assert list(noisy.y) == [pytest.approx(0.1155, abs=0.002)] * 2  # the noise itself
    # the curve is the model's MSE on the noisy test digits against the clean ones
    x_test = dashboard.data[2]
    noisy_test = ae.corrupt(x_test, 0.5, seed=7)
    for name, model in dashboard.models.items():
        error = float(np.mean((ae.reconstruct(model, noisy_test) - x_test) ** 2))
        assert dashboard.losses[name][-1] == pytest.approx(error, rel=1e-3)
    assert "After 2 epochs" in dashboard.status_text
    # ▶ again carries on
    dashboard.configure(epochs=1)
    dashboard.play(background=False)
    dashboard.wait_trained(60)
    assert len(dashboard.losses["plain"]) == len(dashboard.losses["denoising"]) == 3


def test_the_strip_rows_are_the_models_outputs_and_follow_the_noise_slider(dashboard):
    dashboard.configure(test_sigma=0.5)
    rows = dashboard.strip_rows()
    noisy = rows["noisy"]
    for name in ("plain", "denoising"):  # the numpy copy answers as Keras does
        np.testing.assert_allclose(
            rows[name], ae.reconstruct(dashboard.models[name], noisy), atol=1e-5
        )
    np.testing.assert_array_equal(strip_row(dashboard.strip, 1), greys([noisy]))
    before = dashboard.strip.layout.images[0].source
    errors = dict(dashboard.strip_errors)
    dashboard._test_sigma.value = 0.9  # as a student moving the slider
    assert dashboard.strip.layout.images[0].source != before
    assert dashboard.strip_errors["noisy"] > errors["noisy"] * 2
    assert "σ = 0.90" in dashboard.strip.layout.yaxis.ticktext[1]
    again = ae.corrupt(rows["clean"], 0.9, seed=12)
    np.testing.assert_array_equal(strip_row(dashboard.strip, 1), greys([again]))
    dashboard._test_sigma.value = 0.0  # no noise: the noisy row is the clean row
    np.testing.assert_array_equal(strip_row(dashboard.strip, 1), strip_row(dashboard.strip, 0))
    assert dashboard.strip_errors["noisy"] == 0.0


def test_a_move_of_the_noise_slider_makes_no_keras_call(dashboard, monkeypatch):
    """The strip's models run as numpy copies: a slider move answers in milliseconds,
    whatever Keras costs (its call would be tens of ms on a busy machine)."""
    from widgets.backend import load_keras

    keras = load_keras(timeout=120)
    assert all(dashboard._forward[name].is_numpy for name in ("plain", "denoising"))

    def boom(*args, **kwargs):
        raise AssertionError("a Keras call on a slider move")

    monkeypatch.setattr(keras.Model, "__call__", boom)
    monkeypatch.setattr(keras.Model, "predict", boom)
    for value in (0.3, 0.6):
        dashboard._test_sigma.value = value
        assert dashboard.error_text == ""
        assert f"σ = {value:.2f}" in dashboard.strip.layout.yaxis.ticktext[1]


def test_stop_ends_the_run_early(dashboard):
    dashboard.configure(epochs=30)
    dashboard.play()
    deadline = time.monotonic() + 60
    while not any(dashboard.losses.values()) and time.monotonic() < deadline:
        time.sleep(0.05)
    dashboard.stop()
    dashboard.wait_trained(60)
    assert len(dashboard.losses["denoising"]) < 30
    assert "Stopped" in dashboard.status_text
    assert not dashboard._play.disabled and dashboard._stop.disabled
    dashboard.configure(epochs=2)


def test_the_linear_autoencoder_against_pca(dashboard):
    dashboard.train_linear(background=False)
    dashboard.wait_trained(120)
    assert dashboard.error_text == ""
    x_train, y_train, x_test, _ = dashboard.data
    reference = ae.Pca(2).fit(x_train).mse(x_test)
    linear = dashboard.models["linear"]
    assert linear.kind == "linear" and linear.code_size == 2
    result = dashboard.linear_result
    assert result["pca"] == pytest.approx(reference, rel=1e-6)
    assert result["pca"] == pytest.approx(dashboard.pca.mse(x_test))
    assert result["linear"] == pytest.approx(float(ae.reconstruction_error(linear, x_test).mean()))
    assert abs(result["linear"] / result["pca"] - 1) < 0.1  # 1,000 images, 10 epochs
    text = dashboard.linear_status_text
    assert f"{result['pca']:.4f}" in text and f"{result['linear']:.4f}" in text
    # the scatters: PCA's codes (traces 0–9) and the AE's (10–19), digit by digit
    zeros = dashboard.data[3] == 0
    np.testing.assert_allclose(
        dashboard.codes.data[0].x, dashboard.pca.transform(x_test)[zeros, 0], atol=1e-3
    )
    np.testing.assert_allclose(
        dashboard.codes.data[10].y, ae.encode(linear, x_test)[zeros, 1], atol=1e-3
    )
    labels = dashboard.recon.layout.yaxis.ticktext
    assert f"{result['linear']:.4f}" in labels[2] and f"{result['pca']:.4f}" in labels[1]
    assert len(y_train) == 1000


def test_busy_and_bad_settings_are_told(dashboard):
    dashboard.configure(epochs=30)
    dashboard.play()
    try:
        dashboard.train_linear()
        assert "Stop" in dashboard.error_text
    finally:
        dashboard.stop()
        dashboard.wait_trained(60)
    dashboard.configure(epochs=2)
    dashboard.configure(test_sigma=2.0)
    assert "test_sigma" in dashboard.error_text
    assert dashboard.test_sigma != 2.0


def test_a_loss_that_turns_nan_stops_the_model_and_is_told(dashboard):
    dashboard.reset()
    model = dashboard.models["plain"]
    weights = model.get_weights()
    weights[-1][:] = np.nan  # the output bias: sigmoid(NaN) is NaN, and so is the loss
    model.set_weights(weights)
    dashboard.play(background=False)
    dashboard.wait_trained(60)
    assert dashboard.diverged == {"plain"}
    assert dashboard.losses["plain"] == [] and len(dashboard.losses["denoising"]) == 2
    assert "NaN" in dashboard.error_text and "plain AE" in dashboard.error_text
    dashboard.play()  # refused until a new start
    assert "NaN" in dashboard.error_text
    dashboard.reset()
    assert dashboard.diverged == set()


def test_polish_messages():
    board = DenoisingDashboard(lang="pl", images=TINY["images"]).wait_ready()
    board.configure(epochs=TINY["epochs"])
    assert "Gotowe" in board.status_text and "0,0" in board.linear_status_text
    model = board.models["denoising"]
    weights = model.get_weights()
    weights[-1][:] = np.nan  # the output bias: sigmoid(NaN) is NaN, and so is the loss
    model.set_weights(weights)
    board.configure(epochs=1)
    board.play(background=False)
    board.wait_trained(60)
    assert "współczynnik uczenia" in board.error_text and "odszumiający" in board.error_text
    error = board._diverged_error()
    assert_student_error(error, "denoising.diverged", error.values["names"], "NaN")
    board.reset()
    board.configure(test_sigma=0.25)
    assert "σ = 0,25" in board.strip.layout.yaxis.ticktext[1]
    board.configure(images=123)
    assert "images" in board.error_text and "1000" in board.error_text.replace(" ", "")


# ------------------------------------------------------------------- pure functions


def test_curves_data_and_strip_pixels():
    data = curves_data({"plain": [0.2, 0.1], "denoising": [0.3]}, 0.11, "noise")
    assert data[0] == {"x": [1, 2], "y": [0.2, 0.1]}
    assert data[1] == {"x": [1], "y": [0.3]}
    assert data[2] == {"x": [0, 2], "y": [0.11, 0.11], "name": "noise"}
    assert curves_data({"plain": [float("nan")]}, 0.1, "")[0]["y"] == [None]
    rows = [np.ones((3, 784)), np.zeros((3, 784))]
    pixels = strip_pixels(rows)
    assert pixels.shape == (2 * (IMAGE + GAP) - GAP, 3 * (IMAGE + GAP) - GAP)
    assert np.all(pixels[:IMAGE, :IMAGE] == 1) and np.all(pixels[IMAGE + GAP :, :IMAGE] == 0)
    assert np.isnan(pixels[IMAGE, 0]) and np.isnan(pixels[0, IMAGE])  # the gaps


def test_check_pca_mse():
    x_train, _, x_test, _ = ae.mnist_split(1000, 300)
    mean = x_train.mean(axis=0)
    _, _, vt = np.linalg.svd(x_train - mean, full_matrices=False)
    codes = (x_test - mean) @ vt[:2].T
    answer = float(np.mean((codes @ vt[:2] + mean - x_test) ** 2))
    passed = check_pca_mse(answer, x_train, x_test, lang="en")
    assert passed.passed and "Correct" in passed.message
    wrong_mean = x_test.mean(axis=0)  # the test set's own mean and components: close
    _, _, vt_test = np.linalg.svd(x_test - wrong_mean, full_matrices=False)
    codes = (x_test - wrong_mean) @ vt_test[:2].T
    close = float(np.mean((codes @ vt_test[:2] + wrong_mean - x_test) ** 2))
    verdict = check_pca_mse(close, x_train, x_test, lang="pl")
    assert not verdict.passed and verdict.details and "testowym" in verdict.details[0]
    assert not check_pca_mse("abc", x_train, x_test).passed
    assert "Jeszcze nie" in check_pca_mse(1.0, x_train, x_test).message
    with pytest.raises(ValueError):
        check_pca_mse(answer, lang="xx")


def test_a_setting_says_itself_first_and_one_switched_back_costs_no_build(monkeypatch):
    """Issue 24: a press of images, σ or η took 3-5 s before anything showed (PCA's SVD
    of the images at every press, two Keras builds). The status line now answers first;
    PCA is kept per number of images and untrained models per (noise, η); a model that
    trained is never handed out again."""
    from widgets.denoising import dashboard as module

    board = DenoisingDashboard(lang="en", images=1000).wait_ready()
    built, fitted = [], []
    build, fit = ae.build_autoencoder, ae.Pca.fit
    monkeypatch.setattr(  # the dashboard module's own (lazy) name for the model module
        module.ae,
        "build_autoencoder",
        lambda *a, **k: built.append(board.status_text) or build(*a, **k),
    )
    monkeypatch.setattr(ae.Pca, "fit", lambda self, x: fitted.append(len(x)) or fit(self, x))
    models = dict(board.models)
    board._learning_rate.value = 0.01
    assert len(built) == 2 and all("η = 0.01" in status for status in built)  # said first
    board._learning_rate.value = 1e-3  # back: the same untrained models, nothing built
    assert board.models == models and len(built) == 2 and fitted == []
    board._images.value = 2000
    board._images.value = 1000
    assert fitted == [2000] and board.models == models
    board.configure(epochs=1)
    board.play(background=False)
    board._learning_rate.value = 0.01
    board._learning_rate.value = 1e-3  # the trained models are not handed out again
    assert all(board.models[name] is not models[name] for name in models)
