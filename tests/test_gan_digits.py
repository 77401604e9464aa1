"""Lesson 14's digits panel headless at tiny sizes: training changes the grid's image and
both curves, Stop and go on, controls while training, the morph's ends, NaN, configure(),
messages in both languages, and the generator exercise."""

from __future__ import annotations

import time

import numpy as np
import pytest

from widgets.backend import load_keras
from widgets.figures.png import decode_image_url
from widgets.gan_digits import GanDigitsDashboard, check_generator
from widgets.models import dcgan, gan


@pytest.fixture(scope="module")
def dashboards():
    built = {lang: GanDigitsDashboard(lang, n_train=400) for lang in ("en", "pl")}
    for dashboard in built.values():
        dashboard.wait_ready()
        dashboard.configure(digits_noise=8, digits_batch=32, digits_steps=10)
    return built


@pytest.fixture
def en(dashboards):
    dashboard = dashboards["en"]
    yield dashboard
    dashboard.stop()
    dashboard.wait_trained(60) if dashboard.running else None
    dashboard.clear_error()


def grid_source(dashboard) -> str:
    return dashboard.grid_figure.layout.images[0].source


def test_the_model_is_the_gan_with_its_two_networks(en):
    keras = load_keras()
    assert isinstance(en.model, keras.Model) and isinstance(en.model, gan.gan_class())
    assert en.generator is en.model.generator and en.discriminator is en.model.discriminator
    assert en.model.noise_dim == 8 and en.fixed_noise.shape == (64, 8)
    assert "Press ▶ Train" in en.status_text


def test_training_changes_the_grid_image_and_draws_both_curves(en):
    before_image, before_source = en.grid_image.copy(), grid_source(en)
    done = en.steps_done
    en.configure(digits_steps=10)
    en.train()
    en.wait_trained(120)
    assert en.error_text == ""
    assert en.steps_done == done + 10
    assert grid_source(en) != before_source
    assert not np.allclose(en.grid_image, before_image)
    np.testing.assert_allclose(en.grid_image, dcgan.sample_grid(en.model, en.fixed_noise))
    pixels = decode_image_url(grid_source(en))
    assert pixels.shape[:2] == en.grid_image.shape
    assert list(en.loss_figure.data[0].x)[-1] == en.steps_done
    assert len(en.score_figure.data[1].y) == len(en.history["step"])
    assert en.loss_figure.data[0].y[0] == pytest.approx(en.history["d_loss"][0])  # a mean
    window = en.history["g_loss"][-20:]
    assert en.loss_figure.data[1].y[-1] == pytest.approx(np.mean(window), rel=1e-6)
    assert "After" in en.status_text and "steps/s" in en.status_text


def test_stop_then_train_goes_on(en):
    en.configure(digits_steps=5000)
    en.train()
    deadline = time.monotonic() + 60
    while en.steps_done == 0 or not en.frame_times:
        assert time.monotonic() < deadline
        time.sleep(0.1)
    en.stop()
    en.wait_trained(60)
    stopped_at = en.steps_done
    assert not en.running and stopped_at < 5000 and "Stopped" in en.status_text
    weights = [w.copy() for w in en.generator.get_weights()]
    en.configure(digits_steps=10)
    en.train()
    en.wait_trained(120)
    assert en.steps_done == stopped_at + 10  # the same networks, trained on
    assert any(
        not np.allclose(a, b) for a, b in zip(weights, en.generator.get_weights(), strict=True)
    )


def test_controls_while_training_are_refused_and_put_back(en):
    en.configure(digits_steps=5000)
    en.train()
    en._noise_dim.value = 16
    assert en._noise_dim.value == 8 and "press Stop" in en.error_text
    en.clear_error()
    en._data.value = "3"
    assert en._data.value == "all" and "press Stop" in en.error_text
    en.train()  # Train twice: refused too
    assert "press Stop" in en.error_text
    en._t_slider.value = 0.3  # the morph works while it trains
    assert en.morph_image is not None
    en.stop()
    en.wait_trained(60)


