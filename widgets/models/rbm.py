"""Restricted Boltzmann machines and deep belief networks for lesson 13, in Keras 3.

A **restricted Boltzmann machine** (RBM) is a two-layer network of binary units, ``v``
(visible: the 784 pixels of a binarized digit) and ``h`` (hidden), with weights ``W``
between the layers and none inside a layer. It gives every pair (v, h) an **energy**

    E(v, h) = −v·b_v − h·b_h − vᵀ W h

and a probability p(v, h) = exp(−E(v, h)) / Z, where the **partition function** Z sums
exp(−E) over all 2^(n_v + n_h) states. Summing out h gives the **free energy**
F(v) = −v·b_v − Σ_j softplus(b_h_j + (vᵀW)_j) and p(v) = exp(−F(v)) / Z. With no links
inside a layer, p(h|v) = σ(vW + b_h) and p(v|h) = σ(hWᵀ + b_v) factorise, so **Gibbs
sampling** alternates whole layers.

Training follows Hinton's *A Practical Guide to Training RBMs* (UTML TR 2010-003):
**contrastive divergence** CD-k (the negative phase starts at the data and runs k Gibbs
steps) or **persistent CD** (PCD: it continues a fixed set of chains from one update to the
next), momentum, weight decay (on W only), W ~ N(0, 0.01²), b_v = log(p/(1−p)) of the
pixel means (``visible_bias_from=x``), the positive statistics from p(h|v0), the last
negative step from probabilities. :func:`build_rbm` returns a compiled :class:`Rbm` (a
``keras.Model`` compiled with **no optimizer**: ``train_step`` updates non-trainable
variables by ``assign``), so ``fit``, callbacks and ``evaluate`` work. Per batch it reports
``reconstruction_error`` (squared error summed over the pixels of an image, mean over the
batch: the guide's monitor, which is *not* what CD optimises) and ``free_energy`` (the mean
F(v) of the batch; with ``validation_data`` also ``val_free_energy``: a held-out free
energy rising above the training one is the guide's sign of overfitting). ``model(x)`` and
``predict`` give p(h|v): the features.

numpy in, numpy out: ``hidden_probabilities``, ``visible_probabilities``, ``energy``,
``free_energy`` (these four also work on tensors inside a step), ``gibbs`` (with clamping,
for fill-in), ``gibbs_chain`` (the steps of an animation); :class:`NumpyRbm` is a numpy copy
with the same methods (a Gibbs step of a few chains costs microseconds, not a Keras call).

The exact case: :func:`bars_and_stripes` (the 30 valid 4×4 patterns),
:func:`exact_log_partition` (log Z by enumerating the smaller layer, ≤ 20 units),
:func:`exact_log_likelihood`, :func:`model_distribution`. References for tests:
:func:`cd_update_numpy` (one CD-k/PCD update in numpy from given uniforms).

Deep belief network: :func:`build_dbn` (RBMs stacked), :func:`train_greedy` (each RBM on the
previous one's hidden probabilities), :func:`features`, :func:`linear_probe` (a seeded
softmax classifier's test accuracy: raw pixels vs RBM vs DBN features), :func:`fine_tune`
(the DBN's weights as sigmoid layers + softmax, trained by backpropagation).
:func:`diverged` tells a run whose weights blew up (too high a learning rate).

Seconds per epoch of CD-1 on this machine (8,000 binarized digits, lr 0.1, Keras 3.15 /
TensorFlow 2.21; the best and worst of 3 epochs after the first, which traces the step;
2 cores shared with 4 other agents at load 4.5–9, so the spread is the load's; ``python -m
widgets.models.rbm --jit``, 2 December 2026):

==============  ==============  ===============  ====================
hidden units    batch 64        batch 100        batch 100, XLA (jit)
==============  ==============  ===============  ====================
64              0.44–1.41       0.44–0.73        0.84–1.05
256             0.62–1.45       0.70–1.42        2.98–4.21
500             1.22–2.69       0.83–2.43        5.10–10.67
==============  ==============  ===============  ====================

These were measured with one batch per step call. ``jit_compile=True`` was 2–4× *slower*
here (XLA's matmuls on this CPU, and the dynamic last batch compiles twice), so
:func:`build_rbm` leaves it off. The step is one traced ``tf.function`` (Keras' own; the k
Gibbs steps are unrolled when it is traced), and :func:`build_rbm` compiles with
``steps_per_execution=10``, so Keras' Python runs once per 10 batches: 64 hidden units,
batch 100, 0.14–0.16 s an epoch against 0.20–0.51 s with one batch per call; bars and
stripes (16 → 8, CD-5, batch 10) 0.07–0.10 s against 0.13–0.21 s (same run, load ~10).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence

import numpy as np

from ..errors import StudentError

__all__ = [
    "BARS_STRIPES_COUNT",
    "INPUT_SIZE",
    "Dbn",
    "NumpyRbm",
    "bars_and_stripes",
    "binarized_mnist",
    "build_dbn",
    "build_rbm",
    "cd_update_numpy",
    "diverged",
    "exact_log_likelihood",
    "exact_log_partition",
    "features",
    "accuracy",
    "fine_tune",
    "fine_tune_model",
    "linear_probe",
    "model_distribution",
    "probe_model",
    "rbm_class",
    "train_greedy",
    "uniform_shapes",
]

INPUT_SIZE = 784  # 28 × 28 pixels, flat
BARS_STRIPES_COUNT = 30  # 2⁴ + 2⁴ − 2 for 4×4
EXACT_LIMIT = 20  # enumerate at most 2^20 states of the smaller layer
DIVERGED_WEIGHT = 100.0  # |W| beyond this: blown up (trained MNIST RBMs stay within ±10)
MAX_CHAIN_STEPS = 100


def _rbm_texts():
    from ..rbm import texts  # noqa: F401 - registers the "rbm" sentences


def check_k(k) -> int:
    """``k`` as an int ≥ 1, else ``StudentError("rbm.k_too_small")``."""
    try:
        value = int(k)
        whole = float(k) == value
    except (TypeError, ValueError, OverflowError):
        value, whole = 0, False
    if not whole or value < 1:
        _rbm_texts()
        raise StudentError("rbm.k_too_small", k="–" if k is None else k)
    return value


def check_steps(steps) -> int:
    """``steps`` of Gibbs sampling as an int in 1..any, else a StudentError."""
    try:
        value = int(steps)
        whole = float(steps) == value
    except (TypeError, ValueError, OverflowError):
        value, whole = 0, False
    if not whole or value < 1:
        _rbm_texts()
        raise StudentError("rbm.steps_too_small", steps="–" if steps is None else steps)
    return value


# ----------------------------------------------------------------------------- data


def binarized_mnist(n_train: int = 8000, n_test: int = 2000):
    """``(x_train, y_train, x_test, y_test)``: flat float32 images in {0, 1} (pixel > 0.5
    of [0, 1]) and int64 labels, from the offline 8k/2k split of :func:`load_mnist`."""
    from ..data.mnist import load_mnist

    data = load_mnist()

    def flat(images, n):
        x = np.asarray(images[:n], dtype=np.float32).reshape(-1, INPUT_SIZE) / 255.0
        return (x > 0.5).astype(np.float32)

    return (
        flat(data.x_train, n_train),
        np.asarray(data.y_train[:n_train], dtype=np.int64),
        flat(data.x_test, n_test),
        np.asarray(data.y_test[:n_test], dtype=np.int64),
    )


def bars_and_stripes(size: int = 4) -> np.ndarray:
    """All ``2·2^size − 2`` valid bars-and-stripes patterns, ``(count, size²)`` float32.

    First the 2^size patterns whose rows are each all on or all off (horizontal stripes,
    from all-off to all-on in binary order of the rows, top row the highest bit), then the
    vertical bars (each column all on or off) without the all-off and all-on images, which
    are already there: 30 patterns for 4×4.
    """
    size = int(size)
    rows = []
    for bits in itertools.product((0.0, 1.0), repeat=size):
        rows.append(np.repeat(np.array(bits)[:, None], size, axis=1))
    columns = [pattern.T for pattern in rows[1:-1]]
    return np.array([p.reshape(-1) for p in rows + columns], dtype=np.float32)


# --------------------------------------------------------------- shared numerics


def _sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def _softplus(z):
    return np.logaddexp(0.0, z)


def uniform_shapes(
    n: int, n_chains: int, n_visible: int, n_hidden: int, k: int, persistent: bool
) -> list[tuple[int, int]]:
    """Shapes of the uniform draws of one CD-k / PCD update, in the order they are used.

    ``(n, n_hidden)`` for h₀ ~ p(h|v₀) (the data's hidden sample, which the reconstruction
    starts from); then for each Gibbs step j = 1..k of the negative phase: the hidden draw
    (not for CD's step 1, which reuses h₀) and the visible draw (not for CD's last step,
    whose probabilities are the negative statistics and which no chain keeps). The negative
    phase has ``n`` rows for CD (it starts at the batch) and ``n_chains`` for PCD.
    """
    m = n_chains if persistent else n
    shapes = [(n, n_hidden)]
    for j in range(1, k + 1):
        if persistent or j > 1:
            shapes.append((m, n_hidden))
        if persistent or j < k:
            shapes.append((m, n_visible))
    return shapes


def cd_update_numpy(
    W,
    b_v,
    b_h,
    v0,
    k,
    lr,
    rng_uniforms,
    momentum: float = 0.0,
    weight_decay: float = 0.0,
    velocities=None,
    chain=None,
) -> dict:
    """One CD-k update (PCD if ``chain`` is given) in float64 numpy: the tests' reference.

    ``rng_uniforms`` are arrays of :func:`uniform_shapes` (a sample is ``u < p``), so the
    same uniforms fed to :meth:`Rbm.cd_step` must give the same update. Returns a dict with
    the new ``W``, ``b_v``, ``b_h``, ``velocities`` (dW, db_v, db_h), ``chain`` (PCD) and the
    batch's ``reconstruction_error`` and ``free_energy`` (before the update).
    """
    W, b_v, b_h, v0 = (np.asarray(a, dtype=np.float64) for a in (W, b_v, b_h, v0))
    uniforms = iter(np.asarray(u, dtype=np.float64) for u in rng_uniforms)
    persistent = chain is not None
    pre0 = v0 @ W + b_h
    h0_prob = _sigmoid(pre0)
    h0 = (next(uniforms) < h0_prob).astype(np.float64)
    recon = _sigmoid(h0 @ W.T + b_v)
    v = np.asarray(chain, dtype=np.float64) if persistent else v0
    v_prob = None
    for j in range(1, k + 1):
        if persistent or j > 1:
            h = (next(uniforms) < _sigmoid(v @ W + b_h)).astype(np.float64)
        else:
            h = h0
        v_prob = _sigmoid(h @ W.T + b_v)
        if persistent or j < k:
            v = (next(uniforms) < v_prob).astype(np.float64)
    h_neg = _sigmoid(v_prob @ W + b_h)
    grad_W = v0.T @ h0_prob / len(v0) - v_prob.T @ h_neg / len(v_prob)
    grad_bv = v0.mean(0) - v_prob.mean(0)
    grad_bh = h0_prob.mean(0) - h_neg.mean(0)
    if velocities is None:
        velocities = (np.zeros_like(W), np.zeros_like(b_v), np.zeros_like(b_h))
    dW, dbv, dbh = (np.asarray(a, dtype=np.float64) for a in velocities)
    dW = momentum * dW + lr * (grad_W - weight_decay * W)
    dbv = momentum * dbv + lr * grad_bv
    dbh = momentum * dbh + lr * grad_bh
    return {
        "W": W + dW,
        "b_v": b_v + dbv,
        "b_h": b_h + dbh,
        "velocities": (dW, dbv, dbh),
        "chain": v if persistent else None,
        "reconstruction_error": float(np.mean(np.sum((v0 - recon) ** 2, axis=1))),
        "free_energy": float(np.mean(-v0 @ b_v - np.sum(_softplus(pre0), axis=1))),
    }


# ------------------------------------------------------------------------ numpy RBM


class NumpyRbm:
    """A copy of an RBM's parameters in numpy (float32) with the :class:`Rbm` methods.

    For the live Gibbs animation: a step of a few chains is a few µs of matrix products, a
    Keras call milliseconds. The copy does not follow later training.
    """

    def __init__(self, W, b_visible, b_hidden):
        self.W = np.array(W, dtype=np.float32)
        self.b_visible = np.array(b_visible, dtype=np.float32).reshape(-1)
        self.b_hidden = np.array(b_hidden, dtype=np.float32).reshape(-1)

    @classmethod
    def from_model(cls, rbm) -> NumpyRbm:
        if isinstance(rbm, NumpyRbm):
            return cls(rbm.W, rbm.b_visible, rbm.b_hidden)
        return cls(np.asarray(rbm.W), np.asarray(rbm.b_visible), np.asarray(rbm.b_hidden))

    @property
    def n_visible(self) -> int:
        return self.W.shape[0]

    @property
    def n_hidden(self) -> int:
        return self.W.shape[1]

    def _rows(self, x, width):
        return np.asarray(x, dtype=np.float32).reshape(-1, width)

    def hidden_probabilities(self, v) -> np.ndarray:
        v = self._rows(v, self.n_visible)
        return _sigmoid(v @ self.W + self.b_hidden).astype(np.float32)

    def visible_probabilities(self, h) -> np.ndarray:
        h = self._rows(h, self.n_hidden)
        return _sigmoid(h @ self.W.T + self.b_visible).astype(np.float32)

    def energy(self, v, h) -> np.ndarray:
        v, h = self._rows(v, self.n_visible), self._rows(h, self.n_hidden)
        return -(v @ self.b_visible) - h @ self.b_hidden - np.sum((v @ self.W) * h, axis=1)

    def free_energy(self, v) -> np.ndarray:
        v = self._rows(v, self.n_visible).astype(np.float64)
        pre = v @ self.W.astype(np.float64) + self.b_hidden
        return (-(v @ self.b_visible) - np.sum(_softplus(pre), axis=1)).astype(np.float32)

    def _clamp(self, clamp, rows):
        if clamp is None:
            return None
        mask, values = clamp
        mask = np.broadcast_to(np.asarray(mask, dtype=bool), (rows, self.n_visible))
        if not mask.any():
            _rbm_texts()
            raise StudentError("rbm.clamp_nothing")
        if mask.all():
            _rbm_texts()
            raise StudentError("rbm.clamp_everything")
        values = np.broadcast_to(np.asarray(values, dtype=np.float32), (rows, self.n_visible))
        return mask, values

    def _steps(self, v, steps, seed, clamp):
        """Yield (v_prob, v_sample, h_prob, h_sample) after each alternation h ← v, v ← h."""
        rng = np.random.default_rng(seed)
        v = self._rows(v, self.n_visible).copy()
        clamp = self._clamp(clamp, len(v))
        if clamp is not None:
            v[clamp[0]] = clamp[1][clamp[0]]
        for _ in range(check_steps(steps)):
            h_prob = self.hidden_probabilities(v)
            h = (rng.random(h_prob.shape, dtype=np.float32) < h_prob).astype(np.float32)
            v_prob = self.visible_probabilities(h)
            v = (rng.random(v_prob.shape, dtype=np.float32) < v_prob).astype(np.float32)
            if clamp is not None:
                v[clamp[0]] = clamp[1][clamp[0]]
                v_prob = np.where(clamp[0], clamp[1], v_prob).astype(np.float32)
            yield v_prob, v, h_prob, h

    def gibbs(self, v, steps: int = 1, seed=None, clamp=None):
        """``(v_probs, v_sample, h_sample)`` after ``steps`` alternations from ``v``.

        ``clamp=(mask, values)``: the visible units where ``mask`` is true are held at
        ``values`` (fill-in: the RBM completes the rest). Seeded by ``seed``.
        """
        *_, last = self._steps(v, steps, seed, clamp)
        v_prob, v_sample, _, h_sample = last
        return v_prob, v_sample, h_sample

    def gibbs_chain(self, v0, steps: int = 20, seed=None, clamp=None):
        """``[(v_prob, h_prob), ...]``: each step's p(v|h) and the p(h|v) it sampled h from
        (≤ 100 steps, for an animation)."""
        steps = min(check_steps(steps), MAX_CHAIN_STEPS)
        return [(vp, hp) for vp, _, hp, _ in self._steps(v0, steps, seed, clamp)]

    def reconstruction_error(self, v) -> float:
        """Mean over rows of Σ (v − p(v|h))², h ~ p(h|v) (one draw, seeded 0)."""
        v = self._rows(v, self.n_visible)
        v_prob, _, _ = self.gibbs(v, 1, seed=0)
        return float(np.mean(np.sum((v - v_prob) ** 2, axis=1)))


# ------------------------------------------------------------------------ Keras RBM


@functools.cache
def _classes():
    """The Keras class (built once, on first use, so importing this module is cheap)."""
    import keras

    ops = keras.ops

    def as_numpy(result, numpy_in):
        return np.asarray(result) if numpy_in else result

    @keras.saving.register_keras_serializable(package="dl_course")
    class Rbm(keras.Model):
        """A Bernoulli–Bernoulli RBM trained by CD-k / PCD in ``train_step`` (see module).

        Variables (all non-trainable): ``W`` (n_visible, n_hidden), ``b_visible``,
        ``b_hidden``, the velocities ``dW``, ``db_visible``, ``db_hidden``, the scalars
        ``learning_rate``, ``momentum``, ``weight_decay`` (assign to change them between
        epochs without retracing), and for PCD the persistent ``chain`` (n_chains, n_visible).
        """

        def __init__(self, spec: dict, **kwargs):
            super().__init__(**kwargs)
            self.spec = dict(spec)
            nv, nh = self.n_visible, self.n_hidden = int(spec["n_visible"]), int(spec["n_hidden"])
            self.k = int(spec["k"])
            self.persistent = bool(spec["persistent"])
            self.batch_size = int(spec["batch_size"])
            seed = int(spec["seed"])
            self.seed_generator = keras.random.SeedGenerator(seed)

            def variable(name, shape, init="zeros"):
                return self.add_weight(shape=shape, initializer=init, trainable=False, name=name)

            normal = keras.initializers.RandomNormal(stddev=0.01, seed=seed)
            self.W = variable("W", (nv, nh), normal)
            self.b_visible = variable("b_visible", (nv,))
            self.b_hidden = variable("b_hidden", (nh,))
            self.dW = variable("dW", (nv, nh))
            self.db_visible = variable("db_visible", (nv,))
            self.db_hidden = variable("db_hidden", (nh,))
            self.learning_rate = variable("learning_rate", ())
            self.momentum = variable("momentum", ())
            self.weight_decay = variable("weight_decay", ())
            self.learning_rate.assign(float(spec["learning_rate"]))
            self.momentum.assign(float(spec["momentum"]))
            self.weight_decay.assign(float(spec["weight_decay"]))
            self.n_chains = self.batch_size if self.persistent else 0
            if self.persistent:
                rng = np.random.default_rng(seed)
                start = (rng.random((self.n_chains, nv)) < 0.5).astype(np.float32)
                self.chain = variable("chain", (self.n_chains, nv))
                self.chain.assign(start)
            self.reconstruction_tracker = keras.metrics.Mean(name="reconstruction_error")
            self.free_energy_tracker = keras.metrics.Mean(name="free_energy")

        def build(self, input_shape=None):
            self.built = True

        @property
        def metrics(self):
            return [self.reconstruction_tracker, self.free_energy_tracker]

        # -- the probabilities (tensors in a step; numpy in, numpy out outside)

        def hidden_probabilities(self, v):
            numpy_in = isinstance(v, np.ndarray | list)
            v = ops.reshape(ops.cast(v, "float32"), (-1, self.n_visible))
            return as_numpy(ops.sigmoid(ops.matmul(v, self.W) + self.b_hidden), numpy_in)

        def visible_probabilities(self, h):
            numpy_in = isinstance(h, np.ndarray | list)
            h = ops.reshape(ops.cast(h, "float32"), (-1, self.n_hidden))
            pre = ops.matmul(h, ops.transpose(self.W)) + self.b_visible
            return as_numpy(ops.sigmoid(pre), numpy_in)

        def energy(self, v, h):
            numpy_in = isinstance(v, np.ndarray | list)
            v = ops.reshape(ops.cast(v, "float32"), (-1, self.n_visible))
            h = ops.reshape(ops.cast(h, "float32"), (-1, self.n_hidden))
            e = -ops.matmul(v, self.b_visible[:, None])[:, 0]
            e = e - ops.matmul(h, self.b_hidden[:, None])[:, 0]
            return as_numpy(e - ops.sum(ops.matmul(v, self.W) * h, axis=1), numpy_in)

        def free_energy(self, v):
            numpy_in = isinstance(v, np.ndarray | list)
            v = ops.reshape(ops.cast(v, "float32"), (-1, self.n_visible))
            pre = ops.matmul(v, self.W) + self.b_hidden
            return as_numpy(self._free_energy(v, pre), numpy_in)

        def _free_energy(self, v, pre):
            visible = ops.matmul(v, self.b_visible[:, None])[:, 0]
            return -visible - ops.sum(ops.softplus(pre), axis=1)

        def call(self, x, training=False):
            return self.hidden_probabilities(x)

        def gibbs(self, v, steps: int = 1, seed=None, clamp=None):
            """See :meth:`NumpyRbm.gibbs` (run on a numpy copy of the weights)."""
            return NumpyRbm.from_model(self).gibbs(v, steps, seed=seed, clamp=clamp)

        def gibbs_chain(self, v0, steps: int = 20, seed=None, clamp=None):
            """See :meth:`NumpyRbm.gibbs_chain` (run on a numpy copy of the weights)."""
            return NumpyRbm.from_model(self).gibbs_chain(v0, steps, seed=seed, clamp=clamp)

        # -- learning

        def _update(self, v0, uniforms):
            """One CD-k / PCD update of the variables; (reconstruction error, free energy)."""
            uniforms = iter(uniforms)
            W, b_v, b_h = self.W, self.b_visible, self.b_hidden
            Wt = ops.transpose(W)
            n = ops.cast(ops.shape(v0)[0], "float32")
            pre0 = ops.matmul(v0, W) + b_h
            h0_prob = ops.sigmoid(pre0)
            h0 = ops.cast(next(uniforms) < h0_prob, "float32")
            recon = ops.sigmoid(ops.matmul(h0, Wt) + b_v)
            v = self.chain if self.persistent else v0
            v_prob = None
            for j in range(1, self.k + 1):
                if self.persistent or j > 1:
                    h_prob = ops.sigmoid(ops.matmul(v, W) + b_h)
                    h = ops.cast(next(uniforms) < h_prob, "float32")
                else:
                    h = h0
                v_prob = ops.sigmoid(ops.matmul(h, Wt) + b_v)
                if self.persistent or j < self.k:
                    v = ops.cast(next(uniforms) < v_prob, "float32")
            h_neg = ops.sigmoid(ops.matmul(v_prob, W) + b_h)
            m = ops.cast(ops.shape(v_prob)[0], "float32")
            grad_W = ops.matmul(ops.transpose(v0), h0_prob) / n
            grad_W = grad_W - ops.matmul(ops.transpose(v_prob), h_neg) / m
            grad_bv = ops.mean(v0, axis=0) - ops.mean(v_prob, axis=0)
            grad_bh = ops.mean(h0_prob, axis=0) - ops.mean(h_neg, axis=0)
            lr, mom = self.learning_rate, self.momentum
            dW = mom * self.dW + lr * (grad_W - self.weight_decay * W)
            dbv = mom * self.db_visible + lr * grad_bv
            dbh = mom * self.db_hidden + lr * grad_bh
            error = ops.mean(ops.sum(ops.square(v0 - recon), axis=1))
            free = ops.mean(self._free_energy(v0, pre0))
            self.dW.assign(dW)
            self.db_visible.assign(dbv)
            self.db_hidden.assign(dbh)
            self.W.assign(W + dW)
            self.b_visible.assign(b_v + dbv)
            self.b_hidden.assign(b_h + dbh)
            if self.persistent:
                self.chain.assign(v)
            return error, free

        def _draw_uniforms(self, n):
            shapes = uniform_shapes(
                n, self.n_chains, self.n_visible, self.n_hidden, self.k, self.persistent
            )
            return [keras.random.uniform(shape, seed=self.seed_generator) for shape in shapes]

        def train_step(self, data):
            x, _, _ = keras.utils.unpack_x_y_sample_weight(data)
            v0 = ops.cast(x, "float32")
            error, free = self._update(v0, self._draw_uniforms(ops.shape(v0)[0]))
            self.reconstruction_tracker.update_state(error)
            self.free_energy_tracker.update_state(free)
            return {metric.name: metric.result() for metric in self.metrics}

        def test_step(self, data):
            x, _, _ = keras.utils.unpack_x_y_sample_weight(data)
            v0 = ops.cast(x, "float32")
            pre = ops.matmul(v0, self.W) + self.b_hidden
            u = keras.random.uniform(ops.shape(pre), seed=self.seed_generator)
            h0 = ops.cast(u < ops.sigmoid(pre), "float32")
            recon = self.visible_probabilities(h0)
            self.reconstruction_tracker.update_state(
                ops.mean(ops.sum(ops.square(v0 - recon), axis=1))
            )
            self.free_energy_tracker.update_state(ops.mean(self._free_energy(v0, pre)))
            return {metric.name: metric.result() for metric in self.metrics}

        def cd_step(self, v0, uniforms) -> dict:
            """One update from the given uniforms (eager; for the tests): the same code as
            ``train_step`` with the draws of :func:`uniform_shapes` fed in."""
            v0 = ops.convert_to_tensor(np.asarray(v0, dtype=np.float32))
            uniforms = [ops.convert_to_tensor(np.asarray(u, dtype=np.float32)) for u in uniforms]
            error, free = self._update(v0, uniforms)
            return {"reconstruction_error": float(error), "free_energy": float(free)}

        def fit(self, x=None, y=None, batch_size=None, verbose=0, **kwargs):
            """``keras.Model.fit`` with the RBM's batch size and no progress bar by default."""
            batch_size = self.batch_size if batch_size is None else batch_size
            return super().fit(x, y, batch_size=batch_size, verbose=verbose, **kwargs)

        def set_visible_bias_from(self, x):
            """b_v = log(p / (1 − p)) of the pixel means p of ``x`` (Hinton's guide §8)."""
            p = np.clip(np.asarray(x, dtype=np.float64).mean(axis=0), 1e-3, 1 - 1e-3)
            self.b_visible.assign(np.log(p / (1 - p)).astype(np.float32))

        def get_config(self):
            return {**super().get_config(), "spec": self.spec}

        @classmethod
        def from_config(cls, config):
            config = dict(config)
            spec = config.pop("spec")
            return cls(spec, **{k: v for k, v in config.items() if k in ("name",)})

    return (Rbm,)


