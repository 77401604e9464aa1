"""A drawing pad for a digit: draw with the mouse (or a finger), get an MNIST-like image.

Why an anywidget and not ipycanvas: in Voilà 0.5.13 here an ipycanvas 0.14.3 ``Canvas``
received the mouse events in the kernel, but its drawing commands never reached the page's
pixels (checked in headless Chromium: 0 painted pixels after a stroke). This pad is a plain
HTML ``<canvas>`` in a few lines of JavaScript: the browser draws the strokes itself, and
after each finished stroke it sends the pad shrunk to 112x112 (alpha = ink) to the kernel,
as base64 bytes. The kernel then applies MNIST's preprocessing
(:func:`widgets.data.drawn.to_mnist`).

>>> pad = DigitCanvas(lang="pl")                     # doctest: +SKIP
>>> pad.observe_digit(lambda digit: print(None if digit is None else digit.shape))
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Callable

import anywidget
import ipywidgets
import numpy as np
import traitlets

from .data.drawn import to_mnist
from .i18n import Strings, check_language

TEXT = Strings(
    "canvas",
    {
        "hint": {
            "pl": "Narysuj jedną cyfrę myszą (lub palcem), dużą, na środku pola.",
            "en": "Draw one digit with the mouse (or a finger), large, in the middle of the pad.",
        },
        "clear": {
            "pl": "Wyczyść",
            "en": "Clear",
        },
    },
)

log = logging.getLogger("widgets")

#: Side of the drawing pad on screen, in CSS pixels.
PAD_PIXELS = 224
#: Side of the image sent to the kernel (4x MNIST: enough detail, 12.5 kB per stroke).
SENT_PIXELS = 112

_ESM = """
function render({ model, el }) {
  const side = model.get("side"), sent = model.get("sent");
  const pad = document.createElement("canvas");
  pad.width = side; pad.height = side;
  pad.className = "dl-digit-pad";
  pad.style.cssText = "background:#fff;border:2px solid #555;border-radius:6px;" +
    "cursor:crosshair;touch-action:none;width:" + side + "px;height:" + side + "px";
  el.appendChild(pad);
  const ctx = pad.getContext("2d");
  // Stroke width about 1/10 of the pad: after scaling to 20 px, MNIST's pen width.
  ctx.lineWidth = side / 10; ctx.lineCap = "round"; ctx.lineJoin = "round";
  ctx.strokeStyle = "#000";
  let last = null;
  const point = (e) => {
    const r = pad.getBoundingClientRect();
    return [(e.clientX - r.left) * side / r.width, (e.clientY - r.top) * side / r.height];
  };
  const send = () => {
    const small = document.createElement("canvas");
    small.width = sent; small.height = sent;
    const sctx = small.getContext("2d");
    sctx.imageSmoothingEnabled = true; sctx.imageSmoothingQuality = "high";
    sctx.drawImage(pad, 0, 0, sent, sent);
    const rgba = sctx.getImageData(0, 0, sent, sent).data;
    let text = "";
    for (let i = 3; i < rgba.length; i += 4) { text += String.fromCharCode(rgba[i]); }
    model.set("image", btoa(text));
    model.set("strokes", model.get("strokes") + 1);
    model.save_changes();
  };
  pad.addEventListener("pointerdown", (e) => {
    pad.setPointerCapture(e.pointerId);
    last = point(e);
    ctx.beginPath(); ctx.arc(last[0], last[1], ctx.lineWidth / 2, 0, 2 * Math.PI);
    ctx.fillStyle = "#000"; ctx.fill();
  });
  pad.addEventListener("pointermove", (e) => {
    if (last === null) { return; }
    const p = point(e);
    ctx.beginPath(); ctx.moveTo(last[0], last[1]); ctx.lineTo(p[0], p[1]); ctx.stroke();
    last = p;
  });
  const end = () => { if (last !== null) { last = null; send(); } };
  pad.addEventListener("pointerup", end);
  pad.addEventListener("pointercancel", end);
  // The kernel empties "image" on Clear: wipe the pixels too.
  model.on("change:image", () => {
    if (!model.get("image")) { ctx.clearRect(0, 0, side, side); }
  });
}
export default { render };
"""


class _Pad(anywidget.AnyWidget):
    """The HTML canvas; ``image`` is base64 of ``sent x sent`` ink bytes ('' = blank)."""

    _esm = _ESM
    side = traitlets.Int(PAD_PIXELS).tag(sync=True)
    sent = traitlets.Int(SENT_PIXELS).tag(sync=True)
    image = traitlets.Unicode("").tag(sync=True)
    strokes = traitlets.Int(0).tag(sync=True)  # finished strokes so far (a change per stroke)


def decode_pad_image(text: str, side: int = SENT_PIXELS) -> np.ndarray | None:
    """The pad's base64 ink bytes as a ``(side, side)`` uint8 array, None when empty."""
    if not text:
        return None
    raw = np.frombuffer(base64.b64decode(text), dtype=np.uint8)
    if raw.size != side * side:
        raise ValueError(f"the pad sent {raw.size} pixels, expected {side * side}")
    return raw.reshape(side, side)


