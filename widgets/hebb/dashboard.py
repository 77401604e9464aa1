"""Lesson 03 dashboard: Hebb's rule (1949), Δw = η·x·y, step by step.

A Keras :class:`~widgets.models.hebb.HebbNet` learns a logic gate from its four patterns,
one presentation at a time. The student steps forwards and backwards (or presses Play)
and watches the table of patterns and increments, the weight vector, the decision line
on the input plane and ``||(w, b)||`` over the epochs. An encoding switch shows why the
rule fails with 0/1 values (``x = 0`` or ``y = 0`` means no update), the gate choice shows
a task it cannot learn (XOR), and the epochs control shows that the weights grow without
bound. The animation is :class:`widgets.animation.StepAnimation` over the recorded states.

The module also holds the checkers of the notebook's exercises.
"""

from __future__ import annotations

import html
import math
import numbers

import ipywidgets
import numpy as np
import plotly.graph_objects as go

from ..animation import StepAnimation
from ..errors import StudentError
from ..exercises import GateCheck
from ..figures import shapes
from ..figures.light import LightFigureWidget
from ..figures.live import updating
from ..figures.plane import (
    POINTS_TRACE,
    answer_discs,
    decision_plane_figure,
    plane_shapes,
    plane_trace_data,
    update_decision_plane,
)
from ..figures.style import LINE, base_layout
from ..i18n import Strings, check_language, number
from ..ui import Dashboard, shows_errors

