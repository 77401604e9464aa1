"""Lesson 02 dashboard: the McCulloch-Pitts neuron (1943).

Weights and a threshold set by sliders load into a real Keras model
(:mod:`widgets.models.mcculloch_pitts`); its truth table, a live diagram and the input
plane with the decision line follow every move. Presets set AND/OR/NOT/NAND/NOR, a label
names the function computed, and the XOR challenge explains, after a few tries, why no
setting can work.
"""

from __future__ import annotations

import ipywidgets
import numpy as np

from .errors import StudentError
from .figures.diagram import neuron_svg
from .figures.plane import (
    decision_plane_figure,
    plane_shapes,
    plane_trace_data,
    update_decision_plane,
)
from .figures.tables import truth_table_html
from .i18n import Strings
from .logic import name_of, truth_vector
from .ui import Dashboard, shows_errors

TEXT = Strings(
    "mcculloch_pitts",
    {
        "title": {
            "pl": "Neuron McCullocha-Pittsa (1943)",
            "en": "The McCulloch-Pitts neuron (1943)",
        },
        "intro": {
            "pl": "Neuron sumuje wejścia pomnożone przez wagi i <b>odpala (1)</b>, gdy suma "
            "osiąga <b>próg θ</b>; inaczej daje 0. Nie uczy się: to Ty ustawiasz wagi. "
            "Aktywne wejście hamujące <i>h</i> blokuje odpalenie bez względu na sumę.",
            "en": "The neuron adds its inputs multiplied by weights and <b>fires (1)</b> when "
            "the sum reaches the <b>threshold θ</b>; otherwise it outputs 0. It does not "
            "learn: you set the weights. An active inhibitory input <i>h</i> vetoes "
            "firing whatever the sum.",
        },
        "weights": {"pl": "Wagi i próg", "en": "Weights and threshold"},
        "threshold": {"pl": "próg θ", "en": "threshold θ"},
        "third_input": {"pl": "trzecie wejście x3", "en": "third input x3"},
        "inhibitory": {"pl": "wejście hamujące h", "en": "inhibitory input h"},
        "presets": {"pl": "Gotowe bramki:", "en": "Presets:"},
        "current_input": {"pl": "Wejście na schemacie:", "en": "Input shown in the diagram:"},
        "computes": {
            "pl": "Ten neuron liczy: <b>{name}</b>",
            "en": "This neuron computes: <b>{name}</b>",
        },
        "computes_veto": {
            "pl": "Ten neuron liczy: <b>{name}</b> (gdy h = 0; h = 1 blokuje)",
            "en": "This neuron computes: <b>{name}</b> (when h = 0; h = 1 vetoes)",
        },
        "no_name": {"pl": "funkcję bez popularnej nazwy", "en": "a function with no common name"},
        "fn_FALSE": {"pl": "stałe 0", "en": "constant 0"},
        "fn_TRUE": {"pl": "stałe 1", "en": "constant 1"},
        "fn_MAJORITY": {"pl": "większość (MAJORITY)", "en": "MAJORITY"},
        "fn_MINORITY": {"pl": "mniejszość (MINORITY)", "en": "MINORITY"},
        "sum": {"pl": "suma ważona", "en": "weighted sum"},
        "output": {"pl": "wyjście y", "en": "output y"},
        "veto": {"pl": "h (hamujące)", "en": "h (inhibitory)"},
        "table_sum": {"pl": "Σ wᵢxᵢ", "en": "Σ wᵢxᵢ"},
        "table_out": {"pl": "y", "en": "y"},
        "table_target": {"pl": "cel", "en": "target"},
        "plane_title": {
            "pl": "Płaszczyzna wejść: neuron odpala w zacienionej części",
            "en": "Input plane: the neuron fires in the shaded part",
        },
        "plane_slice": {"pl": "Przekrój płaszczyzny dla x3 =", "en": "Plane slice at x3 ="},
        "plane_veto": {
            "pl": "Rysunek pokazuje h = 0; przy h = 1 neuron nigdy nie odpala.",
            "en": "The plot shows h = 0; with h = 1 the neuron never fires.",
        },
        "no_line": {
            "pl": "Wszystkie wagi są zerowe: nie ma prostej decyzyjnej, wyjście jest stałe.",
            "en": "All weights are zero: there is no decision line, the output is constant.",
        },
        "challenge": {"pl": "Wyzwanie: XOR", "en": "Challenge: XOR"},
        "challenge_help": {
            "pl": "Ustaw wagi i próg tak, by neuron liczył XOR (kolumna „cel”). Trafione "
            "wiersze: <b>{right}/{total}</b>. Próby: {attempts}. Obwódki na płaszczyźnie "
            "pokazują cel (czerwona = 1, niebieska = 0).",
            "en": "Set the weights and threshold so that the neuron computes XOR (the "
            "'target' column). Rows right: <b>{right}/{total}</b>. Attempts: {attempts}. The rings "
            "on the plane show the target (red = 1, blue = 0).",
        },
        "challenge_solved": {"pl": "Brawo: to jest XOR!", "en": "Well done: that is XOR!"},
        "xor_why": {
            "pl": "<b>Dlaczego się nie da?</b> Neuron odpala po jednej stronie <i>jednej "
            "prostej</i> w1·x1 + w2·x2 = θ. XOR wymaga 1 w rogach (0,1) i (1,0), a 0 w "
            "(0,0) i (1,1) – żadna prosta tak ich nie rozdzieli. Rachunek: (0,0)→0 daje "
            "0 &lt; θ; (1,0)→1 i (0,1)→1 dają w1 ≥ θ i w2 ≥ θ, więc w1 + w2 ≥ 2θ &gt; θ; "
            "a (1,1)→0 wymaga w1 + w2 &lt; θ. Sprzeczność. Najlepiej można trafić 3 z 4 "
            "wierszy. Minsky i Papert (1969) pokazali to dla perceptronu; rozwiązaniem "
            "jest warstwa ukryta (lekcja 07).",
            "en": "<b>Why is it impossible?</b> The neuron fires on one side of <i>a single "
            "straight line</i> w1·x1 + w2·x2 = θ. XOR needs 1 at corners (0,1) and (1,0) "
            "and 0 at (0,0) and (1,1): no line separates them. The algebra: (0,0)→0 gives "
            "0 &lt; θ; (1,0)→1 and (0,1)→1 give w1 ≥ θ and w2 ≥ θ, so w1 + w2 ≥ 2θ &gt; "
            "θ; but (1,1)→0 needs w1 + w2 &lt; θ. A contradiction. The best you can get "
            "is 3 rows of 4. Minsky and Papert (1969) showed this for the perceptron; a "
            "hidden layer solves it (lesson 07).",
        },
        "bad_weights": {
            "pl": "Podaj po jednej wadze na każde wejście (liczba wejść: {n}), każdą od {low} "
            "do {high}, oraz próg od {tlow} do {thigh}.",
            "en": "Give one weight per input (number of inputs: {n}), each from {low} to "
            "{high}, and a threshold from {tlow} to {thigh}.",
        },
        "unknown_gate": {
            "pl": "Nieznana bramka {name!r}; dostępne: {names}.",
            "en": "Unknown gate {name!r}; available: {names}.",
        },
    },
)

