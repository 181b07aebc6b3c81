"""The `missing` check: a document-level finding when nothing in scope matches."""

from __future__ import annotations

from typing import Any, Callable, Mapping

import regex

from contract_lint.matchers.base import Hit
from contract_lint.matchers.conditions import SpanMatcher
from contract_lint.matchers.context import DocContext
from contract_lint.matchers.phrase import PhraseMatcher
from contract_lint.matchers.regex_matcher import RegexMatcher
from contract_lint.model import Block, BlockKind, fold


class MissingMatcher:
    """Fire once when none of `any:` matches inside the rule's scope."""

    def __init__(self, options: Mapping[str, Any]) -> None:
        self.alternatives: list[SpanMatcher] = [
            PhraseMatcher(a["phrase"]) if "phrase" in a else RegexMatcher(a["regex"])
            for a in options.get("any", [])
        ]
        self.needs_lemmas = any(m.needs_lemmas for m in self.alternatives)
        section = options.get("point_to_section")
        self.section = regex.compile(fold(section)) if section else None

    def find(self, ctx: DocContext, in_scope: Callable[[int], bool] = lambda _: True) -> list[Hit]:
        """Return one document-level hit, or none when something in scope matches."""
        for matcher in self.alternatives:
            if isinstance(matcher, RegexMatcher):
                if matcher.first(ctx, in_scope):
                    return []
            elif any(in_scope(a) for a, _ in matcher.spans(ctx)):
                return []
        return [Hit(None, None)]

    def anchor(self, ctx: DocContext) -> Block | None:
        """Return the heading of the section named by `point_to_section`, if present."""
        if self.section is None:
            return None
        for block in ctx.doc.blocks:
            section = block.location.section
            if section and self.section.search(fold(section)):
                return block if block.kind == BlockKind.HEADING else _heading_or(block, ctx)
        return None


def _heading_or(block: Block, ctx: DocContext) -> Block:
    """Prefer the heading block that opened `block`'s section."""
    for other in ctx.doc.blocks[: block.index + 1]:
        if other.kind == BlockKind.HEADING and other.location.section == block.location.section:
            return other
    return block
