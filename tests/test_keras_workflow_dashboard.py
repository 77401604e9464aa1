"""Lesson 09's dashboard driven headless: define, compile, fit in the background,
evaluate, predict, and every kind of bad input the issue lists (the last good model is
kept and a message is shown)."""

from __future__ import annotations

import re
import time

import numpy as np
import pytest

from widgets.backend import load_keras
from widgets.canvas import SENT_PIXELS
from widgets.data import one_hot, preprocess_images
from widgets.data.drawn import to_mnist
from widgets.keras_workflow import KerasWorkflowDashboard, check_param_count, check_small_model
from widgets.keras_workflow.define import summary_html
from widgets.models import mlp

keras = load_keras(timeout=120)


@pytest.fixture(scope="module")
def dash() -> KerasWorkflowDashboard:
    dashboard = KerasWorkflowDashboard(lang="en").wait_ready()
    dashboard._fit.epochs.value = 2
    return dashboard


def weights_of(model) -> list[np.ndarray]:
    return [w.copy() for w in model.get_weights()]


def train(dashboard, from_scratch=True, timeout=90):
    trainer = dashboard.train(from_scratch)
    assert trainer.join(timeout), "training did not finish"
    return trainer


def test_starts_with_the_lecture_model_and_says_which_data(dash):
    assert isinstance(dash.model, keras.Sequential)
    assert mlp.layers_of(dash.model) == list(mlp.LECTURE_LAYERS)
    assert dash.model.count_params() == 235_146
    assert "235,146" in dash._summary.value and "(None, 128)" in dash._summary.value
    assert "8,000 training images" in dash._data_label.value
    assert "local MNIST copy" in dash._data_label.value
    assert "2,000 test images" in dash._data_label.value
    assert isinstance(dash.model.optimizer, keras.optimizers.RMSprop)
    assert "keras.layers.Dropout(0.4)" in dash.code()
    assert dash.error_text == ""


def test_fit_draws_live_curves_then_evaluates(dash):
    trainer = train(dash)
    assert trainer.error is None and not trainer.stopped
    curves = dash._fit.curves
    assert curves.val_x == [1.0, 2.0]
    # batch_progress: training points inside epochs, not only at their ends
    assert any(0 < x % 1 for x in curves.train_x)
    figure = curves.figure
    assert list(figure.data[1].x) == [1.0, 2.0] and len(figure.data[0].x) == len(curves.train_x)
    assert dash._fit.progress.value == pytest.approx(1.0)
    assert "Trained 2 epochs" in dash._fit.status.value
    # evaluation: against the model's own predictions, computed here
    x_test, labels = dash._x_test, dash.data.y_test
    predicted = np.asarray(dash.model(x_test, training=False)).argmax(axis=1)
    accuracy = np.mean(predicted == labels)
    assert accuracy > 0.85
    assert f"{accuracy:.2%}" in dash._evaluate.result.value
    counts = np.array(dash._evaluate.matrix_figure.data[0].text)
    np.testing.assert_array_equal(counts, mlp.confusion_matrix(labels, predicted))
    # a confusion cell -> its images (the cell menus: enabled by the evaluation)
    assert not dash._evaluate.true_digit.disabled and not dash._evaluate.predicted_digit.tooltip
    dash._evaluate.true_digit.value, dash._evaluate.predicted_digit.value = 7, 7
    n_sevens = int(np.sum((labels == 7) & (predicted == 7)))
    assert f": {n_sevens} images" in dash._evaluate.images_figure.layout.title.text
    assert np.array(dash._evaluate.images_figure.data[0].z, dtype=float).shape[1] > 28


def test_the_cell_menus_wait_for_an_evaluation_and_say_so():
    """Issue 24: before an evaluation the true/predicted menus change nothing visible: they
    are disabled, their tooltip says why, in the page's language."""
    for lang, words in (("en", "Evaluate the model first"), ("pl", "Najpierw oceń model")):
        board = KerasWorkflowDashboard(lang=lang).wait_ready()
        for menu in (board._evaluate.true_digit, board._evaluate.predicted_digit):
            assert menu.disabled and menu.tooltip.startswith(words)


