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

import html
from dataclasses import dataclass

import ipywidgets
import numpy as np

from ..data import blobs_with_margin
from ..errors import StudentError, finite_number, whole_number
from ..figures.curves import (
    cost_data,
    cost_figure,
    error_surface_data,
    error_surface_figure,
    surface_box,
    update_traces,
)
from ..figures.plane import (
    POINTS_TRACE,
    TARGETS_TRACE,
    answer_discs,
    decision_plane_figure,
    plane_shapes,
    plane_trace_data,
    update_decision_plane,
)
from ..i18n import number
from ..training import BackgroundFit, FitJob, Progress
from ..ui import TrainingDashboard, shows_errors
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
DISC = 0.02  # a point's disc on the planes: radius as a fraction of the plot's width


@dataclass
class Run:
    """What one training produced, per epoch (index 0 = the start)."""

    X: np.ndarray  # standardised inputs
    labels: np.ndarray  # 0/1
    targets: np.ndarray  # ±1
    epochs: int
    learning_rate: float
    mode: str
    adaline_w: np.ndarray  # (k + 1, 2), k epochs finished before a stop or divergence
    adaline_b: np.ndarray
    costs: np.ndarray
    perceptron_w: np.ndarray  # (m + 1, 2)
    perceptron_b: np.ndarray
    exact_w: np.ndarray
    exact_b: float
    diverged_at: int | None = None
    stopped: bool = False

    def at(self, weights: np.ndarray, biases: np.ndarray, epoch: int):
        """The state at ``epoch``, or the last one recorded (after a stop or divergence)."""
        i = min(epoch, len(biases) - 1)
        return weights[i], float(biases[i])


def _data(name: str, seed: int):
    from ..models.adaline import bipolar, standardise

    X, labels = blobs_with_margin(N_POINTS, seed=seed, **DATASETS[name])
    Xs, _, _ = standardise(X)
    return Xs, labels.astype(np.int64), bipolar(labels)


