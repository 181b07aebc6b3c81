"""Digits and words that disagree (check kind amount_words)."""

from __future__ import annotations

import pytest

from structure_helpers import run


def test_amount_mismatch() -> None:
    hits = run("amount_words", ["Стоимость услуг составляет 10 000 (десять тысяч пятьсот) рублей."])
    assert hits == [("10 000 (десять тысяч пятьсот)",
                     {"digits": "10 000", "words": "десять тысяч пятьсот", "words_value": "10 500"})]


def test_period_mismatch_in_genitive() -> None:
    [(match, values)] = run("amount_words", ["Оплата в течение 20 (тридцати) рабочих дней."])
    assert match == "20 (тридцати)"
    assert values["words_value"] == "30"


def test_fraction_mismatch() -> None:
    [(_, values)] = run("amount_words", ["Неустойка — 0,5 (ноль целых одна десятая) процента."])
    assert values == {"digits": "0,5", "words": "ноль целых одна десятая", "words_value": "0,1"}


def test_capitals_keep_the_original_words() -> None:
    [(match, values)] = run("amount_words", ["АВАНС — 15 000 (ПЯТНАДЦАТЬ ТЫСЯЧ ПЯТЬСОТ) РУБЛЕЙ."])
    assert match == "15 000 (ПЯТНАДЦАТЬ ТЫСЯЧ ПЯТЬСОТ)"
    assert values["words"] == "ПЯТНАДЦАТЬ ТЫСЯЧ ПЯТЬСОТ"


@pytest.mark.parametrize(
    "text",
    [
        "10 000 (десять тысяч) рублей 00 копеек",
        "10 000,00 (десять тысяч) рублей 00 копеек",
        "1 250 000 (один миллион двести пятьдесят тысяч) рублей",
        "0,5 (ноль целых пять десятых) процента",
        "12 500 (двенадцать тысяч пятьсот рублей 00 копеек)",
        "в течение 2 (двух) рабочих дней",
        "12 000 (НДС не облагается) рублей",
        "Приложение № 1 (Спецификация)",
        "Срок — 3 (три) года с даты подписания.",
    ],
)
def test_consistent_or_not_amounts(text: str) -> None:
    assert run("amount_words", [text]) == []
