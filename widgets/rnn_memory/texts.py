"""Lesson 11 (part 2, memory over time): its words, in Polish and English."""

from __future__ import annotations

from ..i18n import Strings

TEXT = Strings(
    "rnn_memory",
    {
        "title": {
            "pl": "Pamięć w czasie: SimpleRNN, GRU i LSTM",
            "en": "Memory over time: SimpleRNN, GRU and LSTM",
        },
        "intro": {
            "pl": "<b>Problem dodawania</b> (Hochreiter i Schmidhuber 1997): sekwencja T "
            "liczb losowych z przedziału [0, 1], z których dwie są <b>zaznaczone</b> (jedna "
            "w pierwszej połowie, druga w drugiej). Sieć czyta całą sekwencję i dopiero na "
            "końcu podaje sumę zaznaczonych liczb, więc pierwszą z nich musi pamiętać średnio "
            "przez T/2 kroków. Linia przerywana to <b>poziom odniesienia</b>: strata "
            "odpowiedzi stałej (średniej celu), czyli wariancja celu, około 1/6. Zwykła "
            "sieć rekurencyjna (SimpleRNN) przy długich sekwencjach zostaje na tej linii; "
            "GRU i LSTM dzięki <b>bramkom</b> schodzą daleko poniżej.",
            "en": "<b>The adding problem</b> (Hochreiter & Schmidhuber 1997): a sequence of "
            "T random numbers from [0, 1], two of which are <b>marked</b> (one in the first "
            "half, one in the second). The network reads the whole sequence and only at the "
            "end gives the sum of the two marked numbers, so it must remember the first one "
            "for T/2 steps on average. The dashed line is the <b>baseline</b>: the loss of a "
            "constant answer (the mean of the targets), i.e. the variance of the target, "
            "about 1/6. A plain recurrent net (SimpleRNN) stays on that line for long "
            "sequences; GRU and LSTM, thanks to their <b>gates</b>, go far below it.",
        },
        "controls_help": {
            "pl": "Wybierz długość sekwencji i rozmiary, naciśnij ▶ Ucz. Zaznaczone sieci "
            "uczą się na zmianę, po jednej epoce każda, więc ich krzywe rosną razem. Stop "
            "zatrzymuje, ▶ Ucz uczy dalej; zmiana długości, liczby sekwencji, neuronów lub "
            "η zaczyna od nowa.",
            "en": "Choose the sequence length and the sizes, press ▶ Train. The checked nets "
            "take turns, one epoch each, so their curves grow together. Stop stops, ▶ Train "
            "trains on; changing the length, the number of sequences, the units or η starts "
            "again.",
        },
        "length": {
            "pl": "długość sekwencji T",
            "en": "sequence length T",
        },
        "sequences": {
            "pl": "sekwencje uczące",
            "en": "training sequences",
        },
        "units": {
            "pl": "neurony warstwy (units)",
            "en": "units",
        },
        "epochs": {
            "pl": "epoki na jedno ▶",
            "en": "epochs per ▶",
        },
        "learning_rate": {
            "pl": "współczynnik uczenia η",
            "en": "learning rate η",
        },
        "cells": {
            "pl": "Sieci do porównania:",
            "en": "Nets to compare:",
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
        "another": {
            "pl": "Inny przykład",
            "en": "Another example",
        },
        "loss_title": {
            "pl": "Strata walidacyjna (MSE) po każdej epoce",
            "en": "Validation loss (MSE) after every epoch",
        },
        "loss_axis": {
            "pl": "strata (skala log.)",
            "en": "loss (log scale)",
        },
        "epoch_axis": {
            "pl": "epoka",
            "en": "epoch",
        },
        "baseline": {
            "pl": "odpowiedź stała: {value:.3f}",
            "en": "constant answer: {value:.3f}",
        },
        "example_title": {
            "pl": "Jedna sekwencja walidacyjna (T = {length})",
            "en": "One validation sequence (T = {length})",
        },
        "values": {
            "pl": "wartości",
            "en": "values",
        },
        "marked": {
            "pl": "zaznaczone",
            "en": "marked",
        },
        "step_axis": {
            "pl": "krok t",
            "en": "step t",
        },
        "target": {
            "pl": "cel",
            "en": "target",
        },
        "answers_title": {
            "pl": "Suma: cel i odpowiedzi",
            "en": "The sum: target and answers",
        },
        "example_note": {
            "pl": "Zaznaczone: {first:.2f} (krok {first_step}) i {second:.2f} (krok "
            "{second_step}); suma {target:.2f}.",
            "en": "Marked: {first:.2f} (step {first_step}) and {second:.2f} (step "
            "{second_step}); sum {target:.2f}.",
        },
        "ready": {
            "pl": "Naciśnij ▶ Ucz: {n} {n:@sieć zaczyna|sieci zaczynają|sieci zaczyna} "
            "z losowych wag, na {sequences} "
            "{sequences:@sekwencji|sekwencjach|sekwencjach} o długości T = {length}.",
            "en": "Press ▶ Train: {n} {n:@net starts|nets start} from random weights, on "
            "{sequences} {sequences:@sequence|sequences} of length T = {length}.",
        },
        "loading_data": {
            "pl": "Przygotowuję sekwencje i modele…",
            "en": "Preparing the sequences and the models…",
        },
        "training": {
            "pl": "⏳ Uczenie… {cell}: epoka {epoch} z {total}, paczka {batch} z {batches}.",
            "en": "⏳ Training… {cell}: epoch {epoch} of {total}, batch {batch} of {batches}.",
        },
        "starting": {
            "pl": "⏳ Uczenie… {cell}",
            "en": "⏳ Training… {cell}",
        },
        "compiling": {
            "pl": "⏳ {cell}: pierwsza epoka, TensorFlow kompiluje krok treningu (kilka sekund)…",
            "en": "⏳ {cell}: first epoch, TensorFlow compiles the training step (a few seconds)…",
        },
        "summary": {
            "pl": "Po {epochs} {epochs:@epoce|epokach|epokach} strata walidacyjna "
            "(odpowiedź stała: {baseline:.3f}): {losses}.",
            "en": "After {epochs} {epochs:@epoch|epochs} the validation loss (constant "
            "answer: {baseline:.3f}) is: {losses}.",
        },
        "stopped": {
            "pl": "Zatrzymano. Strata walidacyjna (odpowiedź stała: {baseline:.3f}): "
            "{losses}. ▶ Ucz uczy dalej.",
            "en": "Stopped. Validation loss (constant answer: {baseline:.3f}): {losses}. "
            "▶ Train trains on.",
        },
        "loss_item": {
            "pl": "{cell} {loss:.4f} ({ratio:.0%} odniesienia)",
            "en": "{cell} {loss:.4f} ({ratio:.0%} of the baseline)",
        },
        "loss_item_diverged": {
            "pl": "{cell} rozbiegła się",
            "en": "{cell} diverged",
        },
        "no_cells": {
            "pl": "Nie zaznaczono żadnej sieci: zaznacz SimpleRNN, GRU lub LSTM i naciśnij "
            "▶ Ucz jeszcze raz.",
            "en": "No net is checked: check SimpleRNN, GRU or LSTM and press ▶ Train again.",
        },
        "diverged": {
            "pl": "Uczenie sieci {cells} rozbiegło się: strata przestała być skończoną "
            "liczbą, bo η = {rate} jest za duże. Zmniejsz η (zacznie od nowa).",
            "en": "Training of {cells} diverged: the loss stopped being a finite number, "
            "because η = {rate} is too large. Lower η (this starts again).",
        },
        "all_diverged": {
            "pl": "Wszystkie zaznaczone sieci rozbiegły się przy η = {rate}. Zmniejsz η "
            "(zacznie od nowa).",
            "en": "Every checked net has diverged at η = {rate}. Lower η (this starts again).",
        },
        "bad_cells": {
            "pl": "Ustawienie cells to lista nazw z: {names}; podano {value!r}.",
            "en": "The setting cells is a list of names from: {names}; got {value!r}.",
        },
        "check_baseline_passed": {
            "pl": "✅ Dobrze! Odpowiedź stała ma MSE {want:.4f}, czyli wariancję celu "
            "(teoretycznie 1/6 ≈ 0,1667).",
            "en": "✅ Correct! The constant answer has MSE {want:.4f}, the variance of the "
            "target (in theory 1/6 ≈ 0.1667).",
        },
        "check_baseline_failed": {
            "pl": "❌ Jeszcze nie: {got!r} to nie MSE odpowiedzi stałej na tych celach. "
            "Wskazówka: najlepsza stała to średnia celów, a jej MSE to ich wariancja "
            "(np.var).",
            "en": "❌ Not yet: {got!r} is not the MSE of the constant answer on these "
            "targets. Hint: the best constant is the mean of the targets, and its MSE is "
            "their variance (np.var).",
        },
        "check_lstm_passed": {
            "pl": "✅ Dobrze! LSTM({units}) na sekwencjach (T = {length}, 2 kanały) ma "
            "{params} {params:@parametr|parametry|parametrów}: 4 bramki × ({units} · (2 + "
            "{units}) + {units}), a Dense(1) dodaje {dense}.",
            "en": "✅ Correct! LSTM({units}) on sequences (T = {length}, 2 channels) has "
            "{params} {params:@parameter|parameters}: 4 gates × ({units} · (2 + {units}) + "
            "{units}), and Dense(1) adds {dense}.",
        },
        "check_lstm_failed": {
            "pl": "❌ Jeszcze nie: {problem}",
            "en": "❌ Not yet: {problem}",
        },
        "lstm_not_model": {
            "pl": "to nie jest model Keras (podano {got}).",
            "en": "that is not a Keras model (got {got}).",
        },
        "lstm_input": {
            "pl": "wejście modelu ma kształt {got}, a powinno (None, {length}, 2).",
            "en": "the model's input has shape {got}, it should be (None, {length}, 2).",
        },
        "lstm_layers": {
            "pl": "oczekiwano warstw LSTM({units}) i Dense(1), a model ma: {got}.",
            "en": "expected the layers LSTM({units}) and Dense(1), the model has: {got}.",
        },
        "code_problem": {
            "pl": "# Zadanie dodawania: w ciągu liczb dwie są oznaczone; sieć ma podać ich sumę "
            "na końcu ciągu.",
            "en": "# The adding problem: two numbers of a sequence are marked; the network must "
            "give their sum at the end.",
        },
        "code_baseline": {
            "pl": "# błąd sieci, która zawsze odpowiada średnią",
            "en": "# the error of a network that always answers the mean",
        },
        "code_baseline_label": {
            "pl": "zawsze średnia",
            "en": "always the mean",
        },
        "code_epoch": {
            "pl": "epoka",
            "en": "epoch",
        },
    },
)
