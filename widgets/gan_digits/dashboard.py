"""Lesson 14's digits panel: a small DCGAN that learns MNIST digits in front of the class.

The Gan (:func:`widgets.models.dcgan.build_dcgan`) trains in the background through a
:class:`widgets.training.TrainingLoop`: its trainer thread calls a
:class:`widgets.models.gan.StepRunner` (the steps run in one traced TensorFlow loop a call,
no Python per step) and its painter thread redraws every ``FRAME_S`` seconds: the 8×8 grid
of G's images of 64 fixed noise vectors (one PNG layout image, redrawn alone), both losses
and D(real)/D(fake). Stop ends the run after the current call; ▶ Train goes on from the
same networks. The noise size and the two learning rates rebuild the networks (refused
while training); the data (all digits or one) and the batch size apply at the next ▶ Train.
A loss that stops being a number (too high a learning rate) stops the run with a message;
the next ▶ Train starts from new networks. (Adam bounds each step by η, and D's loss is
computed from logits: here even η = 10 for both networks ran 100 steps without a NaN, so
the tests inject one.)

The morph: two noise vectors z₀ and z₁ (two tiles of the grid, or a random pair) and a
slider t; the generator draws G(z) for z between them (:func:`widgets.models.dcgan.
interpolate`, spherical or linear) with one direct ``generator(z, training=False)`` call, the
bare reference of the benchmark. It works before training too (noise-like images).

``dashboard.model`` is the Gan (``.generator``, ``.discriminator``).
"""

from __future__ import annotations

import threading
import time
from html import escape

import ipywidgets
import numpy as np

from ..controls import (
    accepts,
    button,
    column,
    dropdown,
    html,
    log_slider,
    plain_text,
    row,
    slider,
    toggles,
    value_for,
)
from ..errors import StudentError
from ..figures.live import replace_layout_item, update_traces
from ..i18n import number
from ..models import dcgan, gan  # Keras only inside their functions
from ..recent import Recent
from ..training import TrainingLoop
from ..ui import Setting, TrainingDashboard, ends_training, reacts, shows_errors
from .code import keras_code
from .figures import (
    MORPH_STYLE,
    curves_data,
    curves_figure,
    grid_figure,
    morph_images,
    picture_url,
    png_bytes,
)
from .texts import TEXT

NOISE_DIMS = (8, 16, 32, 64)
BATCHES = (32, 64, 128)
LR_EXPONENTS = (-5.0, 0.0)  # η from 0.00001 to 1
DEFAULTS = {"noise_dim": dcgan.NOISE_DIM, "lr": dcgan.LEARNING_RATE, "batch": 64, "steps": 600}
STEPS = (10, 5000)
# The grid and the curves while training (≥ 1 a second asked). A frame is page and Voilà
# CPU that the training shares on 2 cores: gan_digits_bench, alternating runs (3 samples
# each, load ~2.5), paired dashboard/bare ratios 0.76-0.90 (median 0.815) at 0.5 s and
# 0.82-0.91 (median 0.87) at 0.8 s, which draws the grid 1.4 times a second.
FRAME_S = 0.8
REBUILDS = ("digits_noise", "digits_d_lr", "digits_g_lr")
SEED = 0
KEPT_GANS = 3  # untrained DCGANs kept for settings switched back


