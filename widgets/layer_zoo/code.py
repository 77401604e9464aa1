"""The "show the code" of lesson 15: one Keras layer with the dashboard's arguments, built
on its input shape after the same seed, ``count_params()`` and the output shape printed,
then applied to the same example input (in training and inference mode where they differ).
Also the sequence builder's ``keras.Sequential`` (:func:`sequential_code`)."""

from __future__ import annotations

from ..models import layer_zoo as zoo
from .texts import TEXT


def layer_call(name: str, args: dict) -> str:
    """``keras.layers.Conv2D(filters=8, kernel_size=3, …)`` for these checked arguments."""
    kwargs = zoo.keras_kwargs(name, **args)
    if name == "Bidirectional":
        kind, inner = kwargs.pop("layer")
        inner_text = ", ".join(f"{k}={v!r}" for k, v in inner.items())
        rest = "".join(f", {k}={v!r}" for k, v in kwargs.items())
        return f"keras.layers.Bidirectional(keras.layers.{kind}({inner_text}){rest})"
    text = ", ".join(f"{k}={_literal(v)}" for k, v in kwargs.items())
    return f"keras.layers.{name}({text})"


def _literal(value) -> str:
    if isinstance(value, float):
        return repr(round(value, 6))
    if isinstance(value, str):
        return f'"{value}"'
    return repr(value)


def input_lines(name: str, shape: tuple, args: dict, image_lines: list[str], batch: int) -> list:
    """Lines that set ``x`` to :func:`widgets.models.layer_zoo.example_input`."""
    spec = zoo.LAYERS[name]
    if spec.int_input:
        high = args["input_dim"]
        return [
            "rng = np.random.default_rng(0)",
            f'x = rng.integers(0, {high}, size=({batch}, {", ".join(map(str, shape))})).astype("int32")',
        ]
    if len(shape) == 3:
        h, w, c = shape
        lines = list(image_lines)
        picture = "image"
        if (h, w) != (28, 28):  # every row and column of the digit's nearest pixel
            lines.append(f"rows, cols = np.arange({h}) * 28 // {h}, np.arange({w}) * 28 // {w}")
            lines.append("picture = image[np.ix_(rows, cols)]")
            picture = "picture"
        if c == 1:
            return [*lines, f"x = np.repeat({picture}[None, :, :, None], {batch}, axis=0)"]
        lines.append(f"scales = 1.0 - 0.5 * np.arange({c}) / {c}  # one shade a channel")
        return [
            *lines,
            f"x = np.repeat(({picture}[:, :, None] * scales)[None], {batch}, axis=0)"
            '.astype("float32")',
        ]
    if len(shape) == 2:
        t, c = shape
        return [
            f"t, c = np.arange({t})[:, None], np.arange({c})[None, :]",
            f"one = np.sin(2 * np.pi * (c + 1) * t / {max(t, 2)} + c)",
            f'x = np.repeat(one[None], {batch}, axis=0).astype("float32")',
        ]
    (n,) = shape
    if batch == 1:
        return [f'x = np.linspace(-1.0, 1.0, {n})[None].astype("float32")']
    return [
        "rng = np.random.default_rng(0)",
        f"noise = rng.normal(0.0, 0.5, size=({batch}, {n}))",
        f'x = (np.linspace(-1.0, 1.0, {n})[None] + noise).astype("float32")',
    ]


def keras_code(name: str, shape: tuple, args: dict, image_lines: list[str], lang: str) -> str:
    """The layer zoo's code (see the module docstring); the model is ``model``."""
    t = TEXT.for_language(lang)
    training = name in zoo.TRAINING_DEPENDENT
    batch = 8 if training else 1
    lines = ["import keras", "import numpy as np", ""]
    if len(shape) == 3 and any("load_mnist" in line for line in image_lines):
        lines += ["from widgets.data import load_mnist", ""]
    dtype = ', dtype="int32"' if zoo.LAYERS[name].int_input else ""
    lines += [
        t("code_title", layer=name, shape=str(tuple(shape))),
        t("code_seed"),
        "keras.utils.set_random_seed(0)",
        f"layer = {layer_call(name, args)}",
        f"inputs = keras.Input(shape={tuple(shape)!r}{dtype})",
        "model = keras.Model(inputs, layer(inputs))",
        'print("count_params():", layer.count_params())',
        'print("output shape:", model.output_shape)',
        "",
        t("code_input") if not training else t("code_batch", batch=batch),
        *input_lines(name, shape, args, image_lines, batch),
    ]
    if name == "BatchNormalization":
        lines += [
            t("code_bn_steps", steps=zoo.BN_STEPS),
            f"for step in range({zoo.BN_STEPS}):",
            "    trained = np.asarray(layer(x, training=True))",
            "inferred = np.asarray(layer(x, training=False))",
            'print("training=False:", inferred[0].ravel()[:6])',
            'print("training=True: ", trained[0].ravel()[:6])',
        ]
    elif training:
        lines += [
            "trained = np.asarray(layer(x, training=True))",
            "inferred = np.asarray(layer(x, training=False))",
            'print("training=False:", inferred[0].ravel()[:6])',
            'print("training=True: ", trained[0].ravel()[:6])',
        ]
    else:
        lines += ["y = np.asarray(model(x))", 'print("y.shape:", y.shape)']
    return "\n".join(lines) + "\n"
