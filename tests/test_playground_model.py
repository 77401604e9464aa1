"""Lesson 07's Keras network: numpy forward pass, the fast trainer, features, penalties."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from student_errors import assert_student_error

from widgets.backend import load_keras
from widgets.playground.datasets import load_split
from widgets.playground.features import FEATURES, compute_features
from widgets.playground.state import ACTIVATIONS, OPTIMIZERS

keras = load_keras(timeout=120)

from widgets.models import playground as pg  # noqa: E402  (imports Keras)


def spec_of(*layers, **kwargs):
    hidden = [pg.LayerSpec(units, act, drop) for units, act, drop in layers]
    return pg.NetworkSpec(hidden=hidden, **kwargs)


def test_state_choices_match_the_model():
    assert ACTIVATIONS == pg.ACTIVATIONS and OPTIMIZERS == pg.OPTIMIZERS


def test_the_model_module_imports_without_tensorflow():
    """The dashboard imports the model module at its top: the page still shows its
    controls before TensorFlow is imported (Keras comes in inside the functions)."""
    code = (
        "import sys, widgets.playground, widgets.models.playground; "
        "print(sorted({'tensorflow', 'keras'} & set(sys.modules)))"
    )
    root = Path(__file__).resolve().parents[1]
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert run.stdout.strip() == "[]"


@pytest.mark.parametrize(
    "spec",
    [
        spec_of((3, "tanh", 0.0), (2, "relu", 0.3), n_inputs=4),
        spec_of((5, "sigmoid", 0.0), task="multiclass", classes=3),
        spec_of((2, "linear", 0.0), task="regression"),
        spec_of(),
    ],
)
def test_keras_model_matches_numpy_forward_pass(spec):
    model = pg.build_network(spec)
    X = np.random.default_rng(0).uniform(-6, 6, size=(40, spec.n_inputs))
    weights = [
        (k.numpy(), b.numpy()) for k, b in ((d.kernel, d.bias) for d in pg.dense_layers(model))
    ]
    expected = pg.numpy_forward(spec, weights, X)
    np.testing.assert_allclose(model.predict(X, verbose=0), expected[-1], atol=1e-5)
    trainer = pg.FastTrainer(spec, model)
    for got, want in zip(trainer.layer_outputs(X), expected, strict=True):
        np.testing.assert_allclose(got, want, atol=1e-5)
    assert [layer.units for layer in pg.dense_layers(model)] == [
        *(layer.units for layer in spec.hidden),
        spec.n_outputs,
    ]


def test_initial_weights_follow_the_playground():
    model = pg.build_network(spec_of((8, "tanh", 0.0)))
    for layer in pg.dense_layers(model):
        assert np.all(np.abs(layer.kernel.numpy()) <= 0.5)
        np.testing.assert_allclose(layer.bias.numpy(), 0.1)


def test_one_full_batch_epoch_is_one_gradient_step():
    """Batch = all points: one epoch is w -= lr * grad of ½·mean(err²) (checked by hand)."""
    spec = spec_of(task="regression", learning_rate=0.1)
    trainer = pg.FastTrainer(spec)
    rng = np.random.default_rng(1)
    X, y = rng.normal(size=(20, 2)).astype("float32"), rng.normal(size=20).astype("float32")
    trainer.set_data(X, y, X, y)
    ((w, b),) = trainer.weights()
    error = (X @ w + b).ravel() - y
    w_next = w - 0.1 * (X.T @ error / len(X))[:, None]
    b_next = b - 0.1 * error.mean()
    trainer.train(epochs=1, batch_size=20)
    ((w_got, b_got),) = trainer.weights()
    np.testing.assert_allclose(w_got, w_next, atol=1e-5)
    np.testing.assert_allclose(b_got, b_next, atol=1e-5)
    assert trainer.epoch == 1


def test_l2_penalty_pulls_weights_as_keras_l2_would():
    """With no data gradient (targets = outputs), L2 alone shrinks w by lr·2·l2·w."""
    spec = spec_of(task="regression", learning_rate=0.1, l2=0.5)
    trainer = pg.FastTrainer(spec)
    X = np.zeros((4, 2), dtype="float32")  # outputs = bias, so choose targets = bias
    ((w, b),) = trainer.weights()
    trainer.set_data(X, np.full(4, b[0]), X, np.full(4, b[0]))
    trainer.train(1, 4)
    ((w_got, _),) = trainer.weights()
    np.testing.assert_allclose(w_got, w - 0.1 * 2 * 0.5 * w, atol=1e-6)
    trainer.set_regularization(0.0, 0.0)  # a slider moved during training: no penalty now
    trainer.train(1, 4)
    np.testing.assert_allclose(trainer.weights()[0][0], w_got, atol=1e-6)


def test_training_on_spiral_reduces_the_test_loss_a_lot():
    data = load_split("spiral", 0.0, 0.5, seed=0)
    spec = spec_of((8, "tanh", 0.0), (8, "tanh", 0.0), learning_rate=0.03)
    trainer = pg.FastTrainer(spec)
    trainer.set_data(data.x_train, data.y_train, data.x_test, data.y_test)
    before = trainer.evaluate()
    trainer.train(epochs=800, batch_size=10)
    after = trainer.evaluate()
    assert trainer.epoch == 800
    assert after["train_loss"] < 0.5 * before["train_loss"]
    assert after["test_loss"] < 0.5 * before["test_loss"]
    outputs = pg.numpy_forward(spec, trainer.weights(), data.x_test)[-1]
    targets = pg.targets_for(spec, data.y_test)
    assert after["test_loss"] == pytest.approx(pg.numpy_loss(spec, outputs, targets), rel=1e-4)
    assert pg.accuracy(spec, after["test_outputs"], data.y_test) > 0.75


@pytest.mark.parametrize("task", ["binary", "multiclass"])
def test_a_new_networks_first_picture_is_the_keras_models_own(task):
    """Before warm_up, evaluate() and layer_outputs() draw from numpy (no trace yet, issue
    24); the numbers must be the Keras model's, as after the trace."""
    classes = 3 if task == "multiclass" else 2
    data = load_split("gauss" if classes == 3 else "xor", 0.1, 0.5, seed=1, classes=classes)
    spec = spec_of((5, "relu", 0.2), (3, "sigmoid", 0.0), task=task, classes=classes)
    trainer = pg.FastTrainer(spec)
    trainer.set_data(data.x_train, data.y_train, data.x_test, data.y_test)
    grid = np.random.default_rng(0).uniform(-6, 6, (40, 2)).astype("float32")
    first, first_layers = trainer.evaluate(), trainer.layer_outputs(grid)
    assert not trainer.traced
    trainer.warm_up()
    keras_side, keras_layers = trainer.evaluate(), trainer.layer_outputs(grid)
    assert trainer.traced
    for name in ("train", "test"):
        assert first[f"{name}_loss"] == pytest.approx(keras_side[f"{name}_loss"], rel=1e-5)
        np.testing.assert_allclose(
            first[f"{name}_outputs"], keras_side[f"{name}_outputs"], atol=1e-5
        )
    for ours, theirs in zip(first_layers, keras_layers, strict=True):
        np.testing.assert_allclose(ours, theirs, atol=1e-5)


