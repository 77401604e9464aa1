"""Steps 2 and 3, compile and fit: their controls, the progress bar and the live curves.

:class:`FitPanel` holds the widgets and turns them into ``CompileSpec``/``FitSpec``; the
dashboard runs the training (:class:`widgets.training.BackgroundFit`) and feeds each
``Progress`` to :meth:`FitPanel.show_progress`, which appends to :class:`LiveCurves`.
"""

from __future__ import annotations

import math

import ipywidgets
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from ..controls import (
    LABEL,
    button,
    checkbox,
    dropdown,
    html,
    log_slider,
    number_box,
    slider,
)
from ..figures.curves import update_traces
from ..figures.light import LightFigureWidget
from ..figures.style import FIRE, QUIET, base_layout
from ..i18n import number
from ..models import mlp
from ..training import Progress
from .texts import TEXT

OPTIMIZER_LABELS = {"rmsprop": "RMSprop", "adam": "Adam", "sgd": "SGD (momentum 0.9)"}
BATCH_CHOICES = (16, 32, 64, 128, 256, 512)


class LiveCurves:
    """Loss and accuracy over epochs: training (line, also within epochs), validation (dots).

    ``x`` of a training point is the fractional epoch (``epoch + batch / batches``), so the
    line grows during an epoch; validation has one point per finished epoch.
    """

    def __init__(self, lang: str):
        t = TEXT.for_language(lang)
        figure = make_subplots(rows=1, cols=2, subplot_titles=(t("curves_loss"), t("curves_acc")))
        for col in (1, 2):
            figure.add_trace(
                go.Scatter(x=[], y=[], mode="lines", name=t("series_train"), line={"color": QUIET}),
                row=1,
                col=col,
            )
            figure.add_trace(
                go.Scatter(
                    x=[], y=[], mode="lines+markers", name=t("series_val"), line={"color": FIRE}
                ),
                row=1,
                col=col,
            )
        figure.update_layout(
            base_layout(
                height=340,
                width=860,
                showlegend=True,
                # Above the plots, right: below them it covered the axis titles.
                legend={"orientation": "h", "x": 0.5, "xanchor": "center", "y": 1.32},
                margin={"l": 50, "r": 20, "t": 85, "b": 45},
            )
        )
        figure.update_xaxes(title_text=t("epoch_axis"))
        figure.data[2].showlegend = figure.data[3].showlegend = False
        self.figure = LightFigureWidget(figure)
        self.clear()

    def clear(self) -> None:
        """Forget all points (a new training from scratch)."""
        self.train_x: list[float] = []
        self.train_loss: list[float | None] = []
        self.train_acc: list[float | None] = []
        self.val_x: list[float] = []
        self.val_loss: list[float | None] = []
        self.val_acc: list[float | None] = []
        self.offset = 0  # epochs trained before the current fit ("continue training")
        self.draw()

    def add(self, progress: Progress) -> None:
        """Append what one progress report says: a point for every epoch that ended since
        the last report (throttled reports carry them all), then the point inside the
        running epoch."""
        for ended in progress.ended:
            self._add_training_point(self.offset + ended.epoch, ended.logs)
            if "val_loss" in ended.logs:
                self._add_validation_point(self.offset + ended.epoch, ended.logs)
        if progress.batch and not progress.done:
            within = progress.batch / progress.batches if progress.batches else 0.0
            self._add_training_point(self.offset + progress.epoch + within, progress.logs)

    def _add_training_point(self, x: float, logs: dict) -> None:
        if "loss" in logs and (not self.train_x or x > self.train_x[-1]):
            self.train_x.append(float(x))
            self.train_loss.append(_finite(logs.get("loss")))
            self.train_acc.append(_finite(logs.get("accuracy")))

    def _add_validation_point(self, x: float, logs: dict) -> None:
        if not self.val_x or x > self.val_x[-1]:
            self.val_x.append(float(x))
            self.val_loss.append(_finite(logs.get("val_loss")))
            self.val_acc.append(_finite(logs.get("val_accuracy")))

    def draw(self) -> None:
        """Send the points to the browser (one message)."""
        update_traces(
            self.figure,
            [
                {"x": self.train_x, "y": self.train_loss},
                {"x": self.val_x, "y": self.val_loss},
                {"x": self.train_x, "y": self.train_acc},
                {"x": self.val_x, "y": self.val_acc},
            ],
        )


