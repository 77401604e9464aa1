"""Background training, one mechanism for every lesson: a thread that trains, a Stop
button, and views redrawn at a bounded rate while it runs.

Two ways to train, one way to draw:

- :class:`BackgroundFit` runs ``model.fit`` calls (lessons 05, 08, 09, 10, …);
- :class:`TrainingLoop` calls a compiled training step of the dashboard's own, adapting
  the epochs a call so that each takes ``CALL_SECONDS`` (lesson 07's playground, where a
  fit's per-call overhead would dominate);
- :class:`Painter` redraws views from a thread of its own, on a steady schedule or when
  asked, so drawing (Python) overlaps training (C++, which releases the interpreter
  lock) instead of taking turns with it. :class:`TrainingLoop` paints with it; a
  :class:`BackgroundFit` dashboard whose views are slow to draw (lesson 10's maps) asks
  one to draw from ``on_progress`` instead of drawing in the training thread.

Widget messages are handled only while the kernel's main thread is idle, so a dashboard
that trained in an observer would freeze until the end. :class:`BackgroundFit` runs one
or more ``model.fit`` calls (:class:`FitJob`) one after another in a daemon thread:

- :meth:`BackgroundFit.stop` sets an event; a Keras callback turns it into
  ``model.stop_training = True``, which Keras checks after every batch (or every
  ``steps_per_execution`` chunk), so a long fit ends within a step;
- ``on_progress(Progress)`` is called from the thread after epochs (and, with
  ``batch_progress=True``, after batches too, for epochs long enough to need a live
  view), at most once per ``min_interval`` seconds (a projector does not need 100
  redraws a second, and each one is a message to the browser), and always once at the
  end with ``done=True``;
- throttling coalesces reports, it never loses one: every epoch that ended since the
  previous call is in the next call's ``Progress.ended`` (oldest first), so a view
  that draws one point an epoch (a validation curve) gets every point, however fast
  the epochs and however slow the view;
- ``on_done(BackgroundFit)`` is called from the thread when everything has finished,
  was stopped or failed (``error`` then holds the exception);
- ``freeze_gc=True`` keeps the garbage collector off the old objects while it trains
  (for trainings of seconds; see ``_freeze_old_objects``).

Keras is imported only inside :meth:`BackgroundFit.start`, so importing this module is
cheap and a dashboard may create its trainer before TensorFlow has loaded.

>>> trainer = BackgroundFit(on_progress=show, min_interval=0.2)   # doctest: +SKIP
>>> trainer.start(FitJob(model, X, y, {"epochs": 50, "batch_size": 1}))  # doctest: +SKIP
>>> trainer.stop(); trainer.join()                                # doctest: +SKIP
"""

from __future__ import annotations

import gc
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace


@dataclass
class FitJob:
    """One ``model.fit(x, y, **fit_kwargs)``; ``name`` tells the progress which it is."""

    model: object
    x: object
    y: object = None
    fit_kwargs: dict = field(default_factory=dict)
    name: str = ""
    # Asked just before the job would start: True skips it (lesson 11 takes turns between
    # three models, one epoch a job, and drops a model whose training diverged).
    skip: Callable[[], bool] | None = None


@dataclass(frozen=True)
class EpochEnd:
    """One finished epoch: its job, its number (1 = the first) and its Keras logs."""

    job: int
    epoch: int
    logs: dict


@dataclass
class Progress:
    """What a progress callback receives."""

    job: int  # index of the running job
    name: str
    epoch: int  # epochs finished in this job
    epochs: int  # epochs asked for in this job
    logs: dict  # Keras logs of the last finished epoch
    done: bool = False  # True once, after the last job (finished or stopped)
    stopped: bool = False  # the stop event ended the training early
    batch: int = 0  # batches finished in the running epoch (0 at an epoch's end)
    batches: int = 0  # batches per epoch, when Keras knows it
    # Every epoch that ended since the previous report (oldest first), throttled or not.
    ended: tuple[EpochEnd, ...] = ()

    @property
    def fraction(self) -> float:
        """Finished fraction of the current job, 0 to 1."""
        if self.done:
            return 1.0
        within = self.batch / self.batches if self.batches else 0.0
        return min(1.0, (self.epoch + within) / max(self.epochs, 1))


class Throttle:
    """``ready()`` is True at most once per ``interval`` seconds (the first call is True)."""

    def __init__(self, interval: float, clock: Callable[[], float] = time.monotonic):
        self.interval = float(interval)
        self.clock = clock
        self._last: float | None = None

    def ready(self) -> bool:
        now = self.clock()
        if self._last is None or now - self._last >= self.interval:
            self._last = now
            return True
        return False


