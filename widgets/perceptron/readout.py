"""What lesson 04 writes beside the plane at each step of a recorded run.

Pure functions of a :class:`~widgets.models.perceptron.Trajectory` and a step index (no
widgets, no dashboard state): the counters, the sample and its update, the verdict at the
end of a run, Novikoff's bound, the note about the data. ``t`` is the lesson's
translator (``TEXT.for_language(lang)``). Their CSS classes are the stylesheet's, plus the
two rules of :data:`STYLE`.
"""

from __future__ import annotations

import html

import numpy as np

from ..i18n import Translator
from ..models import perceptron as perceptron_model

# This lesson's own rules, added to the page's stylesheet (``Dashboard._page(style=…)``).
STYLE = ".dl-perceptron-state{line-height:1.5}.dl-perceptron-novikoff{margin-top:8px}"


def fmt(value: float, lang: str = "en") -> str:
    """Three significant digits; in Polish a decimal comma and a true minus sign."""
    text = f"{value:.3g}" if abs(value) >= 1e-3 or value == 0 else f"{value:.1e}"
    return text.replace(".", ",").replace("-", "−") if lang == "pl" else text


def vec(values, lang: str = "en") -> str:
    """A vector; in Polish with "; " between the parts once a decimal comma shows up."""
    texts = [fmt(float(v), lang) for v in values]
    separator = "; " if any("," in text for text in texts) else ", "
    return "(" + separator.join(texts) + ")"


def counters(trajectory, index: int) -> dict:
    """Epoch (1-based), step, updates and errors at state ``index``."""
    return {
        "epoch": int(trajectory.epoch[index - 1]) + 1 if index else 0,
        "step": index,
        "steps": trajectory.steps,
        "updates": int(trajectory.updates[index]),
        "epoch_errors": trajectory.epoch_errors(index),
        "misclassified": int(trajectory.train_errors[index]),
        "converged": trajectory.converged and index >= trajectory.converged_at,
    }


def state_html(t: Translator, trajectory, index: int, pocket: bool) -> str:
    """The sample of step ``index``, what the rule did with it, and the counters."""
    w, b = trajectory.weights[index], float(trajectory.biases[index])
    lines = [_sample_line(t, trajectory, index), *_update_line(t, trajectory, index)]
    lines.append(
        t(
            "counters",
            updates=int(trajectory.updates[index]),
            errors=trajectory.epoch_errors(index),
            wrong_now=int(trajectory.train_errors[index]),
            n=len(trajectory.X),
            w=vec(w, t.lang),
            b=fmt(b, t.lang),
        )
    )
    if pocket:
        lines.append(t("pocket_state", errors=trajectory.pocket(index)[2], n=len(trajectory.X)))
    return "<div class='dl-text dl-perceptron-state'>" + "<br>".join(lines) + "</div>"


def _sample_line(t: Translator, trajectory, index: int) -> str:
    if index == 0:
        w, b = trajectory.weights[0], float(trajectory.biases[0])
        return t("state_start", w=vec(w, t.lang), b=fmt(b, t.lang))
    sample = int(trajectory.sample[index - 1])
    return t(
        "state_step",
        epoch=int(trajectory.epoch[index - 1]) + 1,
        epochs=trajectory.max_epochs,
        step=index,
        steps=trajectory.steps,
        sample=sample + 1,
        x=vec(trajectory.X[sample], t.lang),
        y=int(trajectory.y[sample]),
        y_hat=int(trajectory.y_hat[index - 1]),
    )


def _update_line(t: Translator, trajectory, index: int) -> list[str]:
    if index == 0:
        return []
    if not trajectory.mistake[index - 1]:
        return [t("right")]
    sample = int(trajectory.sample[index - 1])
    w, b = trajectory.weights[index], float(trajectory.biases[index])
    return [
        t(
            "wrong",
            error=int(trajectory.y[sample]) - int(trajectory.y_hat[index - 1]),
            dw=vec(w - trajectory.weights[index - 1], t.lang),
            db=fmt(b - float(trajectory.biases[index - 1]), t.lang),
        )
    ]


def verdict_html(t: Translator, trajectory, index: int, pocket: bool, separable: bool) -> str:
    """Converged (from the error-free epoch on), or not at the end of the run; else ''."""
    if trajectory.converged and index >= trajectory.converged_at:
        text, kind = t("converged", epoch=trajectory.epochs_run), "good"
    elif not trajectory.converged and index == trajectory.steps:
        text = t("not_converged", epochs=trajectory.max_epochs)
        text += t("more_epochs") if separable else t("never")
        if pocket:
            text += t("pocket_result", errors=trajectory.pocket(index)[2], n=len(trajectory.X))
        else:
            text += t("try_pocket")
        kind = "bad"
    else:
        return ""
    return f"<div class='dl-box dl-box-{kind} dl-text'>{text}</div>"


def novikoff_html(t: Translator, trajectory, estimate, random_init: bool) -> str:
    """Novikoff's bound (R/γ)² beside the updates the run made (reads the Keras model
    module: call it once the model is built)."""
    head = f"<b>{t('novikoff_title')}</b><br>"
    if not estimate.separable:
        body = t("novikoff_none")
    else:
        radius = float(np.max(np.linalg.norm(perceptron_model.augmented(trajectory.X), axis=1)))
        body = t(
            "novikoff",
            R=fmt(radius, t.lang),
            gamma=fmt(estimate.low, t.lang),
            bound=fmt(perceptron_model.novikoff_bound(trajectory.X, estimate.low), t.lang),
            updates=int(trajectory.updates[-1]),
        )
        if random_init:
            body += t("novikoff_random")
    return f"<div class='dl-body dl-perceptron-novikoff'>{head}{body}</div>"


def note_html(text: str) -> str:
    """The note about the data (no points yet, one class only), in a yellow box."""
    return f"<div class='dl-box dl-box-warn'>{html.escape(text)}</div>"
