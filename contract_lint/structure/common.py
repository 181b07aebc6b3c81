"""Helpers shared by the structural checks: folded text, sentences, numbers, sections."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Iterator

import regex

from contract_lint.model import Block, Document, fold

#: A number as typed in a contract: «10 000», «0,1», «1.5», «10 000,00».
NUMBER = r"\d{1,3}(?:[ \u00a0]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?"
#: Words in brackets after a number: «(десять тысяч)».
WORDS_IN_BRACKETS = r"\((?P<words>[^()\n]{2,120})\)"
_SENTENCE_END = regex.compile(r"[.!?;](?=\s+[«\"(]?[А-ЯЁA-Z0-9])|\n")
_ANNEX_SECTION = regex.compile(r"^(?:приложение|annex|appendix)\b")


def folded(doc: Document) -> str:
    """Return the document text folded (lower case, ё → е), same length as the text."""
    text = fold(doc.text)
    if len(text) != len(doc.text):
        text = "".join(fold(c)[:1] or c for c in doc.text)
    return text


def to_decimal(digits: str) -> Decimal | None:
    """Return the value of a typed number («10 000,50» → 10000.50)."""
    cleaned = digits.replace(" ", "").replace("\u00a0", "").replace(",", ".")
    try:
        return Decimal(cleaned)
    except InvalidOperation:
        return None


def format_ru(value: Decimal | float, places: int = 2) -> str:
    """Format a number Russian-style: «182,5», «36,5», «365», «18,25»."""
    quantum = Decimal(1).scaleb(-places)
    text = f"{Decimal(str(value)).quantize(quantum):f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", ",")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the span of the sentence around [start, end) inside one block of `text`."""
    left = max(text.rfind("\n", 0, start) + 1, 0)
    for m in _SENTENCE_END.finditer(text, left, start):
        left = m.end()
    right_nl = text.find("\n", end)
    right = len(text) if right_nl < 0 else right_nl
    m = _SENTENCE_END.search(text, end, right)
    if m:
        right = m.end()
    return left, right


def section_of(doc: Document, offset: int) -> str:
    """Return the folded heading of the section holding `offset` ('' when none)."""
    block = doc.block_at(offset)
    return fold(block.location.section or "") if block else ""


def in_annex(doc: Document, offset: int) -> bool:
    """Return True when `offset` lies inside an annex (its own numbering)."""
    return bool(_ANNEX_SECTION.match(section_of(doc, offset)))


@lru_cache(maxsize=256)
def _compiled(patterns: tuple[str, ...]) -> tuple[regex.Pattern[str], ...]:
    # regex.search(str) pays a compile-cache lookup per call; this runs per block.
    return tuple(regex.compile(p) for p in patterns)


def in_sections(doc: Document, offset: int, patterns: list[str] | tuple[str, ...]) -> bool:
    """Return True when the section heading at `offset` matches any regex in `patterns`."""
    heading = section_of(doc, offset)
    return bool(heading) and any(p.search(heading) for p in _compiled(tuple(patterns)))


def lint_blocks(doc: Document) -> Iterator[Block]:
    """Yield the blocks that are contract text (not running heads, not unlinted furniture)."""
    for block in doc.blocks:
        if block.lint and block.kind not in ("header", "footer"):
            yield block
