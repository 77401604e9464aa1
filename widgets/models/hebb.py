"""Hebb's rule (1949) as a Keras model: ``Δw = η·x·y``, the classic Hebb net.

The net has one output unit with a threshold at 0 and a bias, which is the weight of an
extra input fixed at 1 (so ``Δb = η·y``). Training is *supervised Hebbian learning*: the
teacher clamps the output to the target ``y`` and every connection grows by the product
of its input and that output. Nothing in the rule looks at an error, so it never stops:
each presentation of the same patterns adds the same increment again.

With bipolar AND (inputs and targets in {-1, +1}) one epoch gives ``w = (2, 2)``,
``b = -2`` for ``η = 1``, which solves AND; with 0/1 encoding every pattern with ``x = 0``
or ``y = 0`` changes nothing, and the net fails.
"""

from __future__ import annotations

import keras
import numpy as np
from keras import ops

from ..data.toy import ToyDataError, logic_gate

#: Encodings of inputs and targets: (inputs, targets), each "binary" (0/1) or "bipolar".
ENCODINGS: dict[str, tuple[str, str]] = {
    "bipolar": ("bipolar", "bipolar"),
    "binary": ("binary", "binary"),
    "mixed": ("binary", "bipolar"),  # 0/1 inputs, -1/+1 targets (Fausett's second example)
}


def hebb_patterns(gate: str = "AND", encoding: str = "bipolar") -> tuple[np.ndarray, np.ndarray]:
    """The four patterns of a gate, in the textbook order (1,1), (1,0), (0,1), (0,0).

    Returns ``X`` float32 (4, 2) and targets ``y`` float32 (4,), encoded as
    :data:`ENCODINGS` says.
    """
    inputs, targets = ENCODINGS[_check_encoding(encoding)]
    X, _ = logic_gate(gate, inputs)
    _, y = logic_gate(gate, targets)
    # logic_gate gives (0,0), (0,1), (1,0), (1,1); the Hebb-net tables start at (1,1).
    return X[::-1].copy(), y[::-1].astype(np.float32)


def off_value(encoding: str) -> float:
    """The output that means "no": -1 for bipolar targets, 0 for binary ones."""
    return -1.0 if ENCODINGS[_check_encoding(encoding)][1] == "bipolar" else 0.0


def _check_encoding(encoding: str) -> str:
    """``encoding`` if it is one of :data:`ENCODINGS`, else a student's error saying so."""
    if encoding not in ENCODINGS:
        raise ToyDataError("toy_data.encoding", value=encoding, names=", ".join(ENCODINGS))
    return encoding


@keras.saving.register_keras_serializable(package="dl_course")
class HebbNet(keras.Model):
    """One threshold unit trained by Hebb's rule in :meth:`train_step`.

    ``call`` gives 1 where ``w·x + b >= 0`` and ``off`` elsewhere (-1 for bipolar
    targets, 0 for binary ones). ``learning_rate`` (η) is a variable, so changing it does
    not retrace the compiled training step.
    """

    def __init__(self, n_inputs: int = 2, learning_rate: float = 1.0, off: float = -1.0, **kw):
        super().__init__(**kw)
        self.n_inputs = n_inputs
        self.off = float(off)
        self.kernel = self.add_weight(
            name="kernel", shape=(n_inputs, 1), initializer="zeros", trainable=False
        )
        self.bias = self.add_weight(name="bias", shape=(1,), initializer="zeros", trainable=False)
        self.learning_rate = self.add_weight(
            name="learning_rate",
            shape=(),
            initializer=keras.initializers.Constant(learning_rate),
            trainable=False,
        )

    def net_input(self, x):
        """``w·x + b``, shape (batch, 1)."""
        return ops.matmul(ops.cast(x, self.compute_dtype), self.kernel) + self.bias

    def call(self, x):
        return ops.where(self.net_input(x) >= 0, 1.0, self.off)

    def train_step(self, data):
        x, y = data[0], data[1]
        # Phase 1 - the pattern and its target: the teacher clamps the output unit to y.
        x = ops.cast(x, self.compute_dtype)
        y = ops.reshape(ops.cast(y, self.compute_dtype), (-1, 1))
        # Phase 2 - Hebb's product: each connection grows by (its input) x (the output).
        # The bias is the weight of an input fixed at 1, so its increment is η·y.
        # (A batch sums the increments; they do not depend on w, so the order is irrelevant.)
        delta_w = self.learning_rate * ops.matmul(ops.transpose(x), y)
        delta_b = self.learning_rate * ops.sum(y, axis=0)
        # Phase 3 - strengthen the connections. No error term: the rule never stops.
        self.kernel.assign_add(delta_w)
        self.bias.assign_add(delta_b)
        # Phase 4 - report the size of the weight vector (w, b) and of this update.
        return {
            "weight_norm": ops.sqrt(ops.sum(self.kernel**2) + ops.sum(self.bias**2)),
            "update_norm": ops.sqrt(ops.sum(delta_w**2) + ops.sum(delta_b**2)),
        }

    def weights_and_bias(self) -> tuple[np.ndarray, float]:
        """``w`` as a vector and ``b``, as numpy values."""
        return self.kernel.numpy().ravel().copy(), float(self.bias.numpy()[0])

    def set_state(self, w, b: float) -> None:
        """Load weights and bias (e.g. a recorded step of an animation)."""
        self.kernel.assign(np.asarray(w, dtype="float32").reshape(self.n_inputs, 1))
        self.bias.assign(np.asarray([b], dtype="float32"))

    def reset(self) -> None:
        """Back to ``w = 0``, ``b = 0``: the net before any pattern."""
        self.set_state(np.zeros(self.n_inputs), 0.0)

    def get_config(self):
        return {
            **super().get_config(),
            "n_inputs": self.n_inputs,
            "learning_rate": float(self.learning_rate.numpy()),
            "off": self.off,
        }

    def __repr__(self) -> str:
        w, b = self.weights_and_bias()
        eta = float(self.learning_rate.numpy())
        return f"HebbNet(w={w.tolist()}, b={b:g}, learning_rate={eta:g}, off={self.off:g})"


