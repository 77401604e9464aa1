"""The convolution model against a plain numpy cross-correlation (random kernels, strides,
paddings) and the output-size formula against TensorFlow's own shapes."""

from __future__ import annotations

import math

import numpy as np
import pytest

from widgets.backend import load_keras
from widgets.models import convolution as conv


@pytest.fixture(scope="module", autouse=True)
def keras():
    return load_keras()


def numpy_cross_correlation(image, kernel, stride, before, after):
    """Σ kernel · window at every stride step over the zero-padded image (two loops)."""
    x = np.pad(image.astype(np.float64), (before, after))
    k = kernel.shape[0]
    rows = (x.shape[0] - k) // stride + 1
    out = np.zeros((rows, rows))
    for i in range(rows):
        for j in range(rows):
            window = x[i * stride : i * stride + k, j * stride : j * stride + k]
            out[i, j] = np.sum(window * kernel)
    return out


def numpy_max_pool(x, size=2):
    rows, cols = x.shape[0] // size, x.shape[1] // size
    return x[: rows * size, : cols * size].reshape(rows, size, cols, size).max(axis=(1, 3))


CASES = [
    (28, 3, 1, "valid"),
    (28, 3, 2, "same"),
    (13, 5, 3, "valid"),
    (13, 4, 2, "same"),
    (10, 3, 4, 2),
    (9, 2, 1, 1),
    (7, 7, 1, "valid"),
    (6, 3, 5, "same"),
]


@pytest.mark.parametrize(("size", "k", "stride", "padding"), CASES)
def test_tf_convolution_matches_numpy(size, k, stride, padding):
    rng = np.random.default_rng(size * 100 + k * 10 + stride)
    image = rng.random((size, size)).astype(np.float32)
    kernel = rng.normal(size=(k, k)).astype(np.float32)
    g = conv.geometry(size, k, stride, padding)
    want = numpy_cross_correlation(image, kernel, stride, g.pad_before, g.pad_after)
    got = conv.convolve(image, kernel, stride, padding)
    assert got.shape == (g.output, g.output) == want.shape
    np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-4)
    # The Keras model with the kernel set in Conv2D gives the same maps, ReLU and pooling.
    model = conv.build_convolution_model(kernel, size, stride, padding)
    maps = conv.run_model(model, image)
    np.testing.assert_allclose(maps[0], want, rtol=1e-4, atol=1e-4)
    np.testing.assert_allclose(maps[1], np.maximum(want, 0), rtol=1e-4, atol=1e-4)
    if g.pooled:
        np.testing.assert_allclose(maps[2], numpy_max_pool(np.maximum(want, 0)), atol=1e-4)
    else:
        assert len(maps) == 2


@pytest.mark.parametrize(("size", "k", "stride", "padding"), CASES)
def test_window_products_sum_to_the_feature_map(size, k, stride, padding):
    rng = np.random.default_rng(7)
    image, kernel = rng.random((size, size)), rng.normal(size=(k, k))
    g = conv.geometry(size, k, stride, padding)
    fmap = conv.convolve(image, kernel, stride, padding)
    for step in (0, g.output * g.output // 2, g.output * g.output - 1):
        row, col = conv.position(step, g)
        w = conv.window(image, kernel, g, row, col)
        assert w.patch.shape == (k, k)
        assert w.total == pytest.approx(float(fmap[row, col]), abs=1e-4)


def test_the_formula_matches_tensorflow_for_many_sizes():
    import tensorflow as tf

    for size in (5, 8, 11, 28):
        for k in (1, 2, 3, 5):
            for stride in (1, 2, 3):
                for padding in ("valid", "same"):
                    if k > size:
                        continue
                    g = conv.geometry(size, k, stride, padding)
                    x = tf.zeros((1, size, size, 1))
                    out = tf.nn.conv2d(x, tf.zeros((k, k, 1, 1)), stride, padding.upper())
                    assert out.shape[1] == g.output, (size, k, stride, padding)


def test_formula_text_is_evaluated():
    g = conv.geometry(28, 3, 1, "valid")
    assert g.output == 26 and g.formula().endswith("= 26")
    assert "(28 + 2·0 − 3)/1" in g.formula()
    g = conv.geometry(28, 3, 3, 1)
    assert g.output == math.floor((28 + 2 - 3) / 3) + 1 == 10
    assert g.exact  # 27 = 28 + 2 − 3 is divisible by 3: the last window ends at the border
    uneven = conv.geometry(28, 3, 2, "valid")  # 25 / 2: the last column is never covered
    assert (uneven.output, uneven.exact) == (13, False)
    assert conv.geometry(28, 3, 3, "same").formula() == "⌈n/s⌉ = ⌈28/3⌉ = 10"


@pytest.mark.parametrize(
    ("size", "k", "stride", "padding", "words"),
    [
        (2, 3, 1, "valid", "does not fit"),
        (4, 7, 1, 1, "does not fit"),
        (28, 3, 0, "valid", "stride"),
        (28, 3, 1.5, "valid", "stride"),
        (28, 3, 1, -1, "padding"),
        (28, 3, 1, "full", "padding"),
        (0, 3, 1, "same", "input size"),
    ],
)
def test_impossible_geometry_raises_a_clear_error(size, k, stride, padding, words):
    with pytest.raises(conv.GeometryError, match=words):
        conv.geometry(size, k, stride, padding)


def test_bad_kernels_and_too_small_maps_are_refused():
    with pytest.raises(conv.GeometryError, match="square"):
        conv.convolve(np.zeros((5, 5)), np.zeros((2, 3)))
    with pytest.raises(conv.GeometryError, match="finite"):
        conv.convolve(np.zeros((5, 5)), np.full((3, 3), np.nan))
    with pytest.raises(conv.GeometryError, match="pooling"):
        conv.max_pool(np.zeros((1, 1)))
    with pytest.raises(conv.GeometryError, match="outside"):
        conv.window(np.zeros((5, 5)), np.zeros((3, 3)), conv.geometry(5, 3), 3, 0)


def test_presets_do_what_their_names_say():
    rng = np.random.default_rng(0)
    image = rng.random((10, 10)).astype(np.float32)
    np.testing.assert_allclose(conv.convolve(image, conv.KERNELS["identity"]), image[1:-1, 1:-1])
    flat = np.full((10, 10), 0.7, dtype=np.float32)
    for edge in ("sobel_x", "sobel_y", "laplacian"):  # no edges in a flat image
        np.testing.assert_allclose(conv.convolve(flat, conv.KERNELS[edge]), 0, atol=1e-6)
    np.testing.assert_allclose(conv.convolve(flat, conv.KERNELS["blur"]), 0.7, atol=1e-6)
    ramp = np.tile(np.arange(10, dtype=np.float32), (10, 1))  # brighter to the right
    assert np.all(conv.convolve(ramp, conv.KERNELS["sobel_x"]) == pytest.approx(8.0))
    assert np.allclose(conv.convolve(ramp, conv.KERNELS["sobel_y"]), 0)
