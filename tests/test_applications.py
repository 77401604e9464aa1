"""Lesson 16's Keras applications (widgets/models/applications.py) against Keras and numpy.

No test downloads: weights and the class index are written by the test into a temporary
Keras cache (tests/application_cache.py), and the network is refused by replacing the
``urlretrieve`` of ``keras.utils.get_file`` so the offline path is Keras' own.
"""

from __future__ import annotations

import io
import time
import urllib.error

import numpy as np
import pytest
from application_cache import class_index, keras_home, write_class_index, write_weights
from PIL import Image
from student_errors import assert_polish

import widgets.applications  # noqa: F401  (registers the "applications" sentences)
from widgets.backend import load_keras
from widgets.errors import StudentError
from widgets.models import applications as apps


@pytest.fixture(scope="module")
def keras():
    return load_keras(timeout=120)


@pytest.fixture
def offline(keras, monkeypatch):
    """Every download fails at once as it does on a machine without network."""
    from keras.src.utils import file_utils

    def refuse(url, *_args, **_kwargs):
        raise urllib.error.URLError("[Errno -3] Temporary failure in name resolution")

    monkeypatch.setattr(file_utils, "urlretrieve", refuse)


@pytest.fixture(scope="module")
def cache(keras, tmp_path_factory):
    """A Keras cache holding stand-in MobileNetV2 weights and a class index."""
    folder = tmp_path_factory.mktemp("keras_home")
    with keras_home(folder):
        reference = write_weights(folder, "MobileNetV2")
        write_class_index(folder)
        yield folder, reference


@pytest.fixture
def empty_cache(keras, tmp_path, offline):
    with keras_home(tmp_path) as folder:
        yield folder


def _png(image: Image.Image) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


# ---------------------------------------------------------------------- the catalogue


def test_catalogue_names_match_keras(keras):
    for entry in apps.CATALOGUE.values():
        assert hasattr(keras.applications, entry.name)
        module = getattr(keras.applications, entry.module)
        assert hasattr(module, "preprocess_input") and hasattr(module, "decode_predictions")
    assert {"MobileNetV2", "ResNet50", "VGG16"} <= set(apps.CATALOGUE)


BUILT = ("MobileNetV2", "MobileNet", "ResNet50")  # their names are formatted at run time


@pytest.mark.parametrize("name", BUILT)
def test_weight_file_names_are_those_keras_asks_for(keras, empty_cache, monkeypatch, name):
    """The constructor asks get_file for exactly the catalogue's file name."""
    from keras.src.utils import file_utils

    asked = []

    def record(fname=None, origin=None, **_kwargs):
        asked.append(fname)
        raise Exception("URL fetch failure on test")

    monkeypatch.setattr(file_utils, "get_file", record)
    with pytest.raises(StudentError):
        apps.load(name)
    assert asked == [apps.CATALOGUE[name].weight_file]


def test_weight_file_names_of_the_big_networks_are_in_their_source(keras):
    """VGG16/19, Xception and InceptionV3 (0.5 GB to build) name their file literally."""
    import importlib
    import inspect

    for entry in apps.CATALOGUE.values():
        if entry.name not in BUILT:
            module = importlib.import_module(f"keras.src.applications.{entry.module}")
            assert f'"{entry.weight_file}"' in inspect.getsource(module)


def test_cache_folder_follows_keras_home(tmp_path, monkeypatch):
    monkeypatch.setenv("KERAS_HOME", str(tmp_path))
    assert apps.cache_folder() == tmp_path / "models"
    assert not apps.weights_available("MobileNetV2") and not apps.class_index_available()
    monkeypatch.delenv("KERAS_HOME")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert apps.cache_folder() == tmp_path / ".keras" / "models"


# ------------------------------------------------------------------------- loading


def test_load_from_the_cache_gives_the_written_weights(cache):
    folder, reference = cache
    assert apps.weights_available("MobileNetV2") and apps.class_index_available()
    model = apps.load("MobileNetV2")
    assert model.count_params() == reference.count_params() == 3_538_984
    assert apps.CATALOGUE["MobileNetV2"].parameters == model.count_params()
    for mine, theirs in zip(model.weights[-4:], reference.weights[-4:], strict=True):
        np.testing.assert_array_equal(np.asarray(mine), np.asarray(theirs))


