"""Lesson 11 dashboards: a SimpleRNN unrolled in time, and why a plain RNN forgets.

:class:`RecurrenceDashboard` runs ``h_t = tanh(W·x_t + U·h_{t−1} + b)`` over a short
sequence (a sine, a step, a bit string or numbers the student types) with 1–3 hidden
units: the network drawn unrolled (SVG), the input and the states over time (plotly), and
a Play / step / restart that walks through time with the formula of the current step
filled in. ``dashboard.model`` is the real ``keras.layers.SimpleRNN`` model with the
sliders' weights (``set_weights`` at every move). The view computes the states with the
same recurrence in numpy (:func:`widgets.models.recurrence.unroll`), which the tests check
against the Keras model to 1e−5: a Keras call per slider move would cost the student
milliseconds for the same numbers.

:class:`GradientDashboard` plots ``‖∂h_T/∂x_t‖`` by ``tf.GradientTape`` for SimpleRNN,
GRU and LSTM against ``|U|`` and the length ``T`` (see :mod:`widgets.models.recurrence`).
"""

from __future__ import annotations

import re

import numpy as np

from ..animation import StepAnimation
from ..controls import column, dropdown, heading, html, row, slider, text_box, toggles
from ..errors import StudentError
from ..figures.live import update_traces
from ..i18n import number, numbers_list
from ..models import recurrence
from ..ui import Dashboard, Setting, reacts, shows_errors
from .code import gradient_code, keras_code
from .figures import (
    STYLE,
    current_step_shape,
    gradient_data,
    gradient_figure,
    states_data,
    states_figure,
    unrolled_svg,
)
from .texts import TEXT

SEQUENCES = ("sine", "step", "bits", "typed")
STEPS_RANGE = (2, 30)
VALUE_LIMIT = 10  # |x_t| a student may type
UNITS = (1, 2, 3)
W_RANGE, U_RANGE, B_RANGE = (-3.0, 3.0), (-2.0, 2.0), (-2.0, 2.0)
DEFAULT_TYPED = "1 0 0 0 0 0 0 0"  # a pulse: watch the state forget it
SINE_PERIOD = 8  # steps
BITS_SEED = 3
SCALE_RANGE = (0.1, 2.0)
GATE_BIAS_RANGE = (0.0, 5.0)
GRADIENT_STEPS = (5, 100)


class RnnLoopError(StudentError, ValueError):
    """A sequence or setting of lesson 11 a student gave that it cannot take."""


