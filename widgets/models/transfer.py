"""Transfer learning that works offline: a small CNN learns MNIST (the *source*), then its
features serve a different, small data set (the *target*).

Two examples (``EXAMPLES``):

- ``"digits"``: MNIST → scikit-learn's bundled 8×8 digits (``load_digits``, 1,797 images,
  values 0–16, no download), enlarged to 28×28 and scaled like MNIST (:func:`sklearn_digits`);
- ``"split"``: the classic Keras ``mnist_transfer_cnn`` recipe: the source learns the digits
  0–4, the target is the digits 5–9 (labels 0–4 after subtracting 5).

The target is split once into a fixed held-out test set (``TEST_PER_CLASS`` images of each
class, always drawn with seed 0) and a pool from which ``labels_per_class`` training images
of each class are drawn with the run's seed (:func:`target_split`): "how many labelled
examples does the new task need?".

Three runs (``RUNS``) on the same target data, each a fresh model of the same architecture
(:func:`build_transfer`):

- ``"frozen"``: the source's feature extractor (``base``) with ``base.trainable = False``,
  called with ``training=False``, and a new softmax head: only the head learns;
- ``"fine_tuned"``: the same, but ``base.trainable = True`` and a learning rate 30 times
  lower than the new head's alone (``LEARNING_RATES``), so the source's features are adjusted, not destroyed; its
  BatchNormalization layer stays frozen (``bn.trainable = False``), which in Keras 3 also
  keeps it in inference mode: it normalises with the source's statistics and does not
  update them. (Calling the base with ``training=False`` when building the model, as the
  keras.io guide used to say, does not do it in Keras 3: ``fit`` calls the model with
  ``training=True``, which wins – keras-team/keras#20285; tests/test_transfer.py checks
  both.)
- ``"scratch"``: the same architecture from new random weights, everything trainable.

Keras 3's freezing rules shown by :func:`summary_rows` / :func:`freeze_report`: setting
``layer.trainable = False`` moves its weights to ``non_trainable_weights`` (a nested model's
flag applies to every layer inside it); ``compile`` must come after the change, because
the compiled training step keeps the list of variables it updates; BatchNormalization's
moving mean and variance are non-trainable even when the layer is trainable.

Keras is imported inside the functions (the dashboard shows before TensorFlow loads).
"""

from __future__ import annotations

import functools
import os
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import StudentError
from ..i18n import Strings

IMAGE = 28
EXAMPLES = ("digits", "split")
RUNS = ("frozen", "fine_tuned", "scratch")
TEST_PER_CLASS = 50  # the fixed held-out test set: 500 images (digits), 250 (split)
# The head alone takes a high rate: with a few images an epoch is one batch, and at 0.01 the
# frozen run rose slower than the one from scratch for its first 10 epochs (accuracy 0.27–0.43
# after 10 epochs at 3 labels per class, against 0.76–0.83 at 0.03; the same at the end).
LEARNING_RATES = {"frozen": 3e-2, "fine_tuned": 1e-3, "scratch": 1e-3}
FEATURES = 64  # the width of the base's last layer, the features the head sees
BATCH = 32
SOURCE_EPOCHS = 2
SOURCE_IMAGES = 8000  # MNIST images the source learns from (the dashboard's budget)
#: Bump when the source's architecture or training changes: cached weights then go stale.
SOURCE_VERSION = 1
CACHE_ENV = "DL_COURSE_CACHE_DIR"

TEXT = Strings(
    "transfer_model",
    {
        "bad_example": {
            "pl": "Nie ma przykładu {value!r}; dostępne: {names}.",
            "en": "There is no example {value!r}; available: {names}.",
        },
        "bad_labels": {
            "pl": "Liczba przykładów na klasę musi być liczbą całkowitą od 1 do {high}, "
            "a podano {value}.",
            "en": "The examples per class must be a whole number from 1 to {high}, got {value}.",
        },
        "bad_run": {
            "pl": "Nie ma przebiegu {value!r}; dostępne: {names}.",
            "en": "There is no run {value!r}; available: {names}.",
        },
        "no_runs": {
            "pl": "Wybierz co najmniej jeden przebieg: zamrożony, dostrajany albo od zera.",
            "en": "Choose at least one run: frozen, fine-tuned or from scratch.",
        },
        "bad_epochs": {
            "pl": "Liczba epok musi być liczbą całkowitą od 1 do {high}, a podano {value}.",
            "en": "The number of epochs must be a whole number from 1 to {high}, got {value}.",
        },
    },
)


def check_example(example) -> str:
    if not isinstance(example, str) or example not in EXAMPLES:
        raise StudentError("transfer_model.bad_example", value=example, names=", ".join(EXAMPLES))
    return example


