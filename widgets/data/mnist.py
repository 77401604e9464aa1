"""MNIST loader: local idx files, the Keras cache, or a Keras download, in that order.

Nothing here imports TensorFlow or Keras at import time: a dashboard must be able to show
its controls (and load MNIST from disk) while TensorFlow is still loading in the background.
Keras is imported lazily, and only when the data has to be downloaded.

Where the data comes from:

1. ``$DL_COURSE_MNIST_DIR``: a directory with the original idx files (gzipped or not).
   If it holds only the 10,000-image test set (``t10k-*``), as ``../shared/data/mnist``
   does, that set is split deterministically: the first 80 % (8,000 images) for training,
   the rest (2,000) for testing.
2. The Keras cache ``$KERAS_HOME/datasets/mnist.npz`` (default ``~/.keras``), read with numpy.
3. ``keras.datasets.mnist.load_data()``, which downloads (works for students and on Binder).

Any problem ends in :class:`MnistUnavailableError`: a :class:`~widgets.errors.StudentError`
whose sentence tells a student what to do in their language, and whose ``str()`` is the
technical English message (what failed, the files expected, how to fix it) for the lecturer.
"""

from __future__ import annotations

import functools
import gzip
import math
import os
import struct
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import StudentError
from ..i18n import Strings

__all__ = [
    "MNIST_DIR_ENV",
    "MnistData",
    "MnistUnavailableError",
    "keras_cache_file",
    "load_mnist",
    "one_hot",
    "preprocess_images",
    "read_idx",
]

MNIST_DIR_ENV = "DL_COURSE_MNIST_DIR"

IMAGE_SHAPE = (28, 28)
NUM_CLASSES = 10
# Share of a test-only idx set used for training: 10,000 images -> 8,000 train / 2,000 test.
TEST_ONLY_TRAIN_FRACTION = 0.8

# File names of the original distribution; some mirrors use a dot instead of the last dash.
_IDX_NAMES = {
    "train_images": "train-images-idx3-ubyte",
    "train_labels": "train-labels-idx1-ubyte",
    "test_images": "t10k-images-idx3-ubyte",
    "test_labels": "t10k-labels-idx1-ubyte",
}

# idx type codes (third byte of the magic number); multi-byte values are big-endian.
_IDX_DTYPES = {
    0x08: np.dtype(np.uint8),
    0x09: np.dtype(np.int8),
    0x0B: np.dtype(">i2"),
    0x0C: np.dtype(">i4"),
    0x0D: np.dtype(">f4"),
    0x0E: np.dtype(">f8"),
}

_GZIP_MAGIC = b"\x1f\x8b"


TEXT = Strings(
    "mnist",
    {
        "unavailable": {
            "pl": "Nie znaleziono danych MNIST i nie udało się ich pobrać: połącz się "
            "z internetem albo ustaw zmienną środowiskową {variable} na folder z plikami idx "
            "MNIST, a potem uruchom lekcję ponownie.",
            "en": "The MNIST data could not be found or downloaded: connect to the internet, "
            "or set the environment variable {variable} to a folder with the MNIST idx files, "
            "then start the lesson again.",
        },
        "folder_unusable": {
            "pl": "W folderze {folder}, wskazanym przez zmienną środowiskową {variable}, nie "
            "ma poprawnych plików MNIST: wskaż w niej folder z plikami idx MNIST (wystarczą "
            "dwa pliki t10k) albo usuń tę zmienną, żeby MNIST pobrał się z internetu.",
            "en": "The folder {folder}, named by the environment variable {variable}, holds "
            "no usable MNIST files: name a folder with the MNIST idx files in it (the two "
            "t10k files are enough), or unset the variable to download MNIST from the "
            "internet.",
        },
        "cache_damaged": {
            "pl": "Zapisana kopia MNIST w pliku {path} jest uszkodzona: usuń ten plik "
            "i uruchom lekcję ponownie, a MNIST pobierze się jeszcze raz.",
            "en": "The saved copy of MNIST in {path} is damaged: delete that file and start "
            "the lesson again to download MNIST anew.",
        },
    },
)


class MnistUnavailableError(StudentError, RuntimeError):
    """MNIST could not be loaded.

    ``key`` names the student's sentence (see ``TEXT``); ``problem`` says in English what
    failed, and ``str()`` adds how to fix it: that text is the lecturer's detail.
    """

    def __init__(self, key: str, problem: str, **values: object):
        super().__init__(key, detail=_technical_message(problem), **values)


