"""The recurrence of a plain RNN, in numpy and in Keras, and how far back its gradient reaches.

A recurrent layer keeps a state ``h_t`` and updates it at every step of the sequence::

    h_t = tanh(W·x_t + U·h_{t−1} + b),   h_0 = 0

:func:`unroll` is that loop in numpy (the tests' reference); :func:`simple_rnn` builds the
same thing as a real ``keras.layers.SimpleRNN`` with the given weights, and
:func:`states` returns its ``h_1 … h_T``. The maths writes column vectors (``W`` is
units × inputs, ``U`` units × units); Keras multiplies row vectors from the left, so its
``kernel`` is ``Wᵀ`` and its ``recurrent_kernel`` is ``Uᵀ`` (:func:`set_parameters`).

Why plain RNNs forget: :func:`gradient_norms` measures, with ``tf.GradientTape`` through
the real Keras layer (SimpleRNN, GRU or LSTM), ``‖∂h_T/∂x_t‖`` for every step ``t``: how
much the input at step ``t`` still moves the last state. We take the derivative with
respect to the *input* ``x_t`` rather than the state ``h_t`` because

* it is one quantity for all three cells (an LSTM's state is the pair ``(h_t, c_t)``, and
  a derivative with respect to ``h_t`` alone would leave out the cell state that carries
  its memory);
* the inputs are what a tape can watch on the real layer: the states live inside Keras's
  ``while`` loop, where no tape can reach them without rewriting the loop by hand;
* it is what learning needs (the distill.pub "connectivity"): a weight that should react
  to an input ``T − t`` steps back learns only as fast as this gradient allows.

It is ``∂h_T/∂h_t`` times one step's ``∂h_t/∂x_t``; for one SimpleRNN unit, exactly::

    ∂h_T/∂x_t = W·(1 − h_t²) · ∏_{k=t+1..T} U·(1 − h_k²)

so with ``|U| < 1`` it shrinks geometrically as ``t`` moves back (vanishing), with
``|U| > 1`` it grows (exploding) until ``tanh`` saturates and the factors ``1 − h_k²``
pull it down again; only near ``|U| = 1`` with small states does it last. The recurrent
kernel is scaled so that the slider value ``|U|`` is its spectral norm (for GRU and LSTM:
of each gate's block).

A gated cell carries its memory differently: an LSTM's cell state is ``c_t = f_t·c_{t−1} +
…``, so the gradient along it is multiplied at each step by the forget gate
``f_t ≈ σ(b_f)``, whatever ``|U|`` is; a GRU's state is ``h_t = z_t·h_{t−1} + …`` with its
update gate ``z_t ≈ σ(b_z)``. Keras starts ``b_f`` at 1 (``unit_forget_bias=True``,
σ(1) ≈ 0.73) and ``b_z`` at 0 (σ(0) = 0.5); training moves them towards 1 where the task
needs memory. The probes set both biases to one value (:meth:`GradientProbe.set_gate_bias`,
default 1), so the two gated cells are compared on equal terms.

Keras is imported inside the functions: :func:`unroll` and the input sequences work
(and the dashboard draws) while TensorFlow is still loading.
"""

from __future__ import annotations

import functools
import threading

import numpy as np

CELLS = ("simple_rnn", "gru", "lstm")
#: The recurrent kernel of each cell holds this many (units × units) blocks, one a gate.
GATES = {"simple_rnn": 1, "gru": 3, "lstm": 4}
#: Keras's class of each cell.
LAYERS = {"simple_rnn": "SimpleRNN", "gru": "GRU", "lstm": "LSTM"}
#: The gradient probe's layer width and input size. Small inputs start the state near 0,
#: where tanh is linear: with |U| > 1 the gradient then grows before tanh saturates.
PROBE_UNITS = 8
PROBE_AMPLITUDE = 0.1
#: The probes compute in float64: with |U| = 0.1 and T = 100 the gradient is 1e−99,
#: which float32 (smallest about 1e−45) would round to 0, and a log axis cannot show 0.
PROBE_DTYPE = "float64"
#: The bias of the gate that keeps the memory (LSTM: forget gate; GRU: update gate).
GATE_BIAS = 1.0


