"""Markdown report a lawyer pastes into an e-mail or a pull request: a table per file, then details."""

from __future__ import annotations

from typing import Sequence, TextIO

import regex

from contract_lint.findings import FileResult, Finding
from contract_lint.reporters.base import SEVERITIES, ordered, severity_counts, severity_word, where, word
from contract_lint.reporters.excerpt import make_excerpt

_SPECIAL = regex.compile(r"([\\`*_\[\]<>#|])")
_SPACES = regex.compile(r"\s+")


def escape(text: str) -> str:
    """Escape Markdown syntax in document text (one line)."""
    return _SPECIAL.sub(r"\\\1", _SPACES.sub(" ", text))


def _counts_line(findings: Sequence[Finding], lang: str) -> str:
    counts = severity_counts(findings)
    parts = ", ".join(f"{severity_word(s, lang, plural=True)}: {counts[s]}" for s in SEVERITIES)
    return f"{len(findings)} ({parts})"


def _table(findings: list[Finding], lang: str) -> list[str]:
    head = f"| № | {word('where', lang)} | {word('severity', lang)} | {word('rule', lang)} | {word('message', lang)} |"
    lines = [head, "|---|---|---|---|---|"]
    for i, f in enumerate(findings, 1):
        lines.append(f"| {i} | {escape(where(f, lang))} | {severity_word(f.severity, lang)} | "
                     f"{f.rule} ({f.category}) | {escape(f.message)} |")
    return lines


def _details(i: int, f: Finding, lang: str) -> list[str]:
    lines = [f"### {i}. {escape(where(f, lang))} — {f.rule} ({f.category})", ""]
    if f.excerpt:
        ex = make_excerpt(f.excerpt, f.match)
        marked = escape(ex.before) + (f"**{escape(ex.match)}**" if ex.match else "") + escape(ex.after)
        lines += [f"> {marked}", ""]
    lines += [escape(f.message), ""]
    if f.suggestion:
        label = word("suggestion", lang).split(":")[0]
        lines += [f"**{label}:** {escape(f.suggestion)}", ""]
    return lines


def _file(result: FileResult, lang: str) -> list[str]:
    findings = ordered(result.findings)
    lines = [f"## {escape(result.path)}", ""]
    if result.error:
        lines += [f"**{word('read_error', lang).format(escape(result.error))}**", ""]
    if not findings:
        return lines + ([f"_{word('no_findings', lang)}_", ""] if not result.error else [])
    lines += [f"{word('findings', lang)}: {_counts_line(findings, lang)}", ""]
    lines += _table(findings, lang) + [""]
    for i, f in enumerate(findings, 1):
        lines += _details(i, f, lang)
    return lines


def to_markdown(results: Sequence[FileResult], lang: str = "ru") -> str:
    """Return the whole report as Markdown text."""
    findings = [f for r in results for f in r.findings]
    lines = [f"# {word('report', lang)}", "",
             f"**{word('files', lang)}:** {len(results)} · **{word('findings', lang)}:** {_counts_line(findings, lang)}"]
    unreadable = sum(1 for r in results if r.error)
    if unreadable:
        lines[-1] += f" · **{word('unreadable', lang)}:** {unreadable}"
    lines.append("")
    for result in results:
        lines += _file(result, lang)
    return "\n".join(lines).rstrip() + "\n"


def render(
    results: Sequence[FileResult],
    stream: TextIO,
    *,
    lang: str = "ru",
) -> None:
    """Write the Markdown report."""
    stream.write(to_markdown(results, lang))
