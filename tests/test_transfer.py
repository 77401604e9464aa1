"""Lesson 16's transfer learning, at CI size: the target data (enlarging checked against
numpy's interpolation, the labels-per-class split exact), freezing in Keras 3 (the frozen
base's weights unchanged after fit, the counts in closed form, compile after the freeze,
BatchNormalization kept in inference mode), transfer ahead of scratch with few labels over
three seeds, and the dashboard headless: training, Stop, busy, the source's cache, bad
input in both languages, and the code it shows."""

from __future__ import annotations

import time

import numpy as np
import pytest
from code_checks import opened_code, run_code
from student_errors import assert_student_error

from widgets.errors import StudentError, describe
from widgets.models import transfer as tm

SOURCE_IMAGES = 2000  # the source CNN of these tests: 2,000 MNIST images, one epoch
# The smallest budget that showed transfer ahead of scratch for each of 3 seeds (see
# test_transfer_beats_scratch_with_few_labels): 1 label per class, 20 epochs.
FEW_LABELS, FEW_EPOCHS = 1, 20


# The data -----------------------------------------------------------------------------------
def test_enlarged_digits_are_linear_interpolation_in_a_mnist_field():
    rng = np.random.default_rng(0)
    image = rng.integers(0, 17, (8, 8)).astype(float)
    big = tm.enlarge_digits(image[None])[0, :, :, 0]
    assert big.shape == (28, 28) and big.dtype == np.float32
    assert big[:4].max() == 0 and big[-4:].max() == 0 and big[:, :4].max() == 0
    # Reference: numpy's 1-D interpolation at the output pixels' centres, row then column.
    centres = np.clip((np.arange(20) + 0.5) * 8 / 20 - 0.5, 0, 7)
    rows = np.array([np.interp(centres, np.arange(8), r) for r in image / 16.0])
    both = np.array([np.interp(centres, np.arange(8), c) for c in rows.T]).T
    np.testing.assert_allclose(big[4:24, 4:24], both, atol=1e-6)


def test_sklearn_digits_look_like_mnist():
    x, y = tm.sklearn_digits()
    assert x.shape == (1797, 28, 28, 1) and set(np.unique(y)) == set(range(10))
    assert 0.0 <= x.min() and x.max() <= 1.0
    assert 0.08 < x.mean() < 0.25  # MNIST's mean is 0.13


@pytest.mark.parametrize("labels", [1, 7, 124])
def test_labels_per_class_split_is_exact_and_the_test_set_fixed(labels):
    pool = tm.target_pool("digits")
    split = tm.target_split("digits", labels, seed=3, pool=pool)
    assert np.bincount(split.y_train, minlength=10).tolist() == [labels] * 10
    assert np.bincount(split.y_test, minlength=10).tolist() == [tm.TEST_PER_CLASS] * 10
    assert split.max_per_class == 124  # the smallest class (174 images) less its 50 tests
    other = tm.target_split("digits", labels, seed=4, pool=pool)
    np.testing.assert_array_equal(split.x_test, other.x_test)  # the same test set
    # No training image is a test image.
    train = {a.tobytes() for a in split.x_train}
    assert not train & {a.tobytes() for a in split.x_test}
    if labels < 124:
        assert not np.array_equal(split.x_train, other.x_train)  # the seed draws


def test_the_split_example_is_5_to_9_relabelled():
    split = tm.target_split("split", 3, seed=0)
    assert split.classes == 5 and sorted(set(split.y_train.tolist())) == [0, 1, 2, 3, 4]
    _, y = tm.source_data("split", 1000)
    assert y.max() <= 4


@pytest.mark.parametrize(
    ("call", "key"),
    [
        (lambda: tm.target_split("digits", 0), "transfer_model.bad_labels"),
        (lambda: tm.target_split("digits", 125), "transfer_model.bad_labels"),
        (lambda: tm.target_split("digits", 2.5), "transfer_model.bad_labels"),
        (lambda: tm.target_split("digits", "five"), "transfer_model.bad_labels"),
        (lambda: tm.check_example("cifar"), "transfer_model.bad_example"),
        (lambda: tm.check_runs(()), "transfer_model.no_runs"),
        (lambda: tm.check_runs(["frozen", "melted"]), "transfer_model.bad_run"),
        (lambda: tm.check_epochs(0), "transfer_model.bad_epochs"),
        (lambda: tm.check_epochs(True), "transfer_model.bad_epochs"),
    ],
)
def test_impossible_settings_are_told_in_both_languages(call, key):
    with pytest.raises(StudentError) as caught:
        call()
    assert_student_error(
        caught.value, key, *tm.EXAMPLES, *tm.RUNS, "melted", "cifar", "five", "True"
    )
    english, _ = describe(caught.value, "en")
    assert "Traceback" not in english and len(english) > 20


