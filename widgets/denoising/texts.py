"""Lesson 12 (denoising and PCA) words, in Polish and English (see :mod:`widgets.i18n`)."""

from __future__ import annotations

from ..i18n import Strings

TEXT = Strings(
    "denoising",
    {
        "title": {
            "pl": "Autoenkoder odszumiający i PCA",
            "en": "The denoising autoencoder, and PCA",
        },
        "intro": {
            "pl": "Autoenkoder uczy się oddawać swoje wejście. <b>Autoenkoder odszumiający</b> "
            "dostaje w czasie uczenia obraz z szumem, a ma oddać obraz czysty: żeby to "
            "umieć, musi się nauczyć, jak wygląda cyfra. Poniżej dwa autoenkodery tej samej "
            "wielkości (784 → 256 → 32 → 256 → 784): zwykły i odszumiający, na tych samych "
            "zaszumionych cyfrach. Niżej: liniowy autoenkoder z kodem 2 i PCA-2.",
            "en": "An autoencoder learns to give back its input. A <b>denoising "
            "autoencoder</b> is shown a noisy image while it trains and must give back the "
            "clean one: to do that it has to learn what a digit looks like. Below, two "
            "autoencoders of the same size (784 → 256 → 32 → 256 → 784), a plain one and a "
            "denoising one, on the same noisy digits. Further down: a linear autoencoder "
            "with a 2-number code, and PCA-2.",
        },
        # ---------------------------------------------------------- plain vs denoising
        "denoise_heading": {
            "pl": "Zwykły autoenkoder a odszumiający",
            "en": "Plain vs denoising autoencoder",
        },
        "denoise_help": {
            "pl": "▶ Ucz trenuje oba modele na przemian, po jednej epoce. Krzywe: błąd (MSE) "
            "na <b>zaszumionych</b> cyfrach testowych względem czystych. Linia przerywana to "
            "błąd samego szumu: model, który tylko przepisuje wejście, ma dokładnie tyle. "
            "Suwak szumu zmienia szum cyfr poniżej od razu, bez uczenia od nowa.",
            "en": "▶ Train trains both models in turns, one epoch each. The curves: the error "
            "(MSE) on <b>noisy</b> test digits against the clean ones. The dashed line is "
            "the error of the noise itself: a model that only copies its input scores "
            "exactly that. The noise slider re-noises the digits below at once, with no "
            "retraining.",
        },
        "test_sigma": {
            "pl": "szum cyfr σ",
            "en": "noise on digits σ",
        },
        "train_sigma": {
            "pl": "szum w uczeniu σ",
            "en": "training noise σ",
        },
        "train_sigma_help": {
            "pl": "Szum dodawany w czasie uczenia autoenkodera odszumiającego (zwykły uczy "
            "się na czystych cyfrach). Zmiana zaczyna uczenie od nowa.",
            "en": "The noise added while the denoising autoencoder trains (the plain one "
            "trains on clean digits). Changing it starts training again.",
        },
        "images": {
            "pl": "obrazy uczące",
            "en": "training images",
        },
        "epochs": {
            "pl": "epoki",
            "en": "epochs",
        },
        "learning_rate": {
            "pl": "współczynnik uczenia η",
            "en": "learning rate η",
        },
        "play": {
            "pl": "Ucz",
            "en": "Train",
        },
        "stop": {
            "pl": "Stop",
            "en": "Stop",
        },
        "reset": {
            "pl": "Od nowa",
            "en": "Start again",
        },
        "plain": {
            "pl": "zwykły AE",
            "en": "plain AE",
        },
        "denoising": {
            "pl": "odszumiający AE",
            "en": "denoising AE",
        },
        "noisy_line": {
            "pl": "sam szum (σ = {sigma:.2f}): {mse:.3f}",
            "en": "the noise itself (σ = {sigma:.2f}): {mse:.3f}",
        },
        "curves_title": {
            "pl": "MSE na zaszumionych cyfrach testowych (σ = {sigma:.2f}) względem czystych",
            "en": "MSE on noisy test digits (σ = {sigma:.2f}) against the clean ones",
        },
        "epoch_axis": {
            "pl": "epoka",
            "en": "epoch",
        },
        "mse_axis": {
            "pl": "MSE",
            "en": "MSE",
        },
        "row_clean": {
            "pl": "czyste",
            "en": "clean",
        },
        "row_noisy": {
            "pl": "z szumem σ = {sigma:.2f} · MSE {mse:.3f}",
            "en": "noisy σ = {sigma:.2f} · MSE {mse:.3f}",
        },
        "row_model": {
            "pl": "{name}, {epochs} ep. · MSE {mse:.3f}",
            "en": "{name}, {epochs} ep. · MSE {mse:.3f}",
        },
        "strip_title": {
            "pl": "Te same cyfry testowe: czyste, z szumem i odtworzone przez oba modele",
            "en": "The same test digits: clean, noisy, and as both models give them back",
        },
        "ready": {
            "pl": "Gotowe: {n} {n:@obraz uczący|obrazy uczące|obrazów uczących}, szum uczący "
            "σ = {sigma:.2f}, η = {rate:.2g}. Naciśnij ▶ Ucz.",
            "en": "Ready: {n} training {n:@image|images}, training noise σ = {sigma:.2f}, "
            "η = {rate:.2g}. Press ▶ Train.",
        },
        "compiling": {
            "pl": "Przygotowuję uczenie ({name})…",
            "en": "Preparing the training ({name})…",
        },
        "training": {
            "pl": "Uczę: {name}, epoka {epoch} z {total}, partia {batch} z {batches}",
            "en": "Training: {name}, epoch {epoch} of {total}, batch {batch} of {batches}",
        },
        "summary": {
            "pl": "Po {epochs} epokach, MSE na zaszumionych cyfrach: zwykły {plain:.3f}, "
            "odszumiający {denoising:.3f}, sam szum {noisy:.3f}.",
            "en": "After {epochs} epochs, MSE on the noisy digits: plain {plain:.3f}, "
            "denoising {denoising:.3f}, the noise itself {noisy:.3f}.",
        },
        "stopped": {
            "pl": "Zatrzymano. ▶ Ucz uczy dalej od tego miejsca.",
            "en": "Stopped. ▶ Train carries on from here.",
        },
        "diverged": {
            "pl": "Strata modelu {names} przestała być liczbą (NaN): współczynnik uczenia "
            "η = {rate} jest za duży. Zmniejsz go – uczenie zacznie się od nowa.",
            "en": "The loss of the {names} stopped being a number (NaN): the learning rate "
            "η = {rate} is too large. Lower it – training starts again.",
        },
        # ---------------------------------------------------------------- linear = PCA
        "linear_heading": {
            "pl": "Liniowy autoenkoder = PCA (Baldi i Hornik, 1989)",
            "en": "A linear autoencoder = PCA (Baldi & Hornik, 1989)",
        },
        "linear_help": {
            "pl": "Autoenkoder bez warstw ukrytych i bez funkcji aktywacji (784 → 2 → 784) "
            "uczony na MSE znajduje tę samą płaszczyznę co PCA-2 (analiza składowych "
            "głównych, dwie pierwsze składowe), więc ma ten sam błąd rekonstrukcji. Jego "
            "dwie osie kodu nie muszą jednak być składowymi głównymi: to ta sama "
            "płaszczyzna, ale obrócona i przeskalowana – dlatego oba wykresy przedstawiają "
            "te same chmury cyfr, tylko obrócone i rozciągnięte. Nieliniowy autoenkoder z "
            "warstwami ukrytymi może zrobić więcej.",
            "en": "An autoencoder with no hidden layers and no activation functions "
            "(784 → 2 → 784), trained on MSE, finds the same plane as PCA-2 (principal "
            "component analysis, the first two components), so it has the same "
            "reconstruction error. Its two code axes need not be the principal components, "
            "though: it is the same plane rotated and scaled – which is why both plots show "
            "the same clouds of digits, only turned and stretched. A non-linear autoencoder "
            "with hidden layers can do more.",
        },
        "linear_train": {
            "pl": "Ucz liniowy AE i porównaj z PCA",
            "en": "Train the linear AE and compare with PCA",
        },
        "linear_ready": {
            "pl": "PCA-2 policzone: MSE na cyfrach testowych {pca:.4f}. Naciśnij przycisk, "
            "by nauczyć liniowy autoenkoder ({epochs} epok).",
            "en": "PCA-2 computed: test MSE {pca:.4f}. Press the button to train the linear "
            "autoencoder ({epochs} epochs).",
        },
        "linear_training": {
            "pl": "Uczę liniowy autoenkoder: epoka {epoch} z {total}…",
            "en": "Training the linear autoencoder: epoch {epoch} of {total}…",
        },
        "linear_result": {
            "pl": "MSE na cyfrach testowych: PCA-2 {pca:.4f}, liniowy autoenkoder {ae:.4f} "
            "({difference:+.1f}% względem PCA) po {epochs} epokach.",
            "en": "Test MSE: PCA-2 {pca:.4f}, linear autoencoder {ae:.4f} "
            "({difference:+.1f}% against PCA) after {epochs} epochs.",
        },
        "pca_title": {
            "pl": "PCA-2: kody cyfr testowych",
            "en": "PCA-2: codes of the test digits",
        },
        "linear_title": {
            "pl": "Liniowy autoenkoder: kody cyfr testowych",
            "en": "Linear autoencoder: codes of the test digits",
        },
        "code_1": {
            "pl": "kod 1",
            "en": "code 1",
        },
        "code_2": {
            "pl": "kod 2",
            "en": "code 2",
        },
        "digit": {
            "pl": "cyfra {label}",
            "en": "digit {label}",
        },
        "row_original": {
            "pl": "oryginał",
            "en": "original",
        },
        "row_pca": {
            "pl": "PCA-2 · MSE {mse:.4f}",
            "en": "PCA-2 · MSE {mse:.4f}",
        },
        "row_linear": {
            "pl": "liniowy AE · MSE {mse:.4f}",
            "en": "linear AE · MSE {mse:.4f}",
        },
        "row_linear_untrained": {
            "pl": "liniowy AE (jeszcze nie uczony)",
            "en": "linear AE (not trained yet)",
        },
        "recon_title": {
            "pl": "Rekonstrukcje: oryginał, PCA-2, liniowy autoenkoder",
            "en": "Reconstructions: original, PCA-2, linear autoencoder",
        },
        "linear_diverged": {
            "pl": "Strata liniowego autoenkodera przestała być liczbą (NaN); spróbuj jeszcze "
            "raz przyciskiem.",
            "en": "The linear autoencoder's loss stopped being a number (NaN); try again "
            "with the button.",
        },
        # ------------------------------------------------------------------- exercises
        "check_pca_passed": {
            "pl": "✅ Dobrze! MSE rekonstrukcji PCA-2 na cyfrach testowych to {want:.5f}.",
            "en": "✅ Correct! PCA-2's reconstruction MSE on the test digits is {want:.5f}.",
        },
        "check_pca_failed": {
            "pl": "❌ Jeszcze nie: {got} to nie MSE rekonstrukcji PCA-2 na cyfrach testowych. "
            "Sprawdź: średnia ze zbioru uczącego odjęta od obu zbiorów, dwie pierwsze "
            "składowe z SVD zbioru uczącego, rekonstrukcja = kody · składowe + średnia, MSE "
            "uśrednione po obrazach i pikselach.",
            "en": "❌ Not yet: {got} is not PCA-2's reconstruction MSE on the test digits. "
            "Check: the training set's mean subtracted from both sets, the first two "
            "components from the SVD of the training set, reconstruction = codes · "
            "components + mean, MSE averaged over images and pixels.",
        },
        "check_pca_close": {
            "pl": "Blisko ({got}), ale to nie to: może średnia albo składowe policzone na "
            "zbiorze testowym zamiast uczącego?",
            "en": "Close ({got}), but not it: perhaps the mean or the components come from "
            "the test set instead of the training set?",
        },
        "code_data": {
            "pl": "# {images} obrazów uczących i 2000 testowych; testowe także z szumem "
            "σ = {sigma}.",
            "en": "# {images} training images and 2000 test ones; the test ones also with "
            "noise σ = {sigma}.",
        },
        "code_models": {
            "pl": "# Dwa autoenkodery tej samej wielkości; odszumiający dostaje zaszumione "
            "wejście (tylko w czasie uczenia), a odtwarza czysty obraz.",
            "en": "# Two autoencoders of the same size; the denoising one gets a noisy input "
            "(only while training) and reconstructs the clean image.",
        },
        "code_linear": {
            "pl": "# Liniowy autoenkoder z kodem z dwóch liczb obok PCA-2 (Baldi i Hornik 1989).",
            "en": "# The linear autoencoder with a 2-number code beside PCA-2 (Baldi and "
            "Hornik 1989).",
        },
    },
)
