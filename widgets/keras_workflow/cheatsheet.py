"""The R keras cheat-sheet functions the lecture uses, next to their Python Keras 3 forms."""

from __future__ import annotations

import html

from ..i18n import Strings
from .texts import TEXT

ROWS = Strings(
    "keras_cheatsheet",
    {
        "keras_model_sequential": {
            "pl": "pusty model sekwencyjny",
            "en": "an empty sequential model",
        },
        "layer_dense": {
            "pl": "warstwa w pełni połączona",
            "en": "a fully connected layer",
        },
        "layer_dropout": {
            "pl": "losowo wyłącza neurony podczas uczenia",
            "en": "switches neurons off at random while training",
        },
        "layer_flatten": {
            "pl": "spłaszcza obraz do wektora",
            "en": "flattens an image to a vector",
        },
        "layer_activation": {
            "pl": "sama funkcja aktywacji",
            "en": "an activation on its own",
        },
        "compile": {
            "pl": "optymalizator, funkcja straty, metryki",
            "en": "optimizer, loss, metrics",
        },
        "fit": {
            "pl": "uczenie",
            "en": "training",
        },
        "evaluate": {
            "pl": "strata i metryki na danych testowych",
            "en": "loss and metrics on test data",
        },
        "predict": {
            "pl": "wyjście sieci (prawdopodobieństwa)",
            "en": "the network's output (probabilities)",
        },
        "predict_classes": {
            "pl": "numer klasy (Keras 3 nie ma predict_classes)",
            "en": "the class number (Keras 3 has no predict_classes)",
        },
        "summary": {
            "pl": "tabela warstw",
            "en": "table of layers",
        },
        "callback_early_stopping": {
            "pl": "koniec, gdy val_loss przestaje maleć",
            "en": "stop when val_loss stops falling",
        },
        "callback_reduce_lr": {
            "pl": "mniejszy krok, gdy uczenie stoi",
            "en": "smaller steps when learning stalls",
        },
        "callback_lr_schedule": {
            "pl": "harmonogram współczynnika uczenia",
            "en": "a learning-rate schedule",
        },
        "callback_tensorboard": {
            "pl": "logi dla TensorBoard",
            "en": "logs for TensorBoard",
        },
        "save_model_hdf5": {
            "pl": "zapis modelu (Keras 3: format .keras)",
            "en": "save the model (Keras 3: the .keras format)",
        },
        "load_model_hdf5": {
            "pl": "wczytanie modelu",
            "en": "load a model",
        },
        "freeze_weights": {
            "pl": "zamrożenie wag (bez uczenia)",
            "en": "freeze the weights",
        },
        "unfreeze_weights": {
            "pl": "odmrożenie wag",
            "en": "unfreeze the weights",
        },
        "to_categorical": {
            "pl": "etykiety → wektory one-hot",
            "en": "labels → one-hot vectors",
        },
        "array_reshape": {
            "pl": "obraz 28×28 → wektor 784 (wierszami, jak w R)",
            "en": "28×28 image → vector of 784 (row-major, as in R)",
        },
        "dataset_mnist": {
            "pl": "pobranie MNIST",
            "en": "download MNIST",
        },
    },
)

# (R, Python); the key into ROWS is the R function's name up to "(".
PAIRS = (
    ("keras_model_sequential()", "model = keras.Sequential([keras.Input(shape=(784,)), ...])"),
    ("layer_dense(units = 256, activation = 'relu')", 'keras.layers.Dense(256, activation="relu")'),
    ("layer_dropout(rate = 0.4)", "keras.layers.Dropout(0.4)"),
    ("layer_flatten()", "keras.layers.Flatten()"),
    ("layer_activation('relu')", 'keras.layers.Activation("relu")'),
    (
        "compile(loss = 'categorical_crossentropy', optimizer = optimizer_rmsprop(), "
        "metrics = c('accuracy'))",
        'model.compile(loss="categorical_crossentropy", optimizer=keras.optimizers.RMSprop(), '
        'metrics=["accuracy"])',
    ),
    (
        "fit(x_train, y_train, epochs = 30, batch_size = 128, validation_split = 0.2)",
        "history = model.fit(x_train, y_train, epochs=30, batch_size=128, validation_split=0.2)",
    ),
    ("evaluate(x_test, y_test)", "model.evaluate(x_test, y_test)"),
    ("predict(x_test)", "model.predict(x_test)"),
    ("predict_classes(x_test)", "model.predict(x_test).argmax(axis=1)"),
    ("summary(model)", "model.summary()"),
    (
        "callback_early_stopping(patience = 3)",
        "keras.callbacks.EarlyStopping(patience=3, restore_best_weights=True)",
    ),
    ("callback_reduce_lr_on_plateau()", "keras.callbacks.ReduceLROnPlateau()"),
    ("callback_learning_rate_scheduler(f)", "keras.callbacks.LearningRateScheduler(f)"),
    ("callback_tensorboard('logs/fit')", 'keras.callbacks.TensorBoard(log_dir="logs/fit")'),
    ("save_model_hdf5(model, 'mnist.h5')", 'model.save("mnist.keras")'),
    ("load_model_hdf5('mnist.h5')", 'keras.models.load_model("mnist.keras")'),
    (
        "freeze_weights(model, from = 1, to = 2)",
        "for layer in model.layers[0:2]: layer.trainable = False  # then compile again",
    ),
    ("unfreeze_weights(model)", "for layer in model.layers: layer.trainable = True"),
    ("to_categorical(y, 10)", "keras.utils.to_categorical(y, 10)"),
    ("array_reshape(x, c(nrow(x), 784))", "x.reshape(len(x), 784)"),
    ("dataset_mnist()", "keras.datasets.mnist.load_data()"),
)

_KEYS = {
    "callback_reduce_lr_on_plateau": "callback_reduce_lr",
    "callback_learning_rate_scheduler": "callback_lr_schedule",
}


def cheatsheet_rows(lang: str) -> list[tuple[str, str, str]]:
    """``(R, Python, what it does)`` for each function the lecture uses."""
    rows = []
    for r_code, python in PAIRS:
        name = r_code.split("(")[0]
        rows.append((r_code, python, ROWS.get(_KEYS.get(name, name), lang)))
    return rows


def cheatsheet_html(lang: str) -> str:
    """The table as HTML (code in monospace)."""
    t = TEXT.for_language(lang)
    head = f"<tr><th>{t('cs_r')}</th><th>{t('cs_python')}</th><th>{t('cs_what')}</th></tr>"
    body = "".join(
        f"<tr><td><code>{html.escape(r)}</code></td><td><code>{html.escape(p)}</code></td>"
        f"<td>{html.escape(w)}</td></tr>"
        for r, p, w in cheatsheet_rows(lang)
    )
    return (
        f"<table class='dl-cheatsheet dl-table'><thead>{head}</thead><tbody>{body}</tbody></table>"
    )
