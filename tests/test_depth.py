"""Lesson 08 model and data: parameter budgets, the two-output pair, and the key claim that
at equal parameters a deep ReLU net fits a many-toothed sawtooth better than a shallow one,
which needs many times more neurons to match it."""

from __future__ import annotations

import numpy as np
import pytest
from student_errors import assert_student_error

from widgets.backend import load_keras
from widgets.data.depth import make_split, nested_spirals, noisy_curve, sawtooth, sawtooth_target

keras = load_keras(timeout=120)

from widgets.models import depth as dp  # noqa: E402  (imports Keras)

# ------------------------------------------------------------------------------ data


def test_sawtooth_has_the_asked_number_of_teeth():
    x = np.linspace(-1, 1, 4001)
    for teeth in (1, 3, 8):
        y = sawtooth_target(x, teeth)
        peaks = np.sum((y[1:-1] > y[:-2]) & (y[1:-1] >= y[2:]) & (y[1:-1] > 0.99))
        assert peaks == teeth
        assert y.min() >= 0 and y.max() <= 1


def test_splits_are_seeded_scaled_and_validated():
    a, b = sawtooth(8, seed=3), sawtooth(8, seed=3)
    np.testing.assert_array_equal(a.x_test, b.x_test)
    assert not np.array_equal(a.x_test, sawtooth(8, seed=4).x_test)
    spirals = nested_spirals(seed=1)
    assert spirals.n_inputs == 2 and set(np.unique(spirals.y_train)) == {0.0, 1.0}
    for split in (a, spirals, noisy_curve()):
        assert np.abs(split.x_train).max() <= 1 and np.abs(split.x_test).max() <= 1
        assert split.x_train.dtype == np.float32 and split.y_train.shape[1] == 1
    with pytest.raises(ValueError, match="teeth"):
        sawtooth(0)
    with pytest.raises(ValueError, match="Unknown data set"):
        make_split("moons")


@pytest.mark.parametrize(
    ("call", "key", "words", "cause"),
    [
        (lambda: sawtooth(0), "int_range", "Argument teeth musi być liczbą całkowitą od 1 do 32, a podano 0", ""),
        (lambda: sawtooth(2.5), "whole", "Argument teeth musi być liczbą całkowitą", "TypeError"),
        (lambda: sawtooth(8, n_train=3), "int_range", "od 17 do 100\u00a0000, a podano 3", ""),
        (lambda: nested_spirals(7.5), "float_range", "od 0,5 do 4, a podano 7,5", ""),
        (lambda: nested_spirals(noise=-0.25), "float_range", "od 0 do 0,5, a podano −0,25", ""),
        (lambda: noisy_curve(noise="dużo"), "number", "Argument noise musi być liczbą od 0 do 2.", "could not"),
        (lambda: make_split("moons"), "dataset", "Nieznany zbiór danych 'moons'; dostępne: sawtooth", ""),
    ],
)  # fmt: skip
def test_bad_data_arguments_are_told_in_polish(call, key, words, cause):
    with pytest.raises(ValueError) as info:
        call()
    names = ("argument teeth n_train turns noise", "moons sawtooth spirals noisy")
    sentence, details = assert_student_error(info.value, f"depth_data.{key}", *names)
    assert words in sentence
    assert cause in details if cause else details == ""
    assert str(info.value) == info.value.message("en")  # a notebook's traceback: English


def test_numbers_in_the_english_sentence_are_written_the_english_way():
    with pytest.raises(ValueError, match="from 17 to 100,000, got 3"):
        sawtooth(8, n_train=3)
    with pytest.raises(ValueError, match="from 0 to 0.5, got −0.25"):
        nested_spirals(noise=-0.25)


# ------------------------------------------------------------------------- budgets


@pytest.mark.parametrize("n_inputs", [1, 2])
@pytest.mark.parametrize("depth", [1, 2, 3, 5, 8])
@pytest.mark.parametrize("budget", [20, 150, 400, 2000])
def test_width_for_budget_is_the_closest_by_brute_force(budget, depth, n_inputs):
    width = dp.width_for_budget(budget, depth, n_inputs)
    counts = {w: dp.mlp_params(n_inputs, w, depth) for w in range(1, 2 * budget)}
    best = min(counts, key=lambda w: (abs(counts[w] - budget), w))
    assert width == best


