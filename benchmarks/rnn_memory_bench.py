#!/usr/bin/env python
"""Lesson 11, memory over time: the dashboard's training against a bare ``model.fit``.

    python benchmarks/rnn_memory_bench.py [--length 100] [--sequences 10000] [--units 32]
                                          [--epochs 2] [--samples 3] [--jit]

Measures in one process, alternating (bare, dashboard, bare, dashboard, …):

- **bare**: for each of SimpleRNN, GRU and LSTM a freshly built model of the lesson
  (:func:`widgets.models.memory.recurrent_model`, same seed) trains one epoch to compile,
  then ``model.fit(x, y, epochs=E, validation_data=…)`` with the lesson's fit arguments is
  timed; the three times are summed;
- **dashboard**: a headless :class:`~widgets.rnn_memory.MemoryDashboard` with the same
  sizes trains one epoch of each cell (to compile), then ▶ with ``epochs=E`` is timed
  until the run has ended and been drawn: the three cells in turns, one ``model.fit``
  call per cell and epoch, the validation curves, the progress bar and status after
  batches, the example's answers after every epoch.

For information it also times the bare fit on the dashboard's own tf.data pipelines
(:func:`widgets.training.batches`), so the views' own cost shows apart from the input
pipeline's gain.

Throughput is training sequences a second (3 cells × E epochs × sequences / seconds);
the issue's target is dashboard ≥ 0.8× bare. The views are computed and written into
their widgets, but headless there is no browser to send them to: the cost of the messages
themselves is not in this number (it is small: a few hundred bytes after a batch report,
a few kB after an epoch). ``--jit`` prints the step time of each cell with
``jit_compile`` off and on instead (the table in :mod:`widgets.models.memory`).

Prints a Markdown table; the machine is shared, so the load average is printed with it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from widgets.backend import load_keras  # noqa: E402
from widgets.models import memory as mm  # noqa: E402


def bare_seconds(
    length: int, sequences: int, units: int, lr: float, epochs: int, pipeline: bool = False
) -> float:
    """Seconds of ``epochs`` bare epochs of the three cells (compilation excluded); from
    numpy arrays, or with ``pipeline`` from the dashboard's tf.data pipelines
    (:func:`widgets.training.batches`), which shows what the views themselves cost."""
    from widgets.training import batches

    data = mm.make_data(sequences, length, n_val=1000, seed=0)
    x, y, fit = data.x_train, data.y_train, mm.fit_kwargs
    if pipeline:
        train = batches(x, y, mm.BATCH_SIZE, shuffle=True, seed=0)
        validation = batches(data.x_val, data.y_val, mm.VALIDATION_BATCH_SIZE)

        def fit(_data, epochs, initial_epoch=0):
            return {
                "epochs": epochs,
                "initial_epoch": initial_epoch,
                "verbose": 0,
                "validation_data": validation,
                "shuffle": False,
            }

        x, y = train, None
    total = 0.0
    for cell in mm.CELLS:
        model = mm.recurrent_model(cell, units, length, lr, seed=0)
        model.fit(x, y, **fit(data, 1))
        started = time.perf_counter()
        model.fit(x, y, **fit(data, epochs + 1, 1))
        total += time.perf_counter() - started
    return total


def dashboard_seconds(board, length: int, sequences: int, units: int, lr: float, epochs: int):
    """Seconds of one ▶ of ``epochs`` epochs of the three cells (compiled beforehand)."""
    settings = {"length": length, "sequences": sequences, "units": units, "learning_rate": lr}
    board.configure(**settings, epochs=1, cells=list(mm.CELLS))
    board.play()
    board.wait_trained(600)
    board.configure(epochs=epochs)
    started = time.perf_counter()
    board.play()
    board.wait_trained(600)
    seconds = time.perf_counter() - started
    if board.error_text:
        raise RuntimeError(board.error_text)
    assert all(len(values) == epochs + 1 for values in board.losses.values()), board.losses
    return seconds


def jit_table(length: int, units: int, steps: int = 30) -> None:
    """Median step time of each cell with jit_compile off and on (batch 64)."""
    x, y = mm.adding_problem(mm.BATCH_SIZE, length, seed=0)
    print("\n| cell | jit off (ms/step) | jit on (ms/step) | first step off / on (s) |")
    print("| --- | ---: | ---: | ---: |")
    for cell in mm.CELLS:
        medians, firsts = [], []
        for jit in (False, True):
            model = mm.recurrent_model(cell, units, length, jit_compile=jit)
            started = time.perf_counter()
            model.train_on_batch(x, y)
            firsts.append(time.perf_counter() - started)
            times = []
            for _ in range(steps):
                started = time.perf_counter()
                model.train_on_batch(x, y)
                times.append(time.perf_counter() - started)
            medians.append(statistics.median(times) * 1000)
        print(
            f"| {mm.LAYER_NAMES[cell]} | {medians[0]:.1f} | {medians[1]:.1f} | "
            f"{firsts[0]:.1f} / {firsts[1]:.1f} |"
        )


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--length", type=int, default=100)
    parser.add_argument("--sequences", type=int, default=10_000)
    parser.add_argument("--units", type=int, default=32)
    parser.add_argument("--lr", type=float, default=3e-3)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--samples", type=int, default=3)
    parser.add_argument("--jit", action="store_true", help="the jit_compile table only")
    args = parser.parse_args(argv)
    load_keras(timeout=300)
    if args.jit:
        jit_table(args.length, args.units)
        return 0
    from widgets.rnn_memory import MemoryDashboard

    board = MemoryDashboard(lang="en").wait_ready(300)
    sizes = (args.length, args.sequences, args.units, args.lr, args.epochs)
    load_before = os.getloadavg()[0]
    bare, dash, piped = [], [], []
    for sample in range(args.samples):
        bare.append(bare_seconds(*sizes))
        dash.append(dashboard_seconds(board, *sizes))
        piped.append(bare_seconds(*sizes, pipeline=True))
        print(
            f"sample {sample + 1}: bare {bare[-1]:.2f} s, dashboard {dash[-1]:.2f} s, "
            f"bare on the pipelines {piped[-1]:.2f} s",
            flush=True,
        )
    load_after = os.getloadavg()[0]
    work = len(mm.CELLS) * args.epochs * args.sequences
    bare_rate, dash_rate = work / statistics.median(bare), work / statistics.median(dash)
    ratio = dash_rate / bare_rate
    print(
        f"\nT = {args.length}, {args.sequences} sequences, {args.units} units, η = {args.lr}, "
        f"{args.epochs} epochs of each cell, {args.samples} samples (medians)\n"
    )
    print("| metric | value |\n| --- | ---: |")
    print(f"| bare model.fit, 3 cells | {statistics.median(bare):.2f} s ({bare_rate:.0f} seq/s) |")
    print(
        f"| dashboard ▶, 3 cells in turns | {statistics.median(dash):.2f} s ({dash_rate:.0f} seq/s) |"
    )
    print(f"| dashboard / bare throughput (target ≥ 0.8×) | {ratio:.2f}× |")
    piped_rate = work / statistics.median(piped)
    print(
        f"| for information: bare fit on the dashboard's tf.data pipelines | "
        f"{statistics.median(piped):.2f} s ({piped_rate:.0f} seq/s); dashboard / it "
        f"{dash_rate / piped_rate:.2f}× |"
    )
    print(
        f"| raw bare / dashboard / bare on the pipelines (s) | "
        f"{', '.join(f'{s:.2f}' for s in bare)} / {', '.join(f'{s:.2f}' for s in dash)} / "
        f"{', '.join(f'{s:.2f}' for s in piped)} |"
    )
    print(f"| 1-min load average before / after | {load_before:.1f} / {load_after:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
