"""Accuracy of the rule pack on the evaluation corpus: match findings to a lawyer's expectations.

Every `tests/corpus/<NN_kind>/expected.yaml` lists the findings a careful lawyer expects
(`expected`) and the categories that must stay silent (`silent`). A finding matches an
expected item when the category is equal, the clause is equal (an expected item without a
clause — a document-level item — accepts any clause) and the matched words overlap (folded
case and ё: one contains the other, or they share a word of at least 4 letters). Matching is
one-to-one and maximal.

Counting: true positive = a matched expected item; false negative = an unmatched expected
item; false positive = an unmatched finding whose category the lawyer judged for that
contract (listed in `silent` or present in `expected`) — so a second finding on an item that
is already matched counts as a false positive (a duplicate is noise to the reader). Findings in
categories the lawyer did not judge for a contract are *not counted* (reported as `unjudged`):
the corpus says nothing about them, so they are neither right nor wrong. A file that cannot be
built or parsed counts all its expected items as false negatives.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import regex
import yaml

from contract_lint.findings import Finding
from contract_lint.model import fold

_WORD = regex.compile(r"\p{L}+")
_MIN_SHARED_WORD = 4
OVERALL = "OVERALL"


@dataclass(frozen=True, slots=True)
class Expected:
    """One finding a lawyer expects: category, clause (None: document-level) and words."""

    category: str
    clause: str | None = None
    match: str | None = None


@dataclass(frozen=True, slots=True)
class CorpusCase:
    """One corpus contract: its source folder and what a lawyer expects of it."""

    name: str
    folder: Path
    title: str
    kind: str
    formats: tuple[str, ...]
    expected: tuple[Expected, ...]
    silent: frozenset[str]

    @property
    def judged(self) -> frozenset[str]:
        """Return the categories the lawyer judged: silent ones and expected ones."""
        return self.silent | {e.category for e in self.expected}


@dataclass(frozen=True, slots=True)
class CaseResult:
    """Matched, missed and wrong findings of one case in one format."""

    case: str
    format: str
    matched: tuple[tuple[Expected, Finding], ...]
    false_negatives: tuple[Expected, ...]
    false_positives: tuple[Finding, ...]
    unjudged: tuple[Finding, ...]
    error: str | None = None


@dataclass(slots=True)
class Score:
    """True positives, false positives and false negatives; precision and recall."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None


@dataclass(slots=True)
class Scoreboard:
    """Scores per category plus the overall line (key `OVERALL`)."""

    by_category: dict[str, Score] = field(default_factory=dict)

    def add(self, category: str, *, tp: int = 0, fp: int = 0, fn: int = 0) -> None:
        """Add counts to `category` and to the overall line."""
        for key in (category, OVERALL):
            score = self.by_category.setdefault(key, Score())
            score.tp += tp
            score.fp += fp
            score.fn += fn

    @property
    def overall(self) -> Score:
        return self.by_category.get(OVERALL, Score())


def normalize_clause(clause: str | None) -> str | None:
    """Return a clause number without spaces and trailing dots or brackets («5.2.» → «5.2»)."""
    if clause is None:
        return None
    text = "".join(str(clause).split()).rstrip(".)")
    return text or None


def words_overlap(expected: str | None, found: str | None) -> bool:
    """Tell whether two matched phrases overlap (an expected item without words accepts any)."""
    if not expected:
        return True
    if not found:
        return False
    a, b = " ".join(fold(expected).split()), " ".join(fold(found).split())
    if a in b or b in a:
        return True
    long_a = {w for w in _WORD.findall(a) if len(w) >= _MIN_SHARED_WORD}
    return any(w in long_a for w in _WORD.findall(b))


def finding_matches(expected: Expected, finding: Finding) -> bool:
    """Tell whether `finding` is the one `expected` describes."""
    if finding.category != expected.category:
        return False
    want = normalize_clause(expected.clause)
    if want is not None and want != normalize_clause(finding.location.clause):
        return False
    return words_overlap(expected.match, finding.match)


def match_findings(
    expected: Sequence[Expected], findings: Sequence[Finding]
) -> tuple[list[tuple[int, int]], list[int], list[int]]:
    """Pair expected items with findings one-to-one, as many pairs as possible.

    Returns (pairs of indices, unmatched expected indices, unmatched finding indices).
    """
    edges = [[j for j, f in enumerate(findings) if finding_matches(e, f)] for e in expected]
    owner: dict[int, int] = {}  # finding index -> expected index
    for i in range(len(expected)):
        _augment(i, edges, owner, set())
    pairs = sorted((i, j) for j, i in owner.items())
    paired_e = {i for i, _ in pairs}
    missed = [i for i in range(len(expected)) if i not in paired_e]
    extra = [j for j in range(len(findings)) if j not in owner]
    return pairs, missed, extra


