"""TensorFlow/Keras, imported once per kernel in a background thread.

``import tensorflow`` takes about 7 s on a 2-core machine. A dashboard that imports it
before showing anything appeared after 1.5x the time of a bare ipywidgets page; one that
shows its widgets first and imports TensorFlow in a thread appeared after 1.05-1.1x
(measured, see benchmarks/). Every dashboard gets Keras through :func:`keras_future`, so the
trick lives here once and not in each lesson.
"""

from __future__ import annotations

import contextlib
import os
import threading
from concurrent.futures import Future
from types import ModuleType

# Must be set before TensorFlow's first import: silence its C++ log noise in the dashboards.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

_lock = threading.Lock()
_future: Future | None = None


@contextlib.contextmanager
def _quiet_native_stderr():
    """Send file descriptor 2 to /dev/null for a moment.

    TensorFlow 2.21's C++ start-up notes (absl, oneDNN) ignore TF_CPP_MIN_LOG_LEVEL, and
    ipykernel forwards native stderr into the page, where they would read like errors.
    """
    try:
        saved = os.dup(2)
    except OSError:  # no stderr at all: nothing to hide
        yield
        return
    with open(os.devnull, "w") as devnull:
        os.dup2(devnull.fileno(), 2)
        try:
            yield
        finally:
            os.dup2(saved, 2)
            os.close(saved)


def _import_keras() -> ModuleType:
    with _quiet_native_stderr():
        import tensorflow as tf

        tf.get_logger().setLevel("ERROR")
        import keras

        keras.ops.zeros(1)  # the first op initialises the runtime (and logs): do it here
    return keras


def _run(future: Future) -> None:
    try:
        future.set_result(_import_keras())
    except BaseException as error:  # noqa: BLE001  (reported to every waiting dashboard)
        future.set_exception(error)


def keras_future() -> Future:
    """A future that resolves to the ``keras`` module; starts the import on first call."""
    global _future
    with _lock:
        if _future is None:
            _future = Future()
            threading.Thread(target=_run, args=(_future,), name="keras-import", daemon=True).start()
        return _future


def load_keras(timeout: float | None = None) -> ModuleType:
    """Block until Keras is imported and return the module (for tests and plain cells)."""
    return keras_future().result(timeout)
