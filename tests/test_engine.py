"""The engine: conditions, missing, scope, severities, selection, messages, excerpts."""

from __future__ import annotations

import pytest

from contract_lint.api import lint_document
from contract_lint.engine import Engine, EngineOptions, exit_code, format_message, select_rules
from contract_lint.errors import ConfigError
from contract_lint.findings import FileResult, Severity
from contract_lint.model import BlockKind, DocumentBuilder, Location
from contract_lint.parsers.plain import paragraphs_to_document
from engine_util import lint, make_rule

VAGUE = {"phrase": ["в разумный срок"]}


def test_unless_within_sentence() -> None:
    rule = make_rule(VAGUE, unless=[{"within": "sentence", "phrase": ["не позднее"]}])
    assert lint("Устраняет в разумный срок, но не позднее 5 дней.", rule) == []
    found = lint("Устраняет в разумный срок. Не позднее чем всегда.", rule)
    assert [f.match for f in found] == ["в разумный срок"]


def test_unless_within_clause_spans_paragraphs_of_the_clause() -> None:
    rule = make_rule(VAGUE, unless=[{"within": "clause", "phrase": ["не позднее"]}])
    doc = ["5.1. Исполнитель устраняет недостатки в разумный срок.", "Но не позднее 10 рабочих дней.",
           "5.2. Заказчик принимает работы в разумный срок.", "5.3. Не позднее 3 дней."]
    found = lint(doc, rule)
    assert [(f.location.clause, f.match) for f in found] == [("5.2", "в разумный срок")]


def test_unless_after_and_before() -> None:
    after = make_rule(VAGUE, unless=[{"within": "sentence", "after": True, "phrase": ["не позднее"]}])
    before = make_rule(VAGUE, unless=[{"within": "sentence", "before": True, "phrase": ["не позднее"]}])
    text_after = "Устраняет в разумный срок, но не позднее 5 дней."
    text_before = "Не позднее 5 дней, а иначе в разумный срок."
    assert lint(text_after, after) == [] and len(lint(text_before, after)) == 1
    assert lint(text_before, before) == [] and len(lint(text_after, before)) == 1


def test_requires_within_document_and_sentence() -> None:
    rule = make_rule(VAGUE, requires=[{"within": "document", "regex": r"\bработ"}])
    assert len(lint(["1.1. Подрядчик выполняет работы.", "1.2. Сдаёт в разумный срок."], rule)) == 1
    assert lint(["1.1. Исполнитель оказывает услуги.", "1.2. Сдаёт в разумный срок."], rule) == []
    sentence = make_rule(VAGUE, requires=[{"within": "sentence", "phrase": ["оплата"]}])
    assert [f.match for f in lint("Оплата в разумный срок. Поставка в разумный срок.", sentence)] == ["в разумный срок"]
    assert lint("Оплата в разумный срок. Поставка в разумный срок.", sentence)[0].start == 7


def test_regex_check_on_folded_text_with_named_group() -> None:
    rule = make_rule({"regex": r"пен[ьяию] в размере (?P<m>\d+(?:,\d+)?\s?%)"})
    found = lint("7.2. Подрядчик уплачивает ПЕНЮ в размере 0,1% от суммы.", rule)
    assert [(f.match, f.location.clause) for f in found] == [("0,1%", "7.2")]
    assert lint("Всё хорошо.", make_rule({"regex": "все"}))[0].match == "Всё"


def test_regex_timeout_is_an_error_naming_the_rule_not_a_hang() -> None:
    rule = make_rule({"regex": r"(\w|\w\w)+\d"}, id="SLOW001", name="slow-rule")
    doc = paragraphs_to_document(["абвгд" * 8])
    good = make_rule(VAGUE, id="OK001", name="ok-rule")
    result = lint_document(doc, [rule, good], EngineOptions(regex_timeout=0.2))
    assert result.error is not None and "SLOW001" in result.error and "slow-rule" in result.error
    assert exit_code([result]) == 2


def test_missing_points_to_the_section() -> None:
    rule = make_rule({"missing": {"any": [{"phrase": ["акт сдачи-приемки"]}, {"regex": "считаются принятыми"}],
                                  "point_to_section": "приемк"}}, category="ACC-NO-PROCEDURE",
                     message="Нет порядка приёмки{section}")
    doc = ["1. ПРЕДМЕТ ДОГОВОРА", "1.1. Подрядчик выполняет работы.", "2. ПОРЯДОК ПРИЕМКИ",
           "2.1. Заказчик проверяет результат."]
    found = lint(doc, rule)
    assert len(found) == 1
    f = found[0]
    assert f.document_level and f.start is None and f.match == ""
    assert (f.location.section, f.block, f.excerpt) == ("ПОРЯДОК ПРИЕМКИ", 2, "2. ПОРЯДОК ПРИЕМКИ")
    assert lint(doc + ["2.2. Стороны подписывают Акт сдачи-приёмки."], rule) == []
    assert lint(doc + ["2.2. Работы считаются принятыми."], rule) == []


