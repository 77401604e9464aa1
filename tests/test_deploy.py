"""The Zero to JupyterHub values (deploy/z2jh/values.yaml), checked as Helm would check them.

Helm merges a config with the chart's default values and validates the result against the
chart's JSON schema before it installs anything. The schema and the defaults are not in
this repository (they are the chart's); they are read from ``$DL_COURSE_DEPLOY_DIR``,
which ``dev.py`` points at ``../shared/deploy``.
"""

from __future__ import annotations

import copy
import os
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
VALUES = ROOT / "deploy" / "z2jh" / "values.yaml"


def _chart_file(name: str) -> Path:
    folder = os.environ.get("DL_COURSE_DEPLOY_DIR")
    if not folder:
        pytest.skip("DL_COURSE_DEPLOY_DIR is unset (dev.py sets it when ../shared exists)")
    return Path(folder) / name


def _merge(defaults: dict, values: dict) -> dict:
    """Helm's merge of a values file over the chart's defaults (maps merge, the rest replaces)."""
    merged = dict(defaults)
    for key, value in values.items():
        both_maps = isinstance(value, dict) and isinstance(defaults.get(key), dict)
        merged[key] = _merge(defaults[key], value) if both_maps else value
    return merged


def _errors(values: dict) -> list[str]:
    schema = yaml.safe_load(_chart_file("z2jh-values.schema.yaml").read_text())
    defaults = yaml.safe_load(_chart_file("z2jh-default-values.yaml").read_text())
    validator = jsonschema.Draft7Validator(schema)
    found = validator.iter_errors(_merge(defaults, values))
    return [f"{'.'.join(map(str, error.path))}: {error.message}" for error in found]


def _values() -> dict:
    return yaml.safe_load(VALUES.read_text())


def test_values_pass_the_charts_schema():
    assert _errors(_values()) == []


@pytest.mark.parametrize(
    ("path", "bad"),
    [
        (("singleuser", "memry"), "2G"),  # a misspelt key
        (("singleuser", "memory", "limit"), ["2G"]),  # a wrong type
        (("cull", "timeout"), "an hour"),
    ],
)
def test_the_schema_check_catches_mistakes(path, bad):
    values = copy.deepcopy(_values())
    *parents, last = path
    node = values
    for key in parents:
        node = node.setdefault(key, {})
    node[last] = bad
    assert _errors(values), f"{'.'.join(path)} = {bad!r} passed the schema"


def _binder_exports() -> dict[str, str]:
    start = (ROOT / "binder" / "start").read_text()
    return dict(re.findall(r"^export (\w+)=(\S+)$", start, flags=re.MULTILINE))


def test_student_servers_get_the_same_thread_caps_as_binder():
    assert _values()["singleuser"]["extraEnv"] == _binder_exports()


def test_default_url_opens_the_lesson_index_the_image_has():
    url = _values()["singleuser"]["defaultUrl"]
    prefix = "/voila/render/"
    assert url.startswith(prefix)
    assert (ROOT / url.removeprefix(prefix)).is_file()


def test_idle_kernels_are_culled_inside_a_students_server():
    files = _values()["singleuser"]["extraFiles"]
    (cull,) = files.values()
    assert "jupyter_server_config.d" in cull["mountPath"]
    manager = cull["data"]["MappingKernelManager"]
    assert 0 < manager["cull_idle_timeout"] <= 3600
    assert 0 < manager["cull_interval"] < manager["cull_idle_timeout"]


def test_a_server_fits_binders_budget_and_a_lesson_kernel():
    memory = _values()["singleuser"]["memory"]
    gigabytes = {key: float(value.rstrip("G")) for key, value in memory.items()}
    # One lesson kernel measured 0.6-0.8 GB (README, Performance): the guarantee must hold
    # one, the limit must be Binder's 2 GB that every lesson is built for.
    assert 0.8 < gigabytes["guarantee"] <= gigabytes["limit"] == 2.0


def test_the_lessons_the_post_start_hook_copies_exist():
    command = " ".join(_values()["singleuser"]["lifecycleHooks"]["postStart"]["exec"]["command"])
    home = _values()["singleuser"]["storage"]["homeMountPath"]
    assert home in command
    assert (ROOT / "lessons").is_dir() and "/home/jovyan/lessons" in command
