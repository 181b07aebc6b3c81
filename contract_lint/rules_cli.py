"""The `check`, `rules`, `rule` and `test-rules` commands (registered by cli.py).

`check` reads the configuration, lints through the folder runner (jobs, cache), applies
per-file ignores and the baseline, and writes one or several reports (checking.py).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.table import Table

from contract_lint import cli_options as opts
from contract_lint.api import load_rules
from contract_lint.baseline import write_baseline
from contract_lint.check_cli import CHECK_EXAMPLES, RawArgsCommand, cli_config, os_fail, output_pairs
from contract_lint.checking import (
    CheckRun, collect_documents, explicit_paths, finish, load_engine_rules, needs_documents, write_reports,
)
from contract_lint.config import did_you_mean, engine_options
from contract_lint.engine import EngineOptions, exit_code
from contract_lint.dump import PDF_ENGINES
from contract_lint.errors import ConfigError, ContractLintError
from contract_lint.folder_cli import FolderOptions, cache_folder, lint_for_cli, write_summary
from contract_lint.packs import Rule, all_rules, load_packs
from contract_lint.rule_examples import ExampleFailure, run_examples



def _fail(message: str) -> typer.Exit:
    typer.echo(f"contract-lint: {message}", err=True)
    return typer.Exit(2)


def _split(values: list[str] | None) -> tuple[str, ...]:
    return tuple(v.strip() for raw in values or () for v in raw.split(",") if v.strip())


def _parse_options(pdf_engine: str | None, password: str | None, ocr: bool) -> object:
    """Build the parsers' ParseOptions when that module exists (None otherwise)."""
    try:
        from contract_lint.parsers import ParseOptions  # type: ignore[attr-defined]
    except ImportError:
        return None
    given = {k: v for k, v in {"pdf_engine": pdf_engine, "password": password, "ocr": ocr or None}.items() if v is not None}
    return ParseOptions(**given)


