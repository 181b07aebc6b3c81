"""Find and load rule packs; validate every file with located, readable errors.

A pack is a folder with `pack.yaml` and one YAML file per rule. Built-in packs live
in the package's `rules/` directory (the repository's top-level `rules/` in a
checkout). Errors read `path:line: key: what is wrong (did you mean "...")`.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Mapping, Protocol

import contract_lint
from contract_lint.errors import RulePackError
from contract_lint.findings import Severity
from contract_lint.pack_validation import (
    Located,
    load_located,
    schema_errors,
    validate_semantics,
)


@dataclass(frozen=True)
class Scope:
    """Where a rule looks: block kinds and section headings (regexes on folded text)."""

    kinds: tuple[str, ...] = ()
    exclude_kinds: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    exclude_sections: tuple[str, ...] = ()


@dataclass(frozen=True)
class Rule:
    """One validated rule, as data; the engine compiles its check."""

    id: str
    name: str
    category: str
    severity: Severity
    title: str
    message: str
    kind: str
    options: Any
    pack: str
    path: str
    severity_by_side: Mapping[str, Severity] = field(default_factory=dict)
    message_en: str | None = None
    rationale: str | None = None
    suggestion: str | None = None
    references: tuple[str, ...] = ()
    scope: Scope = Scope()
    unless: tuple[Mapping[str, Any], ...] = ()
    requires: tuple[Mapping[str, Any], ...] = ()
    flag_examples: tuple[tuple[str, ...], ...] = ()
    pass_examples: tuple[tuple[str, ...], ...] = ()
    language: str = "any"  # the pack's language: the documents it runs on (contract_lint.language)

    @property
    def document_level(self) -> bool:
        return self.kind == "missing"


@dataclass(frozen=True)
class Pack:
    """A loaded rule pack."""

    id: str
    name: str
    path: str
    rules: tuple[Rule, ...]
    language: str = "ru"
    version: str | None = None
    description: str | None = None


def display_path(path: Path) -> str:
    """Return `path` relative to the working directory when it is inside it."""
    try:
        relative = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return str(path)
    return str(path) if relative.startswith("..") else relative


def builtin_pack_dirs() -> list[Path]:
    """Return the built-in pack folders (those with a pack.yaml), sorted by name."""
    candidates: list[Path] = []
    try:
        shipped = resources.files("contract_lint") / "rules"
        if shipped.is_dir():
            candidates.append(Path(str(shipped)))
    except (ModuleNotFoundError, TypeError):
        pass
    candidates.append(Path(contract_lint.__file__).resolve().parent.parent / "rules")
    for root in candidates:
        if root.is_dir():
            found = sorted(p for p in root.iterdir() if (p / "pack.yaml").is_file())
            if found:
                return found
    return []


def expand_pack_dir(path: Path) -> list[Path]:
    """Return the pack folders named by `--pack DIR`: DIR itself or its sub-folders."""
    if (path / "pack.yaml").is_file():
        return [path]
    subs = sorted(p for p in path.iterdir() if (p / "pack.yaml").is_file()) if path.is_dir() else []
    if not subs:
        raise RulePackError(f"{display_path(path)}: not a rule pack (no pack.yaml in it or in its sub-folders)")
    return subs


@lru_cache(maxsize=1)
def categories() -> dict[str, dict[str, str]]:
    """Return the risk catalogue's categories {code: {kind, severity}} shipped with the package."""
    data = resources.files("contract_lint") / "data" / "categories.json"
    return json.loads(data.read_text(encoding="utf-8"))


class Memo(Protocol):
    """Rule files known to be valid (cache.ValidatedRules)."""

    def known(self, text: str, stem: str) -> bool: ...

    def remember(self, text: str, stem: str) -> None: ...


def load_packs(extra: Iterable[Path] = (), *, builtin: bool = True, memo: Memo | None = None) -> list[Pack]:
    """Load built-in packs (unless `builtin=False`) and `extra` pack folders; validate all.

    Rule files that `memo` knows to be valid are not validated again.
    """
    dirs = (builtin_pack_dirs() if builtin else []) + [d for p in extra for d in expand_pack_dir(Path(p))]
    errors: list[str] = []
    packs: list[Pack] = []
    for d in dirs:
        pack = _load_pack(d, errors, memo)
        if pack is not None:
            packs.append(pack)
    errors.extend(_uniqueness_errors(packs))
    if errors:
        raise RulePackError("\n".join(errors))
    return packs


