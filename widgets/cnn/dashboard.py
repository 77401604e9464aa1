"""Lesson 10 dashboard, part 2: a CNN that trains in front of the student, against the MLP.

The student chooses the filter counts and kernel sizes of a small CNN
(:mod:`widgets.models.cnn`, default the keras-io ``mnist_convnet``) and trains it on MNIST
in the background (:class:`widgets.training.BackgroundFit` with batch progress), with a
progress bar, live loss/accuracy curves and Stop. A few times a second while it trains,
the first layer's filters and the feature maps of every layer for the chosen digit are
redrawn, with the softmax bars; clicking a feature map (or choosing it in the two lists)
shows how it is computed from the layer before: the input maps, the kernels, each term
and their sum. Optionally the lecture's MLP then trains on the same data for the same
epochs, and a table puts the parameter counts and test accuracies side by side.

``dashboard.model`` is the Keras CNN, ``dashboard.mlp`` the MLP.
"""

from __future__ import annotations

import html
import threading
import time

import ipywidgets
import numpy as np

from ..data import MnistUnavailableError, load_mnist, one_hot
from ..digits import DigitSource
from ..errors import StudentError, whole_number
from ..figures.curves import (
    bar_shapes,
    cost_figure,
    curve_shapes,
    finite_or_none,
    probability_data,
    probability_figure,
    update_traces,
)
from ..figures.feature_maps import (
    DIVERGING,
    EMPTY,
    IMAGE_SCALE,
    MAX_TILES,
    POSITIVE,
    draw_rasters,
    explain_figure,
    filters_figure,
    layers_figure,
    mosaic,
    raster,
    tile_at,
    tile_numbers,
)
from ..figures.finite import finite
from ..figures.png import SHARP_IMAGES_CSS
from ..i18n import Strings, number
from ..training import BackgroundFit, FitJob, Progress, batches
from ..ui import TrainingDashboard, shows_errors

