#!/usr/bin/env python
"""Lesson 12: the autoencoder dashboard's training against a bare ``model.fit``.

    python benchmarks/autoencoder_bench.py [--epochs 5] [--samples 3] [--images 8000]

In one process, alternating (bare, dashboard, bare, dashboard, …), each on a new model
built by :func:`widgets.models.autoencoder.build_autoencoder` with the dashboard's
defaults and seed, after one epoch that compiles the training step:

- **bare**: ``model.fit(x, x, epochs=E, batch_size=…, validation_data=(x_test, x_test))``
  from numpy arrays, as a student would write it;
- **dashboard**: a headless :class:`~widgets.autoencoder.AutoencoderDashboard` pressing
  ▶ with ``epochs=E`` until the run has ended and been drawn: the 1000 test codes
  re-encoded and the scatter moved at every frame, the loss curve, progress and status.

Also counted: the scatter's redraws a second while the dashboard trains (frames painted /
training seconds; the issue asks ≥ 2). Headless there is no browser to send the frames to;
the kernel's side of them (encoding 1000 digits, the figure's update) is in the number.
The latent walk's latency in a real browser is ``voila_bench.py --lessons
en/12_autoencoders.ipynb``. The machine is shared: the load average is printed too.
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
# The offline MNIST split beside the repository, as dev.py sets it for the lessons.
os.environ.setdefault("DL_COURSE_MNIST_DIR", str(REPO_ROOT.parent / "shared" / "data" / "mnist"))

from widgets.backend import load_keras  # noqa: E402
from widgets.models import autoencoder as ae  # noqa: E402


def bare_seconds(data, images: int, epochs: int, batch: int, lr: float, hidden, seed: int):
    x_train, _, x_test, _ = data
    model = ae.build_autoencoder(hidden=hidden, learning_rate=lr, seed=seed)
    x = x_train[:images]
    kwargs = {"batch_size": batch, "verbose": 0, "validation_data": (x_test, x_test)}
    model.fit(x, x, epochs=1, **kwargs)
    started = time.perf_counter()
    model.fit(x, x, epochs=epochs + 1, initial_epoch=1, **kwargs)
    return time.perf_counter() - started


def dashboard_run(board, images: int, epochs: int) -> tuple[float, int]:
    """Seconds of one ▶ of ``epochs`` epochs on a new model (compiled by a first epoch),
    and the scatter frames painted meanwhile."""
    board.configure(images=images, epochs=1)
    board._rebuild()
    board.train()
    board.trained.wait(600)
    board.configure(epochs=epochs)
    frames = []
    original = board._frame

    def counted():
        frames.append(time.perf_counter())
        return original()

    board._frame = counted
    try:
        started = time.perf_counter()
        board.train()
        board.trained.wait(600)
        seconds = time.perf_counter() - started
    finally:
        board._frame = original
    if board.error_text:
        raise RuntimeError(board.error_text)
    assert board.epochs_done == epochs + 1, board.epochs_done
    return seconds, len(frames)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--samples", type=int, default=3)
    parser.add_argument("--images", type=int, default=8000)
    args = parser.parse_args(argv)
    load_keras(timeout=300)
    from widgets.autoencoder import AutoencoderDashboard
    from widgets.autoencoder import dashboard as module

    board = AutoencoderDashboard(lang="en").wait_ready(300)
    hidden = tuple(board._hidden.value)
    lr = float(board._learning_rate.value)
    data = board._data
    load_before = os.getloadavg()[0]
    bare, dash, rates = [], [], []
    for sample in range(args.samples):
        bare.append(bare_seconds(data, args.images, args.epochs, module.BATCH, lr, hidden, 0))
        seconds, frames = dashboard_run(board, args.images, args.epochs)
        dash.append(seconds)
        rates.append(frames / seconds)
        print(
            f"sample {sample + 1}: bare {bare[-1]:.2f} s, dashboard {dash[-1]:.2f} s, "
            f"{frames} scatter frames ({rates[-1]:.1f} a second)",
            flush=True,
        )
    load_after = os.getloadavg()[0]
    ratio = statistics.median(bare) / statistics.median(dash)
    print(
        f"\n{args.images} images, {args.epochs} epochs, batch {module.BATCH}, "
        f"784-{'-'.join(map(str, hidden))}-2 dense autoencoder, {args.samples} samples (medians)\n"
    )
    print("| metric | value |\n| --- | ---: |")
    print(f"| bare model.fit | {statistics.median(bare):.2f} s |")
    print(f"| dashboard ▶ with the live scatter | {statistics.median(dash):.2f} s |")
    print(f"| dashboard / bare throughput (target ≥ 0.8×) | {ratio:.2f}× |")
    print(
        f"| scatter redraws a second while training (target ≥ 2) | {statistics.median(rates):.1f} |"
    )
    print(
        f"| raw bare / dashboard (s) | {', '.join(f'{s:.2f}' for s in bare)} / "
        f"{', '.join(f'{s:.2f}' for s in dash)} |"
    )
    print(f"| 1-min load average before / after | {load_before:.1f} / {load_after:.1f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
