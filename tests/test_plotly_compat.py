"""Every private plotly name ``widgets/figures/plotly_compat.py`` relies on is in the
installed plotly: its Python half (plotly.py) and its browser half (the jupyterlab-plotly
lab extension's bundled JavaScript).

A failure names the missing name, the installed plotly and the version the module was
written for. The fix goes in ``widgets/figures/plotly_compat.py`` only (its docstring says
what each name is for); pyproject.toml allows any plotly 5.x from 5.24.
"""

from __future__ import annotations

import importlib
import inspect
import json
import re
from pathlib import Path

import plotly
import plotly.graph_objects as go
import pytest
from jupyter_core.paths import jupyter_path
from plotly.basewidget import BaseFigureWidget

COMPAT = "widgets/figures/plotly_compat.py"

try:
    from widgets.figures import plotly_compat as compat
except ImportError as error:  # a module-level name, e.g. plotly.serializers._py_to_js
    pytest.fail(f"{COMPAT} cannot import from plotly {plotly.__version__}: {error}", False)


def broken(what: str, installed: str = f"plotly {plotly.__version__}") -> str:
    return (
        f"{what}: {installed} is installed, {COMPAT} is written for plotly "
        f"{compat.PLOTLY_VERSION}; adapt that module (its docstring says what each name is for)"
    )


# ----------------------------------------------------------------------- plotly.py


@pytest.mark.parametrize("name", compat.TRAITS)
def test_figure_widget_has_the_trait(name):
    assert name in go.FigureWidget.class_traits(), broken(f"FigureWidget has no trait {name!r}")


@pytest.mark.parametrize("name", compat.METHODS)
def test_figure_widget_has_the_method(name):
    assert callable(getattr(go.FigureWidget, name, None)), broken(
        f"FigureWidget has no method {name!r}"
    )


@pytest.mark.parametrize("name", compat.INSTANCE_ATTRIBUTES)
def test_a_figure_widget_has_the_attribute(name):
    assert hasattr(go.FigureWidget(), name), broken(f"a FigureWidget has no attribute {name!r}")


@pytest.mark.parametrize("name", compat.TRACE_METHODS)
def test_a_trace_has_the_method(name):
    assert callable(getattr(go.Scatter(), name, None)), broken(f"a trace has no method {name!r}")


@pytest.mark.parametrize(("module", "name"), compat.MODULE_NAMES)
def test_the_module_has_the_name(module, name):
    assert hasattr(importlib.import_module(module), name), broken(f"{module} has no {name!r}")


def test_the_browser_classes_are_the_ones_the_patch_looks_for():
    traits = go.FigureWidget.class_traits()
    for trait, expected in (
        ("_model_name", compat.JS_MODEL),
        ("_view_name", compat.JS_VIEW),
        ("_model_module", compat.JS_MODULE),
        ("_view_module", compat.JS_MODULE),
    ):
        found = traits[trait].default_value
        assert found == expected, broken(f"FigureWidget.{trait} is {found!r}, not {expected!r}")


@pytest.mark.parametrize("name", ["_data", "_layout", "_config", "_py2js_update"])
def test_plotly_serialises_its_traits_with_the_serializer_the_figure_replaces(name):
    to_json = go.FigureWidget.class_traits()[name].metadata.get("to_json")
    assert to_json is compat.PLOTLY_SERIALIZER, broken(
        f"FigureWidget.{name} is serialised by {to_json!r}, not plotly.serializers._py_to_js"
    )
    assert compat.PLOTLY_SERIALIZER(compat.UNDEFINED, None) == compat.UNDEFINED_JS, broken(
        f"plotly's serializer no longer sends Undefined as {compat.UNDEFINED_JS!r}"
    )


@pytest.mark.parametrize(
    ("handler", "trait"),
    [
        ("_handler_js2py_traceDeltas", "_js2py_traceDeltas"),
        ("_handler_js2py_layoutDelta", "_js2py_layoutDelta"),
    ],
)
def test_plotly_observes_the_answers_with_the_handlers_the_figure_replaces(handler, trait):
    found = inspect.getattr_static(BaseFigureWidget, handler, None)
    assert trait in getattr(found, "trait_names", ()), broken(
        f"BaseFigureWidget.{handler} is not plotly's observer of {trait!r}"
    )


def test_plotlys_own_delta_handling_is_replaced():
    # plotly's handler looks each delta's trace up by uid and raises for an unknown one.
    figure = compat.EditIdFigureWidget(go.Scatter(y=[1, 2]))
    compat.send_update(figure, {}, {}, [0])
    figure._js2py_traceDeltas = {
        "trace_deltas": [{"uid": "no such trace"}],
        "trace_edit_id": figure._last_trace_edit_id,
    }
    assert figure.updates_in_flight() == 1  # the layout's answer has not come yet
    assert not figure._trace_edit_in_process


