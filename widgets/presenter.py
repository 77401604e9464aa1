"""The lecturer's address bar: presenter mode and a dashboard's settings in the page's URL.

Every dashboard carries one :class:`PageAddress`. In Voilà it reads the page's query string
in the browser and:

- ``?present`` turns on presenter mode for a projector: the page zoomed, high-contrast
  text, and the narrative before the first dashboard hidden (the dashboard repeats the
  lesson's title and introduction), so the dashboard is what the room sees first;
- ``?name=value&…`` sets the dashboard's settings, the names :meth:`Dashboard.configure`
  takes (``.../02_mcculloch_pitts.ipynb?present&weights=1,1&threshold=1`` opens an OR
  gate), checked and reported in the page's language like ``configure`` from a cell;
- ``hide=name,name`` hides those settings' controls (a preset the students cannot undo
  by accident).

The query string is read in the browser, not from the kernel's ``QUERY_STRING``: a
pre-heated kernel has run the notebook before anyone asked for the page, and waiting for
the request there would cost what pre-heating saves. A name that no dashboard of the page
knows is reported once, by the first dashboard. Lesson 07 keeps its own, richer URL state
(widgets/playground/state.py) and opts out.
"""

from __future__ import annotations

import ast
import json
from collections.abc import Callable
from urllib.parse import parse_qsl

import anywidget
import traitlets

# Query names the page itself uses: presenter mode, hidden controls, the class server's token.
RESERVED = ("present", "hide", "token")

_ESM = (
    f"const RESERVED = {json.dumps(RESERVED)};"
    + """
function configData() {
  const node = document.getElementById("jupyter-config-data");
  try { return node ? JSON.parse(node.textContent) : {}; } catch (e) { return {}; }
}
function present(el) {
  document.body.classList.add("dl-present");
  // The narrative before the first dashboard: the dashboard repeats its title and intro.
  // render() runs before the view is in the page: wait until it is (at most 10 s).
  const cell = el.closest(".jp-Cell");
  if (!cell) {
    const tries = (el.__dlTries = (el.__dlTries || 0) + 1);
    if (tries < 100) { setTimeout(() => present(el), 100); }
    return;
  }
  for (const text of document.querySelectorAll(".jp-MarkdownCell")) {
    if (text.compareDocumentPosition(cell) & Node.DOCUMENT_POSITION_FOLLOWING) {
      text.style.display = "none";
    }
  }
  window.scrollTo(0, 0);
}
function render({ model, el }) {
  if (!configData().kernelId) { return; }  // JupyterLab: its URL is not the lesson's
  const query = window.location.search.replace(/^\\?/, "");
  const params = new URLSearchParams(query);
  const agents = (window.__dlAddress = window.__dlAddress || []);
  agents.push(model);
  if (params.has("present") && agents.length === 1) { present(el); }
  if (query) { model.set("query", query); model.save_changes(); }
  // Once every dashboard of the page has rendered: the names none of them knows.
  clearTimeout(window.__dlAddressCheck);
  window.__dlAddressCheck = setTimeout(() => {
    const known = new Set(RESERVED);
    for (const agent of agents) { for (const name of agent.get("names")) { known.add(name); } }
    if (known.has("*")) { return; }
    const unknown = [...params.keys()].filter((name) => !known.has(name));
    if (unknown.length) { agents[0].set("unknown", unknown); agents[0].save_changes(); }
  }, 2000);
}
export default { render };
"""
)


class PageAddress(anywidget.AnyWidget):
    """The page's query string (``query``, set by the browser) for one dashboard.

    ``names`` are the settings the dashboard takes (``["*"]``: it reads the address
    itself); ``unknown`` is set by the browser on the page's first dashboard to the query
    names no dashboard of the page takes.
    """

    _esm = _ESM
    query = traitlets.Unicode("").tag(sync=True)
    names = traitlets.List(traitlets.Unicode()).tag(sync=True)
    unknown = traitlets.List(traitlets.Unicode()).tag(sync=True)


def parse_query(query: str) -> tuple[dict[str, str], list[str]]:
    """``(settings, hidden)``: the ``name=value`` pairs (reserved names left out) and the
    names listed in ``hide=``, in order. A repeated name keeps its last value."""
    settings: dict[str, str] = {}
    hidden: list[str] = []
    for name, value in parse_qsl(query, keep_blank_values=True):
        if name == "hide":
            hidden.extend(part.strip() for part in value.split(",") if part.strip())
        elif name not in RESERVED:
            settings[name] = value
    return settings, hidden


def literal(text: str) -> object:
    """A URL value for a setting without one control: ``1,1`` → ``(1, 1)``, ``2.5`` →
    ``2.5``, ``true`` → ``True``; anything else stays the text (its check reports it)."""
    words = {"true": "True", "false": "False"}
    try:
        return ast.literal_eval(words.get(text.strip().lower(), text.strip()))
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return text


def on_address(widget: PageAddress, apply: Callable[[str], None], report: Callable) -> None:
    """Call ``apply(query)`` when the browser sends the query, ``report(names)`` when it
    finds names no dashboard takes."""
    widget.observe(lambda change: apply(change["new"]), names="query")
    widget.observe(lambda change: change["new"] and report(change["new"]), names="unknown")


def example_query(settings: dict) -> str:
    """``?present&name=value…`` for up to two settings that have one control, with the
    control's current value as a URL writes it (a decimal point, ``true``/``false``)."""
    parts = ["present"]
    for name, setting in settings.items():
        value = getattr(setting.control, "value", None)
        if value is None or isinstance(value, tuple | list | dict):
            continue
        text = str(value).lower() if isinstance(value, bool) else str(value)
        parts.append(f"{name}={text}")
        if len(parts) == 3:
            break
    return "?" + "&".join(parts)
