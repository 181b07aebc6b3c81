"""Rule packs: discovery, validation errors with file:line and did-you-mean, catalogue codes."""

from __future__ import annotations

import json
import sys
import types
from pathlib import Path

import pytest

import contract_lint
from contract_lint.data.make_categories import DEFAULT_CATALOGUE, parse_catalogue
from contract_lint.errors import RulePackError
from contract_lint.findings import Severity
from contract_lint.matchers.base import Hit
from contract_lint.packs import builtin_pack_dirs, categories, load_packs
from engine_util import lint

FIXTURES = Path(__file__).parent / "fixtures" / "packs"

PACK = "id: t\nname: Тестовый набор\n"
RULE = """\
id: TST001
name: vague-deadline
category: TERM-VAGUE
severity: warning
title: Срок указан оценочным словом
message: Срок «{match}».
check:
  phrase:
    - в разумный срок
unless:
  - within: clause
    phrase: [не позднее]
examples:
  flag: [в разумный срок]
  pass: [в срок]
"""


def write_pack(root: Path, rules: dict[str, str], pack: str = PACK) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "pack.yaml").write_text(pack, encoding="utf-8")
    for name, text in rules.items():
        (root / f"{name}.yaml").write_text(text, encoding="utf-8")
    return root


def load_error(root: Path) -> str:
    with pytest.raises(RulePackError) as info:
        load_packs([root], builtin=False)
    return str(info.value)


def test_fixture_pack_loads_with_defaults(tmp_path: Path) -> None:
    (pack,) = load_packs([FIXTURES / "mini"], builtin=False)
    assert pack.id == "mini"
    rules = {r.id: r for r in pack.rules}
    assert sorted(rules) == ["TST001", "TST002", "TST003", "TST004"]
    assert rules["TST001"].scope.exclude_kinds == ("header", "footer")  # from pack defaults
    assert rules["TST002"].scope.exclude_sections == ("реквизит",)
    assert rules["TST001"].severity_by_side == {"customer": Severity.ERROR, "contractor": Severity.INFO}
    assert rules["TST004"].kind == "missing" and rules["TST004"].document_level
    assert rules["TST003"].flag_examples[0] == (
        "7.2. Исполнитель уплачивает пеню в размере 0,1% от суммы за каждый день просрочки.",)


def test_unknown_key_names_file_line_and_suggests(tmp_path: Path) -> None:
    bad = RULE.replace("unless:", "unles:")
    message = load_error(write_pack(tmp_path / "p", {"vague-deadline": bad}))
    assert message == f'{tmp_path / "p" / "vague-deadline.yaml"}:10: unknown key "unles" (did you mean "unless")'


def test_nested_unknown_key_and_bad_enum(tmp_path: Path) -> None:
    bad = RULE.replace("  - within: clause", "  - withn: clause").replace("severity: warning", "severity: warnin")
    message = load_error(write_pack(tmp_path / "p", {"vague-deadline": bad}))
    lines = message.splitlines()
    assert lines[0].endswith("vague-deadline.yaml:4: severity: 'warnin' is not one of error, warning, info "
                             '(did you mean "warning")')
    assert lines[1].endswith('vague-deadline.yaml:11: unknown key "withn" (did you mean "within")')


def test_unknown_check_kind_suggests(tmp_path: Path) -> None:
    bad = RULE.replace("  phrase:\n    - в разумный срок", "  phrse:\n    - в разумный срок")
    message = load_error(write_pack(tmp_path / "p", {"vague-deadline": bad}))
    assert message.endswith('vague-deadline.yaml:8: unknown key "phrse" (did you mean "phrase")')


def test_yaml_syntax_error_is_located(tmp_path: Path) -> None:
    bad = RULE.replace("title: Срок указан оценочным словом", "title: [Срок указан")
    message = load_error(write_pack(tmp_path / "p", {"vague-deadline": bad}))
    assert "vague-deadline.yaml:6: YAML syntax error" in message


def test_duplicate_key_is_located(tmp_path: Path) -> None:
    message = load_error(write_pack(tmp_path / "p", {"vague-deadline": RULE + "severity: error\n"}))
    assert message.endswith('vague-deadline.yaml:16: duplicate key "severity"')


def test_category_must_be_in_the_catalogue(tmp_path: Path) -> None:
    bad = RULE.replace("category: TERM-VAGUE", "category: TERM-VAGEU")
    message = load_error(write_pack(tmp_path / "p", {"vague-deadline": bad}))
    assert message.endswith('vague-deadline.yaml:3: category: "TERM-VAGEU" is not in RISK-CATALOGUE.md '
                            '(did you mean "TERM-VAGUE")')


def test_missing_required_keys(tmp_path: Path) -> None:
    bad = RULE.replace("title: Срок указан оценочным словом\n", "")
    message = load_error(write_pack(tmp_path / "p", {"vague-deadline": bad}))
    assert message.endswith("vague-deadline.yaml:1: file: 'title' is a required property")


def test_file_name_must_match_rule_name(tmp_path: Path) -> None:
    message = load_error(write_pack(tmp_path / "p", {"other-name": RULE}))
    assert message.endswith('other-name.yaml:2: name: "vague-deadline" differs from the file name "other-name.yaml"')


