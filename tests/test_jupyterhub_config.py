"""deploy/jupyterhub/: the hub's config as JupyterHub loads it, and hub.py's options.

The browser test (tests/browser/test_jupyterhub.py) runs the hub; these check, without
starting anything, what a class relies on: Binder's thread caps, the landing page, culling,
timeouts long enough for a busy machine, the root and password guards.
"""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from traitlets.config.loader import PyFileConfigLoader

ROOT = Path(__file__).resolve().parents[1]
HUB_DIR = ROOT / "deploy" / "jupyterhub"


def _config(monkeypatch, tmp_path, **env):
    monkeypatch.setenv("DL_HUB_DATA", str(tmp_path / "data"))
    monkeypatch.setenv("DL_HUB_PASSWORD", "a-class-password")
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return PyFileConfigLoader("jupyterhub_config.py", path=str(HUB_DIR)).load_config()


def _hub_module():
    spec = importlib.util.spec_from_file_location("dl_hub", HUB_DIR / "hub.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_kernels_get_binders_thread_caps(monkeypatch, tmp_path):
    start = (ROOT / "binder" / "start").read_text()
    binder = dict(re.findall(r"^export (\w+)=(\S+)$", start, re.M))
    fixed = {name: value for name, value in binder.items() if "$" not in value}
    environment = _config(monkeypatch, tmp_path).Spawner.environment
    assert fixed and {name: environment[name] for name in fixed} == fixed
    # What depends on the server's URL is computed per student, as binder/start does.
    student = type("User", (), {"url": "/user/ada/"})()
    proxy = environment["TENSORBOARD_PROXY_URL"](type("Spawner", (), {"user": student})())
    assert proxy == "/user/ada/proxy/%PORT%/"


def test_students_land_on_the_lesson_index_the_homes_get(monkeypatch, tmp_path):
    config = _config(monkeypatch, tmp_path)
    page = config.Spawner.default_url.removeprefix("/voila/render/")
    assert (ROOT / page).is_file()
    home = tmp_path / "home"
    spawner = type("Spawner", (), {"home_dir": str(home)})()
    config.Spawner.pre_spawn_hook(spawner)
    assert (home / page).is_file() and (home / "voila.json").is_file()
    (home / page).write_text("a student's edit")
    config.Spawner.pre_spawn_hook(spawner)  # the next spawn keeps the student's files
    assert (home / page).read_text() == "a student's edit"


def test_loopback_by_default_and_the_class_password(monkeypatch, tmp_path):
    config = _config(monkeypatch, tmp_path)
    assert config.JupyterHub.ip == "127.0.0.1"
    assert config.JupyterHub.authenticator_class == "shared-password"
    assert config.SharedPasswordAuthenticator.user_password == "a-class-password"
    assert "--allow-root" not in config.Spawner.args


def test_idle_kernels_and_servers_are_culled(monkeypatch, tmp_path):
    config = _config(monkeypatch, tmp_path, DL_HUB_CULL_KERNEL_MINUTES="5")
    assert "--MappingKernelManager.cull_idle_timeout=300" in config.Spawner.args
    assert "--MappingKernelManager.cull_connected=True" in config.Spawner.args
    (culler,) = config.JupyterHub.services
    assert culler["command"][1:3] == ["-m", "jupyterhub_idle_culler"]
    (role,) = config.JupyterHub.load_roles
    assert role["services"] == ["idle-culler"] and "delete:servers" in role["scopes"]


def test_students_servers_start_without_jupyter_lsp(monkeypatch, tmp_path):
    # Nothing for it to serve (no language server installed) and CPU at every start.
    args = _config(monkeypatch, tmp_path).Spawner.args
    assert "--ServerApp.jpserver_extensions=jupyter_lsp=False" in args
    assert not any("jupyterlab=False" in arg or "voila" in arg for arg in args)


def test_students_servers_skip_rfc3987_syntax_and_only_it(monkeypatch, tmp_path):
    # Its Lark grammars took 0.8 of a server's 1.4 CPU s to start; jsonschema then checks
    # every format it checked before except "iri" and "iri-reference".
    path = _config(monkeypatch, tmp_path).Spawner.environment["PYTHONPATH"]
    assert path.split(os.pathsep)[0] == str(HUB_DIR / "server_path")
    probe = (
        "import sys, jsonschema, nbformat, jupyter_events; "
        "print(' '.join(sorted(jsonschema.FormatChecker.checkers)), "
        "'rfc3987_syntax' in sys.modules)"
    )
    with_stand_in = subprocess.run(
        [sys.executable, "-c", probe],
        env={**os.environ, "PYTHONPATH": path},
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    without = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.split()
    assert with_stand_in[-1] == "False"
    assert set(without[:-1]) - set(with_stand_in[:-1]) <= {"iri", "iri-reference"}
    assert {"date-time", "uri", "uri-reference", "email"} <= set(with_stand_in[:-1])


def test_spawns_may_take_minutes_on_a_busy_machine(monkeypatch, tmp_path):
    config = _config(monkeypatch, tmp_path)
    # Ten servers starting on two busy cores took 40-47 s each here; the defaults are
    # 60 s (start) and 30 s (first answer), after which JupyterHub gives the spawn up.
    assert config.Spawner.start_timeout >= 180 and config.Spawner.http_timeout >= 180
    assert (Path(config.JupyterHub.template_paths[0]) / "spawn_pending.html").is_file()


def test_hub_extra_has_jupyterhub_5_lab_and_the_culler():
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"][
        "optional-dependencies"
    ]
    names = {re.split(r"[<>=\[]", d)[0] for d in extras["hub"]}
    assert names == {"jupyterhub", "jupyterhub-idle-culler", "jupyterlab"}
    assert "jupyterhub>=5.2,<6" in extras["hub"]
    assert "dl-course-widgets[hub]" in extras["test"]


@pytest.mark.parametrize(
    "argv",
    [
        ["--password=short"],
        ["--any-password", "--public"],
    ],
)
def test_hub_refuses_unsafe_options(argv, capsys):
    with pytest.raises(SystemExit):
        _hub_module().parse_arguments([*argv, "--as-root"])
    assert "error" in capsys.readouterr().err


def test_hub_refuses_root_without_as_root(monkeypatch, capsys):
    hub = _hub_module()
    monkeypatch.setattr(hub.os, "geteuid", lambda: 0, raising=False)
    with pytest.raises(SystemExit):
        hub.parse_arguments([])
    assert "root" in capsys.readouterr().err
    assert hub.parse_arguments(["--as-root"]).as_root


def test_the_class_password_is_kept_between_starts(tmp_path):
    hub = _hub_module()
    options = hub.parse_arguments([f"--data={tmp_path}", "--as-root"])
    first = hub.class_password(options)
    assert len(first) >= 8 and hub.class_password(options) == first
    assert (tmp_path / "class-password").stat().st_mode & 0o077 == 0