def check_runs(runs) -> tuple[str, ...]:
    """The runs asked for, in ``RUNS`` order; a StudentError for none or an unknown one."""
    if isinstance(runs, str):
        runs = (runs,)
    try:
        runs = tuple(runs)
    except TypeError:
        raise StudentError("transfer_model.bad_run", value=runs, names=", ".join(RUNS)) from None
    for run in runs:
        if run not in RUNS:
            raise StudentError("transfer_model.bad_run", value=run, names=", ".join(RUNS))
    if not runs:
        raise StudentError("transfer_model.no_runs")
    return tuple(run for run in RUNS if run in runs)


def _whole(value) -> bool:
    return isinstance(value, int | np.integer) and not isinstance(value, bool)


def check_epochs(epochs, high: int = 200) -> int:
    if not (_whole(epochs) and 1 <= epochs <= high):
        raise StudentError("transfer_model.bad_epochs", high=high, value=epochs)
    return int(epochs)


# Data -------------------------------------------------------------------------------------
def _linear_matrix(n_in: int, n_out: int) -> np.ndarray:
    """``(n_out, n_in)`` weights of a linear interpolation (pixel centres aligned)."""
    centres = (np.arange(n_out) + 0.5) * n_in / n_out - 0.5
    centres = np.clip(centres, 0, n_in - 1)
    low = np.floor(centres).astype(int)
    high = np.minimum(low + 1, n_in - 1)
    frac = centres - low
    matrix = np.zeros((n_out, n_in))
    matrix[np.arange(n_out), low] += 1 - frac
    matrix[np.arange(n_out), high] += frac
    return matrix


def enlarge_digits(images: np.ndarray, box: int = 20) -> np.ndarray:
    """8×8 images with values 0–16 → float32 ``(n, 28, 28, 1)`` in [0, 1]: enlarged to
    ``box``×``box`` by linear interpolation and put in the middle of a 28×28 field, as
    MNIST's digits sit (20×20 in 28×28)."""
    images = np.asarray(images, dtype=np.float64).reshape(-1, 8, 8) / 16.0
    m = _linear_matrix(8, box)
    big = np.einsum("ij,njk,lk->nil", m, images, m)
    field = np.zeros((len(images), IMAGE, IMAGE), dtype=np.float32)
    margin = (IMAGE - box) // 2
    field[:, margin : margin + box, margin : margin + box] = np.clip(big, 0.0, 1.0)
    return field[..., None]


@functools.cache
def sklearn_digits() -> tuple[np.ndarray, np.ndarray]:
    """scikit-learn's 8×8 digits (bundled, offline) as 28×28 MNIST-like images, labels
    (read-only: loaded once)."""
    from sklearn.datasets import load_digits

    digits = load_digits()
    return _read_only(enlarge_digits(digits.images), np.asarray(digits.target, dtype=np.int64))


def _read_only(*arrays: np.ndarray) -> tuple[np.ndarray, ...]:
    for array in arrays:
        array.flags.writeable = False
    return arrays


@functools.cache
def _mnist(n_images: int | None = None):
    from ..data import load_mnist

    data = load_mnist()
    x_train = np.asarray(data.x_train[:n_images], dtype=np.float32)[..., None] / 255.0
    x_test = np.asarray(data.x_test, dtype=np.float32)[..., None] / 255.0
    return _read_only(x_train, np.asarray(data.y_train[:n_images]), x_test, np.asarray(data.y_test))


def source_classes(example: str) -> int:
    return 10 if check_example(example) == "digits" else 5


def source_data(example: str, n_images: int = SOURCE_IMAGES) -> tuple[np.ndarray, np.ndarray]:
    """The source's training images and labels: the first ``n_images`` MNIST training
    images (``"split"``: those of them showing 0–4)."""
    x, y, _, _ = _mnist(n_images)
    if check_example(example) == "split":
        keep = y < 5
        x, y = x[keep], y[keep]
    return x, y


def target_pool(example: str) -> tuple[np.ndarray, np.ndarray]:
    """All the target's images and labels (0 … classes − 1) before the split."""
    if check_example(example) == "digits":
        return sklearn_digits()
    x_train, y_train, x_test, y_test = _mnist()
    x, y = np.concatenate([x_train, x_test]), np.concatenate([y_train, y_test])
    keep = y >= 5
    return x[keep], y[keep] - 5


@dataclass
class TargetSplit:
    """The target's training images (``labels_per_class`` of each class) and the fixed
    held-out test set."""

    x_train: np.ndarray
    y_train: np.ndarray
    x_test: np.ndarray
    y_test: np.ndarray
    classes: int
    labels_per_class: int
    max_per_class: int  # the most any labels_per_class can be (the smallest class's pool)


