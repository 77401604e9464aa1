"""Preprocessing in Keras 3 (lesson 15): text, images and ``Normalization.adapt``.

Keras 3 removed ``keras.preprocessing.text.Tokenizer`` and ``ImageDataGenerator``; what
replaces them are layers:

- text: ``TextVectorization`` (its ``adapt`` builds the vocabulary: ``""`` is 0, the
  padding, ``[UNK]`` is 1, then tokens by falling count) with ``output_mode`` ``"int"``
  (sequences) or ``"multi_hot"`` / ``"count"`` / ``"tf_idf"`` (one row per text: the cheat
  sheet's ``texts_to_matrix``), ``ngrams``; ``keras.utils.pad_sequences`` pads and cuts
  ``"pre"`` or ``"post"``; ``Embedding`` turns ids into vectors, and with
  ``mask_zero=True`` (or a ``Masking`` layer) a recurrent layer skips the padding
  (:func:`masking_demo`);
- images: ``RandomRotation`` / ``RandomZoom`` / ``RandomTranslation`` / ``RandomFlip`` /
  ``RandomContrast`` / ``RandomBrightness``, which augment only when called with
  ``training=True`` (a direct call), never in ``predict`` (:func:`predict_trap`);
- ``Normalization``: ``adapt`` measures the mean and variance, the layer then subtracts and
  divides (:func:`normalization_demo`).

Two facts measured with Keras 3.15 that the lesson shows: TextVectorization's default
``standardize`` lowercases ASCII letters only (``tf.strings.lower`` without an encoding):
"Żółć" stays "Żółć" while "Litwo" becomes "litwo"; Polish letters survive, upper-case ones
are not folded. :func:`vectorize` therefore lowercases in Python first (``lower=True``).
And ``RandomContrast``/``RandomBrightness`` assume pixels in 0..255 unless given
``value_range=(0, 1)``.

Keras is imported inside the functions (the panels show before TensorFlow loads).
"""

from __future__ import annotations

import math
import re
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..errors import StudentError
from ..i18n import Strings

MODES = ("int", "multi_hot", "count", "tf_idf")
SIDES = ("pre", "post")
FLIPS = ("none", "horizontal", "vertical", "horizontal_and_vertical")
MAX_NGRAMS = 5
MAX_TOKENS = 100_000
MAX_LENGTH = 1000
MAX_TEXTS = 2000
SPECIAL = ("", "[UNK]")  # int mode: 0 is padding, 1 the unknown token
#: The augmentation factors and what Keras accepts for each.
FACTOR_RANGES = {
    "rotation": (0.0, 1.0),  # a fraction of a full turn, ± factor · 360°
    "zoom": (0.0, 0.95),  # RandomZoom takes (−1, 1]; −factor..+factor, 1 would be 0 px wide
    "translation": (0.0, 1.0),  # a fraction of the height and width
    "contrast": (0.0, 1.0),
    "brightness": (0.0, 1.0),
}

TEXT = Strings(
    "preprocessing",
    {
        "empty_text": {
            "pl": "Argument {argument}: nie ma tekstu – wpisz co najmniej jedno zdanie.",
            "en": "Argument {argument}: there is no text – type at least one sentence.",
        },
        "no_tokens": {
            "pl": "Argument {argument}: w tekście nie ma ani jednego słowa (po usunięciu "
            "interpunkcji nic nie zostało) – wpisz zdanie ze słowami.",
            "en": "Argument {argument}: the text has no words (nothing is left once the "
            "punctuation is stripped) – type a sentence with words.",
        },
        "too_many_texts": {
            "pl": "Argument {argument}: {n} {n:@zdanie|zdania|zdań} to za dużo dla panelu; "
            "najwyżej {limit}.",
            "en": "Argument {argument}: {n} {n:@sentence|sentences} are too many for the "
            "panel; at most {limit}.",
        },
        "bad_choice": {
            "pl": "Argument {argument} nie przyjmie wartości {value!r}: wybierz jedno z: "
            "{options}.",
            "en": "Argument {argument} cannot take {value!r}: pick one of: {options}.",
        },
        "bad_whole": {
            "pl": "Argument {argument} nie przyjmie wartości {value!r}: podaj liczbę "
            "całkowitą od {low} do {high}.",
            "en": "Argument {argument} cannot take {value!r}: give a whole number from "
            "{low} to {high}.",
        },
        "bad_factor": {
            "pl": "Argument {argument} nie przyjmie wartości {value!r}: podaj liczbę od "
            "{low} do {high}.",
            "en": "Argument {argument} cannot take {value!r}: give a number from {low} to {high}.",
        },
        "no_sequence": {
            "pl": "Argument {argument}: ciąg jest pusty – potrzeba co najmniej jednego "
            "tokenu (identyfikatora większego od 0).",
            "en": "Argument {argument}: the sequence is empty – at least one token (an id "
            "above 0) is needed.",
        },
        "no_image": {
            "pl": "Argument {argument}: nie ma obrazu (puste pole rysowania?).",
            "en": "Argument {argument}: there is no image (an empty drawing pad?).",
        },
    },
)


