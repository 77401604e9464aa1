"""Lesson 15 (the Keras layer zoo and the sequence builder): its words, in Polish and English.

The catalogue's sentences (:mod:`widgets.models.layer_zoo`: impossible arguments, removed
layers) are here too: the model raises ``StudentError("layer_zoo.<key>")``.
"""

from __future__ import annotations

from ..i18n import Strings

TEXT = Strings(
    "layer_zoo",
    {
        "title": {
            "pl": "Zoo warstw Kerasa: kształty, parametry i działanie",
            "en": "The Keras layer zoo: shapes, parameters and what a layer does",
        },
        "intro": {
            "pl": "Wybierz rodzinę i warstwę z ściągi Kerasa, ustaw jej argumenty i kształt "
            "wejścia (bez osi paczki). Panel pokazuje <b>kształt wyjścia</b>, <b>liczbę "
            "parametrów</b> ze wzorem i to, co warstwa robi z małym przykładem: cyfrą na "
            "ekranie albo krótkim ciągiem. Wszystkie liczby policzyła prawdziwa warstwa Kerasa.",
            "en": "Pick a family and a layer of the Keras cheat sheet, set its arguments and "
            "the input shape (without the batch axis). The dashboard shows the <b>output "
            "shape</b>, the <b>parameter count</b> with its formula, and what the layer does "
            "to a small example: the digit on screen or a short sequence. Every number comes "
            "from a real Keras layer.",
        },
        "family": {"pl": "Rodzina", "en": "Family"},
        "layer": {"pl": "Warstwa", "en": "Layer"},
        "input_shape": {"pl": "Wejście", "en": "Input shape"},
        "input_help": {
            "pl": "Kształt wejścia bez osi paczki, np. 28, 28, 1 (obraz) albo 20, 3 (ciąg).",
            "en": "The input shape without the batch axis, e.g. 28, 28, 1 (an image) or "
            "20, 3 (a sequence).",
        },
        "fam_core": {"pl": "Gęste (Dense)", "en": "Dense"},
        "fam_conv": {"pl": "Konwolucyjne", "en": "Convolutional"},
        "fam_pooling": {"pl": "Łączenie (pooling)", "en": "Pooling"},
        "fam_reshaping": {
            "pl": "Powiększanie, dopełnienie, przycinanie",
            "en": "Upsampling, padding, cropping",
        },
        "fam_dropout": {"pl": "Porzucanie (dropout) i szum", "en": "Dropout and noise"},
        "fam_normalization": {"pl": "Normalizacja", "en": "Normalisation"},
        "fam_shape": {"pl": "Zmiana kształtu", "en": "Reshaping"},
        "fam_embedding": {"pl": "Zanurzenia (Embedding)", "en": "Embedding"},
        "fam_recurrent": {"pl": "Rekurencyjne", "en": "Recurrent"},
        "fam_removed": {"pl": "Usunięte w Kerasie 3", "en": "Removed in Keras 3"},
        "output_shape": {
            "pl": "Kształt wyjścia: <b>{shape}</b>",
            "en": "Output shape: <b>{shape}</b>",
        },
        "shape_formula": {"pl": "wzór: {formula}", "en": "formula: {formula}"},
        "params": {
            "pl": "Parametry: <b>{formula}</b>",
            "en": "Parameters: <b>{formula}</b>",
        },
        "operation": {
            "pl": "Działanie: <code>y = {formula}</code>",
            "en": "Operation: <code>y = {formula}</code>",
        },
        "keras_params": {
            "pl": "Keras: <code>count_params()</code> = {count}",
            "en": "Keras: <code>count_params()</code> = {count}",
        },
        "keras_pending": {
            "pl": "Keras: <code>count_params()</code> = … (Keras buduje warstwę)",
            "en": "Keras: <code>count_params()</code> = … (Keras is building the layer)",
        },
        "fig_input": {"pl": "wejście", "en": "input"},
        "fig_output": {"pl": "wyjście (kanał {channel})", "en": "output (channel {channel})"},
        "fig_output_all": {"pl": "wyjście", "en": "output"},
        "fig_channels": {"pl": "kanały wyjścia", "en": "output channels"},
        "fig_train": {"pl": "uczenie (training=True)", "en": "training (training=True)"},
        "fig_infer": {"pl": "wnioskowanie (training=False)", "en": "inference (training=False)"},
        "fig_infer_after": {
            "pl": "wnioskowanie po {steps} {steps:@kroku|krokach|krokach}",
            "en": "inference after {steps} {steps:@step|steps}",
        },
        "step": {"pl": "Położenie okna", "en": "Window position"},
        "at": {
            "pl": "Położenie {step}: komórka wyjścia ({row}, {col}) = {value}",
            "en": "Position {step}: output cell ({row}, {col}) = {value}",
        },
        "at_1d": {
            "pl": "Położenie {step}: wyjście w kroku czasu {col} = {value}",
            "en": "Position {step}: the output at time step {col} = {value}",
        },
        "window_help": {
            "pl": "Czerwona ramka: okno jądra na wejściu (z dopełnieniem), zamalowane "
            "komórki są mnożone przez wagi (z rozszerzeniem – co którąś); czarna ramka: "
            "komórka wyjścia, którą to okno zapisuje. Wartość policzyła warstwa Kerasa.",
            "en": "Red frame: the kernel's window on the (padded) input, the tinted cells "
            "are the ones multiplied by the weights (with a dilation, every d-th); black "
            "frame: the output cell this window writes. The value comes from the Keras "
            "layer.",
        },
        "transposed_help": {
            "pl": "Konwolucja transponowana = zwykła konwolucja na wejściu rozrzedzonym "
            "zerami (krok − 1 zer między pikselami) i dopełnionym: tak ją rysuje "
            "conv_arithmetic.",
            "en": "A transposed convolution = an ordinary convolution over the input spread "
            "out with zeros (stride − 1 zeros between pixels) and padded: the way "
            "conv_arithmetic draws it.",
        },
        "dropout_note": {
            "pl": "Uczenie: zachowane {kept} z {total} wartości ({share}), pozostałe "
            "pomnożone przez {scale}. Wnioskowanie: wejście bez zmian.",
            "en": "Training: {kept} of {total} values kept ({share}), each multiplied by "
            "{scale}. Inference: the input unchanged.",
        },
        "bn_note": {
            "pl": "Uczenie: średnia i wariancja tej paczki ({batch} przykładów), wyjście ma "
            "średnią ≈ {train_mean}. Wnioskowanie po {steps} {steps:@kroku|krokach|krokach} "
            "uczenia na tej paczce: średnie kroczące (początkowo 0 i 1) przeszły {moved} drogi "
            "do jej statystyk (1 − momentum<sup>{steps}</sup>), wyjście ma średnią ≈ "
            "{infer_mean}. Przy momentum 0,99 dopiero setki kroków zrównują wnioskowanie "
            "z uczeniem.",
            "en": "Training: this batch's mean and variance ({batch} examples), the output's "
            "mean ≈ {train_mean}. Inference after {steps} training {steps:@step|steps} on this "
            "batch: the moving averages (0 and 1 at first) have gone {moved} of the way to its "
            "statistics (1 − momentum<sup>{steps}</sup>), the output's mean ≈ {infer_mean}. "
            "With momentum 0.99 it takes hundreds of steps before inference matches training.",
        },
        "noise_note": {
            "pl": "Uczenie: dodany szum N(0, {stddev}²). Wnioskowanie: wejście bez zmian.",
            "en": "Training: noise N(0, {stddev}²) added. Inference: the input unchanged.",
        },
        "removed_note": {
            "pl": "Tej warstwy nie ma w Kerasie 3. {why} Dziś: <code>{replacement}</code>",
            "en": "Keras 3 does not have this layer. {why} Today: <code>{replacement}</code>",
        },
        "removed_local": {
            "pl": "Warstwa lokalnie połączona miała osobne wagi w każdym miejscu obrazu; "
            "Keras 3 jej nie przeniósł. Zwykle wystarcza konwolucja (wagi wspólne).",
            "en": "A locally connected layer had separate weights at every place of the "
            "image; Keras 3 did not carry it over. A convolution (shared weights) usually "
            "does.",
        },
        "removed_cudnn": {
            "pl": "Zwykła warstwa sama używa cuDNN na karcie graficznej (przy domyślnych "
            "argumentach).",
            "en": "The plain layer uses cuDNN by itself on a GPU (with its default arguments).",
        },
        "removed_threshold": {
            "pl": "Próg ma teraz zwykła ReLU.",
            "en": "The plain ReLU takes a threshold now.",
        },
        "model_help": {
            "pl": "<code>dashboard.model</code> to <code>keras.Model</code> z tą jedną "
            "warstwą (wagi losowe, ziarno 0).",
            "en": "<code>dashboard.model</code> is a <code>keras.Model</code> holding this one "
            "layer (random weights, seed 0).",
        },
        # Errors (the catalogue's and the dashboard's)
        "too_big": {
            "pl": "Argument {arg}: okno obejmuje {span} pikseli, a wejście ma tylko {n} "
            "(przy dopełnieniu 'valid'). Zmniejsz {arg} albo wybierz padding 'same'.",
            "en": "Argument {arg}: the window spans {span} pixels but the input has only "
            "{n} (with 'valid' padding). Make {arg} smaller or choose padding 'same'.",
        },
        "stride_and_dilation": {
            "pl": "Argumenty strides ({strides}) i dilation_rate ({dilation}): Keras nie "
            "łączy kroku większego niż 1 z rozszerzeniem większym niż 1; ustaw jedno z nich na 1.",
            "en": "Arguments strides ({strides}) and dilation_rate ({dilation}): Keras does "
            "not combine a stride above 1 with a dilation above 1; set one of them to 1.",
        },
        "crop_too_much": {
            "pl": "Argument {arg}: przycięcie {cropping} z obu stron nie zostawia nic z "
            "{n} pikseli.",
            "en": "Argument {arg}: cropping {cropping} from both sides leaves nothing of "
            "{n} pixels.",
        },
        "bad_ints": {
            "pl": "Argument {arg}: {value!r} to nie liczby całkowite rozdzielone przecinkami "
            "(np. 7, 7, 16).",
            "en": "Argument {arg}: {value!r} is not whole numbers separated by commas "
            "(e.g. 7, 7, 16).",
        },
        "bad_reshape": {
            "pl": "Argument {arg}: kształt {target} nie mieści dokładnie {size} wartości "
            "wejścia (iloczyn musi być równy; jedno −1 Keras wylicza sam).",
            "en": "Argument {arg}: the shape {target} does not hold exactly the input's "
            "{size} values (the product must be equal; Keras works out one −1 itself).",
        },
        "bad_permute": {
            "pl": "Argument {arg}: {dims} nie jest permutacją liczb 1…{rank} (każda oś "
            "wejścia dokładnie raz; oś paczki się nie liczy).",
            "en": "Argument {arg}: {dims} is not a permutation of 1…{rank} (each input axis "
            "exactly once; the batch axis does not count).",
        },
        "bad_int": {
            "pl": "Argument {arg}: {value!r} – podaj liczbę całkowitą od {low} do {high}.",
            "en": "Argument {arg}: {value!r} – give a whole number from {low} to {high}.",
        },
        "bad_float": {
            "pl": "Argument {arg}: {value!r} – podaj liczbę od {low} do {high}.",
            "en": "Argument {arg}: {value!r} – give a number from {low} to {high}.",
        },
        "bad_choice": {
            "pl": "Argument {arg}: {value!r} – wybierz jedno z: {choices}.",
            "en": "Argument {arg}: {value!r} – pick one of: {choices}.",
        },
        "bad_shape": {
            "pl": "Kształt wejścia {value}: każdy wymiar od 1, razem najwyżej 200 000 wartości.",
            "en": "Input shape {value}: every size from 1, at most 200,000 values in all.",
        },
        "wrong_rank": {
            "pl": "{layer} nie przyjmie wejścia o kształcie {shape}: potrzebuje "
            "{ranks} wymiarów (bez osi paczki).",
            "en": "{layer} cannot take an input of shape {shape}: it needs {ranks} "
            "dimensions (without the batch axis).",
        },
        "unknown_layer": {
            "pl": "Nie ma warstwy {layer!r} w zoo; są: {names}.",
            "en": "There is no layer {layer!r} in the zoo; there are: {names}.",
        },
        "unknown_arg": {
            "pl": "{layer} nie ma argumentu {arg!r}; ma: {names}.",
            "en": "{layer} has no argument {arg!r}; it has: {names}.",
        },
        "removed": {
            "pl": "Warstwy {layer} nie ma w Kerasie 3; dziś: {replacement}.",
            "en": "Keras 3 has no {layer}; today: {replacement}.",
        },
        "keras_refused": {
            "pl": "Keras nie zbudował warstwy {layer} z tymi argumentami (szczegóły poniżej).",
            "en": "Keras could not build {layer} with these arguments (details below).",
        },
        "code_title": {
            "pl": "# Warstwa {layer} z argumentami panelu, na wejściu o kształcie {shape}",
            "en": "# The layer {layer} with the dashboard's arguments, on an input of shape "
            "{shape}",
        },
        "code_input": {
            "pl": "# Przykładowe wejście (paczka jednego przykładu)",
            "en": "# An example input (a batch of one)",
        },
        "code_seed": {
            "pl": "# Ziarno: te same wagi co w panelu",
            "en": "# The seed: the same weights as the dashboard's",
        },
        "code_batch": {
            "pl": "# Paczka {batch} przykładów: uczenie (training=True) i wnioskowanie",
            "en": "# A batch of {batch} examples: training (training=True) and inference",
        },
        "code_bn_steps": {
            "pl": "# {steps} {steps:@krok|kroki|kroków} uczenia na tej paczce: średnie kroczące "
            "idą do jej statystyk",
            "en": "# {steps} training {steps:@step|steps} on this batch: the moving averages go "
            "towards its statistics",
        },
        # Exercises
        "check_params_missing": {
            "pl": "Wpisz liczbę parametrów (liczbę całkowitą) zamiast {got!r}.",
            "en": "Write the parameter count (a whole number) instead of {got!r}.",
        },
        "check_params_ok": {
            "pl": "✅ Dobrze: {formula}. Każdy z {f} filtrów ma {k}·{k}·{c} wag i jeden "
            "wyraz wolny (bias).",
            "en": "✅ Right: {formula}. Each of the {f} filters has {k}·{k}·{c} weights and "
            "one bias.",
        },
        "check_params_bias": {
            "pl": "Prawie: to same wagi. Każdy filtr ma jeszcze wyraz wolny (bias).",
            "en": "Almost: those are the weights alone. Each filter has a bias too.",
        },
        "check_params_bad": {
            "pl": "Nie, {got} to nie to. Filtr patrzy na okno {k}×{k}×{c} (wszystkie kanały "
            "wejścia); filtrów jest {f}. Sprawdź w panelu (Conv2D, filters={f}).",
            "en": "No, {got} is not it. A filter sees a {k}×{k}×{c} window (all the input "
            "channels); there are {f} filters. Check with the dashboard (Conv2D, filters={f}).",
        },
        "check_shape_ok": {
            "pl": "✅ Dobrze: {formula}.",
            "en": "✅ Right: {formula}.",
        },
        "check_shape_channels": {
            "pl": "Boki się zgadzają, ale wyjście ma tyle kanałów, ile filtrów: {f}.",
            "en": "The sides are right, but the output has as many channels as filters: {f}.",
        },
        "check_shape_bad": {
            "pl": "Nie, {got!r} to nie ten kształt. Podaj krotkę (wysokość, szerokość, "
            "kanały); przy padding='{padding}' i kroku {s} bok {n} rośnie do n·s + max(k − s, 0) "
            "('valid') albo n·s ('same').",
            "en": "No, {got!r} is not the shape. Give a tuple (height, width, channels); "
            "with padding='{padding}' and stride {s} the side {n} grows to n·s + max(k − s, 0) "
            "('valid') or n·s ('same').",
        },
    },
)
