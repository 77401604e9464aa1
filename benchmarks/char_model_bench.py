#!/usr/bin/env python
"""Lesson 11, the character model: training and writing against bare Keras.

    python benchmarks/char_model_bench.py [--lang pl] [--chars 60000] [--epochs 2] [--samples 3]

Measures in one process, alternating bare and dashboard so a shared machine's load falls
on both alike:

- **training**: a bare ``model.fit(x, y, epochs=E, batch_size=64, shuffle=True)`` of a
  freshly built model of the lesson (:mod:`widgets.models.charlm`, GRU 256, the first
  ``--chars`` characters of the lesson's corpus, windows of 100) against a headless
  :class:`~widgets.rnn_text.CharModelDashboard` with the same model and data pressing
  "train on" for E epochs, timed until the run has ended and been drawn (perplexity
  after batches, three samples of 160 characters after every epoch, the inside views
  at the end). Each side trains one epoch first, unmeasured (tracing). Throughput is
  characters a second; the issue's target is dashboard ≥ 0.8× bare.
- **writing**: the lesson's :class:`~widgets.models.charlm.Generator` writing 100 and
  1,000 characters (cost a character; target: at 1,000 ≤ 1.2× at 100), against the
  sampling loop a Keras user writes: the same layers rebuilt ``stateful=True`` with a
  batch of one, weights copied, ``model(x)`` a character and a numpy draw (target:
  the lesson's ≥ 0.8× its speed).

Needs the corpus (``DL_COURSE_TEXT_DIR``; by default ../shared/data/text, as dev.py).
Prints a Markdown table with the load average seen.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))
os.environ.setdefault("DL_COURSE_TEXT_DIR", str(REPO_ROOT.parent / "shared" / "data" / "text"))

import numpy as np  # noqa: E402

from widgets.data.text import load_corpus  # noqa: E402
from widgets.models import charlm  # noqa: E402

SPEC = charlm.Spec(cell="gru", layers=1, units=256)
WINDOW = 100


def bare_fit_seconds(text: str, epochs: int) -> float:
    vocabulary = charlm.Vocabulary.of(text)
    x, y = charlm.windows(vocabulary.encode(text), WINDOW)
    model = charlm.compile_model(charlm.build_model(SPEC, len(vocabulary)))
    model.fit(x, y, epochs=1, batch_size=64, shuffle=True, verbose=0)  # tracing
    start = time.perf_counter()
    model.fit(x, y, epochs=epochs, batch_size=64, shuffle=True, verbose=0)
    return time.perf_counter() - start


def dashboard_seconds(lang: str, text: str, epochs: int) -> float:
    from widgets.rnn_text import CharModelDashboard

    dashboard = CharModelDashboard(lang, corpus=text, pretrained=False).wait_ready()
    dashboard.configure(units=SPEC.units, sequence_length=WINDOW, epochs=1)
    dashboard.train(background=False)  # tracing
    dashboard.configure(epochs=epochs)
    start = time.perf_counter()
    dashboard.train()
    dashboard.wait_trained(3600)
    seconds = time.perf_counter() - start
    assert dashboard.error_text == "", dashboard.error_text
    return seconds


def stateful_copy(model, vocabulary_size: int):
    """The sampling model a Keras user builds: the same layers, ``stateful=True``, batch 1."""
    import keras

    inputs = keras.Input(batch_shape=(1, 1), dtype="int32")
    x = keras.layers.Embedding(vocabulary_size, SPEC.embedding)(inputs)
    x = keras.layers.GRU(SPEC.units, return_sequences=True, stateful=True)(x)
    outputs = keras.layers.Dense(vocabulary_size)(x)
    copy = keras.Model(inputs, outputs)
    copy.set_weights(model.get_weights())
    return copy


def bare_write_seconds(model, vocabulary: charlm.Vocabulary, length: int, rng) -> float:
    copy = stateful_copy(model, len(vocabulary))
    for layer in copy.layers:
        if hasattr(layer, "reset_states"):
            layer.reset_states()
    char = np.array([[0]], dtype=np.int32)
    copy(char)  # tracing
    start = time.perf_counter()
    for _ in range(length):
        logits = np.asarray(copy(char))[0, -1]
        char[0, 0] = charlm.sample_index(logits, 1.0, rng)
    return time.perf_counter() - start


def lesson_write_seconds(generator: charlm.Generator, length: int, rng) -> float:
    generator.write("a", 5, 1.0, rng)  # tracing
    start = time.perf_counter()
    generator.write("a", length, 1.0, rng)
    return time.perf_counter() - start


def load() -> str:
    return ", ".join(f"{value:.1f}" for value in os.getloadavg())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", default="pl", choices=("pl", "en"))
    parser.add_argument("--chars", type=int, default=60_000)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--samples", type=int, default=3)
    args = parser.parse_args()
    text = load_corpus(args.lang)[: args.chars]
    loads = [load()]
    bare, board = [], []
    for _ in range(args.samples):
        bare.append(bare_fit_seconds(text, args.epochs))
        board.append(dashboard_seconds(args.lang, text, args.epochs))
        loads.append(load())
    chars = len(text) * args.epochs
    bare_rate, board_rate = chars / statistics.median(bare), chars / statistics.median(board)

    vocabulary = charlm.Vocabulary.of(text)
    model = charlm.build_model(SPEC, len(vocabulary))
    generator = charlm.Generator(model, vocabulary)
    rng = np.random.default_rng(0)
    lesson = {n: [] for n in (100, 1000)}
    keras_loop = []
    for _ in range(args.samples):
        for n in lesson:
            lesson[n].append(lesson_write_seconds(generator, n, rng) / n)
        keras_loop.append(bare_write_seconds(model, vocabulary, 1000, rng) / 1000)
    at_100, at_1000 = (statistics.median(lesson[n]) * 1e3 for n in (100, 1000))
    bare_char = statistics.median(keras_loop) * 1e3

    print(f"# Lesson 11, character model ({args.lang}, {len(text):,} characters, GRU 256)\n")
    print(f"1-min load averages seen: {'; '.join(loads)}\n")
    print("| metric | lesson | reference | ratio | target |")
    print("| --- | ---: | ---: | ---: | ---: |")
    print(
        f"| training, characters a second (median of {args.samples}) | {board_rate:,.0f} "
        f"| {bare_rate:,.0f} (bare fit) | {board_rate / bare_rate:.2f}× | ≥ 0.8× |"
    )
    print(
        f"| writing, ms a character at 1,000 / at 100 | {at_1000:.2f} | {at_100:.2f} "
        f"| {at_1000 / at_100:.2f}× | ≤ 1.2× |"
    )
    print(
        f"| writing speed against a stateful Keras loop | {at_1000:.2f} ms | {bare_char:.2f} ms "
        f"| {bare_char / at_1000:.2f}× | ≥ 0.8× |"
    )
    print(f"\nRaw: bare fits {bare} s; dashboard {board} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
