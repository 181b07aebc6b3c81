"""The document model: normalisation, offsets and locations."""

from contract_lint.model import BlockKind, DocumentBuilder, Location, fold, normalize_text


def test_normalize_text_keeps_numero_sign_and_folds_spaces():
    raw = "Договор\u00a0№\u00a015 оплачи\u00adвается в\u2011течение \ufb01"
    assert normalize_text(raw) == "Договор № 15 оплачивается в-течение fi"


def test_normalize_text_composes_decomposed_letters():
    decomposed = "подписыва\u0438\u0306"  # и + combining breve
    assert normalize_text(decomposed) == "подписывай"


def test_fold_keeps_length_and_folds_yo():
    text = "ДОГОВОРЁННОСТИ Сторон"
    assert fold(text) == "договоренности сторон"
    assert len(fold(text)) == len(text)


def _two_block_document():
    b = DocumentBuilder("x.pdf", "pdf")
    b.add("1.1. Первая строка\nвторая строка", BlockKind.LIST_ITEM, Location(clause="1.1"),
          lines=((0, 1, 3), (18, 1, 4)))
    b.add("Таблица", BlockKind.TABLE_CELL, Location(clause="1.1", table=1, row=2, col=3),
          lines=((0, 2, 1),))
    return b.build()


def test_builder_offsets_match_text():
    doc = _two_block_document()
    for block in doc.blocks:
        assert doc.text[block.start:block.end] == block.text
    assert doc.blocks[1].start == doc.blocks[0].end + 2


def test_locate_maps_offsets_to_page_and_line():
    doc = _two_block_document()
    second_line = doc.text.index("вторая")
    assert doc.locate(0).line == 3
    loc = doc.locate(second_line)
    assert (loc.clause, loc.page, loc.line) == ("1.1", 1, 4)
    cell = doc.locate(doc.text.index("Таблица"))
    assert (cell.page, cell.line, cell.table, cell.row, cell.col) == (2, 1, 1, 2, 3)
    assert cell.kind == BlockKind.TABLE_CELL


def test_empty_blocks_are_skipped_and_clause_numbers_collected():
    b = DocumentBuilder("x.txt", "text")
    assert b.add("   ", BlockKind.PARAGRAPH, Location()) is None
    b.add("5.2. Текст", BlockKind.LIST_ITEM, Location(clause="5.2"))
    doc = b.build()
    assert len(doc.blocks) == 1 and doc.blocks[0].index == 0
    assert doc.clause_numbers() == frozenset({"5.2"})