@pytest.mark.parametrize("optimizer", pg.OPTIMIZERS)
def test_softmax_network_learns_three_gaussian_clusters(optimizer):
    data = load_split("gauss", 0.0, 0.5, seed=0, classes=3)
    spec = spec_of(
        (6, "relu", 0.2),
        task="multiclass",
        classes=3,
        optimizer=optimizer,
        learning_rate=0.01 if optimizer == "adam" else 0.03,
    )
    trainer = pg.FastTrainer(spec)
    trainer.set_data(data.x_train, data.y_train, data.x_test, data.y_test)
    trainer.train(epochs=30, batch_size=10)
    result = trainer.evaluate()
    assert pg.accuracy(spec, result["test_outputs"], data.y_test) > 0.9
    matrix = pg.confusion_matrix(spec, result["test_outputs"], data.y_test)
    assert matrix.shape == (3, 3) and matrix.sum() == len(data.y_test)
    assert np.trace(matrix) / matrix.sum() == pytest.approx(
        pg.accuracy(spec, result["test_outputs"], data.y_test)
    )


def test_set_weight_changes_exactly_one_link():
    trainer = pg.FastTrainer(spec_of((3, "tanh", 0.0)))
    before = trainer.weights()
    trainer.set_weight(1, 2, 0, 1.25)
    after = trainer.weights()
    assert after[1][0][2, 0] == pytest.approx(1.25)
    changed = after[1][0] != before[1][0]
    assert changed.sum() == 1
    np.testing.assert_array_equal(after[0][0], before[0][0])


