"""Polish text uses the glossary's terms and writes numbers the Polish way.

Scans every Polish string of every string table and every Polish notebook
(``lessons/pl/*.ipynb``) and names each place that uses a term ``widgets/glossary.py``
rejects, or writes a number the English way ("235,146", "0.09").
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
from pathlib import Path

import pytest

import widgets
from widgets.glossary import GLOSSARY, rejected_terms
from widgets.i18n import registered_tables

ROOT = Path(__file__).resolve().parents[1]
POLISH_NOTEBOOKS = sorted((ROOT / "lessons" / "pl").glob("*.ipynb"))
KERAS_MODULES = ("widgets.models.",)  # imported by the dashboards after Keras loads


def polish_tables():
    for module in pkgutil.walk_packages(widgets.__path__, "widgets."):
        if not module.name.startswith(KERAS_MODULES):
            importlib.import_module(module.name)
    return {name: t for name, t in registered_tables().items() if not name.startswith("test-")}


def notebook_cells(path: Path):
    """``(index, cell_type, source)`` of a notebook's markdown and code cells."""
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    for index, cell in enumerate(cells):
        if cell["cell_type"] in ("markdown", "code"):
            source = cell["source"]
            yield index, cell["cell_type"], "".join(source) if isinstance(source, list) else source


def _rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def test_the_glossary_has_the_course_terms():
    polish = {term.pl for term in GLOSSARY}
    assert {"współczynnik uczenia (η)", "dokładność", "algorytm kieszonkowy"} <= polish
    assert all(term.rejected for term in GLOSSARY)


@pytest.mark.parametrize(
    ("text", "place", "rejected"),
    [
        ("Zmień krok uczenia η.", "perceptron", True),
        ("Zmień współczynnik uczenia η.", "perceptron", False),
        ("wartość funkcji kosztu", "keras_workflow", True),
        ("wartość funkcji kosztu", "adaline", False),
        ("koszt J maleje", "history", False),
        ("ADALINE (lekcja 05) minimalizuje funkcję kosztu", "lessons/pl/03_hebb.ipynb", False),
        ("kosztem czasu", "history", False),
        ("trafnością 90%", "cnn", True),
        ("wariant kieszeniowy", "perceptron", True),
        ("w czystym Keras", "lessons", True),
        ("w Kerasie", "lessons", False),
        ("Tabela prawdy", "history", True),
        ("Deep Belief Nets", "history", True),
        ("głębokie sieci przekonań (Deep Belief Networks)", "history", False),
    ],
)
def test_the_check_catches_rejected_variants_and_lets_the_rest_pass(text, place, rejected):
    assert bool(rejected_terms(text, place)) is rejected


def test_no_string_table_uses_a_rejected_term():
    problems = [
        f"{name}.{key}: {found}"
        for name, table in sorted(polish_tables().items())
        for key, texts in table.table.items()
        for found in rejected_terms(texts["pl"], name)
    ]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("path", POLISH_NOTEBOOKS, ids=lambda p: p.name)
def test_no_polish_notebook_uses_a_rejected_term(path):
    problems = [
        f"{_rel(path)} cell {index} ({kind}): {found}"
        for index, kind, source in notebook_cells(path)
        for found in rejected_terms(source, _rel(path))
    ]
    assert problems == [], "\n".join(problems)


# English number formats. Code, maths and addresses keep Python's point: skip fenced and
# inline code, <code>/<pre> and other HTML tags, LaTeX, URLs, link targets and format
# placeholders ({x:.2f}) before looking.
_NOT_PROSE = re.compile(
    r"```.*?```|`[^`\n]*`|<(code|pre|script|style)\b.*?</\1>|<[^<>]*>"
    r"|\$\$.*?\$\$|\$[^$\n]*\$|\\\(.*?\\\)|https?://\S+|\]\([^)]*\)|\{[^{}]*\}",
    re.DOTALL,
)
# "235,146": a comma between a 1-3 digit group (not 0, which is Polish "0,125") and a
# 3-digit group, ending there. A Polish "3,142" is the price of this check.
_ENGLISH_THOUSANDS = re.compile(r"(?<![\w.,])[1-9]\d{0,2}(?:,\d{3})+(?![\w,])")
# "0.09": digits, a point, digits; not a version ("0.5.13"), a file name, a dotted name or
# a call's argument written as code outside a code span ("Dropout(0.4)").
_ENGLISH_DECIMAL = re.compile(r"(?<![\w.])(?<!\w\()\d+\.\d+(?![\w.]|\.\w)")
# A version number after a product's name: "Python 3.11", "TensorFlow 2.0", "wersja 0.5".
_VERSION_BEFORE = re.compile(
    r"(?:Python|TensorFlow|TF|Keras|Voil[aà]|ipywidgets|plotly|numpy|NumPy|Jupyter\w*"
    r"|JupyterLab|ipykernel|wersj\w*|version|v)\s*$",
    re.IGNORECASE,
)


