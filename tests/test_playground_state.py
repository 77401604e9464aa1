"""Lesson 07: URL state and presets, CSV upload checks, exported Keras code, figures."""

from __future__ import annotations

import re
import time

import numpy as np
import pytest

from widgets.figures.png import data_url, decode_data_url, diverging_rgb
from widgets.playground.curves import History
from widgets.playground.network_figure import (
    PIXELS,
    WIDTHS,
    dots_data,
    geometry,
    links_data,
    mosaic,
    tile_markers,
)
from widgets.playground.neurons import GRID, THUMB_PIXELS, grid_points, thumbnail
from widgets.playground.state import DEFAULT, PRESETS, State, check, from_query, to_query
from widgets.playground.upload import MAX_ROWS, CsvError, parse_csv


# ------------------------------------------------------------------------------- state
def test_default_state_has_an_empty_query():
    assert to_query(State()) == ""
    assert from_query("") == (DEFAULT, [])


def test_state_round_trips_through_the_query_string():
    state = State(
        data="spiral",
        noise=25,
        batch=3,
        classes=4,
        features=("x1", "x2", "sinx1"),
        layers=(8, 6, 2),
        acts=("relu", "tanh", "sigmoid"),
        dropout=(0.2, 0.0, 0.1),
        lr=0.1,
        opt="adam",
        reg="l2",
        rate=0.003,
        discretize=True,
        test=True,
        budget=500,
        early=True,
        hide=("features",),
    )
    query = to_query(state)
    assert "data=spiral" in query and "layers=8,6,2" in query
    assert from_query(query) == (state, [])


def test_bad_query_values_are_skipped_and_reported():
    state, problems = from_query("noise=80&layers=9&data=moons&lr=abc&colour=red&batch=4")
    assert state.noise == DEFAULT.noise and state.layers == DEFAULT.layers
    assert state.data == DEFAULT.data and state.lr == DEFAULT.lr
    assert state.batch == 4  # the good one is kept
    assert len(problems) == 5
    assert any(p.startswith("noise=80") for p in problems)


def test_query_problems_name_what_is_allowed_in_no_language():
    """The banner around them is translated; Python's English words never reach it."""
    _, problems = from_query(
        "budget=1.5&batch=abc&layers=a&dropout=x&lr=nan&early=2&features=&data=moons"
    )
    assert problems == [
        "budget=1.5: 0-100000",
        "batch=abc: 1-30",
        "layers=a: 0-6 × 1-8",
        "dropout=x: [0, 1)",
        "lr=nan: [0, 100)",
        "early=2: 0, 1",
        "data=moons: circle, xor, gauss, spiral, plane, bump",
        "features=: x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2",
    ]


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("budget", 40, 40),
        ("budget", 40.0, 40),
        ("budget", np.int64(3), 3),
        ("lr", 0.1, 0.1),
        ("early", 1, True),
        ("layers", [3, 3], (3, 3)),
        ("features", "x1,x2sq", ("x1", "x2sq")),
        ("data", "spiral", "spiral"),
    ],
)
def test_settings_from_code_are_checked_like_the_url(name, value, expected):
    assert check(name, value) == expected


@pytest.mark.parametrize(
    ("name", "value", "allowed"),
    [
        ("budget", -5, "0-100000"),
        ("budget", 2.5, "0-100000"),
        ("budget", "12", "0-100000"),
        ("budget", True, "0-100000"),
        ("budget", float("nan"), "0-100000"),
        ("budget", None, "0-100000"),
        ("batch", 0, "1-30"),
        ("lr", -0.1, "[0, 100)"),
        ("lr", "0.1", "[0, 100)"),
        ("layers", 5, "0-6 × 1-8"),
        ("layers", (9,), "0-6 × 1-8"),
        ("early", 2, "0, 1"),
        ("data", "moons", "circle, xor"),
        ("colour", "red", "data, noise"),
    ],
)
def test_nonsense_settings_from_code_are_refused(name, value, allowed):
    with pytest.raises(ValueError, match=re.escape(allowed)):
        check(name, value)


def test_per_layer_lists_follow_the_number_of_layers():
    state, _ = from_query("layers=3,3,3&acts=relu")
    assert state.acts == ("relu", "tanh", "tanh") and state.dropout == (0.0, 0.0, 0.0)


def test_presets_set_state_and_hide_sections():
    state, problems = from_query("preset=hidden-layer")
    assert problems == []
    assert state.data == "xor" and state.layers == () and "features" in state.hide
    state, _ = from_query("preset=spiral&lr=0.1")  # explicit values win over the preset
    assert state.layers == (8, 8) and state.lr == 0.1
    assert set(PRESETS) >= {"hidden-layer", "features", "spiral", "overfitting"}
    assert from_query("preset=nope")[1]


# ------------------------------------------------------------------------------ upload
def test_csv_with_header_and_classes():
    X, labels, regression = parse_csv(b"x1,x2,label\n0,1,0\n1,0,1\n2,2,2\n-1,-1,0\n", "en")
    assert X.shape == (4, 2) and list(labels) == [0, 1, 2, 0] and not regression


