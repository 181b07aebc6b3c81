"""Read an OpenDocument text (.odt) natively: content.xml for the body, styles.xml for headers.

Block order matches the DOCX reader: the body (text boxes after their anchor
paragraph, tables cell by cell), then headers, footers, footnotes and endnotes.
Tracked deletions live in `text:tracked-changes`, outside the body, and are dropped;
insertions are already in the body. List and heading numbers are computed from the
list styles (odt_numbering), since ODT does not store them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex
from lxml import etree

from contract_lint.errors import DocumentError
from contract_lint.model import BlockKind, Comment, Document, DocumentBuilder, Location
from contract_lint.parsers.clauses import ClauseTracker
from contract_lint.parsers.odt_numbering import Counters, ListStyle, q, read_list_styles
from contract_lint.parsers.ziputil import Kind, SafeZip, read_input

ODT = Kind("ODT", "open the file in LibreOffice and save it again as .odt or .docx")
P, H, LIST, TABLE = q("text", "p"), q("text", "h"), q("text", "list"), q("table", "table")
LIST_ITEM, LIST_HEADER = q("text", "list-item"), q("text", "list-header")
_CONTAINERS = frozenset({q("text", "section"), q("text", "soft-page-break"), q("office", "text")})
_ROW_GROUPS = frozenset({q("table", n) for n in ("table-header-rows", "table-rows", "table-row-group")})
_CELLS = frozenset({q("table", "table-cell"), q("table", "covered-table-cell")})
_OPAQUE = frozenset({q("text", "note"), q("office", "annotation"), q("draw", "frame"),
                     q("text", "tracked-changes")})
_XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
_PAGE_FIELDS = frozenset({q("text", "page-number"), q("text", "page-count")})
_PAGE_WORDS = frozenset({"страница", "стр", "лист", "из", "page", "of"})
_SPACES = regex.compile(r"[ \t\r\n]+")
_NOTE_KINDS = {"footnote": BlockKind.FOOTNOTE, "endnote": BlockKind.ENDNOTE}
_FURNITURE = (
    (BlockKind.HEADER, ("header", "header-first", "header-left")),
    (BlockKind.FOOTER, ("footer", "footer-first", "footer-left")),
)


@dataclass(slots=True)
class _Inline:
    """A paragraph's visible text and what hangs off it (notes, text boxes, comments)."""

    parts: list[str] = field(default_factory=list)
    notes: list[etree._Element] = field(default_factory=list)
    frames: list[etree._Element] = field(default_factory=list)
    annotations: list[etree._Element] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.parts)


def parse_odt(path: str, data: bytes | None = None) -> Document:
    """Parse the ODT at `path` (or its bytes `data`) into a Document of format "odt"."""
    package = SafeZip(path, read_input(path, data), ODT)
    if not package.has("content.xml"):
        raise DocumentError(path, "content.xml is missing: not an OpenDocument text", ODT.save_hint)
    if package.has("META-INF/manifest.xml") and b"encryption-data" in package.read("META-INF/manifest.xml"):
        raise DocumentError(path, "password-protected ODT file",
                            "remove the password in LibreOffice (File → Properties → Security) and save again")
    content = package.xml("content.xml")
    styles = package.xml("styles.xml") if package.has("styles.xml") else None
    list_styles, outline = read_list_styles(*(r for r in (styles, content) if r is not None))
    reader = _Reader(DocumentBuilder(path, "odt"), list_styles, outline)
    body = content.find(f"{q('office', 'body')}/{q('office', 'text')}")
    if body is None:
        raise DocumentError(path, "the file has no text body (a spreadsheet or drawing?)", ODT.save_hint)
    reader.walk(body)
    if styles is not None:
        reader.furniture(styles)
    reader.flush_notes()
    reader.builder.meta["tables"] = reader.tables
    return reader.builder.build()


