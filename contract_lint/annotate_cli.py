"""The `annotate` command and `check --annotate`: a reviewed copy with the findings inside.

Exit codes of `annotate`: 0 when the copy was written (whatever the findings), 2 when
it was not (unreadable document, bad options, refused output path).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Iterable, Optional

import typer

from contract_lint import cli_options as opts
from contract_lint.annotate import annotate_file, output_for
from contract_lint.api import load_rules
from contract_lint.engine import Engine, EngineOptions
from contract_lint.errors import ContractLintError
from contract_lint.findings import FileResult, Severity

_SEVERITIES = tuple(s.value for s in Severity)
_NOUN = {".docx": "комментариев", ".pdf": "пометок"}


def _fail(message: str) -> typer.Exit:
    typer.echo(f"contract-lint: {message}", err=True)
    return typer.Exit(2)


def _split(values: list[str] | None) -> tuple[str, ...]:
    return tuple(v.strip() for raw in values or () for v in raw.split(",") if v.strip())


def annotate(
    path: Path = typer.Argument(..., help="Договор: .docx или .pdf (не изменяется)."),
    output: Optional[Path] = typer.Option(
        None, "--output", "-o", help="Куда записать копию: файл или папка (по умолчанию <имя>.reviewed.<расш.> рядом)."),
    min_severity: Optional[str] = typer.Option(None, "--min-severity", help="Только замечания не ниже: info | warning | error."),
    select: Optional[list[str]] = opts.SELECT,
    ignore: Optional[list[str]] = opts.IGNORE,
    pack: Optional[list[Path]] = opts.PACK,
    side: Optional[str] = opts.SIDE,
    password: Optional[str] = opts.PASSWORD,
    no_builtin: bool = opts.NO_BUILTIN,
) -> None:
    """Записать копию договора с замечаниями: комментарии Word (DOCX) или пометки (PDF).

    Код выхода: 0 — копия записана, 2 — не записана (ошибка чтения, формата или пути).
    """
    if min_severity is not None and min_severity not in _SEVERITIES:
        raise _fail(f'--min-severity: "{min_severity}" is not one of {", ".join(_SEVERITIES)}')
    if side not in (None, "customer", "contractor"):
        raise _fail(f'--side: "{side}" is not one of customer, contractor')
    try:
        options = EngineOptions(select=_split(select), ignore=_split(ignore), side=side,
                                packs=tuple(str(p) for p in pack or ()), builtin_packs=not no_builtin)
        engine = Engine(load_rules(options), options)
        done = annotate_file(path, output, engine=engine, min_severity=min_severity, password=password)
    except ContractLintError as exc:
        raise _fail(str(exc)) from exc
    except OSError as exc:
        raise _fail(f"{exc.filename or path}: {exc.strerror or exc}") from exc
    noun = _NOUN[Path(done.path).suffix.lower()]
    typer.echo(f"{done.output}: {noun}: {done.notes} (замечаний: {done.findings})")


def annotate_results(results: Iterable[FileResult], target: Path | str, *, password: str | None = None,
                     stream: Any = None) -> bool:
    """Write `<name>.reviewed.<ext>` for every DOCX/PDF result of `check`; False if one failed."""
    results = [r for r in results if not r.error]
    stream = stream or sys.stderr
    single = len(results) == 1
    if not single and Path(target).is_file():
        stream.write(f"contract-lint: --annotate {target}: give a folder when several files are checked\n")
        return False
    ok = True
    for result in results:
        if Path(result.path).suffix.lower() not in _NOUN:
            stream.write(f"contract-lint: {result.path}: not annotated (only .docx and .pdf)\n")
            continue
        try:
            done = annotate_file(result.path, output_for(result.path, target, single=single),
                                 findings=result.findings, password=password)
        except ContractLintError as exc:
            stream.write(f"contract-lint: {exc}\n")
            ok = False
            continue
        except OSError as exc:
            stream.write(f"contract-lint: {exc.filename or result.path}: {exc.strerror or exc}\n")
            ok = False
            continue
        stream.write(f"contract-lint: {done.output}: {_NOUN[Path(done.path).suffix.lower()]}: {done.notes}\n")
    return ok


def register(app: typer.Typer) -> None:
    """Add `annotate` to the CLI app."""
    app.command("annotate")(annotate)
