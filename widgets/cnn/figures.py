"""Lesson 10's CNN, drawn: the layers' feature maps as mosaics (one raster a layer, a
transparent heatmap of tile numbers over each for clicks), the first layer's filters, how
one map is computed, the softmax bars, the loss and accuracy curves, and the table that
compares the CNN with the MLP. Pure functions of their arguments: no dashboard state.

While the network trains the charts are drawn "live": the curves and the bars as layout
shapes on fixed axes, the traces left empty (see "live charts" in
:mod:`widgets.figures.curves`); after training they are traces again, with hover.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ..figures.curves import (
    bar_shapes,
    cost_figure,
    curve_shapes,
    finite_or_none,
    probability_data,
    update_traces,
)
from ..figures.feature_maps import (
    DIVERGING,
    EMPTY,
    IMAGE_SCALE,
    POSITIVE,
    mosaic,
    raster,
    raster_layout,
)
from ..figures.light import LightFigureWidget

LAYERS = ("conv1", "pool1", "conv2", "pool2")  # the layers whose maps are shown
MOSAIC_COLS = 4
CLASSES = 10
LOSS_TOP = 2.5  # the live loss axis reaches at least this: ln 10 = 2.3 is where training starts


def layers_figure(titles: Sequence[str], hover: str) -> go.FigureWidget:
    """The input image, then one mosaic per layer (conv1, pool1, conv2, pool2), in a row.

    Each mosaic has a transparent heatmap of tile numbers over it (trace ``i`` over
    subplot ``i + 2``): it gives clicks and the hover text ``hover`` (e.g. "map %{z}").
    It changes only with the architecture, so while training only images are sent.
    """
    fig = make_subplots(
        rows=1,
        cols=len(titles),
        subplot_titles=list(titles),
        horizontal_spacing=0.03,
        column_widths=[0.12] + [0.22] * (len(titles) - 1),
    )
    for col in range(2, len(titles) + 1):
        fig.add_trace(
            go.Heatmap(
                z=[[None]],  # a gap until the tile numbers come (None: JSON has no NaN)
                opacity=0,
                showscale=False,
                hoverongaps=False,
                hovertemplate=hover + "<extra></extra>",
            ),
            row=1,
            col=col,
        )
    fig.update_layout(raster_layout(len(titles), height=260, width=1060))
    return LightFigureWidget(fig)


def filters_figure(title: str) -> go.FigureWidget:
    """The first layer's kernels as one signed mosaic."""
    title = {"text": title, "font": {"size": 14}}
    return LightFigureWidget(layout=raster_layout(1, height=230, width=420, title=title))


def explain_figure(titles: Sequence[str]) -> go.FigureWidget:
    """How one map is made: inputs, kernels, per-input terms (mosaics), the result."""
    fig = make_subplots(rows=1, cols=4, subplot_titles=list(titles), horizontal_spacing=0.04)
    fig.update_layout(raster_layout(4, height=260, width=1060))
    return LightFigureWidget(fig)


def curves_figure(names: Sequence[str], cost_axis: str, epoch_axis: str, acc_axis: str):
    """Loss (left axis), training and test accuracy (right axis) over the epochs."""
    figure = cost_figure(names, cost_axis, epoch_axis, y2_title=acc_axis, on_y2=[False, True, True])
    # No "current epoch" line (shape 0 of cost_figure): the curves end where training is.
    figure.update_layout(width=480, height=300, shapes=[])
    return figure


def layer_rasters(acts: Mapping[str, np.ndarray], image: np.ndarray | None) -> list[dict | None]:
    """The layers figure's panels: the input (None: unchanged, not sent again), then one
    mosaic per layer."""
    panels = [None if image is None else raster(image, IMAGE_SCALE, 0, 1)]
    for name in LAYERS:
        panels.append(raster(mosaic(acts[name], cols=MOSAIC_COLS), POSITIVE, 0, 1))
    return panels


