"""Command-line glue for linting folders: discovery, jobs, cache, progress bar, error lines, register.

`check` (and any other command that lints many files) calls `lint_for_cli`; everything
written here goes to stderr, so reports on stdout stay machine-readable.
"""

from __future__ import annotations

import sys
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Sequence, TextIO

from contract_lint.engine import EngineOptions
from contract_lint.findings import FileResult


@dataclass(frozen=True)
class FolderOptions:
    """The folder-scale options of `check`: --exclude, --jobs, --no-cache, --cache-dir, --quiet."""

    exclude: tuple[str, ...] = ()
    jobs: int | None = None  # None: one per CPU core
    cache: bool = True
    cache_dir: Path | None = None
    quiet: bool = False
    keep_documents: bool = False


def find_files(paths: Iterable[str | Path], exclude: Sequence[str] = ()) -> list[str]:
    """Return the files under `paths` (folders recursed, lock/hidden/temporary files skipped)."""
    from contract_lint.discover import DiscoverOptions, discover

    return discover([str(p) for p in paths], DiscoverOptions(exclude=tuple(exclude)))


def lint_for_cli(
    paths: Sequence[str | Path], rules: Sequence[Any], options: EngineOptions, folder: FolderOptions,
    *, stderr: TextIO | None = None,
) -> list[Any]:
    """Lint everything under `paths`; return the runner's Outcomes in input order."""
    from contract_lint.runner import RunOptions, default_jobs, run_files

    err = stderr or sys.stderr
    files = find_files(paths, folder.exclude)
    run = RunOptions(
        jobs=folder.jobs if folder.jobs and folder.jobs > 0 else default_jobs(),
        cache_dir=cache_folder(folder),
        keep_documents=folder.keep_documents,
    )
    show = not folder.quiet and _isatty(err) and len(files) > 1
    with (_progress(len(files), err) if show else nullcontext(None)) as bar:
        outcomes = run_files(files, rules, options, run, on_result=bar.advance if bar else None)
    report_errors([o.result for o in outcomes], err)
    return outcomes


def report_errors(results: Iterable[FileResult], stream: TextIO) -> None:
    """Write one line per unreadable file: it names the file, what went wrong and what to do."""
    for result in results:
        if result.error:
            text = result.error if result.error.startswith(result.path) else f"{result.path}: {result.error}"
            stream.write(f"contract-lint: error: {text}\n")
    stream.flush()


def write_summary(target: Path, results: Sequence[FileResult]) -> None:
    """Write the register (one row per file) to `target`: an Excel workbook for .xlsx, else CSV."""
    import io

    from contract_lint.summary import ENCODING, write_summary_csv
    from contract_lint.fileio import write_atomic
    from contract_lint.summary_xlsx import FILE_MODE, write_summary_xlsx

    if target.suffix.lower() == ".xlsx":
        write_summary_xlsx(results, target)
        return
    buf = io.StringIO(newline="")  # the csv module writes its own line ends
    write_summary_csv(results, buf)
    write_atomic(target, buf.getvalue().encode(ENCODING), mode=FILE_MODE)


def cache_folder(folder: FolderOptions) -> Path | None:
    """Return the cache folder these options use, or None with --no-cache."""
    if not folder.cache:
        return None
    from contract_lint.cache import default_cache_dir

    return folder.cache_dir or default_cache_dir()


def _isatty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False


class _Bar:
    """A Rich progress bar on stderr: files done/total, findings so far, the last file, ETA."""

    def __init__(self, total: int, stream: TextIO) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.findings = 0
        self.progress = Progress(
            BarColumn(), MofNCompleteColumn(), TextColumn("замечаний: {task.fields[findings]}"),
            TimeRemainingColumn(), TextColumn("{task.fields[name]}"),
            console=Console(file=stream), transient=True,
        )
        self.task = self.progress.add_task("check", total=total, findings=0, name="")

    def advance(self, result: FileResult) -> None:
        self.findings += len(result.findings)
        self.progress.update(self.task, advance=1, findings=self.findings, name=Path(result.path).name[-40:])

    def __enter__(self) -> "_Bar":
        self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.stop()


def _progress(total: int, stream: TextIO) -> _Bar:
    return _Bar(total, stream)
