"""Lesson 08 dashboard: a wide shallow and a narrow deep ReLU net, trained side by side.

Both nets have the same parameter budget (a slider; the depth slider sets the deep net's
hidden layers and its width follows, see :mod:`widgets.models.depth`), the same data and
the same seed. They are the two outputs of one Keras model, so one compiled, full-batch
Adam step trains both (:class:`widgets.training.BackgroundFit` runs it in a thread, with
Stop). After every 25 steps the losses on the training and the test set are recorded;
the figures (built in :mod:`.figures`) show them live with the fitted
functions: the two curves over the target for the 1-D sets (sawtooth, small noisy set),
two decision heatmaps for the spirals.
Train (▶) continues the training, Stop stops it, Reset starts again from the seeded initial
weights; any setting change starts again too.

The first layer's initialisation is a setting with a default per data set
(:data:`DEFAULT_INIT`): Keras' own (every bend at x = 0) for the sawtooth and the spirals,
bends spread over [-1, 1] for the small noisy set, where only then does the wide shallow
net reach between the points and memorise them (measured in
``benchmarks/results-lesson-08.md``).
"""

from __future__ import annotations

import html

import ipywidgets
import numpy as np

from ..data.depth import (
    DATASETS,
    NOISY_NOISE,
    TEETH_RANGE,
    TURNS_RANGE,
    make_split,
    sawtooth_target,
)
from ..errors import StudentError, finite_number, whole_number
from ..exercises import GateCheck
from ..figures.live import update_traces
from ..i18n import Strings, check_language, number
from ..models.depth import INITS  # a plain tuple: widgets.models.depth imports Keras lazily
from ..training import BackgroundFit, FitJob, Progress
from ..ui import TrainingDashboard, shows_errors
from .figures import (
    NETS,
    counts_html,
    curve_grid,
    function_data,
    function_figure,
    grid_points,
    heatmap_data,
    heatmap_figure,
    loss_data,
    loss_figure,
)

