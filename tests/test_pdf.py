"""The PDF reader on tests/fixtures/pdf/contract.pdf (made by make_contract.py).

Pages and lines are those make_contract.py prints (distinct baselines from the top of
the page, running header = line 1); page 1 and page 3 were checked on renders made
with `pdftoppm -png -r 60`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from contract_lint.model import BlockKind, Document
from contract_lint.parsers.pdf import parse_pdf

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"
CONTRACT = str(FIXTURES / "contract.pdf")


@pytest.fixture(scope="module")
def doc() -> Document:
    return parse_pdf(CONTRACT)


def where(doc: Document, phrase: str) -> tuple[int | None, int | None, str | None]:
    loc = doc.locate(doc.text.index(phrase))
    return loc.page, loc.line, loc.clause


@pytest.mark.parametrize(
    ("phrase", "page", "line", "clause"),
    [
        ("ДОГОВОР ПОСТАВКИ № 17/26-Т", 1, 2, None),
        ("«01» марта 2026 г.", 1, 3, None),
        ("Петра Петровича", 1, 6, None),
        ("1.1. Поставщик обязуется", 1, 11, "1.1"),
        ("и оплатить Товар.", 1, 13, "1.1"),
        ("в течение 10 (десяти) рабочих дней", 1, 18, "2.1"),
        ("товарная накладная по форме ТОРГ-12", 1, 20, "2.2"),
        ("в разделе 8 Договора", 1, 23, "2.3"),
        ("счёта банка Покупателя", 2, 2, "2.3"),  # 2.3 runs over to page 2
        ("оснований их возникновения", 2, 6, "2.3"),
        ("в разумный срок", 2, 8, "3.1"),
        ("неустойку в размере 0,1 %", 2, 17, "4.1"),
        ("причинённые убытки", 2, 20, "4.2"),
        ("хранения Товара, установленных", 3, 19, "5.3"),
        ("Поставщика для проверки", 3, 4, "5.3"),  # right column, next to left line 4
        ("5.4. Скрытые недостатки", 3, 5, "5.4"),
        ("подписания товарной накладной.", 3, 12, "5.5"),
        ("до 31 декабря 2026 года", 4, 4, "6.1"),
    ],
)
def test_phrases_have_page_line_and_clause(doc: Document, phrase: str, page: int, line: int,
                                           clause: str | None) -> None:
    assert where(doc, phrase) == (page, line, clause)


def test_clause_numbers_and_sections(doc: Document) -> None:
    assert doc.clause_numbers() == {
        "1", "1.1", "1.2", "2", "2.1", "2.2", "2.3", "3", "3.1", "3.2", "4", "4.1", "4.2",
        "5", "5.1", "5.2", "5.3", "5.4", "5.5", "6", "6.1", "6.2", "7",
    }
    assert doc.locate(doc.text.index("в разумный срок")).section == "СРОКИ ПОСТАВКИ"
    headings = [b.text for b in doc.blocks if b.kind == BlockKind.HEADING]
    assert headings[:3] == ["ДОГОВОР ПОСТАВКИ № 17/26-Т", "1. ПРЕДМЕТ ДОГОВОРА",
                            "2. ЦЕНА И ПОРЯДОК РАСЧЁТОВ"]


def test_paragraph_runs_across_page_break_as_one_block(doc: Document) -> None:
    block = doc.block_at(doc.text.index("2.3. Расчёты"))
    assert block is not None and block.label == "2.3."
    assert block.text.endswith("с корреспондентского счёта банка Покупателя. Стороны "
                               "ежеквартально проводят сверку взаимных расчётов и подписывают "
                               "акт сверки не позднее пятнадцатого числа месяца, следующего за "
                               "отчётным кварталом, а при наличии разногласий составляют "
                               "протокол разногласий с указанием спорных сумм и оснований их "
                               "возникновения.")
    assert [(ls.page, ls.line) for ls in block.lines] == [
        (1, 21), (1, 22), (1, 23), (1, 24), (2, 2), (2, 3), (2, 4), (2, 5), (2, 6)]


def test_two_columns_read_left_then_right(doc: Document) -> None:
    block = doc.block_at(doc.text.index("5.3. Претензии"))
    assert block is not None
    assert block.text.endswith("изготовителем, и предъявления образцов Товара представителю "
                               "Поставщика для проверки.")
    assert doc.text.index("5.2. При") < doc.text.index("5.3. Претензии") < doc.text.index(
        "5.4. Скрытые")


def test_running_header_and_footer_kept_once_and_not_linted(doc: Document) -> None:
    furniture = [(b.kind, b.text, b.lint, b.location.page, b.location.line)
                 for b in doc.blocks if b.kind in (BlockKind.HEADER, BlockKind.FOOTER)]
    assert furniture == [
        (BlockKind.HEADER, "ООО «Альфа-Тест» — ООО «Бета-Пример». Договор поставки № 17/26-Т",
         False, 1, 1),
        (BlockKind.FOOTER, "Поставщик ____________ Покупатель ____________", False, 1, 27),
    ]
    assert doc.text.count("Договор поставки № 17/26-Т") == 1
    assert doc.text.count("Поставщик ____________") == 1


def test_page_numbers_are_dropped(doc: Document) -> None:
    assert "– 1 –" not in doc.text and "– 3 –" not in doc.text


def test_vertical_margin_stamp_is_not_text(doc: Document) -> None:
    assert "штамп" not in doc.text
    last = [b for b in doc.blocks if b.location.page == 4]
    assert [(b.text, b.location.line) for b in last[-2:]] == [
        ("Поставщик: ООО «Альфа-Тест»", 7), ("Покупатель: ООО «Бета-Пример»", 7)]


def test_line_end_hyphen_joined_only_for_known_words(doc: Document) -> None:
    assert "Покупатель оплачивает Товар" in doc.text
    assert "оплачи-" not in doc.text
    assert "акт сдачи-приемки Товара" in doc.text
    # The joined word starts on line 17; its second half is on line 18.
    assert where(doc, "оплачивает") == (1, 17, "2.1")
    assert where(doc, "вает Товар") == (1, 18, "2.1")


def test_footnote_marker_separated_and_footnote_block(doc: Document) -> None:
    assert "в Спецификации ¹ к настоящему Договору" in doc.text
    notes = [b for b in doc.blocks if b.kind == BlockKind.FOOTNOTE]
    assert [(n.text, n.location.page, n.location.line, n.lint) for n in notes] == [
        ("¹ Спецификация (Приложение № 1) является неотъемлемой частью настоящего Договора. "
         "Форма Спецификации согласована Сторонами.", 1, 25, True)]
    # The footnote follows the paragraph that was open at the end of its page.
    assert notes[0].index == doc.block_at(doc.text.index("2.3. Расчёты")).index + 1


def test_table_cells_stay_separate_in_reading_order(doc: Document) -> None:
    cells = [b.text for b in doc.blocks
             if b.location.page == 2 and b.location.line in (11, 12, 13, 14)]
    assert cells == ["№", "Наименование", "Количество", "Цена, руб.",
                     "1", "Цемент М500", "120 мешков", "45 000,00",
                     "2", "Песок речной", "30 тонн", "60 000,00",
                     "3", "Щебень гранитный", "40 тонн", "345 000,00"]
    cell = doc.block_at(doc.text.index("Цемент М500"))
    assert cell is not None
    loc = cell.location
    assert (cell.kind, loc.clause, loc.table, loc.row, loc.col) == (
        BlockKind.TABLE_CELL, "3.2", 1, 2, 2)
    # The «1» in the number column is a cell, not clause 1.
    assert doc.locate(doc.text.index("4.1. За просрочку")).clause == "4.1"


def test_blocks_match_text_and_meta(doc: Document) -> None:
    assert doc.format == "pdf"
    for block in doc.blocks:
        assert doc.text[block.start:block.end] == block.text
    assert doc.meta["pages"] == 4 and doc.meta["pages_without_text"] == []


def test_bytes_input_gives_the_same_document() -> None:
    data = Path(CONTRACT).read_bytes()
    assert parse_pdf("upload.pdf", data).text == parse_pdf(CONTRACT).text
