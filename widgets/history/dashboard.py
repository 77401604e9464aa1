"""Lesson 01 dashboard: the history of neural networks as an interactive timeline.

Markers on a year axis (a plotly FigureWidget: click one) and a Dropdown with ◀ ▶ buttons
(for the keyboard) select an event; a card tells its story in a few sentences and links
to the lesson that covers it. The 1943 card runs a real Keras McCulloch-Pitts neuron
(:mod:`widgets.models.mcculloch_pitts`, also ``dashboard.model``) and shows its AND truth
table.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path

import ipywidgets
import numpy as np
import plotly.graph_objects as go

from ..errors import StudentError
from ..figures import shapes
from ..figures.light import LightFigureWidget
from ..figures.live import updating
from ..figures.style import FIRE, LINE, base_layout
from ..figures.tables import truth_table_html
from ..i18n import Strings, check_language
from ..lessons import lesson_title
from ..ui import Dashboard, shows_errors


@dataclass(frozen=True)
class Event:
    """One milestone: its year, its key in :data:`TEXT` and the stem of its lesson."""

    year: int
    key: str
    lesson: str


EVENTS: tuple[Event, ...] = (
    Event(1943, "mcp", "02_mcculloch_pitts"),
    Event(1949, "hebb", "03_hebb"),
    Event(1957, "perceptron", "04_perceptron"),
    Event(1960, "adaline", "05_adaline"),
    Event(1969, "minsky", "07_playground"),
    Event(1986, "backprop", "07_playground"),
    Event(1989, "cnn", "10_cnn"),
    Event(1997, "lstm", "11_rnn"),
    Event(2006, "dbn", "13_rbm"),
    Event(2012, "alexnet", "16_pretrained"),
    Event(2014, "gan", "14_gan"),
    Event(2015, "keras", "09_keras_mnist"),
)

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
        "event": {"pl": "wydarzenie", "en": "event"},
        "previous": {"pl": "poprzednie wydarzenie", "en": "previous event"},
        "next": {"pl": "następne wydarzenie", "en": "next event"},
        "year_axis": {"pl": "rok", "en": "year"},
        "lesson_link": {"pl": "→ Lekcja {title}", "en": "→ Lesson {title}"},
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
        "table_sum": {"pl": "Σ wᵢxᵢ", "en": "Σ wᵢxᵢ"},
        "table_out": {"pl": "y", "en": "y"},
        "unknown_event": {
            "pl": "Nie ma wydarzenia z roku {year}; lata na osi: {years}.",
            "en": "There is no event in {year}; the years on the timeline: {years}.",
        },
        # Events: a short label for the axis, a title and a card of 2-4 sentences ---------
        "mcp_label": {"pl": "neuron MCP", "en": "MCP neuron"},
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
        "hebb_label": {"pl": "reguła Hebba", "en": "Hebb's rule"},
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
        "perceptron_label": {"pl": "perceptron", "en": "perceptron"},
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
        "adaline_label": {"pl": "ADALINE", "en": "ADALINE"},
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
        "minsky_label": {"pl": "krytyka: XOR", "en": "critique: XOR"},
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
        "backprop_label": {"pl": "propagacja wsteczna", "en": "backpropagation"},
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
        "cnn_label": {"pl": "sieci konwolucyjne", "en": "convolutional nets"},
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
        "lstm_label": {"pl": "LSTM", "en": "LSTM"},
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
        "dbn_label": {"pl": "głębokie sieci przekonań", "en": "deep belief nets"},
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
        "alexnet_label": {"pl": "AlexNet", "en": "AlexNet"},
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
        "gan_label": {"pl": "GAN", "en": "GAN"},
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
        "keras_label": {"pl": "Keras i TensorFlow", "en": "Keras & TensorFlow"},
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

# Trace indexes of the timeline figure.
AXIS, STEMS, MARKERS = range(3)
LEVELS = (1.0, -1.0, 2.0, -2.0)  # heights of the markers, so that neighbours' labels don't clash
SIZE, SELECTED_SIZE = 16, 26
COLOUR, SELECTED_COLOUR = "#1f77b4", FIRE
YEARS = (1938, 2020)


def event_index(year: int) -> int:
    """The position of the event of ``year`` in :data:`EVENTS`."""
    for i, event in enumerate(EVENTS):
        if event.year == year:
            return i
    raise KeyError(year)


def card_html(index: int, lang: str, folder: Path | None = None, extra: str = "") -> str:
    """The card of event ``index``: year, title, story and a link to its lesson.

    The link is relative (``04_perceptron.ipynb``), so it works in Voilà and JupyterLab in
    either language folder; when ``folder`` (default: the working directory) lacks that
    notebook, the lesson is named without a link, as on the index page.
    """
    t = TEXT.for_language(check_language(lang))
    event = EVENTS[index]
    folder = Path.cwd() if folder is None else folder
    number = event.lesson.split("_")[0]
    title = html.escape(f"{number}: {lesson_title(event.lesson, lang)}")
    if (folder / f"{event.lesson}.ipynb").exists():
        link = (
            f"<a class='dl-lesson-link' href='{event.lesson}.ipynb' "
            f"style='font-size:16px'>{t('lesson_link', title=title)}</a>"
        )
    else:
        link = f"<span style='color:#888'>{t('lesson_coming', title=title)}</span>"
    return (
        "<div class='dl-history-card' style='border:1px solid #ccc;border-left:6px solid "
        f"{SELECTED_COLOUR};border-radius:6px;padding:10px 16px;max-width:900px'>"
        f"<div style='font-size:30px;font-weight:bold;color:{SELECTED_COLOUR}'>{event.year}</div>"
        f"<div style='font-size:20px;font-weight:bold;margin:2px 0 6px'>"
        f"{html.escape(t(f'{event.key}_title'))}</div>"
        f"<p style='font-size:16px;line-height:1.45'>{html.escape(t(f'{event.key}_card'))}</p>"
        f"{extra}<p>{link}</p></div>"
    )


def timeline_figure(lang: str) -> go.FigureWidget:
    """The timeline: a year axis, a stem and a labelled marker per event."""
    t = TEXT.for_language(check_language(lang))
    years = [e.year for e in EVENTS]
    levels = [LEVELS[i % len(LEVELS)] for i in range(len(EVENTS))]
    stems_x, stems_y = [], []
    for year, level in zip(years, levels, strict=True):
        stems_x += [year, year, None]
        stems_y += [0, level, None]
    labels = [f"<b>{e.year}</b><br>{t(f'{e.key}_label')}" for e in EVENTS]
    return LightFigureWidget(
        data=[
            go.Scatter(
                x=list(YEARS),
                y=[0, 0],
                mode="lines",
                line={"color": LINE, "width": 3},
                hoverinfo="skip",
            ),
            go.Scatter(
                x=stems_x,
                y=stems_y,
                mode="lines",
                line={"color": "#aaaaaa", "width": 1},
                hoverinfo="skip",
            ),
            go.Scatter(
                x=years,
                y=levels,
                mode="markers+text",
                text=labels,
                textposition=["top center" if v > 0 else "bottom center" for v in levels],
                textfont={"size": 13},
                hovertext=[t(f"{e.key}_title") for e in EVENTS],
                hoverinfo="text",
                marker={
                    "size": [SIZE] * len(EVENTS),
                    "color": [COLOUR] * len(EVENTS),
                    "line": {"width": 2, "color": "white"},
                },
            ),
        ],
        layout=base_layout(
            xaxis={
                "title": t("year_axis"),
                "range": list(YEARS),
                "dtick": 10,
                "showgrid": False,
                "fixedrange": True,
            },
            yaxis={"visible": False, "range": [-3.6, 3.6], "fixedrange": True},
            height=330,
            width=1000,
            margin={"l": 20, "r": 20, "t": 10, "b": 45},
            hovermode="closest",
            dragmode=False,
        ),
    )


class HistoryDashboard(Dashboard):
    """The timeline, a Dropdown with ◀ ▶ buttons and the card of the chosen event."""

    def __init__(self, lang: str = "pl", year: int = 1943, folder: Path | None = None):
        super().__init__(lang)
        t = self._t = TEXT.for_language(lang)
        self._folder = folder

        # Controls
        self._event = ipywidgets.Dropdown(
            options=[(f"{e.year} · {t(f'{e.key}_title')}", i) for i, e in enumerate(EVENTS)],
            value=event_index(year),
            description=t("event"),
            layout=ipywidgets.Layout(width="560px"),
        )
        self._previous = ipywidgets.Button(
            icon="chevron-left", tooltip=t("previous"), layout=ipywidgets.Layout(width="48px")
        )
        self._next = ipywidgets.Button(
            icon="chevron-right", tooltip=t("next"), layout=ipywidgets.Layout(width="48px")
        )

        # Outputs
        self.timeline = timeline_figure(lang)
        self._card = ipywidgets.HTML()
        self._card.add_class("dl-history-card-box")

        # Layout
        self.children = [
            ipywidgets.HTML(f"<h2>{t('title')}</h2><p style='max-width:1000px'>{t('intro')}</p>"),
            self._error,
            self.timeline,
            ipywidgets.HBox([self._previous, self._event, self._next]),
            self._card,
        ]

        # Events
        self.timeline.data[MARKERS].on_click(self._on_marker_click)
        self._event.observe(self._on_event_change, names="value")
        self._previous.on_click(self._on_previous_click)
        self._next.on_click(self._on_next_click)
        self._show_event()
        self._start_model_loading()

    # Public API (for notebook cells and tests) --------------------------------------------
    @property
    def selected(self) -> Event:
        """The event whose card is shown."""
        return EVENTS[self._event.value]

    @shows_errors
    def select_year(self, year: int) -> None:
        """Show the card of the event of ``year``; an unknown year gets a message."""
        try:
            index = event_index(year)
        except KeyError:
            years = ", ".join(str(e.year) for e in EVENTS)
            raise StudentError("history.unknown_event", year=year, years=years) from None
        self._event.value = index

    @property
    def card_text(self) -> str:
        """The card's HTML (for tests)."""
        return self._card.value

    # Model --------------------------------------------------------------------------------
    def _build_model(self, keras) -> None:
        from ..models.mcculloch_pitts import build_mcp_model, set_parameters

        model = build_mcp_model(2)
        set_parameters(model, [1.0, 1.0], 2.0)  # w1 = w2 = 1, θ = 2: AND
        self.model = model
        self._show_event()

    def mcp_truth_table(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Rows, sums and outputs of the 1943 card's neuron, computed by Keras."""
        from ..models.mcculloch_pitts import truth_table

        return truth_table(self.model)

    # Events -------------------------------------------------------------------------------
    @shows_errors
    def _on_marker_click(self, trace, points, state) -> None:
        if points.point_inds:
            self._event.value = int(points.point_inds[0])

    @shows_errors
    def _on_event_change(self, change) -> None:
        self.clear_error()
        self._show_event()

    @shows_errors
    def _on_previous_click(self, button) -> None:
        self._event.value = (self._event.value - 1) % len(EVENTS)

    @shows_errors
    def _on_next_click(self, button) -> None:
        self._event.value = (self._event.value + 1) % len(EVENTS)

    # Drawing ------------------------------------------------------------------------------
    def _show_event(self) -> None:
        index = self._event.value
        # The timeline first: its message then reaches the page before the card's HTML.
        # The highlight is a red disc under the marker (and its label): plotly.js redraws a
        # shape alone, while new per-marker sizes and colours make it recompute the figure.
        event = EVENTS[index]
        disc = shapes.ring(
            event.year, LEVELS[index % len(LEVELS)], SELECTED_SIZE / 2, "white", 2, "selected",
            fillcolor=SELECTED_COLOUR,
        )  # fmt: skip
        disc[0]["layer"] = "below"
        with updating(self.timeline):
            self.timeline.layout.shapes = disc
        extra = self._mcp_html() if EVENTS[index].key == "mcp" else ""
        self._card.value = card_html(index, self.lang, self._folder, extra)

    def _mcp_html(self) -> str:
        if self.model is None:
            return f"<p style='font-size:15px'>{self._t('mcp_loading')}</p>"
        rows, sums, outputs = self.mcp_truth_table()
        table = truth_table_html(
            rows, sums, outputs, ["x1", "x2", self._t("table_sum"), self._t("table_out")]
        )
        return (
            f"<div class='dl-mcp-live'><p style='font-size:15px'>{self._t('mcp_live')}</p>"
            f"{table}</div>"
        )
