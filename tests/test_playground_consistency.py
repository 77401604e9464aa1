"""Lesson 07: after any sequence of inputs, the boxes, the messages and the model agree.

Each step drives the dashboard as a student (or a notebook cell, or a URL) would, often
with nonsense, and then :func:`check` asserts that the epoch budget box, the status
message and the trainer (its epoch, whether it is training) tell the same story.
"""

from __future__ import annotations

import datetime
import html
import re
import time

import numpy as np
import pytest

from widgets.backend import load_keras
from widgets.playground import PlaygroundDashboard
from widgets.playground.network_figure import DOTS
from widgets.playground.state import RANGES
from widgets.playground.texts import TEXT

load_keras(timeout=120)

from widgets.models.playground import dense_layers  # noqa: E402  (imports TensorFlow)

TIMEOUT = 60.0  # generous: the machine may be busy
MAX_BUDGET = RANGES["budget"][1]
CSV = {
    "type": "text/csv",
    "size": 1,
    "last_modified": datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
}


# ----------------------------------------------------------------------------- helpers
def wait_until(condition, what: str, timeout: float = TIMEOUT) -> None:
    """Poll ``condition`` until it holds (a condition, not a fixed sleep)."""
    end = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < end, f"timed out waiting for {what}"
        time.sleep(0.01)


def wait_stopped(d) -> None:
    """Wait for a training that must end by itself (budget, early stopping, divergence)."""
    d.wait_stopped(TIMEOUT)
    assert not d.running and not d._play.value, "the training did not stop"


def settle(d) -> None:
    """Let a loop that has decided to stop end (its last frame, ▶ turned off)."""
    if d.running and d._loop.stopping:
        wait_stopped(d)


def status(d) -> str:
    """The status line as the student reads it."""
    text = html.unescape(re.sub(r"<[^>]+>", "", d._status.value))
    return text.replace("⏹", "").strip()


def budget_text(d) -> str:
    """What the status line must say about the budget, '' if nothing."""
    t = TEXT.for_language(d.lang)
    budget, epoch = int(d._budget.value), d.trainer.epoch
    if budget and epoch == budget:
        return t("budget_reached", budget=budget)
    if budget and epoch > budget:
        return t("budget_below", budget=budget, epoch=epoch)
    return ""


def check(d, *, playing: bool | None = None, epoch: int | None = None) -> None:
    """The budget box, the status line and the trainer agree (and match what's expected)."""
    settle(d)
    budget = d._budget.value
    assert isinstance(budget, int) and 0 <= budget <= MAX_BUDGET
    assert d._play.value == d.running, "the ▶ button and the training disagree"
    if budget and d.trainer.epoch >= budget:
        assert not d.running, "training beyond the budget"
    assert status(d) == budget_text(d)
    if playing is not None:
        assert d.running == playing
    if epoch is not None:
        assert d.trainer.epoch == epoch


@pytest.fixture(scope="module")
def plane():
    """A tiny regression net (fast epochs)."""
    d = PlaygroundDashboard("en", query="data=plane&layers=").wait_ready()
    yield d
    d.pause()


@pytest.fixture
def d(plane):
    """The module's dashboard, paused, with no budget, a fresh net and no messages."""
    plane.pause()
    plane._budget.value = 0
    plane._early.value = False
    plane._learning_rate.value = 0.03
    plane._reset.click()
    plane.clear_error()
    check(plane, playing=False, epoch=0)
    return plane


# ----------------------------------------------------------------------------- budget
def test_a_budget_message_never_outlives_its_budget(d):
    d._budget.value = 1
    d._step.click()
    check(d, playing=False, epoch=1)
    assert status(d) == "Epoch budget reached: 1."
    d._budget.value = 112  # the tester's report: the old message stayed
    check(d, playing=False, epoch=1)
    d._reset.click()
    check(d, playing=False, epoch=0)
    d._budget.value = 1
    check(d, playing=False, epoch=0)
    d._step.click()
    check(d, playing=False, epoch=1)
    d._step.click()  # the budget holds for Step too
    check(d, playing=False, epoch=1)
    d._budget.value = 0
    check(d, playing=False, epoch=1)