TEXT = Strings(
    "cnn",
    {
        "title": {
            "pl": "Sieć konwolucyjna uczy się na Twoich oczach",
            "en": "A convolutional network learns in front of you",
        },
        "intro": {
            "pl": "Dwie warstwy splotu z poolingiem, potem warstwa gęsta z softmaxem. Naciśnij "
            "<b>Ucz</b>: w trakcie uczenia widać, jak filtry pierwszej warstwy zmieniają się z "
            "losowego szumu w detektory krawędzi, a mapy cech wybranej cyfry w każdej warstwie "
            "stają się coraz bardziej wyspecjalizowane. <b>Kliknij mapę cech</b>, żeby zobaczyć, "
            "jak powstaje z map poprzedniej warstwy.",
            "en": "Two convolution layers with pooling, then a dense softmax layer. Press "
            "<b>Train</b>: while it learns, the first layer's filters turn from random noise into "
            "edge detectors, and the feature maps of the chosen digit in every layer become more "
            "specialised. <b>Click a feature map</b> to see how it is computed from the maps of "
            "the layer before.",
        },
        "filters1": {"pl": "filtry warstwy 1", "en": "filters, layer 1"},
        "filters2": {"pl": "filtry warstwy 2", "en": "filters, layer 2"},
        "kernel1": {"pl": "jądro warstwy 1", "en": "kernel, layer 1"},
        "kernel2": {"pl": "jądro warstwy 2", "en": "kernel, layer 2"},
        "epochs": {"pl": "epoki", "en": "epochs"},
        "images": {"pl": "obrazy uczące", "en": "training images"},
        "all": {"pl": "wszystkie ({n})", "en": "all ({n})"},
        "compare": {
            "pl": "potem naucz MLP z wykładu (te same dane i epoki)",
            "en": "then train the lecture's MLP (same data and epochs)",
        },
        "train": {"pl": "Ucz", "en": "Train"},
        "stop": {"pl": "Stop", "en": "Stop"},
        "controls_help": {
            "pl": "Więcej filtrów = więcej wykrywanych wzorów (i parametrów). Większe jądro "
            "widzi większy fragment obrazu. Epoka to jedno przejście przez zbiór uczący "
            "(paczki po 128 obrazów).",
            "en": "More filters = more patterns detected (and more parameters). A larger kernel "
            "sees a larger patch of the image. An epoch is one pass over the training set "
            "(batches of 128 images).",
        },
        "untrained": {
            "pl": "Sieć jeszcze się nie uczyła ({params} "
            "{params:@parametr|parametry|parametrów}): filtry są losowe. Naciśnij Ucz.",
            "en": "The network has not learnt yet ({params:,} {params:@parameter|parameters}): "
            "the filters are random. Press Train.",
        },
        "training": {
            "pl": "Uczenie {name}: epoka {epoch}/{epochs}, paczka {batch}/{batches}…",
            "en": "Training the {name}: epoch {epoch}/{epochs}, batch {batch}/{batches}…",
        },
        "trained": {
            "pl": "Gotowe: CNN ({params} {params:@parametr|parametry|parametrów}) ma dokładność "
            "{acc:.1%} na zbiorze testowym.",
            "en": "Done: the CNN ({params:,} {params:@parameter|parameters}) is {acc:.1%} "
            "accurate on the test set.",
        },
        "stopped": {
            "pl": "Zatrzymano. Widoki pokazują sieć w chwili zatrzymania.",
            "en": "Stopped. The views show the network as it was when stopped.",
        },
        "diverged": {
            "pl": "Uczenie {name} rozbiegło się: w epoce {epoch} (paczka {batch}) strata przestała "
            "być liczbą ({loss}), więc wagi sieci też nie są już liczbami, i uczenie "
            "przerwano. Naciśnij Ucz, żeby zacząć od nowych wag; jeśli to się powtarza, sprawdź "
            "dane (np. nieskończone wartości pikseli).",
            "en": "Training the {name} diverged: in epoch {epoch} (batch {batch}) the loss stopped "
            "being a number ({loss}), so the network's weights are not numbers either, and "
            "training was stopped. Press Train to start again from fresh weights; if it happens "
            "again, check the data (e.g. infinite pixel values).",
        },
        "not_numbers": {
            "pl": "Wyjścia sieci nie są liczbami (NaN lub ∞): jej wagi przestały być liczbami "
            "skończonymi. Naciśnij Ucz, żeby zacząć od nowych wag.",
            "en": "The network's outputs are not numbers (NaN or ∞): its weights are no longer "
            "finite. Press Train to start again from fresh weights.",
        },
        "busy": {
            "pl": "Sieć się jeszcze uczy: zatrzymaj ją (Stop), zanim zmienisz ustawienia.",
            "en": "The network is still training: stop it (Stop) before changing the settings.",
        },
        "bad_filters": {
            "pl": "Liczba filtrów warstwy {layer} musi być jedną z wartości {names}, a podano "
            "{value}.",
            "en": "The number of filters of layer {layer} must be one of {names}, not {value}.",
        },
        "bad_kernel": {
            "pl": "Rozmiar jądra warstwy {layer} musi być jedną z wartości {names}, a podano "
            "{value}.",
            "en": "The kernel size of layer {layer} must be one of {names}, not {value}.",
        },
        "bad_epochs": {
            "pl": "Liczba epok musi być liczbą całkowitą od {low} do {high}, a podano {value}.",
            "en": "The number of epochs must be a whole number from {low} to {high}, not {value}.",
        },
        "bad_images": {
            "pl": "Liczba obrazów uczących musi być jedną z wartości {names}, a podano {value}.",
            "en": "The number of training images must be one of {names}, not {value}.",
        },
        "bad_compare": {
            "pl": "Porównanie z MLP (compare) włącza True, a wyłącza False; podano {value!r}.",
            "en": "The comparison with the MLP (compare) is switched on by True and off by "
            "False, not {value!r}.",
        },
        "bad_layer": {
            "pl": "Nieznana warstwa {value!r}; do wyboru: {names}.",
            "en": "Unknown layer {value!r}; choose one of: {names}.",
        },
        "bad_map": {
            "pl": "Warstwa {layer} ma mapy o numerach od 0 do {high}, a podano {value}.",
            "en": "Layer {layer} has maps numbered 0 to {high}, not {value}.",
        },
        "blank": {
            "pl": "Pole rysowania jest puste: narysuj cyfrę albo wybierz cyfrę testową.",
            "en": "The drawing pad is empty: draw a digit or pick a test digit.",
        },
        "loss": {"pl": "strata (zbiór uczący)", "en": "loss (training)"},
        "acc": {"pl": "dokładność (zbiór uczący)", "en": "accuracy (training)"},
        "val_acc": {"pl": "dokładność (zbiór testowy)", "en": "accuracy (test)"},
        "cost_axis": {"pl": "entropia krzyżowa", "en": "cross-entropy"},
        "acc_axis": {"pl": "dokładność", "en": "accuracy"},
        "epoch_axis": {"pl": "epoka", "en": "epoch"},
        "fig_filters": {
            "pl": "filtry 1. warstwy (czerwone +, niebieskie −)",
            "en": "layer-1 filters (red +, blue −)",
        },
        "fig_input": {"pl": "wejście", "en": "input"},
        "fig_map_hover": {"pl": "mapa %{z} (kliknij)", "en": "map %{z} (click)"},
        "fig_layer": {
            "pl": "{name}: {shown} z {count} {count:@mapy|map|map}",
            "en": "{name}: {shown} of {count} {count:@map|maps}",
        },
        "probabilities": {"pl": "prawdopodobieństwo (softmax)", "en": "probability (softmax)"},
        "layer": {"pl": "warstwa", "en": "layer"},
        "map": {"pl": "mapa nr", "en": "map no."},
        "explain_conv": {
            "pl": "Mapa {channel} warstwy {layer} = ReLU(Σ po {m} {m:@mapie wejściowej|mapach "
            "wejściowych|mapach wejściowych} (mapa ⋆ jądro) + b), b = {bias:.3f}. Pokazano "
            "{shown} {shown:@pierwszy składnik|pierwsze składniki|pierwszych składników}.",
            "en": "Map {channel} of {layer} = ReLU(Σ over {m} input {m:@map|maps} of (map ⋆ "
            "kernel) + b), b = {bias:.3f}. The first {shown} {shown:@term is|terms are} shown.",
        },
        "explain_pool": {
            "pl": "Mapa {channel} warstwy {layer} = maksimum z każdego bloku 2×2 mapy "
            "{channel} warstwy {source}.",
            "en": "Map {channel} of {layer} = the maximum of each 2×2 block of map {channel} "
            "of {source}.",
        },
        "ex_inputs": {"pl": "mapy wejściowe", "en": "input maps"},
        "ex_kernels": {"pl": "jądra", "en": "kernels"},
        "ex_terms": {"pl": "mapa ⋆ jądro", "en": "map ⋆ kernel"},
        "ex_output": {"pl": "wynik (po ReLU)", "en": "result (after ReLU)"},
        "table_model": {"pl": "model", "en": "model"},
        "table_params": {"pl": "parametry", "en": "parameters"},
        "table_acc": {"pl": "dokładność (zbiór testowy)", "en": "test accuracy"},
        "table_time": {"pl": "s na epokę", "en": "s per epoch"},
        "table_reference": {
            "pl": "Pomiar odniesienia (8000/2000 obrazów, 10 epok): CNN 34 826 parametrów, 98,1 %; "
            "MLP 235 146 parametrów, 94,3 %.",
            "en": "Reference measurement (8,000/2,000 images, 10 epochs): CNN 34,826 parameters, "
            "98.1 %; MLP 235,146 parameters, 94.3 %.",
        },
        "not_trained": {"pl": "—", "en": "—"},
    },
)

