"""Two ReLU networks with the same parameter budget: one wide and shallow, one narrow and deep.

A dense layer from ``a`` to ``b`` units has ``a*b + b`` parameters, so an MLP with ``n``
inputs, ``depth`` hidden layers of ``width`` neurons and ``m`` outputs has

    P(width) = (n + 1 + m) * width + (depth - 1) * (width² + width) + m

(:func:`mlp_params`). Given a budget, :func:`width_for_budget` finds the width whose count
is closest to it: the shallow net (one hidden layer) gets ``width ≈ (P - m) / (n + 1 + m)``
neurons, the deep one about ``sqrt(P / (depth - 1))`` per layer.

Both nets are plain ``keras.Sequential`` stacks of ``Dense(width, "relu")``. With the
``"keras"`` initialisation every layer keeps Keras' default (Glorot-uniform weights, zero
biases), the layers a student writes in a notebook. A ReLU neuron of the first layer bends
its output where ``w·x + b = 0``, at ``x = -b/w``: with zero biases every bend starts at
``x = 0``. The ``"spread"`` initialisation (:data:`INITS`) gives the first hidden layer
He-normal weights and biases uniform in [-1, 1], so the bends start spread over the input
range, many of them between neighbouring training points from the first step.

:func:`build_pair` joins both nets into one ``keras.Model`` with two outputs,
``"shallow"`` and ``"deep"``: one compiled training step trains both on the same batch.
The total loss is the sum of the two losses and the nets share no weight, so each net's
gradient is exactly the gradient of its own loss and Adam, which scales every weight on
its own, updates each net exactly as if it were trained alone.

Training is full-batch: every step sees the whole training set. ``steps_per_epoch``
copies of it make one Keras epoch, run in one call of the compiled function
(``steps_per_execution``), because the per-epoch overhead of ``fit`` (about 45 ms here)
dwarfs a step of these small nets (a few ms).

Keras is imported inside the functions that need it, so the dashboard can count
parameters (and show the counts) before TensorFlow has loaded.
"""

from __future__ import annotations

import math
from typing import TYPE_CHECKING

import numpy as np

from ..errors import StudentError
from ..i18n import Strings

if TYPE_CHECKING:
    import keras

NAMES = ("shallow", "deep")
INITS = ("keras", "spread")  # first-layer initialisation: Keras' default, or bends spread
TASKS = ("regression", "classification")
MAX_WIDTH = 100_000

TEXT = Strings(
    "depth_model",
    {
        "size": {
            "pl": "Liczba warstw ukrytych (depth) i liczba neuronów w warstwie (width) muszą "
            "wynosić co najmniej 1.",
            "en": "The number of hidden layers (depth) and of neurons per layer (width) must "
            "be at least 1.",
        },
        "depth": {
            "pl": "Liczba warstw ukrytych (depth) musi wynosić co najmniej 1, a podano "
            "depth = {value}.",
            "en": "The number of hidden layers (depth) must be at least 1, got depth = {value}.",
        },
        "deep": {
            "pl": "Sieć głęboka potrzebuje co najmniej dwóch warstw ukrytych, a podano "
            "depth = {value}.",
            "en": "The deep net needs at least two hidden layers, got depth = {value}.",
        },
        "init": {
            "pl": "Nieznana inicjalizacja pierwszej warstwy {value!r}; dostępne: {names}.",
            "en": "Unknown initialisation of the first layer {value!r}; available: {names}.",
        },
        "task": {
            "pl": "Nieznane zadanie {value!r}; dostępne: {names}.",
            "en": "Unknown task {value!r}; available: {names}.",
        },
    },
)


class DepthModelError(StudentError, ValueError):
    """Nets lesson 08 cannot build: a sentence of ``TEXT``, ``str()`` in English."""


def mlp_params(n_inputs: int, width: int, depth: int, n_outputs: int = 1) -> int:
    """Parameter count of an MLP with ``depth`` hidden layers of ``width`` neurons."""
    if depth < 1 or width < 1:
        raise DepthModelError("depth_model.size")
    return (n_inputs + 1 + n_outputs) * width + (depth - 1) * (width**2 + width) + n_outputs


