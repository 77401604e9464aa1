"""Lesson 15's sequence builder: a ``keras.Sequential`` built layer by layer.

The student picks a layer of the zoo with its arguments (the same controls as the layer
zoo's) and adds it below the chosen layer of the stack; layers can be removed, moved up and
down, or a preset stack loaded (the CNN of lesson 10, an LSTM text classifier, a broken
one). The table is ``model.summary()``: each layer's output shape and parameter count as
Keras reports them, with the catalogue's formula beside them, and the total. Where the
shapes stop fitting (an LSTM on an image, a Conv2D on a vector…) the row says why in words,
with a hint; the stack is kept and the model is built up to there. Dense on an image is
legal Keras (it acts on the last axis) and gets a note instead.

A press (Add, Remove, a preset…) answers at once with the table the catalogue's formulas
give (shapes, parameter counts); Keras' own table follows from a ``keras.Sequential`` built
on a background worker, newest stack first (:class:`widgets.builds.NewestBuilds`);
:meth:`LayerStackDashboard.wait_settled` waits for it. The public methods and
:meth:`~widgets.ui.Dashboard.configure` build before they return.

``dashboard.model`` is the built ``keras.Sequential``; ``dashboard.stack`` the list of
(layer name, arguments).
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import ipywidgets

from ..builds import NewestBuilds
from ..controls import button, column, dropdown, html, row, text_box
from ..errors import StudentError
from ..i18n import number
from ..layer_zoo.dashboard import arg_control, shape_text
from ..layer_zoo.texts import TEXT as ZOO_TEXT
from ..models import layer_zoo as zoo
from ..ui import Dashboard, Setting, reacts, shows_errors
from .code import sequential_code
from .texts import TEXT

PRESETS = {
    "cnn": (
        "28, 28, 1",
        [
            ("Conv2D", {"filters": 32, "kernel_size": 3, "activation": "relu"}),
            ("MaxPooling2D", {"pool_size": 2, "strides": 2}),
            ("Conv2D", {"filters": 64, "kernel_size": 3, "activation": "relu"}),
            ("MaxPooling2D", {"pool_size": 2, "strides": 2}),
            ("Flatten", {}),
            ("Dropout", {"rate": 0.5}),
            ("Dense", {"units": 10, "activation": "softmax"}),
        ],
    ),
    "lstm": (
        "50",
        [
            ("Embedding", {"input_dim": 1000, "output_dim": 16}),
            ("LSTM", {"units": 32}),
            ("Dense", {"units": 1, "activation": "sigmoid"}),
        ],
    ),
    "broken": (
        "28, 28, 1",
        [
            ("Conv2D", {"filters": 8, "kernel_size": 3, "activation": "relu"}),
            ("Dense", {"units": 10, "activation": "softmax"}),
            ("LSTM", {"units": 8}),
        ],
    ),
}
FIRST_PRESET = "cnn"
STYLE = (
    ".dl-stack-table{border-collapse:collapse}"
    ".dl-stack-table td,.dl-stack-table th{padding:3px 10px;border-bottom:1px solid #ddd;"
    "text-align:left}"
    ".dl-stack-table td.dl-num{text-align:right}"
    ".dl-stack-table tr.dl-broken td{background:#fde0dd}"
    ".dl-stack-table tr.dl-unreached td{color:#999}"
    ".dl-stack-table .dl-caution{color:#b35900;max-width:420px;white-space:normal}"
    ".dl-stack-table td.dl-nowrap{white-space:nowrap}"
)


def short_call(name: str, args: dict) -> str:
    """``Conv2D(filters=32, activation='relu')``: the layer's first argument and those
    that differ from the catalogue's defaults."""
    defaults = zoo.LAYERS[name].defaults() if name in zoo.LAYERS else {}
    first = next(iter(defaults), None)  # the main one (filters, units, rate…), always shown
    shown = ", ".join(f"{k}={v!r}" for k, v in args.items() if k == first or defaults.get(k) != v)
    return f"{name}({shown})"


CACHED_STACKS = 16


@dataclass(frozen=True, eq=False)
class StackState:
    """One stack asked for: its input shape (as typed), the rows that fit, where it breaks."""

    key: tuple
    shape: str
    rows: list
    broken: object


