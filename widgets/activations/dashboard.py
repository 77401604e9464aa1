"""Lesson 06 dashboard: activation functions and a single neuron.

Three parts, all computed by Keras (:mod:`widgets.models.activations`):

1. the chosen activation ``f(z)`` with its derivative ``f'(z)`` from ``tf.GradientTape``
   and the saturation regions (``|f'| < 0.05``) shaded;
2. one neuron ``Dense(1, activation=f)`` at ``dashboard.model`` whose weights and bias
   are the sliders: its output curve (1 input) or heatmap (2 inputs);
3. softmax over 3-5 logits with a temperature, as bars of probabilities.
"""

from __future__ import annotations

import ipywidgets
import numpy as np

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
from ..i18n import number
from ..models.activation_names import ACTIVATIONS
from ..ui import Dashboard, shows_errors
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


def _slider(value, low, high, step, description, css=None, width="340px"):
    slider = ipywidgets.FloatSlider(
        value,
        min=low,
        max=high,
        step=step,
        description=description,
        readout_format=".2f",
        continuous_update=True,
        layout=ipywidgets.Layout(width=width),
        style={"description_width": "70px"},
    )
    if css:
        slider.add_class(css)
    return slider


class ActivationsError(StudentError, ValueError):
    """A setting of the dashboard a student gave that it cannot take (a ValueError too)."""