def width_for_budget(budget: int, depth: int, n_inputs: int = 1, n_outputs: int = 1) -> int:
    """The width whose parameter count is closest to ``budget`` (the smaller on a tie).

    ``P(width)`` grows with the width, so the answer is one of the two integers around the
    real root of ``P(w) = budget`` (a quadratic in ``w`` for depth > 1).
    """
    if depth < 1:
        raise DepthModelError("depth_model.depth", value=depth)
    a = depth - 1
    b = n_inputs + 1 + n_outputs + (depth - 1)
    c = n_outputs - budget
    root = -c / b if a == 0 else (-b + math.sqrt(max(b * b - 4 * a * c, 0.0))) / (2 * a)
    candidates = {max(1, math.floor(root)), max(1, math.ceil(root))}
    best = min(
        candidates,
        key=lambda w: (abs(mlp_params(n_inputs, w, depth, n_outputs) - budget), w),
    )
    return min(best, MAX_WIDTH)


def build_mlp(
    n_inputs: int,
    width: int,
    depth: int,
    n_outputs: int = 1,
    output_activation: str = "linear",
    name: str = "mlp",
    init: str = "keras",
) -> keras.Sequential:
    """``Input -> depth x Dense(width, relu) -> Dense(n_outputs, output_activation)``.

    ``init`` (one of :data:`INITS`) sets the first hidden layer's initialisation.
    """
    import keras

    hidden = [
        keras.layers.Dense(
            width,
            activation="relu",
            name=f"{name}_hidden_{i + 1}",
            **(first_layer_init(init) if i == 0 else {}),
        )
        for i in range(depth)
    ]
    return keras.Sequential(
        [
            keras.Input(shape=(n_inputs,)),
            *hidden,
            keras.layers.Dense(n_outputs, activation=output_activation, name=f"{name}_out"),
        ],
        name=name,
    )


def first_layer_init(init: str) -> dict:
    """Keyword arguments of the first ``Dense`` layer for the initialisation ``init``.

    ``"spread"``: He-normal weights (standard deviation 1.4 for one input) and biases
    uniform in [-1, 1] put the bends ``x = -b/w`` all over [-1, 1] and beyond, instead of
    all at ``x = 0`` (Keras' zero biases).
    """
    import keras

    if init not in INITS:
        raise DepthModelError("depth_model.init", value=init, names=", ".join(INITS))
    if init == "keras":
        return {}
    return {
        "kernel_initializer": "he_normal",
        "bias_initializer": keras.initializers.RandomUniform(-1.0, 1.0),
    }


def build_pair(
    n_inputs: int,
    budget: int,
    depth: int,
    task: str = "regression",
    learning_rate: float = 0.01,
    seed: int = 0,
    steps_per_epoch: int = 1,
    tag: str = "",
    init: str = "keras",
) -> keras.Model:
    """The shallow and the deep net as one two-output model, compiled with Adam.

    ``task`` "regression": linear output, mean squared error; "classification": sigmoid
    output, binary cross-entropy. ``seed`` seeds both nets' initial weights; ``init``
    (:data:`INITS`) is the first hidden layer's initialisation in both nets. ``tag`` is
    appended to the nets' names, so that several pairs' nets can join one bigger model.
    """
    import keras

    if task not in TASKS:
        raise DepthModelError("depth_model.task", value=task, names=", ".join(TASKS))
    if depth < 2:
        raise DepthModelError("depth_model.deep", value=depth)
    keras.utils.set_random_seed(int(seed))
    output = "sigmoid" if task == "classification" else "linear"
    nets = {
        "shallow": build_mlp(
            n_inputs, width_for_budget(budget, 1, n_inputs), 1, 1, output, f"shallow{tag}", init
        ),
        "deep": build_mlp(
            n_inputs,
            width_for_budget(budget, depth, n_inputs),
            depth,
            1,
            output,
            f"deep{tag}",
            init,
        ),
    }
    x = keras.Input(shape=(n_inputs,), name="x")
    model = keras.Model(x, {name: net(x) for name, net in nets.items()}, name="deep_vs_shallow")
    loss = "binary_crossentropy" if task == "classification" else "mse"
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate=float(learning_rate)),
        loss={name: loss for name in NAMES},
        steps_per_execution=int(steps_per_epoch),
        jit_compile=False,  # measured: XLA was slower for these tiny nets on the CPU
    )
    return model


def restart(model: keras.Model, weights: list, learning_rate: float) -> None:
    """Put ``weights`` back and the optimizer at its start (step 0, zero moments).

    The same as building the model again from the seed that gave ``weights``, but the
    compiled training step survives: a new model costs TensorFlow 1-4 s of tracing on
    its first ``fit`` here, which a student would wait for after every slider move.
    """
    model.set_weights(weights)
    for variable in model.optimizer.variables:
        if variable.path.endswith("learning_rate"):
            variable.assign(float(learning_rate))
        else:
            variable.assign(np.zeros(variable.shape, dtype=variable.dtype))


