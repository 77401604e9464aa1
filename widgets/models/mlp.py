"""The lecture's MNIST network as data: layer specs -> ``keras.Sequential``, checks, code.

The lecture (R keras cheat sheet) trains::

    Dense(256, relu) -> Dropout(0.4) -> Dense(128, relu) -> Dense(10, softmax)
    RMSprop, categorical cross-entropy, accuracy; 30 epochs, batch 128, validation 0.2

A dashboard edits a list of :class:`Layer` specs, a :class:`CompileSpec` and a
:class:`FitSpec`; :func:`check_layers` refuses a broken list with a :class:`SpecError`
whose ``key`` a dashboard translates (Polish/English); :func:`build_model` turns the specs
into a real Keras model; :func:`model_code` writes the same model as runnable Python, which
the student can paste into a cell (a test executes it and compares the architecture).

Keras is imported inside the functions that need it, so the specs, the checks and the code
generator work while TensorFlow is still loading.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

KINDS = ("dense", "dropout", "flatten", "activation")
ACTIVATIONS = ("relu", "sigmoid", "tanh", "softmax", "linear", "elu", "selu", "softplus")
OPTIMIZERS = ("rmsprop", "adam", "sgd")
LOSSES = ("categorical_crossentropy", "mean_squared_error")
MAX_UNITS = 4096
MAX_PARAMS = 5_000_000  # a Binder kernel has 1-2 GB; this keeps a model far below that
NUM_CLASSES = 10
EXPLODE_FACTOR = 100.0  # loss above this multiple of its first value: the fit diverged
FLAT_INPUT = (784,)  # the lecture reshapes each image into 784 numbers (array_reshape)
IMAGE_INPUT = (28, 28)


class SpecError(ValueError):
    """A layer list or setting that cannot be trained; ``key`` names the problem.

    ``values`` fill the dashboard's translated message; ``str()`` is an English fallback.
    """

    def __init__(self, key: str, message: str, **values: object):
        super().__init__(message)
        self.key = key
        self.values = values


@dataclass(frozen=True)
class Layer:
    """One layer of the builder: ``kind`` plus the settings that kind uses."""

    kind: str
    units: int = 0
    activation: str = ""
    rate: float = 0.0

    def label(self) -> str:
        """Short text for a list: ``Dense(256, relu)``, ``Dropout(0.4)``..."""
        name, arguments = self.call()
        return f"{name}({', '.join(str(value) for value in arguments.values())})"

    def call(self) -> tuple[str, dict]:
        """The Keras layer's class name and its arguments (the label and the code use it)."""
        if self.kind == "dense":
            return "Dense", {"units": self.units, "activation": self.activation}
        if self.kind == "dropout":
            return "Dropout", {"rate": self.rate}
        if self.kind == "activation":
            return "Activation", {"activation": self.activation}
        return "Flatten", {}


def dense(units: int, activation: str = "relu") -> Layer:
    return Layer("dense", units=int(units), activation=activation)


def dropout(rate: float) -> Layer:
    return Layer("dropout", rate=float(rate))


def flatten() -> Layer:
    return Layer("flatten")


def activation(name: str) -> Layer:
    return Layer("activation", activation=name)


LECTURE_LAYERS = (dense(256, "relu"), dropout(0.4), dense(128, "relu"), dense(10, "softmax"))


@dataclass(frozen=True)
class CompileSpec:
    """``model.compile`` settings; ``momentum`` is used by SGD only."""

    optimizer: str = "rmsprop"
    learning_rate: float = 0.001
    momentum: float = 0.9
    loss: str = "categorical_crossentropy"
    metrics: tuple[str, ...] = ("accuracy",)


@dataclass(frozen=True)
class Callbacks:
    """Which Keras callbacks ``fit`` gets (all off = the lecture's plain fit)."""

    early_stopping: bool = False
    patience: int = 3
    reduce_lr: bool = False
    tensorboard: bool = False
    log_dir: str = "logs/fit"