TEXT = Strings(
    "deep_vs_shallow",
    {
        "title": {"pl": "Sieci głębokie kontra płytkie", "en": "Deep against shallow networks"},
        "intro": {
            "pl": "Dwie sieci ReLU z <b>tą samą liczbą parametrów</b>: <b>płytka</b> (jedna "
            "szeroka warstwa ukryta) i <b>głęboka</b> (kilka wąskich). Płytka sieć z n "
            "neuronami rysuje najwyżej n + 1 odcinków prostych; w głębokiej każda warstwa "
            "zgina wynik poprzedniej, więc liczba odcinków może się <i>mnożyć</i> z każdą "
            "warstwą (Montúfar i in. 2014; Telgarsky 2016).",
            "en": "Two ReLU nets with <b>the same number of parameters</b>: a <b>shallow</b> "
            "one (one wide hidden layer) and a <b>deep</b> one (several narrow ones). A "
            "shallow net with n neurons draws at most n + 1 straight pieces; in a deep one "
            "every layer folds the output of the previous one, so the number of pieces can "
            "<i>multiply</i> with every layer (Montúfar et al. 2014; Telgarsky 2016).",
        },
        "caveat": {
            "pl": "To granica tego, co sieć <i>może</i> narysować; spadek gradientu nie zawsze "
            "znajduje rozwiązanie głębokie. Zmień ziarno i porównaj kilka prób.",
            "en": "That is a bound on what a net <i>can</i> draw; gradient descent does not "
            "always find the deep solution. Change the seed and compare a few runs.",
        },
        "controls_help": {
            "pl": "Wybierz dane i budżet parametrów, naciśnij ▶. Obie sieci uczą się "
            "jednocześnie (Adam, cały zbiór w każdym kroku) z tego samego ziarna. Każda "
            "zmiana ustawień zaczyna od nowa.",
            "en": "Choose the data and the parameter budget, press ▶. Both nets learn at "
            "the same time (Adam, the whole set in every step) from the same seed. Any "
            "change of a setting starts again.",
        },
        "data": {"pl": "dane", "en": "data"},
        "data_sawtooth": {"pl": "piła", "en": "sawtooth"},
        "data_spirals": {"pl": "spirale", "en": "spirals"},
        "data_noisy": {"pl": "zaszumiony", "en": "noisy"},
        "init": {"pl": "początkowe zgięcia", "en": "starting bends"},
        "init_keras": {"pl": "w zerze (Keras)", "en": "at 0 (Keras)"},
        "init_spread": {"pl": "rozłożone", "en": "spread"},
        "init_help": {
            "pl": "Neuron ReLU pierwszej warstwy zgina wykres w punkcie x = −b/w. Domyślnie "
            "Keras daje biasy b = 0, więc na starcie <i>wszystkie</i> zgięcia są w x = 0 i "
            "uczenie przesuwa je powoli. „Rozłożone”: biasy losowe z [−1, 1] (i wagi "
            "He), zgięcia od razu leżą w całym przedziale.",
            "en": "A ReLU neuron of the first layer bends the graph at x = −b/w. Keras' "
            "default biases are b = 0, so at the start <i>every</i> bend sits at x = 0 and "
            "training moves them slowly. 'Spread': random biases from [−1, 1] (and He "
            "weights), the bends lie all over the range from the start.",
        },
        "teeth": {"pl": "liczba ząbków", "en": "teeth"},
        "turns": {"pl": "zwoje spirali", "en": "spiral turns"},
        "budget": {"pl": "budżet parametrów", "en": "parameter budget"},
        "depth": {"pl": "warstwy sieci głębokiej", "en": "deep net's layers"},
        "learning_rate": {"pl": "współczynnik uczenia η", "en": "learning rate η"},
        "steps": {"pl": "kroki na jedno ▶", "en": "steps per ▶"},
        "seed": {"pl": "ziarno losowania", "en": "random seed"},
        "play": {"pl": "Ucz", "en": "Train"},
        "stop": {"pl": "Stop", "en": "Stop"},
        "reset": {"pl": "Od nowa", "en": "Reset"},
        "shallow": {"pl": "płytka", "en": "shallow"},
        "deep": {"pl": "głęboka", "en": "deep"},
        "net": {"pl": "sieć", "en": "net"},
        "shape": {"pl": "warstwy × neurony", "en": "layers × neurons"},
        "params": {"pl": "parametry", "en": "parameters"},
        "data_help_sawtooth": {
            "pl": "Piła o k ząbkach ma 2k odcinków prostych. Linia przerywana: cel; "
            "niebieska: sieć płytka; czerwona: sieć głęboka.",
            "en": "A sawtooth of k teeth has 2k straight pieces. Dashed line: the target; "
            "blue: the shallow net; red: the deep net.",
        },
        "data_help_spirals": {
            "pl": "Dwie splecione spirale (klasy 0 i 1). Kolor tła: prawdopodobieństwo "
            "klasy 1 według każdej sieci; punkty: zbiór uczący.",
            "en": "Two nested spirals (classes 0 and 1). Background colour: each net's "
            "probability of class 1; dots: the training set.",
        },
        "data_help_noisy": {
            "pl": "20 zaszumionych punktów funkcji sin(πx); szum ma wariancję 0,09, więc "
            "lepszej straty testowej nie ma. Szeroka sieć płytka z rozłożonymi zgięciami "
            "przechodzi (prawie) przez każdy punkt: jej strata ucząca (niebieska ciągła) "
            "spada daleko poniżej 0,09, a testowa (niebieska kropkowana) rośnie od swojego "
            "minimum: to <b>przetrenowanie</b>, sieć nauczyła się szumu. Głęboka sieć o tym "
            "samym budżecie też się go uczy (często nawet bardziej): o przetrenowaniu "
            "decyduje liczba parametrów wobec liczby punktów, nie głębokość. Płytkie modele "
            "przetrenowują się łatwiej dopiero przy tej samej <i>zdolności wyrażania</i>: "
            "żeby narysować równie złożoną funkcję (piłę), sieć płytka potrzebuje o wiele "
            "więcej parametrów niż głęboka, a tyle parametrów łatwo zapamiętuje szum. "
            "Przełącz zgięcia na „w zerze”: płytka sieć uczy się szumu znacznie mniej.",
            "en": "20 noisy points of sin(πx); the noise has variance 0.09, so no test "
            "loss can be better. The wide shallow net with spread bends passes (almost) "
            "through every point: its training loss (solid blue) falls far below 0.09 while "
            "its test loss (dotted blue) climbs from its minimum: <b>overfitting</b>, the net "
            "learnt the noise. The deep net of the same budget learns it too (often even "
            "more): overfitting is about the number of parameters against the number of "
            "points, not about depth. Shallow models overfit more easily only at equal "
            "<i>expressiveness</i>: to draw an equally complex function (the sawtooth) a "
            "shallow net needs many more parameters than a deep one, and that many "
            "parameters memorise noise easily. Switch the bends to 'at 0': the shallow net "
            "learns much less of the noise.",
        },
        "noise_line": {
            "pl": "wariancja szumu 0,09: najlepsza możliwa strata testowa",
            "en": "noise variance 0.09: the best possible test loss",
        },
        "overfit_summary": {
            "pl": "Płytka: strata ucząca {train:.3g} (szum: 0,09), testowa {test:.3g}, a "
            "najniższa testowa była {best:.3g} w kroku {best_step}.",
            "en": "Shallow: training loss {train:.3g} (noise: 0.09), test {test:.3g}, its "
            "lowest test loss was {best:.3g} at step {best_step}.",
        },
        "target": {"pl": "cel", "en": "target"},
        "train_points": {"pl": "zbiór uczący", "en": "training set"},
        "function_title": {
            "pl": "Funkcje nauczone przez obie sieci",
            "en": "What both nets learnt",
        },
        "loss_title": {"pl": "Strata w kolejnych krokach", "en": "Loss over the steps"},
        "loss_axis": {"pl": "strata (skala log.)", "en": "loss (log scale)"},
        "loss_axis_linear": {"pl": "strata", "en": "loss"},
        "step_axis": {"pl": "liczba kroków (każdy na całym zbiorze)", "en": "training step"},
        "series": {"pl": "{net} ({part})", "en": "{net}: {part}"},
        "part_train": {"pl": "zbiór uczący", "en": "training"},
        "part_test": {"pl": "zbiór testowy", "en": "test"},
        "ready": {
            "pl": "Naciśnij ▶ Ucz: obie sieci zaczynają z losowych wag (ziarno {seed}).",
            "en": "Press ▶ Train: both nets start from random weights (seed {seed}).",
        },
        "training": {
            "pl": "⏳ Uczenie… krok {step} z {total}",
            "en": "⏳ Training… step {step} of {total}",
        },
        "summary": {
            "pl": "Po {step} {step:@kroku|krokach|krokach} strata testowa: płytka {shallow:.4g}, głęboka {deep:.4g}. "
            "{verdict}",
            "en": "After {step} {step:@step|steps} the test loss is: shallow {shallow:.4g}, deep {deep:.4g}. "
            "{verdict}",
        },
        "deep_better": {
            "pl": "Głęboka jest {ratio:.1f}× lepsza.",
            "en": "The deep one is {ratio:.1f}× better.",
        },
        "shallow_better": {
            "pl": "Tym razem płytka jest {ratio:.1f}× lepsza.",
            "en": "This time the shallow one is {ratio:.1f}× better.",
        },
        "stopped": {
            "pl": "Zatrzymano po {step} {step:@kroku|krokach|krokach}; ▶ Ucz uczy dalej.",
            "en": "Stopped after {step} {step:@step|steps}; ▶ Train trains on.",
        },
        "diverged": {
            "pl": "Uczenie się rozbiegło w kroku {step}: strata przestała być skończoną "
            "liczbą, bo η = {rate} jest za duże. Zmniejsz η i naciśnij „Od nowa”.",
            "en": "Training diverged at step {step}: the loss stopped being a finite "
            "number, because η = {rate} is too large. Lower η and press 'Reset'.",
        },
        # configure()'s settings are named as the student typed them (learning_rate=…).
        "unknown_setting": {
            "pl": "Nieznane ustawienie {name!r}; do wyboru: {names}.",
            "en": "Unknown setting {name!r}; choose one of: {names}.",
        },
        "unknown_choice": {
            "pl": "Ustawienie {name} nie może mieć wartości {value!r}; do wyboru: {names}.",
            "en": "The setting {name} cannot be {value!r}; choose one of: {names}.",
        },
        "bad_number": {
            "pl": "Ustawienie {name} musi być liczbą od {low} do {high}, a podano {value}.",
            "en": "The setting {name} must be a number from {low} to {high}, not {value}.",
        },
        "bad_whole_number": {
            "pl": "Ustawienie {name} musi być liczbą całkowitą od {low} do {high}, a podano "
            "{value}.",
            "en": "The setting {name} must be a whole number from {low} to {high}, not {value}.",
        },
        "check_params_passed": {
            "pl": "✅ Dobrze! {want} {want:@parametr|parametry|parametrów} ({detail}).",
            "en": "✅ Correct! {want} {want:@parameter|parameters} ({detail}).",
        },
        "check_params_failed": {
            "pl": "❌ Jeszcze nie: {got!r} to nie liczba parametrów sieci {want_hint}. Wskazówka: "
            "warstwa Dense z a wejściami i b neuronami ma a·b wag i b wyrazów wolnych "
            "(biasów).",
            "en": "❌ Not yet: {got!r} is not the parameter count of {want_hint}. Hint: a "
            "Dense layer with a inputs "
            "and b neurons has a·b weights and b biases.",
        },
        "check_neurons_passed": {
            "pl": "✅ Dobrze! Piła o {teeth} {teeth:@ząbku|ząbkach|ząbkach} ma {pieces} "
            "{pieces:@odcinek|odcinki|odcinków}, czyli {want} {want:@zgięcie|zgięcia|zgięć}: "
            "tyle neuronów ReLU potrzebuje sieć płytka.",
            "en": "✅ Correct! {teeth} {teeth:@tooth is|teeth are} {pieces} {pieces:@piece|pieces}, "
            "so {want} {want:@bend|bends}: that many "
            "ReLU neurons does the shallow net need.",
        },
        "check_neurons_failed": {
            "pl": "❌ Jeszcze nie ({got!r}). Wskazówka: policz odcinki proste piły o {teeth} "
            "{teeth:@ząbku|ząbkach|ząbkach}; n neuronów ReLU daje najwyżej n + 1 odcinków.",
            "en": "❌ Not yet ({got!r}). Hint: count the straight pieces of a sawtooth of "
            "{teeth} teeth; n ReLU neurons give at most n + 1 pieces.",
        },
    },
)

