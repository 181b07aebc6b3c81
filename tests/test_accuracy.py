"""Scoring of findings against the corpus expectations; and the corpus accuracy gate."""

from __future__ import annotations

from pathlib import Path

import pytest

from contract_lint.evaluation import (
    OVERALL,
    CorpusCase,
    Expected,
    evaluate_findings,
    finding_matches,
    load_case,
    match_findings,
    normalize_clause,
    tally,
    words_overlap,
)
from contract_lint.findings import Finding, Severity
from contract_lint.model import Location

CORPUS = Path(__file__).parent / "corpus"
MIN_PRECISION = 0.9
MIN_RECALL = 0.85


def finding(category: str, clause: str | None, match: str, *, doc: bool = False) -> Finding:
    """Make a finding as the engine would, with only what scoring reads filled in."""
    return Finding(
        rule="T001", name="test-rule", category=category, severity=Severity.WARNING,
        message="m", suggestion=None, match=match, excerpt=match,
        location=Location(clause=clause), document_level=doc,
    )


def case(expected: list[Expected], silent: set[str]) -> CorpusCase:
    return CorpusCase("99_test", Path("."), "Тест", "услуги", ("docx",), tuple(expected),
                      frozenset(silent))


# --- words and clauses ------------------------------------------------------------


@pytest.mark.parametrize(
    ("expected", "found", "result"),
    [
        ("в разумный срок", "в разумный срок", True),
        ("в разумный срок", "Исполнитель устраняет недостатки в разумный срок", True),
        ("недостатки в разумный срок", "в разумный срок", True),  # either contains the other
        ("В РАЗУМНЫЙ СРОК", "в разумный  срок", True),  # case and spaces folded
        ("по договорённости сторон", "по договоренности", True),  # ё folded
        ("оплата по факту оказания", "по факту выполнения", True),  # shares «факту» (5 letters)
        ("в течение 10 дней", "10 дней", True),
        ("и иные услуги", "и т.д.", False),
        ("по мере возможности", "по возможности", True),  # shares «возможности»
        ("у.е.", "по курсу", False),
        ("срок", "в срок до", True),  # contained, though short
        (None, "anything", True),  # document-level expectation: no words to compare
        ("штраф", "", False),
    ],
)
def test_words_overlap(expected: str | None, found: str, result: bool) -> None:
    assert words_overlap(expected, found) is result


def test_words_overlap_needs_four_letter_shared_word() -> None:
    assert words_overlap("в срок до 1 мая", "срок действия") is True  # «срок» has 4 letters
    assert words_overlap("дни и часы", "часы работы") is True
    assert words_overlap("дни и час", "час работы") is False  # «час» is too short
    assert words_overlap("по курсу", "курсу") is True
    assert words_overlap("срок 2026 г.", "до 2026 года") is False  # digits are not letters


@pytest.mark.parametrize(
    ("raw", "norm"), [("5.2.", "5.2"), (" 5.2 ", "5.2"), ("3)", "3"), ("7", "7"), (None, None), ("", None)]
)
def test_normalize_clause(raw: str | None, norm: str | None) -> None:
    assert normalize_clause(raw) == norm


def test_finding_matches_category_clause_and_words() -> None:
    exp = Expected("TERM-VAGUE", "3.2", "в разумный срок")
    assert finding_matches(exp, finding("TERM-VAGUE", "3.2", "в разумный срок"))
    assert finding_matches(exp, finding("TERM-VAGUE", "3.2.", "разумный срок"))
    assert not finding_matches(exp, finding("TERM-DAYS-TYPE", "3.2", "в разумный срок"))
    assert not finding_matches(exp, finding("TERM-VAGUE", "3.3", "в разумный срок"))
    assert not finding_matches(exp, finding("TERM-VAGUE", None, "в разумный срок"))
    assert not finding_matches(exp, finding("TERM-VAGUE", "3.2", "оперативно"))


def test_document_level_expectation_accepts_any_clause() -> None:
    exp = Expected("LIAB-MISSING")
    assert finding_matches(exp, finding("LIAB-MISSING", None, "", doc=True))
    assert finding_matches(exp, finding("LIAB-MISSING", "8", "", doc=True))  # section it belongs in
    assert not finding_matches(exp, finding("WARR-MISSING", None, "", doc=True))


# --- one-to-one matching ----------------------------------------------------------


def test_each_expected_matches_at_most_one_finding_and_vice_versa() -> None:
    expected = [Expected("TERM-VAGUE", "3.2", "в разумный срок")]
    found = [finding("TERM-VAGUE", "3.2", "в разумный срок"), finding("TERM-VAGUE", "3.2", "разумный срок")]
    pairs, missed, extra = match_findings(expected, found)
    assert (pairs, missed, extra) == ([(0, 0)], [], [1])


def test_matching_is_maximal_not_greedy() -> None:
    # Greedy would give finding 0 to expected 0 and leave expected 1 unmatched.
    expected = [Expected("TERM-VAGUE", "4.1", "в кратчайшие сроки"), Expected("TERM-VAGUE", "4.1", "сроки")]
    found = [finding("TERM-VAGUE", "4.1", "сроки"), finding("TERM-VAGUE", "4.1", "в кратчайшие сроки оперативно")]
    pairs, missed, extra = match_findings(expected, found)
    assert (pairs, missed, extra) == ([(0, 1), (1, 0)], [], [])


def test_two_expected_in_one_clause_need_two_findings() -> None:
    expected = [Expected("VAGUE-QUALIFIER", "5.1", "надлежащим образом"),
                Expected("VAGUE-QUALIFIER", "5.1", "при необходимости")]
    pairs, missed, extra = match_findings(expected, [finding("VAGUE-QUALIFIER", "5.1", "при необходимости")])
    assert (pairs, missed, extra) == ([(1, 0)], [0], [])