@dataclass(frozen=True)
class FitSpec:
    """``model.fit`` settings; the lecture's are the defaults."""

    epochs: int = 30
    batch_size: int = 128
    validation_split: float = 0.2
    callbacks: Callbacks = field(default_factory=Callbacks)


# ----------------------------------------------------------------------------- checks


def check_layer(layer: Layer, position: int) -> None:
    """Raise :class:`SpecError` if one layer's settings are impossible."""
    if layer.kind not in KINDS:
        raise SpecError("kind", f"layer {position}: unknown kind {layer.kind!r}", n=position)
    if layer.kind == "dense" and not 1 <= layer.units <= MAX_UNITS:
        raise SpecError(
            "units",
            f"layer {position}: Dense needs 1..{MAX_UNITS} units, not {layer.units}",
            n=position,
            value=layer.units,
            high=MAX_UNITS,
        )
    if layer.kind in ("dense", "activation") and layer.activation not in ACTIVATIONS:
        raise SpecError(
            "activation",
            f"layer {position}: unknown activation {layer.activation!r}",
            n=position,
            value=layer.activation,
        )
    if layer.kind == "dropout" and not (0.0 <= layer.rate < 1.0 and math.isfinite(layer.rate)):
        raise SpecError(
            "rate",
            f"layer {position}: a dropout rate must be in [0, 1), not {layer.rate}",
            n=position,
            value=layer.rate,
        )


def check_layers(layers, input_shape: tuple[int, ...] = FLAT_INPUT) -> None:
    """Raise :class:`SpecError` unless the list builds a 10-class probability model."""
    layers = list(layers)
    if not any(layer.kind == "dense" for layer in layers):
        raise SpecError("empty", "the model has no Dense layer: it cannot learn anything")
    for position, layer in enumerate(layers, start=1):
        check_layer(layer, position)
    last = next(layer for layer in reversed(layers) if layer.kind not in ("dropout", "flatten"))
    if last.activation != "softmax":
        raise SpecError("softmax", "the last layer must be softmax: the output is probabilities")
    shape = output_shape(layers, input_shape)
    if shape != (NUM_CLASSES,):
        raise SpecError(
            "output", f"the output has shape {shape}, MNIST needs (10,)", shape=str(shape)
        )
    params = count_params(layers, input_shape)
    if params > MAX_PARAMS:
        raise SpecError("too_big", f"{params:,} parameters is too many", params=f"{params:,}")


def output_shape(layers, input_shape: tuple[int, ...] = FLAT_INPUT) -> tuple[int, ...]:
    """The shape of one sample after ``layers`` (Dense acts on the last axis, as in Keras)."""
    shape = tuple(input_shape)
    for layer in layers:
        if layer.kind == "dense":
            shape = (*shape[:-1], layer.units)
        elif layer.kind == "flatten":
            shape = (math.prod(shape),)
    return shape


def count_params(layers, input_shape: tuple[int, ...] = FLAT_INPUT) -> int:
    """Trainable numbers in the model: each Dense has (inputs + 1) x units."""
    total, shape = 0, tuple(input_shape)
    for layer in layers:
        if layer.kind == "dense":
            total += (shape[-1] + 1) * layer.units
        shape = output_shape([layer], shape)
    return total


def check_fit(spec: FitSpec, n_samples: int) -> None:
    """Raise :class:`SpecError` for fit settings that cannot work with ``n_samples``."""
    if spec.epochs < 1:
        raise SpecError("epochs", f"epochs must be at least 1, not {spec.epochs}")
    if not 0.0 <= spec.validation_split < 1.0:
        raise SpecError("split", f"validation split must be in [0, 1), not {spec.validation_split}")
    n_train = int(n_samples * (1.0 - spec.validation_split))
    if not 1 <= spec.batch_size <= n_train:
        raise SpecError(
            "batch",
            f"batch size {spec.batch_size} is larger than the {n_train} training images",
            value=spec.batch_size,
            n=n_train,
        )


