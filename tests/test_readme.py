"""The README's promises: two commands, badges that open existing notebooks, .ci/run agrees."""

from __future__ import annotations

import re
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_exactly_two_setup_commands_and_ci_uses_the_test_one():
    block = re.search(r"```bash\n(.*?)```", README, re.S).group(1)
    commands = [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    assert commands == ["python3 dev.py serve", "python3 dev.py test"]
    assert "python3 dev.py test" in (ROOT / ".ci" / "run").read_text()


def test_binder_badges_open_existing_notebooks_in_voila_and_lab():
    paths = re.findall(r"https://mybinder\.org/v2/gh/[^)\s]+\?urlpath=([^)\s]+)", README)
    targets = [urllib.parse.unquote(p) for p in paths]
    assert any(t.startswith("voila/render/lessons/") for t in targets)
    assert any(t.startswith("lab/tree/lessons/") for t in targets)
    for target in targets:
        notebook = target.split("/", 2)[2]
        assert (ROOT / notebook).is_file(), target


def test_screenshot_and_mnist_variable_are_documented():
    image = re.search(r"!\[[^\]]+\]\(([^)]+\.png)\)", README).group(1)
    assert (ROOT / image).is_file()
    assert "DL_COURSE_MNIST_DIR" in README
    from widgets.data import MNIST_DIR_ENV

    assert MNIST_DIR_ENV == "DL_COURSE_MNIST_DIR"
