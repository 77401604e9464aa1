"""Lesson 14 (the digits GAN panel): its words, in Polish and English."""

from __future__ import annotations

from ..i18n import Strings

TEXT = Strings(
    "gan_digits",
    {
        "title": {
            "pl": "DCGAN: cyfry, które pojawiają się w trakcie uczenia",
            "en": "DCGAN: digits that appear while it trains",
        },
        "intro": {
            "pl": "<b>Sieć generująca (generator)</b> zamienia <b>szum</b> – wektor losowy z "
            "– w obraz 28×28 przez dwie transponowane konwolucje; <b>sieć oceniająca "
            "(dyskryminator)</b>, zwykła sieć konwolucyjna, odróżnia cyfry MNIST od obrazów "
            "generatora. Uczą się na zmianę: krok dyskryminatora, krok generatora. Siatka "
            "8×8 to zawsze te same 64 wektory z, więc widać, jak zmienia się generator, a "
            "nie szum.",
            "en": "The <b>generator</b> turns <b>noise</b> – a random vector z – into a 28×28 "
            "image through two transposed convolutions; the <b>discriminator</b>, an "
            "ordinary convolutional network, tells MNIST digits from the generator's images. "
            "They take turns: a discriminator step, a generator step. The 8×8 grid always "
            "shows the same 64 vectors z, so what changes is the generator, not the noise.",
        },
        "help": {
            "pl": "▶ Ucz uczy w tle; Stop zatrzymuje, a kolejne ▶ Ucz uczy dalej od tego "
            "miejsca. Zmiana rozmiaru szumu lub współczynników uczenia zaczyna od nowa; dane "
            "i rozmiar paczki działają od następnego ▶ Ucz. Jedna cyfra zamiast dziesięciu "
            "daje rozpoznawalne obrazy kilka razy szybciej.",
            "en": "▶ Train trains in the background; Stop stops, and the next ▶ Train goes on "
            "from there. Changing the noise size or the learning rates starts over; the data "
            "and the batch size apply from the next ▶ Train. One digit instead of ten gives "
            "recognisable images several times sooner.",
        },
        "data": {"pl": "dane", "en": "data"},
        "all_digits": {"pl": "wszystkie cyfry", "en": "all digits"},
        "only": {"pl": "tylko {digit}", "en": "only {digit}"},
        "noise_dim": {"pl": "rozmiar szumu z", "en": "noise size z"},
        "d_lr": {
            "pl": "współczynnik uczenia D",
            "en": "learning rate of D",
        },
        "g_lr": {
            "pl": "współczynnik uczenia G",
            "en": "learning rate of G",
        },
        "batch": {"pl": "rozmiar paczki", "en": "batch size"},
        "steps": {"pl": "kroki treningu", "en": "training steps"},
        "train": {"pl": "Ucz", "en": "Train"},
        "stop": {"pl": "Stop", "en": "Stop"},
        "untrained": {
            "pl": "Generator jeszcze się nie uczył ({params} wag G, {d_params} wag D): siatka "
            "to szum. Naciśnij ▶ Ucz.",
            "en": "The generator has not learnt yet ({params} weights in G, {d_params} in D): "
            "the grid is noise. Press ▶ Train.",
        },
        "starts_over": {
            "pl": "Nowe sieci ({params} wag G, {d_params} wag D; η D = {d_lr:.2g}, η G = "
            "{g_lr:.2g}): uczenie od początku. Naciśnij ▶ Ucz.",
            "en": "New networks ({params} weights in G, {d_params} in D; η of D = {d_lr:.2g}, "
            "of G = {g_lr:.2g}): training starts over. Press ▶ Train.",
        },
        "compiling": {
            "pl": "Przygotowuję krok treningu (pierwszy raz kilka sekund)…",
            "en": "Preparing the training step (a few seconds the first time)…",
        },
        "training": {
            "pl": "Krok {done} z {steps} (razem {total}), {rate:.1f} kroku/s. "
            "D(prawdziwe) = {d_real:.2f}, D(fałszywe) = {d_fake:.2f}.",
            "en": "Step {done} of {steps} ({total} in all), {rate:.1f} steps/s. "
            "D(real) = {d_real:.2f}, D(fake) = {d_fake:.2f}.",
        },
        "stopped": {
            "pl": "Zatrzymano po {total} {total:@kroku|krokach|krokach} treningu. ▶ Ucz uczy dalej.",
            "en": "Stopped after {total} training {total:@step|steps}. ▶ Train goes on.",
        },
        "trained": {
            "pl": "Po {total} {total:@kroku|krokach|krokach}: strata D {d_loss:.2f}, strata G "
            "{g_loss:.2f}, {rate:.1f} kroku/s. ▶ Ucz uczy dalej.",
            "en": "After {total} {total:@step|steps}: D's loss {d_loss:.2f}, G's loss "
            "{g_loss:.2f}, {rate:.1f} steps/s. ▶ Train goes on.",
        },
        "diverged": {
            "pl": "Straty przestały być liczbami (NaN): współczynnik uczenia {rate} jest za "
            "duży. Zmniejsz go; następne ▶ Ucz zacznie od nowych sieci.",
            "en": "The losses stopped being numbers (NaN): the learning rate {rate} is too "
            "high. Lower it; the next ▶ Train starts from new networks.",
        },
        "busy": {
            "pl": "Trwa uczenie: zatrzymaj je przyciskiem Stop, zanim zmienisz sieci lub dane.",
            "en": "Training is running: press Stop before changing the networks or the data.",
        },
        "not_ready": {
            "pl": "Model jeszcze się ładuje: chwilę poczekaj.",
            "en": "The model is still loading: wait a moment.",
        },
        "losses_title": {
            "pl": "Straty (średnia krocząca z 20 pomiarów)",
            "en": "Losses (rolling mean of 20 readings)",
        },
        "d_loss": {"pl": "strata D", "en": "D's loss"},
        "g_loss": {"pl": "strata G", "en": "G's loss"},
        "scores_title": {
            "pl": "Co mówi dyskryminator (średnia krocząca z 20 pomiarów)",
            "en": "What the discriminator says (rolling mean of 20 readings)",
        },
        "d_real": {"pl": "D(prawdziwe)", "en": "D(real)"},
        "d_fake": {"pl": "D(fałszywe)", "en": "D(fake)"},
        "step_axis": {"pl": "krok", "en": "step"},
        "loss_axis": {"pl": "strata", "en": "loss"},
        "score_axis": {"pl": "D(x)", "en": "D(x)"},
        "grid_title": {
            "pl": "G(z) dla 64 stałych wektorów z",
            "en": "G(z) for 64 fixed vectors z",
        },
        "morph_help": {
            "pl": "<b>Przejście między dwoma obrazami.</b> Wybierz dwa obrazy siatki (numery "
            "od lewej do prawej, wiersz po wierszu) albo losową parę; suwak t przesuwa z od "
            "z₀ (t = 0) do z₁ (t = 1), a generator rysuje obraz pośredni. Ścieżka sferyczna "
            "trzyma długość z (jak u typowych próbek szumu), liniowa w środku ją skraca. "
            "Przed uczeniem generator daje szum – to też widać.",
            "en": "<b>Morph between two images.</b> Pick two images of the grid (numbered left "
            "to right, row by row) or a random pair; the slider t moves z from z₀ (t = 0) to "
            "z₁ (t = 1), and the generator draws the image between. The spherical path keeps "
            "z's length (as typical noise samples have it), the linear one shortens it in "
            "the middle. Before training the generator gives noise – that shows too.",
        },
        "morph_from": {"pl": "z₀: obraz nr", "en": "z₀: image no."},
        "morph_to": {"pl": "z₁: obraz nr", "en": "z₁: image no."},
        "new_random": {"pl": "losowa para", "en": "random pair"},
        "morph_kind": {"pl": "ścieżka", "en": "path"},
        "linear": {"pl": "liniowa", "en": "linear"},
        "spherical": {"pl": "sferyczna", "en": "spherical"},
        "morph_title": {
            "pl": "od lewej: obraz z₀, obraz dla t (w ramce), obraz z₁",
            "en": "left to right: z₀'s image, the image at t (framed), z₁'s image",
        },
        "check_generator_passed": {
            "pl": "✅ Dobrze: generator zamienia szum o {noise} liczbach w obrazy {shape} "
            "({params} wag).",
            "en": "✅ Correct: the generator turns noise of {noise} numbers into {shape} "
            "images ({params} weights).",
        },
        "check_generator_not_model": {
            "pl": "❌ To nie jest model Kerasa (dostałem {got}): zbuduj keras.Sequential.",
            "en": "❌ That is not a Keras model (got {got}): build a keras.Sequential.",
        },
        "check_generator_shape": {
            "pl": "❌ Jeszcze nie: wyjście ma kształt {got}, a powinno (28, 28, 1). Ostatnia "
            "Conv2DTranspose ze stride 2 podwaja 14×14 do 28×28 i ma 1 filtr.",
            "en": "❌ Not yet: the output's shape is {got}, and it should be (28, 28, 1). The "
            "last Conv2DTranspose with stride 2 doubles 14×14 to 28×28 and has 1 filter.",
        },
        "check_generator_range": {
            "pl": "❌ Prawie: kształt się zgadza, ale wyjście nie jest w [−1, 1] (najmniejsza "
            "wartość {low:.2f}, największa {high:.2f}): daj ostatniej warstwie activation="
            '"tanh", bo cyfry są przeskalowane do [−1, 1].',
            "en": "❌ Almost: the shape is right, but the output is not in [−1, 1] (lowest "
            '{low:.2f}, highest {high:.2f}): give the last layer activation="tanh", since '
            "the digits are scaled to [−1, 1].",
        },
        "code_data": {
            "pl": "# Cyfry z panelu jako wiersze 784 pikseli od −1 do 1 (jak wyjście tanh "
            "generatora).",
            "en": "# The dashboard's digits as rows of 784 pixels from −1 to 1 (like the "
            "generator's tanh output).",
        },
        "code_networks": {
            "pl": "# Sieć generująca (splot transponowany) i sieć oceniająca (splot), ziarna "
            "jak w panelu.",
            "en": "# The generator (transposed convolutions) and the discriminator "
            "(convolutions), seeded as in the dashboard.",
        },
        "code_epochs": {
            "pl": "# około {steps} {steps:@kroku|kroków|kroków} treningu, jak w panelu",
            "en": "# about {steps} training {steps:@step|steps}, as in the dashboard",
        },
        "code_grid": {
            "pl": "# Siatka 8 × 8 próbek ze stałego szumu (tego samego co w panelu).",
            "en": "# The 8 × 8 grid of samples from the fixed noise (the dashboard's).",
        },
    },
)
