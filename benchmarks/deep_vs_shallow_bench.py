#!/usr/bin/env python
"""Lesson 08 (deep against shallow) in real Voilà and headless Chromium.

    python benchmarks/deep_vs_shallow_bench.py [--lang en] [--presses 8] [--port 8940]
                                               [--screenshots DIR] [--sets noisy]
                                               [--no-latency]

Measures on one cold page:

- seconds from navigation to the dashboard shown and ready (``.dl-ready``);
- idle latency: a key press on the teeth slider until the curve figure changes (every
  setting rebuilds both Keras nets, so this is a rebuild, not only a redraw); p50, p95;
- training with the default settings (sawtooth, 8 teeth, 400 parameters, 1500 steps):
  seconds from the click on ▶ to the first and the last loss-figure update, full-batch
  steps a second as the page sees them, and how often the figures refresh a second;
- the same teeth-slider latency while a training runs (the press stops it, rebuilds and
  redraws), against the idle one (target: at most 2x).

With ``--screenshots`` it also trains each data set (or those named by ``--sets``) once
with its defaults and saves full-page PNGs; ``--no-latency`` skips the measurements.
Prints a Markdown table. The machine is shared: report the load average beside it.
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

from tests.browser import support  # noqa: E402

STEM = "08_deep_vs_shallow"
TEETH_HANDLE = f"{support.DASHBOARD} .dl-teeth {support.SLIDER_HANDLE}"
FUNCTION = f"{support.DASHBOARD} .dl-function {support.PLOTLY_FIGURE}"
DONE = {"pl": "Po ", "en": "After "}
DATASETS = ("sawtooth", "spirals", "noisy")

# Counts the loss figure's redraws (plotly replaces its SVG paths on every update) and
# remembers the last step it showed, on the page's own clock.
WATCH_LOSS = """
() => {
    const gd = document.querySelector('.dl-dashboard .dl-loss .js-plotly-plot');
    const watch = window.__dlLoss = {updates: [], steps: []};
    const read = () => {
        const trace = gd.data && gd.data[3];
        const xs = trace ? Array.from(trace.x || []) : [];
        return xs.length ? xs[xs.length - 1] : null;
    };
    let last = read();
    watch.observer = new MutationObserver(() => {
        const step = read();
        if (step !== last) {
            last = step;
            watch.updates.push(performance.now());
            watch.steps.push(step);
        }
    });
    watch.observer.observe(gd, {subtree: true, childList: true, attributes: true});
    watch.clicked = performance.now();
}
"""


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def press_teeth(page, presses: int) -> list[float]:
    """Latencies (s) of alternate ArrowRight/ArrowLeft presses on the teeth slider."""
    handle = page.locator(TEETH_HANDLE).first
    times = []
    for i in range(presses):
        key = "ArrowRight" if i % 2 == 0 else "ArrowLeft"
        times.append(support.press_slider_and_time(page, handle, FUNCTION, key, timeout=30))
        time.sleep(0.3)
    return times


def train_once(page, lang: str, timeout: float = 240.0) -> dict:
    """Click ▶ and follow the loss figure until the status says the training ended."""
    page.evaluate(WATCH_LOSS)
    page.locator("button.dl-play").first.click()
    status = page.locator(".dl-status")
    deadline = time.monotonic() + timeout
    while DONE[lang] not in status.inner_text() and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(0.5)
    watch = page.evaluate("() => ({...window.__dlLoss, observer: null})")
    page.evaluate("() => window.__dlLoss.observer.disconnect()")
    updates = [(t - watch["clicked"]) / 1000 for t in watch["updates"]]
    if len(updates) < 2:
        raise RuntimeError("the loss figure did not update during training")
    span = updates[-1] - updates[0]
    steps = watch["steps"][-1] - watch["steps"][0]
    return {
        "first": updates[0],
        "last": updates[-1],
        "steps_per_s": steps / span if span > 0 else float("nan"),
        "refresh_hz": (len(updates) - 1) / span if span > 0 else float("nan"),
        "total_steps": watch["steps"][-1],
    }


def press_while_training(page, presses: int) -> list[float]:
    """Teeth-slider latencies, each pressed about 1 s after a new ▶."""
    times = []
    handle = page.locator(TEETH_HANDLE).first
    for i in range(presses):
        page.locator("button.dl-play").first.click()
        time.sleep(1.0)
        key = "ArrowRight" if i % 2 == 0 else "ArrowLeft"
        times.append(support.press_slider_and_time(page, handle, FUNCTION, key, timeout=30))
        time.sleep(0.3)
    return times


def screenshots(page, lang: str, folder: Path, sets=DATASETS) -> None:
    """Train each of ``sets`` with its defaults and save a full-page screenshot."""
    labels = {"pl": ("piła", "spirale", "zaszumiony"), "en": ("sawtooth", "spirals", "noisy")}
    for name, label in zip(DATASETS, labels[lang], strict=True):
        if name not in sets:
            continue
        page.locator(f".dl-dashboard .widget-toggle-buttons button:has-text('{label}')").click()
        time.sleep(2.0)
        train_once(page, lang)
        support.save_screenshot(page, folder / f"{lang}_{STEM}_{name}.png")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--lang", default="en", choices=("pl", "en"))
    parser.add_argument("--presses", type=int, default=8)
    parser.add_argument("--port", type=int, default=None)
    parser.add_argument("--screenshots", type=Path, default=None)
    parser.add_argument("--sets", nargs="+", default=DATASETS, choices=DATASETS)
    parser.add_argument("--no-latency", action="store_true", help="screenshots only")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    load_before = os.getloadavg()[0]
    with support.start_voila("lessons", port=args.port) as server, sync_playwright() as pw:
        browser = support.launch_chromium(pw)
        context = browser.new_context(viewport={"width": 1400, "height": 1400})
        context.add_init_script(support.TIMING_MARKS_SCRIPT)
        page = context.new_page()
        page.goto(server.render_url(f"{args.lang}/{STEM}.ipynb"), wait_until="commit")
        support.wait_for_widgets(page, ready=True, timeout=180)
        marks = support.timing_marks(page)
        time.sleep(2.0)
        if not args.no_latency:
            idle = press_teeth(page, args.presses)
            training = train_once(page, args.lang)
            busy = press_while_training(page, args.presses)
        if args.screenshots:
            screenshots(page, args.lang, args.screenshots, args.sets)
        problems = support.page_problems(page)
        support.close_page(page, server, wait=True)
        browser.close()
    load_after = os.getloadavg()[0]
    if args.no_latency:
        print(f"page problems: {'; '.join(problems) or 'none'}")
        return 0
    ratio = statistics.median(busy) / statistics.median(idle)
    rows = [
        ("cold: widgets shown", f"{marks.get('shown', float('nan')):.1f} s"),
        ("cold: ready (.dl-ready)", f"{marks.get('ready', float('nan')):.1f} s"),
        (
            "teeth slider → curve, idle, p50 / p95",
            f"{statistics.median(idle) * 1000:.0f} / {percentile(idle, 0.95) * 1000:.0f} ms",
        ),
        (
            "teeth slider → curve, while training, p50 / p95",
            f"{statistics.median(busy) * 1000:.0f} / {percentile(busy, 0.95) * 1000:.0f} ms",
        ),
        ("while training / idle (target ≤ 2×)", f"{ratio:.2f}×"),
        ("▶ → first loss update", f"{training['first']:.2f} s"),
        ("▶ → last loss update", f"{training['last']:.1f} s ({training['total_steps']} steps)"),
        ("full-batch steps per second (both nets)", f"{training['steps_per_s']:.0f}"),
        ("figure refreshes per second while training", f"{training['refresh_hz']:.1f}"),
        ("page problems", "; ".join(problems) or "none"),
        ("1-min load average before / after", f"{load_before:.1f} / {load_after:.1f}"),
    ]
    print(f"\n### {args.lang}/{STEM}.ipynb\n\n| metric | value |\n| --- | ---: |")
    for metric, value in rows:
        print(f"| {metric} | {value} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
