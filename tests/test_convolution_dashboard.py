"""Headless: the convolution-by-hand dashboard computes what numpy says and flags the
impossible, through its controls."""

from __future__ import annotations

import re

import numpy as np
import pytest
from figure_checks import assert_shows
from student_errors import assert_polish, assert_student_error, english_words, shown_errors

from widgets.convolution import ConvolutionDashboard, stand_in_digit
from widgets.data import MNIST_DIR_ENV, load_mnist
from widgets.data.mnist import TEXT as MNIST_TEXT
from widgets.figures.feature_maps import DIVERGING, IMAGE_SCALE, POSITIVE, mosaic, tile_at
from widgets.models.convolution import KERNELS, padded, run_model


def numpy_correlate(image, kernel, stride=1, pad=0):
    x = np.pad(image.astype(np.float64), pad)
    k = kernel.shape[0]
    n = (x.shape[0] - k) // stride + 1
    return np.array(
        [
            [
                np.sum(x[i * stride : i * stride + k, j * stride : j * stride + k] * kernel)
                for j in range(n)
            ]
            for i in range(n)
        ]
    )


@pytest.fixture(scope="module")
def dashboard():
    return ConvolutionDashboard(lang="en").wait_ready()


def digit(index):
    return load_mnist(allow_download=False).x_test[index].astype(np.float32) / 255


SCALES = (IMAGE_SCALE, DIVERGING, POSITIVE, POSITIVE)


def z(dashboard, trace):
    """The values subplot ``trace`` shows (padded input, map, ReLU, pooled), after checking
    that the figure's image is those values in the subplot's colours."""
    if trace == 0:
        values, low, high = padded(dashboard.image(), dashboard.geometry), 0.0, 1.0
    elif trace == 1:
        values = dashboard.maps[0]
        high = float(np.abs(values).max()) or 1.0
        low = -high
    else:
        values, low, high = dashboard.maps[trace - 1], 0.0, float(dashboard.maps[1].max()) or 1.0
    assert_shows(dashboard.figure, trace + 1, values, SCALES[trace], low, high)
    return np.asarray(values, dtype=float)


def test_default_shows_sobel_x_on_a_test_digit(dashboard):
    assert dashboard.error_text == ""
    assert dashboard._preset.value == "sobel_x"
    want = numpy_correlate(digit(1), KERNELS["sobel_x"])
    np.testing.assert_allclose(z(dashboard, 1), want, atol=1e-4)
    np.testing.assert_allclose(z(dashboard, 2), np.maximum(want, 0), atol=1e-4)
    assert z(dashboard, 3).shape == (13, 13)
    assert (
        dashboard.model.get_layer("conv").get_weights()[0][:, :, 0, 0].tolist()
        == KERNELS["sobel_x"].tolist()
    )
    assert "= 26" in dashboard._formula.value
    assert dashboard._step.value == 13 * 26 + 13  # the window starts in the middle
    assert "row 13, column 13" in dashboard._position.value


def test_typed_weights_and_presets_redraw(dashboard):
    dashboard.configure(preset="laplacian")
    np.testing.assert_allclose(
        z(dashboard, 1), numpy_correlate(digit(1), KERNELS["laplacian"]), atol=1e-4
    )
    kernel = np.array([[1, 2, 0], [0, -1, 0], [0.5, 0, -3]])
    dashboard.configure(kernel=kernel)
    assert dashboard._preset.value == "custom"
    np.testing.assert_allclose(z(dashboard, 1), numpy_correlate(digit(1), kernel), atol=1e-4)
    dashboard._weights[0].value = 4.0  # one box typed by hand
    kernel[0, 0] = 4.0
    np.testing.assert_allclose(z(dashboard, 1), numpy_correlate(digit(1), kernel), atol=1e-4)
    dashboard.configure(kernel=KERNELS["sharpen"])
    assert dashboard._preset.value == "sharpen"


def test_stride_padding_and_the_sliding_window(dashboard):
    dashboard.configure(preset="sobel_y", stride=2, padding=1)
    want = numpy_correlate(digit(1), KERNELS["sobel_y"], stride=2, pad=1)
    np.testing.assert_allclose(z(dashboard, 1), want, atol=1e-4)
    # dashboard.model (Keras Conv2D with the kernel, ReLU, pooling) gives the maps shown.
    maps = run_model(dashboard.model, digit(1))
    for trace, keras_map in zip((1, 2, 3), maps, strict=True):
        np.testing.assert_allclose(z(dashboard, trace), keras_map, atol=1e-4)
    assert z(dashboard, 0).shape == (30, 30)  # the padded input is shown
    assert "⌊(28 + 2·1 − 3)/2⌋ + 1 = 14" in dashboard._formula.value
    assert "not divisible" in dashboard._formula.value  # 27 / 2 leaves a column out
    dashboard.configure(step=14 * 3 + 5)  # row 3, column 5
    assert "row 3, column 5" in dashboard._position.value
    shape = dashboard.figure.layout.shapes[0]
    # Stride 2: the window starts at pixel (6, 10) of the 30-pixel padded input, and the
    # frames are drawn on unit squares (pixel i spans i/30 to (i + 1)/30).
    assert (shape.x0, shape.y0, shape.x1) == pytest.approx((10 / 30, 6 / 30, 13 / 30))
    cell = dashboard.figure.layout.shapes[1]
    assert (cell.x0, cell.y0) == pytest.approx((5 / 14, 3 / 14))
    total = float(
        dashboard._window.value.split("dl-window-sum'>")[1].split("<")[0].replace("−", "-")
    )
    assert total == pytest.approx(want[3, 5], abs=1e-3)
    dashboard.configure(padding="same", stride=3)
    assert z(dashboard, 1).shape == (10, 10)
    assert dashboard._step.max == 99
    dashboard.configure(stride=1, padding="valid")


