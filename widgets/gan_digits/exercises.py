"""Lesson 14's exercise on the DCGAN's generator (a verdict that renders as HTML)."""

from __future__ import annotations

import numpy as np

from ..exercises import GateCheck
from ..i18n import check_language
from .texts import TEXT


def check_generator(model, lang: str = "pl") -> GateCheck:
    """Does ``model`` turn a noise vector into a (28, 28, 1) image in [−1, 1] (tanh)?"""
    t = TEXT.for_language(check_language(lang))
    if not hasattr(model, "count_params") or not hasattr(model, "output_shape"):
        return GateCheck(False, t("check_generator_not_model", got=type(model).__name__))
    shape = tuple(model.output_shape[1:])
    if shape != (28, 28, 1):
        return GateCheck(False, t("check_generator_shape", got=shape))
    noise = int(model.input_shape[-1])
    z = np.random.default_rng(0).standard_normal((16, noise)).astype(np.float32) * 3
    images = np.asarray(model(z, training=False))
    low, high = float(images.min()), float(images.max())
    if low < -1.0 - 1e-6 or high > 1.0 + 1e-6 or (low >= 0.0 and high <= 1.0):
        return GateCheck(False, t("check_generator_range", low=low, high=high))
    params = int(model.count_params())
    return GateCheck(True, t("check_generator_passed", noise=noise, shape=shape, params=params))
