"""The shared digit source (widgets/digits.py) headless: what a switch of its source sends
first."""

from __future__ import annotations

from message_checks import sent_in_order

from widgets.digits import DigitSource


def test_a_switch_of_the_source_sends_the_label_before_the_layout(monkeypatch):
    """The label is the first thing the page shows; showing the pad and hiding the slider
    make the page lay itself out again (lesson 15's image toggles waited for that)."""
    source = DigitSource("en")
    for value in ("drawn", "test", "drawn"):
        sent = sent_in_order(monkeypatch)
        source.source.value = value
        label, pad, index = source._label, source._pad_box.layout, source.index.layout
        assert label in sent and pad in sent and index in sent, value
        assert sent.index(label) < min(sent.index(pad), sent.index(index)), value
        monkeypatch.undo()
    assert source._label.value == "" and source.drawing
