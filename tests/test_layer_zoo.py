"""Lesson 15's layer zoo (widgets/models/layer_zoo.py and widgets/layer_zoo/): the
catalogue's formulas against Keras itself, the training/inference behaviour, the messages
for impossible arguments, and the dashboard headless."""

from __future__ import annotations

import numpy as np
import pytest

from widgets.errors import StudentError, describe
from widgets.models import layer_zoo as zoo

DRAWS = 12  # random argument sets per layer (build only: about 30 ms each)


def random_shape(rng, spec) -> tuple[int, ...]:
    rank = int(rng.choice(spec.ranks))
    if spec.int_input:
        return tuple(int(v) for v in rng.integers(1, 16, size=rank))
    if rank == 3:
        side = int(rng.integers(4, 30))
        return (side, int(rng.integers(4, 30)), int(rng.integers(1, 9)))
    if rank == 2:
        return (int(rng.integers(2, 26)), int(rng.integers(1, 7)))
    return (int(rng.integers(1, 65)),)


def random_args(rng, spec, shape) -> dict:
    args = {}
    for arg in spec.args:
        if arg.kind == "int":
            high = min(int(arg.high), 12 if arg.name in ("filters", "units") else int(arg.high))
            args[arg.name] = int(rng.integers(int(arg.low), high + 1))
        elif arg.kind == "float":
            args[arg.name] = float(rng.uniform(arg.low, arg.high))
        elif arg.kind == "bool":
            args[arg.name] = bool(rng.integers(0, 2))
        elif arg.kind == "choice":
            args[arg.name] = str(rng.choice(arg.choices))
        elif arg.name == "dims":
            args[arg.name] = ", ".join(str(d + 1) for d in rng.permutation(len(shape)))
        else:  # Reshape: the size's factors in a random order, one of them maybe -1
            size = int(np.prod(shape))
            first = int(rng.choice([d for d in range(1, size + 1) if size % d == 0]))
            target = [first, size // first]
            if rng.integers(0, 2):
                target[int(rng.integers(0, 2))] = -1
            args[arg.name] = ", ".join(map(str, target))
    return args


@pytest.mark.parametrize("name", list(zoo.LAYERS))
def test_every_formula_equals_keras_over_random_arguments(name):
    spec = zoo.LAYERS[name]
    rng = np.random.default_rng(abs(hash(name)) % 2**32)
    checked = 0
    for _ in range(DRAWS * 3):
        shape = random_shape(rng, spec)
        args = random_args(rng, spec, shape)
        try:
            want_shape = zoo.formula_output_shape(name, shape, **args)
        except StudentError:
            continue  # an impossible draw (kernel > input…): told, not built
        layer, shape_keras = zoo.build(name, shape, **args)
        assert shape_keras == want_shape, (shape, args)
        assert zoo.output_shape(name, shape, **args) == want_shape, (shape, args)
        assert layer.count_params() == zoo.formula_params(name, shape, **args), (shape, args)
        text = zoo.params_text(name, shape, **args)
        assert text.replace(",", "").endswith(f"= {layer.count_params()}") or text in (
            "0",
            str(layer.count_params()),
        )
        checked += 1
        if checked == DRAWS:
            break
    assert checked >= DRAWS // 2, f"only {checked} valid draws for {name}"


def test_separable_conv_3x3_16_to_32_has_688_parameters():
    assert zoo.params_text("SeparableConv2D", (28, 28, 16), filters=32, kernel_size=3) == (
        "3·3·16 + 16·32 + 32 = 688"
    )
    layer, _ = zoo.build("SeparableConv2D", (28, 28, 16), filters=32, kernel_size=3)
    assert layer.count_params() == 688


@pytest.mark.parametrize(("padding", "side"), [("same", 14), ("valid", 15)])
def test_conv2d_transpose_stride_2_doubles_seven(padding, side):
    args = {"filters": 4, "kernel_size": 3, "strides": 2, "padding": padding}
    assert zoo.output_shape("Conv2DTranspose", (7, 7, 1), **args) == (side, side, 4)
    assert zoo.build("Conv2DTranspose", (7, 7, 1), **args)[1] == (side, side, 4)


def test_dropout_keeps_about_half_scaled_by_two_when_training_and_nothing_at_inference():
    layer, _ = zoo.build("Dropout", (1000,), rate=0.5)
    x = np.ones((4, 1000), np.float32)
    trained = zoo.apply(layer, x, training=True)
    kept = trained != 0
    assert 0.45 < kept.mean() < 0.55
    np.testing.assert_allclose(trained[kept], 2.0)
    np.testing.assert_array_equal(zoo.apply(layer, x, training=False), x)


def test_batch_norm_uses_the_batch_statistics_when_training_and_moving_ones_at_inference():
    layer, _ = zoo.build("BatchNormalization", (3,))
    x = np.random.default_rng(0).normal(5.0, 2.0, size=(64, 3)).astype(np.float32)
    trained = zoo.apply(layer, x, training=True)
    np.testing.assert_allclose(trained.mean(axis=0), 0.0, atol=1e-4)
    np.testing.assert_allclose(trained.std(axis=0), 1.0, atol=1e-2)
    inferred = zoo.apply(layer, x, training=False)  # moving mean ≈ 0.05·batch mean now
    mean, var = (np.asarray(w) for w in layer.get_weights()[2:])
    np.testing.assert_allclose(inferred, (x - mean) / np.sqrt(var + layer.epsilon), atol=1e-4)
    assert abs(inferred.mean() - x.mean()) < 1.0  # close to the input, not standardised


@pytest.mark.parametrize(
    ("name", "shape", "args", "key", "arg"),
    [
        ("Conv2D", (5, 5, 1), {"kernel_size": 7}, "too_big", "kernel_size"),
        ("MaxPooling2D", (3, 3, 1), {"pool_size": 4}, "too_big", "pool_size"),
        ("Conv2D", (28, 28, 1), {"filters": 0}, "bad_int", "filters"),
        ("ZeroPadding2D", (28, 28, 1), {"padding": -1}, "bad_int", "padding"),
        ("Reshape", (28, 28, 1), {"target_shape": "10, 10"}, "bad_reshape", "target_shape"),
        ("Permute", (28, 28, 1), {"dims": "1, 1, 2"}, "bad_permute", "dims"),
        ("Conv2D", (28, 28, 1), {"strides": 2, "dilation_rate": 2}, "stride_and_dilation", ""),
        ("Cropping2D", (8, 8, 1), {"cropping": 4}, "crop_too_much", "cropping"),
        ("Conv2D", (28, 28, 1), {"filters": "abc"}, "bad_int", "filters"),
        ("Dense", (28, 28, 1), {"colour": 3}, "unknown_arg", "colour"),
        ("LSTM", (28, 28, 1), {}, "wrong_rank", ""),
        ("LocallyConnected2D", (28, 28, 1), {}, "removed", ""),
    ],
)
def test_impossible_arguments_are_a_message_naming_the_argument(name, shape, args, key, arg):
    with pytest.raises(StudentError) as caught:
        zoo.check(name, shape, **args)
    assert caught.value.key == f"layer_zoo.{key}"
    for lang in ("pl", "en"):
        sentence, _ = describe(caught.value, lang)
        assert arg in sentence
        assert "Traceback" not in sentence


def test_removed_layers_name_their_replacement_and_keras_3_really_lacks_them():
    import keras

    for name, entry in zoo.REMOVED.items():
        assert not hasattr(keras.layers, name)
        assert entry.replacement.startswith("keras.layers.")
        replacement = entry.replacement.split("(")[0].split(".")[-1]
        assert hasattr(keras.layers, replacement)


def test_polish_formulas_group_thousands_with_a_space():
    text = zoo.params_text("Dense", (784,), lang="pl", units=128)
    assert text == "784·128 + 128 = 100\u00a0480"


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("Conv2D", {"kernel_size": 3, "strides": 2, "padding": "same"}),
        ("Conv2D", {"kernel_size": 3, "dilation_rate": 2}),
        ("Conv2DTranspose", {"kernel_size": 3, "strides": 2, "padding": "same"}),
        ("Conv2DTranspose", {"kernel_size": 3, "strides": 2, "padding": "valid"}),
        ("Conv2DTranspose", {"kernel_size": 2, "strides": 3, "padding": "valid"}),
        ("MaxPooling2D", {"pool_size": 3, "strides": 2, "padding": "same"}),
        ("Conv1D", {"kernel_size": 4, "strides": 3, "padding": "same"}),
    ],
)
def test_the_window_view_holds_exactly_the_output_cells(name, args):
    spec = zoo.LAYERS[name]
    shape, values = zoo.check(name, (7, 9, 2) if "2D" in name else (11, 2), **args)
    w = zoo.windowing(name, shape, values)
    view = w.view(np.ones(shape[:-1]))
    for side, out in zip(view.shape, w.out, strict=True):
        assert (side - w.span) // w.stride + 1 == out
    assert w.out == spec.out(shape, values)[:-1]


def test_a_same_strided_conv_computes_its_cells_from_the_window_keras_pads():
    """The window drawn at a step covers exactly the pixels Keras multiplies there."""
    args = {"filters": 1, "kernel_size": 3, "strides": 2, "padding": "same", "use_bias": False}
    layer, _ = zoo.build("Conv2D", (6, 6, 1), **args)
    x = np.random.default_rng(1).normal(size=(1, 6, 6, 1)).astype(np.float32)
    y = zoo.apply(layer, x)[0, :, :, 0]
    kernel = layer.get_weights()[0][:, :, 0, 0]
    w = zoo.windowing("Conv2D", (6, 6, 1), zoo.checked_args("Conv2D", **args))
    view = w.view(x[0, :, :, 0])
    for step in range(w.steps):
        row, col = w.position(step)
        patch = view[row * w.stride : row * w.stride + 3, col * w.stride : col * w.stride + 3]
        assert np.isclose((patch * kernel).sum(), y[row, col], atol=1e-5)
