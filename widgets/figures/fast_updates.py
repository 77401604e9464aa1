"""Stop plotly's FigureWidget views from redrawing a whole figure on every update.

plotly 5.24's FigureWidget view applies each update from the kernel with
``Plotly.update(el, style, layout)`` after adding ``_doNotReportToPy: true`` to ``style``,
a mark that tells its own event handler not to send the change back to the kernel.
plotly.js does not know that key, and answers an unknown key by recomputing and
redrawing the whole figure: every trace and both axes, even when the update only moves a
layout shape. Measured in Chromium on lesson 04's plane: 12.7-17 ms an update with the
mark, 4-6 ms without it (shapes only; ``benchmarks/results-lessons-01-06.md``).

:class:`FastFigureUpdates` is an invisible widget whose front end hides that mark from
plotly.js: it makes the key non-enumerable (the view still sets it; plotly.js copies the
update with ``for ... in`` and no longer sees it), and it makes the view ignore
``plotly_update`` events, which in these dashboards only our own updates emit (the
kernel already knows them).

After each update the view also computes the figure's full data and layout as plotly.js
filled them in, and sends the difference to the kernel (``_sendTraceDeltas`` and
``_sendLayoutDelta``), inside the same task as the redraw: 4-9 ms in Chromium for lesson
10's four heatmaps, before the page can paint, and about 40 ms of kernel time per
message. The patched view sends them in a task of their own, after the redraw, the newest
of a burst only (a 50 ms delay cut the playground's heatmap redraws from 10.4 to 8.1 a
second: its flow control waits for them). They cannot simply stop: the kernel learns from them that a figure has been
drawn (``widgets.ui`` waits for the first before importing TensorFlow, and the
playground's ``LightFigureWidget`` uses them as flow control). A ``LightFigureWidget``
reads only their edit ids, so for one the patched view sends the ids alone and skips
computing the deltas (a deep copy of the figure's full data and layout, image sources
included: 0.44 s of the page's 5 s while the playground trained, Chromium CPU profile).

The patches are looked up at each update, so views drawn before the widget loaded are
covered too. Where the plotly extension is not the expected
one, nothing is changed and ``status`` says why; figures then work as before, only slower.
The front end itself, every plotly name it touches, is
:data:`widgets.figures.plotly_compat.VIEW_PATCH_ESM`.

Every dashboard adds one to its children once the browser shows it
(:meth:`widgets.ui.Dashboard._add_fast_figure_updates`): last, so that loading anywidget's
front end cannot hold up the other widgets of a page that is still being drawn.
"""

from __future__ import annotations

import anywidget
import ipywidgets
import traitlets

from .plotly_compat import VIEW_PATCH_ESM


class FastFigureUpdates(anywidget.AnyWidget):
    """Invisible; its front end makes plotly FigureWidget updates cheap (module docstring).

    ``status`` is set by the browser: "patched", or why nothing was changed.
    """

    _esm = VIEW_PATCH_ESM
    status = traitlets.Unicode("").tag(sync=True)

    def __init__(self, **kwargs):
        super().__init__(layout=ipywidgets.Layout(display="none"), **kwargs)
