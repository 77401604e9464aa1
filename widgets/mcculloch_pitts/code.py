"""The "show the code" for lesson 02: the MCP neuron as two plain Keras layers.

A ``Dense`` layer without bias holds the weights (frozen: nothing here learns) and a
``Lambda`` applies the threshold, so the code needs nothing from this course's package.
"""

from __future__ import annotations

from .. import codegen
from .texts import TEXT


def keras_code(weights: list[float], threshold: float, inhibitory: bool, lang: str) -> str:
    """Code that builds the neuron with these weights and threshold as ``model`` and prints
    its truth table (the rows in the dashboard's order)."""
    t = TEXT.for_language(lang)
    n = len(weights)
    width = n + int(inhibitory)
    names = ", ".join([f"x{i + 1}" for i in range(n)] + (["h"] if inhibitory else []))
    lines = [
        "import itertools",
        "",
        "import keras",
        "import numpy as np",
        "from keras import ops",
        "",
        t("code_comment", veto=t("code_veto") if inhibitory else ""),
        f"weights = {codegen.array(weights)}",
        f"threshold = {codegen.number(threshold)}",
        "",
        f"inputs = keras.Input(shape=({width},))  # {names}",
        'weighted_sum = keras.layers.Dense(1, use_bias=False, trainable=False, name="w_x")',
    ]
    if inhibitory:
        lines += [
            "fires = keras.layers.Lambda(",
            '    lambda t: ops.cast(t[0] >= threshold, "float32") * ops.cast(t[1] <= 0, "float32"),',
            '    name="step",',
            f")([weighted_sum(inputs[:, :{n}]), inputs[:, {n}:]])",
        ]
    else:
        lines += [
            'step = keras.layers.Lambda(lambda s: ops.cast(s >= threshold, "float32"), name="step")',
            "fires = step(weighted_sum(inputs))",
        ]
    lines += [
        'model = keras.Model(inputs, fires, name="mcculloch_pitts")',
        "weighted_sum.set_weights([weights.reshape(-1, 1)])",
        "",
        t("code_table"),
        f'rows = np.array(list(itertools.product((0, 1), repeat={width})), dtype="float32")',
        "for row, y in zip(rows, model.predict(rows, verbose=0).ravel()):",
        "    print(row.astype(int), int(y))",
    ]
    return "\n".join(lines) + "\n"
