"""The result cache: round trip, keys, corrupt entries, atomic files."""

from contract_lint.cache import ResultCache, file_digest, settings_digest
from contract_lint.findings import FileResult, Finding, Severity
from contract_lint.model import BlockKind, Location


def _result(path="a.docx"):
    finding = Finding(
        rule="LIAB001", name="penalty-without-cap", category="LIAB-PENALTY-NO-CAP",
        severity=Severity.ERROR, message="Неустойка без предела", suggestion="не более 10%",
        match="за каждый день", excerpt="пеню 0,1% за каждый день",
        location=Location(clause="7.2", section="Ответственность", page=4, line=12,
                          kind=BlockKind.LIST_ITEM),
        start=100, end=114, block=7,
    )
    return FileResult(path=path, format="docx", findings=[finding])


def test_round_trip_keeps_every_field(tmp_path):
    cache = ResultCache(tmp_path, settings_digest("ru", ["LIAB"]))
    cache.put("d1", _result())
    back = cache.get("b.docx", "d1")
    assert back.path == "b.docx"
    assert back.findings == _result().findings


def test_settings_change_misses(tmp_path):
    ResultCache(tmp_path, settings_digest("ru")).put("d1", _result())
    assert ResultCache(tmp_path, settings_digest("ru", "other")).get("a", "d1") is None


def test_corrupt_entry_ignored_then_rewritten(tmp_path):
    cache = ResultCache(tmp_path, "s")
    cache.put("d1", _result())
    entry = next(tmp_path.rglob("*.json"))
    entry.write_text("{not json", encoding="utf-8")
    assert cache.get("a.docx", "d1") is None
    cache.put("d1", _result())
    assert cache.get("a.docx", "d1").findings[0].location.clause == "7.2"
    assert not list(tmp_path.rglob(".tmp-*"))


def test_file_digest_depends_on_content(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    a.write_bytes(b"one")
    b.write_bytes(b"two")
    assert file_digest(str(a)) != file_digest(str(b))
    assert file_digest(str(a)) == file_digest(str(a))


def test_cached_error_names_the_file_asked_for(tmp_path):
    cache = ResultCache(tmp_path, "s")
    cache.put("d1", FileResult("old/empty.docx", None, [], error="old/empty.docx: empty file — check it"))
    back = cache.get("new/empty.docx", "d1")
    assert back.error == "new/empty.docx: empty file — check it"


def test_a_rule_file_validated_once_is_not_validated_again_until_it_changes(tmp_path, monkeypatch):
    import pytest

    from contract_lint import packs
    from contract_lint.cache import ValidatedRules
    from contract_lint.errors import RulePackError
    from folder_util import make_pack

    pack = make_pack(tmp_path / "pack")
    memo = ValidatedRules(tmp_path / "cache")
    first = packs.load_packs([pack], builtin=False, memo=memo)
    assert [r.id for r in first[0].rules] == ["FOLD001"]
    assert len(list((tmp_path / "cache" / "valid-rules").iterdir())) == 1

    def fail(*args, **kwargs):
        raise AssertionError("validated again")

    schema_errors = packs.schema_errors
    monkeypatch.setattr(packs, "validate_semantics", fail)
    monkeypatch.setattr(packs, "schema_errors", lambda located, shown, schema: (
        fail() if schema == "rule" else schema_errors(located, shown, schema)))  # pack.yaml is cheap
    again = packs.load_packs([pack], builtin=False, memo=memo)
    assert again[0].rules == first[0].rules
    monkeypatch.undo()

    rule = pack / "vague-timely.yaml"
    rule.write_text(rule.read_text(encoding="utf-8").replace("category: ", "category: X"), encoding="utf-8")
    with pytest.raises(RulePackError, match=r"vague-timely\.yaml:\d+: category"):
        packs.load_packs([pack], builtin=False, memo=memo)  # a changed file is checked again


def test_check_remembers_valid_rules_in_its_cache_folder_only(tmp_path):
    from typer.testing import CliRunner

    from contract_lint.cli import app

    contract = tmp_path / "a.txt"
    contract.write_text("1.1. Оплата производится своевременно.\n", encoding="utf-8")
    runner = CliRunner()
    runner.invoke(app, ["check", str(contract), "--cache-dir", str(tmp_path / "c1"), "--quiet"])
    assert len(list((tmp_path / "c1" / "valid-rules").iterdir())) > 30  # every built-in rule file
    runner.invoke(app, ["check", str(contract), "--cache-dir", str(tmp_path / "c2"), "--no-cache"])
    assert not (tmp_path / "c2").exists()
