"""Lesson 13 dashboard (the exact case): an RBM with 16 visible units learns the 30 valid
4×4 bars-and-stripes patterns, and with at most 12 hidden units its partition function Z
is computed exactly (:func:`widgets.models.rbm.exact_log_partition`, 2^n_hidden terms).

Live while it trains (:class:`widgets.training.BackgroundFit`, Stop): the exact mean
log p(v) of the 30 patterns after every epoch (computed in a Keras callback in the
training thread, microseconds for 2^12 states) against its upper bound −log 30 (every
valid pattern at 1/30, nothing elsewhere); the model's p(v) of each valid pattern as bars
against the true 1/30, and in the title the total mass on the 65,506 invalid patterns.
"Draw 16 samples" runs 16 Gibbs chains from noise on a numpy copy of the weights and frames
each last state green (valid) or red (invalid).

``dashboard.model`` is the :class:`widgets.models.rbm.Rbm` (a ``keras.Model``).
"""

from __future__ import annotations

import math
from html import escape, unescape

import ipywidgets
import numpy as np

from ..controls import button, column, html, log_slider, row, slider, toggles
from ..errors import StudentError
from ..figures.live import update_traces
from ..i18n import number
from ..models import rbm as rb  # Keras only inside its functions
from ..training import BackgroundFit, FitJob, Progress
from ..ui import Setting, TrainingDashboard, ends_run, reacts, shows_errors
from .code import keras_code
from .figures import (
    distribution_data,
    distribution_figure,
    likelihood_data,
    likelihood_figure,
    samples_figure,
    samples_source,
)
from .texts import TEXT

DEFAULTS = {"hidden": 8, "k": 5, "method": "cd", "learning_rate": 0.3, "epochs": 30,
            "gibbs_steps": 200}  # fmt: skip
REBUILDS = ("hidden", "k", "method")  # these start again
COPIES = 20  # each pattern 20 times an epoch
BATCH_SIZE = 10
SAMPLES = 16
SEED = 0
PATTERNS = rb.bars_and_stripes(4)
BOUND = -math.log(len(PATTERNS))  # every valid pattern at 1/30: the best possible
UNIFORM = -16 * math.log(2)  # every one of the 2^16 images equally likely
INVALID_COUNT = 2**16 - len(PATTERNS)
SLIDER_WIDTH = "340px"


