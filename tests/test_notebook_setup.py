"""What setup_lesson does in Voilà: readable cell errors and skipped LAB ONLY cells."""

from __future__ import annotations

import html
import re

import pytest
from student_errors import assert_polish

from widgets.notebook import error_html, in_voila, skip_lab_only


def test_lab_only_cells_are_emptied():
    assert skip_lab_only(["# LAB ONLY: try it\n", "import keras\n"]) == []
    assert skip_lab_only(["\n", "  # LAB ONLY\n", "x = 1\n"]) == []
    cell = ["dashboard = Thing()\n", "# LAB ONLY is mentioned later\n"]
    assert skip_lab_only(cell) == cell


def parts(page: str) -> tuple[str, str, str]:
    """(sentence, toggle's summary, toggle's text) of a cell's error banner."""
    sentence = re.search(r"<span class='dl-error-sentence'>(.*?)</span>", page, re.S)
    toggle = re.search(r"<summary>(.*?)</summary>.*?<pre[^>]*>(.*?)</pre>", page, re.S)
    summary, details = (toggle.group(1), toggle.group(2)) if toggle else ("", "")
    return html.unescape(sentence.group(1)), summary, html.unescape(details)


def test_an_unexpected_cell_error_is_a_polish_sentence_with_the_details_apart():
    page = error_html(ValueError("bad <value>"), "pl")
    assert page.startswith("<div class='dl-error'>")  # what the browser tests look for
    sentence, summary, details = parts(page)
    assert sentence.startswith("Ta część lekcji nie zadziałała: odśwież stronę")
    assert_polish(sentence)
    assert "ValueError" not in sentence and "bad" not in sentence
    assert summary == "Szczegóły" and details == "ValueError: bad <value>"
    assert "<value>" not in page and "&lt;value&gt;" in page  # escaped
    sentence, summary, details = parts(error_html(KeyError("x"), "en"))
    assert sentence.startswith("This part of the lesson failed: reload the page")
    assert summary == "Details" and details == "KeyError: 'x'"


def test_a_student_error_in_a_cell_shows_its_own_sentence_in_the_page_language():
    from widgets.data import circles, logic_gate

    with pytest.raises(ValueError) as info:
        logic_gate("XNOR")
    sentence, summary, details = parts(error_html(info.value, "pl"))
    assert sentence == "Nieznana bramka 'XNOR'; dostępne: AND, OR, XOR, NAND, NOR."
    assert summary == details == ""  # nothing technical to add
    with pytest.raises(ValueError) as info:
        circles(n=2.5)  # Python's TypeError is the cause
    sentence, summary, details = parts(error_html(info.value, "pl"))
    assert sentence == "Liczba punktów n musi być liczbą całkowitą." and summary == "Szczegóły"
    assert details.startswith("TypeError: 'float' object cannot be interpreted as an integer")


def test_voila_is_detected_from_its_environment(monkeypatch):
    for name in ("VOILA_KERNEL_ID", "VOILA_BASE_URL", "VOILA_PREHEAT"):
        monkeypatch.delenv(name, raising=False)
    assert not in_voila()
    monkeypatch.setenv("VOILA_BASE_URL", "/")
    assert in_voila()
