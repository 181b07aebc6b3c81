"""What every reporter shares: rule docs, interface words (ru/en), locations in a lawyer's words.

Reporters only read results. A reporter is `render(results, stream, *, rules, color, lang,
documents, quiet)`; `documents` maps `FileResult.path` to the parsed `Document` when the
caller kept it (the HTML report shows the text, concise/SARIF use it for exact columns) and
may be empty: every reporter then falls back to what the Finding itself carries.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Protocol, Sequence

from contract_lint.findings import FileResult, Finding, Severity
from contract_lint.model import BlockKind, Document


@dataclass(frozen=True)
class RuleDoc:
    """What a report says about a rule (SARIF tool.driver.rules, HTML legend)."""

    id: str
    name: str
    category: str
    severity: Severity
    title: str
    rationale: str | None = None
    suggestion: str | None = None
    references: tuple[str, ...] = ()


class RuleLike(Protocol):
    """Anything with the attributes of a RuleDoc (packs.Rule is one)."""

    id: str
    name: str
    category: str
    severity: Severity
    title: str


def rule_docs(rules: Iterable[Any]) -> list[RuleDoc]:
    """Return RuleDocs for `rules` (RuleDoc, packs.Rule or anything shaped like them)."""
    docs = []
    for rule in rules:
        if isinstance(rule, RuleDoc):
            docs.append(rule)
            continue
        docs.append(RuleDoc(
            id=rule.id, name=rule.name, category=rule.category, severity=Severity(rule.severity),
            title=getattr(rule, "title", "") or rule.name,
            rationale=getattr(rule, "rationale", None), suggestion=getattr(rule, "suggestion", None),
            references=tuple(getattr(rule, "references", ()) or ()),
        ))
    return docs


_WORDS: dict[str, dict[str, str]] = {
    "ru": {
        "clause": "п. {}", "page": "стр. {}", "line": "строка {}", "paragraph": "абзац {}",
        "table": "таблица {}, строка {}, столбец {}", "section": "раздел «{}»",
        "document": "документ в целом", "suggestion": "Предложение: {}",
        "no_findings": "замечаний нет", "read_error": "не удалось прочитать: {}",
        "files": "Файлов", "findings": "Замечаний", "unreadable": "Не прочитано",
        "severity": "Важность", "category": "Категория", "count": "Количество",
        "total": "всего", "file": "Файл", "rule": "Правило", "where": "Где",
        "message": "Замечание", "excerpt": "Фрагмент", "report": "Отчёт contract-lint",
        "all": "все", "format": "формат",
        "header": "верхний колонтитул", "footer": "нижний колонтитул", "footnote": "сноска",
        "endnote": "концевая сноска", "text_box": "надпись",
    },
    "en": {
        "clause": "cl. {}", "page": "p. {}", "line": "line {}", "paragraph": "paragraph {}",
        "table": "table {}, row {}, column {}", "section": "section “{}”",
        "document": "whole document", "suggestion": "Suggestion: {}",
        "no_findings": "no findings", "read_error": "could not be read: {}",
        "files": "Files", "findings": "Findings", "unreadable": "Unreadable",
        "severity": "Severity", "category": "Category", "count": "Count",
        "total": "total", "file": "File", "rule": "Rule", "where": "Where",
        "message": "Finding", "excerpt": "Excerpt", "report": "contract-lint report",
        "all": "all", "format": "format",
        "header": "header", "footer": "footer", "footnote": "footnote",
        "endnote": "endnote", "text_box": "text box",
    },
}
_SEVERITY_EN = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"}
_SEVERITY_RU_PLURAL = {Severity.ERROR: "ошибки", Severity.WARNING: "предупреждения", Severity.INFO: "инфо"}
_SEVERITY_EN_PLURAL = {Severity.ERROR: "errors", Severity.WARNING: "warnings", Severity.INFO: "info"}  # «infos» is not English
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)
_FURNITURE = {BlockKind.HEADER, BlockKind.FOOTER, BlockKind.FOOTNOTE, BlockKind.ENDNOTE, BlockKind.TEXT_BOX}


def word(key: str, lang: str = "ru") -> str:
    """Return an interface word in `lang` (Russian when the language is unknown)."""
    return _WORDS.get(lang, _WORDS["ru"])[key]


def severity_word(severity: Severity, lang: str = "ru", *, plural: bool = False) -> str:
    """Return the severity as a word a reader understands without colour."""
    if lang == "en":
        return (_SEVERITY_EN_PLURAL if plural else _SEVERITY_EN)[severity]
    return _SEVERITY_RU_PLURAL[severity] if plural else severity.label_ru


def where(f: Finding, lang: str = "ru") -> str:
    """Return the finding's place in a lawyer's words: «п. 7.2 · стр. 4, строка 12»."""
    loc = f.location
    parts: list[str] = []
    if loc.kind in _FURNITURE:
        parts.append(word(str(loc.kind), lang))
    if loc.section and (f.document_level or not loc.clause):
        # a missing term is reported at the section where it belongs, not at its heading's number
        parts.append(word("section", lang).format(loc.section))
    elif loc.clause:
        parts.append(word("clause", lang).format(loc.clause))
    if loc.table:
        parts.append(word("table", lang).format(loc.table, loc.row or "?", loc.col or "?"))
    page_line = [word("page", lang).format(loc.page)] if loc.page else []
    if loc.line:
        page_line.append(word("line", lang).format(loc.line))
    if page_line:
        parts.append(", ".join(page_line))
    if not parts:
        if f.document_level or f.block is None:
            return word("document", lang)
        parts.append(word("paragraph", lang).format(f.block + 1))
    elif f.document_level and not loc.clause and not loc.section:
        parts.insert(0, word("document", lang))
    return " · ".join(parts)


def clause_ref(f: Finding, lang: str = "ru") -> str | None:
    """Return «п. 7.2» (or the section) for one-line formats; None when nothing is known."""
    if f.location.clause:
        return word("clause", lang).format(f.location.clause)
    if f.location.section:
        return word("section", lang).format(f.location.section)
    return None


@dataclass(frozen=True, slots=True)
class Position:
    """A 1-based line and column; `exact` is False when derived without the Document."""

    line: int
    col: int
    exact: bool


def position(f: Finding, doc: Document | None = None) -> Position:
    """Return line:col: page line (PDF), source line (text) or block index + 1 (DOCX)."""
    if doc is not None and f.block is not None and f.block < len(doc.blocks):
        block = doc.blocks[f.block]
        start = f.start if f.start is not None else block.start
        starts = [ls for ls in block.lines if ls.offset <= start]
        if starts:
            return Position(starts[-1].line, start - starts[-1].offset + 1, True)
        return Position(f.location.line or block.index + 1, max(start - block.start, 0) + 1, True)
    line = f.location.line or ((f.block + 1) if f.block is not None else 1)
    at = f.excerpt.find(f.match) if f.match else -1
    return Position(line, at + 1 if at >= 0 else 1, False)


def severity_counts(findings: Iterable[Finding]) -> Counter[Severity]:
    """Count findings by severity (every severity present, zero when absent)."""
    counts: Counter[Severity] = Counter({s: 0 for s in SEVERITIES})
    counts.update(f.severity for f in findings)
    return counts


def all_findings(results: Sequence[FileResult]) -> list[Finding]:
    """Return every finding of every result."""
    return [f for r in results for f in r.findings]


def document_for(result: FileResult, documents: Mapping[str, Document] | None) -> Document | None:
    """Return the Document kept for `result`, if any."""
    return (documents or {}).get(result.path)


def ordered(findings: Iterable[Finding]) -> list[Finding]:
    """Return findings in document order (document-level first, then by offset)."""
    return sorted(findings, key=lambda f: f.sort_key)