def test_duplicate_ids_and_names_across_packs(tmp_path: Path) -> None:
    write_pack(tmp_path / "a", {"vague-deadline": RULE})
    write_pack(tmp_path / "b", {"vague-deadline": RULE}, pack="id: b\nname: B\n")
    message = load_error(tmp_path)
    assert 'id: "TST001" is already used by' in message and 'name: "vague-deadline" is already used' in message


def test_bad_phrase_and_regex_patterns_are_located(tmp_path: Path) -> None:
    bad = RULE.replace("    - в разумный срок", "    - в (разумный срок").replace(
        "phrase: [не позднее]", "regex: '(не позднее'")
    message = load_error(write_pack(tmp_path / "p", {"vague-deadline": bad})).splitlines()
    assert message[0].endswith("vague-deadline.yaml:9: check.phrase: missing ')' in phrase 'в (разумный срок'")
    assert message[1].startswith(f"{tmp_path / 'p' / 'vague-deadline.yaml'}:12: unless[0]: bad regex '(не позднее'")


def test_pack_yaml_is_validated(tmp_path: Path) -> None:
    message = load_error(write_pack(tmp_path / "p", {}, pack="id: t\nname: T\ndefautls: {}\n"))
    assert message.endswith('pack.yaml:3: unknown key "defautls" (did you mean "defaults")')


def test_not_a_pack_folder(tmp_path: Path) -> None:
    assert "not a rule pack" in load_error(tmp_path)


def _fake_structure(monkeypatch: pytest.MonkeyPatch, module: types.ModuleType | None) -> None:
    monkeypatch.setitem(sys.modules, "contract_lint.structure", module)
    if module is None:
        monkeypatch.delattr(contract_lint, "structure", raising=False)
    else:
        monkeypatch.setattr(contract_lint, "structure", module, raising=False)


PENALTY = RULE.replace("  phrase:\n    - в разумный срок", "  penalty_rate:\n    min_annual_rate: 50").replace(
    "message: Срок «{match}».", "message: «{match}» ≈ {annual_rate}% годовых.")


def test_structural_kind_without_structure_module_fails_validation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _fake_structure(monkeypatch, None)
    message = load_error(write_pack(tmp_path / "p", {"vague-deadline": PENALTY}))
    assert message.endswith('vague-deadline.yaml:8: check.penalty_rate: check kind "penalty_rate" is not available: '
                            "contract_lint.structure does not provide it")


def test_structural_kind_is_dispatched_to_structure(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []

    def penalty_rate(doc, options):  # noqa: ANN001, ANN202
        calls.append(dict(options))
        start = doc.text.index("3%")
        return [Hit(start, start + 2, {"annual_rate": "1095"})]

    fake = types.ModuleType("contract_lint.structure")
    fake.CHECKS = {"penalty_rate": penalty_rate}
    fake.SCHEMAS = {"penalty_rate": {"type": "object", "additionalProperties": False,
                                     "properties": {"min_annual_rate": {"type": "number"}}}}
    _fake_structure(monkeypatch, fake)
    (pack,) = load_packs([write_pack(tmp_path / "p", {"vague-deadline": PENALTY})], builtin=False)
    found = lint("7.2. Пеня 3% за каждый день.", *pack.rules)
    assert calls == [{"min_annual_rate": 50}]
    assert [(f.match, f.message, f.location.clause) for f in found] == [("3%", "«3%» ≈ 1095% годовых.", "7.2")]
    bad = PENALTY.replace("min_annual_rate: 50", "min_annual_rate: много")
    message = load_error(write_pack(tmp_path / "q", {"vague-deadline": bad}))
    assert "vague-deadline.yaml:9: check.penalty_rate: 'много' is not of type 'number'" in message


def test_categories_json_equals_the_catalogue() -> None:
    if not DEFAULT_CATALOGUE.is_file():
        pytest.skip("RISK-CATALOGUE.md is not next to the repository")
    expected = parse_catalogue(DEFAULT_CATALOGUE.read_text(encoding="utf-8"))
    assert categories() == expected
    assert len(expected) == 31 and expected["LIAB-PENALTY-NO-CAP"] == {"kind": "span", "severity": "error"}
    shipped = Path(contract_lint.__file__).parent / "data" / "categories.json"
    assert json.loads(shipped.read_text(encoding="utf-8")) == expected


def test_builtin_packs_are_found_in_the_repository_rules_folder() -> None:
    root = Path(contract_lint.__file__).resolve().parent.parent / "rules"
    for folder in builtin_pack_dirs():
        assert (folder / "pack.yaml").is_file()
        assert folder.resolve().parent in (root.resolve(), (Path(contract_lint.__file__).parent / "rules").resolve())


def test_severity_defaults_to_the_catalogue(tmp_path: Path) -> None:
    rule = RULE.replace("severity: warning\n", "").replace("category: TERM-VAGUE", "category: PAY-AS-PERFORMED")
    (pack,) = load_packs([write_pack(tmp_path / "p", {"vague-deadline": rule})], builtin=False)
    assert pack.rules[0].severity == Severity.ERROR
