"""Amounts and periods whose digits and words disagree: «10 000 (десять тысяч пятьсот) рублей»."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache
from typing import Any, Mapping

import regex

from contract_lint.matchers.base import Hit
from contract_lint.model import Document
from contract_lint.structure.common import NUMBER, folded, lint_blocks, to_decimal
from contract_lint.structure.numwords import leading_number_words, parse_number

_AMOUNT = regex.compile(
    r"(?<![\d.,/\-№])(?P<digits>" + NUMBER + r")\s*\((?P<words>[^()\n]{2,160})\)"
)
# What may follow the number words inside the brackets: a unit, kopecks, nothing else.
_TAIL = regex.compile(
    r"^[\s,.]*(?:(?:рубл|руб\.|коп|дол|евро|юан|процент|%|дн|календарн|рабоч|банковск|месяц|"
    r"недел|час|минут|лет|год|штук|шт\.|экземпляр)[а-я.]*[\s,.]*|\d{1,2}\s*)*$"
)
SCHEMA: dict = {"type": "object", "additionalProperties": False, "properties": {}}


def check_amount_words(doc: Document, options: Mapping[str, Any]) -> list[Hit]:
    """Return amounts/periods whose bracketed words name another number than the digits."""
    text = folded(doc)
    hits: list[Hit] = []
    for block in lint_blocks(doc):
        body = text[block.start:block.end]
        if "(" not in body:
            continue  # _AMOUNT needs the bracket of the words
        for m in _AMOUNT.finditer(body):
            hit = _compare(m, block.start, doc.text)
            if hit is not None:
                hits.append(hit)
    return hits


@lru_cache(maxsize=4096)
def _spelled(text: str) -> Decimal | None:
    """Return the number the bracketed words name, None when they are not just a number."""
    # Cached: the same few bracketed amounts recur across clauses and documents.
    words, tail = leading_number_words(text)
    if not words or not _TAIL.match(tail):
        return None  # «(НДС)», «(включая НДС 20%)»: not a number in words
    return parse_number(words)


def _compare(m: regex.Match[str], base: int, original: str) -> Hit | None:
    spelled = _spelled(m.group("words"))
    digits = to_decimal(m.group("digits"))
    if spelled is None or digits is None:
        return None
    if spelled == digits or (spelled == spelled.to_integral_value() and int(digits) == spelled):
        return None  # «10 000,00 (десять тысяч) рублей 00 копеек»: kopecks are given apart
    start, end = base + m.start(), base + m.end()
    values = {
        "digits": original[base + m.start("digits"):base + m.end("digits")],
        "words": original[base + m.start("words"):base + m.start("words") + len(m.group("words"))]
        .strip(),
        "words_value": _plain(spelled),
    }
    return Hit(start, end, values)


def _plain(value: object) -> str:
    """Format a number the Russian way: «350 000», «0,5»."""
    text = f"{value:f}" if hasattr(value, "is_finite") else str(value)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    whole, _, fraction = text.partition(".")
    if len(whole.lstrip("-")) > 4:
        whole = f"{int(whole):,}".replace(",", " ")
    return whole + ("," + fraction if fraction else "")
