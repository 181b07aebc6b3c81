"""The sentence splitter where it looks back a bounded number of characters."""

from __future__ import annotations

import pytest

from contract_lint.sentences import split_text


def _sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_text(text)]


@pytest.mark.parametrize("length", [1, 60, 61, 62, 63, 64, 65, 80, 200])
def test_a_long_dotted_word_is_read_whole(length: int) -> None:
    # «ааа….т.е» is one word, not the abbreviation «т.е», however far back it starts
    word = "а" * length + ".т.е."
    assert _sentences(f"Ссылка {word} Далее текст.") == [f"Ссылка {word}", "Далее текст."]


def test_the_abbreviation_alone_does_not_end_a_sentence() -> None:
    assert _sentences("Ссылка т.е. Далее текст.") == ["Ссылка т.е. Далее текст."]


@pytest.mark.parametrize("length", [62, 63, 64, 70, 200])
def test_an_initial_after_a_long_word_is_still_an_initial(length: int) -> None:
    text = "Подпись " + "а" * length + ".И. Иванов подписал."
    assert _sentences(text) == [text]


@pytest.mark.parametrize("length", [63, 64, 65, 70, 200])
def test_a_signature_line_longer_than_the_window(length: int) -> None:
    line = "_" * length
    assert _sentences(f"Подпись {line} И. Иванов.") == [f"Подпись {line} И. Иванов."]
    assert _sentences(f"Подпись {line}. Далее текст.") == [f"Подпись {line}.", "Далее текст."]


@pytest.mark.parametrize("spaces", [1, 27, 28, 29, 40, 100])
def test_a_year_far_before_the_g_abbreviation(spaces: int) -> None:
    text = "Подписано 10.11.2025" + " " * spaces + "г. Подписал Иванов."
    assert _sentences(text) == ["Подписано 10.11.2025" + " " * spaces + "г.", "Подписал Иванов."]


@pytest.mark.parametrize("spaces", [1, 40])
def test_a_city_after_a_year_and_a_word(spaces: int) -> None:
    text = "Подписано 10.11.2025 в" + " " * spaces + "г. Москва Ивановым."
    assert _sentences(text) == [text]