def test_csv_with_real_labels_is_regression():
    _, labels, regression = parse_csv("0,1,0.5\n1,0,-0.2\n2,2,1\n3,3,7\n")
    assert regression and labels.dtype == np.float32


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"", "empty"),
        (b"1,2\n3,4\n", "3 columns"),
        (b"1,2,0\n3,x,1\n1,1,1\n0,0,0\n", "'x'"),
        (b"1,2,0\n3,4,0\n1,1,0\n0,0,0\n", "same class"),
        (b"\xff\xfe\x00", "UTF-8"),
        (b"1,2,0\n", "Too few"),
        (("1,1,0\n" * (MAX_ROWS + 1)).encode(), "Too many"),
    ],
)
def test_bad_csv_files_get_clear_messages(content, words):
    with pytest.raises(CsvError, match=words):
        parse_csv(content, "en")


def test_csv_messages_are_polish_by_default():
    with pytest.raises(CsvError, match="kolumn"):
        parse_csv(b"1,2\n")


# ------------------------------------------------------------------------------ figures
def test_mosaic_places_every_tile_on_a_transparent_image():
    sizes = [2, 3, 1]
    geo = geometry(sizes)
    tiles = [[np.full((THUMB_PIXELS, THUMB_PIXELS), 0.5 - r) for r in range(n)] for n in sizes]
    pixels, place = mosaic(geo, tiles)
    opaque = pixels[..., 3] == 255
    assert opaque.sum() == 6 * THUMB_PIXELS**2  # every tile drawn, nothing else
    assert place["sizex"] == pixels.shape[1] / PIXELS
    # the middle column's third tile (value -1.5, clipped to -1: orange) is where it should be
    x, y = geo.origins[1][2]
    bottom = min(y0 for origins in geo.origins for _, y0 in origins)
    row, col = int(round((y - bottom) * PIXELS)) + 2, int(round(x * PIXELS)) + 2
    np.testing.assert_array_equal(pixels[row, col], diverging_rgb(np.array(-1.0)))
    assert geo.tile_at(x + 1, y + 1) == (1, 2) and geo.tile_at(-100, -100) is None
    markers = tile_markers(geo)
    assert markers["customdata"][3] == [1, 1] and len(markers["x"]) == 6


def test_links_group_by_sign_and_width():
    geo = geometry([2, 2, 1])
    kernels = [np.array([[1.0, -0.1], [0.5, 0.0]]), np.array([[-2.0], [0.3]])]
    traces = links_data(geo, kernels)
    assert len(traces) == 2 * len(WIDTHS)
    segments = [int(np.sum(np.isnan(t["x"]))) for t in traces]  # one NaN ends each link
    # width class = int(|w| / 2.0 * 5): negative -0.1 → 0, -2.0 → 4;
    # positive 0.0, 0.3 → 0, 0.5 → 1, 1.0 → 2
    assert segments == [1, 0, 0, 0, 1, 2, 1, 1, 0, 0]
    x0, x1, _ = traces[4]["x"]  # the -2.0 link: from the hidden column to the output
    assert (x0, x1) == geo.link_ends(1, 0, 0)[::2]
    dots = dots_data(geo, kernels)
    assert len(dots["x"]) == 6 and dots["customdata"][4] == [1, 0, 0]
    assert "w = -2.000" in dots["text"]


def test_png_round_trip_and_colours():
    values = np.array([[-1.0, 0.0], [1.0, np.nan]])
    pixels = diverging_rgb(values)
    assert tuple(pixels[0, 0, :3]) == (245, 147, 34)  # orange
    assert tuple(pixels[1, 0, :3]) == (8, 119, 189)  # blue
    assert pixels[1, 1, 3] == 0 and pixels[0, 1, 3] == 255  # NaN is transparent
    url = data_url(pixels)
    assert url.startswith("data:image/png;base64,")
    np.testing.assert_array_equal(decode_data_url(url), pixels)


def test_thumbnail_samples_the_grid():
    values = grid_points(6.0)[:, 0]  # x1 over the grid
    tile = thumbnail(values)
    assert tile.shape == (THUMB_PIXELS, THUMB_PIXELS)
    assert np.all(np.diff(tile, axis=1) > 0) and np.all(np.diff(tile, axis=0) == 0)
    assert len(values) == GRID * GRID


def test_history_thins_out_long_runs():
    history = History()
    for epoch in range(5000):
        history.add(epoch, 1 / (epoch + 1), 2 / (epoch + 1))
    assert len(history.epochs) <= 300 and history.epochs[0] == 0
    assert history.epochs[-1] > 4900
    data = history.trace_data()
    assert data[1]["y"][0] == 2.0


# ------------------------------------------------------------------------------ loop
def test_training_loop_draws_while_training_and_stops_when_told():
    from widgets.training import TrainingLoop

    done, ended = [], []

    def step(epochs):
        time.sleep(0.005)
        done.append(epochs)

    loop = TrainingLoop(
        step,
        on_frame=lambda: None,
        should_stop=lambda: sum(done) >= 400,
        on_end=ended.append,
        frame_interval=0.02,
    )
    loop.start()
    loop._thread.join(10)
    assert not loop.running and ended == [None]
    assert sum(done) >= 400 and max(done) > 1  # several epochs per call once adapted
    assert loop.frames >= 2  # the painter drew meanwhile, and the final frame was drawn


def test_training_loop_pause_and_errors():
    from widgets.training import TrainingLoop

    ended = []
    loop = TrainingLoop(lambda epochs: time.sleep(0.002), lambda: None, on_end=ended.append)
    loop.start()
    time.sleep(0.1)
    loop.pause()
    assert not loop.running and ended == [None]

    def broken(epochs):
        raise RuntimeError("boom")

    loop = TrainingLoop(broken, lambda: None, on_end=ended.append)
    loop.start()
    loop._thread.join(5)
    assert isinstance(ended[-1], RuntimeError)
