"""Lesson 03 dashboard: Hebb's rule (1949), Δw = η·x·y, step by step.

A Keras :class:`~widgets.models.hebb.HebbNet` learns a logic gate from its four patterns,
one presentation at a time. The student steps forwards and backwards (or presses Play)
and watches the table of patterns and increments, the weight vector, the decision line
on the input plane and ``||(w, b)||`` over the epochs. An encoding switch shows why the
rule fails with 0/1 values (``x = 0`` or ``y = 0`` means no update), the gate choice shows
a task it cannot learn (XOR), and the epochs control shows that the weights grow without
bound. The animation is :class:`widgets.animation.StepAnimation` over the recorded states.
"""

from __future__ import annotations

import math
import numbers

import ipywidgets
import numpy as np

from ..animation import StepAnimation
from ..controls import column, dropdown, heading, html, number_field, row, slider, toggles
from ..errors import StudentError
from ..models import hebb as hebb_model
from ..ui import Dashboard, Setting, reacts
from .code import keras_code
from .figures import (
    STYLE,
    draw_norms,
    draw_plane,
    format_number,
    format_vector,
    norms_figure,
    plane_figure,
    table_html,
)
from .texts import TEXT

GATES = ("AND", "OR", "NAND", "NOR", "XOR")
ENCODING_NAMES = ("bipolar", "binary", "mixed")
LEARNING_RATE_MAX = 10.0
EPOCHS_MAX = 20
DEFAULT_EPOCHS = 3
STEPS_PER_SECOND = 1  # slow enough to read the table while it plays


def _given(value, lang: str) -> str:
    """A value the student gave, as a sentence in ``lang`` quotes it: a number as the
    table prints it (with a decimal comma in Polish), anything else as Python writes it."""
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return format_number(value, lang) if math.isfinite(value) else str(float(value))
    return repr(value)


def check_learning_rate(value, lang: str) -> float:
    """Return η as a float or raise a :class:`~widgets.errors.StudentError` saying why."""
    try:
        learning_rate = float(value)
    except (TypeError, ValueError):
        learning_rate = math.nan
    if not (math.isfinite(learning_rate) and 0 < learning_rate <= LEARNING_RATE_MAX):
        high = format_number(LEARNING_RATE_MAX, lang)
        raise StudentError("hebb.bad_eta", high=high, value=_given(value, lang))
    return learning_rate


