"""The "show the code" (issue 23): the code each dashboard shows is run in a fresh namespace
and must give the same numbers as the dashboard's own model. That is the guarantee that
the code on screen is true, so every case compares outputs or weights, never the text."""

from __future__ import annotations

import contextlib
import io

import numpy as np
import pytest
from code_checks import opened_code, run_code

from widgets.code_view import CodeView
from widgets.mcculloch_pitts import McCullochPittsDashboard


# Lesson 02 ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def mcp():
    return McCullochPittsDashboard(lang="pl").wait_ready()


@pytest.mark.parametrize(
    ("third", "inhibitory", "weights", "threshold"),
    [
        (False, False, [1.0, 1.0], 2.0),
        (False, False, [-1.5, 0.5], -0.5),
        (True, False, [1.0, 1.0, 1.0], 2.0),
        (False, True, [1.0, 1.0], 1.0),
        (True, True, [2.0, -0.5, 1.5], 1.5),
    ],
)
def test_mcp_code_gives_the_dashboards_truth_table(mcp, third, inhibitory, weights, threshold):
    mcp._third.value = third
    mcp._inhibitory.value = inhibitory
    mcp.configure(weights=weights, threshold=threshold)
    namespace = run_code(opened_code(mcp))
    rows, _sums, outputs = mcp.truth_table()
    shown = namespace["model"].predict(rows, verbose=0).ravel()
    np.testing.assert_array_equal(shown, outputs)
    np.testing.assert_array_equal(namespace["rows"], rows)


def test_the_open_panel_follows_a_slider(mcp):
    mcp._third.value = mcp._inhibitory.value = False
    mcp.configure(weights=[1.0, 1.0], threshold=2.0)
    before = opened_code(mcp)
    mcp._threshold.value = 1.0
    after = mcp._code_view.code
    assert before != after and "threshold = 1.0" in after
    mcp._code_view.expanded = False


def test_a_failing_code_writer_becomes_a_comment_in_both_languages():
    def broken() -> str:
        raise ValueError("no")

    for lang, word in (("pl", "Nie udało się"), ("en", "Could not")):
        view = CodeView(broken, lang)
        view.expanded = True
        assert view.code.startswith("# ") and word in view.code


# Lesson 03 ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def hebb():
    from widgets.hebb import HebbDashboard

    return HebbDashboard(lang="en").wait_ready()


@pytest.mark.parametrize(
    "settings",
    [
        {"gate": "AND", "encoding": "bipolar", "learning_rate": 1.0, "epochs": 1},
        {"gate": "OR", "encoding": "binary", "learning_rate": 0.5, "epochs": 3},
        {"gate": "XOR", "encoding": "mixed", "learning_rate": 0.25, "epochs": 7},
    ],
)
def test_hebb_code_learns_the_dashboards_weights(hebb, settings):
    hebb.configure(**settings)
    namespace = run_code(opened_code(hebb))
    model = namespace["model"]
    final = hebb.states_[-1]  # (w1, w2, b) after every presentation of every epoch
    np.testing.assert_allclose(model.w.numpy().ravel(), final[:-1], atol=1e-6)
    np.testing.assert_allclose(model.b.numpy(), final[-1:], atol=1e-6)
    hebb.go_to(hebb.total_steps)
    X = hebb.patterns[0]
    np.testing.assert_array_equal(model.predict(X, verbose=0).ravel(), hebb.outputs())


# Lesson 04 ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def perceptron():
    from widgets.perceptron import PerceptronDashboard

    return PerceptronDashboard(lang="pl").wait_ready()


