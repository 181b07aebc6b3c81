"""The visible text of one DOCX paragraph, in the accepted view of tracked changes.

One recursive pass over the paragraph's children: runs, hyperlinks, smart tags,
content controls, simple and complex fields (result kept, instruction skipped),
insertions kept, deletions dropped. Text boxes met on the way are collected, not
inlined: the caller emits them as their own blocks.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from contract_lint.parsers.docx_xml import MC, M
from contract_lint.parsers.docx_xml import wtag as _w

_PAGE_FIELDS = frozenset({"PAGE", "NUMPAGES", "SECTIONPAGES"})


RUN, T, TAB, PTAB, BR, CR = _w("r"), _w("t"), _w("tab"), _w("ptab"), _w("br"), _w("cr")
NB_HYPHEN, SOFT_HYPHEN, SYM = _w("noBreakHyphen"), _w("softHyphen"), _w("sym")
FLD_CHAR, FLD_SIMPLE, INSTR = _w("fldChar"), _w("fldSimple"), _w("instrText")
TXBX = _w("txbxContent")
FOOTNOTE_REF, ENDNOTE_REF, COMMENT_REF = _w("footnoteReference"), _w("endnoteReference"), _w("commentReference")
RANGE_START, RANGE_END = _w("commentRangeStart"), _w("commentRangeEnd")
MATH_T = f"{{{M}}}t"
ALT, CHOICE = f"{{{MC}}}AlternateContent", f"{{{MC}}}Choice"
_ID = _w("id")
#: Subtrees that never hold visible text of the accepted view.
_SKIP = frozenset(_w(t) for t in (
    "del", "moveFrom", "delText", "delInstrText", "pPr", "rPr", "fldData", "footnoteRef",
    "endnoteRef", "annotationRef", "separator", "continuationSeparator", "bookmarkStart",
    "bookmarkEnd", "proofErr", "lastRenderedPageBreak", "tblPr", "sectPr", "sdtPr", "sdtEndPr",
)) | {f"{{{MC}}}Fallback", f"{{{M}}}ctrlPr", f"{{{M}}}rPr"}


@dataclass(slots=True)
class FieldStack:
    """Open complex fields of one story (they may span runs and paragraphs)."""

    frames: list[list] = field(default_factory=list)  # [code, in_result, instruction]

    def visible(self) -> bool:
        return all(frame[1] for frame in self.frames)

    def in_page_field(self) -> bool:
        return any(frame[0] in _PAGE_FIELDS for frame in self.frames)

    def in_toc(self) -> bool:
        return any(frame[0] == "TOC" for frame in self.frames)


@dataclass(slots=True)
class ParaText:
    """What one paragraph shows: text, comment marks, text boxes and note references."""

    parts: list[str] = field(default_factory=list)
    plain: list[str] = field(default_factory=list)  # text outside page-number fields
    marks: list[tuple[str, str, int]] = field(default_factory=list)  # (start|end|ref, id, pos)
    textboxes: list[etree._Element] = field(default_factory=list)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (footnote|endnote, id)
    has_page_field: bool = False
    toc: bool = False  # an entry of a table of contents (inside a TOC field's result)
    #: When recording (annotate): (offset in `text`, length, source element) of each piece.
    sources: list[tuple[int, int, etree._Element]] | None = None
    _len: int = 0

    def add(self, text: str, page: bool, source: etree._Element | None = None) -> None:
        if self.sources is not None and source is not None:
            self.sources.append((self._len, len(text), source))
        self.parts.append(text)
        self._len += len(text)
        if page:
            self.has_page_field = True
        else:
            self.plain.append(text)

    @property
    def length(self) -> int:
        return self._len

    @property
    def text(self) -> str:
        return "".join(self.parts)

    def mark(self, kind: str, ident: str) -> None:
        self.marks.append((kind, ident, self._len))


def paragraph_text(p: etree._Element, fields: FieldStack, record: bool = False) -> ParaText:
    """Return the accepted-view text of paragraph `p` (with its source elements if `record`)."""
    out = ParaText(sources=[] if record else None)
    toc = fields.in_toc()
    _walk(p, out, fields)
    out.toc = toc or fields.in_toc()
    if fields.frames:
        # An instruction never legitimately hides the next paragraph; an unbalanced field
        # (its «end» lost in a tracked deletion) must not hide the rest of the contract.
        fields.frames = [frame for frame in fields.frames if frame[1]]
    return out


def _walk(el: etree._Element, out: ParaText, fields: FieldStack) -> None:
    for child in el:
        tag = child.tag
        if tag == T or tag == MATH_T:
            text = child.text
            if text and not fields.frames:  # the common case, outside any field
                out.add(text, False, child)
            elif text and fields.visible():
                out.add(text, fields.in_page_field(), child)
        elif tag == RUN:
            _walk(child, out, fields)
        elif tag in _SKIP or not isinstance(tag, str):
            continue
        elif tag in _SIMPLE_CHARS:
            if fields.visible():
                out.add(_SIMPLE_CHARS[tag], fields.in_page_field(), child)
        elif tag == FLD_CHAR:
            _field_char(child, fields)
        elif tag == INSTR:
            if fields.frames and child.text:
                fields.frames[-1][2] += child.text
        else:
            _special(child, tag, out, fields)


def _special(el: etree._Element, tag: str, out: ParaText, fields: FieldStack) -> None:
    """Handle the rarer elements; anything unknown is a transparent container."""
    if tag == SYM:
        char = _sym_char(el)
        if char and fields.visible():
            out.add(char, fields.in_page_field(), el)
    elif tag == TXBX:
        out.textboxes.append(el)
    elif tag == ALT:
        choice = el.find(CHOICE)  # the first Choice; mc:Fallback is a VML copy of the same box
        if choice is not None:
            _walk(choice, out, fields)
    elif tag == FLD_SIMPLE:
        code = _field_code(el.get(_w("instr"), ""))
        fields.frames.append([code, True, ""])
        _walk(el, out, fields)
        fields.frames.pop()
    elif tag in (RANGE_START, RANGE_END, COMMENT_REF):
        kind = "start" if tag == RANGE_START else "end" if tag == RANGE_END else "ref"
        out.mark(kind, el.get(_ID, ""))
    elif tag in (FOOTNOTE_REF, ENDNOTE_REF):
        out.notes.append(("footnote" if tag == FOOTNOTE_REF else "endnote", el.get(_ID, "")))
    else:
        _walk(el, out, fields)


def _field_char(el: etree._Element, fields: FieldStack) -> None:
    kind = el.get(_w("fldCharType"))
    if kind == "begin":
        fields.frames.append(["", False, ""])
    elif kind == "separate" and fields.frames:
        frame = fields.frames[-1]
        frame[1] = True
        frame[0] = _field_code(frame[2])
    elif kind == "end" and fields.frames:
        fields.frames.pop()


def _field_code(instruction: str) -> str:
    words = instruction.split()
    return words[0].upper() if words else ""


def _sym_char(el: etree._Element) -> str:
    """Return the character of a w:sym when it is an ordinary Unicode character."""
    try:
        code = int(el.get(_w("char"), ""), 16)
    except ValueError:
        return ""
    if 0xF000 <= code <= 0xF0FF:  # private range: F0xx is byte xx of the (symbol) font
        font = (el.get(_w("font")) or "").lower()
        if any(name in font for name in ("symbol", "wingdings", "webdings")):
            return ""  # glyphs, not letters: «a» in Symbol is α
        code -= 0xF000
    if code < 0x20 or 0xE000 <= code <= 0xF8FF:
        return ""
    return chr(code)


_SIMPLE_CHARS = {
    TAB: "\t",
    PTAB: "\t",
    BR: "\n",
    CR: "\n",
    NB_HYPHEN: "-",
    SOFT_HYPHEN: "",
}