TEXT = Strings(
    "hebb",
    {
        "title": {"pl": "Reguła Hebba (1949)", "en": "Hebb's rule (1949)"},
        "intro": {
            "pl": "Sieć Hebba ma jeden neuron z progiem 0 i wyrazem wolnym (bias), czyli wagą wejścia "
            "zawsze równego 1. Nauczyciel ustawia wyjście na cel <i>y</i>, a każde połączenie rośnie "
            "o iloczyn swojego wejścia i wyjścia: <b>Δw = η·x·y</b>, <b>Δb = η·y</b>. Pokaż "
            "sieci wzorce po kolei (<i>krok ▶</i> albo Odtwarzaj) i patrz, jak rosną wagi.",
            "en": "The Hebb net is one neuron with a threshold at 0 and a bias, the weight of "
            "an input always equal to 1. The teacher clamps the output to the target <i>y</i> "
            "and every connection grows by the product of its input and the output: "
            "<b>Δw = η·x·y</b>, <b>Δb = η·y</b>. Show the net the patterns one by one (<i>step ▶</i> "
            "or Play) and watch the weights grow.",
        },
        "task": {"pl": "Zadanie i uczenie", "en": "Task and learning"},
        "gate": {"pl": "bramka", "en": "gate"},
        "encoding": {"pl": "kodowanie", "en": "encoding"},
        "enc_bipolar": {"pl": "bipolarne −1/+1", "en": "bipolar −1/+1"},
        "enc_binary": {"pl": "binarne 0/1", "en": "binary 0/1"},
        "enc_mixed": {"pl": "wejścia 0/1, cele ±1", "en": "inputs 0/1, targets ±1"},
        "eta": {"pl": "współczynnik uczenia η", "en": "learning rate η"},
        "epochs": {"pl": "liczba epok", "en": "epochs"},
        "animation": {"pl": "Kolejne wzorce", "en": "Pattern by pattern"},
        "status_start": {
            "pl": "Krok 0 z {total}: żaden wzorzec jeszcze nie był pokazany, "
            "<b>w = {w}</b>, <b>b = {b}</b>.",
            "en": "Step 0 of {total}: no pattern shown yet, <b>w = {w}</b>, <b>b = {b}</b>.",
        },
        "status": {
            "pl": "Krok {step} z {total} (epoka {epoch}): wzorzec x = {x}, cel y = {y}. "
            "Przyrost Δw = η·x·y = {dw}, Δb = η·y = {db}. Teraz <b>w = {w}</b>, <b>b = {b}</b>.",
            "en": "Step {step} of {total} (epoch {epoch}): pattern x = {x}, target y = {y}. "
            "Increment Δw = η·x·y = {dw}, Δb = η·y = {db}. Now <b>w = {w}</b>, <b>b = {b}</b>.",
        },
        "score": {
            "pl": "Sieć odpowiada dobrze na <b>{right} z {total}</b> wzorców.",
            "en": "The net answers <b>{right} of {total}</b> patterns right.",
        },
        "solved": {"pl": "Zadanie rozwiązane ✓", "en": "Task solved ✓"},
        "table_epoch": {
            "pl": "Epoka {epoch}: wzorce, przyrosty i wagi po każdym z nich",
            "en": "Epoch {epoch}: patterns, increments and the weights after each",
        },
        "col_bias_input": {"pl": "1", "en": "1"},
        "col_target": {"pl": "cel y", "en": "target y"},
        "col_answer": {"pl": "odp. sieci", "en": "net says"},
        "plane_title": {
            "pl": "Płaszczyzna wejść: sieć odpowiada 1 w zacienionej części",
            "en": "Input plane: the net answers 1 in the shaded part",
        },
        "plane_legend": {
            "pl": "Wypełnienie punktu: odpowiedź sieci (czerwone 1, niebieskie −1 lub 0); "
            "obwódka: cel y; kwadrat: wzorzec pokazany w tym kroku.",
            "en": "A point's fill: the net's answer (red 1, blue −1 or 0); its ring: the "
            "target y; the square: the pattern shown in this step.",
        },
        "norm_title": {
            "pl": "Długość wektora wag ||(w, b)|| w kolejnych epokach",
            "en": "Length of the weight vector ||(w, b)|| over the epochs",
        },
        "epoch_axis": {"pl": "epoka", "en": "epoch"},
        "no_line": {
            "pl": "Wszystkie wagi są zerowe: nie ma prostej decyzyjnej, odpowiedź jest stała.",
            "en": "All weights are zero: there is no decision line, the answer is constant.",
        },
        "why_binary": {
            "pl": "<b>Dlaczego 0/1 zawodzi?</b> Δw = η·x·y jest zerem, gdy <b>y = 0</b> albo "
            "<b>x = 0</b>. Tutaj {silent} z 4 wzorców {silent:@ma|mają|ma} cel 0 i "
            "{silent:@nie zmienia|nie zmieniają|nie zmienia} żadnej wagi: "
            "sieć nigdy nie dowiaduje się, kiedy <i>nie</i> odpalać.",
            "en": "<b>Why does 0/1 fail?</b> Δw = η·x·y is zero when <b>y = 0</b> or "
            "<b>x = 0</b>. Here {silent} of the 4 patterns {silent:@has|have} target 0 and change no weight "
            "at all: the net never learns when <i>not</i> to fire.",
        },
        "why_mixed": {
            "pl": "<b>Wejścia 0/1:</b> gdy x<sub>i</sub> = 0, waga w<sub>i</sub> się nie "
            "zmienia (Δw<sub>i</sub> = η·0·y = 0). Wzorzec (0, 0) uczy tylko biasu, a wagi "
            "widzą mniej przykładów niż bias.",
            "en": "<b>Inputs 0/1:</b> when x<sub>i</sub> = 0 the weight w<sub>i</sub> does "
            "not change (Δw<sub>i</sub> = η·0·y = 0). The pattern (0, 0) teaches only the "
            "bias, so the weights see fewer examples than the bias does.",
        },
        "why_fails": {
            "pl": "Po wszystkich epokach sieć myli się na {wrong} {wrong:@wzorcu|wzorcach|wzorcach}. Reguła Hebba nie "
            "patrzy na błędy, tylko wzmacnia połączenia: kolejne epoki powtórzą ten sam "
            "przyrost i niczego nie naprawią.",
            "en": "After all the epochs the net is wrong on {wrong} {wrong:@pattern|patterns}. Hebb's rule "
            "does not look at errors, it only strengthens connections: more epochs repeat "
            "the same increment and fix nothing.",
        },
        "why_cancel": {
            "pl": "Przyrosty z jednej epoki znoszą się do zera: wagi nigdy się nie zmienią.",
            "en": "The increments of one epoch cancel out to zero: the weights never change.",
        },
        "growth": {
            "pl": "<b>Wagi rosną bez końca:</b> każda epoka dodaje ten sam przyrost, więc "
            "||(w, b)|| rośnie liniowo, o {delta:.3g} na epokę. Prosta decyzyjna po każdej "
            "epoce jest ta sama, rośnie tylko skala wag.",
            "en": "<b>The weights grow without bound:</b> every epoch adds the same increment, "
            "so ||(w, b)|| grows linearly, by {delta:.3g} per epoch. The decision line after "
            "each epoch is the same one; only the scale of the weights grows.",
        },
        "bad_eta": {
            "pl": "Współczynnik uczenia η musi być liczbą większą od 0 i nie większą niż "
            "{high}, a podano {value}. Przy η ≤ 0 sieć nie uczy się wcale albo uczy się "
            "odwrotności zadania.",
            "en": "The learning rate η must be a number in (0, {high}], got {value}. With "
            "η ≤ 0 the net learns nothing or learns the opposite of the task.",
        },
        "bad_epochs": {
            "pl": "Liczba epok musi być liczbą całkowitą od 1 do {high}, a podano {value}.",
            "en": "The number of epochs must be a whole number from 1 to {high}, got {value}.",
        },
        "bad_gate": {
            "pl": "Nieznana bramka {value!r}; dostępne: {names}.",
            "en": "Unknown gate {value!r}; available: {names}.",
        },
        "bad_encoding": {
            "pl": "Nieznane kodowanie {value!r}; dostępne: {names}.",
            "en": "Unknown encoding {value!r}; available: {names}.",
        },
        # Exercises ---------------------------------------------------------------------
        "ex1_passed": {
            "pl": "✅ Dobrze! Po dwóch wzorcach w = ({w1:g}, {w2:g}), b = {b:g}.",
            "en": "✅ Correct! After two patterns w = ({w1:g}, {w2:g}), b = {b:g}.",
        },
        "ex1_failed": {
            "pl": "❌ Jeszcze nie: (w1, w2, b) = {given} to nie są wagi po dwóch wzorcach.",
            "en": "❌ Not yet: (w1, w2, b) = {given} are not the weights after two patterns.",
        },
        "ex1_unchanged": {
            "pl": "To są wagi początkowe (zera). Dodaj przyrosty η·x·y obu wzorców.",
            "en": "These are the initial weights (zeros). Add the increments η·x·y of both "
            "patterns.",
        },
        "ex1_one": {
            "pl": "To są wagi po pierwszym wzorcu. Dodaj jeszcze przyrost drugiego: "
            "x = (1, −1), y = −1.",
            "en": "These are the weights after the first pattern. Add the increment of the "
            "second one too: x = (1, −1), y = −1.",
        },
        "ex1_epoch": {
            "pl": "To są wagi po całej epoce (4 wzorcach), a pytanie dotyczy dwóch pierwszych.",
            "en": "These are the weights after the whole epoch (4 patterns); the question is "
            "about the first two.",
        },
        "ex1_component": {
            "pl": "{name} = {got:g} jest złe: policz η·{input}·y dla obu wzorców i dodaj.",
            "en": "{name} = {got:g} is wrong: compute η·{input}·y for both patterns and add them.",
        },
        "ex1_bias": {
            "pl": "Wyraz wolny (bias) to waga wejścia zawsze równego 1, więc Δb = η·1·y = η·y.",
            "en": "The bias is the weight of an input that is always 1, so Δb = η·1·y = η·y.",
        },
        "ex1_sign": {
            "pl": "Uwaga na znak: drugi wzorzec ma cel y = −1, więc odejmuje η·x.",
            "en": "Mind the sign: the second pattern has target y = −1, so it subtracts η·x.",
        },
        "ex1_bad": {
            "pl": "Podaj trzy liczby: w1, w2 i b (podano {given!r}).",
            "en": "Give three numbers: w1, w2 and b (got {given!r}).",
        },
        "ex2_learns": {
            "pl": "❌ Tu reguła Hebba daje radę: po uczeniu (epoki: {epochs}) w = {w}, b = {b} "
            "i sieć odpowiada dobrze na wszystkie 4 wzorce. Zmień kodowanie albo bramkę.",
            "en": "❌ Hebb's rule copes here: after {epochs} {epochs:@epoch|epochs} w = {w}, b = {b} and the "
            "net answers all 4 patterns right. Change the encoding or the gate.",
        },
        "ex2_fails": {
            "pl": "✅ Znalezione: {gate}, kodowanie {encoding}. Po uczeniu (epoki: {epochs}) "
            "w = {w}, b = {b} i sieć myli się na {wrong} z 4 wzorców: {patterns}.",
            "en": "✅ Found one: {gate} with {encoding} encoding. After {epochs} {epochs:@epoch|epochs} "
            "w = {w}, b = {b} and the net is wrong on {wrong} of 4 patterns: {patterns}.",
        },
        "ex2_reason_zero": {
            "pl": "Powód: {silent} {silent:@wzorzec ma|wzorce mają|wzorców ma} cel 0, więc "
            "{silent:@jego|ich|ich} przyrost η·x·y jest zerowy.",
            "en": "The reason: {silent} {silent:@pattern has|patterns have} target 0, so "
            "{silent:@its|their} increment η·x·y is zero.",
        },
        "ex2_reason_xor": {
            "pl": "Powód: XOR nie jest liniowo separowalny, więc żadna prosta (a więc żaden "
            "pojedynczy neuron, jakkolwiek uczony) go nie rozwiąże. Przy kodowaniu "
            "bipolarnym przyrosty czterech wzorców znoszą się do zera.",
            "en": "The reason: XOR is not linearly separable, so no line (so no single "
            "neuron, however trained) solves it. With bipolar encoding the increments of "
            "the four patterns cancel out to zero.",
        },
        "ex2_reason_inputs": {
            "pl": "Powód: przy wejściach 0/1 waga wᵢ nie uczy się na wzorcach, gdzie xᵢ = 0, "
            "a bias uczy się na wszystkich, więc przeważa.",
            "en": "The reason: with 0/1 inputs a weight wᵢ learns nothing from the patterns "
            "where xᵢ = 0, while the bias learns from all of them and outweighs it.",
        },
        "ex2_bad": {
            "pl": "Nie da się sprawdzić: {message}",
            "en": "Cannot check this: {message}",
        },
    },
)

