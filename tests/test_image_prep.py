"""Lesson 15's image panel headless: the sliders build the augmentation model they name,
the grid is eight different seeded draws computed by the layers in one call, the same
draw number gives the same draws, predict gives the input eight times, Normalization's
histogram and numbers, nonsense told in both languages, the shown code rebuilds the same
model and draws, and exercise 4."""

from __future__ import annotations

import numpy as np
import pytest
from code_checks import opened_code, run_code
from message_checks import recording_messages, sent_in_order

from widgets.backend import load_keras
from widgets.figures.png import decode_image_url
from widgets.image_prep import ImagePrepDashboard, check_augmentation
from widgets.models import preprocessing as prep

ZERO = {"rotation": 0.0, "zoom": 0.0, "translation": 0.0, "contrast": 0.0, "brightness": 0.0}


@pytest.fixture(scope="module")
def en():
    return ImagePrepDashboard("en").wait_ready()


def test_sliders_build_the_model_and_the_grid_is_its_draws(en):
    en.configure(**{**ZERO, "rotation": 0.2, "flip": "horizontal", "show_predict": False})
    names = [type(layer).__name__ for layer in en.model.layers]
    assert names == ["RandomFlip", "RandomRotation"]
    image = en.digits.image()
    assert en.draws.shape == (8, 28, 28)
    assert not np.allclose(en.draws[0], en.draws[1])
    assert all(np.abs(d - image).mean() > 1e-3 for d in en.draws)
    reference = prep.augment_grid(image, 8, seed=en.seed, **en.factors())
    np.testing.assert_allclose(en.draws, reference, atol=1e-6)
    grid = decode_image_url(en.grid_figure.layout.images[0].source)
    assert grid.shape[:2] == (2 * 28 + 2, 4 * 28 + 3 * 2)  # 2 px between digits
    assert "RandomFlip(&quot;horizontal&quot;), RandomRotation(0.2)" in en._layers.value


def test_a_slider_changes_the_grid_and_new_draws_change_it_again(en):
    en.configure(**{**ZERO, "zoom": 0.2, "flip": "none", "show_predict": False})
    before = en.grid_figure.layout.images[0].source
    with recording_messages() as messages:
        en._factors["zoom"].value = 0.5  # as the student moves it
    messages.assert_json()
    assert en.grid_figure.layout.images[0].source != before
    same_seed = en.draws.copy()
    en._factors["zoom"].value = 0.5001  # the same draws at (almost) the same scale
    np.testing.assert_allclose(en.draws, same_seed, atol=0.05)
    seed = en.seed
    en.new_draws()
    assert en.seed == seed + 1 and not np.allclose(en.draws, same_seed, atol=0.05)


def test_a_later_layers_slider_reuses_the_earlier_layers_outputs_and_draws_the_same(en):
    en.configure(**{**ZERO, "rotation": 0.2, "zoom": 0.3, "contrast": 0.2, "show_predict": False})
    en._factors["contrast"].value = 0.6  # only the last layer is called again
    fresh = prep.augment_grid(en.digits.image(), 8, seed=en.seed, **en.factors())
    np.testing.assert_allclose(en.draws, fresh, atol=1e-6)
    en._factors["rotation"].value = 0.25  # the first: all of them again
    fresh = prep.augment_grid(en.digits.image(), 8, seed=en.seed, **en.factors())
    np.testing.assert_allclose(en.draws, fresh, atol=1e-6)


def test_a_state_seen_before_is_drawn_from_the_kept_outputs_as_a_fresh_draw(en):
    en.configure(**{**ZERO, "rotation": 0.2, "zoom": 0.3, "flip": "none", "show_predict": False})
    en._flip.value = "horizontal"  # the first layer: every layer called
    flipped = en.draws.copy()
    en._flip.value = "none"
    kept = len(en._kept)
    en._flip.value = "horizontal"  # back, as a student toggles: no layer called
    assert len(en._kept) == kept
    np.testing.assert_array_equal(en.draws, flipped)
    fresh = prep.augment_grid(en.digits.image(), 8, seed=en.seed, **en.factors())
    np.testing.assert_allclose(en.draws, fresh, atol=1e-6)


def test_new_draws_find_the_next_draws_made_ready_after_the_previous_press(en):
    en.configure(**{**ZERO, "rotation": 0.2, "zoom": 0.3, "flip": "vertical",
                    "show_predict": False})  # fmt: skip
    en.new_draws()
    en.wait_prefetched()
    kept = len(en._kept)
    en.new_draws()  # its layers' outputs were made ready: no layer called now
    assert len(en._kept) == kept
    fresh = prep.augment_grid(en.digits.image(), 8, seed=en.seed, **en.factors())
    np.testing.assert_allclose(en.draws, fresh, atol=1e-6)


