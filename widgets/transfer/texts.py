"""Lesson 16 (the transfer-learning panel): its words, in Polish and English."""

from __future__ import annotations

from ..i18n import Strings

TEXT = Strings(
    "transfer",
    {
        "title": {
            "pl": "Uczenie transferowe: cechy z MNIST dla nowego zbioru",
            "en": "Transfer learning: MNIST's features for a new data set",
        },
        "intro": {
            "pl": "Mała sieć konwolucyjna uczy się najpierw na MNIST (<b>model źródłowy</b>). "
            "Jej warstwy konwolucyjne to gotowe <b>cechy</b>: dokładamy nową warstwę wyjściową i "
            "uczymy ją na nowym, małym zbiorze – tylko kilka oznaczonych przykładów na klasę. "
            "Trzy przebiegi na tych samych danych: <b>zamrożone wagi</b> (uczy się tylko nowa "
            "warstwa), <b>dostrajanie</b> (uczy się wszystko, z małym współczynnikiem "
            "uczenia) i ta sama sieć <b>od zera</b>. Krzywe pokazują dokładność na "
            "odłożonym zbiorze testowym po każdej epoce.",
            "en": "A small convolutional network first learns MNIST (the <b>source model</b>). "
            "Its convolution layers are ready-made <b>features</b>: we add a new output layer "
            "and train it on a new, small data set – only a few labelled examples per class. "
            "Three runs on the same data: <b>frozen weights</b> (only the new layer learns), "
            "<b>fine-tuning</b> (everything learns, with a low learning rate) and the same "
            "network <b>from scratch</b>. The curves show the accuracy on a held-out test set "
            "after every epoch.",
        },
        "help": {
            "pl": "▶ Ucz uczy zaznaczone przebiegi jeden po drugim, w tle; Stop przerywa. "
            "Za pierwszym razem uczy się też model źródłowy (kilka sekund; potem jest w "
            "pamięci podręcznej). Mniej przykładów na klasę = większa przewaga cech z MNIST.",
            "en": "▶ Train trains the ticked runs one after another, in the background; Stop "
            "interrupts. The first time, the source model learns too (a few seconds; then it "
            "is cached). Fewer examples per class = a larger lead for MNIST's features.",
        },
        "example": {"pl": "przykład", "en": "example"},
        "ex_digits": {
            "pl": "MNIST → cyfry 8×8 (scikit-learn)",
            "en": "MNIST → 8×8 digits (scikit-learn)",
        },
        "ex_split": {"pl": "MNIST 0–4 → 5–9", "en": "MNIST 0–4 → 5–9"},
        "labels": {"pl": "przykłady na klasę", "en": "examples per class"},
        "epochs": {"pl": "epoki", "en": "epochs"},
        "frozen": {"pl": "zamrożone wagi", "en": "frozen weights"},
        "fine_tuned": {"pl": "dostrajanie", "en": "fine-tuning"},
        "scratch": {"pl": "od zera", "en": "from scratch"},
        "runs": {"pl": "przebiegi:", "en": "runs:"},
        "train": {"pl": "Ucz", "en": "Train"},
        "stop": {"pl": "Stop", "en": "Stop"},
        "note_digits": {
            "pl": "Cel: {n_train} {n_train:@obraz|obrazy|obrazów} do nauki ({labels} na "
            "klasę) z 1797 cyfr 8×8 ze scikit-learn, powiększonych do 28×28; test: "
            "{n_test} innych.",
            "en": "Target: {n_train} training {n_train:@image|images} ({labels} per class) "
            "from scikit-learn's 1,797 8×8 digits, enlarged to 28×28; test: {n_test} others.",
        },
        "note_split": {
            "pl": "Źródło uczy się tylko cyfr 0–4; cel to cyfry 5–9: {n_train} "
            "{n_train:@obraz|obrazy|obrazów} do nauki ({labels} na klasę), test: {n_test}. "
            "Tu zamrożone cechy cyfr 0–4 przegrywają z siecią od zera; dostrajanie zyskuje "
            "kilka punktów (zmierzone: 0,80 wobec 0,75 przy 5 na klasę, 0,94 wobec 0,89 przy "
            "20), a przy 1 na klasę nie zyskuje nic.",
            "en": "The source learns only the digits 0–4; the target is 5–9: {n_train} "
            "training {n_train:@image|images} ({labels} per class), test: {n_test}. Here the "
            "frozen features of 0–4 lose to the network from scratch; fine-tuning gains a few "
            "points (measured: 0.80 against 0.75 at 5 per class, 0.94 against 0.89 at 20) and "
            "nothing at 1 per class.",
        },
        "loading_data": {
            "pl": "Ładowanie danych…",
            "en": "Loading the data…",
        },
        "starting": {
            "pl": "Uczenie startuje…",
            "en": "Training starts…",
        },
        "ready": {
            "pl": "Gotowe: naciśnij ▶ Ucz.",
            "en": "Ready: press ▶ Train.",
        },
        "source_cached": {
            "pl": "Model źródłowy (MNIST, {images} obrazów, {epochs} {epochs:@epoka|epoki|epok}) "
            "wczytany z pamięci podręcznej: {path}",
            "en": "Source model (MNIST, {images} images, {epochs} {epochs:@epoch|epochs}) "
            "loaded from the cache: {path}",
        },
        "source_missing": {
            "pl": "Model źródłowy nauczy się na MNIST przy pierwszym ▶ Ucz ({images} obrazów, "
            "{epochs} {epochs:@epoka|epoki|epok}) i zostanie zapisany w {folder}.",
            "en": "The source model learns MNIST at the first ▶ Train ({images} images, "
            "{epochs} {epochs:@epoch|epochs}) and is saved in {folder}.",
        },
        "source_trained": {
            "pl": "Model źródłowy nauczony w {seconds:.1f} s ({images} obrazów MNIST, "
            "dokładność {accuracy:.1%}); zapisany: {path}",
            "en": "Source model trained in {seconds:.1f} s ({images} MNIST images, accuracy "
            "{accuracy:.1%}); saved: {path}",
        },
        "source_unsaved": {
            "pl": "Model źródłowy nauczony w {seconds:.1f} s ({images} obrazów MNIST, "
            "dokładność {accuracy:.1%}); nie dało się go zapisać w {folder}.",
            "en": "Source model trained in {seconds:.1f} s ({images} MNIST images, accuracy "
            "{accuracy:.1%}); it could not be saved in {folder}.",
        },
        "source_training": {
            "pl": "Model źródłowy uczy się na MNIST: epoka {epoch} z {epochs}, paczka {batch} "
            "z {batches}…",
            "en": "The source model learns MNIST: epoch {epoch} of {epochs}, batch {batch} of "
            "{batches}…",
        },
        "training": {
            "pl": "Przebieg „{run}”: epoka {epoch} z {epochs}…",
            "en": "Run “{run}”: epoch {epoch} of {epochs}…",
        },
        "trained": {
            "pl": "Gotowe. Dokładność na zbiorze testowym: {results}.",
            "en": "Done. Test accuracy: {results}.",
        },
        "stopped": {
            "pl": "Zatrzymano. ▶ Ucz zaczyna przebiegi od nowa.",
            "en": "Stopped. ▶ Train starts the runs again.",
        },
        "curves_title": {
            "pl": "Dokładność na zbiorze testowym po każdej epoce",
            "en": "Test accuracy after each epoch",
        },
        "epoch_axis": {"pl": "epoka", "en": "epoch"},
        "accuracy_axis": {"pl": "dokładność", "en": "accuracy"},
        "bars_title": {"pl": "Dokładność na końcu", "en": "Final accuracy"},
        "source_as_is": {
            "pl": "model źródłowy bez nowych etykiet",
            "en": "source model, no new labels",
        },
        "table_title": {
            "pl": "Które wagi się uczą (model.summary())",
            "en": "Which weights learn (model.summary())",
        },
        "layer": {"pl": "warstwa", "en": "layer"},
        "kind": {"pl": "typ", "en": "type"},
        "params": {"pl": "parametry", "en": "parameters"},
        "learns": {"pl": "uczy się", "en": "learns"},
        "frozen_cell": {"pl": "zamrożona", "en": "frozen"},
        "bn_cell": {
            "pl": "{trainable} uczy się, {fixed} stałe",
            "en": "{trainable} learn, {fixed} fixed",
        },
        "trainable_row": {"pl": "parametry uczone", "en": "trainable parameters"},
        "non_trainable_row": {"pl": "parametry nieuczone", "en": "non-trainable parameters"},
        "table_note": {
            "pl": "<code>base.trainable = False</code> zamraża wszystkie warstwy bazy naraz; "
            "po zmianie trzeba wywołać <code>compile</code>, bo skompilowany krok treningu "
            "pamięta listę wag do zmiany. Średnia i wariancja kroczące BatchNormalization "
            "nigdy nie są uczone spadkiem gradientu (są nieuczone nawet od zera). Przy "
            "dostrajaniu BatchNormalization zostaje zamrożona: w Kerasie 3 zamrożona "
            "warstwa BN działa w trybie wnioskowania i zachowuje statystyki z MNIST "
            "(<code>training=False</code> przy budowie modelu tu nie wystarcza: "
            "<code>fit</code> wywołuje model z <code>training=True</code>).",
            "en": "<code>base.trainable = False</code> freezes every layer of the base at "
            "once; after the change, call <code>compile</code>, because the compiled training "
            "step keeps the list of weights to update. BatchNormalization's moving mean and "
            "variance are never learnt by gradient descent (they are non-trainable even from "
            "scratch). When fine-tuning, BatchNormalization stays frozen: in Keras 3 a frozen "
            "BN layer runs in inference mode and keeps MNIST's statistics "
            "(<code>training=False</code> when building the model is not enough here: "
            "<code>fit</code> calls the model with <code>training=True</code>).",
        },
        "not_trained": {"pl": "–", "en": "–"},
        "busy": {
            "pl": "Trwa uczenie: zatrzymaj je przyciskiem Stop, zanim coś zmienisz.",
            "en": "Training is running: press Stop before changing anything.",
        },
        "not_ready": {
            "pl": "Model jeszcze się ładuje: poczekaj chwilę.",
            "en": "The model is still loading: wait a moment.",
        },
        "code_imports": {
            "pl": "# Uczenie transferowe: {target}",
            "en": "# Transfer learning: {target}",
        },
        "code_freeze": {
            "pl": "  # False: wszystkie warstwy bazy",
            "en": "  # False: every layer of the base",
        },
        "code_source": {
            "pl": "# 1. Model źródłowy: mała sieć konwolucyjna uczy się na MNIST",
            "en": "# 1. The source model: a small convolutional network learns MNIST",
        },
        "code_split_source": {
            "pl": "# tylko cyfry 0–4",
            "en": "# only the digits 0–4",
        },
        "code_target": {
            "pl": "# 2. Nowy zbiór: {labels} przykładów na klasę do nauki, stały zbiór testowy "
            "(pomocnik kursu, numpy)",
            "en": "# 2. The new data set: {labels} examples per class to learn from, a fixed "
            "test set (the course's helper, numpy)",
        },
        "code_transfer": {
            "pl": "# 3. Kopia bazy + nowa warstwa wyjściowa; zamrożenie PRZED compile",
            "en": "# 3. A copy of the base + a new output layer; freeze BEFORE compile",
        },
        "code_bn": {
            "pl": "        # zamrożona BatchNormalization działa w trybie wnioskowania (Keras 3)",
            "en": "        # a frozen BatchNormalization runs in inference mode (Keras 3)",
        },
        "code_plot": {
            "pl": "# 4. Krzywe dokładności na zbiorze testowym",
            "en": "# 4. The test accuracy curves",
        },
        "check_count_none": {
            "pl": "Wpisz liczbę: ile parametrów uczonych pokaże model.summary()?",
            "en": "Enter a number: how many trainable parameters will model.summary() show?",
        },
        "check_count_wrong": {
            "pl": "Nie: {got} to nie to. Zamrożona baza nie uczy się wcale; policz tylko "
            "wagi i wyrazy wolne nowej warstwy Dense.",
            "en": "No: {got} is not it. The frozen base does not learn at all; count only the "
            "weights and biases of the new Dense layer.",
        },
        "check_count_passed": {
            "pl": "Dobrze: {answer} = {features} × {classes} wag + {classes} wyrazów wolnych; "
            "wszystkie {base} parametrów bazy są nieuczone.",
            "en": "Right: {answer} = {features} × {classes} weights + {classes} biases; all "
            "{base} parameters of the base are non-trainable.",
        },
        "check_frozen_not_model": {
            "pl": "To nie jest model Keras z warstwą „base”: podaj model z tej komórki.",
            "en": "This is not a Keras model with a layer called “base”: give the model of "
            "this cell.",
        },
        "check_frozen_trainable": {
            "pl": "Baza wciąż się uczy: {count} parametrów uczonych zamiast {head}. Ustaw "
            "base.trainable = False.",
            "en": "The base still learns: {count} trainable parameters instead of {head}. Set "
            "base.trainable = False.",
        },
        "check_frozen_not_compiled": {
            "pl": "model.summary() mówi już „zamrożona”, ale krok treningu, skompilowany "
            "wcześniej, nadal zmienił wagi bazy. Wywołaj model.compile(...) po zamrożeniu.",
            "en": "model.summary() already says frozen, but the training step compiled before "
            "still changed the base's weights. Call model.compile(...) after freezing.",
        },
        "check_frozen_head": {
            "pl": "Baza stoi, ale nowa warstwa też się nie uczy: zamroź tylko bazę.",
            "en": "The base stays put, but the new layer does not learn either: freeze only "
            "the base.",
        },
        "check_frozen_passed": {
            "pl": "Dobrze: krok treningu zmienił tylko nową warstwę ({head} parametrów); "
            "{base} parametrów bazy zostało bez zmian.",
            "en": "Right: a training step changed only the new layer ({head} parameters); the "
            "base's {base} parameters stayed as they were.",
        },
        "code_epoch": {"pl": "epoka", "en": "epoch"},
        "code_accuracy": {"pl": "dokładność (test)", "en": "accuracy (test)"},
    },
)
