"""Every user-facing string of the course, in Polish and English.

Each module that shows text to a student declares one :class:`Strings` table next to the
code that uses it; the table refuses to be built when a language is missing, and
``tests/test_i18n.py`` checks every table in the package (same keys, same ``{placeholders}``).

Numbers and counted nouns are written here, once, for every table: :meth:`Strings.get`
formats with a :class:`LanguageFormatter`, so a number in any field is written as the
language writes numbers (Polish ``0,09``, ``235 146``, ``95,3%``; see :func:`number`) and
``{n} {n:@wzorzec|wzorce|wzorców}`` / ``{n} {n:@pattern|patterns}`` picks the noun form
by Babel's (CLDR) plural rule: "1 wzorzec", "3 wzorce", "5 wzorców", "12 wzorców",
"22 wzorce" (see :func:`plural`).
"""

from __future__ import annotations

import functools
import numbers
import string
from collections.abc import Mapping, Sequence

import numpy as np

LANGUAGES = ("pl", "en")
DEFAULT_LANGUAGE = "pl"  # the course is taught in Polish

_REGISTRY: dict[str, Strings] = {}


def check_language(lang: str) -> str:
    """Return ``lang`` if the course has it, else raise a ValueError naming the choices."""
    if lang not in LANGUAGES:
        raise ValueError(f"Unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}.")
    return lang


def number(value: object, lang: str, spec: str = "g") -> str:
    """A number as a sentence in ``lang`` writes it, formatted by ``spec`` (Python's format
    spec, ``","``, ``".2f"``, ``".1%"``...; ``""`` is ``"g"`` for fractions; ``"plain"``
    writes every digit and no exponent, 0.00001 rather than 1e-05, for a menu of rates read
    at a glance): a true minus sign in both languages; in
    Polish a decimal comma and a non-breaking space between thousands, in English a point
    and commas. Whole numbers from 10 000 on are grouped even when the spec does not ask
    for it; Polish never groups a four-digit number (``5000``, as Polish typesetting does).
    Anything else (what a student typed) as Python writes it, quoted.

    This is also how :meth:`Strings.get` writes every number that fills a ``{field}``.

    >>> number(-0.5, "pl"), number(235146, "pl"), number(235146, "en")
    ('−0,5', '235\xa0146', '235,146')
    >>> number(0.953, "pl", ".1%"), number(5000, "pl", ","), number(5000, "en", ",")
    ('95,3%', '5000', '5,000')
    >>> number(1e-05, "pl", "plain"), number(1e-05, "en"), number(3.0, "pl", "plain")
    ('0,00001', '1e−05', '3')
    """
    if not is_number(value):
        return repr(value)
    lang = check_language(lang)
    integral = isinstance(value, numbers.Integral)
    if integral and spec in ("", "g", "d") and abs(value) >= 10_000:
        spec = ","
    if lang == "pl" and "," in spec and abs(value) < 10_000:
        spec = spec.replace(",", "")
    if spec == "plain":  # numpy writes the shortest digits that give the float back
        text = np.format_float_positional(float(value), trim="-")
    elif integral:
        text = format(int(value), spec)
    else:  # a plain {x} reads like "g": 0.3, not 0.30000000000000004 (nor numpy's float32)
        text = format(float(value), spec or "g")
    if lang == "pl":
        text = text.replace(",", "\u00a0").replace(".", ",")
    return text.replace("-", "−")


def numbers_list(texts, lang: str) -> str:
    """Numbers already written by :func:`number`, joined as ``lang`` lists them: ``"; "``
    in Polish, whose decimal comma would blur ``", "``, and ``", "`` in English.

    >>> numbers_list(["0,5", "−1"], "pl"), numbers_list(["0.5", "−1"], "en")
    ('0,5; −1', '0.5, −1')
    """
    return ("; " if check_language(lang) == "pl" else ", ").join(texts)


def is_number(value: object) -> bool:
    """True for a real number (int, float, numpy number), not for a bool."""
    return isinstance(value, numbers.Real) and not isinstance(value, bool)


# The plural forms a template lists after ``@``, in this order, per language: the CLDR
# categories of Babel's rule for that language. Polish fractions (CLDR "other": 2,5) take
# the genitive singular ("2,5 epoki", "2,5 wzorca"): an optional 4th form; without it the
# 2nd form ("few") is used, which is the genitive singular for feminine and neuter nouns
# (epoki, okna) but not for masculine ones (wzorce ≠ wzorca): give the 4th form there.
PLURAL_CATEGORIES = {"pl": ("one", "few", "many"), "en": ("one", "other")}
FRACTION_FORM = {"pl": 4}  # the optional extra form, for CLDR "other", per language


