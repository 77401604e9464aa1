"""Drawing the playground: the output image, the network, the curves and the numbers.

A mixin of :class:`~widgets.playground.dashboard.PlaygroundDashboard`, kept apart so that
:mod:`.controls` holds the controls, :mod:`.dashboard` the events and the training, and
this module the figures: it builds them (``_build_figures``) and draws them. ``draw``
runs in any thread: the model is read under ``_model_lock``, the figures written under
``_draw_lock``. ``live=True`` (frames while training) leaves out what only matters to a
paused student (the weights' hover texts), so a frame is a few small messages.
"""

from __future__ import annotations

import time

import numpy as np

from ..controls import html
from ..figures.live import replace_layout_item, updating
from ..models.playground import accuracy, confusion_matrix
from .curves import confusion_html, loss_figure
from .features import feature_label
from .network_figure import (
    DOTS,
    FIRST_LINK,
    SELECTED,
    TILES,
    dots_data,
    dots_text,
    geometry,
    labels_layout,
    links_data,
    mosaic_layout,
    network_figure,
    selected_data,
    tile_markers,
)
from .neurons import (
    CLICKS,
    TEST,
    TRAIN,
    click_area,
    image_layout,
    output_figure,
    output_image,
    output_values,
    points_data,
    thumbnail,
)

BROWSER_TIMEOUT = 1.0  # a frame not acknowledged by then is followed by the next anyway
IN_FLIGHT = 3  # frames sent but not yet drawn by the page, at most
SLOW_EVERY = 6  # while training, slow-changing parts are redrawn every sixth frame


