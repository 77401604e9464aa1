"""The base every dashboard builds on: language, error banner, loading state, readiness.

A dashboard subclasses :class:`Dashboard`, builds its controls and outputs with numpy only,
then calls ``self._start_model_loading()``. When Keras has been imported in the background
(see :mod:`widgets.backend`), ``_build_model(keras)`` runs, the controls listed in
``self._model_controls`` are enabled and the root gets the CSS class ``dl-ready``.
Observers wrapped in :func:`shows_errors` never fail silently: the banner (CSS class
``dl-error``) shows one sentence in the dashboard's language, the technical detail behind a
"details" toggle (see :mod:`widgets.errors`), and the traceback goes to the kernel log.
"""

from __future__ import annotations

import contextlib
import functools
import html
import logging
import threading
import traceback
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType

import ipywidgets

from .backend import import_deferred, keras_future
from .controls import (
    accepts,
    bounds,
    from_text,
    is_integer,
    is_switch,
    option_values,
    value_for,
)
from .errors import StudentError, banner_html, describe
from .figures.plotly_compat import is_plotly_figure, on_first_draw
from .i18n import Strings, check_language, number
from .resync import resend_state, walk

log = logging.getLogger("widgets")

TEXT = Strings(
    "ui",
    {
        "loading": {
            "pl": "⏳ Ładowanie TensorFlow… (kilka sekund; suwaki ożyją same)",
            "en": "⏳ Loading TensorFlow… (a few seconds; the controls will come alive)",
        },
        "applies_next": {
            "pl": "Działa od następnego uczenia (▶); do tego czasu nic się na stronie nie zmienia.",
            "en": "Takes effect at the next training (▶); until then nothing on the page changes.",
        },
        "unknown_setting": {
            "pl": "Nie ma ustawienia {name!r}; dostępne: {names}.",
            "en": "There is no setting {name!r}; available: {names}.",
        },
        "unknown_address": {
            "pl": "Adres strony zawiera ustawienia, których ten panel nie zna: {names}; "
            "przyjmuje: {known}.",
            "en": "The page's address has settings this dashboard does not know: {names}; "
            "it takes: {known}.",
        },
        "lecturer_summary": {
            "pl": "Dla prowadzącego: adres strony",
            "en": "For the lecturer: the page's address",
        },
        "lecturer_note": {
            "pl": "Dopisz do adresu tej strony <code>?present</code>: tryb rzutnika (większe "
            "litery i wykresy, mocniejszy kontrast, panel na początku strony). Ustawienia panelu "
            "też można podać w adresie (<code>nazwa=wartość</code>), a <code>hide=nazwa,nazwa"
            "</code> ukrywa ich kontrolki. Ten panel przyjmuje: {names}. Na przykład: "
            "<code>{example}</code>",
            "en": "Add <code>?present</code> to this page's address: projector mode (larger "
            "text and figures, stronger contrast, the dashboard at the top of the page). The "
            "dashboard's settings can be given in the address too (<code>name=value</code>), "
            "and <code>hide=name,name</code> hides their controls. This dashboard takes: "
            "{names}. For example: <code>{example}</code>",
        },
        "cannot_hide": {
            "pl": "Ustawienia {name} nie da się ukryć (nie ma jednej kontrolki).",
            "en": "The setting {name} cannot be hidden (it has no single control).",
        },
        "bad_setting": {
            "pl": "Ustawienie {name} nie przyjmie wartości {value!r}: {allowed}.",
            "en": "The setting {name} cannot take {value!r}: {allowed}.",
        },
        "allowed_range": {
            "pl": "podaj liczbę od {low} do {high}",
            "en": "give a number from {low} to {high}",
        },
        "allowed_whole": {
            "pl": "podaj liczbę całkowitą od {low} do {high}",
            "en": "give a whole number from {low} to {high}",
        },
        "allowed_options": {
            "pl": "wybierz jedno z: {options}",
            "en": "pick one of: {options}",
        },
        "busy": {
            "pl": "Trwa uczenie: zatrzymaj je przyciskiem Stop, zanim coś zmienisz.",
            "en": "Training is running: press Stop before changing anything.",
        },
        "allowed_bool": {
            "pl": "podaj True albo False",
            "en": "give True or False",
        },
    },
)


