"""Walk the body of a DOCX once, in document order, and add its blocks to a DocumentBuilder.

Paragraphs get their displayed number (docx_numbering) and their clause (ClauseTracker);
tables are read cell by cell, merged cells once, nested tables after their cell; text
boxes become TEXT_BOX blocks right after the paragraph that anchors them.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from contract_lint.model import Block, BlockKind, DocumentBuilder, Location, normalize_text
from contract_lint.parsers.clauses import ClauseTracker
from contract_lint.parsers.docx_numbering import Numbering
from contract_lint.parsers.docx_styles import Styles, outline_level, read_num_pr
from contract_lint.parsers.docx_text import (
    ALT, CHOICE, RANGE_END, RANGE_START, FieldStack, ParaText, paragraph_text,
)
from contract_lint.parsers.docx_xml import VAL as _VAL
from contract_lint.parsers.docx_xml import wtag as _w

P, TBL, TR, TC, PPR = _w("p"), _w("tbl"), _w("tr"), _w("tc"), _w("pPr")
SDT, SDT_CONTENT, SECT_PR = _w("sdt"), _w("sdtContent"), _w("sectPr")
_TRANSPARENT = frozenset({_w("customXml"), _w("ins"), _w("moveTo"), _w("smartTag")})
_ID = _w("id")
_PARA_MARK_DEL = f"{_w('rPr')}/{_w('del')}"
_MOVED_FROM = f"{_w('rPr')}/{_w('moveFrom')}"


@dataclass(frozen=True, slots=True)
class Numbered:
    """A paragraph's automatic number and whether its style makes it a heading."""

    label: str | None
    level: int | None
    heading: bool
    toc: bool = False


def join_parts(parts: list[ParaText], sep: str = "\n") -> ParaText:
    """Concatenate paragraphs into one block text, shifting their marks (and recorded sources)."""
    out = ParaText(sources=[] if any(p.sources is not None for p in parts) else None)
    for i, part in enumerate(parts):
        if i:
            out.add(sep, False)
        offset = out.length
        out.marks.extend((k, ident, pos + offset) for k, ident, pos in part.marks)
        if part.sources and out.sources is not None:
            out.sources.extend((pos + offset, n, el) for pos, n, el in part.sources)
        for text in part.parts:
            out.add(text, False)
        out.textboxes.extend(part.textboxes)
        out.notes.extend(part.notes)
    return out