def _freeze_old_objects() -> None:
    """Collect garbage once, then keep every object alive now out of later collections
    (undone by ``gc.unfreeze()``).

    The kernel holds millions of long-lived objects (TensorFlow, Keras, plotly): a full
    collection walks them all, 150-160 ms that stop every Python thread, and tracing a new
    model's functions triggers one. Collected first, because frozen garbage (the model a
    new training replaced, its data) would stay until the next full collection: 55 MB a
    training in lesson 10. The collection itself costs those 150 ms once, which is why a
    dashboard that retrains on every slider move does not ask for this.
    """
    gc.collect()
    gc.freeze()


def _make_callback(keras, trainer: BackgroundFit, job_index: int, job: FitJob, epochs: int):
    """A Keras callback bound to one job: stop event -> stop_training, progress."""

    class _Bridge(keras.callbacks.Callback):
        _epoch = 0

        def _check_stop(self) -> None:
            if trainer.stop_event.is_set():
                self.model.stop_training = True

        def on_train_batch_end(self, batch, logs=None):
            self._check_stop()
            if trainer.batch_progress:
                steps = int(self.params.get("steps") or 0)
                progress = Progress(
                    job_index,
                    job.name,
                    self._epoch,
                    epochs,
                    dict(logs or {}),
                    batch=batch + 1,
                    batches=steps,
                )
                trainer._report(progress, force=False)

        def on_epoch_begin(self, epoch, logs=None):
            self._epoch = epoch

        def on_epoch_end(self, epoch, logs=None):
            self._check_stop()
            logs = dict(logs or {})
            trainer._ended.append(EpochEnd(job_index, epoch + 1, logs))
            trainer._report(Progress(job_index, job.name, epoch + 1, epochs, logs), force=False)

    return _Bridge()


class BackgroundFit:
    """Run :class:`FitJob` s in a background thread; see the module docstring."""

    def __init__(
        self,
        on_progress: Callable[[Progress], None] | None = None,
        on_done: Callable[[BackgroundFit], None] | None = None,
        min_interval: float = 0.25,
        batch_progress: bool = False,
        freeze_gc: bool = False,
    ):
        self.on_progress = on_progress
        self.batch_progress = batch_progress
        self.on_done = on_done
        self.min_interval = min_interval
        self.freeze_gc = freeze_gc
        self.stop_event = threading.Event()
        self.histories: list = []
        self.error: BaseException | None = None
        self.stopped = False
        self.progress_calls = 0
        self._thread: threading.Thread | None = None
        self._throttle = Throttle(min_interval)
        self._last: Progress | None = None
        self._ended: list[EpochEnd] = []  # epoch ends not yet handed to on_progress

    def __repr__(self) -> str:
        state = "running" if self.running else "idle"
        return f"BackgroundFit({state}, jobs done={len(self.histories)}, stopped={self.stopped})"

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self, *jobs: FitJob) -> BackgroundFit:
        """Start the jobs in order in a new thread; refuses while a run is going on."""
        if self.running:
            raise RuntimeError("training is already running: stop it first")
        if not jobs:
            raise ValueError("nothing to train: give at least one FitJob")
        self._reset()
        self._thread = threading.Thread(
            target=self._run, args=(list(jobs),), name="background-fit", daemon=True
        )
        self._thread.start()
        return self

    def run_here(self, *jobs: FitJob) -> BackgroundFit:
        """Run the jobs in the calling thread (blocking), with the same callbacks.

        For a first training inside a thread that is already in the background (a
        dashboard's ``_build_model``): its drawing then happens before the dashboard is
        marked ready, instead of racing with the page's widgets as they load.
        """
        if self.running:
            raise RuntimeError("training is already running: stop it first")
        self._reset()
        self._run(list(jobs))
        return self

    def stop(self) -> None:
        """Ask the running fit to stop after its current step (returns at once)."""
        self.stop_event.set()

    def join(self, timeout: float | None = None) -> bool:
        """Wait for the thread; True if it has finished."""
        if self._thread is not None:
            self._thread.join(timeout)
        return not self.running

    # The thread --------------------------------------------------------------------------
    def _reset(self) -> None:
        self.stop_event.clear()
        self.histories, self.error, self.stopped = [], None, False
        self.progress_calls = 0
        self._throttle = Throttle(self.min_interval)
        self._last = None
        self._ended = []

    def _run(self, jobs: Sequence[FitJob]) -> None:
        if self.freeze_gc:
            _freeze_old_objects()
        try:
            from .backend import load_keras

            keras = load_keras()
            for index, job in enumerate(jobs):
                if self.stop_event.is_set():
                    break
                if job.skip is not None and job.skip():
                    continue
                kwargs = dict(job.fit_kwargs)
                epochs = int(kwargs.get("epochs", 1))
                callbacks = [
                    *kwargs.pop("callbacks", []),
                    _make_callback(keras, self, index, job, epochs),
                ]
                kwargs.setdefault("verbose", 0)
                history = job.model.fit(job.x, job.y, callbacks=callbacks, **kwargs)
                self.histories.append(history)
        except BaseException as error:  # noqa: BLE001  (handed to on_done, never lost)
            self.error = error
        finally:
            if self.freeze_gc:
                gc.unfreeze()
            self.stopped = self.stop_event.is_set()
            last = self._last or Progress(0, "", 0, 0, {})
            self._report(replace(last, done=True, stopped=self.stopped), force=True)
            if self.on_done is not None:
                self.on_done(self)

    def _report(self, progress: Progress, force: bool) -> None:
        # Only the training thread calls this, so the pending epoch ends need no lock.
        self._last = progress
        if self.on_progress is None or not (force or self._throttle.ready()):
            return
        progress = replace(progress, ended=tuple(self._ended))
        self._ended = []
        self.progress_calls += 1
        try:
            self.on_progress(progress)
        except Exception as error:  # noqa: BLE001  (a drawing error must not kill training)
            self.error = self.error or error