WEIGHT_RANGE = (-2.0, 2.0)
THRESHOLD_RANGE = (-3.0, 3.0)
STEP = 0.5  # multiples of 0.5 are exact in float32, so sums never land a hair below θ
PRESETS = ("AND", "OR", "NOT", "NAND", "NOR")
XOR_ATTEMPTS_BEFORE_WHY = 5


def _bound(value: float) -> str:
    """A whole-number bound of a range as a sentence shows it: '−2', '3'."""
    return f"{value:g}".replace("-", "−")


def _on_grid(value: float) -> float:
    """Snap a slider value to its 0.5 grid: the browser sends e.g. 2.000000000000001."""
    return round(value / STEP) * STEP


def preset_parameters(gate: str, n_inputs: int) -> tuple[list[float], float]:
    """Classic weights and threshold for a gate on ``n_inputs`` inputs (NOT negates x1)."""
    ones = [1.0] * n_inputs
    table = {
        "AND": (ones, float(n_inputs)),
        "OR": (ones, 1.0),
        "NAND": ([-1.0] * n_inputs, -(n_inputs - 1.0)),
        "NOR": ([-1.0] * n_inputs, 0.0),
        "NOT": ([-1.0] + [0.0] * (n_inputs - 1), 0.0),
    }
    return table[gate]


