"""Parties named inconsistently: «Исполнитель» defined, «Подрядчик» used; «ООО «Альфа»» vs «ООО «Альфа-Сервис»»."""

from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any, Iterator, Mapping

import regex

from contract_lint import nlp
from contract_lint.matchers.base import Hit
from contract_lint.model import Document, fold
from contract_lint.structure.common import lint_blocks

# The common role pairs, contractor (lessor, seller) side first. Roles that are often third
# parties in someone else's contract (Субподрядчик, Субарендатор, Перевозчик, Агент) are left out.
_CONTRACTOR = ("исполнитель", "подрядчик", "поставщик", "продавец", "арендодатель", "лицензиар",
               "лизингодатель", "наймодатель", "ссудодатель", "комиссионер", "поверенный")
_CUSTOMER = ("заказчик", "покупатель", "арендатор", "лицензиат", "лизингополучатель", "наниматель",
             "ссудополучатель", "комитент", "доверитель")
_ROLES = _CONTRACTOR + _CUSTOMER
_ROLE_WORD = regex.compile(r"(?<![\w-])[А-ЯЁ](?:[а-яё]{5,}|[А-ЯЁ]{5,})(?![\w-])")
_DEFINITION = regex.compile(
    r"(?:именуем[а-я]+\s+(?:в\s+дальнейшем|далее)|\(\s*далее(?:\s+по\s+тексту)?\s*(?:[—–-]|:)?)"
    r"\s*(?:[«\"]\s*)?(?P<role>[А-ЯЁ][а-яё]+)"
)
_FORMS = {
    "общество с ограниченной ответственностью": "ООО",
    "акционерное общество": "АО",
    "публичное акционерное общество": "ПАО",
    "закрытое акционерное общество": "ЗАО",
    "открытое акционерное общество": "ОАО",
}
_COMPANY = regex.compile(
    r"(?P<form>ООО|ПАО|ЗАО|ОАО|АО|НКО|АНО|"
    r"(?:[Пп]убличное\s+|[Зз]акрытое\s+|[Оо]ткрытое\s+)?[Аа]кционерное\s+общество|"
    r"[Оо]бщество\s+с\s+ограниченной\s+ответственностью)\s*"
    r"«(?P<name>[^«»\n]{1,60}(?:«[^«»\n]{1,40}»[^«»\n]{0,20})?)»"
)
_NOT_CORE = regex.compile(r"[^а-яa-z0-9]")
_PREAMBLE_BLOCKS = 6
SCHEMA: dict = {"type": "object", "additionalProperties": False, "properties": {}}


@lru_cache(maxsize=20_000)
def _role(word: str) -> str | None:
    # Called for every capitalised word of the document: the answer depends on the word only.
    lemmas = nlp.lemmas_of(word)
    return next((r for r in _ROLES if r in lemmas), None)


def defined_roles(doc: Document) -> list[str]:
    """Return the party roles the document defines («именуемое в дальнейшем «Исполнитель»»)."""
    roles: list[str] = []
    for block in lint_blocks(doc):
        if "далее" not in block.text and "именуем" not in block.text:
            continue  # what each alternative of _DEFINITION needs
        for m in _DEFINITION.finditer(block.text):
            role = _role(m.group("role"))
            if role and role not in roles:
                roles.append(role)
    return roles


def _expected(role: str, defined: list[str]) -> str:
    side = _CONTRACTOR if role in _CONTRACTOR else _CUSTOMER
    same = [r for r in defined if r in side]
    return (same[0] if len(same) == 1 else " / ".join(defined)).capitalize()


def _role_hits(doc: Document) -> Iterator[Hit]:
    defined = defined_roles(doc)
    if not defined:
        return
    sides = {r in _CONTRACTOR for r in defined}
    for block in lint_blocks(doc):
        for m in _ROLE_WORD.finditer(block.text):
            role = _role(m.group())
            if role is None or role in defined or (role in _CONTRACTOR) not in sides:
                continue  # an undefined role of a side that has no name yet is not a clash
            if block.text.count("«", 0, m.start()) > block.text.count("»", 0, m.start()):
                continue  # inside a quoted title
            values = {"name": m.group().capitalize(), "expected": _expected(role, defined)}
            yield Hit(block.start + m.start(), block.start + m.end(), values)


def _canonical(form: str, name: str) -> str:
    form = _FORMS.get(" ".join(fold(form).split()), form.upper())
    return f"{form} «{' '.join(name.split())}»"


def _companies(doc: Document) -> Iterator[tuple[str, str, int, int, int]]:
    for block in lint_blocks(doc):
        # _COMPANY needs «: and «О» (every abbreviation has one) or «бщество»
        if "«" not in block.text or ("О" not in block.text and "бщество" not in block.text):
            continue
        for m in _COMPANY.finditer(block.text):
            yield (_canonical(m.group("form"), m.group("name")), fold(m.group("name")),
                   block.index, block.start + m.start(), block.start + m.end())


def _similar(a: str, b: str) -> bool:
    if a == b:
        return False
    core_a, core_b = _NOT_CORE.sub("", a), _NOT_CORE.sub("", b)
    if core_a == core_b:
        return True
    if core_a.startswith(core_b) or core_b.startswith(core_a):
        return True
    return SequenceMatcher(None, core_a, core_b).ratio() >= 0.8


def _preamble_end(doc: Document) -> int:
    """Return the index of the first block after the preamble (the first numbered clause)."""
    for block in doc.blocks[:_PREAMBLE_BLOCKS]:
        if block.location.clause is not None:
            return max(block.index, 1)
    return _PREAMBLE_BLOCKS


def _company_hits(doc: Document) -> Iterator[Hit]:
    companies = list(_companies(doc))
    preamble = _preamble_end(doc)
    parties = {c[0]: c[1] for c in companies if c[2] < preamble}
    if not parties:
        return
    for full, name, index, start, end in companies:
        if full in parties:
            continue
        expected = [p for p, n in parties.items() if _similar(n, name) or n == name]
        if expected:
            yield Hit(start, end, {"name": full, "expected": expected[0]})


def check_party_names(doc: Document, options: Mapping[str, Any]) -> list[Hit]:
    """Return undefined party roles of a named side and variants of the parties' names."""
    hits = list(_role_hits(doc)) + list(_company_hits(doc))
    return sorted(hits, key=lambda h: h.start or 0)
