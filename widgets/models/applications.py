"""Keras applications on a photo (lesson 16): the catalogue, the weight cache, the image.

``keras.applications`` ships the architectures; their ImageNet weights are downloaded on
first use into Keras' cache, ``$KERAS_HOME/models`` (``~/.keras/models`` by default), under
a fixed file name each, and ``decode_predictions`` downloads the 1000 class names
(``imagenet_class_index.json``) into the same folder. Binder bakes MobileNetV2's weights
and the class index into its image (binder/postBuild). Where neither the cache nor the
network has a file, :func:`load` raises ``StudentError("applications.no_weights")`` naming
the file and the folder, at once when the network is refused, so the lesson goes on.

A weight file already in the cache is given to the constructor as a path
(``MobileNetV2(weights=path)``, which is what ``weights="imagenet"`` does after its
download), so a cached file loads with no network and no checksum; otherwise the real
``weights="imagenet"`` download runs. Keras' offline failure is a plain
``Exception("URL fetch failure …")`` (after about 1.4 s): exactly that is turned into the
student's message, any other error is raised as it is.

Images: :func:`open_image` reads an upload (bytes), a path, a PIL image or an array;
grayscale, palette and RGBA images become RGB (transparency over white), a photo's EXIF
orientation is applied, and images over :data:`MAX_MEGAPIXELS` are refused (decoding one
takes hundreds of MB on a class server; anything smaller is downscaled to the model's
input anyway). :func:`prepare` gives what the model sees (``size × size`` RGB, uint8) and
the preprocessed batch. Keras is imported inside the functions only.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import StudentError

CLASS_INDEX_FILE = "imagenet_class_index.json"
MAX_MEGAPIXELS = 50  # larger images are refused (see the module docstring)
MAX_UPLOAD_MB = 40  # a photo from a phone is 2-10 MB
FETCH_FAILURE = "URL fetch failure"  # the start of Keras' offline Exception


@dataclass(frozen=True)
class Application:
    """One entry of :data:`CATALOGUE`. ``mode`` is ``preprocess_input``'s: "tf" scales
    pixels to [−1, 1], "caffe" turns RGB into BGR and subtracts ImageNet's channel means.
    ``megabytes``, ``parameters`` and ``top1`` are keras.io's table (the weight file, the
    model with its classifier, ImageNet top-1 accuracy); :func:`load`'s model is counted
    again by the dashboard."""

    name: str
    module: str  # keras.applications.<module>
    size: int  # input width = height, pixels
    mode: str  # "tf" or "caffe"
    weight_file: str
    megabytes: int
    parameters: int
    top1: float


CATALOGUE = {
    a.name: a
    for a in (
        Application("MobileNetV2", "mobilenet_v2", 224, "tf",
                    "mobilenet_v2_weights_tf_dim_ordering_tf_kernels_1.0_224.h5",
                    14, 3_538_984, 0.713),
        Application("MobileNet", "mobilenet", 224, "tf", "mobilenet_1_0_224_tf.h5",
                    16, 4_253_864, 0.704),
        Application("ResNet50", "resnet50", 224, "caffe",
                    "resnet50_weights_tf_dim_ordering_tf_kernels.h5", 98, 25_636_712, 0.749),
        Application("VGG16", "vgg16", 224, "caffe",
                    "vgg16_weights_tf_dim_ordering_tf_kernels.h5", 528, 138_357_544, 0.713),
        Application("VGG19", "vgg19", 224, "caffe",
                    "vgg19_weights_tf_dim_ordering_tf_kernels.h5", 549, 143_667_240, 0.713),
        Application("Xception", "xception", 299, "tf",
                    "xception_weights_tf_dim_ordering_tf_kernels.h5", 88, 22_910_480, 0.790),
        Application("InceptionV3", "inception_v3", 299, "tf",
                    "inception_v3_weights_tf_dim_ordering_tf_kernels.h5", 92, 23_851_784, 0.779),
    )
}  # fmt: skip
DEFAULT = "MobileNetV2"
#: ImageNet's mean pixel in BGR order, which "caffe" preprocessing subtracts.
CAFFE_MEAN_BGR = (103.939, 116.779, 123.68)

#: Sample photos that ship with installed packages (nothing is committed to the repo).
SAMPLES = {
    "china": ("sklearn", "china.jpg"),
    "flower": ("sklearn", "flower.jpg"),
    "grace_hopper": ("matplotlib", "grace_hopper.jpg"),
}


def application(name: str) -> Application:
    """The catalogue entry, or StudentError("applications.unknown")."""
    if name not in CATALOGUE:
        raise StudentError("applications.unknown", name=name, names=", ".join(CATALOGUE))
    return CATALOGUE[name]


# ------------------------------------------------------------------------ the cache


def cache_folder() -> Path:
    """Where Keras keeps downloaded weights: ``$KERAS_HOME/models``, else
    ``~/.keras/models`` (``/tmp/.keras/models`` when the home folder is read-only, as
    ``keras.utils.get_file`` does)."""
    home = os.path.expanduser(os.environ.get("KERAS_HOME") or os.path.join("~", ".keras"))
    if os.path.isdir(home) and not os.access(home, os.W_OK):
        home = os.path.join("/tmp", ".keras")
    return Path(home) / "models"


def weight_path(name: str) -> Path:
    return cache_folder() / application(name).weight_file


def weights_available(name: str) -> bool:
    """Is the application's ImageNet weight file in the cache?"""
    path = weight_path(name)
    return path.is_file() and path.stat().st_size > 0


