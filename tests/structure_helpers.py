"""Shared helpers for the structural-check tests: build a document, run a check, read hits."""

from __future__ import annotations

from typing import Any, Mapping, Sequence

from contract_lint.model import Document
from contract_lint.parsers.plain import paragraphs_to_document
from contract_lint.structure import CHECKS


def doc(*paragraphs: str) -> Document:
    """Return a Document whose blocks are `paragraphs`."""
    return paragraphs_to_document(list(paragraphs))


def run(kind: str, paragraphs: Sequence[str], options: Mapping[str, Any] | None = None) -> list[tuple[str, dict]]:
    """Return (matched text, values) for each hit of the structural check `kind`."""
    document = doc(*paragraphs)
    hits = CHECKS[kind](document, options or {})
    return [(document.text[h.start:h.end], dict(h.values)) for h in hits]


def texts(kind: str, paragraphs: Sequence[str], options: Mapping[str, Any] | None = None) -> list[str]:
    """Return only the matched texts."""
    return [t for t, _ in run(kind, paragraphs, options)]
