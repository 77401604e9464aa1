#!/usr/bin/env python
"""TensorFlow's intra-op pool: one thread against two, idle and beside a busy core.

    python benchmarks/threads_bench.py [--models rbm digits gan_lab transfer] [--rounds 3]
                                       [--repeats 3]

Why: while a dashboard trains in Voilà, its page and the Jupyter server draw the frames
on the same cores. ``widgets.backend.page_friendly_threads`` gives TensorFlow one core
fewer than the process may use (1 on a 2-core machine). This measures what that costs and
gains for each model that trains live, headless, so the browser is not in the numbers:
each configuration runs in a fresh process (TensorFlow reads ``TF_NUM_INTRAOP_THREADS``
once), timing the same job ``--repeats`` times after a warm-up call, first on an idle
machine and then beside one busy-looping process (a stand-in for the page), the four
configurations interleaved ``--rounds`` times. Prints a Markdown table of medians; see
benchmarks/results-threads.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]

# One job a model: what the dashboard's ▶ runs, sized to take about a second.
JOBS = {
    "rbm": """
from widgets.models import rbm as rbm_model
x = rbm_model.binarized_mnist()[0]
model = rbm_model.build_rbm(visible_bias_from=x)
model.fit(x, epochs=1, verbose=0)
job = lambda: model.fit(x, epochs=5, verbose=0)""",
    "digits": """
from widgets.models import dcgan, gan
runner = gan.StepRunner(dcgan.build_dcgan(seed=0), dcgan.digits(), 64, seed=0)
runner(2)
job = lambda: runner(30)""",
    "gan_lab": """
from widgets.gan_lab.dashboard import BATCH, DATA_SIZE, SEED
from widgets.models import gan as G
runner = G.StepRunner(G.build_mlp_gan(seed=SEED), G.ring(DATA_SIZE, seed=SEED), batch_size=BATCH, seed=SEED)
runner(10)
job = lambda: runner(1000)""",
    "transfer": """
from widgets.models import transfer as tm
split = tm.target_split("digits", 5, seed=0)
source = tm.load_or_train_source("digits")[0]
def job():
    for run in tm.RUNS:
        tm.fit_run(tm.build_transfer(run, source, split.classes, 0), split, 10, seed=0)
job()""",
}

CHILD = """
import json, sys, time
sys.path.insert(0, {root!r})
from widgets.backend import load_keras
load_keras()
{job}
seconds = []
for _ in range({repeats}):
    started = time.perf_counter()
    job()
    seconds.append(time.perf_counter() - started)
print(json.dumps(seconds))
"""


def timed(model: str, threads: int, repeats: int) -> list[float]:
    """Seconds of each repeat of ``model``'s job in a fresh process with ``threads``."""
    env = {**os.environ, "TF_NUM_INTRAOP_THREADS": str(threads), "TF_CPP_MIN_LOG_LEVEL": "3"}
    code = CHILD.format(root=str(REPO_ROOT), job=JOBS[model], repeats=repeats)
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def busy_core() -> subprocess.Popen:
    """A process that keeps one core busy, as a drawing page does (until killed)."""
    return subprocess.Popen([sys.executable, "-c", "while True: pass"])


def measure(model: str, rounds: int, repeats: int) -> dict[tuple[bool, int], float]:
    """Median seconds of ``model``'s job for each (busy core?, threads), the four
    configurations interleaved ``rounds`` times so that a noisy minute hits all of them."""
    samples: dict[tuple[bool, int], list[float]] = {}
    for _ in range(rounds):
        for busy in (False, True):
            hog = busy_core() if busy else None
            try:
                for threads in (1, 2):
                    samples.setdefault((busy, threads), []).extend(timed(model, threads, repeats))
            finally:
                if hog is not None:
                    hog.kill()
                    hog.wait()
    return {key: statistics.median(values) for key, values in samples.items()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--models", nargs="+", default=list(JOBS), choices=list(JOBS))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)
    os.environ.setdefault("DL_COURSE_MNIST_DIR", str(REPO_ROOT.parent / "shared/data/mnist"))
    load_before = os.getloadavg()[0]
    rows = []
    for model in args.models:
        row = measure(model, args.rounds, args.repeats)
        rows.append((model, row))
        print(
            model, {f"busy={b} threads={t}": round(s, 3) for (b, t), s in row.items()}, flush=True
        )
    print(
        f"\n{os.cpu_count()} CPUs, load average before {load_before:.1f}, after "
        f"{os.getloadavg()[0]:.1f}; seconds a job, medians of {args.rounds} rounds of "
        f"{args.repeats}\n"
    )
    print(
        "| model | idle, 1 thread | idle, 2 threads | busy core, 1 thread | busy core, 2 threads |"
    )
    print("| --- | ---: | ---: | ---: | ---: |")
    for model, row in rows:
        cells = " | ".join(f"{row[(b, t)]:.2f}" for b in (False, True) for t in (1, 2))
        print(f"| {model} | {cells} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
