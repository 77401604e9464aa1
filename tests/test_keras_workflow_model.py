"""Lesson 09's model module (widgets.models.mlp): the lecture's network, the checks that
refuse broken layer lists, the generated code, and the ≥ 93 % test accuracy it reaches
on the offline MNIST split (8,000 training / 2,000 test images), seeded."""

from __future__ import annotations

import numpy as np
import pytest

from widgets.backend import load_keras
from widgets.data import load_mnist, one_hot, preprocess_images
from widgets.models import mlp

keras = load_keras(timeout=120)

# The lecture's model by hand: (inputs + 1) x units per Dense layer.
LECTURE_PARAMS = (784 + 1) * 256 + (256 + 1) * 128 + (128 + 1) * 10


@pytest.fixture(scope="module")
def mnist():
    data = load_mnist(allow_download=False)
    return (
        preprocess_images(data.x_train),
        one_hot(data.y_train),
        preprocess_images(data.x_test),
        one_hot(data.y_test),
    )


def test_lecture_model_architecture():
    model = mlp.build_model()
    kinds = [type(layer).__name__ for layer in model.layers]
    assert kinds == ["Dense", "Dropout", "Dense", "Dense"]
    assert [layer.units for layer in model.layers if hasattr(layer, "units")] == [256, 128, 10]
    assert model.layers[1].rate == pytest.approx(0.4)
    assert model.count_params() == LECTURE_PARAMS == mlp.count_params(mlp.LECTURE_LAYERS)
    rows = mlp.summary_rows(model)
    assert [r[2] for r in rows] == ["(None, 256)", "(None, 256)", "(None, 128)", "(None, 10)"]
    assert [r[3] for r in rows] == [200_960, 0, 32_896, 1_290]


def test_shapes_and_params_agree_with_keras_for_image_input():
    layers = [
        mlp.flatten(),
        mlp.dense(32, "tanh"),
        mlp.activation("relu"),
        mlp.dense(10, "softmax"),
    ]
    model = mlp.build_model(layers, input_shape=mlp.IMAGE_INPUT)
    assert model.output_shape == (None, 10)
    assert model.count_params() == mlp.count_params(layers, mlp.IMAGE_INPUT)


@pytest.mark.parametrize(
    ("layers", "shape"),
    [
        (mlp.LECTURE_LAYERS, mlp.FLAT_INPUT),
        (
            [
                mlp.flatten(),
                mlp.dense(32, "tanh"),
                mlp.dropout(0.2),
                mlp.activation("relu"),
                mlp.dense(16),
                mlp.dropout(0.1),
                mlp.dense(10, "softmax"),
            ],
            mlp.IMAGE_INPUT,
        ),
        ([mlp.dense(64, "sigmoid"), mlp.flatten(), mlp.dense(10, "softmax")], (28, 28)),
    ],
)
def test_the_planned_summary_is_keras_own_in_a_fresh_session(layers, shape):
    """The dashboard shows the summary from the formulas before Keras builds (issue 24)."""
    import keras

    keras.utils.clear_session(free_memory=False)
    model = mlp.build_model(layers, input_shape=shape)
    assert mlp.planned_summary_rows(layers, shape) == mlp.summary_rows(model)


@pytest.mark.parametrize(
    ("layers", "key"),
    [
        ([mlp.dense(0), mlp.dense(10, "softmax")], "units"),
        ([mlp.dense(64), mlp.dropout(1.0), mlp.dense(10, "softmax")], "rate"),
        ([mlp.dropout(float("nan")), mlp.dense(10, "softmax")], "rate"),
        ([], "empty"),
        ([mlp.dropout(0.2), mlp.flatten()], "empty"),
        ([mlp.dense(64), mlp.dense(10, "relu")], "softmax"),
        ([mlp.dense(64), mlp.dense(7, "softmax")], "output"),
        ([mlp.dense(4096), mlp.dense(4096), mlp.dense(10, "softmax")], "too_big"),
        ([mlp.dense(64, "swish!"), mlp.dense(10, "softmax")], "activation"),
    ],
)
def test_broken_layer_lists_are_refused(layers, key):
    with pytest.raises(mlp.SpecError) as caught:
        mlp.build_model(layers)
    assert caught.value.key == key


