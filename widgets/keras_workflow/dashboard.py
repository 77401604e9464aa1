"""Lesson 09 dashboard: the five steps of the Keras workflow on MNIST, live.

Define (layer builder + summary) → compile → fit (background, progress, live curves,
Stop, callbacks) → evaluate (test accuracy, confusion matrix, images of a cell) →
predict (a test image or a drawing → probability bars); then the code, save/load and
freezing. ``dashboard.model`` is always the last *good* Keras model: a layer list or a
setting that cannot work shows a message and leaves the model as it was.
"""

from __future__ import annotations

import importlib.util
import time
from html import escape
from pathlib import Path

import ipywidgets
import numpy as np

from ..controls import html, row, toggles
from ..data import MnistUnavailableError, load_mnist, one_hot, preprocess_images
from ..errors import StudentError
from ..i18n import number
from ..models import mlp
from ..recent import Recent
from ..training import BackgroundFit, FitJob, Progress
from ..ui import Dashboard, reacts
from .cheatsheet import cheatsheet_html
from .compile_fit import FitPanel
from .define import LayerBuilder, summary_html
from .evaluate import EvaluatePanel
from .files import FilePanel
from .predict import PredictPanel
from .texts import TEXT, spec_message

KEPT_MODELS = 6  # untrained models of recent layer lists: a menu switched back finds its own
PROGRESS_INTERVAL = 0.3  # seconds between live updates: smooth enough, light for the kernel
# Lesson 09's own rules: the generated code scrolls and can be selected, the cheat sheet's
# cells start at the top left, in the note size.
STYLE = (
    ".dl-keras-workflow pre.dl-code{max-height:420px;overflow:auto;user-select:text}"
    ".dl-cheatsheet{font-size:calc(var(--dl-scale) * 13px)}"
    ".dl-cheatsheet td,.dl-cheatsheet th{text-align:left;vertical-align:top}"
)


def _section(title: str, help_html: str, body: ipywidgets.Widget) -> ipywidgets.Widget:
    """One step of the workflow: its title, a line of help, its controls and figures."""
    return ipywidgets.VBox([html(f"<h3>{escape(title)}</h3>"), html(help_html, "dl-note"), body])


