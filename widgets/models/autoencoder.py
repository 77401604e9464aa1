"""Autoencoders for lesson 12: dense, linear, convolutional, denoising and variational.

An autoencoder is a feed-forward network trained to give back its input: an **encoder**
squeezes each 784-pixel MNIST digit into a short **code** (2 numbers here, so the codes
can be drawn as points of a plane), and a **decoder** turns a code back into an image.
What the network must keep to reconstruct the digit is what the code learns.

:func:`build_autoencoder` returns a compiled :class:`Autoencoder` (a ``keras.Model``, so
``fit``, ``evaluate``, ``summary`` and ``save`` work) with ``.encoder`` (784 → code; the
variational one gives the mean ``z_mean``) and ``.decoder`` (code → 784, sigmoid):

- ``kind="dense"``: 784 → 256 → 64 → code → 64 → 256 → 784, ReLU hidden layers, a linear
  code, a sigmoid output; mean squared error, Adam.
- ``kind="linear"``: 784 → code → 784 with no hidden layers and no activations. Baldi &
  Hornik (1989): its best weights span the same subspace as PCA's first ``code``
  components, so its error tends to PCA's (:class:`Pca`), though its code axes are PCA's
  rotated and scaled, not the principal axes themselves.
- ``kind="conv"``: two stride-2 ``Conv2D`` layers (16, 32 filters) → code, and back through
  ``Conv2DTranspose``; images are reshaped to 28×28 inside, so the interface stays flat.
- ``noise=σ > 0``: a **denoising** autoencoder. During training only, Gaussian noise of
  standard deviation σ is added to the input (then clipped to [0, 1]); the target is the
  clean image, so the network has to learn what a digit looks like to undo the noise.
- ``variational=True``: a **VAE** (Kingma & Welling 2014). The encoder gives a mean
  ``z_mean`` and a log-variance ``z_log_var`` per code unit; training decodes a sample
  ``z = z_mean + exp(z_log_var / 2) · ε``, ε ~ N(0, 1) (the :class:`Sampling` layer,
  Keras 3 ``keras.random.normal`` with a ``SeedGenerator``), and the loss adds the
  Kullback-Leibler divergence of N(z_mean, exp(z_log_var)) from N(0, 1), which pulls the
  codes towards a standard normal: the plane fills without holes, so every point of it
  decodes to something digit-like. The reconstruction term is the binary cross-entropy
  **summed** over the 784 pixels (as Kingma & Welling and the keras-io example): the
  pixels are near 0 or 1, and the sum keeps the two terms on the scales the derivation
  gives (a per-pixel mean would make the KL term 784 times too strong, and the codes
  collapse to the prior). Both terms are tracked as metrics, ``reconstruction_loss`` and
  ``kl_loss``, by a custom ``train_step``/``test_step``; ``evaluate`` and ``predict``
  (on ``z_mean``, no sampling) work as usual. The plain models are trained with mean
  squared error, the error the lesson reports.

numpy helpers: :func:`mnist_split` (the 8k/2k offline split, flat, in [0, 1]),
:func:`encode`, :func:`decode`, :func:`reconstruct`, :func:`reconstruction_error` (the
per-image MSE, the anomaly score), :class:`NumpyDecoder` (a dense decoder's forward pass in
numpy, for the live walk over the code plane: no Keras call per slider move),
:func:`decoded_grid` (the decoded plane as one image), :class:`Pca`, :func:`knn_accuracy`,
:func:`corrupt` (the noisy copy), :func:`train` and :func:`diverged` (a loss that stops
being finite – too high a learning rate – stops training, and the caller can tell).

Seconds per epoch on this machine (8,000 images, batch 128, Keras 3.15 / TensorFlow 2.21,
2 cores shared with other jobs at load 2–3; the best and worst of 3 epochs after the first,
which traces the step and costs about a second more; ``python -m
widgets.models.autoencoder``, 1 December 2026):

=======================================  ===============
model                                    s per epoch
=======================================  ===============
dense 784-256-64-2 autoencoder           0.47–0.56
the same as a VAE                        0.70–0.73
conv (16, 32 filters, code 2)            1.12–1.34
=======================================  ===============

Keras is imported inside the functions that need it, so the data, PCA and the numpy
decoder work (and a dashboard shows) before TensorFlow has loaded.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence

import numpy as np

from ..errors import StudentError

__all__ = [
    "INPUT_SIZE",
    "KINDS",
    "NumpyAutoencoder",
    "NumpyDecoder",
    "Pca",
    "autoencoder_class",
    "build_autoencoder",
    "corrupt",
    "count_params",
    "decode",
    "decoded_grid",
    "diverged",
    "encode",
    "knn_accuracy",
    "mnist_split",
    "reconstruct",
    "reconstruction_error",
    "train",
]

INPUT_SIZE = 784  # 28 × 28 pixels, flat
IMAGE = 28
KINDS = ("dense", "linear", "conv")
DEFAULT_HIDDEN = (256, 64)
CONV_FILTERS = (16, 32)
CALL_BATCH = 2048  # rows per direct model call in encode/decode (memory stays small)


# ----------------------------------------------------------------------------- data


def mnist_split(n_train: int = 8000, n_test: int = 2000):
    """``(x_train, y_train, x_test, y_test)``: flat float32 images in [0, 1] and labels.

    The first ``n_train``/``n_test`` images of :func:`widgets.data.mnist.load_mnist`'s split
    (8,000 train / 2,000 test offline).
    """
    from ..data.mnist import load_mnist

    data = load_mnist()

    def flat(images, n):
        return (np.asarray(images[:n], dtype=np.float32) / 255.0).reshape(-1, INPUT_SIZE)

    return (
        flat(data.x_train, n_train),
        np.asarray(data.y_train[:n_train], dtype=np.int64),
        flat(data.x_test, n_test),
        np.asarray(data.y_test[:n_test], dtype=np.int64),
    )


def corrupt(x: np.ndarray, sigma: float, seed: int = 0) -> np.ndarray:
    """A copy of ``x`` with Gaussian noise of standard deviation ``sigma``, clipped to [0, 1]."""
    x = np.asarray(x, dtype=np.float32)
    noise = np.random.default_rng(seed).standard_normal(x.shape).astype(np.float32)
    return np.clip(x + np.float32(sigma) * noise, 0.0, 1.0)


# --------------------------------------------------------------------------- models


def check_code_size(code_size) -> int:
    """``code_size`` as an int in 1..784, else a :class:`StudentError`."""
    try:
        size = int(code_size)
        whole = float(code_size) == size
    except (TypeError, ValueError, OverflowError):
        size, whole = 0, False
    if not whole or not 1 <= size <= INPUT_SIZE:
        from ..autoencoder import texts  # noqa: F401 - registers the sentence's table

        shown = "–" if code_size is None else code_size  # an empty box, not Python's None
        raise StudentError("autoencoder.code_too_big", code_size=shown, limit=INPUT_SIZE)
    return size


def count_params(
    kind: str = "dense",
    code_size: int = 2,
    hidden: Sequence[int] = DEFAULT_HIDDEN,
    variational: bool = False,
) -> int:
    """The weights :func:`build_autoencoder` gives this network, counted without Keras:
    a dashboard says a new network's size at once, before the Keras build (issue 24)."""

    def dense(sizes: Sequence[int]) -> int:
        return sum(a * b + b for a, b in zip(sizes, sizes[1:], strict=False))

    def convolutions(channels: Sequence[int]) -> int:  # 3 × 3 kernels and a bias each
        return sum(9 * a * b + b for a, b in zip(channels, channels[1:], strict=False))

    hidden = [int(units) for units in hidden]
    if kind == "linear":
        features, decoder = INPUT_SIZE, dense([code_size, INPUT_SIZE])
        encoder = 0
    elif kind == "dense":
        features = hidden[-1] if hidden else INPUT_SIZE
        encoder = dense([INPUT_SIZE, *hidden])
        decoder = dense([code_size, *hidden[::-1], INPUT_SIZE])
    else:  # conv: strided 3 × 3 convolutions, a dense layer to the smallest maps, back up
        side = IMAGE // 2 ** len(CONV_FILTERS)
        features = side * side * CONV_FILTERS[-1]
        encoder = convolutions([1, *CONV_FILTERS])
        decoder = dense([code_size, features]) + convolutions([*CONV_FILTERS[::-1], 1])
    codes = (2 if variational else 1) * dense([features, code_size])  # z_mean (z_log_var)
    return encoder + codes + decoder