def rbm_class():
    """The :class:`Rbm` class itself (for ``isinstance``; imports Keras)."""
    return _classes()[0]


def build_rbm(
    n_visible: int = INPUT_SIZE,
    n_hidden: int = 64,
    learning_rate: float = 0.1,
    k: int = 1,
    persistent: bool = False,
    momentum: float = 0.5,
    weight_decay: float = 1e-4,
    batch_size: int = 100,
    seed: int = 0,
    visible_bias_from=None,
    jit_compile: bool | str = False,
    steps_per_execution: int = 10,
    name: str = "rbm",
):
    """A compiled :class:`Rbm` (no optimizer: ``train_step`` assigns the CD-k updates).

    ``k`` < 1 raises ``StudentError("rbm.k_too_small")``. ``batch_size`` is ``fit``'s
    default and, for PCD, the number of persistent chains. Python's, numpy's and
    TensorFlow's global seeds are set to ``seed`` (``keras.utils.set_random_seed``, as
    :func:`widgets.models.autoencoder.build_autoencoder` does), so a ``fit`` right after
    gives the same run again, shuffling included. ``visible_bias_from=x`` sets
    b_v from the pixel means of ``x``. ``steps_per_execution=10`` runs 10 batches per call
    of the compiled step (batch callbacks then see every 10th batch): less of Keras' Python
    per batch, 1.3–2× faster epochs here for small RBMs.
    """
    spec = {
        "n_visible": int(n_visible),
        "n_hidden": int(n_hidden),
        "learning_rate": float(learning_rate),
        "k": check_k(k),
        "persistent": bool(persistent),
        "momentum": float(momentum),
        "weight_decay": float(weight_decay),
        "batch_size": int(batch_size),
        "seed": int(seed),
    }
    import keras

    keras.utils.set_random_seed(spec["seed"])  # as build_autoencoder: fit's shuffling too
    model = rbm_class()(spec, name=name)
    model.compile(jit_compile=jit_compile, steps_per_execution=int(steps_per_execution))
    model.build((None, spec["n_visible"]))
    if visible_bias_from is not None:
        model.set_visible_bias_from(visible_bias_from)
    return model


