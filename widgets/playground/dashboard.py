"""Lesson 07 dashboard: TensorFlow Playground's controls over a real Keras model.

The controls and the page are built by :mod:`.controls`, the figures built and drawn by
:mod:`.view`; this module wires them to the model. The model is built by
:mod:`widgets.models.playground` and trained by its compiled multi-epoch loop in a
background thread (:class:`widgets.training.TrainingLoop`), which redraws about 12 times a
second: the output heatmap (:mod:`.neurons`), the network with a tile per neuron and
links by weight (:mod:`.network_figure`), the loss curves and numbers (:mod:`.curves`).

Three locks, so that no thread waits for another while holding what that one needs:
``self._lock`` (from :class:`~widgets.ui.Dashboard`) serialises observers;
``self._model_lock`` guards the trainer (a training call, an evaluation, a weight edit);
``self._draw_lock`` guards the figures. The loop thread never takes ``self._lock`` (the
observers it sets off when it ends, of ▶ and of the weight box, return before taking it),
and an observer pauses the loop (joins it) only while holding ``self._lock`` alone.

The status line says why the training stopped (the budget, early stopping, divergence)
and nothing that the controls contradict: a training call and the decision to stop after
it happen under one hold of ``self._model_lock``, and an observer that changes what a
message speaks of (the budget, the learning rate, early stopping, a new network) updates
or clears it under the same lock. A budget at or below the epochs trained is enforced at
once: ▶ and Step are refused and the message says so with the numbers in force.
"""

from __future__ import annotations

import atexit
import functools
import html
import math
import numbers
import os
import threading
import time

import numpy as np

from ..backend import load_keras
from ..controls import explain_disabled, plain_text
from ..errors import StudentError
from ..i18n import number
from ..models.playground import FastTrainer, LayerSpec, NetworkSpec, architecture_key
from ..training import TrainingLoop
from ..ui import Dashboard, Setting, reacts, shows_errors
from .controls import LEARNING_RATES, OFF, REG_RATES, UPLOAD, PlaygroundControls, choose
from .curves import History
from .datasets import BOX, MULTICLASS, REGRESSION, Split, load_split, split
from .export import download_link, keras_code
from .features import compute_features, feature_label
from .network_figure import DOTS, TILES
from .neurons import CLICKS, grid_points
from .state import (
    MAX_LAYERS,
    MAX_UNITS,
    PATIENCE,
    RANGES,
    State,
    check,
    from_query,
    query_from_environment,
    to_query,
)
from .texts import TEXT
from .upload import parse_csv
from .view import PlaygroundView

TRAINERS_KEPT = 8  # networks kept for menus switched back (tiny: at most 6 layers of 8)
WARM_UP_DELAY = 1.0  # s without a new network before the newest one's step is traced
_WARM_UPS: set[threading.Timer] = set()  # pending warm-ups, cancelled when Python exits


@atexit.register
def _cancel_warm_ups() -> None:
    """A trace running while the interpreter shuts down aborts it (SIGABRT from
    TensorFlow's C++ runtime: a test run ending just after a menu change): a pending
    warm-up is cancelled, a running one finished first."""
    for timer in list(_WARM_UPS):
        timer.cancel()
        timer.join(60)


WEIGHT_LIMIT = 100.0  # a typed weight must be within [-WEIGHT_LIMIT, WEIGHT_LIMIT]
POINT_LIMIT = 1000.0  # coordinates and values of uploaded points, in absolute value
SEEDS = RANGES["seed"][1] + 1  # Reset and Regenerate count seeds modulo this (the URL's range)
# configure(): settings that need new data, a new network, or neither (live controls)
DATA_SETTINGS = ("data", "noise", "train", "classes", "seed")
NETWORK_SETTINGS = ("features", "layers", "acts", "dropout", "opt")


