"""Lesson 11, part 3: the character model's dashboard, headless."""

from __future__ import annotations

import numpy as np
import pytest

from widgets.models import charlm
from widgets.rnn_text import CharModelDashboard
from widgets.rnn_text import dashboard as module
from widgets.training import Progress

VERSE = "Litwo! Ojczyzno moja! ty jesteś jak zdrowie:\nIle cię trzeba cenić, ten tylko się dowie,\n"
PERIODIC = "abcdefgh " * 200


def small(lang="pl", corpus=PERIODIC, **settings):
    dashboard = CharModelDashboard(lang, corpus=corpus, pretrained=False).wait_ready()
    dashboard.configure(**{"units": 32, "sequence_length": 30, **settings})
    assert dashboard.error_text == ""
    return dashboard


def test_training_lowers_perplexity_and_the_samples_learn_the_text():
    dashboard = small(epochs=12, learning_rate=0.01)
    untrained = dashboard.samples()[0][1]
    dashboard.train()
    dashboard.wait_trained(120)
    assert dashboard.error_text == ""
    assert dashboard.epochs_trained == 12
    assert dashboard.history["perplexity"][-1] < 2.0  # from about 9 (the alphabet)
    learnt = dashboard.samples()[0][1]
    assert learnt != untrained
    assert "abcdefgh" in learnt
    assert "Uczony 12 epok" in dashboard._status.value
    # Train on: the curve goes on from epoch 12, the model keeps its weights.
    dashboard.configure(epochs=1)
    dashboard.train(background=False)
    dashboard.wait_trained(60)
    assert dashboard.epochs_trained == 13
    assert dashboard.history["x"][-1] > 12


def test_stop_ends_the_training_early_and_it_can_go_on():
    dashboard = small(epochs=20, sequence_length=10)
    dashboard.train()
    dashboard.stop()
    dashboard.wait_trained(60)
    assert dashboard.epochs_trained < 20
    assert (dashboard._train.disabled, dashboard._stop.disabled) == (False, True)
    stopped_at = dashboard.epochs_trained
    dashboard.configure(epochs=1)
    dashboard.train(background=False)
    assert dashboard.epochs_trained == stopped_at + 1


@pytest.mark.parametrize(
    ("lang", "phrase"), [("pl", "musi być większa od 0"), ("en", "must be above 0")]
)
def test_temperature_zero_is_explained_not_used(lang, phrase):
    dashboard = small(lang)
    dashboard.configure(temperature=0)
    assert phrase in dashboard.error_text
    assert dashboard._temperature.value == pytest.approx(0.6)


@pytest.mark.parametrize(
    ("lang", "phrase"), [("pl", "Tekst ma 3 znaki"), ("en", "has 3 characters")]
)
def test_a_pasted_text_too_short_is_told(lang, phrase):
    dashboard = small(lang)
    dashboard._source.value = "own"
    dashboard._own.value = "xyz"
    dashboard.train()
    assert phrase in dashboard.error_text
    assert not dashboard._trainer.running


def test_characters_the_model_lacks_are_named_and_a_new_model_learns_them():
    dashboard = small("en")
    dashboard._source.value = "own"
    dashboard._own.value = VERSE * 5
    dashboard.train()
    assert "does not know the characters" in dashboard.error_text
    dashboard.new_model()
    assert dashboard.error_text == ""
    assert set(VERSE) == set(dashboard.vocabulary.chars)


def test_the_architecture_controls_build_the_model_they_name():
    dashboard = small(cell="lstm", layers=2)
    recurrent = [layer for layer in dashboard.model.layers if hasattr(layer, "cell")]
    assert [type(layer).__name__ for layer in recurrent] == ["LSTM", "LSTM"]
    assert recurrent[0].cell.units == 32
    assert dashboard._unit.max == 31 and dashboard._layer.max == 2
    assert not dashboard._layer.disabled
    dashboard.configure(layers=1)  # nowhere for the layer slider to go: disabled, told why
    assert dashboard._layer.disabled and "jedną warstwę rekurencyjną" in dashboard._layer.tooltip


def test_the_sequence_length_shows_the_windows_an_epoch_trains_on():
    """Issue 24: the slider changed nothing visible before the next ▶; it shows the
    training windows its length cuts the text into, as the training will."""
    dashboard = small("en")
    for length in (30, 50):
        dashboard._sequence.value = length
        x, _ = charlm.windows(dashboard.vocabulary.encode(dashboard.text()), length)
        want = f"= {len(x)} training windows of {length} characters an epoch"
        assert dashboard._windows.value == want


@pytest.mark.parametrize(("cell", "layers", "units"), [("gru", 1, 32), ("lstm", 2, 8)])
def test_the_size_from_the_formulas_is_keras_own(cell, layers, units):
    spec = charlm.Spec(cell=cell, layers=layers, units=units)
    assert charlm.count_params(spec, 11) == charlm.build_model(spec, 11).count_params()


