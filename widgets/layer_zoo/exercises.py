"""Lesson 15's auto-checked exercises: a Conv2D's parameter count and a transposed
convolution's output shape, checked against the catalogue (whose formulas the tests
check against Keras)."""

from __future__ import annotations

from ..exercises import GateCheck
from ..i18n import check_language, is_number
from ..models import layer_zoo as zoo
from .texts import TEXT


def check_conv_parameters(
    answer, filters: int = 8, kernel: int = 3, shape=(28, 28, 1), lang: str = "pl"
) -> GateCheck:
    """Is ``answer`` the parameter count of ``Conv2D(filters, kernel)`` on ``shape``?"""
    t = TEXT.for_language(check_language(lang))
    args = {"filters": filters, "kernel_size": kernel}
    want = zoo.formula_params("Conv2D", shape, **args)
    values = {"f": filters, "k": kernel, "c": shape[-1], "got": answer}
    if not is_number(answer):
        return GateCheck(False, t("check_params_missing", **values))
    if answer == want:
        formula = zoo.params_text("Conv2D", shape, lang, **args)
        return GateCheck(True, t("check_params_ok", formula=formula, **values))
    if answer == want - filters:
        return GateCheck(False, t("check_params_bias", **values))
    return GateCheck(False, t("check_params_bad", **values))


def check_transposed_shape(
    answer,
    size: int = 7,
    filters: int = 4,
    strides: int = 2,
    padding: str = "valid",
    lang: str = "pl",
) -> GateCheck:
    """Is ``answer`` the output shape (without the batch axis) of
    ``Conv2DTranspose(filters, 3, strides, padding)`` on a ``size``×``size``×1 input?"""
    t = TEXT.for_language(check_language(lang))
    args = {"filters": filters, "kernel_size": 3, "strides": strides, "padding": padding}
    want = zoo.formula_output_shape("Conv2DTranspose", (size, size, 1), **args)
    try:
        given = tuple(answer)
        given = tuple(int(v) for v in (given[1:] if given[:1] == (None,) else given))
    except (TypeError, ValueError):
        given = None  # not a tuple of whole numbers
    values = {"got": answer, "n": size, "s": strides, "padding": padding}
    if given == want:
        formula = zoo.output_text("Conv2DTranspose", (size, size, 1), lang, **args)
        return GateCheck(True, t("check_shape_ok", formula=formula, **values))
    if given is not None and given[:2] == want[:2] and given[2:] != want[2:]:
        return GateCheck(False, t("check_shape_channels", f=filters, **values))
    return GateCheck(False, t("check_shape_bad", **values))
