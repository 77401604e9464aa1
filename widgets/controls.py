"""The controls every dashboard builds, made in one place so they look and behave alike.

A dashboard builds its sliders, boxes and buttons with these functions instead of calling
ipywidgets with the same ten keyword arguments each time: one width, one label style
(the whole label shown, never cut to "lear…"), one readout. The CSS classes they set are
styled by the course's one stylesheet (:func:`widgets.figures.style.stylesheet`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from html import unescape

import ipywidgets
import traitlets

from .errors import finite_number, whole_number

WIDTH = "330px"  # a slider with its label and readout, in a controls column of 360px
COLUMN = "360px"
LABEL = {"description_width": "initial"}  # the whole label, however long


def _layout(width: str | None) -> ipywidgets.Layout:
    return ipywidgets.Layout(width=width) if width else ipywidgets.Layout()


def _bounded(kind: type, description: str, value, low, high, step, width, **extra):
    return kind(
        value=value,
        min=low,
        max=high,
        step=step,
        description=description,
        style=LABEL,
        layout=_layout(width),
        **extra,
    )


def slider(
    description: str,
    value: float,
    low: float,
    high: float,
    step: float,
    *,
    integer: bool = False,
    readout_format: str | None = None,
    width: str | None = WIDTH,
    continuous_update: bool = True,
) -> ipywidgets.FloatSlider | ipywidgets.IntSlider:
    """A labelled slider from ``low`` to ``high``; ``integer`` for whole numbers."""
    kind = ipywidgets.IntSlider if integer else ipywidgets.FloatSlider
    extra = {} if readout_format is None else {"readout_format": readout_format}
    return _bounded(
        kind,
        description,
        value,
        low,
        high,
        step,
        width,
        continuous_update=continuous_update,
        **extra,
    )


def log_slider(
    description: str,
    value: float,
    low_exponent: float,
    high_exponent: float,
    *,
    step: float = 0.25,
    readout_format: str = ".3g",
    width: str | None = WIDTH,
    continuous_update: bool = True,
) -> ipywidgets.FloatLogSlider:
    """A slider over 10**low_exponent … 10**high_exponent (learning rates, temperatures)."""
    return _bounded(
        ipywidgets.FloatLogSlider,
        description,
        value,
        low_exponent,
        high_exponent,
        step,
        width,
        base=10,
        readout_format=readout_format,
        continuous_update=continuous_update,
    )


def number_box(
    description: str,
    value: float,
    low: float,
    high: float,
    step: float = 1,
    *,
    integer: bool = False,
    width: str | None = "200px",
) -> ipywidgets.BoundedFloatText | ipywidgets.BoundedIntText:
    """A box for a typed number, clamped by the browser to ``low`` … ``high``."""
    kind = ipywidgets.BoundedIntText if integer else ipywidgets.BoundedFloatText
    return _bounded(kind, description, value, low, high, step, width)


def number_field(
    description: str, value: float, *, integer: bool = False, width: str | None = "250px"
) -> ipywidgets.FloatText | ipywidgets.IntText:
    """A box for any typed number, not clamped: the lesson checks it and says what is wrong
    (:func:`number_box` clamps to its range instead, silently)."""
    kind = ipywidgets.IntText if integer else ipywidgets.FloatText
    return kind(value=value, description=description, style=LABEL, layout=_layout(width))


def text_box(
    description: str,
    value: str = "",
    *,
    placeholder: str = "",
    width: str | None = WIDTH,
    continuous_update: bool = False,
) -> ipywidgets.Text:
    """A one-line box for typed text (a sequence of numbers…); by default its value is sent
    when the student presses Enter or leaves the box, not at every key."""
    return ipywidgets.Text(
        value=value,
        placeholder=placeholder,
        description=description,
        style=LABEL,
        layout=_layout(width),
        continuous_update=continuous_update,
    )


def dropdown(
    description: str,
    options: Sequence | dict,
    value: object = None,
    *,
    width: str | None = WIDTH,
) -> ipywidgets.Dropdown:
    """A labelled dropdown; ``options`` as ipywidgets takes them ((label, value) pairs too)."""
    extra = {} if value is None else {"value": value}
    return ipywidgets.Dropdown(
        options=options, description=description, style=LABEL, layout=_layout(width), **extra
    )


class Toggles(ipywidgets.ToggleButtons):
    """``ipywidgets.ToggleButtons`` whose buttons follow ``disabled`` in the browser.

    ipywidgets 8.1's view applies ``disabled`` only when it creates its buttons again,
    and it does that only when a label differs from its button's index or the icons
    change: a row labelled 0 and 1 (lesson 02's inputs) that was disabled while Keras
    loaded stayed greyed out in the page for good, though enabled in the kernel. Each
    change of ``disabled`` therefore also changes the (invisible, empty) icons.
    """

    @traitlets.observe("disabled")
    def _redraw_buttons(self, change) -> None:
        self.icons = [] if self.icons else [""] * len(self.options)


def toggles(
    description: str,
    options: Sequence,
    value: object,
    *,
    button_width: str = "36px",
    long_label: bool = False,
) -> ipywidgets.ToggleButtons:
    """A row of exclusive buttons (0/1 inputs, a data set, a view). A short label sits on
    the buttons' line; a ``long_label`` is shown whole (it may then take a line of its own)."""
    style = (
        {**LABEL, "button_width": button_width} if long_label else {"button_width": button_width}
    )
    return Toggles(options=options, value=value, description=description, style=style)


def checkbox(
    description: str, value: bool = False, *, width: str | None = None
) -> ipywidgets.Checkbox:
    """A checkbox whose label starts at its left edge; ``width="auto"`` fits a long label."""
    return ipywidgets.Checkbox(
        value=value, description=description, indent=False, layout=_layout(width)
    )


def button(
    description: str,
    *,
    icon: str = "",
    kind: str = "",
    width: str | None = None,
    tooltip: str = "",
) -> ipywidgets.Button:
    """A button; ``kind`` is ipywidgets' colour ('primary', 'success', 'danger', '')."""
    return ipywidgets.Button(
        description=description,
        icon=icon,
        button_style=kind,
        tooltip=tooltip,
        layout=_layout(width),
    )


def html(value: str = "", *classes: str) -> ipywidgets.HTML:
    """An HTML output with the stylesheet's ``classes`` (``"dl-note"``, ``"dl-status"``…)."""
    widget = ipywidgets.HTML(value)
    for name in classes:
        widget.add_class(name)
    return widget


def plain_text(value: str) -> str:
    """What an HTML output reads as, tags dropped and entities decoded (status lines in
    tests and notebooks)."""
    return unescape(re.sub(r"<[^>]+>", "", value))


def heading(text: str) -> ipywidgets.HTML:
    """The bold title of a group of controls."""
    return html(f"<b>{text}</b>", "dl-heading")


def column(children: Iterable[ipywidgets.Widget], width: str | None = COLUMN) -> ipywidgets.VBox:
    """Controls stacked in a column of the standard width."""
    return ipywidgets.VBox(list(children), layout=_layout(width))


def row(children: Iterable[ipywidgets.Widget], wrap: bool = True) -> ipywidgets.HBox:
    """Panels side by side; on a narrow screen they wrap below each other."""
    layout = ipywidgets.Layout(flex_flow="row wrap") if wrap else ipywidgets.Layout()
    return ipywidgets.HBox(list(children), layout=layout)


def boxed(widget: ipywidgets.Widget, name: str) -> ipywidgets.Box:
    """``widget`` (a figure) in a box of CSS class ``dl-<name>``: the browser tests and the
    benchmarks find it so."""
    box = ipywidgets.Box([widget])
    box.add_class(f"dl-{name}")
    return box


def explain_disabled(control: ipywidgets.Widget, reason: str | None) -> None:
    """Disable ``control`` with ``reason`` as its tooltip (a sentence in the page's
    language: why moving it would change nothing), or enable it without one (None)."""
    control.disabled = bool(reason)
    control.tooltip = reason or None


# What a control takes (Dashboard.configure checks a value with these before setting it).
def is_switch(control: ipywidgets.Widget) -> bool:
    """A checkbox or a toggle: it takes True or False."""
    return isinstance(control, ipywidgets.Checkbox | ipywidgets.ToggleButton)


def is_integer(control: ipywidgets.Widget) -> bool:
    """A control of whole numbers (an IntSlider, a BoundedIntText…)."""
    return isinstance(control.value, int) and not isinstance(control.value, bool)


def option_values(control: ipywidgets.Widget) -> list:
    """The values a menu or a row of buttons offers (not their labels)."""
    return [option[1] if isinstance(option, tuple) else option for option in control.options]


def bounds(control: ipywidgets.Widget) -> tuple[float, float]:
    """The smallest and largest value a slider or a bounded box takes."""
    if isinstance(control, ipywidgets.FloatLogSlider):
        return control.base**control.min, control.base**control.max
    return control.min, control.max


def accepts(control: ipywidgets.Widget, value: object) -> bool:
    """Whether ``control`` can take ``value`` as it is (no clamping, no rounding)."""
    if is_switch(control):
        return isinstance(value, bool)
    if hasattr(control, "options"):
        return value in option_values(control)
    low, high = bounds(control)
    fits = whole_number(value) if is_integer(control) else finite_number(value)
    return fits and low <= float(value) <= high


_WORDS = {"1": True, "true": True, "yes": True, "tak": True, "": True}
_WORDS.update({"0": False, "false": False, "no": False, "nie": False})


def from_text(control: ipywidgets.Widget, text: str) -> object:
    """``text`` (from a URL) as the value ``control`` takes: a switch's yes/no, a menu's
    option by its value's text, a number (a decimal comma is fine). Text that is none of
    these comes back as it is, for :func:`accepts` to refuse with the control's range."""
    text = text.strip()
    if is_switch(control):
        return _WORDS.get(text.lower(), text)
    if hasattr(control, "options"):
        return next((value for value in option_values(control) if str(value) == text), text)
    if isinstance(control.value, bool) or not isinstance(control.value, int | float):
        return text
    try:
        number = float(text.replace(",", "."))
    except ValueError:
        return text
    return int(number) if is_integer(control) and number.is_integer() else number


def value_for(control: ipywidgets.Widget, value: object) -> object:
    """``value`` as ``control`` holds it (an int for a whole-number control)."""
    if is_switch(control) or hasattr(control, "options"):
        return value
    return int(value) if is_integer(control) else float(value)
