"""Lesson 14's small panel: Goodfellow et al.'s optimal discriminator D* in one dimension.

p_data = N(μ_d, σ_d) and p_g = N(μ_g, σ_g) are set by sliders; the densities, D*(x) =
p_data / (p_data + p_g) and the value V(D*, G) = −log 4 + 2·JSD(p_data ‖ p_g) are computed
in numpy at every move (no Keras call). ▶ Train D trains a Keras discriminator (logistic
regression σ(w·x + b), or a small network) on fresh samples of both distributions, real = 1
and fake = 0, with binary cross-entropy: exactly a GAN's discriminator step with the
generator held still. Its D(x) is drawn against D*. After a slider move a trained D trains
again from where it is, in a background thread (:class:`widgets.training.Painter`, which
coalesces moves: only the newest settings are trained for).

``dashboard.model`` is the Keras discriminator in use.
"""

from __future__ import annotations

import math
from html import escape

import ipywidgets
import numpy as np

from ..controls import button, column, dropdown, html, plain_text, row, slider
from ..errors import StudentError
from ..figures.live import update_traces
from ..models import gan  # Keras only inside its functions
from ..training import Painter
from ..ui import Dashboard, Setting, reacts, shows_errors
from .code import keras_code
from .figures import X, curves_data, curves_figure
from .texts import TEXT

DEFAULTS = {"mu_data": 0.0, "sigma_data": 1.0, "mu_g": 1.0, "sigma_g": 1.0}
BATCH = 256
STEPS = (100, 1000)
SEED = 0
RATES = {"logistic": 0.05, "mlp": 0.03}  # Adam's learning rate per kind of D
UNITS = 32  # the network D: 1 → 32 → 32 → 1, ReLU


