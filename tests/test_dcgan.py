"""Lesson 14's DCGAN (widgets/models/dcgan.py) at tiny sizes: shapes, both networks learn in
a step (the silent-freeze trap), the noise, the interpolations and the mosaic."""

from __future__ import annotations

import numpy as np
import pytest

from widgets.models import dcgan, gan


@pytest.fixture(scope="module")
def model():
    return dcgan.build_dcgan(noise_dim=8, seed=0)


def test_shapes_generator_rows_in_minus_one_to_one_discriminator_one_logit(model):
    assert model.generator.output_shape == (None, 784)
    assert model.discriminator.input_shape == (None, 784)
    assert model.discriminator.output_shape == (None, 1)
    images = np.asarray(model.generator(dcgan.fixed_noise(5, 8), training=False))
    assert images.shape == (5, 784) and images.min() >= -1 and images.max() <= 1
    names = [type(layer).__name__ for layer in model.generator.layers]
    assert names.count("Conv2DTranspose") == 2 and "BatchNormalization" in names
    assert [type(layer).__name__ for layer in model.discriminator.layers].count("Conv2D") == 2


def test_digits_in_minus_one_to_one_and_one_class():
    x = dcgan.digits(n=500)
    assert x.shape == (500, 784) and x.dtype == np.float32
    assert x.min() == -1.0 and x.max() == 1.0
    zeros = dcgan.digits(digit=0, n=500)
    assert 20 < len(zeros) < 100


def test_both_networks_change_in_one_step(model):
    x = dcgan.digits(n=256)
    runner = gan.StepRunner(model, x, 32)
    g0 = [w.copy() for w in model.generator.get_weights()]
    d0 = [w.copy() for w in model.discriminator.get_weights()]
    metrics = runner(1)
    assert set(metrics) >= {"d_loss", "g_loss", "d_real", "d_fake"}
    assert not gan.diverged(metrics)
    changed = lambda before, net: any(  # noqa: E731
        not np.allclose(a, b) for a, b in zip(before, net.get_weights(), strict=True)
    )
    assert changed(g0, model.generator) and changed(d0, model.discriminator)


def test_fixed_noise_is_fixed_and_standard():
    a, b = dcgan.fixed_noise(64, 32, seed=1), dcgan.fixed_noise(64, 32, seed=1)
    np.testing.assert_array_equal(a, b)
    assert abs(float(a.mean())) < 0.1 and abs(float(a.std()) - 1) < 0.1


def test_interpolation_ends_and_norms():
    z0, z1 = dcgan.fixed_noise(2, 32, seed=3)
    for kind in ("linear", "spherical"):
        np.testing.assert_allclose(dcgan.interpolate(z0, z1, 0.0, kind), z0, atol=1e-6)
        np.testing.assert_allclose(dcgan.interpolate(z0, z1, 1.0, kind), z1, atol=1e-6)
    # the reason for slerp: the linear midpoint falls inside the sphere of typical noise
    linear = np.linalg.norm(dcgan.interpolate(z0, z1, 0.5, "linear"))
    spherical = np.linalg.norm(dcgan.interpolate(z0, z1, 0.5, "spherical"))
    ends = (np.linalg.norm(z0) + np.linalg.norm(z1)) / 2
    assert linear < 0.85 * ends and abs(spherical - ends) < 0.05 * ends
    with pytest.raises(ValueError):
        dcgan.interpolate(z0, z1, 0.5, "cubic")


def test_sample_grid_is_the_generators_images_tiled(model):
    z = dcgan.fixed_noise(64, 8)
    picture = dcgan.sample_grid(model, z)
    assert picture.shape == (8 * 30 - 2, 8 * 30 - 2)
    images = dcgan.generate_images(model, z)
    np.testing.assert_allclose(picture[30:58, 60:88], images[8 + 2], atol=1e-6)
    assert 0.0 <= picture.min() and picture.max() <= 1.0
