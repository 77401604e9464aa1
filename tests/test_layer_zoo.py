"""Lesson 15's layer zoo (widgets/models/layer_zoo.py and widgets/layer_zoo/): the
catalogue's formulas against Keras itself, the training/inference behaviour, the messages
for impossible arguments, and the dashboard headless."""

from __future__ import annotations

import importlib

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


# --------------------------------------------------------------------------- dashboard

from code_checks import opened_code, run_code  # noqa: E402

from widgets.figures.feature_maps import panel_pixels  # noqa: E402
from widgets.layer_zoo import LayerZooDashboard  # noqa: E402
from widgets.layer_zoo.figures import TAP_FILL  # noqa: E402


@pytest.fixture(scope="module")
def zoo_en():
    return LayerZooDashboard(lang="en").wait_ready()


@pytest.fixture(scope="module")
def zoo_pl():
    return LayerZooDashboard(lang="pl").wait_ready()


def test_the_dashboard_shows_keras_shape_and_parameters_with_the_formula(zoo_en):
    zoo_en.configure(layer="Conv2D", input_shape="28, 28, 1", arguments={"filters": 8})
    assert zoo_en.model.output_shape == (None, 26, 26, 8)
    assert "3·3·1·8 + 8 = 80" in zoo_en._summary.value
    assert "count_params()</code> = 80" in zoo_en._summary.value
    arguments = {"filters": 4, "kernel_size": 3, "strides": 2, "padding": "same"}
    zoo_en.configure(layer="Conv2DTranspose", input_shape="7, 7, 1", arguments=arguments)
    assert zoo_en.model.output_shape == (None, 14, 14, 4)
    assert zoo_en.window.spread == 2  # the input drawn spread out with zeros


def test_a_stride_changes_the_output_and_its_image(zoo_en):
    zoo_en.configure(layer="Conv2D", input_shape="28, 28, 1", arguments={"strides": 1})
    before = panel_pixels(zoo_en.rasters, 2)
    zoo_en._arg_controls["Conv2D"]["strides"].value = 2
    zoo_en.wait_settled()
    assert zoo_en.model.output_shape == (None, 13, 13, 8)
    assert panel_pixels(zoo_en.rasters, 2).shape[:2] == (13, 13) != before.shape[:2]
    assert zoo_en.error_text == ""


def test_the_output_image_is_the_layers_own_output(zoo_en):
    zoo_en.configure(layer="MaxPooling2D", input_shape="28, 28, 1", arguments={"pool_size": 2})
    digit = zoo_en.digits.image()
    pooled = digit.reshape(14, 2, 14, 2).max(axis=(1, 3))
    np.testing.assert_allclose(zoo_en.output[:, :, 0], pooled, atol=1e-6)


def test_the_window_moves_with_the_step_and_names_the_layers_value(zoo_en):
    zoo_en.configure(layer="Conv2D", input_shape="28, 28, 1", arguments={"strides": 1})
    zoo_en.configure(window=0)
    first = [s.to_plotly_json() for s in zoo_en.rasters.layout.shapes]
    zoo_en.configure(window=30)
    moved = [s.to_plotly_json() for s in zoo_en.rasters.layout.shapes]
    assert first != moved
    row, col = zoo_en.window.position(30)
    value = zoo_en.output[row, col, 0]
    assert f"({row}, {col})" in zoo_en._position.value
    assert f"{round(float(value), 3):g}".replace("-", "−") in zoo_en._position.value


def test_sequences_are_drawn_as_lines(zoo_en):
    zoo_en.configure(layer="LSTM", input_shape="20, 3", arguments={"return_sequences": True})
    assert zoo_en.model.output_shape == (None, 20, 8)
    drawn = [[trace.y for trace in figure.data if trace.y] for figure in zoo_en.lines]
    assert [len(lines) for lines in drawn] == [3, 8, 0]  # input channels, output channels


