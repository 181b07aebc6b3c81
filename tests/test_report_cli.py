"""`check`, `diff` and `config` end to end: formats, several outputs, config, baseline, waivers, exit codes."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

SARIF_FILE = json.loads((Path(__file__).parent / "data" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
SARIF = {**SARIF_FILE, "$ref": "#/definitions/Root"}
JSON_SCHEMA = json.loads((resources.files("contract_lint") / "schemas" / "json-output.schema.json").read_text("utf-8"))

CONTRACT = """1. Сроки

1.1. Исполнитель устраняет недостатки в разумный срок.

2. Ответственность сторон

2.1. Заказчик уплачивает пеню в размере 0,5% от суммы долга за каждый день просрочки.
"""
SELECT = ["--select", "TERM001,LIAB001"]


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("contract_lint.config.user_config_path", lambda: tmp_path / "no-user-config.yaml")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # never the user's result cache


def run(*args: str):
    from contract_lint.cli import app

    return CliRunner().invoke(app, list(args))


def _contract(tmp_path: Path, name: str = "dogovor.txt", text: str = CONTRACT) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_several_outputs_in_one_run(tmp_path):
    _contract(tmp_path)
    result = run("check", "dogovor.txt", *SELECT, "--format", "json", "--output", "a.json",
                 "--format", "sarif", "--output", "b.sarif", "--format", "concise")
    assert result.exit_code == 1, result.stdout
    assert result.stdout.splitlines() == [
        "dogovor.txt:3:39: TERM001 [предупреждение] Срок «в разумный срок» не определён ни датой, ни числом дней. (п. 1.1)",
        "dogovor.txt:7:41: LIAB001 [ошибка] Неустойка 0,5% за день начисляется без верхнего предела "
        "(≈ 182,5% годовых). (п. 2.1)",
    ]
    data = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(JSON_SCHEMA).validate(data)
    assert [(f["rule"], f["location"]["clause"], f["location"]["line"]) for f in data["files"][0]["findings"]] == [
        ("TERM001", "1.1", 3), ("LIAB001", "2.1", 7)]
    sarif = json.loads((tmp_path / "b.sarif").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(SARIF).validate(sarif)
    results = sarif["runs"][0]["results"]
    assert [(r["ruleId"], r["level"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results] == [
        ("TERM001", "warning", 3), ("LIAB001", "error", 7)]
    assert {r["id"] for r in sarif["runs"][0]["tool"]["driver"]["rules"]} == {"TERM001", "LIAB001"}


def test_fingerprints_equal_across_runs_and_after_inserting_a_paragraph(tmp_path):
    _contract(tmp_path)
    run("check", "dogovor.txt", *SELECT, "--format", "sarif", "--output", "1.sarif")
    run("check", "dogovor.txt", *SELECT, "--format", "sarif", "--output", "2.sarif")
    _contract(tmp_path, text="Преамбула договора.\n\n" + CONTRACT)
    run("check", "dogovor.txt", *SELECT, "--format", "sarif", "--output", "3.sarif")
    prints = [[r["partialFingerprints"]["contractLint/v1"] for r in json.loads((tmp_path / n).read_text())["runs"][0]["results"]]
              for n in ("1.sarif", "2.sarif", "3.sarif")]
    assert prints[0] == prints[1] == prints[2] and prints[0][0] != prints[0][1]


def test_exit_codes_and_format_errors(tmp_path):
    _contract(tmp_path)
    assert run("check", "dogovor.txt", *SELECT, "--fail-on", "never").exit_code == 0
    assert run("check", "dogovor.txt", "--select", "TERM001").exit_code == 0  # only a warning
    assert run("check", "dogovor.txt", "--select", "TERM001", "--fail-on", "warning").exit_code == 1
    missing = run("check", "nope.txt", *SELECT, "--format", "concise")
    assert missing.exit_code == 2 and missing.stdout.startswith("nope.txt:1:1: ERROR [ошибка чтения] nope.txt")
    assert missing.stderr == "contract-lint: error: nope.txt: no such file — check the path\n"
    bad = run("check", "dogovor.txt", "--format", "yaml")
    assert bad.exit_code == 2 and '--format: "yaml" is not one of text, concise' in bad.stderr
    two = run("check", "dogovor.txt", "--format", "json", "--format", "concise")
    assert two.exit_code == 2 and "only one format can go to standard output" in two.stderr


def test_config_found_from_the_checked_file_and_shown_by_config_command(tmp_path):
    (tmp_path / "sub").mkdir()
    _contract(tmp_path / "sub")
    (tmp_path / ".contract-lint.yaml").write_text(
        "select: [TERM001]\nseverity:\n  TERM001: error\nlang: en\n", encoding="utf-8")
    result = run("check", "sub/dogovor.txt", "--format", "concise")
    assert result.exit_code == 1
    assert result.stdout.startswith("sub/dogovor.txt:3:39: TERM001 [error] ")
    shown = run("config", "sub/dogovor.txt")
    assert shown.exit_code == 0
    assert f'select: ["TERM001"]  # {tmp_path.resolve()}/.contract-lint.yaml:1' in shown.stdout
    assert 'fail_on: "error"  # default' in shown.stdout


def test_unknown_config_key_is_exit_2_with_file_line_and_suggestion(tmp_path):
    _contract(tmp_path)
    cfg = tmp_path / "ci.yaml"
    cfg.write_text("select: [TERM001]\nfail-on: warning\n", encoding="utf-8")
    result = run("check", "dogovor.txt", "--config", str(cfg))
    assert result.exit_code == 2
    assert f'{cfg.resolve()}:2: unknown key "fail-on" (did you mean "fail_on")' in result.stderr
    bad_rule = tmp_path / "r.yaml"
    bad_rule.write_text("severity:\n  TERM01: error\n", encoding="utf-8")
    result = run("check", "dogovor.txt", "--config", str(bad_rule))
    assert result.exit_code == 2 and 'severity: "TERM01" names no loaded rule (did you mean "TERM001")' in result.stderr


def test_baseline_hides_recorded_findings_shows_new_ones_and_stale_entries(tmp_path):
    _contract(tmp_path)
    written = run("check", "dogovor.txt", *SELECT, "--write-baseline", "contract-lint.baseline.yaml")
    assert written.exit_code == 0
    entries = yaml.safe_load((tmp_path / "contract-lint.baseline.yaml").read_text(encoding="utf-8"))["entries"]
    assert [(e["path"], e["rule"], e["clause"]) for e in entries] == [("dogovor.txt", "TERM001", "1.1"),
                                                                        ("dogovor.txt", "LIAB001", "2.1")]
    clean = run("check", "dogovor.txt", *SELECT, "--baseline", "contract-lint.baseline.yaml", "--format", "concise")
    assert (clean.exit_code, clean.stdout) == (0, "")
    changed = CONTRACT.replace("в разумный срок", "в течение 5 рабочих дней") + \
        "\n2.2. Исполнитель отвечает на претензии в разумный срок.\n"
    _contract(tmp_path, text=changed)
    result = run("check", "dogovor.txt", *SELECT, "--baseline", "contract-lint.baseline.yaml", "--format", "concise")
    lines = result.stdout.splitlines()
    assert lines[0].startswith("dogovor.txt:1:1: BASELINE-STALE [инфо] Запись базовой линии ")
    assert "(TERM001, п. 1.1, «в разумный срок»)" in lines[0] and lines[0].endswith("(п. 1.1)")
    assert lines[1].startswith("dogovor.txt:9:") and " TERM001 " in lines[1] and lines[1].endswith("(п. 2.2)")
    assert len(lines) == 2 and result.exit_code == 0


def test_markdown_waiver_suppresses_the_next_clause(tmp_path):
    text = CONTRACT.replace("2.1. Заказчик", "<!-- contract-lint: ignore LIAB001 — согласовано -->\n2.1. Заказчик")
    _contract(tmp_path, "dogovor.md", text)
    result = run("check", "dogovor.md", *SELECT, "--format", "concise")
    assert result.exit_code == 0
    assert [line.split()[1] for line in result.stdout.splitlines()] == ["TERM001"]


def test_diff_reports_only_findings_new_in_the_new_version(tmp_path):
    _contract(tmp_path, "v1.txt")
    _contract(tmp_path, "v2.txt", "Преамбула.\n\n" + CONTRACT.replace("1.1. Исполнитель", "1.2. Исполнитель")
              + "\n2.2. Заказчик рассматривает претензию в разумный срок.\n")
    result = run("diff", "v1.txt", "v2.txt", *SELECT, "--format", "concise")
    assert result.exit_code == 0  # the new finding is a warning
    assert len(result.stdout.splitlines()) == 1
    assert result.stdout.startswith("v2.txt:11:") and "TERM001" in result.stdout and "(п. 2.2)" in result.stdout
    assert run("diff", "v1.txt", "v2.txt", *SELECT, "--fail-on", "warning").exit_code == 1
    same = run("diff", "v1.txt", "v1.txt", *SELECT, "--format", "json")
    assert same.exit_code == 0 and json.loads(same.stdout)["files"][0]["findings"] == []


def test_html_report_contains_the_contract_text(tmp_path):
    _contract(tmp_path)
    assert run("check", "dogovor.txt", *SELECT, "--format", "html", "--output", "r.html").exit_code == 1
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "Исполнитель устраняет недостатки <span id=\"f1-1\"></span><mark" in page


def test_english_interface(tmp_path):
    _contract(tmp_path)
    result = run("check", "dogovor.txt", *SELECT, "--lang", "en", "--format", "concise")
    assert result.stdout.splitlines()[0] == (
        "dogovor.txt:3:39: TERM001 [warning] The deadline «в разумный срок» is neither a date nor a number of days. (cl. 1.1)")


def test_github_format_in_the_run(tmp_path):
    _contract(tmp_path)
    result = run("check", "dogovor.txt", *SELECT, "--format", "github")
    assert result.stdout.splitlines()[1].startswith(
        "::error file=dogovor.txt,line=7,col=41,title=LIAB001 penalty-without-cap::Неустойка 0,5%25 за день")


def test_rule_options_from_config_change_what_is_reported(tmp_path):
    _contract(tmp_path)
    cfg = tmp_path / ".contract-lint.yaml"
    cfg.write_text("select: [LIAB002]\n", encoding="utf-8")
    assert "LIAB002" in run("check", "dogovor.txt", "--format", "concise").stdout  # 182,5% a year > 100
    cfg.write_text("select: [LIAB002]\noptions:\n  LIAB002: {min_annual_rate: 200}\n", encoding="utf-8")
    assert run("check", "dogovor.txt", "--format", "concise").stdout == ""
    cfg.write_text("select: [LIAB002]\noptions:\n  penalty-excessive: {min_rate: 200}\n", encoding="utf-8")
    result = run("check", "dogovor.txt")
    assert result.exit_code == 2
    assert ("options.penalty-excessive: Additional properties are not allowed ('min_rate' was unexpected) "
            '(did you mean "min_annual_rate")') in result.stderr


def test_column_is_within_the_source_line_of_a_wrapped_paragraph(tmp_path):
    _contract(tmp_path, "w.txt", "2.1. Заказчик уплачивает пеню\nв размере 0,5% от суммы долга за каждый день просрочки.\n")
    result = run("check", "w.txt", "--select", "LIAB001", "--format", "concise")
    assert result.stdout.startswith("w.txt:2:11: LIAB001 [ошибка] ")
    run("check", "w.txt", "--select", "LIAB001", "--format", "sarif", "--output", "w.sarif")
    region = json.loads((tmp_path / "w.sarif").read_text())["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (2, 11)


def test_text_report_through_the_cli_is_plain_and_quiet_is_short(tmp_path):
    _contract(tmp_path)
    result = run("check", "dogovor.txt", *SELECT)
    assert result.exit_code == 1 and "\x1b" not in result.stdout
    lines = result.stdout.splitlines()
    assert lines[0] == "dogovor.txt · TXT · ошибки: 1, предупреждения: 1, инфо: 0"
    assert lines[1] == "  п. 1.1 · строка 3  предупреждение  TERM001 · TERM-VAGUE"
    assert "    «1.1. Исполнитель устраняет недостатки **в разумный срок**.»" in lines
    quiet = run("check", "dogovor.txt", *SELECT, "--quiet").stdout
    assert "Предложение" not in quiet and "  п. 2.1 · строка 7  ошибка  LIAB001 · LIAB-PENALTY-NO-CAP" in quiet


def test_pair_outputs_follows_the_order_of_the_arguments():
    from contract_lint.checking import pair_outputs

    assert pair_outputs(["a.txt", "--format", "json", "--output", "a.json", "-f", "sarif", "-o", "b.sarif",
                         "--format=concise"]) == [("json", "a.json"), ("sarif", "b.sarif"), ("concise", None)]
    assert pair_outputs(["a.txt", "-fhtml", "-or.html", "--format", "text"]) == [("html", "r.html"), ("text", None)]
    assert pair_outputs(["a.txt", "--output", "r.txt"]) == [("text", "r.txt")]
    assert pair_outputs(["a.txt"]) == [("text", None)]