def class_index_path() -> Path:
    return cache_folder() / CLASS_INDEX_FILE


def class_index_available() -> bool:
    """Is ``imagenet_class_index.json`` (``decode_predictions``' class names) cached?"""
    path = class_index_path()
    return path.is_file() and path.stat().st_size > 0


def load(name: str = DEFAULT):
    """The application with its ImageNet weights (cache first, then Keras' download).

    Raises ``StudentError("applications.no_weights", file=..., folder=...)`` when the file
    is not cached and cannot be downloaded, ``"applications.bad_weights"`` when a cached
    file cannot be read; other errors as they are.
    """
    entry = application(name)
    import keras

    constructor = getattr(keras.applications, entry.name)
    if weights_available(name):
        path = weight_path(name)
        try:
            return constructor(weights=str(path))
        except (OSError, ValueError) as error:
            folder = str(cache_folder())
            raise StudentError(
                "applications.bad_weights", file=entry.weight_file, folder=folder
            ) from error
    try:
        # Keras prints "Downloading data from …": the kernel's log, not the page.
        with contextlib.redirect_stdout(io.StringIO()):
            return constructor(weights="imagenet")
    except Exception as error:
        if type(error) is Exception and str(error).startswith(FETCH_FAILURE):
            folder = str(cache_folder())
            raise StudentError(
                "applications.no_weights", file=entry.weight_file, folder=folder
            ) from error
        raise


def parameter_count(model) -> int:
    return int(model.count_params())


# ---------------------------------------------------------------------------- images


def open_image(source):
    """A PIL RGB image from an upload's bytes, a path, a PIL image or an (h, w[, c]) array.

    Grayscale and palette images are converted, RGBA is laid over white, the EXIF
    orientation of a phone photo is applied. Empty, unreadable and too large inputs raise
    StudentError ("applications.empty", "not_image", "too_big", "file_too_big").
    """
    from PIL import Image

    if isinstance(source, Image.Image):
        image = source
    elif isinstance(source, np.ndarray):
        image = _from_array(source)
    else:
        image = _open(_read(source))
    return _to_rgb(image)


def _read(source) -> bytes:
    if isinstance(source, str | os.PathLike):
        path = Path(source)
        if not path.is_file():
            raise StudentError("applications.no_file", path=str(path))
        if path.stat().st_size > MAX_UPLOAD_MB * 2**20:
            raise StudentError("applications.file_too_big", mb=_mb(path.stat().st_size),
                               limit=MAX_UPLOAD_MB)  # fmt: skip
        return path.read_bytes()
    if isinstance(source, bytes | bytearray | memoryview):
        data = bytes(source)
        if len(data) > MAX_UPLOAD_MB * 2**20:
            raise StudentError("applications.file_too_big", mb=_mb(len(data)), limit=MAX_UPLOAD_MB)
        return data
    raise StudentError("applications.not_image", detail=f"got {type(source).__name__}")


