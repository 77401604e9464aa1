"""Lesson 15's layer zoo: the cheat sheet's Keras layers as a catalogue.

Each :class:`LayerSpec` holds the layer's arguments (:class:`Arg`: name, kind, range,
default), a default input shape (without the batch axis), the parameter count as a
function and as a filled-in formula ("3·3·16 + 16·32 + 32 = 688"), and the output shape as
a function and a formula. The formulas are the course's own; tests/test_layer_zoo.py checks
them against Keras' ``count_params()`` and output shapes over many random arguments.

:func:`check` turns an impossible combination (a kernel larger than the input, a Reshape
to a wrong size, a Permute that is not a permutation…) into a
:class:`~widgets.errors.StudentError` naming the argument; :func:`build_layer`,
:func:`build` (a layer called on a symbolic input) and :func:`output_shape` ask Keras
itself; :func:`apply` runs a layer on an array, in training or inference mode.

Layers the cheat sheet lists that Keras 3 removed (``LocallyConnected2D``, ``CuDNNLSTM``…)
are :data:`REMOVED` entries naming today's replacement.

Keras is imported inside the functions: importing this module is cheap (no TensorFlow).
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np

from ..errors import StudentError
from ..i18n import number

SEED = 0  # every layer's weights are drawn after keras.utils.set_random_seed(SEED)


@dataclass(frozen=True)
class Arg:
    """One argument of a layer: ``kind`` is "int", "float", "choice", "bool" or "ints" (a
    tuple of whole numbers typed as "7, 7, 16"); ``low``/``high`` bound numbers,
    ``choices`` a menu."""

    name: str
    kind: str
    default: object
    low: float | None = None
    high: float | None = None
    choices: tuple = ()


@dataclass(frozen=True)
class LayerSpec:
    """A layer of the zoo (see the module docstring). ``ranks``: the input ranks (without
    the batch axis) the layer takes; ``params(shape, args)`` and ``out(shape, args)``
    are the formulas, ``params_text``/``out_text`` write them filled in (``lang`` for
    the numbers); ``keras_args(args)`` the keyword arguments of the Keras class."""

    name: str
    family: str
    args: tuple[Arg, ...]
    input_shape: tuple[int, ...]
    ranks: tuple[int, ...]
    params: Callable[[tuple, dict], int]
    params_text: Callable[[tuple, dict, str], str]
    out: Callable[[tuple, dict], tuple]
    out_text: Callable[[tuple, dict, str], str]
    keras_args: Callable[[dict], dict] = field(default=lambda a: dict(a))
    int_input: bool = False  # Embedding: the input holds token ids

    def defaults(self) -> dict:
        return {arg.name: arg.default for arg in self.args}

    def arg(self, name: str) -> Arg:
        return next(a for a in self.args if a.name == name)


@dataclass(frozen=True)
class RemovedLayer:
    """A layer of the cheat sheet that Keras 3 no longer has, and what to use instead."""

    name: str
    replacement: str  # Keras 3 code
    note_key: str  # the sentence in widgets/layer_zoo/texts.py saying why


# ----------------------------------------------------------------------- small helpers


class LayerError(StudentError):
    """A StudentError of the catalogue: its sentences are in widgets/layer_zoo/texts.py,
    registered on first use (this module imports no ipywidgets)."""

    def __init__(self, key: str, /, **fields):
        from ..layer_zoo import texts  # noqa: F401 - registers the sentences' table

        super().__init__(key, **fields)


def _n(value: int, lang: str) -> str:
    return number(int(value), lang)


def _product(*factors: int) -> int:
    return int(math.prod(int(f) for f in factors))


def _times(lang: str, *factors: int) -> str:
    return "·".join(_n(f, lang) for f in factors)


def _sum_text(terms: list[str], total: int, lang: str) -> str:
    terms = [t for t in terms if t]
    if not terms:
        return "0"
    if len(terms) == 1 and terms[0] == _n(total, lang):
        return terms[0]
    return " + ".join(terms) + f" = {_n(total, lang)}"


def _no_params(shape, a, lang="en") -> str:
    return "0"


def _zero(shape, a) -> int:
    return 0


def _shape_text(shape: tuple) -> str:
    return "(" + ", ".join(str(int(s)) for s in shape) + ("," if len(shape) == 1 else "") + ")"


def _same_shape(shape, a) -> tuple:
    return tuple(shape)


def _same_shape_text(shape, a, lang="en") -> str:
    return _shape_text(shape)


# ------------------------------------------------------------------ lengths (one axis)


def conv_length(n: int, k: int, s: int, d: int, padding: str, arg: str = "kernel_size") -> int:
    """The output length of a convolution (or pooling, d=1) along one axis; a window
    larger than the input under 'valid' padding raises a StudentError naming ``arg``."""
    span = d * (k - 1) + 1
    if padding == "same":
        return -(-n // s)
    if span > n:
        raise LayerError("layer_zoo.too_big", arg=arg, span=span, n=n)
    return (n - span) // s + 1


def conv_length_text(n: int, k: int, s: int, d: int, padding: str, lang: str) -> str:
    out = conv_length(n, k, s, d, padding)
    if padding == "same":
        return f"⌈{n}/{s}⌉ = {out}" if s > 1 else f"{n}"
    span = f"{d}·({k}−1)+1" if d > 1 else f"{k}"
    if s == 1:
        return f"{n} − {span} + 1 = {out}"
    return f"⌊({n} − {span})/{s}⌋ + 1 = {out}"


def transposed_length(n: int, k: int, s: int, padding: str) -> int:
    """Keras' Conv2DTranspose output length (no dilation, no output_padding)."""
    if padding == "same":
        return n * s
    return n * s + max(k - s, 0)


