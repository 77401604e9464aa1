"""Tell a student when the server has shut the page's kernel down (and that F5 fixes it).

A class server (``dev.py serve --class``) and JupyterHub cull kernels that have been idle
for a while, so that open tabs do not hold 0.75-0.85 GB each. Voilà's page does not notice:
the sliders still move, nothing answers. This widget, part of every dashboard, asks the
server every few seconds whether the page's kernel still exists (``GET api/kernels/<id>``:
a server request, not a kernel message, so it does not count as activity and does not
keep the kernel alive) and, once it is gone, shows a banner in the page's language.

It only runs in Voilà, where the page's ``jupyter-config-data`` names the kernel; in
JupyterLab the notebook's own kernel indicator does this job.
"""

from __future__ import annotations

import anywidget
import traitlets

from .errors import banner_html
from .i18n import Strings

TEXT = Strings(
    "watchdog",
    {
        "gone": {
            "pl": "Ten panel przestał działać: serwer zamknął jego jądro (po dłuższej "
            "bezczynności albo z braku pamięci). Odśwież stronę (F5), a panel uruchomi się "
            "od nowa.",
            "en": "This dashboard has stopped: the server shut its kernel down (after a while "
            "without activity, or short of memory). Reload the page (F5) and it starts again.",
        },
    },
)

# Seconds between two questions to the server; a banner at most this late is fine.
POLL_SECONDS = 10

_ESM = """
function configData() {
  const node = document.getElementById("jupyter-config-data");
  try { return node ? JSON.parse(node.textContent) : {}; } catch (e) { return {}; }
}
function render({ model, el }) {
  const config = configData();
  if (!config.kernelId) { return; }  // not a Voilà page: JupyterLab shows the kernel itself
  const url = (config.baseUrl || "/") + "api/kernels/" + config.kernelId;
  let misses = 0;
  const show = () => {
    el.classList.add("dl-error", "dl-kernel-gone");
    el.innerHTML = model.get("banner");  // escaped in Python (errors.banner_html)
    clearInterval(timer);
  };
  const ask = async () => {
    try {
      const reply = await fetch(url, { cache: "no-store", credentials: "same-origin" });
      if (reply.status === 404) { show(); return; }
      misses = 0;
    } catch (e) {  // the server itself is gone (stopped, network down): twice in a row
      misses += 1;
      if (misses >= 2) { show(); }
    }
  };
  const timer = setInterval(ask, 1000 * model.get("seconds"));
  return () => clearInterval(timer);
}
export default { render };
"""


class KernelWatchdog(anywidget.AnyWidget):
    """Empty until the page's kernel is gone; then ``banner``, the course's error banner."""

    _esm = _ESM
    banner = traitlets.Unicode("").tag(sync=True)
    seconds = traitlets.Int(POLL_SECONDS).tag(sync=True)

    def __init__(self, lang: str, seconds: int = POLL_SECONDS):
        super().__init__(banner=banner_html(TEXT.get("gone", lang), "", lang), seconds=seconds)