class AdalineDashboard(TrainingDashboard):
    """ADALINE (Keras Dense + MSE + SGD) trained in the background beside a perceptron."""

    def __init__(self, lang: str = "pl"):
        super().__init__(lang)
        t = self._t = TEXT.for_language(lang)
        self.run: Run | None = None
        self._drawn_epoch: int | None = None  # the epoch the figures show
        self.perceptron = None
        self._run_id = 0
        self._adalines: dict = {}  # one compiled ADALINE per mode, see _adaline
        self._trainer = BackgroundFit(on_progress=self._on_progress, min_interval=0.2)
        self._surface_cache: tuple | None = None
        self._live_costs: list[float] = []

        # Controls
        wide = {"description_width": "initial"}
        self._data = ipywidgets.Dropdown(
            options=[(t(f"data_{name}"), name) for name in DATASETS],
            value="noisy",
            description=t("data"),
            style=wide,
            layout=ipywidgets.Layout(width="340px"),
        )
        self._seed = ipywidgets.IntSlider(
            0, min=SEED_RANGE[0], max=SEED_RANGE[1], description=t("seed"), style=wide
        )
        self._mode = ipywidgets.ToggleButtons(
            options=[(t(f"mode_{m}"), m) for m in MODES],
            value="batch",
            description=t("mode"),
            style={**wide, "button_width": "140px"},
        )
        self._rate = ipywidgets.FloatLogSlider(
            0.1,
            base=10,
            min=LR_EXPONENTS[0],
            max=LR_EXPONENTS[1],
            step=0.05,
            description=t("learning_rate"),
            readout_format=".3g",
            continuous_update=False,
            style=wide,
            layout=ipywidgets.Layout(width="340px"),
        )
        self._rate.add_class("dl-rate")
        self._epochs = ipywidgets.IntSlider(
            30,
            min=EPOCH_RANGE[0],
            max=EPOCH_RANGE[1],
            description=t("epochs"),
            continuous_update=False,
            style=wide,
            layout=ipywidgets.Layout(width="340px"),
        )
        self._train = ipywidgets.Button(description=t("train"), icon="refresh")
        self._stop = ipywidgets.Button(description=t("stop"), icon="stop", disabled=True)
        self._progress = ipywidgets.IntProgress(0, min=0, max=1, layout={"width": "330px"})
        self._play = ipywidgets.Play(0, min=0, max=1, interval=PLAY_INTERVAL_MS)
        self._play.add_class("dl-play")
        self._epoch = ipywidgets.IntSlider(
            0, min=0, max=1, description=t("epoch"), layout=ipywidgets.Layout(width="420px")
        )
        self._epoch.add_class("dl-epoch")
        ipywidgets.jslink((self._play, "value"), (self._epoch, "value"))

        # Outputs
        self._status = ipywidgets.HTML()
        self._status.add_class("dl-status")
        self._table = ipywidgets.HTML()
        self._table.add_class("dl-weights")
        self.perceptron_plane = decision_plane_figure("x1", "x2")
        self.adaline_plane = decision_plane_figure("x1", "x2")
        for plane in (self.perceptron_plane, self.adaline_plane):
            plane.layout.width, plane.layout.height = 400, 400
            plane.layout.margin.t = 20
        # Each plane's epoch and error count, above it. Not the figure's title: a new title
        # made plotly.js restyle the whole plot, 5.2 against 1.6 ms a step in Chromium.
        self.perceptron_caption, self.adaline_caption = ipywidgets.HTML(), ipywidgets.HTML()
        self.costs = cost_figure(
            [t("series_cost"), t("series_perceptron"), t("series_adaline")],
            t("cost_axis"),
            x_title=t("epoch"),
            y2_title=t("errors_axis"),
            on_y2=[False, True, True],
        )
        self.costs.layout.title = {"text": t("cost_title"), "font": {"size": 14}}
        self.surface = error_surface_figure(
            "w1", "w2", "J", names=(t("path"), t("now"), t("minimum"))
        )
        self.surface.layout.title = {"text": t("surface_title"), "font": {"size": 13}}

        # Layout
        controls = ipywidgets.VBox(
            [
                ipywidgets.HTML(f"<div style='font-size:14px'>{t('controls_help')}</div>"),
                self._data,
                self._seed,
                self._mode,
                self._rate,
                self._epochs,
                ipywidgets.HBox([self._train, self._stop]),
                self._progress,
                self._table,
            ],
            layout=ipywidgets.Layout(width="360px"),
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
                ipywidgets.HTML(f"<div style='font-size:13px'>{t('plane_help')}</div>"),
            ]
        )
        self.children = [
            ipywidgets.HTML(f"<h2>{t('title')}</h2><p>{t('intro')}</p>"),
            self._loading,
            self._error,
            self._status,
            ipywidgets.HBox([controls, planes], layout=ipywidgets.Layout(flex_flow="row wrap")),
            ipywidgets.HBox(
                [
                    self.costs,
                    ipywidgets.VBox(
                        [
                            self.surface,
                            ipywidgets.HTML(
                                f"<div style='font-size:13px;width:460px'>{t('surface_help')}</div>"
                            ),
                        ]
                    ),
                ],
                layout=ipywidgets.Layout(flex_flow="row wrap"),
            ),
        ]
        self._model_controls = [
            self._data,
            self._seed,
            self._mode,
            self._rate,
            self._epochs,
            self._train,
            self._play,
            self._epoch,
        ]

        # Events
        for control in (self._data, self._seed, self._mode, self._rate, self._epochs):
            control.observe(self._on_setting_change, names="value")
        self._train.on_click(self._on_train_click)
        self._stop.on_click(self._on_stop_click)
        for control in (self._play, self._epoch):
            control.observe(self._on_epoch_change, names="value")
        self._start_model_loading()

    # Public API (for notebook cells and tests) --------------------------------------------
    @property
    def learning_rate(self) -> float:
        return float(self._rate.value)

    @shows_errors
    def configure(
        self,
        data: str | None = None,
        mode: str | None = None,
        learning_rate: float | None = None,
        epochs: int | None = None,
        seed: int | None = None,
    ) -> None:
        """Set the controls from code (one retraining); bad values get a message."""
        if data is not None and not (isinstance(data, str) and data in DATASETS):
            raise StudentError("adaline.bad_data", value=data, names=", ".join(DATASETS))
        if mode is not None and not (isinstance(mode, str) and mode in MODES):
            raise StudentError("adaline.bad_mode", value=mode, names=", ".join(MODES))
        low, high = (10**e for e in LR_EXPONENTS)
        if learning_rate is not None and not (
            finite_number(learning_rate) and low <= learning_rate <= high
        ):
            raise StudentError(
                "adaline.bad_rate",
                low=number(low, self.lang),
                high=number(round(high, 2), self.lang),
                value=number(learning_rate, self.lang),
            )
        if epochs is not None and not (
            whole_number(epochs) and EPOCH_RANGE[0] <= epochs <= EPOCH_RANGE[1]
        ):
            low, high = EPOCH_RANGE
            raise StudentError(
                "adaline.bad_epochs", low=low, high=high, value=number(epochs, self.lang)
            )
        if seed is not None and not (whole_number(seed) and SEED_RANGE[0] <= seed <= SEED_RANGE[1]):
            low, high = SEED_RANGE
            raise StudentError(
                "adaline.bad_seed", low=low, high=high, value=number(seed, self.lang)
            )
        self.clear_error()
        pairs = [
            (self._data, data),
            (self._mode, mode),
            (self._rate, learning_rate),
            (self._epochs, epochs),
            (self._seed, seed),
        ]
        for control, value in pairs:  # set quietly, then train once
            if value is not None:
                control.unobserve(self._on_setting_change, names="value")
                control.value = value
                control.observe(self._on_setting_change, names="value")
        self.train()

    @shows_errors
    def train(self, background: bool = True) -> None:
        """Train ADALINE and the perceptron again from zero weights, in the background
        (``background=False``: in the calling thread, blocking)."""
        if self.model is None:
            return
        from ..models.adaline import (
            EpochRecorder,
            PerceptronEpochs,
            dataset,
            least_squares,
            set_parameters,
        )

        self._stop_running()
        self.trained.clear()
        X, labels, targets = _data(self._data.value, int(self._seed.value))
        epochs, rate, mode = int(self._epochs.value), self.learning_rate, self._mode.value
        batch = 1 if mode == "online" else len(X)
        self.model = self._adaline(mode, rate)
        set_parameters(self.model, np.zeros(2), 0.0)
        self.perceptron.restart()
        adaline_record, perceptron_record = EpochRecorder(X, targets), PerceptronEpochs()
        exact_w, exact_b = least_squares(X, targets)
        fit = {"epochs": epochs, "shuffle": False}
        self._run_id += 1
        run_id = self._run_id
        self._progress.max, self._progress.value = 2 * epochs, 0
        self._status.value = f"<div style='font-size:15px'>{self._t('training')}</div>"
        self._stop.disabled = False
        self._live_costs = adaline_record.costs

        def done(trainer: BackgroundFit) -> None:
            # Stopped before a job began: its record holds only the start (zero weights).
            start_cost = float(np.mean(targets.astype(float) ** 2))
            for record, first in ((adaline_record, start_cost), (perceptron_record, None)):
                if not record.weights:
                    record.weights, record.biases = [np.zeros(2)], [0.0]
                    if first is not None:
                        record.costs = [first]
            self._on_trained(
                run_id,
                trainer,
                Run(
                    X=X,
                    labels=labels,
                    targets=targets,
                    epochs=epochs,
                    learning_rate=rate,
                    mode=mode,
                    adaline_w=np.array(adaline_record.weights),
                    adaline_b=np.array(adaline_record.biases),
                    costs=np.array(adaline_record.costs),
                    perceptron_w=np.array(perceptron_record.weights),
                    perceptron_b=np.array(perceptron_record.biases),
                    exact_w=exact_w,
                    exact_b=exact_b,
                    diverged_at=adaline_record.diverged_at,
                    stopped=trainer.stopped,
                ),
            )

        self._trainer.on_done = done
        start = self._trainer.start if background else self._trainer.run_here
        start(
            FitJob(
                self.model,
                dataset(X, targets, batch),
                None,
                {**fit, "callbacks": [adaline_record]},
                "adaline",
            ),
            FitJob(
                self.perceptron,
                dataset(X, labels, 1),
                None,
                {**fit, "callbacks": [perceptron_record]},
                "perceptron",
            ),
        )

    @property
    def status_text(self) -> str:
        """The status line as plain text (tests)."""
        return html.unescape(self._status.value.split(">", 1)[-1].rsplit("</div>", 1)[0])

    @property
    def diverged(self) -> bool:
        return self.run is not None and self.run.diverged_at is not None

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        from ..models.adaline import build_perceptron_for

        self.model = self._adaline(self._mode.value, self.learning_rate)
        self.perceptron = build_perceptron_for(N_POINTS)
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
        from ..models.adaline import build_adaline, set_learning_rate

        model = self._adalines.get(mode)
        if model is None:
            steps = 1 if mode == "batch" else N_POINTS  # steps_per_execution: one epoch
            model = self._adalines[mode] = build_adaline(2, learning_rate, steps)
        else:
            set_learning_rate(model, learning_rate)
        return model

    def _stop_running(self) -> None:
        if self._trainer.running:
            self._trainer.stop()
            self._trainer.join(10)

    # Events -------------------------------------------------------------------------------
    @shows_errors
    def _on_setting_change(self, change) -> None:
        self.train()

    @shows_errors
    def _on_train_click(self, button) -> None:
        self.train()

    @shows_errors
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

    def _on_trained(self, run_id: int, trainer: BackgroundFit, run: Run) -> None:
        # Called from the training thread; a run replaced by a newer one is dropped.
        if run_id != self._run_id:
            return
        try:
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
            for control in (self._play, self._epoch):
                control.unobserve(self._on_epoch_change, names="value")
            self._epoch.max = self._play.max = max(run.epochs, 1)
            self._epoch.value = self._play.value = max(last, 0)
            for control in (self._play, self._epoch):
                control.observe(self._on_epoch_change, names="value")
            self._draw_status()
            self._draw_table()
            self._draw_epoch(self._epoch.value)
        except Exception as error:  # noqa: BLE001  (a thread: show it, never lose it)
            self.show_error(error)
        finally:
            if run_id == self._run_id:
                self.trained.set()

    # Drawing ------------------------------------------------------------------------------
    def _draw_status(self) -> None:
        from ..models.adaline import cost, error_rate

        run, n = self.run, len(self.run.X)
        if run.diverged_at is not None:
            text = self._t(
                "diverged",
                epoch=run.diverged_at,
                rate=run.learning_rate,
                last=len(run.costs) - 1,
            )
            self._status.value = (
                "<div class='dl-diverged' style='font-size:15px;border:2px solid #e65100;"
                f"background:#fff3e0;padding:8px;border-radius:6px'>{html.escape(text)}</div>"
            )
            return
        if run.stopped:
            self._status.value = f"<div style='font-size:15px'>{self._t('stopped')}</div>"
            return
        w, b = run.at(run.adaline_w, run.adaline_b, run.epochs)
        pw, pb = run.at(run.perceptron_w, run.perceptron_b, run.epochs)
        before = run.at(run.perceptron_w, run.perceptron_b, run.epochs - 1)
        moved = not (np.allclose(before[0], pw) and before[1] == pb)
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
        self._status.value = f"<div style='font-size:15px'>{html.escape(text)}</div>"

    def _draw_table(self) -> None:
        run = self.run
        w, b = run.at(run.adaline_w, run.adaline_b, run.epochs)
        lang = self.lang
        rows = "".join(
            f"<tr><td>{name}</td><td>{number(got, lang, '.4f')}</td>"
            f"<td>{number(want, lang, '.4f')}</td>"
            f"<td>{number(abs(got - want), lang, '.1e')}</td></tr>"
            for name, got, want in zip(
                ("w1", "w2", "b"), (*w, b), (*run.exact_w, run.exact_b), strict=True
            )
        )
        head = "".join(
            f"<th>{self._t(k)}</th>"
            for k in ("table_weight", "table_keras", "table_exact", "table_diff")
        )
        self._table.value = (
            "<table class='dl-table' style='border-collapse:collapse;font-size:14px;"
            f"text-align:right'><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>"
            "<style>.dl-table td,.dl-table th{padding:2px 8px;border-bottom:1px solid #ddd}</style>"
        )

    def _plane_box(self) -> tuple:
        X = self.run.X
        low, high = X.min(axis=0) - 0.4, X.max(axis=0) + 0.4
        return (float(low[0]), float(high[0]), float(low[1]), float(high[1]))

    def _draw_plane(self, figure, caption, w, b, title: str) -> None:
        from ..models.adaline import classify

        run, box = self.run, self._plane_box()
        answers = classify(run.X, w, b)
        data = plane_trace_data(run.X, answers, run.labels)
        # The model's answers are filled discs drawn as two shapes (answer 1, answer 0):
        # a new per-point colour array at every epoch made plotly.js recompute the plane.
        data[POINTS_TRACE] = {"x": [], "y": []}
        # The ring keeps plane_trace_data's colour: the true class.
        data[TARGETS_TRACE].update({"marker.size": 15, "marker.line.width": 2})
        # Discs are drawn between the grid and the rings, above the half-plane.
        drawing = plane_shapes(w, -b, box) + answer_discs(run.X, answers, DISC * (box[1] - box[0]))
        layout = {
            "xaxis.range": box[:2],
            "yaxis.range": box[2:],
            "xaxis.dtick": 1,
            "yaxis.dtick": 1,
        }
        update_decision_plane(figure, data, drawing, layout)
        caption.value = (
            "<div style='width:400px;text-align:center;font-size:14px;font-weight:600'>"
            f"{html.escape(title)}</div>"
        )

    def _draw_epoch(self, epoch: int) -> None:
        from ..models.adaline import cost_surface, error_rate

        run = self.run
        if run is None:
            return
        self._drawn_epoch = epoch
        n = len(run.X)
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
        if self._surface_cache is None:
            minimum = np.asarray(run.exact_w, dtype=float)
            box = surface_box(run.adaline_w, minimum)
            w1 = np.linspace(box[0], box[1], SURFACE_POINTS)
            w2 = np.linspace(box[2], box[3], SURFACE_POINTS)
            self._surface_cache = (w1, w2, cost_surface(run.X, run.targets, run.exact_b, w1, w2))
        w1, w2, surface = self._surface_cache
        current = min(epoch, len(run.adaline_b) - 1)
        data, layout = error_surface_data(w1, w2, surface, run.adaline_w, current, run.exact_w)
        update_traces(self.surface, data, layout)
