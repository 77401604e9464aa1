"""Lesson 01's drawings: the timeline figure, its highlight, and an event's card."""

from __future__ import annotations

import html
from pathlib import Path

import plotly.graph_objects as go

from ..figures import shapes
from ..figures.light import LightFigureWidget
from ..figures.live import updating
from ..figures.style import FIRE, LINE, base_layout
from ..i18n import check_language
from ..lessons import lesson_title
from .events import EVENTS
from .texts import TEXT

# Trace indexes of the timeline figure.
AXIS, STEMS, MARKERS = range(3)
LEVELS = (1.0, -1.0, 2.0, -2.0)  # heights of the markers, so that neighbours' labels don't clash
SIZE, SELECTED_SIZE = 16, 26
COLOUR, SELECTED_COLOUR = "#1f77b4", FIRE
YEARS = (1938, 2020)

# The card's look: lesson 01's own rules, beside the course's stylesheet.
STYLE = (
    f".dl-history-card{{border:1px solid #ccc;border-left:6px solid {SELECTED_COLOUR};"
    "border-radius:6px;padding:10px 16px;max-width:900px}"
    ".dl-history-year{font-size:calc(var(--dl-scale) * 30px);font-weight:bold;"
    f"color:{SELECTED_COLOUR}}}"
    ".dl-history-title{font-size:calc(var(--dl-scale) * 20px);font-weight:bold;margin:2px 0 6px}"
    ".dl-history-story,.dl-lesson-link{font-size:calc(var(--dl-scale) * 16px)}"
    ".dl-history-story{line-height:1.45}"
)


def card_html(index: int, lang: str, folder: Path | None = None, extra: str = "") -> str:
    """The card of event ``index``: year, title, story and a link to its lesson.

    The link is relative (``04_perceptron.ipynb``), so it works in Voilà and JupyterLab in
    either language folder; when ``folder`` (default: the working directory) lacks that
    notebook, the lesson is named without a link, as on the index page.
    """
    t = TEXT.for_language(check_language(lang))
    event = EVENTS[index]
    folder = Path.cwd() if folder is None else folder
    number = event.lesson.split("_")[0]
    title = html.escape(f"{number}: {lesson_title(event.lesson, lang)}")
    if (folder / f"{event.lesson}.ipynb").exists():
        link = (
            f"<a class='dl-lesson-link' href='{event.lesson}.ipynb'>"
            f"{t('lesson_link', title=title)}</a>"
        )
    else:
        link = f"<span class='dl-muted-colour'>{t('lesson_coming', title=title)}</span>"
    return (
        "<div class='dl-history-card'>"
        f"<div class='dl-history-year'>{event.year}</div>"
        f"<div class='dl-history-title'>{html.escape(t(f'{event.key}_title'))}</div>"
        f"<p class='dl-history-story'>{html.escape(t(f'{event.key}_card'))}</p>"
        f"{extra}<p>{link}</p></div>"
    )


def timeline_figure(lang: str) -> go.FigureWidget:
    """The timeline: a year axis, a stem and a labelled marker per event."""
    t = TEXT.for_language(check_language(lang))
    years = [e.year for e in EVENTS]
    levels = [LEVELS[i % len(LEVELS)] for i in range(len(EVENTS))]
    stems_x, stems_y = [], []
    for year, level in zip(years, levels, strict=True):
        stems_x += [year, year, None]
        stems_y += [0, level, None]
    labels = [f"<b>{e.year}</b><br>{t(f'{e.key}_label')}" for e in EVENTS]
    return LightFigureWidget(
        data=[
            go.Scatter(
                x=list(YEARS),
                y=[0, 0],
                mode="lines",
                line={"color": LINE, "width": 3},
                hoverinfo="skip",
            ),
            go.Scatter(
                x=stems_x,
                y=stems_y,
                mode="lines",
                line={"color": "#aaaaaa", "width": 1},
                hoverinfo="skip",
            ),
            go.Scatter(
                x=years,
                y=levels,
                mode="markers+text",
                text=labels,
                textposition=["top center" if v > 0 else "bottom center" for v in levels],
                textfont={"size": 13},
                hovertext=[t(f"{e.key}_title") for e in EVENTS],
                hoverinfo="text",
                marker={
                    "size": [SIZE] * len(EVENTS),
                    "color": [COLOUR] * len(EVENTS),
                    "line": {"width": 2, "color": "white"},
                },
            ),
        ],
        layout=base_layout(
            xaxis={
                "title": t("year_axis"),
                "range": list(YEARS),
                "dtick": 10,
                "showgrid": False,
                "fixedrange": True,
            },
            yaxis={"visible": False, "range": [-3.6, 3.6], "fixedrange": True},
            height=330,
            width=1000,
            margin={"l": 20, "r": 20, "t": 10, "b": 45},
            hovermode="closest",
            dragmode=False,
        ),
    )


def highlight(timeline: go.FigureWidget, index: int) -> None:
    """Mark event ``index`` on the timeline with a red disc under its marker (and label).

    plotly.js redraws a shape alone, while new per-marker sizes and colours make it
    recompute the whole figure.
    """
    disc = shapes.ring(
        EVENTS[index].year, LEVELS[index % len(LEVELS)], SELECTED_SIZE / 2, "white", 2,
        "selected", fillcolor=SELECTED_COLOUR,
    )  # fmt: skip
    disc[0]["layer"] = "below"
    with updating(timeline):
        timeline.layout.shapes = disc
