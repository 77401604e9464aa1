"""Lesson 01's words, in Polish and English: the timeline's (``TEXT``) and the exercises'
(``EXERCISE_TEXT``), one table each (see :mod:`widgets.i18n`)."""

from __future__ import annotations

from ..i18n import Strings

TEXT = Strings(
    "history",
    {
        "title": {
            "pl": "Historia sieci neuronowych: od neuronu MCP do GAN-ów",
            "en": "A history of neural networks: from the MCP neuron to GANs",
        },
        "intro": {
            "pl": "Kliknij znacznik na osi czasu albo wybierz wydarzenie z listy (strzałki "
            "◀ ▶ przechodzą do sąsiednich). Karta poniżej opowiada, co się wtedy stało, i "
            "prowadzi do lekcji, w której to wypróbujesz.",
            "en": "Click a marker on the timeline or pick an event from the list (the ◀ ▶ "
            "arrows move to its neighbours). The card below tells what happened and leads to "
            "the lesson where you try it yourself.",
        },
        "event": {
            "pl": "wydarzenie",
            "en": "event",
        },
        "years": {
            "pl": "Rok {year} nie ma wydarzenia na osi czasu; wybierz jeden z lat: {years}.",
            "en": "The timeline has no event in {year}; choose one of the years: {years}.",
        },
        "previous": {
            "pl": "poprzednie wydarzenie",
            "en": "previous event",
        },
        "next": {
            "pl": "następne wydarzenie",
            "en": "next event",
        },
        "year_axis": {
            "pl": "rok",
            "en": "year",
        },
        "lesson_link": {
            "pl": "→ Lekcja {title}",
            "en": "→ Lesson {title}",
        },
        "lesson_coming": {
            "pl": "Lekcja {title} (wkrótce)",
            "en": "Lesson {title} (coming soon)",
        },
        "mcp_live": {
            "pl": "Na żywo: prawdziwy neuron MCP w Kerasie (w1 = w2 = 1, próg θ = 2) liczy AND:",
            "en": "Live: a real MCP neuron in Keras (w1 = w2 = 1, threshold θ = 2) computes AND:",
        },
        "mcp_loading": {
            "pl": "⏳ Tablica prawdy neuronu pojawi się, gdy załaduje się TensorFlow.",
            "en": "⏳ The neuron's truth table appears once TensorFlow has loaded.",
        },
        "unknown_event": {
            "pl": "Nie ma wydarzenia z roku {year}; lata na osi: {years}.",
            "en": "There is no event in {year}; the years on the timeline: {years}.",
        },
        # Events: a short label for the axis, a title and a card of 2-4 sentences ---------
        "mcp_label": {
            "pl": "neuron MCP",
            "en": "MCP neuron",
        },
        "mcp_title": {
            "pl": "McCulloch i Pitts: neuron jako układ logiczny",
            "en": "McCulloch and Pitts: the neuron as a logic unit",
        },
        "mcp_card": {
            "pl": "Neurofizjolog Warren McCulloch i logik Walter Pitts opisali neuron jako "
            "jednostkę logiczną: sumuje wejścia z wagami i odpala (1), gdy suma osiąga "
            "próg, a inaczej daje 0. Pokazali, że sieci takich neuronów mogą liczyć funkcje "
            "logiczne. Wagi i progi ustala człowiek: ten model się nie uczy.",
            "en": "The neurophysiologist Warren McCulloch and the logician Walter Pitts "
            "described the neuron as a logic unit: it adds its weighted inputs and fires (1) "
            "when the sum reaches a threshold, otherwise it outputs 0. They showed that "
            "networks of such neurons can compute logical functions. A person sets the "
            "weights and thresholds: this model does not learn.",
        },
        "hebb_label": {
            "pl": "reguła Hebba",
            "en": "Hebb's rule",
        },
        "hebb_title": {
            "pl": "Hebb: połączenia wzmacniają się przez użycie",
            "en": "Hebb: connections strengthen with use",
        },
        "hebb_card": {
            "pl": "Psycholog Donald Hebb w książce „The Organization of Behavior” zaproponował, "
            "że połączenie między dwiema komórkami nerwowymi wzmacnia się, gdy jedna "
            "wielokrotnie uczestniczy w pobudzaniu drugiej. W sieciach neuronowych zapisuje "
            "się to jako Δw = η·x·y. To pierwsza reguła uczenia: wagi przestają być "
            "ustawiane ręcznie.",
            "en": "In his book The Organization of Behavior the psychologist Donald Hebb "
            "proposed that the connection between two nerve cells strengthens when one "
            "repeatedly takes part in firing the other. In neural networks this is written "
            "Δw = η·x·y. It is the first learning rule: weights are no longer set by hand.",
        },
        "perceptron_label": {
            "pl": "perceptron",
            "en": "perceptron",
        },
        "perceptron_title": {
            "pl": "Perceptron Rosenblatta",
            "en": "Rosenblatt's perceptron",
        },
        "perceptron_card": {
            "pl": "Frank Rosenblatt z Cornell Aeronautical Laboratory opisał perceptron: neuron "
            "z funkcją skoku jednostkowego, który uczy się z przykładów (uczenie nadzorowane) "
            "i poprawia wagi tylko wtedy, gdy się pomyli. Wkrótce zbudowano go sprzętowo jako "
            "Mark I Perceptron, z „okiem” z 20×20 fotokomórek. Gdy klasy są liniowo "
            "separowalne, reguła perceptronu znajduje rozwiązanie w skończonej liczbie kroków.",
            "en": "Frank Rosenblatt of the Cornell Aeronautical Laboratory described the "
            "perceptron: a neuron with a step activation that learns from examples "
            "(supervised learning) and corrects its weights only when it makes a mistake. It "
            "was soon built in hardware as the Mark I Perceptron, with an 'eye' of 20×20 "
            "photocells. When the classes are linearly separable, the perceptron rule finds a "
            "solution in a finite number of steps.",
        },
        "adaline_label": {
            "pl": "ADALINE",
            "en": "ADALINE",
        },
        "adaline_title": {
            "pl": "ADALINE: Widrow i Hoff minimalizują koszt",
            "en": "ADALINE: Widrow and Hoff minimise a cost",
        },
        "adaline_card": {
            "pl": "Bernard Widrow i jego doktorant Ted Hoff ze Stanfordu zbudowali ADALINE "
            "(adaptacyjny neuron liniowy). Ich reguła (LMS, reguła Widrowa-Hoffa) dobiera wagi, "
            "minimalizując funkcję kosztu, średni kwadrat błędu liczonego na wyjściu "
            "liniowym, przed progiem, metodą spadku gradientu. Spadek gradientu funkcji "
            "straty to dziś podstawa uczenia głębokich sieci.",
            "en": "Bernard Widrow and his doctoral student Ted Hoff at Stanford built ADALINE "
            "(the adaptive linear neuron). Their rule (LMS, the Widrow-Hoff rule) learns the "
            "weights by minimising a cost, the mean squared error of the linear output "
            "before the threshold, with gradient descent. Gradient descent on a loss "
            "function is how deep networks are trained today.",
        },
        "minsky_label": {
            "pl": "krytyka: XOR",
            "en": "critique: XOR",
        },
        "minsky_title": {
            "pl": "Minsky i Papert: czego perceptron nie potrafi",
            "en": "Minsky and Papert: what the perceptron cannot do",
        },
        "minsky_card": {
            "pl": "Marvin Minsky i Seymour Papert w książce „Perceptrons” udowodnili, czego "
            "jednowarstwowy perceptron nie obliczy, na przykład XOR: tej funkcji nie da się "
            "rozdzielić jedną prostą. Książka przyczyniła się do wyraźnego spadku "
            "zainteresowania sieciami neuronowymi i ich finansowania w latach 70. Pomaga "
            "warstwa ukryta, ale wtedy nie umiano jej skutecznie uczyć.",
            "en": "In their book Perceptrons Marvin Minsky and Seymour Papert proved what a "
            "single-layer perceptron cannot compute, for example XOR: no single straight line "
            "separates that function. The book contributed to a marked drop in interest in, "
            "and funding for, neural networks in the 1970s. A hidden layer helps, but nobody "
            "then knew how to train one well.",
        },
        "backprop_label": {
            "pl": "propagacja wsteczna",
            "en": "backpropagation",
        },
        "backprop_title": {
            "pl": "Propagacja wsteczna błędu",
            "en": "Backpropagation of errors",
        },
        "backprop_card": {
            "pl": "David Rumelhart, Geoffrey Hinton i Ronald Williams pokazali w „Nature”, jak "
            "uczyć sieci z warstwami ukrytymi: błąd z wyjścia przechodzi wstecz przez sieć, "
            "a reguła łańcuchowa daje gradient funkcji straty względem każdej wagi. Metoda miała "
            "wcześniejsze źródła (m.in. Seppo Linnainmaa 1970, Paul Werbos 1974), ale "
            "upowszechniła ją dopiero ta praca. Warstwy ukryte uczą się własnych "
            "reprezentacji danych i rozwiązują np. XOR.",
            "en": "David Rumelhart, Geoffrey Hinton and Ronald Williams showed in Nature how "
            "to train networks with hidden layers: the output error travels backwards through "
            "the network and the chain rule gives the gradient of the loss for every weight. "
            "The method had earlier roots (among others Seppo Linnainmaa 1970, Paul Werbos "
            "1974), but this paper made it widely known. Hidden layers learn their own "
            "representations of the data and solve, for example, XOR.",
        },
        "cnn_label": {
            "pl": "sieci konwolucyjne",
            "en": "convolutional nets",
        },
        "cnn_title": {
            "pl": "LeCun: sieć konwolucyjna czyta kody pocztowe",
            "en": "LeCun: a convolutional network reads zip codes",
        },
        "cnn_card": {
            "pl": "Yann LeCun i współpracownicy z Bell Labs wytrenowali propagacją wsteczną "
            "sieć konwolucyjną, która rozpoznawała ręcznie pisane cyfry kodów pocztowych. "
            "Zamiast mnożenia przez pełną macierz wag warstwa liczy splot z małym filtrem, "
            "którego wagi są wspólne dla całego obrazu. Poprzednikiem był Neocognitron "
            "Kunihiko Fukushimy (1980), następcą LeNet-5 (1998).",
            "en": "Yann LeCun and colleagues at Bell Labs trained a convolutional network with "
            "backpropagation to read handwritten zip-code digits. Instead of a product with "
            "a full weight matrix, a layer computes a convolution with a small filter whose "
            "weights are shared across the whole image. Kunihiko Fukushima's Neocognitron "
            "(1980) came before it, LeNet-5 (1998) after it.",
        },
        "lstm_label": {
            "pl": "LSTM",
            "en": "LSTM",
        },
        "lstm_title": {
            "pl": "LSTM: pamięć w sieci rekurencyjnej",
            "en": "LSTM: memory in a recurrent network",
        },
        "lstm_card": {
            "pl": "Sepp Hochreiter i Jürgen Schmidhuber zaproponowali LSTM (long short-term "
            "memory): sieć rekurencyjną z komórką pamięci i bramkami, które decydują, co "
            "zapisać, a co odczytać. Dzięki temu gradient nie zanika w długich sekwencjach i "
            "sieć wiąże zdarzenia odległe o wiele kroków. LSTM przez lata napędzało "
            "rozpoznawanie mowy i tłumaczenie maszynowe.",
            "en": "Sepp Hochreiter and Jürgen Schmidhuber proposed LSTM (long short-term "
            "memory): a recurrent network with a memory cell and gates that decide what to "
            "write and what to read. The gradient then does not vanish over long sequences "
            "and the network links events many steps apart. For years LSTMs powered speech "
            "recognition and machine translation.",
        },
        "dbn_label": {
            "pl": "głębokie sieci przekonań",
            "en": "deep belief nets",
        },
        "dbn_title": {
            "pl": "Głębokie sieci przekonań (DBN): uczenie warstwa po warstwie",
            "en": "Deep belief networks (DBN): training layer by layer",
        },
        "dbn_card": {
            "pl": "Geoffrey Hinton, Simon Osindero i Yee-Whye Teh pokazali, jak uczyć głęboką "
            "sieć warstwa po warstwie: każda warstwa to ograniczona maszyna Boltzmanna (RBM), "
            "uczona bez nadzoru modelować rozkład swojego wejścia. Tak przygotowane wagi "
            "dostraja się potem propagacją wsteczną. Ta praca i pokrewne z tego samego roku "
            "ożywiły zainteresowanie głębokimi sieciami neuronowymi.",
            "en": "Geoffrey Hinton, Simon Osindero and Yee-Whye Teh showed how to train a deep "
            "network one layer at a time: each layer is a restricted Boltzmann machine (RBM) "
            "that learns, without supervision, to model the distribution of its input. The "
            "weights prepared this way are then fine-tuned with backpropagation. This paper "
            "and related work of the same year revived interest in deep neural networks.",
        },
        "alexnet_label": {
            "pl": "AlexNet",
            "en": "AlexNet",
        },
        "alexnet_title": {
            "pl": "AlexNet wygrywa ImageNet",
            "en": "AlexNet wins ImageNet",
        },
        "alexnet_card": {
            "pl": "Sieć konwolucyjna AlexNet (Alex Krizhevsky, Ilya Sutskever, Geoffrey "
            "Hinton) wygrała konkurs ImageNet ILSVRC 2012 z błędem top-5 około 15,3%, wobec "
            "około 26,2% następnego zespołu. Uczono ją na dwóch kartach graficznych (GPU), z "
            "aktywacją ReLU i dropoutem (losowym wyłączaniem neuronów podczas uczenia). Od tego wyniku sieci głębokie zdominowały "
            "rozpoznawanie obrazów.",
            "en": "The convolutional network AlexNet (Alex Krizhevsky, Ilya Sutskever, Geoffrey "
            "Hinton) won the ImageNet ILSVRC 2012 challenge with a top-5 error of about "
            "15.3%, against about 26.2% for the next team. It was trained on two graphics "
            "cards (GPUs), with ReLU activations and dropout (switching neurons off at random during training). After this result deep networks "
            "took over image recognition.",
        },
        "gan_label": {
            "pl": "GAN",
            "en": "GAN",
        },
        "gan_title": {
            "pl": "GAN: dwie sieci grają przeciw sobie",
            "en": "GAN: two networks play against each other",
        },
        "gan_card": {
            "pl": "Ian Goodfellow i współautorzy zaproponowali sieci GAN (generative adversarial "
            "networks). Sieć generująca tworzy próbki z losowego szumu, a sieć oceniająca "
            "(dyskryminująca) odróżnia je od prawdziwych danych. Obie uczą się naraz, w grze "
            "o sumie zerowej, aż próbki generatora trudno odróżnić od prawdziwych.",
            "en": "Ian Goodfellow and co-authors proposed GANs (generative adversarial "
            "networks). A generator network makes samples from random noise and a "
            "discriminator network tells them apart from real data. Both learn at once, in a "
            "zero-sum game, until the generator's samples are hard to tell from real ones.",
        },
        "keras_label": {
            "pl": "Keras i TensorFlow",
            "en": "Keras & TensorFlow",
        },
        "keras_title": {
            "pl": "Keras i TensorFlow: głębokie uczenie dla każdego",
            "en": "Keras and TensorFlow: deep learning for everyone",
        },
        "keras_card": {
            "pl": "W marcu 2015 François Chollet udostępnił bibliotekę Keras, w której sieć "
            "buduje się z warstw w kilku linijkach kodu: zdefiniuj, skompiluj (compile), ucz "
            "(fit), oceń (evaluate), przewiduj (predict). W listopadzie 2015 Google otworzył "
            "kod TensorFlow. W TensorFlow 2.0 (2019) Keras stał się jego głównym API "
            "wysokiego poziomu; na obu opiera się ten kurs.",
            "en": "In March 2015 François Chollet released Keras, a library in which a network "
            "is put together from layers in a few lines: define, compile, fit, evaluate, "
            "predict. In November 2015 Google open-sourced TensorFlow. In TensorFlow 2.0 "
            "(2019) Keras became its main high-level API; this course is built on both.",
        },
    },
)

