"""Lesson 16's first panel: a Keras application (MobileNetV2, ResNet50, VGG16…) on a photo.

Pick a network and a sample photo (files that ship with scikit-learn and matplotlib) or
upload one; the panel shows the photo as the network sees it (its input size), the
network's ``preprocess_input`` formula with the value range before and after, the top-5
``decode_predictions`` as bars, the network's parameter count and weight file, and the
feature maps of a chosen convolution layer.

The photo is drawn at once (PIL and numpy); loading a network and classifying run in a
background thread (:class:`widgets.training.Painter`, newest request only) with the
seconds counted on the status line. Without the weights (no cache, no network) a box says
so, names the file and the folder, and the photo and preprocessing still work
(:mod:`widgets.models.applications`). ``dashboard.model`` is the loaded application.
"""

from __future__ import annotations

import threading
import time
from html import escape

import ipywidgets
import numpy as np

from ..backend import keras_future
from ..controls import boxed, column, dropdown, html, plain_text, row
from ..errors import StudentError, describe
from ..figures.feature_maps import draw_rasters
from ..figures.live import update_traces
from ..i18n import number
from ..models import applications as apps  # Keras only inside its functions
from ..training import Painter
from ..ui import Dashboard, Setting, reacts
from .code import keras_code
from .figures import bars_data, bars_figure, maps_figure, maps_panel, photo_figure, photo_panel
from .texts import TEXT

UPLOAD = "upload"  # the photo menu's value for the uploaded file


