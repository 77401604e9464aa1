"""Lesson 11's pictures: the network unrolled in time (SVG), the input and the states over
time, and the gradient norms against the step (plotly). Pure functions of their arguments.

The unrolled network is SVG in an HTML widget, like lesson 02's neuron: one string per
update, which the browser swaps in without plotly's redraw; the two plots keep their axes
fixed while a slider moves, and the current step is a layout shape
(:mod:`widgets.figures.shapes`), so a step redraws only that shape.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import plotly.graph_objects as go

from ..figures.light import LightFigureWidget
from ..figures.style import COLOURS, LINE, base_layout
from ..i18n import number

#: Colours of the hidden units' lines (unit 1, 2, 3) and of the three cells.
UNIT_COLOURS = ("#d62728", "#1f77b4", "#2ca02c")
CELL_COLOURS = {"simple_rnn": "#d62728", "gru": "#2ca02c", "lstm": "#1f77b4"}
CURRENT = COLOURS["warn"]
MAX_UNITS = 3

# The unrolled drawing's grid (SVG pixels).
COLUMN = 90  # one time step
LEFT = 16
CELL_W, ROW_H = 54, 22  # a state box is CELL_W wide and ROW_H tall per unit
TOP = 34  # the state boxes start here (labels h_t above)
GAP = 58  # between the state boxes and the input boxes

STYLE = (
    ".dl-unrolled{overflow-x:auto;max-width:1040px}"
    ".dl-unrolled svg{display:block}"
    ".dl-formula{font-size:calc(var(--dl-scale) * 16px);line-height:1.6;margin:4px 0}"
    ".dl-formula .dl-step-title{font-weight:bold}"
)


def _fmt(value: float, lang: str) -> str:
    return number(round(float(value), 2) + 0.0, lang, ".2f")


def state_fill(value: float) -> tuple[str, str]:
    """The fill of a state box (red above 0, blue below, stronger towards ±1) and the
    colour of the number written on it."""
    strength = min(abs(float(value)), 1.0)
    rgb = "214,39,40" if value > 0 else "31,119,180"
    return f"rgba({rgb},{0.08 + 0.82 * strength:.2f})", "#ffffff" if strength > 0.55 else LINE


def _label(x: float, y: float, name: str, t: int | str, size: int = 14, colour=LINE) -> str:
    return (
        f"<text x='{x}' y='{y}' text-anchor='middle' font-size='{size}' fill='{colour}'>"
        f"<tspan font-style='italic'>{name}</tspan><tspan font-size='{size - 3}' dy='4'>{t}"
        "</tspan></text>"
    )


def _arrow(x1, y1, x2, y2, colour: str, width: float, dashed: bool = False) -> str:
    dash = " stroke-dasharray='4 3'" if dashed else ""
    return (
        f"<line x1='{x1}' y1='{y1}' x2='{x2}' y2='{y2}' stroke='{colour}' "
        f"stroke-width='{width}'{dash} marker-end='url(#dl-head-{_colour_id(colour)})'/>"
    )


def _colour_id(colour: str) -> str:
    return colour.lstrip("#")


def _heads(*colours: str) -> str:
    return (
        "<defs>"
        + "".join(
            f"<marker id='dl-head-{_colour_id(c)}' viewBox='0 0 10 10' refX='9' refY='5' "
            f"markerWidth='6' markerHeight='6' orient='auto-start-reverse'>"
            f"<path d='M0,0 L10,5 L0,10 z' fill='{c}'/></marker>"
            for c in colours
        )
        + "</defs>"
    )


def _state_box(cx: float, values: Sequence[float], known: bool, current: bool, lang: str):
    units = len(values)
    x0, height = cx - CELL_W / 2, ROW_H * units
    parts = []
    for i, value in enumerate(values):
        y = TOP + ROW_H * i
        fill, ink = state_fill(value) if known else ("#f2f2f2", "#999999")
        text = _fmt(value, lang) if known else "?"
        parts += [
            f"<rect x='{x0}' y='{y}' width='{CELL_W}' height='{ROW_H}' fill='{fill}' "
            f"stroke='#bbbbbb' stroke-width='1'/>",
            f"<text x='{cx}' y='{y + 16}' text-anchor='middle' font-size='14' "
            f"fill='{ink}'>{text}</text>",
        ]
    frame, width = (CURRENT, 3.5) if current else ((LINE, 1.5) if known else ("#bbbbbb", 1.5))
    parts.append(
        f"<rect x='{x0}' y='{TOP}' width='{CELL_W}' height='{height}' fill='none' "
        f"stroke='{frame}' stroke-width='{width}' rx='3'/>"
    )
    return "".join(parts)


def _input_box(cx: float, y: float, value: float, known: bool, current: bool, lang: str) -> str:
    frame, width = (CURRENT, 3.5) if current else (LINE if known else "#bbbbbb", 1.5)
    fill = "#fff7d6" if known else "#f2f2f2"
    return (
        f"<rect x='{cx - 24}' y='{y}' width='48' height='26' fill='{fill}' stroke='{frame}' "
        f"stroke-width='{width}' rx='13'/>"
        f"<text x='{cx}' y='{y + 18}' text-anchor='middle' font-size='14' "
        f"fill='{LINE if known else '#999999'}'>{_fmt(value, lang)}</text>"
    )


def unrolled_svg(x: Sequence[float], h: np.ndarray, index: int, lang: str = "en") -> str:
    """The SimpleRNN unrolled over ``len(x)`` steps: input boxes x_t under state boxes h_t
    (one number and colour per unit), arrows x_t → h_t (W) and h_{t−1} → h_t (U).

    Steps up to ``index`` are computed; the later ones are grey, and step ``index`` is
    framed in orange together with the arrows that feed it (``index`` 0: only h_0).
    """
    h = np.asarray(h, dtype=float).reshape(len(x), -1)
    steps, units = h.shape
    height_h = ROW_H * units
    y_input = TOP + height_h + GAP
    width = LEFT + COLUMN * (steps + 1) + 8
    height = y_input + 48
    parts = [
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
        f"viewBox='0 0 {width} {height}' font-family='sans-serif' class='dl-unrolled-svg'>",
        _heads(LINE, CURRENT, "#bbbbbb"),
    ]
    centre = [LEFT + COLUMN * t + CELL_W / 2 for t in range(steps + 1)]
    parts.append(_label(centre[0], TOP - 10, "h", 0))
    parts.append(_state_box(centre[0], [0.0] * units, True, index == 0, lang))
    for t in range(1, steps + 1):
        known, current = t <= index, t == index
        colour = CURRENT if current else (LINE if known else "#bbbbbb")
        width_line = 2.5 if current else 1.5
        mid = TOP + height_h / 2
        parts.append(
            _arrow(
                centre[t - 1] + CELL_W / 2,
                mid,
                centre[t] - CELL_W / 2 - 1,
                mid,
                colour,
                width_line,
                dashed=not known,
            )  # fmt: skip
        )
        parts.append(
            _arrow(
                centre[t],
                y_input - 1,
                centre[t],
                TOP + height_h + 2,
                colour,
                width_line,
                dashed=not known,
            )  # fmt: skip
        )
        if t == 1 or current:
            parts.append(
                f"<text x='{(centre[t - 1] + centre[t]) / 2}' y='{mid - 6}' "
                f"text-anchor='middle' font-size='12' fill='{colour}'>U</text>"
                f"<text x='{centre[t] + 8}' y='{y_input - GAP / 2 + 4}' font-size='12' "
                f"fill='{colour}'>W</text>"
            )
        parts.append(_label(centre[t], TOP - 10, "h", t, colour=LINE if known else "#999999"))
        parts.append(_state_box(centre[t], h[t - 1], known, current, lang))
        parts.append(_input_box(centre[t], y_input, x[t - 1], True, current, lang))
        parts.append(_label(centre[t], y_input + 44, "x", t, size=13))
    parts.append("</svg>")
    return "".join(parts)


# --------------------------------------------------------------------------- plots
def states_figure(t_title: str, x_name: str) -> go.FigureWidget:
    """x_t and up to three units' h_t against t; the current step is a shaded band."""
    traces = [
        go.Scatter(
            x=[],
            y=[],
            mode="lines+markers",
            name=x_name,
            line={"color": "#777777", "width": 2, "dash": "dot"},
            marker={"size": 7, "color": "#777777"},
            hovertemplate="t = %{x}: %{y:.3f}<extra></extra>",
        ),  # fmt: skip
        *(
            go.Scatter(
                x=[],
                y=[],
                mode="lines+markers",
                name=f"h{i + 1}",
                line={"color": colour, "width": 3},
                marker={"size": 8, "color": colour},
                hovertemplate="t = %{x}: %{y:.3f}<extra></extra>",
            )  # fmt: skip
            for i, colour in enumerate(UNIT_COLOURS)
        ),
    ]
    layout = base_layout(
        width=640,
        height=330,
        showlegend=True,
        legend={"orientation": "h", "y": 1.12, "x": 0},
        margin={"l": 50, "r": 20, "t": 30, "b": 45},
        xaxis={"title": t_title, "zeroline": False},
        yaxis={"zeroline": True},
        dragmode=False,
    )
    return LightFigureWidget(data=traces, layout=layout)


