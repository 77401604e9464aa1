"""Errors a student sees: one sentence in the page's language, the technical detail apart.

A problem a student can cause and fix (a bad file, a value out of range, missing data) is
raised as a :class:`StudentError` naming a sentence of a string table, ``"table.key"``::

    raise StudentError("playground_upload.too_few", count=3)

Models and data raise it too: this module imports no ipywidgets. A dashboard's banner
(:meth:`widgets.ui.Dashboard.show_error`) shows that sentence in the dashboard's language
and, behind a "details" toggle, the technical detail: the exception's type and message and
those of its causes (``raise StudentError(...) from error``). Anything else is unexpected:
the banner then says so in a generic sentence and puts the exception in the toggle. Whole
tracebacks go to the kernel log, never to the page.

``tests/test_error_keys.py`` checks that every key raised in the package exists, in both
languages, with the values its sentence needs.
"""

from __future__ import annotations

import html
import logging
import math

from .i18n import Strings, registered_tables
from .i18n import is_number as _is_number

log = logging.getLogger("widgets")

TEXT = Strings(
    "errors",
    {
        "unexpected": {
            "pl": "Coś poszło nie tak i panel nie wykonał tej czynności: spróbuj jeszcze raz, "
            "a jeśli błąd się powtórzy, pokaż prowadzącemu szczegóły poniżej.",
            "en": "Something went wrong and the dashboard could not do this: try again, and "
            "if it happens again, show the details below to the lecturer.",
        },
        "tensorflow_failed": {
            "pl": "Nie udało się załadować TensorFlow, więc model tej lekcji nie działa: "
            "uruchom lekcję ponownie, a jeśli błąd się powtórzy, pokaż prowadzącemu "
            "szczegóły poniżej.",
            "en": "TensorFlow could not be loaded, so this lesson's model cannot run: start "
            "the lesson again, and if it happens again, show the details below to the "
            "lecturer.",
        },
        "build_failed": {
            "pl": "Nie udało się przygotować modelu lub danych tej lekcji: uruchom lekcję "
            "ponownie, a jeśli błąd się powtórzy, pokaż prowadzącemu szczegóły poniżej.",
            "en": "This lesson's model or data could not be prepared: start the lesson "
            "again, and if it happens again, show the details below to the lecturer.",
        },
        "details": {
            "pl": "Szczegóły",
            "en": "Details",
        },
    },
)

MAX_DETAIL_CHARS = 4000  # a lecturer reads the start; the full text is in the kernel log
MAX_CAUSES = 5


class StudentError(Exception):
    """A problem the student can fix, told by the sentence ``key`` (``"table.key"``).

    ``values`` fill the sentence's ``{placeholders}``. ``detail`` is optional technical
    text for the lecturer (English is fine), shown behind the banner's toggle with the
    causes of the error. ``str()`` is that detail, or else the sentence in ``lang``
    (English unless a subclass says otherwise), so tracebacks stay readable.
    """

    lang = "en"

    def __init__(self, key: str, /, *, detail: str = "", **values: object):
        table, dot, name = key.partition(".")
        if not (table and dot and name):
            raise ValueError(f"a StudentError key is 'table.key', got {key!r}")
        super().__init__(key)
        self.key = key
        self.values = values
        self.detail = detail

    def message(self, lang: str) -> str:
        """The sentence in ``lang``; KeyError if the key or one of its values is missing.

        Numbers are written as ``lang`` writes them (``0,5`` and ``100 000`` in Polish):
        :meth:`widgets.i18n.Strings.get` does that for every table, so a model that raises
        does not need to know the page's language.
        """
        table, _, name = self.key.partition(".")
        return registered_tables()[table].get(name, lang, **self.values)

    def __str__(self) -> str:
        if self.detail:
            return self.detail
        try:
            return self.message(self.lang)
        except (KeyError, IndexError, ValueError):
            return f"{self.key} {self.values}"


def finite_number(value: object) -> bool:
    """True for a finite real number: not a bool, a string, a sequence, NaN or ±inf (a
    check of what a student typed or passed to ``configure``)."""
    return _is_number(value) and math.isfinite(float(value))


def whole_number(value: object) -> bool:
    """True for a finite whole number, 3 or 3.0 (what an integer slider takes)."""
    return finite_number(value) and float(value) == int(value)


def describe(error: BaseException | str, lang: str, fallback: str | None = None) -> tuple[str, str]:
    """``(sentence, details)`` for the banner: what the student reads, what the lecturer reads.

    ``fallback`` is the key (in this module's table) of the sentence for an error that is
    not a :class:`StudentError`; by default "unexpected". A string is an already translated
    sentence. ``details`` is plain text, empty when there is nothing technical to show.
    """
    if isinstance(error, str):
        return error, ""
    if isinstance(error, StudentError):
        try:
            return error.message(lang), technical_details(error, include_self=bool(error.detail))
        except (KeyError, IndexError, ValueError):
            pass  # a key missing from its table is a bug: shown as one
    return TEXT.get(fallback or "unexpected", lang), technical_details(error)


def technical_details(error: BaseException, include_self: bool = True) -> str:
    """``Type: message`` of ``error`` and of its causes, one a line (no traceback)."""
    lines: list[str] = []
    current: BaseException | None = error
    for _ in range(MAX_CAUSES):
        if current is None:
            break
        if include_self or current is not error:
            message = str(current)
            # A cause whose message the outer error already quotes adds only its type.
            prefix = "↳ " if lines else ""
            if message and any(message in line for line in lines):
                message = ""
            lines.append(f"{prefix}{type(current).__name__}: {message}".rstrip(": "))
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    text = "\n".join(lines)
    return text if len(text) <= MAX_DETAIL_CHARS else text[:MAX_DETAIL_CHARS] + " …"


def banner_html(sentence: str, details: str, lang: str) -> str:
    """The banner's HTML: the sentence, then the details in a closed ``<details>`` toggle."""
    toggle = ""
    if details:
        toggle = (
            "<details class='dl-error-details'>"
            f"<summary>{html.escape(TEXT.get('details', lang))}</summary>"
            f"<pre>{html.escape(details)}</pre></details>"
        )
    return (
        "<div class='dl-error-box'>"
        f"⚠️ <span class='dl-error-sentence'>{html.escape(sentence)}</span>{toggle}</div>"
    )
