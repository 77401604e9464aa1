#!/usr/bin/env python
"""Lesson 15's controls against the bare reference, in one run.

    python benchmarks/layer_zoo_bench.py [--layers Conv2D LSTM ...] [--presses 10]

The layer zoo's controls depend on the layer, so the lesson is visited once per layer
(``lessons/en/15_keras_layers.ipynb?layer=NAME``, the page's address setting), and each
visit presses every control of the zoo that the layer shows (its arguments, the window
slider, the digit) except the family and layer menus, which would change the layer in the
middle of the visit. A last visit presses the two menus (each press builds another layer),
then the sequence builder's main controls: the preset menu, ▶ Add and Remove (Enter on
the button). Every press is timed in the page from the keydown to the first change of a
result, as ``controls_bench.py`` does (its probe, press and report are reused here);
visits alternate with the bare one-slider reference, and each visit's ratio is against
the reference visits just before and after it.

A press answers at once with what the catalogue's formulas know (the output shape, the
parameter count), and the layer's own output follows from a Keras build on a background
worker (a state built before is drawn at once): the main table is the first visible change,
as for every lesson; a second table gives, for the layer zoo's presses, the time until its
figures changed (the Keras result on screen).

Writes benchmarks/results-lesson-15-layers.md. The target is the issue's: every control's
p50 within 1.2× the reference's.
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from benchmarks import controls_bench as cb  # noqa: E402
from benchmarks.voila_bench import (  # noqa: E402
    Notebook,
    log,
    opened,
    percentile,
    versions,
    wait_idle,
)
from tests.browser import support  # noqa: E402

PAGE = "lessons/en/15_keras_layers.ipynb"
#: One layer a family (and the kinds of argument: sliders, menus, checkboxes, a box).
DEFAULT_LAYERS = [
    "Conv2D",
    "Conv2DTranspose",
    "MaxPooling2D",
    "Conv1D",
    "Dense",
    "Dropout",
    "BatchNormalization",
    "LSTM",
    "Bidirectional",
    "Embedding",
    "UpSampling2D",
]
ZOO_MENUS = ("0:Family", "0:Layer")  # the zoo is the page's first dashboard
STACK = ".dl-layer-stack"

#: For every key press from now on, the time of the first change inside the layer zoo's
#: figures (its rasters or lines): the Keras result drawn, which may follow the first answer.
_WATCH_FIGURES = """() => {
    if (window.__dlFigures) { window.__dlFigures.presses = []; return; }
    const state = {presses: []};
    window.__dlFigures = state;
    document.addEventListener("keydown", () => {
        state.presses.push({pressed: performance.now(), figure: null});
    }, {capture: true});
    const observer = new MutationObserver((mutations) => {
        const last = state.presses[state.presses.length - 1];
        if (!last || last.figure !== null) { return; }
        for (const m of mutations) {
            const el = m.target.nodeType === 1 ? m.target : m.target.parentElement;
            if (el && el.closest(".dl-layer-zoo .js-plotly-plot")) {
                last.figure = performance.now();
                return;
            }
        }
    });
    document.querySelectorAll(".dl-layer-zoo").forEach((d) => observer.observe(d, {
        subtree: true, childList: true, attributes: true, characterData: true}));
}"""
#: (visit, control label) → [seconds until the figures changed, or None: not before the
#: next press, or never (a change that leaves the output as it was)]
FIGURE_TIMES: dict[tuple[str, str], list[float | None]] = {}


def press_found(page, visit: str, keep, args) -> list[cb.Control]:
    """Press every control :data:`controls_bench._FIND_CONTROLS` finds whose label
    ``keep(label)`` accepts, as controls_bench does; one :class:`Control` each."""
    controls = []
    for bench_id, kind, label, disabled, tooltip in page.evaluate(cb._FIND_CONTROLS, [cb.CONTROLS]):
        if not keep(label):
            continue
        control = cb.Control(visit, kind, label, disabled, tooltip)
        controls.append(control)
        if not disabled:
            page.evaluate(_WATCH_FIGURES)
            try:
                cb.press_control(page, control, bench_id, args)
            except Exception as error:  # noqa: BLE001  (one control; the rest go on)
                log(f"  {visit} {label!r}: {type(error).__name__}: {error}")
            time.sleep(args.pause)  # the last press's figure
            presses = page.evaluate("() => window.__dlFigures.presses")
            FIGURE_TIMES[(visit, label)] = [
                None if p["figure"] is None else (p["figure"] - p["pressed"]) / 1000.0
                for p in presses
            ]
        p50 = control.p50()
        log(
            f"  {visit} {label!r}: "
            + (f"p50 {p50:.0f} ms" if p50 else "no change")
            + (f" ({', '.join(control.answered_by)})" if control.answered_by else "")
        )
    return controls


def press_button(page, visit: str, css: str, label: str, args) -> cb.Control:
    """Enter on a button of the builder, ``args.presses`` times, each timed to the table."""
    control = cb.Control(visit, "button", label)
    button = page.locator(f"{STACK} button.{css}").first
    for _ in range(args.presses):
        answer = cb.press_and_time(page, button, "Enter", args.timeout_press)
        if answer is None:
            control.silent += 1
            continue
        control.latencies.append(answer[0])
        cb.settle(page) if answer[0] > 0.2 else time.sleep(args.pause)
    log(f"  {visit} {label!r}: p50 {control.p50() or 0:.0f} ms")
    return control


def visit_layer(browser, server, layer: str, args) -> list[cb.Control]:
    notebook = Notebook(f"zoo {layer}", f"{PAGE}?layer={layer}")
    with opened(browser, server, notebook, args.timeout) as page:
        cb.wait_all_ready(page, args.timeout)
        time.sleep(1.0)
        shown = page.locator(".dl-layer-zoo .dl-layer select").first.input_value()
        if shown != layer:
            log(f"  the page shows {shown!r}, not {layer!r}")
        return press_found(
            page,
            notebook.label,
            lambda label: label.startswith("0:") and label not in ZOO_MENUS,
            args,
        )


def visit_menus_and_builder(browser, server, args) -> list[cb.Control]:
    notebook = Notebook("menus and builder", PAGE)
    with opened(browser, server, notebook, args.timeout) as page:
        cb.wait_all_ready(page, args.timeout)
        time.sleep(1.0)
        controls = press_found(page, notebook.label, lambda label: label in ZOO_MENUS, args)
        controls += press_found(
            page, notebook.label, lambda label: label.startswith("1:Preset"), args
        )
        controls.append(press_button(page, notebook.label, "dl-stack-add", "1:Add", args))
        controls.append(press_button(page, notebook.label, "dl-stack-remove", "1:Remove", args))
        for problem in support.page_problems(page):
            log(f"  problem: {problem}")
        return controls


def figure_presses(labels, controls) -> str:
    """The layer zoo's presses until its figures changed (the Keras result on screen)."""
    lines = [
        "",
        "### Until the layer zoo's figures changed (the layer's own output drawn)",
        "",
        "The first answer above is the summary (shape and parameter count from the formulas)",
        "when the state is new; the figures follow when Keras has built the layer. Presses",
        "whose figures did not change before the next press (or at all: e.g. `use_bias` on a",
        "zero-initialised bias) are not counted.",
        "",
        "| visit | control | figures p50 ms | presses with a figure change |",
        "| --- | --- | ---: | ---: |",
    ]
    for label in labels:
        for control in controls[label]:
            times = FIGURE_TIMES.get((label, control.label))
            if not times or not control.label.startswith("0:"):
                continue
            changed = [t for t in times if t is not None]
            p50 = f"{percentile(changed, 50) * 1000:.0f}" if changed else "—"
            lines.append(f"| {label} | {control.label} | {p50} | {len(changed)}/{len(times)} |")
    return "\n".join(lines) + "\n"


