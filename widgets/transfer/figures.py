"""Lesson 16's transfer figures: the three runs' test-accuracy curves, the final-accuracy
bars, and the summary table (which weights learn in each run).

Each ``*_figure`` builds its FigureWidget once; ``*_data`` and ``table_html`` are pure.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import plotly.graph_objects as go

from ..figures.finite import finite_or_none
from ..figures.light import LightFigureWidget
from ..figures.style import FIRE, LINE, QUIET, base_layout
from ..i18n import number
from ..models.transfer import RUNS

GOOD = "#2ca02c"
COLOURS = {"frozen": QUIET, "fine_tuned": GOOD, "scratch": FIRE}


def curves_figure(names: Sequence[str], title: str, x_title: str, y_title: str):
    """One test-accuracy curve per run (``RUNS`` order), y from 0 to 1, and a dotted line
    for the source model with no new labels (hidden until there is one)."""
    layout = base_layout(
        title={"text": title, "font": {"size": 14}},
        width=520,
        height=330,
        showlegend=True,
        legend={"orientation": "h", "y": -0.25},
        xaxis={"title": x_title, "rangemode": "tozero"},
        yaxis={"title": y_title, "range": [0, 1.02]},
        margin={"l": 60, "r": 15, "t": 40, "b": 50},
    )
    traces = [
        go.Scatter(
            x=[], y=[], mode="lines+markers", name=name, marker={"size": 4},
            line={"color": COLOURS[run], "width": 2.5},
        )
        for run, name in zip(RUNS, names, strict=True)
    ]  # fmt: skip
    traces.append(
        go.Scatter(
            x=[], y=[], mode="lines", name="", visible=False,
            line={"color": LINE, "width": 1.5, "dash": "dot"},
        )
    )  # fmt: skip
    return LightFigureWidget(data=traces, layout=layout)


def curves_data(history: Mapping[str, Sequence[float]], epochs: int, source: float | None,
                source_name: str) -> list[dict]:  # fmt: skip
    """Trace data: each run's accuracies at epochs 1, 2, …; the source's level across."""
    data = [
        {"x": list(range(1, len(history.get(run, ())) + 1)),
         "y": finite_or_none(list(history.get(run, ())))}
        for run in RUNS
    ]  # fmt: skip
    if source is None:
        data.append({"x": [], "y": [], "visible": False, "name": ""})
    else:
        ends = [0, max(int(epochs), 1)]
        data.append({"x": ends, "y": [source, source], "visible": True, "name": source_name})
    return data


def bars_figure(names: Sequence[str], title: str, y_title: str):
    """The final test accuracy of each run, as a bar with its value written on it."""
    layout = base_layout(
        title={"text": title, "font": {"size": 14}},
        width=330,
        height=330,
        yaxis={"title": y_title, "range": [0, 1.1]},
        margin={"l": 60, "r": 15, "t": 40, "b": 50},
    )
    bars = go.Bar(
        x=list(names), y=[0] * len(names), text=[""] * len(names), textposition="outside",
        marker={"color": [COLOURS[run] for run in RUNS]}, cliponaxis=False,
    )  # fmt: skip
    return LightFigureWidget(data=[bars], layout=layout)


def bars_data(finals: Mapping[str, float | None], lang: str) -> list[dict]:
    values = [finals.get(run) for run in RUNS]
    text = ["" if v is None else number(v, lang, ".1%") for v in values]
    return [{"y": finite_or_none([0.0 if v is None else v for v in values]), "text": text}]


def table_html(rows_by_run: Mapping[str, list], totals: Mapping[str, tuple[int, int]],
               t: Callable[..., str], lang: str) -> str:  # fmt: skip
    """The summary table: a row per layer with weights (from :func:`widgets.models.transfer.
    summary_rows`), a column per run saying whether it learns, and the totals."""
    first = next(iter(rows_by_run.values()))
    head = "".join(f"<th>{t(k)}</th>" for k in ("layer", "kind"))
    head += f"<th class='dl-num'>{t('params')}</th>"
    head += "".join(f"<th>{t(run)}</th>" for run in rows_by_run)
    body = []
    for index, row in enumerate(first):
        cells = "".join(
            f"<td>{_learns(rows[index], t, lang)}</td>" for rows in rows_by_run.values()
        )
        name = f"base/{row.name}" if row.in_base else row.name
        body.append(
            f"<tr><td><code>{name}</code></td><td>{row.kind}</td>"
            f"<td class='dl-num'>{number(row.params, lang, ',')}</td>{cells}</tr>"
        )
    for label, which in (("trainable_row", 0), ("non_trainable_row", 1)):
        cells = "".join(
            f"<td class='dl-num'><b>{number(totals[run][which], lang, ',')}</b></td>"
            for run in rows_by_run
        )
        body.append(f"<tr><td colspan='3'><b>{t(label)}</b></td>{cells}</tr>")
    return (
        f"<div class='dl-text'><b>{t('table_title')}</b></div>"
        f"<table class='dl-table dl-text'><thead><tr>{head}</tr></thead>"
        f"<tbody>{''.join(body)}</tbody></table>"
        f"<div class='dl-note'>{t('table_note')}</div>"
    )


def _learns(row, t: Callable[..., str], lang: str) -> str:
    if row.trainable == 0:
        return f"❄ {t('frozen_cell')}"
    if row.non_trainable:
        fixed, trainable = number(row.non_trainable, lang), number(row.trainable, lang)
        return "✓ " + t("bn_cell", trainable=trainable, fixed=fixed)
    return f"✓ {t('learns')}"
