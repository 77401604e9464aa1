"""The "show the code" for lesson 13's RBM: a Bernoulli–Bernoulli RBM as a ``keras.Model``
whose ``train_step`` is CD-k (or persistent CD) with momentum and weight decay, its
parameters updated by ``assign`` (no optimizer: ``compile()`` with none, as
:mod:`widgets.models.rbm` does), trained on the dashboard's binarized digits, and the
receptive fields drawn with matplotlib.

The start is the dashboard's: W from the same seeded N(0, 0.01²), the visible biases from
the pixel means (Hinton's guide §8). The sampling draws its own random numbers in its own
order, so the trained weights are not the dashboard's to the last digit.
"""

from __future__ import annotations

from .texts import TEXT

_MODEL = """class RBM(keras.Model):
    def __init__(self, n_hidden, k, persistent, learning_rate, momentum, weight_decay,
                 n_visible={visible}, seed={seed}):
        super().__init__()
        self.k, self.persistent = k, persistent
        self.rates = (learning_rate, momentum, weight_decay)
        normal = keras.initializers.RandomNormal(stddev=0.01, seed=seed)
        self.W = self.add_weight(shape=(n_visible, n_hidden), initializer=normal, trainable=False)
        self.b_v = self.add_weight(shape=(n_visible,), initializer="zeros", trainable=False)
        self.b_h = self.add_weight(shape=(n_hidden,), initializer="zeros", trainable=False)
        self.velocity = [
            self.add_weight(shape=p.shape, initializer="zeros", trainable=False)
            for p in (self.W, self.b_v, self.b_h)
        ]
        self.chain = self.add_weight(shape=({batch}, n_visible), initializer="zeros", trainable=False)
        self.seed_generator = keras.random.SeedGenerator(seed)

    def p_h(self, v):  # p(h = 1 | v)
        return ops.sigmoid(ops.matmul(v, self.W) + self.b_h)

    def p_v(self, h):  # p(v = 1 | h)
        return ops.sigmoid(ops.matmul(h, ops.transpose(self.W)) + self.b_v)

    def sample(self, p):
        return ops.cast(keras.random.uniform(ops.shape(p), seed=self.seed_generator) < p, "float32")

    def call(self, v):
        return self.p_h(v)

    def train_step(self, v0):
        lr, momentum, decay = self.rates
        h0_prob = self.p_h(v0)
        v = self.chain if self.persistent else v0  # PCD: the chains go on from last time
        for _ in range(self.k):  # k steps of Gibbs sampling
            v_prob = self.p_v(self.sample(self.p_h(v)))
            v = self.sample(v_prob)
        h_neg = self.p_h(v_prob)
        if self.persistent:
            self.chain.assign(v)
        n = ops.cast(ops.shape(v0)[0], "float32")
        m = ops.cast(ops.shape(v_prob)[0], "float32")
        gradients = [
            ops.matmul(ops.transpose(v0), h0_prob) / n
            - ops.matmul(ops.transpose(v_prob), h_neg) / m
            - decay * self.W,
            ops.mean(v0, axis=0) - ops.mean(v_prob, axis=0),
            ops.mean(h0_prob, axis=0) - ops.mean(h_neg, axis=0),
        ]
        for param, velocity, gradient in zip((self.W, self.b_v, self.b_h), self.velocity, gradients):
            velocity.assign(momentum * velocity + lr * gradient)
            param.assign_add(velocity)
        reconstruction = self.p_v(self.sample(h0_prob))
        return {{"reconstruction_error": ops.mean(ops.sum((v0 - reconstruction) ** 2, axis=1))}}
"""

_CODE = """import keras
import matplotlib.pyplot as plt
import numpy as np
from keras import ops

from widgets.data import load_mnist

{data_comment}
data = load_mnist()
x = (data.x_train[:{images}].reshape(-1, 784) / 255.0 > 0.5).astype("float32")


{model_comment}
{model}

model = RBM({hidden}, k={k}, persistent={persistent}, learning_rate={rate}, momentum={momentum},
            weight_decay={decay})
model.compile()  # no optimizer: train_step updates the weights itself
p = np.clip(x.mean(axis=0), 1e-3, 1 - 1e-3)
model.b_v.assign(np.log(p / (1 - p)))  {bias_comment}
EPOCHS = {epochs}
history = model.fit(x, batch_size={batch}, epochs=EPOCHS, shuffle=True, verbose=0)
print(history.history["reconstruction_error"])

{fields_comment}
W = model.W.numpy()
columns = int(np.ceil(np.sqrt(W.shape[1])))
figure, axes = plt.subplots(columns, columns, figsize=(6, 6))
for unit, ax in enumerate(axes.ravel()):
    if unit < W.shape[1]:
        limit = np.abs(W[:, unit]).max()
        ax.imshow(W[:, unit].reshape(28, 28), cmap="RdBu", vmin=-limit, vmax=limit)
    ax.axis("off")
plt.show()
"""


def model_source(visible: int, batch: int, seed: int) -> str:
    """The ``RBM`` class the code defines (lesson 13's other panels use it too)."""
    return _MODEL.format(visible=int(visible), batch=int(batch), seed=int(seed)).rstrip("\n")


def keras_code(
    hidden: int, k: int, persistent: bool, rate: float, momentum: float, decay: float,
    epochs: int, images: int, batch: int, seed: int, lang: str,
) -> str:  # fmt: skip
    """Code that builds and trains the RBM as ``model`` and draws its receptive fields."""
    t = TEXT.for_language(lang)
    return _CODE.format(
        data_comment=t("code_data", images=images),
        model_comment=t("code_model"),
        bias_comment=t("code_bias"),
        fields_comment=t("code_fields"),
        model=model_source(784, batch, seed),
        hidden=int(hidden),
        k=int(k),
        persistent=bool(persistent),
        rate=repr(float(rate)),
        momentum=repr(float(momentum)),
        decay=repr(float(decay)),
        epochs=max(1, int(epochs)),
        images=int(images),
        batch=int(batch),
    )
