"""Lesson 07 on a Polish page (issue 13): every refusal a student can cause is a
StudentError whose sentence is Polish, numbers written with a decimal comma."""

from __future__ import annotations

import numpy as np
import pytest
from student_errors import assert_student_error, shown_errors

from widgets.backend import load_keras
from widgets.playground import PlaygroundDashboard
from widgets.playground.network_figure import DOTS

load_keras(timeout=120)


@pytest.fixture(scope="module")
def plane():
    """A tiny regression net on a Polish page."""
    d = PlaygroundDashboard("pl", query="data=plane&layers=").wait_ready()
    yield d
    d.pause()


@pytest.fixture
def d(plane):
    plane.pause()
    plane.clear_error()
    return plane


def test_a_bad_setting_from_code(d):
    shown = shown_errors(d)
    d.configure(budget=-1)
    sentence, details = assert_student_error(shown[-1], "playground.bad_setting", "budget")
    assert sentence == "Nie zmieniono ustawień: budget=-1 (dozwolone: 0-100000)."
    assert d.error_text == sentence and details == "" and d._budget.value == 0


@pytest.mark.parametrize(("epochs", "given"), [(2.5, "2,5"), (0, "0"), ("4", "'4'")])
def test_a_step_of_nonsense_epochs(d, epochs, given):
    shown = shown_errors(d)
    epoch = d.trainer.epoch
    d.step(epochs)
    sentence, _ = assert_student_error(shown[-1], "playground.bad_epochs")
    assert sentence == (
        f"Liczba epok jednego kroku musi być liczbą całkowitą nie mniejszą niż 1, a podano {given}."
    )
    assert d.trainer.epoch == epoch


@pytest.mark.parametrize(
    ("point", "words"),
    [
        ((0.5, 0.25, 7.0), "Nie dodano punktu (0,5; 0,25) z etykietą 7:"),
        ((1e9, -1.5, 1.0), "Nie dodano punktu (1e+09; −1,5) z etykietą 1:"),
        ((0, 0, "a"), "Nie dodano punktu (0; 0) z etykietą 'a':"),
    ],
)
def test_a_point_off_the_plot_or_with_an_unknown_label(d, point, words):
    shown = shown_errors(d)
    n = len(d.split.x_train)
    d.add_point(*point)
    sentence, _ = assert_student_error(shown[-1], "playground.bad_point")
    assert sentence.startswith(words) and len(d.split.x_train) == n


def test_points_from_code_or_a_file_that_cannot_be_used(d):
    shown = shown_errors(d)
    d.load_points([[1, 2], [3, 4]], [0, 1], regression=False)
    sentence, _ = assert_student_error(shown[-1], "playground.bad_points")
    assert "co najmniej 4" in sentence and d._data.value == "plane"
    d.load_points([[1e30, 0.0]] * 4, [0, 1, 0, 1], regression=False)
    sentence, _ = assert_student_error(shown[-1], "playground.points_too_large")
    assert sentence == (
        "Liczby w pliku muszą mieć wartość bezwzględną nie większą niż 1000, a jest tam 1e+30."
    )
    assert d._data.value == "plane"


def test_a_link_the_network_does_not_have(d):
    shown = shown_errors(d)
    d.select_link(9, 9, 9)
    sentence, _ = assert_student_error(shown[-1], "playground.no_link", "neuron")
    assert sentence == "Sieć nie ma połączenia (warstwa 9, neuron 9 → 9)."


@pytest.mark.parametrize(("typed", "given"), [(1e30, "1e+30"), (-100.5, "−100,5")])
def test_a_typed_weight_out_of_range(d, typed, given):
    d.select_link(*d.network_figure.data[DOTS].customdata[0])
    layer, source, target = d._link
    before = float(d.trainer.weights()[layer][0][source, target])
    shown = shown_errors(d)
    d._weight.value = typed
    sentence, _ = assert_student_error(shown[-1], "playground.bad_weight")
    label = f"{layer + 1}: {source + 1} → {target + 1}"
    assert sentence == f"Waga {label} musi być liczbą od −100 do 100, a podano {given}."
    assert float(d.trainer.weights()[layer][0][source, target]) == before
    d._weight.value = before + 0.125  # a good value: the banner about the box goes
    assert d.error_text == ""


def test_data_without_training_points(d, monkeypatch):
    import widgets.playground.dashboard as module

    real = module.load_split

    def no_training_points(*args, **kwargs):
        data = real(*args, **kwargs)
        empty = np.zeros((0, 2), dtype=np.float32)
        return module.Split(empty, data.y_train[:0], data.x_test, data.y_test, True, 2)

    monkeypatch.setattr(module, "load_split", no_training_points)
    shown = shown_errors(d)
    split = d.split
    d.configure(noise=5)
    sentence, _ = assert_student_error(shown[-1], "playground.no_train_points")
    assert sentence.startswith("Brak punktów uczących") and d.split is split
