"""Periods counted in days that say neither working, calendar nor banking days.

«в течение 10 дней», «не позднее 5 (пяти) дней с момента», «30 дн.». Skipped when the
document defines «день»/«дни» once (ГК РФ ст. 191–193 then need no guessing).
"""

from __future__ import annotations

from typing import Any, Mapping

import regex

from contract_lint.matchers.base import Hit
from contract_lint.model import Document
from contract_lint.structure.common import folded, lint_blocks
from contract_lint.structure.numwords import parse_integer

_LEAD = (
    r"(?:(?:в\s+течение|не\s+позднее|не\s+позже|не\s+ранее|не\s+менее|не\s+более|"
    r"в\s+срок(?:\s+не\s+(?:более|позднее))?|по\s+истечении|через|за|в\s+пределах|до)\s+)?"
)
_TYPED_DAYS = r"(?:рабоч|календарн|банковск|операционн)"
_PERIOD = regex.compile(
    r"(?<![\d.,])(?P<lead>" + _LEAD + r")(?P<number>\d{1,4})(?:-(?:ти|ми|ех|х|и))?"
    r"(?:\s*\((?P<words>[^()\n]{2,60})\))?"
    r"(?P<adj>(?:\s+(?!дн)[а-я]+(?:ых|их|ый|ий|ого|его))?)"
    r"\s*(?P<unit>дн(?:ей|я|и)\b|день\b|дн\.|-?дневн[а-я]*)"
)
# A period written only in words: «не позднее трёх дней», «в течение пяти дней». A deadline
# word is required (a bare «два дня» is too often narrative); the number must parse.
_WORDS_PERIOD = regex.compile(
    r"(?<![\w)])(?P<lead>(?:в\s+течение|не\s+позднее|не\s+позже|не\s+ранее|не\s+менее|не\s+более|"
    r"в\s+срок(?:\s+не\s+(?:более|позднее))?|по\s+истечении|через|за|в\s+пределах)\s+)"
    r"(?P<words>[а-я]+(?:\s+[а-я]+){0,2}?)(?:\s*\(\s*\d{1,4}\s*\))?"
    r"(?P<adj>(?:\s+(?!дн)[а-я]+(?:ых|их|ый|ий|ого|его))?)"
    r"\s+(?P<unit>дн(?:ей|я|и)\b|день\b|дн\.)"
)
# «в пятидневный срок», «в десятидневный срок с даты…»: the number fused into the adjective.
_COMPOUND_DAYS = {"одно": 1, "двух": 2, "трех": 3, "четырех": 4, "пяти": 5, "шести": 6, "семи": 7,
                  "восьми": 8, "девяти": 9, "десяти": 10, "четырнадцати": 14, "пятнадцати": 15,
                  "двадцати": 20, "тридцати": 30, "сорокапяти": 45, "шестидесяти": 60, "девяноста": 90}