def make_sequence(kind: str, steps: int) -> np.ndarray:
    """The preset input sequences x_1 … x_T: a sine of period 8, a step from 0 to 1 after
    the first third, a fixed (seeded) string of bits."""
    t = np.arange(1, int(steps) + 1)
    if kind == "sine":
        return np.round(np.sin(2 * np.pi * t / SINE_PERIOD), 3)
    if kind == "step":
        return (t > max(1, steps // 3)).astype(float)
    if kind == "bits":
        return np.random.default_rng(BITS_SEED).integers(0, 2, int(steps)).astype(float)
    raise ValueError(f"unknown sequence {kind!r}; choose one of {', '.join(SEQUENCES)}")


def parse_sequence(text, lang: str = "en") -> np.ndarray:
    """Numbers typed by a student, as an array, or a :class:`RnnLoopError` saying what is
    wrong in ``lang``'s words. Spaces and semicolons separate numbers; a comma separates
    them in English and is the decimal comma in Polish ("0,5"), where a comma followed by
    a space separates too. A true minus sign or a dash works as a minus."""
    if isinstance(text, list | tuple | np.ndarray):
        text = " ".join(str(v) for v in np.ravel(np.asarray(text, dtype=object)))
    if not isinstance(text, str):
        raise RnnLoopError("rnn_loop.not_text")
    text = text.replace("−", "-").replace("–", "-").strip()
    if lang == "pl":
        tokens = re.split(r"[\s;]+", re.sub(r",(?=\s|$)", " ", text))
        tokens = [token.replace(",", ".") for token in tokens]
    else:
        tokens = re.split(r"[\s;,]+", text)
    tokens = [token for token in tokens if token]
    values = []
    for token in tokens:
        try:
            value = float(token)
        except ValueError:
            value = np.nan
        if not np.isfinite(value):  # not a number, or "nan", "inf"
            raise RnnLoopError("rnn_loop.bad_number", token=token[:20])
        if abs(value) > VALUE_LIMIT:
            raise RnnLoopError("rnn_loop.too_large", value=token[:20], limit=VALUE_LIMIT)
        values.append(value)
    low, high = STEPS_RANGE
    if len(values) < low:
        raise RnnLoopError("rnn_loop.too_few", count=len(values), low=low)
    if len(values) > high:
        raise RnnLoopError("rnn_loop.too_many", count=len(values), high=high)
    return np.array(values)


class RecurrenceDashboard(Dashboard):
    """A SimpleRNN unrolled in time, stepped through; see the module docstring."""

    def __init__(self, lang: str = "pl", sequence: str = "sine", steps: int = 8, units: int = 1):
        super().__init__(lang)
        self._t = TEXT.for_language(lang)
        self._first = {"sequence": sequence, "steps": steps, "units": units}
        for name, value, options in (("sequence", sequence, SEQUENCES), ("units", units, UNITS)):
            if value not in options:
                choices = ", ".join(map(str, options))
                raise RnnLoopError("rnn_loop.bad_choice", name=name, value=value, options=choices)
        self.x = self.h = None  # the input x_1 … x_T and the states h_1 … h_T (numpy)
        self._build()

    # Construction -------------------------------------------------------------------------
    def _build_controls(self) -> None:
        t, first = self._t, self._first
        kinds = [(t(f"seq_{kind}"), kind) for kind in SEQUENCES]
        self._sequence = dropdown(t("sequence"), kinds, first["sequence"]).add_class("dl-sequence")
        self._steps = slider(t("steps"), first["steps"], *STEPS_RANGE, 1, integer=True)
        self._steps.add_class("dl-steps")
        example = "1 0 0,5 −1" if self.lang == "pl" else "1, 0, 0.5, -1"
        self._typed = text_box(t("typed"), DEFAULT_TYPED, placeholder=example)
        self._typed.add_class("dl-typed")
        self._units = toggles(t("units"), list(UNITS), first["units"], button_width="40px")
        self._units.add_class("dl-units")
        self._w = slider(t("w"), 1.0, *W_RANGE, 0.1).add_class("dl-rnn-w")
        self._u = slider(t("u"), 0.5, *U_RANGE, 0.05).add_class("dl-rnn-u")
        self._b = slider(t("b"), 0.0, *B_RANGE, 0.1).add_class("dl-rnn-b")
        self.animation = StepAnimation(self.lang, on_step=self._on_step, speed=2)
        self._model_controls = [
            self._sequence, self._steps, self._typed, self._units, self._w, self._u, self._b,
            *self.animation.controls,
        ]  # fmt: skip

    def _build_figures(self) -> None:
        t = self._t
        self._typed_help = html(
            t("typed_help", low=STEPS_RANGE[0], high=STEPS_RANGE[1], limit=VALUE_LIMIT),
            "dl-small",
        )
        self._scaling = html("", "dl-small")
        self.unrolled = html("", "dl-unrolled")
        self._formula = html("", "dl-formula")
        self.states_plot = states_figure(t("axis_t"), t("trace_x")).add_class("dl-rnn-states")
        self._new_sequence()
        self._recompute()
        self.animation.set_length(len(self.x), index=len(self.x))

    def _lay_out(self) -> None:
        t = self._t
        controls = column(
            [
                heading(t("sequence_heading")),
                self._sequence,
                self._steps,
                self._typed,
                self._typed_help,
                heading(t("network_heading")),
                self._units,
                self._w,
                self._u,
                self._b,
                self._scaling,
            ]  # fmt: skip
        )
        view = column(
            [
                heading(t("unrolled_heading")),
                self.animation,
                self.unrolled,
                html(t("legend"), "dl-small", "dl-note"),
                self._formula,
                heading(t("states_heading")),
                self.states_plot,
            ],  # fmt: skip
            width="1000px",
        )
        self._page(t("title"), t("intro"), row([controls, view]), style=STYLE)
        self._show_active_controls()

    def _wire(self) -> None:
        for control in (self._sequence, self._steps, self._typed):
            control.observe(self._on_sequence_change, names="value")
        self._units.observe(self._on_units_change, names="value")
        for control in (self._w, self._u, self._b):
            control.observe(self._on_weight_change, names="value")

    # Public API (for notebook cells and tests) --------------------------------------------
    @property
    def units(self) -> int:
        return int(self._units.value)

    @property
    def parameters(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The maths' W (units × 1), U (units × units), b (units,) the sliders give."""
        return recurrence.scaled_parameters(
            self.units, float(self._w.value), float(self._u.value), float(self._b.value)
        )

    @property
    def index(self) -> int:
        """The step shown (0: the initial state h_0)."""
        return self.animation.index

    def keras_states(self) -> np.ndarray:
        """h_1 … h_T computed by ``dashboard.model`` (Keras), for comparison with ``.h``."""
        return recurrence.states(self.model, self.x)

    def code(self) -> str:
        """Plain Keras code for this SimpleRNN as ``model`` ("show the code")."""
        return keras_code(self.x, *self.parameters, self.lang)

    # Settings from code -------------------------------------------------------------------
    def _settings(self) -> dict[str, Setting]:
        """``configure(sequence="typed", typed="1 0 0 0", units=2, W=1.5, U=0.9, b=0)``;
        also ``steps`` (the preset sequences' length)."""
        return {
            "sequence": Setting(self._sequence),
            "steps": Setting(self._steps),
            "typed": Setting(check=self._check_typed, apply=self._apply_typed),
            "units": Setting(self._units),
            "W": Setting(self._w),
            "U": Setting(self._u),
            "b": Setting(self._b),
        }

    def _check_typed(self, text) -> str:
        values = parse_sequence(text, self.lang)
        return " ".join(number(v, self.lang) for v in values).replace("−", "-")

    def _apply_typed(self, text: str) -> None:
        self._typed.value = text
        self._sequence.value = "typed"

    def _after_configure(self, settings: dict) -> None:
        self._show_active_controls()
        self._new_sequence()
        self._refresh()

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        self.model = recurrence.simple_rnn(self.units, *self.parameters)

    def _sync_model(self) -> None:
        """The Keras model's weights follow the sliders (a new model for a new width)."""
        if self.model is None:
            return
        if self.model.output_shape[-1] != self.units:
            self.model = recurrence.simple_rnn(self.units)
        recurrence.set_parameters(self.model, *self.parameters)

    # Events -------------------------------------------------------------------------------
    @reacts
    def _on_sequence_change(self, change) -> None:
        if change["owner"] is self._typed and self._sequence.value != "typed":
            self._sequence.value = "typed"  # typing numbers means using them
            return
        self._show_active_controls()
        self._new_sequence()
        self.clear_error()
        self._refresh()

    @reacts
    def _on_units_change(self, change) -> None:
        self._show_active_controls()
        self._refresh()

    @reacts
    def _on_weight_change(self, change) -> None:
        self._recompute()
        self._draw()  # first: the figures are what the student waits for
        self._sync_model()

    @shows_errors
    def _on_step(self, index: int) -> None:
        if self.h is not None:
            self._draw()

    # Computing and drawing ----------------------------------------------------------------
    def _new_sequence(self) -> None:
        """Read the chosen sequence; a typed one that is wrong raises (the old one stays)."""
        kind = self._sequence.value
        if kind == "typed":
            self.x = parse_sequence(self._typed.value, self.lang)
        else:
            self.x = make_sequence(kind, self._steps.value)

    def _recompute(self) -> None:
        self.h = recurrence.unroll(self.x, *self.parameters)

    def _refresh(self) -> None:
        self._recompute()
        steps = len(self.x)
        self.animation.set_length(steps, index=steps)  # shows the last step (draws)
        # The Keras model after the drawing, which needs only numpy (issue 24: the sequence
        # menu answered in 1.6-2.4x the reference with the weights set first).
        self._sync_model()
        self._refresh_code()  # a typed sequence is no setting's control value

    def _show_active_controls(self) -> None:
        typed = self._sequence.value == "typed"
        self._steps.layout.display = "none" if typed else None
        for widget in (self._typed, self._typed_help):
            widget.layout.display = None if typed else "none"
        one = self.units == 1
        self._scaling.value = (
            self._t("scaling_one") if one else self._t("scaling_many", units=self.units)
        )

    def _draw(self) -> None:
        index = min(self.index, len(self.x))
        names = (
            [self._t("trace_h_one")]
            if self.units == 1
            else [self._t("trace_h", unit=i + 1) for i in range(self.units)]
        )
        # The formula and the unrolled loop first: the page draws them at once, the plot
        # (new x and y: plotly lays it out again) after them (issue 24: the steps slider
        # and the sequence menu answered in 4-5x the reference with the plot first).
        self._formula.value = self._formula_html(index)
        self.unrolled.value = unrolled_svg(self.x, self.h, index, self.lang)
        data, layout = states_data(self.x, self.h, names)
        layout["shapes"] = current_step_shape(index)
        update_traces(self.states_plot, data, layout)

    def _formula_html(self, t: int) -> str:
        """The recurrence at step ``t`` with its numbers filled in."""
        if t == 0:
            return f"<div>{self._t('start')}</div>"
        fmt = self._number
        W, U, b = self.parameters
        x_t = self.x[t - 1]
        before = self.h[t - 2] if t > 1 else np.zeros(self.units)
        z = W[:, 0] * x_t + U @ before + b
        title = f"<span class='dl-step-title'>{self._t('step_of', t=t, steps=len(self.x))}:</span>"
        general = (
            f"<i>h</i><sub>{t}</sub> = tanh(<i>W</i>·<i>x</i><sub>{t}</sub> + "
            f"<i>U</i>·<i>h</i><sub>{t - 1}</sub> + <i>b</i>)"
        )
        if self.units == 1:
            filled = (
                f"tanh({fmt(W[0, 0])}·{fmt(x_t, True)} + {fmt(U[0, 0])}·{fmt(before[0], True)}"
                f" + {fmt(b[0], True)}) = tanh({fmt(z[0])}) = <b>{fmt(self.h[t - 1, 0])}</b>"
            )
            return f"<div>{title} {general}<br>= {filled}</div>"
        vector = self._vector
        filled = (
            f"tanh({vector(z)}) = <b>{vector(self.h[t - 1])}</b> "
            f"<span class='dl-note'>{self._t('vector_note')}</span>"
        )
        return (
            f"<div>{title} {general}<br><i>x</i><sub>{t}</sub> = {fmt(x_t)}, "
            f"<i>h</i><sub>{t - 1}</sub> = {vector(before)}<br>= {filled}</div>"
        )

    def _number(self, value: float, brackets: bool = False) -> str:
        text = number(round(float(value), 2) + 0.0, self.lang, ".2f")
        return f"({text})" if brackets and text.startswith("−") else text

    def _vector(self, values) -> str:
        return "[" + numbers_list([self._number(v) for v in values], self.lang) + "]"


class GradientDashboard(Dashboard):
    """‖∂h_T/∂x_t‖ for SimpleRNN, GRU and LSTM (GradientTape), against |U| and T."""

    def __init__(
        self, lang: str = "pl", scale: float = 0.5, steps: int = 30, gate_bias: float = 1.0
    ):
        super().__init__(lang)
        self._t = TEXT.for_language(lang)
        self._first = (float(scale), int(steps), float(gate_bias))
        self.models: dict = {}
        self.norms: dict[str, np.ndarray] = {}
        self._build()

    def _build_controls(self) -> None:
        t, (scale, steps, gate_bias) = self._t, self._first
        on_release = {"continuous_update": False}  # a GradientTape run per release
        self._scale = slider(t("scale"), scale, *SCALE_RANGE, 0.05, **on_release)
        self._scale.add_class("dl-scale")
        self._steps = slider(t("g_steps"), steps, *GRADIENT_STEPS, 5, integer=True, **on_release)
        self._steps.add_class("dl-gradient-steps")
        self._gate_bias = slider(t("gate_bias"), gate_bias, *GATE_BIAS_RANGE, 0.5, **on_release)
        self._gate_bias.add_class("dl-gate-bias")
        self._model_controls = [self._scale, self._steps, self._gate_bias]

    def _build_figures(self) -> None:
        t = self._t
        names = {cell: t(f"cell_{cell}") for cell in recurrence.CELLS}
        self.plot = gradient_figure(t("axis_t"), t("g_axis_y"), names).add_class("dl-gradients")
        self._regime = html("", "dl-text")
        self._ratios = html("", "dl-body")

    def _lay_out(self) -> None:
        t = self._t
        controls = column(
            [
                self._scale,
                self._steps,
                self._gate_bias,
                html(t("g_help"), "dl-small"),
                self._regime,
                self._ratios,
            ]  # fmt: skip
        )
        self._page(t("g_title"), t("g_intro"), row([controls, self.plot]))

    def _wire(self) -> None:
        for control in (self._scale, self._steps, self._gate_bias):
            control.observe(self._on_change, names="value")

    def _settings(self) -> dict:
        """``configure(scale=1.5, steps=60, gate_bias=3.0)``."""
        return {"scale": self._scale, "steps": self._steps, "gate_bias": self._gate_bias}

    def code(self) -> str:
        """Plain Keras code for the three probes' ‖∂h_T/∂x_t‖ ("show the code")."""
        return gradient_code(
            int(self._steps.value), float(self._scale.value), float(self._gate_bias.value),
            recurrence.PROBE_UNITS, recurrence.PROBE_AMPLITUDE, self.lang,
        )  # fmt: skip

    def _build_model(self, keras) -> None:
        self.models = {cell: recurrence.gradient_probe(cell).model for cell in recurrence.CELLS}
        self.model = self.models["simple_rnn"]
        self._refresh()

    @reacts
    def _on_change(self, change) -> None:
        self._refresh()

    def _refresh(self) -> None:
        if self.model is None:
            return
        scale, steps = float(self._scale.value), int(self._steps.value)
        bias = float(self._gate_bias.value)
        self._write_regime(scale, bias)  # known before any gradient: on the page first
        self.norms = {
            cell: recurrence.gradient_norms(cell, steps, scale, gate_bias=bias)
            for cell in recurrence.CELLS
        }
        self._write_ratios()  # a table the page draws at once, then the plot
        data, layout = gradient_data(self.norms)
        update_traces(self.plot, data, layout)

    def ratio(self, cell: str) -> float:
        """‖∂h_T/∂x_1‖ / ‖∂h_T/∂x_T‖ of ``cell`` at the current settings."""
        values = self.norms[cell]
        return float(values[0] / values[-1])

    def _write_regime(self, scale: float, bias: float) -> None:
        t = self._t
        regime = "vanishing" if scale < 0.95 else "edge" if scale <= 1.05 else "exploding"
        shown = number(scale, self.lang, ".2f")
        keep = number(1 / (1 + np.exp(-bias)), self.lang, ".2f")
        self._regime.value = (
            f"{t(f'regime_{regime}', scale=shown)} "
            f"{t('regime_gates', bias=number(bias, self.lang, '.1f'), keep=keep)}"
        )

    def _write_ratios(self) -> None:
        t = self._t
        rows = "".join(
            f"<tr><td>{t(f'cell_{cell}')}</td>"
            f"<td class='dl-num'>{power_of_ten(self.ratio(cell), self.lang)}</td></tr>"
            for cell in recurrence.CELLS
        )
        self._ratios.value = f"{t('g_ratios')}<table class='dl-table'>{rows}</table>"


def power_of_ten(value: float, lang: str) -> str:
    """``value`` as ``1,7·10⁻⁹`` (HTML, a superscript exponent; Polish decimal comma)."""
    if not np.isfinite(value) or value == 0:
        return number(value, lang)
    exponent = int(np.floor(np.log10(abs(value))))
    if -2 <= exponent <= 2:
        return number(value, lang, ".3g")
    mantissa = number(value / 10.0**exponent, lang, ".1f")
    return f"{mantissa}·10<sup>{number(exponent, lang)}</sup>"
