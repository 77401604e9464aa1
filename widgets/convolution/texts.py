"""Lesson 10's words, part 1 (the convolution by hand), in Polish and English; the digit
source's own words are in :mod:`widgets.digits`."""

from __future__ import annotations

from ..i18n import Strings

TEXT = Strings(
    "convolution",
    {
        "title": {
            "pl": "Splot (konwolucja) krok po kroku",
            "en": "Convolution step by step",
        },
        "intro": {
            "pl": "Warstwa konwolucyjna zamiast mnożyć obraz przez macierz wag <b>przesuwa mały "
            "filtr (jądro, np. 3×3) po obrazie</b>. W każdym położeniu mnoży dziewięć pikseli "
            "okna przez dziewięć wag filtra i sumuje iloczyny: to jedna liczba <b>mapy "
            "cech</b>. Te same wagi działają w każdym miejscu obrazu, więc filtr wykrywa ten "
            "sam wzór (np. krawędź) wszędzie. Potem ReLU zeruje wartości ujemne, a "
            "max-pooling 2×2 (łączenie, ang. <i>pooling</i>) zostawia z każdego bloku 2×2 "
            "największą z czterech wartości, więc zmniejsza mapę dwa razy w każdym wymiarze.",
            "en": "Instead of multiplying the image by a weight matrix, a convolutional layer "
            "<b>slides a small filter (kernel, e.g. 3×3) over the image</b>. At each position "
            "it multiplies the nine pixels of the window by the nine weights and sums the "
            "products: one number of the <b>feature map</b>. The same weights work everywhere, "
            "so the filter finds the same pattern (e.g. an edge) anywhere. Then ReLU zeroes "
            "the negative values and 2×2 max-pooling keeps the largest of each 2×2 block's four "
            "values, so it halves the map in each dimension.",
        },
        "kernel": {
            "pl": "filtr 3×3",
            "en": "3×3 kernel",
        },
        "identity": {
            "pl": "tożsamość",
            "en": "identity",
        },
        "blur": {
            "pl": "rozmycie",
            "en": "blur",
        },
        "sharpen": {
            "pl": "wyostrzenie",
            "en": "sharpen",
        },
        "sobel_x": {
            "pl": "Sobel x (krawędzie pionowe)",
            "en": "Sobel x (vertical edges)",
        },
        "sobel_y": {
            "pl": "Sobel y (krawędzie poziome)",
            "en": "Sobel y (horizontal edges)",
        },
        "laplacian": {
            "pl": "Laplasjan (wszystkie krawędzie)",
            "en": "Laplacian (all edges)",
        },
        "custom": {
            "pl": "własny (wpisz wagi)",
            "en": "custom (type the weights)",
        },
        "kernel_help": {
            "pl": "Wpisz dziewięć wag albo wybierz gotowy filtr.",
            "en": "Type the nine weights or choose a preset.",
        },
        "bad_kernel": {
            "pl": "Filtr 3×3 ma dziewięć wag i każda musi być skończoną liczbą: podaj tablicę "
            "3×3 albo wybierz gotowy filtr.",
            "en": "A 3×3 kernel has nine weights, each a finite number: give a 3×3 array or "
            "choose a preset.",
        },
        "big_weight": {
            "pl": "Każda waga filtra musi być liczbą od {low} do {high}, a podano {value}.",
            "en": "Every kernel weight must be a number from {low} to {high}, not {value}.",
        },
        "bad_preset": {
            "pl": "Nieznany filtr {value!r}; do wyboru: {names}.",
            "en": "Unknown kernel {value!r}; choose one of: {names}.",
        },
        "bad_stride": {
            "pl": "Krok (stride) musi być liczbą całkowitą od {low} do {high}, a podano {value}.",
            "en": "The stride must be a whole number from {low} to {high}, not {value}.",
        },
        "bad_size": {
            "pl": "Rozmiar wejścia n musi być liczbą całkowitą od {low} do {high}, a podano "
            "{value}.",
            "en": "The input size n must be a whole number from {low} to {high}, not {value}.",
        },
        "bad_padding": {
            "pl": "Dopełnienie (padding) może mieć tylko jedną z wartości {names}, a podano "
            "{value}.",
            "en": "The padding can only be one of {names}, not {value}.",
        },
        "bad_step": {
            "pl": "Położenie okna musi być liczbą całkowitą od 0 do {high}, a podano {value}.",
            "en": "The window position must be a whole number from 0 to {high}, not {value}.",
        },
        "stride": {
            "pl": "krok (stride)",
            "en": "stride",
        },
        "padding": {
            "pl": "dopełnienie",
            "en": "padding",
        },
        "pad_valid": {
            "pl": "brak (valid, p=0)",
            "en": "none (valid, p=0)",
        },
        "pad_1": {
            "pl": "p = 1 zero wokół",
            "en": "p = 1 zero around",
        },
        "pad_2": {
            "pl": "p = 2 zera wokół",
            "en": "p = 2 zeros around",
        },
        "pad_same": {
            "pl": "same (wyjście ⌈n/s⌉)",
            "en": "same (output ⌈n/s⌉)",
        },
        "size": {
            "pl": "rozmiar wejścia n",
            "en": "input size n",
        },
        "size_help": {
            "pl": "Mniejsze n wycina środek obrazu: sprawdź, kiedy filtr przestaje się mieścić.",
            "en": "A smaller n crops the middle of the image: see when the kernel stops fitting.",
        },
        "step": {
            "pl": "położenie",
            "en": "position",
        },
        "play_help": {
            "pl": "▶ przesuwa filtr wiersz po wierszu; suwak ustawia położenie ręcznie.",
            "en": "▶ slides the kernel row by row; the slider sets the position by hand.",
        },
        "fig_input": {
            "pl": "wejście (z dopełnieniem)",
            "en": "input (padded)",
        },
        "fig_map": {
            "pl": "mapa cech",
            "en": "feature map",
        },
        "fig_relu": {
            "pl": "po ReLU",
            "en": "after ReLU",
        },
        "fig_pool": {
            "pl": "max-pooling 2×2",
            "en": "2×2 max-pooling",
        },
        "window": {
            "pl": "okno",
            "en": "window",
        },
        "weights": {
            "pl": "wagi filtra",
            "en": "kernel weights",
        },
        "products": {
            "pl": "iloczyny",
            "en": "products",
        },
        "formula": {
            "pl": "Rozmiar mapy cech: {formula} → mapa {out}×{out}, po poolingu {pooled}×{pooled}.",
            "en": "Feature-map size: {formula} → a {out}×{out} map, {pooled}×{pooled} after "
            "pooling.",
        },
        "uneven": {
            "pl": "Uwaga: (n + 2p − k) = {span} nie dzieli się przez s = {stride}, więc "
            "ostatnie wiersze i kolumny nie trafiają pod filtr (Keras je pomija); ich "
            "liczba: {left}.",
            "en": "Note: (n + 2p − k) = {span} is not divisible by s = {stride}: the last "
            "{left} {left:@row and column are|rows and columns are} never under the kernel "
            "(Keras drops them).",
        },
        "no_pool": {
            "pl": "Mapa {out}×{out} jest mniejsza niż okno poolingu 2×2: pooling niemożliwy.",
            "en": "The {out}×{out} map is smaller than the 2×2 pooling window: no pooling.",
        },
        "impossible": {
            "pl": "Filtr {k}×{k} nie mieści się w wejściu {n}×{n} z dopełnieniem p = {p}: "
            "n + 2p − k = {span} < 0. Zwiększ n lub dopełnienie.",
            "en": "The {k}×{k} kernel does not fit in the {n}×{n} input with padding p = {p}: "
            "n + 2p − k = {span} < 0. Increase n or the padding.",
        },
        "at": {
            "pl": "położenie (wiersz {row}, kolumna {col}) z {total}",
            "en": "position (row {row}, column {col}) of {total}",
        },
        "model_help": {
            "pl": "Liczy to prawdziwa warstwa Kerasa <code>Conv2D</code> z wpisanym filtrem "
            "(<code>dashboard.model</code>), ReLU i <code>MaxPooling2D</code>.",
            "en": "A real Keras <code>Conv2D</code> layer with your kernel computes this "
            "(<code>dashboard.model</code>), followed by ReLU and <code>MaxPooling2D</code>.",
        },
        "check_size_ok": {
            "pl": "✅ Dobrze: ⌊({n} + 2·{p} − {k})/{s}⌋ + 1 = {want}.",
            "en": "✅ Correct: ⌊({n} + 2·{p} − {k})/{s}⌋ + 1 = {want}.",
        },
        "check_size_bad": {
            "pl": "❌ Jeszcze nie: {got} ≠ wynik wzoru ⌊(n + 2p − k)/s⌋ + 1. Podstaw n = {n}, "
            "p = {p}, k = {k}, s = {s} i pamiętaj o zaokrągleniu w dół.",
            "en": "❌ Not yet: {got} is not what ⌊(n + 2p − k)/s⌋ + 1 gives. Put in n = {n}, "
            "p = {p}, k = {k}, s = {s} and remember to round down.",
        },
        "check_params_ok": {
            "pl": "✅ Dobrze: ({k}·{k}·{c} + 1)·{f} = {want} {want:@parametr|parametry|parametrów} "
            "(wagi + wyraz wolny, czyli bias, każdego filtra).",
            "en": "✅ Correct: ({k}·{k}·{c} + 1)·{f} = {want} parameters (weights + one bias per "
            "filter).",
        },
        "check_params_bad": {
            "pl": "❌ Jeszcze nie: {got}. Każdy z {f} {f:@filtra|filtrów|filtrów} ma jądro {k}×{k} "
            "na każdym z {c} {c:@kanału|kanałów|kanałów} wejścia i jeden wyraz wolny (bias).",
            "en": "❌ Not yet: {got}. Each of the {f} filters has a {k}×{k} kernel on each of the "
            "{c} input channels, and one bias.",
        },
        "check_edge_ok": {
            "pl": "✅ Dobrze: filtr daje 0 na jednolitym tle, dodatnią odpowiedź na krawędzi "
            "ciemne→jasne w dół i nie reaguje na krawędź pionową.",
            "en": "✅ Correct: the kernel gives 0 on a flat background, a positive response on a "
            "dark→bright edge downwards and ignores a vertical edge.",
        },
        "check_edge_flat": {
            "pl": "❌ Na jednolitym obrazie filtr daje {value:.2f}, a powinien 0: wagi muszą "
            "sumować się do zera.",
            "en": "❌ On a flat image the kernel gives {value:.2f} instead of 0: the weights must "
            "sum to zero.",
        },
        "check_edge_weak": {
            "pl": "❌ Na krawędzi ciemne→jasne (w dół) odpowiedź to {value:.2f}: powinna być "
            "dodatnia. Daj dodatnie wagi w dolnym wierszu, ujemne w górnym.",
            "en": "❌ On a dark→bright edge (downwards) the response is {value:.2f}: it should "
            "be positive. Put positive weights in the bottom row, negative ones in the top row.",
        },
        "check_edge_vertical": {
            "pl": "❌ Filtr reaguje też na krawędź pionową ({value:.2f}): wagi w każdym wierszu "
            "powinny być symetryczne lewo-prawo.",
            "en": "❌ The kernel also responds to a vertical edge ({value:.2f}): each row's weights "
            "should be left-right symmetric.",
        },
        "code_crop": {
            "pl": "# środek obrazu, {size}×{size}",
            "en": "# the middle of the image, {size}×{size}",
        },
        "code_kernel": {
            "pl": "# Jądro splotu z panelu.",
            "en": "# The dashboard's convolution kernel.",
        },
        "code_maps": {
            "pl": "# Mapy cech dla tego obrazu, narysowane obok niego.",
            "en": "# The feature maps of this image, drawn beside it.",
        },
        "code_title_image": {
            "pl": "obraz",
            "en": "image",
        },
        "code_title_feature_map": {
            "pl": "splot",
            "en": "convolution",
        },
        "code_title_rectified": {
            "pl": "ReLU",
            "en": "ReLU",
        },
        "code_title_pooled": {
            "pl": "max-pooling 2×2",
            "en": "2×2 max-pooling",
        },
    },
)
