"""Binder (repo2docker) config: no drift from pyproject.toml, scripts that run.

Binder cannot be tested from here, so these tests pin what it relies on: the pip list in
binder/environment.yml is pyproject's runtime dependencies resolved for Linux x86-64,
postBuild installs the package and bakes in MNIST, MobileNetV2's ImageNet weights and the
ImageNet class index, start sets one-CPU TensorFlow threads and hands over to the server.
"""

import contextlib
import json
import os
import re
import subprocess
import sys
import time
import tomllib
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name

from tests.browser.support import free_port

ROOT = Path(__file__).resolve().parents[1]
BINDER = ROOT / "binder"
POSTBUILD = BINDER / "postBuild"
START = BINDER / "start"

# Marker environment of a Binder image; python_version is filled in from environment.yml.
BINDER_PLATFORM = {
    "sys_platform": "linux",
    "platform_system": "Linux",
    "platform_machine": "x86_64",
    "os_name": "posix",
    "implementation_name": "cpython",
    "platform_python_implementation": "CPython",
}


def _project() -> dict:
    with open(ROOT / "pyproject.toml", "rb") as f:
        return tomllib.load(f)["project"]


def _pyproject_dependencies() -> list[str]:
    return _project()["dependencies"]


def _environment() -> dict:
    return yaml.safe_load((BINDER / "environment.yml").read_text())


def _binder_python(env: dict) -> str:
    """The `python=X.Y` pin of environment.yml."""
    (pin,) = [d for d in env["dependencies"] if isinstance(d, str) and d.startswith("python=")]
    return pin.removeprefix("python=")


def _pip_list(env: dict) -> list[str]:
    (section,) = [d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d]
    return section


def _key(req: Requirement) -> tuple[str, str, str]:
    """Name, extras and specifier in a canonical form, so only real differences count."""
    return canonicalize_name(req.name), ",".join(sorted(req.extras)), str(req.specifier)


def _resolved_for_binder(dependencies: list[str], python: str) -> list[tuple[str, str, str]]:
    """The dependencies whose environment marker holds on Binder, marker dropped."""
    env = {**BINDER_PLATFORM, "python_version": python, "python_full_version": f"{python}.0"}
    reqs = [Requirement(d) for d in dependencies]
    return sorted(_key(r) for r in reqs if r.marker is None or r.marker.evaluate(env))


def _binder_pip() -> list[tuple[str, str, str]]:
    reqs = [Requirement(line) for line in _pip_list(_environment())]
    # Binder's platform is fixed, so markers there would only hide what gets installed.
    assert [str(r) for r in reqs if r.marker] == []
    return sorted(_key(r) for r in reqs)


def _code_lines(path: Path) -> list[str]:
    """Non-blank, non-comment lines, so a comment cannot satisfy a check."""
    lines = (line.strip() for line in path.read_text().splitlines())
    return [line for line in lines if line and not line.startswith("#")]


def test_environment_pins_python_pip_and_conda_forge():
    env = _environment()
    assert env["channels"] == ["conda-forge"]
    assert "pip" in env["dependencies"]
    assert _binder_python(env) == "3.11"
    # The pinned Python must satisfy the package's own requirement.
    assert SpecifierSet(_project()["requires-python"]).contains("3.11")


def test_binder_pip_list_matches_pyproject_dependencies():
    """Every dependency that applies on Binder, same specifier, nothing extra."""
    expected = _resolved_for_binder(_pyproject_dependencies(), _binder_python(_environment()))
    assert _binder_pip() == expected


def test_binder_gets_cpu_only_tensorflow():
    """Guards the marker environment itself: Linux x86-64 takes the 274 MB CPU wheel."""
    names = [name for name, _, _ in _binder_pip()]
    assert "tensorflow-cpu" in names
    assert "tensorflow" not in names


def test_drift_check_catches_a_pyproject_only_dependency():
    """The comparison is not vacuous: a dependency added to pyproject alone shows up."""
    deps = _pyproject_dependencies()
    python = _binder_python(_environment())
    assert _resolved_for_binder([*deps, "scipy>=1.11"], python) != _binder_pip()
    # ...but not one whose marker excludes Binder.
    extra = "pywin32>=306; sys_platform == 'win32'"
    assert _resolved_for_binder([*deps, extra], python) == _binder_pip()


