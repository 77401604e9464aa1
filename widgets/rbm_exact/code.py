"""The "show the code" for lesson 13's bars and stripes: the 30 valid 4×4 patterns in
numpy, the same ``RBM`` class as the main panel's code (:func:`widgets.rbm.code.model_source`)
with 16 visible units, and the exact log-likelihood by enumerating every hidden state —
possible only because the RBM is this small."""

from __future__ import annotations

from ..rbm.code import model_source
from .texts import TEXT

_CODE = """import itertools

import keras
import matplotlib.pyplot as plt
import numpy as np
from keras import ops

{patterns_comment}
stripes = [np.repeat(np.array(bits)[:, None], 4, axis=1) for bits in itertools.product((0, 1), repeat=4)]
bars = [pattern.T for pattern in stripes[1:-1]]  # all-off and all-on are stripes already
patterns = np.array([p.reshape(16) for p in stripes + bars], dtype="float32")  # 30 patterns
x = np.repeat(patterns, {copies}, axis=0)


{model}


{exact_comment}
def log_likelihood(model, data):
    W, b_v, b_h = (p.numpy().astype("float64") for p in (model.W, model.b_v, model.b_h))
    h = np.array(list(itertools.product((0, 1), repeat=len(b_h))), dtype="float64")
    log_z = np.logaddexp.reduce(h @ b_h + np.logaddexp(0, h @ W.T + b_v).sum(axis=1))
    free_energy = -(data @ b_v) - np.logaddexp(0, data @ W + b_h).sum(axis=1)
    return float(np.mean(-free_energy) - log_z)


model = RBM({hidden}, k={k}, persistent={persistent}, learning_rate={rate}, momentum=0.5,
            weight_decay=0.0)
model.compile()
curve = [log_likelihood(model, patterns)]
EPOCHS = {epochs}
for epoch in range(EPOCHS):
    model.fit(x, batch_size={batch}, epochs=1, shuffle=True, verbose=0)
    curve.append(log_likelihood(model, patterns))
plt.plot(curve, label="log p(v)")
plt.axhline(-np.log(30), color="gray", linestyle="--", label="-log 30")
plt.xlabel({epoch_label})
plt.legend()
plt.show()
"""


def keras_code(
    hidden: int, k: int, persistent: bool, rate: float, epochs: int, copies: int,
    batch: int, seed: int, lang: str,
) -> str:  # fmt: skip
    """Code that trains the small RBM as ``model`` and draws its exact log-likelihood."""
    t = TEXT.for_language(lang)
    return _CODE.format(
        patterns_comment=t("code_patterns"),
        exact_comment=t("code_exact"),
        epoch_label=repr(t("code_epoch")),
        model=model_source(16, batch, seed),
        hidden=int(hidden),
        k=int(k),
        persistent=bool(persistent),
        rate=repr(float(rate)),
        epochs=max(1, int(epochs)),
        copies=int(copies),
        batch=int(batch),
    )
