"""Lesson 12 dashboard (part 2): a plain and a denoising autoencoder on the same noisy
digits, and a linear autoencoder beside PCA-2.

**Plain vs denoising.** Two dense autoencoders of the same size (784 → 256 → 32 → 256 →
784, :func:`widgets.models.autoencoder.build_autoencoder`): the plain one trains on clean
digits, the denoising one on digits with Gaussian noise of σ = "training noise" (added
inside the model, during training only); both are asked for the clean digit. One
:class:`widgets.training.BackgroundFit` trains them in **turns**, one epoch a job (as
lesson 11's memory dashboard), so both curves grow together: the MSE on the test digits
with noise of the training σ against the clean digits, beside the MSE of the noisy input
itself (a model that only copies its input scores that). A strip shows the same eight
test digits clean, with noise of the slider's σ, and as each model gives them back.
Moving the noise slider re-noises the digits (the same noise pattern, scaled) and runs
both models again at once: a numpy copy of each model's weights
(:class:`widgets.models.autoencoder.NumpyAutoencoder`, refreshed after every epoch), so
no Keras call is made per slider move.

**Linear AE = PCA.** A button trains a linear 2-unit autoencoder (no hidden layer, no
activation; Baldi & Hornik 1989) and shows its test MSE beside PCA-2's (numpy SVD,
computed when the dashboard is built), their two scatters of the test codes, coloured by
digit, and a few reconstructions of each.

A loss that stops being a finite number (too large a learning rate) stops that model;
the banner says so, in the page's language.
"""

from __future__ import annotations

import math
from html import escape, unescape

import ipywidgets
import numpy as np

from ..controls import button, column, heading, html, log_slider, row, slider
from ..errors import StudentError
from ..figures.live import update_traces
from ..i18n import number
from ..models import autoencoder as ae  # Keras only inside its functions
from ..recent import Recent
from ..training import BackgroundFit, FitJob, Progress, batches
from ..ui import Setting, TrainingDashboard, ends_run, reacts, shows_errors
from .code import keras_code
from .figures import (
    MODELS,
    codes_data,
    codes_figure,
    curves_data,
    curves_figure,
    draw_strip,
    epoch_ticks,
    strip_figure,
)
from .texts import TEXT

DEFAULTS = {
    "test_sigma": 0.5,
    "train_sigma": 0.5,
    "epochs": 10,
    "images": 8000,
    "learning_rate": 1e-3,
}
REBUILDS = ("train_sigma", "images", "learning_rate")  # these start again
KEPT_MODELS = 6  # untrained models kept for settings switched back (two a setting)
HIDDEN, CODE_SIZE = (256,), 32  # both models of section 1
BATCH_SIZE = 128
LINEAR = {"epochs": 10, "batch_size": 32, "learning_rate": 3e-3}  # within 0.3 % of PCA-2
STRIP_DIGITS = 8
STRIP_NOISE_SEED = 12  # the strip's noise pattern; the slider scales it
VALIDATION_NOISE_SEED = 7
RECON_DIGITS = 8
SEED = 0
SLIDER_WIDTH = "340px"


