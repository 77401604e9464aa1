"""widgets.errors: every sentence a StudentError names exists in both languages (found by
reading the package's source, so a typo in a key fails here), and how the banner turns an
exception into a sentence and details."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import re
from pathlib import Path

import pytest

import widgets
from widgets.errors import TEXT, StudentError, describe, technical_details
from widgets.i18n import LANGUAGES, placeholders, registered_tables

PACKAGE = Path(widgets.__file__).parent


def import_everything() -> dict:
    """Import every module (Keras models too) so that all tables and error classes exist."""
    for module in pkgutil.walk_packages(widgets.__path__, "widgets."):
        importlib.import_module(module.name)
    return registered_tables()


def error_classes() -> set[str]:
    """Names of StudentError and all its subclasses in the package."""
    import_everything()
    names, stack = set(), [StudentError]
    while stack:
        cls = stack.pop()
        names.add(cls.__name__)
        stack.extend(cls.__subclasses__())
    return names


def called_name(call: ast.Call) -> str | None:
    func = call.func
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)


def problems_in(source: str, where: str, classes: set[str], tables: dict) -> list[str]:
    """What is wrong with the StudentError keys raised in ``source`` (empty if nothing)."""
    problems = []
    for call in (n for n in ast.walk(ast.parse(source)) if isinstance(n, ast.Call)):
        if called_name(call) not in classes:
            continue
        at = f"{where}:{call.lineno}"
        first = call.args[0] if call.args else None
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            problems.append(f"{at}: the key is not a literal 'table.key' string")
            continue
        table, _, key = first.value.partition(".")
        if table not in tables or key not in tables[table].table:
            problems.append(f"{at}: no string {first.value!r}")
            continue
        given = {kw.arg for kw in call.keywords}
        for lang in LANGUAGES:
            text = tables[table].table[key][lang]
            missing = placeholders(text) - given
            if missing and None not in given:  # None: **values, not checkable here
                problems.append(f"{at}: {first.value!r} needs {sorted(missing)} ({lang})")
            if "<" in text:
                problems.append(f"{at}: {first.value!r} holds HTML; the banner escapes it")
    return problems


def student_error_calls() -> list[tuple[str, str]]:
    """(file:line, key) of every StudentError raised in the package."""
    classes = error_classes()
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for call in (n for n in ast.walk(ast.parse(path.read_text())) if isinstance(n, ast.Call)):
            if called_name(call) in classes and call.args:
                key = getattr(call.args[0], "value", None)
                found.append((f"{path.relative_to(PACKAGE.parent)}:{call.lineno}", key))
    return found


def test_every_student_error_key_exists_in_both_languages_with_its_values():
    tables, classes = import_everything(), error_classes()
    problems = []
    for path in sorted(PACKAGE.rglob("*.py")):
        where = str(path.relative_to(PACKAGE.parent))
        problems += problems_in(path.read_text(), where, classes, tables)
    assert not problems, "\n".join(problems)


def test_the_scan_finds_the_keys_and_would_catch_a_typo():
    keys = {key for _, key in student_error_calls()}
    assert {"mnist.unavailable", "mnist.folder_unusable", "playground_upload.columns"} <= keys
    assert {"keras_workflow.load_failed", "keras_workflow.save_failed"} <= keys
    tables, classes = import_everything(), error_classes()
    typo = 'raise MnistUnavailableError("mnist.unavailabel", "x", variable="V")\n'
    assert problems_in(typo, "typo.py", classes, tables) == [
        "typo.py:1: no string 'mnist.unavailabel'"
    ]
    no_value = 'raise StudentError("mnist.cache_damaged")\n'
    assert "needs ['path']" in problems_in(no_value, "v.py", classes, tables)[0]
    dynamic = 'raise StudentError(f"mnist.{name}")\n'
    assert "not a literal" in problems_in(dynamic, "d.py", classes, tables)[0]


def test_every_spec_error_of_lesson_09_has_its_sentence():
    """widgets.models.mlp.SpecError keys are lesson 09's student errors too (``err_<key>``)."""
    tables = import_everything()
    text = tables["keras_workflow"].table
    problems = []
    for path in (PACKAGE / "models" / "mlp.py", *sorted((PACKAGE / "keras_workflow").glob("*.py"))):
        for call in (n for n in ast.walk(ast.parse(path.read_text())) if isinstance(n, ast.Call)):
            if called_name(call) != "SpecError" or not call.args:
                continue
            key = f"err_{call.args[0].value}"
            given = {kw.arg for kw in call.keywords}
            if key not in text:
                problems.append(f"{path.name}:{call.lineno}: no keras_workflow.{key}")
            elif missing := placeholders(text[key]["pl"]) - given:
                problems.append(f"{path.name}:{call.lineno}: {key} needs {sorted(missing)}")
    assert not problems, "\n".join(problems)


