#!/usr/bin/env python
"""Lesson 14: the digits GAN dashboard in Voilà against bare references, in one run.

    python benchmarks/gan_digits_bench.py [--steps 200] [--samples 3] [--presses 10]

One Voilà server, headless Chromium, two pages open side by side (each its own kernel):

- the **dashboard**: :class:`~widgets.gan_digits.GanDigitsDashboard` as the lesson builds it
  (8,000 digits, noise 32, batch 64);
- the **bare reference**: the same DCGAN (:func:`widgets.models.dcgan.build_dcgan`, same
  seed) with a :class:`widgets.models.gan.StepRunner`, a "train" button that runs the same
  number of steps one call a step (what the dashboard's loop does at these step times)
  and a plain ipywidgets slider whose observer calls ``generator(z, training=False)`` on
  one noise vector and shows the PNG in an ``<img>`` (an HTML widget's data URL), and a
  second such slider writing the PNG into an ``ipywidgets.Image`` (what the dashboard uses).

Each sample alternates (bare, dashboard) after a warm-up run on each page (tracing):

- **training**: seconds from the click on ▶ / "train" to the page showing the run's end,
  on the page's clock; throughput = steps / seconds; the issue asks dashboard ≥ 0.8× bare;
- **grid refreshes a second** while the dashboard trains: distinct grid images the page
  drew (a poller in the page) / seconds of the run; the issue asks ≥ 1;
- **morph**: ``--presses`` arrow keys on each page's t slider, seconds from the keydown to
  the image's DOM changing (:func:`tests.browser.support.press_slider_and_time`), p50.

The machine is shared: the load average is printed; the lead runs it on a quiet machine.
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

DASHBOARD_CELLS = [
    'from widgets.notebook import setup_lesson\n\nsetup_lesson("en")',
    "from widgets.gan_digits import GanDigitsDashboard\n\n"
    'digits_gan = GanDigitsDashboard(lang="en")\ndigits_gan',
]
BARE_CELLS = [
    """import time

import ipywidgets
import numpy as np

from widgets.figures.png import encode_png, image_url, scale_rgb
from widgets.models import dcgan, gan

model = dcgan.build_dcgan(seed=0)
runner = gan.StepRunner(model, dcgan.digits(), 64, seed=0)
z0, z1 = dcgan.fixed_noise(64, 32, seed=1)[:2]
steps = ipywidgets.IntText(value=10, description="steps")
steps.add_class("bare-steps")
go = ipywidgets.Button(description="train")
go.add_class("bare-train")
done = ipywidgets.HTML("")
done.add_class("bare-done")
t = ipywidgets.FloatSlider(value=0.5, min=0, max=1, step=0.02, description="t")
t.add_class("bare-t")
picture = ipywidgets.HTML("")
picture.add_class("bare-image")
t2 = ipywidgets.FloatSlider(value=0.5, min=0, max=1, step=0.02, description="t (Image)")
t2.add_class("bare-t2")
picture2 = ipywidgets.Image(format="png", width=130, height=130)
picture2.add_class("bare-image2")
runs = []


def train(_button):
    started = time.perf_counter()
    for _ in range(int(steps.value)):
        runner(1)
    runs.append(time.perf_counter() - started)
    done.value = f"run {len(runs)}: {runs[-1]:.3f} s"


def show(_change=None):
    z = dcgan.interpolate(z0, z1, t.value)
    image = dcgan.generate_images(model, z)[0]  # one direct generator(z, training=False)
    src = image_url(image, "Greys", 0.0, 1.0)
    picture.value = f"<img src='{src}' width=130 style='image-rendering:pixelated'>"


def show2(_change=None):
    z = dcgan.interpolate(z0, z1, t2.value)
    image = dcgan.generate_images(model, z)[0]
    picture2.value = encode_png(scale_rgb(image, "Greys", 0.0, 1.0))