@functools.cache
def _classes():
    """The Keras classes (built once, on first use, so importing this module is cheap)."""
    import keras

    @keras.saving.register_keras_serializable(package="dl_course")
    class Sampling(keras.layers.Layer):
        """``z = z_mean + exp(z_log_var / 2) · ε`` with ε ~ N(0, 1), seeded (Keras 3)."""

        def __init__(self, seed: int = 0, **kwargs):
            super().__init__(**kwargs)
            self.seed = int(seed)
            self.seed_generator = keras.random.SeedGenerator(self.seed)

        def call(self, inputs):
            z_mean, z_log_var = inputs
            epsilon = keras.random.normal(keras.ops.shape(z_mean), seed=self.seed_generator)
            return z_mean + keras.ops.exp(0.5 * z_log_var) * epsilon

        def get_config(self):
            return {**super().get_config(), "seed": self.seed}

    @keras.saving.register_keras_serializable(package="dl_course")
    class Autoencoder(keras.Model):
        """Encoder + decoder; denoising (``noise``) and variational (``variational``) too.

        Build it with :func:`build_autoencoder`. ``spec`` holds the build arguments.
        """

        def __init__(self, spec: dict, **kwargs):
            super().__init__(**kwargs)
            self.spec = dict(spec)
            self.kind = self.spec["kind"]
            self.code_size = self.spec["code_size"]
            self.variational = bool(self.spec["variational"])
            self.noise = float(self.spec["noise"])
            seed = int(self.spec["seed"])
            parts = _build_parts(keras, self.spec)
            self.encoder, self.decoder, self.vae_encoder = parts
            self.noise_layer = (
                keras.layers.GaussianNoise(self.noise, seed=seed + 1) if self.noise > 0 else None
            )
            if self.variational:
                self.sampling = Sampling(seed=seed + 2, name="sampling")
                self.loss_tracker = keras.metrics.Mean(name="loss")
                self.reconstruction_tracker = keras.metrics.Mean(name="reconstruction_loss")
                self.kl_tracker = keras.metrics.Mean(name="kl_loss")

        def build(self, input_shape=None):
            # the sub-models are built already; the seeded layers only hold their seed state
            if self.variational:
                self.sampling.build([(None, self.code_size)] * 2)
            if self.noise_layer is not None:
                self.noise_layer.build((None, INPUT_SIZE))
            self.built = True

        def corrupt(self, x, training=False):
            """The input with training noise (only if ``training`` and ``noise > 0``)."""
            if self.noise_layer is None or not training:
                return x
            return keras.ops.clip(self.noise_layer(x, training=True), 0.0, 1.0)

        def call(self, x, training=False):
            x = self.corrupt(x, training=training)
            if self.variational:
                z_mean, _ = self.vae_encoder(x, training=training)
                return self.decoder(z_mean, training=training)
            return self.decoder(self.encoder(x, training=training), training=training)

        # -- the variational model's loss: reconstruction + KL, both tracked

        @property
        def metrics(self):
            if self.variational:
                return [self.loss_tracker, self.reconstruction_tracker, self.kl_tracker]
            return super().metrics

        def vae_losses(self, x, target, training):
            """(total, reconstruction, KL), each averaged over the batch."""
            ops = keras.ops
            z_mean, z_log_var = self.vae_encoder(self.corrupt(x, training), training=training)
            z = self.sampling([z_mean, z_log_var]) if training else z_mean
            output = self.decoder(z, training=training)
            pixels = ops.binary_crossentropy(target, output)
            reconstruction = ops.mean(ops.sum(pixels, axis=-1))
            kl_units = 1.0 + z_log_var - ops.square(z_mean) - ops.exp(z_log_var)
            kl = ops.mean(-0.5 * ops.sum(kl_units, axis=-1))
            return reconstruction + kl, reconstruction, kl

        def _track(self, total, reconstruction, kl):
            self.loss_tracker.update_state(total)
            self.reconstruction_tracker.update_state(reconstruction)
            self.kl_tracker.update_state(kl)
            return {metric.name: metric.result() for metric in self.metrics}

        def train_step(self, data):
            if not self.variational:
                return super().train_step(data)
            import tensorflow as tf

            x, target, _ = keras.utils.unpack_x_y_sample_weight(data)
            target = x if target is None else target
            with tf.GradientTape() as tape:
                total, reconstruction, kl = self.vae_losses(x, target, training=True)
            gradients = tape.gradient(total, self.trainable_weights)
            self.optimizer.apply(gradients, self.trainable_weights)
            return self._track(total, reconstruction, kl)

        def test_step(self, data):
            if not self.variational:
                return super().test_step(data)
            x, target, _ = keras.utils.unpack_x_y_sample_weight(data)
            target = x if target is None else target
            return self._track(*self.vae_losses(x, target, training=False))

        def get_config(self):
            return {**super().get_config(), "spec": self.spec}

        @classmethod
        def from_config(cls, config):
            config = dict(config)
            spec = config.pop("spec")
            return cls(spec, **{k: v for k, v in config.items() if k in ("name",)})

    return Sampling, Autoencoder