def diverged(rbm) -> bool:
    """True if the RBM's parameters are NaN/infinite or ``|W|`` exceeds 100 (blown up)."""
    params = [np.asarray(rbm.W), np.asarray(rbm.b_visible), np.asarray(rbm.b_hidden)]
    if not all(np.all(np.isfinite(p)) for p in params):
        return True
    return bool(np.max(np.abs(params[0])) > DIVERGED_WEIGHT)


# ------------------------------------------------------------------- the exact case


def _logsumexp(values: np.ndarray) -> float:
    top = np.max(values)
    return float(top + np.log(np.sum(np.exp(values - top))))


def _all_states(n: int) -> np.ndarray:
    """All 2^n binary vectors, ``(2^n, n)`` float64, row i the binary digits of i."""
    return ((np.arange(2**n)[:, None] >> np.arange(n - 1, -1, -1)) & 1).astype(np.float64)


def exact_log_partition(model) -> float:
    """log Z by enumerating every state of the smaller layer (≤ 20 units) and summing the
    other out analytically (logsumexp in float64)."""
    rbm = NumpyRbm.from_model(model)
    W = rbm.W.astype(np.float64)
    b_v, b_h = rbm.b_visible.astype(np.float64), rbm.b_hidden.astype(np.float64)
    if min(W.shape) > EXACT_LIMIT:
        _rbm_texts()
        raise StudentError("rbm.exact_too_big", units=min(W.shape), limit=EXACT_LIMIT)
    if W.shape[1] <= W.shape[0]:  # enumerate h: −F(h) = h·b_h + Σ_i softplus(b_v_i + (Wh)_i)
        W, b_v, b_h = W.T, b_h, b_v
    states = _all_states(W.shape[0])
    terms = []
    for start in range(0, len(states), 4096):
        s = states[start : start + 4096]
        terms.append(s @ b_v + np.sum(_softplus(s @ W + b_h), axis=1))
    return _logsumexp(np.concatenate(terms))


