"""Lesson 10 dashboard, part 1: a convolution computed by hand.

The student picks a test digit (or draws one), chooses a 3×3 kernel (a preset or nine
typed values), and sees the feature map, the map after ReLU and after 2×2 max-pooling.
The kernel slides over the image step by step or played (``ipywidgets.Play``); at each
position the window, the nine products and their sum are shown beside the frames on the
image and on the feature map. Stride, padding and the input size change the output size,
whose formula is evaluated; an impossible combination is a message, not a crash.

``dashboard.model`` is a Keras model (:func:`widgets.models.convolution.build_convolution_model`)
whose ``Conv2D`` holds the kernel; it is rebuilt when the geometry changes (about 10 ms).
:class:`DigitSource` (test digit or drawing) is shared with the CNN dashboard.
"""

from __future__ import annotations

import html
import numbers
from collections.abc import Callable

import ipywidgets
import numpy as np

from ..data import MnistUnavailableError, load_mnist
from ..errors import StudentError, whole_number
from ..exercises import GateCheck
from ..figures.feature_maps import (
    convolution_figure,
    convolution_rasters,
    draw_rasters,
    window_shapes,
    window_table_html,
)
from ..figures.png import SHARP_IMAGES_CSS
from ..i18n import Strings, check_language, number
from ..models.convolution import KERNELS, GeometryError, geometry, position
from ..ui import Dashboard, shows_errors

