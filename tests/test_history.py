"""Lesson 01, the history timeline: events, cards, links, and selecting by click or list."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest
from plotly.callbacks import Points
from student_errors import assert_student_error, shown_errors

from widgets.history import (
    EVENTS,
    MARKERS,
    SELECTED_COLOUR,
    SELECTED_SIZE,
    TEXT,
    HistoryDashboard,
    card_html,
    event_index,
)
from widgets.i18n import LANGUAGES
from widgets.lessons import PLAN

STEMS = {stem for stem, *_ in PLAN}
REQUIRED_YEARS = {1943, 1949, 1957, 1960, 1969, 1986, 1989, 1997, 2006, 2012, 2014, 2015}


def sentences(text: str) -> int:
    """Sentences in a card: ends of sentences, not abbreviations such as 'm.in.'/'e.g.'."""
    text = re.sub(r"\b(m\.in|np|ok|e\.g|i\.e|tzw)\.", "ABBR", text)
    return len(re.findall(r"[.!?](\s|$)", text))


@pytest.fixture
def lesson_folder(tmp_path: Path) -> Path:
    """A folder in which every lesson of the plan exists."""
    for stem in STEMS:
        (tmp_path / f"{stem}.ipynb").write_text("{}")
    return tmp_path


def test_events_are_the_milestones_in_year_order():
    years = [event.year for event in EVENTS]
    assert years == sorted(years) and len(set(years)) == len(years)
    assert set(years) == REQUIRED_YEARS


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("event", EVENTS, ids=lambda e: str(e.year))
def test_every_event_has_a_short_card_in_both_languages(event, lang):
    for part in ("label", "title", "card"):
        assert TEXT.get(f"{event.key}_{part}", lang).strip()
    card = TEXT.get(f"{event.key}_card", lang)
    assert 2 <= sentences(card) <= 4, card
    assert TEXT.get(f"{event.key}_card", "pl") != TEXT.get(f"{event.key}_card", "en")


@pytest.mark.parametrize("event", EVENTS, ids=lambda e: str(e.year))
def test_every_card_links_a_lesson_of_the_plan(event, lesson_folder):
    assert event.lesson in STEMS
    index = EVENTS.index(event)
    for lang in LANGUAGES:
        html = card_html(index, lang, lesson_folder)
        links = re.findall(r"href='([^']+)'", html)
        assert links == [f"{event.lesson}.ipynb"]
        assert str(event.year) in html


def test_a_lesson_not_written_yet_is_named_without_a_link(tmp_path):
    html = card_html(event_index(2014), "en", tmp_path)
    assert "href" not in html and "coming soon" in html and "14: " in html


@pytest.fixture(scope="module")
def dashboard(tmp_path_factory):
    folder = tmp_path_factory.mktemp("lessons")
    for stem in STEMS:
        (folder / f"{stem}.ipynb").write_text("{}")
    return HistoryDashboard(lang="en", folder=folder).wait_ready()


def highlighted(dashboard) -> list[int]:
    """The events under the highlight shape (a red disc over the marker)."""
    marker = dashboard.timeline.data[MARKERS]
    discs = [s for s in dashboard.timeline.layout.shapes if s.name == "selected"]
    assert all(s.fillcolor == SELECTED_COLOUR and s.x1 == SELECTED_SIZE / 2 for s in discs)
    return [
        i
        for i, (x, y) in enumerate(zip(marker.x, marker.y, strict=True))
        for s in discs
        if (s.xanchor, s.yanchor) == (x, y)
    ]


def click(dashboard, index: int) -> None:
    """What plotly calls when the marker ``index`` is clicked in the browser."""
    trace = dashboard.timeline.data[MARKERS]
    points = Points(
        point_inds=[index],
        xs=[trace.x[index]],
        ys=[trace.y[index]],
        trace_name=trace.name,
        trace_index=MARKERS,
    )
    trace._dispatch_on_click(points, None)


def test_clicking_a_marker_selects_its_event(dashboard):
    index = event_index(1997)
    click(dashboard, index)
    assert dashboard.selected.year == 1997
    assert dashboard._event.value == index
    assert "Hochreiter" in dashboard.card_text and "11_rnn.ipynb" in dashboard.card_text
    assert highlighted(dashboard) == [index]


def test_the_dropdown_and_arrows_select_events(dashboard):
    dashboard._event.value = event_index(2012)
    assert "AlexNet" in dashboard.card_text and "2012" in dashboard.card_text
    assert highlighted(dashboard) == [event_index(2012)]
    dashboard._next.click()
    assert dashboard.selected.year == 2014 and "Goodfellow" in dashboard.card_text
    dashboard._event.value = len(EVENTS) - 1
    dashboard._next.click()  # wraps around to the first event
    assert dashboard.selected.year == 1943
    dashboard._previous.click()
    assert dashboard.selected.year == 2015 and highlighted(dashboard) == [len(EVENTS) - 1]


def test_the_1943_card_runs_a_keras_mcp_neuron(dashboard):
    import keras

    from widgets.models.mcculloch_pitts import reference_outputs

    dashboard.select_year(1943)
    assert isinstance(dashboard.model, keras.Model)
    rows, sums, outputs = dashboard.mcp_truth_table()
    np.testing.assert_array_equal(outputs, reference_outputs(rows, [1, 1], 2, 2))
    np.testing.assert_array_equal(outputs, [0, 0, 0, 1])  # AND
    assert "dl-mcp-live" in dashboard.card_text
    assert dashboard.card_text.count("<tr") == 5  # header + 4 rows
    dashboard.select_year(1949)
    assert "dl-mcp-live" not in dashboard.card_text


def test_an_unknown_year_gets_a_message(dashboard):
    dashboard.select_year(1986)
    dashboard.select_year(1950)
    assert "no event in 1950" in dashboard.error_text
    assert dashboard.selected.year == 1986
    dashboard._event.value = event_index(1960)
    assert dashboard.error_text == ""


def test_an_unknown_year_is_told_in_polish(tmp_path):
    polish = HistoryDashboard(lang="pl", folder=tmp_path)
    shown = shown_errors(polish)
    polish.select_year(1950)
    sentence, details = assert_student_error(shown[-1], "history.unknown_event")
    assert sentence.startswith("Nie ma wydarzenia z roku 1950; lata na osi: 1943, 1949")
    assert polish.error_text == sentence and details == "" and polish.error_details == ""


def test_polish_cards():
    board = HistoryDashboard(lang="pl", year=1969)
    assert "Minsky" in board.card_text and "XOR" in board.card_text
    assert "1969 · " in board._event.label
