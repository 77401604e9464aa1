"""The small CNN: the keras-io shape, the views into it, and that it beats the lecture's MLP
with fewer parameters on the offline MNIST split (seeded)."""

from __future__ import annotations

import time

import numpy as np
import pytest
from student_errors import assert_student_error

from widgets.backend import load_keras
from widgets.data import load_mnist, one_hot
from widgets.models import cnn


@pytest.fixture(scope="module", autouse=True)
def keras():
    return load_keras()


@pytest.fixture(scope="module")
def mnist():
    return load_mnist(allow_download=False)


def test_default_shapes_and_parameter_counts_are_the_textbook_ones():
    model = cnn.build_cnn()
    # keras-io mnist_convnet: 320 + 18,496 + 16,010 = 34,826 parameters.
    assert model.count_params() == 34_826 == cnn.count_params()
    assert [layer.name for layer in model.layers][:4] == list(cnn.CONV_LAYERS)
    assert model.get_layer("conv2").output.shape[1:] == (11, 11, 64)
    # The lecture's MLP: 784·256+256 + 256·128+128 + 128·10+10 = 235,146.
    assert cnn.build_mlp().count_params() == 235_146


@pytest.mark.parametrize(
    ("filters", "kernels"), [((8, 16), (5, 3)), ((4, 4), (7, 5)), ((1, 2), (1, 1))]
)
def test_configurable_layers_give_the_expected_map_sizes(filters, kernels):
    model = cnn.build_cnn(filters, kernels)
    sizes = cnn.map_sizes(kernels)
    for name, size, count in zip(
        cnn.CONV_LAYERS, sizes, (filters[0], filters[0], filters[1], filters[1]), strict=True
    ):
        assert model.get_layer(name).output.shape[1:] == (size, size, count)
    k1, k2 = kernels
    want = (k1 * k1 + 1) * filters[0] + (k2 * k2 * filters[0] + 1) * filters[1]
    want += (sizes[-1] ** 2 * filters[1] + 1) * 10
    assert model.count_params() == want
    assert cnn.count_params(filters, kernels) == want  # the dashboard's answer before Keras


@pytest.mark.parametrize(
    ("filters", "kernels", "words"),
    [
        ((0, 8), (3, 3), "filter count"),
        ((8, 65), (3, 3), "filter count"),
        ((8, 8), (9, 3), "kernel size"),
        ((8,), (3,), "two filter counts"),
    ],
)
def test_impossible_architectures_are_refused_with_a_reason(filters, kernels, words):
    with pytest.raises(ValueError, match=words):
        cnn.check_architecture(filters, kernels)


@pytest.mark.parametrize(
    ("filters", "kernels", "key", "words", "cause"),
    [
        ((0, 8), (3, 3), "filters", "Liczba filtrów warstwy konwolucyjnej musi być od 1 do 64", ""),
        ((8, 65), (3, 3), "filters", "a podano 65", ""),
        ((8, 8), (9, 3), "kernel", "Rozmiar jądra warstwy konwolucyjnej musi być od 1 do 7", ""),
        ((8,), (3,), "two_each", "dla każdej z dwóch warstw konwolucyjnych", ""),
        (("osiem", 8), (3, 3), "whole", "muszą być liczbami całkowitymi", "invalid literal"),
        ((8, 8), None, "whole", "muszą być liczbami całkowitymi", "TypeError"),
    ],
)
def test_impossible_architectures_are_told_in_polish(filters, kernels, key, words, cause):
    with pytest.raises(cnn.ArchitectureError) as info:
        cnn.check_architecture(filters, kernels)
    sentence, details = assert_student_error(info.value, f"cnn_model.{key}")
    assert words in sentence
    assert cause in details if cause else details == ""
    assert str(info.value) == info.value.message("en")  # a notebook's traceback: English


def test_views_and_explanations_agree_with_keras(mnist):
    model = cnn.build_cnn((4, 6), (3, 3))
    views = cnn.activation_model(model)
    image = mnist.x_test[0]
    acts = cnn.activations(views, image)
    assert acts["conv1"].shape == (4, 26, 26) and acts["pool2"].shape == (6, 5, 5)
    probs = model.predict(cnn.prepare_images(image), verbose=0)[0]
    np.testing.assert_allclose(acts["softmax"], probs, atol=1e-5)
    assert cnn.first_layer_filters(model).shape == (4, 3, 3)
    # conv2's map 5 = ReLU(Σ over the 4 pool1 maps of conv(map, kernel) + bias).
    ex = cnn.explain_map(model, acts, image, "conv2", 5)
    assert ex.inputs.shape == (4, 13, 13) and ex.kernels.shape == (4, 3, 3)
    np.testing.assert_allclose(np.maximum(ex.total, 0), acts["conv2"][5], atol=1e-4)
    ex = cnn.explain_map(model, acts, image, "conv1", 2)
    np.testing.assert_allclose(np.maximum(ex.total, 0), acts["conv1"][2], atol=1e-4)
    ex = cnn.explain_map(model, acts, image, "pool1", 3)
    pooled = ex.inputs[0][:26, :26].reshape(13, 2, 13, 2).max(axis=(1, 3))
    np.testing.assert_allclose(pooled, acts["pool1"][3], atol=1e-6)
    with pytest.raises(ValueError, match="0..5"):
        cnn.explain_map(model, acts, image, "conv2", 6)


def test_the_cnn_beats_the_mlp_with_fewer_parameters(mnist):
    """Seeded, 2 epochs on the 8,000/2,000 split (measured: CNN 96.2 %, MLP 93.4 %, ~11 s)."""
    x, y = cnn.prepare_images(mnist.x_train), one_hot(mnist.y_train)
    x_test, y_test = cnn.prepare_images(mnist.x_test), one_hot(mnist.y_test)
    results = {}
    for name, build in (("cnn", cnn.build_cnn), ("mlp", cnn.build_mlp)):
        model = build(seed=0)
        start = time.perf_counter()
        model.fit(x, y, epochs=2, batch_size=128, verbose=0)
        accuracy = model.evaluate(x_test, y_test, verbose=0)[1]
        results[name] = (model.count_params(), accuracy, time.perf_counter() - start)
    (cnn_params, cnn_acc, _), (mlp_params, mlp_acc, _) = results["cnn"], results["mlp"]
    assert cnn_params < mlp_params / 6
    assert cnn_acc > mlp_acc + 0.01, results
    assert cnn_acc > 0.94, results
