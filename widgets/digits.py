"""The one digit source of the course: a test digit of MNIST, or one the student draws.

Every lesson that shows a network a digit takes it from here (lesson 09's prediction,
lesson 10's convolution and CNN, and the autoencoder, GAN and transfer lessons)::

    digits = DigitSource("en")
    digits.observe_image(redraw)  # called after a new test digit, a stroke, Clear, a switch
    digits.image()  # (28, 28) float32 in [0, 1], as MNIST gives it; None for an empty pad
    digits.label  # the test digit's true label; None for a drawing

``digits`` is a widget: the source buttons ("test digit" / "draw", ``source.value``
``"test"`` or ``"drawn"``), the test digit's slider (``index``) with its label, and the
drawing pad (:class:`widgets.canvas.DigitCanvas`, built at the first switch to drawing and
shown instead of the slider). A dashboard that lays out its page otherwise places these
parts itself (``pad_always=True`` builds the pad at once and keeps the slider shown; a
stroke then leaves the source as it is: the page decides whether to switch to "drawn").

The test digits are MNIST's test set (:func:`widgets.data.load_mnist`, numpy only). When
MNIST cannot be loaded a stand-in "7" replaces them and ``error`` is the
:class:`~widgets.data.MnistUnavailableError` saying why, for the dashboard's banner. A
dashboard that loads MNIST itself later (in ``_build_model``) passes ``load=False`` and
hands the digits over with :meth:`DigitSource.use_digits`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from html import escape

import ipywidgets
import numpy as np

from .controls import html, slider, toggles
from .data import MnistUnavailableError, load_mnist
from .i18n import Strings, check_language

TEXT = Strings(
    "digits",
    {
        "source": {
            "pl": "obraz",
            "en": "image",
        },
        "source_test": {
            "pl": "cyfra testowa",
            "en": "test digit",
        },
        "source_draw": {
            "pl": "narysuj",
            "en": "draw",
        },
        "digit": {
            "pl": "nr cyfry",
            "en": "digit no.",
        },
        "digit_label": {
            "pl": "etykieta: <b>{label}</b>",
            "en": "label: <b>{label}</b>",
        },
        "blank": {
            "pl": "Pole rysowania jest puste: narysuj cyfrę albo wybierz cyfrę testową.",
            "en": "The drawing pad is empty: draw a digit or pick a test digit.",
        },
        "stand_in": {
            "pl": "obraz zastępczy (bez danych MNIST)",
            "en": "a stand-in image (no MNIST data)",
        },
        "code_test": {
            "pl": "# Cyfra testowa nr {index} ({label}) ze zbioru MNIST, piksele od 0 do 1.",
            "en": "# Test digit no. {index} ({label}) of MNIST, pixels from 0 to 1.",
        },
        "code_drawn": {
            "pl": "# Twoja narysowana cyfra (28×28, piksele od 0 do 1, zaokrąglone do 0,001).",
            "en": "# Your drawn digit (28×28, pixels from 0 to 1, rounded to 0.001).",
        },
    },
)

#: The words a lesson may replace (its own wording of the same controls).
WORDS = ("source", "source_test", "source_draw", "digit")


def stand_in_digit() -> np.ndarray:
    """A plain '7'-like shape for when MNIST cannot be loaded (28×28, [0, 1])."""
    image = np.zeros((28, 28), dtype=np.float32)
    image[6:9, 7:21] = 1.0
    for r in range(9, 23):
        c = 20 - (r - 9) // 2
        image[r, c - 1 : c + 2] = 1.0
    return image


class DigitSource(ipywidgets.VBox):
    """A test digit (slider) or a drawing; see the module docstring.

    ``index``: the test digit shown first. ``load=False``: no test digits until
    :meth:`use_digits`. ``pad_always``: the pad is built at once and the slider stays
    shown (for a page that places ``canvas`` itself). ``words``: the lesson's own
    wording of :data:`WORDS`.
    """

    def __init__(
        self,
        lang: str,
        *,
        index: int = 0,
        load: bool = True,
        pad_always: bool = False,
        words: Mapping[str, str] | None = None,
    ):
        super().__init__()
        self.lang = check_language(lang)
        self._t = TEXT.for_language(self.lang)
        self._words = dict(words or {})
        self._pad_always = pad_always
        self._callbacks: list[Callable[[], None]] = []
        self.error: MnistUnavailableError | None = None
        self.images, self.labels = np.zeros((0, 28, 28), np.uint8), np.zeros(0, int)
        if load:
            self._load()
        self.canvas = None
        self._build(index)
        self._wire()

    # Construction -------------------------------------------------------------------------
    def _word(self, key: str) -> str:
        return self._words.get(key) or self._t(key)

    def _load(self) -> None:
        try:
            data = load_mnist()
            self.images, self.labels = data.x_test, data.y_test
        except MnistUnavailableError as error:  # its sentence, for the dashboard's banner
            self.error = error
            self.images = (stand_in_digit() * 255).astype(np.uint8)[None]
            self.labels = np.array([7])

    def _build(self, index: int) -> None:
        high = max(len(self.images) - 1, 0)
        options = [(self._word("source_test"), "test"), (self._word("source_draw"), "drawn")]
        self.source = toggles(self._word("source"), options, "test", button_width="110px")
        self.index = slider(
            self._word("digit"),
            min(index, high),
            0,
            high,
            1,
            integer=True,
            width="270px",
            continuous_update=False,
        )
        self.index.add_class("dl-digit-index")
        self._label = html()
        self._pad_box = ipywidgets.VBox()
        if self._pad_always:
            self._build_pad()
        else:
            self._pad_box.layout.display = "none"
        self.children = [self.source, ipywidgets.HBox([self.index, self._label]), self._pad_box]
        self._show_label()

    def _build_pad(self) -> None:
        from .canvas import DigitCanvas  # an anywidget: built only where a pad is shown

        self.canvas = DigitCanvas(self.lang)
        self.canvas.observe_digit(lambda _digit: self._notify())
        self._pad_box.children = [self.canvas]

    def _wire(self) -> None:
        self.source.observe(self._on_source_change, names="value")
        self.index.observe(lambda _change: self._notify(), names="value")

    # Public API ---------------------------------------------------------------------------
    def image(self) -> np.ndarray | None:
        """The chosen digit (28×28 float32 in [0, 1]); None for an empty pad (or before
        :meth:`use_digits` with ``load=False``)."""
        if self.drawing:
            return None if self.canvas is None else self.canvas.digit()
        if not len(self.images):
            return None
        return self.images[self.index.value].astype(np.float32) / 255.0

    def code_lines(self, name: str = "image") -> list[str]:
        """Python lines that set ``name`` to :meth:`image` in a fresh notebook cell ("show
        the code"): a test digit through :func:`widgets.data.load_mnist`, a drawing as a
        literal rounded to 0.001 (28 rows of 28). Empty for a blank pad."""
        if self.drawing:
            digit = self.image()
            if digit is None:
                return []
            rows = "".join(
                "    [" + ", ".join(f"{v:.3f}".rstrip("0").rstrip(".") or "0" for v in row) + "],\n"
                for row in np.round(digit, 3)
            )
            return [self._t("code_drawn"), f'{name} = np.array([\n{rows}], dtype="float32")']
        index = int(self.index.value)
        return [
            self._t("code_test", index=index, label=self.label),
            f'{name} = load_mnist().x_test[{index}].astype("float32") / 255.0',
        ]

    @property
    def label(self) -> int | None:
        """The true label of a test digit (None for a drawing)."""
        if self.drawing or not len(self.labels):
            return None
        return int(self.labels[self.index.value])

    @property
    def drawing(self) -> bool:
        """True while the source is the drawing pad."""
        return self.source.value == "drawn"

    @property
    def blank_message(self) -> str:
        """The sentence a dashboard shows for an empty pad, in the page's language."""
        return self._t("blank")

    def observe_image(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` whenever the image changes (new digit, stroke, source)."""
        self._callbacks.append(callback)

    def use_digits(self, images: np.ndarray, labels: np.ndarray) -> None:
        """Take ``images`` (``(n, 28, 28)`` uint8, 0-255) and ``labels`` as the test digits."""
        if images is self.images and labels is self.labels:
            return
        self.images, self.labels, self.error = images, labels, None
        self.index.max = max(len(images) - 1, 0)
        self._notify()

    # Events -------------------------------------------------------------------------------
    def _notify(self) -> None:
        self._show_label()
        for callback in self._callbacks:
            callback()

    def _show_label(self) -> None:
        label = self.label
        if label is None:
            self._label.value = ""
        elif self.error is not None:
            self._label.value = escape(self._t("stand_in"))
        else:
            self._label.value = self._t("digit_label", label=label)

    def _on_source_change(self, change) -> None:
        # The label first: the page shows it at once, while showing the pad (and hiding
        # the slider) makes it lay the page out again, 10 ms and more in lesson 15's
        # benchmark, which the label waited for when it came after them.
        self._show_label()
        if not self._pad_always:
            drawing = self.drawing
            if drawing and self.canvas is None:
                self._build_pad()
            self._pad_box.layout.display = None if drawing else "none"
            self.index.layout.display = "none" if drawing else None
        self._notify()