def exact_log_likelihood(model, data, log_z: float | None = None) -> float:
    """Mean log p(v) of the rows of ``data``: −F(v) − log Z, exactly."""
    rbm = NumpyRbm.from_model(model)
    log_z = exact_log_partition(rbm) if log_z is None else log_z
    return float(np.mean(-rbm.free_energy(data).astype(np.float64)) - log_z)


def model_distribution(model, patterns, log_z: float | None = None) -> np.ndarray:
    """p(v) of each row of ``patterns`` under the model (exact; sums to 1 over all 2^n_v)."""
    rbm = NumpyRbm.from_model(model)
    log_z = exact_log_partition(rbm) if log_z is None else log_z
    return np.exp(-rbm.free_energy(patterns).astype(np.float64) - log_z)


# ---------------------------------------------------------------------------- DBN


class Dbn:
    """A deep belief network: RBMs stacked, ``rbms[i]`` of ``sizes[i]`` → ``sizes[i + 1]``.

    Trained greedily (:func:`train_greedy`): RBM i+1 learns the hidden probabilities RBM i
    gives for the data. ``trained`` counts the RBMs trained so far.
    """

    def __init__(self, rbms: Sequence):
        self.rbms = list(rbms)
        self.sizes = (self.rbms[0].n_visible, *(r.n_hidden for r in self.rbms))
        self.trained = 0

    def __len__(self) -> int:
        return len(self.rbms)

    def __repr__(self) -> str:
        return f"Dbn(sizes={self.sizes}, trained={self.trained})"