class HebbDashboard(Dashboard):
    """Step through Hebb's rule on a logic gate; see the module docstring."""

    def __init__(self, lang: str = "pl", epochs: int = DEFAULT_EPOCHS):
        super().__init__(lang)
        self._t = TEXT.for_language(lang)
        self.states_: np.ndarray | None = None  # (w1, w2, b) before and after each step
        self._patterns: tuple[np.ndarray, np.ndarray] | None = None
        self._model_encoding: str | None = None
        self._nets: dict = {}  # encoding -> its HebbNet, see _refresh
        self._accepted_learning_rate = 1.0  # the last valid η typed in the box
        self._first_epochs = epochs
        self._build()

    # Construction -------------------------------------------------------------------------
    def _build_controls(self) -> None:
        t, epochs = self._t, self._first_epochs
        self._gate = dropdown(t("gate"), GATES, "AND")
        encodings = [(t(f"enc_{name}"), name) for name in ENCODING_NAMES]
        self._encoding = toggles(
            t("encoding"), encodings, "bipolar", button_width="150px", long_label=True
        )
        self._learning_rate = number_field(t("eta"), 1.0)
        self._epochs = slider(t("epochs"), epochs, 1, EPOCHS_MAX, 1, integer=True)
        # Play/pause, step back, step, restart, a position slider and a speed slider; it
        # calls self._on_step(index) once per change of position.
        self.animation = StepAnimation(self.lang, on_step=self._on_step, speed=STEPS_PER_SECOND)
        self._model_controls = [
            self._gate,
            self._encoding,
            self._learning_rate,
            self._epochs,
            *self.animation.controls,
        ]

    def _build_figures(self) -> None:
        t = self._t
        self._status = html("", "dl-hebb-status")
        self._status.layout.max_width = "560px"
        self._score = html()
        self._table = html("", "dl-hebb-table")
        self._notes = html("", "dl-hebb-notes")
        self._notes.layout.max_width = "420px"
        self.plane = plane_figure(t("plane_title"))
        self.norms = norms_figure(t("norm_title"), t("epoch_axis"))

    def _lay_out(self) -> None:
        t = self._t
        controls = column(
            [
                heading(t("task")),
                self._gate,
                self._encoding,
                self._learning_rate,
                self._epochs,
                heading(t("animation")),
                self.animation,
            ],
            width="500px",
        )
        steps = row([controls, ipywidgets.VBox([self._status, self._score, self._table])])
        steps.layout.grid_gap = "16px"
        plane = ipywidgets.VBox([self.plane, html(t("plane_legend"), "dl-small")])
        plane.layout.max_width = "440px"
        pictures = row([plane, self.norms, self._notes])
        self._page(t("title"), t("intro"), steps, pictures, style=STYLE)

    def _wire(self) -> None:
        self._gate.observe(self._on_task_change, names="value")
        self._encoding.observe(self._on_task_change, names="value")
        self._learning_rate.observe(self._on_learning_rate_change, names="value")
        self._epochs.observe(self._on_epochs_change, names="value")

    # Public API (for notebook cells and tests) --------------------------------------------
    @property
    def step(self) -> int:
        """How many patterns have been presented so far (0 = none)."""
        return self.animation.index

    @property
    def total_steps(self) -> int:
        """Presentations in the chosen number of epochs."""
        return self.animation.length

    @property
    def learning_rate(self) -> float:
        """The last valid η (a wrong value typed in the box is refused with a message)."""
        return self._accepted_learning_rate

    @property
    def encoding(self) -> str:
        return self._encoding.value

    @property
    def patterns(self) -> tuple[np.ndarray, np.ndarray]:
        """The current task's inputs X (4, 2) and targets y (4,)."""
        return hebb_model.hebb_patterns(self._gate.value, self._encoding.value)

    def _settings(self) -> dict[str, Setting]:
        """``configure(gate="XOR", encoding="binary", learning_rate=0.5, epochs=8)``."""
        return {
            "gate": Setting(self._gate, check=self._check_gate),
            "encoding": Setting(self._encoding, check=self._check_encoding),
            "learning_rate": Setting(
                self._learning_rate,
                check=lambda value: check_learning_rate(value, self.lang),
                apply=self._apply_learning_rate,
            ),
            "epochs": Setting(self._epochs, check=self._check_epochs),
        }

    def _check_gate(self, gate) -> str:
        if gate not in GATES:
            raise StudentError("hebb.bad_gate", value=gate, names=", ".join(GATES))
        return gate

    def _check_encoding(self, encoding) -> str:
        if encoding not in ENCODING_NAMES:
            names = ", ".join(ENCODING_NAMES)
            raise StudentError("hebb.bad_encoding", value=encoding, names=names)
        return encoding

    def _check_epochs(self, epochs) -> int:
        if not isinstance(epochs, int | np.integer) or not 1 <= epochs <= EPOCHS_MAX:
            raise StudentError("hebb.bad_epochs", high=EPOCHS_MAX, value=_given(epochs, self.lang))
        return epochs

    def _apply_learning_rate(self, learning_rate: float) -> None:
        self._learning_rate.value = learning_rate
        self._accepted_learning_rate = learning_rate

    def go_to(self, step: int) -> None:
        """Show the state after ``step`` presentations (clamped to the available steps)."""
        self.animation.go_to(step)

    def outputs(self) -> np.ndarray:
        """The net's current answers to the four patterns, computed by the Keras model."""
        return hebb_model.predict_outputs(self.model, self.patterns[0])

    def norms_per_epoch(self) -> np.ndarray:
        """``||(w, b)||`` after each whole epoch, epoch 0 (the start) included."""
        return np.linalg.norm(self.states_[::4], axis=1)

    def code(self) -> str:
        """Plain Keras code that trains the same net as ``model`` ("show the code")."""
        X, y = self.patterns
        return keras_code(
            self._gate.value,
            self.encoding,
            X,
            y,
            self.learning_rate,
            self._epochs.value,
            hebb_model.off_value(self.encoding),
            self.lang,
        )

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        # Every encoding's net, built and traced here (0.2 s each, before the page is
        # ready) rather than at the student's first click on that encoding.
        for encoding in hebb_model.ENCODINGS:
            net = self._nets[encoding] = hebb_model.build_hebb_net(encoding, self.learning_rate)
            hebb_model.train_history(net, *hebb_model.hebb_patterns("AND", encoding))
        self.model = self._nets[self.encoding]
        self._model_encoding = self.encoding
        self._refresh()

    def _refresh(self) -> None:
        """Run the rule through all the epochs, remember every state, show the current step."""
        if self.model is None:
            return
        if self._model_encoding != self.encoding:  # the 'off' answer changes: another net
            # Kept per encoding, as built and traced once: a new net and its compiled loop
            # cost 0.2 s at every click on the encoding.
            self._nets[self._model_encoding] = self.model
            self.model = self._nets.get(self.encoding) or hebb_model.build_hebb_net(
                self.encoding, self.learning_rate
            )
            self._model_encoding = self.encoding
        self.model.learning_rate.assign(self.learning_rate)
        self._patterns = self.patterns
        self.states_ = hebb_model.train_history(
            self.model, *self._patterns, epochs=self._epochs.value
        )
        total = len(self.states_) - 1
        self.animation.set_length(total, index=min(self.step, total))  # redraws

    # Events -------------------------------------------------------------------------------
    @reacts
    def _on_task_change(self, change) -> None:
        self.clear_error()
        self._refresh()

    @reacts
    def _on_learning_rate_change(self, change) -> None:
        self._accepted_learning_rate = check_learning_rate(change["new"], self.lang)
        self.clear_error()
        self._refresh()

    @reacts
    def _on_epochs_change(self, change) -> None:
        self._refresh()

    @reacts
    def _on_step(self, index: int) -> None:
        self._show_step()

    # Drawing ------------------------------------------------------------------------------
    def _show_step(self) -> None:
        if self.model is None or self.states_ is None:
            return
        k = min(self.step, len(self.states_) - 1)
        state = self.states_[k]
        self.model.set_state(state[:-1], state[-1])
        outputs = self.outputs()
        X, y = self._patterns
        # The text first: the browser handles messages in order, and a new encoding, gate
        # or number of epochs redraws both figures whole (new points and axes, new norms:
        # 50-110 ms each of the page's time here, traced), while the status and the table
        # are drawn in a millisecond; building the plane's update also took the kernel
        # 13 ms before anything was sent (issue 24). A step (Play) changes the text and
        # the plane's shapes alike.
        self._draw_status(k, state, X, y)
        self._table.value = table_html(self._t, self.states_, k, X, y, outputs, self.learning_rate)
        self._draw_score(outputs, y)
        draw_plane(self.plane, k, state, X, y, outputs, self.encoding)
        draw_norms(self.norms, self.states_, k)
        self._draw_notes(X, y)

    def _draw_status(self, k: int, state: np.ndarray, X: np.ndarray, y: np.ndarray) -> None:
        total = len(self.states_) - 1
        lang = self.lang
        w, b = format_vector(state[:-1], lang), format_number(state[-1], lang)
        if k == 0:
            text = self._t("status_start", total=total, w=w, b=b)
        else:
            i = (k - 1) % len(X)
            eta = self.learning_rate
            text = self._t(
                "status",
                step=k,
                total=total,
                epoch=(k - 1) // len(X) + 1,
                x=format_vector(X[i], lang),
                y=format_number(y[i], lang),
                dw=format_vector(eta * X[i] * y[i], lang),
                db=format_number(eta * y[i], lang),
                w=w,
                b=b,
            )
        self._status.value = f"<div class='dl-text'>{text}</div>"

    def _draw_score(self, outputs: np.ndarray, y: np.ndarray) -> None:
        right = int((outputs == y).sum())
        text = self._t("score", right=right, total=len(y))
        if right == len(y):
            text += f" <b class='dl-good-colour'>{self._t('solved')}</b>"
        self._score.value = f"<div class='dl-text'>{text}</div>"

    def _draw_notes(self, X: np.ndarray, y: np.ndarray) -> None:
        notes = []
        final = self.states_[-1]
        if self.encoding == "binary":
            notes.append(self._t("why_binary", silent=int((y == 0).sum())))
        elif self.encoding == "mixed":
            notes.append(self._t("why_mixed"))
        if np.allclose(self.model.kernel.numpy(), 0):
            notes.append(self._t("no_line"))
        off = hebb_model.off_value(self.encoding)
        wrong = int((hebb_model.reference_outputs(X, final, off) != y).sum())
        if wrong:
            notes.append(self._t("why_fails", wrong=wrong))
        per_epoch = float(np.linalg.norm(self.states_[4] - self.states_[0]))
        if per_epoch == 0:
            notes.append(self._t("why_cancel"))
        else:
            notes.append(self._t("growth", delta=per_epoch))
        self._notes.value = "".join(f"<p class='dl-body'>{note}</p>" for note in notes)
