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
    # The image's entry point runs binder/start too; what depends on the server's URL
    # (TENSORBOARD_PROXY_URL) is left to it, the fixed values are repeated here to be seen.
    fixed = {name: value for name, value in _binder_exports().items() if "$" not in value}
    assert _values()["singleuser"]["extraEnv"] == fixed


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
    # One lesson kernel measured 0.72-0.82 GB (README, Performance): the guarantee must
    # hold one, the limit must be Binder's 2 GB that every lesson is built for.
    assert 0.8 < gigabytes["guarantee"] <= gigabytes["limit"] == 2.0


def test_the_lessons_the_post_start_hook_copies_exist():
    command = " ".join(_values()["singleuser"]["lifecycleHooks"]["postStart"]["exec"]["command"])
    home = _values()["singleuser"]["storage"]["homeMountPath"]
    assert home in command
    assert (ROOT / "lessons").is_dir() and "/home/jovyan/lessons" in command


# ------------------------------------------------------------------ the class server


def _class_server():
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "class_server", ROOT / "deploy" / "class_server.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_class_config_culls_idle_kernels_and_preheats_only_the_chosen_lesson():
    server = _class_server()
    options = server.parse_arguments(["--students", "12", "--lesson", "en/04_perceptron.ipynb"])
    config = server.class_config(options)
    assert config["MappingKernelManager"]["cull_idle_timeout"] == 15 * 60
    assert config["MappingKernelManager"]["cull_connected"] is True
    pools = config["VoilaKernelManager"]["kernel_pools_config"]
    assert pools == {"default": {"pool_size": 0}, "en/04_perceptron.ipynb": {"pool_size": 12}}
    assert config["Voila"]["ip"] == "0.0.0.0" and config["Voila"]["port_retries"] == 0
    # The repository's own settings still hold (sources hidden, no tracebacks).
    assert config["VoilaConfiguration"]["strip_sources"] is True
    assert server.THREAD_CAPS.items() <= _binder_exports().items()


def test_class_server_refuses_a_pool_the_machine_cannot_hold(monkeypatch):
    server = _class_server()
    monkeypatch.setattr(server, "available_gigabytes", lambda: 4.0)
    small = server.parse_arguments(["--students", "4"])
    big = server.parse_arguments(["--students", "30", "--lesson", "pl/10_cnn.ipynb"])
    sentence, fits = server.memory_plan(small)
    # TensorFlow's shared libraries once, then each kernel's own memory.
    assert fits and "about 2.4 GB of the 4.0 GB" in sentence  # 0.35 + 4 x 0.5
    sentence, fits = server.memory_plan(big)
    assert not fits and "about 15.3 GB" in sentence  # 0.35 + 30 x 0.5
    assert server.main(["--students", "30"], voila="/bin/false", env={}) == 2


@pytest.mark.parametrize("argv", [["--lesson", "pl/99_nothing.ipynb"], ["--students", "-1"]])
def test_class_server_rejects_bad_options(argv, capsys):
    with pytest.raises(SystemExit):
        _class_server().parse_arguments(argv)
    assert "error" in capsys.readouterr().err
