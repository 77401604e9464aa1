"""Issue 13: every message that leaves the kernel is JSON-valid.

A NaN or ±inf in a widget message made jupyter_client warn "Message serialization failed
with: Out of range float values are not JSON compliant" and send the value as the string
"nan" (seen running lesson 10: the NaN gaps of the CNN's click layers). Here every widget
message is recorded (``message_checks``) while figures, then each lesson's dashboard, are
fed NaN and inf: a diverging learning rate, weights set to NaN/inf, data with inf.
"""

from __future__ import annotations

import json
import math
import time

import numpy as np
import plotly.graph_objects as go
import pytest
from message_checks import non_finite_paths, recording_messages

from widgets.figures.finite import finite, finite_or_none, to_js
from widgets.figures.light import LightFigureWidget
from widgets.figures.live import replace_layout_item, resend_figure, update_traces, updating
from widgets.figures.plotly_compat import PLOTLY_SERIALIZER, UNDEFINED

NAN, INF = float("nan"), float("inf")


def strict_json(value) -> str:
    return json.dumps(value, allow_nan=False)


def plain(value):
    """A serialised value with its binary buffers as bytes, to compare two of them."""
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    return value.tobytes() if isinstance(value, memoryview) else value


# ----------------------------------------------------------------------- the recorder


def test_the_recorder_catches_a_nan_slider_and_names_its_path(json_messages):
    import ipywidgets

    slider = ipywidgets.FloatSlider(0.5)
    json_messages.assert_json()
    slider.value = NAN  # traitlets lets NaN through the min/max check
    assert [path for _, path, _ in json_messages.problems] == ["state.value"]
    with pytest.raises(AssertionError, match="state.value"):
        json_messages.assert_json()


def test_non_finite_paths_walks_dicts_lists_and_numpy_scalars():
    message = {"a": [1.0, NAN, {"b": np.float32(INF)}], "c": "nan", "d": 3}
    assert [path for path, _ in non_finite_paths(message)] == ["a[1]", "a[2].b"]


# ----------------------------------------------------------------------- the sanitiser


def test_to_js_replaces_non_finite_floats_in_lists_tuples_and_nested_dicts():
    value = {
        "x": [1.0, NAN, 2, INF, -INF, None, "a", True],
        "nested": {"range": (NAN, 3.5), "deeper": [{"y0": -INF}]},
        "scalar": np.float32("nan"),
        "double": np.float64("inf"),
        "fine": np.float64(1.5),
    }
    out = to_js(value)
    assert out == {
        "x": [1.0, None, 2, None, None, None, "a", True],
        "nested": {"range": [None, 3.5], "deeper": [{"y0": None}]},
        "scalar": None,
        "double": None,
        "fine": 1.5,
    }
    strict_json(out)
    assert value["x"][1] != value["x"][1]  # the input is left as it was


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_to_js_two_dimensional_arrays_become_lists_with_none(dtype):
    z = np.array([[0.0, np.nan, 1.5], [np.inf, -np.inf, 2.0]], dtype=dtype)
    out = to_js({"z": z})
    assert out == {"z": [[0.0, None, 1.5], [None, None, 2.0]]}
    strict_json(out)
    assert np.isnan(z[0, 1]) and np.isinf(z[1, 0])  # not modified in place


@pytest.mark.parametrize("dtype", [np.float32, np.float64])
def test_to_js_one_dimensional_arrays_stay_binary_without_infinity(dtype):
    y = np.array([1.0, np.nan, np.inf, -np.inf, 2.0], dtype=dtype)
    out = to_js(y)
    assert set(out) == {"buffer", "dtype", "shape"} and out["dtype"] == np.dtype(dtype).name
    sent = np.frombuffer(out["buffer"], dtype=out["dtype"])
    assert not np.isinf(sent).any()  # ±inf became NaN, a typed array's gap
    np.testing.assert_array_equal(np.isnan(sent), [False, True, True, True, False])
    assert np.isinf(y[2])  # the caller's array is untouched


def test_to_js_finite_arrays_are_not_copied_and_match_plotly():
    y = np.linspace(0, 1, 50)
    assert to_js(y)["buffer"].obj is y  # the array itself, no copy
    samples = [
        {"x": [0, 1, 2], "y": y, "z": np.eye(3), "name": "a", "ids": np.arange(3)},
        {"marker": {"color": ["red", "blue"], "size": np.array([1, 2], dtype=np.int32)}},
        (1.5, "b", None, UNDEFINED, np.array(["a", "b"])),
    ]
    for value in samples:
        assert plain(to_js(value)) == plain(PLOTLY_SERIALIZER(value, None)), value


def test_to_js_object_arrays_are_walked():
    assert to_js(np.array([1.0, None, NAN, "a"], dtype=object)) == [1.0, None, None, "a"]