def states_data(x: Sequence[float], h: np.ndarray, names: Sequence[str]) -> tuple[list[dict], dict]:
    """Trace values (x_t for t = 1…T, h_t for t = 0…T with h_0 = 0) and fixed axes."""
    x = np.asarray(x, dtype=float)
    h = np.asarray(h, dtype=float).reshape(len(x), -1)
    steps, units = h.shape
    t = np.arange(steps + 1)
    data = [{"x": t[1:].tolist(), "y": np.round(x, 4).tolist()}]
    for i in range(MAX_UNITS):
        if i < units:
            y = np.concatenate([[0.0], h[:, i]])
            data.append({"x": t.tolist(), "y": np.round(y, 4).tolist(), "name": names[i],
                         "visible": True})  # fmt: skip
        else:
            data.append({"x": [], "y": [], "name": f"h{i + 1}", "visible": False})
    low = min(-1.05, float(x.min()) - 0.1)
    high = max(1.05, float(x.max()) + 0.1)
    layout = {
        "xaxis.range": [-0.5, steps + 0.5],
        "xaxis.dtick": 1 if steps <= 15 else 5,
        "yaxis.range": [low, high],
    }
    return data, layout


def current_step_shape(index: int) -> list[dict]:
    """The band that marks step ``index`` on the states plot."""
    return [
        {
            "type": "rect",
            "xref": "x",
            "yref": "paper",
            "x0": index - 0.4,
            "x1": index + 0.4,
            "y0": 0,
            "y1": 1,
            "fillcolor": "rgba(255,127,14,0.18)",
            "line": {"width": 0},
            "layer": "below",
            "name": "current",
        }
    ]


