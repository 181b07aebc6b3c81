"""Helpers for the engine tests: build rules from dicts and lint paragraphs."""

from __future__ import annotations

from typing import Any

from contract_lint.engine import Engine, EngineOptions
from contract_lint.findings import Finding
from contract_lint.packs import Rule, rule_from_data
from contract_lint.parsers.plain import paragraphs_to_document


def make_rule(check: dict[str, Any], **fields: Any) -> Rule:
    """Return a Rule with test defaults, `check` and any other rule-file fields."""
    data: dict[str, Any] = {
        "id": "T001", "name": "test-rule", "category": "TERM-VAGUE", "severity": "warning",
        "title": "Тест", "message": "«{match}»", "check": check,
    }
    data.update(fields)
    return rule_from_data(data, fields.pop("pack", "test"), "<test>", {})


def lint(paragraphs: list[str] | str, *rules: Rule, **options: Any) -> list[Finding]:
    """Lint paragraphs with `rules`; return the findings (errors fail the test)."""
    if isinstance(paragraphs, str):
        paragraphs = [paragraphs]
    doc = paragraphs_to_document(paragraphs)
    findings, errors = Engine(rules, EngineOptions(**options)).lint(doc)
    assert not errors, errors
    return findings


def matches(paragraphs: list[str] | str, *patterns: str, **check: Any) -> list[str]:
    """Return the matched words of a phrase check with `patterns`."""
    options: Any = {"patterns": list(patterns), **check} if check else list(patterns)
    return [f.match for f in lint(paragraphs, make_rule({"phrase": options}))]
