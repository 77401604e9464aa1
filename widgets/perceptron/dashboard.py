"""Lesson 04 dashboard: Rosenblatt's perceptron (1957), the learning rule animated.

A real Keras :class:`~widgets.models.perceptron.Perceptron` learns a line on a toy 2-D set
(separable blobs with a margin, AND/OR/XOR corners, or points the student clicks in). The
whole run is computed once by the model's ``train_step`` over every sample in one compiled
call (:func:`~widgets.models.perceptron.perceptron_trajectory`);
the :class:`~widgets.animation.StepAnimation` then replays it: the current sample is
ringed, the update ``Δw = η (y − ŷ) x`` is an arrow on the weight vector, the decision line
moves, counters show epoch, updates and errors. Novikoff's bound stands next to the actual
number of updates; on XOR the perceptron never converges and the pocket variant keeps the
best line seen.
"""

from __future__ import annotations

import functools

import ipywidgets
import numpy as np

from ..animation import StepAnimation
from ..controls import (
    button,
    checkbox,
    column,
    dropdown,
    heading,
    html,
    log_slider,
    number_box,
    row,
    slider,
    toggles,
)
from ..data import blobs_with_margin, logic_gate
from ..errors import StudentError
from ..figures.live import updating
from ..i18n import number
from ..models import perceptron as perceptron_model
from ..recent import Recent
from ..ui import Dashboard, reacts, shows_errors
from . import readout
from .code import PerceptronRun, keras_code
from .figures import (
    CLICK_TRACE,
    CUSTOM_BOX,
    POINTS_TRACE,
    arrow_scale,
    box_of,
    perceptron_figure,
    points_trace_data,
    set_box,
    step_drawing,
)
from .texts import TEXT

DATASETS = ("blobs", "and", "or", "xor", "custom")
MAX_POINTS = 120
# Defaults chosen so the first run is worth watching: 10 updates over 5 epochs.
DEFAULT_POINTS, DEFAULT_MARGIN, DEFAULT_SEED = 40, 0.3, 1
GATE_COPIES = 8  # with noise > 0, each corner of a gate becomes a jittered cloud
DATA_SETTINGS = frozenset({"dataset", "points", "margin", "noise", "seed"})
RUNS_KEPT = 16  # recent runs kept by their points and settings (a few KB each)