GATES = ("AND", "OR", "NAND", "NOR", "XOR")
ENCODING_NAMES = ("bipolar", "binary", "mixed")
ETA_MAX = 10.0
EPOCHS_MAX = 20
DEFAULT_EPOCHS = 3
BOXES = {  # the drawn part of the input plane, per input encoding
    "bipolar": (-1.7, 1.7, -1.7, 1.7),
    "binary": (-0.6, 1.6, -0.6, 1.6),
}
STEPS_PER_SECOND = 1  # slow enough to read the table while it plays
CURRENT = "#f2b705"  # the pattern just shown
DISC = 0.04  # a pattern's disc: radius as a fraction of the plot's width

# Trace indexes of the norm figure.
NORM_LINE, NORM_EPOCHS, NORM_NOW = range(3)


def _fmt(value: float, lang: str = "en") -> str:
    """A number as the table prints it: integers without '.0', a true minus sign, and in
    Polish a decimal comma."""
    value = float(value)
    return number(round(value) if abs(value - round(value)) <= 1e-6 else value, lang)


def _vec(values, lang: str = "en") -> str:
    """A vector: "(0.5, 1)" in English; in Polish "(1, −1)", but "(0,5; 1)" once a decimal
    comma could be read as the separator."""
    texts = [_fmt(v, lang) for v in values]
    separator = "; " if any("," in text for text in texts) else ", "
    return "(" + separator.join(texts) + ")"


