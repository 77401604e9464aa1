"""A small convolutional network for MNIST, the lecture's MLP to compare it with, and the
views into a CNN a dashboard draws: first-layer filters, every layer's feature maps, and how
one feature map is computed from the layer before.

The default CNN is the keras-io ``mnist_convnet`` example::

    Conv2D(32, 3, relu) → MaxPool(2) → Conv2D(64, 3, relu) → MaxPool(2)
    → Flatten → Dropout(0.5) → Dense(10, softmax)            34,826 parameters

and the MLP is the lecture's flagship (235,146 parameters)::

    Dense(256, relu) → Dropout(0.4) → Dense(128, relu) → Dense(10, softmax)

Both take images of shape ``(28, 28, 1)`` scaled to [0, 1] (:func:`prepare_images`), so
they train on exactly the same arrays. Keras is imported inside the functions.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..errors import StudentError
from ..i18n import Strings

IMAGE = 28
CLASSES = 10
DEFAULT_FILTERS = (32, 64)
DEFAULT_KERNELS = (3, 3)
FILTER_RANGE = (1, 64)
KERNEL_RANGE = (1, 7)
CONV_LAYERS = ("conv1", "pool1", "conv2", "pool2")  # the layers whose maps are images

#: Batches Keras runs per call: the dashboard's batch callbacks (live views, Stop) then
#: force a host sync every 8 batches instead of after each one. Same math, same batches.
STEPS_PER_EXECUTION = 8


def prepare_images(images) -> np.ndarray:
    """uint8 images ``(n, 28, 28)`` (0..255) → float32 ``(n, 28, 28, 1)`` in [0, 1]."""
    images = np.asarray(images)
    if images.ndim == 2:
        images = images[None]
    if images.shape[1:3] != (IMAGE, IMAGE):
        raise ValueError(f"expected 28×28 images, got shape {images.shape}")
    scale = 255.0 if images.dtype == np.uint8 or images.max() > 1.0 else 1.0
    return (images.reshape(len(images), IMAGE, IMAGE, 1) / scale).astype(np.float32)


def map_sizes(kernels: tuple[int, int]) -> list[int]:
    """Side of the maps after conv1, pool1, conv2, pool2 ('valid' convolutions, 2×2 pools)."""
    k1, k2 = kernels
    c1 = IMAGE - k1 + 1
    p1 = c1 // 2
    c2 = p1 - k2 + 1
    return [c1, p1, c2, c2 // 2]


TEXT = Strings(
    "cnn_model",
    {
        "two_each": {
            "pl": "Podaj liczbę filtrów i rozmiar jądra dla każdej z dwóch warstw "
            "konwolucyjnych: dwie liczby filtrów i dwa rozmiary jąder.",
            "en": "Give two filter counts and two kernel sizes, one for each of the two "
            "convolution layers.",
        },
        "whole": {
            "pl": "Liczby filtrów i rozmiary jąder muszą być liczbami całkowitymi.",
            "en": "Filter counts and kernel sizes must be whole numbers.",
        },
        "filters": {
            "pl": "Liczba filtrów warstwy konwolucyjnej musi być od {low} do {high}, a podano {value}.",
            "en": "The filter count of a convolution layer must be from {low} to {high}, "
            "got {value}.",
        },
        "kernel": {
            "pl": "Rozmiar jądra warstwy konwolucyjnej musi być od {low} do {high}, a podano {value}.",
            "en": "The kernel size of a convolution layer must be from {low} to {high}, "
            "got {value}.",
        },
    },
)


class ArchitectureError(StudentError, ValueError):
    """A CNN that :func:`check_architecture` refuses (``str()``: the English sentence)."""


def check_architecture(filters, kernels) -> tuple[tuple[int, int], tuple[int, int]]:
    """Validate two filter counts and two kernel sizes; :class:`ArchitectureError` if not."""
    try:
        filters, kernels = tuple(int(f) for f in filters), tuple(int(k) for k in kernels)
    except (TypeError, ValueError) as error:  # Python's words go behind the details toggle
        raise ArchitectureError("cnn_model.whole") from error
    if len(filters) != 2 or len(kernels) != 2:
        raise ArchitectureError("cnn_model.two_each")
    for f in filters:
        if not FILTER_RANGE[0] <= f <= FILTER_RANGE[1]:
            raise ArchitectureError(
                "cnn_model.filters", low=FILTER_RANGE[0], high=FILTER_RANGE[1], value=f
            )
    for k in kernels:
        if not KERNEL_RANGE[0] <= k <= KERNEL_RANGE[1]:
            raise ArchitectureError(
                "cnn_model.kernel", low=KERNEL_RANGE[0], high=KERNEL_RANGE[1], value=k
            )
    # With kernels of at most 7 the maps never vanish: 28 → 22 → 11 → 5 → 2.
    return filters, kernels


def count_params(filters=DEFAULT_FILTERS, kernels=DEFAULT_KERNELS) -> int:
    """The parameters of :func:`build_cnn`'s network, from the formulas (no Keras): each
    convolution ``k·k·inputs·filters + filters``, the softmax ``flattened·10 + 10``."""
    (f1, f2), (k1, k2) = check_architecture(filters, kernels)
    side = map_sizes((k1, k2))[-1]
    return (k1 * k1 * f1 + f1) + (k2 * k2 * f1 * f2 + f2) + (side * side * f2 * CLASSES + CLASSES)


def build_cnn(filters=DEFAULT_FILTERS, kernels=DEFAULT_KERNELS, seed: int | None = 0):
    """The small CNN (see the module docstring), compiled with Adam and cross-entropy."""
    import keras

    (f1, f2), (k1, k2) = check_architecture(filters, kernels)
    if seed is not None:
        keras.utils.set_random_seed(seed)
    layers = keras.layers
    model = keras.Sequential(
        [
            keras.Input((IMAGE, IMAGE, 1), name="image"),
            layers.Conv2D(f1, k1, activation="relu", name="conv1"),
            layers.MaxPooling2D(2, name="pool1"),
            layers.Conv2D(f2, k2, activation="relu", name="conv2"),
            layers.MaxPooling2D(2, name="pool2"),
            layers.Flatten(name="flatten"),
            layers.Dropout(0.5, name="dropout"),
            layers.Dense(CLASSES, activation="softmax", name="softmax"),
        ],
        name="cnn",
    )
    model.compile(
        optimizer="adam",
        loss="categorical_crossentropy",
        metrics=["accuracy"],
        steps_per_execution=STEPS_PER_EXECUTION,
    )
    return model


def build_mlp(seed: int | None = 0):
    """The lecture's MLP (the Keras-workflow lesson's default) on the same ``(28, 28, 1)``
    input, with a Flatten first, compiled as that lesson compiles it (RMSprop)."""
    from .mlp import LECTURE_LAYERS, build_model, compile_model, flatten

    layers = (flatten(), *LECTURE_LAYERS)
    return compile_model(build_model(layers, (IMAGE, IMAGE, 1), seed=seed, name="mlp"))


def activation_model(model):
    """A Keras model image → outputs of conv1, pool1, conv2, pool2 and the softmax."""
    import keras

    names = [*CONV_LAYERS, "softmax"]
    outputs = [model.get_layer(n).output for n in names]
    return keras.Model(model.inputs[0], outputs, name="views")


def activations(views, image) -> dict[str, np.ndarray]:
    """Each layer's output for one image: maps as ``(channels, h, w)``, softmax as ``(10,)``."""
    outputs = views(prepare_images(image), training=False)
    result = {
        name: np.moveaxis(np.asarray(o)[0], -1, 0)
        for name, o in zip(CONV_LAYERS, outputs[:-1], strict=True)
    }
    result["softmax"] = np.asarray(outputs[-1])[0]
    return result


