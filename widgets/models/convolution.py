"""Convolution by hand: one kernel over one image, then ReLU and 2×2 max-pooling.

A convolutional layer replaces the product of a weight matrix and the input with a
*convolution*: the same small kernel slides over the image and at every position the
products of the kernel and the window under it are summed. Keras (like every deep-learning
library) computes the cross-correlation, without flipping the kernel; so does this module.

- :func:`geometry` checks a combination of input size, kernel size, stride and padding
  and evaluates the output-size formula ``⌊(n + 2p − k) / s⌋ + 1`` (``"same"``: ``⌈n / s⌉``
  with TensorFlow's padding split); an impossible one raises :class:`GeometryError`
  whose message says why.
- :func:`convolve`, :func:`relu`, :func:`max_pool` compute with ``tf.nn`` ops;
  :func:`build_convolution_model` is the same pipeline as a Keras model with the kernel set
  in a ``Conv2D`` layer (what a dashboard exposes as ``.model``).
- :func:`window` gives the padded window, the nine products and their sum at one output
  position (the sliding view), with numpy: it is a view of what the TF result holds.

TensorFlow and Keras are imported inside the functions, so this module loads with numpy
only (a dashboard shows its controls before TensorFlow has loaded).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

# 3×3 kernels the lecture shows; the values are the textbook ones.
KERNELS: dict[str, np.ndarray] = {
    "identity": np.array([[0, 0, 0], [0, 1, 0], [0, 0, 0]], dtype=np.float32),
    "blur": np.full((3, 3), 1 / 9, dtype=np.float32),
    "sharpen": np.array([[0, -1, 0], [-1, 5, -1], [0, -1, 0]], dtype=np.float32),
    "sobel_x": np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=np.float32),
    "sobel_y": np.array([[-1, -2, -1], [0, 0, 0], [1, 2, 1]], dtype=np.float32),
    "laplacian": np.array([[0, 1, 0], [1, -4, 1], [0, 1, 0]], dtype=np.float32),
}

PADDINGS = ("valid", "same")  # or a whole number of zero rows/columns on each side
POOL = 2  # max-pooling window and stride


class GeometryError(ValueError):
    """An input size, kernel size, stride and padding that do not fit together."""


@dataclass(frozen=True)
class Geometry:
    """Sizes of one square convolution; ``pad_before``/``pad_after`` are the zeros added."""

    size: int  # n: input height = width
    kernel: int  # k
    stride: int  # s
    padding: str | int  # "valid", "same" or p
    pad_before: int
    pad_after: int
    output: int  # height = width of the feature map
    exact: bool  # the last window ends exactly at the (padded) border

    @property
    def pooled(self) -> int:
        """Size after 2×2 max-pooling with stride 2 (0 when the map is too small)."""
        return self.output // POOL

    def formula(self) -> str:
        """The output-size formula with the numbers put in, e.g. ``⌊(28 + 2·0 − 3)/1⌋ + 1 = 26``."""
        n, k, s = self.size, self.kernel, self.stride
        if self.padding == "same":
            return f"⌈n/s⌉ = ⌈{n}/{s}⌉ = {self.output}"
        p = self.pad_before
        return f"⌊(n + 2p − k)/s⌋ + 1 = ⌊({n} + 2·{p} − {k})/{s}⌋ + 1 = {self.output}"


def _whole(value, name: str, low: int) -> int:
    if isinstance(value, bool) or not float(value).is_integer() or value < low:
        raise GeometryError(f"{name} must be a whole number ≥ {low}, got {value!r}")
    return int(value)


def same_padding(size: int, kernel: int, stride: int) -> tuple[int, int]:
    """Zeros TensorFlow adds before and after for ``padding="same"`` (more after when odd)."""
    out = math.ceil(size / stride)
    total = max((out - 1) * stride + kernel - size, 0)
    return total // 2, total - total // 2


def geometry(size: int, kernel: int, stride: int = 1, padding: str | int = "valid") -> Geometry:
    """Check a square convolution's sizes and compute its output size.

    Raises :class:`GeometryError` when the combination is impossible: a size or stride
    below 1, a negative padding, an unknown padding name, or a kernel larger than the
    padded input (no window fits).
    """
    n, k, s = (
        _whole(size, "input size", 1),
        _whole(kernel, "kernel size", 1),
        _whole(stride, "stride", 1),
    )
    if padding == "same":
        before, after = same_padding(n, k, s)
        return Geometry(n, k, s, "same", before, after, math.ceil(n / s), True)
    if padding == "valid":
        p = 0
    elif isinstance(padding, str):
        raise GeometryError(f"padding must be 'valid', 'same' or a whole number, got {padding!r}")
    else:
        p = _whole(padding, "padding", 0)
    span = n + 2 * p - k
    if span < 0:
        raise GeometryError(
            f"the {k}×{k} kernel does not fit in the {n}×{n} input with padding {p}: "
            f"n + 2p − k = {span} < 0"
        )
    return Geometry(n, k, s, "valid" if p == 0 else p, p, p, span // s + 1, span % s == 0)


def _kernel_array(kernel) -> np.ndarray:
    kernel = np.asarray(kernel, dtype=np.float32)
    if kernel.ndim != 2 or kernel.shape[0] != kernel.shape[1] or kernel.shape[0] < 1:
        raise GeometryError(f"the kernel must be a square matrix, got shape {kernel.shape}")
    if not np.all(np.isfinite(kernel)):
        raise GeometryError("the kernel holds a value that is not a finite number")
    return kernel


def _image_array(image) -> np.ndarray:
    image = np.asarray(image, dtype=np.float32)
    if image.ndim != 2 or image.shape[0] != image.shape[1]:
        raise GeometryError(f"the image must be a square 2-D array, got shape {image.shape}")
    return image


def convolve(image, kernel, stride: int = 1, padding: str | int = "valid") -> np.ndarray:
    """The feature map of a square image and kernel, computed by ``tf.nn.conv2d``."""
    import tensorflow as tf

    image, kernel = _image_array(image), _kernel_array(kernel)
    g = geometry(image.shape[0], kernel.shape[0], stride, padding)
    tf_padding = (
        "SAME"
        if g.padding == "same"
        else [[0, 0], [g.pad_before, g.pad_after], [g.pad_before, g.pad_after], [0, 0]]
    )
    out = tf.nn.conv2d(image[None, :, :, None], kernel[:, :, None, None], g.stride, tf_padding)
    return out.numpy()[0, :, :, 0]


def relu(feature_map) -> np.ndarray:
    """max(0, x) element-wise, by ``tf.nn.relu``."""
    import tensorflow as tf

    return tf.nn.relu(np.asarray(feature_map, dtype=np.float32)).numpy()


def max_pool(feature_map, size: int = POOL) -> np.ndarray:
    """``size``×``size`` max-pooling with stride ``size`` (``tf.nn.max_pool2d``, 'VALID')."""
    import tensorflow as tf

    fmap = np.asarray(feature_map, dtype=np.float32)
    if fmap.ndim != 2 or min(fmap.shape) < size:
        raise GeometryError(
            f"a {fmap.shape[0]}×{fmap.shape[-1]} map is smaller than the {size}×{size} "
            "pooling window"
        )
    return tf.nn.max_pool2d(fmap[None, :, :, None], size, size, "VALID").numpy()[0, :, :, 0]


@dataclass(frozen=True)
class Window:
    """What the kernel sees at one output position (the sliding view)."""

    row: int  # output position
    col: int
    top: int  # top-left corner of the window in the padded image
    left: int
    patch: np.ndarray  # k×k pixels under the kernel (zeros from padding included)
    products: np.ndarray  # patch * kernel
    total: float  # the feature-map value at (row, col)


def padded(image, g: Geometry) -> np.ndarray:
    """The image with the zeros of ``g``'s padding around it."""
    return np.pad(_image_array(image), (g.pad_before, g.pad_after))


