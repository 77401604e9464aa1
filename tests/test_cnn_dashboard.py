"""Headless: the CNN dashboard trains in the background, redraws its views from the real
model while training, explains a map, compares with the MLP, stops, and refuses bad input."""

from __future__ import annotations

import numpy as np
import pytest
from figure_checks import assert_shows
from student_errors import (
    URL_FAILURE,
    assert_polish,
    assert_student_error,
    english_words,
    shown_errors,
)

from widgets.cnn import CnnDashboard
from widgets.data import MNIST_DIR_ENV
from widgets.data.mnist import TEXT as MNIST_TEXT
from widgets.figures.feature_maps import DIVERGING, POSITIVE, mosaic, tile_numbers
from widgets.figures.shapes import path_points
from widgets.i18n import number
from widgets.models import cnn


@pytest.fixture(scope="module")
def dashboard():
    board = CnnDashboard(lang="en").wait_ready()
    board.configure(filters=(4, 8), kernels=(5, 3), epochs=2, images=2000, compare=True)
    return board


def test_untrained_views_come_from_the_model(dashboard):
    assert dashboard.model.count_params() == cnn.build_cnn((4, 8), (5, 3)).count_params()
    filters = cnn.first_layer_filters(dashboard.model)
    assert filters.shape == (4, 5, 5)
    assert_shows(dashboard.filters, 1, mosaic(filters, cols=8, signed=True), DIVERGING, -1, 1)
    assert "has not learnt" in dashboard._status.value


def test_training_updates_curves_views_and_the_comparison(dashboard):
    before = cnn.first_layer_filters(dashboard.model).copy()
    refreshes = len(dashboard.refresh_times)
    dashboard.train()
    assert dashboard._stop.disabled is False
    dashboard.wait_trained(120)
    assert dashboard.error_text == ""
    after = cnn.first_layer_filters(dashboard.model)
    assert not np.allclose(before, after)  # the filters learnt
    # The views show the trained model's maps for the chosen digit.
    image = dashboard.digits.image()
    acts = cnn.activations(cnn.activation_model(dashboard.model), image)
    assert_shows(dashboard.layers, 4, mosaic(acts["conv2"], cols=4), POSITIVE, 0, 1)
    np.testing.assert_allclose(
        np.asarray(dashboard.probabilities.data[0].y, dtype=float), acts["softmax"], atol=1e-2
    )
    assert len(dashboard.refresh_times) > refreshes
    # Curves: loss points within epochs and one test accuracy per epoch.
    x, val = dashboard.curves.data[0].x, dashboard.curves.data[2].y
    assert len(val) == 2 and max(x) == pytest.approx(2.0)
    keras_history = dashboard._trainer.histories[0].history  # every epoch's, from Keras
    assert dashboard.history["val_x"] == [1, 2]
    assert dashboard.history["val_accuracy"] == pytest.approx(keras_history["val_accuracy"])
    assert set(dashboard.results) == {"CNN", "MLP"}
    assert all(0 < r["seconds"] < 60 and r["epochs"] == 2 for r in dashboard.results.values())
    assert dashboard.results["CNN"]["accuracy"] > 0.25  # chance is 0.1; 4 filters, 32 steps
    table = dashboard._table.value
    assert number(dashboard.model.count_params(), "en", ",") in table and "235,146" in table
    assert "Done" in dashboard._status.value
    # After training the charts are traces again (hover), not the live shapes.
    assert dashboard.curves.layout.shapes == () and dashboard.probabilities.layout.shapes == ()


def test_while_training_the_charts_are_shapes_and_come_back_as_traces(dashboard):
    dashboard.history = {
        "x": [0.5, 1.0, 1.5],
        "loss": [2.0, 1.0, 0.5],
        "accuracy": [0.3, 0.6, 0.8],
        "val_x": [1],
        "val_accuracy": [0.7],
    }
    dashboard.refresh_views(live=True)
    curves, bars = dashboard.curves, dashboard.probabilities
    paths = [path_points(shape.path).tolist() for shape in curves.layout.shapes]
    assert paths == [
        [[0.5, 2.0], [1.0, 1.0], [1.5, 0.5]],
        [[0.5, 0.3], [1.0, 0.6], [1.5, 0.8]],
    ]  # the one test accuracy is no line yet
    assert all(list(trace.y) == [None] for trace in curves.data)  # legend entries only
    assert list(curves.layout.yaxis.range) == [0, 2.5] and curves.layout.yaxis2.range == (0, 1)
    heights = [shape.y1 for shape in bars.layout.shapes]
    np.testing.assert_allclose(heights, dashboard.acts["softmax"], atol=1e-4)
    assert bars.data[0].hoverinfo == "skip" and set(bars.data[0].y) == {0.0}
    dashboard.refresh_views()
    assert curves.layout.shapes == () and bars.layout.shapes == ()
    assert list(curves.data[0].y) == [2.0, 1.0, 0.5] and list(curves.data[2].x) == [1]
    np.testing.assert_allclose(np.asarray(bars.data[0].y, dtype=float), dashboard.acts["softmax"])


