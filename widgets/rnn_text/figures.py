"""Lesson 11, part 3: the perplexity curve and the text coloured by a unit or a gradient."""

from __future__ import annotations

from html import escape

import numpy as np

from ..figures.light import LightFigureWidget
from ..figures.style import FIRE, QUIET, base_layout, separators


def perplexity_figure(title: str, x_title: str, y_title: str, lang: str) -> LightFigureWidget:
    """An empty perplexity-against-epoch line, log y axis."""
    figure = LightFigureWidget(
        data=[
            {
                "type": "scatter",
                "mode": "lines+markers",  # a model loaded trained is one point, not a line
                "x": [],
                "y": [],
                "line": {"color": FIRE},
                "marker": {"size": 6},
            }
        ],
        layout=base_layout(
            height=300,
            width=460,
            title={"text": title, "font": {"size": 14}},
            separators=separators(lang),
            xaxis={"title": x_title, "rangemode": "tozero"},
            yaxis={"title": y_title, "type": "log"},
        ),
    )
    return figure


def _rgba(value: float, scale: float) -> str:
    """Red for positive, blue for negative, the stronger the larger ``|value| / scale``."""
    strength = 0.0 if scale <= 0 else min(1.0, abs(value) / scale)
    colour = FIRE if value >= 0 else QUIET
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgba({red},{green},{blue},{0.85 * strength:.2f})"


def _char_html(char: str) -> str:
    return "⏎<br>" if char == "\n" else escape(char).replace(" ", "&nbsp;")


def coloured_text(text: str, values: np.ndarray, frame: int | None = None) -> str:
    """``text`` with each character's background coloured by ``values`` (one a character;
    NaN leaves it white); ``frame`` boxes one character. The colours are data, so they are
    the one inline style here (a class per colour would be a stylesheet per picture)."""
    finite = np.asarray(values, dtype=float)
    scale = float(np.nanmax(np.abs(finite))) if np.isfinite(finite).any() else 0.0
    spans = []
    for i, char in enumerate(text):
        value = finite[i] if i < len(finite) else np.nan
        colour = "transparent" if not np.isfinite(value) else _rgba(value, scale)
        framed = " dl-char-framed" if i == frame else ""
        spans.append(
            f"<span class='dl-char{framed}' style='background:{colour}'>{_char_html(char)}</span>"
        )
    return f"<div class='dl-coloured-text dl-code'>{''.join(spans)}</div>"


def samples_html(rows: list[tuple[str, str]]) -> str:
    """Samples as (label, text) rows."""
    body = "".join(
        f"<div class='dl-note'>{escape(label)}</div><pre class='dl-sample'>{escape(text)}</pre>"
        for label, text in rows
    )
    return f"<div class='dl-samples'>{body}</div>"


STYLE = (
    ".dl-coloured-text{line-height:1.9;max-width:900px;word-break:break-all}"
    ".dl-char{padding:1px 0}"
    ".dl-char-framed{outline:2px solid #222}"
    ".dl-sample{white-space:pre-wrap;margin:0 0 8px 0;line-height:1.35;font-size:calc(14px*var(--dl-scale,1));"
    "max-width:640px}"
)
