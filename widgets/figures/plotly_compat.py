"""Every use of plotly's private names, in one module: written for plotly 5.24.

The course pins plotly 5.24 (pyproject.toml; see :mod:`widgets.figures.live` for why not
6+). Its FigureWidget is an ipywidget whose Python half (``plotly.basewidget``) and
browser half (the ``jupyterlab-plotly`` lab extension) talk through private traits. The
course's speed fixes (:mod:`~widgets.figures.fast_updates`,
:mod:`~widgets.figures.light`, :mod:`~widgets.figures.live`, :mod:`widgets.resync`, and
:class:`widgets.ui.Dashboard` waiting for the first draw) need some of them. They are all
here, and nowhere else in ``widgets/``: moving to a newer plotly means changing this
module only, and ``tests/test_plotly_compat.py`` names whichever of them the installed
plotly lacks.

Python side (``plotly.graph_objs.FigureWidget`` and ``plotly.basewidget``)
---------------------------------------------------------------------------

Traits (synchronised with the browser):

- ``_data``, ``_layout``: the figure's own copies of what was set, as validated.
  :func:`own_data` and :func:`own_layout` read them; ``live.update_traces`` compares new
  values against them, 50 times faster than ``trace["marker.color"]``.
- ``_data``, ``_layout``, ``_config`` and every ``_py2js_*`` message are tagged with
  ``to_json=_py_to_js``: :meth:`EditIdFigureWidget.trait_metadata` swaps that serializer
  for the subclass's ``serializer`` (``finite.to_js``: no NaN or ±inf in a message).
- ``_py2js_update``: the update message ``{style_data, layout_data, style_traces,
  trace_edit_id, layout_edit_id, source_view_id}``; :func:`send_update` sends one, and
  the browser patch (:data:`VIEW_PATCH_ESM`) reads its ``style_data``.
- ``_py2js_animate``: the animate message ``{style_data, layout_data, style_traces,
  animation_opts, trace_edit_id, layout_edit_id}``; the view hands it to
  ``Plotly.animate(el, {data, layout, traces}, animation_opts)`` and answers as after an
  update. :func:`batch_animate` sends one with options of our own (``live.update_traces``
  with ``redraw=False``: no transition, ``frame.redraw`` false).
- ``_js2py_traceDeltas`` ``{trace_deltas, trace_edit_id}`` and ``_js2py_layoutDelta``
  ``{layout_delta, layout_edit_id}``: the page's answer after drawing an update (and
  after the first draw). :class:`EditIdFigureWidget` reads only their edit ids;
  :func:`on_first_draw` waits for the first; :func:`is_plotly_figure` tests for the trait.
- ``_last_trace_edit_id``, ``_last_layout_edit_id``: the ids of the newest update sent
  (:meth:`EditIdFigureWidget.updates_in_flight`).

Instance attributes and methods:

- ``_trace_edit_in_process``, ``_layout_edit_in_process``, ``_waiting_edit_callbacks``:
  plotly's bookkeeping of updates not yet drawn; :class:`EditIdFigureWidget`'s answer
  handlers keep it as plotly's do.
- ``_handler_js2py_traceDeltas``, ``_handler_js2py_layoutDelta``: plotly's observers of
  the two answers. :class:`EditIdFigureWidget` defines methods of the same names, which
  is how traitlets replaces an inherited ``@observe`` handler instead of adding one.
- ``_batch_trace_edits``: the trace edits gathered inside ``batch_update()``, one dict
  per trace index (:func:`batch_trace_edits`; ``live.updating`` fills in missing keys).
- ``_send_update_msg(style, layout, trace_indexes)``: sends ``_py2js_update`` and
  advances the edit ids (:func:`send_update`, used by ``live.resend_figure``).
- ``_in_batch_mode`` and ``_perform_batch_animate(options)``: what plotly's own
  ``batch_animate()`` sets and calls on leaving, with fixed options;
  :func:`batch_animate` does the same with the options given, and only when
  ``_batch_trace_edits`` or ``_batch_layout_edits`` (the layout edits gathered) hold
  something.
- ``_model_name`` "FigureModel", ``_view_name`` "FigureView", ``_model_module`` and
  ``_view_module`` "jupyterlab-plotly": the browser classes :data:`VIEW_PATCH_ESM` patches.

Modules:

- ``plotly.serializers._py_to_js``: plotly's widget serializer (:data:`PLOTLY_SERIALIZER`).
- ``plotly.basedatatypes.Undefined``, sent as ``"_undefined_"``: the placeholder of a
  key that one trace of a batch lacks (:data:`UNDEFINED`, :data:`UNDEFINED_JS`; used by
  ``finite.to_js``, which must serialise as ``_py_to_js`` does).

Used by tests only, to act as the browser: ``_dispatch_on_click`` of a trace (a click),
setting ``_js2py_traceDeltas``/``_js2py_layoutDelta`` (a draw), observing
``_py2js_update`` (what a view receives).

Browser side (the ``jupyterlab-plotly`` 5.24 lab extension), used by :data:`VIEW_PATCH_ESM`
----------------------------------------------------------------------------------------

- ``_JUPYTERLAB["jupyterlab-plotly"]``: the extension's module-federation container; its
  ``"./index"`` module exports ``FigureModel`` and ``FigureView``.
- ``FigureModel.prototype._normalize_trace_indexes``: ``FigureView.do_update`` calls it
  after reading ``_py2js_update`` and before it adds ``_doNotReportToPy: true`` to the
  update's ``style_data`` and calls ``Plotly.update``; the patch wraps it to make that key
  non-enumerable, so plotly.js does not redraw the whole figure for an unknown key.
- ``FigureView.prototype.handle_plotly_update``: the view's ``plotly_update`` listener,
  which reports the page's own updates to the kernel; the patch makes it a no-op (only
  the kernel's updates, which it already knows, emit that event here).
- ``FigureView.prototype._sendTraceDeltas`` and ``_sendLayoutDelta``: compute and send
  ``_js2py_traceDeltas``/``_js2py_layoutDelta`` after each draw; the patch sends them in
  a task of their own, the newest of a burst only, and for an :class:`EditIdFigureWidget`
  (its synchronised ``_light`` trait, the course's own) with the edit ids alone.

Nothing else in ``widgets/`` may touch a private plotly name: use the functions here.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from operator import attrgetter

import ipywidgets
import plotly.graph_objects as go
from plotly.basedatatypes import Undefined
from plotly.serializers import _py_to_js
from traitlets import Bool, observe

PLOTLY_VERSION = "5.24"  # the plotly.py (and jupyterlab-plotly) version this is written for

# Every private name relied on, by where it lives (tests/test_plotly_compat.py checks them).
TRAITS = (
    "_data",
    "_layout",
    "_config",
    "_py2js_update",
    "_py2js_animate",
    "_js2py_traceDeltas",
    "_js2py_layoutDelta",
    "_last_trace_edit_id",
    "_last_layout_edit_id",
    "_model_name",
    "_view_name",
    "_model_module",
    "_view_module",
)
INSTANCE_ATTRIBUTES = (
    "_trace_edit_in_process",
    "_layout_edit_in_process",
    "_waiting_edit_callbacks",
    "_batch_trace_edits",
    "_in_batch_mode",
)
METHODS = (
    "_send_update_msg",
    "_handler_js2py_traceDeltas",
    "_handler_js2py_layoutDelta",
    "_perform_batch_animate",
)
TRACE_METHODS = ("_dispatch_on_click",)  # tests only: a click, as the browser reports it
MODULE_NAMES = (("plotly.serializers", "_py_to_js"), ("plotly.basedatatypes", "Undefined"))
JS_MODEL = "FigureModel"
JS_VIEW = "FigureView"
JS_MODULE = "jupyterlab-plotly"
JS_NAMES = (  # in the extension's FigureModel/FigureView module
    "_normalize_trace_indexes",
    "handle_plotly_update",
    "_sendTraceDeltas",
    "_sendLayoutDelta",
    "_doNotReportToPy",
    "_py2js_update",
    "_py2js_animate",
    "animation_opts",
    "style_data",
    "_js2py_traceDeltas",
    "trace_deltas",
    "trace_edit_id",
    "_js2py_layoutDelta",
    "layout_delta",
    "layout_edit_id",
)
JS_CONTAINER = ("_JUPYTERLAB", "./index")  # in the extension's remoteEntry script

PLOTLY_SERIALIZER = _py_to_js
UNDEFINED = Undefined
UNDEFINED_JS = "_undefined_"

_DRAWN = "_js2py_traceDeltas"  # the answer every view sends after drawing


def is_plotly_figure(widget: ipywidgets.Widget) -> bool:
    """Whether ``widget`` is a plotly FigureWidget (any subclass)."""
    return widget.has_trait(_DRAWN)


def on_first_draw(figure: go.FigureWidget, callback: Callable[[go.FigureWidget], None]) -> None:
    """Call ``callback(figure)`` once, when a page first reports having drawn ``figure``.

    Each plotly view reports its trace deltas right after drawing (then after each
    update); the observer removes itself at the first, so later updates cost nothing.
    """

    def reported(change) -> None:
        if change["new"] is None:
            return  # plotly resets the trait after reading it
        figure.unobserve(reported, names=_DRAWN)
        callback(figure)

    figure.observe(reported, names=_DRAWN)


def send_update(figure: go.FigureWidget, style: dict, layout: dict, trace_indexes: list) -> None:
    """Send one update message (``Plotly.update``) to every view of ``figure``, as is."""
    figure._send_update_msg(style, layout, trace_indexes)


@contextlib.contextmanager
def batch_animate(figure: go.FigureWidget, options: dict) -> Iterator[go.FigureWidget]:
    """Like ``figure.batch_animate()``, with ``options`` handed to ``Plotly.animate`` as
    they are (plotly's own context manager sets only durations and easing)."""
    if figure._in_batch_mode:
        yield figure
        return
    figure._in_batch_mode = True
    try:
        yield figure
    finally:
        figure._in_batch_mode = False
        # plotly sends an animate message even when nothing changed; the page then runs
        # Plotly.animate for nothing (issue 24: GAN Lab's plane "changed" for η presses).
        if figure._batch_trace_edits or figure._batch_layout_edits:
            figure._perform_batch_animate(options)


# The figure's own data (a list of one dict per trace) and layout (a dict): what was set.
own_data = attrgetter("_data")
own_layout = attrgetter("_layout")
# Inside batch_update(): the trace edits so far, {trace index: {key: value}}.
batch_trace_edits = attrgetter("_batch_trace_edits")


class EditIdFigureWidget(go.FigureWidget):
    """``go.FigureWidget`` whose page's answers only record how far the page has drawn,
    and whose messages are serialised by ``serializer`` instead of plotly's own.

    The patched view (:data:`VIEW_PATCH_ESM`) sends such a figure edit ids alone.
    """

    # Tells the patched view to answer with edit ids alone.
    _light = Bool(True).tag(sync=True)
    _drawn_layout_id = 0
    _drawn_trace_id = 0
    serializer = staticmethod(_py_to_js)  # a subclass's own, e.g. widgets.figures.finite.to_js

    def trait_metadata(self, traitname: str, key: str, default=None):
        """Trait metadata, with plotly's serializer (``to_json`` of ``_data``, ``_layout``,
        ``_config`` and every ``_py2js_*`` message) replaced by ``serializer``.

        ipywidgets looks the serializer up here for every state it sends (``get_state``),
        so this covers the first state, ``send_state`` and every update message.
        """
        value = super().trait_metadata(traitname, key, default)
        return self.serializer if value is _py_to_js else value

    def updates_in_flight(self) -> int:
        """Updates sent to the page that it has not yet reported drawn."""
        return max(
            self._last_layout_edit_id - self._drawn_layout_id,
            self._last_trace_edit_id - self._drawn_trace_id,
            0,
        )

    @observe("_js2py_layoutDelta")
    def _handler_js2py_layoutDelta(self, change):  # noqa: N802  (plotly's name)
        message = change["new"]
        if not message:
            return
        self._drawn_layout_id = max(self._drawn_layout_id, message.get("layout_edit_id", 0))
        if message.get("layout_edit_id") == self._last_layout_edit_id:
            self._layout_edit_in_process = False
            self._run_waiting_callbacks()
        self._js2py_layoutDelta = None

    @observe("_js2py_traceDeltas")
    def _handler_js2py_traceDeltas(self, change):  # noqa: N802  (plotly's name)
        message = change["new"]
        if not message:
            return
        self._drawn_trace_id = max(self._drawn_trace_id, message.get("trace_edit_id", 0))
        if message.get("trace_edit_id") == self._last_trace_edit_id:
            self._trace_edit_in_process = False
            self._run_waiting_callbacks()
        self._js2py_traceDeltas = None

    def _run_waiting_callbacks(self) -> None:
        if not (self._layout_edit_in_process or self._trace_edit_in_process):
            while self._waiting_edit_callbacks:
                self._waiting_edit_callbacks.pop()()


# The browser half of widgets.figures.fast_updates.FastFigureUpdates (see its docstring
# for what each patch saves, measured). It changes nothing where the plotly extension is
# not the expected one, and says why in the returned status.
VIEW_PATCH_ESM = """
const DELTA_MS = 0;  // the next task: after this redraw, before the next message

async function install() {
  const container = globalThis._JUPYTERLAB && globalThis._JUPYTERLAB["jupyterlab-plotly"];
  if (!container) { return "no plotly extension"; }
  const exports = (await container.get("./index"))();
  const Model = exports.FigureModel, View = exports.FigureView;
  if (!Model || !View) { return "no FigureModel or FigureView"; }
  if (Model.prototype.__dlFastUpdates) { return "patched"; }
  const normalize = Model.prototype._normalize_trace_indexes;
  if (typeof normalize !== "function" || typeof View.prototype.handle_plotly_update !== "function") {
    return "unknown plotly extension";
  }
  // Called by the view's do_update just before it marks and applies the update.
  Model.prototype._normalize_trace_indexes = function (indexes) {
    const update = this.get("_py2js_update");
    const style = update && update.style_data;
    if (style && !Object.prototype.hasOwnProperty.call(style, "_doNotReportToPy")) {
      Object.defineProperty(style, "_doNotReportToPy",
        {value: true, writable: true, enumerable: false, configurable: true});
    }
    return normalize.call(this, indexes);
  };
  View.prototype.handle_plotly_update = function () {};
  // An EditIdFigureWidget (a synchronised "_light" trait) reads only the edit ids from
  // these answers: skip computing the deltas (a deep copy of the whole figure each).
  const light = {
    _sendTraceDeltas(id) { this.model.set("_js2py_traceDeltas", {trace_deltas: [], trace_edit_id: id}); },
    _sendLayoutDelta(id) { this.model.set("_js2py_layoutDelta", {layout_delta: {}, layout_edit_id: id}); },
  };
  for (const name of ["_sendTraceDeltas", "_sendLayoutDelta"]) {
    const full = View.prototype[name];
    if (typeof full !== "function") { continue; }
    const send = function (id) {
      if (!this.model.get("_light")) { return full.call(this, id); }
      light[name].call(this, id);
      this.touch();
    };
    // In a task of its own, after the redraw; a burst of updates sends only its newest.
    View.prototype[name] = function (...args) {
      const pending = this.__dlPending || (this.__dlPending = {});
      const waiting = pending[name];
      pending[name] = args;
      if (waiting) { return; }
      setTimeout(() => {
        const latest = pending[name];
        pending[name] = null;
        send.apply(this, latest);
      }, DELTA_MS);
    };
  }
  Model.prototype.__dlFastUpdates = true;
  return "patched";
}

async function render({ model, el }) {
  let status;
  try { status = await install(); } catch (error) { status = "failed: " + error; }
  el.classList.add("dl-fast-updates");
  el.dataset.status = status;
  model.set("status", status);
  model.save_changes();
}
export default { render };
"""