def test_dense_on_an_image_without_flatten_is_refused():
    layers = [mlp.dense(32), mlp.dense(10, "softmax")]
    with pytest.raises(mlp.SpecError) as caught:
        mlp.check_layers(layers, mlp.IMAGE_INPUT)
    assert caught.value.key == "output" and "(28, 10)" in str(caught.value)


def test_fit_and_compile_checks():
    mlp.check_fit(mlp.FitSpec(batch_size=6400), 8000)  # exactly the training part: fine
    with pytest.raises(mlp.SpecError) as caught:
        mlp.check_fit(mlp.FitSpec(batch_size=6401), 8000)
    assert caught.value.key == "batch" and caught.value.values["n"] == 6400
    with pytest.raises(mlp.SpecError):
        mlp.check_fit(mlp.FitSpec(validation_split=1.0), 8000)
    with pytest.raises(mlp.SpecError):
        mlp.check_compile(mlp.CompileSpec(learning_rate=0.0))
    sgd = mlp.make_optimizer(mlp.CompileSpec(optimizer="sgd", learning_rate=0.05, momentum=0.8))
    assert isinstance(sgd, keras.optimizers.SGD)
    assert float(sgd.learning_rate) == pytest.approx(0.05) and sgd.momentum == pytest.approx(0.8)


def test_callbacks_follow_the_switches(tmp_path):
    spec = mlp.Callbacks(early_stopping=True, patience=5, reduce_lr=True, tensorboard=True)
    spec = mlp.Callbacks(**{**spec.__dict__, "log_dir": str(tmp_path)})
    callbacks = mlp.make_callbacks(spec)
    kinds = [type(c).__name__ for c in callbacks]
    assert kinds == ["EarlyStopping", "ReduceLROnPlateau", "TensorBoard"]
    assert callbacks[0].patience == 5 and callbacks[0].restore_best_weights
    assert mlp.make_callbacks(mlp.Callbacks()) == []


def test_generated_code_runs_and_builds_the_same_model(mnist):
    """Execute "show the code" for a non-default setting; compare with build_model."""
    layers = [mlp.dense(64, "tanh"), mlp.dropout(0.25), mlp.dense(10, "softmax")]
    compile_spec = mlp.CompileSpec(optimizer="sgd", learning_rate=0.05, momentum=0.5)
    fit_spec = mlp.FitSpec(
        epochs=1, batch_size=256, callbacks=mlp.Callbacks(early_stopping=True, patience=2)
    )
    code = mlp.model_code(layers, compile_spec, fit_spec)
    namespace: dict = {}
    exec(compile(code, "<show the code>", "exec"), namespace)  # noqa: S102
    model = namespace["model"]
    reference = mlp.build_model(layers)
    assert [type(a) for a in model.layers] == [type(b) for b in reference.layers]
    assert [w.shape for w in model.weights] == [w.shape for w in reference.weights]
    assert mlp.layers_of(model) == layers
    assert isinstance(model.optimizer, keras.optimizers.SGD)
    assert model.optimizer.momentum == pytest.approx(0.5)
    assert len(namespace["history"].history["loss"]) == 1
    assert 0.0 < namespace["test_accuracy"] <= 1.0
    assert len(namespace["x_train"]) == len(mnist[0])


def test_generated_code_for_image_input_adds_reshape():
    layers = [mlp.flatten(), mlp.dense(10, "softmax")]
    code = mlp.model_code(layers, input_shape=mlp.IMAGE_INPUT)
    assert "reshape(-1, 28, 28)" in code and "keras.Input(shape=(28, 28))" in code
    assert "reshape" not in mlp.model_code()


