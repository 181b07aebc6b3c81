"""QA pass: the rough edges a lawyer, a legal team and a CI job hit in check, diff, rule and the reports."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from contract_lint.findings import FileResult
from contract_lint.model import BlockKind, DocumentBuilder, Location
from contract_lint.reporters import render
from test_report_samples import RULES, sample

CONTRACT = """1. Сроки

1.1. Исполнитель устраняет недостатки в разумный срок.
"""


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("contract_lint.config.user_config_path", lambda: tmp_path / "no-user-config.yaml")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    (tmp_path / "dogovor.txt").write_text(CONTRACT, encoding="utf-8")


def run(*args: str):
    from contract_lint.cli import app

    return CliRunner().invoke(app, list(args))


def _out(fmt: str, **kwargs) -> str:
    results, docs = sample()
    stream = io.StringIO()
    render(fmt, results, RULES, stream, documents=kwargs.pop("documents", docs), **kwargs)
    return stream.getvalue()


def test_check_into_a_closed_pipe_ends_quietly(monkeypatch):
    # `contract-lint check big-folder | head` used to print «contract-lint: : Broken pipe»
    def closed(*args, **kwargs):
        raise BrokenPipeError(32, "Broken pipe")

    monkeypatch.setattr("contract_lint.rules_cli.write_reports", closed)
    result = run("check", "dogovor.txt", "--no-cache")
    assert result.exit_code == 1
    assert result.stderr == ""


def test_check_names_the_file_it_cannot_write_without_an_empty_prefix(tmp_path):
    result = run("check", "dogovor.txt", "--no-cache", "--output", str(tmp_path))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"contract-lint: {tmp_path}: ")
    assert ": : " not in result.stderr


def test_diff_with_an_unwritable_output_is_one_error_line_not_a_traceback(tmp_path):
    (tmp_path / "new.txt").write_text(CONTRACT, encoding="utf-8")
    result = run("diff", "dogovor.txt", "new.txt", "--output", str(tmp_path))
    assert result.exit_code == 2
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert result.stderr.startswith(f"contract-lint: {tmp_path}: ")
    assert len(result.stderr.splitlines()) == 1


def test_junit_counts_failed_files_never_more_failures_than_tests():
    root = ET.fromstring(_out("junit"))
    # three files: two with findings (5 findings in all), one unreadable
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("3", "2", "1")
    suite = root.find("testsuite")
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("3", "2", "1")
    assert len(root.findall("./testsuite/testcase/failure")) == 5


def test_markdown_details_name_the_category_under_the_file_heading():
    md = _out("markdown")
    assert "### 3. п. 7.2 · строка 9 — LIAB001 (LIAB-PENALTY-NO-CAP)" in md.splitlines()
    assert "####" not in md
    assert "penalty-without-cap" not in md


def test_html_shows_a_typed_clause_number_once_and_an_auto_number_in_the_margin():
    b = DocumentBuilder("dogovor.docx", "docx")
    b.add("1.1. Исполнитель устраняет недостатки.", BlockKind.PARAGRAPH, Location(clause="1.1"), label="1.1.")
    b.add("Заказчик принимает работы.", BlockKind.PARAGRAPH, Location(clause="1.2"), label="1.2.")
    doc = b.build()
    page = io.StringIO()
    render("html", [FileResult("dogovor.docx", "docx", findings=[])], RULES, page, documents={"dogovor.docx": doc})
    html = page.getvalue()
    assert '<span class="label">1.1.</span>' not in html
    assert "1.1. Исполнитель устраняет недостатки." in html
    assert '<span class="label">1.2.</span>Заказчик принимает работы.' in html


def test_select_typo_in_the_config_file_gives_file_line_and_did_you_mean(tmp_path):
    (tmp_path / ".contract-lint.yaml").write_text("fail_on: warning\nselect: [TERM0001]\n", encoding="utf-8")
    result = run("check", "dogovor.txt", "--no-cache")
    assert result.exit_code == 2
    assert result.stderr == (f'contract-lint: {tmp_path / ".contract-lint.yaml"}:2: select: "TERM0001" names no '
                             'loaded rule, category or pack (did you mean "TERM001") (see `contract-lint rules`)\n')


def test_ignore_typo_on_the_command_line_gives_did_you_mean():
    result = run("check", "dogovor.txt", "--no-cache", "--ignore", "vage-deadline")
    assert result.exit_code == 2
    assert result.stderr == ('contract-lint: --ignore: "vage-deadline" names no loaded rule, category or pack '
                             '(did you mean "vague-deadline") (see `contract-lint rules`)\n')


def test_unknown_config_key_with_no_close_match_lists_the_known_keys(tmp_path):
    (tmp_path / ".contract-lint.yaml").write_text("rules:\n  LIAB001:\n    severity: info\n", encoding="utf-8")
    result = run("check", "dogovor.txt", "--no-cache")
    assert result.exit_code == 2
    assert f'{tmp_path / ".contract-lint.yaml"}:1: unknown key "rules" (known keys: packs, select,' in result.stderr


def test_unknown_pdf_engine_is_an_option_error_not_a_read_error_per_file():
    result = run("check", "dogovor.txt", "--no-cache", "--pdf-engine", "foo")
    assert result.exit_code == 2
    assert result.stderr == 'contract-lint: --pdf-engine: "foo" is not one of pdfium, pdfplumber\n'
    assert result.stdout == ""


def test_rule_with_a_typo_suggests_the_closest_rule():
    result = run("rule", "liab01")
    assert result.exit_code == 2
    assert result.stderr == 'contract-lint: no rule "liab01" (did you mean "LIAB001") (see `contract-lint rules`)\n'


def test_rules_on_a_narrow_terminal_keeps_ids_and_names_whole():
    from rich.console import Console

    from contract_lint.api import load_rules
    from contract_lint.engine import EngineOptions
    from contract_lint.rules_cli import print_rules

    out = io.StringIO()
    print_rules(load_rules(EngineOptions()), Console(file=out, width=80, highlight=False))
    lines = out.getvalue().splitlines()
    assert "…" not in out.getvalue()
    at = lines.index("TERM001  vague-deadline  TERM-VAGUE  предупреждение  regex")
    assert lines[at + 1] == "    Срок указан оценочным словом"


def test_watch_reads_the_folder_config_like_check_does(tmp_path):
    from contract_lint.watch_cli import _watcher

    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / ".contract-lint.yaml").write_text(
        "select: [TERM001, LIAB001]\nlang: en\nper_file_ignores:\n  \"draft-*\": [LIAB001]\n", encoding="utf-8")
    text = CONTRACT + "\n2. Ответственность\n\n2.1. Заказчик уплачивает пеню 0,5% от суммы долга за каждый день просрочки.\n"
    (folder / "dogovor.txt").write_text(text, encoding="utf-8")
    (folder / "draft-1.txt").write_text(text, encoding="utf-8")
    watcher = _watcher(folder, tmp_path / "out", ("json",), None, None, None, None, None, None, 1.0, False)
    result = watcher.lint_one(str(folder / "dogovor.txt"))
    assert [f.rule for f in result.findings] == ["TERM001", "LIAB001"]
    assert result.findings[0].message.startswith("The deadline «в разумный срок»")
    draft = watcher.lint_one(str(folder / "draft-1.txt"))
    assert [f.rule for f in draft.findings] == ["TERM001"]


def test_watch_config_typo_is_one_error_line_and_exit_2(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / ".contract-lint.yaml").write_text("selct: [TERM]\n", encoding="utf-8")
    result = run("watch", str(folder), "--out", str(tmp_path / "out"))
    assert result.exit_code == 2
    assert result.stderr == f'contract-lint: {folder / ".contract-lint.yaml"}:1: unknown key "selct" (did you mean "select")\n'


@pytest.mark.parametrize("command", ["", "check", "rules", "rule", "test-rules", "dump", "watch", "annotate",
                                     "diff", "config"])
def test_every_help_screen_is_russian_and_shows_no_python_types(command, monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    result = run(*([command] if command else []), "--help")
    assert result.exit_code == 0
    screen = result.stdout
    for english in ("Show this message", "Show the version", "[required]", "[default:", "─ Options ", "─ Arguments "):
        assert english not in screen
    for label in ("<bool>", "<str>", "<list[", "<path>", "<int>", "{paths}", "{rule_id}"):
        assert label not in screen
    assert "Показать эту справку и выйти." in screen


def test_flags_and_values_are_told_apart_in_check_help(monkeypatch):
    monkeypatch.setenv("COLUMNS", "120")
    lines = run("check", "--help").stdout.splitlines()
    quiet = next(line for line in lines if "--quiet" in line)
    summary = next(line for line in lines if "--summary" in line)
    assert "ПУТЬ" not in quiet and "ТЕКСТ" not in quiet
    assert "ПУТЬ" in summary
    assert any("contract-lint check dogovor.docx" in line for line in lines)


def test_github_annotations_name_files_as_the_runner_expects(tmp_path):
    from contract_lint.reporters.github import workflow_path

    assert workflow_path("./contracts/dogovor.docx") == "contracts/dogovor.docx"
    assert workflow_path(str(tmp_path / "dogovor.txt")) == "dogovor.txt"  # the test runs in tmp_path
    result = run("check", ".", "--no-cache", "--format", "github")
    assert all(line.startswith(("::warning file=dogovor.txt,", "::error file=dogovor.txt,", "::notice file=dogovor.txt,"))
               for line in result.stdout.splitlines())


def test_english_report_counts_say_info_not_infos():
    result = run("check", "dogovor.txt", "--no-cache", "--lang", "en", "--select", "TERM001")
    assert "dogovor.txt · TXT · errors: 0, warnings: 1, info: 0" in result.stdout
    assert "infos" not in result.stdout


def test_text_report_does_not_repeat_the_path_of_an_unreadable_file(tmp_path):
    (tmp_path / "pustoy.docx").write_bytes(b"")
    result = run("check", "pustoy.docx", "--no-cache")
    assert result.exit_code == 2
    lines = result.stdout.splitlines()
    assert lines[0] == "pustoy.docx · DOCX"
    assert lines[1].startswith("  не удалось прочитать: empty file")
