"""Lesson 07 dashboard, driven headless: controls → the Keras model and the figures."""

from __future__ import annotations

import datetime
import time

import numpy as np
import pytest
from message_checks import sent_in_order
from plotly.callbacks import Points

from widgets.backend import load_keras
from widgets.figures.png import decode_data_url
from widgets.playground import PlaygroundDashboard, view
from widgets.playground.network_figure import DOTS, TILES
from widgets.playground.neurons import CLICKS, TEST, TRAIN
from widgets.playground.view import tile_markers as markers

keras = load_keras(timeout=120)

from widgets.models.playground import dense_layers  # noqa: E402

NOW = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


def click(trace, x, y, index=0):
    """What plotly does on a click in the browser."""
    trace._dispatch_on_click(Points([index], [x], [y], trace.name, 0), None)


def units(dashboard):
    return [layer.units for layer in dense_layers(dashboard.model)]


@pytest.fixture(scope="module")
def spiral():
    dashboard = PlaygroundDashboard("en", query="data=spiral&layers=8,8").wait_ready()
    yield dashboard
    dashboard.pause()


def test_url_state_builds_the_model(spiral):
    assert units(spiral) == [8, 8, 1]
    assert spiral.model.layers[0].activation.__name__ == "tanh"
    assert spiral.error_text == ""
    z = spiral.output_values
    assert z.shape == (50, 50) and np.all(np.abs(z) <= 1)
    image = decode_data_url(spiral.output_figure.layout.images[0].source)
    assert image.shape == (50, 50, 4)
    # the image shows the values: blue where the output is most positive, orange where least
    top, low = np.unravel_index(np.argmax(z), z.shape), np.unravel_index(np.argmin(z), z.shape)
    assert image[top][2] > image[top][0] and image[low][0] > image[low][2]
    assert len(spiral.output_figure.data[TRAIN].x) == 250
    assert len(spiral.network_figure.data[DOTS].x) == 2 * 8 + 8 * 8 + 8
    assert "data=spiral" in spiral.link and "layers=8,8" in spiral.link


def _past_a_drawn_point(dashboard, epochs: int) -> bool:
    """Trained past ``epochs`` and past a point a frame added to the loss curve."""
    drawn = list(dashboard.history.epochs)
    epoch = dashboard.trainer.epoch
    return epoch > epochs and len(drawn) >= 2 and epoch > drawn[-1] > 0


def test_play_trains_in_the_background_and_pause_stops(spiral):
    before = spiral.output_values.copy()
    source = spiral.output_figure.layout.images[0].source
    loss_before = spiral.trainer.evaluate()["train_loss"]
    spiral._play.value = True  # the ▶ button
    # Until 30 epochs are done and a frame has drawn a point of the curve on the way, with
    # training gone on past it (about 0.2 s idle; the first call traces for seconds, and a
    # loaded machine is slower still): a fixed sleep failed under load, and so did waiting
    # for the epochs alone (CI, load ~9: no frame came before epoch 46, the curve had 2 points).
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not _past_a_drawn_point(spiral, epochs=30):
        time.sleep(0.05)
    assert spiral.running
    spiral._play.value = False
    assert not spiral.running
    epoch = spiral.trainer.epoch
    assert epoch > 30
    time.sleep(0.3)
    assert spiral.trainer.epoch == epoch  # really paused
    assert spiral.trainer.evaluate()["train_loss"] < loss_before
    assert not np.allclose(spiral.output_values, before)
    assert spiral.output_figure.layout.images[0].source != source
    curve = spiral.loss_figure.data[0]
    assert len(curve.x) >= 3 and curve.x[-1] == epoch
    assert f"{epoch}" in spiral._epoch_label.value.replace(" ", "")
    assert "Accuracy" in spiral._numbers.value


def test_learning_rate_changes_without_reset(spiral):
    epoch = spiral.trainer.epoch
    spiral._learning_rate.value = 0.1
    assert float(spiral.trainer.optimizer.learning_rate.numpy()) == pytest.approx(0.1)
    assert spiral.trainer.epoch == epoch
    spiral._regularization.value, spiral._regularization_rate.value = "l2", 0.01
    assert float(spiral.trainer.l2.numpy()) == pytest.approx(0.01)
    assert "reg=l2" in spiral.link


def test_step_button_trains_one_epoch(spiral):
    epoch = spiral.trainer.epoch
    spiral._step.click()
    assert spiral.trainer.epoch == epoch + 1


def test_click_on_link_edits_its_weight(spiral):
    dots = spiral.network_figure.data[DOTS]
    index = [tuple(c) for c in dots.customdata].index((1, 2, 3))
    assert "w = " in dots.text[index]  # hover text: the weight
    click(dots, dots.x[index], dots.y[index], index)
    spiral._weight.value = -1.5
    assert dense_layers(spiral.model)[1].kernel.numpy()[2, 3] == pytest.approx(-1.5)


