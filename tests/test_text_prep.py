"""Lesson 15's text panel headless: typing sentences changes the vocabulary and the
sequences, the controls pad/cut/switch modes as the model module does, the Embedding
image and the masking panel, nonsense told in both languages, the shown code rebuilds
the same vocabulary, padding and Embedding, and exercise 3."""

from __future__ import annotations

import importlib

import numpy as np
import pytest
from code_checks import opened_code, run_code
from message_checks import recording_messages, sent_in_order

from widgets.figures.png import decode_image_url
from widgets.i18n import number
from widgets.models import preprocessing as prep
from widgets.text_prep import TextPrepDashboard, check_padded
from widgets.text_prep.exercises import EXERCISE_TEXTS, expected_padded

TEXT = "Ala ma kota\nKot ma Alę\nŻółw je sałatę"


@pytest.fixture(scope="module")
def en():
    return TextPrepDashboard("en", text=TEXT).wait_ready()


def test_typed_sentences_give_the_vocabulary_and_padded_sequences(en):
    en.configure(text=TEXT, text_mode="int", ngrams=1, max_tokens=100, maxlen=5,
                 text_padding="pre", text_truncating="pre")  # fmt: skip
    reference = prep.vectorize(TEXT.splitlines(), "int")
    assert en.vocabulary == reference.vocabulary
    assert "żółw" in en.vocabulary and "alę" in en.vocabulary  # lowercased in Python
    np.testing.assert_array_equal(en.padded, prep.pad(reference.sequences(), 5))
    assert en.padded[0, :2].tolist() == [0, 0]  # 'pre': the padding first
    assert "dl-pad" in en._sequences.value
    with recording_messages() as messages:
        en.configure(text="the cat\nthe dog barks")
    messages.assert_json()
    assert en.vocabulary[:3] == ["", "[UNK]", "the"]
    assert "barks" in en.vocabulary_text and "żółw" not in en.vocabulary_text


def test_the_sentences_box_sends_its_text_when_left_not_at_every_key(en):
    """As the help says ("click outside the box"); at every key the page adapted again
    and the benchmark's Tab found the vocabulary changed already (tests/browser checks it
    in the page too)."""
    assert en._text.continuous_update is False


def test_padding_truncating_and_maxlen_pad_again(en):
    en.configure(text="a b c d e f\ng h", maxlen=4, text_padding="post", text_truncating="post")
    index = {t: i for i, t in enumerate(en.vocabulary)}
    assert en.padded.tolist() == [
        [index[w] for w in "a b c d".split()],
        [index["g"], index["h"], 0, 0],
    ]
    en.configure(text_truncating="pre", text_padding="pre")
    assert en.padded.tolist()[0] == [index[w] for w in "c d e f".split()]
    assert en.padded.tolist()[1][:2] == [0, 0]


def test_matrix_modes_and_ngrams(en):
    en.configure(text=TEXT, text_mode="tf_idf", ngrams=2, maxlen=5)
    reference = prep.vectorize(TEXT.splitlines(), "tf_idf", ngrams=2)
    np.testing.assert_allclose(en.matrix, reference.output)
    assert "ma kota" in en.matrix_vocabulary
    assert en._matrix.layout.display is None and "tf_idf" in en._matrix.value
    en.configure(text_mode="int", ngrams=1)
    assert en.matrix is None and en._matrix.layout.display == "none"
    en.configure(max_tokens=4)  # '' , [UNK] and the two most frequent
    assert len(en.vocabulary) == 4 and en.vocabulary[2] == "ma"
    en.configure(max_tokens=100)


def test_embedding_image_and_the_masking_panel(en):
    en.configure(text=TEXT, maxlen=6, text_padding="pre")
    en.wait_masked()
    assert en.vectors.shape == (3, 6, 4)
    np.testing.assert_allclose(en.vectors, np.asarray(en.model(en.padded)))
    source = en.embedding_figure.layout.images[0].source
    pixels = decode_image_url(source)
    assert pixels.shape[:2] == (3 * 5 - 1, 6)  # three bands of 4 rows, a gap between
    assert en.masking.equal and en.masking.unmasked_gap > 0.01
    assert "✓" in en._masking.value and "✗" in en._masking.value
    first = number(round(float(en.masking.masked[0]), 3), "en")
    assert f"[{first}, " in en._masking.value and "; " not in en._masking.value  # English
    en.configure(maxlen=7)
    assert decode_image_url(en.embedding_figure.layout.images[0].source).shape[1] == 7


def test_the_mode_sends_only_the_matrix_and_padding_the_text_first(en, monkeypatch):
    """What a press shows first (issue 19): the mode's toggles changed only the matrix but
    padded, embedded and sent the Embedding's image again before it was seen; a padding
    press sent the image before the sequences' text."""
    en.configure(text=TEXT, text_mode="int", maxlen=6, text_padding="pre")
    vectorizer, padded = en.vectorizer, en.padded.copy()
    for mode in ("count", "int", "count"):
        sent = sent_in_order(monkeypatch)
        en._mode.value = mode  # as the toggles set it
        assert en.vectorizer is vectorizer and (en.padded == padded).all()
        assert en.embedding_figure not in sent and en._sequences not in sent, mode
        assert en._matrix.layout in sent or en._matrix in sent, mode  # shown or hidden
        monkeypatch.undo()
    assert "count" in en.code()
    sent = sent_in_order(monkeypatch)
    en._padding.value = "post"
    assert sent.index(en._sequences) < sent.index(en.embedding_figure)
    monkeypatch.undo()
    np.testing.assert_allclose(en.vectors, np.asarray(en.model(en.padded)))  # numpy's look-up
    assert en.padded[0, -1] == 0  # 'post'
    en.configure(text_mode="int", text_padding="pre")