def check_compile(spec: CompileSpec) -> None:
    """Raise :class:`SpecError` for an unknown optimizer/loss or a useless learning rate."""
    if spec.optimizer not in OPTIMIZERS:
        raise SpecError("optimizer", f"unknown optimizer {spec.optimizer!r}")
    if spec.loss not in LOSSES:
        raise SpecError("loss", f"unknown loss {spec.loss!r}")
    if not (spec.learning_rate > 0 and math.isfinite(spec.learning_rate)):
        raise SpecError("lr", f"the learning rate must be positive, not {spec.learning_rate}")


# ----------------------------------------------------------------------------- Keras


def keras_layer(layer: Layer):
    """The Keras layer for one spec."""
    import keras

    if layer.kind == "dense":
        return keras.layers.Dense(layer.units, activation=layer.activation)
    if layer.kind == "dropout":
        return keras.layers.Dropout(layer.rate)
    if layer.kind == "activation":
        return keras.layers.Activation(layer.activation)
    return keras.layers.Flatten()


def build_model(
    layers=LECTURE_LAYERS,
    input_shape: tuple[int, ...] = FLAT_INPUT,
    seed: int | None = 0,
    name: str = "mnist_mlp",
):
    """A ``keras.Sequential`` for ``layers`` after :func:`check_layers` (seeded weights)."""
    import keras

    check_layers(layers, input_shape)
    if seed is not None:
        keras.utils.set_random_seed(seed)
    return keras.Sequential(
        [keras.Input(shape=input_shape), *(keras_layer(layer) for layer in layers)], name=name
    )


def make_optimizer(spec: CompileSpec):
    """The Keras optimizer object for ``spec`` (SGD gets its momentum)."""
    import keras

    check_compile(spec)
    if spec.optimizer == "sgd":
        return keras.optimizers.SGD(learning_rate=spec.learning_rate, momentum=spec.momentum)
    if spec.optimizer == "adam":
        return keras.optimizers.Adam(learning_rate=spec.learning_rate)
    return keras.optimizers.RMSprop(learning_rate=spec.learning_rate)


#: Batches Keras runs per call. Batch callbacks (live curves, Stop) then run every 8
#: batches instead of after each one, which forced a host sync per batch: the dashboard's
#: fit took 1.15x a bare fit with 1, and the math of training is the same.
STEPS_PER_EXECUTION = 8


def compile_model(model, spec: CompileSpec = CompileSpec()):
    """``model.compile`` with ``spec``; returns the model."""
    model.compile(
        optimizer=make_optimizer(spec),
        loss=spec.loss,
        metrics=list(spec.metrics),
        steps_per_execution=STEPS_PER_EXECUTION,
    )
    return model


def make_callbacks(spec: Callbacks) -> list:
    """The Keras callbacks switched on in ``spec`` (they watch ``val_loss``)."""
    import keras

    callbacks = []
    if spec.early_stopping:
        callbacks.append(
            keras.callbacks.EarlyStopping(
                monitor="val_loss", patience=spec.patience, restore_best_weights=True
            )
        )
    if spec.reduce_lr:
        callbacks.append(
            keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=2)
        )
    if spec.tensorboard:
        callbacks.append(keras.callbacks.TensorBoard(log_dir=spec.log_dir))
    return callbacks


#: Cross-entropy of a uniform guess over the 10 digits, ln 10: where training starts.
UNTRAINED_LOSS = math.log(NUM_CLASSES)


