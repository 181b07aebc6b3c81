"""Capitalised terms used but never defined (check kind defined_terms)."""

from __future__ import annotations

from contract_lint.structure import CHECKS
from structure_helpers import doc, run, texts

PREAMBLE = ("ООО «Альфа-Тест», именуемое в дальнейшем «Исполнитель», и ООО «Бета-Тест», "
            "именуемое в дальнейшем «Заказчик», заключили настоящий Договор.")


def test_undefined_terms_reported_once_at_first_use() -> None:
    paragraphs = [PREAMBLE, "2.1. Исполнитель обязуется передать Результат Заказчику.",
                  "2.2. Заказчик оплачивает Работы и принимает Результат."]
    assert run("defined_terms", paragraphs) == [("Результат", {"term": "Результат"}),
                                                 ("Работы", {"term": "Работы"})]


def test_min_uses() -> None:
    paragraphs = [PREAMBLE, "2.1. Исполнитель передаёт Результат.", "2.2. Заказчик оплачивает Работы и Работы принимает."]
    assert texts("defined_terms", paragraphs, {"min_uses": 2}) == ["Работы"]


def test_terms_defined_in_many_ways_are_not_reported() -> None:
    paragraphs = [
        "ООО «Альфа» (далее — «Исполнитель») и ООО «Бета» (далее – Заказчик) заключили Договор.",
        "1. ТЕРМИНЫ И ОПРЕДЕЛЕНИЯ",
        "1.1. Результат — программа для ЭВМ.",
        "1.2. «Личный кабинет» — раздел сайта.",
        "1.3. Под Заявкой понимается письменный запрос Заказчика.",
        "2.1. Исполнитель выполняет работы (далее — «Работы»).",
        "2.2. Исполнитель передаёт Результат, выполняет Работы по Заявке и открывает доступ к Личному кабинету.",
        "2.3. Сроки указаны в Графике выполнения работ (Приложение № 2).",
        "2.4. Исполнитель соблюдает График.",
    ]
    assert run("defined_terms", paragraphs) == []


def test_names_places_and_sentence_starts_are_not_terms() -> None:
    paragraphs = [
        "2.1. Споры рассматриваются в Арбитражном суде г. Энска по законам Российской Федерации.",
        "2.2. Представитель Заказчика — Кругов Роман Романович.",
        "2.3. Договор подписал генеральный директор И.Г. Тетерева; адрес: ул. Литейной, д. 5.",
        "2.4. Результат передаётся по акту.",
    ]
    assert run("defined_terms", paragraphs) == []


def test_quoted_titles_are_not_terms() -> None:
    assert run("defined_terms", ["2.1. Исполнитель проводит курс «Основы Бухгалтерии» для сотрудников."]) == []


def test_party_roles_are_not_undefined_terms() -> None:
    preamble = "ООО «Альфа» (далее — «Арендодатель») и ООО «Бета» (далее — «Арендатор») заключили Договор."
    assert run("defined_terms", [preamble, "4.2. Арендатор уведомляет Лизингодателя о поломке."]) == []


def test_context_further_back_than_the_search_window_is_still_seen() -> None:
    # The initials, the street and the surname sit more than 80 characters before the word.
    # \u2003 (em space) is whitespace that does not make the next word sentence-initial.
    paragraphs = [PREAMBLE,
                  "2.1. Груз принял: И." + "\u2003" * 90 + "Маяк.",
                  "2.2. Адрес склада: ул." + "\u2003" * 100 + "Поддон.",
                  "2.3. Товар принял кладовщик Ветров" + " " * 90 + "Стеллаж.",
                  "2.4. Исполнитель передаёт " + "работы и услуги " * 10 + "Результат Заказчику."]
    document = doc(*paragraphs)
    hits = CHECKS["defined_terms"](document, {})
    assert [(document.text[h.start:h.end], document.locate(h.start).clause) for h in hits] == \
        [("Ветров", "2.3"), ("Результат", "2.4")]