class BarsStripesDashboard(TrainingDashboard):
    """An RBM on 4×4 bars and stripes with its exact p(v) and log-likelihood.

    ``model`` is the Rbm; ``log_likelihoods[i]`` the exact mean log p(v) of the 30
    patterns after epoch i (0: before training); ``valid_mass[i]`` the probability the
    model gives all 30 together; ``samples``/``sample_valid`` the last 16 Gibbs samples.
    """

    def __init__(self, lang: str = "pl"):
        super().__init__(lang)
        self._t = TEXT.for_language(lang)
        self.patterns = PATTERNS
        rng = np.random.default_rng(SEED)
        data = np.repeat(PATTERNS, COPIES, axis=0)
        self.data = data[rng.permutation(len(data))]
        self.log_likelihoods: list[float] = []
        self.valid_mass: list[float] = []
        self.samples: np.ndarray | None = None
        self.sample_valid: list[bool] = []
        self._valid_rows = {p.tobytes() for p in PATTERNS}
        self._draws = 0  # each "sample" press draws new chains
        self._run_id = 0
        self._trainer = BackgroundFit(min_interval=0.4)
        self._build()

    # Construction -------------------------------------------------------------------------
    def _build_controls(self) -> None:
        t = self._t
        self._hidden = slider(t("hidden"), DEFAULTS["hidden"], 1, 12, 1, integer=True,
                              width=SLIDER_WIDTH, continuous_update=False)  # fmt: skip
        self._k = slider(t("k"), DEFAULTS["k"], 1, 20, 1, integer=True, width=SLIDER_WIDTH,
                         continuous_update=False)  # fmt: skip
        self._method = toggles(t("method"), [("CD-k", "cd"), ("PCD-k", "pcd")],
                               DEFAULTS["method"], button_width="70px")  # fmt: skip
        self._learning_rate = log_slider(t("learning_rate"), DEFAULTS["learning_rate"], -3.0,
                                         2.0, step=0.25, readout_format=".2g",
                                         width=SLIDER_WIDTH, continuous_update=False)  # fmt: skip
        self._epochs = slider(t("epochs"), DEFAULTS["epochs"], 1, 200, 1, integer=True,
                              width=SLIDER_WIDTH, continuous_update=False)  # fmt: skip
        self._gibbs_steps = slider(t("gibbs_steps"), DEFAULTS["gibbs_steps"], 1, 1000, 1,
                                   integer=True, width=SLIDER_WIDTH,
                                   continuous_update=False)  # fmt: skip
        self._play = button(t("play"), icon="play", kind="success")
        self._stop = button(t("stop"), icon="stop")
        self._reset = button(t("reset"), icon="refresh")
        self._sample = button(t("sample"), icon="random", kind="primary", width="auto")
        self._gibbs_steps.tooltip = t("gibbs_steps_tip")  # silent until a draw (issue 24)
        for name in ("hidden", "k", "method", "learning_rate", "epochs", "gibbs_steps", "play",
                     "stop", "reset", "sample"):  # fmt: skip
            getattr(self, f"_{name}").add_class(f"dl-{name.replace('_', '-')}")
        self._stop.disabled = True
        self._progress = ipywidgets.FloatProgress(0, min=0, max=1, layout={"width": "330px"})
        self._model_controls = [*self._rebuild_controls().values(), self._learning_rate,
                                self._epochs, self._play, self._reset, self._sample]  # fmt: skip

    def _next_training_controls(self) -> list:
        return [self._epochs, self._learning_rate]

    def _build_figures(self) -> None:
        t = self._t
        self._status = html("", "dl-status")
        names = [t("model_line"), t("bound_line", value=BOUND), t("uniform_line", value=UNIFORM)]
        self.likelihood = likelihood_figure(
            t("likelihood_title"), t("epoch_axis"), t("likelihood_axis"), names
        )
        hover = [t("pattern_hover", index=i + 1) for i in range(len(PATTERNS))]
        self.distribution = distribution_figure(
            PATTERNS, t("probability_axis"), t("true_line"), hover
        )
        self.sample_figure = samples_figure(t("samples_empty"))

    def _lay_out(self) -> None:
        t = self._t
        buttons = ipywidgets.HBox([self._play, self._stop, self._reset])
        controls = column(
            [html(t("controls_help"), "dl-note"), self._hidden, self._method, self._k,
             html(t("method_help"), "dl-note"), self._learning_rate, self._epochs, buttons,
             self._progress],
            width="360px",
        )  # fmt: skip
        sampling = column(
            [html(t("sample_help"), "dl-note"), self._gibbs_steps, self._sample], width="360px"
        )
        body = [
            self._status,
            row([controls, self.likelihood]),
            self.distribution,
            row([sampling, self.sample_figure]),
        ]
        self._page(t("title"), t("intro"), *body)
        self.add_class("dl-rbm-exact")
        self.add_class("dl-sharp-images")

    def _wire(self) -> None:
        for control in self._rebuild_controls().values():
            control.observe(self._on_rebuild_setting, names="value")
        self._learning_rate.observe(self._on_learning_rate, names="value")
        self._play.on_click(self._on_play_click)
        self._stop.on_click(self._on_stop_click)
        self._reset.on_click(self._on_reset_click)
        self._sample.on_click(self._on_sample_click)

    # Public API (notebook cells and tests) ------------------------------------------------
    @property
    def status_text(self) -> str:
        return unescape(self._status.value)

    @property
    def running(self) -> bool:
        return self._trainer.running

    def probabilities(self) -> np.ndarray:
        """The model's exact p(v) of each of the 30 valid patterns, now."""
        return rb.model_distribution(self.model, PATTERNS)

    @shows_errors
    def play(self, background: bool = True) -> None:
        """Train ``epochs`` more epochs (in the background unless ``background=False``)."""
        if self.model is None:
            return
        self._trainer.join(1.0)  # a run drawing its end: a second to finish
        self._refuse_while_training()
        if rb.diverged(self.model):
            raise self._diverged_error()
        self.clear_error()
        done = len(self.log_likelihoods) - 1
        epochs = int(self._epochs.value)
        fit = {"epochs": done + epochs, "initial_epoch": done, "shuffle": True,
               "callbacks": [self._likelihood_callback()]}  # fmt: skip
        self._jobs = [FitJob(self.model, self.data, None, fit, "rbm")]
        self._play.disabled, self._stop.disabled = True, False
        self._progress.value = 0
        self._show_status(self._t("compiling"))
        self.trained.clear()
        self._run_id += 1
        run_id = self._run_id
        self._trainer.on_progress = lambda progress: self._on_progress(run_id, progress)
        self._trainer.on_done = lambda trainer: self._on_trained(run_id, trainer)
        (self._trainer.start if background else self._trainer.run_here)(*self._jobs)

    @shows_errors
    def reset(self) -> None:
        """Stop, a new RBM from the seed with the chosen units, k and method."""
        if self.ready.is_set():
            self._rebuild()

    @shows_errors
    def draw_samples(self) -> None:
        """16 Gibbs chains from noise, ``gibbs_steps`` steps, on a numpy copy of the RBM."""
        if self.model is None:
            return
        self._draws += 1
        rng = np.random.default_rng(SEED + self._draws)
        starts = (rng.random((SAMPLES, 16)) < 0.5).astype(np.float32)
        steps = int(self._gibbs_steps.value)
        copy = rb.NumpyRbm.from_model(self.model)
        _, samples, _ = copy.gibbs(starts, steps, seed=SEED + self._draws)
        self.samples = samples
        self.sample_valid = [s.tobytes() in self._valid_rows for s in samples]
        self._draw_samples(steps)

    def code(self) -> str:
        """Plain Keras and numpy code for this small RBM as ``model`` ("show the code")."""
        return keras_code(
            int(self._hidden.value), int(self._k.value), self._method.value == "pcd",
            float(self._learning_rate.value), int(self._epochs.value), COPIES, BATCH_SIZE,
            SEED, self.lang,
        )  # fmt: skip

    def _settings(self) -> dict[str, Setting]:
        """``configure(hidden=..., k=..., method="cd"|"pcd", learning_rate=..., epochs=...,
        gibbs_steps=...)``: new hidden units, k or method start again."""
        settings = {name: Setting(control) for name, control in self._rebuild_controls().items()}
        settings["learning_rate"] = Setting(self._learning_rate)
        settings["epochs"] = Setting(self._epochs)
        settings["gibbs_steps"] = Setting(self._gibbs_steps)
        return settings

    def _after_configure(self, settings: dict) -> None:
        if self.model is None:
            return
        if any(name in REBUILDS for name in settings):
            self.reset()
        elif "learning_rate" in settings:
            self.model.learning_rate.assign(float(self._learning_rate.value))

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        self._rebuild()

    def _rebuild(self) -> None:
        self._stop_running()
        hidden = int(self._hidden.value)
        # What the press changed, first (issue 24: k and the method changed nothing visible,
        # the same seeded weights); the RBM and its figures follow.
        method = f"{'PCD' if self._method.value == 'pcd' else 'CD'}-{int(self._k.value)}"
        self._show_status(self._t("ready", hidden=hidden, method=method))
        self.model = rb.build_rbm(
            n_visible=16, n_hidden=hidden, k=int(self._k.value),
            persistent=self._method.value == "pcd",
            learning_rate=float(self._learning_rate.value), batch_size=BATCH_SIZE,
            momentum=0.5, weight_decay=0.0, seed=SEED, name="rbm_bars_stripes",
        )  # fmt: skip
        self._run_id += 1  # a late message from a stopped run must not draw over this
        self.log_likelihoods, self.valid_mass = [], []
        self._measure(self.model)
        self.samples, self.sample_valid = None, []
        self._progress.value = 0
        self._play.disabled, self._stop.disabled = False, True
        self._draw()
        self._draw_samples(None)

    def _measure(self, model) -> None:
        """Append the exact log-likelihood and valid mass of the model's weights now."""
        copy = rb.NumpyRbm.from_model(model)
        log_z = rb.exact_log_partition(copy)
        p = rb.model_distribution(copy, PATTERNS, log_z=log_z)
        self.valid_mass.append(float(np.sum(p)))
        self.log_likelihoods.append(float(np.mean(np.log(np.maximum(p, 1e-300)))))

    def _likelihood_callback(self):
        """A Keras callback measuring after every epoch, in the training thread."""
        from ..backend import load_keras

        keras = load_keras()
        dashboard = self

        class ExactLikelihood(keras.callbacks.Callback):
            def on_epoch_end(self, epoch, logs=None):
                dashboard._measure(self.model)
                if rb.diverged(self.model):
                    self.model.stop_training = True

        return ExactLikelihood()

    def _stop_running(self, patience: float = 0.6) -> None:
        if not self._trainer.running:
            return
        self._trainer.stop()
        if not self._trainer.join(patience):
            self._trainer = BackgroundFit(min_interval=0.4)

    def _rebuild_controls(self) -> dict:
        return {"hidden": self._hidden, "k": self._k, "method": self._method}

    def _rate_text(self) -> str:
        return number(float(f"{float(self._learning_rate.value):.3g}"), self.lang)

    def _diverged_error(self) -> StudentError:
        return StudentError("rbm_exact.diverged", rate=self._rate_text())

    # Events -------------------------------------------------------------------------------
    @reacts
    def _on_rebuild_setting(self, change) -> None:
        self.clear_error()
        self.reset()

    @reacts
    def _on_learning_rate(self, change) -> None:
        if self.model is not None:
            self.model.learning_rate.assign(float(change["new"]))

    @reacts
    def _on_play_click(self, _button) -> None:
        self.play()

    @reacts
    def _on_reset_click(self, _button) -> None:
        self.clear_error()
        self.reset()

    @reacts
    def _on_sample_click(self, _button) -> None:
        self.draw_samples()

    def _on_progress(self, run_id: int, progress: Progress) -> None:
        # The training thread, at most every 0.4 s (2.5 views a second), and at the end.
        if run_id != self._run_id:
            return
        self._draw()
        if not progress.done:
            self._progress.value = progress.fraction
            epoch = len(self.log_likelihoods) - 1
            total = self._jobs[0].fit_kwargs["epochs"]
            ll = self.log_likelihoods[-1]
            self._show_status(self._t("training", epoch=epoch, total=total, ll=ll))

    @ends_run
    def _on_trained(self, run_id: int, trainer: BackgroundFit) -> None:
        try:
            epochs = len(self.log_likelihoods) - 1
            if trainer.error is not None:
                self.show_error(trainer.error)
            elif rb.diverged(self.model):
                self.show_error(self._diverged_error())
            elif epochs and self.log_likelihoods[-1] < UNIFORM - 0.5:
                rate = self._rate_text()
                ll = self.log_likelihoods[-1]
                self.show_error(StudentError("rbm_exact.worse_than_uniform", rate=rate, ll=ll))
            elif trainer.stopped:
                self._show_status(self._t("stopped", epochs=epochs))
            else:
                self._progress.value = 1.0
                self._show_status(self._t("done", epochs=epochs, ll=self.log_likelihoods[-1],
                                          bound=BOUND, valid=self.valid_mass[-1]))  # fmt: skip
            self._draw()
        finally:
            self._play.disabled, self._stop.disabled = False, True  # last: see DbnDashboard

    # Drawing ------------------------------------------------------------------------------
    def _show_status(self, text: str) -> None:
        self._status.value = escape(text)

    def _draw(self) -> None:
        values = list(self.log_likelihoods)
        update_traces(self.likelihood, likelihood_data(values, BOUND, UNIFORM))
        p = rb.model_distribution(self.model, PATTERNS)
        valid = float(np.sum(p))
        data, layout = distribution_data(p)
        title = self._t("distribution_title", valid=valid, invalid=max(0.0, 1.0 - valid),
                        invalid_count=INVALID_COUNT)  # fmt: skip
        update_traces(self.distribution, data, {**layout, "title.text": title})

    def _draw_samples(self, steps: int | None) -> None:
        if self.samples is None:
            title, source = self._t("samples_empty"), samples_source(None, [])
        else:
            valid = sum(self.sample_valid)
            title = self._t("samples_title", steps=steps, valid=valid)
            source = samples_source(self.samples, self.sample_valid)
        image = self.sample_figure.layout.images[0]
        with self.sample_figure.batch_update():
            self.sample_figure.layout.images = [{**image.to_plotly_json(), "source": source}]
            self.sample_figure.layout.title.text = title
