"""Phrase patterns: inflections, ё/е, optional words, alternatives, gaps, sentences."""

from __future__ import annotations

import pytest

from contract_lint.matchers.phrase import Alt, Gap, Word, compile_pattern
from engine_util import matches


def test_inflections_and_case_match_one_pattern() -> None:
    text = "Порядок доставки определяется по договоренностям Сторон."
    assert matches(text, "по договорённости сторон") == ["по договоренностям Сторон"]
    assert matches("Вопрос решается по договорённости сторон.", "по договоренности сторон") == [
        "по договорённости сторон"
    ]


def test_yo_is_folded_in_text_and_pattern() -> None:
    assert matches("Акт сдачи-приёмки подписан.", "акт сдачи-приемки") == ["Акт сдачи-приёмки"]
    assert matches("Акт сдачи-приемки подписан.", "акт сдачи-приёмки") == ["Акт сдачи-приемки"]


def test_exact_form_only() -> None:
    assert matches("по договоренностям сторон", "=договоренностям") == ["договоренностям"]
    assert matches("по договоренности сторон", "=договоренностям") == []


def test_prefix() -> None:
    assert matches("Оплата производится по факту оказания услуг.", "по факту оказ*") == ["по факту оказания"]


def test_optional_words() -> None:
    assert matches("Исполнитель действует в разумный срок.", "[в] разумный срок") == ["в разумный срок"]
    assert matches("Исполнитель действует разумный срок.", "[в] разумный срок") == ["разумный срок"]
    assert matches("в течение 10 рабочих дней", "в течение N [рабочий|календарный] день") == [
        "в течение 10 рабочих дней"
    ]


def test_alternatives_including_multi_word() -> None:
    pattern = "(по мере|по факту) выполнения"
    assert matches("Оплата по мере выполнения работ.", pattern) == ["по мере выполнения"]
    assert matches("Оплата по факту выполнения работ.", pattern) == ["по факту выполнения"]
    assert matches("Оплата после выполнения работ.", pattern) == []
    assert matches("в кратчайшие сроки", "в (кратчайший|короткий) срок") == ["в кратчайшие сроки"]


def test_mere_ambiguity_is_resolved_by_the_sequence() -> None:
    # «мере» is мера or меря (from мерить): lemma sets intersect, the sequence decides.
    assert matches("Оплата по мере выполнения работ.", "по мере выполнения") == ["по мере выполнения"]
    assert matches("Оплата по мерам выполнения работ.", "по мере выполнения") == ["по мерам выполнения"]
    assert matches("В меру выполнения работ.", "по мере выполнения") == []
    assert matches("Оплата по мере выполнения.", "по =мерам") == []


def test_gaps_and_wildcards() -> None:
    text = "Заказчик оплачивает услуги Исполнителя по мере их оказания."
    assert matches(text, "оплачивать {0,3} по мере") == ["оплачивает услуги Исполнителя по мере"]
    assert matches(text, "оплачивать {0,1} по мере") == []
    assert matches(text, "оплачивать * исполнитель") == ["оплачивает услуги Исполнителя"]
    assert matches(text, "оплачивать по мере", gap=2) == ["оплачивает услуги Исполнителя по мере"]


def test_punctuation_is_skipped_unless_named() -> None:
    text = "Цена, указанная в Спецификации, изменяется."
    assert matches(text, "цена указанный") == ["Цена, указанная"]
    assert matches(text, "цена , указанный") == ["Цена, указанная"]
    assert matches("Цена указанная в Спецификации", "цена , указанный") == []
    assert matches("пеня 0,1% за каждый день", "N %") == ["0,1%"]
    assert matches("10 (десяти) дней", "N \\( * \\) день") == ["10 (десяти) дней"]


def test_no_match_across_sentences_or_blocks() -> None:
    assert matches("Работы выполняются в срок. Разумный подход.", "срок разумный") == []
    assert matches(["Работы выполняются в срок", "разумный подход"], "срок разумный") == []
    assert matches("Работы выполняются в срок, разумный для сторон.", "срок разумный") == ["срок, разумный"]


def test_abbreviations_do_not_end_sentences_for_matching() -> None:
    assert matches("согласно п. 5.2 Договора", "согласно п. N договор") == ["согласно п. 5.2 Договора"]


def test_every_occurrence_is_reported() -> None:
    text = "в разумный срок и ещё раз в разумные сроки"
    assert matches(text, "в разумный срок") == ["в разумный срок", "в разумные сроки"]


def test_compile_structure() -> None:
    elems = compile_pattern("[в] (по мере|=факту) {0,2} N*")
    assert isinstance(elems[0], Alt) and elems[0].optional
    assert isinstance(elems[1], Alt) and len(elems[1].options) == 2 and len(elems[1].options[0]) == 2
    assert elems[1].options[1][0] == Word("exact", "факту")
    assert elems[2] == Gap(0, 2)
    assert elems[3] == Word("prefix", "n")


@pytest.mark.parametrize("bad", ["(по мере", "по мере)", "[]", "(a||b)", ""])
def test_malformed_patterns_are_rejected(bad: str) -> None:
    with pytest.raises(ValueError):
        compile_pattern(bad, syntax_only=True)


def test_thousands_are_one_number_token() -> None:
    assert matches("Цена 10 000 рублей, аванс 1 250 000 руб. и 5 000.", "N рубль") == ["10 000 рублей"]
    assert matches("аванс 1 250 000 рублей", "аванс N рубль") == ["аванс 1 250 000 рублей"]
    assert matches("пункты 5, 100 и 200", "N и N") == ["100 и 200"]
