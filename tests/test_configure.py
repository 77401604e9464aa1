"""Dashboard.configure: one checked way to set any dashboard from code or a URL preset."""

from __future__ import annotations

import ipywidgets
import pytest

from widgets.controls import checkbox, dropdown, log_slider, slider
from widgets.ui import Dashboard, Setting, reacts


class Tiny(Dashboard):
    """Four controls, an observer that counts, a redraw that counts."""

    def __init__(self, lang: str):
        super().__init__(lang)
        self.rate = log_slider("η", 0.1, -3, 0)
        self.units = slider("units", 4, 1, 8, 1, integer=True)
        self.data = dropdown("data", [("two spirals", "spirals"), ("XOR", "xor")])
        self.noisy = checkbox("noise")
        self.pair = [slider("a", 0.0, -1, 1, 0.5), slider("b", 0.0, -1, 1, 0.5)]
        self.reactions = self.redraws = 0
        for control in (self.rate, self.units, self.data, self.noisy):
            control.observe(self._on_change, names="value")
        self._page("Tiny", "A test page.", self.rate, self.units, self.data, self.noisy)

    def _settings(self):
        return {
            "learning_rate": self.rate,
            "units": self.units,
            "data": self.data,
            "noise": self.noisy,
            "pair": Setting(check=self._check_pair, apply=self._apply_pair),
        }

    def _check_pair(self, value):
        if len(value) != 2:
            raise ValueError("two numbers")
        return [float(v) for v in value]

    def _apply_pair(self, value):
        for control, v in zip(self.pair, value, strict=True):
            control.value = v

    @reacts
    def _on_change(self, change):
        self.reactions += 1

    def _refresh(self):
        self.redraws += 1


def test_settings_are_set_together_and_drawn_once():
    tiny = Tiny("en")
    tiny.configure(learning_rate=0.01, units=6, data="xor", noise=True, pair=(0.5, -1))
    assert (tiny.rate.value, tiny.units.value, tiny.data.value, tiny.noisy.value) == (
        pytest.approx(0.01),
        6,
        "xor",
        True,
    )
    assert [c.value for c in tiny.pair] == [0.5, -1.0]
    assert (tiny.reactions, tiny.redraws) == (0, 1)
    tiny.units.value = 3  # the student moving a control still reaches the observer
    assert tiny.reactions == 1


@pytest.mark.parametrize(
    ("lang", "settings", "told"),
    [
        ("en", {"units": 9}, "give a whole number from 1 to 8"),
        ("en", {"units": 2.5}, "give a whole number from 1 to 8"),
        ("en", {"units": "4"}, "give a whole number from 1 to 8"),
        ("en", {"learning_rate": float("nan")}, "give a number from 0.001 to 1"),
        ("pl", {"learning_rate": 5}, "podaj liczbę od 0,001 do 1"),
        ("en", {"data": "moons"}, "pick one of: spirals, xor"),
        ("pl", {"noise": 1}, "podaj True albo False"),
        ("en", {"pair": [1]}, "two numbers"),
        ("en", {"speed": 3}, "There is no setting 'speed'; available: data, learning_rate"),
        ("pl", {"speed": 3}, "Nie ma ustawienia 'speed'; dostępne: data, learning_rate"),
    ],
)
def test_a_bad_setting_changes_nothing_and_is_told_in_the_page_language(lang, settings, told):
    tiny = Tiny(lang)
    before = [c.value for c in (tiny.rate, tiny.units, tiny.data, tiny.noisy)]
    tiny.configure(**{"data": "xor", **settings})  # a good value beside the bad one: unset
    assert told in tiny.error_text
    assert [c.value for c in (tiny.rate, tiny.units, tiny.data, tiny.noisy)] == before
    assert tiny.redraws == 0


def test_the_page_carries_the_stylesheet_header_and_banner():
    tiny = Tiny("pl")
    from widgets.presenter import PageAddress
    from widgets.watchdog import KernelWatchdog

    style, header, watchdog, address, loading, error = tiny.children[:6]
    assert "<style>" in style.value and ".dl-note" in style.value
    assert "<h2>Tiny</h2>" in header.value and error is tiny._error
    assert isinstance(loading, ipywidgets.HTML)
    assert isinstance(watchdog, KernelWatchdog) and "Odśwież" in watchdog.banner
    assert isinstance(address, PageAddress) and address.names == sorted(tiny._settings())


def test_quiet_setting_in_one_thread_leaves_another_threads_observers_alone():
    import threading

    tiny = Tiny("en")
    inside, release = threading.Event(), threading.Event()

    def training_thread():
        with tiny._quietly():
            tiny.units.value = 2  # quiet: this thread's observer does not run
            inside.set()
            release.wait(5)

    worker = threading.Thread(target=training_thread)
    worker.start()
    inside.wait(5)
    tiny.data.value = "xor"  # the student meanwhile, on the main thread: it reacts
    release.set()
    worker.join(5)
    assert tiny.reactions == 1


