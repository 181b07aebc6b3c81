"""Where a PDF paragraph ends: the break decision between two visual lines.

A new paragraph starts at a typed clause number («5.2.», «Статья 7.») unless the line
above broke mid-sentence only because the number did not fit («по этапу» / «3.»);
at a lettered sub-item («б)») after «;», «:» or «.»; at a change between capitals
headings and body text (again unless the line above was wrapped: «п. 2 ст.» / «450 ГК
РФ.»); at a wider vertical gap or a change of font size; at an indented line (not the
run-on of an item set with a hanging indent); after «:» when a list item follows or
the line was ended by hand; after a line ended by hand well before the margin (a
title, a form line); after a short line ending a sentence; at a centred title under
a flush-right line; and at a fragment to the right on the same baseline (a table
cell, the other column) unless it is the date set flush right of the place. A
paragraph goes on across a page or column break when its sentence does: the last
line does not end one and the next starts in lower case, or the last line was full.

«Full» means the first word of the next line would not have fit at the end of the
line: an estimate from the next line's average glyph width and the right edge of
the lines starting about where this one does.
"""

from __future__ import annotations

from dataclasses import dataclass
from statistics import median

import regex

from contract_lint.parsers.clauses import parse_typed_label
from contract_lint.parsers.pdf_layout import Fragment

_TERMINAL = (".", ";", "!", "?", ".»", ".)", ";»")
_HYPHENS_TUPLE = ("-", "\u2010")
_NO_BREAK_BEFORE_LABEL = ("п.", "пп.", "ст.", "ч.", "пункт", "пунктом", "пунктами", "№", "-")
#: A list item's label or bullet at a line start: «б)», «(в)», «1)», «2.1.», «—».
_MARKER = regex.compile(r"^(?:\(?\p{Ll}\)|\d{1,3}(?:\.\d{1,3})*[.)]|[—–•-])(?=\s)")
_LETTER_ITEM = regex.compile(r"^\(?\p{Ll}\)\s")
#: Abbreviations that end a line without ending its sentence («согласно п. 2 ст.» / «437 ГК РФ»).
_ABBREVIATION = regex.compile(r"(?:^|[\s(])(?:ст|п|пп|ч|ул|абз|подп|гл|разд|им|см)\.$")
#: The end of a date: «1 марта 2026 г.», «01.03.2026», «“__” ______ 20__ г.».
_DATE_END = regex.compile(r"(?:(?:19|20)(?:\d\d|__)\s*(?:г\.|года)?|\d\d?\.\d\d\.\d{2,4})$")
#: Room left on a line, as a share of the text width, that shows it was ended by hand:
#: text broken at random places (or OCR's rough widths) must not read as a page of
#: one-line paragraphs.
_ROOM_SHARE = 0.2
_GAP_FACTOR = 1.6
_INDENT = 0.8
_BACK_LEFT = 4.0


@dataclass(frozen=True, slots=True)
class PageView:
    """The page a line is on: its number, body lines, usual leading, and the page before."""

    page: int
    body: list[Fragment]
    leading: float
    last_body: list[Fragment]
    left: float  # the leftmost line start on the page
    right: float  # the rightmost line end on the page: no column ends further right
    shared: frozenset[int]  # lines with more than one fragment (columns, cells, fields)


def page_view(page: int, body: list[Fragment], last_body: list[Fragment]) -> PageView:
    """Measure a page's body lines once, for the break decisions on it."""
    return PageView(page, body, _leading(body), last_body,
                    min((f.x0 for f in body), default=0.0),
                    max((f.x1 for f in body), default=0.0), _shared_lines(body))


def _shared_lines(body: list[Fragment]) -> frozenset[int]:
    """Return the numbers of the lines that hold more than one fragment."""
    seen: set[int] = set()
    shared: set[int] = set()
    for frag in body:
        (shared if frag.line in seen else seen).add(frag.line)
    return frozenset(shared)


def _leading(body: list[Fragment]) -> float:
    """Return the usual distance between consecutive baselines on a page."""
    steps = [a.base - b.base for a, b in zip(body, body[1:]) if 0 < a.base - b.base < 3 * a.size]
    return median(steps) if steps else 0.0


