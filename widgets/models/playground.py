"""Lesson 07's network: a Keras MLP described by a :class:`NetworkSpec`, and a fast trainer.

:func:`build_network` turns a spec (layers, neurons, per-layer activation and dropout, the
task) into a ``keras.Sequential``. :class:`FastTrainer` trains it with one compiled
``tf.function`` that loops over the mini-batches of *several epochs* per call.

Why not ``model.fit``: measured on the 2-core course machine for TensorFlow Playground's
spiral network (250 points, 2-8-8-1 tanh, batch 10), ``fit`` managed 4-13 epochs/s
(``steps_per_execution`` = one epoch helped, but ``fit`` rebuilds its data adapter every
call), while the compiled loop below ran 400-700 epochs/s. The weights are the Keras
model's own variables, updated by a Keras optimizer, so ``dashboard.model`` stays a real
model that ``predict``, ``save`` and ``summary`` work on.

L1/L2 penalties and the learning rate live in ``tf.Variable`` s, so a student can move
their sliders during training without a retrace (Keras regularizer objects would be baked
into the graph). The penalty is Keras' own formula: ``l1·Σ|W| + l2·ΣW²`` over kernels.

Keras and TensorFlow are imported inside the functions that need them (as in
:mod:`widgets.models.mlp`), so the specs, their checks and the choices (``ACTIVATIONS``,
``OPTIMIZERS``) can be imported while TensorFlow is still loading.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np

from ..errors import StudentError
from ..i18n import Strings
from ..recent import Recent

if TYPE_CHECKING:  # for annotations only: Keras is imported where it is used
    import keras

TASKS = ("binary", "multiclass", "regression")
ACTIVATIONS = ("tanh", "relu", "sigmoid", "linear")
OPTIMIZERS = ("sgd", "momentum", "adam")
MOMENTUM = 0.9
MAX_CLASSES = 10
STARTS_KEPT = 8  # seeds whose initial kernels a trainer keeps (restart)

TEXT = Strings(
    "playground_model",
    {
        "task": {
            "pl": "Nieznane zadanie {value!r}; dostępne: {names}.",
            "en": "Unknown task {value!r}; available: {names}.",
        },
        "optimizer": {
            "pl": "Nieznany optymalizator {value!r}; dostępne: {names}.",
            "en": "Unknown optimizer {value!r}; available: {names}.",
        },
        "no_inputs": {
            "pl": "Sieć potrzebuje co najmniej jednej cechy wejściowej.",
            "en": "The network needs at least one input feature.",
        },
        "classes": {
            "pl": "Przy wyjściu softmax liczba klas musi być od 2 do {high}, a podano {value}.",
            "en": "With a softmax output the number of classes must be from 2 to {high}, "
            "got {value}.",
        },
        "units": {
            "pl": "Każda warstwa ukryta musi mieć co najmniej jeden neuron.",
            "en": "Every hidden layer needs at least one neuron.",
        },
        "activation": {
            "pl": "Nieznana funkcja aktywacji {value!r}; dostępne: {names}.",
            "en": "Unknown activation function {value!r}; available: {names}.",
        },
        "dropout": {
            "pl": "Dropout musi być liczbą od 0 włącznie do 1 wyłącznie.",
            "en": "Dropout must be a number from 0 up to, but not including, 1.",
        },
        "learning_rate": {
            "pl": "Współczynnik uczenia η musi być liczbą dodatnią.",
            "en": "The learning rate η must be a positive number.",
        },
        "penalties": {
            "pl": "Współczynniki regularyzacji L1 i L2 nie mogą być ujemne.",
            "en": "The L1 and L2 regularisation rates cannot be negative.",
        },
    },
)


class NetworkSpecError(StudentError, ValueError):
    """A :class:`NetworkSpec` that cannot be built (``str()``: the English sentence)."""


@dataclass
class LayerSpec:
    """One hidden layer: neurons, activation, dropout rate after it."""

    units: int = 4
    activation: str = "tanh"
    dropout: float = 0.0


@dataclass
class NetworkSpec:
    """Everything that fixes the model's architecture and its training rule.

    ``task``: ``binary`` (one tanh output, targets ±1, squared loss, as TensorFlow
    Playground), ``multiclass`` (softmax over ``classes`` outputs, cross-entropy) or
    ``regression`` (one linear output, squared loss).
    """

    n_inputs: int = 2
    hidden: list[LayerSpec] = field(default_factory=lambda: [LayerSpec(4), LayerSpec(2)])
    task: str = "binary"
    classes: int = 2
    optimizer: str = "sgd"
    learning_rate: float = 0.03
    l1: float = 0.0
    l2: float = 0.0
    seed: int = 0

    def __post_init__(self):
        check_spec(self)

    @property
    def n_outputs(self) -> int:
        return self.classes if self.task == "multiclass" else 1

    @property
    def output_activation(self) -> str:
        return {"binary": "tanh", "multiclass": "softmax", "regression": "linear"}[self.task]


def check_spec(spec: NetworkSpec) -> None:
    """Raise :class:`NetworkSpecError` naming the first impossible setting."""
    if spec.task not in TASKS:
        raise NetworkSpecError("playground_model.task", value=spec.task, names=", ".join(TASKS))
    if spec.optimizer not in OPTIMIZERS:
        raise NetworkSpecError(
            "playground_model.optimizer", value=spec.optimizer, names=", ".join(OPTIMIZERS)
        )
    if spec.n_inputs < 1:
        raise NetworkSpecError("playground_model.no_inputs")
    if spec.task == "multiclass" and not 2 <= spec.classes <= MAX_CLASSES:
        raise NetworkSpecError("playground_model.classes", high=MAX_CLASSES, value=spec.classes)
    for layer in spec.hidden:
        if layer.units < 1:
            raise NetworkSpecError("playground_model.units")
        if layer.activation not in ACTIVATIONS:
            raise NetworkSpecError(
                "playground_model.activation",
                value=layer.activation,
                names=", ".join(ACTIVATIONS),
            )
        if not 0.0 <= layer.dropout < 1.0:
            raise NetworkSpecError("playground_model.dropout")
    if not (np.isfinite(spec.learning_rate) and spec.learning_rate > 0):
        raise NetworkSpecError("playground_model.learning_rate")
    if spec.l1 < 0 or spec.l2 < 0:
        raise NetworkSpecError("playground_model.penalties")


def build_network(spec: NetworkSpec) -> keras.Sequential:
    """The Keras model for ``spec``; weights start like the Playground's (±0.5, bias 0.1)."""
    import keras

    layers: list = [keras.Input(shape=(spec.n_inputs,))]
    for index, layer in enumerate(spec.hidden):
        layers.append(
            _dense(layer.units, layer.activation, spec.seed + index, f"hidden_{index + 1}")
        )
        if layer.dropout > 0:
            layers.append(keras.layers.Dropout(layer.dropout, seed=spec.seed + 100 + index))
    layers.append(_dense(spec.n_outputs, spec.output_activation, spec.seed + 99, "output"))
    return keras.Sequential(layers, name="playground")


