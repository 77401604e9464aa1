#!/usr/bin/env python
"""Lesson 15's preprocessing panels in real Voilà against the bare slider reference.

    python benchmarks/preprocessing_bench.py [--lesson en/15_keras_layers.ipynb]
                                             [--presses 10] [--repeats 2]

Reuses ``controls_bench.py``'s machinery: visits alternate between the bare reference
(``reference.ipynb``: one slider, one line) and the lesson, and each key press is timed in
the page from its ``keydown`` to the first DOM change of a result (figure, HTML readout),
not counting the controls themselves. Only the controls of the two preprocessing panels
(``.dl-text-prep``, ``.dl-image-prep``) are pressed, every slider, toggle row, dropdown and
checkbox of theirs; besides, the text panel's sentences box (new text typed, then Tab:
the box sends on leaving it) timed to the vocabulary's change, and the image panel's
"New draws" button (Enter) timed to the grid's change. A ratio is against the p50 of the
reference visits just before and after. Writes benchmarks/results-lesson-15-prep.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import signal
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from benchmarks.controls_bench import (  # noqa: E402
    _FIND_CONTROLS,
    CONTROLS,
    Control,
    press_control,
    visit_reference,
    wait_all_ready,
)
from benchmarks.voila_bench import (  # noqa: E402
    Notebook,
    log,
    machine,
    opened,
    percentile,
    versions,
    wait_idle,
)
from tests.browser import support  # noqa: E402

PANELS = {"dl-text-prep": "text", "dl-image-prep": "image"}
TEXTS = (
    "Ala ma kota\nKot ma Alę\nŻółw je sałatę",
    "The cat sat on the mat\nThe dog ate my homework\nA zebra",
)

_PANEL_OF_DASHBOARD = """(panels) => [...document.querySelectorAll(".dl-dashboard")].map(
    (d) => Object.keys(panels).find((c) => d.classList.contains(c)) || "")"""


def press_extra(page, args) -> dict[str, Control]:
    """The sentences box (fill, then Tab) and the New draws button (Enter)."""
    extra = {
        "sentences": Control("text", "textarea", "sentences (type, Tab)"),
        "new_draws": Control("image", "button", "New draws (Enter)"),
    }
    box = page.locator(".dl-text-prep .dl-sentences textarea").first
    button = page.locator(".dl-image-prep button.dl-new-draws").first
    for i in range(args.presses):
        box.fill(TEXTS[i % 2] + f"\nzdanie {i}")
        for name, target, key, result in (
            ("sentences", box, "Tab", ".dl-text-prep .dl-vocabulary"),
            ("new_draws", button, "Enter", f".dl-image-prep {support.PLOTLY_FIGURE}"),
        ):
            try:
                latency = support.press_slider_and_time(
                    page, target, result, key, args.timeout_press
                )
                extra[name].latencies.append(latency)
            except TimeoutError:
                extra[name].silent += 1
            time.sleep(args.pause)
    return extra


def visit_lesson(browser, server, notebook: Notebook, args) -> list[Control]:
    with opened(browser, server, notebook, args.timeout) as page:
        wait_all_ready(page, args.timeout)
        time.sleep(1.0)
        owners = page.evaluate(_PANEL_OF_DASHBOARD, PANELS)
        controls = []
        for bench_id, kind, label, disabled, tooltip in page.evaluate(_FIND_CONTROLS, [CONTROLS]):
            panel = owners[int(label.split(":", 1)[0])]
            if not panel:
                continue  # another panel of the page (the layer zoo, the builder)
            control = Control(panel, kind, label.split(":", 1)[1], disabled, tooltip)
            controls.append(control)
            if not disabled:
                try:
                    press_control(page, control, bench_id, args)
                except Exception as error:  # noqa: BLE001  (one control; the rest go on)
                    log(f"  {label!r}: {type(error).__name__}: {error}")
            control.first = control.latencies[:1]  # a new value: nothing kept to find
            p50 = control.p50()
            log(f"  {panel} {kind} {control.label!r}: " + (f"p50 {p50:.0f} ms" if p50 else "–"))
        controls += press_extra(page, args).values()
        for problem in support.page_problems(page):
            log(f"  problem: {problem}")
        return controls


def report(controls: list[Control], visits, loads, args, software: str) -> str:
    reference = [x for visit in visits for x in visit]
    ref = percentile(reference, 50) * 1000
    now = dt.datetime.now().astimezone()
    lines = [
        "# Lesson 15: the preprocessing panels' controls against the reference",
        "",
        f"- date: {now:%Y-%m-%d %H:%M %Z}",
        f"- machine: {machine()}",
        f"- software: {software}",
        f"- run: `python benchmarks/preprocessing_bench.py --lesson {args.lesson} "
        f"--presses {args.presses} --repeats {args.repeats}`",
        f"- reference (one slider, one line): p50 {ref:.0f} ms over {len(reference)} presses "
        f"in {len(visits)} visits alternating with the lesson's (each visit's p50: "
        f"{', '.join(f'{percentile(v, 50) * 1000:.0f}' for v in visits if v)} ms)",
        f"- 1-min load average at the visits: {min(loads):.1f}–{max(loads):.1f}",
        f"- target: every control's p50 ≤ {args.target:g}× the reference's",
        "- sentences: the box sends its text when it is left (Tab), as the panel's help "
        "says; until 2 Dec 08:30 it sent at every key, so `fill` had sent the text before "
        "the timed Tab (the 17 ms and the silent entries of earlier runs measured that)",
        "- a toggle row whose second press only hides a view (the mode back to int hides the "
        "matrix) counts that press as unanswered",
        "- first press: a control's first press in a visit (its value new to the panel; the "
        "text panel keeps its last 16 adapted layers, the image panel its built layers, so "
        "a later press back may find its state)",
        "",
        "| panel | control | kind | p50 ms | p90 ms | first press ms | ratio | presses answered "
        "| result |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    merged: dict[tuple, Control] = {}
    for c in controls:
        m = merged.setdefault((c.lesson, c.kind, c.label), Control(c.lesson, c.kind, c.label))
        m.first = getattr(m, "first", []) + getattr(c, "first", c.latencies[:1])
        m.latencies += c.latencies
        m.silent += c.silent
        m.disabled = m.disabled or c.disabled
    for m in merged.values():
        answered = f"{len(m.latencies)}/{len(m.latencies) + m.silent}"
        if not m.latencies:
            result = "disabled" if m.disabled else "no visible change"
            lines.append(
                f"| {m.lesson} | {m.label} | {m.kind} | — | — | — | {answered} | {result} |"
            )
            continue
        p50, p90 = m.p50(), percentile(m.latencies, 90) * 1000
        first = percentile(m.first, 50) * 1000
        ratio = p50 / ref
        result = "pass" if ratio <= args.target else "FAIL"
        lines.append(
            f"| {m.lesson} | {m.label} | {m.kind} | {p50:.0f} | {p90:.0f} | {first:.0f} "
            f"| {ratio:.2f}× | {answered} | {result} |"
        )
    return "\n".join(lines) + "\n"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lesson", default="en/15_keras_layers.ipynb")
    parser.add_argument("--presses", type=int, default=10, help="key presses per control")
    parser.add_argument("--pause", type=float, default=0.3, help="seconds between presses")
    parser.add_argument("--repeats", type=int, default=2, help="visits of the lesson")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per page wait")
    parser.add_argument("--timeout-press", type=float, default=3.0)
    parser.add_argument("--machine-wait", type=float, default=10.0)
    parser.add_argument("--target", type=float, default=1.2, help="largest ratio that passes")
    parser.add_argument(
        "--output", type=Path, default=REPO_ROOT / "benchmarks" / "results-lesson-15-prep.md"
    )
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if not support.chromium_available():
        sys.exit(support.CHROMIUM_MISSING)
    if not (support.LESSONS_DIR / args.lesson).exists():
        sys.exit(f"no such lesson: lessons/{args.lesson}")
    from playwright.sync_api import sync_playwright

    notebook = Notebook(args.lesson, f"lessons/{args.lesson}")
    controls: list[Control] = []
    visits: list[list[float]] = []
    loads: list[float] = []
    with sync_playwright() as playwright:
        browser = support.launch_chromium(playwright)
        with support.start_voila(".", preheat=False) as server:
            wait_idle(server, machine_timeout=args.machine_wait)
            visit_reference(browser, server, args)  # warm-up, not counted
            for _ in range(args.repeats):
                wait_idle(server, machine_timeout=args.machine_wait)
                loads.append(os.getloadavg()[0])
                visits.append(visit_reference(browser, server, args))
                wait_idle(server, machine_timeout=args.machine_wait)
                loads.append(os.getloadavg()[0])
                controls += visit_lesson(browser, server, notebook, args)
                args.output.write_text(report(controls, visits, loads, args, ""))
            wait_idle(server, machine_timeout=args.machine_wait)
            visits.append(visit_reference(browser, server, args))
        software = versions(browser)
        browser.close()
    text = report(controls, visits, loads, args, software)
    print(text)
    args.output.write_text(text)
    log(f"written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