def autoencoder_class():
    """The :class:`Autoencoder` class itself (for ``isinstance``; imports Keras)."""
    return _classes()[1]


def _dense_stack(keras, units: Sequence[int], activation, seed: int, prefix: str):
    return [
        keras.layers.Dense(
            size,
            activation=activation,
            kernel_initializer=keras.initializers.GlorotUniform(seed=seed + i),
            name=f"{prefix}_{i}",
        )
        for i, size in enumerate(units)
    ]


def _chain(x, layers):
    for layer in layers:
        x = layer(x)
    return x


def _build_parts(keras, spec: dict):
    """(encoder, decoder, vae_encoder or None) for the spec of :func:`build_autoencoder`."""
    kind, code, seed = spec["kind"], spec["code_size"], int(spec["seed"])
    hidden = tuple(spec["hidden"])
    inputs = keras.Input((INPUT_SIZE,), name="image")
    codes = keras.Input((code,), name="code")
    if kind == "linear":
        features = inputs
        out = keras.layers.Dense(INPUT_SIZE, name="decoder_output")(codes)
    elif kind == "dense":
        features = _chain(inputs, _dense_stack(keras, hidden, "relu", seed, "encoder"))
        x = _chain(codes, _dense_stack(keras, hidden[::-1], "relu", seed + 100, "decoder"))
        out = keras.layers.Dense(INPUT_SIZE, activation="sigmoid", name="decoder_output")(x)
    else:  # conv
        x = keras.layers.Reshape((IMAGE, IMAGE, 1))(inputs)
        for i, filters in enumerate(CONV_FILTERS):
            x = keras.layers.Conv2D(filters, 3, strides=2, padding="same", activation="relu",
                                    name=f"encoder_conv_{i}")(x)  # fmt: skip
        features = keras.layers.Flatten()(x)
        side = IMAGE // 2 ** len(CONV_FILTERS)
        x = keras.layers.Dense(side * side * CONV_FILTERS[-1], activation="relu")(codes)
        x = keras.layers.Reshape((side, side, CONV_FILTERS[-1]))(x)
        for i, filters in enumerate(CONV_FILTERS[::-1][1:]):
            x = keras.layers.Conv2DTranspose(filters, 3, strides=2, padding="same",
                                             activation="relu", name=f"decoder_conv_{i}")(x)  # fmt: skip
        x = keras.layers.Conv2DTranspose(1, 3, strides=2, padding="same", activation="sigmoid")(x)
        out = keras.layers.Reshape((INPUT_SIZE,), name="decoder_output")(x)
    decoder = keras.Model(codes, out, name="decoder")
    z_mean = keras.layers.Dense(code, name="code")(features)
    encoder = keras.Model(inputs, z_mean, name="encoder")
    if not spec["variational"]:
        return encoder, decoder, None
    z_log_var = keras.layers.Dense(code, name="code_log_var", kernel_initializer="zeros")(features)
    return encoder, decoder, keras.Model(inputs, [z_mean, z_log_var], name="vae_encoder")