class KerasWorkflowDashboard(Dashboard):
    """Define, compile, fit, evaluate and predict the lecture's MNIST network."""

    def __init__(self, lang: str = "pl", seed: int = 0):
        super().__init__(lang)
        self._t = TEXT.for_language(self.lang)
        self.seed = seed
        self.data = None
        self._input_shape = mlp.FLAT_INPUT
        self._good_layers = list(mlp.LECTURE_LAYERS)
        # (layers, input shape) -> an untrained model built for them, newest last; emptied
        # whenever a model is trained or frozen (a kept model is always a fresh one).
        self._kept = Recent(KEPT_MODELS)
        self._guard = None
        self._started = 0.0
        self._epochs_before = 0
        self._trainer = BackgroundFit(
            on_progress=self._on_progress,
            on_done=self._on_done,
            min_interval=PROGRESS_INTERVAL,
            batch_progress=True,
        )
        self._build()

    # Construction -------------------------------------------------------------------------
    def _build_controls(self) -> None:
        """The input choice and the layer builder, then one panel per later step (each
        holds its controls and its figures)."""
        t = self._t
        inputs = [(t("input_flat"), "flat"), (t("input_image"), "image")]
        self._input = toggles(t("input"), inputs, "flat", button_width="190px")
        self._builder = LayerBuilder(self.lang, on_change=self._on_layers_change)
        self._fit = FitPanel(self.lang)
        self._evaluate = EvaluatePanel(self.lang)
        self._predict = PredictPanel(self.lang)
        self._files = FilePanel(self.lang)
        self._model_controls = [
            self._input,
            *self._builder.controls,
            *self._fit.settings,
            self._fit.train_new,
            self._fit.train_more,
            *self._evaluate.controls,
            *self._predict.controls,
            *self._files.controls,
        ]

    def _next_training_controls(self) -> list:
        return [*self._fit.next_training_controls]

    def _build_figures(self) -> None:
        """Which data was loaded, and the model's summary table."""
        self._data_label = html(self._t("data_loading"), "dl-data-source")
        self._summary = html("", "dl-summary-box")

    def _lay_out(self) -> None:
        """The five steps one below the other, then the code and the cheat sheet."""
        t = self._t
        model = row([ipywidgets.VBox([self._input, self._builder]), self._summary])
        extras = ipywidgets.Accordion([self._files.box(), html(cheatsheet_html(self.lang))])
        extras.set_title(0, t("extras"))
        extras.set_title(1, t("cheatsheet"))
        extras.selected_index = None
        self._page(
            escape(t("title")),
            t("intro"),
            self._data_label,
            _section(t("define"), t("define_help"), model),
            _section(t("compile"), t("compile_help"), self._fit.compile_box()),
            _section(t("fit"), t("fit_help"), self._fit.fit_box()),
            _section(t("evaluate"), t("evaluate_help"), self._evaluate.box()),
            _section(t("predict"), t("predict_help"), self._predict.box()),
            extras,
            style=STYLE,
        )
        self.add_class("dl-keras-workflow")

    def _wire(self) -> None:
        fit, evaluate, predict, code = self._fit, self._evaluate, self._predict, self._files
        self._input.observe(self._on_input_change, names="value")
        for control in fit.settings:
            control.observe(self._on_settings_change, names="value")
        fit.train_new.on_click(self._on_train_new)
        fit.train_more.on_click(self._on_train_more)
        fit.stop.on_click(self._on_stop)
        evaluate.button.on_click(self._on_evaluate)
        for digit in (evaluate.true_digit, evaluate.predicted_digit):
            digit.observe(self._on_cell_change, names="value")
        for choice in (predict.source, predict.index):
            choice.observe(self._on_predict_change, names="value")
        predict.canvas.observe_digit(self._on_drawing)
        code.freeze.observe(self._on_freeze_change, names="value")
        code.save.on_click(self._on_save)
        code.load.on_click(self._on_load)

    # Public (tests, notebook cells) --------------------------------------------------------
    @property
    def layers(self) -> list[mlp.Layer]:
        """The layer list as edited (may differ from the model's when it is invalid)."""
        return list(self._builder.layers)

    @property
    def trainer(self) -> BackgroundFit:
        return self._trainer

    def train(self, from_scratch: bool = True) -> BackgroundFit:
        """Start training as the buttons do; returns the trainer (``.join()`` to wait)."""
        (self._on_train_new if from_scratch else self._on_train_more)(None)
        return self._trainer

    def code(self) -> str:
        """The runnable Keras code for the current settings ("show the code")."""
        return mlp.model_code(
            self._good_layers, self._fit.compile_spec(), self._safe_fit_spec(), self._input_shape
        )

    # Model ---------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        self._keras = keras
        self._load_data()
        self._install_model(mlp.build_model(self._good_layers, self._input_shape, self.seed))
        self._refresh_code()
        self._show_prediction()

    def _load_data(self) -> None:
        try:
            data = load_mnist()
        except MnistUnavailableError:
            self._data_label.value = self._t("data_missing")
            raise  # the banner says what to do
        self.data = data
        # The training images stay uint8: mlp.mnist_datasets scales them batch by batch.
        self._x_test = preprocess_images(data.x_test)
        self._y_test = one_hot(data.y_test)
        self._predict.index.max = len(data.x_test) - 1
        self._show_data_label()

    def _show_data_label(self) -> None:
        data = self.data
        # The offline copy is MNIST's test set alone (10,000 images); full MNIST has 70,000.
        offline = len(data.x_train) + len(data.x_test) <= 10_000
        self._data_label.value = self._t(
            "data",
            kind=self._t("data_offline" if offline else "data_full"),
            source=escape(data.source),
            train=len(data.x_train),
            test=len(data.x_test),
            val_share=float(self._fit.validation_split.value),
        )

    def _fresh_model(self, layers, input_shape, collect: bool = True):
        """A new model with seeded weights; the old one's graphs are freed first.

        Without ``clear_session`` every rebuilt model kept its traced functions: the
        kernel grew by about 35 MB per "Train from scratch" (measured). ``collect``: also
        run Python's full garbage collection, as ``clear_session`` does by default — 0.3–1
        s with TensorFlow loaded (issue 24: the layer builder's menus answered in 0.9–1 s,
        18× the reference, mostly that). A student's edit of the layer list skips it: the
        untrained model it replaces has traced nothing, and Python collects the rest on
        its own schedule; "Train from scratch" still collects.
        """
        self._keras.utils.clear_session(free_memory=collect)
        return mlp.build_model(layers, input_shape, self.seed)

    def _kept_model(self, layers, input_shape):
        """An untrained model for ``layers``: kept from before, or built (no full garbage
        collection: see _fresh_model)."""
        key = (tuple(layers), tuple(input_shape))
        model = self._kept.pop(key, None)
        if model is None:
            model = self._fresh_model(layers, input_shape, collect=False)
        return self._kept.keep(key, model)

    def _install_model(self, model) -> None:
        """Compile ``model``, make it ``self.model`` and redraw what depends on it."""
        mlp.compile_model(model, self._fit.compile_spec())
        self.model = model
        self._good_layers = mlp.layers_of(model)
        self._evaluate.forget()
        self._refresh_summary()

    def _refresh_summary(self) -> None:
        model = self.model
        trainable = [layer.trainable for layer in model.layers]
        self._summary.value = summary_html(mlp.summary_rows(model), trainable, self.lang)
        labels = [f"{i}. {layer.label()}" for i, layer in enumerate(self._good_layers, 1)]
        self._files.set_layers(labels, trainable)

    def _safe_fit_spec(self) -> mlp.FitSpec:
        try:
            return self._fit.fit_spec()
        except mlp.SpecError:
            return mlp.FitSpec()

    def _spec_error(self, error: mlp.SpecError) -> None:
        self.show_error(spec_message(error, self.lang))

    def _try_layers(self, layers, input_shape) -> None:
        """Build the layer list if it is valid; otherwise explain and keep the old model."""
        try:
            mlp.check_layers(layers, input_shape)
        except mlp.SpecError as error:
            self._spec_error(error)
            return
        self.clear_error()
        # What the formulas know first (the summary of a new kind, new units or a new
        # input); the model and its prediction follow.
        rows = mlp.planned_summary_rows(layers, input_shape)
        self._summary.value = summary_html(rows, [True] * len(rows), self.lang)
        model = self._kept_model(layers, input_shape)
        self._input_shape = input_shape
        self._install_model(model)
        self._fit.curves.clear()
        self._fit.status.value = self._t("idle")
        self._refresh_code()
        self._show_prediction()

    # Events --------------------------------------------------------------------------------
    @reacts
    def _on_layers_change(self, layers) -> None:
        if self.model is None or self._trainer.running:
            return
        self._try_layers(layers, self._wanted_input())

    # Settings (configure() and the page's URL) -------------------------------------------
    def _settings(self) -> dict[str, ipywidgets.Widget]:
        """``configure(input="image", optimizer="adam", learning_rate=0.001, epochs=10, …)``:
        the input and compile/fit's settings; layers are built with the layer builder."""
        fit = self._fit
        return {
            "input": self._input,
            "optimizer": fit.optimizer,
            "learning_rate": fit.learning_rate,
            "loss": fit.loss,
            "epochs": fit.epochs,
            "validation_split": fit.validation_split,
            "early_stopping": fit.early_stopping,
            "patience": fit.patience,
            "reduce_lr": fit.reduce_lr,
        }

    def _after_configure(self, settings: dict) -> None:
        if "input" in settings:
            self._on_input_change(None)
        self._on_settings_change(None)

    @reacts
    def _on_input_change(self, _change) -> None:
        self._try_layers(self._builder.layers, self._wanted_input())

    def _wanted_input(self) -> tuple[int, ...]:
        """The input shape chosen with the toggle (the model's may lag if it was invalid)."""
        return mlp.IMAGE_INPUT if self._input.value == "image" else mlp.FLAT_INPUT

    @reacts
    def _on_settings_change(self, change) -> None:
        if self.data is None:
            return
        self.clear_error()
        try:
            mlp.check_compile(self._fit.compile_spec())
            mlp.check_fit(self._fit.fit_spec(), len(self.data.x_train))
        except mlp.SpecError as error:
            self._spec_error(error)
        self._show_data_label()
        self._refresh_code()

    @reacts
    def _on_train_new(self, _button) -> None:
        fit_spec = self._checked_fit_spec()
        if fit_spec is None:
            return
        self._install_model(self._fresh_model(self._good_layers, self._input_shape))
        self._fit.curves.clear()
        self._start_fit(fit_spec)

    @reacts
    def _on_train_more(self, _button) -> None:
        fit_spec = self._checked_fit_spec()
        if fit_spec is None:
            return
        mlp.set_trainable(self.model, self._files.trainable(len(self.model.layers)))
        mlp.compile_model(self.model, self._fit.compile_spec())  # keeps the weights
        self._refresh_summary()
        self._start_fit(fit_spec)

    def _checked_fit_spec(self) -> mlp.FitSpec | None:
        if self._trainer.running:
            self.show_error(self._t("busy"))
            return None
        try:
            mlp.check_compile(self._fit.compile_spec())
            fit_spec = self._fit.fit_spec()
            mlp.check_fit(fit_spec, len(self.data.x_train))
            if fit_spec.callbacks.tensorboard:
                if importlib.util.find_spec("tensorboard") is None:
                    # Keras would fail inside the training thread, after the first epoch.
                    self.show_error(self._t("no_tensorboard"))
                    return None
                Path(fit_spec.callbacks.log_dir).mkdir(parents=True, exist_ok=True)
        except mlp.SpecError as error:
            self._spec_error(error)
            return None
        self.clear_error()
        return fit_spec

    def _start_fit(self, fit_spec: mlp.FitSpec) -> None:
        self._kept.clear()  # self.model trains: it must not come back as a fresh one
        curves = self._fit.curves
        curves.offset = int(round(curves.train_x[-1])) if curves.train_x else 0
        self._epochs_before = curves.offset
        kwargs = mlp.fit_kwargs(fit_spec)
        self._guard = mlp.nan_guard()
        self._stopper = next(
            (c for c in kwargs["callbacks"] if type(c).__name__ == "EarlyStopping"), None
        )
        kwargs["callbacks"].append(self._guard)
        train, validation = mlp.mnist_datasets(
            self.data.x_train, self.data.y_train, fit_spec, self._input_shape, self.seed
        )
        kwargs.pop("batch_size")
        kwargs.pop("validation_split")
        kwargs["validation_data"] = validation
        self._set_running(True)
        self._fit.progress.value = 0.0
        self._started = time.monotonic()
        self._trainer.start(FitJob(self.model, train, None, kwargs))

    def _set_running(self, running: bool) -> None:
        """During training only Stop, evaluation's cell choice and prediction stay live."""
        self._fit.set_running(running)
        for control in (
            self._input,
            *self._builder.controls,
            *self._files.controls,
            self._evaluate.button,
        ):
            control.disabled = running

    @reacts
    def _on_stop(self, _button) -> None:
        self._trainer.stop()

    def _on_progress(self, progress: Progress) -> None:
        # From the training thread; BackgroundFit keeps a drawing error from stopping it.
        self._fit.show_progress(progress)

    def _on_done(self, trainer: BackgroundFit) -> None:
        # From the training thread, after the last progress report.
        with self._lock:
            try:
                self._finish(trainer)
            except Exception as error:  # noqa: BLE001  (shown, never lost in the thread)
                self.show_error(error)
            finally:
                self._set_running(False)

    def _finish(self, trainer: BackgroundFit) -> None:
        if trainer.error is not None:
            self.show_error(trainer.error)
            return
        history = trainer.histories[0].history if trainer.histories else {}
        epochs = len(history.get("loss", []))
        if self._guard is not None and self._guard.diverged_epoch is not None:
            self._fit.status.value = ""
            self.show_error(
                self._t(
                    "diverged",
                    epoch=self._epochs_before + self._guard.diverged_epoch,
                    rate=number(float(f"{self._fit.learning_rate.value:.3g}"), self.lang),
                )
            )
        elif trainer.stopped:
            self._fit.status.value = self._t("stopped", epochs=self._epochs_before + epochs)
        else:
            text = self._t(
                "trained",
                epochs=epochs,
                seconds=time.monotonic() - self._started,
                val_loss=_last(history, "val_loss", ".4f", self.lang),
                val_acc=_last(history, "val_accuracy", ".3f", self.lang),
            )
            if self._stopper is not None and self._stopper.stopped_epoch > 0:
                text += self._t("early_stopped")
            self._fit.status.value = text
        self._evaluate.evaluate(self.model, self._x_test, self._y_test, self.data.x_test)
        self._show_prediction()

    @reacts
    def _on_evaluate(self, _button) -> None:
        self._evaluate.evaluate(self.model, self._x_test, self._y_test, self.data.x_test)

    @reacts
    def _on_cell_change(self, _change) -> None:
        self._evaluate.show_cell()

    @reacts
    def _on_predict_change(self, _change) -> None:
        self._show_prediction()

    @reacts
    def _on_drawing(self, _digit) -> None:
        if self._predict.source.value != "drawn":
            self._predict.source.value = "drawn"  # its observer predicts
        else:
            self._show_prediction()

    def _show_prediction(self) -> None:
        if self.model is None or self.data is None:
            return
        self._predict.show(self.model, self.data.x_test, self.data.y_test)

    @reacts
    def _on_freeze_change(self, _change) -> None:
        if self.model is None or self._trainer.running:
            return
        self._kept.clear()  # self.model changes: it must not come back as a fresh one
        mlp.set_trainable(self.model, self._files.trainable(len(self.model.layers)))
        mlp.compile_model(self.model, self._fit.compile_spec())
        self._refresh_summary()

    @reacts
    def _on_save(self, _button) -> None:
        path = self._checked_path()
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.model.save(path)
        except OSError as error:  # a folder that does not exist or is not writable
            raise StudentError("keras_workflow.save_failed", path=str(path)) from error
        self._files.message.value = self._t("saved", path=escape(str(path)))

    @reacts
    def _on_load(self, _button) -> None:
        path = self._checked_path()
        if path is None:
            return
        if not path.is_file():
            raise StudentError("keras_workflow.load_missing", path=str(path))
        try:
            model = self._keras.models.load_model(path)
            layers = mlp.layers_of(model)
            input_shape = tuple(model.input_shape[1:])
            mlp.check_layers(layers, input_shape)
        except mlp.SpecError as error:
            self._spec_error(error)
            return
        except Exception as error:  # a broken file or not a model: what Keras said is the detail
            raise StudentError("keras_workflow.load_failed", path=str(path)) from error
        self.clear_error()
        self._input_shape = input_shape
        self._install_model(model)
        self._builder.show_layers(layers)  # no rebuild: keep the loaded weights
        with self._quietly():
            self._input.value = "image" if input_shape == mlp.IMAGE_INPUT else "flat"
        self._refresh_code()
        self._show_prediction()
        self._files.message.value = self._t("loaded", path=escape(str(path)), n=len(layers))

    def _checked_path(self) -> Path | None:
        text = self._files.path.value.strip()
        if not text.endswith(".keras"):
            self.show_error(self._t("bad_path", path=text or "''"))
            return None
        self.clear_error()
        return Path(text).expanduser()


def _last(history: dict, key: str, spec: str, lang: str) -> str:
    values = history.get(key) or []
    return number(values[-1], lang, spec) if values and np.isfinite(values[-1]) else "–"
