"""Required literals (regex prefilter) and exact twins of case-insensitive patterns."""

from __future__ import annotations

import regex

from pathlib import Path

from contract_lint.matchers.literals import required_literals, required_prefixes
from contract_lint.matchers.regex_matcher import _exact_twin, _without_group_names

CORPUS = Path(__file__).parent / "corpus"


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


def test_prefixes_are_where_every_match_begins() -> None:
    assert required_prefixes(regex.compile(r"\b(?:цен|стоимост)[а-я]*")) == frozenset({"цен", "стоимост"})
    # an optional opening part adds its own first words to those of what follows it
    assert required_prefixes(regex.compile(r"(?:\b(?:вправе|может)\s+[^.]{0,9}?)?\bизменени")) == frozenset(
        {"вправе", "может", "изменени"}
    )
    assert required_prefixes(regex.compile(r"(?<!\bне\s+)\bсогласован")) == frozenset({"согласован"})
    assert required_prefixes(regex.compile(r"(?:за|в)\s+день")) is None  # «в» is too short to look for
    assert required_prefixes(regex.compile(r"\b\d+\s*дн")) is None  # a set first
    assert required_prefixes(regex.compile(r"(?:абв)?")) is None  # may match the empty string
    assert required_prefixes(regex.compile(r"штраф", regex.IGNORECASE)) is None


def _spans(matches: object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


def test_trying_only_at_prefixes_finds_what_finditer_finds() -> None:
    """Every pattern of the Russian pack, on a corpus contract: the same matches, in order."""
    from contract_lint import api
    from contract_lint.engine import Engine, EngineOptions
    from contract_lint.matchers.context import DocContext
    from contract_lint.matchers.regex_matcher import RegexMatcher, _matches_at, _starts

    engine = Engine(api.load_rules(EngineOptions()), EngineOptions())
    doc = api.parse(CORPUS / "04_it-integraciya" / "contract.docx")
    ctx = DocContext(doc)
    text = ctx.folded
    matchers = [c.matcher for c in engine.rules_for("ru") if isinstance(c.matcher, RegexMatcher)]
    matchers += [cond.matcher for c in engine.rules_for("ru") for cond in c.unless + c.requires]
    tried = 0
    for matcher in matchers:
        for pattern in getattr(matcher, "exact", []):
            prefixes = matcher.prefixes[pattern]
            if prefixes is None:
                continue
            tried += 1
            expected = _spans(pattern.finditer(text))
            assert _spans(_matches_at(pattern, text, 0, len(text), _starts(ctx, text, prefixes, 0, len(text)), 1.0)) \
                == expected, pattern.pattern
            a, b = len(text) // 3, 2 * len(text) // 3  # a region: the same as finditer(text, a, b)
            assert _spans(_matches_at(pattern, text, a, b, _starts(ctx, text, prefixes, a, b), 1.0)) \
                == _spans(pattern.finditer(text, a, b)), pattern.pattern
    assert tried > 80


def test_a_condition_is_searched_inside_its_region_only() -> None:
    from contract_lint.matchers.context import DocContext
    from contract_lint.matchers.regex_matcher import RegexMatcher
    from contract_lint.model import BlockKind, DocumentBuilder, Location

    builder = DocumentBuilder("t.txt", "txt")
    builder.add("Штраф не взимается. Срок оплаты — по согласованию.", BlockKind.PARAGRAPH, Location())
    ctx = DocContext(builder.build())
    matcher = RegexMatcher(r"(?<!\bне\s)\bвзимается\b|по\s+согласованию\.")
    second = ctx.doc.text.index("Срок")
    assert not matcher.occurs(ctx, 0, second)  # «не взимается»: the look-behind sees «не»
    assert matcher.occurs(ctx, second, len(ctx.doc.text))
    assert not matcher.occurs(ctx, second, len(ctx.doc.text) - 1)  # the match runs past the region
    assert matcher.first(ctx, lambda offset: offset >= second)
    assert not matcher.first(ctx, lambda offset: offset < second)
