"""Lesson 15's preprocessing in Keras 3 against references counted by hand: the
vocabulary and sequences of TextVectorization against plain Python, multi-hot / count /
tf-idf against numpy (Keras' idf is log(1 + N / (1 + df)), the [UNK] column's the mean
idf), pad_sequences pre/post, masking, seeded augmentation and the predict trap,
Normalization.adapt, and the messages in both languages."""

from __future__ import annotations

import math
from collections import Counter

import numpy as np
import pytest

from widgets.data import load_mnist
from widgets.errors import StudentError, describe
from widgets.models import preprocessing as prep

CORPUS = ["the cat sat", "the cat and the dog", "a dog"]


def reference_vocabulary(texts, ngrams=1):
    """Tokens by falling count, ties in falling byte order (as Keras' lookup sorts)."""
    counts = Counter()
    for text in texts:
        words = text.split()
        for n in range(1, ngrams + 1):
            counts.update(" ".join(words[i : i + n]) for i in range(len(words) - n + 1))
    by_bytes = sorted(counts, key=lambda t: t.encode(), reverse=True)
    return sorted(by_bytes, key=lambda t: -counts[t]), counts


def test_vocabulary_and_sequences_match_a_count_by_hand():
    tokens, _ = reference_vocabulary(CORPUS)
    v = prep.vectorize(CORPUS, "int")
    assert v.vocabulary == ["", "[UNK]", *tokens]
    index = {t: i for i, t in enumerate(v.vocabulary)}
    want = [[index[w] for w in text.split()] for text in CORPUS]
    assert v.sequences() == want
    assert v.output.shape == (3, 5)  # padded at the end to the longest text, with 0
    assert v.output[0, 3:].tolist() == [0, 0]
    # max_tokens keeps the most frequent; an unknown word is 1
    small = prep.vectorize(CORPUS, "int", max_tokens=4)
    assert small.vocabulary == ["", "[UNK]", "the", tokens[1]]
    assert np.asarray(small.layer(["the zebra"])).tolist()[0][:2] == [2, 1]
    fixed = prep.vectorize(CORPUS, "int", output_sequence_length=2)
    assert fixed.output.tolist() == [row[:2] for row in want]


def test_polish_letters_survive_and_are_lowercased_in_python_first():
    texts = ["Litwo! Ojczyzno moja!", "Żółć, gęślą jaźń."]
    v = prep.vectorize(texts, "int")
    assert {"żółć", "gęślą", "jaźń", "litwo"} <= set(v.vocabulary)
    raw = prep.vectorize(texts, "int", lower=False)  # Keras' default lowercases ASCII only
    assert "Żółć" in raw.vocabulary and "litwo" in raw.vocabulary


@pytest.mark.parametrize("ngrams", [1, 2])
def test_multi_hot_count_and_tf_idf_match_numpy(ngrams):
    tokens, _ = reference_vocabulary(CORPUS, ngrams)
    counted = prep.vectorize(CORPUS, "count", ngrams=ngrams)
    assert counted.vocabulary == ["[UNK]", *tokens]
    grams = []
    for text in CORPUS:
        words = text.split()
        grams.append(
            Counter(
                " ".join(words[i : i + n])
                for n in range(1, ngrams + 1)
                for i in range(len(words) - n + 1)
            )
        )
    counts = np.array([[g[t] for t in counted.vocabulary] for g in grams], dtype=float)
    np.testing.assert_allclose(counted.output, counts)
    hot = prep.vectorize(CORPUS, "multi_hot", ngrams=ngrams)
    np.testing.assert_allclose(hot.output, counts > 0)
    tfidf = prep.vectorize(CORPUS, "tf_idf", ngrams=ngrams)
    df = (counts > 0).sum(axis=0)
    idf = np.log(1 + len(CORPUS) / (1 + df))
    idf[0] = idf[1:].mean()  # the [UNK] column: the mean idf of the vocabulary
    np.testing.assert_allclose(tfidf.output, counts * idf, rtol=1e-5)


def test_pad_and_truncate_pre_and_post_like_a_reference():
    seqs = [[1, 2, 3, 4, 5], [6, 7], [8]]

    def reference(s, n, padding, truncating):
        s = s[-n:] if truncating == "pre" else s[:n]
        fill = [0] * (n - len(s))
        return fill + s if padding == "pre" else s + fill

    for padding in ("pre", "post"):
        for truncating in ("pre", "post"):
            got = prep.pad(seqs, 3, padding, truncating)
            assert got.tolist() == [reference(s, 3, padding, truncating) for s in seqs]
    assert prep.pad(seqs).shape == (3, 5)  # the longest


@pytest.mark.parametrize("method", ["embedding", "masking"])
@pytest.mark.parametrize("padding", ["pre", "post"])
def test_masking_makes_padding_invisible_and_without_it_the_output_differs(method, padding):
    result = prep.masking_demo([3, 4, 5], 7, padding, method=method)
    assert result.equal
    assert result.unmasked_gap > 0.05
    assert (result.padded == 0).sum() == 4


def test_embedding_of_padded_ids_has_one_vector_per_id():
    padded = prep.pad([[2, 3], [4]], 3)
    out = prep.embed(padded, vocabulary_size=5, dim=4, seed=1)
    assert out.shape == (2, 3, 4)
    np.testing.assert_allclose(out[0, 0], out[1, 0])  # both the padding id 0
    assert not np.allclose(out[0, 1], out[0, 2])  # ids 2 and 3


