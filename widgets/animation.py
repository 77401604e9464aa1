"""A reusable step-animation driver for learning rules replayed from a precomputed list.

:class:`StepAnimation` is a row of controls: ``ipywidgets.Play`` (play / pause), buttons
one step back, one step forward and back to the start, a slider to scrub through the
steps (linked to the Play in the browser, with no kernel round trip) and a speed slider
in steps per second. Whenever the step index changes, for whatever reason, it calls
``on_step(index)`` once. The lesson precomputes every state, so ``on_step`` only indexes
an array and updates a figure: step back is as cheap as step forward.

>>> seen = []
>>> animation = StepAnimation(lang="pl", on_step=seen.append)
>>> animation.set_length(100)   # states 0..100; shows state 0
>>> animation.step(); animation.step(); animation.back()
>>> seen, animation.index
([0, 1, 2, 1], 1)
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets

from .controls import button, slider
from .i18n import Strings, Translator, check_language

TEXT = Strings(
    "animation",
    {
        "play": {
            "pl": "Odtwarzaj / pauza",
            "en": "Play / pause",
        },
        "back": {
            "pl": "◀ krok wstecz",
            "en": "◀ step back",
        },
        "step": {
            "pl": "krok ▶",
            "en": "step ▶",
        },
        "reset": {
            "pl": "od początku",
            "en": "restart",
        },
        "back_tip": {
            "pl": "Cofnij się o jeden krok",
            "en": "Go back one step",
        },
        "step_tip": {
            "pl": "Wykonaj jeden krok",
            "en": "Take one step",
        },
        "reset_tip": {
            "pl": "Wróć do stanu początkowego",
            "en": "Back to the start",
        },
        "position": {
            "pl": "krok",
            "en": "step",
        },
        "speed": {
            "pl": "szybkość [kroki/s]",
            "en": "speed [steps/s]",
        },
        "speed_tip": {
            "pl": "Ile kroków na sekundę pokazuje ▶; sam obraz się od tego nie zmienia.",
            "en": "How many steps a second ▶ shows; the picture itself does not change.",
        },
    },
)

DEFAULT_SPEED = 12  # steps per second: the Play sustains about 10 a second at 12 here
SPEED_RANGE = (1, 30)


class StepAnimation(ipywidgets.VBox):
    """Play/pause, step, step back, restart, a position slider and a speed slider.

    Args:
        lang: "pl" or "en".
        on_step: called with the new index (0..length) after every change of position.
        speed: initial speed in steps per second.
    """

    def __init__(
        self,
        lang: str = "pl",
        on_step: Callable[[int], None] | None = None,
        speed: int = DEFAULT_SPEED,
    ):
        super().__init__()
        self.on_step = on_step
        self._index = 0
        self._build_controls(TEXT.for_language(check_language(lang)), speed)
        self.children = [
            ipywidgets.HBox([self.play, self._back, self._step, self._reset]),
            ipywidgets.HBox([self.position, self.speed]),
        ]
        self._wire()

    def _build_controls(self, t: Translator, speed: int) -> None:
        self.play = ipywidgets.Play(
            value=0,
            min=0,
            max=0,
            step=1,
            interval=self._interval(speed),
            description=t("play"),
            show_repeat=False,
        )
        self._back = button(t("back"), tooltip=t("back_tip"), width="auto")
        self._step = button(t("step"), tooltip=t("step_tip"), kind="primary", width="auto")
        self._reset = button(t("reset"), tooltip=t("reset_tip"), icon="undo", width="auto")
        self.position = slider(t("position"), 0, 0, 0, 1, integer=True, width="420px")
        self.speed = slider(t("speed"), speed, *SPEED_RANGE, 1, integer=True, width="300px")
        # It changes nothing on the page until ▶ (issue 24: a silent control says why).
        self.speed.tooltip = t("speed_tip")
        for widget, name in (
            (self.play, "dl-play"),
            (self._back, "dl-step-back"),
            (self._step, "dl-step"),
            (self._reset, "dl-reset"),
            (self.position, "dl-position"),
            (self.speed, "dl-speed"),
        ):
            widget.add_class(name)  # what browser tests and benchmarks look for

    def _wire(self) -> None:
        # The Play moves the slider in the browser, with no kernel round trip.
        self._link = ipywidgets.jslink((self.play, "value"), (self.position, "value"))
        self.play.observe(self._on_value_change, names="value")
        self.position.observe(self._on_value_change, names="value")
        self.speed.observe(self._on_speed_change, names="value")
        self._back.on_click(lambda _: self.back())
        self._step.on_click(lambda _: self.step())
        self._reset.on_click(lambda _: self.reset())

    # Public API ---------------------------------------------------------------------------
    @property
    def controls(self) -> list[ipywidgets.Widget]:
        """The widgets to disable while there is nothing to animate."""
        return [self.play, self._back, self._step, self._reset, self.position]

    @property
    def index(self) -> int:
        """The state shown now (the last index passed to ``on_step``)."""
        return self._index

    @property
    def length(self) -> int:
        """The last index (the number of steps)."""
        return int(self.play.max)

    @property
    def playing(self) -> bool:
        return bool(self.play.playing)

    def set_length(self, steps: int, index: int = 0) -> None:
        """Animate states ``0..steps``; pause and show ``index`` (calls ``on_step``)."""
        steps = max(int(steps), 0)
        self.pause()
        self._index = 0
        # One message per control, after what on_step draws: six (value, max, value for
        # each) went first, and the page re-rendered the Play and the slider six times before
        # it drew anything (issue 24: lesson 11's T slider, 2.1-2.5x the reference).
        with self.play.hold_sync(), self.position.hold_sync():
            for widget in (self.play, self.position):
                widget.value = 0  # first, so that lowering max never clips a value
                widget.max = steps
            self.go_to(index, force=True)

    def go_to(self, index: int, force: bool = False) -> None:
        """Show state ``index`` (clipped to the range)."""
        index = min(max(int(index), 0), self.length)
        notify = force or index != self._index
        self._index = index  # so that the observers below see no change
        self.play.value = index
        self.position.value = index
        if notify:
            self._notify(index)

    def step(self) -> None:
        self.pause()
        self.go_to(self._index + 1)

    def back(self) -> None:
        self.pause()
        self.go_to(self._index - 1)

    def reset(self) -> None:
        self.pause()
        self.go_to(0)

    def pause(self) -> None:
        self.play.playing = False

    # Events -------------------------------------------------------------------------------
    def _on_value_change(self, change) -> None:
        # The browser moves the Play and the slider together (jslink) and both report to
        # the kernel: notify once per index, and never write back (a late echo would pull
        # a running Play back by a step).
        index = int(change["new"])
        if index != self._index:
            self._notify(index)

    def _on_speed_change(self, change) -> None:
        self.play.interval = self._interval(change["new"])

    def _notify(self, index: int) -> None:
        self._index = index
        if self.on_step is not None:
            self.on_step(index)

    @staticmethod
    def _interval(speed: float) -> int:
        return max(int(round(1000 / max(float(speed), 0.1))), 10)