_COMPOUND_PERIOD = regex.compile(
    r"(?<![\w-])(?P<stem>" + "|".join(sorted(_COMPOUND_DAYS, key=len, reverse=True)) + r")"
    r"(?P<unit>дневн[а-я]*)(?=\s+срок)"
)
_TYPED = regex.compile(_TYPED_DAYS)
# Every unit _PERIOD, _WORDS_PERIOD and _COMPOUND_PERIOD accept, as they test it.
_ANY_UNIT = regex.compile(r"дн(?:ей|я|и)\b|день\b|дн\.|дневн")
_AFTER_TYPED = regex.compile(r"\s*\(?\s*" + _TYPED_DAYS)
_TYPED_TERM = regex.compile(r"\s+срок[а-я]*\s+(?:в\s+)?" + _TYPED_DAYS)
# Not a deadline: «365 дней в году», «число дней», an age or a count of days in a formula.
_NOT_A_PERIOD = regex.compile(r"\s*(?:в\s+(?:году|месяце)|в\s+календарном\s+году)")
# «Под днями понимаются рабочие дни», «"День" — рабочий день», «сроки исчисляются в рабочих днях».
# Only "is there a match" matters, so the alternatives are searched one by one (a search for
# the whole alternation tries every alternative at every position and is ~3x slower), and
# each starts with a literal where it can: «(?:все\s+)?сроки» finds a match where «сроки»
# does, «(?:^|[^а-я])дни» where «(?<![а-я])дни» does, and «(?:^|\n)…» is a match at 0 or a
# search for «\n…».
_DAYS_LINE = r"(?:[\d.]+\s*)?[«\"]?(?:день|дни|дней)[»\"]?\s*(?:[—–-]|означа|-\s)[^.\n]{0,60}?" + _TYPED_DAYS
_DAYS_AT_START = regex.compile(_DAYS_LINE)
_DEFINES_DAYS = tuple(regex.compile(p) for p in (
    r"под\s+(?:«|\")?(?:днями|днем|дн\.)(?:»|\")?[^.\n]{0,80}?понима[а-я]*[^.\n]{0,40}?" + _TYPED_DAYS,
    r"\n" + _DAYS_LINE,
    r"сроки[^.\n]{0,80}?(?:исчисля|указан|установлен|определ)[а-я]*[^.\n]{0,40}?"
    r"в\s+(?:рабочих|календарных|банковских)\s+днях",
    r"сроки,?\s+(?:указанные|установленные)\s+в\s+днях[^.\n]{0,60}?" + _TYPED_DAYS,
    r"(?<![а-я])дни\s+(?:в\s+настоящем\s+договоре\s+)?(?:означают|понимаются)[^.\n]{0,40}?" + _TYPED_DAYS,
))
SCHEMA: dict = {"type": "object", "additionalProperties": False, "properties": {}}


def defines_days(doc: Document) -> bool:
    """Return True when the document says once what its «дни» are."""
    return _defines_days(folded(doc))


def _defines_days(text: str) -> bool:
    return bool(_DAYS_AT_START.match(text)) or any(p.search(text) for p in _DEFINES_DAYS)


def _typed(m: regex.Match[str], body: str) -> bool:
    inside = (m.group("words") or "") + m.group("adj")
    if _TYPED.search(inside):
        return True
    return bool(_AFTER_TYPED.match(body, m.end()))


def _word_periods(body: str, base: int) -> list[Hit]:
    """Return untyped periods whose number is written only in words («в течение пяти дней»)."""
    hits: list[Hit] = []
    for m in _WORDS_PERIOD.finditer(body):
        if _typed(m, body) or _NOT_A_PERIOD.match(body, m.end()):
            continue
        value = parse_integer(m.group("words").split())
        if value is None or value <= 0:
            continue
        values = {"number": str(value), "unit": m.group("unit")}
        hits.append(Hit(base + m.start(), base + m.end(), values))
    return hits


def _compound_periods(body: str, base: int) -> list[Hit]:
    """Return «в пятидневный срок»-style periods (never typed: the adjective has no room for it)."""
    hits: list[Hit] = []
    for m in _COMPOUND_PERIOD.finditer(body):
        if _AFTER_TYPED.match(body, m.end()) or _TYPED_TERM.match(body, m.end()):
            continue
        values = {"number": str(_COMPOUND_DAYS[m.group("stem")]), "unit": m.group("unit")}
        hits.append(Hit(base + m.start(), base + m.end(), values))
    return hits


def check_period(doc: Document, options: Mapping[str, Any]) -> list[Hit]:
    """Return periods in days with no working/calendar/banking qualifier."""
    text = folded(doc)
    if _defines_days(text):
        return []
    hits: list[Hit] = []
    for block in lint_blocks(doc):
        body = text[block.start:block.end]
        if "дн" not in body and "день" not in body or not _ANY_UNIT.search(body):
            continue  # no unit that any of the three patterns accepts («одного», «позднее»)
        for m in _PERIOD.finditer(body):
            if _typed(m, body) or _NOT_A_PERIOD.match(body, m.end()):
                continue
            if m.group("adj").strip() and not m.group("lead"):
                continue  # «10 последних дней» without a deadline word: too loose to judge
            values = {"number": m.group("number"), "unit": m.group("unit").lstrip("-")}
            hits.append(Hit(block.start + m.start(), block.start + m.end(), values))
        hits.extend(_word_periods(body, block.start))
        hits.extend(_compound_periods(body, block.start))
    return sorted(hits, key=lambda h: h.start or 0)
