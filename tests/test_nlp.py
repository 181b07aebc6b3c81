"""Tokens, lemma sets and the sentence splitter."""

from __future__ import annotations

import pytest

from contract_lint import nlp
from contract_lint.matchers.context import DocContext
from contract_lint.parsers.plain import paragraphs_to_document
from contract_lint.sentences import split_text


def test_lemma_sets_keep_every_normal_form_folded() -> None:
    assert nlp.lemmas_of("мере") == frozenset({"мера", "меря"})
    assert nlp.lemmas_of("договорённости") == nlp.lemmas_of("договоренностям") == frozenset({"договоренность"})
    assert "сталь" in nlp.lemmas_of("стали") and "стать" in nlp.lemmas_of("стали")


def test_short_all_caps_words_are_not_lemmatised() -> None:
    assert nlp.lemmas_of("ГК") == frozenset({"гк"})
    assert nlp.lemmas_of("SLA") == frozenset({"sla"})
    assert nlp.lemmas_of("ТЗ") == frozenset({"тз"})
    # a capitalised ordinary word is lemmatised
    assert nlp.lemmas_of("Стороны") == frozenset({"сторона"})


def test_tokens_carry_offsets_into_the_text() -> None:
    text = "Согласно п. 5.2 и ст. 330 ГК РФ пеня 0,1% за каждый дн. просрочки, т.е. 10.11.2025 г."
    tokens = nlp.tokenize(text)
    assert all(text[t.start:t.end].lower().replace("ё", "е") == t.norm for t in tokens)
    surface = [text[t.start:t.end] for t in tokens]
    for abbr in ("п.", "ст.", "дн.", "т.е.", "г."):
        assert abbr in surface
    assert "0,1" in surface and "10.11.2025" in surface
    kinds = {text[t.start:t.end]: t for t in tokens}
    assert kinds["0,1"].is_number and kinds["%"].is_punct and kinds["пеня"].is_word


def test_text_is_analysed_once_per_document() -> None:
    doc = paragraphs_to_document(["1.1. Первый абзац.", "1.2. Второй абзац."])
    ctx = DocContext(doc)
    assert ctx.tokens is ctx.tokens
    assert [doc.text[t.start:t.end] for t in ctx.tokens][-3:] == ["Второй", "абзац", "."]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("В силу п. 5.2 Договора и ст. 330 ГК РФ. Далее.", ["В силу п. 5.2 Договора и ст. 330 ГК РФ.", "Далее."]),
        ("Пеня 0,1% в день. Срок до 10.11.2025. Конец.", ["Пеня 0,1% в день.", "Срок до 10.11.2025.", "Конец."]),
        ("Подписал И.И. Иванов. Дата.", ["Подписал И.И. Иванов.", "Дата."]),
        ("В г. Москва. Второе!", ["В г. Москва.", "Второе!"]),
        ("Составлен 10.11.2025 г. Подписан.", ["Составлен 10.11.2025 г.", "Подписан."]),
        ("5.2. Оплата производится, т.е. в срок. Да?", ["5.2. Оплата производится, т.е. в срок.", "Да?"]),
        ("Цена 100 руб. в месяц. Итого 5 руб. Далее.", ["Цена 100 руб. в месяц.", "Итого 5 руб.", "Далее."]),
        ("Статья 5. Предмет договора", ["Статья 5. Предмет договора"]),
        ("Работы, услуги и т.д. выполняются.", ["Работы, услуги и т.д. выполняются."]),
    ],
)
def test_sentence_splitter_knows_legal_abbreviations(text: str, expected: list[str]) -> None:
    assert [text[a:b] for a, b in split_text(text)] == expected


def test_block_boundaries_are_sentence_boundaries() -> None:
    doc = paragraphs_to_document(["Первый абзац без точки", "второй абзац"])
    ctx = DocContext(doc)
    assert [doc.text[a:b] for a, b in ctx.sentences] == ["Первый абзац без точки", "второй абзац"]


def test_spacy_is_not_loaded_for_regex_only_rules() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from contract_lint.engine import Engine\n"
        "from contract_lint.packs import rule_from_data\n"
        "from contract_lint.parsers.plain import paragraphs_to_document\n"
        "rule = rule_from_data({'id': 'R1', 'name': 'r', 'category': 'TERM-VAGUE', 'severity': 'info',"
        " 'title': 't', 'message': 'm', 'check': {'regex': 'срок'}}, 'p', '<t>', {})\n"
        "found, _ = Engine([rule]).lint(paragraphs_to_document(['Срок в разумный срок.']))\n"
        "print(len(found), 'spacy' in sys.modules, 'pymorphy3' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["2", "False", "False"]


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_ALPHABET = "абвгдеёжзийклмнопрстуфхцчшщыьэюяАБВГДЕЁЖЗИКЛМНОПРСТ0123456789 .,;:!?«»()%-—\n"


@settings(max_examples=150, deadline=None)
@given(st.lists(st.text(alphabet=_ALPHABET, min_size=1, max_size=80), min_size=1, max_size=4))
def test_every_token_lies_in_exactly_one_sentence_of_its_block(paragraphs: list[str]) -> None:
    doc = paragraphs_to_document(paragraphs)
    ctx = DocContext(doc)
    spans = ctx.sentences
    assert spans == sorted(spans) and all(a < b for a, b in spans)
    assert all(spans[i][1] <= spans[i + 1][0] for i in range(len(spans) - 1))
    for block in doc.blocks:
        inside = [(a, b) for a, b in spans if block.start <= a < block.end]
        assert all(b <= block.end for _, b in inside)
    for tok, sent in zip(ctx.tokens, ctx.token_sentence):
        assert sent >= 0
        a, b = spans[sent]
        assert a <= tok.start and tok.end <= b
        assert doc.text[tok.start:tok.end].lower().replace("ё", "е") == tok.norm
