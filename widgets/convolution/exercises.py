"""Lesson 10's auto-checked exercises: the feature map's size, a Conv2D's parameter count,
and a kernel that finds horizontal edges only."""

from __future__ import annotations

import numpy as np

from ..exercises import GateCheck
from ..i18n import check_language
from ..models import convolution as convolution_model
from .texts import TEXT


def check_output_size(
    answer, size: int, kernel: int, stride: int, padding: int, lang: str = "pl"
) -> GateCheck:
    """Is ``answer`` the side of the feature map of this convolution (a whole-number padding)?"""
    t = TEXT.for_language(check_language(lang))
    want = convolution_model.geometry(size, kernel, stride, padding).output
    values = {"n": size, "k": kernel, "s": stride, "p": padding, "want": want}
    if answer == want:
        return GateCheck(True, t("check_size_ok", **values))
    return GateCheck(False, t("check_size_bad", got=answer, **values))


def check_conv_parameters(
    answer, filters: int, kernel: int, channels: int, lang: str = "pl"
) -> GateCheck:
    """Is ``answer`` the parameter count of ``Conv2D(filters, kernel)`` on ``channels`` inputs?"""
    t = TEXT.for_language(check_language(lang))
    want = (kernel * kernel * channels + 1) * filters
    values = {"f": filters, "k": kernel, "c": channels}
    if answer == want:
        return GateCheck(True, t("check_params_ok", want=want, **values))
    return GateCheck(False, t("check_params_bad", got=answer, **values))


def check_edge_kernel(kernel, lang: str = "pl") -> GateCheck:
    """Does a 3×3 ``kernel`` detect horizontal edges (dark above, bright below) only?"""
    convolve = convolution_model.convolve
    t = TEXT.for_language(check_language(lang))
    kernel = np.asarray(kernel, dtype=np.float32).reshape(3, 3)
    flat = np.full((6, 6), 0.5, dtype=np.float32)
    down = np.repeat(np.array([0, 0, 0, 1, 1, 1], dtype=np.float32)[:, None], 6, axis=1)
    flat_response = float(np.abs(convolve(flat, kernel)).max())
    if flat_response > 1e-4:
        return GateCheck(False, t("check_edge_flat", value=flat_response))
    edge = float(convolve(down, kernel).max())
    if edge <= 1e-4:
        return GateCheck(False, t("check_edge_weak", value=edge))
    vertical = float(np.abs(convolve(down.T, kernel)).max())
    if vertical > 1e-4:
        return GateCheck(False, t("check_edge_vertical", value=vertical))
    return GateCheck(True, t("check_edge_ok"))
