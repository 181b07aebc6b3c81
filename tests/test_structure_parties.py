"""Parties named inconsistently (check kind party_names)."""

from __future__ import annotations

from structure_helpers import run

PREAMBLE = ("Общество с ограниченной ответственностью «Альфа», именуемое в дальнейшем «Исполнитель», "
            "и АО «Бета», именуемое в дальнейшем «Заказчик», заключили настоящий Договор.")


def test_role_of_the_same_side_named_differently() -> None:
    hits = run("party_names", [PREAMBLE, "2.1. Подрядчик обязуется выполнить работы."])
    assert hits == [("Подрядчик", {"name": "Подрядчик", "expected": "Исполнитель"})]


def test_role_in_capitals_and_other_side() -> None:
    preamble = "ООО «Альфа» (далее — «Поставщик») и ООО «Бета» (далее — «Покупатель») заключили Договор."
    hits = run("party_names", [preamble, "3.1. ЗАКАЗЧИК ОПЛАЧИВАЕТ ТОВАР."])
    assert hits == [("ЗАКАЗЧИК", {"name": "Заказчик", "expected": "Покупатель"})]


def test_company_name_variants() -> None:
    paragraphs = [PREAMBLE, "9.1. ООО «Альфа-Сервис» гарантирует качество.", "9.2. Договор подписан от имени ЗАО «Бета»."]
    assert run("party_names", paragraphs) == [
        ("ООО «Альфа-Сервис»", {"name": "ООО «Альфа-Сервис»", "expected": "ООО «Альфа»"}),
        ("ЗАО «Бета»", {"name": "ЗАО «Бета»", "expected": "АО «Бета»"}),
    ]


def test_consistent_names_and_third_parties() -> None:
    paragraphs = [
        PREAMBLE,
        "2.1. Исполнитель вправе привлекать субподрядчиков; Заказчик принимает работы.",
        "5.1. Оплата на счёт в ПАО «Банк Вымышленный».",
        "9.1. Договор подписан ООО «Альфа» и АО «Бета».",
    ]
    assert run("party_names", paragraphs) == []


def test_no_defined_roles_no_judgement() -> None:
    assert run("party_names", ["2.1. Подрядчик выполняет работы, Исполнитель их проверяет."]) == []


def test_lease_role_named_as_leasing() -> None:
    preamble = "ООО «Альфа» (далее — «Арендодатель») и ООО «Бета» (далее — «Арендатор») заключили Договор."
    hits = run("party_names", [preamble, "4.2. Лизингодатель вправе осматривать Оборудование."])
    assert hits == [("Лизингодатель", {"name": "Лизингодатель", "expected": "Арендодатель"})]


def test_customer_side_leasing_role_and_third_parties() -> None:
    preamble = "ООО «Альфа» (далее — «Арендодатель») и ООО «Бета» (далее — «Арендатор») заключили Договор."
    hits = run("party_names", [preamble, "3.1. ЛИЗИНГОПОЛУЧАТЕЛЬ ВНОСИТ ПЛАТЕЖИ.", "3.2. Субарендатор не допускается."])
    assert hits == [("ЛИЗИНГОПОЛУЧАТЕЛЬ", {"name": "Лизингополучатель", "expected": "Арендатор"})]