def test_an_architecture_press_answers_with_the_size_before_keras_builds(monkeypatch):
    """Issue 24: a student's layers slider shows the new network's size at once; the model,
    its traces and its samples follow from the builds' worker (the old code did all of it,
    0.4–9 s, before answering). ▶ Train waits for the model; a trained one is not reused."""
    import threading

    dashboard = small("en")
    first = dashboard.model
    release, built = threading.Event(), []
    build = charlm.build_model

    def slow_build(spec, size, seed=0):
        built.append(spec.layers)
        release.wait(30)
        return build(spec, size, seed=seed)

    monkeypatch.setattr(module.charlm, "build_model", slow_build)
    pressed = threading.Thread(target=lambda: setattr(dashboard._layers, "value", 2))
    pressed.start()
    pressed.join(10)
    try:
        assert not pressed.is_alive(), "the slider's observer waited for the Keras build"
        size = charlm.count_params(charlm.Spec(layers=2, units=32), len(dashboard.vocabulary))
        assert f"{size:,} parameters" in dashboard._status.value
        assert dashboard.model is first  # still the old one, until the new one is built
    finally:
        release.set()
        pressed.join(30)
    dashboard.wait_built()
    assert dashboard.spec.layers == 2 and dashboard.model.count_params() == size
    dashboard._layers.value = 1  # kept from before
    dashboard.wait_built()
    assert dashboard.model is first and built == [2]
    dashboard._layers.value = 2
    dashboard.train(background=False)  # ▶ right after a press: the kept 2-layer model trains
    assert dashboard.spec.layers == 2 and dashboard.epochs_trained == 1
    trained = dashboard.model
    dashboard._layers.value = 1
    dashboard._layers.value = 2
    dashboard.wait_built()
    assert dashboard.model is not trained and dashboard.epochs_trained == 0


def test_the_inside_views_colour_every_character_and_name_the_likely_next_ones():
    dashboard = small()
    excerpt = dashboard._excerpt()
    assert dashboard._activations.value.count("class='dl-char") == len(excerpt)
    dashboard._position.value = 20
    assert "dl-char-framed" in dashboard._connectivity.value
    assert dashboard._connectivity.value.count("transparent") == len(excerpt) - 21
    assert "Sieć przewiduje po nim" in dashboard._guesses.value
    before = dashboard._activations.value
    dashboard._unit.value = 7
    assert dashboard._activations.value != before


def test_a_position_seen_before_needs_no_gradient_call_until_the_weights_change(monkeypatch):
    """Issue 24: the connectivity of a position is kept, so a student moving the position
    slider back and forth sees it at once; a training's end computes it again."""
    dashboard = small("en")
    calls = []
    connectivity = dashboard._inspector.connectivity

    def counted(ids, position):
        calls.append(position)
        return connectivity(ids, position)

    monkeypatch.setattr(dashboard._inspector, "connectivity", counted)
    dashboard._position.value = 20
    shown = dashboard._connectivity.value
    dashboard._position.value = 21
    dashboard._position.value = 20
    assert calls == [20, 21] and dashboard._connectivity.value == shown
    dashboard.train(background=False)  # new weights: computed again (the end draws 20)
    dashboard._position.value = 21
    dashboard._position.value = 20
    assert sorted(set(calls[2:])) == [20, 21] and dashboard._connectivity.value != shown


def test_a_diverged_loss_stops_the_training_with_a_message():
    dashboard = small("en")
    stopped = []
    dashboard._trainer.stop = lambda: stopped.append(True)
    dashboard._on_progress(Progress(0, "", 0, 3, {"loss": float("nan")}))
    assert dashboard.diverged and stopped


def test_the_pretrained_model_loads_with_its_spec_and_trains_on(monkeypatch, tmp_path):
    vocabulary = charlm.Vocabulary.of(PERIODIC)
    spec = charlm.Spec(cell="lstm", layers=1, units=64)
    model = charlm.compile_model(charlm.build_model(spec, len(vocabulary)))
    x, y = charlm.windows(vocabulary.encode(PERIODIC), 30)
    model.fit(x, y, epochs=2, verbose=0)
    charlm.save_pretrained(model, spec, vocabulary, tmp_path / "char-pl", epochs=2, loss=1.5)
    monkeypatch.setattr(module, "PRETRAINED", tmp_path)
    dashboard = CharModelDashboard("pl", corpus=PERIODIC).wait_ready()
    assert dashboard.error_text == ""
    assert (dashboard._cell.value, dashboard._units.value) == ("lstm", 64)
    assert dashboard.epochs_trained == 2
    for mine, saved in zip(dashboard.model.get_weights(), model.get_weights(), strict=True):
        np.testing.assert_array_equal(mine, saved)
    # Adam's moments came along: its step counter is where the script left it.
    assert int(dashboard.model.optimizer.iterations) == int(model.optimizer.iterations) > 0


