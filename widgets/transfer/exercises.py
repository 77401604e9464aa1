"""Lesson 16's transfer exercises (verdicts that render as HTML): the trainable parameters
after freezing, and freezing a base with the compile that must follow."""

from __future__ import annotations

import numpy as np

from ..exercises import GateCheck
from ..i18n import check_language
from ..models.transfer import FEATURES, counts
from .texts import TEXT


def check_trainable_count(answer, classes: int = 5, lang: str = "pl") -> GateCheck:
    """Is ``answer`` the trainable parameters of a frozen base (``FEATURES`` outputs) with a
    new ``Dense(classes)`` head: FEATURES × classes + classes?"""
    t = TEXT.for_language(check_language(lang))
    if answer is None or isinstance(answer, bool):
        return GateCheck(False, t("check_count_none"))
    try:
        value = float(answer)
    except (TypeError, ValueError):
        return GateCheck(False, t("check_count_none"))
    right = FEATURES * classes + classes
    if value != right:
        return GateCheck(False, t("check_count_wrong", got=answer))
    from ..models.transfer import build_base

    base = int(build_base(seed=None).count_params())
    return GateCheck(
        True, t("check_count_passed", answer=right, features=FEATURES, classes=classes, base=base)
    )


def check_frozen_base(model, lang: str = "pl") -> GateCheck:
    """Is the layer "base" of ``model`` frozen, and was the model compiled again afterwards?
    One training step on random images shows it: the base must not move, the head must.
    (The step changes the model's head a little.)"""
    t = TEXT.for_language(check_language(lang))
    try:
        base, head = model.get_layer("base"), model.layers[-1]
    except (AttributeError, ValueError):
        return GateCheck(False, t("check_frozen_not_model"))
    head_count = int(sum(np.prod(w.shape) for w in head.weights))
    trainable, _ = counts(model)
    if trainable > head_count:
        return GateCheck(False, t("check_frozen_trainable", count=trainable, head=head_count))
    rng = np.random.default_rng(0)
    shape = tuple(model.input_shape[1:])
    x = rng.random((8, *shape)).astype(np.float32)
    y = np.arange(8) % int(model.output_shape[-1])
    before_base = [w.copy() for w in base.get_weights()]
    before_head = [w.copy() for w in head.get_weights()]
    model.train_on_batch(x, y)
    if any(not np.array_equal(a, b) for a, b in zip(before_base, base.get_weights(), strict=True)):
        return GateCheck(False, t("check_frozen_not_compiled"))
    if all(np.array_equal(a, b) for a, b in zip(before_head, head.get_weights(), strict=True)):
        return GateCheck(False, t("check_frozen_head"))
    return GateCheck(True, t("check_frozen_passed", head=head_count, base=int(base.count_params())))