def test_a_budget_below_the_epochs_trained_is_said_and_enforced(d):
    d.step(5)
    check(d, playing=False, epoch=5)
    d._budget.value = 3
    check(d, playing=False, epoch=5)
    assert "3" in status(d) and "5" in status(d)
    d._play.value = True  # ▶ is refused, with the reason standing
    check(d, playing=False, epoch=5)
    d._step.click()
    check(d, playing=False, epoch=5)
    d._budget.value = 5
    check(d, playing=False, epoch=5)
    d._budget.value = 40
    check(d, playing=False, epoch=5)
    d._play.value = True
    wait_stopped(d)
    check(d, playing=False, epoch=40)
    assert status(d) == "Epoch budget reached: 40."


def test_lowering_the_budget_while_training_stops_at_once(d):
    d._play.value = True
    d.wait_epochs(30, timeout=TIMEOUT)
    assert d.running
    d._budget.value = 10  # below what is trained already
    check(d, playing=False)
    assert d.trainer.epoch > 10
    d._budget.value = MAX_BUDGET
    check(d, playing=False)
    d._play.value = True
    check(d, playing=True)
    d._budget.value = -5  # clamped to 0 = no budget: keeps training
    check(d, playing=True)
    assert d._budget.value == 0
    d._play.value = False
    check(d, playing=False)


def test_raising_the_budget_while_training_keeps_training(d):
    d._budget.value = 50000  # far enough not to be reached during the test
    d._play.value = True
    d.wait_epochs(20, timeout=TIMEOUT)
    d._budget.value = 60000
    check(d, playing=True)
    d._budget.value = 0
    check(d, playing=True)
    d._play.value = False
    check(d, playing=False)


def test_any_sequence_of_budgets_while_training_agrees(d):
    """Budgets at, below and far above the epochs trained, 0 and nonsense, in a random
    order, while training and while paused: after each, box, message and trainer agree."""
    rng = np.random.default_rng(7)
    d._play.value = True
    d.wait_epochs(10, timeout=TIMEOUT)
    for _ in range(16):
        epoch, kind = d.trainer.epoch, int(rng.integers(5))
        if kind == 0:  # at or below the epochs trained: stops, says so
            value = max(1, epoch - int(rng.integers(0, 3)))
        elif kind == 1:  # far above: not reached during the test
            value = epoch + 50000
        elif kind == 2:
            value = 0
        elif kind == 3:  # nonsense typed: clamped by the box
            value = -int(rng.integers(1, 10**6))
        else:
            value = 10**9
        d._budget.value = value
        check(d)
        if not d._play.value:
            d._play.value = True  # refused while the budget forbids it
            check(d)
    d._play.value = False
    check(d, playing=False)


def test_out_of_range_budgets_from_the_page_are_clamped(d):
    for typed, shown in ((-5, 0), (10**9, MAX_BUDGET), (2.7, 2), (7, 7)):
        d._budget.value = typed
        assert d._budget.value == shown
        check(d, playing=False, epoch=0)
    assert "budget=7" in d.link


@pytest.mark.parametrize("bad", [-5, 2.5, "12", True, 10**9, float("nan"), None])
def test_out_of_range_budgets_from_code_are_refused_with_a_message(d, bad):
    d._budget.value = 9
    d.configure(budget=bad)
    assert d._budget.value == 9
    assert "budget" in d.error_text and "0-100000" in d.error_text
    check(d, playing=False, epoch=0)
    d.configure(budget=np.int64(4))  # a numpy integer is a fine integer
    assert d._budget.value == 4 and d.error_text == ""
    d.step(6)
    check(d, playing=False, epoch=4)
    d.configure(budget=3)
    check(d, playing=False, epoch=4)


def test_messages_are_in_the_page_language():
    d = PlaygroundDashboard("pl", query="data=plane&layers=&budget=2&batch=1.5").wait_ready()
    assert "batch=1.5" in d.error_text and "invalid literal" not in d.error_text
    assert d._batch.value == 10 and d._budget.value == 2
    d.step(3)
    check(d, playing=False, epoch=2)
    assert status(d) == "Osiągnięto limit epok: 2."
    d._budget.value = 1
    check(d, playing=False, epoch=2)
    assert "limit epok" in status(d).lower()
    d.configure(budget=-1)
    assert d._budget.value == 1 and "budget" in d.error_text
    assert "Nie zmieniono ustawień: budget=-1" in d.error_text


