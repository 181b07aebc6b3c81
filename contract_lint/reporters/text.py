"""The default terminal report: one readable block per finding (Rich)."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.text import Text

from contract_lint.findings import FileResult, Finding, Severity

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def _where(f: Finding) -> str:
    loc = f.location
    parts = []
    if f.document_level:
        parts.append(f"раздел «{loc.section}»" if loc.section else "весь документ")
    elif loc.clause:
        parts.append(f"п. {loc.clause}")
    elif loc.section:
        parts.append(f"раздел «{loc.section}»")
    extra = [f"стр. {loc.page}" if loc.page else "", f"строка {loc.line}" if loc.line else ""]
    if loc.table:
        extra.append(f"таблица {loc.table}, строка {loc.row}, столбец {loc.col}")
    extra = [e for e in extra if e]
    where = "  ".join(parts) or "—"
    return f"{where}  ({', '.join(extra)})" if extra else where


def _excerpt(f: Finding) -> Text:
    """Return the excerpt with the matched words highlighted."""
    text = Text("    «", style="dim")
    body = Text(f.excerpt)
    if f.match:
        at = f.excerpt.find(f.match)
        if at >= 0:
            body.stylize("bold underline", at, at + len(f.match))
    text.append(body)
    text.append("»", style="dim")
    return text


def _finding(console: Console, f: Finding) -> None:
    head = Text("  ")
    head.append(_where(f), style="bold")
    head.append(f"  {f.category}  {f.rule} {f.name}  ")
    head.append(f.severity.label_ru, style=_STYLE[f.severity])
    console.print(head)
    if f.excerpt:
        console.print(_excerpt(f))
    console.print(Text("     " + f.message))
    if f.suggestion:
        console.print(Text(f"     Предложение: {f.suggestion}", style="green"))


def render(results: list[FileResult], stream: TextIO, *, color: bool) -> None:
    """Write the human report for `results` to `stream`."""
    console = Console(file=stream, force_terminal=color, no_color=not color, highlight=False,
                      soft_wrap=True, emoji=False, markup=False)
    counts = {s: 0 for s in Severity}
    for result in results:
        console.print(Text(result.path, style="bold underline"))
        if result.error:
            console.print(Text(f"  ошибка чтения: {result.error}", style="bold red"))
        for f in result.findings:
            counts[f.severity] += 1
            _finding(console, f)
        if not result.findings and not result.error:
            console.print(Text("  замечаний нет", style="green"))
    errors = sum(1 for r in results if r.error)
    summary = (f"Файлов: {len(results)}; замечаний: {sum(counts.values())} "
               f"(ошибок: {counts[Severity.ERROR]}, предупреждений: {counts[Severity.WARNING]}, "
               f"инфо: {counts[Severity.INFO]})")
    if errors:
        summary += f"; не удалось прочитать: {errors}"
    console.print(Text(summary, style="bold"))
