"""A neuron drawn as SVG: inputs → weighted sum → threshold → output, with live values."""

from __future__ import annotations

import html

from ..i18n import number
from .style import FIRE, LINE, QUIET


def _fmt(value: float, lang: str = "en") -> str:
    return number(value, lang)


def neuron_svg(
    inputs: list[float],
    weights: list[float],
    total: float,
    threshold: float,
    output: float,
    inhibitory: float | None = None,
    labels: dict | None = None,
    lang: str = "en",
) -> str:
    """SVG of one threshold neuron with the current values written on it.

    ``inhibitory`` is the value of the veto input, or None when the neuron has none.
    ``labels`` names the stages (translated by the caller): sum, threshold, output, veto;
    ``lang`` writes the numbers (a decimal comma in Polish).
    """
    labels = labels or {"sum": "Σ", "threshold": "θ", "output": "y", "veto": "h"}
    n = len(inputs)
    height = 60 + 70 * max(n, 2) + (70 if inhibitory is not None else 0)
    cx, cy = 300, height / 2
    parts = [
        f"<svg viewBox='0 0 560 {height}' width='560' height='{height}' "
        "xmlns='http://www.w3.org/2000/svg' font-family='sans-serif' font-size='16'>"
    ]
    for i, (x, w) in enumerate(zip(inputs, weights, strict=True)):
        y = 50 + 70 * i + (70 * (max(n, 2) - n)) / 2
        colour = FIRE if w > 0 else QUIET if w < 0 else "#bbbbbb"
        width = 1 + 2.5 * min(abs(w), 3)
        parts += [
            f"<line x1='70' y1='{y}' x2='{cx - 45}' y2='{cy}' stroke='{colour}' "
            f"stroke-width='{width}'/>",
            f"<circle cx='50' cy='{y}' r='22' fill='{'#ffe08a' if x else '#ffffff'}' "
            f"stroke='{LINE}' stroke-width='2'/>",
            f"<text x='50' y='{y + 6}' text-anchor='middle'>{_fmt(x, lang)}</text>",
            f"<text x='50' y='{y - 28}' text-anchor='middle' font-size='13'>x{i + 1}</text>",
            f"<text x='{(70 + cx - 45) / 2 + 10}' y='{(y + cy) / 2 - 8}' "
            f"text-anchor='middle' fill='{colour}'>w{i + 1}={_fmt(w, lang)}</text>",
        ]
    if inhibitory is not None:
        y = height - 45
        parts += [
            f"<line x1='70' y1='{y}' x2='{cx - 20}' y2='{cy + 42}' stroke='{LINE}' "
            "stroke-width='3' stroke-dasharray='6 4'/>",
            f"<line x1='{cx - 32}' y1='{cy + 34}' x2='{cx - 8}' y2='{cy + 50}' "
            f"stroke='{LINE}' stroke-width='5'/>",
            f"<circle cx='50' cy='{y}' r='22' fill='{'#cccccc' if inhibitory else '#ffffff'}' "
            f"stroke='{LINE}' stroke-width='2'/>",
            f"<text x='50' y='{y + 6}' text-anchor='middle'>{_fmt(inhibitory, lang)}</text>",
            f"<text x='50' y='{y - 28}' text-anchor='middle' font-size='13'>"
            f"{html.escape(labels['veto'])}</text>",
        ]
    fired = bool(output)
    parts += [
        f"<circle cx='{cx}' cy='{cy}' r='45' fill='#f7f7f7' stroke='{LINE}' stroke-width='3'/>",
        f"<text x='{cx}' y='{cy - 8}' text-anchor='middle' font-size='13'>"
        f"{html.escape(labels['sum'])}</text>",
        f"<text x='{cx}' y='{cy + 16}' text-anchor='middle' font-weight='bold'>"
        f"{_fmt(total, lang)}</text>",
        f"<line x1='{cx + 45}' y1='{cy}' x2='{cx + 150}' y2='{cy}' stroke='{LINE}' "
        "stroke-width='3'/>",
        f"<text x='{cx + 97}' y='{cy - 12}' text-anchor='middle'>"
        f"{'≥' if total >= threshold else '<'} θ={_fmt(threshold, lang)}</text>",
        f"<circle cx='{cx + 185}' cy='{cy}' r='32' fill='{FIRE if fired else '#ffffff'}' "
        f"stroke='{LINE}' stroke-width='3'/>",
        f"<text x='{cx + 185}' y='{cy + 7}' text-anchor='middle' font-size='22' "
        f"font-weight='bold' fill='{'#ffffff' if fired else LINE}'>{_fmt(output, lang)}</text>",
        f"<text x='{cx + 185}' y='{cy - 42}' text-anchor='middle' font-size='13'>"
        f"{html.escape(labels['output'])}</text>",
        "</svg>",
    ]
    return "".join(parts)