def test_features_are_computed_as_named():
    X = np.array([[1.0, 2.0], [-3.0, 0.5]])
    F = compute_features(X, list(FEATURES))
    expected = np.column_stack(
        [
            X[:, 0],
            X[:, 1],
            X[:, 0] ** 2,
            X[:, 1] ** 2,
            X[:, 0] * X[:, 1],
            np.sin(X[:, 0]),
            np.sin(X[:, 1]),
        ]
    )
    np.testing.assert_allclose(F, expected, rtol=1e-6)
    # the canonical order, whatever order they are asked in
    np.testing.assert_allclose(compute_features(X, ["x1sq", "x1"]), X[:, [0]] ** [[1, 2]])
    with pytest.raises(ValueError):
        compute_features(X, [])
    with pytest.raises(ValueError):
        compute_features(X, ["x3"])


def test_impossible_specs_are_refused():
    with pytest.raises(ValueError):
        spec_of((0, "tanh", 0.0))
    with pytest.raises(ValueError):
        spec_of((2, "swish", 0.0))
    with pytest.raises(ValueError):
        spec_of(learning_rate=float("nan"))
    with pytest.raises(ValueError):
        spec_of((2, "tanh", 1.0))


@pytest.mark.parametrize(
    ("make", "key", "words"),
    [
        (lambda: spec_of(task="ranking"), "task", "Nieznane zadanie 'ranking'; dostępne: binary"),
        (lambda: spec_of(optimizer="lbfgs"), "optimizer", "Nieznany optymalizator 'lbfgs'"),
        (lambda: spec_of(n_inputs=0), "no_inputs", "co najmniej jednej cechy wejściowej"),
        (lambda: spec_of(task="multiclass", classes=11), "classes", "od 2 do 10, a podano 11"),
        (lambda: spec_of((0, "tanh", 0.0)), "units", "Każda warstwa ukryta musi mieć"),
        (lambda: spec_of((2, "swish", 0.0)), "activation", "Nieznana funkcja aktywacji 'swish'"),
        (lambda: spec_of((2, "tanh", 1.0)), "dropout", "od 0 włącznie do 1 wyłącznie"),
        (lambda: spec_of(learning_rate=float("nan")), "learning_rate", "liczbą dodatnią"),
        (lambda: spec_of(learning_rate=-0.5), "learning_rate", "Współczynnik uczenia η"),
        (lambda: spec_of(l2=-1e-3), "penalties", "regularyzacji L1 i L2 nie mogą"),
    ],
)
def test_impossible_specs_are_told_in_polish(make, key, words):
    with pytest.raises(pg.NetworkSpecError) as info:
        make()
    names = ("binary multiclass regression ranking", "sgd momentum adam lbfgs", "softmax")
    sentence, details = assert_student_error(
        info.value,
        f"playground_model.{key}",
        *names,
        "tanh relu sigmoid linear swish dropout neuron",
    )
    assert words in sentence and details == ""
    assert str(info.value) == info.value.message("en")  # a notebook's traceback: English