# Checks -------------------------------------------------------------------------------------
def check_choice(value, options: Sequence[str], argument: str) -> str:
    if value not in options:
        raise StudentError(
            "preprocessing.bad_choice", argument=argument, value=value, options=", ".join(options)
        )
    return value


def check_whole(value, low: int, high: int, argument: str) -> int:
    """``value`` as an int in low..high, or a StudentError naming ``argument``."""
    ok = isinstance(value, int | np.integer) and not isinstance(value, bool)
    if isinstance(value, float) and value.is_integer():
        ok, value = True, int(value)
    if not ok or not low <= int(value) <= high:
        raise StudentError(
            "preprocessing.bad_whole", argument=argument, value=value, low=low, high=high
        )
    return int(value)


def check_factor(value, argument: str, low: float = 0.0, high: float = 1.0) -> float:
    ok = isinstance(value, int | float | np.number) and not isinstance(value, bool)
    if not ok or not math.isfinite(float(value)) or not low <= float(value) <= high:
        raise StudentError(
            "preprocessing.bad_factor", argument=argument, value=value, low=low, high=high
        )
    return float(value)


def sentences(text: str) -> list[str]:
    """The non-empty lines of ``text`` (one text each), or ``preprocessing.empty_text``."""
    if not isinstance(text, str):
        raise StudentError("preprocessing.empty_text", argument="texts")
    return check_texts([line.strip() for line in text.splitlines() if line.strip()])


def check_texts(texts) -> list[str]:
    if isinstance(texts, str):
        texts = [texts]
    texts = [str(t) for t in (texts or []) if str(t).strip()]
    if not texts:
        raise StudentError("preprocessing.empty_text", argument="texts")
    if len(texts) > MAX_TEXTS:
        raise StudentError(
            "preprocessing.too_many_texts", argument="texts", n=len(texts), limit=MAX_TEXTS
        )
    return texts


# Text ---------------------------------------------------------------------------------------
@dataclass
class Vectorized:
    """What :func:`vectorize` gives: the adapted ``layer``, its ``vocabulary`` (index →
    token), the ``texts`` it saw (lowercased if asked) and ``output``: int sequences
    ``(texts, length)`` (0 = padding) or the matrix ``(texts, vocabulary size)``."""

    layer: object
    vocabulary: list[str]
    texts: list[str]
    output: np.ndarray
    mode: str

    def sequences(self) -> list[list[int]]:
        """int mode: each text's ids without the padding (0) Keras added to the longest."""
        return [[int(i) for i in row if i != 0] for row in self.output]