def build_hebb_net(
    encoding: str = "bipolar", learning_rate: float = 1.0, n_inputs: int = 2
) -> HebbNet:
    """A compiled :class:`HebbNet` with ``w = 0``, ``b = 0``, ready for ``fit``."""
    model = HebbNet(n_inputs, learning_rate, off_value(encoding), name="hebb_net")
    model.build((None, n_inputs))
    model.compile()  # fit needs it; the Hebb rule lives in train_step, not in an optimizer
    return model


def train_history(model: HebbNet, X: np.ndarray, y: np.ndarray, epochs: int = 1) -> np.ndarray:
    """Reset the net, present the patterns one at a time for ``epochs`` epochs, in order.

    Each presentation runs the model's own :meth:`HebbNet.train_step` (the step ``fit``
    runs) on one pattern, all of them in one compiled loop (:func:`_history_function`,
    traced once per net): eagerly it was about 4 ms a pattern, 0.15 s for the dashboard's
    7 epochs at every slider step, where ``fit`` spends about a second setting itself up.
    Returns the states ``(w1, ..., wn, b)`` before the first pattern and after each one,
    shape ``(epochs * len(X) + 1, n + 1)``; the model ends in the last one.
    """
    model.reset()
    X = np.tile(np.asarray(X, dtype="float32"), (int(epochs), 1))
    y = np.tile(np.asarray(y, dtype="float32").ravel(), int(epochs))
    start = np.append(*model.weights_and_bias())[None, :]
    if len(X) == 0:
        return start.astype(np.float32)
    states = _history_function(model)(X, y).numpy()
    return np.concatenate([start, states]).astype(np.float32)


def _history_function(model: HebbNet):
    """``run(X, y)``: ``train_step`` on each pattern in turn, the state after each one."""
    run = model.__dict__.get("_dl_history")  # not a tracked attribute of the Keras model
    if run is None:
        import tensorflow as tf

        spec = [
            tf.TensorSpec([None, model.n_inputs], tf.float32),
            tf.TensorSpec([None], tf.float32),
        ]

        @tf.function(input_signature=spec)
        def run(X, y):
            states = tf.TensorArray(tf.float32, size=tf.shape(X)[0])
            for i in tf.range(tf.shape(X)[0]):
                model.train_step((X[i : i + 1], y[i : i + 1]))
                state = ops.concatenate([ops.reshape(model.kernel, (-1,)), model.bias])
                states = states.write(i, ops.cast(state, "float32"))
            return states.stack()

        object.__setattr__(model, "_dl_history", run)
    return run


def predict_outputs(model: HebbNet, X: np.ndarray) -> np.ndarray:
    """The net's answers on ``X`` (1 or the 'off' value), computed by Keras."""
    return ops.convert_to_numpy(model(X)).ravel()


def hebb_reference(X: np.ndarray, y: np.ndarray, learning_rate: float, epochs: int) -> np.ndarray:
    """The same rule in plain numpy, pattern by pattern (the tests' reference)."""
    X = np.asarray(X, dtype=np.float64)
    augmented = np.hstack([X, np.ones((len(X), 1))])  # the bias input, fixed at 1
    state = np.zeros(X.shape[1] + 1)
    states = [state.copy()]
    for _ in range(epochs):
        for x, target in zip(augmented, y, strict=True):
            state = state + learning_rate * x * target
            states.append(state.copy())
    return np.array(states)


def reference_outputs(X: np.ndarray, state: np.ndarray, off: float) -> np.ndarray:
    """Outputs of a threshold unit with weights ``state[:-1]`` and bias ``state[-1]``."""
    net = np.asarray(X, dtype=np.float64) @ state[:-1] + state[-1]
    return np.where(net >= 0, 1.0, off)
