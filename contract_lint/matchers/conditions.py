"""`unless` / `requires`: keep or drop a hit by what is said near it."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Any, Mapping, Protocol

from contract_lint.matchers.base import Hit
from contract_lint.matchers.context import DocContext
from contract_lint.matchers.phrase import PhraseMatcher
from contract_lint.matchers.regex_matcher import RegexMatcher


class SpanMatcher(Protocol):
    needs_lemmas: bool

    def spans(self, ctx: DocContext) -> list[tuple[int, int]]: ...


@dataclass(frozen=True)
class Condition:
    """Something that must (requires) or must not (unless) be said near a hit."""

    within: str
    matcher: SpanMatcher
    after: bool = False
    before: bool = False

    def holds(self, hit: Hit, ctx: DocContext) -> bool:
        """Return True when the condition's pattern matches in the hit's region."""
        a, b = ctx.region(self.within, hit.start)
        if hit.start is not None and hit.end is not None:
            if self.after:
                a = max(a, hit.end)
            if self.before:
                b = min(b, hit.start)
        if isinstance(self.matcher, RegexMatcher):
            return self.matcher.occurs(ctx, a, b)
        spans = self.matcher.spans(ctx)
        i = bisect.bisect_left(spans, (a, -1))
        while i < len(spans) and spans[i][0] < b:
            if spans[i][1] <= b:
                return True
            i += 1
        return False


def make_condition(data: Mapping[str, Any]) -> Condition:
    """Build a Condition from its validated YAML mapping."""
    matcher: SpanMatcher = PhraseMatcher(data["phrase"]) if "phrase" in data else RegexMatcher(data["regex"])
    return Condition(
        within=data.get("within", "sentence"),
        matcher=matcher,
        after=bool(data.get("after")),
        before=bool(data.get("before")),
    )


def keep(hit: Hit, ctx: DocContext, unless: list[Condition], requires: list[Condition]) -> bool:
    """Return True when no `unless` condition holds and every `requires` condition does."""
    return not any(c.holds(hit, ctx) for c in unless) and all(c.holds(hit, ctx) for c in requires)
