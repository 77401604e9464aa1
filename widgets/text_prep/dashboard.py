"""Lesson 15's text panel: sentences → TextVectorization → pad_sequences → Embedding.

The student types sentences (one a line) or picks a preset (short sentences, the opening
of *Pan Tadeusz* or of Shakespeare through :func:`widgets.data.text.load_corpus`); the
panel adapts a ``keras.layers.TextVectorization`` on them (lowercased in Python first:
Keras' default lowercases ASCII only) and shows the vocabulary (index → token), the
sequences padded and cut by ``keras.utils.pad_sequences`` (the padding grey), the
multi-hot / count / tf-idf matrix in those modes, the seeded Embedding's vectors as an
image, and the masking panel: the first sentence, padded and unpadded, through the same
Embedding → SimpleRNN gives the same final state with the mask and another without.

A new text, mode, n-gram or token limit adapts again; a new length or padding side only
pads again. ``dashboard.model`` is the Embedding model (``Input((maxlen,), int32) →
Embedding(len(vocabulary), 4, mask_zero=True)``) the padded ids go through;
``dashboard.vectorizer`` is the adapted TextVectorization (int mode).
"""

from __future__ import annotations

import threading
from html import escape

import ipywidgets
import numpy as np

from ..controls import column, dropdown, heading, html, row, slider, toggles
from ..data.text import load_corpus
from ..errors import StudentError
from ..figures.live import replace_layout_item
from ..i18n import number, numbers_list
from ..models import preprocessing as prep  # Keras only inside its functions
from ..recent import Recent
from ..training import Painter
from ..ui import Dashboard, Setting, reacts
from .code import keras_code
from .figures import (
    STYLE,
    embedding_figure,
    embedding_url,
    matrix_html,
    sequences_html,
    vocabulary_html,
)
from .texts import SENTENCES, TEXT

DIM = 4  # numbers a token in the Embedding
SEED = 0
UNITS = 3  # the masking panel's SimpleRNN
KEPT = 16  # adapted TextVectorization layers kept (see _vectorize)
PROBE_SIZE = 256  # its Embedding's rows: rebuilt only for a larger vocabulary
CORPUS_LINES = 8  # a preset corpus's first non-empty lines
MODE_LABELS = (("int", "int"), ("multi-hot", "multi_hot"), ("count", "count"), ("tf-idf", "tf_idf"))


