"""The course's fixes to plotly's FigureWidget, kernel side: every figure is a
LightFigureWidget that reads the page's answers for their edit ids only and serialises
with ``finite.to_js``; every shown dashboard adds one FastFigureUpdates (the browser
patch); the TensorFlow import waits for each figure's first draw. The browser side is in
tests/browser/test_lesson_04.py, the plotly names it all relies on in test_plotly_compat.py.
"""

from __future__ import annotations

import plotly.graph_objects as go

from widgets.figures.finite import to_js
from widgets.figures.light import LightFigureWidget
from widgets.figures.plotly_compat import VIEW_PATCH_ESM, is_plotly_figure, on_first_draw


def test_light_figure_counts_updates_in_flight():
    figure = LightFigureWidget()
    figure._last_layout_edit_id = figure._last_trace_edit_id = 5
    assert figure.updates_in_flight() == 5
    figure._js2py_layoutDelta = {"layout_delta": {}, "layout_edit_id": 4}
    figure._js2py_traceDeltas = {"trace_deltas": [], "trace_edit_id": 5}
    assert figure.updates_in_flight() == 1
    assert figure._js2py_layoutDelta is None  # handled and cleared


def test_light_figure_asks_for_edit_ids_alone_and_sends_through_to_js():
    figure = LightFigureWidget()
    assert figure.get_state()["_light"] is True  # read by the patched view
    assert figure.trait_metadata("_data", "to_json") is to_js
    assert figure.trait_metadata("_py2js_update", "to_json") is to_js


def test_a_shown_dashboard_adds_one_fast_figure_updates_last():
    from widgets.figures.fast_updates import FastFigureUpdates
    from widgets.mcculloch_pitts import McCullochPittsDashboard

    dashboard = McCullochPittsDashboard(lang="en")
    before = list(dashboard.children)
    assert not any(isinstance(c, FastFigureUpdates) for c in before)
    dashboard._view_count = 1  # what the browser reports when it shows the dashboard
    dashboard._view_count = 2  # a second view adds nothing
    dashboard._view_count = 0
    dashboard._view_count = 1
    added = [c for c in dashboard.children if isinstance(c, FastFigureUpdates)]
    assert len(added) == 1 and dashboard.children[-1] is added[0]
    assert list(dashboard.children[:-1]) == before
    assert added[0]._esm == VIEW_PATCH_ESM


def test_first_draw_is_reported_once_per_figure():
    light, plain = LightFigureWidget(), go.FigureWidget()
    drawn = []
    for figure in (light, plain):
        on_first_draw(figure, drawn.append)
        figure._js2py_traceDeltas = None  # plotly's reset: not a draw
    assert drawn == []
    for _ in range(2):
        for figure in (light, plain):
            figure._js2py_traceDeltas = {"trace_deltas": [], "trace_edit_id": 0}
    assert drawn == [light, plain]


def test_plotly_figures_are_told_from_other_widgets():
    import ipywidgets

    assert is_plotly_figure(LightFigureWidget()) and is_plotly_figure(go.FigureWidget())
    assert not is_plotly_figure(ipywidgets.HTML()) and not is_plotly_figure(ipywidgets.Layout())
