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

How both are done with plotly's private names is in
:class:`widgets.figures.plotly_compat.EditIdFigureWidget`.
"""

from __future__ import annotations

from .finite import to_js
from .plotly_compat import EditIdFigureWidget


class LightFigureWidget(EditIdFigureWidget):
    """``go.FigureWidget`` whose view's answers only record how far the page has drawn,
    and whose messages never hold a non-finite number."""

    serializer = staticmethod(to_js)
