"""Updating a plotly FigureWidget so that every view shows the same data.

The course pins plotly 5.24 (see pyproject.toml): its FigureWidget keeps its data in a
synchronised trait that a late page reads, and its views, from a lab extension loaded once
per page, apply every update. plotly 6+ renders through anywidget, whose views dropped
updates on pages with several figures in Voilà (measured: 5 of 6 page loads).
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Iterator

import numpy as np
import plotly.graph_objects as go

from .plotly_compat import batch_animate, batch_trace_edits, own_data, own_layout, send_update


def resend_figure(figure: go.FigureWidget) -> None:
    """The figure's full state, then one update message holding all traces and the layout.

    The state is what a view created from now on draws; a view that exists already
    redraws only on update messages.
    """
    figure.send_state()
    traces = [trace.to_plotly_json() for trace in figure.data]
    keys = set().union(*traces) - {"type", "uid"} if traces else set()
    style = {key: [trace.get(key) for trace in traces] for key in keys}
    send_update(figure, style, figure.layout.to_plotly_json(), list(range(len(traces))))


def _same_keys_for_every_trace(figure: go.FigureWidget) -> None:
    """Give each trace edited in this batch the same keys, at their current values.

    plotly sends a key that one trace of a batch lacks as the placeholder "_undefined_";
    with plotly 7 the browser applied it as a value (points vanished on a step back in
    lesson 04). Sending the current value instead is correct with every version.
    """
    edits = batch_trace_edits(figure)
    keys = set().union(*edits.values()) if edits else set()
    for index, style in edits.items():
        for key in keys - set(style):
            try:
                style[key] = figure.data[index][key]
            except (KeyError, ValueError):  # a key this trace type lacks (z on a scatter)
                continue


# Plotly.animate with no transition and no redraw: plotly.js redraws only the traces
# that changed, not the axes, the legend and the colour bar (see update_traces).
NO_REDRAW = {"frame": {"duration": 0, "redraw": False}, "transition": {"duration": 0}}


@contextlib.contextmanager
def updating(figure: go.FigureWidget, redraw: bool = True) -> Iterator[go.FigureWidget]:
    """``with updating(fig): ...`` batches the changes into one message to every view."""
    batch = figure.batch_update() if redraw else batch_animate(figure, NO_REDRAW)
    with batch:
        yield figure
        _same_keys_for_every_trace(figure)


_MISSING = object()
WHOLE_LISTS = ("shapes", "annotations", "images")


def _differs(current, new) -> bool:
    if isinstance(new, dict):  # a nested property: differs if any given key differs
        return any(_differs(_raw(current, key), value) for key, value in new.items())
    if isinstance(current, np.ndarray) or isinstance(new, np.ndarray):
        return not np.array_equal(np.asarray(current), np.asarray(new), equal_nan=True)
    if isinstance(current, tuple | list) and isinstance(new, tuple | list):
        return list(current) != list(new)
    return current != new


_PATH_PART = re.compile(r"[^.\[\]]+")


def _raw(container, key: str):
    """The value at ``key`` ("marker.color", "shapes[0].x0") in a figure's own dicts, or a
    marker that differs from every value.

    The figure's dicts (``own_data(figure)[i]``, ``own_layout(figure)``; see
    :mod:`~widgets.figures.plotly_compat`) hold what was set, as validated. Reading them
    is about 50 times faster than ``trace["marker.color"]``, which parses the path and
    falls back to the defaults plotly.js reported (measured: plotly's lookups were 2/3 of
    lesson 05's 14 ms per epoch). A key never set is therefore always sent, even when it
    equals plotly.js's default.
    """
    node = container
    for part in _PATH_PART.findall(key):
        if isinstance(node, dict) and part in node:
            node = node[part]
        elif isinstance(node, tuple | list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return _MISSING
    return node


def update_traces(
    figure: go.FigureWidget,
    trace_data: list[dict],
    layout: dict | None = None,
    redraw: bool = True,
) -> None:
    """Set each trace's new values (one dict per trace, in order) and the layout's,
    sending only what changed, in one message.

    Unchanged traces and layout keys are left out, so the browser redraws less: a slider
    that moves only the boundary does not resend the points, and a title that stays the
    same does not trigger a relayout.

    ``redraw=False`` sends the changes as ``Plotly.animate`` with no transition and
    :data:`NO_REDRAW`: plotly.js redraws the changed scatter traces alone, not the axes,
    the legend and the colour bar, where new x/y through ``Plotly.update`` redraw the
    whole plot (GAN Lab's plane while it plays: 100–150 ms of the page's main thread a
    frame before, 35–80 ms after, Chromium CPU profile at load 8). Only for scatter
    traces on fixed axes: a heatmap trace is not redrawn that way (it vanished from the
    page), and axis ranges do not follow the data; layout changes belong in an update.
    """
    with updating(figure, redraw):
        for trace, own, values in zip(figure.data, own_data(figure), trace_data, strict=True):
            changed = {k: v for k, v in values.items() if _differs(_raw(own, k), v)}
            if changed:
                trace.update(changed)
        was = own_layout(figure)
        changed_layout = {k: v for k, v in (layout or {}).items() if _differs(_raw(was, k), v)}
        # A list of shapes (or annotations) is replaced whole: update() would merge it item
        # by item and send "shapes.0.path" beside "shapes", which plotly.js rejects.
        replaced = {k: changed_layout.pop(k) for k in WHOLE_LISTS if k in changed_layout}
        if changed_layout:
            figure.layout.update(changed_layout)
        for key, value in replaced.items():
            figure.layout[key] = value


def replace_layout_item(figure: go.FigureWidget, container: str, index: int, changes: dict):
    """Change item ``index`` of a layout list ("images", "shapes", "annotations") by
    sending the whole list.

    plotly.py sends an item's own change as a path like ``images.0.source``, which
    plotly.js does not take for a layout-list edit: it redraws the whole figure
    ("layoutReplot"; 1.7 s of the page's 5 s while the playground trained, measured with
    a Chromium CPU profile). The whole list is redrawn alone ("arraydraw").
    """
    items = [item.to_plotly_json() for item in figure.layout[container]]
    items[index] = {**items[index], **changes}
    figure.layout[container] = items
