#!/usr/bin/env python
"""Lesson 13: the RBM dashboard's training and Gibbs animation against bare baselines.

    python benchmarks/rbm_bench.py [--epochs 20] [--samples 3] [--play 5] [--quick]

Two parts, each with its baseline measured in the same run, samples alternating:

1. **Headless** (this process, as ``autoencoder_bench.py``): a bare
   ``build_rbm(...).fit(x, epochs=E)`` (the dashboard's defaults: 64 hidden units, CD-1,
   batch 100, 8,000 binarized digits; one epoch first, which traces the step) against a
   headless :class:`~widgets.rbm.RbmDashboard` pressing ▶ with ``epochs=E`` on a new RBM
   (also after one tracing epoch) until the run has ended and been drawn: every live
   view (receptive-field mosaic, reconstruction error, free energies, histograms, hidden
   probabilities) at each frame. Also the frames drawn a second while training.
2. **In the browser** (a real Voilà, headless Chromium, two pages, each its own kernel):
   the lesson's RBM dashboard, ▶ with ``epochs=E``, timed from the click until the status
   line says the run has ended; and a bare page whose button builds the same RBM and
   ``fit``s it (one tracing epoch first, as the dashboard's warm-up), timed from the click
   until its line shows the time, on the page's clock the same way. Samples alternate
   (bare page, dashboard), each page brought to the front before it is timed (Chromium
   throttles a page behind another), and the bare fit of part 1 is run again in this
   process between the samples. The dashboard's page counts how often the receptive-field
   mosaic it shows changes (the view refreshes a second, as drawn); then ▶ Play of the
   Gibbs chain for ``--play`` seconds, the page counting the steps it shows (the issue
   asks ≥ 10 a second).

The machine is shared: the load average is printed too. ``--quick``: 1 sample, 2 epochs,
3 s of play (checks the script runs; not numbers to keep).
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
from widgets.models import rbm as rbm_model  # noqa: E402

ROOT = ".dl-rbm"
DASHBOARD_CELLS = [
    'from widgets.notebook import setup_lesson\n\nsetup_lesson("en")',
    'from widgets.rbm import RbmDashboard\n\ndashboard = RbmDashboard(lang="en")\ndashboard',
]
# The same RBM as the dashboard's (its defaults, passed in by main) on the same digits,
# trained on by each click as the dashboard's ▶ does (its first run traces the step).
BARE_CELLS = [
    """import time

import ipywidgets

from widgets.models import rbm as rbm_model

x = rbm_model.binarized_mnist()[0]
model = rbm_model.build_rbm(**{settings!r}, visible_bias_from=x)
go = ipywidgets.Button(description="train")
go.add_class("bare-train")
done = ipywidgets.HTML("")
done.add_class("bare-done")
runs = []


def train(_button):
    # As the dashboard's ▶: {epochs} more epochs of the same RBM (the first run traces).
    started = time.perf_counter()
    before = {epochs} * len(runs)
    model.fit(x, epochs=before + {epochs}, initial_epoch=before, shuffle=True)
    runs.append(time.perf_counter() - started)
    done.value = f"run {{len(runs)}}: {{runs[-1]:.3f}} s"