def vectorize(
    texts,
    mode: str = "int",
    ngrams: int = 1,
    max_tokens: int | None = None,
    output_sequence_length: int | None = None,
    *,
    lower: bool = True,
) -> Vectorized:
    """Adapt a ``keras.layers.TextVectorization`` on ``texts`` and apply it to them.

    ``lower``: lowercase in Python first (Keras' default lowercases ASCII only).
    ``max_tokens`` counts the special tokens too (int: ``""`` and ``[UNK]``; the matrix
    modes: ``[UNK]``). Bad arguments raise a StudentError naming the argument.
    """
    import keras

    texts = check_texts(texts)
    mode = check_choice(mode, MODES, "mode")
    ngrams = check_whole(ngrams, 1, MAX_NGRAMS, "ngrams")
    special = 2 if mode == "int" else 1
    if max_tokens is not None:
        max_tokens = check_whole(max_tokens, special + 1, MAX_TOKENS, "max_tokens")
    if output_sequence_length is not None:
        output_sequence_length = check_whole(
            output_sequence_length, 1, MAX_LENGTH, "output_sequence_length"
        )
    if lower:
        texts = [t.lower() for t in texts]
    layer = keras.layers.TextVectorization(
        max_tokens=max_tokens,
        output_mode=mode,
        ngrams=ngrams if ngrams > 1 else None,
        output_sequence_length=output_sequence_length if mode == "int" else None,
    )
    layer.adapt(texts)
    vocabulary = [str(token) for token in layer.get_vocabulary()]
    if len(vocabulary) <= special:
        raise StudentError("preprocessing.no_tokens", argument="texts")
    output = np.asarray(layer(texts))
    return Vectorized(layer, vocabulary, texts, output, mode)


#: TextVectorization's default punctuation (``"lower_and_strip_punctuation"``).
STRIP_PUNCTUATION = re.compile(r'[!"#$%&()\*\+,-\./:;<=>?@\[\\\]^_`{|}~\']')
#: ``tf.strings.split``'s separators: ASCII white space only.
ASCII_WORD = re.compile(r"[^ \t\n\r\f\v]+")


def int_vocabulary(texts, ngrams: int = 1, max_tokens: int | None = None) -> list[str]:
    """The vocabulary :func:`vectorize` gives in ``"int"`` mode, found in Python without
    Keras (a panel draws it before the adapt; tests compare the two): the texts
    lowercased, ASCII punctuation stripped, split at ASCII white space, the n-grams of
    1..``ngrams`` tokens joined by a space, then ``""``, ``[UNK]`` and the tokens by
    falling count, ties by the token's UTF-8 bytes falling (``IndexLookup``'s
    ``np.lexsort((tokens, counts))[::-1]``), at most ``max_tokens`` in all."""
    counts: dict[str, int] = {}
    for text in check_texts(texts):
        tokens = ASCII_WORD.findall(STRIP_PUNCTUATION.sub("", text.lower()))
        for n in range(1, ngrams + 1):
            for i in range(len(tokens) - n + 1):
                token = " ".join(tokens[i : i + n])
                counts[token] = counts.get(token, 0) + 1
    order = sorted(counts, key=lambda t: (counts[t], t.encode("utf-8")), reverse=True)
    if max_tokens is not None:
        order = order[: max(max_tokens - len(SPECIAL), 0)]
    return [*SPECIAL, *order]


def pad(
    sequences,
    maxlen: int | None = None,
    padding: str = "pre",
    truncating: str = "pre",
    value: int = 0,
) -> np.ndarray:
    """``keras.utils.pad_sequences`` with its arguments checked (a StudentError names the
    bad one): every sequence cut or padded to ``maxlen`` (the longest if None)."""
    import keras

    sequences = [list(s) for s in sequences]
    if not sequences or not any(sequences):
        raise StudentError("preprocessing.no_sequence", argument="sequences")
    if maxlen is not None:
        maxlen = check_whole(maxlen, 1, MAX_LENGTH, "maxlen")
    padding = check_choice(padding, SIDES, "padding")
    truncating = check_choice(truncating, SIDES, "truncating")
    return keras.utils.pad_sequences(
        sequences, maxlen=maxlen, padding=padding, truncating=truncating, value=value
    )


def embedding_layer(vocabulary_size: int, dim: int = 4, seed: int = 0):
    """``Embedding(vocabulary_size, dim, mask_zero=True)``, its vectors drawn by
    ``RandomUniform(−0.05, 0.05, seed)`` (Keras' default, seeded)."""
    import keras

    vocabulary_size = check_whole(vocabulary_size, 2, MAX_TOKENS, "vocabulary_size")
    dim = check_whole(dim, 1, 64, "output_dim")
    return keras.layers.Embedding(
        vocabulary_size,
        dim,
        embeddings_initializer=keras.initializers.RandomUniform(-0.05, 0.05, seed=seed),
        mask_zero=True,
        name="embedding",
    )


