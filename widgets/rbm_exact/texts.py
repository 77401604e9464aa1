"""Lesson 13 (the exact case: bars and stripes): its words, in Polish and English."""

from __future__ import annotations

from ..i18n import Strings

TEXT = Strings(
    "rbm_exact",
    {
        "title": {
            "pl": "RBM w przypadku dokładnym: paski poziome i pionowe (bars and stripes) 4×4",
            "en": "An RBM in the exact case: bars and stripes, 4×4",
        },
        "intro": {
            "pl": "Obraz 4×4 to 16 <b>jednostek widocznych</b>. Poprawnych wzorców jest 30: "
            "każdy wiersz cały zapalony albo zgaszony (16 wzorców z pasków poziomych) albo "
            "każda kolumna (16 z pionowych), minus 2 liczone dwa razy (pusty i pełny obraz). "
            "Dane to tych 30 wzorców, każdy tak samo częsty: prawdziwy rozkład daje każdemu "
            "1/30. Przy kilku <b>jednostkach ukrytych</b> <b>funkcję podziału Z</b> da się "
            "policzyć dokładnie (suma po wszystkich 2ⁿ stanach ukrytych), więc widać to, "
            "czego przy cyfrach nie widać nigdy: prawdziwe p(v) modelu dla każdego wzorca i "
            "dokładną log-wiarygodność danych w czasie uczenia.",
            "en": "A 4×4 image is 16 <b>visible units</b>. There are 30 valid patterns: every "
            "row all on or all off (16 patterns of horizontal bars) or every column (16 of "
            "vertical ones), minus the 2 counted twice (the empty and the full image). The "
            "data are these 30 patterns, each equally frequent: the true distribution gives "
            "each 1/30. With a few <b>hidden units</b> the <b>partition function Z</b> can be "
            "computed exactly (a sum over all 2ⁿ hidden states), so you see what is never "
            "visible with digits: the model's true p(v) of every pattern and the exact "
            "log-likelihood of the data while it learns.",
        },
        "controls_help": {
            "pl": "Naciśnij ▶ Ucz. Każda epoka to 600 przykładów (30 wzorców po 20 razy) w "
            "porcjach po 10. Zmiana liczby jednostek ukrytych, k albo metody zaczyna od "
            "nowa; η zmienia się w locie, także w czasie uczenia; ▶ Ucz po zakończeniu uczy "
            "dalej.",
            "en": "Press ▶ Train. Each epoch is 600 examples (the 30 patterns 20 times each) "
            "in batches of 10. Changing the number of hidden units, k or the method starts "
            "again; η changes on the fly, during training too; ▶ Train after the end trains "
            "on.",
        },
        "method_help": {
            "pl": "<b>CD-k</b> (kontrastywna dywergencja) zaczyna fazę negatywną od danych i "
            "robi k kroków próbkowania Gibbsa. <b>PCD-k</b> (trwała CD) ciągnie dalej te same "
            "łańcuchy od aktualizacji do aktualizacji, więc mogą odejść daleko od danych i "
            "znaleźć fałszywe wzorce, które model lubi.",
            "en": "<b>CD-k</b> (contrastive divergence) starts the negative phase at the data "
            "and takes k Gibbs sampling steps. <b>PCD-k</b> (persistent CD) carries the same "
            "chains on from one update to the next, so they can wander far from the data and "
            "find the false patterns the model likes.",
        },
        "hidden": {
            "pl": "jednostki ukryte",
            "en": "hidden units",
        },
        "k": {
            "pl": "kroki Gibbsa k",
            "en": "Gibbs steps k",
        },
        "method": {
            "pl": "metoda",
            "en": "method",
        },
        "learning_rate": {
            "pl": "współczynnik uczenia η",
            "en": "learning rate η",
        },
        "epochs": {
            "pl": "epoki",
            "en": "epochs",
        },
        "gibbs_steps": {
            "pl": "kroki łańcucha",
            "en": "chain steps",
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
            "en": "Start again",
        },
        "gibbs_steps_tip": {
            "pl": "Działa od następnego „Losuj 16 próbek”; próbki na stronie się nie zmieniają.",
            "en": "Takes effect at the next “Draw 16 samples”; the samples on the page stay as "
            "they are.",
        },
        "sample": {
            "pl": "Losuj 16 próbek",
            "en": "Draw 16 samples",
        },
        "sample_help": {
            "pl": "Próbki: 16 łańcuchów Gibbsa startuje z losowego szumu i robi tyle kroków, "
            "ile ustawiono; pokazany jest ich ostatni stan v. Zielona ramka: poprawny "
            "wzorzec, czerwona: niepoprawny. Dobrze nauczona RBM daje prawie same zielone.",
            "en": "Samples: 16 Gibbs chains start from random noise and take the set number "
            "of steps; their last state v is shown. A green frame: a valid pattern, a red "
            "one: invalid. A well-trained RBM gives almost only green ones.",
        },
        "likelihood_title": {
            "pl": "Dokładna log-wiarygodność danych (średnie log p(v) 30 wzorców)",
            "en": "Exact log-likelihood of the data (mean log p(v) of the 30 patterns)",
        },
        "epoch_axis": {
            "pl": "epoka",
            "en": "epoch",
        },
        "likelihood_axis": {
            "pl": "średnie log p(v)",
            "en": "mean log p(v)",
        },
        "model_line": {
            "pl": "model RBM",
            "en": "the RBM",
        },
        "bound_line": {
            "pl": "najlepsze możliwe: −log 30 = {value:.2f}",
            "en": "the best possible: −log 30 = {value:.2f}",
        },
        "uniform_line": {
            "pl": "rozkład jednostajny: −16 log 2 = {value:.2f}",
            "en": "the uniform distribution: −16 log 2 = {value:.2f}",
        },
        "distribution_title": {
            "pl": "p(v) modelu dla każdego z 30 poprawnych wzorców<br>razem: {valid:.1%}; na "
            "{invalid_count} niepoprawnych: {invalid:.1%}",
            "en": "The model's p(v) of each of the 30 valid patterns<br>together: {valid:.1%}; "
            "on the {invalid_count} invalid ones: {invalid:.1%}",
        },
        "probability_axis": {
            "pl": "p(v)",
            "en": "p(v)",
        },
        "true_line": {
            "pl": "prawdziwe 1/30",
            "en": "true 1/30",
        },
        "pattern_hover": {
            "pl": "wzorzec {index}",
            "en": "pattern {index}",
        },
        "samples_title": {
            "pl": "16 próbek po {steps} krokach Gibbsa: {valid} z 16 poprawnych",
            "en": "16 samples after {steps} Gibbs steps: {valid} of 16 valid",
        },
        "samples_empty": {
            "pl": "Próbki pojawią się po naciśnięciu „Losuj 16 próbek”",
            "en": "Samples appear when you press “Draw 16 samples”",
        },
        "ready": {
            "pl": "Gotowe: RBM 16 → {hidden}, {method}, z losowymi wagami (start: rozkład "
            "prawie jednostajny). Naciśnij ▶ Ucz.",
            "en": "Ready: an RBM 16 → {hidden}, {method}, with random weights (the start: an "
            "almost uniform distribution). Press ▶ Train.",
        },
        "compiling": {
            "pl": "Przygotowuję uczenie (pierwsza epoka trwa dłużej)…",
            "en": "Preparing the training step (the first epoch takes longer)…",
        },
        "training": {
            "pl": "Uczenie: epoka {epoch} z {total}; log-wiarygodność {ll:.2f}",
            "en": "Training: epoch {epoch} of {total}; log-likelihood {ll:.2f}",
        },
        "done": {
            "pl": "Po {epochs} epokach: log-wiarygodność {ll:.2f} (najlepsze możliwe "
            "{bound:.2f}), na poprawnych wzorcach {valid:.1%} prawdopodobieństwa.",
            "en": "After {epochs} epochs: log-likelihood {ll:.2f} (the best possible "
            "{bound:.2f}), {valid:.1%} of the probability on the valid patterns.",
        },
        "stopped": {
            "pl": "Zatrzymano po {epochs} epokach. ▶ Ucz uczy dalej.",
            "en": "Stopped after {epochs} epochs. ▶ Train trains on.",
        },
        "diverged": {
            "pl": "Wagi RBM urosły do ogromnych wartości (albo przestały być liczbami): "
            "współczynnik uczenia η = {rate} jest za duży. Zmniejsz go i naciśnij „Od nowa”.",
            "en": "The RBM's weights grew huge (or stopped being numbers): the learning rate "
            "η = {rate} is too large. Lower it and press “Start again”.",
        },
        "worse_than_uniform": {
            "pl": "Log-wiarygodność spadła do {ll:.2f}, poniżej rozkładu jednostajnego "
            "(−11,09): model jest gorszy niż zgadywanie. Współczynnik uczenia η = {rate} jest "
            "pewnie za duży: zmniejsz go i naciśnij „Od nowa”.",
            "en": "The log-likelihood fell to {ll:.2f}, below the uniform distribution's "
            "(−11.09): the model is worse than guessing. The learning rate η = {rate} is "
            "probably too large: lower it and press “Start again”.",
        },
        "check_fe_passed": {
            "pl": "✅ Dobrze! Energia swobodna tego wzorca to F(v) = {want:.4f}.",
            "en": "✅ Correct! The free energy of this pattern is F(v) = {want:.4f}.",
        },
        "check_fe_failed": {
            "pl": "❌ Jeszcze nie: {got} to nie F(v). Wzór: F(v) = −v·b_v − Σ_j log(1 + "
            "exp(b_h_j + (v W)_j)), gdzie v W to iloczyn wektora 16 pikseli i macierzy W "
            "16×8.",
            "en": "❌ Not yet: {got} is not F(v). The formula: F(v) = −v·b_v − Σ_j log(1 + "
            "exp(b_h_j + (v W)_j)), where v W is the product of the 16-pixel vector and the "
            "16×8 matrix W.",
        },
        "check_fe_missing": {
            "pl": "❌ Jeszcze nie: wpisz wynik zamiast None.",
            "en": "❌ Not yet: put your result in place of None.",
        },
        "check_fe_sign": {
            "pl": "Liczba się zgadza, ale znak nie: F(v) ma minus przed obiema sumami.",
            "en": "The number is right but the sign is not: F(v) has a minus before both sums.",
        },
        "check_fe_visible": {
            "pl": "Brakuje części widocznej: dodaj −v·b_v (iloczyn skalarny wzorca i "
            "biasów widocznych).",
            "en": "The visible part is missing: add −v·b_v (the dot product of the pattern "
            "and the visible biases).",
        },
        "check_fe_softplus": {
            "pl": "Zamiast log(1 + exp(x)) policzono samo x: jednostka ukryta może być "
            "zgaszona (h = 0, składnik exp(0) = 1), stąd „1 +”.",
            "en": "You summed x instead of log(1 + exp(x)): a hidden unit can also be off "
            "(h = 0, the term exp(0) = 1), hence the “1 +”.",
        },
        "code_patterns": {
            "pl": "# Wszystkie 30 wzorców 4 × 4: paski poziome i pionowe (bars and stripes).",
            "en": "# All 30 patterns of 4 × 4: horizontal and vertical bars (bars and stripes).",
        },
        "code_exact": {
            "pl": "# Dokładna log-wiarygodność: log Z sumą po wszystkich stanach jednostek "
            "ukrytych.",
            "en": "# The exact log-likelihood: log Z as a sum over every state of the hidden "
            "units.",
        },
        "code_epoch": {
            "pl": "epoka",
            "en": "epoch",
        },
    },
)
