"""Rosenblatt's perceptron (1957) as a Keras model with its own learning rule.

The perceptron is not trained by gradient descent: after each sample it moves its weights
by ``Δw = η (y − ŷ) x`` and its bias by ``Δb = η (y − ŷ)``, where ``ŷ = [w·x + b ≥ 0]`` is
the unit-step output and ``y`` the target (0 or 1). Nothing moves when the answer is right.

- :class:`Perceptron` is a ``keras.Model`` whose ``train_step`` is exactly that rule (one
  sample per batch). It also writes the weights after every sample into a small log
  (``step_log``), because Keras runs :data:`LOG_SIZE` samples per call
  (``steps_per_execution``) and calls the callbacks only between calls: a per-sample
  ``fit`` costs about 1 ms a sample here, the batched one 0.2 ms.
- :class:`StepCallback` turns that log back into one ``on_sample_end`` call per sample;
  :class:`Pocket` (Gallant's 1990 pocket algorithm: keep the weights with the fewest
  training errors seen) is built on it, for a plain ``fit``.
- :func:`perceptron_trajectory` runs the same ``train_step`` over every sample in one
  compiled call (:meth:`Perceptron.run_rule`: ``fit``'s own set-up took ~0.25 s a run)
  and returns a :class:`Trajectory`: the weights after every sample, so a dashboard
  replays, steps back and animates instantly.
- Novikoff (1962): data separable with margin ``γ`` (with the bias input 1 appended,
  ``R = max ||(x, 1)||``) makes the rule started at ``w = 0`` do at most ``(R / γ)²``
  updates. :func:`best_margin` finds ``γ`` (see there), :func:`novikoff_bound` the bound.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import keras
import numpy as np
from keras import ops

#: Samples Keras runs per call in the dashboards' ``fit`` (and rows of ``step_log``).
LOG_SIZE = 64


@keras.saving.register_keras_serializable(package="dl_course")
class Perceptron(keras.Model):
    """``ŷ = [w·x + b ≥ 0]`` trained by the perceptron rule; ``fit`` with ``batch_size=1``.

    Args:
        n_inputs: number of inputs (2 in the dashboard).
        learning_rate: η, the step of the rule (a variable: changing it needs no retrace).
        initial_weights: ``(w, b)`` to start from, or None for zeros (Novikoff's setting).

    Weights: ``w`` (n_inputs,), ``b`` (), then the bookkeeping ``eta``, ``step_log`` and
    ``steps_done``. ``fit`` reports ``errors``, the mistakes made in each epoch: 0 means
    every training point is on its side of the line (converged).
    """

    def __init__(
        self,
        n_inputs: int = 2,
        learning_rate: float = 1.0,
        initial_weights: tuple | None = None,
        **kwargs,
    ):
        super().__init__(**kwargs)
        self.n_inputs = int(n_inputs)
        self.initial_weights = initial_weights
        self.w = self.add_weight(
            name="w", shape=(self.n_inputs,), initializer="zeros", trainable=False
        )
        self.b = self.add_weight(name="b", shape=(), initializer="zeros", trainable=False)
        self.eta = self.add_weight(name="eta", shape=(), initializer="ones", trainable=False)
        # One row per sample: w..., b, ŷ, mistake (0/1); row = step number mod LOG_SIZE.
        self.step_log = self.add_weight(
            name="step_log",
            shape=(LOG_SIZE, self.n_inputs + 3),
            initializer="zeros",
            trainable=False,
        )
        self.steps_done = self.add_weight(
            name="steps_done", shape=(), initializer="zeros", dtype="int32", trainable=False
        )
        self.errors_tracker = keras.metrics.Sum(name="errors")
        self.learning_rate = learning_rate
        self.restart()

    @property
    def learning_rate(self) -> float:
        return float(self.eta.numpy())

    @learning_rate.setter
    def learning_rate(self, value: float) -> None:
        self.eta.assign(float(value))

    def restart(self) -> None:
        """Put the weights back at their initial values (zeros unless given)."""
        if self.initial_weights is None:
            self.set_parameters(np.zeros(self.n_inputs), 0.0)
        else:
            self.set_parameters(*self.initial_weights)

    def net_input(self, x):
        """The weighted sum ``w·x + b``, shape (batch,)."""
        return ops.matmul(x, self.w) + self.b

    def call(self, x):
        # The unit step: 1 on the positive side of the line (and on it), 0 elsewhere.
        return ops.cast(self.net_input(x) >= 0, "float32")

    def train_step(self, data):
        x, y = data[0], data[1]
        y = ops.reshape(ops.cast(y, "float32"), (-1,))
        # 1. Forward: the perceptron's answer with the current weights.
        y_hat = self(x, training=True)
        # 2. Error: y − ŷ is +1 (missed a 1), −1 (false alarm) or 0 (right).
        error = y - y_hat
        # 3. Update, which is zero when right: Δw = η (y − ŷ) x, Δb = η (y − ŷ).
        self.w.assign_add(self.eta * ops.sum(error[:, None] * x, axis=0))
        self.b.assign_add(self.eta * ops.sum(error))
        # 4. Bookkeeping: mistakes in this epoch (Keras resets the sum at each epoch)
        #    and the log row of this sample, read by StepCallback between Keras calls.
        mistakes = ops.sum(ops.abs(error))
        self.errors_tracker.update_state(mistakes)
        row = ops.concatenate(
            [
                self.w,
                ops.reshape(self.b, (1,)),
                ops.reshape(ops.sum(y_hat), (1,)),
                ops.reshape(mistakes, (1,)),
            ]
        )
        # scatter_update (tf.tensor_scatter_nd_update), not slice_update: Keras' TF backend
        # runs slice_update as XLA's XlaDynamicUpdateSlice, which TensorFlow compiles with
        # XLA even without jit_compile; that one op started XLA's compiler in the kernel:
        # +43 MB peak RSS against +1 MB (lesson 04's kernel in voila_bench: 660 -> 618 MB).
        position = ops.reshape(self.steps_done % LOG_SIZE, (1, 1))
        self.step_log.assign(ops.scatter_update(self.step_log, position, row[None, :]))
        self.steps_done.assign_add(1)
        return {"errors": self.errors_tracker.result()}

    @property
    def metrics(self):
        return [self.errors_tracker]

    def run_rule(self, X, y, epochs: int) -> np.ndarray:
        """Apply ``train_step`` to the samples one by one, ``epochs`` times over, stopping
        after the first epoch without a mistake; one compiled call.

        Returns a row per sample seen: ``w..., b`` after the update, ŷ before it, and the
        mistake (0/1) — what ``fit`` with :class:`StepCallback` reports, without ``fit``'s
        set-up (~0.25 s a call here: its data adapter and callbacks), so a dashboard's
        setting reruns the whole trajectory at once (issue 24).
        """
        import tensorflow as tf

        if getattr(self, "_rule_fn", None) is None:
            self._rule_fn = tf.function(
                self._rule_graph,
                input_signature=[
                    tf.TensorSpec([None, self.n_inputs], tf.float32),
                    tf.TensorSpec([None], tf.float32),
                    tf.TensorSpec([], tf.int32),
                ],
            )
        self.errors_tracker.reset_state()
        X = np.asarray(X, dtype=np.float32).reshape(-1, self.n_inputs)
        y = np.asarray(y, dtype=np.float32).ravel()
        return self._rule_fn(X, y, tf.constant(int(epochs))).numpy()

    def _rule_graph(self, X, y, epochs):
        import tensorflow as tf

        n = tf.shape(X)[0]
        rows = tf.TensorArray(tf.float32, size=0, dynamic_size=True)
        seen = 0
        for _epoch in tf.range(epochs):
            mistakes = 0.0
            for i in tf.range(n):
                self.train_step((X[i : i + 1], y[i : i + 1]))
                row = self.step_log[(self.steps_done - 1) % LOG_SIZE]
                rows = rows.write(seen, row)
                seen += 1
                mistakes += row[-1]
            if mistakes == 0.0:
                break
        return tf.reshape(rows.stack(), (-1, self.n_inputs + 3))

    def get_parameters(self) -> tuple[np.ndarray, float]:
        """The current ``(w, b)`` as numpy."""
        return np.array(self.w.numpy(), dtype=float), float(self.b.numpy())

    def set_parameters(self, w, b: float) -> None:
        """Load ``(w, b)``, e.g. one step of a recorded trajectory."""
        self.w.assign(np.asarray(w, dtype="float32").reshape(self.n_inputs))
        self.b.assign(float(b))

    def get_config(self):
        initial = self.initial_weights
        if initial is not None:
            initial = (np.asarray(initial[0], dtype=float).tolist(), float(initial[1]))
        return {
            **super().get_config(),
            "n_inputs": self.n_inputs,
            "learning_rate": self.learning_rate,
            "initial_weights": initial,
        }

    def __repr__(self) -> str:
        w, b = self.get_parameters()
        return (
            f"<Perceptron n_inputs={self.n_inputs} η={self.learning_rate:g} "
            f"w={np.round(w, 4).tolist()} b={b:.4g}>"
        )


def build_perceptron(
    n_inputs: int = 2, learning_rate: float = 1.0, initial_weights: tuple | None = None
) -> Perceptron:
    """A compiled :class:`Perceptron`, ready for ``fit(X, y, batch_size=1)``."""
    model = Perceptron(n_inputs, learning_rate, initial_weights, name="perceptron")
    model.build((None, n_inputs))
    # No loss and no optimizer: train_step is the whole learning rule. No XLA: it would
    # compile for seconds to save microseconds on a 3-weight model.
    model.compile(jit_compile=False, steps_per_execution=LOG_SIZE)
    return model


# ------------------------------------------------------------------------ callbacks


class StepCallback(keras.callbacks.Callback):
    """A callback called after every sample: override ``on_sample_end``.

    Keras calls batch callbacks once per ``steps_per_execution`` samples; this reads the
    model's ``step_log`` and replays the samples in between, in order.
    """

    def on_sample_end(self, step: int, w: np.ndarray, b: float, y_hat: float, mistake: bool):
        """``step`` counts from 0 at the start of ``fit``; (w, b) are after the update."""

    def on_train_begin(self, logs=None):
        self._start = self._seen = int(self.model.steps_done.numpy())

    def on_train_batch_end(self, batch, logs=None):
        done = int(self.model.steps_done.numpy())
        if done - self._seen > LOG_SIZE:
            raise RuntimeError(
                f"compile the perceptron with steps_per_execution <= {LOG_SIZE} "
                "(its step log holds that many samples)"
            )
        log = self.model.step_log.numpy()
        n = self.model.n_inputs
        for step in range(self._seen, done):
            row = log[step % LOG_SIZE]
            self.on_sample_end(
                step - self._start, row[:n].astype(float), float(row[n]), row[n + 1], row[n + 2] > 0
            )
        self._seen = done


class StopWhenConverged(keras.callbacks.Callback):
    """Stop ``fit`` after an epoch without a single mistake (for plain multi-epoch fits)."""

    def on_epoch_end(self, epoch, logs=None):
        if logs is not None and float(logs.get("errors", 1)) == 0:
            self.model.stop_training = True


class Pocket(StepCallback):
    """Gallant's pocket algorithm: keep the weights with the fewest errors on (X, y).

    After every sample the current weights are scored on the whole training set; strictly
    better ones go "into the pocket" (the start counts too). With ``restore=True`` the
    model ends with the pocket's weights, as the pocket algorithm prescribes.
    """

    def __init__(self, X, y, restore: bool = True):
        super().__init__()
        self.X = np.asarray(X, dtype=np.float32)
        self.y = np.asarray(y).astype(np.float32).ravel()
        self.restore = restore
        self.best_weights: tuple[np.ndarray, float] | None = None
        self.best_errors: int | None = None

    def _consider(self, w, b) -> None:
        errors = count_errors(self.X, self.y, w, b)
        if self.best_errors is None or errors < self.best_errors:
            self.best_errors, self.best_weights = errors, (np.array(w, dtype=float), float(b))

    def on_train_begin(self, logs=None):
        super().on_train_begin(logs)
        self.best_weights, self.best_errors = None, None
        self._consider(*self.model.get_parameters())

    def on_sample_end(self, step, w, b, y_hat, mistake):
        self._consider(w, b)

    def on_train_end(self, logs=None):
        if self.restore and self.best_weights is not None:
            self.model.set_parameters(*self.best_weights)


# ------------------------------------------------------------------------ numpy helpers


def predict(X, w, b) -> np.ndarray:
    """The perceptron's outputs in float32 numpy, as the Keras model computes them."""
    X = np.asarray(X, dtype=np.float32)
    z = X @ np.asarray(w, dtype=np.float32) + np.float32(b)
    return (z >= 0).astype(np.float32)


def count_errors(X, y, w, b) -> int:
    """How many points of (X, y) the weights (w, b) classify wrongly."""
    return int(np.sum(predict(X, w, b) != np.asarray(y, dtype=np.float32).ravel()))


def reference_trajectory(
    X, y, learning_rate: float = 1.0, epochs: int = 10, initial_weights: tuple | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The perceptron rule in plain numpy (float32), the tests' reference.

    Runs exactly ``epochs`` epochs over the samples in order; returns the weights
    ``(steps + 1, n)``, biases ``(steps + 1,)`` and mistakes ``(steps,)``.
    """
    X = np.asarray(X, dtype=np.float32)
    y = np.asarray(y, dtype=np.float32).ravel()
    eta = np.float32(learning_rate)
    if initial_weights is None:
        w, b = np.zeros(X.shape[1], np.float32), np.float32(0)
    else:
        w = np.asarray(initial_weights[0], np.float32).copy()
        b = np.float32(initial_weights[1])
    weights, biases, mistakes = [w.copy()], [b], []
    for _ in range(epochs):
        for x_i, y_i in zip(X, y, strict=True):
            y_hat = np.float32(x_i @ w + b >= 0)
            error = y_i - y_hat
            w = w + eta * error * x_i
            b = np.float32(b + eta * error)
            weights.append(w.copy())
            biases.append(b)
            mistakes.append(error != 0)
    return np.array(weights), np.array(biases), np.array(mistakes)


# ------------------------------------------------------------------------ the trajectory


@dataclass
class Trajectory:
    """Everything the animation shows, precomputed for every step.

    Per-state arrays (length ``steps + 1``): index ``i`` is the state after ``i`` samples,
    0 the start. Per-step arrays (length ``steps``): position ``i - 1`` describes the step
    that led to state ``i``.
    """

    X: np.ndarray
    y: np.ndarray
    learning_rate: float
    max_epochs: int
    weights: np.ndarray  # (steps + 1, n)
    biases: np.ndarray  # (steps + 1,)
    y_hat: np.ndarray  # (steps,) the prediction before the update
    mistake: np.ndarray  # (steps,) bool: the rule updated the weights
    sample: np.ndarray  # (steps,) index of the sample of each step
    converged_at: int | None = None  # state at the end of the first error-free epoch
    epoch: np.ndarray = field(init=False)  # (steps,) 0-based epoch of each step
    updates: np.ndarray = field(init=False)  # (steps + 1,) updates made so far
    train_errors: np.ndarray = field(init=False)  # (steps + 1,) errors on the whole set
    pocket_index: np.ndarray = field(init=False)  # (steps + 1,) state in the pocket

    def __post_init__(self):
        n, steps = len(self.X), len(self.mistake)
        self.epoch = np.arange(steps) // n
        self.updates = np.concatenate([[0], np.cumsum(self.mistake)]).astype(int)
        z = self.weights.astype(np.float32) @ self.X.T + self.biases.astype(np.float32)[:, None]
        self.train_errors = np.sum((z >= 0) != (self.y[None, :] > 0), axis=1)
        # The pocket holds the first state with the fewest errors seen so far.
        best = np.minimum.accumulate(self.train_errors)
        improved = np.concatenate([[True], best[1:] < best[:-1]])
        self.pocket_index = np.maximum.accumulate(np.where(improved, np.arange(steps + 1), 0))

    @property
    def steps(self) -> int:
        return len(self.mistake)

    @property
    def converged(self) -> bool:
        return self.converged_at is not None

    @property
    def epochs_run(self) -> int:
        return int(self.epoch[-1]) + 1 if self.steps else 0

    def pocket(self, index: int) -> tuple[np.ndarray, float, int]:
        """The pocket's weights, bias and training errors at state ``index``."""
        k = int(self.pocket_index[index])
        return self.weights[k], float(self.biases[k]), int(self.train_errors[k])

    def epoch_errors(self, index: int) -> int:
        """Mistakes so far in the epoch of the step that led to state ``index``."""
        if index == 0:
            return 0
        start = int(self.epoch[index - 1]) * len(self.X)
        return int(self.mistake[start:index].sum())


def epoch_order(n: int, epochs: int, shuffle_seed: int | None = None) -> np.ndarray:
    """The sample indices seen in ``epochs`` epochs: in order, or shuffled every epoch."""
    if shuffle_seed is None:
        return np.tile(np.arange(n), epochs)
    rng = np.random.default_rng(shuffle_seed)
    return np.concatenate([rng.permutation(n) for _ in range(epochs)]).astype(int)


def perceptron_trajectory(
    model: Perceptron,
    X,
    y,
    max_epochs: int = 20,
    pocket: bool = False,
    shuffle_seed: int | None = None,
) -> Trajectory:
    """Train ``model`` from its initial weights and record every step.

    The model's own ``train_step`` runs on the samples one by one for up to ``max_epochs``
    epochs (:meth:`Perceptron.run_rule`, one compiled call), in order or, with
    ``shuffle_seed``, in a new random order every epoch (Gallant's pocket needs that to
    find good weights on XOR). It stops after the first epoch without a mistake. With
    ``pocket`` the model ends with the pocket's weights.
    """
    X = np.asarray(X, dtype=np.float32)
    y = np.asarray(y).astype(np.float32).ravel()
    if len(X) == 0 or len(X) != len(y):
        raise ValueError(f"need as many labels as points (at least one), got {len(X)}/{len(y)}")
    order = epoch_order(len(X), int(max_epochs), shuffle_seed)
    model.restart()
    start_w, start_b = model.get_parameters()
    if shuffle_seed is None:  # the same order every epoch: the loop repeats the samples
        rows = model.run_rule(X, y, int(max_epochs))
    else:  # one long "epoch" of the shuffled samples, checked epoch by epoch below
        rows = model.run_rule(X[order], y[order], 1)
    steps, converged_at = _until_converged(rows[:, -1] > 0, len(X))
    rows = rows[:steps]
    n = model.n_inputs
    trajectory = Trajectory(
        X=X,
        y=y,
        learning_rate=model.learning_rate,
        max_epochs=int(max_epochs),
        weights=np.vstack([start_w[None, :], rows[:, :n].astype(float)]),
        biases=np.concatenate([[start_b], rows[:, n].astype(float)]),
        y_hat=rows[:, n + 1].astype(np.float32),
        mistake=rows[:, n + 2] > 0,
        sample=order[:steps],
        converged_at=converged_at,
    )
    last = trajectory.pocket_index[-1] if pocket else steps
    model.set_parameters(trajectory.weights[last], trajectory.biases[last])
    return trajectory


def _until_converged(mistake: np.ndarray, per_epoch: int) -> tuple[int, int | None]:
    """(steps kept, state of convergence): up to the end of the first error-free epoch."""
    epochs = len(mistake) // per_epoch
    by_epoch = mistake[: epochs * per_epoch].reshape(epochs, per_epoch).any(axis=1)
    clean = np.flatnonzero(~by_epoch)
    if len(clean) == 0:
        return len(mistake), None
    end = int(clean[0] + 1) * per_epoch
    return end, end


# ------------------------------------------------------------------------ Novikoff


def augmented(X) -> np.ndarray:
    """The inputs with the bias input 1 appended: ``(x1, x2, 1)``."""
    X = np.asarray(X, dtype=float)
    return np.hstack([X, np.ones((len(X), 1))])


def margin_of(X, y, w, b) -> float:
    """The margin of the separator (w, b) in the augmented space (with the bias input).

    ``min_i s_i (w·x_i + b) / ||(w, b)||`` with ``s_i = ±1`` the class; negative when
    (w, b) misclassifies a point.
    """
    v = np.append(np.asarray(w, dtype=float), float(b))
    norm = np.linalg.norm(v)
    if norm == 0:
        return 0.0
    signs = np.where(np.asarray(y).ravel() > 0, 1.0, -1.0)
    return float(np.min(signs * (augmented(X) @ v)) / norm)


@dataclass
class MarginEstimate:
    """What :func:`best_margin` found: ``low ≤ γ* ≤ high`` and the separator for ``low``."""

    low: float  # the margin of `separator`: a true margin (≤ 0: none found)
    high: float  # no separator has a larger margin
    separator: np.ndarray  # unit vector (w1, w2, b)

    @property
    def separable(self) -> bool:
        return self.low > 0


def best_margin(X, y, tolerance: float = 0.01, iterations: int = 20000) -> MarginEstimate:
    """The largest margin ``γ*`` of a line, measured with the bias input (as Novikoff's).

    With ``z_i = s_i (x_i, 1)`` the best margin equals the distance from the origin to the
    convex hull of the ``z_i`` (0 when no line separates the classes). Gilbert's (1966)
    algorithm walks towards the hull's point ``p`` nearest the origin: ``||p||`` bounds
    ``γ*`` from above and the margin of the separator ``p`` bounds it from below. It stops
    when they agree within ``tolerance`` (relative) or ``p`` reaches the origin.
    Tests check ``low`` against the generating line's margin and a grid search.
    """
    Z = np.where(np.asarray(y).ravel() > 0, 1.0, -1.0)[:, None] * augmented(X)
    if len(Z) == 0:
        raise ValueError("no points")
    p = Z[np.argmin(np.linalg.norm(Z, axis=1))].copy()
    low, high, best = -np.inf, np.inf, p
    scale = float(np.max(np.linalg.norm(Z, axis=1)))
    for _ in range(int(iterations)):
        norm = float(np.linalg.norm(p))
        high = min(high, norm)
        if norm <= 1e-9 * scale:
            break
        values = Z @ p
        margin = float(values.min()) / norm
        if margin > low:
            low, best = margin, p / norm
        if low > 0 and low >= (1 - tolerance) * high:
            break
        q = Z[int(np.argmin(values))]  # the point the current separator treats worst
        d = p - q
        step = float(p @ d) / float(d @ d) if d @ d > 0 else 0.0
        if step <= 0:
            break
        p = p - min(step, 1.0) * d
    return MarginEstimate(low=float(low), high=float(high), separator=np.asarray(best))


def novikoff_bound(X, gamma: float) -> float:
    """``(R / γ)²`` with ``R = max ||(x, 1)||``; inf when ``γ ≤ 0``."""
    if gamma <= 0:
        return float("inf")
    radius = float(np.max(np.linalg.norm(augmented(X), axis=1)))
    return (radius / gamma) ** 2
