"""The "show the code" for lesson 12's denoising panel: a plain and a denoising
autoencoder of the same size (Keras' ``GaussianNoise`` layer corrupts the input only while
training, the target stays clean), judged on noisy test digits; then the linear
autoencoder with a 2-number code beside PCA-2 computed with numpy's SVD.

Unlike :mod:`widgets.models.autoencoder`, the shown ``GaussianNoise`` does not clip the
noisy pixels to [0, 1]: one layer a student knows, for a difference they will not see.
"""

from __future__ import annotations

from .texts import TEXT

_CODE = """import keras
import numpy as np

from widgets.data import load_mnist

{data_comment}
data = load_mnist()
x_train = data.x_train[:{images}].reshape(-1, 784).astype("float32") / 255.0
x_test = data.x_test[:2000].reshape(-1, 784).astype("float32") / 255.0
rng = np.random.default_rng(7)
noisy_test = np.clip(x_test + rng.normal(0, {sigma}, x_test.shape), 0, 1).astype("float32")


{model_comment}
def autoencoder(noise):
    inputs = keras.Input((784,))
    x = keras.layers.GaussianNoise(noise)(inputs) if noise > 0 else inputs
    x = keras.layers.Dense({hidden}, activation="relu")(x)
    code = keras.layers.Dense({code})(x)
    x = keras.layers.Dense({hidden}, activation="relu")(code)
    image = keras.layers.Dense(784, activation="sigmoid")(x)
    model = keras.Model(inputs, image)
    model.compile(optimizer=keras.optimizers.Adam(learning_rate={rate}), loss="mse")
    return model


plain, denoising = autoencoder(0.0), autoencoder({sigma})
for name, net in (("plain", plain), ("denoising", denoising)):
    net.fit(x_train, x_train, epochs={epochs}, batch_size=128, verbose=0)
    print(name, "MSE on noisy digits:", round(net.evaluate(noisy_test, x_test, verbose=0), 4))
model = denoising

{linear_comment}
linear = keras.Sequential([keras.Input((784,)), keras.layers.Dense(2), keras.layers.Dense(784)])
linear.compile(optimizer=keras.optimizers.Adam(learning_rate={linear_rate}), loss="mse")
linear.fit(x_train, x_train, epochs={linear_epochs}, batch_size={linear_batch}, verbose=0)
mean = x_train.mean(axis=0)
_, _, vt = np.linalg.svd(x_train - mean, full_matrices=False)
pca_test = (x_test - mean) @ vt[:2].T @ vt[:2] + mean
pca_mse = float(np.mean((pca_test - x_test) ** 2))
print("linear AE:", round(linear.evaluate(x_test, x_test, verbose=0), 4), " PCA-2:", round(pca_mse, 4))
"""


def keras_code(
    images: int, sigma: float, rate: float, epochs: int, hidden: int, code: int,
    linear: dict, lang: str,
) -> str:  # fmt: skip
    """Code for both sections of the panel; ``model`` is the denoising autoencoder."""
    t = TEXT.for_language(lang)
    return _CODE.format(
        data_comment=t("code_data", images=images, sigma=sigma),
        model_comment=t("code_models"),
        linear_comment=t("code_linear"),
        images=int(images),
        sigma=repr(float(sigma)),
        rate=repr(float(rate)),
        epochs=int(epochs),
        hidden=int(hidden),
        code=int(code),
        linear_rate=repr(float(linear["learning_rate"])),
        linear_epochs=int(linear["epochs"]),
        linear_batch=int(linear["batch_size"]),
    )
