"""Visual lines -> paragraphs: which lines make a paragraph, and how they are joined.

Where a paragraph ends is decided in pdf_breaks. A paragraph goes on across a page or
column break when its sentence does; footnotes follow the paragraph open at page end.

A hyphen at a line end is dropped only when the joined word is a known word and the
hyphenated one is not («оплачи-вает» -> «оплачивает»); otherwise it stays
(«сдачи-приемки», «торгово-промышленной», «№ 4-Д»). Inside a table cell, a word
broken without a hyphen is glued back when only the whole is a word («Исполни|тель»).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache

import regex

from contract_lint.model import normalize_text
from contract_lint.parsers.pdf_breaks import page_view, starts_new
from contract_lint.parsers.pdf_layout import Fragment, PageLayout

_HYPHENS = "-\u2010"
_HYPHENS_TUPLE = tuple(_HYPHENS)
_LEFT_PART = regex.compile(r"(\p{L}+)[-\u2010]$")
_RIGHT_PART = regex.compile(r"^\p{Ll}+")
_LAST_WORD = regex.compile(r"\p{L}+$")


@dataclass(frozen=True, slots=True)
class Paragraph:
    """Joined text and its visual lines as (offset within text, page, line)."""

    text: str
    lines: tuple[tuple[int, int, int], ...]
    footnote: bool = False
    cell: bool = False
    x0: float = 0.0
    col: int = 0


@dataclass(slots=True)
class PageText:
    """A page's body fragments and footnotes (each a list of fragments), in reading order."""

    layout: PageLayout
    footnotes: list[list[Fragment]]


def paragraphs(pages: list[PageText]) -> Iterator[Paragraph]:
    """Yield paragraphs in reading order; footnotes follow the paragraph open at page end."""
    current: list[tuple[int, Fragment]] = []
    pending: list[Paragraph] = []
    last_body: list[Fragment] = []
    for page in pages:
        body = page.layout.fragments
        view = page_view(page.layout.page, body, last_body)
        for frag in body:
            if current and starts_new(current, frag, view):
                yield join_lines(current)
                yield from pending
                pending.clear()
                current = []
            current.append((page.layout.page, frag))
        pending.extend(join_lines([(page.layout.page, f) for f in note], footnote=True)
                       for note in page.footnotes)
        last_body = body or last_body
    if current:
        yield join_lines(current)
    yield from pending


def join_lines(frags: list[tuple[int, Fragment]], *, footnote: bool = False) -> Paragraph:
    """Join fragments into one paragraph text, mending line-end hyphenation."""
    text = ""
    lines: list[tuple[int, int, int]] = []
    first = frags[0][1] if frags else None
    cell = bool(first and first.cell)
    for page, frag in frags:
        part = normalize_text(frag.text).strip()
        if not part:
            continue
        if text:
            text, part = _joined(text, part, cell)
        lines.append((len(text) + len(part) - len(part.lstrip(" ")), page, frag.line))
        text += part
    return Paragraph(text, tuple(lines), footnote, cell=cell,
                     x0=first.x0 if first else 0.0, col=first.col if first else 0)


def append_paragraph(para: Paragraph, more: Paragraph) -> Paragraph:
    """Return `para` with `more` joined to its end as following lines (a cell split by a page)."""
    text, part = _joined(para.text, more.text, para.cell)
    shift = len(text) + len(part) - len(more.text)
    lines = para.lines + tuple((off + shift, page, line) for off, page, line in more.lines)
    return replace(para, text=text + part, lines=lines)


def _joined(text: str, part: str, cell: bool = False) -> tuple[str, str]:
    """Return the text so far and the next line, with the separator between them decided."""
    left = _LEFT_PART.search(text[-64:]) if text.endswith(_HYPHENS_TUPLE) else None
    if left is None:
        if (cell and _broken_word(text, part)) or _number_range(text, part):
            return text, part
        return text, " " + part
    right = _RIGHT_PART.match(part)
    if right and _soft_hyphen(left.group(1), right.group()):
        return text[:-1], part
    return text, part


def _soft_hyphen(left: str, right: str) -> bool:
    """Tell whether a line-end hyphen only split a word: the joined word is known and the
    hyphenated one is not («оплачи-вает»; but «торгово-промышленной», «из-за» keep it)."""
    return is_known_word(left + right) and not is_known_word(f"{left}-{right}")


def _number_range(text: str, part: str) -> bool:
    """Tell whether a line ends inside a range of numbers or a code («9:00–|18:00», «№ 4-|Д»)."""
    if text[-1:] not in ("-", "–") or not text[-2:-1].isdigit():
        return False
    return part[:1].isdigit() or (text[-1] == "-" and part[:1].isalpha())


def _broken_word(text: str, part: str) -> bool:
    """Tell whether a narrow cell broke one word without a hyphen («Исполни|тель»)."""
    left = _LAST_WORD.search(text[-64:])
    right = _RIGHT_PART.match(part)
    if left is None or right is None:
        return False
    return is_known_word(left.group() + right.group()) and not is_known_word(right.group())


@cache
def is_known_word(word: str) -> bool:
    """Tell whether pymorphy3 knows `word` (the analyzer is loaded on first use only)."""
    from contract_lint.nlp import morph  # the process-wide analyzer the rules use too

    return bool(morph().word_is_known(word.lower()))