class OptimalDiscriminatorDashboard(Dashboard):
    """See the module docstring."""

    def __init__(self, lang: str = "pl", steps: int = 400):
        super().__init__(lang)
        self._t = TEXT.for_language(lang)
        self.models: dict = {}
        self.d_star = self.d_trained = None  # D* and the trained D on the figure's x grid
        self.game_value = math.nan  # V(D*, G)
        self.trained_value = math.nan  # V(D, G) of the trained D
        self.trainings = 0
        self._trained_once = False
        self._rng = np.random.default_rng(SEED)
        self._worker = Painter(self._train_now, 0.05, on_demand=True, name="train-d")
        self._worker.on_error = self.show_error
        self._default_steps = int(steps)
        self._build()

    # Construction -------------------------------------------------------------------------
    def _build_controls(self) -> None:
        t = self._t
        self._mu_data = slider(t("mu_data"), DEFAULTS["mu_data"], -3.0, 3.0, 0.1)
        self._sigma_data = slider(t("sigma_data"), DEFAULTS["sigma_data"], 0.2, 3.0, 0.1)
        self._mu_g = slider(t("mu_g"), DEFAULTS["mu_g"], -3.0, 3.0, 0.1)
        self._sigma_g = slider(t("sigma_g"), DEFAULTS["sigma_g"], 0.2, 3.0, 0.1)
        kinds = [(t("kind_logistic"), "logistic"), (t("kind_mlp"), "mlp")]
        self._kind = dropdown(t("kind"), kinds, "logistic")
        self._steps = slider(t("steps"), self._default_steps, *STEPS, 50, integer=True)
        self._train = button(t("train"), icon="play", kind="success")
        for name in ("mu_data", "sigma_data", "mu_g", "sigma_g", "kind", "steps", "train"):
            getattr(self, f"_{name}").add_class(f"dl-{name.replace('_', '-')}")
        self._model_controls = [self._train, self._kind]

    def _next_training_controls(self) -> list:
        return [self._steps]

    def _build_figures(self) -> None:
        t = self._t
        names = {k: t(k) for k in ("p_data", "p_g", "d_star", "d_trained")}
        names |= {"density_axis": t("density_axis"), "d_axis": t("d_axis")}
        self.figure = curves_figure(names)
        self._value = html("", "dl-status")
        self._status = html(t("untrained", kind=t(f"kind_{self._kind.value}")), "dl-text")
        self._status.layout.max_width = "700px"

    def _lay_out(self) -> None:
        t = self._t
        controls = column(
            [
                html(t("help"), "dl-note"),
                self._mu_data,
                self._sigma_data,
                self._mu_g,
                self._sigma_g,
                self._kind,
                self._steps,
                self._train,
            ]
        )
        box = ipywidgets.Box([self.figure])
        box.add_class("dl-curves")
        figure = ipywidgets.VBox([box, self._value, self._status])
        self._page(t("title"), t("intro"), row([controls, figure]))
        self.add_class("dl-gan-1d")

    def _wire(self) -> None:
        for control in self._distribution_controls():
            control.observe(self._on_distribution_change, names="value")
        self._kind.observe(self._on_kind_change, names="value")
        self._train.on_click(self._on_train_click)

    def _distribution_controls(self) -> list:
        return [self._mu_data, self._sigma_data, self._mu_g, self._sigma_g]

    def _settings(self) -> dict:
        """``configure(mu_data=..., sigma_data=..., mu_g=..., sigma_g=...,
        discriminator="logistic"|"mlp", d_train_steps=...)`` (names of their own: the
        lesson's page holds two more panels, and a URL setting goes to every panel that
        knows its name)."""
        names = ("mu_data", "sigma_data", "mu_g", "sigma_g")
        settings = {name: getattr(self, f"_{name}") for name in names}
        settings["d_train_steps"] = self._steps
        settings["discriminator"] = Setting(self._kind, check=self._check_kind)
        return settings

    def _check_kind(self, value):
        if self.training:
            raise StudentError("gan_1d.busy")
        if value not in ("logistic", "mlp"):
            raise ValueError(self._allowed(self._kind))
        return value

    def _after_configure(self, settings: dict) -> None:
        if "discriminator" in settings and self.models:
            self.model = self.models[self._kind.value]
            self._trained_once = False
        self._refresh()
        if self._trained_once:
            self._request_training()

    # Public API ---------------------------------------------------------------------------
    @property
    def status_text(self) -> str:
        return plain_text(self._status.value)

    @property
    def value_text(self) -> str:
        return plain_text(self._value.value)

    @property
    def training(self) -> bool:
        return getattr(self, "_busy", False)

    def densities(self) -> tuple[np.ndarray, np.ndarray]:
        """p_data and p_g on the figure's x grid."""
        p_data = gan.gaussian_pdf(X, self._mu_data.value, self._sigma_data.value)
        return p_data, gan.gaussian_pdf(X, self._mu_g.value, self._sigma_g.value)

    @shows_errors
    def train_d(self, background: bool = True) -> None:
        """Train the discriminator ``steps`` steps on fresh samples (▶ Train D)."""
        if self.model is None:
            return
        self._trained_once = True
        if background:
            self._request_training()
        else:
            self._train_now()

    def wait_trained(self, timeout: float = 60.0) -> OptimalDiscriminatorDashboard:
        """Block until no training is asked for or running (tests, notebooks)."""
        if not self._worker.wait_drawn(timeout):
            raise TimeoutError("D did not finish training in time")
        return self

    def code(self) -> str:
        """Plain numpy and Keras code for the panel ("show the code"); ``model`` is D."""
        kind = self._kind.value
        return keras_code(
            self._mu_data.value, self._sigma_data.value, self._mu_g.value, self._sigma_g.value,
            kind, int(self._steps.value), BATCH, RATES[kind], UNITS, X, self.lang,
        )  # fmt: skip

    def discriminator_output(self, x) -> np.ndarray:
        """The trained D(x), numpy in and out."""
        x = np.asarray(x, dtype=np.float32).reshape(-1, 1)
        return np.asarray(self.model(x, training=False), dtype=np.float64).reshape(-1)

    def logistic_weights(self) -> tuple[float, float]:
        """(w, b) of the logistic D: D(x) = σ(w·x + b)."""
        kernel, bias = self.models["logistic"].layers[-1].get_weights()
        return float(kernel.ravel()[0]), float(bias.ravel()[0])

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        self.models = {kind: _discriminator(keras, kind) for kind in ("logistic", "mlp")}
        self.model = self.models[self._kind.value]
        self._refresh()

    # Events -------------------------------------------------------------------------------
    @reacts
    def _on_distribution_change(self, _change) -> None:
        self._refresh()
        if self._trained_once:
            self._request_training()

    @reacts
    def _on_kind_change(self, _change) -> None:
        if self.models:
            self.model = self.models[self._kind.value]
            self._trained_once = False
            self.d_trained = None
            self._refresh()

    @reacts
    def _on_train_click(self, _button) -> None:
        self.train_d()

    # Training and drawing -----------------------------------------------------------------
    def _request_training(self) -> None:
        if not self._worker.running:
            self._worker.start()
        self._worker.request()

    def _train_now(self) -> None:
        """Train the current D on fresh samples of the current distributions, then draw."""
        self._busy = True
        try:
            steps = int(self._steps.value)
            self._status.value = escape(self._t("training", steps=steps))
            n = steps * BATCH // 2
            real = self._rng.normal(self._mu_data.value, self._sigma_data.value, n)
            fake = self._rng.normal(self._mu_g.value, self._sigma_g.value, n)
            # Shuffled by the panel's seeded generator, not by fit: the same presses give
            # the same D (fit's shuffle draws from TensorFlow's unseeded global state).
            order = self._rng.permutation(2 * n)
            x = np.concatenate([real, fake]).astype(np.float32)[order].reshape(-1, 1)
            y = np.concatenate([np.ones(n), np.zeros(n)]).astype(np.float32)[order].reshape(-1, 1)
            self.model.fit(x, y, batch_size=BATCH, epochs=1, shuffle=False, verbose=0)
            self.trainings += 1
            self._refresh()
        finally:
            self._busy = False

    def _refresh(self) -> None:
        """Densities, D*, the value and (if trained) D, drawn in one message."""
        p_data, p_g = self.densities()
        self.d_star = gan.optimal_discriminator(p_data, p_g)
        jsd = js_divergence(p_data, p_g, X)
        self.game_value = -math.log(4.0) + 2.0 * jsd
        self._value.value = escape(
            self._t("value", v=self.game_value, jsd=jsd, floor=-math.log(4.0))
        )
        # Set once, never None in between: a refresh in the training worker may run beside
        # another; a fresh-clone CI (3 Dec) read None once right after a synchronous
        # training (the cause not pinned: this removes one way it can happen).
        trained = self._trained_once and self.model is not None and self.trainings
        self.d_trained = self.discriminator_output(X) if trained else None
        if trained:
            self.trained_value = game_value(self.d_trained, p_data, p_g, X)
            self._show_trained()
        elif not self.training:
            # The chosen D named: switching an untrained D changed nothing visible (issue 24).
            kind = self._t(f"kind_{self._kind.value}")
            self._status.value = escape(self._t("untrained", kind=kind))
        with self._lock:
            update_traces(self.figure, curves_data(p_data, p_g, self.d_star, self.d_trained))

    def _show_trained(self) -> None:
        p_data, p_g = self.densities()
        where = np.maximum(p_data, p_g) > 0.01  # where samples fall: D is trained there only
        gap = float(np.max(np.abs(self.d_trained - self.d_star)[where]))
        if self._kind.value == "logistic":
            w, b = self.logistic_weights()
            text = self._t("trained_logistic", w=w, b=b, v=self.trained_value, gap=gap)
            if abs(self._sigma_data.value - self._sigma_g.value) > 1e-9:
                text += self._t("logistic_note")
        else:
            text = self._t("trained_mlp", v=self.trained_value, gap=gap)
        self._status.value = escape(text)


