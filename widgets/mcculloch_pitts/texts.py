"""Lesson 02's words, in Polish and English (one table; see :mod:`widgets.i18n`)."""

from __future__ import annotations

from ..i18n import Strings

TEXT = Strings(
    "mcculloch_pitts",
    {
        "title": {
            "pl": "Neuron McCullocha-Pittsa (1943)",
            "en": "The McCulloch-Pitts neuron (1943)",
        },
        "intro": {
            "pl": "Neuron sumuje wejścia pomnożone przez wagi i <b>odpala (1)</b>, gdy suma "
            "osiąga <b>próg θ</b>; inaczej daje 0. Nie uczy się: to Ty ustawiasz wagi. "
            "Aktywne wejście hamujące <i>h</i> blokuje odpalenie bez względu na sumę.",
            "en": "The neuron adds its inputs multiplied by weights and <b>fires (1)</b> when "
            "the sum reaches the <b>threshold θ</b>; otherwise it outputs 0. It does not "
            "learn: you set the weights. An active inhibitory input <i>h</i> vetoes "
            "firing whatever the sum.",
        },
        "weights": {
            "pl": "Wagi i próg",
            "en": "Weights and threshold",
        },
        "threshold": {
            "pl": "próg θ",
            "en": "threshold θ",
        },
        "third_input": {
            "pl": "trzecie wejście x3",
            "en": "third input x3",
        },
        "inhibitory": {
            "pl": "wejście hamujące h",
            "en": "inhibitory input h",
        },
        "presets": {
            "pl": "Gotowe bramki:",
            "en": "Presets:",
        },
        "current_input": {
            "pl": "Wejście na schemacie:",
            "en": "Input shown in the diagram:",
        },
        "computes": {
            "pl": "Ten neuron liczy: <b>{name}</b>",
            "en": "This neuron computes: <b>{name}</b>",
        },
        "computes_veto": {
            "pl": "Ten neuron liczy: <b>{name}</b> (gdy h = 0; h = 1 blokuje)",
            "en": "This neuron computes: <b>{name}</b> (when h = 0; h = 1 vetoes)",
        },
        "no_name": {
            "pl": "funkcję bez popularnej nazwy",
            "en": "a function with no common name",
        },
        "fn_FALSE": {
            "pl": "stałe 0",
            "en": "constant 0",
        },
        "fn_TRUE": {
            "pl": "stałe 1",
            "en": "constant 1",
        },
        "fn_MAJORITY": {
            "pl": "większość (MAJORITY)",
            "en": "MAJORITY",
        },
        "fn_MINORITY": {
            "pl": "mniejszość (MINORITY)",
            "en": "MINORITY",
        },
        "sum": {
            "pl": "suma ważona",
            "en": "weighted sum",
        },
        "output": {
            "pl": "wyjście y",
            "en": "output y",
        },
        "veto": {
            "pl": "h (hamujące)",
            "en": "h (inhibitory)",
        },
        "plane_title": {
            "pl": "Płaszczyzna wejść: neuron odpala w zacienionej części",
            "en": "Input plane: the neuron fires in the shaded part",
        },
        "plane_slice": {
            "pl": "Przekrój płaszczyzny dla x3 =",
            "en": "Plane slice at x3 =",
        },
        "plane_veto": {
            "pl": "Rysunek pokazuje h = 0; przy h = 1 neuron nigdy nie odpala.",
            "en": "The plot shows h = 0; with h = 1 the neuron never fires.",
        },
        "no_line": {
            "pl": "Wszystkie wagi są zerowe: nie ma prostej decyzyjnej, wyjście jest stałe.",
            "en": "All weights are zero: there is no decision line, the output is constant.",
        },
        "challenge": {
            "pl": "Wyzwanie: XOR",
            "en": "Challenge: XOR",
        },
        "challenge_help": {
            "pl": "Ustaw wagi i próg tak, by neuron liczył XOR (kolumna „cel”). Trafione "
            "wiersze: <b>{right}/{total}</b>. Próby: {attempts}. Obwódki na płaszczyźnie "
            "pokazują cel (czerwona = 1, niebieska = 0).",
            "en": "Set the weights and threshold so that the neuron computes XOR (the "
            "'target' column). Rows right: <b>{right}/{total}</b>. Attempts: {attempts}. The rings "
            "on the plane show the target (red = 1, blue = 0).",
        },
        "challenge_solved": {
            "pl": "Brawo: to jest XOR!",
            "en": "Well done: that is XOR!",
        },
        "xor_why": {
            "pl": "<b>Dlaczego się nie da?</b> Neuron odpala po jednej stronie <i>jednej "
            "prostej</i> w1·x1 + w2·x2 = θ. XOR wymaga 1 w rogach (0,1) i (1,0), a 0 w "
            "(0,0) i (1,1) – żadna prosta tak ich nie rozdzieli. Rachunek: (0,0)→0 daje "
            "0 &lt; θ; (1,0)→1 i (0,1)→1 dają w1 ≥ θ i w2 ≥ θ, więc w1 + w2 ≥ 2θ &gt; θ; "
            "a (1,1)→0 wymaga w1 + w2 &lt; θ. Sprzeczność. Najlepiej można trafić 3 z 4 "
            "wierszy. Minsky i Papert (1969) pokazali to dla perceptronu; rozwiązaniem "
            "jest warstwa ukryta (lekcja 07).",
            "en": "<b>Why is it impossible?</b> The neuron fires on one side of <i>a single "
            "straight line</i> w1·x1 + w2·x2 = θ. XOR needs 1 at corners (0,1) and (1,0) "
            "and 0 at (0,0) and (1,1): no line separates them. The algebra: (0,0)→0 gives "
            "0 &lt; θ; (1,0)→1 and (0,1)→1 give w1 ≥ θ and w2 ≥ θ, so w1 + w2 ≥ 2θ &gt; "
            "θ; but (1,1)→0 needs w1 + w2 &lt; θ. A contradiction. The best you can get "
            "is 3 rows of 4. Minsky and Papert (1969) showed this for the perceptron; a "
            "hidden layer solves it (lesson 07).",
        },
        "bad_weights": {
            "pl": "Podaj po jednej wadze na każde wejście (liczba wejść: {n}), każdą od {low} "
            "do {high}, oraz próg od {tlow} do {thigh}.",
            "en": "Give one weight per input (number of inputs: {n}), each from {low} to "
            "{high}, and a threshold from {tlow} to {thigh}.",
        },
        "code_comment": {
            "pl": "# Neuron McCullocha-Pittsa: y = 1, gdy w·x ≥ θ{veto}.",
            "en": "# The McCulloch-Pitts neuron: y = 1 when w·x ≥ θ{veto}.",
        },
        "code_veto": {
            "pl": " i żadne wejście hamujące h nie jest aktywne",
            "en": " and no inhibitory input h is active",
        },
        "code_table": {
            "pl": "# Tablica prawdy: każdy wiersz wejść i odpowiedź neuronu.",
            "en": "# The truth table: every input row and the neuron's answer.",
        },
        "unknown_gate": {
            "pl": "Nieznana bramka {name!r}; dostępne: {names}.",
            "en": "Unknown gate {name!r}; available: {names}.",
        },
    },
)
