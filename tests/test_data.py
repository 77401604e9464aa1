"""Tests of widgets.data: the MNIST loader (offline only) and the toy 2-D sets."""

from __future__ import annotations

import gzip
import os
import struct
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from student_errors import assert_student_error

from widgets.data import (
    BLOBS_NORMAL,
    BLOBS_OFFSET,
    GATES,
    MNIST_DIR_ENV,
    MnistUnavailableError,
    blobs_with_margin,
    circles,
    gaussian_bump,
    gaussian_clusters,
    keras_cache_file,
    load_mnist,
    logic_gate,
    one_hot,
    plane,
    preprocess_images,
    read_idx,
    spirals,
    xor_quadrants,
)
from widgets.data import mnist as mnist_module
from widgets.data.toy import ToyDataError

REPO = Path(__file__).resolve().parents[1]
SHARED_MNIST = REPO.parent / "shared" / "data" / "mnist"
T10K_IMAGES = "t10k-images-idx3-ubyte"
T10K_LABELS = "t10k-labels-idx1-ubyte"


# ------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def mnist_dir() -> Path:
    """The real MNIST idx directory: an already-set DL_COURSE_MNIST_DIR, else ../shared."""
    configured = os.environ.get(MNIST_DIR_ENV)
    path = Path(configured) if configured else SHARED_MNIST
    if not path.is_dir():
        pytest.skip(f"no MNIST idx files at {path}")
    return path


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Isolate every test from the machine's Keras cache and make any download fail loudly."""
    keras_home = tmp_path / "keras_home"
    keras_home.mkdir()
    monkeypatch.setenv("KERAS_HOME", str(keras_home))

    def no_download():
        raise AssertionError("a test tried to download MNIST")

    monkeypatch.setattr(mnist_module, "_download", no_download)
    return keras_home


@pytest.fixture
def real_mnist_env(monkeypatch: pytest.MonkeyPatch, mnist_dir: Path) -> Path:
    monkeypatch.setenv(MNIST_DIR_ENV, str(mnist_dir))
    return mnist_dir


@pytest.fixture
def t10k_only_dir(tmp_path: Path, mnist_dir: Path) -> Path:
    """A directory holding only the real t10k files (links), whatever mnist_dir holds."""
    folder = tmp_path / "t10k_only"
    folder.mkdir()
    for stem in (T10K_IMAGES, T10K_LABELS):
        source = mnist_module._find_idx_file(mnist_dir, stem)
        if source is None:
            pytest.skip(f"{mnist_dir} has no {stem}")
        (folder / source.name).symlink_to(source)
    return folder


def write_idx(path: Path, array: np.ndarray, compress: bool = False) -> Path:
    """Write a uint8 array as an idx file (the inverse of read_idx), gzipped if asked."""
    array = np.asarray(array, dtype=np.uint8)
    header = bytes([0, 0, 0x08, array.ndim]) + struct.pack(f">{array.ndim}I", *array.shape)
    data = header + array.tobytes()
    path.write_bytes(gzip.compress(data) if compress else data)
    return path