def embedding_model(vocabulary_size: int, length: int, dim: int = 4, seed: int = 0, layer=None):
    """``Sequential([Input((length,), int32), Embedding(...)])`` (``layer``: an
    :func:`embedding_layer` built before, else a new one)."""
    import keras

    layer = layer or embedding_layer(vocabulary_size, dim, seed)
    return keras.Sequential(
        [keras.Input((length,), dtype="int32", name="ids"), layer], name="embedding_model"
    )


def embed(padded, vocabulary_size: int, dim: int = 4, seed: int = 0) -> np.ndarray:
    """The padded ids through a seeded Embedding: ``(texts, length, dim)``."""
    padded = np.asarray(padded, dtype="int32")
    model = embedding_model(vocabulary_size, padded.shape[1], dim, seed)
    return np.asarray(model(padded))


@dataclass
class MaskingResult:
    """The last RNN state for the unpadded ids, the padded ids with the mask, and the
    padded ids without it; ``equal`` when the mask makes padding invisible."""

    unpadded: np.ndarray
    masked: np.ndarray
    unmasked: np.ndarray
    padded: np.ndarray

    @property
    def equal(self) -> bool:
        return bool(np.allclose(self.unpadded, self.masked, atol=1e-6))

    @property
    def unmasked_gap(self) -> float:
        return float(np.max(np.abs(self.unpadded - self.unmasked)))


class MaskingProbe:
    """A seeded ``Embedding(size, dim)`` → ``SimpleRNN(units)`` built once, for
    :func:`masking_demo` (a panel keeps one per vocabulary size: new layers cost 30–40 ms
    a move, calls a few)."""

    def __init__(self, size: int, dim: int = 4, units: int = 3, seed: int = 0):
        import keras

        self.size = check_whole(size, 2, MAX_TOKENS, "vocabulary_size")
        self.embedding = keras.layers.Embedding(
            self.size,
            dim,
            embeddings_initializer=keras.initializers.RandomUniform(-1, 1, seed=seed),
        )
        self.rnn = keras.layers.SimpleRNN(
            units,
            kernel_initializer=keras.initializers.GlorotUniform(seed),
            recurrent_initializer=keras.initializers.Orthogonal(seed=seed),
            # a bias as a trained RNN has: with bias 0 a zero vector (Masking's padding) at
            # the front would leave the state at 0, and pre-padding would look harmless
            bias_initializer=keras.initializers.RandomUniform(-0.5, 0.5, seed=seed + 1),
            unroll=True,  # short sequences: eager calls about twice as fast
        )
        self.masking = keras.layers.Masking(0.0)
        self.embedding.build((None, None))
        self.table = np.asarray(self.embedding.embeddings)

    def run(self, x, mask: bool, method: str) -> np.ndarray:
        """The RNN's final state for the ids ``x`` (a batch), with or without the mask."""
        x = np.asarray(x, "int32")
        if method == "masking":
            v = self.table[x] * (x != 0)[..., None]  # padding → all-zero vectors
            return np.asarray(self.rnn(self.masking(v) if mask else v))
        v = self.embedding(x)
        return np.asarray(self.rnn(v, mask=x != 0) if mask else self.rnn(v))


def masking_demo(
    sequence,
    maxlen: int,
    padding: str = "pre",
    *,
    vocabulary_size: int | None = None,
    dim: int = 4,
    units: int = 3,
    seed: int = 0,
    method: str = "embedding",
    probe: MaskingProbe | None = None,
) -> MaskingResult:
    """One id sequence, unpadded and padded to ``maxlen``, through the same seeded
    Embedding → SimpleRNN: with ``Embedding(mask_zero=True)`` (``method="embedding"``) or
    a ``Masking`` layer on the vectors (``"masking"``) the padded output equals the
    unpadded one; without the mask the RNN also reads the padding's vector and differs.
    ``probe``: layers built before (of at least the sequence's vocabulary size)."""
    ids = [int(i) for i in sequence if int(i) != 0]
    if not ids:
        raise StudentError("preprocessing.no_sequence", argument="sequence")
    method = check_choice(method, ("embedding", "masking"), "method")
    maxlen = check_whole(maxlen, len(ids), MAX_LENGTH, "maxlen")
    if probe is None or probe.size <= max(ids):
        probe = MaskingProbe(vocabulary_size or max(ids) + 1, dim, units, seed)
    padded = pad([ids], maxlen, padding, "pre")
    return MaskingResult(
        unpadded=probe.run([ids], mask=False, method=method)[0],
        masked=probe.run(padded, mask=True, method=method)[0],
        unmasked=probe.run(padded, mask=False, method=method)[0],
        padded=np.asarray(padded[0]),
    )


