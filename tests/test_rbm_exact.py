"""Lesson 13, the exact case (widgets.rbm_exact): the bars-and-stripes dashboard driven
headless at a tiny size (a few epochs), its figures' pure data, the messages in both
languages and the free-energy exercise's checker."""

from __future__ import annotations

import math

import numpy as np
import pytest
from student_errors import assert_student_error, shown_errors

from widgets.figures.png import decode_data_url
from widgets.models import rbm as rb
from widgets.rbm_exact import (
    BarsStripesDashboard,
    check_free_energy,
    exercise_pattern,
    exercise_rbm,
)
from widgets.rbm_exact.figures import framed, likelihood_data, samples_pixels


@pytest.fixture(scope="module")
def dashboard():
    board = BarsStripesDashboard(lang="en").wait_ready()
    board.configure(epochs=3)
    return board


def test_training_draws_the_exact_log_likelihood_and_p_of_each_pattern(dashboard):
    dashboard.reset()
    assert dashboard.model.n_visible == 16 and dashboard.model.n_hidden == 8
    assert dashboard.log_likelihoods == [pytest.approx(-16 * math.log(2), abs=0.01)]
    dashboard.play()
    dashboard.wait_trained(120)
    assert dashboard.error_text == ""
    assert len(dashboard.log_likelihoods) == 4 and len(dashboard.valid_mass) == 4
    # the last point is the exact log-likelihood of the trained weights, and it rose
    exact = rb.exact_log_likelihood(dashboard.model, dashboard.patterns)
    assert dashboard.log_likelihoods[-1] == pytest.approx(exact, abs=1e-6)
    assert dashboard.log_likelihoods[-1] > dashboard.log_likelihoods[0] + 0.5
    curve = dashboard.likelihood.data[0]
    assert list(curve.x) == [0, 1, 2, 3]
    np.testing.assert_allclose(curve.y, dashboard.log_likelihoods)
    assert dashboard.likelihood.data[1].y[0] == pytest.approx(-math.log(30))
    bars = np.array(dashboard.distribution.data[0].y, dtype=float)
    np.testing.assert_allclose(bars, dashboard.probabilities(), atol=1e-6)
    assert len(dashboard.distribution.layout.images) == 30
    title = dashboard.distribution.layout.title.text
    assert f"{dashboard.valid_mass[-1]:.1%}" in title and "65,506" in title
    assert "After 3 epochs" in dashboard.status_text
    # ▶ again carries on
    dashboard.configure(epochs=2)
    dashboard.play(background=False)
    dashboard.wait_trained(60)
    assert len(dashboard.log_likelihoods) == 6


def test_samples_are_gibbs_chains_marked_valid_or_not(dashboard):
    dashboard.configure(gibbs_steps=50)
    dashboard.draw_samples()
    assert dashboard.samples.shape == (16, 16)
    valid = {p.tobytes() for p in dashboard.patterns}
    assert dashboard.sample_valid == [s.tobytes() in valid for s in dashboard.samples]
    title = dashboard.sample_figure.layout.title.text
    assert f"{sum(dashboard.sample_valid)} of 16 valid" in title and "50 Gibbs" in title
    pixels = decode_data_url(dashboard.sample_figure.layout.images[0].source)[::-1]
    np.testing.assert_array_equal(pixels, samples_pixels(dashboard.samples, dashboard.sample_valid))
    before = dashboard.samples.copy()
    dashboard._sample.click()  # as a student: new chains each press
    assert not np.array_equal(before, dashboard.samples)


def test_settings_rebuild_or_change_the_rate_on_the_fly(dashboard):
    dashboard._hidden.value = 5  # as a student moving the slider
    assert dashboard.model.n_hidden == 5 and len(dashboard.log_likelihoods) == 1
    dashboard.configure(method="pcd", k=2)
    assert dashboard.model.persistent and dashboard.model.k == 2
    assert "PCD-2" in dashboard.status_text  # issue 24: else the same seeded start, unseen
    dashboard._learning_rate.value = 0.1
    assert float(dashboard.model.learning_rate) == pytest.approx(0.1)
    assert dashboard.model is dashboard.model  # no rebuild by η
    dashboard.configure(hidden=8, method="cd", k=5, learning_rate=0.3)


def test_stop_ends_the_run_early(dashboard):
    dashboard.reset()
    dashboard.configure(epochs=200)
    dashboard.play()
    dashboard.stop()
    dashboard.wait_trained(60)
    assert len(dashboard.log_likelihoods) - 1 < 200
    assert "Stopped" in dashboard.status_text or dashboard.error_text == ""
    dashboard.configure(epochs=3)


def test_a_silly_learning_rate_is_told_in_both_languages():
    for lang in ("en", "pl"):
        board = BarsStripesDashboard(lang=lang).wait_ready()
        errors = shown_errors(board)
        board.configure(learning_rate=10.0, epochs=3)  # |W| ~ 15, log-likelihood ~ −16
        board.play(background=False)
        board.wait_trained(60)
        assert errors and errors[-1].key == "rbm_exact.worse_than_uniform"
        board.configure(learning_rate=100.0)
        board.reset()
        board.play(background=False)
        board.wait_trained(60)
        assert rb.diverged(board.model)  # |W| > 100
        assert errors[-1].key == "rbm_exact.diverged"
        if lang == "pl":
            assert_student_error(errors[-1], "rbm_exact.diverged")
            assert "100" in board.error_text
        count = len(errors)
        board.play()  # refused at once: start again first
        assert len(errors) == count + 1 and errors[-1].key == "rbm_exact.diverged"


def test_bad_settings_are_told(dashboard):
    dashboard.configure(hidden=30)
    assert "hidden" in dashboard.error_text and "12" in dashboard.error_text
    dashboard.configure(method="gibbs")
    assert "cd" in dashboard.error_text
    dashboard.clear_error()


def test_figure_data():
    data = likelihood_data([-11.0, -8.0, -6.5], -3.4, -11.09)
    assert data[0] == {"x": [0, 1, 2], "y": [-11.0, -8.0, -6.5]}
    assert data[1] == {"x": [0, 2], "y": [-3.4, -3.4]}
    tile = framed(np.eye(4).reshape(-1), [0, 255, 0, 255])
    assert tile.shape == (6, 6, 4) and list(tile[0, 0]) == [0, 255, 0, 255]
    assert list(tile[1, 1]) == [0, 0, 0, 255] and list(tile[1, 2]) == [255, 255, 255, 255]
    empty = samples_pixels(None, [])
    assert empty.shape == (14, 62, 4)


def test_check_free_energy():
    rbm, v = exercise_rbm(), exercise_pattern()
    assert v.shape == (16,) and rbm.W.shape == (16, 8)
    right = float(-v @ rbm.b_visible - np.sum(np.log1p(np.exp(v @ rbm.W + rbm.b_hidden))))
    assert check_free_energy(right, lang="en").passed
    assert check_free_energy(np.float32(right), lang="pl").passed
    assert not check_free_energy(None, lang="en").passed
    wrong = check_free_energy(-right, lang="en")
    assert not wrong.passed and "sign" in str(wrong)
    no_visible = float(-np.sum(np.log1p(np.exp(v @ rbm.W + rbm.b_hidden))))
    assert "visible part" in str(check_free_energy(no_visible, lang="en"))
    polish = str(check_free_energy("abc", lang="pl"))
    assert "Jeszcze nie" in polish
    # any RBM and pattern, e.g. the dashboard's
    other = rb.NumpyRbm(np.ones((16, 2)), np.zeros(16), np.zeros(2))
    assert check_free_energy(float(other.free_energy(v)[0]), other, v).passed
