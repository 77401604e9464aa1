"""Every user-facing string exists in Polish and English, with the same placeholders."""

from __future__ import annotations

import importlib
import pkgutil

import pytest

import widgets
from widgets.i18n import LANGUAGES, Strings, placeholders, registered_tables

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


def test_a_missing_translation_is_refused():
    with pytest.raises(ValueError, match="lacks en"):
        Strings("broken-test-table", {"hello": {"pl": "Cześć"}})


def test_unknown_language_is_refused():
    from widgets.mcculloch_pitts import McCullochPittsDashboard

    with pytest.raises(ValueError, match="pl, en"):
        McCullochPittsDashboard(lang="de")
