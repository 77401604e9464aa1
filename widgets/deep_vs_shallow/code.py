"""The "show the code" for lesson 08: the wide shallow and the narrow deep net as two plain
``keras.Sequential`` stacks, seeded as the dashboard seeds them, each trained alone with
Adam on the whole training set per step.

The dashboard trains both nets as one two-output model (one compiled step for both); the
sum of two losses of nets that share no weight gives each net its own gradient, and Adam
scales every weight alone, so training them one after the other as here gives the same
weights (tests/test_show_code.py checks it).
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import codegen
from .texts import TEXT


@dataclass(frozen=True)
class PairRun:
    """What the code reproduces: the data, the two shapes, the start, the training."""

    data: str
    data_args: dict
    seed: int
    n_inputs: int
    shallow_width: int
    deep_width: int
    depth: int
    task: str
    init: str
    learning_rate: float
    steps: int


_SPREAD_HIDDEN = """\
        keras.layers.Dense(
            width,
            activation="relu",
            kernel_initializer="he_normal",
            bias_initializer=keras.initializers.RandomUniform(-1.0, 1.0),
        )
        if i == 0
        else keras.layers.Dense(width, activation="relu")"""
_KERAS_HIDDEN = '        keras.layers.Dense(width, activation="relu")'


def keras_code(run: PairRun, lang: str) -> str:
    """Code that builds and trains both nets (``shallow``, ``deep``; ``model`` is the deep
    one) and prints their sizes and test losses."""
    t = TEXT.for_language(lang)
    args = ", ".join(
        f"{k}={codegen.number(v)}" for k, v in {**run.data_args, "seed": run.seed}.items()
    )
    output, loss = (
        ("sigmoid", "binary_crossentropy") if run.task == "classification" else ("linear", "mse")
    )
    first = _SPREAD_HIDDEN if run.init == "spread" else _KERAS_HIDDEN
    return (
        "\n".join(
            [
                "import keras",
                "import tensorflow as tf",
                "",
                "from widgets.data.depth import make_split",
                "",
                t("code_data"),
                f'split = make_split("{run.data}", {args})',
                "",
                t("code_mlp"),
                "def mlp(width, depth):",
                "    hidden = [",
                first,
                "        for i in range(depth)",
                "    ]",
                f'    output = keras.layers.Dense(1, activation="{output}")',
                f"    return keras.Sequential([keras.Input(shape=({run.n_inputs},)), *hidden, output])",
                "",
                f"keras.utils.set_random_seed({int(run.seed)})",
                f"shallow = mlp({run.shallow_width}, 1)",
                f"deep = mlp({run.deep_width}, {run.depth})",
                "",
                t("code_fit", steps=run.steps),
                "full_batch = tf.data.Dataset.from_tensors((split.x_train, split.y_train)).repeat()",
                "for net in (shallow, deep):",
                "    net.compile(",
                f"        optimizer=keras.optimizers.Adam(learning_rate={codegen.number(run.learning_rate)}),",
                f'        loss="{loss}",',
                "        steps_per_execution=25,",
                "    )",
                f"    net.fit(full_batch, steps_per_epoch={int(run.steps)}, shuffle=False, verbose=0)",
                "    test_loss = net.evaluate(split.x_test, split.y_test, verbose=0)",
                '    print(net.count_params(), "parameters, test loss", round(test_loss, 4))',
                "model = deep",
            ]
        )
        + "\n"
    )