def first_layer_filters(model) -> np.ndarray:
    """The first convolution's kernels as ``(filters, k, k)`` images."""
    kernel = model.get_layer("conv1").get_weights()[0]  # (k, k, 1, filters)
    return np.moveaxis(kernel[:, :, 0, :], -1, 0)


@dataclass
class MapExplanation:
    """How feature map ``channel`` of ``layer`` is made from the previous layer's maps.

    For a convolution: ``output = relu(Σ_i conv(inputs[i], kernels[i]) + bias)``, with the
    per-input terms in ``partials``; for a pooling layer ``inputs`` holds the one map it
    pools (``kernels``/``partials`` empty).
    """

    layer: str
    channel: int
    inputs: np.ndarray  # (m, h, w): the previous layer's maps (the image for conv1)
    kernels: np.ndarray  # (m, k, k)
    partials: np.ndarray  # (m, h', w'): conv of each input with its kernel
    bias: float
    total: np.ndarray  # Σ partials + bias, before ReLU
    output: np.ndarray  # the layer's map


def explain_map(
    model, acts: dict[str, np.ndarray], image, layer: str, channel: int
) -> MapExplanation:
    """Decompose one feature map into its inputs, kernels and summed terms (see the class)."""
    import tensorflow as tf

    if layer not in CONV_LAYERS:
        raise ValueError(f"choose one of {', '.join(CONV_LAYERS)}, not {layer!r}")
    count = acts[layer].shape[0]
    if not 0 <= channel < count:
        raise ValueError(f"{layer} has {count} maps: choose a map 0..{count - 1}")
    output = acts[layer][channel]
    if layer.startswith("pool"):
        source = acts["conv1" if layer == "pool1" else "conv2"][channel][None]
        empty = np.zeros((0, 1, 1), dtype=np.float32)
        return MapExplanation(layer, channel, source, empty, empty, 0.0, output, output)
    inputs = prepare_images(image)[0, :, :, 0][None] if layer == "conv1" else acts["pool1"]
    kernel, bias = model.get_layer(layer).get_weights()
    kernels = np.moveaxis(kernel[:, :, :, channel], -1, 0)
    # One depthwise convolution gives every input map convolved with its own kernel (one
    # call instead of one per input map: this runs several times a second while training).
    partials = tf.nn.depthwise_conv2d(
        np.moveaxis(inputs, 0, -1)[None].astype(np.float32),
        np.moveaxis(kernels, 0, -1)[:, :, :, None].astype(np.float32),
        [1, 1, 1, 1],
        "VALID",
    )
    partials = np.moveaxis(partials.numpy()[0], -1, 0)
    b = float(bias[channel])
    return MapExplanation(layer, channel, inputs, kernels, partials, b, partials.sum(0) + b, output)
