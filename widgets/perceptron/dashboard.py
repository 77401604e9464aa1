"""Lesson 04 dashboard: Rosenblatt's perceptron (1957), the learning rule animated.

A real Keras :class:`~widgets.models.perceptron.Perceptron` learns a line on a toy 2-D set
(separable blobs with a margin, AND/OR/XOR corners, or points the student clicks in). The
whole run is computed once by ``fit`` (:func:`~widgets.models.perceptron.perceptron_trajectory`);
the :class:`~widgets.animation.StepAnimation` then replays it: the current sample is
ringed, the update ``Δw = η (y − ŷ) x`` is an arrow on the weight vector, the decision line
moves, counters show epoch, updates and errors. Novikoff's bound stands next to the actual
number of updates; on XOR the perceptron never converges and the pocket variant keeps the
best line seen.
"""

from __future__ import annotations

import functools
import html

import ipywidgets
import numpy as np
import plotly.graph_objects as go

from ..animation import StepAnimation
from ..data import blobs_with_margin, logic_gate
from ..errors import StudentError
from ..exercises import GateCheck
from ..figures import shapes
from ..figures.light import LightFigureWidget
from ..figures.live import updating
from ..figures.style import FIRE, LINE, QUIET, REGION, base_layout
from ..geometry import Box, boundary_segment, halfplane_polygon
from ..i18n import Strings, check_language, number
from ..ui import Dashboard, shows_errors

