"""Capitalised defined-style terms used but never defined: «передать Результат…».

A term is defined by «(далее — «…»)», «именуемое в дальнейшем «…»», «далее по тексту …»,
«под … понимается», or a line «Термин — …» (in a definitions section or quoted).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable, Iterator, Mapping

import regex

from contract_lint import nlp
from contract_lint.matchers.base import Hit
from contract_lint.model import Document, fold
from contract_lint.structure.common import lint_blocks

_QUOTED = regex.compile(r"[«\"“]([^»\"”\n]{1,60})[»\"”]")
_DEFINED_BY = regex.compile(
    r"\(\s*далее(?:\s+по\s+тексту)?\s*(?:[—–-]|:)?\s*(?P<body>[^()\n]{1,160})\)"
    r"|(?:именуем[а-я]+|далее\s+именуем[а-я]+)\s+(?:в\s+дальнейшем\s+|далее\s+)?(?P<body2>«[^»\n]{1,60}»|[А-ЯЁ][а-яё]+)"
    r"|далее\s+по\s+тексту\s*(?:[—–-]\s*)?(?P<body3>«[^»\n]{1,60}»|[А-ЯЁ][а-яё]+)"
    r"|[Пп]од\s+(?P<body4>«[^»\n]{1,60}»|[А-ЯЁ][а-яё]+(?:\s+[а-яё]+)?)\s+(?:в\s+настоящем\s+[А-ЯЁа-яё]+\s+)?понима",
)
_DEFINITION_LINE = regex.compile(
    r"^\s*(?:[\d.]+\s*|[а-я]\)\s*)?(?P<q>[«\"“])?(?P<term>[А-ЯЁ][а-яё]+(?:[ -][А-ЯЁа-яё]+){0,4})"
    r"(?(q)[»\"”])\s*(?:[—–]|-\s|означает|означают|это\s)"
)
# «Графике выполнения работ (Приложение № 2)»: a document named by its annex.
_NAMED_ANNEX = regex.compile(
    r"(?P<term>[А-ЯЁ][а-яё]+)(?:\s+[а-яё]+){0,3}\s*\(\s*(?:[Дд]алее|[Пп]риложени|[Пп]рил\.)"
    r"|[Пп]риложени[а-я]*\s*№?\s*\d+\s*[—–-]\s*«?(?P<term2>[А-ЯЁ][а-яё]+)"
)
_DEFINITIONS_SECTION = regex.compile(r"термин|определени|понят")
_WORD = regex.compile(r"(?<![\w-])[А-ЯЁ][а-яё]{3,}(?![\w-])")
#: Capitalised by convention, never «defined terms»: documents, parties, the state.
_CONVENTIONAL = frozenset(
    "договор соглашение контракт оферта приложение сторона раздел статья пункт подпункт глава "
    "федерация россия кодекс закон устав банк министерство правительство президент суд "
    "общество спецификация техническое задание акт счет регламент положение правила "
    "заказчик исполнитель подрядчик поставщик покупатель продавец арендатор арендодатель "
    "лицензиар лицензиат пользователь клиент агент принципал представитель интернет политика "
    # party roles: a role that differs from the defined one is DOC-PARTY-INCONSISTENT's business
    "лизингодатель лизингополучатель наймодатель наниматель ссудодатель ссудополучатель "
    "комиссионер комитент поверенный доверитель"
    .split()
)
_INITIALS_BEFORE = regex.compile(r"(?:^|[\s/])[А-ЯЁ]\.\s*(?:[А-ЯЁ]\.)?\s*$")
_ADDRESS_BEFORE = regex.compile(r"(?:^|\s)(?:ул|пр|пр-т|пер|д|г|ш|наб|пл|обл|пос|корп|стр|им)\.\s*$")
_NAME_AFTER = regex.compile(
    r"(?:\s+[А-ЯЁ][а-яё]+)?\s+[А-ЯЁ][а-яё]+(?:вич|вна|вны|вне|вну|вной|вича|вичу|вичем|виче|ична|ичны|ичне|ичну|ичной|ьич)\b"
)
_NOT_TERM_TAGS = ("Name", "Surn", "Patr", "Geox", "Orgn", "Trad", "Abbr")
# Compiled once: regex.search(str, ...) pays a compile-cache lookup on every call.
_PHRASE_WORD = regex.compile(r"[А-ЯЁа-яёA-Za-z]{3,}")
_CLAUSE_NUMBER = regex.compile(r"(?:\d+(?:\.\d+)*\.?|[а-яa-z]\)|[IVX]+\.|Статья\s+\d+\.?)")
_PREV_WORD = regex.compile(r"([А-ЯЁA-Z][а-яёa-z]*\.?)\s*$")
_INITIAL_AFTER = regex.compile(r"\s*[А-ЯЁ]\.")
# The `*_BEFORE` patterns end at the word: searched in a window of the text before it.
# A match can begin before the window only if the whole window fits the end of the
# pattern (the tail below); then the search looks back to the start of the block.
_WINDOW = 80
_PREV_WORD_TAIL = regex.compile(r"[а-яёa-z]*\.?\s*")
# _INITIALS_BEFORE and _ADDRESS_BEFORE hold at most six characters that are not spaces.
_FEW_CHARS_TAIL = regex.compile(r"\s*(?:\S\s*){0,6}")
SCHEMA: dict = {
    "type": "object",
    "additionalProperties": False,
    "properties": {"min_uses": {"type": "integer", "minimum": 1}},
}


def _lemma(word: str) -> str:
    return min(nlp.lemmas_of(word))


def _lemmas_of_phrase(phrase: str) -> set[str]:
    found: set[str] = set()
    for word in _PHRASE_WORD.findall(phrase):
        found |= nlp.lemmas_of(word)
    return found


def _may_define(text: str) -> bool:
    # The literals each alternative of _DEFINED_BY needs: most blocks have none of them.
    return "далее" in text or "именуем" in text or "понима" in text


def _may_be_definition_line(text: str) -> bool:
    # What _DEFINITION_LINE needs after the term: a dash, «означает/-ют» or «это».
    return "—" in text or "–" in text or "-" in text or "означа" in text or "это" in text


def _may_name_annex(text: str) -> bool:
    # _NAMED_ANNEX needs «риложени», or «(» with «далее» / «прил.».
    return "риложени" in text or ("(" in text and ("алее" in text or "рил." in text))


def defined_lemmas(doc: Document) -> set[str]:
    """Return the lemmas of every word of every defined term."""
    defined: set[str] = set()
    for block in lint_blocks(doc):
        text = block.text
        if _may_define(text):
            for m in _DEFINED_BY.finditer(text):
                body = next(g for g in m.groups() if g)
                quoted = _QUOTED.findall(body)
                for phrase in quoted or [body.split(",")[0]]:
                    defined |= _lemmas_of_phrase(phrase)
        d = _DEFINITION_LINE.match(text) if _may_be_definition_line(text) else None
        if d and (d.group("q") or _DEFINITIONS_SECTION.search(fold(block.location.section or ""))):
            defined |= _lemmas_of_phrase(d.group("term"))
        if block.kind == "heading":
            defined |= _lemmas_of_phrase(text)  # «СМЕТА», «Приложение № 1 … «Тарифы»»
        if _may_name_annex(text):
            for m in _NAMED_ANNEX.finditer(text):
                defined |= _lemmas_of_phrase(m.group("term") or m.group("term2"))
    return defined


def _search_before(pattern: regex.Pattern[str], text: str, start: int,
                   tail: regex.Pattern[str]) -> regex.Match[str] | None:
    """Search a `$`-anchored pattern in the text before `start`, looking back a window only."""
    lo = max(0, start - _WINDOW)
    m = pattern.search(text, lo, start)
    if m is None and lo and tail.fullmatch(text, lo, start):
        m = pattern.search(text, 0, start)  # the window is all tail: the match may begin earlier
    return m


def _sentence_initial(text: str, start: int) -> bool:
    end = start
    while end and text[end - 1] in " \t\u00a0":
        end -= 1
    if not end or _CLAUSE_NUMBER.fullmatch(text, 0, end):
        return True  # the first word after the clause number
    return text[end - 1] in ".!?:;…\n—–-•(*|"


def _is_candidate(text: str, start: int, end: int, inside_quotes: bool) -> bool:
    if inside_quotes or _sentence_initial(text, start):
        return False
    prev = _search_before(_PREV_WORD, text, start, _PREV_WORD_TAIL)
    if prev and not _sentence_initial(text, prev.start(1)) \
            and not nlp.lemmas_of(prev.group(1).rstrip(".")) & _CONVENTIONAL:
        return False  # «Российской Федерации», «Иван Петров»: a proper name runs on
    if _search_before(_INITIALS_BEFORE, text, start, _FEW_CHARS_TAIL) \
            or _search_before(_ADDRESS_BEFORE, text, start, _FEW_CHARS_TAIL):
        return False  # «И.Г. Тетерева», «ул. Литейной»
    return not (_INITIAL_AFTER.match(text, end) or _NAME_AFTER.match(text, end))


@lru_cache(maxsize=20_000)
def _is_noun(word: str) -> bool:
    parses = nlp.morph().parse(word)
    best = parses[0] if parses else None
    if best is None or "NOUN" not in best.tag:
        return False
    return not any(tag in best.tag for tag in _NOT_TERM_TAGS)


def _uses(doc: Document, skip: Callable[[str], bool]) -> Iterator[tuple[str, int, int]]:
    """Yield the capitalised words not `skip`ped that stand where a defined term would."""
    # skip() depends on the word only: asked once per word, before the costlier context.
    skipped: set[str] = set()
    kept: set[str] = set()
    for block in lint_blocks(doc):
        if block.kind == "heading":
            continue
        text = block.text
        # Quote marks counted up to the word, incrementally: the words come in order.
        counted = opened = closed = straight = 0
        for m in _WORD.finditer(text):
            word, start = m.group(), m.start()
            if word in skipped:
                continue
            if word not in kept:
                if skip(word):
                    skipped.add(word)
                    continue
                kept.add(word)
            opened += text.count("«", counted, start)
            closed += text.count("»", counted, start)
            straight += text.count('"', counted, start)
            counted = start
            if _is_candidate(text, start, m.end(), opened > closed or straight % 2 == 1):
                yield word, block.start + start, block.start + m.end()


def check_defined_terms(doc: Document, options: Mapping[str, Any]) -> list[Hit]:
    """Return the first use of each capitalised term that the document never defines."""
    min_uses = int(options.get("min_uses", 1))
    defined = defined_lemmas(doc)

    def skip(word: str) -> bool:
        lemmas = nlp.lemmas_of(word)
        return bool(lemmas & defined or lemmas & _CONVENTIONAL) or not _is_noun(word)

    first: dict[str, tuple[int, int, str]] = {}
    counts: dict[str, int] = {}
    for word, start, end in _uses(doc, skip):
        lemma = _lemma(word)
        counts[lemma] = counts.get(lemma, 0) + 1
        first.setdefault(lemma, (start, end, word))
    return [Hit(s, e, {"term": term}) for lemma, (s, e, term) in first.items()
            if counts[lemma] >= min_uses]
