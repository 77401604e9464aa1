"""A small DCGAN for lesson 14: 28×28 MNIST digits from 32 random numbers, on one CPU.

Radford, Metz & Chintala (2016) built GANs from convolutions: the **generator** G turns a
noise vector z into an image with transposed convolutions (each doubles the image's
size), the **discriminator** D is an ordinary convolutional classifier, real vs generated.
Here, small enough to train in the background of a dashboard:

- G: z (``noise_dim`` numbers, N(0, 1)) → Dense(7·7·64) → BatchNormalization →
  LeakyReLU(0.2) → Reshape(7, 7, 64) → Conv2DTranspose(32, 4, stride 2) → 14×14 →
  BatchNormalization → LeakyReLU → Conv2DTranspose(1, 4, stride 2, tanh) → 28×28×1 in
  [−1, 1] (the images are scaled to [−1, 1] too, as in the DCGAN paper) → Reshape(784);
- D: 784 → Reshape(28, 28, 1) → Conv2D(32, 4, stride 2) → LeakyReLU(0.2) → Dropout(0.3) →
  Conv2D(64, 4, stride 2) → LeakyReLU → Dropout → Flatten → Dense(1), a logit (D(x) =
  σ(logit)), as the ``Gan`` of :mod:`widgets.models.gan` wants it.

The images cross the ``Gan`` as rows of 784 numbers, because the whole ``Gan`` API does
(its ``StepRunner``, ``generate`` and ``discriminate`` work on rows, the 2-D points of
GAN Lab): G's last layer flattens its 28×28×1 image and D's first layer folds it back.

The game itself (two optimizers, ``training=True`` in the nested calls, noise from a
``SeedGenerator``) is :mod:`widgets.models.gan`'s ``Gan``: :func:`build_dcgan` only puts
these two networks in it, with Adam(2·10⁻⁴, β₁ = 0.5) for each, as the DCGAN paper.

Also here, numpy in and out: :func:`digits` (the offline 8,000 training images in [−1, 1],
all or one digit), :func:`fixed_noise` (the noise batch of the live sample grid: the same
z at every refresh, so the grid shows the generator changing, not the noise),
:func:`interpolate` (linear or spherical, see there), :func:`generate_images` and
:func:`sample_grid` (an 8×8 mosaic).

Timings on this machine (Keras 3.15, TensorFlow 2.21, one TensorFlow thread, 2 cores shared
with four other agents' work at load 4–6, 2 December 2026; these two networks in a
per-step ``tf.function`` of the same D-then-G updates, Adam 2·10⁻⁴ each, batch 64; ``python
-m widgets.models.dcgan`` repeats it through the ``Gan``): one training step takes 45–57 ms,
so about 18–20 steps a second; tracing the first step about 1.5 s. Digits:

=======================  ===========================================================
data                     the fixed-noise grid (seen, 64 samples)
=======================  ===========================================================
all ten digits           digit-like strokes after 300 steps (~15 s); many readable
                         digits after 600–900 steps (30–45 s), more at 1,200 (60 s)
only 0                   grey rings after 150 steps (8 s), clean 0s after 300 (15 s)
=======================  ===========================================================

One digit class is a smaller target (one mode instead of ten), so it looks right two to
three times sooner: the dashboard offers it for a lecture with little time. The same step
through the ``Gan``'s ``StepRunner`` measured 80–160 ms at load 9 (the machine busier; a
bare per-step ``tf.function`` of the same ``train_step`` took the same then).
"""

from __future__ import annotations

import numpy as np

NOISE_DIM = 32
IMAGE_SHAPE = (28, 28, 1)
G_WIDTH = 64  # filters of G's first block (the second has half)
D_WIDTH = 32  # filters of D's first convolution (the second has twice as many)
LEARNING_RATE = 2e-4
BETA_1 = 0.5
GRID_SIDE = 8  # the sample grid is 8 × 8
N_TRAIN = 8000


