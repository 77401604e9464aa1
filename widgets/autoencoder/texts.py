"""Lesson 12's words, in Polish and English (one table; see :mod:`widgets.i18n`)."""

from __future__ import annotations

from ..i18n import Strings

TEXT = Strings(
    "autoencoder",
    {
        "code_too_big": {
            "pl": "Rozmiar kodu musi być liczbą całkowitą od 1 do {limit} (tyle pikseli ma "
            "obraz), a jest {code_size}: kod dłuższy niż wejście niczego nie ściska.",
            "en": "The code size must be a whole number from 1 to {limit} (the number of "
            "pixels in an image), not {code_size}: a code longer than the input squeezes "
            "nothing.",
        },
    },
)
