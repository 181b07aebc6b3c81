"""Visual lines -> paragraphs: where a paragraph ends, and how its lines are joined.

A new paragraph starts at a typed clause number («5.2.»), a change between capitals
headings and body text, a wider vertical gap, an indented line, a line after one
ending with «:», a line after a short line ending a sentence, and a fragment to the
right on the same baseline (a table cell, the other column). A paragraph goes on
across a page or column break when the last line does not end a sentence and the
next one starts in lower case.

A hyphen at a line end is dropped only when the joined word is a known word and the
hyphenated one is not («оплачи-вает» -> «оплачивает»); otherwise it stays
(«сдачи-приемки», «торгово-промышленной»). Inside a table cell, a word broken without
a hyphen is glued back when only the whole is a word («Исполни|тель»).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from statistics import median

import regex

from contract_lint.model import normalize_text
from contract_lint.parsers.clauses import parse_typed_label
from contract_lint.parsers.pdf_layout import Fragment, PageLayout

_TERMINAL = (".", ";", "!", "?", ".»", ".)", ";»")
_HYPHENS = "-\u2010"
_HYPHENS_TUPLE = tuple(_HYPHENS)
_LEFT_PART = regex.compile(r"(\p{L}+)[-\u2010]$")
_RIGHT_PART = regex.compile(r"^\p{Ll}+")
_LAST_WORD = regex.compile(r"\p{L}+$")
_NO_BREAK_BEFORE_LABEL = ("п.", "пп.", "ст.", "ч.", "пункт", "пунктом", "пунктами", "№", "-")
_GAP_FACTOR = 1.6
_INDENT = 0.8
_BACK_LEFT = 4.0


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
    for page in pages:
        body = page.layout.fragments
        leading = _leading(body)
        for i, frag in enumerate(body):
            if current and _starts_new(current, frag, page.layout.page, body, leading):
                yield join_lines(current)
                yield from pending
                pending.clear()
                current = []
            current.append((page.layout.page, frag))
        pending.extend(join_lines([(page.layout.page, f) for f in note], footnote=True)
                       for note in page.footnotes)
    if current:
        yield join_lines(current)
    yield from pending


def _leading(body: list[Fragment]) -> float:
    """Return the usual distance between consecutive baselines on a page."""
    steps = [a.base - b.base for a, b in zip(body, body[1:]) if 0 < a.base - b.base < 3 * a.size]
    return median(steps) if steps else 0.0


def _starts_new(
    current: list[tuple[int, Fragment]], frag: Fragment, page: int, body: list[Fragment],
    leading: float,
) -> bool:
    prev_page, prev = current[-1]
    text, before = frag.text, prev.text.rstrip()
    if prev.cell or frag.cell:
        return prev.cell != frag.cell or not _below_in_same_cell(prev, frag, leading)
    if _has_label(text) and not before.endswith(_NO_BREAK_BEFORE_LABEL):
        return True
    if _is_caps(before) != _is_caps(text):
        return True
    if prev_page != page:
        return not _continues(before, text)
    if abs(frag.base - prev.base) <= 0.4 * frag.size:
        return True  # the same line further on: a table cell or a form field
    if frag.base > prev.base:
        return not _continues(before, text)  # the top of the next column
    if leading and prev.base - frag.base > _GAP_FACTOR * leading:
        return True
    if frag.x0 < prev.x0 - _BACK_LEFT * frag.size:
        return True  # the previous line was a right-hand cell or a right-aligned date
    if frag.x0 > prev.x0 + _INDENT * frag.size and len(current) > 1:
        return True
    if before.endswith(":"):
        return True
    return before.endswith(_TERMINAL) and _starts_sentence(text) and _is_short(prev, body)


def _below_in_same_cell(prev: Fragment, frag: Fragment, leading: float) -> bool:
    """Tell whether a table line is the next line of the same cell (right under it)."""
    step = prev.base - frag.base
    if step < 0.4 * frag.size or (leading and step > _GAP_FACTOR * leading):
        return False
    return frag.x0 < prev.x1 and frag.x1 > prev.x0


def _has_label(text: str) -> bool:
    label, _ = parse_typed_label(text)
    return label is not None and label.text[:1].isdigit()


def _is_caps(text: str) -> bool:
    if text != text.upper():  # a lower-case letter: the common, fast answer
        return False
    return sum(c.isalpha() for c in text) >= 4


def _continues(before: str, text: str) -> bool:
    """Tell whether a line after a page or column break goes on the previous paragraph."""
    if before.endswith(_HYPHENS_TUPLE) or before.endswith(","):
        return True
    return not before.endswith(_TERMINAL + (":",)) and not text[:1].isupper()


def _starts_sentence(text: str) -> bool:
    first = text[:1]
    return first.isupper() or first.isdigit() or first in "«\"–—-•"


def _is_short(prev: Fragment, body: list[Fragment]) -> bool:
    """Tell whether a line stops well before the right edge of its column."""
    right = max((f.x1 for f in body if f.x0 < prev.x1 and f.x1 > prev.x0), default=prev.x1)
    return prev.x1 < right - 2 * prev.size


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
    """Tell whether a line ends inside a range of numbers («9:00–|18:00», «10-|15»)."""
    return text[-1:] in ("-", "–") and text[-2:-1].isdigit() and part[:1].isdigit()


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
