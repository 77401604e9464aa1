"""Auto-checked exercises: instant, specific feedback on a student's neuron.

``check_gate(model, "NAND", lang="pl")`` runs the student's Keras model (or any function of
a 0/1 input array) on every input row and says which rows are wrong and which way to move
the weights or the threshold. Shown as HTML in the notebook; ``.passed`` for tests.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

import numpy as np

from .figures.style import style_tag
from .i18n import Strings, check_language
from .logic import input_rows, truth_vector

TEXT = Strings(
    "exercises",
    {
        "passed": {
            "pl": "✅ Dobrze! Neuron liczy {gate} dla wszystkich {rows} wierszy.",
            "en": "✅ Correct! The neuron computes {gate} on all {rows} rows.",
        },
        "failed": {
            "pl": "❌ Jeszcze nie: {wrong} z {rows} wierszy daje zły wynik.",
            "en": "❌ Not yet: {wrong} of {rows} rows give the wrong output.",
        },
        "row": {
            "pl": "wejście {inputs}: oczekiwano {want}, neuron dał {got}",
            "en": "input {inputs}: expected {want}, the neuron gave {got}",
        },
        "too_eager": {
            "pl": "Neuron odpala tam, gdzie nie powinien: podnieś próg (bias bardziej ujemny) "
            "albo zmniejsz wagi wejść, które są tam równe 1.",
            "en": "The neuron fires where it should not: raise the threshold (a more negative "
            "bias) or lower the weights of the inputs that are 1 there.",
        },
        "too_shy": {
            "pl": "Neuron milczy tam, gdzie powinien odpalić: obniż próg albo zwiększ wagi "
            "wejść, które są tam równe 1.",
            "en": "The neuron stays silent where it should fire: lower the threshold or raise "
            "the weights of the inputs that are 1 there.",
        },
        "both": {
            "pl": "Błędy w obie strony: zmiana samego progu nie wystarczy, zmień też wagi "
            "(być może na ujemne).",
            "en": "Wrong in both directions: moving the threshold alone won't do, change the "
            "weights too (perhaps to negative values).",
        },
        "not_binary": {
            "pl": "Wyjścia nie są 0/1 (np. {value:.3g}): użyj funkcji skoku jako aktywacji.",
            "en": "The outputs are not 0/1 (e.g. {value:.3g}): use a step function as the "
            "activation.",
        },
        "bad_model": {
            "pl": "Nie udało się uruchomić modelu na {n} wejściach: {message}",
            "en": "Could not run the model on {n} inputs: {message}",
        },
    },
)


@dataclass
class GateCheck:
    """The verdict on one exercise; renders itself as HTML in a notebook."""

    passed: bool
    message: str
    details: list[str] = field(default_factory=list)

    def _repr_html_(self) -> str:
        colour = "dl-passed-colour" if self.passed else "dl-failed-colour"
        items = "".join(f"<li>{html.escape(d)}</li>" for d in self.details)
        return (
            f"{style_tag()}<div class='dl-text {colour}'>{html.escape(self.message)}"
            f"{f'<ul>{items}</ul>' if items else ''}</div>"
        )

    def __str__(self) -> str:
        return "\n".join([self.message, *self.details])


def _outputs(model, rows: np.ndarray) -> np.ndarray:
    if hasattr(model, "predict"):
        return np.asarray(model.predict(rows, verbose=0)).reshape(-1)
    return np.asarray(model(rows)).reshape(-1)


def check_gate(model, gate: str, n_inputs: int = 2, lang: str = "pl") -> GateCheck:
    """Compare the model's outputs with the named gate on all ``2**n_inputs`` rows."""
    t = TEXT.for_language(check_language(lang))
    rows = input_rows(n_inputs)
    wanted = truth_vector(gate, n_inputs)
    try:
        got = _outputs(model, rows)
    except Exception as error:  # noqa: BLE001  (a student's model: explain, don't crash)
        return GateCheck(False, t("bad_model", n=n_inputs, message=str(error)))
    if got.shape != wanted.shape:
        return GateCheck(False, t("bad_model", n=n_inputs, message=f"shape {got.shape}"))
    off_binary = got[(got != 0) & (got != 1)]
    if off_binary.size:
        return GateCheck(False, t("not_binary", value=float(off_binary[0])))
    wrong = np.flatnonzero(got != wanted)
    if wrong.size == 0:
        return GateCheck(True, t("passed", gate=gate, rows=len(rows)))
    details = [
        t("row", inputs=tuple(int(v) for v in rows[i]), want=int(wanted[i]), got=int(got[i]))
        for i in wrong
    ]
    eager, shy = (got[wrong] > wanted[wrong]).any(), (got[wrong] < wanted[wrong]).any()
    details.append(t("both") if eager and shy else t("too_eager") if eager else t("too_shy"))
    return GateCheck(False, t("failed", wrong=len(wrong), rows=len(rows)), details)
