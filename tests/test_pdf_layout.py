"""Engine-neutral PDF layout: lines, superscripts, hyphenation, page furniture."""

from __future__ import annotations

import pytest

from contract_lint.parsers.pdf_furniture import _PAGE_NUMBER, split_furniture
from contract_lint.parsers.pdf_layout import Fragment, PageLayout, Rules, Run, build_page
from contract_lint.parsers.pdf_paragraphs import PageText, join_lines, paragraphs


def frag(text: str, line: int, base: float = 700.0) -> Fragment:
    return Fragment(text, 70.0, 500.0, base, 11.0, line)


@pytest.mark.parametrize(
    ("first", "second", "joined"),
    [
        ("Покупатель оплачи-", "вает Товар", "Покупатель оплачивает Товар"),
        ("акт сдачи-", "приемки Товара", "акт сдачи-приемки Товара"),
        ("ООО «Альфа-", "Тест»", "ООО «Альфа-Тест»"),
        ("срок —", "10 дней", "срок — 10 дней"),
        ("в течение", "10 дней", "в течение 10 дней"),
    ],
)
def test_line_end_hyphen_joins_known_words_only(first: str, second: str, joined: str) -> None:
    para = join_lines([(1, frag(first, 4)), (1, frag(second, 5, 685.0))])
    assert para.text == joined
    assert para.text[para.lines[1][0]:] == second
    assert [(page, line) for _, page, line in para.lines] == [(1, 4), (1, 5)]


def test_second_line_offset_points_inside_the_joined_word() -> None:
    para = join_lines([(1, frag("Покупатель оплачи-", 4)), (1, frag("вает Товар", 5, 685.0))])
    assert para.text[para.lines[1][0]:] == "вает Товар"


def test_superscript_digit_after_word_becomes_separate_marker() -> None:
    runs = [Run("Спецификации", 70, 140, 700, 11), Run("1", 140.5, 144, 704, 7, glue=True),
            Run("к", 147, 152, 700, 11)]
    page = build_page(1, runs)
    assert [(f.text, f.line) for f in page.fragments] == [("Спецификации ¹ к", 1)]


def test_lines_are_baselines_counted_from_top_across_columns() -> None:
    runs = [Run("Шапка", 70, 120, 800, 9),
            Run("левая", 70, 120, 700, 11), Run("строка", 70, 120, 685, 11),
            Run("правая", 300, 350, 696, 11), Run("вторая", 300, 350, 681, 11)]
    page = build_page(1, runs)
    assert [(f.text, f.line) for f in page.fragments] == [
        ("Шапка", 1), ("левая", 2), ("строка", 3), ("правая", 2), ("вторая", 3)]


def test_wide_gap_on_a_line_separates_cells() -> None:
    runs = [Run("Цемент", 70, 110, 700, 11), Run("М500", 113, 140, 700, 11),
            Run("120", 300, 320, 700, 11)]
    page = build_page(1, runs)
    assert [f.text for f in page.fragments] == ["Цемент М500", "120"]


@pytest.mark.parametrize("text", ["3", "- 3 -", "– 12 –", "Страница 3 из 10", "стр. 4", "5/12"])
def test_page_number_lines(text: str) -> None:
    assert _PAGE_NUMBER.match(text)


@pytest.mark.parametrize("text", ["3. ЦЕНА", "Итого 3 шт.", "10 дней"])
def test_not_page_number_lines(text: str) -> None:
    assert not _PAGE_NUMBER.match(text)


def test_running_header_detected_with_page_numbers_ignored() -> None:
    pages = []
    for n, body in ((1, "Первая страница."), (2, "Вторая страница."), (3, "Третья страница.")):
        pages.append(PageLayout(n, [
            Fragment(f"Договор № 7, лист {n}", 70, 300, 800, 9, 1),
            Fragment(body, 70, 500, 700, 11, 2),
            Fragment(str(n), 290, 300, 40, 9, 3),
        ]))
    texts, furniture = split_furniture(pages)
    assert [(p, f.text) for p, f in furniture.header] == [(1, "Договор № 7, лист 1")]
    assert furniture.footer == []
    assert [[f.text for f in t.layout.fragments] for t in texts] == [
        ["Первая страница."], ["Вторая страница."], ["Третья страница."]]


def test_single_page_has_no_running_header() -> None:
    pages = [PageLayout(1, [Fragment("Договор № 7", 70, 300, 800, 9, 1),
                            Fragment("Текст.", 70, 500, 700, 11, 2)])]
    texts, furniture = split_furniture(pages)
    assert furniture.header == [] and len(texts[0].layout.fragments) == 2


def body(*lines: tuple[str, float, float]) -> list[PageText]:
    """One page of (text, x0, baseline) lines, 11 pt, right edge 500."""
    frags = [Fragment(text, x0, 500.0 if len(text) > 20 else x0 + 6 * len(text), base, 11.0, i + 1)
             for i, (text, x0, base) in enumerate(lines)]
    return [PageText(PageLayout(1, frags), [])]


def texts(pages: list[PageText]) -> list[str]:
    return [p.text for p in paragraphs(pages)]


