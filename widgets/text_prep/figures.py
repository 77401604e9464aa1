"""Lesson 15's text panel: the vocabulary, the padded sequences and the matrix as HTML
tables (a new table is one string), the Embedding's output as one PNG layout image (a new
``source`` is redrawn alone; see :mod:`widgets.figures.png`)."""

from __future__ import annotations

import html

import numpy as np

from ..figures.light import LightFigureWidget
from ..figures.png import image_url
from ..figures.style import base_layout
from ..i18n import number

MAX_ROWS = 12  # sentences drawn in the tables and the image (the rest: "…")
MAX_COLUMNS = 40  # vocabulary tokens shown as matrix columns
MAX_VOCABULARY = 200  # tokens listed (a pasted book has thousands)
MAX_TOKEN_CHARS = 24  # a longer token is shown cut, with "…"


def shown(token: str) -> str:
    """A token as a table shows it: escaped, cut after :data:`MAX_TOKEN_CHARS`."""
    cut = token if len(token) <= MAX_TOKEN_CHARS else token[: MAX_TOKEN_CHARS - 1] + "…"
    return html.escape(cut)


EMBED_RANGE = 0.05  # the Embedding's RandomUniform(−0.05, 0.05) start

STYLE = (
    ".dl-text-prep .dl-tokens td,.dl-text-prep .dl-tokens th{padding:1px 5px;"
    "text-align:center;font-variant-numeric:tabular-nums}"
    ".dl-text-prep .dl-tokens th{white-space:nowrap}"
    ".dl-text-prep .dl-tokens td.dl-pad{background:#e6e6e6;color:#999}"
    ".dl-text-prep .dl-scroll{max-width:100%;overflow-x:auto}"
    ".dl-text-prep .dl-vocab{max-height:260px;overflow-y:auto}"
)


def vocabulary_html(vocabulary: list[str], padding_word: str) -> str:
    """Index → token, two columns; ``""`` shown as ``padding_word``."""
    rows = "".join(
        f"<tr><td>{i}</td><td>{html.escape(token) if token else f'<i>{padding_word}</i>'}</td></tr>"
        for i, token in enumerate(vocabulary)
    )
    return f"<div class='dl-vocab'><table class='dl-table dl-tokens'>{rows}</table></div>"


def sequences_html(padded: np.ndarray, vocabulary: list[str], label: str) -> str:
    """One row a sentence, one cell an id; the padding (0) grey; the token as a tooltip."""
    lines = []
    for r, row in enumerate(np.asarray(padded)[:MAX_ROWS]):
        cells = "".join(
            "<td class='dl-pad'>0</td>"
            if v == 0
            else f"<td title='{html.escape(_token(vocabulary, v), quote=True)}'>{int(v)}</td>"
            for v in row
        )
        lines.append(f"<tr><th>{label} {r + 1}</th>{cells}</tr>")
    more = "<tr><td>…</td></tr>" if len(padded) > MAX_ROWS else ""
    return (
        f"<div class='dl-scroll'><table class='dl-table dl-tokens dl-sequences'>"
        f"{''.join(lines)}{more}</table></div>"
    )


def _token(vocabulary: list[str], index) -> str:
    return vocabulary[int(index)] if 0 <= int(index) < len(vocabulary) else "?"


def matrix_html(matrix: np.ndarray, vocabulary: list[str], label: str, lang: str) -> str:
    """Sentences × tokens, numbers the page's way; zeros grey."""
    matrix = np.asarray(matrix)[:MAX_ROWS, :MAX_COLUMNS]
    head = "".join(f"<th>{shown(t)}</th>" for t in vocabulary[:MAX_COLUMNS])
    lines = []
    for r, row in enumerate(matrix):
        cells = "".join(
            "<td class='dl-pad'>0</td>"
            if v == 0
            else f"<td>{number(round(float(v), 2), lang)}</td>"
            for v in row
        )
        lines.append(f"<tr><th>{label} {r + 1}</th>{cells}</tr>")
    return (
        f"<div class='dl-scroll'><table class='dl-table dl-tokens dl-matrix'><tr><th></th>"
        f"{head}</tr>{''.join(lines)}</table></div>"
    )


def embedding_pixels(vectors: np.ndarray) -> np.ndarray:
    """``(texts, length, dim)`` as an image: a band of ``dim`` rows a sentence (one
    transparent row between bands), a column a position."""
    vectors = np.asarray(vectors, dtype=np.float32)[:MAX_ROWS]
    texts, length, dim = vectors.shape
    image = np.full((texts * (dim + 1) - 1, length), np.nan, dtype=np.float32)
    for t in range(texts):
        image[t * (dim + 1) : t * (dim + 1) + dim] = vectors[t].T
    return image


def embedding_url(vectors: np.ndarray) -> str:
    return image_url(embedding_pixels(vectors), "RdBu", -EMBED_RANGE, EMBED_RANGE)


def embedding_figure(title: str) -> LightFigureWidget:
    """One layout image stretched over fixed unit axes (new sizes change no axis)."""
    hidden = {"visible": False, "showgrid": False, "zeroline": False}
    image = {
        "source": "", "xref": "x", "yref": "y", "x": 0, "y": 0, "sizex": 1, "sizey": 1,
        "sizing": "stretch", "layer": "below",
    }  # fmt: skip
    return LightFigureWidget(
        data=[],
        layout=base_layout(
            title={"text": title, "font": {"size": 13}},
            width=460,
            height=280,
            margin={"l": 8, "r": 8, "t": 56, "b": 8},
            xaxis={**hidden, "range": [0, 1]},
            yaxis={**hidden, "range": [1, 0]},
            images=[image],
        ),
    )
