"""Findings and per-file results: what the engine produces and reporters read."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from contract_lint.model import BlockKind, Location


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

    @classmethod
    def from_dict(cls, data: dict) -> "Finding":
        """Rebuild a finding from `to_dict` output (cache, baseline, diff)."""
        loc = dict(data["location"])
        start, end, block = loc.pop("start", None), loc.pop("end", None), loc.pop("block", None)
        kind = loc.pop("kind", None) or BlockKind.PARAGRAPH
        return cls(
            rule=data["rule"],
            name=data["name"],
            category=data["category"],
            severity=Severity(data["severity"]),
            message=data["message"],
            suggestion=data.get("suggestion"),
            match=data.get("match", ""),
            excerpt=data.get("excerpt", ""),
            location=Location(kind=BlockKind(kind), **loc),
            start=start,
            end=end,
            block=block,
            document_level=start is None,
        )


@dataclass(slots=True)
class FileResult:
    """The outcome for one input: findings, or an error that stopped parsing."""

    path: str
    format: str | None = None
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    language: str | None = None  # ru | uk | en: the language the document was linted as

    def to_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "format": self.format,
            "language": self.language,
            "error": self.error,
            "findings": [f.to_dict() for f in self.findings],
        }

    @classmethod
    def from_dict(cls, data: dict) -> "FileResult":
        """Rebuild a result from `to_dict` output."""
        return cls(
            path=data["path"],
            format=data.get("format"),
            findings=[Finding.from_dict(f) for f in data.get("findings", [])],
            error=data.get("error"),
            language=data.get("language"),
        )