@pytest.mark.parametrize(
    "spec",
    [
        spec_of(
            (8, "relu", 0.2),
            (3, "tanh", 0.0),
            n_inputs=3,
            task="multiclass",
            classes=4,
            optimizer="adam",
            l2=0.01,
        ),
        spec_of(task="regression", optimizer="momentum", l1=0.003),
    ],
)
def test_exported_code_builds_the_same_architecture(spec):
    from widgets.playground.export import keras_code, model_bytes

    namespace: dict = {}
    exec(keras_code(spec, ["x1", "x2", "x1²"][: spec.n_inputs]), namespace)  # noqa: S102
    exported, ours = namespace["model"], pg.build_network(spec)

    def layout(model):
        return [
            (
                type(layer).__name__,
                getattr(layer, "units", None),
                getattr(getattr(layer, "activation", None), "__name__", None),
                getattr(layer, "rate", None),
            )
            for layer in model.layers
        ]

    assert layout(exported) == layout(ours)
    assert exported.count_params() == ours.count_params()
    assert exported.input_shape == ours.input_shape
    assert type(exported.optimizer).__name__ == {"adam": "Adam"}.get(spec.optimizer, "SGD")
    # the .keras file loads back with the same weights
    import os
    import tempfile  # noqa: E401

    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "m.keras")
        with open(path, "wb") as file:
            file.write(model_bytes(ours))
        loaded = keras.saving.load_model(path)
    X = np.random.default_rng(0).normal(size=(5, spec.n_inputs))
    np.testing.assert_allclose(loaded.predict(X, verbose=0), ours.predict(X, verbose=0), atol=1e-6)


@pytest.mark.parametrize("optimizer", OPTIMIZERS)
def test_restart_is_a_fresh_trainer_without_a_new_model_or_trace(optimizer):
    """New data, noise or seed on the same network: restart() stands for a new trainer
    (same weights after the same training) and keeps the model and its one trace, also
    across batch sizes (issue 24: a retrace is 0.3 s a slider step)."""
    split = load_split("spiral", 0.1, 0.5, seed=0)
    x = compute_features(split.x_train, ("x1", "x2"))

    def spec(seed):
        return spec_of((4, "tanh", 0.2), (3, "relu", 0.0), optimizer=optimizer, seed=seed)

    trainer = pg.FastTrainer(spec(1))
    trainer.set_data(x, split.y_train, x[:5], split.y_train[:5])
    trainer.warm_up()
    trainer.train(2, 7)
    model, traces = trainer.model, trainer._train_fn.experimental_get_tracing_count()
    assert trainer.same_architecture(spec(2))
    assert not trainer.same_architecture(spec_of((4, "tanh", 0.2), optimizer=optimizer))
    trainer.restart(spec(2))
    trainer.set_data(x[:-3], split.y_train[:-3], x[:5], split.y_train[:5])  # a new set
    assert trainer.epoch == 0
    for batch in (1, 7, 30):
        trainer.train(1, batch)
    fresh = pg.FastTrainer(spec(2))
    fresh.set_data(x[:-3], split.y_train[:-3], x[:5], split.y_train[:5])
    for batch in (1, 7, 30):
        fresh.train(1, batch)
    assert trainer.model is model
    assert trainer._train_fn.experimental_get_tracing_count() == traces == 1
    for (k1, b1), (k2, b2) in zip(trainer.weights(), fresh.weights(), strict=True):
        np.testing.assert_allclose(k1, k2, atol=1e-6)
        np.testing.assert_allclose(b1, b2, atol=1e-6)
    # A seed restarted before keeps its initial kernels: no new draw (fewer eager
    # TensorFlow operations a menu press, issue 24), the same weights.
    trainer.restart(spec(3))
    third = [kernel.copy() for kernel, _ in trainer.weights()]
    draws = []
    uniform = keras.initializers.RandomUniform
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            keras.initializers, "RandomUniform", lambda *a, **k: draws.append(1) or uniform(*a, **k)
        )
        trainer.restart(spec(2))
        trainer.restart(spec(3))
    assert draws == []
    for kernel, (again, _) in zip(third, trainer.weights(), strict=True):
        np.testing.assert_array_equal(kernel, again)
