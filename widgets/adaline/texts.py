"""Lesson 05's words: labels, titles, status lines, the ``adaline.bad_*`` messages of
``configure`` and the sentences of the exercise checks, each in Polish and English (one
table; see :mod:`widgets.i18n`), one entry per key with each language on its own line.
"""

from __future__ import annotations

from ..i18n import Strings

TEXT = Strings(
    "adaline",
    {
        "title": {
            "pl": "ADALINE kontra perceptron (1960)",
            "en": "ADALINE against the perceptron (1960)",
        },
        "intro": {
            "pl": "<b>ADALINE</b> (adaptacyjny neuron liniowy, Widrow i Hoff) uczy się na "
            "<i>liniowym</i> wyjściu z = w·x + b i <b>minimalizuje funkcję kosztu</b> "
            "J = średnia (y − z)² metodą spadku gradientu. Perceptron poprawia wagi tylko po "
            "błędnej odpowiedzi funkcji skoku. Oba modele widzą te same punkty w tej samej "
            "kolejności i startują z zerowych wag.",
            "en": "<b>ADALINE</b> (adaptive linear neuron, Widrow and Hoff) learns from the "
            "<i>linear</i> output z = w·x + b and <b>minimises a cost function</b> "
            "J = mean (y − z)² by gradient descent. The perceptron corrects its weights only "
            "after a wrong answer of its step function. Both see the same points in the same "
            "order and start from zero weights.",
        },
        "data": {
            "pl": "dane",
            "en": "data",
        },
        "data_separable": {
            "pl": "rozdzielne liniowo",
            "en": "linearly separable",
        },
        "data_noisy": {
            "pl": "zaszumione (kilka punktów po złej stronie)",
            "en": "noisy (a few points across)",
        },
        "data_overlapping": {
            "pl": "nierozdzielne (klasy się nakładają)",
            "en": "non-separable (classes overlap)",
        },
        "seed": {
            "pl": "ziarno losowania",
            "en": "random seed",
        },
        "mode": {
            "pl": "tryb",
            "en": "mode",
        },
        "mode_online": {
            "pl": "online (minipaczka: 1 punkt)",
            "en": "online (batch of 1)",
        },
        "mode_batch": {
            "pl": "wsadowy (cały zbiór naraz)",
            "en": "batch (whole set)",
        },
        "learning_rate": {
            "pl": "współczynnik uczenia η",
            "en": "learning rate η",
        },
        "epochs": {
            "pl": "liczba epok",
            "en": "epochs",
        },
        "train": {
            "pl": "Ucz od nowa",
            "en": "Train again",
        },
        "stop": {
            "pl": "Stop",
            "en": "Stop",
        },
        "epoch": {
            "pl": "epoka",
            "en": "epoch",
        },
        "controls_help": {
            "pl": "Każda zmiana uczy oba modele od nowa (w tle). Potem ▶ odtwarza epoki. "
            "Spróbuj dużego η w trybie wsadowym.",
            "en": "Every change retrains both models (in the background). Then ▶ replays the "
            "epochs. Try a large η in batch mode.",
        },
        "plane_help": {
            "pl": "Wypełnienie punktu: odpowiedź modelu; obwódka: prawdziwa klasa; "
            "zacieniona część: model mówi „1”. Osie: cechy po standaryzacji.",
            "en": "A point's fill: the model's answer; its ring: the true class; the shaded "
            "part: the model says '1'. Axes: standardised features.",
        },
        "perceptron_title": {
            "pl": "Perceptron, epoka {epoch}: {errors} {errors:@błąd|błędy|błędów}",
            "en": "Perceptron, epoch {epoch}: {errors} {errors:@error|errors}",
        },
        "adaline_title": {
            "pl": "ADALINE, epoka {epoch}: {errors} {errors:@błąd|błędy|błędów}",
            "en": "ADALINE, epoch {epoch}: {errors} {errors:@error|errors}",
        },
        "adaline_title_stopped": {
            "pl": "ADALINE zatrzymany w epoce {epoch} (ostatnie skończone wagi): {errors} "
            "{errors:@błąd|błędy|błędów}",
            "en": "ADALINE stopped at epoch {epoch} (last finite weights): {errors} "
            "{errors:@error|errors}",
        },
        "cost_title": {
            "pl": "Koszt i błędy w kolejnych epokach",
            "en": "Cost and errors per epoch",
        },
        "cost_axis": {
            "pl": "koszt J (MSE)",
            "en": "cost J (MSE)",
        },
        "errors_axis": {
            "pl": "odsetek błędów",
            "en": "error rate",
        },
        "series_cost": {
            "pl": "ADALINE: koszt J",
            "en": "ADALINE: cost J",
        },
        "series_perceptron": {
            "pl": "perceptron: błędy",
            "en": "perceptron: errors",
        },
        "series_adaline": {
            "pl": "ADALINE: błędy",
            "en": "ADALINE: errors",
        },
        "surface_title": {
            "pl": "Powierzchnia błędu J(w1, w2) przy b = b* i droga spadku",
            "en": "Error surface J(w1, w2) at b = b* and the descent path",
        },
        "surface_help": {
            "pl": "Wyraz wolny (bias) ustalono na wartości najmniejszych kwadratów b* = średnia(y): po "
            "standaryzacji cech optymalny wyraz wolny nie zależy od w1, w2, więc ten przekrój "
            "jest dokładnie tym, po czym schodzi spadek gradientu w trybie wsadowym. ★ = minimum.",
            "en": "The bias is fixed at its least-squares value b* = mean(y): with "
            "standardised features the best bias does not depend on w1, w2, so this slice "
            "is exactly what batch descent walks on. ★ = the minimum.",
        },
        "path": {
            "pl": "droga spadku",
            "en": "descent path",
        },
        "now": {
            "pl": "bieżąca epoka",
            "en": "current epoch",
        },
        "minimum": {
            "pl": "minimum",
            "en": "minimum",
        },
        "table_weight": {
            "pl": "waga",
            "en": "weight",
        },
        "table_keras": {
            "pl": "ADALINE (Keras)",
            "en": "ADALINE (Keras)",
        },
        "table_exact": {
            "pl": "najmniejsze kwadraty",
            "en": "least squares",
        },
        "table_diff": {
            "pl": "|różnica|",
            "en": "|difference|",
        },
        "training": {
            "pl": "⏳ Uczenie: {epochs} {epochs:@epoka|epoki|epok}, η = {rate:.3g}, ziarno {seed}…",
            "en": "⏳ Training {epochs} {epochs:@epoch|epochs}, η = {rate:.3g}, seed {seed}…",
        },
        "summary": {
            "pl": "Po {epochs} {epochs:@epoce|epokach|epokach}: ADALINE ma koszt J = {cost:.4f} "
            "(minimum {best:.4f}) i myli się na {a_errors} z {n} {n:@punktu|punktów|punktów}; "
            "perceptron na {p_errors} z {n}. {p_moves}",
            "en": "After {epochs} {epochs:@epoch|epochs}: ADALINE has cost J = {cost:.4f} "
            "(minimum {best:.4f}) and {a_errors}/{n} errors; the perceptron {p_errors}/{n} "
            "errors. {p_moves}",
        },
        "moved": {
            "pl": "Perceptron wciąż zmieniał wagi w ostatniej epoce.",
            "en": "The perceptron was still changing its weights in the last epoch.",
        },
        "not_moved": {
            "pl": "Perceptron przestał zmieniać wagi (zbieżny).",
            "en": "The perceptron stopped changing its weights (converged).",
        },
        "diverged": {
            "pl": "⚠️ Uczenie się rozbiegło w epoce {epoch}: koszt rósł bez końca, bo η = "
            "{rate:.3g} jest za duże i każdy krok przeskakuje minimum coraz dalej. Uczenie "
            "zatrzymano, zachowano ostatnie skończone wagi (epoka {last}). Zmniejsz η.",
            "en": "⚠️ Training diverged at epoch {epoch}: the cost grew without bound, "
            "because η = {rate:.3g} is too large and every step overshoots the minimum "
            "further. Training was stopped and the last finite weights kept (epoch {last}). "
            "Lower η.",
        },
        "stopped": {
            "pl": "⏹ Zatrzymano: pokazuję epoki nauczone do tej pory.",
            "en": "⏹ Stopped: showing the epochs learnt so far.",
        },
        "bad_data": {
            "pl": "Nieznany zbiór danych {value!r}; do wyboru: {names}.",
            "en": "Unknown data set {value!r}; choose one of: {names}.",
        },
        "bad_mode": {
            "pl": "Nieznany tryb uczenia {value!r}; do wyboru: {names}.",
            "en": "Unknown training mode {value!r}; choose one of: {names}.",
        },
        "bad_rate": {
            "pl": "Współczynnik uczenia η musi być liczbą od {low} do {high}, a podano {value}.",
            "en": "The learning rate η must be a number from {low} to {high}, not {value}.",
        },
        "bad_epochs": {
            "pl": "Liczba epok musi być liczbą całkowitą od {low} do {high}, a podano {value}.",
            "en": "The number of epochs must be a whole number from {low} to {high}, not {value}.",
        },
        "bad_seed": {
            "pl": "Ziarno losowania musi być liczbą całkowitą od {low} do {high}, a podano "
            "{value}.",
            "en": "The random seed must be a whole number from {low} to {high}, not {value}.",
        },
        "check_rate_passed": {
            "pl": "✅ Dobrze! Krytyczne η = {want:.4g}; Twoje {got:.4g}.",
            "en": "✅ Correct! The critical η = {want:.4g}; yours {got:.4g}.",
        },
        "check_rate_failed": {
            "pl": "❌ Jeszcze nie: {got:.4g} różni się od krytycznego η o {error:.0f}%. "
            "Wskazówka: policz największą wartość własną macierzy AᵀA/n.",
            "en": "❌ Not yet: {got:.4g} is {error:.0f}% off the critical η. Hint: take the "
            "largest eigenvalue of AᵀA/n.",
        },
        "check_ls_passed": {
            "pl": "✅ Dobrze! w = {w}, b = {b:.4f} to minimum kosztu.",
            "en": "✅ Correct! w = {w}, b = {b:.4f} is the minimum of the cost.",
        },
        "check_ls_failed": {
            "pl": "❌ Jeszcze nie: Twój koszt J = {got:.4f}, minimum to {want:.4f}.",
            "en": "❌ Not yet: your cost J = {got:.4f}, the minimum is {want:.4f}.",
        },
        "code_data": {
            "pl": "# Dane: {data}; wejścia standaryzowane, cele ±1.",
            "en": "# Data: {data}; standardised inputs, targets ±1.",
        },
        "code_model": {
            "pl": "# ADALINE: Dense(1) z liniową aktywacją, błąd średniokwadratowy, SGD.",
            "en": "# ADALINE: Dense(1) with a linear activation, mean squared error, SGD.",
        },
        "code_online": {
            "pl": "# Uczenie online (reguła Widrowa-Hoffa): krok po każdym punkcie, po kolei.",
            "en": "# Online learning (the Widrow-Hoff rule): a step after every point, in order.",
        },
        "code_batch": {
            "pl": "# Uczenie wsadowe: jeden krok gradientu na epokę, po całym zbiorze.",
            "en": "# Batch learning: one gradient step per epoch, over the whole set.",
        },
        "code_exact": {
            "pl": "# Rozwiązanie w postaci zamkniętej (metoda najmniejszych kwadratów).",
            "en": "# The closed-form solution (least squares).",
        },
    },
)
