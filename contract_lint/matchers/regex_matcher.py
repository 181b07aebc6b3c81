"""The `regex` check: `regex`-module patterns on the folded text, with a timeout."""

from __future__ import annotations

import bisect
from typing import Callable, Iterable, Iterator

import regex

from contract_lint.errors import RulePackError
from contract_lint.matchers.base import Hit
from contract_lint.matchers.context import DocContext
from contract_lint.matchers.literals import required_literals, required_prefixes
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


def _starts(ctx: DocContext, text: str, prefixes: frozenset[str], start: int, end: int) -> list[int]:
    """Return, sorted, the offsets in [start, end) where one of `prefixes` occurs in `text`."""
    offsets: set[int] = set()
    for prefix in prefixes:
        every = ctx.cached(("regex-offsets", prefix, text is ctx.folded), lambda p=prefix: _occurrences(text, p))
        offsets.update(every[bisect.bisect_left(every, start):bisect.bisect_left(every, end)])
    return sorted(offsets)


def _occurrences(text: str, literal: str) -> list[int]:
    """Return every offset of `literal` in `text`, overlapping ones included."""
    found, i = [], text.find(literal)
    while i >= 0:
        found.append(i)
        i = text.find(literal, i + 1)
    return found


def _matches_at(
    pattern: regex.Pattern[str], text: str, start: int, end: int, offsets: list[int], timeout: float
) -> Iterator[regex.Match[str]]:
    """Yield what `pattern.finditer(text, start, end)` would, trying only at `offsets`.

    Every match begins at one of `offsets` (they are where its possible first words occur),
    so the scan at every other character is skipped; matches do not overlap, as in finditer.
    """
    resume = start
    for offset in offsets:
        if offset < resume:
            continue
        m = pattern.match(text, offset, end, timeout=timeout)
        if m is not None:
            yield m
            resume = max(m.end(), offset + 1)


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
        #: per compiled pattern, strings one of which every match starts with (None: unknown)
        self.prefixes = {p: required_prefixes(p) for p in {*self.compiled, *self.exact}}
        self.key = ("regex", tuple(patterns), self.case_sensitive)

    def _text(self, ctx: DocContext) -> tuple[str, list[regex.Pattern[str]]]:
        """Return the text to search (folded, or with case kept) and the patterns to use on it."""
        if self.case_sensitive:
            return ctx.cached(("regex-text-cs",), lambda: _without_yo(ctx.doc.text)), self.compiled
        return ctx.folded, self.exact if _plain_text(ctx) else self.compiled

    def _matches(self, ctx: DocContext, start: int, end: int) -> Iterator[tuple[int, int]]:
        """Yield non-empty match spans of each pattern in turn, searching text[start:end].

        Look-behind and \\b see the text before `start`; nothing sees past `end`.
        """
        text, patterns = self._text(ctx)
        whole = start == 0 and end >= len(text)
        #: literal -> occurs in the whole text; many patterns share stems («согласованн», «услуг»)
        present: dict[str, bool] = ctx.cached(("regex-literals", self.case_sensitive), dict)
        for pattern in patterns:
            needed = self.needed[pattern]
            if needed is not None and not (
                _any_in(needed, text, present) if whole else any(text.find(n, start, end) >= 0 for n in needed)
            ):
                continue  # the pattern cannot match without one of them
            prefixes = self.prefixes[pattern]
            if prefixes is None:
                found: Iterable[regex.Match[str]] = pattern.finditer(text, start, end, timeout=ctx.regex_timeout)
            else:
                found = _matches_at(pattern, text, start, end, _starts(ctx, text, prefixes, start, end), ctx.regex_timeout)
            for m in found:
                span = m.span("m") if "m" in pattern.groupindex and m.start("m") >= 0 else m.span()
                if span[1] > span[0]:
                    yield span

    def spans(self, ctx: DocContext) -> list[tuple[int, int]]:
        """Return all match spans, sorted (cached per document); TimeoutError on runaway patterns."""
        return ctx.cached(self.key, lambda: sorted(set(self._matches(ctx, 0, len(ctx.folded)))))

    def occurs(self, ctx: DocContext, start: int, end: int) -> bool:
        """Return True when a pattern matches inside text[start:end] (cached per region).

        Searching just the region (a sentence, a clause) is what makes `unless` and
        `requires` cheap: the whole document is never scanned for them.
        """
        return ctx.cached((self.key, start, end), lambda: next(self._matches(ctx, start, end), None) is not None)

    def first(self, ctx: DocContext, accept: Callable[[int], bool]) -> bool:
        """Return True when some match starts at an offset `accept`s; stops at the first."""
        if ctx.has(self.key):
            return any(accept(a) for a, _ in self.spans(ctx))
        return any(accept(a) for a, _ in self._matches(ctx, 0, len(ctx.folded)))

    def find(self, ctx: DocContext) -> list[Hit]:
        return [Hit(a, b) for a, b in self.spans(ctx)]
