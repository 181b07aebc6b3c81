"""References to clauses of this document that do not exist: «в соответствии с п. 5.7».

References to laws and other documents («п. 1 ст. 310 ГК РФ», «п. 3 Приложения № 2»,
«п. 4.2 Договора поставки № 17») are not checked; neither are references inside annexes,
which number their own clauses.
"""

from __future__ import annotations

from typing import Any, Iterator, Mapping

import regex

from contract_lint.matchers.base import Hit
from contract_lint.model import Document
from contract_lint.structure.common import folded, in_annex, lint_blocks

_NUM = r"\d{1,3}(?:\.\d{1,3}){0,5}"
# «п. 5 и 10 дней»: a number followed by a unit is not the next item of the list.
_UNIT = r"(?:\(|%|дн|рабоч|календ|банк|процент|руб|коп|месяц|лет|год|час|минут|недел|раз\b|экз|шт|тыс|млн)"
_SEP = r"\s*(?:,|и|или|–|—|-|по)\s*"
_REF = regex.compile(
    r"(?<![а-я])(?P<key>п\.\s*п\.|пп\.|п\.|подп\.|подпункт[а-я]*|пункт[а-я]*|раздел[а-я]*|разд\.|"
    r"ст\.|стать[а-я]*)\s*(?:№\s*)?(?P<list>" + _NUM + r"\.?(?:" + _SEP + _NUM + r"\.?" + r"(?!\s*" + _UNIT + r"))*)"
)
_ITEM = regex.compile(_NUM)
_THIS = r"(?:настоящ[а-я]+\s+)?(?:договор|соглашени|оферт|контракт)[а-я]*"
# What after the number shows another document: a law, an annex, another contract.
_EXTERNAL_AFTER = regex.compile(
    r"\s*,?\s*(?:настоящ[а-я]+\s+(?:стать|пункт|раздел|глав|приложени|спецификаци|регламент)|"
    r"(?:п\.|пп\.|пункт[а-я]*|подп\.|подпункт[а-я]*|абз\.)\s*\d+(?:\.\d+)*\s*,?\s*(?:ст\.|стать)|"
    r"ст\.|стать|ч\.|част[а-я]*\s+\d|абз|гк\b|нк\b|тк\b|апк\b|гпк\b|коап\b|ук\b|"
    r"[а-я]*\s*кодекс|закон|федеральн|постановлени|приказ|указ[а-я]*\s|положени|правил|"
    r"регламент|инструкци|приложени|спецификаци|техническ[а-я]+\s+задани|тз\b|заказ|заявк|"
    r"устав|протокол|акт[а-я]*\b|счет|гост|сп\b|снип|дополнительн[а-я]+\s+соглашени|"
    r"(?:лицензионн|рамочн|основн|генеральн)[а-я]+\s+договор|"
    r"договор[а-я]*\s+(?!\s*[,.;:)»])(?!(?:[а-яa-z]+\s+)?(?:в\b|на\b|и\b|не\b|с\b|к\b|по\b|об?\b|"
    r"за\b|до\b|при\b|от\s+имени|стороны|заказчик|исполнител|сторон|если|либо|или|а\b|но\b|"
    r"обязан|вправе|несет|должн)))"
)
_EXTERNAL_TAIL = regex.compile(r"\s*(?:настоящего\s+)?(?:" + _THIS + r")\b")
_ARTICLE = regex.compile(r"^(?:ст\.|стать)")
SCHEMA: dict = {"type": "object", "additionalProperties": False, "properties": {}}


def known_numbers(doc: Document) -> frozenset[str]:
    """Return the clause numbers of the document and the section numbers above them."""
    numbers = {c.rstrip(".") for c in doc.clause_numbers()}
    for clause in list(numbers):
        dot = clause.find(".")
        while dot >= 0:  # «5.2.1» adds «5» and «5.2»
            numbers.add(clause[:dot])
            dot = clause.find(".", dot + 1)
    return frozenset(numbers)


def _items(m: regex.Match[str], base: int) -> Iterator[tuple[str, int, int]]:
    """Yield (number, start, end) for each number in a reference list."""
    for item in _ITEM.finditer(m.group("list")):
        start = base + m.start("list") + item.start()
        yield item.group().rstrip("."), start, start + len(item.group())


def _external(m: regex.Match[str], body: str) -> bool:
    after = body[m.end():m.end() + 80]
    if _EXTERNAL_AFTER.match(after):
        return True
    if _ARTICLE.match(m.group("key")):
        return not _EXTERNAL_TAIL.match(after)  # «ст. 5 настоящего Договора» only
    return False


def _consistent(number: str, first: str) -> bool:
    """Keep list items of the same shape as the first («п. 5 и 10 дней» is not «п. 10»)."""
    return number.count(".") == first.count(".") or "." in first and "." in number


def check_xref(doc: Document, options: Mapping[str, Any]) -> list[Hit]:
    """Return references to clauses or sections that the document does not have."""
    known = known_numbers(doc)
    if not known:
        return []
    text = folded(doc)
    hits: list[Hit] = []
    for block in lint_blocks(doc):
        body = text[block.start:block.end]
        annex: bool | None = None  # asked only of blocks with a reference: few have one
        for m in _REF.finditer(body):
            if annex is None:
                annex = in_annex(doc, block.start)
            if annex:
                break
            if _external(m, body):
                continue
            items = list(_items(m, block.start))
            for i, (number, start, end) in enumerate(items):
                if number in known or not _consistent(number, items[0][0]):
                    continue
                if i == 0:
                    start = block.start + m.start()
                hits.append(Hit(start, end, {"ref": number}))
    return hits
