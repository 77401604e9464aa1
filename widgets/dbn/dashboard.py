"""Lesson 13 dashboard (DBN): stack a second RBM on the first, greedily, see what its units
respond to, and compare a linear classifier on raw pixels, RBM and DBN features.

1. "Train layer 1": an RBM 784 → 128 (CD-1, :func:`widgets.models.rbm.build_rbm`) on the
   binarized training digits, in the background (:class:`widgets.training.BackgroundFit`,
   Stop), its reconstruction error per epoch live.
2. "Stack layer 2": an RBM 128 → 64 trained on layer 1's hidden probabilities p(h|v) of the
   same digits (layer 1 no longer changes). Then: what do its units respond to? For the 8
   most selective units (largest spread of p(h) over the test digits), W₁·W₂ projected to
   pixels in colour (a linear sketch that skips layer 1's sigmoid, so not the whole truth)
   and the 8 test digits that excite the unit most (the truth, whatever the unit computes).
3. "Compare classifiers": the same softmax classifier (one Dense layer, seeded, 10 epochs)
   trained from scratch on raw pixels, on layer 1's features and on layer 2's; test
   accuracy as bars with numbers.
4. "Fine-tune" (optional): the DBN as a feed-forward network (sigmoid layers starting at the
   RBMs' weights) + softmax, trained by backpropagation with the labels.

``dashboard.model`` is the :class:`widgets.models.rbm.Dbn` (``model.rbms`` its two Keras
RBMs); ``accuracies`` the probe's results; ``tuned`` the fine-tuned Keras model.
"""

from __future__ import annotations

from html import escape, unescape

import ipywidgets
import numpy as np

from ..controls import button, column, html, log_slider, row, slider
from ..errors import StudentError
from ..figures.live import update_traces
from ..i18n import number
from ..models import rbm as rb  # Keras only inside its functions
from ..training import BackgroundFit, FitJob, Progress
from ..ui import Setting, TrainingDashboard, ends_run, reacts, shows_errors
from .code import keras_code
from .figures import (
    curves_data,
    curves_figure,
    probe_data,
    probe_figure,
    projections,
    selective_units,
    top_rows,
    units_figure,
    units_pixels,
    units_source,
)
from .texts import TEXT

DEFAULTS = {"hidden_1": 128, "hidden_2": 64, "epochs": 3, "learning_rate": 0.1}
PROBE_EPOCHS = 10
TUNE_EPOCHS = 3
UNITS, TOP = 8, 8
TEST_DIGITS = 2000
BARS = ("raw", "rbm", "dbn", "tuned")
SEED = 0
SLIDER_WIDTH = "340px"


