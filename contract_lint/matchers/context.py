"""Per-document analysis shared by every matcher: folded text, tokens, sentences, regions.

Everything is computed lazily and once per document; matchers cache their spans here
so a pattern used by several rules and conditions runs once.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from functools import cached_property
from typing import Callable, Hashable, TypeVar

from contract_lint import nlp
from contract_lint.model import Block, Document, fold
from contract_lint.sentences import split_blocks

T = TypeVar("T")
WITHIN = ("sentence", "block", "clause", "section", "document")


class Index:
    """Token positions by folded lemma, by folded surface form, and of numbers."""

    def __init__(self, tokens: list[nlp.Token]) -> None:
        self.lemma: dict[str, list[int]] = defaultdict(list)
        self.surface: dict[str, list[int]] = defaultdict(list)
        self.numbers: list[int] = []
        for i, tok in enumerate(tokens):
            self.surface[tok.norm].append(i)
            if tok.is_number:
                self.numbers.append(i)
            elif tok.is_word:
                for lemma in tok.lemmas:
                    self.lemma[lemma].append(i)

    def by_lemmas(self, lemmas: frozenset[str]) -> set[int]:
        found: set[int] = set()
        for lemma in lemmas:
            found.update(self.lemma.get(lemma, ()))
        return found

    def by_prefix(self, prefix: str) -> set[int]:
        found: set[int] = set()
        for table in (self.lemma, self.surface):
            for key, positions in table.items():
                if key.startswith(prefix):
                    found.update(positions)
        return found


class DocContext:
    """A document plus everything derived from it that matchers need."""

    def __init__(self, doc: Document, *, regex_timeout: float = 1.0, language: str = nlp.DEFAULT_LANGUAGE) -> None:
        self.doc = doc
        self.regex_timeout = regex_timeout
        self.language = language  # the analyser of tokens and of phrase patterns
        self._cache: dict[Hashable, object] = {}

    def cached(self, key: Hashable, compute: Callable[[], T]) -> T:
        """Return the value for `key`, computing it once per document."""
        if key not in self._cache:
            self._cache[key] = compute()
        return self._cache[key]  # type: ignore[return-value]

    def has(self, key: Hashable) -> bool:
        """Return True when the value for `key` has been computed."""
        return key in self._cache

    @cached_property
    def folded(self) -> str:
        """Return the text folded (lower case, ё → е), same length as the text."""
        text = fold(self.doc.text)
        if len(text) != len(self.doc.text):  # rare letters whose lower case is longer
            text = "".join(fold(c)[:1] or c for c in self.doc.text)
        return text

    @cached_property
    def tokens(self) -> list[nlp.Token]:
        return nlp.tokenize(self.doc.text, self.language)

    @cached_property
    def index(self) -> Index:
        return Index(self.tokens)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return split_blocks(self.doc.blocks)

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [a for a, _ in self.sentences]

    def sentence_at(self, offset: int) -> int:
        """Return the index of the sentence containing `offset`, or -1."""
        i = bisect.bisect_right(self._sentence_starts, offset) - 1
        if i >= 0 and offset < self.sentences[i][1]:
            return i
        return -1

    @cached_property
    def token_sentence(self) -> list[int]:
        return [self.sentence_at(t.start) for t in self.tokens]

    @cached_property
    def sentence_token_bounds(self) -> list[tuple[int, int]]:
        """Return, per sentence, the range of token positions inside it."""
        starts = [t.start for t in self.tokens]
        return [
            (bisect.bisect_left(starts, a), bisect.bisect_left(starts, b)) for a, b in self.sentences
        ]

    def _groups(self, within: str) -> list[tuple[int, int]]:
        """Return, per block, the span of its clause (or section) run; each computed only when asked."""
        return self.cached(("region-runs", within), lambda: _runs(self.doc.blocks, within))

    def region(self, within: str, offset: int | None) -> tuple[int, int]:
        """Return the span of the sentence/block/clause/section/document holding `offset`."""
        if offset is None or within == "document" or not self.doc.blocks:
            return (0, len(self.doc.text))
        if within == "sentence":
            i = self.sentence_at(offset)
            if i >= 0:
                return self.sentences[i]
            within = "block"
        block = self.doc.block_at(offset)
        assert block is not None
        if within == "block":
            return (block.start, block.end)
        return self._groups(within)[block.index]


def _runs(blocks: tuple[Block, ...], attr: str) -> list[tuple[int, int]]:
    """Group contiguous blocks with the same clause (or section); None stays per block for clauses."""
    values = [getattr(b.location, attr) for b in blocks]
    spans: list[tuple[int, int]] = [(0, 0)] * len(blocks)
    i = 0
    while i < len(blocks):
        value = values[i]
        j = i + 1
        if value is not None or attr == "section":
            while j < len(blocks) and values[j] == value:
                j += 1
        spans[i:j] = [(blocks[i].start, blocks[j - 1].end)] * (j - i)
        i = j
    return spans
