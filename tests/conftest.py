"""Shared pytest set-up: offline MNIST from ../shared when the variable is not set."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED_MNIST = ROOT.parent / "shared" / "data" / "mnist"

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
if not os.environ.get("DL_COURSE_MNIST_DIR") and SHARED_MNIST.is_dir():
    os.environ["DL_COURSE_MNIST_DIR"] = str(SHARED_MNIST)