# Images -------------------------------------------------------------------------------------
def check_factors(factors: dict) -> dict:
    """The augmentation settings checked: each factor in its range, flip one of FLIPS."""
    checked = {}
    for name, value in factors.items():
        if name == "flip":
            checked[name] = check_choice(value, FLIPS, "flip")
        elif name in FACTOR_RANGES:
            checked[name] = check_factor(value, name, *FACTOR_RANGES[name])
        else:
            raise StudentError(
                "preprocessing.bad_choice",
                argument="factors",
                value=name,
                options=", ".join([*FACTOR_RANGES, "flip"]),
            )
    return checked


def layer_specs(seed: int, factors: dict) -> list[tuple]:
    """(kind, arguments, seed) of each augmentation layer for the non-zero ``factors``."""
    f = check_factors(factors)
    specs = []
    if f.get("flip", "none") != "none":
        specs.append(("RandomFlip", (f["flip"],), {}, seed))
    constant = {"fill_mode": "constant"}
    if f.get("rotation"):
        specs.append(("RandomRotation", (f["rotation"],), constant, seed + 1))
    if f.get("zoom"):
        specs.append(("RandomZoom", (f["zoom"],), constant, seed + 2))
    if f.get("translation"):
        t = f["translation"]
        specs.append(("RandomTranslation", (t, t), constant, seed + 3))
    unit = {"value_range": (0, 1)}  # the default is 0..255: a [0, 1] image would barely change
    if f.get("contrast"):
        specs.append(("RandomContrast", (f["contrast"],), unit, seed + 4))
    if f.get("brightness"):
        specs.append(("RandomBrightness", (f["brightness"],), unit, seed + 5))
    return specs


def augmentation_layers(keras, seed: int = 0, cache: dict | None = None, **factors) -> list:
    """The augmentation layers for the non-zero ``factors`` (rotation, zoom, translation,
    contrast, brightness as fractions; flip a mode), each seeded ``seed + k``; pixels in
    [0, 1]. In the order Keras' guide uses: flip, rotation, zoom, translation, contrast,
    brightness.

    ``cache`` (a dict the caller keeps) reuses a layer already built with the same
    arguments and seed, its random state set back to the seed's start: it then draws
    exactly what a new layer would (a slider move costs one call, not new layers).
    """
    layers = []
    for kind, args, kwargs, layer_seed in layer_specs(seed, factors):
        key = (kind, args, layer_seed)
        layer = None if cache is None else cache.get(key)
        if layer is None:
            layer = getattr(keras.layers, kind)(*args, **kwargs, seed=layer_seed)
            if cache is not None:
                if len(cache) > 256:
                    cache.clear()
                cache[key] = layer
        else:
            layer.generator.state.assign(np.array([layer_seed, 0]))
        layers.append(layer)
    return layers


def augmentation_model(seed: int = 0, size: int = 28, cache: dict | None = None, **factors):
    """``keras.Sequential`` of :func:`augmentation_layers` on ``(size, size, 1)`` images."""
    import keras

    return sequential(augmentation_layers(keras, seed, cache, **factors), size)


def sequential(layers: list, size: int = 28):
    """``keras.Sequential([Input((size, size, 1)), *layers], name="augmentation")``."""
    import keras

    return keras.Sequential([keras.Input((size, size, 1)), *layers], name="augmentation")


def as_batch(image, n: int) -> np.ndarray:
    """``n`` copies of a (28, 28) image as a float32 batch ``(n, 28, 28, 1)``."""
    if image is None:
        raise StudentError("preprocessing.no_image", argument="image")
    image = np.asarray(image, dtype="float32")
    if image.ndim != 2:
        raise StudentError("preprocessing.no_image", argument="image")
    n = check_whole(n, 1, 64, "n")
    return np.repeat(image[None, :, :, None], n, axis=0)