STEPS_PER_EPOCH = 25  # full-batch steps per Keras epoch: one compiled call, one curve point
BUDGET_RANGE = (30, 3000)
DEPTH_RANGE = (2, 8)
STEPS_RANGE = (100, 5000)
LR_EXPONENTS = (-4.0, 0.0)  # η from 0.0001 to 1
SEED_RANGE = (0, 9)
DEFAULT_INIT = {"sawtooth": "keras", "spirals": "keras", "noisy": "spread"}
NOISE_VARIANCE = NOISY_NOISE**2  # 0.09: the best test loss on the noisy set
NOISY_LOSS_RANGE = [0.0, 0.25]  # linear: a test loss rising 0.10 -> 0.13 must be seen
SLIDER_WIDTH = "370px"
SMALL = "<div style='font-size:13px;line-height:1.35'>{}</div>"


def _slider(kind, value, low, high, description: str, css: str | None = None, **extra):
    """A labelled slider of the controls column that reports a value only on release."""
    slider = kind(
        value,
        min=low,
        max=high,
        description=description,
        style={"description_width": "initial"},
        continuous_update=False,
        layout=ipywidgets.Layout(width=SLIDER_WIDTH),
        **extra,
    )
    if css:
        slider.add_class(f"dl-{css}")
    return slider