TEXT = Strings(
    "convolution",
    {
        "title": {"pl": "Splot (konwolucja) krok po kroku", "en": "Convolution step by step"},
        "intro": {
            "pl": "Warstwa konwolucyjna zamiast mnożyć obraz przez macierz wag <b>przesuwa mały "
            "filtr (jądro, np. 3×3) po obrazie</b>. W każdym położeniu mnoży dziewięć pikseli "
            "okna przez dziewięć wag filtra i sumuje iloczyny: to jedna liczba <b>mapy "
            "cech</b>. Te same wagi działają w każdym miejscu obrazu, więc filtr wykrywa ten "
            "sam wzór (np. krawędź) wszędzie. Potem ReLU zeruje wartości ujemne, a "
            "max-pooling 2×2 (łączenie, ang. <i>pooling</i>) zostawia z każdego bloku 2×2 "
            "największą z czterech wartości, więc zmniejsza mapę dwa razy w każdym wymiarze.",
            "en": "Instead of multiplying the image by a weight matrix, a convolutional layer "
            "<b>slides a small filter (kernel, e.g. 3×3) over the image</b>. At each position "
            "it multiplies the nine pixels of the window by the nine weights and sums the "
            "products: one number of the <b>feature map</b>. The same weights work everywhere, "
            "so the filter finds the same pattern (e.g. an edge) anywhere. Then ReLU zeroes "
            "the negative values and 2×2 max-pooling keeps the largest of each 2×2 block's four "
            "values, so it halves the map in each dimension.",
        },
        "source": {"pl": "obraz", "en": "image"},
        "source_test": {"pl": "cyfra testowa", "en": "test digit"},
        "source_draw": {"pl": "narysuj", "en": "draw"},
        "digit": {"pl": "nr cyfry", "en": "digit no."},
        "digit_label": {"pl": "etykieta: <b>{label}</b>", "en": "label: <b>{label}</b>"},
        "blank": {
            "pl": "Pole rysowania jest puste: narysuj cyfrę albo wybierz cyfrę testową.",
            "en": "The drawing pad is empty: draw a digit or pick a test digit.",
        },
        "stand_in": {
            "pl": "obraz zastępczy (bez danych MNIST)",
            "en": "a stand-in image (no MNIST data)",
        },
        "kernel": {"pl": "filtr 3×3", "en": "3×3 kernel"},
        "identity": {"pl": "tożsamość", "en": "identity"},
        "blur": {"pl": "rozmycie", "en": "blur"},
        "sharpen": {"pl": "wyostrzenie", "en": "sharpen"},
        "sobel_x": {"pl": "Sobel x (krawędzie pionowe)", "en": "Sobel x (vertical edges)"},
        "sobel_y": {"pl": "Sobel y (krawędzie poziome)", "en": "Sobel y (horizontal edges)"},
        "laplacian": {"pl": "Laplasjan (wszystkie krawędzie)", "en": "Laplacian (all edges)"},
        "custom": {"pl": "własny (wpisz wagi)", "en": "custom (type the weights)"},
        "kernel_help": {
            "pl": "Wpisz dziewięć wag albo wybierz gotowy filtr.",
            "en": "Type the nine weights or choose a preset.",
        },
        "bad_kernel": {
            "pl": "Filtr 3×3 ma dziewięć wag i każda musi być skończoną liczbą: podaj tablicę "
            "3×3 albo wybierz gotowy filtr.",
            "en": "A 3×3 kernel has nine weights, each a finite number: give a 3×3 array or "
            "choose a preset.",
        },
        "big_weight": {
            "pl": "Każda waga filtra musi być liczbą od {low} do {high}, a podano {value}.",
            "en": "Every kernel weight must be a number from {low} to {high}, not {value}.",
        },
        "bad_preset": {
            "pl": "Nieznany filtr {value!r}; do wyboru: {names}.",
            "en": "Unknown kernel {value!r}; choose one of: {names}.",
        },
        "bad_stride": {
            "pl": "Krok (stride) musi być liczbą całkowitą od {low} do {high}, a podano {value}.",
            "en": "The stride must be a whole number from {low} to {high}, not {value}.",
        },
        "bad_size": {
            "pl": "Rozmiar wejścia n musi być liczbą całkowitą od {low} do {high}, a podano "
            "{value}.",
            "en": "The input size n must be a whole number from {low} to {high}, not {value}.",
        },
        "bad_padding": {
            "pl": "Dopełnienie (padding) może mieć tylko jedną z wartości {names}, a podano "
            "{value}.",
            "en": "The padding can only be one of {names}, not {value}.",
        },
        "bad_step": {
            "pl": "Położenie okna musi być liczbą całkowitą od 0 do {high}, a podano {value}.",
            "en": "The window position must be a whole number from 0 to {high}, not {value}.",
        },
        "stride": {"pl": "krok (stride)", "en": "stride"},
        "padding": {"pl": "dopełnienie", "en": "padding"},
        "pad_valid": {"pl": "brak (valid, p=0)", "en": "none (valid, p=0)"},
        "pad_1": {"pl": "p = 1 zero wokół", "en": "p = 1 zero around"},
        "pad_2": {"pl": "p = 2 zera wokół", "en": "p = 2 zeros around"},
        "pad_same": {"pl": "same (wyjście ⌈n/s⌉)", "en": "same (output ⌈n/s⌉)"},
        "size": {"pl": "rozmiar wejścia n", "en": "input size n"},
        "size_help": {
            "pl": "Mniejsze n wycina środek obrazu: sprawdź, kiedy filtr przestaje się mieścić.",
            "en": "A smaller n crops the middle of the image: see when the kernel stops fitting.",
        },
        "step": {"pl": "położenie", "en": "position"},
        "play_help": {
            "pl": "▶ przesuwa filtr wiersz po wierszu; suwak ustawia położenie ręcznie.",
            "en": "▶ slides the kernel row by row; the slider sets the position by hand.",
        },
        "fig_input": {"pl": "wejście (z dopełnieniem)", "en": "input (padded)"},
        "fig_map": {"pl": "mapa cech", "en": "feature map"},
        "fig_relu": {"pl": "po ReLU", "en": "after ReLU"},
        "fig_pool": {"pl": "max-pooling 2×2", "en": "2×2 max-pooling"},
        "window": {"pl": "okno", "en": "window"},
        "weights": {"pl": "wagi filtra", "en": "kernel weights"},
        "products": {"pl": "iloczyny", "en": "products"},
        "formula": {
            "pl": "Rozmiar mapy cech: {formula} → mapa {out}×{out}, po poolingu {pooled}×{pooled}.",
            "en": "Feature-map size: {formula} → a {out}×{out} map, {pooled}×{pooled} after "
            "pooling.",
        },
        "uneven": {
            "pl": "Uwaga: (n + 2p − k) = {span} nie dzieli się przez s = {stride}, więc "
            "ostatnie wiersze i kolumny nie trafiają pod filtr (Keras je pomija); ich "
            "liczba: {left}.",
            "en": "Note: (n + 2p − k) = {span} is not divisible by s = {stride}: the last "
            "{left} {left:@row and column are|rows and columns are} never under the kernel "
            "(Keras drops them).",
        },
        "no_pool": {
            "pl": "Mapa {out}×{out} jest mniejsza niż okno poolingu 2×2: pooling niemożliwy.",
            "en": "The {out}×{out} map is smaller than the 2×2 pooling window: no pooling.",
        },
        "impossible": {
            "pl": "Filtr {k}×{k} nie mieści się w wejściu {n}×{n} z dopełnieniem p = {p}: "
            "n + 2p − k = {span} < 0. Zwiększ n lub dopełnienie.",
            "en": "The {k}×{k} kernel does not fit in the {n}×{n} input with padding p = {p}: "
            "n + 2p − k = {span} < 0. Increase n or the padding.",
        },
        "at": {
            "pl": "położenie (wiersz {row}, kolumna {col}) z {total}",
            "en": "position (row {row}, column {col}) of {total}",
        },
        "model_help": {
            "pl": "Liczy to prawdziwa warstwa Kerasa <code>Conv2D</code> z wpisanym filtrem "
            "(<code>dashboard.model</code>), ReLU i <code>MaxPooling2D</code>.",
            "en": "A real Keras <code>Conv2D</code> layer with your kernel computes this "
            "(<code>dashboard.model</code>), followed by ReLU and <code>MaxPooling2D</code>.",
        },
        "check_size_ok": {
            "pl": "✅ Dobrze: ⌊({n} + 2·{p} − {k})/{s}⌋ + 1 = {want}.",
            "en": "✅ Correct: ⌊({n} + 2·{p} − {k})/{s}⌋ + 1 = {want}.",
        },
        "check_size_bad": {
            "pl": "❌ Jeszcze nie: {got} ≠ wynik wzoru ⌊(n + 2p − k)/s⌋ + 1. Podstaw n = {n}, "
            "p = {p}, k = {k}, s = {s} i pamiętaj o zaokrągleniu w dół.",
            "en": "❌ Not yet: {got} is not what ⌊(n + 2p − k)/s⌋ + 1 gives. Put in n = {n}, "
            "p = {p}, k = {k}, s = {s} and remember to round down.",
        },
        "check_params_ok": {
            "pl": "✅ Dobrze: ({k}·{k}·{c} + 1)·{f} = {want} {want:@parametr|parametry|parametrów} "
            "(wagi + wyraz wolny, czyli bias, każdego filtra).",
            "en": "✅ Correct: ({k}·{k}·{c} + 1)·{f} = {want} parameters (weights + one bias per "
            "filter).",
        },
        "check_params_bad": {
            "pl": "❌ Jeszcze nie: {got}. Każdy z {f} {f:@filtra|filtrów|filtrów} ma jądro {k}×{k} "
            "na każdym z {c} {c:@kanału|kanałów|kanałów} wejścia i jeden wyraz wolny (bias).",
            "en": "❌ Not yet: {got}. Each of the {f} filters has a {k}×{k} kernel on each of the "
            "{c} input channels, and one bias.",
        },
        "check_edge_ok": {
            "pl": "✅ Dobrze: filtr daje 0 na jednolitym tle, dodatnią odpowiedź na krawędzi "
            "ciemne→jasne w dół i nie reaguje na krawędź pionową.",
            "en": "✅ Correct: the kernel gives 0 on a flat background, a positive response on a "
            "dark→bright edge downwards and ignores a vertical edge.",
        },
        "check_edge_flat": {
            "pl": "❌ Na jednolitym obrazie filtr daje {value:.2f}, a powinien 0: wagi muszą "
            "sumować się do zera.",
            "en": "❌ On a flat image the kernel gives {value:.2f} instead of 0: the weights must "
            "sum to zero.",
        },
        "check_edge_weak": {
            "pl": "❌ Na krawędzi ciemne→jasne (w dół) odpowiedź to {value:.2f}: powinna być "
            "dodatnia. Daj dodatnie wagi w dolnym wierszu, ujemne w górnym.",
            "en": "❌ On a dark→bright edge (downwards) the response is {value:.2f}: it should "
            "be positive. Put positive weights in the bottom row, negative ones in the top row.",
        },
        "check_edge_vertical": {
            "pl": "❌ Filtr reaguje też na krawędź pionową ({value:.2f}): wagi w każdym wierszu "
            "powinny być symetryczne lewo-prawo.",
            "en": "❌ The kernel also responds to a vertical edge ({value:.2f}): each row's weights "
            "should be left-right symmetric.",
        },
    },
)