def _dense(units: int, activation: str, seed: int, name: str):
    import keras

    return keras.layers.Dense(
        units,
        activation=activation,
        kernel_initializer=keras.initializers.RandomUniform(-0.5, 0.5, seed=seed),
        bias_initializer=keras.initializers.Constant(0.1),
        name=name,
    )


def make_optimizer(name: str, learning_rate: float):
    """SGD, SGD with momentum 0.9, or Adam."""
    import keras

    if name == "adam":
        return keras.optimizers.Adam(learning_rate)
    return keras.optimizers.SGD(learning_rate, momentum=MOMENTUM if name == "momentum" else 0.0)


def dense_layers(model) -> list:
    """The model's Dense layers in order (hidden ones, then the output)."""
    import keras

    return [layer for layer in model.layers if isinstance(layer, keras.layers.Dense)]


# ------------------------------------------------------------------------------ numpy side

NUMPY_ACTIVATIONS = {
    "tanh": np.tanh,
    "relu": lambda z: np.maximum(z, 0.0),
    "sigmoid": lambda z: 1.0 / (1.0 + np.exp(-z)),
    "linear": lambda z: z,
}


def softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def numpy_forward(spec: NetworkSpec, weights: list[tuple[np.ndarray, np.ndarray]], X) -> list:
    """Every Dense layer's activations for inputs ``X``, computed with numpy (reference)."""
    h = np.asarray(X, dtype=np.float64)
    names = [layer.activation for layer in spec.hidden] + [spec.output_activation]
    outputs = []
    for (kernel, bias), name in zip(weights, names, strict=True):
        z = h @ kernel + bias
        h = softmax(z) if name == "softmax" else NUMPY_ACTIVATIONS[name](z)
        outputs.append(h)
    return outputs


def targets_for(spec: NetworkSpec, labels) -> np.ndarray:
    """Labels as the model's targets: ±1, one-hot rows, or the values (float32, 2-D)."""
    labels = np.asarray(labels)
    if spec.task == "binary":
        return np.where(labels > 0, 1.0, -1.0).astype("float32")[:, None]
    if spec.task == "multiclass":
        return np.eye(spec.classes, dtype="float32")[labels.astype(int)]
    return labels.astype("float32").reshape(-1, 1)


