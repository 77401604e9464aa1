"""Lesson 14 dashboard: GAN Lab's 2-D game with a real Keras GAN.

One plane shows everything GAN Lab shows: the data (green), the generator's samples
(purple), the discriminator's verdict D(x) as the background, G's manifold (a regular grid
of noise passed through G) and, on the samples, the arrows of minus the gradient of G's
loss (where the next generator step pushes them). Below: both losses and D's mean verdict
on data and on samples, and the mode coverage meter for the ring and the grid.

Training: ▶ Play runs :class:`widgets.models.gan.StepRunner` calls (many steps in one
traced TensorFlow loop) in a :class:`widgets.training.TrainingLoop` thread that adapts the
steps a call to about 30 ms; its painter redraws the plane from a numpy copy of the
weights (:class:`widgets.models.gan.NumpyGan`: no Keras call per frame), waiting while the
browser is more than two frames behind. While playing, the points and lines move with
``Plotly.animate`` (no redraw of the axes, legend and colour bar) and D's verdict is a
layout image (see :meth:`GanLabDashboard._send_plane`): the page's drawing, not the
kernel's painter (0.03 of a core), was what the training shared the two cores with.
Pause stops after the current call and keeps the model (it is the dashboard's Stop); Step
trains one step at once. "train" chooses both networks, D only or G only (Play and Step).

What changes what: the data set swaps the real samples (the networks keep learning from
where they are); the loss, the steps per round, the optimizers and η apply to the running
model at once; the architecture (noise size, layers, neurons) builds new networks and
starts again, playing on if it was playing (said in the status line). A loss that stops
being a number (η too high) pauses with a message; Reset builds fresh networks.

``dashboard.model`` is the Keras ``Gan`` (``.generator``, ``.discriminator``).
"""

from __future__ import annotations

import html as html_lib
import threading
import time

import ipywidgets
import numpy as np

from ..controls import (
    button,
    checkbox,
    column,
    dropdown,
    heading,
    html,
    plain_text,
    row,
    slider,
    toggles,
)
from ..errors import StudentError
from ..figures.live import update_traces
from ..i18n import number
from ..models import gan as G  # Keras only inside its functions
from ..recent import Recent
from ..training import TrainingLoop
from ..ui import Setting, TrainingDashboard, reacts, shows_errors
from .code import GanSettings, keras_code
from .figures import (
    FAKE,
    HEAT,
    HEAT_HOVER,
    HEAT_HOVER_PLAYING,
    REAL,
    TRACES,
    arrow_segments,
    curve_data,
    equilibrium,
    equilibrium_lines,
    heat_image,
    loss_figure,
    plane_data,
    plane_figure,
    verdict_figure,
)
from .texts import TEXT

DATA_SIZE = 4096
SHOWN = 250  # fake samples drawn on the plane (fixed noise: they move smoothly)
SHOWN_REAL = 250  # the browser redraws every marker at every frame (SVG)
ARROWS_SHOWN = 120
BATCH = 256
LEARNING_RATES = (0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0)
DEFAULTS = {"layers": 2, "neurons": 64, "optimizer": "adam", "lr": 0.001, "steps": 1}
# The plane while playing (≥ 5 redraws a second asked). Each frame is ~60 ms of the page's
# main thread that the training shares on 2 cores: gan_lab_bench (3 samples of 8 s, load
# ~3) gave 0.65x the bare page's steps at 12 a second, 0.71x at 8 and at 6.
FRAME_S = 1 / 8
# While playing: the two charts every second (each redraw is a whole figure's: 80 ms of
# the page's main thread each in a Chromium profile at load 8, the plane's frame 35 ms),
# the status and coverage texts every 0.5 s.
CURVES_EVERY_S = 1.0
TEXTS_EVERY_S = 0.5
IN_FLIGHT = 2  # frames the browser may be behind before the painter waits
MESSAGES_PER_FRAME = 2  # while playing: Plotly.animate, then the heatmap's image
BROWSER_TIMEOUT = 1.0
MAX_POINTS = 800  # points per curve: older ones are thinned
SEED = 0
KEPT_GANS = 4  # untrained pairs kept for architectures switched back
ARCHITECTURE = ("noise", "g_layers", "g_neurons", "d_layers", "d_neurons")


