"""The library API: lint documents and paths, return data, never print."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable, Iterator, Sequence

from contract_lint.engine import Engine, EngineOptions, exit_code, select_rules
from contract_lint.errors import ContractLintError, DocumentError
from contract_lint.findings import FileResult
from contract_lint.model import Document
from contract_lint.packs import Rule, all_rules, load_packs
from contract_lint.suppress import apply_waivers

SUFFIXES = (".docx", ".pdf", ".odt", ".txt", ".md", ".doc", ".rtf")

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
    """Yield the input files: files as given, directories searched recursively (sorted)."""
    try:
        from contract_lint.discover import discover as walk
    except ImportError:  # the discovery module is optional: fall back to a plain walk
        walk = None
    if walk is not None:
        yield from (Path(p) for p in walk([str(p) for p in paths]))
        return
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
        else:
            yield path


def lint_paths(
    paths: Iterable[str | Path], options: EngineOptions | None = None, *, rules: Sequence[Rule] | None = None
) -> Iterator[FileResult]:
    """Lint every document under `paths`; an unreadable document becomes a per-file error."""
    options = options or EngineOptions()
    engine = Engine(load_rules(options) if rules is None else rules, options)
    for path in discover(paths):
        try:
            doc = parse(path, options.parse)
        except DocumentError as exc:
            yield FileResult(str(path), _format_of(path), error=exc.one_line())
            continue
        except ContractLintError as exc:
            yield FileResult(str(path), _format_of(path), error=f"{path}: {exc}".replace("\n", " "))
            continue
        except Exception as exc:  # noqa: BLE001 - a parser bug must not stop the run
            yield FileResult(str(path), _format_of(path), error=f"{path}: cannot read: {exc!r}")
            continue
        yield lint_document(doc, engine)


def parse(path: Path, parse_options: object = None) -> Document:
    """Parse `path` (or stdin for `-`) with the format parsers."""
    from contract_lint.parsers import ParseOptions, parse_path

    return parse_path(path, parse_options if parse_options is not None else ParseOptions())


def _format_of(path: Path) -> str | None:
    return path.suffix.lower().lstrip(".") or None
