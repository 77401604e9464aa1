"""Lesson 12 auto-checked exercises (verdicts render as HTML in the notebook)."""

from __future__ import annotations

import numpy as np

from ..exercises import GateCheck
from ..i18n import check_language, is_number
from .texts import TEXT

AE_SIZES = (64, 2, 64, 784)  # the Dense layers of 784-64-2-64-784, in order


def dense_layers(model) -> list:
    """Every Dense layer of ``model`` in order, looking inside nested models (an
    autoencoder made of an encoder and a decoder model)."""
    found = []
    for layer in getattr(model, "layers", ()):
        if hasattr(layer, "layers"):
            found += dense_layers(layer)
        elif type(layer).__name__ == "Dense":
            found.append(layer)
    return found


def check_autoencoder(model, lang: str = "pl") -> GateCheck:
    """Is ``model`` the autoencoder 784 → 64 → 2 → 64 → 784 with a sigmoid output?"""
    t = TEXT.for_language(check_language(lang))
    if not hasattr(model, "count_params") or not hasattr(model, "layers"):
        problem = t("ae_not_model", got=type(model).__name__)
        return GateCheck(False, t("check_ae_failed", problem=problem))
    layers = dense_layers(model)
    sizes = tuple(int(layer.units) for layer in layers)
    inputs = int(layers[0].kernel.shape[0]) if layers else 0
    if (inputs, *sizes) != (784, *AE_SIZES):
        want = " → ".join(map(str, (784, *AE_SIZES)))
        got = " → ".join(map(str, (inputs, *sizes))) if layers else "–"
        problem = t("ae_shapes", want=want, got=got)
        return GateCheck(False, t("check_ae_failed", problem=problem))
    activation = getattr(layers[-1].activation, "__name__", str(layers[-1].activation))
    if activation != "sigmoid":
        return GateCheck(False, t("check_ae_failed", problem=t("ae_output", got=activation)))
    layout = " → ".join(map(str, (784, *AE_SIZES)))
    params = int(model.count_params())
    return GateCheck(True, t("check_ae_passed", layers=layout, params=params, code=2))


def class_means(images: np.ndarray, labels: np.ndarray) -> np.ndarray:
    """The mean image (784 values) of each digit 0–9."""
    images = np.asarray(images, dtype=np.float32).reshape(len(images), -1)
    labels = np.asarray(labels)
    return np.stack([images[labels == d].mean(axis=0) for d in range(10)])


def nearest_digit(image: np.ndarray, means: np.ndarray) -> int:
    """The digit whose mean image is nearest to ``image`` (Euclidean distance)."""
    distances = ((means - np.asarray(image, dtype=np.float32).reshape(1, -1)) ** 2).sum(axis=1)
    return int(np.argmin(distances))


def check_seven(point, dashboard, lang: str = "pl") -> GateCheck:
    """Does the dashboard's decoder turn ``point`` (z₁, z₂) into a 7?

    "A 7" honestly and checkably: the decoded image is nearer to the mean image of the
    test set's 7s than to the mean image of any other digit (a nearest-mean classifier,
    about 80% right on MNIST itself, and the decoder's images are smooth, mean-like).
    """
    t = TEXT.for_language(check_language(lang))
    try:
        z1, z2 = (float(v) for v in point)
        valid = is_number(z1) and is_number(z2) and np.isfinite([z1, z2]).all()
    except (TypeError, ValueError):
        valid = False
    if not valid:
        return GateCheck(False, t("check_seven_bad", got=point))
    if not dashboard.epochs_done:
        return GateCheck(False, t("check_seven_untrained"))
    from ..models.autoencoder import NumpyDecoder

    image = NumpyDecoder.from_model(dashboard.model)(np.array([[z1, z2]], dtype=np.float32))
    x_test, y_test = dashboard.test_digits
    digit = nearest_digit(image[0], class_means(x_test, y_test))
    key = "check_seven_passed" if digit == 7 else "check_seven_failed"
    return GateCheck(digit == 7, t(key, z1=z1, z2=z2, digit=digit))
