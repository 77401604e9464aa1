"""The bare reference pages' control: a button that runs a training and says how it went.

Benchmarks serve a scratch page beside a dashboard (``support.code_notebook``) whose
reference is a "train" button (CSS class ``bare-train``) and a line (``bare-done``) that
reads ``run N: <result>`` once a run has ended;
:func:`tests.browser.support.bare_training_run` presses the button and waits for the line.
This module runs in those pages' kernels (the benchmarks put the repository on their
``PYTHONPATH``).
"""

from __future__ import annotations

import time
from collections.abc import Callable

import ipywidgets


def seconds_taken(seconds: float, _result) -> str:
    """The line's default result: the run's seconds, as ``bare_training_run`` reads them."""
    return f"{seconds:.3f} s"


def train_button(
    run: Callable[[], object], describe: Callable[[float, object], str] = seconds_taken
) -> ipywidgets.VBox:
    """The button and the line: each click calls ``run()`` in the kernel and writes
    ``run N: describe(seconds, run's result)``."""
    go = ipywidgets.Button(description="train")
    go.add_class("bare-train")
    done = ipywidgets.HTML("")
    done.add_class("bare-done")
    runs: list[float] = []

    def on_click(_button) -> None:
        started = time.perf_counter()
        result = run()
        runs.append(time.perf_counter() - started)
        done.value = f"run {len(runs)}: {describe(runs[-1], result)}"

    go.on_click(on_click)
    return ipywidgets.VBox([go, done])