def test_send_update_sends_the_message_the_patch_reads():
    figure = go.FigureWidget(go.Scatter(y=[1, 2]))
    sent = []
    figure.observe(lambda change: sent.append(change["new"]), names="_py2js_update")
    before = figure._last_trace_edit_id, figure._last_layout_edit_id
    compat.send_update(figure, {"y": [[3, 4]]}, {"title.text": "t"}, [0])
    (message,) = [m for m in sent if m]
    assert {"style_data", "layout_data", "style_traces", "trace_edit_id", "layout_edit_id"} <= set(
        message
    ), broken(f"the _py2js_update message changed: {sorted(message)}")
    assert message["style_data"] == {"y": [[3, 4]]} and message["style_traces"] == [0]
    after = figure._last_trace_edit_id, figure._last_layout_edit_id
    assert (
        after
        == (before[0] + 1, before[1] + 1)
        == (
            message["trace_edit_id"],
            message["layout_edit_id"],
        )
    ), broken("_send_update_msg no longer advances the edit ids")


def test_own_data_and_layout_hold_what_was_set_and_batches_gather_edits():
    figure = go.FigureWidget(go.Scatter(y=[1, 2]), layout={"title": {"text": "t"}})
    assert list(compat.own_data(figure)[0]["y"]) == [1, 2], broken("FigureWidget._data changed")
    assert compat.own_layout(figure)["title"] == {"text": "t"}, broken("FigureWidget._layout")
    with figure.batch_update():
        figure.data[0].name = "a"
        edits = dict(compat.batch_trace_edits(figure))
    assert edits == {0: {"name": "a"}}, broken(f"_batch_trace_edits holds {edits!r}")


# ----------------------------------------------------------------------- the browser's side


def lab_extension() -> Path:
    for base in jupyter_path("labextensions"):
        folder = Path(base) / compat.JS_MODULE
        if (folder / "package.json").is_file():
            return folder
    pytest.fail(broken(f"no {compat.JS_MODULE} lab extension in {jupyter_path('labextensions')}"))


def extension_version(folder: Path) -> str:
    return f"{compat.JS_MODULE} {json.loads((folder / 'package.json').read_text())['version']}"


def figure_module(folder: Path) -> str:
    """The bundled script that defines FigureModel and FigureView."""
    for script in sorted((folder / "static").glob("*.js")):
        text = script.read_text(errors="replace")
        if f'model_name="{compat.JS_MODEL}"' in text or f"'{compat.JS_MODEL}'" in text:
            return text
    pytest.fail(
        broken(f"no script of {folder} defines {compat.JS_MODEL}", extension_version(folder))
    )


def test_the_lab_extension_registers_the_container_the_patch_opens():
    folder = lab_extension()
    (entry,) = (folder / "static").glob("remoteEntry.*.js")
    text = entry.read_text(errors="replace")
    for name in (*compat.JS_CONTAINER, f'["{compat.JS_MODULE}"]'):
        if name not in text:  # not an assert: pytest would print the whole script
            pytest.fail(broken(f"{entry.name} has no {name!r}", extension_version(folder)))


@pytest.mark.parametrize("name", [compat.JS_MODEL, compat.JS_VIEW, *compat.JS_NAMES])
def test_the_figure_module_has_the_name(name):
    folder = lab_extension()
    if name not in figure_module(folder):  # not an assert: pytest would print the whole script
        pytest.fail(
            broken(f"its FigureModel/FigureView module has no {name!r}", extension_version(folder))
        )


def test_the_view_normalises_trace_indexes_before_it_marks_the_update():
    # The patch hides _doNotReportToPy from inside _normalize_trace_indexes: the view's
    # do_update must call it after reading _py2js_update and before adding the key.
    folder = lab_extension()
    text = figure_module(folder)
    windows = [text[m.end() : m.end() + 400] for m in re.finditer(r"_py2js_update\"\)", text)]
    ordered = [
        w
        for w in windows
        if "_normalize_trace_indexes" in w
        and "_doNotReportToPy" in w
        and w.index("_normalize_trace_indexes") < w.index("_doNotReportToPy")
    ]
    assert ordered, broken(
        "FigureView.do_update no longer calls _normalize_trace_indexes before it adds "
        "_doNotReportToPy",
        extension_version(folder),
    )


def test_the_extension_is_the_plotly_version_installed():
    folder = lab_extension()
    assert extension_version(folder) == f"{compat.JS_MODULE} {plotly.__version__}", broken(
        f"the lab extension is {extension_version(folder)}"
    )


# ----------------------------------------------------------------------- the list itself


def test_every_name_relied_on_is_explained_in_the_docstring():
    names = [
        *compat.TRAITS,
        *compat.INSTANCE_ATTRIBUTES,
        *compat.METHODS,
        *compat.TRACE_METHODS,
        *(name for _, name in compat.MODULE_NAMES),
        *compat.JS_NAMES,
        *compat.JS_CONTAINER,
        compat.JS_MODEL,
        compat.JS_VIEW,
        compat.JS_MODULE,
        compat.UNDEFINED_JS,
    ]
    unexplained = [name for name in names if name not in compat.__doc__]
    assert not unexplained, f"{COMPAT}'s docstring does not say what these are for: {unexplained}"


def test_every_plotly_name_in_the_browser_patch_is_listed():
    own = {"__dlFastUpdates", "__dlPending", "_light"}  # the course's names
    used = set(re.findall(r"\b_{1,2}[A-Za-z]\w*", compat.VIEW_PATCH_ESM)) - own
    unlisted = used - set(compat.JS_NAMES) - set(compat.JS_CONTAINER)
    assert not unlisted, f"{COMPAT}: add {sorted(unlisted)} to JS_NAMES (the test checks them)"