def fake_mnist(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    images = rng.integers(0, 256, size=(n, 28, 28), dtype=np.uint8)
    labels = rng.integers(0, 10, size=n, dtype=np.uint8)
    return images, labels


# ---------------------------------------------------------------- MNIST, real files


def test_real_mnist_shapes_and_dtypes(real_mnist_env: Path) -> None:
    data = load_mnist(allow_download=False)
    for images, labels in data.as_tuples():
        assert images.dtype == np.uint8 and labels.dtype == np.uint8
        assert images.ndim == 3 and images.shape[1:] == (28, 28)
        assert labels.shape == (images.shape[0],)
        assert labels.min() == 0 and labels.max() == 9
        assert images.max() == 255  # real digits have saturated strokes
    assert len(data.x_train) > len(data.x_test) > 0
    assert str(Path(real_mnist_env).resolve()) in data.source  # the loader resolves links


def test_real_mnist_label_histogram_is_plausible(real_mnist_env: Path) -> None:
    data = load_mnist(allow_download=False)
    for labels in (data.y_train, data.y_test):
        share = np.bincount(labels, minlength=10) / len(labels)
        assert len(share) == 10
        assert np.all((share >= 0.05) & (share <= 0.15)), share


def test_test_only_directory_is_split_8000_2000(
    monkeypatch: pytest.MonkeyPatch, t10k_only_dir: Path
) -> None:
    monkeypatch.setenv(MNIST_DIR_ENV, str(t10k_only_dir))
    data = load_mnist(allow_download=False)
    raw_images = read_idx(next(t10k_only_dir.glob(T10K_IMAGES + "*")))
    raw_labels = read_idx(next(t10k_only_dir.glob(T10K_LABELS + "*")))
    assert raw_images.shape == (10_000, 28, 28)
    assert (len(data.x_train), len(data.x_test)) == (8_000, 2_000)
    # Deterministic: the first 8,000 in file order train, the last 2,000 test.
    np.testing.assert_array_equal(data.x_train, raw_images[:8_000])
    np.testing.assert_array_equal(data.y_test, raw_labels[8_000:])
    assert "8,000 train / 2,000 test" in data.source
    assert "test set" in data.source


def test_loads_are_cached_and_read_only(real_mnist_env: Path) -> None:
    first = load_mnist(allow_download=False)
    assert load_mnist(allow_download=False) is first
    with pytest.raises(ValueError, match="read-only"):
        first.x_train[0, 0, 0] = 1


def test_mnist_module_imports_without_tensorflow() -> None:
    code = (
        "import sys, widgets.data.mnist, widgets.data; "
        "heavy = [m for m in ('tensorflow', 'keras') if m in sys.modules]; "
        "print(heavy); sys.exit(1 if heavy else 0)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stdout + done.stderr


# ----------------------------------------------------------- MNIST, synthetic files


def test_full_directory_reads_train_and_test(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    train, test = fake_mnist(30, seed=1), fake_mnist(12, seed=2)
    write_idx(tmp_path / "train-images-idx3-ubyte", train[0])
    write_idx(tmp_path / "train-labels-idx1-ubyte.gz", train[1], compress=True)
    write_idx(tmp_path / "t10k-images.idx3-ubyte.gz", test[0], compress=True)  # mirror name
    write_idx(tmp_path / "t10k-labels-idx1-ubyte", test[1])
    monkeypatch.setenv(MNIST_DIR_ENV, str(tmp_path))
    data = load_mnist(allow_download=False)
    np.testing.assert_array_equal(data.x_train, train[0])
    np.testing.assert_array_equal(data.y_train, train[1])
    np.testing.assert_array_equal(data.x_test, test[0])
    np.testing.assert_array_equal(data.y_test, test[1])
    assert "30 train / 12 test" in data.source


def test_directory_argument_overrides_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    images, labels = fake_mnist(10, seed=3)
    write_idx(tmp_path / T10K_IMAGES, images)
    write_idx(tmp_path / T10K_LABELS, labels)
    monkeypatch.setenv(MNIST_DIR_ENV, str(tmp_path / "does-not-exist"))
    data = load_mnist(tmp_path, allow_download=False)
    assert (len(data.x_train), len(data.x_test)) == (8, 2)


def test_missing_directory_names_the_variable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(MNIST_DIR_ENV, str(tmp_path / "nowhere"))
    with pytest.raises(MnistUnavailableError, match=MNIST_DIR_ENV) as info:
        load_mnist(allow_download=False)
    assert "does not exist" in str(info.value)
    assert isinstance(info.value, RuntimeError)


def test_directory_without_files_lists_the_expected_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "README.txt").write_text("not MNIST")
    monkeypatch.setenv(MNIST_DIR_ENV, str(tmp_path))
    with pytest.raises(MnistUnavailableError, match=MNIST_DIR_ENV) as info:
        load_mnist(allow_download=False)
    assert T10K_IMAGES in str(info.value)


def test_directory_with_one_training_file_is_rejected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    images, labels = fake_mnist(10, seed=4)
    write_idx(tmp_path / T10K_IMAGES, images)
    write_idx(tmp_path / T10K_LABELS, labels)
    write_idx(tmp_path / "train-images-idx3-ubyte", images)
    monkeypatch.setenv(MNIST_DIR_ENV, str(tmp_path))
    with pytest.raises(MnistUnavailableError, match="train-labels is missing"):
        load_mnist(allow_download=False)


CORRUPT_FILES = {
    "bad magic": bytes([0x12, 0x34, 0x08, 0x03]) + struct.pack(">3I", 2, 28, 28) + bytes(1568),
    "truncated": bytes([0, 0, 0x08, 0x03]) + struct.pack(">3I", 2, 28, 28) + bytes(1000),
    "trailing bytes": bytes([0, 0, 0x08, 0x03]) + struct.pack(">3I", 2, 28, 28) + bytes(1600),
    "bad gzip": b"\x1f\x8b" + b"this is not deflate data" * 4,
    "too short": b"\x00\x00",
}
CORRUPT_MESSAGES = {
    "bad magic": "magic number",
    "truncated": "truncated or corrupt",
    "trailing bytes": "truncated or corrupt",
    "bad gzip": "gzip",
    "too short": "too short",
}


@pytest.mark.parametrize("kind", CORRUPT_FILES)
def test_corrupt_idx_file_gives_a_clear_error(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_idx(tmp_path / T10K_LABELS, np.zeros(2, dtype=np.uint8))
    (tmp_path / T10K_IMAGES).write_bytes(CORRUPT_FILES[kind])
    with pytest.raises(ValueError, match=CORRUPT_MESSAGES[kind]):
        read_idx(tmp_path / T10K_IMAGES)
    monkeypatch.setenv(MNIST_DIR_ENV, str(tmp_path))
    with pytest.raises(MnistUnavailableError, match=MNIST_DIR_ENV) as info:
        load_mnist(allow_download=False)
    assert T10K_IMAGES in str(info.value)
    assert isinstance(info.value.__cause__, ValueError)


def test_idx_file_with_wrong_image_size_is_rejected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_idx(tmp_path / T10K_IMAGES, np.zeros((5, 10, 10)))
    write_idx(tmp_path / T10K_LABELS, np.zeros(5))
    monkeypatch.setenv(MNIST_DIR_ENV, str(tmp_path))
    with pytest.raises(MnistUnavailableError, match=r"\(n, 28, 28\)"):
        load_mnist(allow_download=False)


def test_read_idx_parses_multibyte_big_endian(tmp_path: Path) -> None:
    values = np.array([[1, -2], [300, 70000]], dtype=">i4")
    header = bytes([0, 0, 0x0C, 2]) + struct.pack(">2I", 2, 2)
    (tmp_path / "ints.idx").write_bytes(header + values.tobytes())
    np.testing.assert_array_equal(read_idx(tmp_path / "ints.idx"), [[1, -2], [300, 70000]])


# ---------------------------------------------------------------- MNIST, Keras cache


def write_keras_cache(keras_home: Path) -> dict[str, np.ndarray]:
    (x_train, y_train), (x_test, y_test) = fake_mnist(20, seed=5), fake_mnist(6, seed=6)
    arrays = {"x_train": x_train, "y_train": y_train, "x_test": x_test, "y_test": y_test}
    (keras_home / "datasets").mkdir()
    np.savez(keras_home / "datasets" / "mnist.npz", **arrays)
    return arrays


def test_keras_cache_location_respects_keras_home(offline: Path) -> None:
    assert keras_cache_file() == offline / "datasets" / "mnist.npz"


@pytest.mark.parametrize("env_value", [None, ""])
def test_keras_cache_is_read_when_variable_is_unset(
    env_value: str | None, offline: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    arrays = write_keras_cache(offline)
    if env_value is None:
        monkeypatch.delenv(MNIST_DIR_ENV, raising=False)
    else:
        monkeypatch.setenv(MNIST_DIR_ENV, env_value)  # empty counts as unset
    data = load_mnist(allow_download=False)
    np.testing.assert_array_equal(data.x_train, arrays["x_train"])
    np.testing.assert_array_equal(data.y_test, arrays["y_test"])
    assert "Keras cache" in data.source and str(offline) in data.source
    assert not data.x_train.flags.writeable  # the cached copy is shared between lessons


def test_no_source_and_no_download_names_the_variable(
    offline: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(MNIST_DIR_ENV, raising=False)
    with pytest.raises(MnistUnavailableError, match=MNIST_DIR_ENV) as info:
        load_mnist(allow_download=False)
    assert "allow_download=False" in str(info.value)


def test_corrupt_keras_cache_says_to_delete_it(
    offline: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(MNIST_DIR_ENV, raising=False)
    (offline / "datasets").mkdir()
    (offline / "datasets" / "mnist.npz").write_bytes(b"PK\x03\x04 broken zip")
    with pytest.raises(MnistUnavailableError, match="Delete it"):
        load_mnist(allow_download=False)


# ---------------------------------------------------------------- MNIST, helpers


def test_preprocess_images_flattens_and_scales() -> None:
    images = np.array([np.full((28, 28), 255), np.zeros((28, 28))], dtype=np.uint8)
    images[1, 3, 4] = 51
    x = preprocess_images(images)
    assert x.shape == (2, 784) and x.dtype == np.float32
    assert x[0].min() == 1.0 and x[1].max() == pytest.approx(0.2)
    assert x[1, 3 * 28 + 4] == pytest.approx(0.2)  # row-major flattening
    np.testing.assert_array_equal(preprocess_images(images.reshape(2, 784)), x)


@pytest.mark.parametrize(
    "bad", [np.zeros((28, 28)), np.zeros((3, 27, 28)), np.full((1, 784), 300.0), -np.ones((1, 784))]
)
def test_preprocess_images_rejects_bad_input(bad: np.ndarray) -> None:
    with pytest.raises(ValueError):
        preprocess_images(bad)


def test_one_hot_matches_identity_rows() -> None:
    y = np.array([3, 0, 9, 3], dtype=np.uint8)
    encoded = one_hot(y, 10)
    assert encoded.shape == (4, 10) and encoded.dtype == np.float32
    np.testing.assert_array_equal(encoded, np.eye(10, dtype=np.float32)[y])
    np.testing.assert_array_equal(encoded.argmax(axis=1), y)


@pytest.mark.parametrize("labels", [[0, 10], [-1, 2], [0.5, 1.0], [[1, 2]]])
def test_one_hot_rejects_bad_labels(labels: list) -> None:
    with pytest.raises(ValueError):
        one_hot(np.array(labels), 10)


# ------------------------------------------------------------------------ toy sets

CLASSIFICATION = [blobs_with_margin, circles, xor_quadrants, spirals, gaussian_clusters]
REGRESSION = [plane, gaussian_bump]


@pytest.mark.parametrize("make", CLASSIFICATION + REGRESSION)
def test_toy_shapes_and_dtypes(make) -> None:
    X, y = make(n=101, noise=0.1, seed=0)
    assert X.shape == (101, 2) and X.dtype == np.float32
    assert y.shape == (101,)
    expected_kind = "i" if make in CLASSIFICATION else "f"
    assert y.dtype.kind == expected_kind
    assert np.isfinite(X).all()


@pytest.mark.parametrize("make", CLASSIFICATION + REGRESSION)
def test_toy_sets_are_reproducible_per_seed(make) -> None:
    X1, y1 = make(n=60, noise=0.2, seed=7)
    X2, y2 = make(n=60, noise=0.2, seed=7)
    X3, _ = make(n=60, noise=0.2, seed=8)
    np.testing.assert_array_equal(X1, X2)
    np.testing.assert_array_equal(y1, y2)
    assert not np.array_equal(X1, X3)


@pytest.mark.parametrize("make", [blobs_with_margin, circles, spirals, gaussian_clusters])
def test_two_class_sets_are_balanced_and_shuffled(make) -> None:
    _, y = make(n=200, noise=0.0, seed=1)
    np.testing.assert_array_equal(np.bincount(y), [100, 100])
    assert 0 < y[:100].sum() < 100  # not one class first


def test_xor_quadrants_labels_follow_the_signs() -> None:
    X, y = xor_quadrants(n=400, noise=0.0, seed=2)
    np.testing.assert_array_equal(y, (X[:, 0] > 0) != (X[:, 1] > 0))
    assert np.abs(X).min() >= 0.3 - 1e-6  # the gap around the axes
    assert 0.4 < y.mean() < 0.6


def test_xor_quadrants_noise_flips_some_labels() -> None:
    X, y = xor_quadrants(n=400, noise=0.5, seed=2)
    assert (y != ((X[:, 0] > 0) != (X[:, 1] > 0))).sum() > 10


def test_circles_disc_inside_ring() -> None:
    X, y = circles(n=400, noise=0.0, seed=3)
    r = np.hypot(X[:, 0], X[:, 1])
    assert r[y == 1].max() < 2.5 and r[y == 0].min() >= 3.5 - 1e-5
    assert r.max() <= 5.0 + 1e-5


@pytest.mark.parametrize("classes", [2, 3, 4, 5])
@pytest.mark.parametrize("make", [spirals, gaussian_clusters])
def test_multiclass_sets_have_every_class(make, classes: int) -> None:
    _, y = make(n=100, noise=0.1, seed=4, classes=classes)
    counts = np.bincount(y)
    assert len(counts) == classes
    assert counts.max() - counts.min() <= 1


def test_gaussian_clusters_match_playground_centres() -> None:
    X, y = gaussian_clusters(n=400, noise=0.0, seed=5)
    centres = np.array([X[y == k].mean(axis=0) for k in (0, 1)])
    np.testing.assert_allclose(centres, [[2, 2], [-2, -2]], atol=0.25)


def test_spiral_arms_differ_by_rotation() -> None:
    X, y = spirals(n=300, noise=0.0, seed=6, classes=3)
    radii = [np.sort(np.hypot(*X[y == k].T)) for k in range(3)]
    np.testing.assert_allclose(radii[0], radii[1], atol=1e-5)  # same arm shape
    assert radii[0].max() <= 5.0
    assert not np.allclose(np.sort(X[y == 0, 0]), np.sort(X[y == 1, 0]))


def test_plane_targets_are_the_plane() -> None:
    X, y = plane(n=50, noise=0.0, seed=7)
    assert y.dtype == np.float32
    np.testing.assert_allclose(y, (X[:, 0] + X[:, 1]) / 10, rtol=1e-5, atol=1e-6)
    _, y_noisy = plane(n=50, noise=0.3, seed=7)
    assert np.abs(y_noisy - y).max() > 0.05


def test_gaussian_bump_targets_are_the_bump() -> None:
    X, y = gaussian_bump(n=500, noise=0.0, seed=8)
    np.testing.assert_allclose(y, np.exp(-(X**2).sum(axis=1) / 8), rtol=1e-5, atol=1e-7)
    assert 0 < y.min() and y.max() <= 1
    assert y.max() > 0.8  # some points near the peak


@pytest.mark.parametrize("margin", [0.0, 0.5, 2.0])
def test_blobs_margin_is_respected(margin: float) -> None:
    X, y = blobs_with_margin(n=200, margin=margin, noise=0.0, seed=9)
    signed = X.astype(np.float64) @ np.array(BLOBS_NORMAL) + BLOBS_OFFSET
    side = np.where(y == 1, 1.0, -1.0)
    distance = side * signed  # distance to the true line, positive on the correct side
    assert distance.min() >= margin / 2 - 1e-5  # separable, each class margin/2 away
    gap = distance[y == 1].min() + distance[y == 0].min()
    assert margin - 1e-5 <= gap < margin + 0.5  # the band is as wide as asked, not wider


def test_blobs_noise_can_break_separability() -> None:
    X, y = blobs_with_margin(n=200, margin=0.5, noise=1.0, seed=9)
    distance = np.where(y == 1, 1.0, -1.0) * (X @ np.array(BLOBS_NORMAL) + BLOBS_OFFSET)
    assert (distance < 0).any()


@pytest.mark.parametrize("name", sorted(GATES))
def test_logic_gate_truth_tables(name: str) -> None:
    ops = {
        "AND": lambda a, b: a and b,
        "OR": lambda a, b: a or b,
        "XOR": lambda a, b: a != b,
        "NAND": lambda a, b: not (a and b),
        "NOR": lambda a, b: not (a or b),
    }
    X, y = logic_gate(name.lower())
    assert X.dtype == np.float32 and X.shape == (4, 2) and y.shape == (4,)
    expected = [int(bool(ops[name](bool(a), bool(b)))) for a, b in X.astype(int)]
    np.testing.assert_array_equal(y, expected)
    Xb, yb = logic_gate(name, encoding="bipolar")
    np.testing.assert_array_equal(Xb, 2 * X - 1)
    np.testing.assert_array_equal(yb, 2 * y - 1)
    assert set(np.unique(Xb)) == {-1.0, 1.0}


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: circles(n=0), "n must be at least"),
        (lambda: plane(n=-3), "n must be at least"),
        (lambda: xor_quadrants(n=2.5), "whole number"),
        (lambda: spirals(classes=1), "classes"),
        (lambda: gaussian_clusters(classes=6), "classes"),
        (lambda: gaussian_bump(noise=-0.1), "noise"),
        (lambda: blobs_with_margin(margin=-1.0), "margin"),
        (lambda: logic_gate("XNOR"), "Unknown gate"),
        (lambda: logic_gate("AND", encoding="ternary"), "encoding"),
    ],
)
def test_toy_arguments_are_validated(call, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        call()


@pytest.mark.parametrize(
    ("call", "key", "words", "cause"),
    [
        (lambda: circles(n=0), "n_low", "co najmniej 2, a podano 0", ""),
        (lambda: xor_quadrants(n=2.5), "n_whole", "Liczba punktów n musi być", "TypeError"),
        (lambda: spirals(classes=1), "classes", "od 2 do 5", ""),
        (lambda: gaussian_bump(noise=-0.1), "noise", "Szum (noise) musi być", ""),
        (lambda: plane(noise="mało"), "noise", "nie mniejszą od 0", "could not convert"),
        (lambda: blobs_with_margin(margin=float("inf")), "margin", "Margines (margin)", ""),
        (lambda: logic_gate("XNOR"), "gate", "Nieznana bramka 'XNOR'; dostępne: AND", ""),
        (lambda: logic_gate("AND", encoding="ternary"), "encoding", "dostępne: binary", ""),
    ],
)
def test_toy_arguments_are_told_in_polish(call, key, words, cause) -> None:
    with pytest.raises(ToyDataError) as info:
        call()
    names = ("XNOR AND OR XOR NAND NOR", "ternary binary bipolar", "noise margin classes")
    sentence, details = assert_student_error(info.value, f"toy_data.{key}", *names)
    assert words in sentence
    assert cause in details if cause else details == ""
    assert str(info.value) == info.value.message("en")  # a notebook's traceback: English
