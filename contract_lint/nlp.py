"""Tokens and lemma sets, per language: a registry of analysers, each loaded once.

A document is analysed once: the whole `Document.text` is tokenized, every word token
gets the set of its normal forms (folded: lower case, ё → е), and the tokens keep
their character offsets into the text so matches stay spans. The analyser comes from
`ANALYSERS[language]` (docs/languages.md): Russian and Ukrainian are spaCy's blank
tokenizer plus pymorphy3, English is spaCy's blank tokenizer plus a small suffix
stripper. Nothing is loaded until a rule needs lemmas in that language.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable

import regex

from contract_lint.model import fold

#: Abbreviations kept as one token (with their dot) so the dot is not a sentence end.
ABBREVIATIONS = (
    "п.", "пп.", "ст.", "ч.", "т.е.", "т.к.", "т.д.", "т.п.", "руб.", "коп.", "дн.", "г.",
    "гг.", "см.", "им.", "д.", "ул.", "стр.", "др.", "прил.", "абз.", "подп.", "тыс.",
    "млн.", "млрд.", "мес.", "р.", "ред.", "сут.", "чел.", "шт.", "обл.", "пр.",
)
#: Ukrainian legal abbreviations on top of the shared ones.
ABBREVIATIONS_UK = ("грн.", "коп.", "ін.", "т.ч.", "розд.", "дод.")
_NUMBER = regex.compile(r"^\d+(?:[.,]\d+)*$")
_CAPS_MAX = 5
_CACHE_LIMIT = 200_000
DEFAULT_LANGUAGE = "ru"

_PUNCT, _NUM, _WORD = 0, 1, 2


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its span in the text, folded surface form and lemma set."""

    start: int
    end: int
    norm: str
    lemmas: frozenset[str]
    kind: int  # _PUNCT, _NUM or _WORD

    @property
    def is_punct(self) -> bool:
        return self.kind == _PUNCT

    @property
    def is_number(self) -> bool:
        return self.kind == _NUM

    @property
    def is_word(self) -> bool:
        return self.kind == _WORD


@dataclass(frozen=True)
class Analyser:
    """A language's tokenizer (spaCy, called on text) and lemma function (surface -> forms)."""

    tokenizer: Any
    lemmas: Callable[[str], frozenset[str]]


def _spacy_tokenizer(language: str, abbreviations: tuple[str, ...]) -> Any:
    import spacy  # heavy: imported only when a rule needs lemmas
    from spacy.symbols import ORTH

    blank = spacy.blank(language)
    for abbr in abbreviations:
        for form in {abbr, abbr[:1].upper() + abbr[1:]}:
            blank.tokenizer.add_special_case(form, [{ORTH: form}])
    return blank.tokenizer


@lru_cache(maxsize=None)
def _pymorphy(language: str) -> Any:
    import pymorphy3
    from pymorphy3 import tagset

    # pymorphy3 shares one Tag class between dictionaries and re-initialises its known
    # grammemes on every load: loading uk after ru made «'Geox' in tag» raise. Keep the union.
    saved = {
        cls: (set(cls.KNOWN_GRAMMEMES or ()), dict(cls._CYR2LAT or {}), dict(cls._LAT2CYR or {}))
        for cls in tagset.registry.values()
    }
    analyzer = pymorphy3.MorphAnalyzer(lang=language)
    for cls, (known, cyr2lat, lat2cyr) in saved.items():
        cls.KNOWN_GRAMMEMES |= known
        cls._CYR2LAT = {**cyr2lat, **cls._CYR2LAT}
        cls._LAT2CYR = {**lat2cyr, **cls._LAT2CYR}
    return analyzer


def _russian() -> Analyser:
    return Analyser(_spacy_tokenizer("ru", ABBREVIATIONS), lambda word: _morph_forms("ru", word))


def _ukrainian() -> Analyser:
    # pymorphy3-dicts-uk is a dependency; spaCy's blank "uk" needs no model.
    return Analyser(_spacy_tokenizer("uk", ABBREVIATIONS + ABBREVIATIONS_UK), lambda word: _morph_forms("uk", word))


def _english() -> Analyser:
    return Analyser(_spacy_tokenizer("en", ()), english_forms)


def _morph_forms(language: str, word: str) -> frozenset[str]:
    return frozenset(fold(p.normal_form) for p in _pymorphy(language).parse(word))


#: language code -> factory of its Analyser (called once, on first use). Add a language
#: here (or from a plugin: `nlp.ANALYSERS["de"] = my_factory`) and name it in pack.yaml.
ANALYSERS: dict[str, Callable[[], Analyser]] = {"ru": _russian, "uk": _ukrainian, "en": _english}
_LOADED: dict[str, Analyser] = {}


def analyser(language: str = DEFAULT_LANGUAGE) -> Analyser:
    """Return the (cached) analyser of `language`; LookupError when none is registered."""
    found = _LOADED.get(language)
    if found is None:
        factory = ANALYSERS.get(language)
        if factory is None:
            known = ", ".join(sorted(ANALYSERS))
            raise LookupError(f'no analyser for language "{language}" (known: {known}; see docs/languages.md)')
        found = _LOADED[language] = factory()
    return found