def test_impossible_and_unpoolable_combinations_are_flagged(dashboard):
    dashboard.configure(size=2)
    assert "does not fit" in dashboard.error_text and "n + 2p − k = −1" in dashboard.error_text
    dashboard.configure(size=3)
    assert dashboard.error_text == ""
    assert "no pooling" in dashboard._formula.value
    dashboard.configure(size=2, padding=1)  # padding makes it fit again
    assert dashboard.error_text == "" and z(dashboard, 1).shape == (2, 2)
    dashboard.configure(size=28, padding="valid")
    assert dashboard.error_text == ""


def test_blank_drawing_gives_a_message_and_a_drawing_is_convolved(dashboard):
    dashboard.digits.source.value = "drawn"
    assert "empty" in dashboard.error_text
    pad = dashboard.digits.canvas
    strokes = np.zeros((112, 112), dtype=np.uint8)
    strokes[20:90, 50:62] = 255  # a "1"
    pad.draw(strokes)
    assert dashboard.error_text == ""
    drawn = pad.digit()
    assert drawn is not None and drawn.max() > 0.5
    np.testing.assert_allclose(z(dashboard, 0), drawn, atol=1e-6)
    np.testing.assert_allclose(z(dashboard, 1), numpy_correlate(drawn, dashboard.kernel), atol=1e-4)
    pad.clear()
    assert "empty" in dashboard.error_text
    dashboard.digits.source.value = "test"
    assert dashboard.error_text == ""


def test_polish_labels_and_the_stand_in_digit():
    dashboard = ConvolutionDashboard(lang="pl")
    assert dashboard._preset.label == "Sobel x (krawędzie pionowe)"
    assert stand_in_digit().shape == (28, 28) and stand_in_digit().max() == 1.0


@pytest.fixture(scope="module")
def polish_board():
    return ConvolutionDashboard(lang="pl").wait_ready()


def test_the_polish_window_table_has_decimal_commas(polish_board):
    """Window · kernel = products and Σ: every number with a decimal comma, a true minus."""
    html = polish_board._window.value
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", html)
    assert len(cells) == 3 * 9 and all(re.fullmatch(r"−?\d+,\d\d", cell) for cell in cells)
    assert any(cell.startswith("−") for cell in cells)  # the kernel's negative side
    total = html.split("dl-window-sum'>")[1].split("<")[0]
    assert re.fullmatch(r"−?\d+,\d{3}", total), total


@pytest.mark.parametrize(
    ("settings", "key", "sentence"),
    [
        (
            {"kernel": np.ones((2, 2))},
            "bad_kernel",
            "Filtr 3×3 ma dziewięć wag i każda musi być skończoną liczbą: podaj tablicę 3×3 "
            "albo wybierz gotowy filtr.",
        ),
        ({"kernel": [["a"] * 3] * 3}, "bad_kernel", None),
        ({"kernel": np.full((3, 3), np.nan)}, "bad_kernel", None),
        (
            {"kernel": np.eye(3) * 12.5},
            "big_weight",
            "Każda waga filtra musi być liczbą od −10 do 10, a podano 12,5.",
        ),
        (
            {"preset": "emboss"},
            "bad_preset",
            "Nieznany filtr 'emboss'; do wyboru: identity, blur, sharpen, sobel_x, sobel_y, "
            "laplacian, custom.",
        ),
        (
            {"stride": 5},
            "bad_stride",
            "Krok (stride) musi być liczbą całkowitą od 1 do 4, a podano 5.",
        ),
        ({"stride": 1.5}, "bad_stride", None),
        (
            {"size": 40},
            "bad_size",
            "Rozmiar wejścia n musi być liczbą całkowitą od 2 do 28, a podano 40.",
        ),
        (
            {"padding": 3},
            "bad_padding",
            "Dopełnienie (padding) może mieć tylko jedną z wartości 'valid', 1, 2, 'same', "
            "a podano 3.",
        ),
        (
            {"step": 10**6},
            "bad_step",
            "Położenie okna musi być liczbą całkowitą od 0 do 675, a podano 1\u00a0000\u00a0000.",
        ),
    ],
)
def test_bad_settings_are_student_errors_told_in_polish(polish_board, settings, key, sentence):
    shown = shown_errors(polish_board)
    kernel = polish_board.kernel.copy()
    stride, step = polish_board._stride.value, polish_board._step.value
    polish_board.configure(**{"preset": "laplacian", "stride": 1, **settings})  # all or nothing
    names = (
        "identity blur sharpen sobel_x sobel_y laplacian custom emboss valid same stride padding"
    )
    said, details = assert_student_error(shown[-1], f"convolution.{key}", names)
    assert polish_board.error_text == said and details == ""
    assert sentence is None or said == sentence
    np.testing.assert_array_equal(polish_board.kernel, kernel)
    assert polish_board._stride.value == stride and polish_board._step.value == step
    polish_board.clear_error()


