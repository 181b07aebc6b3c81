"""GitHub Actions workflow commands: `::error file=…,line=…,title=CODE::message` per finding."""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Mapping, Sequence, TextIO

from contract_lint.findings import FileResult, Finding, Severity
from contract_lint.model import Document
from contract_lint.reporters.base import document_for, ordered, position, where

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message (after `::`) as the Actions runner expects."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value (file=, title=): also `:` and `,`."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **props: object) -> str:
    """Return one workflow command line."""
    given = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{level} {given}::{escape_data(message)}" if given else f"::{level}::{escape_data(message)}"


def finding_command(path: str, f: Finding, doc: Document | None = None, lang: str = "ru") -> str:
    """Return the workflow command for one finding."""
    pos = position(f, doc)
    col = pos.col if pos.exact or f.location.line else None
    message = f"{' '.join(f.message.split())} ({where(f, lang)})"
    return command(_COMMAND[f.severity], message, file=path, line=pos.line, col=col, title=f"{f.rule} {f.name}")


def workflow_path(path: str) -> str:
    """Return `path` as the runner matches it against the repository: «./a/b.docx» -> «a/b.docx»."""
    if Path(path).is_absolute():
        try:
            return Path(path).resolve().relative_to(Path.cwd().resolve()).as_posix()
        except ValueError:
            return path
    return posixpath.normpath(path.replace("\\", "/"))


def render(
    results: Sequence[FileResult],
    stream: TextIO,
    *,
    lang: str = "ru",
    documents: Mapping[str, Document] | None = None,
) -> None:
    """Write one workflow command per finding and one `::error` per unreadable file."""
    for result in results:
        if result.error:
            stream.write(command("error", result.error, file=workflow_path(result.path), title="contract-lint") + "\n")
        doc = document_for(result, documents)
        for f in ordered(result.findings):
            stream.write(finding_command(workflow_path(result.path), f, doc, lang) + "\n")
