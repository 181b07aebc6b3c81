"""Write a reviewed copy of a DOCX: one Word comment per finding, on the matched words.

Our comments carry the author «contract-lint»; a second run first removes them (and
their ranges) so comments never pile up. Other comments, tracked changes and every
other part of the package are copied unchanged.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Sequence

from lxml import etree

from contract_lint.annotate.docx_package import CommentsPart, Package
from contract_lint.annotate.docx_ranges import (
    W_R, W_RPR, BlockRanges, insert_after, insert_before, insert_reference,
)
from contract_lint.errors import DocumentError
from contract_lint.findings import Finding
from contract_lint.model import FURNITURE_KINDS, BlockKind, Document
from contract_lint.parsers.docx import DocxSource
from contract_lint.parsers.docx_xml import wtag as _w

AUTHOR = "contract-lint"
INITIALS = "CL"
RANGE_START, RANGE_END, REFERENCE = _w("commentRangeStart"), _w("commentRangeEnd"), _w("commentReference")
_ID = _w("id")
_WHERE = {
    BlockKind.HEADER: "В верхнем колонтитуле",
    BlockKind.FOOTER: "В нижнем колонтитуле",
    BlockKind.FOOTNOTE: "В сноске",
    BlockKind.ENDNOTE: "В концевой сноске",
}
_NOT_IN_BODY = FURNITURE_KINDS | {BlockKind.FOOTNOTE, BlockKind.ENDNOTE}
_PARAGRAPHS = frozenset({BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM})


@dataclass(frozen=True, slots=True)
class Anchor:
    """Where one comment goes: a body block and a span of its text, plus where the finding really is."""

    block: int
    start: int  # offsets within the block's text
    end: int
    where: str | None = None  # «В сноске» when the finding is in a part Word cannot comment


def comment_text(finding: Finding, where: str | None = None) -> str:
    """Return «[PAY001 · ошибка] message — Предложение: …» (with the real place, if moved)."""
    text = finding.message
    if where:
        text = f"{where}: «{finding.match}». {text}"
    if finding.suggestion:
        text += f" — Предложение: {finding.suggestion}"
    return f"[{finding.rule} · {finding.severity.label_ru}] {text}"


def anchor_for(finding: Finding, doc: Document, source: DocxSource) -> Anchor | None:
    """Decide where the comment of `finding` goes; None when the document has no body text."""
    block = doc.blocks[finding.block] if finding.block is not None and finding.block < len(doc.blocks) else None
    if block is not None and block.kind in _NOT_IN_BODY:
        safe = source.note_blocks.get(block.index, _title(doc, source))
        if safe is None:
            return None
        return Anchor(safe, 0, len(doc.blocks[safe].text), _WHERE.get(block.kind))
    if block is not None and block.index in source.blocks:
        if finding.document_level or finding.start is None or finding.end is None:
            return Anchor(block.index, 0, len(block.text))
        start, end = finding.start - block.start, finding.end - block.start
        if doc.text[finding.start:finding.end] == finding.match and 0 <= start < end <= len(block.text):
            return Anchor(block.index, start, end)
        return Anchor(block.index, 0, len(block.text))
    title = _title(doc, source)
    return None if title is None else Anchor(title, 0, len(doc.blocks[title].text))


def _title(doc: Document, source: DocxSource) -> int | None:
    """Return the first non-empty body paragraph (the title of the contract), else the first body block."""
    body = [b for b in doc.blocks if b.index in source.blocks and b.kind not in _NOT_IN_BODY]
    first = next((b for b in body if b.lint and b.kind in _PARAGRAPHS), body[0] if body else None)
    return None if first is None else first.index


def annotate_docx(doc: Document, source: DocxSource, findings: Sequence[Finding]) -> tuple[bytes, int]:
    """Return the bytes of the reviewed copy and the number of comments added."""
    if source.strict:
        raise DocumentError(doc.path, "Strict Open XML documents cannot be annotated",
                            "save the file as an ordinary Word document (.docx) and try again")
    package = Package(doc.path, source.data, source.main)
    comments = package.comments()
    remove_own(source.root, comments, package)
    comments.reserve({el.get(_ID, "") for el in source.root.iter(RANGE_START, RANGE_END, REFERENCE)})
    ranges: dict[int, BlockRanges] = {}
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    for finding in findings:
        anchor = anchor_for(finding, doc, source)
        if anchor is None:
            continue
        ident = comments.next_id()
        if not _place(ranges, source, anchor, ident):
            title = _title(doc, source)  # the words have no text of their own (a lone label, say)
            if title is None or not _place(ranges, source, Anchor(title, 0, len(doc.blocks[title].text)), ident):
                continue
        comments.add(ident, comment_text(finding, anchor.where), AUTHOR, INITIALS, stamp)
    package.replace(source.main, source.root)
    return package.write(comments), comments.added


def _place(ranges: dict[int, BlockRanges], source: DocxSource, anchor: Anchor, ident: int) -> bool:
    """Insert the range start, end and reference of comment `ident`; False if the span has no text."""
    if anchor.block not in ranges:
        ranges[anchor.block] = BlockRanges(source.blocks[anchor.block])
    block = ranges[anchor.block]
    start, end = block.raw_offset(anchor.start), block.raw_offset(anchor.end)
    block.split_at(start)
    block.split_at(end)
    first, last = block.first_at(start), block.last_before(end)
    if first is None or last is None or first.offset > last.offset:
        return False
    begin, finish = _marker(RANGE_START, ident), _marker(RANGE_END, ident)
    insert_before(first.element, begin)
    insert_after(last.element, finish)
    insert_reference(finish, _reference_run(ident))
    return True


def _marker(tag: str, ident: int) -> etree._Element:
    el = etree.Element(tag)
    el.set(_ID, str(ident))
    return el


def _reference_run(ident: int) -> etree._Element:
    run = etree.Element(W_R)
    rpr = etree.SubElement(run, W_RPR)
    etree.SubElement(rpr, _w("rStyle")).set(_w("val"), "CommentReference")
    etree.SubElement(run, REFERENCE).set(_ID, str(ident))
    return run


def remove_own(root: etree._Element, comments: CommentsPart, package: Package) -> None:
    """Remove the comments written by an earlier run (author «contract-lint») and their ranges."""
    ids = comments.remove_author(AUTHOR)
    if not ids:
        return
    for el in list(root.iter(RANGE_START, RANGE_END, REFERENCE)):
        if el.get(_ID) not in ids:
            continue
        parent = el.getparent()
        if el.tag == REFERENCE and parent.tag == W_R and all(c.tag in (W_RPR, REFERENCE) for c in parent):
            el, parent = parent, parent.getparent()
        parent.remove(el)
    package.forget_comment_extras(comments.removed_para_ids)

