"""Lesson 13's main dashboard driven headless at tiny sizes: training changes the receptive
fields and draws the curves, Stop, the Gibbs chain (step, clamp, play), the bad inputs in
both languages, configure(), and the exercises. (The model's textbook results:
test_rbm_models.py.)
"""

from __future__ import annotations

import time
from types import SimpleNamespace

import numpy as np
import pytest

from widgets.backend import load_keras
from widgets.models import rbm as rbm_model
from widgets.rbm import RbmDashboard
from widgets.rbm.exercises import check_fill_in, check_hidden_probabilities
from widgets.rbm.figures import clamp_mask, fields_mosaic, hidden_states_image
from widgets.rbm.texts import TEXT

TINY = {"hidden": 16, "epochs": 2}


@pytest.fixture(scope="module")
def dashboards():
    built = {lang: RbmDashboard(lang, n_train=1000, n_test=200) for lang in ("en", "pl")}
    for dashboard in built.values():
        dashboard.wait_ready()
        dashboard.configure(**TINY)
    return built


@pytest.fixture
def en(dashboards):
    dashboard = dashboards["en"]
    yield dashboard
    dashboard.stop()
    dashboard._trainer.join(30)
    dashboard.pause()
    dashboard.clear_error()


@pytest.fixture
def pl(dashboards):
    dashboard = dashboards["pl"]
    yield dashboard
    dashboard.stop()
    dashboard._trainer.join(30)
    dashboard.pause()
    dashboard.clear_error()


def fields_source(dashboard) -> str:
    return dashboard.fields_figure.layout.images[0].source


def gibbs_sources(dashboard) -> list[str]:
    return [image.source for image in dashboard.gibbs_figure.layout.images]


def train(dashboard, **settings):
    dashboard.configure(**settings)
    dashboard.train()
    dashboard.wait_trained(120)


def test_the_model_is_a_keras_rbm_and_the_page_starts_untrained(en):
    keras = load_keras()
    assert isinstance(en.model, keras.Model)
    assert isinstance(en.model, rbm_model.rbm_class())
    assert en.model.n_hidden == 16 and en.model.n_visible == 784
    assert "random weights" in en.status_text
    assert "not trained yet" in en.gibbs_text
    assert fields_source(en).startswith("data:image/png")
    assert en.error_text == ""


def test_training_changes_the_fields_and_draws_every_view(en):
    en.configure(hidden=16)  # a new RBM
    before = fields_source(en)
    weights_before = en.weights.copy()
    train(en, epochs=2)
    assert en.error_text == ""
    assert en.epochs_done == 2
    assert fields_source(en) != before
    np.testing.assert_allclose(en.weights, np.asarray(en.model.W), atol=1e-6)
    assert not np.allclose(en.weights, weights_before)
    # the reconstruction error by batch, falling; the free energies one point an epoch
    xs, ys = en.curve
    assert len(xs) >= 2 and xs == sorted(xs)
    assert list(en.error_figure.data[0].y) == pytest.approx(ys)
    assert en.history["reconstruction_error"][-1] < en.history["reconstruction_error"][0]
    assert len(en.free_energy["train"]) == len(en.free_energy["held_out"]) == 2
    assert list(en.energy_figure.data[1].x) == [1, 2]
    # ΔW is the model's last update, and the histograms count every weight
    np.testing.assert_allclose(en.last_update, np.asarray(en.model.dW), atol=1e-7)
    assert sum(en.histogram_figure.data[0].y[i] or 0 for i in range(41)) == 784 * 16
    assert "|ΔW| / |W|" in en.histogram_figure.layout.annotations[1].text
    assert en.hidden_figure.layout.xaxis.range == (0, 16)
    assert "After 2 epochs" in en.status_text
    assert en.frame_times, "no live frame was drawn"


