"""References to annexes that are neither attached nor listed (check kind annex)."""

from __future__ import annotations

import pytest

from structure_helpers import run

BASE = [
    "1.1. Работы выполняются в соответствии с Приложением № 1.",
    "9.1. Неотъемлемой частью Договора являются: Приложение № 1 — Спецификация; Приложение № 2 — График.",
]


@pytest.mark.parametrize(
    ("text", "match"),
    [
        ("Тарифы указаны в Приложении № 3.", "Приложении № 3"),
        ("Требования — в Приложении №3.", "Приложении №3"),
        ("ТРЕБОВАНИЯ — В ПРИЛОЖЕНИИ № 3.", "ПРИЛОЖЕНИИ № 3"),
    ],
)
def test_missing_annex(text: str, match: str) -> None:
    assert run("annex", BASE + [text]) == [(match, {"annex": "3"})]


def test_list_reports_only_the_missing_annex() -> None:
    assert run("annex", BASE + ["Требования определены приложениями 2 и 4."]) == [("4", {"annex": "4"})]
    assert run("annex", BASE + ["См. Приложения № 1, 3."]) == [("3", {"annex": "3"})]


@pytest.mark.parametrize(
    "text",
    [
        "Требования определены приложениями 1 и 2.",
        "Порядок — согласно Приложению № 2 к Договору поставки № 17 от 01.02.2025.",
        "Правила изложены в Приложении № 5 к Правилам оказания услуг.",
        "График — в Приложении № 2 к настоящему Договору.",
    ],
)
def test_annexes_that_exist_or_belong_elsewhere(text: str) -> None:
    assert run("annex", BASE + [text]) == []


def test_attached_annex_caption_counts() -> None:
    paragraphs = ["1.1. Тарифы указаны в Приложении № 3.", "Приложение № 3 к Публичной оферте «Тарифы»"]
    assert run("annex", paragraphs) == []


def test_listing_in_a_clause_counts() -> None:
    paragraphs = ["1.1. Требования определены приложениями 1 и 2.",
                  "12.1. Неотъемлемой частью Договора являются приложения 1 и 2."]
    assert run("annex", paragraphs) == []