def test_dropout_shows_training_and_inference_on_the_same_input(zoo_en):
    zoo_en.configure(layer="Dropout", input_shape="28, 28, 1", arguments={"rate": 0.5})
    np.testing.assert_allclose(zoo_en.output, zoo_en._arrays[0])  # inference: identity
    kept = zoo_en.trained_output != 0
    np.testing.assert_allclose(zoo_en.trained_output[kept], 2 * zoo_en._arrays[0][kept], rtol=1e-5)
    assert "Training:" in zoo_en._note.value


def test_every_layer_and_removed_layer_is_shown_without_an_error(zoo_en):
    for name in [*zoo.LAYERS, *zoo.REMOVED]:
        zoo_en.configure(layer=name)
        assert zoo_en.error_text == "", name
    zoo_en.configure(layer="LocallyConnected2D")
    assert "keras.layers.Conv2D" in zoo_en._summary.value  # today's replacement


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_nonsense_in_every_box_is_a_message_in_the_page_language(lang, zoo_en, zoo_pl):
    dashboard = zoo_pl if lang == "pl" else zoo_en
    dashboard.configure(layer="Reshape")
    for text in ("abc", "", "1, 2, 3, 4, 5", "-3, 2"):
        dashboard._arg_controls["Reshape"]["target_shape"].value = text
        assert dashboard.error_text
        assert "target_shape" in dashboard.error_text
        assert "Traceback" not in dashboard.error_text
    dashboard._arg_controls["Reshape"]["target_shape"].value = "-1, 28, 1"
    assert dashboard.error_text == ""
    for text in ("x", "0, 5", "99999, 99999"):
        dashboard._shape.value = text
        assert dashboard.error_text
    dashboard.configure(layer="Conv2D")
    dashboard._shape.value = "2, 2, 1"
    expected = "okno" if lang == "pl" else "window"
    assert "kernel_size" in dashboard.error_text and expected in dashboard.error_text
    dashboard.configure(layer="Conv2D", input_shape="28, 28, 1")
    assert dashboard.error_text == ""


def test_configure_refuses_an_unknown_layer_in_both_languages(zoo_en, zoo_pl):
    zoo_en.configure(layer="Conv3000D")
    zoo_pl.configure(layer="Conv3000D")
    assert "no layer" in zoo_en.error_text
    assert "Nie ma warstwy" in zoo_pl.error_text


@pytest.mark.parametrize(
    ("layer", "arguments", "shape"),
    [
        ("Conv2D", {"filters": 4, "strides": 2, "padding": "same"}, "28, 28, 1"),
        ("LSTM", {"units": 5, "return_sequences": True}, "20, 3"),
        ("Bidirectional", {"layer": "GRU", "units": 3, "merge_mode": "sum"}, "20, 3"),
        ("BatchNormalization", {}, "16"),
        ("Embedding", {"input_dim": 20, "output_dim": 3}, "12"),
        ("Reshape", {"target_shape": "7, -1"}, "28, 28, 1"),
    ],
)
def test_the_shown_code_builds_the_same_layer_and_output(zoo_en, layer, arguments, shape):
    zoo_en.configure(layer=layer, input_shape=shape, arguments=arguments)
    namespace = run_code(opened_code(zoo_en))
    model = namespace["model"]
    assert model.output_shape == zoo_en.model.output_shape
    assert namespace["layer"].count_params() == zoo_en.layer.count_params()
    for mine, theirs in zip(  # BatchNormalization's moving averages too (same steps)
        zoo_en.layer.get_weights(), namespace["layer"].get_weights(), strict=True
    ):
        np.testing.assert_allclose(mine, theirs, atol=1e-6)
    if "inferred" in namespace:
        np.testing.assert_allclose(namespace["inferred"][0], zoo_en.output, atol=1e-5)
    else:
        np.testing.assert_allclose(namespace["y"][0], zoo_en.output, atol=1e-5)


# --------------------------------------------------------------------------- exercises

