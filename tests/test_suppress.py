"""Inline waivers: Word comments and `<!-- contract-lint: ignore … -->` directives."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from contract_lint.checking import run_check
from contract_lint.config import Config
from contract_lint.model import BlockKind, Comment, DocumentBuilder, Location
from contract_lint.parsers.text import parse_text
from contract_lint.suppress import apply_waivers, parse_directive, waivers
from test_report_samples import RULES, finding_at, missing_finding

TEXT = """1.1. Исполнитель оказывает услуги в разумный срок.

<!-- contract-lint: ignore TERM001 — срок согласован письмом от 01.11 -->
1.2. Заказчик оплачивает услуги в разумный срок.

1.3. Иные работы выполняются в разумный срок.
"""


def test_parse_directive_codes_and_reason():
    assert parse_directive("contract-lint: ignore LIAB001, TERM-VAGUE — согласовано с юристом") == (
        ("LIAB001", "TERM-VAGUE"), "согласовано с юристом")
    assert parse_directive("contract-lint: ignore penalty-without-cap - принято") == (("penalty-without-cap",), "принято")
    assert parse_directive("Contract-Lint: ignore LIAB") == (("LIAB",), None)
    assert parse_directive("Проверьте этот пункт") is None


def test_text_directive_waives_the_next_clause_only():
    doc = parse_text("a.md", TEXT.encode("utf-8"), markdown=True)
    found = [finding_at(doc, RULES[1], "в разумный срок", nth=i) for i in range(3)]
    outcome = apply_waivers(doc, found)
    assert [f.location.clause for f in outcome.kept] == ["1.1", "1.3"]
    ((waived, waiver),) = outcome.waived
    assert waived.location.clause == "1.2"
    assert (waiver.codes, waiver.reason, waiver.line, waiver.source) == (
        ("TERM001",), "срок согласован письмом от 01.11", 3, "directive")


def test_text_directive_waives_only_the_named_code():
    doc = parse_text("a.txt", TEXT.encode("utf-8"))
    penalty = replace(finding_at(doc, RULES[1], "в разумный срок", nth=1), rule="LIAB001",
                      name="penalty-without-cap", category="LIAB-PENALTY-NO-CAP")
    assert apply_waivers(doc, [penalty]).kept == [penalty]


def _docx_with_comment(text: str, on: str):
    b = DocumentBuilder("d.docx", "docx")
    b.add("Исполнитель выполняет работы в разумный срок.", BlockKind.LIST_ITEM, Location(clause="3.1"))
    p = b.add("Заказчик уплачивает пеню в размере 0,5% за каждый день просрочки.", BlockKind.LIST_ITEM,
              Location(clause="7.2"))
    b.add("Пеня по этому пункту начисляется в разумный срок.", BlockKind.PARAGRAPH, Location(clause="7.2"))
    start = p.start + p.text.index(on)
    b.comments.append(Comment("Юрист А. Примеров", text, start, start + len(on)))
    return b.build()


def test_word_comment_waives_codes_in_the_commented_range_and_clause():
    doc = _docx_with_comment("contract-lint: ignore LIAB-PENALTY-NO-CAP, TERM001 — принято по протоколу", "пеню")
    penalty = finding_at(doc, RULES[0], "пеню в размере 0,5%")
    same_clause = finding_at(doc, RULES[1], "в разумный срок", nth=1)  # clause 7.2, next paragraph
    other_clause = finding_at(doc, RULES[1], "в разумный срок", nth=0)  # clause 3.1
    outcome = apply_waivers(doc, [other_clause, penalty, same_clause])
    assert outcome.kept == [other_clause]
    assert [w.author for _, w in outcome.waived] == ["Юрист А. Примеров", "Юрист А. Примеров"]
    assert outcome.waived[0][1].reason == "принято по протоколу"


def test_word_comment_by_rule_name_and_category_prefix():
    doc = _docx_with_comment("contract-lint: ignore penalty-without-cap", "пеню")
    assert apply_waivers(doc, [finding_at(doc, RULES[0], "пеню в размере 0,5%")]).kept == []
    doc = _docx_with_comment("contract-lint: ignore LIAB", "пеню")
    assert apply_waivers(doc, [finding_at(doc, RULES[0], "пеню в размере 0,5%")]).kept == []
    doc = _docx_with_comment("contract-lint: ignore TERM", "пеню")
    kept = apply_waivers(doc, [finding_at(doc, RULES[0], "пеню в размере 0,5%")]).kept
    assert [f.rule for f in kept] == ["LIAB001"]


def test_ordinary_comments_waive_nothing_and_unused_waivers_are_listed():
    doc = _docx_with_comment("Уточнить размер пени", "пеню")
    assert waivers(doc) == []
    doc = _docx_with_comment("contract-lint: ignore PAY001 — не про оплату", "пеню")
    outcome = apply_waivers(doc, [finding_at(doc, RULES[0], "пеню в размере 0,5%")])
    assert len(outcome.kept) == 1 and [w.codes for w in outcome.unused] == [("PAY001",)]


def test_document_level_finding_is_waived_by_its_code_anywhere():
    doc = _docx_with_comment("contract-lint: ignore LIAB-MISSING — ответственность в рамочном договоре", "пеню")
    assert apply_waivers(doc, [missing_finding()]).kept == []


FIXTURE = Path(__file__).parent / "fixtures" / "waivers" / "waiver.docx"  # made by make_waiver_docx.py


def test_word_comment_in_a_real_docx_waives_liab001_in_clause_2_1_only(tmp_path, monkeypatch):
    monkeypatch.setattr("contract_lint.config.user_config_path", lambda: tmp_path / "none.yaml")
    run = run_check([FIXTURE], Config(select=("TERM001", "LIAB001")))
    (result,) = run.results
    assert [(f.rule, f.location.clause) for f in result.findings] == [("TERM001", "1.1"), ("LIAB001", "2.2")]
    unwaived = run_check([FIXTURE], Config(select=("TERM001", "LIAB001")), keep_documents=True)
    doc = unwaived.documents[str(FIXTURE)]
    assert doc.comments[0].author == "Юрист А. Примеров"