TEXT = Strings(
    "perceptron",
    {
        "title": {
            "pl": "Perceptron Rosenblatta (1957): reguła uczenia krok po kroku",
            "en": "Rosenblatt's perceptron (1957): the learning rule step by step",
        },
        "intro": {
            "pl": "Perceptron odpowiada ŷ = 1, gdy w·x + b ≥ 0 (funkcja skoku jednostkowego), "
            "inaczej 0. Uczy się <b>z nadzorem</b>: po każdej próbce, tylko gdy się "
            "pomylił, przesuwa wagi o <b>Δw = η(y − ŷ)x</b> i wyraz wolny (bias) o Δb = η(y − ŷ). "
            "Naciśnij <i>krok ▶</i> albo odtwarzaj i patrz, jak prosta decyzyjna się "
            "przesuwa. Kliknij wykres, by dodać własny punkt.",
            "en": "The perceptron answers ŷ = 1 when w·x + b ≥ 0 (the unit step function), "
            "else 0. It learns <b>supervised</b>: after each sample, only when it was "
            "wrong, it moves its weights by <b>Δw = η(y − ŷ)x</b> and its bias by "
            "Δb = η(y − ŷ). Press <i>step ▶</i> or play and watch the decision line move. "
            "Click the plot to add your own point.",
        },
        "data": {"pl": "Dane", "en": "Data"},
        "dataset": {"pl": "zbiór", "en": "data set"},
        "ds_blobs": {"pl": "dwie chmury z marginesem", "en": "two blobs with a margin"},
        "ds_and": {"pl": "AND (rogi kwadratu)", "en": "AND (square corners)"},
        "ds_or": {"pl": "OR (rogi kwadratu)", "en": "OR (square corners)"},
        "ds_xor": {"pl": "XOR (rogi kwadratu)", "en": "XOR (square corners)"},
        "ds_custom": {"pl": "własne punkty (klikaj)", "en": "your own points (click)"},
        "points": {"pl": "liczba punktów", "en": "number of points"},
        "margin": {"pl": "margines", "en": "margin"},
        "noise": {"pl": "szum", "en": "noise"},
        "seed": {"pl": "ziarno", "en": "seed"},
        "click_class": {
            "pl": "Kliknięcie dodaje punkt klasy:",
            "en": "A click adds a point of class:",
        },
        "class_1": {"pl": "1 (czerwona)", "en": "1 (red)"},
        "class_0": {"pl": "0 (niebieska)", "en": "0 (blue)"},
        "clear": {"pl": "usuń dodane punkty", "en": "remove added points"},
        "learning": {"pl": "Uczenie", "en": "Learning"},
        "eta": {"pl": "współczynnik uczenia η", "en": "learning rate η"},
        "random_init": {
            "pl": "losowe wagi początkowe (zamiast zer)",
            "en": "random initial weights (instead of zeros)",
        },
        "shuffle": {
            "pl": "nowa losowa kolejność w każdej epoce",
            "en": "a new random order every epoch",
        },
        "epochs": {"pl": "maks. liczba epok", "en": "max. epochs"},
        "pocket": {
            "pl": "algorytm kieszonkowy (zachowuje najlepsze wagi)",
            "en": "pocket algorithm (keeps the best weights)",
        },
        "help": {
            "pl": "Przy starcie od zera η tylko skaluje wagi: prosta i liczba aktualizacji "
            "są te same. Mniejszy margines = więcej aktualizacji. Szum może sprawić, że "
            "żadna prosta nie rozdzieli klas.",
            "en": "Starting from zero, η only scales the weights: the line and the number of "
            "updates stay the same. A smaller margin = more updates. Noise can make the "
            "classes impossible to split by any line.",
        },
        "plane_title": {
            "pl": "Płaszczyzna wejść: perceptron odpowiada 1 w zacienionej części",
            "en": "Input plane: the perceptron answers 1 in the shaded part",
        },
        "legend": {
            "pl": "<span style='color:#d62728'>●</span> klasa 1 &nbsp; "
            "<span style='color:#1f77b4'>●</span> klasa 0 &nbsp; ✕ źle klasyfikowany &nbsp; ◯ bieżąca "
            "próbka &nbsp; <b>→</b> wektor wag w (szary: przed krokiem) &nbsp; "
            "<span style='color:#ff7f0e'><b>→</b> Δw</span> &nbsp; "
            "<span style='color:#2ca02c'>- - kieszeń</span>",
            "en": "<span style='color:#d62728'>●</span> class 1 &nbsp; "
            "<span style='color:#1f77b4'>●</span> class 0 &nbsp; ✕ misclassified &nbsp; ◯ current "
            "sample &nbsp; <b>→</b> weight vector w (grey: before the step) &nbsp; "
            "<span style='color:#ff7f0e'><b>→</b> Δw</span> &nbsp; "
            "<span style='color:#2ca02c'>- - pocket</span>",
        },
        "arrow_scale": {
            "pl": "Strzałki wag narysowane w skali ×{scale} (liczy się ich kierunek: prosta "
            "jest do nich prostopadła).",
            "en": "Weight arrows drawn at scale ×{scale} (their direction matters: the line "
            "is perpendicular to them).",
        },
        "state_start": {
            "pl": "<b>Start</b>: w = {w}, b = {b}. Naciśnij <i>krok ▶</i>.",
            "en": "<b>Start</b>: w = {w}, b = {b}. Press <i>step ▶</i>.",
        },
        "state_step": {
            "pl": "Epoka <b>{epoch}</b> z {epochs} · krok <b>{step}</b> z {steps} · próbka "
            "#{sample}: x = {x}, y = {y}, ŷ = {y_hat}",
            "en": "Epoch <b>{epoch}</b> of {epochs} · step <b>{step}</b> of {steps} · sample "
            "#{sample}: x = {x}, y = {y}, ŷ = {y_hat}",
        },
        "right": {
            "pl": "✓ dobrze: y − ŷ = 0, wagi bez zmian",
            "en": "✓ right: y − ŷ = 0, the weights stay",
        },
        "wrong": {
            "pl": "✗ błąd: y − ŷ = {error:+d} → Δw = η(y − ŷ)x = {dw}, Δb = {db}",
            "en": "✗ wrong: y − ŷ = {error:+d} → Δw = η(y − ŷ)x = {dw}, Δb = {db}",
        },
        "counters": {
            "pl": "Aktualizacje: <b>{updates}</b> · błędy w tej epoce: <b>{errors}</b> · "
            "źle klasyfikowane teraz: <b>{wrong_now}</b> z {n} · w = {w}, b = {b}",
            "en": "Updates: <b>{updates}</b> · errors this epoch: <b>{errors}</b> · "
            "misclassified now: <b>{wrong_now}</b> of {n} · w = {w}, b = {b}",
        },
        "pocket_state": {
            "pl": "Kieszeń: najlepsze dotąd wagi mylą się na {errors} z {n} {n:@punktu|punktów|punktów}.",
            "en": "Pocket: the best weights so far misclassify {errors} of {n} {n:@point|points}.",
        },
        "converged": {
            "pl": "✓ <b>Zbieżność!</b> Epoka {epoch} minęła bez żadnego błędu: prosta "
            "rozdziela klasy, dalsze epoki niczego nie zmienią.",
            "en": "✓ <b>Converged!</b> Epoch {epoch} passed without a single error: the line "
            "separates the classes, more epochs change nothing.",
        },
        "not_converged": {
            "pl": "✗ <b>Brak zbieżności</b> po {epochs} {epochs:@epoce|epokach|epokach}: w każdej "
            "epoce są błędy.",
            "en": "✗ <b>No convergence</b> after {epochs} {epochs:@epoch|epochs}: every epoch has "
            "errors.",
        },
        "never": {
            "pl": " Żadna prosta nie rozdziela tych klas (jak w XOR), więc perceptron "
            "<b>nigdy</b> się nie zatrzyma: wagi krążą bez końca.",
            "en": " No line separates these classes (as in XOR), so the perceptron will "
            "<b>never</b> stop: the weights go round forever.",
        },
        "try_pocket": {
            "pl": " Włącz <b>algorytm kieszonkowy</b>, by zachować najlepsze wagi.",
            "en": " Switch on the <b>pocket algorithm</b> to keep the best weights.",
        },
        "more_epochs": {
            "pl": " Klasy da się jednak rozdzielić prostą: więcej epok wystarczy "
            "(twierdzenie Novikoffa).",
            "en": " The classes can be split by a line, though: more epochs will do "
            "(Novikoff's theorem).",
        },
        "pocket_result": {
            "pl": " Kieszeń oddaje wagi, które mylą się na {errors} z {n} {n:@punktu|punktów|punktów}.",
            "en": " The pocket returns weights that misclassify {errors} of {n} {n:@point|points}.",
        },
        "novikoff_title": {"pl": "Twierdzenie Novikoffa (1962)", "en": "Novikoff's theorem (1962)"},
        "novikoff": {
            "pl": "Gdy klasy rozdziela prosta z marginesem γ, perceptron startujący od w = 0 "
            "wykona najwyżej <b>(R/γ)²</b> aktualizacji. Tu R = {R} (największa długość "
            "(x1, x2, 1), z wejściem biasu), γ = {gamma} (margines: najmniejsza odległość "
            "punktów (x1, x2, 1) od płaszczyzny rozdzielającej przez początek układu, "
            "największa osiągalna) → ograniczenie <b>{bound}</b>; perceptron wykonał <b>{updates}</b> "
            "{updates:@aktualizację|aktualizacje|aktualizacji}.",
            "en": "When a line separates the classes with margin γ, the perceptron started at "
            "w = 0 makes at most <b>(R/γ)²</b> updates. Here R = {R} (the largest length of "
            "(x1, x2, 1), bias input included), γ = {gamma} (the margin: the smallest distance "
            "of the points (x1, x2, 1) to a separating plane through the origin, made as "
            "large as possible) → bound <b>{bound}</b>; the perceptron made <b>{updates}</b> "
            "{updates:@update|updates}.",
        },
        "novikoff_random": {
            "pl": " (Ograniczenie zakłada start od zera; wagi początkowe są teraz losowe.)",
            "en": " (The bound assumes a start at zero; the initial weights are random now.)",
        },
        "novikoff_none": {
            "pl": "Żadna prosta nie rozdziela tych klas: twierdzenie nic nie obiecuje, "
            "perceptron może się nie zatrzymać.",
            "en": "No line separates these classes: the theorem promises nothing, the "
            "perceptron may never stop.",
        },
        "need_points": {
            "pl": "Kliknij wykres, aby dodać punkty: potrzeba co najmniej jednego punktu "
            "każdej klasy (wybierz klasę przyciskami po lewej).",
            "en": "Click the plot to add points: at least one point of each class is needed "
            "(pick the class with the buttons on the left).",
        },
        "one_class": {
            "pl": "Wszystkie punkty ({n}) należą do klasy {label}: nie ma czego rozdzielać. "
            "Dodaj punkt klasy {other}.",
            "en": "All {n} points belong to class {label}: there is nothing to separate. Add "
            "a point of class {other}.",
        },
        "outside": {
            "pl": "Punkt ({x}; {y}) leży poza wykresem, który sięga od {x0} do {x1} na osi "
            "x1 i od {y0} do {y1} na osi x2.",
            "en": "The point ({x}, {y}) lies outside the plot, which spans {x0} to {x1} on "
            "the x1 axis and {y0} to {y1} on the x2 axis.",
        },
        "bad_point": {
            "pl": "Współrzędne punktu muszą być liczbami.",
            "en": "The point's coordinates must be numbers.",
        },
        "bad_label": {
            "pl": "Klasa musi być 0 albo 1, a jest {label!r}.",
            "en": "The class must be 0 or 1, not {label!r}.",
        },
        "too_many": {
            "pl": "Na wykresie jest już największa dozwolona liczba punktów ({limit}): usuń "
            "dodane punkty albo zmniejsz ich liczbę.",
            "en": "The plot already holds the most points allowed ({limit}): remove the added "
            "points or lower their number.",
        },
    },
)