def gradient_figure(t_title: str, y_title: str, names: dict[str, str]) -> go.FigureWidget:
    """‖∂h_T/∂x_t‖ against t, one line a cell, on a log axis."""
    traces = [
        go.Scatter(
            x=[],
            y=[],
            mode="lines",
            name=names[cell],
            line={"color": colour, "width": 3},
            hovertemplate=f"{names[cell]}, t = %{{x}}: %{{y:.2e}}<extra></extra>",
        )  # fmt: skip
        for cell, colour in CELL_COLOURS.items()
    ]
    layout = base_layout(
        width=700,
        height=400,
        showlegend=True,
        legend={"orientation": "h", "y": 1.1, "x": 0},
        margin={"l": 70, "r": 20, "t": 30, "b": 45},
        xaxis={"title": t_title},
        yaxis={"title": y_title, "type": "log", "exponentformat": "power"},
        dragmode=False,
    )
    return LightFigureWidget(data=traces, layout=layout)


def gradient_data(norms: dict[str, np.ndarray]) -> tuple[list[dict], dict]:
    """The three lines (zeros dropped: a log axis cannot show them) and the x range."""
    data = []
    steps = 1
    for cell in CELL_COLOURS:
        values = np.asarray(norms[cell], dtype=float)
        steps = len(values)
        y = [float(f"{v:.4g}") if v > 0 and np.isfinite(v) else None for v in values]
        data.append({"x": list(range(1, steps + 1)), "y": y})
    return data, {"xaxis.range": [0.5, steps + 0.5]}
