"""Slider readouts written the page's way: "0,5" on a Polish page, not "0.5".

ipywidgets formats a slider's readout in the browser, with d3-format in its fixed English
locale; no Python option changes the decimal mark. :class:`PolishReadouts` is an invisible
widget whose front end rewrites the readouts of the sliders inside a dashboard marked
``dl-lang-pl``: a decimal comma and a true minus sign, each time the slider writes its
readout. A readout is also a box the student can type into: a typed "0,25" (or "−1") is
turned back into "0.25" ("-1") just before the slider reads it, on Enter or when the box
loses focus.

The observer watches the readout elements only (found again twice a second, for sliders
drawn later), never the figures, so it adds no work to a figure's update.
Every Polish dashboard adds one once the browser shows it (see :mod:`widgets.ui`).
"""

from __future__ import annotations

import anywidget
import ipywidgets
import traitlets

READOUTS_ESM = """
const SELECTOR = ".dl-lang-pl .widget-readout";
let typing = null;  // the readout being read by its slider right now: left alone

function polish(readout, typed = false) {
  // Never under the student's caret while they type: rewriting the text would move it.
  if (readout === typing || (readout === document.activeElement && !typed)) { return; }
  const text = readout.textContent;
  const local = text.replace(/\\./g, ",").replace(/^-/, "\\u2212");
  if (local !== text) { readout.textContent = local; }
}

function english(event) {
  const readout = event.target;
  if (!(readout instanceof Element) || !readout.matches(SELECTOR)) { return; }
  typing = readout;
  readout.textContent = readout.textContent.replace(/,/g, ".").replace(/\\u2212/g, "-");
  setTimeout(() => { typing = null; polish(readout, true); }, 0);
}

function install() {
  if (globalThis.__dlPolishReadouts) { return; }
  globalThis.__dlPolishReadouts = true;
  const watched = new WeakSet();
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      const node = record.target;
      const readout = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
      if (readout && readout.matches && readout.matches(SELECTOR)) { polish(readout); }
    }
  });
  const scan = () => {
    for (const readout of document.querySelectorAll(SELECTOR)) {
      if (!watched.has(readout)) {
        watched.add(readout);
        observer.observe(readout, {childList: true, characterData: true, subtree: true});
      }
      polish(readout);
    }
  };
  scan();
  setInterval(scan, 500);
  // Capture phase: before the slider's own handlers read the typed text.
  document.addEventListener("keydown", (event) => { if (event.key === "Enter") { english(event); } }, true);
  document.addEventListener("blur", english, true);
  // Enter leaves the caret in the box: written the Polish way once the student leaves.
  document.addEventListener("focusout", (event) => {
    const readout = event.target;
    if (readout instanceof Element && readout.matches(SELECTOR)) { setTimeout(() => polish(readout), 0); }
  }, true);
}

export default {
  render({ model }) {
    install();
    model.set("status", "installed");
    model.save_changes();
  },
};
"""


class PolishReadouts(anywidget.AnyWidget):
    """Invisible; its front end writes Polish dashboards' slider readouts with a decimal
    comma (see the module docstring). ``status`` is "installed" once the browser ran it."""

    _esm = READOUTS_ESM
    status = traitlets.Unicode("").tag(sync=True)

    def __init__(self, **kwargs):
        super().__init__(layout=ipywidgets.Layout(display="none"), **kwargs)
