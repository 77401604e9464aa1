"""Lesson 01 dashboard: the history of neural networks as an interactive timeline.

Markers on a year axis (a plotly FigureWidget: click one) and a Dropdown with ◀ ▶ buttons
(for the keyboard) select an event; a card tells its story in a few sentences and links
to the lesson that covers it. The 1943 card runs a real Keras McCulloch-Pitts neuron
(:mod:`widgets.models.mcculloch_pitts`, also ``dashboard.model``) and shows its AND truth
table.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from ..controls import button, dropdown, html, row
from ..errors import StudentError, whole_number
from ..figures.tables import truth_table_headers, truth_table_html
from ..models import mcculloch_pitts as mcp
from ..ui import Dashboard, Setting, reacts, shows_errors
from .events import EVENTS, Event, event_index
from .figures import MARKERS, STYLE, card_html, highlight, timeline_figure
from .texts import TEXT


class HistoryDashboard(Dashboard):
    """The timeline, a Dropdown with ◀ ▶ buttons and the card of the chosen event."""

    def __init__(self, lang: str = "pl", year: int = 1943, folder: Path | None = None):
        super().__init__(lang)
        self._t = TEXT.for_language(lang)
        self._folder = folder
        self._build_controls(year)
        self._build_figures()
        self._lay_out()
        self._wire()
        self._refresh()
        self._start_model_loading()

    # Construction -------------------------------------------------------------------------
    def _build_controls(self, year: int) -> None:
        t = self._t
        events = [(f"{e.year} · {t(f'{e.key}_title')}", i) for i, e in enumerate(EVENTS)]
        self._event = dropdown(t("event"), events, event_index(year), width="560px")
        self._previous = button("", icon="chevron-left", tooltip=t("previous"), width="48px")
        self._next = button("", icon="chevron-right", tooltip=t("next"), width="48px")

    def _build_figures(self) -> None:
        self.timeline = timeline_figure(self.lang)
        self._card = html("", "dl-history-card-box")

    def _lay_out(self) -> None:
        navigation = row([self._previous, self._event, self._next], wrap=False)
        self._page(
            self._t("title"), self._t("intro"), self.timeline, navigation, self._card, style=STYLE
        )
        # The timeline needs no TensorFlow: only the 1943 card waits for it, and says so.
        self._loading.layout.display = "none"

    def _wire(self) -> None:
        self.timeline.data[MARKERS].on_click(self._on_marker_click)
        self._event.observe(self._on_event_change, names="value")
        self._previous.on_click(self._on_previous_click)
        self._next.on_click(self._on_next_click)

    # Settings (configure() and the page's URL) -------------------------------------------
    def _settings(self) -> dict[str, Setting]:
        """``configure(year=1958)``: the event of that year (``?year=1958`` in the URL)."""
        return {"year": Setting(check=self._check_year, apply=self._apply_year)}

    def _check_year(self, year) -> int:
        if whole_number(year) and int(year) in {event.year for event in EVENTS}:
            return int(year)
        years = ", ".join(str(event.year) for event in EVENTS)
        raise StudentError("history.years", year=year, years=years)

    def _apply_year(self, year: int) -> None:
        self._event.value = event_index(year)

    def _after_configure(self, settings: dict) -> None:
        self._refresh()

    # Public API (for notebook cells and tests) --------------------------------------------
    @property
    def selected(self) -> Event:
        """The event whose card is shown."""
        return EVENTS[self._event.value]

    @shows_errors
    def select_year(self, year: int) -> None:
        """Show the card of the event of ``year``; an unknown year gets a message."""
        try:
            index = event_index(year)
        except KeyError:
            years = ", ".join(str(e.year) for e in EVENTS)
            raise StudentError("history.unknown_event", year=year, years=years) from None
        self._event.value = index

    @property
    def card_text(self) -> str:
        """The card's HTML (for tests)."""
        return self._card.value

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        model = mcp.build_mcp_model(2)
        mcp.set_parameters(model, [1.0, 1.0], 2.0)  # w1 = w2 = 1, θ = 2: AND
        self.model = model
        self._refresh()

    def mcp_truth_table(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Rows, sums and outputs of the 1943 card's neuron, computed by Keras."""
        return mcp.truth_table(self.model)

    # Events -------------------------------------------------------------------------------
    @reacts
    def _on_marker_click(self, trace, points, state) -> None:
        if points.point_inds:
            self._event.value = int(points.point_inds[0])

    @reacts
    def _on_event_change(self, change) -> None:
        self.clear_error()
        self._refresh()

    @reacts
    def _on_previous_click(self, button) -> None:
        self._event.value = (self._event.value - 1) % len(EVENTS)

    @reacts
    def _on_next_click(self, button) -> None:
        self._event.value = (self._event.value + 1) % len(EVENTS)

    # Drawing ------------------------------------------------------------------------------
    def _refresh(self) -> None:
        index = self._event.value
        # The timeline first: its message then reaches the page before the card's HTML.
        highlight(self.timeline, index)
        extra = self._mcp_html() if EVENTS[index].key == "mcp" else ""
        self._card.value = card_html(index, self.lang, self._folder, extra)

    def _mcp_html(self) -> str:
        if self.model is None:
            return f"<p class='dl-text'>{self._t('mcp_loading')}</p>"
        rows, sums, outputs = self.mcp_truth_table()
        table = truth_table_html(rows, sums, outputs, truth_table_headers(["x1", "x2"], self.lang))
        return f"<div class='dl-mcp-live'><p class='dl-text'>{self._t('mcp_live')}</p>{table}</div>"
