"""The lesson folders: the same notebooks in both languages, each passing its own language."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from widgets.lessons import PLAN, index_html

LESSONS = Path(__file__).resolve().parents[1] / "lessons"
STEMS = {stem for stem, *_ in PLAN} | {"00_index"}


def notebooks(lang):
    return sorted(p.name for p in (LESSONS / lang).glob("*.ipynb"))


def cells(path):
    return json.loads(path.read_text(encoding="utf-8"))["cells"]


def test_both_languages_hold_the_same_notebooks():
    assert notebooks("pl") == notebooks("en")
    assert "02_mcculloch_pitts.ipynb" in notebooks("en")
    assert {Path(n).stem for n in notebooks("en")} <= STEMS


@pytest.mark.parametrize("name", notebooks("en"))
def test_translations_have_the_same_cells_and_pass_their_language(name):
    pl, en = cells(LESSONS / "pl" / name), cells(LESSONS / "en" / name)
    assert [c["cell_type"] for c in pl] == [c["cell_type"] for c in en]
    for lang, nb in (("pl", pl), ("en", en)):
        code = "\n".join("".join(c["source"]) for c in nb if c["cell_type"] == "code")
        other = "en" if lang == "pl" else "pl"
        assert f'"{other}"' not in code, f"{lang}/{name} passes the other language"
        if "lang=" in code or "setup_lesson(" in code or "lesson_index(" in code:
            assert f'"{lang}"' in code
        assert not any(o.get("output_type") == "error" for c in nb for o in c.get("outputs", []))


@pytest.mark.parametrize("name", notebooks("en"))
def test_code_cells_differ_only_in_strings_and_comments(name):
    def skeleton(nb):
        out = []
        for c in nb:
            if c["cell_type"] == "code":
                src = "".join(c["source"])
                src = re.sub(r"#.*", "", src)  # comments are translated
                src = re.sub(r'"""[\s\S]*?"""', '""', src)  # so are docstrings
                src = re.sub(r'"[^"\n]*"|\'[^\'\n]*\'', '""', src)  # so are strings
                out.append(src)
        return out

    assert skeleton(cells(LESSONS / "pl" / name)) == skeleton(cells(LESSONS / "en" / name))


def test_index_links_existing_lessons_and_the_other_language(tmp_path):
    page = index_html("en", LESSONS / "en")
    assert "href='02_mcculloch_pitts.ipynb'" in page
    assert "href='../pl/00_index.ipynb'" in page
    assert "href='16_pretrained.ipynb'" in page and "coming soon" not in page  # all written
    assert "Neuron McCullocha-Pittsa" in index_html("pl", LESSONS / "pl")
    # A lesson whose notebook is missing is listed, not linked.
    (tmp_path / "02_mcculloch_pitts.ipynb").write_text("{}")
    partial = index_html("en", tmp_path)
    assert "href='02_mcculloch_pitts.ipynb'" in partial and "coming soon" in partial
    assert "href='16_pretrained.ipynb'" not in partial