@pytest.mark.parametrize(
    "query", ["budget=1.5", "budget=-3", "budget=100001", "budget=abc", "budget=", "budget=1e3"]
)
def test_a_bad_budget_in_the_url_is_reported_and_not_used(query):
    d = PlaygroundDashboard("en", query=f"data=plane&layers=&{query}").wait_ready()
    assert query in d.error_text and "0-100000" in d.error_text
    assert d._budget.value == 0 and "budget" not in d.link
    check(d, playing=False, epoch=0)


# ----------------------------------------------------------------------------- the other controls
def test_reset_while_training_keeps_training(d):
    d._play.value = True
    d.wait_epochs(5, timeout=TIMEOUT)
    d._reset.click()  # the new net trains on
    assert d._play.value and d.running
    d._noise.value = 30  # new data: also trains on
    assert d._play.value and d.running
    d._play.value = False
    check(d, playing=False)


def test_a_divergence_message_goes_when_the_learning_rate_changes(d):
    d._features["x1sq"].value = True
    try:
        d._learning_rate.value = 10.0
        d._batch.value = 30
        d._play.value = True
        wait_stopped(d)
        text = status(d)
        assert "diverged" in text and "10" in text
        assert d.trainer.weights_finite()
        d._learning_rate.value = 0.0001  # the message named the old rate: it goes
        assert status(d) == ""
        d._reset.click()  # the restored weights may be too large for any rate: start anew
        d._play.value = True
        d.wait_epochs(d.trainer.epoch + 5, timeout=TIMEOUT)
        d._play.value = False
        check(d, playing=False)
    finally:
        d._features["x1sq"].value = False
        d._batch.value = 10


def test_early_stopping_message_and_play_after_it(d):
    d.configure(lr=0.0)  # nothing improves: early stopping after PATIENCE epochs
    try:
        d._early.value = True
        d._play.value = True
        wait_stopped(d)
        stopped = d.trainer.epoch
        assert "Early stopping" in status(d)
        d._play.value = True  # ▶ again trains again (a new patience window)
        d.wait_epochs(stopped + 1, timeout=TIMEOUT)
        assert d.trainer.epoch > stopped
        wait_stopped(d)
        d._early.value = False  # the message was about early stopping: it goes
        assert status(d) == ""
    finally:
        d.configure(lr=0.03)


def test_step_refuses_a_nonsense_number_of_epochs(d):
    for bad in (-3, 0, 2.5, "4"):
        d.step(bad)
        assert d.trainer.epoch == 0 and "epochs" in d.error_text
    d.step(2)
    check(d, playing=False, epoch=2)


def test_the_weight_box_refuses_nonsense_and_shows_the_weight_in_force(d):
    dots = d.network_figure.data[DOTS]
    d.select_link(*dots.customdata[0])
    layer, source, target = d._link

    def weight():
        return float(d.trainer.weights()[layer][0][source, target])

    d._weight.value = 1.25
    assert weight() == pytest.approx(1.25) and d.error_text == ""
    for bad in (float("nan"), float("inf"), 1e30):
        d._weight.value = bad
        assert "1e+30" in d.error_text or "nan" in d.error_text or "inf" in d.error_text
        assert weight() == pytest.approx(1.25) and d._weight.value == pytest.approx(1.25)
    d._weight.value = -0.5
    assert weight() == pytest.approx(-0.5) and d.error_text == ""
    d.step(3)  # the box follows the trained weight once training stops
    assert d._weight.value == pytest.approx(weight(), abs=1e-4)
    d.select_link(9, 9, 9)  # no such link: refused, the selection stays
    assert d._link == (layer, source, target) and d.error_text


def test_sliders_clamp_and_the_link_follows(d):
    d._batch.value = 0
    assert d._batch.value == 1 and "batch=1" in d.link
    d._batch.value = 10**6
    assert d._batch.value == 30 and "batch=30" in d.link
    d._noise.value = -4
    assert d._noise.value == 0 and "noise" not in d.link
    d._batch.value = 10
    check(d, playing=False, epoch=0)


