"""Build a Document from plain paragraphs (rule examples, stdin, plain text)."""

from __future__ import annotations

from typing import Iterable

from contract_lint.model import BlockKind, Document, DocumentBuilder, Location, normalize_text
from contract_lint.parsers.clauses import ClauseTracker


def paragraphs_to_document(
    paragraphs: Iterable[str], path: str = "<text>", fmt: str = "text"
) -> Document:
    """Return a Document whose blocks are `paragraphs`, with typed clause numbers recognised."""
    builder = DocumentBuilder(path, fmt)
    tracker = ClauseTracker()
    for raw in paragraphs:
        text = normalize_text(raw).strip()
        if not text:
            continue
        info = tracker.feed(text)
        kind = BlockKind.HEADING if info.is_heading else (
            BlockKind.LIST_ITEM if info.label else BlockKind.PARAGRAPH
        )
        location = Location(clause=info.clause, section=info.section)
        builder.add(text, kind, location, label=info.label.text if info.label else None,
                    level=info.label.depth if info.label else None, normalised=True)
    return builder.build()
