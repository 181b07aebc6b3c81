"""Read plain-text (.txt) and Markdown (.md) contracts into located blocks.

Every block keeps the numbers of the source lines it came from, so a finding in a
text file is reported at the line an editor shows. Suppression comments
`<!-- contract-lint: ignore CODE[, CODE] — reason -->` are taken out of the text and
listed in `Document.meta["suppressions"]` for the engine to apply.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

import regex

from contract_lint.model import Block, BlockKind, Document, DocumentBuilder, Location, normalize_text
from contract_lint.parsers.clauses import ClauseTracker
from contract_lint.parsers.text_chunks import Chunk, SourceLine, text_chunks
from contract_lint.parsers.text_encoding import decode_text

__all__ = ["decode_text", "parse_text"]

_COMMENT = regex.compile(r"<!--(.*?)-->", regex.DOTALL)
_IGNORE = regex.compile(
    r"^\s*contract-lint:\s*ignore\s+(?P<codes>[A-Za-z][\w.-]*(?:(?:\s*,\s*|\s+)[A-Za-z][\w.-]*)*)"
    r"(?:\s*(?:—|–|--?|:)?\s*(?P<reason>.*?))?\s*$",
    regex.DOTALL,
)


@dataclass(frozen=True, slots=True)
class _Suppression:
    codes: tuple[str, ...]
    reason: str
    line: int
    inline: bool


def parse_text(path: str, data: bytes, *, markdown: bool = False) -> Document:
    """Return the Document of a text or Markdown file's bytes."""
    text, encoding = decode_text(data, path)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, suppressions = _take_comments(text, markdown)
    lines = [SourceLine(i, normalize_text(raw)) for i, raw in enumerate(text.split("\n"), start=1)]
    if markdown:
        from contract_lint.parsers.text_markdown import markdown_chunks

        chunks: Iterable[Chunk] = markdown_chunks(lines)
    else:
        chunks = text_chunks(lines)
    builder = DocumentBuilder(path, "md" if markdown else "txt")
    spans = _build(builder, chunks)
    builder.meta["encoding"] = encoding
    builder.meta["suppressions"] = _place(suppressions, spans, builder.position)
    return builder.build()


def _take_comments(text: str, markdown: bool) -> tuple[str, list[_Suppression]]:
    """Remove suppression comments (and, in Markdown, every HTML comment), keeping line breaks."""
    found: list[_Suppression] = []

    def replace(m: regex.Match[str]) -> str:
        ignore = _IGNORE.match(m.group(1))
        if ignore is None and not markdown:
            return m.group(0)
        if ignore is not None:
            line = text.count("\n", 0, m.start()) + 1
            line_start = text.rfind("\n", 0, m.start()) + 1
            line_end = text.find("\n", m.end())
            rest = text[line_start:m.start()] + text[m.end():line_end if line_end >= 0 else None]
            codes = tuple(regex.split(r"[\s,]+", ignore.group("codes").strip()))
            reason = " ".join((ignore.group("reason") or "").split())
            found.append(_Suppression(codes, reason, line, inline=bool(rest.strip())))
        return "\n" * m.group(0).count("\n")

    return _COMMENT.sub(replace, text), found


def _build(builder: DocumentBuilder, chunks: Iterable[Chunk]) -> list[tuple[int, int, int]]:
    """Add the chunks as blocks; return (first line, last line, start offset) per block."""
    tracker = ClauseTracker()
    spans: list[tuple[int, int, int]] = []
    for chunk in chunks:
        text, lines = _join(chunk.lines)
        if not text.strip():
            continue
        first = chunk.lines[0].no
        if chunk.cell is not None:
            info = tracker.current()
            table, row, col = chunk.cell
            location = Location(clause=info.clause, section=info.section, line=first,
                                table=table, row=row, col=col)
            block = builder.add(text, BlockKind.TABLE_CELL, location, lines=lines, normalised=True)
        else:
            block = _add_paragraph(builder, tracker, chunk, text, lines)
        if block is not None:
            spans.append((first, chunk.lines[-1].no, block.start))
    return spans


def _add_paragraph(builder: DocumentBuilder, tracker: ClauseTracker, chunk: Chunk, text: str,
                   lines: tuple[tuple[int, None, int], ...]) -> Block | None:
    info = tracker.feed(text, heading_hint=chunk.kind is BlockKind.HEADING)
    if info.is_heading:
        kind = BlockKind.HEADING
    elif info.label is not None or chunk.kind is BlockKind.LIST_ITEM:
        kind = BlockKind.LIST_ITEM
    else:
        kind = BlockKind.PARAGRAPH
    label = info.label.text if info.label else chunk.label
    level = chunk.level if chunk.kind is BlockKind.HEADING else (info.label.depth if info.label else None)
    location = Location(clause=info.clause, section=info.section, line=chunk.lines[0].no)
    return builder.add(text, kind, location, label=label, level=level, lines=lines, normalised=True)


def _join(lines: list[SourceLine]) -> tuple[str, tuple[tuple[int, None, int], ...]]:
    """Join a paragraph's lines with spaces; return the text and each line's start offset."""
    parts: list[str] = []
    starts: list[tuple[int, None, int]] = []
    offset = 0
    for line in lines:
        text = line.text.strip()
        if not text:
            continue
        if parts:
            offset += 1
        starts.append((offset, None, line.no))
        parts.append(text)
        offset += len(text)
    return " ".join(parts), tuple(starts)


def _place(found: list[_Suppression], spans: list[tuple[int, int, int]], end: int) -> list[dict]:
    """Give each suppression the offset of the block it applies to.

    A comment on a line with text applies to that line's block; a comment on its own
    line applies to the next block (the end of the text when there is none).
    """
    result = []
    for s in found:
        offset = end
        for first, last, start in spans:
            if (s.inline and first <= s.line <= last) or (not s.inline and first > s.line):
                offset = start
                break
        result.append({"codes": list(s.codes), "reason": s.reason, "line": s.line, "offset": offset})
    return result