class ApplicationsDashboard(Dashboard):
    """See the module docstring."""

    def __init__(self, lang: str = "pl", application: str = apps.DEFAULT, photo: str = "china"):
        super().__init__(lang)
        self._t = TEXT.for_language(lang)
        self._first = apps.application(application).name, photo
        self.prepared: apps.Prepared | None = None  # the photo for the current network
        self.predictions: list[tuple[str, str, float]] = []  # the top-5 rows shown
        self.maps: np.ndarray | None = None  # (h, w, channels) of the chosen layer
        self.missing: StudentError | None = None  # why the current network has no weights
        self.classify_seconds = float("nan")  # the last classification (model call + decode)
        self.classifications = 0
        self._image = None  # the current photo, PIL RGB at full size
        self._upload: tuple[str, bytes] | None = None
        self._busy = False
        self._worker = Painter(self._work, 0.02, on_demand=True, name="applications")
        self._worker.on_error = self.show_error
        self._build()

    # Construction -------------------------------------------------------------------------
    def _build_controls(self) -> None:
        t = self._t
        names = [(f"{a.name} ({a.megabytes} MB)", a.name) for a in apps.CATALOGUE.values()]
        self._application = dropdown(t("application"), names, self._first[0])
        photos = [(t(f"sample_{key}"), key) for key in apps.SAMPLES]
        self._photo = dropdown(t("sample"), photos, self._first[1])
        self._file = ipywidgets.FileUpload(
            accept="image/*", multiple=False, description=t("upload")
        )
        self._layer = dropdown(t("layer"), [(t("no_layers"), "")], "")
        for name in ("application", "photo", "file", "layer"):
            getattr(self, f"_{name}").add_class(f"dl-{name}")
        self._model_controls = [self._layer]

    def _build_figures(self) -> None:
        t = self._t
        self.photo_figure = photo_figure()
        self.bars_figure = bars_figure(t("probability"))
        self.maps_figure = maps_figure()
        self._seen = html("", "dl-note")
        self._formula = html("", "dl-text")
        self._range = html("", "dl-text", "dl-range")
        self._info = html("", "dl-text", "dl-info")
        self._status = html("", "dl-status")
        self._missing = html("", "dl-box", "dl-box-warn", "dl-text", "dl-missing")
        self._missing.layout.display = "none"
        self._maps_title = html("", "dl-note")

    def _lay_out(self) -> None:
        t = self._t
        controls = column([self._application, self._photo, self._file, self._info,
                           self._status, self._missing])  # fmt: skip
        photo = ipywidgets.VBox([self._seen, boxed(self.photo_figure, "seen-photo")])
        self._bars_box = ipywidgets.VBox(
            [html(f"<b>{t('top5_title')}</b>"), boxed(self.bars_figure, "bars")]
        )
        self._maps_box = boxed(self.maps_figure, "maps")
        bars = self._bars_box
        maps = ipywidgets.VBox([self._layer, self._maps_title, self._maps_box])
        steps = ipywidgets.VBox([self._formula, self._range])
        self._page(t("title"), t("intro"), row([controls, photo, bars]), steps, maps)
        self.add_class("dl-applications")

    def _wire(self) -> None:
        self._application.observe(self._on_application_change, names="value")
        self._photo.observe(self._on_photo_change, names="value")
        self._file.observe(self._on_file_change, names="value")
        self._layer.observe(self._on_layer_change, names="value")
        self._show_photo()

    def _settings(self) -> dict:
        """``configure(application="MobileNetV2"|…, photo="china"|"flower"|…, layer=...)``."""
        return {
            "application": Setting(self._application, check=self._check_application),
            "photo": self._photo,
            "layer": self._layer,
        }

    def _check_application(self, value):
        return apps.application(value).name

    def _after_configure(self, settings: dict) -> None:
        self._show_photo()
        self._request()

    # Public API ---------------------------------------------------------------------------
    @property
    def status_text(self) -> str:
        return plain_text(self._status.value)

    @property
    def missing_text(self) -> str:
        """The no-weights box as the student reads it ('' when the network is loaded)."""
        return plain_text(self._missing.value) if self._missing.layout.display != "none" else ""

    @property
    def busy(self) -> bool:
        return self._busy or self._worker._wanted.is_set()

    def wait_idle(self, timeout: float = 120.0) -> ApplicationsDashboard:
        """Block until loading and classifying are done (tests, notebooks)."""
        end = time.monotonic() + timeout
        while self.busy:
            if time.monotonic() > end:
                raise TimeoutError("the network did not finish in time")
            time.sleep(0.02)
        return self

    def code(self) -> str:
        """Load, preprocess, predict and decode for the current photo ("show the code")."""
        photo = self._photo.value
        sample = None if photo == UPLOAD else photo
        upload = self._upload[0] if self._upload else ""
        layer = self._layer.value or None
        return keras_code(self._application.value, sample, upload, layer, self.lang)

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        self._show_photo()
        self._work()

    def _request(self) -> None:
        if not self._worker.running:
            self._worker.start()
        self._worker.request()

    def _work(self) -> None:
        """Load the chosen network if it is not the current one, then classify the photo."""
        self._busy = True
        try:
            name = self._application.value
            if self._tried != name:  # a network without weights is tried once a choice
                self._load(name)
            self._classify()
        finally:
            self._busy = False

    _loaded_as: str | None = None  # the catalogue name of self.model
    _tried: str | None = None  # the network loaded or tried last
    _load_seconds: float | None = None

    def _load(self, name: str) -> None:
        self.model, self._loaded_as, self.missing, self._tried = None, None, None, name
        self._clear_results()
        done, start = threading.Event(), time.perf_counter()
        ticker = threading.Thread(target=self._tick, args=(name, done, start), daemon=True)
        ticker.start()
        try:
            model, missing = apps.load(name), None
        except StudentError as error:
            model, missing = None, error
        finally:
            done.set()
            ticker.join()  # before the status is written: the ticker writes it too
        if missing is not None:
            self._show_missing(name, missing)
            return
        model.name = name  # the model is known by its catalogue name (self._loaded_as)
        self.model, self._loaded_as = model, model.name
        self._load_seconds = time.perf_counter() - start
        self._missing.layout.display = "none"
        self._set_layers(apps.conv_layers(model))
        self._show_info(name, model)

    def _tick(self, name: str, done: threading.Event, start: float) -> None:
        while True:
            seconds = int(time.perf_counter() - start)
            self._status.value = escape(self._t("loading_model", name=name, seconds=seconds))
            if done.wait(1.0):
                return

    def _show_missing(self, name: str, error: StudentError) -> None:
        self.missing = error
        sentence, _ = describe(error, self.lang)
        note = self._t("no_model_note", name=name)
        self._missing.value = f"{escape(sentence)}<br>{escape(note)}"
        self._missing.layout.display = None
        self._status.value = ""
        # Hidden, not empty: an empty bar chart numbers its rows 0-4. (Never hidden before
        # the first drawing: the deferred TensorFlow import waits for every figure.)
        self._bars_box.layout.display = self._maps_box.layout.display = "none"
        self._set_layers([])
        self._show_info(name, None)

    def _show_info(self, name: str, model) -> None:
        entry = apps.application(name)
        parameters = model.count_params() if model is not None else entry.parameters
        self._info.value = self._t("info", name=name, parameters=parameters, mb=entry.megabytes,
                                   size=entry.size, top1=entry.top1)  # fmt: skip

    def _set_layers(self, names: list[str]) -> None:
        options = names or [(self._t("no_layers"), "")]
        with self._quietly():
            self._layer.options = options
            self._layer.value = names[0] if names else ""
        self._layer.disabled = not names

    # Events -------------------------------------------------------------------------------
    @reacts
    def _on_application_change(self, _change) -> None:
        self._show_photo()
        self._request()

    @reacts
    def _on_photo_change(self, _change) -> None:
        self._show_photo()
        self._request()

    @reacts
    def _on_layer_change(self, _change) -> None:
        self._request()

    @reacts
    def _on_file_change(self, change) -> None:
        files = change["new"]
        if not files:
            return
        item = files[0]
        try:
            content = bytes(item["content"])
            self._accept_upload(item.get("name", "photo"), content)
        finally:
            with self._quietly():
                self._file.value = ()  # the same file may be chosen again after a fix
        self._request()

    def _accept_upload(self, name: str, content: bytes) -> None:
        image = apps.open_image(content)  # a bad file raises here and changes nothing
        self._upload = (name, content)
        self._image = image
        options = [(k, v) for k, v in self._photo.options if v != UPLOAD]
        with self._quietly():
            self._photo.options = [*options, (self._t("uploaded", name=name), UPLOAD)]
            self._photo.value = UPLOAD
        self._show_photo(reopen=False)
        self._refresh_code()

    # Drawing ------------------------------------------------------------------------------
    def _show_photo(self, reopen: bool = True) -> None:
        """Open the chosen photo, resize it for the network, draw it and its value ranges."""
        photo, name = self._photo.value, self._application.value
        if reopen and photo != UPLOAD:
            self._image = apps.sample_image(photo)
        if self._image is None:
            return
        entry = apps.application(name)
        seen = np.asarray(apps.resize(self._image, entry.size), dtype=np.uint8)
        x = apps.preprocess(seen, name) if keras_future(start=False).done() else None
        self.prepared = apps.Prepared(seen, x, self._image.size) if x is not None else None
        width, height = self._image.size
        self._seen.value = escape(self._t("seen", size=entry.size, width=width, height=height))
        draw_rasters(self.photo_figure, [photo_panel(seen)])
        key = "formula_tf" if entry.mode == "tf" else "formula_caffe"
        self._formula.value = self._t(key, module=f"keras.applications.{entry.module}")
        self._range.value = escape(self._range_text(seen, x))

    def _range_text(self, seen: np.ndarray, x) -> str:
        def n(v):
            return number(round(float(v), 3), self.lang)

        low_in, high_in = n(seen.min()), n(seen.max())
        if x is None:
            return self._t("range_waiting", low_in=low_in, high_in=high_in)
        return self._t("range", low_in=low_in, high_in=high_in, low_out=n(x.min()),
                       high_out=n(x.max()))  # fmt: skip

    def _classify(self) -> None:
        with self._lock:
            self._show_photo(reopen=False)
            prepared, model = self.prepared, self.model
        if model is None or prepared is None:
            return
        start = time.perf_counter()
        rows = apps.top5(model, prepared.x)
        self.classify_seconds = time.perf_counter() - start
        self.classifications += 1
        self.predictions = rows
        update_traces(self.bars_figure, bars_data(rows))
        if not self.bars_figure.layout.yaxis.showticklabels:
            self.bars_figure.layout.yaxis.showticklabels = True  # the classes' names
        self._bars_box.layout.display = None
        self._draw_maps(model, prepared)
        self._show_status(rows)

    def _show_status(self, rows) -> None:
        ms = 1000 * self.classify_seconds
        if self._load_seconds is not None:  # the first classification after a load
            text = self._t("loaded", name=self._loaded_as, seconds=self._load_seconds, ms=ms)
            self._load_seconds = None
        else:
            text = self._t("classified", ms=ms)
        if rows and not rows[0][0]:
            text += " " + self._t("no_class_index")
        self._status.value = escape(text)

    def _draw_maps(self, model, prepared) -> None:
        layer = self._layer.value
        if not layer:
            return
        self.maps = apps.feature_maps(model, layer, prepared.x)
        h, w, channels = self.maps.shape
        title = self._t("maps_title", layer=layer, n=min(16, channels), channels=channels, h=h, w=w)
        self._maps_title.value = escape(title)
        draw_rasters(self.maps_figure, [maps_panel(self.maps)])
        self._maps_box.layout.display = None

    def _clear_results(self) -> None:
        self.predictions, self.maps = [], None
        update_traces(self.bars_figure, bars_data([]))
        self._maps_title.value = ""
        draw_rasters(self.maps_figure, [{"source": "", "rows": 1, "cols": 1}])
