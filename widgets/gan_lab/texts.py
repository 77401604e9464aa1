"""Lesson 14 (GAN Lab's 2-D game, the main dashboard): its words, in Polish and English."""

from __future__ import annotations

from ..i18n import Strings

TEXT = Strings(
    "gan_lab",
    {
        # ------------------------------------------------------------ the page
        "title": {
            "pl": "Sieć GAN na płaszczyźnie: gra generatora z dyskryminatorem",
            "en": "A GAN on the plane: the generator's game against the discriminator",
        },
        "intro": {
            "pl": "<b>Sieć generująca (generator) G</b> zamienia <b>szum z</b> (losowe "
            "punkty) w próbki, a <b>sieć oceniająca (dyskryminator) D</b> ocenia, czy "
            "punkt pochodzi z danych (D(x) blisko 1), czy od generatora (blisko 0). Grają "
            "w <b>grę o sumie zerowej</b>: D uczy się odróżniać, G – oszukiwać D. "
            "<span class='dl-real-word'>Zielone</span> punkty to dane, "
            "<span class='dl-fake-word'>fioletowe</span> – próbki generatora. To ta sama "
            "gra co w GAN Lab (Kahng i in., 2018), ale z prawdziwym modelem Keras.",
            "en": "The <b>generator G</b> turns <b>noise z</b> (random points) into samples, "
            "and the <b>discriminator D</b> judges whether a point comes from the data "
            "(D(x) near 1) or from the generator (near 0). They play a <b>zero-sum "
            "game</b>: D learns to tell them apart, G learns to fool D. "
            "<span class='dl-real-word'>Green</span> dots are the data, "
            "<span class='dl-fake-word'>purple</span> ones the generator's samples. The same "
            "game as GAN Lab (Kahng et al., 2018), with a real Keras model.",
        },
        "controls_help": {
            "pl": "Naciśnij ▶ Graj: obie sieci uczą się na zmianę, a płaszczyzna zmienia się "
            "na żywo. „Krok” robi jeden krok treningu; „ucz” wybiera, kto się uczy.",
            "en": "Press ▶ Play: the two networks train in turns and the plane changes live. "
            "“Step” does one training step; “train” chooses who learns.",
        },
        # ------------------------------------------------------------ controls
        "data": {"pl": "dane", "en": "data"},
        "data_ring": {"pl": "pierścień (8 mod)", "en": "ring (8 modes)"},
        "data_grid": {"pl": "siatka (25 mod)", "en": "grid (25 modes)"},
        "data_line": {"pl": "odcinek", "en": "line"},
        "data_two_clusters": {"pl": "dwie chmury", "en": "two clusters"},
        "data_drawn": {"pl": "narysowane", "en": "drawn"},
        "draw": {"pl": "rysuj: klik dodaje punkt", "en": "draw: a click adds a point"},
        "clear": {"pl": "Wyczyść", "en": "Clear"},
        "noise": {"pl": "wymiar szumu z", "en": "noise z size"},
        "g_heading": {"pl": "Generator G", "en": "Generator G"},
        "d_heading": {"pl": "Dyskryminator D", "en": "Discriminator D"},
        "layers": {"pl": "warstwy ukryte", "en": "hidden layers"},
        "neurons": {"pl": "neurony w warstwie", "en": "neurons per layer"},
        "optimizer": {"pl": "optymalizator", "en": "optimizer"},
        "learning_rate": {"pl": "współczynnik uczenia η", "en": "learning rate η"},
        "steps": {"pl": "kroki na rundę", "en": "steps per round"},
        "loss": {"pl": "strata", "en": "loss"},
        "loss_log": {"pl": "logarytmiczna (log loss)", "en": "log loss"},
        "loss_least_squares": {
            "pl": "najmniejszych kwadratów (LSGAN)",
            "en": "least squares (LSGAN)",
        },
        "side": {"pl": "ucz", "en": "train"},
        "side_both": {"pl": "obie", "en": "both"},
        "side_d": {"pl": "tylko D", "en": "D only"},
        "side_g": {"pl": "tylko G", "en": "G only"},
        "play": {"pl": "Graj", "en": "Play"},
        "pause": {"pl": "Pauza", "en": "Pause"},
        "step": {"pl": "Krok", "en": "Step"},
        "reset": {"pl": "Od nowa", "en": "Reset"},
        "show": {"pl": "pokaż", "en": "show"},
        "show_heatmap": {"pl": "ocena D (tło)", "en": "D's verdict (background)"},
        "show_manifold": {"pl": "rozmaitość G", "en": "G's manifold"},
        "show_arrows": {"pl": "strzałki gradientu", "en": "gradient arrows"},
        "show_real": {"pl": "dane", "en": "data"},
        "show_fake": {"pl": "próbki G", "en": "G's samples"},
        # ------------------------------------------------------------ figures
        "plane_title": {
            "pl": "Płaszczyzna gry: dane, próbki G i ocena D",
            "en": "The game's plane: data, G's samples and D's verdict",
        },
        "real": {"pl": "dane (prawdziwe)", "en": "data (real)"},
        "fake": {"pl": "próbki G (fałszywe)", "en": "G's samples (fake)"},
        "manifold": {"pl": "rozmaitość G", "en": "G's manifold"},
        "arrows": {"pl": "kierunek, w którym G pcha próbki", "en": "where G pushes its samples"},
        "drawn_points": {"pl": "narysowane punkty", "en": "drawn points"},
        "heat_title": {"pl": "D(x)", "en": "D(x)"},
        "loss_title": {"pl": "Straty obu sieci", "en": "Both networks' losses"},
        "d_title": {
            "pl": "Średnia ocena D: dane i próbki G",
            "en": "D's mean verdict: data and G's samples",
        },
        "step_axis": {"pl": "krok treningu", "en": "training step"},
        "d_loss": {"pl": "strata D", "en": "D's loss"},
        "g_loss": {"pl": "strata G", "en": "G's loss"},
        "d_real": {"pl": "D(dane)", "en": "D(data)"},
        "d_fake": {"pl": "D(G(z))", "en": "D(G(z))"},
        "equilibrium": {"pl": "równowaga", "en": "equilibrium"},
        # ------------------------------------------------------------ status
        "status_untrained": {
            "pl": "Sieci gotowe: G ma {g_params} wag, D ma {d_params}. Naciśnij ▶ Graj.",
            "en": "The networks are ready: G has {g_params} weights, D has {d_params}. "
            "Press ▶ Play.",
        },
        "status_steps": {
            "pl": "{steps} {steps:@krok|kroki|kroków} treningu; strata D {d_loss:.3f}, "
            "strata G {g_loss:.3f}.",
            "en": "{steps} training {steps:@step|steps}; D's loss {d_loss:.3f}, G's loss "
            "{g_loss:.3f}.",
        },
        "status_speed": {
            "pl": " Tempo: {rate:.0f} kroków na sekundę.",
            "en": " Speed: {rate:.0f} steps a second.",
        },
        "restarted": {
            "pl": "Nowa architektura (G ma {g_params} wag, D ma {d_params}): sieci zaczynają "
            "od nowa (losowe wagi).",
            "en": "A new architecture (G has {g_params} weights, D has {d_params}): the "
            "networks start again (random weights).",
        },
        "frozen_d": {
            "pl": "D ma 0 kroków: dyskryminator jest zamrożony, uczy się tylko G.",
            "en": "D has 0 steps: the discriminator is frozen, only G learns.",
        },
        "frozen_g": {
            "pl": "G ma 0 kroków: generator jest zamrożony, uczy się tylko D.",
            "en": "G has 0 steps: the generator is frozen, only D learns.",
        },
        "coverage": {
            "pl": "Pokrycie mod: <b>{reached} z {modes}</b>; {share:.0%} próbek G leży "
            "blisko środka którejś mody.",
            "en": "Mode coverage: <b>{reached} of {modes}</b>; {share:.0%} of G's samples lie "
            "near the centre of a mode.",
        },
        "coverage_none": {
            "pl": "Pokrycie mod liczy się dla pierścienia i siatki (te dane mają mody).",
            "en": "Mode coverage is counted for the ring and the grid (data with modes).",
        },
        "drawing_help": {
            "pl": "Klikaj na płaszczyźnie, by dodać punkty (co najmniej {minimum}); "
            "dane to małe chmury wokół nich. Narysowano: {n}.",
            "en": "Click on the plane to add points (at least {minimum}); the data are "
            "small clouds around them. Drawn: {n}.",
        },
        # ------------------------------------------------------------ explanations
        "explain_heading": {"pl": "Co widać na płaszczyźnie", "en": "What the plane shows"},
        "explain_heatmap": {
            "pl": "<b>Tło</b> to ocena dyskryminatora D(x) w każdym punkcie: zielone – „to "
            "dane” (D blisko 1), fioletowe – „to podróbka” (D blisko 0), białe – D nie "
            "wie (½).",
            "en": "<b>The background</b> is the discriminator's verdict D(x) at every point: "
            "green – “data” (D near 1), purple – “fake” (D near 0), white – D cannot tell "
            "(½).",
        },
        "explain_arrows": {
            "pl": "<b>Strzałki</b> na próbkach G to minus gradient straty G po położeniu "
            "próbki: tam G je przesunie, by D uznał je za dane (w stronę zieleni).",
            "en": "<b>The arrows</b> on G's samples are minus the gradient of G's loss with "
            "respect to the sample's position: where G will move them so that D takes them "
            "for data (towards the green).",
        },
        "explain_manifold": {
            "pl": "<b>Rozmaitość G</b> (szare linie) to regularna siatka szumu z przepuszczona "
            "przez generator: widać, jak G rozciąga i zgina płaszczyznę szumu.",
            "en": "<b>G's manifold</b> (grey lines) is a regular grid of noise z passed "
            "through the generator: it shows how G stretches and folds the noise plane.",
        },
        "explain_losses": {
            "pl": "W równowadze D nie odróżnia danych od próbek: D(x) = ½ wszędzie, więc przy "
            "stracie logarytmicznej strata D = 2 ln 2 ≈ 1,39, a strata G = ln 2 ≈ 0,69 "
            "(kreski na wykresie). Przy LSGAN: ¼ i ⅛.",
            "en": "At the equilibrium D cannot tell data from samples: D(x) = ½ everywhere, "
            "so with the log loss D's loss = 2 ln 2 ≈ 1.39 and G's loss = ln 2 ≈ 0.69 "
            "(the dashes on the chart). With LSGAN: ¼ and ⅛.",
        },
        # ------------------------------------------------------------ errors
        "too_few_points": {
            "pl": "Narysowany rozkład ma {n} {n:@punkt|punkty|punktów}, a potrzeba co "
            "najmniej {minimum}: kliknij na płaszczyźnie, żeby dodać punkty.",
            "en": "The drawn distribution has {n} {n:@point|points}, and at least {minimum} "
            "are needed: click on the plane to add points.",
        },
        "no_steps": {
            "pl": "Obie sieci mają zero kroków treningu, więc nic by się nie uczyło: ustaw "
            "co najmniej jeden krok dyskryminatora albo generatora.",
            "en": "Both networks have zero training steps, so nothing would learn: set at "
            "least one discriminator or generator step.",
        },
        "shared_optimizer": {
            "pl": "Generator i dyskryminator potrzebują dwóch osobnych optymalizatorów: "
            "podaj w compile() dwa różne obiekty, np. dwa keras.optimizers.Adam(...).",
            "en": "The generator and the discriminator need two separate optimizers: pass "
            "two different objects to compile(), e.g. two keras.optimizers.Adam(...).",
        },
        "diverged": {
            "pl": "Straty przestały być liczbami (NaN) po {steps} "
            "{steps:@kroku|krokach|krokach} treningu: współczynnik uczenia jest za duży "
            "(D: {d_lr}, G: {g_lr}). Zmniejsz η i naciśnij „Od nowa”.",
            "en": "The losses stopped being numbers (NaN) after {steps} training "
            "{steps:@step|steps}: the learning rate is too high (D: {d_lr}, G: {g_lr}). "
            "Lower η and press “Reset”.",
        },
        "side_frozen": {
            "pl": "Ta sieć ma 0 kroków na rundę, więc „{side}” nic by nie zmieniło: ustaw "
            "jej kroki na co najmniej 1.",
            "en": "That network has 0 steps per round, so “{side}” would change nothing: "
            "set its steps to at least 1.",
        },
        "not_ready": {
            "pl": "Model jeszcze się ładuje: poczekaj, aż zniknie napis o TensorFlow.",
            "en": "The model is still loading: wait until the TensorFlow line disappears.",
        },
        # ------------------------------------------------------------ exercises
        "exercise_loss_right": {
            "pl": "Dobrze: {value:.3f}. W równowadze D(x) = ½ dla danych i dla próbek G, więc "
            "strata D = −ln ½ − ln ½ = 2 ln 2 ≈ 1,39: tyle, ile pokazuje kreska na wykresie "
            "strat.",
            "en": "Right: {value:.3f}. At the equilibrium D(x) = ½ for the data and for G's "
            "samples, so D's loss = −ln ½ − ln ½ = 2 ln 2 ≈ 1.386: the dashed line of the "
            "loss chart.",
        },
        "exercise_loss_generator": {
            "pl": "Jeszcze nie: ln 2 ≈ 0,693 to strata generatora (−ln D(G(z)) przy D = ½). "
            "Strata D ma dwa składniki: jeden dla danych, drugi dla próbek G.",
            "en": "Not yet: ln 2 ≈ 0.693 is the generator's loss (−ln D(G(z)) with D = ½). "
            "D's loss has two terms: one for the data, one for G's samples.",
        },
        "exercise_loss_wrong": {
            "pl": "Jeszcze nie: Twoja odpowiedź to {value}. W równowadze D(x) = ½ wszędzie; "
            "strata D to −ln D(dane) − ln(1 − D(G(z))).",
            "en": "Not yet: your answer is {value}. At the equilibrium D(x) = ½ everywhere; "
            "D's loss is −ln D(data) − ln(1 − D(G(z))).",
        },
        "exercise_not_a_number": {
            "pl": "Podaj liczbę zamiast {value}.",
            "en": "Give a number instead of {value}.",
        },
        "code_data": {
            "pl": "# Prawdziwe punkty z panelu (ten sam zbiór i to samo ziarno).",
            "en": "# The dashboard's real points (the same set and seed).",
        },
        "code_networks": {
            "pl": "# Sieć generująca: szum z → punkt płaszczyzny; sieć oceniająca: punkt → "
            "logit (D(x) = σ(logit)).",
            "en": "# The generator: noise z → a point of the plane; the discriminator: a "
            "point → a logit (D(x) = σ(logit)).",
        },
        "code_epochs": {
            "pl": "# {steps} {steps:@krok|kroki|kroków} treningu",
            "en": "# {steps} training {steps:@step|steps}",
        },
        "code_plot": {
            "pl": "# Prawdziwe punkty i próbki z generatora.",
            "en": "# The real points and the generator's samples.",
        },
    },
)
