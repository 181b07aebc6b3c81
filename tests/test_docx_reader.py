"""The DOCX reader: what a lawyer sees in Word is what the linter reads, once, located."""

from __future__ import annotations

from pathlib import Path

import pytest

from contract_lint.model import BlockKind
from contract_lint.parsers.docx import parse_docx

FIXTURES = Path(__file__).parent / "fixtures" / "docx"


def _doc(name: str):
    return parse_docx(str(FIXTURES / name))


def _texts(doc, kind: BlockKind | None = None) -> list[str]:
    return [b.text for b in doc.blocks if kind is None or b.kind == kind]


def test_tracked_changes_read_as_accepted():
    doc = _doc("tracked.docx")
    assert doc.format == "docx"
    assert _texts(doc) == [
        "1.1. Оплата производится в течение пяти рабочих дней.",
        "1.2. Акт подписывается в день оказания услуг.",
        "1.3. Первая часть пункта и вторая часть пункта.",
        "1.4. Конец.",
    ]
    assert "десяти" not in doc.text and "Перенесённый" not in doc.text and "Удалённый" not in doc.text
    assert [b.location.clause for b in doc.blocks] == ["1.1", "1.2", "1.3", "1.4"]


def test_content_controls_hyperlinks_fields_and_special_characters():
    doc = _doc("inline.docx")
    assert _texts(doc) == [
        "1.1. Исполнитель оказывает услуги по уборке.",
        "1.2. Срок оплаты 30 дней.",
        "1.3. Порядок указан на сайте Исполнителя и в пункте 5.2 договора.",
        "1.4. Расстояние 10 км.",
        "1.5. Заказчик: ООО «Ромашка-Тест».",
        "1.6.\tСчёт№ 7\nот 1 марта, ИНН-КПП, перечень",
    ]
    assert "REF" not in doc.text and "DOCPROPERTY" not in doc.text and "MERGEFORMAT" not in doc.text
    assert doc.locate(doc.text.index("30 дней")).clause == "1.2"


def test_tables_cell_by_cell_merged_cells_once_nested_tables_numbered():
    doc = _doc("tables.docx")
    cells = [(b.text, b.location.table, b.location.row, b.location.col)
             for b in doc.blocks if b.kind == BlockKind.TABLE_CELL]
    assert cells == [
        ("Шапка на две колонки", 1, 1, 1),
        ("Цена", 1, 1, 3),
        ("Объединено по вертикали", 1, 2, 1),
        ("Уборка\nпосле вложенной", 1, 2, 2),
        ("Вложенная А1", 2, 1, 1),
        ("Вложенная Б1", 2, 1, 2),
        ("10 000", 1, 2, 3),
        ("Мойка окон", 1, 3, 2),
        ("5 000", 1, 3, 3),
        ("Строка в элементе управления", 1, 5, 1),
        ("Итого", 1, 5, 2),
        ("15 000", 1, 5, 3),
        ("Вторая таблица", 3, 1, 1),
    ]
    assert doc.text.count("Объединено по вертикали") == 1
    assert "Удалённая строка" not in doc.text
    assert doc.locate(doc.text.index("Итого")).clause == "2.1"
    assert doc.locate(doc.text.index("Вторая таблица", doc.text.index("2.2."))).clause == "2.2"
    assert doc.meta["tables"] == 3


def test_text_box_read_once_after_its_anchor_paragraph():
    doc = _doc("textbox.docx")
    assert [(b.kind, b.text) for b in doc.blocks] == [
        (BlockKind.LIST_ITEM, "3.1. Ответственность сторон."),
        (BlockKind.LIST_ITEM, "3.2. Размер штрафа указан в рамке."),
        (BlockKind.TEXT_BOX, "Штраф составляет 50 000 рублей."),
        (BlockKind.LIST_ITEM, "3.3. Далее."),
        (BlockKind.TEXT_BOX, "Старая надпись VML."),
    ]
    assert doc.text.count("Штраф составляет") == 1
    assert doc.locate(doc.text.index("50 000")).clause == "3.2"


@pytest.fixture(scope="module")
def furniture():
    return _doc("furniture.docx")


def test_headers_and_footers_once_per_part_page_numbers_not_linted(furniture):
    furn = [(b.kind, b.text, b.lint) for b in furniture.blocks if b.kind in (BlockKind.HEADER, BlockKind.FOOTER)]
    assert furn == [
        (BlockKind.HEADER, "ООО «Ромашка-Тест» — Договор № 15-Т", True),
        (BlockKind.HEADER, "Первая страница договора", True),
        (BlockKind.FOOTER, "Страница 1 из 3", False),
    ]
    assert "PAGE" not in furniture.text


