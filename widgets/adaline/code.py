"""The "show the code" for lesson 05: ADALINE is three lines of Keras (``Dense(1)``, mean
squared error, SGD), trained online (``batch_size=1``) or in batches, beside the
least-squares solution it approaches (``np.linalg.lstsq``)."""

from __future__ import annotations

from .. import codegen
from .texts import TEXT


def keras_code(
    data: str,
    blob_args: dict,
    n_points: int,
    seed: int,
    mode: str,
    rate: float,
    epochs: int,
    lang: str,
) -> str:
    """Code that trains the dashboard's ADALINE as ``model`` and prints its weights beside
    the closed-form solution."""
    t = TEXT.for_language(lang)
    args = ", ".join(f"{k}={codegen.number(v)}" for k, v in blob_args.items())
    batch = "1" if mode == "online" else "len(X)"
    return (
        "\n".join(
            [
                "import keras",
                "import numpy as np",
                "",
                "from widgets.data.toy import blobs_with_margin",
                "",
                t("code_data", data=t(f"data_{data}")),
                f"X, labels = blobs_with_margin({int(n_points)}, seed={int(seed)}, {args})",
                'X = ((X - X.mean(axis=0)) / X.std(axis=0)).astype("float32")',
                'y = np.where(labels > 0, 1.0, -1.0).astype("float32")',
                "",
                t("code_model"),
                "model = keras.Sequential([",
                "    keras.Input(shape=(2,)),",
                '    keras.layers.Dense(1, activation="linear", kernel_initializer="zeros"),',
                "])",
                f"model.compile(optimizer=keras.optimizers.SGD(learning_rate={codegen.number(rate)}),"
                ' loss="mse")',
                t(f"code_{mode}"),
                f"history = model.fit(X, y, batch_size={batch}, epochs={int(epochs)}, shuffle=False,",
                "                    callbacks=[keras.callbacks.TerminateOnNaN()], verbose=0)",
                "",
                t("code_exact"),
                "A = np.hstack([X, np.ones((len(X), 1))])",
                "exact, *_ = np.linalg.lstsq(A, y, rcond=None)",
                "w, b = model.get_weights()",
                'print("ADALINE: w =", w.ravel(), " b =", b)',
                'print("lstsq:   w =", exact[:2], " b =", exact[2])',
            ]
        )
        + "\n"
    )
