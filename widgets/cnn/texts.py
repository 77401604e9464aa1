"""Lesson 10's words, part 2 (the CNN that trains), in Polish and English."""

from __future__ import annotations

from ..i18n import Strings

TEXT = Strings(
    "cnn",
    {
        "title": {
            "pl": "Sieć konwolucyjna uczy się na Twoich oczach",
            "en": "A convolutional network learns in front of you",
        },
        "intro": {
            "pl": "Dwie warstwy splotu z poolingiem, potem warstwa gęsta z softmaxem. Naciśnij "
            "<b>Ucz</b>: w trakcie uczenia widać, jak filtry pierwszej warstwy zmieniają się z "
            "losowego szumu w detektory krawędzi, a mapy cech wybranej cyfry w każdej warstwie "
            "stają się coraz bardziej wyspecjalizowane. <b>Kliknij mapę cech</b>, żeby zobaczyć, "
            "jak powstaje z map poprzedniej warstwy.",
            "en": "Two convolution layers with pooling, then a dense softmax layer. Press "
            "<b>Train</b>: while it learns, the first layer's filters turn from random noise into "
            "edge detectors, and the feature maps of the chosen digit in every layer become more "
            "specialised. <b>Click a feature map</b> to see how it is computed from the maps of "
            "the layer before.",
        },
        "filters1": {
            "pl": "filtry warstwy 1",
            "en": "filters, layer 1",
        },
        "filters2": {
            "pl": "filtry warstwy 2",
            "en": "filters, layer 2",
        },
        "kernel1": {
            "pl": "jądro warstwy 1",
            "en": "kernel, layer 1",
        },
        "kernel2": {
            "pl": "jądro warstwy 2",
            "en": "kernel, layer 2",
        },
        "epochs": {
            "pl": "epoki",
            "en": "epochs",
        },
        "images": {
            "pl": "obrazy uczące",
            "en": "training images",
        },
        "all": {
            "pl": "wszystkie ({n})",
            "en": "all ({n})",
        },
        "compare": {
            "pl": "potem naucz MLP z wykładu (te same dane i epoki)",
            "en": "then train the lecture's MLP (same data and epochs)",
        },
        "train": {
            "pl": "Ucz",
            "en": "Train",
        },
        "stop": {
            "pl": "Stop",
            "en": "Stop",
        },
        "controls_help": {
            "pl": "Więcej filtrów = więcej wykrywanych wzorów (i parametrów). Większe jądro "
            "widzi większy fragment obrazu. Epoka to jedno przejście przez zbiór uczący "
            "(paczki po 128 obrazów).",
            "en": "More filters = more patterns detected (and more parameters). A larger kernel "
            "sees a larger patch of the image. An epoch is one pass over the training set "
            "(batches of 128 images).",
        },
        "untrained": {
            "pl": "Sieć jeszcze się nie uczyła ({params} "
            "{params:@parametr|parametry|parametrów}): filtry są losowe. Naciśnij Ucz.",
            "en": "The network has not learnt yet ({params:,} {params:@parameter|parameters}): "
            "the filters are random. Press Train.",
        },
        "training": {
            "pl": "Uczenie {name}: epoka {epoch}/{epochs}, paczka {batch}/{batches}…",
            "en": "Training the {name}: epoch {epoch}/{epochs}, batch {batch}/{batches}…",
        },
        "trained": {
            "pl": "Gotowe: CNN ({params} {params:@parametr|parametry|parametrów}) ma dokładność "
            "{acc:.1%} na zbiorze testowym.",
            "en": "Done: the CNN ({params:,} {params:@parameter|parameters}) is {acc:.1%} "
            "accurate on the test set.",
        },
        "stopped": {
            "pl": "Zatrzymano. Widoki pokazują sieć w chwili zatrzymania.",
            "en": "Stopped. The views show the network as it was when stopped.",
        },
        "diverged": {
            "pl": "Uczenie {name} rozbiegło się: w epoce {epoch} (paczka {batch}) strata przestała "
            "być liczbą ({loss}), więc wagi sieci też nie są już liczbami, i uczenie "
            "przerwano. Naciśnij Ucz, żeby zacząć od nowych wag; jeśli to się powtarza, sprawdź "
            "dane (np. nieskończone wartości pikseli).",
            "en": "Training the {name} diverged: in epoch {epoch} (batch {batch}) the loss stopped "
            "being a number ({loss}), so the network's weights are not numbers either, and "
            "training was stopped. Press Train to start again from fresh weights; if it happens "
            "again, check the data (e.g. infinite pixel values).",
        },
        "not_numbers": {
            "pl": "Wyjścia sieci nie są liczbami (NaN lub ∞): jej wagi przestały być liczbami "
            "skończonymi. Naciśnij Ucz, żeby zacząć od nowych wag.",
            "en": "The network's outputs are not numbers (NaN or ∞): its weights are no longer "
            "finite. Press Train to start again from fresh weights.",
        },
        "busy": {
            "pl": "Sieć się jeszcze uczy: zatrzymaj ją (Stop), zanim zmienisz ustawienia.",
            "en": "The network is still training: stop it (Stop) before changing the settings.",
        },
        "bad_filters": {
            "pl": "Liczba filtrów warstwy {layer} musi być jedną z wartości {names}, a podano "
            "{value}.",
            "en": "The number of filters of layer {layer} must be one of {names}, not {value}.",
        },
        "bad_kernel": {
            "pl": "Rozmiar jądra warstwy {layer} musi być jedną z wartości {names}, a podano "
            "{value}.",
            "en": "The kernel size of layer {layer} must be one of {names}, not {value}.",
        },
        "bad_epochs": {
            "pl": "Liczba epok musi być liczbą całkowitą od {low} do {high}, a podano {value}.",
            "en": "The number of epochs must be a whole number from {low} to {high}, not {value}.",
        },
        "bad_images": {
            "pl": "Liczba obrazów uczących musi być jedną z wartości {names}, a podano {value}.",
            "en": "The number of training images must be one of {names}, not {value}.",
        },
        "bad_compare": {
            "pl": "Porównanie z MLP (compare) włącza True, a wyłącza False; podano {value!r}.",
            "en": "The comparison with the MLP (compare) is switched on by True and off by "
            "False, not {value!r}.",
        },
        "bad_layer": {
            "pl": "Nieznana warstwa {value!r}; do wyboru: {names}.",
            "en": "Unknown layer {value!r}; choose one of: {names}.",
        },
        "bad_map": {
            "pl": "Warstwa {layer} ma mapy o numerach od 0 do {high}, a podano {value}.",
            "en": "Layer {layer} has maps numbered 0 to {high}, not {value}.",
        },
        "loss": {
            "pl": "strata (zbiór uczący)",
            "en": "loss (training)",
        },
        "acc": {
            "pl": "dokładność (zbiór uczący)",
            "en": "accuracy (training)",
        },
        "val_acc": {
            "pl": "dokładność (zbiór testowy)",
            "en": "accuracy (test)",
        },
        "cost_axis": {
            "pl": "entropia krzyżowa",
            "en": "cross-entropy",
        },
        "acc_axis": {
            "pl": "dokładność",
            "en": "accuracy",
        },
        "epoch_axis": {
            "pl": "epoka",
            "en": "epoch",
        },
        "fig_filters": {
            "pl": "filtry 1. warstwy (czerwone +, niebieskie −)",
            "en": "layer-1 filters (red +, blue −)",
        },
        "fig_input": {
            "pl": "wejście",
            "en": "input",
        },
        "fig_map_hover": {
            "pl": "mapa %{z} (kliknij)",
            "en": "map %{z} (click)",
        },
        "fig_layer": {
            "pl": "{name}: {shown} z {count} {count:@mapy|map|map}",
            "en": "{name}: {shown} of {count} {count:@map|maps}",
        },
        "probabilities": {
            "pl": "prawdopodobieństwo (softmax)",
            "en": "probability (softmax)",
        },
        "layer": {
            "pl": "warstwa",
            "en": "layer",
        },
        "map": {
            "pl": "mapa nr",
            "en": "map no.",
        },
        "explain_conv": {
            "pl": "Mapa {channel} warstwy {layer} = ReLU(Σ po {m} {m:@mapie wejściowej|mapach "
            "wejściowych|mapach wejściowych} (mapa ⋆ jądro) + b), b = {bias:.3f}. Pokazano "
            "{shown} {shown:@pierwszy składnik|pierwsze składniki|pierwszych składników}.",
            "en": "Map {channel} of {layer} = ReLU(Σ over {m} input {m:@map|maps} of (map ⋆ "
            "kernel) + b), b = {bias:.3f}. The first {shown} {shown:@term is|terms are} shown.",
        },
        "explain_pool": {
            "pl": "Mapa {channel} warstwy {layer} = maksimum z każdego bloku 2×2 mapy "
            "{channel} warstwy {source}.",
            "en": "Map {channel} of {layer} = the maximum of each 2×2 block of map {channel} "
            "of {source}.",
        },
        "ex_inputs": {
            "pl": "mapy wejściowe",
            "en": "input maps",
        },
        "ex_kernels": {
            "pl": "jądra",
            "en": "kernels",
        },
        "ex_terms": {
            "pl": "mapa ⋆ jądro",
            "en": "map ⋆ kernel",
        },
        "ex_output": {
            "pl": "wynik (po ReLU)",
            "en": "result (after ReLU)",
        },
        "table_model": {
            "pl": "model",
            "en": "model",
        },
        "table_params": {
            "pl": "parametry",
            "en": "parameters",
        },
        "table_acc": {
            "pl": "dokładność (zbiór testowy)",
            "en": "test accuracy",
        },
        "table_time": {
            "pl": "s na epokę",
            "en": "s per epoch",
        },
        "table_reference": {
            "pl": "Pomiar odniesienia (8000/2000 obrazów, 10 epok): CNN 34 826 parametrów, 98,1%; "
            "MLP 235 146 parametrów, 94,3%.",
            "en": "Reference measurement (8,000/2,000 images, 10 epochs): CNN 34,826 parameters, "
            "98.1%; MLP 235,146 parameters, 94.3%.",
        },
        "not_trained": {
            "pl": "—",
            "en": "—",
        },
        "code_data": {
            "pl": "# {images} obrazów uczących MNIST i zbiór testowy, piksele od 0 do 1.",
            "en": "# {images} MNIST training images and the test set, pixels from 0 to 1.",
        },
        "code_model": {
            "pl": "# Sieć z panelu: dwie warstwy konwolucyjne z max-poolingiem, dropout, softmax.",
            "en": "# The dashboard's network: two convolution layers with max-pooling, dropout, "
            "softmax.",
        },
        "code_train": {
            "pl": "zbiór uczący",
            "en": "training set",
        },
        "code_test": {
            "pl": "zbiór testowy",
            "en": "test set",
        },
        "code_epoch": {
            "pl": "epoka",
            "en": "epoch",
        },
        "code_accuracy": {
            "pl": "dokładność",
            "en": "accuracy",
        },
    },
)
