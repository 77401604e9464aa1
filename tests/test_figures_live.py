"""Figure updates that reach every view: no '_undefined_' keys, state kept for late views."""

from __future__ import annotations

import ipywidgets
import plotly.graph_objects as go

from widgets.figures.live import updating
from widgets.resync import resend_state, walk


def two_trace_figure():
    return go.FigureWidget(data=[go.Scatter(x=[0, 1], y=[0, 1]), go.Scatter(x=[2], y=[2])])


def test_a_mixed_batch_sends_every_key_for_every_trace(monkeypatch):
    figure = two_trace_figure()
    sent = {}
    monkeypatch.setattr(figure, "plotly_update", lambda **kwargs: sent.update(kwargs))
    with updating(figure):
        figure.data[0].x = [5, 6]
        figure.data[1].marker.color = "red"
    restyle = sent["restyle_data"]
    assert set(restyle) == {"x", "marker.color"}
    assert list(restyle["x"][1]) == [2]  # trace 1 keeps its x instead of "_undefined_"
    assert restyle["marker.color"][1] == "red"
    assert all("Undefined" not in type(v).__name__ for values in restyle.values() for v in values)


def test_the_synchronised_state_holds_the_update_for_late_views():
    figure = two_trace_figure()
    with updating(figure):
        figure.data[0].y = [7, 8]
    assert list(figure.get_state()["_data"][0]["y"]) == [7, 8]


def test_resend_walks_layouts_and_figures(monkeypatch):
    figure = two_trace_figure()
    label = ipywidgets.HTML("x")
    box = ipywidgets.VBox([label, figure])
    visited = list(walk(box))
    assert label.layout in visited and figure in visited and box.layout in visited
    sent = []
    monkeypatch.setattr(figure, "_send_update_msg", lambda *args: sent.append(args))
    resend_state(box)
    assert sent and list(sent[0][0]["x"][0]) == [0, 1]


def test_update_traces_sends_only_the_traces_that_changed(monkeypatch):
    from widgets.figures.live import update_traces

    figure = two_trace_figure()
    sent = {}
    monkeypatch.setattr(figure, "plotly_update", lambda **kwargs: sent.update(kwargs))
    update_traces(figure, [{"x": [0, 1], "y": [0, 1]}, {"x": [3], "y": [2]}])
    assert sent["trace_indexes"] == [1]  # trace 0 was already at these values
    assert [list(v) for v in sent["restyle_data"]["x"]] == [[3]]


def test_update_traces_accepts_numpy_data_and_skips_unchanged():
    import numpy as np
    import plotly.graph_objects as go

    from widgets.figures.live import update_traces

    figure = go.FigureWidget(go.Heatmap(z=np.zeros((2, 2))))
    update_traces(figure, [{"z": np.eye(2)}])
    np.testing.assert_array_equal(figure.data[0].z, np.eye(2))
    sent = []
    figure._send_update_msg = lambda *args, **kwargs: sent.append(args)
    update_traces(figure, [{"z": np.eye(2)}])  # the same values: nothing to send
    assert sent == []


def test_update_traces_sends_only_changed_layout_keys():
    import plotly.graph_objects as go

    from widgets.figures.live import update_traces

    figure = go.FigureWidget(go.Scatter(x=[0, 1], y=[0, 1]))
    layout = {"title": {"text": "epoch 1", "font": {"size": 14}}, "xaxis.range": [0, 2]}
    update_traces(figure, [{"y": [1, 0]}], layout)
    assert figure.layout.title.text == "epoch 1" and list(figure.layout.xaxis.range) == [0, 2]
    sent = []
    figure._send_update_msg = lambda *args, **kwargs: sent.append((args, kwargs))
    update_traces(figure, [{"y": [1, 0]}], layout)  # nothing new
    assert sent == []
    update_traces(figure, [{"y": [1, 0]}], {**layout, "title": {"text": "epoch 2"}})
    assert len(sent) == 1 and "epoch 2" in str(sent[0]) and "[1, 0]" not in str(sent[0])


def test_new_shapes_replace_the_old_list_whole():
    # plotly's layout.update() merges lists item by item and sent "shapes.0.path" beside
    # "shapes"; plotly.js rejected that update and the browser kept the old drawing.
    from widgets.figures.live import update_traces

    figure = two_trace_figure()
    line = {"type": "line", "x0": 0, "y0": 0, "x1": 1, "y1": 1, "name": "boundary"}
    update_traces(figure, [{}, {}], {"shapes": [line]})
    sent = []
    figure.observe(lambda change: sent.append(change["new"]), names="_py2js_update")
    update_traces(figure, [{}, {}], {"shapes": [{**line, "x1": 2}], "title.text": "t"})
    layouts = [message["layout_data"] for message in sent if message]
    assert [set(layout) for layout in layouts] == [{"shapes", "title.text"}]
    assert figure.layout.shapes[0].x1 == 2
    sent.clear()
    update_traces(figure, [{}, {}], {"shapes": [{**line, "x1": 2}]})  # unchanged: no message
    assert not any(sent)