PRESETS = ("identity", "blur", "sharpen", "sobel_x", "sobel_y", "laplacian")
PADDINGS = {"pad_valid": "valid", "pad_1": 1, "pad_2": 2, "pad_same": "same"}
STRIDES = (1, 4)
SIZES = (2, 28)
WEIGHT_RANGE = (-10.0, 10.0)
PLAY_INTERVAL_MS = 250
LABEL = {"description_width": "120px"}


def stand_in_digit() -> np.ndarray:
    """A plain '7'-like shape for when MNIST cannot be loaded (28×28, [0, 1])."""
    image = np.zeros((28, 28), dtype=np.float32)
    image[6:9, 7:21] = 1.0
    for r in range(9, 23):
        c = 20 - (r - 9) // 2
        image[r, c - 1 : c + 2] = 1.0
    return image


def same_place(step: int, old_size: int, new_size: int) -> int:
    """The window position on a ``new_size`` map at the same place of the image as
    ``step`` on an ``old_size`` map (a new stride or padding keeps the window where the
    student was looking, instead of jumping to the last corner)."""
    if old_size <= 0 or old_size == new_size:
        return min(step, new_size * new_size - 1)
    row, col = divmod(min(step, old_size * old_size - 1), old_size)
    scale = (new_size - 1) / max(old_size - 1, 1)
    return round(row * scale) * new_size + round(col * scale)


