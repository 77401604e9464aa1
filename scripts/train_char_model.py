"""Train the character model lesson 11 ships, so the lesson writes verse at once.

    python scripts/train_char_model.py --lang pl      # Pan Tadeusz  -> widgets/pretrained/char-pl.*
    python scripts/train_char_model.py --lang en      # tiny Shakespeare -> char-en.*

Reads the corpus through DL_COURSE_TEXT_DIR (default ../shared/data/text, as dev.py), trains
a seeded GRU with the lesson's defaults and writes Keras's weights file and a JSON of the
spec, the vocabulary, the epochs, the final loss and the time it took. The same command
reproduces the shipped files (up to TensorFlow's thread scheduling, which makes CPU
training not bit-exact).
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))
os.environ.setdefault("DL_COURSE_TEXT_DIR", str(REPO_ROOT.parent / "shared" / "data" / "text"))

from widgets.data.text import CORPORA, load_corpus  # noqa: E402
from widgets.models import charlm  # noqa: E402

OUT = REPO_ROOT / "widgets" / "pretrained"


def excerpt(text: str, start: int = 20_000, length: int = 600) -> str:
    """``length`` characters of ``text`` from the first line break after ``start``."""
    begin = text.index("\n", start) + 1
    return text[begin : begin + length]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lang", choices=("pl", "en"), required=True)
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--units", type=int, default=256)
    parser.add_argument("--sequence", type=int, default=100)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--rate", type=float, default=3e-3)
    args = parser.parse_args()

    text = load_corpus(args.lang)
    vocabulary = charlm.Vocabulary.of(text)
    x, y = charlm.windows(vocabulary.encode(text), args.sequence)
    spec = charlm.Spec(cell="gru", layers=1, units=args.units)
    model = charlm.compile_model(charlm.build_model(spec, len(vocabulary), seed=0), args.rate)
    start = time.monotonic()
    for epoch in range(args.epochs):
        loss = model.fit(x, y, batch_size=args.batch, epochs=1, verbose=0).history["loss"][-1]
        sample = charlm.Generator(model, vocabulary).write(text[:1], 120, temperature=0.6)
        print(
            f"epoch {epoch + 1}: perplexity {charlm.perplexity(loss):.2f}\n{sample}\n", flush=True
        )
    OUT.mkdir(exist_ok=True)
    charlm.save_pretrained(
        model,
        spec,
        vocabulary,
        OUT / f"char-{args.lang}",
        corpus=CORPORA[args.lang],
        epochs=args.epochs,
        sequence_length=args.sequence,
        batch_size=args.batch,
        learning_rate=args.rate,
        loss=round(float(loss), 4),
        # A piece of the (public-domain) text, for the lesson's prompts and inside views
        # where the corpus itself is not beside the repository (Binder).
        excerpt=excerpt(text),
        seconds=round(time.monotonic() - start),
        command=" ".join(["python", "scripts/train_char_model.py", *sys.argv[1:]]),
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
