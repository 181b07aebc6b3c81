"""References to annexes that are neither attached nor listed: «в Приложении № 3»."""

from __future__ import annotations

from typing import Any, Iterator, Mapping

import regex

from contract_lint.matchers.base import Hit
from contract_lint.model import Document, fold
from contract_lint.structure.common import folded, lint_blocks

_LIST = r"\d{1,2}(?:\s*(?:,|и|–|—|-)\s*(?:№\s*)?\d{1,2})*"
_REF = regex.compile(
    r"(?<![а-я])(?P<key>приложени[а-я]*|прил\.)\s*(?:№№?\s*|n\s*)?(?P<list>" + _LIST + r")(?![\d.]\d)"
)
_NUMBER = regex.compile(r"\d{1,2}")
# Block starting with the annex caption: «Приложение № 3 к Договору …», «ПРИЛОЖЕНИЕ 3».
_CAPTION = regex.compile(r"^\s*(?:[\d.]+\s*)?приложение\s*(?:№\s*)?(?P<num>\d{1,2})\b")
# «Приложение № 1 — Спецификация», «Приложение № 2: График» — an entry in a list of annexes.
_ENTRY = regex.compile(r"приложени[а-я]*\s*(?:№\s*)?(?P<num>\d{1,2})\s*(?:[—–:]|-\s)\s*[«\"а-я]")
# A clause that lists the annexes: «Неотъемлемой частью Договора являются: …».
_LISTING = regex.compile(r"неотъемлем[а-я]*\s+част|приложени[яй]\s+к\s+(?:настоящему\s+)?договору\s*:|"
                         r"к\s+договору\s+прилага|перечень\s+приложений")
# «Приложение № 2 к Договору поставки № 17», «к Правилам»: another document's annex.
_OTHER_DOC = regex.compile(
    r"\s*к\s+(?!(?:настоящ[а-я]+\s+)?(?:договор|оферт|соглашени|контракт)[а-я]*+\s*+(?:[,.;:)»(]|$|"
    r"(?!поставки|подряда|аренды|займа|№|от\b)[а-я]))"
)
_ANNEX_SECTION = regex.compile(r"^(?:\d+\.?\s*)?приложени[яй]\b")
SCHEMA: dict = {"type": "object", "additionalProperties": False, "properties": {}}


def _numbers(text: str) -> set[str]:
    return {n.lstrip("0") or "0" for n in _NUMBER.findall(text)}


def known_annexes(doc: Document) -> set[str]:
    """Return the numbers of annexes that are attached (a caption) or listed."""
    known: set[str] = set()
    for block in lint_blocks(doc):
        body = fold(block.text)
        if "прил" not in body:
            continue  # _CAPTION, _ENTRY and _REF all need «прил»
        caption = _CAPTION.match(body)
        if caption:
            known.add(caption.group("num").lstrip("0"))
        known.update(m.group("num").lstrip("0") for m in _ENTRY.finditer(body))
        section = fold(block.location.section or "")
        if _LISTING.search(body) or _ANNEX_SECTION.search(section):
            for m in _REF.finditer(body):
                known.update(_numbers(m.group("list")))
    return known


def _refs(body: str, base: int) -> Iterator[tuple[str, int, int]]:
    """Yield (annex number, start, end); the first number's span starts at «Приложени…»."""
    for m in _REF.finditer(body):
        if _OTHER_DOC.match(body, m.end()):
            continue
        for i, n in enumerate(_NUMBER.finditer(m.group("list"))):
            start = base + m.start("list") + n.start()
            yield n.group().lstrip("0"), base + m.start() if i == 0 else start, start + len(n.group())


def check_annex(doc: Document, options: Mapping[str, Any]) -> list[Hit]:
    """Return references to annexes that the document neither attaches nor lists."""
    known = known_annexes(doc)
    text = folded(doc)
    hits: list[Hit] = []
    for block in lint_blocks(doc):
        body = text[block.start:block.end]
        if "прил" not in body:
            continue  # no «приложени…» or «прил.»: no reference
        if _CAPTION.match(body):
            continue  # the caption itself is not a reference
        for number, start, end in _refs(body, block.start):
            if number not in known:
                hits.append(Hit(start, end, {"annex": number}))
    return hits