def _mb(size: int) -> float:
    return round(size / 2**20, 1)


def _open(data: bytes):
    from PIL import Image, UnidentifiedImageError

    if not data:
        raise StudentError("applications.empty")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(io.BytesIO(data))
    except Image.DecompressionBombError as error:
        raise StudentError(
            "applications.too_big", megapixels=">179", limit=MAX_MEGAPIXELS
        ) from error
    except (UnidentifiedImageError, OSError, ValueError) as error:
        raise StudentError("applications.not_image") from error
    _check_size(image.size)
    try:
        image.load()
    except (OSError, ValueError, SyntaxError) as error:  # a truncated or broken file
        raise StudentError("applications.not_image") from error
    return image


def _check_size(size: tuple[int, int]) -> None:
    megapixels = size[0] * size[1] / 1e6
    if megapixels > MAX_MEGAPIXELS:
        raise StudentError("applications.too_big", megapixels=round(megapixels, 1),
                           limit=MAX_MEGAPIXELS)  # fmt: skip
    if min(size) < 1:
        raise StudentError("applications.empty")


def _from_array(array: np.ndarray):
    from PIL import Image

    a = np.asarray(array)
    if a.ndim == 3 and a.shape[-1] == 1:
        a = a[..., 0]
    if a.ndim not in (2, 3) or (a.ndim == 3 and a.shape[-1] not in (3, 4)) or a.size == 0:
        raise StudentError("applications.not_image", detail=f"array of shape {a.shape}")
    _check_size((a.shape[1], a.shape[0]))
    if a.dtype != np.uint8:
        a = np.clip(np.nan_to_num(a.astype(np.float64)), 0, 255).astype(np.uint8)
    return Image.fromarray(a)


def _to_rgb(image):
    from PIL import Image, ImageOps

    _check_size(image.size)
    try:
        image = ImageOps.exif_transpose(image)
    except Exception:  # noqa: BLE001  (a broken EXIF block: keep the photo as stored)
        pass
    if image.mode == "P" or (image.mode == "LA"):
        image = image.convert("RGBA")
    if image.mode == "RGBA":
        white = Image.new("RGBA", image.size, (255, 255, 255, 255))
        image = Image.alpha_composite(white, image)
    return image.convert("RGB")


def sample_path(name: str) -> str:
    """The file of a sample photo: scikit-learn's china.jpg/flower.jpg or matplotlib's
    grace_hopper.jpg (they ship with the packages, so this works offline; found without
    importing the packages, which takes seconds)."""
    import importlib.util

    if name not in SAMPLES:
        raise StudentError("applications.unknown_sample", name=name, names=", ".join(SAMPLES))
    package, file = SAMPLES[name]
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise StudentError("applications.no_sample", name=name, package=package)
    root = Path(next(iter(spec.submodule_search_locations)))
    folder = (
        root / "datasets" / "images" if package == "sklearn" else root / "mpl-data" / "sample_data"
    )
    return str(folder / file)


@functools.cache
def sample_bytes(name: str) -> bytes:
    """A sample photo's JPEG bytes (see :func:`sample_path`)."""
    return Path(sample_path(name)).read_bytes()


def sample_image(name: str):
    """A sample photo (see :data:`SAMPLES`) as a PIL RGB image."""
    return open_image(sample_bytes(name))


@dataclass(frozen=True)
class Prepared:
    """An image made ready for one application."""

    seen: np.ndarray  # (size, size, 3) uint8: what the model sees
    x: np.ndarray  # (1, size, size, 3) float32: after preprocess_input
    original_size: tuple[int, int]  # (width, height) before resizing


