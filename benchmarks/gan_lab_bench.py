#!/usr/bin/env python
"""Lesson 14: GAN Lab's dashboard playing in Voilà against the same StepRunner run bare.

    python benchmarks/gan_lab_bench.py [--seconds 10] [--samples 3]

One run, alternating (bare, dashboard, bare, dashboard, …), each on the dashboard's
defaults (2×64 units each side, Adam 0.001, β₁ 0.5, batch 256, the ring of 4,096 points):

- **bare**: in this process, a :class:`widgets.models.gan.StepRunner` called in a loop for
  ``--seconds`` (its loop traced beforehand), once with calls of about 30 ms (the calls
  the dashboard makes: :class:`widgets.training.TrainingLoop` adapts its steps a call to
  that) and once with 100 steps a call (the machine's ceiling);
- **bare page**: the same ~30 ms loop in a Voilà kernel of its own, started by a button
  on a page of the same server (the page shows nothing while it runs): the reference the
  ratio is taken against, as it runs where the dashboard runs;
- **dashboard**: a real Voilà serving a notebook of one cell (the dashboard), opened in
  headless Chromium; ▶ Play is pressed and after a second's settling, for ``--seconds``,
  the training steps are read from the status line the page shows and the plane's redraws
  counted in the page (each update gives the fake samples' trace a new array); then
  Pause. The kernel also sends every frame to the browser, which draws it: both run on
  the same two cores as the training.

The issue asks ≥ 20 steps a second, the plane redrawn ≥ 5 times a second, and ≥ 0.8× the
bare rate. The machine is shared: the load average is printed too; run it on a quiet
machine for the README.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from tests.browser import support  # noqa: E402

ROOT = ".dl-gan-lab"
CALL_SECONDS = 0.03
NOTEBOOK = support.code_notebook(
    [
        'from widgets.gan_lab import GanLabDashboard\n\ndashboard = GanLabDashboard(lang="en")\ndashboard'
    ]
)
# The bare loop of this module, in a kernel of the same Voilà: the same model and data
# (a first cell sets SECONDS).
BARE_CELL = """import time

import ipywidgets

from benchmarks.gan_lab_bench import bare_rate
from widgets.gan_lab.dashboard import BATCH, DATA_SIZE, SEED
from widgets.models import gan as G

gan = G.build_mlp_gan(seed=SEED)
runner = G.StepRunner(gan, G.ring(DATA_SIZE, seed=SEED), batch_size=BATCH, seed=SEED)
runner(10)  # traced, warm
go = ipywidgets.Button(description="train")
go.add_class("bare-train")
done = ipywidgets.HTML("")
done.add_class("bare-done")
runs = []


def train(_button):
    runs.append(bare_rate(runner, SECONDS, None))
    done.value = f"run {len(runs)}: {runs[-1]:.1f} steps/s"


go.on_click(train)
ipywidgets.VBox([go, done])"""

# Counts the plane's redraws: plotly's update gives the fake samples' trace a new x array.
WATCH = """(root) => {
    const gd = document.querySelector(`${root} .dl-plane .js-plotly-plot`);
    const status = document.querySelector(`${root} .dl-status`);
    window.__ganFrames = 0;
    window.__ganStatus = 0;
    let last = gd.data[3].x;
    let text = status.innerText;
    clearInterval(window.__ganWatch);
    window.__ganWatch = setInterval(() => {
        const now = gd.data[3].x;
        if (now !== last) { window.__ganFrames += 1; last = now; }
        if (status.innerText !== text) { window.__ganStatus += 1; text = status.innerText; }
    }, 5);
}"""


def bare_rate(runner, seconds: float, steps_per_call: int | None) -> float:
    """Steps a second of ``runner`` called in a loop for ``seconds``; ``None`` adapts the
    steps a call to :data:`CALL_SECONDS` as the dashboard's TrainingLoop does."""
    n, done = steps_per_call or 1, 0
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        call = time.perf_counter()
        runner(n)
        done += n
        if steps_per_call is None:
            took = time.perf_counter() - call
            n = int(max(1, min(200, 0.5 * n + 0.5 * n * CALL_SECONDS / max(took, 1e-6))))
    return done / (time.perf_counter() - started)


def page_steps(page) -> int:
    text = page.locator(f"{ROOT} .dl-status").first.inner_text()
    found = re.search(r"([\d,]+) training steps?", text)
    return int(found.group(1).replace(",", "")) if found else 0


busy: list[float] = []  # the page's main thread: busy seconds a second, per sample


def _task_seconds(cdp) -> float:
    """Chromium's TaskDuration: seconds the page's main thread has been busy."""
    metrics = cdp.send("Performance.getMetrics")["metrics"]
    return next(m["value"] for m in metrics if m["name"] == "TaskDuration")


