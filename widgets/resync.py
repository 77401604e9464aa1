"""Re-sending a dashboard's whole state once the browser shows it.

A Voilà page fetches each widget's state once while it loads, and an update sent from a
background thread between that fetch and the page listening for updates is lost: seen
here as a dashboard stuck on "Loading", buttons left disabled, or figures left empty, when
the Keras import or a first training finished while the page was still connecting.
:class:`widgets.ui.Dashboard` calls :func:`resend_state` when the browser reports its
first view of the dashboard; then every front-end model exists and listens.
"""

from __future__ import annotations

from collections.abc import Iterator

import ipywidgets

from .figures.live import resend_figure
from .figures.plotly_compat import is_plotly_figure


def walk(widget: ipywidgets.Widget) -> Iterator[ipywidgets.Widget]:
    """The widget, its layout and style, and all its descendants, each once."""
    seen: set[int] = set()
    stack = [widget]
    while stack:
        item = stack.pop()
        if id(item) in seen or not isinstance(item, ipywidgets.Widget):
            continue
        seen.add(id(item))
        yield item
        stack.extend(getattr(item, "children", ()) or ())
        stack.extend(w for w in (getattr(item, "layout", None), getattr(item, "style", None)) if w)


def resend_state(root: ipywidgets.Widget) -> None:
    """Send the full state of ``root`` and everything under it again, now."""
    for widget in walk(root):
        if is_plotly_figure(widget):
            resend_figure(widget)
        else:
            widget.send_state()