def test_parameter_formula_matches_keras_count_params():
    for n_inputs, width, depth in [(1, 133, 1), (1, 13, 3), (2, 7, 5), (2, 1, 2)]:
        net = dp.build_mlp(n_inputs, width, depth)
        assert net.count_params() == dp.mlp_params(n_inputs, width, depth)


def test_pair_has_equal_budgets_and_both_outputs():
    model = dp.build_pair(1, budget=400, depth=3)
    shallow, deep = (dp.describe(dp.subnet(model, n)) for n in dp.NAMES)
    assert shallow == {"depth": 1, "width": 133, "params": 400}
    assert deep == {"depth": 3, "width": 13, "params": 404}
    assert model.count_params() == 804
    out = model.predict(np.zeros((2, 1), "float32"), verbose=0)
    assert set(out) == {"shallow", "deep"}


def test_numpy_forward_matches_keras_predict():
    model = dp.build_pair(2, budget=300, depth=4, task="classification", seed=5)
    x = np.random.default_rng(0).uniform(-1, 1, (50, 2)).astype("float32")
    predicted = model.predict(x, verbose=0)
    for name in dp.NAMES:
        np.testing.assert_allclose(
            dp.forward(dp.subnet(model, name), x), predicted[name], rtol=1e-4, atol=1e-5
        )


def test_training_the_pair_is_training_each_net_alone():
    """Summed losses + Adam: the joint step moves each net exactly as a solo step would."""
    split = sawtooth(4, n_train=64)
    pair = dp.build_pair(1, budget=60, depth=2, seed=7, steps_per_epoch=5)
    alone = dp.build_mlp(1, dp.describe(dp.subnet(pair, "deep"))["width"], 2, name="alone")
    alone.set_weights(dp.subnet(pair, "deep").get_weights())
    alone.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse", steps_per_execution=5)
    x, y = dp.repeated(split.x_train, split.y_train, 5)
    pair.fit(x, y, batch_size=64, epochs=1, verbose=0, shuffle=False)
    alone.fit(x, y["deep"], batch_size=64, epochs=1, verbose=0, shuffle=False)
    for got, want in zip(dp.subnet(pair, "deep").get_weights(), alone.get_weights(), strict=True):
        np.testing.assert_allclose(got, want, rtol=1e-4, atol=1e-6)


def test_restart_is_the_same_as_a_new_model():
    """Weights back + optimizer zeroed: a second training repeats the first exactly."""
    split = sawtooth(4, n_train=64)
    pair = dp.build_pair(1, budget=60, depth=2, seed=3, steps_per_epoch=5)
    start = pair.get_weights()
    x, y = dp.repeated(split.x_train, split.y_train, 5)
    pair.fit(x, y, batch_size=64, epochs=2, verbose=0, shuffle=False)
    first = pair.get_weights()
    dp.restart(pair, start, 0.01)
    assert int(pair.optimizer.iterations.numpy()) == 0
    pair.fit(x, y, batch_size=64, epochs=2, verbose=0, shuffle=False)
    for a, b in zip(first, pair.get_weights(), strict=True):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-7)


# ------------------------------------------------------------- deep against shallow

TEETH, BUDGET, DEPTH, RATE, STEPS = 8, 400, 3, 0.01, 1500
SEEDS = (0, 1, 2, 3)
WIDE = 1300  # ten times the shallow net's 133 neurons


