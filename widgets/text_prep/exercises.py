"""Lesson 15's text exercise (3): pad the sequences of given sentences with
``padding="post"`` and ``truncating="post"`` (a verdict that renders as HTML)."""

from __future__ import annotations

import numpy as np

from ..exercises import GateCheck
from ..i18n import check_language
from ..models import preprocessing as prep
from .texts import TEXT

#: The exercise's sentences (the same in both languages: the ids are what is checked).
EXERCISE_TEXTS = {
    "pl": ["Litwo, ojczyzno moja!", "Ty jesteś jak zdrowie.",
           "Ile cię trzeba cenić, ten tylko się dowie, kto cię stracił."],
    "en": ["To be, or not to be:", "that is the question.",
           "Whether 'tis nobler in the mind to suffer the slings and arrows."],
}  # fmt: skip
MAXLEN = 6


def expected_padded(lang: str = "pl") -> np.ndarray:
    """The answer: TextVectorization adapted on the lowercased sentences, pad_sequences
    to :data:`MAXLEN` with padding and truncating "post"."""
    sequences = prep.vectorize(EXERCISE_TEXTS[check_language(lang)], "int").sequences()
    return prep.pad(sequences, MAXLEN, "post", "post")


def check_padded(padded, lang: str = "pl") -> GateCheck:
    """Is ``padded`` :func:`expected_padded`? Says which side is wrong if it is not."""
    t = TEXT.for_language(check_language(lang))
    want = expected_padded(lang)
    try:
        got = np.asarray(padded)
        if got.dtype.kind not in "iu":
            raise TypeError
    except Exception:  # noqa: BLE001  (anything a student passes)
        return GateCheck(False, t("check_padded_bad", got=padded))
    if got.shape != want.shape:
        return GateCheck(False, t("check_padded_shape", want=want.shape, got=got.shape))
    if np.array_equal(got, want):
        return GateCheck(True, t("check_padded_ok", maxlen=MAXLEN))
    sequences = prep.vectorize(EXERCISE_TEXTS[check_language(lang)], "int").sequences()
    for key, padding, truncating in (("side", "pre", "post"), ("side", "pre", "pre"),
                                     ("cut", "post", "pre")):  # fmt: skip
        if np.array_equal(got, prep.pad(sequences, MAXLEN, padding, truncating)):
            return GateCheck(False, t(f"check_padded_{key}"))
    return GateCheck(False, t("check_padded_wrong"), [str(want.tolist())])