def test_explanation_adds_up_to_the_map(dashboard):
    dashboard.select_map("conv2", 6)
    ex = cnn.explain_map(dashboard.model, dashboard.acts, dashboard.digits.image(), "conv2", 6)
    np.testing.assert_allclose(np.maximum(ex.total, 0), dashboard.acts["conv2"][6], atol=1e-4)
    assert_shows(dashboard.explain, 3, mosaic(ex.partials, cols=4, signed=True), DIVERGING, -1, 1)
    assert (
        "Map 6 of conv2" in dashboard._explain_text.value
        and "over 4 input maps" in dashboard._explain_text.value
    )
    dashboard.select_map("pool1", 1)
    assert "maximum of each 2×2 block" in dashboard._explain_text.value


def test_a_click_on_a_mosaic_selects_that_map(dashboard):
    class Points:  # what plotly passes to on_click
        point_inds = [0]
        xs = [13 * 1 + 2]  # second tile of pool1 (12×12 maps and a 1-pixel gap, 4 a row)
        ys = [3]

    # The transparent layer over pool1 (4 maps of 12×12 in one row) numbers its tiles.
    pool1 = dashboard.layers.data[1]
    assert dashboard.acts["pool1"].shape == (4, 12, 12)
    np.testing.assert_array_equal(np.asarray(pool1.z, dtype=float), tile_numbers(4, 12, 4))
    dashboard._on_map_click(pool1, Points(), None)
    assert (dashboard._layer.value, dashboard._map.value) == ("pool1", 1)


def test_stop_ends_training_quickly_and_busy_settings_are_refused(dashboard):
    dashboard.configure(epochs=10, images=2000, compare=False)
    dashboard.train()
    dashboard.configure(filters=(8, 8))
    assert "still training" in dashboard.error_text
    dashboard.stop()
    dashboard.wait_trained(30)
    assert "Stopped" in dashboard._status.value
    assert dashboard.architecture == ((4, 8), (5, 3))


def test_bad_settings_and_a_blank_drawing_give_messages(dashboard):
    dashboard.clear_error()
    dashboard.configure(filters=(5, 8))
    assert "5" in dashboard.error_text
    dashboard.configure(kernels=(9, 3))
    assert "kernel size" in dashboard.error_text
    dashboard.digits.source.value = "drawn"
    assert "empty" in dashboard.error_text
    dashboard.digits.source.value = "test"
    assert dashboard.error_text == ""


# ------------------------------------------------------------------- on a Polish page (issue 13)


@pytest.fixture(scope="module")
def polish_board():
    board = CnnDashboard(lang="pl").wait_ready()
    board.configure(filters=(4, 8), kernels=(3, 3), epochs=1, images=2000, compare=False)
    return board


@pytest.mark.parametrize(
    ("call", "settings", "key", "sentence"),
    [
        (
            "configure",
            {"filters": (5, 8)},
            "bad_filters",
            "Liczba filtrów warstwy 1 musi być jedną z wartości 4, 8, 16, 32, a podano 5.",
        ),
        (
            "configure",
            {"kernels": (3, 4)},
            "bad_kernel",
            "Rozmiar jądra warstwy 2 musi być jedną z wartości 3, 5, 7, a podano 4.",
        ),
        (
            "configure",
            {"epochs": 20},
            "bad_epochs",
            "Liczba epok musi być liczbą całkowitą od 1 do 10, a podano 20.",
        ),
        ("configure", {"epochs": 2.5}, "bad_epochs", None),
        (
            "configure",
            {"images": 5000},
            "bad_images",
            "Liczba obrazów uczących musi być jedną z wartości 2000, 8000, a podano 5000.",
        ),
        ("configure", {"compare": "tak"}, "bad_compare", None),
        (
            "select_map",
            {"layer": "conv3", "channel": 0},
            "bad_layer",
            "Nieznana warstwa 'conv3'; do wyboru: conv1, pool1, conv2, pool2.",
        ),
        (
            "select_map",
            {"layer": "pool1", "channel": 4},
            "bad_map",
            "Warstwa pool1 ma mapy o numerach od 0 do 3, a podano 4.",
        ),
        ("select_map", {"layer": "conv2", "channel": "x"}, "bad_map", None),
    ],
)
def test_bad_settings_are_student_errors_told_in_polish(
    polish_board, call, settings, key, sentence
):
    shown = shown_errors(polish_board)
    polish_board.clear_error()
    getattr(polish_board, call)(**settings)
    names = "conv1 pool1 conv2 pool2 conv3 compare True False tak"
    said, details = assert_student_error(shown[-1], f"cnn.{key}", names)
    assert polish_board.error_text == said and details == ""
    assert sentence is None or said == sentence
    assert polish_board.architecture == ((4, 8), (3, 3))
    assert polish_board._epochs.value == 1 and polish_board._images.value == 2000