def test_predict_test_image_and_drawing(dash):
    dash._predict.source.value = "test"
    dash._predict.index.value = 5
    bars = np.array(dash._predict.bars.data[0].y, dtype=float)
    expected = np.asarray(dash.model(dash._x_test[5:6], training=False))[0]
    np.testing.assert_allclose(bars, expected, atol=1e-5)
    assert f"true digit: {dash.data.y_test[5]}" in dash._predict.answer.value
    pixels = np.zeros((SENT_PIXELS, SENT_PIXELS), dtype=np.uint8)
    pixels[15:95, 52:62] = 255  # a "1"
    dash._predict.canvas.draw(pixels)
    assert dash._predict.source.value == "drawn"
    bars = np.array(dash._predict.bars.data[0].y, dtype=float)
    expected = np.asarray(dash.model(to_mnist(pixels).reshape(1, 784), training=False))[0]
    np.testing.assert_allclose(bars, expected, atol=1e-5)
    dash._predict.canvas.clear()
    assert "empty" in dash._predict.answer.value
    assert np.allclose(np.array(dash._predict.bars.data[0].y, dtype=float), 0.0)
    dash._predict.source.value = "test"


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        ({"units": 0}, "needs 1 to 4096 units, not 0"),
        ({"kind": "dropout", "rate": 1.0}, "dropout rate must be in [0, 1)"),
    ],
)
def test_bad_layer_keeps_the_last_good_model(dash, edit, message):
    before = dash.model
    dash._builder.list.index = 0
    dash._builder.set_selected(**edit)
    assert message in dash.error_text and "previous model is kept" in dash.error_text
    assert dash.model is before
    dash._builder.set_layers(mlp.LECTURE_LAYERS)
    assert dash.error_text == ""


def test_empty_model_and_missing_softmax(dash):
    while dash._builder.layers:
        dash._builder.list.index = 0
        dash._builder.remove.click()
    assert "no Dense layer" in dash.error_text
    # the last list that could learn: only the output layer was left
    assert mlp.layers_of(dash.model) == [mlp.dense(10, "softmax")]
    before = dash.model
    dash._builder.set_layers([mlp.dense(32), mlp.dense(10, "relu")])
    assert "softmax" in dash.error_text and dash.model is before
    dash._builder.reset.click()
    assert dash.error_text == "" and mlp.layers_of(dash.model) == list(mlp.LECTURE_LAYERS)


def test_image_input_needs_flatten(dash):
    dash._input.value = "image"
    assert "(28, 10)" in dash.error_text and dash.model.input_shape == (None, 784)
    dash._builder.list.index = 0
    dash._builder.add.click()  # a Dense(64) after the first layer...
    dash._builder.set_selected(kind="flatten")  # ...turned into Flatten
    dash._builder.list.index = 1
    dash._builder.up.click()  # Flatten first
    assert dash.error_text == ""
    assert dash.model.input_shape == (None, 28, 28) and dash.model.output_shape == (None, 10)
    assert "reshape(-1, 28, 28)" in dash.code()
    dash._builder.list.index = 0
    dash._builder.remove.click()
    dash._input.value = "flat"
    assert dash.error_text == "" and dash.model.input_shape == (None, 784)


def test_a_layer_edit_collects_no_garbage_and_a_menu_switched_back_finds_its_model(
    dash, monkeypatch
):
    """Issue 24: Keras' clear_session ran a full garbage collection at every edit of the
    layer list (0.3-1 s with TensorFlow loaded: the kind and activation menus answered in
    ~1 s). An edit now skips it, shows the summary from the formulas, and keeps the
    untrained models of recent lists; a model that was frozen or trained is not kept."""
    import gc

    collections = []
    monkeypatch.setattr(gc, "collect", lambda *args, **kwargs: collections.append(1) or 0)
    builder = dash._builder
    builder.set_layers(mlp.LECTURE_LAYERS)
    lecture = dash.model
    builder.list.index = 2  # Dense(128, relu)
    builder.set_selected(activation="tanh")
    assert dash.model is not lecture and collections == []
    assert dash.model.layers[2].get_config()["activation"] == "tanh"
    rows = mlp.planned_summary_rows(mlp.layers_of(dash.model))
    assert dash._summary.value == summary_html(rows, [True] * 4, "en")
    assert rows == mlp.summary_rows(dash.model)
    tanh = dash.model
    builder.set_selected(activation="relu")
    assert dash.model is lecture
    dash._files.freeze.value = (0,)  # the lecture's model changes ...
    builder.set_selected(activation="tanh")
    builder.set_selected(activation="relu")
    assert dash.model is not lecture and dash.model is not tanh  # ... so nothing is kept
    assert dash.model.layers[0].trainable
    builder.set_layers(mlp.LECTURE_LAYERS)


