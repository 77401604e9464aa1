"""Lesson 09's words, in Polish and English (one table; see :mod:`widgets.i18n`)."""

from __future__ import annotations

from ..i18n import Strings, number

TEXT = Strings(
    "keras_workflow",
    {
        "title": {
            "pl": "Keras krok po kroku: MNIST (definicja → kompilacja → uczenie → ocena → "
            "predykcja)",
            "en": "The Keras workflow: MNIST (define → compile → fit → evaluate → predict)",
        },
        "intro": {
            "pl": "Model z wykładu: Dense(256, relu) → Dropout(0.4) → Dense(128, relu) → "
            "Dense(10, softmax), RMSprop, kategoryczna entropia krzyżowa, 30 epok, paczka "
            "128, walidacja 0,2. Zmieniaj go i ucz tutaj; każdy krok to jedno wywołanie "
            "w Kerasie. Dropout (losowe wyłączanie neuronów) wyłącza przy każdej paczce "
            "inne, losowe 40% neuronów warstwy, co utrudnia przetrenowanie.",
            "en": "The lecture's model: Dense(256, relu) → Dropout(0.4) → Dense(128, relu) → "
            "Dense(10, softmax), RMSprop, categorical cross-entropy, 30 epochs, batch 128, "
            "validation 0.2. Change it and train it here; each step is one Keras call. "
            "Dropout switches off a different random 40% of the layer's neurons for every "
            "batch, which makes overfitting harder.",
        },
        "data_loading": {
            "pl": "Dane: wczytywanie MNIST…",
            "en": "Data: loading MNIST…",
        },
        "data": {
            "pl": "Dane: <b>{kind}</b>: {train} {train:@obraz uczący|obrazy uczące|obrazów "
            "uczących} (z nich {val_share:.0%} na walidację) i {test:,} "
            "{test:@testowy|testowe|testowych}, każdy 28×28 = 784 piksele. "
            "<small class='dl-muted-colour'>({source})</small>",
            "en": "Data: <b>{kind}</b>: {train:,} training {train:@image|images} ({val_share:.0%} "
            "of them for validation) and {test:,} test {test:@image|images}, each 28×28 = "
            "784 pixels. "
            "<small class='dl-muted-colour'>({source})</small>",
        },
        "data_missing": {
            "pl": "Dane: <b>brak MNIST</b> (co zrobić, mówi komunikat poniżej).",
            "en": "Data: <b>no MNIST</b> (the message below says what to do).",
        },
        "data_full": {
            "pl": "pełny MNIST",
            "en": "full MNIST",
        },
        "data_offline": {
            "pl": "lokalna kopia MNIST (tylko 10 000 obrazów testowych MNIST, podzielonych "
            "8 000 / 2 000; pełny MNIST ma 60 000 + 10 000)",
            "en": "the local MNIST copy (only MNIST's 10,000 test images, split "
            "8,000 / 2,000; full MNIST has 60,000 + 10,000)",
        },
        # 1. Define
        "define": {
            "pl": "1. Definicja modelu",
            "en": "1. Define the model",
        },
        "define_help": {
            "pl": "Wybierz warstwę na liście i zmień jej ustawienia; przyciski dodają, usuwają "
            "i przesuwają warstwy. Tabela to <code>model.summary()</code>: kształt wyjścia "
            "i liczba wag każdej warstwy. Nowa architektura = nowe, nienauczone wagi. Wejście: "
            "obraz spłaszczony do wektora 784 liczb (<code>array_reshape</code> z wykładu) "
            "albo obraz 28×28, który trzeba spłaszczyć warstwą Flatten.",
            "en": "Pick a layer in the list and change its settings; the buttons add, remove "
            "and move layers. The table is <code>model.summary()</code>: each layer's output "
            "shape and number of weights. A new architecture = new, untrained weights. Input: "
            "the image flattened into 784 numbers (the lecture's <code>array_reshape</code>) "
            "or the 28×28 image, which a Flatten layer must flatten.",
        },
        "layers": {
            "pl": "warstwy",
            "en": "layers",
        },
        "kind": {
            "pl": "rodzaj",
            "en": "kind",
        },
        "units": {
            "pl": "neurony",
            "en": "units",
        },
        "activation": {
            "pl": "aktywacja",
            "en": "activation",
        },
        "rate": {
            "pl": "odsetek wyłączanych",
            "en": "dropout rate",
        },
        "add": {
            "pl": "Dodaj",
            "en": "Add",
        },
        "remove": {
            "pl": "Usuń",
            "en": "Remove",
        },
        "up": {
            "pl": "W górę",
            "en": "Up",
        },
        "down": {
            "pl": "W dół",
            "en": "Down",
        },
        "reset": {
            "pl": "Model z wykładu",
            "en": "Lecture's model",
        },
        "input": {
            "pl": "wejście",
            "en": "input",
        },
        "input_flat": {
            "pl": "wektor 784",
            "en": "vector of 784",
        },
        "input_image": {
            "pl": "obraz 28×28",
            "en": "image 28×28",
        },
        "col_layer": {
            "pl": "warstwa",
            "en": "layer",
        },
        "col_type": {
            "pl": "typ",
            "en": "type",
        },
        "col_shape": {
            "pl": "kształt wyjścia",
            "en": "output shape",
        },
        "col_params": {
            "pl": "parametry",
            "en": "parameters",
        },
        "col_trainable": {
            "pl": "uczona?",
            "en": "trainable?",
        },
        "total_params": {
            "pl": "Liczba parametrów: {n}",
            "en": "Total parameters: {n}",
        },
        "yes": {
            "pl": "tak",
            "en": "yes",
        },
        "no_frozen": {
            "pl": "zamrożona",
            "en": "frozen",
        },
        # Spec errors (keys of widgets.models.mlp.SpecError)
        "err_units": {
            "pl": "Warstwa {n}: Dense potrzebuje od 1 do {high} neuronów, a nie {value}. "
            "Zachowano poprzedni model.",
            "en": "Layer {n}: Dense needs 1 to {high} units, not {value}. The previous model "
            "is kept.",
        },
        "err_rate": {
            "pl": "Warstwa {n}: odsetek Dropout musi być nie mniejszy niż 0 i mniejszy niż 1, "
            "a podano {value}: przy 1 warstwa wyłączyłaby wszystkie neurony. Zachowano "
            "poprzedni model.",
            "en": "Layer {n}: a dropout rate must be in [0, 1), not {value}: at 1 the layer "
            "would switch every neuron off. The previous model is kept.",
        },
        "err_empty": {
            "pl": "Model nie ma żadnej warstwy Dense, więc nie ma czego uczyć. Dodaj warstwę "
            "albo wróć do modelu z wykładu. Zachowano poprzedni model.",
            "en": "The model has no Dense layer, so there is nothing to learn. Add one or go "
            "back to the lecture's model. The previous model is kept.",
        },
        "err_softmax": {
            "pl": "Ostatnia warstwa musi mieć aktywację softmax: wyjście to wektor "
            "prawdopodobieństw 10 klas. Zachowano poprzedni model.",
            "en": "The last layer must use softmax: the output is a vector of probabilities "
            "of the 10 classes. The previous model is kept.",
        },
        "err_output": {
            "pl": "Wyjście ma kształt {shape}, a MNIST potrzebuje (10,): ostatnia Dense musi "
            "mieć 10 neuronów, a obraz 28×28 trzeba najpierw spłaszczyć (Flatten). "
            "Zachowano poprzedni model.",
            "en": "The output has shape {shape}, MNIST needs (10,): the last Dense needs 10 "
            "units, and a 28×28 image must be flattened first (Flatten). The previous model "
            "is kept.",
        },
        "err_too_big": {
            "pl": "Model ma za dużo parametrów dla tego serwera (liczba parametrów: "
            "{params}, limit: 5 000 000). Zmniejsz warstwy. Zachowano poprzedni model.",
            "en": "{params} parameters is too many for this server (limit 5,000,000). Use "
            "smaller layers. The previous model is kept.",
        },
        "err_activation": {
            "pl": "Warstwa {n}: nieznana aktywacja {value}.",
            "en": "Layer {n}: unknown activation {value}.",
        },
        "err_kind": {
            "pl": "Warstwa {n}: nieznany rodzaj.",
            "en": "Layer {n}: unknown kind.",
        },
        "err_batch": {
            "pl": "Rozmiar paczki ({value}) jest większy niż liczba obrazów uczących po "
            "odjęciu walidacji ({n}). Wybierz najwyżej {n}.",
            "en": "Batch size {value} is larger than the {n} training images (after the "
            "validation part). Choose at most {n}.",
        },
        "err_batch_text": {
            "pl": "Rozmiar paczki musi być liczbą całkowitą, a podano {value!r}.",
            "en": "The batch size must be a whole number, not {value!r}.",
        },
        "err_epochs": {
            "pl": "Liczba epok musi być ≥ 1.",
            "en": "Epochs must be ≥ 1.",
        },
        "err_split": {
            "pl": "Część walidacyjna musi być nie mniejsza niż 0 i mniejsza niż 1.",
            "en": "The validation split must be in [0, 1).",
        },
        "err_lr": {
            "pl": "Współczynnik uczenia musi być dodatni.",
            "en": "The learning rate must be positive.",
        },
        "err_optimizer": {
            "pl": "Nieznany optymalizator.",
            "en": "Unknown optimizer.",
        },
        "err_loss": {
            "pl": "Nieznana funkcja straty.",
            "en": "Unknown loss.",
        },
        "err_foreign": {
            "pl": "Ten plik zawiera warstwy spoza tej lekcji (np. konwolucyjne); wczytaj model "
            "zapisany tutaj.",
            "en": "This file holds layers this lesson does not use (e.g. convolutions); load "
            "a model saved here.",
        },
        # 2. Compile
        "compile": {
            "pl": "2. Kompilacja",
            "en": "2. Compile",
        },
        "compile_help": {
            "pl": "Optymalizator zmienia wagi tak, by zmniejszyć funkcję straty; współczynnik "
            "uczenia to długość kroku. SGD używa momentum 0,9.",
            "en": "The optimizer changes the weights to lower the loss; the learning rate is "
            "the step length. SGD uses momentum 0.9.",
        },
        "optimizer": {
            "pl": "optymalizator",
            "en": "optimizer",
        },
        "learning_rate": {
            "pl": "wsp. uczenia",
            "en": "learning rate",
        },
        "loss": {
            "pl": "funkcja straty",
            "en": "loss",
        },
        "loss_cce": {
            "pl": "kategoryczna entropia krzyżowa",
            "en": "categorical cross-entropy",
        },
        "loss_mse": {
            "pl": "błąd średniokwadratowy",
            "en": "mean squared error",
        },
        "metrics": {
            "pl": "metryka: accuracy (dokładność)",
            "en": "metric: accuracy",
        },
        # 3. Fit
        "fit": {
            "pl": "3. Uczenie (fit)",
            "en": "3. Fit",
        },
        "fit_help": {
            "pl": "Uczenie trwa w tle: suwaki działają dalej, Stop zatrzymuje po bieżącej "
            "paczce i zachowuje nauczone wagi. Ciągła linia: zbiór uczący (także w trakcie "
            "epoki), punkty: walidacyjny.",
            "en": "Training runs in the background: the controls keep working, Stop ends it "
            "after the current batch and keeps the weights learnt. Line: training set (also "
            "within an epoch), dots: validation set.",
        },
        "epochs": {
            "pl": "epoki",
            "en": "epochs",
        },
        "batch_size": {
            "pl": "paczka (batch)",
            "en": "batch size",
        },
        "validation_split": {
            "pl": "walidacja",
            "en": "validation",
        },
        "early_stopping": {
            "pl": "EarlyStopping, cierpliwość:",
            "en": "EarlyStopping, patience:",
        },
        "reduce_lr": {
            "pl": "ReduceLROnPlateau (połowa wsp. uczenia, gdy val_loss stoi)",
            "en": "ReduceLROnPlateau (halve the learning rate when val_loss stalls)",
        },
        "tensorboard": {
            "pl": "TensorBoard, logi w:",
            "en": "TensorBoard, logs in:",
        },
        "train_new": {
            "pl": "Ucz od nowa",
            "en": "Train from scratch",
        },
        "train_more": {
            "pl": "Ucz dalej",
            "en": "Continue training",
        },
        "stop": {
            "pl": "Stop",
            "en": "Stop",
        },
        "idle": {
            "pl": "Model nienauczony: kliknij „Ucz od nowa”.",
            "en": "Untrained: click 'Train from scratch'.",
        },
        "training": {
            "pl": "⏳ Epoka {epoch}/{epochs}, paczka {batch}/{batches}: strata {loss}, "
            "dokładność {acc}",
            "en": "⏳ Epoch {epoch}/{epochs}, batch {batch}/{batches}: loss {loss}, accuracy {acc}",
        },
        "epoch_done": {
            "pl": "⏳ Po epoce {epoch}/{epochs}: strata {loss}, dokładność {acc}",
            "en": "⏳ After epoch {epoch}/{epochs}: loss {loss}, accuracy {acc}",
        },
        "trained": {
            "pl": "✅ Uczenie zakończone ({epochs} {epochs:@epoka|epoki|epok}, {seconds:.1f} s). "
            "Zbiór walidacyjny: strata {val_loss}, dokładność {val_acc}.",
            "en": "✅ Trained {epochs} {epochs:@epoch|epochs} in {seconds:.1f} s. Validation: "
            "loss {val_loss}, accuracy {val_acc}.",
        },
        "stopped": {
            "pl": "⏹ Zatrzymano po {epochs} {epochs:@epoce|epokach|epokach}; wagi nauczone do tej "
            "pory zostają.",
            "en": "⏹ Stopped after {epochs} {epochs:@epoch|epochs}; the weights learnt so far "
            "are kept.",
        },
        "early_stopped": {
            "pl": " EarlyStopping zakończył uczenie (val_loss nie malał) i przywrócił "
            "najlepsze wagi.",
            "en": " EarlyStopping ended the training (val_loss stopped falling) and restored "
            "the best weights.",
        },
        "diverged": {
            "pl": "Uczenie się rozbiegło w epoce {epoch}: strata wzrosła ponad 100 razy (albo "
            "stał się NaN), bo współczynnik uczenia {rate} jest za duży i kroki "
            "przeskakują minimum. Uczenie zatrzymano i przywrócono ostatnie dobre wagi. "
            "Zmniejsz współczynnik uczenia.",
            "en": "Training diverged in epoch {epoch}: the loss grew more than 100-fold (or "
            "became NaN), because the learning rate {rate} is too large and the steps "
            "overshoot the minimum. Training was stopped and the last good weights "
            "restored. Lower the learning rate.",
        },
        "no_tensorboard": {
            "pl": "Do logów TensorBoard potrzebny jest pakiet tensorboard: zainstaluj go "
            "w terminalu poleceniem „pip install tensorboard” i uruchom jądro ponownie albo "
            "wyłącz przełącznik TensorBoard.",
            "en": "TensorBoard logs need the tensorboard package: install it with "
            "'pip install tensorboard' in a terminal and restart the kernel, or switch "
            "TensorBoard off.",
        },
        "busy": {
            "pl": "Trwa uczenie: zatrzymaj je (Stop), zanim zmienisz model.",
            "en": "Training is running: stop it before changing the model.",
        },
        "curves_loss": {
            "pl": "strata (loss)",
            "en": "loss",
        },
        "curves_acc": {
            "pl": "dokładność (accuracy)",
            "en": "accuracy",
        },
        "epoch_axis": {
            "pl": "epoka",
            "en": "epoch",
        },
        "series_train": {
            "pl": "zbiór uczący",
            "en": "training",
        },
        "series_val": {
            "pl": "zbiór walidacyjny",
            "en": "validation",
        },
        # 4. Evaluate
        "evaluate": {
            "pl": "4. Ocena na zbiorze testowym",
            "en": "4. Evaluate on the test set",
        },
        "evaluate_help": {
            "pl": "<code>model.evaluate(x_test, y_test)</code> na obrazach, których model "
            "nie widział. Macierz pomyłek: wiersz = prawdziwa cyfra, kolumna = odpowiedź "
            "modelu. Kliknij komórkę (albo wybierz ją niżej), by zobaczyć te obrazy.",
            "en": "<code>model.evaluate(x_test, y_test)</code> on images the model has not "
            "seen. Confusion matrix: row = true digit, column = the model's answer. Click a "
            "cell (or pick it below) to see those images.",
        },
        "evaluate_button": {
            "pl": "Oceń model",
            "en": "Evaluate",
        },
        "test_result": {
            "pl": "Test: strata {loss:.4f}, dokładność <b>{acc:.2%}</b> ({right} z {n} "
            "{n:@obrazu|obrazów|obrazów}).",
            "en": "Test: loss {loss:.4f}, accuracy <b>{acc:.2%}</b> ({right:,} of {n:,} "
            "{n:@image|images}).",
        },
        "cell_unevaluated": {
            "pl": "Najpierw oceń model (przycisk wyżej): dopiero wtedy są obrazy do pokazania "
            "dla pary cyfr.",
            "en": "Evaluate the model first (the button above): only then are there images to "
            "show for a pair of digits.",
        },
        "not_evaluated": {
            "pl": "Jeszcze nie oceniono (najpierw naucz model).",
            "en": "Not evaluated yet (train the model first).",
        },
        "true_digit": {
            "pl": "prawdziwa cyfra",
            "en": "true digit",
        },
        "predicted_digit": {
            "pl": "odpowiedź modelu",
            "en": "predicted",
        },
        "cell_title": {
            "pl": "Prawdziwa cyfra {true}, odpowiedź modelu {pred}: {n} {n:@obraz|obrazy|obrazów}",
            "en": "True {true}, predicted {pred}: {n} {n:@image|images}",
        },
        # 5. Predict
        "predict": {
            "pl": "5. Predykcja",
            "en": "5. Predict",
        },
        "predict_help": {
            "pl": "<code>model.predict(x)</code> daje 10 prawdopodobieństw. Wybierz obraz "
            "testowy albo narysuj cyfrę: rysunek przechodzi to samo przygotowanie co MNIST "
            "(wycięcie, skala do 20 pikseli, wyśrodkowanie w polu 28×28).",
            "en": "<code>model.predict(x)</code> gives 10 probabilities. Pick a test image or "
            "draw a digit: the drawing gets MNIST's preprocessing (cropped, scaled to 20 "
            "pixels, centred in a 28×28 field).",
        },
        "source": {
            "pl": "źródło",
            "en": "source",
        },
        "source_test": {
            "pl": "obraz testowy",
            "en": "test image",
        },
        "source_drawn": {
            "pl": "mój rysunek",
            "en": "my drawing",
        },
        "test_index": {
            "pl": "obraz nr",
            "en": "image no.",
        },
        "probability": {
            "pl": "prawdopodobieństwo",
            "en": "probability",
        },
        "image_title": {
            "pl": "Wejście modelu (28×28)",
            "en": "The model's input (28×28)",
        },
        "prediction": {
            "pl": "Model: <b>{digit}</b> ({p:.1%}){truth}",
            "en": "Model: <b>{digit}</b> ({p:.1%}){truth}",
        },
        "truth": {
            "pl": "; prawdziwa cyfra: {digit}",
            "en": "; true digit: {digit}",
        },
        "blank": {
            "pl": "Pole jest puste: narysuj cyfrę (model nie zgaduje z pustej kartki).",
            "en": "The pad is empty: draw a digit (the model does not guess from a blank page).",
        },
        # Extras
        "extras": {
            "pl": "Dalej: zapis i wczytanie, zamrażanie wag (kod: na dole strony)",
            "en": "Beyond: save and load, freezing weights (the code: at the foot of the page)",
        },
        "freeze": {
            "pl": "Zamrożone warstwy (freeze_weights; zaznacz kilka z Ctrl), potem „Ucz dalej”:",
            "en": "Frozen layers (freeze_weights; select several with Ctrl), then 'Continue "
            "training':",
        },
        "path": {
            "pl": "plik",
            "en": "file",
        },
        "save": {
            "pl": "Zapisz .keras",
            "en": "Save .keras",
        },
        "load": {
            "pl": "Wczytaj .keras",
            "en": "Load .keras",
        },
        "saved": {
            "pl": "Zapisano model w {path}.",
            "en": "Saved the model to {path}.",
        },
        "loaded": {
            "pl": "Wczytano model z {path} ({n} {n:@warstwa|warstwy|warstw}).",
            "en": "Loaded the model from {path} ({n} {n:@layer|layers}).",
        },
        "bad_path": {
            "pl": "Plik musi mieć rozszerzenie .keras, a nie {path}.",
            "en": "The file name must end in .keras, not {path}.",
        },
        "load_failed": {
            "pl": "Nie udało się wczytać {path}: plik jest uszkodzony albo nie zawiera "
            "modelu Keras; wybierz plik .keras zapisany przyciskiem „Zapisz .keras”.",
            "en": "Could not load {path}: the file is damaged or holds no Keras model; "
            "choose a .keras file saved with the 'Save .keras' button.",
        },
        "load_missing": {
            "pl": "Nie ma pliku {path}: najpierw zapisz model przyciskiem „Zapisz .keras” "
            "albo popraw nazwę pliku.",
            "en": "There is no file {path}: save the model with 'Save .keras' first, or "
            "correct the file name.",
        },
        "save_failed": {
            "pl": "Nie udało się zapisać modelu w {path}: wybierz folder, do którego możesz "
            "zapisywać, na przykład samą nazwę pliku, jak „model.keras”.",
            "en": "Could not save the model to {path}: choose a folder you can write to, "
            "for example just a file name such as 'model.keras'.",
        },
        "cheatsheet": {
            "pl": "Ściągawka: R keras (wykład) → Python Keras 3",
            "en": "Cheat sheet: R keras (the lecture) → Python Keras 3",
        },
        "cs_r": {
            "pl": "R (keras)",
            "en": "R (keras)",
        },
        "cs_python": {
            "pl": "Python (Keras 3)",
            "en": "Python (Keras 3)",
        },
        "cs_what": {
            "pl": "co robi",
            "en": "what it does",
        },
    },
)


def spec_message(error, lang: str) -> str:
    """The translated text of a :class:`widgets.models.mlp.SpecError`, its numbers written
    as ``lang`` writes them (a decimal comma, and spaces between thousands, in Polish)."""
    key = f"err_{error.key}"
    if key not in TEXT.table:
        return str(error)
    values = dict(error.values)
    if lang == "pl":
        values = {
            k: v.replace(",", " ") if k == "params" and isinstance(v, str) else v
            for k, v in values.items()
        }
    values = {k: number(v, lang) if isinstance(v, float) else v for k, v in values.items()}
    return TEXT.get(key, lang, **values)
