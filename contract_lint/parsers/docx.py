"""Read a DOCX into a located Document: body, tables, text boxes, headers, notes, comments.

The package is opened with `ziputil.SafeZip` (bomb, encryption and DTD checks) and
each XML part is parsed once with lxml and walked once; see docx_body for the body.
Order of blocks in `Document.text`: the body (with text boxes after their anchor
paragraph and cells in table order), then headers, footers, footnotes, endnotes.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from lxml import etree

from contract_lint.errors import DocumentError
from contract_lint.model import BlockKind, Comment, Document, DocumentBuilder, Location
from contract_lint.parsers.docx_body import P, BodyReader
from contract_lint.parsers.docx_numbering import Numbering
from contract_lint.parsers.docx_styles import Styles
from contract_lint.parsers.docx_text import FieldStack, ParaText, paragraph_text
from contract_lint.parsers.docx_xml import MC, R, W
from contract_lint.parsers.docx_xml import wtag as _w
from contract_lint.parsers.ziputil import Kind, SafeZip, parse_xml, read_input

DOCX = Kind("DOCX", "open the file in Word or LibreOffice and save it again as .docx")
_PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships"
_STRICT = {
    b"http://purl.oclc.org/ooxml/wordprocessingml/main": W.encode(),
    b"http://purl.oclc.org/ooxml/officeDocument/relationships": R.encode(),
}
_FALLBACK = f"{{{MC}}}Fallback"
_PAGE_WORDS = frozenset({"страница", "стр", "лист", "из", "page", "of"})
_NOTE_KINDS = {"footnote": BlockKind.FOOTNOTE, "endnote": BlockKind.ENDNOTE}


def parse_docx(path: str, data: bytes | None = None) -> Document:
    """Parse the DOCX at `path` (or its bytes `data`) into a Document of format "docx"."""
    return _read(path, read_input(path, data), record=False)[0]


@dataclass
class DocxSource:
    """A DOCX read for editing (annotate): the main part's tree and where block texts come from.

    `blocks` maps a body block's index to its ParaText with recorded source elements
    (pieces of `root`); `note_blocks` maps a footnote/endnote block to the body block
    citing it.
    """

    data: bytes
    main: str
    root: etree._Element
    strict: bool
    blocks: dict[int, ParaText]
    note_blocks: dict[int, int]


def read_docx_source(path: str, data: bytes | None = None) -> tuple[Document, DocxSource]:
    """Parse a DOCX like parse_docx and keep the main part's tree with each block's source elements."""
    data = read_input(path, data)
    doc, package, root, reader = _read(path, data, record=True)
    cited = {block: reader.note_blocks[note] for note, block in reader.notes_added.items()
             if note in reader.note_blocks}
    strict = b"purl.oclc.org/ooxml/" in package.zip.read(package.main)[:2048]
    return doc, DocxSource(data, package.main, root, strict, reader.sources, cited)


def _read(path: str, data: bytes, record: bool) -> tuple[Document, "_Package", etree._Element, BodyReader]:
    package = _Package(path, data)
    root = package.xml(package.main)
    body = root.find(_w("body"))
    if body is None:
        raise DocumentError(path, f"{package.main} has no w:body", DOCX.save_hint)
    styles = Styles(package.optional("styles"))
    numbering = Numbering(package.optional("numbering"), styles.numbering_style_ids())
    builder = DocumentBuilder(path, "docx")
    reader = BodyReader(builder, styles, numbering, record=record)
    reader.blocks(body)
    reader.flush()
    _furniture(package, reader)
    for kind in ("footnote", "endnote"):
        _notes(package, reader, kind)
    builder.comments.extend(_comments(package, reader))
    builder.meta["tables"] = reader.tables
    return builder.build(), package, root, reader


class _Package:
    """The DOCX package: the main part and the parts it references, by relationship type."""

    def __init__(self, path: str, data: bytes) -> None:
        self.path = path
        self.zip = SafeZip(path, data, DOCX)
        if self.zip.has("mimetype") and not self.zip.has("word/document.xml"):
            raise DocumentError(path, "this is an OpenDocument file, not DOCX", "open it as .odt")
        self.main = self._main_part()
        self.rels = self._relationships(self.main)

    def _main_part(self) -> str:
        if self.zip.has("_rels/.rels"):
            for rel in self.xml("_rels/.rels").iter(f"{{{_PKG_RELS}}}Relationship"):
                if rel.get("Type", "").endswith("/officeDocument"):
                    name = rel.get("Target", "").lstrip("/")
                    if self.zip.has(name):
                        return name
        if self.zip.has("word/document.xml"):
            return "word/document.xml"
        raise DocumentError(self.path, "word/document.xml is missing: not a Word document",
                            DOCX.save_hint)

    def _relationships(self, part: str) -> dict[str, tuple[str, str]]:
        """Return rId -> (type suffix, part name) for internal relationships of `part`."""
        folder, name = posixpath.split(part)
        rels_name = posixpath.join(folder, "_rels", name + ".rels")
        if not self.zip.has(rels_name):
            return {}
        out = {}
        for rel in self.xml(rels_name).iter(f"{{{_PKG_RELS}}}Relationship"):
            if rel.get("TargetMode") == "External":
                continue
            target = rel.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(folder, target))
            out[rel.get("Id", "")] = (rel.get("Type", "").rsplit("/", 1)[-1], target)
        return out

    def xml(self, name: str) -> etree._Element:
        data = self.zip.read(name)
        if b"purl.oclc.org/ooxml/" in data[:2048]:  # Strict OOXML: same markup, other namespaces
            for strict, transitional in _STRICT.items():
                data = data.replace(strict, transitional)
        return parse_xml(self.path, name, data, DOCX)

    def optional(self, rel_type: str) -> etree._Element | None:
        """Parse the first part of `rel_type` (styles, numbering, ...), if present."""
        for kind, target in self.rels.values():
            if kind == rel_type and self.zip.has(target):
                return self.xml(target)
        return None


def _furniture(package: _Package, reader: BodyReader) -> None:
    """Add headers, then footers, once per distinct part, in the order sections reference them."""
    seen: set[str] = set()
    shown: set[tuple[BlockKind, str]] = set()  # the same header copied into every section's part
    for kind, tag in ((BlockKind.HEADER, "headerReference"), (BlockKind.FOOTER, "footerReference")):
        for sect in reader.section_props:
            for ref in sect.iterchildren(_w(tag)):
                rel = package.rels.get(ref.get(f"{{{R}}}id", ""))
                if rel is None or rel[1] in seen or not package.zip.has(rel[1]):
                    continue
                seen.add(rel[1])
                for para in _story_paragraphs(package.xml(rel[1])):
                    # page-number results differ between copies («1 из 3», «2 из 3»): ignore them
                    key = (kind, " ".join("".join(para.plain).split()) + "#" * para.has_page_field)
                    if key not in shown:
                        shown.add(key)
                        reader.add(para, kind, Location(), lint=not _page_number_only(para))


def _story_paragraphs(root: etree._Element) -> list[ParaText]:
    """Return every visible paragraph of a small story (header, note), text boxes included once."""
    fields = FieldStack()
    out = []
    for p in root.iter(P):
        if any(a.tag == _FALLBACK for a in p.iterancestors()):
            continue
        out.append(paragraph_text(p, fields))
    return out


def _page_number_only(para: ParaText) -> bool:
    """Return whether a header/footer paragraph only shows page numbers («Страница 3 из 10»)."""
    if not para.has_page_field:
        return False
    rest = "".join(para.plain).lower()
    words = "".join(c if c.isalpha() else " " for c in rest).split()
    return all(word in _PAGE_WORDS for word in words)


def _notes(package: _Package, reader: BodyReader, kind: str) -> None:
    """Add footnotes or endnotes (one block each), located at the clause that cites them."""
    root = package.optional(kind + "s")
    if root is None:
        return
    for note in root.iterchildren(_w(kind)):
        if note.get(_w("type")) in ("separator", "continuationSeparator", "continuationNotice"):
            continue
        para = _join(_story_paragraphs(note))
        key = (kind, note.get(_w("id"), ""))
        cited = reader.note_locations.get(key, Location())
        block = reader.add(para, _NOTE_KINDS[kind], Location(clause=cited.clause, section=cited.section))
        if block is not None:
            reader.notes_added[key] = block.index


def _join(parts: list[ParaText]) -> ParaText:
    out = ParaText()
    out.add("\n".join(p.text.strip() for p in parts), False)
    return out


def _comments(package: _Package, reader: BodyReader) -> list[Comment]:
    """Read word/comments.xml; each comment spans its commented range in Document.text."""
    root = package.optional("comments")
    if root is None:
        return []
    marks = reader.comment_marks
    out = []
    for comment in root.iterchildren(_w("comment")):
        ident = comment.get(_w("id"), "")
        start = marks["start"].get(ident, marks["ref"].get(ident))
        if start is None:
            continue  # a comment anchored nowhere in the body (e.g. in a footnote)
        end = max(marks["end"].get(ident, start), start)
        text = "\n".join(p.text.strip() for p in _story_paragraphs(comment)).strip()
        out.append(Comment(author=comment.get(_w("author"), ""), text=text, start=start, end=end))
    return out
