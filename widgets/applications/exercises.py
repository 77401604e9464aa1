"""Lesson 16's exercise: one pixel through an application's ``preprocess_input``."""

from __future__ import annotations

import numpy as np

from ..exercises import GateCheck
from ..i18n import check_language, is_number, number
from ..models import applications as apps
from .texts import TEXT

#: The exercise's pixel (R, G, B), 0…255.
PIXEL = (200, 100, 50)


def check_preprocessed_pixel(answer, name: str = "MobileNetV2", pixel=PIXEL,
                             lang: str = "pl") -> GateCheck:  # fmt: skip
    """Is ``answer`` the pixel ``pixel`` (R, G, B) after ``name``'s preprocess_input, in
    the order Keras gives it (BGR for the "caffe" networks), to 0.01?"""
    t = TEXT.for_language(check_language(lang))
    entry = apps.application(name)
    try:
        got = [float(v) for v in np.asarray(answer, dtype=object).ravel()]
    except (TypeError, ValueError):
        got = []
    if len(got) != 3 or not all(is_number(v) and np.isfinite(v) for v in got):
        return GateCheck(False, t("check_bad", got=answer))
    want = apps.preprocess_reference(np.array(pixel, dtype=np.float64), entry.mode)
    if np.allclose(got, want, atol=0.01):
        shown = _numbers(want, lang)
        return GateCheck(True, t("check_passed", pixel=tuple(pixel), name=name, want=shown))
    hint = t("hint_tf" if entry.mode == "tf" else "hint_caffe")
    return GateCheck(False, t("check_failed", got=_numbers(got, lang), name=name, hint=hint))


def _numbers(values, lang: str) -> str:
    """``[0,569; −0,216; −0,608]`` in Polish, ``[0.569, −0.216, −0.608]`` in English."""
    separator = "; " if lang == "pl" else ", "
    return "[" + separator.join(number(round(float(v), 3), lang) for v in values) + "]"
