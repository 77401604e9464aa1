"""Auto-checked exercises of lesson 09 (verdicts render as HTML in the notebook)."""

from __future__ import annotations

import numpy as np

from ..exercises import GateCheck
from ..i18n import Strings, check_language
from ..models import mlp

TEXT = Strings(
    "keras_workflow_exercises",
    {
        "params_passed": {
            "pl": "✅ Dobrze! Model z wykładu ma {want} {want:@parametr|parametry|parametrów}.",
            "en": "✅ Correct! The lecture's model has {want:,} {want:@parameter|parameters}.",
        },
        "params_failed": {
            "pl": "❌ Jeszcze nie: {got} to {what}. Wskazówka: Dense(n) po warstwie o m "
            "wyjściach ma (m + 1)·n parametrów (wagi i wyrazy wolne, czyli biasy); Dropout nie ma "
            "żadnych.",
            "en": "❌ Not yet: {got:,} is {what}. Hint: Dense(n) after a layer with m "
            "outputs has (m + 1)·n parameters (weights and biases); Dropout has none.",
        },
        "too_many": {
            "pl": "za dużo",
            "en": "too many",
        },
        "too_few": {
            "pl": "za mało",
            "en": "too few",
        },
        "small_passed": {
            "pl": "✅ Dobrze! {params} {params:@parametr|parametry|parametrów} i dokładność "
            "{acc:.1%} na zbiorze testowym.",
            "en": "✅ Correct! {params:,} {params:@parameter|parameters} and {acc:.1%} "
            "accuracy on the test set.",
        },
        "small_too_big": {
            "pl": "❌ Model ma {params} {params:@parametr|parametry|parametrów}, limit to "
            "{limit:,}: zmniejsz warstwy.",
            "en": "❌ The model has {params:,} {params:@parameter|parameters}, the limit is "
            "{limit:,}: use smaller "
            "layers.",
        },
        "small_too_weak": {
            "pl": "❌ Dokładność {acc:.1%} < {goal:.0%}: ucz dłużej (więcej epok) albo zmień "
            "warstwy.",
            "en": "❌ Accuracy {acc:.1%} < {goal:.0%}: train longer (more epochs) or change "
            "the layers.",
        },
        "bad_model": {
            "pl": "❌ Nie udało się ocenić modelu: {message}",
            "en": "❌ Could not evaluate the model: {message}",
        },
    },
)

LECTURE_PARAMS = mlp.count_params(mlp.LECTURE_LAYERS)


def check_param_count(n_params: int, lang: str = "pl") -> GateCheck:
    """Is ``n_params`` the lecture model's number of parameters (counted by hand)?"""
    t = TEXT.for_language(check_language(lang))
    got = int(n_params)
    if got == LECTURE_PARAMS:
        return GateCheck(True, t("params_passed", want=LECTURE_PARAMS))
    what = t("too_many") if got > LECTURE_PARAMS else t("too_few")
    return GateCheck(False, t("params_failed", got=got, what=what))


def check_small_model(
    model,
    x_test: np.ndarray,
    y_test: np.ndarray,
    limit: int = 50_000,
    goal: float = 0.9,
    lang: str = "pl",
) -> GateCheck:
    """Does ``model`` reach ``goal`` test accuracy with at most ``limit`` parameters?"""
    t = TEXT.for_language(check_language(lang))
    try:
        params = int(model.count_params())
        predicted = mlp.predict_proba(model, x_test).argmax(axis=1)
    except Exception as error:  # noqa: BLE001  (a student's model: explain, don't crash)
        return GateCheck(False, t("bad_model", message=str(error)))
    labels = np.asarray(y_test)
    labels = labels.argmax(axis=1) if labels.ndim == 2 else labels
    accuracy = float(np.mean(predicted == labels))
    if params > limit:
        return GateCheck(False, t("small_too_big", params=params, limit=limit))
    if accuracy < goal:
        return GateCheck(False, t("small_too_weak", acc=accuracy, goal=goal))
    return GateCheck(True, t("small_passed", params=params, acc=accuracy))
