"""The "show the code" for lesson 16's transfer panel: the source CNN built and trained on
MNIST as the dashboard does it (same layers, names and seeds), the target data from the
course's helper, then one function that makes each run's model (a copy of the base, the
freeze, the new head, compile after the freeze) and the fits with the test accuracy per
epoch, drawn by matplotlib.

``transfer_model(run, source)`` builds exactly the dashboard's starting weights for a
given source (tests/test_transfer.py calls it with the dashboard's own source); the
source itself is trained anew here, so after training the numbers differ a little from
the dashboard's (or its cached source's).
"""

from __future__ import annotations

from ..models.transfer import BATCH, FEATURES, LEARNING_RATES
from .texts import TEXT


def keras_code(
    example: str, labels: int, runs, epochs: int, source_budget: tuple[int, int], seed: int,
    lang: str,
) -> str:  # fmt: skip
    """Code that trains the source, makes the ticked runs and fits them; ``model`` is the
    transferred model (the first ticked run, as ``dashboard.model``)."""
    t = TEXT.for_language(lang)
    images, source_epochs = source_budget
    classes = 10 if example == "digits" else 5
    target = t("ex_digits") if example == "digits" else t("ex_split")
    source_data = [
        "mnist = load_mnist()",
        f'x_source = mnist.x_train[:{images}, :, :, None].astype("float32") / 255.0',
        f"y_source = mnist.y_train[:{images}]",
    ]
    if example == "split":
        source_data += [
            f"keep = y_source < 5  {t('code_split_source')}",
            "x_source, y_source = x_source[keep], y_source[keep]",
        ]
    rates = {run: LEARNING_RATES[run] for run in runs}
    lines = [
        t("code_imports", target=target),
        "import keras",
        "import matplotlib.pyplot as plt",
        "",
        "from widgets.data import load_mnist",
        "from widgets.models.transfer import target_split",
        "",
        t("code_source"),
        *source_data,
        "",
        "",
        "def build_base():",
        "    inputs = keras.Input((28, 28, 1))",
        '    x = keras.layers.Conv2D(16, 3, activation="relu", name="conv1")(inputs)',
        '    x = keras.layers.MaxPooling2D(2, name="pool1")(x)',
        '    x = keras.layers.Conv2D(32, 3, use_bias=False, name="conv2")(x)',
        '    x = keras.layers.BatchNormalization(name="bn")(x)',
        '    x = keras.layers.Activation("relu", name="relu")(x)',
        '    x = keras.layers.MaxPooling2D(2, name="pool2")(x)',
        '    x = keras.layers.Flatten(name="flatten")(x)',
        f'    x = keras.layers.Dense({FEATURES}, activation="relu", name="features")(x)',
        '    return keras.Model(inputs, x, name="base")',
        "",
        "",
        "def compile_model(model, learning_rate):",
        "    model.compile(",
        "        optimizer=keras.optimizers.Adam(learning_rate),",
        '        loss="sparse_categorical_crossentropy",',
        '        metrics=["accuracy"],',
        "    )",
        "",
        "",
        f"keras.utils.set_random_seed({seed})",
        "base = build_base()",
        "inputs = keras.Input((28, 28, 1))",
        f'outputs = keras.layers.Dense({5 if example == "split" else 10}, activation="softmax", '
        'name="source_head")(base(inputs))',
        'source = keras.Model(inputs, outputs, name="source")',
        "compile_model(source, 1e-3)",
        f"source.fit(x_source, y_source, batch_size={BATCH}, epochs={source_epochs})",
        "",
        t("code_target", labels=labels),
        f'data = target_split("{example}", labels_per_class={labels}, seed={seed})',
        "",
        t("code_transfer"),
        f"LEARNING_RATES = {rates!r}",
        "",
        "",
        "def transfer_model(run, source):",
        f"    keras.utils.set_random_seed({seed + 1})",
        "    base = build_base()",
        '    if run != "scratch":',
        '        base.set_weights(source.get_layer("base").get_weights())',
        '    base.trainable = run != "frozen"' + t("code_freeze"),
        '    if run == "fine_tuned":',
        t("code_bn"),
        '        base.get_layer("bn").trainable = False',
        f"    keras.utils.set_random_seed({seed + 2})",
        "    inputs = keras.Input((28, 28, 1))",
        f'    outputs = keras.layers.Dense({classes}, activation="softmax", name="head")(base(inputs))',
        "    model = keras.Model(inputs, outputs, name=run)",
        "    compile_model(model, LEARNING_RATES[run])",
        "    return model",
        "",
        "",
        "models, histories = {}, {}",
        "for run in LEARNING_RATES:",
        "    models[run] = transfer_model(run, source)",
        "    histories[run] = models[run].fit(",
        f"        data.x_train, data.y_train, batch_size={BATCH}, epochs={int(epochs)},",
        "        validation_data=(data.x_test, data.y_test), verbose=0,",
        "    )",
        f'model = models["{runs[0]}"]',
        "model.summary()",
        "",
        t("code_plot"),
        "for run, history in histories.items():",
        '    plt.plot(history.history["val_accuracy"], label=run)',
        f"plt.xlabel({t('code_epoch')!r})",
        f"plt.ylabel({t('code_accuracy')!r})",
        "plt.legend()",
        "plt.show()",
    ]
    return "\n".join(lines) + "\n"
