"""Data for the lessons: toy 2-D sets and MNIST (numpy only; TensorFlow is never imported here).

>>> from widgets.data import load_mnist, preprocess_images, one_hot, circles
"""

from widgets.data.mnist import (
    MNIST_DIR_ENV,
    MnistData,
    MnistUnavailableError,
    keras_cache_file,
    load_mnist,
    one_hot,
    preprocess_images,
    read_idx,
)
from widgets.data.toy import (
    BLOBS_NORMAL,
    BLOBS_OFFSET,
    GATES,
    blobs_with_margin,
    circles,
    gaussian_bump,
    gaussian_clusters,
    logic_gate,
    plane,
    spirals,
    xor_quadrants,
)

__all__ = [
    "BLOBS_NORMAL",
    "BLOBS_OFFSET",
    "GATES",
    "MNIST_DIR_ENV",
    "MnistData",
    "MnistUnavailableError",
    "blobs_with_margin",
    "circles",
    "gaussian_bump",
    "gaussian_clusters",
    "keras_cache_file",
    "load_mnist",
    "logic_gate",
    "one_hot",
    "plane",
    "preprocess_images",
    "read_idx",
    "spirals",
    "xor_quadrants",
]
