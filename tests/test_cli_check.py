"""`contract-lint check / rules / rule / test-rules` as a user runs them (typer CliRunner)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from contract_lint.cli import app

MINI = str(Path(__file__).parent / "fixtures" / "packs" / "mini")
FAILING = str(Path(__file__).parent / "fixtures" / "packs" / "failing")
ISOLATED = ["--no-builtin", "--pack", MINI]  # the built-in pack is tested in test_rule_examples

CONTRACT = """\
ДОГОВОР ПОДРЯДА № 7

1. ПРЕДМЕТ ДОГОВОРА
1.1. Подрядчик выполняет работы в разумный срок.
1.2. Оплата производится по мере выполнения работ.
2. ПОРЯДОК ПРИЕМКИ
2.1. Заказчик проверяет результат работ.
7.2. Подрядчик уплачивает пеню в размере 0,1% от суммы за каждый день просрочки.
"""
CLEAN = "1.1. Подрядчик выполняет работы в течение 10 рабочих дней.\n1.2. Стороны подписывают акт сдачи-приёмки.\n"
WARNING_ONLY = "1.1. Подрядчик выполняет работы в разумный срок.\n1.2. Стороны подписывают акт сдачи-приёмки.\n"


def run(*args: str):  # noqa: ANN201
    return CliRunner().invoke(app, list(args))


@pytest.fixture()
def files(tmp_path: Path) -> dict[str, Path]:
    paths = {"contract": tmp_path / "contract.txt", "clean": tmp_path / "clean.txt", "warn": tmp_path / "warn.txt"}
    for key, text in (("contract", CONTRACT), ("clean", CLEAN), ("warn", WARNING_ONLY)):
        paths[key].write_text(text, encoding="utf-8")
    return paths


def test_json_output_contract(files: dict[str, Path]) -> None:
    result = run("check", str(files["contract"]), "--format", "json", *ISOLATED)
    assert result.exit_code == 1, result.output
    data = json.loads(result.stdout)
    assert list(data) == ["version", "files"] and data["version"] == 1
    (entry,) = data["files"]
    assert list(entry) == ["path", "format", "language", "error", "findings"]
    assert (entry["path"], entry["format"], entry["language"], entry["error"]) == (str(files["contract"]), "txt", "ru", None)
    summary = [(f["rule"], f["category"], f["severity"], f["location"]["clause"], f["match"]) for f in entry["findings"]]
    assert summary == [
        ("TST004", "ACC-NO-PROCEDURE", "warning", "2", ""),
        ("TST001", "TERM-VAGUE", "warning", "1.1", "в разумный срок"),
        ("TST002", "PAY-AS-PERFORMED", "error", "1.2", "по мере выполнения"),
        ("TST003", "LIAB-PENALTY-NO-CAP", "error", "7.2", "0,1%"),
    ]
    first = entry["findings"][1]
    assert set(first) == {"rule", "name", "category", "severity", "message", "suggestion", "match", "excerpt", "location"}
    assert {"clause", "section", "page", "line", "block", "kind", "start", "end"} <= set(first["location"])
    assert first["location"]["section"] == "ПРЕДМЕТ ДОГОВОРА" and first["location"]["kind"] == "list_item"
    assert first["excerpt"] == "1.1. Подрядчик выполняет работы в разумный срок."
    assert first["message"] == "Срок «в разумный срок» в п. 1.1 не определён датой или числом дней."
    assert [f["location"]["line"] for f in entry["findings"]] == [6, 4, 5, 8]
    assert first["location"]["end"] - first["location"]["start"] == len("в разумный срок")
    assert entry["findings"][0]["location"]["start"] is None


def test_text_report(files: dict[str, Path]) -> None:
    result = run("check", str(files["contract"]), *ISOLATED)
    assert result.exit_code == 1
    out = result.stdout
    assert out.splitlines()[0] == f'{files["contract"]} · TXT · ошибки: 2, предупреждения: 2, инфо: 0'
    assert "  п. 1.2 · строка 5  ошибка  TST002 · PAY-AS-PERFORMED" in out
    assert "  раздел «ПОРЯДОК ПРИЕМКИ» · строка 6  предупреждение  TST004 · ACC-NO-PROCEDURE" in out
    assert "«1.2. Оплата производится **по мере выполнения** работ.»" in out
    assert "Предложение: «в течение 5 рабочих дней после подписания Акта по каждому\n    этапу»" in out
    assert "Замечаний: 4 (ошибки: 2, предупреждения: 2, инфо: 0)" in out


def test_exit_codes_follow_fail_on(files: dict[str, Path]) -> None:
    assert run("check", str(files["clean"]), *ISOLATED).exit_code == 0
    assert run("check", str(files["warn"]), *ISOLATED).exit_code == 0
    assert run("check", str(files["warn"]), "--fail-on", "warning", *ISOLATED).exit_code == 1
    assert run("check", str(files["contract"]), "--fail-on", "never", *ISOLATED).exit_code == 0
    assert run("check", str(files["warn"]), "--side", "customer", *ISOLATED).exit_code == 1


def test_select_and_ignore(files: dict[str, Path]) -> None:
    def rules(*extra: str) -> list[str]:
        out = run("check", str(files["contract"]), "--format", "json", *ISOLATED, *extra).stdout
        return [f["rule"] for f in json.loads(out)["files"][0]["findings"]]

    assert rules("--select", "LIAB,vague-deadline") == ["TST001", "TST003"]
    assert rules("--select", "mini", "--ignore", "TST004", "--ignore", "PAY") == ["TST001", "TST003"]
    result = run("check", str(files["contract"]), "--select", "NOPE", *ISOLATED)
    assert result.exit_code == 2 and '"NOPE" names no loaded rule' in result.stderr


def test_bad_document_among_good_ones(files: dict[str, Path], tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    result = run("check", str(files["clean"]), str(missing), str(files["contract"]), "--format", "json", *ISOLATED)
    assert result.exit_code == 2
    entries = json.loads(result.stdout)["files"]
    assert [e["path"] for e in entries] == [str(files["clean"]), str(missing), str(files["contract"])]
    assert entries[1]["error"] == f"{missing}: no such file — check the path"
    assert len(entries[2]["findings"]) == 4


def test_directories_are_searched_recursively(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text(CLEAN, encoding="utf-8")
    (tmp_path / "sub" / "a.md").write_text(WARNING_ONLY, encoding="utf-8")
    (tmp_path / "notes.xyz").write_text(CONTRACT, encoding="utf-8")
    result = run("check", str(tmp_path), "--format", "json", *ISOLATED)
    assert [e["path"] for e in json.loads(result.stdout)["files"]] == [str(tmp_path / "b.txt"), str(tmp_path / "sub" / "a.md")]


def test_bad_rule_pack_exits_2_with_location(files: dict[str, Path], tmp_path: Path) -> None:
    pack = tmp_path / "bad"
    pack.mkdir()
    (pack / "pack.yaml").write_text("id: bad\nname: Плохой\n", encoding="utf-8")
    rule = (Path(MINI) / "vague-deadline.yaml").read_text(encoding="utf-8").replace("unless:", "unles:")
    (pack / "vague-deadline.yaml").write_text(rule, encoding="utf-8")
    result = run("check", str(files["clean"]), "--no-builtin", "--pack", str(pack))
    assert result.exit_code == 2
    assert f'{pack / "vague-deadline.yaml"}:19: unknown key "unles" (did you mean "unless")' in result.stderr


def test_usage_errors_exit_2(files: dict[str, Path]) -> None:
    assert run("check", str(files["clean"]), "--format", "xml", *ISOLATED).exit_code == 2
    assert run("check", str(files["clean"]), "--fail-on", "sometimes", *ISOLATED).exit_code == 2
    assert run("check", str(files["clean"]), "--side", "judge", *ISOLATED).exit_code == 2


def test_rules_and_rule_commands() -> None:
    listed = run("rules", "--format", "json", *ISOLATED)
    assert listed.exit_code == 0
    assert [r["id"] for r in json.loads(listed.stdout)["rules"]] == ["TST004", "TST002", "TST003", "TST001"]
    table = run("rules", *ISOLATED).stdout
    assert "TST001" in table and "vague-deadline" in table and "TERM-VAGUE" in table
    shown = run("rule", "vague-deadline", *ISOLATED)
    assert shown.exit_code == 0
    assert shown.stdout.splitlines()[0] == "TST001 vague-deadline: Срок указан оценочным словом"
    for part in ("Категория: TERM-VAGUE", "Ссылки: ГК РФ ст. 314", "Найдёт:", "Не найдёт:",
                 "Предложение: «в течение 5 (пяти) рабочих дней с даты получения заявки»", "ст. 314 ГК РФ"):
        assert part in shown.stdout
    assert run("rule", "NOPE001", *ISOLATED).exit_code == 2


def test_test_rules_passes_on_a_good_pack() -> None:
    result = run("test-rules", MINI)
    assert result.exit_code == 0
    assert result.stdout.strip() == "10 examples, 0 failed — OK"


def test_test_rules_reports_a_failing_example() -> None:
    result = run("test-rules", FAILING)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0] == "FAIL FAIL001 open-list pass[0]: expected pass (no finding), got 1 finding(s)"
    assert lines[1].strip() == "Исполнитель выполняет монтаж и другие работы."
    assert lines[-1] == "2 examples, 1 failed"