class LayerStackDashboard(Dashboard):
    """The sequence builder (see the module docstring)."""

    def __init__(self, lang: str = "pl", preset: str = FIRST_PRESET):
        super().__init__(lang)
        self._t = TEXT.for_language(lang)
        self._zoo_t = ZOO_TEXT.for_language(lang)
        shape, stack = PRESETS[preset] if preset in PRESETS else ("28, 28, 1", [])
        self.stack: list[tuple[str, dict]] = [(n, dict(a)) for n, a in stack]
        self.rows: list = []
        self.broken = None  # the StackBreak, if the stack does not fit
        self._first = (shape, preset)
        self._arg_controls: dict[str, dict] = {}
        self._builds = NewestBuilds(
            self._built, self._show, self.show_error, self._lock, CACHED_STACKS, "layer-stack"
        )
        self._build()

    # Construction -------------------------------------------------------------------------
    def _build_controls(self) -> None:
        t, zt = self._t, self._zoo_t
        shape, preset = self._first
        self._shape = text_box(t("input_shape"), shape)
        presets = [(t("preset_none"), "none")] + [(t(f"preset_{p}"), p) for p in PRESETS]
        self._preset = dropdown(t("preset"), presets, preset if preset in PRESETS else "none")
        families = [(zt(f"fam_{f}"), f) for f in zoo.FAMILIES if f != "removed"]
        self._family = dropdown(t("family"), families, "core")
        self._layer = dropdown(t("layer"), zoo.FAMILIES["core"], "Dense")
        self._args = ipywidgets.VBox()
        self._add = button(t("add"), icon="plus", kind="success")
        self._position = dropdown(t("position"), [])
        self._remove = button(t("remove"), icon="trash")
        self._up = button(t("up"), icon="arrow-up")
        self._down = button(t("down"), icon="arrow-down")
        self._clear = button(t("clear"), icon="times")
        names = ("shape", "preset", "family", "layer", "add", "position", "remove", "up", "down")
        for name in (*names, "clear"):
            getattr(self, f"_{name}").add_class(f"dl-stack-{name}")
        self._model_controls = [self._add, self._remove, self._up, self._down, self._clear]
        self._show_arguments("Dense")

    def _build_figures(self) -> None:
        self._table = html("", "dl-text")
        self._table.add_class("dl-stack-summary")

    def _lay_out(self) -> None:
        t = self._t
        controls = column(
            [
                self._shape,
                self._preset,
                self._family,
                self._layer,
                self._args,
                self._add,
                html(t("add_help"), "dl-note"),
                self._position,
                ipywidgets.HBox([self._remove, self._up, self._down, self._clear]),
            ],
            width="400px",
        )
        body = [row([controls, self._table]), html(t("model_help"), "dl-note")]
        self._page(t("title"), t("intro"), *body, style=STYLE)
        self.add_class("dl-layer-stack")

    def _wire(self) -> None:
        self._shape.observe(self._on_shape_change, names="value")
        self._preset.observe(self._on_preset_change, names="value")
        self._family.observe(self._on_family_change, names="value")
        self._layer.observe(self._on_layer_change, names="value")
        self._add.on_click(self._on_add_click)
        self._remove.on_click(self._on_remove_click)
        self._up.on_click(lambda _b: self._move(-1))
        self._down.on_click(lambda _b: self._move(+1))
        self._clear.on_click(self._on_clear_click)

    def _show_arguments(self, name: str) -> None:
        if name not in self._arg_controls:
            self._arg_controls[name] = {a.name: arg_control(a) for a in zoo.LAYERS[name].args}
        self._args.children = list(self._arg_controls[name].values())

    # Public API ---------------------------------------------------------------------------
    @shows_errors
    def add_layer(self, name: str, **args) -> None:
        """Add ``name`` with ``args`` below the chosen layer (a StudentError if the name or
        an argument is wrong; a shape that does not fit is told in the table instead)."""
        self._add_layer(name, args, background=False)

    @shows_errors
    def remove_layer(self, index: int | None = None) -> None:
        """Remove the chosen layer (or the one at ``index``, from 0)."""
        self._remove_layer(index, background=False)

    @property
    def building(self) -> bool:
        """True while a stack is being built or drawn in the background."""
        return self._builds.pending

    @property
    def builds(self) -> int:
        """Keras builds so far (stacks not found among those kept)."""
        return self._builds.builds

    def wait_settled(self, timeout: float = 60.0) -> LayerStackDashboard:
        """Block until the newest stack asked for is built and drawn (tests, notebooks)."""
        self._builds.wait(timeout)
        return self

    def _add_layer(self, name: str, args: dict, background: bool) -> None:
        checked = zoo.checked_args(name, **args)
        at = self._chosen() + 1 if self.stack else 0
        self.stack.insert(at, (name, checked))
        self._refresh(chosen=at, background=background)

    def _remove_layer(self, index: int | None, background: bool) -> None:
        if not self.stack:
            return
        at = self._chosen() if index is None else self._checked_index(index)
        del self.stack[at]
        self._refresh(chosen=min(at, len(self.stack) - 1), background=background)

    def code(self) -> str:
        """The stack as a ``keras.Sequential`` ("show the code")."""
        shape = zoo.parse_ints(self._shape.value, "input_shape")
        broken = (
            None if self.broken is None else (self.stack[self.broken.index][0], self.broken.index)
        )
        return sequential_code(shape, self.rows, broken, self.lang)

    @property
    def summary_text(self) -> str:
        """The table as plain text (tests)."""
        from ..controls import plain_text

        return plain_text(self._table.value.replace("</tr>", "\n").replace("</td>", " | "))

    # Settings -----------------------------------------------------------------------------
    def _settings(self) -> dict:
        """``configure(stack_input="28, 28, 1", stack_preset="cnn",
        stack_layers=[("Dense", {...})])`` (names of their own: the page's layer zoo has an
        input shape too, and a URL setting goes to every panel that knows its name)."""
        return {
            "stack_input": Setting(self._shape, check=self._check_shape),
            "stack_preset": self._preset,
            "stack_layers": Setting(check=self._check_stack, apply=self._apply_stack),
        }

    @staticmethod
    def _check_shape(value) -> str:
        return shape_text(zoo.parse_ints(value, "input_shape"))

    @staticmethod
    def _check_stack(value) -> list:
        try:
            stack = [(str(name), dict(args)) for name, args in value]
        except (TypeError, ValueError):
            raise StudentError("layer_stack.bad_stack") from None
        return [(name, zoo.checked_args(name, **args)) for name, args in stack]

    def _apply_stack(self, stack: list) -> None:
        self.stack = list(stack)
        self._preset.value = "none"

    def _after_configure(self, settings: dict) -> None:
        if "stack_preset" in settings and "stack_layers" not in settings:
            self._load_preset(settings["stack_preset"])
        self._refresh()

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        self._compute_and_draw(0)

    def _refresh(self, chosen: int | None = None, background: bool = False) -> None:
        if self.ready.is_set() or self.model is not None:
            self._compute_and_draw(self._chosen() if chosen is None else chosen, background)

    def _compute_and_draw(self, chosen: int, background: bool = False) -> None:
        """The stack's table: Keras' own (built here, or kept), or (``background``: a
        student's press) the formulas' at once and Keras' from the worker."""
        self.clear_error()
        self._builds.wanted = None  # a wrong input shape: nothing older drawn over its message
        rows, broken = zoo.trace_stack(self._shape.value, self.stack)
        self.rows, self.broken = rows, broken
        key = (self._shape.value, tuple((r.name, tuple(sorted(r.args.items()))) for r in rows))
        wanted = self._builds.wanted = StackState(key, self._shape.value, rows, broken)
        model = self._builds.cached(wanted)
        if model is None and background:
            self._draw_table(wanted, None)  # the formulas' shapes and counts, at once
            self._builds.request()
        else:
            self._show(wanted, model or self._builds.computed(wanted))
        # The position menu after the table: the table is what the student waits for.
        options = [(f"{i + 1}. {short_call(n, a)}", i) for i, (n, a) in enumerate(self.stack)]
        with self._quietly():
            self._position.options = options
            self._position.value = max(0, min(chosen, len(options) - 1)) if options else None
        self._refresh_code()

    @staticmethod
    def _built(state: StackState):
        return zoo.build_stack(state.shape, state.rows)

    def _show(self, state: StackState, model) -> None:
        self.model = model
        self._draw_table(state, model)

    def _draw_table(self, state: StackState, model) -> None:
        """The summary table: Keras' layer names, shapes and counts from ``model``, or
        (None) the catalogue's, while Keras builds."""
        t = self._t
        if not self.stack:
            self._table.value = t("empty")
            return
        head = "".join(
            f"<th>{t(k)}</th>" for k in ("col_layer", "col_shape", "col_params", "col_formula")
        )
        shape = zoo.parse_ints(state.shape, "input_shape")
        first = f"<td class='dl-nowrap'>(None, {shape_text(shape)})</td>"
        lines = [f"<tr><td><i>{t('input_row')}</i></td>{first}"]
        lines[0] += "<td class='dl-num'>0</td><td></td></tr>"
        layers = [None] * len(state.rows) if model is None else model.layers
        for layer, stack_row in zip(layers, state.rows, strict=True):
            lines.append(self._row_html(layer, stack_row))
        if state.broken is not None:
            lines += self._broken_rows(state.broken)
        if model is None:
            counts = [r.params for r in state.rows]
        else:
            counts = [layer.count_params() for layer in model.layers]
        total = number(sum(counts), self.lang)
        table = f"<table class='dl-stack-table'><tr>{head}</tr>{''.join(lines)}</table>"
        self._table.value = table + f"<div class='dl-text'>{t('total', total=total)}</div>"

    def _row_html(self, layer, stack_row) -> str:
        """One row: Keras' ``layer``, or (None) the catalogue's row while Keras builds."""
        if layer is None:
            out, count, name = stack_row.output_shape, stack_row.params, stack_row.name
        else:
            out = tuple(int(s) for s in layer.output.shape[1:])
            count = layer.count_params()
            name = f"{escape(layer.name)} ({type(layer).__name__})"
        formula = zoo.LAYERS[stack_row.name].params_text(
            stack_row.input_shape, stack_row.args, self.lang
        )
        note = ""
        if stack_row.name == "Dense" and len(stack_row.input_shape) > 1:
            note = f"<div class='dl-caution dl-note'>{self._t('dense_axis', shape=str(out))}</div>"
        return (
            f"<tr><td>{name}{note}</td><td class='dl-nowrap'>(None, {shape_text(out)})</td>"
            f"<td class='dl-num dl-nowrap'>{number(count, self.lang)}</td>"
            f"<td class='dl-nowrap'>{escape(formula)}</td></tr>"
        )

    def _broken_rows(self, broken) -> list[str]:
        t = self._t
        from ..errors import describe

        reason, _ = describe(broken.error, self.lang)
        hint = self._hint(broken)
        name, args = self.stack[broken.index]
        message = t("broken", reason=escape(reason), hint=hint)
        lines = [
            f"<tr class='dl-broken'><td>{escape(short_call(name, args))}</td>"
            f"<td colspan='3'>{message}</td></tr>"
        ]
        for name, args in self.stack[broken.index + 1 :]:
            lines.append(
                f"<tr class='dl-unreached'><td>{escape(short_call(name, args))}</td>"
                f"<td colspan='3'>{t('not_reached')}</td></tr>"
            )
        return lines

    def _hint(self, broken) -> str:
        if broken.error.key != "layer_zoo.wrong_rank":
            return ""
        name = self.stack[broken.index][0]
        too_many = len(broken.input_shape) > max(zoo.LAYERS[name].ranks)
        return self._t("hint_flatten" if too_many else "hint_reshape")

    # Stack editing ------------------------------------------------------------------------
    def _chosen(self) -> int:
        value = self._position.value
        return len(self.stack) - 1 if value is None else int(value)

    def _checked_index(self, index) -> int:
        n = len(self.stack)
        if not (isinstance(index, int) and 0 <= index < n):
            raise StudentError("layer_stack.bad_position", n=n)
        return index

    def _move(self, by: int) -> None:
        self._on_move(by)

    @shows_errors
    def _on_move(self, by: int) -> None:
        if not self.stack:
            return
        at = self._chosen()
        to = min(max(at + by, 0), len(self.stack) - 1)
        self.stack[at], self.stack[to] = self.stack[to], self.stack[at]
        self._preset_custom()
        self._refresh(chosen=to, background=True)

    def _preset_custom(self) -> None:
        with self._quietly():
            self._preset.value = "none"

    def _load_preset(self, preset: str) -> None:
        if preset not in PRESETS:
            return
        shape, stack = PRESETS[preset]
        self.stack = [(n, zoo.checked_args(n, **a)) for n, a in stack]
        with self._quietly():
            self._shape.value = shape

    # Events -------------------------------------------------------------------------------
    @reacts
    def _on_shape_change(self, change) -> None:
        self._refresh(background=True)

    @reacts
    def _on_preset_change(self, change) -> None:
        self._load_preset(change["new"])
        self._refresh(chosen=0, background=True)

    @reacts
    def _on_family_change(self, change) -> None:
        names = zoo.FAMILIES[change["new"]]
        with self._quietly():
            self._layer.options = names
            self._layer.value = names[0]
        self._show_arguments(names[0])

    @reacts
    def _on_layer_change(self, change) -> None:
        if change["new"] is not None:
            self._show_arguments(change["new"])

    @reacts
    def _on_add_click(self, _button) -> None:
        name = self._layer.value
        args = {k: c.value for k, c in self._arg_controls[name].items()}
        self._preset_custom()
        self._add_layer(name, args, background=True)

    @reacts
    def _on_remove_click(self, _button) -> None:
        self._preset_custom()
        self._remove_layer(None, background=True)

    @reacts
    def _on_clear_click(self, _button) -> None:
        self.stack = []
        self._preset_custom()
        self._refresh(chosen=0, background=True)
