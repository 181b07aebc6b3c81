"""Find the documents to lint under the paths a user gives: folders, globs, files."""

from __future__ import annotations

import fnmatch
import glob
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

SUPPORTED_SUFFIXES = frozenset({".docx", ".pdf", ".odt", ".txt", ".md", ".doc", ".rtf"})
# Word lock files, LibreOffice locks, partial downloads and editor backups.
_TEMPORARY = ("~$*", ".~lock.*", "~*", "*.tmp", "*.part", "*.crdownload", "*.swp", "*~")
_GLOB_CHARS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class DiscoverOptions:
    """What to skip while walking folders."""

    exclude: tuple[str, ...] = ()
    suffixes: frozenset[str] = SUPPORTED_SUFFIXES


def discover(paths: Iterable[str], options: DiscoverOptions = DiscoverOptions()) -> list[str]:
    """Return the files to lint, in a stable order, without duplicates.

    A file named explicitly is always kept (its format is detected from its bytes),
    even when it does not exist: the parser then reports it as a per-file error.
    Files found in folders are kept when their suffix is supported and they are not
    hidden, temporary or excluded. Symlinked folders are followed once (no loops).
    """
    seen: set[str] = set()
    result: list[str] = []
    for raw in paths:
        for path in _expand(raw):
            for found in _walk(path, options):
                key = os.path.normpath(found)
                if key not in seen:
                    seen.add(key)
                    result.append(found)
    return result


def _expand(raw: str) -> list[str]:
    if raw == "-" or not _GLOB_CHARS & set(raw) or os.path.exists(raw):
        return [raw]
    return sorted(glob.glob(raw, recursive=True)) or [raw]


def _walk(path: str, options: DiscoverOptions) -> Iterator[str]:
    if path == "-" or not os.path.isdir(path):
        if path == "-" or not _excluded(path, options):
            yield path
        return
    visited: set[tuple[int, int]] = set()
    yield from _walk_dir(Path(path), options, visited)


def _walk_dir(folder: Path, options: DiscoverOptions, visited: set[tuple[int, int]]) -> Iterator[str]:
    try:
        stat = folder.stat()
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return  # a folder that vanished or cannot be listed has nothing to offer
    if (stat.st_dev, stat.st_ino) in visited:
        return
    visited.add((stat.st_dev, stat.st_ino))
    for entry in entries:
        if _skipped_name(entry.name) or _excluded(entry.path, options):
            continue
        try:
            is_dir = entry.is_dir()
        except OSError:
            continue
        if is_dir:
            yield from _walk_dir(Path(entry.path), options, visited)
        elif Path(entry.name).suffix.lower() in options.suffixes:
            yield entry.path


def _skipped_name(name: str) -> bool:
    return name.startswith(".") or any(fnmatch.fnmatch(name, pat) for pat in _TEMPORARY)


def _excluded(path: str, options: DiscoverOptions) -> bool:
    norm = Path(path).as_posix()
    name = Path(path).name
    for pattern in options.exclude:
        if fnmatch.fnmatch(norm, pattern) or fnmatch.fnmatch(name, pattern):
            return True
        if fnmatch.fnmatch(norm, f"*/{pattern}") or fnmatch.fnmatch(norm, f"{pattern.rstrip('/')}/*"):
            return True
    return False
