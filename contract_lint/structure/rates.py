"""Penalty rates charged per period: «0,1% от суммы за каждый день просрочки».

Each hit carries the rate as written, the period and the yearly equivalent
(«0,5% за день ≈ 182,5% годовых»), formatted Russian-style. A fraction of the key rate
(«1/300 ключевой ставки ЦБ РФ за каждый день») is converted with the `key_rate` option;
a cap after the period («за каждый день просрочки, но не более 5 %») is not a rate.
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
    r"за\s+каждый\s+(?:(?:полный|полные|последующий|следующий)\s+)?(?:(?P<kind>календарный|рабочий|банковский)\s+)?"
    r"(?P<unit>день|месяц|час)|"
    # «0,1 % за день просрочки»: no «каждый», but the delay names the period
    r"за\s+(?P<unit3>день|месяц)(?=\s+(?:просрочк|задержк|неисполнени|нарушени|неоплат))|"
    r"в\s+(?P<unit2>день|сутки|неделю|месяц)\b"
    # «в день подписания» is a date, not a rate period
    r"(?=\s*(?:[,.;)]|$|от\b|за\b|до\b|с\b|при\b|на\b|в\s+случае|просрочк|задержк))"
    r"|ежедневно|еженедельно|ежемесячно)"
)
# Between the rate and its period: the base of the penalty, no sentence end, no other rate.
_GAP = r"(?:(?![.;!?](?:\s|$))(?!\d+(?:[.,]\d+)?\s*%)[^\n]){0,160}?"
_FORWARD = regex.compile(_RATE + r"(?P<gap>" + _GAP + r")(?P<period>" + _PERIOD + r")")
_BACKWARD = regex.compile(r"(?P<period>" + _PERIOD + r")(?P<gap>" + _GAP + r")" + _RATE)
# «1/300 ключевой ставки», «одной трёхсотой ставки рефинансирования», «1/150 ставки ЦБ РФ»
_KEY_RATE = (
    r"(?P<frac>1\s*/\s*(?P<den>\d{2,4})|одн(?:а|ой|у)\s+(?P<denw>трехсот\s+шестидесяти\s+пят|трехсот|"
    r"стопятидесят|сто\s+пятидесят|стотридцат|сто\s+тридцат|сот)[а-я]*)\s+"
    r"(?:(?:действующ[а-я]+|ключев[а-я]+|учетн[а-я]+)\s+){0,2}ставк[а-я]*"
)
_DENOMINATORS = {"трехсот": 300, "стопятидесят": 150, "сто пятидесят": 150, "стотридцат": 130,
                 "сто тридцат": 130, "сот": 100, "трехсот шестидесяти пят": 365}
_KEY_FORWARD = regex.compile(_KEY_RATE + r"(?P<gap>" + _GAP + r")(?P<period>" + _PERIOD + r")")
_KEY_BACKWARD = regex.compile(r"(?P<period>" + _PERIOD + r")(?P<gap>" + _GAP + r")" + _KEY_RATE)
_KEY_PATTERNS = (_KEY_FORWARD, _KEY_BACKWARD)
_PERCENT_PATTERNS = (_FORWARD, _BACKWARD)
# A percentage right after these words is a cap, not the rate: «…, но не более 5 %».
_CAP_BEFORE = regex.compile(
    r"(?:не\s+более|не\s+свыше|не\s+выше|не\s+может\s+превышать|не\s+должн[а-я]*\s+превышать|"
    r"не\s+превыша[а-я]*|максимум|в\s+пределах|предел[а-я]*|ограничива[а-я]*|ограничен[а-я]*)"
    r"(?:\s+[а-я]+){0,3}\s*$"
)
_KEY_WORD = regex.compile(r"\bставк")
#: The Bank of Russia key rate assumed for «1/300 ключевой ставки» (percent a year).
DEFAULT_KEY_RATE = Decimal("21")
_PENALTY_CONTEXT = regex.compile(
    r"неустойк|\bпен(?:я|и|ю|ей|ям|ями|ях)\b|штраф|просрочк|нарушени|задержк|неисполнени|"
    r"несвоевременн|неоплат"
)
_DAYS_A_YEAR = {"": 365, "календарный": 365, "рабочий": 247, "банковский": 247}
SCHEMA: dict = {
    "type": "object",
    "additionalProperties": False,
    "properties": {
        "min_annual_rate": {"type": "number", "minimum": 0},
        "key_rate": {"type": "number", "exclusiveMinimum": 0},
    },
}


def _period(m: regex.Match[str]) -> tuple[str, int]:
    """Return the period as the message shows it and how many fit in a year."""
    text = m.group("period")
    unit = m.group("unit") or m.group("unit2") or m.group("unit3") or ""
    if m.group("week1") or unit == "неделю" or text.startswith("еженедел"):
        return "неделю", 52
    if unit == "месяц" or text.startswith("ежемесяч"):
        return "месяц", 12
    if unit == "час":
        return "час", 365 * 24
    kind = m.group("kind") or ""
    return (f"{kind} день".strip(), _DAYS_A_YEAR[kind])


def _rate_value(m: regex.Match[str], key_rate: Decimal) -> Decimal | None:
    if "frac" in m.re.groupindex and m.group("frac"):
        den = m.group("den") or _DENOMINATORS.get(" ".join(m.group("denw").split()))
        return key_rate / Decimal(den) if den else None
    value = to_decimal(m.group("rate"))
    if value is None and m.group("words"):
        value = words_to_number(m.group("words"))
    return value


def _is_cap(m: regex.Match[str]) -> bool:
    """Return True when the percentage after the period is a cap («но не более 5 %»)."""
    gap = m.group("gap")
    return bool(_CAP_BEFORE.search(gap)) or bool(_KEY_WORD.search(gap))


def _hit(m: regex.Match[str], base: int, key_rate: Decimal) -> Hit | None:
    rate = _rate_value(m, key_rate)
    if rate is None or rate <= 0:
        return None
    period, per_year = _period(m)
    annual = rate * per_year
    values = {"rate": format_ru(rate, 4), "period": period, "annual_rate": format_ru(annual, 2)}
    return Hit(base + m.start(), base + m.end(), values)


#: The last document's rates: two rules (any threshold) run the same scan on each document.
_LAST: list[tuple[Document, Decimal, list[tuple[Hit, Decimal]]]] = []


def find_rates(doc: Document, key_rate: Decimal = DEFAULT_KEY_RATE) -> list[tuple[Hit, Decimal]]:
    """Return every per-period penalty rate with its yearly equivalent (the last document's is kept)."""
    if _LAST and _LAST[0][0] is doc and _LAST[0][1] == key_rate:
        return list(_LAST[0][2])
    found = _scan_rates(doc, key_rate)
    _LAST[:] = [(doc, key_rate, found)]
    return list(found)


def _patterns_for(body: str) -> tuple[regex.Pattern[str], ...]:
    """Return the rate patterns that can match in `body`, in scan order."""
    # Exact literal prefilters: every _KEY_* match holds «ставк», every _FORWARD/_BACKWARD
    # match «%» or «процент»; most blocks hold neither and the patterns are costly to run.
    key = _KEY_PATTERNS if "ставк" in body else ()
    if "%" in body or "процент" in body:
        return key + _PERCENT_PATTERNS
    return key


def _scan_rates(doc: Document, key_rate: Decimal) -> list[tuple[Hit, Decimal]]:
    found: list[tuple[Hit, Decimal]] = []
    text = folded(doc)
    for block in lint_blocks(doc):
        body = text[block.start:block.end]
        patterns = _patterns_for(body)
        if not patterns or not _PENALTY_CONTEXT.search(body):
            continue  # every hit needs penalty words in its sentence, so in its block
        taken: list[tuple[int, int]] = []
        for pattern in patterns:
            for m in pattern.finditer(body, overlapped=False):
                if any(a < m.end() and m.start() < b for a, b in taken):
                    continue
                if pattern is _BACKWARD and _is_cap(m):
                    continue
                left, right = sentence_bounds(body, m.start(), m.end())
                if not _PENALTY_CONTEXT.search(body, left, right):
                    continue  # «скидка 1% за каждый месяц» is not a penalty
                hit = _hit(m, block.start, key_rate)
                if hit is not None:
                    taken.append((m.start(), m.end()))
                    found.append((hit, Decimal(hit.values["annual_rate"].replace(",", "."))))
    return sorted(found, key=lambda pair: pair[0].start or 0)


def check_penalty_rate(doc: Document, options: Mapping[str, Any]) -> list[Hit]:
    """Return per-period penalties; with `min_annual_rate`, only those at or above it."""
    threshold = options.get("min_annual_rate")
    key_rate = Decimal(str(options.get("key_rate", DEFAULT_KEY_RATE)))
    hits = []
    for hit, annual in find_rates(doc, key_rate):
        if threshold is None or annual >= Decimal(str(threshold)):
            hits.append(hit)
    return hits