def test_the_predict_trap_shows_the_input_eight_times(en):
    en.configure(**{**ZERO, "rotation": 0.3, "contrast": 0.5, "show_predict": True})
    image = en.digits.image()
    np.testing.assert_allclose(en.predicted, np.repeat(image[None], 8, axis=0), atol=1e-6)
    assert "predict" in en.grid_figure.layout.title.text
    assert "do nothing" in en._predict_note.value
    grid = decode_image_url(en.grid_figure.layout.images[0].source)
    np.testing.assert_array_equal(grid[:28, :28], grid[:28, 30:58])
    en.configure(show_predict=False)
    assert en._predict_note.value == ""


def test_every_slider_at_zero_leaves_the_image(en):
    en.configure(**ZERO, flip="none", show_predict=False)
    assert en.model.layers == [] and "no layer" in en._layers.value
    np.testing.assert_allclose(en.draws, np.repeat(en.digits.image()[None], 8, 0), atol=1e-6)


def test_normalization_histogram_and_numbers(en):
    result = en.normalized
    assert abs(result.after.mean()) < 1e-4 and result.after.std() == pytest.approx(1, abs=1e-3)
    before, after = en.normalization_figure.data
    assert sum(before.y) == pytest.approx(1, abs=1e-3) and sum(after.y) == pytest.approx(
        1, abs=1e-3
    )
    assert max(after.x) > 2.0 > max(before.x) - 1.5  # after: up to (1 − mean) / std ≈ 2.6
    assert "after: mean 0, deviation 1" in en._normalization.value


def test_polish_page_writes_decimal_commas_and_refuses_nonsense():
    pl = ImagePrepDashboard("pl").wait_ready()
    assert "0,1" in pl._normalization.value  # the mean 0,1…
    pl.configure(zoom=1.5)
    assert "zoom" in pl.error_text and "nie przyjmie" in pl.error_text
    pl.configure(augment_seed="abc")
    assert "augment_seed" in pl.error_text
    pl.configure(flip="diagonal")
    assert "flip" in pl.error_text


def test_a_blank_drawing_is_told_not_thrown():
    dashboard = ImagePrepDashboard("en").wait_ready()
    dashboard.digits.source.value = "drawn"  # an empty pad
    assert "there is no image" in dashboard.error_text
    assert dashboard.code().startswith("# ")


@pytest.mark.parametrize(
    "settings",
    [
        {**ZERO, "rotation": 0.15, "zoom": 0.3, "flip": "horizontal"},
        {**ZERO, "translation": 0.2, "contrast": 0.4, "brightness": 0.2, "flip": "vertical"},
    ],
)
def test_the_shown_code_rebuilds_the_model_and_its_draws(en, settings, monkeypatch):
    import matplotlib

    matplotlib.use("Agg")
    en.configure(show_predict=False, **settings)
    namespace = run_code(opened_code(en))
    model = namespace["model"]
    assert [type(x).__name__ for x in model.layers] == [type(x).__name__ for x in en.model.layers]
    np.testing.assert_allclose(namespace["draws"], en.draws, atol=1e-5)
    np.testing.assert_allclose(
        namespace["same"], np.repeat(en.digits.image()[None], 8, 0), atol=1e-6
    )


def test_the_augmentation_exercise():
    keras = load_keras()
    layers = keras.layers

    def model(*inner):
        return keras.Sequential([keras.Input((28, 28, 1)), *inner])

    good = model(layers.RandomFlip("horizontal", seed=1), layers.RandomRotation(0.1, seed=2))
    assert check_augmentation(good, "en").passed
    assert "RandomFlip" in check_augmentation(model(layers.RandomRotation(0.1)), "en").message
    too_much = model(layers.RandomFlip("horizontal"), layers.RandomRotation(0.3))
    assert "0,3" in check_augmentation(too_much, "pl").message
    scaled = model(
        layers.RandomFlip("horizontal"), layers.RandomRotation(0.1), layers.Rescaling(2.0)
    )
    assert "predict" in check_augmentation(scaled, "en").message
    assert not check_augmentation("a model", "pl").passed


def test_a_slider_shows_the_layers_arguments_before_the_grid(en, monkeypatch):
    """What a press shows first (issue 19): the model's layers with the new factor, text
    the page draws at once, then the grid the layers drew."""
    en.configure(**{**ZERO, "rotation": 0.1, "zoom": 0.2, "flip": "none", "show_predict": False})
    for value in (0.13, 0.1, 0.13):
        sent = sent_in_order(monkeypatch)
        en._factors["rotation"].value = value  # as the slider sets it
        assert sent.index(en._layers) < sent.index(en.grid_figure), value
        assert f"RandomRotation({value}), RandomZoom(0.2)" in en._layers.value
        monkeypatch.undo()
    shown = en._layers.value
    en._draw()  # the grid drawn again: the same line, nothing sent for it
    assert en._layers.value == shown