# Freezing in Keras 3 --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def source():
    return tm.train_source("digits", SOURCE_IMAGES, 1, seed=0)


@pytest.fixture(scope="module")
def few():
    return tm.target_split("digits", 2, seed=0)


def _base_weights(model):
    return [w.copy() for w in model.get_layer("base").get_weights()]


def test_counts_in_closed_form_before_and_after_freezing(source):
    model = tm.build_transfer("frozen", source, 10, 0)
    conv1, conv2, bn = 16 * 9 + 16, 32 * 16 * 9, 4 * 32
    features, head = 5 * 5 * 32 * tm.FEATURES + tm.FEATURES, tm.FEATURES * 10 + 10
    base = conv1 + conv2 + bn + features
    assert tm.counts(model) == (head, base)  # frozen: only the head learns
    report = tm.freeze_report(model)
    assert report == {"before": (base - 64 + head, 64), "after": (head, base)}
    assert tm.counts(model) == (head, base)  # the flag is put back
    rows = {row.name: row for row in tm.summary_rows(model)}
    assert list(rows) == ["conv1", "conv2", "bn", "features", "head"]
    assert rows["bn"].params == bn and not rows["head"].in_base and rows["conv1"].in_base
    assert all(rows[n].trainable == 0 for n in ("conv1", "conv2", "bn", "features"))
    tuned = {row.name: row for row in tm.summary_rows(tm.build_transfer("fine_tuned", source, 10))}
    assert tuned["bn"].trainable == 0 and tuned["conv1"].trainable == conv1  # BN stays frozen
    scratch = {row.name: row for row in tm.summary_rows(tm.build_transfer("scratch", source, 10))}
    assert scratch["bn"].trainable == 64 and scratch["bn"].non_trainable == 64  # moving stats


def test_frozen_base_is_unchanged_by_fit_and_the_head_learns(source, few):
    model = tm.build_transfer("frozen", source, 10, 0)
    np.testing.assert_array_equal(
        _base_weights(model)[0], source.get_layer("base").get_weights()[0]
    )
    base, head = _base_weights(model), model.get_layer("head").get_weights()[0].copy()
    tm.fit_run(model, few, 2, validation=False)
    for before, after in zip(base, _base_weights(model), strict=True):
        np.testing.assert_array_equal(before, after)  # BN's moving statistics too
    assert not np.allclose(head, model.get_layer("head").get_weights()[0])


def test_fine_tuning_changes_the_base_but_keeps_batchnorm_statistics(source, few):
    model = tm.build_transfer("fine_tuned", source, 10, 0)
    base = _base_weights(model)
    tm.fit_run(model, few, 2, validation=False)
    bn = model.get_layer("base").get_layer("bn")
    moving = [v.numpy() for v in (bn.moving_mean, bn.moving_variance)]
    before = dict(zip([w.path for w in model.get_layer("base").weights], base, strict=True))
    conv = model.get_layer("base").get_layer("conv1").kernel
    assert not np.allclose(before[conv.path], conv.numpy())  # the features are adjusted
    np.testing.assert_array_equal(moving[0], before[bn.moving_mean.path])  # inference mode
    np.testing.assert_array_equal(moving[1], before[bn.moving_variance.path])
    scratch = tm.build_transfer("scratch", source, 10, 0)
    mean = scratch.get_layer("base").get_layer("bn").moving_mean.numpy().copy()
    tm.fit_run(scratch, few, 1, validation=False)
    assert not np.allclose(mean, scratch.get_layer("base").get_layer("bn").moving_mean.numpy())


