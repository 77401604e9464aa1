"""Lesson 16's transfer panel: a CNN trained on MNIST lends its features to a small new
data set, and three runs show what that is worth (:mod:`widgets.models.transfer`).

The student picks the example (MNIST → scikit-learn's 8×8 digits, or MNIST 0–4 → 5–9), the
labelled examples per class (1 … all), which runs (frozen weights, fine-tuning, from
scratch) and the epochs; ▶ Train trains them one after another in the background
(:class:`widgets.training.BackgroundFit`, Stop). The first time for an example, the source
CNN learns MNIST as the first job, with its own progress line, and is saved in the cache
folder (:func:`widgets.models.transfer.cache_folder`: ``$DL_COURSE_CACHE_DIR``, else
``~/.cache/dl-course``); later runs, and later sessions, load it from there.

The test accuracy of every run after each epoch is drawn as it arrives (``Progress.ended``
carries every epoch's end however the reports were throttled), then the final accuracy as
bars, with the source model's own accuracy on the new digits (no new labels at all) as a
dotted line. The summary table shows, layer by layer, which weights learn in each run.

``dashboard.model`` is the transferred model: the frozen run's (or the fine-tuned one's if
only that was ticked, or the scratch one's); ``dashboard.models`` has every run's.
"""

from __future__ import annotations

import time
from html import escape

import ipywidgets
import numpy as np

from ..controls import button, checkbox, column, dropdown, html, plain_text, row, slider
from ..errors import StudentError
from ..figures.live import update_traces
from ..models import transfer as tm  # Keras only inside its functions
from ..recent import Recent
from ..training import BackgroundFit, FitJob, Progress
from ..ui import Setting, TrainingDashboard, ends_training, reacts, shows_errors
from .code import keras_code
from .figures import bars_data, bars_figure, curves_data, curves_figure, table_html
from .texts import TEXT

EPOCHS = (1, 100)
DEFAULTS = {"example": "digits", "labels": 5, "epochs": 30}
SEED = 0
REPORT_S = 0.5  # progress reports while training (each redraws the curves: 3 short lines)