def test_settings_while_training_are_refused_in_polish(polish_board):
    polish_board.clear_error()
    shown = shown_errors(polish_board)
    polish_board.train()
    try:
        polish_board.configure(filters=(8, 8))
        polish_board.rebuild()
        polish_board.train()
    finally:
        polish_board.stop()
        polish_board.wait_trained(60)
    busy = [error for error in shown if getattr(error, "key", None) == "cnn.busy"]
    assert len(busy) == 3, shown
    sentence, _ = assert_student_error(busy[0], "cnn.busy", "Stop")  # the button's name
    assert sentence.startswith("Sieć się jeszcze uczy") and "Stop" in sentence
    assert polish_board.architecture == ((4, 8), (3, 3))


# ------------------------------------------------------------------- without MNIST (issue 13)


def test_without_mnist_the_polish_page_says_what_to_do_in_polish(no_mnist):
    board = CnnDashboard(lang="pl").wait_ready()
    sentence, details = board.error_text, board.error_details
    assert sentence == MNIST_TEXT.get("unavailable", "pl", variable=MNIST_DIR_ENV)
    assert_polish(
        sentence,
        MNIST_TEXT.get("unavailable", "en", variable=MNIST_DIR_ENV),
        MNIST_DIR_ENV,
        "MNIST idx folder",  # "folder" is Polish too
    )
    leaked = english_words(details, MNIST_DIR_ENV, "MNIST") & english_words(sentence)
    assert not leaked, f"English words of the technical message in the sentence: {leaked}"
    assert "MnistUnavailableError" in details and URL_FAILURE in details
    board.train()  # no data: the same sentence again, and no training
    assert board.error_text == sentence and not board._trainer.running
    board.clear_error()
    board.configure(images=2000)  # no images to count: what to fix first
    assert board.error_text == sentence


# ------------------------------------------------------------------- a student's menu (issue 24)


def test_an_architecture_menu_answers_with_the_counts_before_keras_builds(monkeypatch):
    """A student's kernel menu shows the new parameter counts at once; the Keras network and
    its views follow from the builds' worker (the old code built them before answering).
    A menu switched back finds its untrained network kept; a trained one is never reused."""
    import threading

    from widgets.cnn import dashboard as module

    board = CnnDashboard(lang="en").wait_ready()
    board.configure(filters=(4, 8), kernels=(3, 3), epochs=1, images=2000, compare=False)
    first = board.model
    release, calls = threading.Event(), []
    build = cnn.build_cnn

    def slow_build(filters, kernels, seed=0):
        calls.append(kernels)
        release.wait(30)
        return build(filters, kernels, seed=seed)

    monkeypatch.setattr(module.cnn_model, "build_cnn", slow_build)
    pressed = threading.Thread(target=lambda: setattr(board._kernel1, "value", 5))
    pressed.start()
    pressed.join(10)
    try:
        assert not pressed.is_alive(), "the menu's observer waited for the Keras build"
        want = number(cnn.count_params((4, 8), (5, 3)), "en", ",")
        assert want in board._status.value and want in board._table.value
    finally:
        release.set()
        pressed.join(30)
    board.wait_built()
    assert board.model.get_layer("conv1").kernel.shape[:2] == (5, 5)
    assert board.acts["conv1"].shape == (4, 24, 24)  # the views are the new network's
    board._kernel1.value = 3  # kept from before: no build
    board.wait_built()
    assert board.model is first and calls == [(5, 3)]
    board.train(background=False)  # this network trains ...
    board._kernel1.value = 5
    board._kernel1.value = 3  # ... so the same architecture is built anew
    board.wait_built()
    assert board.model is not first and calls[-1] == (3, 3)
