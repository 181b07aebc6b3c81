"""The `check` pipeline as a library: config → rules → lint → waivers → ignores → baseline → reports.

`run_check` returns data (results, the documents when asked, the rules); `write_reports`
writes one or several formats, each to a file or stdout. Nothing here parses arguments
beyond `pair_outputs`, which pairs every `--format` with the `--output` that follows it.
"""

from __future__ import annotations

import os
import sys
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable, Sequence, TextIO

from contract_lint.baseline import apply_baseline, load_baseline
from contract_lint.config import (
    Config, apply_per_file_ignores, apply_rule_options, check_rule_keys, engine_options, matches_glob,
)
from contract_lint.errors import ConfigError
from contract_lint.findings import FileResult
from contract_lint.model import Document
from contract_lint.reporters import FORMATS, NEEDS_DOCUMENTS, render

_FORMAT_FLAGS = ("--format", "-f")
#: Formats that give line:col; they read block offsets from the (skeleton) documents.
NEEDS_POSITIONS = frozenset({"concise", "github", "sarif"})
_OUTPUT_FLAGS = ("--output", "-o")


@dataclass
class CheckRun:
    """What one `check` produced."""

    results: list[FileResult]
    rules: list[Any]
    documents: dict[str, Document] = field(default_factory=dict)


def load_engine_rules(config: Config, *, builtin_packs: bool = True, cache_dir: Path | None = None) -> list[Any]:
    """Load packs, check config keys against every loaded rule, select, apply per-rule options.

    With a `cache_dir`, rule files validated by an earlier run are not validated again.
    """
    from contract_lint.cache import ValidatedRules
    from contract_lint.engine import select_rules
    from contract_lint.packs import all_rules, load_packs

    memo = ValidatedRules(cache_dir) if cache_dir is not None else None
    every = all_rules(load_packs([Path(p) for p in config.packs], builtin=builtin_packs, memo=memo))
    check_rule_keys(config, every)
    return apply_rule_options(select_rules(every, config.select, config.ignore), config)


def _files(paths: Iterable[str | Path], config: Config) -> list[Path]:
    from contract_lint.discover import DiscoverOptions, discover

    found = discover([str(p) for p in paths], DiscoverOptions(exclude=config.exclude))
    return [Path(p) for p in found if not any(matches_glob(p, g, config) for g in config.exclude)]


def run_check(
    paths: Sequence[str | Path],
    config: Config,
    *,
    parse_options: Any = None,
    builtin_packs: bool = True,
    baseline: str | Path | None = None,
    keep_documents: bool = False,
) -> CheckRun:
    """Lint `paths` under `config` (no cache, one process); per-file ignores and the baseline applied.

    `documents` holds every parsed document when `keep_documents` (the HTML report shows
    the text), else a text-less skeleton of each (exact columns for concise/GitHub/SARIF).
    """
    from contract_lint.engine import Engine
    from contract_lint.runner import lint_file

    options = engine_options(config, builtin_packs=builtin_packs, parse=parse_options)
    rules = load_engine_rules(config, builtin_packs=builtin_packs)
    engine = Engine(rules, options)
    results, documents = [], {}
    for path in _files(paths, config):
        done = lint_file(str(path), engine, parse_options, keep_document=True)  # waivers applied there
        result, doc = done.result, done.document
        if doc is not None:
            documents[result.path] = doc if keep_documents else skeleton(doc)
        results.append(result)
    return CheckRun(finish(results, config, baseline=baseline), rules, documents)


def finish(results: Sequence[FileResult], config: Config, *, baseline: str | Path | None = None) -> list[FileResult]:
    """Apply what comes after linting: `per_file_ignores`, then the baseline (if any)."""
    results = apply_per_file_ignores(results, config)
    if baseline is not None:
        results = apply_baseline(results, load_baseline(baseline), config.lang)
    return results


