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


def usable_cores(cpu_max: str = "/sys/fs/cgroup/cpu.max") -> int:
    """The CPUs this process may use: its affinity, capped by a cgroup CPU quota.

    A container (Binder, a hub's pod) often sees every core of its host in the affinity
    mask and gets its real share through the cgroup's ``cpu.max`` quota instead.
    """
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cores = os.cpu_count() or 1
    try:
        with open(cpu_max) as limits:
            quota, period = limits.read().split()[:2]
        if quota != "max":
            cores = min(cores, max(1, int(int(quota) / int(period))))
    except (OSError, ValueError):
        pass
    return max(1, cores)


def page_friendly_threads() -> int:
    """TensorFlow's intra-op threads for a kernel that feeds a live page: one core fewer
    than this process may use, so the browser and the Jupyter server keep one.

    Why (benchmarks/results-threads.md): while a dashboard trains, its page and Voilà draw
    the frames on the same cores. With a pool as wide as the machine, each of TensorFlow's
    parallel ops waits for its slowest thread, the one the page has preempted: lesson 13's
    RBM took 1.6x as long beside one busy core with 2 threads, 1.2x with 1, and 1 thread
    is as fast as 2 on an idle 2-core machine. ``TF_NUM_INTRAOP_THREADS`` set by the caller
    (Binder, the class server, the hub set 1) wins.
    """
    return max(1, usable_cores() - 1)


# TensorFlow reads these at its first op; they must be set before then.
os.environ.setdefault("TF_NUM_INTRAOP_THREADS", str(page_friendly_threads()))
# One inter-op thread too (TF's default is one per core), as Binder, the class server and
# the hub already set: GAN Lab playing in Voilà on 2 cores, six alternating runs each
# (benchmarks/results-lesson-14-gan-lab.md, 3 Dec 07:48 UTC), trained at 1,146 steps/s
# with it against 1,034 with TF's 2 (medians; faster in all six pairs), the bare loop
# unchanged (1,538 vs 1,546), and a second kernel's slow mode seen in 3 of 6 runs with 2
# threads, none with 1.
os.environ.setdefault("TF_NUM_INTEROP_THREADS", "1")

_lock = threading.Lock()
_future: Future | None = None
_started = False
_deferred = False


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


def keras_future(start: bool = True) -> Future:
    """A future that resolves to the ``keras`` module; ``start`` begins the import now."""
    global _future, _started
    with _lock:
        if _future is None:
            _future = Future()
        if start and not _started:
            _started = True
            threading.Thread(target=_run, args=(_future,), name="keras-import", daemon=True).start()
        return _future


def defer_import_until_shown(fallback_seconds: float = 10.0) -> None:
    """Let the first dashboard shown start the import (cold Voilà kernels).

    Measured in Voilà: an import running while the notebook executes and the page loads
    competes with them for the interpreter and doubled the time to widgets shown (6.5 s
    against 3.1 s for the bare reference). A timer starts it anyway after
    ``fallback_seconds``, in case no browser ever reports a view.
    """
    global _deferred
    _deferred = True
    timer = threading.Timer(fallback_seconds, keras_future)
    timer.daemon = True
    timer.start()


def import_deferred() -> bool:
    """True when dashboards should wait for their first view to start the import."""
    return _deferred


def load_keras(timeout: float | None = None) -> ModuleType:
    """Block until Keras is imported and return the module (for tests and plain cells)."""
    return keras_future().result(timeout)