def _train_together(nets: dict, split, steps: int, rate: float) -> dict:
    """Full-batch Adam on every net at once (one compiled model, summed independent
    losses); returns each net's test MSE."""
    x = keras.Input(shape=(1,))
    joint = keras.Model(x, {name: net(x) for name, net in nets.items()})
    per_call = 50
    joint.compile(
        optimizer=keras.optimizers.Adam(rate),
        loss={name: "mse" for name in nets},
        steps_per_execution=per_call,
    )
    xs = np.tile(split.x_train, (per_call, 1))
    ys = {name: np.tile(split.y_train, (per_call, 1)) for name in nets}
    joint.fit(xs, ys, batch_size=len(split.x_train), epochs=steps // per_call, verbose=0)
    return {
        name: dp.loss_value("regression", dp.forward(net, split.x_test), split.y_test)
        for name, net in nets.items()
    }


@pytest.fixture(scope="module")
def sawtooth_results():
    split = sawtooth(TEETH)
    nets = {}
    for seed in SEEDS:
        pair = dp.build_pair(1, BUDGET, DEPTH, seed=seed, tag=f"_{seed}")
        nets[f"shallow_{seed}"] = dp.subnet(pair, "shallow")
        nets[f"deep_{seed}"] = dp.subnet(pair, "deep")
        keras.utils.set_random_seed(seed)
        nets[f"wide_{seed}"] = dp.build_mlp(1, WIDE, 1, name=f"wide_{seed}")
    losses = _train_together(nets, split, STEPS, RATE)
    print({name: round(loss, 5) for name, loss in sorted(losses.items())})  # for the report
    baseline = float(np.var(split.y_test))  # the loss of always answering the mean
    return losses, baseline


def test_deep_beats_shallow_at_equal_parameters_on_every_seed(sawtooth_results):
    losses, baseline = sawtooth_results
    for seed in SEEDS:
        deep, shallow = losses[f"deep_{seed}"], losses[f"shallow_{seed}"]
        assert deep < shallow, f"seed {seed}: deep {deep:.4f} vs shallow {shallow:.4f}"
    deep_median = np.median([losses[f"deep_{s}"] for s in SEEDS])
    shallow_median = np.median([losses[f"shallow_{s}"] for s in SEEDS])
    assert deep_median < 0.75 * shallow_median
    assert deep_median < 0.7 * baseline  # the deep net really learnt teeth, not the mean


def test_ten_times_more_shallow_neurons_still_do_not_match_the_deep_net(sawtooth_results):
    losses, _ = sawtooth_results
    deep_median = np.median([losses[f"deep_{s}"] for s in SEEDS])
    wide_median = np.median([losses[f"wide_{s}"] for s in SEEDS])
    assert deep_median < wide_median


# ------------------------------------------------------------------ small noisy set

NOISY_SEEDS = (0, 1, 2, 3, 4)
NOISE_VARIANCE = 0.3**2  # noisy_curve's default noise, squared: the best test loss


def _train_on_own_data(nets: dict, splits: dict, steps: int, rate: float) -> dict:
    """Full-batch Adam on every net at once, each net ``(kind, seed)`` on the training set
    of its seed; returns each net's training and test loss every 50 steps."""
    seeds = sorted(splits)
    inputs = [keras.Input(shape=(1,), name=f"x_{seed}") for seed in seeds]
    outputs = {
        f"{kind}_{seed}": net(inputs[seeds.index(seed)]) for (kind, seed), net in nets.items()
    }
    joint = keras.Model(inputs, outputs)
    per_call = 50
    joint.compile(
        optimizer=keras.optimizers.Adam(rate),
        loss={name: "mse" for name in outputs},
        steps_per_execution=per_call,
    )
    curves = {key: {"train": [], "test": []} for key in nets}

    def record():
        for (kind, seed), net in nets.items():
            split = splits[seed]
            for part in ("train", "test"):
                x, y = getattr(split, f"x_{part}"), getattr(split, f"y_{part}")
                curves[(kind, seed)][part].append(
                    dp.loss_value("regression", dp.forward(net, x), y)
                )

    class Record(keras.callbacks.Callback):
        def on_epoch_end(self, epoch, logs=None):
            record()

    xs = [np.tile(splits[seed].x_train, (per_call, 1)) for seed in seeds]
    ys = {f"{kind}_{seed}": np.tile(splits[seed].y_train, (per_call, 1)) for kind, seed in nets}
    record()
    fit = {"batch_size": 20, "epochs": steps // per_call, "shuffle": False, "verbose": 0}
    joint.fit(xs, ys, callbacks=[Record()], **fit)  # shuffle=False: every batch is the set
    return curves


@pytest.fixture(scope="module")
def noisy_results():
    """The dashboard's defaults for the noisy set: budget 400, depth 3, η 0.01, 1500 steps,
    first layer "spread"; and, for contrast, shallow nets with Keras' zero biases."""
    splits = {seed: make_split("noisy", seed=seed) for seed in NOISY_SEEDS}
    nets = {}
    for seed in NOISY_SEEDS:
        pair = dp.build_pair(1, BUDGET, DEPTH, seed=seed, tag=f"_{seed}", init="spread")
        nets[("shallow", seed)] = dp.subnet(pair, "shallow")
        nets[("deep", seed)] = dp.subnet(pair, "deep")
        keras.utils.set_random_seed(seed)
        nets[("zero_bias", seed)] = dp.build_mlp(1, 133, 1, name=f"zero_bias_{seed}")
    curves = _train_on_own_data(nets, splits, STEPS, RATE)
    print(
        {
            f"{k}_{s}": (
                round(c["train"][-1], 4),
                round(c["test"][-1], 4),
                round(min(c["test"]), 4),
            )
            for (k, s), c in sorted(curves.items())
        }
    )  # for the report
    return curves


def test_noisy_set_is_an_even_grid_with_noise_of_the_stated_size():
    split = noisy_curve(seed=0)
    np.testing.assert_allclose(split.x_train.ravel(), np.linspace(-1, 1, 20), atol=1e-6)
    residual = noisy_curve(n_test=20_000, seed=1)
    noise = residual.y_test.ravel() - np.sin(np.pi * residual.x_test.ravel())
    assert np.var(noise) == pytest.approx(NOISE_VARIANCE, rel=0.05)


def test_spread_first_layer_puts_the_bends_all_over_the_input():
    keras.utils.set_random_seed(0)
    bends = {}
    for init in dp.INITS:
        kernel, bias = dp.build_mlp(1, 133, 1, init=init).layers[0].get_weights()
        bends[init] = -bias / kernel.ravel()
    assert np.all(bends["keras"] == 0)  # zero biases: every neuron bends at x = 0
    inside = np.abs(bends["spread"]) < 1
    assert 40 < inside.sum() < 133 and np.ptp(bends["spread"][inside]) > 1.8
    with pytest.raises(ValueError, match="init"):
        dp.build_mlp(1, 4, 1, init="ones")


@pytest.mark.parametrize(
    ("call", "key", "words"),
    [
        (lambda: dp.mlp_params(1, 0, 2), "size", "muszą wynosić co najmniej 1"),
        (lambda: dp.width_for_budget(500, 0), "depth", "a podano depth = 0"),
        (lambda: dp.build_pair(1, 500, 1), "deep", "co najmniej dwóch warstw ukrytych"),
        (lambda: dp.build_pair(1, 500, 3, task="ranking"), "task", "Nieznane zadanie 'ranking'"),
        (lambda: dp.first_layer_init("ones"), "init", "dostępne: keras, spread"),
    ],
)
def test_impossible_nets_are_told_in_polish(call, key, words):
    with pytest.raises(dp.DepthModelError) as info:
        call()
    names = ("depth width", "ranking regression classification", "ones keras spread")
    sentence, details = assert_student_error(info.value, f"depth_model.{key}", *names)
    assert words in sentence and details == ""
    assert str(info.value) == info.value.message("en")


def test_wide_shallow_net_memorises_the_noisy_set_and_its_test_loss_rises(noisy_results):
    """Thresholds from 10 seeds (benchmarks/results-lesson-08.md): training loss at most
    0.38 x the noise variance, final test loss 1.09-1.34 x its own minimum."""
    for seed in NOISY_SEEDS:
        curve = noisy_results[("shallow", seed)]
        train, test, best = curve["train"][-1], curve["test"][-1], min(curve["test"])
        assert train < 0.5 * NOISE_VARIANCE, f"seed {seed}: training loss {train:.4f}"
        assert test > 1.1 * best, f"seed {seed}: test {test:.4f}, its minimum {best:.4f}"
        assert test > NOISE_VARIANCE  # worse than answering sin(pi x) itself


def test_zero_biases_keep_the_shallow_net_from_memorising(noisy_results):
    """The same net with all its bends starting at x = 0 fits the noise far less."""
    spread = np.median([noisy_results[("shallow", s)]["train"][-1] for s in NOISY_SEEDS])
    zero = np.median([noisy_results[("zero_bias", s)]["train"][-1] for s in NOISY_SEEDS])
    assert zero > 2 * spread, f"median training loss: zero biases {zero:.4f}, spread {spread:.4f}"


def test_the_deep_net_of_the_same_budget_memorises_the_noise_too(noisy_results):
    """Honest: at equal parameters depth does not protect from overfitting here."""
    for seed in NOISY_SEEDS:
        curve = noisy_results[("deep", seed)]
        assert curve["train"][-1] < 0.5 * NOISE_VARIANCE, seed
        assert curve["test"][-1] > 1.1 * min(curve["test"]), seed