def test_finite_or_none_flattens_nothing_and_keeps_shape():
    assert finite_or_none([1, NAN, INF]) == [1.0, None, None]
    assert finite_or_none(np.array([[1, np.nan]], dtype=np.float32)) == [[1.0, None]]
    assert finite_or_none([]) == []
    assert finite(NAN) is None and finite("x", 0.0) == 0.0 and finite(np.float32(2)) == 2.0


# ----------------------------------------------------------------------- every figure


def test_a_figure_never_sends_a_non_finite_number(json_messages):
    """Every way a dashboard writes into a LightFigureWidget, fed NaN and ±inf."""
    figure = LightFigureWidget(
        data=[
            go.Scatter(x=[0, 1, 2], y=[1.0, NAN, INF]),
            go.Heatmap(z=[[NAN, 1.0], [2.0, -INF]]),
        ],
        layout={"yaxis": {"range": [NAN, 1]}, "shapes": [{"type": "line", "x0": NAN}]},
    )
    update_traces(
        figure,
        [{"y": [NAN, 1.0, 2.0]}, {"z": np.array([[np.nan, np.inf], [1.0, 2.0]], np.float32)}],
        {"xaxis.range": [-INF, INF], "shapes": [{"type": "rect", "x0": 0, "x1": NAN}]},
    )
    update_traces(figure, [{"y": np.array([np.inf, 0.0, 1.0])}, {}])
    with updating(figure):
        figure.data[0].x = [NAN, 1, 2]
        figure.layout.title = {"text": "t"}
    figure.layout.yaxis.range = [INF, 0]
    replace_layout_item(figure, "shapes", 0, {"y1": NAN})
    figure.plotly_restyle({"y": [[INF, NAN, 0.0]]}, 0)
    figure.plotly_relayout({"xaxis.range": [NAN, 2]})
    figure.add_scatter(x=[NAN], y=[INF])
    resend_figure(figure)
    assert len(json_messages.messages) > 8
    json_messages.assert_json()
    # The figure's own copy in Python keeps what was set: only what is sent changes.
    assert math.isinf(figure.layout.yaxis.range[0])


def test_a_figure_sends_none_where_the_value_was_not_finite(json_messages):
    figure = LightFigureWidget(data=[go.Scatter(x=[0, 1], y=[0.0, 1.0])])
    json_messages.clear()
    update_traces(figure, [{"y": [NAN, 2.0]}])
    (update,) = [data["state"]["_py2js_update"] for _, data, _ in json_messages.messages
                 if data.get("state", {}).get("_py2js_update")]  # fmt: skip
    assert update["style_data"]["y"] == [[None, 2.0]]


# ----------------------------------------------------------------------- lesson 05


def test_lesson_05_adaline_diverging_rate_sends_only_json():
    from widgets.adaline import AdalineDashboard

    with recording_messages() as messages:
        dashboard = AdalineDashboard(lang="en").wait_ready()
        dashboard.wait_trained(60)
        for mode in ("batch", "online"):
            dashboard.configure(data="noisy", mode=mode, learning_rate=3.0, epochs=60)
            dashboard.wait_trained(60)
            assert dashboard.diverged and "diverged" in dashboard.status_text
            dashboard._epoch.value = dashboard._epoch.max  # every epoch drawn, to the end
            dashboard._epoch.value = 0
        for bad in (NAN, INF):
            dashboard.configure(learning_rate=bad)
            assert "learning rate" in dashboard.error_text
    messages.assert_json()


# ----------------------------------------------------------------------- lesson 06


def test_lesson_06_activations_non_finite_inputs_are_messages():
    from widgets.activations import ActivationsDashboard

    with recording_messages() as messages:
        dashboard = ActivationsDashboard(lang="en").wait_ready()
        for call in (
            lambda: dashboard.configure(weights=[NAN]),
            lambda: dashboard.configure(bias=INF),
            lambda: dashboard.configure(alpha=NAN),
            lambda: dashboard.set_logits([NAN, 1.0, 2.0]),
            lambda: dashboard.set_logits([0.0, 1.0, 2.0], temperature=INF),
        ):
            dashboard.clear_error()
            call()
            assert "must be" in dashboard.error_text or "logits" in dashboard.error_text
        # A model whose weights are NaN: the dashboard sets them from its sliders again.
        dashboard.model.set_weights(
            [np.full_like(w, np.nan) for w in dashboard.model.get_weights()]
        )
        dashboard.configure(activation="elu", weights=[5.0, -5.0], bias=5.0)
        assert dashboard.error_text == ""
    messages.assert_json()


# ----------------------------------------------------------------------- lesson 07


