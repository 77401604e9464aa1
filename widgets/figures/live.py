"""Updating a plotly FigureWidget so that every view, early or late, shows the same data.

plotly sends an in-place update (``batch_update``) as a one-off message and records the
figure's full state (``_widget_data``/``_widget_layout``) only when the figure is displayed.
A Voilà page that connects after an update (the background model build, a pre-heated
kernel) would therefore draw the stale display-time state: seen here as an empty plane.
:func:`updating` also stores the current state in the widget's trait values, without
sending it, so a late view gets the truth and a live view gets the small update.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from copy import deepcopy

import plotly.graph_objects as go


def remember_state(figure: go.FigureWidget) -> None:
    """Make the widget's stored state match the figure, without a message to the browser."""
    figure._trait_values["_widget_data"] = deepcopy(figure._data)
    figure._trait_values["_widget_layout"] = deepcopy(figure._layout_obj._props)


@contextlib.contextmanager
def updating(figure: go.FigureWidget) -> Iterator[go.FigureWidget]:
    """``with updating(fig): ...`` batches the changes into one message and remembers them."""
    with figure.batch_update():
        yield figure
    remember_state(figure)