class Painter:
    """Call ``draw()`` from a thread of its own while a model trains.

    ``on_demand=False``: every ``interval`` seconds, on a fixed schedule (a frame that
    came late is not made up for). ``on_demand=True``: after each :meth:`request`, at most
    once per request however many came meanwhile (the view always shows the newest state).
    An exception in ``draw`` goes to ``on_error`` (by default it is kept in ``error`` and
    the painting stops): a drawing error must never hang or kill the training.
    """

    def __init__(
        self,
        draw: Callable[[], None],
        interval: float,
        *,
        on_demand: bool = False,
        on_error: Callable[[BaseException], None] | None = None,
        name: str = "painter",
    ):
        self.draw = draw
        self.interval = interval
        self.on_demand = on_demand
        self.on_error = on_error
        self.name = name
        self.frames = 0
        self.error: BaseException | None = None
        self._stop = threading.Event()
        self._wanted = threading.Event()
        self._drawing = False
        self._thread: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def pending(self) -> bool:
        """True while a requested frame is waiting or being drawn (``on_demand``)."""
        return self._wanted.is_set() or self._drawing

    def wait_drawn(self, timeout: float) -> bool:
        """Block until no requested frame is waiting or being drawn; False on timeout."""
        end = time.monotonic() + timeout
        while self.pending:
            if time.monotonic() > end:
                return False
            time.sleep(0.01)
        return True

    def in_thread(self) -> bool:
        """True when called from the painter's own thread."""
        return threading.current_thread() is self._thread

    def start(self) -> Painter:
        self._stop.clear()
        self._wanted.clear()
        target = self._paint_when_asked if self.on_demand else self._paint_on_schedule
        self._thread = threading.Thread(target=target, name=self.name, daemon=True)
        self._thread.start()
        return self

    def request(self) -> None:
        """Ask for a frame (``on_demand``): drawn soon, in the painter's thread."""
        self._wanted.set()

    def stop(self, timeout: float | None = 10.0) -> None:
        """Stop painting and wait for the frame being drawn, if any (unless called by it)."""
        self._stop.set()
        if self._thread is not None and not self.in_thread():
            self._thread.join(timeout)

    def frame(self) -> bool:
        """Draw once now, in the calling thread; False if drawing failed."""
        try:
            self.draw()
            self.frames += 1
            return True
        except BaseException as failure:  # noqa: BLE001  (to on_error, never lost)
            if self.on_error is not None:
                self.on_error(failure)
                return False
            self.error = self.error or failure
            self._stop.set()
            return False

    def _paint_on_schedule(self) -> None:
        due = time.perf_counter()
        while True:
            due = max(due + self.interval, time.perf_counter())
            if self._stop.wait(due - time.perf_counter()):
                break
            self.frame()

    def _paint_when_asked(self) -> None:
        while not self._stop.is_set():
            if not self._wanted.wait(self.interval):
                continue
            # Drawing is marked before the request is cleared: ``pending`` is never False
            # between the two (a waiter would have returned before the frame began).
            self._drawing = True
            self._wanted.clear()
            try:
                if not self._stop.is_set():
                    self.frame()
            finally:
                self._drawing = False


CALL_SECONDS = 0.03  # one compiled call of a TrainingLoop: Pause answers within it
MAX_EPOCHS_PER_CALL = 200


