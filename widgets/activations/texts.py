"""Lesson 06's words, in Polish and English (one table; see :mod:`widgets.i18n`).

Every entry is laid out alike, its key, then the Polish, then the English on lines of
their own, so the two languages read one under the other.
"""

from __future__ import annotations

from ..i18n import Strings

TEXT = Strings(
    "activations",
    {
        "title": {
            "pl": "Funkcje aktywacji i pojedynczy neuron",
            "en": "Activation functions and a single neuron",
        },
        "intro": {
            "pl": "Neuron liczy sumę ważoną <i>z = w·x + b</i>, a potem <b>funkcję aktywacji</b> "
            "<i>f(z)</i>. Od kształtu <i>f</i> zależy, co neuron potrafi i jak szybko się "
            "uczy: spadek gradientu zmienia wagi proporcjonalnie do pochodnej <i>f′(z)</i>.",
            "en": "A neuron computes the weighted sum <i>z = w·x + b</i> and then an "
            "<b>activation function</b> <i>f(z)</i>. Its shape decides what the neuron can "
            "do and how fast it learns: gradient descent moves the weights in proportion to "
            "the derivative <i>f′(z)</i>.",
        },
        "part_function": {
            "pl": "1. Funkcja i jej pochodna",
            "en": "1. The function and its derivative",
        },
        "part_neuron": {
            "pl": "2. Pojedynczy neuron",
            "en": "2. A single neuron",
        },
        "part_softmax": {
            "pl": "3. Softmax: wektor prawdopodobieństw",
            "en": "3. Softmax: a vector of probabilities",
        },
        "activation": {
            "pl": "funkcja aktywacji",
            "en": "activation",
        },
        "alpha": {
            "pl": "parametr α",
            "en": "parameter α",
        },
        "f": {
            "pl": "f(z)",
            "en": "f(z)",
        },
        "df": {
            "pl": "pochodna f′(z) (GradientTape)",
            "en": "derivative f′(z) (GradientTape)",
        },
        "band": {
            "pl": "nasycenie: |f′| < 0,05",
            "en": "saturation: |f′| < 0.05",
        },
        "saturation_none": {
            "pl": "Brak nasycenia w tym zakresie: gradient nigdzie nie zanika.",
            "en": "No saturation in this range: the gradient never vanishes.",
        },
        "saturation_all": {
            "pl": "Pochodna jest równa 0 prawie wszędzie: spadek gradientu nie ma czego "
            "użyć (dlatego perceptron ma własną regułę uczenia).",
            "en": "The derivative is 0 almost everywhere: gradient descent has nothing to "
            "work with (which is why the perceptron has its own learning rule).",
        },
        "saturation_some": {
            "pl": "Pomarańczowe pasy: <b>nasycenie</b>, gdzie |f′(z)| &lt; 0,05. Neuron, "
            "którego z wpada w pas, prawie się nie uczy.",
            "en": "Orange bands: <b>saturation</b>, where |f′(z)| &lt; 0.05. A neuron whose "
            "z falls there barely learns.",
        },
        "inputs": {
            "pl": "liczba wejść",
            "en": "inputs",
        },
        "bias": {
            "pl": "bias b",
            "en": "bias b",
        },
        "neuron_help": {
            "pl": "Neuron to <code>Dense(1, activation=f)</code> w Kerasie; suwaki to jego wagi "
            "i bias. Duża waga daje ostre przejście, bias przesuwa próg.",
            "en": "The neuron is <code>Dense(1, activation=f)</code> in Keras; the sliders are "
            "its weights and bias. A large weight makes the transition sharp, the bias "
            "shifts the threshold.",
        },
        "neuron_formula": {
            "pl": "y = f({z:.2f}) = {y:.3f}",
            "en": "y = f({z:.2f}) = {y:.3f}",
        },
        "neuron_title_1": {
            "pl": "Wyjście neuronu y(x)",
            "en": "The neuron's output y(x)",
        },
        "neuron_title_2": {
            "pl": "Wyjście neuronu y(x1, x2) (kolor)",
            "en": "The neuron's output y(x1, x2) (colour)",
        },
        "n_logits": {
            "pl": "liczba klas",
            "en": "classes",
        },
        "temperature": {
            "pl": "temperatura T",
            "en": "temperature T",
        },
        "softmax_help": {
            "pl": "Warstwa wyjściowa klasyfikatora zamienia <b>logity</b> z₁…zₖ na "
            "<b>wektor prawdopodobieństw przynależności</b> do klas: pᵢ = e^(zᵢ/T) / Σⱼ "
            "e^(zⱼ/T). Wysoka temperatura wyrównuje, niska wyostrza.",
            "en": "A classifier's output layer turns <b>logits</b> z₁…zₖ into a <b>vector of "
            "class probabilities</b>: pᵢ = e^(zᵢ/T) / Σⱼ e^(zⱼ/T). A high temperature "
            "flattens it, a low one sharpens it.",
        },
        "probability": {
            "pl": "prawdopodobieństwo",
            "en": "probability",
        },
        "class": {
            "pl": "klasa {i}",
            "en": "class {i}",
        },
        "softmax_sum": {
            "pl": "p = ({values}). Suma prawdopodobieństw: {total:.4f}; najbardziej "
            "prawdopodobna: {top}.",
            "en": "p = ({values}). Sum of the probabilities: {total:.4f}; most likely: {top}.",
        },
        "bad_activation": {
            "pl": "Nieznana funkcja aktywacji {name!r}; dostępne: {names}.",
            "en": "Unknown activation {name!r}; available: {names}.",
        },
        "bad_weight": {
            "pl": "Waga {name} musi być liczbą od {low} do {high}, a podano {value}.",
            "en": "The weight {name} must be a number from {low} to {high}, not {value}.",
        },
        "bad_bias": {
            "pl": "Wyraz wolny (bias) b musi być liczbą od {low} do {high}, a podano {value}.",
            "en": "The bias b must be a number from {low} to {high}, not {value}.",
        },
        "bad_alpha": {
            "pl": "Parametr α musi być liczbą od {low} do {high}, a podano {value}.",
            "en": "The parameter α must be a number from {low} to {high}, not {value}.",
        },
        "bad_temperature": {
            "pl": "Temperatura T musi być liczbą od {low} do {high}, a podano {value}.",
            "en": "The temperature T must be a number from {low} to {high}, not {value}.",
        },
        "bad_weights": {
            "pl": "Neuron ma jedno albo dwa wejścia, więc podaj jedną albo dwie wagi "
            "(liczba podanych wag: {count}).",
            "en": "The neuron has one or two inputs, so give one or two weights "
            "(weights given: {count}).",
        },
        "bad_logits": {
            "pl": "Podaj od {low} do {high} logitów, każdy od {vmin} do {vmax} "
            "(liczba podanych logitów: {count}).",
            "en": "Give {low} to {high} logits, each from {vmin} to {vmax} "
            "(logits given: {count}).",
        },
        "check_passed": {
            "pl": "✅ Dobrze! Twoja funkcja zgadza się z {reference} w {n} "
            "{n:@punkcie|punktach|punktach}.",
            "en": "✅ Correct! Your function agrees with {reference} at {n} {n:@point|points}.",
        },
        "check_failed": {
            "pl": "❌ Jeszcze nie: największa różnica {error:.3g} przy z = {at:.2f} "
            "(Twoja: {got:.4g}, oczekiwano {want:.4g}).",
            "en": "❌ Not yet: the largest difference is {error:.3g} at z = {at:.2f} "
            "(yours: {got:.4g}, expected {want:.4g}).",
        },
        "check_softmax_failed": {
            "pl": "❌ Jeszcze nie: dla logitów {logits} i T = {temperature} wyszło {got}, "
            "a Keras daje {want}.",
            "en": "❌ Not yet: for logits {logits} and T = {temperature} you got {got}, "
            "Keras gives {want}.",
        },
        "check_crashed": {
            "pl": "❌ Funkcja zgłosiła błąd: {message}",
            "en": "❌ The function raised an error: {message}",
        },
        "tape": {
            "pl": "tf.GradientTape",
            "en": "tf.GradientTape",
        },
        "keras_softmax": {
            "pl": "keras.activations.softmax",
            "en": "keras.activations.softmax",
        },
        "name_step": {
            "pl": "skok jednostkowy",
            "en": "unit step",
        },
        "name_sign": {
            "pl": "signum (znak)",
            "en": "sign",
        },
        "name_linear": {
            "pl": "liniowa",
            "en": "linear",
        },
        "name_sigmoid": {
            "pl": "sigmoida (logistyczna)",
            "en": "sigmoid (logistic)",
        },
        "name_tanh": {
            "pl": "tangens hiperboliczny",
            "en": "hyperbolic tangent",
        },
        "name_relu": {
            "pl": "ReLU",
            "en": "ReLU",
        },
        "name_leaky_relu": {
            "pl": "Leaky ReLU",
            "en": "leaky ReLU",
        },
        "name_elu": {
            "pl": "ELU",
            "en": "ELU",
        },
        "name_softplus": {
            "pl": "softplus",
            "en": "softplus",
        },
        "name_swish": {
            "pl": "swish (SiLU)",
            "en": "swish (SiLU)",
        },
        "name_gelu": {
            "pl": "GELU",
            "en": "GELU",
        },
        "about_step": {
            "pl": "f(z) = 1 dla z ≥ 0, inaczej 0. Neuron MCP i perceptron Rosenblatta.",
            "en": "f(z) = 1 for z ≥ 0, else 0. The MCP neuron and Rosenblatt's perceptron.",
        },
        "about_sign": {
            "pl": "f(z) = −1, 0 lub 1 (znak z). Wyjście bipolarne ADALINE przy klasyfikacji.",
            "en": "f(z) = −1, 0 or 1 (the sign of z). ADALINE's bipolar output when it classifies.",
        },
        "about_linear": {
            "pl": "f(z) = z. ADALINE w czasie uczenia; wyjście sieci do regresji.",
            "en": "f(z) = z. ADALINE while it learns; a network's output for regression.",
        },
        "about_sigmoid": {
            "pl": "σ(z) = 1 / (1 + e^(−z)), wartości w (0, 1); σ′ = σ(1 − σ) ≤ 0,25.",
            "en": "σ(z) = 1 / (1 + e^(−z)), values in (0, 1); σ′ = σ(1 − σ) ≤ 0.25.",
        },
        "about_tanh": {
            "pl": "tanh(z), wartości w (−1, 1), symetryczna wokół 0; tanh′ = 1 − tanh².",
            "en": "tanh(z), values in (−1, 1), symmetric around 0; tanh′ = 1 − tanh².",
        },
        "about_relu": {
            "pl": "max(0, z). Domyślna w warstwach ukrytych: nie nasyca się dla z > 0.",
            "en": "max(0, z). The default in hidden layers: no saturation for z > 0.",
        },
        "about_leaky_relu": {
            "pl": "z dla z > 0, inaczej α·z: mały gradient także dla z < 0.",
            "en": "z for z > 0, else α·z: a small gradient for z < 0 too.",
        },
        "about_elu": {
            "pl": "z dla z > 0, inaczej α(e^z − 1): dąży do −α; gładka (bez załamania w 0) "
            "tylko dla α = 1.",
            "en": "z for z > 0, else α(e^z − 1): tends to −α; smooth (no kink at 0) only "
            "for α = 1.",
        },
        "about_softplus": {
            "pl": "ln(1 + e^z): gładka wersja ReLU; jej pochodna to sigmoida.",
            "en": "ln(1 + e^z): a smooth ReLU; its derivative is the sigmoid.",
        },
        "about_swish": {
            "pl": "z·σ(z): gładka, lekko ujemna dla z < 0.",
            "en": "z·σ(z): smooth, slightly negative for z < 0.",
        },
        "about_gelu": {
            "pl": "z·Φ(z), Φ to dystrybuanta rozkładu normalnego (transformery).",
            "en": "z·Φ(z), Φ the normal distribution's CDF (transformers).",
        },
        "code_function": {
            "pl": "# Funkcja aktywacji f i jej pochodna f′ liczona tak jak przy propagacji "
            "wstecznej (GradientTape).",
            "en": "# The activation f and its derivative f′ computed as backpropagation does "
            "(GradientTape).",
        },
        "code_neuron": {
            "pl": "# Jeden neuron: y = f(w·x + b), wagi i wyraz wolny z suwaków.",
            "en": "# One neuron: y = f(w·x + b), the weights and bias from the sliders.",
        },
        "code_softmax": {
            "pl": "# Softmax z temperaturą T: prawdopodobieństwa klas (sumują się do 1).",
            "en": "# Softmax at temperature T: the class probabilities (they add up to 1).",
        },
    },
)
