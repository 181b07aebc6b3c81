"""Accuracy of the default rules on the evaluation corpus: precision and recall per category.

Usage:
    python benchmarks/accuracy.py                  # every built format (docx, pdf) of tests/corpus
    python benchmarks/accuracy.py --format pdf     # one format
    python benchmarks/accuracy.py --source         # lint contract.txt instead of the built files
    python benchmarks/accuracy.py 07 12_it         # only the cases whose folder name starts so
    python benchmarks/accuracy.py --unjudged       # also list findings in categories not judged
    python benchmarks/accuracy.py --check-parse    # only check the parsed files: is every expected
                                                   # phrase in a block with the expected clause?

Counting rules are in contract_lint/evaluation.py: a false positive is only counted in a
category the lawyer judged for that contract (listed in `expected` or `silent`).
`--source` turns contract.txt into plain paragraphs (table rows become one paragraph per
cell); it lets rule authors iterate without the DOCX/PDF parsers, and is not the measurement.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from contract_lint.evaluation import (  # noqa: E402
    OVERALL,
    CaseResult,
    CorpusCase,
    Score,
    default_linter,
    evaluate_corpus,
    load_corpus,
    tally,
    built_file,
)
from contract_lint.findings import Finding  # noqa: E402

SOURCE_FORMAT = "source"


def source_paragraphs(path: Path) -> list[str]:
    """Return the paragraphs of a corpus contract.txt as a reader would see them."""
    paragraphs: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith(("@note:", "@pagebreak", "@header:", "@footer:", "@table-rows:")):
            continue
        if line.startswith("|"):
            paragraphs.extend(c.strip() for c in line.strip("|").split("|") if c.strip())
        elif line.startswith("@") and ":" in line:
            paragraphs.append(line.split(":", 1)[1].strip())
        else:
            paragraphs.append(line)
    return paragraphs


def evaluate_sources(cases: Sequence[CorpusCase]) -> list[CaseResult]:
    """Lint each case's contract.txt (as plain paragraphs) with the default rules."""
    from contract_lint.api import EngineOptions, lint_document, load_rules
    from contract_lint.parsers.plain import paragraphs_to_document

    options = EngineOptions()
    rules = load_rules(options)

    def lint(path: Path) -> tuple[list[Finding], str | None]:
        doc = paragraphs_to_document(source_paragraphs(path), path=str(path), fmt="text")
        result = lint_document(doc, rules, options)
        return list(result.findings), result.error

    sources = [
        CorpusCase(c.name, c.folder, c.title, c.kind, (SOURCE_FORMAT,), c.expected, c.silent) for c in cases
    ]
    return evaluate_corpus(sources, lambda case, _fmt: case.folder / "contract.txt", lint)


def check_parse(cases: Sequence[CorpusCase], formats: Sequence[str] | None) -> int:
    """Print expected phrases the parser does not put in the expected clause; return their count."""
    from contract_lint.api import parse

    problems = 0
    for case in cases:
        for fmt in case.formats:
            path = built_file(case, fmt)
            if (formats and fmt not in formats) or path is None:
                continue
            doc = parse(path)
            for e in case.expected:
                if e.match is None:
                    continue
                want = " ".join(e.match.split())
                where = [b.location.clause for b in doc.blocks if want in " ".join(b.text.split())]
                if e.clause not in where:
                    problems += 1
                    found = f"in п. {', '.join(str(w) for w in where)}" if where else "not in the text"
                    print(f"  {case.name}/contract.{fmt}  п. {e.clause}  «{want}»: {found}")
    print(f"{problems} expected phrase(s) not found in their clause.")
    return problems


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def print_table(title: str, results: Sequence[CaseResult]) -> None:
    """Print category, TP, FP, FN, precision, recall; the overall line last."""
    board = tally(results)
    rows = sorted((k, v) for k, v in board.by_category.items() if k != OVERALL)
    print(f"\n== {title} ==")
    print(f"{'category':<26}{'TP':>5}{'FP':>5}{'FN':>5}{'precision':>11}{'recall':>8}")
    for name, score in [*rows, (OVERALL, board.overall)]:
        _print_row(name, score)


def _print_row(name: str, s: Score) -> None:
    print(f"{name:<26}{s.tp:>5}{s.fp:>5}{s.fn:>5}{_pct(s.precision):>11}{_pct(s.recall):>8}")


def print_errors(results: Sequence[CaseResult], unjudged: bool) -> None:
    """List every false negative and false positive with file, clause and words."""
    for r in results:
        where = f"{r.case}/contract.{r.format}" if r.format != SOURCE_FORMAT else f"{r.case}/contract.txt"
        if r.error:
            print(f"  ERROR {where}: {r.error}")
            continue
        for e in r.false_negatives:
            print(f"  FN {where}  п. {e.clause or '—'}  {e.category}  «{e.match or '(документ)'}»")
        for f in r.false_positives:
            print(f"  FP {where}  п. {f.location.clause or '—'}  {f.category}  «{_words(f)}»  [{f.rule}]")
        for f in r.unjudged if unjudged else ():
            print(f"  ?? {where}  п. {f.location.clause or '—'}  {f.category}  «{_words(f)}»  [{f.rule}]")


def _words(f: Finding) -> str:
    return " ".join((f.match or "(документ)").split())[:100]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("cases", nargs="*", help="folder name prefixes (default: every case)")
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests" / "corpus")
    parser.add_argument("--format", action="append", dest="formats", help="docx, pdf (repeatable)")
    parser.add_argument("--source", action="store_true", help="lint contract.txt, not the built files")
    parser.add_argument("--unjudged", action="store_true", help="also list findings not counted")
    parser.add_argument("--check-parse", action="store_true", help="check where the parser puts expected phrases")
    args = parser.parse_args(argv)

    cases = [c for c in load_corpus(args.corpus) if not args.cases or c.name.startswith(tuple(args.cases))]
    if args.check_parse:
        return 1 if check_parse(cases, args.formats) else 0
    if args.source:
        results = evaluate_sources(cases)
    else:
        results = evaluate_corpus(cases, built_file, default_linter(), args.formats)
    formats = sorted({r.format for r in results})
    for fmt in formats:
        print_table(f"format: {fmt}", [r for r in results if r.format == fmt])
    if len(formats) > 1:
        print_table("all formats", results)
    print("\nFalse negatives (FN) and false positives (FP):")
    print_errors(results, args.unjudged)
    counted = sum(len(r.unjudged) for r in results)
    print(f"\n{counted} finding(s) in categories not judged for their contract were not counted.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
