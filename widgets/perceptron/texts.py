"""Lesson 04's words, in Polish and English: the dashboard's table and the exercises' one
(see :mod:`widgets.i18n`)."""

from __future__ import annotations

from ..i18n import Strings

TEXT = Strings(
    "perceptron",
    {
        "title": {
            "pl": "Perceptron Rosenblatta (1957): reguła uczenia krok po kroku",
            "en": "Rosenblatt's perceptron (1957): the learning rule step by step",
        },
        "intro": {
            "pl": "Perceptron odpowiada ŷ = 1, gdy w·x + b ≥ 0 (funkcja skoku jednostkowego), "
            "inaczej 0. Uczy się <b>z nadzorem</b>: po każdej próbce, tylko gdy się "
            "pomylił, przesuwa wagi o <b>Δw = η(y − ŷ)x</b> i wyraz wolny (bias) o Δb = η(y − ŷ). "
            "Naciśnij <i>krok ▶</i> albo odtwarzaj i patrz, jak prosta decyzyjna się "
            "przesuwa. Kliknij wykres, by dodać własny punkt.",
            "en": "The perceptron answers ŷ = 1 when w·x + b ≥ 0 (the unit step function), "
            "else 0. It learns <b>supervised</b>: after each sample, only when it was "
            "wrong, it moves its weights by <b>Δw = η(y − ŷ)x</b> and its bias by "
            "Δb = η(y − ŷ). Press <i>step ▶</i> or play and watch the decision line move. "
            "Click the plot to add your own point.",
        },
        "data": {
            "pl": "Dane",
            "en": "Data",
        },
        "dataset": {
            "pl": "zbiór",
            "en": "data set",
        },
        "ds_blobs": {
            "pl": "dwie chmury z marginesem",
            "en": "two blobs with a margin",
        },
        "ds_and": {
            "pl": "AND (rogi kwadratu)",
            "en": "AND (square corners)",
        },
        "ds_or": {
            "pl": "OR (rogi kwadratu)",
            "en": "OR (square corners)",
        },
        "ds_xor": {
            "pl": "XOR (rogi kwadratu)",
            "en": "XOR (square corners)",
        },
        "ds_custom": {
            "pl": "własne punkty (klikaj)",
            "en": "your own points (click)",
        },
        "points": {
            "pl": "liczba punktów",
            "en": "number of points",
        },
        "margin": {
            "pl": "margines",
            "en": "margin",
        },
        "noise": {
            "pl": "szum",
            "en": "noise",
        },
        "seed": {
            "pl": "ziarno",
            "en": "seed",
        },
        "click_class": {
            "pl": "Kliknięcie dodaje punkt klasy:",
            "en": "A click adds a point of class:",
        },
        "class_1": {
            "pl": "1 (czerwona)",
            "en": "1 (red)",
        },
        "class_0": {
            "pl": "0 (niebieska)",
            "en": "0 (blue)",
        },
        "clear": {
            "pl": "usuń dodane punkty",
            "en": "remove added points",
        },
        "learning": {
            "pl": "Uczenie",
            "en": "Learning",
        },
        "eta": {
            "pl": "współczynnik uczenia η",
            "en": "learning rate η",
        },
        "random_init": {
            "pl": "losowe wagi początkowe (zamiast zer)",
            "en": "random initial weights (instead of zeros)",
        },
        "shuffle": {
            "pl": "nowa losowa kolejność w każdej epoce",
            "en": "a new random order every epoch",
        },
        "epochs": {
            "pl": "maks. liczba epok",
            "en": "max. epochs",
        },
        "epochs_tip": {
            "pl": "Najwięcej epok, ile może trwać uczenie. Gdy prosta już rozdziela klasy, "
            "dalsze epoki niczego nie zmieniają, więc ten suwak ma znaczenie tylko dla danych, "
            "których prosta nie rozdziela.",
            "en": "The most epochs the training may take. Once the line separates the classes "
            "more epochs change nothing, so this slider matters only for data that no line "
            "separates.",
        },
        "eta_tip": {
            "pl": "Przy zerowych wagach początkowych η tylko skaluje wagi i bias: prosta i "
            "kolejne poprawki są te same dla każdego η. Przy losowych wagach początkowych "
            "η zmienia przebieg uczenia.",
            "en": "With zero initial weights η only scales the weights and the bias: the line "
            "and its updates are the same for every η. With random initial weights η changes "
            "the course of the training.",
        },
        "click_class_tip": {
            "pl": "Klasa punktu, który doda następne kliknięcie na płaszczyźnie wejść.",
            "en": "The class of the point the next click on the input plane adds.",
        },
        "pocket": {
            "pl": "algorytm kieszonkowy (zachowuje najlepsze wagi)",
            "en": "pocket algorithm (keeps the best weights)",
        },
        "help": {
            "pl": "Przy starcie od zera η tylko skaluje wagi: prosta i liczba aktualizacji "
            "są te same. Mniejszy margines = więcej aktualizacji. Szum może sprawić, że "
            "żadna prosta nie rozdzieli klas.",
            "en": "Starting from zero, η only scales the weights: the line and the number of "
            "updates stay the same. A smaller margin = more updates. Noise can make the "
            "classes impossible to split by any line.",
        },
        "plane_title": {
            "pl": "Płaszczyzna wejść: perceptron odpowiada 1 w zacienionej części",
            "en": "Input plane: the perceptron answers 1 in the shaded part",
        },
        "legend": {
            "pl": "<span class='dl-fire-colour'>●</span> klasa 1 &nbsp; "
            "<span class='dl-quiet-colour'>●</span> klasa 0 &nbsp; ✕ źle klasyfikowany &nbsp; ◯ bieżąca "
            "próbka &nbsp; <b>→</b> wektor wag w (szary: przed krokiem) &nbsp; "
            "<span class='dl-warn-colour'><b>→</b> Δw</span> &nbsp; "
            "<span class='dl-good-colour'>- - kieszeń</span>",
            "en": "<span class='dl-fire-colour'>●</span> class 1 &nbsp; "
            "<span class='dl-quiet-colour'>●</span> class 0 &nbsp; ✕ misclassified &nbsp; ◯ current "
            "sample &nbsp; <b>→</b> weight vector w (grey: before the step) &nbsp; "
            "<span class='dl-warn-colour'><b>→</b> Δw</span> &nbsp; "
            "<span class='dl-good-colour'>- - pocket</span>",
        },
        "arrow_scale": {
            "pl": "Strzałki wag narysowane w skali ×{scale} (liczy się ich kierunek: prosta "
            "jest do nich prostopadła).",
            "en": "Weight arrows drawn at scale ×{scale} (their direction matters: the line "
            "is perpendicular to them).",
        },
        "state_start": {
            "pl": "<b>Start</b>: w = {w}, b = {b}. Naciśnij <i>krok ▶</i>.",
            "en": "<b>Start</b>: w = {w}, b = {b}. Press <i>step ▶</i>.",
        },
        "state_step": {
            "pl": "Epoka <b>{epoch}</b> z {epochs} · krok <b>{step}</b> z {steps} · próbka "
            "#{sample}: x = {x}, y = {y}, ŷ = {y_hat}",
            "en": "Epoch <b>{epoch}</b> of {epochs} · step <b>{step}</b> of {steps} · sample "
            "#{sample}: x = {x}, y = {y}, ŷ = {y_hat}",
        },
        "right": {
            "pl": "✓ dobrze: y − ŷ = 0, wagi bez zmian",
            "en": "✓ right: y − ŷ = 0, the weights stay",
        },
        "wrong": {
            "pl": "✗ błąd: y − ŷ = {error:+d} → Δw = η(y − ŷ)x = {dw}, Δb = {db}",
            "en": "✗ wrong: y − ŷ = {error:+d} → Δw = η(y − ŷ)x = {dw}, Δb = {db}",
        },
        "counters": {
            "pl": "Aktualizacje: <b>{updates}</b> · błędy w tej epoce: <b>{errors}</b> · "
            "źle klasyfikowane teraz: <b>{wrong_now}</b> z {n} · w = {w}, b = {b}",
            "en": "Updates: <b>{updates}</b> · errors this epoch: <b>{errors}</b> · "
            "misclassified now: <b>{wrong_now}</b> of {n} · w = {w}, b = {b}",
        },
        "pocket_state": {
            "pl": "Kieszeń: najlepsze dotąd wagi mylą się na {errors} z {n} {n:@punktu|punktów|punktów}.",
            "en": "Pocket: the best weights so far misclassify {errors} of {n} {n:@point|points}.",
        },
        "converged": {
            "pl": "✓ <b>Zbieżność!</b> Epoka {epoch} minęła bez żadnego błędu: prosta "
            "rozdziela klasy, dalsze epoki niczego nie zmienią.",
            "en": "✓ <b>Converged!</b> Epoch {epoch} passed without a single error: the line "
            "separates the classes, more epochs change nothing.",
        },
        "not_converged": {
            "pl": "✗ <b>Brak zbieżności</b> po {epochs} {epochs:@epoce|epokach|epokach}: w każdej "
            "epoce są błędy.",
            "en": "✗ <b>No convergence</b> after {epochs} {epochs:@epoch|epochs}: every epoch has "
            "errors.",
        },
        "never": {
            "pl": " Żadna prosta nie rozdziela tych klas (jak w XOR), więc perceptron "
            "<b>nigdy</b> się nie zatrzyma: wagi krążą bez końca.",
            "en": " No line separates these classes (as in XOR), so the perceptron will "
            "<b>never</b> stop: the weights go round forever.",
        },
        "try_pocket": {
            "pl": " Włącz <b>algorytm kieszonkowy</b>, by zachować najlepsze wagi.",
            "en": " Switch on the <b>pocket algorithm</b> to keep the best weights.",
        },
        "more_epochs": {
            "pl": " Klasy da się jednak rozdzielić prostą: więcej epok wystarczy "
            "(twierdzenie Novikoffa).",
            "en": " The classes can be split by a line, though: more epochs will do "
            "(Novikoff's theorem).",
        },
        "pocket_result": {
            "pl": " Kieszeń oddaje wagi, które mylą się na {errors} z {n} {n:@punktu|punktów|punktów}.",
            "en": " The pocket returns weights that misclassify {errors} of {n} {n:@point|points}.",
        },
        "novikoff_title": {
            "pl": "Twierdzenie Novikoffa (1962)",
            "en": "Novikoff's theorem (1962)",
        },
        "novikoff": {
            "pl": "Gdy klasy rozdziela prosta z marginesem γ, perceptron startujący od w = 0 "
            "wykona najwyżej <b>(R/γ)²</b> aktualizacji. Tu R = {R} (największa długość "
            "(x1, x2, 1), z wejściem biasu), γ = {gamma} (margines: najmniejsza odległość "
            "punktów (x1, x2, 1) od płaszczyzny rozdzielającej przez początek układu, "
            "największa osiągalna) → ograniczenie <b>{bound}</b>; perceptron wykonał <b>{updates}</b> "
            "{updates:@aktualizację|aktualizacje|aktualizacji}.",
            "en": "When a line separates the classes with margin γ, the perceptron started at "
            "w = 0 makes at most <b>(R/γ)²</b> updates. Here R = {R} (the largest length of "
            "(x1, x2, 1), bias input included), γ = {gamma} (the margin: the smallest distance "
            "of the points (x1, x2, 1) to a separating plane through the origin, made as "
            "large as possible) → bound <b>{bound}</b>; the perceptron made <b>{updates}</b> "
            "{updates:@update|updates}.",
        },
        "novikoff_random": {
            "pl": " (Ograniczenie zakłada start od zera; wagi początkowe są teraz losowe.)",
            "en": " (The bound assumes a start at zero; the initial weights are random now.)",
        },
        "novikoff_none": {
            "pl": "Żadna prosta nie rozdziela tych klas: twierdzenie nic nie obiecuje, "
            "perceptron może się nie zatrzymać.",
            "en": "No line separates these classes: the theorem promises nothing, the "
            "perceptron may never stop.",
        },
        "need_points": {
            "pl": "Kliknij wykres, aby dodać punkty: potrzeba co najmniej jednego punktu "
            "każdej klasy (wybierz klasę przyciskami po lewej).",
            "en": "Click the plot to add points: at least one point of each class is needed "
            "(pick the class with the buttons on the left).",
        },
        "one_class": {
            "pl": "Wszystkie punkty ({n}) należą do klasy {label}: nie ma czego rozdzielać. "
            "Dodaj punkt klasy {other}.",
            "en": "All {n} points belong to class {label}: there is nothing to separate. Add "
            "a point of class {other}.",
        },
        "outside": {
            "pl": "Punkt ({x}; {y}) leży poza wykresem, który sięga od {x0} do {x1} na osi "
            "x1 i od {y0} do {y1} na osi x2.",
            "en": "The point ({x}, {y}) lies outside the plot, which spans {x0} to {x1} on "
            "the x1 axis and {y0} to {y1} on the x2 axis.",
        },
        "bad_point": {
            "pl": "Współrzędne punktu muszą być liczbami.",
            "en": "The point's coordinates must be numbers.",
        },
        "bad_label": {
            "pl": "Klasa musi być 0 albo 1, a jest {label!r}.",
            "en": "The class must be 0 or 1, not {label!r}.",
        },
        "too_many": {
            "pl": "Na wykresie jest już największa dozwolona liczba punktów ({limit}): usuń "
            "dodane punkty albo zmniejsz ich liczbę.",
            "en": "The plot already holds the most points allowed ({limit}): remove the added "
            "points or lower their number.",
        },
        "code_rule": {
            "pl": "# Reguła perceptronu Rosenblatta: po każdym punkcie Δw = η·(y − ŷ)·x, "
            "Δb = η·(y − ŷ).",
            "en": "# Rosenblatt's perceptron rule: after each point Δw = η·(y − ŷ)·x, "
            "Δb = η·(y − ŷ).",
        },
        "code_blobs": {
            "pl": "# Dwie chmury punktów z pustym pasem między nimi (te same co w panelu).",
            "en": "# Two clouds of points with an empty band between them (the dashboard's).",
        },
        "code_points": {
            "pl": "# Punkty z panelu ({n}): współrzędne X i klasy y (0 albo 1).",
            "en": "# The dashboard's points ({n}): coordinates X and classes y (0 or 1).",
        },
        "code_pocket": {
            "pl": "# Algorytm kieszonkowy (Gallant 1990): w kieszeni zostają wagi z najmniejszą "
            "liczbą błędów na zbiorze uczącym.",
            "en": "# The pocket algorithm (Gallant 1990): the pocket keeps the weights with the "
            "fewest errors on the training set.",
        },
        "code_random_start": {
            "pl": "# Losowe wagi początkowe (te same co w panelu).",
            "en": "# Random initial weights (the dashboard's).",
        },
        "code_shuffle": {
            "pl": "# Nowa losowa kolejność punktów w każdej epoce.",
            "en": "# A new random order of the points in every epoch.",
        },
        "code_converged": {
            "pl": "Bez błędu w całej epoce: zbieżność w epoce",
            "en": "No mistake in a whole epoch: converged in epoch",
        },
        "code_pocket_restore": {
            "pl": "# Na koniec wagi z kieszeni.",
            "en": "# At the end, the pocket's weights.",
        },
    },
)