def test_offline_without_cache_says_which_file_and_folder_at_once(empty_cache):
    start = time.perf_counter()
    with pytest.raises(StudentError) as caught:
        apps.load("MobileNetV2")
    assert time.perf_counter() - start < 30  # the constructor, not a network time-out
    error = caught.value
    assert error.key == "applications.no_weights"
    assert error.values["file"] == apps.CATALOGUE["MobileNetV2"].weight_file
    assert error.values["folder"] == str(empty_cache / "models")
    english = error.message("en")
    assert error.values["file"] in english and "Binder" in english
    assert_polish(
        error.message("pl"),
        english,
        "Binder",
        "MobileNetV2",
        "Keras",
        "ImageNet",
        error.values["folder"],
        error.values["file"],
    )
    assert "URL fetch failure" in str(error.__cause__)


def test_other_errors_are_not_swallowed(keras, empty_cache, monkeypatch):
    def broken(**_kwargs):
        raise RuntimeError("not a download problem")

    monkeypatch.setattr(keras.applications, "MobileNetV2", broken)
    with pytest.raises(RuntimeError, match="not a download problem"):
        apps.load("MobileNetV2")


def test_a_damaged_weight_file_is_told(empty_cache):
    path = empty_cache / "models" / apps.CATALOGUE["MobileNetV2"].weight_file
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not an HDF5 file")
    with pytest.raises(StudentError) as caught:
        apps.load("MobileNetV2")
    assert caught.value.key == "applications.bad_weights"


def test_unknown_application():
    with pytest.raises(StudentError) as caught:
        apps.load("AlexNet")
    assert caught.value.key == "applications.unknown" and "MobileNetV2" in caught.value.message(
        "en"
    )


# ------------------------------------------------------------------- preprocessing


@pytest.mark.parametrize("name", list(apps.CATALOGUE))
def test_preprocess_input_matches_the_documented_formula(keras, name):
    seen = np.random.default_rng(0).integers(0, 256, (8, 8, 3)).astype(np.uint8)
    got = apps.preprocess(seen, name)[0]
    want = apps.preprocess_reference(seen, apps.CATALOGUE[name].mode)
    np.testing.assert_allclose(got, want, atol=1e-4)
    if apps.CATALOGUE[name].mode == "tf":
        np.testing.assert_allclose(got, seen / 127.5 - 1, atol=1e-5)
    else:  # BGR, ImageNet means subtracted
        np.testing.assert_allclose(got[..., 0], seen[..., 2] - 103.939, atol=1e-4)
        np.testing.assert_allclose(got[..., 2], seen[..., 0] - 123.68, atol=1e-4)
    assert seen.dtype == np.uint8  # the input is not changed in place


def test_prepare_resizes_like_load_img(keras, tmp_path):
    path = apps.sample_path("flower")
    prepared = apps.prepare(path, "MobileNetV2")
    image = keras.utils.load_img(path, target_size=(224, 224), interpolation="bilinear")
    np.testing.assert_array_equal(prepared.seen, keras.utils.img_to_array(image).astype(np.uint8))
    assert prepared.x.shape == (1, 224, 224, 3) and prepared.x.dtype == np.float32
    assert prepared.original_size == (640, 427)
    assert apps.prepare(path, "Xception").seen.shape == (299, 299, 3)


def test_samples_ship_with_the_packages():
    for name in apps.SAMPLES:
        image = apps.sample_image(name)
        assert image.mode == "RGB" and min(image.size) > 100


def test_grayscale_and_rgba_become_rgb(keras):
    gray = Image.fromarray(np.full((40, 60), 77, np.uint8), mode="L")
    seen = apps.prepare(_png(gray), "MobileNetV2").seen
    assert seen.shape == (224, 224, 3) and (seen == 77).all()
    rgba = np.zeros((30, 30, 4), np.uint8)
    rgba[..., 0], rgba[:15, :, 3] = 255, 255  # top half opaque red, bottom transparent
    seen = apps.prepare(_png(Image.fromarray(rgba, mode="RGBA")), "MobileNetV2").seen
    assert tuple(seen[10, 100]) == (255, 0, 0)
    assert tuple(seen[200, 100]) == (255, 255, 255)  # transparent over white
    assert apps.open_image(np.full((5, 5, 1), 9.0)).mode == "RGB"