# --------------------------------------------------------------------------- numpy
def as_parameters(W, U, b) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``W`` (units × inputs), ``U`` (units × units), ``b`` (units,) as float arrays;
    scalars are one unit with one input."""
    b = np.atleast_1d(np.asarray(b, dtype=float))
    units = b.shape[0]
    W = np.asarray(W, dtype=float).reshape(units, -1)
    U = np.asarray(U, dtype=float).reshape(units, units)
    return W, U, b


def unroll(x, W, U, b, h0=None) -> np.ndarray:
    """The states ``h_1 … h_T`` (T × units) of ``h_t = tanh(W·x_t + U·h_{t−1} + b)``.

    ``x`` is (T,) for one input or (T, inputs); ``h0`` defaults to zeros, as in Keras.
    """
    W, U, b = as_parameters(W, U, b)
    x = np.asarray(x, dtype=float).reshape(len(x), -1)
    h = np.zeros(len(b)) if h0 is None else np.asarray(h0, dtype=float).reshape(len(b))
    states = np.empty((len(x), len(b)))
    for t, x_t in enumerate(x):
        h = np.tanh(W @ x_t + U @ h + b)
        states[t] = h
    return states


def pre_activations(x, W, U, b) -> np.ndarray:
    """``z_t = W·x_t + U·h_{t−1} + b`` of every step (T × units); ``h_t = tanh(z_t)``."""
    W, U, b = as_parameters(W, U, b)
    x = np.asarray(x, dtype=float).reshape(len(x), -1)
    h = unroll(x, W, U, b)
    before = np.vstack([np.zeros((1, len(b))), h[:-1]])
    return x @ W.T + before @ U.T + b


@functools.cache
def directions(units: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Fixed, seeded directions the dashboard's three sliders scale for 1–3 units.

    ``W = w·ŵ``, ``U = u·Q``, ``b = β·b̂`` where ``ŵ`` has entries in [−1, 1] with the
    largest 1, ``Q`` is orthogonal (so the slider ``u`` is ``U``'s spectral norm, as in the
    gradient panel) and ``b̂`` likewise. One unit: ``ŵ = Q = b̂ = 1``, the plain scalars.
    """
    if units == 1:
        return np.ones((1, 1)), np.ones((1, 1)), np.ones(1)
    rng = np.random.default_rng(seed + 100 * units)
    w = rng.uniform(-1, 1, (units, 1))
    w[0, 0] = 1.0
    q, r = np.linalg.qr(rng.normal(size=(units, units)))
    q = q * np.sign(np.diag(r))  # a unique Q for the seed
    b = rng.uniform(-1, 1, units)
    b[0] = 1.0
    return w / np.abs(w).max(), q, b / np.abs(b).max()


def scaled_parameters(units: int, w: float, u: float, beta: float, seed: int = 0):
    """``(W, U, b)`` for 1–3 units from the three slider values (see :func:`directions`)."""
    w_hat, q, b_hat = directions(units, seed)
    return w * w_hat, u * q, beta * b_hat


def probe_inputs(steps: int, seed: int = 0) -> np.ndarray:
    """The gradient probe's input sequence (steps,): seeded noise of small amplitude."""
    return PROBE_AMPLITUDE * np.random.default_rng(seed).normal(size=int(steps))


def simple_rnn_input_gradients(x, W, U, b) -> np.ndarray:
    """Closed form of ``‖∂h_T/∂x_t‖`` for t = 1 … T of the numpy recurrence (any units):
    ``∂h_T/∂x_t = D_T U D_{T−1} U … D_t W`` with ``D_k = diag(1 − h_k²)``."""
    W, U, b = as_parameters(W, U, b)
    h = unroll(x, W, U, b)
    norms = np.empty(len(h))
    back = np.eye(len(b))  # ∂h_T/∂h_t, built from t = T backwards
    for t in range(len(h) - 1, -1, -1):
        norms[t] = np.linalg.norm(back @ ((1 - h[t] ** 2)[:, None] * W))
        back = back @ ((1 - h[t] ** 2)[:, None] * U)
    return norms


# --------------------------------------------------------------------------- Keras
def simple_rnn(units: int, W=None, U=None, b=None):
    """A ``keras.Model``: ``Input((None, 1))`` → ``SimpleRNN(units, return_sequences=True)``.

    The time axis is ``None``: one model takes sequences of any length, so the dashboard
    keeps it when the sequence changes. With ``W``, ``U``, ``b`` given, those are its
    weights (see :func:`set_parameters`); its output is every step's state.
    """
    import keras

    inputs = keras.Input(shape=(None, 1), name="x")
    layer = keras.layers.SimpleRNN(int(units), return_sequences=True, name="simple_rnn")
    model = keras.Model(inputs, layer(inputs), name="rnn_unrolled")
    if W is not None:
        set_parameters(model, W, U, b)
    return model


def set_parameters(model, W, U, b) -> None:
    """Give the model's SimpleRNN the maths' ``W, U, b`` (Keras: ``Wᵀ, Uᵀ, b``)."""
    W, U, b = as_parameters(W, U, b)
    model.get_layer("simple_rnn").set_weights([W.T, U.T, b])


def parameters(model) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The maths' ``W, U, b`` of the model's SimpleRNN."""
    kernel, recurrent, bias = model.get_layer("simple_rnn").get_weights()
    return kernel.T, recurrent.T, bias


def states(model, x) -> np.ndarray:
    """Every step's state ``h_1 … h_T`` (T × units) the Keras model computes for ``x``."""
    x = np.asarray(x, dtype="float32").reshape(1, len(x), -1)
    return np.asarray(model(x))[0]


def _probe_layer(keras, cell: str, units: int, seed: int):
    if cell not in CELLS:
        raise ValueError(f"unknown cell {cell!r}; choose one of {', '.join(CELLS)}")
    layer = getattr(keras.layers, LAYERS[cell])
    return layer(
        units,
        kernel_initializer=keras.initializers.GlorotUniform(seed=seed),
        recurrent_initializer=keras.initializers.Orthogonal(seed=seed + 1),
        dtype=PROBE_DTYPE,
        name=cell,
    )


