"""Lesson 10 dashboard, part 2: a CNN that trains in front of the student, against the MLP.

The student chooses the filter counts and kernel sizes of a small CNN
(:mod:`widgets.models.cnn`, default the keras-io ``mnist_convnet``) and trains it on MNIST
in the background (:class:`widgets.training.BackgroundFit` with batch progress), with a
progress bar, live loss/accuracy curves and Stop. A few times a second while it trains,
the first layer's filters and the feature maps of every layer for the chosen digit are
redrawn, with the softmax bars; clicking a feature map (or choosing it in the two lists)
shows how it is computed from the layer before: the input maps, the kernels, each term
and their sum. Optionally the lecture's MLP then trains on the same data for the same
epochs, and a table puts the parameter counts and test accuracies side by side.

A student's change of a filter count or a kernel size answers at once with the new
parameter counts (from the formulas, :func:`widgets.models.cnn.count_params`); the Keras
network and its views follow from a background worker, newest architecture first
(:class:`widgets.builds.NewestBuilds`: a build and its first views took 0.15–0.6
s here, and the kernel menu answered in 14.6× the bare reference's time while they came
first). Untrained networks are kept per architecture, so a menu switched back answers at
once; a network that has trained is never handed out again.

``dashboard.model`` is the Keras CNN, ``dashboard.mlp`` the MLP.
"""

from __future__ import annotations

import functools
import threading
import time
from dataclasses import dataclass
from html import escape

import ipywidgets
import numpy as np

from ..builds import NewestBuilds
from ..controls import button, checkbox, column, dropdown, html, number_box, row, slider
from ..data import MnistUnavailableError, load_mnist, one_hot
from ..digits import DigitSource
from ..errors import StudentError, whole_number
from ..figures.curves import probability_figure, update_traces
from ..figures.feature_maps import MAX_TILES, draw_rasters, tile_at, tile_numbers
from ..figures.finite import finite, finite_or_none
from ..i18n import number
from ..models import cnn as cnn_model
from ..training import BackgroundFit, FitJob, Painter, Progress, batches
from ..ui import Setting, TrainingDashboard, reacts, shows_errors
from .code import keras_code
from .figures import (
    LAYERS,
    MOSAIC_COLS,
    comparison_html,
    curves_figure,
    draw_curves,
    draw_softmax,
    explain_figure,
    explanation_rasters,
    filter_raster,
    filters_figure,
    layer_rasters,
    layers_figure,
)
from .texts import TEXT

FILTERS1 = (4, 8, 16, 32)
FILTERS2 = (8, 16, 32, 64)
KERNEL_SIZES = (3, 5, 7)
EPOCHS = (1, 10)
IMAGE_COUNTS = (2000, 8000)
BATCH = 128
# Views refresh at most this often while training (≥ 2 a second asked). A refresh costs
# the training little since the maps are PNG images (about 18 ms of Python in the
# painter's thread, 2 ms of the page's time); as heatmaps, 0.3 s had held training at 0.65x.
REFRESH_S = 0.3
EXPLAIN_EVERY = 4  # while training, the explanation is redrawn every 4th view refresh
# ... and the curves and softmax bars every 2nd (layout shapes while training: see
# figures.draw_curves).
CURVES_EVERY = 2
PAINTER_POLL_S = 0.1  # how often the painter looks whether it should stop
CACHED_BUILDS = 6  # untrained networks kept: a menu switched back finds its network built


@dataclass(eq=False)
class Build:
    """A network asked for: ((filters), (kernels), trainings so far) as ``key`` (a network
    that has trained is never handed out again: the count of trainings is in the key)."""

    key: tuple


def _no_history() -> dict[str, list]:
    return {"x": [], "loss": [], "accuracy": [], "val_x": [], "val_accuracy": []}


