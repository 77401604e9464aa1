"""Lesson 15's augmentation exercise (4): a model that flips horizontally and rotates by
at most a tenth of a turn, augmenting with ``training=True`` and not in ``predict``."""

from __future__ import annotations

import numpy as np

from ..data import load_mnist
from ..exercises import GateCheck
from ..i18n import check_language
from .texts import TEXT

ROTATION_LIMIT = 0.1
SAMPLES = 16


def _rotation_factor(layer) -> float:
    factor = getattr(layer, "factor", None)
    values = np.abs(np.asarray(factor, dtype=float).ravel()) if factor is not None else [np.inf]
    return float(np.max(values))


def check_augmentation(model, lang: str = "pl") -> GateCheck:
    """Does ``model`` hold RandomFlip("horizontal") and a RandomRotation of factor at most
    0.1, change digits when called with ``training=True`` and leave them in ``predict``?"""
    t = TEXT.for_language(check_language(lang))
    layers = getattr(model, "layers", None)
    if not layers or not hasattr(model, "predict"):
        return GateCheck(False, t("check_aug_not_model", got=model))
    kinds = {type(layer).__name__: layer for layer in layers}
    flip = kinds.get("RandomFlip")
    if flip is None or getattr(flip, "mode", "") != "horizontal":
        return GateCheck(False, t("check_aug_no_flip"))
    rotation = kinds.get("RandomRotation")
    factor = _rotation_factor(rotation) if rotation is not None else None
    if factor is None or factor > ROTATION_LIMIT + 1e-9:
        got = "–" if factor is None else factor
        return GateCheck(False, t("check_aug_rotation", limit=ROTATION_LIMIT, got=got))
    digit = load_mnist().x_test[0].astype("float32") / 255.0
    batch = np.repeat(digit[None, :, :, None], SAMPLES, axis=0)
    try:
        trained = np.asarray(model(batch, training=True))
        predicted = np.asarray(model.predict(batch, verbose=0))
    except Exception as error:  # noqa: BLE001  (the student's model, whatever it does)
        return GateCheck(False, t("check_aug_crashed", error=f"{type(error).__name__}: {error}"))
    if np.allclose(trained, batch, atol=1e-4):
        return GateCheck(False, t("check_aug_still"))
    gap = float(np.max(np.abs(predicted - batch)))
    if gap > 1e-4:
        return GateCheck(False, t("check_aug_predict", gap=round(gap, 4)))
    return GateCheck(True, t("check_aug_ok", limit=ROTATION_LIMIT))
