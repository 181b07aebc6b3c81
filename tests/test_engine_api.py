"""The library API: lint_paths / lint_document return data and never print."""

from __future__ import annotations

from pathlib import Path

import pytest

from contract_lint.api import lint_document, lint_paths, load_rules
from contract_lint.engine import EngineOptions
from contract_lint.parsers.plain import paragraphs_to_document

MINI = str(Path(__file__).parent / "fixtures" / "packs" / "mini")
OPTIONS = EngineOptions(packs=(MINI,), builtin_packs=False)


def test_lint_paths_returns_results_and_never_prints(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_text("1.1. Подрядчик выполняет работы в разумный срок.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    results = list(lint_paths([tmp_path, tmp_path / "none.docx"], OPTIONS))
    assert [Path(r.path).name for r in results] == ["a.txt", "b.txt", "none.docx"]
    a, _, missing = results
    assert [(f.rule, f.location.clause, f.location.line) for f in a.findings] == [
        ("TST004", None, None), ("TST001", "1.1", 1)]
    assert a.error is None and missing.error is not None and "none.docx" in missing.error
    assert capsys.readouterr() == ("", "")


def test_load_rules_applies_select_and_ignore() -> None:
    rules = load_rules(EngineOptions(packs=(MINI,), builtin_packs=False, select=("TERM", "PAY"), ignore=("TST002",)))
    assert [r.id for r in rules] == ["TST001"]


def test_lint_document_with_english_messages() -> None:
    rules = load_rules(EngineOptions(packs=(MINI,), builtin_packs=False, select=("TST001",)))
    doc = paragraphs_to_document(["5.1. Исполнитель устраняет недостатки в кратчайшие сроки."], path="x.txt")
    result = lint_document(doc, rules, EngineOptions(language="en"))
    assert (result.path, result.error) == ("x.txt", None)
    assert [f.message for f in result.findings] == ["The deadline «в кратчайшие сроки» is not a date or a number of days."]