def nan_guard():
    """A callback that stops a diverging fit and puts back the last sound weights.

    Diverging: the loss is NaN/inf or above :data:`EXPLODE_FACTOR` times the fit's first
    batch loss. Keras clips the probabilities inside the cross-entropy, so a too large
    learning rate shows up as an explosion (measured here: 2.3 -> 28,000,000 in one epoch
    with SGD at 10) far more often than as NaN. It keeps a copy of the weights after every
    sound epoch (about 1 MB for the lecture's model); ``diverged_epoch`` is the 1-based
    epoch that failed, or None.
    """
    import keras

    class NanGuard(keras.callbacks.Callback):
        def on_train_begin(self, logs=None):
            self.diverged_epoch = None
            self._epoch = 0
            self._first = None
            self._good = self.model.get_weights()

        def on_epoch_begin(self, epoch, logs=None):
            self._epoch = epoch

        def on_train_batch_end(self, batch, logs=None):
            loss = (logs or {}).get("loss")
            if loss is None:
                return
            loss = float(loss)
            if self._first is None and math.isfinite(loss):
                # Capped at an untrained 10-class model's loss: with steps_per_execution
                # the first loss Keras reports is a mean over several batches, which a
                # too large learning rate has already blown up.
                self._first = min(max(loss, 1e-3), UNTRAINED_LOSS)
            if not math.isfinite(loss) or loss > EXPLODE_FACTOR * (self._first or 1.0):
                self.diverged_epoch = self._epoch + 1
                self.model.stop_training = True

        def on_epoch_end(self, epoch, logs=None):
            if self.diverged_epoch is None:
                self._good = self.model.get_weights()
            else:
                self.model.stop_training = True  # validation may have run: stop anyway

        def on_train_end(self, logs=None):
            if self.diverged_epoch is not None:
                self.model.set_weights(self._good)

    return NanGuard()


def fit_kwargs(spec: FitSpec) -> dict:
    """Keyword arguments of ``model.fit`` (callbacks included)."""
    return {
        "epochs": spec.epochs,
        "batch_size": spec.batch_size,
        "validation_split": spec.validation_split,
        "callbacks": make_callbacks(spec.callbacks),
        "verbose": 0,
    }


def split_index(n_samples: int, validation_split: float) -> int:
    """Where Keras' ``validation_split`` cuts: the *last* share is for validation."""
    return int(math.ceil(n_samples * (1.0 - validation_split)))


def mnist_datasets(images, labels, spec: FitSpec, input_shape=FLAT_INPUT, seed: int = 0):
    """``(train, validation or None)`` ``tf.data`` pipelines that scale uint8 per batch.

    The same split as ``fit(..., validation_split=...)`` (the last share validates) and
    the same scaling as :func:`widgets.data.preprocess_images`, but the images stay uint8
    in memory: a float32 copy of the training set (and Keras' own copy of it inside
    ``fit``) never exists, which keeps a dashboard kernel about 50 MB smaller.
    """
    import tensorflow as tf

    images = np.asarray(images, dtype=np.uint8)
    targets = np.eye(NUM_CLASSES, dtype=np.float32)[np.asarray(labels)]
    cut = split_index(len(images), spec.validation_split)
    shape = tuple(input_shape)

    def scale(x, y):
        return tf.reshape(tf.cast(x, tf.float32) / 255.0, (-1, *shape)), y

    def pipeline(x, y, shuffle: bool):
        data = tf.data.Dataset.from_tensor_slices((x, y))
        if shuffle:
            data = data.shuffle(len(x), seed=seed, reshuffle_each_iteration=True)
        return data.batch(spec.batch_size).map(scale).prefetch(2)

    train = pipeline(images[:cut], targets[:cut], shuffle=True)
    if cut >= len(images):
        return train, None
    return train, pipeline(images[cut:], targets[cut:], shuffle=False)


def summary_rows(model) -> list[tuple[str, str, str, int]]:
    """``(name, type, output shape, parameters)`` per layer, like ``model.summary()``."""
    rows = []
    for layer in model.layers:
        shape = tuple(layer.output.shape)
        text = "(" + ", ".join("None" if d is None else str(d) for d in shape) + ")"
        rows.append((layer.name, type(layer).__name__, text, int(layer.count_params())))
    return rows


