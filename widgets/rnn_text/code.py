"""The "show the code" for lesson 11's character model: the text as ids of its sorted
characters, windows and their one-step-shifted targets, an Embedding → GRU/LSTM stack →
Dense logits model trained with Adam and clipping, and writing one character at a time at
a temperature. The code builds a fresh model of the dashboard's shape (the dashboard may be
training on from a shipped model); the writing loop re-reads the last window each step,
slower than the dashboard's stepwise generator but a few plain lines."""

from __future__ import annotations

from .texts import TEXT

_CODE = """import keras
import numpy as np

{source_import}
{text_comment}
{text_line}
chars = sorted(set(text))
index = {{char: i for i, char in enumerate(chars)}}
ids = np.array([index[char] for char in text], dtype="int32")
T = {length}
starts = np.arange(0, len(ids) - T, T)
x = np.stack([ids[s : s + T] for s in starts])  # windows of T characters
y = np.stack([ids[s + 1 : s + T + 1] for s in starts])  # each one shifted by a character

{model_comment}
keras.utils.set_random_seed(0)
inputs = keras.Input(shape=(None,), dtype="int32")
h = keras.layers.Embedding(len(chars), {embedding})(inputs)
for _ in range({layers}):
    h = keras.layers.{layer}({units}, return_sequences=True)(h)
model = keras.Model(inputs, keras.layers.Dense(len(chars))(h))  # logits
model.compile(
    optimizer=keras.optimizers.Adam({rate}, clipnorm=5.0),
    loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
)
history = model.fit(x, y, batch_size={batch}, epochs={epochs}, shuffle=True)
print("perplexity:", np.exp(history.history["loss"]))

{write_comment}
rng = np.random.default_rng(0)
written = {prompt!r}
for _ in range({count}):
    window = np.array([[index[char] for char in written[-T:]]])
    logits = model.predict(window, verbose=0)[0, -1] / {temperature}
    p = np.exp(logits - logits.max())
    written += chars[rng.choice(len(chars), p=p / p.sum())]
print(written)
"""


def keras_code(
    own_text: str | None, lang: str, cell: str, layers: int, units: int, embedding: int,
    length: int, rate: float, epochs: int, batch: int, prompt: str, count: int,
    temperature: float,
) -> str:  # fmt: skip
    """Code that trains a fresh character model of this shape as ``model`` and writes."""
    t = TEXT.for_language(lang)
    if own_text is None:
        source_import = "from widgets.data.text import load_corpus\n"
        text_line = f'text = load_corpus("{lang}")'
    else:
        source_import = ""
        text_line = f"text = {own_text!r}"
    return _CODE.format(
        source_import=source_import,
        text_comment=t("code_text_corpus" if own_text is None else "code_text_own"),
        text_line=text_line,
        model_comment=t("code_model"),
        write_comment=t("code_write"),
        length=int(length),
        embedding=int(embedding),
        layers=int(layers),
        layer="GRU" if cell == "gru" else "LSTM",
        units=int(units),
        rate=repr(float(rate)),
        batch=int(batch),
        epochs=int(epochs),
        prompt=prompt,
        count=int(count),
        temperature=repr(float(temperature)),
    )