@pytest.mark.parametrize(
    "settings",
    [
        {"dataset": "blobs", "points": 20, "margin": 0.3, "seed": 1, "shuffle": False},
        {"dataset": "blobs", "points": 30, "noise": 0.6, "seed": 4, "random_init": True},
        {"dataset": "xor", "noise": 0.0, "pocket": True, "epochs": 6, "seed": 2},
        {"dataset": "and", "noise": 0.3, "learning_rate": 0.1, "epochs": 15},
    ],
)
def test_perceptron_code_learns_the_dashboards_line(perceptron, settings):
    defaults = {"noise": 0.0, "random_init": False, "shuffle": True, "pocket": False}
    perceptron.configure(**{"epochs": 20, "learning_rate": 1.0, **defaults, **settings})
    if settings["dataset"] == "and":
        perceptron.add_point(0.5, 0.9, label=1)  # a clicked point: the code lists the points
    namespace = run_code(opened_code(perceptron))
    model, trajectory = namespace["model"], perceptron.trajectory
    if settings.get("pocket"):
        w, b, _errors = trajectory.pocket(trajectory.steps)
    else:
        w, b = trajectory.weights[-1], trajectory.biases[-1]
    np.testing.assert_allclose(model.w.numpy(), w, atol=1e-5)
    np.testing.assert_allclose(float(model.b.numpy()), b, atol=1e-5)
    np.testing.assert_array_equal(namespace["X"], perceptron.X)


# Lesson 05 ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def adaline():
    from widgets.adaline import AdalineDashboard

    return AdalineDashboard(lang="en").wait_ready()


@pytest.mark.parametrize(
    "settings",
    [
        {"data": "separable", "mode": "batch", "learning_rate": 0.1, "epochs": 20, "seed": 0},
        {"data": "noisy", "mode": "online", "learning_rate": 0.01, "epochs": 5, "seed": 3},
    ],
)
def test_adaline_code_trains_the_dashboards_weights(adaline, settings):
    adaline.configure(**settings)
    adaline.wait_trained()
    namespace = run_code(opened_code(adaline))
    w, b = namespace["model"].get_weights()
    run = adaline.run
    np.testing.assert_allclose(w.ravel(), run.adaline_w[-1], atol=1e-5)
    np.testing.assert_allclose(b[0], run.adaline_b[-1], atol=1e-5)
    np.testing.assert_allclose(namespace["exact"], [*run.exact_w, run.exact_b], atol=1e-5)


# Lesson 06 ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def activations():
    import matplotlib

    matplotlib.use("Agg")  # the shown code plots f and f′; no window in a test
    from widgets.activations import ActivationsDashboard

    return ActivationsDashboard(lang="pl").wait_ready()


@pytest.mark.parametrize(
    "settings",
    [
        {"activation": "sigmoid", "weights": [1.5], "bias": -0.5},
        {"activation": "leaky_relu", "alpha": 0.1, "weights": [2.0, -1.0], "bias": 0.25},
        {"activation": "step", "weights": [1.0], "bias": 0.0},
        {"activation": "elu", "alpha": 0.5, "weights": [-1.0, 0.5], "bias": 1.0},
        {"activation": "gelu", "logits": [2.0, 1.0, 0.1, -1.0], "temperature": 0.5},
    ],
)
def test_activation_code_gives_the_dashboards_curves_neuron_and_softmax(activations, settings):
    from widgets.models.activations import neuron_output, values_and_derivative

    if "weights" in settings:
        activations._inputs.value = len(settings["weights"])
    activations.configure(**settings)
    namespace = run_code(opened_code(activations))
    z = namespace["z"].numpy()
    f, df = values_and_derivative(activations.activation, z, activations.alpha)
    np.testing.assert_allclose(namespace["y"].numpy(), f, atol=1e-6)
    np.testing.assert_allclose(namespace["dy"].numpy(), df, atol=1e-6)
    x = np.ones((3, activations.n_inputs), dtype="float32") * np.array([[-1.0], [0.5], [2.0]])
    np.testing.assert_allclose(
        namespace["model"].predict(x, verbose=0).ravel(),
        neuron_output(activations.model, x),
        atol=1e-6,
    )
    np.testing.assert_allclose(
        np.asarray(namespace["probabilities"]).ravel(), activations.probabilities(), atol=1e-6
    )


# Lesson 08 ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def depth():
    from widgets.deep_vs_shallow import DeepVsShallowDashboard

    return DeepVsShallowDashboard(lang="en").wait_ready()


