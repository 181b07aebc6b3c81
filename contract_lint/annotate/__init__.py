"""Annotated copies: the findings as Word comments (DOCX) or PDF highlights, for review in place.

`annotate_file` reads a DOCX or PDF, lints it (or takes findings already made by
`check`), and writes `<name>.reviewed.<ext>`: the input is never modified, the copy is
written atomically (a temporary file in the target folder, then os.replace).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Sequence

from contract_lint.errors import DocumentError
from contract_lint.fileio import write_atomic
from contract_lint.findings import Finding, Severity
from contract_lint.model import Document

SUFFIXES = (".docx", ".pdf")
_HINT = "annotate reads .docx and .pdf: save the contract as .docx (Word) and try again"


@dataclass(frozen=True, slots=True)
class Annotated:
    """What one annotate run wrote."""

    path: str
    output: str
    findings: int
    notes: int  # comments (DOCX) or annotations (PDF) written


def reviewed_name(path: str | Path) -> str:
    """Return «dogovor.reviewed.docx» for «dogovor.docx»."""
    p = Path(path)
    return f"{p.stem}.reviewed{p.suffix.lower()}"


def output_for(path: str | Path, target: str | Path | None, *, single: bool = True) -> Path:
    """Return where the copy of `path` goes: `target` itself (one file) or `<target>/<name>.reviewed.<ext>`."""
    p = Path(path)
    if target is None:
        return p.with_name(reviewed_name(p))
    t = Path(target)
    if t.is_dir() or not single or not t.suffix:
        return t / reviewed_name(p)
    return t


def keep_findings(findings: Sequence[Finding], min_severity: str | None) -> list[Finding]:
    """Keep findings at or above `min_severity` (all when None)."""
    if not min_severity:
        return list(findings)
    rank = Severity(min_severity).rank
    return [f for f in findings if f.severity.rank >= rank]


def annotate_file(
    path: str | Path,
    output: str | Path | None = None,
    *,
    findings: Sequence[Finding] | None = None,
    engine: Any = None,
    min_severity: str | None = None,
    password: str | None = None,
) -> Annotated:
    """Write the reviewed copy of `path`; lint it with `engine` unless `findings` are given."""
    src = Path(path)
    out = output_for(src, output)
    _check_paths(src, out)
    data = src.read_bytes()
    if src.suffix.lower() == ".docx":
        from contract_lint.annotate.docx_comments import annotate_docx
        from contract_lint.parsers.docx import read_docx_source

        doc, source = read_docx_source(str(src), data)
        chosen = keep_findings(_findings(doc, findings, engine), min_severity)
        written, count = annotate_docx(doc, source, chosen)
    else:
        from contract_lint.annotate.pdf_highlights import annotate_pdf
        from contract_lint.parsers.pdf import parse_pdf

        doc = parse_pdf(str(src), data=data, password=password)
        chosen = keep_findings(_findings(doc, findings, engine), min_severity)
        written, count = annotate_pdf(doc, data, chosen, password=password)
    write_atomic(out, written, mode_from=src)
    return Annotated(str(src), str(out), len(chosen), count)


def _findings(doc: Document, given: Sequence[Finding] | None, engine: Any) -> list[Finding]:
    """Return the given findings, or lint `doc` (waivers in the document applied, as `check` does)."""
    if given is not None:
        return list(given)
    from contract_lint.api import lint_document
    from contract_lint.suppress import apply_waivers

    result = lint_document(doc, engine)
    if result.error:
        raise DocumentError(doc.path, result.error, "fix the rule pack or run `check` to see the rule errors")
    return apply_waivers(doc, result.findings).kept


def _check_paths(src: Path, out: Path) -> None:
    """Refuse unsupported formats, a copy that would overwrite the input, and mismatched suffixes."""
    if src.suffix.lower() not in SUFFIXES:
        raise DocumentError(str(src), f"cannot annotate {src.suffix or 'this'} files", _HINT)
    if not src.is_file():
        raise DocumentError(str(src), "no such file", "check the path")
    if out.suffix.lower() != src.suffix.lower():
        raise DocumentError(str(out), f"the copy must keep the extension {src.suffix.lower()}",
                            f"name it like {reviewed_name(src)}")
    if out.exists() and (out.resolve() == src.resolve() or os.path.samefile(out, src)):
        raise DocumentError(str(out), "refusing to overwrite the input file",
                            f"give another output name, e.g. {reviewed_name(src)}")