def tokenizer(language: str = DEFAULT_LANGUAGE) -> Any:
    """Return the spaCy blank tokenizer of `language` with its legal abbreviations added."""
    return analyser(language).tokenizer


def morph(language: str = DEFAULT_LANGUAGE) -> Any:
    """Return the process-wide pymorphy3 analyzer of `language` (ru, uk)."""
    return _pymorphy(language)


#: Irregular English forms the suffix stripper cannot undo.
_EN_IRREGULAR = {
    "paid": "pay", "made": "make", "given": "give", "gave": "give", "done": "do", "did": "do",
    "sent": "send", "held": "hold", "bore": "bear", "borne": "bear", "taken": "take", "took": "take",
    "agreed": "agree", "shall": "shall", "has": "have", "had": "have", "is": "be", "are": "be",
    "was": "be", "were": "be", "been": "be",
}
_VOWELS = frozenset("aeiou")


def english_forms(word: str) -> frozenset[str]:
    """Return the folded word and its plausible bases: plurals, -ed, -ing, -ies, doubled consonants."""
    w = fold(word)
    forms = {w}
    if w in _EN_IRREGULAR:
        forms.add(_EN_IRREGULAR[w])
    for suffix, replacements in (("ies", ("y",)), ("ied", ("y",)), ("es", ("", "e")), ("s", ("",)),
                                 ("ed", ("", "e")), ("ing", ("", "e"))):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3 and not w.endswith("ss"):
            stem = w[: -len(suffix)]
            forms.update(stem + r for r in replacements)
            if suffix in ("ed", "ing") and len(stem) >= 4 and stem[-1] == stem[-2] and stem[-1] not in _VOWELS:
                forms.add(stem[:-1])  # «stopped», «submitting»
    return frozenset(forms)


_LEMMAS: dict[tuple[str, str], frozenset[str]] = {}


def lemmas_of(surface: str, language: str = DEFAULT_LANGUAGE) -> frozenset[str]:
    """Return all folded normal forms of a word in `language` (cached by its folded form)."""
    key = fold(surface)
    found = _LEMMAS.get((language, key))
    if found is not None:
        return found
    letters = [c for c in surface if c.isalpha()]
    if len(letters) <= _CAPS_MAX and letters and all(c.isupper() for c in letters) and len(letters) > 1:
        # Abbreviations (ГК, РФ, ТЗ, SLA) are not words a dictionary knows.
        return frozenset({key})
    found = analyser(language).lemmas(key) or frozenset({key})
    if len(_LEMMAS) > _CACHE_LIMIT:
        _LEMMAS.clear()
    _LEMMAS[(language, key)] = found
    return found


def _kind(text: str) -> int:
    if _NUMBER.match(text):
        return _NUM
    if any(c.isalnum() for c in text):
        return _WORD
    return _PUNCT


_SURFACE: dict[tuple[str, str], tuple[str, frozenset[str], int]] = {}


def make_token(text: str, start: int, language: str = DEFAULT_LANGUAGE) -> Token:
    """Build a Token for `text` found at `start` (analysis cached by surface form)."""
    info = _SURFACE.get((language, text))
    if info is None:
        kind = _kind(text)
        norm = fold(text)
        info = (norm, lemmas_of(text, language) if kind == _WORD else frozenset({norm}), kind)
        if len(_SURFACE) > _CACHE_LIMIT:
            _SURFACE.clear()
        _SURFACE[(language, text)] = info
    return Token(start, start + len(text), info[0], info[1], info[2])


def tokenize(text: str, language: str = DEFAULT_LANGUAGE) -> list[Token]:
    """Tokenize NFC text in `language` into Tokens with offsets into `text` (spaces dropped)."""
    tokens: list[Token] = []
    for t in tokenizer(language)(text):
        if t.is_space:
            continue
        token = make_token(t.text, t.idx, language)
        if tokens and _continues_number(tokens[-1], token, text):
            prev = tokens.pop()
            norm = text[prev.start:token.end]
            token = Token(prev.start, token.end, norm, frozenset({norm}), _NUM)
        tokens.append(token)
    return tokens


_THOUSANDS = regex.compile(r"^\d{1,3}(?: \d{3})*$")


def _continues_number(prev: Token, token: Token, text: str) -> bool:
    """Return True for the «000» of «10 000»: thousands are one number token."""
    return (
        token.kind == _NUM and prev.kind == _NUM and token.start == prev.end + 1
        and text[prev.end] == " " and len(token.norm) == 3 and token.norm.isdigit()
        and bool(_THOUSANDS.match(prev.norm))
    )


def nfc(text: str) -> str:
    """Return `text` in NFC (patterns and documents are compared in that form)."""
    return unicodedata.normalize("NFC", text)
