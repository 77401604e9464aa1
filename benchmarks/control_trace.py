#!/usr/bin/env python
"""Where one control's key press → first visible change goes: a timeline in the page.

    python benchmarks/control_trace.py en/04_perceptron.ipynb "random initial weights" \
        [--presses 4] [--kind checkbox]

``controls_bench.py`` says how long a control takes; this says where the time goes. It
opens the lesson in headless Chromium through Voilà, wraps the page's WebSocket (every
kernel message in and out, with its type, the widget method and the state keys of a comm
message, and the kernel's own timestamp of the message), watches every DOM change of the
dashboards and the browser's long tasks, presses the control (the label is matched as a
substring of the control's label, as ``controls_bench.py`` names it) and prints, per
press, every event on the page's clock from the keydown: when the value left for the
kernel, when the kernel started and finished (its busy/idle status), when each update came
back, when each part of the page changed first, and which long tasks blocked the page.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from benchmarks.controls_bench import _FIND_CONTROLS, CONTROLS, RESULTS  # noqa: E402
from benchmarks.voila_bench import Notebook, opened  # noqa: E402
from tests.browser import support  # noqa: E402

#: Installed before the page loads: a log of kernel messages, DOM changes and long tasks.
_TRACE_SCRIPT = """
(() => {
    const trace = [];
    window.__dlTrace = trace;
    window.__dlTraceOn = false;
    const decoder = new TextDecoder();
    const summarise = (text) => {
        const pick = (re) => { const m = text.match(re); return m ? m[1] : ""; };
        const type = pick(/"msg_type":\\s*"(\\w+)"/);
        const method = pick(/"method":\\s*"(\\w+)"/);
        const state = pick(/"state":\\s*\\{"(\\w+)"/);
        const date = pick(/"date":\\s*"([^"]+)"/);
        const status = pick(/"execution_state":\\s*"(\\w+)"/);
        return {type, method, state, date, status};
    };
    const asText = (data) => {
        if (typeof data === "string") { return data; }
        try { return decoder.decode(data); } catch (e) { return ""; }
    };
    const Native = window.WebSocket;
    const send = Native.prototype.send;
    Native.prototype.send = function (data) {
        if (window.__dlTraceOn) {
            const text = asText(data);
            trace.push({t: performance.now(), dir: "out", size: text.length, ...summarise(text)});
        }
        return send.call(this, data);
    };
    const add = Native.prototype.addEventListener;
    const wrap = (listener) => function (event) {
        if (window.__dlTraceOn) {
            const text = asText(event.data);
            trace.push({t: performance.now(), dir: "in", size: text.length, ...summarise(text)});
        }
        const started = performance.now();
        const out = listener.call(this, event);
        if (window.__dlTraceOn) {
            trace.push({t: started, dir: "handled", took: performance.now() - started});
        }
        return out;
    };
    Native.prototype.addEventListener = function (type, listener, options) {
        if (type === "message" && typeof listener === "function") {
            listener = wrap(listener);
        }
        return add.call(this, type, listener, options);
    };
    const descriptor = Object.getOwnPropertyDescriptor(Native.prototype, "onmessage");
    Object.defineProperty(Native.prototype, "onmessage", {
        set(listener) { descriptor.set.call(this, listener ? wrap(listener) : listener); },
        get() { return descriptor.get.call(this); },
    });
    try {
        new PerformanceObserver((list) => {
            if (!window.__dlTraceOn) { return; }
            for (const entry of list.getEntries()) {
                trace.push({t: entry.startTime, dir: "longtask", took: entry.duration});
            }
        }).observe({type: "longtask", buffered: false});
    } catch (e) { /* no long tasks in this browser */ }
})();
"""

_WATCH = """([controls, results]) => {
    const trace = window.__dlTrace;
    const describe = (el) => {
        const name = (el.className && el.className.baseVal !== undefined
            ? el.className.baseVal : el.className || el.tagName || "").toString();
        const owner = el.closest("[class*='dl-']");
        const dl = owner ? [...owner.classList].filter((c) => c.startsWith("dl-")).join(".") : "";
        return `${dl} ${name}`.slice(0, 70);
    };
    const observer = new MutationObserver((mutations) => {
        if (!window.__dlTraceOn) { return; }
        const now = performance.now();
        const seen = new Set();
        for (const m of mutations) {
            const el = m.target.nodeType === 1 ? m.target : m.target.parentElement;
            if (!el) { continue; }
            const control = !!el.closest(controls);
            const result = !control && !!el.closest(results);
            const what = describe(el);
            if (seen.has(what)) { continue; }
            seen.add(what);
            trace.push({t: now, dir: "dom", what, control, result});
        }
    });
    document.querySelectorAll(".dl-dashboard").forEach((d) => observer.observe(d, {
        subtree: true, childList: true, attributes: true, characterData: true,
    }));
    document.addEventListener("keydown", () => {
        if (window.__dlTraceOn) { trace.push({t: performance.now(), dir: "keydown"}); }
    }, {capture: true});
    return true;
}"""


def kernel_ms(date: str) -> float | None:
    """A message header's date as epoch milliseconds."""
    import datetime as dt

    if not date:
        return None
    try:
        return dt.datetime.fromisoformat(date.replace("Z", "+00:00")).timestamp() * 1000
    except ValueError:
        return None