def _shown(value, spec: str, lang: str) -> str:
    """A metric for the status line, written as ``lang`` writes numbers; "–" when it is
    missing or not a number (a NaN loss is reported by the divergence guard, not printed
    as "nan")."""
    value = _finite(value)
    return "–" if value is None else number(value, lang, spec)


def _finite(value) -> float | None:
    if value is None:
        return None
    value = float(value)
    return value if math.isfinite(value) else None


class FitPanel:
    """Compile and fit controls, buttons, status line, progress bar and curves."""

    def __init__(self, lang: str):
        self.lang = lang
        self._t = TEXT.for_language(lang)
        self._build_controls()
        self._build_figures()
        # They change nothing on the page until the next training (the dashboard's tooltips).
        self.next_training_controls = [
            self.optimizer,
            self.learning_rate,
            self.loss,
            self.epochs,
            self.early_stopping,
            self.reduce_lr,
            self.tensorboard,
        ]
        self.settings = [
            self.optimizer,
            self.learning_rate,
            self.loss,
            self.epochs,
            self.batch_size,
            self.validation_split,
            self.early_stopping,
            self.patience,
            self.reduce_lr,
            self.tensorboard,
            self.log_dir,
        ]

    # Construction ------------------------------------------------------------------------
    def _build_controls(self) -> None:
        """Compile's settings, fit's settings and callbacks, the three buttons."""
        t = self._t
        optimizers = [(label, name) for name, label in OPTIMIZER_LABELS.items()]
        self.optimizer = dropdown(t("optimizer"), optimizers, "rmsprop")
        self.learning_rate = log_slider(
            t("learning_rate"),
            0.001,
            -5,
            1,
            step=0.25,
            readout_format=".1e",
            continuous_update=False,
        )
        losses = [
            (t("loss_cce"), "categorical_crossentropy"),
            (t("loss_mse"), "mean_squared_error"),
        ]
        self.loss = dropdown(t("loss"), losses, width="380px")
        self.epochs = slider(t("epochs"), 30, 1, 100, 1, integer=True, continuous_update=False)
        self.batch_size = ipywidgets.Combobox(
            value="128",
            options=[str(b) for b in BATCH_CHOICES],
            description=t("batch_size"),
            style=LABEL,
            ensure_option=False,
            layout={"width": "260px"},
        )
        self.validation_split = slider(
            t("validation_split"), 0.2, 0.0, 0.5, 0.05, continuous_update=False
        )
        self._build_callbacks()
        self.train_new = button(t("train_new"), icon="play", kind="success")
        self.train_more = button(t("train_more"), icon="forward")
        self.stop = button(t("stop"), icon="stop", kind="danger")
        self.stop.disabled = True
        for control, name in (
            (self.learning_rate, "learning-rate"),
            (self.epochs, "epochs"),
            (self.batch_size, "batch-size"),
            (self.validation_split, "validation-split"),
            (self.train_new, "train"),
            (self.train_more, "train-more"),
            (self.stop, "stop"),
        ):
            control.add_class(f"dl-{name}")

    def _build_callbacks(self) -> None:
        """Early stopping with its patience, a smaller step on a plateau, TensorBoard logs."""
        t = self._t
        self.early_stopping = checkbox(t("early_stopping"))
        self.patience = number_box("", 3, 1, 20, integer=True, width="70px")
        self.reduce_lr = checkbox(t("reduce_lr"))
        self.tensorboard = checkbox(t("tensorboard"))
        self.log_dir = ipywidgets.Text(value="logs/fit", layout={"width": "200px"})
        widths = (
            (self.early_stopping, "240px"),
            (self.reduce_lr, "auto"),
            (self.tensorboard, "200px"),
        )
        for box, width in widths:  # each box beside its field, not a column's width away
            box.layout.width = width

    def _build_figures(self) -> None:
        """The metric shown, the progress bar, the status line and the live curves."""
        self.metrics = html(self._t("metrics"))
        self.progress = ipywidgets.FloatProgress(value=0.0, min=0.0, max=1.0)
        self.progress.add_class("dl-progress")
        self.status = html(self._t("idle"), "dl-fit-status")
        self.curves = LiveCurves(self.lang)

    # Layout ------------------------------------------------------------------------------
    def compile_box(self) -> ipywidgets.Widget:
        return ipywidgets.HBox(
            [self.optimizer, self.learning_rate, self.loss, self.metrics],
            layout={"flex_flow": "row wrap"},
        )

    def fit_box(self) -> ipywidgets.Widget:
        return ipywidgets.VBox(
            [
                ipywidgets.HBox(
                    [self.epochs, self.batch_size, self.validation_split],
                    layout={"flex_flow": "row wrap"},
                ),
                ipywidgets.HBox(
                    [
                        ipywidgets.HBox([self.early_stopping, self.patience]),
                        ipywidgets.HBox([self.tensorboard, self.log_dir]),
                    ],
                    layout={"flex_flow": "row wrap"},
                ),
                self.reduce_lr,
                ipywidgets.HBox([self.train_new, self.train_more, self.stop, self.progress]),
                self.status,
                self.curves.figure,
            ]
        )

    # Specs -------------------------------------------------------------------------------
    def compile_spec(self) -> mlp.CompileSpec:
        return mlp.CompileSpec(
            optimizer=self.optimizer.value,
            learning_rate=float(self.learning_rate.value),
            loss=self.loss.value,
        )

    def fit_spec(self) -> mlp.FitSpec:
        """The fit settings; a batch size that is not a whole number is refused."""
        try:
            batch = int(str(self.batch_size.value).strip())
        except ValueError:
            value = self.batch_size.value
            raise mlp.SpecError(
                "batch_text", f"not a whole number: {value!r}", value=value
            ) from None
        return mlp.FitSpec(
            epochs=int(self.epochs.value),
            batch_size=batch,
            validation_split=round(float(self.validation_split.value), 4),
            callbacks=mlp.Callbacks(
                early_stopping=self.early_stopping.value,
                patience=int(self.patience.value),
                reduce_lr=self.reduce_lr.value,
                tensorboard=self.tensorboard.value,
                log_dir=self.log_dir.value.strip() or "logs/fit",
            ),
        )

    # Progress ----------------------------------------------------------------------------
    def set_running(self, running: bool) -> None:
        """Grey out what must not change during training; enable Stop."""
        for control in (*self.settings, self.train_new, self.train_more):
            control.disabled = running
        self.stop.disabled = not running

    def show_progress(self, progress: Progress) -> None:
        """Progress bar, status line and curves for one report (from the training thread)."""
        t = self._t
        self.progress.value = progress.fraction
        self.curves.add(progress)
        self.curves.draw()
        logs = progress.logs
        if progress.done or "loss" not in logs:
            return
        values = {
            "epochs": progress.epochs,
            "loss": _shown(logs["loss"], ".4f", self.lang),
            "acc": _shown(logs.get("accuracy"), ".3f", self.lang),
        }
        if progress.batch:
            self.status.value = t(
                "training",
                epoch=progress.epoch + 1,
                batch=progress.batch,
                batches=progress.batches or "?",
                **values,
            )
        else:
            self.status.value = t("epoch_done", epoch=progress.epoch, **values)
