"""Lesson 05 dashboard: ADALINE against the perceptron, on the same data.

ADALINE is a Keras ``Dense(1)`` with a linear activation, mean squared error and SGD
(:mod:`widgets.models.adaline`), trained online (batch size 1) or in batches (the whole
set per step); the perceptron is the team's Keras :class:`Perceptron` with its own rule
(:mod:`widgets.models.perceptron`). Both start from zero weights and see the same
standardised points in the same order. Training runs in the background
(:mod:`widgets.training`) with a Stop button; the recorded epochs are then replayed with
an ``ipywidgets.Play``: the two decision lines side by side, the cost per epoch, the error
surface over (w1, w2) with the descent path (bias fixed at its least-squares value, see
the model module for why that slice is exact), and the final weights against the
closed-form least-squares solution. A learning rate that makes the cost explode stops
the training with a clear message and keeps the last finite weights.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace
from html import unescape

import ipywidgets
import numpy as np

from ..controls import (
    WIDTH,
    button,
    column,
    dropdown,
    html,
    log_slider,
    row,
    slider,
    toggles,
)
from ..data import blobs_with_margin
from ..errors import StudentError, finite_number, whole_number
from ..figures.curves import cost_data, error_surface_data, surface_box, update_traces
from ..i18n import number
from ..models import adaline as adaline_model
from ..training import BackgroundFit, FitJob, Progress
from ..ui import Setting, TrainingDashboard, ends_run, reacts, shows_errors
from .code import keras_code
from .figures import (
    STYLE,
    caption_html,
    costs_figure,
    draw_plane,
    plane_figure,
    status_html,
    surface_figure,
    weights_table_html,
)
from .texts import TEXT

N_POINTS = 60
DATASETS = {
    "separable": {"margin": 1.0, "noise": 0.0},
    "noisy": {"margin": 0.3, "noise": 0.35},
    "overlapping": {"margin": 0.0, "noise": 0.9},
}
MODES = ("batch", "online")
LR_EXPONENTS = (-3.0, 0.5)  # η from 0.001 to about 3.2
EPOCH_RANGE = (5, 100)
SEED_RANGE = (0, 9)
SURFACE_POINTS = 45
PLAY_INTERVAL_MS = 350


@dataclass
class Run:
    """One training: its data and settings, then what it produced per epoch (index 0 =
    the start), filled in by :meth:`finished`."""

    X: np.ndarray  # standardised inputs
    labels: np.ndarray  # 0/1
    targets: np.ndarray  # ±1
    epochs: int
    learning_rate: float
    mode: str
    exact_w: np.ndarray  # the least-squares solution
    exact_b: float
    adaline_w: np.ndarray | None = None  # (k + 1, 2), k epochs finished before a stop
    adaline_b: np.ndarray | None = None  # or a divergence
    costs: np.ndarray | None = None
    perceptron_w: np.ndarray | None = None  # (m + 1, 2)
    perceptron_b: np.ndarray | None = None
    diverged_at: int | None = None
    stopped: bool = False

    def finished(self, adaline, perceptron, stopped: bool) -> Run:
        """This run with what the ADALINE and perceptron recorders kept, epoch by epoch."""
        return replace(
            self,
            adaline_w=np.array(adaline.weights),
            adaline_b=np.array(adaline.biases),
            costs=np.array(adaline.costs),
            perceptron_w=np.array(perceptron.weights),
            perceptron_b=np.array(perceptron.biases),
            diverged_at=adaline.diverged_at,
            stopped=stopped,
        )

    def at(self, weights: np.ndarray, biases: np.ndarray, epoch: int):
        """The state at ``epoch``, or the last one recorded (after a stop or divergence)."""
        i = min(epoch, len(biases) - 1)
        return weights[i], float(biases[i])


def _whole_between(value, bounds: tuple[int, int]) -> bool:
    return whole_number(value) and bounds[0] <= value <= bounds[1]


def _data(name: str, seed: int):
    X, labels = blobs_with_margin(N_POINTS, seed=seed, **DATASETS[name])
    Xs, _, _ = adaline_model.standardise(X)
    return Xs, labels.astype(np.int64), adaline_model.bipolar(labels)


class AdalineDashboard(TrainingDashboard):
    """ADALINE (Keras Dense + MSE + SGD) trained in the background beside a perceptron."""

    def __init__(self, lang: str = "pl"):
        super().__init__(lang)
        self._t = TEXT.for_language(lang)
        self.run: Run | None = None
        self.perceptron = None
        self._drawn_epoch: int | None = None  # the epoch the figures show
        self._run_id = 0
        self._adalines: dict = {}  # one compiled ADALINE per mode, see _adaline
        self._surface_cache: tuple | None = None
        self._live_costs: list[float] = []
        self._trainer = BackgroundFit(on_progress=self._on_progress, min_interval=0.2)
        self._build()

    # Construction -------------------------------------------------------------------------
    def _build_controls(self) -> None:
        t = self._t
        data_options = [(t(f"data_{name}"), name) for name in DATASETS]
        self._data = dropdown(t("data"), data_options, "noisy")
        self._seed = slider(t("seed"), 0, *SEED_RANGE, 1, integer=True)
        mode_options = [(t(f"mode_{m}"), m) for m in MODES]
        self._mode = toggles(t("mode"), mode_options, "batch", button_width="auto")
        self._learning_rate = log_slider(t("learning_rate"), 0.1, *LR_EXPONENTS, step=0.05)
        self._learning_rate.continuous_update = False
        self._learning_rate.add_class("dl-rate")
        self._epochs = slider(t("epochs"), 30, *EPOCH_RANGE, 1, integer=True)
        self._epochs.continuous_update = False
        self._train = button(t("train"), icon="refresh")
        self._stop = button(t("stop"), icon="stop")
        self._stop.disabled = True
        self._progress = ipywidgets.IntProgress(0, min=0, max=1, layout={"width": WIDTH})
        self._play = ipywidgets.Play(0, min=0, max=1, interval=PLAY_INTERVAL_MS)
        self._play.add_class("dl-play")
        self._epoch = slider(t("epoch"), 0, 0, 1, 1, integer=True, width="420px")
        self._epoch.add_class("dl-epoch")
        self._settings_controls = [
            self._data,
            self._seed,
            self._mode,
            self._learning_rate,
            self._epochs,
        ]
        self._model_controls = [*self._settings_controls, self._train, self._play, self._epoch]

    def _build_figures(self) -> None:
        self._status = html("", "dl-status")
        self._table = html("", "dl-weights")
        self.perceptron_plane, self.adaline_plane = plane_figure(), plane_figure()
        # Each plane's epoch and error count, above it. Not the figure's title: a new title
        # made plotly.js restyle the whole plot, 5.2 against 1.6 ms a step in Chromium.
        self.perceptron_caption, self.adaline_caption = html(), html()
        self.costs = costs_figure(self._t)
        self.surface = surface_figure(self._t)

    def _lay_out(self) -> None:
        t = self._t
        controls = column(
            [
                html(t("controls_help"), "dl-body"),
                *self._settings_controls,
                ipywidgets.HBox([self._train, self._stop]),
                self._progress,
                self._table,
            ]
        )
        planes = ipywidgets.VBox(
            [
                ipywidgets.HBox(
                    [
                        ipywidgets.VBox([self.perceptron_caption, self.perceptron_plane]),
                        ipywidgets.VBox([self.adaline_caption, self.adaline_plane]),
                    ]
                ),
                ipywidgets.HBox([self._play, self._epoch]),
                html(t("plane_help"), "dl-note"),
            ]
        )
        surface_help = html(t("surface_help"), "dl-note")
        surface_help.layout.width = "460px"
        self._page(
            t("title"),
            t("intro"),
            self._status,
            row([controls, planes]),
            row([self.costs, ipywidgets.VBox([self.surface, surface_help])]),
            style=STYLE,
        )

    def _wire(self) -> None:
        ipywidgets.jslink((self._play, "value"), (self._epoch, "value"))
        for control in self._settings_controls:
            control.observe(self._on_setting_change, names="value")
        self._train.on_click(self._on_train_click)
        self._stop.on_click(self._on_stop_click)
        for control in (self._play, self._epoch):
            control.observe(self._on_epoch_change, names="value")

    # Public API (for notebook cells and tests) --------------------------------------------
    @property
    def learning_rate(self) -> float:
        """η as set on its slider."""
        return float(self._learning_rate.value)

    def _settings(self) -> dict[str, Setting]:
        """``configure(data=…, mode=…, learning_rate=…, epochs=…, seed=…)``, one retraining."""
        return {
            "data": Setting(self._data, check=self._check_data),
            "mode": Setting(self._mode, check=self._check_mode),
            "learning_rate": Setting(self._learning_rate, check=self._check_learning_rate),
            "epochs": Setting(self._epochs, check=self._check_epochs),
            "seed": Setting(self._seed, check=self._check_seed),
        }

    def _after_configure(self, settings: dict) -> None:
        self.train()

    def _check_data(self, data) -> str:
        if not (isinstance(data, str) and data in DATASETS):
            raise StudentError("adaline.bad_data", value=data, names=", ".join(DATASETS))
        return data

    def _check_mode(self, mode) -> str:
        if not (isinstance(mode, str) and mode in MODES):
            raise StudentError("adaline.bad_mode", value=mode, names=", ".join(MODES))
        return mode

    def _check_learning_rate(self, learning_rate) -> float:
        low, high = (10**e for e in LR_EXPONENTS)
        if not (finite_number(learning_rate) and low <= learning_rate <= high):
            raise StudentError(
                "adaline.bad_rate",
                low=number(low, self.lang),
                high=number(round(high, 2), self.lang),
                value=number(learning_rate, self.lang),
            )
        return float(learning_rate)

    def _check_epochs(self, epochs) -> int:
        if not _whole_between(epochs, EPOCH_RANGE):
            raise StudentError("adaline.bad_epochs", **self._told(epochs, EPOCH_RANGE))
        return int(epochs)

    def _check_seed(self, seed) -> int:
        if not _whole_between(seed, SEED_RANGE):
            raise StudentError("adaline.bad_seed", **self._told(seed, SEED_RANGE))
        return int(seed)

    def _told(self, value, bounds: tuple[int, int]) -> dict:
        """The placeholders of a 'whole number from {low} to {high}, not {value}' message."""
        return {"low": bounds[0], "high": bounds[1], "value": number(value, self.lang)}

    @shows_errors
    def train(self, background: bool = True) -> None:
        """Train ADALINE and the perceptron again from zero weights, in the background
        (``background=False``: in the calling thread, blocking)."""
        if self.model is None:
            return
        # Told first: stopping a training still running waits for its current batch. The
        # line names the settings: a press landing while the last one's training still
        # runs (0.8-2.6 s under load) changed nothing the page showed until that training
        # had stopped and the new one reported (issue 24: epochs and η 1.9-2.7×).
        self._status.value = status_html(self._training_text())
        self._stop_running()
        self.trained.clear()
        run = self._new_run()
        self.model = self._adaline(run.mode, run.learning_rate)
        adaline_model.set_parameters(self.model, np.zeros(2), 0.0)
        self.perceptron.restart()
        adaline_record = adaline_model.EpochRecorder(run.X, run.targets)
        perceptron_record = adaline_model.PerceptronEpochs()
        self._run_id += 1
        self._show_training(run.epochs, adaline_record)
        self._trainer.on_done = functools.partial(
            self._on_done, self._run_id, run, adaline_record, perceptron_record
        )
        start = self._trainer.start if background else self._trainer.run_here
        start(*self._fit_jobs(run, adaline_record, perceptron_record))

    def code(self) -> str:
        """Plain Keras code that trains the same ADALINE as ``model`` ("show the code")."""
        data = self._data.value
        return keras_code(
            data,
            DATASETS[data],
            N_POINTS,
            int(self._seed.value),
            self._mode.value,
            self.learning_rate,
            int(self._epochs.value),
            self.lang,
        )

    @property
    def status_text(self) -> str:
        """The status line as plain text (tests)."""
        return unescape(self._status.value.split(">", 1)[-1].rsplit("</div>", 1)[0])

    @property
    def diverged(self) -> bool:
        return self.run is not None and self.run.diverged_at is not None

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        self.model = self._adaline(self._mode.value, self.learning_rate)
        self.perceptron = adaline_model.build_perceptron_for(N_POINTS)
        # The first training runs here, in the Keras-import thread, so that it is drawn
        # before the dashboard is marked ready (updates sent while the page's widgets are
        # still loading can be lost); later ones run in the background helper.
        self.train(background=False)

    def _adaline(self, mode: str, learning_rate: float):
        """The compiled ADALINE of ``mode``, built once, with its η set to ``learning_rate``.

        Each mode keeps its own model, so a change of η or mode never recompiles. With one
        model recompiled at each change, every new trace of the online train function
        (steps_per_execution = an epoch) left 2-3 MB behind: 16 switches between the
        modes took the kernel's peak RSS from 585 to 622 MB (headless, measured); with a
        model per mode, to 592 MB (the second model, once).
        """
        model = self._adalines.get(mode)
        if model is None:
            steps = 1 if mode == "batch" else N_POINTS  # steps_per_execution: one epoch
            model = self._adalines[mode] = adaline_model.build_adaline(2, learning_rate, steps)
        else:
            adaline_model.set_learning_rate(model, learning_rate)
        return model

    def _new_run(self) -> Run:
        """The data and settings of a training about to start."""
        X, labels, targets = _data(self._data.value, int(self._seed.value))
        exact_w, exact_b = adaline_model.least_squares(X, targets)
        epochs, mode = int(self._epochs.value), self._mode.value
        return Run(X, labels, targets, epochs, self.learning_rate, mode, exact_w, exact_b)

    def _fit_jobs(self, run: Run, adaline_record, perceptron_record) -> tuple[FitJob, FitJob]:
        """ADALINE's fit (a batch of one point online, the whole set in batch mode), then
        the perceptron's, on the same points in the same order."""
        dataset = adaline_model.dataset
        batch = 1 if run.mode == "online" else len(run.X)
        fit = {"epochs": run.epochs, "shuffle": False}
        adaline_fit = {**fit, "callbacks": [adaline_record]}
        perceptron_fit = {**fit, "callbacks": [perceptron_record]}
        return (
            FitJob(self.model, dataset(run.X, run.targets, batch), None, adaline_fit, "adaline"),
            FitJob(
                self.perceptron, dataset(run.X, run.labels, 1), None, perceptron_fit, "perceptron"
            ),
        )

    def _stop_running(self) -> None:
        if self._trainer.running:
            self._trainer.stop()
            self._trainer.join(10)

    # Events -------------------------------------------------------------------------------
    @reacts
    def _on_setting_change(self, change) -> None:
        self.train()

    @reacts
    def _on_train_click(self, button) -> None:
        self.train()

    @reacts
    def _on_epoch_change(self, change) -> None:
        # The Play and the slider move together in the browser (jslink) and both report;
        # whichever message comes first draws, the other finds the epoch drawn.
        epoch = int(change["new"])
        if epoch != self._drawn_epoch:
            self._draw_epoch(epoch)

    def _on_progress(self, progress: Progress) -> None:
        # Called from the training thread, at most every 0.2 s.
        if progress.done:
            return
        self._progress.value = progress.job * progress.epochs + progress.epoch
        if progress.job == 0:
            costs = list(self._live_costs)
            data, layout = cost_data([costs, [], []], len(costs) - 1)
            update_traces(self.costs, data, layout)

    def _on_done(self, run_id: int, run: Run, adaline_record, perceptron_record, trainer) -> None:
        # Called from the training thread when both fits have ended.
        for record in (adaline_record, perceptron_record):
            if not record.weights:  # stopped before its job began: only the start is known
                record.weights, record.biases = [np.zeros(2)], [0.0]
        if not adaline_record.costs:
            adaline_record.costs = [float(np.mean(run.targets.astype(float) ** 2))]
        finished = run.finished(adaline_record, perceptron_record, trainer.stopped)
        self._on_trained(run_id, trainer, finished)

    @ends_run
    def _on_trained(self, run_id: int, trainer: BackgroundFit, run: Run) -> None:
        self._stop.disabled = True
        self._progress.value = self._progress.max
        if trainer.error is not None:
            self.show_error(trainer.error)
            return
        self.run = run
        self._surface_cache = None
        last = run.epochs if not run.stopped else len(run.perceptron_b) - 1
        # Maxima first, each its own message: the browser clamps a value above the
        # max it knows, and jslink copies the Play's value into the slider at once.
        with self._quietly():
            self._epoch.max = self._play.max = max(run.epochs, 1)
            self._epoch.value = self._play.value = max(last, 0)
        self._draw_status()
        self._draw_table()
        self._draw_epoch(self._epoch.value)

    # Drawing ------------------------------------------------------------------------------
    def _show_training(self, epochs: int, adaline_record) -> None:
        self._progress.max, self._progress.value = 2 * epochs, 0
        self._status.value = status_html(self._training_text())
        self._stop.disabled = False
        self._live_costs = adaline_record.costs

    def _training_text(self) -> str:
        epochs, seed = int(self._epochs.value), int(self._seed.value)
        return self._t("training", epochs=epochs, rate=self.learning_rate, seed=seed)

    def _draw_status(self) -> None:
        run, n = self.run, len(self.run.X)
        if run.diverged_at is not None:
            last = len(run.costs) - 1
            text = self._t("diverged", epoch=run.diverged_at, rate=run.learning_rate, last=last)
            self._status.value = status_html(text, diverged=True)
            return
        if run.stopped:
            self._status.value = status_html(self._t("stopped"))
            return
        w, b = run.at(run.adaline_w, run.adaline_b, run.epochs)
        pw, pb = run.at(run.perceptron_w, run.perceptron_b, run.epochs)
        before = run.at(run.perceptron_w, run.perceptron_b, run.epochs - 1)
        moved = not (np.allclose(before[0], pw) and before[1] == pb)
        cost, error_rate = adaline_model.cost, adaline_model.error_rate
        text = self._t(
            "summary",
            epochs=run.epochs,
            cost=cost(run.X, run.targets, w, b),
            best=cost(run.X, run.targets, run.exact_w, run.exact_b),
            a_errors=round(error_rate(run.X, run.labels, w, b) * n),
            p_errors=round(error_rate(run.X, run.labels, pw, pb) * n),
            n=n,
            p_moves=self._t("moved") if moved else self._t("not_moved"),
        )
        self._status.value = status_html(text)

    def _draw_table(self) -> None:
        run = self.run
        w, b = run.at(run.adaline_w, run.adaline_b, run.epochs)
        heads = [self._t(k) for k in ("table_weight", "table_keras", "table_exact", "table_diff")]
        self._table.value = weights_table_html(w, b, run.exact_w, run.exact_b, heads, self.lang)

    def _draw_plane(self, figure, caption, w, b, title: str) -> None:
        answers = adaline_model.classify(self.run.X, w, b)
        draw_plane(figure, self.run.X, self.run.labels, answers, w, b)
        caption.value = caption_html(title)

    def _draw_epoch(self, epoch: int) -> None:
        run = self.run
        if run is None:
            return
        self._drawn_epoch = epoch
        n, error_rate = len(run.X), adaline_model.error_rate
        pw, pb = run.at(run.perceptron_w, run.perceptron_b, epoch)
        aw, ab = run.at(run.adaline_w, run.adaline_b, epoch)
        p_errors = round(error_rate(run.X, run.labels, pw, pb) * n)
        a_errors = round(error_rate(run.X, run.labels, aw, ab) * n)
        p_title = self._t("perceptron_title", epoch=epoch, errors=p_errors)
        self._draw_plane(self.perceptron_plane, self.perceptron_caption, pw, pb, p_title)
        # After a divergence (or a stop) ADALINE has fewer epochs than the perceptron: its
        # plane then shows its last recorded epoch, and says so.
        a_epoch = min(epoch, len(run.adaline_b) - 1)
        key = "adaline_title" if a_epoch == epoch else "adaline_title_stopped"
        a_title = self._t(key, epoch=a_epoch, errors=a_errors)
        self._draw_plane(self.adaline_plane, self.adaline_caption, aw, ab, a_title)
        self._draw_costs(epoch)
        self._draw_surface(a_epoch)

    def _draw_costs(self, epoch: int) -> None:
        run, error_rate = self.run, adaline_model.error_rate
        perceptron_rates = [
            error_rate(run.X, run.labels, w, b)
            for w, b in zip(run.perceptron_w, run.perceptron_b, strict=True)
        ]
        adaline_rates = [
            error_rate(run.X, run.labels, w, b)
            for w, b in zip(run.adaline_w, run.adaline_b, strict=True)
        ]
        data, layout = cost_data([run.costs, perceptron_rates, adaline_rates], epoch)
        update_traces(self.costs, data, layout)

    def _draw_surface(self, epoch: int) -> None:
        run = self.run
        if self._surface_cache is None:
            minimum = np.asarray(run.exact_w, dtype=float)
            box = surface_box(run.adaline_w, minimum)
            w1 = np.linspace(box[0], box[1], SURFACE_POINTS)
            w2 = np.linspace(box[2], box[3], SURFACE_POINTS)
            surface = adaline_model.cost_surface(run.X, run.targets, run.exact_b, w1, w2)
            self._surface_cache = (w1, w2, surface)
        w1, w2, surface = self._surface_cache
        data, layout = error_surface_data(w1, w2, surface, run.adaline_w, epoch, run.exact_w)
        update_traces(self.surface, data, layout)