def test_the_link_box_always_shows_the_link_to_the_state(d):
    link = d.link
    d._link_box.value = "nonsense?budget=-1&data=moons"  # typed over
    assert d.link == link
    d._budget.value = 12
    assert "budget=12" in d.link


def test_the_url_seed_is_kept():
    d = PlaygroundDashboard("en", query="data=plane&layers=&seed=7").wait_ready()
    assert d.error_text == "" and "seed=7" in d.link
    assert d.state.seed == 7


def test_configure_refuses_nonsense_and_applies_good_settings(d):
    d.configure(batch=0)
    assert d._batch.value == 10 and "batch" in d.error_text and "1-30" in d.error_text
    d.configure(lr=-1)
    assert d._learning_rate.value == 0.03 and "lr" in d.error_text
    d.configure(colour="red")
    assert "colour" in d.error_text
    d.configure(batch=5, budget=7, lr=0.1)  # all at once, no rebuild needed
    controls = (d._batch.value, d._budget.value, d._learning_rate.value)
    assert d.error_text == "" and controls == (5, 7, 0.1)
    assert float(d.trainer.optimizer.learning_rate.numpy()) == pytest.approx(0.1)
    d.configure(batch=10, budget=0, lr=0.03)
    check(d, playing=False, epoch=0)
    d.configure(layers=(3,), acts=("relu",), dropout=(0.25,), seed=5, noise=10, hide="views")
    assert [layer.units for layer in dense_layers(d.model)] == [3, 1]
    assert [box.layout.display for box in d._layer_boxes[:2]] == [None, "none"]
    assert d.model.get_layer("hidden_1").activation.__name__ == "relu"
    assert d._dropouts[0].value == 0.25 and d.sections["views"].layout.display == "none"
    assert all(part in d.link for part in ("layers=3", "seed=5", "noise=10", "hide=views"))
    d.configure(layers=(), noise=0, hide=())
    assert [layer.units for layer in dense_layers(d.model)] == [1] and d.error_text == ""


def test_a_wrong_csv_changes_nothing_and_the_upload_comes_back():
    d = PlaygroundDashboard("en", query="data=plane&layers=").wait_ready()
    split = d.split
    d._upload_button.value = ({"name": "bad.csv", "content": b"1,2,x\n", **CSV},)
    assert "'x'" in d.error_text and d.split is split and d._data.value == "plane"
    rows = "\n".join(f"{x},{-x},{int(x > 0)}" for x in np.linspace(-5, 5, 40))
    d._upload_button.value = ({"name": "mine.csv", "content": rows.encode(), **CSV},)
    assert d.error_text == "" and d._data.value == "upload"
    d._data.value = "circle"
    assert len(d.split.x_train) + len(d.split.x_test) == 500
    d._data.value = "upload"  # the uploaded file again, not an error
    assert d.error_text == ""
    assert len(d.split.x_train) + len(d.split.x_test) == 40
    huge = "\n".join(f"{x * 1e30},{x},{int(x > 0)}" for x in np.linspace(-5, 5, 40))
    d._upload_button.value = ({"name": "huge.csv", "content": huge.encode(), **CSV},)
    assert "1000" in d.error_text and len(d.split.x_train) + len(d.split.x_test) == 40
    d.load_points([[1, 2], [3, 4]], [0], regression=False)  # from code: nonsense too
    assert "at least 4" in d.error_text and len(d.split.x_train) + len(d.split.x_test) == 40
    d.load_points("abc", "def", regression=True)
    assert "at least 4" in d.error_text and d._data.value == "upload"


def test_add_point_refuses_points_off_the_plot_and_unknown_labels(d):
    n = len(d.split.x_train)
    for x1, x2, label in ((0.5, 0.5, 7.0), (1e9, 0.0, 1.0), (float("nan"), 0.0, 1.0), (0, 0, "a")):
        d.add_point(x1, x2, label)
        assert "not added" in d.error_text and len(d.split.x_train) == n
    d.add_point(0.5, 0.5, 1.0)  # a regression set: +1 or -1
    assert len(d.split.x_train) == n + 1
