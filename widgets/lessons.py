"""The course plan: every lesson's file name and title in both languages, and the index page.

The index notebook shows this plan; lessons whose notebook exists link to it (opened in
Voilà when the index is viewed in Voilà), the others are marked as coming.
"""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets

from .figures.style import style_tag
from .i18n import LANGUAGES, Strings, check_language

# (file stem, Polish title, English title), in lecture order; the stems are shared by
# lessons/pl and lessons/en.
PLAN = [
    ("01_history", "Historia: od neuronu MCP do GAN-ów", "History: from the MCP neuron to GANs"),
    ("02_mcculloch_pitts", "Neuron McCullocha-Pittsa (1943)", "The McCulloch-Pitts neuron (1943)"),
    ("03_hebb", "Reguła Hebba (1949)", "Hebb's rule (1949)"),
    ("04_perceptron", "Perceptron Rosenblatta (1957)", "Rosenblatt's perceptron (1957)"),
    ("05_adaline", "ADALINE kontra perceptron (1960)", "ADALINE against the perceptron (1960)"),
    (
        "06_activations",
        "Funkcje aktywacji i pojedynczy neuron",
        "Activation functions and a single neuron",
    ),
    ("07_playground", "Schemat sieci: plac zabaw", "The network schema: a playground"),
    ("08_deep_vs_shallow", "Sieci głębokie kontra płytkie", "Deep against shallow networks"),
    ("09_keras_mnist", "Keras krok po kroku na MNIST", "The Keras workflow on MNIST"),
    ("10_cnn", "Sieci konwolucyjne (CNN)", "Convolutional networks (CNN)"),
    ("11_rnn", "Sieci rekurencyjne i LSTM", "Recurrent networks and LSTM"),
    ("12_autoencoders", "Autoenkodery", "Autoencoders"),
    ("13_rbm", "Ograniczone maszyny Boltzmanna (RBM)", "Restricted Boltzmann machines (RBM)"),
    ("14_gan", "Sieci GAN", "Generative adversarial networks (GAN)"),
    (
        "15_keras_layers",
        "Warstwy i przetwarzanie wstępne w Kerasie",
        "Keras layers and preprocessing",
    ),
    ("16_pretrained", "Modele wytrenowane", "Pretrained models"),
]


TEXT = Strings(
    "lessons",
    {
        "title": {
            "pl": "Sieci neuronowe: lekcje interaktywne",
            "en": "Neural networks: interactive lessons",
        },
        "intro": {
            "pl": "Każda lekcja to panel z prawdziwym modelem Keras/TensorFlow: przesuń suwak "
            "i zobacz, jak model odpowiada.",
            "en": "Each lesson is a dashboard backed by a real Keras/TensorFlow model: move a "
            "slider and watch the model respond.",
        },
        "coming": {
            "pl": "wkrótce",
            "en": "coming soon",
        },
        "other_language": {
            "pl": "English version →",
            "en": "Wersja polska →",
        },
    },
)


def lesson_title(stem: str, lang: str) -> str:
    """The title of the lesson with this file stem."""
    index = LANGUAGES.index(check_language(lang))
    for entry in PLAN:
        if entry[0] == stem:
            return entry[1 + index]
    raise KeyError(stem)


def index_html(lang: str, folder: Path | None = None) -> str:
    """The course plan as HTML; ``folder`` (default: the working directory) holds the lessons."""
    t = TEXT.for_language(lang)
    folder = Path.cwd() if folder is None else folder
    other = next(code for code in LANGUAGES if code != lang)
    items = []
    for stem, *_ in PLAN:
        title = html.escape(lesson_title(stem, lang))
        number = stem.split("_")[0]
        if (folder / f"{stem}.ipynb").exists():
            items.append(f"<li><a class='dl-link' href='{stem}.ipynb'>{number}. {title}</a></li>")
        else:
            items.append(f"<li class='dl-muted-colour'>{number}. {title} ({t('coming')})</li>")
    return (
        f"{style_tag()}<div class='dl-index'><h1>{t('title')}</h1>"
        f"<p>{t('intro')}</p><ol class='dl-plain-list'>{''.join(items)}</ol>"
        f"<p><a class='dl-other-language dl-link' href='../{other}/00_index.ipynb'>"
        f"{t('other_language')}</a></p></div>"
    )


def lesson_index(lang: str, folder: Path | None = None) -> ipywidgets.HTML:
    """The index as a widget: its links open in the same tab (an HTML *output* is
    sanitised by JupyterLab's renderer, which gives every link target="_blank")."""
    index = ipywidgets.HTML(index_html(lang, folder))
    index.add_class("dl-index-widget")
    return index
