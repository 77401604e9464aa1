"""Lesson 13 dashboard: a restricted Boltzmann machine learning binarized digits by CD-k,
watched the way Hinton's practical guide says to watch one, then sampled by Gibbs.

Training: :class:`widgets.training.BackgroundFit` runs ``model.fit`` of the Keras
``Rbm`` (:mod:`widgets.models.rbm`) in a thread and reports at most every ``REFRESH_S``
seconds; a :class:`widgets.training.Painter` thread then draws, from a numpy copy of the
weights, what the guide asks to monitor: the **receptive fields** (each hidden unit's 784
weights as a 28 × 28 tile, one mosaic image, red < 0 < blue), the **reconstruction
error** (live, by batch), the **free energy** of training digits against held-out digits
after each epoch (a growing gap = overfitting, guide §6), the **histograms of W and of
its last update ΔW** (guide §5: ΔW about 10⁻³ of W) and the **hidden probabilities of a
mini-batch** as an image. A Keras callback only copies the weights at each epoch's end
(for the free energies) and stops the fit when they stop being finite.

Gibbs sampling: a chain v → h → v → … from noise or from a test digit (its number, or a
click on the strip of test digits), stepped one alternation at a time or played by
a painter thread at ``PLAY_FPS`` steps a second with :class:`widgets.models.rbm.NumpyRbm`
(microseconds a step); "clamp" keeps half of the digit fixed and the RBM fills in the rest.

η, the momentum and the weight decay are variables of the Keras ``Rbm``: changing them
applies to the next ▶ without starting over; the hidden units, k and CD/PCD build a new
RBM (k is unrolled into the traced step).

The page opens on an **untrained** RBM (the receptive fields are noise) and says so:
measured here, CD-1 with 64 hidden units takes 0.7 s for 2 epochs on the 8,000 digits
(tracing included) and 0.4–0.6 s an epoch after, so one press of ▶ shows strokes coming out
of the noise within a second or two. A default training at opening would spend that time
while the page loads, and hide the most instructive moment.

``dashboard.model`` is the Keras ``Rbm``.
"""

from __future__ import annotations

import threading
import time
from html import escape

import ipywidgets
import numpy as np

from ..controls import (
    boxed,
    button,
    column,
    dropdown,
    heading,
    html,
    log_slider,
    number_box,
    plain_text,
    row,
    slider,
    toggles,
)
from ..errors import StudentError
from ..figures.live import update_traces
from ..i18n import number
from ..models import rbm as rbm_model  # Keras only inside its functions
from ..recent import Recent
from ..training import BackgroundFit, FitJob, Painter, Progress, batches
from ..ui import Setting, TrainingDashboard, ends_run, reacts, shows_errors
from .code import keras_code
from .figures import (
    STRIP,
    clamp_mask,
    curve_data,
    curve_figure,
    field_scale,
    fields_figure,
    fields_layout,
    gibbs_figure,
    gibbs_layout,
    hidden_figure,
    hidden_layout,
    histogram_data,
    histogram_figure,
    histogram_titles,
    strip_data,
    strip_figure,
    update_ratio,
)
from .texts import TEXT

HIDDEN = (16, 64, 144, 256)
K_RANGE = (1, 10)
# η from 0.001 to 100. Measured (64 units, 8,000 digits, 3 epochs): at η = 100 the error
# stays at 129 (the weight decay holds W back), and with momentum 0.9 or no weight decay
# the weights blow up (max |W| 200–300): the divergence message.
LR_EXPONENTS = (-3.0, 2.0)
DECAYS = (0.0, 1e-5, 1e-4, 1e-3, 1e-2)
EPOCHS = (1, 50)
DEFAULTS = {
    "hidden": 64,
    "k": 1,
    "method": "cd",
    "learning_rate": 0.1,
    "momentum": 0.5,
    "weight_decay": 1e-4,
    "epochs": 5,
}
REBUILDS = ("hidden", "k", "method")  # these start again with a new RBM
TUNES = ("learning_rate", "momentum", "weight_decay")  # Keras variables: set in place
KEPT_RBMS = 4  # untrained RBMs kept for settings switched back
CLAMPS = ("none", "top", "bottom", "left", "right", "all")
N_TRAIN, N_TEST = 8000, 2000
BATCH = 100  # the RBM's own default (Hinton's guide: 10 to 100)
MONITOR = 500  # training and held-out digits whose mean free energy is compared
SHOWN_BATCH = 32  # the mini-batch whose hidden probabilities are drawn
# The live views at most this often (≥ 2 a second asked). Each frame costs the page and
# Voilà CPU that the training shares on 2 cores: 4 samples of rbm_bench (load ~3, paired
# with the bare page) gave 0.77x and 0.82x of the bare fit at 0.25 s, 0.86x and 0.89x at
# 0.4 s, with the mosaic redrawn 2.6-2.8 times a second as drawn.
REFRESH_S = 0.4
SLOW_EVERY_S = 0.9  # the curves and histograms while training: at most this often
PLAY_FPS = 12  # Gibbs steps a second while playing (≥ 10 asked)
MAX_PLAY = 1000  # a played chain pauses by itself after this many steps
SEED = 0