def window(image, kernel, g: Geometry, row: int, col: int) -> Window:
    """The window, products and sum at output position ``(row, col)`` of geometry ``g``."""
    if not (0 <= row < g.output and 0 <= col < g.output):
        raise GeometryError(f"position ({row}, {col}) is outside the {g.output}×{g.output} map")
    kernel = _kernel_array(kernel)
    top, left = row * g.stride, col * g.stride
    patch = padded(image, g)[top : top + g.kernel, left : left + g.kernel]
    products = patch * kernel
    return Window(row, col, top, left, patch, products, float(products.sum()))


def position(step: int, g: Geometry) -> tuple[int, int]:
    """Output position of sliding step ``step`` (row by row, as the kernel moves)."""
    step = int(np.clip(step, 0, g.output * g.output - 1))
    return divmod(step, g.output)


def build_convolution_model(kernel, size: int = 28, stride: int = 1, padding: str | int = "valid"):
    """A Keras model image → (feature map, ReLU, max-pooled) with ``kernel`` set in a Conv2D.

    Input shape ``(size, size, 1)``; the Conv2D has one filter, no bias and the given
    stride; a whole-number padding is a ``ZeroPadding2D`` layer before it.
    """
    import keras

    kernel = _kernel_array(kernel)
    g = geometry(size, kernel.shape[0], stride, padding)
    inputs = keras.Input((g.size, g.size, 1), name="image")
    x = inputs
    if g.padding not in ("valid", "same"):
        x = keras.layers.ZeroPadding2D(g.pad_before, name="zero_padding")(x)
    conv = keras.layers.Conv2D(
        1,
        g.kernel,
        strides=g.stride,
        padding="same" if g.padding == "same" else "valid",
        use_bias=False,
        name="conv",
    )
    feature_map = conv(x)
    rectified = keras.layers.ReLU(name="relu")(feature_map)
    outputs = [feature_map, rectified]
    if g.pooled:
        outputs.append(keras.layers.MaxPooling2D(POOL, name="max_pool")(rectified))
    model = keras.Model(inputs, outputs, name="convolution_by_hand")
    set_kernel(model, kernel)
    return model


def set_kernel(model, kernel) -> None:
    """Write a k×k kernel into the model's ``conv`` layer."""
    model.get_layer("conv").set_weights([_kernel_array(kernel)[:, :, None, None]])


def run_model(model, image) -> list[np.ndarray]:
    """The model's outputs for one image, as 2-D numpy maps."""
    outputs = model(_image_array(image)[None, :, :, None], training=False)
    return [np.asarray(o)[0, :, :, 0] for o in outputs]
