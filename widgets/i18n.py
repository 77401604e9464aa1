"""Every user-facing string of the course, in Polish and English.

Each module that shows text to a student declares one :class:`Strings` table next to the
code that uses it; the table refuses to be built when a language is missing, and
``tests/test_i18n.py`` checks every table in the package (same keys, same ``{placeholders}``).
"""

from __future__ import annotations

import numbers
import string
from collections.abc import Mapping

LANGUAGES = ("pl", "en")
DEFAULT_LANGUAGE = "pl"  # the course is taught in Polish

_REGISTRY: dict[str, Strings] = {}


def check_language(lang: str) -> str:
    """Return ``lang`` if the course has it, else raise a ValueError naming the choices."""
    if lang not in LANGUAGES:
        raise ValueError(f"Unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}.")
    return lang


def number(value: object, lang: str, spec: str = "g") -> str:
    """A number as a sentence in ``lang`` writes it: a true minus sign; in Polish a decimal
    comma and a non-breaking space between thousands (from 10 000 on), in English a point
    and commas. Anything else (what a student typed) as Python writes it, quoted.

    >>> number(-0.5, "pl"), number(235146, "pl"), number(235146, "en")
    ('−0,5', '235\xa0146', '235,146')
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        return repr(value)
    if isinstance(value, numbers.Integral) and abs(value) >= 10_000 and spec == "g":
        text = f"{int(value):,}"
    else:
        text = format(float(value), spec)
    if check_language(lang) == "pl":
        text = text.replace(",", "\u00a0").replace(".", ",")
    return text.replace("-", "−")


def placeholders(text: str) -> set[str]:
    """The ``{names}`` a format string expects."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


class Strings:
    """A table ``key -> {"pl": ..., "en": ...}`` owned by one module.

    >>> T = Strings("demo", {"hello": {"pl": "Cześć {name}", "en": "Hello {name}"}})
    >>> T.get("hello", "en", name="Ada")
    'Hello Ada'
    """

    def __init__(self, name: str, table: Mapping[str, Mapping[str, str]]):
        self.name = name
        self.table = dict(table)
        for key, texts in self.table.items():
            missing = [lang for lang in LANGUAGES if not texts.get(lang)]
            if missing:
                raise ValueError(f"{name}: string {key!r} lacks {', '.join(missing)}")
        _REGISTRY[name] = self

    def get(self, key: str, lang: str, **values: object) -> str:
        """The text for ``key`` in ``lang``, formatted with ``values``."""
        text = self.table[key][check_language(lang)]
        return text.format(**values) if values else text

    def for_language(self, lang: str) -> Translator:
        """A callable bound to one language: ``t = T.for_language("pl"); t("key")``."""
        return Translator(self, check_language(lang))

    def __repr__(self) -> str:
        return f"Strings({self.name!r}, {len(self.table)} keys)"


class Translator:
    """``Strings`` bound to one language, so dashboards write ``self._t("key")``."""

    def __init__(self, strings: Strings, lang: str):
        self.strings = strings
        self.lang = lang

    def __call__(self, key: str, **values: object) -> str:
        return self.strings.get(key, self.lang, **values)


def registered_tables() -> dict[str, Strings]:
    """All string tables created so far (import the modules first)."""
    return dict(_REGISTRY)