@dataclass(frozen=True)
class Setting:
    """One name :meth:`Dashboard.configure` accepts.

    ``control`` is the widget whose value the setting sets; its range or options check the
    value unless ``check`` is given (``check(value)`` returns the value to set, or raises
    ``ValueError`` whose text, in the dashboard's language, says what is allowed).
    ``apply(value)`` replaces setting ``control.value`` (for a setting spread over several
    controls, e.g. a list of weights).
    """

    control: ipywidgets.Widget | None = None
    check: Callable[[object], object] | None = None
    apply: Callable[[object], None] | None = None


def reacts(method: Callable) -> Callable:
    """Decorate a control's observer: errors go to the banner (as :func:`shows_errors`),
    and nothing runs while :meth:`Dashboard.configure` sets several controls at once (it
    redraws once at the end instead)."""
    shown = shows_errors(method)

    @functools.wraps(method)
    def wrapper(self: Dashboard, *args, **kwargs):
        if getattr(self._quiet, "depth", 0):
            return None
        return shown(self, *args, **kwargs)

    return wrapper


def shows_errors(method: Callable) -> Callable:
    """Decorate a dashboard method so an exception becomes a message in its banner."""

    @functools.wraps(method)
    def wrapper(self: Dashboard, *args, **kwargs):
        # The lock keeps an observer (main thread) from interleaving with the model build
        # in the import thread: the browser sends widget values back as soon as it renders.
        with self._lock:
            try:
                return method(self, *args, **kwargs)
            except Exception as error:  # noqa: BLE001  (shown to the student, logged in full)
                self.show_error(error)
                return None

    return wrapper