def _discriminator(keras, kind: str):
    """A compiled Keras D: 1 → logistic unit, or 1 → 32 → 32 → 1 (ReLU); BCE, Adam.

    For N(0, 1) against N(1, 0.5), 400 steps from the start: 16 tanh units a layer left
    |D − D*| up to 0.55 where the samples are, 16 ReLU 0.39, 32 ReLU at η = 0.03 0.08.
    """
    init = keras.initializers.GlorotUniform
    if kind == "logistic":
        layers = [keras.layers.Dense(1, activation="sigmoid", kernel_initializer=init(SEED))]
    else:
        layers = [
            keras.layers.Dense(UNITS, activation="relu", kernel_initializer=init(SEED)),
            keras.layers.Dense(UNITS, activation="relu", kernel_initializer=init(SEED + 1)),
            keras.layers.Dense(1, activation="sigmoid", kernel_initializer=init(SEED + 2)),
        ]
    model = keras.Sequential([keras.Input((1,)), *layers], name=f"discriminator_{kind}")
    model.compile(optimizer=keras.optimizers.Adam(RATES[kind]), loss="binary_crossentropy")
    return model


def js_divergence(p, q, x) -> float:
    """JSD(p ‖ q) in nats of two densities sampled on the grid ``x`` (trapezoid rule)."""
    p, q = np.asarray(p, dtype=np.float64), np.asarray(q, dtype=np.float64)
    m = 0.5 * (p + q)

    def kl(a):
        with np.errstate(divide="ignore", invalid="ignore"):
            terms = np.where(a > 0, a * np.log(a / np.where(m > 0, m, 1.0)), 0.0)
        return float(np.trapezoid(terms, x))

    return 0.5 * kl(p) + 0.5 * kl(q)


def game_value(d, p_data, p_g, x) -> float:
    """V(D, G) = E_data log D(x) + E_g log(1 − D(x)), integrated on the grid ``x``."""
    d = np.clip(np.asarray(d, dtype=np.float64), 1e-12, 1 - 1e-12)
    return float(np.trapezoid(p_data * np.log(d) + p_g * np.log(1.0 - d), x))