def build_generator(noise_dim: int = NOISE_DIM, width: int = G_WIDTH, seed: int = 0):
    """G: z (``noise_dim``) → a 28×28×1 image in [−1, 1] (tanh), flattened to 784."""
    import keras
    from keras import layers

    init = keras.initializers.GlorotUniform
    return keras.Sequential(
        [
            keras.Input(shape=(int(noise_dim),)),
            layers.Dense(7 * 7 * width, use_bias=False, kernel_initializer=init(seed)),
            layers.BatchNormalization(),
            layers.LeakyReLU(0.2),
            layers.Reshape((7, 7, width)),
            layers.Conv2DTranspose(
                width // 2, 4, strides=2, padding="same", use_bias=False,
                kernel_initializer=init(seed + 1),
            ),  # 14 × 14
            layers.BatchNormalization(),
            layers.LeakyReLU(0.2),
            layers.Conv2DTranspose(
                1, 4, strides=2, padding="same", activation="tanh",
                kernel_initializer=init(seed + 2),
            ),  # 28 × 28
            layers.Reshape((28 * 28,)),  # a row, as the Gan's API takes them
        ],
        name="generator",
    )  # fmt: skip


def build_discriminator(width: int = D_WIDTH, dropout: float = 0.3, seed: int = 0):
    """D: an image as a row of 784 numbers → one logit, "how real" (σ(logit) = D(x))."""
    import keras
    from keras import layers

    init = keras.initializers.GlorotUniform
    return keras.Sequential(
        [
            keras.Input(shape=(28 * 28,)),
            layers.Reshape(IMAGE_SHAPE),
            layers.Conv2D(width, 4, strides=2, padding="same", kernel_initializer=init(seed)),
            layers.LeakyReLU(0.2),
            layers.Dropout(dropout, seed=seed),
            layers.Conv2D(
                2 * width, 4, strides=2, padding="same", kernel_initializer=init(seed + 1)
            ),
            layers.LeakyReLU(0.2),
            layers.Dropout(dropout, seed=seed + 1),
            layers.Flatten(),
            layers.Dense(1, kernel_initializer=init(seed + 2)),  # a logit
        ],
        name="discriminator",
    )


def build_dcgan(
    noise_dim: int = NOISE_DIM,
    d_lr: float = LEARNING_RATE,
    g_lr: float = LEARNING_RATE,
    beta_1: float = BETA_1,
    g_width: int = G_WIDTH,
    d_width: int = D_WIDTH,
    loss: str = "log",
    seed: int = 0,
):
    """A compiled ``Gan`` (:mod:`widgets.models.gan`) of :func:`build_generator` and
    :func:`build_discriminator`, one Adam optimizer per network."""
    import keras

    from . import gan

    keras.utils.set_random_seed(seed)
    generator = build_generator(noise_dim, g_width, seed)
    discriminator = build_discriminator(d_width, seed=seed)
    model = gan.gan_class()(
        generator, discriminator, int(noise_dim), loss=loss, seed=seed, name="dcgan"
    )
    model.compile(
        d_optimizer=keras.optimizers.Adam(float(d_lr), beta_1=float(beta_1)),
        g_optimizer=keras.optimizers.Adam(float(g_lr), beta_1=float(beta_1)),
    )
    return model


# --------------------------------------------------------------------------- data


def digits(digit: int | None = None, n: int = N_TRAIN) -> np.ndarray:
    """The first ``n`` offline MNIST training images as rows (n', 784), float32 in
    [−1, 1]; with ``digit`` only the images of that digit among them (about a tenth)."""
    from ..data.mnist import load_mnist

    data = load_mnist()
    images, labels = data.x_train[:n], np.asarray(data.y_train[:n])
    if digit is not None:
        images = images[labels == int(digit)]
    return (np.asarray(images, dtype=np.float32) / 127.5 - 1.0).reshape(len(images), 784)


def fixed_noise(n: int = GRID_SIDE * GRID_SIDE, noise_dim: int = NOISE_DIM, seed: int = 1):
    """``n`` noise vectors N(0, 1), the same for the same seed (the live grid's z)."""
    rng = np.random.default_rng(seed)
    return rng.standard_normal((int(n), int(noise_dim))).astype(np.float32)