EXERCISE_TEXT = Strings(
    "history_exercises",
    {
        "years_passed": {
            "pl": "✅ Dobrze! Wszystkie daty się zgadzają ({n}/{n}).",
            "en": "✅ Correct! All the dates are right ({n}/{n}).",
        },
        "years_failed": {
            "pl": "❌ Jeszcze nie: {wrong} z {n} {n:@daty|dat|dat} "
            "{wrong:@się nie zgadza|się nie zgadzają|się nie zgadza}.",
            "en": "❌ Not yet: {wrong} of {n} {n:@date|dates} {wrong:@is|are} wrong.",
        },
        "too_early": {
            "pl": "{title}: {year} to za wcześnie",
            "en": "{title}: {year} is too early",
        },
        "too_late": {
            "pl": "{title}: {year} to za późno",
            "en": "{title}: {year} is too late",
        },
        "missing": {
            "pl": "{title}: brak roku (wpisz liczbę całkowitą)",
            "en": "{title}: no year given (type a whole number)",
        },
        "unknown_key": {
            "pl": "Nieznane wydarzenie {event!r}; znane: {keys}",
            "en": "Unknown event {event!r}; known: {keys}",
        },
        "hint_timeline": {
            "pl": "Wskazówka: wybierz wydarzenie na osi czasu powyżej i przeczytaj kartę.",
            "en": "Hint: pick the event on the timeline above and read its card.",
        },
        "neuron_passed": {
            "pl": "✅ Dobrze! Pojedynczy neuron progowy liczy {yes}, ale nie {no}.",
            "en": "✅ Correct! A single threshold neuron computes {yes}, but not {no}.",
        },
        "neuron_failed": {
            "pl": "❌ Jeszcze nie: {wrong} z {n} odpowiedzi {wrong:@jest błędna|są błędne|jest błędnych}.",
            "en": "❌ Not yet: {wrong} of {n} {n:@answer|answers} {wrong:@is|are} wrong.",
        },
        "can": {
            "pl": "{gate}: jeden neuron to potrafi, np. w = {w}, próg θ = {theta}",
            "en": "{gate}: one neuron can, e.g. w = {w}, threshold θ = {theta}",
        },
        "cannot": {
            "pl": "{gate}: żadna prosta nie oddziela jedynek od zer (Minsky i Papert, 1969)",
            "en": "{gate}: no straight line separates its ones from its zeros "
            "(Minsky and Papert, 1969)",
        },
        "not_bool": {
            "pl": "{gate}: odpowiedz True albo False, nie {value!r}",
            "en": "{gate}: answer True or False, not {value!r}",
        },
        "unknown_gate": {
            "pl": "Nieznana funkcja {gate!r}; sprawdzane: {gates}",
            "en": "Unknown function {gate!r}; checked: {gates}",
        },
    },
)