def augment_grid(
    image, n: int = 8, seed: int = 0, model=None, layers=None, **factors
) -> np.ndarray:
    """``n`` random draws of the augmentation of ``image`` in one batched call with
    ``training=True`` (as a direct call of the model does): ``(n, 28, 28)`` in [0, 1].
    The layers are called one after another, as the Sequential ``model`` would call them
    (its graph bookkeeping cost about 10 ms a call here)."""
    import keras

    if layers is None:
        layers = model.layers if model is not None else augmentation_layers(keras, seed, **factors)
    outputs = augment_steps(as_batch(image, n), layers)
    return grid_of(outputs[-1] if outputs else as_batch(image, n))


def grid_of(batch) -> np.ndarray:
    """A batch ``(n, 28, 28, 1)`` as images ``(n, 28, 28)`` clipped to [0, 1]."""
    return np.clip(np.asarray(batch)[..., 0], 0.0, 1.0)


def augment_steps(batch, layers: list, kept: StepOutputs | None = None) -> list:
    """Each layer's output in turn (``training=True``), the last one the augmented batch.

    ``kept``: outputs of earlier calls (:class:`StepOutputs`). Where the same batch went
    through the same layer objects (:func:`augmentation_layers` with a cache gives the same
    object for the same arguments and seed, its random state set back to the seed's start),
    their outputs are taken as they are: such a layer draws the same again.
    """
    outputs: list = []
    x = batch
    for depth, layer in enumerate(layers, start=1):
        found = None if kept is None else kept.get(batch, layers[:depth])
        x = layer(x, training=True) if found is None else found
        if kept is not None and found is None:
            kept.put(batch, layers[:depth], x)
        outputs.append(x)
    return outputs


class StepOutputs:
    """The augmentation layers' outputs on a batch, for the last ``size`` chains of layers
    (a chain: the first k layers of a call, by object).

    A slider of the last layer then costs one layer's call, not four; a slider or the
    flip moved back (the student drags to and fro) costs none: the draws of a state seen
    before are shown at once, as the layer zoo shows a layer built before. Eager Keras on
    this machine: RandomRotation, RandomZoom and RandomTranslation on eight digits take
    5–25 ms each, a flip toggled all four after it.
    """

    def __init__(self, size: int = 64):
        self.size = size
        self._kept: OrderedDict = OrderedDict()

    @staticmethod
    def _key(batch, chain) -> tuple:
        batch = np.asarray(batch)
        return batch.shape, batch.tobytes(), tuple(id(layer) for layer in chain)

    def __len__(self) -> int:
        return len(self._kept)

    def get(self, batch, chain):
        key = self._key(batch, chain)
        entry = self._kept.get(key)
        if entry is None:
            return None
        self._kept.move_to_end(key)
        return entry[1]

    def put(self, batch, chain, output) -> None:
        # The chain's layers are kept with their output: their ids stay theirs meanwhile.
        self._kept[self._key(batch, chain)] = (tuple(chain), output)
        while len(self._kept) > self.size:
            self._kept.popitem(last=False)


def predict_trap(image, n: int = 8, seed: int = 0, model=None, **factors) -> np.ndarray:
    """The same augmentation model in ``predict``: augmentation is off there (training is
    False), so all ``n`` outputs are the image itself."""
    model = model or augmentation_model(seed, **factors)
    batch = as_batch(image, n)
    out = model.predict(batch, verbose=0) if model.layers else batch
    return np.asarray(out)[..., 0]


@dataclass
class Normalized:
    """Pixels before and after a ``Normalization(axis=None)`` adapted on them."""

    layer: object
    before: np.ndarray
    after: np.ndarray

    @property
    def mean(self) -> float:
        return float(np.asarray(self.layer.mean).ravel()[0])

    @property
    def variance(self) -> float:
        return float(np.asarray(self.layer.variance).ravel()[0])


def normalization_demo(images) -> Normalized:
    """``Normalization(axis=None).adapt(images)`` (one mean and variance over every pixel),
    then the images through it: their mean ≈ 0 and standard deviation ≈ 1."""
    import keras

    images = np.asarray(images, dtype="float32")
    if images.size == 0:
        raise StudentError("preprocessing.no_image", argument="images")
    layer = keras.layers.Normalization(axis=None)
    layer.adapt(images)
    return Normalized(layer, images, np.asarray(layer(images)))
