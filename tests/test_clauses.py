"""Typed clause numbers and section headings, as a lawyer reads them."""

import pytest

from contract_lint.parsers.clauses import ClauseTracker, parse_typed_label
from contract_lint.parsers.plain import paragraphs_to_document


@pytest.mark.parametrize(
    ("text", "label", "clause"),
    [
        ("5.2. Заказчик оплачивает", "5.2.", "5.2"),
        ("5.2 Заказчик оплачивает", "5.2", "5.2"),
        ("5.2) Заказчик оплачивает", "5.2)", "5.2"),
        ("Статья 5. Ответственность", "Статья 5.", "5"),
        ("§ 3. Оплата", "§ 3.", "3"),
        ("II. ПРЕДМЕТ", "II.", "II"),
        ("а) первое", "а)", None),
    ],
)
def test_parse_typed_label(text, label, clause):
    parsed, _ = parse_typed_label(text)
    assert parsed is not None
    assert (parsed.text, parsed.clause) == (label, clause)


@pytest.mark.parametrize("text", ["10 000 рублей", "Договор № 5", "2025 год", "г. Москва"])
def test_not_a_label(text):
    assert parse_typed_label(text)[0] is None


def test_tracker_assigns_clauses_sections_and_subitems():
    t = ClauseTracker()
    assert t.feed("ДОГОВОР ОКАЗАНИЯ УСЛУГ № 15").is_heading
    heading = t.feed("7. ОТВЕТСТВЕННОСТЬ СТОРОН")
    assert (heading.clause, heading.section, heading.is_heading) == ("7", "ОТВЕТСТВЕННОСТЬ СТОРОН", True)
    item = t.feed("7.2. Исполнитель уплачивает пеню.")
    assert (item.clause, item.is_heading) == ("7.2", False)
    sub = t.feed("а) за просрочку;")
    assert (sub.label.text, sub.clause) == ("а)", "7.2")
    assert t.feed("Продолжение пункта без номера.").clause == "7.2"
    assert t.current().clause == "7.2"


def test_annex_restarts_clause_numbers():
    t = ClauseTracker()
    t.feed("3.4. Оплата.")
    annex = t.feed("Приложение № 1")
    assert (annex.clause, annex.section) == (None, "Приложение № 1")


def test_auto_label_wins_over_text():
    t = ClauseTracker()
    info = t.feed("Заказчик оплачивает услуги.", auto_label="4.1.")
    assert (info.clause, info.label.text) == ("4.1", "4.1.")


def test_paragraphs_to_document_locates_clauses():
    doc = paragraphs_to_document(["1. ПРЕДМЕТ", "1.1. Оплата по факту.", "1.2. Срок."])
    offset = doc.text.index("по факту")
    assert doc.locate(offset).clause == "1.1"
    assert doc.locate(offset).section == "ПРЕДМЕТ"
    assert [b.kind for b in doc.blocks] == ["heading", "list_item", "list_item"]


def test_form_lines_in_capitals_are_not_headings():
    t = ClauseTracker()
    t.feed("12. РЕКВИЗИТЫ И ПОДПИСИ СТОРОН")
    info = t.feed("ИНН ________ КПП _______")
    assert not info.is_heading
    assert info.section == "РЕКВИЗИТЫ И ПОДПИСИ СТОРОН"
    assert not t.feed("ОГРН 1027700000000 ИНН 7700000000").is_heading