@pytest.mark.parametrize("script", [POSTBUILD, START], ids=lambda p: p.name)
def test_script_is_executable_bash(script):
    # repo2docker runs these directly, so they need the executable bit and a shebang.
    assert os.access(script, os.X_OK), f"chmod +x {script.relative_to(ROOT)}"
    assert script.read_text().splitlines()[0] == "#!/usr/bin/env bash"


@pytest.mark.parametrize("script", [POSTBUILD, START], ids=lambda p: p.name)
def test_script_parses(script):
    result = subprocess.run(["bash", "-n", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_postbuild_installs_package_and_predownloads_mnist():
    lines = _code_lines(POSTBUILD)
    assert "set -euo pipefail" in lines
    # The tested versions: constraints.txt, which dev.py and CI install with too.
    assert any(re.search(r"\bpip install -c constraints\.txt -e \.$", line) for line in lines)
    assert any("keras.datasets.mnist.load_data()" in line for line in lines)


def test_postbuild_bakes_mobilenet_v2_weights_and_the_class_index(monkeypatch):
    """Lesson 16: the baking line asks Keras for MobileNetV2's ImageNet weights and runs
    decode_predictions once (which fetches imagenet_class_index.json). Run here against a
    stand-in ``keras`` that records the calls (no download, no TensorFlow)."""
    import sys
    import types

    import numpy as np

    (line,) = [line for line in _code_lines(POSTBUILD) if "MobileNetV2" in line]
    code = re.search(r'python -c "(.+)"$', line).group(1)
    calls = []
    fake = types.ModuleType("keras")
    fake.applications = types.SimpleNamespace(
        MobileNetV2=lambda **kw: calls.append(("MobileNetV2", kw)),
        mobilenet_v2=types.SimpleNamespace(
            decode_predictions=lambda p, **kw: calls.append(("decode", np.shape(p)))
        ),
    )
    monkeypatch.setitem(sys.modules, "keras", fake)
    exec(compile(code, "postBuild", "exec"), {})  # noqa: S102  (the script's own line)
    assert calls == [("MobileNetV2", {"weights": "imagenet"}), ("decode", (1, 1000))]


def test_start_sets_one_cpu_threads_and_execs():
    lines = _code_lines(START)
    assert lines[-1] == 'exec "$@"'
    for var in ("TF_NUM_INTRAOP_THREADS", "TF_NUM_INTEROP_THREADS", "OMP_NUM_THREADS"):
        assert f"export {var}=1" in lines


def test_start_runs_the_given_command_with_the_variables():
    """Run it as Binder does: the command after start must see the exported variables."""
    clean = {"PATH": os.environ["PATH"]}
    result = subprocess.run(
        ["bash", str(START), "env"], capture_output=True, text=True, env=clean, check=True
    )
    seen = dict(line.split("=", 1) for line in result.stdout.splitlines() if "=" in line)
    assert seen["TF_NUM_INTRAOP_THREADS"] == "1"
    assert seen["TF_NUM_INTEROP_THREADS"] == "1"
    assert seen["OMP_NUM_THREADS"] == "1"


@pytest.mark.parametrize(
    ("prefix", "expected"), [("/user/ada/", "/user/ada/proxy/%PORT%/"), (None, "/proxy/%PORT%/")]
)
def test_start_points_tensorboards_magic_through_the_servers_proxy(prefix, expected):
    """On Binder and JupyterHub the server lives under JUPYTERHUB_SERVICE_PREFIX; %tensorboard
    must embed <prefix>proxy/<port>/ (jupyter-server-proxy), not the image's localhost."""
    env = {"PATH": os.environ["PATH"]}
    if prefix:
        env["JUPYTERHUB_SERVICE_PREFIX"] = prefix
    result = subprocess.run(["bash", str(START), "env"], capture_output=True, text=True, env=env)
    seen = dict(line.split("=", 1) for line in result.stdout.splitlines() if "=" in line)
    assert seen["TENSORBOARD_PROXY_URL"] == expected


def test_constraints_pin_every_dependency_binder_and_the_tests_install():
    """constraints.txt (python3 dev.py lock) pins each runtime, test and hub dependency
    with ==, for the platform Binder and CI run on."""
    pins = {}
    for line in (ROOT / "constraints.txt").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            pins[canonicalize_name(name)] = version
    project = _project()
    wanted = [*project["dependencies"], *project["optional-dependencies"]["hub"]]
    wanted += [r for r in project["optional-dependencies"]["test"] if "dl-course" not in r]
    for requirement in map(Requirement, wanted):
        if requirement.marker and not requirement.marker.evaluate(
            {
                **BINDER_PLATFORM,
                "python_version": "3.11",
                "python_full_version": "3.11.0",
                "platform_release": "",
                "platform_version": "",
                "extra": "",
            }
        ):
            continue
        name = canonicalize_name(requirement.name)
        assert name in pins, f"{name} is not pinned in constraints.txt"
        assert requirement.specifier.contains(pins[name]), f"{name}=={pins[name]} vs {requirement}"


def test_start_puts_the_binder_config_and_the_repository_first():
    env = {"PATH": os.environ["PATH"], "PYTHONPATH": "/elsewhere"}
    result = subprocess.run(["bash", str(START), "env"], capture_output=True, text=True, env=env)
    seen = dict(line.split("=", 1) for line in result.stdout.splitlines() if "=" in line)
    assert seen["JUPYTER_CONFIG_PATH"].split(":")[:2] == [
        str(ROOT / "deploy" / "binder_config"),
        str(ROOT / "deploy" / "jupyter_config"),
    ]
    assert seen["PYTHONPATH"] == f"{ROOT}:/elsewhere"
    assert seen["JUPYTER_PATH"] == str(ROOT / "deploy" / "jupyter_data")


@contextlib.contextmanager
def _binder_server(tmp_path, *options: str):
    """``binder/start jupyter server``, as repo2docker runs it; yields (base URL, log)."""
    port, token = free_port(), "binder-test"
    jupyter = Path(sys.executable).parent / "jupyter"
    log = tmp_path / "server.log"
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path), "JUPYTER_RUNTIME_DIR": str(tmp_path)}
    command = ["bash", str(START), str(jupyter), "server", "--no-browser", f"--port={port}"]
    command += [f"--IdentityProvider.token={token}", f"--ServerApp.root_dir={ROOT}"]
    command += ["--allow-root", *options]  # CI runs as root; Binder does not
    with open(log, "w") as out:
        server = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        deadline = time.monotonic() + 60
        while "is running at" not in log.read_text():
            assert server.poll() is None and time.monotonic() < deadline, log.read_text()
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}", token, log
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_a_server_started_as_binder_starts_it_culls_and_guards_memory(tmp_path):
    """Binder itself cannot be reached from here: the server uses deploy/kernel_memory.py's
    manager, keeps 0.25 GB free and culls kernels idle 20 minutes; a kernel starts and
    stops through its REST API."""
    with _binder_server(tmp_path) as (base, token, log):
        kernels = f"{base}/api/kernels?token={token}"
        request = urllib.request.Request(kernels, data=b"{}", method="POST")
        kernel = json.load(urllib.request.urlopen(request, timeout=60))
        delete = kernels.replace("?", f"/{kernel['id']}?")
        urllib.request.urlopen(urllib.request.Request(delete, method="DELETE"), timeout=60)
        text = log.read_text()
    assert "Keeping 0.25 GB of memory free" in text, text
    assert "Culling kernels with idle durations > 1200 seconds" in text, text


def test_a_binder_lesson_with_no_memory_left_says_so_in_its_language(tmp_path):
    """Voilà's page under Binder's server shows the guard's message (deploy/jupyter_data),
    not only "503: Out of memory"."""
    options = ["--MemoryGuardedKernelManager.reserve_gb=100000"]
    options += ["--MemoryGuardedKernelManager.start_wait_seconds=0.2"]
    with _binder_server(tmp_path, *options) as (base, token, _):
        url = f"{base}/voila/render/lessons/pl/02_mcculloch_pitts.ipynb?token={token}"
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(url, timeout=60)
        page = refused.value.read().decode()
    assert refused.value.code == 503
    assert "Serwerowi zabrakło pamięci na kolejną lekcję" in page, page