DATASETS = ("blobs", "and", "or", "xor", "custom")
GATE_BOX: Box = (-0.75, 1.75, -0.75, 1.75)
CUSTOM_BOX: Box = (-3.0, 3.0, -3.0, 3.0)
GRID = 41  # click resolution: a GRID x GRID invisible heatmap covers the plane
MAX_POINTS = 120
# Defaults chosen so the first run is worth watching: 10 updates over 5 epochs.
DEFAULT_POINTS, DEFAULT_MARGIN, DEFAULT_SEED = 40, 0.3, 1
GATE_COPIES = 8  # with noise > 0, each corner of a gate becomes a jittered cloud
ARROW_FRACTION = 0.3  # the longer weight arrow spans this fraction of the plot's width

ARROW_HEAD = 0.035  # arrow heads are this fraction of the plot's width long
CROSS = 0.01  # the ✕ on a misclassified point: half-width as a fraction of the width

# Trace order, so updates can address traces by position; the rest are named shapes.
CLICK_TRACE, POINTS_TRACE = range(2)
DELTA_COLOUR = "#ff7f0e"
POCKET_COLOUR = "#2ca02c"


def box_of(dataset: str, X: np.ndarray | None = None) -> Box:
    """The drawing box of a data set: a square around its points and the origin.

    The origin stays inside because the weight arrows start there; own points get a
    fixed square (they are clicked inside it), gates at least the unit square's frame.
    """
    if dataset == "custom" or X is None or len(X) == 0:
        return CUSTOM_BOX if dataset == "custom" else GATE_BOX
    low = np.minimum(X.min(axis=0), 0.0)
    high = np.maximum(X.max(axis=0), 0.0)
    centre = (low + high) / 2
    half = max(float(np.max(high - low)) / 2 * 1.12, 1.0)
    box = (centre[0] - half, centre[0] + half, centre[1] - half, centre[1] + half)
    if dataset != "blobs":
        box = (min(box[0], GATE_BOX[0]), max(box[1], GATE_BOX[1]),
               min(box[2], GATE_BOX[2]), max(box[3], GATE_BOX[3]))  # fmt: skip
    return tuple(round(float(v), 2) for v in box)


def make_data(
    dataset: str, n: int = 30, margin: float = 1.0, noise: float = 0.0, seed: int = 0
) -> tuple[np.ndarray, np.ndarray]:
    """The points of a data set (without clicked points): X (n, 2) float32, y 0/1 int."""
    if dataset == "blobs":
        return blobs_with_margin(n, margin=margin, noise=noise, seed=seed)
    if dataset == "custom":
        return np.zeros((0, 2), np.float32), np.zeros(0, np.int64)
    X, y = logic_gate(dataset.upper())
    if noise > 0:  # a cloud around each corner; the labels stay the gate's
        rng = np.random.default_rng(seed)
        X = np.repeat(X, GATE_COPIES, axis=0) + rng.normal(0, noise / 4, (4 * GATE_COPIES, 2))
        y = np.repeat(y, GATE_COPIES)
        order = rng.permutation(len(X))
        X, y = X[order].astype(np.float32), y[order]
    return X, y


