"""Shared pytest set-up: offline MNIST from ../shared when the variable is not set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_MNIST = ROOT.parent / "shared" / "data" / "mnist"

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
if not os.environ.get("DL_COURSE_MNIST_DIR") and SHARED_MNIST.is_dir():
    os.environ["DL_COURSE_MNIST_DIR"] = str(SHARED_MNIST)


# Issue 13: every widget message a test sends can be recorded and checked as strict JSON
# (see tests/message_checks.py).

from message_checks import recording_messages  # noqa: E402
from student_errors import URL_FAILURE  # noqa: E402


@pytest.fixture
def json_messages():
    """A :class:`message_checks.MessageRecorder` of the test's widget messages; call
    ``json_messages.assert_json()``."""
    with recording_messages() as recorder:
        yield recorder


@pytest.fixture
def no_mnist(tmp_path, monkeypatch):
    """No MNIST anywhere: no folder, empty home and Keras cache, a download that fails at
    once (with the message Keras gives offline). Returns ``tmp_path``."""
    from widgets.backend import load_keras
    from widgets.data import MNIST_DIR_ENV

    keras = load_keras(timeout=120)
    home = tmp_path / "home"
    (home / ".keras").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("KERAS_HOME", str(home / ".keras"))
    monkeypatch.delenv(MNIST_DIR_ENV, raising=False)

    def fail(*_args, **_kwargs):
        raise Exception(URL_FAILURE)

    monkeypatch.setattr(keras.datasets.mnist, "load_data", fail)
    return tmp_path