go.on_click(train)
ipywidgets.VBox([go, done])""",
]


def bare_seconds(x, epochs: int, settings: dict) -> float:
    model = rbm_model.build_rbm(**settings, visible_bias_from=x)
    model.fit(x, epochs=1)
    started = time.perf_counter()
    model.fit(x, epochs=epochs + 1, initial_epoch=1)
    return time.perf_counter() - started


def dashboard_run(board, epochs: int) -> tuple[float, int]:
    """Seconds of one ▶ of ``epochs`` epochs on a new RBM (traced by a first epoch), and
    the live frames drawn meanwhile."""
    board._rebuild()
    board.configure(epochs=1)
    board.train()
    board.wait_trained(600)
    board.configure(epochs=epochs)
    frames = len(board.frame_times)
    started = time.perf_counter()
    board.train()
    board.wait_trained(600)
    seconds = time.perf_counter() - started
    if board.error_text:
        raise RuntimeError(board.error_text)
    assert board.epochs_done == epochs + 1, board.epochs_done
    return seconds, len(board.frame_times) - frames


# ------------------------------------------------------------------------- the browser

WATCH_TRAINING = """async ([root, timeout]) => {
    const gd = document.querySelector(`${root} .dl-fields .js-plotly-plot`);
    const status = document.querySelector(`${root} .dl-status`);
    const source = () => (gd.layout.images && gd.layout.images[0].source) || "";
    const started = performance.now();
    let last = source(), changes = 0, running = false;
    document.querySelector(`${root} button.dl-train`).click();
    while (performance.now() - started < timeout * 1000) {
        await new Promise(resolve => requestAnimationFrame(resolve));
        const now = source();
        if (now !== last) { changes += 1; last = now; }
        const ended = status.innerText.startsWith("After");
        if (!ended) { running = true; }  // the previous run's summary is gone
        if (running && ended) { break; }
    }
    return [(performance.now() - started) / 1000, changes, status.innerText];
}"""

WATCH_PLAY = """async ([root, seconds]) => {
    const gd = document.querySelector(`${root} .dl-gibbs .js-plotly-plot`);
    const step = () => {
        const words = ((gd.layout.title && gd.layout.title.text) || "").split(":")[0].split(" ");
        return parseInt(words[words.length - 1], 10);
    };
    document.querySelector(`${root} button.dl-gibbs-play`).click();
    let first = null, last = null, shown = 0, previous = step();
    const started = performance.now();
    while (performance.now() - started < seconds * 1000) {
        await new Promise(resolve => requestAnimationFrame(resolve));
        const now = step();
        if (now !== previous) {
            const t = performance.now();
            if (first === null) { first = [t, now]; }
            last = [t, now]; shown += 1; previous = now;
        }
    }
    document.querySelector(`${root} button.dl-gibbs-pause`).click();
    if (first === null || last[0] === first[0]) { return [0, shown]; }
    return [(last[1] - first[1]) / ((last[0] - first[0]) / 1000), shown];
}"""


def set_epochs(page, value: int) -> None:
    readout = page.locator(f"{ROOT} .dl-epochs .widget-readout").first
    readout.click()
    readout.press("Control+a")
    readout.type(str(value))
    readout.press("Enter")
    deadline = time.monotonic() + 15
    while readout.inner_text().strip() != str(value) and time.monotonic() < deadline:
        time.sleep(0.05)


def browser_part(args, x, settings) -> dict:
    import json
    import tempfile

    from playwright.sync_api import sync_playwright

    from tests.browser import support

    folder = Path(tempfile.mkdtemp(prefix="rbm-bench-"))
    bare_cells = [cell.format(settings=settings, epochs=args.epochs) for cell in BARE_CELLS]
    (folder / "rbm.ipynb").write_text(json.dumps(support.code_notebook(DASHBOARD_CELLS)))
    (folder / "bare.ipynb").write_text(json.dumps(support.code_notebook(bare_cells)))
    env = {"PYTHONPATH": str(REPO_ROOT), "DL_COURSE_MNIST_DIR": os.environ["DL_COURSE_MNIST_DIR"]}
    results = {"bare": [], "bare_page": [], "page": [], "refresh": [], "play": []}
    with (
        support.start_voila(str(folder), env=env, preheat=False) as server,
        sync_playwright() as playwright,
    ):
        browser = support.launch_chromium(playwright)
        context = browser.new_context(viewport={"width": 1400, "height": 1400})
        page = context.new_page()
        page.goto(server.render_url("rbm.ipynb"))
        page.locator(f"{ROOT}.dl-ready").first.wait_for(state="attached", timeout=300_000)
        bare = context.new_page()
        bare.goto(server.render_url("bare.ipynb"))
        bare.locator(".bare-train").first.wait_for(timeout=300_000)
        support.bare_training_run(bare)  # warm-up: imports, traces the step
        page.bring_to_front()
        set_epochs(page, 1)
        page.evaluate(WATCH_TRAINING, [ROOT, 300])  # traces the training step
        set_epochs(page, args.epochs)
        for sample in range(args.samples):
            results["bare"].append(bare_seconds(x, args.epochs, settings))
            results["bare_page"].append(support.bare_training_run(bare)[0])
            page.bring_to_front()
            seconds, changes, status = page.evaluate(WATCH_TRAINING, [ROOT, 600])
            results["page"].append(seconds)
            results["refresh"].append(changes / seconds)
            rate, shown = page.evaluate(WATCH_PLAY, [ROOT, args.play])
            results["play"].append(rate)
            print(
                f"browser sample {sample + 1}: bare {results['bare'][-1]:.2f} s, bare page "
                f"{results['bare_page'][-1]:.2f} s, page ▶ {seconds:.2f} s, {changes} mosaic "
                f"changes ({changes / seconds:.1f}/s); Gibbs play {rate:.1f} steps/s "
                f"({shown} shown) | {status}",
                flush=True,
            )
        problems = support.page_problems(page)
        support.close_page(page, server)
        browser.close()
    if problems:
        raise RuntimeError(problems)
    return results


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--samples", type=int, default=3)
    parser.add_argument("--play", type=float, default=5.0, help="seconds of Gibbs play")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--no-browser", action="store_true")
    parser.add_argument("--no-headless", action="store_true")
    args = parser.parse_args(argv)
    if args.quick:
        args.samples, args.epochs, args.play = 1, 2, 3.0
    load_keras(timeout=300)
    from widgets.rbm import RbmDashboard
    from widgets.rbm import dashboard as module

    board = RbmDashboard(lang="en").wait_ready(300)
    x = board._data[0]
    settings = {
        "n_hidden": int(board._hidden.value),
        "learning_rate": float(board._learning_rate.value),
        "momentum": float(board._momentum.value),
        "weight_decay": float(board._weight_decay.value),
        "batch_size": module.BATCH,
        "seed": module.SEED,
    }
    load_before = os.getloadavg()[0]
    bare, dash, rates = [], [], []
    for sample in range(0 if args.no_headless else args.samples):
        bare.append(bare_seconds(x, args.epochs, settings))
        seconds, frames = dashboard_run(board, args.epochs)
        dash.append(seconds)
        rates.append(frames / seconds)
        print(
            f"headless sample {sample + 1}: bare {bare[-1]:.2f} s, dashboard {dash[-1]:.2f} s, "
            f"{frames} frames ({rates[-1]:.1f} a second)",
            flush=True,
        )
    browser = None if args.no_browser else browser_part(args, x, settings)
    load_after = os.getloadavg()[0]
    med = statistics.median
    print(
        f"\n{len(x)} binarized digits, {args.epochs} epochs, CD-1, {settings['n_hidden']} "
        f"hidden units, batch {module.BATCH}, {args.samples} samples (medians)\n"
    )
    print("| metric | value | target |\n| --- | ---: | --- |")
    if bare:
        print(f"| bare `fit` (headless part) | {med(bare):.2f} s | |")
        print(f"| dashboard ▶ with the live views, headless | {med(dash):.2f} s | |")
        ratio = med(bare) / med(dash)
        print(f"| headless: dashboard / bare throughput | {ratio:.2f}× | ≥ 0.8× |")
        print(f"| headless: live frames a second while training | {med(rates):.1f} | ≥ 2 |")
    if browser:
        ratio = med(browser["bare_page"]) / med(browser["page"])
        in_process = med(browser["bare"]) / med(browser["page"])
        print(
            f"| bare `fit` in this process (between the samples) | {med(browser['bare']):.2f} s | |"
        )
        print(
            f"| bare page in Voilà, click to the time shown | {med(browser['bare_page']):.2f} s | |"
        )
        print(f"| ▶ in Voilà, click to the end shown | {med(browser['page']):.2f} s | |")
        print(f"| Voilà: dashboard / bare page throughput | {ratio:.2f}× | ≥ 0.8× |")
        print(f"| Voilà: dashboard / bare `fit` in this process | {in_process:.2f}× | |")
        print(f"| Voilà: mosaic changes a second, as drawn | {med(browser['refresh']):.1f} | ≥ 2 |")
        print(
            f"| Voilà: Gibbs ▶ Play steps a second, as drawn | {med(browser['play']):.1f} | ≥ 10 |"
        )
    print(f"| 1-min load average before / after | {load_before:.1f} / {load_after:.1f} | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
