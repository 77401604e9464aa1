"""Lesson 11's words (the loop unrolled, why plain RNNs forget), in Polish and English.

Every entry is laid out alike, its key, then the Polish, then the English on lines of
their own, so the two languages read one under the other.
"""

from __future__ import annotations

from ..i18n import Strings

TEXT = Strings(
    "rnn_loop",
    {
        # The unrolled loop -------------------------------------------------------------
        "title": {
            "pl": "Pętla rozwinięta w czasie",
            "en": "The loop, unrolled",
        },
        "intro": {
            "pl": "Sieć rekurencyjna czyta ciąg krok po kroku i pamięta <b>stan ukryty</b> "
            "<i>h</i>: w kroku <i>t</i> liczy <i>h<sub>t</sub> = tanh(W·x<sub>t</sub> + "
            "U·h<sub>t−1</sub> + b)</i>, a nowy stan wraca do niej w następnym kroku "
            "(sprzężenie zwrotne). Ta sama sieć z tymi samymi wagami W, U, b, narysowana "
            "raz dla każdego kroku, to <b>pętla rozwinięta w czasie</b>. Liczy ją prawdziwa "
            "warstwa <code>keras.layers.SimpleRNN</code>.",
            "en": "A recurrent network reads a sequence step by step and keeps a <b>hidden "
            "state</b> <i>h</i>: at step <i>t</i> it computes <i>h<sub>t</sub> = "
            "tanh(W·x<sub>t</sub> + U·h<sub>t−1</sub> + b)</i>, and the new state comes back "
            "to it at the next step (the feedback connection). The same network with the "
            "same weights W, U, b, drawn once for every step, is <b>the loop unrolled in "
            "time</b>. A real <code>keras.layers.SimpleRNN</code> layer computes it.",
        },
        "sequence_heading": {
            "pl": "Ciąg wejściowy x<sub>1</sub> … x<sub>T</sub>",
            "en": "Input sequence x<sub>1</sub> … x<sub>T</sub>",
        },
        "sequence": {
            "pl": "ciąg",
            "en": "sequence",
        },
        "seq_sine": {
            "pl": "sinusoida",
            "en": "sine",
        },
        "seq_step": {
            "pl": "skok (0, potem 1)",
            "en": "step (0, then 1)",
        },
        "seq_bits": {
            "pl": "ciąg bitów",
            "en": "bit string",
        },
        "seq_typed": {
            "pl": "własne liczby",
            "en": "your own numbers",
        },
        "steps": {
            "pl": "liczba kroków T",
            "en": "number of steps T",
        },
        "typed": {
            "pl": "liczby",
            "en": "numbers",
        },
        "typed_help": {
            "pl": "Od {low} do {high} liczb z przedziału od −{limit} do {limit}, oddzielonych "
            "spacjami lub średnikami, np. <code>1 0 0 0,5 −1</code>; zatwierdź klawiszem "
            "Enter.",
            "en": "From {low} to {high} numbers between −{limit} and {limit}, separated by "
            "spaces or commas, e.g. <code>1, 0, 0, 0.5, -1</code>; press Enter to use them.",
        },
        "network_heading": {
            "pl": "Sieć: SimpleRNN",
            "en": "The network: SimpleRNN",
        },
        "units": {
            "pl": "neurony ukryte",
            "en": "hidden units",
        },
        "w": {
            "pl": "W (waga wejścia)",
            "en": "W (input weight)",
        },
        "u": {
            "pl": "U (waga pętli)",
            "en": "U (loop weight)",
        },
        "b": {
            "pl": "b (wyraz wolny)",
            "en": "b (bias)",
        },
        "scaling_one": {
            "pl": "Jeden neuron: W, U i b to zwykłe liczby. Stan początkowy h<sub>0</sub> = 0.",
            "en": "One unit: W, U and b are plain numbers. The initial state is h<sub>0</sub> = 0.",
        },
        "scaling_many": {
            "pl": "{units} neurony: W to wektor, U macierz {units}×{units}, b wektor. Suwaki "
            "mnożą stałe (wylosowane raz) kierunki: W = W·ŵ, b = b·b̂, a U = U·Q, gdzie Q "
            "jest macierzą ortogonalną, więc suwak U to norma spektralna macierzy pętli "
            "(jak |U| w drugim panelu). Stan początkowy h<sub>0</sub> = 0.",
            "en": "{units} units: W is a vector, U a {units}×{units} matrix, b a vector. The "
            "sliders scale fixed directions (drawn once): W = W·ŵ, b = b·b̂ and U = U·Q, "
            "where Q is orthogonal, so the U slider is the spectral norm of the loop's "
            "matrix (as |U| in the second panel). The initial state is h<sub>0</sub> = 0.",
        },
        "unrolled_heading": {
            "pl": "Sieć rozwinięta w czasie",
            "en": "The network unrolled in time",
        },
        "states_heading": {
            "pl": "Wejście i stan w kolejnych krokach",
            "en": "Input and state over time",
        },
        "legend": {
            "pl": "Kolor stanu: czerwony > 0, niebieski < 0, im ciemniej, tym bliżej ±1 "
            "(nasycenie tanh). Szare kroki jeszcze nie zostały policzone; pomarańczowa ramka "
            "to bieżący krok.",
            "en": "State colour: red > 0, blue < 0, the darker the closer to ±1 (tanh "
            "saturates). Grey steps have not been computed yet; the orange frame is the "
            "current step.",
        },
        "axis_t": {
            "pl": "krok t",
            "en": "step t",
        },
        "trace_x": {
            "pl": "wejście x_t",
            "en": "input x_t",
        },
        "trace_h": {
            "pl": "stan h_t[{unit}]",
            "en": "state h_t[{unit}]",
        },
        "trace_h_one": {
            "pl": "stan h_t",
            "en": "state h_t",
        },
        "start": {
            "pl": "h<sub>0</sub> = 0: stan początkowy, zanim sieć przeczyta pierwsze wejście. "
            "Naciśnij „krok ▶”.",
            "en": "h<sub>0</sub> = 0: the initial state, before the network reads the first "
            "input. Press “step ▶”.",
        },
        "step_of": {
            "pl": "Krok {t} z {steps}",
            "en": "Step {t} of {steps}",
        },
        "vector_note": {
            "pl": "(wektory: jedna liczba na neuron ukryty)",
            "en": "(vectors: one number per hidden unit)",
        },
        "keras_check": {
            "pl": "Keras: h<sub>{t}</sub> = {keras} (SimpleRNN, <code>dashboard.model</code>)",
            "en": "Keras: h<sub>{t}</sub> = {keras} (SimpleRNN, <code>dashboard.model</code>)",
        },
        # Errors a student can cause --------------------------------------------------------
        "bad_number": {
            "pl": "„{token}” to nie liczba: wpisz liczby oddzielone spacjami lub średnikami, "
            "np. 1 0 0,5 −1.",
            "en": "“{token}” is not a number: type numbers separated by spaces or commas, "
            "e.g. 1, 0, 0.5, -1.",
        },
        "too_few": {
            "pl": "Za krótki ciąg: {count} {count:@liczba|liczby|liczb}, potrzeba co najmniej "
            "{low}.",
            "en": "The sequence is too short: {count} {count:@number|numbers}, it needs at "
            "least {low}.",
        },
        "too_many": {
            "pl": "Za długi ciąg: {count} {count:@liczba|liczby|liczb}, najwyżej {high}.",
            "en": "The sequence is too long: {count} {count:@number|numbers}, at most {high}.",
        },
        "too_large": {
            "pl": "Liczba {value} jest poza zakresem: wpisz liczby od −{limit} do {limit}.",
            "en": "The number {value} is out of range: type numbers from −{limit} to {limit}.",
        },
        "not_text": {
            "pl": 'Ciąg podaj jako tekst z liczbami, np. "1 0 0,5", albo listę liczb.',
            "en": 'Give the sequence as text with numbers, e.g. "1, 0, 0.5", or a list of numbers.',
        },
        "bad_choice": {
            "pl": "{name} nie może być {value!r}: wybierz jedno z: {options}.",
            "en": "{name} cannot be {value!r}: pick one of: {options}.",
        },
        # Why plain RNNs forget ---------------------------------------------------------------
        "g_title": {
            "pl": "Dlaczego zwykła sieć rekurencyjna zapomina",
            "en": "Why a plain RNN forgets",
        },
        "g_intro": {
            "pl": "Uczenie zmienia wagi proporcjonalnie do gradientu. Wykres pokazuje "
            "‖∂h<sub>T</sub>/∂x<sub>t</sub>‖: jak mocno wejście z kroku <i>t</i> porusza "
            "ostatni stan h<sub>T</sub> (liczone przez <code>tf.GradientTape</code> na "
            "prawdziwych warstwach Keras, 8 neuronów, ten sam losowy ciąg wejściowy). W "
            "SimpleRNN każdy krok wstecz mnoży gradient przez U·(1 − h²): przy |U| &lt; 1 "
            "maleje on wykładniczo (<b>zanikający gradient</b>), przy |U| &gt; 1 rośnie "
            "(<b>eksplodujący gradient</b>), dopóki tanh się nie nasyci. LSTM (1997) i GRU "
            "niosą pamięć osobną ścieżką, na której gradient mnoży się w każdym kroku przez "
            "bramkę: w LSTM bramkę zapominania f ≈ σ(b<sub>f</sub>), niezależnie od |U|. Sieć "
            "uczy się trzymać ją blisko 1 tam, gdzie musi pamiętać.",
            "en": "Learning changes the weights in proportion to the gradient. The plot shows "
            "‖∂h<sub>T</sub>/∂x<sub>t</sub>‖: how strongly the input of step <i>t</i> moves "
            "the last state h<sub>T</sub> (computed by <code>tf.GradientTape</code> on real "
            "Keras layers, 8 units, the same random input sequence). In a SimpleRNN every "
            "step back multiplies the gradient by U·(1 − h²): with |U| &lt; 1 it shrinks "
            "exponentially (<b>vanishing gradient</b>), with |U| &gt; 1 it grows "
            "(<b>exploding gradient</b>) until tanh saturates. LSTM (1997) and GRU carry "
            "their memory along a separate path, where the gradient is multiplied at each "
            "step by a gate: in an LSTM the forget gate f ≈ σ(b<sub>f</sub>), whatever |U| "
            "is. A network learns to hold it near 1 where it must remember.",
        },
        "scale": {
            "pl": "|U| (norma macierzy pętli)",
            "en": "|U| (norm of the loop matrix)",
        },
        "g_steps": {
            "pl": "długość ciągu T",
            "en": "sequence length T",
        },
        "gate_bias": {
            "pl": "bias bramki pamięci b_f",
            "en": "memory gate bias b_f",
        },
        "g_help": {
            "pl": "Przesuń |U| poniżej 1 i powyżej 1 i wydłużaj ciąg, potem podnieś bias "
            "bramki. Wykres liczy się po puszczeniu suwaka. W GRU i LSTM |U| skaluje blok "
            "każdej bramki; bias bramki to b<sub>f</sub> bramki zapominania LSTM i bramki "
            "aktualizacji z GRU (Keras zaczyna od 1 w LSTM i od 0 w GRU).",
            "en": "Move |U| below 1 and above 1 and make the sequence longer, then raise the "
            "gate bias. The plot is computed when you let go of a slider. In GRU and LSTM "
            "|U| scales each gate's block; the gate bias is the b<sub>f</sub> of LSTM's "
            "forget gate and of GRU's update gate z (Keras starts at 1 in LSTM, at 0 in "
            "GRU).",
        },
        "g_axis_y": {
            "pl": "‖∂h_T/∂x_t‖ (skala logarytmiczna)",
            "en": "‖∂h_T/∂x_t‖ (log scale)",
        },
        "g_ratios": {
            "pl": "Gradient z kroku 1 względem gradientu z kroku T, "
            "‖∂h<sub>T</sub>/∂x<sub>1</sub>‖ / ‖∂h<sub>T</sub>/∂x<sub>T</sub>‖:",
            "en": "The gradient from step 1 against the gradient from step T, "
            "‖∂h<sub>T</sub>/∂x<sub>1</sub>‖ / ‖∂h<sub>T</sub>/∂x<sub>T</sub>‖:",
        },
        "regime_vanishing": {
            "pl": "|U| = {scale} &lt; 1: gradient SimpleRNN zanika wykładniczo, więc sieć nie "
            "nauczy się zależności sprzed wielu kroków.",
            "en": "|U| = {scale} &lt; 1: SimpleRNN's gradient vanishes exponentially, so the "
            "network cannot learn dependencies many steps back.",
        },
        "regime_edge": {
            "pl": "|U| = {scale} ≈ 1: na ostrzu noża. SimpleRNN zachowuje gradient tylko "
            "tutaj i tylko dopóki stany są małe; przesuń |U| o 0,1 w którąkolwiek stronę.",
            "en": "|U| = {scale} ≈ 1: on a knife's edge. A SimpleRNN keeps its gradient only "
            "here, and only while its states are small; move |U| by 0.1 either way.",
        },
        "regime_gates": {
            "pl": "Bramki: σ({bias}) = {keep}, tyle pamięci LSTM i GRU zostawiają w każdym "
            "kroku; ich gradient maleje mniej więcej jak {keep}<sup>T−t</sup>, niezależnie "
            "od |U|.",
            "en": "Gates: σ({bias}) = {keep}, the share of memory LSTM and GRU keep at each "
            "step; their gradient shrinks roughly as {keep}<sup>T−t</sup>, whatever |U| is.",
        },
        "regime_exploding": {
            "pl": "|U| = {scale} &gt; 1: gradient SimpleRNN rośnie wstecz (eksploduje), aż stan "
            "się nasyci (|h| → 1, czynnik 1 − h² → 0) i znów spadnie. W praktyce pomaga "
            "przycinanie gradientu (<code>clipnorm</code>).",
            "en": "|U| = {scale} &gt; 1: SimpleRNN's gradient grows going back (explodes) "
            "until the state saturates (|h| → 1, the factor 1 − h² → 0) and it falls "
            "again. In practice gradient clipping (<code>clipnorm</code>) helps.",
        },
        "cell_simple_rnn": {
            "pl": "SimpleRNN",
            "en": "SimpleRNN",
        },
        "cell_gru": {
            "pl": "GRU",
            "en": "GRU",
        },
        "cell_lstm": {
            "pl": "LSTM",
            "en": "LSTM",
        },
        # Exercises ---------------------------------------------------------------------------
        "check_h3_passed": {
            "pl": "✅ Dobrze! h₃ = {want:.4f}, tyle samo liczy warstwa SimpleRNN w Kerasie.",
            "en": "✅ Correct! h₃ = {want:.4f}, the same as Keras's SimpleRNN layer computes.",
        },
        "check_h3_failed": {
            "pl": "❌ Jeszcze nie: podano {got}, a h₃ = {want:.4f}. Policz po kolei h₁, h₂, h₃; "
            "pamiętaj, że h₀ = 0, a tanh działa na całą sumę W·x + U·h + b.",
            "en": "❌ Not yet: you gave {got}, but h₃ = {want:.4f}. Compute h₁, h₂, h₃ in turn; "
            "remember h₀ = 0 and that tanh applies to the whole sum W·x + U·h + b.",
        },
        "check_h3_off_by_step": {
            "pl": "Twoja liczba to h_{step} (= {value:.4f}), nie h₃: policz jeszcze {more} "
            "{more:@krok|kroki|kroków}.",
            "en": "Your number is h_{step} (= {value:.4f}), not h₃: compute {more} more "
            "{more:@step|steps}.",
        },
        "check_loop_passed": {
            "pl": "✅ Dobrze! Twoja pętla daje te same stany co keras.layers.SimpleRNN w {n} {n:@przypadku|przypadkach|przypadkach} (błąd poniżej {tol:.0e}).",
            "en": "✅ Correct! Your loop gives the same states as keras.layers.SimpleRNN in {n} {n:@case|cases} (error below {tol:.0e}).",
        },
        "check_loop_failed": {
            "pl": "❌ Jeszcze nie: w przypadku {case} ({units} {units:@neuron|neurony|neuronów}) "
            "stan h_{t} różni się od Kerasa o {error:.3g}.",
            "en": "❌ Not yet: in case {case} ({units} {units:@unit|units}) the state h_{t} "
            "differs from Keras's by {error:.3g}.",
        },
        "check_loop_shape": {
            "pl": "❌ Funkcja powinna zwrócić tablicę T × liczba neuronów = {want}, a zwróciła "
            "{got}.",
            "en": "❌ The function should return an array of T × units = {want}, but it "
            "returned {got}.",
        },
        "check_crashed": {
            "pl": "❌ Twoja funkcja zgłosiła błąd: {message}",
            "en": "❌ Your function raised an error: {message}",
        },
        "check_not_number": {
            "pl": "❌ Podaj jedną liczbę (float), a nie {got}.",
            "en": "❌ Give one number (a float), not {got}.",
        },
        "code_sequence": {
            "pl": "# Ciąg wejściowy z panelu: {steps} {steps:@krok|kroki|kroków} czasu.",
            "en": "# The dashboard's input sequence: {steps} time {steps:@step|steps}.",
        },
        "code_parameters": {
            "pl": "# h_t = tanh(W·x_t + U·h_(t−1) + b), wagi z suwaków.",
            "en": "# h_t = tanh(W·x_t + U·h_(t−1) + b), the weights from the sliders.",
        },
        "code_transpose": {
            "pl": "# Keras przechowuje Wᵀ (kernel), Uᵀ (recurrent_kernel) i b.",
            "en": "# Keras stores Wᵀ (kernel), Uᵀ (recurrent_kernel) and b.",
        },
        "code_states": {
            "pl": "# Stan po każdym kroku: h_1 … h_T.",
            "en": "# The state after every step: h_1 … h_T.",
        },
        "code_axis_h": {
            "pl": "stan h_t",
            "en": "state h_t",
        },
        "code_gradients": {
            "pl": "# ‖∂h_T/∂x_t‖ z GradientTape dla SimpleRNN, GRU i LSTM: jak mocno ostatni "
            "stan zależy od wejścia sprzed T − t kroków.",
            "en": "# ‖∂h_T/∂x_t‖ by GradientTape for SimpleRNN, GRU and LSTM: how much the last "
            "state depends on the input T − t steps back.",
        },
    },
)