def test_one_changed_image_goes_out_as_the_whole_images_list():
    # plotly.py would send "images.0.source", which plotly.js does not take for a layout
    # list edit: it redrew the whole figure on every playground frame.
    from widgets.figures.live import replace_layout_item

    figure = two_trace_figure()
    figure.layout.images = [{"source": "a", "x": 0}, {"source": "b", "x": 1}]
    sent = []
    figure.observe(lambda change: sent.append(change["new"]), names="_py2js_update")
    with updating(figure):
        replace_layout_item(figure, "images", 1, {"source": "c"})
    relayouts = [message["layout_data"] for message in sent if message]
    assert [list(layout) for layout in relayouts] == [["images"]]
    assert [image["source"] for image in relayouts[0]["images"]] == ["a", "c"]
    assert (figure.layout.images[1].source, figure.layout.images[1].x) == ("c", 1)


def test_the_cost_figures_epoch_line_moves_as_a_whole_shapes_list():
    from widgets.figures.curves import cost_data, cost_figure
    from widgets.figures.live import update_traces

    figure = cost_figure(["cost"], "cost")
    sent = []
    figure.observe(lambda change: sent.append(change["new"]), names="_py2js_update")
    data, layout = cost_data([[3.0, 2.0, 1.0]], 2)
    update_traces(figure, data, layout)
    update_traces(figure, data, cost_data([[3.0, 2.0, 1.0]], 1)[1])  # only the line moves
    layouts = [message["layout_data"] for message in sent if message]
    assert [list(layout) for layout in layouts] == [["shapes"], ["shapes"]]
    assert figure.layout.shapes[0].x0 == figure.layout.shapes[0].x1 == 1


def test_a_polyline_goes_through_the_points_and_breaks_at_gaps():
    import numpy as np

    from widgets.figures.shapes import path_points, polyline

    nan = float("nan")
    (shape,) = polyline([0, 0.5, 1, 2, 3, 4], [2.3, nan, 1.25, 0.5, nan, 7], "red", 2, "loss")
    # The lone points before and after a gap have no neighbour to join: no line.
    assert shape["path"].count("M") == 1
    np.testing.assert_allclose(path_points(shape["path"]), [[1, 1.25], [2, 0.5]])
    (two,) = polyline([0, 1, 2, 3, 4], [1, 2, nan, 3, 4], "red", 2, "loss", yref="y2")
    assert two["path"].count("M") == 2 and two["yref"] == "y2"
    np.testing.assert_allclose(path_points(two["path"]), [[0, 1], [1, 2], [3, 3], [4, 4]])
    assert polyline([0], [1], "red", 2, "loss") == [] and polyline([], [], "red", 2, "x") == []


def test_live_curves_are_shapes_styled_like_their_traces():
    from widgets.figures.curves import cost_figure, curve_shapes
    from widgets.figures.shapes import path_points

    figure = cost_figure(["loss", "acc"], "loss", y2_title="acc", on_y2=[False, True])
    shapes = curve_shapes(figure, [([0, 1], [2.0, 1.0]), ([1], [0.5])])
    # The second series has one point: no line to draw yet.
    assert len(shapes) == 1
    assert path_points(shapes[0]["path"]).tolist() == [[0, 2], [1, 1]]
    assert shapes[0]["yref"] == "y" and shapes[0]["name"] == "loss"
    assert shapes[0]["line"]["color"] == figure.data[0].line.color
    two = curve_shapes(figure, [([0, 1], [2.0, 1.0]), ([0, 1], [0.5, 0.75])])
    assert two[1]["yref"] == "y2" and two[1]["line"]["dash"] == "dot"


def test_live_bars_are_one_rectangle_per_class_the_top_one_highlighted():
    import numpy as np

    from widgets.figures.curves import bar_shapes
    from widgets.figures.style import FIRE, QUIET

    p = np.array([0.1, 0.6, 0.3])
    shapes = bar_shapes(p)
    assert [s["y1"] for s in shapes] == [0.1, 0.6, 0.3]
    assert [(s["x0"] + s["x1"]) / 2 for s in shapes] == [0, 1, 2]
    assert [s["fillcolor"] for s in shapes] == [QUIET, FIRE, QUIET]


def test_without_redraw_the_changed_traces_go_out_as_one_animate_message():
    # Plotly.animate with frame.redraw false moves the points without plotly.js redrawing
    # the axes, the legend and the colour bar (GAN Lab's plane while it plays).
    from widgets.figures.live import NO_REDRAW, update_traces

    figure = two_trace_figure()
    animated, updated = [], []
    figure.observe(lambda change: animated.append(change["new"]), names="_py2js_animate")
    figure.observe(lambda change: updated.append(change["new"]), names="_py2js_update")
    update_traces(figure, [{}, {"y": [5, 6]}], redraw=False)
    messages = [message for message in animated if message]
    assert [m["style_traces"] for m in messages] == [[1]] and not any(updated)
    assert messages[0]["animation_opts"] == NO_REDRAW
    assert NO_REDRAW["frame"]["redraw"] is False
    assert list(messages[0]["style_data"][0]["y"]) == [5, 6]
    assert list(figure.data[1].y) == [5, 6]
    animated.clear()
    update_traces(figure, [{}, {"y": [5, 6]}], redraw=False)  # nothing changed
    assert not any(animated)  # plotly alone would send an empty Plotly.animate