class _Reader:
    """Walk content.xml once, feeding paragraphs to the clause tracker in reading order."""

    def __init__(self, builder: DocumentBuilder, list_styles: dict[str, ListStyle], outline: ListStyle) -> None:
        self.builder = builder
        self.tracker = ClauseTracker()
        self.list_styles = list_styles
        self.outline = outline
        self.outline_counters = Counters()
        self.lists: dict[str, Counters] = {}  # by list style: text:continue-numbering
        self.list_ids: dict[str, Counters] = {}  # by xml:id: text:continue-list
        self.tables = 0
        self.notes: list[tuple[etree._Element, Location]] = []

    def walk(self, parent: etree._Element) -> None:
        """Read the block-level children of `parent` (body, section)."""
        for el in parent:
            if el.tag in (P, H):
                self.read_paragraph(el)
            elif el.tag == LIST:
                self.read_list(el)
            elif el.tag == TABLE:
                self.read_table(el)
            elif el.tag in _CONTAINERS:
                self.walk(el)
            # tracked-changes (deleted text), sequence/variable declarations and the table
            # of contents (a copy of the headings) are not contract text.

    def read_paragraph(self, el: etree._Element, label: str | None = None, level: int | None = None) -> None:
        """Add one text:p or text:h; `label` is its computed list number, if in a list."""
        inline = _inline(el)
        text = inline.text.strip()
        is_heading = el.tag == H
        in_list = level is not None
        if is_heading and not in_list and el.get(q("text", "is-list-header")) != "true":
            outline_level = int(el.get(q("text", "outline-level"), "1"))
            label = self.outline_counters.step(self.outline, outline_level)
            level = outline_level
        numbered = label if label and any(c.isalnum() for c in label) else None
        info = self.tracker.feed(text, auto_label=numbered, heading_hint=is_heading)
        if info.is_heading:
            kind = BlockKind.HEADING
        else:
            kind = BlockKind.LIST_ITEM if (label or info.label) else BlockKind.PARAGRAPH
        location = Location(clause=info.clause, section=info.section)
        shown = label or (info.label.text if info.label else None)
        block = self.builder.add(text, kind, location, label=shown,
                                 level=level if level is not None else (info.label.depth if info.label else None))
        self._attachments(inline, location, block.start if block else self.builder.position,
                          block.end if block else self.builder.position)

    def read_list(self, el: etree._Element, depth: int = 1, style: str | None = None,
                  counters: Counters | None = None) -> None:
        """Read a text:list: each item's first paragraph gets the number of its level."""
        style = el.get(q("text", "style-name")) or style or ""
        if counters is None:
            counters = self._counters(el, style)
        levels = self.list_styles.get(style, {})
        for item in el:
            if item.tag not in (LIST_ITEM, LIST_HEADER):
                continue
            first = item.tag == LIST_ITEM
            if first and _first_child_tag(item) not in (P, H):
                counters.touch(levels, depth)
                first = False
            for child in item:
                if child.tag in (P, H):
                    label = _item_label(item, counters, levels, depth) if first else None
                    self.read_paragraph(child, label=label, level=depth)
                    first = False
                elif child.tag == LIST:
                    self.read_list(child, depth + 1, style, counters)
                elif child.tag == TABLE:
                    self.read_table(child)

    def _counters(self, el: etree._Element, style: str) -> Counters:
        """Return the counters a top-level list continues (text:continue-list / -numbering) or new ones."""
        target = el.get(q("text", "continue-list"))
        if target and target in self.list_ids:
            counters = self.list_ids[target]
        elif el.get(q("text", "continue-numbering")) == "true" and style in self.lists:
            counters = self.lists[style]
        else:
            counters = Counters()
        self.lists[style] = counters
        xml_id = el.get(_XML_ID)
        if xml_id:
            self.list_ids[xml_id] = counters
        return counters

    def read_table(self, el: etree._Element) -> None:
        """Add each cell of a table as a TABLE_CELL block (nested tables flattened into it)."""
        self.tables += 1
        number = self.tables
        for row_no, row in enumerate(_rows(el), start=1):
            col = 0
            for cell in row:
                if cell.tag not in _CELLS:
                    continue
                col += 1
                if cell.tag == q("table", "table-cell"):
                    self._cell(cell, number, row_no, col)
                col += int(cell.get(q("table", "number-columns-repeated"), "1")) - 1

    def _cell(self, cell: etree._Element, table: int, row: int, col: int) -> None:
        inline = _Inline()
        texts = []
        for p in _paragraphs(cell, skip_tables=True):
            part = _inline(p)
            texts.append(part.text.strip())
            inline.notes += part.notes
            inline.annotations += part.annotations
        info = self.tracker.current()
        location = Location(clause=info.clause, section=info.section, table=table, row=row, col=col)
        block = self.builder.add("\n".join(texts).strip(), BlockKind.TABLE_CELL, location)
        position = self.builder.position
        self._attachments(inline, location, block.start if block else position, block.end if block else position)
        for nested in _nested_tables(cell):  # after their cell, numbered in document order (as DOCX)
            self.read_table(nested)

    def _attachments(self, inline: _Inline, location: Location, start: int, end: int) -> None:
        for note in inline.notes:
            self.notes.append((note, location))
        for ann in inline.annotations:
            author = "".join(ann.findtext(q("dc", "creator")) or "")
            text = "\n".join(_inline(p).text for p in ann.iter(P))
            self.builder.comments.append(Comment(author=author, text=text, start=start, end=end))
        for frame in inline.frames:
            for p in _paragraphs(frame):
                self.builder.add(_inline(p).text.strip(), BlockKind.TEXT_BOX, location)

    def furniture(self, styles: etree._Element) -> None:
        """Add the headers, then the footers, of every master page, each distinct text once."""
        masters = list(styles.iter(q("style", "master-page")))
        for kind, tags in _FURNITURE:
            seen: set[str] = set()
            for master in masters:
                for part in master:
                    if etree.QName(part).localname not in tags:
                        continue
                    for p in _paragraphs(part):
                        text = _inline(p).text.strip()
                        key = _furniture_key(p, text)
                        if text and key not in seen:
                            seen.add(key)
                            self.builder.add(text, kind, Location(), lint=not _page_number_only(p, text))

    def flush_notes(self) -> None:
        """Add footnotes, then endnotes, with the clause of the paragraph that cites them."""
        for note_class, kind in _NOTE_KINDS.items():
            for note, location in self.notes:
                if note.get(q("text", "note-class"), "footnote") != note_class:
                    continue
                body = note.find(q("text", "note-body"))
                if body is not None:
                    text = "\n".join(_inline(p).text.strip() for p in _paragraphs(body))
                    self.builder.add(text, kind, location)