# ----------------------------------------------------------------------------- dashboard


class DeepVsShallowDashboard(TrainingDashboard):
    """A wide shallow and a narrow deep Keras MLP with equal budgets, trained side by side.

    ``model`` is the two-output ``keras.Model``; ``shallow`` and ``deep`` are its nets.
    ``history`` holds the recorded losses (see :func:`widgets.models.depth.empty_history`).
    """

    def __init__(self, lang: str = "pl"):
        super().__init__(lang)
        self._t = TEXT.for_language(lang)
        self.split = None
        self.history: dict = {}
        self.diverged_at: int | None = None
        self._run_id = 0
        self._trainer = BackgroundFit(min_interval=0.1)
        self._initial_weights: dict = {}  # (shape, seed, init) -> the pair's seeded start
        self._model_shape: tuple | None = None
        self._trainer_left_running = False
        self._axis, self._grid = grid_points()
        self._curve_x = curve_grid()
        self._build_controls()
        self._build_outputs()
        self._build_layout()
        self._connect_events()
        self._show_data_controls()
        self._draw_counts()
        self._start_model_loading()

    # Building -----------------------------------------------------------------------------
    def _build_controls(self) -> None:
        """The data choice, the sliders, ▶ / Stop / Reset and the progress bar."""
        t = self._t
        self._data = ipywidgets.ToggleButtons(
            options=[(t(f"data_{name}"), name) for name in DATASETS],
            value="sawtooth",
            style={"button_width": "112px"},
        )
        slider, float_slider = ipywidgets.IntSlider, ipywidgets.FloatSlider
        self._teeth = _slider(slider, 8, *TEETH_RANGE, t("teeth"), "teeth")
        self._turns = _slider(float_slider, 1.5, *TURNS_RANGE, t("turns"), step=0.25)
        self._budget = _slider(slider, 400, *BUDGET_RANGE, t("budget"), "budget", step=10)
        self._depth = _slider(slider, 3, *DEPTH_RANGE, t("depth"), "depth")
        self._init = ipywidgets.ToggleButtons(
            options=[(t(f"init_{name}"), name) for name in INITS],
            value=DEFAULT_INIT["sawtooth"],
            description=t("init"),
            style={"button_width": "112px", "description_width": "initial"},
        )
        self._init.add_class("dl-init")
        self._rate = _slider(
            ipywidgets.FloatLogSlider,
            0.01,
            *LR_EXPONENTS,
            t("learning_rate"),
            "rate",
            base=10,
            step=0.1,
            readout_format=".2g",
        )
        self._steps = _slider(slider, 1500, *STEPS_RANGE, t("steps"), step=100)
        self._seed = _slider(slider, 0, *SEED_RANGE, t("seed"))
        self._play = ipywidgets.Button(description=t("play"), icon="play", button_style="success")
        self._stop = ipywidgets.Button(description=t("stop"), icon="stop", disabled=True)
        self._reset = ipywidgets.Button(description=t("reset"), icon="refresh")
        self._play.add_class("dl-play")
        self._stop.add_class("dl-stop")
        self._progress = ipywidgets.IntProgress(0, min=0, max=1, layout={"width": "360px"})
        self._model_controls = [*self._named_controls().values(), self._play, self._reset]

    def _build_outputs(self) -> None:
        """The size table, the status line, the data help and the three figures."""
        t = self._t
        self._counts = ipywidgets.HTML()
        self._counts.add_class("dl-counts")
        self._status = ipywidgets.HTML()
        self._status.add_class("dl-status")
        self._data_help = ipywidgets.HTML()
        names = [
            t("series", net=t(net), part=t(f"part_{part}"))
            for net in NETS
            for part in ("train", "test")
        ]
        self.loss_figure = loss_figure(names, t("loss_title"), t("step_axis"), t("loss_axis"))
        labels = {key: t(key) for key in ("train_points", "target", *NETS)}
        self.function_figure = function_figure(labels, t("function_title"))
        self.heatmap_figure = heatmap_figure([t(net) for net in NETS])

    def _build_layout(self) -> None:
        """The title, the banners, the status, then the controls beside the figures."""
        t = self._t
        columns = [self._controls_column(), self._figures_column()]
        self.children = [
            ipywidgets.HTML(
                f"<h2>{t('title')}</h2><p style='font-size:14px'>{t('intro')}</p>"
                f"<p style='font-size:13px;color:#555'>{t('caveat')}</p>"
            ),
            self._loading,
            self._error,
            self._status,
            ipywidgets.HBox(columns, layout=ipywidgets.Layout(flex_flow="row wrap")),
        ]

    def _controls_column(self) -> ipywidgets.VBox:
        """Help, data, sliders with the size table, the buttons and the progress bar."""
        return ipywidgets.VBox(
            [
                ipywidgets.HTML(SMALL.format(self._t("controls_help"))),
                self._data,
                self._teeth,
                self._turns,
                self._budget,
                self._depth,
                self._counts,
                self._init,
                ipywidgets.HTML(SMALL.format(self._t("init_help"))),
                self._rate,
                self._steps,
                self._seed,
                ipywidgets.HBox([self._play, self._stop, self._reset]),
                self._progress,
                self._data_help,
            ],
            layout=ipywidgets.Layout(width="390px"),
        )

    def _figures_column(self) -> ipywidgets.VBox:
        """The 1-D figure or the heatmaps (one is hidden), above the loss figure.

        A FigureWidget's .layout is plotly's: the boxes around them are hidden instead.
        """
        self._function_box = ipywidgets.Box([self.function_figure])
        self._heatmap_box = ipywidgets.Box([self.heatmap_figure])
        loss_box = ipywidgets.Box([self.loss_figure])
        for box, name in (
            (self._function_box, "function"),
            (self._heatmap_box, "heatmap"),
            (loss_box, "loss"),
        ):
            box.add_class(f"dl-{name}")
        return ipywidgets.VBox([self._function_box, self._heatmap_box, loss_box])

    def _connect_events(self) -> None:
        """Every setting but the steps starts again; the buttons train, stop and reset."""
        for key, control in self._named_controls().items():
            if key != "steps":
                control.observe(self._on_setting_change, names="value")
        self._play.on_click(self._on_play_click)
        self._stop.on_click(self._on_stop_click)
        self._reset.on_click(self._on_reset_click)

    # Public API (for notebook cells and tests) --------------------------------------------
    @property
    def shallow(self):
        """The wide, one-hidden-layer ``keras.Sequential``."""
        from ..models.depth import subnet

        return None if self.model is None else subnet(self.model, "shallow")

    @property
    def deep(self):
        """The narrow, ``depth``-hidden-layer ``keras.Sequential``."""
        from ..models.depth import subnet

        return None if self.model is None else subnet(self.model, "deep")

    @property
    def learning_rate(self) -> float:
        return float(self._rate.value)

    @property
    def status_text(self) -> str:
        """The status line as plain text (tests)."""
        return html.unescape(self._status.value.split(">", 1)[-1].rsplit("</div>", 1)[0])

    def widths(self) -> dict:
        """``{"shallow": (depth, width, params), "deep": (...)}`` for the current settings."""
        from ..models.depth import mlp_params, width_for_budget

        n_inputs = 2 if self._data.value == "spirals" else 1
        result = {}
        for name, depth in (("shallow", 1), ("deep", int(self._depth.value))):
            width = width_for_budget(int(self._budget.value), depth, n_inputs)
            result[name] = (depth, width, mlp_params(n_inputs, width, depth))
        return result

    @shows_errors
    def configure(self, **settings) -> None:
        """Set controls from code and start again (one rebuild); bad values get a message.

        Keys: ``data``, ``teeth``, ``turns``, ``budget``, ``depth``, ``init``,
        ``learning_rate``, ``steps``, ``seed``. A new ``data`` brings its own ``init``
        (:data:`DEFAULT_INIT`) unless ``init`` is given too.
        """
        controls = self._named_controls()
        for key, value in settings.items():
            self._check_setting(key, value, controls)
        if "data" in settings and "init" not in settings:
            settings["init"] = DEFAULT_INIT[settings["data"]]
        self.clear_error()
        for key, value in settings.items():  # set quietly, then rebuild once
            self._set_quietly(controls[key], value)
        self._show_data_controls()
        self.reset()

    @shows_errors
    def play(self, background: bool = True) -> None:
        """Train both nets ``steps`` more steps (``background=False``: blocking)."""
        if self.model is None or self._trainer.running:
            return
        if self.diverged_at is not None:
            raise self._diverged()
        from ..models.depth import loss_recorder

        steps = int(self._steps.value)
        recorder = loss_recorder(self.split, STEPS_PER_EPOCH, self.history)
        job = self._fit_job(steps, recorder)
        self.trained.clear()
        self._run_id += 1
        run_id = self._run_id
        self._show_started(steps)
        self._trainer.on_progress = lambda progress: self._on_progress(run_id, progress)
        self._trainer.on_done = lambda trainer: self._on_trained(run_id, trainer, recorder)
        run = self._trainer.start if background else self._trainer.run_here
        run(job)

    @shows_errors
    def reset(self) -> None:
        """Stop, rebuild both nets from the seed, clear the curves and draw the start."""
        if self.ready.is_set():
            self._rebuild()

    def last_test_losses(self) -> dict:
        """The last recorded test loss of each net."""
        return {name: self.history[f"{name}_test"][-1] for name in NETS}

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        self._rebuild()

    def _rebuild(self) -> None:
        """New data and the pair at its seeded start, the first losses, everything drawn."""
        self._stop_running()
        from ..models.depth import empty_history, record_losses

        seed = int(self._seed.value)
        self.split = make_split(
            self._data.value, int(self._teeth.value), float(self._turns.value), seed=seed
        )
        self.model = self._model_for(self.split, seed)
        self.history, self.diverged_at = empty_history(), None
        record_losses(self.model, self.split, self.history, 0)
        self._run_id += 1  # a late message from a stopped run must not draw over this
        self._progress.min, self._progress.max, self._progress.value = 0, 1, 0
        self._play.disabled, self._stop.disabled = False, True
        self._status.value = self._status_html(self._t("ready", seed=seed))
        self._draw_counts()
        self._draw()

    def _model_for(self, split, seed: int):
        """The pair for the current settings, at its seeded start.

        A model whose shape is unchanged (only the data, teeth, seed, initialisation or η
        moved) is restarted in place (see :func:`widgets.models.depth.restart`), so its
        compiled training step is kept; the seeded initial weights are cached per shape,
        seed and initialisation.
        """
        from ..models.depth import build_pair, restart

        shape = (split.n_inputs, int(self._budget.value), int(self._depth.value), split.task)
        n_inputs, budget, depth, task = shape
        init = self._init.value
        start = (shape, seed, init)
        # a run that is still finishing uses the old model: never restart it under it
        if self._model_shape != shape or self._trainer_left_running:
            self.model = build_pair(
                n_inputs, budget, depth, task, self.learning_rate, seed, STEPS_PER_EPOCH, init=init
            )
            self._model_shape, self._trainer_left_running = shape, False
            self._initial_weights.setdefault(start, self.model.get_weights())
        if start not in self._initial_weights:
            fresh = build_pair(n_inputs, budget, depth, task, seed=seed, init=init)
            self._initial_weights[start] = fresh.get_weights()
        weights = self._initial_weights[start]
        restart(self.model, weights, self.learning_rate)
        return self.model

    def _fit_job(self, steps: int, recorder) -> FitJob:
        """``steps`` full-batch steps as Keras epochs of 25 steps each, losses recorded."""
        from ..models.depth import repeated

        split = self.split
        x, y = repeated(split.x_train, split.y_train, STEPS_PER_EPOCH)
        fit = {
            "epochs": max(1, steps // STEPS_PER_EPOCH),
            "batch_size": len(split.x_train),
            "shuffle": False,
            "callbacks": [recorder],
        }
        return FitJob(self.model, x, y, fit, "pair")

    def _stop_running(self, patience: float = 0.6) -> None:
        """Stop a running training, waiting at most ``patience`` seconds for it.

        Keras checks the stop after every chunk of 25 steps (a tenth of a second or so),
        so the wait is short and the model can then be restarted in place. A first ▶ on
        a new model may still be tracing (seconds): waiting would freeze the slider that
        asked for the change, so that run gets its own trainer and finishes unseen (its
        callbacks carry an old run id) and the next model is built anew.
        """
        if not self._trainer.running:
            return
        self._trainer.stop()
        if not self._trainer.join(patience):
            self._trainer = BackgroundFit(min_interval=self._trainer.min_interval)
            self._trainer_left_running = True

    def _last_step(self) -> int:
        return self.history["step"][-1] if self.history.get("step") else 0

    # Settings -----------------------------------------------------------------------------
    def _named_controls(self) -> dict:
        """The controls :meth:`configure` sets, by their key."""
        return {
            "data": self._data,
            "teeth": self._teeth,
            "turns": self._turns,
            "budget": self._budget,
            "depth": self._depth,
            "init": self._init,
            "learning_rate": self._rate,
            "steps": self._steps,
            "seed": self._seed,
        }

    def _set_quietly(self, control, value) -> None:
        """Set a control without starting again (the steps are no setting: never watched)."""
        if control is self._steps:
            control.value = value
            return
        control.unobserve(self._on_setting_change, names="value")
        control.value = value
        control.observe(self._on_setting_change, names="value")

    def _check_setting(self, key: str, value, controls: dict) -> None:
        """Raise a :class:`~widgets.errors.StudentError` for an unknown key or a value the
        control cannot take (out of range, not a number, a fraction for a whole number)."""
        if key not in controls:
            raise StudentError(
                "deep_vs_shallow.unknown_setting", name=key, names=", ".join(controls)
            )
        if key in ("data", "init"):
            choices = DATASETS if key == "data" else INITS
            if not (isinstance(value, str) and value in choices):
                raise StudentError(
                    "deep_vs_shallow.unknown_choice",
                    name=key,
                    value=value,
                    names=", ".join(choices),
                )
            return
        low, high = controls[key].min, controls[key].max
        if key == "learning_rate":
            low, high = 10**low, 10**high
        bounds = {"low": number(low, self.lang), "high": number(high, self.lang)}
        given = number(value, self.lang)
        if isinstance(controls[key], ipywidgets.IntSlider):
            if not (whole_number(value) and low <= value <= high):
                raise StudentError(
                    "deep_vs_shallow.bad_whole_number", name=key, value=given, **bounds
                )
        elif not (finite_number(value) and low <= value <= high):
            raise StudentError("deep_vs_shallow.bad_number", name=key, value=given, **bounds)

    def _diverged(self) -> StudentError:
        """Why the run cannot go on: the step where the loss stopped being a number."""
        return StudentError(
            "deep_vs_shallow.diverged",
            step=self.diverged_at,
            rate=number(float(f"{self.learning_rate:.3g}"), self.lang),
        )

    # Events -------------------------------------------------------------------------------
    @shows_errors
    def _on_setting_change(self, change) -> None:
        if change["owner"] is self._data:  # each set starts with its own initialisation
            self._set_quietly(self._init, DEFAULT_INIT[change["new"]])
        self._show_data_controls()
        self.clear_error()
        self.reset()

    @shows_errors
    def _on_play_click(self, button) -> None:
        self.play()

    @shows_errors
    def _on_reset_click(self, button) -> None:
        self.clear_error()
        self.reset()

    def _on_progress(self, run_id: int, progress: Progress) -> None:
        # The training thread, at most every 0.1 s: the weights are consistent here.
        if progress.done or run_id != self._run_id:
            return
        step = self._last_step()
        self._progress.value = min(step, self._progress.max)
        total = self._progress.max
        self._status.value = self._status_html(self._t("training", step=step, total=total))
        self._draw()

    def _on_trained(self, run_id: int, trainer: BackgroundFit, recorder) -> None:
        # The training thread, once at the end; a run replaced by a newer one is dropped.
        if run_id != self._run_id:
            return
        try:
            self._stop.disabled, self._play.disabled = True, False
            self._progress.value = self._progress.max
            if trainer.error is not None:
                self.show_error(trainer.error)
                return
            self.diverged_at = recorder.diverged_at
            if self.diverged_at is not None:
                self.show_error(self._diverged())
            self._draw_summary(trainer.stopped)
            self._draw()
        except Exception as error:  # noqa: BLE001  (a thread: show it, never lose it)
            self.show_error(error)
        finally:
            self.trained.set()

    # Drawing ------------------------------------------------------------------------------
    def _status_html(self, text: str) -> str:
        return f"<div style='font-size:15px'>{html.escape(text)}</div>"

    def _show_started(self, steps: int) -> None:
        """Progress from the last step, Stop enabled, the status at once.

        At once: the first ▶ on a new model waits ~1-4 s while TensorFlow traces its step.
        """
        start = self._last_step()
        self._progress.min, self._progress.max = start, start + steps
        self._progress.value = start
        self._stop.disabled, self._play.disabled = False, True
        starting = self._t("training", step=start, total=start + steps)
        self._status.value = self._status_html(starting)

    def _show_data_controls(self) -> None:
        """Only the sliders and the figure that belong to the chosen data are shown."""
        name = self._data.value
        shown = {True: None, False: "none"}
        self._teeth.layout.display = shown[name == "sawtooth"]
        self._turns.layout.display = shown[name == "spirals"]
        self._function_box.layout.display = shown[name != "spirals"]
        self._heatmap_box.layout.display = shown[name == "spirals"]
        small = "<div style='font-size:13px;line-height:1.35;color:#333'>{}</div>"
        self._data_help.value = small.format(self._t(f"data_help_{name}"))

    def _draw_counts(self) -> None:
        """The table of both nets' shapes and parameter counts."""
        headers = [self._t(key) for key in ("net", "shape", "params")]
        rows = [(net, self._t(net), *sizes) for net, sizes in self.widths().items()]
        self._counts.value = counts_html(headers, rows)

    def _draw_summary(self, stopped: bool) -> None:
        """The status after a run: stopped, or both test losses and which net won."""
        step = self._last_step()
        if stopped:
            self._status.value = self._status_html(self._t("stopped", step=step))
            return
        losses = self.last_test_losses()
        shallow, deep = losses["shallow"], losses["deep"]
        if not (np.isfinite(shallow) and np.isfinite(deep)):
            self._status.value = ""
            return
        if deep <= shallow:
            verdict = self._t("deep_better", ratio=shallow / max(deep, 1e-12))
        else:
            verdict = self._t("shallow_better", ratio=deep / max(shallow, 1e-12))
        text = self._t("summary", step=step, shallow=shallow, deep=deep, verdict=verdict)
        if self.split.name == "noisy":
            text += " " + self._overfit_summary()
        self._status.value = self._status_html(text)

    def _overfit_summary(self) -> str:
        """The shallow net's training loss against the noise, its test loss now and best."""
        test = self.history["shallow_test"]
        best = int(np.nanargmin(test))
        return self._t(
            "overfit_summary",
            train=self.history["shallow_train"][-1],
            test=test[-1],
            best=test[best],
            best_step=self.history["step"][best],
        )

    def _draw(self) -> None:
        """Both figures from the current weights and history (any thread)."""
        update_traces(self.loss_figure, loss_data(self.history), self._loss_layout())
        if self.split.task == "classification":
            update_traces(self.heatmap_figure, self._heatmap_trace_data())
        else:
            update_traces(self.function_figure, self._function_trace_data())

    def _loss_layout(self) -> dict:
        """The loss axis: log scale, or for the noisy set a linear one from 0 to 0.25 with
        the noise variance marked, so that the test loss rising above it shows.

        The line and its note stay in the layout, hidden for the other sets: plotly leaves
        shapes in place when given an empty list.
        """
        noisy = self.split.name == "noisy"
        grey = {"color": "#555"}
        line = {"type": "line", "xref": "paper", "x0": 0, "x1": 1, "visible": noisy}
        line.update(y0=NOISE_VARIANCE, y1=NOISE_VARIANCE, line={**grey, "dash": "dash"})
        note = {"xref": "paper", "x": 1, "y": NOISE_VARIANCE, "visible": noisy}
        note.update(xanchor="right", yanchor="top", showarrow=False, font={**grey, "size": 11})
        note["text"] = self._t("noise_line")
        axis = (
            {"type": "linear", "autorange": False, "range": NOISY_LOSS_RANGE, "dtick": 0.05}
            if noisy
            else {"type": "log", "autorange": True, "dtick": "D2"}
        )
        axis["title.text"] = self._t("loss_axis_linear" if noisy else "loss_axis")
        layout = {f"yaxis.{key}": value for key, value in axis.items()}
        return {**layout, "shapes": [line], "annotations": [note]}

    def _heatmap_trace_data(self) -> list[dict]:
        """Each net's probability of class 1 over the grid, with the training points."""
        from ..models.depth import forward

        shape = (len(self._axis), len(self._axis))
        maps = [forward(net, self._grid).reshape(shape) for net in (self.shallow, self.deep)]
        return heatmap_data(self.split, self._axis, *maps)

    def _function_trace_data(self) -> list[dict]:
        """Both nets' curves over the x grid, with the target and the training points."""
        from ..models.depth import forward

        x = self._curve_x
        if self.split.name == "sawtooth":
            target = sawtooth_target(x, int(self._teeth.value))
        else:
            target = np.sin(np.pi * x)
        curves = [forward(net, x.reshape(-1, 1)) for net in (self.shallow, self.deep)]
        return function_data(self.split, x, target, *curves)


# ----------------------------------------------------------------------------- exercises


def check_param_count(
    answer, n_inputs: int = 1, width: int = 13, depth: int = 3, lang: str = "pl"
) -> GateCheck:
    """Is ``answer`` the parameter count of ``depth`` x Dense(width) on ``n_inputs`` inputs
    with one output? Compared with the closed form :func:`widgets.models.depth.mlp_params`."""
    from ..models.depth import mlp_params

    t = TEXT.for_language(check_language(lang))
    want = mlp_params(n_inputs, width, depth)
    if isinstance(answer, int | np.integer) and int(answer) == want:
        detail = f"{n_inputs}→" + "→".join([str(width)] * depth) + "→1"
        return GateCheck(True, t("check_params_passed", want=want, detail=detail))
    hint = f"{depth} × Dense({width}) + Dense(1)"
    return GateCheck(False, t("check_params_failed", got=answer, want_hint=hint))


def check_shallow_neurons(answer, teeth: int = 8, lang: str = "pl") -> GateCheck:
    """Is ``answer`` the fewest ReLU neurons of one hidden layer that can draw a sawtooth of
    ``teeth`` teeth exactly? It has 2·teeth pieces, so 2·teeth − 1 bends (neurons)."""
    t = TEXT.for_language(check_language(lang))
    pieces = 2 * int(teeth)
    want = pieces - 1
    if isinstance(answer, int | np.integer) and int(answer) == want:
        return GateCheck(True, t("check_neurons_passed", teeth=teeth, pieces=pieces, want=want))
    return GateCheck(False, t("check_neurons_failed", got=answer, teeth=teeth))
