"""Lesson 15's image panel: Keras 3's augmentation layers on the digit on screen.

The digit comes from :class:`widgets.digits.DigitSource` (a test digit or a drawing).
A slider per layer (rotation, zoom, translation, contrast, brightness; 0 leaves the layer
out) and a flip mode build ``keras.Sequential`` of RandomFlip / RandomRotation / RandomZoom
/ RandomTranslation / RandomContrast / RandomBrightness, each seeded from the draw number;
eight copies of the digit go through it in ONE call with ``training=True``: the grid shows
eight draws. The same draw number gives the same draws (a slider changes only their
scale); "New draws" takes the next number. The toggle shows the trap: the same model in
``model.predict`` augments nothing (eight copies of the input). Below, the histogram of
pixel values of a thousand test digits before and after a ``Normalization`` layer adapted
on them (mean ≈ 0, standard deviation ≈ 1 after).

``dashboard.model`` is the augmentation Sequential.
"""

from __future__ import annotations

import threading
from html import escape

import ipywidgets
import numpy as np

from ..backend import load_keras as keras_module
from ..controls import button, checkbox, column, html, row, slider, toggles
from ..digits import DigitSource
from ..errors import StudentError
from ..figures.live import replace_layout_item, update_traces
from ..i18n import number
from ..models import preprocessing as prep  # Keras only inside its functions
from ..training import Painter
from ..ui import Dashboard, Setting, reacts
from .code import keras_code
from .figures import grid_figure, grid_url, normalization_data, normalization_figure
from .texts import TEXT

DRAWS = 8
ADAPT_DIGITS = 1000  # test digits Normalization is adapted on
FACTORS = ("rotation", "zoom", "translation", "contrast", "brightness")
DEFAULTS = {"rotation": 0.1, "zoom": 0.2, "translation": 0.1, "contrast": 0.3, "brightness": 0.0}
MAXIMA = {"rotation": 0.5, "zoom": 0.9, "translation": 0.5, "contrast": 1.0, "brightness": 1.0}
FLIPS = ("none", "horizontal", "vertical", "horizontal_and_vertical")
FLIP_WORDS = ("flip_none", "flip_horizontal", "flip_vertical", "flip_both")