def _fmt(value: float, lang: str = "en") -> str:
    """Three significant digits; in Polish a decimal comma and a true minus sign."""
    text = f"{value:.3g}" if abs(value) >= 1e-3 or value == 0 else f"{value:.1e}"
    return text.replace(".", ",").replace("-", "−") if lang == "pl" else text


def _vec(values, lang: str = "en") -> str:
    """A vector; in Polish with "; " between the parts once a decimal comma shows up."""
    texts = [_fmt(float(v), lang) for v in values]
    separator = "; " if any("," in text for text in texts) else ", "
    return "(" + separator.join(texts) + ")"


# ------------------------------------------------------------------------ the figure


def perceptron_figure(box: Box, title: str) -> go.FigureWidget:
    """The input plane: an invisible click grid and the points; the rest are shapes.

    Everything that moves at each step (half-plane, lines, crosses, ring, arrows) is a
    layout shape (:mod:`widgets.figures.shapes`): a step never changes a trace, so plotly
    redraws only the shapes.
    """
    figure = LightFigureWidget(
        data=[
            go.Heatmap(
                z=[[0.0]],
                colorscale=[[0, "rgba(0,0,0,0)"], [1, "rgba(0,0,0,0)"]],
                showscale=False,
                hoverinfo="none",
                name="click",
            ),
            go.Scatter(
                x=[],
                y=[],
                mode="markers",
                marker={"size": 11, "line": {"width": 1, "color": "white"}},
                hovertemplate="(%{x:.2f}, %{y:.2f})<extra></extra>",
                name="points",
            ),
        ],
        layout=base_layout(
            title={"text": title, "font": {"size": 13}},
            width=520,
            height=500,
            hovermode="closest",
            clickmode="event",
            dragmode=False,
        ),
    )
    set_box(figure, box)
    return figure


def set_box(figure: go.FigureWidget, box: Box) -> None:
    """Fix the axes to ``box`` and cover it with the invisible click grid."""
    xs = np.linspace(box[0], box[1], GRID).round(3).tolist()
    ys = np.linspace(box[2], box[3], GRID).round(3).tolist()
    with updating(figure):
        figure.data[CLICK_TRACE].update(x=xs, y=ys, z=np.zeros((GRID, GRID)).tolist())
        figure.layout.xaxis.update(range=box[:2], title="x1", zeroline=True, constrain="domain")
        figure.layout.yaxis.update(
            range=box[2:], title="x2", zeroline=True, scaleanchor="x", constrain="domain"
        )


def _line_shapes(w, b, box, colour: str, name: str, dash=None) -> list[dict]:
    segment = boundary_segment(w, -b, box)
    if segment is None:
        return []
    return shapes.segment(segment[:, 0], segment[:, 1], colour, 3, name, dash)


def points_trace_data(X: np.ndarray, y: np.ndarray) -> dict:
    """The point trace's coordinates and class colours (sent only when the data change)."""
    return {
        "x": X[:, 0].round(4).tolist(),
        "y": X[:, 1].round(4).tolist(),
        "marker.color": [FIRE if label else QUIET for label in y],
    }


def step_drawing(trajectory, index: int, box: Box, pocket: bool) -> list[dict]:
    """The shapes the figure shows at state ``index`` of a trajectory.

    Pure (tests assert on it). The shapes are named: "region", "pocket", "boundary",
    "missed" (an ✕ on each misclassified point), "current", "w before", "w", "Δw".
    Per-point marker styles would have been the obvious way to mark the misclassified
    points, but an array-valued style makes plotly.js recompute the whole figure.
    """
    w, b = trajectory.weights[index], float(trajectory.biases[index])
    X, y = trajectory.X, trajectory.y
    missed = ((X @ w.astype(np.float32) + np.float32(b)) >= 0) != (y > 0)
    region = halfplane_polygon(w, -b, box)
    drawing = shapes.polygon(region[:, 0], region[:, 1], REGION, "region")
    if pocket:
        pw, pb, _ = trajectory.pocket(index)
        drawing += _line_shapes(pw, pb, box, POCKET_COLOUR, "pocket", "dash")
    drawing += _line_shapes(w, b, box, LINE, "boundary")
    size = box[1] - box[0]
    drawing += shapes.crosses(X[missed, 0], X[missed, 1], CROSS * size, LINE, 2, "missed")
    w_old = trajectory.weights[index - 1] if index > 0 else w
    scale = arrow_scale(w_old, w, box)
    head = ARROW_HEAD * size
    if index > 0:
        x = X[trajectory.sample[index - 1]]
        drawing += shapes.ring(x[0], x[1], 12, LINE, 3, "current")
        if scale and trajectory.mistake[index - 1]:
            drawing += shapes.arrow((0, 0), scale * w_old, "#9e9e9e", 3, head, "w before")
            drawing += shapes.arrow(scale * w_old, scale * w, DELTA_COLOUR, 4, head, "Δw")
    if scale:
        drawing += shapes.arrow((0, 0), scale * w, LINE, 4, head, "w")
    return drawing


def arrow_scale(w_old, w_new, box: Box) -> float:
    """The factor that draws the longer of two weight vectors at ARROW_FRACTION of the box."""
    longest = max(float(np.linalg.norm(w_old)), float(np.linalg.norm(w_new)))
    if longest == 0:
        return 0.0
    return ARROW_FRACTION * (box[1] - box[0]) / longest


