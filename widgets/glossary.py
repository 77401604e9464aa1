"""The course's Polish ↔ English terms, and the Polish variants it does not use.

One term per concept, the one said in class (``DESIGN.md``, "The lecture's Polish terms")
and the standard one in Polish textbooks, so a student never meets two names for one
thing, or one name (``krok uczenia``) for two things. ``tests/test_glossary.py`` scans
every Polish string of every string table and every Polish notebook and fails, naming
the place, when a rejected variant appears.

A rejected variant is a regular expression, so it catches the inflected forms too
("funkcji kosztu", "trafnością"). ``allowed_in`` names the places where a rejected
variant is the right word, and ``allowed_near`` a word that makes it right nearby (within
:data:`NEAR` characters before it): ADALINE's textbook notation is "funkcja kosztu J", so
its lesson (05) and its string table keep "koszt", and so does a sentence elsewhere that
speaks of ADALINE ("ADALINE minimalizuje funkcję kosztu").
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Term:
    """A concept: its English and Polish names and the Polish variants not to use."""

    en: str
    pl: str
    rejected: tuple[str, ...] = ()  # regular expressions, matched case-insensitively
    why: str = ""
    allowed_in: tuple[str, ...] = ()  # places ("lessons/pl/05_adaline.ipynb", "adaline")
    allowed_near: str = ""  # a regular expression: allowed when it occurs just before
    case_sensitive: bool = False

    def patterns(self) -> list[re.Pattern[str]]:
        flags = 0 if self.case_sensitive else re.IGNORECASE
        return [re.compile(pattern, flags) for pattern in self.rejected]


GLOSSARY: tuple[Term, ...] = (
    Term(
        "learning rate",
        "współczynnik uczenia (η)",
        (r"\bkrok\w* uczenia\b",),
        why="one name for η in every lesson; lesson 08 also says 'krok uczenia' for a "
        "training step, which is 'krok treningu'",
    ),
    Term(
        "loss, loss function",
        "strata, funkcja straty",
        # "koszt" as the loss; "kosztem" (at the cost of) and "koszt obliczeń" are fine,
        # and "koszt J" / "funkcja kosztu J" is ADALINE's notation wherever it is quoted.
        (r"\bfunkcj\w* kosztu\b(?! J\b)", r"\bkoszt(?:u|y|ów|owi)?\b(?! J\b)(?! oblicze)"),
        why="Keras' loss is 'strata'; 'koszt J' only for ADALINE's textbook notation",
        allowed_in=("lessons/pl/05_adaline.ipynb", "adaline"),
        allowed_near=r"\bADALINE\b",
    ),
    Term("accuracy", "dokładność", (r"\btrafno\w*",), why="the standard term, used in 09"),
    Term(
        "pocket algorithm (Gallant)",
        "algorytm kieszonkowy",
        (r"\bkieszeniow\w*",),
        why="Gallant's pocket algorithm is 'kieszonkowy' in Polish",
    ),
    Term(
        "in Keras",
        "w Kerasie",
        (r"\bw (?:zwykłym |czystym |samym )?Keras\b",),
        why="Keras declines in Polish: 'w Kerasie', 'w zwykłym Kerasie'",
        case_sensitive=True,
    ),
    Term("truth table", "tablica prawdy", (r"\btabel\w* prawdy\b",), why="the logic term"),
    Term(
        "gradient descent",
        "spadek gradientu",
        (r"\bmetod\w* gradientow\w*",),
        why="one name for the method in lessons 05, 06, 08 and the history cards",
    ),
    Term(
        "autoencoder",
        "autoenkoder",
        (r"\bauto-?koder\w*", r"\bauto-enkoder\w*"),
        why="lesson 12's name, as the lecture says it ('autoenkodery')",
    ),
    Term(
        "code space (latent space)",
        "przestrzeń kodów",
        (r"\bprzestrze\w* (?:ukryt|latentn|utajon)\w*",),
        why="one name for the plane of the 2-D codes in lesson 12",
    ),
    Term(
        "restricted Boltzmann machine (RBM)",
        "ograniczona maszyna Boltzmanna (RBM)",
        (r"\bzastrzeżon\w* maszyn\w*", r"\bmaszyn\w* Boltzmana\b"),
        why="lesson 13's name, as the lecture says it; Boltzmann keeps its double n",
    ),
    Term(
        "receptive field",
        "pole recepcyjne",
        (r"\bpol\w* receptywn\w*", r"\bpol\w* odbiorcz\w*"),
        why="the physiology term lesson 13 borrows for a hidden unit's weights as an image",
    ),
    Term(
        "contrastive divergence (CD-k)",
        "kontrastywna dywergencja (CD-k)",
        (r"\bkontrastow\w* dywergencj\w*", r"\bdywergencj\w* kontrast\w*"),
        why="one name for Hinton's learning rule in lesson 13",
    ),
    Term(
        "persistent CD (PCD)",
        "trwała CD (PCD)",
        (r"\bpersystentn\w*", r"\buporczyw\w* (?:CD|dywergencj)"),
        why="lesson 13's name for the chains carried on between updates",
    ),
    Term(
        "Gibbs sampling",
        "próbkowanie Gibbsa",
        (r"\bsamplowani\w*",),
        why="'próbkowanie' is the Polish word for sampling, in lesson 13 and elsewhere",
    ),
    Term(
        "free energy",
        "energia swobodna",
        (r"\bwoln\w* energi\w*", r"\benergi\w* woln\w*"),
        why="the physics term (Helmholtz's 'energia swobodna') lesson 13 uses",
    ),
    Term(
        "clamp (visible units held fixed)",
        "zablokować (zablokowane piksele)",
        (r"\bunieruchom\w*", r"\bzaciśni\w* piksel\w*"),
        why="one word in lesson 13's dashboard, its model's messages and its notebook",
    ),
    Term(
        "bars and stripes",
        "paski poziome i pionowe (bars and stripes)",
        (r"\bpas\w* i pręg\w*",),
        why="lesson 13's exact 4×4 case; 'pręgi' is no term of the field",
    ),
    Term(
        "partition function Z",
        "funkcja podziału Z",
        (r"\bfunkcj\w* partycj\w*",),
        why="the normalising sum of an energy model, as Polish physics texts name it",
    ),
    Term(
        "generator (of a GAN)",
        "sieć generująca (generator)",
        (r"\bgeneratywn\w* sie\w*",),
        why="the lecture's name for G (DESIGN.md); 'generator' alone is fine",
    ),
    Term(
        "discriminator (of a GAN)",
        "sieć oceniająca (dyskryminator)",
        (r"\bdyskryminant\w*", r"\bsie\w* dyskryminacyjn\w*"),
        why="the lecture says 'sieć oceniająca (dyskryminująca)'; 'dyskryminator' for D",
    ),
    Term(
        "zero-sum game",
        "gra o sumie zerowej",
        (r"\bgr\w* o zerowej sumie\b",),
        why="the lecture's wording",
    ),
    Term(
        "mode collapse",
        "załamanie mod (mode collapse)",
        (r"\bkolaps\w* mod\w*", r"\bzapaść\w* mod\w*"),
        why="one Polish name for the failure in lesson 14 (DESIGN.md)",
    ),
    Term(
        "Deep Belief Network (DBN)",
        "głęboka sieć przekonań (DBN)",
        # The English name may be glossed once in parentheses: "(ang. Deep Belief Networks)".
        (r"(?<!\()(?<!ang\. )\bDeep Belief Net",),
        why="no English in Polish text, except a gloss in parentheses",
        case_sensitive=True,
    ),
    Term(
        "dense layer",
        "warstwa gęsta",
        (r"\bwarstw\w* gęsto połączon\w*",),
        why="lesson 15's name for Dense, as the cheat sheet's family is called",
    ),
    Term(
        "convolutional layer",
        "warstwa konwolucyjna",
        (r"\bwarstw\w* konwolucji\b", r"\bwarstw\w* splotow\w*"),
        why="the adjective of 'sieć konwolucyjna'; 'splot' stays the operation's name",
    ),
    Term(
        "pooling",
        "łączenie (pooling)",
        (r"\bpodpróbkowani\w*",),
        why="one name for the pooling layers in lesson 15",
    ),
    Term(
        "stride",
        "krok (stride)",
        (r"\bskok\w* (?:filtra|jądra|okna)\b",),
        why="lessons 10 and 15 say 'krok' for the window's step",
    ),
    Term(
        "padding",
        "dopełnienie (padding)",
        (r"\bwyściół\w*", r"\bwypełnieni\w* zerami\b"),
        why="lessons 10 and 15 say 'dopełnienie' for the zeros around the input",
    ),
    Term(
        "dilation",
        "rozszerzenie (dilation)",
        (r"\bdylatacj\w*",),
        why="lesson 15's name for the gaps in a dilated kernel",
    ),
    Term(
        "transposed convolution",
        "konwolucja transponowana",
        (r"\bdekonwolucj\w*",),
        why="a transposed convolution does not undo a convolution: 'dekonwolucja' misleads",
    ),
    Term(
        "batch normalisation",
        "normalizacja wsadowa",
        (r"\bnormalizacj\w* (?:partii|paczk\w*|batchow\w*)",),
        why="the standard Polish name of BatchNormalization",
    ),
    Term(
        "dropout",
        "porzucanie (dropout)",
        (r"\bodrzucani\w* (?:neuron|jednost)\w*",),
        why="lesson 15's name; 'losowe wyłączanie neuronów' stays as its explanation",
    ),
    Term(
        "vocabulary (TextVectorization)",
        "słownik (vocabulary)",
        (r"\bwokabular\w*",),
        why="lesson 15's preprocessing: the list of tokens adapt() finds",
    ),
    Term(
        "truncating (pad_sequences), cropping (Cropping2D)",
        "przycinanie (truncating, cropping)",
        (r"\bobcinani\w* (?:ciąg|sekwencj)\w*",),
        why="lesson 15 cuts sequences and images with one word",
    ),
    Term(
        "data augmentation",
        "augmentacja danych",
        (r"\bpowiększani\w* (?:danych|zbioru)\b",),
        why="lesson 15's preprocessing: random changes of the images, not more data",
    ),
    Term(
        "transfer learning",
        "uczenie transferowe (transfer learning)",
        (r"\btransfer\w* wiedzy\b", r"\bprzenoszeni\w* (?:wiedzy|uczenia)\b"),
        why="lesson 16's name, as Polish courses say it",
    ),
    Term(
        "fine-tuning",
        "dostrajanie (fine-tuning)",
        # The English word may be glossed once: "(fine-tuning)" or "(*fine-tuning*)".
        (r"(?<![(*])\bfine-?tun\w*", r"\bstrojeni\w*"),
        why="lesson 16's Polish word; the English one only as a gloss in parentheses",
    ),
    Term(
        "frozen weights (trainable = False)",
        "zamrożone wagi",
        (r"\bzablokowan\w* wag\w*", r"\bzamarznięt\w*"),
        why="lesson 16's word; 'zablokować' is lesson 13's clamping of visible units",
    ),
    Term(
        "pretrained model",
        "model wytrenowany",
        (r"\bpretrenowan\w*", r"\bwstępnie (?:wy)?trenowan\w*"),
        why="lesson 16's title; 'przetrenowanie' is overfitting, never this",
    ),
)


NEAR = 200  # characters: about a sentence


def rejected_terms(text: str, place: str) -> list[str]:
    """Each rejected variant found in ``text`` at ``place`` (a notebook path or a string
    table's name), as ``'found' (use 'preferred')``."""
    found = []
    for term in GLOSSARY:
        if place in term.allowed_in:
            continue
        for pattern in term.patterns():
            for match in pattern.finditer(text):
                before = text[max(0, match.start() - NEAR) : match.start()]
                if term.allowed_near and re.search(term.allowed_near, before):
                    continue
                found.append(f"{match.group(0)!r} (use {term.pl!r})")
    return found