def test_every_press_trains_on_one_kept_pipeline_and_the_step_is_traced_once(en, monkeypatch):
    """fit(numpy) built a new input pipeline at each ▶ (0.06–0.4 s before the first batch,
    issue 17's fixed cost a press): the dashboard now keeps one per RBM, and the step
    traced at the first press serves the next ones."""
    import tensorflow as tf

    en.configure(hidden=64)  # a new RBM
    en.configure(hidden=16)
    fitted, traced = [], []
    rbm = type(en.model)
    fit, train_step = rbm.fit, rbm.train_step

    def recording_fit(self, x=None, *args, **kwargs):
        fitted.append((x, kwargs.get("shuffle")))
        return fit(self, x, *args, **kwargs)

    def counting_step(self, data):
        traced.append(1)  # Python runs the step only while tracing it
        return train_step(self, data)

    monkeypatch.setattr(rbm, "fit", recording_fit)
    monkeypatch.setattr(rbm, "train_step", counting_step)
    for _ in range(3):
        train(en, epochs=1)
        assert en.error_text == ""
    assert len(fitted) == 3
    assert all(isinstance(x, tf.data.Dataset) for x, _ in fitted)
    assert fitted[0][0] is fitted[1][0] is fitted[2][0]
    assert {shuffle for _, shuffle in fitted} == {False}  # the pipeline shuffles
    assert len(traced) == 1
    # a new RBM trains on a new pipeline (the same shuffled batches as any new RBM)
    en.configure(hidden=64)
    en.configure(hidden=16)
    train(en, epochs=1)
    assert fitted[-1][0] is not fitted[0][0]
    en.configure(epochs=2)


def test_stop_ends_a_long_training_early(en):
    en.configure(epochs=50)
    en.train()
    deadline = time.monotonic() + 60
    while en.epochs_done < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    en.stop()
    en.wait_trained(60)
    assert 1 <= en.epochs_done < 50
    assert "Stopped" in en.status_text
    assert not en.running
    en.configure(epochs=2)


def test_train_twice_and_a_control_moved_while_training_are_refused(en, pl):
    for dashboard, word in ((en, "press Stop"), (pl, "zatrzymaj")):
        dashboard.configure(epochs=50)
        dashboard.train()
        dashboard.train()
        assert word in dashboard.error_text
        dashboard.clear_error()
        dashboard._hidden.value = 64  # the student moves a control: put back, told
        assert dashboard._hidden.value == 16
        assert word in dashboard.error_text
        dashboard.configure(k=3)
        assert word in dashboard.error_text and dashboard._k.value == 1
        dashboard.stop()
        dashboard.wait_trained(60)
        dashboard.configure(epochs=2)


def test_a_gibbs_step_changes_v_and_shows_h_and_the_step(en):
    en.configure(start="digit", digit=3, clamp="none")
    digit = en.test_digits[0][3]
    np.testing.assert_array_equal(en.chain.v, digit)
    before = gibbs_sources(en)
    en.gibbs_step()
    assert en.chain.step == 1
    assert not np.array_equal(en.chain.v_probs, digit)
    after = gibbs_sources(en)
    assert after[0] != before[0] and after[1] != ""
    assert en.gibbs_figure.layout.title.text == "step 1: v → h → v"
    assert en.chain.h.shape == (en.model.n_hidden,)
    assert hidden_states_image(en.chain.h).shape == (4, 4)


def test_the_chain_is_the_numpy_rbm_s_with_the_same_seed(en):
    en.configure(start="digit", digit=5, clamp="none")
    en.gibbs_step(1)
    numpy_rbm = rbm_model.NumpyRbm.from_model(en.model)
    v_probs, v, h = numpy_rbm.gibbs(en.test_digits[0][5][None], 1, seed=1)
    np.testing.assert_allclose(en.chain.v_probs, v_probs[0], atol=1e-6)
    np.testing.assert_array_equal(en.chain.h, h[0])


def test_clamping_keeps_the_clamped_pixels_equal_to_the_digit(en):
    for where in ("top", "bottom", "left", "right"):
        en.configure(start="digit", digit=7, clamp=where)
        en.gibbs_step(4)
        mask = clamp_mask(where)
        digit = en.test_digits[0][7]
        np.testing.assert_array_equal(en.chain.v[mask], digit[mask])
        np.testing.assert_array_equal(en.chain.v_probs[mask], digit[mask])
        shapes = en.gibbs_figure.layout.shapes
        assert len(shapes) == 3 and shapes[2].line.color == "#ff7f0e"  # the clamp's frame
        assert f"Clamped: {where} half" in en.gibbs_text


def test_play_advances_the_chain_and_pause_stops_it(en):
    en.configure(clamp="none", start="noise")
    assert en.chain.step == 0
    en.play()
    assert en.playing
    deadline = time.monotonic() + 10
    while en.chain.step < 5 and time.monotonic() < deadline:
        time.sleep(0.02)
    en.pause()
    assert not en.playing
    steps = en.chain.step
    assert steps >= 5
    time.sleep(0.3)
    assert en.chain.step == steps
    assert en.gibbs_figure.layout.title.text == f"step {steps}: v → h → v"


