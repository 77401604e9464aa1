"""Step 4, evaluate: test loss and accuracy, the confusion matrix, the images of a cell.

Clicking a cell of the heatmap (or choosing it in the two dropdowns, which also works
with the keyboard) shows the test images with that true digit and that answer.
"""

from __future__ import annotations

import ipywidgets
import numpy as np

from ..controls import button, dropdown, explain_disabled, html
from ..figures.curves import update_traces
from ..figures.images import (
    confusion_data,
    confusion_figure,
    image_grid_data,
    image_grid_figure,
)
from ..models import mlp
from .texts import TEXT


class EvaluatePanel:
    """Widgets of the evaluation step; :meth:`show` draws one evaluation."""

    def __init__(self, lang: str):
        self._t = TEXT.for_language(lang)
        t = self._t
        self.button = button(t("evaluate_button"), icon="check")
        self.button.add_class("dl-evaluate")
        self.result = html(t("not_evaluated"), "dl-test-result")
        self.matrix_figure = confusion_figure(t("predicted_digit"), t("true_digit"))
        digits = list(range(10))
        self.true_digit = dropdown(t("true_digit"), digits, 3, width="210px")
        self.predicted_digit = dropdown(t("predicted_digit"), digits, 5, width="210px")
        self.images_figure = image_grid_figure()
        self.matrix: np.ndarray | None = None
        self.predicted: np.ndarray | None = None
        self.labels: np.ndarray | None = None
        self.images: np.ndarray | None = None
        # The two menus choose a cell of the matrix: nothing to show until an evaluation
        # (issue 24: a control that changes nothing visible is disabled and says why).
        self.controls = [self.button]
        self._explain_cells()
        self.matrix_figure.data[0].on_click(self._on_click)

    def box(self) -> ipywidgets.Widget:
        return ipywidgets.VBox(
            [
                ipywidgets.HBox([self.button, self.result]),
                ipywidgets.HBox(
                    [
                        self.matrix_figure,
                        ipywidgets.VBox(
                            [
                                ipywidgets.HBox([self.true_digit, self.predicted_digit]),
                                self.images_figure,
                            ]
                        ),
                    ],
                    layout={"flex_flow": "row wrap"},
                ),
            ]
        )

    def evaluate(self, model, x_test: np.ndarray, y_test: np.ndarray, images: np.ndarray):
        """``model.evaluate`` on the test set, then draw the matrix and the chosen cell."""
        loss, accuracy = model.evaluate(x_test, y_test, verbose=0)[:2]
        self.labels = y_test.argmax(axis=1)
        self.predicted = mlp.predict_proba(model, x_test).argmax(axis=1)
        self.images = images
        self.matrix = mlp.confusion_matrix(self.labels, self.predicted)
        right = int(np.trace(self.matrix))
        self.result.value = self._t(
            "test_result", loss=float(loss), acc=float(accuracy), right=right, n=len(self.labels)
        )
        update_traces(self.matrix_figure, confusion_data(self.matrix))
        self._explain_cells()
        self.show_cell()
        return float(loss), float(accuracy)

    def forget(self) -> None:
        """A new model: the old evaluation no longer applies."""
        self.matrix = self.predicted = None
        self.result.value = self._t("not_evaluated")
        self._explain_cells()

    def _explain_cells(self) -> None:
        reason = self._t("cell_unevaluated") if self.predicted is None else None
        for menu in (self.true_digit, self.predicted_digit):
            explain_disabled(menu, reason)

    def cell_indices(self, true: int, predicted: int) -> np.ndarray:
        """Indices of the test images with this true digit and this answer."""
        if self.predicted is None:
            return np.zeros(0, dtype=int)
        return np.flatnonzero((self.labels == true) & (self.predicted == predicted))

    def show_cell(self) -> None:
        """Draw the images of the cell chosen in the dropdowns."""
        if self.images is None or self.predicted is None:
            return
        true, predicted = int(self.true_digit.value), int(self.predicted_digit.value)
        indices = self.cell_indices(true, predicted)
        title = self._t("cell_title", true=true, pred=predicted, n=len(indices))
        data, layout = image_grid_data(self.images[indices] / 255.0, title)
        update_traces(self.images_figure, data, layout)

    def _on_click(self, _trace, points, _state) -> None:
        # Plotly reports the clicked cell's (x, y) as category labels; the dropdowns' own
        # observer (in the dashboard) then draws the images.
        if points.xs and points.ys:
            self.predicted_digit.value = int(points.xs[0])
            self.true_digit.value = int(points.ys[0])
