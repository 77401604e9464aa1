"""Lesson 10 dashboard, part 1: a convolution computed by hand.

The student picks a test digit (or draws one), chooses a 3×3 kernel (a preset or nine
typed values), and sees the feature map, the map after ReLU and after 2×2 max-pooling.
The kernel slides over the image step by step or played (``ipywidgets.Play``); at each
position the window, the nine products and their sum are shown beside the frames on the
image and on the feature map. Stride, padding and the input size change the output size,
whose formula is evaluated; an impossible combination is a message, not a crash.

``dashboard.model`` is a Keras model (:func:`widgets.models.convolution.build_convolution_model`)
whose ``Conv2D`` holds the kernel; it is rebuilt when the geometry changes (about 10 ms).
The digit comes from :class:`widgets.digits.DigitSource` (test digit or drawing).
"""

from __future__ import annotations

import numbers

import ipywidgets
import numpy as np

from ..controls import column, dropdown, html, number_box, row, slider
from ..digits import DigitSource
from ..errors import StudentError, whole_number
from ..figures.feature_maps import draw_rasters
from ..i18n import number
from ..models import convolution as convolution_model
from ..ui import Dashboard, Setting, reacts, shows_errors
from .code import keras_code
from .figures import (
    STYLE,
    convolution_figure,
    convolution_rasters,
    formula_html,
    window_shapes,
    window_table_html,
)
from .texts import TEXT

PRESETS = ("identity", "blur", "sharpen", "sobel_x", "sobel_y", "laplacian")
PADDINGS = {"pad_valid": "valid", "pad_1": 1, "pad_2": 2, "pad_same": "same"}
STRIDES = (1, 4)
SIZES = (2, 28)
WEIGHT_RANGE = (-10.0, 10.0)
PLAY_INTERVAL_MS = 250


def same_place(step: int, old_size: int, new_size: int) -> int:
    """The window position on a ``new_size`` map at the same place of the image as
    ``step`` on an ``old_size`` map (a new stride or padding keeps the window where the
    student was looking, instead of jumping to the last corner)."""
    if old_size <= 0 or old_size == new_size:
        return min(step, new_size * new_size - 1)
    row, col = divmod(min(step, old_size * old_size - 1), old_size)
    scale = (new_size - 1) / max(old_size - 1, 1)
    return round(row * scale) * new_size + round(col * scale)


