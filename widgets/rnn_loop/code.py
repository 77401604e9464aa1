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