def test_training_false_when_building_does_not_hold_batchnorm_under_fit(source, few):
    """Keras 3 (keras-team/keras#20285): ``fit`` calls the model with ``training=True``,
    which wins over ``base(inputs, training=False)`` given when building it; so the lesson
    freezes the BN layer instead (a frozen BN layer runs in inference mode)."""
    import keras

    base = tm.build_base(1)
    base.set_weights(source.get_layer("base").get_weights())
    inputs = keras.Input((28, 28, 1))
    outputs = keras.layers.Dense(10, activation="softmax")(base(inputs, training=False))
    model = keras.Model(inputs, outputs)
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    mean = base.get_layer("bn").moving_mean.numpy().copy()
    tm.fit_run(model, few, 1, validation=False)
    assert not np.allclose(mean, base.get_layer("bn").moving_mean.numpy())


def test_freezing_after_compile_needs_a_new_compile(source, few):
    """Keras 3's rule: the compiled training step keeps the variables it updates."""
    model = tm.build_transfer("fine_tuned", source, 10, 0)
    tm.fit_run(model, few, 1, validation=False)
    model.get_layer("base").trainable = False
    assert tm.counts(model)[0] == tm.FEATURES * 10 + 10  # the summary already says frozen…
    kernel = model.get_layer("base").get_layer("conv1").kernel
    before = kernel.numpy().copy()
    tm.fit_run(model, few, 1, validation=False)
    assert not np.allclose(before, kernel.numpy())  # …but the compiled step still trains it
    before = kernel.numpy().copy()
    model.compile(optimizer="adam", loss="sparse_categorical_crossentropy")
    tm.fit_run(model, few, 1, validation=False)
    np.testing.assert_array_equal(before, kernel.numpy())  # compiled again: frozen


def test_transfer_beats_scratch_with_few_labels(source):
    """Three seeds, 1 label per class: the frozen source features ahead of the same network
    from scratch every time (measured with a 2,000-image, 1-epoch source; the dashboard's
    8,000-image, 2-epoch source gave 0.73–0.75 against 0.43–0.60 at 30 epochs)."""
    pool = tm.target_pool("digits")
    results = []
    for seed in range(3):
        split = tm.target_split("digits", FEW_LABELS, seed=seed, pool=pool)
        accuracy = {}
        for run in ("frozen", "scratch"):
            model = tm.build_transfer(run, source, 10, seed)
            tm.fit_run(model, split, FEW_EPOCHS, seed=seed, validation=False)
            accuracy[run] = model.evaluate(split.x_test, split.y_test, verbose=0)[1]
        results.append(accuracy)
    assert all(r["frozen"] > r["scratch"] + 0.05 for r in results), results


