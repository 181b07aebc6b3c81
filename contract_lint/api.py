"""The library API: lint documents and paths, return data, never print."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator, Sequence

from contract_lint.engine import Engine, EngineOptions, exit_code, select_rules
from contract_lint.findings import FileResult
from contract_lint.model import Document
from contract_lint.packs import Rule, all_rules, load_packs
from contract_lint.suppress import apply_waivers

__all__ = ["EngineOptions", "discover", "exit_code", "lint_document", "lint_paths", "load_rules"]


def load_rules(options: EngineOptions) -> list[Rule]:
    """Load built-in and extra packs and apply --select/--ignore; RulePackError/ConfigError on problems."""
    packs = load_packs([Path(p) for p in options.packs], builtin=options.builtin_packs)
    return select_rules(all_rules(packs), options.select, options.ignore)


def lint_document(doc: Document, rules: Sequence[Rule] | Engine, options: EngineOptions | None = None) -> FileResult:
    """Apply `rules` (or a ready Engine) to one parsed document."""
    engine = rules if isinstance(rules, Engine) else Engine(rules, options)
    language = engine.language_of(doc)
    findings, errors = engine.lint(doc, language)
    findings = apply_waivers(doc, findings).kept  # inline waivers live in the document itself
    return FileResult(doc.path, doc.format, findings, "; ".join(errors) or None, language)


def discover(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Yield the input files: files as given, folders searched recursively (sorted)."""
    from contract_lint.discover import discover as walk

    yield from (Path(p) for p in walk([str(p) for p in paths]))


def lint_paths(
    paths: Iterable[str | Path], options: EngineOptions | None = None, *, rules: Sequence[Rule] | None = None
) -> Iterator[FileResult]:
    """Lint every document under `paths`; an unreadable document becomes a per-file error."""
    from contract_lint.runner import lint_file

    options = options or EngineOptions()
    engine = Engine(load_rules(options) if rules is None else rules, options)
    for path in discover(paths):
        yield lint_file(str(path), engine, options.parse, keep_document=False).result


def parse(path: Path, parse_options: object = None) -> Document:
    """Parse `path` (or stdin for `-`) with the format parsers."""
    from contract_lint.parsers import ParseOptions, parse_path

    return parse_path(path, parse_options if parse_options is not None else ParseOptions())