def transposed_length_text(n: int, k: int, s: int, padding: str) -> str:
    out = transposed_length(n, k, s, padding)
    if padding == "same":
        return f"{n}·{s} = {out}"
    return f"{n}·{s} + max({k} − {s}, 0) = {out}"


# ----------------------------------------------------------------------- the families

PADDINGS = ("valid", "same")
#: Changes neither the shape nor the parameter count; the sequence builder's presets need it.
ACTIVATION = Arg(
    "activation", "choice", "linear", choices=("linear", "relu", "sigmoid", "tanh", "softmax")
)


def _conv_args(filters: int | None, kernel: int, depth: bool = False) -> tuple[Arg, ...]:
    args = []
    if filters is not None:
        args.append(Arg("filters", "int", filters, 1, 64))
    args += [
        Arg("kernel_size", "int", kernel, 1, 9),
        Arg("strides", "int", 1, 1, 4),
        Arg("padding", "choice", "valid", choices=PADDINGS),
    ]
    if depth:
        args.append(Arg("depth_multiplier", "int", 1, 1, 4))
    args += [Arg("dilation_rate", "int", 1, 1, 4), Arg("use_bias", "bool", True), ACTIVATION]
    return tuple(args)


def _check_stride_dilation(a: dict) -> None:
    if a.get("strides", 1) > 1 and a.get("dilation_rate", 1) > 1:
        raise LayerError(
            "layer_zoo.stride_and_dilation", strides=a["strides"], dilation=a["dilation_rate"]
        )


def _conv_out(shape, a, axes: int) -> tuple:
    _check_stride_dilation(a)
    k, s, d, p = a["kernel_size"], a["strides"], a.get("dilation_rate", 1), a["padding"]
    sides = tuple(conv_length(n, k, s, d, p) for n in shape[:axes])
    channels = a["filters"] if "filters" in a else shape[-1] * a["depth_multiplier"]
    return (*sides, channels)


def _conv_out_text(shape, a, axes: int, lang: str) -> str:
    k, s, d, p = a["kernel_size"], a["strides"], a.get("dilation_rate", 1), a["padding"]
    sides = [conv_length_text(n, k, s, d, p, lang) for n in shape[:axes]]
    if axes == 2 and shape[0] == shape[1]:
        sides = [sides[0]]
    out = _conv_out(shape, a, axes)
    channels = "filters" if "filters" in a else "depth_multiplier"
    return "; ".join(sides) + f" → {_shape_text(out)} ({channels})"


def _conv_params(shape, a, axes: int) -> int:
    k, c = a["kernel_size"], shape[-1]
    return _product(*(k,) * axes, c, a["filters"]) + (a["filters"] if a["use_bias"] else 0)


def _conv_params_text(shape, a, axes: int, lang: str) -> str:
    k, c, f = a["kernel_size"], shape[-1], a["filters"]
    terms = [_times(lang, *(k,) * axes, c, f), _n(f, lang) if a["use_bias"] else ""]
    return _sum_text(terms, _conv_params(shape, a, axes), lang)


def _transposed_out(shape, a) -> tuple:
    k, s, p = a["kernel_size"], a["strides"], a["padding"]
    return (*(transposed_length(n, k, s, p) for n in shape[:2]), a["filters"])


def _transposed_out_text(shape, a, lang) -> str:
    k, s, p = a["kernel_size"], a["strides"], a["padding"]
    sides = [transposed_length_text(n, k, s, p) for n in shape[:2]]
    if shape[0] == shape[1]:
        sides = [sides[0]]
    return "; ".join(sides) + f" → {_shape_text(_transposed_out(shape, a))} (filters)"


def _separable_params(shape, a) -> int:
    k, c, m, f = a["kernel_size"], shape[-1], a["depth_multiplier"], a["filters"]
    return k * k * c * m + c * m * f + (f if a["use_bias"] else 0)


def _separable_params_text(shape, a, lang) -> str:
    k, c, m, f = a["kernel_size"], shape[-1], a["depth_multiplier"], a["filters"]
    depthwise = _times(lang, k, k, c, *([m] if m > 1 else []))
    pointwise = _times(lang, c, *([m] if m > 1 else []), f)
    terms = [depthwise, pointwise, _n(f, lang) if a["use_bias"] else ""]
    return _sum_text(terms, _separable_params(shape, a), lang)


def _depthwise_params(shape, a) -> int:
    k, c, m = a["kernel_size"], shape[-1], a["depth_multiplier"]
    return k * k * c * m + (c * m if a["use_bias"] else 0)


def _depthwise_params_text(shape, a, lang) -> str:
    k, c, m = a["kernel_size"], shape[-1], a["depth_multiplier"]
    extra = [m] if m > 1 else []
    terms = [_times(lang, k, k, c, *extra), _times(lang, c, *extra) if a["use_bias"] else ""]
    return _sum_text(terms, _depthwise_params(shape, a), lang)


def _pool_args(size: int) -> tuple[Arg, ...]:
    return (
        Arg("pool_size", "int", size, 1, 8),
        Arg("strides", "int", size, 1, 8),
        Arg("padding", "choice", "valid", choices=PADDINGS),
    )


def _pool_out(shape, a, axes: int) -> tuple:
    p, s, pad = a["pool_size"], a["strides"], a["padding"]
    sides = tuple(conv_length(n, p, s, 1, pad, arg="pool_size") for n in shape[:axes])
    return (*sides, shape[-1])


def _pool_out_text(shape, a, axes: int, lang: str) -> str:
    p, s, pad = a["pool_size"], a["strides"], a["padding"]
    sides = [conv_length_text(n, p, s, 1, pad, lang) for n in shape[:axes]]
    if axes == 2 and shape[0] == shape[1]:
        sides = [sides[0]]
    return "; ".join(sides) + f" → {_shape_text(_pool_out(shape, a, axes))}"


