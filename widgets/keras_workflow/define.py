"""Step 1, define: a layer builder (list + editor + buttons) and the summary table.

The builder only edits a list of :class:`widgets.models.mlp.Layer` specs and calls
``on_change(layers)``; the dashboard decides whether the list builds a model. No Keras here.
"""

from __future__ import annotations

import html
from collections.abc import Callable

import ipywidgets

from ..controls import button, dropdown, row
from ..models import mlp
from .texts import TEXT

EDITOR_WIDTH = "270px"

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
        super().__init__()
        self._t = TEXT.for_language(lang)
        self.layers: list[mlp.Layer] = list(mlp.LECTURE_LAYERS)
        self._on_change = on_change
        self._updating = False
        self._build_controls()
        self._lay_out()
        self._wire()
        self._refresh(0)

    # Construction ------------------------------------------------------------------------
    def _build_controls(self) -> None:
        """The list, the editor of the selected layer and the buttons."""
        t = self._t
        self.list = ipywidgets.Select(options=[], rows=6, layout={"width": "260px"})
        self.list.add_class("dl-layer-list")
        kinds = [(label, kind) for kind, label in KIND_LABELS.items()]
        self.kind = dropdown(t("kind"), kinds, width=EDITOR_WIDTH)
        self.units = ipywidgets.IntText(description=t("units"))  # 0 is told, not clamped
        self.units.add_class("dl-units")
        self.activation = dropdown(t("activation"), mlp.ACTIVATIONS, width=EDITOR_WIDTH)
        self.rate = ipywidgets.FloatText(step=0.1, description=t("rate"))
        self.rate.add_class("dl-rate")
        self._editor = [self.kind, self.units, self.activation, self.rate]
        for control in self._editor:  # one label width: the four fields line up
            control.style.description_width = "110px"
            control.layout.width = EDITOR_WIDTH
        self.add = button(t("add"), icon="plus", width="120px")
        self.remove = button(t("remove"), icon="minus", width="120px")
        self.up = button(t("up"), icon="arrow-up", width="120px")
        self.down = button(t("down"), icon="arrow-down", width="120px")
        self.reset = button(t("reset"), icon="undo", kind="info", width="170px")
        self._buttons = [self.add, self.remove, self.up, self.down, self.reset]
        self.controls = [self.list, *self._editor, *self._buttons]

    def _lay_out(self) -> None:
        self.children = [
            ipywidgets.HBox([self.list, ipywidgets.VBox(self._editor)]),
            row(self._buttons),
        ]

    def _wire(self) -> None:
        self.list.observe(self._on_select, names="index")
        for control in self._editor:
            control.observe(self._on_edit, names="value")
        self.add.on_click(lambda _: self._add())
        self.remove.on_click(lambda _: self._remove())
        self.up.on_click(lambda _: self._move(-1))
        self.down.on_click(lambda _: self._move(+1))
        self.reset.on_click(lambda _: self.set_layers(mlp.LECTURE_LAYERS))

    # Public ------------------------------------------------------------------------------
    def set_layers(self, layers, selected: int = 0) -> None:
        """Replace the whole list (Reset) and report it."""
        self.layers = list(layers)
        self._refresh(selected)
        self._on_change(list(self.layers))

    def show_layers(self, layers) -> None:
        """Show ``layers`` without reporting them: a loaded model keeps its weights."""
        self.layers = list(layers)
        self._refresh(0)

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
    keys = ("col_layer", "col_type", "col_shape", "col_params", "col_trainable")
    head = "".join(
        f"<th class='dl-num'>{t(k)}</th>" if k == "col_params" else f"<th>{t(k)}</th>" for k in keys
    )
    lines = []
    for (name, kind, shape, params), flag in zip(rows, trainable, strict=True):
        state = t("yes") if flag else f"<b class='dl-quiet-colour'>{t('no_frozen')}</b>"
        lines.append(
            f"<tr><td>{html.escape(name)}</td><td>{kind}</td><td><code>{shape}</code></td>"
            f"<td class='dl-num'>{params:,}</td><td>{state}</td></tr>"
        )
    total = sum(r[3] for r in rows)
    return (
        "<table class='dl-summary dl-table dl-body'>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(lines)}</tbody></table>"
        f"<div><b>{t('total_params', n=total)}</b></div>"
    )