def ends_training(method: Callable) -> Callable:
    """Decorate what a training thread calls once at the end of a training: an exception
    there goes to the banner (a thread's exception would be lost) and ``trained`` is set
    whatever happens, so :meth:`TrainingDashboard.wait_trained` never hangs."""

    @functools.wraps(method)
    def wrapper(self: Dashboard, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except Exception as error:  # noqa: BLE001  (a thread: show it, never lose it)
            self.show_error(error)
            return None
        finally:
            self.trained.set()

    return wrapper


def ends_run(method: Callable) -> Callable:
    """:func:`ends_training` for a method whose first argument is its run's id: the end
    of a run replaced by a newer one (a new setting, Reset) is dropped without a word and
    leaves ``trained`` to the newer run."""
    ended = ends_training(method)

    @functools.wraps(method)
    def wrapper(self: Dashboard, run_id: int, *args, **kwargs):
        if run_id != self._run_id:
            return None
        return ended(self, run_id, *args, **kwargs)

    return wrapper


class Dashboard(ipywidgets.VBox):
    """Common behaviour of all lesson dashboards (see the module docstring)."""

    def __init__(self, lang: str, **kwargs):
        super().__init__(**kwargs)
        self.lang = check_language(lang)
        self.model = None
        self.ready = threading.Event()
        self._settled = threading.Event()  # the model was built, or building it failed
        self._load_error: BaseException | None = None
        self._error_sentence = ""
        self._error_details = ""
        self._lock = threading.RLock()
        self._model_controls: list[ipywidgets.Widget] = []
        self._error = ipywidgets.HTML(layout=ipywidgets.Layout(display="none"))
        self._error.add_class("dl-error")
        self._quiet = threading.local()  # per thread: a training thread may set controls too
        self._loading = ipywidgets.HTML(TEXT.get("loading", self.lang))
        self._loading.add_class("dl-loading")
        self.add_class("dl-dashboard")
        self.add_class(f"dl-lang-{self.lang}")  # e.g. Polish slider readouts (widgets.readouts)
        # With a view count set, the browser reports when it shows this dashboard; by then
        # all its front-end models exist, so re-sending the state repairs any update that a
        # background thread made while the page was connecting (see widgets.resync).
        self._view_count = 0
        self.observe(self._on_view_count_change, names="_view_count")

    # Construction and page ----------------------------------------------------------------
    def _build(self) -> None:
        """Build the dashboard in the order every lesson follows (its constructor's last
        call): controls, figures, the page, the events; then Keras in the background."""
        self._build_controls()
        self._explain_next_training_controls()
        self._build_figures()
        self._lay_out()
        self._wire()
        self._start_model_loading()

    def _build_controls(self) -> None:
        """Create the controls (sliders, buttons…, see :mod:`widgets.controls`)."""

    def _next_training_controls(self) -> list[ipywidgets.Widget]:
        """The controls that change nothing on the page until the next training (a learning
        rate, an optimizer, the epochs of a ▶); subclasses list theirs."""
        return []

    def _explain_next_training_controls(self) -> None:
        """Each of :meth:`_next_training_controls` says in its tooltip, in the page's
        language, why a press shows nothing yet (issue 24: a silent control says why)."""
        note = TEXT.get("applies_next", self.lang)
        for control in self._next_training_controls():
            tip = getattr(control, "tooltip", None)
            control.tooltip = f"{tip} {note}" if tip else note

    def _build_figures(self) -> None:
        """Create the figures and the outputs."""

    def _lay_out(self) -> None:
        """Arrange controls and figures; ends with :meth:`_page`."""

    def _wire(self) -> None:
        """Connect the controls' events to the dashboard's methods."""

    def _page(self, title: str, intro: str, *body: ipywidgets.Widget, style: str = "") -> None:
        """Lay out the page every lesson shares: the stylesheet (and the lesson's own
        ``style`` rules, if any), the title and a short explanation, the loading line and
        the error banner, then ``body``."""
        from .figures.style import stylesheet
        from .presenter import PageAddress, on_address
        from .watchdog import KernelWatchdog

        style = ipywidgets.HTML(f"<style>{stylesheet()}{style}</style>")
        style.layout.display = "none"
        header = ipywidgets.HTML(f"<h2>{title}</h2><div class='dl-intro'>{intro}</div>")
        header.add_class("dl-header")
        # Says so when a class server culls this page's kernel (widgets/watchdog.py).
        watchdog = KernelWatchdog(self.lang)
        # Presenter mode and settings from the page's URL (widgets/presenter.py).
        names = ["*"] if self.reads_own_address else sorted(self._settings())
        address = PageAddress(names=names)
        footer = self._code_views()
        if not self.reads_own_address:
            on_address(address, self._apply_address, self._report_unknown_address)
            footer += [self._lecturer_note()] if names else []
        top = [style, header, watchdog, address, self._loading, self._error]
        self.children = [*top, *body, *footer]

    def _lecturer_note(self) -> ipywidgets.HTML:
        """A closed note at the foot of the dashboard: the address's presenter mode and the
        settings it takes, with an example from the current values (widgets/presenter.py)."""
        from .presenter import example_query

        t = TEXT.for_language(self.lang)
        table = self._setting_table()
        names = ", ".join(f"<code>{name}</code>" for name in sorted(table))
        note = t("lecturer_note", names=names, example=html.escape(example_query(table)))
        note = ipywidgets.HTML(
            f"<details><summary>{t('lecturer_summary')}</summary>{note}</details>"
        )
        note.add_class("dl-lecturer")
        return note

    # Show the code ------------------------------------------------------------------------
    _code_view = None  # the "show the code" panel (widgets/code_view.py), if the lesson has code()

    def code(self) -> str:
        """Runnable Keras 3 code that rebuilds what the dashboard shows and names it
        ``model`` (issue 23). A lesson that overrides this gets the "show the code" panel at
        its foot; tests/test_show_code.py runs the code and compares it with the dashboard."""
        raise NotImplementedError

    def _has_code(self) -> bool:
        return type(self).code is not Dashboard.code

    def _code_views(self) -> list[ipywidgets.Widget]:
        if not self._has_code():
            return []
        from .code_view import CodeView

        self._code_view = CodeView(self.code, self.lang)
        return [self._code_view]

    def _watch_code(self) -> None:
        """Rewrite the open code panel after every change of a setting's control. Called
        last in construction, so it runs after the lesson's own observers of the control."""
        if self._code_view is None:
            return
        controls = [setting.control for setting in self._setting_table().values()]
        controls += self._model_controls  # also those no setting names (a topology switch)
        watched: set[int] = set()
        for control in controls:
            if control is None or id(control) in watched or not control.has_trait("value"):
                continue
            watched.add(id(control))
            control.observe(lambda _change: self._refresh_code(), names="value")

    def _refresh_code(self) -> None:
        """Rewrite the open code panel (a lesson calls it when its state changes in a way
        no setting's control shows, e.g. after training or on new data)."""
        if self._code_view is not None:
            self._code_view.refresh()

    # Settings from code -------------------------------------------------------------------
    #: Lesson 07 reads its whole state from the page's URL itself (widgets/playground/state.py).
    reads_own_address = False
    _model_loading = False  # between _start_model_loading and the model's end of building
    _pending_address: str | None = None  # the page's query, kept until the model is built

    def _settings(self) -> dict[str, Setting | ipywidgets.Widget]:
        """The names :meth:`configure` accepts; a bare widget means ``Setting(widget)``."""
        return {}

    def _setting_table(self) -> dict[str, Setting]:
        return {
            name: entry if isinstance(entry, Setting) else Setting(entry)
            for name, entry in self._settings().items()
        }

    @shows_errors
    def _apply_address(self, query: str) -> None:
        """Settings and ``hide=`` from the page's URL (see :mod:`widgets.presenter`)."""
        from .presenter import literal, parse_query

        with self._lock:  # building the model sets the controls: the address comes after
            if self._model_loading:
                self._pending_address = query
                return
        settings, hidden = parse_query(query)
        table = self._setting_table()
        values = {
            name: from_text(table[name].control, text) if table[name].control else literal(text)
            for name, text in settings.items()
            if name in table  # the others: another dashboard's, or reported by the page
        }
        if values:
            self.configure(**values)
        for name in hidden:
            if name not in table:
                raise StudentError("ui.unknown_setting", name=name, names=", ".join(table))
            if table[name].control is None:
                raise StudentError("ui.cannot_hide", name=name)
            table[name].control.layout.display = "none"

    def _report_unknown_address(self, names: list[str]) -> None:
        known = ", ".join(sorted(self._settings())) or "–"
        self.show_error(StudentError("ui.unknown_address", names=", ".join(names), known=known))

    @shows_errors
    def configure(self, **settings) -> None:
        """Set several controls from code (a notebook cell, a URL preset), then redraw once.

        Every value is checked before any is set: an unknown name or a value out of its
        control's range changes nothing and is told in the banner, in the page's language.
        """
        table = self._setting_table()
        checked = {
            name: self._check_setting(table, name, value) for name, value in settings.items()
        }
        self.clear_error()
        with self._quietly():
            for name, value in checked.items():
                setting = table[name]
                if setting.apply is not None:
                    setting.apply(value)
                else:
                    setting.control.value = value
        self._after_configure(checked)
        self._refresh_code()

    def _after_configure(self, settings: dict) -> None:
        """Redraw after :meth:`configure`; lessons whose settings rebuild a model override."""
        self._refresh()

    def _refresh(self) -> None:
        """Draw the current state; each lesson defines what that means."""

    @contextlib.contextmanager
    def _quietly(self) -> Iterator[None]:
        """Set controls without their observers (:func:`reacts`) running: the observers
        this thread would run; another thread's (a student moving a slider while a
        training thread sets the epoch) still run."""
        self._quiet.depth = getattr(self._quiet, "depth", 0) + 1
        try:
            with self.hold_trait_notifications():
                yield
        finally:
            self._quiet.depth -= 1

    def _check_setting(self, table: dict[str, Setting], name: str, value: object) -> object:
        if name not in table:
            raise StudentError("ui.unknown_setting", name=name, names=", ".join(sorted(table)))
        setting = table[name]
        try:
            if setting.check is not None:  # may raise the lesson's own StudentError
                return setting.check(value)
            if accepts(setting.control, value):
                return value_for(setting.control, value)
            allowed = self._allowed(setting.control)
        except StudentError:
            raise
        except ValueError as error:
            allowed = str(error)
        raise StudentError("ui.bad_setting", name=name, value=value, allowed=allowed)

    def _allowed(self, control: ipywidgets.Widget) -> str:
        """What ``control`` takes, as a phrase in the page's language."""
        t = TEXT.for_language(self.lang)
        if is_switch(control):
            return t("allowed_bool")
        if hasattr(control, "options"):
            return t("allowed_options", options=", ".join(map(str, option_values(control))))
        low, high = bounds(control)
        key = "allowed_whole" if is_integer(control) else "allowed_range"
        return t(key, low=number(low, self.lang), high=number(high, self.lang))

    # Errors -------------------------------------------------------------------------------
    def show_error(self, error: BaseException | str, key: str | None = None) -> None:
        """Show one sentence in the banner, the technical detail behind a toggle.

        ``error`` is an exception or an already translated sentence. A
        :class:`~widgets.errors.StudentError` brings its own sentence; for any other
        exception the sentence is ``key`` of :data:`widgets.errors.TEXT` (by default the
        generic "unexpected" one). The traceback goes to the kernel log for the lecturer.
        """
        if isinstance(error, BaseException):
            trace = "".join(traceback.format_exception(error))
            if isinstance(error, StudentError):
                log.warning(trace)
            else:
                log.error(trace)
        sentence, details = describe(error, self.lang, key)
        self._error_sentence, self._error_details = sentence, details
        self._error.value = banner_html(sentence, details, self.lang)
        self._error.layout.display = None

    def clear_error(self) -> None:
        """Hide the banner."""
        self._error_sentence = self._error_details = ""
        self._error.value = ""
        self._error.layout.display = "none"

    @property
    def error_text(self) -> str:
        """The sentence the student reads in the banner, or '' (for tests)."""
        return self._error_sentence

    @property
    def error_details(self) -> str:
        """The technical text behind the banner's toggle, or '' (for tests)."""
        return self._error_details

    def _on_view_count_change(self, change) -> None:
        if change["new"] and not change["old"]:
            self._start_import_when_drawn()
            with self._lock:
                resend_state(self)
                self._add_fast_figure_updates()

    def _add_fast_figure_updates(self) -> None:
        """Add the invisible FastFigureUpdates (widgets/figures/fast_updates.py) and, on a
        Polish page, PolishReadouts (widgets/readouts.py) once the dashboard is shown: last,
        so that loading their front ends delays no other widget."""
        from .figures.fast_updates import FastFigureUpdates
        from .readouts import PolishReadouts

        helpers = [FastFigureUpdates] + ([PolishReadouts] if self.lang == "pl" else [])
        missing = [kind for kind in helpers if not any(isinstance(c, kind) for c in self.children)]
        if missing:
            self.children = (*self.children, *(kind() for kind in missing))

    def _start_import_when_drawn(self, timeout: float = 3.0) -> None:
        """Start a deferred TensorFlow import once every figure has been drawn.

        The dashboard's root is shown before its plotly figures are drawn; an import that
        starts then takes the CPU the browser needs to draw them (2 cores). Each plotly
        view reports when it has drawn; ``timeout`` covers figures that are hidden and
        never draw.
        """
        if not import_deferred() or keras_future(start=False).done():
            return
        waiting = {id(w): w for w in walk(self) if is_plotly_figure(w)}

        def drawn(figure) -> None:
            waiting.pop(id(figure), None)
            if not waiting:
                keras_future()

        for figure in waiting.values():
            on_first_draw(figure, drawn)
        timer = threading.Timer(timeout if waiting else 0.0, keras_future)
        timer.daemon = True
        timer.start()

    # Model loading ------------------------------------------------------------------------
    def _start_model_loading(self) -> None:
        """Disable the model's controls and build the model once Keras is imported."""
        self._localise_figures()
        self._watch_code()
        for control in self._model_controls:
            control.disabled = True
        self._model_loading = True
        keras_future(start=not import_deferred()).add_done_callback(self._on_keras_loaded)

    def _on_keras_loaded(self, future) -> None:
        # Runs in the import thread (or at once, if Keras is already there): widget updates
        # from a thread reach the browser with ipykernel >= 7.1.
        try:
            keras = future.result()
        except Exception as error:  # noqa: BLE001  (the import itself failed)
            self._load_failed(error, "tensorflow_failed")
            return
        try:
            with self._lock:
                self._build_model(keras)
        except Exception as error:  # noqa: BLE001  (the model or its data failed)
            self._load_failed(error, "build_failed")
            return
        for control in self._model_controls:
            control.disabled = False
        self._loading.layout.display = "none"
        self.add_class("dl-ready")
        with self._lock:  # an address that came while the model was built: its turn now
            self.ready.set()
            self._model_loading = False
            address, self._pending_address = self._pending_address, None
        self._settled.set()
        if address:
            self._apply_address(address)

    def _load_failed(self, error: BaseException, key: str) -> None:
        self._load_error = error
        self._model_loading = False
        self.show_error(error, key=key)
        self._loading.value = ""
        self._settled.set()

    def _localise_figures(self) -> None:
        """Every plotly figure of the dashboard writes numbers as the page's language does,
        in hover labels and on axes ("0,5" and "12 000" in Polish): here once for every
        lesson, at the end of its constructor."""
        from .figures.style import separators

        for widget in walk(self):
            if is_plotly_figure(widget):
                widget.layout.separators = separators(self.lang)

    def _build_model(self, keras: ModuleType) -> None:
        """Build ``self.model`` and draw the first state; subclasses override."""
        raise NotImplementedError

    def wait_ready(self, timeout: float = 120.0) -> Dashboard:
        """Block until the model is built (tests and scripts); raise if it failed."""
        if not self._settled.wait(timeout):
            raise TimeoutError(self.error_text or "the model was not built in time")
        if not self.ready.is_set():
            raise RuntimeError(self.error_text) from self._load_error
        return self


class TrainingDashboard(Dashboard):
    """A dashboard that trains in the background: ``self._trainer`` (anything with
    ``stop()``, e.g. :class:`widgets.training.BackgroundFit`) and ``self.trained``, an
    Event the dashboard sets once a training has ended and been drawn."""

    def __init__(self, lang: str, **kwargs):
        super().__init__(lang, **kwargs)
        self.trained = threading.Event()

    def stop(self) -> None:
        """Stop the training after its current step (the Stop button)."""
        self._trainer.stop()

    @shows_errors
    def _on_stop_click(self, button) -> None:
        self.stop()

    def _refuse_while_training(self) -> None:
        """Refuse while a training runs: a new setting, model or file would change what
        the training thread is using."""
        if getattr(self._trainer, "running", False):
            raise self._busy_error()

    def _put_back_while_training(self, change) -> bool:
        """In a control's observer: while a training runs, set the control back to its old
        value (the running training uses it) and raise the busy message; False otherwise."""
        if not getattr(self._trainer, "running", False):
            return False
        with self._quietly():
            change["owner"].value = change["old"]
        raise self._busy_error()

    def _busy_error(self) -> StudentError:
        """What the student is told then; a lesson may say it its own way."""
        return StudentError("ui.busy")

    # Controls that start again with a new model ----------------------------------------
    def _rebuild_controls(self) -> dict[str, ipywidgets.Widget]:
        """The controls whose change builds a new model, by name (a lesson lists them and
        observes them with :meth:`_on_rebuild_change`)."""
        return {}

    def _rebuild_values(self) -> dict:
        """The values the current model was (or would be) built from."""
        return {name: control.value for name, control in self._rebuild_controls().items()}

    @reacts
    def _on_rebuild_change(self, change) -> None:
        """A rebuild control moved: refused while a training runs, else a new model."""
        self._put_back_while_training(change)
        if self.model is not None:
            self.clear_error()
            self._rebuild()

    def _rebuild(self) -> None:
        """Build a new model from the controls (lessons with rebuild controls define it)."""
        raise NotImplementedError

    def wait_trained(self, timeout: float = 120.0):
        """Block until the current training has ended and been drawn (tests, notebooks)."""
        if not self.trained.wait(timeout):
            raise TimeoutError("training did not finish in time")
        # ``trained`` is set from the training thread just before it ends; until it has,
        # a new setting would still be refused as "busy".
        join = getattr(getattr(self, "_trainer", None), "join", None)
        if join is not None:
            join(timeout)
        return self
