"""The default terminal report (Rich): per file a header, findings in document order, a summary.

Readable without colour: the severity is a word, the matched words are marked
«**так**» when there is no colour, and nothing but plain text is written when the
output is not a terminal or NO_COLOR is set (lines wrap at 80 columns).
"""

from __future__ import annotations

import io
from collections import Counter
from typing import Any, Sequence, TextIO

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from contract_lint.findings import FileResult, Finding, Severity
from contract_lint.reporters.base import SEVERITIES, ordered, severity_counts, severity_word, where, word
from contract_lint.reporters.excerpt import make_excerpt

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "bold yellow", Severity.INFO: "bold cyan"}
WIDTH = 80


def _console(stream: TextIO, color: bool) -> Console:
    width = None if color else WIDTH
    return Console(file=stream, force_terminal=color, no_color=not color, color_system="standard" if color else None,
                   highlight=False, emoji=False, markup=False, width=width)


def _counts(findings: Sequence[Finding], lang: str) -> str:
    counts = severity_counts(findings)
    return ", ".join(f"{severity_word(s, lang, plural=True)}: {counts[s]}" for s in SEVERITIES)


def _header(result: FileResult, lang: str) -> Text:
    head = Text()
    head.append(result.path, style="bold underline")
    if result.format:
        head.append(f" · {result.format.upper()}", style="dim")
    if result.findings:
        head.append(f" · {_counts(result.findings, lang)}")
    elif not result.error:
        head.append(f" · {word('no_findings', lang)}", style="green")
    return head


def _excerpt(f: Finding, color: bool) -> Text:
    ex = make_excerpt(f.excerpt, f.match)
    text = Text()
    text.append("«", style="dim")
    text.append(ex.before)
    if ex.match:
        text.append(ex.match if color else f"**{ex.match}**", style="bold reverse")
    text.append(ex.after)
    text.append("»", style="dim")
    return text


def _indent(renderable: Any, n: int) -> Padding:
    return Padding(renderable, (0, 0, 0, n), expand=False)


def _finding(console: Console, f: Finding, lang: str, color: bool, quiet: bool) -> None:
    head = Text()
    head.append(where(f, lang), style="bold")
    head.append("  ")
    head.append(severity_word(f.severity, lang), style=_STYLE[f.severity])
    head.append(f"  {f.rule} · {f.category}", style="dim" if color else "")
    console.print(_indent(head, 2))
    console.print(_indent(Text(" ".join(f.message.split())), 4))
    if quiet:
        return
    if f.excerpt:
        console.print(_indent(_excerpt(f, color), 4))
    if f.suggestion:
        console.print(_indent(Text(word("suggestion", lang).format(f.suggestion), style="green"), 4))


def _summary(console: Console, results: Sequence[FileResult], lang: str, quiet: bool) -> None:
    findings = [f for r in results for f in r.findings]
    unreadable = sum(1 for r in results if r.error)
    line = f"{word('files', lang)}: {len(results)}"
    if unreadable:
        line += f" · {word('unreadable', lang)}: {unreadable}"
    console.print(Text(line, style="bold"))
    console.print(Text(f"{word('findings', lang)}: {len(findings)} ({_counts(findings, lang)})", style="bold"))
    if quiet or not findings:
        return
    table = Table(word("category", lang), *(severity_word(s, lang, plural=True) for s in SEVERITIES),
                  word("total", lang), box=None, pad_edge=False, show_edge=False)
    by = Counter((f.category, f.severity) for f in findings)
    for category in sorted({f.category for f in findings}):
        row = [by[(category, s)] for s in SEVERITIES]
        table.add_row(category, *(str(n) if n else "·" for n in row), str(sum(row)))
    console.print(table)


def render(
    results: Sequence[FileResult],
    stream: TextIO,
    *,
    color: bool = False,
    lang: str = "ru",
    quiet: bool = False,
) -> None:
    """Write the human report for `results` to `stream` (plain text unless `color`)."""
    buffer = io.StringIO()
    console = _console(buffer, color)
    for result in results:
        if quiet and not result.findings and not result.error:
            continue
        console.print(_header(result, lang), soft_wrap=True)  # a long path stays on one line
        if result.error:
            reason = result.error.removeprefix(f"{result.path}: ")  # the header line above names the file
            console.print(_indent(Text(word("read_error", lang).format(reason), style="bold red"), 2))
        for f in ordered(result.findings):
            _finding(console, f, lang, color, quiet)
        console.print()
    _summary(console, results, lang, quiet)
    text = buffer.getvalue()
    # Rich pads wrapped lines and table cells with spaces; plain output should not end lines in blanks.
    stream.write(text if color else "".join(line.rstrip() + "\n" for line in text.splitlines()))