def check(
    ctx: typer.Context,
    paths: list[Path] = typer.Argument(..., help="Файлы и папки с договорами."),
    fmt: Optional[list[str]] = opts.FORMATS,
    output: Optional[list[str]] = opts.OUTPUTS,
    config_file: Optional[Path] = opts.CONFIG,
    fail_on: Optional[str] = opts.FAIL_ON,
    select: Optional[list[str]] = opts.SELECT,
    ignore: Optional[list[str]] = opts.IGNORE,
    pack: Optional[list[Path]] = opts.PACK,
    pdf_engine: Optional[str] = typer.Option(None, "--pdf-engine", help="Движок PDF: pdfium | pdfplumber."),
    password: Optional[str] = opts.PASSWORD,
    ocr: bool = opts.OCR,
    side: Optional[str] = opts.SIDE,
    lang: Optional[str] = opts.LANG,
    language: str = typer.Option("auto", "--language", help="Язык договоров: auto | ru | uk | en (пакеты правил — по языку)."),
    no_builtin: bool = opts.NO_BUILTIN,
    exclude: Optional[list[str]] = opts.EXCLUDE,
    jobs: int = typer.Option(0, "--jobs", "-j", help="Параллельных процессов (0 — по числу ядер, 1 — без процессов)."),
    no_cache: bool = typer.Option(False, "--no-cache", help="Не использовать кэш результатов."),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", help="Папка кэша результатов."),
    summary: Optional[Path] = typer.Option(None, "--summary", help="Записать реестр: строка на файл (CSV; .xlsx — книга Excel)."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Скрыть замечания, записанные в базовой линии."),
    write_baseline_to: Optional[Path] = typer.Option(None, "--write-baseline", help="Записать текущие замечания в файл базовой линии."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Кратко: без индикатора хода, фрагментов и предложений."),
    annotate: Optional[Path] = typer.Option(None, "--annotate", help="Записать копии .docx/.pdf с замечаниями (<имя>.reviewed.<расш.>) в эту папку или файл."),
) -> None:
    """Проверить договоры и показать замечания (код выхода: 0 — чисто, 1 — есть замечания, 2 — ошибка)."""
    try:
        pairs = output_pairs(ctx, fmt, output)
        if pdf_engine is not None and pdf_engine not in PDF_ENGINES:
            raise ConfigError(f'--pdf-engine: "{pdf_engine}" is not one of {", ".join(PDF_ENGINES)}')
        config = cli_config(paths, config_file, select=_split(select) or None, ignore=_split(ignore) or None,
                            side=side, fail_on=fail_on, lang=lang, packs=pack, exclude=exclude)
        folder = FolderOptions(exclude=config.exclude, jobs=jobs, cache=not no_cache, cache_dir=cache_dir,
                               quiet=quiet, keep_documents=needs_documents(pairs))
        rules_loaded = load_engine_rules(config, builtin_packs=not no_builtin, cache_dir=cache_folder(folder))
        if not rules_loaded:
            typer.echo("contract-lint: no rules loaded (see --pack, --select)", err=True)
        options = engine_options(config, builtin_packs=not no_builtin, parse=_parse_options(pdf_engine, password, ocr),
                                 document_language=language)
        outcomes = lint_for_cli(explicit_paths(paths, config), rules_loaded, options, folder)
        results = finish([o.result for o in outcomes], config, baseline=None if write_baseline_to else baseline)
        if summary is not None:
            write_summary(summary, results)
        if write_baseline_to is not None:
            written = write_baseline(write_baseline_to, results)
            typer.echo(f"contract-lint: {len(written.entries)} finding(s) recorded in {write_baseline_to}", err=True)
            raise typer.Exit(2 if any(r.error for r in results) else 0)
        run = CheckRun(results, rules_loaded, collect_documents(outcomes, pairs, options.parse))
        write_reports(pairs, run, lang=config.lang, quiet=quiet)
    except ContractLintError as exc:
        raise _fail(str(exc)) from exc
    except OSError as exc:
        raise os_fail(exc) from exc
    if annotate is not None:
        from contract_lint.annotate_cli import annotate_results

        if not annotate_results(results, annotate, password=password):
            raise typer.Exit(2)
    raise typer.Exit(exit_code(results, config.fail_on))

def rules(
    fmt: str = typer.Option("text", "--format", "-f", help="text | json"),
    pack: Optional[list[Path]] = opts.PACK,
    no_builtin: bool = opts.NO_BUILTIN,
) -> None:
    """Показать все правила."""
    loaded = _load(pack, no_builtin)
    if fmt == "json":
        data = [_rule_summary(r) for r in loaded]
        typer.echo(json.dumps({"version": 1, "rules": data}, ensure_ascii=False, indent=2))
        return
    width = None if sys.stdout.isatty() else 200  # pipes and files get whole lines
    print_rules(loaded, Console(file=sys.stdout, width=width, highlight=False))


def print_rules(loaded: list[Rule], console: Console) -> None:
    """Print the rule table; a narrow terminal gets two lines per rule instead of clipped cells."""
    ordered_rules = sorted(loaded, key=lambda r: r.id)
    if console.width < 120:  # six columns do not fit: ids and names would be cut to «vague-deadl…»
        for r in ordered_rules:
            console.print(f"{r.id}  {r.name}  {r.category}  {r.severity.label_ru}  {r.kind}", markup=False)
            console.print(f"    {r.title}", markup=False)
        return
    table = Table("код", "имя", "категория", "важность", "вид", "название", box=None)
    for r in ordered_rules:
        table.add_row(r.id, r.name, r.category, r.severity.label_ru, r.kind, r.title)
    console.print(table)


def _load(pack: list[Path] | None, no_builtin: bool = False) -> list[Rule]:
    try:
        return load_rules(EngineOptions(packs=tuple(str(p) for p in pack or ()), builtin_packs=not no_builtin))
    except ContractLintError as exc:
        raise _fail(str(exc)) from exc


def _rule_summary(r: Rule) -> dict[str, object]:
    return {"id": r.id, "name": r.name, "category": r.category, "severity": str(r.severity),
            "kind": r.kind, "title": r.title, "pack": r.pack, "path": r.path}


def rule(
    rule_id: str = typer.Argument(..., help="Код или имя правила (TERM001, vague-deadline)."),
    pack: Optional[list[Path]] = opts.PACK,
    no_builtin: bool = opts.NO_BUILTIN,
) -> None:
    """Объяснить правило: суть, обоснование, ссылки, пример, как исправить."""
    loaded = _load(pack, no_builtin)
    found = [r for r in loaded if rule_id.upper() == r.id.upper() or rule_id.lower() == r.name]
    if not found:
        names = [r.id for r in loaded] + [r.name for r in loaded]
        close = did_you_mean(rule_id.upper(), [r.id for r in loaded]) or did_you_mean(rule_id.lower(), names)
        raise _fail(f'no rule "{rule_id}"{close} (see `contract-lint rules`)')
    typer.echo(describe(found[0]))


def describe(r: Rule) -> str:
    """Return the plain-text documentation of a rule."""
    lines = [f"{r.id} {r.name}: {r.title}", "",
             f"Категория: {r.category}", f"Важность: {r.severity.label_ru} ({r.severity})",
             f"Пакет: {r.pack} ({r.path})"]
    if r.rationale:
        lines += ["", "Почему это важно:", r.rationale.strip()]
    if r.references:
        lines += ["", "Ссылки: " + "; ".join(r.references)]
    if r.suggestion:
        lines += ["", f"Предложение: {r.suggestion}"]
    for title, examples in (("Найдёт:", r.flag_examples), ("Не найдёт:", r.pass_examples)):
        if examples:
            lines += ["", title] + ["  - " + " / ".join(e) for e in examples]
    return "\n".join(lines)


def test_rules(
    pack_dir: Optional[Path] = typer.Argument(None, help="Папка пакета (по умолчанию встроенные пакеты)."),
) -> None:
    """Проверить примеры каждого правила (flag: должно найти, pass: не должно)."""
    try:
        packs = load_packs([pack_dir], builtin=False) if pack_dir else load_packs()
    except ContractLintError as exc:
        raise _fail(str(exc)) from exc
    total, failures = 0, []
    for r in all_rules(packs):
        count, failed = run_examples(r)
        total += count
        failures.extend(failed)
    for f in failures:
        typer.echo(_failure_line(f))
    typer.echo(f"{total} examples, {len(failures)} failed" + ("" if failures else " — OK"))
    raise typer.Exit(1 if failures else 0)


def _failure_line(f: ExampleFailure) -> str:
    expected = "flag (>= 1 finding)" if f.expect_flag else "pass (no finding)"
    return (f"FAIL {f.rule.id} {f.rule.name} {f.label}: expected {expected}, got {f.got} finding(s)"
            f"{' — ' + f.error if f.error else ''}\n    {' / '.join(f.example)}\n    ({f.rule.path})")


def register(app: typer.Typer) -> None:
    """Add this module's commands to the CLI app."""
    app.command("check", cls=RawArgsCommand, epilog=CHECK_EXAMPLES)(check)
    app.command("rules")(rules)
    app.command("rule")(rule)
    app.command("test-rules")(test_rules)