def _given(value, lang: str) -> str:
    """A value the student gave, as a sentence in ``lang`` quotes it: a number as the
    table prints it (with a decimal comma in Polish), anything else as Python writes it."""
    if isinstance(value, numbers.Real) and not isinstance(value, bool):
        return _fmt(value, lang) if math.isfinite(value) else str(float(value))
    return repr(value)


def check_learning_rate(value, lang: str) -> float:
    """Return η as a float or raise a :class:`~widgets.errors.StudentError` saying why."""
    try:
        eta = float(value)
    except (TypeError, ValueError):
        eta = math.nan
    if not (math.isfinite(eta) and 0 < eta <= ETA_MAX):
        raise StudentError("hebb.bad_eta", high=_fmt(ETA_MAX, lang), value=_given(value, lang))
    return eta


class HebbDashboard(Dashboard):
    """Step through Hebb's rule on a logic gate; see the module docstring."""

    def __init__(self, lang: str = "pl", epochs: int = DEFAULT_EPOCHS):
        super().__init__(lang)
        t = self._t = TEXT.for_language(lang)
        self.states_: np.ndarray | None = None  # (w1, w2, b) before and after each step
        self._patterns: tuple[np.ndarray, np.ndarray] | None = None
        self._model_encoding: str | None = None
        self._learning_rate = 1.0
        wide = {"description_width": "initial"}

        # Controls
        self._gate = ipywidgets.Dropdown(
            options=GATES, value="AND", description=t("gate"), style=wide
        )
        self._encoding = ipywidgets.ToggleButtons(
            options=[(t(f"enc_{name}"), name) for name in ENCODING_NAMES],
            value="bipolar",
            description=t("encoding"),
            style={**wide, "button_width": "150px"},
        )
        self._eta = ipywidgets.FloatText(
            1.0, description=t("eta"), style=wide, layout=ipywidgets.Layout(width="250px")
        )
        self._epochs = ipywidgets.IntSlider(
            epochs, min=1, max=EPOCHS_MAX, description=t("epochs"), style=wide
        )
        # Play/pause, step back, step, restart, a position slider and a speed slider; it
        # calls self._on_step(index) once per change of position.
        self.animation = StepAnimation(lang, on_step=self._on_step, speed=STEPS_PER_SECOND)

        # Outputs
        self._status = ipywidgets.HTML()
        self._status.add_class("dl-hebb-status")
        self._score = ipywidgets.HTML()
        self._table = ipywidgets.HTML()
        self._table.add_class("dl-hebb-table")
        self._notes = ipywidgets.HTML()
        self._notes.add_class("dl-hebb-notes")
        self.plane = decision_plane_figure("x1", "x2", BOXES["bipolar"])
        self.plane.layout.title = {"text": t("plane_title"), "font": {"size": 13}}
        self.plane.layout.height = 360
        self.norms = LightFigureWidget(
            data=[
                go.Scatter(x=[], y=[], mode="lines", line={"color": "#999999", "width": 2}),
                go.Scatter(x=[], y=[], mode="markers", marker={"size": 9, "color": LINE}),
                go.Scatter(x=[], y=[], mode="markers", marker={"size": 16, "color": CURRENT}),
            ],
            layout=base_layout(
                title={"text": t("norm_title"), "font": {"size": 13}},
                xaxis={"title": t("epoch_axis"), "rangemode": "tozero"},
                yaxis={"title": "||(w, b)||", "rangemode": "tozero"},
                width=420,
                height=300,
            ),
        )

        # Layout
        controls = ipywidgets.VBox(
            [
                ipywidgets.HTML(f"<b>{t('task')}</b>"),
                self._gate,
                self._encoding,
                self._eta,
                self._epochs,
                ipywidgets.HTML(f"<b>{t('animation')}</b>"),
                self.animation,
            ],
            layout=ipywidgets.Layout(width="500px"),
        )
        self.children = [
            ipywidgets.HTML(f"<h2>{t('title')}</h2><p style='max-width:1000px'>{t('intro')}</p>"),
            self._loading,
            self._error,
            ipywidgets.HBox(
                [controls, ipywidgets.VBox([self._status, self._score, self._table])],
                layout=ipywidgets.Layout(flex_flow="row wrap", grid_gap="16px"),
            ),
            ipywidgets.HBox(
                [
                    ipywidgets.VBox(
                        [self.plane, ipywidgets.HTML(f"<small>{t('plane_legend')}</small>")],
                        layout=ipywidgets.Layout(max_width="440px"),
                    ),
                    self.norms,
                    self._notes,
                ],
                layout=ipywidgets.Layout(flex_flow="row wrap"),
            ),
        ]
        self._notes.layout.max_width = "420px"
        self._model_controls = [
            self._gate,
            self._encoding,
            self._eta,
            self._epochs,
            *self.animation.controls,
        ]

        # Events
        self._gate.observe(self._on_task_change, names="value")
        self._encoding.observe(self._on_task_change, names="value")
        self._eta.observe(self._on_eta_change, names="value")
        self._epochs.observe(self._on_epochs_change, names="value")
        self._start_model_loading()

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
        return self._learning_rate

    @property
    def encoding(self) -> str:
        return self._encoding.value

    @property
    def patterns(self) -> tuple[np.ndarray, np.ndarray]:
        """The current task's inputs X (4, 2) and targets y (4,)."""
        from ..models.hebb import hebb_patterns

        return hebb_patterns(self._gate.value, self._encoding.value)

    @shows_errors
    def configure(
        self,
        gate: str | None = None,
        encoding: str | None = None,
        learning_rate: float | None = None,
        epochs: int | None = None,
    ) -> None:
        """Set controls from code; a bad value gets a message and changes nothing."""
        if gate is not None and gate not in GATES:
            raise StudentError("hebb.bad_gate", value=gate, names=", ".join(GATES))
        if encoding is not None and encoding not in ENCODING_NAMES:
            raise StudentError("hebb.bad_encoding", value=encoding, names=", ".join(ENCODING_NAMES))
        if learning_rate is not None:
            learning_rate = check_learning_rate(learning_rate, self.lang)
        if epochs is not None and (
            not isinstance(epochs, int | np.integer) or not 1 <= epochs <= EPOCHS_MAX
        ):
            raise StudentError("hebb.bad_epochs", high=EPOCHS_MAX, value=_given(epochs, self.lang))
        for control, value in (
            (self._gate, gate),
            (self._encoding, encoding),
            (self._eta, learning_rate),
            (self._epochs, epochs),
        ):
            if value is not None:
                control.value = value

    def go_to(self, step: int) -> None:
        """Show the state after ``step`` presentations (clamped to the available steps)."""
        self.animation.go_to(step)

    def outputs(self) -> np.ndarray:
        """The net's current answers to the four patterns, computed by the Keras model."""
        from ..models.hebb import predict_outputs

        return predict_outputs(self.model, self.patterns[0])

    def norms_per_epoch(self) -> np.ndarray:
        """``||(w, b)||`` after each whole epoch, epoch 0 (the start) included."""
        return np.linalg.norm(self.states_[::4], axis=1)

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        from ..models.hebb import build_hebb_net

        self.model = build_hebb_net(self.encoding, self.learning_rate)
        self._model_encoding = self.encoding
        self._retrain()

    def _retrain(self) -> None:
        """Run the rule through all the epochs, remember every state, show the current step."""
        from ..models.hebb import build_hebb_net, train_history

        if self.model is None:
            return
        if self._model_encoding != self.encoding:  # the 'off' answer changes: a new net
            self.model = build_hebb_net(self.encoding, self.learning_rate)
            self._model_encoding = self.encoding
        self.model.learning_rate.assign(self.learning_rate)
        self._patterns = self.patterns
        self.states_ = train_history(self.model, *self._patterns, epochs=self._epochs.value)
        total = len(self.states_) - 1
        self.animation.set_length(total, index=min(self.step, total))  # redraws

    # Events -------------------------------------------------------------------------------
    @shows_errors
    def _on_task_change(self, change) -> None:
        self.clear_error()
        self._retrain()

    @shows_errors
    def _on_eta_change(self, change) -> None:
        self._learning_rate = check_learning_rate(change["new"], self.lang)
        self.clear_error()
        self._retrain()

    @shows_errors
    def _on_epochs_change(self, change) -> None:
        self._retrain()

    @shows_errors
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
        # Figures first: the browser handles messages in order, and a step is seen there.
        self._draw_plane(k, state, X, y, outputs)
        self._draw_norms(k)
        self._draw_status(k, state, X, y)
        self._draw_score(outputs, y)
        self._draw_table(k, X, y, outputs)
        self._draw_notes(X, y)

    def _draw_status(self, k: int, state: np.ndarray, X: np.ndarray, y: np.ndarray) -> None:
        total = len(self.states_) - 1
        lang = self.lang
        w, b = _vec(state[:-1], lang), _fmt(state[-1], lang)
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
                x=_vec(X[i], lang),
                y=_fmt(y[i], lang),
                dw=_vec(eta * X[i] * y[i], lang),
                db=_fmt(eta * y[i], lang),
                w=w,
                b=b,
            )
        self._status.value = f"<div style='font-size:15px;max-width:560px'>{text}</div>"

    def _draw_score(self, outputs: np.ndarray, y: np.ndarray) -> None:
        right = int((outputs == y).sum())
        text = self._t("score", right=right, total=len(y))
        if right == len(y):
            text += f" <b style='color:#1b5e20'>{self._t('solved')}</b>"
        self._score.value = f"<div style='font-size:15px'>{text}</div>"

    def _draw_table(self, k: int, X: np.ndarray, y: np.ndarray, outputs: np.ndarray) -> None:
        n = len(X)
        epoch = max(k - 1, 0) // n  # the epoch that holds step k (0-based)
        eta, lang = self.learning_rate, self.lang
        heads = [
            "#",
            "x1",
            "x2",
            self._t("col_bias_input"),
            self._t("col_target"),
            "Δw1",
            "Δw2",
            "Δb",
            "w1",
            "w2",
            "b",
            self._t("col_answer"),
        ]
        rows = []
        for i in range(n):
            step = epoch * n + i + 1
            done = step <= k
            increments = [eta * X[i, 0] * y[i], eta * X[i, 1] * y[i], eta * y[i]]
            after = self.states_[step] if done else [None] * 3
            cells = [
                str(step),
                _fmt(X[i, 0], lang),
                _fmt(X[i, 1], lang),
                "1",
                _fmt(y[i], lang),
                *[_fmt(v, lang) if done else "" for v in increments],
                *[_fmt(v, lang) if done else "" for v in after],
            ]
            ok = outputs[i] == y[i]
            answer = (
                f"<td style='color:{'#1b5e20' if ok else '#b00020'};font-weight:bold'>"
                f"{_fmt(outputs[i], lang)} {'✓' if ok else '✗'}</td>"
            )
            style = "background:#fff3c4;" if step == k else "" if done else "color:#999;"
            rows.append(
                f"<tr style='{style}'>{''.join(f'<td>{c}</td>' for c in cells)}{answer}</tr>"
            )
        head = "".join(f"<th>{html.escape(h)}</th>" for h in heads)
        self._table.value = (
            f"<div style='font-size:14px;margin:4px 0'>"
            f"{self._t('table_epoch', epoch=epoch + 1)}</div>"
            "<table class='dl-table' style='border-collapse:collapse;font-size:15px;"
            f"text-align:center'><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}"
            "</tbody></table><style>.dl-table td,.dl-table th{padding:2px 8px;"
            "border-bottom:1px solid #ddd}</style>"
        )

    def _draw_plane(self, k, state, X, y, outputs) -> None:
        inputs = "bipolar" if self.encoding == "bipolar" else "binary"
        box = BOXES[inputs]
        fires = (outputs == 1).astype(float)
        data = plane_trace_data(X, fires, (y == 1).astype(float))
        # The answers are disc shapes (the table gives the numbers): new per-point colours
        # and labels made plotly.js recompute the plane at every step.
        data[POINTS_TRACE] = {"x": [], "y": []}
        drawing = plane_shapes(state[:-1], -state[-1], box)
        drawing += answer_discs(X, outputs == 1, DISC * (box[1] - box[0]))
        if k > 0:  # a square round the pattern just presented
            current = X[(k - 1) % len(X)]
            drawing += shapes.ring(current[0], current[1], 23, CURRENT, 4, "current", "rect")
        layout = {"xaxis.range": box[:2], "yaxis.range": box[2:]}
        update_decision_plane(self.plane, data, drawing, layout)

    def _draw_norms(self, k: int) -> None:
        norms = np.linalg.norm(self.states_, axis=1)
        epochs = np.arange(len(norms)) / 4
        with updating(self.norms):
            self.norms.data[NORM_LINE].update(x=epochs.tolist(), y=norms.tolist())
            self.norms.data[NORM_EPOCHS].update(x=epochs[::4].tolist(), y=norms[::4].tolist())
            self.norms.data[NORM_NOW].update(x=[float(epochs[k])], y=[float(norms[k])])

    def _draw_notes(self, X: np.ndarray, y: np.ndarray) -> None:
        notes = []
        final = self.states_[-1]
        if self.encoding == "binary":
            notes.append(self._t("why_binary", silent=int((y == 0).sum())))
        elif self.encoding == "mixed":
            notes.append(self._t("why_mixed"))
        if np.allclose(self.model.kernel.numpy(), 0):
            notes.append(self._t("no_line"))
        from ..models.hebb import off_value, reference_outputs

        wrong = int((reference_outputs(X, final, off_value(self.encoding)) != y).sum())
        if wrong:
            notes.append(self._t("why_fails", wrong=wrong))
        per_epoch = float(np.linalg.norm(self.states_[4] - self.states_[0]))
        if per_epoch == 0:
            notes.append(self._t("why_cancel"))
        else:
            notes.append(self._t("growth", delta=per_epoch))
        self._notes.value = "".join(
            f"<p style='font-size:14px;margin:6px 0'>{note}</p>" for note in notes
        )