class ActivationsDashboard(Dashboard):
    """Activation curves with GradientTape derivatives, a Keras neuron and softmax."""

    def __init__(self, lang: str = "pl", activation: str = "sigmoid"):
        super().__init__(lang)
        t = self._t = TEXT.for_language(lang)
        names = self._activation_names()
        if activation not in names:
            raise ActivationsError(
                "activations.bad_activation", name=activation, names=", ".join(names)
            )

        # Controls
        self._activation = ipywidgets.Dropdown(
            options=[(t(f"name_{n}"), n) for n in names],
            value=activation,
            description=t("activation"),
            style={"description_width": "initial"},
            layout=ipywidgets.Layout(width="330px"),
        )
        self._activation.add_class("dl-activation")
        self._alpha = _slider(0.2, *ALPHA_RANGE, 0.05, t("alpha"), "dl-alpha")
        self._inputs = ipywidgets.ToggleButtons(
            options=[1, 2],
            value=1,
            description=t("inputs"),
            style={"button_width": "40px", "description_width": "initial"},
        )
        self._weights = [
            _slider(w, *WEIGHT_RANGE, 0.1, f"w{i + 1}", f"dl-weight-w{i + 1}")
            for i, w in enumerate((1.0, -1.0))
        ]
        self._bias = _slider(0.0, *WEIGHT_RANGE, 0.1, t("bias"), "dl-bias")
        self._n_logits = ipywidgets.IntSlider(
            3,
            min=N_LOGITS[0],
            max=N_LOGITS[1],
            description=t("n_logits"),
            style={"description_width": "70px"},
            layout=ipywidgets.Layout(width="340px"),
        )
        self._logits = [
            _slider(v, *LOGIT_RANGE, 0.1, f"z{i + 1}", f"dl-logit-{i + 1}")
            for i, v in enumerate(LOGITS)
        ]
        self._temperature = ipywidgets.FloatLogSlider(
            1.0,
            base=10,
            min=TEMPERATURE_EXPONENTS[0],
            max=TEMPERATURE_EXPONENTS[1],
            step=0.05,
            description=t("temperature"),
            readout_format=".2f",
            style={"description_width": "70px"},
            layout=ipywidgets.Layout(width="340px"),
        )
        self._temperature.add_class("dl-temperature")

        # Outputs
        self._about = ipywidgets.HTML()
        self._about.add_class("dl-about")
        self._saturation = ipywidgets.HTML()
        self._neuron_value = ipywidgets.HTML()
        self._softmax_text = ipywidgets.HTML()
        self._softmax_text.add_class("dl-softmax-sum")
        self.curve = activation_figure(t("f"), t("df"), t("band"))
        self.neuron = neuron_figure()
        self.neuron.add_class("dl-neuron-figure")  # found by tests and the benchmark
        self.bars = probability_figure(t("probability"))

        # Layout
        def column(*children):
            return ipywidgets.VBox(list(children), layout=ipywidgets.Layout(width="360px"))

        def row(*children):
            return ipywidgets.HBox(list(children), layout=ipywidgets.Layout(flex_flow="row wrap"))

        self.children = [
            ipywidgets.HTML(f"<h2>{t('title')}</h2><p>{t('intro')}</p>"),
            self._loading,
            self._error,
            ipywidgets.HTML(f"<h3>{t('part_function')}</h3>"),
            row(column(self._activation, self._alpha, self._about, self._saturation), self.curve),
            ipywidgets.HTML(f"<h3>{t('part_neuron')}</h3>"),
            row(
                column(
                    ipywidgets.HTML(t("neuron_help")),
                    self._inputs,
                    *self._weights,
                    self._bias,
                    self._neuron_value,
                ),
                self.neuron,
            ),
            ipywidgets.HTML(f"<h3>{t('part_softmax')}</h3>"),
            row(
                column(
                    ipywidgets.HTML(t("softmax_help")),
                    self._n_logits,
                    *self._logits,
                    self._temperature,
                    self._softmax_text,
                ),
                self.bars,
            ),
        ]
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
        self._show_active_controls()

        # Events
        self._activation.observe(self._on_activation_change, names="value")
        self._alpha.observe(self._on_activation_change, names="value")
        self._inputs.observe(self._on_inputs_change, names="value")
        for slider in (*self._weights, self._bias):
            slider.observe(self._on_neuron_change, names="value")
        for control in (self._n_logits, *self._logits, self._temperature):
            control.observe(self._on_softmax_change, names="value")
        self._start_model_loading()

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
        return float(self._alpha.value) if self.activation in ("leaky_relu", "elu") else None

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

    @shows_errors
    def configure(
        self,
        activation: str | None = None,
        weights=None,
        bias: float | None = None,
        alpha: float | None = None,
    ) -> None:
        """Set controls from code; a bad value gets a message instead of a traceback."""
        names = self._activation_names()
        if activation is not None and activation not in names:
            raise ActivationsError(
                "activations.bad_activation", name=activation, names=", ".join(names)
            )
        if alpha is not None:
            if problem := self._out_of_range(alpha, ALPHA_RANGE):
                raise ActivationsError("activations.bad_alpha", **problem)
        if weights is not None:
            weights = list(np.ravel(np.asarray(weights, dtype=object)))
            if len(weights) not in (1, 2):
                raise ActivationsError("activations.bad_weights", count=len(weights))
            for i, w in enumerate(weights):
                if problem := self._out_of_range(w, WEIGHT_RANGE):
                    raise ActivationsError("activations.bad_weight", name=f"w{i + 1}", **problem)
            weights = [float(w) for w in weights]
        if bias is not None:
            if problem := self._out_of_range(bias, WEIGHT_RANGE):
                raise ActivationsError("activations.bad_bias", **problem)
        self.clear_error()
        if activation is not None:
            self._activation.value = activation
        if alpha is not None:
            self._alpha.value = float(alpha)
        if weights is not None:
            self._inputs.value = len(weights)
            for slider, w in zip(self._weights, weights, strict=False):
                slider.value = w
        if bias is not None:
            self._bias.value = float(bias)

    @shows_errors
    def set_logits(self, logits, temperature: float | None = None) -> None:
        """Set 3-5 logits (and the temperature) from code."""
        values = list(np.ravel(np.asarray(logits, dtype=object)))
        if not (N_LOGITS[0] <= len(values) <= N_LOGITS[1]) or not all(
            finite_number(v) and LOGIT_RANGE[0] <= float(v) <= LOGIT_RANGE[1] for v in values
        ):
            raise ActivationsError(
                "activations.bad_logits",
                low=N_LOGITS[0],
                high=N_LOGITS[1],
                vmin=number(LOGIT_RANGE[0], self.lang),
                vmax=number(LOGIT_RANGE[1], self.lang),
                count=len(values),
            )
        values = [float(v) for v in values]
        if temperature is not None:
            bounds = tuple(10**e for e in TEMPERATURE_EXPONENTS)
            if problem := self._out_of_range(temperature, bounds):
                raise ActivationsError("activations.bad_temperature", **problem)
        self.clear_error()
        with self.hold_trait_notifications():
            self._n_logits.value = len(values)
            for slider, v in zip(self._logits, values, strict=False):
                slider.value = v
            if temperature is not None:
                self._temperature.value = float(temperature)
        self._draw_softmax()

    def probabilities(self) -> np.ndarray:
        """Softmax of the current logits at the current temperature, by Keras."""
        from ..models.activations import softmax

        return softmax(self.logits, self.temperature)

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

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        from ..models.activations import build_neuron

        self.model = build_neuron(self.n_inputs, self.activation, self.alpha)
        self._draw_activation()
        self._draw_neuron()
        self._draw_softmax()

    # Events -------------------------------------------------------------------------------
    @shows_errors
    def _on_activation_change(self, change) -> None:
        self._show_active_controls()
        self._draw_activation()
        self._draw_neuron()

    @shows_errors
    def _on_inputs_change(self, change) -> None:
        self._show_active_controls()
        if self.model is not None:
            from ..models.activations import build_neuron

            self.model = build_neuron(self.n_inputs, self.activation, self.alpha)
        self._draw_neuron()

    @shows_errors
    def _on_neuron_change(self, change) -> None:
        self._draw_neuron()

    @shows_errors
    def _on_softmax_change(self, change) -> None:
        self._show_active_controls()
        self._draw_softmax()

    # Drawing ------------------------------------------------------------------------------
    def _show_active_controls(self) -> None:
        self._alpha.layout.display = None if self.activation in ("leaky_relu", "elu") else "none"
        self._weights[1].layout.display = None if self.n_inputs == 2 else "none"
        for i, slider in enumerate(self._logits):
            slider.layout.display = None if i < self._n_logits.value else "none"
        self._about.value = (
            f"<div style='font-size:15px;margin:4px 0'>{self._t(f'about_{self.activation}')}</div>"
        )

    def _draw_activation(self) -> None:
        if self.model is None:
            return
        from ..models.activations import saturation_intervals, values_and_derivative

        z = np.linspace(*Z_RANGE, Z_POINTS)
        f, df = values_and_derivative(self.activation, z, self.alpha)
        bands = saturation_intervals(z, df)
        data, layout = activation_data(z, f, df, bands)
        layout["title"] = {"text": self._t(f"name_{self.activation}"), "font": {"size": 14}}
        update_traces(self.curve, data, layout)
        if not bands:
            note = self._t("saturation_none")
        elif bands == [(z[0], z[-1])]:
            note = self._t("saturation_all")
        else:
            note = self._t("saturation_some")
        self._saturation.value = f"<div style='font-size:14px'>{note}</div>"

    def _draw_neuron(self) -> None:
        if self.model is None:
            return
        from ..models.activations import neuron_output, set_neuron

        weights, bias = self.parameters
        set_neuron(self.model, weights, bias, self.activation, self.alpha)
        if self.n_inputs == 1:
            x = np.linspace(*X_RANGE, 161)
            y = neuron_output(self.model, x[:, None])
            data, layout = neuron_curve_data(x, y, "y")
            title = self._t("neuron_title_1")
        else:
            axis = np.linspace(*X_RANGE, GRID_POINTS)
            x1, x2 = np.meshgrid(axis, axis)  # rows follow x2, columns x1 (as a heatmap)
            y = neuron_output(self.model, np.column_stack([x1.ravel(), x2.ravel()]))
            data, layout = neuron_heatmap_data(axis, y.reshape(x1.shape))
            title = self._t("neuron_title_2")
        layout["title"] = {"text": title, "font": {"size": 14}}
        update_traces(self.neuron, data, layout)
        # The value at x = (1, ..., 1): a concrete number to read out loud.
        ones = np.ones((1, self.n_inputs))
        z = float(np.dot(weights, ones[0]) + bias)
        out = float(neuron_output(self.model, ones)[0])
        point = "1" if self.n_inputs == 1 else "(1, 1)"
        self._neuron_value.value = (
            f"<div style='font-size:15px'>x = {point}: "
            f"{self._t('neuron_formula', z=f'{z:.2f}', y=f'{out:.3f}')}</div>"
        )

    def _draw_softmax(self) -> None:
        if self.model is None:
            return
        p = self.probabilities()
        labels = [self._t("class", i=i + 1) for i in range(len(p))]
        update_traces(self.bars, probability_data(labels, p))
        self._softmax_text.value = (
            f"<div style='font-size:15px'>"
            f"{self._t('softmax_sum', total=float(p.sum()), top=labels[int(np.argmax(p))])}</div>"
        )
