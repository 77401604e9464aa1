"""Shared pytest set-up: offline MNIST from ../shared when the variable is not set."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_MNIST = ROOT.parent / "shared" / "data" / "mnist"

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
if not os.environ.get("DL_COURSE_MNIST_DIR") and SHARED_MNIST.is_dir():
    os.environ["DL_COURSE_MNIST_DIR"] = str(SHARED_MNIST)


# Issue 13: every widget message a test sends can be recorded and checked as strict JSON
# (see tests/message_checks.py).

import pytest  # noqa: E402
from message_checks import recording_messages  # noqa: E402


@pytest.fixture
def json_messages():
    """A :class:`message_checks.MessageRecorder` of the test's widget messages; call
    ``json_messages.assert_json()``."""
    with recording_messages() as recorder:
        yield recorder
