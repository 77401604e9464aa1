#!/usr/bin/env python3
"""The project's two commands, for a fresh machine with only Python 3.11+:

    python3 dev.py serve   # install what it needs, serve every lesson on http://localhost:8866
    python3 dev.py test    # install what it needs, run the whole test suite

    python3 dev.py serve --class [--students N] [--help]   # serve a classroom (README)
    python3 dev.py hub [--public] [--help]   # JupyterHub for a class (deploy/jupyterhub/)
    python3 dev.py lab     # JupyterLab on the lessons, to edit and run them
    python3 dev.py lock    # pin the tested versions into constraints.txt

Both create ``.venv`` beside this file on first use and reinstall only when
``pyproject.toml`` changes. Extra arguments after ``test`` go to pytest.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PYTHON = BIN / ("python.exe" if os.name == "nt" else "python")
SHARED_MNIST = ROOT.parent / "shared" / "data" / "mnist"
SHARED_TEXT = ROOT.parent / "shared" / "data" / "text"  # Pan Tadeusz, tiny Shakespeare
SHARED_DEPLOY = ROOT.parent / "shared" / "deploy"  # the JupyterHub chart's values schema
JUPYTER_CONFIG = ROOT / "deploy" / "jupyter_config"  # JupyterLab's page config for students
PORT = 8866
CONSTRAINTS = ROOT / "constraints.txt"


def ensure_environment(extras: str) -> None:
    """Create the venv and install the package (with ``extras``) unless already current."""
    if sys.version_info < (3, 11):  # noqa: UP036  (this script must explain, not crash)
        sys.exit(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]}.")
    if not PYTHON.exists():
        print(f"Creating {VENV} ...", flush=True)
        venv.create(VENV, with_pip=True)
    spec = f".[{extras}]" if extras else "."
    # constraints.txt pins every package to the versions the tests last passed with
    # (python3 dev.py lock writes it), so next term's install is this term's.
    pins = ["-c", CONSTRAINTS] if CONSTRAINTS.exists() else []
    locked = CONSTRAINTS.read_bytes() if pins else b""
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes() + spec.encode() + locked)
    digest = digest.hexdigest()
    stamp = VENV / f".installed-{extras or 'base'}"
    if stamp.exists() and stamp.read_text() == digest:
        return
    print(f"Installing {spec} into {VENV} (first time: a few minutes) ...", flush=True)
    run([PYTHON, "-m", "pip", "install", "--quiet", "--upgrade", "pip"])
    run([PYTHON, "-m", "pip", "install", "--quiet", "-e", spec, *pins])
    stamp.write_text(digest)


def run(command: list, env: dict | None = None) -> None:
    """Run a command in the project folder; stop with its exit code if it fails."""
    code = subprocess.call([str(part) for part in command], cwd=ROOT, env=env)
    if code:
        sys.exit(code)


def lesson_env() -> dict:
    """Environment for kernels: quiet TensorFlow, local MNIST and texts when ../shared has them."""
    # MALLOC_ARENA_MAX=2: fewer glibc heap arenas for TensorFlow's threads, ~50 MB less
    # per kernel (see README, Performance).
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="2", MALLOC_ARENA_MAX="2")
    # JupyterLab without its "official Jupyter news?" question and update check: a
    # student's first screen is the lesson (deploy/jupyter_config/labconfig).
    env["JUPYTER_CONFIG_PATH"] = os.pathsep.join(
        filter(None, [str(JUPYTER_CONFIG), env.get("JUPYTER_CONFIG_PATH")])
    )
    if "DL_COURSE_MNIST_DIR" not in env and SHARED_MNIST.is_dir():
        env["DL_COURSE_MNIST_DIR"] = str(SHARED_MNIST)
    if "DL_COURSE_TEXT_DIR" not in env and SHARED_TEXT.is_dir():
        env["DL_COURSE_TEXT_DIR"] = str(SHARED_TEXT)
    if "DL_COURSE_DEPLOY_DIR" not in env and SHARED_DEPLOY.is_dir():
        env["DL_COURSE_DEPLOY_DIR"] = str(SHARED_DEPLOY)
    return env


def serve(options: list[str]) -> None:
    """Serve ``lessons/`` with Voilà (settings in voila.json); ``--class``: to a classroom."""
    ensure_environment("")
    if options[:1] == ["--class"]:  # deploy/class_server.py: all interfaces, token, culling
        run([PYTHON, ROOT / "deploy" / "class_server.py", *options[1:]], env=lesson_env())
        return
    print(
        f"Lessons: http://localhost:{PORT}/voila/render/pl/00_index.ipynb "
        f"(English: .../en/00_index.ipynb). Stop with Ctrl+C.",
        flush=True,
    )
    run([BIN / "voila", "lessons/", f"--port={PORT}", "--no-browser"], env=lesson_env())


def lab(options: list[str]) -> None:
    """JupyterLab on lessons/ (the lab extra), for editing and running the notebooks."""
    ensure_environment("lab")
    print("JupyterLab: open the address it prints; lessons/pl and lessons/en.", flush=True)
    run([BIN / "jupyter", "lab", "--notebook-dir=lessons", *options], env=lesson_env())


def hub(options: list[str]) -> None:
    """JupyterHub for a class: install the ``hub`` extra and the npm proxy, start the hub."""
    ensure_environment("hub")
    run([PYTHON, ROOT / "deploy" / "jupyterhub" / "hub.py", *options], env=lesson_env())


def lock() -> None:
    """Write constraints.txt: the versions of everything the test environment holds."""
    ensure_environment("test")
    frozen = subprocess.run(
        [PYTHON, "-m", "pip", "freeze", "--exclude-editable"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    header = (
        "# The versions the whole test suite passed with (python3 dev.py lock wrote this).\n"
        "# dev.py, Binder's postBuild and CI install with `-c constraints.txt`; after an\n"
        "# upgrade, run the tests, then `python3 dev.py lock` again and commit the file.\n"
    )
    CONSTRAINTS.write_text(header + frozen)
    print(f"Wrote {CONSTRAINTS} ({len(frozen.splitlines())} packages).")


def test(pytest_args: list[str]) -> None:
    """Lint, then run unit, widget, notebook (nbval) and browser tests."""
    ensure_environment("test")
    # The hub's browser test needs configurable-http-proxy from npm; it skips without it.
    subprocess.call([PYTHON, ROOT / "deploy" / "jupyterhub" / "hub.py", "--install-only"])
    run(
        [
            BIN / "ruff",
            "check",
            "widgets",
            "tests",
            "benchmarks",
            "scripts",
            "deploy",
            "dev.py",
            "conftest.py",
        ]
    )
    run(
        [
            PYTHON,
            "-m",
            "pytest",
            "tests",
            "lessons",
            "--nbval-lax",
            "--nbval-current-env",
            # Two workers: the browser tests run one after another on one of them, the
            # rest file by file on both (the scheduler is in conftest.py).
            "-n",
            "2",
            # The slowest tests in every run's log: what to look at when the suite grows.
            "--durations=30",
            *pytest_args,
        ],
        env=lesson_env(),
    )


def main() -> None:
    command, *rest = sys.argv[1:] or ["help"]
    if command == "serve":
        serve(rest)
    elif command == "test":
        test(rest)
    elif command == "hub":
        hub(rest)
    elif command == "lab":
        lab(rest)
    elif command == "lock":
        lock()
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