def numpy_loss(spec: NetworkSpec, outputs: np.ndarray, targets: np.ndarray) -> float:
    """The data loss the trainer reports: ½·mean squared error, or mean cross-entropy."""
    if spec.task == "multiclass":
        return float(-np.mean(np.sum(targets * np.log(np.clip(outputs, 1e-7, 1.0)), axis=1)))
    return float(0.5 * np.mean((outputs - targets) ** 2))


# ------------------------------------------------------------------------------- trainer


def architecture_key(spec: NetworkSpec) -> tuple:
    """What fixes a network and its compiled training step: inputs, task, optimizer and
    hidden layers. Specs with the same key differ only in seed, learning rate and
    penalties, which :meth:`FastTrainer.restart` and ``set_*`` change without a rebuild."""
    hidden = tuple((h.units, h.activation, h.dropout) for h in spec.hidden)
    return (spec.n_inputs, spec.task, spec.classes, spec.optimizer, hidden)


class FastTrainer:
    """Train a :func:`build_network` model with a compiled multi-epoch loop.

    >>> trainer = FastTrainer(spec)                        # doctest: +SKIP
    >>> trainer.set_data(x_train, y_train, x_test, y_test)  # doctest: +SKIP
    >>> trainer.train(epochs=10, batch_size=10)            # doctest: +SKIP
    >>> trainer.evaluate()   # {"train_loss": ..., "test_loss": ..., ...}  # doctest: +SKIP
    """

    def __init__(self, spec: NetworkSpec, model=None):
        import tensorflow as tf

        self.spec = spec
        self.model = model if model is not None else build_network(spec)
        self.optimizer = make_optimizer(spec.optimizer, spec.learning_rate)
        self.optimizer.build(self.model.trainable_variables)
        self.l1 = tf.Variable(float(spec.l1), trainable=False, dtype="float32")
        self.l2 = tf.Variable(float(spec.l2), trainable=False, dtype="float32")
        self.dense = dense_layers(self.model)  # the architecture is fixed: found once
        self.kernels = [layer.kernel for layer in self.dense]
        self.epoch = 0
        self.seed = tf.random.Generator.from_seed(spec.seed)
        self._train_fn = self._compile_train()
        # Any number of points, one trace each: training set, test set and the grid alike.
        points = tf.TensorSpec([None, spec.n_inputs], tf.float32)
        targets = tf.TensorSpec([None, spec.n_outputs], tf.float32)
        self._eval_fn = tf.function(self._eval_graph, input_signature=[points, targets])
        self._layers_fn = tf.function(self._layers_graph, input_signature=[points])
        self.x_train = self.y_train = self.x_test = self.y_test = None
        self.traced = False  # whether the training step has been traced (warm_up, train)
        self.untrained = True  # at the seeded start (new or restarted): read with numpy
        self._starts = Recent(STARTS_KEPT)  # seed -> restart()'s kernels
        # warm_up may run in a thread of its own while the dashboard draws: a training call
        # waits for it rather than trace the same function a second time beside it.
        self._trace_lock = threading.Lock()

    def __repr__(self) -> str:
        sizes = [self.spec.n_inputs, *(layer.units for layer in self.spec.hidden)]
        shape = "-".join(str(n) for n in [*sizes, self.spec.n_outputs])
        return f"FastTrainer({shape}, {self.spec.task}, epoch={self.epoch})"

    # A new network of the same architecture, without a rebuild -----------------------------
    def same_architecture(self, spec: NetworkSpec) -> bool:
        """Whether ``spec`` builds the very network this trainer trains (whatever its seed,
        learning rate and penalties), so :meth:`restart` can stand for a new trainer."""
        return architecture_key(spec) == architecture_key(self.spec)

    def restart(self, spec: NetworkSpec) -> None:
        """Start again from the weights ``FastTrainer(spec)`` would have: the same model,
        optimizer and compiled functions, so nothing is built or traced again (a new data
        set, noise level or seed answers in milliseconds, as in TensorFlow Playground,
        instead of the 0.3 s of a new model and its traces). ``spec`` must have the same
        architecture (:meth:`same_architecture`)."""
        import keras

        if not self.same_architecture(spec):
            raise ValueError("restart() needs a network of the same architecture")
        starts = self._starts.pop(spec.seed, None)  # the newest seed last
        index, drawn = 0, []
        for layer in self.model.layers:
            if isinstance(layer, keras.layers.Dropout):
                layer.seed_generator.state.assign([spec.seed + 100 + index - 1, 0])
                continue
            if starts is None:  # the seeded draw is the same at every call: kept as numpy
                seed = spec.seed + 99 if layer is self.dense[-1] else spec.seed + index
                initial = keras.initializers.RandomUniform(-0.5, 0.5, seed=seed)
                kernel = np.asarray(initial(tuple(layer.kernel.shape)), dtype="float32")
            else:
                kernel = starts[index]
            drawn.append(kernel)
            layer.kernel.assign(kernel)
            layer.bias.assign(np.full(tuple(layer.bias.shape), 0.1, dtype="float32"))
            index += 1
        # A restart then costs fewer eager operations, each 0.5-1 ms in a loaded kernel.
        self._starts.keep(spec.seed, drawn)
        for variable in self.optimizer.variables:  # step count, momenta: a fresh optimizer's
            variable.assign(np.zeros(tuple(variable.shape), dtype=variable.dtype))
        self.spec = spec
        self.set_learning_rate(spec.learning_rate)
        self.set_regularization(spec.l1, spec.l2)
        self.seed.reset_from_seed(spec.seed)
        self.epoch = 0
        self.untrained = True

    # Settings that change without a rebuild -------------------------------------------------
    def set_learning_rate(self, value: float) -> None:
        self.spec.learning_rate = float(value)
        self.optimizer.learning_rate.assign(float(value))

    def set_regularization(self, l1: float, l2: float) -> None:
        self.spec.l1, self.spec.l2 = float(l1), float(l2)
        self.l1.assign(float(l1))
        self.l2.assign(float(l2))

    def set_data(self, x_train, labels_train, x_test, labels_test) -> None:
        """Inputs (features already computed) and labels; targets follow the task."""
        import tensorflow as tf

        self.x_train = tf.constant(np.asarray(x_train, dtype="float32"))
        self.y_train = tf.constant(targets_for(self.spec, labels_train))
        self.x_test = tf.constant(
            np.asarray(x_test, dtype="float32").reshape(-1, self.spec.n_inputs)
        )
        self.y_test = tf.constant(
            targets_for(self.spec, labels_test).reshape(-1, self.spec.n_outputs)
        )

    # Training --------------------------------------------------------------------------------
    def warm_up(self) -> None:
        """Trace the compiled functions now (0 epochs), so the first ▶ starts at once.

        Until then (``traced`` False) :meth:`evaluate` and :meth:`layer_outputs` compute
        the same numbers with numpy from the weights: a new network (a menu changed) is
        drawn at once, without the ~0.2 s of its first traces (issue 24)."""
        import tensorflow as tf

        with self._trace_lock:
            self._train_fn(self.x_train, self.y_train, tf.constant(0), tf.constant(1))
            self._eval_fn(self.x_train[:1], self.y_train[:1])
            self._layers_fn(self.x_train[:1])
            self.traced = True

    def train(self, epochs: int = 1, batch_size: int = 10) -> None:
        """Run ``epochs`` epochs of shuffled mini-batches in one compiled call."""
        import tensorflow as tf

        if self.x_train is None or int(self.x_train.shape[0]) == 0:
            raise ValueError("there are no training points")
        batch = max(1, min(int(batch_size), int(self.x_train.shape[0])))
        with self._trace_lock:
            self._train_fn(self.x_train, self.y_train, tf.constant(int(epochs)), tf.constant(batch))
            self.traced = True
        self.epoch += int(epochs)
        self.untrained = False

    def _loss(self, targets, outputs):
        import keras

        if self.spec.task == "multiclass":
            return keras.ops.mean(keras.losses.categorical_crossentropy(targets, outputs))
        return 0.5 * keras.ops.mean(keras.ops.square(outputs - targets))

    def _penalty(self):
        import tensorflow as tf

        l1 = tf.add_n([tf.reduce_sum(tf.abs(k)) for k in self.kernels])
        l2 = tf.add_n([tf.reduce_sum(tf.square(k)) for k in self.kernels])
        return self.l1 * l1 + self.l2 * l2

    def _compile_train(self):
        import tensorflow as tf

        model, variables = self.model, self.model.trainable_variables

        def step(x, y):
            with tf.GradientTape() as tape:
                loss = self._loss(y, model(x, training=True)) + self._penalty()
            self.optimizer.apply(tape.gradient(loss, variables), variables)

        spec = [
            tf.TensorSpec([None, self.spec.n_inputs], tf.float32),
            tf.TensorSpec([None, self.spec.n_outputs], tf.float32),
            tf.TensorSpec([], tf.int32),
            tf.TensorSpec([], tf.int32),
        ]

        @tf.function(input_signature=spec)
        def run(x, y, epochs, batch):
            n = tf.shape(x)[0]
            for _ in tf.range(epochs):
                order = tf.argsort(self.seed.uniform([n]))  # a fresh shuffle every epoch
                for start in tf.range(0, n, batch):
                    index = order[start : tf.minimum(start + batch, n)]
                    step(tf.gather(x, index), tf.gather(y, index))

        return run

    # Reading the model ------------------------------------------------------------------
    def _eval_graph(self, x, y):
        import tensorflow as tf

        outputs = self.model(x, training=False)
        loss = self._loss(y, outputs) if tf.shape(x)[0] > 0 else tf.constant(float("nan"))
        return loss, outputs

    def evaluate(self) -> dict:
        """Data losses (no penalty) on both sets, plus outputs for accuracy and confusion."""
        result = {"epoch": self.epoch}
        for name, x, y in (
            ("train", self.x_train, self.y_train),
            ("test", self.x_test, self.y_test),
        ):
            if x is None or int(x.shape[0]) == 0:
                result[f"{name}_loss"], result[f"{name}_outputs"] = float("nan"), np.zeros((0, 1))
                continue
            if self._compiled_reads():
                loss, outputs = self._eval_fn(x, y)
                loss, outputs = float(loss), outputs.numpy()
            else:  # a new network's first picture: no trace before it shows (see warm_up)
                outputs = numpy_forward(self.spec, self.weights(), x.numpy())[-1]
                loss = numpy_loss(self.spec, outputs, y.numpy())
            result[f"{name}_loss"], result[f"{name}_outputs"] = loss, outputs
        return result

    def _compiled_reads(self) -> bool:
        """Whether :meth:`evaluate` and :meth:`layer_outputs` call the compiled Keras
        functions, or compute the same numbers with numpy from the weights: numpy before
        the trace (a new network shows at once, see :meth:`warm_up`) and at the seeded
        start, which every menu, data or seed change draws (three compiled calls took
        40 ms of such a press at load 8, numpy well under a millisecond; issue 24)."""
        return self.traced and not self.untrained

    def _layers_graph(self, x):
        import keras

        h, outputs = x, []
        for layer in self.model.layers:
            h = layer(h, training=False)
            if isinstance(layer, keras.layers.Dense):
                outputs.append(h)
        return outputs

    def layer_outputs(self, x) -> list[np.ndarray]:
        """Every Dense layer's activations for ``x`` (one compiled call, e.g. a grid)."""
        import tensorflow as tf

        if not self._compiled_reads():  # as in evaluate()
            return numpy_forward(self.spec, self.weights(), np.asarray(x, dtype="float32"))
        return [a.numpy() for a in self._layers_fn(tf.constant(np.asarray(x, dtype="float32")))]

    def weights(self) -> list[tuple[np.ndarray, np.ndarray]]:
        """``(kernel, bias)`` of every Dense layer, as numpy."""
        return [(layer.kernel.numpy(), layer.bias.numpy()) for layer in self.dense]

    def set_weight(self, layer: int, source: int, target: int, value: float) -> None:
        """Set one link's weight (Dense layer ``layer``, from neuron ``source`` to ``target``)."""
        import tensorflow as tf

        kernel = self.dense[layer].kernel
        kernel.assign(tf.tensor_scatter_nd_update(kernel, [[source, target]], [float(value)]))

    def weights_finite(self) -> bool:
        return all(np.all(np.isfinite(k)) and np.all(np.isfinite(b)) for k, b in self.weights())


def accuracy(spec: NetworkSpec, outputs: np.ndarray, labels) -> float:
    """Share of points whose predicted class is their label (classification only)."""
    labels = np.asarray(labels).astype(int)
    if len(labels) == 0:
        return float("nan")
    return float(np.mean(predicted_classes(spec, outputs) == labels))


def predicted_classes(spec: NetworkSpec, outputs: np.ndarray) -> np.ndarray:
    if spec.task == "multiclass":
        return np.argmax(outputs, axis=1)
    return (np.asarray(outputs).ravel() > 0).astype(int)


def confusion_matrix(spec: NetworkSpec, outputs: np.ndarray, labels) -> np.ndarray:
    """``m[true, predicted]`` counts."""
    k = spec.classes if spec.task == "multiclass" else 2
    matrix = np.zeros((k, k), dtype=int)
    np.add.at(matrix, (np.asarray(labels).astype(int), predicted_classes(spec, outputs)), 1)
    return matrix
