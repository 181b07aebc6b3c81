"""Paragraph boundaries in a Word-like PDF: tests/fixtures/pdf/paragraphs.pdf.

make_paragraphs.py sets the lines as a LibreOffice export does (justified, first-line
and hanging indents) and prints page:line for each; the cases are the boundary bugs
found comparing the corpus PDFs with their DOCX (sub-items «б)»–«г)» merged, run-on
lines starting with «—» or «(» split off, «:» at a full line, «ст.» / «ГК РФ», …),
and the parties' requisites side by side without borders (pdf_sides).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from contract_lint.model import BlockKind, Document
from contract_lint.parsers.pdf import parse_pdf
from contract_lint.parsers.pdf_layout import Fragment, PageLayout
from contract_lint.parsers.pdf_sides import mark_side_by_side

PARAGRAPHS = str(Path(__file__).parent / "fixtures" / "pdf" / "paragraphs.pdf")


@pytest.fixture(scope="module", params=["pdfium", "pdfplumber"])
def doc(request: pytest.FixtureRequest) -> Document:
    return parse_pdf(PARAGRAPHS, engine=request.param)


def block_of(doc: Document, phrase: str) -> tuple[str, str | None, int | None, int | None]:
    """Return the text, clause, page and line of the block holding `phrase`."""
    block = doc.block_at(doc.text.index(phrase))
    assert block is not None
    return block.text, block.location.clause, block.location.page, block.location.line


def test_sub_items_are_blocks_of_their_own(doc: Document) -> None:
    items = [(b.text, b.label, b.location.clause, b.location.line)
             for b in doc.blocks if b.label and b.label.endswith(")")]
    assert items == [
        ("а) допускать к работе с Оборудованием только работников, прошедших инструктаж "
         "по его эксплуатации;", "а)", "5.2", 10),
        ("б) обеспечивать охрану Оборудования в нерабочее время, а в непогоду — укрытие "
         "Оборудования от атмосферных осадков;", "б)", "5.2", 12),
        ("в) сообщать Арендодателю о неисправности Оборудования не позднее через 2 (два) дня "
         "после её обнаружения;", "в)", "5.2", 14),
        ("г) не сдавать Оборудование в субаренду.", "г)", "5.2", 16),
    ]


def test_run_on_line_keeps_its_own_page_and_line(doc: Document) -> None:
    loc = doc.locate(doc.text.index("(два) дня"))
    assert (loc.clause, loc.page, loc.line) == ("5.2", 1, 15)
    loc = doc.locate(doc.text.index("— укрытие"))
    assert (loc.page, loc.line) == (1, 13)


@pytest.mark.parametrize(
    ("phrase", "text", "clause", "page", "line"),
    [
        ("время реакции",  # «…(SLA):» fills its line; the sentence goes on in lower case
         "6.1. Обслуживание проводится по Приложению № 2 к Договору (SLA): время реакции и "
         "время устранения зависят от приоритета заявки.", "6.1", 1, 17),
        ("450 ГК РФ",  # «п. 2 ст.» ends no sentence, «ГК РФ» in capitals is no heading
         "6.2. Арендатор вправе отказаться от Договора в случаях, указанных в п. 2 ст. 450 "
         "ГК РФ.", "6.2", 1, 19),
        ("по этапу 3.",  # «3.» wrapped to the next line is no clause number
         "6.3. Цвет Оборудования согласовывается до начала работ по этапу 3.", "6.3", 1, 21),
        ("Арендодателя не позднее",  # over the page break, though in capitals
         "6.4. Об обнаружении недостатков Арендатор уведомляет об этом Арендодателя не "
         "позднее 1 (одного) рабочего дня с даты их обнаружения.", "6.4", 1, 23),
        ("№ 4-Д", None, None, 1, 4),  # a code broken at its hyphen
    ],
)
def test_sentence_goes_on_over_the_line(doc: Document, phrase: str, text: str | None,
                                        clause: str | None, page: int, line: int) -> None:
    got = block_of(doc, phrase)
    assert got[1:] == (clause, page, line)
    if text is not None:
        assert got[0] == text


def test_title_place_and_date(doc: Document) -> None:
    body = [b.text for b in doc.blocks if b.kind != BlockKind.HEADER][:3]
    assert body == ["ДОГОВОР АРЕНДЫ ОБОРУДОВАНИЯ № ТА-01/26",
                    "о передаче во временное пользование строительной техники",
                    "г. Примерово «1» апреля 2026 г."]
    assert block_of(doc, "«1» апреля")[2:] == (1, 3)


def test_headings_annex_and_requisites_start_blocks(doc: Document) -> None:
    texts = [b.text for b in doc.blocks if b.location.page == 2]
    assert texts[1:] == [
        "Статья 7. УВЕДОМЛЕНИЯ",
        "7.1. Уведомления направляются по адресам, указанным в разделе 8 Договора.",
        "Приложение № 1 к Договору № ТА-01/26 от 01.04.2026",
        "ПЕРЕЧЕНЬ ОБОРУДОВАНИЯ (сводная форма)",
        "Индивидуальный предприниматель Условный Пётр Петрович",
        "ОГРНИП 300000000000001, ИНН 000000000001",
        "Адрес: 000000, г. Примерово, ул. Вымышленная, д. 5",
    ]
    assert block_of(doc, "Статья 7.")[1:] == ("7", 2, 3)


def test_requisites_side_by_side_read_as_two_cells(doc: Document) -> None:
    page = [(b.kind, b.text, b.location.table, b.location.row, b.location.col)
            for b in doc.blocks if b.location.page == 3]
    assert page[1:] == [
        (BlockKind.TABLE_CELL, "Арендодатель: ООО «Прокат-Образец» ИНН 0000000031 "
         "г. Примерово, ул. Вымышленная, д. 5 ____________ / С.И. Пробный /", 1, 1, 1),
        (BlockKind.TABLE_CELL, "Арендатор: ООО «Макет» ИНН 0000000032 г. Примерово, "
         "пр. Условный, д. 7 ____________ / А.А. Макетов /", 1, 1, 2),
        (BlockKind.PARAGRAPH, "Договор подписан в двух экземплярах, по одному для каждой "
         "из Сторон.", None, None, None),
    ]
    loc = doc.locate(doc.text.index("ИНН 0000000032"))
    assert (loc.clause, loc.page, loc.line, loc.col) == ("8", 3, 4, 2)


def side_page(left: list[str], right: list[str]) -> PageLayout:
    """A page of two columns (x 70 and 300), one line of each per baseline."""
    frags = [Fragment(text, x0, x0 + 5.5 * len(text), 700.0 - 14 * i, 10.0, i + 1)
             for x0, column in ((70.0, left), (300.0, right)) for i, text in enumerate(column)]
    frags.append(Fragment("Подписи Сторон заверены печатями организаций.", 70.0, 525.0,
                          700.0 - 14 * len(left), 10.0, len(left) + 1))
    return PageLayout(1, frags)


def test_side_by_side_needs_roles_with_a_colon_on_both_sides() -> None:
    page = side_page(["Покупатель:", "ООО «Ромашка-Тест»"], ["Продавец:", "ООО «Лютик»"])
    mark_side_by_side(page)
    assert [(f.text, f.cell, f.col) for f in page.fragments] == [
        ("Покупатель:", True, 1), ("ООО «Ромашка-Тест»", True, 1),
        ("Продавец:", True, 2), ("ООО «Лютик»", True, 2),
        ("Подписи Сторон заверены печатями организаций.", False, 0)]
    prose = side_page(["Заказчик обязан принять", "работы в срок."],
                      ["Исполнитель вправе", "привлекать третьих лиц."])
    mark_side_by_side(prose)
    assert not any(f.cell for f in prose.fragments)
