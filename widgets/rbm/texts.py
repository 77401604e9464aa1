"""Lesson 13 (restricted Boltzmann machines, the main dashboard): its words, in Polish and
English."""

from __future__ import annotations

from ..i18n import Strings

TEXT = Strings(
    "rbm",
    {
        "k_too_small": {
            "pl": "Liczba kroków Gibbsa k w CD-k musi być liczbą całkowitą co najmniej 1, "
            "a jest {k}: przy k = 0 faza negatywna nie zaczyna się, więc nie ma czego "
            "porównać z danymi.",
            "en": "The number of Gibbs steps k in CD-k must be a whole number of at least 1, "
            "not {k}: with k = 0 the negative phase never starts, so there is nothing to "
            "compare the data with.",
        },
        "steps_too_small": {
            "pl": "Liczba kroków próbkowania Gibbsa musi być liczbą całkowitą co najmniej 1, "
            "a jest {steps}.",
            "en": "The number of Gibbs sampling steps must be a whole number of at least 1, "
            "not {steps}.",
        },
        "clamp_nothing": {
            "pl": "Nie zablokowano żadnego piksela: zaznacz część obrazu, którą RBM ma "
            "zachować, a resztę uzupełni.",
            "en": "No pixel is clamped: choose the part of the image the RBM must keep, and "
            "it fills in the rest.",
        },
        "clamp_everything": {
            "pl": "Zablokowano wszystkie piksele, więc RBM nie ma czego uzupełnić: zostaw "
            "wolną przynajmniej część obrazu.",
            "en": "Every pixel is clamped, so the RBM has nothing to fill in: leave at least "
            "part of the image free.",
        },
        "exact_too_big": {
            "pl": "Dokładną funkcję podziału Z można policzyć tylko dla małej RBM: mniejsza "
            "warstwa ma {units} jednostek, a granica to {limit} (2^{limit} stanów).",
            "en": "The exact partition function Z can only be computed for a small RBM: the "
            "smaller layer has {units} units, and the limit is {limit} (2^{limit} states).",
        },
    },
)