@pytest.mark.parametrize(
    "settings",
    [
        {"data": "sawtooth", "teeth": 4, "budget": 60, "depth": 3, "init": "spread", "seed": 1},
        {"data": "spirals", "turns": 1.0, "budget": 80, "depth": 2, "init": "keras", "seed": 0},
    ],
)
def test_depth_code_trains_both_nets_to_the_dashboards_weights(depth, settings):
    depth.configure(steps=100, **settings)
    depth.play(background=False)
    namespace = run_code(opened_code(depth))
    for name in ("shallow", "deep"):
        ours = getattr(depth, name).get_weights()
        shown = namespace[name].get_weights()
        assert [w.shape for w in shown] == [w.shape for w in ours]
        for a, b in zip(shown, ours, strict=True):
            np.testing.assert_allclose(a, b, atol=2e-4, err_msg=name)


# Lesson 10: convolution by hand ---------------------------------------------------------
@pytest.fixture(scope="module")
def convolution():
    import matplotlib

    matplotlib.use("Agg")
    from widgets.convolution import ConvolutionDashboard

    return ConvolutionDashboard(lang="pl").wait_ready()


@pytest.mark.parametrize(
    "settings",
    [
        {"preset": "sobel_x", "stride": 1, "padding": "valid", "size": 28},
        {"preset": "sharpen", "stride": 2, "padding": "same", "size": 20},
        {"kernel": [[1, 0, -1], [2, 0.5, -2], [1, 0, -1]], "stride": 3, "padding": 1, "size": 24},
    ],
)
def test_convolution_code_gives_the_dashboards_maps(convolution, settings):
    convolution.configure(**settings)
    namespace = run_code(opened_code(convolution))
    shown = [m[0, :, :, 0] for m in namespace["maps"]]
    assert len(shown) == len(convolution.maps)
    for ours, theirs in zip(convolution.maps, shown, strict=True):
        np.testing.assert_allclose(theirs, ours, atol=1e-5)


def test_a_drawn_digit_is_in_the_code_as_numbers(convolution):
    convolution.configure(preset="blur", stride=1, padding="valid", size=28)
    convolution.digits.source.value = "drawn"
    pad = np.zeros((112, 112), np.uint8)
    pad[20:90, 50:62] = 255  # a thick "1"
    convolution.digits.canvas.draw(pad)
    try:
        namespace = run_code(opened_code(convolution))
        assert "load_mnist" not in convolution._code_view.code
        np.testing.assert_allclose(namespace["image"], convolution.image(), atol=6e-4)
        np.testing.assert_allclose(namespace["maps"][0][0, :, :, 0], convolution.maps[0], atol=5e-3)
    finally:
        convolution.digits.source.value = "test"


# Lesson 10: the CNN ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def cnn():
    import matplotlib

    matplotlib.use("Agg")
    from widgets.cnn import CnnDashboard

    dashboard = CnnDashboard(lang="en").wait_ready()
    dashboard.configure(filters=(8, 16), kernels=(5, 3), epochs=2, images=2000)
    return dashboard


def test_cnn_code_builds_the_dashboards_start_and_trains(cnn):
    code = opened_code(cnn)
    build, train = code.split("EPOCHS =")
    namespace = run_code(build)  # up to the training: the untrained network
    cnn.rebuild()  # the dashboard's untrained CNN, seeded as on every Train
    shown, ours = namespace["model"].get_weights(), cnn.model.get_weights()
    assert [w.shape for w in shown] == [w.shape for w in ours]
    for a, b in zip(shown, ours, strict=True):
        np.testing.assert_array_equal(a, b)
    with contextlib.redirect_stdout(io.StringIO()):
        exec("EPOCHS =" + train, namespace)  # noqa: S102
    assert namespace["history"].history["val_accuracy"][-1] > 0.5  # it learns (chance: 0.1)


# Lesson 07 ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def playground():
    from widgets.playground import PlaygroundDashboard

    return PlaygroundDashboard(lang="pl").wait_ready()


def layer_layout(model) -> list[tuple]:
    return [
        (
            type(layer).__name__,
            getattr(layer, "units", None),
            getattr(getattr(layer, "activation", None), "__name__", None),
            getattr(layer, "rate", None),
        )
        for layer in model.layers
    ]