def build_autoencoder(
    kind: str = "dense",
    code_size: int = 2,
    hidden: Sequence[int] = DEFAULT_HIDDEN,
    variational: bool = False,
    noise: float = 0.0,
    learning_rate: float = 1e-3,
    seed: int = 0,
):
    """A compiled :class:`Autoencoder` (see the module docstring), seeded.

    ``code_size`` outside 1..784 raises ``StudentError("autoencoder.code_too_big")``;
    ``hidden`` are the dense encoder's hidden sizes (the decoder mirrors them).
    """
    import keras

    if kind not in KINDS:
        raise ValueError(f"kind must be one of {KINDS}, not {kind!r}")
    spec = {
        "kind": kind,
        "code_size": check_code_size(code_size),
        "hidden": [int(units) for units in hidden],
        "variational": bool(variational),
        "noise": float(noise),
        "learning_rate": float(learning_rate),
        "seed": int(seed),
    }
    keras.utils.set_random_seed(int(seed))
    name = ("vae" if variational else "denoising_ae" if noise > 0 else "autoencoder") + f"_{kind}"
    model = autoencoder_class()(spec, name=name)
    optimizer = keras.optimizers.Adam(learning_rate=float(learning_rate))
    model.compile(optimizer=optimizer, loss=None if variational else "mse")
    model.build((None, INPUT_SIZE))
    return model


