"""The background-training helper: a stop event ends a long fit early, progress is
throttled, errors are kept, and jobs run in order."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from widgets.backend import load_keras
from widgets.training import BackgroundFit, FitJob, Painter, Throttle, batches

keras = load_keras(timeout=120)


def small_model():
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    model.compile(keras.optimizers.SGD(0.01), "mse", jit_compile=False)
    return model


def data(n=64):
    rng = np.random.default_rng(0)
    X = rng.normal(size=(n, 2)).astype("float32")
    return X, (X @ [1.0, -1.0]).astype("float32")


def test_throttle_with_a_fake_clock():
    now = [0.0]
    throttle = Throttle(0.5, clock=lambda: now[0])
    seen = []
    for step in range(20):  # 0.0, 0.1, ..., 1.9 s
        now[0] = step / 10
        seen.append(throttle.ready())
    assert [i for i, ok in enumerate(seen) if ok] == [0, 5, 10, 15]


def test_stop_event_ends_a_long_fit_early():
    X, y = data(256)
    model = small_model()
    done = threading.Event()
    trainer = BackgroundFit(on_done=lambda t: done.set(), min_interval=0.1)
    started = time.monotonic()
    trainer.start(FitJob(model, X, y, {"epochs": 10_000, "batch_size": 1, "shuffle": False}))
    time.sleep(1.0)
    assert trainer.running
    trainer.stop()
    assert trainer.join(timeout=10), "the fit did not stop within 10 s of the stop event"
    elapsed = time.monotonic() - started
    assert done.is_set() and trainer.stopped and trainer.error is None
    epochs_run = len(trainer.histories[0].history["loss"])
    assert epochs_run < 10_000 and elapsed < 11


def test_progress_is_throttled_and_ends_with_done():
    X, y = data(32)
    model = small_model()
    calls = []
    trainer = BackgroundFit(on_progress=calls.append, min_interval=0.2)
    started = time.monotonic()
    import tensorflow as tf

    # A cached tf.data pipeline: numpy input costs Keras ~30 ms of set-up per epoch here.
    batches = tf.data.Dataset.from_tensor_slices((X, y)).batch(32).cache()
    trainer.start(FitJob(model, batches, None, {"epochs": 60}))
    assert trainer.join(timeout=60)
    elapsed = time.monotonic() - started
    assert trainer.error is None and not trainer.stopped
    assert len(trainer.histories[0].history["loss"]) == 60
    # One call per 0.2 s at most, plus the first and the final one; far fewer than epochs.
    assert 2 <= len(calls) <= elapsed / 0.2 + 2
    assert len(calls) < 60
    assert calls[-1].done and calls[-1].epoch == 60 and calls[-1].fraction == 1.0
    assert all(not c.done for c in calls[:-1])
    assert [c.epoch for c in calls] == sorted(c.epoch for c in calls)


def fit_with_validation(trainer, epochs, batch_progress=True):
    X, y = data(512)
    job = FitJob(
        small_model(),
        X,
        y,
        {"epochs": epochs, "batch_size": 16, "validation_split": 0.25, "shuffle": False},
    )
    trainer.batch_progress = batch_progress
    trainer.run_here(job)
    assert trainer.error is None
    return trainer.histories[0].history


@pytest.mark.parametrize("batch_progress", [True, False])
def test_a_throttled_view_still_gets_every_epoch_end(batch_progress):
    # A view that asks for one report an hour sees only the first report and the final
    # one; every epoch's end (with its validation logs) must still reach it.
    reports = []
    trainer = BackgroundFit(on_progress=reports.append, min_interval=3600)
    history = fit_with_validation(trainer, 5, batch_progress)
    assert len(reports) == 2 and reports[-1].done
    ended = [end for report in reports for end in report.ended]
    assert [end.epoch for end in ended] == [1, 2, 3, 4, 5]
    assert [end.logs["val_loss"] for end in ended] == pytest.approx(history["val_loss"])
    assert [end.logs["loss"] for end in ended] == pytest.approx(history["loss"])


def test_a_slow_view_gets_every_epoch_end_once_and_in_order():
    # A deliberately slow view (50 ms a report, as a big figure on a loaded machine)
    # with fast epochs: reports are coalesced, never lost, never repeated.
    reports = []

    def slow_view(progress):
        time.sleep(0.05)
        reports.append(progress)

    trainer = BackgroundFit(on_progress=slow_view, min_interval=0.1)
    history = fit_with_validation(trainer, 8)
    ended = [end.epoch for report in reports for end in report.ended]
    assert ended == list(range(1, 9))
    assert len(history["val_loss"]) == 8


def test_live_curves_of_lesson_09_draw_every_validation_point_when_throttled():
    from widgets.keras_workflow.compile_fit import LiveCurves

    curves = LiveCurves("en")

    def view(progress):
        curves.add(progress)
        curves.draw()

    trainer = BackgroundFit(on_progress=view, min_interval=3600)
    history = fit_with_validation(trainer, 4)
    assert curves.val_x == [1.0, 2.0, 3.0, 4.0]
    assert curves.val_loss == pytest.approx(history["val_loss"])
    assert list(curves.figure.data[1].x) == [1.0, 2.0, 3.0, 4.0]
    # the training line has every epoch's end too, in order
    assert {1.0, 2.0, 3.0, 4.0} <= set(curves.train_x)
    assert curves.train_x == sorted(curves.train_x)


def test_old_objects_are_frozen_while_training_and_garbage_is_freed_first():
    import gc
    import weakref

    class Node:  # a reference cycle only a full collection frees
        pass

    keras = load_keras()
    frozen = []
    probe = keras.callbacks.LambdaCallback(
        on_train_begin=lambda logs: frozen.append((gc.get_freeze_count(), alive()))
    )
    X, y = data(32)
    model = small_model()
    garbage = Node()
    garbage.me = garbage
    alive = weakref.ref(garbage)
    gc.collect()  # now in the oldest generation, which young collections skip
    del garbage
    trainer = BackgroundFit(freeze_gc=True)
    trainer.start(FitJob(model, X, y, {"epochs": 1, "callbacks": [probe]}))
    assert trainer.join(timeout=60) and trainer.error is None
    count, survivor = frozen[0]
    assert count > 10_000  # TensorFlow's and Keras's objects sat out the collections
    assert survivor is None  # the cycle was collected before the freeze, not frozen
    assert gc.get_freeze_count() == 0  # and everything is collectable again afterwards
    # Without asking, nothing is frozen (a collection would cost every retraining 150 ms).
    BackgroundFit().run_here(FitJob(model, X, y, {"epochs": 1, "callbacks": [probe]}))
    assert frozen[1][0] == 0


def test_jobs_run_in_order_and_errors_are_kept():
    X, y = data(16)
    first, second = small_model(), small_model()
    names = []
    trainer = BackgroundFit(on_progress=lambda p: names.append(p.name), min_interval=0.0)
    trainer.start(
        FitJob(first, X, y, {"epochs": 3, "batch_size": 16}, "first"),
        FitJob(second, X, y, {"epochs": 2, "batch_size": 16}, "second"),
    )
    assert trainer.join(timeout=60)
    assert names[:5] == ["first"] * 3 + ["second"] * 2
    assert [len(h.history["loss"]) for h in trainer.histories] == [3, 2]

    broken = BackgroundFit()
    broken.start(FitJob(small_model(), X[:, :1], y, {"epochs": 1}))  # wrong input width
    assert broken.join(timeout=60)
    assert broken.error is not None


def test_refuses_a_second_start_while_running():
    X, y = data(256)
    trainer = BackgroundFit()
    trainer.start(FitJob(small_model(), X, y, {"epochs": 10_000, "batch_size": 1}))
    try:
        with pytest.raises(RuntimeError):
            trainer.start(FitJob(small_model(), X, y, {"epochs": 1}))
    finally:
        trainer.stop()
        trainer.join(10)


def test_batch_progress_reports_inside_an_epoch():
    X, y = data(4096)
    model = small_model()
    seen = []
    trainer = BackgroundFit(on_progress=seen.append, min_interval=0.0, batch_progress=True)
    trainer.run_here(FitJob(model, X, y, {"epochs": 2, "batch_size": 256, "shuffle": False}))
    inside = [p for p in seen if p.batch and not p.done]
    assert inside, "no progress was reported before an epoch ended"
    assert {p.batches for p in inside} == {16}
    first_epoch = [p.fraction for p in inside if p.epoch == 0]
    assert first_epoch == sorted(first_epoch) and 0 < first_epoch[0] < first_epoch[-1] <= 0.5
    assert all("loss" in p.logs for p in inside)


def _epoch(data) -> list[np.ndarray]:
    return [(x.numpy(), y.numpy()) for x, y in data]


def test_batches_are_the_ones_keras_cuts_from_arrays_without_autotuning():
    load_keras()
    x = np.arange(300, dtype=np.float32).reshape(300, 1)
    y = (x[:, 0] % 7).astype(np.int64)
    data = batches(x, y, 128, shuffle=True, seed=1)
    first, second = _epoch(data), _epoch(data)
    assert [len(bx) for bx, _ in first] == [128, 128, 44]  # what fit(x, y, batch_size=128) takes
    for epoch in (first, second):
        seen = np.concatenate([bx[:, 0] for bx, _ in epoch])
        assert sorted(seen) == list(range(300))  # every sample once an epoch
        for bx, by in epoch:
            np.testing.assert_array_equal(by, bx[:, 0] % 7)  # labels stay with their images
    assert not np.array_equal(first[0][0], second[0][0])  # reshuffled every epoch
    in_order = np.concatenate([bx[:, 0] for bx, _ in _epoch(batches(x, y, 128))])
    np.testing.assert_array_equal(in_order, np.arange(300))
    assert data.options().autotune.enabled is False


def test_a_model_trains_on_batches_as_on_the_arrays():
    keras = load_keras()
    rng = np.random.default_rng(0)
    x = rng.normal(size=(256, 3)).astype(np.float32)
    y = (x @ np.array([1.0, -2.0, 0.5], dtype=np.float32))[:, None]
    losses = []
    for data in (
        {"x": x, "y": y, "batch_size": 32, "shuffle": False},
        {"x": batches(x, y, 32), "shuffle": False},
    ):
        keras.utils.set_random_seed(0)
        model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1)])
        model.compile(optimizer=keras.optimizers.SGD(0.05), loss="mse")
        losses.append(model.fit(**data, epochs=3, verbose=0).history["loss"])
    np.testing.assert_allclose(losses[0], losses[1], rtol=1e-5)  # the same steps, in order


@pytest.mark.parametrize("lang", ["pl", "en"])
def test_lesson_09_status_line_never_prints_nan(lang):
    from widgets.keras_workflow.compile_fit import FitPanel
    from widgets.training import Progress

    panel = FitPanel(lang)
    panel.show_progress(Progress(0, "", 1, 3, {"loss": float("nan")}))
    assert "nan" not in panel.status.value.lower() and "–" in panel.status.value
    panel.show_progress(Progress(0, "", 2, 3, {"loss": 0.25, "accuracy": 0.5}))
    point = "," if lang == "pl" else "."  # Polish writes a decimal comma
    assert f"0{point}2500" in panel.status.value and f"0{point}500" in panel.status.value


def test_a_painter_on_demand_draws_the_newest_state_once_per_burst_of_requests():

    drawn, release = [], threading.Event()
    state = {"value": 0}

    def draw():
        release.wait(5)  # a slow view: requests pile up while it draws
        drawn.append(state["value"])

    painter = Painter(draw, 0.01, on_demand=True).start()
    for value in range(1, 6):
        state["value"] = value
        painter.request()
    release.set()
    deadline = time.monotonic() + 5
    while drawn[-1:] != [5] and time.monotonic() < deadline:
        time.sleep(0.01)
    painter.stop()
    assert drawn[-1] == 5 and len(drawn) <= 2  # not five frames for five requests
    assert not painter.running


def test_a_requested_frame_is_pending_from_the_request_until_it_is_drawn():
    """A waiter polling ``pending`` must never see False before the frame is drawn: the
    request used to be cleared before the drawing was marked, and a test waiting on the
    1-D GAN panel's retraining returned in that gap, with the old weights."""
    started, release, drawn = threading.Event(), threading.Event(), []

    def draw():
        started.set()
        release.wait(5)
        drawn.append(1)

    painter = Painter(draw, 0.01, on_demand=True).start()
    assert not painter.pending
    painter.request()
    assert painter.pending
    assert started.wait(5)
    seen = [painter.pending for _ in range(2000)]  # the frame is being drawn
    assert not painter.wait_drawn(0.05)  # still drawing: the wait times out
    release.set()
    assert painter.wait_drawn(5)
    painter.stop()
    assert all(seen) and drawn == [1] and not painter.pending


def test_a_painting_error_is_handed_over_and_never_hangs():

    errors = []

    def broken():
        raise ZeroDivisionError("no view")

    painter = Painter(broken, 0.01, on_demand=True, on_error=errors.append).start()
    painter.request()
    deadline = time.monotonic() + 5
    while not errors and time.monotonic() < deadline:
        time.sleep(0.01)
    painter.stop()
    assert [type(e) for e in errors][:1] == [ZeroDivisionError] and painter.frames == 0
    quiet = Painter(broken, 0.01).start()  # no handler: kept, and the painting stops
    deadline = time.monotonic() + 5
    while quiet.running and time.monotonic() < deadline:
        time.sleep(0.01)
    assert isinstance(quiet.error, ZeroDivisionError) and not quiet.running
