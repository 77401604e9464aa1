"""The "show the code" for lesson 12's autoencoder: encoder and decoder as two Keras
models joined into one, on the dashboard's MNIST images; for the variational switch, the
sampling layer and a ``train_step`` with reconstruction + KL, as in keras.io's VAE.

The code builds the same layers as :mod:`widgets.models.autoencoder` (same sizes, same
parameter count) but does not copy its initial weights: the course seeds each layer for
its tests, which would only add noise here. tests/test_show_code.py checks the layers and
that the shown training lowers the reconstruction error.
"""

from __future__ import annotations

from .texts import TEXT

_DATA = """data = load_mnist()
x_train = data.x_train[:{images}].reshape(-1, 784).astype("float32") / 255.0
x_test = data.x_test[:2000].reshape(-1, 784).astype("float32") / 255.0"""

_ENCODER = {
    "dense": """x = inputs
for units in {hidden}:
    x = keras.layers.Dense(units, activation="relu")(x)""",
    "linear": "x = inputs",
    "conv": """x = keras.layers.Reshape((28, 28, 1))(inputs)
x = keras.layers.Conv2D(16, 3, strides=2, padding="same", activation="relu")(x)
x = keras.layers.Conv2D(32, 3, strides=2, padding="same", activation="relu")(x)
x = keras.layers.Flatten()(x)""",
}

_DECODER = {
    "dense": """x = codes
for units in {reversed_hidden}:
    x = keras.layers.Dense(units, activation="relu")(x)
image = keras.layers.Dense(784, activation="sigmoid")(x)""",
    "linear": "image = keras.layers.Dense(784)(codes)",
    "conv": """x = keras.layers.Dense(7 * 7 * 32, activation="relu")(codes)
x = keras.layers.Reshape((7, 7, 32))(x)
x = keras.layers.Conv2DTranspose(16, 3, strides=2, padding="same", activation="relu")(x)
x = keras.layers.Conv2DTranspose(1, 3, strides=2, padding="same", activation="sigmoid")(x)
image = keras.layers.Reshape((784,))(x)""",
}

_PLAIN = """z = keras.layers.Dense({code})(x)
encoder = keras.Model(inputs, z, name="encoder")
model = keras.Model(inputs, decoder(encoder(inputs)), name="autoencoder")
model.compile(optimizer=keras.optimizers.Adam(learning_rate={rate}), loss="mse")
history = model.fit(
    x_train, x_train, epochs={epochs}, batch_size=128, validation_data=(x_test, x_test)
)"""

_VAE = """z_mean = keras.layers.Dense({code})(x)
z_log_var = keras.layers.Dense({code}, kernel_initializer="zeros")(x)
encoder = keras.Model(inputs, [z_mean, z_log_var], name="encoder")


class Sampling(keras.layers.Layer):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.seed_generator = keras.random.SeedGenerator(0)

    def call(self, inputs):
        z_mean, z_log_var = inputs
        epsilon = keras.random.normal(ops.shape(z_mean), seed=self.seed_generator)
        return z_mean + ops.exp(0.5 * z_log_var) * epsilon


class VAE(keras.Model):
    def __init__(self, encoder, decoder, **kwargs):
        super().__init__(**kwargs)
        self.encoder, self.decoder, self.sampling = encoder, decoder, Sampling()
        self.reconstruction_tracker = keras.metrics.Mean(name="reconstruction_loss")
        self.kl_tracker = keras.metrics.Mean(name="kl_loss")

    @property
    def metrics(self):
        return [self.reconstruction_tracker, self.kl_tracker]

    def call(self, x):
        return self.decoder(self.encoder(x)[0])

    def train_step(self, x):
        with tf.GradientTape() as tape:
            z_mean, z_log_var = self.encoder(x, training=True)
            image = self.decoder(self.sampling([z_mean, z_log_var]), training=True)
            reconstruction = ops.mean(ops.sum(ops.binary_crossentropy(x, image), axis=-1))
            kl = -0.5 * (1 + z_log_var - ops.square(z_mean) - ops.exp(z_log_var))
            kl = ops.mean(ops.sum(kl, axis=-1))
            loss = reconstruction + kl
        gradients = tape.gradient(loss, self.trainable_weights)
        self.optimizer.apply(gradients, self.trainable_weights)
        self.reconstruction_tracker.update_state(reconstruction)
        self.kl_tracker.update_state(kl)
        return {{m.name: m.result() for m in self.metrics}}


model = VAE(encoder, decoder)
model.compile(optimizer=keras.optimizers.Adam(learning_rate={rate}))
history = model.fit(x_train, epochs={epochs}, batch_size=128)"""


def keras_code(
    kind: str, hidden, code_size: int, variational: bool, rate: float, epochs: int,
    images: int, lang: str,
) -> str:  # fmt: skip
    """Code that builds and trains the autoencoder as ``model`` (``encoder``, ``decoder``)
    and draws test digits beside their reconstructions with matplotlib."""
    t = TEXT.for_language(lang)
    hidden = tuple(int(h) for h in hidden)
    fill = {
        "hidden": hidden,
        "reversed_hidden": hidden[::-1],
        "code": int(code_size),
        "rate": repr(float(rate)),
        "epochs": int(epochs),
        "images": int(images),
    }
    imports = ["import keras", "import matplotlib.pyplot as plt"]
    if variational:
        imports += ["import tensorflow as tf", "from keras import ops"]
    lines = [
        *imports,
        "",
        "from widgets.data import load_mnist",
        "",
        t("code_data", images=images),
        _DATA.format(**fill),
        "",
        t("code_decoder", code=code_size),
        f"codes = keras.Input(({code_size},))",
        _DECODER[kind].format(**fill),
        'decoder = keras.Model(codes, image, name="decoder")',
        "",
        t("code_encoder", code=code_size),
        "inputs = keras.Input((784,))",
        _ENCODER[kind].format(**fill),
        (_VAE if variational else _PLAIN).format(**fill),
        "",
        t("code_show"),
        "reconstructions = model.predict(x_test[:8], verbose=0)",
        "figure, axes = plt.subplots(2, 8, figsize=(10, 2.6))",
        "for i in range(8):",
        '    axes[0, i].imshow(x_test[i].reshape(28, 28), cmap="gray")',
        '    axes[1, i].imshow(reconstructions[i].reshape(28, 28), cmap="gray")',
        '    axes[0, i].axis("off")',
        '    axes[1, i].axis("off")',
        "plt.show()",
    ]
    return "\n".join(lines) + "\n"
