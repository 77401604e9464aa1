"""Text corpora for the recurrent lesson (11): *Pan Tadeusz* and tiny Shakespeare.

The files are not in the repository. They are read from the folder named by the
environment variable ``DL_COURSE_TEXT_DIR``; ``dev.py`` sets it to ``../shared/data/text``
when that folder exists beside the repository (as it does ``DL_COURSE_MNIST_DIR``). The
Polish lesson reads *Pan Tadeusz*, the English one tiny Shakespeare; a student may paste a
text of their own instead (:func:`check_text`).

>>> check_text("ab" * 100, sequence_length=10)[:4]
'abab'
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import StudentError
from ..i18n import Strings

TEXT_DIR_ENV = "DL_COURSE_TEXT_DIR"
CORPORA = {"pl": "pan-tadeusz.txt", "en": "tinyshakespeare.txt"}
MIN_DISTINCT = 2  # one distinct character leaves nothing to predict
MAX_CHARS = 2_000_000  # a pasted book is fine; more would only fill a Binder's memory

TEXT = Strings(
    "text",
    {
        "unavailable": {
            "pl": "Nie znaleziono tekstu {name}: ustaw zmienną środowiskową {variable} na "
            "folder z plikiem {name} (w repozytorium kursu: ../shared/data/text) albo wklej "
            "własny tekst.",
            "en": "The text {name} was not found: set the environment variable {variable} to "
            "a folder holding {name} (beside the course repository: ../shared/data/text), or "
            "paste a text of your own.",
        },
        "not_utf8": {
            "pl": "Pliku {name} nie da się odczytać jako tekstu UTF-8.",
            "en": "The file {name} cannot be read as UTF-8 text.",
        },
        "too_few_distinct": {
            "pl": "Tekst ma za mało różnych znaków ({distinct}): model nie miałby czego "
            "przewidywać. Wklej dłuższy, zwykły tekst.",
            "en": "The text has too few distinct characters ({distinct}): the model would "
            "have nothing to predict. Paste a longer, ordinary text.",
        },
        "too_short": {
            "pl": "Tekst ma {n} {n:@znak|znaki|znaków}, a długość sekwencji to {length}: "
            "potrzeba co najmniej {needed} znaków. Wklej dłuższy tekst albo skróć sekwencję.",
            "en": "The text has {n} {n:@character|characters}, and the sequence length is "
            "{length}: at least {needed} characters are needed. Paste a longer "
            "text or shorten the sequence.",
        },
        "too_long": {
            "pl": "Tekst ma {n} {n:@znak|znaki|znaków}; zmieści się najwyżej {limit}.",
            "en": "The text has {n} {n:@character|characters}; at most {limit} fit.",
        },
    },
)


def text_folder() -> Path | None:
    """The folder ``DL_COURSE_TEXT_DIR`` names, or None when it is unset or empty."""
    value = os.environ.get(TEXT_DIR_ENV)
    return Path(value).expanduser() if value else None


def load_corpus(lang: str) -> str:
    """The lesson's corpus for ``lang`` (*Pan Tadeusz* or tiny Shakespeare) as a string.

    Raises:
        StudentError: ``text.unavailable`` naming the file and the variable.
    """
    name = CORPORA[lang]
    folder = text_folder()
    path = folder / name if folder is not None else None
    if path is None or not path.is_file():
        raise StudentError(
            "text.unavailable",
            detail=f"{TEXT_DIR_ENV}={folder or '(unset)'}; looked for {path or name}",
            name=name,
            variable=TEXT_DIR_ENV,
        )
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise StudentError("text.not_utf8", detail=str(error), name=name) from error


def check_text(text: str, sequence_length: int) -> str:
    """``text`` if a character model can train on it with windows of ``sequence_length``.

    Raises:
        StudentError: too few distinct characters, too short for one window and its
            target, or too long.
    """
    distinct = len(set(text))
    if distinct < MIN_DISTINCT:
        raise StudentError("text.too_few_distinct", distinct=distinct)
    needed = sequence_length + 2  # one window, its target shifted by one, and a spare
    if len(text) < needed:
        raise StudentError("text.too_short", n=len(text), length=sequence_length, needed=needed)
    if len(text) > MAX_CHARS:
        raise StudentError("text.too_long", n=len(text), limit=MAX_CHARS)
    return text