def build_dbn(sizes: Sequence[int] = (784, 256, 64), seed: int = 0, **rbm_kwargs) -> Dbn:
    """A :class:`Dbn` of ``len(sizes) − 1`` fresh RBMs (``rbm_kwargs`` go to each
    :func:`build_rbm`; seeds ``seed``, ``seed + 1``, …)."""
    sizes = [int(s) for s in sizes]
    return Dbn(
        build_rbm(n_visible=a, n_hidden=b, seed=seed + i, name=f"rbm_{i + 1}", **rbm_kwargs)
        for i, (a, b) in enumerate(itertools.pairwise(sizes))
    )


def features(dbn, x, depth: int | None = None) -> np.ndarray:
    """The hidden probabilities after ``depth`` layers (all by default; 0 = ``x`` itself)."""
    rbms = dbn.rbms if isinstance(dbn, Dbn) else [dbn]
    depth = len(rbms) if depth is None else int(depth)
    out = np.asarray(x, dtype=np.float32)
    for rbm in rbms[:depth]:
        out = NumpyRbm.from_model(rbm).hidden_probabilities(out)
    return out


def train_greedy(
    dbn: Dbn, x, epochs: int = 5, callbacks: Sequence = (), layers=None, on_layer=None
):
    """Train the RBMs in turn, each on the previous one's hidden probabilities of ``x``.

    ``layers`` (indices, default all not trained yet) chooses which; ``on_layer(i)`` is
    called before layer i's ``fit`` (for a progress label). Returns the Histories.
    """
    layers = range(dbn.trained, len(dbn)) if layers is None else layers
    histories = []
    for i in layers:
        if on_layer is not None:
            on_layer(i)
        inputs = features(dbn, x, depth=i)
        histories.append(dbn.rbms[i].fit(inputs, epochs=int(epochs), callbacks=list(callbacks)))
        dbn.trained = max(dbn.trained, i + 1)
        if getattr(dbn.rbms[i], "stop_training", False):
            break
    return histories