def test_without_mnist_the_polish_page_says_so_in_polish_and_shows_a_stand_in(
    tmp_path, monkeypatch
):
    """A folder without MNIST: the folder's sentence in Polish, the detail behind the toggle,
    and the lesson goes on with the stand-in digit (the sentence stays until one draws)."""
    empty = tmp_path / "empty"
    empty.mkdir()
    monkeypatch.setenv(MNIST_DIR_ENV, str(empty))
    board = ConvolutionDashboard(lang="pl").wait_ready()
    sentence, details = board.error_text, board.error_details
    values = {"folder": str(empty), "variable": MNIST_DIR_ENV}
    assert sentence == MNIST_TEXT.get("folder_unusable", "pl", **values)
    names = (MNIST_DIR_ENV, str(empty), "MNIST idx t10k folder")  # "folder" is Polish too
    assert_polish(sentence, MNIST_TEXT.get("folder_unusable", "en", **values), *names)
    leaked = english_words(details, *names) & english_words(sentence)
    assert not leaked, f"English words of the technical message in the sentence: {leaked}"
    assert "MnistUnavailableError" in details and "does not contain the MNIST" in details
    np.testing.assert_array_equal(board.image(), stand_in_digit())
    assert "zastępczy" in board.digits._label.value
    board.configure(stride=1)  # a redraw keeps the sentence
    assert board.error_text == sentence
    board.digits.source.value = "drawn"  # drawing needs no MNIST: the pad's own sentence
    assert board.error_text.startswith("Pole rysowania jest puste")
    board.digits.source.value = "test"
    assert board.error_text == sentence


def test_mosaic_and_tile_lookup():
    maps = np.arange(5 * 3 * 3, dtype=float).reshape(5, 3, 3)
    tiled = mosaic(maps, cols=2)
    assert tiled.shape == (3 * 4 - 1, 2 * 4 - 1)
    assert np.isnan(tiled[3]).all() and np.isnan(tiled[:, 3]).all()
    assert tiled[8:, 4:].size and np.isnan(tiled[8:, 4:]).all()  # no sixth map
    assert tiled[4 + 1, 4 + 2] == pytest.approx(maps[3, 1, 2] / maps[3].max())
    assert tile_at(5, 6, 3, 2, 5) == 3
    assert tile_at(3, 0, 3, 2, 5) is None  # a gap
    assert tile_at(5, 9, 3, 2, 5) is None  # where a sixth map would be


def test_exercise_checks_pass_the_right_answers_only():
    from widgets.convolution import check_conv_parameters, check_edge_kernel, check_output_size

    assert check_output_size(15, 32, 5, 2, 1, lang="en").passed
    wrong = check_output_size(16, 32, 5, 2, 1, lang="pl")
    assert not wrong.passed and "16" in wrong.message
    assert check_conv_parameters(18_496, 64, 3, 32, lang="en").passed
    assert not check_conv_parameters(18_432, 64, 3, 32, lang="en").passed  # biases forgotten
    assert check_edge_kernel(KERNELS["sobel_y"], lang="en").passed
    assert "sum to zero" in check_edge_kernel(np.ones((3, 3)), lang="en").message
    diagonal = check_edge_kernel(KERNELS["sobel_x"] + KERNELS["sobel_y"], lang="en")
    assert not diagonal.passed and "vertical edge (" in diagonal.message
    assert "positive" in check_edge_kernel(-KERNELS["sobel_y"], lang="en").message
    assert not check_edge_kernel(np.zeros((3, 3)), lang="en").passed


def test_a_new_stride_keeps_the_window_where_it_was():
    from widgets.convolution import same_place

    assert same_place(13 * 26 + 13, 26, 13) == 6 * 13 + 6  # the middle stays the middle
    assert same_place(0, 26, 13) == 0 and same_place(26 * 26 - 1, 26, 13) == 13 * 13 - 1
    assert same_place(40, 13, 13) == 40  # same size: unchanged
    board = ConvolutionDashboard(lang="en").wait_ready()
    assert "row 13, column 13" in board._position.value
    board.configure(stride=2)
    assert board._step.value == 6 * 13 + 6 and "row 6, column 6" in board._position.value
