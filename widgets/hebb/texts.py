"""Lesson 03's words, in Polish and English, the exercises' too (one table; see
:mod:`widgets.i18n`)."""

from __future__ import annotations

from ..i18n import Strings

TEXT = Strings(
    "hebb",
    {
        "title": {
            "pl": "Reguła Hebba (1949)",
            "en": "Hebb's rule (1949)",
        },
        "intro": {
            "pl": "Sieć Hebba ma jeden neuron z progiem 0 i wyrazem wolnym (bias), czyli wagą wejścia "
            "zawsze równego 1. Nauczyciel ustawia wyjście na cel <i>y</i>, a każde połączenie rośnie "
            "o iloczyn swojego wejścia i wyjścia: <b>Δw = η·x·y</b>, <b>Δb = η·y</b>. Pokaż "
            "sieci wzorce po kolei (<i>krok ▶</i> albo Odtwarzaj) i patrz, jak rosną wagi.",
            "en": "The Hebb net is one neuron with a threshold at 0 and a bias, the weight of "
            "an input always equal to 1. The teacher clamps the output to the target <i>y</i> "
            "and every connection grows by the product of its input and the output: "
            "<b>Δw = η·x·y</b>, <b>Δb = η·y</b>. Show the net the patterns one by one (<i>step ▶</i> "
            "or Play) and watch the weights grow.",
        },
        "task": {
            "pl": "Zadanie i uczenie",
            "en": "Task and learning",
        },
        "gate": {
            "pl": "bramka",
            "en": "gate",
        },
        "encoding": {
            "pl": "kodowanie",
            "en": "encoding",
        },
        "enc_bipolar": {
            "pl": "bipolarne −1/+1",
            "en": "bipolar −1/+1",
        },
        "enc_binary": {
            "pl": "binarne 0/1",
            "en": "binary 0/1",
        },
        "enc_mixed": {
            "pl": "wejścia 0/1, cele ±1",
            "en": "inputs 0/1, targets ±1",
        },
        "eta": {
            "pl": "współczynnik uczenia η",
            "en": "learning rate η",
        },
        "epochs": {
            "pl": "liczba epok",
            "en": "epochs",
        },
        "animation": {
            "pl": "Kolejne wzorce",
            "en": "Pattern by pattern",
        },
        "status_start": {
            "pl": "Krok 0 z {total}: żaden wzorzec jeszcze nie był pokazany, "
            "<b>w = {w}</b>, <b>b = {b}</b>.",
            "en": "Step 0 of {total}: no pattern shown yet, <b>w = {w}</b>, <b>b = {b}</b>.",
        },
        "status": {
            "pl": "Krok {step} z {total} (epoka {epoch}): wzorzec x = {x}, cel y = {y}. "
            "Przyrost Δw = η·x·y = {dw}, Δb = η·y = {db}. Teraz <b>w = {w}</b>, <b>b = {b}</b>.",
            "en": "Step {step} of {total} (epoch {epoch}): pattern x = {x}, target y = {y}. "
            "Increment Δw = η·x·y = {dw}, Δb = η·y = {db}. Now <b>w = {w}</b>, <b>b = {b}</b>.",
        },
        "score": {
            "pl": "Sieć odpowiada dobrze na <b>{right} z {total}</b> wzorców.",
            "en": "The net answers <b>{right} of {total}</b> patterns right.",
        },
        "solved": {
            "pl": "Zadanie rozwiązane ✓",
            "en": "Task solved ✓",
        },
        "table_epoch": {
            "pl": "Epoka {epoch}: wzorce, przyrosty i wagi po każdym z nich",
            "en": "Epoch {epoch}: patterns, increments and the weights after each",
        },
        "col_bias_input": {
            "pl": "1",
            "en": "1",
        },
        "col_target": {
            "pl": "cel y",
            "en": "target y",
        },
        "col_answer": {
            "pl": "odp. sieci",
            "en": "net says",
        },
        "plane_title": {
            "pl": "Płaszczyzna wejść: sieć odpowiada 1 w zacienionej części",
            "en": "Input plane: the net answers 1 in the shaded part",
        },
        "plane_legend": {
            "pl": "Wypełnienie punktu: odpowiedź sieci (czerwone 1, niebieskie −1 lub 0); "
            "obwódka: cel y; kwadrat: wzorzec pokazany w tym kroku.",
            "en": "A point's fill: the net's answer (red 1, blue −1 or 0); its ring: the "
            "target y; the square: the pattern shown in this step.",
        },
        "norm_title": {
            "pl": "Długość wektora wag ||(w, b)|| w kolejnych epokach",
            "en": "Length of the weight vector ||(w, b)|| over the epochs",
        },
        "epoch_axis": {
            "pl": "epoka",
            "en": "epoch",
        },
        "no_line": {
            "pl": "Wszystkie wagi są zerowe: nie ma prostej decyzyjnej, odpowiedź jest stała.",
            "en": "All weights are zero: there is no decision line, the answer is constant.",
        },
        "why_binary": {
            "pl": "<b>Dlaczego 0/1 zawodzi?</b> Δw = η·x·y jest zerem, gdy <b>y = 0</b> albo "
            "<b>x = 0</b>. Tutaj {silent} z 4 wzorców {silent:@ma|mają|ma} cel 0 i "
            "{silent:@nie zmienia|nie zmieniają|nie zmienia} żadnej wagi: "
            "sieć nigdy nie dowiaduje się, kiedy <i>nie</i> odpalać.",
            "en": "<b>Why does 0/1 fail?</b> Δw = η·x·y is zero when <b>y = 0</b> or "
            "<b>x = 0</b>. Here {silent} of the 4 patterns {silent:@has|have} target 0 and change no weight "
            "at all: the net never learns when <i>not</i> to fire.",
        },
        "why_mixed": {
            "pl": "<b>Wejścia 0/1:</b> gdy x<sub>i</sub> = 0, waga w<sub>i</sub> się nie "
            "zmienia (Δw<sub>i</sub> = η·0·y = 0). Wzorzec (0, 0) uczy tylko biasu, a wagi "
            "widzą mniej przykładów niż bias.",
            "en": "<b>Inputs 0/1:</b> when x<sub>i</sub> = 0 the weight w<sub>i</sub> does "
            "not change (Δw<sub>i</sub> = η·0·y = 0). The pattern (0, 0) teaches only the "
            "bias, so the weights see fewer examples than the bias does.",
        },
        "why_fails": {
            "pl": "Po wszystkich epokach sieć myli się na {wrong} {wrong:@wzorcu|wzorcach|wzorcach}. Reguła Hebba nie "
            "patrzy na błędy, tylko wzmacnia połączenia: kolejne epoki powtórzą ten sam "
            "przyrost i niczego nie naprawią.",
            "en": "After all the epochs the net is wrong on {wrong} {wrong:@pattern|patterns}. Hebb's rule "
            "does not look at errors, it only strengthens connections: more epochs repeat "
            "the same increment and fix nothing.",
        },
        "why_cancel": {
            "pl": "Przyrosty z jednej epoki znoszą się do zera: wagi nigdy się nie zmienią.",
            "en": "The increments of one epoch cancel out to zero: the weights never change.",
        },
        "growth": {
            "pl": "<b>Wagi rosną bez końca:</b> każda epoka dodaje ten sam przyrost, więc "
            "||(w, b)|| rośnie liniowo, o {delta:.3g} na epokę. Prosta decyzyjna po każdej "
            "epoce jest ta sama, rośnie tylko skala wag.",
            "en": "<b>The weights grow without bound:</b> every epoch adds the same increment, "
            "so ||(w, b)|| grows linearly, by {delta:.3g} per epoch. The decision line after "
            "each epoch is the same one; only the scale of the weights grows.",
        },
        "bad_eta": {
            "pl": "Współczynnik uczenia η musi być liczbą większą od 0 i nie większą niż "
            "{high}, a podano {value}. Przy η ≤ 0 sieć nie uczy się wcale albo uczy się "
            "odwrotności zadania.",
            "en": "The learning rate η must be a number in (0, {high}], got {value}. With "
            "η ≤ 0 the net learns nothing or learns the opposite of the task.",
        },
        "bad_epochs": {
            "pl": "Liczba epok musi być liczbą całkowitą od 1 do {high}, a podano {value}.",
            "en": "The number of epochs must be a whole number from 1 to {high}, got {value}.",
        },
        "bad_gate": {
            "pl": "Nieznana bramka {value!r}; dostępne: {names}.",
            "en": "Unknown gate {value!r}; available: {names}.",
        },
        "bad_encoding": {
            "pl": "Nieznane kodowanie {value!r}; dostępne: {names}.",
            "en": "Unknown encoding {value!r}; available: {names}.",
        },
        # Exercises ---------------------------------------------------------------------
        "ex1_passed": {
            "pl": "✅ Dobrze! Po dwóch wzorcach w = ({w1:g}, {w2:g}), b = {b:g}.",
            "en": "✅ Correct! After two patterns w = ({w1:g}, {w2:g}), b = {b:g}.",
        },
        "ex1_failed": {
            "pl": "❌ Jeszcze nie: (w1, w2, b) = {given} to nie są wagi po dwóch wzorcach.",
            "en": "❌ Not yet: (w1, w2, b) = {given} are not the weights after two patterns.",
        },
        "ex1_unchanged": {
            "pl": "To są wagi początkowe (zera). Dodaj przyrosty η·x·y obu wzorców.",
            "en": "These are the initial weights (zeros). Add the increments η·x·y of both "
            "patterns.",
        },
        "ex1_one": {
            "pl": "To są wagi po pierwszym wzorcu. Dodaj jeszcze przyrost drugiego: "
            "x = (1, −1), y = −1.",
            "en": "These are the weights after the first pattern. Add the increment of the "
            "second one too: x = (1, −1), y = −1.",
        },
        "ex1_epoch": {
            "pl": "To są wagi po całej epoce (4 wzorcach), a pytanie dotyczy dwóch pierwszych.",
            "en": "These are the weights after the whole epoch (4 patterns); the question is "
            "about the first two.",
        },
        "ex1_component": {
            "pl": "{name} = {got:g} jest złe: policz η·{input}·y dla obu wzorców i dodaj.",
            "en": "{name} = {got:g} is wrong: compute η·{input}·y for both patterns and add them.",
        },
        "ex1_bias": {
            "pl": "Wyraz wolny (bias) to waga wejścia zawsze równego 1, więc Δb = η·1·y = η·y.",
            "en": "The bias is the weight of an input that is always 1, so Δb = η·1·y = η·y.",
        },
        "ex1_sign": {
            "pl": "Uwaga na znak: drugi wzorzec ma cel y = −1, więc odejmuje η·x.",
            "en": "Mind the sign: the second pattern has target y = −1, so it subtracts η·x.",
        },
        "ex1_bad": {
            "pl": "Podaj trzy liczby: w1, w2 i b (podano {given!r}).",
            "en": "Give three numbers: w1, w2 and b (got {given!r}).",
        },
        "ex2_learns": {
            "pl": "❌ Tu reguła Hebba daje radę: po uczeniu (epoki: {epochs}) w = {w}, b = {b} "
            "i sieć odpowiada dobrze na wszystkie 4 wzorce. Zmień kodowanie albo bramkę.",
            "en": "❌ Hebb's rule copes here: after {epochs} {epochs:@epoch|epochs} w = {w}, b = {b} and the "
            "net answers all 4 patterns right. Change the encoding or the gate.",
        },
        "ex2_fails": {
            "pl": "✅ Znalezione: {gate}, kodowanie {encoding}. Po uczeniu (epoki: {epochs}) "
            "w = {w}, b = {b} i sieć myli się na {wrong} z 4 wzorców: {patterns}.",
            "en": "✅ Found one: {gate} with {encoding} encoding. After {epochs} {epochs:@epoch|epochs} "
            "w = {w}, b = {b} and the net is wrong on {wrong} of 4 patterns: {patterns}.",
        },
        "ex2_reason_zero": {
            "pl": "Powód: {silent} {silent:@wzorzec ma|wzorce mają|wzorców ma} cel 0, więc "
            "{silent:@jego|ich|ich} przyrost η·x·y jest zerowy.",
            "en": "The reason: {silent} {silent:@pattern has|patterns have} target 0, so "
            "{silent:@its|their} increment η·x·y is zero.",
        },
        "ex2_reason_xor": {
            "pl": "Powód: XOR nie jest liniowo separowalny, więc żadna prosta (a więc żaden "
            "pojedynczy neuron, jakkolwiek uczony) go nie rozwiąże. Przy kodowaniu "
            "bipolarnym przyrosty czterech wzorców znoszą się do zera.",
            "en": "The reason: XOR is not linearly separable, so no line (so no single "
            "neuron, however trained) solves it. With bipolar encoding the increments of "
            "the four patterns cancel out to zero.",
        },
        "ex2_reason_inputs": {
            "pl": "Powód: przy wejściach 0/1 waga wᵢ nie uczy się na wzorcach, gdzie xᵢ = 0, "
            "a bias uczy się na wszystkich, więc przeważa.",
            "en": "The reason: with 0/1 inputs a weight wᵢ learns nothing from the patterns "
            "where xᵢ = 0, while the bias learns from all of them and outweighs it.",
        },
        "ex2_bad": {
            "pl": "Nie da się sprawdzić: {message}",
            "en": "Cannot check this: {message}",
        },
        "code_rule": {
            "pl": "# Reguła Hebba: każde połączenie rośnie o η·x·y; wyraz wolny to waga wejścia "
            "stale równego 1.",
            "en": "# Hebb's rule: each connection grows by η·x·y; the bias is the weight of an "
            "input fixed at 1.",
        },
        "code_data": {
            "pl": "# {gate} (kodowanie: {encoding}); wzorce w kolejności z podręcznika",
            "en": "# {gate} (encoding: {encoding}); the patterns in the textbook's order",
        },
        "code_fit": {
            "pl": "# Wzorce po jednym, po kolei (bez tasowania), przez {epochs} {epochs:@epokę|epoki|epok}.",
            "en": "# One pattern at a time, in order (no shuffling), for {epochs} {epochs:@epoch|epochs}.",
        },
    },
)
