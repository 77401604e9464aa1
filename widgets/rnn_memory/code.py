"""The "show the code" for lesson 11's memory panel: the adding problem in numpy (the
same draws as :func:`widgets.models.memory.adding_problem`), the chosen recurrent cells
seeded as the dashboard seeds them, trained one after another, and their validation
losses against the baseline drawn with matplotlib."""

from __future__ import annotations

from .texts import TEXT

_LAYERS = {"simple_rnn": "SimpleRNN", "gru": "GRU", "lstm": "LSTM"}

_CODE = """import keras
import matplotlib.pyplot as plt
import numpy as np


{problem_comment}
def adding_problem(n, length, seed):
    rng = np.random.default_rng(seed)
    values = rng.random((n, length), dtype=np.float32)
    first = rng.integers(0, length // 2, size=n)
    second = rng.integers(length // 2, length, size=n)
    rows = np.arange(n)
    markers = np.zeros((n, length), dtype=np.float32)
    markers[rows, first] = 1.0
    markers[rows, second] = 1.0
    y = values[rows, first] + values[rows, second]
    return np.stack([values, markers], axis=-1), y.reshape(n, 1)


x_train, y_train = adding_problem({sequences}, {length}, seed={seed})
x_val, y_val = adding_problem({validation}, {length}, seed={seed} + 10_000)
baseline = float(np.var(y_val))  {baseline_comment}

models = {{}}
for cell in ({cells}):
    keras.utils.set_random_seed({seed})
    models[cell.__name__] = keras.Sequential(
        [keras.Input(({length}, 2)), cell({units}), keras.layers.Dense(1)]
    )
    models[cell.__name__].compile(
        optimizer=keras.optimizers.Adam(learning_rate={rate}, clipnorm=1.0), loss="mse"
    )

EPOCHS = {epochs}
for name, model in models.items():
    history = model.fit(
        x_train, y_train, epochs=EPOCHS, batch_size=64, validation_data=(x_val, y_val), verbose=0
    )
    plt.plot(range(1, EPOCHS + 1), history.history["val_loss"], marker="o", label=name)
plt.axhline(baseline, color="gray", linestyle="--", label={baseline_label})
plt.xlabel({epoch_label})
plt.ylabel("MSE")
plt.legend()
plt.show()
model = models[{last!r}]
"""


def keras_code(
    cells: list[str], units: int, length: int, sequences: int, validation: int, rate: float,
    epochs: int, seed: int, lang: str,
) -> str:  # fmt: skip
    """Code that builds the chosen cells (``models``; ``model`` the last one) and trains
    them on the adding problem."""
    t = TEXT.for_language(lang)
    layers = [f"keras.layers.{_LAYERS[cell]}" for cell in cells]
    return _CODE.format(
        problem_comment=t("code_problem"),
        baseline_comment=t("code_baseline"),
        baseline_label=repr(t("code_baseline_label")),
        epoch_label=repr(t("code_epoch")),
        sequences=int(sequences),
        length=int(length),
        validation=int(validation),
        seed=int(seed),
        cells=", ".join(layers) + ("," if len(layers) == 1 else ""),
        units=int(units),
        rate=repr(float(rate)),
        epochs=max(1, int(epochs)),
        last=_LAYERS[cells[-1]],
    )