from widgets.layer_zoo import check_conv_parameters, check_transposed_shape  # noqa: E402


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_the_exercises_accept_keras_answers_and_explain_wrong_ones(lang):
    layer, shape = zoo.build("Conv2D", (28, 28, 1), filters=8, kernel_size=3)
    assert check_conv_parameters(layer.count_params(), lang=lang).passed
    almost = check_conv_parameters(72, lang=lang)  # the weights without the biases
    assert not almost.passed and "bias" in str(almost)
    assert not check_conv_parameters("eighty", lang=lang).passed
    args = {"filters": 4, "kernel_size": 3, "strides": 2, "padding": "valid"}
    _, keras_shape = zoo.build("Conv2DTranspose", (7, 7, 1), **args)
    assert check_transposed_shape(keras_shape, lang=lang).passed
    assert check_transposed_shape((None, *keras_shape), lang=lang).passed
    assert not check_transposed_shape((14, 14, 4), lang=lang).passed
    channels = check_transposed_shape((15, 15, 1), lang=lang)
    assert not channels.passed and "4" in str(channels)
    assert not check_transposed_shape("15x15", lang=lang).passed


def test_a_dilated_window_tints_its_taps_with_gaps(zoo_en):
    arguments = {"kernel_size": 3, "strides": 1, "padding": "valid"}
    zoo_en.configure(layer="Conv2D", input_shape="28, 28, 1", arguments=arguments)
    zoo_en._arg_controls["Conv2D"]["dilation_rate"].value = 2
    zoo_en.wait_settled()
    tinted = [s for s in zoo_en.rasters.layout.shapes if s.fillcolor == TAP_FILL]
    assert len(tinted) == 9
    xs = sorted({s.x0 for s in tinted})
    assert np.diff(xs).tolist() == [2.0, 2.0]  # every second column: the dilation
    zoo_en._arg_controls["Conv2D"]["dilation_rate"].value = 1
    zoo_en.wait_settled()


def test_the_page_address_picks_the_layer(zoo_en):
    zoo_en._apply_address("layer=LSTM")
    assert zoo_en.layer_name == "LSTM" and type(zoo_en.layer).__name__ == "LSTM"
    zoo_en._apply_address("layer=Conv2D")


def test_an_empty_drawing_pad_is_a_message_and_a_drawn_digit_goes_through(zoo_pl):
    zoo_pl.configure(layer="MaxPooling2D", input_shape="28, 28, 1")
    zoo_pl.digits.source.value = "drawn"
    assert zoo_pl.error_text == zoo_pl.digits.blank_message
    zoo_pl.digits.source.value = "test"
    assert zoo_pl.error_text == ""


# ------------------------------------------------ answering at once, Keras in the background


@pytest.fixture
def held_builds(monkeypatch):
    """``zoo.build_model`` held until ``release`` is set; ``started`` is set when a build
    begins (the worker's builds, made deterministic)."""
    import threading

    started, release = threading.Event(), threading.Event()
    built = []
    real = zoo.build_model  # the real module's (zoo is a lazy stand-in)

    def held(name, shape, *args, **kwargs):
        started.set()
        assert release.wait(30), "the test never released the build"
        built.append(kwargs)
        return real(name, shape, *args, **kwargs)

    monkeypatch.setattr(importlib.import_module(zoo.__name__), "build_model", held)
    yield started, release, built
    release.set()


def test_a_press_answers_with_the_formulas_before_keras_builds(zoo_en, held_builds):
    started, release, built = held_builds
    release.set()  # configure builds here, before returning
    zoo_en.configure(layer="Conv2D", input_shape="28, 28, 1", arguments={"filters": 8})
    release.clear()
    old_model, builds = zoo_en.model, zoo_en.builds
    zoo_en._arg_controls["Conv2D"]["filters"].value = 13  # returns while Keras is held
    assert started.wait(10)
    summary = zoo_en._summary.value
    assert "(None, 26, 26, 13)" in summary  # the catalogue's shape and count, at once
    assert "3·3·1·13 + 13 = 130" in summary
    assert "building the layer" in summary and "= 130</code>" not in summary
    assert zoo_en.model is old_model and zoo_en.building
    release.set()
    zoo_en.wait_settled()
    assert zoo_en.builds == builds + 1 and not zoo_en.building
    assert zoo_en.model.output_shape == (None, 26, 26, 13)
    assert "count_params()</code> = 130" in zoo_en._summary.value  # Keras' own
    assert zoo_en.output.shape == (26, 26, 13)
    assert panel_pixels(zoo_en.rasters, 2).shape[:2] == (26, 26)