class TextPrepDashboard(Dashboard):
    """See the module docstring."""

    def __init__(self, lang: str = "pl", text: str | None = None):
        super().__init__(lang)
        self._t = TEXT.for_language(lang)
        self.vectorizer = None
        self.vocabulary: list[str] = []
        self.sequences: list[list[int]] = []
        self.padded = np.zeros((0, 0), dtype=np.int32)
        self.matrix = self.matrix_vocabulary = None
        self.vectors = None
        self.masking = None
        self._adapted = Recent(KEPT)  # (texts, mode, n-grams, limit) → layer
        self._embedding = None  # the Embedding layer on screen
        self._probe = None  # the masking panel's Embedding → SimpleRNN
        self._mask_job = None  # (ids, maxlen, padding, vocabulary size) to draw
        self._masked = threading.Event()  # the masking panel shows the newest job
        self._masker = Painter(self._mask_now, 0.05, on_demand=True, name="masking")
        self._masker.on_error = self.show_error
        self.texts: list[str] = []  # the sentences last adapted on
        self._start_text = text if text is not None else SENTENCES[self.lang]
        self._build()

    # Construction -------------------------------------------------------------------------
    def _build_controls(self) -> None:
        t = self._t
        # Sent when the student leaves the box, as the help says and every text box of the
        # course does (controls.text_box): not a new adapt at every key.
        self._text = ipywidgets.Textarea(
            self._start_text, description=t("text"), continuous_update=False
        )
        self._text.layout = {"width": "340px", "height": "130px"}
        presets = [
            (t("preset_sentences"), "sentences"),
            (t("preset_pan_tadeusz"), "pan_tadeusz"),
            (t("preset_shakespeare"), "shakespeare"),
        ]
        self._preset = dropdown(t("preset"), presets, "sentences")
        self._mode = toggles(t("mode"), list(MODE_LABELS), "int", button_width="70px",
                             long_label=True)  # fmt: skip
        self._ngrams = slider(t("ngrams"), 1, 1, 3, 1, integer=True)
        self._max_tokens = slider(t("max_tokens"), 50, 3, 100, 1, integer=True)
        self._maxlen = slider(t("maxlen"), 8, 1, 30, 1, integer=True)
        sides = [("pre", "pre"), ("post", "post")]
        self._padding = toggles(t("padding"), sides, "pre", button_width="60px", long_label=True)
        self._truncating = toggles(t("truncating"), sides, "pre", button_width="60px",
                                   long_label=True)  # fmt: skip
        self._text.add_class("dl-sentences")
        for name in ("preset", "mode", "ngrams", "max_tokens", "maxlen", "padding", "truncating"):
            getattr(self, f"_{name}").add_class(f"dl-{name.replace('_', '-')}")
        self._model_controls = [
            self._text, self._preset, self._mode, self._ngrams, self._max_tokens,
            self._maxlen, self._padding, self._truncating,
        ]  # fmt: skip

    def _build_figures(self) -> None:
        t = self._t
        self._vocabulary = html("", "dl-text", "dl-vocabulary")
        self._size = html("", "dl-note", "dl-vocabulary-size")
        self._sequences = html("", "dl-text", "dl-sequences-view")
        self._matrix = html("", "dl-text", "dl-matrix-view")
        self._matrix.layout.display = "none"
        self.embedding_figure = embedding_figure(t("embedding_title", dim=DIM))
        self._masking = html("", "dl-text", "dl-masking")

    def _lay_out(self) -> None:
        t = self._t
        controls = column(
            [
                html(t("help"), "dl-note"),
                self._preset,
                self._text,
                self._mode,
                self._ngrams,
                self._max_tokens,
                self._maxlen,
                self._padding,
                self._truncating,
                html(t("lower_note"), "dl-note"),
            ]
        )
        vocabulary = ipywidgets.VBox([heading(t("vocabulary")), self._size, self._vocabulary])
        vocabulary.layout.width = "230px"
        image = ipywidgets.Box([self.embedding_figure])
        views = ipywidgets.VBox(
            [
                heading(t("sequences")),
                self._sequences,
                self._matrix,
                image,
                heading(t("masking_title")),
                self._masking,
            ]
        )
        views.layout.max_width = "640px"
        self._page(t("title"), t("intro"), row([controls, vocabulary, views]), style=STYLE)
        self.add_class("dl-text-prep")
        self.add_class("dl-sharp-images")  # the Embedding's pixels stay square

    def _wire(self) -> None:
        for control in (self._text, self._mode, self._ngrams, self._max_tokens):
            control.observe(self._on_text_change, names="value")
        for control in (self._maxlen, self._padding, self._truncating):
            control.observe(self._on_padding_change, names="value")
        self._preset.observe(self._on_preset_change, names="value")

    def _settings(self) -> dict:
        """``configure(text=..., text_mode="int"|"multi_hot"|"count"|"tf_idf", ngrams=...,
        max_tokens=..., maxlen=..., text_padding="pre"|"post", text_truncating=...,
        text_preset=...)`` (names of their own: the lesson's page holds other panels)."""
        return {
            "text": Setting(self._text, check=self._check_text),
            "text_preset": self._preset,
            "text_mode": self._mode,
            "ngrams": self._ngrams,
            "max_tokens": self._max_tokens,
            "maxlen": self._maxlen,
            "text_padding": self._padding,
            "text_truncating": self._truncating,
        }

    def _check_text(self, value) -> str:
        prep.sentences(value)  # raises the empty-text message
        return value

    def _after_configure(self, settings: dict) -> None:
        if "text_preset" in settings and "text" not in settings:
            self._apply_preset()
        if self.ready.is_set():  # before, _build_model draws what the controls say
            self._refresh()

    # Public API ---------------------------------------------------------------------------
    def code(self) -> str:
        """TextVectorization + adapt + pad_sequences + Embedding ("show the code")."""
        return keras_code(
            self.texts or prep.sentences(self._text.value), self._mode.value, int(self._ngrams.value),
            self._max_tokens_value(), int(self._maxlen.value), self._padding.value,
            self._truncating.value, DIM, SEED, self.lang,
        )  # fmt: skip

    @property
    def model(self):
        """``Sequential([Input((maxlen,), int32), Embedding(len(vocabulary), 4,
        mask_zero=True)])``: the Embedding on screen (the model is built at the first read
        after a change)."""
        if self._model is None and self._embedding is not None:
            self._model = prep.embedding_model(
                len(self.vocabulary), self.padded.shape[1], layer=self._embedding
            )
        return self._model

    @model.setter
    def model(self, value) -> None:
        self._model = value

    @property
    def vocabulary_text(self) -> str:
        """The vocabulary as the page shows it, one "index token" a line (tests)."""
        return "\n".join(f"{i} {token}" for i, token in enumerate(self.vocabulary))

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        try:
            self._refresh()
        except StudentError as error:  # a text given to the constructor: told, and the
            self.show_error(error)  # panel still comes alive for a better one

    # Events -------------------------------------------------------------------------------
    @reacts
    def _on_text_change(self, change) -> None:
        self._refresh(keep_sequences=change["owner"] is self._mode)

    @reacts
    def _on_padding_change(self, _change) -> None:
        self._repad()

    @reacts
    def _on_preset_change(self, _change) -> None:
        self._apply_preset()

    def _apply_preset(self) -> None:
        name = self._preset.value
        if name == "sentences":
            text = SENTENCES[self.lang]
        else:
            corpus = load_corpus("pl" if name == "pan_tadeusz" else "en")
            lines = [line.strip() for line in corpus.splitlines() if line.strip()]
            text = "\n".join(lines[:CORPUS_LINES])
        self._text.value = text  # its observer adapts again

    # Computing and drawing ----------------------------------------------------------------
    def _max_tokens_value(self) -> int | None:
        """The slider's top means no limit."""
        value = int(self._max_tokens.value)
        return None if value >= self._max_tokens.max else value

    def _refresh(self, keep_sequences: bool = False) -> None:
        """Adapt on the text again (int, and the matrix mode), then pad and draw.

        ``keep_sequences`` (the mode's toggles): when the int layer is the one on screen,
        the sequences, the Embedding and the masking panel stay as they are and only the
        matrix is drawn (they were padded, embedded and sent again, the matrix's view
        waiting behind them)."""
        texts = prep.sentences(self._text.value)
        ngrams, limit, mode = int(self._ngrams.value), self._max_tokens_value(), self._mode.value
        if (tuple(texts), "int", ngrams, limit) not in self._adapted:
            # A new text: its vocabulary from Python first (prep.int_vocabulary, Keras' own
            # by the tests), shown while TextVectorization adapts (20-80 ms here).
            vocabulary = prep.int_vocabulary(texts, ngrams, limit)
            if len(vocabulary) > len(prep.SPECIAL):
                self._draw_vocabulary_list(vocabulary)
        vectorized = self._vectorize(texts, "int", ngrams, limit)
        matrix = self._vectorize(texts, mode, ngrams, limit) if mode != "int" else None
        same = keep_sequences and vectorized.layer is self.vectorizer
        self.clear_error()
        self.vectorizer = vectorized.layer
        self.texts = texts
        self.vocabulary = vectorized.vocabulary
        self.sequences = vectorized.sequences()
        self.matrix = None if matrix is None else matrix.output
        self.matrix_vocabulary = None if matrix is None else matrix.vocabulary
        self._draw_vocabulary()
        if same:
            self._refresh_code()  # the code names the mode
        else:
            self._repad()

    def _vectorize(self, texts: list[str], mode: str, ngrams: int, limit: int | None):
        """:func:`prep.vectorize`, keeping the last :data:`KEPT` adapted layers: a control
        moved back finds its layer (an adapt costs 10–50 ms here, a look-up nothing)."""
        key = (tuple(texts), mode, ngrams, limit)
        found = self._adapted.recent(key)
        if found is not None:
            return found
        return self._adapted.keep(key, prep.vectorize(texts, mode, ngrams, limit))

    def _repad(self) -> None:
        if self.vectorizer is None:
            return
        maxlen = int(self._maxlen.value)
        self.padded = prep.pad(self.sequences, maxlen, self._padding.value,
                               self._truncating.value)  # fmt: skip
        self._draw_sequences()  # text first: the page shows it before the image's redraw
        self._embed()
        self._mask()
        self._refresh_code()

    def _embed(self) -> None:
        """The padded ids through the Embedding layer (a new one only for a new vocabulary
        size: building the keras.Model around it waits until ``model`` is read).

        The layer is called once, when it is new (it builds its table); after that its
        output is looked up in the table with numpy, as ``Embedding.call`` does
        (``take(embeddings, ids)``), without an eager Keras call at every padding press."""
        size = len(self.vocabulary)
        self._model = None
        if self._embedding is None or self._embedding.input_dim != size:
            self._embedding = prep.embedding_layer(size, DIM, SEED)
            self.vectors = np.asarray(self._embedding(self.padded))
        else:  # the table read each time: a notebook may have set new weights
            self.vectors = np.take(np.asarray(self._embedding.embeddings), self.padded, axis=0)
        with self._lock:
            replace_layout_item(self.embedding_figure, "images", 0,
                                {"source": embedding_url(self.vectors)})  # fmt: skip

    def _mask(self) -> None:
        """Ask the painter thread for the masking panel: three SimpleRNN calls in eager
        Keras take 30–100 ms, which the sequences and the Embedding need not wait for."""
        first = next((r for r in self.padded if (r != 0).any()), None)
        if first is None:
            self.masking = None
            self._masking.value = ""
            return
        ids = [int(i) for i in first if i != 0]
        self._mask_job = (ids, len(first), self._padding.value, len(self.vocabulary))
        self._masked.clear()
        if not self._masker.running:
            self._masker.start()
        self._masker.request()

    def _mask_now(self) -> None:
        """In the painter's thread: the newest job's masking panel."""
        job = self._mask_job
        if job is None:
            return
        ids, maxlen, padding, size = job
        if getattr(self._probe, "size", 0) < size:  # one probe serves every smaller vocabulary
            self._probe = prep.MaskingProbe(max(PROBE_SIZE, 2 * size), DIM, UNITS, SEED)
        result = prep.masking_demo(ids, maxlen, padding, probe=self._probe)
        t = self._t
        text = t(
            "masking",
            units=UNITS,
            ids=escape(str(ids)),
            padded=escape(str(result.padded.tolist()))
            + ("" if len(ids) < maxlen else " " + t("no_padding")),
            unpadded=self._vector(result.unpadded),
            masked=self._vector(result.masked),
            unmasked=self._vector(result.unmasked),
            same=t("same") if result.equal else t("not_same"),
            differs=t("differs") if len(ids) < maxlen and result.unmasked_gap > 1e-6 else "",
        )
        with self._lock:
            if self._mask_job is job:  # else a newer one is asked for: the painter comes back
                self.masking = result
                self._masking.value = text
                self._masked.set()

    def wait_masked(self, timeout: float = 30.0) -> TextPrepDashboard:
        """Block until the masking panel shows the current sequences (tests, notebooks)."""
        if not self._masked.wait(timeout):
            raise TimeoutError("the masking panel was not drawn in time")
        return self

    def _vector(self, values) -> str:
        texts = [number(round(float(v), 3), self.lang) for v in values]
        return "[" + numbers_list(texts, self.lang) + "]"

    def _draw_vocabulary(self) -> None:
        t = self._t
        self._draw_vocabulary_list(self.vocabulary)
        if self.matrix is None:
            self._matrix.layout.display = "none"
            return
        label = escape(t("matrix", mode=self._mode.value))
        table = matrix_html(self.matrix, self.matrix_vocabulary, t("sentence_no"), self.lang)
        self._matrix.value = f"<b>{label}</b>{table}"
        self._matrix.layout.display = None

    def _draw_vocabulary_list(self, vocabulary: list[str]) -> None:
        t = self._t
        limit = self._max_tokens_value() or t("no_limit")
        self._size.value = escape(t("vocabulary_size", n=len(vocabulary), limit=limit))
        self._vocabulary.value = vocabulary_html(vocabulary, escape(t("padding_token")))

    def _draw_sequences(self) -> None:
        t = self._t
        self._sequences.value = sequences_html(self.padded, self.vocabulary, t("sentence_no"))
