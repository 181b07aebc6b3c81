"""Configuration: discovery and layering of `.contract-lint.yaml` / `pyproject.toml`.

Where it comes from, first found wins: `--config FILE`; else `.contract-lint.yaml`
(or `.yml`) or a `pyproject.toml` with `[tool.contract-lint]`, looked for in the checked
path's folder and then each parent; else `config.yaml` in the user config folder
(platformdirs). `extends:` (a path or a list, relative to the file) loads shared configs
first; the file's own values then win: scalars and lists replace, mappings (severity,
per_file_ignores, options) merge key by key. Command-line options win over everything.
Every value remembers where it came from (`contract-lint config` shows it).
"""

from __future__ import annotations

import difflib
import fnmatch
import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, Iterable, Mapping, Sequence

from contract_lint.errors import ConfigError, RulePackError
from contract_lint.findings import FileResult, Severity
from contract_lint.pack_validation import load_located

FILENAMES = (".contract-lint.yaml", ".contract-lint.yml")
FAIL_ON = ("error", "warning", "info", "never")
LANGS = ("ru", "en")
SIDES = ("customer", "contractor")
_LISTS = ("packs", "select", "ignore", "exclude")
_MAPPINGS = ("severity", "per_file_ignores", "options")
KEYS = (*_LISTS, *_MAPPINGS, "fail_on", "lang", "side", "extends")
DEFAULT_SOURCE = "default"