def test_batch_larger_than_the_data_is_refused(dash):
    before = dash.model
    dash._fit.batch_size.value = "7000"
    assert "larger than the 6400 training images" in dash.error_text
    dash._on_train_new(None)
    assert not dash.trainer.running and dash.model is before
    dash._fit.batch_size.value = "lots"
    dash._on_train_new(None)
    assert "lots" in dash.error_text and not dash.trainer.running
    dash._fit.batch_size.value = "128"
    assert dash.error_text == ""


@pytest.fixture(scope="module")
def polish() -> KerasWorkflowDashboard:
    return KerasWorkflowDashboard(lang="pl").wait_ready()


def test_layer_and_fit_problems_read_as_polish(polish):
    """Numbers with a decimal comma, no interval with a comma in it, no counted noun after a
    number that the sentence cannot decline ("6400 obrazów" but "2 obrazy")."""
    builder, fit = polish._builder, polish._fit
    builder.list.index = 1  # Dropout(0.4)
    builder.set_selected(rate=1.5)
    assert polish.error_text == (
        "Warstwa 2: odsetek Dropout musi być nie mniejszy niż 0 i mniejszy niż 1, a podano "
        "1,5: przy 1 warstwa wyłączyłaby wszystkie neurony. Zachowano poprzedni model."
    )
    builder.set_layers([mlp.dense(4096), mlp.dense(4096), mlp.dense(10, "softmax")])
    assert polish.error_text == (
        "Model ma za dużo parametrów dla tego serwera (liczba parametrów: 20 037 642, "
        "limit: 5 000 000). Zmniejsz warstwy. Zachowano poprzedni model."
    )
    builder.set_layers(mlp.LECTURE_LAYERS)
    fit.batch_size.value = "7000"
    assert polish.error_text == (
        "Rozmiar paczki (7000) jest większy niż liczba obrazów uczących po odjęciu walidacji "
        "(6400). Wybierz najwyżej 6400."
    )
    fit.batch_size.value = "dużo"
    assert polish.error_text == "Rozmiar paczki musi być liczbą całkowitą, a podano 'dużo'."
    fit.batch_size.value = "128"
    assert polish.error_text == ""


def test_nan_loss_stops_and_restores_finite_weights(polish):
    dash = polish
    dash._fit.epochs.value = 3
    dash._fit.optimizer.value = "sgd"
    dash._fit.learning_rate.value = 7.5
    train(dash)
    assert "rozbiegło" in dash.error_text and "Zmniejsz" in dash.error_text
    assert "współczynnik uczenia 7,5 jest za duży" in dash.error_text
    weights = dash.model.get_weights()
    assert all(np.isfinite(w).all() and np.abs(w).max() < 10 for w in weights)
    loss = dash.model.evaluate(dash._x_test, dash._y_test, verbose=0)[0]
    assert loss < 5.0  # the restored weights are the sound ones, not the exploded ones


def test_stop_keeps_the_weights_learnt(dash):
    dash._fit.epochs.value = 50
    start = weights_of(dash.model)
    trainer = dash.train(from_scratch=False)
    deadline = 60
    t0 = time.monotonic()
    while not dash._fit.curves.val_x[2:] and time.monotonic() - t0 < deadline:
        time.sleep(0.05)  # wait for one more epoch than before (2 from the earlier test)
    dash._fit.stop.click()
    assert trainer.join(30) and trainer.stopped
    assert "Stopped after" in dash._fit.status.value
    assert len(dash._fit.curves.val_x) < 50
    assert any(not np.allclose(a, b) for a, b in zip(start, dash.model.get_weights(), strict=True))
    assert not dash._fit.train_new.disabled and dash._fit.stop.disabled
    dash._fit.epochs.value = 2