# The dashboard --------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def cache(tmp_path_factory):
    folder = tmp_path_factory.mktemp("dl-course-cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(tm.CACHE_ENV, str(folder))
        yield folder


@pytest.fixture(scope="module")
def dashboards(cache):
    from widgets.transfer import TransferDashboard

    built = {
        lang: TransferDashboard(lang, source_images=500, source_epochs=1) for lang in ("en", "pl")
    }
    for board in built.values():
        board.wait_ready()
    return built


@pytest.fixture
def en(dashboards):
    board = dashboards["en"]
    board.configure(example="digits", labels=2, epochs=3, runs=list(tm.RUNS))
    yield board
    board.stop()
    board.wait_trained(60) if board.running else None
    board.clear_error()


def test_training_draws_three_curves_bars_and_caches_the_source(en, cache):
    assert en.source is None and "learns MNIST at the first" in en.source_text
    en.train()
    en.wait_trained(120)
    assert en.error_text == ""
    assert (cache / tm.cache_file("digits", 500, 1).name).is_file()
    assert "saved" in en.source_text and en.source is not None
    for index, run in enumerate(tm.RUNS):
        assert len(en.history[run]) == 3
        assert list(en.curves.data[index].y) == pytest.approx(en.history[run])
        assert en.bars.data[0].y[index] == pytest.approx(en.finals[run])
    assert en.model is en.models["frozen"] and en.model.get_layer("base").trainable is False
    assert en.curves.data[3].visible and en.source_level is not None  # no new labels
    assert "Done" in en.status_text and "❄" in en._table.value
    assert set(en.fit_seconds) >= {"source", *tm.RUNS}
    # The frozen run's base is the source's base, unchanged by its fit.
    for a, b in zip(
        en.model.get_layer("base").get_weights(),
        en.source.get_layer("base").get_weights(),
        strict=True,
    ):
        np.testing.assert_array_equal(a, b)


def test_a_new_dashboard_loads_the_source_from_the_cache(dashboards, cache):
    from widgets.transfer import TransferDashboard

    if not any(cache.iterdir()):
        pytest.skip("needs the training test's cached source")
    board = TransferDashboard("en", source_images=500, source_epochs=1).wait_ready()
    assert board.source is not None and "loaded from the cache" in board.source_text


def test_stop_ends_the_training_and_settings_wait(en):
    en.configure(runs=["scratch"], epochs=100, labels=1)
    en.train()
    deadline = time.monotonic() + 60
    while len(en.history["scratch"]) < 1:
        assert time.monotonic() < deadline
        time.sleep(0.05)
    en.configure(labels=3)  # refused while training
    assert "press Stop" in en.error_text
    en._labels.value = 4  # the slider is put back
    assert en._labels.value == 1
    en.stop()
    en.wait_trained(60)
    assert not en.running and "Stopped" in en.status_text
    assert len(en.history["scratch"]) < 100


def test_example_switch_and_bad_settings_in_both_languages(dashboards):
    for lang, board in dashboards.items():
        board.configure(example="split")
        assert board._labels.max > 124 and board.model.output_shape[-1] == 5
        for settings in ({"labels": "abc"}, {"runs": ()}, {"example": "cifar"},
                         {"epochs": 0}, {"labels": 100_000}):  # fmt: skip
            board.configure(**settings)
            assert board.error_text, settings
            if lang == "pl":
                assert "must" not in board.error_text and "Traceback" not in board.error_text
        board.clear_error()
        board.configure(example="digits")
        assert board._labels.max == 124


def test_the_shown_code_builds_the_dashboards_models(en):
    en.configure(example="digits", labels=1, epochs=1, runs=["frozen", "scratch"])
    en.train()
    en.wait_trained(120)
    namespace = run_code(opened_code(en))
    assert set(namespace["models"]) == {"frozen", "scratch"}
    shown = namespace["model"]
    assert tm.counts(shown) == tm.counts(en.model)
    assert shown.get_layer("base").trainable is False
    for run in ("frozen", "scratch"):  # the same starting weights from the same source
        theirs = namespace["transfer_model"](run, en.source)
        ours = tm.build_transfer(run, en.source, 10, 0)
        for a, b in zip(theirs.get_weights(), ours.get_weights(), strict=True):
            np.testing.assert_array_equal(a, b)
        assert [w.shape for w in theirs.weights] == [w.shape for w in ours.weights]


def test_train_with_no_run_ticked_says_so_in_the_page_language(dashboards):
    told = {"pl": "co najmniej jeden przebieg", "en": "at least one run"}
    for lang, board in dashboards.items():
        for box in board._runs.values():
            box.value = False
        board._train.click()
        assert told[lang] in board.error_text and not board.running
        for box in board._runs.values():
            box.value = True
        board.clear_error()


def test_an_example_switch_says_its_data_before_the_models(dashboards, monkeypatch):
    """Issue 24: the example menu's first visible change waited 0.2-0.6 s for the source
    CNN and the three runs' models; the data sentence is now set before them."""
    board = dashboards["en"]
    seen = []
    load = board._load_cached_source  # the first Keras work: the source, then the runs
    monkeypatch.setattr(
        board, "_load_cached_source", lambda *a: seen.append(board._data_note.value) or load(*a)
    )
    try:
        board.configure(example="split")
        assert "0–4" in seen[0] and seen[0] == board._data_note.value  # the split example
    finally:
        board.configure(example="digits")


def test_an_example_switched_back_builds_no_runs(dashboards, monkeypatch):
    """Issue 24: each example press built the three shown runs (and a stand-in source)
    again; the untrained runs shown are kept per example and source."""
    from widgets.transfer import dashboard as module

    board = dashboards["en"]
    board.configure(example="split")
    board.configure(example="digits")
    built = []
    monkeypatch.setattr(module.tm, "build_transfer", lambda *a, **k: built.append(a))
    monkeypatch.setattr(module.tm, "build_source", lambda *a, **k: built.append(a))
    board.configure(example="split")
    board.configure(example="digits")
    assert built == [] and board.model.output_shape[-1] == 10
