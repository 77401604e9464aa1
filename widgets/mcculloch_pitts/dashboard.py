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

from ..controls import button, checkbox, column, heading, html, row, slider, toggles
from ..errors import StudentError
from ..figures.diagram import neuron_svg
from ..figures.plane import (
    decision_plane_figure,
    plane_shapes,
    plane_trace_data,
    update_decision_plane,
)
from ..figures.tables import truth_table_headers, truth_table_html
from ..logic import name_of, truth_vector
from ..models import mcculloch_pitts as mcp
from ..ui import Dashboard, Setting, reacts, shows_errors
from .code import keras_code
from .texts import TEXT

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
        self._t = TEXT.for_language(lang)
        self._attempts_before_why = xor_attempts_before_why
        self.xor_attempts = 0
        self._build()

    # Construction -------------------------------------------------------------------------
    def _build_controls(self) -> None:
        t = self._t
        self._third = checkbox(t("third_input"))
        self._inhibitory = checkbox(t("inhibitory"))
        self._weights = [
            slider(f"w{i + 1}", 1.0, *WEIGHT_RANGE, STEP, readout_format=".1f") for i in range(3)
        ]
        self._threshold = slider(t("threshold"), 2.0, *THRESHOLD_RANGE, STEP, readout_format=".1f")
        self._preset_buttons = [button(name, width="62px") for name in PRESETS]
        self._challenge = ipywidgets.ToggleButton(
            False, description=t("challenge"), icon="puzzle-piece"
        )
        self._inputs = [toggles(f"x{i + 1}", [0, 1], 1) for i in range(3)]
        self._veto_input = toggles("h", [0, 1], 0)
        self._slice = toggles(t("plane_slice"), [0, 1], 0, long_label=True)
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

    def _build_figures(self) -> None:
        self._function = html("", "dl-function", "dl-big")
        self._diagram = html()
        self._table = html("", "dl-truth-table")
        self._plane_note = html()
        self._challenge_text = html("", "dl-text")
        self.plane = decision_plane_figure("x1", "x2")
        self.plane.layout.title = {"text": self._t("plane_title"), "font": {"size": 13}}

    def _lay_out(self) -> None:
        t = self._t
        controls = column(
            [
                heading(t("weights")),
                *self._weights,
                self._threshold,
                ipywidgets.HBox([self._third, self._inhibitory]),
                html(t("presets")),
                ipywidgets.HBox(self._preset_buttons),
                self._challenge,
                html(t("current_input")),
                *self._inputs,
                self._veto_input,
            ]
        )
        views = ipywidgets.VBox([self._function, self._diagram, self._table])
        plane = ipywidgets.VBox([self.plane, self._slice, self._plane_note])
        self._page(t("title"), t("intro"), row([controls, views, plane]), self._challenge_text)
        self._show_active_controls()

    def _wire(self) -> None:
        for control in (*self._weights, self._threshold):
            control.observe(self._on_parameter_change, names="value")
        for box in (self._third, self._inhibitory):
            box.observe(self._on_topology_change, names="value")
        for preset in self._preset_buttons:
            preset.on_click(self._on_preset_click)
        for toggle in (*self._inputs, self._veto_input, self._slice):
            toggle.observe(self._on_view_change, names="value")
        self._challenge.observe(self._on_challenge_change, names="value")

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

    def _settings(self) -> dict[str, Setting]:
        """``configure(weights=[1, 1], threshold=2)``: one weight per active input."""
        return {
            "weights": Setting(check=self._check_weights, apply=self._apply_weights),
            "threshold": Setting(
                self._threshold, check=self._check_threshold, apply=self._apply_threshold
            ),
        }

    def _check_weights(self, weights) -> list[float]:
        try:
            weights = list(np.ravel(weights).astype(float))
        except (TypeError, ValueError) as error:  # not numbers: Python's words go to details
            raise self._bad_weights() from error
        low, high = WEIGHT_RANGE
        if len(weights) != self.n_inputs or not all(low <= w <= high for w in weights):
            raise self._bad_weights()
        return weights

    def _check_threshold(self, threshold) -> float:
        try:
            threshold = float(threshold)
        except (TypeError, ValueError) as error:
            raise self._bad_weights() from error
        if not THRESHOLD_RANGE[0] <= threshold <= THRESHOLD_RANGE[1]:
            raise self._bad_weights()
        return threshold

    def _apply_weights(self, weights: list[float]) -> None:
        for control, w in zip(self._weights, weights, strict=False):
            control.value = w

    def _apply_threshold(self, threshold: float) -> None:
        self._threshold.value = threshold

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
        return mcp.truth_table(self.model)

    @property
    def function_name(self) -> str | None:
        """The common name of what the neuron computes (for h = 0), or None."""
        rows, _, outputs = self.truth_table()
        return name_of(outputs[self._no_veto_rows(rows)], self.n_inputs)

    def code(self) -> str:
        """Plain Keras code that builds this neuron as ``model`` ("show the code")."""
        weights, threshold = self.parameters
        return keras_code(weights, threshold, self._inhibitory.value, self.lang)

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        # A neuron per topology (2 or 3 inputs, with or without h), all built here, in the
        # import thread, before the page is ready: a Keras build at each click on the
        # third-input or inhibitory checkbox (0.02-0.1 s, more on a busy machine) came
        # before its first visible answer (issue 24).
        self._models = {
            (n, inhibitory): mcp.build_mcp_model(n, inhibitory)
            for n in (2, 3)
            for inhibitory in (False, True)
        }
        for model in self._models.values():
            mcp.truth_table(model)  # the first call of a Keras model costs the most
        self._use_topology()

    def _use_topology(self) -> None:
        """The neuron of the current inputs, then the drawing."""
        self.model = self._models[(self.n_inputs, bool(self._inhibitory.value))]
        self._refresh()

    def _load_parameters(self) -> None:
        mcp.set_parameters(self.model, *self.parameters)

    # Events -------------------------------------------------------------------------------
    @reacts
    def _on_parameter_change(self, change) -> None:
        if _on_grid(change["old"]) == _on_grid(change["new"]):
            return  # the browser echoing a value with float noise: nothing moved
        if self._challenge.value:
            self.xor_attempts += 1
        self._refresh()

    @reacts
    def _on_topology_change(self, change) -> None:
        self._show_active_controls()
        if self.model is not None:
            self._use_topology()

    @reacts
    def _on_preset_click(self, button) -> None:
        self._challenge.value = False
        self.apply_preset(button.description)

    @reacts
    def _on_view_change(self, change) -> None:
        self._refresh()

    @reacts
    def _on_challenge_change(self, change) -> None:
        self.xor_attempts = 0
        self._refresh()

    # Drawing ------------------------------------------------------------------------------
    def _set_sliders(self, weights, threshold) -> None:
        with self._quietly():  # a preset redraws once, not once per slider
            self._apply_weights(weights)
            self._threshold.value = threshold
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
        # The text first: the browser handles messages in order, and a new answer of the
        # neuron recolours the plane's points, which redraws the whole figure (20-50 ms of
        # the page's time, traced), while the label, diagram and table take a millisecond
        # (issue 24). The plane follows at once.
        self._draw_label(rows, outputs)
        self._draw_diagram(rows[current], sums[current], outputs[current])
        self._table.value = truth_table_html(
            rows, sums, outputs, self._table_headers(), targets, current, self.lang
        )
        self._draw_plane(rows, outputs, targets)
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
        return truth_table_headers(headers, self.lang, target=self._challenge.value)

    def _draw_label(self, rows: np.ndarray, outputs: np.ndarray) -> None:
        name = name_of(outputs[self._no_veto_rows(rows)], self.n_inputs)
        shown = (
            self._t("no_name")
            if name is None
            else (self._t(f"fn_{name}") if f"fn_{name}" in TEXT.table else name)
        )
        key = "computes_veto" if self._inhibitory.value else "computes"
        self._function.value = self._t(key, name=shown)

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
            text += f"<div class='dl-xor-why'>{self._t('xor_why')}</div>"
        self._challenge_text.value = text

    @property
    def explains_xor(self) -> bool:
        """Whether the 'why is XOR impossible' explanation is shown."""
        return "dl-xor-why" in self._challenge_text.value
