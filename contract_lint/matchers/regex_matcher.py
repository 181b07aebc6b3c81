"""The `regex` check: `regex`-module patterns on the folded text, with a timeout."""

from __future__ import annotations

import regex

from contract_lint.errors import RulePackError
from contract_lint.matchers.base import Hit
from contract_lint.matchers.context import DocContext
from contract_lint.matchers.literals import required_literals
from contract_lint.nlp import nfc

# Case-insensitive matching in `regex` is about twice as slow as exact matching. On the
# folded (lower-case) text, a pattern without upper case letters, escapes by code point,
# properties, POSIX classes or back references matches exactly the same spans without
# IGNORECASE, provided every character of the text has no other case-equivalent lower-case
# character (plain Latin, а-я, or caseless); «ſ», «ᲀ», «µ» and the like fall back. The «P» of
# «(?P<m>…)» is syntax, not a letter to match, so it does not count.
_CASE_DEPENDENT = regex.compile(r"\\[xuUNpPgG0-9]|\[:")
_PLAIN = frozenset("abcdefghijklmnopqrstuvwxyzабвгдежзийклмнопрстуфхцчшщъыьэюя")
# Characters outside ASCII-without-A-Z and а-я: only these can fail _caseless (faster than set(text)).
_OTHER = regex.compile(r"[^\x00-\x40\x5b-\x7fа-я]+")


def _caseless(char: str) -> bool:
    return char in _PLAIN or (char.isascii() and not char.isalpha()) or char.upper() == char.lower() == char


def _without_group_names(source: str) -> tuple[str, int]:
    """Return `source` without «(?P<name>» outside sets (its «P» is no letter to match), and their count."""
    out: list[str] = []
    i, names, set_first = 0, 0, -1  # set_first: where a «]» would still be a member, or -1 outside sets
    while i < len(source):
        char = source[i]
        if char == "\\":
            out.append(source[i:i + 2])
            i += 2
            continue
        if set_first >= 0:
            if char == "]" and i != set_first:
                set_first = -1
        elif char == "[":
            set_first = i + 2 if source.startswith("^", i + 1) else i + 1
        elif source.startswith("(?P<", i) and (end := source.find(">", i)) > 0:
            out.append("(")
            names += 1
            i = end + 1
            continue
        out.append(char)
        i += 1
    return "".join(out), names


def _exact_twin(source: str) -> regex.Pattern[str] | None:
    """Return `source` compiled without IGNORECASE when that cannot change a match on folded text."""
    if _CASE_DEPENDENT.search(source):
        return None
    pattern = regex.compile(source)
    stripped, names = _without_group_names(source)
    if names != len(pattern.groupindex):  # repeated names, or a «(?P<» inside a set: look at it all
        stripped = source
    return pattern if all(_caseless(c) for c in set(stripped)) else None


def _plain_text(ctx: DocContext) -> bool:
    """Return True when every character of the folded text is plain (see _exact_twin)."""
    def compute() -> bool:
        return all(_caseless(c) for c in set("".join(_OTHER.findall(ctx.folded))))
    return ctx.cached(("regex-plain-text",), compute)


def _without_yo(text: str) -> str:
    return text.replace("ё", "е").replace("Ё", "Е")


def _any_in(needed: frozenset[str], text: str, present: dict[str, bool]) -> bool:
    """Return True when one of `needed` occurs in `text` (answers remembered in `present`)."""
    for literal in needed:
        found = present.get(literal)
        if found is None:
            found = present[literal] = literal in text
        if found:
            return True
    return False


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
        #: per pattern, the same pattern without IGNORECASE where that is safe (else the original)
        self.exact = self.compiled if self.case_sensitive else [
            _exact_twin(p.pattern) or p for p in self.compiled
        ]
        #: per compiled pattern, strings one of which every match contains (None: unknown)
        self.needed = {p: required_literals(p) for p in {*self.compiled, *self.exact}}
        self.key = ("regex", tuple(patterns), self.case_sensitive)

    def spans(self, ctx: DocContext) -> list[tuple[int, int]]:
        """Return all match spans, sorted (cached per document); TimeoutError on runaway patterns."""
        def compute() -> list[tuple[int, int]]:
            text = ctx.folded
            patterns = self.exact if _plain_text(ctx) else self.compiled
            if self.case_sensitive:
                text = ctx.cached(("regex-text-cs",), lambda: _without_yo(ctx.doc.text))
            #: literal -> occurs in `text`; many patterns share stems («согласованн», «услуг»)
            present: dict[str, bool] = ctx.cached(("regex-literals", self.case_sensitive), dict)
            found: set[tuple[int, int]] = set()
            for pattern in patterns:
                needed = self.needed[pattern]
                if needed is not None and not _any_in(needed, text, present):
                    continue  # the pattern cannot match without one of them
                for m in pattern.finditer(text, timeout=ctx.regex_timeout):
                    span = m.span("m") if "m" in pattern.groupindex and m.start("m") >= 0 else m.span()
                    if span[1] > span[0]:
                        found.add(span)
            return sorted(found)
        return ctx.cached(self.key, compute)

    def find(self, ctx: DocContext) -> list[Hit]:
        return [Hit(a, b) for a, b in self.spans(ctx)]
