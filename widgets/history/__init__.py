"""Lesson 01: the history of neural networks (1943–2015) as an interactive timeline.

``events.py`` holds the milestones, ``texts.py`` the words, ``figures.py`` the timeline and
the cards, ``dashboard.py`` the dashboard and ``exercises.py`` the notebook's checks.
"""

from .dashboard import HistoryDashboard
from .events import EVENTS, Event, event_index
from .figures import MARKERS, SELECTED_COLOUR, SELECTED_SIZE, card_html, timeline_figure
from .texts import TEXT

__all__ = [
    "EVENTS",
    "MARKERS",
    "SELECTED_COLOUR",
    "SELECTED_SIZE",
    "TEXT",
    "Event",
    "HistoryDashboard",
    "card_html",
    "event_index",
    "timeline_figure",
]
