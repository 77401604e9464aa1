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

from .errors import StudentError, finite_number
from .exercises import GateCheck
from .figures.curves import (
    activation_data,
    activation_figure,
    neuron_curve_data,
    neuron_figure,
    neuron_heatmap_data,
    probability_data,
    probability_figure,
    update_traces,
)
from .i18n import Strings, check_language, number
from .models.activation_names import ACTIVATIONS
from .ui import Dashboard, shows_errors

TEXT = Strings(
    "activations",
    {
        "title": {
            "pl": "Funkcje aktywacji i pojedynczy neuron",
            "en": "Activation functions and a single neuron",
        },
        "intro": {
            "pl": "Neuron liczy sumę ważoną <i>z = w·x + b</i>, a potem <b>funkcję aktywacji</b> "
            "<i>f(z)</i>. Od kształtu <i>f</i> zależy, co neuron potrafi i jak szybko się "
            "uczy: spadek gradientu zmienia wagi proporcjonalnie do pochodnej <i>f′(z)</i>.",
            "en": "A neuron computes the weighted sum <i>z = w·x + b</i> and then an "
            "<b>activation function</b> <i>f(z)</i>. Its shape decides what the neuron can "
            "do and how fast it learns: gradient descent moves the weights in proportion to "
            "the derivative <i>f′(z)</i>.",
        },
        "part_function": {
            "pl": "1. Funkcja i jej pochodna",
            "en": "1. The function and its derivative",
        },
        "part_neuron": {"pl": "2. Pojedynczy neuron", "en": "2. A single neuron"},
        "part_softmax": {
            "pl": "3. Softmax: wektor prawdopodobieństw",
            "en": "3. Softmax: a vector of probabilities",
        },
        "activation": {"pl": "funkcja aktywacji", "en": "activation"},
        "alpha": {"pl": "parametr α", "en": "parameter α"},
        "f": {"pl": "f(z)", "en": "f(z)"},
        "df": {"pl": "pochodna f′(z) (GradientTape)", "en": "derivative f′(z) (GradientTape)"},
        "band": {"pl": "nasycenie: |f′| < 0,05", "en": "saturation: |f′| < 0.05"},
        "saturation_none": {
            "pl": "Brak nasycenia w tym zakresie: gradient nigdzie nie zanika.",
            "en": "No saturation in this range: the gradient never vanishes.",
        },
        "saturation_all": {
            "pl": "Pochodna jest równa 0 prawie wszędzie: spadek gradientu nie ma czego "
            "użyć (dlatego perceptron ma własną regułę uczenia).",
            "en": "The derivative is 0 almost everywhere: gradient descent has nothing to "
            "work with (which is why the perceptron has its own learning rule).",
        },
        "saturation_some": {
            "pl": "Pomarańczowe pasy: <b>nasycenie</b>, gdzie |f′(z)| &lt; 0,05. Neuron, "
            "którego z wpada w pas, prawie się nie uczy.",
            "en": "Orange bands: <b>saturation</b>, where |f′(z)| &lt; 0.05. A neuron whose "
            "z falls there barely learns.",
        },
        "inputs": {"pl": "liczba wejść", "en": "inputs"},
        "bias": {"pl": "bias b", "en": "bias b"},
        "neuron_help": {
            "pl": "Neuron to <code>Dense(1, activation=f)</code> w Kerasie; suwaki to jego wagi "
            "i bias. Duża waga daje ostre przejście, bias przesuwa próg.",
            "en": "The neuron is <code>Dense(1, activation=f)</code> in Keras; the sliders are "
            "its weights and bias. A large weight makes the transition sharp, the bias "
            "shifts the threshold.",
        },
        "neuron_formula": {
            "pl": "y = f({z}) = {y}",
            "en": "y = f({z}) = {y}",
        },
        "neuron_title_1": {"pl": "Wyjście neuronu y(x)", "en": "The neuron's output y(x)"},
        "neuron_title_2": {
            "pl": "Wyjście neuronu y(x1, x2) (kolor)",
            "en": "The neuron's output y(x1, x2) (colour)",
        },
        "n_logits": {"pl": "liczba klas", "en": "classes"},
        "temperature": {"pl": "temperatura T", "en": "temperature T"},
        "softmax_help": {
            "pl": "Warstwa wyjściowa klasyfikatora zamienia <b>logity</b> z₁…zₖ na "
            "<b>wektor prawdopodobieństw przynależności</b> do klas: pᵢ = e^(zᵢ/T) / Σⱼ "
            "e^(zⱼ/T). Wysoka temperatura wyrównuje, niska wyostrza.",
            "en": "A classifier's output layer turns <b>logits</b> z₁…zₖ into a <b>vector of "
            "class probabilities</b>: pᵢ = e^(zᵢ/T) / Σⱼ e^(zⱼ/T). A high temperature "
            "flattens it, a low one sharpens it.",
        },
        "probability": {"pl": "prawdopodobieństwo", "en": "probability"},
        "class": {"pl": "klasa {i}", "en": "class {i}"},
        "softmax_sum": {
            "pl": "Suma prawdopodobieństw: {total:.4f}; najbardziej prawdopodobna: {top}.",
            "en": "Sum of the probabilities: {total:.4f}; most likely: {top}.",
        },
        "bad_activation": {
            "pl": "Nieznana funkcja aktywacji {name!r}; dostępne: {names}.",
            "en": "Unknown activation {name!r}; available: {names}.",
        },
        "bad_weight": {
            "pl": "Waga {name} musi być liczbą od {low} do {high}, a podano {value}.",
            "en": "The weight {name} must be a number from {low} to {high}, not {value}.",
        },
        "bad_bias": {
            "pl": "Wyraz wolny (bias) b musi być liczbą od {low} do {high}, a podano {value}.",
            "en": "The bias b must be a number from {low} to {high}, not {value}.",
        },
        "bad_alpha": {
            "pl": "Parametr α musi być liczbą od {low} do {high}, a podano {value}.",
            "en": "The parameter α must be a number from {low} to {high}, not {value}.",
        },
        "bad_temperature": {
            "pl": "Temperatura T musi być liczbą od {low} do {high}, a podano {value}.",
            "en": "The temperature T must be a number from {low} to {high}, not {value}.",
        },
        "bad_weights": {
            "pl": "Neuron ma jedno albo dwa wejścia, więc podaj jedną albo dwie wagi "
            "(liczba podanych wag: {count}).",
            "en": "The neuron has one or two inputs, so give one or two weights "
            "(weights given: {count}).",
        },
        "bad_logits": {
            "pl": "Podaj od {low} do {high} logitów, każdy od {vmin} do {vmax} "
            "(liczba podanych logitów: {count}).",
            "en": "Give {low} to {high} logits, each from {vmin} to {vmax} "
            "(logits given: {count}).",
        },
        "check_passed": {
            "pl": "✅ Dobrze! Twoja funkcja zgadza się z {reference} w {n} "
            "{n:@punkcie|punktach|punktach}.",
            "en": "✅ Correct! Your function agrees with {reference} at {n} {n:@point|points}.",
        },
        "check_failed": {
            "pl": "❌ Jeszcze nie: największa różnica {error:.3g} przy z = {at:.2f} "
            "(Twoja: {got:.4g}, oczekiwano {want:.4g}).",
            "en": "❌ Not yet: the largest difference is {error:.3g} at z = {at:.2f} "
            "(yours: {got:.4g}, expected {want:.4g}).",
        },
        "check_softmax_failed": {
            "pl": "❌ Jeszcze nie: dla logitów {logits} i T = {temperature} wyszło {got}, "
            "a Keras daje {want}.",
            "en": "❌ Not yet: for logits {logits} and T = {temperature} you got {got}, "
            "Keras gives {want}.",
        },
        "check_crashed": {
            "pl": "❌ Funkcja zgłosiła błąd: {message}",
            "en": "❌ The function raised an error: {message}",
        },
        "tape": {"pl": "tf.GradientTape", "en": "tf.GradientTape"},
        "keras_softmax": {"pl": "keras.activations.softmax", "en": "keras.activations.softmax"},
        "name_step": {"pl": "skok jednostkowy", "en": "unit step"},
        "name_sign": {"pl": "signum (znak)", "en": "sign"},
        "name_linear": {"pl": "liniowa", "en": "linear"},
        "name_sigmoid": {"pl": "sigmoida (logistyczna)", "en": "sigmoid (logistic)"},
        "name_tanh": {"pl": "tangens hiperboliczny", "en": "hyperbolic tangent"},
        "name_relu": {"pl": "ReLU", "en": "ReLU"},
        "name_leaky_relu": {"pl": "Leaky ReLU", "en": "leaky ReLU"},
        "name_elu": {"pl": "ELU", "en": "ELU"},
        "name_softplus": {"pl": "softplus", "en": "softplus"},
        "name_swish": {"pl": "swish (SiLU)", "en": "swish (SiLU)"},
        "name_gelu": {"pl": "GELU", "en": "GELU"},
        "about_step": {
            "pl": "f(z) = 1 dla z ≥ 0, inaczej 0. Neuron MCP i perceptron Rosenblatta.",
            "en": "f(z) = 1 for z ≥ 0, else 0. The MCP neuron and Rosenblatt's perceptron.",
        },
        "about_sign": {
            "pl": "f(z) = −1, 0 lub 1 (znak z). Wyjście bipolarne ADALINE przy klasyfikacji.",
            "en": "f(z) = −1, 0 or 1 (the sign of z). ADALINE's bipolar output when it classifies.",
        },
        "about_linear": {
            "pl": "f(z) = z. ADALINE w czasie uczenia; wyjście sieci do regresji.",
            "en": "f(z) = z. ADALINE while it learns; a network's output for regression.",
        },
        "about_sigmoid": {
            "pl": "σ(z) = 1 / (1 + e^(−z)), wartości w (0, 1); σ′ = σ(1 − σ) ≤ 0,25.",
            "en": "σ(z) = 1 / (1 + e^(−z)), values in (0, 1); σ′ = σ(1 − σ) ≤ 0.25.",
        },
        "about_tanh": {
            "pl": "tanh(z), wartości w (−1, 1), symetryczna wokół 0; tanh′ = 1 − tanh².",
            "en": "tanh(z), values in (−1, 1), symmetric around 0; tanh′ = 1 − tanh².",
        },
        "about_relu": {
            "pl": "max(0, z). Domyślna w warstwach ukrytych: nie nasyca się dla z > 0.",
            "en": "max(0, z). The default in hidden layers: no saturation for z > 0.",
        },
        "about_leaky_relu": {
            "pl": "z dla z > 0, inaczej α·z: mały gradient także dla z < 0.",
            "en": "z for z > 0, else α·z: a small gradient for z < 0 too.",
        },
        "about_elu": {
            "pl": "z dla z > 0, inaczej α(e^z − 1): dąży do −α; gładka (bez załamania w 0) "
            "tylko dla α = 1.",
            "en": "z for z > 0, else α(e^z − 1): tends to −α; smooth (no kink at 0) only "
            "for α = 1.",
        },
        "about_softplus": {
            "pl": "ln(1 + e^z): gładka wersja ReLU; jej pochodna to sigmoida.",
            "en": "ln(1 + e^z): a smooth ReLU; its derivative is the sigmoid.",
        },
        "about_swish": {
            "pl": "z·σ(z): gładka, lekko ujemna dla z < 0.",
            "en": "z·σ(z): smooth, slightly negative for z < 0.",
        },
        "about_gelu": {
            "pl": "z·Φ(z), Φ to dystrybuanta rozkładu normalnego (transformery).",
            "en": "z·Φ(z), Φ the normal distribution's CDF (transformers).",
        },
    },
)

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
        from .models.activations import softmax

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
        from .models.activations import build_neuron

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
            from .models.activations import build_neuron

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
        from .models.activations import saturation_intervals, values_and_derivative

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
        from .models.activations import neuron_output, set_neuron

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


