"""The "show the code" for lesson 11's unrolled loop: a ``SimpleRNN`` with the sliders'
W, U and b on the dashboard's sequence, every step's state printed and plotted.

Keras stores the maths' ``h_t = tanh(W x_t + U h_{t-1} + b)`` as ``kernel = Wᵀ``,
``recurrent_kernel = Uᵀ`` and ``bias = b``; the code says so where it sets them.
"""

from __future__ import annotations

import numpy as np

from .. import codegen
from .texts import TEXT


def keras_code(x: np.ndarray, W: np.ndarray, U: np.ndarray, b: np.ndarray, lang: str) -> str:
    """Code that builds the recurrent layer as ``model`` and computes ``states``."""
    t = TEXT.for_language(lang)
    units = len(b)
    return (
        "\n".join(
            [
                "import keras",
                "import matplotlib.pyplot as plt",
                "import numpy as np",
                "",
                t("code_sequence", steps=len(x)),
                f"x = {codegen.array(np.ravel(x))}",
                "",
                t("code_parameters"),
                f"W = {codegen.array(W)}",
                f"U = {codegen.array(U)}",
                f"b = {codegen.array(b)}",
                "",
                "inputs = keras.Input(shape=(None, 1))",
                f"rnn = keras.layers.SimpleRNN({units}, return_sequences=True)",
                "model = keras.Model(inputs, rnn(inputs))",
                t("code_transpose"),
                "rnn.set_weights([W.T, U.T, b])",
                "",
                t("code_states"),
                "states = model.predict(x.reshape(1, -1, 1), verbose=0)[0]",
                "print(states.round(4))",
                'plt.plot(range(1, len(x) + 1), states, marker="o")',
                f"plt.xlabel({t('axis_t')!r})",
                f"plt.ylabel({t('code_axis_h')!r})",
                "plt.show()",
            ]
        )
        + "\n"
    )


_GRADIENTS = """import keras
import matplotlib.pyplot as plt
import numpy as np
import tensorflow as tf

{comment}
T, SCALE, GATE_BIAS, UNITS = {steps}, {scale}, {gate_bias}, {units}
x = {amplitude} * np.random.default_rng(0).normal(size=T)  # a small random input sequence


def input_gradients(layer_class, gates):
    layer = layer_class(
        UNITS,
        kernel_initializer=keras.initializers.GlorotUniform(seed=0),
        recurrent_initializer=keras.initializers.Orthogonal(seed=1),
        dtype="float64",
    )
    inputs = keras.Input((None, 1), dtype="float64")
    model = keras.Model(inputs, layer(inputs))  # → h_T, the last state
    # Every gate's block of U gets spectral norm SCALE (|U| on the slider).
    blocks = np.split(layer.cell.recurrent_kernel.numpy(), gates, axis=1)
    scaled = [SCALE * block / np.linalg.norm(block, 2) for block in blocks]
    layer.cell.recurrent_kernel.assign(np.concatenate(scaled, axis=1))
    bias = layer.cell.bias.numpy()
    if layer_class is keras.layers.LSTM:  # gates i, f, c, o: the forget gate keeps memory
        bias[UNITS : 2 * UNITS] = GATE_BIAS
    elif layer_class is keras.layers.GRU:  # gates z, r, h: z keeps the old state
        bias[0, :UNITS], bias[1, :UNITS] = GATE_BIAS, 0.0
    layer.cell.bias.assign(bias)
    # One backward pass gives the whole Jacobian: copy i of the batch carries ∂h_T[i]/∂x.
    batch = tf.repeat(tf.constant(x.reshape(1, T, 1)), UNITS, axis=0)
    with tf.GradientTape() as tape:
        tape.watch(batch)
        diagonal = tf.linalg.trace(model(batch))
    return tf.norm(tape.gradient(diagonal, batch)[:, :, 0], axis=0).numpy(), model


norms = {{}}
for layer_class, gates in ((keras.layers.SimpleRNN, 1), (keras.layers.GRU, 3), (keras.layers.LSTM, 4)):
    norms[layer_class.__name__], model = input_gradients(layer_class, gates)
    plt.semilogy(range(1, T + 1), norms[layer_class.__name__], label=layer_class.__name__)
plt.xlabel("t")
plt.ylabel("‖∂h_T/∂x_t‖")
plt.legend()
plt.show()
"""


def gradient_code(
    steps: int, scale: float, gate_bias: float, units: int, amplitude: float, lang: str
) -> str:
    """Code for the gradient panel: ``norms`` per cell (``model`` is the LSTM probe)."""
    return _GRADIENTS.format(
        comment=TEXT.get("code_gradients", lang),
        steps=int(steps),
        scale=repr(float(scale)),
        gate_bias=repr(float(gate_bias)),
        units=int(units),
        amplitude=repr(float(amplitude)),
    )