# Exercises ----------------------------------------------------------------------------------


def check_first_two(w1, w2, b, lang: str = "pl") -> GateCheck:
    """Exercise 1: the weights of the bipolar AND net (η = 1) after its first two patterns."""
    from ..backend import load_keras

    load_keras()  # never import Keras while the background thread is importing it
    from ..models.hebb import hebb_patterns, hebb_reference

    t = TEXT.for_language(check_language(lang))
    given = (w1, w2, b)
    try:
        values = np.array([float(v) for v in given])
    except (TypeError, ValueError):
        return GateCheck(False, t("ex1_bad", given=given))
    X, y = hebb_patterns("AND", "bipolar")
    states = hebb_reference(X, y, 1.0, epochs=1)
    want = states[2]
    if np.allclose(values, want):
        return GateCheck(True, t("ex1_passed", w1=want[0], w2=want[1], b=want[2]))
    details = []
    if np.allclose(values, states[0]):
        details.append(t("ex1_unchanged"))
    elif np.allclose(values, states[1]):
        details.append(t("ex1_one"))
    elif np.allclose(values, states[4]):
        details.append(t("ex1_epoch"))
    else:
        for name, got, expected, symbol in zip(
            ("w1", "w2", "b"), values, want, ("x1", "x2", "1"), strict=True
        ):
            if not np.isclose(got, expected):
                details.append(t("ex1_component", name=name, got=got, input=symbol))
        if not np.isclose(values[2], want[2]):
            details.append(t("ex1_bias"))
        # The second pattern's sign flipped: the student added η·x instead of subtracting it.
        flipped = states[1] + np.append(X[1], 1.0) * 1.0
        if np.allclose(values, flipped) or np.allclose(values[:2], flipped[:2]):
            details.append(t("ex1_sign"))
    return GateCheck(False, t("ex1_failed", given=_vec(values, t.lang)), details)


