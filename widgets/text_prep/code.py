"""The "show the code" for lesson 15's text panel: the sentences lowercased, a
TextVectorization adapted on them, the sequences padded by ``keras.utils.pad_sequences``
and put through the seeded Embedding (``model``); in the matrix modes also the
TextVectorization of that mode and its matrix."""

from __future__ import annotations

from .texts import TEXT

_CODE = """import keras
import numpy as np

texts = {texts}
{lower}
texts = [text.lower() for text in texts]

vectorizer = keras.layers.TextVectorization(max_tokens={max_tokens}, ngrams={ngrams})
vectorizer.adapt(texts)
vocabulary = vectorizer.get_vocabulary()
print(vocabulary)
{sequences}
sequences = [[i for i in row if i != 0] for row in np.asarray(vectorizer(texts)).tolist()]
padded = keras.utils.pad_sequences(
    sequences, maxlen={maxlen}, padding="{padding}", truncating="{truncating}"
)
print(padded)

{embedding}
model = keras.Sequential(
    [
        keras.Input(({maxlen},), dtype="int32"),
        keras.layers.Embedding(
            len(vocabulary),
            {dim},
            embeddings_initializer=keras.initializers.RandomUniform(-0.05, 0.05, seed={seed}),
            mask_zero=True,
        ),
    ]
)
vectors = np.asarray(model(padded))
print(vectors.shape)
"""

_MATRIX = """
{comment}
to_matrix = keras.layers.TextVectorization(
    max_tokens={max_tokens}, ngrams={ngrams}, output_mode="{mode}"
)
to_matrix.adapt(texts)
matrix = np.asarray(to_matrix(texts))
print(to_matrix.get_vocabulary())
print(matrix.round(2))
"""


def keras_code(
    texts: list[str], mode: str, ngrams: int, max_tokens: int | None, maxlen: int,
    padding: str, truncating: str, dim: int, seed: int, lang: str,
) -> str:  # fmt: skip
    """Code for the panel; the Embedding model is ``model``."""
    t = TEXT.for_language(lang)
    lines = ",\n".join(f"    {text!r}" for text in texts)
    values = {
        "max_tokens": repr(max_tokens),
        "ngrams": repr(ngrams if ngrams > 1 else None),
        "maxlen": int(maxlen),
    }
    code = _CODE.format(
        texts=f"[\n{lines},\n]",
        lower=t("code_lower"),
        sequences=t("code_sequences"),
        embedding=t("code_embedding"),
        padding=padding,
        truncating=truncating,
        dim=int(dim),
        seed=int(seed),
        **values,
    )
    if mode != "int":
        code += _MATRIX.format(comment=t("code_matrix", mode=mode), mode=mode, **values)
    return code