def _test_indices(y: np.ndarray, classes: int) -> np.ndarray:
    """``TEST_PER_CLASS`` images of each class, always the same (seed 0)."""
    rng = np.random.default_rng(0)
    return np.concatenate(
        [rng.permutation(np.flatnonzero(y == c))[:TEST_PER_CLASS] for c in range(classes)]
    )


def max_labels_per_class(y: np.ndarray, classes: int) -> int:
    return int(min(np.sum(y == c) for c in range(classes))) - TEST_PER_CLASS


def split_target(x, y, classes: int, labels_per_class, seed: int = 0) -> TargetSplit:
    """A fixed test set, and ``labels_per_class`` training images of each class drawn from
    the rest with ``seed`` (ordered class by class, then shuffled with the same seed)."""
    test = _test_indices(y, classes)
    rest = np.setdiff1d(np.arange(len(y)), test)
    high = max_labels_per_class(y, classes)
    if not (_whole(labels_per_class) and 1 <= labels_per_class <= high):
        raise StudentError("transfer_model.bad_labels", high=high, value=labels_per_class)
    rng = np.random.default_rng(seed)
    chosen = np.concatenate(
        [rng.permutation(rest[y[rest] == c])[:labels_per_class] for c in range(classes)]
    )
    chosen = rng.permutation(chosen)
    return TargetSplit(x[chosen], y[chosen], x[test], y[test], classes, int(labels_per_class), high)


def target_split(example: str, labels_per_class, seed: int = 0, pool=None) -> TargetSplit:
    """:func:`split_target` of the example's target (``pool``: its :func:`target_pool`,
    if already loaded)."""
    x, y = pool if pool is not None else target_pool(example)
    return split_target(x, y, 10 if example == "digits" else 5, labels_per_class, seed)


# Models -----------------------------------------------------------------------------------
def build_base(seed: int | None = 0):
    """The feature extractor: conv → pool → conv → BatchNormalization → ReLU → pool →
    flatten → dense(64, ReLU). A model of its own, so one flag freezes it all."""
    import keras

    if seed is not None:
        keras.utils.set_random_seed(seed)
    layers = keras.layers
    inputs = keras.Input((IMAGE, IMAGE, 1), name="image")
    x = layers.Conv2D(16, 3, activation="relu", name="conv1")(inputs)
    x = layers.MaxPooling2D(2, name="pool1")(x)
    x = layers.Conv2D(32, 3, use_bias=False, name="conv2")(x)
    x = layers.BatchNormalization(name="bn")(x)
    x = layers.Activation("relu", name="relu")(x)
    x = layers.MaxPooling2D(2, name="pool2")(x)
    x = layers.Flatten(name="flatten")(x)
    x = layers.Dense(FEATURES, activation="relu", name="features")(x)
    return keras.Model(inputs, x, name="base")


def _compile(model, learning_rate: float) -> None:
    import keras

    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )


def build_source(classes: int = 10, seed: int | None = 0):
    """The source CNN: the base and a softmax head over the source's classes, compiled."""
    import keras

    base = build_base(seed)
    inputs = keras.Input((IMAGE, IMAGE, 1), name="image")
    outputs = keras.layers.Dense(classes, activation="softmax", name="source_head")(base(inputs))
    model = keras.Model(inputs, outputs, name="source")
    _compile(model, 1e-3)
    return model


def train_source(
    example: str = "digits",
    n_images: int = SOURCE_IMAGES,
    epochs: int = SOURCE_EPOCHS,
    seed: int = 0,
    callbacks=(),
):
    """Build and fit the source CNN on MNIST (the example's classes); returns it."""
    x, y = source_data(example, n_images)
    model = build_source(source_classes(example), seed)
    model.fit(x, y, batch_size=BATCH, epochs=epochs, verbose=0, callbacks=list(callbacks))
    return model


def build_transfer(run: str, source, classes: int, seed: int = 0):
    """A fresh model for ``run`` (``RUNS``): a copy of the source's base (``"scratch"``: the
    same architecture, new random weights) and a new softmax head, compiled after the
    freeze with the run's learning rate."""
    import keras

    (run,) = check_runs(run)
    base = build_base(seed + 1)  # new random weights, seeded
    if run != "scratch":
        base.set_weights(source.get_layer("base").get_weights())
    base.trainable = run != "frozen"  # the whole nested model: every layer in it
    if run == "fine_tuned":  # BN frozen = in inference mode: the source's statistics stay
        base.get_layer("bn").trainable = False
    keras.utils.set_random_seed(seed + 2)  # the head's start, the same in every run
    inputs = keras.Input((IMAGE, IMAGE, 1), name="image")
    outputs = keras.layers.Dense(classes, activation="softmax", name="head")(base(inputs))
    model = keras.Model(inputs, outputs, name=run)
    _compile(model, LEARNING_RATES[run])  # after the freeze: compile reads the flags
    return model


