"""A rule-based sentence splitter that knows Russian legal abbreviations.

Never splits inside «п. 5.2», «ст. 330 ГК РФ», «0,1%», «10.11.2025» or initials
«И.И. Иванов»; every block boundary is a sentence boundary.
"""

from __future__ import annotations

from typing import Iterable

import regex

from contract_lint.model import Block

# Abbreviations after which a sentence never ends («п. 5», «г. Москва», «ст. 330»).
_NEVER_FINAL = frozenset(
    "п пп ст ч т.е т.к г гг см им д ул стр прил абз подп тыс млн млрд р ред обл пр".split()
    # English: «e.g. the», «Sec. 4», «Art. 3», «No. 2», «Mr. Smith»
    + "e.g i.e no nos sec art para cl mr mrs ms dr vs approx incl ref fig".split()
)
# Abbreviations that may end a sentence: split only before a capitalised word.
_MAYBE_FINAL = frozenset("руб коп дн т.д т.п др мес сут чел шт etc inc ltd co corp llc".split())

_CANDIDATE = regex.compile(r"[.!?…]+[»\")]*(?=\s+|$)")
_WORD_BEFORE = regex.compile(r"(\w+(?:\.\w+)*)$")
# The same match, but only where a search from 0 would start it: not inside a word and not
# right after «x.»; the look-behind sees text left of a search window, so a window is exact.
_WORD_START = regex.compile(r"(?<!\w)(?<!\w\.)(\w+(?:\.\w+)*)$")
_YEAR_BEFORE = regex.compile(r"\d{4}\s*$")
_LABEL = regex.compile(r"\s*(?:(?:статья|раздел|глава|пункт|article|section|clause)\s+)?(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6})\s*$", regex.IGNORECASE)
_OPENERS = "«\"(—–-"
_SPACES = regex.compile(r"\s*")
# Look-behind windows: the word or year before a full stop is searched in the last few
# characters only, not across the whole block (the search would try every position).
_WORD_WINDOW = 64
_YEAR_WINDOW = 32


def _is_initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()


def _word_before(text: str, stop: int) -> regex.Match[str] | None:
    """Return the `_WORD_BEFORE` match ending at `stop`, as a search from 0 would find it."""
    lo = max(0, stop - _WORD_WINDOW)
    m = _WORD_START.search(text, lo, stop)
    if m is None and lo and _WORD_BEFORE.search(text, stop - 2, stop):
        m = _WORD_START.search(text, 0, stop)  # a word (or «____») longer than the window
    return m


def _year_before(text: str, end: int) -> bool:
    """Return True when four digits and only spaces precede `end`."""
    lo = max(0, end - _YEAR_WINDOW)
    if _YEAR_BEFORE.search(text, lo, end):
        return True
    # A year left of the window would leave nothing but spaces after `lo + 4`.
    return bool(lo) and bool(_SPACES.fullmatch(text, lo + 4, end)) and bool(_YEAR_BEFORE.search(text, 0, end))


def _should_split(text: str, end: int, stop: int) -> bool:
    """Decide whether the punctuation ending at `end` (index `stop` of its first char) ends a sentence."""
    size = len(text)
    i = end
    while i < size and text[i].isspace():
        i += 1  # the same spaces as text[end:].lstrip(), without copying the rest of the block
    if i == size:
        return False  # the block end splits anyway
    nxt = text[i]
    if text[stop] != ".":
        return True
    if _LABEL.match(text, 0, stop):
        return False  # «5.2. Оплата…», «Статья 5. Предмет»: a clause number, not a sentence
    m = _word_before(text, stop)
    word = m.group(1).lower() if m else ""
    if word in ("г", "гг") and m and _year_before(text, m.start()) and nxt.isupper():
        return True  # «… 10.11.2025 г. Подписал»: a year, not a city, precedes
    if word in _NEVER_FINAL or (m and _is_initial(m.group(1).split(".")[-1])):
        return False
    starts_upper = nxt.isupper() or nxt in _OPENERS or nxt.isdigit()
    if word in _MAYBE_FINAL:
        return nxt.isupper()
    return starts_upper


def split_text(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Return sentence spans of `text`, shifted by `offset`, stripped of outer spaces."""
    spans: list[tuple[int, int]] = []
    begin = 0
    for m in _CANDIDATE.finditer(text):
        if _should_split(text, m.end(), m.start()):
            spans.append((begin, m.end()))
            begin = m.end()
    spans.append((begin, len(text)))
    result = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            result.append((a + offset, b + offset))
    return result


def split_blocks(blocks: Iterable[Block]) -> list[tuple[int, int]]:
    """Return the sentence spans of every block, in document order."""
    spans: list[tuple[int, int]] = []
    for block in blocks:
        spans.extend(split_text(block.text, block.start))
    return spans
