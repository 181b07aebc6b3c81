"""Inline waivers: a lawyer accepts a risk in the document itself.

Two sources:
- a Word comment whose text starts with `contract-lint: ignore CODE[, CODE…] — reason`:
  it waives findings of those codes that overlap the commented range or sit in the
  same clause as its start;
- `<!-- contract-lint: ignore CODE — reason -->` in Markdown/TXT: the text reader
  puts it in `Document.meta["suppressions"]` as {"codes", "reason", "line", "offset"};
  it waives those codes in the next paragraph (and the whole clause it starts).

A CODE is a rule id («LIAB001»), a rule name («penalty-without-cap»), a category
(«LIAB-PENALTY-NO-CAP») or a category prefix («LIAB»). Document-level findings (something
missing from the whole contract) have no range: any waiver naming their code waives them.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

import regex

from contract_lint.findings import Finding
from contract_lint.model import Document

_DIRECTIVE = regex.compile(
    r"^\s*(?:<!--\s*)?contract-lint\s*:\s*ignore\s+"
    r"(?P<codes>[A-Za-z][A-Za-z0-9_.-]*(?:(?:\s*,\s*|\s+)[A-Za-z][A-Za-z0-9_.-]*)*)(?P<rest>.*?)\s*(?:-->)?\s*$",
    regex.IGNORECASE | regex.DOTALL,
)
_REASON_LEAD = regex.compile(r"^[\s—–:\-]+")


@dataclass(frozen=True, slots=True)
class Waiver:
    """An accepted risk: codes, why, and the text range it covers."""

    codes: tuple[str, ...]
    reason: str | None
    start: int
    end: int
    clause: str | None = None
    source: str = "comment"  # comment | directive
    author: str | None = None
    line: int | None = None

    def names(self, f: Finding) -> bool:
        """Return True when one of the codes names the finding's rule, name or category."""
        for code in self.codes:
            up = code.upper()
            if up in (f.rule.upper(), f.category.upper()) or code.lower() == f.name.lower():
                return True
            if f.category.upper().startswith(up + "-"):
                return True
        return False

    def covers(self, f: Finding) -> bool:
        """Return True when `f` is in this waiver's range or clause (document-level: always)."""
        if f.document_level or f.start is None:
            return True
        end = f.end if f.end is not None else f.start
        if f.start < self.end and end > self.start or f.start == self.start:
            return True
        return self.clause is not None and f.location.clause == self.clause


def parse_directive(text: str) -> tuple[tuple[str, ...], str | None] | None:
    """Return (codes, reason) from `contract-lint: ignore CODE — reason`, or None."""
    m = _DIRECTIVE.match(text)
    if not m:
        return None
    codes = tuple(regex.split(r"[\s,]+", m.group("codes").strip()))
    reason = _REASON_LEAD.sub("", m.group("rest")).strip() or None
    return codes, reason


def _from_comments(doc: Document) -> Iterable[Waiver]:
    for comment in doc.comments:
        parsed = parse_directive(comment.text)
        if parsed is None:
            continue
        clause = doc.locate(comment.start).clause if doc.blocks else None
        yield Waiver(parsed[0], parsed[1], comment.start, max(comment.end, comment.start), clause,
                     "comment", comment.author)


def _codes(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(c.strip() for c in value.replace(" ", ",").split(",") if c.strip())
    return tuple(str(c).strip() for c in value or () if str(c).strip())  # type: ignore[attr-defined]


def _from_directives(doc: Document) -> Iterable[Waiver]:
    for item in doc.meta.get("suppressions") or ():  # type: ignore[attr-defined]
        offset = int(item.get("offset") or 0)
        block = next((b for b in doc.blocks if b.start >= offset), None)
        if block is None:
            continue
        yield Waiver(_codes(item.get("codes")), item.get("reason"), block.start, block.end,
                     block.location.clause, "directive", None, item.get("line"))


def waivers(doc: Document) -> list[Waiver]:
    """Return every waiver written in `doc` (comments first, then text directives)."""
    return [*_from_comments(doc), *_from_directives(doc)]


@dataclass(frozen=True)
class WaiverOutcome:
    """Findings kept, findings waived (with the waiver that did it), waivers that waived nothing."""

    kept: list[Finding]
    waived: list[tuple[Finding, Waiver]]
    unused: list[Waiver]


def apply_waivers(doc: Document, findings: Sequence[Finding]) -> WaiverOutcome:
    """Split `findings` into kept and waived according to the waivers in `doc`."""
    found = waivers(doc)
    kept: list[Finding] = []
    waived: list[tuple[Finding, Waiver]] = []
    for f in findings:
        waiver = next((w for w in found if w.names(f) and w.covers(f)), None)
        if waiver is None:
            kept.append(f)
        else:
            waived.append((f, waiver))
    used = {id(w) for _, w in waived}
    return WaiverOutcome(kept, waived, [w for w in found if id(w) not in used])