def test_missing_without_section_is_about_the_whole_document() -> None:
    rule = make_rule({"missing": {"any": [{"regex": "гаранти"}]}})
    found = lint(["1.1. Подрядчик выполняет работы."], rule)
    assert [(f.document_level, f.location.clause, f.block) for f in found] == [(True, None, None)]


def test_missing_only_counts_matches_in_scope() -> None:
    rule = make_rule({"missing": {"any": [{"regex": "гаранти"}]}}, scope={"exclude_sections": ["реквизит"]})
    doc = ["1.1. Подрядчик выполняет работы.", "РЕКВИЗИТЫ СТОРОН", "ООО «Гарантия-Плюс»"]
    assert len(lint(doc, rule)) == 1


def _doc_with_furniture():
    b = DocumentBuilder("x.docx", "docx")
    b.add("Срок в разумный срок.", BlockKind.PARAGRAPH, Location(clause="1.1", section="ПРЕДМЕТ"))
    b.add("Ответ в разумный срок.", BlockKind.TABLE_CELL, Location(clause="1.1", section="ПРЕДМЕТ", table=1, row=1, col=1))
    b.add("Колонтитул в разумный срок", BlockKind.HEADER, Location())
    b.add("Скрыто в разумный срок", BlockKind.PARAGRAPH, Location(section="ПРЕДМЕТ"), lint=False)
    b.add("Банк в разумный срок.", BlockKind.PARAGRAPH, Location(clause="9.1", section="РЕКВИЗИТЫ СТОРОН"))
    return b.build()


@pytest.mark.parametrize(
    "scope, expected",
    [
        ({}, [0, 1, 2, 4]),
        ({"kinds": ["table_cell"]}, [1]),
        ({"exclude_kinds": ["header", "footer"]}, [0, 1, 4]),
        ({"sections": ["предмет"]}, [0, 1]),
        ({"exclude_sections": ["реквизит"]}, [0, 1, 2]),
    ],
)
def test_scope_and_unlinted_blocks(scope: dict, expected: list[int]) -> None:
    rule = make_rule(VAGUE, scope=scope)
    result = lint_document(_doc_with_furniture(), [rule])
    assert [f.block for f in result.findings] == expected


def test_clause_spans_paragraphs_and_tables() -> None:
    rule = make_rule(VAGUE, unless=[{"within": "clause", "regex": "ответ"}])
    assert [f.block for f in lint_document(_doc_with_furniture(), [rule]).findings] == [2, 4]


def test_severity_by_side_and_overrides() -> None:
    rule = make_rule(VAGUE, severity="warning", severity_by_side={"customer": "error", "contractor": "info"})
    text = "Сдаёт в разумный срок."
    assert lint(text, rule)[0].severity == Severity.WARNING
    assert lint(text, rule, side="customer")[0].severity == Severity.ERROR
    assert lint(text, rule, side="contractor")[0].severity == Severity.INFO
    for key in ("T001", "test-rule", "TERM-VAGUE", "TERM"):
        assert lint(text, rule, severity_overrides={key: Severity.INFO})[0].severity == Severity.INFO
    both = {"TERM-VAGUE": Severity.INFO, "T001": Severity.ERROR}
    assert lint(text, rule, severity_overrides=both)[0].severity == Severity.ERROR


def test_select_and_ignore_by_code_name_category_prefix_and_pack() -> None:
    a = make_rule(VAGUE, id="TERM001", name="vague-deadline", category="TERM-VAGUE", pack="ru")
    b = make_rule(VAGUE, id="LIAB001", name="penalty-no-cap", category="LIAB-PENALTY-NO-CAP", pack="ru")
    c = make_rule(VAGUE, id="X001", name="other", category="LIAB-GENERIC", pack="mine")
    ids = lambda rules: [r.id for r in rules]  # noqa: E731
    assert ids(select_rules([a, b, c], ["LIAB"])) == ["LIAB001", "X001"]
    assert ids(select_rules([a, b, c], ["term001", "penalty-no-cap"])) == ["TERM001", "LIAB001"]
    assert ids(select_rules([a, b, c], ["LIAB-GENERIC"])) == ["X001"]
    assert ids(select_rules([a, b, c], ["ru"], ["LIAB"])) == ["TERM001"]
    assert ids(select_rules([a, b, c], [], ["mine", "vague-deadline"])) == ["LIAB001"]
    with pytest.raises(ConfigError, match="NOPE"):
        select_rules([a, b, c], ["NOPE"])


