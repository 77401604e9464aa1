"""What setup_lesson does in Voilà: readable cell errors and skipped LAB ONLY cells."""

from __future__ import annotations

from widgets.notebook import error_html, in_voila, skip_lab_only


def test_lab_only_cells_are_emptied():
    assert skip_lab_only(["# LAB ONLY: try it\n", "import keras\n"]) == []
    assert skip_lab_only(["\n", "  # LAB ONLY\n", "x = 1\n"]) == []
    cell = ["dashboard = Thing()\n", "# LAB ONLY is mentioned later\n"]
    assert skip_lab_only(cell) == cell


def test_error_message_is_readable_and_escaped():
    page = error_html(ValueError("bad <value>"), "pl")
    assert "ValueError" in page and "&lt;value&gt;" in page and "Odśwież" in page


def test_voila_is_detected_from_its_environment(monkeypatch):
    for name in ("VOILA_KERNEL_ID", "VOILA_BASE_URL", "VOILA_PREHEAT"):
        monkeypatch.delenv(name, raising=False)
    assert not in_voila()
    monkeypatch.setenv("VOILA_BASE_URL", "/")
    assert in_voila()
