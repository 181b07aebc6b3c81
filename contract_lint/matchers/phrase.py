"""Phrase patterns: lemma sequences with alternatives, optional words, gaps and numbers.

Syntax (docs/rule-format.md): `word` any inflection (lemma sets intersect), `=word`
this form only, `word*` prefix, `(a|b c)` alternatives, `[a|b]` optional, `*` one
word, `{0,3}` a gap of 0-3 words, `N` a number token, `\\(` a literal bracket.
Punctuation in the text is skipped unless the pattern names it; a match never
crosses a sentence boundary.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator, Sequence, Union

import regex

from contract_lint import nlp
from contract_lint.errors import RulePackError
from contract_lint.matchers.base import Hit
from contract_lint.matchers.context import DocContext, Index
from contract_lint.model import fold


@dataclass(frozen=True, slots=True)
class Word:
    """One token: by lemma set, exact folded form, prefix, number or punctuation."""

    mode: str  # lemma | exact | prefix | number | punct | any
    norm: str = ""
    lemmas: frozenset[str] = frozenset()

    def accepts(self, tok: nlp.Token) -> bool:
        if self.mode == "lemma":
            return not self.lemmas.isdisjoint(tok.lemmas) and not tok.is_punct
        if self.mode == "any":
            return not tok.is_punct
        if self.mode == "number":
            return tok.is_number
        if self.mode == "prefix":
            return tok.norm.startswith(self.norm) or any(l.startswith(self.norm) for l in tok.lemmas)
        return tok.norm == self.norm  # exact and punct

    def positions(self, index: Index) -> set[int] | None:
        """Return the token positions this element can match at (None: anywhere)."""
        if self.mode == "lemma":
            return index.by_lemmas(self.lemmas)
        if self.mode in ("exact", "punct"):
            return set(index.surface.get(self.norm, ()))
        if self.mode == "number":
            return set(index.numbers)
        if self.mode == "prefix":
            return index.by_prefix(self.norm)
        return None


@dataclass(frozen=True, slots=True)
class Gap:
    """From `lo` to `hi` arbitrary words."""

    lo: int
    hi: int


@dataclass(frozen=True, slots=True)
class Alt:
    """Alternatives (each a sequence); `optional` also allows none of them."""

    options: tuple[tuple["Elem", ...], ...]
    optional: bool = False


Elem = Union[Word, Gap, Alt]
_LEX = regex.compile(r"\\(.)|([()\[\]|])|(\{\d+(?:,\d+)?\})|(\s+)|([^\s()\[\]|\\{]+|\{)")


def compile_pattern(
    source: str, gap: int = 0, *, syntax_only: bool = False, language: str = nlp.DEFAULT_LANGUAGE
) -> tuple[Elem, ...]:
    """Parse one phrase pattern; raise ValueError with a short reason when malformed.

    `syntax_only` checks the brackets without loading the tokenizer (pack validation);
    otherwise the words are analysed by `language`'s analyser.
    """
    items = [m for m in _LEX.finditer(nlp.nfc(source)) if not m.group(4)]
    literal = _syntax_literal if syntax_only else (lambda chunk: _literal(chunk, language))
    elems, pos = _parse_seq(items, 0, source, literal)
    if pos != len(items):
        raise ValueError(f"unexpected {items[pos].group(0)!r} in phrase {source!r}")
    if not elems:
        raise ValueError(f"empty phrase {source!r}")
    if gap:
        spaced: list[Elem] = []
        for el in elems:
            if spaced:
                spaced.append(Gap(0, gap))
            spaced.append(el)
        elems = spaced
    return tuple(elems)


def _parse_seq(items: list[regex.Match], pos: int, source: str, literal: Callable[[str], list["Elem"]]) -> tuple[list[Elem], int]:
    elems: list[Elem] = []
    while pos < len(items):
        m = items[pos]
        tok = m.group(2)
        if tok in (")", "]", "|"):
            break
        if tok in ("(", "["):
            close = ")" if tok == "(" else "]"
            options, pos = _parse_alts(items, pos + 1, source, close, literal)
            elems.append(Alt(options, optional=tok == "["))
            continue
        if m.group(3):
            lo, _, hi = m.group(3)[1:-1].partition(",")
            elems.append(Gap(int(lo), int(hi or lo)))
        elif m.group(1):
            elems.append(Word("punct", m.group(1)))
        else:
            elems.extend(literal(m.group(5)))
        pos += 1
    return elems, pos


def _parse_alts(
    items: list[regex.Match], pos: int, source: str, close: str, literal: Callable[[str], list["Elem"]]
) -> tuple[tuple, int]:
    options = []
    while True:
        seq, pos = _parse_seq(items, pos, source, literal)
        if not seq:
            raise ValueError(f"empty alternative in phrase {source!r}")
        options.append(tuple(seq))
        if pos >= len(items):
            raise ValueError(f"missing {close!r} in phrase {source!r}")
        tok = items[pos].group(2)
        pos += 1
        if tok == close:
            return tuple(options), pos
        if tok != "|":
            raise ValueError(f"unbalanced brackets in phrase {source!r}")


def _syntax_literal(chunk: str) -> list[Elem]:
    return [Word("exact", chunk)]


def _literal(chunk: str, language: str = nlp.DEFAULT_LANGUAGE) -> list[Elem]:
    """Turn a space-free chunk («=word», «word*», «*», «N», «0,1%») into elements."""
    if chunk == "*":
        return [Word("any")]
    if chunk == "N":
        return [Word("number")]
    if chunk.startswith("=") and len(chunk) > 1:
        return [Word("punct" if t.is_punct else "exact", t.norm) for t in nlp.tokenize(chunk[1:], language)]
    if chunk.endswith("*") and len(chunk) > 1:
        return [Word("prefix", fold(chunk[:-1]))]
    elems: list[Elem] = []
    for t in nlp.tokenize(chunk, language):
        if t.is_punct:
            if t.norm != "-":  # a hyphen inside «сдачи-приемки» is part of the word
                elems.append(Word("punct", t.norm))
        elif t.is_number:
            elems.append(Word("exact", t.norm))
        else:
            elems.append(Word("lemma", t.norm, t.lemmas))
    return elems


def _match(elems: Sequence[Elem], k: int, pos: int, limit: int, toks: list[nlp.Token]) -> Iterator[int]:
    """Yield every token position where `elems[k:]` matched from `pos` ends."""
    if k == len(elems):
        yield pos
        return
    el = elems[k]
    if isinstance(el, Alt):
        for option in el.options:
            for p in _match(option, 0, pos, limit, toks):
                yield from _match(elems, k + 1, p, limit, toks)
        if el.optional:
            yield from _match(elems, k + 1, pos, limit, toks)
        return
    if isinstance(el, Gap):
        p = pos
        for n in range(el.hi + 1):
            if n >= el.lo:
                yield from _match(elems, k + 1, p, limit, toks)
            p = _next_word(toks, p, limit)
            if p < 0:
                return
        return
    if el.mode != "punct":
        while pos < limit and toks[pos].is_punct:
            pos += 1
    if pos < limit and el.accepts(toks[pos]):
        yield from _match(elems, k + 1, pos + 1, limit, toks)


def _next_word(toks: list[nlp.Token], p: int, limit: int) -> int:
    while p < limit and toks[p].is_punct:
        p += 1
    return p + 1 if p < limit else -1


def _first_positions(elems: Sequence[Elem], index: Index) -> set[int] | None:
    """Return the positions where a match of `elems` can start (None: anywhere)."""
    if not elems:
        return None
    el = elems[0]
    if isinstance(el, Word):
        return el.positions(index)
    if isinstance(el, Gap):
        return None
    found: set[int] = set()
    for option in el.options:
        got = _first_positions(option, index)
        if got is None:
            return None
        found |= got
    if el.optional:
        rest = _first_positions(elems[1:], index)
        return None if rest is None else found | rest
    return found


def _anchor_sentences(elems: Sequence[Elem], ctx: DocContext) -> set[int] | None:
    """Return the sentences holding the rarest required word (None: no required word)."""
    best: set[int] | None = None
    for el in elems:
        if isinstance(el, Word) and el.mode != "any":
            got = el.positions(ctx.index)
            if got is not None and (best is None or len(got) < len(best)):
                best = got
    if best is None:
        return None
    sent = ctx.token_sentence
    return {sent[p] for p in best}


def find_pattern(elems: tuple[Elem, ...], ctx: DocContext) -> list[tuple[int, int]]:
    """Return the non-overlapping (start, end) spans where the pattern matches."""
    toks, sent, bounds = ctx.tokens, ctx.token_sentence, ctx.sentence_token_bounds
    anchors = _anchor_sentences(elems, ctx)
    starts = _first_positions(elems, ctx.index)
    if starts is None:
        chosen = anchors if anchors is not None else range(len(bounds))
        starts = {p for s in chosen for p in range(*bounds[s])}
    elif anchors is not None:
        starts = {p for p in starts if sent[p] in anchors}
    spans: list[tuple[int, int]] = []
    after = -1
    for p in sorted(starts):
        if p < after or sent[p] < 0 or toks[p].is_punct and not _starts_with_punct(elems):
            continue
        ends = list(_match(elems, 0, p, bounds[sent[p]][1], toks))
        if ends and max(ends) > p:
            after = max(ends)
            spans.append((toks[p].start, toks[after - 1].end))
    return spans


def _starts_with_punct(elems: Sequence[Elem]) -> bool:
    el = elems[0]
    return isinstance(el, Word) and el.mode == "punct"


class PhraseMatcher:
    """The `phrase` check: any of several patterns, as spans.

    The syntax is checked at once; the words are analysed on first use, per document
    language (`DocContext.language`), so building a matcher loads no analyser.
    """

    needs_lemmas = True

    def __init__(self, options: object) -> None:
        patterns, gap = parse_options(options)
        try:
            for p in patterns:
                compile_pattern(p, gap, syntax_only=True)
        except ValueError as exc:
            raise RulePackError(str(exc)) from exc
        self.sources, self.gap = tuple(patterns), gap
        self._compiled: dict[str, list[tuple[Elem, ...]]] = {}
        self.key = ("phrase", tuple(patterns), gap)

    def patterns_for(self, language: str) -> list[tuple[Elem, ...]]:
        """Return the patterns analysed by `language`'s analyser (compiled once per language)."""
        found = self._compiled.get(language)
        if found is None:
            try:
                found = [compile_pattern(p, self.gap, language=language) for p in self.sources]
            except ValueError as exc:
                raise RulePackError(str(exc)) from exc
            self._compiled[language] = found
        return found

    @property
    def patterns(self) -> list[tuple[Elem, ...]]:
        """Return the patterns analysed in the default language (Russian)."""
        return self.patterns_for(nlp.DEFAULT_LANGUAGE)

    def spans(self, ctx: DocContext) -> list[tuple[int, int]]:
        """Return all spans of every pattern, sorted, overlaps removed (cached per document)."""
        def compute() -> list[tuple[int, int]]:
            found = sorted(s for p in self.patterns_for(ctx.language) for s in find_pattern(p, ctx))
            return _drop_overlaps(found)
        return ctx.cached(self.key, compute)

    def find(self, ctx: DocContext) -> list[Hit]:
        return [Hit(a, b) for a, b in self.spans(ctx)]


def parse_options(options: object) -> tuple[list[str], int]:
    """Accept a string, a list of strings, or {patterns, gap}."""
    if isinstance(options, str):
        return [options], 0
    if isinstance(options, dict):
        pats = options.get("patterns", [])
        return ([pats] if isinstance(pats, str) else list(pats)), int(options.get("gap", 0))
    return list(options), 0  # type: ignore[call-overload]


def _drop_overlaps(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    kept: list[tuple[int, int]] = []
    for a, b in spans:
        if kept and a < kept[-1][1]:
            if a == kept[-1][0] and b > kept[-1][1]:
                kept[-1] = (a, b)
            continue
        kept.append((a, b))
    return kept
