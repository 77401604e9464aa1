"""Lesson 12 dashboard: an autoencoder with a 2-D code, trained in front of the student.

The codes of 1000 test digits are scattered by class and move while the network trains
(:class:`widgets.training.BackgroundFit` reports at most every ``REFRESH_S`` seconds; a
:class:`widgets.training.Painter` thread encodes the digits and moves the dots, so the
drawing overlaps the training instead of taking turns with it). Walking the code plane
(hover anywhere, or the sliders z₁ and z₂) decodes the point with
:class:`widgets.models.autoencoder.NumpyDecoder`, a numpy copy of the decoder's weights
(microseconds, where a Keras call costs milliseconds); hover events are coalesced by a
painter of their own, so only the newest point is drawn. A decoded 15×15 grid of the plane
follows the epochs. A test digit (clicked in the plane or chosen by number) or a drawing
shows its code, its reconstruction and its reconstruction error, compared with the test
digits' errors as an anomaly score. The VAE switch rebuilds the model as a variational
autoencoder (training starts over).

``dashboard.model`` is the Keras ``Autoencoder``; ``dashboard.encoder`` and
``dashboard.decoder`` its two halves.
"""

from __future__ import annotations

import math
import threading
import time
from html import escape

import ipywidgets
import numpy as np

from ..controls import (
    accepts,
    boxed,
    button,
    checkbox,
    column,
    dropdown,
    html,
    log_slider,
    plain_text,
    row,
    slider,
    value_for,
)
from ..digits import DigitSource
from ..errors import StudentError
from ..figures.live import replace_layout_item, update_traces
from ..i18n import number
from ..models import autoencoder as ae  # Keras only inside its functions
from ..recent import Recent
from ..training import BackgroundFit, FitJob, Painter, Progress, batches
from ..ui import Setting, TrainingDashboard, ends_run, reacts, shows_errors
from .code import keras_code
from .figures import (
    CHOSEN,
    DRAWN,
    FIRST_DIGIT,
    HOVER,
    codes_figure,
    cross_shapes,
    digit_url,
    digits_data,
    grid_figure,
    grid_layout,
    hover_data,
    inspect_figure,
    inspect_sources,
    loss_data,
    loss_figure,
    plane_range,
    point_data,
    walk_figure,
)
from .texts import TEXT

HIDDEN = {  # the encoder's hidden layers (the decoder mirrors them)
    "256 → 64": (256, 64),
    "512 → 128": (512, 128),
    "128": (128,),
    "64": (64,),
    "256 → 128 → 64": (256, 128, 64),
}
IMAGES = (1000, 2000, 4000, 8000)
EPOCHS = (1, 50)
LR_EXPONENTS = (-4.0, 0.0)  # η from 0.0001 to 1
DEFAULTS = {"hidden": (256, 64), "learning_rate": 1e-3, "epochs": 10, "images": 8000}
REBUILDS = ("kind", "hidden", "variational", "learning_rate", "images")  # start over
SHOWN = 1000  # test digits in the plane (all N_TEST are scored for the anomaly share)
N_TEST = 2000
BATCH = 128
GRID = 15
REFRESH_S = 0.25  # the dots move at most this often while training (≥ 2 a second asked)
GRID_EVERY_S = 1.0  # the decoded grid: after an epoch, at most this often
HOVER_POLL_S = 0.05
ANOMALY_SHARE = 0.95  # a drawing with a higher error than this share is "unusual"
SEED = 0
KEPT_MODELS = 4  # untrained networks kept for menus switched back


