"""Configuration: discovery, extends, validation with file:line and did-you-mean, provenance."""

from __future__ import annotations

from pathlib import Path

import pytest

from contract_lint.config import (
    Config, apply_per_file_ignores, apply_rule_options, check_rule_keys, describe, find_config, load_config,
)
from contract_lint.errors import ConfigError
from contract_lint.findings import FileResult, Severity
from contract_lint.packs import Rule
from test_report_samples import RULES, finding_at, text_document


@pytest.fixture(autouse=True)
def _no_user_config(tmp_path, monkeypatch):
    monkeypatch.setattr("contract_lint.config.user_config_path", lambda: tmp_path / "no-user-config.yaml")


def _write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_found_by_walking_up_from_the_checked_file(tmp_path):
    cfg = _write(tmp_path / ".contract-lint.yaml", "select: [TERM, LIAB]\nfail_on: warning\n")
    contract = _write(tmp_path / "a" / "b" / "dogovor.txt", "текст")
    assert find_config(contract) == cfg
    config = load_config(start=contract)
    assert (config.select, config.fail_on) == (("TERM", "LIAB"), "warning")
    assert config.source("select") == f"{cfg}:1" and config.source("fail_on") == f"{cfg}:2"
    assert config.source("lang") == "default"


def test_nearest_file_wins_and_pyproject_is_read(tmp_path):
    _write(tmp_path / ".contract-lint.yaml", "lang: en\n")
    pyproject = _write(tmp_path / "sub" / "pyproject.toml",
                       '[project]\nname = "x"\n\n[tool.contract-lint]\nignore = ["VAGUE"]\nside = "customer"\n')
    assert find_config(tmp_path / "sub" / "x.docx") == pyproject
    config = load_config(start=tmp_path / "sub" / "x.docx")
    assert (config.ignore, config.side, config.lang) == (("VAGUE",), "customer", "ru")
    assert config.source("side") == f"{pyproject.resolve()}:6"
    _write(tmp_path / "other" / "pyproject.toml", '[project]\nname = "y"\n')  # no tool section: skipped
    assert find_config(tmp_path / "other" / "x.docx") == tmp_path / ".contract-lint.yaml"


def test_user_config_is_the_last_resort(tmp_path, monkeypatch):
    user = _write(tmp_path / "user" / "config.yaml", "fail_on: never\n")
    monkeypatch.setattr("contract_lint.config.user_config_path", lambda: user)
    assert load_config(start=tmp_path / "nowhere" / "a.txt").fail_on == "never"


def test_explicit_config_and_extends_with_relative_paths(tmp_path):
    _write(tmp_path / "shared" / "base.yaml",
           "packs: [house-rules]\nseverity: {TERM-VAGUE: error, LIAB: info}\nexclude: ['drafts/**']\n")
    cfg = _write(tmp_path / "proj" / "ci.yaml",
                 "extends: ../shared/base.yaml\nseverity:\n  LIAB: warning\noptions:\n  LIAB002: {min_annual_rate: 30}\n")
    config = load_config(cfg)
    assert config.packs == (str((tmp_path / "shared" / "house-rules").resolve()),)
    assert dict(config.severity) == {"TERM-VAGUE": Severity.ERROR, "LIAB": Severity.WARNING}
    assert config.options == {"LIAB002": {"min_annual_rate": 30}}
    assert config.exclude == ("drafts/**",)
    assert config.source("packs").endswith("shared/base.yaml:1")
    assert config.source("severity") == f"{cfg.resolve()}:2"
    assert [Path(f).name for f in config.files] == ["base.yaml", "ci.yaml"]