def make_data(
    dataset: str, n: int = 30, margin: float = 1.0, noise: float = 0.0, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """The points of a data set (without clicked points): X (n, 2) float32, y 0/1 int."""
    if dataset == "blobs":
        return blobs_with_margin(n, margin=margin, noise=noise, seed=seed)
    if dataset == "custom":
        return np.zeros((0, 2), np.float32), np.zeros(0, np.int64)
    X, y = logic_gate(dataset.upper())
    if noise > 0:  # a cloud around each corner; the labels stay the gate's
        rng = np.random.default_rng(seed)
        X = np.repeat(X, GATE_COPIES, axis=0) + rng.normal(0, noise / 4, (4 * GATE_COPIES, 2))
        y = np.repeat(y, GATE_COPIES)
        order = rng.permutation(len(X))
        X, y = X[order].astype(np.float32), y[order]
    return X, y


class PerceptronDashboard(Dashboard):
    """Data, learning settings, the animated plane and counters; see the module doc."""

    def __init__(self, lang: str = "pl"):
        super().__init__(lang)
        self._t = TEXT.for_language(lang)
        self.trajectory = None
        self.margin_estimate = None
        self._margin_of: tuple[bytes, bytes] | None = None  # the points it was found for
        self._added_X: list[tuple[float, float]] = []
        self._added_y: list[int] = []
        self._base_X, self._base_y = np.zeros((0, 2), np.float32), np.zeros(0, np.int64)
        self._box = CUSTOM_BOX
        self._drawn: list[dict] = []  # the shapes last sent to the figure
        self._runs = Recent(RUNS_KEPT)  # settings and points: a Trajectory, see _learn
        self._margins = Recent(RUNS_KEPT)  # best margins by points, see _learn
        self._message = ""
        self._build()

    # Construction -------------------------------------------------------------------------
    def _build_controls(self) -> None:
        t = self._t
        datasets = [(t(f"ds_{name}"), name) for name in DATASETS]
        self._dataset = dropdown(t("dataset"), datasets, "blobs")
        on_release = {"continuous_update": False}  # a new run when the slider is let go
        self._n = slider(t("points"), DEFAULT_POINTS, 4, 80, 2, integer=True, **on_release)
        self._margin = slider(t("margin"), DEFAULT_MARGIN, 0.0, 3.0, 0.1, **on_release)
        self._noise = slider(t("noise"), 0.0, 0.0, 1.5, 0.05, **on_release)
        self._seed = number_box(t("seed"), DEFAULT_SEED, 0, 9999, integer=True, width="160px")
        classes = [(t("class_1"), 1), (t("class_0"), 0)]
        self._click_class = toggles("", classes, 1, button_width="110px")
        self._clear = button(t("clear"), icon="eraser", width="auto")
        self._learning_rate = log_slider(
            t("eta"), 1.0, -2, 1, step=0.1, readout_format=".2g", continuous_update=False
        )
        self._epochs = slider(t("epochs"), 20, 1, 50, 1, integer=True, **on_release)
        # Issue 24: these change nothing on the page in many states; each says why.
        self._learning_rate.tooltip = t("eta_tip")
        self._epochs.tooltip = t("epochs_tip")
        self._click_class.tooltip = t("click_class_tip")
        self._random_init = checkbox(t("random_init"), width="auto")
        self._shuffle = checkbox(t("shuffle"), True, width="auto")
        self._pocket = checkbox(t("pocket"), width="auto")
        self._pocket.add_class("dl-pocket")
        self.animation = StepAnimation(self.lang, on_step=self._on_step)
        self._model_controls = [
            self._dataset, self._n, self._margin, self._noise, self._seed, self._click_class,
            self._clear, self._learning_rate, self._random_init, self._shuffle, self._epochs,
            self._pocket, *self.animation.controls,
        ]  # fmt: skip
        self._show_data_controls()

    def _build_figures(self) -> None:
        self.plane = perceptron_figure(self._box, self._t("plane_title"))
        self.plane.add_class("dl-perceptron-plane")
        self._legend = html(self._t("legend"), "dl-small")
        self._scale_note = html("", "dl-small")
        self._state = html("", "dl-counters")
        self._verdict = html("", "dl-verdict")
        self._novikoff = html("", "dl-novikoff")
        self._note = html("", "dl-notice")
        self._note.layout.display = "none"
        self._new_data()

    def _lay_out(self) -> None:
        t = self._t
        controls = column(
            [
                heading(t("data")),
                self._dataset,
                self._n,
                self._margin,
                self._noise,
                self._seed,
                html(t("click_class")),
                self._click_class,
                self._clear,
                heading(t("learning")),
                self._learning_rate,
                self._epochs,
                self._random_init,
                self._shuffle,
                self._pocket,
                html(t("help"), "dl-small"),
            ],
            width="350px",
        )
        view = column([self.animation, self.plane, self._legend, self._scale_note], width="540px")
        side = column([self._note, self._state, self._verdict, self._novikoff])
        self._page(t("title"), t("intro"), row([controls, view, side]), style=readout.STYLE)

    def _wire(self) -> None:
        for control in (self._dataset, self._n, self._margin, self._noise, self._seed):
            control.observe(self._on_data_change, names="value")
        for control in (self._learning_rate, self._random_init, self._shuffle, self._epochs):
            control.observe(self._on_learning_change, names="value")
        self._pocket.observe(self._on_pocket_change, names="value")
        self._clear.on_click(self._on_clear_click)
        self.plane.data[CLICK_TRACE].on_click(self._on_plane_click)

    # Public API (for notebook cells and tests) --------------------------------------------
    @property
    def X(self) -> np.ndarray:
        """The training points: the data set's plus the clicked ones."""
        if not self._added_X:
            return self._base_X
        return np.vstack([self._base_X, np.array(self._added_X, dtype=np.float32)])

    @property
    def y(self) -> np.ndarray:
        return np.concatenate([self._base_y, np.array(self._added_y, dtype=np.int64)])

    @property
    def index(self) -> int:
        """The state shown (0 = before the first sample)."""
        return self.animation.index

    @property
    def message(self) -> str:
        """The data note shown to the student ('' when the data are fine)."""
        return self._message

    def counters(self) -> dict:
        """Epoch (1-based), step, updates and errors at the state shown."""
        if self.trajectory is None:
            return {}
        return readout.counters(self.trajectory, self.index)

    @property
    def novikoff_bound(self) -> float | None:
        """(R/γ)² for the current data, None when no line separates them."""
        if not self._separable:
            return None
        return perceptron_model.novikoff_bound(self.X, self.margin_estimate.low)

    def code(self) -> str:
        """Plain Keras code that learns the same line as ``model`` ("show the code")."""
        blobs = None
        if self._dataset.value == "blobs" and not self._added_X:
            blobs = {
                "n": self._n.value,
                "margin": self._margin.value,
                "noise": self._noise.value,
                "seed": self._seed.value,
            }
        run = PerceptronRun(
            X=self.X,
            y=self.y.astype(np.float32),
            blobs=blobs,
            learning_rate=self._learning_rate.value,
            epochs=self._epochs.value,
            initial=self._initial_weights(),
            shuffle_seed=self._seed.value if self._shuffle.value else None,
            pocket=self._pocket.value,
        )
        return keras_code(run, self.lang)

    def _settings(self) -> dict[str, ipywidgets.Widget]:
        """``configure(dataset="xor", pocket=True, learning_rate=0.1, ...)``."""
        return {
            "dataset": self._dataset,
            "points": self._n,
            "margin": self._margin,
            "noise": self._noise,
            "seed": self._seed,
            "learning_rate": self._learning_rate,
            "epochs": self._epochs,
            "random_init": self._random_init,
            "shuffle": self._shuffle,
            "pocket": self._pocket,
        }

    def _after_configure(self, settings: dict) -> None:
        """New data when a data setting changed, else the same data learnt again (the
        pocket alone changes no step of the run: the step shown is drawn again)."""
        if DATA_SETTINGS & settings.keys():
            self._show_data_controls()
            self._retrain(new_data=True)
        elif set(settings) <= {"pocket"}:
            self._show_pocket()
        else:
            self._retrain()

    @shows_errors
    def add_point(self, x1: float, x2: float, label: int | None = None) -> None:
        """Add a training point (as a click on the plot does) and learn again."""
        label = self._click_class.value if label is None else label
        if label not in (0, 1):
            raise StudentError("perceptron.bad_label", label=label)
        try:
            x1, x2 = float(x1), float(x2)
        except (TypeError, ValueError) as error:
            raise StudentError("perceptron.bad_point") from error
        x0, x1_, y0, y1 = self._box
        if not (x0 <= x1 <= x1_ and y0 <= x2 <= y1):
            shown = functools.partial(number, lang=self.lang, spec=".3g")
            raise StudentError(
                "perceptron.outside",
                x=shown(x1),
                y=shown(x2),
                x0=shown(x0),
                x1=shown(x1_),
                y0=shown(y0),
                y1=shown(y1),
            )
        if len(self.X) >= MAX_POINTS:
            raise StudentError("perceptron.too_many", limit=MAX_POINTS)
        self._added_X.append((float(x1), float(x2)))
        self._added_y.append(int(label))
        self.clear_error()
        self._retrain()

    def step(self) -> None:
        self.animation.step()

    def back(self) -> None:
        self.animation.back()

    def reset(self) -> None:
        self.animation.reset()

    def go_to_end(self) -> None:
        self.animation.go_to(self.animation.length)

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        self.model = perceptron_model.build_perceptron(2, self._learning_rate.value)
        self._retrain()

    # Events -------------------------------------------------------------------------------
    @reacts
    def _on_data_change(self, change) -> None:
        if change["owner"] is self._dataset:
            self._show_data_controls()
        self._retrain(new_data=True)

    @reacts
    def _on_learning_change(self, change) -> None:
        self._retrain()

    @reacts
    def _on_pocket_change(self, change) -> None:
        self._show_pocket()

    @reacts
    def _on_clear_click(self, button) -> None:
        self._added_X, self._added_y = [], []
        self._retrain()

    @reacts
    def _on_plane_click(self, trace, points, selector) -> None:
        if points.xs:
            self.add_point(round(float(points.xs[0]), 3), round(float(points.ys[0]), 3))

    @shows_errors
    def _on_step(self, index: int) -> None:
        if self.trajectory is None or self.model is None:
            return
        index = min(index, self.trajectory.steps)
        self._draw_step(index)  # first: the figure is what the student waits for
        self.model.set_parameters(self.trajectory.weights[index], self.trajectory.biases[index])

    # Learning -----------------------------------------------------------------------------
    def _new_data(self) -> None:
        """Generate the chosen data set (numpy only) and draw its points."""
        self._make_data()
        self._draw_data()

    def _make_data(self) -> None:
        self._base_X, self._base_y = make_data(
            self._dataset.value, self._n.value, self._margin.value, self._noise.value,
            self._seed.value,
        )  # fmt: skip
        self._added_X, self._added_y = [], []
        self._box = box_of(self._dataset.value, self._base_X)

    def _draw_data(self) -> None:
        set_box(self.plane, self._box)
        self._draw_points()

    def _retrain(self, new_data: bool = False) -> None:
        """Run the whole rule once on the data (new ones if asked) and show state 0.

        Clicked points are dropped with new data: they were placed for the old picture.
        New data need no model (numpy only); the rest waits for it. What is known before
        the run is drawn first: the points, and state 0 (the initial weights' line, the
        start's counters), so the student sees the new setting at once; the run (the
        slow part) follows, then its counters and Novikoff's numbers. While the model is
        built (the Keras import thread) the run comes first and the widgets change after
        it, in one quick burst: a page that connects meanwhile misses fewer updates (see
        :mod:`widgets.resync`).
        """
        if new_data:
            self._make_data()
        if self.model is None:
            if new_data:
                self._draw_data()
            return
        problem = self._data_problem(self.y)
        start = self._start() if not problem and self.ready.is_set() else None
        if start is not None:  # issue 24: the counters of state 0 first (a millisecond in
            # the page, while new points redraw the plane whole: 0.05-0.3 s, traced)
            self._state.value = readout.state_html(self._t, start, 0, self._pocket.value)
        if new_data:
            self._draw_data()
        else:
            self._draw_points()  # a clicked point
        if start is not None:
            self._draw_step(0, start, verdict=False)  # the rest of state 0, before the run
        self._refresh_code()  # clicked points and new data change the code too
        if problem:
            self.trajectory = self.margin_estimate = self._margin_of = None
        else:
            self._learn()
        self._show_note(problem)
        for control in self.animation.controls:
            control.disabled = bool(problem)
        if problem:
            self._clear_drawing()
            self.animation.set_length(0)
            return
        self._novikoff.value = readout.novikoff_html(
            self._t, self.trajectory, self.margin_estimate, self._random_init.value
        )
        self.animation.set_length(self.trajectory.steps, 0)

    def _learn(self) -> None:
        """Fit the Keras perceptron once over every epoch, recording every step."""
        X, y = self.X, self.y
        self.model.learning_rate = self._learning_rate.value
        self.model.initial_weights = self._initial_weights()
        # The best margin depends on the points only: a change of η, epochs, order or
        # initial weights (whose steps rerun the rule) reuses it (its search took up to
        # 0.2 s of each such step).
        points = (X.tobytes(), y.tobytes())
        if self._margin_of != points:  # points seen lately (a menu stepped back) keep theirs
            estimate = self._margins.pop(points, None) or perceptron_model.best_margin(X, y)
            self.margin_estimate = self._margins.keep(points, estimate)
            self._margin_of = points
        # A run is a function of its points and settings: one seen before (a checkbox
        # switched back, η or the epochs set back) is not run again. Running it took
        # 30-50 ms in a quiet kernel, 0.1-0.2 s on a busy machine (issue 24).
        shuffle_seed = self._seed.value if self._shuffle.value else None
        initial = self._initial_weights()
        key = (
            *points,
            float(self._learning_rate.value),
            int(self._epochs.value),
            shuffle_seed,
            None if initial is None else (tuple(initial[0]), initial[1]),
        )
        trajectory = self._runs.pop(key, None)
        if trajectory is None:
            trajectory = perceptron_model.perceptron_trajectory(
                self.model, X, y, max_epochs=self._epochs.value, shuffle_seed=shuffle_seed
            )
        self.trajectory = self._runs.keep(key, trajectory)

    def _data_problem(self, y: np.ndarray) -> str:
        if len(y) == 0:
            return self._t("need_points")
        labels = set(int(v) for v in y)
        if len(labels) < 2:
            label = labels.pop()
            return self._t("one_class", n=len(y), label=label, other=1 - label)
        return ""

    def _initial_weights(self):
        if not self._random_init.value:
            return None
        rng = np.random.default_rng(self._seed.value + 1000)
        return rng.normal(0, 1, 2), float(rng.normal(0, 1))

    @property
    def _separable(self) -> bool:
        return self.margin_estimate is not None and self.margin_estimate.separable

    # Drawing ------------------------------------------------------------------------------
    def _show_data_controls(self) -> None:
        dataset = self._dataset.value
        self._n.layout.display = "flex" if dataset == "blobs" else "none"
        self._margin.layout.display = "flex" if dataset == "blobs" else "none"
        self._noise.layout.display = "none" if dataset == "custom" else "flex"
        self._seed.layout.display = "flex"

    def _draw_points(self) -> None:
        with updating(self.plane):
            self.plane.data[POINTS_TRACE].update(points_trace_data(self.X, self.y))
        self._drawn = []

    def _show_note(self, text: str) -> None:
        self._message = text
        self._note.value = readout.note_html(text) if text else ""
        self._note.layout.display = None if text else "none"

    def _clear_drawing(self) -> None:
        self._drawn = []
        with updating(self.plane):
            self.plane.layout.shapes = ()
        self._state.value = self._verdict.value = self._novikoff.value = ""
        self._scale_note.value = ""

    def _show_pocket(self) -> None:
        """The pocket switched on or off: the run is the same (the pocket only keeps the
        best weights seen), so the step shown is drawn again, with no new run."""
        if self.trajectory is None:
            return
        self._on_step(self.index)

    def _start(self):
        """State 0 of the coming run, before it runs (a trajectory of no step): its start
        needs only the points and the initial weights (numpy), so a new setting shows its
        first picture at once and the run's counters follow (issue 24)."""
        X, y = self.X, self.y.astype(np.float32)
        initial = self._initial_weights()
        w, b = (np.zeros(2), 0.0) if initial is None else initial
        return perceptron_model.Trajectory(
            X=X,
            y=y,
            learning_rate=float(self._learning_rate.value),
            max_epochs=int(self._epochs.value),
            weights=np.asarray(w, dtype=float)[None, :],
            biases=np.array([float(b)]),
            y_hat=np.zeros(0, np.float32),
            mistake=np.zeros(0, bool),
            sample=np.zeros(0, int),
        )

    def _draw_step(self, index: int, trajectory=None, verdict: bool = True) -> None:
        trajectory, pocket = trajectory or self.trajectory, self._pocket.value
        drawing = step_drawing(trajectory, index, self._box, pocket)
        if self._drawn != drawing:  # e.g. the Play's last step, sent again, changes nothing
            with updating(self.plane):
                self.plane.layout.shapes = drawing
            self._drawn = drawing
        self._state.value = readout.state_html(self._t, trajectory, index, pocket)
        self._verdict.value = (  # a run not made yet has no verdict
            readout.verdict_html(self._t, trajectory, index, pocket, self._separable)
            if verdict
            else ""
        )
        w_old = trajectory.weights[max(index - 1, 0)]
        scale = arrow_scale(w_old, trajectory.weights[index], self._box)
        self._scale_note.value = (
            self._t("arrow_scale", scale=readout.fmt(scale, self.lang)) if scale else ""
        )
