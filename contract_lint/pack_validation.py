"""Rule-file validation with locations: YAML with line marks, JSON schema, semantics."""

from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Iterator, Mapping

import jsonschema
import regex
import yaml
from jsonschema.exceptions import ValidationError, best_match

from contract_lint.errors import RulePackError
from contract_lint.matchers import phrase, regex_matcher
from contract_lint.matchers.registry import ALL_KINDS, STRUCTURAL_KINDS, structural_schema, structure_module

Path_ = tuple[Any, ...]


@dataclass(frozen=True)
class Located:
    """Parsed YAML data plus the 1-based line of every value and every mapping key."""

    data: Any
    lines: dict[Path_, int]
    key_lines: dict[Path_, int]
    text: str = ""  # the YAML source

    def line(self, path: Path_, *, key: bool = False) -> int:
        """Return the line of `path` (of its key if `key`), or of its nearest parent."""
        if key and path in self.key_lines:
            return self.key_lines[path]
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path, 1)


#: libyaml's parser when PyYAML has it (about ten times faster at start-up), then the Python
#: one: a file libyaml rejects is read again by the Python parser so errors read as before.
_LOADERS = tuple(dict.fromkeys([getattr(yaml, "CSafeLoader", yaml.SafeLoader), yaml.SafeLoader]))


def _compose(loader_class: Any, text: str) -> tuple[yaml.Node | None, Any]:
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def _parse_yaml(text: str) -> tuple[yaml.Node | None, Any]:
    for loader_class in _LOADERS[:-1]:
        try:
            return _compose(loader_class, text)
        except yaml.YAMLError:
            pass  # worded by the Python parser below
    return _compose(_LOADERS[-1], text)


def load_located(text: str, shown: str) -> Located:
    """Parse YAML safely, recording node lines; RulePackError on syntax errors."""
    try:
        node, data = _parse_yaml(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise RulePackError(f"{shown}:{line}: YAML syntax error: {exc.problem or exc.context}") from exc
    except yaml.YAMLError as exc:
        raise RulePackError(f"{shown}:1: YAML error: {exc}") from exc
    if node is None:
        raise RulePackError(f"{shown}:1: the file is empty")
    lines: dict[Path_, int] = {}
    key_lines: dict[Path_, int] = {}
    _walk(node, (), lines, key_lines, shown)
    return Located(data, lines, key_lines, text)


def _walk(node: yaml.Node, path: Path_, lines: dict, key_lines: dict, shown: str) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value in node.value:
            sub = path + (key_node.value,)
            if sub in key_lines:
                raise RulePackError(f'{shown}:{key_node.start_mark.line + 1}: duplicate key "{key_node.value}"')
            key_lines[sub] = key_node.start_mark.line + 1
            _walk(value, sub, lines, key_lines, shown)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            _walk(item, path + (i,), lines, key_lines, shown)


@lru_cache(maxsize=2)
def _validator(name: str) -> jsonschema.Draft202012Validator:
    text = (resources.files("contract_lint") / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8")
    return jsonschema.Draft202012Validator(json.loads(text))


def did_you_mean(word: str, choices: Any) -> str:
    """Return ` (did you mean "x")` for the closest choice, or an empty string."""
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}")' if close else ""


def schema_errors(located: Located, shown: str, schema: str) -> list[str]:
    """Return `file:line: key: message` for every schema violation, ordered by line."""
    found: list[tuple[int, str]] = []
    for error in _validator(schema).iter_errors(located.data):
        found.extend(_describe(error, located))
    return [f"{shown}:{line}: {msg}" for line, msg in sorted(set(found))]


def _describe(error: ValidationError, located: Located) -> Iterator[tuple[int, str]]:
    if error.context:
        error = best_match(error.context)
    path = tuple(error.absolute_path)
    if error.validator == "additionalProperties" and isinstance(error.instance, dict):
        allowed = list(error.schema.get("properties", {}))
        for extra in sorted(set(error.instance) - set(allowed), key=str):
            where = located.line(path + (extra,), key=True)
            yield where, f'unknown key "{extra}"{did_you_mean(extra, allowed)}'
        return
    if error.validator == "enum":
        hint = did_you_mean(error.instance, error.validator_value)
        yield located.line(path), f"{_dotted(path)}: {error.instance!r} is not one of {', '.join(map(str, error.validator_value))}{hint}"
        return
    yield located.line(path), f"{_dotted(path) or 'file'}: {error.message}"


def _dotted(path: Path_) -> str:
    return ".".join(str(p) for p in path)


def validate_semantics(located: Located, shown: str, stem: str, categories: Mapping[str, Any]) -> list[str]:
    """Check what the schema cannot: file name, category, patterns, check kinds."""
    data = located.data
    errors: list[str] = []
    if data["name"] != stem:
        errors.append(f'{shown}:{located.line(("name",))}: name: "{data["name"]}" differs from the file name "{stem}.yaml"')
    if data["category"] not in categories:
        hint = did_you_mean(data["category"], categories)
        errors.append(f'{shown}:{located.line(("category",))}: category: "{data["category"]}" is not in RISK-CATALOGUE.md{hint}')
    (kind, options), = data["check"].items()
    for path, problem in _check_problems(kind, options):
        line = located.line(("check", kind) + path, key=not path)
        errors.append(f"{shown}:{line}: check.{kind}: {problem}")
    for key in ("unless", "requires"):
        for i, cond in enumerate(data.get(key) or ()):
            for sub, problem in _pattern_problems(cond):
                errors.append(f"{shown}:{located.line((key, i) + sub)}: {key}[{i}]: {problem}")
    return errors


def _check_problems(kind: str, options: Any) -> Iterator[tuple[Path_, str]]:
    if kind in ("phrase", "regex"):
        yield from _pattern_problems({kind: options})
    elif kind == "missing":
        for i, alt in enumerate(options.get("any", [])):
            for sub, problem in _pattern_problems(alt):
                yield ("any", i) + sub, problem
        section = options.get("point_to_section")
        if section and _regex_problem(section):
            yield ("point_to_section",), _regex_problem(section) or ""
    elif kind in STRUCTURAL_KINDS:
        yield from _structural_problems(kind, options)
    elif kind not in ALL_KINDS:
        yield (), f'unknown check kind "{kind}"{did_you_mean(kind, ALL_KINDS)}'


def _structural_problems(kind: str, options: Any) -> Iterator[tuple[Path_, str]]:
    found = structure_module()
    if found is None or kind not in found[0]:
        yield (), f'check kind "{kind}" is not available: contract_lint.structure does not provide it'
        return
    schema = structural_schema(kind)
    if schema:
        for error in jsonschema.Draft202012Validator(schema).iter_errors(options or {}):
            yield tuple(error.absolute_path), error.message


def _pattern_problems(holder: Mapping[str, Any]) -> Iterator[tuple[Path_, str]]:
    """Yield (path, problem) for malformed phrase or regex patterns in `holder`."""
    if "phrase" in holder:
        patterns, _ = phrase.parse_options(holder["phrase"])
        for i, p in enumerate(patterns):
            try:
                phrase.compile_pattern(p, syntax_only=True)
            except ValueError as exc:
                yield ("phrase", i), str(exc)
    if "regex" in holder:
        patterns, _ = regex_matcher.parse_options(holder["regex"])
        for i, p in enumerate(patterns):
            problem = _regex_problem(p)
            if problem:
                yield ("regex", i), problem


def _regex_problem(pattern: str) -> str | None:
    try:
        regex.compile(pattern)
    except regex.error as exc:
        return f"bad regex {pattern!r}: {exc}"
    return None
