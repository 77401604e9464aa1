"""A character-level language model (lesson 11, part 3), in the spirit of recurrentjs.

Training model: characters as integer ids → ``Embedding`` → one or more ``GRU``/``LSTM``
layers (``return_sequences=True``) → ``Dense(vocabulary)`` logits at every position,
trained with sparse categorical cross-entropy on windows of the text whose target is the
same window shifted by one character. Perplexity is ``exp(loss)``: an untrained model
guesses among all ``V`` characters (perplexity ≈ V); a model that knows the text well
approaches the handful of characters that can really follow.

Generation is incremental: :class:`Generator` runs the *same layers* one character at a
time with the recurrent state passed in and out explicitly, so each new character costs
one step whatever the length of what came before (no re-reading of the prefix, no
``stateful=True`` layers with a fixed batch). The full model and the one-step path agree
to float precision (a test checks it).

Keras is imported inside the functions, so importing this module costs nothing.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass

import numpy as np

CELLS = ("gru", "lstm")
DEFAULT_EMBEDDING = 32
MAX_UNITS = 512
MAX_LAYERS = 3


@dataclass(frozen=True)
class Vocabulary:
    """The characters a model knows, sorted; ids are their positions."""

    chars: str

    @classmethod
    def of(cls, text: str) -> Vocabulary:
        """Every distinct character of ``text``, sorted."""
        return cls("".join(sorted(set(text))))

    def __len__(self) -> int:
        return len(self.chars)

    @functools.cached_property
    def index(self) -> dict[str, int]:
        return {char: i for i, char in enumerate(self.chars)}

    def encode(self, text: str) -> np.ndarray:
        """``text`` as int32 ids; characters the vocabulary lacks are a KeyError."""
        index = self.index
        return np.fromiter((index[c] for c in text), dtype=np.int32, count=len(text))

    def unknown(self, text: str) -> str:
        """The characters of ``text`` this vocabulary lacks, sorted, each once."""
        return "".join(sorted(set(text) - set(self.chars)))

    def decode(self, ids) -> str:
        return "".join(self.chars[int(i)] for i in ids)

    def to_json(self) -> str:
        return json.dumps({"chars": self.chars}, ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Vocabulary:
        return cls(json.loads(text)["chars"])


@dataclass(frozen=True)
class Spec:
    """The architecture: cell type, layers, units a layer, embedding size."""

    cell: str = "gru"
    layers: int = 1
    units: int = 128
    embedding: int = DEFAULT_EMBEDDING

    def __post_init__(self):
        if self.cell not in CELLS:
            raise ValueError(f"cell must be one of {CELLS}, got {self.cell!r}")
        if not 1 <= self.layers <= MAX_LAYERS:
            raise ValueError(f"layers must be 1..{MAX_LAYERS}, got {self.layers}")
        if not 1 <= self.units <= MAX_UNITS:
            raise ValueError(f"units must be 1..{MAX_UNITS}, got {self.units}")


def build_model(spec: Spec, vocabulary_size: int, seed: int | None = 0):
    """The training model: ids ``(batch, time)`` → logits ``(batch, time, vocabulary)``."""
    import keras

    if seed is not None:
        keras.utils.set_random_seed(seed)
    recurrent = keras.layers.GRU if spec.cell == "gru" else keras.layers.LSTM
    inputs = keras.Input(shape=(None,), dtype="int32", name="chars")
    x = keras.layers.Embedding(vocabulary_size, spec.embedding, name="embedding")(inputs)
    for i in range(spec.layers):
        x = recurrent(spec.units, return_sequences=True, name=f"{spec.cell}_{i + 1}")(x)
    logits = keras.layers.Dense(vocabulary_size, name="logits")(x)
    return keras.Model(inputs, logits, name=f"char_{spec.cell}")


def count_params(spec: Spec, vocabulary_size: int) -> int:
    """The parameters of :func:`build_model`'s network, from the formulas (no Keras): the
    embedding ``V·E``; a GRU layer (Keras' ``reset_after``) ``3·u·(inputs + u + 2)``, an
    LSTM layer ``4·u·(inputs + u + 1)``; the output layer ``u·V + V``."""
    total, inputs, units = vocabulary_size * spec.embedding, spec.embedding, spec.units
    for _ in range(spec.layers):
        gates, biases = (3, 2) if spec.cell == "gru" else (4, 1)
        total += gates * units * (inputs + units + biases)
        inputs = units
    return total + units * vocabulary_size + vocabulary_size


def compile_model(model, learning_rate: float = 3e-3, clipnorm: float = 5.0):
    """Adam with gradient clipping (recurrent nets explode without it), cross-entropy on
    logits; the loss is in nats, so perplexity is ``exp(loss)``."""
    import keras

    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate, clipnorm=clipnorm),
        loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
    )
    return model


def windows(ids: np.ndarray, length: int, stride: int | None = None) -> tuple[np.ndarray, ...]:
    """Inputs and targets: windows of ``length`` ids and the same shifted by one.

    ``stride`` defaults to ``length`` (windows side by side, every character a target once).
    """
    stride = stride or length
    starts = np.arange(0, len(ids) - length, stride)
    x = np.stack([ids[s : s + length] for s in starts])
    y = np.stack([ids[s + 1 : s + length + 1] for s in starts])
    return x, y


def perplexity(loss: float) -> float:
    """``exp(loss)`` for a cross-entropy in nats; inf for a loss that is not finite."""
    return math.exp(loss) if math.isfinite(loss) and loss < 700 else math.inf


def sample_index(logits: np.ndarray, temperature: float, rng: np.random.Generator) -> int:
    """One id from ``softmax(logits / temperature)``; ``temperature`` must be > 0 (argmax
    is :func:`numpy.argmax` of the logits, not a temperature of 0)."""
    if not temperature > 0:
        raise ValueError(f"temperature must be > 0, got {temperature}")
    z = np.asarray(logits, dtype=np.float64) / temperature
    p = np.exp(z - z.max())
    return int(rng.choice(len(p), p=p / p.sum()))


class Generator:
    """Writes text one character at a time with a trained model's own layers.

    :meth:`step` feeds one character id and returns the logits of the next; the recurrent
    state lives in ``state`` (one list a layer: ``[h]`` for GRU, ``[h, c]`` for LSTM). The
    step runs each layer's *cell* (which shares the layer's weights), compiled once by
    ``tf.function``, so a character costs the same after 10 characters as after 10,000.
    """

    def __init__(self, model, vocabulary: Vocabulary):
        import tensorflow as tf

        self.model = model
        self.vocabulary = vocabulary
        self._embedding = model.get_layer("embedding")
        self._cells = [layer.cell for layer in model.layers if hasattr(layer, "cell")]
        self._dense = model.get_layer("logits")
        self._compiled = tf.function(self._one_step)
        self.reset()

    def reset(self) -> None:
        """Forget everything read so far (the zero state the training windows start from)."""
        import keras

        self.state = [
            [keras.ops.zeros((1, size)) for size in _state_sizes(cell)] for cell in self._cells
        ]

    def _one_step(self, ids, state):
        x = self._embedding(ids)  # (1, embedding)
        new_state = []
        for cell, cell_state in zip(self._cells, state, strict=True):
            x, cell_state = cell(x, list(cell_state))
            new_state.append(
                list(cell_state) if isinstance(cell_state, (list, tuple)) else [cell_state]
            )
        return self._dense(x), new_state

    def step(self, char_id: int) -> np.ndarray:
        """Feed one character id; the logits of the next character, shape ``(V,)``."""
        import tensorflow as tf

        logits, self.state = self._compiled(tf.constant([char_id], tf.int32), self.state)
        return logits.numpy()[0]

    def feed(self, text: str) -> np.ndarray | None:
        """Feed a prompt; the logits after its last character (None for an empty prompt)."""
        logits = None
        for char_id in self.vocabulary.encode(text):
            logits = self.step(int(char_id))
        return logits

    def write(
        self,
        prompt: str,
        length: int,
        temperature: float | None = 1.0,
        rng: np.random.Generator | None = None,
    ) -> str:
        """``length`` characters after ``prompt`` (which must not be empty): sampled at
        ``temperature``, or the most likely one each time when ``temperature`` is None."""
        rng = rng or np.random.default_rng()
        self.reset()
        logits = self.feed(prompt)
        if logits is None:
            raise ValueError("the prompt must have at least one character")
        out = []
        for _ in range(length):
            if temperature is None:
                char_id = int(np.argmax(logits))
            else:
                char_id = sample_index(logits, temperature, rng)
            out.append(char_id)
            logits = self.step(char_id)
        return self.vocabulary.decode(out)


def _state_sizes(cell) -> list[int]:
    size = cell.state_size
    return list(size) if isinstance(size, (list, tuple)) else [size]


class Inspector:
    """Looks inside a model, compiled once so a dashboard can redraw at a slider's pace.

    :meth:`connectivity` is distill.pub's view ("Memorization in RNNs"): how much the
    prediction at ``position`` depends on each character ``t``, ``‖∂ logit / ∂ e_t‖`` where
    ``e_t`` is the character's embedding and ``logit`` the largest output logit at
    ``position``. It runs on the whole sequence so every position shares one trace: the
    network reads left to right, so characters after ``position`` get a gradient of 0.
    :meth:`hidden_states` gives a recurrent layer's state at every position (LSTMVis
    colours text by one unit of it).
    """

    def __init__(self, model):
        import tensorflow as tf

        self._embedding = model.get_layer("embedding")
        self._recurrent = [layer for layer in model.layers if hasattr(layer, "cell")]
        self._dense = model.get_layer("logits")
        self._connectivity = tf.function(self._gradient_norms)
        self._hidden = tf.function(self._states)

    def _run(self, x, last: int | None = None):
        for index, layer in enumerate(self._recurrent):
            x = layer(x)
            if index == last:
                break
        return x

    def _gradient_norms(self, ids, position):
        import tensorflow as tf

        embedded = self._embedding(ids)
        with tf.GradientTape() as tape:
            tape.watch(embedded)
            logits = tf.gather(self._dense(self._run(embedded))[0], position)
            top = tf.reduce_max(logits)
        return tf.norm(tape.gradient(top, embedded)[0], axis=-1), logits

    def _states(self, ids, layer_index):
        return self._run(self._embedding(ids), last=layer_index)[0]

    def connectivity(self, ids: np.ndarray, position: int) -> tuple[np.ndarray, np.ndarray]:
        """Gradient norms for t = 0..position, and the logits at ``position``."""
        norms, logits = self._connectivity(_batch(ids), np.int32(position))
        return norms.numpy()[: position + 1], logits.numpy()

    def hidden_states(self, ids: np.ndarray, layer_index: int = 0) -> np.ndarray:
        """Recurrent layer ``layer_index``'s state after each character, ``(len, units)``."""
        return self._hidden(_batch(ids), layer_index).numpy()