class TransferDashboard(TrainingDashboard):
    """See the module docstring. ``source_images``/``source_epochs``: the source CNN's
    budget (tests and the browser test use a small one)."""

    def __init__(
        self,
        lang: str = "pl",
        source_images: int = tm.SOURCE_IMAGES,
        source_epochs: int = tm.SOURCE_EPOCHS,
    ):
        super().__init__(lang)
        self._t = TEXT.for_language(lang)
        self.source_budget = (int(source_images), int(source_epochs))
        self.models: dict[str, object] = {}
        self._shown_runs = Recent(4)  # (example, source): the untrained runs shown
        self.sources: dict[str, object] = {}  # example → the trained source CNN
        self.history: dict[str, list[float]] = {run: [] for run in tm.RUNS}
        self.finals: dict[str, float] = {}
        self.source_level: float | None = None  # the source's accuracy with no new labels
        self.split: tm.TargetSplit | None = None
        self.fit_seconds: dict[str, float] = {}  # run → seconds of its fit (the benchmark)
        self.source_seconds: float | None = None
        self._pools: dict[str, tuple] = {}
        self._source_levels: dict[str, tuple] = {}  # example → (source, its level)
        self._jobs: list[str] = []  # the names of the running training's jobs
        self._pending_example: str | None = None  # configure(example=…, labels=…)
        self._trainer = BackgroundFit(
            on_progress=self._on_progress, min_interval=REPORT_S, batch_progress=True
        )
        self._build()

    # Construction -------------------------------------------------------------------------
    def _build_controls(self) -> None:
        t = self._t
        examples = [(t("ex_digits"), "digits"), (t("ex_split"), "split")]
        self._example = dropdown(t("example"), examples, DEFAULTS["example"])
        self._labels = slider(t("labels"), DEFAULTS["labels"], 1, 124, 1, integer=True)
        self._labels.continuous_update = False
        self._runs = {run: checkbox(t(run), True) for run in tm.RUNS}
        self._epochs = slider(t("epochs"), DEFAULTS["epochs"], *EPOCHS, 1, integer=True)
        self._epochs.continuous_update = False
        self._train = button(t("train"), icon="play", kind="success")
        self._stop = button(t("stop"), icon="stop", kind="danger")
        self._stop.disabled = True
        self._progress = ipywidgets.FloatProgress(0, min=0, max=1, layout={"width": "330px"})
        for name in ("example", "labels", "epochs", "train", "stop"):
            getattr(self, f"_{name}").add_class(f"dl-{name}")
        for run, box in self._runs.items():
            box.add_class(f"dl-run-{run.replace('_', '-')}")
        self._model_controls = [self._train, self._example, self._labels]

    def _next_training_controls(self) -> list:
        return [self._epochs, *self._runs.values()]

    def _build_figures(self) -> None:
        t = self._t
        self._status = html(t("loading_data"), "dl-status")
        self._source_status = html("", "dl-note", "dl-source")
        self._data_note = html("", "dl-note")
        for widget in (self._status, self._source_status, self._data_note):
            widget.layout.max_width = "520px"
        names = [t(run) for run in tm.RUNS]
        self.curves = curves_figure(names, t("curves_title"), t("epoch_axis"), t("accuracy_axis"))
        self.bars = bars_figure(names, t("bars_title"), t("accuracy_axis"))
        self._table = html("", "dl-summary")

    def _lay_out(self) -> None:
        t = self._t
        runs = ipywidgets.VBox([html(t("runs"), "dl-text"), *self._runs.values()])
        controls = column(
            [
                html(t("help"), "dl-note"),
                self._example,
                self._labels,
                self._data_note,
                runs,
                self._epochs,
                ipywidgets.HBox([self._train, self._stop]),
                self._progress,
                self._source_status,
            ]
        )
        figures = ipywidgets.VBox([self._status, row([_boxed(self.curves, "curves"),
                                                      _boxed(self.bars, "bars")])])  # fmt: skip
        self._page(t("title"), t("intro"), row([controls, figures]), self._table)
        self.add_class("dl-transfer")

    def _wire(self) -> None:
        self._train.on_click(self._on_train_click)
        self._stop.on_click(self._on_stop_click)
        self._example.observe(self._on_example_change, names="value")
        self._labels.observe(self._on_labels_change, names="value")
        for control in (self._epochs, *self._runs.values()):
            control.observe(self._on_next_run_change, names="value")

    # Public API ---------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._trainer.running

    @property
    def status_text(self) -> str:
        return plain_text(self._status.value)

    @property
    def source_text(self) -> str:
        return plain_text(self._source_status.value)

    @property
    def selected_runs(self) -> tuple[str, ...]:
        return tuple(run for run, box in self._runs.items() if box.value)

    @property
    def source(self):
        """The source CNN of the current example (None until trained or loaded)."""
        return self.sources.get(self._example.value)

    @shows_errors
    def train(self, background: bool = True) -> None:
        """Train the ticked runs (and first the source, if it is not there yet)."""
        self._refuse_while_training()
        if not self.ready.is_set():
            raise StudentError("transfer.not_ready")
        runs = tm.check_runs(self.selected_runs)
        self.clear_error()
        example, epochs = self._example.value, int(self._epochs.value)
        self.split = tm.target_split(example, int(self._labels.value), SEED, self._pool(example))
        self.fit_seconds.clear()  # the timers of this training's jobs write into it
        if example not in self.sources:  # another page may have trained it meanwhile
            self._load_cached_source(example)
        jobs = self._source_jobs(example)
        source = self.sources.get(example) or jobs[0].model
        self.models = {
            run: tm.build_transfer(run, source, self.split.classes, SEED) for run in runs
        }
        self.model = self.models[runs[0]]
        self._clear_results(epochs)
        jobs += [self._run_job(run, source, epochs) for run in runs]
        self._jobs = [job.name for job in jobs]
        self.trained.clear()
        self._train.disabled, self._stop.disabled = True, False
        self._progress.value = 0
        # Batch reports only while the source learns (hundreds of batches an epoch); a
        # run's epochs are one or a few batches, reported at their ends anyway.
        self._trainer.batch_progress = bool(jobs) and jobs[0].name == "source"
        self._show(self._t("starting"))
        self._trainer.on_done = lambda trainer: self._on_done(example, trainer)
        (self._trainer.start if background else self._trainer.run_here)(*jobs)

    def code(self) -> str:
        """Plain Keras code: the source CNN, the freeze, the new head, compile and fit."""
        return keras_code(
            self._example.value, int(self._labels.value), self.selected_runs or tm.RUNS,
            int(self._epochs.value), self.source_budget, SEED, self.lang,
        )  # fmt: skip

    # Settings (configure) -----------------------------------------------------------------
    def _settings(self) -> dict[str, Setting]:
        """``configure(example="digits"|"split", labels=…, epochs=…, runs=("frozen", …))``;
        refused while training."""
        return {
            "example": Setting(self._example, check=self._check_example),
            "labels": Setting(self._labels, check=self._check_labels),
            "epochs": Setting(self._epochs, check=self._check_epochs),
            "runs": Setting(check=self._check_runs, apply=self._apply_runs),
        }

    def _check_example(self, value) -> str:
        self._refuse_while_training()
        self._pending_example = tm.check_example(value)
        return value

    def _check_labels(self, value) -> int:
        self._refuse_while_training()
        example = self._pending_example or self._example.value
        high = self._max_labels(example)
        if not (tm._whole(value) and 1 <= value <= high):
            raise StudentError("transfer_model.bad_labels", high=high, value=value)
        return int(value)

    def _check_epochs(self, value) -> int:
        self._refuse_while_training()
        return tm.check_epochs(value, EPOCHS[1])

    def _check_runs(self, value) -> tuple[str, ...]:
        self._refuse_while_training()
        return tm.check_runs(value)

    def _apply_runs(self, runs: tuple[str, ...]) -> None:
        for run, box in self._runs.items():
            box.value = run in runs

    def _after_configure(self, settings: dict) -> None:
        self._pending_example = None
        if self.ready.is_set() and "example" in settings:
            self._show_example()
        self._show_data_note()

    def _busy_error(self) -> StudentError:
        return StudentError("transfer.busy")

    # Model and data -----------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        self._show_example()

    def _pool(self, example: str) -> tuple:
        if example not in self._pools:
            self._pools[example] = tm.target_pool(example)
        return self._pools[example]

    def _max_labels(self, example: str) -> int:
        _, y = self._pool(example)
        return tm.max_labels_per_class(y, 10 if example == "digits" else 5)

    def _show_example(self) -> None:
        """The current example's data, source (from the cache if there) and untrained runs."""
        example = self._example.value
        high = self._max_labels(example)
        with self._quietly():
            self._labels.max = high
            self._labels.value = min(int(self._labels.value), high)
        # The new example's data sentence first: loading its source CNN and building the
        # three runs took 0.2-0.6 s here before anything changed (issue 24).
        self._show_data_note()
        self._load_cached_source(example)
        classes = 10 if example == "digits" else 5
        # The runs shown before a training (their table): kept per example and source, as
        # ▶ builds its own (issue 24: the browser's example presses waited 0.1-0.6 s behind
        # each other's four Keras builds).
        key = (example, id(self.sources.get(example)))
        models = self._shown_runs.pop(key, None)
        if models is None:
            stand_in = self.sources.get(example) or tm.build_source(tm.source_classes(example))
            models = {run: tm.build_transfer(run, stand_in, classes, SEED) for run in tm.RUNS}
        self.models = self._shown_runs.keep(key, models)
        self.model = self.models["frozen"]
        self.split = None
        self._clear_results(int(self._epochs.value))
        self._draw_table()
        self._show(self._t("ready"))

    def _load_cached_source(self, example: str) -> None:
        images, epochs = self.source_budget
        path = tm.cache_file(example, images, epochs, SEED)
        if example not in self.sources and path.is_file():
            model, cached = tm.load_or_train_source(example, images, epochs, SEED)
            if cached:
                self.sources[example] = model
        if example in self.sources:
            text = self._t("source_cached", images=images, epochs=epochs, path=str(path))
        else:
            folder = str(tm.cache_folder())
            text = self._t("source_missing", images=images, epochs=epochs, folder=folder)
        self._source_status.value = escape(text)

    def _source_jobs(self, example: str) -> list[FitJob]:
        """Training the source CNN, as the first job, when it is not there yet."""
        if example in self.sources:
            return []
        images, epochs = self.source_budget
        x, y = tm.source_data(example, images)
        model = tm.build_source(tm.source_classes(example), SEED)
        kwargs = {"epochs": epochs, "batch_size": tm.BATCH, "callbacks": [self._timer("source")]}
        return [FitJob(model, x, y, kwargs, "source")]

    def _run_job(self, run: str, source, epochs: int) -> FitJob:
        split = self.split
        callbacks = [self._timer(run)]
        if run != "scratch":  # the source may learn in this same training, as job 0
            callbacks.insert(0, _copy_base_callback(source))
        train, test = tm.fit_data(split, SEED)
        kwargs = {"epochs": epochs, "callbacks": callbacks, "validation_data": test}
        kwargs["shuffle"] = False  # the batches shuffle themselves
        return FitJob(self.models[run], train, None, kwargs, run)

    def _timer(self, name: str):
        """A Keras callback that records how long the fit of ``name`` took."""
        import keras

        seconds, started = self.fit_seconds, {}
        return keras.callbacks.LambdaCallback(
            on_train_begin=lambda logs: started.__setitem__("t", time.perf_counter()),
            on_train_end=lambda logs: seconds.__setitem__(name, time.perf_counter() - started["t"]),
        )

    # Training (the trainer's thread) --------------------------------------------------------
    def _on_progress(self, progress: Progress) -> None:
        for end in progress.ended:
            name = self._jobs[end.job]
            if name in self.history and "val_accuracy" in end.logs:
                self.history[name].append(float(end.logs["val_accuracy"]))
        if progress.done:
            return
        self._progress.value = (progress.job + progress.fraction) / max(len(self._jobs), 1)
        name = self._jobs[progress.job]
        if name == "source":
            epoch = progress.epoch + 1 if progress.batch else progress.epoch
            text = self._t("source_training", epoch=epoch, epochs=progress.epochs,
                           batch=progress.batch, batches=progress.batches)  # fmt: skip
        else:
            text = self._t("training", run=self._t(name), epoch=len(self.history[name]),
                           epochs=progress.epochs)  # fmt: skip
            self._draw_curves()
        self._show(text)

    @ends_training
    def _on_done(self, example: str, trainer: BackgroundFit) -> None:
        self._train.disabled, self._stop.disabled = False, True
        if trainer.error is not None:
            self.show_error(trainer.error)
        if "source" in self._jobs and trainer.histories and trainer.error is None:
            self._keep_source(example, trainer)
        self.finals = {run: h[-1] for run, h in self.history.items() if h}
        self.source_level = self._source_level(example)
        self._draw_curves()
        update_traces(self.bars, bars_data(self.finals, self.lang))
        self._draw_table()
        if trainer.error is None:
            self._show_summary(trainer)
        self._refresh_code()

    def _keep_source(self, example: str, trainer: BackgroundFit) -> None:
        """The source learnt in this training (job 0): keep it, save it, say so."""
        source = trainer.histories[0].model
        history = trainer.histories[0].history
        if trainer.stopped and len(history.get("loss", [])) < self.source_budget[1]:
            return  # stopped half-way: not a source to keep
        self.sources[example] = source
        images, epochs = self.source_budget
        path = tm.cache_file(example, images, epochs, SEED)
        values = {"seconds": self.fit_seconds.get("source", 0.0), "images": images,
                  "accuracy": history["accuracy"][-1]}  # fmt: skip
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            source.save_weights(path)
            text = self._t("source_trained", path=str(path), **values)
        except OSError:
            text = self._t("source_unsaved", folder=str(path.parent), **values)
        self._source_status.value = escape(text)

    def _show_summary(self, trainer: BackgroundFit) -> None:
        if trainer.stopped:
            self._show(self._t("stopped"))
            return
        self._progress.value = 1.0
        parts = [f"{self._t(run)} {_percent(acc, self.lang)}" for run, acc in self.finals.items()]
        self._show(self._t("trained", results=", ".join(parts)))

    def _clear_results(self, epochs: int) -> None:
        self.history = {run: [] for run in tm.RUNS}
        self.finals = {}
        self._epochs_drawn = epochs
        self.source_level = self._source_level(self._example.value)
        self._draw_curves()
        update_traces(self.bars, bars_data({}, self.lang))

    def _source_level(self, example: str) -> float | None:
        """The source's accuracy on the (fixed) test set with no new labels, computed once
        per source: a prediction over the test set at every ▶ Train cost 0.1–0.3 s."""
        source = self.sources.get(example)
        if source is None or self.split is None:
            return None
        if self._source_levels.get(example, (None,))[0] is not source:
            self._source_levels[example] = (source, tm.source_accuracy(source, self.split))
        return self._source_levels[example][1]

    # Drawing ------------------------------------------------------------------------------
    def _draw_curves(self) -> None:
        data = curves_data(self.history, self._epochs_drawn, self.source_level,
                           self._t("source_as_is"))  # fmt: skip
        update_traces(self.curves, data, {"xaxis.range": [0, self._epochs_drawn + 0.5]})

    def _draw_table(self) -> None:
        rows = {run: tm.summary_rows(model) for run, model in self.models.items()}
        totals = {run: tm.counts(model) for run, model in self.models.items()}
        self._table.value = table_html(rows, totals, self._t, self.lang)

    def _show_data_note(self) -> None:
        example, labels = self._example.value, int(self._labels.value)
        classes = 10 if example == "digits" else 5
        key = "note_digits" if example == "digits" else "note_split"
        n_test = classes * tm.TEST_PER_CLASS
        self._data_note.value = self._t(key, n_train=classes * labels, labels=labels,
                                        n_test=n_test)  # fmt: skip

    def _show(self, text: str) -> None:
        self._status.value = escape(text)

    # Events -------------------------------------------------------------------------------
    @reacts
    def _on_train_click(self, _button) -> None:
        self.train()

    @reacts
    def _on_example_change(self, change) -> None:
        self._put_back_while_training(change)
        if self.ready.is_set():
            self.clear_error()
            self._show_example()

    @reacts
    def _on_labels_change(self, change) -> None:
        self._put_back_while_training(change)
        self._show_data_note()

    @reacts
    def _on_next_run_change(self, change) -> None:
        self._put_back_while_training(change)


def _copy_base_callback(source):
    """At the start of a run's fit: its base gets the source's base weights (the source
    may have learnt just before, in the same background training)."""
    import keras

    def copy(logs=None) -> None:
        target = callback.model.get_layer("base")
        target.set_weights(source.get_layer("base").get_weights())

    callback = keras.callbacks.LambdaCallback(on_train_begin=copy)
    return callback


def _percent(value: float, lang: str) -> str:
    from ..i18n import number

    return number(value, lang, ".1%") if np.isfinite(value) else "–"


def _boxed(figure, name: str) -> ipywidgets.Box:
    """``figure`` in a box of CSS class ``dl-<name>`` (the browser tests find it so)."""
    box = ipywidgets.Box([figure])
    box.add_class(f"dl-{name}")
    return box