def test_playground_code_builds_the_dashboards_network(playground):
    for press in (playground._layers_plus, playground._unit_buttons[1]):
        press.click()  # a network the student changed: one layer and one neuron more
        namespace = run_code(opened_code(playground))
        shown, ours = namespace["model"], playground.model
        assert layer_layout(shown) == layer_layout(ours)
        assert shown.count_params() == ours.count_params()
        assert shown.input_shape == ours.input_shape
        spec = playground._spec()  # the optimizer the dashboard's own trainer uses
        assert float(shown.optimizer.learning_rate) == pytest.approx(spec.learning_rate)
        assert type(shown.optimizer).__name__.lower() in {"sgd", "adam"}


# Lesson 09 ------------------------------------------------------------------------------
def test_keras_workflow_code_builds_the_dashboards_model():
    from widgets.keras_workflow import KerasWorkflowDashboard

    dashboard = KerasWorkflowDashboard(lang="en").wait_ready()
    dashboard.configure(optimizer="adam", learning_rate=0.002, epochs=1)
    namespace = run_code(opened_code(dashboard))
    shown, ours = namespace["model"], dashboard.model
    assert layer_layout(shown) == layer_layout(ours)
    assert shown.count_params() == ours.count_params()
    assert shown.input_shape == ours.input_shape
    assert float(shown.optimizer.learning_rate) == pytest.approx(0.002)
    assert len(namespace["history"].history["loss"]) == 1  # the epochs set in the dashboard


# Lesson 11: the loop unrolled -----------------------------------------------------------
@pytest.fixture(scope="module")
def rnn_loop():
    import matplotlib

    matplotlib.use("Agg")
    from widgets.rnn_loop import RecurrenceDashboard

    return RecurrenceDashboard(lang="pl").wait_ready()


@pytest.mark.parametrize(
    "settings",
    [
        {"sequence": "sine", "steps": 12, "units": 1, "W": 1.5, "U": 0.9, "b": 0.2},
        {"sequence": "step", "steps": 8, "units": 3, "W": -0.5, "U": 1.2, "b": -0.1},
        {"typed": "1 0 0 -1 0,5", "units": 2, "W": 2.0, "U": 0.5, "b": 0.0},
    ],
)
def test_rnn_loop_code_gives_the_dashboards_states(rnn_loop, settings):
    rnn_loop.configure(**settings)
    namespace = run_code(opened_code(rnn_loop))
    np.testing.assert_allclose(namespace["states"], rnn_loop.h, atol=1e-5)
    np.testing.assert_allclose(namespace["states"], rnn_loop.keras_states(), atol=1e-5)


# Lesson 12: the autoencoder -------------------------------------------------------------
@pytest.fixture(scope="module")
def autoencoder():
    import matplotlib

    matplotlib.use("Agg")
    from widgets.autoencoder import AutoencoderDashboard

    return AutoencoderDashboard(lang="en").wait_ready()


@pytest.mark.parametrize(
    "settings",
    [
        {"kind": "dense", "hidden": (256, 64), "variational": False},
        {"kind": "linear", "variational": False},
        {"kind": "conv", "variational": False},
        {"kind": "dense", "hidden": (128,), "variational": True},
    ],
)
def test_autoencoder_code_builds_the_dashboards_layers_and_learns(autoencoder, settings):
    autoencoder.configure(epochs=2, images=1000, learning_rate=0.003, **settings)
    namespace = run_code(opened_code(autoencoder))
    for part in ("encoder", "decoder"):
        shown, ours = namespace[part], getattr(autoencoder.model, part)
        if part == "encoder" and settings["variational"]:
            ours = autoencoder.model.vae_encoder
        assert [w.shape for w in shown.get_weights()] == [w.shape for w in ours.get_weights()]
    losses = namespace["history"].history
    key = "reconstruction_loss" if settings["variational"] else "loss"
    assert losses[key][-1] < losses[key][0]  # the shown training learns


# Lesson 12: denoising and PCA -----------------------------------------------------------
def test_denoising_code_builds_the_dashboards_models_and_pca():
    from widgets.denoising import DenoisingDashboard

    # Built on 1000 images from the start: the default 8000 would be built, then dropped.
    dashboard = DenoisingDashboard(lang="pl", images=1000).wait_ready()
    dashboard.configure(images=1000, epochs=1, train_sigma=0.4)
    namespace = run_code(opened_code(dashboard))
    for name in ("plain", "denoising"):
        shown = [w.shape for w in namespace[name].get_weights()]
        assert shown == [w.shape for w in dashboard.models[name].get_weights()], name
    noise = [type(layer).__name__ for layer in namespace["model"].layers]
    assert "GaussianNoise" in noise and namespace["model"] is namespace["denoising"]
    x_test = dashboard.data[2]
    np.testing.assert_allclose(namespace["pca_mse"], dashboard.pca.mse(x_test), rtol=1e-4)


