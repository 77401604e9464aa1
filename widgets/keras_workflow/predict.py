"""Step 5, predict: a test image or the student's drawing -> ten probability bars."""

from __future__ import annotations

import ipywidgets
import numpy as np

from ..canvas import DigitCanvas
from ..figures.curves import probability_data, probability_figure, update_traces
from ..figures.images import digit_data, digit_figure
from ..models import mlp
from .text import TEXT

DIGITS = [str(d) for d in range(10)]


class PredictPanel:
    """Source choice, test-image slider, drawing pad, the input image and the bars."""

    def __init__(self, lang: str):
        self._t = TEXT.for_language(lang)
        t = self._t
        self.source = ipywidgets.ToggleButtons(
            options=[(t("source_test"), "test"), (t("source_drawn"), "drawn")],
            description=t("source"),
        )
        self.index = ipywidgets.IntSlider(value=0, min=0, max=1, description=t("test_index"))
        self.index.add_class("dl-test-index")
        self.canvas = DigitCanvas(lang)
        self.image_figure = digit_figure(t("image_title"))
        self.image_figure.add_class("dl-digit-figure")
        self.bars = probability_figure(t("probability"))
        self.answer = ipywidgets.HTML("")
        self.answer.add_class("dl-prediction")
        self.controls = [self.source, self.index]

    def box(self) -> ipywidgets.Widget:
        return ipywidgets.VBox(
            [
                ipywidgets.HBox([self.source, self.index], layout={"flex_flow": "row wrap"}),
                ipywidgets.HBox(
                    [self.canvas, self.image_figure, self.bars],
                    layout={"flex_flow": "row wrap", "align_items": "center"},
                ),
                self.answer,
            ]
        )

    def chosen_image(self, test_images: np.ndarray) -> np.ndarray | None:
        """The model's input in [0, 1], ``(28, 28)``; None for a blank pad."""
        if self.source.value == "drawn":
            return self.canvas.digit()
        return test_images[int(self.index.value)] / 255.0

    def show(self, model, test_images: np.ndarray, test_labels: np.ndarray) -> None:
        """Predict the chosen image and draw it with its probabilities."""
        image = self.chosen_image(test_images)
        update_traces(self.image_figure, digit_data(image))
        if image is None:
            update_traces(self.bars, probability_data(DIGITS, np.zeros(10)))
            self.answer.value = self._t("blank")
            return
        probabilities = mlp.predict_proba(model, image[None])[0]
        update_traces(self.bars, probability_data(DIGITS, probabilities))
        digit = int(probabilities.argmax())
        truth = ""
        if self.source.value == "test":
            truth = self._t("truth", digit=int(test_labels[int(self.index.value)]))
        self.answer.value = self._t(
            "prediction", digit=digit, p=float(probabilities[digit]), truth=truth
        )