def test_no_dashboard_hides_a_method_of_the_widget_it_is():
    """A dashboard is an ipywidgets.VBox: a method named like one of the widget's (open,
    close, send, keys…) silently replaces it (an ``open()`` of a lesson broke ipywidgets'
    own constructor once). Every lesson's dashboard is checked, the new ones too."""
    import importlib
    import pkgutil

    import ipywidgets

    import widgets
    from widgets.ui import Dashboard

    for module in pkgutil.iter_modules(widgets.__path__):
        if module.ispkg:
            importlib.import_module(f"widgets.{module.name}")

    def subclasses(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from subclasses(sub)

    widget_names = set(dir(ipywidgets.VBox))
    set_by_traitlets = set(vars(type("Probe", (ipywidgets.VBox,), {})))
    dashboards = {Dashboard, *subclasses(Dashboard)}
    assert len(dashboards) > 15
    for cls in dashboards:
        own = {name for name in vars(cls) if not (name.startswith("__") and name.endswith("__"))}
        assert own & widget_names - set_by_traitlets == set(), cls.__name__


# ------------------------------------------------------------ settings from the page's URL


def _address(dashboard):
    from widgets.presenter import PageAddress

    (address,) = [child for child in dashboard.children if isinstance(child, PageAddress)]
    return address


def test_the_pages_address_sets_controls_as_configure_does():
    tiny = Tiny("pl")
    _address(
        tiny
    ).query = "present&token=x&learning_rate=0,01&units=6&data=xor&noise=tak&pair=0.5,-1"
    assert tiny.rate.value == pytest.approx(0.01)
    assert (tiny.units.value, tiny.data.value, tiny.noisy.value) == (6, "xor", True)
    assert [c.value for c in tiny.pair] == [0.5, -1.0]
    assert tiny.redraws == 1 and tiny._error.layout.display == "none"


def test_a_bad_value_in_the_address_is_told_in_the_pages_language_and_changes_nothing():
    tiny = Tiny("pl")
    _address(tiny).query = "units=99&data=xor"
    assert "units" in tiny._error_sentence and "od 1 do 8" in tiny._error_sentence
    assert tiny.units.value == 4 and tiny.data.value == "spirals"


def test_hide_hides_the_named_controls_and_refuses_what_it_cannot_hide():
    tiny = Tiny("en")
    _address(tiny).query = "hide=units,data"
    assert tiny.units.layout.display == "none" and tiny.data.layout.display == "none"
    assert tiny.rate.layout.display != "none"
    _address(tiny).query = "hide=pair"
    assert "pair" in tiny._error_sentence and "cannot be hidden" in tiny._error_sentence


def test_names_no_dashboard_knows_are_reported_by_the_page_in_its_language():
    tiny = Tiny("pl")
    _address(tiny).unknown = ["wagi"]
    assert "wagi" in tiny._error_sentence and "learning_rate" in tiny._error_sentence


def test_the_mcp_neuron_opens_as_an_or_gate_from_its_address():
    """The query may come while Keras loads (building the model sets the controls): it is
    applied once the model is built, not overwritten by it."""
    import time

    from widgets.mcculloch_pitts import McCullochPittsDashboard

    board = McCullochPittsDashboard(lang="en")
    _address(board).query = "present&weights=1,1&threshold=1"
    board.wait_ready()
    deadline = time.monotonic() + 10
    while board._threshold.value != 1 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [slider.value for slider in board._weights[:2]] == [1, 1]
    assert board._threshold.value == 1 and board._pending_address is None
    assert board._error.layout.display == "none"


def test_history_opens_at_the_year_of_its_address():
    from widgets.history import HistoryDashboard

    board = HistoryDashboard(lang="en")
    board.configure(year=1986)
    assert board.selected.year == 1986
    board.configure(year=1900)
    assert "1900" in board._error_sentence and "1957" in board._error_sentence
    assert board.selected.year == 1986


def test_keras_workflow_takes_its_compile_and_fit_settings():
    from widgets.keras_workflow import KerasWorkflowDashboard

    board = KerasWorkflowDashboard(lang="pl")
    board.configure(optimizer="adam", epochs=5, early_stopping=True)
    assert (board._fit.optimizer.value, board._fit.epochs.value) == ("adam", 5)
    assert board._fit.early_stopping.value is True
    board.configure(epochs=500)
    assert "epochs" in board._error_sentence and board._fit.epochs.value == 5