# Lesson 11: memory over time ------------------------------------------------------------
def test_memory_code_builds_the_dashboards_data_and_seeded_cells():
    import matplotlib

    matplotlib.use("Agg")
    from widgets.rnn_memory import MemoryDashboard

    dashboard = MemoryDashboard(lang="en").wait_ready()
    dashboard.configure(length=10, sequences=500, units=8, epochs=1, cells=["gru", "lstm"])
    build, train = opened_code(dashboard).split("EPOCHS =")
    namespace = run_code(build)
    np.testing.assert_array_equal(namespace["x_train"], dashboard.data.x_train)
    np.testing.assert_array_equal(namespace["y_val"], dashboard.data.y_val)
    assert namespace["baseline"] == pytest.approx(dashboard.data.baseline, rel=1e-5)
    assert list(namespace["models"]) == ["GRU", "LSTM"]
    for name, cell in (("GRU", "gru"), ("LSTM", "lstm")):
        shown, ours = namespace["models"][name].get_weights(), dashboard.models[cell].get_weights()
        for a, b in zip(shown, ours, strict=True):
            np.testing.assert_array_equal(a, b)
    with contextlib.redirect_stdout(io.StringIO()):
        exec("EPOCHS =" + train, namespace)  # noqa: S102
    assert np.isfinite(namespace["history"].history["val_loss"][-1])


# Lesson 14: the optimal discriminator in 1-D --------------------------------------------
@pytest.mark.parametrize("kind", ["logistic", "mlp"])
def test_gan_1d_code_gives_d_star_and_a_d_that_reaches_it(kind):
    import matplotlib

    matplotlib.use("Agg")
    from widgets.gan_1d import OptimalDiscriminatorDashboard

    dashboard = OptimalDiscriminatorDashboard(lang="pl").wait_ready()
    dashboard.configure(mu_data=0.0, sigma_data=1.0, mu_g=1.0, sigma_g=1.0)
    dashboard.configure(discriminator=kind, d_train_steps=300)
    namespace = run_code(opened_code(dashboard))
    np.testing.assert_allclose(namespace["d_star"], dashboard.d_star, atol=1e-12)
    shown = [w.shape for w in namespace["model"].get_weights()]
    assert shown == [w.shape for w in dashboard.models[kind].get_weights()]
    # Where the samples are (|x| ≤ 2), the trained D is near D* = σ(0.5 − x).
    near = np.abs(namespace["x"]) <= 2
    gap = np.abs(namespace["d_trained"] - namespace["d_star"])[near]
    assert gap.max() < 0.1


# Lesson 14: GAN Lab ---------------------------------------------------------------------
@pytest.mark.parametrize(
    "settings",
    [
        {"data": "ring", "loss": "log", "g_layers": 2, "d_neurons": 32},
        {"data": "line", "loss": "least_squares", "d_optimizer": "sgd", "d_steps": 2},
    ],
)
def test_gan_lab_code_starts_from_the_dashboards_networks_and_plays(settings):
    import matplotlib

    matplotlib.use("Agg")
    from widgets.gan_lab import GanLabDashboard

    dashboard = GanLabDashboard(lang="en").wait_ready()
    dashboard.configure(**settings)
    code = opened_code(dashboard)
    build, play = code.split("EPOCHS =")
    namespace = run_code(build)
    np.testing.assert_array_equal(namespace["x"], dashboard.real)
    for part in ("generator", "discriminator"):
        shown, ours = namespace[part].get_weights(), getattr(dashboard.model, part).get_weights()
        assert [w.shape for w in shown] == [w.shape for w in ours], part
        for a, b in zip(shown, ours, strict=True):
            np.testing.assert_array_equal(a, b)  # the dashboard's seeded start
    before = [w.copy() for w in namespace["discriminator"].get_weights()]
    with contextlib.redirect_stdout(io.StringIO()):
        exec("EPOCHS = 2\n" + play.split("\n", 1)[1], namespace)  # noqa: S102  (2 epochs: quick)
    losses = namespace["history"].history
    assert np.isfinite(losses["d_loss"][-1]) and np.isfinite(losses["g_loss"][-1])
    after = namespace["discriminator"].get_weights()
    assert any(not np.array_equal(a, b) for a, b in zip(before, after, strict=True))  # D learns