KERAS_CLASSES = {"dense": "Dense", "dropout": "Dropout", "activation": "Activation"}


def planned_summary_rows(
    layers, input_shape: tuple[int, ...] = FLAT_INPUT
) -> list[tuple[str, str, str, int]]:
    """:func:`summary_rows` of the model :func:`build_model` makes from ``layers`` after a
    ``clear_session``, from the formulas alone (no Keras): Keras names a layer after its
    class, ``dense``, ``dense_1``, … in its thread's fresh session."""
    rows, seen, shape = [], {}, tuple(input_shape)
    for layer in layers:
        kind = layer.kind
        name = kind if kind not in seen else f"{kind}_{seen[kind]}"
        seen[kind] = seen.get(kind, 0) + 1
        params = (shape[-1] + 1) * layer.units if kind == "dense" else 0
        shape = output_shape([layer], shape)
        text = "(" + ", ".join(["None", *(str(d) for d in shape)]) + ")"
        rows.append((name, KERAS_CLASSES.get(kind, "Flatten"), text, params))
    return rows


def layers_of(model) -> list[Layer]:
    """The specs of a Keras model's layers (for a loaded ``.keras`` file)."""
    specs = []
    for layer in model.layers:
        kind = type(layer).__name__.lower()
        config = layer.get_config()
        if kind == "dense":
            specs.append(dense(config["units"], _activation_name(config["activation"])))
        elif kind == "dropout":
            specs.append(dropout(config["rate"]))
        elif kind == "activation":
            specs.append(activation(_activation_name(config["activation"])))
        elif kind == "flatten":
            specs.append(flatten())
        else:
            raise SpecError("foreign", f"layer {layer.name} ({kind}) is not in the builder")
    return specs


def _activation_name(value) -> str:
    return value if isinstance(value, str) else value.get("config", {}).get("name", str(value))


def set_trainable(model, trainable: list[bool]) -> None:
    """Freeze (False) or unfreeze (True) each layer; recompile the model afterwards.

    This is R keras' ``freeze_weights``/``unfreeze_weights``: a frozen layer keeps its
    weights during ``fit``.
    """
    if len(trainable) != len(model.layers):
        raise ValueError(f"got {len(trainable)} flags for {len(model.layers)} layers")
    for layer, flag in zip(model.layers, trainable, strict=True):
        layer.trainable = bool(flag)


def predict_proba(model, images: np.ndarray) -> np.ndarray:
    """Class probabilities for images ``(n, 28, 28)`` or ``(n, 784)`` in [0, 1]."""
    images = np.asarray(images, dtype=np.float32)
    shape = tuple(model.input_shape[1:])
    # A direct call, not model.predict: no per-call set-up (a slider answers faster), and
    # safe while the same model trains in another thread (it only reads the weights).
    return np.asarray(model(images.reshape(len(images), *shape), training=False))


def confusion_matrix(y_true: np.ndarray, y_pred: np.ndarray, n: int = NUM_CLASSES) -> np.ndarray:
    """``m[t, p]`` = how many images of class ``t`` the model called ``p``."""
    matrix = np.zeros((n, n), dtype=np.int64)
    np.add.at(matrix, (np.asarray(y_true), np.asarray(y_pred)), 1)
    return matrix


# ----------------------------------------------------------------------------- code


def _layer_code(layer: Layer) -> str:
    name, arguments = layer.call()
    code = {"units": repr, "rate": repr, "activation": lambda value: f'activation="{value}"'}
    written = ", ".join(code[key](value) for key, value in arguments.items())
    return f"keras.layers.{name}({written})"


def define_code(layers, input_shape: tuple[int, ...] = FLAT_INPUT) -> str:
    """``model = keras.Sequential([...])`` for the layers."""
    lines = [f"    keras.Input(shape={tuple(input_shape)!r}),"]
    lines += [f"    {_layer_code(layer)}," for layer in layers]
    return "model = keras.Sequential([\n" + "\n".join(lines) + '\n], name="mnist_mlp")'


