"""Lesson 07's auto-checked exercises (verdicts render as HTML in the notebook)."""

from __future__ import annotations

import numpy as np

from ..backend import load_keras
from ..exercises import GateCheck
from ..i18n import Strings, check_language
from ..models.playground import FastTrainer, NetworkSpec, accuracy
from .datasets import load_split
from .features import FEATURES, compute_features

TEXT = Strings(
    "playground_exercises",
    {
        "params_passed": {
            "pl": "✅ Dobrze! Sieć {shape} ma {want} parametrów (wag i biasów).",
            "en": "✅ Correct! The {shape} network has {want} parameters (weights and biases).",
        },
        "params_failed": {
            "pl": "❌ Jeszcze nie: {got} ≠ liczba parametrów sieci {shape}. Wskazówka: "
            "warstwa Dense z n wejściami i m neuronami ma n·m wag i m wyrazów wolnych (biasów).",
            "en": "❌ Not yet: {got} is not the parameter count of the {shape} network. Hint: "
            "a Dense layer with n inputs and m neurons has n·m weights and m biases.",
        },
        "xor_passed": {
            "pl": "✅ Dobrze! Dokładność na XOR: {accuracy:.0%}. Warstwa ukryta wygina granicę.",
            "en": "✅ Correct! Accuracy on XOR: {accuracy:.0%}. The hidden layer bends the "
            "boundary.",
        },
        "xor_failed": {
            "pl": "❌ Jeszcze nie: dokładność na XOR to {accuracy:.0%} (potrzeba 90%). Sieć bez "
            "warstwy ukrytej rysuje jedną prostą, a XOR-a żadna prosta nie rozdzieli: dodaj "
            "warstwę ukrytą z kilkoma neuronami (np. tanh) i ucz dłużej.",
            "en": "❌ Not yet: the accuracy on XOR is {accuracy:.0%} (90% needed). A network "
            "without a hidden layer draws one straight line, and no line separates XOR: add "
            "a hidden layer of a few neurons (e.g. tanh) and train longer.",
        },
        "bad_model": {
            "pl": "Model nie przyjmuje punktów (x1, x2): {message}",
            "en": "The model does not take points (x1, x2): {message}",
        },
        "features_passed": {
            "pl": "✅ Dobrze! Z cechami {names} sam neuron wyjściowy rozdziela koło "
            "(dokładność {accuracy:.0%}).",
            "en": "✅ Correct! With the features {names} the output neuron alone separates "
            "the circle (accuracy {accuracy:.0%}).",
        },
        "features_failed": {
            "pl": "❌ Jeszcze nie: z cechami {names} sieć bez warstwy ukrytej ma dokładność "
            "{accuracy:.0%}. Granica koła to x₁² + x₂² = r²: jakie cechy czynią ją liniową?",
            "en": "❌ Not yet: with the features {names} a network without a hidden layer "
            "reaches {accuracy:.0%}. The circle's border is x₁² + x₂² = r²: which features "
            "make it linear?",
        },
        "unknown_features": {
            "pl": "Nieznane cechy {names}; dostępne: {available}.",
            "en": "Unknown features {names}; available: {available}.",
        },
    },
)


def parameter_count(inputs: int, hidden, outputs: int = 1) -> int:
    """Weights and biases of a dense network ``inputs → hidden... → outputs``."""
    sizes = [int(inputs), *(int(h) for h in hidden), int(outputs)]
    return sum(a * b + b for a, b in zip(sizes, sizes[1:], strict=False))


def check_parameter_count(answer, inputs: int = 2, hidden=(8, 8), lang: str = "pl"):
    """Is ``answer`` the number of parameters of the network ``inputs-hidden-1``?"""
    t = TEXT.for_language(check_language(lang))
    want = parameter_count(inputs, hidden)
    shape = "-".join(str(n) for n in [inputs, *hidden, 1])
    if answer == want:
        return GateCheck(True, t("params_passed", shape=shape, want=want))
    return GateCheck(False, t("params_failed", got=answer, shape=shape))


def check_xor_model(model, lang: str = "pl") -> GateCheck:
    """Does a trained model (x1, x2) → score classify the XOR set (≥ 90 %)?

    A score above 0.5 counts as class 1, whatever the output activation (sigmoid).
    """
    t = TEXT.for_language(check_language(lang))
    data = load_split("xor", 0.0, 0.5, seed=1)
    try:
        scores = np.asarray(model.predict(data.x_test, verbose=0)).reshape(len(data.x_test), -1)
    except Exception as error:  # noqa: BLE001  (a student's model: explain, never crash)
        return GateCheck(False, t("bad_model", message=str(error)))
    predicted = np.argmax(scores, axis=1) if scores.shape[1] > 1 else scores[:, 0] > 0.5
    accuracy = float(np.mean(predicted == data.y_test))
    key = "xor_passed" if accuracy >= 0.9 else "xor_failed"
    return GateCheck(accuracy >= 0.9, t(key, accuracy=accuracy))


def check_circle_features(names, lang: str = "pl", epochs: int = 150) -> GateCheck:
    """Train a network with no hidden layer on the circle with these features (≥ 95 %)."""
    t = TEXT.for_language(check_language(lang))
    unknown = [n for n in names if n not in FEATURES]
    if unknown or not names:
        return GateCheck(False, t("unknown_features", names=unknown, available=", ".join(FEATURES)))
    load_keras()
    data = load_split("circle", 0.0, 0.5, seed=0)
    trainer = FastTrainer(NetworkSpec(n_inputs=len(names), hidden=[], learning_rate=0.03))
    trainer.set_data(
        compute_features(data.x_train, names), data.y_train,
        compute_features(data.x_test, names), data.y_test,
    )  # fmt: skip
    trainer.train(epochs, batch_size=10)
    score = accuracy(trainer.spec, trainer.evaluate()["test_outputs"], data.y_test)
    key = "features_passed" if score >= 0.95 else "features_failed"
    return GateCheck(score >= 0.95, t(key, names=", ".join(names), accuracy=score))