def show(trace: list[dict], origin: float, time_origin: float) -> None:
    keydown = next((e["t"] for e in trace if e["dir"] == "keydown"), trace[0]["t"])
    first_result = None
    for e in sorted(trace, key=lambda e: e["t"]):
        t = e["t"] - keydown
        if e["dir"] in ("in", "out"):
            kernel = kernel_ms(e.get("date", ""))
            lag = f" kernel@{kernel - time_origin - keydown:7.1f}" if kernel else ""
            what = "/".join(x for x in (e["type"], e["method"], e["state"], e["status"]) if x)
            print(f"{t:8.1f} ms  {e['dir']:>4} {what:<40} {e['size']:>7} B{lag}")
        elif e["dir"] == "handled":
            if e["took"] > 2:
                print(f"{t:8.1f} ms  handler took {e['took']:.1f} ms")
        elif e["dir"] == "longtask":
            print(f"{t:8.1f} ms  LONG TASK {e['took']:.0f} ms")
        elif e["dir"] == "dom":
            mark = "RESULT" if e["result"] else ("control" if e["control"] else "other")
            if e["result"] and first_result is None:
                first_result = t
                mark = "FIRST RESULT"
            print(f"{t:8.1f} ms  dom {mark:<12} {e['what']}")
        else:
            print(f"{t:8.1f} ms  {e['dir']}")
    print(f"  → first result change at {first_result} ms")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("lesson", help="e.g. en/04_perceptron.ipynb")
    parser.add_argument("label", help="part of the control's label")
    parser.add_argument("--presses", type=int, default=4)
    parser.add_argument("--wait", type=float, default=1.5, help="seconds traced per press")
    parser.add_argument("--timeout", type=float, default=300.0)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    notebook = Notebook(args.lesson, f"lessons/{args.lesson}")
    with sync_playwright() as playwright:
        browser = support.launch_chromium(playwright)
        with support.start_voila(".", preheat=False) as server:
            original = browser.new_context

            def new_context(**kwargs):
                context = original(**kwargs)
                context.add_init_script(_TRACE_SCRIPT)
                return context

            browser.new_context = new_context
            with opened(browser, server, notebook, args.timeout) as page:
                page.wait_for_function(
                    "() => document.querySelectorAll('.dl-dashboard:not(.dl-ready)').length === 0"
                )
                time.sleep(1.0)
                found = page.evaluate(_FIND_CONTROLS, [CONTROLS])
                match = [c for c in found if args.label in c[2]]
                if not match:
                    sys.exit(f"no control like {args.label!r}: {[c[2] for c in found]}")
                bench_id, kind, label, _disabled, _tip = match[0]
                print(f"{label} ({kind})")
                page.evaluate(_WATCH, [CONTROLS, RESULTS])
                box = page.locator(f'[data-bench-id="{bench_id}"]')
                time_origin = page.evaluate("() => performance.timeOrigin")
                for i in range(args.presses):
                    if kind == "slider":
                        target = box.locator(support.SLIDER_HANDLE).first
                        key = ("ArrowRight", "ArrowLeft")[i % 2]
                    elif kind == "dropdown":
                        target, key = box.locator("select").first, ("ArrowDown", "ArrowUp")[i % 2]
                    elif kind == "checkbox":
                        target, key = box.locator("input").first, " "
                    else:
                        buttons = box.locator("button")
                        active = [
                            j
                            for j in range(buttons.count())
                            if "mod-active" in (buttons.nth(j).get_attribute("class") or "")
                        ]
                        target = buttons.nth(((active or [0])[0] + 1) % buttons.count())
                        key = "Enter"
                    target.focus()
                    page.evaluate(
                        "() => { window.__dlTrace.length = 0; window.__dlTraceOn = true; }"
                    )
                    page.keyboard.press(key)
                    time.sleep(args.wait)
                    page.evaluate("() => { window.__dlTraceOn = false; }")
                    trace = page.evaluate("() => window.__dlTrace")
                    print(f"\n--- press {i + 1}: {key!r}")
                    if trace:
                        show(trace, trace[0]["t"], time_origin)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
