"""The lessons as a student sees them: Voilà in headless Chromium.

Every lesson page found in lessons/{en,pl}/ that no lesson's own browser test opens
(:data:`OWN_TESTS`) is opened; :data:`LESSONS` says what more to check in each (add an entry for a new lesson that needs more than the generic checks:
the dashboard appears, ``.dl-ready`` within 60 s, no error text). The index pages must
link every lesson of their language and the other language's index. The McCulloch-Pitts
lesson is also opened once through jupyter-server (``/voila/render/lessons/...``), the way
Binder serves it. Screenshots of each lesson go to tests/browser/screenshots/.

Run: ``python -m pytest tests/browser -v`` (10-15 s per lesson and language on 2 cores:
each kernel imports TensorFlow). Needs Debian's Chromium; see conftest.py.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from . import support
from .conftest import SCREENSHOTS

pytestmark = [pytest.mark.browser, pytest.mark.timeout(240)]

LANGUAGES = ("en", "pl")
INDEX = "00_index.ipynb"
READY_TIMEOUT = 60.0  # seconds from opening a lesson to .dl-ready

Check = Callable[["Page"], None]  # noqa: F821  (playwright's Page, imported lazily)


# --------------------------------------------------------------------------- lesson checks


def figure_state(page, selector: str) -> str:
    """The data and shapes of the plotly figure at ``selector``, as a comparable string."""
    return page.evaluate(
        """(selector) => {
            const gd = document.querySelector(selector);
            if (!gd) { return null; }
            const plain = (key, value) => ArrayBuffer.isView(value) ? Array.from(value) : value;
            try {
                return JSON.stringify(
                    {data: gd.data, shapes: (gd.layout || {}).shapes}, plain);
            } catch (error) {
                return gd.innerHTML;
            }
        }""",
        selector,
    )


def check_mcp_slider_moves_table_and_plane(page) -> None:
    """Arrow keys on the first weight slider change the truth table and the input plane."""
    dashboard = page.locator(support.DASHBOARD).first
    table = dashboard.locator(".dl-truth-table").first
    figure_selector = f"{support.DASHBOARD} {support.PLOTLY_FIGURE}"
    slider = dashboard.locator(".widget-slider").first
    handle = slider.locator(support.SLIDER_HANDLE).first
    readout = slider.locator(support.SLIDER_READOUT).first
    table.wait_for(state="visible")
    page.locator(figure_selector).first.wait_for(state="visible")

    for key in ("ArrowRight", "ArrowLeft"):  # one of them moves the slider off its value
        readout_before = readout.inner_text()
        table_before = table.inner_text()
        figure_before = figure_state(page, figure_selector)
        shapes_before = support.plotly_shapes(page, figure_selector)
        handle.focus()
        page.keyboard.press(key)
        try:
            support.wait_until_changed(readout.inner_text, readout_before, "the slider's readout")
        except AssertionError:
            continue  # at the end of its range: try the other direction
        support.wait_until_changed(
            table.inner_text, table_before, "the truth table (.dl-truth-table)"
        )
        support.wait_until_changed(
            lambda: figure_state(page, figure_selector),
            figure_before,
            f"the plotly figure ({figure_selector})",
        )
        # The boundary moved in what plotly.js holds, not only in what the kernel sent.
        support.wait_until_changed(
            lambda: support.plotly_shapes(page, figure_selector), shapes_before, "the boundary"
        )
        break
    else:
        raise AssertionError("neither ArrowRight nor ArrowLeft moved the first slider")
    assert support.page_problems(page) == []


def check_mcp_input_toggles_answer(page) -> None:
    """The rows of 0/1 buttons (the inputs x1, x2) are enabled in the page once the
    dashboard is ready, and a click on one moves the diagram's input. ipywidgets 8.1 left
    a row labelled 0 and 1 greyed out after it had been disabled while Keras loaded
    (``widgets.controls.Toggles``)."""
    dashboard = page.locator(support.DASHBOARD).first
    rows = dashboard.locator(".widget-toggle-buttons")
    visible = [rows.nth(i) for i in range(rows.count()) if rows.nth(i).is_visible()]
    assert len(visible) >= 2
    for row in visible:
        disabled = row.locator("button[disabled]").count()
        assert disabled == 0, f"{row.inner_text()!r}: {disabled} buttons still disabled"
    x1 = visible[0]
    diagram_before = dashboard.locator(".dl-truth-table").first.inner_html()
    x1.locator("button:not(.mod-active)").first.click()
    support.wait_until_changed(
        lambda: dashboard.locator(".dl-truth-table").first.inner_html(),
        diagram_before,
        "the truth table's current row",
    )


@dataclass(frozen=True)
class Lesson:
    """What to check in a lesson notebook beyond opening it."""

    dashboard: bool = True  # False: a page of text, no .dl-dashboard to wait for
    checks: tuple[Check, ...] = ()


#: Lessons by file stem (the same in every language). A lesson not listed here gets
#: ``Lesson()``: its dashboard must appear and become ready without errors.
LESSONS: dict[str, Lesson] = {
    "02_mcculloch_pitts": Lesson(
        checks=(check_mcp_slider_moves_table_and_plane, check_mcp_input_toggles_answer)
    ),
}


def lesson_notebooks(lang: str) -> list[str]:
    folder = support.LESSONS_DIR / lang
    return sorted(p.name for p in folder.glob("[0-9][0-9]_*.ipynb") if p.name != INDEX)


def _both(stem: str) -> list[tuple[str, str]]:
    return [(lang, stem) for lang in LANGUAGES]


#: (language, lesson) pages another browser test of this folder opens, waits for
#: ``.dl-ready`` on and checks for page problems: :func:`test_lesson` would open them once
#: more (a kernel and a TensorFlow import each, 15-30 s of the suite's browser worker).
#: :func:`test_pages_left_out_are_opened_by_their_own_tests` keeps this honest.
OWN_TESTS: dict[str, list[tuple[str, str]]] = {
    "test_lesson_01_03.py": [("en", "01_history"), ("pl", "03_hebb")],
    "test_lesson_04.py": _both("04_perceptron"),
    "test_lesson_05_06.py": _both("05_adaline") + _both("06_activations"),
    "test_lesson_07.py": _both("07_playground"),
    "test_lesson_08.py": _both("08_deep_vs_shallow"),
    "test_lesson_09.py": _both("09_keras_mnist"),
    "test_lesson_10.py": _both("10_cnn"),
    "test_lesson_11.py": _both("11_rnn"),
    "test_lesson_12.py": _both("12_autoencoders"),
    "test_lesson_13.py": _both("13_rbm"),
    "test_lesson_14.py": _both("14_gan"),
    "test_lesson_15.py": _both("15_keras_layers"),
    "test_lesson_16.py": _both("16_pretrained"),
}
COVERED = {page for pages in OWN_TESTS.values() for page in pages}

LESSON_PARAMS = [
    pytest.param(lang, name, id=f"{lang}-{name.removesuffix('.ipynb')}")
    for lang in LANGUAGES
    for name in lesson_notebooks(lang)
    if (lang, name.removesuffix(".ipynb")) not in COVERED
]


def open_lesson(open_page, server: support.Server, notebook: str, lesson: Lesson, shot: str):
    """Open a lesson, wait for its dashboard and readiness, check it shows no error."""
    page = open_page(server, notebook)
    if lesson.dashboard:
        started = time.monotonic()
        support.wait_for_widgets(page, timeout=READY_TIMEOUT)
        left = max(READY_TIMEOUT - (time.monotonic() - started), 1.0)
        try:
            support.wait_for_widgets(page, ready=True, timeout=left)
        except Exception as error:
            support.save_screenshot(page, SCREENSHOTS / f"NOT_READY_{shot}.png")
            problems = support.page_problems(page)
            raise AssertionError(
                f"{notebook}: no {support.READY} within {READY_TIMEOUT:.0f} s; page "
                f"problems: {problems}; screenshot {SCREENSHOTS}/NOT_READY_{shot}.png"
            ) from error
    else:
        support.wait_for_rendered(page, timeout=READY_TIMEOUT)
    assert support.page_problems(page) == []
    return page


# --------------------------------------------------------------------------- tests


@pytest.mark.parametrize("lang", LANGUAGES)
def test_index_links_lessons_and_other_language(voila_server, open_page, lang):
    page = open_page(voila_server, f"{lang}/{INDEX}")
    support.wait_for_rendered(page, timeout=READY_TIMEOUT)
    page.wait_for_selector(".dl-index a", timeout=READY_TIMEOUT * 1000)
    assert support.page_problems(page) == []
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    prefix = voila_server.render_url(f"{lang}/")
    for name in lesson_notebooks(lang):
        assert prefix + name in hrefs, f"{lang}/{INDEX} does not link {name}; links: {hrefs}"
    other = next(code for code in LANGUAGES if code != lang)
    assert voila_server.render_url(f"{other}/{INDEX}") in hrefs, hrefs

    # The first lesson's link opens it (in a new tab: JupyterLab's HTML sanitizer gives
    # links in outputs target="_blank"). Voilà answers at once and then runs the notebook;
    # the answer is enough here, test_lesson checks what the lesson shows.
    first = lesson_notebooks(lang)[0]
    link = page.locator(f"a[href$='{first}']").first
    if link.get_attribute("target") == "_blank":
        with page.context.expect_page() as popup:
            link.click()
        lesson_page = popup.value
    else:
        link.click()
        lesson_page = page
    lesson_page.wait_for_url(prefix + first, wait_until="commit", timeout=30_000)
    status = lesson_page.evaluate("performance.getEntriesByType('navigation')[0].responseStatus")
    assert status == 200, f"{prefix + first}: HTTP {status}"
    # Its kernel has started once the page config is there: leaving then shuts it down.
    lesson_page.locator("#jupyter-config-data").wait_for(state="attached", timeout=30_000)


@pytest.mark.parametrize(("lang", "name"), LESSON_PARAMS)
def test_lesson(voila_server, open_page, lang, name):
    stem = name.removesuffix(".ipynb")
    lesson = LESSONS.get(stem, Lesson())
    page = open_lesson(open_page, voila_server, f"{lang}/{name}", lesson, f"{lang}_{stem}")
    for check in lesson.checks:
        check(page)
    support.save_screenshot(page, SCREENSHOTS / f"{lang}_{stem}.png")


def test_pages_left_out_are_opened_by_their_own_tests():
    """Each test file :data:`OWN_TESTS` names exists, opens its lessons in the languages
    listed, and checks the page for problems (errors, tracebacks)."""
    here = support.REPO_ROOT / "tests" / "browser"
    for name, pages in OWN_TESTS.items():
        source = (here / name).read_text()
        assert "page_problems" in source, f"{name} does not check the page for problems"
        for lang, stem in pages:
            assert stem in source, f"{name} does not open {stem}"
            assert f'"{lang}' in source, f"{name} does not open the {lang} page of {stem}"


def test_mcp_lesson_through_jupyter_server(jupyter_server, open_page):
    """Binder serves Voilà as a jupyter-server extension, at /voila/render/lessons/..."""
    page = open_lesson(
        open_page,
        jupyter_server,
        "lessons/en/02_mcculloch_pitts.ipynb",
        LESSONS["02_mcculloch_pitts"],
        "jupyter-server_en_02_mcculloch_pitts",
    )
    check_mcp_slider_moves_table_and_plane(page)
    support.save_screenshot(page, SCREENSHOTS / "jupyter-server_en_02_mcculloch_pitts.png")


def test_leaving_a_page_shuts_its_kernel_down(voila_server, open_page):
    page = open_page(voila_server, f"en/{INDEX}", xsrf_cookie=False)
    support.wait_for_rendered(page, timeout=READY_TIMEOUT)
    page.wait_for_load_state("load")  # the widget manager, which posts the shutdown
    kernel_id = support.page_kernel_id(page)
    assert kernel_id and voila_server.kernel(kernel_id) is not None
    page.goto("about:blank")
    # Voilà shuts it down within a second on an idle machine; 15 s leaves room for a
    # loaded one and still tells a shut-down kernel from one left to the culler (minutes).
    assert voila_server.wait_kernel_gone(kernel_id, timeout=15), (
        f"kernel {kernel_id} still runs 15 s after the page was left"
    )