def all_rules(packs: Iterable[Pack]) -> list[Rule]:
    """Return the rules of every pack, in pack order."""
    return [r for p in packs for r in p.rules]


def _load_pack(folder: Path, errors: list[str], memo: Memo | None = None) -> Pack | None:
    meta_path = folder / "pack.yaml"
    meta = _load_file(meta_path, "pack", errors)
    if meta is None:
        return None
    data = meta.data
    if not _language_known(data.get("language", "ru")):
        errors.append(_language_error(meta, display_path(meta_path), data["language"]))
        return None
    defaults = (data.get("defaults") or {}).get("scope") or {}
    rules = []
    for path in sorted(folder.glob("*.y*ml")):
        if path.name in ("pack.yaml", "pack.yml"):
            continue
        located = _load_file(path, "rule", errors, memo)
        if located is not None:
            valid = memo is not None and memo.known(located.text, path.stem)
            problems = [] if valid else validate_semantics(located, display_path(path), path.stem, categories())
            errors.extend(problems)
            if not problems:
                if memo is not None and not valid:
                    memo.remember(located.text, path.stem)
                rules.append(rule_from_data(located.data, data["id"], display_path(path), defaults,
                                            language=data.get("language", "ru")))
    return Pack(data["id"], data["name"], display_path(folder), tuple(rules),
                data.get("language", "ru"), data.get("version"), data.get("description"))


def _language_known(value: str) -> bool:
    from contract_lint import language, nlp

    return value == language.ANY or value in language.LANGUAGES or value in nlp.ANALYSERS


def _language_error(meta: Located, shown: str, value: str) -> str:
    """Return the located error for a pack language no document can have (it would never run)."""
    from contract_lint import language, nlp

    choices = list(dict.fromkeys([language.ANY, *language.LANGUAGES, *nlp.ANALYSERS]))
    line = meta.line(("language",))
    return f'{shown}:{line}: language: "{value}" is not one of {", ".join(choices)} (see docs/languages.md)'


def _load_file(path: Path, schema: str, errors: list[str], memo: Memo | None = None) -> Located | None:
    shown = display_path(path)
    try:
        located = load_located(path.read_text(encoding="utf-8"), shown)
    except RulePackError as exc:
        errors.append(str(exc))
        return None
    except OSError as exc:
        errors.append(f"{shown}:1: cannot read: {exc.strerror}")
        return None
    if memo is not None and memo.known(located.text, path.stem):
        return located  # the whole rule file passed before: schema and semantics
    problems = schema_errors(located, shown, schema)
    errors.extend(problems)
    return None if problems else located


def rule_from_data(
    data: Mapping[str, Any], pack: str, path: str, defaults: Mapping[str, Any], *, language: str = "any"
) -> Rule:
    (kind, options), = data["check"].items()
    scope = {**defaults, **(data.get("scope") or {})}
    examples = data.get("examples") or {}
    return Rule(
        id=data["id"], name=data["name"], category=data["category"],
        severity=Severity(data.get("severity") or categories()[data["category"]]["severity"]),
        title=data["title"], message=data["message"],
        kind=kind, options=options, pack=pack, path=path,
        severity_by_side={k: Severity(v) for k, v in (data.get("severity_by_side") or {}).items()},
        message_en=data.get("message_en"), rationale=data.get("rationale"),
        suggestion=data.get("suggestion"), references=tuple(data.get("references") or ()),
        scope=Scope(**{k: tuple(v) for k, v in scope.items()}),
        unless=tuple(data.get("unless") or ()), requires=tuple(data.get("requires") or ()),
        flag_examples=tuple(_example(e) for e in examples.get("flag") or ()),
        pass_examples=tuple(_example(e) for e in examples.get("pass") or ()),
        language=language,
    )


def _example(value: str | list[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _uniqueness_errors(packs: list[Pack]) -> list[str]:
    errors: list[str] = []
    seen: dict[str, str] = {}
    for rule in all_rules(packs):
        for key in (rule.id, rule.name):
            if key in seen:
                errors.append(f'{rule.path}:1: {"id" if key == rule.id else "name"}: "{key}" is already used by {seen[key]}')
            else:
                seen[key] = rule.path
    pack_ids = [p.id for p in packs]
    for pid in sorted({p for p in pack_ids if pack_ids.count(p) > 1}):
        errors.append(f'{pid}: two loaded packs have the same id "{pid}"')
    return errors

