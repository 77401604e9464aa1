"""Helpers for tests of the errors a student can cause (issue 13): which exception a
dashboard's banner showed, and whether a sentence reads as Polish with no English in it."""

from __future__ import annotations

import re

from widgets.errors import StudentError, describe

POLISH_LETTERS = re.compile("[ąćęłńóśźż]", re.IGNORECASE)
POLISH_WORDS = re.compile(r"\b(nie|jest|musi|albo|oraz|lub|na|od|do|z|w|i)\b", re.IGNORECASE)
# Words of the old English messages and of Python's own; none belongs in a Polish sentence.
ENGLISH = re.compile(
    r"\b(must|got|unknown|choose|error|integer|number|between|least|needs?|cannot|"
    r"should|the|and|of|from|not|value|expected|positive|finite|shape)\b",
    re.IGNORECASE,
)


def shown_errors(dashboard) -> list[BaseException | str]:
    """A list that collects every error the dashboard's banner is given from now on."""
    shown: list[BaseException | str] = []
    original = dashboard.show_error

    def record(error, key=None):
        shown.append(error)
        original(error, key)

    dashboard.show_error = record
    return shown


def english_words(text: str, *allowed: str) -> set[str]:
    """Words of four letters or more in ``text``, except those of ``allowed`` (names)."""
    kept = {w.lower() for name in allowed for w in re.findall(r"[A-Za-z]{4,}", name)}
    return {w.lower() for w in re.findall(r"[A-Za-z]{4,}", text) if w.lower() not in kept}


def assert_polish(sentence: str, english: str = "", *allowed: str) -> None:
    """``sentence`` reads as Polish: Polish letters or words, no English word of the usual messages,
    and no word (of four letters or more) of its English version ``english`` except the
    names in ``allowed`` (gate names, Python names that stay as they are)."""
    polish = POLISH_LETTERS.search(sentence) or POLISH_WORDS.search(sentence)
    assert polish, f"not Polish: {sentence!r}"
    found = {w.lower() for w in ENGLISH.findall(sentence)} - {
        w.lower() for name in allowed for w in re.findall(r"[A-Za-z]+", name)
    }
    assert not found, f"English words {found} in {sentence!r}"
    leaked = english_words(english, *allowed) & english_words(sentence)
    assert not leaked, f"English words {leaked} of {english!r} in {sentence!r}"
    assert "Error" not in sentence and "Traceback" not in sentence


def assert_student_error(error: BaseException, key: str, *allowed: str) -> tuple[str, str]:
    """``error`` is a StudentError ``key`` whose Polish sentence reads as Polish; returns
    ``(Polish sentence, details)`` as the banner shows them."""
    assert isinstance(error, StudentError), f"{type(error).__name__}: {error}"
    assert error.key == key
    sentence, details = describe(error, "pl")
    assert_polish(sentence, error.message("en"), *allowed)
    return sentence, details


# What keras.datasets.mnist.load_data() raises on a machine without network.
URL_FAILURE = (
    "URL fetch failure on https://storage.googleapis.com/tensorflow/tf-keras-datasets/"
    "mnist.npz: None -- [Errno -3] Temporary failure in name resolution"
)
