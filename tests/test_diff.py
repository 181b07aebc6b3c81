"""`diff`: findings of a new version that the old version did not have, matched by fingerprint."""

from __future__ import annotations

from contract_lint.diff import diff_results, new_findings
from contract_lint.findings import FileResult
from contract_lint.model import BlockKind, DocumentBuilder, Location
from test_report_samples import RULES, finding_at


def _doc(path: str, clauses: list[tuple[str, str]]):
    b = DocumentBuilder(path, "txt")
    for number, text in clauses:
        b.add(f"{number}. {text}", BlockKind.PARAGRAPH, Location(clause=number))
    return b.build()


OLD = [("3.1", "Исполнитель устраняет недостатки в разумный срок."),
       ("7.2", "Заказчик уплачивает пеню в размере 0,5% за каждый день просрочки.")]


def test_renumbered_and_moved_clauses_are_not_new_but_added_ones_are():
    old = _doc("v1.txt", OLD)
    new = _doc("v2.txt", [("1.1", "Новый пункт о порядке приёмки."), ("3.2", OLD[0][1]),
                          ("5.1", "Исполнитель отвечает на запросы в разумный срок."), ("8.2", OLD[1][1])])
    old_findings = [finding_at(old, RULES[1], "в разумный срок"), finding_at(old, RULES[0], "пеню в размере 0,5%")]
    new_f = [finding_at(new, RULES[1], "в разумный срок", nth=0), finding_at(new, RULES[1], "в разумный срок", nth=1),
             finding_at(new, RULES[0], "пеню в размере 0,5%")]
    added = new_findings(old_findings, new_f)
    assert [(f.rule, f.location.clause) for f in added] == [("TERM001", "5.1")]


def test_reworded_clause_is_new_and_duplicates_count():
    old = _doc("v1.txt", OLD)
    new = _doc("v2.txt", [("7.2", "Заказчик уплачивает пеню в размере 1% за каждый день просрочки.")])
    assert [f.match for f in new_findings([finding_at(old, RULES[0], "пеню в размере")],
                                          [finding_at(new, RULES[0], "пеню в размере")])] == ["пеню в размере"]
    twice = _doc("v2.txt", [OLD[0], ("3.1", OLD[0][1].replace("3.1", "3.1"))])
    assert len(new_findings([finding_at(old, RULES[1], "в разумный срок")],
                           [finding_at(twice, RULES[1], "в разумный срок", nth=i) for i in range(2)])) == 1


def test_diff_results_keeps_new_path_and_reports_errors_of_either_side():
    old = _doc("v1.txt", OLD)
    f = finding_at(old, RULES[1], "в разумный срок")
    result = diff_results(FileResult("v1.txt", "txt", [f]), FileResult("v2.txt", "txt", [f]))
    assert (result.path, result.findings, result.error) == ("v2.txt", [], None)
    broken = diff_results(FileResult("v1.pdf", "pdf", error="damaged — save again"), FileResult("v2.txt", "txt", [f]))
    assert broken.error == "v1.pdf: damaged — save again" and broken.findings == [f]