LAYER_NAMES = {"conv1": "conv1", "pool1": "pool1", "conv2": "conv2", "pool2": "pool2"}
FILTERS1 = (4, 8, 16, 32)
FILTERS2 = (8, 16, 32, 64)
KERNEL_SIZES = (3, 5, 7)
EPOCHS = (1, 10)
IMAGE_COUNTS = (2000, 8000)
BATCH = 128
# Views refresh at most this often while training (≥ 2 a second asked). A refresh costs
# the training little since the maps are PNG images (about 18 ms of Python in the viewer
# thread, 2 ms of the page's time); as heatmaps, 0.3 s had held training at 0.65x.
REFRESH_S = 0.3
MOSAIC_COLS = 4
EXPLAIN_EVERY = 4  # while training, the explanation is redrawn every 4th view refresh
# ... and the curves and softmax bars every 2nd (layout shapes while training: see
# _draw_curves).
CURVES_EVERY = 2
CLASSES = 10
LOSS_TOP = 2.5  # the live loss axis reaches at least this: ln 10 = 2.3 is where training starts


class CnnDashboard(TrainingDashboard):
    """See the module docstring."""

    def __init__(self, lang: str = "pl"):
        super().__init__(lang)
        t = self._t = TEXT.for_language(self.lang)
        self.mlp = None
        self.views = None
        self.acts: dict[str, np.ndarray] = {}
        self.history = {"x": [], "loss": [], "accuracy": [], "val_x": [], "val_accuracy": []}
        self.results: dict[str, dict] = {}
        self.refresh_times: list[float] = []  # when the live views were redrawn (benchmark)
        self._trainer = BackgroundFit(
            on_progress=self._on_progress,
            min_interval=REFRESH_S,
            batch_progress=True,
            freeze_gc=True,
        )
        self._data = None
        self._data_error: MnistUnavailableError | None = None  # why there is no data
        self._run_id = 0
        self._view_lock = threading.Lock()  # the viewer thread and the main thread both draw
        self._view_wanted = threading.Event()
        self._layer_titles: list[str] = []
        self._drawn_input: np.ndarray | None = None
        self._tile_layout: list[tuple[int, int]] = []  # (maps shown, size) per mosaic
        self._fit_times: dict[str, list] = {}
        self._epochs_asked = EPOCHS[0]  # the x axis of the live curves (set by train)
        # Where the loss stopped being a number: (model name, epoch, batch, loss), or None.
        self.diverged: tuple | None = None
        self._nan_shown = False  # the banner says the network's outputs are not numbers
        self._viewer: threading.Thread | None = None

        # Controls
        wide = ipywidgets.Layout(width="330px")
        label = {"description_width": "130px"}
        self._filters1 = ipywidgets.Dropdown(
            options=FILTERS1, value=32, description=t("filters1"), layout=wide, style=label
        )
        self._filters2 = ipywidgets.Dropdown(
            options=FILTERS2, value=64, description=t("filters2"), layout=wide, style=label
        )
        self._kernel1 = ipywidgets.Dropdown(
            options=[(f"{k}×{k}", k) for k in KERNEL_SIZES],
            value=3,
            description=t("kernel1"),
            layout=wide,
            style=label,
        )
        self._kernel2 = ipywidgets.Dropdown(
            options=[(f"{k}×{k}", k) for k in KERNEL_SIZES],
            value=3,
            description=t("kernel2"),
            layout=wide,
            style=label,
        )
        self._epochs = ipywidgets.IntSlider(
            3, min=EPOCHS[0], max=EPOCHS[1], description=t("epochs"), layout=wide, style=label
        )
        self._images = ipywidgets.Dropdown(
            options=[], description=t("images"), layout=wide, style=label
        )
        self._with_mlp = ipywidgets.Checkbox(True, description=t("compare"), indent=False)
        self._train = ipywidgets.Button(description=t("train"), icon="play", button_style="success")
        self._train.add_class("dl-train")
        self._stop = ipywidgets.Button(
            description=t("stop"), icon="stop", button_style="danger", disabled=True
        )
        self._stop.add_class("dl-stop")
        self._progress = ipywidgets.FloatProgress(
            0, min=0, max=1, layout=ipywidgets.Layout(width="330px")
        )
        self.digits = DigitSource(self.lang)
        self._layer = ipywidgets.Dropdown(
            options=list(LAYER_NAMES), value="conv2", description=t("layer")
        )
        self._map = ipywidgets.BoundedIntText(
            0, min=0, max=63, description=t("map"), layout=ipywidgets.Layout(width="180px")
        )
        for name, control in (
            ("filters1", self._filters1),
            ("filters2", self._filters2),
            ("epochs", self._epochs),
            ("images", self._images),
            ("with-mlp", self._with_mlp),
            ("layer", self._layer),
        ):
            control.add_class(f"dl-{name}")

        # Outputs
        self._status = ipywidgets.HTML()
        self._status.add_class("dl-status")
        self.curves = cost_figure(
            [t("loss"), t("acc"), t("val_acc")],
            t("cost_axis"),
            t("epoch_axis"),
            y2_title=t("acc_axis"),
            on_y2=[False, True, True],
        )
        # No "current epoch" line (shape 0 of cost_figure): the curves end where training is.
        self.curves.update_layout(width=480, height=300, shapes=[])
        self.filters = filters_figure(t("fig_filters"))
        self.layers = layers_figure(
            [t("fig_input"), "conv1", "pool1", "conv2", "pool2"], t("fig_map_hover")
        )
        self.probabilities = probability_figure(t("probabilities"))
        self.probabilities.update_layout(width=380, height=260)
        self.explain = explain_figure(
            [t(k) for k in ("ex_inputs", "ex_kernels", "ex_terms", "ex_output")]
        )
        self._explain_text = ipywidgets.HTML()
        self._explain_text.add_class("dl-explain")
        self._table = ipywidgets.HTML()
        self._table.add_class("dl-compare")

        # Layout
        small = "<div style='font-size:13px;color:#444;max-width:330px'>{}</div>"
        controls = ipywidgets.VBox(
            [
                self._filters1,
                self._kernel1,
                self._filters2,
                self._kernel2,
                self._epochs,
                self._images,
                self._with_mlp,
                ipywidgets.HTML(small.format(t("controls_help"))),
                ipywidgets.HBox([self._train, self._stop]),
                self._progress,
            ],
            layout=ipywidgets.Layout(width="350px"),
        )
        self.children = [
            ipywidgets.HTML(
                f"<h2>{t('title')}</h2><p style='max-width:1000px'>{t('intro')}</p>"
                + SHARP_IMAGES_CSS
            ),
            self._loading,
            self._error,
            ipywidgets.HBox(
                [controls, ipywidgets.VBox([self._status, self.curves])],
                layout=ipywidgets.Layout(flex_flow="row wrap"),
            ),
            ipywidgets.HBox(
                [self.digits, self.filters, self.probabilities],
                layout=ipywidgets.Layout(flex_flow="row wrap"),
            ),
            self.layers,
            ipywidgets.HBox([self._layer, self._map]),
            self._explain_text,
            self.explain,
            self._table,
        ]
        self.add_class("dl-cnn")
        self.add_class("dl-sharp-images")  # the maps' pixels stay square (SHARP_IMAGES_CSS)
        self._model_controls = [
            self._train,
            self._filters1,
            self._filters2,
            self._kernel1,
            self._kernel2,
            self._layer,
            self._map,
        ]

        # Events
        self._train.on_click(self._on_train_click)
        self._stop.on_click(self._on_stop_click)
        for control in (self._filters1, self._filters2, self._kernel1, self._kernel2):
            control.observe(self._on_architecture_change, names="value")
        for control in (self._layer, self._map):
            control.observe(self._on_selection_change, names="value")
        for trace in self.layers.data[1:]:
            trace.on_click(self._on_map_click)
        self.digits.observe_image(self._on_image_change)
        self._load_data()
        self._start_model_loading()

    # Public API ---------------------------------------------------------------------------
    @property
    def architecture(self) -> tuple[tuple[int, int], tuple[int, int]]:
        """(filter counts, kernel sizes) chosen in the controls."""
        return (self._filters1.value, self._filters2.value), (
            self._kernel1.value,
            self._kernel2.value,
        )

    @shows_errors
    def configure(self, filters=None, kernels=None, epochs=None, images=None, compare=None) -> None:
        """Set the controls from code (tests, notebook cells); a bad value gets a message."""
        from ..models.cnn import check_architecture

        filters, kernels = check_architecture(
            filters or self.architecture[0], kernels or self.architecture[1]
        )
        if self._trainer.running:
            raise StudentError("cnn.busy")
        for layer, (value, offered) in enumerate(
            zip(filters, (FILTERS1, FILTERS2), strict=True), 1
        ):
            if value not in offered:
                names = ", ".join(map(str, offered))
                raise StudentError("cnn.bad_filters", layer=layer, names=names, value=value)
        for layer, value in enumerate(kernels, 1):
            if value not in KERNEL_SIZES:
                names = ", ".join(map(str, KERNEL_SIZES))
                raise StudentError("cnn.bad_kernel", layer=layer, names=names, value=value)
        if epochs is not None and not (whole_number(epochs) and EPOCHS[0] <= epochs <= EPOCHS[1]):
            value = number(epochs, self.lang)
            raise StudentError("cnn.bad_epochs", low=EPOCHS[0], high=EPOCHS[1], value=value)
        if images is not None:
            if self._data is None and self._data_error is not None:
                raise self._data_error  # no MNIST: that is what to fix first
            offered = [value for _, value in self._images.options]
            if not (whole_number(images) and images in offered):
                names = ", ".join(map(str, offered))
                value = number(images, self.lang)
                raise StudentError("cnn.bad_images", names=names, value=value)
        if compare is not None and not isinstance(compare, bool | np.bool_):
            raise StudentError("cnn.bad_compare", value=compare)
        controls = (self._filters1, self._filters2, self._kernel1, self._kernel2)
        for control, value in zip(controls, (*filters, *kernels), strict=True):
            control.unobserve(self._on_architecture_change, names="value")
            control.value = value
            control.observe(self._on_architecture_change, names="value")
        if epochs is not None:
            self._epochs.value = int(epochs)
        if images is not None:
            self._images.value = int(images)
        if compare is not None:
            self._with_mlp.value = bool(compare)
        self.rebuild()

    @shows_errors
    def rebuild(self) -> None:
        """A new untrained CNN (and MLP) with the chosen architecture, views redrawn."""
        from ..models.cnn import activation_model, build_cnn, build_mlp

        if self._trainer.running:
            raise StudentError("cnn.busy")
        filters, kernels = self.architecture
        self.model = build_cnn(filters, kernels, seed=0)
        self.mlp = build_mlp(seed=0)
        self.views = activation_model(self.model)
        self.results = {}
        if self.diverged is not None or self._nan_shown:  # fresh weights: numbers again
            self.diverged, self._nan_shown = None, False
            self.clear_error()
        self.history = {k: [] for k in self.history}
        self._map.max = max(filters) - 1
        self._status.value = f"<div>{self._t('untrained', params=self.model.count_params())}</div>"
        self._draw_curves()
        self._draw_table()
        self.refresh_views()

    @shows_errors
    def train(self, background: bool = True) -> None:
        """Train the CNN (then the MLP, if chosen) from fresh weights, in the background."""
        if self.model is None:
            return
        if self._trainer.running:
            raise StudentError("cnn.busy")
        if self._data is None:
            self._load_data()
            if self._data is None:
                return
        self.rebuild()
        self.trained.clear()
        x, y, x_test, y_test = self._training_arrays()
        self._epochs_asked = int(self._epochs.value)
        # The same batches Keras would cut from the arrays, without its per-epoch stall
        # (see training.batches).
        train_batches = batches(x, y, BATCH, shuffle=True)
        fit = {
            "epochs": self._epochs_asked,
            "validation_data": batches(x_test, y_test, BATCH),
            "shuffle": False,  # the pipeline shuffles; Keras would warn that it cannot
        }
        models = [("CNN", self.model)] + ([("MLP", self.mlp)] if self._with_mlp.value else [])
        self._fit_times = {}  # name -> [start, end] of its fit, for "s per epoch"
        jobs = [
            FitJob(model, train_batches, None, {**fit, "callbacks": [self._timer(name)]}, name)
            for name, model in models
        ]
        self._run_id += 1
        run_id = self._run_id
        self._train.disabled, self._stop.disabled = True, False
        self._progress.value = 0
        self._trainer.on_done = lambda trainer: self._on_done(run_id, trainer, x_test, y_test)
        self._start_viewer(run_id)
        (self._trainer.start if background else self._trainer.run_here)(*jobs)

    @shows_errors
    def select_map(self, layer: str, channel: int) -> None:
        """Show how map ``channel`` of ``layer`` is computed (what a click on a map does)."""
        if not (isinstance(layer, str) and layer in LAYER_NAMES):
            raise StudentError("cnn.bad_layer", value=layer, names=", ".join(LAYER_NAMES))
        filters = self.architecture[0][0 if layer.endswith("1") else 1]
        if not (whole_number(channel) and 0 <= channel < filters):
            value = number(channel, self.lang)
            raise StudentError("cnn.bad_map", layer=layer, high=filters - 1, value=value)
        with self.hold_trait_notifications():
            self._layer.value = layer
        self._map.value = int(channel)
        self._draw_explanation()

    def refresh_views(
        self, explanation: bool = True, charts: bool = True, live: bool = False
    ) -> None:
        """Redraw filters and every layer's maps, and (if asked) the explanation and the
        charts (softmax bars, loss and accuracy curves; drawn as shapes when ``live``,
        that is while the network trains: see "live charts" in ``figures/curves.py``)."""
        with self._view_lock:
            self._refresh_views(explanation, charts, live)

    def _refresh_views(self, explanation: bool, charts: bool, live: bool) -> None:
        from ..models.cnn import activations, first_layer_filters

        image = self.digits.image()
        if image is None:
            self.show_error(self.digits.blank_message)
            return
        self.acts = activations(self.views, image)
        if not np.isfinite(self.acts["softmax"]).all() and self.diverged is None:
            self._nan_shown = True
            self.show_error(self._t("not_numbers"))
        filters = first_layer_filters(self.model)
        draw_rasters(self.filters, [raster(mosaic(filters, 8, True, 64), DIVERGING, -1, 1)])
        self._draw_layers(image)
        if charts:
            self._draw_softmax(live)
            self._draw_curves(live)
        if explanation:
            self._draw_explanation()
        self.refresh_times.append(time.perf_counter())

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        self.rebuild()

    def _load_data(self) -> None:
        try:
            self._data = load_mnist()
        except MnistUnavailableError as error:  # its sentence, in the page's language
            self._data_error = error
            self.show_error(error)
            return
        self._data_error = None
        n = len(self._data.x_train)
        options = [(number(c, self.lang, ","), c) for c in IMAGE_COUNTS if c < n]
        options.append((self._t("all", n=number(n, self.lang, ",")), n))
        self._images.options = options
        self._images.value = min(8000, n) if any(v == min(8000, n) for _, v in options) else n

    def _training_arrays(self):
        from ..models.cnn import prepare_images

        n, d = int(self._images.value), self._data
        return (
            prepare_images(d.x_train[:n]),
            one_hot(d.y_train[:n]),
            prepare_images(d.x_test),
            one_hot(d.y_test),
        )

    # Drawing ------------------------------------------------------------------------------
    def _draw_layers(self, image) -> None:
        # The input does not change while the network trains: send it only when it does.
        same = self._drawn_input is not None and np.array_equal(self._drawn_input, image)
        panels = [None if same else raster(image, IMAGE_SCALE, 0, 1)]
        self._drawn_input = image
        for name in LAYER_NAMES:
            panels.append(raster(mosaic(self.acts[name], cols=MOSAIC_COLS), POSITIVE, 0, 1))
        titles = [self._t("fig_input")] + [
            self._t(
                "fig_layer",
                name=name,
                shown=min(MAX_TILES, len(self.acts[name])),
                count=len(self.acts[name]),
            )
            for name in LAYER_NAMES
        ]
        draw_rasters(self.layers, panels)
        self._draw_tile_numbers()
        if titles != self._layer_titles:  # only after an architecture change: plotly's
            self._layer_titles = titles  # "annotations[i].text" paths are slow to parse
            for annotation, title in zip(self.layers.layout.annotations, titles, strict=True):
                annotation.text = title

    def _draw_tile_numbers(self) -> None:
        """The click layers' tile numbers, sent only when a mosaic's layout changed."""
        layout = [
            (min(MAX_TILES, len(self.acts[name])), self.acts[name].shape[-1])
            for name in LAYER_NAMES
        ]
        if layout == self._tile_layout:
            return
        self._tile_layout = layout
        update_traces(
            self.layers,
            # NaN on the gaps, sent as None: JSON has no NaN (issue 13)
            [
                {"z": finite_or_none(tile_numbers(n, size, min(MOSAIC_COLS, n)))}
                for n, size in layout
            ],
        )

    def _draw_explanation(self) -> None:
        from ..models.cnn import explain_map

        layer, channel = self._layer.value, int(self._map.value)
        if not self.acts or channel >= len(self.acts[layer]):
            self._explain_text.value = ""
            return
        ex = explain_map(self.model, self.acts, self.digits.image(), layer, channel)
        if layer.startswith("pool"):
            text = self._t(
                "explain_pool", channel=channel, layer=layer, source=layer.replace("pool", "conv")
            )
            panels = [
                raster(mosaic(ex.inputs), POSITIVE, 0, 1),
                EMPTY,
                EMPTY,
                raster(mosaic(ex.output[None]), POSITIVE, 0, 1),
            ]
        else:
            shown = min(MAX_TILES, len(ex.inputs))
            text = self._t(
                "explain_conv",
                channel=channel,
                layer=layer,
                m=len(ex.inputs),
                bias=ex.bias,
                shown=shown,
            )
            panels = [
                raster(mosaic(ex.inputs, cols=MOSAIC_COLS), POSITIVE, 0, 1),
                raster(mosaic(ex.kernels, cols=MOSAIC_COLS, signed=True), DIVERGING, -1, 1),
                raster(mosaic(ex.partials, cols=MOSAIC_COLS, signed=True), DIVERGING, -1, 1),
                raster(mosaic(np.maximum(ex.total, 0)[None]), POSITIVE, 0, 1),
            ]
        self._explain_text.value = f"<div style='font-size:15px'>{html.escape(text)}</div>"
        draw_rasters(self.explain, panels)

    def _draw_softmax(self, live: bool = False) -> None:
        """The softmax bars: while training (``live``) as shapes, the trace empty and mute."""
        probabilities = self.acts["softmax"]
        if live:
            blank = {"y": [0.0] * CLASSES, "text": [""] * CLASSES, "hoverinfo": "skip"}
            update_traces(self.probabilities, [blank], {"shapes": bar_shapes(probabilities)})
        else:
            bars = probability_data([str(d) for d in range(CLASSES)], probabilities)
            update_traces(self.probabilities, [{**bars[0], "hoverinfo": "all"}], {"shapes": []})

    def _draw_curves(self, live: bool = False) -> None:
        """Loss and accuracy so far: while training (``live``) as shapes on fixed axes (the
        epochs asked for; the loss from 0 to at least ln 10, where an untrained net starts)."""
        # The training thread appends x, then loss, then accuracy: cut to the shortest.
        h = self.history
        n, m = len(h["accuracy"]), len(h["val_accuracy"])
        series = [
            (h["x"][:n], h["loss"][:n]),
            (h["x"][:n], h["accuracy"][:n]),
            (h["val_x"][:m], h["val_accuracy"][:m]),
        ]
        if live:
            top = max([LOSS_TOP, *(1.05 * v for v in series[0][1] if np.isfinite(v))])
            layout = {
                "shapes": curve_shapes(self.curves, series),
                "xaxis.range": [0, self._epochs_asked],
                "yaxis.range": [0, round(top, 2)],
            }
            # One empty point a trace keeps the legend (plotly.js leaves traces without
            # points out of it) and draws nothing.
            update_traces(self.curves, [{"x": [None], "y": [None]}] * len(series), layout)
        else:
            traces = [{"x": list(x), "y": finite_or_none(y)} for x, y in series]
            layout = {"shapes": [], "xaxis.autorange": True, "yaxis.autorange": True}
            update_traces(self.curves, traces, layout)

    def _draw_table(self) -> None:
        t = self._t
        rows = []
        for name, model in (("CNN", self.model), ("MLP", self.mlp)):
            result = self.results.get(name)
            accuracy = finite(result["accuracy"]) if result else None
            lang = self.lang
            acc = number(accuracy, lang, ".1%") if accuracy is not None else t("not_trained")
            seconds = number(result["seconds"], lang, ".2f") if result else t("not_trained")
            params = number(model.count_params(), lang, ",")
            rows.append(
                f"<tr><td>{name}</td><td>{params}</td><td>{acc}</td><td>{seconds}</td></tr>"
            )
        head = "".join(
            f"<th>{t(k)}</th>" for k in ("table_model", "table_params", "table_acc", "table_time")
        )
        self._table.value = (
            "<table class='dl-table' style='border-collapse:collapse;font-size:15px;text-align:right'>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
            f"<div style='font-size:13px;color:#444'>{t('table_reference')}</div>"
            "<style>.dl-table td,.dl-table th{padding:3px 10px;border-bottom:1px solid #ddd}</style>"
        )

    # Events -------------------------------------------------------------------------------
    @shows_errors
    def _on_train_click(self, button) -> None:
        self.train()

    @shows_errors
    def _on_architecture_change(self, change) -> None:
        self.rebuild()

    @shows_errors
    def _on_selection_change(self, change) -> None:
        self._draw_explanation()

    @shows_errors
    def _on_image_change(self) -> None:
        self.clear_error()
        if self.model is not None and not self._trainer.running:
            self.refresh_views()

    @shows_errors
    def _on_map_click(self, trace, points, selector) -> None:
        if not points.point_inds:
            return
        layer = list(LAYER_NAMES)[self.layers.data.index(trace)]
        size = self.acts[layer].shape[-1]
        count = min(MAX_TILES, len(self.acts[layer]))
        index = tile_at(points.xs[0], points.ys[0], size, min(MOSAIC_COLS, count), count)
        if index is not None:
            self.select_map(layer, index)

    def _on_progress(self, progress: Progress) -> None:
        # From the training thread, at most every REFRESH_S seconds (BackgroundFit throttles).
        self._record_epoch_ends(progress)
        if progress.done or not self._loss_is_a_number(progress):
            return
        self._progress.value = (progress.job + progress.fraction) / (1 + self._with_mlp.value)
        self._status.value = "<div>{}</div>".format(
            self._t(
                "training",
                name=progress.name,
                epoch=progress.epoch + 1 if progress.batch else progress.epoch,
                epochs=progress.epochs,
                batch=progress.batch,
                batches=progress.batches,
            )
        )
        if progress.job != 0:
            return
        self._record(progress)
        self._view_wanted.set()  # drawn by the viewer thread, so that fit goes on meanwhile

    def _loss_is_a_number(self, progress: Progress) -> bool:
        """False, and the training stopped, once the loss is NaN or infinite.

        The weights are then NaN too and every later batch only repeats it. The progress
        reports come at most every REFRESH_S: the training goes on at most that long.
        """
        loss = progress.logs.get("loss")
        if loss is None or finite(loss) is not None:
            return True
        if self.diverged is None:
            epoch = progress.epoch + 1 if progress.batch else progress.epoch
            self.diverged = (progress.name, epoch, progress.batch, f"{float(loss)}")
            self._trainer.stop()
        return False

    def _start_viewer(self, run_id: int) -> None:
        """A thread that redraws the views whenever the training asks (see _on_progress).

        Drawing the views took about 80 ms of Python when they were heatmaps (18 ms as
        PNG images); done in the training thread it slowed training by a fifth.
        TensorFlow releases the interpreter while it computes, so in their own thread the
        views cost the training much less.
        """

        def loop() -> None:
            count = 0
            while run_id == self._run_id and not self.trained.is_set():
                if not self._view_wanted.wait(0.1):
                    continue
                self._view_wanted.clear()
                count += 1
                try:
                    if self.digits.image() is not None:
                        # The explanation (4 more images) and the charts every few
                        # refreshes: the maps are what the student watches while it trains.
                        self.refresh_views(
                            explanation=count % EXPLAIN_EVERY == 0,
                            charts=count % CURVES_EVERY == 0,
                            live=True,
                        )
                except Exception as error:  # noqa: BLE001  (a thread: show it, never lose it)
                    self.show_error(error)

        self._view_wanted.clear()
        self._viewer = threading.Thread(target=loop, name="cnn-views", daemon=True)
        self._viewer.start()

    def _record_epoch_ends(self, progress: Progress) -> None:
        """The CNN's test accuracy after each of its epochs: every epoch's end reaches here,
        however the reports were throttled (``Progress.ended``), the last one in the final
        report."""
        h = self.history
        for end in progress.ended:
            accuracy = finite(end.logs.get("val_accuracy"))
            if end.job == 0 and accuracy is not None:
                h["val_x"].append(end.epoch)
                h["val_accuracy"].append(accuracy)

    def _record(self, progress: Progress) -> None:
        h, logs = self.history, progress.logs
        x = progress.epoch + (progress.batch / progress.batches if progress.batches else 0.0)
        if "loss" in logs:
            h["x"].append(round(x, 3))
            h["loss"].append(float(logs["loss"]))
            h["accuracy"].append(float(logs.get("accuracy", np.nan)))

    def _on_done(self, run_id: int, trainer: BackgroundFit, x_test, y_test) -> None:
        # From the training thread, once, whatever happened.
        if run_id != self._run_id:
            return
        try:
            self._train.disabled, self._stop.disabled = False, True
            if trainer.error is not None:
                self.show_error(trainer.error)
                return
            self._collect_results(trainer, x_test, y_test)
            self._progress.value = 1
            self._draw_curves()
            self._draw_table()
            if self.digits.image() is not None:
                self.refresh_views()
            cnn = self.results.get("CNN")
            if self.diverged is not None:
                name, epoch, batch, loss = self.diverged
                self._status.value = f"<div>{self._t('stopped')}</div>"
                self.show_error(self._t("diverged", name=name, epoch=epoch, batch=batch, loss=loss))
            elif trainer.stopped or cnn is None:
                self._status.value = f"<div>{self._t('stopped')}</div>"
            else:
                self._status.value = "<div>{}</div>".format(
                    self._t("trained", params=self.model.count_params(), acc=cnn["accuracy"])
                )
        except Exception as error:  # noqa: BLE001  (a thread: show it, never lose it)
            self.show_error(error)
        finally:
            self.trained.set()

    def _timer(self, name: str):
        """A Keras callback that records when the fit of ``name`` begins and ends."""
        import keras

        times = self._fit_times
        return keras.callbacks.LambdaCallback(
            on_train_begin=lambda logs: times.__setitem__(name, [time.perf_counter(), None]),
            on_train_end=lambda logs: times[name].__setitem__(1, time.perf_counter()),
        )

    def _collect_results(self, trainer: BackgroundFit, x_test, y_test) -> None:
        for index, (name, model) in enumerate((("CNN", self.model), ("MLP", self.mlp))):
            if index >= len(trainer.histories) or name not in self._fit_times:
                break
            if self.diverged is not None and self.diverged[0] == name:
                break  # its weights are NaN: no accuracy to compare (and nothing ran after)
            history = trainer.histories[index].history
            epochs = max(len(history.get("loss", [])), 1)
            start, end = self._fit_times[name]
            accuracy = history.get("val_accuracy", [None])[-1]
            if accuracy is None:
                accuracy = model.evaluate(x_test, y_test, verbose=0)[1]
            if name == "CNN":
                self._close_curves(history, epochs)
            self.results[name] = {
                "accuracy": float(accuracy),
                "seconds": ((end or time.perf_counter()) - start) / epochs,
                "epochs": epochs,
            }

    def _close_curves(self, history: dict, epochs: int) -> None:
        """End the loss/accuracy curves at the last epoch's values (a throttled progress
        report may have skipped the last batches)."""
        h = self.history
        if "loss" in history and (not h["x"] or h["x"][-1] < epochs):
            h["x"].append(float(epochs))
            h["loss"].append(float(history["loss"][-1]))
            h["accuracy"].append(float(history.get("accuracy", [np.nan])[-1]))
