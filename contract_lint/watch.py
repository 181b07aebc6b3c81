"""Watch a shared folder and lint each contract once it has finished being written."""

from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from contract_lint.discover import DiscoverOptions, discover
from contract_lint.findings import FileResult

LintOne = Callable[[str], FileResult]
WriteReport = Callable[[FileResult, Path], list[Path]]
Log = Callable[[str], None]


@dataclass
class Watcher:
    """Lint new and changed files under `folder`, writing reports to `out`.

    A file is linted once its size and mtime have stayed the same for `settle`
    seconds (a copy in progress is not linted half-written). Files that vanish,
    are renamed or cannot be read are logged and skipped; the watch goes on.
    """

    folder: Path
    out: Path
    lint_one: LintOne
    write_report: WriteReport
    log: Log
    options: DiscoverOptions = field(default_factory=DiscoverOptions)
    settle: float = 1.0
    _done: dict[str, tuple[int, int]] = field(default_factory=dict)

    def scan(self) -> int:
        """Lint every settled file not yet linted in its current state; return how many."""
        return sum(self._maybe_lint(p) for p in discover([str(self.folder)], self.options))

    def handle(self, changed: Iterable[str]) -> int:
        """Lint the changed paths that are supported files; return how many were linted."""
        paths = [p for p in changed if self._wanted(p)]
        return sum(self._maybe_lint(p) for p in sorted(set(paths)))

    def _wanted(self, path: str) -> bool:
        out = os.path.abspath(self.out)
        if os.path.abspath(path).startswith(out + os.sep):
            return False  # our own reports must not trigger linting
        return bool(discover([path], self.options)) and Path(path).suffix.lower() in self.options.suffixes

    def _maybe_lint(self, path: str) -> bool:
        state = _settled_state(path, self.settle)
        if state is None or self._done.get(path) == state:
            return False
        self._done[path] = state
        result = self.lint_one(path)
        if result.error and not os.path.exists(path):
            self.log(f"{path}: vanished before it could be read (renamed or deleted); skipped")
            return False
        try:
            written = self.write_report(result, self.out)
        except OSError as exc:
            self.log(f"{path}: report not written: {exc}")
            return True
        self.log(_log_line(result, written))
        return True

    def run(self, stop_event=None) -> None:
        """Scan once, then lint on every change until Ctrl-C or `stop_event` is set."""
        import watchfiles

        self.out.mkdir(parents=True, exist_ok=True)
        self.scan()
        try:
            for changes in watchfiles.watch(
                self.folder, stop_event=stop_event, debounce=400, step=100,
                rust_timeout=1000, yield_on_timeout=True, raise_interrupt=False,
            ):
                self.handle(path for _, path in changes)
                self.scan()  # retries files that were still being written
        except KeyboardInterrupt:
            pass


def _settled_state(path: str, settle: float) -> tuple[int, int] | None:
    """Return (size, mtime_ns) once the file has not changed for `settle` seconds."""
    try:
        st = os.stat(path)
    except OSError:
        return None  # vanished or renamed away
    if time.time() - st.st_mtime < settle:
        return None
    return (st.st_size, st.st_mtime_ns)


def _log_line(result: FileResult, written: list[Path]) -> str:
    if result.error:
        return f"{result.path}: ERROR {result.error}"
    counts = {}
    for f in result.findings:
        counts[str(f.severity)] = counts.get(str(f.severity), 0) + 1
    summary = ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())) or "no findings"
    names = ", ".join(p.name for p in written)
    return f"{result.path}: {summary} -> {names}"
