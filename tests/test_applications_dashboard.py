"""Lesson 16's applications panel headless, with stand-in MobileNetV2 weights that the test
writes into a temporary Keras cache (tests/application_cache.py; no test downloads): the
photo as the network sees it, the formula and ranges, the top-5 bars = the model's
decode_predictions, the feature maps = the layer's output, uploads good and bad, no
weights → the box, configure(), show-the-code run and compared, the exercise."""

from __future__ import annotations

import io
import urllib.error
from datetime import UTC, datetime

import numpy as np
import pytest
from application_cache import keras_home, write_class_index, write_weights
from code_checks import opened_code, run_code
from PIL import Image
from student_errors import assert_polish

from widgets.applications import ApplicationsDashboard, check_preprocessed_pixel
from widgets.applications.dashboard import UPLOAD
from widgets.backend import load_keras
from widgets.figures.feature_maps import panel_pixels
from widgets.models import applications as apps


@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    load_keras(timeout=120)
    folder = tmp_path_factory.mktemp("keras_home")
    with keras_home(folder):
        write_weights(folder, "MobileNetV2")
        write_class_index(folder)
        yield folder


@pytest.fixture(scope="module")
def en(cache):
    return ApplicationsDashboard("en").wait_ready().wait_idle()


@pytest.fixture
def offline(monkeypatch):
    from keras.src.utils import file_utils

    def refuse(url, *_args, **_kwargs):
        raise urllib.error.URLError("[Errno -3] Temporary failure in name resolution")

    monkeypatch.setattr(file_utils, "urlretrieve", refuse)


def _upload(dashboard, name: str, content: bytes) -> None:
    dashboard._file.value = ({"name": name, "type": "image/png", "size": len(content),
                              "content": memoryview(content), "last_modified": datetime.now(UTC)},)  # fmt: skip


def _png(array: np.ndarray) -> bytes:
    buffer = io.BytesIO()
    Image.fromarray(array).save(buffer, format="PNG")
    return buffer.getvalue()


def test_opens_with_mobilenet_v2_on_a_sample_photo(en):
    keras = load_keras()
    assert isinstance(en.model, keras.Model) and en.model.name == "MobileNetV2"
    assert en.prepared.seen.shape == (224, 224, 3)
    np.testing.assert_array_equal(panel_pixels(en.photo_figure, 1)[..., :3], en.prepared.seen)
    assert "3,538,984" in en._info.value and "14 MB" in en._info.value
    assert "127.5" in en._formula.value and "−1 … 1" in en._range.value
    assert "loaded" in en.status_text and en.error_text == "" and en.missing_text == ""


def test_bars_are_decode_predictions_of_the_model(en):
    en.configure(application="MobileNetV2", photo="china")
    en.wait_idle()
    probabilities = np.asarray(en.model.predict(en.prepared.x, verbose=0))[0]
    order = np.argsort(probabilities)[::-1][:5]
    assert list(en.bars_figure.data[0].y) == [f"class {i}" for i in order]
    np.testing.assert_allclose(en.bars_figure.data[0].x, probabilities[order], atol=1e-4)
    before = list(en.bars_figure.data[0].y)
    en._photo.value = "flower"  # a new photo: new bars
    en.wait_idle()
    assert list(en.bars_figure.data[0].y) != before
    assert en.prepared.original_size == (640, 427)


def test_feature_maps_follow_the_chosen_layer(en):
    keras = load_keras()
    en.configure(photo="china")
    en.wait_idle()
    assert en._layer.value == "Conv1" and en.maps.shape == (112, 112, 32)
    layer = apps.conv_layers(en.model)[5]
    en._layer.value = layer
    en.wait_idle()
    sub = keras.Model(en.model.inputs, en.model.get_layer(layer).output)
    np.testing.assert_allclose(
        en.maps, np.asarray(sub.predict(en.prepared.x, verbose=0))[0], atol=1e-4
    )
    assert layer in en._maps_title.value
    assert panel_pixels(en.maps_figure, 1).shape[0] > 10


def test_an_uploaded_photo_is_classified_and_a_bad_one_changes_nothing(en):
    rng = np.random.default_rng(1)
    photo = rng.integers(0, 256, (300, 400), dtype=np.uint8)  # grayscale
    _upload(en, "mine.png", _png(photo))
    en.wait_idle()
    assert en._photo.value == UPLOAD and "mine.png" in en._photo.label
    assert en.prepared.original_size == (400, 300) and en.prepared.seen.shape == (224, 224, 3)
    assert len(en.bars_figure.data[0].y) == 5 and en.error_text == ""
    shown = list(en.bars_figure.data[0].y)
    _upload(en, "notes.txt", b"not a photo at all")
    assert "not an image" in en.error_text
    assert en._photo.value == UPLOAD and list(en.bars_figure.data[0].y) == shown
    _upload(en, "empty.jpg", b"")
    assert "empty" in en.error_text
    en._photo.value = "china"  # the samples are still there
    en.wait_idle()
    assert en.prepared.original_size == (640, 427)


