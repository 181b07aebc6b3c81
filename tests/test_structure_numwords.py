"""Russian number words ↔ numbers (contract_lint.structure.numwords)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from contract_lint.structure.numwords import leading_number_words, number_to_words, words_to_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("десять тысяч пятьсот", Decimal(10500)),
        ("тридцати пяти", Decimal(35)),
        ("ноль целых пять десятых", Decimal("0.5")),
        ("ноль целых одна десятая", Decimal("0.1")),
        ("одна целая двадцать пять сотых", Decimal("1.25")),
        ("пяти десятых", Decimal("0.5")),
        ("двух", Decimal(2)),
        ("пятидесяти", Decimal(50)),
        ("восьмисот", Decimal(800)),
        ("тремястами", Decimal(300)),
        ("двадцать одна тысяча", Decimal(21000)),
        ("тысяча", Decimal(1000)),
        ("пятьсот тысяч", Decimal(500000)),
        ("один миллион двести тысяч", Decimal(1200000)),
        ("сто двадцать три тысячи четыреста пятьдесят шесть", Decimal(123456)),
        ("Девятьсот девяносто", Decimal(990)),  # capitalised
        ("четырёх", Decimal(4)),  # ё
        ("десять тысяч рублей 00 копеек", Decimal(10000)),  # unit words stop the number
    ],
)
def test_words_to_number(text: str, value: Decimal) -> None:
    assert words_to_number(text) == value


@pytest.mark.parametrize("text", ["пять десять", "девятнадцать пять", "двадцать пятнадцать", "НДС", "рублей"])
def test_words_that_are_not_one_number(text: str) -> None:
    assert words_to_number(text) is None


def test_leading_number_words_splits_off_the_unit() -> None:
    words, rest = leading_number_words("двенадцать тысяч пятьсот рублей 00 копеек")
    assert words == ["двенадцать", "тысяч", "пятьсот"]
    assert rest == " рублей 00 копеек"


@pytest.mark.parametrize(
    ("number", "words"),
    [
        (0, "ноль"),
        (1, "один"),
        (21, "двадцать один"),
        (1000, "одна тысяча"),
        (2000, "две тысячи"),
        (10500, "десять тысяч пятьсот"),
        (11000, "одиннадцать тысяч"),
        (1234567, "один миллион двести тридцать четыре тысячи пятьсот шестьдесят семь"),
    ],
)
def test_number_to_words(number: int, words: str) -> None:
    assert number_to_words(number) == words


@pytest.mark.parametrize("number", [7, 19, 40, 99, 115, 999, 1001, 45678, 300000, 2500000])
def test_round_trip(number: int) -> None:
    assert words_to_number(number_to_words(number)) == Decimal(number)
