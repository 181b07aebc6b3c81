"""The closed set of check kinds and how each is compiled into a matcher.

`phrase`, `regex` and `missing` live here; the structural kinds (penalty_rate,
period, ...) are dispatched to `contract_lint.structure.CHECKS`, looked up lazily.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping, Protocol

from contract_lint.errors import RulePackError
from contract_lint.matchers.base import Hit
from contract_lint.matchers.context import DocContext
from contract_lint.matchers.missing import MissingMatcher
from contract_lint.matchers.phrase import PhraseMatcher
from contract_lint.matchers.regex_matcher import RegexMatcher

SPAN_KINDS = ("phrase", "regex")
DOCUMENT_KINDS = ("missing",)
STRUCTURAL_KINDS = (
    "penalty_rate", "period", "xref", "annex", "amount_words", "placeholder",
    "defined_terms", "party_names",
)
ALL_KINDS = SPAN_KINDS + DOCUMENT_KINDS + STRUCTURAL_KINDS


class Matcher(Protocol):
    needs_lemmas: bool

    def find(self, ctx: DocContext) -> list[Hit]: ...


def structure_module() -> tuple[dict[str, Callable[..., list[Hit]]], dict[str, dict]] | None:
    """Return (CHECKS, SCHEMAS) from contract_lint.structure, or None if it is absent."""
    try:
        from contract_lint import structure
    except ImportError:
        return None
    return dict(getattr(structure, "CHECKS", {})), dict(getattr(structure, "SCHEMAS", {}))


class StructuralMatcher:
    """Run one structural check of contract_lint.structure on the document."""

    needs_lemmas = False

    def __init__(self, kind: str, options: Mapping[str, Any]) -> None:
        found = structure_module()
        if found is None or kind not in found[0]:
            raise RulePackError(f'check kind "{kind}" is not available in this installation (contract_lint.structure)')
        self.kind = kind
        self.function = found[0][kind]
        self.options = dict(options or {})

    def find(self, ctx: DocContext) -> list[Hit]:
        return list(self.function(ctx.doc, self.options))


def structural_schema(kind: str) -> dict | None:
    """Return the JSON schema of a structural kind's options, if the module provides one."""
    found = structure_module()
    return None if found is None else found[1].get(kind)


def compile_check(kind: str, options: Any) -> Matcher:
    """Return the matcher for `check: {kind: options}`; RulePackError if it cannot be built."""
    if kind == "phrase":
        return PhraseMatcher(options)
    if kind == "regex":
        return RegexMatcher(options)
    if kind == "missing":
        return MissingMatcher(options)
    if kind in STRUCTURAL_KINDS:
        return StructuralMatcher(kind, options)
    raise RulePackError(f'unknown check kind "{kind}"')