# Lesson 14: the digits GAN --------------------------------------------------------------
def test_digits_gan_code_starts_from_the_dashboards_networks_and_plays():
    import matplotlib

    matplotlib.use("Agg")
    from widgets.gan_digits import GanDigitsDashboard

    dashboard = GanDigitsDashboard(lang="pl").wait_ready()
    dashboard.configure(digits_data="0", digits_steps=20)
    build, play = opened_code(dashboard).split("EPOCHS =")
    namespace = run_code(build)
    assert len(namespace["x"]) == len(dashboard._training_images())
    for part in ("generator", "discriminator"):
        shown, ours = namespace[part].get_weights(), getattr(dashboard.model, part).get_weights()
        assert [w.shape for w in shown] == [w.shape for w in ours], part
        for a, b in zip(shown, ours, strict=True):
            np.testing.assert_array_equal(a, b)  # the dashboard's seeded start
    with contextlib.redirect_stdout(io.StringIO()):
        exec("EPOCHS = 1\n" + play.split("\n", 1)[1], namespace)  # noqa: S102
    assert np.isfinite(namespace["history"].history["d_loss"][-1])
    assert namespace["samples"].shape == (64, 28, 28)


# Lesson 13: the RBM ---------------------------------------------------------------------
@pytest.mark.parametrize("method", ["cd", "pcd"])
def test_rbm_code_starts_where_the_dashboard_does_and_learns(method):
    import matplotlib

    matplotlib.use("Agg")
    from widgets.rbm import RbmDashboard

    dashboard = RbmDashboard(lang="en").wait_ready()
    dashboard.configure(hidden=16, k=2, method=method, epochs=2)
    build, train = opened_code(dashboard).split("EPOCHS =")
    namespace = run_code(build)
    shown, ours = namespace["model"], dashboard.model
    np.testing.assert_array_equal(shown.W.numpy(), ours.W.numpy())  # the same seeded start
    np.testing.assert_allclose(shown.b_v.numpy(), ours.b_visible.numpy(), atol=1e-6)
    x = namespace["x"][:50]
    np.testing.assert_allclose(shown(x), ours.hidden_probabilities(x), atol=1e-6)
    with contextlib.redirect_stdout(io.StringIO()):
        exec("EPOCHS =" + train, namespace)  # noqa: S102
    errors = namespace["history"].history["reconstruction_error"]
    assert errors[-1] < errors[0]  # the shown CD learns


# Lesson 13: bars and stripes ------------------------------------------------------------
def test_bars_code_counts_the_patterns_computes_the_exact_likelihood_and_learns():
    import matplotlib

    matplotlib.use("Agg")
    from widgets.models.rbm import exact_log_likelihood
    from widgets.rbm_exact import BarsStripesDashboard

    dashboard = BarsStripesDashboard(lang="pl").wait_ready()
    dashboard.configure(hidden=6, k=3, method="cd", learning_rate=0.3, epochs=8)
    build, train = opened_code(dashboard).split("EPOCHS =")
    namespace = run_code(build)
    np.testing.assert_array_equal(namespace["patterns"], dashboard.patterns)
    np.testing.assert_array_equal(namespace["model"].W.numpy(), dashboard.model.W.numpy())
    dashboard.play(background=False)  # weights worth comparing, copied into the code's RBM
    ours, model = dashboard.model, namespace["model"]
    for mine, theirs in (
        (model.W, ours.W),
        (model.b_v, ours.b_visible),
        (model.b_h, ours.b_hidden),
    ):
        mine.assign(theirs.numpy())
    exact = exact_log_likelihood(ours, dashboard.patterns)  # the course's own
    assert namespace["log_likelihood"](model, dashboard.patterns) == pytest.approx(exact, abs=1e-6)
    model.W.assign(np.zeros_like(model.W.numpy()))  # back to a start the training can leave
    with contextlib.redirect_stdout(io.StringIO()):
        exec("EPOCHS =" + train, namespace)  # noqa: S102
    curve = namespace["curve"]
    assert curve[-1] > curve[0] + 1.0  # the exact log-likelihood rises (it starts near −11)


