"""The `regex` check: `regex`-module patterns on the folded text, with a timeout."""

from __future__ import annotations

import regex

from contract_lint.errors import RulePackError
from contract_lint.matchers.base import Hit
from contract_lint.matchers.context import DocContext
from contract_lint.nlp import nfc


def parse_options(options: object) -> tuple[list[str], bool]:
    """Accept a pattern, a list, or {patterns, case_sensitive}."""
    if isinstance(options, str):
        return [options], False
    if isinstance(options, dict):
        pats = options.get("patterns", [])
        return ([pats] if isinstance(pats, str) else list(pats)), bool(options.get("case_sensitive"))
    return list(options), False  # type: ignore[call-overload]


class RegexMatcher:
    """Any of several patterns; a named group `m` narrows the reported span."""

    needs_lemmas = False

    def __init__(self, options: object) -> None:
        patterns, self.case_sensitive = parse_options(options)
        flags = regex.V0 if self.case_sensitive else regex.IGNORECASE
        self.compiled = []
        for p in patterns:
            source = nfc(p).replace("ё", "е").replace("Ё", "Е")
            try:
                self.compiled.append(regex.compile(source, flags))
            except regex.error as exc:
                raise RulePackError(f"bad regex {p!r}: {exc}") from exc
        self.key = ("regex", tuple(patterns), self.case_sensitive)

    def spans(self, ctx: DocContext) -> list[tuple[int, int]]:
        """Return all match spans, sorted (cached per document); TimeoutError on runaway patterns."""
        def compute() -> list[tuple[int, int]]:
            text = ctx.folded
            if self.case_sensitive:
                text = ctx.doc.text.replace("ё", "е").replace("Ё", "Е")
            found: set[tuple[int, int]] = set()
            for pattern in self.compiled:
                for m in pattern.finditer(text, timeout=ctx.regex_timeout):
                    span = m.span("m") if "m" in pattern.groupindex and m.start("m") >= 0 else m.span()
                    if span[1] > span[0]:
                        found.add(span)
            return sorted(found)
        return ctx.cached(self.key, compute)

    def find(self, ctx: DocContext) -> list[Hit]:
        return [Hit(a, b) for a, b in self.spans(ctx)]