class BodyReader:
    """Turn w:body (and text boxes inside it) into blocks, with numbers and clauses."""

    def __init__(self, builder: DocumentBuilder, styles: Styles, numbering: Numbering,
                 record: bool = False) -> None:
        self.builder = builder
        #: When recording (annotate): block index -> (raw text, recorded ParaText) of body blocks.
        self.record = record
        self.sources: dict[int, ParaText] = {}
        self.note_blocks: dict[tuple[str, str], int] = {}  # (footnote|endnote, id) -> citing block
        self.notes_added: dict[tuple[str, str], int] = {}  # (footnote|endnote, id) -> its own block
        self.styles = styles
        self.numbering = numbering
        self.tracker = ClauseTracker()
        self.fields = FieldStack()
        self.tables = 0
        self.comment_marks: dict[str, dict[str, int]] = {"start": {}, "end": {}, "ref": {}}
        self.note_locations: dict[tuple[str, str], Location] = {}
        self.section_props: list[etree._Element] = []
        self._carry: list[ParaText] = []
        self._last_end = 0
        self._level_styles = numbering.level_styles()

    # -- block containers -------------------------------------------------
    def blocks(self, container: etree._Element, kind: BlockKind | None = None) -> None:
        """Read block-level content; `kind` is TEXT_BOX inside a text box, None in the body."""
        for child in container:
            tag = child.tag
            if tag == P:
                self._paragraph(child, kind)
            elif tag == TBL:
                self.table(child)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self.blocks(content, kind)
            elif tag in _TRANSPARENT:
                self.blocks(child, kind)
            elif tag == ALT:
                choice = child.find(CHOICE)
                if choice is not None:
                    self.blocks(choice, kind)
            elif tag == SECT_PR:
                self.section_props.append(child)
            elif tag in (RANGE_START, RANGE_END):
                pos = self.builder.position if tag == RANGE_START else self._last_end
                self.comment_marks["start" if tag == RANGE_START else "end"][child.get(_ID, "")] = pos

    def _paragraph(self, p: etree._Element, kind: BlockKind | None) -> None:
        read = self.read_paragraph(p)
        if read is None:
            return
        para, num = read
        norm = clean_text(para.text)
        if para.toc or num.toc:
            # A table of contents repeats the headings: shown, not linted, not a clause.
            info = self.tracker.current()
            self.add(para, BlockKind.PARAGRAPH, Location(clause=info.clause, section=info.section),
                     lint=False, norm=norm)
            return
        if kind is BlockKind.TEXT_BOX:
            info = self.tracker.current()
            block_kind = kind
        else:
            info = self.tracker.feed(norm, auto_label=num.label, heading_hint=num.heading)
            block_kind = BlockKind.HEADING if info.is_heading else (
                BlockKind.LIST_ITEM if info.label else BlockKind.PARAGRAPH)
        label = num.label if num.label else (info.label.text if info.label else None)
        level = num.level if num.label else (info.label.depth if info.label else None)
        self.add(para, block_kind, Location(clause=info.clause, section=info.section),
                 label=label, level=level, norm=norm)
        self._textboxes(para.textboxes)

    def read_paragraph(self, p: etree._Element) -> tuple[ParaText, Numbered] | None:
        """Return a paragraph's text and number; None if its mark is deleted (merged into the next)."""
        para = paragraph_text(p, self.fields, self.record)
        ppr = p.find(PPR)
        if ppr is not None:
            if ppr.find(SECT_PR) is not None:
                self.section_props.append(ppr.find(SECT_PR))
            if ppr.find(_PARA_MARK_DEL) is not None or ppr.find(_MOVED_FROM) is not None:
                self._carry.append(para)  # accepted view: this paragraph joins the next one
                return None
        if self._carry:
            para = join_parts([*self._carry, para], sep="")
            self._carry = []
        return para, self._number(ppr)

    def flush(self, kind: BlockKind = BlockKind.PARAGRAPH) -> None:
        """Emit text carried from a deleted paragraph mark at the very end of a story."""
        if self._carry:
            para, self._carry = join_parts(self._carry, sep=""), []
            info = self.tracker.current()
            self.add(para, kind, Location(clause=info.clause, section=info.section))

    def _number(self, ppr: etree._Element | None) -> Numbered:
        style_el = ppr.find(_w("pStyle")) if ppr is not None else None
        style_id = style_el.get(_VAL) if style_el is not None else None
        style = self.styles.info(style_id)
        lvl = outline_level(ppr)
        heading = style.heading if lvl is None else lvl < 9
        own = read_num_pr(ppr)
        inherited = style.numbering
        num_id = own.num_id if own and own.num_id is not None else (inherited.num_id if inherited else None)
        if num_id is None or num_id == "0":
            return Numbered(None, None, heading, style.toc)
        ilvl = own.ilvl if own and own.ilvl is not None else (inherited.ilvl if inherited else None)
        if ilvl is None:
            # a style linked to a list level (w:lvl/w:pStyle) gives the level
            ilvl = self._level_styles.get(style_id or self.styles.default or "", 0)
        result = self.numbering.label(num_id, ilvl)
        if result is None or not result[0].strip():
            return Numbered(None, None, heading, style.toc)
        return Numbered(result[0], result[1] + 1, heading, style.toc)

    # -- tables -----------------------------------------------------------
    def table(self, tbl: etree._Element) -> None:
        """Read a table cell by cell; vertically merged continuation cells are skipped."""
        self.tables += 1
        number = self.tables
        for row_no, tr in enumerate(_children(tbl, TR), start=1):
            trpr = tr.find(_w("trPr"))
            if trpr is not None and trpr.find(_w("del")) is not None:
                continue  # a deleted row is absent from the accepted view
            col = 1 + _int_val(trpr.find(_w("gridBefore")) if trpr is not None else None, 0)
            for tc in _children(tr, TC):
                tcpr = tc.find(_w("tcPr"))
                span = _int_val(tcpr.find(_w("gridSpan")) if tcpr is not None else None, 1)
                if not _is_merge_continuation(tcpr):
                    self._cell(tc, number, row_no, col)
                col += max(span, 1)

    def _cell(self, tc: etree._Element, table: int, row: int, col: int) -> None:
        parts: list[ParaText] = []
        deferred: list[etree._Element] = []
        self._collect(tc, parts, deferred)
        parts.extend(self._carry)  # a cell's last paragraph mark cannot really be deleted
        self._carry = []
        para = join_parts(parts)
        info = self.tracker.current()
        self.add(para, BlockKind.TABLE_CELL,
                 Location(clause=info.clause, section=info.section, table=table, row=row, col=col))
        for el in deferred:
            if el.tag == TBL:
                self.table(el)
            else:
                self._textboxes([el])

    def _collect(self, container: etree._Element, parts: list[ParaText], deferred: list) -> None:
        """Gather a cell's paragraphs (numbers typed into the text); defer tables and text boxes."""
        for child in container:
            tag = child.tag
            if tag == P:
                read = self.read_paragraph(child)
                if read is None:
                    continue
                para, num = read
                if num.label:
                    labelled = ParaText()
                    labelled.add(num.label + " ", False)
                    para = join_parts([labelled, para], sep="")
                deferred.extend(para.textboxes)
                para.textboxes = []
                parts.append(para)
            elif tag == TBL:
                deferred.append(child)
            elif tag == SDT:
                content = child.find(SDT_CONTENT)
                if content is not None:
                    self._collect(content, parts, deferred)
            elif tag in _TRANSPARENT:
                self._collect(child, parts, deferred)

    def _textboxes(self, boxes: list[etree._Element]) -> None:
        for box in boxes:
            self.blocks(box, BlockKind.TEXT_BOX)
            self.flush(BlockKind.TEXT_BOX)

    # -- adding blocks ----------------------------------------------------
    def add(self, para: ParaText, kind: BlockKind, location: Location, *,
            label: str | None = None, level: int | None = None, lint: bool = True,
            norm: str | None = None) -> Block | None:
        """Normalise (unless `norm` is given) and add one block; place comment marks and notes."""
        raw = para.text
        norm = clean_text(raw) if norm is None else norm
        text = norm.strip("\n")
        lead = len(norm) - len(norm.lstrip("\n"))
        block = self.builder.add(text, kind, location, label=label, level=level, lint=lint,
                                 normalised=True)
        base = block.start if block else self.builder.position
        for mark, ident, pos in para.marks:
            offset = min(max(len(clean_text(raw[:pos])) - lead, 0), len(text))
            self.comment_marks[mark].setdefault(ident, base + offset if block else self._last_end)
        for note in para.notes:
            self.note_locations.setdefault(note, location)
        if block is not None:
            self._last_end = block.end
            if self.record:
                self._remember(block, para)
        return block

    def _remember(self, block: Block, para: ParaText) -> None:
        """Keep the pieces of a recorded block and the notes it cites (for annotate)."""
        if para.sources is not None:
            self.sources[block.index] = para
        for note in para.notes:
            self.note_blocks.setdefault(note, block.index)


