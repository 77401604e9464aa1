"""TensorFlow's thread pool leaves the page a core (widgets.backend.page_friendly_threads)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from widgets import backend

REPO_ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def eight_cores(monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda _pid: set(range(8)), raising=False)


@pytest.mark.parametrize(
    ("cpu_max", "expected"),
    [("max 100000\n", 8), ("150000 100000\n", 1), ("400000 100000\n", 4), ("50000 100000", 1)],
)
def test_usable_cores_is_capped_by_the_cgroup_quota(tmp_path, eight_cores, cpu_max, expected):
    limits = tmp_path / "cpu.max"
    limits.write_text(cpu_max)
    assert backend.usable_cores(str(limits)) == expected


def test_usable_cores_without_a_cgroup_file_is_the_affinity(tmp_path, eight_cores):
    assert backend.usable_cores(str(tmp_path / "missing")) == 8


def test_one_core_is_left_to_the_page_but_never_zero_threads(monkeypatch):
    for cores, threads in ((1, 1), (2, 1), (8, 7)):
        monkeypatch.setattr(backend, "usable_cores", lambda cores=cores: cores)
        assert backend.page_friendly_threads() == threads


def _threads_after_import(env: dict[str, str], var: str = "TF_NUM_INTRAOP_THREADS") -> str:
    # A model module imports TensorFlow at its top: the package must have set the pool first.
    code = f"import os, widgets; print(os.environ[{var!r}])"
    clean = {"PATH": os.environ["PATH"], "PYTHONPATH": str(REPO_ROOT), **env}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=clean, check=True
    )
    return done.stdout.strip()


def test_importing_the_package_sets_the_pool_before_tensorflow():
    assert _threads_after_import({}) == str(backend.page_friendly_threads())


def test_a_pool_set_by_the_caller_wins():
    """Binder, the class server and the hub export 1 themselves."""
    assert _threads_after_import({"TF_NUM_INTRAOP_THREADS": "3"}) == "3"


def test_importing_the_package_gives_tensorflow_one_inter_op_thread():
    """GAN Lab playing in Voilà on 2 cores trained faster with 1 than TF's default of 2."""
    assert _threads_after_import({}, "TF_NUM_INTEROP_THREADS") == "1"


def test_an_inter_op_pool_set_by_the_caller_wins():
    assert _threads_after_import({"TF_NUM_INTEROP_THREADS": "2"}, "TF_NUM_INTEROP_THREADS") == "2"