@dataclass(frozen=True)
class Config:
    """The effective configuration; `sources[key]` says where each value came from."""

    packs: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)
    fail_on: str = "error"
    lang: str = "ru"
    side: str | None = None
    root: str | None = None  # folder that exclude / per_file_ignores globs are relative to
    files: tuple[str, ...] = ()  # the files read, base configs first
    sources: Mapping[str, str] = field(default_factory=dict)
    lines: Mapping[str, str] = field(default_factory=dict)  # "severity.X" -> "file:line"

    def source(self, key: str) -> str:
        """Return where `key` was set («path:line», «--select», or «default»)."""
        return self.sources.get(key, DEFAULT_SOURCE)

    def with_overrides(self, **values: Any) -> "Config":
        """Return a copy with command-line values (those not None) on top, sourced «--key»."""
        given = {k: v for k, v in values.items() if v is not None and v != ()}
        sources = {**self.sources, **{k: "--" + k.replace("_", "-") for k in given}}
        return replace(self, **given, sources=sources)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """Return ` (did you mean "x")` for the closest choice, or an empty string."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f' (did you mean "{close[0]}")' if close else ""


def find_config(start: str | Path) -> Path | None:
    """Return the config file for `start` (a file or folder): walk up, then the user folder."""
    here = Path(start).resolve()
    folder = here if here.is_dir() else here.parent
    for d in (folder, *folder.parents):
        for name in FILENAMES:
            if _is_file(d / name):
                return d / name
        if _is_file(d / "pyproject.toml") and _has_tool_section(d / "pyproject.toml"):
            return d / "pyproject.toml"
    user = user_config_path()
    return user if _is_file(user) else None


def _is_file(path: Path) -> bool:
    """Return True for a file we may look at; a folder we cannot enter has no config for us."""
    try:
        return path.is_file()
    except OSError:  # PermissionError: e.g. another user's home folder
        return False


def user_config_path() -> Path:
    """Return the per-user config file (it need not exist)."""
    import platformdirs

    return Path(platformdirs.user_config_dir("contract-lint")) / "config.yaml"


def _has_tool_section(path: Path) -> bool:
    try:
        return "contract-lint" in tomllib.loads(path.read_text(encoding="utf-8")).get("tool", {})
    except (OSError, tomllib.TOMLDecodeError):
        return False


def load_config(path: str | Path | None = None, *, start: str | Path = ".") -> Config:
    """Return the effective config: `path` if given, else the one found from `start`."""
    found = Path(path) if path is not None else find_config(start)
    if found is None:
        return Config()
    if not found.is_file():
        raise ConfigError(f"{found}: no such config file — check --config")
    return _load_chain(found.resolve(), ())


def _read(path: Path) -> tuple[dict[str, Any], dict[str, int]]:
    """Return the raw mapping of one config file and the line of every (dotted) key."""
    text = path.read_text(encoding="utf-8")
    if path.name == "pyproject.toml":
        return _read_pyproject(path, text)
    if not text.strip():
        return {}, {}
    try:
        located = load_located(text, str(path))
    except RulePackError as exc:
        raise ConfigError(str(exc)) from exc
    if not isinstance(located.data, dict):
        raise ConfigError(f"{path}:1: a config file is a mapping of keys (packs, select, ignore, ...)")
    lines = {".".join(map(str, k)): v for k, v in located.key_lines.items()}
    return located.data, lines


def _read_pyproject(path: Path, text: str) -> tuple[dict[str, Any], dict[str, int]]:
    try:
        data = tomllib.loads(text).get("tool", {}).get("contract-lint", {})
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    raw = text.splitlines()
    start = next((i for i, s in enumerate(raw) if s.strip().startswith("[tool.contract-lint")), 0)
    lines = {}
    for key in data:
        at = next((i for i in range(start, len(raw)) if raw[i].strip().split("=")[0].strip() in (key, f'"{key}"')), start)
        lines[key] = at + 1
    return dict(data), lines


def _load_chain(path: Path, seen: tuple[Path, ...]) -> Config:
    if path in seen:
        raise ConfigError(f"{path}:1: extends: the configs extend each other in a loop")
    data, lines = _read(path)
    where = lambda key: f"{path}:{lines.get(key, 1)}"  # noqa: E731
    _check_keys(data, where)
    base = Config()
    for parent in _as_list(data.get("extends"), "extends", where):
        target = (path.parent / parent).resolve()
        if not target.is_file():
            raise ConfigError(f'{where("extends")}: extends: "{parent}" does not exist (relative to {path.parent})')
        base = _merge(base, _load_chain(target, (*seen, path)))
    return _merge(base, _parse(data, path, lines))


def _check_keys(data: Mapping[str, Any], where: Any) -> None:
    for key in data:
        if key not in KEYS:
            hint = did_you_mean(str(key), KEYS) or f" (known keys: {', '.join(KEYS)})"
            raise ConfigError(f'{where(key)}: unknown key "{key}"{hint}')


def _as_list(value: Any, key: str, where: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()] if key != "extends" else [value]
    if isinstance(value, list) and all(isinstance(v, (str, int)) for v in value):
        return [str(v) for v in value]
    raise ConfigError(f"{where(key)}: {key}: expected a list of strings")


def _choice(value: Any, key: str, choices: Sequence[str], where: Any) -> str:
    if value not in choices:
        raise ConfigError(f'{where(key)}: {key}: "{value}" is not one of {", ".join(choices)}'
                          f"{did_you_mean(str(value), choices)}")
    return str(value)


def _mapping(value: Any, key: str, where: Any) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise ConfigError(f"{where(key)}: {key}: expected a mapping")
    return {str(k): v for k, v in value.items()}


def _parse(data: Mapping[str, Any], path: Path, lines: Mapping[str, int]) -> Config:
    """Validate one file's values; relative pack paths resolve against the file's folder."""
    def where(key: str) -> str:
        return f"{path}:{lines.get(key, lines.get(key.split('.')[0], 1))}"

    values: dict[str, Any] = {k: tuple(_as_list(data.get(k), k, where)) for k in _LISTS if k in data}
    if "packs" in values:
        values["packs"] = tuple(str((path.parent / p).resolve()) for p in values["packs"])
    for key, choices in (("fail_on", FAIL_ON), ("lang", LANGS)):
        if key in data:
            values[key] = _choice(data[key], key, choices, where)
    if "side" in data:
        values["side"] = None if data["side"] is None else _choice(data["side"], "side", SIDES, where)
    if "severity" in data:
        sev = _mapping(data["severity"], "severity", where)
        values["severity"] = {k: Severity(_choice(v, f"severity.{k}", ("error", "warning", "info"), where))
                              for k, v in sev.items()}
    if "per_file_ignores" in data:
        pfi = _mapping(data["per_file_ignores"], "per_file_ignores", where)
        values["per_file_ignores"] = {k: tuple(_as_list(v, f"per_file_ignores.{k}", where)) for k, v in pfi.items()}
    if "options" in data:
        opts = _mapping(data["options"], "options", where)
        for k, v in opts.items():
            if not isinstance(v, dict):
                raise ConfigError(f"{where('options.' + k)}: options.{k}: expected a mapping of option: value")
        values["options"] = opts
    root = str(path.parent)
    sources = {k: where(k) for k in values}
    sub_lines = {k: f"{path}:{n}" for k, n in lines.items() if "." in k}
    return Config(**values, root=root, files=(str(path),), sources=sources, lines=sub_lines)


def _merge(base: Config, top: Config) -> Config:
    """Return `base` with `top`'s values on top (mappings merge key by key)."""
    values: dict[str, Any] = {}
    for f in fields(Config):
        if f.name in ("root", "files", "sources", "lines"):
            continue
        if f.name in top.sources:
            new = getattr(top, f.name)
            values[f.name] = {**getattr(base, f.name), **new} if f.name in _MAPPINGS else new
    return replace(base, **values, root=top.root or base.root, files=base.files + top.files,
                   sources={**base.sources, **top.sources}, lines={**base.lines, **top.lines})


def relative(path: str, config: Config) -> str:
    """Return `path` relative to the config's folder (POSIX), or as given when outside it."""
    if not config.root:
        return Path(path).as_posix()
    rel = os.path.relpath(os.path.abspath(path), config.root)
    return Path(path).as_posix() if rel.startswith("..") else Path(rel).as_posix()