def test_a_strip_click_starts_the_chain_from_that_digit(en):
    en.configure(start="noise", clamp="none")
    en._on_strip_click(None, SimpleNamespace(point_inds=[[0, 4]]), None)
    assert en._start.value == "digit" and en._digit.value == 4
    np.testing.assert_array_equal(en.chain.v, en.test_digits[0][4])
    assert en.chain.step == 0


def test_clamping_everything_or_nothing_is_said_in_both_languages(en, pl):
    for dashboard in (en, pl):
        t = TEXT.for_language(dashboard.lang)
        dashboard.configure(clamp="all")
        assert dashboard.gibbs_text.endswith(t("note_clamp_all"))
        dashboard.gibbs_step()
        assert dashboard.error_text == t("clamp_everything")
        assert dashboard.chain.step == 0
        dashboard.play()
        assert not dashboard.playing
        dashboard.configure(clamp="none")
        assert dashboard.error_text == ""
        assert t("note_free") in dashboard.gibbs_text
        dashboard.gibbs_step()
        assert dashboard.chain.step == 1


def test_k_zero_is_refused_with_a_message_in_both_languages(en, pl):
    for dashboard, words in ((en, "at least 1"), (pl, "co najmniej 1")):
        dashboard.configure(k=0)
        assert words in dashboard.error_text
        assert dashboard._k.value == 1 and dashboard.model.k == 1
        dashboard.configure(k=2)
        assert dashboard.error_text == "" and dashboard.model.k == 2
        dashboard.configure(k=1, hidden=16)


def test_a_diverging_learning_rate_is_told_and_the_next_train_starts_over(pl):
    pl.configure(learning_rate=100.0, momentum=0.5, weight_decay=0.0, epochs=2)
    pl.train()
    pl.wait_trained(120)
    assert pl.diverged
    assert "rozbiegło" in pl.error_text and "100" in pl.error_text
    assert pl.fields_figure.layout.images[0].source.startswith("data:image/png")
    pl.configure(learning_rate=0.1, weight_decay=1e-4)
    pl.train()  # a new RBM: the dashboard is usable again
    pl.wait_trained(120)
    assert not pl.diverged and pl.error_text == ""
    assert pl.epochs_done == 2
    assert "Po 2 epokach" in pl.status_text


def test_a_learning_rate_too_large_to_learn_is_told(en):
    en.configure(hidden=16, learning_rate=30.0, momentum=0.5, weight_decay=1e-4)
    train(en, epochs=2)
    assert not en.diverged  # (at η = 100 these weights blow up: the test below)
    with np.errstate(over="ignore"):
        assert en._numpy.reconstruction_error(en._data[0][:500]) >= en._untrained_error
    assert "not learning" in en.error_text and "η = 30" in en.error_text
    en.configure(learning_rate=0.1)
    en._rebuild()  # the damaged weights do not recover in 2 epochs: a new RBM does learn
    train(en, epochs=2)
    assert en.error_text == ""


def test_eta_momentum_and_decay_set_the_model_s_variables_without_starting_over(en):
    en.configure(hidden=16)
    en._rebuild()
    train(en, epochs=1)
    model = en.model
    en.configure(learning_rate=0.01, momentum=0.9, weight_decay=1e-3)
    assert en.model is model and en.epochs_done == 1
    assert float(np.asarray(model.learning_rate)) == pytest.approx(0.01)
    assert float(np.asarray(model.momentum)) == pytest.approx(0.9)
    assert float(np.asarray(model.weight_decay)) == pytest.approx(1e-3)
    en.configure(learning_rate=0.1, momentum=0.5, weight_decay=1e-4, method="pcd")
    assert en.model is not model and en.model.persistent and en.epochs_done == 0
    en.configure(method="cd")


def test_configure_checks_its_values(en):
    en.configure(hidden=17)
    assert "hidden" in en.error_text
    en.configure(clamp="middle")
    assert "clamp" in en.error_text
    en.configure(digit=5, clamp="left", start="digit")
    assert en.error_text == "" and en._digit.value == 5
    en.configure(clamp="none")


def test_the_views_numpy_without_blas_equals_the_model_s(en):
    from widgets.rbm.dashboard import free_energy, hidden_probabilities

    numpy_rbm = rbm_model.NumpyRbm.from_model(en.model)
    digits = en.test_digits[0][:50]
    np.testing.assert_allclose(
        hidden_probabilities(numpy_rbm, digits), numpy_rbm.hidden_probabilities(digits), atol=1e-5
    )
    np.testing.assert_allclose(
        free_energy(numpy_rbm, digits), numpy_rbm.free_energy(digits), rtol=1e-4, atol=1e-3
    )