def explicit_paths(paths: Sequence[str | Path], config: Config) -> list[str]:
    """Drop files named on the command line that the config excludes (folders: discovery does it)."""
    return [str(p) for p in paths if Path(p).is_dir() or not any(matches_glob(str(p), g, config) for g in config.exclude)]


def collect_documents(
    outcomes: Sequence[Any], pairs: Sequence[tuple[str, str | None]], parse_options: Any = None,
) -> dict[str, Document]:
    """Return the documents the formats need: kept ones, re-read for cache hits; skeletons unless HTML."""
    from contract_lint.api import parse

    if not needs_documents(pairs):
        return {}
    full = any(fmt in NEEDS_DOCUMENTS for fmt, _ in pairs)
    documents: dict[str, Document] = {}
    for outcome in outcomes:
        result, doc = outcome.result, outcome.document
        if doc is None and not result.error:
            try:
                doc = parse(Path(result.path), parse_options)
            except Exception:  # noqa: BLE001 - positions then fall back to the excerpt
                continue
        if doc is not None:
            documents[result.path] = doc if full else skeleton(doc)
    return documents


def skeleton(doc: Document) -> Document:
    """Return `doc` without its text: block offsets and lines only, enough for exact line:col."""
    blocks = tuple(replace(b, text="") for b in doc.blocks)
    return replace(doc, text="", blocks=blocks, comments=(), meta={})


def pair_outputs(args: Sequence[str], default: str = "text") -> list[tuple[str, str | None]]:
    """Pair each `--format F` with the `--output P` after it; a lone `--output` takes the default format."""
    pairs: list[list[Any]] = []
    it = iter(range(len(args)))
    for i in it:
        flag, _, inline = args[i].partition("=")
        if flag[:2] in ("-f", "-o") and len(flag) > 2 and not flag.startswith("--"):
            flag, inline = flag[:2], args[i][2:]  # -fjson, -oreport.json
        if flag == "--":
            break
        is_format, is_output = flag in _FORMAT_FLAGS, flag in _OUTPUT_FLAGS
        if not (is_format or is_output):
            continue
        value = inline if inline else (args[i + 1] if i + 1 < len(args) else "")
        if not inline:
            next(it, None)
        if is_format:
            pairs.append([value, None])
        elif pairs and pairs[-1][1] is None:
            pairs[-1][1] = value
        else:
            pairs.append([default, value])
    return [(f, o) for f, o in pairs] or [(default, None)]


def check_pairs(pairs: Sequence[tuple[str, str | None]]) -> None:
    """ConfigError for an unknown format or two outputs to stdout."""
    for fmt, _ in pairs:
        if fmt not in FORMATS:
            raise ConfigError(f'--format: "{fmt}" is not one of {", ".join(FORMATS)}')
    if sum(1 for _, out in pairs if out in (None, "-")) > 1:
        raise ConfigError("--format: only one format can go to standard output; give the others --output FILE")


def needs_documents(pairs: Sequence[tuple[str, str | None]]) -> bool:
    """Return True when a format shows the text (HTML) or gives exact line:col (concise, GitHub, SARIF)."""
    return any(fmt in NEEDS_DOCUMENTS or fmt in NEEDS_POSITIONS for fmt, _ in pairs)


def write_reports(
    pairs: Sequence[tuple[str, str | None]],
    run: CheckRun,
    *,
    lang: str = "ru",
    quiet: bool = False,
    stdout: TextIO | None = None,
    color: bool | None = None,
) -> None:
    """Write every (format, output) pair; colour only on a terminal stdout."""
    out = stdout or sys.stdout
    with ExitStack() as stack:
        for fmt, target in pairs:
            if target in (None, "-"):
                stream = out
                tty = (out.isatty() and not os.environ.get("NO_COLOR")) if color is None else color
            else:
                stream = stack.enter_context(open(target, "w", encoding="utf-8", newline="\n"))
                tty = False
            render(fmt, run.results, run.rules, stream, color=tty, lang=lang, documents=run.documents, quiet=quiet)
