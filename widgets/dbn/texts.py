"""Lesson 13 (deep belief network): its words, in Polish and English."""

from __future__ import annotations

from ..i18n import Strings

TEXT = Strings(
    "dbn",
    {
        "title": {
            "pl": "Głęboka sieć przekonań (DBN): RBM na RBM, warstwa po warstwie",
            "en": "A deep belief network (DBN): an RBM on an RBM, layer by layer",
        },
        "intro": {
            "pl": "<b>Głęboka sieć przekonań (DBN)</b> to RBM ułożone jedna na drugiej i "
            "uczone <b>zachłannie</b>: najpierw pierwsza RBM (784 piksele → jednostki "
            "ukryte) na obrazach cyfr, potem druga RBM na tym, co pierwsza widzi: na "
            "prawdopodobieństwach p(h|v) jej jednostek ukrytych. Żadna warstwa nie zna "
            "etykiet. Czy cechy z takich warstw przydają się klasyfikatorowi? Sprawdza to "
            "ten sam liniowy klasyfikator softmax uczony na pikselach, na cechach pierwszej "
            "RBM i na cechach DBN.",
            "en": "A <b>deep belief network (DBN)</b> is RBMs stacked one on another and "
            "trained <b>greedily</b>: first the bottom RBM (784 pixels → hidden units) on "
            "the digits' images, then a second RBM on what the first one sees: the "
            "probabilities p(h|v) of its hidden units. No layer knows the labels. Are the "
            "features of such layers useful to a classifier? The same linear softmax "
            "classifier trained on the pixels, on the first RBM's features and on the "
            "DBN's answers that.",
        },
        "controls_help": {
            "pl": "Najpierw „1. Ucz warstwę 1”, potem „2. Dołóż warstwę 2” (uczy się na "
            "cechach warstwy 1, której wagi już się nie zmieniają). Zmiana jednostek warstwy "
            "2 buduje ją od nowa, a warstwa 1 zostaje.",
            "en": "First “1. Train layer 1”, then “2. Stack layer 2” (it learns from the "
            "features of layer 1, whose weights no longer change). Changing layer 2's units "
            "builds it anew, and layer 1 stays.",
        },
        "hidden_1": {
            "pl": "jednostki ukryte warstwy 1",
            "en": "hidden units of layer 1",
        },
        "hidden_2": {
            "pl": "jednostki ukryte warstwy 2",
            "en": "hidden units of layer 2",
        },
        "epochs": {
            "pl": "epoki na warstwę",
            "en": "epochs a layer",
        },
        "learning_rate": {
            "pl": "współczynnik uczenia η",
            "en": "learning rate η",
        },
        "train_1": {
            "pl": "1. Ucz warstwę 1",
            "en": "1. Train layer 1",
        },
        "train_2": {
            "pl": "2. Dołóż warstwę 2",
            "en": "2. Stack layer 2",
        },
        "probe": {
            "pl": "3. Porównaj klasyfikatory",
            "en": "3. Compare classifiers",
        },
        "fine_tune": {
            "pl": "4. Dostrój całą sieć",
            "en": "4. Fine-tune the whole net",
        },
        "stop": {
            "pl": "Stop",
            "en": "Stop",
        },
        "reset": {
            "pl": "Od nowa",
            "en": "Start again",
        },
        "probe_help": {
            "pl": "„Porównaj” uczy od zera ten sam klasyfikator softmax (jedna warstwa Dense, "
            "{epochs} epok) na trzech wejściach: surowych pikselach, cechach warstwy 1 i "
            "cechach warstwy 2, i mierzy dokładność na {test} cyfrach testowych. „Dostrój” "
            "robi z DBN zwykłą sieć (warstwy sigmoid z wagami RBM + softmax) i uczy ją całą "
            "propagacją wsteczną z etykietami: tak używano DBN około 2006 roku.",
            "en": "“Compare” trains the same softmax classifier (one Dense layer, {epochs} "
            "epochs) from scratch on three inputs: the raw pixels, the features of layer 1 "
            "and those of layer 2, and measures the accuracy on {test} test digits. "
            "“Fine-tune” turns the DBN into an ordinary network (sigmoid layers with the "
            "RBMs' weights + softmax) and trains all of it by backpropagation with the "
            "labels: how DBNs were used around 2006.",
        },
        "units_help": {
            "pl": "Na co reagują jednostki warstwy 2? Wiersz to jedna z {units} jednostek "
            "najbardziej wybiórczych (największe odchylenie standardowe p(h) na cyfrach "
            "testowych). Pierwszy kafelek: jej wagi rzutowane na piksele, W₁·W₂ (niebieski: "
            "piksele, które ją pobudzają przez warstwę 1, pomarańczowy: hamują). To tylko "
            "szkic, bo pomija sigmoidę warstwy 1. Dalej: {top} cyfr testowych, które "
            "pobudzają ją najmocniej: to, na co naprawdę reaguje.",
            "en": "What do the units of layer 2 respond to? A row is one of the {units} most "
            "selective units (the largest standard deviation of p(h) over the test digits). "
            "The first tile: its weights projected to pixels, W₁·W₂ (blue: pixels that "
            "excite it through layer 1, orange: that inhibit it). It is only a sketch, as it "
            "skips layer 1's sigmoid. Then: the {top} test digits that excite it most: what "
            "it really responds to.",
        },
        "curves_title": {
            "pl": "Błąd rekonstrukcji na jednostkę widoczną",
            "en": "Reconstruction error per visible unit",
        },
        "epoch_axis": {
            "pl": "epoka",
            "en": "epoch",
        },
        "error_axis": {
            "pl": "błąd rekonstrukcji",
            "en": "reconstruction error",
        },
        "layer_line": {
            "pl": "warstwa {layer}: {visible} → {hidden}",
            "en": "layer {layer}: {visible} → {hidden}",
        },
        "units_title": {
            "pl": "Warstwa 2: W₁·W₂ i najmocniej pobudzające cyfry",
            "en": "Layer 2: W₁·W₂ and the digits that excite it most",
        },
        "units_empty": {
            "pl": "Warstwa 2: pojawi się po „2. Dołóż warstwę 2”",
            "en": "Layer 2: appears after “2. Stack layer 2”",
        },
        "unit_label": {
            "pl": "jednostka {unit}",
            "en": "unit {unit}",
        },
        "probe_title": {
            "pl": "Dokładność liniowego klasyfikatora na cyfrach testowych",
            "en": "Test accuracy of the linear classifier",
        },
        "accuracy_axis": {
            "pl": "dokładność",
            "en": "accuracy",
        },
        "bar_raw": {
            "pl": "piksele ({n})",
            "en": "pixels ({n})",
        },
        "bar_rbm": {
            "pl": "cechy RBM ({n})",
            "en": "RBM features ({n})",
        },
        "bar_dbn": {
            "pl": "cechy DBN ({n})",
            "en": "DBN features ({n})",
        },
        "bar_tuned": {
            "pl": "DBN dostrojona",
            "en": "DBN fine-tuned",
        },
        "ready": {
            "pl": "Gotowe: DBN 784 → {h1} → {h2} z losowymi wagami, {n} cyfr uczących "
            "(zbinaryzowanych). Naciśnij „1. Ucz warstwę 1”.",
            "en": "Ready: a DBN 784 → {h1} → {h2} with random weights, {n} training digits "
            "(binarized). Press “1. Train layer 1”.",
        },
        "layer_2_new": {
            "pl": "Nowa warstwa 2: {h1} → {h2} z losowymi wagami; warstwa 1 zostaje, jaka była.",
            "en": "A new layer 2: {h1} → {h2} with random weights; layer 1 stays as it was.",
        },
        "compiling": {
            "pl": "Przygotowuję uczenie ({name})…",
            "en": "Preparing the training ({name})…",
        },
        "training": {
            "pl": "Uczenie ({name}): epoka {epoch} z {total}",
            "en": "Training ({name}): epoch {epoch} of {total}",
        },
        "job_layer": {
            "pl": "warstwa {layer}",
            "en": "layer {layer}",
        },
        "job_raw": {
            "pl": "klasyfikator na pikselach",
            "en": "classifier on pixels",
        },
        "job_rbm": {
            "pl": "klasyfikator na cechach RBM",
            "en": "classifier on RBM features",
        },
        "job_dbn": {
            "pl": "klasyfikator na cechach DBN",
            "en": "classifier on DBN features",
        },
        "job_tuned": {
            "pl": "dostrajanie DBN",
            "en": "fine-tuning the DBN",
        },
        "layer_done": {
            "pl": "Warstwa {layer} nauczona: błąd rekonstrukcji {error:.1f} na obraz.",
            "en": "Layer {layer} trained: reconstruction error {error:.1f} an image.",
        },
        "probe_done": {
            "pl": "Dokładność: piksele {raw:.1%}, cechy RBM {rbm}, cechy DBN {dbn}.",
            "en": "Accuracy: pixels {raw:.1%}, RBM features {rbm}, DBN features {dbn}.",
        },
        "tuned_done": {
            "pl": "DBN dostrojona propagacją wsteczną: {accuracy:.1%} na cyfrach testowych.",
            "en": "The DBN fine-tuned by backpropagation: {accuracy:.1%} on the test digits.",
        },
        "not_yet": {
            "pl": "–",
            "en": "–",
        },
        "stopped": {
            "pl": "Zatrzymano.",
            "en": "Stopped.",
        },
        "layer_1_first": {
            "pl": "Najpierw naucz warstwę 1: warstwa 2 uczy się na jej cechach.",
            "en": "Train layer 1 first: layer 2 learns from its features.",
        },
        "diverged": {
            "pl": "Wagi warstwy {layer} urosły do ogromnych wartości (albo przestały być "
            "liczbami): współczynnik uczenia η = {rate} jest za duży. Zmniejsz go i naciśnij "
            "„Od nowa”.",
            "en": "The weights of layer {layer} grew huge (or stopped being numbers): the "
            "learning rate η = {rate} is too large. Lower it and press “Start again”.",
        },
        "code_data": {
            "pl": "# {images} cyfr uczących i {test} testowych, piksele zbinaryzowane.",
            "en": "# {images} training digits and {test} test ones, binarized pixels.",
        },
        "code_greedy": {
            "pl": "# Uczenie zachłanne: najpierw warstwa 1, potem warstwa 2 na jej "
            "prawdopodobieństwach ukrytych.",
            "en": "# Greedy training: layer 1 first, then layer 2 on its hidden probabilities.",
        },
        "code_probe": {
            "pl": "# Ten sam klasyfikator softmax na pikselach, na cechach RBM i na cechach DBN.",
            "en": "# The same softmax classifier on pixels, on RBM features and on DBN features.",
        },
    },
)
