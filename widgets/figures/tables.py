"""Truth tables as HTML, with the current input row and wrong rows highlighted."""

from __future__ import annotations

import html

import numpy as np

from ..i18n import number
from .style import FIRE


def truth_table_html(
    rows: np.ndarray,
    sums: np.ndarray,
    outputs: np.ndarray,
    headers: list[str],
    targets: np.ndarray | None = None,
    current: int | None = None,
    lang: str = "en",
) -> str:
    """An HTML table: one line per input row, its weighted sum and output.

    ``targets`` adds a column of wanted outputs and marks mismatches; ``current`` bolds the
    row shown in the diagram; ``lang`` writes the sums (a decimal comma in Polish).
    """
    head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
    lines = []
    for i, (row, total, out) in enumerate(zip(rows, sums, outputs, strict=True)):
        cells = [f"<td>{int(v)}</td>" for v in row]
        cells.append(f"<td>{number(float(total), lang)}</td>")
        cells.append(
            f"<td style='color:{FIRE if out else 'inherit'};font-weight:bold'>{int(out)}</td>"
        )
        style = "background:#fff3c4;" if i == current else ""
        if targets is not None:
            ok = int(out) == int(targets[i])
            cells.append(f"<td>{int(targets[i])} {'✓' if ok else '✗'}</td>")
            style += "" if ok else "color:#b00020;"
        lines.append(f"<tr style='{style}'>{''.join(cells)}</tr>")
    return (
        "<table class='dl-table' style='border-collapse:collapse;font-size:15px;"
        "text-align:center'>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(lines)}</tbody></table>"
        "<style>.dl-table td,.dl-table th{padding:2px 10px;border-bottom:1px solid #ddd}</style>"
    )
