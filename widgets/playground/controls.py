"""The playground's control panel and page layout (a mixin of the dashboard).

Built with the course's control factory (:mod:`widgets.controls`) and ipywidgets only (no
TensorFlow), so the page shows them while Keras is still loading; :mod:`.dashboard`
connects them to the model. Sections can be hidden by a lecturer's preset (``hide=`` in
the URL, see :mod:`.state`).
"""

from __future__ import annotations

import math

import ipywidgets

from ..controls import (
    LABEL,
    button,
    checkbox,
    column,
    dropdown,
    explain_disabled,
    heading,
    html,
    number_box,
    row,
    slider,
)
from ..i18n import number
from ..models.playground import ACTIVATIONS, OPTIMIZERS
from .datasets import DATASETS, MULTICLASS, REGRESSION
from .features import FEATURES, feature_label
from .state import MAX_LAYERS, PATIENCE, RANGES, REGULARIZATIONS, SECTIONS, State

LEARNING_RATES = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
REG_RATES = (0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
DROPOUTS = (0.0, 0.1, 0.2, 0.3, 0.5)
NARROW = "280px"  # the data section's controls, in a column of 300px
UPLOAD = "upload"  # the data menu's choice for an uploaded CSV file
OFF = "off"  # the "click adds nothing" choice

# The lesson's own rules, beside the course's stylesheet (widgets/figures/style.py).
STYLE = (
    ".dl-compact{line-height:1.3}"  # help texts and layer labels (a widget's is 28px)
    ".dl-stopped{color:#8a4b00}"  # the status line when the training stopped
    ".dl-confusion{font-size:calc(var(--dl-scale) * 13px)}"
    ".dl-confusion td.dl-right{background:#d8f0d8}"
    ".dl-confusion td.dl-wrong{background:#f8d8d8}"
)


def options_with(values: tuple, *extra) -> list:
    """The options plus any value asked for by a URL that is not among them, sorted."""
    return sorted(set(values) | {float(v) for v in extra})


def rate_options(values: tuple, lang: str, *extra) -> list[tuple[str, float]]:
    """A rate menu's (label, value) pairs: the values written the page's way, every digit
    shown ("0,03", "0,00001" rather than "1e−05", as TensorFlow Playground's menu)."""
    return [(number(value, lang, "plain"), value) for value in options_with(values, *extra)]


def choose(control: ipywidgets.Dropdown, choices: tuple, lang: str, value: float) -> None:
    """Set a rate menu to ``value``, adding it to the menu if it is not there."""
    if value not in [option for _, option in control.options]:
        control.options = rate_options(choices, lang, value, control.value)
    control.value = value


def _range_slider(name: str, description: str, value: int) -> ipywidgets.IntSlider:
    """A whole-number slider over the URL's range for ``name``, CSS class ``dl-<name>``."""
    control = slider(
        description, value, *RANGES[name], 1, integer=True, continuous_update=False, width=NARROW
    )
    control.add_class(f"dl-{name}")
    return control


def _help(text: str, width: str) -> ipywidgets.HTML:
    """A small explanation under a group of controls."""
    note = html(f"<div class='dl-small dl-compact'>{text}</div>")
    note.layout.max_width = width
    return note


class PlaygroundControls:
    """Builds the ``self._<control>`` widgets and lays out the page."""

    def _show_rate_use(self) -> None:
        """The regularisation rate is disabled, and says why, while no penalty is chosen."""
        unused = self._regularization.value == "none"
        explain_disabled(self._regularization_rate, self._t("rate_unused") if unused else None)

    # Controls ---------------------------------------------------------------------------
    def _next_training_controls(self) -> list:
        return [self._learning_rate, self._optimizer, self._regularization]

    def _build_controls(self, s: State) -> None:
        self._build_data_controls(s)
        self._build_network_controls(s)
        self._build_training_controls(s)
        self._build_view_controls(s)
        self._build_export_controls()
        self._hidden = tuple(s.hide)
        self._update_adding_options()
        self._model_controls = [
            self._play, self._step, self._reset, self._data, self._regenerate,
            self._upload_button, self._layers_minus, self._layers_plus,
            *self._features.values(), *self._unit_buttons, *self._acts, *self._dropouts,
            self._download_button,
        ]  # fmt: skip

    def _build_data_controls(self, s: State) -> None:
        t = self._t
        data_sets = [(t(f"data_{name}"), name) for name in DATASETS]
        self._data = dropdown(t("data"), data_sets, s.data, width=NARROW)
        self._classes = _range_slider("classes", t("classes"), s.classes)
        if s.data not in MULTICLASS:  # until the data are made (the model's thread)
            explain_disabled(self._classes, t("classes_fixed"))
        self._noise = _range_slider("noise", t("noise"), s.noise)
        self._train = _range_slider("train", t("train_share"), s.train)
        self._regenerate = button(t("regenerate"), icon="refresh", width="200px")
        self._adding = dropdown(t("add_points"), [], width=NARROW)
        self._adding.tooltip = t("add_points_tip")  # the menu alone changes nothing (issue 24)
        self._upload_button = ipywidgets.FileUpload(
            accept=".csv,text/csv",
            multiple=False,
            description=t("upload"),
            layout=ipywidgets.Layout(width=NARROW),
        )
        self._features = {}
        for name in FEATURES:
            toggle = ipywidgets.ToggleButton(name in s.features, description=feature_label(name))
            toggle.layout.width = "64px"
            toggle.add_class("dl-feature")
            self._features[name] = toggle

    def _build_network_controls(self, s: State) -> None:
        self._units = list(s.layers) + [2] * (MAX_LAYERS - len(s.layers))
        self._n_layers = len(s.layers)
        self._layers_minus = button("", icon="minus", width="36px")
        self._layers_plus = button("", icon="plus", width="36px")
        self._layers_label = html()
        self._layers_label.layout.margin = "0 8px"
        first = s.acts[0] if s.acts else "tanh"
        self._activation = dropdown(self._t("activation_all"), ACTIVATIONS, first, width="220px")
        self._layer_boxes, self._layer_labels, self._acts, self._dropouts = [], [], [], []
        self._unit_buttons = []
        for i in range(MAX_LAYERS):
            self._add_layer_controls(i, s)

    def _add_layer_controls(self, i: int, s: State) -> None:
        """Layer ``i``'s box: its label, − and + neurons, its activation and dropout."""
        minus = button("", icon="minus", width="32px")
        plus = button("", icon="plus", width="32px")
        act = dropdown("", ACTIVATIONS, s.acts[i] if i < len(s.acts) else "tanh", width="92px")
        rate = s.dropout[i] if i < len(s.dropout) else 0.0
        drop = dropdown("", self._dropout_options(rate), rate, width="92px")
        drop.tooltip = self._t("dropout_tip")  # the figures show no dropout (issue 24)
        label = html()
        box = ipywidgets.VBox(
            [label, row([minus, plus], wrap=False), act, drop],
            layout=ipywidgets.Layout(width="98px", border="1px solid #ddd", padding="2px"),
        )
        self._layer_labels.append(label)
        self._acts.append(act)
        self._dropouts.append(drop)
        self._unit_buttons += [minus, plus]
        self._layer_boxes.append(box)

    def _dropout_options(self, *extra: float) -> list[tuple[str, float]]:
        label = self._t("dropout")
        return [
            (f"{label} {number(rate, self.lang)}", rate) for rate in options_with(DROPOUTS, *extra)
        ]

    def _build_training_controls(self, s: State) -> None:
        t = self._t
        self._play = ipywidgets.ToggleButton(False, description=t("play"), icon="play")
        self._play.add_class("dl-play")
        self._step = button(t("step"), icon="step-forward")
        self._step.add_class("dl-step")
        self._reset = button(t("reset"), icon="undo")
        self._learning_rate = dropdown(
            t("learning_rate"), rate_options(LEARNING_RATES, self.lang, s.lr), s.lr, width="220px"
        )
        self._learning_rate.add_class("dl-lr")
        optimizers = [(t(f"opt_{name}"), name) for name in OPTIMIZERS]
        self._optimizer = dropdown(t("optimizer"), optimizers, s.opt, width="240px")
        self._batch = _range_slider("batch", t("batch"), s.batch)
        # What the batch size changes before the next step: the steps an epoch takes.
        self._steps_label = html("", "dl-steps", "dl-small", "dl-compact")
        self._budget = number_box(
            t("budget"), s.budget, 0, RANGES["budget"][1], integer=True, width="230px"
        )
        self._early = checkbox(t("early"), s.early)
        self._early.tooltip = t("early_help", patience=PATIENCE)
        kinds = [(t(f"reg_{name}"), name) for name in REGULARIZATIONS]
        self._regularization = dropdown(t("regularization"), kinds, s.reg, width="200px")
        self._regularization_rate = dropdown(
            t("reg_rate"), rate_options(REG_RATES, self.lang, s.rate), s.rate, width="170px"
        )
        self._show_rate_use()

    def _build_view_controls(self, s: State) -> None:
        t = self._t
        self._show_test = checkbox(t("show_test"), s.test)
        self._discretize = checkbox(t("discretize"), s.discretize)
        self._show_output = button(t("show_output"), icon="eye", width="260px")
        self._weight = ipywidgets.FloatText(
            0.0, step=0.1, layout=ipywidgets.Layout(width="300px", display="none")
        )

    def _build_export_controls(self) -> None:
        t = self._t
        self._download_button = button(t("download"), icon="download")
        self._download = html()
        self._link_box = ipywidgets.Text(description=t("link"), style=LABEL)
        self._link_box.layout.width = "95%"
        self._link_box.add_class("dl-link")
        self._link_note = html("", "dl-small")  # what the link cannot hold (an uploaded file)

    # Layout -----------------------------------------------------------------------------
    def _lay_out(self) -> None:
        t, s = self._t, self._sections()
        self.sections = s
        left = column([s["data"], s["features"]], width="310px")
        right = column(
            [self.output_figure, s["views"], self._numbers, self.loss_figure, self._confusion],
            width="410px",
        )
        self._page(
            t("title"),
            t("intro"),
            row([s["training"], s["regularization"]]),
            self._status,
            row([left, s["network"], right]),
            s["export"],
            style=STYLE,
        )
        self._show_layers()

    def _sections(self) -> dict[str, ipywidgets.VBox]:
        """The page's parts, each a box a lecturer's preset may hide."""
        t, features = self._t, list(self._features.values())
        parts = {
            "training": [
                row([self._play, self._step, self._reset, self._epoch_label], wrap=False),
                row(
                    [self._learning_rate, self._optimizer, self._batch, self._steps_label],
                    wrap=False,
                ),
                row([self._budget, self._early], wrap=False),
            ],
            "regularization": [row([self._regularization, self._regularization_rate], wrap=False)],
            "data": [
                self._data,
                self._classes,
                self._noise,
                self._train,
                self._regenerate,
                self._adding,
                self._upload_button,
            ],  # fmt: skip
            "features": [
                row(features[:4], wrap=False),
                row(features[4:], wrap=False),
                _help(t("features_help"), "280px"),
            ],
            "network": [
                row(
                    [self._layers_minus, self._layers_plus, self._layers_label, self._activation],
                    wrap=False,
                ),
                row(self._layer_boxes, wrap=False),
                self.network_figure,
                _help(t("network_help"), "600px"),
                row([self._weight_label, self._weight], wrap=False),
            ],
            "views": [row([self._show_test, self._discretize], wrap=False), self._show_output],
            "export": [
                row([self._download_button, self._download], wrap=False),
                self._link_box,
                self._link_note,
            ],
        }
        widths = {"data": "300px", "features": "300px", "network": "630px", "views": "400px"}
        sections = {}
        for name in SECTIONS:
            box = column([heading(t(f"section_{name}")), *parts[name]], width=widths.get(name))
            box.add_class(f"dl-section-{name}")
            box.layout.display = "none" if name in self._hidden else None
            sections[name] = box
        return sections

    # Showing the controls' state ---------------------------------------------------------
    def _show_layers(self) -> None:
        """The number of hidden layers, and a box per layer with its neurons."""
        self._layers_label.value = self._t("layers", n=self._n_layers)
        for i, box in enumerate(self._layer_boxes):
            box.layout.display = None if i < self._n_layers else "none"
            label = self._t("layer", n=i + 1, units=self._units[i])
            self._layer_labels[i].value = f"<div class='dl-small dl-compact'>{label}</div>"

    def _show_hidden_sections(self, hidden: tuple) -> None:
        self._hidden = tuple(hidden)
        for name in SECTIONS:
            self.sections[name].layout.display = "none" if name in hidden else None

    def _show_steps(self) -> None:
        """The training steps an epoch takes at this batch size (TensorFlow Playground's
        batch size slider changes nothing else until the next step)."""
        n = len(self.split.x_train) if self.split is not None else 0
        if not n:
            self._steps_label.value = ""
            return
        steps = math.ceil(n / max(1, min(int(self._batch.value), n)))
        self._steps_label.value = self._t("steps_per_epoch", steps=steps, n=n)

    def _update_adding_options(self) -> None:
        """What a click on the output plot may add: a point of each class, or a value."""
        t = self._t
        uploaded = self._uploaded()
        regression = uploaded[2] if uploaded else self._data.value in REGRESSION
        classes = self.split.classes if self.split is not None else 2
        if regression:
            options = [(t("add_off"), OFF), (t("add_high"), 1.0), (t("add_low"), -1.0)]
        else:
            options = [(t("add_off"), OFF)] + [(t("add_class", k=k), k) for k in range(classes)]
        if list(self._adding.options) != options:
            self._adding.options = options
            self._adding.value = OFF

    def _uploaded(self) -> tuple | None:
        """The uploaded points, when the data menu shows them."""
        return self._upload if self._data.value == UPLOAD else None
