"""Lesson 11 dashboard (part 2): a SimpleRNN, a GRU and an LSTM on the adding problem,
trained side by side with their validation loss against the baseline.

The three Keras models (:func:`widgets.models.memory.recurrent_model`) are trained by one
:class:`widgets.training.BackgroundFit` in **turns**: one ``FitJob`` is one epoch of one
model, and the jobs go round the checked cells (SimpleRNN, GRU, LSTM, SimpleRNN, …).
So the three curves grow together and a student sees after a few seconds that the plain
RNN stays on the baseline while the gated cells leave it, instead of waiting for one
model to finish before the next starts. The cost is one ``model.fit`` call per epoch
(tens of milliseconds against an epoch of seconds; measured in
``benchmarks/results-lesson-11-memory.md``). Stop ends the running epoch after its
current batch (and its validation); ▶ Train then continues where the models are.
Changing the length, the number of sequences, the units or η starts again with new data
and new models; the epochs and the checked cells change nothing until ▶. A student's move
of one of those sliders shows the new data, the cleared curves and the status at once;
the three Keras models (0.2–0.5 s to build here) follow on a background worker, newest
settings first (:class:`widgets.builds.NewestBuilds`), and ▶ waits for them
(issue 24: the sequence length answered in 12× the bare reference's time while the
models were built before anything was drawn).

A cell whose loss stops being a finite number has diverged: its remaining turns are
skipped (``FitJob.skip``), the others train on, and the banner says so.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from html import escape, unescape

import ipywidgets

from ..builds import NewestBuilds
from ..controls import button, checkbox, column, heading, html, log_slider, row, slider
from ..errors import StudentError
from ..figures.live import replace_layout_item, update_traces
from ..i18n import number
from ..models import memory as memory_model  # Keras only inside its functions
from ..models.memory import BATCH_SIZE, CELLS, LAYER_NAMES, VALIDATION_BATCH_SIZE
from ..training import BackgroundFit, FitJob, Progress, batches
from ..ui import Setting, TrainingDashboard, ends_run, reacts, shows_errors
from .code import keras_code
from .figures import epoch_ticks, example_data, example_figure, loss_data, loss_figure
from .texts import TEXT

LENGTH_RANGE = (10, 200)
SEQUENCES_RANGE = (500, 10_000)
UNITS_RANGE = (4, 64)
EPOCHS_RANGE = (1, 30)
LR_EXPONENTS = (-4.0, -1.0)  # η from 0.0001 to 0.1
DEFAULTS = {"length": 100, "sequences": 10_000, "units": 32, "epochs": 10, "learning_rate": 3e-3}
REBUILDS = ("length", "sequences", "units", "learning_rate")  # these start again
VALIDATION_SEQUENCES = 1000
SEED = 0
SLIDER_WIDTH = "350px"
CACHED_BUILDS = 4  # untrained model sets kept: a slider moved back finds its models built


@dataclass(eq=False)
class Build:
    """The models asked for: their settings (and the trainings so far: models that have
    trained are never handed out again) as ``key``, and the data they will train on."""

    key: tuple
    data: memory_model.MemoryData


class MemoryDashboard(TrainingDashboard):
    """SimpleRNN vs GRU vs LSTM on the adding problem, trained in turns in the background.

    ``models`` maps each cell ("simple_rnn", "gru", "lstm") to its ``keras.Sequential``;
    ``model`` is the model of the last checked cell (the LSTM when all are checked).
    ``losses[cell]`` holds the validation MSE after each epoch; ``data`` the sequences
    (:class:`widgets.models.memory.MemoryData`).
    """

    def __init__(self, lang: str = "pl"):
        super().__init__(lang)
        self._t = TEXT.for_language(lang)
        self.data = None
        self.models: dict = {}
        self.losses: dict[str, list[float]] = {cell: [] for cell in CELLS}
        self.diverged: dict[str, int] = {}  # cell -> the epoch in which it diverged
        self.answers: dict[str, float | None] = {}
        self.example = 0
        self._run_id = 0
        self._jobs: list[FitJob] = []
        self._batches: tuple = ()  # training and validation tf.data pipelines
        self._trainer = BackgroundFit(min_interval=0.2, batch_progress=True)
        self._trainings = 0  # models handed to ▶ so far (part of a build's key)
        self._models_key: tuple | None = None  # the key of the models in self.models
        self._builds = NewestBuilds(
            self._built, self._use_built, self.show_error, self._lock, CACHED_BUILDS, "memory"
        )
        self._build()

    # Construction -------------------------------------------------------------------------
    def _build_controls(self) -> None:
        t = self._t
        self._length = self._slider(t("length"), DEFAULTS["length"], *LENGTH_RANGE, 10, "length")
        self._sequences = self._slider(
            t("sequences"), DEFAULTS["sequences"], *SEQUENCES_RANGE, 500, "sequences"
        )
        self._units = self._slider(t("units"), DEFAULTS["units"], *UNITS_RANGE, 4, "units")
        self._epochs = self._slider(t("epochs"), DEFAULTS["epochs"], *EPOCHS_RANGE, 1, "epochs")
        self._learning_rate = log_slider(
            t("learning_rate"),
            DEFAULTS["learning_rate"],
            *LR_EXPONENTS,
            step=0.25,
            readout_format=".2g",
            width=SLIDER_WIDTH,
            continuous_update=False,
        )
        self._learning_rate.add_class("dl-learning-rate")
        self._cells = {cell: checkbox(LAYER_NAMES[cell], True, width="110px") for cell in CELLS}
        for cell, box in self._cells.items():
            box.add_class(f"dl-cell-{cell.replace('_', '-')}")
        self._play = button(t("play"), icon="play", kind="success")
        self._stop = button(t("stop"), icon="stop")
        self._reset = button(t("reset"), icon="refresh")
        self._another = button(t("another"), icon="random")
        for name in ("play", "stop", "reset", "another"):
            getattr(self, f"_{name}").add_class(f"dl-{name}")
        self._stop.disabled = True
        self._progress = ipywidgets.FloatProgress(0, min=0, max=1, layout={"width": "340px"})
        self._model_controls = [*self._rebuild_controls().values(), self._play, self._reset]
        self._model_controls.append(self._another)

    @staticmethod
    def _slider(description: str, value: int, low: int, high: int, step: int, css: str):
        control = slider(
            description,
            value,
            low,
            high,
            step,
            integer=True,
            width=SLIDER_WIDTH,
            continuous_update=False,
        )
        control.add_class(f"dl-{css}")
        return control

    def _next_training_controls(self) -> list:
        return [self._units, self._learning_rate, self._epochs, *self._cells.values()]

    def _build_figures(self) -> None:
        t = self._t
        self._status = html("", "dl-status")
        self._example_note = html("", "dl-note")
        names = {cell: LAYER_NAMES[cell] for cell in CELLS}
        self.loss_figure = loss_figure(names, t("loss_title"), t("epoch_axis"), t("loss_axis"))
        labels = {key: t(key) for key in ("values", "marked", "step_axis")}
        titles = [t("example_title", length=DEFAULTS["length"]), t("answers_title")]
        self.example_figure = example_figure(titles, labels)
        self._loss_box = ipywidgets.Box([self.loss_figure])
        self._example_box = ipywidgets.Box([self.example_figure])
        self._loss_box.add_class("dl-loss")
        self._example_box.add_class("dl-example")

    def _lay_out(self) -> None:
        t = self._t
        controls = column(
            [
                html(t("controls_help"), "dl-note"),
                self._length,
                self._sequences,
                self._units,
                self._learning_rate,
                self._epochs,
                heading(t("cells")),
                ipywidgets.HBox(list(self._cells.values())),
                ipywidgets.HBox([self._play, self._stop, self._reset]),
                self._progress,
            ],
            width="370px",
        )
        example = ipywidgets.VBox([self._example_box, self._example_note, self._another])
        figures = ipywidgets.VBox([self._loss_box, example])
        self._page(t("title"), t("intro"), self._status, row([controls, figures]))
        self.add_class("dl-rnn-memory")

    def _wire(self) -> None:
        for control in self._rebuild_controls().values():
            control.observe(self._on_setting_change, names="value")
        for box in self._cells.values():
            box.observe(self._on_cells_change, names="value")
        self._play.on_click(self._on_play_click)
        self._stop.on_click(self._on_stop_click)
        self._reset.on_click(self._on_reset_click)
        self._another.on_click(self._on_another_click)

    # Public API (notebook cells and tests) ------------------------------------------------
    @property
    def cells(self) -> list[str]:
        """The checked cells, in the order SimpleRNN, GRU, LSTM."""
        return [cell for cell in CELLS if self._cells[cell].value]

    @property
    def status_text(self) -> str:
        """The status line as plain text (tests)."""
        return unescape(self._status.value)

    @property
    def learning_rate(self) -> float:
        return float(self._learning_rate.value)

    @property
    def running(self) -> bool:
        return self._trainer.running

    @shows_errors
    def play(self, background: bool = True) -> None:
        """Train the checked cells ``epochs`` more epochs each, in turns."""
        if self.data is None or self._trainer.running:
            return
        self._wait_for_models()
        cells = self.cells
        if not cells:
            raise StudentError("rnn_memory.no_cells")
        if all(cell in self.diverged for cell in cells):
            raise StudentError("rnn_memory.all_diverged", rate=self._rate_text())
        self.clear_error()
        self._trainings += 1  # these models train now: never handed out from the cache again
        self._jobs = self._fit_jobs(cells, int(self._epochs.value))
        self.trained.clear()
        self._run_id += 1
        run_id = self._run_id
        self._trainer.on_progress = lambda progress: self._on_progress(run_id, progress)
        self._trainer.on_done = lambda trainer: self._on_trained(run_id, trainer)
        self._play.disabled, self._stop.disabled = True, False
        self._progress.value = 0
        first = LAYER_NAMES[cells[0]]
        self._show_status(self._t("starting" if self.losses[cells[0]] else "compiling", cell=first))
        run = self._trainer.start if background else self._trainer.run_here
        run(*self._jobs)

    @shows_errors
    def reset(self) -> None:
        """Stop, new data and new models from the seed, empty curves."""
        if self.ready.is_set():
            self._rebuild()

    def last_losses(self) -> dict[str, float]:
        """The last validation MSE of each cell that has trained."""
        return {cell: values[-1] for cell, values in self.losses.items() if values}

    def _settings(self) -> dict[str, Setting]:
        """``configure(length=..., sequences=..., units=..., learning_rate=..., epochs=...,
        cells=[...])``: a new length, number of sequences, units or η starts again."""
        settings = {name: Setting(control) for name, control in self._rebuild_controls().items()}
        settings["epochs"] = Setting(self._epochs)
        settings["cells"] = Setting(check=self._check_cells, apply=self._apply_cells)
        return settings

    def _after_configure(self, settings: dict) -> None:
        if any(name in REBUILDS for name in settings):
            self.reset()
        else:
            self._choose_model()

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        self._rebuild()

    def _rebuild(self, background: bool = False) -> None:
        """New data and three new models at their seeded start; the figures cleared.

        The data, the cleared curves and the status are drawn first; the models are built
        here, or (``background``: a student's slider) on the builds' worker, unless a
        set of untrained models for these settings is kept from before."""
        self._stop_running()
        length, sequences = int(self._length.value), int(self._sequences.value)
        self.data = memory_model.make_data(sequences, length, n_val=VALIDATION_SEQUENCES, seed=SEED)
        self.losses = {cell: [] for cell in CELLS}
        self.diverged, self.answers = {}, {}
        self._run_id += 1  # a late message from a stopped run must not draw over this
        self._progress.value = 0
        self._play.disabled, self._stop.disabled = False, True
        # The status names the data's size: the first thing a T or sequences press changes
        # on the page, before the example's figure redraws (issue 24: 2.08x at 12:41 with
        # the unchanged status, the figure first).
        self._show_status(self._t("ready", n=len(self.cells), sequences=sequences, length=length))
        self._draw_example()
        self._draw_losses()
        key = (length, sequences, int(self._units.value), self.learning_rate, self._trainings)
        wanted = self._builds.wanted = Build(key, self.data)
        built = self._builds.cached(wanted)
        if built is None and background:
            self._builds.request()  # ▶ waits for it (_wait_for_models)
            return
        self._use_built(wanted, built or self._builds.computed(wanted))

    def _built(self, wanted: Build) -> tuple[dict, tuple]:
        """The three seeded models and the data's pipelines (the builds' worker, or here)."""
        length, _, units, rate, _ = wanted.key
        models = {
            cell: memory_model.recurrent_model(cell, units, length, rate, SEED) for cell in CELLS
        }
        data = wanted.data
        pipelines = (
            batches(data.x_train, data.y_train, BATCH_SIZE, shuffle=True, seed=SEED),
            batches(data.x_val, data.y_val, VALIDATION_BATCH_SIZE),
        )
        return models, pipelines

    def _use_built(self, wanted: Build, built: tuple[dict, tuple]) -> None:
        """The models of ``wanted`` are the dashboard's (called under the dashboard's lock)."""
        self.models, self._batches = built
        self._models_key = wanted.key
        self._choose_model()

    def _wait_for_models(self) -> None:
        """Make the models of the settings in force the dashboard's, building them here if
        the worker has not (▶ right after a slider moved)."""
        wanted = self._builds.wanted
        if wanted is not None and self._models_key != wanted.key:
            self._use_built(wanted, self._builds.computed(wanted))

    def _fit_jobs(self, cells: list[str], epochs: int) -> list[FitJob]:
        """``epochs`` rounds of one epoch per cell, each job one ``model.fit`` call.

        The sequences are the tf.data pipelines of :func:`widgets.training.batches` (the
        batches Keras cuts from the arrays, reshuffled every epoch), built once per
        rebuild: a ``fit`` from numpy arrays builds its pipeline anew at every call, and
        this dashboard makes one call per cell and epoch.
        """
        train, validation = self._batches
        jobs = []
        for round_ in range(epochs):
            for cell in cells:
                done = len(self.losses[cell]) + round_
                kwargs = {"epochs": done + 1, "initial_epoch": done, "shuffle": False}
                kwargs["validation_data"] = validation  # the pipeline shuffles on its own
                kwargs["callbacks"] = [self._nan_guard(cell)]
                job = FitJob(self.models[cell], train, None, kwargs, cell, self._skipper(cell))
                jobs.append(job)
        return jobs

    def _skipper(self, cell: str):
        return lambda: cell in self.diverged

    def _nan_guard(self, cell: str):
        """A Keras callback: a loss that is not finite stops this model's epoch."""
        from ..backend import load_keras

        keras = load_keras()
        dashboard = self

        class NanGuard(keras.callbacks.Callback):
            def on_train_batch_end(self, batch, logs=None):
                loss = (logs or {}).get("loss")
                if loss is not None and not math.isfinite(float(loss)):
                    dashboard.diverged.setdefault(cell, len(dashboard.losses[cell]) + 1)
                    self.model.stop_training = True

        return NanGuard()

    def _stop_running(self, patience: float = 0.6) -> None:
        """Stop a running training, waiting at most ``patience`` seconds; a run still
        compiling is left to finish unseen on its own trainer (its run id is old)."""
        if not self._trainer.running:
            return
        self._trainer.stop()
        if not self._trainer.join(patience):
            self._trainer = BackgroundFit(min_interval=0.2, batch_progress=True)

    def _choose_model(self) -> None:
        """``model`` is the model of the last checked cell (LSTM when all are)."""
        cells = self.cells or list(CELLS)
        self.model = self.models.get(cells[-1])

    def code(self) -> str:
        """Plain Keras code for the chosen cells on this adding problem ("show the code")."""
        return keras_code(
            self.cells or list(CELLS),
            int(self._units.value),
            int(self._length.value),
            int(self._sequences.value),
            VALIDATION_SEQUENCES,
            self.learning_rate,
            int(self._epochs.value),
            SEED,
            self.lang,
        )

    # Settings -----------------------------------------------------------------------------
    def _rebuild_controls(self) -> dict:
        return {
            "length": self._length,
            "sequences": self._sequences,
            "units": self._units,
            "learning_rate": self._learning_rate,
        }

    def _check_cells(self, value: object) -> list[str]:
        names = [value] if isinstance(value, str) else value
        try:
            chosen = list(names)
        except TypeError:
            chosen = None
        if chosen is None or not all(isinstance(c, str) and c in CELLS for c in chosen):
            raise StudentError("rnn_memory.bad_cells", names=", ".join(CELLS), value=value)
        return chosen

    def _apply_cells(self, chosen: list[str]) -> None:
        for cell, box in self._cells.items():
            box.value = cell in chosen

    def _rate_text(self) -> str:
        return number(float(f"{self.learning_rate:.3g}"), self.lang)

    # Events -------------------------------------------------------------------------------
    @reacts
    def _on_setting_change(self, change) -> None:
        self.clear_error()
        if self.ready.is_set():
            self._rebuild(background=True)

    @reacts
    def _on_cells_change(self, change) -> None:
        self._choose_model()
        self._refresh_code()

    @reacts
    def _on_play_click(self, _button) -> None:
        self.play()

    @reacts
    def _on_reset_click(self, _button) -> None:
        self.clear_error()
        self.reset()

    @reacts
    def _on_another_click(self, _button) -> None:
        if self.data is None:
            return
        self.example = (self.example + 1) % len(self.data.y_val)
        self.answers = {cell: self._answer(cell) for cell in CELLS if self.losses[cell]}
        self._draw_example()

    def _on_progress(self, run_id: int, progress: Progress) -> None:
        # The training thread, at most every 0.2 s, and after the last job.
        if run_id != self._run_id:
            return
        if progress.ended:
            for end in progress.ended:
                self._record(self._jobs[end.job].name, end.logs)
            self._draw_losses()
            self._draw_example()
        if not progress.done:
            self._show_progress(progress)

    def _record(self, cell: str, logs: dict) -> None:
        """One finished epoch of ``cell``: its validation loss, its answer to the example."""
        loss = logs.get("val_loss")
        if loss is None or not math.isfinite(float(loss)) or cell in self.diverged:
            self.diverged.setdefault(cell, len(self.losses[cell]) + 1)
            self.answers.pop(cell, None)
            return
        self.losses[cell].append(float(loss))
        self.answers[cell] = self._answer(cell)

    def _answer(self, cell: str) -> float:
        x = self.data.x_val[self.example]
        return memory_model.predict_one(self.models[cell], x)

    @ends_run
    def _on_trained(self, run_id: int, trainer: BackgroundFit) -> None:
        self._play.disabled, self._stop.disabled = False, True
        self._progress.value = 1.0 if not trainer.stopped else self._progress.value
        if trainer.error is not None:
            self.show_error(trainer.error)
        elif self.diverged:
            names = ", ".join(LAYER_NAMES[cell] for cell in CELLS if cell in self.diverged)
            self.show_error(
                StudentError("rnn_memory.diverged", cells=names, rate=self._rate_text())
            )
        self._show_summary(trainer.stopped)

    # Drawing ------------------------------------------------------------------------------
    def _show_status(self, text: str) -> None:
        self._status.value = escape(text)

    def _show_progress(self, progress: Progress) -> None:
        """The progress bar over the whole run, and which cell trains which epoch."""
        jobs = max(len(self._jobs), 1)
        within = progress.batch / progress.batches if progress.batch and progress.batches else 1.0
        self._progress.value = min(1.0, (progress.job + within) / jobs)
        cells = len({job.name for job in self._jobs}) or 1
        epoch, total = progress.job // cells + 1, jobs // cells
        if progress.batch:
            text = self._t(
                "training",
                cell=LAYER_NAMES[progress.name],
                epoch=epoch,
                total=total,
                batch=progress.batch,
                batches=progress.batches,
            )
            self._show_status(text)
        elif progress.job + 1 < jobs:
            upcoming = self._jobs[progress.job + 1].name
            if not self.losses[upcoming]:
                self._show_status(self._t("compiling", cell=LAYER_NAMES[upcoming]))

    def _loss_items(self) -> str:
        items = []
        baseline = self.data.baseline
        for cell in CELLS:
            name = LAYER_NAMES[cell]
            if cell in self.diverged:
                items.append(self._t("loss_item_diverged", cell=name))
            elif self.losses[cell]:
                loss = self.losses[cell][-1]
                items.append(self._t("loss_item", cell=name, loss=loss, ratio=loss / baseline))
        return "; ".join(items)

    def _show_summary(self, stopped: bool) -> None:
        baseline = self.data.baseline
        if stopped:
            self._show_status(self._t("stopped", baseline=baseline, losses=self._loss_items()))
            return
        epochs = max((len(values) for values in self.losses.values()), default=0)
        text = self._t("summary", epochs=epochs, baseline=baseline, losses=self._loss_items())
        self._show_status(text)

    def _draw_losses(self) -> None:

        baseline = self.data.baseline
        name = self._t("baseline", value=baseline)
        epochs = max(len(values) for values in self.losses.values())
        data = loss_data(self.losses, baseline, name)
        update_traces(self.loss_figure, data, epoch_ticks(epochs))

    def _draw_example(self) -> None:

        x, target = self.data.x_val[self.example], float(self.data.y_val[self.example, 0])
        answers = {cell: self.answers.get(cell) for cell in CELLS}
        labels = {"target": self._t("target"), **LAYER_NAMES}
        data = example_data(x, target, answers, labels, self.lang)
        update_traces(self.example_figure, data)
        title = self._t("example_title", length=self.data.length)
        if self.example_figure.layout.annotations[0].text != title:
            replace_layout_item(self.example_figure, "annotations", 0, {"text": title})
        steps, values = memory_model.marked(x)
        note = self._t(
            "example_note",
            first=values[0],
            first_step=steps[0],
            second=values[1],
            second_step=steps[1],
            target=target,
        )
        self._example_note.value = escape(note)