class DenoisingDashboard(TrainingDashboard):
    """Plain vs denoising autoencoder, and the linear autoencoder vs PCA-2.

    ``models`` maps "plain", "denoising" and "linear" to their Keras models; ``model`` is
    the denoising autoencoder; ``pca`` the :class:`widgets.models.autoencoder.Pca` of
    the training images; ``losses[name]`` the MSE on the noisy test digits after each
    epoch; ``strip_errors`` the MSE of each strip row; ``linear_result`` the test MSE
    of PCA-2 and of the linear autoencoder once it has trained.
    """

    def __init__(self, lang: str = "pl", images: int = DEFAULTS["images"]):
        super().__init__(lang)
        self._t = TEXT.for_language(lang)
        self._first_images = images  # the slider's start (tests use a small set)
        self.data = None  # (x_train, y_train, x_test, y_test)
        self.models: dict = {}
        self.pca = None
        self.losses: dict[str, list[float]] = {name: [] for name in MODELS}
        self.diverged: set[str] = set()
        self.strip_errors: dict[str, float] = {}
        self.linear_result: dict[str, float] = {}
        self._forward: dict = {}  # numpy copies of the two models
        # Kept between rebuilds (issue 24: a press of images, σ or η took 3-5 s, 90 % of it
        # PCA's decomposition): the data and PCA per number of images, and untrained models
        # per (noise, η), so a setting switched back answers at once. A model that trains
        # leaves the kept ones (see play).
        self._by_images: dict[int, tuple] = {}
        self._untrained = Recent(KEPT_MODELS)  # (noise, η): a model at its seeded start
        self._run_id = 0
        self._jobs: list[FitJob] = []
        self._trainer = BackgroundFit(min_interval=0.2, batch_progress=True)
        self._build()

    # Construction -------------------------------------------------------------------------
    def _build_controls(self) -> None:
        t = self._t
        self._test_sigma = slider(t("test_sigma"), DEFAULTS["test_sigma"], 0.0, 1.0, 0.05,
                                  width=SLIDER_WIDTH, readout_format=".2f")  # fmt: skip
        self._train_sigma = slider(t("train_sigma"), DEFAULTS["train_sigma"], 0.05, 1.0, 0.05,
                                   width=SLIDER_WIDTH, readout_format=".2f",
                                   continuous_update=False)  # fmt: skip
        self._images = slider(t("images"), self._first_images, 1000, 8000, 1000, integer=True,
                              width=SLIDER_WIDTH, continuous_update=False)  # fmt: skip
        self._epochs = slider(t("epochs"), DEFAULTS["epochs"], 1, 30, 1, integer=True,
                              width=SLIDER_WIDTH, continuous_update=False)  # fmt: skip
        self._learning_rate = log_slider(t("learning_rate"), DEFAULTS["learning_rate"],
                                         -4.0, 0.0, step=0.25, readout_format=".2g",
                                         width=SLIDER_WIDTH, continuous_update=False)  # fmt: skip
        self._play = button(t("play"), icon="play", kind="success")
        self._stop = button(t("stop"), icon="stop")
        self._reset = button(t("reset"), icon="refresh")
        self._linear_button = button(t("linear_train"), icon="play", kind="primary", width="auto")
        for name in ("test_sigma", "train_sigma", "images", "epochs", "learning_rate", "play",
                     "stop", "reset", "linear_button"):  # fmt: skip
            getattr(self, f"_{name}").add_class(f"dl-{name.replace('_', '-')}")
        self._stop.disabled = True
        self._progress = ipywidgets.FloatProgress(0, min=0, max=1, layout={"width": "330px"})
        self._model_controls = [*self._rebuild_controls().values(), self._epochs, self._play,
                                self._reset, self._linear_button]  # fmt: skip

    def _next_training_controls(self) -> list:
        return [self._epochs]

    def _build_figures(self) -> None:
        t = self._t
        self._status = html("", "dl-status")
        self._linear_status = html("", "dl-status")
        names = {name: t(name) for name in MODELS}
        title = t("curves_title", sigma=DEFAULTS["train_sigma"])
        self.curves = curves_figure(names, title, t("epoch_axis"), t("mse_axis"))
        self.strip = strip_figure(t("strip_title"), 4, STRIP_DIGITS)
        self.codes = codes_figure(
            [t("pca_title"), t("linear_title")],
            [t("code_1"), t("code_2")],
            [t("digit", label=digit) for digit in range(10)],
        )
        self.recon = strip_figure(t("recon_title"), 3, RECON_DIGITS)

    def _lay_out(self) -> None:
        t = self._t
        controls = column(
            [html(t("denoise_help"), "dl-note"), self._test_sigma, self._train_sigma,
             html(t("train_sigma_help"), "dl-note"), self._images, self._learning_rate,
             self._epochs, ipywidgets.HBox([self._play, self._stop, self._reset]),
             self._progress],
            width="360px",
        )  # fmt: skip
        section_1 = [heading(t("denoise_heading")), self._status,
                     row([controls, ipywidgets.VBox([self.curves, self.strip])])]  # fmt: skip
        linear_text = column([html(t("linear_help"), "dl-note"), self._linear_button],
                             width="360px")  # fmt: skip
        section_2 = [heading(t("linear_heading")), self._linear_status,
                     row([linear_text, self.recon]), self.codes]  # fmt: skip
        self._page(t("title"), t("intro"), *section_1, *section_2)
        self.add_class("dl-denoising")

    def _wire(self) -> None:
        for control in self._rebuild_controls().values():
            control.observe(self._on_setting_change, names="value")
        self._test_sigma.observe(self._on_test_sigma, names="value")
        self._play.on_click(self._on_play_click)
        self._stop.on_click(self._on_stop_click)
        self._reset.on_click(self._on_reset_click)
        self._linear_button.on_click(self._on_linear_click)

    # Public API (notebook cells and tests) ------------------------------------------------
    @property
    def status_text(self) -> str:
        return unescape(self._status.value)

    @property
    def linear_status_text(self) -> str:
        return unescape(self._linear_status.value)

    @property
    def running(self) -> bool:
        return self._trainer.running

    @property
    def test_sigma(self) -> float:
        return float(self._test_sigma.value)

    @shows_errors
    def play(self, background: bool = True) -> None:
        """Train both models ``epochs`` more epochs each, in turns."""
        if self.data is None or self._trainer.running:
            return
        if self.diverged:
            raise self._diverged_error()
        self.clear_error()
        training = list(self.models.values())  # trained from now on: never handed out again
        self._untrained.forget(lambda kept: any(kept is model for model in training))
        self._jobs = self._fit_jobs(int(self._epochs.value))
        self._play.disabled, self._stop.disabled = True, False
        self._progress.value = 0
        self._show_status(self._t("compiling", name=self._t(MODELS[0])))
        self._start(self._jobs, self._on_progress, self._on_trained, background)

    @shows_errors
    def train_linear(self, background: bool = True) -> None:
        """Train the linear 2-unit autoencoder from its seeded start, then compare with PCA."""
        if self.data is None:
            return
        self._refuse_while_training()
        self.clear_error()
        model = ae.build_autoencoder("linear", 2, learning_rate=LINEAR["learning_rate"], seed=SEED)
        self.models["linear"] = model
        self.linear_result = {}
        fit = {"epochs": LINEAR["epochs"], "batch_size": LINEAR["batch_size"], "shuffle": True}
        fit["callbacks"] = [self._nan_guard("linear")]
        self._jobs = [FitJob(model, self.data[0], self.data[0], fit, "linear")]
        self._play.disabled, self._stop.disabled = True, False
        self._linear_button.disabled = True
        self._show_linear(self._t("linear_training", epoch=0, total=LINEAR["epochs"]))
        self._start(self._jobs, self._on_linear_progress, self._on_linear_trained, background)

    @shows_errors
    def reset(self) -> None:
        """Stop, new models from the seed (and the data of the chosen size), empty curves."""
        if self.ready.is_set():
            self._rebuild()

    def code(self) -> str:
        """Plain Keras code for both sections ("show the code"); ``model`` is the
        denoising autoencoder."""
        return keras_code(
            int(self._images.value),
            float(self._train_sigma.value),
            float(self._learning_rate.value),
            int(self._epochs.value),
            HIDDEN[0],
            CODE_SIZE,
            LINEAR,
            self.lang,
        )

    def _settings(self) -> dict[str, Setting]:
        """``configure(test_sigma=..., train_sigma=..., images=..., learning_rate=...,
        epochs=...)``: a new training σ, number of images or η starts again."""
        settings = {name: Setting(control) for name, control in self._rebuild_controls().items()}
        settings["epochs"] = Setting(self._epochs)
        settings["test_sigma"] = Setting(self._test_sigma)
        return settings

    def _after_configure(self, settings: dict) -> None:
        if any(name in REBUILDS for name in settings):
            self.reset()
        elif self.data is not None:
            self._draw_strip()

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        self._rebuild()

    def _rebuild(self) -> None:
        """The data of the chosen size, PCA-2, two new models at their seeded start."""
        self._stop_running()
        images, sigma = int(self._images.value), float(self._train_sigma.value)
        rate = float(self._learning_rate.value)
        # What the press changed, first (issue 24); the models and figures follow.
        self._show_status(self._t("ready", n=images, sigma=sigma, rate=rate))
        pca_before, linear_before = self.pca, bool(self.linear_result)
        if images not in self._by_images:
            data = ae.mnist_split(images, 2000)
            self._by_images[images] = (data, ae.Pca(2).fit(data[0]))
        self.data, self.pca = self._by_images[images]
        x_train, _, x_test, _ = self.data
        self._validation = ae.corrupt(x_test, sigma, seed=VALIDATION_NOISE_SEED)
        self._noisy_mse = float(np.mean((self._validation - x_test) ** 2))
        self.models = {
            name: self._untrained_model(noise, rate)
            for name, noise in (("plain", 0.0), ("denoising", sigma))
        }
        self.model = self.models["denoising"]
        self._forward = {name: ae.NumpyAutoencoder.from_model(m) for name, m in self.models.items()}
        self._batches = None  # made at ▶ (50-100 ms a pipeline), see _fit_jobs
        self.losses = {name: [] for name in MODELS}
        self.diverged, self.linear_result = set(), {}
        self._run_id += 1  # a late message from a stopped run must not draw over this
        self._progress.value = 0
        self._play.disabled, self._stop.disabled = False, True
        self._linear_button.disabled = False
        self._draw_curves()
        self._draw_strip()
        if self.pca is not pca_before or linear_before:  # else section 2 shows this already
            self._draw_linear()
        self._show_linear(
            self._t("linear_ready", pca=self.pca.mse(x_test), epochs=LINEAR["epochs"])
        )

    def _untrained_model(self, noise: float, rate: float):
        """A model at its seeded start: kept from before for this (noise, η), or built."""
        key = (noise, rate)
        model = self._untrained.pop(key, None)
        if model is None:
            model = ae.build_autoencoder("dense", CODE_SIZE, HIDDEN, noise=noise,
                                         learning_rate=rate, seed=SEED)  # fmt: skip
        return self._untrained.keep(key, model)

    def _pipelines(self) -> tuple:
        """The training and validation batches of the current data, made once a rebuild."""
        if self._batches is None:
            x_train, x_test = self.data[0], self.data[2]
            self._batches = (
                batches(x_train, x_train, BATCH_SIZE, shuffle=True, seed=SEED),
                batches(self._validation, x_test, 500),
            )
        return self._batches

    def _fit_jobs(self, epochs: int) -> list[FitJob]:
        """``epochs`` rounds of one epoch per model (plain, denoising), one fit call each."""
        train, validation = self._pipelines()
        jobs = []
        for round_ in range(epochs):
            for name in MODELS:
                done = len(self.losses[name]) + round_
                kwargs = {"epochs": done + 1, "initial_epoch": done, "shuffle": False}
                kwargs["validation_data"] = validation
                kwargs["callbacks"] = [self._nan_guard(name)]
                skip = self._skipper(name)
                jobs.append(FitJob(self.models[name], train, None, kwargs, name, skip))
        return jobs

    def _skipper(self, name: str):
        return lambda: name in self.diverged

    def _nan_guard(self, name: str):
        """A Keras callback: a loss that is not finite stops this model's epoch."""
        from ..backend import load_keras

        keras = load_keras()
        dashboard = self

        class NanGuard(keras.callbacks.Callback):
            def on_train_batch_end(self, batch, logs=None):
                loss = (logs or {}).get("loss")
                if loss is not None and not math.isfinite(float(loss)):
                    dashboard.diverged.add(name)
                    self.model.stop_training = True

        return NanGuard()

    def _start(self, jobs, on_progress, on_done, background: bool) -> None:
        self.trained.clear()
        self._run_id += 1
        run_id = self._run_id
        self._trainer.on_progress = lambda progress: on_progress(run_id, progress)
        self._trainer.on_done = lambda trainer: on_done(run_id, trainer)
        run = self._trainer.start if background else self._trainer.run_here
        run(*jobs)

    def _stop_running(self, patience: float = 0.6) -> None:
        """Stop a running training, waiting at most ``patience`` seconds; a run still
        compiling is left to finish unseen on its own trainer (its run id is old)."""
        if not self._trainer.running:
            return
        self._trainer.stop()
        if not self._trainer.join(patience):
            self._trainer = BackgroundFit(min_interval=0.2, batch_progress=True)

    def _rebuild_controls(self) -> dict:
        return {
            "train_sigma": self._train_sigma,
            "images": self._images,
            "learning_rate": self._learning_rate,
        }

    def _diverged_error(self) -> StudentError:
        names = ", ".join(self._t(name) for name in MODELS if name in self.diverged)
        rate = number(float(f"{float(self._learning_rate.value):.3g}"), self.lang)
        return StudentError("denoising.diverged", names=names, rate=rate)

    # Events -------------------------------------------------------------------------------
    @reacts
    def _on_setting_change(self, change) -> None:
        self.clear_error()
        self.reset()

    @reacts
    def _on_test_sigma(self, change) -> None:
        if self.data is not None:
            self._draw_strip()

    @reacts
    def _on_play_click(self, _button) -> None:
        self.play()

    @reacts
    def _on_reset_click(self, _button) -> None:
        self.clear_error()
        self.reset()

    @reacts
    def _on_linear_click(self, _button) -> None:
        self.train_linear()

    def _on_progress(self, run_id: int, progress: Progress) -> None:
        # The training thread, at most every 0.2 s, and after the last job.
        if run_id != self._run_id:
            return
        if progress.ended:
            for end in progress.ended:
                self._record(self._jobs[end.job].name, end.logs)
            self._draw_curves()
            self._draw_strip()
        if not progress.done:
            self._show_progress(progress)

    def _record(self, name: str, logs: dict) -> None:
        """One finished epoch of ``name``: its validation MSE, a fresh numpy copy."""
        loss = logs.get("val_loss")
        if loss is None or not math.isfinite(float(loss)) or name in self.diverged:
            self.diverged.add(name)
            return
        self.losses[name].append(float(loss))
        self._forward[name] = ae.NumpyAutoencoder.from_model(self.models[name])

    @ends_run
    def _on_trained(self, run_id: int, trainer: BackgroundFit) -> None:
        self._play.disabled, self._stop.disabled = False, True
        self._progress.value = 1.0 if not trainer.stopped else self._progress.value
        if trainer.error is not None:
            self.show_error(trainer.error)
        elif self.diverged:
            self.show_error(self._diverged_error())
        self._show_summary(trainer.stopped)

    def _on_linear_progress(self, run_id: int, progress: Progress) -> None:
        if run_id != self._run_id or progress.done:
            return
        epoch = min(progress.epoch + 1, LINEAR["epochs"])
        self._progress.value = progress.fraction
        self._show_linear(self._t("linear_training", epoch=epoch, total=LINEAR["epochs"]))

    @ends_run
    def _on_linear_trained(self, run_id: int, trainer: BackgroundFit) -> None:
        self._play.disabled, self._stop.disabled = False, True
        self._linear_button.disabled = False
        if trainer.error is not None:
            self.show_error(trainer.error)
        elif "linear" in self.diverged:
            self.diverged.discard("linear")
            self.models.pop("linear", None)
            self.show_error(StudentError("denoising.linear_diverged"))
        else:
            self._compare_linear(trainer)
        self._draw_linear()

    def _compare_linear(self, trainer: BackgroundFit) -> None:
        x_test = self.data[2]
        epochs = len(trainer.histories[0].history["loss"]) if trainer.histories else 0
        pca = self.pca.mse(x_test)
        linear = float(ae.reconstruction_error(self.models["linear"], x_test).mean())
        self.linear_result = {"pca": pca, "linear": linear, "epochs": epochs}
        difference = 100.0 * (linear / pca - 1.0)
        self._show_linear(
            self._t("linear_result", pca=pca, ae=linear, difference=difference, epochs=epochs)
        )

    # Drawing ------------------------------------------------------------------------------
    def _show_status(self, text: str) -> None:
        self._status.value = escape(text)

    def _show_linear(self, text: str) -> None:
        self._linear_status.value = escape(text)

    def _show_progress(self, progress: Progress) -> None:
        jobs = max(len(self._jobs), 1)
        within = progress.batch / progress.batches if progress.batch and progress.batches else 1.0
        self._progress.value = min(1.0, (progress.job + within) / jobs)
        if progress.batch:
            epoch, total = progress.job // len(MODELS) + 1, jobs // len(MODELS)
            name = self._t(progress.name)
            text = self._t("training", name=name, epoch=epoch, total=total,
                           batch=progress.batch, batches=progress.batches)  # fmt: skip
            self._show_status(text)

    def _show_summary(self, stopped: bool) -> None:
        if stopped:
            self._show_status(self._t("stopped"))
            return
        if not all(self.losses[name] for name in MODELS):
            return
        epochs = max(len(values) for values in self.losses.values())
        plain, denoising = (self.losses[name][-1] for name in MODELS)
        text = self._t("summary", epochs=epochs, plain=plain, denoising=denoising,
                       noisy=self._noisy_mse)  # fmt: skip
        self._show_status(text)

    def _draw_curves(self) -> None:
        sigma = float(self._train_sigma.value)
        name = self._t("noisy_line", sigma=sigma, mse=self._noisy_mse)
        data = curves_data(self.losses, self._noisy_mse, name)
        epochs = max(len(values) for values in self.losses.values())
        layout = {"title.text": self._t("curves_title", sigma=sigma), **epoch_ticks(epochs)}
        update_traces(self.curves, data, layout)

    def strip_rows(self) -> dict[str, np.ndarray]:
        """The strip's digits: clean, noisy (the slider's σ), and each model's output."""
        clean = self.data[2][self._strip_indices()]
        noisy = ae.corrupt(clean, self.test_sigma, seed=STRIP_NOISE_SEED)
        rows = {"clean": clean, "noisy": noisy}
        for name in MODELS:
            rows[name] = self._forward[name](noisy)
        return rows

    def _strip_indices(self) -> np.ndarray:
        """The first test image of each of the digits 0–7."""
        labels = self.data[3]
        return np.array([int(np.argmax(labels == digit)) for digit in range(STRIP_DIGITS)])

    def _draw_strip(self) -> None:
        rows = self.strip_rows()
        clean = rows["clean"]
        self.strip_errors = {k: float(np.mean((v - clean) ** 2)) for k, v in rows.items()}
        t = self._t
        labels = [
            t("row_clean"),
            t("row_noisy", sigma=self.test_sigma, mse=self.strip_errors["noisy"]),
        ]
        for name in MODELS:
            epochs = len(self.losses[name])
            mse = self.strip_errors[name]
            labels.append(t("row_model", name=t(name), epochs=epochs, mse=mse))
        draw_strip(self.strip, list(rows.values()), labels)

    def _draw_linear(self) -> None:
        """PCA's codes and reconstructions; the linear AE's once it has trained."""
        x_test, y_test = self.data[2], self.data[3]
        linear = self.models.get("linear") if self.linear_result else None
        pca_codes = self.pca.transform(x_test)
        ae_codes = ae.encode(linear, x_test) if linear is not None else None
        update_traces(self.codes, codes_data(pca_codes, y_test) + codes_data(ae_codes, y_test))
        shown = x_test[self._strip_indices()[:RECON_DIGITS]]
        pca_rows = self.pca.reconstruct(shown)
        t = self._t
        labels = [t("row_original"), t("row_pca", mse=self.pca.mse(x_test))]
        if linear is None:
            rows = [shown, pca_rows, np.zeros_like(shown)]
            labels.append(t("row_linear_untrained"))
        else:
            rows = [shown, pca_rows, ae.reconstruct(linear, shown)]
            labels.append(t("row_linear", mse=self.linear_result["linear"]))
        draw_strip(self.recon, rows, labels)