class DigitSource(ipywidgets.VBox):
    """Pick a test digit (slider) or draw one; ``image()`` is 28×28 float in [0, 1] or None."""

    def __init__(self, lang: str, default_index: int = 0):
        super().__init__()
        self.lang = check_language(lang)
        t = TEXT.for_language(self.lang)
        self._t = t
        # Without MNIST: why (its sentence in the page's language, for the banner) and a
        # stand-in digit instead of the test digits.
        self.error: MnistUnavailableError | None = None
        try:
            data = load_mnist()
            self.images, self.labels = data.x_test, data.y_test
        except MnistUnavailableError as error:
            self.error = error
            self.images, self.labels = (
                (stand_in_digit() * 255).astype(np.uint8)[None],
                np.array([7]),
            )
        self._callbacks: list[Callable[[], None]] = []
        self.canvas = None
        # Controls
        self.source = ipywidgets.ToggleButtons(
            options=[(t("source_test"), "test"), (t("source_draw"), "draw")],
            value="test",
            description=t("source"),
            style={"button_width": "110px"},
        )
        self.index = ipywidgets.IntSlider(
            min(default_index, len(self.images) - 1),
            min=0,
            max=len(self.images) - 1,
            description=t("digit"),
            style=LABEL,
            continuous_update=False,
            layout=ipywidgets.Layout(width="270px"),
        )
        self.index.add_class("dl-digit-index")
        self._label = ipywidgets.HTML()
        self._draw_box = ipywidgets.VBox(layout=ipywidgets.Layout(display="none"))
        self.children = [self.source, ipywidgets.HBox([self.index, self._label]), self._draw_box]
        # Events
        self.source.observe(self._on_source_change, names="value")
        self.index.observe(lambda _change: self._notify(), names="value")
        self._show_label()

    def image(self) -> np.ndarray | None:
        """The chosen digit (28×28 float32 in [0, 1]); None for a blank drawing."""
        if self.source.value == "draw":
            return None if self.canvas is None else self.canvas.digit()
        return self.images[self.index.value].astype(np.float32) / 255.0

    @property
    def label(self) -> int | None:
        """The true label of a test digit (None for a drawing)."""
        return None if self.source.value == "draw" else int(self.labels[self.index.value])

    def observe_image(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` whenever the image changes (new digit, stroke, source)."""
        self._callbacks.append(callback)

    def _notify(self) -> None:
        self._show_label()
        for callback in self._callbacks:
            callback()

    def _show_label(self) -> None:
        label = self.label
        if label is None:
            self._label.value = ""
        elif self.error is not None:
            self._label.value = html.escape(self._t("stand_in"))
        else:
            self._label.value = self._t("digit_label", label=label)

    def _on_source_change(self, change) -> None:
        drawing = change["new"] == "draw"
        if drawing and self.canvas is None:
            from ..canvas import DigitCanvas  # built on first use: an anywidget per dashboard

            self.canvas = DigitCanvas(self.lang)
            self.canvas.observe_digit(lambda _digit: self._notify())
            self._draw_box.children = [self.canvas]
        self._draw_box.layout.display = None if drawing else "none"
        self.index.layout.display = "none" if drawing else None
        self._notify()


class ConvolutionDashboard(Dashboard):
    """Convolution by hand (see the module docstring)."""

    def __init__(self, lang: str = "pl"):
        super().__init__(lang)
        t = self._t = TEXT.for_language(self.lang)
        self.geometry = None
        self.maps: list[np.ndarray] = []  # feature map, ReLU, pooled (last drawn)
        self._models: dict = {}
        self._setting = False  # True while a preset writes the nine weights
        self._first_draw = True
        self._drawn_output = 0  # the feature map's size at the last drawing

        # Controls
        self.digits = DigitSource(self.lang, default_index=1)
        self._preset = ipywidgets.Dropdown(
            options=[(t(name), name) for name in (*PRESETS, "custom")],
            value="sobel_x",
            description=t("kernel"),
            style=LABEL,
            layout=ipywidgets.Layout(width="330px"),
        )
        self._preset.add_class("dl-preset")
        self._weights = [
            ipywidgets.BoundedFloatText(
                0.0,
                min=WEIGHT_RANGE[0],
                max=WEIGHT_RANGE[1],
                step=0.1,
                layout=ipywidgets.Layout(width="72px"),
            )
            for _ in range(9)
        ]
        for i, box in enumerate(self._weights):
            box.add_class(f"dl-weight-{i}")
        self._stride = ipywidgets.IntSlider(
            1, min=STRIDES[0], max=STRIDES[1], description=t("stride"), style=LABEL
        )
        self._stride.add_class("dl-stride")
        self._padding = ipywidgets.Dropdown(
            options=[(t(key), key) for key in PADDINGS],
            value="pad_valid",
            description=t("padding"),
            style=LABEL,
        )
        self._padding.add_class("dl-padding")
        self._size = ipywidgets.IntSlider(
            28, min=SIZES[0], max=SIZES[1], description=t("size"), style=LABEL
        )
        self._size.add_class("dl-size")
        self._play = ipywidgets.Play(0, min=0, max=1, interval=PLAY_INTERVAL_MS)
        self._step = ipywidgets.IntSlider(0, min=0, max=1, description=t("step"), style=LABEL)
        self._step.add_class("dl-step")
        ipywidgets.jslink((self._play, "value"), (self._step, "value"))
        self._set_weights(KERNELS["sobel_x"])

        # Outputs
        self.figure = convolution_figure(
            [t(k) for k in ("fig_input", "fig_map", "fig_relu", "fig_pool")]
        )
        self._formula = ipywidgets.HTML()
        self._formula.add_class("dl-formula")
        self._window = ipywidgets.HTML()
        self._window.add_class("dl-window")
        self._position = ipywidgets.HTML()

        # Layout
        grid = ipywidgets.GridBox(
            self._weights, layout=ipywidgets.Layout(grid_template_columns="repeat(3, 76px)")
        )
        small = "<div style='font-size:13px;color:#444'>{}</div>"
        controls = ipywidgets.VBox(
            [
                self.digits,
                self._preset,
                ipywidgets.HTML(small.format(t("kernel_help"))),
                grid,
                self._stride,
                self._padding,
                self._size,
                ipywidgets.HTML(small.format(t("size_help"))),
            ],
            layout=ipywidgets.Layout(width="360px"),
        )
        sliding = ipywidgets.VBox(
            [
                ipywidgets.HBox([self._play, self._step, self._position]),
                ipywidgets.HTML(small.format(t("play_help"))),
                self._window,
                self._formula,
                ipywidgets.HTML(small.format(t("model_help"))),
            ]
        )
        self.children = [
            ipywidgets.HTML(
                f"<h2>{t('title')}</h2><p style='max-width:1000px'>{t('intro')}</p>"
                + SHARP_IMAGES_CSS
            ),
            self._loading,
            self._error,
            ipywidgets.HBox([controls, sliding], layout=ipywidgets.Layout(flex_flow="row wrap")),
            self.figure,
        ]
        self.add_class("dl-convolution")
        self.add_class("dl-sharp-images")  # the maps' pixels stay square (SHARP_IMAGES_CSS)
        self._model_controls = [
            self._preset,
            *self._weights,
            self._stride,
            self._padding,
            self._size,
        ]

        # Events
        self._preset.observe(self._on_preset_change, names="value")
        for box in self._weights:
            box.observe(self._on_weight_change, names="value")
        for control in (self._stride, self._padding, self._size):
            control.observe(self._on_geometry_change, names="value")
        self._step.observe(self._on_step_change, names="value")
        self.digits.observe_image(self._on_image_change)
        self._clear_error()
        self._start_model_loading()

    # Public API ---------------------------------------------------------------------------
    @property
    def kernel(self) -> np.ndarray:
        """The 3×3 kernel in the nine boxes."""
        return np.array([box.value for box in self._weights], dtype=np.float32).reshape(3, 3)

    @shows_errors
    def configure(
        self,
        kernel=None,
        preset: str | None = None,
        stride=None,
        padding=None,
        size=None,
        step=None,
    ):
        """Set controls from code (tests, notebook cells); a bad value gets a message and
        changes nothing."""
        if kernel is not None:
            kernel = self._checked_kernel(kernel)
        if preset is not None and preset not in (*PRESETS, "custom"):
            names = ", ".join((*PRESETS, "custom"))
            raise StudentError("convolution.bad_preset", value=preset, names=names)
        if stride is not None and not (whole_number(stride) and STRIDES[0] <= stride <= STRIDES[1]):
            low, high, value = *STRIDES, number(stride, self.lang)
            raise StudentError("convolution.bad_stride", low=low, high=high, value=value)
        if size is not None and not (whole_number(size) and SIZES[0] <= size <= SIZES[1]):
            low, high, value = *SIZES, number(size, self.lang)
            raise StudentError("convolution.bad_size", low=low, high=high, value=value)
        paddings = {v: k for k, v in PADDINGS.items()}
        if padding is not None and not (
            isinstance(padding, str | numbers.Integral) and padding in paddings
        ):
            names = ", ".join(map(repr, paddings))
            value = number(padding, self.lang)
            raise StudentError("convolution.bad_padding", names=names, value=value)
        if step is not None and not (whole_number(step) and 0 <= step <= self._step.max):
            value = number(step, self.lang)
            raise StudentError("convolution.bad_step", high=self._step.max, value=value)
        if preset is not None:
            self._preset.value = preset
        if kernel is not None:
            self._setting = True
            try:
                self._set_weights(kernel)
            finally:
                self._setting = False
            self._preset.value = self._matching_preset()
            self.redraw()
        for control, value in ((self._stride, stride), (self._size, size)):
            if value is not None:
                control.value = int(value)
        if padding is not None:
            self._padding.value = paddings[padding]
        if step is not None:
            self._step.value = int(step)

    def image(self) -> np.ndarray | None:
        """The input after cropping to the chosen size (None for a blank drawing)."""
        full = self.digits.image()
        if full is None:
            return None
        n = int(self._size.value)
        start = (28 - n) // 2
        return full[start : start + n, start : start + n]

    @shows_errors
    def redraw(self) -> None:
        """Recompute with the Keras model and redraw every view."""
        if self.ready.is_set() or self.model is not None:
            self._compute_and_draw()

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        self._compute_and_draw()

    def _model_for(self, g) -> object:
        """The Keras model of this geometry (cached: only a few combinations exist)."""
        from ..models.convolution import build_convolution_model

        key = (g.size, g.stride, g.padding)
        if key not in self._models:
            self._models[key] = build_convolution_model(self.kernel, g.size, g.stride, g.padding)
        return self._models[key]

    def _compute_and_draw(self) -> None:
        from ..models.convolution import convolve, max_pool, padded, relu, set_kernel

        self._clear_error()
        image = self.image()
        if image is None:
            self.show_error(self._t("blank"))
            return
        g = self._geometry()
        if g is None:
            return
        # The maps come from tf.nn ops (1.7 ms; a Keras model call took 11 ms, which a
        # student feels on every kernel edit); dashboard.model gets the same kernel, and
        # tests check that the two agree.
        self.model = self._model_for(g)
        set_kernel(self.model, self.kernel)
        feature_map = convolve(image, self.kernel, g.stride, g.padding)
        rectified = relu(feature_map)
        self.maps = [feature_map, rectified] + ([max_pool(rectified)] if g.pooled else [])
        pooled = self.maps[2] if len(self.maps) > 2 else None
        panels = convolution_rasters(padded(image, g), self.maps[0], self.maps[1], pooled)
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

    def _clear_error(self) -> None:
        """Clear the banner; while the stand-in replaces the missing MNIST, say why instead
        (the sentence of :class:`~widgets.data.MnistUnavailableError`, its detail behind
        the toggle)."""
        if self.digits.error is not None and self.digits.source.value == "test":
            self.show_error(self.digits.error)
        else:
            self.clear_error()

    def _geometry(self):
        n, k, padding = int(self._size.value), 3, PADDINGS[self._padding.value]
        try:
            self.geometry = geometry(n, k, int(self._stride.value), padding)
        except GeometryError:  # only a too-large kernel can get here from the controls
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
        note = "".join(
            f"<div class='dl-note' style='color:#b35900'>{html.escape(n)}</div>" for n in notes
        )
        self._formula.value = f"<div style='font-size:15px'>{html.escape(text)}</div>{note}"

    def _draw_step(self, step: int) -> None:
        g, image = self.geometry, self.image()
        if g is None or image is None or not self.maps:
            return
        shapes, texts = self._window_at(step)
        draw_rasters(self.figure, [], shapes, unit=True)
        self._show_window(texts)

    def _window_at(self, step: int) -> tuple[list[dict], tuple[str, str]]:
        """The frames at ``step`` and the HTML of the products table and position line."""
        from ..models.convolution import window

        g = self.geometry
        row, col = position(step, g)
        w = window(self.image(), self.kernel, g, row, col)
        labels = (self._t("window"), self._t("weights"), self._t("products"))
        table = window_table_html(w.patch, self.kernel, w.products, w.total, labels)
        where = self._t("at", row=row, col=col, total=f"{g.output}×{g.output}")
        size = g.size + g.pad_before + g.pad_after
        shapes = window_shapes(w.top, w.left, g.kernel, row, col, size, g.output)
        return shapes, (table, where)

    def _show_window(self, texts: tuple[str, str]) -> None:
        self._window.value, self._position.value = texts

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

    def _set_weights(self, kernel) -> None:
        kernel = self._checked_kernel(kernel)
        for box, value in zip(self._weights, kernel.ravel(), strict=True):
            box.value = round(float(value), 4)

    def _matching_preset(self) -> str:
        for name in PRESETS:
            if np.allclose(self.kernel, KERNELS[name], atol=1e-3):
                return name
        return "custom"

    # Events -------------------------------------------------------------------------------
    @shows_errors
    def _on_preset_change(self, change) -> None:
        if change["new"] == "custom":
            return
        self._setting = True
        try:
            self._set_weights(KERNELS[change["new"]])
        finally:
            self._setting = False
        self.redraw()

    @shows_errors
    def _on_weight_change(self, change) -> None:
        if self._setting:
            return
        name = self._matching_preset()
        if self._preset.value != name:
            self._preset.unobserve(self._on_preset_change, names="value")
            self._preset.value = name
            self._preset.observe(self._on_preset_change, names="value")
        self.redraw()

    @shows_errors
    def _on_geometry_change(self, change) -> None:
        self.redraw()

    @shows_errors
    def _on_step_change(self, change) -> None:
        self._draw_step(int(change["new"]))

    @shows_errors
    def _on_image_change(self) -> None:
        self.redraw()


# Exercises -------------------------------------------------------------------------------
def check_output_size(
    answer, size: int, kernel: int, stride: int, padding: int, lang: str = "pl"
) -> GateCheck:
    """Is ``answer`` the side of the feature map of this convolution (a whole-number padding)?"""
    t = TEXT.for_language(check_language(lang))
    want = geometry(size, kernel, stride, padding).output
    values = {"n": size, "k": kernel, "s": stride, "p": padding, "want": want}
    if answer == want:
        return GateCheck(True, t("check_size_ok", **values))
    return GateCheck(False, t("check_size_bad", got=answer, **values))


def check_conv_parameters(
    answer, filters: int, kernel: int, channels: int, lang: str = "pl"
) -> GateCheck:
    """Is ``answer`` the parameter count of ``Conv2D(filters, kernel)`` on ``channels`` inputs?"""
    t = TEXT.for_language(check_language(lang))
    want = (kernel * kernel * channels + 1) * filters
    values = {"f": filters, "k": kernel, "c": channels}
    if answer == want:
        return GateCheck(True, t("check_params_ok", want=want, **values))
    return GateCheck(False, t("check_params_bad", got=answer, **values))


def check_edge_kernel(kernel, lang: str = "pl") -> GateCheck:
    """Does a 3×3 ``kernel`` detect horizontal edges (dark above, bright below) only?"""
    from ..models.convolution import convolve

    t = TEXT.for_language(check_language(lang))
    kernel = np.asarray(kernel, dtype=np.float32).reshape(3, 3)
    flat = np.full((6, 6), 0.5, dtype=np.float32)
    down = np.repeat(np.array([0, 0, 0, 1, 1, 1], dtype=np.float32)[:, None], 6, axis=1)
    flat_response = float(np.abs(convolve(flat, kernel)).max())
    if flat_response > 1e-4:
        return GateCheck(False, t("check_edge_flat", value=flat_response))
    edge = float(convolve(down, kernel).max())
    if edge <= 1e-4:
        return GateCheck(False, t("check_edge_weak", value=edge))
    vertical = float(np.abs(convolve(down.T, kernel)).max())
    if vertical > 1e-4:
        return GateCheck(False, t("check_edge_vertical", value=vertical))
    return GateCheck(True, t("check_edge_ok"))
