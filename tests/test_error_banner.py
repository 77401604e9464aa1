"""What a student sees when something fails (issue 13): one sentence in the page's language
from the string tables, and the technical detail for the lecturer behind a details toggle.

Lesson 09 without MNIST is the tester's case: the banner blamed TensorFlow and showed the
English message of the failed Keras download on the Polish page.
"""

from __future__ import annotations

import html
import re
import threading
from concurrent.futures import Future

import pytest
from student_errors import URL_FAILURE

from widgets.backend import load_keras
from widgets.data import MNIST_DIR_ENV
from widgets.keras_workflow import KerasWorkflowDashboard
from widgets.ui import Dashboard, ends_run, ends_training, shows_errors

keras = load_keras(timeout=120)

POLISH_LETTERS = re.compile("[ąćęłńóśźż]")


def banner(dashboard: Dashboard) -> tuple[str, str, str, str]:
    """(sentence, HTML before the toggle, toggle's summary, toggle's text) of the banner."""
    value = dashboard._error.value
    toggle = re.search(r"<details[^>]*>\s*<summary>(.*?)</summary>(.*?)</details>", value, re.S)
    assert toggle, f"no details toggle in {value!r}"
    details = html.unescape(re.sub(r"<[^>]+>", "", toggle.group(2)))
    return dashboard.error_text, value[: toggle.start()], toggle.group(1), details


def english_words(technical: str, *allowed: str) -> set[str]:
    """Words of four letters or more in a technical message, except names that stay as is."""
    kept = {w.lower() for text in allowed for w in re.findall(r"[A-Za-z]{4,}", text)}
    return {w for w in re.findall(r"[A-Za-z]{4,}", technical) if w.lower() not in kept}


# ----------------------------------------------------------------- lesson 09 without MNIST


def test_lesson_09_in_polish_without_mnist_says_what_to_do_in_polish(no_mnist):
    dashboard = KerasWorkflowDashboard(lang="pl")
    sentence, before, summary, details = banner(dashboard)
    assert dashboard.model is None and "dl-error" in dashboard._error._dom_classes
    # The data failed, not TensorFlow; the sentence names the data and both ways out.
    assert "TensorFlow" not in sentence
    assert "MNIST" in sentence and MNIST_DIR_ENV in sentence and "internet" in sentence
    assert POLISH_LETTERS.search(sentence)
    assert html.escape(sentence) in before
    leaked = {w for w in english_words(details, MNIST_DIR_ENV) if re.search(rf"\b{w}\b", sentence)}
    assert not leaked, f"English words of the technical message in the sentence: {leaked}"
    # The lecturer's part: exception type and the download's message, no traceback.
    assert summary == "Szczegóły"
    assert "MnistUnavailableError" in details and URL_FAILURE in details
    assert "Traceback" not in details and URL_FAILURE not in sentence
    assert "MNIST" in dashboard._data_label.value and "…" not in dashboard._data_label.value


def test_lesson_09_in_english_without_mnist(no_mnist):
    dashboard = KerasWorkflowDashboard(lang="en")
    sentence, before, summary, details = banner(dashboard)
    assert "TensorFlow" not in sentence
    assert "could not be found or downloaded" in sentence and MNIST_DIR_ENV in sentence
    assert "internet" in sentence and not POLISH_LETTERS.search(sentence)
    assert summary == "Details" and URL_FAILURE in details and URL_FAILURE not in sentence


def test_an_empty_mnist_folder_names_the_folder_in_polish(no_mnist, monkeypatch):
    empty = no_mnist / "empty"
    empty.mkdir()
    monkeypatch.setenv(MNIST_DIR_ENV, str(empty))
    dashboard = KerasWorkflowDashboard(lang="pl")
    sentence, _before, summary, details = banner(dashboard)
    assert str(empty) in sentence and MNIST_DIR_ENV in sentence and "TensorFlow" not in sentence
    assert POLISH_LETTERS.search(sentence)
    leaked = {
        w
        for w in english_words(details, MNIST_DIR_ENV, str(empty), "t10k idx ubyte")
        if re.search(rf"\b{w}\b", sentence)
    }
    assert not leaked, f"English words of the technical message in the sentence: {leaked}"
    assert summary == "Szczegóły" and "does not contain the MNIST test files" in details


def test_wait_ready_reports_the_failure_at_once(no_mnist):
    dashboard = KerasWorkflowDashboard(lang="en")
    with pytest.raises(RuntimeError, match="could not be found or downloaded"):
        dashboard.wait_ready(timeout=30)


# ---------------------------------------------------------------- unexpected exceptions


