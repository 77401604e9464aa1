"""Lesson 15's text-preprocessing panel: its words, in Polish and English."""

from __future__ import annotations

from ..i18n import Strings

#: The presets' short sentences (Polish with capital Ż, Ł: the lowercasing trap; the last
#: one longer than the default length, so that truncating shows).
SENTENCES = {
    "pl": "Ala ma kota.\nKot ma Alę!\nŻółw Łukasza je sałatę.\n"
    "Łukasz ma żółwia i kota, a kot Ali nie lubi żółwia Łukasza.",
    "en": "The cat sat on the mat.\nThe dog ate my homework!\nA cat and a dog.\n"
    "My cat likes the dog, but the dog does not like my cat at all.",
}

TEXT = Strings(
    "text_prep",
    {
        "title": {
            "pl": "Tekst → liczby: TextVectorization, pad_sequences, Embedding",
            "en": "Text → numbers: TextVectorization, pad_sequences, Embedding",
        },
        "intro": {
            "pl": "W Kerasie 3 nie ma już <code>Tokenizer</code>: tekst zamienia na liczby "
            "warstwa <code>TextVectorization</code>. Jej <code>adapt</code> buduje słownik "
            "(0 to dopełnienie, 1 to nieznane słowo <code>[UNK]</code>, dalej słowa od "
            "najczęstszego), a wywołanie zamienia każde zdanie na ciąg numerów albo – w "
            "trybach multi-hot, count i tf-idf – na jeden wiersz macierzy (dawne "
            "<code>texts_to_matrix</code>). <code>keras.utils.pad_sequences</code> wyrównuje "
            "ciągi do jednej długości, a <code>Embedding</code> zamienia numery na wektory. "
            "Maska sprawia, że sieć rekurencyjna nie widzi dopełnienia.",
            "en": "Keras 3 has no <code>Tokenizer</code> any more: the "
            "<code>TextVectorization</code> layer turns text into numbers. Its "
            "<code>adapt</code> builds the vocabulary (0 is the padding, 1 the unknown word "
            "<code>[UNK]</code>, then words from the most frequent), and calling it turns "
            "each sentence into a sequence of ids or – in the multi-hot, count and tf-idf "
            "modes – into one row of a matrix (the old <code>texts_to_matrix</code>). "
            "<code>keras.utils.pad_sequences</code> brings the sequences to one length, and "
            "<code>Embedding</code> turns ids into vectors. A mask keeps a recurrent network "
            "from seeing the padding.",
        },
        "help": {
            "pl": "Wpisz zdania (jedno w wierszu) i kliknij poza polem: słownik i ciągi "
            "zmienią się od razu. Limit tokenów liczy też 0 i [UNK]; 100 to bez limitu.",
            "en": "Type sentences (one a line) and click outside the box: the vocabulary and "
            "the sequences change at once. The token limit counts 0 and [UNK] too; 100 means "
            "no limit.",
        },
        "text": {"pl": "zdania", "en": "sentences"},
        "preset": {"pl": "przykład", "en": "example"},
        "preset_sentences": {"pl": "krótkie zdania", "en": "short sentences"},
        "preset_pan_tadeusz": {"pl": "Pan Tadeusz (początek)", "en": "Pan Tadeusz (opening)"},
        "preset_shakespeare": {"pl": "Szekspir (początek)", "en": "Shakespeare (opening)"},
        "mode": {"pl": "tryb (output_mode)", "en": "mode (output_mode)"},
        "ngrams": {"pl": "n-gramy (ngrams)", "en": "n-grams (ngrams)"},
        "max_tokens": {
            "pl": "limit (max_tokens)",
            "en": "limit (max_tokens)",
        },
        "maxlen": {"pl": "długość ciągu (maxlen)", "en": "sequence length (maxlen)"},
        "padding": {"pl": "dopełnienie (padding)", "en": "padding"},
        "truncating": {"pl": "przycinanie (truncating)", "en": "truncating"},
        "lower_note": {
            "pl": "Uwaga: domyślne <code>standardize</code> Kerasa zmienia na małe tylko "
            "litery ASCII – „Żółw” zostałby „Żółw”, a „żółw” byłby innym słowem. Panel "
            "zmienia tekst na małe litery w Pythonie (<code>str.lower()</code>) przed "
            "<code>adapt</code>; polskie litery zostają.",
            "en": "Note: Keras' default <code>standardize</code> lowercases ASCII letters "
            "only – “Żółw” would stay “Żółw” and be another word than “żółw”. The panel "
            "lowercases in Python (<code>str.lower()</code>) before <code>adapt</code>; "
            "Polish letters survive.",
        },
        "vocabulary": {"pl": "Słownik (indeks → token)", "en": "Vocabulary (index → token)"},
        "vocabulary_size": {
            "pl": "{n} {n:@token|tokeny|tokenów} w słowniku (limit: {limit})",
            "en": "{n} {n:@token|tokens} in the vocabulary (limit: {limit})",
        },
        "no_limit": {"pl": "brak", "en": "none"},
        "padding_token": {"pl": "(dopełnienie)", "en": "(padding)"},
        "sequences": {
            "pl": "Ciągi po pad_sequences (szare: dopełnienie 0)",
            "en": "Sequences after pad_sequences (grey: the padding 0)",
        },
        "matrix": {
            "pl": "Macierz {mode} (wiersz: zdanie, kolumna: token słownika)",
            "en": "The {mode} matrix (row: a sentence, column: a vocabulary token)",
        },
        "sentence_no": {"pl": "zdanie", "en": "sentence"},
        "cut": {
            "pl": "{n} {n:@token ucięty|tokeny ucięte|tokenów uciętych}",
            "en": "{n} {n:@token|tokens} cut",
        },
        "embedding_title": {
            "pl": "Embedding ({dim} liczby na token): pasmo na zdanie, kolumna na pozycję"
            "<br>czerwony: liczby ujemne, niebieski: dodatnie",
            "en": "Embedding ({dim} numbers a token): a band a sentence, a column a position"
            "<br>red: negative numbers, blue: positive",
        },
        "masking_title": {"pl": "Maska i sieć rekurencyjna", "en": "Masking and an RNN"},
        "masking": {
            "pl": "Pierwsze zdanie przez ten sam Embedding → SimpleRNN({units}), stan "
            "końcowy:<br>bez dopełnienia {ids}: <b>{unpadded}</b><br>z dopełnieniem "
            "{padded} i maską (<code>mask_zero=True</code>): <b>{masked}</b> {same}<br>z "
            "dopełnieniem bez maski: <b>{unmasked}</b> {differs}",
            "en": "The first sentence through the same Embedding → SimpleRNN({units}), final "
            "state:<br>unpadded {ids}: <b>{unpadded}</b><br>padded {padded} with the mask "
            "(<code>mask_zero=True</code>): <b>{masked}</b> {same}<br>padded without the "
            "mask: <b>{unmasked}</b> {differs}",
        },
        "same": {"pl": "✓ to samo", "en": "✓ the same"},
        "not_same": {"pl": "✗ inne", "en": "✗ different"},
        "differs": {
            "pl": "✗ inne: sieć czyta też zera",
            "en": "✗ different: it reads the zeros too",
        },
        "no_padding": {
            "pl": "(pierwsze zdanie nie ma dopełnienia: skróć je albo zwiększ maxlen)",
            "en": "(the first sentence has no padding: shorten it or raise maxlen)",
        },
        "corpus_missing": {
            "pl": "Nie znaleziono tekstu korpusu; zostają krótkie zdania.",
            "en": "The corpus text was not found; the short sentences stay.",
        },
        "code_lower": {
            "pl": "# Małe litery w Pythonie: domyślne standardize Kerasa zmienia tylko ASCII.",
            "en": "# Lowercase in Python: Keras' default standardize changes ASCII only.",
        },
        "code_sequences": {
            "pl": "# Ciągi numerów bez zer, które Keras dopisał do najdłuższego zdania.",
            "en": "# Sequences of ids without the zeros Keras added up to the longest sentence.",
        },
        "code_embedding": {
            "pl": "# Embedding: numer → wektor; mask_zero=True oznacza 0 jako dopełnienie.",
            "en": "# Embedding: id → vector; mask_zero=True marks 0 as the padding.",
        },
        "code_matrix": {
            "pl": "# Tryb {mode}: jeden wiersz na zdanie (dawne texts_to_matrix).",
            "en": "# The {mode} mode: one row a sentence (the old texts_to_matrix).",
        },
        "check_padded_ok": {
            "pl": "✅ Dobrze! Ciągi mają długość {maxlen}, zera są na końcu, a za długie "
            "zdanie straciło końcówkę.",
            "en": "✅ Correct! The sequences have length {maxlen}, the zeros are at the end, "
            "and the long sentence lost its end.",
        },
        "check_padded_shape": {
            "pl": "❌ Jeszcze nie: oczekiwano tablicy {want} (zdania × długość), a jest {got}.",
            "en": "❌ Not yet: an array of shape {want} (sentences × length) was expected, "
            "got {got}.",
        },
        "check_padded_side": {
            "pl": '❌ Jeszcze nie: zera są na początku ciągów – padding="post" dopisuje je '
            "na końcu.",
            "en": "❌ Not yet: the zeros are at the start of the sequences – "
            'padding="post" puts them at the end.',
        },
        "check_padded_cut": {
            "pl": '❌ Jeszcze nie: długie zdanie straciło początek – truncating="post" '
            "ucina koniec.",
            "en": '❌ Not yet: the long sentence lost its start – truncating="post" cuts the end.',
        },
        "check_padded_wrong": {
            "pl": "❌ Jeszcze nie: numery nie zgadzają się ze słownikiem (czy adapt był na "
            "tych zdaniach, po zmianie na małe litery?). Oczekiwano:",
            "en": "❌ Not yet: the ids do not match the vocabulary (was adapt run on these "
            "sentences, lowercased?). Expected:",
        },
        "check_padded_bad": {
            "pl": "❌ To nie jest tablica liczb całkowitych: {got!r}.",
            "en": "❌ That is not an array of whole numbers: {got!r}.",
        },
    },
)
