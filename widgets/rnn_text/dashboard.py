"""Lesson 11, part 3: a character-level language model that writes while it learns.

recurrentjs's character demo with a real Keras model (:mod:`widgets.models.charlm`):
*Pan Tadeusz* (Polish page) or tiny Shakespeare (English), or a pasted text; GRU or LSTM,
layers, units, sequence length, a log-scale learning rate; training in the background
with a perplexity curve and samples after every epoch (the most likely character, and
two draws at the chosen temperature); Stop, and "train on" from where it stopped. A
model trained by ``scripts/train_char_model.py`` is loaded at the start, so the page
writes recognisable verse at once. Inside the model: a hidden unit's activation under
each character (LSTMVis) and which earlier characters a prediction depends on
(distill.pub's connectivity, by GradientTape).

A student's change of the cell, the layers or the units answers at once with the new
network's size (:func:`widgets.models.charlm.count_params`); its Keras model, the traces of
its writing and inside views and its first samples (0.4–9 s here: one traced step a
character) follow from a background worker, newest architecture first
(:class:`widgets.builds.NewestBuilds`). Untrained models are kept per
architecture and alphabet; one that has trained is never handed out again.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import ipywidgets
import numpy as np

from ..builds import NewestBuilds
from ..controls import (
    button,
    column,
    explain_disabled,
    heading,
    html,
    log_slider,
    row,
    slider,
    text_box,
    toggles,
)
from ..data.text import check_text, load_corpus
from ..errors import StudentError
from ..figures.live import update_traces
from ..i18n import number
from ..models import charlm
from ..training import BackgroundFit, FitJob, Progress
from ..ui import Setting, TrainingDashboard, ends_training, reacts, shows_errors
from .code import keras_code
from .figures import STYLE, coloured_text, perplexity_figure, samples_html
from .texts import TEXT

PRETRAINED = Path(__file__).resolve().parents[1] / "pretrained"
UNITS = (32, 64, 128, 256)
TEMPERATURE_RANGE = (0.1, 2.0)
SAMPLE_CHARS = 160  # a sample after each epoch: two lines of verse, quick to write
INSIDE_CHARS = 240  # the excerpt the inside views colour
BATCH = 64
REFRESH_S = 0.5
CACHED_BUILDS = 4  # untrained models kept: an architecture switched back is drawn at once


@dataclass(eq=False)
class Build:
    """A new model asked for: (spec, alphabet, trainings so far) as ``key``."""

    key: tuple
    spec: charlm.Spec
    vocabulary: charlm.Vocabulary


class CharModelDashboard(TrainingDashboard):
    """The character model's dashboard; see the module doc. ``corpus`` replaces the
    lesson's text (tests pass a small one); ``pretrained=False`` starts untrained."""

    def __init__(self, lang: str = "pl", corpus: str | None = None, pretrained: bool = True):
        super().__init__(lang)
        self._t = TEXT.for_language(lang)
        self._corpus, self._use_pretrained = corpus, pretrained
        self.model = self.vocabulary = self.spec = None
        self.history: dict[str, list] = {"x": [], "perplexity": []}
        self.epochs_trained, self.diverged = 0, False
        self._start = 0  # epochs trained before the running training began
        self._shipped_excerpt = ""
        self._excerpt_key: tuple | None = None  # what _excerpt() was cut from
        self._excerpt_text = ""
        self._sampled_at = -1  # epochs trained when the samples were last written  # a piece of the corpus, shipped beside the trained model
        self._states: np.ndarray | None = None  # hidden states of the excerpt, per model
        # (excerpt, position) -> (norms, logits) of the weights in force: a position seen
        # before answers without a gradient call (issue 24: 20-40 ms before anything showed)
        self._connectivities: dict[tuple[str, int], tuple[np.ndarray, np.ndarray]] = {}
        self._rng = np.random.default_rng(0)
        self._trainings = 0  # models handed to a training so far (part of a build's key)
        self._shown_build: Build | None = None  # the build whose model is self.model
        self._builds = NewestBuilds(
            self._built, self._show_built, self.show_error, self._lock, CACHED_BUILDS, "charlm"
        )
        self._trainer = BackgroundFit(
            on_progress=self._on_progress, min_interval=REFRESH_S, batch_progress=True
        )
        self._build()

    # Construction -------------------------------------------------------------------------
    def _build_controls(self) -> None:
        t = self._t
        self._source = toggles(
            t("source"),
            [(t("source_corpus"), "corpus"), (t("source_own"), "own")],
            "corpus",
            button_width="140px",
        )
        self._own = ipywidgets.Textarea(placeholder=t("own_placeholder"))
        self._own.layout = {"width": "340px", "height": "120px", "display": "none"}
        self._cell = toggles(
            t("cell"), [("GRU", "gru"), ("LSTM", "lstm")], "gru", button_width="70px"
        )
        self._layers = slider(t("layers"), 1, 1, charlm.MAX_LAYERS, 1, integer=True)
        self._units = toggles(t("units"), list(UNITS), 256, button_width="48px", long_label=True)
        self._sequence = slider(t("sequence"), 100, 10, 200, 10, integer=True)
        # What the length changes before the next ▶: the windows an epoch trains on.
        self._windows = html("", "dl-windows", "dl-small")
        self._rate = log_slider(t("rate"), 3e-3, -4, -0.5)
        self._epochs = slider(t("epochs"), 1, 1, 20, 1, integer=True)
        self._train = button(t("train"), icon="play", kind="success")
        self._stop = button(t("stop"), icon="stop", kind="danger")
        self._new = button(t("new_model"), icon="refresh")
        self._load = button(t("pretrained"), icon="download")
        self._file = text_box(t("file_name"), t("default_file"), width="340px")
        self._save = button(t("save"), icon="save")
        self._open = button(t("open"), icon="folder-open")
        self._progress = ipywidgets.FloatProgress(0, min=0, max=1, layout={"width": "330px"})
        self._temperature = slider(t("temperature"), 0.6, *TEMPERATURE_RANGE, 0.05)
        self._prompt = text_box(t("prompt"), placeholder=t("prompt_placeholder"), width="340px")
        self._length = slider(t("length"), 300, 50, 1000, 50, integer=True)
        self._write = button(t("write"), icon="pencil")
        # Neither changes the page until the next writing (issue 24: a silent control says why).
        self._temperature.tooltip = t("temperature_tip")
        self._length.tooltip = t("length_tip", chars=SAMPLE_CHARS)
        self._layer = slider(t("layer"), 1, 1, 1, 1, integer=True)
        self._unit = slider(t("unit"), 0, 0, 255, 1, integer=True)
        self._position = slider(t("position"), 60, 0, INSIDE_CHARS - 1, 1, integer=True)
        self._stop.disabled = True
        self._architecture = [self._cell, self._layers, self._units]
        self._model_controls = [
            self._train,
            self._new,
            self._load,
            self._save,
            self._open,
            self._write,
            *self._architecture,
        ]
        for name in (
            "train",
            "stop",
            "new",
            "save",
            "open",
            "write",
            "temperature",
            "unit",
            "position",
        ):
            getattr(self, f"_{name}").add_class(f"dl-{name}")

    def _next_training_controls(self) -> list:
        return [self._rate, self._epochs]

    def _build_figures(self) -> None:
        t = self._t
        self._status = html("", "dl-status", "dl-text")
        self.curve = perplexity_figure(
            t("curve_title"), t("epoch_axis"), t("perplexity_axis"), self.lang
        )
        self._samples = html("", "dl-samples-box")
        self._written = html("", "dl-written")
        self._file_note = html("", "dl-note", "dl-file-note")
        self._activations = html("", "dl-activations")
        self._connectivity = html("", "dl-connectivity")
        self._guesses = html("", "dl-text")

    def _lay_out(self) -> None:
        t = self._t
        controls = column(
            [
                self._source,
                self._own,
                heading(t("architecture")),
                *self._architecture,
                html(t("controls_help"), "dl-note"),
                heading(t("training")),
                self._sequence,
                self._windows,
                self._rate,
                self._epochs,
                row([self._train, self._stop]),
                row([self._new, self._load]),
                self._progress,
                self._file,
                row([self._save, self._open]),
                self._file_note,
            ],
            width="360px",
        )
        writing = column(
            [heading(t("writing")), self._temperature, self._prompt, self._length, self._write],
            width="360px",
        )
        inside = ipywidgets.VBox(
            [
                heading(t("inside_title")),
                html(t("inside_help"), "dl-note"),
                row([self._layer, self._unit]),
                self._activations,
                html(t("connectivity_help"), "dl-note"),
                self._position,
                self._connectivity,
                self._guesses,
            ]
        )
        views = ipywidgets.VBox(
            [self._status, self.curve, heading(t("samples_title")), self._samples]
        )
        self._page(
            t("title"),
            t("intro"),
            row([controls, views]),
            row([writing, self._written]),
            inside,
            style=STYLE,
        )
        self.add_class("dl-rnn-text")

    def _wire(self) -> None:
        self._train.on_click(self._on_train_click)
        self._stop.on_click(self._on_stop_click)
        self._new.on_click(self._on_new_click)
        self._load.on_click(self._on_load_click)
        self._save.on_click(self._on_save_click)
        self._open.on_click(self._on_open_click)
        self._write.on_click(self._on_write_click)
        self._source.observe(self._on_source_change, names="value")
        for control in self._architecture:
            control.observe(self._on_architecture_change, names="value")
        self._rate.observe(self._on_rate_change, names="value")
        for control in (self._layer, self._unit):
            control.observe(self._on_unit_change, names="value")
        self._position.observe(self._on_position_change, names="value")
        self._sequence.observe(self._on_sequence_change, names="value")

    def _build_model(self, keras) -> None:
        self._show_windows()
        if self._use_pretrained and self._pretrained_stem().with_suffix(".json").is_file():
            self.load_pretrained()
        else:
            self.new_model()

    def _settings(self) -> dict:
        return {
            "cell": self._cell,
            "layers": self._layers,
            "units": self._units,
            "sequence_length": self._sequence,
            "learning_rate": self._rate,
            "epochs": self._epochs,
            "temperature": Setting(self._temperature, check=self._check_temperature),
            "prompt": self._prompt,
            "length": self._length,
        }

    def _after_configure(self, settings: dict) -> None:
        self._show_windows()
        if self.model is not None and set(settings) & {"cell", "layers", "units"}:
            self.new_model()
        elif "learning_rate" in settings and self.model is not None:
            self._set_rate()

    def _check_temperature(self, value) -> float:
        low, high = TEMPERATURE_RANGE
        if (
            isinstance(value, bool)
            or not isinstance(value, (int, float))
            or not low <= value <= high
        ):
            raise StudentError("rnn_text.bad_temperature", high=high)
        return float(value)

    # Public API ---------------------------------------------------------------------------
    def text(self) -> str:
        """The text the model learns from: the lesson's corpus or the pasted one, checked."""
        if self._source.value == "own":
            return check_text(self._own.value, self._sequence.value)
        if self._corpus is None:
            self._corpus = load_corpus(self.lang)
        return check_text(self._corpus, self._sequence.value)

    def reading(self) -> str:
        """A text to start samples from and to colour inside: the training text, or, where
        the corpus is missing (Binder has no ../shared), the excerpt shipped with the model."""
        try:
            return self.text()
        except StudentError:
            if self._shipped_excerpt:
                return self._shipped_excerpt
            raise

    @shows_errors
    def new_model(self, background: bool = False) -> None:
        """A new untrained model with the chosen architecture and the text's alphabet: built
        here, or (``background``: a student's press) on the builds' worker, its size shown
        at once; kept from before if this architecture and alphabet were built untrained."""
        self._refuse_while_training()
        spec = charlm.Spec(
            cell=self._cell.value, layers=self._layers.value, units=self._units.value
        )
        vocabulary = charlm.Vocabulary.of(self.text())
        key = (spec, vocabulary.chars, self._trainings)
        wanted = self._builds.wanted = Build(key, spec, vocabulary)
        built = self._builds.cached(wanted)
        if built is None and background:
            self._status.value = self._t(
                "status_model",
                cell=spec.cell.upper(),
                layers=spec.layers,
                units=spec.units,
                params=charlm.count_params(spec, len(vocabulary)),
                chars=len(vocabulary),
                trained=self._t("untrained"),
            )
            self._builds.request()  # ▶ Train and Write wait for it (_wait_for_model)
            return
        self._show_built(wanted, built or self._builds.computed(wanted))

    def wait_built(self, timeout: float = 120.0) -> CharModelDashboard:
        """Block until the newest model asked for is built and drawn."""
        self._builds.wait(timeout)
        return self

    def _built(self, wanted: Build) -> tuple:
        """The seeded model of ``wanted``, its generator and inspector traced, and its
        first samples (the builds' worker, or here)."""
        spec, vocabulary = wanted.spec, wanted.vocabulary
        model = charlm.build_model(spec, len(vocabulary), seed=0)
        model = charlm.compile_model(model, self._rate.value)
        generator, inspector = charlm.Generator(model, vocabulary), charlm.Inspector(model)
        rows = self._samples_of(generator, vocabulary, np.random.default_rng(0))
        try:
            ids = vocabulary.encode(self._excerpt_for(vocabulary))
        except StudentError:  # no text to read: the inside views say so when drawn
            ids = []
        if len(ids):
            inspector.hidden_states(ids, 0)  # traced here, not under the dashboard's lock
            inspector.connectivity(ids, 0)
        return model, generator, inspector, rows

    def _show_built(self, wanted: Build, built: tuple) -> None:
        model, generator, inspector, rows = built
        self._shown_build = wanted
        if self.model is model:
            return  # drawn already (▶ Train or Write waited for this build)
        self._samples.value = samples_html(rows)
        self._use(model, wanted.spec, wanted.vocabulary, epochs=0, prepared=(generator, inspector))

    def _wait_for_model(self) -> None:
        """The model of the architecture in force, before a training or a text is written
        (a build may still be running on the worker)."""
        wanted = self._builds.wanted
        if wanted is not None and self._shown_build is not wanted:
            self._show_built(wanted, self._builds.computed(wanted))

    @shows_errors
    def load_pretrained(self) -> None:
        """The model trained by ``scripts/train_char_model.py`` for this page's language."""
        self._refuse_while_training()
        stem = self._pretrained_stem()
        if not stem.with_suffix(".json").is_file():
            raise StudentError("rnn_text.no_pretrained", path=str(stem))
        self._load_from(stem)
        with self._quietly():
            self._source.value = "corpus"

    @shows_errors
    def save_model(self, name: str | None = None) -> Path:
        """Save the model (weights with Adam's state, spec, alphabet) as two files named by
        ``name`` (by default the file box's) in the notebook's folder; returns their stem."""
        self._refuse_while_training()
        stem = self._file_stem(name)
        last = self.history["perplexity"][-1] if self.history["perplexity"] else None
        loss = math.log(last) if last and math.isfinite(last) else None
        excerpt = self._excerpt_or_empty()
        facts = {"epochs": self.epochs_trained, "loss": loss, "excerpt": excerpt}
        charlm.save_pretrained(self.model, self.spec, self.vocabulary, stem, **facts)
        self._file_note.value = self._t("saved", files=f"{stem.name}.json, {stem.name}.weights.h5")
        return stem

    @shows_errors
    def open_model(self, name: str | None = None) -> None:
        """Load a model :meth:`save_model` wrote; it trains on from where it was saved."""
        self._refuse_while_training()
        stem = self._file_stem(name)
        if not stem.with_suffix(".json").is_file():
            raise StudentError("rnn_text.no_file", path=str(stem.with_suffix(".json")))
        try:
            self._load_from(stem)
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise StudentError("rnn_text.bad_file", detail=str(error), name=stem.name) from error
        self._file_note.value = self._t("opened", name=stem.name, epochs=self.epochs_trained)

    def _load_from(self, stem: Path) -> None:
        model, spec, vocabulary, facts = charlm.load_pretrained(stem)
        self._builds.wanted = None  # a new model still building is not drawn over this one
        self._shipped_excerpt = facts.get("excerpt") or ""
        self._excerpt_key = None  # the excerpt may come from the file now
        with self._quietly():
            self._cell.value, self._layers.value = spec.cell, spec.layers
            if spec.units in UNITS:
                self._units.value = spec.units
        self._use(model, spec, vocabulary, epochs=facts.get("epochs", 0), loss=facts.get("loss"))
        self._set_rate()

    def _file_stem(self, name: str | None) -> Path:
        """The stem of the two files: a plain name in the current folder, nothing else."""
        name = (self._file.value if name is None else name).strip()
        for suffix in (".weights.h5", ".json"):
            name = name.removesuffix(suffix)
        if not name or Path(name).name != name or name.startswith("."):
            raise StudentError("rnn_text.bad_name", name=name)
        return Path.cwd() / name

    def _excerpt_or_empty(self) -> str:
        try:
            return self._excerpt()
        except StudentError:
            return ""

    @shows_errors
    def train(self, background: bool = True) -> None:
        """Train on from the current weights for the chosen number of epochs."""
        self._refuse_while_training()
        self._wait_for_model()
        text = self.text()
        unknown = self.vocabulary.unknown(text)
        if unknown:
            raise StudentError(
                "rnn_text.unknown_chars", chars=" ".join(repr(c) for c in unknown[:12])
            )
        x, y = charlm.windows(self.vocabulary.encode(text), self._sequence.value)
        self._set_rate()
        self.trained.clear()
        self._set_training(True)
        job = FitJob(
            self.model, x, y, {"epochs": self._epochs.value, "batch_size": BATCH, "shuffle": True}
        )
        self._start = self.epochs_trained
        self._trainings += 1  # this model trains: never handed out from the kept ones
        self._trainer.on_done = self._on_done
        (self._trainer.start if background else self._trainer.run_here)(job)

    def code(self) -> str:
        """Plain Keras code for a fresh model of this shape, its training and its writing
        ("show the code")."""
        own = self._own.value if self._source.value == "own" else None
        embedding = self.spec.embedding if self.spec is not None else charlm.DEFAULT_EMBEDDING
        prompt = self._prompt.value or (self.reading().lstrip()[:1] if self.model else "")
        return keras_code(
            own, self.lang, self._cell.value, int(self._layers.value), int(self._units.value),
            embedding, int(self._sequence.value), float(self._rate.value),
            int(self._epochs.value), BATCH, prompt or "A", int(self._length.value),
            float(self._temperature.value),
        )  # fmt: skip

    @shows_errors
    def write(self) -> str:
        """Write ``length`` characters after the prompt at the chosen temperature."""
        self._wait_for_model()
        prompt = self._prompt.value or self.reading().lstrip()[:1]
        if not prompt:
            raise StudentError("rnn_text.empty_prompt")
        unknown = self.vocabulary.unknown(prompt)
        if unknown:
            raise StudentError(
                "rnn_text.unknown_chars", chars=" ".join(repr(c) for c in unknown[:12])
            )
        generator = self._generator
        written = generator.write(prompt, self._length.value, self._temperature.value, self._rng)
        self._written.value = samples_html([(self._t("write"), prompt + written)])
        return written

    def samples(self) -> list[tuple[str, str]]:
        """The argmax sample and two at the chosen temperature, from the text's first line."""
        return self._samples_of(self._generator, self.vocabulary, self._rng)

    def _samples_of(self, generator, vocabulary, rng) -> list[tuple[str, str]]:
        t = self._t
        prompt = self.reading().lstrip()[:1] or vocabulary.chars[0]
        temperature = self._temperature.value
        rows = [(t("sample_argmax"), prompt + generator.write(prompt, SAMPLE_CHARS, None))]
        label = t("sample_temperature", t=number(temperature, self.lang))
        for _ in range(2):
            rows.append((label, prompt + generator.write(prompt, SAMPLE_CHARS, temperature, rng)))
        return rows

    # Drawing ------------------------------------------------------------------------------
    def _use(
        self,
        model,
        spec,
        vocabulary,
        epochs: int,
        loss: float | None = None,
        prepared: tuple | None = None,
    ) -> None:
        """``model`` is the dashboard's, drawn; ``prepared``: its generator and inspector,
        traced, with its samples drawn by the caller (a new model from the builds)."""
        self.model, self.spec, self.vocabulary = model, spec, vocabulary
        # One generator a model: its step is traced once, not at every sample.
        if prepared is None:
            self._generator = charlm.Generator(model, vocabulary)
            self._inspector = charlm.Inspector(model)
        else:
            self._generator, self._inspector = prepared
        self.epochs_trained, self.diverged, self._states = epochs, False, None
        self._connectivities.clear()
        self.history = {"x": [], "perplexity": []}
        if loss is not None:
            self.history = {"x": [epochs], "perplexity": [charlm.perplexity(loss)]}
        self._layer.max = spec.layers
        # One layer: the slider has nowhere to go (issue 24: a control that changes nothing
        # visible is disabled and says why).
        explain_disabled(self._layer, self._t("one_layer") if spec.layers == 1 else None)
        self._unit.max = spec.units - 1
        self.clear_error()
        self._refresh(samples=prepared is None)

    def _refresh(self, samples: bool = True) -> None:
        if self.model is None:
            return
        self._draw_status()
        self._draw_curve()
        if samples:
            self._samples.value = samples_html(self.samples())
        self._draw_inside()

    def _draw_status(self, progress: Progress | None = None) -> None:
        t, s = self._t, self.spec
        if progress is not None and not progress.done:
            loss = progress.logs.get("loss", np.nan)
            epoch = self._start + progress.epoch + 1
            self._status.value = t(
                "progress",
                epoch=epoch,
                epochs=self._start + progress.epochs,
                perplexity=charlm.perplexity(loss),
            )
            return
        last = self.history["perplexity"][-1] if self.history["perplexity"] else None
        trained = (
            t("untrained")
            if not self.epochs_trained or last is None
            else t("trained_for", epochs=self.epochs_trained, perplexity=last)
        )
        self._status.value = t(
            "status_model",
            cell=s.cell.upper(),
            layers=s.layers,
            units=s.units,
            params=self.model.count_params(),
            chars=len(self.vocabulary),
            trained=trained,
        )

    def _draw_curve(self) -> None:
        update_traces(
            self.curve, [{"x": list(self.history["x"]), "y": list(self.history["perplexity"])}]
        )

    def _excerpt(self) -> str:
        """The piece of the text the inside views colour. Kept until the text or the
        alphabet changes: reading (and checking) the whole corpus at every move of the
        position slider would cost more than the compiled gradient itself."""
        own = self._own.value if self._source.value == "own" else None
        key = (self._source.value, own, self.vocabulary)
        if self._excerpt_key != key:
            self._excerpt_text = self._excerpt_for(self.vocabulary)
            self._excerpt_key = key
        return self._excerpt_text

    def _excerpt_for(self, vocabulary: charlm.Vocabulary) -> str:
        text = self.reading()
        start = min(len(text) // 3, max(0, len(text) - INSIDE_CHARS))
        chars = set(vocabulary.chars)
        return "".join(c for c in text[start : start + INSIDE_CHARS] if c in chars)

    def _draw_inside(self) -> None:
        excerpt = self._excerpt()
        self._draw_activations(excerpt)
        self._draw_connectivity(excerpt)

    def _draw_activations(self, excerpt: str) -> None:
        """The excerpt coloured by the chosen unit; the states are computed once a model
        and layer, so moving the unit slider only recolours."""
        if self._states is None or self._states.shape[0] != len(excerpt):
            ids = self.vocabulary.encode(excerpt)
            self._states = self._inspector.hidden_states(ids, self._layer.value - 1)
        unit = min(self._unit.value, self._states.shape[1] - 1)
        self._activations.value = coloured_text(excerpt, self._states[:, unit])

    def _draw_connectivity(self, excerpt: str) -> None:
        position = min(self._position.value, len(excerpt) - 1)
        norms, logits = self._connectivity_at(excerpt, position)
        values = np.full(len(excerpt), np.nan)
        values[: position + 1] = norms
        self._connectivity.value = coloured_text(excerpt, values, frame=position)
        top = np.argsort(logits)[::-1][:3]
        p = np.exp(logits - logits.max())
        p /= p.sum()
        left, right = ("„", "”") if self.lang == "pl" else ("“", "”")  # each language's quotes
        guesses = ", ".join(
            f"{left}{self.vocabulary.chars[i]}{right} {number(p[i], self.lang, '.0%')}" for i in top
        )
        self._guesses.value = self._t("next_guess", guesses=guesses.replace("\n", "⏎"))

    def _connectivity_at(self, excerpt: str, position: int) -> tuple[np.ndarray, np.ndarray]:
        """The gradient norms and logits at ``position``; kept per position until the
        weights change (a new model, a training's end), and never kept while training."""
        key = (excerpt, position)
        kept = self._connectivities.get(key)
        if kept is not None:
            return kept
        found = self._inspector.connectivity(self.vocabulary.encode(excerpt), position)
        if not self._trainer.running:
            self._connectivities[key] = found
        return found

    # Training -----------------------------------------------------------------------------
    def _on_progress(self, progress: Progress) -> None:
        losses = [progress.logs.get("loss"), *(end.logs.get("loss") for end in progress.ended)]
        if any(loss is not None and not np.isfinite(loss) for loss in losses):
            self.diverged = True
            self._trainer.stop()
            return
        # Every epoch's end is a point, however the reports were throttled (a short epoch
        # may end between two reports); within an epoch the latest batch is a live point.
        for end in progress.ended:
            self._add_point(self._start + end.epoch, end.logs.get("loss"))
        if progress.batch and not progress.done:
            within = progress.batch / progress.batches if progress.batches else 0.0
            self._add_point(self._start + progress.epoch + within, progress.logs.get("loss"))
        if not progress.done:
            self._progress.value = progress.fraction
            self._draw_status(progress)
        self._draw_curve()
        if progress.ended:  # an epoch ended: what does it write now?
            self.epochs_trained = self._start + progress.ended[-1].epoch
            self._samples.value = samples_html(self.samples())
            self._sampled_at = self.epochs_trained

    def _add_point(self, x: float, loss: float | None) -> None:
        """One point of the perplexity curve, kept in order of x."""
        h = self.history
        if loss is None or (h["x"] and x <= h["x"][-1]):
            return
        h["x"].append(round(x, 3))
        h["perplexity"].append(charlm.perplexity(loss))

    @ends_training
    def _on_done(self, trainer: BackgroundFit) -> None:
        self._set_training(False)
        if trainer.error is not None:
            self.show_error(trainer.error)
            return
        if trainer.histories:
            epochs = len(trainer.histories[0].history.get("loss", []))
            self.epochs_trained = self._start + epochs
        self._progress.value = 1.0
        self._states = None
        self._connectivities.clear()
        if self.diverged:
            self.show_error(self._t("diverged", rate=number(self._rate.value, self.lang)))
            return
        self._draw_status()
        self._draw_curve()
        if self._sampled_at != self.epochs_trained:  # stopped within an epoch
            self._samples.value = samples_html(self.samples())
        self._draw_inside()
        if trainer.stopped:
            self._status.value += " " + self._t("stopped")

    def _set_training(self, running: bool) -> None:
        for button_ in (self._train, self._new, self._load, self._save, self._open):
            button_.disabled = running
        for control in self._architecture:
            control.disabled = running
        self._stop.disabled = not running

    def _set_rate(self) -> None:
        self.model.optimizer.learning_rate.assign(self._rate.value)

    def _pretrained_stem(self) -> Path:
        return PRETRAINED / f"char-{self.lang}"

    # Events -------------------------------------------------------------------------------
    @reacts
    def _on_train_click(self, button) -> None:
        self.train()

    @reacts
    def _on_new_click(self, button) -> None:
        self.new_model()

    @reacts
    def _on_load_click(self, button) -> None:
        self.load_pretrained()

    @reacts
    def _on_save_click(self, button) -> None:
        self.save_model()

    @reacts
    def _on_open_click(self, button) -> None:
        self.open_model()

    @reacts
    def _on_write_click(self, button) -> None:
        self.write()

    @reacts
    def _on_source_change(self, change) -> None:
        self._own.layout.display = "flex" if change["new"] == "own" else "none"
        self._show_windows()

    @reacts
    def _on_sequence_change(self, change) -> None:
        self._show_windows()

    def _show_windows(self) -> None:
        """The training windows an epoch takes at this sequence length (the slider changes
        nothing else before the next ▶; issue 24)."""
        try:
            characters = len(self.text())
        except StudentError:  # no text (yet): nothing to count
            self._windows.value = ""
            return
        length = int(self._sequence.value)
        windows = len(range(0, characters - length, length))
        self._windows.value = self._t("windows", n=windows, length=length)

    @reacts
    def _on_architecture_change(self, change) -> None:
        if self.model is not None:
            self.new_model(background=True)

    @reacts
    def _on_rate_change(self, change) -> None:
        if self.model is not None:
            self._set_rate()

    @reacts
    def _on_unit_change(self, change) -> None:
        if self.model is None:
            return
        if change["owner"] is self._layer:
            self._states = None
        self._draw_activations(self._excerpt())

    @reacts
    def _on_position_change(self, change) -> None:
        if self.model is not None:
            self._draw_connectivity(self._excerpt())