def test_click_on_a_tile_enlarges_that_neuron(spiral):
    tiles = spiral.network_figure.data[TILES]
    index = [tuple(c) for c in tiles.customdata].index((2, 4))
    click(tiles, tiles.x[index], tiles.y[index], index)
    assert spiral.output_figure.layout.title.text == "Neuron 5, layer 2"
    spiral._show_output.click()
    assert spiral.output_figure.layout.title.text == "The network's output"


def test_network_controls_rebuild_the_model(spiral):
    spiral._layers_plus.click()
    assert units(spiral) == [8, 8, 2, 1]
    spiral._unit_buttons[2 * 2 + 1].click()  # layer 3: +
    assert units(spiral) == [8, 8, 3, 1]
    spiral._acts[2].value = "relu"
    assert spiral.model.get_layer("hidden_3").activation.__name__ == "relu"
    spiral._dropouts[0].value = 0.2
    assert any(isinstance(layer, keras.layers.Dropout) for layer in spiral.model.layers)
    spiral._features["x1sq"].value = True
    assert spiral.model.input_shape == (None, 3)
    assert spiral.trainer.epoch == 0  # a new network starts from epoch 0
    spiral._layers_minus.click()
    assert units(spiral) == [8, 8, 1]


def test_data_controls_keep_the_network_its_trace_and_figures(monkeypatch):
    """Noise, share, seed and batch size answer without a new Keras model, a retrace or a
    new network layout (issue 24): the points are updated in place."""
    dashboard = PlaygroundDashboard("en", query="data=circle&layers=4,2").wait_ready()
    model, output, network = dashboard.model, dashboard.output_figure, dashboard.network_figure
    traces = dashboard.trainer._train_fn.experimental_get_tracing_count()
    layouts = []  # each new layout of the network figure makes its tiles' markers
    monkeypatch.setattr(view, "tile_markers", lambda geo: layouts.append(geo) or markers(geo))
    points = np.array(output.data[TRAIN].x)
    dashboard.step(3)
    dashboard._noise.value = 30
    dashboard._train.value = 60
    dashboard._regenerate.click()
    dashboard._batch.value = 3
    dashboard.step(2)
    assert dashboard.model is model and dashboard.trainer.epoch == 2
    assert dashboard.trainer._train_fn.experimental_get_tracing_count() == traces
    assert dashboard.output_figure is output and dashboard.network_figure is network
    assert layouts == []  # the network figure was not laid out again
    assert not np.array_equal(np.array(output.data[TRAIN].x), points)
    assert len(output.data[TRAIN].x) == len(dashboard.split.x_train)
    dashboard._layers_plus.click()  # a new architecture is a new model and layout
    assert dashboard.model is not model and len(layouts) == 1
    dashboard.pause()


def test_a_menu_switched_back_restarts_the_network_it_had_without_a_build_or_trace():
    """Optimizer, activation and dropout menus (issue 24): the network of a setting seen
    before is kept and restarted from the seeded weights a new one would get; a new network
    is traced in the background, so the observer returns once it has drawn."""
    dashboard = PlaygroundDashboard("en", query="data=xor&layers=4").wait_ready()
    sgd_model = dashboard.model
    start = [w.copy() for w in sgd_model.get_weights()]
    dashboard.step(5)  # sgd's weights move away from their start
    dashboard._optimizer.value = "adam"
    adam = dashboard.trainer
    assert dashboard.model is not sgd_model
    deadline = time.monotonic() + 30
    while not adam.traced and time.monotonic() < deadline:  # traced off the observer
        time.sleep(0.01)
    assert adam.traced and adam._train_fn.experimental_get_tracing_count() == 1
    dashboard._optimizer.value = "sgd"  # back: the same model, restarted, not retraced
    assert dashboard.model is sgd_model and dashboard.trainer.epoch == 0
    for kept, fresh in zip(sgd_model.get_weights(), start, strict=True):
        np.testing.assert_array_equal(kept, fresh)
    traces = dashboard.trainer._train_fn.experimental_get_tracing_count()
    dashboard._optimizer.value = "adam"
    assert dashboard.trainer is adam and adam.epoch == 0
    dashboard.step(2)  # trains at once on the kept, traced step
    assert adam.epoch == 2 and adam._train_fn.experimental_get_tracing_count() == 1
    dashboard._optimizer.value = "sgd"
    assert dashboard.trainer._train_fn.experimental_get_tracing_count() == traces


