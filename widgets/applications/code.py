"""The "show the code" for lesson 16's applications panel: load the photo at the network's
input size, ``preprocess_input``, the application with ImageNet weights, ``predict``,
``decode_predictions``, and the feature maps of the chosen layer."""

from __future__ import annotations

from ..models.applications import SAMPLES, application
from .texts import TEXT

_CODE = """import keras
import numpy as np
{imports}
{source_comment}
path = {path}
{prepare_comment}
image = keras.utils.load_img(path, target_size=({size}, {size}), interpolation="bilinear")
x = keras.utils.img_to_array(image)[np.newaxis]  # (1, {size}, {size}, 3), 0…255
x = keras.applications.{module}.preprocess_input(x)

{predict_comment}
model = keras.applications.{name}(weights="imagenet")
predictions = model.predict(x, verbose=0)
top5 = keras.applications.{module}.decode_predictions(predictions, top=5)[0]
for _, label, probability in top5:
    print(f"{{label:25s}} {{probability:.1%}}")
{maps}"""

_MAPS = """
{comment}
maps_model = keras.Model(model.inputs, model.get_layer({layer!r}).output)
maps = maps_model.predict(x, verbose=0)[0]  # (height, width, channels)
"""


def keras_code(
    name: str, sample: str | None, upload_name: str, layer: str | None, lang: str
) -> str:
    """Code for the panel's state: ``sample`` is a key of SAMPLES, or None for the upload
    ``upload_name``; ``layer`` the feature-map layer (None: no model yet)."""
    t = TEXT.for_language(lang)
    entry = application(name)
    if sample is None:
        imports, comment, path = "", t("code_upload"), repr(upload_name or "photo.jpg")
    else:
        imports = "\nfrom widgets.models.applications import sample_path\n"
        comment = t("code_sample", package=SAMPLES[sample][0])
        path = f"sample_path({sample!r})"
    maps = _MAPS.format(comment=t("code_maps", layer=layer), layer=layer) if layer else ""
    return _CODE.format(
        imports=imports,
        source_comment=comment,
        path=path,
        prepare_comment=t("code_prepare", size=entry.size),
        size=entry.size,
        module=entry.module,
        predict_comment=t("code_predict"),
        name=entry.name,
        maps=maps,
    )