@dataclass(frozen=True, eq=False)
class MnistData:
    """MNIST images (uint8, shape ``(n, 28, 28)``) and labels (uint8, shape ``(n,)``).

    The arrays are read-only because one loaded copy is shared by every lesson in the
    kernel; use :func:`preprocess_images` (which makes a new array) before training.
    ``source`` says in words where the data came from, for display in a dashboard.
    """

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    source: str

    def as_tuples(self) -> tuple[tuple[np.ndarray, np.ndarray], tuple[np.ndarray, np.ndarray]]:
        """Return ``(x_train, y_train), (x_test, y_test)`` like ``keras.datasets.mnist``."""
        return (self.x_train, self.y_train), (self.x_test, self.y_test)

    def __repr__(self) -> str:
        # The default repr would print four arrays; shapes and the source are what matter.
        return (
            f"MnistData(train={self.x_train.shape[0]:,}, test={self.x_test.shape[0]:,}, "
            f"source={self.source!r})"
        )


# ---------------------------------------------------------------------------- idx files


def read_idx(path: str | os.PathLike[str]) -> np.ndarray:
    """Read one idx file (gzipped or plain) into a read-only numpy array.

    Raises ``ValueError`` naming the file when it is not a valid idx file: bad gzip data,
    a wrong magic number, or a size that does not match the dimensions in the header.
    """
    path = Path(path)
    raw = path.read_bytes()
    # Decide by content, not by suffix: a renamed or already unpacked file still works.
    if raw[:2] == _GZIP_MAGIC:
        try:
            raw = gzip.decompress(raw)
        except (OSError, EOFError, zlib.error) as exc:
            raise ValueError(f"{path} is not a valid gzip file ({exc})") from exc
    return _parse_idx(raw, str(path))


def _parse_idx(raw: bytes, name: str) -> np.ndarray:
    """Parse idx bytes: magic (0, 0, type code, ndim), ndim big-endian uint32 dims, data."""
    if len(raw) < 4:
        raise ValueError(f"{name} is too short ({len(raw)} bytes) to be an idx file")
    code, ndim = raw[2], raw[3]
    if raw[:2] != b"\x00\x00" or code not in _IDX_DTYPES or ndim == 0:
        raise ValueError(f"{name} is not an idx file: bad magic number 0x{raw[:4].hex()}")
    header_size = 4 + 4 * ndim
    if len(raw) < header_size:
        raise ValueError(f"{name} is truncated inside its idx header")
    dims = struct.unpack(f">{ndim}I", raw[4:header_size])
    dtype = _IDX_DTYPES[code]
    expected = math.prod(dims) * dtype.itemsize
    actual = len(raw) - header_size
    if actual != expected:
        raise ValueError(
            f"{name} is truncated or corrupt: its header promises shape {dims} "
            f"({expected:,} bytes of data) but {actual:,} bytes follow"
        )
    array = np.frombuffer(raw, dtype=dtype, offset=header_size).reshape(dims)
    if dtype.itemsize > 1:
        array = array.astype(dtype.newbyteorder("="))
        array.flags.writeable = False
    return array


def _find_idx_file(directory: Path, stem: str) -> Path | None:
    """Return the first existing variant of an idx file name (plain or .gz), or None."""
    dotted = stem.replace("-idx", ".idx")  # t10k-images.idx3-ubyte
    for base in (stem, dotted):
        for candidate in (directory / base, directory / f"{base}.gz"):
            if candidate.is_file():
                return candidate
    return None


def _check_mnist_pair(images: np.ndarray, labels: np.ndarray, what: str) -> None:
    """Raise ValueError unless images/labels look like MNIST (uint8, 28x28, digits 0-9)."""
    if images.dtype != np.uint8 or images.ndim != 3 or images.shape[1:] != IMAGE_SHAPE:
        raise ValueError(
            f"{what}: expected uint8 images of shape (n, 28, 28), got {images.dtype} {images.shape}"
        )
    if labels.dtype != np.uint8 or labels.shape != (images.shape[0],):
        raise ValueError(
            f"{what}: expected {images.shape[0]:,} uint8 labels to match the images, "
            f"got {labels.dtype} {labels.shape}"
        )
    if labels.size and int(labels.max()) >= NUM_CLASSES:
        raise ValueError(f"{what}: labels must be digits 0-9, found {int(labels.max())}")


def _read_pair(images_path: Path, labels_path: Path) -> tuple[np.ndarray, np.ndarray]:
    """Read and validate one images file and its labels file."""
    images, labels = read_idx(images_path), read_idx(labels_path)
    _check_mnist_pair(images, labels, f"{images_path.name} / {labels_path.name}")
    return images, labels


