"""The "show the code" for lesson 13's deep belief network: two RBMs (the main panel's
``RBM`` class, :func:`widgets.rbm.code.model_source`) trained greedily, the second on the
first's hidden probabilities, then the same softmax classifier on pixels, on the first
layer's features and on the second's."""

from __future__ import annotations

from ..rbm.code import model_source
from .texts import TEXT

_CODE = """import keras
import numpy as np
from keras import ops

from widgets.data import load_mnist

{data_comment}
data = load_mnist()
x = (data.x_train[:{images}].reshape(-1, 784) / 255.0 > 0.5).astype("float32")
y = data.y_train[:{images}]
x_test = (data.x_test[:{test}].reshape(-1, 784) / 255.0 > 0.5).astype("float32")
y_test = data.y_test[:{test}]


{model}


{greedy_comment}
settings = dict(k=1, persistent=False, learning_rate={rate}, momentum=0.5, weight_decay=1e-4)
rbm_1 = RBM({hidden_1}, **settings, seed={seed})
rbm_2 = RBM({hidden_2}, **settings, n_visible={hidden_1}, seed={seed_2})
rbm_1.compile()
rbm_1.fit(x, batch_size={batch}, epochs={epochs}, verbose=0)
features_1 = rbm_1.predict(x, verbose=0)  # p(h1 | v)
rbm_2.compile()
rbm_2.fit(features_1, batch_size={batch}, epochs={epochs}, verbose=0)
model = rbm_2


{probe_comment}
def accuracy(train, test):
    keras.utils.set_random_seed(0)
    probe = keras.Sequential([keras.Input((train.shape[1],)), keras.layers.Dense(10, activation="softmax")])
    probe.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    probe.fit(train, y, epochs={probe_epochs}, batch_size=128, verbose=0)
    return probe.evaluate(test, y_test, verbose=0)[1]


test_1 = rbm_1.predict(x_test, verbose=0)
print("pixels:", accuracy(x, x_test))
print("RBM:   ", accuracy(features_1, test_1))
print("DBN:   ", accuracy(rbm_2.predict(features_1, verbose=0), rbm_2.predict(test_1, verbose=0)))
"""


def keras_code(
    hidden_1: int, hidden_2: int, epochs: int, rate: float, images: int, test: int,
    probe_epochs: int, batch: int, seed: int, lang: str,
) -> str:  # fmt: skip
    """Code that trains both layers greedily (``model`` is the second RBM) and compares the
    three classifiers."""
    t = TEXT.for_language(lang)
    return _CODE.format(
        data_comment=t("code_data", images=images, test=test),
        greedy_comment=t("code_greedy"),
        probe_comment=t("code_probe"),
        model=model_source(784, batch, seed),
        hidden_1=int(hidden_1),
        hidden_2=int(hidden_2),
        epochs=max(1, int(epochs)),
        rate=repr(float(rate)),
        images=int(images),
        test=int(test),
        probe_epochs=int(probe_epochs),
        batch=int(batch),
        seed=int(seed),
        seed_2=int(seed) + 1,
    )