class GanDigitsDashboard(TrainingDashboard):
    """See the module docstring. ``n_train`` images are used (tests: a few hundred)."""

    def __init__(self, lang: str = "pl", n_train: int = dcgan.N_TRAIN):
        super().__init__(lang)
        self._t = TEXT.for_language(lang)
        self.history: dict[str, list] = {"step": [], "d_loss": [], "g_loss": []}
        self.history |= {"d_real": [], "d_fake": []}
        self.grid_image = self.morph_image = None
        self.frame_times: list[float] = []
        self.diverged = False
        self.steps_done = 0
        self.run_seconds = 0.0
        self._n_train = int(n_train)
        self._images = None  # all n_train images (rows in [−1, 1]) and their labels
        self._runner = self._runner_key = None
        self._noise = None  # the grid's 64 fixed vectors
        self._ends = None  # z₀, z₁ of the morph
        self._run = {"asked": 0, "start": 0, "started": 0.0}
        self._sizes_by_noise: dict[int, tuple[int, int]] = {}  # noise size: (G's, D's weights)
        self._kept = Recent(KEPT_GANS)  # noise size: an untrained DCGAN
        self._stop_asked = threading.Event()
        self._view_lock = threading.RLock()
        self._trainer = TrainingLoop(self._step, self._frame, frame_interval=FRAME_S)
        self._build()

    # Construction -------------------------------------------------------------------------
    def _build_controls(self) -> None:
        t = self._t
        data = [(t("all_digits"), "all")] + [(t("only", digit=d), str(d)) for d in range(10)]
        self._data = dropdown(t("data"), data, "all")
        self._noise_dim = dropdown(t("noise_dim"), list(NOISE_DIMS), DEFAULTS["noise_dim"])
        self._d_lr = self._rate_slider(t("d_lr"))
        self._g_lr = self._rate_slider(t("g_lr"))
        self._batch = dropdown(t("batch"), list(BATCHES), DEFAULTS["batch"])
        self._steps = slider(t("steps"), DEFAULTS["steps"], *STEPS, 10, integer=True)
        self._train = button(t("train"), icon="play", kind="success")
        self._stop = button(t("stop"), icon="stop", kind="danger")
        self._stop.disabled = True
        self._progress = ipywidgets.FloatProgress(0, min=0, max=1, layout={"width": "330px"})
        tiles = list(range(1, dcgan.GRID_SIDE**2 + 1))
        self._from = dropdown(t("morph_from"), tiles, 1, width="170px")
        self._to = dropdown(t("morph_to"), tiles, 2, width="170px")
        self._random = button(t("new_random"), icon="random")
        kinds = [(t("spherical"), "spherical"), (t("linear"), "linear")]
        self._kind = toggles(t("morph_kind"), kinds, "spherical", button_width="100px")
        self._t_slider = slider("t", 0.5, 0.0, 1.0, 0.02, readout_format=".2f")
        for name in ("data", "noise_dim", "d_lr", "g_lr", "batch", "steps", "train", "stop"):
            getattr(self, f"_{name}").add_class(f"dl-{name.replace('_', '-')}")
        for name in ("from", "to", "random", "kind"):
            getattr(self, f"_{name}").add_class(f"dl-morph-{name}")
        self._t_slider.add_class("dl-morph-t")
        morph = [self._from, self._to, self._random, self._kind, self._t_slider]
        self._model_controls = [self._train, *self._rebuild_controls().values(), *morph]

    @staticmethod
    def _rate_slider(label: str):
        return log_slider(
            label, DEFAULTS["lr"], *LR_EXPONENTS, step=0.1, readout_format=".2g",
            continuous_update=False,
        )  # fmt: skip

    def _next_training_controls(self) -> list:
        return [self._data, self._batch, self._steps]

    def _build_figures(self) -> None:
        t = self._t
        self._status = html("", "dl-status")
        self._status.layout.max_width = "520px"
        self.grid_figure = grid_figure(t("grid_title"))
        self.loss_figure = curves_figure(
            [t("d_loss"), t("g_loss")], t("losses_title"), t("step_axis"), t("loss_axis")
        )
        self.score_figure = curves_figure(
            [t("d_real"), t("d_fake")], t("scores_title"), t("step_axis"), t("score_axis"),
            half=True,
        )  # fmt: skip
        self.morph_images = morph_images()
        self._morph_title = html(t("morph_title"), "dl-text")

    def _lay_out(self) -> None:
        t = self._t
        controls = column(
            [
                html(t("help"), "dl-note"),
                *self._rebuild_controls().values(),
                self._data,
                self._batch,
                self._steps,
                ipywidgets.HBox([self._train, self._stop]),
                self._progress,
            ]
        )
        curves = ipywidgets.VBox(
            [self._status, _boxed(self.loss_figure, "losses"), _boxed(self.score_figure, "scores")]
        )
        morph = ipywidgets.VBox(
            [
                html(t("morph_help"), "dl-note"),
                ipywidgets.HBox([self._from, self._to, self._random]),
                self._kind,
                self._t_slider,
                self._morph_title,
                _boxed(ipywidgets.HBox(self.morph_images), "morph"),
            ],
            layout={"max_width": "480px"},
        )
        self._page(
            t("title"),
            t("intro"),
            row([controls, _boxed(self.grid_figure, "grid")]),
            row([curves, morph]),
            style=MORPH_STYLE,
        )
        self.add_class("dl-gan-digits")
        self.add_class("dl-sharp-images")

    def _wire(self) -> None:
        self._train.on_click(self._on_train_click)
        self._stop.on_click(self._on_stop_click)
        for control in self._rebuild_controls().values():
            control.observe(self._on_rebuild_change, names="value")
        for control in (self._data, self._batch):
            control.observe(self._on_next_run_change, names="value")
        for control in (self._from, self._to):
            control.observe(self._on_ends_change, names="value")
        self._random.on_click(self._on_random_click)
        self._kind.observe(self._on_t_change, names="value")
        self._t_slider.observe(self._on_t_change, names="value")

    def _rebuild_controls(self) -> dict:
        return {"noise": self._noise_dim, "d_lr": self._d_lr, "g_lr": self._g_lr}

    def _settings(self) -> dict:
        """``configure(digits_data="all"|"0"…"9", digits_noise=..., digits_d_lr=...,
        digits_g_lr=..., digits_batch=..., digits_steps=..., morph_from=..., morph_to=...,
        morph_kind=..., morph_t=...)``: prefixed, as the lesson's page holds GAN Lab's
        panel too (its ``data``, ``d_lr``, ``g_lr``) and a URL setting goes to every panel
        that knows its name."""
        idle = {"digits_data": self._data, "digits_batch": self._batch}
        idle |= {f"digits_{name}": c for name, c in self._rebuild_controls().items()}
        settings = {name: Setting(c, check=self._idle_check(c)) for name, c in idle.items()}
        settings |= {"digits_steps": self._steps, "morph_from": self._from, "morph_to": self._to}
        settings |= {"morph_kind": self._kind, "morph_t": self._t_slider}
        return settings

    def _idle_check(self, control):
        """Refused while training; otherwise the control's own range or options."""

        def check(value):
            self._refuse_while_training()
            if control is self._data and isinstance(value, int) and not isinstance(value, bool):
                value = str(value)  # configure(data=3) means "only 3"
            if not accepts(control, value):
                raise ValueError(self._allowed(control))
            return value_for(control, value)

        return check

    def _after_configure(self, settings: dict) -> None:
        if self.model is None:
            return
        if any(name in settings for name in REBUILDS) and self._built_with != self._rebuild_key():
            self._rebuild()
        if {"morph_from", "morph_to"} & set(settings):
            self._set_ends_from_grid()
        self._draw_morph()

    def _busy_error(self) -> StudentError:
        return StudentError("gan_digits.busy")

    # Public API ---------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._trainer.running

    @property
    def status_text(self) -> str:
        return plain_text(self._status.value)

    @property
    def generator(self):
        return self.model.generator

    @property
    def discriminator(self):
        return self.model.discriminator

    @property
    def fixed_noise(self) -> np.ndarray:
        """The 64 noise vectors of the grid (row by row)."""
        return self._noise

    @property
    def morph_ends(self) -> tuple[np.ndarray, np.ndarray]:
        return self._ends

    @shows_errors
    def train(self, background: bool = True) -> None:
        """Train ``steps`` more steps (from new networks after a divergence)."""
        self._refuse_while_training()
        if self.model is None:
            raise StudentError("gan_digits.not_ready")
        self.clear_error()
        if self.diverged:
            self._rebuild()
        self._kept.forget(lambda kept: kept is self.model)  # it trains: never handed out again
        self._prepare_runner()
        self._stop_asked.clear()
        self.trained.clear()
        self._run = {"asked": int(self._steps.value), "start": self.steps_done, "started": 0.0}
        self.run_seconds = 0.0
        self._train.disabled, self._stop.disabled = True, False
        self._progress.value = 0
        self._show(self._t("compiling"))
        self._trainer = TrainingLoop(
            self._step, self._frame, self._should_stop, self._on_end, frame_interval=FRAME_S
        )
        if background:
            self._trainer.start()
        else:
            self._trainer.start()
            self._trainer.join()

    def stop(self) -> None:
        """Stop after the current call (the Stop button); ▶ Train goes on from here."""
        self._stop_asked.set()

    def new_random_pair(self, seed: int | None = None) -> None:
        """Morph between two fresh random noise vectors."""
        rng = np.random.default_rng(seed)
        dim = self.model.noise_dim
        self._ends = tuple(rng.standard_normal((2, dim)).astype(np.float32))
        self._draw_morph(all_three=True)

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        from ..data.mnist import load_mnist

        data = load_mnist()
        images = np.asarray(data.x_train[: self._n_train], dtype=np.float32)
        self._images = (images / 127.5 - 1.0).reshape(len(images), 784)
        self._labels = np.asarray(data.y_train[: self._n_train])
        self._rebuild(first=True)

    def _rebuild_key(self) -> tuple:
        return tuple(c.value for c in self._rebuild_controls().values())

    def _rebuild(self, first: bool = False) -> None:
        """New networks from the controls (seeded); the grid and the morph drawn."""
        noise_dim = int(self._noise_dim.value)
        self._built_with = self._rebuild_key()
        key = "untrained" if first else "starts_over"
        rates = {"d_lr": float(self._d_lr.value), "g_lr": float(self._g_lr.value)}
        sizes = self._sizes_by_noise.get(noise_dim)
        if sizes is not None:  # known: said before the build (issue 24: η's press showed
            self._show(self._t(key, params=sizes[0], d_params=sizes[1], **rates))  # nothing)
        kept = self._kept.pop(noise_dim, None)
        if kept is None:
            self.model = dcgan.build_dcgan(noise_dim, seed=SEED, **rates)
        else:  # kept untrained: the networks a build would give (issue 24: η's presses
            self.model = kept  # waited behind each other's builds, 140-180 ms)
            self.model.set_learning_rate("d", rates["d_lr"])
            self.model.set_learning_rate("g", rates["g_lr"])
        self._kept.keep(noise_dim, self.model)  # never handed out once it trains (see train)
        self._runner = self._runner_key = None
        self._noise = dcgan.fixed_noise(dcgan.GRID_SIDE**2, noise_dim, seed=SEED + 1)
        self.history = {key: [] for key in self.history}
        self.diverged, self.steps_done, self.run_seconds = False, 0, 0.0
        self._progress.value = 0
        self._train.disabled, self._stop.disabled = False, True
        self._set_ends_from_grid()
        self._draw_grid()
        self._draw_curves()
        self._draw_morph(all_three=True)
        g, d = self.model.generator.count_params(), self.model.discriminator.count_params()
        self._sizes_by_noise[noise_dim] = (int(g), int(d))
        self._show(self._t(key, params=int(g), d_params=int(d), **rates))

    def code(self) -> str:
        """Plain Keras code for this DCGAN as ``model`` ("show the code"): the steps
        trained so far, or the steps slider's before the first run."""
        return keras_code(
            self._data.value, int(self._noise_dim.value), float(self._d_lr.value),
            float(self._g_lr.value), int(self._batch.value),
            self.steps_done or int(self._steps.value), SEED, self.lang,
        )  # fmt: skip

    def _training_images(self) -> np.ndarray:
        if self._data.value == "all":
            return self._images
        return self._images[self._labels == int(self._data.value)]

    def _prepare_runner(self) -> None:
        """The StepRunner for the current batch size and data (a new batch size retraces)."""
        key = (int(self._batch.value), self._data.value)
        if self._runner is None or self._runner.batch_size != key[0]:
            self._runner = gan.StepRunner(self.model, self._training_images(), key[0], seed=SEED)
        elif self._runner_key != key:
            self._runner.set_data(self._training_images())
        self._runner_key = key

    # Training (the loop's threads) ---------------------------------------------------------
    def _step(self, steps: int) -> None:
        left = self._run["asked"] - (self.steps_done - self._run["start"])
        steps = max(1, min(int(steps), left))
        started = time.perf_counter()
        metrics = self._runner(steps)
        if self._run["started"] == 0.0:  # the first call traces: not counted in the rate
            self._run["started"] = time.perf_counter()
            self._run["first_steps"] = steps + self.steps_done
        else:
            self.run_seconds += time.perf_counter() - started
        self.steps_done += steps
        self.history["step"].append(self.steps_done)
        for key in ("d_loss", "g_loss", "d_real", "d_fake"):
            self.history[key].append(metrics.get(key, float("nan")))
        if gan.diverged(metrics):
            self.diverged = True

    def _should_stop(self) -> bool:
        done = self.steps_done - self._run["start"]
        return self._stop_asked.is_set() or self.diverged or done >= self._run["asked"]

    def _frame(self) -> None:
        """One live frame (the painter's thread): grid, curves, progress and status."""
        if not self.history["step"]:
            return
        self._draw_grid()
        self._draw_curves()
        self.frame_times.append(time.perf_counter())
        done = self.steps_done - self._run["start"]
        self._progress.value = min(1.0, done / max(self._run["asked"], 1))
        last = {key: values[-1] for key, values in self.history.items()}
        text = self._t(
            "training", done=done, steps=self._run["asked"], total=self.steps_done,
            rate=self.rate, d_real=last["d_real"], d_fake=last["d_fake"],
        )  # fmt: skip
        self._show(text)

    @property
    def rate(self) -> float:
        """Training steps a second of the last run, the first (traced) call left out."""
        counted = self.steps_done - self._run.get("first_steps", self.steps_done)
        return counted / self.run_seconds if self.run_seconds > 0 else 0.0

    @ends_training
    def _on_end(self, error: BaseException | None) -> None:
        self._train.disabled, self._stop.disabled = False, True
        self._draw_morph(all_three=True)
        if error is not None:
            self.show_error(error)
        elif self.diverged:
            rate = max(float(self._d_lr.value), float(self._g_lr.value))
            self.show_error(StudentError("gan_digits.diverged", rate=number(rate, self.lang)))
        self._show_summary()
        self._refresh_code()  # the code trains as many steps as the dashboard has

    def _show_summary(self) -> None:
        if self._stop_asked.is_set() or self.diverged:
            self._show(self._t("stopped", total=self.steps_done))
            return
        self._progress.value = 1.0
        last = {key: values[-1] for key, values in self.history.items() if values}
        self._show(
            self._t("trained", total=self.steps_done, d_loss=last.get("d_loss", np.nan),
                    g_loss=last.get("g_loss", np.nan), rate=self.rate)
        )  # fmt: skip

    # Events -------------------------------------------------------------------------------
    @reacts
    def _on_train_click(self, _button) -> None:
        self.train()

    @reacts
    def _on_next_run_change(self, change) -> None:
        self._put_back_while_training(change)

    @reacts
    def _on_ends_change(self, _change) -> None:
        if self.model is not None:
            self._set_ends_from_grid()
            self._draw_morph(all_three=True)

    @reacts
    def _on_random_click(self, _button) -> None:
        if self.model is not None:
            self.new_random_pair()

    @reacts
    def _on_t_change(self, _change) -> None:
        self._draw_morph()

    # Drawing ------------------------------------------------------------------------------
    def _set_ends_from_grid(self) -> None:
        self._ends = (self._noise[int(self._from.value) - 1], self._noise[int(self._to.value) - 1])

    def _draw_grid(self) -> None:
        picture = dcgan.sample_grid(self.model, self._noise)
        self.grid_image = picture
        with self._view_lock:
            replace_layout_item(self.grid_figure, "images", 0, {"source": picture_url(picture)})

    def _draw_curves(self) -> None:
        h = self.history
        with self._view_lock:
            update_traces(self.loss_figure, curves_data(h["step"], h["d_loss"], h["g_loss"]))
            update_traces(self.score_figure, curves_data(h["step"], h["d_real"], h["d_fake"]))

    def _draw_morph(self, all_three: bool = False) -> None:
        """G(z) at t between z₀ and z₁, and the two ends when they changed; one generator
        call either way."""
        if self.model is None or self._ends is None:
            return
        z0, z1 = self._ends
        z = dcgan.interpolate(z0, z1, float(self._t_slider.value), self._kind.value)
        images = dcgan.generate_images(self.model, np.stack([z, z0, z1]) if all_three else z)
        self.morph_image = images[0]
        self.morph_images[1].value = png_bytes(images[0])
        if all_three:
            self.morph_images[0].value = png_bytes(images[1])
            self.morph_images[2].value = png_bytes(images[2])

    def _show(self, text: str) -> None:
        self._status.value = escape(text)


def _boxed(figure, name: str) -> ipywidgets.Box:
    """``figure`` in a box of CSS class ``dl-<name>`` (the browser tests find it so)."""
    box = ipywidgets.Box([figure])
    box.add_class(f"dl-{name}")
    return box