go.on_click(train)
t.observe(show, names="value")
t2.observe(show2, names="value")
show()
show2()
ipywidgets.VBox([steps, go, done, t, picture, t2, picture2])""",
]

GRID_POLLER = """
() => {
    const gd = document.querySelector(".dl-gan-digits .dl-grid .js-plotly-plot");
    const seen = window.__gridSeen = {count: 0, last: null};
    window.__gridPoller = setInterval(() => {
        const src = gd && gd.layout && gd.layout.images ? gd.layout.images[0].source : null;
        if (src && src !== seen.last) { seen.count += 1; seen.last = src; }
    }, 20);
}
"""


def set_text(page, selector: str, value: str) -> None:
    box = page.locator(selector).first
    box.click()
    box.press("Control+a")
    box.type(value)
    box.press("Enter")


def status(page) -> str:
    return page.locator(".dl-gan-digits .dl-status").first.inner_text()


def dashboard_run(page, steps: int) -> tuple[float, int]:
    """One ▶ of ``steps`` steps: page seconds to the end, grid images drawn meanwhile."""
    page.bring_to_front()  # a page behind another is throttled (support.press_slider_and_time)
    set_text(page, f".dl-gan-digits .dl-steps {support.SLIDER_READOUT}", str(steps))
    page.evaluate(GRID_POLLER)
    before = status(page)
    started = time.perf_counter()
    page.locator(".dl-gan-digits button.dl-train").first.click()
    page.wait_for_function(
        """(before) => {
            const s = document.querySelector(".dl-gan-digits .dl-status");
            const text = s ? s.innerText : "";
            return text !== before && text.startsWith("After");
        }""",
        arg=before,
        timeout=600_000,
        polling=20,
    )
    seconds = time.perf_counter() - started
    grids = page.evaluate(
        "() => { clearInterval(window.__gridPoller); return window.__gridSeen.count; }"
    )
    return seconds, grids


def bare_run(page, steps: int) -> tuple[float, float]:
    """One bare run of ``steps`` steps: page seconds, kernel seconds."""
    set_text(page, ".bare-steps input", str(steps))
    return support.bare_training_run(page, timeout=600)


def morph_latencies(page, handle_selector: str, target: str, presses: int) -> list[float]:
    handle = page.locator(handle_selector).first
    times = []
    for i in range(presses):
        key = "ArrowRight" if (i // 10) % 2 == 0 else "ArrowLeft"
        times.append(support.press_slider_and_time(page, handle, target, key=key))
        time.sleep(0.3)
    return times


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--steps", type=int, default=200)
    parser.add_argument("--samples", type=int, default=3)
    parser.add_argument("--presses", type=int, default=10)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    folder = Path(tempfile.mkdtemp(prefix="gan-digits-bench-"))
    (folder / "dashboard.ipynb").write_text(json.dumps(support.code_notebook(DASHBOARD_CELLS)))
    (folder / "bare.ipynb").write_text(json.dumps(support.code_notebook(BARE_CELLS)))
    env = {"PYTHONPATH": str(REPO_ROOT), "DL_COURSE_MNIST_DIR": os.environ["DL_COURSE_MNIST_DIR"]}
    server = support.start_voila(str(folder), env=env, timeout=120)
    try:
        with sync_playwright() as playwright:
            browser = support.launch_chromium(playwright)
            context = browser.new_context(viewport={"width": 1400, "height": 1400})
            dash = context.new_page()
            dash.goto(server.render_url("dashboard.ipynb"), timeout=300_000)
            dash.locator(".dl-gan-digits.dl-ready").first.wait_for(
                state="attached", timeout=300_000
            )
            bare = context.new_page()
            bare.goto(server.render_url("bare.ipynb"), timeout=300_000)
            bare.locator(".bare-train").first.wait_for(timeout=300_000)
            bare.locator(".bare-image img").first.wait_for(timeout=300_000)
            bare_run(bare, 5)  # warm-up: traces the step
            dashboard_run(dash, 5)
            load_before = os.getloadavg()[0]
            rows = {"bare": [], "bare_kernel": [], "dash": [], "grids": []}
            for sample in range(args.samples):
                page_s, kernel_s = bare_run(bare, args.steps)
                rows["bare"].append(page_s)
                rows["bare_kernel"].append(kernel_s)
                dash_s, grids = dashboard_run(dash, args.steps)
                rows["dash"].append(dash_s)
                rows["grids"].append(grids / dash_s)
                print(
                    f"sample {sample + 1}: bare {page_s:.2f} s (kernel {kernel_s:.2f} s), "
                    f"dashboard {dash_s:.2f} s, {grids} grid images "
                    f"({grids / dash_s:.2f} a second)",
                    flush=True,
                )
            morph = morph_latencies(
                dash, ".dl-gan-digits .dl-morph-t .noUi-handle",
                ".dl-gan-digits .dl-morph", args.presses,
            )  # fmt: skip
            reference = morph_latencies(bare, ".bare-t .noUi-handle", ".bare-image", args.presses)
            as_image = morph_latencies(bare, ".bare-t2 .noUi-handle", ".bare-image2", args.presses)
            load_after = os.getloadavg()[0]
            browser.close()
    finally:
        server.stop()
    median = statistics.median
    ratio = median(rows["bare"]) / median(rows["dash"])
    print(f"\n{args.steps} steps a run, batch 64, noise 32, {args.samples} samples (medians)\n")
    print("| metric | value |\n| --- | ---: |")
    print(
        f"| bare StepRunner loop, click to shown | {median(rows['bare']):.2f} s "
        f"({args.steps / median(rows['bare']):.1f} steps/s) |"
    )
    print(
        f"| dashboard ▶, click to shown | {median(rows['dash']):.2f} s "
        f"({args.steps / median(rows['dash']):.1f} steps/s) |"
    )
    print(f"| dashboard / bare throughput (target ≥ 0.8×) | {ratio:.2f}× |")
    print(f"| grid refreshes a second while training (target ≥ 1) | {median(rows['grids']):.2f} |")
    print(f"| morph slider → image p50, dashboard | {1000 * median(morph):.0f} ms |")
    print(f"| bare slider → generator image p50 | {1000 * median(reference):.0f} ms |")
    print(f"| the same into an ipywidgets.Image p50 | {1000 * median(as_image):.0f} ms |")
    print(f"| morph / bare slider | {median(morph) / median(reference):.2f}× |")
    print(
        f"| raw bare / dashboard (s) | {', '.join(f'{s:.2f}' for s in rows['bare'])} / "
        f"{', '.join(f'{s:.2f}' for s in rows['dash'])} |"
    )
    print(f"| 1-min load average before / after | {load_before:.1f} / {load_after:.1f} |")
    return 0  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