def test_a_new_text_shows_its_vocabulary_before_keras_adapts(en, monkeypatch):
    """The sentences box waited for TextVectorization.adapt before anything changed (issue
    19): the vocabulary found in Python (tests/test_preprocessing.py checks it is Keras'
    own) is drawn first, and the adapt's own is the same."""
    seen = []
    adapt = prep.vectorize

    def vectorize(texts, mode="int", *args, **kwargs):
        seen.append((mode, en._vocabulary.value, en._size.value))
        return adapt(texts, mode, *args, **kwargs)

    real = importlib.import_module(prep.__name__)  # prep is a lazy stand-in
    monkeypatch.setattr(real, "vectorize", vectorize)
    en.configure(text=TEXT, text_mode="int", ngrams=1, max_tokens=100)
    seen.clear()
    en._text.value = "zebra zebra kangur\nKangur zebra"  # as the box sends it
    assert seen and seen[0][0] == "int"
    _mode, shown, size = seen[0]
    assert "zebra" in shown and "kangur" in shown and "4" in size
    drawn = en._vocabulary.value
    assert en.vocabulary == ["", "[UNK]", "zebra", "kangur"] and drawn == shown
    en.configure(text=TEXT)


@pytest.mark.parametrize(
    ("lang", "text", "phrase"),
    [
        ("pl", "  \n ", "nie ma tekstu"),
        ("en", "  \n ", "there is no text"),
        ("pl", "!!! ...", "nie ma ani jednego słowa"),
        ("en", "!!! ...", "has no words"),
    ],
)
def test_empty_text_is_told_and_the_old_state_stays(lang, text, phrase):
    dashboard = TextPrepDashboard(lang, text=TEXT).wait_ready()
    vocabulary = list(dashboard.vocabulary)
    dashboard._text.value = text  # as the student types it
    assert phrase in dashboard.error_text
    assert dashboard.vocabulary == vocabulary
    dashboard._text.value = "nowe zdanie"
    assert dashboard.error_text == "" and "nowe" in dashboard.vocabulary


def test_a_bad_text_at_construction_is_told_and_the_panel_lives():
    dashboard = TextPrepDashboard("en", text="!!!").wait_ready()
    assert "has no words" in dashboard.error_text
    dashboard._text.value = "a new text"
    assert dashboard.error_text == "" and "new" in dashboard.vocabulary


def test_configure_refuses_nonsense_naming_the_setting(en):
    en.configure(text_mode="tfidf")
    assert "text_mode" in en.error_text
    en.configure(maxlen=0)
    assert "maxlen" in en.error_text
    en.configure(text_padding="middle")
    assert "text_padding" in en.error_text
    en.configure(text="")
    assert "texts" in en.error_text
    en.configure(text=TEXT)
    assert en.error_text == ""


def test_presets_load_the_corpora():
    pl = TextPrepDashboard("pl").wait_ready()
    pl.configure(text_preset="pan_tadeusz")
    assert pl.error_text == "" and "litwo" in pl.vocabulary and "ojczyzno" in pl.vocabulary
    pl.configure(text_preset="sentences")
    assert "żółw" in pl.vocabulary


@pytest.mark.parametrize(
    "settings",
    [
        {"text_mode": "int", "maxlen": 5, "text_padding": "pre"},
        {"text_mode": "count", "ngrams": 2, "maxlen": 3, "text_padding": "post",
         "text_truncating": "post", "max_tokens": 8},
    ],
)  # fmt: skip
def test_the_shown_code_rebuilds_the_panel(en, settings):
    en.configure(**{"text": TEXT, "ngrams": 1, "max_tokens": 100, "text_truncating": "pre",
                    **settings})  # fmt: skip
    namespace = run_code(opened_code(en))
    assert namespace["vocabulary"] == en.vocabulary
    np.testing.assert_array_equal(namespace["padded"], en.padded)
    np.testing.assert_allclose(namespace["model"].get_weights()[0], en.model.get_weights()[0])
    np.testing.assert_allclose(namespace["vectors"], en.vectors)
    if settings["text_mode"] != "int":
        np.testing.assert_allclose(namespace["matrix"], en.matrix)


def test_the_padding_exercise():
    for lang in ("pl", "en"):
        want = expected_padded(lang)
        assert check_padded(want, lang).passed
        assert len(EXERCISE_TEXTS[lang]) == want.shape[0]
        sequences = prep.vectorize(EXERCISE_TEXTS[lang]).sequences()
        pre = prep.pad(sequences, 6, "pre", "post")
        assert "padding" in check_padded(pre, lang).message
        cut = prep.pad(sequences, 6, "post", "pre")
        assert "truncating" in check_padded(cut, lang).message
    assert not check_padded("abc", "pl").passed
    assert "(3, 6)" in check_padded(np.zeros((2, 6), int), "en").message
