"""The "show the code" for lesson 10's convolution by hand: the chosen 3×3 kernel in a
``Conv2D`` of one filter (no bias), ReLU and 2×2 max-pooling, on the dashboard's digit,
with the three maps drawn by matplotlib."""

from __future__ import annotations

import numpy as np

from .. import codegen
from .texts import TEXT


def keras_code(
    image_lines: list[str], kernel: np.ndarray, geometry, full_size: int, lang: str
) -> str:
    """Code that builds the pipeline as ``model`` and shows its maps for the image that
    ``image_lines`` set (a ``full_size``² digit, cropped to ``geometry.size``)."""
    t = TEXT.for_language(lang)
    g = geometry
    lines = ["import keras", "import matplotlib.pyplot as plt", "import numpy as np", ""]
    if any("load_mnist" in line for line in image_lines):
        lines += ["from widgets.data import load_mnist", ""]
    lines += image_lines
    if g.size != full_size:
        start = (full_size - g.size) // 2
        lines.append(
            f"image = image[{start}:{start + g.size}, {start}:{start + g.size}]  "
            + t("code_crop", size=g.size)
        )
    lines += ["", t("code_kernel"), f"kernel = {codegen.array(kernel, indent=0)}", ""]
    lines.append(f"inputs = keras.Input(shape=({g.size}, {g.size}, 1))")
    source = "inputs"
    if g.padding not in ("valid", "same"):
        lines.append(f"padded = keras.layers.ZeroPadding2D({g.pad_before})(inputs)")
        source = "padded"
    padding = "same" if g.padding == "same" else "valid"
    lines += [
        f'conv = keras.layers.Conv2D(1, {g.kernel}, strides={g.stride}, padding="{padding}", '
        "use_bias=False)",
        f"feature_map = conv({source})",
        "rectified = keras.layers.ReLU()(feature_map)",
    ]
    outputs = ["feature_map", "rectified"]
    if g.pooled:
        lines.append("pooled = keras.layers.MaxPooling2D(2)(rectified)")
        outputs.append("pooled")
    lines += [
        f"model = keras.Model(inputs, [{', '.join(outputs)}])",
        "conv.set_weights([kernel[:, :, None, None]])",
        "",
        t("code_maps"),
        "maps = model.predict(image[None, :, :, None], verbose=0)",
        f"figure, axes = plt.subplots(1, {len(outputs) + 1}, figsize=({3 * (len(outputs) + 1)}, 3))",
        f"titles = {[t('code_title_image')] + [t(f'code_title_{o}') for o in outputs]!r}",
        "for ax, picture, title in zip(axes, [image, *(m[0, :, :, 0] for m in maps)], titles):",
        '    ax.imshow(picture, cmap="gray")',
        "    ax.set_title(title)",
        '    ax.axis("off")',
        "plt.show()",
    ]
    return "\n".join(lines) + "\n"