class TrainingLoop:
    """Train until paused by calling ``step(epochs)``, redrawing at a steady rate.

    A *trainer* thread calls ``step(epochs)`` (one compiled call of the dashboard's own
    training step) and adapts ``epochs`` so that each call takes about ``CALL_SECONDS``:
    long enough that Python's overhead is small, short enough that Pause answers at
    once; after each call it asks ``should_stop()`` (epoch budget, early stopping,
    divergence). A :class:`Painter` calls ``on_frame()`` every ``frame_interval``
    seconds. At the end the final state is always drawn, then ``on_end(error)`` is
    called from the trainer thread.
    """

    def __init__(
        self,
        step: Callable[[int], None],
        on_frame: Callable[[], None],
        should_stop: Callable[[], bool] = lambda: False,
        on_end: Callable[[BaseException | None], None] = lambda error: None,
        frame_interval: float = 1 / 16,
    ):
        self.step = step
        self.should_stop = should_stop
        self.on_end = on_end
        self.epochs_per_call = 1
        self.error: BaseException | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._painter = Painter(on_frame, frame_interval, on_error=self._drawing_failed)

    @property
    def frames(self) -> int:
        return self._painter.frames

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def stopping(self) -> bool:
        """Told to stop, or stopping by itself: it trains no more and is ending."""
        return self._stop.is_set()

    def in_thread(self) -> bool:
        """True when called from the loop's own threads (e.g. from ``on_end``)."""
        return threading.current_thread() is self._thread or self._painter.in_thread()

    def join(self, timeout: float | None = None) -> None:
        """Wait until the loop has ended by itself (``should_stop``, an error)."""
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    def start(self) -> None:
        if self.running:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._train, name="training-loop", daemon=True)
        self._painter.start()  # first: the trainer stops it when it ends, maybe at once
        self._thread.start()

    def pause(self, timeout: float = 10.0) -> None:
        """Stop after the current call and wait for both threads (unless called by one)."""
        self._stop.set()
        self._painter.stop(timeout)
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    def _train(self) -> None:
        try:
            while not self._stop.is_set():
                started = time.perf_counter()
                self.step(self.epochs_per_call)
                self._adapt(time.perf_counter() - started)
                if self.should_stop():
                    break
                # A short pause lets the kernel's main thread take the GIL for controls.
                # (Resting half of each call's time instead gave more frames, 6.4/s against
                # 4/s, but controls then answered after 0.7 s: measured, not kept.)
                time.sleep(0.001)
        except BaseException as failure:  # noqa: BLE001  (handed to on_end, shown to the student)
            self.error = failure
        finally:
            self._stop.set()
            self._painter.stop(timeout=None)
            self._painter.frame()  # the final state, always drawn
            self.on_end(self.error)

    def _drawing_failed(self, failure: BaseException) -> None:
        self.error = self.error or failure
        self._stop.set()

    def _adapt(self, seconds: float) -> None:
        if seconds <= 0:
            return
        wanted = self.epochs_per_call * CALL_SECONDS / seconds
        blended = 0.5 * self.epochs_per_call + 0.5 * wanted
        self.epochs_per_call = int(max(1, min(MAX_EPOCHS_PER_CALL, blended)))


def batches(x, y, batch_size: int, shuffle: bool = False, seed: int | None = None):
    """``(x, y)`` as a ``tf.data`` pipeline for ``fit``/``evaluate``: the batches Keras cuts
    from numpy arrays (the same sizes, reshuffled every epoch when ``shuffle``), with
    tf.data's autotuning switched off. ``y=None``: batches of ``x`` alone (an RBM's ``fit``).

    Build it once and pass the same pipeline to every ``fit`` of a dashboard (lessons 12
    and 13 keep theirs): ``fit(numpy)`` copies the arrays into a new pipeline at each call,
    0.06–0.4 s before the first batch of every press of ▶ (RBM, 8,000 digits, load 10),
    against nothing for a kept one.

    Why not numpy arrays: Keras feeds them through an autotuned pipeline, and at each
    epoch's start, freeing the last epoch's iterator waits for the autotuning thread with
    the CPU idle. Measured on this course's 2-core machine (CNN of lesson 10, 8,000
    images, 8 epochs): the first step of an epoch took 120-140 ms with this pipeline and
    130-1,340 ms from numpy arrays; in Voilà, with the page drawing, one epoch in two
    lost 0.8-1.1 s that way.
    """
    import tensorflow as tf

    images = tf.constant(x)  # one copy, gathered batch by batch
    labels = None if y is None else tf.constant(y)
    order = tf.data.Dataset.range(len(x))
    if shuffle:
        order = order.shuffle(len(x), seed=seed, reshuffle_each_iteration=True)
    if labels is None:
        data = order.batch(batch_size).map(lambda i: tf.gather(images, i))
    else:
        data = order.batch(batch_size).map(lambda i: (tf.gather(images, i), tf.gather(labels, i)))
    options = tf.data.Options()
    options.autotune.enabled = False
    return data.prefetch(2).with_options(options)
