"""Lesson 12's dashboard driven headless at tiny sizes: training moves the codes and stops,
the walk decodes with the numpy decoder, a clicked and a drawn digit, the VAE switch, NaN,
configure(), and the exercises. (The models' textbook results: test_autoencoder_models.py.)
"""

from __future__ import annotations

import time
from types import SimpleNamespace

import numpy as np
import pytest

from widgets.autoencoder import AutoencoderDashboard, check_autoencoder, check_seven
from widgets.autoencoder import dashboard as dashboard_module
from widgets.autoencoder.exercises import class_means, nearest_digit
from widgets.autoencoder.figures import CHOSEN, DRAWN, FIRST_DIGIT, digit_url, plane_range
from widgets.backend import load_keras
from widgets.i18n import number
from widgets.models import autoencoder as ae

TINY = {"images": 1000, "epochs": 2}


@pytest.fixture(scope="module")
def dashboards():
    built = {lang: AutoencoderDashboard(lang, n_test=300, shown=200) for lang in ("en", "pl")}
    for dashboard in built.values():
        dashboard.wait_ready()
        dashboard.configure(**TINY)
    return built


@pytest.fixture
def en(dashboards):
    dashboard = dashboards["en"]
    yield dashboard
    dashboard.stop()
    dashboard._trainer.join(30)
    dashboard.clear_error()


def scatter_x(dashboard) -> list[np.ndarray]:
    traces = dashboard.codes_figure.data[FIRST_DIGIT : FIRST_DIGIT + 10]
    return [np.asarray(trace.x, dtype=float).copy() for trace in traces]


def train(dashboard, **settings):
    dashboard.configure(**settings)
    dashboard.train()
    dashboard.wait_trained(120)


def image_source(figure, index: int = 0) -> str:
    return figure.layout.images[index].source


def test_the_model_is_a_keras_model_with_its_two_halves(en):
    keras = load_keras()
    assert isinstance(en.model, keras.Model)
    assert en.encoder is en.model.encoder and en.decoder is en.model.decoder
    assert en.encoder.output_shape == (None, 2) and en.decoder.output_shape == (None, 784)
    assert "Press ▶ Train" in en.status_text or "starts over" in en.status_text
    assert en.error_text == ""


def test_training_moves_the_codes_draws_the_curves_and_the_grid(en):
    en.configure(variational=False)
    before, grid_before = scatter_x(en), image_source(en.grid_figure)
    train(en, epochs=2)
    assert en.error_text == ""
    assert en.epochs_done == 2 and len(en.history["val_loss"]) == 2
    after = scatter_x(en)
    assert any(not np.allclose(a, b) for a, b in zip(before, after, strict=True))
    # the dots are the encoder's codes of the shown test digits, by class
    codes = ae.encode(en.model, en.test_digits[0][:200])
    labels = en.test_digits[1][:200]
    np.testing.assert_allclose(after[3], codes[labels == 3, 0], atol=1e-4)
    assert list(en.loss_figure.data[1].x) == [1, 2]
    assert image_source(en.grid_figure) != grid_before
    assert "After 2 epochs" in en.status_text
    mse = float(np.mean(ae.reconstruction_error(en.model, en.test_digits[0])))
    assert f"{mse:.4f}" in en.status_text
    assert en.frame_times, "no live frame was drawn"


def test_stop_ends_a_long_training_early(en):
    en.configure(epochs=50)
    en.train()
    deadline = time.monotonic() + 60
    while en.epochs_done < 3 and time.monotonic() < deadline:
        time.sleep(0.05)
    en.stop()
    en.wait_trained(60)
    assert 1 <= en.epochs_done < 50 + 3
    assert "Stopped" in en.status_text
    assert not en.running
    en.configure(**TINY)


def test_the_z_sliders_decode_with_the_numpy_decoder(en):
    (x0, x1), (y0, y1) = en._plane
    point = (x0 + 0.3 * (x1 - x0), y0 + 0.7 * (y1 - y0))
    en.walk_to(*point)
    assert en.point == pytest.approx(point, abs=0.01)
    want = ae.NumpyDecoder.from_model(en.model)(np.array([en.point], np.float32))[0]
    np.testing.assert_allclose(en.walk_image, want, atol=1e-6)
    np.testing.assert_allclose(en.walk_image, ae.decode(en.model, [en.point])[0], atol=1e-4)
    assert image_source(en.walk_figure) == digit_url(want)
    shapes = en.codes_figure.layout.shapes
    assert len(shapes) == 2 and shapes[0].y0 == pytest.approx(en.point[1])