def starts_new(current: list[tuple[int, Fragment]], frag: Fragment, view: PageView) -> bool:
    """Tell whether `frag` starts a new paragraph after the (page, line) pairs in `current`."""
    prev_page, prev = current[-1]
    text, before = frag.text, prev.text.rstrip()
    if prev.side and frag.side and prev_page == view.page:
        return prev.col != frag.col  # a column of a borderless requisites block: one cell
    if prev.cell or frag.cell:
        return prev.cell != frag.cell or not _below_in_same_cell(prev, frag, view.leading)
    page_body = view.body if prev_page == view.page else view.last_body
    label_end = _label_end(text)
    if label_end and not before.endswith(_NO_BREAK_BEFORE_LABEL):
        # «… по этапу» / «3.»: a number wrapped to the next line is no clause label.
        rest = text[label_end:].lstrip()
        return rest[:1].isupper() or not _wrapped(prev, frag, page_body)
    if _is_caps(before) != _is_caps(text):
        return not _wrapped(prev, frag, page_body)
    if _LETTER_ITEM.match(text) and before.endswith((";", ":", ".")):
        return True  # «б)» after «…;»: the next sub-item of a list
    if prev_page != view.page or frag.base > prev.base:
        # The top of the next page or column: the paragraph goes on if its sentence does.
        return not (_continues(before, text) or _wrapped(prev, frag, page_body))
    return _starts_on_page(current, frag, view)


def _starts_on_page(current: list[tuple[int, Fragment]], frag: Fragment,
                    view: PageView) -> bool:
    """Decide a break between two body lines of one page column, the previous one above."""
    prev = current[-1][1]
    text, before = frag.text, prev.text.rstrip()
    if abs(frag.base - prev.base) <= 0.4 * frag.size:
        # The same line further on: a table cell, a form field, the other column; or
        # the date set flush right of the place («г. Москва      «1» марта 2026 г.»).
        return not _place_and_date(current, frag, view)
    if view.leading and prev.base - frag.base > _GAP_FACTOR * view.leading:
        return True
    if abs(frag.size - prev.size) > 0.5:
        return True  # a title set larger than the body: Word sizes a paragraph as one
    if _flush_right(prev, view) and _centred(frag, view):
        return True  # an annex's title under its flush-right «Приложение № 1 к Договору …»
    if frag.x0 < prev.x0 - _BACK_LEFT * frag.size:
        return True  # the previous line was a right-hand cell or a right-aligned date
    if frag.x0 > prev.x0 + _INDENT * frag.size:
        if len(current) > 1:
            return not _hanging(current, frag)
        if _ends_sentence(before) and _starts_sentence(text):
            return True  # a one-line paragraph, then one indented or set flush right
    if before.endswith(":"):
        return _MARKER.match(text) is not None or not _goes_on_after_colon(prev, frag, view.body)
    if _ended_by_hand(prev, frag, view):
        return True
    return _ends_sentence(before) and _starts_sentence(text) and _is_short(prev, view.body)


def _ended_by_hand(prev: Fragment, frag: Fragment, view: PageView) -> bool:
    """Tell whether `prev` ended well before the margin though its sentence did not end.

    A title line or a form line; or one-line paragraphs, each at the first-line indent
    (requisites), where any room for the next word will do.
    """
    if not prev.text.rstrip().endswith(_TERMINAL) and _has_room(prev, frag, view, _ROOM_SHARE):
        return True
    return (abs(frag.x0 - prev.x0) < 1.0 and frag.x0 > view.left + 1.5 * frag.size
            and _has_room(prev, frag, view, 0.0))


def _place_and_date(current: list[tuple[int, Fragment]], frag: Fragment,
                    view: PageView) -> bool:
    """Tell whether a line is one paragraph: a place flush left, a date flush right.

    The lines above and below are whole: two columns or a table would split them too.
    """
    if len(current) != 1 or frag.x1 < view.right - frag.size or not _DATE_END.search(frag.text):
        return False
    near = [f.line for f in view.body if abs(f.line - frag.line) == 1]
    return len(near) == len(set(near))


def _flush_right(frag: Fragment, view: PageView) -> bool:
    """Tell whether a line is set flush right, well away from the left margin."""
    return frag.x0 > view.left + 3 * frag.size and frag.x1 > view.right - 0.5 * frag.size


def _centred(frag: Fragment, view: PageView) -> bool:
    """Tell whether a line is set centred on the page (not a full line, not flush left)."""
    return (frag.x0 > view.left + 2 * frag.size and frag.x1 < view.right - frag.size
            and abs(frag.x0 + frag.x1 - view.left - view.right) < 2 * frag.size)