def matches_glob(path: str, pattern: str, config: Config) -> bool:
    """Return True when `path` (relative to the config) or its file name matches `pattern`."""
    rel = relative(path, config)
    return fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(Path(path).name, pattern) or (
        pattern.endswith("/**") and rel.startswith(pattern[:-3].rstrip("/") + "/"))


def apply_per_file_ignores(results: Sequence[FileResult], config: Config) -> list[FileResult]:
    """Drop findings whose code a `per_file_ignores` glob names for that file."""
    from contract_lint.suppress import Waiver

    out = []
    for result in results:
        codes = tuple(c for pattern, cs in config.per_file_ignores.items()
                      if matches_glob(result.path, pattern, config) for c in cs)
        if codes:
            waiver = Waiver(codes, None, 0, 0)
            result = replace(result, findings=[f for f in result.findings if not waiver.names(f)])
        out.append(result)
    return out


def check_rule_keys(config: Config, rules: Sequence[Any]) -> None:
    """ConfigError (file:line, did you mean) for severity/options keys and select/ignore that name no rule."""
    ids = {r.id for r in rules} | {r.name for r in rules}
    known = ids | {r.category for r in rules} | {r.category.split("-")[0] for r in rules} | {r.pack for r in rules}
    for key, allowed in (("severity", known), ("options", ids)):
        for name in getattr(config, key):
            if name not in allowed and name.upper() not in allowed and name.lower() not in allowed:
                where = config.lines.get(f"{key}.{name}", config.source(key))
                raise ConfigError(f'{where}: {key}: "{name}" names no loaded rule{did_you_mean(name, allowed)}')
    for key in ("select", "ignore"):
        for name in getattr(config, key):
            if name.strip() and not any(_selects(r, name) for r in rules):
                src = config.source(key)
                where = src if src.startswith("--") else f"{src}: {key}"
                raise ConfigError(f'{where}: "{name}" names no loaded rule, category or pack'
                                  f'{did_you_mean(name.strip(), sorted(known))} (see `contract-lint rules`)')


def _selects(rule: Any, token: str) -> bool:
    """Return True when a select/ignore token names `rule` (same forms as engine.select_rules)."""
    t = token.strip()
    return (t.upper() in (rule.id.upper(), rule.category) or t.lower() in (rule.name, rule.pack.lower())
            or rule.category.startswith(t.upper() + "-"))


def apply_rule_options(rules: Sequence[Any], config: Config) -> list[Any]:
    """Return `rules` with `options` merged into each named rule's check options."""
    out = []
    for rule in rules:
        extra = config.options.get(rule.id) or config.options.get(rule.name)
        key = rule.id if rule.id in config.options else rule.name
        where = config.lines.get(f"options.{key}", config.source("options"))
        if extra and (rule.options is None or isinstance(rule.options, dict)):
            rule = replace(rule, options={**(rule.options or {}), **extra})
            _check_options(rule, where, key)
        elif extra:
            raise ConfigError(f"{where}: options.{key}: this rule's check ({rule.kind}) takes no options")
        out.append(rule)
    return out


def _check_options(rule: Any, where: str, key: str) -> None:
    """ConfigError when merged options break the check's own schema (structural checks)."""
    import jsonschema

    from contract_lint.matchers.registry import structural_schema

    schema = structural_schema(rule.kind)
    if not schema:
        return
    error = jsonschema.exceptions.best_match(jsonschema.Draft202012Validator(schema).iter_errors(rule.options))
    if error is not None:
        allowed = list((schema.get("properties") or {}).keys())
        unexpected = error.message.split("'")[1] if error.validator == "additionalProperties" else ""
        hint = did_you_mean(unexpected, allowed) if unexpected else ""
        raise ConfigError(f"{where}: options.{key}: {error.message}{hint}")


def engine_options(config: Config, **extra: Any) -> Any:
    """Return the engine's EngineOptions for `config` (`extra` sets the other fields)."""
    from contract_lint.engine import EngineOptions

    return EngineOptions(
        select=config.select, ignore=config.ignore, severity_overrides=dict(config.severity),
        side=config.side, fail_on=config.fail_on, packs=config.packs, language=config.lang, **extra,
    )


def _plain(value: Any) -> Any:
    if isinstance(value, Mapping):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return str(value) if isinstance(value, Severity) else value


def describe(config: Config) -> str:
    """Return the effective configuration as YAML, each key commented with its source."""
    import json

    lines = ["# contract-lint: effective configuration"]
    lines.append("# files read: " + (", ".join(config.files) if config.files else "none (built-in defaults)"))
    for key in KEYS:
        if key == "extends":
            continue
        value = json.dumps(_plain(getattr(config, key)), ensure_ascii=False)
        lines.append(f"{key}: {value}  # {config.source(key)}")
    return "\n".join(lines) + "\n"