def test_lecture_model_reaches_93_percent_offline(mnist):
    """The issue's reference: 94.3 % after 10 epochs here; 8 epochs keep the test short."""
    x, y, x_test, y_test = mnist
    assert (len(x), len(x_test)) == (8000, 2000)
    model = mlp.compile_model(mlp.build_model(seed=0))
    model.fit(x, y, **{**mlp.fit_kwargs(mlp.FitSpec(epochs=8)), "callbacks": []})
    loss, accuracy = model.evaluate(x_test, y_test, verbose=0)
    assert accuracy >= 0.93, accuracy
    predicted = mlp.predict_proba(model, x_test).argmax(axis=1)
    assert np.mean(predicted == y_test.argmax(axis=1)) == pytest.approx(accuracy, abs=1e-6)
    matrix = mlp.confusion_matrix(y_test.argmax(axis=1), predicted)
    assert matrix.sum() == 2000 and np.trace(matrix) / 2000 == pytest.approx(accuracy, abs=1e-6)


def test_confusion_matrix_counts_pairs():
    matrix = mlp.confusion_matrix([0, 0, 1, 2, 2, 2], [0, 1, 1, 2, 2, 0], n=3)
    np.testing.assert_array_equal(matrix, [[1, 1, 0], [0, 1, 0], [1, 0, 2]])


def test_frozen_layers_keep_their_weights_and_save_load_round_trip(mnist, tmp_path):
    x, y = mnist[0][:512], mnist[1][:512]
    model = mlp.build_model([mlp.dense(32), mlp.dense(10, "softmax")])
    mlp.set_trainable(model, [False, True])
    mlp.compile_model(model)
    frozen_before = model.layers[0].get_weights()[0].copy()
    free_before = model.layers[1].get_weights()[0].copy()
    model.fit(x, y, epochs=1, batch_size=128, verbose=0)
    np.testing.assert_array_equal(model.layers[0].get_weights()[0], frozen_before)
    assert not np.allclose(model.layers[1].get_weights()[0], free_before)
    path = tmp_path / "mnist.keras"
    model.save(path)
    loaded = keras.models.load_model(path)
    np.testing.assert_allclose(loaded.predict(x[:8], verbose=0), model.predict(x[:8], verbose=0))
    assert mlp.layers_of(loaded) == [mlp.dense(32), mlp.dense(10, "softmax")]
    with pytest.raises(ValueError):
        mlp.set_trainable(model, [True])


def test_layer_labels():
    assert [layer.label() for layer in mlp.LECTURE_LAYERS] == [
        "Dense(256, relu)",
        "Dropout(0.4)",
        "Dense(128, relu)",
        "Dense(10, softmax)",
    ]


def test_datasets_match_preprocessing_and_kerass_split():
    data = load_mnist(allow_download=False)
    images, labels = data.x_train[:1000], data.y_train[:1000]
    spec = mlp.FitSpec(batch_size=64, validation_split=0.25)
    train, validation = mlp.mnist_datasets(images, labels, spec)
    cut = mlp.split_index(1000, 0.25)
    assert cut == 750
    x_val = np.concatenate([x.numpy() for x, _ in validation])
    y_val = np.concatenate([y.numpy() for _, y in validation])
    np.testing.assert_array_equal(x_val, preprocess_images(images[750:]))
    np.testing.assert_array_equal(y_val, one_hot(labels[750:]))
    x_train = np.concatenate([x.numpy() for x, _ in train])
    assert x_train.shape == (750, 784) and x_train.dtype == np.float32
    # shuffled, but the same images: compare sorted row sums
    np.testing.assert_allclose(
        np.sort(x_train.sum(axis=1)),
        np.sort(preprocess_images(images[:750]).sum(axis=1)),
        rtol=1e-6,
    )
    image_train, none = mlp.mnist_datasets(
        images, labels, mlp.FitSpec(validation_split=0.0), input_shape=mlp.IMAGE_INPUT
    )
    assert none is None and next(iter(image_train))[0].shape[1:] == (28, 28)