# ------------------------------------------------------------------------ describe()


def test_a_student_error_speaks_the_page_language_and_keeps_its_cause_for_the_lecturer():
    import_everything()
    try:
        try:
            raise OSError(13, "Permission denied", "/root/m.keras")
        except OSError as cause:
            raise StudentError("keras_workflow.save_failed", path="/root/m.keras") from cause
    except StudentError as error:
        sentence, details = describe(error, "pl")
        assert sentence.startswith("Nie udało się zapisać modelu w /root/m.keras")
        assert details == "PermissionError: [Errno 13] Permission denied: '/root/m.keras'"
        assert describe(error, "en")[0].startswith("Could not save the model")
        assert str(error).startswith("Could not save")  # tracebacks stay readable


def test_a_student_error_without_a_cause_has_no_details():
    import_everything()
    assert describe(StudentError("playground_upload.empty"), "pl") == ("Plik jest pusty.", "")


def test_an_unknown_key_is_a_bug_and_shown_as_one():
    sentence, details = describe(StudentError("mnist.no_such_key"), "en")
    assert sentence.startswith("Something went wrong") and "mnist.no_such_key" in details


def test_a_key_must_name_its_table():
    with pytest.raises(ValueError, match="table.key"):
        StudentError("unavailable")


def test_a_translated_sentence_is_shown_as_it_is():
    assert describe("Trwa uczenie: zatrzymaj je (Stop).", "pl") == (
        "Trwa uczenie: zatrzymaj je (Stop).",
        "",
    )


def test_an_untranslated_value_error_is_never_shown_as_the_sentence():
    # A check that raises a plain ValueError in English is a bug to convert; the student
    # still reads a sentence in the page's language, the English goes behind the toggle.
    sentence, details = describe(ValueError("noise must be in [0, 0.5]"), "pl")
    assert sentence == TEXT.get("unexpected", "pl")
    assert details == "ValueError: noise must be in [0, 0.5]"


def test_no_dashboard_raises_a_translated_sentence_as_a_plain_exception():
    # ``raise ValueError(self._t(...))`` loses the key: the banner could not translate it
    # and tests could not check it. Every such site raises StudentError("table.key").
    pattern = re.compile(r"raise \w*Error\((self\._t|t|TEXT\.get)\(")
    found = [
        f"{path}:{number}"
        for path in sorted(Path(widgets.__file__).parent.rglob("*.py"))
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if pattern.search(line)
    ]
    assert found == []


def test_an_unexpected_error_gets_the_generic_sentence_or_the_one_asked_for():
    sentence, details = describe(ZeroDivisionError("division by zero"), "pl")
    assert "prowadzącemu" in sentence and details == "ZeroDivisionError: division by zero"
    sentence, _ = describe(ImportError("no tensorflow"), "en", "tensorflow_failed")
    assert sentence.startswith("TensorFlow could not be loaded")
    # a ValueError while building a model is not a student's value: generic, with details
    sentence, details = describe(ValueError("shapes (2,) and (3,)"), "en", "build_failed")
    assert "model or data" in sentence and "ValueError: shapes" in details


def test_causes_are_listed_once_without_a_traceback():
    try:
        try:
            raise ConnectionError("URL fetch failure")
        except ConnectionError as cause:
            raise RuntimeError("download failed (URL fetch failure)") from cause
    except RuntimeError as error:
        assert technical_details(error) == (
            "RuntimeError: download failed (URL fetch failure)\n↳ ConnectionError"
        )


def test_a_csv_error_reads_in_its_own_language_but_the_banner_uses_the_page_s():
    from widgets.playground.upload import CsvError, parse_csv

    with pytest.raises(CsvError, match="kolumn") as info:
        parse_csv(b"1,2\n")
    assert isinstance(info.value, ValueError)
    assert describe(info.value, "en")[0] == "Row 1: expected 3 columns x1,x2,label, found 2."


def test_what_counts_as_a_number_a_student_gave():
    import numpy as np

    from widgets.errors import finite_number, whole_number

    assert [finite_number(v) for v in (0.5, -3, np.float32(2), True, "1", None, [1])] == [
        True,
        True,
        True,
        False,
        False,
        False,
        False,
    ]
    assert not finite_number(float("nan")) and not finite_number(float("-inf"))
    assert [whole_number(v) for v in (3, 3.0, 2.5, np.int64(4), np.bool_(True), 1e400)] == [
        True,
        True,
        False,
        True,
        False,
        False,
    ]
