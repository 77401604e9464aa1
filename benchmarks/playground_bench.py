"""Lesson 07 benchmark: the playground in real Voilà and headless Chromium.

TensorFlow Playground's reference network (issue 4): spiral, 250 training and 250 test
points, two hidden layers of 8, tanh, learning rate 0.03, batch 10, squared loss. For each
of ``--runs`` page loads this script measures, as a student's browser sees it:

- **epochs/s** while training: the epoch counter on the page over ``--seconds`` s;
- **heatmap refresh rate**: redraws per second of the output heatmap and of the neuron
  tiles (a new image ``href`` in the page's SVG, checked at every animation frame);
- **control latency**, idle and while training: clicking the "early stopping" checkbox
  until the page's state link shows the change (a full kernel round trip);
- **time to a test loss below 0.1**: from ▶ to the first test loss < 0.1 shown.

Usage: ``python benchmarks/playground_bench.py [--runs 3] [--seconds 20] [--port 8931]``.
The machine has 2 cores; numbers measured while other work runs are noisy.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.browser import support  # noqa: E402

QUERY = "?data=spiral&layers=8,8&acts=tanh,tanh&lr=0.03&batch=10&train=50"
PLAYGROUND = {"epochs_per_s": 25.7, "time_to_0.1_s": "36-50 (2 runs of 3)"}

COUNT_REDRAWS = """() => {
    // A heatmap is redrawn when its image's href changes (the output; the neuron tiles):
    // checked at every animation frame, i.e. as often as the page can paint.
    window.__redraws = {output: [], network: [], start: performance.now()};
    const plots = document.querySelectorAll('.dl-dashboard .js-plotly-plot');
    const last = {};
    const check = () => {
        for (const [key, plot] of [['network', plots[0]], ['output', plots[1]]]) {
            const image = plot.querySelector('image');
            const href = image ? (image.getAttribute('href') || '').slice(-64) : '';
            if (href !== last[key]) {
                last[key] = href;
                window.__redraws[key].push(performance.now());
            }
        }
        requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
}"""


def epoch(page) -> int:
    text = page.locator(".dl-epoch").first.inner_text()
    return int("".join(ch for ch in text if ch.isdigit()) or 0)


def test_loss(page) -> float:
    text = page.locator(".dl-numbers").first.inner_text()
    numbers = re.findall(r"(\d+\.\d+)", text)
    return float(numbers[1]) if len(numbers) > 1 else float("inf")


def control_latency(page, presses: int = 6) -> list[float]:
    """Click "early stopping" and wait until the state link shows it (seconds each).

    An even number of clicks, so the training is left without early stopping.
    """
    box = page.locator(".dl-dashboard input[type=checkbox]").nth(0)  # early stopping
    link = page.locator(".dl-link input").first
    times = []
    for _ in range(presses):
        want = "early=1" not in link.input_value()
        started = time.perf_counter()
        box.click()
        while ("early=1" in link.input_value()) != want:
            if time.perf_counter() - started > 20:
                raise TimeoutError("the control did not answer within 20 s")
            time.sleep(0.005)
        times.append(time.perf_counter() - started)
        time.sleep(0.3)
    return times


def one_run(browser, server, seconds: float) -> dict:
    context = browser.new_context(viewport={"width": 1400, "height": 1400})
    page = context.new_page()
    started = time.perf_counter()
    page.goto(server.render_url(f"en/07_playground.ipynb{QUERY}"), wait_until="commit")
    support.wait_for_widgets(page, ready=True, timeout=120)
    ready = time.perf_counter() - started
    time.sleep(2.0)
    idle = control_latency(page)
    page.evaluate(COUNT_REDRAWS)
    page.locator(".dl-play").first.click()
    clicked = time.perf_counter()
    first_epoch, samples, below = None, [], None
    while time.perf_counter() - clicked < seconds:
        now, value = time.perf_counter(), epoch(page)
        if value > 0 and first_epoch is None:
            first_epoch = (now, value)
        samples.append((now, value))
        if below is None and test_loss(page) < 0.1:
            below = now - clicked
        time.sleep(0.1)
    busy = control_latency(page)  # while it trains
    redraws = page.evaluate("() => window.__redraws")
    while below is None and time.perf_counter() - clicked < 120:
        if test_loss(page) < 0.1:
            below = time.perf_counter() - clicked
        time.sleep(0.1)
    page.locator(".dl-play").first.click()
    (t0, e0), (t1, e1) = first_epoch, samples[-1]
    window = (t0 - clicked) * 1000, (t1 - clicked) * 1000

    def rate(stamps):
        inside = [s for s in stamps if window[0] <= s - redraws["start"] <= window[1]]
        return len(inside) / ((window[1] - window[0]) / 1000)

    result = {
        "ready_s": ready,
        "epochs_per_s": (e1 - e0) / (t1 - t0),
        "output_redraws_per_s": rate(redraws["output"]),
        "network_redraws_per_s": rate(redraws["network"]),
        "latency_idle_ms": 1000 * statistics.median(idle),
        "latency_training_ms": 1000 * statistics.median(busy),
        "time_to_0.1_s": below,
    }
    support.close_page(page, server, wait=False)
    context.close()
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--port", type=int, default=8931)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    results = []
    with support.start_voila("lessons", preheat=False, port=args.port) as server:
        with sync_playwright() as playwright:
            browser = support.launch_chromium(playwright)
            for run in range(args.runs):
                results.append(one_run(browser, server, args.seconds))
                print(f"run {run + 1}: {results[-1]}", flush=True)
            browser.close()
    print(
        "\n| measure | " + " | ".join(f"run {i + 1}" for i in range(len(results))) + " | median |"
    )
    print("|---|" + "---|" * (len(results) + 1))
    for key in results[0]:
        values = [r[key] for r in results]
        finite = [v for v in values if v is not None]
        median = statistics.median(finite) if finite else None
        cells = " | ".join("—" if v is None else f"{v:.1f}" for v in values)
        print(f"| {key} | {cells} | {'—' if median is None else f'{median:.1f}'} |")
    print(f"\nTensorFlow Playground on this machine (issue 4): {PLAYGROUND}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