def resize(image, size: int):
    """The photo squeezed to ``size × size`` (bilinear), as ``keras.utils.load_img(path,
    target_size=(size, size), interpolation="bilinear")`` does."""
    from PIL import Image

    return image.resize((size, size), Image.BILINEAR)


def prepare(source, name: str = DEFAULT) -> Prepared:
    """The image resized and converted for application ``name``, and preprocessed."""
    entry = application(name)
    image = open_image(source)
    seen = np.asarray(resize(image, entry.size), dtype=np.uint8)
    return Prepared(seen, preprocess(seen, name), image.size)


def preprocess(seen: np.ndarray, name: str = DEFAULT) -> np.ndarray:
    """The application's own ``preprocess_input`` on a batch of one (a copy: Keras
    changes a float numpy array in place)."""
    import importlib

    module = importlib.import_module(f"keras.applications.{application(name).module}")
    batch = np.array(seen, dtype=np.float32, copy=True)[None]
    return np.asarray(module.preprocess_input(batch), dtype=np.float32)


def preprocess_reference(seen: np.ndarray, mode: str) -> np.ndarray:
    """The documented formula in numpy: "tf" x/127.5 − 1; "caffe" RGB → BGR minus the
    ImageNet means (tests and the exercise compare Keras with it)."""
    x = np.asarray(seen, dtype=np.float64)
    if mode == "tf":
        return x / 127.5 - 1.0
    return x[..., ::-1] - np.array(CAFFE_MEAN_BGR)


# ----------------------------------------------------------------------- predictions


def _class_index_into_keras() -> None:
    """Give ``decode_predictions`` the cached class index read as it reads it, without its
    checksum (Keras would otherwise re-download a file baked or written elsewhere)."""
    import json

    from keras.src.applications import imagenet_utils

    if imagenet_utils.CLASS_INDEX is None and class_index_available():
        imagenet_utils.CLASS_INDEX = json.loads(class_index_path().read_text())


def top5(model, x) -> list[tuple[str, str, float]]:
    """``decode_predictions(model.predict(x), top=5)[0]``: (WordNet id, name, probability).

    Without the class index (not cached, no network) the names are the class numbers
    ("#281") and the ids empty: the bars still show.
    """
    import keras

    # predict_on_batch runs the compiled predict function: measured in Voilà, an eager
    # model(x) call of MobileNetV2 took 0.3-2 s against ~0.2 s (its Python per layer).
    predictions = np.asarray(model.predict_on_batch(np.asarray(x, dtype=np.float32)))
    return decode(predictions, keras)


def decode(predictions: np.ndarray, keras=None) -> list[tuple[str, str, float]]:
    if keras is None:
        import keras
    _class_index_into_keras()
    try:
        rows = keras.applications.imagenet_utils.decode_predictions(predictions, top=5)[0]
    except Exception as error:
        if not (type(error) is Exception and str(error).startswith(FETCH_FAILURE)):
            raise
        order = np.argsort(predictions[0])[::-1][:5]
        return [("", f"#{i}", float(predictions[0, i])) for i in order]
    return [(str(w), str(label), float(p)) for w, label, p in rows]


def conv_layers(model) -> list[str]:
    """Names of the model's convolution layers (their outputs are feature maps), in order."""
    kinds = ("Conv2D", "DepthwiseConv2D", "SeparableConv2D")
    return [layer.name for layer in model.layers if type(layer).__name__ in kinds]


_EXTRACTORS: dict[tuple[int, str], object] = {}


def feature_maps(model, layer_name: str, x) -> np.ndarray:
    """The output of layer ``layer_name`` for the batch ``x`` of one: (h, w, channels)."""
    import keras

    key = (id(model), layer_name)
    if key not in _EXTRACTORS:
        try:
            output = model.get_layer(layer_name).output
        except ValueError as error:
            raise StudentError("applications.unknown_layer", name=layer_name) from error
        _EXTRACTORS.clear()  # one model's extractors at a time: each holds its model
        _EXTRACTORS[key] = keras.Model(model.inputs, output)
    maps = _EXTRACTORS[key].predict_on_batch(np.asarray(x, dtype=np.float32))
    return np.asarray(maps)[0]
