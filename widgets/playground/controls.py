"""The playground's controls, outputs and layout (a mixin of the dashboard).

Built with ipywidgets and plotly only (no TensorFlow), so the page shows them while Keras
is still loading; :mod:`.dashboard` connects them to the model. Sections can be hidden by
a lecturer's preset (``hide=`` in the URL, see :mod:`.state`).
"""

from __future__ import annotations

import ipywidgets

from .curves import loss_figure
from .datasets import CLASSIFICATION, REGRESSION
from .features import FEATURES, feature_label
from .network_figure import network_figure
from .neurons import output_figure
from .state import (
    ACTIVATIONS,
    MAX_LAYERS,
    OPTIMIZERS,
    PATIENCE,
    RANGES,
    REGULARIZATIONS,
    State,
)

LEARNING_RATES = (0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
REG_RATES = (0.0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
DROPOUTS = (0.0, 0.1, 0.2, 0.3, 0.5)


class PlaygroundControls:
    """Builds ``self._<control>`` widgets, the figures and ``self.children``."""

    # Controls ---------------------------------------------------------------------------
    def _build_controls(self, s: State) -> None:
        t, wide = self._t, {"description_width": "initial"}
        row = ipywidgets.Layout(width="280px")
        self._data = ipywidgets.Dropdown(
            options=[(t(f"data_{n}"), n) for n in CLASSIFICATION + REGRESSION],
            value=s.data,
            description=t("data"),
            style=wide,
            layout=row,
        )
        self._classes = self._slider(s.classes, "classes", t("classes"))
        self._noise = self._slider(s.noise, "noise", t("noise"))
        self._train = self._slider(s.train, "train", t("train_share"))
        self._batch = self._slider(s.batch, "batch", t("batch"))
        self._regenerate = ipywidgets.Button(
            description=t("regenerate"), icon="refresh", layout=ipywidgets.Layout(width="200px")
        )
        self._adding = ipywidgets.Dropdown(description=t("add_points"), style=wide, layout=row)
        self._upload_button = ipywidgets.FileUpload(
            accept=".csv,text/csv",
            multiple=False,
            description=t("upload"),
            layout=ipywidgets.Layout(width="280px"),
        )
        self._features = {
            name: ipywidgets.ToggleButton(
                value=name in s.features,
                description=feature_label(name),
                layout=ipywidgets.Layout(width="64px"),
            )
            for name in FEATURES
        }
        for button in self._features.values():
            button.add_class("dl-feature")
        self._units = list(s.layers) + [2] * (MAX_LAYERS - len(s.layers))
        self._n_layers = len(s.layers)
        self._layers_minus = ipywidgets.Button(icon="minus", layout={"width": "36px"})
        self._layers_plus = ipywidgets.Button(icon="plus", layout={"width": "36px"})
        self._layers_label = ipywidgets.HTML()
        self._layer_boxes, self._layer_labels, self._acts, self._dropouts = [], [], [], []
        self._unit_buttons = []
        for i in range(MAX_LAYERS):
            self._add_layer_controls(i, s)
        self._activation = ipywidgets.Dropdown(
            options=ACTIVATIONS,
            value=s.acts[0] if s.acts else "tanh",
            description=t("activation_all"),
            style=wide,
            layout=ipywidgets.Layout(width="220px"),
        )
        self._lr = ipywidgets.Dropdown(
            options=options_with(LEARNING_RATES, s.lr),
            value=s.lr,
            description=t("learning_rate"),
            style=wide,
            layout=ipywidgets.Layout(width="220px"),
        )
        self._lr.add_class("dl-lr")
        self._optimizer = ipywidgets.Dropdown(
            options=[(t(f"opt_{n}"), n) for n in OPTIMIZERS],
            value=s.opt,
            description=t("optimizer"),
            style=wide,
            layout=ipywidgets.Layout(width="240px"),
        )
        self._reg = ipywidgets.Dropdown(
            options=[(t(f"reg_{n}"), n) for n in REGULARIZATIONS],
            value=s.reg,
            description=t("regularization"),
            style=wide,
            layout=ipywidgets.Layout(width="200px"),
        )
        self._rate = ipywidgets.Dropdown(
            options=options_with(REG_RATES, s.rate),
            value=s.rate,
            description=t("reg_rate"),
            style=wide,
            layout=ipywidgets.Layout(width="170px"),
        )
        self._play = ipywidgets.ToggleButton(False, description=t("play"), icon="play")
        self._play.add_class("dl-play")
        self._step = ipywidgets.Button(description=t("step"), icon="step-forward")
        self._step.add_class("dl-step")
        self._reset = ipywidgets.Button(description=t("reset"), icon="undo")
        self._budget = ipywidgets.BoundedIntText(
            s.budget,
            min=0,
            max=RANGES["budget"][1],
            description=t("budget"),
            style=wide,
            layout=ipywidgets.Layout(width="230px"),
        )
        self._early = ipywidgets.Checkbox(
            s.early,
            description=t("early"),
            tooltip=t("early_help", patience=PATIENCE),
            indent=False,
        )
        self._show_test = ipywidgets.Checkbox(s.test, description=t("show_test"), indent=False)
        self._discretize = ipywidgets.Checkbox(
            s.discretize, description=t("discretize"), indent=False
        )
        self._show_output = ipywidgets.Button(
            description=t("show_output"), icon="eye", layout=ipywidgets.Layout(width="260px")
        )
        self._weight = ipywidgets.FloatText(
            0.0,
            step=0.1,
            description="",
            style=wide,
            layout=ipywidgets.Layout(width="300px", display="none"),
        )
        self._code_button = ipywidgets.Button(description=t("code"), icon="code")
        self._download_button = ipywidgets.Button(description=t("download"), icon="download")
        self._code = ipywidgets.HTML()
        self._download = ipywidgets.HTML()
        self._link_box = ipywidgets.Text(
            description=t("link"), style=wide, layout=ipywidgets.Layout(width="95%")
        )
        self._link_box.add_class("dl-link")
        self._link_note = ipywidgets.HTML()  # what the link cannot hold (an uploaded file)
        self._hidden = tuple(s.hide)
        self._update_adding_options()
        self._model_controls = [
            self._play, self._step, self._reset, self._data, self._regenerate,
            self._upload_button, self._layers_minus, self._layers_plus,
            *self._features.values(), *self._unit_buttons, *self._acts, *self._dropouts,
            self._code_button, self._download_button,
        ]  # fmt: skip

    def _slider(self, value: int, name: str, description: str) -> ipywidgets.IntSlider:
        low, high = RANGES[name]
        slider = ipywidgets.IntSlider(
            value,
            min=low,
            max=high,
            description=description,
            continuous_update=False,
            style={"description_width": "initial"},
            layout=ipywidgets.Layout(width="280px"),
        )
        slider.add_class(f"dl-{name}")
        return slider

    def _add_layer_controls(self, i: int, s: State) -> None:
        minus = ipywidgets.Button(icon="minus", layout={"width": "32px"})
        plus = ipywidgets.Button(icon="plus", layout={"width": "32px"})
        minus.on_click(lambda _b, i=i: self._change_units(i, -1))
        plus.on_click(lambda _b, i=i: self._change_units(i, +1))
        act = ipywidgets.Dropdown(
            options=ACTIVATIONS,
            value=s.acts[i] if i < len(s.acts) else "tanh",
            layout=ipywidgets.Layout(width="92px"),
        )
        drop = ipywidgets.Dropdown(
            options=[
                (f"{self._t('dropout')} {r:g}", r)
                for r in options_with(DROPOUTS, *s.dropout[i : i + 1])
            ],
            value=s.dropout[i] if i < len(s.dropout) else 0.0,
            layout=ipywidgets.Layout(width="92px"),
        )
        label = ipywidgets.HTML()
        box = ipywidgets.VBox(
            [label, ipywidgets.HBox([minus, plus]), act, drop],
            layout=ipywidgets.Layout(width="98px", border="1px solid #ddd", padding="2px"),
        )
        self._layer_labels.append(label)
        self._acts.append(act)
        self._dropouts.append(drop)
        self._unit_buttons += [minus, plus]
        self._layer_boxes.append(box)

    # Outputs ----------------------------------------------------------------------------
    def _build_outputs(self) -> None:
        t = self._t
        self.output_figure = output_figure(t("output_title"))
        self.network_figure = network_figure()
        self.loss_figure = loss_figure(
            [t("loss_train"), t("loss_test")], t("epoch_axis"), t("loss_axis")
        )
        self._epoch_label = ipywidgets.HTML()
        self._epoch_label.add_class("dl-epoch")
        self._numbers = ipywidgets.HTML()
        self._numbers.add_class("dl-numbers")
        self._confusion = ipywidgets.HTML()
        self._status = ipywidgets.HTML()
        self._status.add_class("dl-status")
        self._weight_label = ipywidgets.HTML()

    # Layout -----------------------------------------------------------------------------
    def _build_layout(self, hidden: tuple) -> None:
        t = self._t

        def section(name, *children, width=None):
            box = ipywidgets.VBox(
                [ipywidgets.HTML(f"<b>{t('section_' + name)}</b>"), *children],
                layout=ipywidgets.Layout(width=width, display="none" if name in hidden else None),
            )
            box.add_class(f"dl-section-{name}")
            return box

        small = "<div style='font-size:12px;line-height:1.3;max-width:{w}px'>{text}</div>"
        self.sections = {
            "training": section(
                "training",
                ipywidgets.HBox([self._play, self._step, self._reset, self._epoch_label]),
                ipywidgets.HBox([self._lr, self._optimizer, self._batch]),
                ipywidgets.HBox([self._budget, self._early]),
            ),
            "regularization": section("regularization", ipywidgets.HBox([self._reg, self._rate])),
            "data": section(
                "data",
                self._data,
                self._classes,
                self._noise,
                self._train,
                self._regenerate,
                self._adding,
                self._upload_button,
                width="300px",
            ),
            "features": section(
                "features",
                ipywidgets.HBox(list(self._features.values())[:4]),
                ipywidgets.HBox(list(self._features.values())[4:]),
                ipywidgets.HTML(small.format(w=280, text=t("features_help"))),
                width="300px",
            ),
            "network": section(
                "network",
                ipywidgets.HBox(
                    [self._layers_minus, self._layers_plus, self._layers_label, self._activation]
                ),
                ipywidgets.HBox(self._layer_boxes),
                self.network_figure,
                ipywidgets.HTML(small.format(w=600, text=t("network_help"))),
                ipywidgets.HBox([self._weight_label, self._weight]),
                width="630px",
            ),
            "views": section(
                "views",
                ipywidgets.HBox([self._show_test, self._discretize]),
                self._show_output,
                width="400px",
            ),
            "export": section(
                "export",
                ipywidgets.HBox([self._code_button, self._download_button, self._download]),
                self._code,
                self._link_box,
                self._link_note,
            ),
        }
        s = self.sections
        left = ipywidgets.VBox([s["data"], s["features"]], layout={"width": "310px"})
        right = ipywidgets.VBox(
            [self.output_figure, s["views"], self._numbers, self.loss_figure, self._confusion],
            layout={"width": "410px"},
        )
        self.children = [
            ipywidgets.HTML(f"<h2>{t('title')}</h2><p style='max-width:1100px'>{t('intro')}</p>"),
            self._loading,
            self._error,
            ipywidgets.HBox(
                [s["training"], s["regularization"]], layout=ipywidgets.Layout(flex_flow="row wrap")
            ),
            self._status,
            ipywidgets.HBox(
                [left, s["network"], right], layout=ipywidgets.Layout(flex_flow="row wrap")
            ),
            s["export"],
        ]


def options_with(values: tuple, *extra) -> list:
    """The options plus any value asked for by a URL that is not among them, sorted."""
    return sorted(set(values) | {float(v) for v in extra})