@functools.lru_cache(maxsize=4)
def _load_idx_directory(directory: str) -> MnistData:
    """Load MNIST from a directory of idx files; cached because several lessons call it."""
    folder = Path(directory)
    files = {role: _find_idx_file(folder, stem) for role, stem in _IDX_NAMES.items()}
    if files["test_images"] is None or files["test_labels"] is None:
        raise MnistUnavailableError(
            "mnist.folder_unusable",
            f"{folder} does not contain the MNIST test files {_expected_files()}.",
            folder=str(folder),
            variable=MNIST_DIR_ENV,
        )
    x_test, y_test = _read_pair(files["test_images"], files["test_labels"])

    has_train = [files["train_images"] is not None, files["train_labels"] is not None]
    if all(has_train):
        x_train, y_train = _read_pair(files["train_images"], files["train_labels"])
        source = f"local MNIST files from {folder}: {len(x_train):,} train / {len(x_test):,} test"
        return _frozen(x_train, y_train, x_test, y_test, source)
    if any(has_train):
        missing = "train-labels" if has_train[0] else "train-images"
        raise MnistUnavailableError(
            "mnist.folder_unusable",
            f"{folder} has only one of the training files ({missing} is missing).",
            folder=str(folder),
            variable=MNIST_DIR_ENV,
        )
    return _split_test_only(x_test, y_test, folder)


def _split_test_only(images: np.ndarray, labels: np.ndarray, folder: Path) -> MnistData:
    """Split a test-only set in order (no shuffling) so every run sees the same split."""
    cut = round(len(images) * TEST_ONLY_TRAIN_FRACTION)
    source = (
        f"local MNIST test set from {folder}: {cut:,} train / {len(images) - cut:,} test "
        f"(the first {cut:,} of its {len(images):,} images are used for training)"
    )
    return _frozen(images[:cut], labels[:cut], images[cut:], labels[cut:], source)


# ------------------------------------------------------------------------- Keras cache


def keras_cache_file() -> Path:
    """Where ``keras.datasets.mnist.load_data()`` keeps ``mnist.npz``.

    Mirrors Keras 3: ``$KERAS_HOME`` or ``~/.keras``, and ``/tmp/.keras`` when that
    directory is not writable (Keras then downloads there instead).
    """
    home = os.environ.get("KERAS_HOME")
    if home:
        base = Path(home).expanduser()
    else:
        user_home = Path("~").expanduser()
        base = (user_home if os.access(user_home, os.W_OK) else Path("/tmp")) / ".keras"
    if not os.access(base, os.W_OK):
        base = Path("/tmp") / ".keras"
    return base / "datasets" / "mnist.npz"


@functools.lru_cache(maxsize=2)
def _load_npz(path: str) -> MnistData:
    """Load the Keras cache file with numpy (no Keras import needed)."""
    try:
        with np.load(path, allow_pickle=False) as npz:
            arrays = [npz[key] for key in ("x_train", "y_train", "x_test", "y_test")]
    except (OSError, EOFError, KeyError, ValueError, zipfile.BadZipFile, zlib.error) as exc:
        raise ValueError(f"{path} is not a valid Keras MNIST cache ({exc})") from exc
    _check_mnist_pair(arrays[0], arrays[1], f"{path} (train)")
    _check_mnist_pair(arrays[2], arrays[3], f"{path} (test)")
    source = f"Keras cache {path}: {len(arrays[0]):,} train / {len(arrays[2]):,} test"
    return _frozen(*arrays, source)