def test_the_mosaic_tiles_each_unit_s_weights():
    weights = np.zeros((784, 4), np.float32)
    weights[0, 2] = 1.0  # unit 2's top-left pixel
    mosaic = fields_mosaic(weights)
    assert mosaic.shape == (58, 58)  # 2 × 2 tiles of 28 with a gap of 2
    assert mosaic[30, 0] == 1.0 and np.isnan(mosaic[28, 0])


def test_the_exercises(en, pl):
    digit = en.test_digits[0][0]
    en.configure(hidden=16)
    en._rebuild()  # a new RBM: untrained
    start = np.where(clamp_mask("top"), digit, 0.0)
    v_probs, _, _ = en.model.gibbs(start[None], 5, seed=0, clamp=(clamp_mask("top"), digit))
    verdict = check_fill_in(v_probs[0], 7, en, digit, 7, "en")
    assert not verdict.passed and "untrained" in verdict.message
    train(en, epochs=1)
    p = rbm_model.NumpyRbm.from_model(en.model).hidden_probabilities(digit)[0]
    assert check_hidden_probabilities(p, en.model, digit, "en").passed
    assert not check_hidden_probabilities(None, en.model, digit, "pl").passed
    W = np.asarray(en.model.W)
    no_bias = 1 / (1 + np.exp(-(digit @ W)))
    verdict = check_hidden_probabilities(no_bias, en.model, digit, "en")
    assert not verdict.passed and "bias" in verdict.message
    assert not check_hidden_probabilities(digit @ W, en.model, digit, "pl").passed

    label = int(en.test_digits[1][0])
    top = clamp_mask("top")
    start = np.where(top, digit, 0.0)
    v_probs, _, _ = en.model.gibbs(start[None], 50, seed=0, clamp=(top, digit))
    assert check_fill_in(v_probs[0], label, en, digit, label, "en").passed
    assert not check_fill_in(v_probs[0], (label + 1) % 10, en.model, digit, label, "pl").passed
    assert not check_fill_in(digit, label, en.model, digit, label, "en").passed  # a copy
    assert not check_fill_in(None, None, en.model, digit, label, "pl").passed
    assert "<div" in check_fill_in(None, None, en.model, digit, label, "pl")._repr_html_()


def test_k_and_the_method_say_the_new_rbm_before_building_it(en, monkeypatch):
    """Issue 24: k and the method built the same seeded RBM and showed nothing new; the
    status line now names the method with its k, and it is set before the Keras build."""
    from widgets.rbm import dashboard as module

    seen = []
    build = rbm_model.build_rbm
    monkeypatch.setattr(  # the dashboard module's own (lazy) name for the model module
        module.rbm_model, "build_rbm", lambda **k: seen.append(en.status_text) or build(**k)
    )
    try:
        en._k.value = 3
        en._method.value = "pcd"
        assert "CD-3" in seen[0] and "PCD-3" in seen[1] and seen[1] == en.status_text
    finally:
        en.configure(k=1, method="cd")


def test_a_setting_switched_back_gives_the_kept_untrained_rbm(en, monkeypatch):
    """Issue 24: each press of the hidden units built an RBM and its pipeline (1.9-2.2×
    the reference in the browser, the presses queuing); an untrained RBM is kept per
    (hidden, k, method) with its unread pipeline, never once it has trained."""
    from widgets.rbm import dashboard as module

    hidden, rate = en._hidden.value, en._learning_rate.value
    others = [h for h in en._hidden.options if h != hidden]
    en._hidden.value = others[0]
    rbm = en.model
    en._hidden.value = hidden
    built = []
    build = rbm_model.build_rbm
    monkeypatch.setattr(module.rbm_model, "build_rbm", lambda **k: built.append(k) or build(**k))
    try:
        en._learning_rate.value = 0.05
        en._hidden.value = others[0]
        assert en.model is rbm and built == []
        assert float(rbm.learning_rate) == pytest.approx(0.05)  # the controls' η
        train(en, epochs=1)
        en._hidden.value = hidden
        en._hidden.value = others[0]
        assert en.model is not rbm and len(built) == 1  # it trained: a new one
    finally:
        en._hidden.value = hidden
        en._learning_rate.value = rate