def _global_out(shape, a) -> tuple:
    return (shape[-1],)


def _global_out_text(shape, a, lang) -> str:
    return f"{_shape_text(shape)} → {_shape_text(_global_out(shape, a))}"


def _upsampling_out(shape, a, axes: int) -> tuple:
    return (*(n * a["size"] for n in shape[:axes]), shape[-1])


def _upsampling_out_text(shape, a, axes: int, lang: str) -> str:
    return f"{shape[0]}·{a['size']} = {shape[0] * a['size']} → " + _shape_text(
        _upsampling_out(shape, a, axes)
    )


def _padding_out(shape, a, axes: int) -> tuple:
    return (*(n + 2 * a["padding"] for n in shape[:axes]), shape[-1])


def _padding_out_text(shape, a, axes: int, lang: str) -> str:
    p = a["padding"]
    return f"{shape[0]} + 2·{p} = {shape[0] + 2 * p} → {_shape_text(_padding_out(shape, a, axes))}"


def _cropping_out(shape, a, axes: int) -> tuple:
    c = a["cropping"]
    for n in shape[:axes]:
        if n - 2 * c < 1:
            raise LayerError("layer_zoo.crop_too_much", arg="cropping", cropping=c, n=n)
    return (*(n - 2 * c for n in shape[:axes]), shape[-1])


def _cropping_out_text(shape, a, axes: int, lang: str) -> str:
    c = a["cropping"]
    out = _cropping_out(shape, a, axes)
    return f"{shape[0]} − 2·{c} = {shape[0] - 2 * c} → {_shape_text(out)}"


def _dense_out(shape, a) -> tuple:
    return (*shape[:-1], a["units"])


def _dense_out_text(shape, a, lang) -> str:
    return f"{_shape_text(shape)} → {_shape_text(_dense_out(shape, a))}"


def _dense_params(shape, a) -> int:
    return shape[-1] * a["units"] + (a["units"] if a["use_bias"] else 0)


def _dense_params_text(shape, a, lang) -> str:
    terms = [_times(lang, shape[-1], a["units"]), _n(a["units"], lang) if a["use_bias"] else ""]
    return _sum_text(terms, _dense_params(shape, a), lang)


def _bn_params(shape, a) -> int:
    return shape[-1] * (2 + a["center"] + a["scale"])


def _bn_params_text(shape, a, lang) -> str:
    count = 2 + a["center"] + a["scale"]
    return f"{count}·{_n(shape[-1], lang)} = {_n(_bn_params(shape, a), lang)}"


def _ln_params(shape, a) -> int:
    return shape[-1] * (a["center"] + a["scale"])


def _ln_params_text(shape, a, lang) -> str:
    count = a["center"] + a["scale"]
    if not count:
        return "0"
    return f"{count}·{_n(shape[-1], lang)} = {_n(_ln_params(shape, a), lang)}"


def _flatten_out(shape, a) -> tuple:
    return (_product(*shape),)


def _flatten_out_text(shape, a, lang) -> str:
    return f"{'·'.join(map(str, shape))} = {_n(_product(*shape), lang)}"


def parse_ints(text, arg: str) -> tuple[int, ...]:
    """ "7, 7, 16" (or a tuple) as a tuple of whole numbers; else a StudentError."""
    if isinstance(text, tuple | list):
        parts = list(text)
    else:
        parts = [p for p in str(text).replace("(", "").replace(")", "").split(",") if p.strip()]
    try:
        values = tuple(int(str(p).strip()) for p in parts)
    except ValueError:
        raise LayerError("layer_zoo.bad_ints", arg=arg, value=str(text)) from None
    if not values:
        raise LayerError("layer_zoo.bad_ints", arg=arg, value=str(text))
    return values