def test_the_shipped_models_load_and_write_in_their_language():
    for lang, words in (("pl", (" się ", " i ", " w ")), ("en", (" the ", " and ", " I "))):
        stem = module.PRETRAINED / f"char-{lang}"
        model, spec, vocabulary, facts = charlm.load_pretrained(stem)
        text = charlm.Generator(model, vocabulary).write("\n", 600, 0.5, np.random.default_rng(0))
        assert facts["epochs"] >= 20
        assert charlm.perplexity(facts["loss"]) < 5
        assert any(word in text for word in words), text


def test_the_perplexity_exercise_accepts_the_mean_and_refuses_the_sum():
    from widgets.rnn_text import check_perplexity

    def mean(p, y):
        return np.exp(-np.mean(np.log(p[np.arange(len(y)), y])))

    def total(p, y):
        return np.exp(-np.sum(np.log(p[np.arange(len(y)), y])))

    assert check_perplexity(mean, "en").passed
    refused = check_perplexity(total, "pl")
    assert not refused.passed
    assert "a e^strata z Kerasa to 4,0000" in refused.message
    crashed = check_perplexity(lambda p, y: 1 / 0, "en")
    assert not crashed.passed and "division by zero" in crashed.message


def test_without_the_corpus_the_shipped_model_still_writes_and_train_says_why(
    monkeypatch, tmp_path
):
    vocabulary = charlm.Vocabulary.of(PERIODIC)
    spec = charlm.Spec(cell="gru", layers=1, units=32)
    model = charlm.compile_model(charlm.build_model(spec, len(vocabulary)))
    charlm.save_pretrained(
        model, spec, vocabulary, tmp_path / "char-en", epochs=1, loss=2.0, excerpt=PERIODIC[:300]
    )
    monkeypatch.setattr(module, "PRETRAINED", tmp_path)
    monkeypatch.delenv("DL_COURSE_TEXT_DIR", raising=False)
    dashboard = CharModelDashboard("en").wait_ready()  # no corpus given, none on disk
    assert dashboard.error_text == ""
    assert len(dashboard.samples()[0][1]) > 100
    assert dashboard._activations.value.count("class='dl-char") == 240
    dashboard.train()
    assert "tinyshakespeare.txt was not found" in dashboard.error_text
    assert not dashboard._trainer.running


def test_a_saved_model_opens_again_with_its_weights_and_epochs(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    dashboard = small(epochs=2)
    dashboard.train(background=False)
    stem = dashboard.save_model("mine")
    assert (tmp_path / "mine.json").is_file() and (tmp_path / "mine.weights.h5").is_file()
    assert "mine.json" in dashboard._file_note.value
    other = small("en")
    other.open_model("mine.json")  # the name may come with either suffix
    assert other.error_text == ""
    assert other.epochs_trained == 2 and "trained for 2 epochs" in other._file_note.value
    for mine, saved in zip(other.model.get_weights(), dashboard.model.get_weights(), strict=True):
        np.testing.assert_array_equal(mine, saved)
    assert stem == tmp_path / "mine"


@pytest.mark.parametrize(
    ("name", "pl", "en"),
    [
        ("../elsewhere", "podaj samą nazwę", "give a plain name"),
        ("", "podaj samą nazwę", "give a plain name"),
        ("missing", "Nie ma pliku", "There is no file"),
        ("broken", "nie da się wczytać", "cannot be read"),
    ],
)
def test_a_bad_file_name_or_file_is_told_in_both_languages(monkeypatch, tmp_path, name, pl, en):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "broken.json").write_text("{not json")
    for lang, phrase in (("pl", pl), ("en", en)):
        dashboard = small(lang)
        before = dashboard.model
        dashboard.open_model(name)
        assert phrase in dashboard.error_text
        assert dashboard.model is before  # nothing changed


def test_every_epoch_end_is_on_the_curve_however_the_reports_were_throttled():
    """A short training can end between two throttled reports: the epochs' ends then come
    only with the final report, and the curve must still end at the last epoch's loss."""
    from widgets.training import EpochEnd

    dashboard = small()
    ended = tuple(
        EpochEnd(0, epoch, {"loss": loss}) for epoch, loss in ((1, 2.0), (2, 1.0), (3, 0.1))
    )
    dashboard._on_progress(Progress(0, "", 0, 3, {"loss": 2.2}, batch=1, batches=10))
    dashboard._on_progress(Progress(0, "", 3, 3, {"loss": 0.1}, done=True, ended=ended))
    assert dashboard.history["x"] == [0.1, 1, 2, 3]
    assert dashboard.history["perplexity"][-1] == pytest.approx(np.exp(0.1))
    assert dashboard.epochs_trained == 3