@pytest.mark.parametrize("text, message", [
    ("select: [TERM]\nselct: [LIAB]\n", r'x.yaml:2: unknown key "selct" \(did you mean "select"\)'),
    ("fail_on: warnings\n", r'x.yaml:1: fail_on: "warnings" is not one of error, warning, info, never \(did you mean "warning"\)'),
    ("lang: de\n", r'x.yaml:1: lang: "de" is not one of ru, en'),
    ("severity:\n  TERM001: high\n", r'x.yaml:2: severity.TERM001: "high" is not one of error, warning, info'),
    ("options:\n  LIAB002: 30\n", r"x.yaml:2: options.LIAB002: expected a mapping"),
    ("select: {a: 1}\n", r"x.yaml:1: select: expected a list of strings"),
    ("extends: missing.yaml\n", r'x.yaml:1: extends: "missing.yaml" does not exist'),
    ("select: [a\n", r"x.yaml:2: YAML syntax error"),
])
def test_invalid_configs_are_located_errors(tmp_path, text, message):
    cfg = _write(tmp_path / "x.yaml", text)
    with pytest.raises(ConfigError, match=message):
        load_config(cfg)


def test_extends_loop_is_an_error(tmp_path):
    _write(tmp_path / "a.yaml", "extends: b.yaml\n")
    _write(tmp_path / "b.yaml", "extends: a.yaml\n")
    with pytest.raises(ConfigError, match="extend each other in a loop"):
        load_config(tmp_path / "a.yaml")


def test_command_line_overrides_and_describe_shows_sources(tmp_path):
    cfg = _write(tmp_path / ".contract-lint.yaml", "fail_on: warning\nlang: en\n")
    config = load_config(cfg).with_overrides(fail_on="info", select=None, ignore=())
    assert (config.fail_on, config.source("fail_on"), config.lang) == ("info", "--fail-on", "en")
    text = describe(config)
    assert 'fail_on: "info"  # --fail-on' in text
    assert f'lang: "en"  # {cfg.resolve()}:2' in text
    assert "select: []  # default" in text


def test_per_file_ignores_by_glob(tmp_path):
    cfg = _write(tmp_path / ".contract-lint.yaml", "per_file_ignores:\n  'nda/*.txt': [TERM001, LIAB]\n")
    config = load_config(cfg)
    doc = text_document(str(tmp_path / "nda" / "a.txt"))
    findings = [finding_at(doc, RULES[1], "в разумный срок"), finding_at(doc, RULES[0], "пеню в размере 0,5%")]
    results = [FileResult(str(tmp_path / "nda" / "a.txt"), "txt", findings),
               FileResult(str(tmp_path / "other" / "a.txt"), "txt", findings)]
    kept = apply_per_file_ignores(results, config)
    assert kept[0].findings == [] and kept[1].findings == findings


def _rule(rid: str, name: str, kind: str, options: object) -> Rule:
    return Rule(id=rid, name=name, category="LIAB-PENALTY-EXCESSIVE", severity=Severity.WARNING, title="t",
                message="m", kind=kind, options=options, pack="ru", path=f"rules/ru/{name}.yaml")


def test_rule_options_merge_and_unknown_rule_keys_are_errors(tmp_path):
    cfg = _write(tmp_path / "c.yaml", "severity:\n  LIAB-PENALTY-EXCESIVE: error\noptions:\n  LIAB002: {min_annual_rate: 30}\n")
    config = load_config(cfg)
    rules = [_rule("LIAB002", "penalty-excessive", "penalty_rate", {"min_annual_rate": 50})]
    assert apply_rule_options(rules, config)[0].options == {"min_annual_rate": 30}
    with pytest.raises(ConfigError, match=r'c.yaml:2: severity: "LIAB-PENALTY-EXCESIVE" names no loaded rule '
                                          r'\(did you mean "LIAB-PENALTY-EXCESSIVE"\)'):
        check_rule_keys(config, rules)
    phrase = [_rule("LIAB002", "penalty-excessive", "phrase", ["пеня"])]
    with pytest.raises(ConfigError, match="options.LIAB002: this rule's check \\(phrase\\) takes no options"):
        apply_rule_options(phrase, config)


def test_no_config_anywhere_gives_defaults(tmp_path):
    config = load_config(start=tmp_path)
    assert config == Config()
    assert "files read: none" in describe(config)
