"""The "show the code" for lesson 14's 1-D panel: the two densities and Goodfellow et
al.'s optimal discriminator D* = p_data / (p_data + p_g) in numpy, then a Keras D (one
logistic unit, or 1 → 32 → 32 → 1) trained on samples of both and drawn against D*."""

from __future__ import annotations

from .texts import TEXT

_D = {
    "logistic": '[keras.Input((1,)), keras.layers.Dense(1, activation="sigmoid")]',
    "mlp": """[
        keras.Input((1,)),
        keras.layers.Dense({units}, activation="relu"),
        keras.layers.Dense({units}, activation="relu"),
        keras.layers.Dense(1, activation="sigmoid"),
    ]""",
}

_CODE = """import keras
import matplotlib.pyplot as plt
import numpy as np

{densities}
mu_data, sigma_data = {mu_data}, {sigma_data}
mu_g, sigma_g = {mu_g}, {sigma_g}
x = np.linspace({low}, {high}, {points})


def pdf(x, mu, sigma):
    return np.exp(-0.5 * ((x - mu) / sigma) ** 2) / (sigma * np.sqrt(2 * np.pi))


p_data, p_g = pdf(x, mu_data, sigma_data), pdf(x, mu_g, sigma_g)
d_star = p_data / (p_data + p_g)

{samples}
rng = np.random.default_rng(0)
n = {steps} * {batch} // 2
samples = np.concatenate([rng.normal(mu_data, sigma_data, n), rng.normal(mu_g, sigma_g, n)])
labels = np.concatenate([np.ones(n), np.zeros(n)])
model = keras.Sequential(
    {layers}
)
model.compile(optimizer=keras.optimizers.Adam({rate}), loss="binary_crossentropy")
model.fit(samples.reshape(-1, 1), labels, batch_size={batch}, epochs=1, shuffle=True, verbose=0)
d_trained = model.predict(x.reshape(-1, 1), verbose=0).ravel()

plt.plot(x, p_data, label="p_data")
plt.plot(x, p_g, label="p_g")
plt.plot(x, d_star, label="D*")
plt.plot(x, d_trained, "--", label="D")
plt.legend()
plt.show()
"""


def keras_code(
    mu_data: float, sigma_data: float, mu_g: float, sigma_g: float, kind: str, steps: int,
    batch: int, rate: float, units: int, grid, lang: str,
) -> str:  # fmt: skip
    """Code for the panel; the trained discriminator is ``model``."""
    t = TEXT.for_language(lang)
    return _CODE.format(
        densities=t("code_densities"),
        samples=t("code_samples"),
        mu_data=repr(float(mu_data)),
        sigma_data=repr(float(sigma_data)),
        mu_g=repr(float(mu_g)),
        sigma_g=repr(float(sigma_g)),
        low=repr(float(grid[0])),
        high=repr(float(grid[-1])),
        points=len(grid),
        steps=int(steps),
        batch=int(batch),
        layers=_D[kind].format(units=int(units)),
        rate=repr(float(rate)),
    )
