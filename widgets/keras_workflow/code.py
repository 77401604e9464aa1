"""Beyond the basics: "show the code", save/load a ``.keras`` file, freeze layers."""

from __future__ import annotations

import html

import ipywidgets

from .texts import TEXT


class CodePanel:
    """The generated code, the freeze list and the save/load row."""

    def __init__(self, lang: str):
        t = TEXT.for_language(lang)
        self.code = ipywidgets.HTML("")
        self.code.add_class("dl-code")
        self.freeze = ipywidgets.SelectMultiple(options=[], rows=5, layout={"width": "300px"})
        self.freeze.add_class("dl-freeze")
        self.path = ipywidgets.Text(
            value="models/mnist_mlp.keras", description=t("path"), layout={"width": "340px"}
        )
        self.save = ipywidgets.Button(description=t("save"), icon="save")
        self.load = ipywidgets.Button(description=t("load"), icon="folder-open")
        self.message = ipywidgets.HTML("")
        self.message.add_class("dl-file-message")
        self.controls = [self.freeze, self.path, self.save, self.load]
        self._help = ipywidgets.HTML(f"<small>{t('code_help')}</small>")
        self._freeze_help = ipywidgets.HTML(t("freeze"))

    def box(self) -> ipywidgets.Widget:
        return ipywidgets.VBox(
            [
                self._help,
                self.code,
                self._freeze_help,
                self.freeze,
                ipywidgets.HBox([self.path, self.save, self.load]),
                self.message,
            ]
        )

    def show_code(self, code: str) -> None:
        self.code.value = (
            # Inline font and line height: Voilà's widget styles give a <pre> the page's
            # proportional font and a double line height.
            "<pre style='font-family:monospace;font-size:13px;line-height:1.35;"
            "white-space:pre;background:#f6f8fa;padding:8px;border-radius:6px;"
            f"max-height:420px;overflow:auto;user-select:text'>{html.escape(code)}</pre>"
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
