"""Lesson 15's image-augmentation panel: its words, in Polish and English."""

from __future__ import annotations

from ..i18n import Strings

TEXT = Strings(
    "image_prep",
    {
        "title": {
            "pl": "Augmentacja obrazów i Normalization w Kerasie 3",
            "en": "Image augmentation and Normalization in Keras 3",
        },
        "intro": {
            "pl": "W Kerasie 3 nie ma już <code>ImageDataGenerator</code>: obrazy losowo "
            "obracają, przybliżają, przesuwają, odbijają i zmieniają kontrast warstwy "
            "<code>RandomRotation</code>, <code>RandomZoom</code>, "
            "<code>RandomTranslation</code>, <code>RandomFlip</code>, "
            "<code>RandomContrast</code>, <code>RandomBrightness</code>, wstawiane na "
            "początek modelu. Każdy obraz siatki to inne losowanie tych warstw (jedno "
            "wywołanie na całą partię). Pułapka: warstwy augmentacji działają tylko przy "
            "<code>training=True</code> – w <code>model.predict</code> i w "
            "<code>evaluate</code> nie zmieniają niczego.",
            "en": "Keras 3 has no <code>ImageDataGenerator</code> any more: the layers "
            "<code>RandomRotation</code>, <code>RandomZoom</code>, "
            "<code>RandomTranslation</code>, <code>RandomFlip</code>, "
            "<code>RandomContrast</code>, <code>RandomBrightness</code>, put at the start "
            "of a model, rotate, zoom, shift, flip and change the contrast of images at "
            "random. Each image of the grid is another draw of those layers (one call for "
            "the whole batch). The trap: augmentation layers work only with "
            "<code>training=True</code> – in <code>model.predict</code> and "
            "<code>evaluate</code> they change nothing.",
        },
        "help": {
            "pl": "Suwak 0 wyłącza warstwę. Ten sam numer losowania daje te same losowania: "
            "suwak zmienia tylko ich skalę.",
            "en": "A slider at 0 leaves its layer out. The same draw number gives the same "
            "draws: a slider only changes their scale.",
        },
        "rotation": {"pl": "obrót (factor, × 360°)", "en": "rotation (factor, × 360°)"},
        "zoom": {"pl": "przybliżenie (zoom)", "en": "zoom"},
        "translation": {"pl": "przesunięcie (translation)", "en": "translation"},
        "flip": {"pl": "odbicie (flip)", "en": "flip"},
        "flip_none": {"pl": "brak", "en": "none"},
        "flip_horizontal": {"pl": "poziome", "en": "horizontal"},
        "flip_vertical": {"pl": "pionowe", "en": "vertical"},
        "flip_both": {"pl": "oba", "en": "both"},
        "contrast": {"pl": "kontrast (contrast)", "en": "contrast"},
        "brightness": {"pl": "jasność (brightness)", "en": "brightness"},
        "new_draws": {"pl": "Nowe losowania", "en": "New draws"},
        "predict": {
            "pl": "pokaż model.predict (training=False)",
            "en": "show model.predict (training=False)",
        },
        "grid_title": {
            "pl": "{n} losowań: augment(obrazy, training=True), losowanie nr {seed}",
            "en": "{n} draws: augment(images, training=True), draw no. {seed}",
        },
        "predict_title": {
            "pl": "model.predict(obrazy): {n} razy ten sam obraz",
            "en": "model.predict(images): the same image {n} times",
        },
        "layers_none": {
            "pl": "Wszystkie suwaki na 0: model augmentacji nie ma żadnej warstwy.",
            "en": "Every slider at 0: the augmentation model has no layer.",
        },
        "layers": {"pl": "Warstwy modelu: {names}", "en": "The model's layers: {names}"},
        "predict_note": {
            "pl": "W <code>predict</code> warstwy augmentacji nie robią nic: wszystkie {n} "
            "obrazy są takie same jak wejście (największa różnica {gap}).",
            "en": "In <code>predict</code> the augmentation layers do nothing: all {n} "
            "images equal the input (largest difference {gap}).",
        },
        "normalization_title": {
            "pl": "Normalization.adapt na {n} cyfrach testowych",
            "en": "Normalization.adapt on {n} test digits",
        },
        "before": {"pl": "przed", "en": "before"},
        "after": {"pl": "po", "en": "after"},
        "pixel_axis": {"pl": "wartość piksela", "en": "pixel value"},
        "share_axis": {"pl": "udział pikseli", "en": "share of pixels"},
        "normalization": {
            "pl": "adapt zmierzył średnią {mean} i wariancję {variance}. Przed: średnia "
            "{m0}, odchylenie standardowe {s0}; po: średnia {m1}, odchylenie {s1}.",
            "en": "adapt measured the mean {mean} and the variance {variance}. Before: mean "
            "{m0}, standard deviation {s0}; after: mean {m1}, deviation {s1}.",
        },
        "code_layers": {
            "pl": "# Model augmentacji: warstwy losowe, każda z własnym ziarnem.",
            "en": "# The augmentation model: random layers, each with a seed of its own.",
        },
        "code_grid": {
            "pl": "# {n} kopii obrazu w jednej partii; training=True włącza augmentację.",
            "en": "# {n} copies of the image in one batch; training=True turns augmentation on.",
        },
        "code_predict": {
            "pl": "# Pułapka: predict wywołuje model z training=False – bez augmentacji.",
            "en": "# The trap: predict calls the model with training=False – no augmentation.",
        },
        "check_aug_ok": {
            "pl": "✅ Dobrze! Model odbija w poziomie, obraca najwyżej o {limit} obrotu, "
            "zmienia obrazy przy training=True, a w predict zwraca je bez zmian.",
            "en": "✅ Correct! The model flips horizontally, rotates by at most {limit} of a "
            "turn, changes images with training=True and returns them unchanged in predict.",
        },
        "check_aug_not_model": {
            "pl": "❌ To nie jest model Kerasa z warstwami: {got!r}.",
            "en": "❌ That is not a Keras model with layers: {got!r}.",
        },
        "check_aug_no_flip": {
            "pl": '❌ Jeszcze nie: brakuje warstwy RandomFlip("horizontal").',
            "en": '❌ Not yet: a RandomFlip("horizontal") layer is missing.',
        },
        "check_aug_rotation": {
            "pl": "❌ Jeszcze nie: potrzebna jest RandomRotation o współczynniku (factor) "
            "od 0 do {limit} (teraz: {got}).",
            "en": "❌ Not yet: a RandomRotation with a factor from 0 to {limit} is needed "
            "(now: {got}).",
        },
        "check_aug_still": {
            "pl": "❌ Jeszcze nie: model(obrazy, training=True) nie zmienił żadnego obrazu.",
            "en": "❌ Not yet: model(images, training=True) changed no image.",
        },
        "check_aug_predict": {
            "pl": "❌ Model w predict zmienia obrazy (o {gap}): w modelu jest coś poza "
            "augmentacją.",
            "en": "❌ The model changes the images in predict (by {gap}): it holds more than "
            "augmentation.",
        },
        "check_aug_crashed": {
            "pl": "❌ Modelu nie da się wywołać na obrazach 28×28×1: {error}",
            "en": "❌ The model cannot be called on 28×28×1 images: {error}",
        },
    },
)
