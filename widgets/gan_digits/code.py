"""The "show the code" for lesson 14's digits GAN: the small DCGAN's generator and
discriminator seeded as the dashboard seeds them, the same one-``train_step`` game as GAN
Lab's code (:data:`widgets.gan_lab.code.GAME`), trained on the dashboard's digits, and the
fixed-noise 8×8 grid drawn with matplotlib."""

from __future__ import annotations

from ..gan_lab.code import GAME, LOSSES
from .texts import TEXT

_NETWORKS = """init = keras.initializers.GlorotUniform
keras.utils.set_random_seed({seed})
generator = keras.Sequential(
    [
        keras.Input(shape=(NOISE,)),
        layers.Dense(7 * 7 * 64, use_bias=False, kernel_initializer=init({seed})),
        layers.BatchNormalization(),
        layers.LeakyReLU(0.2),
        layers.Reshape((7, 7, 64)),
        layers.Conv2DTranspose(32, 4, strides=2, padding="same", use_bias=False,
                               kernel_initializer=init({seed1})),  # 14 × 14
        layers.BatchNormalization(),
        layers.LeakyReLU(0.2),
        layers.Conv2DTranspose(1, 4, strides=2, padding="same", activation="tanh",
                               kernel_initializer=init({seed2})),  # 28 × 28
        layers.Reshape((784,)),
    ]
)
discriminator = keras.Sequential(
    [
        keras.Input(shape=(784,)),
        layers.Reshape((28, 28, 1)),
        layers.Conv2D(32, 4, strides=2, padding="same", kernel_initializer=init({seed})),
        layers.LeakyReLU(0.2),
        layers.Dropout(0.3, seed={seed}),
        layers.Conv2D(64, 4, strides=2, padding="same", kernel_initializer=init({seed1})),
        layers.LeakyReLU(0.2),
        layers.Dropout(0.3, seed={seed1}),
        layers.Flatten(),
        layers.Dense(1, kernel_initializer=init({seed2})),  # a logit
    ]
)"""

_GRID = """z = np.random.default_rng({grid_seed}).standard_normal((64, NOISE)).astype("float32")
samples = generator(z, training=False).numpy().reshape(-1, 28, 28)
figure, axes = plt.subplots(8, 8, figsize=(6, 6))
for image, ax in zip(samples, axes.ravel()):
    ax.imshow(image, cmap="gray_r", vmin=-1, vmax=1)
    ax.axis("off")
plt.show()"""


def keras_code(
    digit: str, noise: int, d_lr: float, g_lr: float, batch: int, steps: int, seed: int,
    lang: str,
) -> str:  # fmt: skip
    """Code that builds both networks, plays the game as ``model`` and draws the grid."""
    t = TEXT.for_language(lang)
    setup, d_loss, g_loss = LOSSES["log"]
    choose = [] if digit == "all" else [f"images = images[labels == {int(digit)}]"]
    lines = [
        "import keras",
        "import matplotlib.pyplot as plt",
        "import numpy as np",
        "import tensorflow as tf",
        "from keras import layers, ops",
        "",
        "from widgets.data import load_mnist",
        "",
        t("code_data"),
        "data = load_mnist()",
        "images, labels = data.x_train[:8000], data.y_train[:8000]",
        *choose,
        'x = (images.astype("float32") / 127.5 - 1.0).reshape(-1, 784)',
        f"NOISE, D_STEPS, G_STEPS = {int(noise)}, 1, 1",
        "",
        t("code_networks"),
        _NETWORKS.format(seed=seed, seed1=seed + 1, seed2=seed + 2),
        setup,
        "",
        "",
        GAME.format(d_loss=d_loss, g_loss=g_loss),
        "",
        "model = GAN(generator, discriminator)",
        "model.compile(",
        f"    d_optimizer=keras.optimizers.Adam({float(d_lr)!r}, beta_1=0.5),",
        f"    g_optimizer=keras.optimizers.Adam({float(g_lr)!r}, beta_1=0.5),",
        ")",
        f"EPOCHS = {max(1, -(-int(steps) * int(batch) // 8000))}  " + t("code_epochs", steps=steps),
        f"history = model.fit(x, batch_size={int(batch)}, epochs=EPOCHS, verbose=0)",
        "",
        t("code_grid"),
        _GRID.format(grid_seed=seed + 1),
    ]
    return "\n".join(lines) + "\n"