class GanLabDashboard(TrainingDashboard):
    """See the module docstring. ``n_data`` real samples to learn from; ``shown`` fake
    samples drawn (tests use tiny ones)."""

    def __init__(self, lang: str = "pl", n_data: int = DATA_SIZE, shown: int = SHOWN):
        super().__init__(lang)
        self._t = TEXT.for_language(lang)
        self.runner = None
        self.real: np.ndarray | None = None  # the data G learns to imitate
        self.fakes: np.ndarray | None = None  # G's samples on the plane
        self.decision: np.ndarray | None = None  # D over the heatmap's grid
        self._lines = None  # (G's manifold, the arrows) of the last drawing
        self.drawn_points: list[tuple[float, float]] = []
        self.history: dict[str, list[float]] = {}
        self.coverage: tuple[int, float] | None = None
        self.frame_times: list[float] = []  # when the plane was redrawn (benchmark, tests)
        self.diverged = False
        self._sizes = (int(n_data), int(shown))
        self._loop: TrainingLoop | None = None
        self._model_lock = threading.RLock()  # one training call or one change at a time
        self._view_lock = threading.RLock()
        self._built_with: dict = {}
        self._kept = Recent(KEPT_GANS)  # architecture, seed: untrained model, runner, …
        self._seed = SEED
        self._optimizers = ("adam", "adam")
        self._accepted = (1, 1, "both")  # the step controls last accepted
        self._noise: np.ndarray | None = None
        self._data_name = None
        self._rate = (0.0, 0)  # (time, steps) of the last speed reading
        self._curves_at = 0.0  # when the charts were last drawn
        self._texts_at = 0.0  # and the status and coverage texts
        self._build()

    # Construction -------------------------------------------------------------------------
    def _build_controls(self) -> None:
        t = self._t
        names = ("ring", "grid", "line", "two_clusters", "drawn")
        self._data = dropdown(t("data"), [(t(f"data_{n}"), n) for n in names], "ring")
        self._draw = checkbox(t("draw"), False, width="auto")
        self._clear = button(t("clear"), icon="eraser")
        self._noise_size = toggles(t("noise"), [1, 2], 2, long_label=True)
        losses = [(t("loss_log"), "log"), (t("loss_least_squares"), "least_squares")]
        self._loss = dropdown(t("loss"), losses, "log")
        for side in ("g", "d"):
            self._side_controls(side)
        sides = [(t("side_both"), "both"), (t("side_d"), "d"), (t("side_g"), "g")]
        self._side = toggles(t("side"), sides, "both", button_width="70px")
        self._play = button(t("play"), icon="play", kind="success")
        self._step = button(t("step"), icon="step-forward")
        self._reset = button(t("reset"), icon="refresh")
        self._shown = {
            name: checkbox(t(f"show_{name}"), True, width="auto")
            for name in ("heatmap", "manifold", "arrows", "real", "fake")
        }
        for name in ("data", "draw", "clear", "noise_size", "loss", "side", "play", "step"):
            getattr(self, f"_{name}").add_class(f"dl-{name.replace('_', '-')}")
        self._reset.add_class("dl-reset")
        self._model_controls = [self._play, self._step, self._reset]

    def _side_controls(self, side: str) -> None:
        t = self._t
        layers = slider(t("layers"), DEFAULTS["layers"], 0, 4, 1, integer=True)
        neurons = slider(t("neurons"), DEFAULTS["neurons"], 1, 128, 1, integer=True)
        for control in (layers, neurons):
            control.continuous_update = False
        optimizer = dropdown(t("optimizer"), [("Adam", "adam"), ("SGD", "sgd")], "adam")
        rates = [(number(r, self.lang, "plain"), r) for r in LEARNING_RATES]
        lr = dropdown(t("learning_rate"), rates, DEFAULTS["lr"])
        steps = slider(t("steps"), DEFAULTS["steps"], 0, 10, 1, integer=True)
        steps.continuous_update = False
        for name, control in (
            ("layers", layers), ("neurons", neurons), ("optimizer", optimizer), ("lr", lr),
            ("steps", steps),
        ):  # fmt: skip
            setattr(self, f"_{side}_{name}", control)
            control.add_class(f"dl-{side}-{name}")

    def _next_training_controls(self) -> list:
        return [self._d_lr, self._d_optimizer, self._d_steps, self._g_lr, self._g_optimizer,
                self._g_steps]  # fmt: skip

    def _build_figures(self) -> None:
        t = self._t
        words = {k: t(k) for k in ("heat_title", "manifold", "real", "fake", "arrows")}
        words |= {"title": t("plane_title"), "drawn": t("drawn_points")}
        self.plane = plane_figure(words)
        words = {k: t(k) for k in ("d_loss", "g_loss", "d_real", "d_fake", "loss_title")}
        words |= {"d_title": t("d_title"), "step_axis": t("step_axis")}
        self.loss_figure = loss_figure(words)
        self.verdict_figure = verdict_figure(words)
        self._status = html("", "dl-status")
        self._coverage = html("", "dl-text")
        self._coverage_bar = ipywidgets.FloatProgress(0, min=0, max=1, layout={"width": "300px"})
        self._drawing_note = html("", "dl-note")

    def _lay_out(self) -> None:
        t = self._t
        g, d = self._side_column("g"), self._side_column("d")
        shown = ipywidgets.HBox(list(self._shown.values()), layout={"flex_flow": "row wrap"})
        controls = column(
            [
                html(t("controls_help"), "dl-note"),
                self._data,
                ipywidgets.HBox([self._draw, self._clear]),
                self._drawing_note,
                self._noise_size,
                self._loss,
                self._side,
                ipywidgets.HBox([self._play, self._step, self._reset]),
                heading(t("show")),
                shown,
            ]
        )
        explain = column(
            [
                heading(t("explain_heading")),
                *(html(t(f"explain_{k}"), "dl-note") for k in ("heatmap", "arrows", "manifold")),
                html(t("explain_losses"), "dl-note"),
                self._status,
                self._coverage,
                self._coverage_bar,
            ],
            width="340px",
        )
        self._page(
            t("title"),
            t("intro"),
            row([controls, _boxed(self.plane, "plane"), explain]),
            row(
                [
                    ipywidgets.VBox([g, d]),
                    _boxed(self.loss_figure, "losses"),
                    _boxed(self.verdict_figure, "verdict"),
                ]
            ),
            style=f".dl-real-word{{color:{REAL};font-weight:600}}"
            f".dl-fake-word{{color:{FAKE};font-weight:600}}",
        )
        self.add_class("dl-gan-lab")

    def _side_column(self, side: str) -> ipywidgets.VBox:
        names = ("layers", "neurons", "optimizer", "lr", "steps")
        title = heading(self._t(f"{side}_heading"))
        return column([title, *(getattr(self, f"_{side}_{n}") for n in names)], width="340px")

    def _wire(self) -> None:
        self._play.on_click(self._on_play_click)
        self._step.on_click(self._on_step_click)
        self._reset.on_click(self._on_reset_click)
        self._clear.on_click(self._on_clear_click)
        self._data.observe(self._on_data_change, names="value")
        self._draw.observe(self._on_show_change, names="value")
        for control in self._model_settings().values():
            control.observe(self._on_model_change, names="value")
        for control in self._shown.values():
            control.observe(self._on_show_change, names="value")
        for trace in self.plane.data:
            trace.on_click(self._on_plane_click)

    def _model_settings(self) -> dict[str, ipywidgets.Widget]:
        controls = {"noise": self._noise_size, "loss": self._loss, "side": self._side}
        for side in ("g", "d"):
            for name in ("layers", "neurons", "optimizer", "lr", "steps"):
                controls[f"{side}_{name}"] = getattr(self, f"_{side}_{name}")
        return controls

    # Public API ---------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self._loop is not None and self._loop.running

    @property
    def _trainer(self):  # what TrainingDashboard's busy check asks
        return self._loop

    @property
    def steps_done(self) -> int:
        return 0 if self.runner is None else self.runner.steps_run

    def code(self) -> str:
        """Plain Keras code for this game as ``model`` ("show the code"): the steps played
        so far (at least 500), in epochs over the real points."""
        arch = self._architecture()
        d_steps, g_steps = self._steps()
        n_data = len(self.real) if self.real is not None else self._sizes[0]
        per_epoch = -(-n_data // BATCH)
        epochs = max(-(-max(self.steps_done, 500) // per_epoch), 1)
        settings = GanSettings(
            data=self._data.value, points=list(self.drawn_points), n_data=n_data,
            noise=arch["noise"], g_layers=arch["g_layers"], g_units=arch["g_neurons"],
            d_layers=arch["d_layers"], d_units=arch["d_neurons"], loss=self._loss.value,
            d_optimizer=self._d_optimizer.value, g_optimizer=self._g_optimizer.value,
            d_lr=self._d_lr.value, g_lr=self._g_lr.value, d_steps=d_steps, g_steps=g_steps,
            seed=self._seed, epochs=epochs, batch=BATCH,
        )  # fmt: skip
        return keras_code(settings, self.lang)

    @property
    def status_text(self) -> str:
        return plain_text(self._status.value)

    @property
    def coverage_text(self) -> str:
        return plain_text(self._coverage.value)

    @shows_errors
    def play(self) -> None:
        """Train in the background until paused (the ▶ button)."""
        if self.model is None:
            raise StudentError("gan_lab.not_ready")
        if self.running:
            return
        self._check_data_ready()
        if self.diverged:
            self._rebuild()
        self.clear_error()
        self.trained.clear()
        self._rate = (time.perf_counter(), self.steps_done)
        self._loop = TrainingLoop(
            self._train_call, self._frame, self._should_stop, self._on_end, FRAME_S
        )
        self.add_class("dl-training")
        self._show_play_button(True)
        self._loop.start()

    def pause(self) -> None:
        """Stop after the current training call and keep the model (the Pause button)."""
        if self._loop is not None:
            self._loop.pause()

    def stop(self) -> None:
        """Pause is this dashboard's Stop."""
        self.pause()

    @shows_errors
    def step(self, steps: int = 1) -> None:
        """``steps`` training steps now, of the side chosen under "train" (the Step
        button; pauses a running training)."""
        if self.model is None:
            raise StudentError("gan_lab.not_ready")
        self.pause()
        self._check_data_ready()
        if self.diverged:
            self._rebuild()
        self.clear_error()
        self._train_call(int(steps))
        self._draw_all()
        if self.diverged:
            self._show_diverged()

    @shows_errors
    def reset(self) -> None:
        """Fresh networks (new random weights), the same settings."""
        was_running = self.running
        self.pause()
        self._seed += 1
        self._rebuild()
        if was_running:
            self.play()

    @shows_errors
    def add_point(self, x1: float, x2: float) -> None:
        """Add a point to the drawn distribution (as a click on the plane in draw mode)."""
        self.drawn_points.append((float(x1), float(x2)))
        if self._data.value == "drawn":
            self._use_data()
        self._draw_plane()
        self._show_drawing_note()

    @shows_errors
    def clear_points(self) -> None:
        self.drawn_points = []
        self._draw_plane()
        self._show_drawing_note()

    def wait_steps(self, steps: int, timeout: float = 60.0) -> None:
        """Block until ``steps`` steps are done or the training ended (tests, scripts)."""
        deadline = time.monotonic() + timeout
        while self.steps_done < steps and self.running and time.monotonic() < deadline:
            time.sleep(0.02)

    def _settings(self) -> dict:
        """``configure(data=..., noise=1|2, loss=..., side=..., g_layers=..., g_neurons=...,
        g_optimizer=..., g_lr=..., g_steps=..., d_... the same, show_heatmap=..., ...)``."""
        settings = {"data": Setting(self._data), **self._model_settings()}
        settings |= {f"show_{name}": control for name, control in self._shown.items()}
        return settings

    def _after_configure(self, settings: dict) -> None:
        if self.model is None:
            return
        if "data" in settings:
            self._data_changed()
        self._sync()
        self._draw_all()

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        self._use_data(first=True)
        self._rebuild()

    def _architecture(self) -> dict:
        return {name: self._model_settings()[name].value for name in ARCHITECTURE}

    def _rebuild(self, status: str = "status_untrained") -> None:
        """New networks for the controls' architecture (seeded), untrained, drawn, their
        training loop traced."""
        arch = self._architecture()
        # The new networks' sizes first (counted without Keras): the build and the drawing
        # took 0.6-0.8 s here before anything changed on the page (issue 24).
        g = G.mlp_params(arch["noise"], arch["g_layers"], arch["g_neurons"], 2)
        d = G.mlp_params(2, arch["d_layers"], arch["d_neurons"], 1)
        g_text, d_text = number(g, self.lang), number(d, self.lang)
        self._show_status(self._t(status, g_params=g_text, d_params=d_text))
        key = (*(arch[name] for name in ARCHITECTURE), self._seed)
        with self._model_lock:
            d_steps, g_steps = self._steps()
            kept = self._kept.pop(key, None)
            if kept is None:
                self.model = G.build_mlp_gan(
                    noise_dim=arch["noise"],
                    g_layers=arch["g_layers"], g_units=arch["g_neurons"],
                    d_layers=arch["d_layers"], d_units=arch["d_neurons"],
                    loss=self._loss.value,
                    d_optimizer=self._d_optimizer.value, g_optimizer=self._g_optimizer.value,
                    d_lr=self._d_lr.value, g_lr=self._g_lr.value,
                    d_steps=d_steps, g_steps=g_steps, seed=self._seed,
                )  # fmt: skip
                self._optimizers = (self._d_optimizer.value, self._g_optimizer.value)
                self.runner = G.StepRunner(self.model, self.real, batch_size=BATCH, seed=self._seed)
            else:  # kept untrained: the networks a build would give, their loop traced
                self.model, self.runner, self._optimizers = kept
                self.runner.set_data(self.real)
                self._apply_settings()  # the controls' loss, steps, optimizers and η
            self._built_with = arch
            self._accepted = self._step_controls()
            self.history = {k: [] for k in ("step", "d_loss", "g_loss", "d_real", "d_fake")}
            self.diverged = False
            self._rate = (time.perf_counter(), 0)
            noise = np.random.default_rng(self._seed + 1).standard_normal((self._sizes[1], 2))
            self._noise = noise[:, : arch["noise"]]
        self._draw_all()
        # Traced here, after the page got the status and the figures. (Traced in a timer
        # thread instead, as the playground's warm-up, it failed in the tests with Keras'
        # "Only input tensors may be passed as positional arguments"; not looked into.)
        with self._model_lock:
            self.runner.trace()  # a kept one's loop for these settings: a call of 0 steps
        # Kept for an architecture switched back (issue 24: a layers or neurons press cost
        # a build and a trace, 0.6-1 s, each time); never once it has trained (_train_call).
        self._kept.keep(key, (self.model, self.runner, self._optimizers))

    def _steps(self) -> tuple[int, int]:
        """(d_steps, g_steps) for the steps sliders and the "train" choice."""
        d, g, side = int(self._d_steps.value), int(self._g_steps.value), self._side.value
        if side != "both" and (d if side == "d" else g) == 0:
            raise StudentError("gan_lab.side_frozen", side=self._t(f"side_{side}"))
        return {"both": (d, g), "d": (d, 0), "g": (0, g)}[side]

    def _sync(self) -> None:
        """Bring the model in line with the controls: a new architecture starts again
        (playing on if it was); anything else applies to the running model."""
        if self._architecture() != self._built_with:
            was_running = self.running
            self.pause()
            self._rebuild(status="restarted")
            if was_running:
                self.play()
            return
        self._apply_settings()
        self._show_frozen()

    def _apply_settings(self) -> None:
        """The controls' loss, steps, optimizers and η onto the current model."""
        with self._model_lock:
            gan = self.model
            try:
                gan.set_steps(*self._steps())
            except StudentError:
                self._put_steps_back()
                raise
            self._accepted = self._step_controls()
            gan.loss_kind = self._loss.value
            for side in ("d", "g"):
                kind = getattr(self, f"_{side}_optimizer").value
                rate = float(getattr(self, f"_{side}_lr").value)
                if kind != self._optimizers[side == "g"]:
                    gan.replace_optimizer(side, G.make_optimizer(kind, rate))
                gan.set_learning_rate(side, rate)
            self._optimizers = (self._d_optimizer.value, self._g_optimizer.value)

    def _step_controls(self) -> tuple:
        return self._d_steps.value, self._g_steps.value, self._side.value

    def _put_steps_back(self) -> None:
        """The step controls as they were last accepted (after a refused change)."""
        with self._quietly():
            self._d_steps.value, self._g_steps.value, self._side.value = self._accepted

    def _use_data(self, first: bool = False) -> None:
        """The real samples of the chosen data set (a drawn set needs enough points)."""
        n, _ = self._sizes
        name = self._data.value
        if name == "drawn":
            if len(self.drawn_points) < G.MIN_DRAWN_POINTS:
                self._show_drawing_note()
                self._draw_plane()  # draw mode: the drawn points and the clickable heatmap
                return  # the old data stay until there are enough points
            data = G.from_points(self.drawn_points, n, std=0.08, seed=SEED)
        else:
            data = G.sample(name, n, seed=SEED)
        with self._model_lock:
            self.real = data
            self._data_name = name
            if self.runner is not None and not first:
                self.runner.set_data(data)
        self._draw_plane()
        self._refresh_code()  # new data (a drawn point) is no control's value

    def _check_data_ready(self) -> None:
        if self._data.value == "drawn" and len(self.drawn_points) < G.MIN_DRAWN_POINTS:
            n = len(self.drawn_points)
            raise StudentError("gan_lab.too_few_points", n=n, minimum=G.MIN_DRAWN_POINTS)

    # Training (the loop's thread, and Step) ----------------------------------------------
    def _train_call(self, steps: int) -> None:
        with self._model_lock:
            self._kept.forget(lambda kept: kept[0] is self.model)  # it trains: never again
            metrics = self.runner(steps)
            if G.diverged(metrics):
                self.diverged = True
            self._record(metrics)

    def _should_stop(self) -> bool:
        return self.diverged

    def _record(self, metrics: dict) -> None:
        history = self.history
        history["step"].append(float(self.steps_done))
        for key in ("d_loss", "g_loss", "d_real", "d_fake"):
            history[key].append(float(metrics.get(key, np.nan)))
        if len(history["step"]) > MAX_POINTS:  # keep the first point, thin the rest
            for key, values in history.items():
                history[key] = values[:1] + values[2::2]

    def _on_end(self, error) -> None:
        # The loop's thread, once the final frame is drawn.
        try:
            if error is not None:
                self.show_error(error)
            elif self.diverged:
                self._show_diverged()
            self._show_progress()
            self._refresh_code()  # the code plays as many steps as the dashboard has
        finally:
            self._show_play_button(False)
            self.remove_class("dl-training")
            self.trained.set()

    def _show_diverged(self) -> None:
        rates = {f"{s}_lr": number(float(getattr(self, f"_{s}_lr").value), self.lang, "plain")
                 for s in ("d", "g")}  # fmt: skip
        self.show_error(StudentError("gan_lab.diverged", steps=self.steps_done, **rates))

    # Events -------------------------------------------------------------------------------
    @reacts
    def _on_play_click(self, _button) -> None:
        if self.running:
            self.pause()
        else:
            self.play()

    @reacts
    def _on_step_click(self, _button) -> None:
        self.step(1)

    @reacts
    def _on_reset_click(self, _button) -> None:
        self.reset()

    @reacts
    def _on_clear_click(self, _button) -> None:
        self.clear_points()

    @reacts
    def _on_data_change(self, _change) -> None:
        self._data_changed()

    def _data_changed(self) -> None:
        """A new data set: drawing switches draw mode on (and pauses until there are
        enough points); the real samples are redrawn."""
        if self._data.value == "drawn":
            with self._quietly():
                self._draw.value = True
            if len(self.drawn_points) < G.MIN_DRAWN_POINTS:
                self.pause()
        if self.model is not None:
            self.clear_error()
            self._use_data()  # draws the plane
        self._show_drawing_note()

    @reacts
    def _on_model_change(self, change) -> None:
        if self.model is None:
            return
        self.clear_error()
        self._sync()
        if not self.running:
            self._draw_all()

    @reacts
    def _on_show_change(self, _change) -> None:
        self._show_drawing_note()
        if self.model is not None:
            self._draw_plane(texts=False, again=True)

    @reacts
    def _on_plane_click(self, _trace, points, _state) -> None:
        if self._draw.value and points.xs:
            self.add_point(points.xs[0], points.ys[0])

    # Drawing ------------------------------------------------------------------------------
    def _frame(self) -> None:
        """One live frame (the painter's thread): the plane; at most every
        ``TEXTS_EVERY_S`` the texts (status, coverage: a text that changes makes the page
        lay itself out again) and every ``CURVES_EVERY_S`` the two charts (the final
        frame draws them all)."""
        self._wait_for_browser()
        now = time.perf_counter()
        final = not self._playing()  # the last frame (Pause, the end) draws everything
        texts = final or now - self._texts_at >= TEXTS_EVERY_S
        if final or now - self._curves_at >= CURVES_EVERY_S:
            self._curves_at = now
            self._draw_curves()
        if texts:
            self._texts_at = now
        self._draw_plane(texts=texts)
        if texts:
            self._show_progress()
        self.frame_times.append(time.perf_counter())

    def _playing(self) -> bool:
        """Training in the background and not ending (the loop's last frame is not)."""
        loop = self._loop
        return loop is not None and loop.running and not loop.stopping

    def _wait_for_browser(self) -> None:
        """Wait while the page is more than ``IN_FLIGHT`` frames behind (flow control, as
        the playground's view: a slower browser must not queue frames without end)."""
        if not self._view_count:
            return
        # A frame while playing is two messages (the animated traces, the new image).
        limit = IN_FLIGHT * (MESSAGES_PER_FRAME if self._playing() else 1)
        deadline = time.monotonic() + BROWSER_TIMEOUT
        while time.monotonic() < deadline and self.plane.updates_in_flight() >= limit:
            time.sleep(0.005)

    def _draw_all(self) -> None:
        # The charts first: a change of the loss moves their equilibrium lines, and they
        # cost the kernel far less than the plane's 10–20 ms (issue 24).
        self._draw_curves()
        self._draw_plane()
        self._show_progress()

    def _draw_plane(self, texts: bool = True, again: bool = False) -> None:
        """The plane from the model's weights now; ``again``: from the values of the last
        drawing (a show checkbox changes what is shown, not the model)."""
        if self.model is None or self.real is None:
            return
        if not again or self._lines is None:
            self._compute_plane()
        manifold, arrows = self._lines
        visible = {name: control.value for name, control in self._shown.items()}
        visible = {TRACES[i]: visible.get(name, True) for i, name in enumerate(TRACES)}
        visible["heatmap"] = visible["heatmap"] or self._draw.value  # clicks land on it
        visible["drawn"] = bool(self.drawn_points) and (
            self._draw.value or self._data.value == "drawn"
        )
        visible["arrows"] = visible["arrows"] and visible["fake"]
        drawn = np.array(self.drawn_points).reshape(-1, 2)
        real = self.real[:SHOWN_REAL]
        data = plane_data(self.decision, manifold, real, self.fakes, arrows, drawn, visible)
        image = heat_image(self.decision, self._shown["heatmap"].value)
        with self._view_lock:
            self._send_plane(data, image)
        if texts:
            self._show_coverage()

    def _compute_plane(self) -> None:
        """G's samples, D's verdict, the manifold and the arrows from a numpy copy of the
        weights (10–20 ms here: not for a change of what is shown)."""
        with self._model_lock:  # the weights of one step, not half of the next
            copy = G.NumpyGan.from_model(self.model)
        with np.errstate(all="ignore"):  # a diverged model draws as gaps
            self.fakes = copy.generate(self._noise)
            self.decision = copy.decision_map((-3.0, 3.0), (-3.0, 3.0), 31)
            manifold = copy.manifold(grid_n=11, points=31)
            shown = self.fakes[:ARROWS_SHOWN]
            arrows = arrow_segments(shown, -copy.generator_gradients(shown))
        if self.model.loss_kind == "least_squares":
            self.decision = np.clip(self.decision, 0.0, 1.0)
        self._lines = (manifold, arrows)

    def _send_plane(self, data: list[dict], image: dict) -> None:
        """The plane's new values, cheapest first, so the page changes at once:

        1. the points and lines move with ``Plotly.animate`` and no redraw of the whole
           plot (while playing: the page's time per frame fell from 100–150 ms to
           35–80 ms, headless Chromium at load 8);
        2. D's verdict as a new image source (plotly redraws the image alone);
        3. the heatmap trace (hover values, clicks, colour bar) and the legend entries:
           a whole redraw when ``z`` or ``visible`` changes. While playing the trace
           keeps its ``z`` until the last frame, so its hover shows no D(x) meanwhile.
        """
        heat = {"visible": data[HEAT]["visible"], "hovertemplate": HEAT_HOVER_PLAYING}
        if not self._playing():
            heat = {**data[HEAT], "hovertemplate": HEAT_HOVER}
        nothing = [{} for _ in data]
        points = [{key: d[key] for key in ("x", "y")} for d in data[1:]]
        legend = [{"showlegend": d["showlegend"]} for d in data[1:]]
        update_traces(self.plane, [{}, *points], redraw=False)
        update_traces(self.plane, nothing, {"images": [image]})
        update_traces(self.plane, [heat, *legend])

    def _draw_curves(self) -> None:
        h = self.history
        d_eq, g_eq = equilibrium(self.model.loss_kind)
        shapes, notes = equilibrium_lines((d_eq, g_eq), self._t("equilibrium"))
        d_shapes, d_notes = equilibrium_lines((0.5,), self._t("equilibrium"))
        with self._view_lock:
            losses = curve_data(h["step"], h["d_loss"], h["g_loss"])
            update_traces(self.loss_figure, losses, {"shapes": shapes, "annotations": notes})
            verdicts = curve_data(h["step"], h["d_real"], h["d_fake"])
            layout = {"shapes": d_shapes, "annotations": d_notes}
            update_traces(self.verdict_figure, verdicts, layout)

    def _show_coverage(self) -> None:
        centres = G.mode_centres(self._data_name or "")
        if centres is None or self.fakes is None:
            self.coverage = None
            self._coverage.value = html_lib.escape(self._t("coverage_none"))
            self._coverage_bar.layout.visibility = "hidden"
            return
        with np.errstate(invalid="ignore"):
            reached, share = G.mode_coverage(self.fakes, centres)
        self.coverage = (reached, share)
        text = self._t("coverage", reached=reached, modes=len(centres), share=share)
        self._coverage.value = text
        self._coverage_bar.value = reached / len(centres)
        self._coverage_bar.layout.visibility = "visible"

    def _show_progress(self) -> None:
        h = self.history
        if not h.get("step"):
            return
        text = self._t(
            "status_steps", steps=self.steps_done, d_loss=h["d_loss"][-1], g_loss=h["g_loss"][-1]
        )
        if self._playing():  # not on the last frame: a paused game has no speed
            text += self._speed_text()
        self._show_status(text)
        self._show_frozen(append=True)

    def _speed_text(self) -> str:
        now, steps = time.perf_counter(), self.steps_done
        then, before = self._rate
        if now - then < 1.0:
            return getattr(self, "_last_speed", "")
        self._rate = (now, steps)
        self._last_speed = self._t("status_speed", rate=(steps - before) / (now - then))
        return self._last_speed

    def _show_frozen(self, append: bool = False) -> None:
        gan = self.model
        key = "frozen_d" if gan.d_steps == 0 else "frozen_g" if gan.g_steps == 0 else None
        if key is None:
            return
        note = html_lib.escape(self._t(key))
        self._status.value = f"{self._status.value} {note}" if append else note

    def _show_status(self, text: str) -> None:
        self._status.value = html_lib.escape(text)

    def _show_play_button(self, playing: bool) -> None:
        t = self._t
        self._play.description = t("pause") if playing else t("play")
        self._play.icon = "pause" if playing else "play"
        self._play.button_style = "warning" if playing else "success"

    def _show_drawing_note(self) -> None:
        drawing = self._draw.value or self._data.value == "drawn"
        n = len(self.drawn_points)
        text = self._t("drawing_help", minimum=G.MIN_DRAWN_POINTS, n=n) if drawing else ""
        self._drawing_note.value = html_lib.escape(text)


def _boxed(figure, name: str) -> ipywidgets.Box:
    """``figure`` in a box of CSS class ``dl-<name>`` (the browser tests find it so)."""
    box = ipywidgets.Box([figure])
    box.add_class(f"dl-{name}")
    return box