def compile_code(spec: CompileSpec) -> str:
    """``model.compile(...)`` for the spec."""
    names = {"rmsprop": "RMSprop", "adam": "Adam", "sgd": "SGD"}
    extra = f", momentum={spec.momentum!r}" if spec.optimizer == "sgd" else ""
    metrics = ", ".join(f'"{name}"' for name in spec.metrics)
    return (
        "model.compile(\n"
        f"    optimizer=keras.optimizers.{names[spec.optimizer]}"
        f"(learning_rate={spec.learning_rate!r}{extra}),\n"
        f'    loss="{spec.loss}",\n'
        f"    metrics=[{metrics}],\n)"
    )


def callbacks_code(spec: Callbacks) -> str:
    """``callbacks = [...]`` for the switched-on callbacks."""
    items = []
    if spec.early_stopping:
        items.append(
            "keras.callbacks.EarlyStopping("
            f'monitor="val_loss", patience={spec.patience}, restore_best_weights=True)'
        )
    if spec.reduce_lr:
        items.append(
            'keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.5, patience=2)'
        )
    if spec.tensorboard:
        items.append(f"keras.callbacks.TensorBoard(log_dir={spec.log_dir!r})")
    return "callbacks = [" + "".join(f"\n    {item}," for item in items) + ("\n]" if items else "]")


def fit_code(spec: FitSpec) -> str:
    """``history = model.fit(...)`` for the spec."""
    return (
        callbacks_code(spec.callbacks) + "\nhistory = model.fit(\n    x_train, y_train,\n"
        f"    epochs={spec.epochs}, batch_size={spec.batch_size}, "
        f"validation_split={spec.validation_split!r},\n"
        "    callbacks=callbacks, verbose=0,\n)"
    )


DATA_CODE = """import keras
from widgets.data import load_mnist, one_hot, preprocess_images

data = load_mnist()  # full MNIST from Keras, or the local copy offline
x_train, x_test = preprocess_images(data.x_train), preprocess_images(data.x_test)
y_train, y_test = one_hot(data.y_train), one_hot(data.y_test)  # to_categorical"""

IMAGE_DATA_CODE = """
x_train, x_test = x_train.reshape(-1, 28, 28), x_test.reshape(-1, 28, 28)"""

EVALUATE_CODE = """test_loss, test_accuracy = model.evaluate(x_test, y_test, verbose=0)
probabilities = model.predict(x_test[:5], verbose=0)
predicted_digits = probabilities.argmax(axis=1)"""


def model_code(
    layers=LECTURE_LAYERS,
    compile_spec: CompileSpec = CompileSpec(),
    fit_spec: FitSpec = FitSpec(),
    input_shape: tuple[int, ...] = FLAT_INPUT,
) -> str:
    """The whole workflow as runnable Python: data, define, compile, fit, evaluate."""
    data = DATA_CODE + (IMAGE_DATA_CODE if tuple(input_shape) == IMAGE_INPUT else "")
    parts = [
        data,
        define_code(layers, input_shape),
        compile_code(compile_spec),
        fit_code(fit_spec),
        EVALUATE_CODE,
    ]
    return "\n\n".join(parts) + "\n"


__all__ = [
    "ACTIVATIONS",
    "Callbacks",
    "CompileSpec",
    "FitSpec",
    "LECTURE_LAYERS",
    "Layer",
    "SpecError",
    "activation",
    "build_model",
    "check_compile",
    "check_fit",
    "check_layers",
    "compile_model",
    "confusion_matrix",
    "count_params",
    "dense",
    "dropout",
    "fit_kwargs",
    "flatten",
    "layers_of",
    "mnist_datasets",
    "model_code",
    "nan_guard",
    "predict_proba",
    "set_trainable",
    "summary_rows",
]