def test_a_new_network_is_traced_only_once_the_menus_rest():
    """Issue 24: a trace (0.2-1 s holding the interpreter lock) started at each new
    network, and the next key press on the menu waited behind it. The trace of the
    network shown now waits WARM_UP_DELAY seconds; another new network cancels it."""
    dashboard = PlaygroundDashboard("en", query="data=xor&layers=4").wait_ready()
    menu = dashboard._acts[0]
    menu.value = "relu"
    relu, waiting = dashboard.trainer, dashboard._warm_up_timer
    assert not relu.traced and waiting.interval >= 0.5 and not waiting.finished.is_set()
    menu.value = "sigmoid"
    assert waiting.finished.is_set()  # cancelled: relu is traced when chosen again
    sigmoid = dashboard.trainer
    dashboard._warm_up_timer.join(30)  # the newest one is traced after the delay
    assert sigmoid.traced and not relu.traced
    menu.value = "relu"
    dashboard._warm_up_timer.join(30)
    assert relu.traced
    dashboard.step(1)  # trains on the step traced in the background, not a new one
    assert relu._train_fn.experimental_get_tracing_count() == 1


def test_a_new_network_on_the_same_points_leaves_the_points_unsent(monkeypatch):
    """Issue 24: every rebuild sent the output plot's points again (50 ms of plotly's
    validation in the kernel, a whole redraw of the plot in the page) though a menu
    changes only the network; new data still send them."""
    board = PlaygroundDashboard("en", query="data=xor&layers=4").wait_ready()
    drawn = []
    draw_points = board._draw_points
    monkeypatch.setattr(
        board, "_draw_points", lambda figure: drawn.append(1) or draw_points(figure)
    )
    board._acts[0].value = "relu"
    board._optimizer.value = "adam"
    assert drawn == [] and board.trainer.spec.hidden[0].activation == "relu"
    board._noise.value = board._noise.value + 5
    assert drawn == [1]
    x = np.array(board.output_figure.data[TRAIN].x, dtype=float)
    np.testing.assert_allclose(x, board.split.x_train[:, 0], atol=1e-3)


@pytest.mark.parametrize("lang", ["en", "pl"])
def test_controls_that_change_nothing_are_disabled_with_their_reason(lang):
    dashboard = PlaygroundDashboard(lang, query="data=circle").wait_ready()
    classes = dashboard._classes
    assert classes.disabled and classes.tooltip
    assert ("two classes" if lang == "en" else "dwie klasy") in classes.tooltip
    dashboard._data.value = "gauss"
    assert not classes.disabled and not classes.tooltip
    classes.value = 3
    assert dashboard.split.classes == 3
    dashboard._data.value = "xor"
    assert classes.disabled and classes.tooltip
    rate = dashboard._regularization_rate  # no penalty: its rate changes nothing
    assert dashboard._regularization.value == "none" and rate.disabled
    assert ("L1 or L2" if lang == "en" else "L1 lub L2") in rate.tooltip
    dashboard._regularization.value = "l2"
    assert not rate.disabled and not rate.tooltip
    dashboard.pause()


def test_no_features_gives_a_message_and_keeps_the_model(spiral):
    for button in spiral._features.values():
        button.value = False
    assert "at least one input feature" in spiral.error_text
    assert spiral.model is not None
    spiral._features["x1"].value = True
    assert spiral.model.input_shape == (None, 1)


def test_show_test_points_only_shows_or_hides_them(spiral, monkeypatch):
    computed = []  # the network's outputs on the grid: not needed to hide points
    layer_outputs = spiral.trainer.layer_outputs
    monkeypatch.setattr(
        spiral.trainer, "layer_outputs", lambda x: computed.append(1) or layer_outputs(x)
    )
    image = spiral.output_figure.layout.images[0].source
    spiral._show_test.value = not spiral._show_test.value
    assert spiral.output_figure.data[TEST].visible is spiral._show_test.value
    spiral._show_test.value = not spiral._show_test.value
    assert spiral.output_figure.data[TEST].visible is spiral._show_test.value
    assert computed == [] and spiral.output_figure.layout.images[0].source == image


def test_discretize_output(spiral):
    spiral._discretize.value = True
    z = spiral.output_values
    assert set(np.unique(z)) <= {-1.0, 0.0, 1.0} and len(np.unique(z)) >= 2
    spiral._discretize.value = False


def test_multiclass_softmax_with_confusion_matrix():
    dashboard = PlaygroundDashboard("pl", query="data=gauss&classes=3&layers=4").wait_ready()
    assert units(dashboard) == [4, 3]
    assert dashboard.model.layers[-1].activation.__name__ == "softmax"
    dashboard.step(20)
    assert "dl-confusion" in dashboard._confusion.value
    assert "Dokładność" in dashboard._numbers.value  # Polish
    # click-to-add a class-2 point
    n = len(dashboard.split.x_train)
    dashboard._adding.value = 2
    click(dashboard.output_figure.data[CLICKS], 1.0, -2.0)
    assert len(dashboard.split.x_train) == n + 1 and dashboard.split.y_train[-1] == 2
    assert len(dashboard.output_figure.data[TRAIN].x) == n + 1


