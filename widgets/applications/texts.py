"""Lesson 16 (Keras applications on a photo): its words, in Polish and English."""

from __future__ import annotations

from ..i18n import Strings

TEXT = Strings(
    "applications",
    {
        "title": {
            "pl": "Gotowe sieci Keras (keras.applications) na zdjęciu",
            "en": "Keras applications on a photo",
        },
        "intro": {
            "pl": "Sieci z <code>keras.applications</code> nauczono na ImageNet: 1,2 mln "
            "zdjęć w 1000 klasach. Wybierz sieć i zdjęcie: zobaczysz obraz tak, jak widzi go "
            "sieć (przeskalowany do jej wejścia), co robi z pikselami "
            "<code>preprocess_input</code>, pięć najbardziej prawdopodobnych klas według "
            "<code>decode_predictions</code> i mapy cech wybranej warstwy konwolucyjnej.",
            "en": "The networks of <code>keras.applications</code> were trained on ImageNet: "
            "1.2 million photos in 1000 classes. Pick a network and a photo: you see the "
            "image as the network sees it (resized to its input), what "
            "<code>preprocess_input</code> does to the pixels, the five most probable "
            "classes by <code>decode_predictions</code> and the feature maps of a chosen "
            "convolution layer.",
        },
        "application": {"pl": "sieć", "en": "network"},
        "sample": {"pl": "zdjęcie", "en": "photo"},
        "upload": {"pl": "Wgraj zdjęcie", "en": "Upload a photo"},
        "uploaded": {"pl": "wgrane: {name}", "en": "uploaded: {name}"},
        "sample_china": {
            "pl": "pagoda w Chinach (scikit-learn)",
            "en": "a pagoda in China (scikit-learn)",
        },
        "sample_flower": {"pl": "kwiat (scikit-learn)", "en": "a flower (scikit-learn)"},
        "sample_grace_hopper": {
            "pl": "Grace Hopper (matplotlib)",
            "en": "Grace Hopper (matplotlib)",
        },
        "layer": {"pl": "warstwa (mapy cech)", "en": "layer (feature maps)"},
        "no_layers": {"pl": "(brak modelu)", "en": "(no model)"},
        "seen": {
            "pl": "Tak widzi je sieć: {size}×{size} pikseli (oryginał {width}×{height})",
            "en": "As the network sees it: {size}×{size} pixels (original {width}×{height})",
        },
        "top5_title": {"pl": "Top 5 (decode_predictions)", "en": "Top 5 (decode_predictions)"},
        "probability": {"pl": "prawdopodobieństwo", "en": "probability"},
        "maps_title": {
            "pl": "Mapy cech warstwy {layer}: pierwsze {n} z {channels} kanałów, {h}×{w}",
            "en": "Feature maps of layer {layer}: the first {n} of {channels} channels, {h}×{w}",
        },
        "formula_tf": {
            "pl": "<code>{module}.preprocess_input</code>: x / 127,5 − 1 (piksele 0…255 → "
            "−1…1, kolejność kanałów RGB bez zmian)",
            "en": "<code>{module}.preprocess_input</code>: x / 127.5 − 1 (pixels 0…255 → "
            "−1…1, channels stay RGB)",
        },
        "formula_caffe": {
            "pl": "<code>{module}.preprocess_input</code>: RGB → BGR, potem od każdego "
            "kanału odjęta średnia ImageNet (B 103,939, G 116,779, R 123,68); bez skalowania",
            "en": "<code>{module}.preprocess_input</code>: RGB → BGR, then ImageNet's mean "
            "is subtracted from each channel (B 103.939, G 116.779, R 123.68); no scaling",
        },
        "range": {
            "pl": "Wartości przed: {low_in} … {high_in}; po: {low_out} … {high_out}",
            "en": "Values before: {low_in} … {high_in}; after: {low_out} … {high_out}",
        },
        "range_waiting": {
            "pl": "Wartości przed: {low_in} … {high_in}; po: (czekam na TensorFlow)",
            "en": "Values before: {low_in} … {high_in}; after: (waiting for TensorFlow)",
        },
        "info": {
            "pl": "<b>{name}</b>: {parameters} parametrów, plik wag {mb} MB, wejście "
            "{size}×{size}, dokładność top-1 na ImageNet {top1:.1%} (tabela keras.io)",
            "en": "<b>{name}</b>: {parameters} parameters, weight file {mb} MB, input "
            "{size}×{size}, ImageNet top-1 accuracy {top1:.1%} (keras.io's table)",
        },
        "loading_model": {
            "pl": "⏳ Wczytuję {name} z wagami ImageNet… {seconds} s",
            "en": "⏳ Loading {name} with its ImageNet weights… {seconds} s",
        },
        "loaded": {
            "pl": "✅ {name} wczytana w {seconds:.1f} s; klasyfikacja zdjęcia: {ms:.0f} ms",
            "en": "✅ {name} loaded in {seconds:.1f} s; classifying the photo: {ms:.0f} ms",
        },
        "classified": {
            "pl": "✅ Klasyfikacja zdjęcia: {ms:.0f} ms",
            "en": "✅ Classifying the photo: {ms:.0f} ms",
        },
        "no_model_note": {
            "pl": "Bez wag {name} panel pokazuje zdjęcie i jego przetwarzanie wstępne (preprocess_input), ale nie przewiduje klas.",
            "en": "Without {name}'s weights the panel shows the photo and the preprocessing "
            "but predicts no classes.",
        },
        "no_class_index": {
            "pl": "Brak nazw klas (plik imagenet_class_index.json nie jest w pamięci "
            "podręcznej Keras ani do pobrania): słupki podpisane numerami klas.",
            "en": "No class names (imagenet_class_index.json is neither in Keras' cache nor "
            "downloadable): the bars show class numbers.",
        },
        "code_upload": {
            "pl": "# Twoje wgrane zdjęcie: zapisz je obok notatnika i podaj tu jego ścieżkę",
            "en": "# Your uploaded photo: save it next to the notebook and give its path here",
        },
        "code_sample": {
            "pl": "# Zdjęcie przykładowe kursu (plik z pakietu {package}, bez internetu)",
            "en": "# The course's sample photo (a file of the {package} package, no internet)",
        },
        "code_prepare": {
            "pl": "# To, co widzi sieć: RGB, {size}×{size}, potem preprocess_input tej sieci",
            "en": "# What the network sees: RGB, {size}×{size}, then this network's "
            "preprocess_input",
        },
        "code_predict": {
            "pl": "# Wagi ImageNet z pamięci podręcznej Keras (za pierwszym razem pobierane)",
            "en": "# ImageNet weights from Keras' cache (downloaded the first time)",
        },
        "code_maps": {
            "pl": "# Mapy cech warstwy {layer}: model od wejścia do tej warstwy",
            "en": "# Feature maps of layer {layer}: a model from the input to that layer",
        },
        # Errors ---------------------------------------------------------------------------
        "unknown": {
            "pl": "Nie ma sieci {name!r}; dostępne: {names}.",
            "en": "There is no network {name!r}; available: {names}.",
        },
        "unknown_sample": {
            "pl": "Nie ma zdjęcia przykładowego {name!r}; dostępne: {names}.",
            "en": "There is no sample photo {name!r}; available: {names}.",
        },
        "no_sample": {
            "pl": "Zdjęcia {name!r} nie ma: brak pakietu {package} (zainstaluj go albo wgraj "
            "własne zdjęcie).",
            "en": "The photo {name!r} is missing: the package {package} is not installed "
            "(install it or upload a photo of your own).",
        },
        "unknown_layer": {
            "pl": "Ta sieć nie ma warstwy {name!r}.",
            "en": "This network has no layer {name!r}.",
        },
        "no_weights": {
            "pl": "Brak wag ImageNet: pliku {file} nie ma w pamięci podręcznej Keras "
            "({folder}), a z tego komputera nie da się go pobrać. Uruchom lekcję raz z "
            "dostępem do internetu (Keras pobierze plik sam) albo otwórz ją na Binderze, "
            "gdzie wagi MobileNetV2 już są. Reszta lekcji działa bez nich.",
            "en": "No ImageNet weights: the file {file} is not in Keras' cache ({folder}) "
            "and cannot be downloaded from this computer. Run the lesson once with internet "
            "access (Keras downloads the file itself) or open it on Binder, where "
            "MobileNetV2's weights are already there. The rest of the lesson works without "
            "them.",
        },
        "bad_weights": {
            "pl": "Pliku wag {file} w {folder} nie da się wczytać (uszkodzony albo "
            "niepełny?): usuń go, a Keras pobierze go ponownie przy dostępie do internetu.",
            "en": "The weight file {file} in {folder} cannot be read (damaged or "
            "incomplete?): delete it and Keras will download it again when online.",
        },
        "empty": {
            "pl": "Plik jest pusty: wybierz zdjęcie (JPEG lub PNG).",
            "en": "The file is empty: choose a photo (JPEG or PNG).",
        },
        "not_image": {
            "pl": "To nie jest obraz, który da się odczytać: wybierz zdjęcie JPEG lub PNG.",
            "en": "This is not an image that can be read: choose a JPEG or PNG photo.",
        },
        "too_big": {
            "pl": "Obraz ma {megapixels} Mpx, a panel przyjmuje do {limit} Mpx (sieć i tak "
            "widzi 224×224 piksele): zmniejsz go i wgraj ponownie.",
            "en": "The image has {megapixels} MP and the dashboard takes up to {limit} MP "
            "(the network sees 224×224 pixels anyway): shrink it and upload it again.",
        },
        "file_too_big": {
            "pl": "Plik ma {mb} MB, a panel przyjmuje do {limit} MB: wybierz mniejsze zdjęcie.",
            "en": "The file has {mb} MB and the dashboard takes up to {limit} MB: choose a "
            "smaller photo.",
        },
        "no_file": {
            "pl": "Nie ma pliku {path}.",
            "en": "There is no file {path}.",
        },
        # Exercise -------------------------------------------------------------------------
        "check_passed": {
            "pl": "✅ Dobrze! Piksel {pixel} po preprocess_input sieci {name} to {want}.",
            "en": "✅ Correct! After {name}'s preprocess_input the pixel {pixel} is {want}.",
        },
        "check_failed": {
            "pl": "❌ Jeszcze nie: {got} zamiast oczekiwanych wartości. Wzór dla {name}: {hint}",
            "en": "❌ Not yet: {got} is not it. {name}'s formula: {hint}",
        },
        "check_bad": {
            "pl": "❌ Podaj listę: trzy liczby (R, G, B po przetwarzaniu wstępnym); dostałem {got!r}.",
            "en": "❌ Give a list: three numbers (R, G, B after preprocessing); got {got!r}.",
        },
        "hint_tf": {
            "pl": "x / 127,5 − 1 dla każdego kanału.",
            "en": "x / 127.5 − 1 for each channel.",
        },
        "hint_caffe": {
            "pl": "odwróć kolejność kanałów (BGR) i odejmij średnie 103,939, 116,779, 123,68.",
            "en": "reverse the channels (BGR) and subtract the means 103.939, 116.779, 123.68.",
        },
    },
)
