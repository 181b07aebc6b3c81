"""The language of a document (ru / uk / en) and which packs run on it.

Detection is deliberately simple and deterministic: Cyrillic against Latin letters
decides Cyrillic or English (a third of Cyrillic is enough: bilingual contracts are
Russian first); among Cyrillic texts, letters only Ukrainian has
(і ї є ґ) and frequent Ukrainian words outweigh letters only Russian has (ы э ъ ё)
and frequent Russian words. Too little text to tell gives the default, Russian.
"""

from __future__ import annotations

from typing import Iterable

import regex

#: Languages a document can be detected as; the first is the default.
LANGUAGES = ("ru", "uk", "en")
DEFAULT = "ru"
#: `language: any` in pack.yaml: the pack runs on documents of every language.
ANY = "any"
AUTO = "auto"
CHOICES = (AUTO,) + LANGUAGES

#: Fewer letters than this: no evidence, the default language.
MIN_LETTERS = 20
#: A text with at least this share of Cyrillic letters is Cyrillic (ru/uk): bilingual
#: Russian-English contracts (two columns) are linted by the Russian pack, not the English one.
CYRILLIC_MIN_SHARE = 1 / 3
#: Enough text to decide; longer documents are sampled (start, middle, end).
SAMPLE_CHARS = 60_000

# Runs, not single letters: summing run lengths is several times faster than a match per letter.
_CYRILLIC = regex.compile(r"\p{Script=Cyrillic}+")
_LATIN = regex.compile(r"\p{Script=Latin}+")
_UK_LETTERS = regex.compile(r"[іїєґ]")
_RU_LETTERS = regex.compile(r"[ыэъё]")
_WORD = regex.compile(r"\p{L}+(?:['’]\p{L}+)?")
# Frequent function words found in one language and not the other.
_UK_WORDS = frozenset("і та що це як від щодо або також якщо протягом який яка які цього".split())
_RU_WORDS = frozenset("и что это как от или также если течение который которая которые этого".split())
# One word counts as much as this many distinctive letters.
_WORD_WEIGHT = 3


def sample(text: str, size: int = SAMPLE_CHARS) -> str:
    """Return `text`, or its start, middle and end when it is longer than `size`."""
    if len(text) <= size:
        return text
    third = size // 3
    middle = len(text) // 2
    return text[:third] + " " + text[middle - third // 2: middle + third // 2] + " " + text[-third:]


def detect(text: str) -> str:
    """Return "ru", "uk" or "en" for `text` (the default when there is too little to tell)."""
    text = sample(text).lower()
    cyrillic = sum(map(len, _CYRILLIC.findall(text)))
    latin = sum(map(len, _LATIN.findall(text)))
    if cyrillic + latin < MIN_LETTERS:
        return DEFAULT
    if cyrillic < CYRILLIC_MIN_SHARE * (cyrillic + latin):
        return "en"
    words = _WORD.findall(text)
    return "uk" if _ukrainian_score(text, words) > _russian_score(text, words) else "ru"


def _ukrainian_score(text: str, words: list[str]) -> int:
    return len(_UK_LETTERS.findall(text)) + _WORD_WEIGHT * sum(1 for w in words if w in _UK_WORDS)


def _russian_score(text: str, words: list[str]) -> int:
    return len(_RU_LETTERS.findall(text)) + _WORD_WEIGHT * sum(1 for w in words if w in _RU_WORDS)


def resolve(forced: str | None, texts: Iterable[str]) -> str:
    """Return the forced language, or the one detected in `texts` when `forced` is auto/None."""
    if forced and forced != AUTO:
        return forced
    return detect("\n".join(texts))


def runs_on(pack_language: str, document_language: str) -> bool:
    """Return True when a pack of `pack_language` applies to a document of `document_language`."""
    return pack_language in (ANY, document_language)
