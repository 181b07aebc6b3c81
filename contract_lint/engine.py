"""Apply enabled rules to a document: matchers yield hits, the engine makes Findings.

Only the engine stamps rule id, name, category, severity and message onto a Finding.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Mapping, Sequence

import regex

from contract_lint.errors import ConfigError, RulePackError
from contract_lint import language as languages
from contract_lint.findings import Finding, Severity
from contract_lint.matchers.base import Hit
from contract_lint.matchers.conditions import Condition, keep, make_condition
from contract_lint.matchers.context import DocContext
from contract_lint.matchers.missing import MissingMatcher
from contract_lint.matchers.registry import Matcher, compile_check
from contract_lint.model import Block, Document, Location, fold
from contract_lint.packs import Rule, Scope

EXCERPT_MAX = 300
FAIL_ON = ("error", "warning", "info", "never")


@dataclass(frozen=True)
class EngineOptions:
    """What to run and how: rule selection, severities, side, failure threshold, packs."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity_overrides: Mapping[str, Severity] = field(default_factory=dict)
    side: str | None = None  # customer | contractor
    fail_on: str = "error"  # error | warning | info | never
    packs: tuple[str, ...] = ()  # extra pack folders (--pack)
    builtin_packs: bool = True
    regex_timeout: float = 1.0  # seconds per pattern per document
    language: str = "ru"  # ru | en: which message a finding carries
    document_language: str = "auto"  # auto | ru | uk | en: the documents' language (--language)
    parse: Any = None  # contract_lint.parsers.ParseOptions, passed through to parse_path


def _matches_selector(rule: Rule, token: str) -> bool:
    t = token.strip()
    up = t.upper()
    return (
        up in (rule.id.upper(), rule.category)
        or t.lower() in (rule.name, rule.pack.lower())
        or rule.category.startswith(up + "-")
    )


def select_rules(rules: Sequence[Rule], select: Iterable[str] = (), ignore: Iterable[str] = ()) -> list[Rule]:
    """Keep rules named by `select` (all if empty) minus `ignore`; ConfigError for unknown names."""
    select, ignore = [s for s in select if s.strip()], [s for s in ignore if s.strip()]
    for token in select + ignore:
        if not any(_matches_selector(r, token) for r in rules):
            raise ConfigError(f'"{token}" names no loaded rule, category or pack (see `contract-lint rules`)')
    chosen = [r for r in rules if not select or any(_matches_selector(r, s) for s in select)]
    return [r for r in chosen if not any(_matches_selector(r, s) for s in ignore)]


def effective_severity(rule: Rule, options: EngineOptions) -> Severity:
    """Return the rule's severity after --side and the overrides (most specific key wins)."""
    severity = rule.severity
    if options.side and options.side in rule.severity_by_side:
        severity = rule.severity_by_side[options.side]
    overrides = options.severity_overrides
    prefix = rule.category.split("-")[0]
    for key in (rule.pack, prefix, rule.category, rule.name, rule.id):
        for variant in (key, key.upper(), key.lower()):
            if variant in overrides:
                severity = Severity(overrides[variant])
                break
    return severity