def interpolate(z0, z1, t: float, kind: str = "spherical") -> np.ndarray:
    """The noise vector a fraction ``t`` of the way from ``z0`` (t = 0) to ``z1`` (t = 1).

    ``"linear"``: (1 − t)·z0 + t·z1. ``"spherical"`` (slerp, Shoemake 1985; White 2016 for
    generative models): along the great circle between them, the norm changing smoothly
    from ‖z0‖ to ‖z1‖. Why: in 32 dimensions a N(0, I) vector has a norm close to √32 ≈ 5.7
    (almost every sample lies near that sphere, where G was trained), but the midpoint of
    two independent ones has a norm close to √16 = 4, 0.71 times less: the linear path
    dips inside the sphere, into noise G has hardly ever seen, and the middle images come
    out fainter. Slerp stays on the sphere.
    """
    z0 = np.asarray(z0, dtype=np.float64)
    z1 = np.asarray(z1, dtype=np.float64)
    t = float(t)
    if kind == "linear":
        return ((1.0 - t) * z0 + t * z1).astype(np.float32)
    if kind != "spherical":
        raise ValueError(f"kind must be 'linear' or 'spherical', not {kind!r}")
    n0, n1 = np.linalg.norm(z0), np.linalg.norm(z1)
    if n0 == 0 or n1 == 0:
        return ((1.0 - t) * z0 + t * z1).astype(np.float32)
    cos = np.clip(np.dot(z0 / n0, z1 / n1), -1.0, 1.0)
    omega = np.arccos(cos)
    if omega < 1e-6:  # (nearly) the same direction: slerp is the linear path
        return ((1.0 - t) * z0 + t * z1).astype(np.float32)
    a = np.sin((1.0 - t) * omega) / np.sin(omega)
    b = np.sin(t * omega) / np.sin(omega)
    return (a * z0 + b * z1).astype(np.float32)


def generate_images(model, z) -> np.ndarray:
    """G(z) with ``training=False`` as (n, 28, 28) images in [0, 1] (ink = 1).

    ``model`` is the Gan or its generator. One direct call, not ``predict``: for the
    handful of images a slider asks for, ``predict``'s set-up costs more than the
    network (the bare slider reference of the benchmark is this call).
    """
    generator = getattr(model, "generator", model)
    z = np.asarray(z, dtype=np.float32).reshape(-1, generator.input_shape[-1])
    images = np.asarray(generator(z, training=False)).reshape(-1, 28, 28)
    return (images + 1.0) / 2.0


def mosaic(images: np.ndarray, columns: int = GRID_SIDE, gap: int = 2) -> np.ndarray:
    """Images (n, 28, 28) in rows of ``columns`` as one picture, ``gap`` pixels of
    background (0) between them."""
    images = np.asarray(images, dtype=np.float32).reshape(-1, 28, 28)
    rows = -(-len(images) // columns)
    step = 28 + gap
    picture = np.zeros((rows * step - gap, columns * step - gap), dtype=np.float32)
    for index, image in enumerate(images):
        r, c = divmod(index, columns)
        picture[r * step : r * step + 28, c * step : c * step + 28] = image
    return picture


def sample_grid(model, z, columns: int = GRID_SIDE) -> np.ndarray:
    """The generator's images of the noise batch ``z`` as one mosaic in [0, 1]."""
    return mosaic(generate_images(model, z), columns)


def _timing(steps: int = 600, digit: int | None = None) -> None:  # pragma: no cover
    """Print the step rate every 150 steps through the Gan's StepRunner."""
    import time

    from . import gan

    model = build_dcgan()
    x = digits(digit)
    runner = gan.StepRunner(model, x, 64)
    runner(1)
    started = time.perf_counter()
    for done in range(150, steps + 1, 150):
        metrics = runner(150)
        rate = done / (time.perf_counter() - started)
        print(f"{done} steps, {rate:.1f} steps/s, {metrics}", flush=True)


if __name__ == "__main__":  # pragma: no cover
    _timing()
