"""The "show the code" for lesson 06: the chosen activation and its derivative by
``tf.GradientTape`` (what backpropagation uses), plotted with matplotlib; one neuron
``Dense(1, activation=f)`` with the sliders' weights; softmax at a temperature."""

from __future__ import annotations

from .. import codegen
from .texts import TEXT

#: ``f(z)`` per activation, as one Keras expression (step and sign are not in Keras).
_EXPRESSIONS = {
    "step": "ops.where(z >= 0, 1.0, 0.0)",
    "sign": "ops.sign(z)",
    "leaky_relu": "activations.leaky_relu(z, negative_slope={alpha})",
    "elu": "activations.elu(z, alpha={alpha})",
    "gelu": "activations.gelu(z, approximate=False)",
}


def expression(name: str, alpha: float | None) -> str:
    """The Keras expression of ``f(z)`` for the named activation."""
    template = _EXPRESSIONS.get(name, f"activations.{name}(z)")
    return template.format(alpha=codegen.number(alpha if alpha is not None else 0.0))


def keras_code(
    name: str,
    alpha: float | None,
    weights: list[float],
    bias: float,
    logits: list[float],
    temperature: float,
    z_range: tuple[float, float],
    z_points: int,
    lang: str,
) -> str:
    """Code for the three views of the dashboard; the neuron is ``model``."""
    t = TEXT.for_language(lang)
    n = len(weights)
    point = ", ".join(["1.0"] * n)
    low, high = (codegen.number(v) for v in z_range)
    return (
        "\n".join(
            [
                "import keras",
                "import matplotlib.pyplot as plt",
                "import numpy as np",
                "import tensorflow as tf",
                "from keras import activations, ops",
                "",
                t("code_function"),
                "def f(z):",
                f"    return {expression(name, alpha)}",
                "",
                f'z = tf.constant(np.linspace({low}, {high}, {int(z_points)}), dtype="float32")',
                "with tf.GradientTape() as tape:",
                "    tape.watch(z)",
                "    y = f(z)",
                'dy = tape.gradient(y, z, unconnected_gradients="zero")',
                'plt.plot(z, y, label="f(z)")',
                'plt.plot(z, dy, label="f\'(z)")',
                "plt.legend()",
                "plt.show()",
                "",
                t("code_neuron"),
                "model = keras.Sequential(",
                f"    [keras.Input(shape=({n},)), keras.layers.Dense(1, activation=f)]",
                ")",
                f"model.set_weights([{codegen.array([[w] for w in weights])}, "
                f"{codegen.array([bias])}])",
                f'print("x = ({point}):", model.predict(np.array([[{point}]]), verbose=0))',
                "",
                t("code_softmax"),
                f"logits = {codegen.array(logits)}",
                f"temperature = {codegen.number(temperature)}",
                "probabilities = activations.softmax(logits[None, :] / temperature)",
                "print(ops.convert_to_numpy(probabilities).round(3))",
            ]
        )
        + "\n"
    )