def test_message_placeholders_never_crash() -> None:
    values = {"match": "в разумный срок", "clause": "5.2"}
    assert format_message("«{match}» в п. {clause}, {annual_rate}", values) == "«в разумный срок» в п. 5.2, {annual_rate}"
    assert format_message("broken {match", values) == "broken {match"
    assert format_message("{0} {match.x}", values) == "{0} {match.x}"
    rule = make_rule(VAGUE, message="п. {clause} ({section}): «{match}» {unknown}")
    found = lint(["1. ПРЕДМЕТ", "1.1. Сдаёт в разумный срок."], rule)
    assert found[0].message == "п. 1.1 (ПРЕДМЕТ): «в разумный срок» {unknown}"


def test_finding_fields_and_order() -> None:
    vague = make_rule(VAGUE, id="A001", name="a", suggestion="в течение 5 дней")
    missing = make_rule({"missing": {"any": [{"regex": "гаранти"}]}}, id="B001", name="b")
    found = lint(["1.1. Сдаёт в разумный срок.", "1.2. И снова в разумный срок."], vague, missing)
    assert [(f.rule, f.location.clause) for f in found] == [("B001", None), ("A001", "1.1"), ("A001", "1.2")]
    f = found[1]
    assert (f.match, f.excerpt, f.suggestion, f.block, f.name) == (
        "в разумный срок", "1.1. Сдаёт в разумный срок.", "в течение 5 дней", 0, "a")
    assert f.start is not None and f.end - f.start == len("в разумный срок")


def test_long_excerpt_is_the_sentence_or_an_elided_window() -> None:
    filler = "Стороны обсуждают условия и подписывают документы. " * 8
    long_sentence = "Исполнитель " + "очень " * 80 + "старается выполнить в разумный срок " + "всегда " * 80 + "."
    found = lint([filler + "Работы сдаются в разумный срок. " + filler, long_sentence], make_rule(VAGUE))
    assert found[0].excerpt == "Работы сдаются в разумный срок."
    window = found[1].excerpt
    assert window.startswith("…очень") and window.endswith("всегда…")
    assert "в разумный срок" in window and len(window) <= 302


def test_exit_code() -> None:
    found = lint("Сдаёт в разумный срок.", make_rule(VAGUE, severity="warning"))
    result = FileResult("a.txt", "txt", found)
    assert exit_code([result], "error") == 0
    assert exit_code([result], "warning") == 1
    assert exit_code([result], "info") == 1
    assert exit_code([result], "never") == 0
    assert exit_code([result, FileResult("b.txt", error="b.txt: broken")], "never") == 2


def test_regex_only_rules_do_not_need_lemmas() -> None:
    engine = Engine([make_rule({"regex": "срок"})])
    assert not engine.needs_lemmas
    assert Engine([make_rule(VAGUE)]).needs_lemmas


def test_regex_word_boundaries_know_cyrillic_and_yo_is_folded_in_patterns() -> None:
    rule = make_rule({"regex": [r"\bсрок\b", r"\bвсё\b"]})
    found = lint("Сроков нет. В срок! Всё сделано, всем спасибо.", rule)
    assert [f.match for f in found] == ["срок", "Всё"]


def test_regex_case_sensitive_folds_only_yo() -> None:
    rule = make_rule({"regex": {"patterns": [r"\b[А-Я]{2,5}\b"], "case_sensitive": True}})
    assert [f.match for f in lint("Согласно ТЗ и ГК РФ, а не тз.", rule)] == ["ТЗ", "ГК", "РФ"]


def test_a_broken_structural_check_becomes_a_rule_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from contract_lint.matchers import registry

    def boom(doc, options):  # noqa: ANN001, ANN202
        raise RuntimeError("bug")

    monkeypatch.setattr(registry, "structure_module", lambda: ({"period": boom}, {}))
    rule = make_rule({"period": {}}, id="P001", name="period-rule")
    good = make_rule(VAGUE, id="OK001", name="ok-rule")
    result = lint_document(paragraphs_to_document(["Сдаёт в разумный срок."]), [rule, good])
    assert result.error == "rule P001 (period-rule) failed: RuntimeError('bug')"
    assert [f.rule for f in result.findings] == ["OK001"]


def test_overlapping_patterns_of_one_rule_give_one_finding():
    from contract_lint.engine import _without_overlaps
    from contract_lint.matchers.base import Hit

    hits = [Hit(10, 30), Hit(12, 20), Hit(30, 35), Hit(None, None), Hit(5, 11)]
    kept = _without_overlaps(hits)
    assert [(h.start, h.end) for h in kept] == [(None, None), (5, 11), (12, 20), (30, 35)]
