"""Findings and per-file results: what the engine produces and reporters read."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from contract_lint.model import Location


class Severity(StrEnum):
    """How bad a finding is; ordered info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _RANK[self]

    @property
    def label_ru(self) -> str:
        return _LABEL_RU[self]


_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}
_LABEL_RU = {Severity.INFO: "инфо", Severity.WARNING: "предупреждение", Severity.ERROR: "ошибка"}


@dataclass(frozen=True, slots=True)
class Finding:
    """One risk found in a document.

    `start`/`end` are offsets into `Document.text` (both None for a document-level
    finding); `block` is the index of the block the match starts in. `match` is the
    matched words, `excerpt` the text of the clause around them.
    """

    rule: str
    name: str
    category: str
    severity: Severity
    message: str
    suggestion: str | None
    match: str
    excerpt: str
    location: Location
    start: int | None = None
    end: int | None = None
    block: int | None = None
    document_level: bool = False

    @property
    def sort_key(self) -> tuple[int, int, str]:
        return (0 if self.document_level else 1, self.start or 0, self.rule)

    def to_dict(self) -> dict[str, object]:
        """Return the finding in the versioned JSON contract (docs/json-output.md)."""
        loc = self.location.to_dict()
        loc.update({"block": self.block, "start": self.start, "end": self.end})
        return {
            "rule": self.rule,
            "name": self.name,
            "category": self.category,
            "severity": str(self.severity),
            "message": self.message,
            "suggestion": self.suggestion,
            "match": self.match,
            "excerpt": self.excerpt,
            "location": loc,
        }


@dataclass(slots=True)
class FileResult:
    """The outcome for one input: findings, or an error that stopped parsing."""

    path: str
    format: str | None = None
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "format": self.format,
            "error": self.error,
            "findings": [f.to_dict() for f in self.findings],
        }