class GradientProbe:
    """One recurrent layer (Keras defaults, seeded) and ``‖∂h_T/∂x_t‖`` by GradientTape.

    ``model`` is ``Input((None, 1))`` → the layer → its last state ``h_T``. Each gate's
    (units × units) block of the recurrent kernel is kept at spectral norm 1 and
    multiplied by the scale (:meth:`set_scale`). :meth:`norms` runs one compiled
    ``tf.function`` for every sequence length: the batch holds ``units`` copies of the
    sequence, and the gradient of ``Σ_i h_T[i, i]`` gives row ``i`` of the Jacobian in copy
    ``i``, so one backward pass gives the whole Jacobian.
    """

    def __init__(self, cell: str, units: int = PROBE_UNITS, seed: int = 0):
        import keras
        import tensorflow as tf

        self.cell, self.units, self.seed = cell, int(units), int(seed)
        inputs = keras.Input(shape=(None, 1), name="x", dtype=PROBE_DTYPE)
        self.layer = _probe_layer(keras, cell, self.units, self.seed)
        self.model = keras.Model(inputs, self.layer(inputs), name=f"{cell}_probe")
        recurrent = self.layer.cell.recurrent_kernel
        blocks = np.split(np.asarray(recurrent.numpy(), dtype=float), GATES[cell], axis=1)
        self._unit_blocks = [block / np.linalg.norm(block, 2) for block in blocks]
        self.scale = self.gate_bias = None
        self._lock = threading.Lock()
        spec = tf.TensorSpec([None, None, 1], PROBE_DTYPE)
        self._jacobian_norms = tf.function(self._traced_norms, input_signature=[spec])

    def __repr__(self) -> str:
        return f"GradientProbe({self.cell!r}, units={self.units}, seed={self.seed})"

    def set_scale(self, scale: float) -> None:
        """Scale the recurrent kernel so each gate's block has spectral norm ``scale``."""
        if scale != self.scale:
            kernel = np.concatenate([scale * block for block in self._unit_blocks], axis=1)
            self.layer.cell.recurrent_kernel.assign(kernel)
            self.scale = scale

    def set_gate_bias(self, bias: float) -> None:
        """Set the bias of the gate that keeps the memory: LSTM's forget gate (its second
        block of biases), GRU's update gate z (its first block, input bias; the recurrent
        bias of z is 0). A SimpleRNN has no gate."""
        if bias == self.gate_bias or self.cell == "simple_rnn":
            self.gate_bias = bias
            return
        variable = self.layer.cell.bias
        values = np.array(variable.numpy(), dtype=float)
        n = self.units
        if self.cell == "lstm":  # gates i, f, c, o
            values[n : 2 * n] = bias
        else:  # GRU, reset_after: rows (input, recurrent), gates z, r, h
            values[0, :n], values[1, :n] = bias, 0.0
        variable.assign(values)
        self.gate_bias = bias

    def _traced_norms(self, x):
        import tensorflow as tf

        batch = tf.repeat(x, self.units, axis=0)
        with tf.GradientTape() as tape:
            tape.watch(batch)
            last = self.model(batch)  # (units copies, units)
            diagonal = tf.linalg.trace(last)
        gradient = tape.gradient(diagonal, batch)  # copy i holds ∂h_T[i]/∂x
        return tf.norm(gradient[:, :, 0], axis=0)

    def norms(self, x, scale: float, gate_bias: float = GATE_BIAS) -> np.ndarray:
        """``‖∂h_T/∂x_t‖`` for t = 1 … T of the input sequence ``x`` (T,)."""
        x = np.asarray(x, dtype=PROBE_DTYPE).reshape(1, -1, 1)
        with self._lock:
            self.set_scale(float(scale))
            self.set_gate_bias(float(gate_bias))
            return np.asarray(self._jacobian_norms(x))


def gradient_probe(cell: str, units: int = PROBE_UNITS, seed: int = 0) -> GradientProbe:
    """The probe of ``cell``, built once per (cell, units, seed)."""
    return _probe(cell, int(units), int(seed))


@functools.cache
def _probe(cell: str, units: int, seed: int) -> GradientProbe:
    return GradientProbe(cell, units, seed)


def gradient_norms(
    cell: str,
    steps: int,
    scale: float,
    seed: int = 0,
    units: int = PROBE_UNITS,
    gate_bias: float = GATE_BIAS,
) -> np.ndarray:
    """``‖∂h_T/∂x_t‖`` for t = 1 … T (T = ``steps``) of a Keras ``cell`` ("simple_rnn",
    "gru", "lstm") whose recurrent kernel has spectral norm ``scale`` (per gate) and whose
    memory gate has the bias ``gate_bias``, on the seeded input :func:`probe_inputs`; see
    the module docstring for why ``x_t``."""
    probe = gradient_probe(cell, units, seed)
    return probe.norms(probe_inputs(steps, seed), scale, gate_bias)