class _Vars(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def format_message(template: str, values: Mapping[str, Any]) -> str:
    """Fill {placeholders}; unknown ones stay as written and malformed templates never crash."""
    try:
        return template.format_map(_Vars(values))
    except (ValueError, IndexError, AttributeError, KeyError, TypeError):
        return template


_SECTIONS_SEEN_MAX = 10_000


@dataclass
class CompiledRule:
    """A rule with its matcher and conditions built."""

    rule: Rule
    matcher: Matcher
    unless: list[Condition]
    requires: list[Condition]
    severity: Severity
    sections: list[regex.Pattern] = field(default_factory=list)
    exclude_sections: list[regex.Pattern] = field(default_factory=list)
    #: section heading -> in the rule's sections; blocks of one section share the answer
    _section_seen: dict[str | None, bool] = field(default_factory=dict, repr=False, compare=False)

    def in_scope(self, block: Block) -> bool:
        """Return True when the rule looks at `block`."""
        scope: Scope = self.rule.scope
        kind = str(block.kind)
        if not block.lint or (scope.kinds and kind not in scope.kinds) or kind in scope.exclude_kinds:
            return False
        heading = block.location.section
        found = self._section_seen.get(heading)
        if found is None:
            if len(self._section_seen) > _SECTIONS_SEEN_MAX:
                self._section_seen.clear()
            found = self._section_seen[heading] = self._in_sections(heading)
        return found

    def _in_sections(self, heading: str | None) -> bool:
        """Return True when blocks under `heading` are in the rule's sections and not excluded."""
        section = fold(heading or "")
        if self.sections and not any(p.search(section) for p in self.sections):
            return False
        return not (heading and any(p.search(section) for p in self.exclude_sections))


def compile_rule(rule: Rule, options: EngineOptions) -> CompiledRule:
    """Build the matcher and conditions of `rule`; RulePackError naming the rule if impossible."""
    try:
        return CompiledRule(
            rule=rule,
            matcher=compile_check(rule.kind, rule.options),
            unless=[make_condition(c) for c in rule.unless],
            requires=[make_condition(c) for c in rule.requires],
            severity=effective_severity(rule, options),
            sections=[regex.compile(fold(s)) for s in rule.scope.sections],
            exclude_sections=[regex.compile(fold(s)) for s in rule.scope.exclude_sections],
        )
    except (RulePackError, regex.error) as exc:
        raise RulePackError(f"{rule.path}:1: rule {rule.id}: {exc}") from exc


class Engine:
    """Compiled rules, ready to lint any number of documents, in any language.

    Every rule is compiled once; a document is linted by the rules whose pack
    language is the document's (detected, or forced by `document_language`) or `any`.
    """

    def __init__(self, rules: Iterable[Rule], options: EngineOptions | None = None) -> None:
        self.options = options or EngineOptions()
        check_document_language(self.options.document_language)
        self.rules = [compile_rule(r, self.options) for r in rules]
        self._by_language: dict[str, list[CompiledRule]] = {}

    def language_of(self, doc: Document) -> str:
        """Return the language `doc` is linted as: the forced one, else the detected one."""
        return languages.resolve(self.options.document_language, [doc.text])

    def rules_for(self, language: str) -> list[CompiledRule]:
        """Return the compiled rules that run on documents of `language` (cached)."""
        found = self._by_language.get(language)
        if found is None:
            found = [c for c in self.rules if languages.runs_on(c.rule.language, language)]
            self._by_language[language] = found
        return found

    @property
    def needs_lemmas(self) -> bool:
        return any(c.matcher.needs_lemmas for c in self.rules) or any(
            cond.matcher.needs_lemmas for c in self.rules for cond in c.unless + c.requires
        )

    def lint(self, doc: Document, language: str | None = None) -> tuple[list[Finding], list[str]]:
        """Return the findings for `doc`, sorted, and the rule errors (timeouts) met on the way."""
        language = language or self.language_of(doc)
        ctx = DocContext(doc, regex_timeout=self.options.regex_timeout, language=language)
        findings: list[Finding] = []
        errors: list[str] = []
        for compiled in self.rules_for(language):
            try:
                findings.extend(self._apply(compiled, ctx))
            except TimeoutError:
                errors.append(
                    f"rule {compiled.rule.id} ({compiled.rule.name}): a regex ran longer than "
                    f"{self.options.regex_timeout:g} s on this document — simplify the pattern in {compiled.rule.path}"
                )
            except Exception as exc:  # noqa: BLE001 - one broken check must not stop the others
                errors.append(f"rule {compiled.rule.id} ({compiled.rule.name}) failed: {exc!r}")
        findings.sort(key=lambda f: f.sort_key)
        return findings, errors

    def _apply(self, compiled: CompiledRule, ctx: DocContext) -> list[Finding]:
        allowed = ctx.cached(("scope", compiled.rule.scope), lambda: [compiled.in_scope(b) for b in ctx.doc.blocks])

        def in_scope(offset: int) -> bool:
            block = ctx.doc.block_at(offset)
            return block is not None and allowed[block.index] and offset < block.end

        if isinstance(compiled.matcher, MissingMatcher):
            # the conditions of a document-level hit are cheaper than looking for what is missing
            if not keep(Hit(None, None), ctx, compiled.unless, compiled.requires):
                return []
            hits = compiled.matcher.find(ctx, in_scope)
        else:
            hits = [h for h in compiled.matcher.find(ctx) if h.start is None or in_scope(h.start)]
        kept = [hit for hit in hits if keep(hit, ctx, compiled.unless, compiled.requires)]
        return [self._finding(compiled, hit, ctx) for hit in _without_overlaps(kept)]

    def _finding(self, compiled: CompiledRule, hit: Hit, ctx: DocContext) -> Finding:
        rule, doc = compiled.rule, ctx.doc
        if hit.start is None:
            return self._document_finding(compiled, hit, ctx)
        end = hit.end if hit.end is not None else hit.start
        block = doc.block_at(hit.start)
        location = doc.locate(hit.start)
        match = doc.text[hit.start:end]
        return Finding(
            rule=rule.id, name=rule.name, category=rule.category, severity=compiled.severity,
            message=self._message(rule, match, location, hit.values), suggestion=rule.suggestion,
            match=match, excerpt=excerpt(ctx, hit.start, end), location=location,
            start=hit.start, end=end, block=block.index if block else None,
        )

    def _document_finding(self, compiled: CompiledRule, hit: Hit, ctx: DocContext) -> Finding:
        rule = compiled.rule
        anchor = compiled.matcher.anchor(ctx) if isinstance(compiled.matcher, MissingMatcher) else None
        location = anchor.location if anchor else Location()
        return Finding(
            rule=rule.id, name=rule.name, category=rule.category, severity=compiled.severity,
            message=self._message(rule, "", location, hit.values), suggestion=rule.suggestion,
            match="", excerpt=anchor.text[:EXCERPT_MAX] if anchor else "", location=location,
            block=anchor.index if anchor else None, document_level=True,
        )

    def _message(self, rule: Rule, match: str, location: Location, values: Mapping[str, str]) -> str:
        template = rule.message_en if self.options.language == "en" and rule.message_en else rule.message
        filled = {"match": match, "clause": location.clause or "", "section": location.section or ""}
        return format_message(template, {**filled, **values})


def check_document_language(value: str) -> None:
    """ConfigError unless `value` is auto or a language with a registered analyser."""
    from contract_lint import nlp

    choices = tuple(dict.fromkeys(languages.CHOICES + tuple(nlp.ANALYSERS)))
    if value not in choices:
        raise ConfigError(f'--language: "{value}" is not one of {", ".join(choices)}')


def _without_overlaps(hits: list[Hit]) -> list[Hit]:
    """Keep one hit per stretch of text: patterns of one rule may match the same words."""
    spans = sorted((h for h in hits if h.start is not None), key=lambda h: (h.start, -(h.end or h.start)))
    result: list[Hit] = [h for h in hits if h.start is None]
    last_end = -1
    for hit in spans:
        end = hit.end if hit.end is not None else hit.start
        if hit.start < last_end:
            continue
        result.append(hit)
        last_end = max(end, hit.start + 1)
    return result


def excerpt(ctx: DocContext, start: int, end: int) -> str:
    """Return the block text, or the sentence around the match, elided to ~300 chars."""
    block = ctx.doc.block_at(start)
    if block is None:
        return ""
    if len(block.text) <= EXCERPT_MAX:
        return block.text
    a, b = ctx.region("sentence", start)
    if b - a <= EXCERPT_MAX:
        return ctx.doc.text[a:b]
    return _window(ctx.doc.text, a, b, start, end)


def _window(text: str, a: int, b: int, start: int, end: int) -> str:
    """Cut [a, b) to ~EXCERPT_MAX chars around [start, end), at word boundaries, with «…»."""
    room = max(EXCERPT_MAX - (end - start), 40) // 2
    lo, hi = max(a, start - room), min(b, end + room)
    if lo > a:
        space = text.find(" ", lo, start)
        lo = space + 1 if space >= 0 else lo
    if hi < b:
        space = text.rfind(" ", end, hi)
        hi = space if space >= 0 else hi
    return ("…" if lo > a else "") + text[lo:hi].strip() + ("…" if hi < b else "")


def exit_code(results: Iterable[Any], fail_on: str = "error") -> int:
    """Return 2 if any file failed, 1 if any finding is at or above `fail_on`, else 0."""
    results = list(results)
    if any(r.error for r in results):
        return 2
    if fail_on == "never":
        return 0
    threshold = Severity(fail_on).rank
    return 1 if any(f.severity.rank >= threshold for r in results for f in r.findings) else 0