def _exercise_2_problem(t, gate, encoding, epochs) -> str | None:
    """What is wrong with exercise 2's settings, in the student's language, or None."""
    if str(gate).upper() not in GATES:
        return t("bad_gate", value=gate, names=", ".join(GATES))
    if encoding not in ENCODING_NAMES:
        return t("bad_encoding", value=encoding, names=", ".join(ENCODING_NAMES))
    if not isinstance(epochs, int) or not 1 <= epochs <= EPOCHS_MAX:
        return t("bad_epochs", high=EPOCHS_MAX, value=epochs)
    return None


def check_hebb_fails(gate: str, encoding: str, epochs: int = 1, lang: str = "pl") -> GateCheck:
    """Exercise 2: train a HebbNet (Keras) on ``gate`` and pass if it does NOT learn it."""
    from ..backend import load_keras

    t = TEXT.for_language(check_language(lang))
    problem = _exercise_2_problem(t, gate, encoding, epochs)
    if problem is not None:
        return GateCheck(False, t("ex2_bad", message=problem))
    load_keras()
    from ..models.hebb import build_hebb_net, hebb_patterns, predict_outputs, train_history

    gate = str(gate).upper()
    X, y = hebb_patterns(gate, encoding)
    model = build_hebb_net(encoding)
    state = train_history(model, X, y, epochs)[-1]
    outputs = predict_outputs(model, X)
    wrong = np.flatnonzero(outputs != y)
    w, b = _vec(state[:-1], t.lang), _fmt(state[-1], t.lang)
    if wrong.size == 0:
        return GateCheck(False, t("ex2_learns", epochs=epochs, w=w, b=b))
    patterns = ", ".join(_vec(X[i], t.lang) for i in wrong)
    message = t(
        "ex2_fails",
        gate=gate,
        encoding=t(f"enc_{encoding}"),
        epochs=epochs,
        w=w,
        b=b,
        wrong=wrong.size,
        patterns=patterns,
    )
    if gate == "XOR":
        reason = t("ex2_reason_xor")
    elif (y == 0).any():
        reason = t("ex2_reason_zero", silent=int((y == 0).sum()))
    else:
        reason = t("ex2_reason_inputs")
    return GateCheck(True, message, [reason])
