"""Lesson 11, part 3 (a character model that writes as it learns): its words."""

from __future__ import annotations

from ..i18n import Strings

TEXT = Strings(
    "rnn_text",
    {
        "title": {
            "pl": "Model znakowy: sieć rekurencyjna pisze tekst",
            "en": "A character model: a recurrent network writes text",
        },
        "intro": {
            "pl": "Sieć czyta tekst znak po znaku i na każdym kroku przewiduje następny znak. "
            "<b>Perpleksja</b> = e<sup>strata</sup> mówi, spośród ilu znaków sieć średnio "
            "jeszcze się waha: na początku spośród wszystkich, po uczeniu spośród kilku. "
            "Model wczytany na starcie uczył się kilka minut; ucz go dalej albo zbuduj "
            "nowy i patrz, jak z szumu wyłaniają się słowa i wersy.",
            "en": "The network reads the text one character at a time and at every step "
            "predicts the next character. <b>Perplexity</b> = e<sup>loss</sup> says among how "
            "many characters it still hesitates on average: all of them at first, a few "
            "after training. The model loaded at the start trained for a few minutes; train "
            "it further, or build a new one and watch words and verses appear out of noise.",
        },
        "source": {"pl": "tekst", "en": "text"},
        "source_corpus": {"pl": "Pan Tadeusz", "en": "tiny Shakespeare"},
        "source_own": {"pl": "własny tekst", "en": "your own text"},
        "own_placeholder": {
            "pl": "Wklej tu tekst (co najmniej kilka tysięcy znaków, by było czego się uczyć)",
            "en": "Paste a text here (a few thousand characters at least, to learn from)",
        },
        "architecture": {"pl": "Sieć", "en": "Network"},
        "cell": {"pl": "komórka", "en": "cell"},
        "layers": {"pl": "warstwy", "en": "layers"},
        "units": {"pl": "neurony w warstwie", "en": "units a layer"},
        "training": {"pl": "Uczenie", "en": "Training"},
        "sequence": {"pl": "długość sekwencji", "en": "sequence length"},
        "windows": {
            "pl": "= {n} {n:@okno uczące|okna uczące|okien uczących} po {length} znaków w epoce",
            "en": "= {n} training {n:@window|windows} of {length} characters an epoch",
        },
        "rate": {"pl": "współczynnik uczenia", "en": "learning rate"},
        "epochs": {"pl": "epoki na jedno ▶", "en": "epochs a ▶"},
        "train": {"pl": "Ucz dalej", "en": "Train on"},
        "stop": {"pl": "Stop", "en": "Stop"},
        "new_model": {"pl": "Nowy model", "en": "New model"},
        "pretrained": {"pl": "Wczytaj gotowy", "en": "Load trained"},
        "writing": {"pl": "Pisanie", "en": "Writing"},
        "file_name": {"pl": "plik", "en": "file"},
        "default_file": {"pl": "moj-model-znakowy", "en": "my-char-model"},
        "save": {"pl": "Zapisz", "en": "Save"},
        "open": {"pl": "Wczytaj z pliku", "en": "Open file"},
        "saved": {
            "pl": "Zapisano model w folderze notatnika: {files}.",
            "en": "Saved the model in the notebook's folder: {files}.",
        },
        "opened": {
            "pl": "Wczytano model {name} (uczony {epochs} {epochs:@epokę|epoki|epok}); ucz go dalej.",
            "en": "Opened the model {name} (trained for {epochs} {epochs:@epoch|epochs}); train it on.",
        },
        "no_file": {
            "pl": "Nie ma pliku {path}: najpierw zapisz model przyciskiem „Zapisz”.",
            "en": "There is no file {path}: save a model with “Save” first.",
        },
        "bad_file": {
            "pl": "Pliku {name} nie da się wczytać jako modelu znakowego tej lekcji.",
            "en": "The file {name} cannot be read as this lesson's character model.",
        },
        "bad_name": {
            "pl": "Nazwa pliku {name!r} nie nadaje się: podaj samą nazwę, bez folderów "
            "i ukośników, np. moj-model.",
            "en": "The file name {name!r} will not do: give a plain name, without folders or "
            "slashes, e.g. my-model.",
        },
        "temperature": {"pl": "temperatura", "en": "temperature"},
        "temperature_tip": {
            "pl": "Działa od następnego pisania: przycisku „Pisz” i próbek po kolejnej epoce "
            "uczenia (albo po zbudowaniu lub wczytaniu modelu). Tekst już napisany na stronie "
            "się nie zmienia.",
            "en": "Takes effect at the next writing: the “Write” button and the samples after "
            "the next epoch of training (or after a model is built or loaded). The text "
            "already on the page stays as it is.",
        },
        "prompt": {"pl": "początek", "en": "prompt"},
        "prompt_placeholder": {
            "pl": "np. Litwo! (puste: pierwszy znak fragmentu)",
            "en": "e.g. ROMEO: (empty: the excerpt's first character)",
        },
        "length": {"pl": "liczba znaków", "en": "characters"},
        "length_tip": {
            "pl": "Ile znaków napisze po początku następne „Pisz”; próbki po epokach mają "
            "zawsze {chars} {chars:@znak|znaki|znaków}. Tekst już napisany na stronie się nie "
            "zmienia.",
            "en": "How many characters the next “Write” writes after the prompt; the samples "
            "after each epoch are always {chars} characters long. The text already on the "
            "page stays as it is.",
        },
        "write": {"pl": "Pisz", "en": "Write"},
        "controls_help": {
            "pl": "Zmiana komórki, warstw albo neuronów buduje nowy, nienauczony model. "
            "Temperatura poniżej 1 wybiera pewniejsze znaki (tekst powtarzalny), powyżej 1 "
            "śmielsze (więcej błędów).",
            "en": "Changing the cell, layers or units builds a new, untrained model. A "
            "temperature below 1 picks surer characters (repetitive text), above 1 bolder "
            "ones (more mistakes).",
        },
        "perplexity_axis": {"pl": "perpleksja (skala log.)", "en": "perplexity (log scale)"},
        "epoch_axis": {"pl": "epoka", "en": "epoch"},
        "curve_title": {"pl": "Perpleksja w czasie uczenia", "en": "Perplexity while training"},
        "samples_title": {"pl": "Co pisze teraz", "en": "What it writes now"},
        "sample_argmax": {
            "pl": "najbardziej prawdopodobny znak za każdym razem",
            "en": "the most likely character every time",
        },
        "sample_temperature": {
            "pl": "losowanie, temperatura {t}",
            "en": "sampled, temperature {t}",
        },
        "status_model": {
            "pl": "{cell}, {layers} × {units}, {params} {params:@parametr|parametry|parametrów}, "
            "alfabet: {chars} {chars:@znak|znaki|znaków}. {trained}",
            "en": "{cell}, {layers} × {units}, {params} {params:@parameter|parameters}, "
            "alphabet: {chars} {chars:@character|characters}. {trained}",
        },
        "trained_for": {
            "pl": "Uczony {epochs} {epochs:@epokę|epoki|epok}, perpleksja {perplexity:.2f}.",
            "en": "Trained for {epochs} {epochs:@epoch|epochs}, perplexity {perplexity:.2f}.",
        },
        "untrained": {"pl": "Jeszcze nieuczony.", "en": "Not trained yet."},
        "progress": {
            "pl": "Epoka {epoch} z {epochs}, perpleksja {perplexity:.2f}",
            "en": "Epoch {epoch} of {epochs}, perplexity {perplexity:.2f}",
        },
        "stopped": {
            "pl": "Zatrzymano. Ucz dalej: model zaczyna tam, gdzie skończył.",
            "en": "Stopped. Train on: the model starts where it left off.",
        },
        "diverged": {
            "pl": "Strata przestała być liczbą (współczynnik uczenia {rate} jest za duży): "
            "zmniejsz go i kliknij „Nowy model”.",
            "en": "The loss stopped being a number (the learning rate {rate} is too large): "
            "lower it and press “New model”.",
        },
        "unknown_chars": {
            "pl": "Model nie zna znaków {chars} z tego tekstu: kliknij „Nowy model”, by "
            "zbudować model z alfabetem tego tekstu.",
            "en": "The model does not know the characters {chars} of this text: press “New "
            "model” to build one with this text's alphabet.",
        },
        "empty_prompt": {
            "pl": "Początek musi mieć co najmniej jeden znak.",
            "en": "The prompt needs at least one character.",
        },
        "bad_temperature": {
            "pl": "Temperatura musi być większa od 0 (najwyżej {high}); zamiast temperatury 0 "
            "spójrz na pierwszy wiersz próbek: najbardziej prawdopodobny znak za każdym razem.",
            "en": "The temperature must be above 0 (at most {high}); instead of temperature 0 "
            "look at the samples' first line: the most likely character every time.",
        },
        "no_pretrained": {
            "pl": "Brak wytrenowanego modelu {path}: zbuduj nowy i ucz go.",
            "en": "There is no trained model at {path}: build a new one and train it.",
        },
        "inside_title": {"pl": "Zajrzyj do środka", "en": "Look inside"},
        "inside_help": {
            "pl": "Kolor pod znakiem to aktywacja wybranego neuronu stanu ukrytego po "
            "przeczytaniu tego znaku (czerwony dodatni, niebieski ujemny), jak w LSTMVis. "
            "Poszukaj neuronu, który „pali się” w środku słowa albo na końcu wersu.",
            "en": "The colour under a character is the activation of the chosen hidden unit "
            "after reading it (red positive, blue negative), as in LSTMVis. Look for a unit "
            "that fires inside a word or at the end of a line.",
        },
        "unit": {"pl": "neuron", "en": "unit"},
        "layer": {"pl": "warstwa", "en": "layer"},
        "one_layer": {
            "pl": "Model ma jedną warstwę rekurencyjną: ustaw więcej warstw, żeby zajrzeć do "
            "następnych.",
            "en": "The model has one recurrent layer: choose more layers to look inside the "
            "next ones.",
        },
        "position": {"pl": "pozycja", "en": "position"},
        "connectivity_help": {
            "pl": "Od których wcześniejszych znaków zależy przewidywanie po znaku w ramce? "
            "Im ciemniejsze tło, tym większe ‖∂logit/∂x<sub>t</sub>‖ (GradientTape), jak "
            "w „Memorization in RNNs” (distill.pub).",
            "en": "Which earlier characters does the prediction after the framed character "
            "depend on? The darker the background, the larger ‖∂logit/∂x<sub>t</sub>‖ "
            "(GradientTape), as in distill.pub's “Memorization in RNNs”.",
        },
        "check_crashed": {
            "pl": "Twoja funkcja zgłosiła błąd: {message}",
            "en": "Your function raised an error: {message}",
        },
        "check_failed": {
            "pl": "Dla {n} {n:@pozycji|pozycji|pozycji} i alfabetu {alphabet} znaków wyszło "
            "{got:.4f}, a e^strata z Kerasa to {want:.4f}. Wskazówka: średnia z −log p "
            "prawdziwych znaków, potem exp.",
            "en": "For {n} {n:@position|positions} and a {alphabet}-character alphabet you got "
            "{got:.4f}; e^loss from Keras is {want:.4f}. Hint: the mean of −log p of the true "
            "characters, then exp.",
        },
        "check_passed": {
            "pl": "✅ Dobrze! Twoja perpleksja zgadza się z e^strata z Kerasa w trzech "
            "przypadkach (zgadywanie spośród 4 znaków daje dokładnie 4).",
            "en": "✅ Correct! Your perplexity agrees with e^loss from Keras in three cases "
            "(guessing among 4 characters gives exactly 4).",
        },
        "next_guess": {
            "pl": "Sieć przewiduje po nim: {guesses}",
            "en": "After it the network predicts: {guesses}",
        },
        "code_text_corpus": {
            "pl": "# Tekst lekcji (Pan Tadeusz); każdy znak to liczba: jego miejsce na liście "
            "znaków.",
            "en": "# The lesson's text (tiny Shakespeare); each character is a number: its "
            "place in the list of characters.",
        },
        "code_text_own": {
            "pl": "# Twój tekst; każdy znak to liczba: jego miejsce na liście znaków.",
            "en": "# Your text; each character is a number: its place in the list of characters.",
        },
        "code_model": {
            "pl": "# Model znakowy: osadzenie znaku, warstwy rekurencyjne, logity następnego "
            "znaku.",
            "en": "# The character model: a character embedding, recurrent layers, the next "
            "character's logits.",
        },
        "code_write": {
            "pl": "# Pisanie: znak po znaku, losowany z rozkładu softmax logitów podzielonych przez "
            "temperaturę.",
            "en": "# Writing: one character at a time, drawn from the softmax of the logits "
            "divided by the temperature.",
        },
    },
)
