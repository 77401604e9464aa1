"""Every user-facing string exists in Polish and English, with the same placeholders;
numbers and counted nouns are written as each language writes them."""

from __future__ import annotations

import importlib
import pkgutil

import numpy as np
import pytest

import widgets
from widgets.i18n import (
    LANGUAGES,
    Strings,
    number,
    placeholders,
    plural,
    plural_fields,
    plural_form_counts,
    registered_tables,
)

# Modules that import Keras at load time are imported by the dashboards after loading it.
KERAS_MODULES = ("widgets.models.",)


def all_tables():
    for module in pkgutil.walk_packages(widgets.__path__, "widgets."):
        if not module.name.startswith(KERAS_MODULES):
            importlib.import_module(module.name)
    return registered_tables()


def test_the_package_has_string_tables():
    tables = all_tables()
    assert {"ui", "mcculloch_pitts", "lessons", "exercises", "notebook"} <= set(tables)


@pytest.mark.parametrize("name", sorted(all_tables()))
def test_every_string_in_both_languages_with_the_same_placeholders(name):
    table = all_tables()[name]
    for key, texts in table.table.items():
        assert set(texts) == set(LANGUAGES), f"{name}.{key}: languages {set(texts)}"
        for lang in LANGUAGES:
            assert texts[lang].strip(), f"{name}.{key} is empty in {lang}"
        assert placeholders(texts["pl"]) == placeholders(texts["en"]), f"{name}.{key}"


@pytest.mark.parametrize("name", sorted(all_tables()))
def test_every_plural_lists_the_forms_its_language_has(name):
    """{n:@...}: three forms in Polish (one, 2-4, 5+; a 4th for fractions allowed), two in
    English, each non-empty, and counting a field the sentence has."""
    table = all_tables()[name]
    for key, texts in table.table.items():
        for lang in LANGUAGES:
            for field, forms in plural_fields(texts[lang]):
                where = f"{name}.{key} [{lang}] {{{field}:@{'|'.join(forms)}}}"
                assert len(forms) in plural_form_counts(lang), where
                assert all(form.strip() for form in forms), where


PLURAL = Strings(
    "test-plural",
    {
        "patterns": {
            "pl": "{n} {n:@wzorzec|wzorce|wzorców}",
            "en": "{n} {n:@pattern|patterns}",
        },
        "epochs": {"pl": "{n} {n:@epoka|epoki|epok}", "en": "{n} {n:@epoch|epochs}"},
        "params": {"pl": "{n:,} parametrów", "en": "{n:,} parameters"},
        "noise": {"pl": "szum: {x}, {y:.2f}, {acc:.1%}", "en": "noise: {x}, {y:.2f}, {acc:.1%}"},
        "plain": {"pl": "{n} / {s} / {b}", "en": "{n} / {s} / {b}"},
    },
)


@pytest.mark.parametrize(
    ("n", "pl", "en"),
    [
        (0, "0 wzorców", "0 patterns"),
        (1, "1 wzorzec", "1 pattern"),
        (2, "2 wzorce", "2 patterns"),
        (4, "4 wzorce", "4 patterns"),
        (5, "5 wzorców", "5 patterns"),
        (12, "12 wzorców", "12 patterns"),
        (14, "14 wzorców", "14 patterns"),
        (21, "21 wzorców", "21 patterns"),
        (22, "22 wzorce", "22 patterns"),
        (112, "112 wzorców", "112 patterns"),
        (1002, "1002 wzorce", "1002 patterns"),
        (np.int64(3), "3 wzorce", "3 patterns"),
    ],
)
def test_plural_forms_follow_the_language(n, pl, en):
    assert PLURAL.get("patterns", "pl", n=n) == pl
    assert PLURAL.get("patterns", "en", n=n) == en


def test_a_fraction_takes_the_genitive_singular_in_polish():
    assert PLURAL.get("epochs", "pl", n=2.5) == "2,5 epoki"
    assert PLURAL.get("epochs", "en", n=2.5) == "2.5 epochs"
    assert PLURAL.get("epochs", "pl", n=5.0) == "5 epok"  # written "5", so the form of 5
    assert plural(2.5, ["wzorzec", "wzorce", "wzorców", "wzorca"], "pl") == "wzorca"


def test_a_plural_with_the_wrong_number_of_forms_is_refused():
    with pytest.raises(ValueError, match="3 or 4 forms"):
        plural(2, ["wzorzec", "wzorce"], "pl")
    with pytest.raises(ValueError, match="2 forms"):
        plural(2, ["pattern", "patterns", "patternses"], "en")


def test_numbers_in_any_field_are_written_as_the_language_writes_them():
    assert PLURAL.get("params", "pl", n=235146) == "235\xa0146 parametrów"
    assert PLURAL.get("params", "en", n=235146) == "235,146 parameters"
    assert PLURAL.get("params", "pl", n=5000) == "5000 parametrów"  # Polish groups from 10 000
    assert PLURAL.get("noise", "pl", x=0.09, y=np.float32(1.5), acc=0.953) == (
        "szum: 0,09, 1,50, 95,3%"
    )
    assert PLURAL.get("noise", "en", x=0.09, y=np.float32(1.5), acc=0.953) == (
        "noise: 0.09, 1.50, 95.3%"
    )
    # A plain whole number from 10 000 on is grouped; strings and bools are left alone.
    assert PLURAL.get("plain", "pl", n=60000, s="0.5", b=True) == "60\xa0000 / 0.5 / True"
    assert PLURAL.get("plain", "en", n=-3, s="x", b=False) == "−3 / x / False"


@pytest.mark.parametrize(
    ("value", "pl", "en"),
    [
        (1e-05, "0,00001", "0.00001"),
        (3e-4, "0,0003", "0.0003"),
        (0.03, "0,03", "0.03"),
        (3.0, "3", "3"),
        (-2e-05, "−0,00002", "−0.00002"),
    ],
)
def test_a_plain_number_has_every_digit_and_no_exponent(value, pl, en):
    assert (number(value, "pl", "plain"), number(value, "en", "plain")) == (pl, en)


@pytest.mark.parametrize(
    ("value", "spec"), [(0.09, ""), (235146, ","), (-2.5, ".2f"), (0.953, ".1%"), (12, "")]
)
def test_number_and_the_string_tables_agree(value, spec):
    template = "{x:" + spec + "}" if spec else "{x}"
    table = Strings("test-agree", {"k": {"pl": template, "en": template}})
    for lang in LANGUAGES:
        assert table.get("k", lang, x=value) == number(value, lang, spec)


def test_a_missing_translation_is_refused():
    with pytest.raises(ValueError, match="lacks en"):
        Strings("broken-test-table", {"hello": {"pl": "Cześć"}})


def test_unknown_language_is_refused():
    from widgets.mcculloch_pitts import McCullochPittsDashboard

    with pytest.raises(ValueError, match="pl, en"):
        McCullochPittsDashboard(lang="de")
