"""The `diff` and `config` commands, and the option helpers `check` (rules_cli) shares with them.

`--format F --output P` may repeat: each format goes to the output that follows it, a
format without one goes to stdout (`pair_outputs`). Click keeps no order between two
repeated options, so the command class records the raw arguments for the pairing.
"""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path
from typing import Optional

import typer

from contract_lint import cli_options as opts
from contract_lint.cli_help import HelpCommand
from contract_lint.checking import CheckRun, check_pairs, needs_documents, pair_outputs, run_check, write_reports
from contract_lint.config import FAIL_ON, LANGS, SIDES, Config, describe, load_config
from contract_lint.diff import diff_results
from contract_lint.engine import exit_code
from contract_lint.errors import ConfigError, ContractLintError


CHECK_EXAMPLES = """Примеры:

  contract-lint check dogovor.docx

  contract-lint check /srv/contracts --summary reestr.xlsx --format html --output otchet.html

  contract-lint check . --format sarif --output contract-lint.sarif --fail-on warning
"""
DIFF_EXAMPLES = """Пример: contract-lint diff dogovor-v1.docx dogovor-v2.docx --fail-on warning"""


class RawArgsCommand(HelpCommand):
    """A command that keeps its raw arguments in ctx.meta (to pair --format with --output)."""

    def parse_args(self, ctx, args):  # type: ignore[no-untyped-def]
        ctx.meta["raw_args"] = list(args)
        return super().parse_args(ctx, args)


def _fail(message: str) -> typer.Exit:
    typer.echo(f"contract-lint: {message}", err=True)
    return typer.Exit(2)


def os_fail(exc: OSError) -> typer.Exit:
    """Return the exit for an OSError: a closed pipe (`| head`) ends quietly, others get one line."""
    if isinstance(exc, BrokenPipeError):
        try:  # the reader is gone: send the rest of stdout nowhere, so the final flush cannot fail again
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        except (OSError, ValueError, io.UnsupportedOperation):
            pass
        return typer.Exit(1)
    where = f"{exc.filename}: " if exc.filename else ""
    return _fail(f"{where}{exc.strerror or exc}")


def _split(values: list[str] | None) -> tuple[str, ...] | None:
    got = tuple(v.strip() for raw in values or () for v in raw.split(",") if v.strip())
    return got or None


def cli_config(paths: list[Path], config_file: Path | None, **overrides: object) -> Config:
    """Return the config for `paths` with command-line values on top; --pack and --exclude add to it."""
    for key, choices in (("fail_on", FAIL_ON), ("lang", LANGS), ("side", SIDES)):
        if overrides.get(key) is not None and overrides[key] not in choices:
            raise ConfigError(f'--{key.replace("_", "-")}: "{overrides[key]}" is not one of {", ".join(choices)}')
    config = load_config(config_file, start=paths[0] if paths else Path.cwd())
    packs, exclude = overrides.pop("packs", None), overrides.pop("exclude", None)
    if packs:
        overrides["packs"] = config.packs + tuple(str(Path(p).resolve()) for p in packs)  # type: ignore[union-attr]
    if exclude:
        overrides["exclude"] = config.exclude + tuple(exclude)  # type: ignore[arg-type]
    return config.with_overrides(**overrides)


def output_pairs(ctx: typer.Context, fmt: list[str] | None, output: list[str] | None) -> list[tuple[str, str | None]]:
    """Return the (format, output) pairs of this invocation, checked."""
    pairs = pair_outputs(ctx.meta.get("raw_args") or _fallback_args(fmt, output))
    check_pairs(pairs)
    return pairs


def _fallback_args(fmt: list[str] | None, output: list[str] | None) -> list[str]:
    """Rebuild --format/--output pairs by position when the raw arguments are not known."""
    args: list[str] = []
    for i, f in enumerate(fmt or ["text"]):
        args += ["--format", f] + (["--output", output[i]] if output and i < len(output) else [])
    return args


def diff(
    ctx: typer.Context,
    old: Path = typer.Argument(..., help="Прежняя редакция договора."),
    new: Path = typer.Argument(..., help="Новая редакция договора."),
    fmt: Optional[list[str]] = opts.FORMATS,
    output: Optional[list[str]] = opts.OUTPUTS,
    config_file: Optional[Path] = opts.CONFIG,
    fail_on: Optional[str] = opts.FAIL_ON,
    select: Optional[list[str]] = opts.SELECT,
    ignore: Optional[list[str]] = opts.IGNORE,
    pack: Optional[list[Path]] = opts.PACK,
    side: Optional[str] = opts.SIDE,
    lang: Optional[str] = opts.LANG,
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Кратко: без фрагментов и предложений."),
    no_builtin: bool = opts.NO_BUILTIN,
) -> None:
    """Показать замечания, которых не было в прежней редакции (OLD), но есть в новой (NEW)."""
    try:
        pairs = output_pairs(ctx, fmt, output)
        config = cli_config([new], config_file, select=_split(select), ignore=_split(ignore), side=side,
                         fail_on=fail_on, lang=lang, packs=pack)
        before = run_check([old], config, builtin_packs=not no_builtin)
        after = run_check([new], config, builtin_packs=not no_builtin, keep_documents=needs_documents(pairs))
        if len(before.results) != 1 or len(after.results) != 1:
            raise _fail("diff compares two files: give OLD and NEW as files, not folders")
        result = diff_results(before.results[0], after.results[0])
        run = CheckRun([result], after.rules, after.documents)
        write_reports(pairs, run, lang=config.lang, quiet=quiet)
    except ContractLintError as exc:
        raise _fail(str(exc)) from exc
    except OSError as exc:
        raise os_fail(exc) from exc
    raise typer.Exit(exit_code(run.results, config.fail_on))


def config(
    path: Optional[Path] = typer.Argument(None, help="Файл или папка, для которых искать настройки (по умолчанию текущая)."),
    config_file: Optional[Path] = opts.CONFIG,
) -> None:
    """Показать действующие настройки и откуда взято каждое значение."""
    try:
        effective = load_config(config_file, start=path or Path.cwd())
    except ContractLintError as exc:
        raise _fail(str(exc)) from exc
    sys.stdout.write(describe(effective))


def register(app: typer.Typer) -> None:
    """Add `diff` and `config` to the CLI app (`check` lives in rules_cli and uses this module's helpers)."""
    app.command("diff", cls=RawArgsCommand, epilog=DIFF_EXAMPLES)(diff)
    app.command("config")(config)
