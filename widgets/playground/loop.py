"""The playground's background training loop: compiled multi-epoch calls, steady frames.

Two daemon threads. The *trainer* calls ``step(epochs)`` (one compiled call of
:class:`~widgets.models.playground.FastTrainer`) and adapts ``epochs`` so that each call
takes about ``CALL_SECONDS``: long enough that Python's overhead is small, short enough
that Pause answers at once; after each call it asks ``should_stop()`` (epoch budget,
early stopping, divergence). The *painter* calls ``on_frame()`` every ``frame_interval``
seconds to redraw the figures. TensorFlow releases the interpreter lock while a compiled
call runs, so on two cores the drawing (Python) overlaps the training (C++) instead of
taking turns with it; the screen refreshes at a steady rate however fast the net trains.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

CALL_SECONDS = 0.03
MAX_EPOCHS_PER_CALL = 200


class TrainingLoop:
    """Train until paused, redrawing at a steady rate; see the module docstring."""

    def __init__(
        self,
        step: Callable[[int], None],
        on_frame: Callable[[], None],
        should_stop: Callable[[], bool] = lambda: False,
        on_end: Callable[[BaseException | None], None] = lambda error: None,
        frame_interval: float = 1 / 16,
    ):
        self.step = step
        self.on_frame = on_frame
        self.should_stop = should_stop
        self.on_end = on_end
        self.frame_interval = frame_interval
        self.epochs_per_call = 1
        self.frames = 0
        self.error: BaseException | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._painter: threading.Thread | None = None

    @property
    def running(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    @property
    def stopping(self) -> bool:
        """Told to stop, or stopping by itself: it trains no more and is ending."""
        return self._stop.is_set()

    def in_thread(self) -> bool:
        """True when called from the loop's own threads (e.g. from ``on_end``)."""
        return threading.current_thread() in (self._thread, self._painter)

    def join(self, timeout: float | None = None) -> None:
        """Wait until the loop has ended by itself (``should_stop``, an error)."""
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout)

    def start(self) -> None:
        if self.running:
            return
        self._stop.clear()
        self._thread = threading.Thread(target=self._train, name="playground-train", daemon=True)
        self._painter = threading.Thread(target=self._paint, name="playground-paint", daemon=True)
        self._painter.start()  # first: the trainer joins it when it ends, maybe at once
        self._thread.start()

    def pause(self, timeout: float = 10.0) -> None:
        """Stop after the current call and wait for both threads (unless called by one)."""
        self._stop.set()
        for thread in (self._thread, self._painter):
            if thread is not None and thread is not threading.current_thread():
                thread.join(timeout)

    def _train(self) -> None:
        try:
            while not self._stop.is_set():
                started = time.perf_counter()
                self.step(self.epochs_per_call)
                seconds = time.perf_counter() - started
                self._adapt(seconds)
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
            if self._painter is not None:
                self._painter.join()
            self._frame()  # the final state, always drawn
            self.on_end(self.error)

    def _paint(self) -> None:
        due = time.perf_counter()
        while True:
            # Frames on a fixed schedule; one that came late is not made up for.
            due = max(due + self.frame_interval, time.perf_counter())
            if self._stop.wait(due - time.perf_counter()):
                break
            self._frame()

    def _frame(self) -> None:
        try:
            self.on_frame()
            self.frames += 1
        except BaseException as failure:  # noqa: BLE001  (a drawing error must not hang)
            self.error = self.error or failure
            self._stop.set()

    def _adapt(self, seconds: float) -> None:
        if seconds <= 0:
            return
        wanted = self.epochs_per_call * CALL_SECONDS / seconds
        blended = 0.5 * self.epochs_per_call + 0.5 * wanted
        self.epochs_per_call = int(max(1, min(MAX_EPOCHS_PER_CALL, blended)))
