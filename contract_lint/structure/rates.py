"""Penalty rates charged per period: «0,1% от суммы за каждый день просрочки».

Each hit carries the rate as written, the period and the yearly equivalent
(«0,5% за день ≈ 182,5% годовых»), formatted Russian-style.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any, Mapping

import regex

from contract_lint.matchers.base import Hit
from contract_lint.model import Document
from contract_lint.structure.common import folded, format_ru, lint_blocks, sentence_bounds, to_decimal
from contract_lint.structure.numwords import words_to_number

_RATE = (
    r"(?P<rate>\d+(?:[.,]\d+)?)\s*(?:\((?P<words>[^()\n]{2,80})\)\s*)?"
    r"(?:%|процент(?:а|ов|ам|ами|ах)?\b)"
)
_PERIOD = (
    r"(?:за\s+каждые\s+(?:полные\s+)?сутки|"
    r"за\s+каждую\s+(?:полную\s+)?(?P<week1>неделю)|"
    r"за\s+каждый\s+(?:(?:полный|полные)\s+)?(?:(?P<kind>календарный|рабочий|банковский)\s+)?"
    r"(?P<unit>день|месяц|час)|"
    r"в\s+(?P<unit2>день|сутки|неделю|месяц)\b"
    # «в день подписания» is a date, not a rate period
    r"(?=\s*(?:[,.;)]|$|от\b|за\b|до\b|с\b|при\b|на\b|в\s+случае|просрочк|задержк))"
    r"|ежедневно|еженедельно|ежемесячно)"
)
# Between the rate and its period: the base of the penalty, no sentence end, no other rate.
_GAP = r"(?:(?![.;!?](?:\s|$))(?!\d+(?:[.,]\d+)?\s*%)[^\n]){0,160}?"
_FORWARD = regex.compile(_RATE + r"(?P<gap>" + _GAP + r")(?P<period>" + _PERIOD + r")")
_BACKWARD = regex.compile(r"(?P<period>" + _PERIOD + r")(?P<gap>" + _GAP + r")" + _RATE)
_PENALTY_CONTEXT = regex.compile(
    r"неустойк|\bпен(?:я|и|ю|ей|ям|ями|ях)\b|штраф|просрочк|нарушени|задержк|неисполнени|"
    r"несвоевременн|неоплат"
)
_DAYS_A_YEAR = {"": 365, "календарный": 365, "рабочий": 247, "банковский": 247}
SCHEMA: dict = {
    "type": "object",
    "additionalProperties": False,
    "properties": {"min_annual_rate": {"type": "number", "minimum": 0}},
}


def _period(m: regex.Match[str]) -> tuple[str, int]:
    """Return the period as the message shows it and how many fit in a year."""
    text = m.group("period")
    unit = m.group("unit") or m.group("unit2") or ""
    if m.group("week1") or unit == "неделю" or text.startswith("еженедел"):
        return "неделю", 52
    if unit == "месяц" or text.startswith("ежемесяч"):
        return "месяц", 12
    if unit == "час":
        return "час", 365 * 24
    kind = m.group("kind") or ""
    return (f"{kind} день".strip(), _DAYS_A_YEAR[kind])


def _rate_value(m: regex.Match[str]) -> Decimal | None:
    value = to_decimal(m.group("rate"))
    if value is None and m.group("words"):
        value = words_to_number(m.group("words"))
    return value


def _hit(m: regex.Match[str], base: int) -> Hit | None:
    rate = _rate_value(m)
    if rate is None or rate <= 0:
        return None
    period, per_year = _period(m)
    annual = rate * per_year
    values = {"rate": format_ru(rate, 4), "period": period, "annual_rate": format_ru(annual, 2)}
    return Hit(base + m.start(), base + m.end(), values)


def find_rates(doc: Document) -> list[tuple[Hit, Decimal]]:
    """Return every per-period penalty rate with its yearly equivalent."""
    found: list[tuple[Hit, Decimal]] = []
    text = folded(doc)
    for block in lint_blocks(doc):
        body = text[block.start:block.end]
        taken: list[tuple[int, int]] = []
        for pattern in (_FORWARD, _BACKWARD):
            for m in pattern.finditer(body, overlapped=False):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                left, right = sentence_bounds(body, m.start(), m.end())
                if not _PENALTY_CONTEXT.search(body, left, right):
                    continue  # «скидка 1% за каждый месяц» is not a penalty
                hit = _hit(m, block.start)
                if hit is not None:
                    taken.append((m.start(), m.end()))
                    found.append((hit, Decimal(hit.values["annual_rate"].replace(",", "."))))
    return sorted(found, key=lambda pair: pair[0].start or 0)


def check_penalty_rate(doc: Document, options: Mapping[str, Any]) -> list[Hit]:
    """Return per-period penalties; with `min_annual_rate`, only those at or above it."""
    threshold = options.get("min_annual_rate")
    hits = []
    for hit, annual in find_rates(doc):
        if threshold is None or annual >= Decimal(str(threshold)):
            hits.append(hit)
    return hits
