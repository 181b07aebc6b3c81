"""Every example of every rule of every built-in pack, with only that rule enabled.

Plus the meta-tests: each rule has both flag and pass examples, ids and names are
unique, categories come from RISK-CATALOGUE.md.
"""

from __future__ import annotations

from collections import Counter

import pytest

from contract_lint.errors import RulePackError
from contract_lint.packs import Pack, Rule, builtin_pack_dirs, categories, load_packs
from contract_lint.rule_examples import count_findings


def _packs() -> tuple[list[Pack], list[str]]:
    """Load each built-in pack on its own, so one broken pack does not hide the others."""
    packs, errors = [], []
    for folder in builtin_pack_dirs():
        try:
            packs.extend(load_packs([folder], builtin=False))
        except RulePackError as exc:
            errors.append(str(exc))
    return packs, errors


PACKS, LOAD_ERRORS = _packs()
RULES: list[Rule] = [r for p in PACKS for r in p.rules]
CASES = [
    pytest.param(rule, expect, example, id=f"{rule.id}-{rule.name}-{expect}{i}")
    for rule in RULES
    for expect, examples in (("flag", rule.flag_examples), ("pass", rule.pass_examples))
    for i, example in enumerate(examples)
]


@pytest.mark.parametrize("rule, expect, example", CASES)
def test_rule_example(rule: Rule, expect: str, example: tuple[str, ...]) -> None:
    got, error = count_findings(rule, example)
    assert error is None, error
    if expect == "flag":
        assert got >= 1, f"{rule.path}: {rule.id} should flag: {' / '.join(example)}"
    else:
        assert got == 0, f"{rule.path}: {rule.id} should pass but gave {got} finding(s): {' / '.join(example)}"


def test_builtin_packs_load_without_errors() -> None:
    assert LOAD_ERRORS == []
    load_packs()  # all together: ids and names unique across packs


def test_every_rule_has_flag_and_pass_examples() -> None:
    lacking = [f"{r.path} ({r.id})" for r in RULES if not r.flag_examples or not r.pass_examples]
    assert lacking == []


def test_ids_and_names_are_unique() -> None:
    counts = Counter([r.id for r in RULES] + [r.name for r in RULES])
    assert [key for key, n in counts.items() if n > 1] == []


def test_categories_come_from_the_catalogue() -> None:
    known = categories()
    assert [f"{r.path}: {r.category}" for r in RULES if r.category not in known] == []
