"""The digit pad: MNIST's preprocessing of a drawing (widgets.data.drawn) and the
DigitCanvas widget driven headless (its browser side is checked in test_lesson_09)."""

from __future__ import annotations

import numpy as np
import pytest

from widgets.canvas import SENT_PIXELS, DigitCanvas, decode_pad_image, encode_pad_image
from widgets.data import load_mnist
from widgets.data.drawn import resize, to_mnist


@pytest.fixture(scope="module")
def digits() -> np.ndarray:
    return load_mnist(allow_download=False).x_test[:100].astype(np.float64) / 255.0


def correlation(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.corrcoef(a.ravel(), b.ravel())[0, 1])


def test_blank_images_give_none():
    assert to_mnist(np.zeros((50, 70))) is None
    assert to_mnist(np.full((28, 28), np.nan)) is None
    assert to_mnist(-np.ones((10, 10))) is None  # no ink, only negative noise


def test_enlarged_and_shifted_mnist_digit_maps_back(digits):
    """A real digit drawn 3x larger in a corner of a bigger pad comes back as itself."""
    for image in digits:
        pad = np.zeros((150, 130))
        pad[5:89, 40:124] = np.kron(image, np.ones((3, 3))) * 200.0  # any ink scale
        out = to_mnist(pad)
        assert out.shape == (28, 28) and out.dtype == np.float32
        assert 0.0 <= out.min() and out.max() == pytest.approx(1.0)
        assert correlation(out, image) > 0.99


def test_result_is_centred_and_twenty_pixels_tall():
    pad = np.zeros((100, 100))
    pad[10:40, 70:76] = 1.0  # a thin bar, high up on the right
    out = to_mnist(pad)
    rows = np.flatnonzero(out.max(axis=1) > 0.05)
    cols = np.flatnonzero(out.max(axis=0) > 0.05)
    assert rows[-1] - rows[0] + 1 == 20  # the longer side scaled to 20 px
    assert cols[-1] - cols[0] + 1 == 4  # 6 px wide * 20/30, aspect ratio kept
    r, c = np.indices(out.shape)
    assert (r * out).sum() / out.sum() == pytest.approx(14.0, abs=0.5)
    assert (c * out).sum() / out.sum() == pytest.approx(14.0, abs=0.5)


def test_resize_averages_areas():
    image = np.arange(16, dtype=float).reshape(4, 4)
    np.testing.assert_allclose(resize(image, 2, 2), [[2.5, 4.5], [10.5, 12.5]])
    assert resize(image, 8, 8).mean() == pytest.approx(image.mean())


def test_rejects_colour_images():
    with pytest.raises(ValueError, match="2-D"):
        to_mnist(np.zeros((28, 28, 3)))


def drawn_bar() -> np.ndarray:
    pixels = np.zeros((SENT_PIXELS, SENT_PIXELS), dtype=np.uint8)
    pixels[20:90, 50:60] = 255
    return pixels


def test_pad_bytes_round_trip():
    pixels = drawn_bar()
    np.testing.assert_array_equal(decode_pad_image(encode_pad_image(pixels)), pixels)
    assert decode_pad_image("") is None
    with pytest.raises(ValueError, match="pixels"):
        decode_pad_image(encode_pad_image(np.zeros((3, 3))))


def test_canvas_reports_strokes_and_clear():
    canvas = DigitCanvas(lang="en")
    seen = []
    canvas.observe_digit(seen.append)
    assert canvas.digit() is None
    canvas.draw(drawn_bar())
    digit = canvas.digit()
    assert digit.shape == (28, 28) and digit.max() == pytest.approx(1.0)
    np.testing.assert_array_equal(seen[-1], digit)
    np.testing.assert_array_equal(digit, to_mnist(drawn_bar()))
    canvas.clear()
    assert canvas.digit() is None and seen[-1] is None and len(seen) == 2
    labels = [w.description for w in canvas.children if hasattr(w, "description")]
    assert "Clear" in labels


def test_canvas_ignores_garbage_from_the_page():
    canvas = DigitCanvas(lang="pl")
    seen = []
    canvas.observe_digit(seen.append)
    canvas._pad.image = encode_pad_image(np.ones((5, 5)))  # wrong size: a broken page
    assert canvas.digit() is None and seen == [None]


def test_canvas_polish_labels():
    canvas = DigitCanvas(lang="pl")
    assert any(getattr(w, "description", "") == "Wyczyść" for w in canvas.children)
    with pytest.raises(ValueError):
        DigitCanvas(lang="de")
