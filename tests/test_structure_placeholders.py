"""Unfilled blanks and template leftovers (check kind placeholder)."""

from __future__ import annotations

import pytest

from structure_helpers import run, texts


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("ДОГОВОР № ____ на оказание услуг", "№ ____"),
        ("г. Энск «___» ________ 20__ г.", "«___» ________ 20__ г."),
        ("Цена — [●] рублей.", "[●]"),
        ("Цена — [•] рублей.", "[•]"),
        ("Стоимость услуг составляет ХХХ рублей.", "ХХХ"),
        ("Стоимость услуг составляет XXX рублей.", "XXX"),
        ("Адрес доставки (указать) согласуется.", "(указать)"),
        ("Заказчик — {{ client }}.", "{{ client }}"),
        ("Услуги оказываются по адресу <адрес объекта>.", "<адрес объекта>"),
        ("Аванс составляет _____ рублей.", "_____ рублей"),
        ("Срок — [указать дату].", "[указать дату]"),
        # one per way in which a block is let through to the patterns (see _may_hold)
        ("Срок поставки — ХХ рабочих дней.", "ХХ"),
        ("Дата начала — XX.XX.20XX.", "XX.XX.20XX"),
        ("Срок — XХХ дней.", "XХХ"),
        ("Адрес доставки ( Указать позже ) согласуется.", "( Указать позже )"),
        ("Место оказания услуг (…) согласуется.", "(…)"),
        ("Заказчик — ${client}.", "${client}"),
    ],
)
def test_placeholder(text: str, match: str) -> None:
    hits = run("placeholder", [text])
    assert hits == [(match, {"placeholder": match})]


@pytest.mark.parametrize(
    "text",
    [
        "_______ / Иванов И.И./",
        "Генеральный директор _______________ / П. П. Пробный /",
        "Подпись ____________ (расшифровка подписи)",
        "Договор № 15/26 от 1 марта 2026 г.",
        "e-mail: xxx@example.test",
        "Итого 2 < 3 > 1",
    ],
)
def test_not_placeholders(text: str) -> None:
    assert run("placeholder", [text]) == []


def test_requisites_and_forms_are_skipped_by_default() -> None:
    paragraphs = [
        "1.1. Текст.",
        "12. РЕКВИЗИТЫ И ПОДПИСИ СТОРОН",
        "Исполнитель: ООО «Альфа», ИНН __________",
        "Приложение № 2 к Договору",
        "ФОРМА АКТА ОБ УСТРАНЕНИИ НЕДОСТАТКОВ",
        "Акт № ____ от «___» ____________ 20__ г.",
    ]
    assert run("placeholder", paragraphs) == []


def test_exclude_sections_option_replaces_the_default() -> None:
    paragraphs = ["1.1. Текст.", "12. РЕКВИЗИТЫ И ПОДПИСИ СТОРОН", "Исполнитель: ООО «Альфа», ИНН __________"]
    assert texts("placeholder", paragraphs, {"exclude_sections": []}) == ["__________"]


def test_two_cyrillic_x_before_a_unit_and_dots_in_brackets() -> None:
    assert texts("placeholder", ["Срок поставки — ХХ рабочих дней."]) == ["ХХ"]
    assert texts("placeholder", ["Аванс — 10 000 (…) рублей."]) == ["(…)"]
    assert texts("placeholder", ["Работы XX века не реставрируются; ХХ век — тоже."]) == []