class ConvolutionDashboard(Dashboard):
    """Convolution by hand (see the module docstring)."""

    def __init__(self, lang: str = "pl"):
        super().__init__(lang)
        self._t = TEXT.for_language(lang)
        self.geometry = None
        self.maps: list[np.ndarray] = []  # feature map, ReLU, pooled (last drawn)
        self._models: dict = {}
        self._first_draw = True
        self._drawn_output = 0  # the feature map's size at the last drawing
        self._build_controls()
        self._build_figures()
        self._lay_out()
        self._wire()
        self._clear_error()
        self._start_model_loading()

    # Construction -------------------------------------------------------------------------
    def _build_controls(self) -> None:
        t = self._t
        self.digits = DigitSource(self.lang, index=1)
        self._preset = dropdown(t("kernel"), [(t(n), n) for n in (*PRESETS, "custom")], "sobel_x")
        self._weights = [number_box("", 0.0, *WEIGHT_RANGE, 0.1, width="72px") for _ in range(9)]
        for i, box in enumerate(self._weights):
            box.add_class(f"dl-weight-{i}")
        self._set_weights(convolution_model.KERNELS["sobel_x"])
        self._stride = slider(t("stride"), 1, *STRIDES, 1, integer=True)
        self._padding = dropdown(t("padding"), [(t(key), key) for key in PADDINGS], "pad_valid")
        self._size = slider(t("size"), 28, *SIZES, 1, integer=True)
        self._play = ipywidgets.Play(0, min=0, max=1, interval=PLAY_INTERVAL_MS)
        self._step = slider(t("step"), 0, 0, 1, 1, integer=True)
        for name in ("preset", "stride", "padding", "size", "step"):
            getattr(self, f"_{name}").add_class(f"dl-{name}")
        self._model_controls = [
            self._preset,
            *self._weights,
            self._stride,
            self._padding,
            self._size,
        ]

    def _build_figures(self) -> None:
        titles = [self._t(k) for k in ("fig_input", "fig_map", "fig_relu", "fig_pool")]
        self.figure = convolution_figure(titles)
        self._formula = html("", "dl-formula")
        self._window = html("", "dl-window")
        self._position = html()

    def _lay_out(self) -> None:
        t = self._t
        grid = ipywidgets.GridBox(
            self._weights, layout=ipywidgets.Layout(grid_template_columns="repeat(3, 76px)")
        )
        controls = column(
            [
                self.digits,
                self._preset,
                html(t("kernel_help"), "dl-note"),
                grid,
                self._stride,
                self._padding,
                self._size,
                html(t("size_help"), "dl-note"),
            ]
        )
        sliding = ipywidgets.VBox(
            [
                ipywidgets.HBox([self._play, self._step, self._position]),
                html(t("play_help"), "dl-note"),
                self._window,
                self._formula,
                html(t("model_help"), "dl-note"),
            ]
        )
        self._page(t("title"), t("intro"), row([controls, sliding]), self.figure, style=STYLE)
        self.add_class("dl-convolution")
        self.add_class("dl-sharp-images")  # the maps' pixels stay square (the stylesheet)

    def _wire(self) -> None:
        ipywidgets.jslink((self._play, "value"), (self._step, "value"))
        self._preset.observe(self._on_preset_change, names="value")
        for box in self._weights:
            box.observe(self._on_weight_change, names="value")
        for control in (self._stride, self._padding, self._size):
            control.observe(self._on_geometry_change, names="value")
        self._step.observe(self._on_step_change, names="value")
        self.digits.observe_image(self._on_image_change)

    # Public API ---------------------------------------------------------------------------
    @property
    def kernel(self) -> np.ndarray:
        """The 3×3 kernel in the nine boxes."""
        return np.array([box.value for box in self._weights], dtype=np.float32).reshape(3, 3)

    def image(self) -> np.ndarray | None:
        """The input after cropping to the chosen size (None for a blank drawing)."""
        full = self.digits.image()
        if full is None:
            return None
        n = int(self._size.value)
        start = (28 - n) // 2
        return full[start : start + n, start : start + n]

    def code(self) -> str:
        """Plain Keras code for the kernel on this digit, as ``model`` ("show the code")."""
        g = getattr(self, "geometry", None)  # as last drawn (None: an impossible one)
        if g is None or self.image() is None:
            return "# " + (self.error_text or self.digits.blank_message)
        return keras_code(self.digits.code_lines(), self.kernel, g, 28, self.lang)

    @shows_errors
    def redraw(self) -> None:
        """Recompute with the Keras model and redraw every view."""
        self._refresh()

    # Settings (configure) -----------------------------------------------------------------
    def _settings(self) -> dict[str, Setting]:
        """``configure(kernel=…, preset=…, stride=…, padding=…, size=…, step=…)``."""
        return {
            "kernel": Setting(check=self._checked_kernel, apply=self._apply_kernel),
            "preset": Setting(check=self._check_preset, apply=self._apply_preset),
            "stride": Setting(self._stride, check=self._check_stride),
            "padding": Setting(self._padding, check=self._check_padding),
            "size": Setting(self._size, check=self._check_size),
            "step": Setting(self._step, check=self._check_step),
        }

    def _after_configure(self, settings: dict) -> None:
        self._refresh()
        step = settings.get("step")  # a new geometry moved the window: put it where asked
        if step is not None and self._step.value != step:
            self._step.value = step

    def _checked_kernel(self, kernel) -> np.ndarray:
        """``kernel`` as a 3×3 float array, or a StudentError saying what is wrong with it."""
        try:
            array = np.asarray(kernel, dtype=float)
        except (TypeError, ValueError):  # e.g. a word among the weights
            raise StudentError("convolution.bad_kernel") from None
        if array.shape != (3, 3) or not np.all(np.isfinite(array)):
            raise StudentError("convolution.bad_kernel")
        outside = array[np.abs(array) > WEIGHT_RANGE[1]]
        if outside.size:
            raise StudentError(
                "convolution.big_weight",
                low=number(WEIGHT_RANGE[0], self.lang),
                high=number(WEIGHT_RANGE[1], self.lang),
                value=number(outside[0], self.lang),
            )
        return array

    def _check_preset(self, preset) -> str:
        names = (*PRESETS, "custom")
        if not (isinstance(preset, str) and preset in names):
            raise StudentError("convolution.bad_preset", value=preset, names=", ".join(names))
        return preset

    def _check_stride(self, stride) -> int:
        if not (whole_number(stride) and STRIDES[0] <= stride <= STRIDES[1]):
            low, high, value = *STRIDES, number(stride, self.lang)
            raise StudentError("convolution.bad_stride", low=low, high=high, value=value)
        return int(stride)

    def _check_size(self, size) -> int:
        if not (whole_number(size) and SIZES[0] <= size <= SIZES[1]):
            low, high, value = *SIZES, number(size, self.lang)
            raise StudentError("convolution.bad_size", low=low, high=high, value=value)
        return int(size)

    def _check_padding(self, padding) -> str:
        """The padding's entry in the list (``1`` → ``"pad_1"``)."""
        entries = {value: key for key, value in PADDINGS.items()}
        if not (isinstance(padding, str | numbers.Integral) and padding in entries):
            names, value = ", ".join(map(repr, entries)), number(padding, self.lang)
            raise StudentError("convolution.bad_padding", names=names, value=value)
        return entries[padding]

    def _check_step(self, step) -> int:
        if not (whole_number(step) and 0 <= step <= self._step.max):
            value = number(step, self.lang)
            raise StudentError("convolution.bad_step", high=self._step.max, value=value)
        return int(step)

    def _apply_kernel(self, kernel: np.ndarray) -> None:
        self._set_weights(kernel)
        self._preset.value = self._matching_preset()

    def _apply_preset(self, preset: str) -> None:
        self._preset.value = preset
        if preset != "custom":
            self._set_weights(convolution_model.KERNELS[preset])

    def _set_weights(self, kernel) -> None:
        for box, value in zip(self._weights, np.ravel(kernel), strict=True):
            box.value = round(float(value), 4)

    def _matching_preset(self) -> str:
        for name in PRESETS:
            if np.allclose(self.kernel, convolution_model.KERNELS[name], atol=1e-3):
                return name
        return "custom"

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        self._compute_and_draw()

    def _model_for(self, g) -> object:
        """The Keras model of this geometry (cached: only a few combinations exist)."""
        key = (g.size, g.stride, g.padding)
        if key not in self._models:
            self._models[key] = convolution_model.build_convolution_model(
                self.kernel, g.size, g.stride, g.padding
            )
        return self._models[key]

    # Drawing ------------------------------------------------------------------------------
    def _refresh(self) -> None:
        if self.ready.is_set() or self.model is not None:
            self._compute_and_draw()

    def _compute_and_draw(self) -> None:
        m = convolution_model
        self._clear_error()
        image = self.image()
        if image is None:
            self.show_error(self.digits.blank_message)
            return
        g = self._geometry()
        if g is None:
            return
        # The maps come from tf.nn ops (1.7 ms; a Keras model call took 11 ms, which a
        # student feels on every kernel edit); dashboard.model gets the same kernel, and
        # tests check that the two agree.
        self.model = self._model_for(g)
        m.set_kernel(self.model, self.kernel)
        feature_map = m.convolve(image, self.kernel, g.stride, g.padding)
        rectified = m.relu(feature_map)
        self.maps = [feature_map, rectified] + ([m.max_pool(rectified)] if g.pooled else [])
        pooled = self.maps[2] if len(self.maps) > 2 else None
        panels = convolution_rasters(m.padded(image, g), self.maps[0], self.maps[1], pooled)
        last = g.output * g.output - 1
        if self._first_draw:  # start in the middle of the image, where the digit is
            self._first_draw = False
            step = (g.output // 2) * g.output + g.output // 2
        else:
            step = same_place(int(self._step.value), self._drawn_output, g.output)
        self._drawn_output = g.output
        # One message to the figure (maps and window frames together): each message is a
        # redraw in the browser.
        shapes, texts = self._window_at(step)
        draw_rasters(self.figure, panels, shapes, unit=True)
        self._show_window(texts)  # after the figure: the browser handles messages in order
        self._draw_formula(g)
        # Maxima first: the browser clamps a value above the max it knows.
        self._play.max = self._step.max = max(last, 1)
        if self._step.value != step:
            self._step.value = step
        self._refresh_code()  # a new digit or drawing changes the code too

    def _clear_error(self) -> None:
        """Clear the banner; while the stand-in replaces the missing MNIST, say why instead
        (the sentence of :class:`~widgets.data.MnistUnavailableError`, its detail behind
        the toggle)."""
        if self.digits.error is not None and not self.digits.drawing:
            self.show_error(self.digits.error)
        else:
            self.clear_error()

    def _geometry(self):
        n, k, padding = int(self._size.value), 3, PADDINGS[self._padding.value]
        try:
            self.geometry = convolution_model.geometry(n, k, int(self._stride.value), padding)
        except convolution_model.GeometryError:  # only a too-large kernel gets here
            self.geometry = None
            p = 0 if padding == "valid" else int(padding)
            self.show_error(self._t("impossible", k=k, n=n, p=p, span=n + 2 * p - k))
            self._formula.value = ""
        return self.geometry

    def _draw_formula(self, g) -> None:
        text = self._t("formula", formula=g.formula(), out=g.output, pooled=g.pooled)
        notes = []
        if not g.exact:
            span = g.size + 2 * g.pad_before - g.kernel
            notes.append(self._t("uneven", span=span, stride=g.stride, left=span % g.stride))
        if not g.pooled:
            notes.append(self._t("no_pool", out=g.output))
        self._formula.value = formula_html(text, notes)

    def _draw_step(self, step: int) -> None:
        g, image = self.geometry, self.image()
        if g is None or image is None or not self.maps:
            return
        shapes, texts = self._window_at(step)
        draw_rasters(self.figure, [], shapes, unit=True)
        self._show_window(texts)

    def _window_at(self, step: int) -> tuple[list[dict], tuple[str, str]]:
        """The frames at ``step`` and the HTML of the products table and position line."""
        g = self.geometry
        row, col = convolution_model.position(step, g)
        w = convolution_model.window(self.image(), self.kernel, g, row, col)
        labels = (self._t("window"), self._t("weights"), self._t("products"))
        table = window_table_html(w.patch, self.kernel, w.products, w.total, labels, self.lang)
        where = self._t("at", row=row, col=col, total=f"{g.output}×{g.output}")
        size = g.size + g.pad_before + g.pad_after
        shapes = window_shapes(w.top, w.left, g.kernel, row, col, size, g.output)
        return shapes, (table, where)

    def _show_window(self, texts: tuple[str, str]) -> None:
        self._window.value, self._position.value = texts

    # Events -------------------------------------------------------------------------------
    @reacts
    def _on_preset_change(self, change) -> None:
        if change["new"] == "custom":
            return
        with self._quietly():  # nine boxes, one redraw
            self._set_weights(convolution_model.KERNELS[change["new"]])
        self._refresh()

    @reacts
    def _on_weight_change(self, change) -> None:
        name = self._matching_preset()
        if self._preset.value != name:
            with self._quietly():
                self._preset.value = name
        self._refresh()

    @reacts
    def _on_geometry_change(self, change) -> None:
        self._refresh()

    @reacts
    def _on_step_change(self, change) -> None:
        self._draw_step(int(change["new"]))

    @reacts
    def _on_image_change(self) -> None:
        self._refresh()
