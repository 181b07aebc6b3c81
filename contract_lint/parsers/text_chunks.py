"""Cut plain-text source lines into paragraphs, keeping each line's number in the file."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Iterator

import regex

from contract_lint.model import BlockKind
from contract_lint.parsers.clauses import parse_typed_label

_BULLET = regex.compile(r"^[-–—•·*]\s+\S")
_SENTENCE_END = (".", ";", ":", "!", "?")
#: A line shorter than this share of the usual line width ends its paragraph.
_SHORT_LINE = 0.6
_MIN_WRAP = 40


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One line of the source file: its 1-based number and its (normalised) text."""

    no: int
    text: str


@dataclass(slots=True)
class Chunk:
    """Source lines that make one block; `kind` is forced by the markup when set."""

    lines: list[SourceLine]
    kind: BlockKind | None = None
    level: int | None = None
    label: str | None = None
    cell: tuple[int, int, int] | None = None  # table, row, col


def text_chunks(lines: Iterable[SourceLine]) -> Iterator[Chunk]:
    """Yield paragraphs: blank-line separated, one per line at typed numbers and bullets.

    Inside a run of lines, a hard-wrapped paragraph continues while the previous line
    is about as long as the usual line and does not end a sentence.
    """
    lines = list(lines)
    wrap = _wrap_width(lines)
    current: list[SourceLine] = []
    for line in lines:
        stripped = line.text.strip()
        if not stripped:
            if current:
                yield Chunk(current)
            current = []
            continue
        if current and _starts_paragraph(stripped, current[-1].text, wrap):
            yield Chunk(current)
            current = []
        current.append(SourceLine(line.no, stripped))
    if current:
        yield Chunk(current)


def _starts_paragraph(line: str, prev: str, wrap: float) -> bool:
    if parse_typed_label(line)[0] is not None or _BULLET.match(line):
        return True
    return prev.endswith(_SENTENCE_END) or len(prev) < _SHORT_LINE * wrap


def _wrap_width(lines: list[SourceLine]) -> float:
    """Return the usual width of a full line (the 75th percentile of line lengths)."""
    lengths = sorted(len(line.text.strip()) for line in lines if line.text.strip())
    if not lengths:
        return _MIN_WRAP
    return max(lengths[(len(lengths) * 3) // 4], _MIN_WRAP)