def subnet(model: keras.Model, name: str) -> keras.Sequential:
    """The ``"shallow"`` or ``"deep"`` net inside a :func:`build_pair` model."""
    return next(layer for layer in model.layers if layer.name.startswith(name))


def _dense_layers(net) -> list:
    return [layer for layer in net.layers if hasattr(layer, "units")]


def describe(net: keras.Sequential) -> dict:
    """Depth, width and parameter count of one net (read off its layers)."""
    dense = _dense_layers(net)
    return {
        "depth": len(dense) - 1,
        "width": int(dense[0].units),
        "params": int(net.count_params()),
    }


def forward(net: keras.Sequential, x: np.ndarray) -> np.ndarray:
    """The net's output computed in numpy from its weights (cheap, any thread).

    For drawing during training: ``predict`` would start a second TensorFlow call beside
    the training one; a few small matrix products in numpy take well under a millisecond.
    """
    h = np.asarray(x, dtype=np.float32)
    dense = _dense_layers(net)
    for i, layer in enumerate(dense):
        kernel, bias = layer.get_weights()
        h = h @ kernel + bias
        if i < len(dense) - 1:
            h = np.maximum(h, 0.0)
    if dense[-1].activation.__name__ == "sigmoid":
        h = 1.0 / (1.0 + np.exp(-np.clip(h, -60, 60)))
    return h


def loss_value(task: str, prediction: np.ndarray, target: np.ndarray) -> float:
    """Mean squared error, or binary cross-entropy for classification (as Keras computes)."""
    prediction = np.asarray(prediction, dtype=np.float64).reshape(-1)
    target = np.asarray(target, dtype=np.float64).reshape(-1)
    if task == "classification":
        p = np.clip(prediction, 1e-7, 1 - 1e-7)
        return float(-np.mean(target * np.log(p) + (1 - target) * np.log(1 - p)))
    return float(np.mean((prediction - target) ** 2))


def repeated(x: np.ndarray, y: np.ndarray, steps_per_epoch: int) -> tuple[np.ndarray, dict]:
    """The training set copied ``steps_per_epoch`` times, with targets for both outputs."""
    xs = np.tile(x, (steps_per_epoch, 1))
    ys = np.tile(y, (steps_per_epoch, 1))
    return xs, {name: ys for name in NAMES}


def loss_recorder(split, steps_per_epoch: int, history: dict | None = None):
    """A Keras callback: after every Keras epoch, both nets' training and test loss
    (numpy, exact at the epoch's end weights) appended to ``.history``; a non-finite loss
    stops the fit and sets ``.diverged_at`` (the step).

    ``history`` maps ``"step"`` and ``"<net>_<train|test>"`` to lists and lives on across
    fits, so a training continued with Play extends the same curves.
    """
    import keras

    class LossRecorder(keras.callbacks.Callback):
        def __init__(self):
            super().__init__()
            self.split = split
            self.steps_per_epoch = int(steps_per_epoch)
            self.history = history if history is not None else empty_history()
            self.diverged_at: int | None = None

        def record(self, model, step: int) -> None:
            """Append the losses of ``model``'s two nets at training step ``step``."""
            self.diverged_at = record_losses(model, self.split, self.history, step)

        def on_epoch_end(self, epoch, logs=None):
            last = self.history["step"][-1] if self.history["step"] else 0
            self.record(self.model, last + self.steps_per_epoch)
            if self.diverged_at is not None:
                self.model.stop_training = True

    return LossRecorder()


def record_losses(model, split, history: dict, step: int) -> int | None:
    """Append both nets' training and test loss at ``step``; the step if one is not finite."""
    history["step"].append(int(step))
    diverged = None
    for name in NAMES:
        net = subnet(model, name)
        for part in ("train", "test"):
            x, y = getattr(split, f"x_{part}"), getattr(split, f"y_{part}")
            value = loss_value(split.task, forward(net, x), y)
            history[f"{name}_{part}"].append(value)
            if not np.isfinite(value):
                diverged = int(step)
    return diverged


def empty_history() -> dict:
    """The lists :class:`LossRecorder` fills."""
    return {"step": [], **{f"{n}_{p}": [] for n in NAMES for p in ("train", "test")}}