def test_footnotes_and_endnotes_located_at_citing_clause(furniture):
    notes = [(b.kind, b.text, b.location.clause) for b in furniture.blocks
             if b.kind in (BlockKind.FOOTNOTE, BlockKind.ENDNOTE)]
    assert notes == [
        (BlockKind.FOOTNOTE, "Ключевая ставка Банка России.", "5.2"),
        (BlockKind.ENDNOTE, "Редакция от 1 марта 2026 г.", "5.4"),
    ]


def test_comments_read_with_their_ranges_not_as_blocks(furniture):
    comments = [(c.author, c.text, furniture.text[c.start:c.end]) for c in furniture.comments]
    assert comments == [
        ("Юрист Тестов", "Проверить размер пени.", "пеню в размере 0,1 %"),
        ("Бухгалтер Демо", "Два пункта сразу.\nВторая строка.", "5.3. Первый пункт.\n\n5.4. Второй пункт"),
    ]
    assert "Проверить размер" not in furniture.text


def test_numbering_from_styles_is_lgl_bullets_and_typed_numbers():
    doc = _doc("numbering-features.docx")
    rows = [(b.kind, b.label, b.level, b.location.clause, b.text) for b in doc.blocks]
    assert rows == [
        (BlockKind.HEADING, "1.", 1, "1", "Предмет договора"),
        (BlockKind.LIST_ITEM, "1.1.", 2, "1.1", "Исполнитель оказывает услуги."),
        (BlockKind.LIST_ITEM, "а)", 3, "1.1", "в офисе Заказчика;"),
        (BlockKind.LIST_ITEM, "б)", 3, "1.1", "в помещениях склада."),
        (BlockKind.PARAGRAPH, None, None, "1.1", "Без номера, хотя стиль нумерованный."),
        (BlockKind.HEADING, "2.", 1, "2", "Цена договора"),
        (BlockKind.LIST_ITEM, "2.1.", 2, "2.1", "Цена указана в приложении."),
        (BlockKind.LIST_ITEM, "•", 1, "2.1", "включая НДС;"),
        (BlockKind.LIST_ITEM, "–", 2, "2.1", "включая расходы."),
        (BlockKind.HEADING, "I.", 1, "I", "ОБЩИЕ ПОЛОЖЕНИЯ"),
        (BlockKind.LIST_ITEM, "1.1.", 2, "1.1", "Юридическая нумерация пункта."),
        (BlockKind.HEADING, "II.", 1, "II", "ОСОБЫЕ УСЛОВИЯ"),
        (BlockKind.LIST_ITEM, "2.1.", 2, "2.1", "Второй юридический пункт."),
        (BlockKind.HEADING, "Статья 5.", 1, "5", "Статья 5. Ответственность сторон"),
        (BlockKind.LIST_ITEM, "5.2.", 2, "5.2", "5.2. Исполнитель уплачивает штраф."),
        (BlockKind.PARAGRAPH, None, None, "5.2", "Продолжение пункта 5.2 без номера."),
    ]
    sections = {b.location.section for b in doc.blocks}
    assert {"Предмет договора", "Цена договора", "ОБЩИЕ ПОЛОЖЕНИЯ", "Ответственность сторон"} <= sections


def test_bytes_and_path_give_the_same_document():
    path = FIXTURES / "tables.docx"
    from_bytes = parse_docx(str(path), path.read_bytes())
    assert from_bytes.text == _doc("tables.docx").text
    assert all(b.text == from_bytes.text[b.start:b.end] for b in from_bytes.blocks)


def test_table_of_contents_is_shown_but_not_linted_nor_numbered():
    doc = _doc("toc.docx")
    rows = [(b.kind, b.text, b.lint, b.location.clause) for b in doc.blocks]
    assert rows == [
        (BlockKind.PARAGRAPH, "1. ПРЕДМЕТ ДОГОВОРА\t1", False, None),
        (BlockKind.PARAGRAPH, "7. ОТВЕТСТВЕННОСТЬ СТОРОН\t2", False, None),
        (BlockKind.HEADING, "1. ПРЕДМЕТ ДОГОВОРА", True, "1"),
        (BlockKind.LIST_ITEM, "1.1. Исполнитель оказывает услуги.", True, "1.1"),
    ]
    assert "TOC" not in doc.text
