"""Lesson 08's words, in Polish and English (one table; see :mod:`widgets.i18n`)."""

from __future__ import annotations

from ..i18n import Strings

TEXT = Strings(
    "deep_vs_shallow",
    {
        "title": {
            "pl": "Sieci głębokie kontra płytkie",
            "en": "Deep against shallow networks",
        },
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
        "data": {
            "pl": "dane",
            "en": "data",
        },
        "data_sawtooth": {
            "pl": "piła",
            "en": "sawtooth",
        },
        "data_spirals": {
            "pl": "spirale",
            "en": "spirals",
        },
        "data_noisy": {
            "pl": "zaszumiony",
            "en": "noisy",
        },
        "init": {
            "pl": "początkowe zgięcia",
            "en": "starting bends",
        },
        "init_keras": {
            "pl": "w zerze (Keras)",
            "en": "at 0 (Keras)",
        },
        "init_spread": {
            "pl": "rozłożone",
            "en": "spread",
        },
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
        "teeth": {
            "pl": "liczba ząbków",
            "en": "teeth",
        },
        "turns": {
            "pl": "zwoje spirali",
            "en": "spiral turns",
        },
        "budget": {
            "pl": "budżet parametrów",
            "en": "parameter budget",
        },
        "depth": {
            "pl": "warstwy sieci głębokiej",
            "en": "deep net's layers",
        },
        "learning_rate": {
            "pl": "współczynnik uczenia η",
            "en": "learning rate η",
        },
        "steps": {
            "pl": "kroki na jedno ▶",
            "en": "steps per ▶",
        },
        "seed": {
            "pl": "ziarno losowania",
            "en": "random seed",
        },
        "play": {
            "pl": "Ucz",
            "en": "Train",
        },
        "stop": {
            "pl": "Stop",
            "en": "Stop",
        },
        "reset": {
            "pl": "Od nowa",
            "en": "Reset",
        },
        "shallow": {
            "pl": "płytka",
            "en": "shallow",
        },
        "deep": {
            "pl": "głęboka",
            "en": "deep",
        },
        "net": {
            "pl": "sieć",
            "en": "net",
        },
        "shape": {
            "pl": "warstwy × neurony",
            "en": "layers × neurons",
        },
        "params": {
            "pl": "parametry",
            "en": "parameters",
        },
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
        "target": {
            "pl": "cel",
            "en": "target",
        },
        "train_points": {
            "pl": "zbiór uczący",
            "en": "training set",
        },
        "function_title": {
            "pl": "Funkcje nauczone przez obie sieci",
            "en": "What both nets learnt",
        },
        "loss_title": {
            "pl": "Strata w kolejnych krokach",
            "en": "Loss over the steps",
        },
        "loss_axis": {
            "pl": "strata (skala log.)",
            "en": "loss (log scale)",
        },
        "loss_axis_linear": {
            "pl": "strata",
            "en": "loss",
        },
        "step_axis": {
            "pl": "liczba kroków (każdy na całym zbiorze)",
            "en": "training step",
        },
        "series": {
            "pl": "{net} ({part})",
            "en": "{net}: {part}",
        },
        "part_train": {
            "pl": "zbiór uczący",
            "en": "training",
        },
        "part_test": {
            "pl": "zbiór testowy",
            "en": "test",
        },
        "ready": {
            "pl": "Naciśnij ▶ Ucz: obie sieci zaczynają z losowych wag (ziarno {seed}); "
            "strata testowa na starcie: płytka {shallow:.4g}, głęboka {deep:.4g}.",
            "en": "Press ▶ Train: both nets start from random weights (seed {seed}); "
            "the test loss at the start: shallow {shallow:.4g}, deep {deep:.4g}.",
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
        "code_data": {
            "pl": "# Dane z panelu: zbiór uczący i testowy.",
            "en": "# The dashboard's data: the training and the test set.",
        },
        "code_mlp": {
            "pl": "# Sieć: depth warstw ukrytych po width neuronów ReLU i jeden neuron wyjściowy.",
            "en": "# A net: depth hidden layers of width ReLU neurons and one output neuron.",
        },
        "code_fit": {
            "pl": "# Każdy krok widzi cały zbiór uczący (pełna paczka); {steps} "
            "{steps:@krok|kroki|kroków} Adama.",
            "en": "# Every step sees the whole training set (full batch); {steps} Adam "
            "{steps:@step|steps}.",
        },
    },
)
