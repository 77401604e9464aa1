"""Lesson 11's character model: vocabulary, windows, the one-step generator against the
full model, learning a periodic text, sampling against numpy, connectivity, the corpus
loader and its messages in both languages."""

from __future__ import annotations

import math
import time

import numpy as np
import pytest

from widgets.data import text as corpus
from widgets.errors import StudentError
from widgets.models import charlm

PERIODIC = "abcdefgh " * 300


@pytest.fixture(scope="module")
def trained():
    """A small GRU and LSTM trained on a periodic text until it knows it (a few seconds)."""
    vocabulary = charlm.Vocabulary.of(PERIODIC)
    x, y = charlm.windows(vocabulary.encode(PERIODIC), 32)
    models = {}
    for cell in charlm.CELLS:
        spec = charlm.Spec(cell=cell, layers=2, units=32)
        model = charlm.compile_model(charlm.build_model(spec, len(vocabulary)))
        before = model.evaluate(x, y, verbose=0)
        model.fit(x, y, epochs=15, batch_size=16, verbose=0)
        models[cell] = (model, before, model.evaluate(x, y, verbose=0))
    return vocabulary, models


def test_vocabulary_round_trips_and_names_unknown_characters():
    vocabulary = charlm.Vocabulary.of("Litwo! Ojczyzno moja!")
    assert vocabulary.decode(vocabulary.encode("moja!")) == "moja!"
    assert list(vocabulary.chars) == sorted(set("Litwo! Ojczyzno moja!"))
    assert vocabulary.unknown("Litwo, tęskno!") == ",ksę"
    assert charlm.Vocabulary.from_json(vocabulary.to_json()) == vocabulary


def test_windows_are_targets_shifted_by_one():
    ids = np.arange(20)
    x, y = charlm.windows(ids, 5)
    assert x.shape == y.shape == (3, 5)
    np.testing.assert_array_equal(y, x + 1)
    np.testing.assert_array_equal(x[:, 0], [0, 5, 10])


def test_an_untrained_model_guesses_among_all_characters_and_training_learns(trained):
    vocabulary, models = trained
    for _, before, after in models.values():
        # Untrained: perplexity near the vocabulary size (9); a periodic text is learnt.
        assert 0.6 * len(vocabulary) < charlm.perplexity(before) < 1.5 * len(vocabulary)
        assert charlm.perplexity(after) < 1.5


@pytest.mark.parametrize("cell", charlm.CELLS)
def test_the_one_step_generator_agrees_with_the_full_model(trained, cell):
    vocabulary, models = trained
    model = models[cell][0]
    prompt = "cdefgh abcdefgh a"
    full = np.asarray(model(vocabulary.encode(prompt)[None]))[0]
    generator = charlm.Generator(model, vocabulary)
    for position in range(len(prompt)):
        step = generator.step(int(vocabulary.encode(prompt[position])[0]))
        np.testing.assert_allclose(step, full[position], atol=1e-4)


@pytest.mark.parametrize("cell", charlm.CELLS)
def test_argmax_writing_continues_the_period(trained, cell):
    vocabulary, models = trained
    generator = charlm.Generator(models[cell][0], vocabulary)
    assert generator.write("abc", 18, temperature=None) == "defgh abcdefgh abc"


def test_a_character_costs_the_same_after_a_thousand(trained):
    vocabulary, models = trained
    generator = charlm.Generator(models["gru"][0], vocabulary)
    generator.write("a", 20, 1.0, np.random.default_rng(0))  # traced once here
    costs = {100: [], 1000: []}
    for _ in range(3):  # alternating, so a busy moment falls on both lengths alike
        for length, samples in costs.items():
            start = time.perf_counter()
            generator.write("a", length, 1.0, np.random.default_rng(0))
            samples.append((time.perf_counter() - start) / length)
    at_100, at_1000 = (float(np.median(samples)) for samples in costs.values())
    # Re-reading the prefix would make the second 5x the first; allow a noisy machine 2x.
    assert at_1000 < 2.0 * at_100


