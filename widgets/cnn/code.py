"""The "show the code" for lesson 10's CNN: the dashboard's architecture as a plain
``keras.Sequential`` seeded as the dashboard seeds it, compiled and fitted on the same
number of MNIST images, with the accuracy curves drawn by matplotlib.

The start (every initial weight) is the dashboard's exactly; the training draws its
batches in Keras' own shuffled order, so the trained weights differ from the
dashboard's run by that order, not by the model (tests/test_show_code.py checks both).
"""

from __future__ import annotations

from .texts import TEXT


def keras_code(filters, kernels, images: int, epochs: int, batch: int, lang: str) -> str:
    """Code that builds, compiles and trains the CNN as ``model`` and plots its accuracy."""
    t = TEXT.for_language(lang)
    (f1, f2), (k1, k2) = filters, kernels
    return (
        "\n".join(
            [
                "import keras",
                "import matplotlib.pyplot as plt",
                "",
                "from widgets.data import load_mnist",
                "",
                t("code_data", images=images),
                "data = load_mnist()",
                f'x_train = data.x_train[:{images}].reshape(-1, 28, 28, 1).astype("float32") / 255.0',
                f"y_train = keras.utils.to_categorical(data.y_train[:{images}], 10)",
                'x_test = data.x_test.reshape(-1, 28, 28, 1).astype("float32") / 255.0',
                "y_test = keras.utils.to_categorical(data.y_test, 10)",
                "",
                t("code_model"),
                "keras.utils.set_random_seed(0)",
                "model = keras.Sequential(",
                "    [",
                "        keras.Input((28, 28, 1)),",
                f'        keras.layers.Conv2D({f1}, {k1}, activation="relu"),',
                "        keras.layers.MaxPooling2D(2),",
                f'        keras.layers.Conv2D({f2}, {k2}, activation="relu"),',
                "        keras.layers.MaxPooling2D(2),",
                "        keras.layers.Flatten(),",
                "        keras.layers.Dropout(0.5),",
                '        keras.layers.Dense(10, activation="softmax"),',
                "    ]",
                ")",
                'model.compile(optimizer="adam", loss="categorical_crossentropy", metrics=["accuracy"])',
                "model.summary()",
                "",
                f"EPOCHS = {int(epochs)}",
                "history = model.fit(",
                f"    x_train, y_train, batch_size={int(batch)}, epochs=EPOCHS, "
                "validation_data=(x_test, y_test)",
                ")",
                f'plt.plot(history.history["accuracy"], label={t("code_train")!r})',
                f'plt.plot(history.history["val_accuracy"], label={t("code_test")!r})',
                f"plt.xlabel({t('code_epoch')!r})",
                f"plt.ylabel({t('code_accuracy')!r})",
                "plt.legend()",
                "plt.show()",
            ]
        )
        + "\n"
    )
