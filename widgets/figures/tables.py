"""Truth tables as HTML, with the current input row and wrong rows highlighted."""

from __future__ import annotations

import html

import numpy as np

from ..i18n import Strings, number

TEXT = Strings("tables", {"target": {"pl": "cel", "en": "target"}})


def truth_table_headers(inputs: list[str], lang: str, target: bool = False) -> list[str]:
    """The columns of :func:`truth_table_html`: the inputs, the weighted sum, the output
    and, for a task, the wanted output."""
    return [*inputs, "Σ wᵢxᵢ", "y"] + ([TEXT.get("target", lang)] if target else [])


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
        fired = " class='dl-fire-colour'" if out else ""
        cells.append(f"<td{fired}><b>{int(out)}</b></td>")
        classes = ["dl-current-row"] if i == current else []
        if targets is not None:
            ok = int(out) == int(targets[i])
            cells.append(f"<td>{int(targets[i])} {'✓' if ok else '✗'}</td>")
            classes += [] if ok else ["dl-wrong-row"]
        lines.append(f"<tr class='{' '.join(classes)}'>{''.join(cells)}</tr>")
    return (
        "<table class='dl-table dl-text dl-centred'>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(lines)}</tbody></table>"
    )
