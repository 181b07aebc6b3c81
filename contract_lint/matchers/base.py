"""What every matcher yields: a hit is an offset span plus computed values."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping


@dataclass(frozen=True, slots=True)
class Hit:
    """A match: offsets into `Document.text` (None for a document-level hit).

    `values` feed the rule's message placeholders («{annual_rate}», «{ref}»).
    """

    start: int | None
    end: int | None
    values: Mapping[str, str] = field(default_factory=dict)

    @property
    def document_level(self) -> bool:
        return self.start is None
