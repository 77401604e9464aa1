"""Lesson 12 (autoencoders, the main dashboard): its words, in Polish and English."""

from __future__ import annotations

from ..i18n import Strings

TEXT = Strings(
    "autoencoder",
    {
        "title": {
            "pl": "Autoenkoder: przestrzeń kodów, po której można chodzić",
            "en": "Autoencoder: a code space you can walk through",
        },
        "intro": {
            "pl": "<b>Autoenkoder</b> to sieć jednokierunkowa uczona odtwarzania swojego "
            "wejścia. <b>Koder</b> ściska obraz cyfry (784 piksele) do <b>kodu</b> z dwóch "
            "liczb (z₁, z₂), a <b>dekoder</b> odtwarza z tego kodu obraz: "
            "784 → 256 → 64 → <b>2</b> → 64 → 256 → 784. Strata to <b>błąd "
            "rekonstrukcji</b>, więc etykiety nie są potrzebne (uczenie nienadzorowane). "
            "Dwuwymiarowy kod można narysować: każda kropka to cyfra testowa w "
            "<b>przestrzeni kodów</b>, kolor to jej etykieta, której sieć nigdy nie widziała.",
            "en": "An <b>autoencoder</b> is a feed-forward network trained to reproduce its "
            "input. The <b>encoder</b> squeezes a digit's image (784 pixels) into a "
            "<b>code</b> of two numbers (z₁, z₂), and the <b>decoder</b> rebuilds the image "
            "from that code: 784 → 256 → 64 → <b>2</b> → 64 → 256 → 784. The loss is the "
            "<b>reconstruction error</b>, so no labels are needed (unsupervised learning). "
            "A 2-D code can be drawn: each dot is a test digit in the <b>code space</b>, "
            "coloured by its label, which the network never saw.",
        },
        "controls_help": {
            "pl": "Wybierz sieć i naciśnij ▶ Ucz: kropki ruszają się w czasie uczenia. "
            "Zmiana sieci, η, liczby obrazów lub przełącznika VAE zaczyna od nowa; ▶ Ucz "
            "po zakończeniu uczy dalej.",
            "en": "Choose the network and press ▶ Train: the dots move while it trains. "
            "Changing the network, η, the number of images or the VAE switch starts again; "
            "▶ Train after the end trains on.",
        },
        "kind": {
            "pl": "rodzaj sieci",
            "en": "network",
        },
        "kind_dense": {
            "pl": "gęsta (Dense)",
            "en": "dense",
        },
        "kind_conv": {
            "pl": "konwolucyjna",
            "en": "convolutional",
        },
        "hidden": {
            "pl": "warstwy ukryte kodera",
            "en": "encoder's hidden layers",
        },
        "variational": {
            "pl": "autoenkoder wariacyjny (VAE)",
            "en": "variational autoencoder (VAE)",
        },
        "learning_rate": {
            "pl": "współczynnik uczenia η",
            "en": "learning rate η",
        },
        "epochs": {
            "pl": "epoki na jedno ▶",
            "en": "epochs per ▶",
        },
        "images": {
            "pl": "obrazy uczące",
            "en": "training images",
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
            "pl": "Sieć nieuczona ({params} wag): kody to na razie przypadkowy rzut "
            "obrazów, a dekoder daje szarą plamę. Naciśnij ▶ Ucz.",
            "en": "Untrained network ({params} weights): the codes are a random projection "
            "of the images for now, and the decoder gives a grey blur. Press ▶ Train.",
        },
        "starts_over": {
            "pl": "Nowa sieć ({params} wag, η = {rate}, {images} {images:@obraz uczący|obrazy "
            "uczące|obrazów uczących}): uczenie zaczyna się od nowa. Naciśnij ▶ Ucz.",
            "en": "A new network ({params} weights, η = {rate}, {images} training "
            "{images:@image|images}): training starts over. Press ▶ Train.",
        },
        "compiling": {
            "pl": "Przygotowanie uczenia (kilka sekund)…",
            "en": "Preparing the training (a few seconds)…",
        },
        "training": {
            "pl": "Epoka {epoch} z {epochs}, paczka {batch} z {batches}",
            "en": "Epoch {epoch} of {epochs}, batch {batch} of {batches}",
        },
        "trained": {
            "pl": "Po {epochs} {epochs:@epoce|epokach|epokach}: błąd rekonstrukcji (MSE) "
            "cyfr testowych {mse:.4f}; {seconds:.1f} s na epokę.",
            "en": "After {epochs} {epochs:@epoch|epochs}: test digits' reconstruction error "
            "(MSE) {mse:.4f}; {seconds:.1f} s an epoch.",
        },
        "stopped": {
            "pl": "Zatrzymano po {epochs} {epochs:@epoce|epokach|epokach}: błąd "
            "rekonstrukcji (MSE) cyfr testowych {mse:.4f}.",
            "en": "Stopped after {epochs} {epochs:@epoch|epochs}: test digits' "
            "reconstruction error (MSE) {mse:.4f}.",
        },
        "loss_title": {
            "pl": "Strata w kolejnych epokach",
            "en": "Loss over the epochs",
        },
        "epoch_axis": {
            "pl": "epoka",
            "en": "epoch",
        },
        "loss_axis": {
            "pl": "strata",
            "en": "loss",
        },
        "loss_train": {
            "pl": "strata (uczące)",
            "en": "loss (training)",
        },
        "loss_val": {
            "pl": "strata (testowe)",
            "en": "loss (test)",
        },
        "loss_rec": {
            "pl": "rekonstrukcja (testowe)",
            "en": "reconstruction (test)",
        },
        "loss_kl": {
            "pl": "KL (testowe)",
            "en": "KL (test)",
        },
        "codes_title": {
            "pl": "Przestrzeń kodów: kody cyfr testowych",
            "en": "The code space: the test digits' codes",
        },
        "legend_title": {
            "pl": "cyfra",
            "en": "digit",
        },
        "chosen_marker": {
            "pl": "wybrana cyfra",
            "en": "chosen digit",
        },
        "drawn_marker": {
            "pl": "twój rysunek",
            "en": "your drawing",
        },
        "walk_title": {
            "pl": "Dekoder w punkcie (z₁, z₂)",
            "en": "The decoder at (z₁, z₂)",
        },
        "walk_help": {
            "pl": "Najedź myszą na przestrzeń kodów (także między kropkami) albo przesuń "
            "suwaki z₁, z₂ (klawiszami strzałek też): dekoder rysuje cyfrę z tego kodu.",
            "en": "Hover over the code space (between the dots too) or move the sliders z₁, "
            "z₂ (with the arrow keys too): the decoder draws the digit for that code.",
        },
        "grid_title": {
            "pl": "Dekoder na siatce 15×15 punktów przestrzeni kodów",
            "en": "The decoder on a 15×15 grid of the code space",
        },
        "inspect_title": {
            "pl": "Wejście i rekonstrukcja",
            "en": "Input and reconstruction",
        },
        "panel_input": {
            "pl": "wejście",
            "en": "input",
        },
        "panel_output": {
            "pl": "rekonstrukcja",
            "en": "reconstruction",
        },
        "inspect_help": {
            "pl": "Kliknij kropkę w przestrzeni kodów albo wybierz numer cyfry testowej; "
            "„narysuj” pozwala narysować własną cyfrę (albo coś, co cyfrą nie jest).",
            "en": "Click a dot in the code space or choose a test digit's number; “draw” "
            "lets you draw your own digit (or something that is not a digit).",
        },
        "inspect_digit": {
            "pl": "Cyfra testowa nr {index} (etykieta {label}): kod ({z1:.2f}; {z2:.2f}), "
            "błąd rekonstrukcji (MSE) {mse:.4f}.",
            "en": "Test digit no. {index} (label {label}): code ({z1:.2f}, {z2:.2f}), "
            "reconstruction error (MSE) {mse:.4f}.",
        },
        "inspect_drawn": {
            "pl": "Twój rysunek: kod ({z1:.2f}; {z2:.2f}), błąd rekonstrukcji (MSE) {mse:.4f}.",
            "en": "Your drawing: code ({z1:.2f}, {z2:.2f}), reconstruction error (MSE) {mse:.4f}.",
        },
        "anomaly": {
            "pl": "Błąd wyższy niż u {share:.0%} cyfr testowych.",
            "en": "A higher error than {share:.0%} of the test digits.",
        },
        "anomaly_high": {
            "pl": " To nietypowy obraz: autoenkoder nie umie go dobrze odtworzyć, więc "
            "błąd rekonstrukcji działa jak <b>miara nietypowości</b> (wykrywanie anomalii).",
            "en": " An unusual image: the autoencoder cannot rebuild it well, so the "
            "reconstruction error works as an <b>anomaly score</b>.",
        },
        "not_ready": {
            "pl": "Sieć jeszcze się buduje.",
            "en": "The network is still being built.",
        },
        "vae_note": {
            "pl": "<b>VAE</b>: koder podaje średnią i wariancję, a dekoder dostaje punkt "
            "wylosowany z tego rozkładu. Do straty dochodzi składnik <b>KL</b>, który "
            "ściąga kody ku rozkładowi N(0, 1): chmura kodów jest zwarta wokół zera, bez "
            "pustych dziur, więc prawie każdy punkt siatki dekoduje się w coś podobnego "
            "do cyfry. Zwykły autoenkoder rozrzuca kody dowolnie i między skupiskami "
            "dekoduje rozmyte plamy.",
            "en": "<b>VAE</b>: the encoder gives a mean and a variance, and the decoder gets "
            "a point drawn from that distribution. The loss gains a <b>KL</b> term that "
            "pulls the codes towards N(0, 1): the cloud of codes is compact around zero, "
            "with no empty holes, so almost every point of the grid decodes to something "
            "digit-like. A plain autoencoder spreads its codes anyhow, and between the "
            "clusters it decodes blurry blobs.",
        },
        "plain_note": {
            "pl": "Zwykły autoenkoder: kody mogą leżeć gdziekolwiek, a między skupiskami "
            "cyfr są puste obszary, z których dekoder robi rozmyte plamy. Włącz VAE, "
            "by porównać.",
            "en": "Plain autoencoder: the codes may lie anywhere, and between the clusters "
            "of digits there are empty regions the decoder turns into blurry blobs. "
            "Switch VAE on to compare.",
        },
        "busy": {
            "pl": "Trwa uczenie: naciśnij Stop, zanim zmienisz sieć lub narysujesz cyfrę.",
            "en": "Training is running: press Stop before changing the network or drawing.",
        },
        "diverged": {
            "pl": "Strata przestała być liczbą (NaN) przy η = {rate}: uczenie się "
            "rozbiegło i zatrzymano je. Zmniejsz współczynnik uczenia (np. do 0,001); "
            "następne ▶ Ucz zacznie od nowej sieci.",
            "en": "The loss stopped being a number (NaN) at η = {rate}: the training "
            "diverged and was stopped. Lower the learning rate (e.g. to 0.001); the next "
            "▶ Train starts from a new network.",
        },
        "code_too_big": {
            "pl": "Rozmiar kodu musi być liczbą całkowitą od 1 do {limit} (tyle pikseli ma "
            "obraz), a jest {code_size}: kod dłuższy niż wejście niczego nie ściska.",
            "en": "The code size must be a whole number from 1 to {limit} (the number of "
            "pixels in an image), not {code_size}: a code longer than the input squeezes "
            "nothing.",
        },
        "bad_hidden": {
            "pl": "Warstwy ukryte {value!r}: wybierz jedno z: {names}.",
            "en": "Hidden layers {value!r}: pick one of: {names}.",
        },
        # Exercises ----------------------------------------------------------------------
        "check_ae_passed": {
            "pl": "✔ Dobrze: {layers}, {params} wag; kod ma {code} liczby.",
            "en": "✔ Right: {layers}, {params} weights; the code has {code} numbers.",
        },
        "check_ae_failed": {
            "pl": "✘ Jeszcze nie: {problem}",
            "en": "✘ Not yet: {problem}",
        },
        "ae_not_model": {
            "pl": "to nie jest model Keras (dostałem {got}).",
            "en": "this is not a Keras model (got {got}).",
        },
        "ae_shapes": {
            "pl": "oczekiwane rozmiary wyjść warstw Dense {want}, a są {got}.",
            "en": "expected the Dense layers' output sizes {want}, got {got}.",
        },
        "ae_output": {
            "pl": "wyjście powinno mieć aktywację sigmoid (piksele w [0, 1]), a ma {got}.",
            "en": "the output should have a sigmoid activation (pixels in [0, 1]), it has {got}.",
        },
        "check_seven_passed": {
            "pl": "✔ Dobrze: punkt ({z1:.2f}; {z2:.2f}) dekoduje się w siódemkę "
            "(najbliższa średnia cyfr testowych: {digit}).",
            "en": "✔ Right: the point ({z1:.2f}, {z2:.2f}) decodes to a seven (nearest "
            "mean of the test digits: {digit}).",
        },
        "check_seven_failed": {
            "pl": "✘ Punkt ({z1:.2f}; {z2:.2f}) dekoduje się w coś najbliższego cyfrze "
            "{digit}, nie 7. Spójrz, gdzie w przestrzeni kodów leżą czerwone kropki 7.",
            "en": "✘ The point ({z1:.2f}, {z2:.2f}) decodes to something nearest to a {digit}, "
            "not a 7. Look where the dots of the 7s lie in the code space.",
        },
        "check_seven_bad": {
            "pl": "✘ Podaj punkt jako dwie liczby (z1, z2), a nie {got!r}.",
            "en": "✘ Give the point as two numbers (z1, z2), not {got!r}.",
        },
        "check_seven_untrained": {
            "pl": "✘ Najpierw naucz autoenkoder w panelu (▶ Ucz).",
            "en": "✘ Train the autoencoder in the dashboard first (▶ Train).",
        },
        "code_data": {
            "pl": "# {images} obrazów uczących MNIST i 2000 testowych, spłaszczone do 784 "
            "pikseli od 0 do 1.",
            "en": "# {images} MNIST training images and 2000 test ones, flattened to 784 "
            "pixels from 0 to 1.",
        },
        "code_decoder": {
            "pl": "# Dekoder: kod ({code} {code:@liczba|liczby|liczb}) → obraz.",
            "en": "# The decoder: a code ({code} {code:@number|numbers}) → an image.",
        },
        "code_encoder": {
            "pl": "# Koder: obraz → kod; autoenkoder to koder i dekoder jeden za drugim.",
            "en": "# The encoder: an image → a code; the autoencoder is the encoder followed "
            "by the decoder.",
        },
        "code_show": {
            "pl": "# Cyfry testowe (u góry) i ich rekonstrukcje (na dole).",
            "en": "# Test digits (top) and their reconstructions (bottom).",
        },
    },
)
