"""References to clauses that do not exist (check kind xref)."""

from __future__ import annotations

import pytest

from contract_lint.structure import CHECKS
from structure_helpers import doc, run

BODY = [
    "1. ПРЕДМЕТ ДОГОВОРА", "1.1. Текст.",
    "2. ОПЛАТА", "2.1. Текст.", "2.2. Текст.", "2.3. Текст.",
    "3. ОТВЕТСТВЕННОСТЬ", "3.1. Текст.", "3.2. Текст.", "3.2.1. Текст.",
    "4. ПРОЧЕЕ", "4.1. Текст.", "4.2. Текст.",
]


@pytest.mark.parametrize(
    ("text", "match", "ref"),
    [
        ("Претензии — в порядке п. 5.7 Договора.", "п. 5.7", "5.7"),
        ("Согласно пункту 5.7 Исполнитель вправе приостановить работы.", "пункту 5.7", "5.7"),
        ("Неустойка по пункту 3.2.4 настоящего Договора.", "пункту 3.2.4", "3.2.4"),
        ("Порядок приёмки установлен разделом 7.", "разделом 7", "7"),
        ("СМ. П. 9.1.", "П. 9.1", "9.1"),
        ("Обязанности указаны статьей 9 настоящего Договора.", "статьей 9", "9"),
    ],
)
def test_broken_reference(text: str, match: str, ref: str) -> None:
    assert run("xref", BODY + [text]) == [(match, {"ref": ref})]


def test_list_reports_only_the_missing_item() -> None:
    assert run("xref", BODY + ["Обязанности — в п.п. 4.1, 4.5."]) == [("4.5", {"ref": "4.5"})]
    assert run("xref", BODY + ["Сроки — в пп. 2.1 и 2.7."]) == [("2.7", {"ref": "2.7"})]


@pytest.mark.parametrize(
    "text",
    [
        "предусмотренной пунктом 3.2.1 настоящего Договора",
        "указанных в пп. 2.1–2.3",
        "в соответствии с разделом 4",
        "в п.п. 4.1, 4.2",
        "согласно п. 4 и 10 дней",  # «10» is a number of days, not a clause
        "на основании п. 1 ст. 310 ГК РФ",
        "ст. 330 ГК",
        "пункт 2 статьи 781 Гражданского кодекса",
        "п. 3 Приложения № 2",
        "п. 4.2 Договора поставки № 17",
        "п. 9.1 Технического задания",
        "НДС не облагается на основании подп. 26 п. 2 ст. 149 НК РФ",
        "статьей 8 Федерального закона",
        "в случаях, указанных в п. 7 настоящей статьи",  # relative to the article, not the contract
    ],
)
def test_references_that_are_fine_or_external(text: str) -> None:
    assert run("xref", BODY + [text]) == []


def test_annex_clauses_are_not_checked() -> None:
    paragraphs = BODY + ["Приложение № 1 к Договору", "1. Требования — см. п. 7.7 настоящего Приложения."]
    assert run("xref", paragraphs) == []


def test_document_without_numbered_clauses_is_not_judged() -> None:
    assert run("xref", ["Договор без нумерации.", "См. п. 5.7."]) == []


def test_hit_is_located_in_its_clause() -> None:
    document = doc(*BODY, "4.3. Претензии рассматриваются в порядке, предусмотренном п. 6.7 Оферты.")
    [hit] = CHECKS["xref"](document, {})
    assert document.text[hit.start:hit.end] == "п. 6.7"
    assert document.locate(hit.start).clause == "4.3"
