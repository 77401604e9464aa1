"""A plotly FigureWidget that skips the bookkeeping of the page's answers.

After every update plotly's view sends back the figure's computed defaults (the whole
layout's, and every edited trace's) and plotly.py merges them into its Python copy, in the
kernel's main thread. For the playground's figures, redrawn about ten times a second,
that merging is what the controls waited behind while training: measured in Voilà on the
course machine, a click answered after 0.6-0.8 s while training against 0.07 s idle. The
dashboards never read those defaults, so this subclass only notes which update the page
has drawn (:meth:`LightFigureWidget.updates_in_flight`, which the playground's view uses as
flow control) and drops the rest. Every figure of the course is one: a delta message cost
the kernel about 40 ms (``benchmarks/latency_probe.py``), while a dashboard trains too.
"""

from __future__ import annotations

import plotly.graph_objects as go
from traitlets import Bool, observe


class LightFigureWidget(go.FigureWidget):
    """``go.FigureWidget`` whose view's answers only record how far the page has drawn."""

    # Tells the patched view (widgets.figures.fast_updates) to answer with edit ids alone.
    _light = Bool(True).tag(sync=True)
    _drawn_layout_id = 0
    _drawn_trace_id = 0

    def updates_in_flight(self) -> int:
        """Updates sent to the page that it has not yet reported drawn."""
        return max(
            self._last_layout_edit_id - self._drawn_layout_id,
            self._last_trace_edit_id - self._drawn_trace_id,
            0,
        )

    @observe("_js2py_layoutDelta")
    def _handler_js2py_layoutDelta(self, change):  # noqa: N802  (plotly's name)
        message = change["new"]
        if not message:
            return
        self._drawn_layout_id = max(self._drawn_layout_id, message.get("layout_edit_id", 0))
        if message.get("layout_edit_id") == self._last_layout_edit_id:
            self._layout_edit_in_process = False
            self._run_waiting_callbacks()
        self._js2py_layoutDelta = None

    @observe("_js2py_traceDeltas")
    def _handler_js2py_traceDeltas(self, change):  # noqa: N802  (plotly's name)
        message = change["new"]
        if not message:
            return
        self._drawn_trace_id = max(self._drawn_trace_id, message.get("trace_edit_id", 0))
        if message.get("trace_edit_id") == self._last_trace_edit_id:
            self._trace_edit_in_process = False
            self._run_waiting_callbacks()
        self._js2py_traceDeltas = None

    def _run_waiting_callbacks(self) -> None:
        if not (self._layout_edit_in_process or self._trace_edit_in_process):
            while self._waiting_edit_callbacks:
                self._waiting_edit_callbacks.pop()()