def test_morph_ends_equal_the_two_grid_samples(en):
    en.configure(morph_from=3, morph_to=10, morph_t=0.0, morph_kind="spherical")
    images = dcgan.generate_images(en.model, en.fixed_noise[[2, 9]])
    np.testing.assert_allclose(en.morph_image, images[0], atol=1e-5)
    en.configure(morph_t=1.0)
    np.testing.assert_allclose(en.morph_image, images[1], atol=1e-5)
    en.configure(morph_t=0.5, morph_kind="linear")
    middle = dcgan.interpolate(en.fixed_noise[2], en.fixed_noise[9], 0.5, "linear")
    np.testing.assert_allclose(
        en.morph_image, dcgan.generate_images(en.model, middle)[0], atol=1e-5
    )
    shown = bytes(en.morph_images[1].value)
    assert shown.startswith(b"\x89PNG")
    ends = bytes(en.morph_images[0].value)
    en.new_random_pair(seed=5)
    assert bytes(en.morph_images[1].value) != shown
    assert bytes(en.morph_images[0].value) != ends


def test_morph_before_training_shows_the_untrained_generator(dashboards):
    pl = dashboards["pl"]
    pl.configure(digits_noise=16)  # new networks, untrained
    assert pl.steps_done == 0 and "Nowe sieci" in pl.status_text
    pl.configure(morph_t=0.25)
    assert pl.morph_image.shape == (28, 28) and np.isfinite(pl.morph_image).all()


def test_nan_stops_with_a_message_and_the_next_train_starts_over(dashboards, monkeypatch):
    nan = dict.fromkeys(("d_loss", "g_loss", "d_real", "d_fake"), float("nan"))
    for lang, words in (("en", "learning rate"), ("pl", "współczynnik uczenia")):
        dashboard = dashboards[lang]
        dashboard.configure(digits_steps=50)
        monkeypatch.setattr(gan.StepRunner, "__call__", lambda self, n=1: nan)
        dashboard.train()
        dashboard.wait_trained(60)
        assert dashboard.diverged and words in dashboard.error_text
        assert dashboard.steps_done < 50
        monkeypatch.undo()
        dashboard.configure(digits_steps=10)
        dashboard.train()
        dashboard.wait_trained(120)
        assert not dashboard.diverged and dashboard.steps_done == 10
        assert dashboard.error_text == ""


def test_configure_checks_names_and_values(en):
    en.configure(digits_data=3)
    assert en._data.value == "3" and en.error_text == ""
    en.configure(digits_data="all", digits_batch=48)
    assert "batch" in en.error_text and en._data.value == "3"  # nothing was set
    en.configure(colour="red")
    assert "colour" in en.error_text
    en.configure(digits_data="all")


def test_generator_exercise():
    keras = load_keras()
    good = keras.Sequential(
        [
            keras.Input((8,)),
            keras.layers.Dense(7 * 7 * 4),
            keras.layers.Reshape((7, 7, 4)),
            keras.layers.Conv2DTranspose(4, 4, strides=2, padding="same"),
            keras.layers.Conv2DTranspose(1, 4, strides=2, padding="same", activation="tanh"),
        ]
    )
    assert check_generator(good, lang="en").passed
    short = keras.Sequential(
        [keras.Input((8,)), keras.layers.Dense(7 * 7), keras.layers.Reshape((7, 7, 1))]
    )
    assert "(7, 7, 1)" in str(check_generator(short, lang="pl"))
    assert not check_generator("G", lang="en").passed


def test_a_learning_rate_press_says_the_new_networks_and_builds_nothing(en, monkeypatch):
    """Issue 24: η's press rebuilt the networks (0.14-0.18 s; in the browser the presses
    waited behind each other's builds) under an unchanged status line. The line names both
    η (before any build, the sizes of a noise size built before being known) and an
    untrained DCGAN is kept per noise size, never once it has trained."""
    from widgets.gan_digits import dashboard as module

    seen = []
    build = dcgan.build_dcgan
    monkeypatch.setattr(  # the dashboard module's own (lazy) name for the model module
        module.dcgan, "build_dcgan", lambda *a, **k: seen.append(en.status_text) or build(*a, **k)
    )
    try:
        en.configure(digits_d_lr=0.001)  # an untrained DCGAN (built if the last one trained)
        model, builds = en.model, len(seen)
        assert "η of D = 0.001" in en.status_text
        en.configure(digits_d_lr=0.003)
        assert "η of D = 0.003" in en.status_text and en.model is model and len(seen) == builds
        assert float(model.d_optimizer.learning_rate) == pytest.approx(0.003)
        en.train(background=False)
        en.configure(digits_d_lr=0.001)
        assert en.model is not model and len(seen) == builds + 1 and "η of D = 0.001" in seen[-1]
    finally:
        en.configure(digits_d_lr=dcgan.LEARNING_RATE)
