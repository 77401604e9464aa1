"""Lesson 15's layer zoo: one Keras layer of the cheat sheet, its shapes, parameters and
operation.

Family and layer menus; the layer's arguments as controls built from the catalogue
(:mod:`widgets.models.layer_zoo`), and the input shape. At every change the layer is built
by Keras (after ``set_random_seed(0)``: the same weights every time) and applied to a small
example: the digit on screen (:class:`widgets.digits.DigitSource`) for images, a few sines
for sequences. The output shape and the parameter count are shown with their formulas
filled in, beside Keras' ``count_params()``. A convolution or pooling layer draws its
window the conv_arithmetic way (padding, stride, dilation; a transposed convolution over
its input spread with zeros) at a step chosen by a slider or played; Dropout, noise and
BatchNormalization show training and inference side by side on the same input.

A control answers at once with what the catalogue's pure-Python formulas know (the output
shape, the parameter count with its formula filled in); the Keras build and the example
through the layer follow on a background worker (:class:`widgets.training.Painter`), which
builds only the newest state asked for (presses that came meanwhile are skipped) and never
blocks the next press. A state built before (the last :data:`CACHED_STATES`) is drawn at
once. :meth:`LayerZooDashboard.wait_settled` waits for the worker (tests, notebooks);
:meth:`~widgets.ui.Dashboard.configure` builds before it returns.

``dashboard.model`` is a ``keras.Model`` wrapping the chosen layer; ``dashboard.layer``
the layer.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

import ipywidgets
import numpy as np

from ..builds import NewestBuilds
from ..controls import checkbox, column, dropdown, html, number_box, row, slider, text_box
from ..digits import DigitSource
from ..errors import StudentError
from ..i18n import number
from ..models import layer_zoo as zoo
from ..ui import Dashboard, Setting, reacts, shows_errors
from .code import keras_code
from .figures import STYLE, draw, line_figures, raster_figure, window_frames
from .texts import TEXT

PLAY_INTERVAL_MS = 300
CACHED_STATES = 24  # layers kept built (a few MB at most)
FIRST_LAYER = "Conv2D"


@dataclass(frozen=True, eq=False)
class State:
    """One state asked for: the layer, its checked input shape and arguments, the digit."""

    key: tuple
    name: str
    shape: tuple
    args: dict
    image: np.ndarray | None


def state_of(name: str, shape: tuple, args: dict, image: np.ndarray | None) -> State:
    picture = None if image is None else hash(image.tobytes())
    return State((name, shape, tuple(sorted(args.items())), picture), name, shape, args, image)


def shape_text(shape) -> str:
    return ", ".join(str(int(s)) for s in shape)


def control_value(arg: zoo.Arg):
    """The value :func:`arg_control`'s control starts with: the default (a text box's as
    text)."""
    return arg.default if arg.kind in ("int", "float", "choice", "bool") else str(arg.default)


def arg_control(arg: zoo.Arg) -> ipywidgets.Widget:
    """The control of one argument: a slider, a box, a menu, a checkbox or a text box."""
    if arg.kind == "int" and arg.high - arg.low <= 64:
        control = slider(arg.name, arg.default, arg.low, arg.high, 1, integer=True)
    elif arg.kind == "int":
        control = number_box(arg.name, arg.default, arg.low, arg.high, 1, integer=True)
    elif arg.kind == "float":
        step = 0.01 if arg.high < 1 else 0.05
        control = slider(arg.name, arg.default, arg.low, arg.high, step)
    elif arg.kind == "choice":
        control = dropdown(arg.name, list(arg.choices), arg.default)
    elif arg.kind == "bool":
        control = checkbox(arg.name, arg.default)
    else:
        control = text_box(arg.name, str(arg.default))
    control.add_class(f"dl-arg-{arg.name.replace('_', '-')}")
    return control


class LayerZooDashboard(Dashboard):
    """The layer zoo (see the module docstring)."""

    def __init__(self, lang: str = "pl", layer: str = FIRST_LAYER):
        super().__init__(lang)
        self._t = TEXT.for_language(lang)
        self.layer = None
        self.output = None  # the layer's output on the example (inference), batch axis dropped
        self.trained_output = None  # … in training mode (Dropout, noise, BatchNormalization)
        self.window = None
        self.drawn = None  # (name, input shape, arguments) last drawn
        self._arrays: list = [None, None, None]
        self._drawn_out = None  # the window's output sides last drawn
        # State → (layer, model, example, outputs), built on a worker (see _computed).
        self._builds = NewestBuilds(
            self._computed, self._show, self.show_error, self._lock, CACHED_STATES, "layer-zoo"
        )
        self._arg_controls: dict[str, dict[str, ipywidgets.Widget]] = {}
        self._first_layer = layer
        self._build()

    # Construction -------------------------------------------------------------------------
    def _build_controls(self) -> None:
        t = self._t
        families = [(t(f"fam_{f}"), f) for f in zoo.FAMILIES]
        family = next(f for f, names in zoo.FAMILIES.items() if self._first_layer in names)
        self._family = dropdown(t("family"), families, family)
        self._layer = dropdown(t("layer"), zoo.FAMILIES[family], self._first_layer)
        self._shape = text_box(t("input_shape"), "")
        self._args = ipywidgets.VBox()
        self.digits = DigitSource(self.lang, index=0)
        self._play = ipywidgets.Play(0, min=0, max=1, interval=PLAY_INTERVAL_MS)
        self._step = slider(t("step"), 0, 0, 1, 1, integer=True)
        for name in ("family", "layer", "shape", "step"):
            getattr(self, f"_{name}").add_class(f"dl-{name}")
        self._model_controls = [self._family, self._layer, self._shape]
        self._show_arguments(self._first_layer)

    def _build_figures(self) -> None:
        self.rasters = raster_figure()
        self.lines = line_figures()  # one a slot
        self._summary = html("", "dl-text")
        self._summary.add_class("dl-summary")
        self._note = html("", "dl-note")
        self._position = html("", "dl-text")

    def _lay_out(self) -> None:
        t = self._t
        controls = column(
            [
                self._family,
                self._layer,
                self._shape,
                html(t("input_help"), "dl-note"),
                self._args,
                self.digits,
            ]
        )
        stepping = ipywidgets.HBox([self._play, self._step, self._position])
        self._stepping = ipywidgets.VBox([stepping, html(t("window_help"), "dl-note")])
        views = ipywidgets.VBox(
            [self._summary, self._stepping, self.rasters, ipywidgets.HBox(self.lines), self._note]
        )
        views.add_class("dl-views")
        views.layout.max_width = "980px"  # long notes wrap beside the controls, not below
        body = [row([controls, views]), html(t("model_help"), "dl-note")]
        self._page(t("title"), t("intro"), *body, style=STYLE)
        self.add_class("dl-layer-zoo")
        self.add_class("dl-sharp-images")

    def _wire(self) -> None:
        ipywidgets.jslink((self._play, "value"), (self._step, "value"))
        self._family.observe(self._on_family_change, names="value")
        self._layer.observe(self._on_layer_change, names="value")
        self._shape.observe(self._on_change, names="value")
        self._step.observe(self._on_step_change, names="value")
        self.digits.observe_image(self._on_image_change)

    def _show_arguments(self, name: str) -> None:
        """The layer's default input shape in the box and its argument controls (built on
        first use) in the page."""
        self._show_shape(name)
        self._place_arguments(name)

    def _show_shape(self, name: str) -> None:
        if name not in zoo.REMOVED:
            with self._quietly():
                self._shape.value = shape_text(zoo.LAYERS[name].input_shape)

    def _argument_controls(self, name: str) -> dict[str, ipywidgets.Widget]:
        """The layer's argument controls, built at the first call (each a new widget the
        page is told about: a layer's first visit opened 20-30 of them)."""
        if name in zoo.REMOVED:
            return {}
        if name not in self._arg_controls:
            controls = {arg.name: arg_control(arg) for arg in zoo.LAYERS[name].args}
            for control in controls.values():
                control.observe(self._on_change, names="value")
            self._arg_controls[name] = controls
        return self._arg_controls[name]

    def _place_arguments(self, name: str) -> None:
        self._args.children = list(self._argument_controls(name).values())

    def _switch_layer(self, name: str) -> None:
        """A new layer from the menus: its summary first, then the layer menu's options, the
        input shape box and the layer's controls in the page (the browser handled those
        messages before the summary's: the menus answered in 39-45 ms against the
        reference's 28). A layer shown the first time is drawn from its arguments'
        defaults, and its controls are built after that (their widgets came first)."""
        with self._layer.hold_sync(), self._shape.hold_sync():
            self._show_shape(name)
            try:
                self._refresh(background=True)
            finally:
                self._place_arguments(name)

    # Public API ---------------------------------------------------------------------------
    @property
    def layer_name(self) -> str:
        return self._layer.value

    def arguments(self) -> dict:
        """The current layer's arguments as the controls hold them (their defaults before
        the controls are built)."""
        name = self._layer.value
        if name in zoo.REMOVED:
            return {}
        if name not in self._arg_controls:
            return {arg.name: control_value(arg) for arg in zoo.LAYERS[name].args}
        return {key: control.value for key, control in self._arg_controls[name].items()}

    def code(self) -> str:
        """The layer, built and applied as on screen ("show the code")."""
        if self._layer.value in zoo.REMOVED:
            entry = zoo.REMOVED[self._layer.value]
            return f"# {self._layer.value} → {entry.replacement}\n"
        if self.drawn is None:
            return "# " + (self.error_text or "…")
        name, shape, args = self.drawn
        return keras_code(name, shape, args, self.digits.code_lines(), self.lang)

    @shows_errors
    def redraw(self) -> None:
        self._refresh()

    @property
    def building(self) -> bool:
        """True while a state is being built or drawn in the background."""
        return self._builds.pending

    @property
    def builds(self) -> int:
        """Keras builds so far (states not found among those kept)."""
        return self._builds.builds

    def wait_settled(self, timeout: float = 60.0) -> LayerZooDashboard:
        """Block until the newest state asked for is built and drawn (tests, notebooks)."""
        self._builds.wait(timeout)
        return self

    # Settings -----------------------------------------------------------------------------
    def _settings(self) -> dict:
        """``configure(layer="Conv2D", input_shape="28, 28, 1", arguments={...}, window=…)``
        (``window``: the window's position, from 0)."""
        return {
            "layer": Setting(check=self._check_layer, apply=self._apply_layer),
            "input_shape": Setting(self._shape, check=self._check_shape),
            "arguments": Setting(check=self._check_arguments, apply=self._apply_arguments),
            "window": Setting(self._step, check=self._check_step),
        }

    def _check_layer(self, name) -> str:
        if name not in zoo.LAYERS and name not in zoo.REMOVED:
            raise StudentError("layer_zoo.unknown_layer", layer=name, names=", ".join(zoo.LAYERS))
        return name

    def _apply_layer(self, name: str) -> None:
        family = next(f for f, names in zoo.FAMILIES.items() if name in names)
        self._family.value = family
        self._layer.options = zoo.FAMILIES[family]
        self._layer.value = name
        self._show_arguments(name)

    @staticmethod
    def _check_shape(value) -> str:
        return shape_text(zoo.parse_ints(value, "input_shape"))

    @staticmethod
    def _check_arguments(value) -> dict:
        if not isinstance(value, dict):
            raise StudentError(
                "layer_zoo.bad_choice", arg="arguments", value=str(value), choices="{…}"
            )
        return value

    def _apply_arguments(self, values: dict) -> None:
        checked = zoo.checked_args(self._layer.value, **values)
        controls = self._argument_controls(self._layer.value)
        for key in values:
            controls[key].value = checked[key]

    def _check_step(self, value) -> int:
        if not (isinstance(value, int | np.integer) and 0 <= value <= self._step.max):
            raise ValueError(self._allowed(self._step))
        return int(value)

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        self._compute_and_draw()

    def _refresh(self, background: bool = False) -> None:
        """Draw the current state: built here, or (``background``: a student's press) the
        formulas at once and the build on the worker."""
        if self.ready.is_set() or self.layer is not None:
            self._compute_and_draw(background)

    def _compute_and_draw(self, background: bool = False) -> None:
        self.clear_error()
        self._builds.wanted = None  # an impossible state: nothing older drawn over its message
        name = self._layer.value
        if name in zoo.REMOVED:
            self._show_removed(name)
            return
        shape, args = zoo.check(name, self._shape.value, **self.arguments())
        image = self.digits.image() if len(shape) == 3 else None
        if len(shape) == 3 and image is None:
            self.show_error(self.digits.blank_message)
            image = np.zeros((28, 28), np.float32)
        wanted = self._builds.wanted = state_of(name, shape, args, image)
        result = self._builds.cached(wanted)
        if result is None and background:
            # What the formulas know, at once; the layer's own numbers follow.
            self._summary.value = self._summary_html(name, shape, args)
            self._builds.request()
            return
        self._show(wanted, result or self._builds.computed(wanted))

    @staticmethod
    def _computed(state: State) -> tuple:
        """The layer, its model, the example, its output in inference and training mode
        (built once per state: a slider moved back and forth finds them kept; the seed
        makes a rebuilt layer the same anyway)."""
        name, shape, args = state.name, state.shape, state.args
        layer, model = zoo.build_model(name, shape, **args)
        training = name in zoo.TRAINING_DEPENDENT
        x = zoo.example_input(name, shape, state.image, 8 if training else 1, args)
        if not training:
            return layer, model, x, zoo.apply(layer, x), None
        trained, inferred = zoo.training_and_inference(name, layer, x)
        return layer, model, x, inferred, trained

    def _show(self, state: State, result: tuple) -> None:
        """Draw a built state: figures, summary with Keras' own count, the code."""
        name, shape, args = state.name, state.shape, state.args
        layer, model, x, inferred, trained = result
        # The summary first: its numbers reach the page before the window's sliders and the
        # figures change (a new geometry resets the Play and the step slider: six messages
        # the browser handled before the summary's, 60 ms a stride press in the benchmark).
        self._summary.value = self._summary_html(name, shape, args, layer, model)
        self.model, self.layer, self.output = model, layer, inferred[0]
        self.trained_output = None if trained is None else trained[0]
        self.window = zoo.windowing(name, shape, args)
        self.drawn = (name, shape, args)
        self._draw(name, shape, args, x, inferred, trained)
        self._refresh_code()

    def _draw(self, name, shape, args, x, inferred, trained) -> None:
        t, w = self._t, self.window
        first = x[0]
        if w is not None:
            first = np.stack([w.view(first[..., c]) for c in range(first.shape[-1])], axis=-1)
            first = first[..., :1] if first.ndim == 3 else first
        if trained is not None:
            arrays = [first, trained[0], inferred[0]]
            after = name == "BatchNormalization"  # after BN_STEPS training calls
            infer = t("fig_infer_after", steps=zoo.BN_STEPS) if after else t("fig_infer")
            titles = [t("fig_input"), t("fig_train"), infer]
        else:
            out = inferred[0]
            channels = out.ndim == 3 and out.shape[-1] > 1
            arrays = [first, out[..., :1] if out.ndim == 3 else out, out if channels else None]
            main = t("fig_output", channel=0) if out.ndim == 3 else t("fig_output_all")
            titles = [t("fig_input"), main, t("fig_channels")]
        self._arrays = arrays
        self._stepping.layout.display = None if w is not None else "none"
        self._stepping.layout.visibility = None
        self.digits.layout.display = None if len(shape) == 3 else "none"
        if w is not None and w.out != self._drawn_out:  # a new geometry: start mid-image
            self._drawn_out = w.out
            self._restart_window(w)
        step = int(self._step.value)
        self._show_position(step)  # the text first, as in _draw_step
        draw(self.rasters, self.lines, arrays, titles, window_frames(w, step, arrays))
        self._note.value = self._behaviour_note(name, args, x, inferred, trained)

    def _restart_window(self, w) -> None:
        """The step slider and Play over the new window's steps, at the middle cell.

        No value is ever above its maximum on the way (a browser that clamps a Play
        above its new maximum sends the clamped value back through the jslink): more
        room first, then the middle; or the middle first, then less room. The Play's
        value is set too. The values went through 0 before, which the jslink sent back
        from the page: two more windows drawn at each new geometry (Conv1D's padding
        traced: a second kernel turn and two more line-figure redraws)."""
        middle = (w.out[0] // 2) * w.out[-1] + w.out[-1] // 2 if len(w.out) == 2 else w.steps // 2
        top = max(w.steps - 1, 1)
        with self._quietly():
            if top >= self._play.max:
                self._play.max = self._step.max = top
                self._step.value = self._play.value = middle
            else:
                self._step.value = self._play.value = middle
                self._play.max = self._step.max = top

    def _summary_html(self, name, shape, args, layer=None, model=None) -> str:
        """The output shape and the parameter count with their formulas filled in; with the
        built ``layer`` and ``model``, Keras' own count and shape too (else "building")."""
        t, spec = self._t, zoo.LAYERS[name]
        out = tuple(int(s) for s in spec.out(shape, args))
        if model is not None:
            keras_shape = tuple(int(s) for s in model.output_shape[1:])
            assert out == keras_shape  # the catalogue's formula (tests check every layer)
        keras = (
            t("keras_pending") if layer is None else t("keras_params", count=layer.count_params())
        )
        lines = [
            t("output_shape", shape=f"(None, {shape_text(out)})"),
            t("shape_formula", formula=escape(spec.out_text(shape, args, self.lang))),
            t("params", formula=escape(spec.params_text(shape, args, self.lang))),
        ]
        operation = zoo.operation_text(name, args)
        if operation:  # the activation and the bias: they change no shape
            lines.append(t("operation", formula=escape(operation)))
        lines.append(keras)
        return "<br>".join(lines)

    def _behaviour_note(self, name, args, x, inferred, trained) -> str:
        if trained is None:
            return ""
        t = self._t
        if name == "BatchNormalization":
            return t(
                "bn_note",
                batch=len(x),
                steps=zoo.BN_STEPS,
                moved=number(zoo.moved_share(args["momentum"]), self.lang, ".0%"),
                train_mean=number(round(float(trained.mean()), 3) + 0.0, self.lang),
                infer_mean=number(round(float(inferred.mean()), 3) + 0.0, self.lang),
            )
        if name == "GaussianNoise":
            return t("noise_note", stddev=number(args["stddev"], self.lang))
        kept = int(np.count_nonzero(trained[0]))
        total = int(np.count_nonzero(x[0])) or 1
        rate = args["rate"]
        scale = number(round(1.0 / (1.0 - rate), 3), self.lang)
        share = number(kept / total, self.lang, ".0%")
        return t("dropout_note", kept=kept, total=total, share=share, scale=scale)

    def _show_removed(self, name: str) -> None:
        t, entry = self._t, zoo.REMOVED[name]
        self._summary.value = t(
            "removed_note", why=t(entry.note_key), replacement=escape(entry.replacement)
        )
        self._note.value = ""
        self._stepping.layout.display = "none"
        self.digits.layout.display = "none"
        draw(self.rasters, self.lines, [None] * 3, [""] * 3, window_frames(None, 0, [None]))

    def _show_position(self, step: int) -> None:
        w, out = self.window, self._arrays[1]
        if w is None or out is None:
            self._position.value = ""
            return
        row_, col = w.position(step)
        if np.ndim(out) == 3:
            value = number(round(float(out[row_, col, 0]), 3), self.lang)
            self._position.value = self._t("at", step=step, row=row_, col=col, value=value)
        else:
            value = number(round(float(out[col, 0]), 3), self.lang)
            self._position.value = self._t("at_1d", step=step, col=col, value=value)

    def _draw_step(self, step: int) -> None:
        if self.window is None:
            return
        self._show_position(step)  # the text first: it reaches the page before the frame
        frames = window_frames(self.window, step, self._arrays)
        if frames[0]:
            self.rasters.layout.shapes = frames[0]
        for figure, shapes in zip(self.lines, frames[1], strict=True):
            if shapes:
                figure.layout.shapes = shapes

    # Events -------------------------------------------------------------------------------
    @reacts
    def _on_family_change(self, change) -> None:
        names = zoo.FAMILIES[change["new"]]
        with self._layer.hold_sync():  # sent after the summary (see _switch_layer)
            with self._quietly():
                self._layer.options = names
                self._layer.value = names[0]
            self._switch_layer(names[0])

    @reacts
    def _on_layer_change(self, change) -> None:
        if change["new"] is None:
            return
        self._switch_layer(change["new"])

    @reacts
    def _on_change(self, change) -> None:
        self._refresh(background=True)

    @reacts
    def _on_step_change(self, change) -> None:
        self._draw_step(int(change["new"]))

    @reacts
    def _on_image_change(self) -> None:
        self._refresh(background=True)