EXERCISE_TEXT = Strings(
    "perceptron_exercises",
    {
        "passed": {
            "pl": "✅ Dobrze! Twoja reguła zgadza się z perceptronem w {n} "
            "{n:@przypadku testowym|przypadkach testowych|przypadkach testowych}.",
            "en": "✅ Correct! Your rule agrees with the perceptron on {n} test {n:@case|cases}.",
        },
        "failed": {
            "pl": "❌ Jeszcze nie: {wrong} z {n} {n:@przypadku|przypadków|przypadków} "
            "{wrong:@daje|dają|daje} inne wagi.",
            "en": "❌ Not yet: {wrong} of {n} {n:@case|cases} {wrong:@gives|give} different weights.",
        },
        "case": {
            "pl": "w = {w}, b = {b}, x = {x}, y = {y}, η = {eta}: oczekiwano w = {want_w}, "
            "b = {want_b}, a jest w = {got_w}, b = {got_b}",
            "en": "w = {w}, b = {b}, x = {x}, y = {y}, η = {eta}: expected w = {want_w}, "
            "b = {want_b}, got w = {got_w}, b = {got_b}",
        },
        "hint": {
            "pl": "Wskazówka: ŷ = 1, gdy w·x + b ≥ 0; potem w ← w + η(y − ŷ)x i b ← b + η(y − ŷ). "
            "Gdy ŷ = y, nic się nie zmienia.",
            "en": "Hint: ŷ = 1 when w·x + b ≥ 0; then w ← w + η(y − ŷ)x and b ← b + η(y − ŷ). "
            "When ŷ = y nothing changes.",
        },
        "crashed": {
            "pl": "Funkcja zgłosiła błąd: {message}",
            "en": "The function raised an error: {message}",
        },
    },
)