def test_sampling_follows_softmax_of_logits_over_temperature():
    rng = np.random.default_rng(0)
    logits = np.array([2.0, 1.0, 0.0, -1.0])
    for temperature in (0.5, 1.0, 2.0):
        expected = np.exp(logits / temperature) / np.exp(logits / temperature).sum()
        draws = [charlm.sample_index(logits, temperature, rng) for _ in range(8000)]
        observed = np.bincount(draws, minlength=4) / len(draws)
        np.testing.assert_allclose(observed, expected, atol=0.02)
    with pytest.raises(ValueError, match="temperature"):
        charlm.sample_index(logits, 0.0, rng)


def test_perplexity_is_exp_of_the_loss_and_infinite_when_it_diverged():
    assert charlm.perplexity(math.log(27)) == pytest.approx(27)
    assert charlm.perplexity(float("nan")) == math.inf


@pytest.mark.parametrize("cell", charlm.CELLS)
def test_connectivity_covers_the_past_only_and_is_largest_near_the_position(trained, cell):
    vocabulary, models = trained
    ids = vocabulary.encode("abcdefgh abcdefgh ")
    norms = charlm.connectivity(models[cell][0], ids, 12)
    assert norms.shape == (13,)
    assert np.all(np.isfinite(norms)) and norms.max() > 0
    # The period is 9: what follows position 12 is decided by the last few characters.
    assert norms[-3:].sum() > norms[:3].sum()


def test_hidden_states_have_one_row_a_character(trained):
    vocabulary, models = trained
    states = charlm.hidden_states(models["lstm"][0], vocabulary.encode("abcdef"), 1)
    assert states.shape == (6, 32)
    assert np.all(np.abs(states) <= 1.0)  # h = o * tanh(c)


def test_spec_refuses_what_cannot_be_built():
    for bad in ({"cell": "rnn"}, {"layers": 0}, {"units": 100_000}):
        with pytest.raises(ValueError):
            charlm.Spec(**bad)


def test_the_corpus_is_read_from_the_folder_the_variable_names(monkeypatch, tmp_path):
    (tmp_path / "pan-tadeusz.txt").write_text("Litwo! Ojczyzno moja!", encoding="utf-8")
    monkeypatch.setenv(corpus.TEXT_DIR_ENV, str(tmp_path))
    assert corpus.load_corpus("pl") == "Litwo! Ojczyzno moja!"
    with pytest.raises(StudentError) as missing:
        corpus.load_corpus("en")
    assert "tinyshakespeare.txt" in missing.value.message("en")
    assert "DL_COURSE_TEXT_DIR" in missing.value.message("pl")
    monkeypatch.delenv(corpus.TEXT_DIR_ENV)
    with pytest.raises(StudentError, match="unset"):
        corpus.load_corpus("pl")


def test_the_shared_corpora_are_there_when_dev_py_names_them():
    folder = corpus.text_folder()
    if folder is None:
        pytest.skip("DL_COURSE_TEXT_DIR is unset (dev.py sets it when ../shared exists)")
    assert "Litwo! Ojczyzno moja!" in corpus.load_corpus("pl")[:200]
    assert "First Citizen" in corpus.load_corpus("en")[:200]


@pytest.mark.parametrize(
    ("text", "length", "key", "pl", "en"),
    [
        ("aaaa" * 10, 5, "too_few_distinct", "za mało różnych znaków (1)", "too few distinct"),
        ("ab", 5, "too_short", "Tekst ma 2 znaki", "The text has 2 characters"),
        ("abcde", 5, "too_short", "Tekst ma 5 znaków", "at least 7 characters"),
    ],
)
def test_an_unusable_text_is_told_in_both_languages(text, length, key, pl, en):
    with pytest.raises(StudentError) as error:
        corpus.check_text(text, length)
    assert error.value.key == f"text.{key}"
    assert pl in error.value.message("pl")
    assert en in error.value.message("en")


def test_the_text_loader_and_the_model_module_import_without_tensorflow():
    import subprocess
    import sys
    from pathlib import Path

    code = (
        "import sys, widgets.data.text, widgets.models.charlm; "
        "heavy = [m for m in ('tensorflow', 'keras') if m in sys.modules]; "
        "print(heavy); sys.exit(1 if heavy else 0)"
    )
    repo = Path(__file__).resolve().parents[1]
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=repo, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stdout + done.stderr
