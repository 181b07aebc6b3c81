"""The located document model: what every parser produces and every rule reads.

A parser turns a file into a `Document`: one normalised `text` and the `blocks` that
cut it into paragraphs, table cells, headers, footnotes... Every match is an offset
span into `Document.text`; `Document.locate(offset)` maps it back to the words a
lawyer uses (clause, section, page, line, table cell).
"""

from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass, field, replace
from enum import StrEnum
from functools import cached_property

import regex

BLOCK_SEPARATOR = "\n\n"


class BlockKind(StrEnum):
    """What a block is in the document's layout."""

    HEADING = "heading"
    PARAGRAPH = "paragraph"
    LIST_ITEM = "list_item"
    TABLE_CELL = "table_cell"
    HEADER = "header"
    FOOTER = "footer"
    FOOTNOTE = "footnote"
    ENDNOTE = "endnote"
    TEXT_BOX = "text_box"


#: Kinds that are not contract text by default (running heads, page furniture).
FURNITURE_KINDS = frozenset({BlockKind.HEADER, BlockKind.FOOTER})


@dataclass(frozen=True, slots=True)
class Location:
    """Where something is, in the words a lawyer uses.

    `clause` is the number of the numbered clause the text belongs to, as displayed
    and without a trailing dot or bracket («5.2», «7», «5.2.а»); `section` is the
    heading text of the enclosing section. `page` and `line` are 1-based and known
    for paged formats (PDF) and plain text (line only). `table`, `row`, `col` are
    1-based for table cells (`table` counts tables in document order).
    """

    clause: str | None = None
    section: str | None = None
    page: int | None = None
    line: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    kind: BlockKind = BlockKind.PARAGRAPH

    def to_dict(self) -> dict[str, object]:
        """Return the JSON form used by `dump` and reporters."""
        return {
            "clause": self.clause,
            "section": self.section,
            "page": self.page,
            "line": self.line,
            "table": self.table,
            "row": self.row,
            "col": self.col,
            "kind": str(self.kind),
        }


@dataclass(frozen=True, slots=True)
class LineStart:
    """A visual line starting at `offset` (into `Document.text`) on `page`, `line`."""

    offset: int
    page: int | None
    line: int


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph, list item, table cell, header, footnote... of a document.

    `text` equals `Document.text[start:end]`. `label` is the number or bullet the
    reader sees in front of the paragraph («5.2.», «а)»), not part of `text`.
    `lines` are the visual lines inside the block, for formats that have them.
    `lint` is False for blocks kept for display but not checked (running headers
    detected in a PDF, page-number fields).
    """

    index: int
    kind: BlockKind
    text: str
    start: int
    location: Location
    label: str | None = None
    level: int | None = None
    lines: tuple[LineStart, ...] = ()
    lint: bool = True

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass(frozen=True, slots=True)
class Comment:
    """A reviewer comment already present in the document (read, not linted)."""

    author: str
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Document:
    """A parsed contract: normalised text cut into located blocks."""

    path: str
    format: str
    text: str
    blocks: tuple[Block, ...]
    comments: tuple[Comment, ...] = ()
    meta: dict[str, object] = field(default_factory=dict, compare=False)

    @cached_property
    def _starts(self) -> list[int]:
        return [b.start for b in self.blocks]

    def block_at(self, offset: int) -> Block | None:
        """Return the block containing `offset` (or the nearest one before it)."""
        if not self.blocks:
            return None
        i = bisect.bisect_right(self._starts, offset) - 1
        return self.blocks[max(i, 0)]

    def locate(self, offset: int) -> Location:
        """Map an offset into `text` to a Location, with page and line if known."""
        block = self.block_at(offset)
        if block is None:
            return Location()
        if not block.lines:
            return block.location
        starts = [ls.offset for ls in block.lines]
        j = max(bisect.bisect_right(starts, offset) - 1, 0)
        ls = block.lines[j]
        return replace(block.location, page=ls.page, line=ls.line)

    def clause_numbers(self) -> frozenset[str]:
        """Return every clause number that exists in the document."""
        return frozenset(b.location.clause for b in self.blocks if b.location.clause)


class DocumentBuilder:
    """Accumulate blocks and produce a Document with consistent offsets.

    Parsers call `add(...)` in reading order; text is normalised here, once.
    """

    def __init__(self, path: str, fmt: str) -> None:
        self.path = path
        self.format = fmt
        self._parts: list[str] = []
        self._blocks: list[Block] = []
        self._pos = 0
        self.comments: list[Comment] = []
        self.meta: dict[str, object] = {}

    @property
    def position(self) -> int:
        """Offset at which the next added block will start."""
        return self._pos + (len(BLOCK_SEPARATOR) if self._blocks else 0)

    def add(
        self,
        text: str,
        kind: BlockKind,
        location: Location,
        *,
        label: str | None = None,
        level: int | None = None,
        lines: tuple[tuple[int, int | None, int], ...] = (),
        lint: bool = True,
        normalised: bool = False,
    ) -> Block | None:
        """Append a block; `lines` are (offset within the block, page, line).

        Empty blocks are skipped (returns None). Pass `normalised=True` when the text
        was already put through `normalize_text` (and `lines` offsets refer to it).
        """
        if not normalised:
            text = normalize_text(text)
        text = text.strip("\n")
        if not text.strip():
            return None
        if self._blocks:
            self._parts.append(BLOCK_SEPARATOR)
            self._pos += len(BLOCK_SEPARATOR)
        start = self._pos
        block = Block(
            index=len(self._blocks),
            kind=kind,
            text=text,
            start=start,
            location=replace(location, kind=kind),
            label=label,
            level=level,
            lines=tuple(LineStart(start + off, page, line) for off, page, line in lines),
            lint=lint,
        )
        self._blocks.append(block)
        self._parts.append(text)
        self._pos += len(text)
        return block

    def build(self) -> Document:
        return Document(
            path=self.path,
            format=self.format,
            text="".join(self._parts),
            blocks=tuple(self._blocks),
            comments=tuple(self.comments),
            meta=self.meta,
        )


_LIGATURES = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
}
_TRANSLATE = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u202f": " ",  # narrow no-break space
        "\u2007": " ",  # figure space
        "\u2009": " ",  # thin space
        "\u00ad": None,  # soft hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\u200b": None,  # zero-width space
        "\ufeff": None,  # BOM / zero-width no-break space
        "\r": None,
        **_LIGATURES,
    }
)


_TO_TRANSLATE = regex.compile("[" + regex.escape("".join(map(chr, _TRANSLATE))) + "]")


def normalize_text(text: str) -> str:
    """Normalise text once, for every format: NFC, spaces, hyphens, ligatures.

    Never NFKC: it would turn «№» into «No».
    """
    if _TO_TRANSLATE.search(text):  # str.translate walks every character in Python-level steps
        text = text.translate(_TRANSLATE)
    return unicodedata.normalize("NFC", text)


def fold(text: str) -> str:
    """Fold text for comparisons: lower case, ё → е (same length as the input)."""
    return text.lower().replace("ё", "е")
