"""Keras builds on a background worker, newest state wins (lessons 10, 11 and 15).

A press answers at once with what the catalogue's pure-Python formulas know; the Keras
build (20–300 ms, more on a busy machine) runs on a :class:`widgets.training.Painter`
thread. While it builds, further presses only replace the state asked for: the worker then
builds the newest one and skips those in between, and a result that is no longer wanted is
kept in the cache but not drawn. The last ``size`` results are kept, so a slider moved
back finds its state built and is drawn at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable

from .training import Painter


class NewestBuilds:
    """``build(state)`` on a worker for the newest state asked for; ``show(state, result)``
    (under ``lock``, the dashboard's) if it is still the newest; ``fail(error)`` likewise.

    A state has a hashable ``key``; states are compared by identity (the same key asked
    twice is two requests)."""

    def __init__(
        self,
        build: Callable[[object], object],
        show: Callable[[object, object], None],
        fail: Callable[[BaseException], None],
        lock: threading.RLock,
        size: int,
        name: str,
    ):
        self._build, self._show, self._fail, self._lock = build, show, fail, lock
        self.size = size
        self.builds = 0  # states built (not found in the cache)
        self.wanted = None  # the newest state asked for (None: nothing to draw)
        self._cache: dict[Hashable, object] = {}
        self._cache_lock = threading.Lock()
        self._build_lock = threading.Lock()  # one build at a time (Keras' seed is global)
        self._worker = Painter(self._work, 0.05, on_demand=True, name=name)
        self._worker.on_error = fail

    @property
    def pending(self) -> bool:
        """True while the worker has a state to build or draw."""
        return self._worker.pending

    def wait(self, timeout: float = 60.0) -> None:
        """Block until the worker has built and drawn the newest state."""
        if not self._worker.wait_drawn(timeout):
            raise TimeoutError("the model was not built in time")

    def cached(self, state) -> object | None:
        with self._cache_lock:
            if state.key not in self._cache:
                return None
            self._cache[state.key] = self._cache.pop(state.key)  # the most recent last
            return self._cache[state.key]

    def forget(self, state) -> None:
        """Drop the state's kept result (it was changed since: a broken network)."""
        with self._cache_lock:
            self._cache.pop(state.key, None)

    def computed(self, state) -> object:
        """The state's result: from the cache, or built here (waiting for a build on the
        worker, which may be this very state)."""
        with self._build_lock:
            found = self.cached(state)
            if found is not None:
                return found
            result = self._build(state)
            self.builds += 1
        with self._cache_lock:
            self._cache[state.key] = result
            while len(self._cache) > self.size:
                self._cache.pop(next(iter(self._cache)))
        return result

    def request(self) -> None:
        """Build :attr:`wanted` on the worker (it then draws it if still wanted)."""
        if not self._worker.running:
            self._worker.start()
        self._worker.request()

    def _work(self) -> None:
        wanted = self.wanted
        if wanted is None:
            return
        try:
            result = self.computed(wanted)
        except Exception as error:  # noqa: BLE001  (told, if this state is still wanted)
            with self._lock:
                if self.wanted is wanted:
                    self._fail(error)
            return
        with self._lock:
            if self.wanted is wanted:  # else a newer state came: the worker's next turn
                self._show(wanted, result)
