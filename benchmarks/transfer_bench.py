#!/usr/bin/env python
"""Lesson 16: transfer training through the dashboard in Voilà against a bare ``fit``.

    python benchmarks/transfer_bench.py [--labels 5] [--epochs 30] [--samples 3]

One Voilà server (the source CNN's cache in a temporary folder), headless Chromium, two
pages side by side (each its own kernel):

- the **dashboard**: :class:`~widgets.transfer.TransferDashboard` as the lesson builds it,
  all three runs (frozen, fine-tuned, scratch) at ``--labels`` per class and ``--epochs``;
- the **bare reference**: a "train" button that builds the same three models from the same
  source CNN (read from the cache the dashboard's warm-up run wrote) with
  :func:`widgets.models.transfer.build_transfer` and fits them one after another on the
  same data, the same batches and the same per-epoch test accuracy
  (:func:`widgets.models.transfer.fit_run`), and then writes its time.

Each sample alternates (bare, dashboard), after a warm-up on each page (the dashboard's
trains the source CNN once). Measured: seconds from the click to the page showing the end
("Done" / the bare line), on the page's clock; the issue asks dashboard ≥ 0.8× bare
throughput (bare seconds / dashboard seconds). The results go to
benchmarks/results-lesson-16-transfer.md. The machine is shared: the load average is
printed; the lead runs it on a quiet machine.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))
os.environ.setdefault("DL_COURSE_MNIST_DIR", str(REPO_ROOT.parent / "shared" / "data" / "mnist"))

from tests.browser import support  # noqa: E402

RESULTS = REPO_ROOT / "benchmarks" / "results-lesson-16-transfer.md"
ROOT = ".dl-transfer"

DASHBOARD_CELLS = [
    'from widgets.notebook import setup_lesson\n\nsetup_lesson("en")',
    "from widgets.transfer import TransferDashboard\n\n"
    'transfer = TransferDashboard(lang="en")\n'
    "transfer.configure(labels={labels}, epochs={epochs})\ntransfer",
]
BARE_CELLS = [
    """import time

import ipywidgets

from widgets.models import transfer as tm

split = tm.target_split("digits", {labels}, seed=0)
go = ipywidgets.Button(description="train")
go.add_class("bare-train")
done = ipywidgets.HTML("")
done.add_class("bare-done")
runs = []


def train(_button):
    started = time.perf_counter()
    source, _ = tm.load_or_train_source("digits")  # the dashboard's, from the cache
    for run in tm.RUNS:
        model = tm.build_transfer(run, source, split.classes, 0)
        tm.fit_run(model, split, {epochs}, seed=0)
    runs.append(time.perf_counter() - started)
    done.value = f"run {{len(runs)}}: {{runs[-1]:.3f}} s"