def dashboard_sample(page, seconds: float) -> tuple[float, float, float]:
    """(steps a second, plane redraws a second, status lines a second) while playing, as
    the page shows them (the status line is rewritten at most every 0.5 s)."""
    play = page.locator(f"{ROOT} button.dl-play").first
    play.click()
    support.wait_until_changed(lambda: play.inner_text().strip() == "Pause", False, "Play")
    time.sleep(1.0)  # past the first call's start
    page.evaluate(WATCH, ROOT)
    cdp = page.context.new_cdp_session(page)
    cdp.send("Performance.enable")
    busy0 = _task_seconds(cdp)
    steps0, started = page_steps(page), time.perf_counter()
    time.sleep(seconds)
    frames, lines = page.evaluate("() => [window.__ganFrames, window.__ganStatus]")
    steps1, elapsed = page_steps(page), time.perf_counter() - started
    busy.append((_task_seconds(cdp) - busy0) / elapsed)
    cdp.detach()
    play.click()
    support.wait_until_changed(lambda: play.inner_text().strip() == "Play", False, "Pause", 30)
    # The status line is rewritten every 0.5 s: its steps lag by as much at both ends.
    return (steps1 - steps0) / elapsed, frames / elapsed, lines / elapsed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--samples", type=int, default=3)
    args = parser.parse_args(argv)

    from playwright.sync_api import sync_playwright

    from widgets.backend import load_keras
    from widgets.gan_lab.dashboard import BATCH, DATA_SIZE, SEED
    from widgets.models import gan as G

    load_keras(timeout=300)
    gan = G.build_mlp_gan(seed=SEED)
    runner = G.StepRunner(gan, G.ring(DATA_SIZE, seed=SEED), batch_size=BATCH, seed=SEED)
    runner(10)  # traced, warm

    folder = Path(tempfile.mkdtemp(prefix="gan-lab-bench-"))
    (folder / "gan_lab.ipynb").write_text(json.dumps(NOTEBOOK))
    bare_cells = [f"SECONDS = {args.seconds!r}", BARE_CELL]
    (folder / "bare.ipynb").write_text(json.dumps(support.code_notebook(bare_cells)))
    load_before = os.getloadavg()[0]
    bare30, bare100, bare_page, steps, frames, lines = [], [], [], [], [], []
    with (
        support.start_voila(
            str(folder), env={"PYTHONPATH": str(REPO_ROOT)}, preheat=False, show_tracebacks=True
        ) as server,
        sync_playwright() as playwright,
    ):
        browser = support.launch_chromium(playwright)
        context = browser.new_context(viewport={"width": 1400, "height": 1100})
        bare = context.new_page()
        bare.goto(server.render_url("bare.ipynb"), wait_until="commit")
        bare.locator(".bare-train").first.wait_for(timeout=300_000)
        page = context.new_page()
        page.goto(server.render_url("gan_lab.ipynb"), wait_until="commit")
        page.locator(f"{ROOT}.dl-ready").first.wait_for(state="attached", timeout=300_000)
        problems = support.page_problems(page)
        if problems:
            raise RuntimeError("; ".join(problems))
        page.locator(f"{ROOT} button.dl-step").first.click()  # traces the kernel's loop
        time.sleep(2.0)
        for sample in range(args.samples):
            bare30.append(bare_rate(runner, args.seconds, None))
            bare100.append(bare_rate(runner, args.seconds, 100))
            support.bare_training_run(bare)
            bare_page.append(float(bare.locator(".bare-done").first.inner_text().split()[2]))
            page.bring_to_front()
            rate, redraws, status = dashboard_sample(page, args.seconds)
            steps.append(rate)
            frames.append(redraws)
            lines.append(status)
            print(
                f"sample {sample + 1}: bare page {bare_page[-1]:.0f} steps/s; "
                f"bare {bare30[-1]:.0f} steps/s in ~30 ms calls, "
                f"{bare100[-1]:.0f} in calls of 100; dashboard {rate:.0f} steps/s, "
                f"{redraws:.1f} plane redraws/s ({status:.1f} status lines/s), "
                f"page main thread busy {busy[-1]:.0%}",
                flush=True,
            )
        problems = support.page_problems(page)
        support.close_page(page, server, wait=False)
        browser.close()
    load_after = os.getloadavg()[0]
    med = statistics.median
    print(f"\n{args.samples} samples of {args.seconds:g} s (medians), batch {BATCH}\n")
    print("| metric | value | target |\n| --- | ---: | --- |")
    print(f"| bare StepRunner, ~30 ms calls | {med(bare30):.0f} steps/s | |")
    print(f"| bare StepRunner, 100 steps a call | {med(bare100):.0f} steps/s | |")
    print(f"| dashboard playing in Voilà | {med(steps):.0f} steps/s | ≥ 20 |")
    print(f"| bare page in Voilà, ~30 ms calls | {med(bare_page):.0f} steps/s | |")
    print(f"| dashboard / bare page | {med(steps) / med(bare_page):.2f}× | ≥ 0.8× |")
    print(f"| dashboard / bare (~30 ms calls) | {med(steps) / med(bare30):.2f}× | |")
    print(f"| dashboard / bare (100 a call) | {med(steps) / med(bare100):.2f}× | |")
    print(f"| plane redraws a second in the browser | {med(frames):.1f} | ≥ 5 |")
    print(f"| the page's main thread busy (s a second) | {med(busy):.2f} | |")
    print(f"| 1-min load average before / after | {load_before:.1f} / {load_after:.1f} | |")
    if problems:
        print("page problems:", problems)
    return 0


if __name__ == "__main__":
    sys.exit(main())