class PlaygroundView:
    """The figures' side of the playground dashboard (see the module docstring)."""

    output_values: np.ndarray | None = None  # the large heatmap's values (tests)
    _drawn_link = None
    _drawn_links: list | None = None  # the link traces' data last sent to the page

    def _build_figures(self) -> None:
        """The figures and the outputs for numbers and messages (drawn once Keras is in)."""
        t = self._t
        self.output_figure = output_figure(t("output_title"))
        self.network_figure = network_figure()
        self.loss_figure = loss_figure(
            [t("loss_train"), t("loss_test")], t("epoch_axis"), t("loss_axis")
        )
        self._epoch_label = html("", "dl-epoch", "dl-big")
        self._epoch_label.layout.margin = "2px 2px 2px 12px"
        self._numbers = html("", "dl-numbers", "dl-body")
        self._confusion = html()
        self._status = html("", "dl-status")
        self._weight_label = html()
        self._network_laid_out = None  # (sizes, features) the network figure shows

    def draw(self, live: bool = False) -> None:
        """Redraw the figures and numbers from the model."""
        if self.trainer is None:
            return
        with self._model_lock:
            result = self.trainer.evaluate()
            layers = self.trainer.layer_outputs(self._grid)
            kernels = [kernel for kernel, _ in self.trainer.weights()]
            spec = self.trainer.spec
        self.history.add(result["epoch"], result["train_loss"], result["test_loss"])
        # While training, the curve, the links and the numbers follow every SLOW_EVERY-th
        # frame only: they cost the page the most to redraw and change slowly, while the
        # two heatmaps (output and tiles) follow every frame.
        full = not live or self.frames % SLOW_EVERY == 0
        with self._draw_lock:
            # The numbers first: the page shows them at once, while it lays out the plots
            # (issue 24: new data answered in 2.7-3x the reference with the plots first).
            if full:
                self._draw_numbers(spec, result)
            else:
                self._draw_epoch(result["epoch"])
            self._draw_output(spec, layers)
            self._draw_network(spec, layers, kernels, live, links=full)
            if full:
                with updating(self.loss_figure) as figure:  # numpy data: no list comparison
                    for trace, values in zip(figure.data, self.history.trace_data(), strict=True):
                        trace.update(values)
            self.frames += 1

    def _frame(self) -> None:
        """One frame while training (the loop's painter thread)."""
        self._wait_for_browser()
        self.draw(live=True)

    def _wait_for_browser(self, timeout: float = BROWSER_TIMEOUT) -> None:
        """Wait while the page is more than ``IN_FLIGHT`` frames behind (flow control).

        plotly's view answers every update once it has drawn it. Without waiting, a
        browser slower than the frame rate queues frames without end, and a click on any
        control waits behind all of them (measured: over 20 s on a loaded 2-core
        machine). Waiting for each answer before the next frame capped the rate at one
        frame per round trip (0.15-0.5 s measured under load); a few frames in flight
        keep the page busy while the lag stays bounded. With no page showing the
        dashboard (tests, nbval) nobody answers, so there is nothing to wait for.
        """
        if not self._view_count:
            return
        deadline = time.monotonic() + timeout
        figures = (self.output_figure, self.network_figure)
        while time.monotonic() < deadline and any(
            f.updates_in_flight() >= IN_FLIGHT for f in figures
        ):
            time.sleep(0.005)

    # The large plot ---------------------------------------------------------------------
    def _focused_values(self, spec, layers) -> tuple[np.ndarray, str, str]:
        """(values, task for the colours, title) of what the large plot shows."""
        t, focus = self._t, self._focus
        if focus is None or focus[0] == len(layers):
            outputs = layers[-1] if spec.task == "multiclass" else layers[-1][:, 0]
            discrete = self._discretize.value and spec.task == "binary"
            return output_values(outputs, spec.task, discrete), spec.task, t("output_title")
        if focus[0] == 0:
            values = _scaled(self._grid[:, focus[1]])
            title = t("feature_title", name=feature_label(self.features[focus[1]]))
        else:
            values = _scaled(layers[focus[0] - 1][:, focus[1]])
            title = t("neuron_title", neuron=focus[1] + 1, layer=focus[0])
        return output_values(values, "binary", False), "binary", title

    def _draw_output(self, spec, layers) -> None:
        values, task, title = self._focused_values(spec, layers)
        self.output_values = values
        source = output_image(values, task)
        with updating(self.output_figure) as figure:
            replace_layout_item(figure, "images", 0, {"source": source})
            if figure.layout.title.text != title:
                figure.layout.title.text = title
            if not self._points_drawn:
                self._draw_points(figure)

    def _draw_points(self, figure) -> None:
        s, box = self.split, self._box
        figure.data[TRAIN].update(points_data(s.x_train, s.y_train, s.regression))
        figure.data[TEST].update(points_data(s.x_test, s.y_test, s.regression))
        figure.data[TEST].visible = bool(self._show_test.value)
        figure.data[CLICKS].update(click_area(box))
        place = {k: v for k, v in image_layout("", box).items() if k != "source"}
        replace_layout_item(figure, "images", 0, place)
        figure.layout.xaxis.range = figure.layout.yaxis.range = [-box, box]
        self._points_drawn = True

    def _draw_output_only(self) -> None:
        """The output image again and nothing else (the discretize box: the points, the
        network and the numbers do not change; a whole draw sent the points again, which
        plotly lays out anew)."""
        if self.trainer is None or not self._points_drawn:
            self.draw()
            return
        with self._model_lock:
            layers = self.trainer.layer_outputs(self._grid)
            spec = self.trainer.spec
        with self._draw_lock:
            self._draw_output(spec, layers)

    def _show_test_points(self) -> None:
        """Show or hide the test points, and nothing else: the rest is unchanged (a whole
        draw, with the network's outputs on the grid, was 3× the reference's latency)."""
        if not self._points_drawn:
            self.draw()  # the points are drawn with the rest
            return
        with self._draw_lock, updating(self.output_figure) as figure:
            figure.data[TEST].visible = bool(self._show_test.value)

    # The network ------------------------------------------------------------------------
    def _layout_network(self) -> None:
        """Links, dots and labels for a new architecture (once per rebuild)."""
        t = self._t
        sizes = [len(self.features), *self.layers, self.trainer.spec.n_outputs]
        if self._network_laid_out == (sizes, self.features):
            return  # the same network on new data, noise or seed: its drawing stays
        self._network_laid_out = (sizes, self.features)
        geo = self._geometry = geometry(sizes)
        titles = [t("column_input")]
        titles += [t("column_hidden", n=i + 1) for i in range(len(self.layers))]
        titles.append(t("column_output"))
        figure = self.network_figure
        with self._draw_lock:
            with updating(figure):
                figure.data[TILES].update(tile_markers(geo))
                figure.data[DOTS].update(dots_data(geo, None))
                figure.data[SELECTED].update(selected_data(geo, None))
                figure.layout.update(
                    labels_layout(geo, titles, [feature_label(f) for f in self.features])
                )
            self._drawn_link = None
            self._drawn_links = None

    def _draw_network(self, spec, layers, kernels, live: bool, links: bool = True) -> None:
        tiles = [[thumbnail(_scaled(self._grid[:, i])) for i in range(self._grid.shape[1])]]
        for values in layers:
            tiles.append([thumbnail(_scaled(values[:, j])) for j in range(values.shape[1])])
        with updating(self.network_figure) as figure:
            replace_layout_item(figure, "images", 0, mosaic_layout(self._geometry, tiles))
            if links:
                # Only the groups that changed: new data, noise or a new seed restart the
                # network from the same weights, and every group's new x and y made plotly
                # lay the whole figure out again (issue 24).
                link_data = links_data(self._geometry, kernels)
                drawn = self._drawn_links or [None] * len(link_data)
                traces = figure.data[FIRST_LINK:]
                for trace, values, old in zip(traces, link_data, drawn, strict=True):
                    if old is None or not _same_link(old, values):
                        trace.update(values)
                self._drawn_links = link_data
            if not live:
                figure.data[DOTS].text = dots_text(self._geometry, kernels)
            if self._link != self._drawn_link:
                figure.data[SELECTED].update(selected_data(self._geometry, self._link))
                self._drawn_link = self._link

    # Numbers ----------------------------------------------------------------------------
    def _draw_epoch(self, epoch: int) -> None:
        self._epoch_label.value = self._t("epoch", epoch=f"{epoch:,}".replace(",", " "))

    def _draw_numbers(self, spec, result) -> None:
        t = self._t
        self._draw_epoch(result["epoch"])
        text = t("numbers", train=_number(result["train_loss"]), test=_number(result["test_loss"]))
        if spec.task != "regression":
            s = self.split
            train = accuracy(spec, result["train_outputs"], s.y_train)
            test = accuracy(spec, result["test_outputs"], s.y_test)
            text += "<br>" + t("accuracy", train=_percent(train), test=_percent(test))
            on_test = len(s.y_test) > 0
            outputs = result["test_outputs" if on_test else "train_outputs"]
            matrix = confusion_matrix(spec, outputs, s.y_test if on_test else s.y_train)
            self._confusion.value = confusion_html(matrix, t("true_class"), t("predicted_class"))
        else:
            self._confusion.value = ""
        self._numbers.value = text


def _same_link(old: dict, new: dict) -> bool:
    """True when a link group's x and y are what the page shows already."""
    return all(np.array_equal(old[key], new[key], equal_nan=True) for key in ("x", "y"))


def _scaled(values: np.ndarray) -> np.ndarray:
    """Values divided by their largest magnitude when it exceeds 1 (ReLU, features)."""
    largest = float(np.max(np.abs(values))) if values.size else 1.0
    return values / largest if largest > 1 else values


def _number(value: float) -> str:
    return f"{value:.3f}" if np.isfinite(value) else "—"


def _percent(value: float) -> str:
    return f"{100 * value:.1f} %" if np.isfinite(value) else "—"
