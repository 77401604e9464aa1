#!/usr/bin/env python
"""Every control of every lesson dashboard, against the bare reference, in one run.

    python benchmarks/controls_bench.py [--lessons en/07_playground.ipynb ...]
                                        [--presses 10] [--repeats 1]

``voila_bench.py`` presses one slider a lesson. This presses every slider of every
dashboard on the page (arrow keys, ``--presses`` a control, alternating right and left)
and steps every dropdown (arrow keys), every row of toggle buttons (Enter on the next
button) and every checkbox (Space), and times each key press in the page: from the
``keydown`` to the first DOM change of anything that shows a result (a plotly figure, an
HTML/SVG readout, an image, an output), not counting the controls themselves (a
slider's own readout changes in the browser at once). Visits alternate between the bare
reference (``reference.ipynb``: one slider, one line, its slider pressed as many times)
and the lessons, so the ratios hold on a busy machine.

A control whose presses change nothing visible within ``--timeout-press`` seconds is
reported as such (a control that should then be disabled); a disabled control is listed
and not pressed. Writes a Markdown table (lesson, control, p50, ratio to the reference's
p50) to benchmarks/results-controls.md. See benchmarks/README.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import signal
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from benchmarks.voila_bench import (  # noqa: E402
    REFERENCE,
    Notebook,
    log,
    machine,
    opened,
    percentile,
    versions,
    wait_idle,
)
from tests.browser import support  # noqa: E402

DEFAULT_LESSONS = [
    "en/02_mcculloch_pitts.ipynb",
    "en/03_hebb.ipynb",
    "en/04_perceptron.ipynb",
    "en/05_adaline.ipynb",
    "en/06_activations.ipynb",
    "en/07_playground.ipynb",
    "en/08_deep_vs_shallow.ipynb",
    "en/09_keras_mnist.ipynb",
    "en/10_cnn.ipynb",
    "en/11_rnn.ipynb",
    "en/12_autoencoders.ipynb",
    "en/13_rbm.ipynb",
    "en/14_gan.ipynb",
    "en/15_keras_layers.ipynb",
    "en/16_pretrained.ipynb",
]

#: What a student changes, and what the probe therefore does not count as a result.
CONTROLS = (
    ".widget-slider, .widget-dropdown, .widget-toggle-buttons, .widget-checkbox, "
    ".widget-play, .widget-button, .jupyter-button, .widget-text, .widget-textarea"
)
#: What shows a result: a change inside one of these (not inside a control) is the answer.
RESULTS = (
    ".js-plotly-plot, .widget-html, .widget-htmlmath, .widget-output, .widget-image, "
    ".widget-label, svg, canvas"
)

#: Marks every enabled control of the dashboards with data-bench-id and describes it:
#: [id, kind, label, disabled, tooltip]. Play widgets and buttons are not controls here
#: (they start animations and trainings).
_FIND_CONTROLS = """([controls]) => {
    const found = [];
    const text = (el) => (el ? el.textContent.replace(/[\\s\\u200b]+/g, " ").trim() : "");
    let n = 0;
    const seen = new Set();
    document.querySelectorAll(".dl-dashboard").forEach((dashboard, d) => {
        const groups = [
            ["slider", ".widget-slider"], ["dropdown", ".widget-dropdown"],
            ["toggles", ".widget-toggle-buttons"], ["checkbox", ".widget-checkbox"],
        ];
        for (const [kind, selector] of groups) {
            dashboard.querySelectorAll(selector).forEach((box) => {
                if (box.getClientRects().length === 0) { return; }  // hidden
                const id = String(n++);
                box.dataset.benchId = id;
                const css = [...box.classList].filter((c) => c.startsWith("dl-")).join(" ");
                const select = box.querySelector("select");
                const menu = select && [...select.options].map((o) => o.text).join("/");
                let label = text(box.querySelector(".widget-label")) ||
                    (menu ? `menu ${menu.slice(0, 40)}` : text(box)) || css || kind;
                if (seen.has(`${d}:${label}`)) { label = `${label} (${css || id})`; }
                seen.add(`${d}:${label}`);
                const disabled = !!box.querySelector(
                    "[disabled], .noUi-target[disabled], input:disabled, select:disabled");
                const titled = box.querySelector("[title]:not([title='null'])");
                const title = (box.getAttribute("title") || "").replace("null", "") ||
                    (titled ? titled.title : "");
                found.push([id, kind, `${d}:${label}`, disabled, title]);
            });
        }
    });
    return found;
}"""

#: Like support's probe, but watching every result of the page and naming the first one.
_INSTALL_PROBE = """([controls, results]) => {
    const probe = {pressed: null, changed: null, what: null};
    window.__dlProbe = probe;
    const describe = (el) => (el.className && el.className.baseVal !== undefined
        ? el.className.baseVal : el.className || el.tagName || "").toString().slice(0, 60);
    const observer = new MutationObserver((mutations) => {
        if (probe.pressed === null || probe.changed !== null) { return; }
        for (const m of mutations) {
            const el = m.target.nodeType === 1 ? m.target : m.target.parentElement;
            if (!el || el.closest(controls)) { continue; }
            const result = el.closest(results);
            if (!result || result.getClientRects().length === 0) { continue; }
            probe.changed = performance.now();
            probe.what = describe(result);
            observer.disconnect();
            return;
        }
    });
    document.querySelectorAll(".dl-dashboard").forEach((d) => observer.observe(d, {
        subtree: true, childList: true, attributes: true, characterData: true,
    }));
    probe.observer = observer;
    document.addEventListener("keydown", () => {
        if (probe.pressed === null) { probe.pressed = performance.now(); }
    }, {capture: true, once: true});
    return true;
}"""


@dataclass
class Control:
    lesson: str
    kind: str
    label: str
    disabled: bool = False
    tooltip: str = ""
    latencies: list[float] = field(default_factory=list)
    silent: int = 0  # presses that changed nothing visible
    answered_by: dict[str, int] = field(default_factory=dict)

    def p50(self) -> float | None:
        return percentile(self.latencies, 50) * 1000 if self.latencies else None


def press_and_time(page, target, key: str, timeout: float) -> tuple[float, str] | None:
    """Focus ``target``, press ``key``; (seconds to the first result change, what changed),
    or None when nothing visible changed within ``timeout`` seconds."""
    target.focus()
    page.evaluate(_INSTALL_PROBE, [CONTROLS, RESULTS])
    page.keyboard.press(key)
    try:
        page.wait_for_function(
            "() => window.__dlProbe.changed !== null", timeout=timeout * 1000, polling=10
        )
    except Exception:  # playwright's TimeoutError
        page.evaluate("() => window.__dlProbe.observer.disconnect()")
        return None
    pressed, changed, what = page.evaluate(
        "() => [window.__dlProbe.pressed, window.__dlProbe.changed, window.__dlProbe.what]"
    )
    return (changed - pressed) / 1000.0, what


def settle(page, quiet: float = 0.3, timeout: float = 20.0) -> None:
    """Wait until no result has changed for ``quiet`` seconds (a retraining finished)."""
    page.evaluate(
        """([results]) => {
            window.__dlLast = performance.now();
            const observer = new MutationObserver(() => { window.__dlLast = performance.now(); });
            document.querySelectorAll(".dl-dashboard").forEach((d) => observer.observe(d, {
                subtree: true, childList: true, attributes: true, characterData: true}));
            window.__dlSettle = observer;
        }""",
        [RESULTS],
    )
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        time.sleep(0.1)
        if page.evaluate(f"() => performance.now() - window.__dlLast > {quiet * 1000}"):
            break
    page.evaluate("() => window.__dlSettle.disconnect()")


def press_control(page, control: Control, bench_id: str, args) -> None:
    box = page.locator(f'[data-bench-id="{bench_id}"]')
    if control.kind == "slider":
        targets, keys = [box.locator(support.SLIDER_HANDLE).first], ["ArrowRight", "ArrowLeft"]
    elif control.kind == "dropdown":
        targets, keys = [box.locator("select").first], ["ArrowDown", "ArrowUp"]
    elif control.kind == "checkbox":
        targets, keys = [box.locator("input").first], [" ", " "]
    else:  # toggles: Enter on the button after the selected one, then back
        buttons = box.locator("button")
        count = buttons.count()
        selected = next(
            (
                i
                for i in range(count)
                if "mod-active" in (buttons.nth(i).get_attribute("class") or "")
            ),
            0,
        )
        if count < 2:
            return
        targets = [buttons.nth((selected + 1) % count), buttons.nth(selected)]
        keys = ["Enter", "Enter"]
    silent_in_a_row = 0
    for i in range(args.presses):
        target = targets[i % len(targets)]
        answer = press_and_time(page, target, keys[i % 2], args.timeout_press)
        if answer is None:
            control.silent += 1
            silent_in_a_row += 1
            if silent_in_a_row >= 2 and not control.latencies:
                return  # both ways silent: nothing visible changes
            # A slider at an end of its range: the next press goes the other way anyway
            # (the keys alternate); reversing them here made it press the same key again.
            continue
        silent_in_a_row = 0
        latency, what = answer
        control.latencies.append(latency)
        control.answered_by[what] = control.answered_by.get(what, 0) + 1
        settle(page) if latency > 0.2 else time.sleep(args.pause)


def wait_all_ready(page, timeout: float) -> None:
    page.wait_for_function(
        "() => document.querySelectorAll('.dl-dashboard:not(.dl-ready)').length === 0",
        timeout=timeout * 1000,
    )


def visit_lesson(browser, server, notebook: Notebook, args) -> list[Control]:
    with opened(browser, server, notebook, args.timeout) as page:
        wait_all_ready(page, args.timeout)
        time.sleep(1.0)
        controls = []
        for bench_id, kind, label, disabled, tooltip in page.evaluate(_FIND_CONTROLS, [CONTROLS]):
            control = Control(notebook.label, kind, label, disabled, tooltip)
            controls.append(control)
            if not disabled:
                try:
                    press_control(page, control, bench_id, args)
                except Exception as error:  # noqa: BLE001  (one control; the rest go on)
                    log(f"  {notebook.label} {label!r}: {type(error).__name__}: {error}")
            p50 = control.p50()
            log(
                f"  {notebook.label} {kind} {label!r}: "
                + ("disabled" if disabled else f"p50 {p50:.0f} ms" if p50 else "no change")
                + (f", {control.silent} silent" if control.silent else "")
                + (f" ({', '.join(control.answered_by)})" if control.answered_by else "")
            )
        for problem in support.page_problems(page):
            log(f"  problem: {problem}")
        return controls


def visit_reference(browser, server, args) -> list[float]:
    with opened(browser, server, REFERENCE, args.timeout) as page:
        handle = page.locator(REFERENCE.slider).first
        latencies = []
        for i in range(args.presses):
            key = ("ArrowRight", "ArrowLeft")[i % 2]
            latencies.append(support.press_slider_and_time(page, handle, REFERENCE.figure, key))
            time.sleep(args.pause)
        log(f"  reference: p50 {percentile(latencies, 50) * 1000:.0f} ms")
        return latencies


def report(
    lessons, controls: dict[str, list[Control]], visits, around, loads, args, extra, failures=()
) -> str:
    """``visits``: the reference's latencies, visit by visit; ``around[lesson]``: the
    indices of the reference visits just before and just after each of its visits. A
    lesson's ratio is against the p50 of those neighbours, measured under the same load
    (other work on a shared machine comes and goes within minutes)."""
    reference = [latency for visit in visits for latency in visit]
    ref = percentile(reference, 50) * 1000

    def ref_for(lesson: str) -> float:
        near = [x for i in around[lesson] if i < len(visits) for x in visits[i]]
        return percentile(near, 50) * 1000 if near else ref

    now = dt.datetime.now().astimezone()
    lines = [
        "# Every control against the reference",
        "",
        f"- date: {now:%Y-%m-%d %H:%M %Z}",
        f"- machine: {machine()}",
        f"- software: {extra}",
        f"- run: `python benchmarks/controls_bench.py --lessons {' '.join(args.lessons)} "
        f"--presses {args.presses} --repeats {args.repeats}`",
        f"- reference (one slider, one line): p50 {ref:.0f} ms over {len(reference)} presses "
        f"in {len(visits)} visits alternating with the lessons' (each visit's p50: "
        f"{', '.join(f'{percentile(v, 50) * 1000:.0f}' for v in visits if v)} ms); a "
        "lesson's ratio is against the p50 of the reference visits just before and after it",
        f"- 1-min load average at the visits: {min(loads):.1f}–{max(loads):.1f} "
        f"(2 cores: above ~1 other work was running)",
        f"- target: every control's p50 ≤ {args.target:g}× the reference's",
        "",
        "| lesson | control | kind | p50 ms | reference ms | ratio | presses answered | result |",
        "| --- | --- | --- | ---: | ---: | ---: | ---: | --- |",
    ]
    worst = []
    for lesson in lessons:
        near = ref_for(lesson)
        merged: dict[tuple, Control] = {}
        for control in controls[lesson]:
            key = (control.kind, control.label)
            if key not in merged:
                merged[key] = Control(
                    lesson, control.kind, control.label, control.disabled, control.tooltip
                )
            m = merged[key]
            m.latencies += control.latencies
            m.silent += control.silent
        rows = []
        for m in merged.values():
            p50 = m.p50()
            answered = f"{len(m.latencies)}/{len(m.latencies) + m.silent}"
            if m.disabled:
                result = f"disabled ({m.tooltip[:80]})" if m.tooltip else "disabled"
                lines.append(f"| {lesson} | {m.label} | {m.kind} | — | — | — | — | {result} |")
                continue
            if p50 is None:
                lines.append(
                    f"| {lesson} | {m.label} | {m.kind} | — | — | — | {answered} "
                    "| no visible change |"
                )
                continue
            ratio = p50 / near
            result = "pass" if ratio <= args.target else "FAIL"
            rows.append((ratio, m.label, p50, near))
            lines.append(
                f"| {lesson} | {m.label} | {m.kind} | {p50:.0f} | {near:.0f} | {ratio:.2f}× "
                f"| {answered} | {result} |"
            )
        if rows:
            worst.append((lesson, *max(rows)))
    lines += [
        "",
        "### Worst control per lesson",
        "",
        "| lesson | control | p50 ms | reference ms | ratio |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for lesson, ratio, label, p50, near in worst:
        lines.append(f"| {lesson} | {label} | {p50:.0f} | {near:.0f} | {ratio:.2f}× |")
    lines += [f"- not measured: {failure}" for failure in failures]
    return "\n".join(lines) + "\n"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--lessons",
        nargs="+",
        default=DEFAULT_LESSONS,
        help="lesson notebooks, relative to lessons/ (default: en/02–en/16)",
    )
    parser.add_argument("--presses", type=int, default=10, help="key presses per control")
    parser.add_argument("--pause", type=float, default=0.3, help="seconds between presses")
    parser.add_argument("--repeats", type=int, default=1, help="visits per lesson")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per page wait")
    parser.add_argument(
        "--timeout-press",
        type=float,
        default=3.0,
        help="seconds after which a press counts as changing nothing",
    )
    parser.add_argument(
        "--machine-wait",
        type=float,
        default=10.0,
        help="seconds to wait at most for the whole machine to be idle",
    )
    parser.add_argument("--target", type=float, default=2.0, help="largest ratio that passes")
    parser.add_argument(
        "--output", type=Path, default=REPO_ROOT / "benchmarks" / "results-controls.md"
    )
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    if not support.chromium_available():
        sys.exit(support.CHROMIUM_MISSING)
    from playwright.sync_api import sync_playwright

    lessons = []
    for name in args.lessons:
        if not (support.LESSONS_DIR / name).exists():
            sys.exit(f"no such lesson: lessons/{name}")
        lessons.append(Notebook(name, f"lessons/{name}"))
    controls = {notebook.label: [] for notebook in lessons}
    visits: list[list[float]] = []  # the reference's latencies, visit by visit
    around: dict[str, list[int]] = {notebook.label: [] for notebook in lessons}
    loads: list[float] = []
    failures: list[str] = []
    with sync_playwright() as playwright:
        browser = support.launch_chromium(playwright)
        with support.start_voila(".", preheat=False) as server:
            wait_idle(server, machine_timeout=args.machine_wait)
            visit_reference(browser, server, args)  # warm-up, not counted
            for repeat in range(args.repeats):
                for notebook in lessons if repeat % 2 == 0 else lessons[::-1]:
                    wait_idle(server, machine_timeout=args.machine_wait)
                    loads.append(os.getloadavg()[0])
                    visits.append(visit_reference(browser, server, args))
                    around[notebook.label] += [len(visits) - 1, len(visits)]
                    wait_idle(server, machine_timeout=args.machine_wait)
                    loads.append(os.getloadavg()[0])
                    try:
                        controls[notebook.label] += visit_lesson(browser, server, notebook, args)
                    except Exception as error:  # noqa: BLE001  (a page that never got ready)
                        log(f"  {notebook.label}: {type(error).__name__}: {error}")
                        failures.append(f"{notebook.label}: {type(error).__name__}")
                    labels = [n.label for n in lessons]
                    partial = report(labels, controls, visits, around, loads, args, "", failures)
                    args.output.write_text(partial)  # so far, in case the run is stopped
            wait_idle(server, machine_timeout=args.machine_wait)
            visits.append(visit_reference(browser, server, args))  # the last one's "after"
        extra = versions(browser)
        browser.close()
    labels = [n.label for n in lessons]
    text = report(labels, controls, visits, around, loads, args, extra, failures)
    print(text)
    args.output.write_text(text)
    log(f"written to {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
