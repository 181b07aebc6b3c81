"""SARIF 2.1.0 report, for GitHub code scanning and other SARIF viewers.

Text and PDF findings get a `region` (source line, or the line on the PDF page);
DOCX/ODT findings have no meaningful line, so they carry a `logicalLocation` naming
the clause and `properties.block` (the paragraph index). `partialFingerprints`
use the same fingerprint as the baseline (rule + normalised clause text + match),
so a finding keeps its identity when lines move.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Mapping, Sequence, TextIO

from contract_lint import __version__
from contract_lint.baseline import fingerprint
from contract_lint.findings import FileResult, Finding, Severity
from contract_lint.model import Document
from contract_lint.reporters.base import RuleDoc, document_for, ordered, position, rule_docs, where, word

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT_KEY = "contractLint/v1"
INFORMATION_URI = "https://github.com/contract-lint/contract-lint"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_LINE_FORMATS = {"pdf", "txt", "md", "text", "markdown"}


def artifact_uri(path: str) -> str:
    """Return `path` as a URI relative to the working directory, or a file:// URI outside it."""
    rel = os.path.relpath(os.path.abspath(path))
    if rel.startswith(".."):
        return Path(path).resolve().as_uri()
    return Path(rel).as_posix()


def _rule_entry(doc: RuleDoc, lang: str) -> dict[str, Any]:
    help_lines = [doc.title]
    if doc.rationale:
        help_lines.append(doc.rationale.strip())
    if doc.suggestion:
        help_lines.append(word("suggestion", lang).format(doc.suggestion))
    if doc.references:
        help_lines.append("; ".join(doc.references))
    return {
        "id": doc.id,
        "name": doc.name,
        "shortDescription": {"text": doc.title},
        "fullDescription": {"text": (doc.rationale or doc.title).strip()},
        "help": {"text": "\n\n".join(help_lines), "markdown": "\n\n".join(help_lines)},
        "defaultConfiguration": {"level": _LEVEL[doc.severity]},
        "properties": {"category": doc.category, "tags": [doc.category], "references": list(doc.references)},
    }


def _docs_for(results: Sequence[FileResult], rules: Sequence[Any]) -> list[RuleDoc]:
    """Return the rule docs, plus a minimal one for any rule a finding names that is not loaded."""
    docs = rule_docs(rules)
    known = {d.id for d in docs}
    for f in (f for r in results for f in r.findings):
        if f.rule not in known:
            known.add(f.rule)
            docs.append(RuleDoc(f.rule, f.name, f.category, f.severity, f.name, None, f.suggestion))
    return docs


def _location(result: FileResult, f: Finding, doc: Document | None, lang: str) -> dict[str, Any]:
    physical: dict[str, Any] = {"artifactLocation": {"uri": artifact_uri(result.path)}}
    fmt = (result.format or "").lower()
    if f.location.line and fmt in _LINE_FORMATS and not f.document_level:
        pos = position(f, doc)
        physical["region"] = {"startLine": pos.line, "startColumn": pos.col}
        if f.match and "\n" not in f.match:
            physical["region"]["endColumn"] = pos.col + len(f.match)
    location: dict[str, Any] = {"physicalLocation": physical}
    clause = f.location.clause or f.location.section
    if clause or "region" not in physical:
        location["logicalLocations"] = [{
            "name": where(f, lang),
            "fullyQualifiedName": f"{artifact_uri(result.path)}#{clause or 'document'}",
            "kind": "element",
        }]
    props = {k: v for k, v in f.location.to_dict().items() if v is not None}
    if f.block is not None:
        props["block"] = f.block
    location["properties"] = props
    return location


def _result(result: FileResult, f: Finding, index: dict[str, int], doc: Document | None, lang: str) -> dict[str, Any]:
    text = " ".join(f.message.split())
    return {
        "ruleId": f.rule,
        "ruleIndex": index[f.rule],
        "level": _LEVEL[f.severity],
        "message": {"text": f"{text} ({where(f, lang)})"},
        "locations": [_location(result, f, doc, lang)],
        "partialFingerprints": {FINGERPRINT_KEY: fingerprint(f)},
        "properties": {
            "category": f.category, "name": f.name, "match": f.match, "excerpt": f.excerpt,
            "suggestion": f.suggestion, "documentLevel": f.document_level,
        },
    }


def _notification(result: FileResult) -> dict[str, Any]:
    return {
        "level": "error",
        "message": {"text": result.error or ""},
        "locations": [{"physicalLocation": {"artifactLocation": {"uri": artifact_uri(result.path)}}}],
    }


def to_sarif(
    results: Sequence[FileResult],
    rules: Sequence[Any] = (),
    *,
    lang: str = "ru",
    documents: Mapping[str, Document] | None = None,
) -> dict[str, Any]:
    """Return the SARIF log as plain data."""
    docs = _docs_for(results, rules)
    index = {d.id: i for i, d in enumerate(docs)}
    sarif_results = [
        _result(r, f, index, document_for(r, documents), lang) for r in results for f in ordered(r.findings)
    ]
    errors = [_notification(r) for r in results if r.error]
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "contract-lint", "version": __version__, "informationUri": INFORMATION_URI,
                "rules": [_rule_entry(d, lang) for d in docs],
            }},
            "invocations": [{"executionSuccessful": not errors, "toolExecutionNotifications": errors}],
            "columnKind": "unicodeCodePoints",
            "results": sarif_results,
        }],
    }


def render(
    results: Sequence[FileResult],
    stream: TextIO,
    *,
    rules: Sequence[Any] = (),
    lang: str = "ru",
    documents: Mapping[str, Document] | None = None,
) -> None:
    """Write the SARIF log (UTF-8, indented) to `stream`."""
    json.dump(to_sarif(results, rules, lang=lang, documents=documents), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
