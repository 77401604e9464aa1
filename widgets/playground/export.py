"""Export: runnable Keras code for the current network, and the trained model as a file.

:func:`keras_code` writes the code a student can paste into JupyterLab to build and
compile the same architecture (a test executes it and compares the layers).
:func:`download_link` saves the model as ``.keras`` and returns an ``<a download>`` with
the bytes in a ``data:`` URL, which works in Voilà and on Binder with no file server.
"""

from __future__ import annotations

import base64
import html
import os
import tempfile

OPTIMIZER_CODE = {
    "sgd": "keras.optimizers.SGD(learning_rate={lr})",
    "momentum": "keras.optimizers.SGD(learning_rate={lr}, momentum=0.9)",
    "adam": "keras.optimizers.Adam(learning_rate={lr})",
}


def keras_code(spec, features) -> str:
    """Python source that builds and compiles ``spec`` (a NetworkSpec) with plain Keras."""
    lines = [
        "import keras",
        "",
        f"# inputs: {', '.join(features)}",
        "model = keras.Sequential(",
        "    [",
        f"        keras.Input(shape=({spec.n_inputs},)),",
    ]
    reg = _regularizer(spec)
    for index, layer in enumerate(spec.hidden, 1):
        lines.append(
            f'        keras.layers.Dense({layer.units}, activation="{layer.activation}"'
            f'{reg}, name="hidden_{index}"),'
        )
        if layer.dropout > 0:
            lines.append(f"        keras.layers.Dropout({layer.dropout:g}),")
    lines.append(
        f'        keras.layers.Dense({spec.n_outputs}, activation="{spec.output_activation}"'
        f'{reg}, name="output"),'
    )
    lines += ["    ],", '    name="playground",', ")"]
    loss = "categorical_crossentropy" if spec.task == "multiclass" else "mean_squared_error"
    optimizer = OPTIMIZER_CODE[spec.optimizer].format(lr=f"{spec.learning_rate:g}")
    metrics = ', metrics=["accuracy"]' if spec.task == "multiclass" else ""
    lines.append(f'model.compile(optimizer={optimizer}, loss="{loss}"{metrics})')
    lines.append("model.summary()")
    return "\n".join(lines) + "\n"


def _regularizer(spec) -> str:
    if spec.l1 > 0 and spec.l2 > 0:
        return f", kernel_regularizer=keras.regularizers.L1L2({spec.l1:g}, {spec.l2:g})"
    if spec.l1 > 0:
        return f", kernel_regularizer=keras.regularizers.L1({spec.l1:g})"
    if spec.l2 > 0:
        return f", kernel_regularizer=keras.regularizers.L2({spec.l2:g})"
    return ""


def model_bytes(model) -> bytes:
    """The model saved in Keras' ``.keras`` format, as bytes."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "playground.keras")
        model.save(path)
        with open(path, "rb") as file:
            return file.read()


def download_link(model, label: str, filename: str = "playground.keras") -> str:
    """An HTML link that downloads the model file (bytes inlined as base64)."""
    data = base64.b64encode(model_bytes(model)).decode("ascii")
    return (
        f"<a download='{html.escape(filename)}' class='dl-download dl-link' "
        f"href='data:application/octet-stream;base64,{data}'>{html.escape(label)}</a>"
    )
