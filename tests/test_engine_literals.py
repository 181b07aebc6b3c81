"""Required literals (regex prefilter) and exact twins of case-insensitive patterns."""

from __future__ import annotations

import regex

from contract_lint.matchers.literals import required_literals
from contract_lint.matchers.regex_matcher import _exact_twin, _without_group_names


def test_alternatives_of_stems_are_required() -> None:
    pattern = regex.compile(r"\b(?:неустойк|штраф)[а-я]*\s+\d")
    assert required_literals(pattern) == frozenset({"неустойк", "штраф"})


def test_optional_parts_are_not_required_but_the_rest_is() -> None:
    assert required_literals(regex.compile(r"(?P<m>foo|bar)?baz")) == frozenset({"baz"})
    assert required_literals(regex.compile(r"(?:a|)bc")) == frozenset({"bc"})
    assert required_literals(regex.compile(r"(?<!x)кроме\s+случа")) == frozenset({"кроме"})


def test_nothing_is_claimed_for_case_insensitive_or_foreign_syntax() -> None:
    assert required_literals(regex.compile(r"штраф", regex.IGNORECASE)) is None
    assert required_literals(regex.compile(r"(?i)штраф")) is None
    assert required_literals(regex.compile(r"x(?i:abc)")) == frozenset({"x"})
    assert required_literals(regex.compile(r"[[:alpha:]]x")) is None
    assert required_literals(regex.compile(r"(?:штраф){e<=1}")) is None
    assert required_literals(regex.compile(r"[а-я]+\s+\d")) is None


def test_group_names_do_not_block_the_exact_twin() -> None:
    assert _without_group_names(r"\bпо\s+(?P<m>договорн[а-я]+)") == (r"\bпо\s+(договорн[а-я]+)", 1)
    assert _exact_twin(r"\bпо\s+(?P<m>договорн[а-я]+)") is not None
    assert _exact_twin(r"[(?P<m>]x") is None  # the «P» is a member of the set
    assert _exact_twin(r"(?P<m>a)(?P=m)") is None  # a back reference
