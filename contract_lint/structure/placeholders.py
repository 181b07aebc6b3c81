"""Unfilled blanks and template leftovers: «№ ____», «[●]», «{{ client }}», «(указать)».

Signature lines («_______ / Иванов И.И./») and the requisites/signatures sections are
not blanks to fill in the text: they are skipped.
"""

from __future__ import annotations

from typing import Any, Mapping

import regex

from contract_lint.matchers.base import Hit
from contract_lint.model import Document
from contract_lint.structure.common import in_sections, lint_blocks

#: Sections whose blanks are meant to stay blank: signatures, forms to fill in later.
DEFAULT_EXCLUDE = ("реквизит", "подпис", r"^форма\b", r"\(форма\)", r"\bобраз[е]?ц", r"\bшаблон")
_PATTERNS = regex.compile(
    r"(?P<date>«\s*_+\s*»\s*_+\s*(?:20|19)?_*\d{0,2}_*\s*(?:г\.|года)?)"
    r"|(?P<blank>(?:№\s*)?_{2,}(?:[ \t]*_+)*(?:\s*(?:руб(?:л[а-я]*|\.)?|г\.|года|%))?)"
    r"|(?P<year>\b(?:20|19)_{2}\b\s*(?:г\.|года)?)"
    r"|(?P<bullet>\[\s*[●•·○◦]\s*\]|\[\s*\.{2,}\s*\]|\[\s*_+\s*\])"
    r"|(?P<xxx>(?<![А-ЯЁA-Z])[ХX]{3,}(?![А-ЯЁA-Za-zа-яё])|\b[ХX]{2}\.[ХX]{2}\.(?:20)?[ХX]{2}\b"
    # Cyrillic «ХХ» before a unit («ХХ рабочих дней», «ХХ %»); Latin XX is a Roman numeral
    r"|(?<![А-ЯЁA-Z])Х{2}(?![А-ЯЁA-Za-zа-яё])(?=\s*(?:\(|%|руб|дн|рабоч|календарн|банковск|месяц|лет|год|процент)))"
    r"|(?P<dots>\(\s*(?:\.{3,}|…)\s*\))"
    r"|(?P<ask>\(\s*(?:указать|указывается|вписать|заполнить|заполняется|выбрать|ненужное\s+зачеркнуть|"
    r"подставить)[^()\n]{0,60}\))"
    r"|(?P<bracket>\[\s*(?:указать|вписать|дата|фио|ф\.и\.о\.|наименование|название|сумма|номер|адрес|"
    r"реквизиты|должность|инн|огрн|кпп)[^\[\]\n]{0,40}\])"
    r"|(?P<template>\{\{[^{}\n]{1,60}\}\}|\$\{[^{}\n]{1,60}\}|\{%[^{}\n]{1,60}%\})"
    r"|(?P<angle><\s*[а-яё][а-яё .,\-]{1,40}>)",
    regex.IGNORECASE,
)
# What the alternatives of _PATTERNS need, tested before it so that most blocks are skipped:
# «_», «[», «{», «<»; the start of «(…)», «(указать…)»; «ХХ» in any case and script mix
# (`[ХXхx]` is the case-insensitive `[ХX]` of _PATTERNS, without the slower flag).
_BRACKET_START = regex.compile(r"\(\s*(?:[.…]|указ|впис|запол|выбр|ненужн|подстав)", regex.IGNORECASE)
_TWO_X = regex.compile(r"[ХXхx]{2}")
# «_______ / Иванов И.И./», «___________ (подпись)», «М.П.»: a place for a signature.
_SIGNATURE_AFTER = regex.compile(r"\s*(?:/|\(\s*(?:подпись|ф\.?\s*и\.?\s*о|расшифровка))", regex.IGNORECASE)
_SIGNATURE_LINE = regex.compile(r"подпись|м\.\s*п\.|/\s*[А-ЯЁ][а-яё]+\s+[А-ЯЁ]\.", regex.IGNORECASE)
SCHEMA: dict = {
    "type": "object",
    "additionalProperties": False,
    "properties": {"exclude_sections": {"type": "array", "items": {"type": "string"}}},
}


def _signature(body: str, m: regex.Match[str]) -> bool:
    if m.lastgroup not in ("blank", "date", "year"):
        return False
    if _SIGNATURE_AFTER.match(body, m.end()):
        return True
    line_start = body.rfind("\n", 0, m.start()) + 1
    line_end = body.find("\n", m.end())
    line = body[line_start:len(body) if line_end < 0 else line_end]
    return bool(_SIGNATURE_LINE.search(line))


def _may_hold(text: str) -> bool:
    """Return False when no alternative of _PATTERNS can match in `text`."""
    if "_" in text or "[" in text or "{" in text or "<" in text:
        return True
    return bool("(" in text and _BRACKET_START.search(text) or _TWO_X.search(text))


def _is_case_ok(m: regex.Match[str]) -> bool:
    """«ХХХ» must be capitals: «xxx» in a link or an e-mail is not a blank."""
    return m.lastgroup != "xxx" or m.group().isupper()


def check_placeholder(doc: Document, options: Mapping[str, Any]) -> list[Hit]:
    """Return unfilled blanks outside signature lines and excluded sections."""
    exclude = tuple(options.get("exclude_sections", DEFAULT_EXCLUDE))
    hits: list[Hit] = []
    for block in lint_blocks(doc):
        text = block.text
        if not _may_hold(text):
            continue
        found = [m for m in _PATTERNS.finditer(text) if not _signature(text, m) and _is_case_ok(m)]
        # The section is looked up only for the few blocks that hold a blank.
        if not found or exclude and in_sections(doc, block.start, exclude):
            continue
        for m in found:
            end = m.end()
            while end and text[end - 1].isspace():
                end -= 1  # the blank without the spaces it ends with
            hits.append(Hit(block.start + m.start(), block.start + end, {"placeholder": m.group().strip()}))
    return hits
