"""Lesson 14's 1-D panel headless: D* against the closed form, V(D*, G), the trained
logistic D for N(0,1) vs N(1,1) ≈ σ(0.5 − x), sliders redraw, configure(), messages, and
the D* exercise."""

from __future__ import annotations

import math

import numpy as np
import pytest

from widgets.backend import load_keras
from widgets.gan_1d import OptimalDiscriminatorDashboard, check_d_star
from widgets.gan_1d.dashboard import game_value, js_divergence
from widgets.gan_1d.figures import D_STAR, D_TRAINED, X


@pytest.fixture(scope="module")
def en():
    return OptimalDiscriminatorDashboard("en").wait_ready()


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def test_d_star_is_the_closed_form_and_drawn(en):
    en.configure(mu_data=0.0, sigma_data=1.0, mu_g=1.0, sigma_g=1.0)
    # log p_data − log p_g = 0.5 − x for N(0,1) against N(1,1)
    np.testing.assert_allclose(en.d_star, sigmoid(0.5 - X), atol=1e-9)
    np.testing.assert_allclose(en.figure.data[D_STAR].y, np.round(sigmoid(0.5 - X), 4))
    en.configure(mu_g=2.0, sigma_g=0.5)  # a slider redraws D* at once
    assert not np.allclose(en.figure.data[D_STAR].y, np.round(sigmoid(0.5 - X), 4))


def test_value_is_minus_log_4_plus_twice_jsd(en):
    en.configure(mu_data=0.0, sigma_data=1.0, mu_g=0.0, sigma_g=1.0)
    assert en.game_value == pytest.approx(-math.log(4), abs=1e-6)
    assert np.allclose(en.d_star, 0.5)
    en.configure(mu_g=1.0)
    p, q = en.densities()
    assert en.game_value == pytest.approx(-math.log(4) + 2 * js_divergence(p, q, X))
    assert en.game_value == pytest.approx(game_value(en.d_star, p, q, X), abs=1e-3)  # V(D*, G)
    en.configure(mu_g=3.0, sigma_g=0.3)  # far apart: JSD → ln 2, V → 0
    assert -0.1 < en.game_value <= 1e-9


def test_trained_logistic_d_is_sigma_of_half_minus_x(en):
    keras = load_keras()
    en.configure(mu_data=0.0, sigma_data=1.0, mu_g=1.0, sigma_g=1.0, discriminator="logistic")
    assert isinstance(en.model, keras.Model)
    en.train_d(background=False)
    w, b = en.logistic_weights()
    assert w == pytest.approx(-1.0, abs=0.15) and b == pytest.approx(0.5, abs=0.15)
    np.testing.assert_allclose(
        en.discriminator_output([-2, 0.5, 3]), sigmoid(0.5 - np.array([-2, 0.5, 3])), atol=0.05
    )
    assert len(en.figure.data[D_TRAINED].y) == len(X)
    assert "σ(" in en.status_text and en.error_text == ""
    # a slider move retrains in the background: D follows
    en.configure(mu_g=2.0)
    en.wait_trained(60)
    w2, b2 = en.logistic_weights()
    assert w2 < -1.5  # log-ratio 2 − 2x for N(0,1) vs N(2,1)


def test_the_network_d_follows_d_star_where_logistic_regression_cannot(en):
    """N(0, 1) against N(1, 0.5): log(p_data/p_g) is quadratic, D* rises on both sides."""
    en.configure(mu_data=0.0, sigma_data=1.0, mu_g=1.0, sigma_g=0.5, d_train_steps=1000)

    def gap(kind):
        en.configure(discriminator=kind)
        en.train_d(background=False)
        p, q = en.densities()
        return float(np.max(np.abs(en.d_trained - en.d_star)[np.maximum(p, q) > 0.05]))

    logistic, network = gap("logistic"), gap("mlp")
    assert logistic > 0.25 and network < 0.5 * logistic, (logistic, network)
    assert "where the samples are" in en.status_text
    en.configure(discriminator="logistic", d_train_steps=400)


def test_configure_refuses_a_bad_kind_in_both_languages():
    for lang, word in (("en", "cannot take"), ("pl", "nie przyjmie")):
        dashboard = OptimalDiscriminatorDashboard(lang).wait_ready()
        dashboard.configure(discriminator="svm")
        assert word in dashboard.error_text
        dashboard.configure(sigma_g=99)
        assert "sigma_g" in dashboard.error_text
        assert dashboard.value_text.startswith("V(D*, G)")


def test_polish_numbers_have_a_decimal_comma():
    dashboard = OptimalDiscriminatorDashboard("pl").wait_ready()
    assert "−1,163" in dashboard.value_text


def test_d_star_exercise():
    want = float(sigmoid(0.5 - 2.0))
    assert check_d_star(round(want, 4), lang="en").passed
    assert not check_d_star(0.5, lang="en").passed
    assert "0,5" in str(check_d_star(0.5, lang="pl"))
    assert not check_d_star("a lot", lang="pl").passed
    assert check_d_star(round(float(sigmoid(0.0)), 4), x=0.5, lang="en").passed


def test_switching_an_untrained_d_names_it(en):
    """Issue 24: switching the discriminator before any training changed nothing visible."""
    before = en._status.value
    en._kind.value = "mlp" if en._kind.value == "logistic" else "logistic"
    try:
        assert en._status.value != before and "32 → 32" in (before + en._status.value)
    finally:
        en._kind.value = "logistic"
