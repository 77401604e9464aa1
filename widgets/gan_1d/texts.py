"""Lesson 14 (the 1-D optimal discriminator panel): its words, in Polish and English."""

from __future__ import annotations

from ..i18n import Strings

TEXT = Strings(
    "gan_1d",
    {
        "title": {
            "pl": "Optymalny dyskryminator D* w jednym wymiarze",
            "en": "The optimal discriminator D* in one dimension",
        },
        "intro": {
            "pl": "Dane prawdziwe mają rozkład p<sub>data</sub> = N(μ<sub>d</sub>, "
            "σ<sub>d</sub>), próbki generatora rozkład p<sub>g</sub> = N(μ<sub>g</sub>, "
            "σ<sub>g</sub>). Przy ustalonym generatorze najlepszy dyskryminator to "
            "<b>D*(x) = p<sub>data</sub>(x) / (p<sub>data</sub>(x) + p<sub>g</sub>(x))</b> "
            "(Goodfellow i in., 2014): tam, gdzie przeważają dane prawdziwe, D* jest blisko "
            "1, gdzie przeważają fałszywe – blisko 0. Wartość gry przy D* to "
            "V(D*, G) = −log 4 + 2·JSD(p<sub>data</sub> ‖ p<sub>g</sub>): generator, "
            "zmniejszając V, zbliża p<sub>g</sub> do p<sub>data</sub>.",
            "en": "Real data follow p<sub>data</sub> = N(μ<sub>d</sub>, σ<sub>d</sub>), the "
            "generator's samples p<sub>g</sub> = N(μ<sub>g</sub>, σ<sub>g</sub>). For a fixed "
            "generator the best discriminator is <b>D*(x) = p<sub>data</sub>(x) / "
            "(p<sub>data</sub>(x) + p<sub>g</sub>(x))</b> (Goodfellow et al., 2014): near 1 "
            "where real data dominate, near 0 where fakes do. The game's value at D* is "
            "V(D*, G) = −log 4 + 2·JSD(p<sub>data</sub> ‖ p<sub>g</sub>): by lowering V the "
            "generator brings p<sub>g</sub> towards p<sub>data</sub>.",
        },
        "help": {
            "pl": "Suwaki rysują krzywe od razu (numpy). ▶ Ucz D uczy dyskryminator w Kerasie "
            "na próbkach obu rozkładów; po zmianie suwaka nauczony D douczy się sam.",
            "en": "The sliders redraw the curves at once (numpy). ▶ Train D trains a Keras "
            "discriminator on samples of both; after a slider move the trained D follows.",
        },
        "mu_data": {"pl": "μ danych (μ_d)", "en": "data mean μ_d"},
        "sigma_data": {"pl": "σ danych (σ_d)", "en": "data std σ_d"},
        "mu_g": {"pl": "μ generatora (μ_g)", "en": "generator mean μ_g"},
        "sigma_g": {"pl": "σ generatora (σ_g)", "en": "generator std σ_g"},
        "kind": {"pl": "dyskryminator", "en": "discriminator"},
        "kind_logistic": {
            "pl": "regresja logistyczna σ(w·x + b)",
            "en": "logistic regression σ(w·x + b)",
        },
        "kind_mlp": {"pl": "sieć 1 → 32 → 32 → 1", "en": "network 1 → 32 → 32 → 1"},
        "steps": {"pl": "kroki treningu D", "en": "training steps of D"},
        "train": {"pl": "Ucz D", "en": "Train D"},
        "p_data": {"pl": "p_data (dane)", "en": "p_data (real)"},
        "p_g": {"pl": "p_g (generator)", "en": "p_g (generator)"},
        "d_star": {"pl": "D* (optymalny)", "en": "D* (optimal)"},
        "d_trained": {"pl": "D nauczony w Kerasie", "en": "D trained in Keras"},
        "density_axis": {"pl": "gęstość", "en": "density"},
        "d_axis": {"pl": "D(x)", "en": "D(x)"},
        "value": {
            "pl": "V(D*, G) = −log 4 + 2·JSD = {v:.3f} (JSD = {jsd:.3f}; gdy p_g = p_data, V = "
            "−log 4 ≈ {floor:.3f}).",
            "en": "V(D*, G) = −log 4 + 2·JSD = {v:.3f} (JSD = {jsd:.3f}; when p_g = p_data, "
            "V = −log 4 ≈ {floor:.3f}).",
        },
        "untrained": {
            "pl": "D ({kind}) jeszcze nie nauczony: naciśnij ▶ Ucz D.",
            "en": "D ({kind}) not trained yet: press ▶ Train D.",
        },
        "training": {
            "pl": "Uczę D ({steps} kroków)…",
            "en": "Training D ({steps} steps)…",
        },
        "trained_logistic": {
            "pl": "Nauczony D: σ({w:.3f}·x + {b:.3f}); V(D, G) = {v:.3f} ≤ V(D*, G); "
            "największa różnica |D − D*| tam, gdzie są próbki: {gap:.3f}.",
            "en": "Trained D: σ({w:.3f}·x + {b:.3f}); V(D, G) = {v:.3f} ≤ V(D*, G); largest "
            "gap |D − D*| where the samples are: {gap:.3f}.",
        },
        "trained_mlp": {
            "pl": "Nauczony D: V(D, G) = {v:.3f} ≤ V(D*, G); największa różnica |D − D*| "
            "tam, gdzie są próbki: {gap:.3f}.",
            "en": "Trained D: V(D, G) = {v:.3f} ≤ V(D*, G); largest gap |D − D*| where the "
            "samples are: {gap:.3f}.",
        },
        "logistic_note": {
            "pl": " Gdy σ_d ≠ σ_g, log(p_data/p_g) jest kwadratowy w x, więc D* nie jest "
            "logistyczny w x: regresja logistyczna go nie odtworzy, sieć – tak.",
            "en": " When σ_d ≠ σ_g, log(p_data/p_g) is quadratic in x, so D* is not logistic "
            "in x: logistic regression cannot match it, the network can.",
        },
        "busy": {
            "pl": "D właśnie się uczy: poczekaj chwilę (kilka sekund).",
            "en": "D is training right now: wait a moment (a few seconds).",
        },
        "check_dstar_passed": {
            "pl": "✅ Dobrze: D*({x}) = {want:.4f}.",
            "en": "✅ Correct: D*({x}) = {want:.4f}.",
        },
        "check_dstar_failed": {
            "pl": "❌ Jeszcze nie: podano {got}, a D*({x}) = p_data/(p_data + p_g) wychodzi "
            "inaczej. Policz obie gęstości w x (wzór gęstości normalnej) i podziel.",
            "en": "❌ Not yet: you gave {got}, and D*({x}) = p_data/(p_data + p_g) comes out "
            "different. Compute both densities at x (the normal density) and divide.",
        },
        "check_dstar_bad": {
            "pl": "❌ Podaj jedną liczbę między 0 a 1 (dostałem {got!r}).",
            "en": "❌ Give one number between 0 and 1 (got {got!r}).",
        },
        "code_densities": {
            "pl": "# Rozkład danych i generatora oraz optymalny dyskryminator D* "
            "(Goodfellow i in. 2014).",
            "en": "# The data's and the generator's densities and the optimal discriminator "
            "D* (Goodfellow et al. 2014).",
        },
        "code_samples": {
            "pl": "# Dyskryminator w Kerasie uczony na próbkach: 1 dla prawdziwych, 0 dla "
            "wygenerowanych.",
            "en": "# A Keras discriminator trained on samples: 1 for real ones, 0 for "
            "generated ones.",
        },
    },
)