class RbmDashboard(TrainingDashboard):
    """See the module docstring. ``n_train``/``n_test`` size the data (tests use tiny ones)."""

    def __init__(self, lang: str = "pl", n_train: int = N_TRAIN, n_test: int = N_TEST):
        super().__init__(lang)
        self._kept = Recent(KEPT_RBMS)  # (hidden, k, method): an untrained RBM, its batches
        self._t = TEXT.for_language(lang)
        self._sizes = (int(n_train), int(n_test))
        self._data = None  # x_train, y_train, x_test, y_test: binarized, flat float32
        self._batches = None  # x_train as a tf.data pipeline of BATCH rows, shuffled
        self._numpy = None  # NumpyRbm: the weights the views and the chain use
        self.history: dict[str, list[float]] = {}
        self.curve: tuple[list[float], list[float]] = ([], [])  # live reconstruction error
        self.free_energy: dict[str, list[float]] = {"train": [], "held_out": []}
        self.frame_times: list[float] = []
        self.epoch_seconds: list[float] = []
        self.diverged = False
        self.last_update: np.ndarray | None = None  # ΔW of the last batch drawn
        self._snapshots: list = []  # (W, b_v, b_h) at the end of each epoch, to score
        self._built_with: dict = {}
        self._run_id = 0
        self._run_epochs = (0, 1)
        self._last_progress: Progress | None = None
        self._slow_drawn_at = 0.0
        self._view_lock = threading.RLock()
        self._chain = _Chain()
        # No freeze_gc: its full collection cost 1.2 s a ▶ here (under load), more than a
        # few epochs of this RBM (0.2–0.5 s each).
        self._trainer = BackgroundFit(min_interval=REFRESH_S, batch_progress=True)
        self._painter: Painter | None = None
        self._player = Painter(self._play_frame, 1 / PLAY_FPS, name="gibbs")
        self._player.on_error = self._play_failed
        self._build()

    # Construction -------------------------------------------------------------------------
    def _build_controls(self) -> None:
        t = self._t
        self._hidden = dropdown(t("hidden"), list(HIDDEN), DEFAULTS["hidden"])
        self._k = slider(t("k"), DEFAULTS["k"], *K_RANGE, 1, integer=True, continuous_update=False)
        methods = [(t("method_cd"), "cd"), (t("method_pcd"), "pcd")]
        self._method = toggles(t("method"), methods, "cd", button_width="150px", long_label=True)
        self._learning_rate = log_slider(
            t("learning_rate"),
            DEFAULTS["learning_rate"],
            *LR_EXPONENTS,
            readout_format=".2g",
            continuous_update=False,
        )
        self._momentum = slider(
            t("momentum"), DEFAULTS["momentum"], 0.0, 0.95, 0.05, continuous_update=False
        )
        decays = [(number(d, self.lang, "plain"), d) for d in DECAYS]
        self._weight_decay = dropdown(t("weight_decay"), decays, DEFAULTS["weight_decay"])
        self._epochs = slider(
            t("epochs"), DEFAULTS["epochs"], *EPOCHS, 1, integer=True, continuous_update=False
        )
        self._train = button(t("train"), icon="play", kind="success")
        self._stop = button(t("stop"), icon="stop", kind="danger")
        self._stop.disabled = True
        self._progress = ipywidgets.FloatProgress(0, min=0, max=1, layout={"width": "330px"})
        self._build_gibbs_controls()
        for name in (*REBUILDS, *TUNES, "epochs", "train", "stop"):
            getattr(self, f"_{name}").add_class(f"dl-{name.replace('_', '-')}")
        self._model_controls = [self._train, *self._rebuild_controls().values()]
        self._model_controls += [getattr(self, f"_{name}") for name in TUNES]
        self._model_controls += [self._step, self._play, self._restart, self._digit]

    def _build_gibbs_controls(self) -> None:
        t = self._t
        starts = [(t("start_noise"), "noise"), (t("start_digit"), "digit")]
        self._start = toggles(t("start"), starts, "digit", button_width="110px", long_label=True)
        self._digit = number_box(t("digit"), 0, 0, self._sizes[1] - 1, integer=True)
        self._clamp = dropdown(t("clamp"), [(t(f"clamp_{c}"), c) for c in CLAMPS], "none")
        self._step = button(t("step"), icon="step-forward", kind="primary")
        self._play = button(t("play"), icon="play")
        self._pause = button(t("pause"), icon="pause")
        self._restart = button(t("restart"), icon="refresh")
        self._pause.disabled = True
        for name in ("start", "digit", "clamp", "step", "play", "pause", "restart"):
            getattr(self, f"_{name}").add_class(f"dl-gibbs-{name}")

    def _next_training_controls(self) -> list:
        return [self._epochs, self._learning_rate, self._momentum, self._weight_decay]

    def _build_figures(self) -> None:
        t = self._t
        self._status = html("", "dl-status")
        self._status.layout.max_width = "470px"
        self.fields_figure = fields_figure(t("fields_title_plain"))
        self.error_figure = curve_figure(
            [t("recon_name")], t("recon_title"), t("epoch_axis"), t("recon_axis")
        )
        self.energy_figure = curve_figure(
            [t("fe_train"), t("fe_test")], t("fe_title"), t("epoch_axis"), t("fe_axis")
        )
        self.histogram_figure = histogram_figure([t("hist_w"), t("hist_dw")], t("hist_count"))
        self.hidden_figure = hidden_figure(
            t("hidden_title", n=SHOWN_BATCH), t("hidden_x"), t("hidden_y")
        )
        self.gibbs_figure = gibbs_figure(t("v_title"), t("h_title"))
        self.strip_figure = strip_figure(t("strip_title"))
        self._gibbs_note = html("", "dl-note")
        self._gibbs_note.layout.max_width = "360px"

    def _lay_out(self) -> None:
        t = self._t
        controls = column(
            [
                html(t("controls_help"), "dl-note"),
                self._hidden,
                self._k,
                self._method,
                self._learning_rate,
                self._momentum,
                self._weight_decay,
                self._epochs,
                ipywidgets.HBox([self._train, self._stop]),
                self._progress,
                self._status,
            ]
        )
        gibbs_controls = column(
            [
                html(t("gibbs_help"), "dl-note"),
                self._start,
                self._digit,
                self._clamp,
                ipywidgets.HBox([self._step, self._play, self._pause, self._restart]),
                self._gibbs_note,
            ],
            width="420px",
        )
        self._page(
            t("title"),
            t("intro"),
            row([controls, boxed(self.fields_figure, "fields")]),
            row([boxed(self.error_figure, "recon"), boxed(self.energy_figure, "energy")]),
            row(
                [
                    boxed(self.histogram_figure, "histograms"),
                    boxed(self.hidden_figure, "hidden-probs"),
                ]
            ),
            heading(t("gibbs_heading")),
            row(
                [
                    gibbs_controls,
                    ipywidgets.VBox(
                        [boxed(self.gibbs_figure, "gibbs"), boxed(self.strip_figure, "strip")]
                    ),
                ]
            ),  # fmt: skip
        )
        self.add_class("dl-rbm")
        self.add_class("dl-sharp-images")  # 28 × 28 images with square pixels

    def _wire(self) -> None:
        self._train.on_click(self._on_train_click)
        self._stop.on_click(self._on_stop_click)
        for control in self._rebuild_controls().values():
            control.observe(self._on_rebuild_change, names="value")
        for name in TUNES:
            getattr(self, f"_{name}").observe(self._on_tune_change, names="value")
        for control in (self._start, self._digit, self._clamp):
            control.observe(self._on_chain_change, names="value")
        self._step.on_click(self._on_step_click)
        self._play.on_click(self._on_play_click)
        self._pause.on_click(self._on_pause_click)
        self._restart.on_click(self._on_restart_click)
        self.strip_figure.data[0].on_click(self._on_strip_click)

    def _rebuild_controls(self) -> dict:
        return {name: getattr(self, f"_{name}") for name in REBUILDS}

    # Public API ---------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._trainer.running

    @property
    def playing(self) -> bool:
        return self._player.running

    @property
    def status_text(self) -> str:
        return plain_text(self._status.value)

    @property
    def gibbs_text(self) -> str:
        return plain_text(self._gibbs_note.value)

    @property
    def epochs_done(self) -> int:
        return len(self.history.get("reconstruction_error", ()))

    @property
    def weights(self) -> np.ndarray:
        """W as the views show it (784 × hidden units), a numpy copy."""
        return self._numpy.W

    @property
    def test_digits(self) -> tuple[np.ndarray, np.ndarray]:
        """The binarized test digits (flat float32 in {0, 1}) and their labels."""
        return self._data[2], self._data[3]

    @property
    def chain(self) -> _Chain:
        """The Gibbs chain: ``v`` (sample), ``v_probs``, ``h``, ``step``, ``clamp``."""
        return self._chain

    @shows_errors
    def train(self, background: bool = True) -> None:
        """Train ``epochs`` more epochs (from a new RBM after a divergence)."""
        self._refuse_while_training()
        if self.model is None:
            raise StudentError("rbm.not_ready")
        self.clear_error()
        self.pause()
        if self.diverged:
            self._rebuild()
        self._kept.forget(lambda kept: kept[0] is self.model)  # it trains: never handed out again
        done, epochs = self.epochs_done, int(self._epochs.value)
        # shuffle=False: the kept pipeline shuffles (Keras would warn that it cannot).
        kwargs = {"epochs": done + epochs, "initial_epoch": done, "shuffle": False}
        kwargs["callbacks"] = [self._monitor()]
        self._run_id += 1
        run_id = self._run_id
        self._trainer.on_progress = lambda progress: self._on_progress(run_id, progress)
        self._trainer.on_done = lambda trainer: self._on_trained(run_id, trainer)
        self.trained.clear()
        self._train.disabled, self._stop.disabled = True, False
        self._progress.value = 0
        self._show_status(self._t("compiling"))
        self._painter = Painter(self._frame, REFRESH_S / 5, on_demand=True, name="rbm-views")
        self._painter.on_error = self.show_error
        self._painter.start()
        self._run_epochs = (done, epochs)
        job = FitJob(self.model, self._batches, None, kwargs)
        (self._trainer.start if background else self._trainer.run_here)(job)

    @shows_errors
    def gibbs_step(self, steps: int = 1) -> None:
        """``steps`` alternations v → h → v of the chain, then draw it."""
        self._check_clamp()
        for _ in range(int(steps)):
            self._advance()
        self._draw_chain()

    @shows_errors
    def play(self) -> None:
        """Step the chain ``PLAY_FPS`` times a second until :meth:`pause` (or MAX_PLAY)."""
        if self._numpy is None or self.playing:
            return
        self._check_clamp()
        self._play.disabled, self._pause.disabled = True, False
        self._chain.played = 0
        self._player.start()

    def pause(self) -> None:
        """Stop the played chain (it stays where it is; ▶ goes on from there)."""
        if self._player.running:
            self._player.stop()
        self._play.disabled, self._pause.disabled = self._numpy is None, True

    @shows_errors
    def restart_chain(self) -> None:
        """Start the chain again from noise or from the chosen test digit (step 0)."""
        self.pause()
        self._reset_chain()
        self._draw_chain()

    def code(self) -> str:
        """Plain Keras code for this RBM as ``model`` ("show the code")."""
        return keras_code(
            int(self._hidden.value), int(self._k.value), self._method.value == "pcd",
            float(self._learning_rate.value), float(self._momentum.value),
            float(self._weight_decay.value), int(self._epochs.value), self._sizes[0], BATCH,
            SEED, self.lang,
        )  # fmt: skip

    def _settings(self) -> dict:
        """``configure(hidden=64, k=1, method="cd"|"pcd", learning_rate=0.1, momentum=0.5,
        weight_decay=1e-4, epochs=5, start="noise"|"digit", digit=0, clamp="bottom")``."""
        settings = {name: Setting(control) for name, control in self._rebuild_controls().items()}
        settings |= {name: Setting(getattr(self, f"_{name}")) for name in TUNES}
        settings["k"] = Setting(self._k, check=self._check_k)
        for name in (*REBUILDS, *TUNES):
            settings[name] = Setting(settings[name].control, check=self._busy_check(settings[name]))
        settings |= {"epochs": self._epochs, "start": self._start, "digit": self._digit}
        settings["clamp"] = self._clamp
        return settings

    def _after_configure(self, settings: dict) -> None:
        if self.model is None:
            return
        if self._built_with != self._rebuild_values():
            self._rebuild()
            return
        self._tune()
        if {"start", "digit", "clamp"} & set(settings):
            self.restart_chain()

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        self._data = rbm_model.binarized_mnist(*self._sizes)
        self._rebuild(first=True)

    def _rebuild(self, first: bool = False) -> None:
        """A new RBM from the controls (seeded), its untrained state drawn."""
        self.pause()
        self._built_with = self._rebuild_values()
        # What the press changed, first (issue 24: k and the method changed nothing visible,
        # the same seeded weights); the RBM and its views follow.
        units, method = int(self._hidden.value), self._method_name()
        self._show_status(
            self._t("untrained" if first else "starts_over", units=units, method=method)
        )
        # The training digits as one pipeline, kept for every ▶ of this RBM: fit(numpy)
        # would copy them into a new one at each press (training.batches). Built again
        # with the RBM, so a new RBM sees the same shuffled batches as the last new one.
        key = (units, int(self._k.value), self._method.value)
        kept = self._kept.pop(key, None)
        if kept is None:
            self._batches = batches(self._data[0], None, BATCH, shuffle=True, seed=SEED)
            self.model = rbm_model.build_rbm(
                n_hidden=int(self._hidden.value),
                learning_rate=float(self._learning_rate.value),
                k=int(self._k.value),
                persistent=self._method.value == "pcd",
                momentum=float(self._momentum.value),
                weight_decay=float(self._weight_decay.value),
                batch_size=BATCH,
                seed=SEED,
                visible_bias_from=self._data[0],
            )
        else:  # kept untrained, its pipeline never read: what a build would give (issue 24:
            self.model, self._batches = kept  # the hidden units' presses queued, 1.9-2.2×)
            self._tune()  # the controls' η, momentum and weight decay
        self._kept.keep(key, (self.model, self._batches))  # never handed out once it trains
        self._run_id += 1  # a late frame of an older model must not draw over this one
        self.history, self.curve, self.epoch_seconds = {}, ([], []), []
        self.free_energy = {"train": [], "held_out": []}
        self.diverged, self.last_update, self._snapshots = False, None, []
        self._numpy = rbm_model.NumpyRbm.from_model(self.model)
        # What "not learning" is measured against: this untrained RBM's error.
        with np.errstate(all="ignore"):  # sigmoid of huge numbers: 0 or 1, as meant
            self._untrained_error = self._numpy.reconstruction_error(self._data[0][:MONITOR])
        self._progress.value = 0
        self._train.disabled, self._stop.disabled = False, True
        self._play.disabled = False
        self._draw_views()
        self._draw_strip()
        self._reset_chain()
        self._draw_chain()

    def _method_name(self) -> str:
        """CD-k or PCD-k with the chosen k, e.g. "PCD-3"."""
        return f"{'PCD' if self._method.value == 'pcd' else 'CD'}-{int(self._k.value)}"

    def _tune(self) -> None:
        """η, the momentum and the weight decay into the RBM's own variables: the next
        training uses them, without starting again (the step reads them at each batch)."""
        for name in TUNES:
            getattr(self.model, name).assign(float(getattr(self, f"_{name}").value))

    def _monitor(self):
        """A Keras callback: times each epoch, copies the weights at its end (the painter
        scores their free energies) and stops a fit whose weights stopped being finite."""
        from ..backend import load_keras

        keras = load_keras()
        dashboard = self

        class Monitor(keras.callbacks.Callback):
            def on_epoch_begin(self, epoch, logs=None):
                self.started = time.perf_counter()

            def on_epoch_end(self, epoch, logs=None):
                dashboard.epoch_seconds.append(time.perf_counter() - self.started)
                snapshot = rbm_model.NumpyRbm.from_model(self.model)
                dashboard._snapshots.append(snapshot)
                if not np.isfinite(snapshot.W).all() or rbm_model.diverged(self.model):
                    dashboard.diverged = True
                    self.model.stop_training = True

            def on_train_batch_end(self, batch, logs=None):
                error = (logs or {}).get("reconstruction_error")
                if error is not None and not np.isfinite(float(error)):
                    dashboard.diverged = True
                    self.model.stop_training = True

        return Monitor()

    def _check_k(self, value) -> int:
        self._refuse_while_training()
        try:
            k = int(value)
        except (TypeError, ValueError):
            k = None
        if k is None or k != value:
            raise ValueError(self._allowed(self._k))
        if k < 1:
            raise StudentError("rbm.k_too_small", k=k)
        if k > K_RANGE[1]:
            raise ValueError(self._allowed(self._k))
        return k

    def _busy_check(self, setting: Setting):
        inner = setting.check

        def check(value):
            self._refuse_while_training()
            if inner is not None:
                return inner(value)
            from ..controls import accepts, value_for

            if not accepts(setting.control, value):
                raise ValueError(self._allowed(setting.control))
            return value_for(setting.control, value)

        return check

    def _busy_error(self) -> StudentError:
        return StudentError("rbm.busy")

    def _check_clamp(self) -> None:
        if self._clamp.value == "all":
            raise StudentError("rbm.clamp_everything")

    # Events -------------------------------------------------------------------------------
    @reacts
    def _on_train_click(self, _button) -> None:
        self.train()

    @reacts
    def _on_tune_change(self, change) -> None:
        self._put_back_while_training(change)
        if self.model is not None:
            self.clear_error()
            self._tune()

    @reacts
    def _on_chain_change(self, _change) -> None:
        if self._numpy is not None:
            self.clear_error()
            self.restart_chain()

    @reacts
    def _on_step_click(self, _button) -> None:
        self.gibbs_step(1)

    @reacts
    def _on_play_click(self, _button) -> None:
        self.play()

    @reacts
    def _on_pause_click(self, _button) -> None:
        self.pause()

    @reacts
    def _on_restart_click(self, _button) -> None:
        self.restart_chain()

    @reacts
    def _on_strip_click(self, _trace, points, _state) -> None:
        if not points.point_inds:
            return
        index = points.point_inds[0]  # a heatmap gives [row, column]
        column_index = index[1] if isinstance(index, list | tuple) else index
        with self._quietly():
            self._start.value = "digit"
            self._digit.value = int(column_index)
        self.restart_chain()

    def _on_progress(self, run_id: int, progress: Progress) -> None:
        # The training thread, at most every REFRESH_S: note, and let the painter draw.
        if run_id != self._run_id:
            return
        for end in progress.ended:
            for key, value in end.logs.items():
                self.history.setdefault(key, []).append(float(value))
        self.curve = self._error_curve(progress)
        self._last_progress = progress
        if self._painter is not None and not progress.done:
            self._painter.request()

    def _error_curve(self, progress: Progress) -> tuple[list[float], list[float]]:
        """The reconstruction error: each finished epoch's mean at x = 1, 2, …, and the
        running epoch's mean so far at x = epoch + the fraction of its batches done (Keras
        reports a mean over the epoch's batches, reset at each epoch)."""
        ys = list(self.history.get("reconstruction_error", ()))
        xs = [float(x) for x in range(1, len(ys) + 1)]
        error = progress.logs.get("reconstruction_error")
        if progress.batch and progress.batches and error is not None:
            xs.append(progress.epoch + progress.batch / progress.batches)
            ys.append(float(error))
        return xs, ys

    @ends_run
    def _on_trained(self, run_id: int, trainer: BackgroundFit) -> None:
        if self._painter is not None:
            self._painter.stop()
        self._train.disabled, self._stop.disabled = False, True
        self._frame()
        self._reset_chain()
        self._draw_chain()
        if trainer.error is not None:
            self.show_error(trainer.error)
        elif self.diverged:
            rate = number(float(f"{self._learning_rate.value:.3g}"), self.lang)
            self.show_error(StudentError("rbm.diverged", rate=rate))
        elif self._not_learning():
            rate = number(float(f"{self._learning_rate.value:.3g}"), self.lang)
            with np.errstate(all="ignore"):
                error = self._numpy.reconstruction_error(self._data[0][:MONITOR])
            untrained = self._untrained_error
            self.show_error(
                StudentError("rbm.not_learning", rate=rate, error=error, untrained=untrained)
            )
        self._show_summary(trainer.stopped)

    def _not_learning(self) -> bool:
        """After a whole run: the reconstruction error of the same digits, measured the same
        way, is no lower than the untrained RBM's (measured: η = 100 keeps it at about 129
        where an untrained RBM has about 100)."""
        if self.epochs_done < 2:
            return False
        with np.errstate(all="ignore"):
            error = self._numpy.reconstruction_error(self._data[0][:MONITOR])
        return not error < self._untrained_error

    # Drawing: training --------------------------------------------------------------------
    def _frame(self) -> None:
        """One live frame (the painter's thread): progress, the weights' views, the
        curves, the free energies of the epochs that ended since the last frame."""
        previous = self._numpy
        self._numpy = rbm_model.NumpyRbm.from_model(self.model)
        self.last_update = self._model_update(previous)
        if self._last_progress is not None and not self._last_progress.done:
            self._show_progress(self._last_progress)
        self._score_snapshots()
        done = self._last_progress is None or self._last_progress.done or not self.running
        slow_due = time.perf_counter() - self._slow_drawn_at >= SLOW_EVERY_S
        self._draw_views(all_views=done or slow_due)
        self.frame_times.append(time.perf_counter())

    def _model_update(self, previous) -> np.ndarray | None:
        """ΔW of the last batch: the model's velocity when it keeps one (W += velocity),
        else the change since the previous frame."""
        velocity = getattr(self.model, "dW", None)
        if velocity is not None:
            return np.asarray(velocity.numpy())
        if previous is None:
            return None
        return self._numpy.W - previous.W

    def _score_snapshots(self) -> None:
        x_train, _, x_test, _ = self._data
        while self._snapshots:
            snapshot = self._snapshots.pop(0)
            with np.errstate(all="ignore"):
                train = float(np.mean(free_energy(snapshot, x_train[:MONITOR])))
                held_out = float(np.mean(free_energy(snapshot, x_test[:MONITOR])))
            self.free_energy["train"].append(train)
            self.free_energy["held_out"].append(held_out)

    def _draw_views(self, all_views: bool = True) -> None:
        """The receptive fields, both curves, the histograms and the hidden probabilities,
        from ``self._numpy`` (the painter's thread or the main thread). ``all_views=False``
        (a live frame less than ``SLOW_EVERY_S`` after the last full one) leaves out the
        histograms and the free energies: new bars or lines make plotly recompute their
        whole figure in the page, where a new image source redraws the image alone."""
        t = self._t
        W = self._numpy.W
        with np.errstate(all="ignore"):
            probabilities = hidden_probabilities(self._numpy, self._data[0][:SHOWN_BATCH])
        scale = number(float(f"{field_scale(W):.2g}"), self.lang)
        title = t("fields_title", units=W.shape[1], scale=scale)
        update = self.last_update if self.last_update is not None else np.zeros((0,))
        ratio = update_ratio(W, update) if update.size else float("nan")
        dw_title = t("hist_dw_ratio", ratio=ratio) if np.isfinite(ratio) else t("hist_dw_none")
        titles = [t("hist_w"), dw_title]
        epochs = list(range(1, len(self.free_energy["train"]) + 1))
        with self._view_lock:
            update_traces(self.fields_figure, [], fields_layout(W, title))
            update_traces(self.hidden_figure, [], hidden_layout(np.nan_to_num(probabilities)))
            if not all_views:
                return
            self._slow_drawn_at = time.perf_counter()
            update_traces(self.error_figure, curve_data(self.curve))
            update_traces(
                self.energy_figure,
                curve_data(
                    (epochs, self.free_energy["train"]), (epochs, self.free_energy["held_out"])
                ),
            )
            update_traces(
                self.histogram_figure,
                [histogram_data(W), histogram_data(update)],
                {"annotations": histogram_titles(titles)},
            )

    # Drawing: Gibbs -----------------------------------------------------------------------
    def _reset_chain(self) -> None:
        """The chain's start: the chosen test digit, or noise (Bernoulli 0.5); a clamp
        keeps its half of the chosen digit, and the rest starts from noise."""
        chain = self._chain
        digit = self._data[2][int(self._digit.value)]
        noise = (np.random.default_rng(SEED).random(784) < 0.5).astype(np.float32)
        mask = clamp_mask(self._clamp.value)
        if self._start.value == "digit" and mask is None:
            start = digit.copy()
        elif mask is not None:
            start = np.where(mask, digit, noise)
        else:
            start = noise
        chain.v, chain.v_probs, chain.h = start, start.copy(), None
        chain.clamp = None if mask is None else (mask, digit.copy())
        chain.step = 0
        self._gibbs_note.value = self._chain_note()

    def _advance(self) -> None:
        """One alternation v → h → v with the numpy copy of the weights."""
        chain = self._chain
        seed = SEED + chain.step + 1  # the same start gives the same chain
        with np.errstate(all="ignore"):
            v_probs, v, h = self._numpy.gibbs(chain.v[None], 1, seed=seed, clamp=chain.clamp)
        chain.v_probs, chain.v, chain.h = v_probs[0], v[0], h[0]
        chain.step += 1

    def _draw_chain(self) -> None:
        chain = self._chain
        title = self._t("gibbs_title", step=chain.step)
        layout = gibbs_layout(chain.v_probs, chain.h, self._clamp.value, title)
        with self._view_lock:
            update_traces(self.gibbs_figure, [], layout)

    def _draw_strip(self) -> None:
        images = self._data[2][:STRIP]
        chosen = int(self._digit.value) if self._start.value == "digit" else None
        data, layout = strip_data(images, chosen)
        with self._view_lock:
            update_traces(self.strip_figure, data, layout)

    def _play_frame(self) -> None:
        """The player's frame: one step, drawn; pauses by itself after MAX_PLAY steps."""
        self._advance()
        self._draw_chain()
        self._chain.played += 1
        if self._chain.played >= MAX_PLAY:
            self._player.stop()
            self._play.disabled, self._pause.disabled = False, True

    def _play_failed(self, error: BaseException) -> None:
        self._player.stop()
        self._play.disabled, self._pause.disabled = False, True
        self.show_error(error)

    def _chain_note(self) -> str:
        t = self._t
        notes = []
        if not self.epochs_done:
            notes.append(t("note_untrained"))
        clamp = self._clamp.value
        if clamp == "all":
            notes.append(t("note_clamp_all"))
        elif clamp == "none":
            notes.append(t("note_free"))
        else:
            notes.append(t("note_clamp", where=t(f"clamp_{clamp}")))
        return " ".join(escape(note) for note in notes)

    # Status -------------------------------------------------------------------------------
    def _show_status(self, text: str) -> None:
        self._status.value = escape(text)

    def _show_progress(self, progress: Progress) -> None:
        first, asked = self._run_epochs  # Keras counts the epochs of every run together
        within = progress.batch / progress.batches if progress.batch and progress.batches else 0
        self._progress.value = min(1.0, (progress.epoch - first + within) / max(asked, 1))
        epoch = min(progress.epoch - first + 1, asked)
        error = progress.logs.get("reconstruction_error", float("nan"))
        self._show_status(self._t("training", epoch=epoch, epochs=asked, error=float(error)))

    def _show_summary(self, stopped: bool) -> None:
        epochs = self.epochs_done
        errors = self.history.get("reconstruction_error") or [float("nan")]
        if stopped:
            self._show_status(self._t("stopped", epochs=epochs, error=errors[-1]))
            return
        self._progress.value = 1.0
        times = self.epoch_seconds[1:] or self.epoch_seconds or [0.0]
        seconds = float(np.median(times))
        self._show_status(self._t("trained", epochs=epochs, error=errors[-1], seconds=seconds))


