"""Step 1, define: a layer builder (list + editor + buttons) and the summary table.

The builder only edits a list of :class:`widgets.models.mlp.Layer` specs and calls
``on_change(layers)``; the dashboard decides whether the list builds a model. No Keras here.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets

from ..models import mlp
from .texts import TEXT

DEFAULTS = {
    "dense": mlp.dense(64, "relu"),
    "dropout": mlp.dropout(0.2),
    "flatten": mlp.flatten(),
    "activation": mlp.activation("relu"),
}
KIND_LABELS = {
    "dense": "Dense",
    "dropout": "Dropout",
    "flatten": "Flatten",
    "activation": "Activation",
}


class LayerBuilder(ipywidgets.VBox):
    """Edit a list of layer specs; ``layers`` is the current list."""

    def __init__(self, lang: str, on_change: Callable[[list[mlp.Layer]], None]):
        t = TEXT.for_language(lang)
        self.layers: list[mlp.Layer] = list(mlp.LECTURE_LAYERS)
        self._on_change = on_change
        self._updating = False
        # Controls
        self.list = ipywidgets.Select(options=[], rows=6, layout={"width": "260px"})
        self.list.add_class("dl-layer-list")
        self.kind = ipywidgets.Dropdown(
            options=[(v, k) for k, v in KIND_LABELS.items()], description=t("kind")
        )
        self.units = ipywidgets.IntText(description=t("units"))
        self.units.add_class("dl-units")
        self.activation = ipywidgets.Dropdown(options=mlp.ACTIVATIONS, description=t("activation"))
        self.rate = ipywidgets.FloatText(step=0.1, description=t("rate"))
        self.rate.add_class("dl-rate")
        for control in (self.kind, self.units, self.activation, self.rate):
            control.style.description_width = "110px"
            control.layout.width = "270px"
        self.add = ipywidgets.Button(description=t("add"), icon="plus")
        self.remove = ipywidgets.Button(description=t("remove"), icon="minus")
        self.up = ipywidgets.Button(description=t("up"), icon="arrow-up")
        self.down = ipywidgets.Button(description=t("down"), icon="arrow-down")
        self.reset = ipywidgets.Button(description=t("reset"), icon="undo", button_style="info")
        buttons = [self.add, self.remove, self.up, self.down, self.reset]
        for button in buttons:
            button.layout.width = "120px"
        self.reset.layout.width = "170px"
        self.controls = [self.list, self.kind, self.units, self.activation, self.rate, *buttons]
        # Layout
        editor = ipywidgets.VBox([self.kind, self.units, self.activation, self.rate])
        super().__init__(
            [
                ipywidgets.HBox([self.list, editor]),
                ipywidgets.HBox(buttons, layout={"flex_flow": "row wrap"}),
            ]
        )
        # Events
        self.list.observe(self._on_select, names="index")
        for control in (self.kind, self.units, self.activation, self.rate):
            control.observe(self._on_edit, names="value")
        self.add.on_click(lambda _: self._add())
        self.remove.on_click(lambda _: self._remove())
        self.up.on_click(lambda _: self._move(-1))
        self.down.on_click(lambda _: self._move(+1))
        self.reset.on_click(lambda _: self.set_layers(mlp.LECTURE_LAYERS))
        self._refresh(0)

    # Public ------------------------------------------------------------------------------
    def set_layers(self, layers, selected: int = 0) -> None:
        """Replace the whole list (Reset, a loaded model) and report it."""
        self.layers = list(layers)
        self._refresh(selected)
        self._on_change(list(self.layers))

    def set_selected(self, **values) -> None:
        """Change the selected layer's settings, as the editor would (tests, scripts)."""
        index = self.list.index
        self.layers[index] = mlp.Layer(**{**self.layers[index].__dict__, **values})
        self._refresh(index)
        self._on_change(list(self.layers))

    # Events ------------------------------------------------------------------------------
    def _on_select(self, change) -> None:
        if not self._updating and change["new"] is not None:
            self._show_editor(change["new"])

    def _on_edit(self, change) -> None:
        if self._updating or self.list.index is None:
            return
        index = self.list.index
        kind = self.kind.value
        if kind != self.layers[index].kind:
            layer = DEFAULTS[kind]  # a new kind starts from sensible settings
        else:
            layer = mlp.Layer(kind, self.units.value, self.activation.value, self.rate.value)
        self.layers[index] = layer
        self._refresh(index)
        self._on_change(list(self.layers))

    def _add(self) -> None:
        index = (self.list.index if self.list.index is not None else len(self.layers) - 1) + 1
        self.layers.insert(index, DEFAULTS["dense"])
        self._refresh(index)
        self._on_change(list(self.layers))

    def _remove(self) -> None:
        if self.list.index is None or not self.layers:
            return
        index = self.list.index
        del self.layers[index]
        self._refresh(min(index, len(self.layers) - 1))
        self._on_change(list(self.layers))

    def _move(self, step: int) -> None:
        index = self.list.index
        if index is None or not 0 <= index + step < len(self.layers):
            return
        layers = self.layers
        layers[index], layers[index + step] = layers[index + step], layers[index]
        self._refresh(index + step)
        self._on_change(list(self.layers))

    # Drawing -----------------------------------------------------------------------------
    def _refresh(self, selected: int | None) -> None:
        self._updating = True
        try:
            self.list.options = [f"{i}. {layer.label()}" for i, layer in enumerate(self.layers, 1)]
            self.list.index = selected if self.layers and selected is not None else None
        finally:
            self._updating = False
        self._show_editor(self.list.index)

    def _show_editor(self, index: int | None) -> None:
        layer = self.layers[index] if index is not None else None
        self._updating = True
        try:
            if layer is not None:
                self.kind.value = layer.kind
                self.units.value = layer.units
                self.activation.value = layer.activation or "relu"
                self.rate.value = layer.rate
            kind = layer.kind if layer else ""
            self.units.layout.display = None if kind == "dense" else "none"
            self.activation.layout.display = None if kind in ("dense", "activation") else "none"
            self.rate.layout.display = None if kind == "dropout" else "none"
            self.kind.layout.display = None if layer else "none"
        finally:
            self._updating = False


def summary_html(rows, trainable: list[bool], lang: str) -> str:
    """``model.summary()`` as an HTML table, with a total and frozen layers marked."""
    t = TEXT.for_language(lang)
    head = "".join(
        f"<th>{t(k)}</th>"
        for k in ("col_layer", "col_type", "col_shape", "col_params", "col_trainable")
    )
    lines = []
    for (name, kind, shape, params), flag in zip(rows, trainable, strict=True):
        state = t("yes") if flag else f"<b style='color:#1f77b4'>{t('no_frozen')}</b>"
        lines.append(
            f"<tr><td>{html.escape(name)}</td><td>{kind}</td><td><code>{shape}</code></td>"
            f"<td style='text-align:right'>{params:,}</td><td>{state}</td></tr>"
        )
    total = sum(row[3] for row in rows)
    return (
        "<table class='dl-summary' style='border-collapse:collapse;font-size:14px'>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(lines)}</tbody></table>"
        f"<div><b>{t('total_params', n=total)}</b></div>"
        "<style>.dl-summary td,.dl-summary th{padding:2px 10px;border-bottom:1px solid #ddd}"
        "</style>"
    )
