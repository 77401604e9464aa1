"""The "show the code" for lesson 14's GAN Lab panel: G and D as two small Keras networks
seeded as the dashboard seeds them, and the whole game as one ``train_step`` with two
optimizers (the Keras-2 recipe with ``D.trainable = False`` and a combined model leaves D
frozen in Keras 3: keras#20474), trained on the dashboard's data."""

from __future__ import annotations

from dataclasses import dataclass

from .. import codegen
from .texts import TEXT

LOSSES = {
    "log": (
        "bce = keras.losses.BinaryCrossentropy(from_logits=True)",
        "bce(ops.ones_like(real_logits), real_logits) + "
        "bce(ops.zeros_like(fake_logits), fake_logits)",
        "bce(ops.ones_like(fake_logits), fake_logits)  # non-saturating: -log D(G(z))",
    ),
    "least_squares": (
        "",
        "0.5 * (ops.mean((real_logits - 1) ** 2) + ops.mean(fake_logits**2))",
        "0.5 * ops.mean((fake_logits - 1) ** 2)",
    ),
}

_OPTIMIZERS = {
    "adam": "keras.optimizers.Adam(learning_rate={lr}, beta_1=0.5)",
    "sgd": "keras.optimizers.SGD(learning_rate={lr})",
}

GAME = """class GAN(keras.Model):
    def __init__(self, generator, discriminator, **kwargs):
        super().__init__(**kwargs)
        self.generator, self.discriminator = generator, discriminator
        self.seed_generator = keras.random.SeedGenerator(0)

    def compile(self, d_optimizer, g_optimizer):
        super().compile()
        self.d_optimizer, self.g_optimizer = d_optimizer, g_optimizer  # one per network

    def fakes(self, n):
        z = keras.random.normal((n, NOISE), seed=self.seed_generator)
        return self.generator(z, training=True)

    def train_step(self, real):
        n = ops.shape(real)[0]
        d_loss = g_loss = ops.zeros(())
        for _ in range(D_STEPS):  # D learns to say 1 for real points, 0 for fakes
            with tf.GradientTape() as tape:
                real_logits = self.discriminator(real, training=True)
                fake_logits = self.discriminator(self.fakes(n), training=True)
                d_loss = {d_loss}
            weights = self.discriminator.trainable_weights
            self.d_optimizer.apply(tape.gradient(d_loss, weights), weights)
        for _ in range(G_STEPS):  # G learns to make D say 1 for its fakes
            with tf.GradientTape() as tape:
                fake_logits = self.discriminator(self.fakes(n), training=True)
                g_loss = {g_loss}
            weights = self.generator.trainable_weights
            self.g_optimizer.apply(tape.gradient(g_loss, weights), weights)
        return {{"d_loss": d_loss, "g_loss": g_loss}}
"""


@dataclass(frozen=True)
class GanSettings:
    """The dashboard's state the code reproduces."""

    data: str
    points: list  # the drawn points, for data == "drawn"
    n_data: int
    noise: int
    g_layers: int
    g_units: int
    d_layers: int
    d_units: int
    loss: str
    d_optimizer: str
    g_optimizer: str
    d_lr: float
    g_lr: float
    d_steps: int
    g_steps: int
    seed: int
    epochs: int
    batch: int


def keras_code(s: GanSettings, lang: str) -> str:
    """Code that builds G and D, plays the game as ``model`` and draws real and fake."""
    t = TEXT.for_language(lang)
    setup, d_loss, g_loss = LOSSES[s.loss]
    if s.data == "drawn":
        points = codegen.array(s.points)
        data = f"x = G.from_points({points}, {s.n_data}, std=0.08, seed={s.seed})"
    else:
        data = f'x = G.sample("{s.data}", {s.n_data}, seed={s.seed})'
    d_opt = _OPTIMIZERS[s.d_optimizer].format(lr=repr(float(s.d_lr)))
    g_opt = _OPTIMIZERS[s.g_optimizer].format(lr=repr(float(s.g_lr)))
    lines = [
        "import keras",
        "import matplotlib.pyplot as plt",
        "import tensorflow as tf",
        "from keras import ops",
        "",
        "from widgets.models import gan as G",
        "",
        t("code_data"),
        data,
        f"NOISE, D_STEPS, G_STEPS = {s.noise}, {s.d_steps}, {s.g_steps}",
        "",
        "",
        "def mlp(inputs, layers, units, outputs, seed):",
        "    stack = [keras.Input((inputs,))]",
        "    for i in range(layers):",
        "        init = keras.initializers.GlorotUniform(seed=seed + i)",
        '        stack.append(keras.layers.Dense(units, activation="relu", kernel_initializer=init))',
        "    init = keras.initializers.GlorotUniform(seed=seed + 50)",
        "    stack.append(keras.layers.Dense(outputs, kernel_initializer=init))",
        "    return keras.Sequential(stack)",
        "",
        "",
        t("code_networks"),
        f"generator = mlp(NOISE, {s.g_layers}, {s.g_units}, 2, seed={s.seed})",
        f"discriminator = mlp(2, {s.d_layers}, {s.d_units}, 1, seed={s.seed + 100})",
        *([setup] if setup else []),
        "",
        "",
        GAME.format(d_loss=d_loss, g_loss=g_loss),
        "",
        "model = GAN(generator, discriminator)",
        f"model.compile(d_optimizer={d_opt}, g_optimizer={g_opt})",
        f"EPOCHS = {int(s.epochs)}  " + t("code_epochs", steps=len_steps(s)),
        f"history = model.fit(x, batch_size={s.batch}, epochs=EPOCHS, verbose=0)",
        "",
        t("code_plot"),
        "fakes = generator(keras.random.normal((500, NOISE), seed=1), training=False)",
        'plt.scatter(x[:500, 0], x[:500, 1], s=4, label="data")',
        'plt.scatter(fakes[:, 0], fakes[:, 1], s=4, label="G(z)")',
        'plt.gca().set_aspect("equal")',
        "plt.legend()",
        "plt.show()",
    ]
    return "\n".join(lines) + "\n"


def len_steps(s: GanSettings) -> int:
    """Training steps the code's ``fit`` makes (one per batch)."""
    return int(s.epochs) * -(-int(s.n_data) // int(s.batch))