def _first_child_tag(el: etree._Element) -> str | None:
    return next((child.tag for child in el if isinstance(child.tag, str)), None)


def _furniture_key(p: etree._Element, text: str) -> str:
    """Return the text with page-number fields masked: «Страница 1 из 3» on every master page is one."""
    if not any(True for _ in p.iter(*_PAGE_FIELDS)):
        return text
    return regex.sub(r"\d+", "#", text)


def _page_number_only(p: etree._Element, text: str) -> bool:
    """Return whether a header/footer paragraph only shows page numbers («Страница 3 из 10»)."""
    if not any(True for _ in p.iter(*_PAGE_FIELDS)):
        return False
    words = "".join(c if c.isalpha() else " " for c in text.lower()).split()
    return all(word in _PAGE_WORDS for word in words)


def _item_label(item: etree._Element, counters: Counters, levels: ListStyle, depth: int) -> str | None:
    """Return the number shown for a list item: LibreOffice's text:number, else computed."""
    start = item.get(q("text", "start-value"))
    label = counters.step(levels, depth, int(start) if start and start.isdigit() else None)
    for child in item:
        if child.tag in (P, H):
            shown = child.find(q("text", "number"))
            if shown is not None and (shown.text or "").strip():
                return shown.text.strip()
            break
    return label


def _paragraphs(el: etree._Element, skip_tables: bool = False):  # type: ignore[no-untyped-def]
    """Yield the paragraphs inside `el`, not those of notes, comments or text boxes it holds."""
    for child in el:
        if child.tag in (P, H):
            yield child
        elif isinstance(child.tag, str) and child.tag not in _OPAQUE and not (skip_tables and child.tag == TABLE):
            yield from _paragraphs(child, skip_tables)


def _nested_tables(el: etree._Element):  # type: ignore[no-untyped-def]
    """Yield the tables directly inside a cell (not tables nested in those)."""
    for child in el:
        if child.tag == TABLE:
            yield child
        elif isinstance(child.tag, str) and child.tag not in _OPAQUE and child.tag not in (P, H):
            yield from _nested_tables(child)


def _rows(table: etree._Element):  # type: ignore[no-untyped-def]
    """Yield the table's rows, through header-row and row-group wrappers."""
    for el in table:
        if el.tag == q("table", "table-row"):
            yield el
        elif el.tag in _ROW_GROUPS:
            yield from _rows(el)


def _inline(el: etree._Element) -> _Inline:
    """Return the text of a paragraph: spans, spaces, tabs, line breaks; notes set aside."""
    out = _Inline()
    _visit(el, out)
    return out


def _visit(node: etree._Element, out: _Inline) -> None:
    if node.text:
        out.parts.append(_SPACES.sub(" ", node.text))
    for child in node:
        tag = child.tag
        if tag == q("text", "s"):
            out.parts.append(" " * int(child.get(q("text", "c"), "1")))
        elif tag == q("text", "tab"):
            out.parts.append("\t")
        elif tag == q("text", "line-break"):
            out.parts.append("\n")
        elif tag == q("text", "note"):
            out.notes.append(child)
        elif tag == q("office", "annotation"):
            out.annotations.append(child)
        elif tag == q("draw", "frame"):
            out.frames.append(child)
        elif tag == q("text", "number") or not isinstance(tag, str):
            pass  # the list number is the block's label, not its text
        else:
            _visit(child, out)
        if child.tail:
            out.parts.append(_SPACES.sub(" ", child.tail))