def test_budget_stops_exactly_and_divergence_is_caught():
    dashboard = PlaygroundDashboard("en", query="data=plane&layers=&budget=40").wait_ready()
    assert units(dashboard) == [1]
    dashboard.play()
    dashboard.wait_epochs(40, timeout=30)
    dashboard._loop.pause()
    assert dashboard.trainer.epoch == 40
    assert "Epoch budget reached: 40." in dashboard._status.value
    assert not dashboard._play.value
    # a learning rate far too large: the loss explodes, the last finite weights come back
    dashboard._budget.value = 0
    dashboard._learning_rate.value = 10.0
    dashboard._features["x1sq"].value = True
    dashboard._batch.value = 30
    dashboard.play()
    deadline = time.monotonic() + 60
    while dashboard.running and time.monotonic() < deadline:
        time.sleep(0.05)
    assert "diverged" in dashboard._status.value
    assert dashboard.trainer.weights_finite()


def test_csv_upload_and_bad_files():
    dashboard = PlaygroundDashboard("en").wait_ready()
    bad = {
        "name": "bad.csv",
        "content": b"1,2\n",
        "type": "text/csv",
        "size": 4,
        "last_modified": NOW,
    }
    dashboard._upload_button.value = (bad,)
    assert "3 columns" in dashboard.error_text
    rows = "\n".join(f"{x},{-x},{int(x > 0)}" for x in np.linspace(-5, 5, 40))
    good = {
        "name": "mine.csv",
        "content": rows.encode(),
        "type": "text/csv",
        "size": 1,
        "last_modified": NOW,
    }
    dashboard._upload_button.value = (good,)
    assert dashboard.error_text == ""
    assert dashboard._data.value == "upload"
    assert len(dashboard.split.x_train) + len(dashboard.split.x_test) == 40
    assert "40 points" in dashboard._status.value


def test_bad_url_is_reported_not_fatal():
    dashboard = PlaygroundDashboard("pl", query="layers=99&noise=x").wait_ready()
    assert "layers=99" in dashboard.error_text and "noise=x" in dashboard.error_text
    assert units(dashboard) == [4, 2, 1]  # the defaults


def test_preset_hides_sections():
    dashboard = PlaygroundDashboard("en", query="preset=hidden-layer").wait_ready()
    assert dashboard.sections["features"].layout.display == "none"
    assert dashboard.sections["data"].layout.display is None
    assert units(dashboard) == [1]


@pytest.mark.parametrize(("lang", "smallest"), [("pl", "0,00001"), ("en", "0.00001")])
def test_rate_menus_write_every_digit_the_page_way(lang, smallest):
    """TensorFlow Playground's menu reads 0.00001; "1e−05" is no way to write a rate."""
    controls = PlaygroundDashboard(lang=lang)._learning_rate
    labels = [label for label, _ in controls.options]
    assert labels[0] == smallest
    assert not any("e" in label for label in labels)
    separator = "," if lang == "pl" else "."
    assert all(separator in label for label, value in controls.options if value < 1)


# ------------------------------------------------- what a press sends first (issue 24)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "= 25 training steps an epoch (250 training points)"),
        ("pl", "= 25 kroków treningu na epokę (250 punktów uczących)"),
    ],
)
def test_the_batch_size_shows_the_steps_an_epoch_takes(lang, words):
    """The batch size changes nothing else before the next step: the steps an epoch takes
    are shown beside it (the slider changed nothing visible), and follow the data."""
    board = PlaygroundDashboard(lang=lang, query="data=gauss&train=50&batch=10").wait_ready()
    n = len(board.split.x_train)
    assert n == 250 and words in board._steps_label.value
    board._batch.value = 30
    assert f"= {-(-n // 30)} " in board._steps_label.value
    board._train.value = 20
    n = len(board.split.x_train)
    assert f"= {-(-n // 30)} " in board._steps_label.value and f"({n} " in board._steps_label.value


def test_new_data_send_the_numbers_first_and_discretize_only_the_output(monkeypatch):
    """New noise restarts the network from the same weights: the numbers go first, the
    points' colours follow, and the network's links, unchanged, are not sent again (their
    new x and y made plotly lay the network out anew at every press). The discretize box
    sends the output image alone."""
    board = PlaygroundDashboard(lang="en", query="").wait_ready()
    sent = sent_in_order(monkeypatch)
    board._noise.value = board._noise.value + 5
    assert sent.index(board._numbers) < sent.index(board.output_figure)
    assert board.network_figure not in sent
    board.step()  # the weights change: the links follow
    assert board.network_figure in sent
    sent.clear()
    board._discretize.value = not board._discretize.value
    assert board.output_figure in sent
    assert board.network_figure not in sent and board.loss_figure not in sent
    assert board._numbers not in sent
