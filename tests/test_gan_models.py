"""Lesson 14's Gan model against the textbook: Goodfellow's optimal discriminator, a ring of
eight Gaussians covered, both networks learning (the Keras-3 silent-freeze trap), the
per-side step counts, least squares, divergence, and the drawn distribution's message."""

from __future__ import annotations

import math

import numpy as np
import pytest

from widgets.errors import StudentError
from widgets.models import gan as G

RING_STEPS = 1500  # the smallest budget where seeds 0–2 all reached 8/8 with ≥ 83% near


def _weights(network) -> list[np.ndarray]:
    return [np.array(w) for w in network.get_weights()]


def _changed(before, after) -> bool:
    return all(not np.array_equal(a, b) for a, b in zip(before, after, strict=True))


def _unchanged(before, after) -> bool:
    return all(np.array_equal(a, b) for a, b in zip(before, after, strict=True))


def _logistic_gan(keras, fake_mean: float = 1.0):
    """A logistic D = σ(w x + b) against a fixed G(z) = z + fake_mean (g_steps=0)."""
    generator = keras.Sequential(
        [
            keras.Input((1,)),
            keras.layers.Dense(1, kernel_initializer="ones", bias_initializer="zeros"),
        ]
    )
    generator.layers[-1].bias.assign([fake_mean])
    discriminator = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1)])
    gan = G.gan_class()(generator, discriminator, noise_dim=1, d_steps=1, g_steps=0, seed=3)
    gan.compile(keras.optimizers.Adam(0.02), keras.optimizers.Adam(0.02))
    return gan


def test_the_optimal_logistic_discriminator_for_two_gaussians():
    """Real N(0, 1) against fake N(1, 1): the optimum is D*(x) = σ(0.5 − x)."""
    import keras

    gan = _logistic_gan(keras)
    real = np.random.default_rng(0).standard_normal((20000, 1)).astype(np.float32)
    runner = G.StepRunner(gan, real, batch_size=512)
    runner(1500)
    kernel, bias = (np.array(w).ravel()[0] for w in gan.discriminator.get_weights())
    assert kernel == pytest.approx(-1.0, abs=0.08)  # seeds 0–2: −0.99 to −1.03
    assert bias == pytest.approx(0.5, abs=0.08)  # 0.48 to 0.51
    x = np.linspace(-3, 4, 29)
    optimum = G.optimal_discriminator(G.gaussian_pdf(x, 0, 1), G.gaussian_pdf(x, 1, 1))
    np.testing.assert_allclose(optimum, 1 / (1 + np.exp(x - 0.5)), atol=1e-12)
    assert np.max(np.abs(G.discriminate(gan, x[:, None]) - optimum)) < 0.05


@pytest.mark.parametrize("loss", ["log", "least_squares"])
def test_the_ring_of_eight_gaussians_is_covered(loss):
    gan = G.build_mlp_gan(loss=loss, seed=1)
    runner = G.StepRunner(gan, G.ring(4096, seed=1), batch_size=256, seed=1)
    metrics = runner(RING_STEPS)
    modes, share = G.mode_coverage(G.generate(gan, 1000, seed=5), G.ring_centres())
    assert modes >= 7 and share >= 0.7, (modes, share)
    if loss == "log":  # near the equilibrium: 2 ln 2 and ln 2
        assert metrics["d_loss"] == pytest.approx(2 * math.log(2), abs=0.25)
        assert metrics["g_loss"] == pytest.approx(math.log(2), abs=0.3)


def test_an_untrained_generator_covers_no_mode():
    gan = G.build_mlp_gan(seed=1)
    modes, share = G.mode_coverage(G.generate(gan, 1000, seed=5), G.ring_centres())
    assert modes <= 1 and share < 0.2


def test_both_networks_learn_at_every_step_and_a_zero_count_freezes_its_side():
    gan = G.build_mlp_gan(seed=2)
    runner = G.StepRunner(gan, G.ring(1024), batch_size=64)
    for _ in range(3):  # the silent-freeze trap: D.trainable=False would stop one side
        d, g = _weights(gan.discriminator), _weights(gan.generator)
        runner(1)
        assert _changed(d, _weights(gan.discriminator))
        assert _changed(g, _weights(gan.generator))
    gan.set_steps(1, 0)
    d, g = _weights(gan.discriminator), _weights(gan.generator)
    runner(2)
    assert _changed(d, _weights(gan.discriminator)) and _unchanged(g, _weights(gan.generator))
    gan.set_steps(0, 1)
    d, g = _weights(gan.discriminator), _weights(gan.generator)
    runner(2)
    assert _unchanged(d, _weights(gan.discriminator)) and _changed(g, _weights(gan.generator))
    with pytest.raises(StudentError) as told:
        gan.set_steps(0, 0)
    assert told.value.key == "gan_lab.no_steps"
    assert (gan.d_steps, gan.g_steps) == (0, 1)


