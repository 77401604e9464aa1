"""The "show the code": the runnable Keras code of what a dashboard shows, one click to copy.

Every dashboard that defines ``code()`` (a string of plain Keras 3 + numpy code that
rebuilds its current state and names the result ``model``) gets this panel at its foot
(see ``Dashboard._page`` in :mod:`widgets.ui`). The panel is closed at first; the kernel
writes the code only while it is open (on opening, and after each change of a setting),
so a closed panel costs nothing when a slider moves.

Why an anywidget: the copy button must reach the browser's clipboard, which only page
JavaScript can do. ``navigator.clipboard`` exists only on secure pages (https or
localhost); a class server over plain http on the room's network falls back to selecting
a hidden text area and ``document.execCommand("copy")``, which every browser still runs.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

import anywidget
import traitlets

from .i18n import Strings, check_language

log = logging.getLogger("widgets")

TEXT = Strings(
    "code_view",
    {
        "summary": {
            "pl": "Pokaż kod w Kerasie",
            "en": "Show the Keras code",
        },
        "help": {
            "pl": "Ten kod odtwarza to, co widzisz w panelu: wklej go do nowej komórki "
            "notatnika (JupyterLab) i uruchom – model znajdziesz w zmiennej "
            "<code>model</code>. Zmień ustawienie w panelu, a kod zmieni się razem z nim.",
            "en": "This code rebuilds what the dashboard shows: paste it into a new notebook "
            "cell (JupyterLab) and run it; the model is in the variable <code>model</code>. "
            "Change a setting in the dashboard and the code follows.",
        },
        "copy": {
            "pl": "Kopiuj",
            "en": "Copy",
        },
        "copied": {
            "pl": "Skopiowano do schowka.",
            "en": "Copied to the clipboard.",
        },
        "copy_failed": {
            "pl": "Przeglądarka nie pozwoliła skopiować: zaznacz kod i naciśnij Ctrl+C.",
            "en": "The browser did not allow copying: select the code and press Ctrl+C.",
        },
        "failed": {
            "pl": "# Nie udało się napisać kodu dla tych ustawień: {error}",
            "en": "# Could not write the code for these settings: {error}",
        },
    },
)

_ESM = """
function copyText(text) {
  if (navigator.clipboard && window.isSecureContext) {
    return navigator.clipboard.writeText(text);
  }
  // Plain http (a class server on the room's network): no clipboard API there.
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.appendChild(area);
  area.select();
  const done = document.execCommand("copy");
  document.body.removeChild(area);
  return done ? Promise.resolve() : Promise.reject(new Error("copy refused"));
}
function render({ model, el }) {
  const labels = model.get("labels");
  const details = document.createElement("details");
  details.className = "dl-show-code";
  const summary = document.createElement("summary");
  summary.textContent = labels.summary;
  const help = document.createElement("div");
  help.className = "dl-note";
  help.innerHTML = labels.help;
  const pre = document.createElement("pre");
  pre.className = "dl-code";
  const copy = document.createElement("button");
  copy.className = "dl-copy-code jupyter-button";
  copy.textContent = labels.copy;
  const status = document.createElement("span");
  status.className = "dl-copy-status";
  details.append(summary, help, copy, status, pre);
  el.appendChild(details);
  const show = () => { pre.textContent = model.get("code"); };
  show();
  model.on("change:code", show);
  details.addEventListener("toggle", () => {
    model.set("expanded", details.open);
    model.save_changes();
  });
  copy.addEventListener("click", () => {
    copyText(model.get("code")).then(
      () => { status.textContent = labels.copied; },
      () => { status.textContent = labels.copy_failed; },
    );
  });
}
export default { render };
"""


class CodeView(anywidget.AnyWidget):
    """A closed "show the code" panel with a Copy button.

    ``source()`` returns the code; it is called when the student opens the panel and on
    :meth:`refresh` while it is open. An exception there becomes a comment in the panel
    (and the kernel log), never a traceback on the page.
    """

    _esm = _ESM
    code = traitlets.Unicode("").tag(sync=True)
    # Not "open": that is the method of every widget that opens its comm.
    expanded = traitlets.Bool(False).tag(sync=True)
    labels = traitlets.Dict().tag(sync=True)

    def __init__(self, source: Callable[[], str], lang: str = "pl", **kwargs):
        lang = check_language(lang)
        t = TEXT.for_language(lang)
        keys = ("summary", "help", "copy", "copied", "copy_failed")
        super().__init__(labels={key: t(key) for key in keys}, **kwargs)
        self._source = source
        self._lang = lang
        self.add_class("dl-code-view")
        self.observe(lambda change: change["new"] and self.refresh(), names="expanded")

    def refresh(self, force: bool = False) -> None:
        """Write the current code into the panel if it is open (or ``force``)."""
        if not (self.expanded or force):
            return
        try:
            self.code = self._source()
        except Exception as error:  # noqa: BLE001  (a comment in the panel, logged in full)
            log.exception("show the code failed")
            self.code = TEXT.get("failed", self._lang, error=error)
