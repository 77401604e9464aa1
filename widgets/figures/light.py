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

It is also where every number of a figure leaves the kernel: its data, layout and every
update message are serialised by :func:`widgets.figures.finite.to_js` instead of plotly's
own serializer, so a NaN or ±inf goes out as None (a gap) and never makes a message
invalid JSON (issue 13; see ``finite.py``).
"""

from __future__ import annotations

import plotly.graph_objects as go
from plotly.serializers import _py_to_js
from traitlets import Bool, observe

from .finite import to_js


class LightFigureWidget(go.FigureWidget):
    """``go.FigureWidget`` whose view's answers only record how far the page has drawn."""

    # Tells the patched view (widgets.figures.fast_updates) to answer with edit ids alone.
    _light = Bool(True).tag(sync=True)
    _drawn_layout_id = 0
    _drawn_trace_id = 0

    def trait_metadata(self, traitname: str, key: str, default=None):
        """Trait metadata, with plotly's serializer (``to_json`` of ``_data``, ``_layout``,
        ``_config`` and every ``_py2js_*`` message) replaced by :func:`to_js`.

        ipywidgets looks the serializer up here for every state it sends (``get_state``),
        so this covers the first state, ``send_state`` and every update message.
        """
        value = super().trait_metadata(traitname, key, default)
        return to_js if value is _py_to_js else value

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
