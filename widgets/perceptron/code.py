"""The "show the code" for lesson 04: Rosenblatt's rule as the ``train_step`` of a Keras
model, with the dashboard's data, η, epochs, order and (optionally) Gallant's pocket.

The dashboard runs one ``fit`` over the repeated data and reads every step from a log
(:mod:`widgets.models.perceptron`); the code shown does the same learning the way a
student would write it: one ``fit`` per epoch, stopping after an epoch that
had no mistake, and the pocket as a callback after every point.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .. import codegen
from .texts import TEXT

_MODEL = """class Perceptron(keras.Model):
    def __init__(self, learning_rate, **kwargs):
        super().__init__(**kwargs)
        self.learning_rate = learning_rate
        self.w = self.add_weight(shape=(2,), initializer="zeros", trainable=False)
        self.b = self.add_weight(shape=(), initializer="zeros", trainable=False)
        self.mistakes = keras.metrics.Sum(name="mistakes")  # Keras zeroes it every epoch

    def call(self, x):
        return ops.cast(ops.matmul(x, self.w) + self.b >= 0, "float32")

    def train_step(self, data):
        x, y = data
        error = y - self(x)  # +1, -1, or 0 when right (then nothing moves)
        self.w.assign_add(self.learning_rate * ops.sum(error[:, None] * x, axis=0))
        self.b.assign_add(self.learning_rate * ops.sum(error))
        self.mistakes.update_state(ops.sum(ops.abs(error)))
        return {"mistakes": self.mistakes.result()}

    @property
    def metrics(self):
        return [self.mistakes]
"""

_POCKET = """def training_errors(w, b):
    return int(np.sum((X @ w + b >= 0).astype("float32") != y))


class Pocket(keras.callbacks.Callback):
    def __init__(self, w, b):
        super().__init__()
        self.best = (training_errors(w, b), w.copy(), b.copy())

    def on_train_batch_end(self, batch, logs=None):  # after every point (batch_size=1)
        w, b = self.model.get_weights()
        if training_errors(w, b) < self.best[0]:
            self.best = (training_errors(w, b), w, b)
"""


@dataclass(frozen=True)
class PerceptronRun:
    """What the code must reproduce: the data, or how to make them, and the learning."""

    X: np.ndarray
    y: np.ndarray
    blobs: dict | None  # blobs_with_margin's arguments when the points are exactly those
    learning_rate: float
    epochs: int
    initial: tuple[np.ndarray, float] | None
    shuffle_seed: int | None
    pocket: bool


def keras_code(run: PerceptronRun, lang: str) -> str:
    """Code that learns the dashboard's line as ``model`` and prints w, b and the errors."""
    t = TEXT.for_language(lang)
    lines = ["import keras", "import numpy as np", "from keras import ops", ""]
    if run.blobs is not None:
        lines[3:3] = ["", "from widgets.data.toy import blobs_with_margin"]
    lines += [t("code_rule"), _MODEL, *_data_lines(run, t)]
    if run.pocket:
        lines += ["", t("code_pocket"), _POCKET]
    lines += _fit_lines(run, t)
    return "\n".join(lines) + "\n"


def _data_lines(run: PerceptronRun, t) -> list[str]:
    if run.blobs is not None:
        args = ", ".join(f"{k}={codegen.number(v)}" for k, v in run.blobs.items())
        return [
            t("code_blobs"),
            f"X, y = blobs_with_margin({args})",
            'X, y = X.astype("float32"), y.astype("float32")',
        ]
    return [
        t("code_points", n=len(run.X)),
        f"X = {codegen.array(run.X)}",
        f"y = {codegen.array(run.y)}",
    ]


def _fit_lines(run: PerceptronRun, t) -> list[str]:
    lines = [
        "",
        f"model = Perceptron(learning_rate={codegen.number(run.learning_rate)})",
        "model.compile()",
    ]
    if run.initial is not None:
        w, b = run.initial
        lines += [
            t("code_random_start"),
            f"model.set_weights([{codegen.array(w)}, np.float32({codegen.number(b)})])",
        ]
    if run.pocket:
        lines.append("pocket = Pocket(*model.get_weights())")
    if run.shuffle_seed is not None:
        lines += [t("code_shuffle"), f"rng = np.random.default_rng({int(run.shuffle_seed)})"]
    order = "rng.permutation(len(X))" if run.shuffle_seed is not None else "np.arange(len(X))"
    callbacks = ", callbacks=[pocket]" if run.pocket else ""
    lines += [
        f"for epoch in range({int(run.epochs)}):",
        f"    order = {order}",
        "    history = model.fit(X[order], y[order], batch_size=1, shuffle=False, verbose=0"
        f"{callbacks})",
        '    if history.history["mistakes"][-1] == 0:',
        f"        print({t('code_converged')!r}, epoch + 1)",
        "        break",
    ]
    if run.pocket:
        lines += [t("code_pocket_restore"), "model.set_weights(pocket.best[1:])"]
    lines.append('print("w =", model.w.numpy(), " b =", model.b.numpy())')
    return lines