def plural_form_counts(lang: str) -> tuple[int, ...]:
    """How many forms a ``{n:@...}`` field may list in ``lang``: ``(3, 4)`` in Polish."""
    base = len(PLURAL_CATEGORIES[check_language(lang)])
    return (base, FRACTION_FORM[lang]) if lang in FRACTION_FORM else (base,)


@functools.cache
def _plural_rule(lang: str):
    import babel  # CLDR's plural rules: Polish 2–4 but not 12–14, 22–24 again...

    return babel.Locale.parse(lang).plural_form


def plural(count: object, forms: Sequence[str], lang: str) -> str:
    """The form of a counted noun that goes with ``count`` in ``lang``.

    ``forms`` are the noun for one / few (2–4, 22–24...) / many (0, 5–21, 25...) in
    Polish, with an optional 4th for fractions, and for one / other in English. The rule
    is Babel's (CLDR), so the teens come out right.

    >>> [plural(n, ["wzorzec", "wzorce", "wzorców"], "pl") for n in (1, 3, 5, 12, 22)]
    ['wzorzec', 'wzorce', 'wzorców', 'wzorców', 'wzorce']
    >>> plural(2.5, ["epoka", "epoki", "epok"], "pl"), plural(1, ["epoch", "epochs"], "en")
    ('epoki', 'epoch')
    """
    lang = check_language(lang)
    if len(forms) not in plural_form_counts(lang):
        counts = " or ".join(map(str, plural_form_counts(lang)))
        raise ValueError(f"a plural in {lang!r} lists {counts} forms, got {'|'.join(forms)!r}")
    if not is_number(count):
        raise TypeError(f"a plural form needs a number, got {count!r}")
    if float(count) == int(count):
        count = int(count)  # 5.0 is written "5", so it takes the form of 5
    category = _plural_rule(lang)(abs(count))
    categories = PLURAL_CATEGORIES[lang]
    if category in categories:
        return forms[categories.index(category)]
    # Polish "other" (a fraction): the genitive singular, the 4th form or else the 2nd.
    return forms[3] if len(forms) == 4 else forms[1]


def plural_fields(text: str) -> list[tuple[str, list[str]]]:
    """The ``{name:@form|form...}`` fields of a template, as ``(name, forms)``."""
    return [
        (name, spec[1:].split("|"))
        for _, name, spec, _ in string.Formatter().parse(text)
        if name and spec and spec.startswith("@")
    ]


class LanguageFormatter(string.Formatter):
    """``str.format`` for one language: numbers as :func:`number` writes them, and plural
    forms with the spec ``{n:@form1|form2|form3}`` (see :func:`plural`).

    >>> LanguageFormatter("pl").format("{n:,} {n:@parametr|parametry|parametrów}", n=235146)
    '235\xa0146 parametrów'
    """

    def __init__(self, lang: str):
        super().__init__()
        self.lang = check_language(lang)

    def format_field(self, value: object, format_spec: str) -> str:
        if format_spec.startswith("@"):
            return plural(value, format_spec[1:].split("|"), self.lang)
        if is_number(value):
            return number(value, self.lang, format_spec)
        return super().format_field(value, format_spec)


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
        """The text for ``key`` in ``lang``, formatted with ``values`` as ``lang`` writes
        them: every number (``{n}``, ``{n:,}``, ``{x:.2f}``, ``{acc:.1%}``) through
        :func:`number`, so ``0,09`` and ``235 146`` in Polish; ``{n:@one|few|many}``
        (Polish) or ``{n:@one|other}`` (English) picks the noun form for ``n``.

        >>> T = Strings("demo-plural", {"n": {"pl": "{n} {n:@wzorzec|wzorce|wzorców}",
        ...                                   "en": "{n} {n:@pattern|patterns}"}})
        >>> T.get("n", "pl", n=22), T.get("n", "pl", n=12), T.get("n", "en", n=1)
        ('22 wzorce', '12 wzorców', '1 pattern')
        """
        lang = check_language(lang)
        text = self.table[key][lang]
        return LanguageFormatter(lang).format(text, **values) if values else text

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
