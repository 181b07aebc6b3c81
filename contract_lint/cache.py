"""A result cache keyed by file content, rule packs, options and tool version.

A second run over an unchanged folder only re-reads file hashes. Entries are
written atomically (temporary file + rename), so concurrent runs never see half
an entry; an unreadable entry is ignored and rewritten.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from contract_lint import __version__
from contract_lint.findings import FileResult

_CHUNK = 1 << 20


def default_cache_dir() -> Path:
    """Return the per-user cache folder."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("contract-lint"))


def file_digest(path: str) -> str:
    """Return the SHA-256 of a file's content."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def settings_digest(*parts: object) -> str:
    """Return a digest of everything besides the file that decides the result."""
    text = json.dumps([__version__, *parts], sort_keys=True, default=str, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ResultCache:
    """FileResults stored as JSON files named by content and settings digests."""

    def __init__(self, folder: Path, settings: str) -> None:
        self.folder = folder
        self.settings = settings

    def _entry(self, digest: str) -> Path:
        key = hashlib.sha256(f"{digest}:{self.settings}".encode()).hexdigest()
        return self.folder / key[:2] / f"{key}.json"

    def get(self, path: str, digest: str) -> FileResult | None:
        """Return the cached result for this content, re-labelled with `path`, or None."""
        try:
            data = json.loads(self._entry(digest).read_text(encoding="utf-8"))
            result = FileResult.from_dict(data)
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing or corrupt: the caller lints and rewrites it
        if result.error and result.error.startswith(f"{result.path}: "):
            # The same bytes were cached under another name: errors must name this file.
            result.error = f"{path}: {result.error[len(result.path) + 2:]}"
        result.path = path
        return result

    def put(self, digest: str, result: FileResult) -> None:
        """Store a result atomically; errors (a read-only cache) are ignored."""
        target = self._entry(digest)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-", suffix=".json")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(result.to_dict(), fh, ensure_ascii=False)
            os.replace(tmp, target)
        except OSError:
            pass


class ValidatedRules:
    """Rule files already found valid, by content: a re-run skips compiling their patterns.

    Checking a pack compiles every pattern (a fifth of a second for the built-in packs),
    which a run answered from the result cache would otherwise spend on nothing else.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder / "valid-rules"

    def _marker(self, text: str, stem: str) -> Path:
        key = hashlib.sha256(f"{__version__}\0{stem}\0{text}".encode()).hexdigest()
        return self.folder / key

    def known(self, text: str, stem: str) -> bool:
        """Return True when this rule file (content and name) passed validation before."""
        return self._marker(text, stem).exists()

    def remember(self, text: str, stem: str) -> None:
        """Record a rule file that passed validation; errors (a read-only cache) are ignored."""
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            self._marker(text, stem).touch()
        except OSError:
            pass
