"""The `watch` command: lint each new or changed contract in a folder, write its reports."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
from pathlib import Path
from typing import Any, Optional, Sequence

import typer

from contract_lint import cli_options as opts
from contract_lint.errors import ContractLintError
from contract_lint.findings import FileResult

WATCH_FORMATS = ("html", "json", "markdown", "sarif", "text", "concise", "junit")
_EXTENSIONS = {"html": "html", "json": "json", "markdown": "md", "sarif": "sarif", "text": "txt",
               "concise": "txt", "junit": "xml"}


class ReportWriter:
    """Lint one file with a ready engine and write its reports under `out`, mirroring subfolders."""

    def __init__(self, folder: Path, engine: Any, rules: Sequence[Any], formats: Sequence[str], lang: str,
                 config: Any = None) -> None:
        self.folder, self.engine, self.rules = folder, engine, list(rules)
        self.formats, self.lang, self.config = tuple(formats), lang, config
        self._documents: dict[str, Any] = {}

    def lint_one(self, path: str) -> FileResult:
        """Parse and lint `path`; an unreadable file becomes an error result."""
        from contract_lint.runner import lint_file

        done = lint_file(path, self.engine, self.engine.options.parse, keep_document="html" in self.formats)
        if done.document is not None:
            self._documents[path] = done.document
        if self.config is None:
            return done.result
        from contract_lint.config import apply_per_file_ignores

        return apply_per_file_ignores([done.result], self.config)[0]

    def write_report(self, result: FileResult, out: Path) -> list[Path]:
        """Write one report per format; each file appears whole (temporary file + rename)."""
        from contract_lint.reporters import render

        documents = {result.path: self._documents.pop(result.path)} if result.path in self._documents else {}
        written = []
        for fmt in self.formats:
            target = self.target(result.path, fmt, out)
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix="." + _EXTENSIONS[fmt])
            try:
                with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                    render(fmt, [result], self.rules, fh, color=False, lang=self.lang, documents=documents)
                os.chmod(tmp, 0o644)  # mkstemp makes 0600; reports are for the team
                os.replace(tmp, target)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
            written.append(target)
        return written

    def target(self, path: str, fmt: str, out: Path) -> Path:
        """Return the report path for `path`: same relative folder under `out`, name + format suffix."""
        try:
            relative = Path(path).resolve().relative_to(self.folder.resolve())
        except ValueError:
            relative = Path(Path(path).name)
        return out / relative.parent / f"{relative.name}.{_EXTENSIONS[fmt]}"


def _log(line: str) -> None:
    sys.stderr.write(f"contract-lint: {line}\n")
    sys.stderr.flush()


def watch(
    folder: Path = typer.Argument(..., help="Папка, за которой следить."),
    out: Path = typer.Option(..., "--out", help="Папка для отчётов."),
    fmt: Optional[list[str]] = typer.Option(None, "--format", "-f", help=" | ".join(WATCH_FORMATS) + " (можно повторять)."),
    select: Optional[list[str]] = opts.SELECT,
    ignore: Optional[list[str]] = opts.IGNORE,
    pack: Optional[list[Path]] = opts.PACK,
    side: Optional[str] = opts.SIDE,
    lang: Optional[str] = opts.LANG,
    config_file: Optional[Path] = opts.CONFIG,
    exclude: Optional[list[str]] = opts.EXCLUDE,
    settle: float = typer.Option(1.0, "--settle", help="Секунд без изменений, после которых файл считается записанным."),
    no_builtin: bool = opts.NO_BUILTIN,
) -> None:
    """Следить за папкой и проверять каждый новый или изменённый договор (Ctrl-C — стоп)."""
    formats = tuple(fmt or ["html"])
    bad = [f for f in formats if f not in WATCH_FORMATS]
    if bad or not folder.is_dir() or side not in (None, "customer", "contractor"):
        reason = f'--format: "{bad[0]}" is not one of {", ".join(WATCH_FORMATS)}' if bad else (
            f"{folder}: not a folder" if not folder.is_dir() else f'--side: "{side}" is not one of customer, contractor')
        typer.echo(f"contract-lint: {reason}", err=True)
        raise typer.Exit(2)
    try:
        watcher = _watcher(folder, out, formats, select, ignore, pack, side, lang, exclude, settle, no_builtin,
                           config_file)
    except ContractLintError as exc:
        typer.echo(f"contract-lint: {exc}", err=True)
        raise typer.Exit(2) from exc
    _log(f"watching {folder} -> {out} ({', '.join(formats)}); Ctrl-C to stop")
    logging.getLogger("watchfiles").setLevel(logging.ERROR)  # its own «KeyboardInterrupt caught» line
    try:
        watcher.run()
    except KeyboardInterrupt:
        pass
    _log("stopped")


def _watcher(folder, out, formats, select, ignore, pack, side, lang, exclude, settle, no_builtin,  # type: ignore[no-untyped-def]
             config_file=None):
    """Build the Watcher from the folder's config file with the command-line values on top."""
    from contract_lint.check_cli import cli_config
    from contract_lint.checking import load_engine_rules
    from contract_lint.config import engine_options
    from contract_lint.discover import DiscoverOptions
    from contract_lint.engine import Engine
    from contract_lint.rules_cli import _parse_options, _split
    from contract_lint.watch import Watcher

    config = cli_config([folder], config_file, select=_split(select) or None, ignore=_split(ignore) or None,
                        side=side, lang=lang, packs=pack, exclude=exclude)
    rules = load_engine_rules(config, builtin_packs=not no_builtin)
    options = engine_options(config, builtin_packs=not no_builtin, parse=_parse_options(None, None, False))
    writer = ReportWriter(folder, Engine(rules, options), rules, formats, config.lang, config)
    return Watcher(folder=folder, out=out, lint_one=writer.lint_one, write_report=writer.write_report, log=_log,
                   options=DiscoverOptions(exclude=config.exclude), settle=settle)


def register(app: typer.Typer) -> None:
    """Add the `watch` command to the CLI app."""
    app.command("watch")(watch)