def _batch(ids) -> np.ndarray:
    return np.asarray(ids, dtype=np.int32)[None]


def connectivity(model, ids: np.ndarray, position: int) -> np.ndarray:
    """:meth:`Inspector.connectivity`'s norms, for a notebook cell's one question."""
    return Inspector(model).connectivity(ids, position)[0]


def hidden_states(model, ids: np.ndarray, layer_index: int = 0) -> np.ndarray:
    """:meth:`Inspector.hidden_states`, for a notebook cell's one question."""
    return Inspector(model).hidden_states(ids, layer_index)


def save_pretrained(model, spec: Spec, vocabulary: Vocabulary, stem, **facts) -> None:
    """Write ``<stem>.weights.h5`` (Keras's weights file) and ``<stem>.json`` (the spec,
    the vocabulary and ``facts`` such as the epochs and the loss reached)."""
    from pathlib import Path

    stem = Path(stem)
    model.save_weights(str(stem.with_suffix(".weights.h5")))
    about = {"spec": spec.__dict__, "chars": vocabulary.chars, **facts}
    stem.with_suffix(".json").write_text(json.dumps(about, ensure_ascii=False, indent=1) + "\n")


def load_pretrained(stem) -> tuple[object, Spec, Vocabulary, dict]:
    """The model :func:`save_pretrained` wrote, compiled, with its spec, vocabulary and facts.

    Raises:
        FileNotFoundError: when either file is missing.
    """
    from pathlib import Path

    stem = Path(stem)
    about = json.loads(stem.with_suffix(".json").read_text())
    spec = Spec(**about.pop("spec"))
    vocabulary = Vocabulary(about.pop("chars"))
    model = compile_model(build_model(spec, len(vocabulary), seed=None))
    # The file holds Adam's moments too, so training on resumes where the script stopped;
    # an optimizer not yet built has no variables to load them into.
    model.optimizer.build(model.trainable_variables)
    model.load_weights(str(stem.with_suffix(".weights.h5")))
    return model, spec, vocabulary, about