def test_changing_the_loss_and_steps_between_calls_takes_effect():
    """A D whose output is 0 everywhere: log loss d = 2 ln 2, g = ln 2; least squares
    d = ½ and g = ½. A stale traced loop would keep the old numbers."""
    import keras

    gan = G.build_mlp_gan(seed=4, d_steps=0, g_steps=1)
    last = gan.discriminator.layers[-1]
    last.set_weights([np.zeros_like(w) for w in last.get_weights()])
    runner = G.StepRunner(gan, G.ring(512), batch_size=64)
    first = runner(1)
    assert first["d_loss"] == pytest.approx(2 * math.log(2), abs=1e-5)
    assert first["g_loss"] == pytest.approx(math.log(2), abs=1e-5)
    gan.loss_kind = "least_squares"
    second = runner(1)
    assert second["d_loss"] == pytest.approx(0.5, abs=1e-5)
    assert second["g_loss"] == pytest.approx(0.5, abs=1e-5)
    d = _weights(gan.discriminator)
    gan.d_steps = 1
    runner(1)
    assert not _unchanged(d, _weights(gan.discriminator))
    gan.replace_optimizer("d", keras.optimizers.SGD(0.1))
    d = _weights(gan.discriminator)
    runner(1)
    assert not _unchanged(d, _weights(gan.discriminator))
    with pytest.raises(StudentError):
        gan.replace_optimizer("g", gan.d_optimizer)


def test_fit_trains_the_gan_and_keeps_its_metrics():
    gan = G.build_mlp_gan(seed=0)
    history = gan.fit(G.ring(1024), batch_size=128, epochs=2, verbose=0)
    assert set(history.history) == {"d_loss", "g_loss", "d_real", "d_fake"}
    assert len(history.history["d_loss"]) == 2 and not G.diverged(history)


def test_a_shared_optimizer_is_refused():
    import keras

    gan = G.build_mlp_gan()
    optimizer = keras.optimizers.Adam()
    fresh = G.gan_class()(gan.generator, gan.discriminator, 2)
    with pytest.raises(StudentError) as told:
        fresh.compile(optimizer, optimizer)
    assert told.value.key == "gan_lab.shared_optimizer"


def test_a_silly_learning_rate_diverges_and_is_detected():
    gan = G.build_mlp_gan(d_optimizer="sgd", g_optimizer="sgd", d_lr=10.0, g_lr=10.0)
    runner = G.StepRunner(gan, G.ring(1024), batch_size=64)
    assert any(G.diverged(runner(1)) for _ in range(30))
    assert not G.diverged({"d_loss": 1.0, "g_loss": [0.5, 0.7]})
    assert G.diverged([1.0, float("inf")])


def test_the_numpy_views_agree_with_keras():
    gan = G.build_mlp_gan(seed=3, activation="tanh")
    G.StepRunner(gan, G.ring(512), batch_size=64)(5)
    copy = G.NumpyGan.from_model(gan)
    noise = np.random.default_rng(0).standard_normal((50, 2)).astype(np.float32)
    fakes = np.asarray(gan.generator(noise))
    np.testing.assert_allclose(copy.generate(noise), fakes, atol=1e-5)
    np.testing.assert_allclose(copy.discriminate(fakes), G.discriminate(gan, fakes), atol=1e-5)
    heat = G.decision_map(gan, (-3, 3), (-2, 2), n=5)
    assert heat.shape == (5, 5)
    assert heat[4, 0] == pytest.approx(G.discriminate(gan, np.array([[-3.0, 2.0]]))[0], abs=1e-5)
    lines = G.manifold(gan, grid_n=3, points=7)
    assert len(lines) == 6 and lines[0].shape == (7, 2)
    # The arrows: d(−log σ(D(x)))/dx by finite differences.
    import tensorflow as tf

    x = tf.constant(fakes[:4])
    with tf.GradientTape() as tape:
        tape.watch(x)
        loss = tf.reduce_sum(_per_sample_g_loss(gan, x))
    np.testing.assert_allclose(
        G.generator_gradients(gan, fakes[:4]), tape.gradient(loss, x).numpy(), atol=1e-5
    )


def _per_sample_g_loss(gan, x):
    import keras

    logits = gan.discriminator(x)
    return keras.losses.binary_crossentropy(keras.ops.ones_like(logits), logits, from_logits=True)


def test_the_data_sets_and_a_drawn_distribution():
    for name in ("ring", "grid", "line", "two_clusters"):
        points = G.sample(name, 300, seed=1)
        assert points.shape == (300, 2) and points.dtype == np.float32
        assert np.all(np.abs(points) < 3.0)
    assert G.mode_coverage(G.grid(2000), G.grid_centres()) == (25, pytest.approx(1.0))
    drawn = G.from_points([[0, 0], [1, 1], [1, 0], [0, 1], [0.5, 0.5]], 500, std=0.05)
    assert drawn.shape == (500, 2)
    with pytest.raises(StudentError) as told:
        G.from_points([[0, 0], [1, 1]], 100)
    assert told.value.key == "gan_lab.too_few_points"
    assert "2 punkty" in told.value.message("pl") and "at least 5" in told.value.message("en")