class PlaygroundDashboard(PlaygroundControls, PlaygroundView, Dashboard):
    """TensorFlow Playground with a Keras model at ``self.model``; state from the URL."""

    reads_own_address = True  # its whole state, with its own names (state.py)

    # What the dashboard knows besides its controls (set per dashboard once it changes).
    trainer: FastTrainer | None = None  # the model's trainer, from _build_model on
    split: Split | None = None  # the training and test points
    frames = 0  # figures drawn (the slow parts follow every SLOW_EVERY-th while training)
    _loop: TrainingLoop | None = None  # the background training, while ▶ is on
    _upload: tuple | None = None  # points from a CSV file: (X, labels, regression)
    _focus: tuple[int, int] | None = None  # the neuron the large plot shows, or the output
    _link: tuple[int, int, int] | None = None  # the link whose weight is being edited
    _best = (math.inf, 0)  # the best test loss and its epoch (early stopping)
    _finite_weights = None  # the last weights with a finite loss (divergence)
    _geometry = None  # where the network figure draws its neurons
    _points_drawn = False  # whether the output plot shows the current points
    _stopping = False  # the last training call's decision (see _advance)
    _status_kind: str | None = None  # what the status line speaks of
    _weight_in_box: float | None = None  # the weight code last put in its box
    _link_text = ""  # the link the link box must show
    _input_error = None  # the control whose refused value the banner reports

    def __init__(self, lang: str = "pl", query: str | None = None):
        super().__init__(lang)
        self._t = TEXT.for_language(lang)
        state, self._query_problems = from_query(
            query_from_environment() if query is None else query
        )
        self._resets = state.seed  # the seed of data and weights; Reset counts on from it
        self.history = History()
        self._model_lock = threading.Lock()
        self._trainers: dict[tuple, FastTrainer] = {}  # per architecture, oldest first
        self._warm_up_timer: threading.Timer | None = None  # see _warm_up_in_background
        self._draw_lock = threading.Lock()
        self._build_controls(state)
        self._explain_next_training_controls()
        self._build_figures()
        self._lay_out()
        self._wire()
        self._report_query_problems()
        self._start_model_loading()

    def _wire(self) -> None:
        for control in (self._data, self._classes, self._noise, self._train):
            control.observe(self._on_data_change, names="value")
        for control in (*self._features.values(), *self._acts, *self._dropouts, self._optimizer):
            control.observe(self._on_network_change, names="value")
        self._activation.observe(self._on_activation_change, names="value")
        self._layers_minus.on_click(functools.partial(self._on_layers_click, -1))
        self._layers_plus.on_click(functools.partial(self._on_layers_click, +1))
        for layer in range(MAX_LAYERS):
            minus, plus = self._unit_buttons[2 * layer : 2 * layer + 2]
            minus.on_click(functools.partial(self._on_units_click, layer, -1))
            plus.on_click(functools.partial(self._on_units_click, layer, +1))
        self._learning_rate.observe(self._on_learning_rate_change, names="value")
        for control in (self._regularization, self._regularization_rate):
            control.observe(self._on_regularization_change, names="value")
        self._batch.observe(self._on_batch_change, names="value")
        self._budget.observe(self._on_budget_change, names="value")
        self._early.observe(self._on_early_stopping_change, names="value")
        self._play.observe(self._on_play_change, names="value")
        for control in (self._show_test, self._discretize):
            control.observe(self._on_view_change, names="value")
        self._weight.observe(self._on_weight_change, names="value")
        self._upload_button.observe(self._on_upload_change, names="value")
        self._link_box.observe(self._on_link_box_change, names="value")
        for source, handler in (
            (self._regenerate, self._on_regenerate_click),
            (self._step, self._on_step_click),
            (self._reset, self._on_reset_click),
            (self._show_output, self._on_show_output_click),
            (self._download_button, self._on_download_click),
            (self.output_figure.data[CLICKS], self._on_output_click),
            (self.network_figure.data[TILES], self._on_tile_click),
            (self.network_figure.data[DOTS], self._on_dot_click),
        ):
            source.on_click(handler)
        self._update_link()

    # Events -----------------------------------------------------------------------------
    @reacts
    def _on_data_change(self, change) -> None:
        # An uploaded file is kept: choosing "uploaded CSV file" again brings it back.
        self._new_data_and_model()

    @reacts
    def _on_regenerate_click(self, _button) -> None:
        self._resets = (self._resets + 1) % SEEDS
        self._new_data_and_model()

    @reacts
    def _on_network_change(self, change) -> None:
        self.rebuild()

    @reacts
    def _on_activation_change(self, change) -> None:
        with self._quietly():  # one rebuild, not one per layer
            for act in self._acts:
                act.value = change["new"]
        self.rebuild()

    @reacts
    def _on_layers_click(self, delta: int, _button) -> None:
        if 0 <= self._n_layers + delta <= MAX_LAYERS:  # the buttons stop at the range's ends
            self._n_layers += delta
            self.rebuild()

    @reacts
    def _on_units_click(self, layer: int, delta: int, _button) -> None:
        if 1 <= self._units[layer] + delta <= MAX_UNITS:  # as in the Playground
            self._units[layer] += delta
            self.rebuild()

    @reacts
    def _on_learning_rate_change(self, _change) -> None:
        self._use_learning_rate()
        self._update_link()

    @reacts
    def _on_regularization_change(self, _change) -> None:
        self._use_regularization()
        self._update_link()

    def _use_learning_rate(self) -> None:
        """The trainer trains on with the menu's learning rate (no rebuild)."""
        rate = float(self._learning_rate.value)
        if self.trainer is None or self.trainer.spec.learning_rate == rate:
            return
        with self._model_lock:
            self.trainer.set_learning_rate(rate)
            self._clear_status("diverged")  # it named the rate that was too large

    def _use_regularization(self) -> None:
        """The trainer trains on with the menus' penalty (no rebuild)."""
        self._show_rate_use()
        if self.trainer is not None:
            l1, l2 = self._penalties()
            with self._model_lock:
                self.trainer.set_regularization(l1, l2)

    def _on_play_change(self, change) -> None:
        # Not @shows_errors: when the loop ends by itself, its thread turns ▶ off (see
        # _on_end) and must not wait for self._lock, which an observer joining the loop
        # may hold (that wait cost 10 s and lost the restart of a Reset while training).
        self._play.icon = "pause" if change["new"] else "play"
        self._play.description = self._t("pause" if change["new"] else "play")
        if self._loop is not None and self._loop.in_thread():
            return
        self._play_or_pause(change["new"])

    @shows_errors
    def _play_or_pause(self, play: bool) -> None:
        if not play:
            self.pause()
            return
        self.play()
        if not self.running and self._play.value:
            self._play.value = False  # refused (budget, no model yet): ▶ shows it

    @reacts
    def _on_step_click(self, _button) -> None:
        self.step()

    @reacts
    def _on_reset_click(self, _button) -> None:
        self._resets = (self._resets + 1) % SEEDS
        self.rebuild()

    @reacts
    def _on_view_change(self, change) -> None:
        self._update_link()
        if change["owner"] is self._show_test:
            self._show_test_points()
        else:
            self._draw_output_only()

    @reacts
    def _on_batch_change(self, _change) -> None:
        self._show_steps()  # first: the one thing a new size changes before the next step
        self._update_link()  # the next training call takes the new size

    @reacts
    def _on_budget_change(self, _change) -> None:
        self._update_link()
        self._use_budget()

    @reacts
    def _on_early_stopping_change(self, _change) -> None:
        self._update_link()
        self._use_early_stopping()

    def _redraw_points(self) -> None:
        """Draw the output plot's points again (test points shown or not), and the rest."""
        self._points_drawn = False
        self.draw()

    def _use_budget(self) -> None:
        """Enforce the budget box at once (not after the loop's next call), and say so."""
        if self.trainer is None:
            return
        budget = int(self._budget.value)
        if budget and self.trainer.epoch >= budget and self.running:
            self.pause()
        with self._model_lock:
            self._show_budget()

    def _use_early_stopping(self) -> None:
        """With early stopping off, a message that it stopped the training goes."""
        if not self._early.value and self.trainer is not None:
            with self._model_lock:
                self._clear_status("early")

    def _on_link_box_change(self, change) -> None:
        # The box shows the link to the dashboard's state, whatever is typed over it.
        if change["new"] != self._link_text:
            self._link_box.value = self._link_text

    @reacts
    def _on_show_output_click(self, _button) -> None:
        self._focus = None
        self.draw()

    @reacts
    def _on_output_click(self, _trace, points, _selector) -> None:
        if not points.xs or self._adding.value == OFF or self.split is None:
            return
        self.add_point(points.xs[0], points.ys[0], self._adding.value)

    @reacts
    def _on_tile_click(self, trace, points, _selector) -> None:
        if points.point_inds:
            column, row = trace.customdata[points.point_inds[0]]
            self._focus = (int(column), int(row))
            self.draw()

    @reacts
    def _on_dot_click(self, trace, points, _selector) -> None:
        if points.point_inds:
            self.select_link(*trace.customdata[points.point_inds[0]])

    def _on_weight_change(self, change) -> None:
        # Not @shows_errors: the loop thread puts the trained weight in the box when it
        # ends (see _show_weight), and must not wait for self._lock.
        if change["new"] == self._weight_in_box:
            return
        self._set_typed_weight(change["new"])

    @shows_errors
    def _set_typed_weight(self, value: float) -> None:
        if self._link is None or self.trainer is None:
            self._show_weight()
            return
        if not (np.isfinite(value) and abs(value) <= WEIGHT_LIMIT):
            self._show_weight()  # the box shows the weight in force again
            layer, source, target = (i + 1 for i in self._link)
            self._refuse(
                self._weight,
                StudentError(
                    "playground.bad_weight",
                    layer=layer,
                    source=source,
                    target=target,
                    low=number(-WEIGHT_LIMIT, self.lang),
                    high=number(WEIGHT_LIMIT, self.lang),
                    value=number(value, self.lang),
                ),
            )
            return
        with self._model_lock:
            self.trainer.set_weight(*self._link, float(value))
        self._weight_in_box = float(value)
        self._accepted(self._weight)
        self.draw()

    @reacts
    def _on_upload_change(self, change) -> None:
        files = change["new"]
        if not files:
            return
        item = files[0]
        try:
            X, labels, regression = parse_csv(item["content"], self.lang)
        finally:
            self._upload_button.value = ()  # the same file may be chosen again after a fix
        self.load_points(X, labels, regression, name=item.get("name", "CSV"))

    def code(self) -> str:
        """Plain Keras code that builds and compiles this network as ``model`` ("show the
        code", the panel at the foot of the page)."""
        return keras_code(self._spec(), [feature_label(f) for f in self.features])

    @reacts
    def _on_download_click(self, _button) -> None:
        with self._model_lock:
            self._download.value = download_link(self.model, self._t("download_link"))

    # Public API (notebook cells and tests) ----------------------------------------------
    @property
    def features(self) -> tuple[str, ...]:
        return tuple(name for name, button in self._features.items() if button.value)

    @property
    def layers(self) -> tuple[int, ...]:
        return tuple(self._units[: self._n_layers])

    @property
    def running(self) -> bool:
        return self._loop is not None and self._loop.running

    @property
    def state(self) -> State:
        """The dashboard's settings, as the URL stores them."""
        return State(
            data=self._data.value if self._data.value != UPLOAD else "circle",
            noise=self._noise.value,
            train=self._train.value,
            batch=self._batch.value,
            classes=self._classes.value,
            seed=self._resets,
            features=self.features,
            layers=self.layers,
            acts=tuple(a.value for a in self._acts[: self._n_layers]),
            dropout=tuple(d.value for d in self._dropouts[: self._n_layers]),
            lr=float(self._learning_rate.value),
            opt=self._optimizer.value,
            reg=self._regularization.value,
            rate=float(self._regularization_rate.value),
            discretize=self._discretize.value,
            test=self._show_test.value,
            budget=int(self._budget.value),
            early=self._early.value,
            hide=self._hidden,
        )

    @property
    def link(self) -> str:
        return self._link_box.value

    @property
    def status_text(self) -> str:
        """The status line as plain text (tests)."""
        text = plain_text(self._status.value)
        return text.replace("⏹", "").strip()

    # Settings from code (configure) ----------------------------------------------------
    def _settings(self) -> dict[str, Setting]:
        """``configure(data="spiral", layers=(8, 8), budget=500)``: the URL's names, each
        value checked as strictly as in a URL (:func:`.state.check`)."""
        controls = {
            "data": self._data,
            "noise": self._noise,
            "train": self._train,
            "classes": self._classes,
            "batch": self._batch,
            "opt": self._optimizer,
            "reg": self._regularization,
            "budget": self._budget,
            "early": self._early,
            "discretize": self._discretize,
            "test": self._show_test,
        }
        setters = {
            "seed": self._set_seed,
            "features": self._set_features,
            "layers": self._set_layers,
            "acts": self._set_activations,
            "dropout": self._set_dropouts,
            "lr": functools.partial(choose, self._learning_rate, LEARNING_RATES, self.lang),
            "rate": functools.partial(choose, self._regularization_rate, REG_RATES, self.lang),
            "hide": self._show_hidden_sections,
        }
        settings = {
            name: Setting(control, check=functools.partial(self._checked, name))
            for name, control in controls.items()
        }
        for name, setter in setters.items():
            settings[name] = Setting(check=functools.partial(self._checked, name), apply=setter)
        return settings

    def _checked(self, name: str, value):
        try:
            return check(name, value)
        except ValueError as error:
            raise StudentError(
                "playground.bad_setting", name=name, value=value, allowed=str(error)
            ) from None

    def _after_configure(self, settings: dict) -> None:
        """New data or a new network once, whatever the number of settings; then what the
        observers of the other settings would have done (they were quiet)."""
        self._input_error = None
        if settings.keys() & {*DATA_SETTINGS, *NETWORK_SETTINGS}:
            self._show_layers()  # the layer boxes follow, whatever is rebuilt
            if settings.keys() & set(DATA_SETTINGS):
                self._new_data_and_model()
            elif self.trainer is not None:
                self.rebuild()
        effects = {
            "lr": self._use_learning_rate,
            "reg": self._use_regularization,
            "rate": self._use_regularization,
            "budget": self._use_budget,
            "early": self._use_early_stopping,
            "discretize": self._redraw_points,
            "test": self._redraw_points,
        }
        for effect in dict.fromkeys(effects[name] for name in settings if name in effects):
            effect()
        self._update_link()

    def _set_seed(self, seed: int) -> None:
        self._resets = seed

    def _set_features(self, names: tuple) -> None:
        for name, toggle in self._features.items():
            toggle.value = name in names

    def _set_layers(self, units: tuple) -> None:
        self._units[: len(units)] = units
        self._n_layers = len(units)

    def _set_activations(self, names: tuple) -> None:
        for act, name in zip(self._acts, names, strict=False):
            act.value = name

    def _set_dropouts(self, rates: tuple) -> None:
        for drop, rate in zip(self._dropouts, rates, strict=False):
            if rate not in [value for _, value in drop.options]:
                drop.options = self._dropout_options(rate)
            drop.value = rate

    @shows_errors
    def play(self) -> None:
        """Train in the background until paused (the ▶ button); refused at the budget."""
        if self.trainer is None:
            return
        if self._loop is not None and self._loop.running:
            if not self._loop.stopping:
                return  # already training
            self._loop.pause()  # a loop ending by itself: wait, then start anew
        with self._model_lock:
            if self._show_budget():
                refused = True
            else:
                refused = False
                self._clear_status()
        if refused:
            if self._play.value:
                self._play.value = False
            return
        self.clear_error()
        self._input_error = None
        # Like a new fit() with Keras' EarlyStopping: the patience counts from here.
        self._best = (self._best[0], self.trainer.epoch)
        self._stopping = False
        self._loop = TrainingLoop(self._train_call, self._frame, self._should_stop, self._on_end)
        # Removed by _on_end once the final state is drawn: the page (and a browser test)
        # can tell a finished training from one whose frames are late on a loaded machine.
        self.add_class("dl-training")
        self._loop.start()
        if not self._play.value:
            self._play.value = True

    def pause(self) -> None:
        """Stop the background training after its current call and wait for it."""
        if self._loop is not None:
            self._loop.pause()
        if self._play.value:
            self._play.value = False

    @shows_errors
    def step(self, epochs: int = 1) -> None:
        """Train ``epochs`` epochs now (the Step button; pauses a running training)."""
        if isinstance(epochs, bool) or not isinstance(epochs, numbers.Integral) or epochs < 1:
            raise StudentError("playground.bad_epochs", value=number(epochs, self.lang))
        if self.trainer is None:
            return
        self.pause()
        self._train_call(int(epochs))
        self.draw()
        self._show_weight()

    @shows_errors
    def rebuild(self) -> None:
        """A new model for the current settings (fresh weights); keeps playing if it was."""
        was_running = self.running
        self.pause()
        self._show_layers()
        if self._build(self._load_keras()) and was_running:
            self.play()

    @shows_errors
    def add_point(self, x1: float, x2: float, label) -> None:
        """Add a training point (what a click on the output plot does)."""
        if self.split is None or self.trainer is None:
            return
        labels = [value for _, value in self._adding.options if value != OFF]
        try:
            inside = all(abs(float(x)) <= self._box for x in (x1, x2))  # False for nan
        except (TypeError, ValueError):
            inside = False
        if not inside or isinstance(label, bool) or label not in labels:
            raise StudentError(
                "playground.bad_point",
                x1=number(x1, self.lang),
                x2=number(x2, self.lang),
                label=number(label, self.lang),
            )
        with self._model_lock:
            self.split.add_point(float(x1), float(x2), label)
            self._set_trainer_data()
        self._redraw_points()

    @shows_errors
    def load_points(self, X, labels, regression: bool, name: str = "CSV") -> None:
        """Use a student's own points (a parsed CSV) as the data set."""
        try:
            X, values = np.asarray(X, dtype=np.float64), np.asarray(labels, dtype=np.float64)
        except (TypeError, ValueError):
            X = values = np.zeros((0, 0))
        if X.ndim != 2 or X.shape[1:] != (2,) or values.shape != (len(X),) or len(X) < 4:
            raise StudentError("playground.bad_points")
        largest = float(np.max(np.abs(np.concatenate([X.ravel(), values]))))
        if not largest <= POINT_LIMIT:  # also refuses nan and inf
            raise StudentError(
                "playground.points_too_large",
                limit=number(POINT_LIMIT, self.lang),
                value=number(largest, self.lang),
            )
        labels = values.astype(np.float32 if regression else np.int64)
        previous = self._upload, self._data.value, self._data.options
        self._upload = (X.astype(np.float32), labels, bool(regression))
        with self._quietly():
            if UPLOAD not in [v for _, v in self._data.options]:
                self._data.options = [*self._data.options, (self._t("data_upload"), UPLOAD)]
            self._data.value = UPLOAD
        try:
            self._new_data_and_model()
        except Exception:
            self._upload = previous[0]  # the data in force stay, and the menu says so
            with self._quietly():
                self._data.options, self._data.value = previous[2], previous[1]
            self._update_adding_options()
            raise
        with self._model_lock:  # the loop may be training the new net already
            self._set_status("info", self._t("uploaded", n=len(X), name=name), stopped=False)

    @shows_errors
    def select_link(self, layer: int, source: int, target: int) -> None:
        """Select one link for editing its weight."""
        if self.trainer is None:
            return
        kernels = [kernel for kernel, _ in self.trainer.weights()]
        try:
            link = (int(layer), int(source), int(target))
        except (TypeError, ValueError):
            link = None
        if link is None or not (
            0 <= link[0] < len(kernels)
            and 0 <= link[1] < kernels[link[0]].shape[0]
            and 0 <= link[2] < kernels[link[0]].shape[1]
        ):
            raise StudentError("playground.no_link", layer=layer, source=source, target=target)
        self._link = link
        self._weight.layout.display = None
        self._weight_label.value = self._t(
            "weight", layer=link[0] + 1, source=link[1] + 1, target=link[2] + 1
        )
        self._show_weight()
        self.draw()

    def wait_stopped(self, timeout: float = 60.0) -> None:
        """Block until a training has ended by itself (budget, early stopping, an error)."""
        if self._loop is not None:
            self._loop.join(timeout)

    def wait_epochs(self, epochs: int, timeout: float = 60.0) -> None:
        """Block until the training has passed ``epochs`` (tests)."""
        end = time.monotonic() + timeout
        while (self.trainer is None or self.trainer.epoch < epochs) and time.monotonic() < end:
            if not self.running and self.trainer is not None:
                break
            time.sleep(0.02)

    # Model ------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        self._new_data()
        self._build(keras, background=False)
        self._report_query_problems()  # the build cleared the banner; a bad link stays told

    def _report_query_problems(self) -> None:
        if self._query_problems:
            self.show_error(self._t("bad_query", problems="; ".join(self._query_problems)))

    def _load_keras(self):
        return load_keras()

    def _spec(self) -> NetworkSpec:
        l1, l2 = self._penalties()
        regression = self.split.regression if self.split else self._data.value in REGRESSION
        classes = self.split.classes if self.split else 2
        return NetworkSpec(
            n_inputs=len(self.features),
            hidden=[
                LayerSpec(self._units[i], self._acts[i].value, self._dropouts[i].value)
                for i in range(self._n_layers)
            ],
            task="regression" if regression else ("multiclass" if classes > 2 else "binary"),
            classes=classes,
            optimizer=self._optimizer.value,
            learning_rate=float(self._learning_rate.value),
            l1=l1,
            l2=l2,
            seed=self._resets,
        )

    def _penalties(self) -> tuple[float, float]:
        """(l1, l2): the regularisation rate for the chosen kind, 0 for the other."""
        rate, kind = float(self._regularization_rate.value), self._regularization.value
        return (rate if kind == "l1" else 0.0, rate if kind == "l2" else 0.0)

    def _new_data(self) -> None:
        if (uploaded := self._uploaded()) is not None:
            X, labels, regression = uploaded
            classes = 2 if regression else max(2, int(labels.max()) + 1)
            rng = np.random.default_rng(self._resets)
            order = rng.permutation(len(X))
            new = split(X[order], labels[order], self._train.value / 100, regression, classes)
            explain_disabled(self._classes, self._t("classes_from_file"))
        else:
            name = self._data.value
            fixed = name not in MULTICLASS  # moving the slider would change nothing
            explain_disabled(self._classes, self._t("classes_fixed") if fixed else None)
            new = load_split(
                name,
                self._noise.value / 100,
                self._train.value / 100,
                seed=self._resets,
                classes=self._classes.value,
            )
        if len(new.x_train) == 0:
            raise StudentError("playground.no_train_points")
        self.split = new  # only now: refused data leave the data in force alone
        self._points_drawn = False
        self._show_steps()
        self._update_adding_options()

    def _new_data_and_model(self) -> None:
        was_running = self.running
        self.pause()
        self._new_data()
        if self.model is not None and self._build(self._load_keras()) and was_running:
            self.play()

    def _build(self, keras, background: bool = True) -> bool:
        """Build model and trainer for the current controls and draw; False if refused.

        A new network's training step is traced after drawing, in the background when a
        control asked (the kernel answers the next one meanwhile), at once while loading
        (the page is ready with ▶ able to start at once)."""
        if not self.features:
            self.show_error(self._t("no_features"))
            return False
        spec = self._spec()
        with self._model_lock:
            new = self._use_trainer_for(spec)
            self._set_trainer_data()
            self._finite_weights = self.trainer.weights()
        self.history = History()
        self._best, self._focus, self._link = (math.inf, 0), None, None
        self._stopping = False
        self._clear_status()  # a new network: no stop of the old one applies
        self._weight.layout.display = "none"
        self._weight_label.value = ""
        self._download.value = ""
        self._refresh_code()  # a new network: new code
        box = max(BOX, float(np.max(np.abs(self.split.x_train))) * 1.05)
        if box != getattr(self, "_box", None):  # new data clear _points_drawn themselves;
            self._points_drawn = False  # a new network on the same points leaves them: sent
            # again, they cost 50 ms of plotly's validation a press and a whole redraw of
            # the output plot in the page (issue 24: the per-layer menus measured 4.3×)
        self._box = box
        self._grid = compute_features(grid_points(self._box), self.features)
        self._layout_network()
        self.clear_error()
        self._update_link()
        self.draw()
        if self._warm_up_timer is not None:  # a network shown before this one: traced
            self._warm_up_timer.cancel()  # when it is chosen again
            _WARM_UPS.discard(self._warm_up_timer)
        if new and background:  # after drawing: the network shows before it is traced
            self._warm_up_in_background(self.trainer)
        elif new:
            self.trainer.warm_up()
        return True

    def _use_trainer_for(self, spec) -> bool:
        """Make the trainer of ``spec``'s network current; True if its step is untraced.

        Trainers are kept per architecture (:func:`architecture_key`): a network seen
        before is restarted from the seeded weights a new one would get, without a new
        model or a retrace, so a menu switched back and forth answers at once (issue 24:
        the optimizer, activation and dropout menus cost a model and a trace, 0.3–0.5 s
        here, on every change)."""
        key = architecture_key(spec)
        trainer = self._trainers.pop(key, None)
        if trainer is None:
            trainer = FastTrainer(spec)
        else:
            trainer.restart(spec)  # new data, noise or seed, or a menu switched back
        self._trainers[key] = trainer  # the newest last; the oldest goes beyond the cap
        while len(self._trainers) > TRAINERS_KEPT:
            self._trainers.pop(next(iter(self._trainers)))
        self.trainer, self.model = trainer, trainer.model
        return not trainer.traced

    def _warm_up_in_background(self, trainer) -> None:
        """Trace ``trainer``'s training step off the observer's thread, once the controls
        have rested :data:`WARM_UP_DELAY` seconds; ▶ and Step wait for the trace (or make
        it) inside :meth:`FastTrainer.train`.

        Not at once: a trace is 0.2-1 s of Python holding the interpreter lock, and a key
        press landing meanwhile waited behind it (the next press on a menu answered in
        120-240 ms instead of 30 ms, traced at load 8; issue 24). A student stepping
        through a menu meets no trace; the network chosen last is traced a second later.
        """

        def warm_up() -> None:
            try:
                if trainer is self.trainer and not trainer.traced:  # else traced when it
                    trainer.warm_up()  # is chosen again (or ▶ traced it meanwhile)
            except Exception as error:  # noqa: BLE001  (to the banner, never lost)
                self.show_error(error)
            finally:
                _WARM_UPS.discard(timer)

        timer = threading.Timer(WARM_UP_DELAY, warm_up)
        timer.name, timer.daemon = "playground-warm-up", True
        self._warm_up_timer = timer
        _WARM_UPS.add(timer)
        timer.start()

    def _set_trainer_data(self) -> None:
        s = self.split
        self.trainer.set_data(
            compute_features(s.x_train, self.features),
            s.y_train,
            compute_features(s.x_test, self.features),
            s.y_test,
        )

    # Training (the loop thread, and Step) ------------------------------------------------
    def _train_call(self, epochs: int) -> None:
        """One training call and the decision to stop after it, under one hold of the
        model lock: an observer changing the budget, the learning rate or early stopping
        comes before the call (which then uses the new value) or after the decision (and
        then updates its message), never between the two."""
        with self._model_lock:
            self._stopping = self._advance(epochs)

    def _should_stop(self) -> bool:
        return self._stopping

    def _advance(self, epochs: int) -> bool:
        """Train up to ``epochs`` epochs within the budget; True when training must stop.
        Called with the model lock held."""
        trainer = self.trainer
        budget = int(self._budget.value)
        if self._show_budget():
            return True  # at or beyond the budget: not one more epoch
        if budget:
            epochs = min(epochs, budget - trainer.epoch)
        trainer.train(epochs, int(self._batch.value))
        result = trainer.evaluate()
        if not (np.isfinite(result["train_loss"]) and trainer.weights_finite()):
            for layer, (kernel, bias) in zip(trainer.dense, self._finite_weights, strict=True):
                layer.set_weights([kernel, bias])
            rate = float(trainer.spec.learning_rate)  # the rate this call trained with
            self._set_status("diverged", self._t("diverged", rate=rate))
            return True
        self._finite_weights = trainer.weights()
        epoch, test = trainer.epoch, result["test_loss"]
        if self._show_budget():
            return True
        if not np.isfinite(test):
            return False  # no test points: nothing for early stopping to watch
        if test < self._best[0] - 1e-5:
            self._best = (test, epoch)
        elif self._early.value and epoch - self._best[1] >= PATIENCE:
            text = self._t("early_stopped", patience=PATIENCE, best=self._best[0])
            self._set_status("early", text)
            return True
        return False

    def _show_budget(self) -> bool:
        """The budget's message for the box's value and the epochs trained; True when the
        budget forbids training (reached or below). Called with the model lock held."""
        budget, epoch = int(self._budget.value), self.trainer.epoch
        if budget and epoch == budget:
            self._set_status("budget", self._t("budget_reached", budget=budget))
        elif budget and epoch > budget:
            self._set_status("budget", self._t("budget_below", budget=budget, epoch=epoch))
        else:
            self._clear_status("budget")
            return False
        return True

    def _set_status(self, kind: str, text: str, stopped: bool = True) -> None:
        """Show why the training stopped (``kind``: budget, diverged, early) or a note
        (info). Called with the model lock held, or with no training running."""
        classes, mark = ("dl-text dl-stopped", "⏹ ") if stopped else ("dl-body", "")
        self._status_kind = kind
        self._status.value = f"<div class='{classes}'>{mark}{html.escape(text)}</div>"

    def _clear_status(self, *kinds: str) -> None:
        """Clear the status line (only if it speaks of one of ``kinds``, when given)."""
        if not kinds or self._status_kind in kinds:
            self._status_kind = None
            self._status.value = ""

    def _on_end(self, error) -> None:
        if error is not None:
            self.show_error(error)
        else:
            self.draw()  # with the weights' hover texts, which frames leave out
            self._show_weight()
        if self._play.value:
            self._play.value = False  # its observer sees the loop's thread and returns
        self.remove_class("dl-training")

    # Small helpers ----------------------------------------------------------------------
    def _show_weight(self) -> None:
        """Put the selected link's weight in force into its box (no observer work)."""
        if self._link is None or self.trainer is None:
            value = self._weight_in_box if self._weight_in_box is not None else 0.0
        else:
            with self._model_lock:
                layer, source, target = self._link
                weight = self.trainer.weights()[layer][0][source, target]
            value = float(str(np.float32(weight)))  # the shortest decimal of that float32
        self._weight_in_box = value
        self._weight.value = value

    def _refuse(self, control, message: StudentError | str) -> None:
        """Tell why a typed value was refused (the control shows the value in force)."""
        self.show_error(message)
        self._input_error = control

    def _accepted(self, control) -> None:
        """A good value after a refused one: the banner about that control goes."""
        if self._input_error is control:
            self.clear_error()
            self._input_error = None

    def _update_link(self) -> None:
        query = to_query(self.state)
        env = os.environ
        base = ""
        if env.get("SERVER_NAME") and env.get("SCRIPT_NAME"):
            port = f":{env['SERVER_PORT']}" if env.get("SERVER_PORT") else ""
            base = f"http://{env['SERVER_NAME']}{port}{env['SCRIPT_NAME']}"
        lang = "" if base else "07_playground.ipynb"
        self._link_text = f"{base or lang}?{query}" if query else (base or lang)
        self._link_box.value = self._link_text
        uploaded = self._uploaded() is not None
        self._link_note.value = html.escape(self._t("link_no_upload")) if uploaded else ""


__all__ = ["PlaygroundDashboard"]
