"""Lesson 08 dashboard: a wide shallow and a narrow deep ReLU net, trained side by side.

Both nets have the same parameter budget (a slider; the depth slider sets the deep net's
hidden layers and its width follows, see :mod:`widgets.models.depth`), the same data and
the same seed. They are the two outputs of one Keras model, so one compiled, full-batch
Adam step trains both (:class:`widgets.training.BackgroundFit` runs it in a thread, with
Stop). After every 25 steps the losses on the training and the test set are recorded;
the figures (built in :mod:`.figures`) show them live with the fitted functions: the two
curves over the target for the 1-D sets (sawtooth, small noisy set), two decision
heatmaps for the spirals.
Train (▶) continues the training, Stop stops it, Reset starts again from the seeded initial
weights; any setting change starts again too.

The first layer's initialisation is a setting with a default per data set
(:data:`DEFAULT_INIT`): Keras' own (every bend at x = 0) for the sawtooth and the spirals,
bends spread over [-1, 1] for the small noisy set, where only then does the wide shallow
net reach between the points and memorise them (measured in
``benchmarks/results-lesson-08.md``).
"""

from __future__ import annotations

from html import escape, unescape

import ipywidgets
import numpy as np

from ..controls import button, column, html, log_slider, row, slider, toggles
from ..data.depth import (
    DATASETS,
    NOISY_NOISE,
    TEETH_RANGE,
    TURNS_RANGE,
    make_split,
    sawtooth_target,
)
from ..errors import StudentError, finite_number, whole_number
from ..figures.live import update_traces
from ..i18n import number
from ..models import depth as depth_model  # Keras only inside its functions: safe to read
from ..recent import Recent
from ..training import BackgroundFit, FitJob, Progress
from ..ui import Setting, TrainingDashboard, ends_run, reacts, shows_errors
from .code import PairRun, keras_code
from .figures import (
    NETS,
    counts_html,
    curve_grid,
    function_data,
    function_figure,
    grid_points,
    heatmap_data,
    heatmap_figure,
    loss_data,
    loss_figure,
)
from .texts import TEXT

STEPS_PER_EPOCH = 25  # full-batch steps per Keras epoch: one compiled call, one curve point
BUDGET_RANGE = (30, 3000)
DEPTH_RANGE = (2, 8)
STEPS_RANGE = (100, 5000)
LR_EXPONENTS = (-4.0, 0.0)  # η from 0.0001 to 1
SEED_RANGE = (0, 9)
PAIRS_KEPT = 6  # pairs of nets kept by shape: a data or shape stepped back needs no build
DEFAULT_INIT = {"sawtooth": "keras", "spirals": "keras", "noisy": "spread"}
NOISE_VARIANCE = NOISY_NOISE**2  # 0.09: the best test loss on the noisy set
NOISY_LOSS_RANGE = [0.0, 0.25]  # linear: a test loss rising 0.10 -> 0.13 must be seen
SLIDER_WIDTH = "370px"  # the lesson's long labels ("warstwy sieci głębokiej") need room
COLUMN_WIDTH = "390px"
BUTTON_WIDTH = "112px"  # of the data and initialisation toggles
# Lesson 08's own rule: its help paragraphs beside the sliders keep a reading line height
# (an HTML widget's content otherwise gets the 28px height of a one-line control).


def _setting_slider(description: str, value, low, high, step=1, css: str = ""):
    """A slider of the controls column that reports a value only on release (every
    setting starts the training again); ``css`` names it for the browser tests."""
    control = slider(
        description,
        value,
        low,
        high,
        step,
        integer=isinstance(value, int),
        width=SLIDER_WIDTH,
        continuous_update=False,
    )
    if css:
        control.add_class(f"dl-{css}")
    return control


