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
_YEAR_BEFORE = regex.compile(r"\d{4}\s*$")
_LABEL = regex.compile(r"\s*(?:(?:статья|раздел|глава|пункт|article|section|clause)\s+)?(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6})\s*$", regex.IGNORECASE)
_OPENERS = "«\"(—–-"


def _is_initial(word: str) -> bool:
    return len(word) == 1 and word.isupper()


def _should_split(text: str, end: int, stop: int) -> bool:
    """Decide whether the punctuation ending at `end` (index `stop` of its first char) ends a sentence."""
    rest = text[end:].lstrip()
    if not rest:
        return False  # the block end splits anyway
    nxt = rest[0]
    if text[stop] != ".":
        return True
    if _LABEL.match(text, 0, stop):
        return False  # «5.2. Оплата…», «Статья 5. Предмет»: a clause number, not a sentence
    m = _WORD_BEFORE.search(text, 0, stop)
    word = m.group(1).lower() if m else ""
    if word in ("г", "гг") and _YEAR_BEFORE.search(text, 0, m.start()) and nxt.isupper():
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