class AutoencoderDashboard(TrainingDashboard):
    """See the module docstring. ``n_train``/``n_test`` size the data (tests use tiny
    ones); ``shown`` test digits are scattered in the plane."""

    def __init__(self, lang: str = "pl", n_test: int = N_TEST, shown: int = SHOWN):
        super().__init__(lang)
        self._t = TEXT.for_language(lang)
        self.encoder = self.decoder = None
        self.history: dict[str, list[float]] = {}
        self.codes: np.ndarray | None = None  # codes of the shown test digits
        self.errors: np.ndarray | None = None  # every test digit's reconstruction error
        self.walk_image: np.ndarray | None = None  # the decoded digit at (z₁, z₂)
        self.frame_times: list[float] = []  # when the dots moved (benchmark, tests)
        self.epoch_seconds: list[float] = []
        self.diverged = False
        self._sizes = (int(n_test), int(shown))
        self._data = None  # x_train, y_train, x_test, y_test (flat float32)
        self._train_batches = self._val_batches = None
        self._untouched = False  # the model has never trained (a rebuild would give it again)
        self._kept = Recent(KEPT_MODELS)  # (kind, hidden, VAE): untrained model, its scores
        self._numpy_decoder = None
        self._plane = ((-1.0, 1.0), (-1.0, 1.0))
        self._built_with: dict = {}  # the rebuild controls' values of the current model
        self._run_id = 0
        self._run_epochs = (0, 1)  # epochs done before this run, epochs asked
        self._last_progress: Progress | None = None
        self._grid_drawn_at = 0.0
        self._view_lock = threading.RLock()  # painters and the main thread all draw
        self._hover_point: tuple[float, float] | None = None
        self._trainer = BackgroundFit(min_interval=REFRESH_S, batch_progress=True, freeze_gc=True)
        self._painter: Painter | None = None
        self._hover = Painter(self._draw_hover, HOVER_POLL_S, on_demand=True, name="walk")
        self._hover.on_error = self.show_error
        self._build()

    # Construction -------------------------------------------------------------------------
    def _build_controls(self) -> None:
        t = self._t
        kinds = [(t("kind_dense"), "dense")]
        if "conv" in getattr(ae, "KINDS", ()):
            kinds.append((t("kind_conv"), "conv"))
        self._kind = dropdown(t("kind"), kinds, "dense")
        self._hidden = dropdown(t("hidden"), list(HIDDEN.items()), DEFAULTS["hidden"])
        self._variational = checkbox(t("variational"), False, width="auto")
        self._learning_rate = log_slider(
            t("learning_rate"),
            DEFAULTS["learning_rate"],
            *LR_EXPONENTS,
            step=0.25,
            readout_format=".2g",
            continuous_update=False,
        )
        self._epochs = slider(
            t("epochs"), DEFAULTS["epochs"], *EPOCHS, 1, integer=True, continuous_update=False
        )
        self._images = dropdown(t("images"), list(IMAGES), DEFAULTS["images"])
        self._train = button(t("train"), icon="play", kind="success")
        self._stop = button(t("stop"), icon="stop", kind="danger")
        self._stop.disabled = True
        self._progress = ipywidgets.FloatProgress(0, min=0, max=1, layout={"width": "330px"})
        self._z1 = self._z_slider("z₁")
        self._z2 = self._z_slider("z₂")
        self.digits = DigitSource(self.lang, load=False)
        for name in ("kind", "hidden", "variational", "learning_rate", "epochs", "images"):
            getattr(self, f"_{name}").add_class(f"dl-{name.replace('_', '-')}")
        for name in ("train", "stop", "z1", "z2"):
            getattr(self, f"_{name}").add_class(f"dl-{name}")
        self._model_controls = [self._train, *self._rebuild_controls().values()]
        self._model_controls += [self._z1, self._z2]

    @staticmethod
    def _z_slider(name: str) -> ipywidgets.FloatSlider:
        return slider(name, 0.0, -1.0, 1.0, 0.01, readout_format=".2f", width="300px")

    def _next_training_controls(self) -> list:
        return [self._epochs]

    def _build_figures(self) -> None:
        t = self._t
        self._status = html("", "dl-status")
        self._status.layout.max_width = "520px"
        names = [t(k) for k in ("loss_train", "loss_val", "loss_rec", "loss_kl")]
        self.loss_figure = loss_figure(names, t("loss_title"), t("epoch_axis"), t("loss_axis"))
        words = {"legend_title": t("legend_title"), "title": t("codes_title")}
        words |= {"chosen": t("chosen_marker"), "drawn": t("drawn_marker")}
        self.codes_figure = codes_figure(words | {"z1": "z₁", "z2": "z₂"})
        self.walk_figure = walk_figure(t("walk_title"))
        self.grid_figure = grid_figure(t("grid_title"), "z₁", "z₂")
        self.inspect_figure = inspect_figure(t("panel_input"), t("panel_output"))
        self._inspect_text = html("", "dl-text")
        self._inspect_text.layout.max_width = "380px"
        self._kind_note = html(t("plain_note"), "dl-text")
        self._kind_note.layout.max_width = "420px"

    def _lay_out(self) -> None:
        t = self._t
        controls = column(
            [
                html(t("controls_help"), "dl-note"),
                self._kind,
                self._hidden,
                self._variational,
                self._learning_rate,
                self._epochs,
                self._images,
                ipywidgets.HBox([self._train, self._stop]),
                self._progress,
            ]
        )
        walk = ipywidgets.VBox(
            [boxed(self.walk_figure, "walk"), self._z1, self._z2, html(t("walk_help"), "dl-note")],
            layout={"max_width": "310px"},
        )
        inspect = ipywidgets.VBox(
            [
                html(t("inspect_help"), "dl-note"),
                boxed(self.inspect_figure, "inspect"),
                self._inspect_text,
            ],
            layout={"max_width": "400px"},
        )
        self._page(
            t("title"),
            t("intro"),
            row([controls, ipywidgets.VBox([self._status, boxed(self.loss_figure, "loss")])]),
            row([boxed(self.codes_figure, "codes"), walk]),
            row([self.digits, inspect]),
            row([boxed(self.grid_figure, "grid"), self._kind_note]),
        )
        self.add_class("dl-autoencoder")
        self.add_class("dl-sharp-images")  # 28 × 28 images with square pixels

    def _wire(self) -> None:
        self._train.on_click(self._on_train_click)
        self._stop.on_click(self._on_stop_click)
        for control in self._rebuild_controls().values():
            control.observe(self._on_rebuild_change, names="value")
        for control in (self._z1, self._z2):
            control.observe(self._on_z_change, names="value")
        for trace in self.codes_figure.data[HOVER : FIRST_DIGIT + 10]:
            trace.on_hover(self._on_plane_hover)
        for trace in self.codes_figure.data[FIRST_DIGIT : FIRST_DIGIT + 10]:
            trace.on_click(self._on_digit_click)
        self.digits.observe_image(self._on_image_change)

    def _rebuild_controls(self) -> dict:
        return {
            "kind": self._kind,
            "hidden": self._hidden,
            "variational": self._variational,
            "learning_rate": self._learning_rate,
            "images": self._images,
        }

    # Public API ---------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._trainer.running

    @property
    def status_text(self) -> str:
        return plain_text(self._status.value)

    @property
    def inspect_text(self) -> str:
        return plain_text(self._inspect_text.value)

    @property
    def point(self) -> tuple[float, float]:
        """The walked point (z₁, z₂)."""
        return float(self._z1.value), float(self._z2.value)

    @property
    def test_digits(self) -> tuple[np.ndarray, np.ndarray]:
        """The test digits (flat float32 images, labels) the plane and the score use."""
        return self._data[2], self._data[3]

    @property
    def epochs_done(self) -> int:
        return len(self.history.get("loss", ()))

    @shows_errors
    def train(self, background: bool = True) -> None:
        """Train ``epochs`` more epochs (from a new network after a divergence)."""
        self._refuse_while_training()
        if self.model is None:
            raise StudentError("autoencoder.not_ready")
        self.clear_error()
        if self.diverged:
            self._rebuild()
        done, epochs = self.epochs_done, int(self._epochs.value)
        self._untouched = False  # its weights move from now on: a change rebuilds
        self._kept.forget(lambda kept: kept[0] is self.model)  # never handed out again
        if self._train_batches is None:  # one pipeline a model, kept for every ▶
            x_train, _, x_test, _ = self._data
            n = int(self._images.value)
            self._train_batches = batches(x_train[:n], x_train[:n], BATCH, shuffle=True, seed=SEED)
        if self._val_batches is None:
            self._val_batches = batches(self._data[2], self._data[2], 500)
        kwargs = {"epochs": done + epochs, "initial_epoch": done, "shuffle": False}
        kwargs |= {"validation_data": self._val_batches, "callbacks": [self._nan_guard()]}
        self._run_id += 1
        run_id = self._run_id
        self._trainer.on_progress = lambda progress: self._on_progress(run_id, progress)
        self._trainer.on_done = lambda trainer: self._on_trained(run_id, trainer)
        self.trained.clear()
        self._train.disabled, self._stop.disabled = True, False
        self._progress.value = 0
        self._show_status(self._t("compiling"))
        self._painter = Painter(self._frame, REFRESH_S / 5, on_demand=True, name="codes")
        self._painter.on_error = self.show_error
        self._painter.start()
        self._run_epochs = (done, epochs)
        job = FitJob(self.model, self._train_batches, None, kwargs)
        (self._trainer.start if background else self._trainer.run_here)(job)

    def walk_to(self, z1: float, z2: float) -> None:
        """Move the walked point (as hovering there would), and draw its decoded digit."""
        self._z1.value, self._z2.value = float(z1), float(z2)

    def code(self) -> str:
        """Plain Keras code that builds and trains this autoencoder ("show the code")."""
        return keras_code(
            self._kind.value,
            self._hidden.value,
            self.model.code_size if self.model is not None else 2,
            bool(self._variational.value),
            float(self._learning_rate.value),
            int(self._epochs.value),
            int(self._images.value),
            self.lang,
        )

    def _settings(self) -> dict:
        """``configure(kind=..., hidden=(256, 64), variational=..., learning_rate=...,
        epochs=..., images=..., z1=..., z2=..., digit=...)``."""
        settings = {name: Setting(control) for name, control in self._rebuild_controls().items()}
        settings["hidden"] = Setting(self._hidden, check=self._check_hidden)
        settings |= {"epochs": Setting(self._epochs), "z1": self._z1, "z2": self._z2}
        settings["digit"] = self.digits.index
        for name in REBUILDS:
            settings[name] = Setting(settings[name].control, check=self._busy_check(settings[name]))
        return settings

    def _after_configure(self, settings: dict) -> None:
        if self.model is None:
            return
        if self._built_with != self._rebuild_values():
            self._rebuild()
        else:
            self._draw_walk()
            self._draw_inspect()

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        n_test, _ = self._sizes
        self._data = ae.mnist_split(max(IMAGES), n_test)
        x_test, y_test = self._data[2], self._data[3]
        pixels = np.rint(x_test.reshape(-1, 28, 28) * 255).astype(np.uint8)
        self.digits.use_digits(pixels, y_test)
        self._rebuild(first=True)

    def _rebuild(self, first: bool = False) -> None:
        """A new model from the controls (seeded), its first state drawn."""
        n = int(self._images.value)
        changed = {k for k, v in self._rebuild_values().items() if self._built_with.get(k) != v}
        self._built_with = self._rebuild_values()
        kind, hidden = self._kind.value, tuple(self._hidden.value)
        variational, rate = bool(self._variational.value), float(self._learning_rate.value)
        # What the press changed, first: the new network's size and settings are known
        # without Keras; its build and the figures (0.2-0.7 s here) follow (issue 24).
        params = number(ae.count_params(kind, 2, hidden, variational), self.lang)
        rate_text = number(rate, self.lang, ".2g")
        words = {"params": params, "rate": rate_text, "images": n}
        self._show_status(self._t("untrained" if first else "starts_over", **words))
        self._kind_note.value = self._t("vae_note" if variational else "plain_note")
        self._train_batches = None  # made at ▶ for this model and these images
        if not first and self._untouched and changed <= {"learning_rate", "images"}:
            # An untrained model with new η or images is the model a rebuild would give
            # (the same seeded weights, the same pictures): η goes into its optimizer,
            # no build, no redrawing (issue 24: 0.2-0.4 s of Keras a press).
            self.model.optimizer.learning_rate.assign(rate)
            self.model.spec["learning_rate"] = rate
            return
        key = (kind, hidden, variational)
        model, errors = self._kept.pop(key, (None, None))
        if model is None:
            model = ae.build_autoencoder(
                kind=kind, hidden=hidden, variational=variational, learning_rate=rate, seed=SEED
            )
        else:  # kept untrained: the network a build would give (issue 24: a menu switched back)
            model.optimizer.learning_rate.assign(rate)
            model.spec["learning_rate"] = rate
        self._kept.keep(key, (model, errors))
        self.model, self._untouched = model, True
        self.encoder, self.decoder = self.model.encoder, self.model.decoder
        self.history, self.diverged, self.epoch_seconds = {}, False, []
        self._run_id += 1  # a late frame of an older model must not draw over this one
        self._progress.value = 0
        self._train.disabled, self._stop.disabled = False, True
        self.errors = errors
        self._refresh_views(score=errors is None)
        self._kept[key] = (model, self.errors)  # its test digits' scores, computed once

    def _nan_guard(self):
        """A Keras callback: a loss that is not a finite number stops the training."""
        from ..backend import load_keras

        keras = load_keras()
        dashboard = self

        class NanGuard(keras.callbacks.Callback):
            """Also times each epoch (the status line's seconds an epoch)."""

            def on_epoch_begin(self, epoch, logs=None):
                self.started = time.perf_counter()

            def on_epoch_end(self, epoch, logs=None):
                dashboard.epoch_seconds.append(time.perf_counter() - self.started)

            def on_train_batch_end(self, batch, logs=None):
                loss = (logs or {}).get("loss")
                if loss is not None and not math.isfinite(float(loss)):
                    dashboard.diverged = True
                    self.model.stop_training = True

        return NanGuard()

    def _check_hidden(self, value) -> tuple[int, ...]:
        self._refuse_while_training()
        try:
            wanted = tuple(int(v) for v in value)
        except (TypeError, ValueError):
            wanted = None
        if wanted not in HIDDEN.values():
            names = "; ".join(str(v) for v in HIDDEN.values())
            raise StudentError("autoencoder.bad_hidden", value=value, names=names)
        return wanted

    def _busy_check(self, setting: Setting):
        inner = setting.check

        def check(value):
            self._refuse_while_training()
            if inner is not None:
                return inner(value)
            if not accepts(setting.control, value):
                raise ValueError(self._allowed(setting.control))
            return value_for(setting.control, value)

        return check

    def _busy_error(self) -> StudentError:
        return StudentError("autoencoder.busy")

    # Events -------------------------------------------------------------------------------
    @reacts
    def _on_train_click(self, _button) -> None:
        self.train()

    @reacts
    def _on_z_change(self, _change) -> None:
        self._draw_walk()

    def _on_plane_hover(self, _trace, points, _state) -> None:
        # Plotly's event, in the main thread: keep only the newest point, draw it soon.
        if points.xs and self._numpy_decoder is not None:
            self._hover_point = (float(points.xs[0]), float(points.ys[0]))
            if not self._hover.running:
                self._hover.start()
            self._hover.request()

    @reacts
    def _on_digit_click(self, trace, points, _state) -> None:
        if not points.point_inds:
            return
        # The digit source redraws the inspection when its index or its source changes.
        self.digits.index.value = int(trace.customdata[points.point_inds[0]])
        self.digits.source.value = "test"

    @reacts
    def _on_image_change(self) -> None:
        self._draw_inspect()

    def _on_progress(self, run_id: int, progress: Progress) -> None:
        # The training thread, at most every REFRESH_S: note, and let the painter draw.
        if run_id != self._run_id:
            return
        for end in progress.ended:
            for key, value in end.logs.items():
                self.history.setdefault(key, []).append(float(value))
        self._last_progress = progress
        if self._painter is not None and not progress.done:
            self._painter.request()

    @ends_run
    def _on_trained(self, run_id: int, trainer: BackgroundFit) -> None:
        if self._painter is not None:
            self._painter.stop()
        self._train.disabled, self._stop.disabled = False, True
        self._refresh_views(score=True)
        if trainer.error is not None:
            self.show_error(trainer.error)
        elif self.diverged:
            rate = number(float(f"{self._learning_rate.value:.3g}"), self.lang)
            self.show_error(StudentError("autoencoder.diverged", rate=rate))
        self._show_summary(trainer.stopped)

    # Drawing ------------------------------------------------------------------------------
    def _frame(self) -> None:
        """One live frame while training (the painter's thread): the dots, the progress,
        and after an epoch the loss and (at most every GRID_EVERY_S) the decoded grid."""
        progress = self._last_progress
        self._draw_codes(keep_plane=True)
        self.frame_times.append(time.perf_counter())
        if progress is not None:
            self._show_progress(progress)
        self._draw_loss()
        if time.perf_counter() - self._grid_drawn_at > GRID_EVERY_S and self.history:
            self._numpy_decoder = ae.NumpyDecoder.from_model(self.model)
            self._draw_grid()
            self._draw_walk()

    def _refresh_views(self, score: bool) -> None:
        """Everything from the current model: codes, plane, grid, walk, loss, inspection."""
        self._numpy_decoder = ae.NumpyDecoder.from_model(self.model)
        if score:
            self.errors = ae.reconstruction_error(self.model, self._data[2])
        self._draw_codes(keep_plane=False)
        self._draw_grid()
        self._draw_walk()
        self._draw_loss()
        self._draw_inspect()

    def _draw_codes(self, keep_plane: bool) -> None:
        _, shown = self._sizes
        x_test, y_test = self._data[2][:shown], self._data[3][:shown]
        codes = ae.encode(self.model, x_test)
        self.codes = codes
        plane = plane_range(codes)
        # While training the plane follows the codes only when they leave it or shrink
        # to less than half of it: a steady frame, the dots moving inside it.
        if keep_plane and _inside(plane, self._plane):
            plane = self._plane
        data = [{}] * (FIRST_DIGIT + 12)
        data[FIRST_DIGIT : FIRST_DIGIT + 10] = digits_data(codes, y_test)
        layout = {}
        if plane != self._plane or not self.codes_figure.data[HOVER].x:
            # The axes show exactly the hover catcher's grid: hovering anywhere walks.
            data[HOVER] = hover_data(*plane)
            layout = {"xaxis.range": list(plane[0]), "yaxis.range": list(plane[1])}
        self._plane = plane
        with self._view_lock:
            update_traces(self.codes_figure, data[: len(self.codes_figure.data)], layout)
            self._fit_z_sliders()

    def _fit_z_sliders(self) -> None:
        (x0, x1), (y0, y1) = self._plane
        with self._quietly():
            for control, low, high in ((self._z1, x0, x1), (self._z2, y0, y1)):
                value = min(max(control.value, low), high)
                control.min, control.max = min(low, control.min), max(high, control.max)
                control.value, control.min, control.max = value, low, high
                control.step = round((high - low) / 200, 4) or 0.01

    def _draw_grid(self) -> None:
        if self._numpy_decoder is None:
            return
        x_range, y_range = self._plane
        with np.errstate(over="ignore"):  # sigmoid of a large negative number: 0, as meant
            grid = ae.decoded_grid(self._numpy_decoder, x_range, y_range, n=GRID)
        with self._view_lock:
            update_traces(self.grid_figure, [], grid_layout(grid, x_range, y_range))
        self._grid_drawn_at = time.perf_counter()

    def _draw_walk(self, point=None) -> None:
        """The decoded digit at the walked point (first: what the student waits for),
        then the cross on the plane and on the grid."""
        if self._numpy_decoder is None:
            return
        point = self.point if point is None else point
        with np.errstate(over="ignore"):
            image = np.asarray(self._numpy_decoder(np.array([point], dtype=np.float32)))[0]
        self.walk_image = image
        with self._view_lock:
            replace_layout_item(self.walk_figure, "images", 0, {"source": digit_url(image)})
            shapes = cross_shapes(point, *self._plane)
            update_traces(self.codes_figure, [{}] * len(self.codes_figure.data), {"shapes": shapes})
            update_traces(self.grid_figure, [], {"shapes": cross_shapes(point, *self._plane)})

    def _draw_hover(self) -> None:
        """The hover painter's frame: the newest hovered point, sliders following."""
        point = self._hover_point
        if point is None:
            return
        with self._quietly():
            self._z1.value, self._z2.value = point
        self._draw_walk(self.point)

    def _draw_loss(self) -> None:
        with self._view_lock:
            history = self._val_history()
            epochs = len(history.get("loss", ()))
            ticks = {"xaxis.tick0": 0, "xaxis.dtick": 1 if epochs <= 15 else 5}
            # The VAE's loss (about 150) and KL term (about 5) are decades apart: label
            # only the powers of ten (plotly's in-between labels 2 and 5 read as values).
            ticks["yaxis.dtick"] = 1 if self.model.spec["variational"] else None
            update_traces(self.loss_figure, loss_data(history), ticks)

    def _val_history(self) -> dict:
        history = dict(self.history)
        if not self._variational.value:  # a plain autoencoder's loss is its reconstruction
            history.pop("val_reconstruction_loss", None)
            history.pop("val_kl_loss", None)
        return history

    def _draw_inspect(self) -> None:
        """The chosen digit or the drawing: input, reconstruction, code, error, score."""
        if self.model is None:
            return
        image = self.digits.image()
        chosen = drawn = None
        if image is None:
            sources = ["", ""]
            text = escape(self.digits.blank_message) if self.digits.drawing else ""
        else:
            x = image.reshape(1, 784).astype(np.float32)
            code = ae.encode(self.model, x)[0]
            output = ae.decode(self.model, code[None])[0]
            mse = float(np.mean((output - x[0]) ** 2))
            sources = inspect_sources(image, output)
            text = self._inspect_sentence(code, mse)
            chosen, drawn = (None, code) if self.digits.drawing else (code, None)
        with self._view_lock:
            for index, source in enumerate(sources):
                replace_layout_item(self.inspect_figure, "images", index, {"source": source})
            data = [{}] * len(self.codes_figure.data)
            data[CHOSEN], data[DRAWN] = point_data(chosen), point_data(drawn)
            update_traces(self.codes_figure, data)
        self._inspect_text.value = text

    def _inspect_sentence(self, code: np.ndarray, mse: float) -> str:
        z1, z2 = float(code[0]), float(code[1])
        if not self.digits.drawing:
            index, label = int(self.digits.index.value), self.digits.label
            return escape(self._t("inspect_digit", index=index, label=label, z1=z1, z2=z2, mse=mse))
        text = escape(self._t("inspect_drawn", z1=z1, z2=z2, mse=mse))
        if self.errors is not None and np.isfinite(mse) and not self.running:
            share = float(np.mean(self.errors < mse))
            text += " " + escape(self._t("anomaly", share=share))
            if share > ANOMALY_SHARE:
                text += self._t("anomaly_high")
        return text

    def _show_status(self, text: str) -> None:
        self._status.value = escape(text)

    def _show_progress(self, progress: Progress) -> None:
        first, asked = self._run_epochs  # Keras counts the epochs of every run together
        within = progress.batch / progress.batches if progress.batch and progress.batches else 0
        self._progress.value = min(1.0, (progress.epoch - first + within) / max(asked, 1))
        if progress.batches:
            epoch = min(progress.epoch - first + 1, asked)
            text = self._t(
                "training",
                epoch=epoch,
                epochs=asked,
                batch=progress.batch or progress.batches,
                batches=progress.batches,
            )
            self._show_status(text)

    def _show_summary(self, stopped: bool) -> None:
        errors = self.errors if self.errors is not None else np.array([np.nan])
        mse = float(np.mean(errors))
        epochs = self.epochs_done
        if stopped:
            self._show_status(self._t("stopped", epochs=epochs, mse=mse))
            return
        self._progress.value = 1.0
        # The first epoch of a new model includes compiling its training step.
        times = self.epoch_seconds[1:] or self.epoch_seconds or [0.0]
        seconds = float(np.median(times))
        self._show_status(self._t("trained", epochs=epochs, mse=mse, seconds=seconds))


def _inside(new, old) -> bool:
    """Is plane ``new`` inside plane ``old`` and at least half of its size on each axis?"""
    for (a0, a1), (b0, b1) in zip(new, old, strict=True):
        if a0 < b0 or a1 > b1 or (a1 - a0) < 0.5 * (b1 - b0):
            return False
    return True