def test_messages_are_polish_on_a_polish_page(cache):
    pl = ApplicationsDashboard("pl").wait_ready().wait_idle()
    assert "wczytana" in pl.status_text and "3\xa0538\xa0984" in pl._info.value
    assert "127,5" in pl._formula.value
    _upload(pl, "x.txt", b"abc")
    assert_polish(pl.error_text, "This is not an image that can be read", "JPEG", "PNG")
    pl.configure(application="AlexNet")
    assert "AlexNet" in pl.error_text and "MobileNetV2" in pl.error_text


def test_without_weights_the_panel_says_so_and_shows_the_photo(cache, offline, monkeypatch):
    d = ApplicationsDashboard("en").wait_ready().wait_idle()
    loads = []
    real_load = apps.load
    monkeypatch.setattr(apps, "load", lambda name: loads.append(name) or real_load(name))
    d.configure(application="ResNet50")
    d.wait_idle()
    assert d.model is None and d.missing is not None
    text = d.missing_text
    assert apps.CATALOGUE["ResNet50"].weight_file in text and str(cache / "models") in text
    assert "Binder" in text and "rest of the lesson" in text
    assert d.error_text == ""  # a box in the panel, not an error
    assert d.prepared.x.shape == (1, 224, 224, 3) and "103.939" in d._formula.value
    assert list(d.bars_figure.data[0].y) == [] and d._layer.disabled
    assert d._bars_box.layout.display == d._maps_box.layout.display == "none"
    assert "25,636,712" in d._info.value  # keras.io's count, without the model
    d._photo.value = "flower"  # another photo: drawn, and the missing file not asked for again
    d.wait_idle()
    assert loads == ["ResNet50"] and d.prepared.original_size == (640, 427)
    d.configure(application="MobileNetV2")  # back to a network that is there
    d.wait_idle()
    assert d.model is not None and d.missing_text == "" and len(d.bars_figure.data[0].y) == 5
    assert d._bars_box.layout.display is None and d._maps_box.layout.display is None


def test_the_shown_code_reproduces_the_panel(en):
    for photo, layer in (("china", "Conv1"), ("grace_hopper", "block_3_depthwise")):
        en.configure(application="MobileNetV2", photo=photo)
        en.wait_idle()
        en._layer.value = layer
        en.wait_idle()
        namespace = run_code(opened_code(en))
        np.testing.assert_allclose(namespace["x"], en.prepared.x, atol=1e-5)
        for mine, theirs in zip(namespace["model"].weights, en.model.weights, strict=True):
            np.testing.assert_array_equal(np.asarray(mine), np.asarray(theirs))
        assert [row[1] for row in namespace["top5"]] == [row[1] for row in en.predictions]
        np.testing.assert_allclose(namespace["maps"], en.maps, atol=1e-4)


def test_the_code_for_an_upload_reads_the_file_by_its_path(en, tmp_path):
    photo = np.random.default_rng(2).integers(0, 256, (100, 150, 3), dtype=np.uint8)
    path = tmp_path / "holiday.jpg"
    Image.fromarray(photo).save(path)
    _upload(en, "holiday.jpg", path.read_bytes())
    en.wait_idle()
    code = opened_code(en)
    assert "'holiday.jpg'" in code and "sample_path" not in code
    namespace = run_code(code.replace("'holiday.jpg'", repr(str(path))))
    np.testing.assert_allclose(namespace["x"], en.prepared.x, atol=1e-5)


def test_preprocessed_pixel_exercise():
    right = [200 / 127.5 - 1, 100 / 127.5 - 1, 50 / 127.5 - 1]
    assert check_preprocessed_pixel(right, lang="en").passed
    assert not check_preprocessed_pixel([200, 100, 50], lang="en").passed
    bgr = [50 - 103.939, 100 - 116.779, 200 - 123.68]
    assert check_preprocessed_pixel(bgr, "VGG16", lang="pl").passed
    assert not check_preprocessed_pixel(bgr[::-1], "VGG16", lang="en").passed
    for nonsense in ("abc", None, [1, 2], [np.nan, 0, 0]):
        verdict = check_preprocessed_pixel(nonsense, lang="pl")
        assert not verdict.passed and "trzy liczby" in verdict.message


@pytest.mark.parametrize(
    ("settings", "told"),
    [
        ({"application": "AlexNet"}, "AlexNet"),
        ({"application": None}, "None"),
        ({"photo": "my cat"}, "photo"),
        ({"layer": "no_such_layer"}, "layer"),
        ({"colour": 3}, "colour"),
    ],
)
def test_nonsense_settings_change_nothing_and_are_told(en, settings, told):
    en.configure(application="MobileNetV2", photo="china")
    en.wait_idle()
    before = (en._application.value, en._photo.value, en._layer.value, en.model)
    en.configure(**settings)
    en.wait_idle()
    assert told in en.error_text
    assert (en._application.value, en._photo.value, en._layer.value, en.model) == before