# Exercises -------------------------------------------------------------------------------
def check_derivative(function, name: str = "sigmoid", lang: str = "pl") -> GateCheck:
    """Compare a student's ``f'(z)`` (numpy in, numpy out) with GradientTape's on a grid."""
    from .models.activations import values_and_derivative

    t = TEXT.for_language(check_language(lang))
    z = np.linspace(-6, 6, 200)
    _, want = values_and_derivative(name, z)
    try:
        got = np.asarray(function(z), dtype=float).reshape(z.shape)
    except Exception as error:  # noqa: BLE001  (a student's code: explain, don't crash)
        return GateCheck(False, t("check_crashed", message=str(error)))
    error = np.abs(got - want)
    if np.all(np.isfinite(got)) and float(error.max()) < 1e-4:
        return GateCheck(True, t("check_passed", reference=t("tape"), n=len(z)))
    worst = int(np.nanargmax(np.where(np.isfinite(error), error, np.inf)))
    return GateCheck(
        False,
        t("check_failed", error=float(error[worst]), at=z[worst], got=got[worst], want=want[worst]),
    )


def check_softmax(function, lang: str = "pl") -> GateCheck:
    """Compare a student's ``softmax(logits, temperature)`` with Keras on a few cases."""
    from .models.activations import softmax

    t = TEXT.for_language(check_language(lang))
    cases = [([2.0, 1.0, 0.1], 1.0), ([1.0, 2.0, 3.0, 4.0], 0.5), ([0.0, -1.0, 3.0, 2.0, 1.0], 4.0)]
    for logits, temperature in cases:
        want = softmax(logits, temperature)
        try:
            got = np.asarray(function(np.array(logits), temperature), dtype=float).ravel()
        except Exception as error:  # noqa: BLE001
            return GateCheck(False, t("check_crashed", message=str(error)))
        if got.shape != want.shape or not np.allclose(got, want, atol=1e-5):
            return GateCheck(
                False,
                t(
                    "check_softmax_failed",
                    logits=logits,
                    temperature=temperature,
                    got=np.round(got, 3).tolist(),
                    want=np.round(want, 3).tolist(),
                ),
            )
    return GateCheck(True, t("check_passed", reference=t("keras_softmax"), n=len(cases)))
