"""The background-training helper: a stop event ends a long fit early, progress is
throttled, errors are kept, and jobs run in order."""

from __future__ import annotations

import threading
import time

import numpy as np
import pytest

from widgets.backend import load_keras
from widgets.training import BackgroundFit, FitJob, Throttle

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