def test_paragraph_breaks_at_typed_clause_number_and_colon() -> None:
    pages = body(("Стороны договорились о следующем:", 90, 700),
                 ("а) поставка осуществляется партиями.", 70, 685),
                 ("5.2. Оплата производится в течение", 90, 670),
                 ("10 рабочих дней.", 70, 655))
    assert texts(pages) == ["Стороны договорились о следующем:",
                            "а) поставка осуществляется партиями.",
                            "5.2. Оплата производится в течение 10 рабочих дней."]


def test_full_line_ending_with_colon_goes_on_in_lower_case() -> None:
    # The DOCX has one paragraph: the line broke at «:» only because «время» did not fit.
    pages = body(("6.1. Услуги оказываются по Приложению № 2 (SLA):", 90, 700),
                 ("время реакции зависит от приоритета.", 70, 685),
                 ("Стороны договорились о следующем:", 90, 670),
                 ("Исполнитель ведёт журнал заявок.", 90, 655))
    assert texts(pages) == [
        "6.1. Услуги оказываются по Приложению № 2 (SLA): время реакции зависит от приоритета.",
        "Стороны договорились о следующем:", "Исполнитель ведёт журнал заявок."]


def test_lettered_sub_item_after_semicolon_starts_a_paragraph() -> None:
    # Hanging indent: run-on lines at 84, labels at 70; «—» and «(» go on the sentence.
    pages = body(("а) передать Оборудование в исправном состоянии и в срок;", 70, 700),
                 ("б) обеспечивать охрану Оборудования, а по необходимости", 70, 685),
                 ("— укрытие от осадков;", 84, 670),
                 ("в) сообщать о неисправности не позднее чем через 2", 70, 655),
                 ("(два) дня.", 84, 640))
    assert texts(pages) == [
        "а) передать Оборудование в исправном состоянии и в срок;",
        "б) обеспечивать охрану Оборудования, а по необходимости — укрытие от осадков;",
        "в) сообщать о неисправности не позднее чем через 2 (два) дня."]


def test_paragraph_breaks_at_indent_gap_and_short_sentence_end() -> None:
    pages = body(("Первый абзац длинной строкой текста", 90, 700),
                 ("кончается здесь.", 70, 685),
                 ("Второй абзац начат с отступом и идёт", 90, 670),
                 ("дальше без отступа до конца строки", 70, 655),
                 ("после большого интервала третий абзац", 70, 625))
    assert texts(pages) == [
        "Первый абзац длинной строкой текста кончается здесь.",
        "Второй абзац начат с отступом и идёт дальше без отступа до конца строки",
        "после большого интервала третий абзац"]


def test_paragraph_goes_on_across_pages_only_in_lower_case() -> None:
    first = body(("2.3. Расчёты производятся путём перечисления", 90, 700))[0]
    second = body(("денежных средств на счёт Поставщика.", 70, 760),
                  ("Покупатель вправе требовать акт сверки.", 90, 745))[0]
    second.layout.page = 2
    assert texts([first, second]) == [
        "2.3. Расчёты производятся путём перечисления денежных средств на счёт Поставщика.",
        "Покупатель вправе требовать акт сверки."]


def test_table_rule_between_close_words_separates_cells() -> None:
    runs = [Run("Артикул", 70, 110, 700, 10), Run("Ед.", 122, 135, 700, 10),
            Run("изм.", 137, 155, 700, 10)]
    assert [f.text for f in build_page(1, runs).fragments] == ["Артикул Ед. изм."]
    rules = Rules([(116.0, 690.0, 715.0)])
    assert [f.text for f in build_page(1, runs, rules).fragments] == ["Артикул", "Ед. изм."]


def test_rules_between_checks_height() -> None:
    rules = Rules([(116.0, 690.0, 715.0), (300.0, 0.0, 100.0)])
    assert rules.between(110, 122, 703)
    assert not rules.between(110, 122, 600)
    assert not rules.between(120, 290, 50)


@pytest.mark.parametrize(
    ("first", "second", "cell", "joined"),
    [
        ("рабочие дни 9:00–", "18:00", False, "рабочие дни 9:00–18:00"),
        ("доверенность № 4-", "Д", False, "доверенность № 4-Д"),
        ("Исполни", "тель", True, "Исполнитель"),  # a narrow cell broke the word
        ("Исполни", "тель", False, "Исполни тель"),  # body text never does
        ("в течение", "срока", True, "в течение срока"),
    ],
)
def test_line_joins_numbers_and_words_broken_in_cells(first: str, second: str, cell: bool,
                                                     joined: str) -> None:
    a, b = frag(first, 4), frag(second, 5, 685.0)
    a.cell = b.cell = cell
    assert join_lines([(1, a), (1, b)]).text == joined


@pytest.mark.parametrize(("first", "second", "joined"), [
    ("палата торгово-", "промышленной", "палата торгово-промышленной"),  # both forms known
    ("из-", "за просрочки", "из-за просрочки"),
])
def test_hyphen_kept_when_the_hyphenated_word_is_known(first: str, second: str,
                                                        joined: str) -> None:
    assert join_lines([(1, frag(first, 4)), (1, frag(second, 5, 685.0))]).text == joined