def test_exif_orientation_is_applied():
    image = Image.fromarray(np.zeros((20, 40, 3), np.uint8))  # 40 wide, 20 high
    exif = Image.Exif()
    exif[0x0112] = 6  # "rotate 90° clockwise to show"
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", exif=exif.tobytes())
    assert apps.open_image(buffer.getvalue()).size == (20, 40)


@pytest.mark.parametrize(
    ("source", "key"),
    [
        (b"", "applications.empty"),
        (b"%PDF-1.4 not a photo", "applications.not_image"),
        (b"\x89PNG\r\n\x1a\n broken", "applications.not_image"),
        (np.zeros((3, 3, 7)), "applications.not_image"),
        (12345, "applications.not_image"),
        ("brak/zdjecia.jpg", "applications.no_file"),
    ],
)
def test_bad_input_is_a_message_in_both_languages(source, key):
    with pytest.raises(StudentError) as caught:
        apps.open_image(source)
    assert caught.value.key == key
    english = caught.value.message("en")
    names = [source] if isinstance(source, str) else []
    assert_polish(caught.value.message("pl"), english, "JPEG", "PNG", *names)


def test_a_huge_image_is_refused_before_decoding():
    huge = Image.new("L", (10_000, 6_000))  # 60 MP; a PNG of zeros is small
    data = _png(huge)
    start = time.perf_counter()
    with pytest.raises(StudentError) as caught:
        apps.open_image(data)
    assert time.perf_counter() - start < 2
    assert caught.value.key == "applications.too_big"
    assert "60" in caught.value.message("en") and "50" in caught.value.message("pl")
    with pytest.raises(StudentError):
        apps.open_image(np.zeros((8000, 8000), np.uint8))
    big_file = bytes(apps.MAX_UPLOAD_MB * 2**20 + 1)
    with pytest.raises(StudentError) as caught:
        apps.open_image(big_file)
    assert caught.value.key == "applications.file_too_big"


# --------------------------------------------------------------------- predictions


def test_top5_is_decode_predictions_of_the_model(cache, keras):
    model = apps.load("MobileNetV2")
    x = apps.prepare(apps.sample_path("china"), "MobileNetV2").x
    rows = apps.top5(model, x)
    probabilities = np.asarray(model.predict(x, verbose=0))[0]
    order = np.argsort(probabilities)[::-1][:5]
    names = class_index()
    assert [r[1] for r in rows] == [names[str(i)][1] for i in order]
    assert [r[0] for r in rows] == [names[str(i)][0] for i in order]
    np.testing.assert_allclose([r[2] for r in rows], probabilities[order], rtol=1e-4)
    other = apps.top5(model, apps.prepare(apps.sample_path("flower"), "MobileNetV2").x)
    assert [r[1] for r in other] != [r[1] for r in rows]


def test_without_the_class_index_the_bars_show_class_numbers(empty_cache, keras):
    probabilities = np.zeros((1, 1000), np.float32)
    probabilities[0, [3, 7, 1, 9, 4]] = [0.5, 0.2, 0.1, 0.05, 0.01]
    rows = apps.decode(probabilities, keras)
    assert [r[1] for r in rows] == ["#3", "#7", "#1", "#9", "#4"]
    assert all(r[0] == "" for r in rows)


def test_feature_maps_are_the_layer_output(cache, keras):
    model = apps.load("MobileNetV2")
    x = apps.prepare(apps.sample_path("china"), "MobileNetV2").x
    layers = apps.conv_layers(model)
    assert layers[0] == "Conv1" and len(layers) > 30
    maps = apps.feature_maps(model, "Conv1", x)
    assert maps.shape == (112, 112, 32)
    sub = keras.Model(model.inputs, model.get_layer("Conv1").output)
    np.testing.assert_allclose(maps, np.asarray(sub.predict(x, verbose=0))[0], atol=1e-4)
    with pytest.raises(StudentError):
        apps.feature_maps(model, "no_such_layer", x)