class ImagePrepDashboard(Dashboard):
    """See the module docstring."""

    def __init__(self, lang: str = "pl", seed: int = 0):
        super().__init__(lang)
        self._t = TEXT.for_language(lang)
        self.seed = int(seed)
        self.draws = None  # (8, 28, 28): the grid's augmented images
        self.predicted = None  # (8, 28, 28): the same model in predict
        self.normalized = None  # prep.Normalized of the adapt digits
        self._layers_now = None  # the layers the grid was drawn with
        self._layers_built: dict = {}  # augmentation layers by (kind, arguments, seed)
        self._kept = prep.StepOutputs()  # each layer's output on the digit, by chain
        # After "New draws", the next draw number's layers and outputs, made ready on a
        # worker (a student who pressed it once presses again); one Keras call at a time.
        self._augmenting = threading.Lock()
        self._next = None  # (draw number, image, factors) to make ready
        self._prefetcher = Painter(self._prefetch, 0.05, on_demand=True, name="next-draws")
        self._prefetcher.on_error = lambda error: None  # only a head start: _refresh tells
        self._build()

    # Construction -------------------------------------------------------------------------
    def _build_controls(self) -> None:
        t = self._t
        self.digits = DigitSource(self.lang)
        self._factors = {
            name: slider(t(name), DEFAULTS[name], 0.0, MAXIMA[name], 0.01) for name in FACTORS
        }
        options = [(t(word), mode) for word, mode in zip(FLIP_WORDS, FLIPS, strict=True)]
        self._flip = toggles(t("flip"), options, "none", button_width="78px", long_label=True)
        self._new = button(t("new_draws"), icon="refresh")
        self._predict = checkbox(t("predict"), False, width="auto")
        for name, control in self._controls().items():
            control.add_class(f"dl-{name.replace('_', '-')}")
        self._model_controls = list(self._controls().values())

    def _controls(self) -> dict:
        return {**self._factors, "flip": self._flip, "new_draws": self._new,
                "predict": self._predict}  # fmt: skip

    def _build_figures(self) -> None:
        t = self._t
        self.grid_figure = grid_figure(t("grid_title", n=DRAWS, seed=self.seed))
        self._layers = html("", "dl-note", "dl-layers")
        self._predict_note = html("", "dl-text", "dl-predict-note")
        self._normalization = html("", "dl-text", "dl-normalization")
        names = {k: t(k) for k in ("before", "after", "pixel_axis", "share_axis")}
        names["title"] = t("normalization_title", n=min(ADAPT_DIGITS, len(self.digits.images)))
        self.normalization_figure = normalization_figure(names)

    def _lay_out(self) -> None:
        t = self._t
        controls = column(
            [
                self.digits,
                html(t("help"), "dl-note"),
                *self._factors.values(),
                self._flip,
                self._new,
                self._predict,
            ]
        )
        grid = ipywidgets.VBox([self.grid_figure, self._layers, self._predict_note])
        grid.layout.max_width = "460px"
        normalization = ipywidgets.VBox([self.normalization_figure, self._normalization])
        normalization.layout.max_width = "470px"
        self._page(t("title"), t("intro"), row([controls, grid, normalization]))
        self.add_class("dl-image-prep")
        self.add_class("dl-sharp-images")

    def _wire(self) -> None:
        for control in (*self._factors.values(), self._flip):
            control.observe(self._on_factor_change, names="value")
        self._predict.observe(self._on_predict_change, names="value")
        self._new.on_click(self._on_new_click)
        self.digits.observe_image(self._on_image_change)

    def _settings(self) -> dict:
        """``configure(rotation=..., zoom=..., translation=..., contrast=..., brightness=...,
        flip="none"|"horizontal"|"vertical"|"horizontal_and_vertical", augment_seed=...,
        show_predict=True|False, digit=...)``."""
        return {
            **self._factors,
            "flip": self._flip,
            "augment_seed": Setting(check=self._check_seed, apply=self._set_seed),
            "show_predict": self._predict,
            "digit": self.digits.index,
        }

    def _check_seed(self, value) -> int:
        return prep.check_whole(value, 0, 2**31 - 1, "augment_seed")

    def _set_seed(self, value: int) -> None:
        self.seed = int(value)

    # Public API ---------------------------------------------------------------------------
    @property
    def model(self):
        """The augmentation ``keras.Sequential`` of the sliders' layers (built at the first
        read after a change: a slider move itself calls the layers only)."""
        if self._model is None and self._layers_now is not None:
            self._model = prep.sequential(self._layers_now)
        return self._model

    @model.setter
    def model(self, value) -> None:
        self._model = value

    @property
    def layers(self) -> list:
        """The augmentation layers on screen, in order."""
        return list(self._layers_now or [])

    def factors(self) -> dict:
        """The sliders' factors and the flip mode, as :mod:`widgets.models.preprocessing`
        takes them."""
        values = {name: round(float(c.value), 4) for name, c in self._factors.items()}
        return {**values, "flip": self._flip.value}

    def new_draws(self) -> None:
        """The next draw number: eight new draws at the same settings (made ready on a
        worker after the previous press, see :meth:`_prefetch`)."""
        self.seed += 1
        self._refresh()
        self._next = (self.seed + 1, self._image, self.factors())
        if not self._prefetcher.running:
            self._prefetcher.start()
        self._prefetcher.request()

    def wait_prefetched(self, timeout: float = 30.0) -> ImagePrepDashboard:
        """Block until the next draw number's draws are ready (tests)."""
        if not self._prefetcher.wait_drawn(timeout):
            raise TimeoutError("the next draws were not made ready in time")
        return self

    def code(self) -> str:
        """The augmentation Sequential and the grid with matplotlib ("show the code")."""
        lines = self.digits.code_lines("image")
        if not lines:
            return "# " + self.digits.blank_message
        return keras_code(lines, self.factors(), self.seed, DRAWS, self.lang)

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        self._refresh()
        self._adapt_normalization()
        if self.digits.error is not None:  # MNIST missing: a stand-in digit, and why
            self.show_error(self.digits.error)

    # Events -------------------------------------------------------------------------------
    @reacts
    def _on_factor_change(self, _change) -> None:
        self._refresh()

    @reacts
    def _on_image_change(self) -> None:
        if self._layers_now is not None:  # drawn once: the model is there
            self._refresh()

    @reacts
    def _on_new_click(self, _button) -> None:
        self.new_draws()

    @reacts
    def _on_predict_change(self, _change) -> None:
        self._draw()

    def _after_configure(self, settings: dict) -> None:
        if self.ready.is_set():  # before, _build_model draws what the controls say
            self._refresh()

    # Computing and drawing ----------------------------------------------------------------
    def _refresh(self) -> None:
        """A new model (seeded from the draw number), eight draws in one call, predict."""
        image = self.digits.image()
        if image is None:
            raise StudentError("preprocessing.no_image", argument="image")
        factors = self.factors()
        # The layers and their arguments first: text the page shows at once, while the
        # layers draw (a new state: 30-130 ms of eager Keras here).
        self._layers.value = self._layers_text(factors)
        self._model = None  # the Sequential, built when first asked for (see model)
        batch = prep.as_batch(image, DRAWS)
        with self._augmenting:
            self._layers_now = prep.augmentation_layers(keras_module(), self.seed,
                                                        self._layers_built, **factors)  # fmt: skip
            outputs = prep.augment_steps(batch, self._layers_now, self._kept)
        self.draws = prep.grid_of(outputs[-1] if outputs else batch)
        self.predicted = None  # model.predict traces a function: only when it is shown
        self._image = image
        self.clear_error()
        self._draw()
        self._refresh_code()

    def _prefetch(self) -> None:
        """On the worker: the layers of the draw number after the one on screen and their
        outputs, kept (:class:`prep.StepOutputs`), so the next "New draws" finds them:
        each press otherwise builds five new layers and calls them (30–80 ms here)."""
        seed, image, factors = self._next
        with self._augmenting:
            layers = prep.augmentation_layers(keras_module(), seed, self._layers_built,
                                              **factors)  # fmt: skip
            prep.augment_steps(prep.as_batch(image, DRAWS), layers, self._kept)

    def _draw(self) -> None:
        if self.draws is None:
            return
        t = self._t
        showing_predict = bool(self._predict.value)
        if showing_predict and self.predicted is None:
            self.predicted = prep.predict_trap(self._image, DRAWS, model=self.model)
        images = self.predicted if showing_predict else self.draws
        if showing_predict:
            title = t("predict_title", n=DRAWS)
        else:
            title = t("grid_title", n=DRAWS, seed=self.seed)
        with self._lock:
            replace_layout_item(self.grid_figure, "images", 0, {"source": grid_url(images)})
            self.grid_figure.layout.title.text = title
        self._layers.value = self._layers_text(self.factors())
        self._predict_note.value = ""
        if showing_predict:
            gap = float(np.max(np.abs(self.predicted - self._image[None])))
            self._predict_note.value = t(
                "predict_note", n=DRAWS, gap=number(round(gap, 6), self.lang)
            )

    def _layers_text(self, factors: dict) -> str:
        """The model's layers with their factors, as :func:`prep.layer_specs` builds them:
        "RandomRotation(0.1), RandomZoom(0.2)…" (a slider's change is seen in it)."""
        specs = prep.layer_specs(self.seed, factors)
        if not specs:
            return self._t("layers_none")
        calls = [f"{kind}({', '.join(_argument(a) for a in args)})" for kind, args, *_ in specs]
        return self._t("layers", names=f"<code>{escape(', '.join(calls))}</code>")

    def _adapt_normalization(self) -> None:
        t = self._t
        # the digit source's test digits (its stand-in "7" when MNIST is missing)
        images = self.digits.images[:ADAPT_DIGITS].astype("float32") / 255.0
        self.normalized = result = prep.normalization_demo(images)
        with self._lock:
            update_traces(self.normalization_figure,
                          normalization_data(result.before, result.after))  # fmt: skip
        self._normalization.value = escape(
            t(
                "normalization",
                mean=round(result.mean, 4),
                variance=round(result.variance, 4),
                m0=_shown(result.before.mean()),
                s0=_shown(result.before.std()),
                m1=_shown(result.after.mean()),
                s1=_shown(result.after.std()),
            )
        )


def _argument(value) -> str:
    """A layer's argument as in its Python call: "horizontal" quoted, 0.1 as 0.1."""
    return f'"{value}"' if isinstance(value, str) else repr(value)


def _shown(value) -> float:
    """Three decimals, and never "−0" (a mean of 1e−8 after Normalization)."""
    return round(float(value), 3) + 0.0
