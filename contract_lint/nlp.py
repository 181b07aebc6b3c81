"""Tokens and lemma sets: spaCy's blank Russian tokenizer plus pymorphy3, each loaded once.

A document is analysed once: the whole `Document.text` is tokenized, every word token
gets the set of all its pymorphy3 normal forms (folded: lower case, ё → е), and the
tokens keep their character offsets into the text so matches stay spans.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import regex

from contract_lint.model import fold

#: Abbreviations kept as one token (with their dot) so the dot is not a sentence end.
ABBREVIATIONS = (
    "п.", "пп.", "ст.", "ч.", "т.е.", "т.к.", "т.д.", "т.п.", "руб.", "коп.", "дн.", "г.",
    "гг.", "см.", "им.", "д.", "ул.", "стр.", "др.", "прил.", "абз.", "подп.", "тыс.",
    "млн.", "млрд.", "мес.", "р.", "ред.", "сут.", "чел.", "шт.", "обл.", "пр.",
)
_NUMBER = regex.compile(r"^\d+(?:[.,]\d+)*$")
_CAPS_MAX = 5
_CACHE_LIMIT = 200_000

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


@lru_cache(maxsize=1)
def tokenizer() -> Any:
    """Return the spaCy blank Russian tokenizer with the legal abbreviations added."""
    import spacy  # heavy: imported only when a rule needs lemmas
    from spacy.symbols import ORTH

    nlp = spacy.blank("ru")
    for abbr in ABBREVIATIONS:
        for form in {abbr, abbr[:1].upper() + abbr[1:]}:
            nlp.tokenizer.add_special_case(form, [{ORTH: form}])
    return nlp.tokenizer


@lru_cache(maxsize=1)
def morph() -> Any:
    """Return the process-wide pymorphy3 analyzer."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


_LEMMAS: dict[str, frozenset[str]] = {}


def lemmas_of(surface: str) -> frozenset[str]:
    """Return all folded normal forms of a word (cached by its folded form)."""
    key = fold(surface)
    found = _LEMMAS.get(key)
    if found is not None:
        return found
    letters = [c for c in surface if c.isalpha()]
    if len(letters) <= _CAPS_MAX and letters and all(c.isupper() for c in letters) and len(letters) > 1:
        # Abbreviations (ГК, РФ, ТЗ, SLA) are not words pymorphy3 knows.
        return frozenset({key})
    found = frozenset(fold(p.normal_form) for p in morph().parse(key)) or frozenset({key})
    if len(_LEMMAS) > _CACHE_LIMIT:
        _LEMMAS.clear()
    _LEMMAS[key] = found
    return found


def _kind(text: str) -> int:
    if _NUMBER.match(text):
        return _NUM
    if any(c.isalnum() for c in text):
        return _WORD
    return _PUNCT


_SURFACE: dict[str, tuple[str, frozenset[str], int]] = {}


def make_token(text: str, start: int) -> Token:
    """Build a Token for `text` found at `start` (analysis cached by surface form)."""
    info = _SURFACE.get(text)
    if info is None:
        kind = _kind(text)
        norm = fold(text)
        info = (norm, lemmas_of(text) if kind == _WORD else frozenset({norm}), kind)
        if len(_SURFACE) > _CACHE_LIMIT:
            _SURFACE.clear()
        _SURFACE[text] = info
    return Token(start, start + len(text), info[0], info[1], info[2])


def tokenize(text: str) -> list[Token]:
    """Tokenize NFC text into Tokens with offsets into `text` (spaces dropped)."""
    tokens: list[Token] = []
    for t in tokenizer()(text):
        if t.is_space:
            continue
        token = make_token(t.text, t.idx)
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