def train(
    model,
    x: np.ndarray,
    epochs: int = 1,
    batch_size: int = 128,
    validation_data=None,
    callbacks: Sequence = (),
    target: np.ndarray | None = None,
):
    """``model.fit(x, target or x)`` quietly, stopping as soon as the loss is not finite.

    Returns Keras' ``History``; :func:`diverged` tells whether the loss blew up.
    """
    import keras

    return model.fit(
        x,
        x if target is None else target,
        epochs=int(epochs),
        batch_size=int(batch_size),
        validation_data=validation_data,
        callbacks=[keras.callbacks.TerminateOnNaN(), *callbacks],
        verbose=0,
    )


def diverged(history_or_losses) -> bool:
    """True if a loss in a ``History`` (or a list of losses) is NaN or infinite."""
    losses = getattr(history_or_losses, "history", None)
    if losses is not None:
        losses = losses.get("loss", [])
    else:
        losses = history_or_losses
    return any(not math.isfinite(float(loss)) for loss in losses)


# ------------------------------------------------------------- numpy in, numpy out


def _call(network, x: np.ndarray) -> np.ndarray:
    """A direct call of a Keras model on numpy rows, in chunks (no ``predict`` overhead)."""
    x = np.asarray(x, dtype=np.float32)
    if len(x) == 0:
        return np.zeros((0, *network.output_shape[1:]), dtype=np.float32)
    parts = [
        np.asarray(network(x[start : start + CALL_BATCH], training=False))
        for start in range(0, len(x), CALL_BATCH)
    ]
    return np.concatenate(parts).astype(np.float32, copy=False)


def encode(model, x: np.ndarray) -> np.ndarray:
    """The codes ``(n, code_size)`` of flat images (the VAE's: their means ``z_mean``)."""
    return _call(model.encoder, np.asarray(x).reshape(-1, INPUT_SIZE))


def decode(model, codes: np.ndarray) -> np.ndarray:
    """The images ``(n, 784)`` the decoder makes of ``codes``."""
    return _call(model.decoder, np.asarray(codes).reshape(-1, model.code_size))


def reconstruct(model, x: np.ndarray) -> np.ndarray:
    """``decode(encode(x))``: the reconstructions ``(n, 784)`` (no training noise)."""
    return decode(model, encode(model, x))


def reconstruction_error(model, x: np.ndarray) -> np.ndarray:
    """Per-image mean squared error ``(n,)`` of the reconstruction: the anomaly score."""
    x = np.asarray(x, dtype=np.float32).reshape(-1, INPUT_SIZE)
    return np.mean((reconstruct(model, x) - x) ** 2, axis=1)


_NUMPY_ACTIVATIONS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "linear": lambda z: z,
    "relu": lambda z: np.maximum(z, 0.0),
    "sigmoid": lambda z: 1.0 / (1.0 + np.exp(-z)),
}


def dense_layers(network) -> list[tuple[np.ndarray, np.ndarray, str]] | None:
    """``(kernel, bias, activation)`` of each layer of a chain of Dense layers, copied;
    None if ``network`` has any other layer (or an activation numpy does not know)."""
    layers = []
    for layer in network.layers:
        kind = type(layer).__name__
        if kind == "InputLayer":
            continue
        activation = getattr(getattr(layer, "activation", None), "__name__", None)
        if kind != "Dense" or activation not in _NUMPY_ACTIVATIONS:
            return None
        kernel, bias = (np.array(w, dtype=np.float32) for w in layer.get_weights())
        layers.append((kernel, bias, activation))
    return layers