def test_the_newest_press_wins_and_those_between_are_never_built(zoo_en, held_builds):
    started, release, built = held_builds
    release.set()
    zoo_en.configure(layer="Conv2D", input_shape="28, 28, 1", arguments={"filters": 8})
    release.clear()
    builds = zoo_en.builds
    filters = zoo_en._arg_controls["Conv2D"]["filters"]
    filters.value = 17  # the worker starts building this one and is held
    assert started.wait(10)
    for value in (18, 19, 20, 21):  # pressed while it builds: none waits for it
        filters.value = value
    assert "3·3·1·21 + 21 = 210" in zoo_en._summary.value
    release.set()
    zoo_en.wait_settled()
    assert [kwargs["filters"] for kwargs in built] == [17, 21]  # 18–20 skipped
    assert zoo_en.builds == builds + 2
    assert zoo_en.model.output_shape == (None, 26, 26, 21)  # 17's result was not drawn
    assert "count_params()</code> = 210" in zoo_en._summary.value


def test_a_state_built_before_is_drawn_at_once_without_a_build(zoo_en):
    arguments = {"units": 8, "return_sequences": False}
    zoo_en.configure(layer="LSTM", input_shape="20, 3", arguments=arguments)
    units = zoo_en._arg_controls["LSTM"]["units"]
    units.value = 9
    zoo_en.wait_settled()
    builds = zoo_en.builds
    units.value = 8
    assert not zoo_en.building  # drawn in the press itself
    units.value = 9
    assert not zoo_en.building and zoo_en.builds == builds
    assert zoo_en.model.output_shape == (None, 9)
    assert "count_params()</code> = 468" in zoo_en._summary.value


def test_an_impossible_press_while_building_keeps_its_message(zoo_en, held_builds):
    started, release, _ = held_builds
    release.set()
    zoo_en.configure(layer="Conv2D", input_shape="28, 28, 1", arguments={"filters": 8})
    release.clear()
    zoo_en._arg_controls["Conv2D"]["filters"].value = 23
    assert started.wait(10)
    zoo_en._shape.value = "2, 2, 1"  # the kernel no longer fits
    release.set()
    zoo_en.wait_settled()
    assert "kernel_size" in zoo_en.error_text  # not drawn over by the older build
    zoo_en.configure(input_shape="28, 28, 1")
    assert zoo_en.error_text == ""


def test_batch_norm_momentum_changes_what_inference_shows(zoo_en):
    """Inference is shown after zoo.BN_STEPS training calls: the moving averages have
    gone 1 − momentumⁿ of the way to the batch's statistics, so the slider shows."""
    zoo_en.configure(layer="BatchNormalization", input_shape="16", arguments={"momentum": 0.99})
    slow = zoo_en.output.copy()
    assert "10%" in zoo_en._note.value  # 1 − 0.99¹⁰ = 9.6 %
    zoo_en.configure(arguments={"momentum": 0.5})
    assert not np.allclose(zoo_en.output, slow, atol=1e-2)
    x = zoo.example_input("BatchNormalization", (16,), None, 8)
    moved = 1 - 0.5**zoo.BN_STEPS
    mean = np.asarray(zoo_en.layer.moving_mean)
    np.testing.assert_allclose(mean, moved * x.mean(axis=0), rtol=1e-3, atol=1e-5)
    assert "100%" in zoo_en._note.value  # 99.9 %
    np.testing.assert_allclose(zoo_en.output, zoo_en.trained_output, atol=0.05)