def encode_pad_image(pixels: np.ndarray) -> str:
    """The inverse of :func:`decode_pad_image` (tests and scripts draw this way)."""
    return base64.b64encode(np.asarray(pixels, dtype=np.uint8).tobytes()).decode("ascii")


class DigitCanvas(ipywidgets.VBox):
    """A pad to draw a digit on, a Clear button and a one-line hint.

    ``digit()`` is the drawing as MNIST sees it (28x28 float32 in [0, 1], centred and
    scaled like MNIST) or ``None``; ``observe_digit(callback)`` calls
    ``callback(digit_or_None)`` after each finished stroke and after Clear.
    """

    def __init__(self, lang: str):
        self.lang = check_language(lang)
        t = TEXT.for_language(self.lang)
        # Controls
        self._pad = _Pad()
        self._clear = ipywidgets.Button(description=t("clear"), icon="eraser")
        self._clear.add_class("dl-canvas-clear")
        self._hint = ipywidgets.HTML(f"<small>{t('hint')}</small>")
        # State
        self._callbacks: list[Callable[[np.ndarray | None], None]] = []
        self._digit: np.ndarray | None = None
        # Layout
        super().__init__([self._hint, self._pad, self._clear])
        self.add_class("dl-digit-canvas")
        # Events
        self._clear.on_click(lambda _button: self.clear())
        self._pad.observe(self._on_image_change, names="image")

    def digit(self) -> np.ndarray | None:
        """The drawing preprocessed like MNIST, ``(28, 28)`` float32, or None if blank."""
        return None if self._digit is None else self._digit.copy()

    def observe_digit(self, callback: Callable[[np.ndarray | None], None]) -> None:
        """Call ``callback(digit_or_None)`` after each finished stroke and after Clear."""
        self._callbacks.append(callback)

    def clear(self) -> None:
        """Wipe the pad (in the browser too) and tell the observers (digit None)."""
        if self._pad.image:
            self._pad.image = ""  # the observer below recomputes and notifies
        else:
            self._notify()

    def draw(self, pixels: np.ndarray) -> None:
        """Put an image on the pad as if drawn (``SENT_PIXELS`` square, ink high, 0-255)."""
        self._pad.image = encode_pad_image(pixels)

    def _on_image_change(self, change) -> None:
        try:
            pixels = decode_pad_image(change["new"], self._pad.sent)
        except ValueError:
            log.exception("unreadable drawing from the pad")
            pixels = None
        self._digit = None if pixels is None else to_mnist(pixels)
        self._notify()

    def _notify(self) -> None:
        for callback in self._callbacks:
            callback(self.digit())
