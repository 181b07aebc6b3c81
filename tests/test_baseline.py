"""Baseline: record findings by fingerprint, hide them later, keep reasons, report stale entries."""

from __future__ import annotations

from dataclasses import replace

import pytest
import yaml

from contract_lint.baseline import (
    STALE_CATEGORY, STALE_RULE, apply_baseline, fingerprint, load_baseline, normalise, write_baseline,
)
from contract_lint.errors import ConfigError
from contract_lint.findings import FileResult, Severity
from test_report_samples import RULES, finding_at, text_document


def _results(path: str) -> list[FileResult]:
    doc = text_document(path)
    return [FileResult(path, "txt", [finding_at(doc, RULES[1], "в разумный срок"),
                                     finding_at(doc, RULES[0], "пеню в размере 0,5%")])]


def test_normalise_ignores_case_yo_spacing_ellipsis_and_clause_number():
    assert normalise("7.2.  Заказчик  уплачивает ЁМКО…") == "заказчик уплачивает емко"
    assert normalise("а) Срок") == normalise("б) срок") == "срок"


def test_fingerprint_uses_rule_clause_text_and_match_not_offsets():
    (result,) = _results("a.txt")
    vague, penalty = result.findings
    assert fingerprint(vague) != fingerprint(penalty)
    moved = replace(penalty, start=penalty.start + 100, location=replace(penalty.location, line=99, clause="8.2"),
                    excerpt=penalty.excerpt.replace("7.2.", "8.2."))
    assert fingerprint(moved) == fingerprint(penalty)
    assert fingerprint(replace(penalty, rule="LIAB002")) != fingerprint(penalty)
    assert len(fingerprint(penalty)) == 20


def test_write_then_apply_hides_recorded_findings(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    results = _results("a.txt")
    write_baseline("contract-lint.baseline.yaml", results)
    data = yaml.safe_load((tmp_path / "contract-lint.baseline.yaml").read_text(encoding="utf-8"))
    assert data["version"] == 1
    assert [(e["path"], e["rule"], e["clause"], e["match"]) for e in data["entries"]] == [
        ("a.txt", "TERM001", "3.1", "в разумный срок"), ("a.txt", "LIAB001", "7.2", "пеню в размере 0,5%")]
    assert data["entries"][1]["fingerprint"] == fingerprint(results[0].findings[1])
    shown = apply_baseline(results, load_baseline("contract-lint.baseline.yaml"))
    assert shown[0].findings == []


def test_new_finding_is_shown_and_stale_entry_reported(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    results = _results("a.txt")
    write_baseline("b.yaml", [replace(results[0], findings=results[0].findings[1:])])  # only the penalty
    fixed = [replace(results[0], findings=results[0].findings[:1])]  # the penalty clause was fixed
    (shown,) = apply_baseline(fixed, load_baseline("b.yaml"))
    assert [f.rule for f in shown.findings] == [STALE_RULE, "TERM001"]
    stale = shown.findings[0]
    assert (stale.severity, stale.category, stale.location.clause, stale.match) == (
        Severity.INFO, STALE_CATEGORY, "7.2", "пеню в размере 0,5%")
    assert stale.document_level and "больше ничему не соответствует" in stale.message
    en = apply_baseline(fixed, load_baseline("b.yaml"), lang="en")[0].findings[0]
    assert "matches no finding any more" in en.message


def test_entries_are_per_file_and_unchecked_files_are_not_stale(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_baseline("b.yaml", _results("a.txt"))
    (other,) = apply_baseline(_results("b.txt"), load_baseline("b.yaml"))
    assert [f.rule for f in other.findings] == ["TERM001", "LIAB001"]  # same text, other file: shown


def test_rewrite_keeps_reason_approved_by_and_date(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "b.yaml"
    write_baseline(path, _results("a.txt"))
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["entries"][1].update(reason="согласовано протоколом разногласий", approved_by="Юрист А. Примеров",
                              date="2026-11-20")
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    write_baseline(path, _results("a.txt"))
    entries = load_baseline(path).entries
    assert (entries[1].reason, entries[1].approved_by, entries[1].date) == (
        "согласовано протоколом разногласий", "Юрист А. Примеров", "2026-11-20")
    assert entries[0].reason is None


def test_paths_are_relative_to_the_baseline_folder(tmp_path, monkeypatch):
    (tmp_path / "ci").mkdir()
    monkeypatch.chdir(tmp_path)
    write_baseline("ci/b.yaml", _results("a.txt"))
    assert load_baseline("ci/b.yaml").entries[0].path == "../a.txt"
    monkeypatch.chdir(tmp_path / "ci")
    assert apply_baseline(_results("../a.txt"), load_baseline("b.yaml"))[0].findings == []


def test_malformed_baseline_is_a_config_error(tmp_path):
    bad = tmp_path / "b.yaml"
    bad.write_text("entries: 3\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="b.yaml:1: a baseline needs a list under `entries:`"):
        load_baseline(bad)
    bad.write_text("entries:\n  - rule: X\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="entry 1 needs path, rule and fingerprint"):
        load_baseline(bad)