def test_hovering_the_plane_walks_there_with_the_sliders_following(en):
    (x0, x1), (y0, y1) = en._plane
    point = (round(x0 + 0.6 * (x1 - x0), 2), round(y0 + 0.2 * (y1 - y0), 2))
    en._on_plane_hover(None, SimpleNamespace(xs=[point[0]], ys=[point[1]]), None)
    deadline = time.monotonic() + 5
    while en.point != pytest.approx(point, abs=0.01) and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(0.1)  # the hover painter draws after setting the sliders
    assert en.point == pytest.approx(point, abs=0.01)
    want = ae.NumpyDecoder.from_model(en.model)(np.array([en.point], np.float32))[0]
    np.testing.assert_allclose(en.walk_image, want, atol=1e-6)


def test_a_clicked_digit_shows_its_input_code_and_reconstruction(en):
    trace = en.codes_figure.data[FIRST_DIGIT + 4]
    en._on_digit_click(trace, SimpleNamespace(point_inds=[1]), None)
    index = int(trace.customdata[1])
    assert en.digits.index.value == index and not en.digits.drawing
    x = en.test_digits[0][index : index + 1]
    output = ae.reconstruct(en.model, x)[0]
    pixels = np.rint(x[0] * 255) / 255  # the digit source's 8-bit copy of the image
    assert image_source(en.inspect_figure, 0) == digit_url(pixels)
    code = ae.encode(en.model, pixels[None])[0]
    assert image_source(en.inspect_figure, 1) == digit_url(ae.decode(en.model, code[None])[0])
    mse = float(np.mean((ae.decode(en.model, code[None])[0] - pixels) ** 2))
    assert f"Test digit no. {index} (label 4)" in en.inspect_text
    assert f"{mse:.4f}" in en.inspect_text
    assert np.mean((output - x[0]) ** 2) == pytest.approx(mse, abs=1e-3)
    chosen = en.codes_figure.data[CHOSEN]
    assert list(chosen.x) == [pytest.approx(float(code[0]), abs=1e-3)]


def _bar() -> np.ndarray:
    pixels = np.zeros((112, 112), np.uint8)
    pixels[20:92, 48:64] = 255
    return pixels


def _blob() -> np.ndarray:
    """Not a digit: a filled square."""
    pixels = np.zeros((112, 112), np.uint8)
    pixels[10:100, 10:100] = 255
    return pixels


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_a_drawing_gets_a_score_and_a_blank_pad_a_message(dashboards, lang):
    dashboard = dashboards[lang]
    dashboard.digits.source.value = "drawn"
    dashboard.digits.canvas.clear()
    blank = {"en": "The drawing pad is empty", "pl": "Pole rysowania jest puste"}[lang]
    assert blank in dashboard.inspect_text and dashboard.error_text == ""
    assert image_source(dashboard.inspect_figure, 0) == ""
    dashboard.digits.canvas.draw(_blob())
    image = dashboard.digits.image()
    mse = float(
        np.mean((ae.reconstruct(dashboard.model, image.reshape(1, 784))[0] - image.ravel()) ** 2)
    )
    share = float(np.mean(dashboard.errors < mse))
    words = {"en": "A higher error than", "pl": "Błąd wyższy niż u"}[lang]
    assert words in dashboard.inspect_text
    percent = f"{share:.0%}"
    assert percent in dashboard.inspect_text
    assert list(dashboard.codes_figure.data[DRAWN].x)  # the star on the plane
    dashboard.digits.source.value = "test"
    assert not list(dashboard.codes_figure.data[DRAWN].x)


def test_a_drawing_while_training_is_shown_without_the_share(en):
    en.configure(epochs=50)
    en.train()
    try:
        en.digits.source.value = "drawn"
        en.digits.canvas.draw(_bar())
        assert "Your drawing" in en.inspect_text and "higher error" not in en.inspect_text
        assert en.error_text == ""
    finally:
        en.stop()
        en.wait_trained(60)
        en.digits.source.value = "test"
        en.configure(**TINY)


