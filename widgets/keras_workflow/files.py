"""Beyond the basics: save/load a ``.keras`` file, freeze layers (the code itself is in
the shared "show the code" panel at the page's foot, widgets/code_view.py)."""

from __future__ import annotations

import ipywidgets

from ..controls import button, html
from .texts import TEXT


class FilePanel:
    """The freeze list and the save/load row."""

    def __init__(self, lang: str):
        t = TEXT.for_language(lang)
        self.freeze = ipywidgets.SelectMultiple(options=[], rows=5, layout={"width": "300px"})
        self.freeze.add_class("dl-freeze")
        self.path = ipywidgets.Text(
            value="models/mnist_mlp.keras", description=t("path"), layout={"width": "340px"}
        )
        self.save = button(t("save"), icon="save")
        self.load = button(t("load"), icon="folder-open")
        self.message = html("", "dl-file-message")
        self.controls = [self.freeze, self.path, self.save, self.load]
        self._freeze_help = html(t("freeze"))

    def box(self) -> ipywidgets.Widget:
        return ipywidgets.VBox(
            [
                self._freeze_help,
                self.freeze,
                ipywidgets.HBox([self.path, self.save, self.load]),
                self.message,
            ]
        )

    def set_layers(self, labels: list[str], trainable: list[bool]) -> None:
        """List the model's layers; select the frozen ones."""
        options = [(label, i) for i, label in enumerate(labels)]
        self.freeze.options = options
        self.freeze.value = tuple(i for i, flag in enumerate(trainable) if not flag)

    def trainable(self, n_layers: int) -> list[bool]:
        """One flag per layer: False for the layers selected as frozen."""
        frozen = set(self.freeze.value)
        return [i not in frozen for i in range(n_layers)]
