"""The PDF reader on a LibreOffice export (tests/fixtures/pdf/make_lo_contract.py).

Justified 12 pt Liberation Serif; running header on every page; footer «Страница N»
(a page number only); a small table on page 3 and a 40-row table running from page 3
to page 4 with its header row repeated there; page 5 in two columns whose baselines
are offset by a third of a line. Lines checked on `pdftoppm -png -r 60` renders.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from contract_lint.model import BlockKind, Document
from contract_lint.parsers.pdf import parse_pdf

LO = str(Path(__file__).parent / "fixtures" / "pdf" / "contract_lo.pdf")


@pytest.fixture(scope="module", params=["pdfium", "pdfplumber"])
def doc(request: pytest.FixtureRequest) -> Document:
    return parse_pdf(LO, engine=request.param)


@pytest.mark.parametrize(
    ("phrase", "page", "line", "clause"),
    [
        ("ДОГОВОР ПОСТАВКИ № 44/26-Л", 1, 2, None),
        ("1.1. Поставщик", 1, 7, "1.1"),
        ("Федерации. Поставка", 1, 35, "2.3"),  # a justified line with wide gaps
        ("в разумный срок", 1, 36, "2.3"),
        ("3.1. Поставщик", 2, 7, "3.1"),
        ("Цемент М500", 3, 6, "5"),
        ("6.1. Поставщик", 5, 4, "6.1"),
        ("6.5. Поставщик", 5, 2, "6.5"),  # right column, beside the heading
    ],
)
def test_lo_phrases(doc: Document, phrase: str, page: int, line: int, clause: str | None) -> None:
    loc = doc.locate(doc.text.index(phrase))
    assert (loc.page, loc.line, loc.clause) == (page, line, clause)


def test_lo_justified_lines_stay_in_their_paragraph(doc: Document) -> None:
    clauses = [b for b in doc.blocks if b.kind == BlockKind.LIST_ITEM and b.label.startswith("6.")]
    assert [b.label for b in clauses] == ["6.1.", "6.2.", "6.3.", "6.4.", "6.5.", "6.6."]
    assert all(b.text.endswith("законодательством Российской Федерации.") for b in clauses)


def test_lo_header_kept_once_page_number_footer_dropped(doc: Document) -> None:
    furniture = [(b.kind, b.text, b.lint) for b in doc.blocks if not b.lint]
    assert furniture == [(BlockKind.HEADER, "Договор поставки № 44/26-Л между ООО «Гамма-Тест» "
                                            "и АО «Дельта-Пример»", False)]
    assert "Страница" not in doc.text


def test_lo_clause_split_by_page_break_is_one_block(doc: Document) -> None:
    block = doc.block_at(doc.text.index("4.4. Поставщик"))
    assert block is not None
    assert [(ls.page, ls.line) for ls in block.lines] == [(2, 36), (2, 37), (3, 2), (3, 3)]


@pytest.mark.parametrize(
    ("text", "page", "line", "table", "row", "col"),
    [
        ("Цемент М500", 3, 6, 1, 2, 1),
        ("№ партии", 3, 9, 2, 1, 1),
        ("до 11.11.2026", 3, 19, 2, 11, 2),  # row 10: its «Примечание» is empty
        ("партия 11", 3, 20, 2, 12, 3),
        ("партия 36", 4, 3, 2, 37, 3),  # page 4, under the repeated header row
        ("до 13.05.2026", 4, 7, 2, 41, 2),
    ],
)
def test_lo_table_cells_have_table_row_and_column(doc: Document, text: str, page: int,
                                                 line: int, table: int, row: int,
                                                 col: int) -> None:
    block = next(b for b in doc.blocks if b.text == text)
    loc = block.location
    assert (block.kind, loc.page, loc.line, loc.table, loc.row, loc.col, loc.clause) == (
        BlockKind.TABLE_CELL, page, line, table, row, col, "5.1" if table == 2 else "5")


def test_lo_repeated_header_row_is_read_once(doc: Document) -> None:
    assert [b.location.page for b in doc.blocks if b.text == "№ партии"] == [3]
    rows = [b.location.row for b in doc.blocks if b.location.table == 2 and b.location.col == 1]
    assert rows == list(range(1, 42))
