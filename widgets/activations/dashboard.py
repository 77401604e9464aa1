"""Lesson 06 dashboard: activation functions and a single neuron.

Three parts, all computed by Keras (:mod:`widgets.models.activations`):

1. the chosen activation ``f(z)`` with its derivative ``f'(z)`` from ``tf.GradientTape``
   and the saturation regions (``|f'| < 0.05``) shaded;
2. one neuron ``Dense(1, activation=f)`` at ``dashboard.model`` whose weights and bias
   are the sliders: its output curve (1 input) or heatmap (2 inputs);
3. softmax over 3-5 logits with a temperature, as bars of probabilities.
"""

from __future__ import annotations

import numpy as np

from ..controls import column, dropdown, html, log_slider, row, slider, toggles
from ..errors import StudentError, finite_number
from ..figures.curves import (
    activation_data,
    activation_figure,
    neuron_curve_data,
    neuron_figure,
    neuron_heatmap_data,
    probability_data,
    probability_figure,
    update_traces,
)
from ..i18n import number, numbers_list
from ..models import activations as activations_model
from ..models.activation_names import ACTIVATIONS
from ..ui import Dashboard, Setting, reacts
from .code import keras_code
from .texts import TEXT

Z_RANGE = (-6.0, 6.0)
Z_POINTS = 241
WEIGHT_RANGE = (-5.0, 5.0)
X_RANGE = (-5.0, 5.0)
GRID_POINTS = 41  # per axis of the 2-input heatmap: 1681 outputs, one Keras call
ALPHA_RANGE = (0.0, 2.0)
LOGIT_RANGE = (-5.0, 5.0)
LOGITS = (2.0, 1.0, 0.1, -1.0, -2.0)  # defaults; the first 3-5 are used
N_LOGITS = (3, 5)
TEMPERATURE_EXPONENTS = (-1.0, 1.0)  # T from 0.1 to 10
TEMPERATURE_RANGE = tuple(10**e for e in TEMPERATURE_EXPONENTS)
WITH_ALPHA = ("leaky_relu", "elu")


class ActivationsError(StudentError, ValueError):
    """A setting of the dashboard a student gave that it cannot take (a ValueError too)."""