# ------------------------------------------------------------------------ exercises


def reference_update(w, b, x, y, eta):
    """One step of the perceptron rule in numpy (the exercises' reference)."""
    w, x = np.asarray(w, dtype=float), np.asarray(x, dtype=float)
    y_hat = 1.0 if float(w @ x + b) >= 0 else 0.0
    error = float(y) - y_hat
    return w + eta * error * x, float(b) + eta * error


EXERCISE_TEXT = Strings(
    "perceptron_exercises",
    {
        "passed": {
            "pl": "✅ Dobrze! Twoja reguła zgadza się z perceptronem w {n} "
            "{n:@przypadku testowym|przypadkach testowych|przypadkach testowych}.",
            "en": "✅ Correct! Your rule agrees with the perceptron on {n} test {n:@case|cases}.",
        },
        "failed": {
            "pl": "❌ Jeszcze nie: {wrong} z {n} {n:@przypadku|przypadków|przypadków} "
            "{wrong:@daje|dają|daje} inne wagi.",
            "en": "❌ Not yet: {wrong} of {n} {n:@case|cases} {wrong:@gives|give} different weights.",
        },
        "case": {
            "pl": "w = {w}, b = {b}, x = {x}, y = {y}, η = {eta}: oczekiwano w = {want_w}, "
            "b = {want_b}, a jest w = {got_w}, b = {got_b}",
            "en": "w = {w}, b = {b}, x = {x}, y = {y}, η = {eta}: expected w = {want_w}, "
            "b = {want_b}, got w = {got_w}, b = {got_b}",
        },
        "hint": {
            "pl": "Wskazówka: ŷ = 1, gdy w·x + b ≥ 0; potem w ← w + η(y − ŷ)x i b ← b + η(y − ŷ). "
            "Gdy ŷ = y, nic się nie zmienia.",
            "en": "Hint: ŷ = 1 when w·x + b ≥ 0; then w ← w + η(y − ŷ)x and b ← b + η(y − ŷ). "
            "When ŷ = y nothing changes.",
        },
        "crashed": {
            "pl": "Funkcja zgłosiła błąd: {message}",
            "en": "The function raised an error: {message}",
        },
    },
)


def check_update(update, lang: str = "pl", cases: int = 12, seed: int = 0) -> GateCheck:
    """Check a student's ``update(w, b, x, y, eta) -> (w, b)`` against the perceptron rule."""
    t = EXERCISE_TEXT.for_language(check_language(lang))
    rng = np.random.default_rng(seed)
    wrong = []
    for _ in range(cases):
        w, x = rng.integers(-3, 4, 2).astype(float), rng.integers(-2, 3, 2).astype(float)
        b, y, eta = float(rng.integers(-2, 3)), int(rng.integers(0, 2)), [0.5, 1.0][rng.integers(2)]
        want_w, want_b = reference_update(w, b, x, y, eta)
        try:
            got_w, got_b = update(w.copy(), b, x.copy(), y, eta)
            got_w, got_b = np.asarray(got_w, dtype=float).reshape(2), float(got_b)
        except Exception as error:  # noqa: BLE001  (a student's code: explain, don't crash)
            return GateCheck(False, t("crashed", message=f"{type(error).__name__}: {error}"))
        if not (np.allclose(got_w, want_w) and np.isclose(got_b, want_b)):
            wrong.append(
                t(
                    "case",
                    w=_vec(w, t.lang),
                    b=_fmt(b, t.lang),
                    x=_vec(x, t.lang),
                    y=y,
                    eta=eta,
                    want_w=_vec(want_w, t.lang),
                    want_b=_fmt(want_b, t.lang),
                    got_w=_vec(got_w, t.lang),
                    got_b=_fmt(got_b, t.lang),
                )
            )
    if not wrong:
        return GateCheck(True, t("passed", n=cases))
    return GateCheck(False, t("failed", wrong=len(wrong), n=cases), [*wrong[:3], t("hint")])


# ------------------------------------------------------------------------ the dashboard