class DeepVsShallowDashboard(TrainingDashboard):
    """A wide shallow and a narrow deep Keras MLP with equal budgets, trained side by side.

    ``model`` is the two-output ``keras.Model``; ``shallow`` and ``deep`` are its nets.
    ``history`` holds the recorded losses (see :func:`widgets.models.depth.empty_history`).
    """

    def __init__(self, lang: str = "pl"):
        super().__init__(lang)
        self._t = TEXT.for_language(lang)
        self.split = None
        self.history: dict = {}
        self.diverged_at: int | None = None
        self._run_id = 0
        self._trainer = BackgroundFit(min_interval=0.1)
        self._initial_weights: dict = {}  # (shape, seed, init) -> the pair's seeded start
        self._pairs = Recent(PAIRS_KEPT)  # shape -> its pair, the newest last (see _model_for)
        self._trainer_left_running = False
        self._build()

    # Construction -------------------------------------------------------------------------
    def _build_controls(self) -> None:
        """The data choice, the sliders, ▶ / Stop / Reset and the progress bar."""
        t = self._t
        data = [(t(f"data_{name}"), name) for name in DATASETS]
        self._data = toggles("", data, "sawtooth", button_width=BUTTON_WIDTH)
        self._teeth = _setting_slider(t("teeth"), 8, *TEETH_RANGE, css="teeth")
        self._turns = _setting_slider(t("turns"), 1.5, *TURNS_RANGE, 0.25)
        self._budget = _setting_slider(t("budget"), 400, *BUDGET_RANGE, 10, css="budget")
        self._depth = _setting_slider(t("depth"), 3, *DEPTH_RANGE, css="depth")
        inits = [(t(f"init_{name}"), name) for name in depth_model.INITS]
        self._init = toggles(t("init"), inits, DEFAULT_INIT["sawtooth"], button_width=BUTTON_WIDTH)
        self._init.add_class("dl-init")
        self._learning_rate = log_slider(
            t("learning_rate"),
            0.01,
            *LR_EXPONENTS,
            step=0.1,
            readout_format=".2g",
            width=SLIDER_WIDTH,
            continuous_update=False,
        )
        self._learning_rate.add_class("dl-learning-rate")
        self._steps = _setting_slider(t("steps"), 1500, *STEPS_RANGE, 100)
        self._seed = _setting_slider(t("seed"), 0, *SEED_RANGE)
        self._play = button(t("play"), icon="play", kind="success")
        self._stop = button(t("stop"), icon="stop")
        self._stop.disabled = True
        self._reset = button(t("reset"), icon="refresh")
        self._play.add_class("dl-play")
        self._stop.add_class("dl-stop")
        self._progress = ipywidgets.IntProgress(0, min=0, max=1, layout={"width": "360px"})
        self._model_controls = [*self._setting_controls().values(), self._play, self._reset]

    def _next_training_controls(self) -> list:
        return [self._learning_rate, self._steps]

    def _build_figures(self) -> None:
        """The size table, the status line, the data help and the three figures, each
        figure in a box (a FigureWidget's .layout is plotly's: the boxes are hidden)."""
        t = self._t
        self._counts = html("", "dl-counts")
        self._status = html("", "dl-status")
        self._data_help = html("", "dl-note")
        self._axis, self._grid = grid_points()
        self._curve_x = curve_grid()
        names = [
            t("series", net=t(net), part=t(f"part_{part}"))
            for net in NETS
            for part in ("train", "test")
        ]
        self.loss_figure = loss_figure(names, t("loss_title"), t("step_axis"), t("loss_axis"))
        labels = {key: t(key) for key in ("train_points", "target", *NETS)}
        self.function_figure = function_figure(labels, t("function_title"))
        self.heatmap_figure = heatmap_figure([t(net) for net in NETS])
        self._function_box = ipywidgets.Box([self.function_figure])
        self._heatmap_box = ipywidgets.Box([self.heatmap_figure])
        self._loss_box = ipywidgets.Box([self.loss_figure])
        for box, name in (
            (self._function_box, "function"),
            (self._heatmap_box, "heatmap"),
            (self._loss_box, "loss"),
        ):
            box.add_class(f"dl-{name}")

    def _lay_out(self) -> None:
        """The title with the caveat, the status, then the controls beside the figures."""
        t = self._t
        intro = f"{t('intro')}<div class='dl-note'>{t('caveat')}</div>"
        controls = column(
            [
                html(t("controls_help"), "dl-note"),
                self._data,
                self._teeth,
                self._turns,
                self._budget,
                self._depth,
                self._counts,
                self._init,
                html(t("init_help"), "dl-note"),
                self._learning_rate,
                self._steps,
                self._seed,
                ipywidgets.HBox([self._play, self._stop, self._reset]),
                self._progress,
                self._data_help,
            ],
            width=COLUMN_WIDTH,
        )
        # the 1-D figure or the heatmaps (one is hidden), above the loss figure
        figures = ipywidgets.VBox([self._function_box, self._heatmap_box, self._loss_box])
        self._page(t("title"), intro, self._status, row([controls, figures]))
        self.add_class("dl-deep-vs-shallow")
        self._show_data_controls()
        self._draw_counts()

    def _wire(self) -> None:
        """Every setting but the steps starts again; the buttons train, stop and reset."""
        for name, control in self._setting_controls().items():
            if name != "steps":
                control.observe(self._on_setting_change, names="value")
        self._play.on_click(self._on_play_click)
        self._stop.on_click(self._on_stop_click)
        self._reset.on_click(self._on_reset_click)

    # Public API (for notebook cells and tests) --------------------------------------------
    @property
    def shallow(self):
        """The wide, one-hidden-layer ``keras.Sequential``."""
        return None if self.model is None else depth_model.subnet(self.model, "shallow")

    @property
    def deep(self):
        """The narrow, ``depth``-hidden-layer ``keras.Sequential``."""
        return None if self.model is None else depth_model.subnet(self.model, "deep")

    @property
    def learning_rate(self) -> float:
        """η, as set on its slider."""
        return float(self._learning_rate.value)

    @property
    def status_text(self) -> str:
        """The status line as plain text (tests)."""
        return unescape(self._status.value)

    def widths(self) -> dict:
        """``{"shallow": (depth, width, params), "deep": (...)}`` for the current settings."""
        n_inputs = 2 if self._data.value == "spirals" else 1
        result = {}
        for name, depth in (("shallow", 1), ("deep", int(self._depth.value))):
            width = depth_model.width_for_budget(int(self._budget.value), depth, n_inputs)
            result[name] = (depth, width, depth_model.mlp_params(n_inputs, width, depth))
        return result

    def _settings(self) -> dict[str, Setting]:
        """``configure(data=..., teeth=..., turns=..., budget=..., depth=..., init=...,
        learning_rate=..., steps=..., seed=...)``: set controls from code and start again
        (one rebuild). A new ``data`` brings its own ``init`` (:data:`DEFAULT_INIT`) unless
        ``init`` is given too."""
        return {
            name: Setting(control, check=self._checker(name, control))
            for name, control in self._setting_controls().items()
        }

    def _after_configure(self, settings: dict) -> None:
        if "data" in settings and "init" not in settings:
            with self._quietly():
                self._init.value = DEFAULT_INIT[settings["data"]]
        self._show_data_controls()
        self.reset()

    @shows_errors
    def play(self, background: bool = True) -> None:
        """Train both nets ``steps`` more steps (``background=False``: blocking)."""
        if self.model is None or self._trainer.running:
            return
        if self.diverged_at is not None:
            raise self._diverged()
        steps = int(self._steps.value)
        recorder = depth_model.loss_recorder(self.split, STEPS_PER_EPOCH, self.history)
        job = self._fit_job(steps, recorder)
        self.trained.clear()
        self._run_id += 1
        run_id = self._run_id
        self._show_started(steps)
        self._trainer.on_progress = lambda progress: self._on_progress(run_id, progress)
        self._trainer.on_done = lambda trainer: self._on_trained(run_id, trainer, recorder)
        run = self._trainer.start if background else self._trainer.run_here
        run(job)

    @shows_errors
    def reset(self) -> None:
        """Stop, rebuild both nets from the seed, clear the curves and draw the start."""
        if self.ready.is_set():
            self._rebuild()

    def code(self) -> str:
        """Plain Keras code for both nets at the dashboard's state ("show the code"): the
        steps trained so far, or one press of Play before the first."""
        data = self._data.value
        data_args = {
            "sawtooth": {"teeth": int(self._teeth.value)},
            "spirals": {"turns": float(self._turns.value)},
        }
        widths = self.widths()
        trained = self.history["step"][-1] if self.history.get("step") else 0
        steps = trained or STEPS_PER_EPOCH * max(1, int(self._steps.value) // STEPS_PER_EPOCH)
        run = PairRun(
            data=data,
            data_args=data_args.get(data, {}),
            seed=int(self._seed.value),
            n_inputs=2 if data == "spirals" else 1,
            shallow_width=widths["shallow"][1],
            deep_width=widths["deep"][1],
            depth=int(self._depth.value),
            task="classification" if data == "spirals" else "regression",
            init=self._init.value,
            learning_rate=self.learning_rate,
            steps=int(steps),
        )
        return keras_code(run, self.lang)

    def last_test_losses(self) -> dict:
        """The last recorded test loss of each net."""
        return {name: self.history[f"{name}_test"][-1] for name in NETS}

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        self._rebuild()

    def _rebuild(self) -> None:
        """New data and the pair at its seeded start, the first losses, everything drawn."""
        self._stop_running()
        # What the settings alone tell (the nets' shapes and sizes) shows at once; a new
        # shape then takes a Keras build (0.15 s) before the start is drawn.
        self._draw_counts()
        seed = int(self._seed.value)
        self.split = make_split(
            self._data.value, int(self._teeth.value), float(self._turns.value), seed=seed
        )
        self.model = self._model_for(self.split, seed)
        self.history, self.diverged_at = depth_model.empty_history(), None
        depth_model.record_losses(self.model, self.split, self.history, 0)
        self._run_id += 1  # a late message from a stopped run must not draw over this
        self._progress.min, self._progress.max, self._progress.value = 0, 1, 0
        self._play.disabled, self._stop.disabled = False, True
        # The status names both nets' starting test losses: a line of text that every
        # setting changes, drawn at once, before the figures that plotly.js redraws whole
        # (new curves or heatmaps, 50-150 ms of the page's time under load; issue 24).
        losses = {net: self.history[f"{net}_test"][-1] for net in NETS}
        self._show_status(self._t("ready", seed=seed, **losses))
        self._draw()
        self._refresh_code()

    def _model_for(self, split, seed: int):
        """The pair for the current settings, at its seeded start.

        Pairs are kept by shape (:data:`PAIRS_KEPT`): a shape seen lately (the data set,
        budget or depth stepped back) is restarted in place (see
        :func:`widgets.models.depth.restart`), so neither a Keras build (0.15 s, which
        the student's next key press waited behind, issue 24) nor a new trace of its
        training step is needed; the seeded initial weights are cached per shape, seed and
        initialisation.
        """
        shape = (split.n_inputs, int(self._budget.value), int(self._depth.value), split.task)
        n_inputs, budget, depth, task = shape
        init = self._init.value
        start = (shape, seed, init)
        if self._trainer_left_running:  # a run still finishing trains that pair: never
            # restart it under that run; it is forgotten and its shape built anew
            self._pairs.forget(lambda pair: pair is self.model)
            self._trainer_left_running = False
        model = self._pairs.pop(shape, None)
        if model is None:
            model = depth_model.build_pair(
                n_inputs, budget, depth, task, self.learning_rate, seed, STEPS_PER_EPOCH, init=init
            )
            self._initial_weights.setdefault(start, model.get_weights())
        self.model = self._pairs.keep(shape, model)
        if start not in self._initial_weights:
            fresh = depth_model.build_pair(n_inputs, budget, depth, task, seed=seed, init=init)
            self._initial_weights[start] = fresh.get_weights()
        weights = self._initial_weights[start]
        depth_model.restart(self.model, weights, self.learning_rate)
        return self.model

    def _fit_job(self, steps: int, recorder) -> FitJob:
        """``steps`` full-batch steps as Keras epochs of 25 steps each, losses recorded."""
        split = self.split
        x, y = depth_model.repeated(split.x_train, split.y_train, STEPS_PER_EPOCH)
        fit = {
            "epochs": max(1, steps // STEPS_PER_EPOCH),
            "batch_size": len(split.x_train),
            "shuffle": False,
            "callbacks": [recorder],
        }
        return FitJob(self.model, x, y, fit, "pair")

    def _stop_running(self, patience: float = 0.6) -> None:
        """Stop a running training, waiting at most ``patience`` seconds for it.

        Keras checks the stop after every chunk of 25 steps (a tenth of a second or so),
        so the wait is short and the model can then be restarted in place. A first ▶ on
        a new model may still be tracing (seconds): waiting would freeze the slider that
        asked for the change, so that run gets its own trainer and finishes unseen (its
        callbacks carry an old run id) and the next model is built anew.
        """
        if not self._trainer.running:
            return
        self._trainer.stop()
        if not self._trainer.join(patience):
            self._trainer = BackgroundFit(min_interval=self._trainer.min_interval)
            self._trainer_left_running = True

    def _last_step(self) -> int:
        return self.history["step"][-1] if self.history.get("step") else 0

    # Settings -----------------------------------------------------------------------------
    def _setting_controls(self) -> dict:
        """The controls :meth:`configure` sets, by their setting's name."""
        return {
            "data": self._data,
            "teeth": self._teeth,
            "turns": self._turns,
            "budget": self._budget,
            "depth": self._depth,
            "init": self._init,
            "learning_rate": self._learning_rate,
            "steps": self._steps,
            "seed": self._seed,
        }

    def _check_setting(self, table: dict, name: str, value: object) -> object:
        """An unknown name is told in the lesson's words, the names in the panel's order."""
        if name not in table:
            raise StudentError("deep_vs_shallow.unknown_setting", name=name, names=", ".join(table))
        return super()._check_setting(table, name, value)

    def _checker(self, name: str, control: ipywidgets.Widget):
        """The check of one setting: a :class:`~widgets.errors.StudentError` for a value
        the control cannot take (not a choice, out of range, a fraction for a whole number)."""

        def check(value: object) -> object:
            if isinstance(control, ipywidgets.ToggleButtons):
                choices = [choice for _label, choice in control.options]
                if isinstance(value, str) and value in choices:
                    return value
                raise StudentError(
                    "deep_vs_shallow.unknown_choice",
                    name=name,
                    value=value,
                    names=", ".join(choices),
                )
            low, high = control.min, control.max
            if isinstance(control, ipywidgets.FloatLogSlider):
                low, high = control.base**low, control.base**high
            bounds = {"low": number(low, self.lang), "high": number(high, self.lang)}
            given = number(value, self.lang)
            if isinstance(control, ipywidgets.IntSlider):
                if not (whole_number(value) and low <= value <= high):
                    raise StudentError(
                        "deep_vs_shallow.bad_whole_number", name=name, value=given, **bounds
                    )
                return int(value)
            if not (finite_number(value) and low <= value <= high):
                raise StudentError("deep_vs_shallow.bad_number", name=name, value=given, **bounds)
            return float(value)

        return check

    def _diverged(self) -> StudentError:
        """Why the run cannot go on: the step where the loss stopped being a number."""
        return StudentError(
            "deep_vs_shallow.diverged",
            step=self.diverged_at,
            rate=number(float(f"{self.learning_rate:.3g}"), self.lang),
        )

    # Events -------------------------------------------------------------------------------
    @reacts
    def _on_setting_change(self, change) -> None:
        if change["owner"] is self._data:  # each set starts with its own initialisation
            with self._quietly():
                self._init.value = DEFAULT_INIT[change["new"]]
        self._show_data_controls()
        self.clear_error()
        self.reset()

    @reacts
    def _on_play_click(self, _button) -> None:
        self.play()

    @reacts
    def _on_reset_click(self, _button) -> None:
        self.clear_error()
        self.reset()

    def _on_progress(self, run_id: int, progress: Progress) -> None:
        # The training thread, at most every 0.1 s: the weights are consistent here.
        if progress.done or run_id != self._run_id:
            return
        step = self._last_step()
        self._progress.value = min(step, self._progress.max)
        total = self._progress.max
        self._show_status(self._t("training", step=step, total=total))
        self._draw()

    @ends_run
    def _on_trained(self, run_id: int, trainer: BackgroundFit, recorder) -> None:
        self._stop.disabled, self._play.disabled = True, False
        self._progress.value = self._progress.max
        if trainer.error is not None:
            self.show_error(trainer.error)
            return
        self.diverged_at = recorder.diverged_at
        if self.diverged_at is not None:
            self.show_error(self._diverged())
        self._draw_summary(trainer.stopped)
        self._draw()
        self._refresh_code()  # the code trains as many steps as the nets have had

    # Drawing ------------------------------------------------------------------------------
    def _show_status(self, text: str) -> None:
        self._status.value = escape(text)

    def _show_started(self, steps: int) -> None:
        """Progress from the last step, Stop enabled, the status at once.

        At once: the first ▶ on a new model waits ~1-4 s while TensorFlow traces its step.
        """
        start = self._last_step()
        self._progress.min, self._progress.max = start, start + steps
        self._progress.value = start
        self._stop.disabled, self._play.disabled = False, True
        starting = self._t("training", step=start, total=start + steps)
        self._show_status(starting)

    def _show_data_controls(self) -> None:
        """Only the sliders and the figure that belong to the chosen data are shown."""
        name = self._data.value
        shown = {True: None, False: "none"}
        self._teeth.layout.display = shown[name == "sawtooth"]
        self._turns.layout.display = shown[name == "spirals"]
        self._function_box.layout.display = shown[name != "spirals"]
        self._heatmap_box.layout.display = shown[name == "spirals"]
        self._data_help.value = self._t(f"data_help_{name}")

    def _draw_counts(self) -> None:
        """The table of both nets' shapes and parameter counts."""
        headers = [self._t(key) for key in ("net", "shape", "params")]
        rows = [(net, self._t(net), *sizes) for net, sizes in self.widths().items()]
        self._counts.value = counts_html(headers, rows)

    def _draw_summary(self, stopped: bool) -> None:
        """The status after a run: stopped, or both test losses and which net won."""
        step = self._last_step()
        if stopped:
            self._show_status(self._t("stopped", step=step))
            return
        losses = self.last_test_losses()
        shallow, deep = losses["shallow"], losses["deep"]
        if not (np.isfinite(shallow) and np.isfinite(deep)):
            self._status.value = ""
            return
        if deep <= shallow:
            verdict = self._t("deep_better", ratio=shallow / max(deep, 1e-12))
        else:
            verdict = self._t("shallow_better", ratio=deep / max(shallow, 1e-12))
        text = self._t("summary", step=step, shallow=shallow, deep=deep, verdict=verdict)
        if self.split.name == "noisy":
            text += " " + self._overfit_summary()
        self._show_status(text)

    def _overfit_summary(self) -> str:
        """The shallow net's training loss against the noise, its test loss now and best."""
        test = self.history["shallow_test"]
        best = int(np.nanargmin(test))
        return self._t(
            "overfit_summary",
            train=self.history["shallow_train"][-1],
            test=test[-1],
            best=test[best],
            best_step=self.history["step"][best],
        )

    def _draw(self) -> None:
        """Both figures from the current weights and history (any thread)."""
        update_traces(self.loss_figure, loss_data(self.history), self._loss_layout())
        if self.split.task == "classification":
            update_traces(self.heatmap_figure, self._heatmap_trace_data())
        else:
            update_traces(self.function_figure, self._function_trace_data())

    def _loss_layout(self) -> dict:
        """The loss axis: log scale, or for the noisy set a linear one from 0 to 0.25 with
        the noise variance marked, so that the test loss rising above it shows.

        The line and its note stay in the layout, hidden for the other sets: plotly leaves
        shapes in place when given an empty list.
        """
        noisy = self.split.name == "noisy"
        grey = {"color": "#555"}
        line = {"type": "line", "xref": "paper", "x0": 0, "x1": 1, "visible": noisy}
        line.update(y0=NOISE_VARIANCE, y1=NOISE_VARIANCE, line={**grey, "dash": "dash"})
        note = {"xref": "paper", "x": 1, "y": NOISE_VARIANCE, "visible": noisy}
        note.update(xanchor="right", yanchor="top", showarrow=False, font={**grey, "size": 11})
        note["text"] = self._t("noise_line")
        axis = (
            {"type": "linear", "autorange": False, "range": NOISY_LOSS_RANGE, "dtick": 0.05}
            if noisy
            else {"type": "log", "autorange": True, "dtick": "D2"}
        )
        axis["title.text"] = self._t("loss_axis_linear" if noisy else "loss_axis")
        layout = {f"yaxis.{key}": value for key, value in axis.items()}
        return {**layout, "shapes": [line], "annotations": [note]}

    def _heatmap_trace_data(self) -> list[dict]:
        """Each net's probability of class 1 over the grid, with the training points."""
        shape = (len(self._axis), len(self._axis))
        maps = [
            depth_model.forward(net, self._grid).reshape(shape) for net in (self.shallow, self.deep)
        ]
        return heatmap_data(self.split, self._axis, *maps)

    def _function_trace_data(self) -> list[dict]:
        """Both nets' curves over the x grid, with the target and the training points."""
        x = self._curve_x
        if self.split.name == "sawtooth":
            target = sawtooth_target(x, int(self._teeth.value))
        else:
            target = np.sin(np.pi * x)
        curves = [depth_model.forward(net, x.reshape(-1, 1)) for net in (self.shallow, self.deep)]
        return function_data(self.split, x, target, *curves)