def _augment(i: int, edges: list[list[int]], owner: dict[int, int], seen: set[int]) -> bool:
    """Find an augmenting path from expected item `i` (Kuhn's algorithm)."""
    for j in edges[i]:
        if j in seen:
            continue
        seen.add(j)
        if j not in owner or _augment(owner[j], edges, owner, seen):
            owner[j] = i
            return True
    return False


def evaluate_findings(case: CorpusCase, fmt: str, findings: Sequence[Finding]) -> CaseResult:
    """Score the findings of one built format of `case` against its expectations."""
    pairs, missed, extra = match_findings(case.expected, findings)
    judged = case.judged
    return CaseResult(
        case=case.name,
        format=fmt,
        matched=tuple((case.expected[i], findings[j]) for i, j in pairs),
        false_negatives=tuple(case.expected[i] for i in missed),
        false_positives=tuple(findings[j] for j in extra if findings[j].category in judged),
        unjudged=tuple(findings[j] for j in extra if findings[j].category not in judged),
    )


def tally(results: Iterable[CaseResult]) -> Scoreboard:
    """Sum case results into per-category and overall scores."""
    board = Scoreboard()
    for result in results:
        for expected, _ in result.matched:
            board.add(expected.category, tp=1)
        for expected in result.false_negatives:
            board.add(expected.category, fn=1)
        for finding in result.false_positives:
            board.add(finding.category, fp=1)
    return board


def _expected_item(raw: dict[str, object], where: str) -> Expected:
    if not isinstance(raw, dict) or not isinstance(raw.get("category"), str):
        raise ValueError(f"{where}: each expected item needs a string `category`")
    clause, match = raw.get("clause"), raw.get("match")
    if isinstance(clause, float):
        # YAML reads 3.10 as the number 3.1: the clause would silently change.
        raise ValueError(f"{where}: quote the clause number ({clause!r} was read as a number)")
    return Expected(
        category=raw["category"],
        clause=None if clause is None else str(clause),
        match=None if match is None else str(match),
    )


def load_case(folder: Path) -> CorpusCase:
    """Read `folder/expected.yaml` into a CorpusCase."""
    path = folder / "expected.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    items = data.get("expected") or []
    return CorpusCase(
        name=folder.name,
        folder=folder,
        title=str(data.get("title", folder.name)),
        kind=str(data.get("kind", "")),
        formats=tuple(data.get("formats") or ("docx", "pdf")),
        expected=tuple(_expected_item(raw, f"{path}: item {n}") for n, raw in enumerate(items, 1)),
        silent=frozenset(data.get("silent") or ()),
    )


def load_corpus(root: Path) -> list[CorpusCase]:
    """Read every `root/*/expected.yaml`, in folder order."""
    return [load_case(p.parent) for p in sorted(root.glob("*/expected.yaml"))]


#: Finds the built file of a case in a format: (case, format) -> path or None.
Locator = Callable[[CorpusCase, str], Path | None]
#: Lints one file with the default configuration: path -> (findings, error).
Linter = Callable[[Path], tuple[list[Finding], str | None]]


def evaluate_corpus(
    cases: Iterable[CorpusCase], locate: Locator, lint: Linter, formats: Sequence[str] | None = None
) -> list[CaseResult]:
    """Lint every built format of every case and score it; a missing build is an error."""
    results: list[CaseResult] = []
    for case in cases:
        for fmt in case.formats:
            if formats and fmt not in formats:
                continue
            path = locate(case, fmt)
            if path is None:
                results.append(_failed(case, fmt, f"no built {fmt} (run tests/corpus/build.py)"))
                continue
            findings, error = lint(path)
            result = evaluate_findings(case, fmt, findings)
            if error:
                result = _failed(case, fmt, error)
            results.append(result)
    return results


def _failed(case: CorpusCase, fmt: str, error: str) -> CaseResult:
    """Return a result where every expected item is missed (the file could not be linted)."""
    return CaseResult(case.name, fmt, (), tuple(case.expected), (), (), error=error)


def built_file(case: CorpusCase, fmt: str) -> Path | None:
    """Return `contract.<fmt>` built beside the case's source, or None if it is missing."""
    path = case.folder / f"contract.{fmt}"
    return path if path.is_file() else None


def default_linter() -> Linter:
    """Return a Linter using the library API with the default options (rules loaded once)."""
    from contract_lint.api import EngineOptions, lint_paths, load_rules

    options = EngineOptions()
    rules = load_rules(options)

    def lint(path: Path) -> tuple[list[Finding], str | None]:
        results = list(lint_paths([path], options, rules=rules))
        findings = [f for r in results for f in r.findings]
        errors = [r.error for r in results if r.error]
        return findings, "; ".join(errors) or None

    return lint


def evaluate_default(root: Path, formats: Sequence[str] | None = None) -> list[CaseResult]:
    """Evaluate every case under `root` with the built files and the default rules."""
    return evaluate_corpus(load_corpus(root), built_file, default_linter(), formats)