def _download() -> MnistData:
    """Download through Keras; imported here so that importing this module stays light."""
    try:
        import keras  # lazy on purpose: see the module docstring

        (x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()
    except Exception as exc:  # any failure (offline, proxy, disk) means no MNIST
        raise MnistUnavailableError(
            "mnist.unavailable",
            f"Downloading MNIST with keras failed ({exc}).",
            variable=MNIST_DIR_ENV,
        ) from exc
    source = (
        f"downloaded with keras.datasets.mnist.load_data(): "
        f"{len(x_train):,} train / {len(x_test):,} test"
    )
    return _frozen(x_train, y_train, x_test, y_test, source)


# -------------------------------------------------------------------------- public API


def load_mnist(
    directory: str | os.PathLike[str] | None = None, *, allow_download: bool = True
) -> MnistData:
    """Load MNIST from local idx files, the Keras cache, or a download (in that order).

    Args:
        directory: a folder with MNIST idx files; by default ``$DL_COURSE_MNIST_DIR``.
            When one is given, it is the only source tried.
        allow_download: if False, never download (tests and offline runs).

    Returns:
        An :class:`MnistData` with read-only uint8 arrays and a ``source`` description.

    Raises:
        MnistUnavailableError: with a message naming ``DL_COURSE_MNIST_DIR`` and what to do.
    """
    if directory is None:
        directory = os.environ.get(MNIST_DIR_ENV) or None  # an empty value counts as unset
    if directory is not None:
        return _load_from_directory(Path(directory).expanduser())

    cache = keras_cache_file()
    if cache.is_file():
        try:
            return _load_npz(str(cache))
        except ValueError as exc:
            raise MnistUnavailableError(
                "mnist.cache_damaged",
                f"{exc}. Delete it so Keras downloads it again.",
                path=str(cache),
            ) from exc
    if not allow_download:
        raise MnistUnavailableError(
            "mnist.unavailable",
            f"{MNIST_DIR_ENV} is not set, there is no Keras cache at {cache}, "
            "and downloading is disabled (allow_download=False).",
            variable=MNIST_DIR_ENV,
        )
    return _download()


def _load_from_directory(folder: Path) -> MnistData:
    """Load from an explicitly chosen directory, turning every problem into one error."""
    if not folder.is_dir():
        raise MnistUnavailableError(
            "mnist.folder_unusable",
            f"The MNIST directory {folder} does not exist.",
            folder=str(folder),
            variable=MNIST_DIR_ENV,
        )
    try:
        return _load_idx_directory(str(folder.resolve()))
    except (ValueError, OSError) as exc:
        raise MnistUnavailableError(
            "mnist.folder_unusable",
            f"Could not read MNIST from {folder}: {exc}",
            folder=str(folder),
            variable=MNIST_DIR_ENV,
        ) from exc


def preprocess_images(x: np.ndarray) -> np.ndarray:
    """Flatten MNIST images and scale pixels 0..255 to float32 in [0, 1].

    Args:
        x: a batch of images, shape ``(n, 28, 28)`` or ``(n, 784)``, values 0..255.
            For a single image pass ``x[None]``.

    Returns:
        A new float32 array of shape ``(n, 784)``, the input of a Dense network.
    """
    x = np.asarray(x)
    if x.ndim < 2 or math.prod(x.shape[1:]) != math.prod(IMAGE_SHAPE):
        raise ValueError(
            f"expected a batch of 28x28 images, shape (n, 28, 28) or (n, 784), got {x.shape}"
        )
    if x.size and (x.min() < 0 or x.max() > 255):
        raise ValueError(
            f"pixel values must lie in 0..255, got {x.min()}..{x.max()} "
            "(are the images already scaled?)"
        )
    return x.reshape(len(x), -1).astype(np.float32) / np.float32(255.0)


def one_hot(y: np.ndarray, num_classes: int = NUM_CLASSES) -> np.ndarray:
    """One-hot encode integer labels, like ``keras.utils.to_categorical`` (numpy only).

    Args:
        y: integer labels in ``0 .. num_classes - 1``, shape ``(n,)``.
        num_classes: length of each one-hot vector.

    Returns:
        A float32 array of shape ``(n, num_classes)`` with a single 1 in each row.
    """
    y = np.asarray(y)
    if y.ndim != 1 or (y.size and not np.issubdtype(y.dtype, np.integer)):
        raise ValueError(f"expected a 1-D array of integer labels, got {y.dtype} {y.shape}")
    if num_classes < 1:
        raise ValueError(f"num_classes must be at least 1, got {num_classes}")
    if y.size and (y.min() < 0 or y.max() >= num_classes):
        raise ValueError(f"labels must lie in 0..{num_classes - 1}, got {y.min()}..{y.max()}")
    encoded = np.zeros((len(y), num_classes), dtype=np.float32)
    encoded[np.arange(len(y)), y] = 1.0
    return encoded


# ------------------------------------------------------------------------------ helpers


def _expected_files() -> str:
    """The file names the loader looks for, for error messages."""
    return ", ".join(f"{stem}[.gz]" for stem in _IDX_NAMES.values())


def _technical_message(problem: str) -> str:
    """The lecturer's text of every MnistUnavailableError: the problem and how to fix it."""
    return (
        f"MNIST is not available. {problem}\n"
        f"To fix it, set the environment variable {MNIST_DIR_ENV} to a directory with the "
        f"MNIST idx files ({_expected_files()}; the two t10k files alone are enough), "
        f"e.g. {MNIST_DIR_ENV}=../shared/data/mnist, or leave it unset on a machine with "
        "internet access so that keras.datasets.mnist.load_data() can download MNIST."
    )


def _frozen(
    x_train: np.ndarray, y_train: np.ndarray, x_test: np.ndarray, y_test: np.ndarray, source: str
) -> MnistData:
    """Wrap arrays in MnistData, read-only so the shared cached copy cannot be altered."""
    arrays = [np.asarray(a) for a in (x_train, y_train, x_test, y_test)]
    for array in arrays:
        array.flags.writeable = False
    return MnistData(*arrays, source=source)