def test_freeze_save_and_load(dash, tmp_path):
    dash._fit.epochs.value = 1
    dash._files.freeze.value = (0,)
    assert "frozen" in dash._summary.value and not dash.model.layers[0].trainable
    frozen = dash.model.layers[0].get_weights()[0].copy()
    free = dash.model.layers[2].get_weights()[0].copy()
    train(dash, from_scratch=False)
    np.testing.assert_array_equal(dash.model.layers[0].get_weights()[0], frozen)
    assert not np.allclose(dash.model.layers[2].get_weights()[0], free)
    dash._files.freeze.value = ()
    assert dash.model.layers[0].trainable

    path = tmp_path / "m.keras"
    dash._files.path.value = str(path)
    dash._files.save.click()
    assert path.is_file() and "Saved" in dash._files.message.value
    expected = np.asarray(dash.model(dash._x_test[:4], training=False))
    dash._builder.set_layers([mlp.dense(16), mlp.dense(10, "softmax")])
    assert dash.model.count_params() != 235_146
    dash._files.load.click()
    np.testing.assert_allclose(
        np.asarray(dash.model(dash._x_test[:4], training=False)), expected, atol=1e-6
    )
    assert dash.layers == list(mlp.LECTURE_LAYERS)
    dash._files.path.value = str(tmp_path / "m.h5")
    dash._files.load.click()
    assert ".keras" in dash.error_text
    (tmp_path / "junk.keras").write_text("not a model")
    dash._files.path.value = str(tmp_path / "junk.keras")
    before = dash.model
    dash._files.load.click()
    assert "Could not load" in dash.error_text and dash.model is before


def test_tensorboard_and_early_stopping_callbacks(dash, tmp_path):
    fit = dash._fit
    fit.tensorboard.value = True
    fit.log_dir.value = str(tmp_path / "logs")
    fit.early_stopping.value = True
    fit.patience.value = 1
    fit.epochs.value = 1
    assert "TensorBoard(log_dir=" in dash.code() and "patience=1" in dash.code()
    train(dash)
    assert dash.error_text == ""
    assert any((tmp_path / "logs").rglob("events.out.tfevents*"))
    fit.tensorboard.value = fit.early_stopping.value = False


def test_exercise_param_count():
    assert check_param_count(235_146, lang="en").passed
    verdict = check_param_count(784 * 256, lang="pl")
    # "200 704 to za mało", never the backwards "… to nie za mało"
    assert not verdict.passed and "to za mało" in verdict.message
    assert "to nie" not in verdict.message
    assert "is too many" in check_param_count(10**6, lang="en").message


def test_exercise_small_model(dash):
    x_test, y_test = dash._x_test, dash._y_test
    verdict = check_small_model(dash.model, x_test, y_test, lang="en")
    assert not verdict.passed and "235,146 parameters" in verdict.message  # too big
    small = mlp.compile_model(mlp.build_model([mlp.dense(10, "softmax")]))
    verdict = check_small_model(small, x_test, y_test, lang="en")
    assert not verdict.passed and "Accuracy" in verdict.message  # untrained: ~10 %
    x_train = preprocess_images(dash.data.x_train)
    small.fit(x_train, one_hot(dash.data.y_train), epochs=1, batch_size=128, verbose=0)
    accuracy = np.mean(np.asarray(small(x_test, training=False)).argmax(axis=1) == dash.data.y_test)
    verdict = check_small_model(small, x_test, y_test, goal=accuracy - 0.01, lang="pl")
    # Polish numbers: no English thousands comma in front of "parametrów"
    assert verdict.passed and re.search("7[\u00a0 ]?850 parametrów", verdict.message)
    assert not check_small_model("not a model", x_test, y_test).passed