def _reshape_target(shape, a) -> tuple:
    target = parse_ints(a["target_shape"], "target_shape")
    size = _product(*shape)
    unknown = [i for i, v in enumerate(target) if v == -1]
    if len(unknown) > 1 or any(v == 0 or v < -1 for v in target):
        raise LayerError(
            "layer_zoo.bad_reshape", arg="target_shape", target=_shape_text(target), size=size
        )
    known = _product(*(v for v in target if v != -1))
    if unknown:
        if size % known:
            raise LayerError(
                "layer_zoo.bad_reshape", arg="target_shape", target=_shape_text(target), size=size
            )
        target = tuple(size // known if v == -1 else v for v in target)
    if _product(*target) != size:
        raise LayerError(
            "layer_zoo.bad_reshape", arg="target_shape", target=_shape_text(target), size=size
        )
    return target


def _reshape_out_text(shape, a, lang) -> str:
    out = _reshape_target(shape, a)
    return f"{'·'.join(map(str, shape))} = {'·'.join(map(str, out))} = {_n(_product(*shape), lang)}"


def _permute_dims(shape, a) -> tuple:
    dims = parse_ints(a["dims"], "dims")
    if sorted(dims) != list(range(1, len(shape) + 1)):
        raise LayerError(
            "layer_zoo.bad_permute", arg="dims", dims=_shape_text(dims), rank=len(shape)
        )
    return dims


def _permute_out(shape, a) -> tuple:
    return tuple(shape[d - 1] for d in _permute_dims(shape, a))


def _permute_out_text(shape, a, lang) -> str:
    return f"{_shape_text(shape)} → {_shape_text(_permute_out(shape, a))}"


def _repeat_out(shape, a) -> tuple:
    return (a["n"], shape[0])


def _repeat_out_text(shape, a, lang) -> str:
    return f"{_shape_text(shape)} → {_shape_text(_repeat_out(shape, a))}"


def _embedding_out(shape, a) -> tuple:
    return (*shape, a["output_dim"])


def _embedding_out_text(shape, a, lang) -> str:
    return f"{_shape_text(shape)} → {_shape_text(_embedding_out(shape, a))}"


def _embedding_params(shape, a) -> int:
    return a["input_dim"] * a["output_dim"]


def _embedding_params_text(shape, a, lang) -> str:
    return (
        f"{_times(lang, a['input_dim'], a['output_dim'])} = {_n(_embedding_params(shape, a), lang)}"
    )


RNN_GATES = {"SimpleRNN": 1, "GRU": 3, "LSTM": 4}


def _rnn_params_of(kind: str, inputs: int, u: int) -> int:
    biases = 2 if kind == "GRU" else 1  # GRU's reset_after=True (Keras' default): two biases
    return RNN_GATES[kind] * (inputs * u + u * u + biases * u)


def _rnn_params_text_of(kind: str, inputs: int, u: int, lang: str) -> str:
    gates = RNN_GATES[kind]
    bias = f"2·{u}" if kind == "GRU" else f"{u}"
    inner = f"{_times(lang, inputs, u)} + {_times(lang, u, u)} + {bias}"
    total = _n(_rnn_params_of(kind, inputs, u), lang)
    return f"{gates}·({inner}) = {total}" if gates > 1 else f"{inner} = {total}"


def _rnn_out(shape, a) -> tuple:
    return (shape[0], a["units"]) if a["return_sequences"] else (a["units"],)


def _rnn_out_text(shape, a, lang) -> str:
    return f"{_shape_text(shape)} → {_shape_text(_rnn_out(shape, a))}"


def _rnn_spec(kind: str) -> LayerSpec:
    return LayerSpec(
        kind,
        "recurrent",
        (Arg("units", "int", 8, 1, 64), Arg("return_sequences", "bool", False)),
        (20, 3),
        (2,),
        lambda shape, a: _rnn_params_of(kind, shape[-1], a["units"]),
        lambda shape, a, lang: _rnn_params_text_of(kind, shape[-1], a["units"], lang),
        _rnn_out,
        _rnn_out_text,
    )


def _bidirectional_units(a) -> int:
    return a["units"] * (2 if a["merge_mode"] == "concat" else 1)


def _bidirectional_out(shape, a) -> tuple:
    u = _bidirectional_units(a)
    return (shape[0], u) if a["return_sequences"] else (u,)


def _bidirectional_out_text(shape, a, lang) -> str:
    merged = f"2·{a['units']}" if a["merge_mode"] == "concat" else f"{a['units']}"
    return f"{_shape_text(shape)} → {_shape_text(_bidirectional_out(shape, a))} ({merged})"


def _bidirectional_params_text(shape, a, lang) -> str:
    kind, u, inputs = a["layer"], a["units"], shape[-1]
    bias = f"2·{u}" if kind == "GRU" else f"{u}"
    inner = f"({_times(lang, inputs, u)} + {_times(lang, u, u)} + {bias})"
    gates = RNN_GATES[kind]
    factor = f"2·{gates}·" if gates > 1 else "2·"
    return f"{factor}{inner} = {_n(2 * _rnn_params_of(kind, inputs, u), lang)}"


def _bidirectional_keras(a: dict) -> dict:
    return {
        "layer": (a["layer"], {"units": a["units"], "return_sequences": a["return_sequences"]}),
        "merge_mode": a["merge_mode"],
    }


def _without(*names: str) -> Callable[[dict], dict]:
    return lambda a: {k: v for k, v in a.items() if k not in names}


def _conv_keras(a: dict) -> dict:
    return dict(a)


def _spec_conv(name: str, axes: int, shape: tuple) -> LayerSpec:
    return LayerSpec(
        name,
        "conv",
        _conv_args(8, 3),
        shape,
        (axes + 1,),
        lambda s, a: _conv_params(s, a, axes),
        lambda s, a, lang: _conv_params_text(s, a, axes, lang),
        lambda s, a: _conv_out(s, a, axes),
        lambda s, a, lang: _conv_out_text(s, a, axes, lang),
    )


def _spec_pool(name: str, axes: int, shape: tuple) -> LayerSpec:
    return LayerSpec(
        name,
        "pooling",
        _pool_args(2),
        shape,
        (axes + 1,),
        _zero,
        _no_params,
        lambda s, a: _pool_out(s, a, axes),
        lambda s, a, lang: _pool_out_text(s, a, axes, lang),
    )


def _spec_global(name: str, axes: int, shape: tuple) -> LayerSpec:
    return LayerSpec(
        name, "pooling", (), shape, (axes + 1,), _zero, _no_params, _global_out, _global_out_text
    )


def _spec_resize(name: str, family_fn: str, axes: int, arg: Arg, shape: tuple) -> LayerSpec:
    out, text = {
        "up": (_upsampling_out, _upsampling_out_text),
        "pad": (_padding_out, _padding_out_text),
        "crop": (_cropping_out, _cropping_out_text),
    }[family_fn]
    return LayerSpec(
        name,
        "reshaping",
        (arg,),
        shape,
        (axes + 1,),
        _zero,
        _no_params,
        lambda s, a: out(s, a, axes),
        lambda s, a, lang: text(s, a, axes, lang),
    )


def _spec_noise(name: str, arg: Arg, shape: tuple, ranks: tuple) -> LayerSpec:
    return LayerSpec(
        name, "dropout", (arg,), shape, ranks, _zero, _no_params, _same_shape, _same_shape_text
    )


DIGIT = (28, 28, 1)
SEQUENCE = (20, 3)

LAYERS: dict[str, LayerSpec] = {
    spec.name: spec
    for spec in [
        # Core
        LayerSpec(
            "Dense",
            "core",
            (Arg("units", "int", 10, 1, 256), Arg("use_bias", "bool", True), ACTIVATION),
            (16,),
            (1, 2, 3),
            _dense_params,
            _dense_params_text,
            _dense_out,
            _dense_out_text,
        ),
        # Convolutions
        _spec_conv("Conv1D", 1, SEQUENCE),
        _spec_conv("Conv2D", 2, DIGIT),
        LayerSpec(
            "Conv2DTranspose",
            "conv",
            tuple(
                Arg("strides", "int", 2, 1, 4) if a.name == "strides" else a
                for a in _conv_args(4, 3)
                if a.name != "dilation_rate"
            ),
            (7, 7, 1),
            (3,),
            lambda s, a: _conv_params(s, a, 2),
            lambda s, a, lang: _conv_params_text(s, a, 2, lang),
            _transposed_out,
            _transposed_out_text,
        ),
        LayerSpec(
            "SeparableConv2D",
            "conv",
            (Arg("filters", "int", 32, 1, 64), *_conv_args(None, 3, depth=True)),
            (28, 28, 16),
            (3,),
            _separable_params,
            _separable_params_text,
            lambda s, a: _conv_out(s, a, 2),
            lambda s, a, lang: _conv_out_text(s, a, 2, lang),
        ),
        LayerSpec(
            "DepthwiseConv2D",
            "conv",
            _conv_args(None, 3, depth=True),
            DIGIT,
            (3,),
            _depthwise_params,
            _depthwise_params_text,
            lambda s, a: _conv_out(s, a, 2),
            lambda s, a, lang: _conv_out_text(s, a, 2, lang),
        ),
        # Pooling
        _spec_pool("MaxPooling1D", 1, SEQUENCE),
        _spec_pool("MaxPooling2D", 2, DIGIT),
        _spec_pool("AveragePooling1D", 1, SEQUENCE),
        _spec_pool("AveragePooling2D", 2, DIGIT),
        _spec_global("GlobalMaxPooling1D", 1, SEQUENCE),
        _spec_global("GlobalMaxPooling2D", 2, DIGIT),
        _spec_global("GlobalAveragePooling1D", 1, SEQUENCE),
        _spec_global("GlobalAveragePooling2D", 2, DIGIT),
        # Upsampling, padding, cropping
        _spec_resize("UpSampling1D", "up", 1, Arg("size", "int", 2, 1, 4), SEQUENCE),
        _spec_resize("UpSampling2D", "up", 2, Arg("size", "int", 2, 1, 4), (14, 14, 1)),
        _spec_resize("ZeroPadding1D", "pad", 1, Arg("padding", "int", 2, 0, 8), SEQUENCE),
        _spec_resize("ZeroPadding2D", "pad", 2, Arg("padding", "int", 2, 0, 8), DIGIT),
        _spec_resize("Cropping1D", "crop", 1, Arg("cropping", "int", 2, 0, 8), SEQUENCE),
        _spec_resize("Cropping2D", "crop", 2, Arg("cropping", "int", 4, 0, 13), DIGIT),
        # Dropout and noise
        _spec_noise("Dropout", Arg("rate", "float", 0.5, 0.0, 0.95), DIGIT, (1, 2, 3)),
        _spec_noise("SpatialDropout1D", Arg("rate", "float", 0.5, 0.0, 0.95), SEQUENCE, (2,)),
        _spec_noise("SpatialDropout2D", Arg("rate", "float", 0.5, 0.0, 0.95), (28, 28, 4), (3,)),
        _spec_noise("GaussianNoise", Arg("stddev", "float", 0.3, 0.0, 1.0), DIGIT, (1, 2, 3)),
        # Normalisation
        LayerSpec(
            "BatchNormalization",
            "normalization",
            (
                Arg("momentum", "float", 0.99, 0.0, 0.999),
                Arg("center", "bool", True),
                Arg("scale", "bool", True),
            ),
            (16,),
            (1, 2, 3),
            _bn_params,
            _bn_params_text,
            _same_shape,
            _same_shape_text,
        ),
        LayerSpec(
            "LayerNormalization",
            "normalization",
            (Arg("center", "bool", True), Arg("scale", "bool", True)),
            (16,),
            (1, 2, 3),
            _ln_params,
            _ln_params_text,
            _same_shape,
            _same_shape_text,
        ),
        # Shapes
        LayerSpec(
            "Flatten",
            "shape",
            (),
            DIGIT,
            (1, 2, 3),
            _zero,
            _no_params,
            _flatten_out,
            _flatten_out_text,
        ),
        LayerSpec(
            "Reshape",
            "shape",
            (Arg("target_shape", "ints", "14, 56, 1"),),
            DIGIT,
            (1, 2, 3),
            _zero,
            _no_params,
            _reshape_target,
            _reshape_out_text,
            keras_args=lambda a: {"target_shape": parse_ints(a["target_shape"], "target_shape")},
        ),
        LayerSpec(
            "Permute",
            "shape",
            (Arg("dims", "ints", "2, 1, 3"),),
            DIGIT,
            (2, 3),
            _zero,
            _no_params,
            _permute_out,
            _permute_out_text,
            keras_args=lambda a: {"dims": parse_ints(a["dims"], "dims")},
        ),
        LayerSpec(
            "RepeatVector",
            "shape",
            (Arg("n", "int", 4, 1, 32),),
            (16,),
            (1,),
            _zero,
            _no_params,
            _repeat_out,
            _repeat_out_text,
        ),
        # Embedding
        LayerSpec(
            "Embedding",
            "embedding",
            (Arg("input_dim", "int", 50, 2, 10000), Arg("output_dim", "int", 4, 1, 64)),
            (12,),
            (1, 2),
            _embedding_params,
            _embedding_params_text,
            _embedding_out,
            _embedding_out_text,
            int_input=True,
        ),
        # Recurrent
        _rnn_spec("SimpleRNN"),
        _rnn_spec("GRU"),
        _rnn_spec("LSTM"),
        LayerSpec(
            "Bidirectional",
            "recurrent",
            (
                Arg("layer", "choice", "LSTM", choices=("LSTM", "GRU", "SimpleRNN")),
                Arg("units", "int", 8, 1, 64),
                Arg("merge_mode", "choice", "concat", choices=("concat", "sum", "ave", "mul")),
                Arg("return_sequences", "bool", False),
            ),
            SEQUENCE,
            (2,),
            lambda s, a: 2 * _rnn_params_of(a["layer"], s[-1], a["units"]),
            _bidirectional_params_text,
            _bidirectional_out,
            _bidirectional_out_text,
            keras_args=_bidirectional_keras,
        ),
    ]
}

FAMILIES: dict[str, list[str]] = {}
for _spec in LAYERS.values():
    FAMILIES.setdefault(_spec.family, []).append(_spec.name)

REMOVED: dict[str, RemovedLayer] = {
    r.name: r
    for r in [
        RemovedLayer(
            "LocallyConnected1D", "keras.layers.Conv1D(filters, kernel_size)", "removed_local"
        ),
        RemovedLayer(
            "LocallyConnected2D", "keras.layers.Conv2D(filters, kernel_size)", "removed_local"
        ),
        RemovedLayer("CuDNNLSTM", "keras.layers.LSTM(units)", "removed_cudnn"),
        RemovedLayer("CuDNNGRU", "keras.layers.GRU(units)", "removed_cudnn"),
        RemovedLayer("ThresholdedReLU", "keras.layers.ReLU(threshold=theta)", "removed_threshold"),
    ]
}
FAMILIES["removed"] = list(REMOVED)


# ------------------------------------------------------------------------- public API


def spec(name: str) -> LayerSpec:
    """The catalogue entry ``name``; a removed layer or an unknown name is a StudentError."""
    if name in REMOVED:
        raise LayerError("layer_zoo.removed", layer=name, replacement=REMOVED[name].replacement)
    if name not in LAYERS:
        raise LayerError("layer_zoo.unknown_layer", layer=name, names=", ".join(LAYERS))
    return LAYERS[name]


def checked_args(name: str, **args) -> dict:
    """The layer's arguments (defaults for those not given), each checked against its
    kind and range; an unknown name or a bad value is a StudentError naming the argument."""
    entry = spec(name)
    values = entry.defaults()
    known = {a.name for a in entry.args}
    for key, value in args.items():
        if key not in known:
            raise LayerError(
                "layer_zoo.unknown_arg", layer=name, arg=key, names=", ".join(known) or "–"
            )
        values[key] = _checked_value(entry.arg(key), value)
    return values


def _checked_value(arg: Arg, value):
    if arg.kind == "bool":
        if isinstance(value, bool | np.bool_) or value in (0, 1):
            return bool(value)
        raise LayerError(
            "layer_zoo.bad_choice", arg=arg.name, value=str(value), choices="True, False"
        )
    if arg.kind == "choice":
        if value not in arg.choices:
            choices = ", ".join(arg.choices)
            raise LayerError(
                "layer_zoo.bad_choice", arg=arg.name, value=str(value), choices=choices
            )
        return value
    if arg.kind == "ints":
        parse_ints(value, arg.name)
        return value if isinstance(value, str) else ", ".join(str(int(v)) for v in value)
    try:
        number_value = float(value)
    except (TypeError, ValueError):
        number_value = math.nan
    whole = arg.kind == "int"
    ok = math.isfinite(number_value) and arg.low <= number_value <= arg.high
    if whole:
        ok = ok and number_value == int(number_value)
    if not ok:
        bounds = {"arg": arg.name, "value": str(value), "low": arg.low, "high": arg.high}
        if whole:
            raise LayerError("layer_zoo.bad_int", **bounds)
        raise LayerError("layer_zoo.bad_float", **bounds)
    return int(number_value) if whole else number_value


def checked_shape(name: str, input_shape) -> tuple[int, ...]:
    """``input_shape`` (without the batch axis) as a tuple the layer takes."""
    entry = spec(name)
    shape = parse_ints(input_shape, "input_shape")
    if any(s < 1 for s in shape) or _product(*shape) > 200_000:
        raise LayerError("layer_zoo.bad_shape", value=_shape_text(shape))
    if len(shape) not in entry.ranks:
        ranks = ", ".join(str(r) for r in entry.ranks)
        raise LayerError("layer_zoo.wrong_rank", layer=name, shape=_shape_text(shape), ranks=ranks)
    return shape


def check(name: str, input_shape, **args) -> tuple[tuple[int, ...], dict]:
    """The checked input shape and arguments; an impossible combination raises a
    StudentError naming the argument. Also computes the output shape (our formula)."""
    values = checked_args(name, **args)
    shape = checked_shape(name, input_shape)
    LAYERS[name].out(shape, values)
    return shape, values


def formula_output_shape(name: str, input_shape, **args) -> tuple[int, ...]:
    shape, values = check(name, input_shape, **args)
    return tuple(LAYERS[name].out(shape, values))


def formula_params(name: str, input_shape, **args) -> int:
    shape, values = check(name, input_shape, **args)
    return int(LAYERS[name].params(shape, values))


def params_text(name: str, input_shape, lang: str = "en", **args) -> str:
    """The parameter count's formula filled in: "3·3·16 + 16·32 + 32 = 688"."""
    shape, values = check(name, input_shape, **args)
    return LAYERS[name].params_text(shape, values, lang)


def operation_text(name: str, args: dict) -> str:
    """What a layer with an ``activation`` computes, with its arguments: "relu(x·W + b)"
    for Dense, "tanh(W ∗ x)" for a convolution without a bias ("" for other layers).
    The activation menu and ``use_bias`` change neither the shape nor (the menu) the
    parameter count; this line shows them at once."""
    if "activation" not in args:
        return ""
    core = "x·W" if name == "Dense" else "W ∗ x"
    if args.get("use_bias", True):
        core += " + b"
    activation = args["activation"]
    return core if activation == "linear" else f"{activation}({core})"


def output_text(name: str, input_shape, lang: str = "en", **args) -> str:
    shape, values = check(name, input_shape, **args)
    return LAYERS[name].out_text(shape, values, lang)


def keras_kwargs(name: str, **args) -> dict:
    """The keyword arguments of ``keras.layers.<name>`` for these (checked) arguments."""
    return LAYERS[name].keras_args(checked_args(name, **args))


def build_layer(name: str, **args):
    """``keras.layers.<name>(**args)`` (not built yet: no input shape)."""
    import keras

    kwargs = keras_kwargs(name, **args)
    if name == "Bidirectional":
        kind, inner = kwargs.pop("layer")
        return keras.layers.Bidirectional(getattr(keras.layers, kind)(**inner), **kwargs)
    return getattr(keras.layers, name)(**kwargs)


def build(name: str, input_shape, seed: int | None = SEED, **args):
    """The layer, built by a call on a symbolic input of ``input_shape`` (weights drawn
    after ``keras.utils.set_random_seed(seed)``), and Keras' output shape (no batch axis).
    An impossible combination is a StudentError; anything Keras refuses too."""
    layer, model = build_model(name, input_shape, seed, **args)
    return layer, tuple(int(s) for s in model.output_shape[1:])


def build_model(name: str, input_shape, seed: int | None = SEED, **args):
    """The layer (as :func:`build`) and a ``keras.Model`` wrapping it, from one symbolic
    call."""
    import keras

    shape, values = check(name, input_shape, **args)
    if seed is not None:
        keras.utils.set_random_seed(seed)
    layer = build_layer(name, **values)
    dtype = "int32" if LAYERS[name].int_input else "float32"
    inputs = keras.Input(shape=shape, dtype=dtype)
    try:
        return layer, keras.Model(inputs, layer(inputs))
    except Exception as error:  # noqa: BLE001 - Keras' own refusal, told in the page's words
        raise LayerError("layer_zoo.keras_refused", layer=name, detail=str(error)) from error


def output_shape(name: str, input_shape, **args) -> tuple[int, ...]:
    """Keras' output shape (without the batch axis), by ``compute_output_shape``."""
    shape, values = check(name, input_shape, **args)
    layer = build_layer(name, **values)
    result = layer.compute_output_shape((None, *shape))
    return tuple(int(s) for s in result[1:])


def apply(layer, x, training: bool = False) -> np.ndarray:
    """The layer on a batch ``x`` (numpy), in training or inference mode."""
    return np.asarray(layer(x, training=training))


#: BatchNormalization's training calls on the example batch before its inference is
#: shown: each moves the moving averages (1 − momentum) of the way to the batch's
#: statistics, so after n calls they are (1 − momentumⁿ) of the way there.
BN_STEPS = 10


def training_and_inference(name: str, layer, x) -> tuple[np.ndarray, np.ndarray]:
    """The layer on ``x`` in training mode and in inference mode (Dropout, noise,
    BatchNormalization). BatchNormalization is first called :data:`BN_STEPS` times in
    training mode: its inference then uses moving averages that moved, by how much its
    ``momentum`` says (the first inference of a new layer, with averages 0 and 1, would
    not show it)."""
    if name != "BatchNormalization":
        return apply(layer, x, training=True), apply(layer, x, training=False)
    for _ in range(BN_STEPS):
        trained = apply(layer, x, training=True)
    return trained, apply(layer, x, training=False)


def moved_share(momentum: float, steps: int = BN_STEPS) -> float:
    """How far moving averages go towards a batch's statistics in ``steps`` training calls
    on it: 1 − momentumˢᵗᵉᵖˢ."""
    return 1.0 - float(momentum) ** steps


def example_input(
    name: str,
    shape: tuple[int, ...],
    image: np.ndarray | None = None,
    batch: int = 1,
    args: dict | None = None,
) -> np.ndarray:
    """A small example batch of ``shape``: the digit (resized, repeated over the channels)
    for images, a few sines for sequences, token ids for an Embedding, a ramp for vectors."""
    entry = LAYERS[name]
    rng = np.random.default_rng(SEED)
    if entry.int_input:
        high = int({**entry.defaults(), **(args or {})}["input_dim"])
        return rng.integers(0, high, size=(batch, *shape)).astype("int32")
    if len(shape) == 3:
        digit = image if image is not None else np.zeros((28, 28), np.float32)
        rows = (np.arange(shape[0]) * 28 // shape[0]).clip(0, 27)
        cols = (np.arange(shape[1]) * 28 // shape[1]).clip(0, 27)
        picture = digit[np.ix_(rows, cols)].astype(np.float32)
        scales = 1.0 - 0.5 * np.arange(shape[2]) / max(shape[2], 1)
        one = picture[:, :, None] * scales[None, None, :]
        return np.repeat(one[None], batch, axis=0).astype(np.float32)
    if len(shape) == 2:
        t = np.arange(shape[0])[:, None]
        c = np.arange(shape[1])[None, :]
        one = np.sin(2 * np.pi * (c + 1) * t / max(shape[0], 2) + c)
        return np.repeat(one[None], batch, axis=0).astype(np.float32)
    one = np.linspace(-1.0, 1.0, shape[0])
    noise = rng.normal(0.0, 0.5, size=(batch, shape[0]))
    return (one[None] + (noise if batch > 1 else 0)).astype(np.float32)


# ------------------------------------------------------------- the sliding window (view)

WINDOWED = (
    "Conv1D",
    "Conv2D",
    "Conv2DTranspose",
    "SeparableConv2D",
    "DepthwiseConv2D",
    "MaxPooling1D",
    "MaxPooling2D",
    "AveragePooling1D",
    "AveragePooling2D",
)
TRAINING_DEPENDENT = (
    "Dropout",
    "SpatialDropout1D",
    "SpatialDropout2D",
    "GaussianNoise",
    "BatchNormalization",
)


@dataclass(frozen=True)
class Windowing:
    """How a convolution or pooling window slides, drawn the conv_arithmetic way: the
    input is spread (``spread − 1`` zeros between its pixels: a transposed convolution),
    padded with ``before``/``after`` zeros, and a ``span``-wide window moves by
    ``stride`` over that view; ``out`` are the output's sides (rows first)."""

    span: int
    stride: int
    spread: int
    before: tuple[int, ...]
    after: tuple[int, ...]
    out: tuple[int, ...]
    kernel: int = 0  # taps along an axis (the kernel or pool size)
    dilation: int = 1  # the distance between taps

    def taps(self) -> list[int]:
        """The offsets in the window of the cells the kernel multiplies."""
        return [i * self.dilation for i in range(self.kernel or self.span)]

    @property
    def steps(self) -> int:
        return int(np.prod(self.out))

    def position(self, step: int) -> tuple[int, int]:
        """The output cell (row, col) at ``step`` (row 0 for a sequence)."""
        step = min(max(int(step), 0), self.steps - 1)
        return divmod(step, self.out[-1]) if len(self.out) == 2 else (0, step)

    def view(self, values: np.ndarray) -> np.ndarray:
        """``values`` (one channel: 1-D or 2-D) spread and padded as the window sees them."""
        values = np.asarray(values, dtype=np.float32)
        if self.spread > 1:
            shape = tuple((n - 1) * self.spread + 1 for n in values.shape)
            spread = np.zeros(shape, np.float32)
            spread[tuple(slice(None, None, self.spread) for _ in values.shape)] = values
            values = spread
        return np.pad(values, list(zip(self.before, self.after, strict=True)))


def windowing(name: str, shape: tuple[int, ...], args: dict) -> Windowing | None:
    """The window of a convolution or pooling layer on ``shape`` (None for other layers)."""
    if name not in WINDOWED:
        return None
    out = tuple(LAYERS[name].out(shape, args)[:-1])
    sides = shape[: len(out)]
    if name == "Conv2DTranspose":
        k, s = args["kernel_size"], args["strides"]
        forward = max(k - s, 0) if args["padding"] == "same" else 0
        before = k - 1 - forward // 2
        after = tuple(
            o + k - 1 - ((n - 1) * s + 1) - before for o, n in zip(out, sides, strict=True)
        )
        return Windowing(k, 1, s, (before,) * len(out), after, out, k, 1)
    if "pool_size" in args:
        kernel, dilation, stride = args["pool_size"], 1, args["strides"]
    else:
        kernel, dilation = args["kernel_size"], args.get("dilation_rate", 1)
        stride = args["strides"]
    span = dilation * (kernel - 1) + 1
    same = args["padding"] == "same"
    totals = [
        max((o - 1) * stride + span - n, 0) if same else 0 for o, n in zip(out, sides, strict=True)
    ]
    before = tuple(t // 2 for t in totals)
    after = tuple(t - t // 2 for t in totals)
    return Windowing(span, stride, 1, before, after, out, kernel, dilation)


# ------------------------------------------------------------------ the sequence builder


@dataclass(frozen=True)
class StackRow:
    """One layer of a stack as the catalogue's formulas see it."""

    name: str
    args: dict
    input_shape: tuple[int, ...]
    output_shape: tuple[int, ...]
    params: int


@dataclass(frozen=True)
class StackBreak:
    """Where a stack stops fitting: the layer's index, the shape it was given, the reason."""

    index: int
    input_shape: tuple[int, ...]
    error: StudentError


def trace_stack(input_shape, stack) -> tuple[list[StackRow], StackBreak | None]:
    """Follow the shapes through ``stack`` (pairs of a layer's name and its arguments):
    the rows that fit and, if one does not, where and why (nothing is raised for it)."""
    shape = parse_ints(input_shape, "input_shape")
    if any(s < 1 for s in shape) or _product(*shape) > 200_000:
        raise LayerError("layer_zoo.bad_shape", value=_shape_text(shape))
    rows: list[StackRow] = []
    for index, (name, args) in enumerate(stack):
        try:
            given, values = check(name, shape, **args)
        except StudentError as error:
            return rows, StackBreak(index, shape, error)
        entry = LAYERS[name]
        out = tuple(entry.out(given, values))
        rows.append(StackRow(name, values, given, out, int(entry.params(given, values))))
        shape = out
    return rows, None


def build_stack(input_shape, rows: list[StackRow], seed: int | None = SEED):
    """``keras.Sequential`` of ``rows`` (from :func:`trace_stack`) on ``input_shape``, its
    layers made after ``keras.utils.set_random_seed(seed)``."""
    import keras

    shape = parse_ints(input_shape, "input_shape")
    if seed is not None:
        keras.utils.set_random_seed(seed)
    layers = [build_layer(row.name, **row.args) for row in rows]
    first_int = bool(rows) and LAYERS[rows[0].name].int_input
    inputs = keras.Input(shape=shape, dtype="int32" if first_int else "float32")
    try:
        return keras.Sequential([inputs, *layers])
    except Exception as error:  # noqa: BLE001 - Keras' own refusal, told in the page's words
        raise LayerError(
            "layer_zoo.keras_refused", layer="Sequential", detail=str(error)
        ) from error
