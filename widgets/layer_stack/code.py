"""The "show the code" of the sequence builder: the stack as one ``keras.Sequential``
(the layers that fit), built after the same seed, and ``model.summary()``."""

from __future__ import annotations

from ..layer_zoo.code import layer_call
from ..models import layer_zoo as zoo
from .texts import TEXT


def sequential_code(input_shape: tuple, rows: list, broken_at, lang: str) -> str:
    """Code that builds the stack as ``model`` (``rows`` from
    :func:`widgets.models.layer_zoo.trace_stack`; ``broken_at`` the name and index of
    the layer where it breaks, or None)."""
    t = TEXT.for_language(lang)
    first_int = bool(rows) and zoo.LAYERS[rows[0].name].int_input
    dtype = ', dtype="int32"' if first_int else ""
    layers = [f"        keras.Input(shape={tuple(input_shape)!r}{dtype}),"]
    layers += [f"        {layer_call(row.name, row.args)}," for row in rows]
    lines = ["import keras", "", t("code_seed"), "keras.utils.set_random_seed(0)"]
    if broken_at is not None:
        lines.append(t("code_broken", layer=broken_at[0], index=broken_at[1] + 1))
    lines += ["model = keras.Sequential(", "    [", *layers, "    ]", ")", "model.summary()"]
    return "\n".join(lines) + "\n"
