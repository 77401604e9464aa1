"""Lesson 01's milestones: the year of each, its key in :data:`~.texts.TEXT` (a label, a
title and a card per key) and the lesson that covers it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Event:
    """One milestone: its year, its key in :data:`~.texts.TEXT` and the stem of its lesson."""

    year: int
    key: str
    lesson: str


# One milestone a line, in year order: year, key, lesson.
_MILESTONES = """
    1943  mcp         02_mcculloch_pitts
    1949  hebb        03_hebb
    1957  perceptron  04_perceptron
    1960  adaline     05_adaline
    1969  minsky      07_playground
    1986  backprop    07_playground
    1989  cnn         10_cnn
    1997  lstm        11_rnn
    2006  dbn         13_rbm
    2012  alexnet     16_pretrained
    2014  gan         14_gan
    2015  keras       09_keras_mnist
"""

EVENTS: tuple[Event, ...] = tuple(
    Event(int(year), key, lesson)
    for year, key, lesson in map(str.split, _MILESTONES.strip().splitlines())
)


def event_index(year: int) -> int:
    """The position of the event of ``year`` in :data:`EVENTS`."""
    for i, event in enumerate(EVENTS):
        if event.year == year:
            return i
    raise KeyError(year)