def _product(v: np.ndarray, W: np.ndarray) -> np.ndarray:
    """``v @ W`` without BLAS. Measured on this 2-core machine under load: numpy's
    multi-threaded OpenBLAS took 3–36 ms for 32 digits × 64 units while TensorFlow trained
    (its threads wait for cores), 0.1–0.2 ms with one thread; this loop takes 0.3–2 ms, and
    a live frame no longer costs the training a quarter of a core."""
    return np.einsum("ij,jk->ik", np.asarray(v, np.float32), W)


def hidden_probabilities(rbm, v: np.ndarray) -> np.ndarray:
    """p(h = 1 | v) of the rows of ``v`` (:meth:`NumpyRbm.hidden_probabilities`, no BLAS)."""
    return 1.0 / (1.0 + np.exp(-(_product(v, rbm.W) + rbm.b_hidden)))


def free_energy(rbm, v: np.ndarray) -> np.ndarray:
    """F(v) of the rows of ``v`` (:meth:`NumpyRbm.free_energy`, no BLAS)."""
    pre = (_product(v, rbm.W) + rbm.b_hidden).astype(np.float64)
    return -(np.asarray(v, np.float64) @ rbm.b_visible) - np.logaddexp(0.0, pre).sum(axis=1)


class _Chain:
    """The Gibbs chain's state: the visible sample ``v`` and its probabilities
    ``v_probs``, the hidden sample ``h`` (None at step 0), the ``step``, and the clamp
    ``(mask, values)`` or None."""

    def __init__(self):
        self.v = self.v_probs = self.h = None
        self.step = 0
        self.played = 0
        self.clamp = None
