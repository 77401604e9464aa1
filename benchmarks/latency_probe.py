#!/usr/bin/env python
"""Where a slider's latency goes: the page's websocket messages around each key press.

    python benchmarks/latency_probe.py lessons/pl/04_perceptron.ipynb [--presses 8] [--reverse]
    python benchmarks/latency_probe.py benchmarks/reference.ipynb

Serves the repository with Voilà, opens the notebook in headless Chromium, presses the
same slider ``voila_bench.py`` presses and prints, per press, the latency (key press to the
watched figure's first DOM change, as in ``voila_bench.py``) and every websocket message
within 400 ms, on the page's clock: messages out (the slider's value), the kernel's
``status`` busy/idle, and each widget update in (comm id, the synchronised key, size).
A figure update is ``_py2js_update``; its first 300 characters are printed.

Reading it: the time from the press to the figure's ``_py2js_update`` is the kernel's
(and the network's), the time from that message to the latency is the browser's. It is
a diagnostic, not a benchmark: the hook itself adds a little to every message, so
compare pages within one run, and use ``voila_bench.py`` for the figures that count.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from playwright.sync_api import sync_playwright  # noqa: E402

from benchmarks.voila_bench import LESSONS, Notebook  # noqa: E402
from tests.browser import support  # noqa: E402

# Wraps WebSocket before the page's scripts run; decodes Jupyter's binary frames as text.
WEBSOCKET_HOOK = r"""
(() => {
  window.__dlWs = [];
  const Original = window.WebSocket;
  const field = (text, pattern) => (text.match(pattern) || [])[1] || "";
  function summary(data) {
    const text = typeof data === "string" ? data : new TextDecoder().decode(data);
    const update = field(text, /"(_py2js_\w+|_js2py_\w+)"/);
    const parts = [
      field(text, /"msg_type":\s*"(\w+)"/), field(text, /"method":\s*"(\w+)"/),
      field(text, /"execution_state":\s*"(\w+)"/), field(text, /"comm_id":\s*"(\w{6})/),
      update || field(text, /"state":\s*\{"(\w+)"/), String(text.length),
    ];
    if (update === "_py2js_update" && text.length > 700) {
      const at = text.indexOf("_py2js_update");
      parts.push(text.slice(at, at + 300));
    }
    return parts.filter(Boolean).join(" ");
  }
  window.WebSocket = function (...args) {
    const socket = new Original(...args);
    socket.addEventListener("message", (event) => {
      const at = performance.now();
      const keep = (data) => window.__dlWs.push(["in", at, summary(data)]);
      if (event.data instanceof Blob) { event.data.arrayBuffer().then(keep); } else { keep(event.data); }
    });
    const send = socket.send.bind(socket);
    socket.send = (data) => { window.__dlWs.push(["out", performance.now(), summary(data)]); send(data); };
    return socket;
  };
  window.WebSocket.prototype = Original.prototype;
  Object.assign(window.WebSocket, Original);
})();
"""


def probe(path: str, presses: int, reverse: bool, slider: str | None = None) -> None:
    selectors = LESSONS.get(path.removeprefix("lessons/"), {})
    if slider:
        selectors = {**selectors, "slider": slider}
    notebook = Notebook(path, path, **selectors)
    keys = notebook.keys[::-1] if reverse else notebook.keys
    server = support.start_voila(".")
    try:
        with sync_playwright() as playwright:
            browser = support.launch_chromium(playwright)
            page = browser.new_page(viewport={"width": 1400, "height": 1000})
            page.add_init_script(WEBSOCKET_HOOK)
            page.goto(server.render_url(path))
            support.wait_for_widgets(page, ready=True, timeout=120)
            time.sleep(3)
            patched = page.evaluate(
                "() => [...document.querySelectorAll('.dl-fast-updates')].map(e => e.dataset.status)"
            )
            print(f"FastFigureUpdates: {patched or 'not on this page'}")
            handle = page.locator(notebook.slider).first
            for i in range(presses):
                page.evaluate("() => { window.__dlWs = []; }")
                try:
                    latency = support.press_slider_and_time(
                        page, handle, notebook.figure, keys[i % 2]
                    )
                except TimeoutError:
                    print(f"--- press {i}: no change (the slider at an end? try --reverse)")
                    continue
                time.sleep(0.6)
                pressed = page.evaluate("() => window.__dlProbe.pressed")
                print(f"--- press {i}: latency {latency * 1000:.1f} ms")
                for direction, at, text in page.evaluate("() => window.__dlWs"):
                    if at - pressed < 400:
                        print(f"  {direction:3} {at - pressed:7.1f}  {text}")
            browser.close()
    finally:
        server.stop()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebook", help="path from the repository root")
    parser.add_argument("--presses", type=int, default=8)
    parser.add_argument("--reverse", action="store_true", help="press the other key first")
    parser.add_argument(
        "--slider",
        help="Playwright selector of another slider's handle, e.g. "
        "'.widget-slider:has-text(\"noise\") .noUi-handle' (controls_bench.py's names)",
    )
    args = parser.parse_args(argv)
    probe(args.notebook, args.presses, args.reverse, args.slider)
    return 0


if __name__ == "__main__":
    sys.exit(main())
