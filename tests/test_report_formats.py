"""Concise, GitHub, JUnit, Markdown, HTML and JSON reports: what a reader and a machine see."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from importlib import resources

import jsonschema
import pytest

from contract_lint.reporters import FORMATS, REPORTERS, render
from contract_lint.reporters.excerpt import make_excerpt
from contract_lint.reporters.github import escape_data, escape_property
from test_report_samples import PENALTY, RULES, sample


def _out(fmt: str, **kwargs) -> str:
    results, docs = sample()
    stream = io.StringIO()
    render(fmt, results, RULES, stream, documents=kwargs.pop("documents", docs), **kwargs)
    return stream.getvalue()


def test_registry_has_every_format():
    assert set(FORMATS) == {"text", "concise", "json", "sarif", "github", "junit", "markdown", "html"}
    assert all(callable(REPORTERS[f]) for f in FORMATS)
    with pytest.raises(ValueError, match="unknown format 'yaml'"):
        render("yaml", [], [], io.StringIO())


def test_concise_one_line_per_finding_with_line_col_code_severity_clause():
    lines = _out("concise").splitlines()
    assert lines == [
        "dogovor.txt:1:1: LIAB004 [предупреждение] В договоре нет условий об ответственности сторон.",
        "dogovor.txt:4:39: TERM001 [предупреждение] Срок указан оценочным словом: «в разумный срок». (п. 3.1)",
        "dogovor.txt:9:26: LIAB001 [ошибка] Неустойка без верхнего предела: «пеню в размере 0,5%». (п. 7.2)",
        "dogovor.docx:2:56: LIAB001 [ошибка] Неустойка без верхнего предела: «за каждый день просрочки». (п. 7.2)",
        "dogovor.docx:3:8: TERM001 [инфо] Срок указан оценочным словом: «по мере выполнения». "
        "(раздел «Ответственность сторон»)",
        "broken.pdf:1:1: ERROR [ошибка чтения] broken.pdf: the file is damaged — open it and save again",
    ]
    assert PENALTY.index("за каждый день просрочки") + 1 == 56


def test_concise_english_interface_words():
    line = _out("concise", lang="en").splitlines()[2]
    assert line.startswith("dogovor.txt:9:26: LIAB001 [error] ") and line.endswith("(cl. 7.2)")


def test_github_workflow_commands_levels_and_escaping():
    lines = _out("github").splitlines()
    assert lines[0] == ("::warning file=dogovor.txt,line=1,title=LIAB004 liability-missing::"
                        "В договоре нет условий об ответственности сторон. (документ в целом)")
    assert lines[2] == ("::error file=dogovor.txt,line=9,col=26,title=LIAB001 penalty-without-cap::"
                        "Неустойка без верхнего предела: «пеню в размере 0,5%25». (п. 7.2 · строка 9)")
    assert lines[4].startswith("::notice file=dogovor.docx,line=3,col=8,title=TERM001 vague-deadline::")
    assert lines[5] == ("::error file=broken.pdf,title=contract-lint::"
                        "broken.pdf: the file is damaged — open it and save again")
    assert escape_data("50%\r\nдалее") == "50%25%0D%0Aдалее"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"


def test_junit_testcase_per_file_failure_per_finding_error_for_unreadable():
    root = ET.fromstring(_out("junit"))
    assert root.tag == "testsuites" and root.get("tests") == "3"
    assert (root.get("failures"), root.get("errors")) == ("2", "1")  # testcases, not findings
    cases = root.findall("./testsuite/testcase")
    assert [c.get("name") for c in cases] == ["dogovor.txt", "dogovor.docx", "broken.pdf"]
    failures = cases[0].findall("failure")
    assert [f.get("type") for f in failures] == ["LIAB004", "TERM001", "LIAB001"]
    assert failures[2].text.splitlines()[0] == "п. 7.2 · строка 9 · LIAB001 penalty-without-cap · LIAB-PENALTY-NO-CAP · ошибка"
    assert "Предложение: «…но не более 10% от суммы неисполненного обязательства»" in failures[2].text
    assert cases[2].find("error").get("message").startswith("broken.pdf: the file is damaged")
    assert cases[2].find("failure") is None


def test_markdown_table_and_details_with_marked_match():
    md = _out("markdown")
    assert md.startswith("# Отчёт contract-lint\n\n**Файлов:** 3 · **Замечаний:** 5 "
                         "(ошибки: 2, предупреждения: 2, инфо: 1) · **Не прочитано:** 1\n")
    assert "## dogovor.txt" in md and "## dogovor.docx" in md and "## broken.pdf" in md
    assert "| 3 | п. 7.2 · строка 9 | ошибка | LIAB001 (LIAB-PENALTY-NO-CAP) | " in md
    assert "> 7.2. Заказчик уплачивает **пеню в размере 0,5%** от суммы долга" in md
    assert "**Предложение:** «…но не более 10% от суммы неисполненного обязательства»" in md
    assert "**не удалось прочитать: broken.pdf: the file is damaged — open it and save again**" in md


def test_html_is_self_contained_and_highlights_in_place():
    page = _out("html")
    assert page.startswith("<!DOCTYPE html>") and "<style>" in page and "<script>" in page
    for remote in ("http://", "https://", "<link", "src="):
        assert remote not in page
    # the clause text is shown with the matched words marked, and the side list links to it
    assert ('уплачивает <span id="f1-3"></span><mark data-finding="f1-3" data-sev="error" data-cat="LIAB-PENALTY-NO-CAP" '
            'class="sev-error" title=') in page
    assert '<a href="#f1-3">' in page
    assert '<input type="checkbox" data-sev="warning" checked>' in page
    assert '<option value="TERM-VAGUE">TERM-VAGUE</option>' in page
    assert "broken.pdf: the file is damaged" in page


def test_html_without_documents_lists_findings_with_excerpts():
    page = _out("html", documents={})
    assert "<mark" not in page
    assert '<div class="excerpt">«7.2. Заказчик уплачивает <b>пеню в размере 0,5%</b>' in page


def test_json_is_the_data_with_one_finding_per_line():
    from contract_lint.reporters.json import to_data

    text = _out("json")
    results, _ = sample()
    assert json.loads(text) == to_data(results)
    lines = text.splitlines()
    assert lines[:3] == ["{", '  "version": 1,', '  "files": [']
    findings = [line for line in lines if line.lstrip().startswith('{"rule": ')]
    assert len(findings) == sum(len(r.findings) for r in results) == 5
    assert all(line.startswith(" " * 8) for line in findings)
    first = json.loads(findings[0].strip().rstrip(","))
    assert (first["rule"], first["location"]["clause"]) == ("LIAB004", None)
    assert '"match": "пеню в размере 0,5%"' in text  # not ASCII-escaped


def test_json_output_validates_against_the_shipped_schema():
    data = json.loads(_out("json"))
    schema = json.loads((resources.files("contract_lint") / "schemas" / "json-output.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)
    assert data["version"] == 1
    first = data["files"][0]["findings"][2]
    assert (first["rule"], first["location"]["clause"], first["location"]["line"]) == ("LIAB001", "7.2", 9)
    assert data["files"][2]["error"].startswith("broken.pdf")
    bad = json.loads(_out("json"))
    bad["files"][0]["findings"][0]["severity"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(bad)


def test_excerpt_elides_long_clause_around_match_at_word_boundaries():
    words = [f"слово{i}" for i in range(200)]
    text = " ".join(words[:100] + ["в", "разумный", "срок"] + words[100:])
    ex = make_excerpt(text, "в разумный срок", width=80)
    assert ex.match == "в разумный срок"
    assert ex.before.startswith("…слово") and ex.after.endswith("…")
    assert ex.before.endswith("слово99 ") and ex.after.startswith(" слово100")
    # never a cut word: every word shown is whole
    shown = ex.text.strip("…").split()
    assert all(w in words or w in ("в", "разумный", "срок") for w in shown)
    assert len(ex.text) <= 82


def test_excerpt_short_clause_is_whole_and_match_found_case_insensitively():
    ex = make_excerpt("Оплата — в разумный срок.\nДалее", "В РАЗУМНЫЙ СРОК")
    assert (ex.before, ex.match, ex.after) == ("Оплата — ", "в разумный срок", ". Далее")
    assert make_excerpt("нет совпадения", "зато").match == ""