@pytest.fixture(scope="module")
def digit():
    return load_mnist().x_test[0].astype("float32") / 255.0


def test_seeded_augmentation_changes_a_direct_call_and_not_predict(digit):
    factors = {"rotation": 0.1, "zoom": 0.2, "translation": 0.1, "contrast": 0.3}
    grid = prep.augment_grid(digit, 8, seed=3, **factors)
    assert grid.shape == (8, 28, 28)
    assert all(np.abs(g - digit).mean() > 1e-3 for g in grid)
    assert not np.allclose(grid[0], grid[1])  # different draws in one batch
    np.testing.assert_allclose(grid, prep.augment_grid(digit, 8, seed=3, **factors))
    trap = prep.predict_trap(digit, 8, seed=3, **factors)
    np.testing.assert_allclose(trap, np.repeat(digit[None], 8, axis=0), atol=1e-6)


def test_flip_is_an_exact_mirror(digit):
    grid = prep.augment_grid(digit, 16, seed=0, flip="horizontal")
    for g in grid:
        assert np.allclose(g, digit) or np.allclose(g, digit[:, ::-1])
    assert any(np.allclose(g, digit[:, ::-1]) for g in grid)


def test_normalization_after_adapt_has_mean_0_and_std_1():
    images = load_mnist().x_test[:300].astype("float32") / 255.0
    result = prep.normalization_demo(images)
    assert result.mean == pytest.approx(images.mean(), rel=1e-4)
    assert result.variance == pytest.approx(images.var(), rel=1e-3)
    assert abs(result.after.mean()) < 1e-4 and result.after.std() == pytest.approx(1, abs=1e-3)


@pytest.mark.parametrize(
    ("call", "argument"),
    [
        (lambda: prep.vectorize([], "int"), "texts"),
        (lambda: prep.vectorize(["   "], "int"), "texts"),
        (lambda: prep.vectorize(["!!! ..."], "int"), "texts"),
        (lambda: prep.sentences("\n \n"), "texts"),
        (lambda: prep.vectorize(["a b"], "tfidf"), "mode"),
        (lambda: prep.vectorize(["a b"], ngrams=0), "ngrams"),
        (lambda: prep.vectorize(["a b"], max_tokens=2), "max_tokens"),
        (lambda: prep.vectorize(["a b"], output_sequence_length=0), "output_sequence_length"),
        (lambda: prep.pad([[1, 2]], 0), "maxlen"),
        (lambda: prep.pad([[1, 2]], 2, "middle"), "padding"),
        (lambda: prep.pad([[1, 2]], 2, "pre", "both"), "truncating"),
        (lambda: prep.pad([[]], 2), "sequences"),
        (lambda: prep.masking_demo([1, 2, 3], 2), "maxlen"),
        (lambda: prep.augment_grid(np.zeros((28, 28)), zoom=1.5), "zoom"),
        (lambda: prep.augment_grid(np.zeros((28, 28)), rotation=-0.1), "rotation"),
        (lambda: prep.augment_grid(np.zeros((28, 28)), contrast=math.nan), "contrast"),
        (lambda: prep.augment_grid(np.zeros((28, 28)), flip="diagonal"), "flip"),
        (lambda: prep.augment_grid(None, rotation=0.1), "image"),
    ],
)
def test_nonsense_is_told_naming_the_argument_in_both_languages(call, argument):
    with pytest.raises(StudentError) as caught:
        call()
    for lang, word in (("pl", "Argument"), ("en", "Argument")):
        sentence, _ = describe(caught.value, lang)
        assert sentence.startswith(f"{word} {argument}"), sentence
    assert describe(caught.value, "pl")[0] != describe(caught.value, "en")[0]


def _texts_for_vocabulary():
    from widgets.data.text import load_corpus
    from widgets.text_prep.texts import SENTENCES

    yield SENTENCES["pl"].splitlines()
    yield SENTENCES["en"].splitlines()
    for lang in ("pl", "en"):
        try:
            lines = [line.strip() for line in load_corpus(lang).splitlines() if line.strip()]
        except Exception:  # noqa: BLE001  (no corpus on this machine: the rest still checks)
            continue
        yield lines[:40]
    yield ["Żółw, ŻÓŁW i żółw!", "a-b a.b a_b «cytat» — myślnik", "x\u00a0y  z\tz", "1 2 2 3 3 3"]
    yield ["the b a c b a", "a b c", "B A", "don't stop", "[UNK] unk"]  # ties, specials


@pytest.mark.parametrize("ngrams", [1, 2, 3])
@pytest.mark.parametrize("max_tokens", [None, 5, 12])
def test_the_int_vocabulary_found_in_python_is_keras_own(ngrams, max_tokens):
    """The text panel draws this vocabulary before TextVectorization.adapt (issue 19):
    it must be the one Keras finds, order and ties included."""
    for texts in _texts_for_vocabulary():
        keras_vocabulary = prep.vectorize(texts, "int", ngrams, max_tokens).vocabulary
        assert prep.int_vocabulary(texts, ngrams, max_tokens) == keras_vocabulary, texts[:2]