go.on_click(train)
ipywidgets.VBox([go, done])""",
]


STOP_WATCH = """(root) => {
    const stop = document.querySelector(`${root} button.dl-stop`);
    window.__stopEnabled = false;
    const observer = new MutationObserver(() => {
        if (!stop.disabled) { window.__stopEnabled = true; observer.disconnect(); }
    });
    observer.observe(stop, {attributes: true});
}"""


def dashboard_run(page) -> float:
    """One ▶ Train of the three runs: page seconds from the click to "Done" (after the
    Stop button was enabled, so that the previous run's "Done" does not count)."""
    page.bring_to_front()  # a page behind another is throttled (support.press_slider_and_time)
    page.evaluate(STOP_WATCH, ROOT)
    started = time.perf_counter()
    page.locator(f"{ROOT} button.dl-train").first.click()
    page.wait_for_function(
        """(root) => {
            const s = document.querySelector(`${root} .dl-status`);
            const stop = document.querySelector(`${root} button.dl-stop`);
            return window.__stopEnabled && s && s.innerText.startsWith("Done")
                && stop && stop.disabled;
        }""",
        arg=ROOT,
        timeout=900_000,
        polling=20,
    )
    return time.perf_counter() - started


def bare_run(page) -> tuple[float, float]:
    """One bare training of the three runs: page seconds, kernel seconds."""
    return support.bare_training_run(page, timeout=900)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--labels", type=int, default=5)
    parser.add_argument("--epochs", type=int, default=30)
    parser.add_argument("--samples", type=int, default=3)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="transfer-bench-"))
    values = {"labels": args.labels, "epochs": args.epochs}
    for name, cells in (("dashboard", DASHBOARD_CELLS), ("bare", BARE_CELLS)):
        text = json.dumps(support.code_notebook([cell.format(**values) for cell in cells]))
        (folder / f"{name}.ipynb").write_text(text)
    env = {
        "PYTHONPATH": str(REPO_ROOT),
        "DL_COURSE_MNIST_DIR": os.environ["DL_COURSE_MNIST_DIR"],
        "DL_COURSE_CACHE_DIR": str(folder / "cache"),
    }
    server = support.start_voila(str(folder), env=env, timeout=120)
    try:
        with sync_playwright() as playwright:
            browser = support.launch_chromium(playwright)
            context = browser.new_context(viewport={"width": 1400, "height": 1400})
            dash = context.new_page()
            dash.goto(server.render_url("dashboard.ipynb"), timeout=300_000)
            dash.locator(f"{ROOT}.dl-ready").first.wait_for(state="attached", timeout=300_000)
            warm_up = dashboard_run(dash)  # trains and caches the source CNN first
            print(f"warm-up (source CNN + the runs): {warm_up:.1f} s", flush=True)
            bare = context.new_page()
            bare.goto(server.render_url("bare.ipynb"), timeout=300_000)
            bare.locator(".bare-train").first.wait_for(timeout=300_000)
            bare_run(bare)  # warm-up: loads the source, traces once
            load_before = os.getloadavg()[0]
            rows = {"bare": [], "bare_kernel": [], "dash": []}
            for sample in range(args.samples):
                page_s, kernel_s = bare_run(bare)
                dash_s = dashboard_run(dash)
                rows["bare"].append(page_s)
                rows["bare_kernel"].append(kernel_s)
                rows["dash"].append(dash_s)
                print(
                    f"sample {sample + 1}: bare {page_s:.2f} s (kernel {kernel_s:.2f} s), "
                    f"dashboard {dash_s:.2f} s",
                    flush=True,
                )
            load_after = os.getloadavg()[0]
            browser.close()
    finally:
        server.stop()
    median = statistics.median
    ratio = median(rows["bare"]) / median(rows["dash"])
    lines = [
        "# Lesson 16: transfer training, dashboard in Voilà vs a bare fit",
        "",
        f"Written by `python benchmarks/transfer_bench.py --labels {args.labels} "
        f"--epochs {args.epochs} --samples {args.samples}` on "
        f"{time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC. Three runs (frozen, "
        f"fine-tuned, scratch), {args.labels} labels per class of the 8×8 digits, "
        f"{args.epochs} epochs each, the test accuracy after every epoch; medians of "
        f"{args.samples} samples, click to shown in headless Chromium.",
        "",
        "| metric | value |",
        "| --- | ---: |",
        f"| bare fits of the three runs, click to shown | {median(rows['bare']):.2f} s |",
        f"| the same inside the bare kernel | {median(rows['bare_kernel']):.2f} s |",
        f'| dashboard ▶ Train, click to "Done" | {median(rows["dash"]):.2f} s |',
        f"| dashboard / bare throughput (target ≥ 0.8×) | {ratio:.2f}× |",
        f"| raw bare / dashboard (s) | {', '.join(f'{s:.2f}' for s in rows['bare'])} / "
        f"{', '.join(f'{s:.2f}' for s in rows['dash'])} |",
        f"| 1-min load average before / after | {load_before:.1f} / {load_after:.1f} |",
        "",
    ]
    text = "\n".join(lines)
    print("\n" + text)
    RESULTS.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