def filter_raster(filters: np.ndarray) -> dict:
    """The first layer's kernels as one signed mosaic, eight a row."""
    return raster(mosaic(filters, 8, True, 64), DIVERGING, -1, 1)


def explanation_rasters(ex) -> list[dict]:
    """The four panels of how map ``ex`` (:func:`widgets.models.cnn.explain_map`) is made:
    for a pooling map its input and itself; for a convolution the input maps, the kernels,
    each term and the result after ReLU."""
    if ex.layer.startswith("pool"):
        return [
            raster(mosaic(ex.inputs), POSITIVE, 0, 1),
            EMPTY,
            EMPTY,
            raster(mosaic(ex.output[None]), POSITIVE, 0, 1),
        ]
    return [
        raster(mosaic(ex.inputs, cols=MOSAIC_COLS), POSITIVE, 0, 1),
        raster(mosaic(ex.kernels, cols=MOSAIC_COLS, signed=True), DIVERGING, -1, 1),
        raster(mosaic(ex.partials, cols=MOSAIC_COLS, signed=True), DIVERGING, -1, 1),
        raster(mosaic(np.maximum(ex.total, 0)[None]), POSITIVE, 0, 1),
    ]


def draw_softmax(figure, probabilities: np.ndarray, lang: str, live: bool = False) -> None:
    """The softmax bars: while training (``live``) as shapes, the trace empty and mute."""
    if live:
        blank = {"y": [0.0] * CLASSES, "text": [""] * CLASSES, "hoverinfo": "skip"}
        update_traces(figure, [blank], {"shapes": bar_shapes(probabilities)})
    else:
        bars = probability_data([str(d) for d in range(CLASSES)], probabilities, lang=lang)
        update_traces(figure, [{**bars[0], "hoverinfo": "all"}], {"shapes": []})


def draw_curves(figure, history: Mapping[str, list], epochs: int, live: bool = False) -> None:
    """Loss and accuracy so far: while training (``live``) as shapes on fixed axes (the
    ``epochs`` asked for; the loss from 0 to at least ln 10, where an untrained net starts)."""
    # The training thread appends x, then loss, then accuracy: cut to the shortest.
    h = history
    n, m = len(h["accuracy"]), len(h["val_accuracy"])
    series = [
        (h["x"][:n], h["loss"][:n]),
        (h["x"][:n], h["accuracy"][:n]),
        (h["val_x"][:m], h["val_accuracy"][:m]),
    ]
    if live:
        top = max([LOSS_TOP, *(1.05 * v for v in series[0][1] if np.isfinite(v))])
        layout = {
            "shapes": curve_shapes(figure, series),
            "xaxis.range": [0, epochs],
            "yaxis.range": [0, round(top, 2)],
        }
        # One empty point a trace keeps the legend (plotly.js leaves traces without
        # points out of it) and draws nothing.
        update_traces(figure, [{"x": [None], "y": [None]}] * len(series), layout)
    else:
        traces = [{"x": list(x), "y": finite_or_none(y)} for x, y in series]
        layout = {"shapes": [], "xaxis.autorange": True, "yaxis.autorange": True}
        update_traces(figure, traces, layout)


def comparison_html(rows: Sequence[Sequence[str]], t: Callable[..., str]) -> str:
    """The CNN-against-MLP table: ``rows`` of (model, parameters, accuracy, seconds), the
    numbers already written in the page's language; ``t`` the lesson's translator."""
    keys = ("table_model", "table_params", "table_acc", "table_time")
    head = f"<th>{t(keys[0])}</th>" + "".join(f"<th class='dl-num'>{t(k)}</th>" for k in keys[1:])
    body = "".join(
        "<tr><td>{}</td>{}</tr>".format(
            name, "".join(f"<td class='dl-num'>{cell}</td>" for cell in cells)
        )
        for name, *cells in rows
    )
    return (
        f"<table class='dl-table dl-text'><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table><div class='dl-note'>{t('table_reference')}</div>"
    )
