"""Page furniture: running headers and footers, page numbers, footnotes.

A running header (footer) is a line among the first (last) two lines of a page whose
text, digits ignored, is the same on at least half of the pages (two at least). It
is removed from every page and kept once, where it first appears. A line that is only
a page number («5», «- 5 -», «Страница 5 из 12») is dropped. Footnotes are the lines
at the bottom of a page set smaller than the body text and starting with a number.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

import regex

from contract_lint.parsers.pdf_layout import Fragment, PageLayout
from contract_lint.parsers.pdf_paragraphs import PageText

_EDGE_LINES = 2
_PAGE_NUMBER = regex.compile(
    r"^[\s\-–—|.]*(?:(?:стр\.?|страница|лист|с\.|page|p\.)\s*)?\d{1,4}"
    r"(?:\s*(?:из|/|of)\s*\d{1,4})?[\s\-–—|.]*$",
    regex.IGNORECASE,
)
_FOOTNOTE_SIZE = 0.88
_FOOTNOTE_START = regex.compile(r"^(?:\d{1,3}|[⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3}|\*{1,3})(?:\s|\)|\.\s|$)")


@dataclass(frozen=True, slots=True)
class Furniture:
    """The first occurrence of the running header and footer as (page, fragment) pairs."""

    header: list[tuple[int, Fragment]]
    footer: list[tuple[int, Fragment]]


def split_furniture(pages: list[PageLayout]) -> tuple[list[PageText], Furniture]:
    """Remove headers, footers and page numbers; separate footnotes from body text."""
    top, bottom = _edge_lines(pages, first=True), _edge_lines(pages, first=False)
    header_keys = _repeated(top, len(pages))
    footer_keys = _repeated(bottom, len(pages))
    header: list[tuple[int, Fragment]] = []
    footer: list[tuple[int, Fragment]] = []
    for page, t_lines, b_lines in zip(pages, top, bottom):
        drop = _drop_lines(t_lines, header_keys, header, page.page)
        drop |= _drop_lines(b_lines, footer_keys, footer, page.page)
        page.fragments = [f for f in page.fragments if f.line not in drop]
    footer.sort(key=lambda item: item[1].line)  # it was collected from the bottom up
    body_size = _body_size(pages)
    texts = [PageText(page, _take_footnotes(page, body_size)) for page in pages]
    return texts, Furniture(header, footer)


def _edge_lines(pages: list[PageLayout], *, first: bool) -> list[dict[int, list[Fragment]]]:
    """Return, per page, the edge lines from the edge inwards: {line number: fragments}."""
    result = []
    for page in pages:
        numbers = sorted({f.line for f in page.fragments}, reverse=not first)
        chosen = numbers[:_EDGE_LINES]
        lines = {n: sorted((f for f in page.fragments if f.line == n), key=lambda f: f.x0)
                 for n in chosen}
        result.append(lines)
    return result


def _key(frags: list[Fragment]) -> str:
    """Return the text of a line, digits ignored; a table row never counts as furniture."""
    if any(f.cell for f in frags):
        return ""
    text = " ".join(f.text for f in frags)
    # Case is kept: a title in capitals is not the running header that repeats it.
    return " ".join(regex.sub(r"\d+", "#", text).split())


def _repeated(edges: list[dict[int, list[Fragment]]], page_count: int) -> set[str]:
    counts: Counter[str] = Counter()
    for lines in edges:
        counts.update({_key(frags) for frags in lines.values()})
    needed = max(2, (page_count + 1) // 2)
    return {k for k, n in counts.items() if n >= needed and regex.search(r"\p{L}", k)}


def _drop_lines(
    lines: dict[int, list[Fragment]], keys: set[str], keep: list[tuple[int, Fragment]], page: int
) -> set[int]:
    """Return the line numbers to remove; record the first occurrence of furniture in `keep`.

    Lines are looked at from the page edge inwards and the first line that is neither
    furniture nor a page number stops the search: body text is never taken from
    between two furniture lines.
    """
    drop: set[int] = set()
    first = not keep
    for number, frags in lines.items():
        if _PAGE_NUMBER.match(" ".join(f.text for f in frags)):
            drop.add(number)
        elif (key := _key(frags)) and key in keys:
            drop.add(number)
            if first:
                keep.extend((page, f) for f in frags)
        else:
            break
    return drop


def _body_size(pages: list[PageLayout]) -> float:
    """Return the font size that most of the text is set in."""
    sizes: Counter[float] = Counter()
    for page in pages:
        for f in page.fragments:
            sizes[round(f.size, 1)] += len(f.text)
    return sizes.most_common(1)[0][0] if sizes else 0.0


def _take_footnotes(page: PageLayout, body_size: float) -> list[list[Fragment]]:
    """Remove the small-type lines at the page bottom that start with a number; return them."""
    by_line = sorted(page.fragments, key=lambda f: -f.line)
    area: list[Fragment] = []
    for frag in by_line:
        if frag.size >= _FOOTNOTE_SIZE * body_size:
            break
        area.append(frag)
    if not area or len(area) == len(page.fragments):
        return []
    area_ids = {id(f) for f in area}
    ordered = [f for f in page.fragments if id(f) in area_ids]
    if not _FOOTNOTE_START.match(ordered[0].text):
        return []
    page.fragments = [f for f in page.fragments if id(f) not in area_ids]
    notes: list[list[Fragment]] = []
    left = min(f.x0 for f in ordered)
    for frag in ordered:
        if not notes or (_FOOTNOTE_START.match(frag.text) and frag.x0 <= left + frag.size):
            notes.append([])
        notes[-1].append(frag)
    return notes