class Probe(Dashboard):
    """The smallest dashboard: a banner, an observer and a model build that raise."""

    def __init__(self, lang: str, problem: BaseException):
        super().__init__(lang)
        self.problem = problem
        self.children = [self._error]

    @shows_errors
    def _on_click(self, _button) -> None:
        raise self.problem

    def _build_model(self, keras) -> None:
        raise self.problem


@pytest.mark.parametrize(
    ("lang", "words", "summary"),
    [("pl", "prowadzącemu", "Szczegóły"), ("en", "lecturer", "Details")],
)
def test_an_unexpected_error_in_an_observer_gets_the_generic_sentence(lang, words, summary):
    probe = Probe(lang, KeyError("missing_column"))
    probe._on_click(None)
    sentence, _before, shown_summary, details = banner(probe)
    assert words in sentence
    assert "missing_column" not in sentence and "KeyError" not in sentence
    assert shown_summary == summary
    assert "KeyError: 'missing_column'" in details and "Traceback" not in details
    probe.clear_error()
    assert probe.error_text == "" and probe._error.layout.display == "none"


class EndProbe(Dashboard):
    """A training's end as the lessons write it: ``ends_run`` / ``ends_training``."""

    def __init__(self, problem: BaseException | None):
        super().__init__("en")
        self.problem, self.ended, self._run_id = problem, [], 2
        self.trained = threading.Event()
        self.children = [self._error]

    @ends_run
    def _on_trained(self, run_id: int) -> None:
        self.ended.append(run_id)
        if self.problem is not None:
            raise self.problem

    @ends_training
    def _on_end(self) -> None:
        raise self.problem


def test_a_trainings_end_is_shown_once_and_always_sets_trained():
    quiet = EndProbe(None)
    quiet._on_trained(1)  # an older run, replaced: dropped, trained left to the newer one
    assert quiet.ended == [] and not quiet.trained.is_set()
    quiet._on_trained(2)
    assert quiet.ended == [2] and quiet.trained.is_set() and quiet.error_text == ""
    failing = EndProbe(KeyError("view"))
    failing._on_trained(2)  # an error in the end's drawing: told, and no waiter hangs
    assert failing.trained.is_set() and "lecturer" in failing.error_text
    thread_end = EndProbe(ZeroDivisionError("frame"))
    thread_end._on_end()
    assert thread_end.trained.is_set() and "lecturer" in thread_end.error_text


def test_the_technical_detail_is_escaped():
    probe = Probe("en", RuntimeError("<img src=x onerror=alert(1)>"))
    probe._on_click(None)
    assert "<img" not in probe._error.value
    assert "<img src=x onerror=alert(1)>" in banner(probe)[3]


def test_a_tensorflow_import_failure_is_told_apart_from_a_failed_build():
    future = Future()
    future.set_exception(ImportError("libtensorflow_cc.so.2: cannot open shared object file"))
    probe = Probe("pl", RuntimeError("unused"))
    probe._on_keras_loaded(future)
    sentence, _before, _summary, details = banner(probe)
    assert "TensorFlow" in sentence and POLISH_LETTERS.search(sentence)
    assert "libtensorflow" not in sentence and "ImportError: libtensorflow_cc" in details
    assert not probe.ready.is_set()

    loaded = Future()
    loaded.set_result(keras)
    probe = Probe("pl", RuntimeError("Input 0 of layer dense is incompatible"))
    probe._on_keras_loaded(loaded)
    sentence, _before, _summary, details = banner(probe)
    assert "TensorFlow" not in sentence and "modelu" in sentence
    assert "incompatible" not in sentence and "RuntimeError: Input 0" in details


# ------------------------------------------------------------- lesson 09's save and load


def test_lesson_09_save_and_load_problems_are_sentences_with_details(tmp_path):
    dashboard = KerasWorkflowDashboard(lang="pl").wait_ready()
    files = dashboard._files
    files.path.value = str(tmp_path / "nowhere.keras")
    files.load.click()
    assert dashboard.error_text.startswith("Nie ma pliku") and dashboard.error_details == ""
    blocker = tmp_path / "a_file"
    blocker.write_text("")
    files.path.value = str(blocker / "m.keras")  # a folder that is a file: cannot be written
    files.save.click()
    sentence, _before, _summary, details = banner(dashboard)
    assert sentence.startswith("Nie udało się zapisać modelu") and "Error" not in sentence
    assert "Error" in details and str(blocker) in details
    (tmp_path / "junk.keras").write_text("not a model")
    files.path.value = str(tmp_path / "junk.keras")
    before = dashboard.model
    files.load.click()
    sentence, _before, _summary, details = banner(dashboard)
    assert sentence.startswith("Nie udało się wczytać") and dashboard.model is before
    assert details  # what Keras said, for the lecturer
