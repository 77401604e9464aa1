"""Lesson 13 (restricted Boltzmann machines, the main dashboard): its words, in Polish and
English; the model's own messages (:mod:`widgets.models.rbm`) first."""

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
        "not_learning": {
            "pl": "RBM się nie uczy: jej błąd rekonstrukcji ({error:.1f}) nie "
            "jest mniejszy niż RBM z losowymi wagami ({untrained:.1f}). Przy η = {rate} kroki "
            "są za duże: zmniejsz η (np. do 0,1); zmiana η działa od następnego ▶ Ucz.",
            "en": "The RBM is not learning: its reconstruction error "
            "({error:.1f}) is no lower than an RBM with random weights has ({untrained:.1f}). "
            "With η = {rate} the steps are too large: lower η (e.g. to 0.1); a new η applies "
            "from the next ▶ Train.",
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
        "title": {
            "pl": "Ograniczona maszyna Boltzmanna (RBM): uczenie przez CD-k i próbkowanie Gibbsa",
            "en": "Restricted Boltzmann machine (RBM): learning by CD-k, Gibbs sampling",
        },
        "intro": {
            "pl": "RBM ma dwie warstwy: 784 <b>jednostki widoczne</b> v (piksele cyfry, 0 albo "
            "1) i kilkadziesiąt <b>jednostek ukrytych</b> h, połączonych wagami W; w obrębie "
            "warstwy połączeń nie ma (stąd „ograniczona”). Każda para (v, h) ma "
            "<b>energię</b> E(v, h) = −vᵀW h − b·v − c·h, a model przypisuje obrazowi tym "
            "większe prawdopodobieństwo p(v), im niższa jest jego <b>energia swobodna</b>. "
            "Uczenie <b>kontrastywną dywergencją (CD-k)</b> obniża energię cyfr ze zbioru "
            "uczącego i podnosi energię tego, co model sam wytwarza po k krokach "
            "<b>próbkowania Gibbsa</b>. Wagi jednej jednostki ukrytej pokazane jako obraz "
            "28 × 28 to jej <b>pole recepcyjne</b>: to, na co ta jednostka reaguje.",
            "en": "An RBM has two layers: 784 <b>visible units</b> v (a digit's pixels, 0 or "
            "1) and a few dozen <b>hidden units</b> h, connected by weights W; there are no "
            "connections within a layer (hence “restricted”). Each pair (v, h) has an "
            "<b>energy</b> E(v, h) = −vᵀW h − b·v − c·h, and the model gives an image the "
            "higher probability p(v) the lower its <b>free energy</b>. Learning by "
            "<b>contrastive divergence (CD-k)</b> lowers the energy of the training digits "
            "and raises the energy of what the model itself produces after k steps of "
            "<b>Gibbs sampling</b>. The weights of one hidden unit drawn as a 28 × 28 image "
            "are its <b>receptive field</b>: what that unit responds to.",
        },
        "controls_help": {
            "pl": "Ustaw RBM i naciśnij ▶ Ucz: pola recepcyjne, krzywe i histogramy zmieniają "
            "się w czasie uczenia. Zmiana liczby jednostek, k albo metody zaczyna od "
            "nowa; η, momentum i zanik wag obowiązują od następnego ▶ Ucz, które uczy "
            "dalej.",
            "en": "Set the RBM up and press ▶ Train: the receptive fields, curves and "
            "histograms change while it trains. Changing the hidden units, k or the method "
            "starts again; η, the momentum and the weight decay apply from the next ▶ Train, "
            "which trains on.",
        },
        "hidden": {
            "pl": "jednostki ukryte",
            "en": "hidden units",
        },
        "k": {
            "pl": "kroki Gibbsa k (CD-k)",
            "en": "Gibbs steps k (CD-k)",
        },
        "method": {
            "pl": "metoda",
            "en": "method",
        },
        "method_cd": {
            "pl": "CD",
            "en": "CD",
        },
        "method_pcd": {
            "pl": "trwała CD (PCD)",
            "en": "persistent (PCD)",
        },
        "learning_rate": {
            "pl": "współczynnik uczenia η",
            "en": "learning rate η",
        },
        "momentum": {
            "pl": "momentum",
            "en": "momentum",
        },
        "weight_decay": {
            "pl": "zanik wag (weight decay)",
            "en": "weight decay",
        },
        "epochs": {
            "pl": "epoki na jedno ▶",
            "en": "epochs per ▶",
        },
        "train": {
            "pl": "Ucz",
            "en": "Train",
        },
        "stop": {
            "pl": "Stop",
            "en": "Stop",
        },
        "untrained": {
            "pl": "Nienauczona RBM: {units} {units:@jednostka ukryta|jednostki ukryte|jednostek ukrytych} "
            "z losowymi wagami, więc pola "
            "recepcyjne to szum. Naciśnij ▶ Ucz: już po 1–2 epokach (kilka sekund) "
            "pojawiają się w nich kreski i plamy.",
            "en": "An untrained RBM: {units} hidden units with random weights, so the "
            "receptive fields are noise. Press ▶ Train: after 1–2 epochs (a few seconds) "
            "strokes and blobs appear in them.",
        },
        "starts_over": {
            "pl": "Nowa RBM ({units} {units:@jednostka ukryta|jednostki ukryte|jednostek ukrytych}, "
            "{method}, wagi losowe): uczenie zaczyna się od "
            "nowa. Naciśnij ▶ Ucz.",
            "en": "A new RBM ({units} hidden units, {method}, random weights): training starts "
            "over. Press ▶ Train.",
        },
        "compiling": {
            "pl": "Przygotowanie kroku treningu (pierwsza epoka trwa dłużej)…",
            "en": "Preparing the training step (the first epoch takes longer)…",
        },
        "training": {
            "pl": "Uczenie: epoka {epoch} z {epochs}, błąd rekonstrukcji {error:.1f}",
            "en": "Training: epoch {epoch} of {epochs}, reconstruction error {error:.1f}",
        },
        "trained": {
            "pl": "Po {epochs} {epochs:@epoce|epokach|epokach}: błąd rekonstrukcji "
            "{error:.1f} (suma kwadratów na obraz), {seconds:.2f} s na epokę.",
            "en": "After {epochs} {epochs:@epoch|epochs}: reconstruction error {error:.1f} "
            "(sum of squares per image), {seconds:.2f} s an epoch.",
        },
        "stopped": {
            "pl": "Zatrzymano po {epochs} {epochs:@epoce|epokach|epokach}: błąd "
            "rekonstrukcji {error:.1f}. ▶ Ucz uczy dalej.",
            "en": "Stopped after {epochs} {epochs:@epoch|epochs}: reconstruction error "
            "{error:.1f}. ▶ Train trains on.",
        },
        "not_ready": {
            "pl": "RBM jeszcze się buduje: poczekaj, aż zniknie napis o ładowaniu TensorFlow.",
            "en": "The RBM is still being built: wait until the TensorFlow loading line is gone.",
        },
        "busy": {
            "pl": "Trwa uczenie: zatrzymaj je przyciskiem Stop, zanim zmienisz RBM.",
            "en": "Training is running: press Stop before changing the RBM.",
        },
        "diverged": {
            "pl": "Uczenie się rozbiegło: przy η = {rate} wagi urosły do nieskończoności. "
            "Zmniejsz η (np. do 0,1) albo momentum; ▶ Ucz zacznie wtedy od nowej RBM.",
            "en": "Training diverged: with η = {rate} the weights grew to infinity. Lower η "
            "(e.g. to 0.1) or the momentum; ▶ Train then starts from a new RBM.",
        },
        "fields_title_plain": {
            "pl": "Pola recepcyjne jednostek ukrytych",
            "en": "Receptive fields of the hidden units",
        },
        "fields_title": {
            "pl": "Pola recepcyjne jednostek ukrytych ({units})<br><sup>wagi: czerwone < 0 < "
            "niebieskie, skala ±{scale}</sup>",
            "en": "Receptive fields of the hidden units ({units})<br><sup>weights: red < 0 < "
            "blue, scale ±{scale}</sup>",
        },
        "recon_name": {
            "pl": "błąd rekonstrukcji",
            "en": "reconstruction error",
        },
        "recon_title": {
            "pl": "Błąd rekonstrukcji (w czasie uczenia)",
            "en": "Reconstruction error (while training)",
        },
        "recon_axis": {
            "pl": "suma kwadratów na obraz",
            "en": "sum of squares per image",
        },
        "epoch_axis": {
            "pl": "epoka",
            "en": "epoch",
        },
        "fe_title": {
            "pl": "Średnia energia swobodna: uczące a odłożone",
            "en": "Mean free energy: training vs held-out",
        },
        "fe_train": {
            "pl": "cyfry uczące",
            "en": "training digits",
        },
        "fe_test": {
            "pl": "cyfry odłożone (testowe)",
            "en": "held-out (test) digits",
        },
        "fe_axis": {
            "pl": "energia swobodna F(v)",
            "en": "free energy F(v)",
        },
        "hist_w": {
            "pl": "wagi W",
            "en": "weights W",
        },
        "hist_dw": {
            "pl": "ostatnia zmiana ΔW",
            "en": "last update ΔW",
        },
        "hist_dw_none": {
            "pl": "ostatnia zmiana ΔW<br>(jeszcze żadnej)",
            "en": "last update ΔW<br>(none yet)",
        },
        "hist_dw_ratio": {
            "pl": "ostatnia zmiana ΔW<br>|ΔW| / |W| = {ratio:.1e}",
            "en": "last update ΔW<br>|ΔW| / |W| = {ratio:.1e}",
        },
        "hist_count": {
            "pl": "liczba wag",
            "en": "weights",
        },
        "hidden_title": {
            "pl": "p(h = 1 | v) dla {n} cyfr uczących",
            "en": "p(h = 1 | v) of {n} training digits",
        },
        "hidden_x": {
            "pl": "jednostka ukryta",
            "en": "hidden unit",
        },
        "hidden_y": {
            "pl": "cyfra",
            "en": "digit",
        },
        "gibbs_heading": {
            "pl": "Próbkowanie Gibbsa: co RBM „wyobraża sobie”",
            "en": "Gibbs sampling: what the RBM “imagines”",
        },
        "gibbs_help": {
            "pl": "Łańcuch Gibbsa na przemian losuje jednostki ukryte h z p(h | v) i piksele "
            "v z p(v | h). Krok = jedna taka para; ▶ Odtwarzaj robi 12 kroków na sekundę. "
            "Start: szum albo cyfra testowa (numer albo kliknięcie w pasek cyfr). "
            "„Zablokuj” trzyma połowę cyfry bez zmian, a RBM dorysowuje resztę.",
            "en": "A Gibbs chain alternately samples the hidden units h from p(h | v) and "
            "the pixels v from p(v | h). A step is one such pair; ▶ Play makes 12 steps a "
            "second. Start: noise or a test digit (its number, or a click on the strip). "
            "“Clamp” keeps half of the digit fixed and the RBM fills in the rest.",
        },
        "start": {
            "pl": "start",
            "en": "start",
        },
        "start_noise": {
            "pl": "szum",
            "en": "noise",
        },
        "start_digit": {
            "pl": "cyfra testowa",
            "en": "test digit",
        },
        "digit": {
            "pl": "nr cyfry testowej",
            "en": "test digit no.",
        },
        "clamp": {
            "pl": "zablokuj",
            "en": "clamp",
        },
        "clamp_none": {
            "pl": "nic (swobodne próbkowanie)",
            "en": "none (free sampling)",
        },
        "clamp_top": {
            "pl": "górna połowa",
            "en": "top half",
        },
        "clamp_bottom": {
            "pl": "dolna połowa",
            "en": "bottom half",
        },
        "clamp_left": {
            "pl": "lewa połowa",
            "en": "left half",
        },
        "clamp_right": {
            "pl": "prawa połowa",
            "en": "right half",
        },
        "clamp_all": {
            "pl": "cała cyfra",
            "en": "the whole digit",
        },
        "step": {
            "pl": "Krok",
            "en": "Step",
        },
        "play": {
            "pl": "Odtwarzaj",
            "en": "Play",
        },
        "pause": {
            "pl": "Pauza",
            "en": "Pause",
        },
        "restart": {
            "pl": "Od nowa",
            "en": "Restart",
        },
        "v_title": {
            "pl": "v: p(piksel = 1)",
            "en": "v: p(pixel = 1)",
        },
        "h_title": {
            "pl": "h: jednostki ukryte",
            "en": "h: hidden units",
        },
        "gibbs_title": {
            "pl": "krok {step}: v → h → v",
            "en": "step {step}: v → h → v",
        },
        "strip_title": {
            "pl": "Cyfry testowe 0–11: kliknij, by zacząć od jednej z nich",
            "en": "Test digits 0–11: click one to start from it",
        },
        "note_untrained": {
            "pl": "RBM jest jeszcze nienauczona: łańcuch działa, ale jej wagi są losowe, więc z "
            "każdego startu szybko powstaje szum – tak wygląda model, który niczego nie "
            "umie.",
            "en": "The RBM is not trained yet: the chain runs, but its weights are random, "
            "so any start soon turns into noise – this is what a model that knows nothing "
            "does.",
        },
        "note_free": {
            "pl": "Nic nie jest zablokowane: to swobodne próbkowanie, wszystkie piksele "
            "losowane są z modelu.",
            "en": "Nothing is clamped: this is free sampling, every pixel is drawn from the model.",
        },
        "note_clamp": {
            "pl": "Zablokowana: {where} (pomarańczowa ramka) – te piksele zostają równe "
            "pikselom cyfry, reszta startuje z szumu i RBM ją dorysowuje.",
            "en": "Clamped: {where} (orange frame) – those pixels stay equal to the digit's, "
            "the rest starts from noise and the RBM fills it in.",
        },
        "note_clamp_all": {
            "pl": "Zablokowana jest cała cyfra: nie ma czego próbkować.",
            "en": "The whole digit is clamped: there is nothing left to sample.",
        },
        "check_p_shape": {
            "pl": "❌ Oczekiwano {want} prawdopodobieństw (po jednym na jednostkę ukrytą), a "
            "jest kształt {got}. Policz σ(v·W + b_hidden) dla jednej cyfry v (784 piksele).",
            "en": "❌ Expected {want} probabilities (one per hidden unit), got the shape "
            "{got}. Compute σ(v·W + b_hidden) for one digit v (784 pixels).",
        },
        "check_p_passed": {
            "pl": "✅ Dobrze: Twoje {n} prawdopodobieństw p(h = 1 | v) zgadza się z modelem "
            "(do 0,0001). Ta cyfra włącza (p > 0,5) {on} jednostek ukrytych.",
            "en": "✅ Correct: your {n} probabilities p(h = 1 | v) match the model's (to "
            "0.0001). This digit turns on (p > 0.5) {on} hidden units.",
        },
        "check_p_no_bias": {
            "pl": "❌ Prawie: brakuje wyrazu wolnego jednostek ukrytych. Dodaj "
            "model.b_hidden przed funkcją sigmoidalną.",
            "en": "❌ Almost: the hidden units' bias is missing. Add model.b_hidden before "
            "the sigmoid.",
        },
        "check_p_not_probability": {
            "pl": "❌ Wartości od {low:.3g} do {high:.3g} to nie prawdopodobieństwa: przepuść "
            "v·W + b_hidden przez sigmoidę σ(x) = 1 / (1 + e^(−x)).",
            "en": "❌ Values from {low:.3g} to {high:.3g} are not probabilities: pass "
            "v·W + b_hidden through the sigmoid σ(x) = 1 / (1 + e^(−x)).",
        },
        "check_p_failed": {
            "pl": "❌ Jeszcze nie: największa różnica od modelu to {error:.3g}. Czy używasz "
            "b_hidden (a nie b_visible) i W bez transpozycji (v ma 784 liczby, W ma kształt "
            "784 × jednostki ukryte)?",
            "en": "❌ Not yet: the largest difference from the model is {error:.3g}. Do you "
            "use b_hidden (not b_visible) and W untransposed (v has 784 numbers, W is 784 × "
            "hidden units)?",
        },
        "check_fill_shape": {
            "pl": "❌ Podaj uzupełniony obraz: 784 liczby (wynik model.gibbs z "
            "zablokowaną górną połową).",
            "en": "❌ Give the completed image: 784 numbers (the result of model.gibbs with "
            "the top half clamped).",
        },
        "check_fill_not_clamped": {
            "pl": "❌ Górna połowa obrazu różni się od cyfry: zablokuj ją, podając "
            "clamp=(maska, cyfra), gdzie maska jest prawdziwa w wierszach 0–13.",
            "en": "❌ The top half differs from the digit's: clamp it with clamp=(mask, "
            "digit), where the mask is true in rows 0–13.",
        },
        "check_fill_copied": {
            "pl": "❌ Dolna połowa jest dokładnie taka jak w oryginale: to kopia, a nie "
            "próbkowanie. Zacznij z dolną połową z szumu (albo zer) i pozwól RBM ją dorysować.",
            "en": "❌ The bottom half is exactly the original's: that is a copy, not sampling. "
            "Start the bottom half from noise (or zeros) and let the RBM draw it.",
        },
        "check_fill_untrained": {
            "pl": "❌ RBM jest nienauczona (wagi bliskie 0), więc dorysuje szum: naucz ją w "
            "panelu (▶ Ucz) i uruchom komórkę jeszcze raz.",
            "en": "❌ The RBM is untrained (weights near 0), so it draws noise: train it in "
            "the dashboard (▶ Train) and run the cell again.",
        },
        "check_fill_wrong": {
            "pl": "❌ Obraz jest dobry, ale odpowiedź {answer!r} nie jest etykietą tej cyfry. "
            "Popatrz na uzupełniony obraz (albo na kilka łańcuchów z różnym seed) i podaj "
            "liczbę całkowitą 0–9.",
            "en": "❌ The image is right, but the answer {answer!r} is not this digit's "
            "label. Look at the completed image (or at a few chains with different seeds) "
            "and give a whole number 0–9.",
        },
        "check_fill_passed": {
            "pl": "✅ Dobrze: to {label}. Górna połowa została bez zmian, a RBM dorysowała "
            "dolną z tego, czego nauczyła się o cyfrach.",
            "en": "✅ Correct: it is a {label}. The top half stayed as it was, and the RBM "
            "drew the bottom half from what it learned about digits.",
        },
        "code_data": {
            "pl": "# {images} cyfr MNIST, piksele zbinaryzowane: 1, gdy jaśniejszy niż połowa.",
            "en": "# {images} MNIST digits, binarized pixels: 1 when brighter than half.",
        },
        "code_model": {
            "pl": "# RBM: jednostki widoczne v (piksele) i ukryte h; train_step to CD-k "
            "(albo trwała CD) z momentum i zanikiem wag.",
            "en": "# An RBM: visible units v (pixels) and hidden units h; train_step is CD-k "
            "(or persistent CD) with momentum and weight decay.",
        },
        "code_bias": {
            "pl": "# przewodnik Hintona, §8",
            "en": "# Hinton's guide, §8",
        },
        "code_fields": {
            "pl": "# Pola recepcyjne: wagi każdej jednostki ukrytej jako obraz 28 × 28.",
            "en": "# Receptive fields: each hidden unit's weights as a 28 × 28 image.",
        },
    },
)