def english_numbers(text: str) -> list[str]:
    """Numbers in running Polish text written the English way."""
    prose = _NOT_PROSE.sub(" ", text)
    found = [m.group(0) for m in _ENGLISH_THOUSANDS.finditer(prose)]
    found += [
        m.group(0)
        for m in _ENGLISH_DECIMAL.finditer(prose)
        if not _VERSION_BEFORE.search(prose[: m.start()])
    ]
    return found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Model ma 235,146 parametrów.", ["235,146"]),
        ("szum: 0.09", ["0.09"]),
        ("szum: 0,09; 235 146 parametrów; 0,125", []),
        ("`Dropout(0.4)` i <code>0.5</code>, Dense(256) → Dropout(0.4)", []),
        ("Python 3.11, Voilà 0.5.13, TensorFlow 2.0", []),
        ("plik mnist.npz, adres https://example.org/v1.2/x", []),
        ("$\\eta = 0.1$ oraz {acc:.1%} i {x:,}", []),
        ("<a href='x?lr=0.03'>link</a>", []),
    ],
)
def test_the_number_check_finds_english_formats_only_in_prose(text, found):
    assert english_numbers(text) == found


def test_no_polish_string_writes_numbers_the_english_way():
    problems = [
        f"{name}.{key}: {found}"
        for name, table in sorted(polish_tables().items())
        for key, texts in table.table.items()
        for found in english_numbers(texts["pl"])
    ]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("path", POLISH_NOTEBOOKS, ids=lambda p: p.name)
def test_no_polish_notebook_writes_numbers_the_english_way(path):
    problems = [
        f"{_rel(path)} cell {index}: {found}"
        for index, kind, source in notebook_cells(path)
        if kind == "markdown"
        for found in english_numbers(source)
    ]
    assert problems == [], "\n".join(problems)


# One typography (review polish-2026-12, "Typography"): the percent sign right after the
# number ("50%", as number() writes it), and the Polish dash, the en dash "–" with spaces.
_SPACED_PERCENT = re.compile(r"\d %|\{[^{}]*%\} %|\d\u00a0%")
_EM_DASH = re.compile("\u2014")


def typography_slips(text: str) -> list[str]:
    """A spaced percent sign or an em dash in Polish prose."""
    return [m.group(0) for pattern in (_SPACED_PERCENT, _EM_DASH) for m in pattern.finditer(text)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("szum 50 %", ["0 %"]),
        ("szum 50%", []),
        ("to inna sprawa — sprawdzimy", ["—"]),
        ("16–34%", []),
        ("od 2 – do 3", []),
    ],
)
def test_the_typography_check_finds_spaced_percents_and_em_dashes(text, found):
    assert typography_slips(text) == found


def test_polish_strings_and_notebooks_keep_one_typography():
    problems = [
        f"{name}.{key}: {found}"
        for name, table in sorted(polish_tables().items())
        for key, texts in table.table.items()
        if texts["pl"] != "—"  # an empty table cell, not a dash in prose
        for found in typography_slips(texts["pl"])
    ] + [
        f"{_rel(path)} cell {index}: {found}"
        for path in POLISH_NOTEBOOKS
        for index, kind, source in notebook_cells(path)
        if kind == "markdown"
        for found in typography_slips(source)
    ]
    assert problems == [], "\n".join(problems)