def test_the_summary_shows_the_operation_with_the_activation_and_the_bias(zoo_en):
    """The activation menu and use_bias change no shape: the summary's operation line
    shows them at once (before Keras has built the layer)."""
    zoo_en.configure(layer="Dense", input_shape="16", arguments={"activation": "linear"})
    assert "y = x·W + b" in zoo_en._summary.value
    zoo_en.configure(arguments={"activation": "relu", "use_bias": False})
    assert "y = relu(x·W)" in zoo_en._summary.value
    zoo_en.configure(layer="Conv1D", input_shape="20, 3", arguments={"activation": "tanh"})
    assert "y = tanh(W ∗ x + b)" in zoo_en._summary.value
    zoo_en.configure(layer="LSTM", input_shape="20, 3")
    assert "y =" not in zoo_en._summary.value


def test_a_layer_shown_the_first_time_sends_its_summary_before_its_controls(monkeypatch):
    """A layer's first visit from the menus opened its 5-10 argument controls (each a new
    widget, two or three messages) before the summary was sent (issue 19): now the summary
    of its defaults goes first and the controls follow."""
    import ipywidgets

    from widgets.layer_zoo import LayerZooDashboard
    from widgets.layer_zoo.dashboard import control_value

    dashboard = LayerZooDashboard(lang="en").wait_ready()
    events = []
    send, open_ = ipywidgets.Widget._send, ipywidgets.Widget.open

    def sending(widget, msg, buffers=None):
        events.append(("send", widget))
        return send(widget, msg, buffers)

    def opening(widget):
        events.append(("open", widget))
        return open_(widget)

    monkeypatch.setattr(ipywidgets.Widget, "_send", sending)
    monkeypatch.setattr(ipywidgets.Widget, "open", opening)
    assert "Conv2DTranspose" not in dashboard._arg_controls
    dashboard._layer.value = "Conv2DTranspose"  # as the menu sets it
    kinds = [kind for kind, widget in events if kind == "open" or widget is dashboard._summary]
    assert kinds[0] == "send" and "open" in kinds, kinds[:3]
    monkeypatch.undo()
    controls = dashboard._arg_controls["Conv2DTranspose"]
    assert list(dashboard._args.children) == list(controls.values())
    defaults = {a.name: control_value(a) for a in zoo.LAYERS["Conv2DTranspose"].args}
    assert dashboard.arguments() == defaults == {k: c.value for k, c in controls.items()}
    builds = dashboard.wait_settled().builds
    assert dashboard.drawn[0] == "Conv2DTranspose"
    filters = controls["filters"]  # the defaults' state is the controls' state: kept
    filters.value += 1
    dashboard.wait_settled()
    filters.value -= 1
    assert not dashboard.building and dashboard.builds == builds + 1


@pytest.mark.parametrize("strides", [2, 1])  # fewer window positions, then more
def test_a_new_geometry_moves_the_window_straight_to_the_middle(zoo_en, strides):
    """The step slider and the Play went through 0 at each new geometry, and the page's
    jslink sent that 0 back: the window was drawn at step 0 and again at the middle (a
    second kernel turn and two more figure redraws). Every value sent is now the middle,
    and never above the maximum sent before it."""
    zoo_en.configure(layer="Conv2D", input_shape="28, 28, 1", arguments={"strides": 3})
    zoo_en.wait_settled()
    sent = []
    for widget in (zoo_en._step, zoo_en._play):
        widget.observe(lambda change, w=widget: sent.append((w, change["name"], change["new"])),
                       names=["value", "max"])  # fmt: skip
    zoo_en._arg_controls["Conv2D"]["strides"].value = strides
    zoo_en.wait_settled()
    w = zoo_en.window
    middle = (w.out[0] // 2) * w.out[-1] + w.out[-1] // 2
    top = {zoo_en._step: None, zoo_en._play: None}
    for widget, name, value in sent:
        if name == "max":
            top[widget] = value
        else:
            assert value == middle, sent
            assert top[widget] is None or value <= top[widget], sent
    assert zoo_en._step.value == zoo_en._play.value == middle
    assert zoo_en._step.max == zoo_en._play.max == w.steps - 1