# --- counting ---------------------------------------------------------------------


def test_false_positives_count_only_judged_categories() -> None:
    c = case(
        [Expected("TERM-VAGUE", "3.2", "в разумный срок"), Expected("LIAB-MISSING"),
         Expected("PAY-CURRENCY", "4.1", "у.е.")],
        silent={"SCOPE-OPEN-LIST", "WARR-MISSING"},
    )
    found = [
        finding("TERM-VAGUE", "3.2", "в разумный срок"),  # TP
        finding("TERM-VAGUE", "6.1", "оперативно"),  # FP: category expected elsewhere
        finding("LIAB-MISSING", None, "", doc=True),  # TP (document-level)
        finding("SCOPE-OPEN-LIST", "1.1", "и иные услуги"),  # FP: silent category
        finding("WARR-MISSING", None, "", doc=True),  # FP: silent document-level category
        finding("DOC-PLACEHOLDER", "9.1", "№ ____"),  # not judged: not counted
        # PAY-CURRENCY 4.1 not found: FN
    ]
    result = evaluate_findings(c, "docx", found)
    assert [e.category for e, _ in result.matched] == ["TERM-VAGUE", "LIAB-MISSING"]
    assert result.false_negatives == (Expected("PAY-CURRENCY", "4.1", "у.е."),)
    assert [f.category for f in result.false_positives] == ["TERM-VAGUE", "SCOPE-OPEN-LIST", "WARR-MISSING"]
    assert [f.category for f in result.unjudged] == ["DOC-PLACEHOLDER"]

    board = tally([result])
    overall = board.by_category[OVERALL]
    assert (overall.tp, overall.fp, overall.fn) == (2, 3, 1)
    assert overall.precision == pytest.approx(2 / 5)
    assert overall.recall == pytest.approx(2 / 3)
    term = board.by_category["TERM-VAGUE"]
    assert (term.tp, term.fp, term.fn, term.precision, term.recall) == (1, 1, 0, 0.5, 1.0)
    pay = board.by_category["PAY-CURRENCY"]
    assert (pay.tp, pay.fp, pay.fn, pay.precision, pay.recall) == (0, 0, 1, None, 0.0)
    assert "DOC-PLACEHOLDER" not in board.by_category


def test_tally_sums_formats_and_cases() -> None:
    c = case([Expected("PAY-NO-DEADLINE", "4.2", "оплачивает")], silent={"PAY-CURRENCY"})
    docx = evaluate_findings(c, "docx", [finding("PAY-NO-DEADLINE", "4.2", "Заказчик оплачивает услуги")])
    pdf = evaluate_findings(c, "pdf", [finding("PAY-CURRENCY", "4.3", "по курсу ЦБ РФ")])
    board = tally([docx, pdf])
    s = board.by_category["PAY-NO-DEADLINE"]
    assert (s.tp, s.fp, s.fn) == (1, 0, 1)
    s = board.by_category["PAY-CURRENCY"]
    assert (s.tp, s.fp, s.fn, s.precision) == (0, 1, 0, 0.0)
    assert (board.overall.tp, board.overall.fp, board.overall.fn) == (1, 1, 1)


def test_clean_contract_scores_nothing() -> None:
    c = case([], silent={"TERM-VAGUE"})
    board = tally([evaluate_findings(c, "pdf", [])])
    assert board.overall.precision is None and board.overall.recall is None


def test_load_case_reads_expected_yaml(tmp_path: Path) -> None:
    folder = tmp_path / "42_demo"
    folder.mkdir()
    (folder / "expected.yaml").write_text(
        "title: Договор\nkind: услуги\nnumbering: typed\nformats: [pdf]\n"
        "expected:\n  - {category: TERM-VAGUE, clause: '3.2', match: «оперативно»}\n"
        "  - {category: LIAB-MISSING}\nsilent: [PAY-CURRENCY]\n",
        encoding="utf-8",
    )
    c = load_case(folder)
    assert (c.name, c.kind, c.formats) == ("42_demo", "услуги", ("pdf",))
    assert c.expected == (Expected("TERM-VAGUE", "3.2", "«оперативно»"), Expected("LIAB-MISSING"))
    assert c.silent == frozenset({"PAY-CURRENCY"})
    assert c.judged == frozenset({"PAY-CURRENCY", "TERM-VAGUE", "LIAB-MISSING"})


def test_load_case_rejects_unquoted_decimal_clause(tmp_path: Path) -> None:
    folder = tmp_path / "43_demo"
    folder.mkdir()
    (folder / "expected.yaml").write_text(
        "expected:\n  - {category: TERM-VAGUE, clause: 3.10, match: срок}\n", encoding="utf-8"
    )
    with pytest.raises(ValueError, match="quote the clause"):
        load_case(folder)


# --- the corpus gate --------------------------------------------------------------


@pytest.mark.corpus
def test_corpus_accuracy_meets_the_bar() -> None:
    """Lint every built corpus file with the default rules; precision >= 0.9, recall >= 0.85."""
    from contract_lint.evaluation import evaluate_default, load_corpus

    assert load_corpus(CORPUS), "no tests/corpus/*/expected.yaml"
    results = evaluate_default(CORPUS)
    overall = tally(results).overall
    errors = [f"{r.case}/{r.format}: {r.error}" for r in results if r.error]
    report = (
        f"TP={overall.tp} FP={overall.fp} FN={overall.fn} precision={overall.precision} "
        f"recall={overall.recall}; errors: {errors[:3]}; details: python benchmarks/accuracy.py"
    )
    assert not errors, report
    assert overall.precision is not None and overall.precision >= MIN_PRECISION, report
    assert overall.recall is not None and overall.recall >= MIN_RECALL, report
