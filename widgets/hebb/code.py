"""The "show the code" for lesson 03: Hebb's rule as the ``train_step`` of a Keras model.

The same rule as :class:`widgets.models.hebb.HebbNet`, written out in a dozen lines so a
student sees that Keras' ``fit`` can run a learning rule with no gradient and no optimizer:
``fit(batch_size=1, shuffle=False)`` presents the patterns one at a time, in order, as the
dashboard's animation does.
"""

from __future__ import annotations

import numpy as np

from .. import codegen
from .texts import TEXT

_MODEL = """class HebbNet(keras.Model):
    def __init__(self, learning_rate, off, **kwargs):
        super().__init__(**kwargs)
        self.learning_rate, self.off = learning_rate, off
        self.w = self.add_weight(shape=(2, 1), initializer="zeros", trainable=False)
        self.b = self.add_weight(shape=(1,), initializer="zeros", trainable=False)

    def call(self, x):
        return ops.where(ops.matmul(x, self.w) + self.b >= 0, 1.0, self.off)

    def train_step(self, data):
        x, y = data
        y = ops.reshape(y, (-1, 1))
        self.w.assign_add(self.learning_rate * ops.matmul(ops.transpose(x), y))
        self.b.assign_add(self.learning_rate * ops.sum(y, axis=0))
        return {"w1": self.w[0, 0], "w2": self.w[1, 0], "b": self.b[0]}  # into history
"""


def keras_code(
    gate: str,
    encoding: str,
    X: np.ndarray,
    y: np.ndarray,
    learning_rate: float,
    epochs: int,
    off: float,
    lang: str,
) -> str:
    """Code that trains the Hebb net on these patterns as ``model`` and prints w, b and
    its answers."""
    t = TEXT.for_language(lang)
    lines = [
        "import keras",
        "import numpy as np",
        "from keras import ops",
        "",
        t("code_rule"),
        _MODEL,
        t("code_data", gate=gate, encoding=t(f"enc_{encoding}")),
        f"X = {codegen.array(X)}",
        f"y = {codegen.array(y)}",
        "",
        f"model = HebbNet(learning_rate={codegen.number(learning_rate)}, "
        f"off={codegen.number(off)})",
        "model.compile()",
        t("code_fit", epochs=int(epochs)),
        f"model.fit(X, y, batch_size=1, epochs={int(epochs)}, shuffle=False, verbose=0)",
        'print("w =", model.w.numpy().ravel(), " b =", model.b.numpy())',
        'print("y =", y, " ->", model.predict(X, verbose=0).ravel())',
    ]
    return "\n".join(lines) + "\n"
