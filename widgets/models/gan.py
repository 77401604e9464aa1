"""Generative adversarial networks for lesson 14: a Keras 3 ``Gan`` model and GAN Lab's 2-D game.

A GAN is two networks playing a zero-sum game (Goodfellow et al. 2014): the
**discriminator** D tells real samples from generated ones, the **generator** G turns noise
z into samples and tries to make D call them real. :func:`gan_class` gives the Keras class
``Gan(generator, discriminator, noise_dim, loss="log", d_steps=1, g_steps=1, seed=0)``:

- ``compile(d_optimizer, g_optimizer)``: one optimizer per network (one shared optimizer is
  refused: Keras 3 would mix the two networks' slots). The Keras-2 recipe
  (``D.trainable = False`` and a combined model) silently freezes D in Keras 3
  (keras#20474), so :meth:`Gan.train_step` does both updates itself.
- ``train_step(real_batch)``: ``d_steps`` discriminator updates (fresh noise each, the same
  real batch), then ``g_steps`` generator updates; nested models are called with
  ``training=True``; the noise comes from ``keras.random.normal`` with the model's
  ``SeedGenerator``. ``d_steps=0`` or ``g_steps=0`` freezes that side (GAN Lab's per-side
  step and play); both 0 raises ``StudentError("gan_lab.no_steps")``. Metrics: ``d_loss``,
  ``g_loss``, ``d_real`` (mean D on real samples), ``d_fake`` (mean D on fakes), each the
  mean since the last reset (an epoch under ``fit``; a call of :class:`StepRunner`).
- **D outputs a logit** (a linear last unit); D(x) = σ(logit) is a probability.
  ``loss="log"``: D minimises the binary cross-entropy (from logits), G the non-saturating
  −log D(G(z)); at the equilibrium D = ½ everywhere, so d_loss → 2 ln 2 ≈ 1.386 and
  g_loss → ln 2 ≈ 0.693. ``loss="least_squares"``: LSGAN (Mao et al. 2017, a=0, b=1, c=1)
  on D's raw output (then "D(x)" is that output, not a sigmoid): d_loss = ½ E(D(x) − 1)² +
  ½ E D(G(z))², g_loss = ½ E(D(G(z)) − 1)²; at the equilibrium D = ½, d_loss → ¼ and
  g_loss → ⅛.
- ``d_steps``, ``g_steps`` and ``loss`` can be changed at any time; setting one drops
  Keras' traced ``train_function`` and :class:`StepRunner` keys its traced loops on them,
  so no stale graph keeps the old values.

:func:`build_mlp_gan` builds GAN Lab's fully connected pair, compiled. :class:`StepRunner`
runs ``n`` training steps per call in one traced TensorFlow function (real batches sampled
inside the graph), with no Python per step.

2-D data (GAN Lab's distributions): :func:`ring`, :func:`grid`, :func:`line`,
:func:`two_clusters`, :func:`two_moons`, :func:`from_points` (a distribution drawn by
hand); :data:`DATASETS` names them. Views, numpy out: :func:`generate`,
:func:`discriminate`, :func:`manifold` (G applied to a regular grid of noise),
:func:`decision_map` (D over a grid, the heatmap), :func:`generator_gradients` (the arrows),
:func:`mode_coverage`; :class:`NumpyGan` computes the same from a copy of the weights
without a Keras call. 1-D: :func:`gaussian_pdf`, :func:`optimal_discriminator` (D* =
p_data / (p_data + p_g)). :func:`diverged` tells NaN/inf metrics.

Speed on this machine (2×64 units each side, batch 256, the ring; Keras 3.15 / TensorFlow
2.21; ``python -m widgets.models.gan``, 2 December 2026), with the 2 cores shared with four
other agents' jobs (load 5 in the first column, 15 in the second: the numbers swing with
it; ``benchmarks/gan_lab_bench.py`` compares in one run):

======================================================  ===============  ===============
how the steps are run                                   steps/s, load 5  steps/s, load 15
======================================================  ===============  ===============
``tf.function(gan.train_step)``, one batch a call       –                240
StepRunner, 1 step a call                               190              88
StepRunner, 10 steps a call                             700              886
StepRunner, 50 steps a call                             1,190            360
GanLabDashboard playing in Voilà (its status line)      –                888–1,087
======================================================  ===============  ===============

A call costs one Python → TensorFlow round trip (about 4 ms here), so the dashboard's
training loop makes calls of about 30 ms (:class:`widgets.training.TrainingLoop`).

Keras is imported inside the functions that need it, so the data and the numpy views work
(and a dashboard shows) before TensorFlow has loaded.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Mapping

import numpy as np

from ..errors import StudentError

__all__ = [
    "DATASETS",
    "LOSSES",
    "NumpyGan",
    "StepRunner",
    "build_mlp_gan",
    "decision_map",
    "discriminate",
    "diverged",
    "from_points",
    "gan_class",
    "gaussian_pdf",
    "generate",
    "generator_gradients",
    "grid",
    "line",
    "make_optimizer",
    "manifold",
    "mode_centres",
    "mode_coverage",
    "optimal_discriminator",
    "ring",
    "sample",
    "two_clusters",
    "two_moons",
]

LOSSES = ("log", "least_squares")
OPTIMIZERS = ("adam", "sgd")
MIN_DRAWN_POINTS = 5
NOISE_RANGE = 2.0  # the manifold's noise grid spans ±2 standard deviations


def _texts():
    from ..gan_lab import texts  # noqa: F401 - registers the sentences' table


# ----------------------------------------------------------------------- 2-D data


def ring(n: int, modes: int = 8, radius: float = 2.0, std: float = 0.05, seed: int = 0):
    """``n`` points of a mixture of ``modes`` Gaussians on a circle of ``radius`` (float32)."""
    rng = np.random.default_rng(seed)
    centres = ring_centres(modes, radius)
    which = rng.integers(0, modes, size=n)
    return (centres[which] + std * rng.standard_normal((n, 2))).astype(np.float32)


def ring_centres(modes: int = 8, radius: float = 2.0) -> np.ndarray:
    angles = 2 * np.pi * np.arange(modes) / modes
    return radius * np.stack([np.cos(angles), np.sin(angles)], axis=1)


def grid_centres(side: int = 5, spacing: float = 1.0) -> np.ndarray:
    ticks = (np.arange(side) - (side - 1) / 2) * spacing
    xs, ys = np.meshgrid(ticks, ticks)
    return np.stack([xs.ravel(), ys.ravel()], axis=1)


def grid(n: int, side: int = 5, spacing: float = 1.0, std: float = 0.05, seed: int = 0):
    """``n`` points of a ``side``×``side`` grid of Gaussians ``spacing`` apart, centred."""
    rng = np.random.default_rng(seed)
    centres = grid_centres(side, spacing)
    which = rng.integers(0, len(centres), size=n)
    return (centres[which] + std * rng.standard_normal((n, 2))).astype(np.float32)


def line(n: int, start=(-1.5, -1.0), end=(1.5, 1.0), std: float = 0.05, seed: int = 0):
    """``n`` points spread uniformly along a segment, with a little Gaussian blur."""
    rng = np.random.default_rng(seed)
    t = rng.uniform(0.0, 1.0, size=(n, 1))
    points = np.asarray(start) + t * (np.asarray(end) - np.asarray(start))
    return (points + std * rng.standard_normal((n, 2))).astype(np.float32)


def two_clusters(n: int, centres=((-1.0, -1.0), (1.0, 1.0)), std: float = 0.3, seed: int = 0):
    """``n`` points of two equal Gaussian clusters (GAN Lab's "two Gaussian hills")."""
    rng = np.random.default_rng(seed)
    centres = np.asarray(centres, dtype=np.float64)
    which = rng.integers(0, len(centres), size=n)
    return (centres[which] + std * rng.standard_normal((n, 2))).astype(np.float32)


def two_moons(n: int, std: float = 0.05, seed: int = 0):
    """``n`` points of two interleaved half circles, centred near the origin."""
    rng = np.random.default_rng(seed)
    upper = rng.integers(0, 2, size=n).astype(bool)
    t = rng.uniform(0.0, np.pi, size=n)
    x = np.where(upper, np.cos(t), 1.0 - np.cos(t)) - 0.5
    y = np.where(upper, np.sin(t), 0.5 - np.sin(t)) - 0.25
    points = 1.5 * np.stack([x, y], axis=1)
    return (points + std * rng.standard_normal((n, 2))).astype(np.float32)


def from_points(points, n: int, std: float = 0.1, seed: int = 0):
    """``n`` samples of a distribution drawn by hand: a Gaussian of ``std`` around each
    clicked point, the points equally likely. Fewer than :data:`MIN_DRAWN_POINTS` points
    raise ``StudentError("gan_lab.too_few_points")``."""
    points = np.asarray(points, dtype=np.float64).reshape(-1, 2)
    if len(points) < MIN_DRAWN_POINTS:
        _texts()
        raise StudentError("gan_lab.too_few_points", n=len(points), minimum=MIN_DRAWN_POINTS)
    rng = np.random.default_rng(seed)
    which = rng.integers(0, len(points), size=n)
    return (points[which] + std * rng.standard_normal((n, 2))).astype(np.float32)


DATASETS = ("ring", "grid", "line", "two_clusters", "drawn")


def sample(name: str, n: int, seed: int = 0, points=()):
    """``n`` samples of the data set ``name`` (one of :data:`DATASETS`; "drawn" uses
    ``points``)."""
    makers = {"ring": ring, "grid": grid, "line": line, "two_clusters": two_clusters}
    if name == "drawn":
        return from_points(points, n, seed=seed)
    if name == "two_moons":
        return two_moons(n, seed=seed)
    return makers[name](n, seed=seed)


def mode_centres(name: str) -> np.ndarray | None:
    """The mixture's centres for "ring" and "grid" (the modes to cover), else None."""
    return {"ring": ring_centres(), "grid": grid_centres()}.get(name)


def mode_coverage(samples, centres, radius: float = 0.25, min_share=None) -> tuple[int, float]:
    """``(modes reached, share of samples near a centre)``: "near" is within ``radius``; a
    mode is reached when at least ``min_share`` of the samples are near it (by default
    half of an equal share, ½ / number of modes: a generator spread thinly over the whole
    plane reaches none)."""
    samples = np.asarray(samples, dtype=np.float64).reshape(-1, 2)
    centres = np.asarray(centres, dtype=np.float64).reshape(-1, 2)
    if len(samples) == 0:
        return 0, 0.0
    min_share = 0.5 / len(centres) if min_share is None else float(min_share)
    distance = np.linalg.norm(samples[:, None, :] - centres[None, :, :], axis=2)
    near = distance < radius
    reached = near.mean(axis=0) >= min_share
    return int(reached.sum()), float(near.any(axis=1).mean())


# ----------------------------------------------------------------------------- 1-D


def gaussian_pdf(x, mean: float = 0.0, std: float = 1.0):
    """The normal density N(mean, std²) at ``x``."""
    x = np.asarray(x, dtype=np.float64)
    return np.exp(-0.5 * ((x - mean) / std) ** 2) / (std * math.sqrt(2 * math.pi))


def optimal_discriminator(p_data, p_g):
    """Goodfellow et al.'s optimal D*(x) = p_data(x) / (p_data(x) + p_g(x)), pointwise
    (½ where both densities are 0)."""
    p_data = np.asarray(p_data, dtype=np.float64)
    p_g = np.asarray(p_g, dtype=np.float64)
    total = p_data + p_g
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(total > 0, p_data / np.where(total > 0, total, 1.0), 0.5)


# --------------------------------------------------------------------------- model


def _check_steps(d_steps, g_steps) -> tuple[int, int]:
    d_steps, g_steps = int(d_steps), int(g_steps)
    if d_steps < 0 or g_steps < 0:
        raise ValueError("d_steps and g_steps are counts, 0 or more")
    if d_steps == 0 and g_steps == 0:
        _texts()
        raise StudentError("gan_lab.no_steps")
    return d_steps, g_steps


def _check_loss(loss) -> str:
    if loss not in LOSSES:
        raise ValueError(f"loss must be one of {LOSSES}, not {loss!r}")
    return loss


@functools.cache
def _classes():
    """The Keras class (built once, on first use, so importing this module is cheap)."""
    import keras

    ops = keras.ops

    @keras.saving.register_keras_serializable(package="dl_course")
    class Gan(keras.Model):
        """A generator and a discriminator trained against each other (see the module).

        ``gan.generator``, ``gan.discriminator``, ``gan.noise_dim``; ``loss``, ``d_steps``
        and ``g_steps`` may be set between training calls.
        """

        def __init__(
            self,
            generator,
            discriminator,
            noise_dim: int,
            loss: str = "log",
            d_steps: int = 1,
            g_steps: int = 1,
            seed: int = 0,
            **kwargs,
        ):
            super().__init__(**kwargs)
            self.generator = generator
            self.discriminator = discriminator
            self.noise_dim = int(noise_dim)
            self.seed = int(seed)
            self._loss = _check_loss(loss)
            self._d_steps, self._g_steps = _check_steps(d_steps, g_steps)
            self.seed_generator = keras.random.SeedGenerator(self.seed)
            self.d_optimizer = self.g_optimizer = None
            self.trackers = {
                name: keras.metrics.Mean(name=name)
                for name in ("d_loss", "g_loss", "d_real", "d_fake")
            }

        # -- settings that change the traced step

        @property
        def loss_kind(self) -> str:
            return self._loss

        @loss_kind.setter
        def loss_kind(self, value: str):
            self._loss = _check_loss(value)
            self.train_function = None

        @property
        def d_steps(self) -> int:
            return self._d_steps

        @d_steps.setter
        def d_steps(self, value: int):
            self.set_steps(value, self._g_steps)

        @property
        def g_steps(self) -> int:
            return self._g_steps

        @g_steps.setter
        def g_steps(self, value: int):
            self.set_steps(self._d_steps, value)

        def set_steps(self, d_steps: int, g_steps: int):
            """Both counts at once (setting one at a time could pass through 0 and 0)."""
            self._d_steps, self._g_steps = _check_steps(d_steps, g_steps)
            self.train_function = None

        @property
        def step_key(self) -> tuple:
            """What a traced training step depends on (the optimizers too: a traced step
            holds the optimizer objects it was traced with)."""
            return (
                self._loss, self._d_steps, self._g_steps,
                id(self.d_optimizer), id(self.g_optimizer),
            )  # fmt: skip

        def replace_optimizer(self, side: str, optimizer):
            """A new optimizer for ``side`` ("d" or "g"), built for that network's weights
            (its moments start from zero); traced steps are dropped."""
            network = self.discriminator if side == "d" else self.generator
            other = self.g_optimizer if side == "d" else self.d_optimizer
            if optimizer is other:
                _texts()
                raise StudentError("gan_lab.shared_optimizer")
            optimizer.build(network.trainable_variables)
            setattr(self, f"{side}_optimizer", optimizer)
            self.train_function = None

        def set_learning_rate(self, side: str, learning_rate: float):
            """Change ``side``'s learning rate in place (a variable: no retracing)."""
            optimizer = self.d_optimizer if side == "d" else self.g_optimizer
            optimizer.learning_rate.assign(float(learning_rate))

        # -- Keras plumbing

        def compile(self, d_optimizer, g_optimizer, **kwargs):
            if d_optimizer is g_optimizer:
                _texts()
                raise StudentError("gan_lab.shared_optimizer")
            super().compile(**kwargs)
            self.d_optimizer, self.g_optimizer = d_optimizer, g_optimizer
            self.d_optimizer.build(self.discriminator.trainable_variables)
            self.g_optimizer.build(self.generator.trainable_variables)

        def build(self, input_shape=None):
            self.built = True

        @property
        def metrics(self):
            return list(self.trackers.values())

        def call(self, noise, training=False):
            """G(z): the generated samples of a batch of noise."""
            return self.generator(noise, training=training)

        def noise(self, batch_size):
            return keras.random.normal((batch_size, self.noise_dim), seed=self.seed_generator)

        def score(self, logits):
            """What the metrics call D(x): σ(logit) for the log loss, the raw output for
            least squares."""
            return ops.sigmoid(logits) if self._loss == "log" else logits

        # -- the two losses

        def d_loss(self, real_logits, fake_logits):
            if self._loss == "log":
                real = keras.losses.binary_crossentropy(
                    ops.ones_like(real_logits), real_logits, from_logits=True
                )
                fake = keras.losses.binary_crossentropy(
                    ops.zeros_like(fake_logits), fake_logits, from_logits=True
                )
                return ops.mean(real) + ops.mean(fake)
            return 0.5 * ops.mean(ops.square(real_logits - 1.0)) + 0.5 * ops.mean(
                ops.square(fake_logits)
            )

        def g_loss(self, fake_logits):
            if self._loss == "log":  # non-saturating: −log D(G(z))
                return ops.mean(
                    keras.losses.binary_crossentropy(
                        ops.ones_like(fake_logits), fake_logits, from_logits=True
                    )
                )
            return 0.5 * ops.mean(ops.square(fake_logits - 1.0))

        # -- one step of the game

        def d_update(self, real, batch_size, apply: bool = True):
            """One discriminator step (or only its loss, ``apply=False``)."""
            import tensorflow as tf

            fake = self.generator(self.noise(batch_size), training=True)
            with tf.GradientTape() as tape:
                real_logits = self.discriminator(real, training=True)
                fake_logits = self.discriminator(fake, training=True)
                loss = self.d_loss(real_logits, fake_logits)
            if apply:
                weights = self.discriminator.trainable_variables
                self.d_optimizer.apply(tape.gradient(loss, weights), weights)
            return loss, real_logits, fake_logits

        def g_update(self, batch_size, apply: bool = True):
            """One generator step (or only its loss, ``apply=False``)."""
            import tensorflow as tf

            with tf.GradientTape() as tape:
                fake = self.generator(self.noise(batch_size), training=True)
                fake_logits = self.discriminator(fake, training=True)
                loss = self.g_loss(fake_logits)
            if apply:
                weights = self.generator.trainable_variables
                self.g_optimizer.apply(tape.gradient(loss, weights), weights)
            return loss

        def train_step(self, data):
            real, _, _ = keras.utils.unpack_x_y_sample_weight(data)
            batch_size = ops.shape(real)[0]
            # Phase 1: the discriminator learns to tell real (1) from fake (0).
            for _ in range(max(self._d_steps, 1)):
                d_loss, real_logits, fake_logits = self.d_update(
                    real, batch_size, apply=self._d_steps > 0
                )
            # Phase 2: the generator learns to make D say "real" about its fakes.
            for _ in range(max(self._g_steps, 1)):
                g_loss = self.g_update(batch_size, apply=self._g_steps > 0)
            values = {
                "d_loss": d_loss,
                "g_loss": g_loss,
                "d_real": ops.mean(self.score(real_logits)),
                "d_fake": ops.mean(self.score(fake_logits)),
            }
            for name, value in values.items():
                self.trackers[name].update_state(value)
            return {name: tracker.result() for name, tracker in self.trackers.items()}

        def get_config(self):
            return {
                **super().get_config(),
                "generator": keras.saving.serialize_keras_object(self.generator),
                "discriminator": keras.saving.serialize_keras_object(self.discriminator),
                "noise_dim": self.noise_dim,
                "loss": self._loss,
                "d_steps": self._d_steps,
                "g_steps": self._g_steps,
                "seed": self.seed,
            }

        @classmethod
        def from_config(cls, config):
            config = dict(config)
            for part in ("generator", "discriminator"):
                config[part] = keras.saving.deserialize_keras_object(config[part])
            return cls(**config)

        def __repr__(self):
            return (
                f"Gan(noise_dim={self.noise_dim}, loss={self._loss!r}, "
                f"d_steps={self._d_steps}, g_steps={self._g_steps})"
            )

    return Gan


def gan_class():
    """The Keras class ``Gan`` (for ``isinstance`` and subclassing; imports Keras)."""
    return _classes()


def mlp_params(inputs: int, layers: int, units: int, outputs: int) -> int:
    """The weights of :func:`build_mlp_gan`'s G or D, counted without Keras (a dashboard
    says a new architecture's size before building it; issue 24)."""
    sizes = [int(inputs), *[int(units)] * int(layers), int(outputs)]
    return sum(a * b + b for a, b in zip(sizes, sizes[1:], strict=False))


def _mlp(keras, inputs: int, layers: int, units: int, outputs: int, activation, seed, name):
    stack = [keras.Input((inputs,), name=f"{name}_input")]
    for i in range(int(layers)):
        stack.append(
            keras.layers.Dense(
                int(units),
                activation=activation,
                kernel_initializer=keras.initializers.GlorotUniform(seed=seed + i),
                name=f"{name}_hidden_{i + 1}",
            )
        )
    stack.append(
        keras.layers.Dense(
            outputs,
            kernel_initializer=keras.initializers.GlorotUniform(seed=seed + 50),
            name=f"{name}_output",
        )
    )
    return keras.Sequential(stack, name=name)


def make_optimizer(kind: str, learning_rate: float, beta_1: float = 0.5):
    """A Keras optimizer: "adam" (with ``beta_1``) or "sgd"."""
    import keras

    return _optimizer(keras, kind, learning_rate, beta_1)


def _optimizer(keras, kind: str, learning_rate: float, beta_1: float):
    if kind == "adam":
        return keras.optimizers.Adam(learning_rate=float(learning_rate), beta_1=float(beta_1))
    if kind == "sgd":
        return keras.optimizers.SGD(learning_rate=float(learning_rate))
    raise ValueError(f"optimizer must be one of {OPTIMIZERS}, not {kind!r}")


def build_mlp_gan(
    data_dim: int = 2,
    noise_dim: int = 2,
    g_layers: int = 2,
    g_units: int = 64,
    d_layers: int = 2,
    d_units: int = 64,
    activation: str = "relu",
    loss: str = "log",
    d_optimizer: str = "adam",
    g_optimizer: str = "adam",
    d_lr: float = 1e-3,
    g_lr: float = 1e-3,
    beta_1: float = 0.5,
    d_steps: int = 1,
    g_steps: int = 1,
    seed: int = 0,
):
    """A compiled ``Gan`` of two fully connected networks (GAN Lab's), seeded.

    G: noise (``noise_dim``) → ``g_layers`` × ``g_units`` (``activation``) → ``data_dim``,
    linear. D: ``data_dim`` → ``d_layers`` × ``d_units`` → 1 logit. ``d_optimizer`` and
    ``g_optimizer`` are "adam" (with ``beta_1``) or "sgd"; ``d_lr``/``g_lr`` their rates.
    """
    import keras

    seed = int(seed)
    generator = _mlp(keras, noise_dim, g_layers, g_units, data_dim, activation, seed, "generator")
    discriminator = _mlp(
        keras, data_dim, d_layers, d_units, 1, activation, seed + 100, "discriminator"
    )
    gan = gan_class()(
        generator, discriminator, noise_dim, loss=loss, d_steps=d_steps, g_steps=g_steps,
        seed=seed, name="gan",
    )  # fmt: skip
    gan.compile(
        d_optimizer=_optimizer(keras, d_optimizer, d_lr, beta_1),
        g_optimizer=_optimizer(keras, g_optimizer, g_lr, beta_1),
    )
    return gan


class StepRunner:
    """``runner(n)`` runs ``n`` training steps of ``gan`` in one traced TensorFlow function.

    Each step's real batch (``batch_size`` rows) is drawn from ``data`` inside the graph
    with a seeded ``keras.random.randint``; the loop is a ``tf.while_loop``, so a call costs
    one Python → TensorFlow round trip whatever ``n``. Returns the metrics as floats,
    averaged over the call's steps (the trackers are reset at each call). The traced loop is
    cached per ``gan.step_key`` (loss, d_steps, g_steps): changing them retraces once.
    :meth:`set_data` swaps the data without retracing.
    """

    def __init__(self, gan, data, batch_size: int = 256, seed: int = 0):
        import keras

        self.gan = gan
        self.batch_size = int(batch_size)
        self.seed_generator = keras.random.SeedGenerator(int(seed) + 7)
        self.steps_run = 0
        self._loops: dict[tuple, object] = {}
        self.set_data(data)

    def set_data(self, data):
        import tensorflow as tf

        data = np.asarray(data, dtype=np.float32)
        self._data = tf.constant(data.reshape(len(data), -1))

    @property
    def data(self) -> np.ndarray:
        return self._data.numpy()

    def _loop(self):
        key = self.gan.step_key
        if key not in self._loops:
            self._loops[key] = self._trace()
        return self._loops[key]

    def _trace(self):
        import keras
        import tensorflow as tf

        gan, batch_size = self.gan, self.batch_size

        @tf.function(reduce_retracing=True)
        def loop(data, n):
            for tracker in gan.trackers.values():  # in the graph: no eager call per tracker
                tracker.reset_state()
            rows = tf.shape(data)[0]
            logs = {name: tf.constant(0.0) for name in gan.trackers}
            for _ in tf.range(n):
                index = keras.random.randint(
                    (batch_size,), 0, rows, seed=self.seed_generator, dtype="int32"
                )
                logs = gan.train_step(tf.gather(data, index))
            return logs

        return loop

    def trace(self) -> None:
        """Trace the loop for the current settings now (a call of zero steps), so that the
        first real call does not wait for it."""
        import tensorflow as tf

        self._loop()(self._data, tf.constant(0, dtype=tf.int32))

    def __call__(self, n: int = 1) -> dict[str, float]:
        import tensorflow as tf

        n = int(n)
        if n <= 0:
            return {}
        logs = self._loop()(self._data, tf.constant(n, dtype=tf.int32))
        self.steps_run += n
        return {name: float(value) for name, value in logs.items()}


# --------------------------------------------------------------- numpy in, numpy out


def generate(gan, n: int, seed: int = 0) -> np.ndarray:
    """``n`` samples G(z) with z ~ N(0, I) drawn by numpy with ``seed`` (float32)."""
    noise = np.random.default_rng(seed).standard_normal((int(n), gan.noise_dim))
    return np.asarray(gan.generator(noise.astype(np.float32), training=False), np.float32)


def discriminate(gan, x) -> np.ndarray:
    """D(x) for rows ``x``: σ(logit) for the log loss, the raw output for least squares."""
    x = np.asarray(x, dtype=np.float32)
    logits = np.asarray(gan.discriminator(x.reshape(len(x), -1), training=False), np.float64)
    logits = logits.reshape(-1)
    return 1.0 / (1.0 + np.exp(-logits)) if gan.loss_kind == "log" else logits


def noise_grid(noise_dim: int, grid_n: int = 11, points: int = 41) -> list[np.ndarray]:
    """The lines of a regular grid in noise space, each an array ``(points, noise_dim)``:
    ``grid_n`` lines along each axis over ±:data:`NOISE_RANGE` (one line for 1-D noise)."""
    span = np.linspace(-NOISE_RANGE, NOISE_RANGE, points)
    if noise_dim == 1:
        return [span[:, None]]
    ticks = np.linspace(-NOISE_RANGE, NOISE_RANGE, grid_n)
    lines = []
    for tick in ticks:
        lines.append(np.stack([span, np.full_like(span, tick)], axis=1))
        lines.append(np.stack([np.full_like(span, tick), span], axis=1))
    extra = noise_dim - 2
    return [np.pad(part, ((0, 0), (0, extra))) for part in lines] if extra > 0 else lines


def manifold(gan, grid_n: int = 11, points: int = 41) -> list[np.ndarray]:
    """G's manifold: the lines of :func:`noise_grid` passed through the generator, each an
    array ``(points, 2)`` (GAN Lab's warped grid)."""
    return NumpyGan.from_model(gan).manifold(grid_n, points)


def decision_map(gan, x_range=(-3.0, 3.0), y_range=(-3.0, 3.0), n: int = 41) -> np.ndarray:
    """D over an ``n``×``n`` grid, ``[i, j]`` at (x_j, y_i), y rising with i (a heatmap)."""
    return NumpyGan.from_model(gan).decision_map(x_range, y_range, n)


def generator_gradients(gan, fakes) -> np.ndarray:
    """d(g_loss)/d(fake) per fake sample ``(n, 2)``; −gradient is where G pushes it."""
    return NumpyGan.from_model(gan).generator_gradients(fakes)


# ------------------------------------------------------------ the numpy copy of a GAN

_FORWARD = {
    "linear": (lambda z: z, lambda z, a: np.ones_like(z)),
    "relu": (lambda z: np.maximum(z, 0.0), lambda z, a: (z > 0).astype(z.dtype)),
    "tanh": (np.tanh, lambda z, a: 1.0 - a * a),
    "sigmoid": (lambda z: 1.0 / (1.0 + np.exp(-z)), lambda z, a: a * (1.0 - a)),
}


def dense_stack(network) -> list[tuple[np.ndarray, np.ndarray, str]]:
    """``(kernel, bias, activation)`` of each Dense layer of ``network``, copied (float64).
    Other layers or activations raise ValueError (the numpy views need a plain MLP)."""
    layers = []
    for layer in network.layers:
        kind = type(layer).__name__
        if kind == "InputLayer":
            continue
        activation = getattr(getattr(layer, "activation", None), "__name__", None)
        if kind != "Dense" or activation not in _FORWARD:
            raise ValueError(f"numpy views need Dense layers, not {kind} ({activation})")
        kernel, bias = (np.array(w, dtype=np.float64) for w in layer.get_weights())
        layers.append((kernel, bias, activation))
    return layers


ROWS = 64  # rows per matrix product in the numpy views (see _matmul)


def _matmul(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """``x @ w`` in blocks of :data:`ROWS` rows. OpenBLAS runs a larger product in
    threads, which on a loaded 2-core machine cost 16–20 ms for 1,000 × 64 @ 64 × 64
    against 0.2–0.3 ms in 64-row blocks (measured here, numpy 2 / OpenBLAS 0.3.31,
    load 5–8); a dashboard frame makes a dozen of them."""
    if len(x) <= ROWS:
        return x @ w
    return np.concatenate([x[i : i + ROWS] @ w for i in range(0, len(x), ROWS)])


def mlp_forward(layers, x):
    """The output of a dense stack on rows ``x`` and the cache for :func:`mlp_input_grad`."""
    cache = []
    for kernel, bias, activation in layers:
        z = _matmul(x, kernel) + bias
        x = _FORWARD[activation][0](z)
        cache.append((z, x))
    return x, cache


def mlp_input_grad(layers, cache, upstream):
    """d(Σ upstream · output)/d(input) by backpropagation through the dense stack."""
    grad = upstream
    for (kernel, _, activation), (z, a) in zip(reversed(layers), reversed(cache), strict=True):
        grad = _matmul(grad * _FORWARD[activation][1](z, a), kernel.T)
    return grad


class NumpyGan:
    """A numpy copy of an MLP Gan's weights: the dashboard's views with no Keras call.

    Built by :meth:`from_model` (copies the weights; a later training step does not show
    until a new copy). ``generate(noise)``, ``discriminate(x)``, ``manifold()``,
    ``decision_map()``, ``generator_gradients(fakes)`` agree with the Keras model.
    """

    def __init__(self, g_layers, d_layers, noise_dim: int, loss: str = "log"):
        self.g_layers, self.d_layers = g_layers, d_layers
        self.noise_dim, self.loss = int(noise_dim), loss

    @classmethod
    def from_model(cls, gan) -> NumpyGan:
        return cls(
            dense_stack(gan.generator), dense_stack(gan.discriminator), gan.noise_dim,
            gan.loss_kind,
        )  # fmt: skip

    def generate(self, noise) -> np.ndarray:
        return mlp_forward(self.g_layers, np.asarray(noise, np.float64))[0]

    def logits(self, x) -> np.ndarray:
        return mlp_forward(self.d_layers, np.asarray(x, np.float64))[0].reshape(-1)

    def discriminate(self, x) -> np.ndarray:
        logits = self.logits(x)
        return 1.0 / (1.0 + np.exp(-logits)) if self.loss == "log" else logits

    def manifold(self, grid_n: int = 11, points: int = 41) -> list[np.ndarray]:
        lines = noise_grid(self.noise_dim, grid_n, points)
        warped = self.generate(np.concatenate(lines))
        return np.split(warped, len(lines))

    def decision_map(self, x_range=(-3.0, 3.0), y_range=(-3.0, 3.0), n: int = 41):
        xs = np.linspace(*x_range, n)
        ys = np.linspace(*y_range, n)
        plane = np.stack(np.meshgrid(xs, ys), axis=-1).reshape(-1, 2)
        return self.discriminate(plane).reshape(n, n)

    def generator_gradients(self, fakes) -> np.ndarray:
        """d(g_loss)/d(fake), per sample (not divided by the batch size)."""
        fakes = np.asarray(fakes, np.float64).reshape(-1, 2)
        logits, cache = mlp_forward(self.d_layers, fakes)
        if self.loss == "log":  # d/dl of −log σ(l) = σ(l) − 1
            upstream = 1.0 / (1.0 + np.exp(-logits)) - 1.0
        else:  # d/dl of ½(l − 1)²
            upstream = logits - 1.0
        return mlp_input_grad(self.d_layers, cache, upstream)


def diverged(metrics) -> bool:
    """True if any value of a metrics dict, a Keras ``History`` or a list is NaN or ±inf."""
    history = getattr(metrics, "history", None)
    if history is not None:
        metrics = history
    if isinstance(metrics, Mapping):
        values = []
        for value in metrics.values():
            values.extend(np.ravel(np.asarray(value, dtype=np.float64)))
    else:
        values = np.ravel(np.asarray(metrics, dtype=np.float64))
    return any(not math.isfinite(float(value)) for value in values)


def main() -> None:  # pragma: no cover - a measurement, run by hand
    """Steps a second of StepRunner (chunks of 5, 10 and 50) and of a bare train_step loop."""
    import time

    import keras
    import tensorflow as tf

    data = ring(4096)
    gan = build_mlp_gan()
    runner = StepRunner(gan, data, batch_size=256)
    runner(5)
    for chunk in (1, 5, 10, 50):
        start = time.perf_counter()
        for _ in range(max(1, 200 // chunk)):
            runner(chunk)
        elapsed = time.perf_counter() - start
        print(f"StepRunner chunk {chunk}: {max(1, 200 // chunk) * chunk / elapsed:.0f} steps/s")
    step = tf.function(gan.train_step)
    batch = tf.constant(data[:256])
    step(batch)
    start = time.perf_counter()
    for _ in range(200):
        step(batch)
    print(f"bare tf.function(train_step), one batch: {200 / (time.perf_counter() - start):.0f}")
    del keras


if __name__ == "__main__":  # pragma: no cover
    main()