def fit_data(split: TargetSplit, seed: int = 0) -> tuple:
    """``split`` as the course's ``tf.data`` batches (:func:`widgets.training.batches`): the
    training images shuffled every epoch (seeded), the test set for the per-epoch
    accuracy. From numpy arrays, Keras spent most of each short epoch setting up its
    pipeline: 20 epochs of 50 images with the test accuracy took 9.7–15.2 s here against
    3.0 s with these (on a busy machine)."""
    from ..training import batches

    train = batches(split.x_train, split.y_train, BATCH, shuffle=True, seed=seed)
    return train, batches(split.x_test, split.y_test, 256)


def fit_run(model, split: TargetSplit, epochs: int, seed: int = 0, validation: bool = True,
            callbacks=()):  # fmt: skip
    """``model.fit`` on the split's training images (and, if asked, the test accuracy
    after every epoch as ``val_accuracy``); returns the History."""
    train, test = fit_data(split, seed)
    kwargs = {"validation_data": test} if validation else {}
    return model.fit(
        train, epochs=epochs, verbose=0, callbacks=list(callbacks), shuffle=False, **kwargs
    )  # shuffle=False: the batches shuffle themselves (Keras would warn that it cannot)


def source_accuracy(source, split: TargetSplit) -> float | None:
    """The source's own head on the target's test set, with no new labels at all (only
    where the classes are the same: the ``"digits"`` example)."""
    if source.output_shape[-1] != split.classes or split.classes != 10:
        return None
    predictions = np.argmax(source.predict(split.x_test, verbose=0), axis=-1)
    return float(np.mean(predictions == split.y_test))


# Freezing, as the summary shows it ---------------------------------------------------------
def _count(weights) -> int:
    return int(sum(int(np.prod(w.shape)) for w in weights))


@dataclass(frozen=True)
class SummaryRow:
    """One layer of a transferred model: which weights train."""

    name: str
    kind: str
    params: int
    trainable: int
    non_trainable: int
    in_base: bool


def summary_rows(model) -> list[SummaryRow]:
    """Every layer with weights, the base's layers one by one, with trainable and
    non-trainable counts as ``model.summary()`` counts them."""
    rows = []
    for layer in model.layers:
        inner = layer.layers if hasattr(layer, "layers") else [layer]
        for sub in inner:
            if not sub.weights:
                continue
            rows.append(
                SummaryRow(
                    sub.name,
                    type(sub).__name__,
                    _count(sub.weights),
                    _count(sub.trainable_weights),
                    _count(sub.non_trainable_weights),
                    sub is not layer,
                )
            )
    return rows


def counts(model) -> tuple[int, int]:
    """(trainable, non-trainable) parameters of the whole model."""
    return _count(model.trainable_weights), _count(model.non_trainable_weights)


def freeze_report(model) -> dict[str, tuple[int, int]]:
    """Trainable/non-trainable counts of ``model`` before and after freezing its ``base``
    (the flag is put back afterwards): what ``model.summary()`` prints either way."""
    base = model.get_layer("base")
    was = base.trainable
    try:
        base.trainable = True
        before = counts(model)
        base.trainable = False
        after = counts(model)
    finally:
        base.trainable = was
    return {"before": before, "after": after}


# The source's cache ------------------------------------------------------------------------
def cache_folder() -> Path:
    """Where trained source weights are kept: ``$DL_COURSE_CACHE_DIR``, else
    ``$XDG_CACHE_HOME/dl-course``, else ``~/.cache/dl-course``."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV]).expanduser()
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "dl-course"


def cache_file(example: str, n_images: int, epochs: int, seed: int = 0) -> Path:
    name = f"transfer-source-v{SOURCE_VERSION}-{example}-{n_images}-{epochs}-{seed}.weights.h5"
    return cache_folder() / name


def load_or_train_source(
    example: str, n_images: int = SOURCE_IMAGES, epochs: int = SOURCE_EPOCHS, seed: int = 0,
    callbacks=(), use_cache: bool = True,
):  # fmt: skip
    """The source CNN from the cache if it is there (returns ``(model, True)``), else
    trained now and saved there (``(model, False)``; a folder that cannot be written only
    means no cache)."""
    path = cache_file(example, n_images, epochs, seed)
    if use_cache and path.is_file():
        model = build_source(source_classes(example), seed)
        try:
            with warnings.catch_warnings():  # the file holds Adam's state too: not needed
                warnings.filterwarnings("ignore", "Skipping variable loading for optimizer")
                model.load_weights(path)
            return model, True
        except Exception:  # noqa: BLE001  (a damaged or stale file: train again)
            path.unlink(missing_ok=True)
    model = train_source(example, n_images, epochs, seed, callbacks)
    if use_cache:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            model.save_weights(path)
        except OSError:
            pass
    return model, False