class DbnDashboard(TrainingDashboard):
    """Greedy stacking of two RBMs on binarized digits, what layer 2 responds to, and a
    linear probe of raw pixels vs RBM vs DBN features (see the module docstring)."""

    def __init__(self, lang: str = "pl", images: int = 8000):
        super().__init__(lang)
        self._t = TEXT.for_language(lang)
        self._images = int(images)
        self.data = None  # (x_train, y_train, x_test, y_test), binarized
        self.errors: list[list[float]] = [[], []]  # reconstruction error per layer, per epoch
        self.accuracies: dict[str, float | None] = dict.fromkeys(BARS)
        self.tuned = None
        self.units: np.ndarray | None = None  # the layer-2 units shown
        self._run_id = 0
        self._jobs: list[FitJob] = []
        self._trainer = BackgroundFit(min_interval=0.4)
        self._build()

    # Construction -------------------------------------------------------------------------
    def _build_controls(self) -> None:
        t = self._t
        self._hidden_1 = slider(t("hidden_1"), DEFAULTS["hidden_1"], 32, 256, 32, integer=True,
                                width=SLIDER_WIDTH, continuous_update=False)  # fmt: skip
        self._hidden_2 = slider(t("hidden_2"), DEFAULTS["hidden_2"], 16, 128, 16, integer=True,
                                width=SLIDER_WIDTH, continuous_update=False)  # fmt: skip
        self._epochs = slider(t("epochs"), DEFAULTS["epochs"], 1, 10, 1, integer=True,
                              width=SLIDER_WIDTH, continuous_update=False)  # fmt: skip
        self._learning_rate = log_slider(t("learning_rate"), DEFAULTS["learning_rate"], -3.0,
                                         2.0, step=0.25, readout_format=".2g",
                                         width=SLIDER_WIDTH, continuous_update=False)  # fmt: skip
        self._train_1 = button(t("train_1"), icon="play", kind="success", width="auto")
        self._train_2 = button(t("train_2"), icon="layer-group", kind="success", width="auto")
        self._probe = button(t("probe"), icon="balance-scale", kind="primary", width="auto")
        self._tune = button(t("fine_tune"), icon="sliders-h", width="auto")
        self._stop = button(t("stop"), icon="stop")
        self._reset = button(t("reset"), icon="refresh")
        for name in ("hidden_1", "hidden_2", "epochs", "learning_rate", "train_1", "train_2",
                     "probe", "tune", "stop", "reset"):  # fmt: skip
            getattr(self, f"_{name}").add_class(f"dl-{name.replace('_', '-')}")
        self._stop.disabled = True
        self._progress = ipywidgets.FloatProgress(0, min=0, max=1, layout={"width": "330px"})
        self._actions = [self._train_1, self._train_2, self._probe, self._tune, self._reset]
        self._train_2.disabled = self._tune.disabled = True  # until layer 1 is trained
        later = (self._train_2, self._tune)  # enabled by _enable, not on loading
        self._model_controls = [self._hidden_1, self._hidden_2, self._epochs,
                                self._learning_rate,
                                *(c for c in self._actions if c not in later)]  # fmt: skip

    def _next_training_controls(self) -> list:
        return [self._epochs, self._learning_rate]

    def _build_figures(self) -> None:
        t = self._t
        self._status = html("", "dl-status")
        self.curves = curves_figure(t("curves_title"), t("epoch_axis"), t("error_axis"),
                                    self._layer_names())  # fmt: skip
        self.units_strip = units_figure(t("units_empty"), UNITS, TOP + 1)
        self.probe_bars = probe_figure(t("probe_title"), t("accuracy_axis"), self._bar_names())

    def _lay_out(self) -> None:
        t = self._t
        controls = column(
            [html(t("controls_help"), "dl-note"), self._hidden_1, self._hidden_2, self._epochs,
             self._learning_rate, ipywidgets.HBox([self._train_1, self._train_2]),
             ipywidgets.HBox([self._stop, self._reset]), self._progress],
            width="360px",
        )  # fmt: skip
        probe = column(
            [html(t("probe_help", epochs=PROBE_EPOCHS, test=TEST_DIGITS), "dl-note"),
             self._probe, self._tune],
            width="360px",
        )  # fmt: skip
        units_text = column([html(t("units_help", units=UNITS, top=TOP), "dl-note")], "360px")
        body = [
            self._status,
            row([controls, self.curves]),
            row([units_text, self.units_strip]),
            row([probe, self.probe_bars]),
        ]
        self._page(t("title"), t("intro"), *body)
        self.add_class("dl-dbn")
        self.add_class("dl-sharp-images")

    def _wire(self) -> None:
        self._hidden_1.observe(self._on_hidden_1, names="value")
        self._hidden_2.observe(self._on_hidden_2, names="value")
        self._learning_rate.observe(self._on_learning_rate, names="value")
        self._train_1.on_click(self._on_train_1_click)
        self._train_2.on_click(self._on_train_2_click)
        self._probe.on_click(self._on_probe_click)
        self._tune.on_click(self._on_tune_click)
        self._stop.on_click(self._on_stop_click)
        self._reset.on_click(self._on_reset_click)

    # Public API (notebook cells and tests) ------------------------------------------------
    @property
    def status_text(self) -> str:
        return unescape(self._status.value)

    @property
    def running(self) -> bool:
        return self._trainer.running

    @shows_errors
    def train_layer(self, layer: int, background: bool = True) -> None:
        """Train layer 1 (on the digits) or 2 (on layer 1's p(h|v)) ``epochs`` epochs."""
        if not self._idle():
            return
        if layer == 2 and self.model.trained < 1:
            raise StudentError("dbn.layer_1_first")
        self.clear_error()
        index = layer - 1
        if layer == 1:
            self._replace_layer(0)  # retraining layer 1 starts it (and layer 2) again
        self._replace_layer(1)
        inputs = rb.features(self.model, self.data[0], depth=index)
        fit = {"epochs": int(self._epochs.value), "shuffle": True}
        name = self._t("job_layer", layer=layer)
        self._start([FitJob(self.model.rbms[index], inputs, None, fit, name)],
                    lambda trainer: self._on_layer_trained(layer, trainer), background)  # fmt: skip

    @shows_errors
    def compare(self, background: bool = True) -> None:
        """Train the softmax probe on pixels and on each trained layer's features."""
        if not self._idle():
            return
        self.clear_error()
        x_train, y_train, x_test, _ = self.data
        jobs, self._probe_inputs = [], {}
        for depth, key in enumerate(BARS[:3]):
            if depth > self.model.trained:
                self.accuracies[key] = None
                continue
            train, test = (rb.features(self.model, x, depth) for x in (x_train, x_test))
            model = rb.probe_model(train.shape[1], 10, seed=SEED)
            self._probe_inputs[key] = (model, test)
            fit = {"epochs": PROBE_EPOCHS, "batch_size": 128, "shuffle": True}
            jobs.append(FitJob(model, train, y_train, fit, self._t(f"job_{key}")))
        self._start(jobs, self._on_probed, background)

    @shows_errors
    def fine_tune(self, background: bool = True) -> None:
        """The DBN + softmax as one Keras model, trained by backpropagation."""
        if not self._idle():
            return
        if self.model.trained < 1:
            raise StudentError("dbn.layer_1_first")
        self.clear_error()
        rbms = self.model.rbms[: self.model.trained]
        self.tuned = rb.fine_tune_model(rb.Dbn(rbms), 10, seed=SEED)
        fit = {"epochs": TUNE_EPOCHS, "batch_size": 64, "shuffle": True}
        job = FitJob(self.tuned, self.data[0], self.data[1], fit, self._t("job_tuned"))
        self._start([job], self._on_tuned, background)

    @shows_errors
    def reset(self) -> None:
        """Stop, a new untrained DBN from the seed with the chosen sizes."""
        if self.ready.is_set():
            self._rebuild()

    def code(self) -> str:
        """Plain Keras code for the two layers and the three classifiers ("show the
        code"); ``model`` is the second RBM."""
        return keras_code(
            int(self._hidden_1.value), int(self._hidden_2.value), int(self._epochs.value),
            float(self._learning_rate.value), self._images, TEST_DIGITS, PROBE_EPOCHS,
            100, SEED, self.lang,
        )  # fmt: skip

    def _settings(self) -> dict[str, Setting]:
        """``configure(hidden_1=..., hidden_2=..., epochs=..., learning_rate=...)``."""
        return {
            "hidden_1": Setting(self._hidden_1),
            "hidden_2": Setting(self._hidden_2),
            "epochs": Setting(self._epochs),
            "learning_rate": Setting(self._learning_rate),
        }

    def _after_configure(self, settings: dict) -> None:
        if self.model is None:
            return
        if "hidden_1" in settings:
            self.reset()
        elif "hidden_2" in settings:
            self._new_layer_2()
        if "learning_rate" in settings:
            self._set_rate()

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        self.data = rb.binarized_mnist(self._images, TEST_DIGITS)
        self._rebuild()

    def _rebuild(self) -> None:
        self._stop_running()
        sizes = (784, int(self._hidden_1.value), int(self._hidden_2.value))
        # The new sizes first: the build and the figures took 90-160 ms before anything
        # changed on the page (issue 24).
        self._show_status(self._t("ready", n=len(self.data[0]), h1=sizes[1], h2=sizes[2]))
        self.model = rb.build_dbn(sizes, seed=SEED, **self._rbm_settings())
        self.errors = [[], []]
        self.accuracies, self.tuned, self.units = dict.fromkeys(BARS), None, None
        self._run_id += 1
        self._progress.value = 0
        self._enable(True)
        self._draw_all()

    def _rbm_settings(self) -> dict:
        return {"learning_rate": float(self._learning_rate.value), "k": 1}

    def _replace_layer(self, index: int) -> None:
        """A fresh RBM for layer ``index + 1`` (the DBN then has ``index`` trained layers)."""
        sizes = self.model.sizes
        self.model.rbms[index] = rb.build_rbm(
            n_visible=sizes[index], n_hidden=sizes[index + 1], seed=SEED + index,
            name=f"rbm_{index + 1}", **self._rbm_settings(),
        )  # fmt: skip
        self.model.trained = min(self.model.trained, index)
        self.errors[index:] = [[] for _ in self.errors[index:]]
        for key in BARS[index + 1 :]:
            self.accuracies[key] = None
        self.tuned = None
        if index <= 1:
            self.units = None

    def _new_layer_2(self) -> None:
        self._stop_running()
        sizes = self.model.sizes
        h2 = int(self._hidden_2.value)
        self._show_status(self._t("layer_2_new", h1=sizes[1], h2=h2))  # first (issue 24)
        self.model.sizes = (sizes[0], sizes[1], h2)
        self._replace_layer(1)
        self._enable(not self._trainer.running)
        self._draw_all()

    def _set_rate(self) -> None:
        for rbm in self.model.rbms:
            rbm.learning_rate.assign(float(self._learning_rate.value))

    def _idle(self) -> bool:
        """True if a new run may start; a run that is drawing its end gets a second to
        finish, one still training is told ("busy")."""
        if self.model is None:
            return False
        self._trainer.join(1.0)
        self._refuse_while_training()
        return True

    def _start(self, jobs, on_done, background: bool) -> None:
        self.trained.clear()
        self._jobs = jobs
        self._run_id += 1
        run_id = self._run_id
        self._enable(False)
        self._progress.value = 0
        self._show_status(self._t("compiling", name=jobs[0].name))
        self._trainer.on_progress = lambda progress: self._on_progress(run_id, progress)
        self._trainer.on_done = lambda trainer: self._finish(run_id, trainer, on_done)
        (self._trainer.start if background else self._trainer.run_here)(*jobs)

    def _stop_running(self, patience: float = 0.6) -> None:
        if not self._trainer.running:
            return
        self._trainer.stop()
        if not self._trainer.join(patience):
            self._trainer = BackgroundFit(min_interval=0.4)

    # Events -------------------------------------------------------------------------------
    @reacts
    def _on_hidden_1(self, change) -> None:
        self.clear_error()
        self.reset()

    @reacts
    def _on_hidden_2(self, change) -> None:
        if self.model is not None:
            self.clear_error()
            self._new_layer_2()

    @reacts
    def _on_learning_rate(self, change) -> None:
        if self.model is not None:
            self._set_rate()

    @reacts
    def _on_train_1_click(self, _button) -> None:
        self.train_layer(1)

    @reacts
    def _on_train_2_click(self, _button) -> None:
        self.train_layer(2)

    @reacts
    def _on_probe_click(self, _button) -> None:
        self.compare()

    @reacts
    def _on_tune_click(self, _button) -> None:
        self.fine_tune()

    @reacts
    def _on_reset_click(self, _button) -> None:
        self.clear_error()
        self.reset()

    def _on_progress(self, run_id: int, progress: Progress) -> None:
        # The training thread, at most every 0.4 s (2.5 views a second), and at the end.
        if run_id != self._run_id:
            return
        job = self._jobs[progress.job] if progress.job < len(self._jobs) else None
        for end in progress.ended:
            error = end.logs.get("reconstruction_error")
            model = self._jobs[end.job].model
            if error is not None and model in self.model.rbms:
                index = self.model.rbms.index(model)
                self.errors[index].append(float(error) / model.n_visible)
        if progress.ended:
            self._draw_curves()
        if not progress.done and job is not None:
            jobs = len(self._jobs)
            self._progress.value = min(1.0, (progress.job + progress.fraction) / jobs)
            epoch = min(progress.epoch + 1, progress.epochs)
            self._show_status(self._t("training", name=job.name, epoch=epoch,
                                      total=progress.epochs))  # fmt: skip

    @ends_run
    def _finish(self, run_id: int, trainer: BackgroundFit, on_done) -> None:
        try:
            if trainer.error is not None:
                self.show_error(trainer.error)
            elif trainer.stopped:
                self._show_status(self._t("stopped"))
            else:
                self._progress.value = 1.0
                on_done(trainer)
        finally:
            self._enable(True)  # last: a click before the end is drawn would be refused

    def _on_layer_trained(self, layer: int, trainer: BackgroundFit) -> None:
        rbm = self.model.rbms[layer - 1]
        if rb.diverged(rbm):
            rate = number(float(f"{float(self._learning_rate.value):.3g}"), self.lang)
            raise StudentError("dbn.diverged", layer=layer, rate=rate)
        self.model.trained = layer
        errors = self.errors[layer - 1]
        error = errors[-1] * rbm.n_visible if errors else float("nan")
        self._show_status(self._t("layer_done", layer=layer, error=error))
        if layer == 2:
            self._find_units()
        self._draw_all()

    def _on_probed(self, trainer: BackgroundFit) -> None:
        y_test = self.data[3]
        for key, (model, test) in self._probe_inputs.items():
            self.accuracies[key] = rb.accuracy(model, test, y_test)
        shown = {key: self._percent(self.accuracies[key]) for key in ("rbm", "dbn")}
        self._show_status(self._t("probe_done", raw=self.accuracies["raw"], **shown))
        self._draw_probe()

    def _on_tuned(self, trainer: BackgroundFit) -> None:
        self.accuracies["tuned"] = rb.accuracy(self.tuned, self.data[2], self.data[3])
        self._show_status(self._t("tuned_done", accuracy=self.accuracies["tuned"]))
        self._draw_probe()

    # Drawing ------------------------------------------------------------------------------
    def _enable(self, enabled: bool) -> None:
        """The buttons while a run goes on (off) or not (on: those that need layer 1 once
        it is trained)."""
        needs_layer_1 = (self._train_2, self._tune)
        first = self.model is not None and self.model.trained >= 1
        for control in self._actions:
            control.disabled = not enabled or (control in needs_layer_1 and not first)
        self._stop.disabled = enabled

    def _show_status(self, text: str) -> None:
        self._status.value = escape(text)

    def _percent(self, value: float | None) -> str:
        return self._t("not_yet") if value is None else number(value, self.lang, ".1%")

    def _layer_names(self) -> list[str]:
        sizes = (784, int(self._hidden_1.value), int(self._hidden_2.value))
        return [self._t("layer_line", layer=i + 1, visible=sizes[i], hidden=sizes[i + 1])
                for i in range(2)]  # fmt: skip

    def _bar_names(self) -> list[str]:
        sizes = (784, int(self._hidden_1.value), int(self._hidden_2.value))
        names = [self._t(f"bar_{key}", n=n) for key, n in zip(BARS[:3], sizes, strict=True)]
        return [*names, self._t("bar_tuned")]

    def _draw_all(self) -> None:
        self._draw_curves()
        self._draw_units()
        self._draw_probe()

    def _draw_curves(self) -> None:
        update_traces(self.curves, curves_data(self.errors, self._layer_names()))

    def _find_units(self) -> None:
        """The most selective layer-2 units and their top test digits."""
        hidden = rb.features(self.model, self.data[2], depth=2)
        self.units = selective_units(hidden, UNITS)
        self._top = top_rows(hidden, self.units, TOP)

    def _draw_units(self) -> None:
        t = self._t
        figure = self.units_strip
        if self.units is None:
            pixels = np.zeros((0, 0, 4), dtype=np.uint8)
            source, title, labels = "", t("units_empty"), [""] * UNITS
        else:
            W1, W2 = (np.asarray(r.W) for r in self.model.rbms)
            digits = self.data[2][self._top]
            pixels = units_pixels(projections(W1, W2, self.units), digits)
            source, title = units_source(pixels), t("units_title")
            labels = [t("unit_label", unit=int(u) + 1) for u in self.units]
        image = figure.layout.images[0]
        with figure.batch_update():
            figure.layout.images = [{**image.to_plotly_json(), "source": source}]
            figure.layout.title.text = title
            figure.layout.yaxis.ticktext = labels

    def _draw_probe(self) -> None:
        values = [self.accuracies[key] for key in BARS]
        texts = ["" if v is None else self._percent(v) for v in values]
        data, layout = probe_data(values, texts)
        layout["xaxis.ticktext"] = self._bar_names()
        layout["xaxis.tickvals"] = list(self.probe_bars.data[0].x)
        update_traces(self.probe_bars, data, layout)