def first_presses(labels, controls) -> str:
    """Presses go right, left, right…: from the second on, each state is one the layer zoo
    has built before (it keeps them), so the table's p50 is mostly that; the first press
    of each control builds a new layer, timed here on its own."""
    lines = [
        "",
        "### First press of each control (a layer not built before)",
        "",
        "Presses alternate right and left, so from the second press on the zoo shows a state",
        "it has already built (it keeps the last 24): the p50 above is mostly that case.",
        "",
        "| visit | control | first press ms |",
        "| --- | --- | ---: |",
    ]
    for label in labels:
        for control in controls[label]:
            if control.latencies:
                first = control.latencies[0] * 1000
                lines.append(f"| {label} | {control.label} | {first:.0f} |")
    firsts = [c.latencies[0] for label in labels for c in controls[label] if c.latencies]
    if firsts:
        p50 = percentile(firsts, 50) * 1000
        lines += ["", f"Median of these first presses: {p50:.0f} ms over {len(firsts)} controls."]
    return "\n".join(lines) + "\n"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--layers", nargs="+", default=DEFAULT_LAYERS)
    parser.add_argument("--presses", type=int, default=10, help="key presses per control")
    parser.add_argument("--pause", type=float, default=0.3, help="seconds between presses")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per page wait")
    parser.add_argument("--timeout-press", type=float, default=3.0)
    parser.add_argument("--machine-wait", type=float, default=10.0)
    parser.add_argument("--target", type=float, default=1.2, help="largest ratio that passes")
    parser.add_argument(
        "--output", type=Path, default=REPO_ROOT / "benchmarks" / "results-lesson-15-layers.md"
    )
    args = parser.parse_args(argv)
    args.repeats = 1
    return args