class PerceptronDashboard(Dashboard):
    """Data, learning settings, the animated plane and counters; see the module doc."""

    def __init__(self, lang: str = "pl"):
        super().__init__(lang)
        t = self._t = TEXT.for_language(lang)
        self.trajectory = None
        self.margin_estimate = None
        self._added_X: list[tuple[float, float]] = []
        self._added_y: list[int] = []
        self._base_X, self._base_y = np.zeros((0, 2), np.float32), np.zeros(0, np.int64)
        self._box = CUSTOM_BOX
        self._drawn: list[dict] = []  # the shapes last sent to the figure
        self._message = ""
        wide = {"description_width": "initial"}

        def slider() -> ipywidgets.Layout:  # one Layout each: hiding one must not hide all
            return ipywidgets.Layout(width="330px")

        # Controls
        self._dataset = ipywidgets.Dropdown(
            options=[(t(f"ds_{name}"), name) for name in DATASETS],
            value="blobs",
            description=t("dataset"),
            style=wide,
            layout=slider(),
        )
        self._n = ipywidgets.IntSlider(
            DEFAULT_POINTS,
            min=4,
            max=80,
            step=2,
            description=t("points"),
            style=wide,
            layout=slider(),
            continuous_update=False,
        )
        self._margin = ipywidgets.FloatSlider(
            DEFAULT_MARGIN,
            min=0.0,
            max=3.0,
            step=0.1,
            description=t("margin"),
            style=wide,
            layout=slider(),
            continuous_update=False,
        )
        self._noise = ipywidgets.FloatSlider(
            0.0,
            min=0.0,
            max=1.5,
            step=0.05,
            description=t("noise"),
            style=wide,
            layout=slider(),
            continuous_update=False,
        )
        self._seed = ipywidgets.BoundedIntText(
            DEFAULT_SEED,
            min=0,
            max=9999,
            description=t("seed"),
            style=wide,
            layout=ipywidgets.Layout(width="160px"),
        )
        self._click_class = ipywidgets.ToggleButtons(
            options=[(t("class_1"), 1), (t("class_0"), 0)],
            value=1,
            style={"button_width": "110px"},
        )
        self._clear = ipywidgets.Button(
            description=t("clear"), icon="eraser", layout=ipywidgets.Layout(width="auto")
        )
        self._eta = ipywidgets.FloatLogSlider(
            1.0,
            base=10,
            min=-2,
            max=1,
            step=0.1,
            description=t("eta"),
            style=wide,
            layout=slider(),
            continuous_update=False,
            readout_format=".2g",
        )
        self._random_init = ipywidgets.Checkbox(
            False,
            description=t("random_init"),
            indent=False,
            layout=ipywidgets.Layout(width="auto"),
        )
        self._shuffle = ipywidgets.Checkbox(
            True, description=t("shuffle"), indent=False, layout=ipywidgets.Layout(width="auto")
        )
        self._epochs = ipywidgets.IntSlider(
            20,
            min=1,
            max=50,
            description=t("epochs"),
            style=wide,
            layout=slider(),
            continuous_update=False,
        )
        self._pocket = ipywidgets.Checkbox(
            False, description=t("pocket"), indent=False, layout=ipywidgets.Layout(width="auto")
        )
        self._pocket.add_class("dl-pocket")
        self.animation = StepAnimation(lang, on_step=self._on_step)

        # Outputs
        self.plane = perceptron_figure(self._box, t("plane_title"))
        self.plane.add_class("dl-perceptron-plane")
        self._legend = ipywidgets.HTML(f"<small>{t('legend')}</small>")
        self._scale_note = ipywidgets.HTML()
        self._state = ipywidgets.HTML()
        self._state.add_class("dl-counters")
        self._verdict = ipywidgets.HTML()
        self._verdict.add_class("dl-verdict")
        self._novikoff = ipywidgets.HTML()
        self._novikoff.add_class("dl-novikoff")
        self._note = ipywidgets.HTML(layout=ipywidgets.Layout(display="none"))
        self._note.add_class("dl-note")

        # Layout
        controls = ipywidgets.VBox(
            [
                ipywidgets.HTML(f"<b>{t('data')}</b>"),
                self._dataset,
                self._n,
                self._margin,
                self._noise,
                self._seed,
                ipywidgets.HTML(t("click_class")),
                self._click_class,
                self._clear,
                ipywidgets.HTML(f"<b>{t('learning')}</b>"),
                self._eta,
                self._epochs,
                self._random_init,
                self._shuffle,
                self._pocket,
                ipywidgets.HTML(f"<small>{t('help')}</small>"),
            ],
            layout=ipywidgets.Layout(width="350px"),
        )
        view = ipywidgets.VBox(
            [self.animation, self.plane, self._legend, self._scale_note],
            layout=ipywidgets.Layout(width="540px"),
        )
        side = ipywidgets.VBox(
            [self._note, self._state, self._verdict, self._novikoff],
            layout=ipywidgets.Layout(width="360px"),
        )
        self.children = [
            ipywidgets.HTML(f"<h2>{t('title')}</h2><p>{t('intro')}</p>"),
            self._loading,
            self._error,
            ipywidgets.HBox([controls, view, side], layout=ipywidgets.Layout(flex_flow="row wrap")),
        ]
        self._model_controls = [
            self._dataset, self._n, self._margin, self._noise, self._seed, self._click_class,
            self._clear, self._eta, self._random_init, self._shuffle, self._epochs,
            self._pocket, *self.animation.controls,
        ]  # fmt: skip
        self._show_data_controls()
        self._new_data()

        # Events
        for control in (self._dataset, self._n, self._margin, self._noise, self._seed):
            control.observe(self._on_data_change, names="value")
        for control in (self._eta, self._random_init, self._shuffle, self._epochs):
            control.observe(self._on_learning_change, names="value")
        self._pocket.observe(self._on_pocket_change, names="value")
        self._clear.on_click(self._on_clear_click)
        self.plane.data[CLICK_TRACE].on_click(self._on_plane_click)
        self._start_model_loading()

    # Public API (for notebook cells and tests) --------------------------------------------
    @property
    def X(self) -> np.ndarray:
        """The training points: the data set's plus the clicked ones."""
        if not self._added_X:
            return self._base_X
        return np.vstack([self._base_X, np.array(self._added_X, dtype=np.float32)])

    @property
    def y(self) -> np.ndarray:
        return np.concatenate([self._base_y, np.array(self._added_y, dtype=np.int64)])

    @property
    def index(self) -> int:
        """The state shown (0 = before the first sample)."""
        return self.animation.index

    @property
    def message(self) -> str:
        """The data note shown to the student ('' when the data are fine)."""
        return self._message

    def counters(self) -> dict:
        """Epoch (1-based), step, updates and errors at the state shown."""
        trajectory, i = self.trajectory, self.index
        if trajectory is None:
            return {}
        return {
            "epoch": int(trajectory.epoch[i - 1]) + 1 if i else 0,
            "step": i,
            "steps": trajectory.steps,
            "updates": int(trajectory.updates[i]),
            "epoch_errors": trajectory.epoch_errors(i),
            "misclassified": int(trajectory.train_errors[i]),
            "converged": trajectory.converged and i >= trajectory.converged_at,
        }

    @shows_errors
    def add_point(self, x1: float, x2: float, label: int | None = None) -> None:
        """Add a training point (as a click on the plot does) and learn again."""
        label = self._click_class.value if label is None else label
        if label not in (0, 1):
            raise StudentError("perceptron.bad_label", label=label)
        try:
            x1, x2 = float(x1), float(x2)
        except (TypeError, ValueError) as error:
            raise StudentError("perceptron.bad_point") from error
        x0, x1_, y0, y1 = self._box
        if not (x0 <= x1 <= x1_ and y0 <= x2 <= y1):
            shown = functools.partial(number, lang=self.lang, spec=".3g")
            raise StudentError(
                "perceptron.outside",
                x=shown(x1),
                y=shown(x2),
                x0=shown(x0),
                x1=shown(x1_),
                y0=shown(y0),
                y1=shown(y1),
            )
        if len(self.X) >= MAX_POINTS:
            raise StudentError("perceptron.too_many", limit=MAX_POINTS)
        self._added_X.append((float(x1), float(x2)))
        self._added_y.append(int(label))
        self.clear_error()
        self._retrain()

    def step(self) -> None:
        self.animation.step()

    def back(self) -> None:
        self.animation.back()

    def reset(self) -> None:
        self.animation.reset()

    def go_to_end(self) -> None:
        self.animation.go_to(self.animation.length)

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        from ..models.perceptron import build_perceptron

        self.model = build_perceptron(2, self._eta.value)
        self._retrain()

    # Events -------------------------------------------------------------------------------
    @shows_errors
    def _on_data_change(self, change) -> None:
        if change["owner"] is self._dataset:
            self._show_data_controls()
        self._retrain(new_data=True)

    @shows_errors
    def _on_learning_change(self, change) -> None:
        self._retrain()

    @shows_errors
    def _on_pocket_change(self, change) -> None:
        self._retrain(keep_index=True)

    @shows_errors
    def _on_clear_click(self, button) -> None:
        self._added_X, self._added_y = [], []
        self._retrain()

    @shows_errors
    def _on_plane_click(self, trace, points, selector) -> None:
        if points.xs:
            self.add_point(round(float(points.xs[0]), 3), round(float(points.ys[0]), 3))

    @shows_errors
    def _on_step(self, index: int) -> None:
        if self.trajectory is None or self.model is None:
            return
        index = min(index, self.trajectory.steps)
        self._draw_step(index)  # first: the figure is what the student waits for
        self.model.set_parameters(self.trajectory.weights[index], self.trajectory.biases[index])

    # Learning -----------------------------------------------------------------------------
    def _new_data(self) -> None:
        """Generate the chosen data set (numpy only) and draw its points."""
        self._base_X, self._base_y = make_data(
            self._dataset.value, self._n.value, self._margin.value, self._noise.value,
            self._seed.value,
        )  # fmt: skip
        self._added_X, self._added_y = [], []
        self._box = box_of(self._dataset.value, self._base_X)
        set_box(self.plane, self._box)
        self._draw_points()

    def _draw_points(self) -> None:
        with updating(self.plane):
            self.plane.data[POINTS_TRACE].update(points_trace_data(self.X, self.y))
        self._drawn = []

    def _retrain(self, new_data: bool = False, keep_index: bool = False) -> None:
        """Run the whole rule once on the data (new ones if asked) and show state 0.

        Clicked points are dropped with new data: they were placed for the old picture.
        The slow part (``fit``) runs first and the widgets change after it, in one quick
        burst: when this runs in the Keras import thread, a page that connects meanwhile
        misses fewer updates (see :meth:`_resync`).
        """
        if self.model is None:
            return
        from ..models.perceptron import best_margin, perceptron_trajectory

        if new_data:
            self._new_data()
        X, y = self.X, self.y
        problem = self._data_problem(y)
        if problem:
            self.trajectory = self.margin_estimate = None
        else:
            self.model.learning_rate = self._eta.value
            self.model.initial_weights = self._initial_weights()
            self.margin_estimate = best_margin(X, y)
            self.trajectory = perceptron_trajectory(
                self.model,
                X,
                y,
                max_epochs=self._epochs.value,
                pocket=self._pocket.value,
                shuffle_seed=self._seed.value if self._shuffle.value else None,
            )
        # The burst of widget updates.
        if not new_data:
            self._draw_points()
        self._show_note(problem)
        for control in self.animation.controls:
            control.disabled = bool(problem)
        if problem:
            self._clear_drawing()
            self.animation.set_length(0)
            return
        self._draw_novikoff()
        self.animation.set_length(self.trajectory.steps, self.index if keep_index else 0)

    def _data_problem(self, y: np.ndarray) -> str:
        if len(y) == 0:
            return self._t("need_points")
        labels = set(int(v) for v in y)
        if len(labels) < 2:
            label = labels.pop()
            return self._t("one_class", n=len(y), label=label, other=1 - label)
        return ""

    def _initial_weights(self):
        if not self._random_init.value:
            return None
        rng = np.random.default_rng(self._seed.value + 1000)
        return rng.normal(0, 1, 2), float(rng.normal(0, 1))

    # Drawing ------------------------------------------------------------------------------
    def _show_data_controls(self) -> None:
        dataset = self._dataset.value
        self._n.layout.display = "flex" if dataset == "blobs" else "none"
        self._margin.layout.display = "flex" if dataset == "blobs" else "none"
        self._noise.layout.display = "none" if dataset == "custom" else "flex"
        self._seed.layout.display = "flex"

    def _show_note(self, text: str) -> None:
        self._message = text
        if text:
            self._note.value = (
                "<div style='background:#fff8e1;border:1px solid #f0c36d;padding:6px;"
                f"border-radius:4px'>{html.escape(text)}</div>"
            )
            self._note.layout.display = None
        else:
            self._note.value = ""
            self._note.layout.display = "none"

    def _clear_drawing(self) -> None:
        self._drawn = []
        with updating(self.plane):
            self.plane.layout.shapes = ()
        self._state.value = self._verdict.value = self._novikoff.value = ""
        self._scale_note.value = ""

    def _draw_step(self, index: int) -> None:
        trajectory = self.trajectory
        drawing = step_drawing(trajectory, index, self._box, self._pocket.value)
        if self._drawn != drawing:  # e.g. the Play's last step, sent again, changes nothing
            with updating(self.plane):
                self.plane.layout.shapes = drawing
            self._drawn = drawing
        self._state.value = self._state_html(index)
        self._verdict.value = self._verdict_html(index)
        w_old = trajectory.weights[max(index - 1, 0)]
        scale = arrow_scale(w_old, trajectory.weights[index], self._box)
        note = self._t("arrow_scale", scale=_fmt(scale, self.lang)) if scale else ""
        if self._scale_note.value != note:
            self._scale_note.value = f"<small>{note}</small>" if note else ""

    def _state_html(self, index: int) -> str:
        t, trajectory = self._t, self.trajectory
        w, b = trajectory.weights[index], float(trajectory.biases[index])
        if index == 0:
            lines = [t("state_start", w=_vec(w, self.lang), b=_fmt(b, self.lang))]
        else:
            sample = int(trajectory.sample[index - 1])
            x, y_true = trajectory.X[sample], int(trajectory.y[sample])
            y_hat = int(trajectory.y_hat[index - 1])
            lines = [
                t(
                    "state_step",
                    epoch=int(trajectory.epoch[index - 1]) + 1,
                    epochs=trajectory.max_epochs,
                    step=index,
                    steps=trajectory.steps,
                    sample=sample + 1,
                    x=_vec(x, self.lang),
                    y=y_true,
                    y_hat=y_hat,
                ),
                t("right")
                if not trajectory.mistake[index - 1]
                else t(
                    "wrong",
                    error=y_true - y_hat,
                    dw=_vec(w - trajectory.weights[index - 1], self.lang),
                    db=_fmt(b - float(trajectory.biases[index - 1]), self.lang),
                ),
            ]
        lines.append(
            t(
                "counters",
                updates=int(trajectory.updates[index]),
                errors=trajectory.epoch_errors(index),
                wrong_now=int(trajectory.train_errors[index]),
                n=len(trajectory.X),
                w=_vec(w, self.lang),
                b=_fmt(b, self.lang),
            )
        )
        if self._pocket.value:
            lines.append(t("pocket_state", errors=trajectory.pocket(index)[2], n=len(trajectory.X)))
        return "<div style='font-size:15px;line-height:1.5'>" + "<br>".join(lines) + "</div>"

    def _verdict_html(self, index: int) -> str:
        t, trajectory = self._t, self.trajectory
        if trajectory.converged and index >= trajectory.converged_at:
            text = t("converged", epoch=trajectory.epochs_run)
            style = "background:#e8f5e9;border:1px solid #66bb6a"
        elif not trajectory.converged and index == trajectory.steps:
            text = t("not_converged", epochs=trajectory.max_epochs)
            separable = self.margin_estimate is not None and self.margin_estimate.separable
            text += t("more_epochs") if separable else t("never")
            if self._pocket.value:
                text += t("pocket_result", errors=trajectory.pocket(index)[2], n=len(trajectory.X))
            else:
                text += t("try_pocket")
            style = "background:#fdecea;border:1px solid #e57373"
        else:
            return ""
        return f"<div style='{style};padding:6px;border-radius:4px;font-size:15px'>{text}</div>"

    def _draw_novikoff(self) -> None:
        from ..models.perceptron import augmented, novikoff_bound

        t, trajectory, estimate = self._t, self.trajectory, self.margin_estimate
        head = f"<b>{t('novikoff_title')}</b><br>"
        if not estimate.separable:
            body = t("novikoff_none")
        else:
            radius = float(np.max(np.linalg.norm(augmented(trajectory.X), axis=1)))
            body = t(
                "novikoff",
                R=_fmt(radius, self.lang),
                gamma=_fmt(estimate.low, self.lang),
                bound=_fmt(novikoff_bound(trajectory.X, estimate.low), self.lang),
                updates=int(trajectory.updates[-1]),
            )
            if self._random_init.value:
                body += t("novikoff_random")
        self._novikoff.value = f"<div style='font-size:14px;margin-top:8px'>{head}{body}</div>"

    @property
    def novikoff_bound(self) -> float | None:
        """(R/γ)² for the current data, None when no line separates them."""
        from ..models.perceptron import novikoff_bound

        if self.margin_estimate is None or not self.margin_estimate.separable:
            return None
        return novikoff_bound(self.X, self.margin_estimate.low)
