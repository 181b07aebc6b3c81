"""Run a rule's own examples with only that rule enabled (test-rules, tests)."""

from __future__ import annotations

from dataclasses import dataclass

from contract_lint import language as languages
from contract_lint.engine import Engine, EngineOptions
from contract_lint.packs import Rule
from contract_lint.parsers.plain import paragraphs_to_document


@dataclass(frozen=True)
class ExampleFailure:
    """An example whose outcome differs from what the rule file promises."""

    rule: Rule
    label: str  # «flag[0]», «pass[2]»
    example: tuple[str, ...]
    expect_flag: bool
    got: int
    error: str | None = None


def count_findings(rule: Rule, example: tuple[str, ...]) -> tuple[int, str | None]:
    """Return how many findings `rule` alone gives on the example, and any rule error."""
    doc = paragraphs_to_document(example, path=f"<{rule.id} example>")
    # An example is in its pack's language however short it is: no detection.
    forced = rule.language if rule.language != languages.ANY else languages.AUTO
    findings, errors = Engine([rule], EngineOptions(document_language=forced)).lint(doc)
    return sum(1 for f in findings if f.rule == rule.id), "; ".join(errors) or None


def run_examples(rule: Rule) -> tuple[int, list[ExampleFailure]]:
    """Return the number of examples run and the failures."""
    failures: list[ExampleFailure] = []
    cases = [(True, i, e) for i, e in enumerate(rule.flag_examples)]
    cases += [(False, i, e) for i, e in enumerate(rule.pass_examples)]
    for expect_flag, i, example in cases:
        got, error = count_findings(rule, example)
        if error or (got > 0) != expect_flag:
            label = f"{'flag' if expect_flag else 'pass'}[{i}]"
            failures.append(ExampleFailure(rule, label, example, expect_flag, got, error))
    return len(cases), failures
