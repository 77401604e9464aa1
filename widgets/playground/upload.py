"""A student's own data: a CSV file of ``x1,x2,label`` rows, checked with clear messages.

Labels that are whole numbers 0..4 make a classification set; any other numbers make a
regression set. A header row is allowed. Every problem is a :class:`CsvError` (a
:class:`~widgets.errors.StudentError`): the banner tells it in the page's language, with
the row number, never as a traceback.
"""

from __future__ import annotations

import csv
import io

import numpy as np

from ..errors import StudentError
from ..i18n import Strings

MAX_ROWS = 2000
MAX_BYTES = 200_000
MAX_CLASSES = 5

TEXT = Strings(
    "playground_upload",
    {
        "empty": {
            "pl": "Plik jest pusty.",
            "en": "The file is empty.",
        },
        "too_big": {
            "pl": "Plik jest za duży ({size} bajtów; najwyżej {limit}).",
            "en": "The file is too large ({size} bytes; at most {limit}).",
        },
        "not_text": {
            "pl": "To nie jest plik tekstowy CSV (UTF-8).",
            "en": "This is not a CSV text file (UTF-8).",
        },
        "columns": {
            "pl": "Wiersz {row}: oczekiwano 3 kolumn x1,x2,etykieta, jest {count}.",
            "en": "Row {row}: expected 3 columns x1,x2,label, found {count}.",
        },
        "number": {
            "pl": "Wiersz {row}: {value!r} nie jest liczbą.",
            "en": "Row {row}: {value!r} is not a number.",
        },
        "too_many": {
            "pl": "Za dużo wierszy: {count} (najwyżej {limit}).",
            "en": "Too many rows: {count} (at most {limit}).",
        },
        "too_few": {
            "pl": "Za mało punktów: {count} (co najmniej 4).",
            "en": "Too few points: {count} (at least 4).",
        },
        "one_class": {
            "pl": "Wszystkie punkty mają tę samą klasę; potrzebne są co najmniej dwie.",
            "en": "All points have the same class; at least two are needed.",
        },
    },
)


class CsvError(StudentError, ValueError):
    """A readable problem with an uploaded file; ``str()`` is in the language ``lang``."""

    def __init__(self, key: str, lang: str, **values: object):
        super().__init__(key, **values)
        self.lang = lang


def parse_csv(content: bytes | str, lang: str = "pl") -> tuple[np.ndarray, np.ndarray, bool]:
    """``(X (n, 2) float32, labels, regression)`` from CSV text; :class:`CsvError` if wrong."""
    if isinstance(content, bytes | bytearray | memoryview):
        content = bytes(content)
        if len(content) > MAX_BYTES:
            raise CsvError("playground_upload.too_big", lang, size=len(content), limit=MAX_BYTES)
        try:
            content = content.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise CsvError("playground_upload.not_text", lang) from error
    rows = [row for row in csv.reader(io.StringIO(content)) if any(c.strip() for c in row)]
    if rows and not _numeric(rows[0][0]):
        rows = rows[1:]  # a header row
    if not rows:
        raise CsvError("playground_upload.empty", lang)
    if len(rows) > MAX_ROWS:
        raise CsvError("playground_upload.too_many", lang, count=len(rows), limit=MAX_ROWS)
    values = np.array([_row(row, number, lang) for number, row in enumerate(rows, 1)])
    if len(values) < 4:
        raise CsvError("playground_upload.too_few", lang, count=len(values))
    X, labels = values[:, :2].astype(np.float32), values[:, 2]
    whole = np.all(labels == np.round(labels)) and labels.min() >= 0
    if whole and labels.max() < MAX_CLASSES:
        if len(np.unique(labels)) < 2:
            raise CsvError("playground_upload.one_class", lang)
        return X, labels.astype(np.int64), False
    return X, labels.astype(np.float32), True


def _numeric(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def _row(row: list[str], number: int, lang: str) -> list[float]:
    if len(row) != 3:
        raise CsvError("playground_upload.columns", lang, row=number, count=len(row))
    out = []
    for cell in row:
        cell = cell.strip()
        if not _numeric(cell) or not np.isfinite(float(cell)):
            raise CsvError("playground_upload.number", lang, row=number, value=cell)
        out.append(float(cell))
    return out