def test_the_vae_switch_rebuilds_the_model(en):
    old = en.model
    en.configure(variational=True)
    try:
        assert en.model is not old and en.model.spec["variational"]
        assert en.epochs_done == 0 and "starts over" in en.status_text
        assert "KL" in en._kind_note.value
        train(en, epochs=1)
        assert en.error_text == "" and len(en.history["val_kl_loss"]) == 1
        assert list(en.loss_figure.data[3].y)  # the KL curve
    finally:
        en.configure(variational=False)
    assert not en.model.spec["variational"] and "KL" not in en._kind_note.value


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_a_rebuild_says_the_new_network_before_building_it(dashboards, lang, monkeypatch):
    """Issue 24: a rebuild control's first visible change is the status line (the new
    network's size, η and images, counted without Keras); the Keras build (0.2-0.7 s with
    the figures) follows. η and images on an untrained network build nothing: a rebuild
    would give the same network and pictures."""
    dashboard = dashboards[lang]
    seen = []
    build = ae.build_autoencoder
    monkeypatch.setattr(  # the dashboard module's own (lazy) name for the model module
        dashboard_module.ae,
        "build_autoencoder",
        lambda **k: seen.append(dashboard.status_text) or build(**k),
    )
    try:
        dashboard.configure(hidden=(128,))
        params = number(dashboard.model.count_params(), lang)
        assert params in seen[0] and seen[0] == dashboard.status_text
        model, statuses = dashboard.model, {dashboard.status_text}
        dashboard.configure(learning_rate=0.01)
        assert ("η = 0.01" if lang == "en" else "η = 0,01") in dashboard.status_text
        assert float(model.optimizer.learning_rate) == pytest.approx(0.01)
        statuses.add(dashboard.status_text)
        dashboard.configure(images=2000)
        assert "2000" in dashboard.status_text.replace(",", "").replace("\xa0", "")
        statuses.add(dashboard.status_text)
        assert dashboard.model is model and len(seen) == 1 and len(statuses) == 3
        train(dashboard, epochs=1)
        dashboard.configure(learning_rate=1e-3)  # a trained network: a new one
        assert dashboard.model is not model and len(seen) == 2 and dashboard.epochs_done == 0
    finally:
        dashboard.configure(hidden=(256, 64), learning_rate=1e-3, **TINY)


def test_a_menu_switched_back_gives_the_kept_untrained_network(en, monkeypatch):
    """Issue 24: each press of the hidden layers menu built a network (and scored the test
    digits with it); an untrained one is kept per (kind, hidden, VAE), never once trained."""
    en.configure(hidden=(128,))
    small = en.model
    en.configure(hidden=(64,))
    built = []
    monkeypatch.setattr(
        dashboard_module.ae, "build_autoencoder", lambda **k: built.append(k) or None
    )
    monkeypatch.setattr(dashboard_module.ae, "reconstruction_error", lambda *a: built.append(a))
    en.configure(hidden=(128,))
    assert en.model is small and built == [] and en.errors is not None
    monkeypatch.undo()
    train(en, epochs=1)
    en.configure(hidden=(64,))
    en.configure(hidden=(128,))
    assert en.model is not small  # it trained: a new one
    en.configure(hidden=(256, 64), **TINY)


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_a_loss_that_becomes_nan_stops_with_a_message(dashboards, lang):
    dashboard = dashboards[lang]
    dashboard.configure(learning_rate=0.001)
    layer = dashboard.decoder.layers[-1]
    weights = layer.get_weights()
    layer.set_weights([np.full_like(w, np.nan) for w in weights])  # a blown-up network
    dashboard.train()
    dashboard.wait_trained(60)
    assert dashboard.diverged
    assert "NaN" in dashboard.error_text
    assert {"en": "Lower the learning rate", "pl": "Zmniejsz"}[lang] in dashboard.error_text
    assert not dashboard.running and not dashboard._train.disabled
    if lang == "pl":
        return
    # the next ▶ starts from a new network and trains normally
    dashboard.configure(epochs=1)
    dashboard.train()
    dashboard.wait_trained(60)
    assert not dashboard.diverged and dashboard.error_text == ""
    assert np.isfinite(dashboard.history["loss"]).all()
    dashboard.configure(**TINY)