def main(argv=None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if not support.chromium_available():
        sys.exit(support.CHROMIUM_MISSING)
    from playwright.sync_api import sync_playwright

    visits_of = [(f"zoo {layer}", layer) for layer in args.layers]
    visits_of.append(("menus and builder", None))
    labels = [label for label, _ in visits_of]
    args.lessons = labels  # what the report's header names
    controls = {label: [] for label in labels}
    visits: list[list[float]] = []
    around = {label: [] for label in labels}
    loads: list[float] = []
    failures: list[str] = []
    with sync_playwright() as playwright:
        browser = support.launch_chromium(playwright)
        with support.start_voila(".", preheat=False) as server:
            wait_idle(server, machine_timeout=args.machine_wait)
            cb.visit_reference(browser, server, args)  # warm-up, not counted
            for label, layer in visits_of:
                wait_idle(server, machine_timeout=args.machine_wait)
                loads.append(os.getloadavg()[0])
                visits.append(cb.visit_reference(browser, server, args))
                around[label] += [len(visits) - 1, len(visits)]
                wait_idle(server, machine_timeout=args.machine_wait)
                loads.append(os.getloadavg()[0])
                try:
                    if layer is None:
                        controls[label] += visit_menus_and_builder(browser, server, args)
                    else:
                        controls[label] += visit_layer(browser, server, layer, args)
                except Exception as error:  # noqa: BLE001  (a page that never got ready)
                    log(f"  {label}: {type(error).__name__}: {error}")
                    failures.append(f"{label}: {type(error).__name__}")
            wait_idle(server, machine_timeout=args.machine_wait)
            visits.append(cb.visit_reference(browser, server, args))
        extra = versions(browser)
        browser.close()
    text = cb.report(labels, controls, visits, around, loads, args, extra, failures)
    command = " ".join(["python benchmarks/layer_zoo_bench.py", *(argv or sys.argv[1:])])
    text = text.replace(
        "# Every control against the reference",
        "# Lesson 15: every control of the layer zoo and the builder's main ones",
    )
    lines = [
        f"- run: `{command}`" if line.startswith("- run: ") else line for line in text.splitlines()
    ]
    uptime = os.popen("uptime").read().strip()
    lines.insert(
        next(i for i, line in enumerate(lines) if line.startswith("- 1-min")) + 1,
        f"- `uptime` at the end: {uptime}",
    )
    text = "\n".join(lines) + "\n" + figure_presses(labels, controls)
    text += first_presses(labels, controls)
    print(text)
    args.output.write_text(text)
    log(f"written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