def test_lesson_07_playground_diverging_rate_sends_only_json():
    from widgets.playground import PlaygroundDashboard

    with recording_messages() as messages:
        dashboard = PlaygroundDashboard("en", query="data=plane&layers=").wait_ready()
        dashboard._learning_rate.value = 10.0
        dashboard._batch.value = 30
        dashboard._features["x1sq"].value = True
        dashboard.play()
        deadline = time.monotonic() + 30
        while dashboard.running and time.monotonic() < deadline:
            time.sleep(0.05)
        assert "diverged" in dashboard._status.value
    messages.assert_json()


# ----------------------------------------------------------------------- lesson 08


def test_lesson_08_weights_set_to_nan_or_inf_say_diverged():
    from widgets.deep_vs_shallow import DeepVsShallowDashboard

    with recording_messages() as messages:
        dashboard = DeepVsShallowDashboard(lang="en").wait_ready()
        dashboard.configure(data="sawtooth", budget=100, depth=2, steps=50, learning_rate=1.0)
        for bad in (np.nan, np.inf):
            dashboard.clear_error()
            dashboard.reset()
            dashboard.model.set_weights(
                [np.full_like(w, bad) for w in dashboard.model.get_weights()]
            )
            dashboard.play()
            dashboard.wait_trained(120)
            assert "diverged" in dashboard.error_text
            assert "nan" not in dashboard._status.value.lower()
    messages.assert_json()


# ----------------------------------------------------------------------- lesson 09


def test_lesson_09_keras_workflow_diverging_rate_says_so():
    from widgets.keras_workflow import KerasWorkflowDashboard

    with recording_messages() as messages:
        dashboard = KerasWorkflowDashboard(lang="en").wait_ready()
        dashboard._fit.epochs.value = 1
        dashboard._fit.optimizer.value = "sgd"
        dashboard._fit.learning_rate.value = dashboard._fit.learning_rate.max
        assert dashboard.train(True).join(120)
        time.sleep(0.2)  # on_done runs in the training thread just before it ends
        assert "diverged" in dashboard.error_text
    messages.assert_json()


# ----------------------------------------------------------------------- lesson 10


@pytest.fixture(scope="module")
def cnn_messages():
    with recording_messages() as messages:
        yield messages


@pytest.fixture(scope="module")
def cnn(cnn_messages):
    from widgets.cnn import CnnDashboard

    dashboard = CnnDashboard(lang="en").wait_ready()
    dashboard.configure(filters=(4, 8), kernels=(3, 3), epochs=1, images=2000, compare=True)
    return dashboard


def test_lesson_10_cnn_dashboard_sends_only_json(cnn, cnn_messages):
    """The source of the warning seen in lesson 10: the click layers' NaN tile gaps."""
    cnn_messages.assert_json()


def test_lesson_10_nan_weights_are_a_message_not_nan(cnn, cnn_messages):
    cnn_messages.clear()
    cnn.clear_error()
    cnn.model.set_weights([np.full_like(w, np.nan) for w in cnn.model.get_weights()])
    cnn.refresh_views()
    cnn_messages.assert_json()
    assert "not numbers" in cnn.error_text
    assert "nan" not in str(cnn.probabilities.data[0].text).lower()
    cnn.rebuild()  # fresh weights: the message goes
    assert cnn.error_text == ""


def test_lesson_10_training_on_data_with_inf_stops_with_a_message(cnn, cnn_messages):
    cnn_messages.clear()
    arrays = cnn._training_arrays

    def poisoned():
        x, y, x_test, y_test = arrays()
        x = x.copy()
        x[:, 10, 10] = np.inf
        return x, y, x_test, y_test

    cnn._training_arrays = poisoned
    try:
        cnn.train()
        cnn.wait_trained(120)
    finally:
        del cnn._training_arrays
    assert "diverged" in cnn.error_text and "epoch 1" in cnn.error_text
    assert "nan" not in cnn._status.value.lower() and "nan" not in cnn._table.value.lower()
    assert "MLP" not in cnn.results  # the MLP did not go on after the CNN diverged
    cnn_messages.assert_json()
    # Training again on sound data clears the message.
    cnn.train()
    cnn.wait_trained(120)
    assert cnn.error_text == "" and "Done" in cnn._status.value
    cnn_messages.assert_json()


def test_lesson_10_curves_with_a_missing_accuracy_send_gaps(cnn, cnn_messages):
    cnn_messages.clear()
    cnn.history = {
        "x": [0.5, 1.0],
        "loss": [2.0, 1.5],
        "accuracy": [0.5, NAN],  # what _record keeps when Keras logs no accuracy
        "val_x": [1],
        "val_accuracy": [NAN],
    }
    cnn._draw_curves(live=True)  # shapes while training
    cnn._draw_curves()  # traces at the end
    cnn_messages.assert_json()
    assert list(cnn.curves.data[1].y) == [0.5, None]