class NumpyDecoder:
    """A copy of a dense or linear decoder's weights, run in numpy: ``decoder(codes)``.

    A Keras call costs milliseconds of overhead; the 64 → 256 → 784 matrix products cost
    microseconds, so the walk over the code plane answers within a slider's latency. A
    decoder with other layers (``kind="conv"``) falls back to a direct Keras call. The copy
    does not follow later training: make a new one after ``fit``.
    """

    def __init__(self, layers: Sequence[tuple[np.ndarray, np.ndarray, str]], fallback=None):
        self.layers = [
            (np.asarray(w, np.float32), np.asarray(b, np.float32), a) for w, b, a in layers
        ]
        self.fallback = fallback
        self.code_size = self.layers[0][0].shape[0] if self.layers else None

    @classmethod
    def from_model(cls, model) -> NumpyDecoder:
        layers = dense_layers(model.decoder)
        return cls([], fallback=model.decoder) if layers is None else cls(layers)

    @property
    def is_numpy(self) -> bool:
        return self.fallback is None

    def __call__(self, codes: np.ndarray) -> np.ndarray:
        codes = np.asarray(codes, dtype=np.float32)
        codes = codes.reshape(-1, codes.shape[-1] if codes.ndim else 1)
        if self.fallback is not None:
            return _call(self.fallback, codes)
        x = codes
        for kernel, bias, activation in self.layers:
            x = _NUMPY_ACTIVATIONS[activation](x @ kernel + bias)
        return x.astype(np.float32, copy=False)


class NumpyAutoencoder(NumpyDecoder):
    """The whole dense or linear autoencoder (encoder then decoder) in numpy, copied:
    ``forward(x) -> (n, 784)``, as :func:`reconstruct` (no training noise; the VAE's
    ``z_mean``). Any other model falls back to :func:`reconstruct`."""

    @classmethod
    def from_model(cls, model) -> NumpyAutoencoder:
        encoder = dense_layers(model.encoder)
        decoder = dense_layers(model.decoder)
        if encoder is None or decoder is None:
            return cls([], fallback=lambda x: reconstruct(model, x))
        return cls(encoder + decoder)

    def __call__(self, x: np.ndarray) -> np.ndarray:
        x = np.asarray(x, dtype=np.float32).reshape(-1, INPUT_SIZE)
        if self.fallback is not None:
            return np.asarray(self.fallback(x), dtype=np.float32)
        return super().__call__(x)


def decoded_grid(
    decode_fn: Callable[[np.ndarray], np.ndarray],
    x_range: tuple[float, float],
    y_range: tuple[float, float],
    n: int = 15,
) -> np.ndarray:
    """The decoded 2-D code plane as one ``(n*28, n*28)`` image.

    Tile (row ``i``, column ``j``) is the decoding of the code ``(x_j, y_i)`` with ``x``
    rising from left to right and ``y`` from the bottom row to the top row (row 0 at the
    top holds the highest ``y``), as the plane is drawn in a scatter plot.
    """
    xs = np.linspace(x_range[0], x_range[1], n, dtype=np.float32)
    ys = np.linspace(y_range[1], y_range[0], n, dtype=np.float32)
    codes = np.stack(np.meshgrid(xs, ys), axis=-1).reshape(-1, 2)  # row by row, top first
    images = np.asarray(decode_fn(codes), dtype=np.float32).reshape(n, n, IMAGE, IMAGE)
    return images.transpose(0, 2, 1, 3).reshape(n * IMAGE, n * IMAGE)


# ------------------------------------------------------------------------ references