# Lesson 11: vanishing and exploding gradients -------------------------------------------
@pytest.mark.parametrize(
    "settings", [{"scale": 0.5, "steps": 20, "gate_bias": 1.0}, {"scale": 1.5, "steps": 30}]
)
def test_gradient_code_gives_the_dashboards_norms(settings):
    import matplotlib

    matplotlib.use("Agg")
    from widgets.rnn_loop import GradientDashboard

    dashboard = GradientDashboard(lang="en").wait_ready()
    dashboard.configure(**settings)
    namespace = run_code(opened_code(dashboard))
    for name, cell in (("SimpleRNN", "simple_rnn"), ("GRU", "gru"), ("LSTM", "lstm")):
        np.testing.assert_allclose(namespace["norms"][name], dashboard.norms[cell], rtol=1e-9)


# Lesson 13: the deep belief network -----------------------------------------------------
def test_dbn_code_stacks_two_rbms_from_the_dashboards_start():
    from widgets.dbn import DbnDashboard

    dashboard = DbnDashboard(lang="pl", images=1000).wait_ready()
    dashboard.configure(hidden_1=64, hidden_2=32, epochs=1)
    code = opened_code(dashboard)
    start = code.index("rbm_1.compile()")
    namespace = run_code(code[:start])  # the two RBMs built, not trained yet
    first, second = namespace["rbm_1"], namespace["rbm_2"]
    for shown, ours in zip((first, second), dashboard.model.rbms, strict=True):
        np.testing.assert_array_equal(shown.W.numpy(), ours.W.numpy())  # the dashboard's start
    start_2 = second.W.numpy().copy()
    with contextlib.redirect_stdout(io.StringIO()):
        exec(code[start:], namespace)  # noqa: S102
    # Greedy: layer 2 learnt from layer 1's hidden probabilities σ(x·W₁ + b_h).
    x = namespace["x"]
    expected = 1 / (1 + np.exp(-(x @ first.W.numpy() + first.b_h.numpy())))
    np.testing.assert_allclose(namespace["features_1"], expected, atol=1e-5)
    assert not np.array_equal(second.W.numpy(), start_2)
    assert namespace["model"] is second and second.W.shape == (64, 32)


# Lesson 11: the character model ---------------------------------------------------------
@pytest.mark.parametrize("source", ["corpus", "own"])
def test_char_model_code_builds_the_dashboards_shape_and_writes(source):
    from widgets.models import charlm
    from widgets.rnn_text import CharModelDashboard

    dashboard = CharModelDashboard(lang="pl").wait_ready()
    dashboard.configure(cell="lstm", layers=1, units=32, sequence_length=20, length=50)
    if source == "own":
        dashboard._source.value = "own"
        dashboard._own.value = "ala ma kota, a kot ma ale. " * 20
    code = opened_code(dashboard)
    build, rest = code.split("history =")
    namespace = run_code(build)
    vocabulary = charlm.Vocabulary.of(dashboard.text())
    assert "".join(namespace["chars"]) == vocabulary.chars
    x, y = charlm.windows(vocabulary.encode(dashboard.text()), 20)
    np.testing.assert_array_equal(namespace["x"], x)
    np.testing.assert_array_equal(namespace["y"], y)
    spec = charlm.Spec("lstm", 1, 32, namespace["model"].layers[1].output_dim)
    reference = charlm.build_model(spec, len(vocabulary), seed=0)
    for a, b in zip(namespace["model"].get_weights(), reference.get_weights(), strict=True):
        np.testing.assert_array_equal(a, b)  # the course's builder, seeded alike
    writing = rest.split("rng = np.random.default_rng(0)", 1)[1]
    with contextlib.redirect_stdout(io.StringIO()):
        exec("rng = np.random.default_rng(0)" + writing, namespace)  # noqa: S102
    assert len(namespace["written"]) == len(namespace["written"][:1]) + 50
