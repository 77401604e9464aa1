"""Re-sending a dashboard's state a few seconds after a background change, for Voilà.

A Voilà page fetches each widget's state once while it loads, and an update sent from a
background thread between that fetch and the page listening for updates is lost: seen
here as a dashboard stuck on "Loading", or figures left empty, when the Keras import or a
first training finished while the page was still loading on a busy machine. Sending the
state again a few seconds later repairs such a page and changes nothing on a right one.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence

import ipywidgets


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


def resend_figure(figure) -> None:
    """One plotly update message holding all traces and the layout.

    plotly's front end redraws only on update messages: a new ``_widget_data`` is stored
    but not drawn.
    """
    traces = [trace.to_plotly_json() for trace in figure.data]
    keys = set().union(*traces) - {"type", "uid"} if traces else set()
    style = {key: [trace.get(key) for trace in traces] for key in keys}
    figure._send_update_msg(style, figure.layout.to_plotly_json(), list(range(len(traces))))


def resend_state(root: ipywidgets.Widget) -> None:
    """Send the full state of ``root`` and everything under it again, now."""
    for widget in walk(root):
        if hasattr(widget, "_send_update_msg"):  # a plotly FigureWidget
            resend_figure(widget)
        else:
            widget.send_state()


def resend_state_later(
    root: ipywidgets.Widget, delays: Sequence[float] = (2.0, 6.0, 15.0)
) -> list[threading.Timer]:
    """Call :func:`resend_state` after each of ``delays`` seconds, in timer threads."""

    def resend() -> None:
        try:
            resend_state(root)
        except Exception:  # noqa: BLE001  (a repair attempt must never raise in a timer)
            pass

    timers = [threading.Timer(delay, resend) for delay in delays]
    for timer in timers:
        timer.daemon = True
        timer.start()
    return timers