class Pca:
    """PCA by the eigendecomposition of the centred data's covariance: the linear
    autoencoder's closed form. (numpy's SVD of the 8,000 × 784 data gives the same and
    took 5-7 s here, the 784 × 784 covariance's ``eigh`` 1-1.6 s; issue 24.)

    After :meth:`fit`: ``mean`` (784,), ``components`` (k, 784, orthonormal rows),
    ``variances`` (all 784 eigenvalues of the covariance, 1/n normalisation, descending),
    ``explained_variance`` (the first k) and ``explained_variance_ratio``. On the data it
    was fitted to, ``mse`` equals the sum of the discarded variances divided by 784.
    """

    def __init__(self, k: int = 2):
        self.k = check_code_size(k)
        self.mean = self.components = self.variances = None

    def fit(self, x: np.ndarray) -> Pca:
        x = np.asarray(x, dtype=np.float64).reshape(-1, INPUT_SIZE)
        self.mean = x.mean(axis=0)
        centred = x - self.mean
        eigenvalues, eigenvectors = np.linalg.eigh(centred.T @ centred / len(x))
        order = np.argsort(eigenvalues)[::-1]  # eigh: ascending
        self.variances = np.clip(eigenvalues[order], 0.0, None)  # rounding: no negatives
        components = eigenvectors[:, order[: self.k]].T
        # A component's sign is arbitrary: its largest entry positive, the same every time.
        largest = np.abs(components).argmax(axis=1)
        signs = np.sign(components[np.arange(self.k), largest])
        self.components = components * signs[:, None]
        return self

    @property
    def explained_variance(self) -> np.ndarray:
        return self.variances[: self.k]

    @property
    def explained_variance_ratio(self) -> np.ndarray:
        return self.explained_variance / self.variances.sum()

    def transform(self, x: np.ndarray) -> np.ndarray:
        centred = np.asarray(x, dtype=np.float64).reshape(-1, INPUT_SIZE) - self.mean
        return (centred @ self.components.T).astype(np.float32)

    def inverse_transform(self, codes: np.ndarray) -> np.ndarray:
        codes = np.asarray(codes, dtype=np.float64).reshape(-1, self.k)
        return (codes @ self.components + self.mean).astype(np.float32)

    def reconstruct(self, x: np.ndarray) -> np.ndarray:
        return self.inverse_transform(self.transform(x))

    def mse(self, x: np.ndarray) -> float:
        """Mean squared reconstruction error per pixel over all images."""
        x = np.asarray(x, dtype=np.float32).reshape(-1, INPUT_SIZE)
        return float(np.mean((self.reconstruct(x) - x) ** 2))


def knn_accuracy(
    train_codes: np.ndarray,
    train_labels: np.ndarray,
    test_codes: np.ndarray,
    test_labels: np.ndarray,
    k: int = 5,
) -> float:
    """Share of test codes whose ``k`` nearest training codes (Euclidean) vote their label.

    A tie between labels goes to the one whose votes are nearest in total.
    """
    train_codes = np.asarray(train_codes, dtype=np.float64)
    test_codes = np.asarray(test_codes, dtype=np.float64)
    train_labels = np.asarray(train_labels).astype(np.int64)
    classes = int(max(train_labels.max(), np.max(test_labels))) + 1
    squared = np.sum(train_codes**2, axis=1)
    correct = 0
    for start in range(0, len(test_codes), 512):
        chunk = test_codes[start : start + 512]
        dist = squared[None, :] - 2.0 * chunk @ train_codes.T + np.sum(chunk**2, axis=1)[:, None]
        nearest = np.argpartition(dist, k - 1, axis=1)[:, :k]
        labels = train_labels[nearest]
        votes = np.zeros((len(chunk), classes))
        np.add.at(votes, (np.arange(len(chunk))[:, None], labels), 1.0)
        near = np.take_along_axis(dist, nearest, axis=1)
        closeness = np.zeros_like(votes)
        np.add.at(closeness, (np.arange(len(chunk))[:, None], labels), near)
        scores = votes - 1e-9 * closeness / (1.0 + np.abs(closeness).max())
        correct += int(
            np.sum(scores.argmax(axis=1) == np.asarray(test_labels)[start : start + 512])
        )
    return correct / len(test_codes)


def main() -> None:  # pragma: no cover - a measurement, run by hand
    """Print seconds per epoch (8,000 images, batch 128) of the dense AE, the VAE, the conv AE."""
    import time

    x_train, *_ = mnist_split()
    for label, kwargs in (
        ("dense", {}),
        ("vae", {"variational": True}),
        ("conv", {"kind": "conv"}),
    ):
        model = build_autoencoder(**kwargs)
        train(model, x_train, epochs=1)  # the first epoch traces the step
        times = []
        for _ in range(3):
            start = time.perf_counter()
            train(model, x_train, epochs=1)
            times.append(time.perf_counter() - start)
        print(f"{label}: {min(times):.2f}–{max(times):.2f} s per epoch (3 epochs after the first)")


if __name__ == "__main__":  # pragma: no cover
    main()