class ActivationsDashboard(Dashboard):
    """Activation curves with GradientTape derivatives, a Keras neuron and softmax."""

    def __init__(self, lang: str = "pl", activation: str = "sigmoid"):
        super().__init__(lang)
        self._t = TEXT.for_language(lang)
        self._check_activation(activation)
        self._first_activation = activation
        self._build()

    # Construction -------------------------------------------------------------------------
    def _build_controls(self) -> None:
        t, activation = self._t, self._first_activation
        options = [(t(f"name_{name}"), name) for name in ACTIVATIONS]
        self._activation = dropdown(t("activation"), options, activation).add_class("dl-activation")
        self._alpha = slider(t("alpha"), 0.2, *ALPHA_RANGE, 0.05).add_class("dl-alpha")
        self._inputs = toggles(t("inputs"), [1, 2], 1, button_width="40px")
        self._weights = [
            slider(f"w{i + 1}", w, *WEIGHT_RANGE, 0.1).add_class(f"dl-weight-w{i + 1}")
            for i, w in enumerate((1.0, -1.0))
        ]
        self._bias = slider(t("bias"), 0.0, *WEIGHT_RANGE, 0.1).add_class("dl-bias")
        self._n_logits = slider(t("n_logits"), N_LOGITS[0], *N_LOGITS, 1, integer=True)
        self._logits = [
            slider(f"z{i + 1}", z, *LOGIT_RANGE, 0.1).add_class(f"dl-logit-{i + 1}")
            for i, z in enumerate(LOGITS)
        ]
        self._temperature = log_slider(
            t("temperature"), 1.0, *TEMPERATURE_EXPONENTS, step=0.05, readout_format=".2f"
        ).add_class("dl-temperature")
        self._model_controls = [
            self._activation,
            self._alpha,
            self._inputs,
            *self._weights,
            self._bias,
            self._n_logits,
            *self._logits,
            self._temperature,
        ]

    def _build_figures(self) -> None:
        t = self._t
        self._about = html("", "dl-about")
        self._saturation = html()
        self._neuron_value = html()
        self._softmax_text = html("", "dl-softmax-sum")
        self.curve = activation_figure(t("f"), t("df"), t("band"))
        self.neuron = neuron_figure().add_class("dl-neuron-figure")  # for tests, benchmark
        self.bars = probability_figure(t("probability"))

    def _lay_out(self) -> None:
        t = self._t
        function = [self._activation, self._alpha, self._about, self._saturation]
        neuron = [html(t("neuron_help")), self._inputs, *self._weights, self._bias]
        softmax = [html(t("softmax_help")), self._n_logits, *self._logits, self._temperature]
        self._page(
            t("title"),
            t("intro"),
            html(f"<h3>{t('part_function')}</h3>"),
            row([column(function), self.curve]),
            html(f"<h3>{t('part_neuron')}</h3>"),
            row([column([*neuron, self._neuron_value]), self.neuron]),
            html(f"<h3>{t('part_softmax')}</h3>"),
            row([column([*softmax, self._softmax_text]), self.bars]),
        )
        self._show_active_controls()

    def _wire(self) -> None:
        for control in (self._activation, self._alpha):
            control.observe(self._on_activation_change, names="value")
        self._inputs.observe(self._on_inputs_change, names="value")
        for control in (*self._weights, self._bias):
            control.observe(self._on_neuron_change, names="value")
        for control in (self._n_logits, *self._logits, self._temperature):
            control.observe(self._on_softmax_change, names="value")

    @staticmethod
    def _activation_names() -> tuple[str, ...]:
        return ACTIVATIONS

    # Public API (for notebook cells and tests) --------------------------------------------
    @property
    def activation(self) -> str:
        return self._activation.value

    @property
    def alpha(self) -> float | None:
        """α of leaky ReLU / ELU, None for the other activations."""
        return float(self._alpha.value) if self.activation in WITH_ALPHA else None

    @property
    def n_inputs(self) -> int:
        return int(self._inputs.value)

    @property
    def parameters(self) -> tuple[list[float], float]:
        """The neuron's weights (one per input) and bias, as on the sliders."""
        return [float(s.value) for s in self._weights[: self.n_inputs]], float(self._bias.value)

    @property
    def logits(self) -> list[float]:
        return [float(s.value) for s in self._logits[: self._n_logits.value]]

    @property
    def temperature(self) -> float:
        return float(self._temperature.value)

    def set_logits(self, logits, temperature: float | None = None) -> None:
        """Set 3-5 logits (and the temperature) from code, as ``configure`` does."""
        if temperature is None:
            self.configure(logits=logits)
        else:
            self.configure(logits=logits, temperature=temperature)

    def code(self) -> str:
        """Plain Keras code for the activation, the neuron (``model``) and the softmax."""
        weights, bias = self.parameters
        return keras_code(
            self.activation,
            self.alpha,
            weights,
            bias,
            self.logits,
            self.temperature,
            Z_RANGE,
            Z_POINTS,
            self.lang,
        )

    def probabilities(self) -> np.ndarray:
        """Softmax of the current logits at the current temperature, by Keras."""
        return activations_model.softmax(self.logits, self.temperature)

    # Settings from code -------------------------------------------------------------------
    def _settings(self) -> dict[str, Setting]:
        """``configure(activation="tanh", weights=[2.0], bias=-1.0)``; also ``alpha``, and the
        softmax's ``logits`` (3 to 5) and ``temperature`` that :meth:`set_logits` sets."""
        return {
            "activation": Setting(self._activation, check=self._check_activation),
            "alpha": Setting(self._alpha, check=self._check_alpha),
            "weights": Setting(check=self._check_weights, apply=self._apply_weights),
            "bias": Setting(self._bias, check=self._check_bias),
            "logits": Setting(check=self._check_logits, apply=self._apply_logits),
            "temperature": Setting(self._temperature, check=self._check_temperature),
        }

    def _check_activation(self, name) -> str:
        if name not in ACTIVATIONS:
            raise ActivationsError(
                "activations.bad_activation", name=name, names=", ".join(ACTIVATIONS)
            )
        return name

    def _check_alpha(self, alpha) -> float:
        if problem := self._out_of_range(alpha, ALPHA_RANGE):
            raise ActivationsError("activations.bad_alpha", **problem)
        return float(alpha)

    def _check_weights(self, weights) -> list[float]:
        weights = list(np.ravel(np.asarray(weights, dtype=object)))
        if len(weights) not in (1, 2):
            raise ActivationsError("activations.bad_weights", count=len(weights))
        for i, w in enumerate(weights):
            if problem := self._out_of_range(w, WEIGHT_RANGE):
                raise ActivationsError("activations.bad_weight", name=f"w{i + 1}", **problem)
        return [float(w) for w in weights]

    def _check_bias(self, bias) -> float:
        if problem := self._out_of_range(bias, WEIGHT_RANGE):
            raise ActivationsError("activations.bad_bias", **problem)
        return float(bias)

    def _check_logits(self, logits) -> list[float]:
        values = list(np.ravel(np.asarray(logits, dtype=object)))
        low, high = N_LOGITS
        if not low <= len(values) <= high or any(
            self._out_of_range(v, LOGIT_RANGE) for v in values
        ):
            raise ActivationsError(
                "activations.bad_logits",
                low=low,
                high=high,
                vmin=number(LOGIT_RANGE[0], self.lang),
                vmax=number(LOGIT_RANGE[1], self.lang),
                count=len(values),
            )
        return [float(v) for v in values]

    def _check_temperature(self, temperature) -> float:
        if problem := self._out_of_range(temperature, TEMPERATURE_RANGE):
            raise ActivationsError("activations.bad_temperature", **problem)
        return float(temperature)

    def _out_of_range(self, value, bounds) -> dict[str, str] | None:
        """None if ``value`` is a number within ``bounds``, else the values of the sentence
        that says so (bounds and value as the page's language writes numbers)."""
        low, high = bounds
        if finite_number(value) and low <= float(value) <= high:
            return None
        return {
            "low": number(low, self.lang),
            "high": number(high, self.lang),
            "value": number(value, self.lang),
        }

    def _apply_weights(self, weights: list[float]) -> None:
        self._inputs.value = len(weights)
        for control, w in zip(self._weights, weights, strict=False):
            control.value = w

    def _apply_logits(self, logits: list[float]) -> None:
        self._n_logits.value = len(logits)
        for control, z in zip(self._logits, logits, strict=False):
            control.value = z

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        # A neuron per number of inputs (a Dense kernel's shape is fixed), both built and
        # called here, before the page is ready: a Keras build at the click on "inputs"
        # came before its first visible answer (0.1-0.15 s traced, issue 24).
        self._neurons = {}
        for n in (1, 2):
            neuron = activations_model.build_neuron(n, self.activation, self.alpha)
            activations_model.neuron_output(neuron, np.zeros((1, n)))
            self._neurons[n] = neuron
        self.model = self._neurons[self.n_inputs]
        self._refresh()

    def _fit_neuron_to_inputs(self) -> None:
        """The neuron of the current number of inputs."""
        if self.model is not None:
            self.model = self._neurons[self.n_inputs]

    # Events -------------------------------------------------------------------------------
    @reacts
    def _on_activation_change(self, change) -> None:
        self._show_active_controls()
        self._draw_activation()
        self._draw_neuron()

    @reacts
    def _on_inputs_change(self, change) -> None:
        self._show_active_controls()
        self._fit_neuron_to_inputs()
        self._draw_neuron()

    @reacts
    def _on_neuron_change(self, change) -> None:
        self._draw_neuron()

    @reacts
    def _on_softmax_change(self, change) -> None:
        self._show_active_controls()
        self._draw_softmax()

    # Drawing ------------------------------------------------------------------------------
    def _refresh(self) -> None:
        self._show_active_controls()
        self._fit_neuron_to_inputs()
        self._draw_activation()
        self._draw_neuron()
        self._draw_softmax()

    def _show_active_controls(self) -> None:
        self._alpha.layout.display = None if self.activation in WITH_ALPHA else "none"
        self._weights[1].layout.display = None if self.n_inputs == 2 else "none"
        for i, control in enumerate(self._logits):
            control.layout.display = None if i < self._n_logits.value else "none"
        self._about.value = f"<div class='dl-text'>{self._t(f'about_{self.activation}')}</div>"

    def _draw_activation(self) -> None:
        if self.model is None:
            return
        z = np.linspace(*Z_RANGE, Z_POINTS)
        f, df = activations_model.values_and_derivative(self.activation, z, self.alpha)
        bands = activations_model.saturation_intervals(z, df)
        data, layout = activation_data(z, f, df, bands)
        layout["title"] = {"text": self._t(f"name_{self.activation}"), "font": {"size": 14}}
        update_traces(self.curve, data, layout)
        if not bands:
            note = self._t("saturation_none")
        elif bands == [(z[0], z[-1])]:
            note = self._t("saturation_all")
        else:
            note = self._t("saturation_some")
        self._saturation.value = f"<div class='dl-body'>{note}</div>"

    def _draw_neuron(self) -> None:
        if self.model is None:
            return
        weights, bias = self.parameters
        activations_model.set_neuron(self.model, weights, bias, self.activation, self.alpha)
        # The value at x = (1, ..., 1): a concrete number to read out loud. Written before
        # the figure is computed and sent: a switch to 2 inputs redraws the whole figure
        # as a heatmap (0.15 s of the page's time here, traced), and the page handles the
        # messages in order, so the readout answers at once (issue 24).
        ones = np.ones((1, self.n_inputs))
        z = float(np.dot(weights, ones[0]) + bias)
        out = float(activations_model.neuron_output(self.model, ones)[0])
        point = "1" if self.n_inputs == 1 else "(1, 1)"
        self._neuron_value.value = (
            f"<div class='dl-text'>x = {point}: {self._t('neuron_formula', z=z, y=out)}</div>"
        )
        if self.n_inputs == 1:
            x = np.linspace(*X_RANGE, 161)
            y = activations_model.neuron_output(self.model, x[:, None])
            data, layout = neuron_curve_data(x, y, "y")
            title = self._t("neuron_title_1")
        else:
            axis = np.linspace(*X_RANGE, GRID_POINTS)
            x1, x2 = np.meshgrid(axis, axis)  # rows follow x2, columns x1 (as a heatmap)
            y = activations_model.neuron_output(
                self.model, np.column_stack([x1.ravel(), x2.ravel()])
            )
            data, layout = neuron_heatmap_data(axis, y.reshape(x1.shape))
            title = self._t("neuron_title_2")
        layout["title"] = {"text": title, "font": {"size": 14}}
        update_traces(self.neuron, data, layout)

    def _draw_softmax(self) -> None:
        if self.model is None:
            return
        p = self.probabilities()
        labels = [self._t("class", i=i + 1) for i in range(len(p))]
        # The numbers before the bars, which plotly.js redraws whole (new heights, colours
        # and labels: 10-90 ms of the page's time, traced; issue 24); the page handles the
        # messages in order, so the readout answers at once and the bars follow.
        self._softmax_text.value = softmax_html(self._t, labels, p, self.lang)
        update_traces(self.bars, probability_data(labels, p, lang=self.lang))


def softmax_html(t, labels: list[str], p: np.ndarray, lang: str) -> str:
    """The probabilities as numbers (as the language lists them: Polish writes 0,25), their
    sum and the most likely class."""
    values = numbers_list([number(float(v), lang, ".3f") for v in p], lang)
    top = labels[int(np.argmax(p))]
    return f"<div class='dl-text'>{t('softmax_sum', values=values, total=float(p.sum()), top=top)}</div>"
