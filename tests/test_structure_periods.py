"""Periods in days with no working/calendar qualifier (check kind period)."""

from __future__ import annotations

import pytest

from structure_helpers import run, texts


@pytest.mark.parametrize(
    ("text", "match", "number"),
    [
        ("Исполнитель возвращает деньги в течение 10 дней с даты заявления.", "в течение 10 дней", "10"),
        ("Заказчик подписывает Акт не позднее 5 (пяти) дней с момента получения.", "не позднее 5 (пяти) дней", "5"),
        ("Отсрочка платежа — 30 дн. с даты отгрузки.", "30 дн.", "30"),
        ("ПОКУПАТЕЛЬ ОПЛАЧИВАЕТ ТОВАР В ТЕЧЕНИЕ 3 ДНЕЙ.", "В ТЕЧЕНИЕ 3 ДНЕЙ", "3"),
        ("Поставщик уведомляет за 2 дня до отгрузки.", "за 2 дня", "2"),
    ],
)
def test_untyped_periods(text: str, match: str, number: str) -> None:
    [(found, values)] = run("period", [text])
    assert found == match
    assert values["number"] == number


@pytest.mark.parametrize(
    "text",
    [
        "в течение 10 рабочих дней",
        "в течение 10 календарных дней",
        "в течение 5 (пяти) банковских дней",
        "в течение 10 (десяти) дней (рабочих)",
        "пени рассчитываются исходя из 365 дней в году",
        "Срок — 15 (пятнадцать) календарных дней.",
    ],
)
def test_typed_or_not_periods(text: str) -> None:
    assert run("period", [text]) == []


@pytest.mark.parametrize(
    "definition",
    [
        "1.3. Под днями в настоящем Договоре понимаются рабочие дни.",
        "1.4. «День» — рабочий день по производственному календарю.",
        "1.5. Все сроки в Договоре исчисляются в рабочих днях.",
    ],
)
def test_document_that_defines_days(definition: str) -> None:
    assert texts("period", [definition, "4.2. Оплата в течение 10 дней."]) == []
    # the definition in a later paragraph counts as well as at the start of the document
    assert texts("period", ["1.1. Термины.", definition, "4.2. Оплата в течение 10 дней."]) == []


def test_unit_value_for_n_day_form() -> None:
    [(found, values)] = run("period", ["Претензия рассматривается в 10-дневный срок."])
    assert found == "10-дневный"
    assert values == {"number": "10", "unit": "дневный"}


@pytest.mark.parametrize(
    ("text", "match", "number"),
    [
        ("Заказчик подписывает Акт не позднее трёх дней с даты получения.", "не позднее трёх дней", "3"),
        ("Исполнитель возвращает аванс в течение пяти дней.", "в течение пяти дней", "5"),
        ("Оплата в течение двадцати пяти дней с даты поставки.", "в течение двадцати пяти дней", "25"),
        ("Претензия рассматривается в течение тридцати (30) дней.", "в течение тридцати (30) дней", "30"),
        ("ПОСТАВЩИК УВЕДОМЛЯЕТ ЗА ДВА ДНЯ ДО ОТГРУЗКИ.", "ЗА ДВА ДНЯ", "2"),
    ],
)
def test_periods_in_words_only(text: str, match: str, number: str) -> None:
    [(found, values)] = run("period", [text])
    assert found == match
    assert values["number"] == number


@pytest.mark.parametrize(
    "text",
    [
        "в течение пяти рабочих дней",
        "за три календарных дня до отгрузки",
        "в течение этих дней Исполнитель не оказывает услуги",
        "Работы длились два дня.",
    ],
)
def test_periods_in_words_typed_or_not_periods(text: str) -> None:
    assert run("period", [text]) == []


def test_number_fused_into_the_adjective() -> None:
    [(found, values)] = run("period", ["Претензия рассматривается в десятидневный срок с даты получения."])
    assert found == "десятидневный"
    assert values == {"number": "10", "unit": "дневный"}
    assert run("period", ["ПОКУПАТЕЛЬ ОПЛАЧИВАЕТ ТОВАР В ПЯТИДНЕВНЫЙ СРОК."])[0][1]["number"] == "5"
    assert run("period", ["Установлена пятидневная рабочая неделя."]) == []


def test_number_with_a_case_ending() -> None:
    [(found, values)] = run("period", ["Заказчик подписывает Акт в течение 5-ти дней."])
    assert found == "в течение 5-ти дней"
    assert values["number"] == "5"
    assert run("period", ["Заказчик подписывает Акт в течение 5-ти рабочих дней."]) == []
