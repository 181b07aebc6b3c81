"""Concise report: `path:line:col: CODE [severity] message (п. X)`, one line per finding."""

from __future__ import annotations

from typing import Mapping, Sequence, TextIO

from contract_lint.findings import FileResult, Finding
from contract_lint.model import Document
from contract_lint.reporters.base import clause_ref, document_for, ordered, position, severity_word


def finding_line(path: str, f: Finding, doc: Document | None = None, lang: str = "ru") -> str:
    """Return one finding as one line (newlines in the message become spaces)."""
    pos = position(f, doc)
    ref = clause_ref(f, lang)
    message = " ".join(f.message.split())
    line = f"{path}:{pos.line}:{pos.col}: {f.rule} [{severity_word(f.severity, lang)}] {message}"
    return f"{line} ({ref})" if ref else line


def render(
    results: Sequence[FileResult],
    stream: TextIO,
    *,
    lang: str = "ru",
    documents: Mapping[str, Document] | None = None,
) -> None:
    """Write one line per finding, and `path:1:1: ERROR message` for unreadable files."""
    for result in results:
        if result.error:
            stream.write(f"{result.path}:1:1: ERROR [{severity_word_error(lang)}] {_one_line(result.error)}\n")
        doc = document_for(result, documents)
        for f in ordered(result.findings):
            stream.write(finding_line(result.path, f, doc, lang) + "\n")


def severity_word_error(lang: str) -> str:
    """Return the word used for a file that could not be read."""
    return "read error" if lang == "en" else "ошибка чтения"


def _one_line(text: str) -> str:
    return " ".join(text.split())
