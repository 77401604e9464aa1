"""Every string of the playground dashboard, in Polish and English."""

from __future__ import annotations

from ..i18n import Strings

TEXT = Strings(
    "playground",
    {
        "title": {
            "pl": "Schemat sieci: plac zabaw",
            "en": "The network schema: a playground",
        },
        "intro": {
            "pl": "Sieć jednokierunkowa: <b>warstwa wejściowa</b> (wybrane cechy), "
            "<b>warstwy ukryte</b> i <b>warstwa wyjściowa</b>. Naciśnij ▶ i patrz, jak "
            "neurony ukryte dzielą płaszczyznę, a wyjście składa z tych kawałków granicę "
            "klas. Bez warstwy ukrytej sieć rysuje tylko prostą.",
            "en": "A feed-forward network: the <b>input layer</b> (the chosen features), "
            "<b>hidden layers</b> and the <b>output layer</b>. Press ▶ and watch the hidden "
            "neurons cut the plane while the output builds the class boundary from the "
            "pieces. Without a hidden layer the network can only draw a straight line.",
        },
        "section_data": {
            "pl": "Dane",
            "en": "Data",
        },
        "section_features": {
            "pl": "Cechy wejściowe",
            "en": "Input features",
        },
        "section_network": {
            "pl": "Warstwy ukryte",
            "en": "Hidden layers",
        },
        "section_training": {
            "pl": "Uczenie",
            "en": "Training",
        },
        "section_regularization": {
            "pl": "Regularyzacja",
            "en": "Regularisation",
        },
        "section_views": {
            "pl": "Widok",
            "en": "View",
        },
        "section_export": {
            "pl": "Eksport i link",
            "en": "Export and link",
        },
        "data": {
            "pl": "zbiór",
            "en": "data set",
        },
        "data_circle": {
            "pl": "koło (klasyfikacja)",
            "en": "circle (classification)",
        },
        "data_xor": {
            "pl": "XOR (klasyfikacja)",
            "en": "XOR (classification)",
        },
        "data_gauss": {
            "pl": "chmury Gaussa (klasyfikacja)",
            "en": "Gaussian (classification)",
        },
        "data_spiral": {
            "pl": "spirala (klasyfikacja)",
            "en": "spiral (classification)",
        },
        "data_plane": {
            "pl": "płaszczyzna (regresja)",
            "en": "plane (regression)",
        },
        "data_bump": {
            "pl": "dzwon Gaussa (regresja)",
            "en": "Gaussian bump (regression)",
        },
        "data_upload": {
            "pl": "wczytany plik CSV",
            "en": "uploaded CSV file",
        },
        "classes": {
            "pl": "liczba klas",
            "en": "classes",
        },
        "classes_fixed": {
            "pl": "Ten zbiór danych ma zawsze dwie klasy; liczbę klas można zmieniać dla "
            "chmur Gaussa i spirali.",
            "en": "This data set always has two classes; the number of classes applies to "
            "the Gaussian and spiral sets only.",
        },
        "classes_from_file": {
            "pl": "Liczbę klas wyznaczają etykiety we wczytanym pliku.",
            "en": "The labels in the uploaded file set the number of classes.",
        },
        "noise": {
            "pl": "szum (%)",
            "en": "noise (%)",
        },
        "train_share": {
            "pl": "zbiór uczący (%)",
            "en": "training share (%)",
        },
        "batch": {
            "pl": "rozmiar paczki",
            "en": "batch size",
        },
        "regenerate": {
            "pl": "Losuj dane od nowa",
            "en": "Regenerate",
        },
        "add_points": {
            "pl": "klik na wykresie dodaje",
            "en": "a click on the plot adds",
        },
        "add_points_tip": {
            "pl": "Co doda kliknięcie na dużym wykresie: punkt uczący wybranej klasy (przy "
            "regresji: o wartości +1 albo −1); „nic” – kliknięcie niczego nie dodaje. Sam "
            "wybór niczego na stronie nie zmienia.",
            "en": "What a click on the large plot adds: a training point of the chosen class "
            "(in regression: of value +1 or −1); “nothing”: a click adds nothing. Choosing "
            "changes nothing on the page by itself.",
        },
        "add_off": {
            "pl": "nic",
            "en": "nothing",
        },
        "add_class": {
            "pl": "punkt klasy {k}",
            "en": "a class {k} point",
        },
        "add_high": {
            "pl": "punkt o wartości +1",
            "en": "a point of value +1",
        },
        "add_low": {
            "pl": "punkt o wartości −1",
            "en": "a point of value −1",
        },
        "upload": {
            "pl": "Wczytaj CSV (x1,x2,etykieta)",
            "en": "Upload CSV (x1,x2,label)",
        },
        "uploaded": {
            "pl": "Wczytano {n} {n:@punkt|punkty|punktów} z pliku {name}.",
            "en": "Loaded {n} {n:@point|points} from {name}.",
        },
        "features_help": {
            "pl": "Włącz x₁² i x₂²: koło rozdzieli wtedy jeden neuron, bez warstwy ukrytej.",
            "en": "Switch on x₁² and x₂²: one neuron then separates the circle, no hidden "
            "layer needed.",
        },
        "layers": {
            "pl": "warstwy ukryte: {n}",
            "en": "hidden layers: {n}",
        },
        "layer": {
            "pl": "warstwa {n}<br><b>{units}</b> neur.",
            "en": "layer {n}<br><b>{units}</b> neur.",
        },
        "activation": {
            "pl": "aktywacja",
            "en": "activation",
        },
        "activation_all": {
            "pl": "aktywacja (wszystkie)",
            "en": "activation (all)",
        },
        "dropout": {
            "pl": "dropout",
            "en": "dropout",
        },
        "dropout_tip": {
            "pl": "Porzucanie (dropout): w każdym kroku treningu losowo wyłącza taką część "
            "neuronów tej warstwy. Zmiana zaczyna uczenie od nowa, od tych samych wag "
            "początkowych; wykresy pokazują całą sieć (przy przewidywaniu nic nie jest "
            "wyłączane), więc różnicę widać dopiero w trakcie uczenia (▶).",
            "en": "Dropout: at every training step switches off this share of the layer's "
            "neurons at random. A change starts the training again from the same initial "
            "weights; the figures show the whole network (nothing is switched off when "
            "predicting), so the difference shows only while training (▶).",
        },
        "learning_rate": {
            "pl": "współczynnik uczenia",
            "en": "learning rate",
        },
        "optimizer": {
            "pl": "optymalizator",
            "en": "optimizer",
        },
        "opt_sgd": {
            "pl": "SGD",
            "en": "SGD",
        },
        "opt_momentum": {
            "pl": "SGD z momentum",
            "en": "SGD with momentum",
        },
        "opt_adam": {
            "pl": "Adam",
            "en": "Adam",
        },
        "regularization": {
            "pl": "regularyzacja",
            "en": "regularisation",
        },
        "reg_none": {
            "pl": "brak",
            "en": "none",
        },
        "reg_l1": {
            "pl": "L1",
            "en": "L1",
        },
        "reg_l2": {
            "pl": "L2",
            "en": "L2",
        },
        "reg_rate": {
            "pl": "współczynnik",
            "en": "rate",
        },
        "rate_unused": {
            "pl": "Bez regularyzacji współczynnik niczego nie zmienia; wybierz najpierw L1 lub L2.",
            "en": "Without regularisation the rate changes nothing; choose L1 or L2 first.",
        },
        "play": {
            "pl": "Ucz",
            "en": "Train",
        },
        "pause": {
            "pl": "Pauza",
            "en": "Pause",
        },
        "step": {
            "pl": "Krok",
            "en": "Step",
        },
        "reset": {
            "pl": "Od nowa",
            "en": "Reset",
        },
        "budget": {
            "pl": "limit epok (0 = bez)",
            "en": "epoch budget (0 = none)",
        },
        "early": {
            "pl": "wczesne zatrzymanie",
            "en": "early stopping",
        },
        "steps_per_epoch": {
            "pl": "= {steps} {steps:@krok|kroki|kroków} treningu na epokę "
            "({n} {n:@punkt uczący|punkty uczące|punktów uczących})",
            "en": "= {steps} training {steps:@step|steps} an epoch "
            "({n} training {n:@point|points})",
        },
        "early_help": {
            "pl": "Zatrzymuje uczenie, gdy strata testowa przez {patience} epok nie spada. "
            "To uproszczenie: w prawdziwym uczeniu wczesne zatrzymanie obserwuje osobny zbiór "
            "walidacyjny, a zbiór testowy zostaje nietknięty do końcowej oceny.",
            "en": "Stops training when the test loss has not fallen for {patience} epochs. "
            "This is a simplification: a real training watches a separate validation set for "
            "early stopping and keeps the test set untouched for the final evaluation.",
        },
        "show_test": {
            "pl": "pokaż punkty testowe",
            "en": "show test points",
        },
        "discretize": {
            "pl": "dyskretne wyjście",
            "en": "discretize output",
        },
        "show_output": {
            "pl": "Pokaż wyjście sieci",
            "en": "Show the network's output",
        },
        "epoch": {
            "pl": "Epoka {epoch}",
            "en": "Epoch {epoch}",
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
            "pl": "strata ucząca",
            "en": "training loss",
        },
        "loss_test": {
            "pl": "strata testowa",
            "en": "test loss",
        },
        "numbers": {
            "pl": "Strata: zbiór uczący <b>{train}</b> · zbiór testowy <b>{test}</b>",
            "en": "Loss: training <b>{train}</b> · test <b>{test}</b>",
        },
        "accuracy": {
            "pl": "Dokładność: zbiór uczący <b>{train}</b> · zbiór testowy <b>{test}</b>",
            "en": "Accuracy: training <b>{train}</b> · test <b>{test}</b>",
        },
        "true_class": {
            "pl": "prawdziwa klasa",
            "en": "true class",
        },
        "predicted_class": {
            "pl": "przewidziana (test)",
            "en": "predicted (test)",
        },
        "output_title": {
            "pl": "Wyjście sieci",
            "en": "The network's output",
        },
        "neuron_title": {
            "pl": "Neuron {neuron}, warstwa {layer}",
            "en": "Neuron {neuron}, layer {layer}",
        },
        "feature_title": {
            "pl": "Cecha {name}",
            "en": "Feature {name}",
        },
        "column_input": {
            "pl": "wejście",
            "en": "input",
        },
        "column_hidden": {
            "pl": "ukryta {n}",
            "en": "hidden {n}",
        },
        "column_output": {
            "pl": "wyjście",
            "en": "output",
        },
        "network_help": {
            "pl": "Kafelek = odpowiedź neuronu na całej płaszczyźnie (kliknij, by powiększyć). "
            "Linia = waga: niebieska dodatnia, pomarańczowa ujemna, grubsza = większa. "
            "Kliknij kropkę na linii, by zmienić wagę.",
            "en": "A tile = a neuron's response over the whole plane (click to enlarge). "
            "A line = a weight: blue positive, orange negative, thicker = larger. Click the "
            "dot on a line to change its weight.",
        },
        "weight": {
            "pl": "waga {layer}: {source} → {target}",
            "en": "weight {layer}: {source} → {target}",
        },
        "download": {
            "pl": "Przygotuj plik .keras",
            "en": "Prepare .keras file",
        },
        "download_link": {
            "pl": "⬇ pobierz playground.keras",
            "en": "⬇ download playground.keras",
        },
        "link": {
            "pl": "link do tego stanu",
            "en": "link to this state",
        },
        "diverged": {
            "pl": "Uczenie się rozbiegło (strata nieskończona): współczynnik uczenia {rate:g} "
            "jest za duży. Przywrócono ostatnie skończone wagi; zmniejsz go i naciśnij ▶.",
            "en": "Training diverged (infinite loss): the learning rate {rate:g} is too large. "
            "The last finite weights were restored; lower it and press ▶.",
        },
        # Budget messages name the number after a colon or in brackets, so they read
        # right for every number in both languages (no plural forms needed).
        "budget_reached": {
            "pl": "Osiągnięto limit epok: {budget}.",
            "en": "Epoch budget reached: {budget}.",
        },
        "budget_below": {
            "pl": "Limit epok ({budget}) jest mniejszy niż liczba epok już wykonanych "
            "({epoch}): zwiększ limit albo naciśnij „Od nowa”.",
            "en": "The epoch budget ({budget}) is below the number of epochs already trained "
            "({epoch}): raise it or press Reset.",
        },
        "bad_setting": {
            "pl": "Nie zmieniono ustawień: {name}={value!r} (dozwolone: {allowed}).",
            "en": "Settings not changed: {name}={value!r} (allowed: {allowed}).",
        },
        "bad_epochs": {
            "pl": "Liczba epok jednego kroku musi być liczbą całkowitą nie mniejszą niż 1, "
            "a podano {value}.",
            "en": "The number of epochs of a step must be a whole number of at least 1, "
            "not {value}.",
        },
        "no_link": {
            "pl": "Sieć nie ma połączenia (warstwa {layer}, neuron {source} → {target}).",
            "en": "The network has no link (layer {layer}, neuron {source} → {target}).",
        },
        # A point in Polish: (0,5; 1,2), a semicolon between coordinates with decimal commas.
        "bad_point": {
            "pl": "Nie dodano punktu ({x1}; {x2}) z etykietą {label}: punkt musi leżeć na "
            "wykresie, a etykieta być jedną z listy „klik na wykresie dodaje”.",
            "en": "The point ({x1}, {x2}) with label {label} was not added: it must lie on "
            "the plot and the label be one of the choices of 'a click on the plot adds'.",
        },
        "bad_points": {
            "pl": "Punkty muszą mieć dwie współrzędne i etykietę; potrzeba co najmniej 4.",
            "en": "Points need two coordinates and a label each; at least 4 are needed.",
        },
        "points_too_large": {
            "pl": "Liczby w pliku muszą mieć wartość bezwzględną nie większą niż {limit}, "
            "a jest tam {value}.",
            "en": "The numbers in the file must be within [−{limit}, {limit}]; it has {value}.",
        },
        "link_no_upload": {
            "pl": "Wczytanego pliku nie da się zapisać w linku: link otworzy te ustawienia "
            "z domyślnym zbiorem danych.",
            "en": "An uploaded file cannot go into a link: the link opens these settings with "
            "the default data set.",
        },
        "early_stopped": {
            "pl": "Wczesne zatrzymanie: strata testowa nie spadła od {patience} "
            "{patience:@epoki|epok|epok} (najlepsza {best:.4f}). To uproszczenie: prawdziwe "
            "uczenie obserwuje tu osobny zbiór walidacyjny, a testowy zostawia do końcowej "
            "oceny.",
            "en": "Early stopping: the test loss has not improved for {patience} "
            "{patience:@epoch|epochs} (best {best:.4f}). This is a simplification: a real "
            "training watches a separate validation set here and keeps the test set for the "
            "final evaluation.",
        },
        "bad_query": {
            "pl": "Pominięto błędne parametry adresu: {problems}",
            "en": "Ignored bad parameters in the address: {problems}",
        },
        "no_features": {
            "pl": "Sieć potrzebuje co najmniej jednej cechy wejściowej.",
            "en": "The network needs at least one input feature.",
        },
        "bad_weight": {
            "pl": "Waga {layer}: {source} → {target} musi być liczbą od {low} do {high}, "
            "a podano {value}.",
            "en": "The weight {layer}: {source} → {target} must be a number from {low} to "
            "{high}, not {value}.",
        },
        "no_train_points": {
            "pl": "Brak punktów uczących: zwiększ udział zbioru uczącego.",
            "en": "No training points: raise the training share.",
        },
        "regression_csv": {
            "pl": "Plik ma etykiety liczbowe: traktuję go jako regresję.",
            "en": "The file has numeric labels: treating it as regression.",
        },
    },
)
