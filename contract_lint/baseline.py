"""Baseline: accept today's findings, report only new ones, and say when an entry went stale.

A finding is identified by its fingerprint: a hash of the rule id, the clause text it
sits in (normalised: case, ё, spacing and the leading clause number do not count) and
the matched words — never line numbers, so adding a paragraph above does not change it.
Entries may carry `reason`, `approved_by` and `date`; rewriting the baseline keeps them.
An entry that no longer matches any finding of a checked file becomes an info finding
`BASELINE-STALE` (category `BASELINE`, outside the risk catalogue).
"""

from __future__ import annotations

import hashlib
import os
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Sequence

import regex
import yaml

from contract_lint.errors import ConfigError
from contract_lint.findings import FileResult, Finding, Severity
from contract_lint.model import Location, fold

VERSION = 1
STALE_RULE = "BASELINE-STALE"
STALE_NAME = "stale-baseline-entry"
STALE_CATEGORY = "BASELINE"
_LEADING_NUMBER = regex.compile(r"^\s*(?:(?:\d{1,3}\.)+\d{0,3}|\d{1,3}\)|\(?[а-яa-z]\))\s+")
_NOISE = regex.compile(r"[\s…]+")
_KEPT = ("reason", "approved_by", "date")


def normalise(text: str) -> str:
    """Fold case and ё, drop the leading clause number, ellipses and spacing differences."""
    return _NOISE.sub(" ", _LEADING_NUMBER.sub("", fold(text))).strip()


def fingerprint(f: Finding) -> str:
    """Return a stable id for `f`: rule + normalised clause text + matched words."""
    key = "\x1f".join((f.rule, normalise(f.excerpt), normalise(f.match)))
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:20]


@dataclass(frozen=True)
class BaselineEntry:
    """One accepted finding."""

    path: str
    rule: str
    fingerprint: str
    clause: str | None = None
    match: str = ""
    reason: str | None = None
    approved_by: str | None = None
    date: str | None = None

    def to_dict(self) -> dict[str, object]:
        data = {"path": self.path, "rule": self.rule, "fingerprint": self.fingerprint,
                "clause": self.clause, "match": self.match}
        data.update({k: getattr(self, k) for k in _KEPT if getattr(self, k)})
        return data


@dataclass(frozen=True)
class Baseline:
    """The entries of a baseline file; paths are relative to the file's folder."""

    root: Path
    entries: tuple[BaselineEntry, ...] = ()

    def key(self, path: str) -> str:
        """Return `path` as stored in this baseline (relative to its folder, POSIX slashes)."""
        return Path(os.path.relpath(os.path.abspath(path), self.root)).as_posix()


def load_baseline(path: str | Path) -> Baseline:
    """Read a baseline file; ConfigError naming the file when it is malformed."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"{path}: cannot read the baseline: {exc}".replace("\n", " ")) from exc
    raw = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(raw, list):
        raise ConfigError(f"{path}:1: a baseline needs a list under `entries:` (write one with --write-baseline)")
    entries = []
    for i, item in enumerate(raw, 1):
        if not isinstance(item, dict) or not {"path", "rule", "fingerprint"} <= item.keys():
            raise ConfigError(f"{path}: entry {i} needs path, rule and fingerprint")
        entries.append(BaselineEntry(
            path=str(item["path"]), rule=str(item["rule"]), fingerprint=str(item["fingerprint"]),
            clause=item.get("clause"), match=str(item.get("match") or ""),
            **{k: (str(item[k]) if item.get(k) is not None else None) for k in _KEPT},
        ))
    return Baseline(path.resolve().parent, tuple(entries))


def make_baseline(path: str | Path, results: Iterable[FileResult], previous: Baseline | None = None) -> Baseline:
    """Return a baseline of every finding in `results`, keeping reasons from `previous`."""
    base = Baseline(Path(path).resolve().parent)
    kept = {(e.path, e.fingerprint): e for e in previous.entries} if previous else {}
    entries = []
    for result in results:
        for f in result.findings:
            if f.rule == STALE_RULE:
                continue
            entry = BaselineEntry(base.key(result.path), f.rule, fingerprint(f), f.location.clause, f.match)
            old = kept.get((entry.path, entry.fingerprint))
            entries.append(replace(entry, **{k: getattr(old, k) for k in _KEPT}) if old else entry)
    return replace(base, entries=tuple(entries))


def write_baseline(path: str | Path, results: Sequence[FileResult]) -> Baseline:
    """Write the baseline for `results` to `path`, preserving reasons of an existing file."""
    path = Path(path)
    previous = load_baseline(path) if path.is_file() else None
    baseline = make_baseline(path, results, previous)
    header = ("# contract-lint baseline: accepted findings, keyed by fingerprint (rule + clause text + match).\n"
              "# Add `reason`, `approved_by` and `date` to an entry; rewriting keeps them.\n")
    body = yaml.safe_dump({"version": VERSION, "entries": [e.to_dict() for e in baseline.entries]},
                          allow_unicode=True, sort_keys=False, width=100)
    path.write_text(header + body, encoding="utf-8")
    return baseline


def apply_baseline(results: Sequence[FileResult], baseline: Baseline, lang: str = "ru") -> list[FileResult]:
    """Hide findings recorded in `baseline`; add a stale info finding for every unused entry."""
    by_path: dict[str, Counter[str]] = {}
    entries_by_path: dict[str, list[BaselineEntry]] = {}
    for e in baseline.entries:
        by_path.setdefault(e.path, Counter())[e.fingerprint] += 1
        entries_by_path.setdefault(e.path, []).append(e)
    out = []
    for result in results:
        key = baseline.key(result.path)
        budget = by_path.get(key, Counter())
        kept = []
        for f in result.findings:
            fp = fingerprint(f)
            if budget[fp] > 0:
                budget[fp] -= 1
            else:
                kept.append(f)
        if not result.error:
            kept = _stale(entries_by_path.get(key, []), budget, lang) + kept
        out.append(replace(result, findings=kept))
    return out


def _stale(entries: list[BaselineEntry], unused: Counter[str], lang: str) -> list[Finding]:
    """Return one info finding per entry whose fingerprint matched nothing."""
    stale = []
    for e in reversed(entries):  # the last entries of a fingerprint are the unused ones
        if unused[e.fingerprint] > 0:
            unused[e.fingerprint] -= 1
            stale.append(stale_finding(e, lang))
    return stale[::-1]


def stale_finding(e: BaselineEntry, lang: str = "ru") -> Finding:
    """Return the info finding that reports a stale baseline entry."""
    where = f"п. {e.clause}, " if e.clause and lang != "en" else (f"cl. {e.clause}, " if e.clause else "")
    if lang == "en":
        message = (f"Baseline entry {e.fingerprint} ({e.rule}, {where}«{e.match}») matches no finding any more: "
                   "remove it or rewrite the baseline with --write-baseline.")
    else:
        message = (f"Запись базовой линии {e.fingerprint} ({e.rule}, {where}«{e.match}») больше ничему "
                   "не соответствует: удалите её или перезапишите базовую линию (--write-baseline).")
    return Finding(
        rule=STALE_RULE, name=STALE_NAME, category=STALE_CATEGORY, severity=Severity.INFO,
        message=message, suggestion=None, match=e.match, excerpt="",
        location=Location(clause=e.clause), document_level=True,
    )
