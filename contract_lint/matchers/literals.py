"""Required literals of a pattern: strings one of which every match must contain.

A pattern whose every match contains «неустойк» or «штраф» cannot match a text holding
neither, so the matcher skips the scan (an `in` test is far cheaper than the regex).
The pattern is read with the standard library parser, which agrees with `regex` (V0) on
the syntax accepted here; anything it reads differently is refused, and then no literal
is claimed, which only costs speed.
"""

from __future__ import annotations

from functools import lru_cache

import re._constants as C  # noqa: N812 - the parser's own names
import re._parser as P  # noqa: N812

import regex

# `regex`-only syntax that the standard parser would read as literals: POSIX classes and
# nested sets («[[:alpha:]]»), fuzzy constraints and other non-numeric braces («{e<=1}»).
_FOREIGN = regex.compile(r"\[[\[:]|\{(?!\d+(?:,\d*)?\}|,\d+\})")
_HARMLESS_FLAGS = P.SRE_FLAG_UNICODE | P.SRE_FLAG_MULTILINE | P.SRE_FLAG_DOTALL
Needed = frozenset[str]


def _parsed(pattern: regex.Pattern[str]) -> list[tuple[object, object]] | None:
    """Return the standard parser's reading of `pattern`, or None where it may differ from `regex`."""
    return _parse(pattern.pattern, pattern.flags)


@lru_cache(maxsize=4096)  # literals and prefixes of one pattern: parsed once
def _parse(source: str, flags: int) -> list[tuple[object, object]] | None:
    if flags & (regex.IGNORECASE | regex.VERBOSE | regex.V1) or _FOREIGN.search(source):
        return None
    try:
        parsed = P.parse(source)
    except Exception:  # noqa: BLE001 - any syntax the standard parser rejects: claim nothing
        return None
    if parsed.state.flags & ~_HARMLESS_FLAGS:
        return None
    return list(parsed)


def required_literals(pattern: regex.Pattern[str]) -> Needed | None:
    """Return strings one of which every match of `pattern` contains, or None if unknown."""
    items = _parsed(pattern)
    return None if items is None else _needed(items)


# A prefix shorter than this occurs too often to be worth looking for instead of scanning.
MIN_PREFIX = 3
_MAX_PREFIXES = 64


def required_prefixes(pattern: regex.Pattern[str]) -> Needed | None:
    """Return strings one of which every match of `pattern` starts with, or None if unknown.

    «\\b(?:цен|стоимост)[а-я]*» gives {"цен", "стоимост"}: a match can only start where one
    of them occurs, so the matcher tries the pattern there instead of at every character.
    """
    items = _parsed(pattern)
    found = None if items is None else _prefixes(items)
    return found if found and min(map(len, found)) >= MIN_PREFIX else None


def _prefixes(items: list[tuple[object, object]]) -> Needed | None:
    """Return the literal prefixes of the sequence `items`, or None (a set, a wildcard, the end)."""
    for k, (op, av) in enumerate(items):
        if op is C.AT or op is C.ASSERT or op is C.ASSERT_NOT:
            continue  # zero-width: \b, ^, look-around
        rest = items[k + 1:]
        if op is C.LITERAL:
            run = [chr(av)]  # type: ignore[arg-type]
            for op2, av2 in rest:
                if op2 is not C.LITERAL:
                    break
                run.append(chr(av2))  # type: ignore[arg-type]
            return frozenset(["".join(run)])
        if op is C.SUBPATTERN:
            _, add_flags, del_flags, sub = av  # type: ignore[misc]
            return None if add_flags or del_flags else _prefixes(list(sub) + rest)
        if op is C.ATOMIC_GROUP:
            return _prefixes(list(av) + rest)  # type: ignore[call-overload]
        if op is C.BRANCH:
            return _union([_prefixes(list(alt) + rest) for alt in av[1]])  # type: ignore[index]
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
            low, _, body = av  # type: ignore[misc]
            once = _prefixes(list(body) + rest)
            return once if low >= 1 else _union([once, _prefixes(rest)])
        return None
    return None  # the pattern may match the empty string


def _union(parts: list[Needed | None]) -> Needed | None:
    if any(p is None for p in parts):
        return None
    found = frozenset().union(*parts)  # type: ignore[arg-type]
    return found if len(found) <= _MAX_PREFIXES else None


def _better(best: Needed | None, found: Needed | None) -> Needed | None:
    """Prefer the requirement whose shortest string is longest (fewer false positives)."""
    if not found or "" in found:
        return best
    if best is None or min(map(len, found)) > min(map(len, best)):
        return found
    return best


def _needed(items: list[tuple[object, object]]) -> Needed | None:
    """Return a requirement of the sequence `items` (any one of its elements will do)."""
    best: Needed | None = None
    run: list[str] = []
    for op, av in items:
        if op is C.LITERAL:
            run.append(chr(av))  # type: ignore[arg-type]
            continue
        if run:
            best = _better(best, frozenset(["".join(run)]))
            run = []
        best = _better(best, _element(op, av))
    if run:
        best = _better(best, frozenset(["".join(run)]))
    return best


def _element(op: object, av: object) -> Needed | None:
    """Return a requirement of one non-literal element, or None (assertions, sets, optional parts)."""
    if op is C.SUBPATTERN:
        _, add_flags, del_flags, sub = av  # type: ignore[misc]
        return None if add_flags or del_flags else _needed(list(sub))
    if op is C.ATOMIC_GROUP:
        return _needed(list(av))  # type: ignore[call-overload]
    if op is C.BRANCH:
        alternatives = [_needed(list(a)) for a in av[1]]  # type: ignore[index]
        if all(alternatives):
            return frozenset().union(*alternatives)  # type: ignore[arg-type]
        return None
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT) and av[0] >= 1:  # type: ignore[index]
        return _needed(list(av[2]))  # type: ignore[index]
    return None