def probe_model(n_features: int, classes: int = 10, seed: int = 0):
    """A compiled softmax classifier (one Dense layer, Adam 0.01), seeded: the probe."""
    import keras

    keras.utils.set_random_seed(int(seed))
    model = keras.Sequential(
        [keras.Input((int(n_features),)), keras.layers.Dense(classes, activation="softmax")],
        name="linear_probe",
    )
    model.compile(
        optimizer=keras.optimizers.Adam(1e-2),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model


def accuracy(model, x, y) -> float:
    """Share of rows of ``x`` whose most probable class (``model.predict``) is ``y``."""
    probs = model.predict(np.asarray(x, dtype=np.float32), verbose=0, batch_size=2048)
    return float(np.mean(np.argmax(probs, axis=1) == np.asarray(y)))


def linear_probe(
    features_train, y_train, features_test, y_test, epochs: int = 30, seed: int = 0
) -> float:
    """Test accuracy of a softmax classifier (one Dense layer, Adam, batch 128, seeded)
    trained on ``features_train``: how linearly readable the labels are from features."""
    f_train = np.asarray(features_train, dtype=np.float32)
    classes = int(max(np.max(y_train), np.max(y_test))) + 1
    model = probe_model(f_train.shape[1], classes, seed)
    model.fit(f_train, np.asarray(y_train), epochs=int(epochs), batch_size=128, verbose=0)
    return accuracy(model, features_test, y_test)


def fine_tune_model(dbn: Dbn, classes: int = 10, learning_rate: float = 3e-3, seed: int = 0):
    """The DBN as a feed-forward net: a sigmoid Dense layer per RBM starting from its W and
    b_h (copies: the DBN itself is not changed), then a softmax; compiled, seeded."""
    import keras

    keras.utils.set_random_seed(int(seed))
    inputs = keras.Input((dbn.sizes[0],))
    out = inputs
    layers = []
    for i, rbm in enumerate(dbn.rbms):
        layer = keras.layers.Dense(rbm.n_hidden, activation="sigmoid", name=f"dbn_{i + 1}")
        out = layer(out)
        layers.append((layer, rbm))
    out = keras.layers.Dense(int(classes), activation="softmax", name="softmax")(out)
    model = keras.Model(inputs, out, name="dbn_fine_tuned")
    for layer, rbm in layers:
        layer.set_weights([np.asarray(rbm.W), np.asarray(rbm.b_hidden)])
    model.compile(
        optimizer=keras.optimizers.Adam(float(learning_rate)),
        loss="sparse_categorical_crossentropy",
        metrics=["accuracy"],
    )
    return model


def fine_tune(
    dbn: Dbn, x, y, x_test, y_test, epochs: int = 5, learning_rate: float = 3e-3, seed: int = 0
):
    """:func:`fine_tune_model` trained end to end by backpropagation (batch 64);
    ``(keras_model, test_accuracy)``."""
    classes = int(max(np.max(y), np.max(y_test))) + 1
    model = fine_tune_model(dbn, classes, learning_rate, seed)
    model.fit(np.asarray(x), np.asarray(y), epochs=int(epochs), batch_size=64, verbose=0)
    return model, accuracy(model, x_test, y_test)


# --------------------------------------------------------------------- measurement


def main() -> None:  # pragma: no cover - a measurement, run by hand
    """Print seconds per epoch of CD-1 on 8,000 binarized digits for a few sizes."""
    import sys
    import time

    x_train, *_ = binarized_mnist()
    jits = [False, True] if "--jit" in sys.argv else [False]
    for n_hidden, batch, jit in itertools.product((64, 256, 500), (64, 100), jits):
        rbm = build_rbm(n_hidden=n_hidden, batch_size=batch, jit_compile=jit)
        rbm.fit(x_train, epochs=1)  # traces the step
        times = []
        for _ in range(3):
            start = time.perf_counter()
            rbm.fit(x_train, epochs=1)
            times.append(time.perf_counter() - start)
        print(
            f"{n_hidden} hidden, batch {batch}, jit {jit}: "
            f"{min(times):.2f}–{max(times):.2f} s per epoch",
            flush=True,
        )


if __name__ == "__main__":  # pragma: no cover
    main()
