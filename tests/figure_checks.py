"""Checks on what a figure shows, shared by the headless dashboard tests."""

from __future__ import annotations

import numpy as np

from widgets.figures.feature_maps import panel_pixels
from widgets.figures.png import scale_rgb


def assert_shows(figure, col: int, values, colorscale: str, low: float, high: float) -> None:
    """Subplot ``col`` of ``figure`` shows ``values`` in ``colorscale`` from low to high.

    One colour step of slack: the dashboard computes in float32, the reference in float64.
    """
    shown = panel_pixels(figure, col).astype(int)
    want = scale_rgb(np.asarray(values, dtype=float), colorscale, low, high).astype(int)
    assert shown.shape == want.shape
    assert np.abs(shown - want).max() <= 4
