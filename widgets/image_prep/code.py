"""The "show the code" for lesson 15's image panel: the digit on screen, the augmentation
Sequential of the non-zero sliders (``model``), eight draws in one call with
``training=True`` drawn with matplotlib, and ``predict``, which does not augment."""

from __future__ import annotations

from ..models import preprocessing as prep
from .texts import TEXT

_CODE = """import keras
import matplotlib.pyplot as plt
import numpy as np
{imports}
{image}

{layers_comment}
model = keras.Sequential(
    [
        keras.Input((28, 28, 1)),
{layers}    ],
    name="augmentation",
)

{grid_comment}
batch = np.repeat(image[None, :, :, None], {n}, axis=0)
draws = np.asarray(model(batch, training=True))[..., 0]
{predict_comment}
same = model.predict(batch, verbose=0)[..., 0]
print(np.abs(same - image).max())

fig, axes = plt.subplots(2, {columns}, figsize=({width}, 3))
for ax, draw in zip(axes.flat, draws):
    ax.imshow(draw, cmap="gray_r", vmin=0, vmax=1)
    ax.axis("off")
plt.show()
"""


def layer_lines(factors: dict, seed: int) -> list[str]:
    """The augmentation layers as :func:`widgets.models.preprocessing.augmentation_layers`
    builds them (same order, same arguments, same seeds)."""
    lines = []
    for kind, args, kwargs, layer_seed in prep.layer_specs(seed, factors):
        words = [repr(a) if not isinstance(a, str) else f'"{a}"' for a in args]
        words += [f'{k}="{v}"' if isinstance(v, str) else f"{k}={v!r}" for k, v in kwargs.items()]
        lines.append(f"keras.layers.{kind}({', '.join([*words, f'seed={layer_seed}'])})")
    return lines


def keras_code(image_lines: list[str], factors: dict, seed: int, n: int, lang: str) -> str:
    """Code for the panel; the augmentation Sequential is ``model``."""
    t = TEXT.for_language(lang)
    from_data = any("load_mnist" in line for line in image_lines)
    layers = "".join(f"        {line},\n" for line in layer_lines(factors, seed))
    return _CODE.format(
        imports="from widgets.data import load_mnist\n" if from_data else "",
        image="\n".join(image_lines),
        layers_comment=t("code_layers"),
        layers=layers,
        grid_comment=t("code_grid", n=n),
        predict_comment=t("code_predict"),
        n=int(n),
        columns=-(-int(n) // 2),
        width=int(1.5 * -(-int(n) // 2)),
    )