def clean_text(raw: str) -> str:
    """Normalise text; drop private-use characters (Symbol/Wingdings glyphs such as U+F0B7)."""
    text = normalize_text(raw)
    if not text or max(text) < "\ue000":
        return text
    return "".join(c for c in text if not "\ue000" <= c <= "\uf8ff")


def _children(el: etree._Element, tag: str):
    """Yield children with `tag`, looking through content controls and custom XML wrappers."""
    for child in el:
        if child.tag == tag:
            yield child
        elif child.tag == SDT:
            content = child.find(SDT_CONTENT)
            if content is not None:
                yield from _children(content, tag)
        elif child.tag in _TRANSPARENT:
            yield from _children(child, tag)


def _int_val(el: etree._Element | None, default: int) -> int:
    if el is None:
        return default
    try:
        return int(el.get(_VAL, str(default)))
    except ValueError:
        return default


def _is_merge_continuation(tcpr: etree._Element | None) -> bool:
    if tcpr is None:
        return False
    vmerge = tcpr.find(_w("vMerge"))
    if vmerge is not None and vmerge.get(_VAL, "continue") == "continue":
        return True
    hmerge = tcpr.find(_w("hMerge"))  # legacy horizontal merge
    return hmerge is not None and hmerge.get(_VAL, "continue") == "continue"
