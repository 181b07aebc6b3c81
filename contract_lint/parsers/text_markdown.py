"""Cut Markdown source lines into chunks: headings, list items, paragraphs, table cells.

Only what changes the words a lawyer reads is interpreted: heading markers, bullets,
emphasis, links, code spans, tables, fences. Numbers of ordered lists stay in the text,
because in a contract they are the clause numbers («1.1.»).
"""

from __future__ import annotations

from typing import Iterable, Iterator

import regex

from contract_lint.model import BlockKind
from contract_lint.parsers.clauses import parse_typed_label
from contract_lint.parsers.text_chunks import Chunk, SourceLine

_HEADING = regex.compile(r"^(#{1,6})\s+(.*?)(?:\s+#+)?\s*$")
_SETEXT = regex.compile(r"^(=+|-+)\s*$")
_THEMATIC = regex.compile(r"^([-*_])(?:\s*\1){2,}\s*$")
_BULLET = regex.compile(r"^([-*+])\s+(.*)$")
_FENCE = regex.compile(r"^(`{3,}|~{3,})")
_QUOTE = regex.compile(r"^(?:>\s?)+")
_TABLE_SEPARATOR = regex.compile(r"^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$")
_ESCAPE = regex.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
_INLINE = (
    (regex.compile(r"!\[([^\]]*)\]\([^)]*\)"), r"\1"),  # image: keep the alt text
    (regex.compile(r"\[([^\]]+)\]\([^)]*\)"), r"\1"),  # link: keep the words
    (regex.compile(r"<((?:https?|mailto):[^>\s]+)>"), r"\1"),
    (regex.compile(r"`([^`]*)`"), r"\1"),
    (regex.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>"), ""),  # inline HTML tags
    # Emphasis needs a non-blank, non-marker character inside: «___» blanks stay blanks.
    (regex.compile(r"(\*\*|__)(?=[^\s*_])(.+?)(?<=[^\s*_])\1"), r"\2"),
    (regex.compile(r"(?<![\w*])\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?![\w*])"), r"\1"),
    (regex.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])"), r"\1"),
    (regex.compile(r"~~(?=\S)(.+?)(?<=\S)~~"), r"\1"),
)
# Escaped characters are hidden in a private-use range while emphasis is stripped.
_PRIVATE = 0xF0000


def strip_inline(text: str) -> str:
    """Return `text` without Markdown inline markup (emphasis, links, code marks)."""
    text = _ESCAPE.sub(lambda m: chr(_PRIVATE + ord(m.group(1))), text)
    for pattern, repl in _INLINE:
        text = pattern.sub(repl, text)
    text = regex.sub(r"(?:\s{2,}|\\)$", "", text)
    return "".join(chr(ord(c) - _PRIVATE) if ord(c) >= _PRIVATE else c for c in text)


class _Table:
    """Numbering state of pipe tables: which table, which row."""

    def __init__(self) -> None:
        self.count = 0
        self.row = 0
        self.open = False

    def cells(self, line: SourceLine, stripped: str) -> Iterator[Chunk]:
        if not self.open:
            self.count += 1
            self.row = 0
            self.open = True
        if _TABLE_SEPARATOR.match(stripped):
            return
        self.row += 1
        for col, cell in enumerate(_split_row(stripped), start=1):
            yield Chunk([SourceLine(line.no, strip_inline(cell.strip()))], BlockKind.TABLE_CELL,
                        cell=(self.count, self.row, col))


def _split_row(row: str) -> list[str]:
    row = row.strip()
    row = row[1:] if row.startswith("|") else row
    row = row[:-1] if row.endswith("|") and not row.endswith("\\|") else row
    return regex.split(r"(?<!\\)\|", row)


def markdown_chunks(lines: Iterable[SourceLine]) -> Iterator[Chunk]:
    """Yield the chunks of Markdown source lines, in reading order."""
    reader = _Reader()
    for line in lines:
        yield from reader.feed(line)
    yield from reader.flush()


class _Reader:
    """A line-by-line Markdown block reader (the subset contracts use)."""

    def __init__(self) -> None:
        self.current: list[SourceLine] = []
        self.bullet: str | None = None
        self.fence: str | None = None
        self.table = _Table()

    def flush(self) -> Iterator[Chunk]:
        if self.current:
            kind = BlockKind.LIST_ITEM if self.bullet else None
            yield Chunk(list(self.current), kind, label=self.bullet)
        self.current.clear()
        self.bullet = None

    def feed(self, line: SourceLine) -> Iterator[Chunk]:
        stripped = line.text.strip()
        if self.fence is not None:
            yield from self._fenced(line, stripped)
            return
        if not stripped.startswith("|"):
            self.table.open = False
        if m := _FENCE.match(stripped):
            yield from self.flush()
            self.fence = m.group(1)
        elif not stripped or _THEMATIC.match(stripped) and not self.current:
            yield from self.flush()
        elif stripped.startswith("|"):
            yield from self.flush()
            yield from self.table.cells(line, stripped)
        elif m := _HEADING.match(stripped):
            yield from self.flush()
            yield Chunk([SourceLine(line.no, strip_inline(m.group(2)))], BlockKind.HEADING,
                        level=len(m.group(1)))
        elif _SETEXT.match(stripped) and self.current and self.bullet is None:
            yield Chunk(list(self.current), BlockKind.HEADING, level=1 if stripped[0] == "=" else 2)
            self.current.clear()
        else:
            yield from self._body(line.no, _QUOTE.sub("", stripped))

    def _fenced(self, line: SourceLine, stripped: str) -> Iterator[Chunk]:
        if stripped.startswith(self.fence or "```"):
            self.fence = None
            yield from self.flush()
        elif stripped:
            self.current.append(SourceLine(line.no, stripped))

    def _body(self, no: int, text: str) -> Iterator[Chunk]:
        """Add a paragraph line; list markers and typed clause numbers start a new chunk."""
        m = _BULLET.match(text)
        if m or (self.current and parse_typed_label(text)[0] is not None):
            yield from self.flush()
        if m:
            self.bullet = m.group(1)
        self.current.append(SourceLine(no, strip_inline(m.group(2) if m else text)))