class McCullochPittsDashboard(Dashboard):
    """Sliders for weights and threshold driving a Keras MCP neuron; see the module doc."""

    def __init__(self, lang: str = "pl", xor_attempts_before_why: int = XOR_ATTEMPTS_BEFORE_WHY):
        super().__init__(lang)
        t = self._t = TEXT.for_language(lang)
        self._attempts_before_why = xor_attempts_before_why
        self.xor_attempts = 0

        # Controls
        self._third = ipywidgets.Checkbox(False, description=t("third_input"), indent=False)
        self._inhibitory = ipywidgets.Checkbox(False, description=t("inhibitory"), indent=False)
        self._weights = [
            ipywidgets.FloatSlider(
                1.0,
                min=WEIGHT_RANGE[0],
                max=WEIGHT_RANGE[1],
                step=STEP,
                description=f"w{i + 1}",
                layout=ipywidgets.Layout(width="330px"),
                readout_format=".1f",
            )
            for i in range(3)
        ]
        self._threshold = ipywidgets.FloatSlider(
            2.0,
            min=THRESHOLD_RANGE[0],
            max=THRESHOLD_RANGE[1],
            step=STEP,
            description=t("threshold"),
            layout=ipywidgets.Layout(width="330px"),
            readout_format=".1f",
            style={"description_width": "initial"},
        )
        self._preset_buttons = [
            ipywidgets.Button(description=name, layout=ipywidgets.Layout(width="62px"))
            for name in PRESETS
        ]
        self._challenge = ipywidgets.ToggleButton(
            False, description=t("challenge"), icon="puzzle-piece"
        )
        self._inputs = [
            ipywidgets.ToggleButtons(
                options=[0, 1], value=1, description=f"x{i + 1}", style={"button_width": "36px"}
            )
            for i in range(3)
        ]
        self._veto_input = ipywidgets.ToggleButtons(
            options=[0, 1], value=0, description="h", style={"button_width": "36px"}
        )
        self._slice = ipywidgets.ToggleButtons(
            options=[0, 1],
            value=0,
            description=t("plane_slice"),
            style={"button_width": "36px", "description_width": "initial"},
        )

        # Outputs
        self._function = ipywidgets.HTML()
        self._function.add_class("dl-function")
        self._diagram = ipywidgets.HTML()
        self._table = ipywidgets.HTML()
        self._table.add_class("dl-truth-table")
        self._plane_note = ipywidgets.HTML()
        self._challenge_text = ipywidgets.HTML()
        self.plane = decision_plane_figure("x1", "x2")
        self.plane.layout.title = {"text": t("plane_title"), "font": {"size": 13}}

        # Layout
        controls = ipywidgets.VBox(
            [
                ipywidgets.HTML(f"<b>{t('weights')}</b>"),
                *self._weights,
                self._threshold,
                ipywidgets.HBox([self._third, self._inhibitory]),
                ipywidgets.HTML(t("presets")),
                ipywidgets.HBox(self._preset_buttons),
                self._challenge,
                ipywidgets.HTML(t("current_input")),
                *self._inputs,
                self._veto_input,
            ],
            layout=ipywidgets.Layout(width="360px"),
        )
        views = ipywidgets.VBox([self._function, self._diagram, self._table])
        plane = ipywidgets.VBox([self.plane, self._slice, self._plane_note])
        self.children = [
            ipywidgets.HTML(f"<h2>{t('title')}</h2><p>{t('intro')}</p>"),
            self._loading,
            self._error,
            ipywidgets.HBox(
                [controls, views, plane], layout=ipywidgets.Layout(flex_flow="row wrap")
            ),
            self._challenge_text,
        ]
        self._model_controls = [
            *self._weights,
            self._threshold,
            self._third,
            self._inhibitory,
            *self._preset_buttons,
            self._challenge,
            *self._inputs,
            self._veto_input,
            self._slice,
        ]
        self._show_active_controls()

        # Events
        for slider in (*self._weights, self._threshold):
            slider.observe(self._on_parameter_change, names="value")
        for box in (self._third, self._inhibitory):
            box.observe(self._on_topology_change, names="value")
        for button in self._preset_buttons:
            button.on_click(self._on_preset_click)
        for toggle in (*self._inputs, self._veto_input, self._slice):
            toggle.observe(self._on_view_change, names="value")
        self._challenge.observe(self._on_challenge_change, names="value")
        self._start_model_loading()

    # Public API (for notebook cells and tests) --------------------------------------------
    @property
    def n_inputs(self) -> int:
        """2, or 3 with the third input switched on."""
        return 3 if self._third.value else 2

    @property
    def parameters(self) -> tuple[list[float], float]:
        """The weights of the active inputs and the threshold, as set on the sliders."""
        return [_on_grid(s.value) for s in self._weights[: self.n_inputs]], _on_grid(
            self._threshold.value
        )

    @shows_errors
    def configure(self, weights, threshold: float) -> None:
        """Set the sliders from code; out-of-range or wrong-length values get a message."""
        try:
            weights = list(np.ravel(weights).astype(float))
            threshold = float(threshold)
        except (TypeError, ValueError) as error:  # not numbers: Python's words go to details
            raise self._bad_weights() from error
        low, high = WEIGHT_RANGE
        if (
            len(weights) != self.n_inputs
            or not all(low <= w <= high for w in weights)
            or not THRESHOLD_RANGE[0] <= threshold <= THRESHOLD_RANGE[1]
        ):
            raise self._bad_weights()
        with self.hold_trait_notifications():
            for slider, w in zip(self._weights, weights, strict=False):
                slider.value = w
            self._threshold.value = float(threshold)
        self.clear_error()
        self._refresh()

    def _bad_weights(self) -> StudentError:
        return StudentError(
            "mcculloch_pitts.bad_weights",
            n=self.n_inputs,
            low=_bound(WEIGHT_RANGE[0]),
            high=_bound(WEIGHT_RANGE[1]),
            tlow=_bound(THRESHOLD_RANGE[0]),
            thigh=_bound(THRESHOLD_RANGE[1]),
        )

    @shows_errors
    def apply_preset(self, gate: str) -> None:
        """Set the classic weights of AND, OR, NOT, NAND or NOR."""
        if gate not in PRESETS:
            raise StudentError("mcculloch_pitts.unknown_gate", name=gate, names=", ".join(PRESETS))
        weights, threshold = preset_parameters(gate, self.n_inputs)
        self._set_sliders(weights, threshold)

    def truth_table(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Rows, weighted sums and outputs as computed by the Keras model."""
        from .models.mcculloch_pitts import truth_table

        return truth_table(self.model)

    @property
    def function_name(self) -> str | None:
        """The common name of what the neuron computes (for h = 0), or None."""
        rows, _, outputs = self.truth_table()
        return name_of(outputs[self._no_veto_rows(rows)], self.n_inputs)

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        from .models.mcculloch_pitts import build_mcp_model

        self.model = build_mcp_model(self.n_inputs, self._inhibitory.value)
        self._refresh()

    def _load_parameters(self) -> None:
        from .models.mcculloch_pitts import set_parameters

        set_parameters(self.model, *self.parameters)

    # Events -------------------------------------------------------------------------------
    @shows_errors
    def _on_parameter_change(self, change) -> None:
        if _on_grid(change["old"]) == _on_grid(change["new"]):
            return  # the browser echoing a value with float noise: nothing moved
        if self._challenge.value:
            self.xor_attempts += 1
        self._refresh()

    @shows_errors
    def _on_topology_change(self, change) -> None:
        self._show_active_controls()
        if self.model is not None:
            self._build_model(None)

    @shows_errors
    def _on_preset_click(self, button) -> None:
        self._challenge.value = False
        self.apply_preset(button.description)

    @shows_errors
    def _on_view_change(self, change) -> None:
        self._refresh()

    @shows_errors
    def _on_challenge_change(self, change) -> None:
        self.xor_attempts = 0
        self._refresh()

    # Drawing ------------------------------------------------------------------------------
    def _set_sliders(self, weights, threshold) -> None:
        # Hold notifications so a preset redraws once, not once per slider.
        with self.hold_trait_notifications():
            for slider, w in zip(self._weights, weights, strict=False):
                slider.unobserve(self._on_parameter_change, names="value")
                slider.value = w
                slider.observe(self._on_parameter_change, names="value")
            self._threshold.unobserve(self._on_parameter_change, names="value")
            self._threshold.value = threshold
            self._threshold.observe(self._on_parameter_change, names="value")
        self._refresh()

    def _show_active_controls(self) -> None:
        third = "flex" if self._third.value else "none"
        self._weights[2].layout.display = third
        self._inputs[2].layout.display = third
        self._slice.layout.display = third
        self._veto_input.layout.display = "flex" if self._inhibitory.value else "none"

    def _no_veto_rows(self, rows: np.ndarray) -> np.ndarray:
        if not self._inhibitory.value:
            return np.ones(len(rows), dtype=bool)
        return rows[:, -1] == 0

    def _targets(self, rows: np.ndarray) -> np.ndarray | None:
        if not self._challenge.value:
            return None
        xor = truth_vector("XOR", self.n_inputs)
        if self._inhibitory.value:
            # h is the last, fastest-changing column: each XOR row appears twice, and a
            # vetoed row (h = 1) must output 0 whatever XOR says.
            return np.repeat(xor, 2) * (rows[:, -1] == 0)
        return xor

    def _refresh(self) -> None:
        if self.model is None:
            return
        self._load_parameters()
        rows, sums, outputs = self.truth_table()
        targets = self._targets(rows)
        current = self._current_row(rows)
        # The plane first: the browser handles messages in order, and the figure is what
        # the eye follows while dragging a slider.
        self._draw_plane(rows, outputs, targets)
        self._draw_label(rows, outputs)
        self._draw_diagram(rows[current], sums[current], outputs[current])
        self._table.value = truth_table_html(
            rows, sums, outputs, self._table_headers(), targets, current, self.lang
        )
        self._draw_challenge(outputs, targets)

    def _current_row(self, rows: np.ndarray) -> int:
        values = [toggle.value for toggle in self._inputs[: self.n_inputs]]
        if self._inhibitory.value:
            values.append(self._veto_input.value)
        return int(np.flatnonzero((rows == np.array(values)).all(axis=1))[0])

    def _table_headers(self) -> list[str]:
        headers = [f"x{i + 1}" for i in range(self.n_inputs)]
        if self._inhibitory.value:
            headers.append("h")
        return [*headers, self._t("table_sum"), self._t("table_out")] + (
            [self._t("table_target")] if self._challenge.value else []
        )

    def _draw_label(self, rows: np.ndarray, outputs: np.ndarray) -> None:
        name = name_of(outputs[self._no_veto_rows(rows)], self.n_inputs)
        shown = (
            self._t("no_name")
            if name is None
            else (self._t(f"fn_{name}") if f"fn_{name}" in TEXT.table else name)
        )
        key = "computes_veto" if self._inhibitory.value else "computes"
        self._function.value = f"<div style='font-size:18px'>{self._t(key, name=shown)}</div>"

    def _draw_diagram(self, row: np.ndarray, total: float, output: float) -> None:
        weights, threshold = self.parameters
        veto = float(row[-1]) if self._inhibitory.value else None
        self._diagram.value = neuron_svg(
            list(row[: self.n_inputs]),
            weights,
            float(total),
            threshold,
            float(output),
            veto,
            labels={"sum": self._t("sum"), "output": self._t("output"), "veto": self._t("veto")},
            lang=self.lang,
        )

    def _draw_plane(self, rows, outputs, targets) -> None:
        weights, threshold = self.parameters
        mask = self._no_veto_rows(rows)
        if self.n_inputs == 3:  # a slice of the cube at the chosen x3
            mask &= rows[:, 2] == self._slice.value
            threshold -= weights[2] * self._slice.value
        points = rows[mask][:, :2]
        update_decision_plane(
            self.plane,
            plane_trace_data(points, outputs[mask], None if targets is None else targets[mask]),
            plane_shapes(weights[:2], threshold),
        )
        notes = []
        if np.allclose(weights[:2], 0):
            notes.append(self._t("no_line"))
        if self._inhibitory.value:
            notes.append(self._t("plane_veto"))
        self._plane_note.value = "<br>".join(notes)

    def _draw_challenge(self, outputs, targets) -> None:
        if targets is None:
            self._challenge_text.value = ""
            return
        right = int((outputs == targets).sum())
        text = self._t(
            "challenge_help", right=right, total=len(targets), attempts=self.xor_attempts
        )
        if right == len(targets):
            text += f"<br><b>{self._t('challenge_solved')}</b>"
        elif self.xor_attempts >= self._attempts_before_why:
            text += f"<div class='dl-xor-why' style='margin-top:6px'>{self._t('xor_why')}</div>"
        self._challenge_text.value = f"<div style='font-size:15px'>{text}</div>"

    @property
    def explains_xor(self) -> bool:
        """Whether the 'why is XOR impossible' explanation is shown."""
        return "dl-xor-why" in self._challenge_text.value