def _hanging(current: list[tuple[int, Fragment]], frag: Fragment) -> bool:
    """Tell whether an indented line is the run-on of a list item set with a hanging indent.

    The line above starts with the item's label («в) сообщать …» / «(два) дня …»), or
    an earlier run-on line of this paragraph starts where this one does.
    """
    if _MARKER.match(current[-1][1].text):
        return True
    return any(abs(f.x0 - frag.x0) < 1.0 for _, f in current[1:-1])


def _goes_on_after_colon(prev: Fragment, frag: Fragment, body: list[Fragment]) -> bool:
    """Tell whether the line after «…:» goes on the sentence («по адресу:» / «[●].»).

    It does when the line above was full (the next word did not fit) and this one
    starts in lower case, with a digit or a bracket rather than a capital or a quote.
    """
    first = frag.text[:1]
    return (first.islower() or first.isdigit() or first in "{[(") and _is_full(prev, frag, body)


def _wrapped(prev: Fragment, frag: Fragment, body: list[Fragment]) -> bool:
    """Tell whether `prev` broke mid-sentence only because the next word did not fit.

    The next line then starts at the paragraph's left edge (or a hanging indent), or,
    in a centred heading, is centred under it.
    """
    before = prev.text.rstrip()
    if before.endswith(":") or _ends_sentence(before):
        return False
    if abs(frag.x0 + frag.x1 - prev.x0 - prev.x1) < 2 * frag.size:
        return _is_full(prev, frag, body)  # centred under it
    left = min((f.x0 for f in body if f.x0 < prev.x1 and f.x1 > prev.x0), default=prev.x0)
    flush = prev.x0 < left + 3 * prev.size  # not a right-aligned line
    return flush and frag.x0 <= prev.x0 + _INDENT * frag.size and _is_full(prev, frag, body)


def _ends_sentence(before: str) -> bool:
    """Tell whether a line ends a sentence: «…;», «….», but not «… ст.» or «… п.»."""
    if not before.endswith(_TERMINAL):
        return False
    return not before.endswith(".") or _ABBREVIATION.search(before[-8:]) is None


def _is_full(prev: Fragment, frag: Fragment, body: list[Fragment]) -> bool:
    """Tell whether the first word of `frag` would not have fit at the end of `prev`."""
    return prev.x1 + _first_word_width(frag) > _right_edge(prev, body)


def _has_room(prev: Fragment, frag: Fragment, view: PageView, share: float) -> bool:
    """Tell whether the first word of `frag` and a margin more would have fit after `prev`.

    The margin is a font size and `share` of the page's text width.
    """
    if prev.line in view.shared or prev.text.endswith(_HYPHENS_TUPLE + (",",)):
        return False  # beside another column its edge is unknown; «-» and «,» go on
    need = _first_word_width(frag) + frag.size + share * (view.right - view.left)
    if _centred(prev, view):  # a centred line has its spare room on both sides
        return 2 * min(prev.x0 - view.left, view.right - prev.x1) > need
    return prev.x1 + need < view.right and prev.x1 + need < _right_edge(prev, view.body)


def _first_word_width(frag: Fragment) -> float:
    """Estimate the width of the first word of a line and the space before it."""
    word = frag.text.split(" ", 1)[0]
    return (frag.x1 - frag.x0) * (len(word) + 1) / max(len(frag.text), 1)


def _below_in_same_cell(prev: Fragment, frag: Fragment, leading: float) -> bool:
    """Tell whether a table line is the next line of the same cell (right under it)."""
    step = prev.base - frag.base
    if step < 0.4 * frag.size or (leading and step > _GAP_FACTOR * leading):
        return False
    return frag.x0 < prev.x1 and frag.x1 > prev.x0


def _label_end(text: str) -> int:
    """Return where a clause number at the start of `text` ends («5.2.», «Статья 11.»), or 0."""
    label, end = parse_typed_label(text)
    if label is None or not (label.text[:1].isdigit() or label.clause is not None):
        return 0
    return end


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
    return prev.x1 < _right_edge(prev, body) - 2 * prev.size


def _right_edge(prev: Fragment, body: list[Fragment]) -> float:
    """Return where the lines of `prev`'s column end on its page (the rightmost).

    Only lines starting about where `prev` does count: a centred heading above two
    columns is wider than either.
    """
    limit = min(prev.x1, prev.x0 + 3 * prev.size)
    return max((f.x1 for f in body if f.x0 < limit and f.x1 > prev.x0), default=prev.x1)
