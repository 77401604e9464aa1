"""Lesson 15's sequence builder: its words, in Polish and English."""

from __future__ import annotations

from ..i18n import Strings

TEXT = Strings(
    "layer_stack",
    {
        "title": {
            "pl": "Budowanie modelu warstwa po warstwie (keras.Sequential)",
            "en": "Building a model layer by layer (keras.Sequential)",
        },
        "intro": {
            "pl": "Dodawaj warstwy z zoo, usuwaj je i przestawiaj. Tabela to "
            "<code>model.summary()</code>: kształt wyjścia i liczba parametrów każdej "
            "warstwy, razem na dole. Gdy kształty do siebie nie pasują, panel mówi, przy "
            "której warstwie i dlaczego – a stos zostaje, możesz go poprawić.",
            "en": "Add layers from the zoo, remove and reorder them. The table is "
            "<code>model.summary()</code>: each layer's output shape and parameter count, "
            "the total at the bottom. When the shapes do not fit, the dashboard says at "
            "which layer and why – and the stack stays, for you to fix.",
        },
        "input_shape": {"pl": "Wejście", "en": "Input shape"},
        "preset": {"pl": "Gotowy stos", "en": "Preset stack"},
        "preset_none": {"pl": "– (własny)", "en": "– (your own)"},
        "preset_cnn": {
            "pl": "Sieć konwolucyjna z lekcji 10",
            "en": "The CNN of lesson 10",
        },
        "preset_lstm": {
            "pl": "Klasyfikator tekstu z LSTM",
            "en": "A text classifier with an LSTM",
        },
        "preset_broken": {
            "pl": "Dense po Conv2D bez Flatten",
            "en": "Dense after Conv2D without Flatten",
        },
        "family": {"pl": "Rodzina", "en": "Family"},
        "layer": {"pl": "Warstwa", "en": "Layer"},
        "add": {"pl": "Dodaj", "en": "Add"},
        "position": {"pl": "Warstwa w stosie", "en": "Layer in the stack"},
        "remove": {"pl": "Usuń", "en": "Remove"},
        "up": {"pl": "W górę", "en": "Up"},
        "down": {"pl": "W dół", "en": "Down"},
        "clear": {"pl": "Wyczyść", "en": "Clear"},
        "add_help": {
            "pl": "Nowa warstwa trafia pod wybraną warstwę stosu (albo na koniec).",
            "en": "A new layer goes below the chosen layer of the stack (or at the end).",
        },
        "col_layer": {"pl": "Warstwa (typ)", "en": "Layer (type)"},
        "col_shape": {"pl": "Kształt wyjścia", "en": "Output Shape"},
        "col_params": {"pl": "Parametry", "en": "Param #"},
        "col_formula": {"pl": "Wzór", "en": "Formula"},
        "input_row": {"pl": "wejście", "en": "input"},
        "total": {
            "pl": "Razem parametrów: <b>{total}</b>",
            "en": "Total params: <b>{total}</b>",
        },
        "empty": {
            "pl": "Stos jest pusty: dodaj warstwę albo wybierz gotowy stos.",
            "en": "The stack is empty: add a layer or choose a preset.",
        },
        "broken": {
            "pl": "Tu model się urywa. {reason} {hint}",
            "en": "The model breaks here. {reason} {hint}",
        },
        "not_reached": {"pl": "(nie dochodzi)", "en": "(not reached)"},
        "hint_flatten": {
            "pl": "Wejście tej warstwy ma za dużo wymiarów: wstaw przed nią Flatten albo "
            "Reshape (albo łączenie globalne).",
            "en": "This layer's input has too many dimensions: put Flatten or Reshape (or a "
            "global pooling) before it.",
        },
        "hint_reshape": {
            "pl": "Wejście tej warstwy ma za mało wymiarów: wstaw przed nią Reshape "
            "(np. obraz: wysokość, szerokość, kanały; ciąg: kroki, cechy).",
            "en": "This layer's input has too few dimensions: put a Reshape before it "
            "(e.g. an image: height, width, channels; a sequence: steps, features).",
        },
        "dense_axis": {
            "pl": "Uwaga: Dense działa tylko na ostatniej osi, więc wyjście {shape} "
            "zachowuje pozostałe osie; żeby dostać jeden wektor na przykład (klasyfikacja), "
            "wstaw Flatten przed Dense.",
            "en": "Note: Dense acts on the last axis only, so the output {shape} keeps the "
            "other axes; to get one vector per example (to classify), put Flatten before "
            "Dense.",
        },
        "model_help": {
            "pl": "<code>stack.model</code> to zbudowany <code>keras.Sequential</code> "
            "(warstwy do miejsca, w którym stos się urywa).",
            "en": "<code>stack.model</code> is the built <code>keras.Sequential</code> "
            "(the layers up to where the stack breaks).",
        },
        "bad_position": {
            "pl": "Stos ma {n} {n:@warstwę|warstwy|warstw}; wybierz warstwę od 1 do {n}.",
            "en": "The stack has {n} {n:@layer|layers}; choose a layer from 1 to {n}.",
        },
        "bad_stack": {
            "pl": "Stos to lista par (nazwa warstwy, argumenty), np. "
            '[("Flatten", {{}}), ("Dense", {{"units": 10}})].',
            "en": "A stack is a list of pairs (layer name, arguments), e.g. "
            '[("Flatten", {{}}), ("Dense", {{"units": 10}})].',
        },
        "code_seed": {
            "pl": "# Ziarno: te same wagi co w panelu",
            "en": "# The seed: the same weights as the dashboard's",
        },
        "code_broken": {
            "pl": "# Warstwy od {layer} (nr {index}) nie pasują: pominięte",
            "en": "# The layers from {layer} (no. {index}) on do not fit: left out",
        },
    },
)