class CnnDashboard(TrainingDashboard):
    """See the module docstring."""

    def __init__(self, lang: str = "pl"):
        super().__init__(lang)
        self._t = TEXT.for_language(lang)
        self.mlp = None
        self.views = None  # the Keras model image → every layer's maps and the softmax
        self.acts: dict[str, np.ndarray] = {}
        self.history = _no_history()
        self.results: dict[str, dict] = {}
        self.refresh_times: list[float] = []  # when the live views were redrawn (benchmark)
        # Where the loss stopped being a number: (model name, epoch, batch, loss), or None.
        self.diverged: tuple | None = None
        self._trainings = 0  # networks handed to a training so far (part of a build's key)
        self._params = cnn_model.count_params()  # the chosen CNN's (set by rebuild)
        self._builds = NewestBuilds(
            self._built, self._show_built, self.show_error, self._lock, CACHED_BUILDS, "cnn"
        )
        self._build_training()
        self._build_controls()
        self._explain_next_training_controls()
        self._build_figures()
        self._lay_out()
        self._wire()
        self._load_data()
        self._start_model_loading()

    # Construction -------------------------------------------------------------------------
    def _build_training(self) -> None:
        self._trainer = BackgroundFit(
            on_progress=self._on_progress,
            min_interval=REFRESH_S,
            batch_progress=True,
            freeze_gc=True,
        )
        self._painter: Painter | None = None  # draws the views while a training runs
        self._run_id = 0  # the training whose views and end are drawn (see train)
        self._live_frames = 0  # views drawn during the running training
        self._view_lock = threading.Lock()  # the painter and the main thread both draw
        self._epochs_asked = EPOCHS[0]  # the x axis of the live curves (set by train)
        self._fit_times: dict[str, list] = {}
        self._nan_shown = False  # the banner says the network's outputs are not numbers
        self._data = None
        self._data_error: MnistUnavailableError | None = None  # why there is no data
        self._keras = None

    def _build_controls(self) -> None:
        t = self._t
        sizes = [(f"{k}×{k}", k) for k in KERNEL_SIZES]
        self._filters1 = dropdown(t("filters1"), FILTERS1, 32)
        self._filters2 = dropdown(t("filters2"), FILTERS2, 64)
        self._kernel1, self._kernel2 = (dropdown(t(f"kernel{i}"), sizes, 3) for i in (1, 2))
        self._epochs = slider(t("epochs"), 3, *EPOCHS, 1, integer=True)
        self._images = dropdown(t("images"), [])
        self._with_mlp = checkbox(t("compare"), True)
        self._train = button(t("train"), icon="play", kind="success")
        self._stop = button(t("stop"), icon="stop", kind="danger")
        self._stop.disabled = True
        self._progress = ipywidgets.FloatProgress(0, min=0, max=1, layout={"width": "330px"})
        self.digits = DigitSource(self.lang)
        self._layer = dropdown(t("layer"), list(LAYERS), "conv2", width=None)
        self._map = number_box(t("map"), 0, 0, 63, integer=True, width="180px")
        for name in ("filters1", "filters2", "epochs", "images", "with_mlp", "layer", "train"):
            getattr(self, f"_{name}").add_class(f"dl-{name.replace('_', '-')}")
        self._stop.add_class("dl-stop")
        self._architecture = [self._filters1, self._filters2, self._kernel1, self._kernel2]
        self._model_controls = [self._train, *self._architecture, self._layer, self._map]

    def _next_training_controls(self) -> list:
        return [self._epochs, self._images, self._with_mlp]

    def _build_figures(self) -> None:
        t = self._t
        self._status = html("", "dl-status")
        names = [t("loss"), t("acc"), t("val_acc")]
        self.curves = curves_figure(names, t("cost_axis"), t("epoch_axis"), t("acc_axis"))
        self.filters = filters_figure(t("fig_filters"))
        self.layers = layers_figure([t("fig_input"), *LAYERS], t("fig_map_hover"))
        self.probabilities = probability_figure(t("probabilities"))
        self.probabilities.update_layout(width=380, height=260)
        self.explain = explain_figure(
            [t(k) for k in ("ex_inputs", "ex_kernels", "ex_terms", "ex_output")]
        )
        self._explain_text = html("", "dl-explain")
        self._table = html("", "dl-compare")
        # What the figures show now, so that a refresh sends only what changed.
        self._layer_titles: list[str] = []
        self._drawn_input: np.ndarray | None = None
        self._tile_layout: list[tuple[int, int]] = []  # (maps shown, size) per mosaic

    def _lay_out(self) -> None:
        t = self._t
        helper = html(t("controls_help"), "dl-note")
        helper.layout.max_width = "330px"
        controls = column(
            [
                self._filters1,
                self._kernel1,
                self._filters2,
                self._kernel2,
                self._epochs,
                self._images,
                self._with_mlp,
                helper,
                ipywidgets.HBox([self._train, self._stop]),
                self._progress,
            ],
            width="350px",
        )
        self._page(
            t("title"),
            t("intro"),
            row([controls, ipywidgets.VBox([self._status, self.curves])]),
            row([self.digits, self.filters, self.probabilities]),
            self.layers,
            ipywidgets.HBox([self._layer, self._map]),
            self._explain_text,
            self.explain,
            self._table,
        )
        self.add_class("dl-cnn")
        self.add_class("dl-sharp-images")  # the maps' pixels stay square (the stylesheet)

    def _wire(self) -> None:
        self._train.on_click(self._on_train_click)
        self._stop.on_click(self._on_stop_click)
        for control in self._architecture:
            control.observe(self._on_architecture_change, names="value")
        for control in (self._layer, self._map):
            control.observe(self._on_selection_change, names="value")
        for trace in self.layers.data[1:]:
            trace.on_click(self._on_map_click)
        self.digits.observe_image(self._on_image_change)

    # Public API ---------------------------------------------------------------------------
    @property
    def architecture(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """(filter counts, kernel sizes) chosen in the controls."""
        return (self._filters1.value, self._filters2.value), (
            self._kernel1.value,
            self._kernel2.value,
        )

    @shows_errors
    def rebuild(self, background: bool = False) -> None:
        """A new untrained CNN with the chosen architecture, views redrawn: the parameter
        counts at once, then the network's views, built here or (``background``: a
        student's press) on the builds' worker, unless one is kept from before."""
        self._refuse_while_training()
        filters, kernels = self.architecture
        self.results = {}
        broken = self.diverged is not None or self._nan_shown
        if broken:  # fresh weights: numbers again
            self.diverged, self._nan_shown = None, False
            self.clear_error()
        self.history = _no_history()
        self._params = cnn_model.count_params(filters, kernels)
        self._status.value = f"<div>{self._t('untrained', params=self._params)}</div>"
        self._draw_table()
        self._draw_curves()
        self._map.max = max(filters) - 1
        wanted = self._builds.wanted = Build((filters, kernels, self._trainings))
        if broken:  # the kept network may be the broken one (weights set from a notebook)
            self._builds.forget(wanted)
        built = self._builds.cached(wanted)
        if built is None and background:
            self._builds.request()  # a training waits for it (train → rebuild)
            return
        self._show_built(wanted, built or self._builds.computed(wanted))

    def wait_built(self, timeout: float = 60.0) -> CnnDashboard:
        """Block until the network of the architecture in force is built and drawn."""
        self._builds.wait(timeout)
        return self

    @shows_errors
    def train(self, background: bool = True) -> None:
        """Train the CNN (then the MLP, if chosen) from fresh weights, in the background."""
        if self.model is None:
            return
        self._refuse_while_training()
        if self._data is None:
            self._load_data()
            if self._data is None:
                return
        self.rebuild()
        self._trainings += 1  # this network trains: never handed out from the kept ones
        if self._with_mlp.value:
            self.mlp = cnn_model.build_mlp(seed=0)  # fresh weights for every training
        self.trained.clear()
        x, y, x_test, y_test = self._training_arrays()
        self._epochs_asked = int(self._epochs.value)
        jobs = self._fit_jobs(x, y, x_test, y_test)
        self._run_id += 1
        run_id = self._run_id
        self._train.disabled, self._stop.disabled = True, False
        self._progress.value = 0
        self._trainer.on_done = lambda trainer: self._on_done(run_id, trainer, x_test, y_test)
        self._start_painter(run_id)
        (self._trainer.start if background else self._trainer.run_here)(*jobs)

    def code(self) -> str:
        """Plain Keras code that builds and trains this CNN as ``model`` ("show the code")."""
        filters, kernels = self.architecture
        images = int(self._images.value or IMAGE_COUNTS[-1])
        return keras_code(filters, kernels, images, int(self._epochs.value), BATCH, self.lang)

    @shows_errors
    def select_map(self, layer: str, channel: int) -> None:
        """Show how map ``channel`` of ``layer`` is computed (what a click on a map does)."""
        if not (isinstance(layer, str) and layer in LAYERS):
            raise StudentError("cnn.bad_layer", value=layer, names=", ".join(LAYERS))
        filters = self.architecture[0][0 if layer.endswith("1") else 1]
        if not (whole_number(channel) and 0 <= channel < filters):
            value = number(channel, self.lang)
            raise StudentError("cnn.bad_map", layer=layer, high=filters - 1, value=value)
        with self._quietly():  # one explanation, not one per list
            self._layer.value = layer
            self._map.value = int(channel)
        self._draw_explanation()

    def refresh_views(
        self, explanation: bool = True, charts: bool = True, live: bool = False
    ) -> None:
        """Redraw filters and every layer's maps, and (if asked) the explanation and the
        charts (softmax bars, loss and accuracy curves; drawn as shapes when ``live``,
        that is while the network trains: see "live charts" in ``figures/curves.py``)."""
        with self._view_lock:
            self._refresh_views(explanation, charts, live)

    # Settings (configure) -----------------------------------------------------------------
    def _settings(self) -> dict[str, Setting]:
        """``configure(filters=(f1, f2), kernels=(k1, k2), epochs=…, images=…, compare=…)``;
        refused while the network trains; a new untrained network follows."""
        return {
            "filters": Setting(check=self._check_filters, apply=self._apply_filters),
            "kernels": Setting(check=self._check_kernels, apply=self._apply_kernels),
            "epochs": Setting(self._epochs, check=self._check_epochs),
            "images": Setting(self._images, check=self._check_images),
            "compare": Setting(self._with_mlp, check=self._check_compare),
        }

    def _after_configure(self, settings: dict) -> None:
        self.rebuild()

    def _busy_error(self) -> StudentError:
        return StudentError("cnn.busy")  # names this page's Stop button as it is labelled

    def _check_filters(self, filters) -> tuple[int, int]:
        filters, _ = cnn_model.check_architecture(filters, self.architecture[1])
        self._refuse_while_training()
        for layer, (value, offered) in enumerate(
            zip(filters, (FILTERS1, FILTERS2), strict=True), 1
        ):
            if value not in offered:
                names = ", ".join(map(str, offered))
                raise StudentError("cnn.bad_filters", layer=layer, names=names, value=value)
        return filters

    def _check_kernels(self, kernels) -> tuple[int, int]:
        _, kernels = cnn_model.check_architecture(self.architecture[0], kernels)
        self._refuse_while_training()
        for layer, value in enumerate(kernels, 1):
            if value not in KERNEL_SIZES:
                names = ", ".join(map(str, KERNEL_SIZES))
                raise StudentError("cnn.bad_kernel", layer=layer, names=names, value=value)
        return kernels

    def _check_epochs(self, epochs) -> int:
        self._refuse_while_training()
        if not (whole_number(epochs) and EPOCHS[0] <= epochs <= EPOCHS[1]):
            value = number(epochs, self.lang)
            raise StudentError("cnn.bad_epochs", low=EPOCHS[0], high=EPOCHS[1], value=value)
        return int(epochs)

    def _check_images(self, images) -> int:
        self._refuse_while_training()
        if self._data is None and self._data_error is not None:
            raise self._data_error  # no MNIST: that is what to fix first
        offered = [value for _, value in self._images.options]
        if not (whole_number(images) and images in offered):
            names, value = ", ".join(map(str, offered)), number(images, self.lang)
            raise StudentError("cnn.bad_images", names=names, value=value)
        return int(images)

    def _check_compare(self, compare) -> bool:
        self._refuse_while_training()
        if not isinstance(compare, bool | np.bool_):
            raise StudentError("cnn.bad_compare", value=compare)
        return bool(compare)

    def _apply_filters(self, filters: tuple[int, int]) -> None:
        self._filters1.value, self._filters2.value = filters

    def _apply_kernels(self, kernels: tuple[int, int]) -> None:
        self._kernel1.value, self._kernel2.value = kernels

    # Model and data -----------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        self._keras = keras
        self.mlp = cnn_model.build_mlp(seed=0)
        self.rebuild()

    @staticmethod
    def _built(wanted: Build) -> tuple:
        """The seeded untrained CNN of ``wanted`` and its views (the worker, or here)."""
        filters, kernels, _ = wanted.key
        model = cnn_model.build_cnn(filters, kernels, seed=0)
        return model, cnn_model.activation_model(model)

    def _show_built(self, wanted: Build, built: tuple) -> None:
        """``wanted``'s network is the dashboard's; its views drawn (under the lock)."""
        with self._view_lock:
            self.model, self.views = built
        self.refresh_views()

    def _load_data(self) -> None:
        try:
            self._data = load_mnist()
        except MnistUnavailableError as error:  # its sentence, in the page's language
            self._data_error = error
            self.show_error(error)
            return
        self._data_error = None
        n = len(self._data.x_train)
        options = [(number(c, self.lang, ","), c) for c in IMAGE_COUNTS if c < n]
        options.append((self._t("all", n=number(n, self.lang, ",")), n))
        self._images.options = options
        self._images.value = min(8000, n) if any(v == min(8000, n) for _, v in options) else n

    def _training_arrays(self):
        n, d, prepare = int(self._images.value), self._data, cnn_model.prepare_images
        return prepare(d.x_train[:n]), one_hot(d.y_train[:n]), prepare(d.x_test), one_hot(d.y_test)

    # Training -----------------------------------------------------------------------------
    def _fit_jobs(self, x, y, x_test, y_test) -> list[FitJob]:
        """The CNN's fit, then the MLP's if chosen, on the same batches. The batches are
        the ones Keras would cut from the arrays, without its per-epoch stall (see
        :func:`widgets.training.batches`)."""
        fit = {
            "epochs": self._epochs_asked,
            "validation_data": batches(x_test, y_test, BATCH),
            "shuffle": False,  # the pipeline shuffles; Keras would warn that it cannot
        }
        train_batches = batches(x, y, BATCH, shuffle=True)
        models = [("CNN", self.model)] + ([("MLP", self.mlp)] if self._with_mlp.value else [])
        self._fit_times = {}  # name -> [start, end] of its fit, for "s per epoch"
        return [
            FitJob(model, train_batches, None, {**fit, "callbacks": [self._timer(name)]}, name)
            for name, model in models
        ]

    def _timer(self, name: str):
        """A Keras callback that records when the fit of ``name`` begins and ends."""
        times = self._fit_times
        return self._keras.callbacks.LambdaCallback(
            on_train_begin=lambda logs: times.__setitem__(name, [time.perf_counter(), None]),
            on_train_end=lambda logs: times[name].__setitem__(1, time.perf_counter()),
        )

    def _start_painter(self, run_id: int) -> None:
        """Draw the views from a thread of their own whenever the training asks (see
        _on_progress). Drawing them took about 80 ms of Python when they were heatmaps
        (18 ms as PNG images); in the training thread it slowed training by a fifth, while
        beside it (TensorFlow releases the interpreter as it computes) it costs little."""
        self._live_frames = 0
        self._painter = Painter(
            functools.partial(self._draw_live, run_id),
            PAINTER_POLL_S,
            on_demand=True,
            on_error=self.show_error,
            name="cnn-views",
        ).start()

    def _draw_live(self, run_id: int) -> None:
        """One frame of the views while training run ``run_id`` goes on (painter thread)."""
        if run_id != self._run_id:
            return
        self._live_frames += 1
        if self.digits.image() is not None:
            # The explanation (4 more images) and the charts every few refreshes: the maps
            # are what the student watches while it trains.
            self.refresh_views(
                explanation=self._live_frames % EXPLAIN_EVERY == 0,
                charts=self._live_frames % CURVES_EVERY == 0,
                live=True,
            )

    def _on_progress(self, progress: Progress) -> None:
        # From the training thread, at most every REFRESH_S seconds (BackgroundFit throttles).
        self._record_epoch_ends(progress)
        if progress.done or not self._loss_is_a_number(progress):
            return
        self._progress.value = (progress.job + progress.fraction) / (1 + self._with_mlp.value)
        self._status.value = "<div>{}</div>".format(
            self._t(
                "training",
                name=progress.name,
                epoch=progress.epoch + 1 if progress.batch else progress.epoch,
                epochs=progress.epochs,
                batch=progress.batch,
                batches=progress.batches,
            )
        )
        if progress.job != 0:
            return
        self._record(progress)
        self._painter.request()  # drawn in the painter's thread: the fit goes on meanwhile

    def _loss_is_a_number(self, progress: Progress) -> bool:
        """False, and the training stopped, once the loss is NaN or infinite.

        The weights are then NaN too and every later batch only repeats it. The progress
        reports come at most every REFRESH_S: the training goes on at most that long.
        """
        loss = progress.logs.get("loss")
        if loss is None or finite(loss) is not None:
            return True
        if self.diverged is None:
            epoch = progress.epoch + 1 if progress.batch else progress.epoch
            self.diverged = (progress.name, epoch, progress.batch, f"{float(loss)}")
            self._trainer.stop()
        return False

    def _record_epoch_ends(self, progress: Progress) -> None:
        """The CNN's test accuracy after each of its epochs: every epoch's end reaches here,
        however the reports were throttled (``Progress.ended``), the last one in the final
        report."""
        h = self.history
        for end in progress.ended:
            accuracy = finite(end.logs.get("val_accuracy"))
            if end.job == 0 and accuracy is not None:
                h["val_x"].append(end.epoch)
                h["val_accuracy"].append(accuracy)

    def _record(self, progress: Progress) -> None:
        h, logs = self.history, progress.logs
        x = progress.epoch + (progress.batch / progress.batches if progress.batches else 0.0)
        if "loss" in logs:
            h["x"].append(round(x, 3))
            h["loss"].append(float(logs["loss"]))
            h["accuracy"].append(float(logs.get("accuracy", np.nan)))

    def _on_done(self, run_id: int, trainer: BackgroundFit, x_test, y_test) -> None:
        # From the training thread, once, whatever happened. The painter ends first, so
        # that no live frame comes after the final drawing.
        self._painter.stop()
        if run_id != self._run_id:
            return
        try:
            self._train.disabled, self._stop.disabled = False, True
            if trainer.error is not None:
                self.show_error(trainer.error)
                return
            self._collect_results(trainer, x_test, y_test)
            self._progress.value = 1
            self._draw_curves()
            self._draw_table()
            if self.digits.image() is not None:
                self.refresh_views()
            self._status.value = f"<div>{self._final_status(trainer)}</div>"
            if self.diverged is not None:
                name, epoch, batch, loss = self.diverged
                self.show_error(self._t("diverged", name=name, epoch=epoch, batch=batch, loss=loss))
        except Exception as error:  # noqa: BLE001  (a thread: show it, never lose it)
            self.show_error(error)
        finally:
            self.trained.set()

    def _final_status(self, trainer: BackgroundFit) -> str:
        """What the status line says once a training has ended."""
        cnn = self.results.get("CNN")
        if self.diverged is not None or trainer.stopped or cnn is None:
            return self._t("stopped")
        return self._t("trained", params=self.model.count_params(), acc=cnn["accuracy"])

    def _collect_results(self, trainer: BackgroundFit, x_test, y_test) -> None:
        for index, (name, model) in enumerate((("CNN", self.model), ("MLP", self.mlp))):
            if index >= len(trainer.histories) or name not in self._fit_times:
                break
            if self.diverged is not None and self.diverged[0] == name:
                break  # its weights are NaN: no accuracy to compare (and nothing ran after)
            history = trainer.histories[index].history
            epochs = max(len(history.get("loss", [])), 1)
            start, end = self._fit_times[name]
            accuracy = history.get("val_accuracy", [None])[-1]
            if accuracy is None:
                accuracy = model.evaluate(x_test, y_test, verbose=0)[1]
            if name == "CNN":
                self._close_curves(history, epochs)
            self.results[name] = {
                "accuracy": float(accuracy),
                "seconds": ((end or time.perf_counter()) - start) / epochs,
                "epochs": epochs,
            }

    def _close_curves(self, history: dict, epochs: int) -> None:
        """End the loss/accuracy curves at the last epoch's values (a throttled progress
        report may have skipped the last batches)."""
        h = self.history
        if "loss" in history and (not h["x"] or h["x"][-1] < epochs):
            h["x"].append(float(epochs))
            h["loss"].append(float(history["loss"][-1]))
            h["accuracy"].append(float(history.get("accuracy", [np.nan])[-1]))

    # Drawing ------------------------------------------------------------------------------
    def _refresh_views(self, explanation: bool, charts: bool, live: bool) -> None:
        image = self.digits.image()
        if image is None:
            self.show_error(self.digits.blank_message)
            return
        self.acts = cnn_model.activations(self.views, image)
        if not np.isfinite(self.acts["softmax"]).all() and self.diverged is None:
            self._nan_shown = True
            self.show_error(self._t("not_numbers"))
        draw_rasters(self.filters, [filter_raster(cnn_model.first_layer_filters(self.model))])
        self._draw_layers(image)
        if charts:
            draw_softmax(self.probabilities, self.acts["softmax"], self.lang, live)
            self._draw_curves(live)
        if explanation:
            self._draw_explanation()
        self.refresh_times.append(time.perf_counter())

    def _draw_curves(self, live: bool = False) -> None:
        """Loss and accuracy so far (see :func:`.figures.draw_curves`)."""
        draw_curves(self.curves, self.history, self._epochs_asked, live)

    def _draw_layers(self, image) -> None:
        # The input does not change while the network trains: send it only when it does.
        same = self._drawn_input is not None and np.array_equal(self._drawn_input, image)
        self._drawn_input = image
        draw_rasters(self.layers, layer_rasters(self.acts, None if same else image))
        self._draw_tile_numbers()
        titles = [self._t("fig_input")] + [
            self._t(
                "fig_layer",
                name=name,
                shown=min(MAX_TILES, len(self.acts[name])),
                count=len(self.acts[name]),
            )
            for name in LAYERS
        ]
        if titles != self._layer_titles:  # only after an architecture change: plotly's
            self._layer_titles = titles  # "annotations[i].text" paths are slow to parse
            for annotation, title in zip(self.layers.layout.annotations, titles, strict=True):
                annotation.text = title

    def _draw_tile_numbers(self) -> None:
        """The click layers' tile numbers, sent only when a mosaic's layout changed."""
        layout = [(min(MAX_TILES, len(self.acts[n])), self.acts[n].shape[-1]) for n in LAYERS]
        if layout == self._tile_layout:
            return
        self._tile_layout = layout
        # NaN on the gaps, sent as None: JSON has no NaN (issue 13)
        numbers = [tile_numbers(n, size, min(MOSAIC_COLS, n)) for n, size in layout]
        update_traces(self.layers, [{"z": finite_or_none(z)} for z in numbers])

    def _draw_explanation(self) -> None:
        layer, channel = self._layer.value, int(self._map.value)
        if not self.acts or channel >= len(self.acts[layer]):
            self._explain_text.value = ""
            return
        ex = cnn_model.explain_map(self.model, self.acts, self.digits.image(), layer, channel)
        if layer.startswith("pool"):
            source = layer.replace("pool", "conv")
            text = self._t("explain_pool", channel=channel, layer=layer, source=source)
        else:
            m, bias, shown = len(ex.inputs), ex.bias, min(MAX_TILES, len(ex.inputs))
            text = self._t(
                "explain_conv", channel=channel, layer=layer, m=m, bias=bias, shown=shown
            )
        self._explain_text.value = f"<div class='dl-text'>{escape(text)}</div>"
        draw_rasters(self.explain, explanation_rasters(ex))

    def _draw_table(self) -> None:
        t, lang, rows = self._t, self.lang, []
        for name, params in (("CNN", self._params), ("MLP", self.mlp.count_params())):
            result = self.results.get(name)
            accuracy = finite(result["accuracy"]) if result else None
            acc = number(accuracy, lang, ".1%") if accuracy is not None else t("not_trained")
            seconds = number(result["seconds"], lang, ".2f") if result else t("not_trained")
            rows.append((name, number(params, lang, ","), acc, seconds))
        self._table.value = comparison_html(rows, t)

    # Events -------------------------------------------------------------------------------
    @reacts
    def _on_train_click(self, button) -> None:
        self.train()

    @reacts
    def _on_architecture_change(self, change) -> None:
        self.rebuild(background=True)

    @reacts
    def _on_selection_change(self, change) -> None:
        self._draw_explanation()

    @reacts
    def _on_image_change(self) -> None:
        self.clear_error()
        if self.model is not None and not self._trainer.running:
            self.refresh_views()

    @reacts
    def _on_map_click(self, trace, points, selector) -> None:
        if not points.point_inds:
            return
        layer = LAYERS[self.layers.data.index(trace)]
        size = self.acts[layer].shape[-1]
        count = min(MAX_TILES, len(self.acts[layer]))
        index = tile_at(points.xs[0], points.ys[0], size, min(MOSAIC_COLS, count), count)
        if index is not None:
            self.select_map(layer, index)