def test_the_convolutional_autoencoder_trains_and_walks(en):
    en.configure(kind="conv")
    try:
        assert en.model.spec["kind"] == "conv"
        train(en, epochs=1)
        assert en.error_text == "" and en.epochs_done == 1
        en.walk_to(*np.mean(en._plane, axis=1))
        np.testing.assert_allclose(en.walk_image, ae.decode(en.model, [en.point])[0], atol=1e-5)
    finally:
        en.configure(kind="dense")


def test_configure_checks_and_refuses_while_training(en):
    en.configure(hidden=[128])
    assert en.error_text == "" and en._hidden.value == (128,)
    assert [layer.units for layer in en.encoder.layers[1:]] == [128, 2]
    en.configure(hidden=(100, 7))
    assert "Hidden layers" in en.error_text and en._hidden.value == (128,)
    en.configure(wings=2)
    assert "no setting" in en.error_text
    en.configure(learning_rate=5.0)
    assert "cannot take" in en.error_text
    en.configure(hidden=(256, 64), **TINY)
    en.configure(epochs=50)
    en.train()
    try:
        en.configure(variational=True)
        assert "Training is running" in en.error_text and not en._variational.value
        en._variational.value = True  # the checkbox clicked while training: put back
        assert "Training is running" in en.error_text and not en._variational.value
        en.train()  # pressing Train twice
        assert "Training is running" in en.error_text
    finally:
        en.stop()
        en.wait_trained(60)
        en.configure(**TINY)


def test_the_plane_ignores_a_few_far_codes():
    rng = np.random.default_rng(0)
    codes = rng.normal(size=(1000, 2))
    codes[0] = (1000, -1000)
    (x0, x1), (y0, y1) = plane_range(codes)
    assert -4 < x0 < -1 and 1 < x1 < 4 and -4 < y0 < -1 and 1 < y1 < 4


def test_check_autoencoder_accepts_the_asked_model_only():
    keras = load_keras()

    def build(sizes, last="sigmoid"):
        layers = [keras.Input(shape=(784,))]
        for units in sizes[:-1]:
            layers.append(keras.layers.Dense(units, activation="relu"))
        layers.append(keras.layers.Dense(sizes[-1], activation=last))
        return keras.Sequential(layers)

    verdict = check_autoencoder(build((64, 2, 64, 784)), lang="en")
    assert verdict.passed and "101,522" in verdict.message
    assert not check_autoencoder(build((64, 784)), lang="en").passed
    assert not check_autoencoder(build((64, 2, 64, 784), last="relu"), lang="pl").passed
    assert not check_autoencoder("model", lang="pl").passed
    # the lesson's own model kind, built by the course (encoder and decoder models inside)
    assert check_autoencoder(ae.build_autoencoder(hidden=(64,)), lang="en").passed


def test_check_seven_decodes_the_point_with_the_dashboards_model(en):
    assert not check_seven((0.0, 0.0), en, lang="en").passed or en.epochs_done
    train(en, images=8000, epochs=8)
    x_test, y_test = en.test_digits
    means = class_means(x_test, y_test)
    decoder = ae.NumpyDecoder.from_model(en.model)
    (x0, x1), (y0, y1) = en._plane
    grid = np.array([(a, b) for a in np.linspace(x0, x1, 25) for b in np.linspace(y0, y1, 25)])
    digits = [nearest_digit(image, means) for image in decoder(grid.astype(np.float32))]
    sevens = [point for point, digit in zip(grid, digits, strict=True) if digit == 7]
    others = [point for point, digit in zip(grid, digits, strict=True) if digit != 7]
    assert sevens and others, "the trained plane should decode to 7s and to other digits"
    assert check_seven(tuple(sevens[0]), en, lang="en").passed
    failed = check_seven(tuple(others[0]), en, lang="pl")
    assert not failed.passed and "nie 7" in failed.message
    assert not check_seven("seven", en, lang="en").passed
    en.configure(**TINY)
