"""Step 5, predict: a test image or the student's drawing -> ten probability bars."""

from __future__ import annotations

import ipywidgets
import numpy as np

from ..digits import DigitSource
from ..figures.curves import probability_data, probability_figure, update_traces
from ..figures.images import digit_data, digit_figure
from ..models import mlp
from .texts import TEXT

DIGITS = [str(d) for d in range(10)]


class PredictPanel:
    """Source choice, test-image slider, drawing pad (a :class:`~widgets.digits.DigitSource`
    whose parts this panel places), the input image and the bars."""

    def __init__(self, lang: str):
        self.lang = lang
        self._t = t = TEXT.for_language(lang)
        # The dashboard loads MNIST once Keras is there and passes its test set to show().
        words = {
            "source": t("source"),
            "source_test": t("source_test"),
            "source_draw": t("source_drawn"),
            "digit": t("test_index"),
        }
        self.digits = DigitSource(lang, load=False, pad_always=True, words=words)
        self.source, self.index, self.canvas = (
            self.digits.source,
            self.digits.index,
            self.digits.canvas,
        )
        self.index.continuous_update = True  # a prediction is cheap: follow the drag
        self.index.add_class("dl-test-index")
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

    def show(self, model, test_images: np.ndarray, test_labels: np.ndarray) -> None:
        """Predict the chosen image and draw it with its probabilities."""
        self.digits.use_digits(test_images, test_labels)
        image = self.digits.image()  # the model's input in [0, 1], (28, 28); None: blank pad
        update_traces(self.image_figure, digit_data(image))
        if image is None:
            update_traces(self.bars, probability_data(DIGITS, np.zeros(10), lang=self.lang))
            self.answer.value = self._t("blank")
            return
        probabilities = mlp.predict_proba(model, image[None])[0]
        update_traces(self.bars, probability_data(DIGITS, probabilities, lang=self.lang))
        digit = int(probabilities.argmax())
        truth = ""
        if self.digits.label is not None:
            truth = self._t("truth", digit=self.digits.label)
        self.answer.value = self._t(
            "prediction", digit=digit, p=float(probabilities[digit]), truth=truth
        )
