"""Place comment ranges exactly: map Document offsets to points between DOCX runs.

The DOCX reader, in recording mode, keeps for every body block the source element of
each piece of its text (w:t, w:tab, w:sym, m:t ...). A Document offset is mapped back
to a raw offset in that text (undoing normalisation), a w:t is split there if needed,
and the run around it is split so the comment marker sits between two runs. Split
runs get a copy of the original w:rPr, so the formatting of the words is kept.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from lxml import etree

from contract_lint.parsers.docx_body import clean_text
from contract_lint.parsers.docx_text import ParaText
from contract_lint.parsers.docx_xml import M
from contract_lint.parsers.docx_xml import wtag as _w

W_P, W_R, W_T, W_RPR = _w("p"), _w("r"), _w("t"), _w("rPr")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_MATH = f"{{{M}}}"


@dataclass(slots=True)
class Piece:
    """One piece of a block's raw text and the element it comes from."""

    offset: int
    length: int
    element: etree._Element

    @property
    def end(self) -> int:
        return self.offset + self.length


class BlockRanges:
    """Offsets of one recorded block -> elements bounding a range, splitting w:t where needed."""

    def __init__(self, para: ParaText) -> None:
        self.raw = para.text
        norm = clean_text(self.raw)
        self.lead = len(norm) - len(norm.lstrip("\n"))
        self.identity = norm == self.raw
        self.pieces = [Piece(o, n, el) for o, n, el in para.sources or () if n > 0]

    def raw_offset(self, offset: int) -> int:
        """Return the raw position whose normalised prefix has `offset` characters (within the block)."""
        target = offset + self.lead
        if self.identity:
            return min(target, len(self.raw))
        lo, hi = 0, len(self.raw)
        while lo < hi:  # the normalised length of a prefix grows with the prefix
            mid = (lo + hi) // 2
            if len(clean_text(self.raw[:mid])) >= target:
                hi = mid
            else:
                lo = mid + 1
        return lo

    def split_at(self, pos: int) -> None:
        """Make raw position `pos` fall between two pieces by splitting the w:t that holds it."""
        for i, piece in enumerate(self.pieces):
            if piece.offset < pos < piece.end:
                if piece.element.tag != W_T:
                    return  # a symbol or a formula: the range goes around it
                k = pos - piece.offset
                tail = _split_text(piece.element, k)
                self.pieces.insert(i + 1, Piece(pos, piece.length - k, tail))
                piece.length = k
                return

    def first_at(self, pos: int) -> Piece | None:
        """Return the first piece ending after `pos` (where a range starts)."""
        return next((p for p in self.pieces if p.end > pos), None)

    def last_before(self, pos: int) -> Piece | None:
        """Return the last piece starting before `pos` (where a range ends)."""
        return next((p for p in reversed(self.pieces) if p.offset < pos), None)


def _split_text(t: etree._Element, k: int) -> etree._Element:
    """Split w:t after `k` characters; return the new w:t holding the rest (right after `t`)."""
    text = t.text or ""
    tail = etree.Element(W_T)
    tail.text = text[k:]
    t.text = text[:k]
    for el in (t, tail):
        el.set(XML_SPACE, "preserve")
    t.addnext(tail)
    return tail


def _run_and_child(el: etree._Element) -> tuple[etree._Element | None, etree._Element]:
    """Return the run holding `el` and `el`; for a formula, None and its outermost math element."""
    parent = el.getparent()
    if parent is not None and parent.tag == W_R:
        return parent, el
    child = el
    while (up := child.getparent()) is not None and isinstance(up.tag, str) and up.tag.startswith(_MATH):
        child = up
    return None, child


def _split_run_before(run: etree._Element, child: etree._Element) -> etree._Element:
    """Move `child` and what follows it into a new run after `run` (same attributes and w:rPr)."""
    new = etree.Element(W_R, dict(run.attrib))
    rpr = run.find(W_RPR)
    if rpr is not None:
        new.append(copy.deepcopy(rpr))
    moving = [child, *child.itersiblings()]
    for el in moving:
        new.append(el)
    run.addnext(new)
    return new


def insert_before(el: etree._Element, marker: etree._Element) -> None:
    """Insert `marker` right before the piece element `el`, outside any run."""
    run, child = _run_and_child(el)
    if run is None:
        child.addprevious(marker)
        return
    before = [c for c in child.itersiblings(preceding=True) if c.tag != W_RPR]
    if not before:
        run.addprevious(marker)
    else:
        _split_run_before(run, child).addprevious(marker)


def insert_after(el: etree._Element, marker: etree._Element) -> None:
    """Insert `marker` right after the piece element `el`, outside any run."""
    run, child = _run_and_child(el)
    if run is None:
        child.addnext(marker)
        return
    following = child.getnext()
    if following is not None:
        _split_run_before(run, following)
    run.addnext(marker)


def insert_reference(end_marker: etree._Element, run: etree._Element) -> None:
    """Put the comment reference run after the range end, at paragraph level (not inside w:ins)."""
    anchor = end_marker
    while (up := anchor.getparent()) is not None and up.tag != W_P:
        anchor = up
    if anchor.getparent() is None:
        anchor = end_marker
    anchor.addnext(run)
