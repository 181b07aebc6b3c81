"""ODT read natively: numbering from list and outline styles, tables, notes, tracked changes."""

import io
import zipfile
from pathlib import Path

import pytest

from contract_lint.errors import DocumentError
from contract_lint.model import BlockKind
from contract_lint.parsers import parse_path
from contract_lint.parsers.odt import parse_odt
from contract_lint.parsers.odt_numbering import format_number

FORMATS = Path(__file__).parent / "fixtures" / "formats"


@pytest.fixture(scope="module")
def doc():
    return parse_path(str(FORMATS / "contract.odt"))


def test_numbers_come_from_list_and_outline_styles(doc):
    rows = [(b.kind, b.label, b.location.clause, b.text) for b in doc.blocks
            if b.kind in (BlockKind.HEADING, BlockKind.LIST_ITEM)]
    assert rows == [
        (BlockKind.HEADING, None, None, "ДОГОВОР ПОДРЯДА № 3-ТЕСТ"),
        (BlockKind.HEADING, "I.", "I", "Предмет договора"),
        (BlockKind.LIST_ITEM, "1.", "1", "Подрядчик выполняет работы в срок."),
        (BlockKind.LIST_ITEM, "1.1.", "1.1", "Работы   выполняются\tиждивением\nПодрядчика."),
        (BlockKind.LIST_ITEM, "1.2.", "1.2", "Результат передаётся по акту."),
        (BlockKind.LIST_ITEM, "а)", "1.2", "первый экземпляр;"),
        (BlockKind.LIST_ITEM, "б)", "1.2", "второй экземпляр."),
        (BlockKind.HEADING, "II.", "II", "Цена"),
        # text:continue-numbering="true": the list goes on at 2
        (BlockKind.LIST_ITEM, "2.", "2", "Цена работ указана в таблице."),
        (BlockKind.LIST_ITEM, "•", "2", "оплата по факту;"),
    ]
    assert [b.level for b in doc.blocks[1:7]] == [1, 1, 2, 2, 3, 3]


def test_sections_follow_headings(doc):
    assert doc.locate(doc.text.index("Результат")).section == "Предмет договора"
    assert doc.locate(doc.text.index("Итого")).section == "Цена"


def test_tracked_deletions_are_dropped(doc):
    assert "УДАЛЁННЫЙ" not in doc.text


def test_tables_cell_by_cell(doc):
    cells = [(b.location.table, b.location.row, b.location.col, b.text)
             for b in doc.blocks if b.kind is BlockKind.TABLE_CELL]
    assert cells == [
        (1, 1, 1, "Работа"), (1, 1, 2, "Цена"),
        (1, 2, 1, "Покраска стен"),  # the covered cell under the span is not a block
        (1, 3, 1, "Итого"), (1, 3, 2, "10 000 руб.\nбез НДС"),
    ]
    assert doc.meta["tables"] == 1
    assert doc.locate(doc.text.index("без НДС")).clause == "2"


def test_furniture_and_footnotes_come_after_the_body(doc):
    tail = [(b.kind, b.text, b.location.clause) for b in doc.blocks[-3:]]
    assert tail == [
        (BlockKind.HEADER, "ООО «Пример-Подряд» — договор № 3-ТЕСТ", None),
        (BlockKind.FOOTER, "Страница 1", None),
        (BlockKind.FOOTNOTE, "Сноска: материалы Подрядчика.", "1.1"),
    ]
    # the note body is not part of the paragraph that cites it
    assert doc.blocks[3].text.endswith("Подрядчика.")


def test_odt_made_by_libreoffice_from_docx():
    lo = parse_path(str(FORMATS / "contract-lo.odt"))
    assert lo.format == "odt"
    rows = [(b.kind.value, b.label, b.location.clause, b.text) for b in lo.blocks]
    assert rows[:3] == [
        ("heading", "1.", "1", "1. ПРЕДМЕТ ДОГОВОРА"),
        ("list_item", "1.1.", "1.1", "1.1. Подрядчик выполняет работы в разумный срок."),
        ("list_item", "1.2.", "1.2", "1.2. Заказчик оплачивает работы в течение 5 рабочих дней."),
    ]
    assert rows[3:5] == [("table_cell", None, "1.2", "Работа"), ("table_cell", None, "1.2", "10 000 руб.")]
    # python-docx "List Number" paragraphs: LibreOffice's loext:num-list-format gives «1.», «2.»
    assert [r[1] for r in rows[5:7]] == ["1.", "2."]
    assert rows[-1] == ("header", None, None, "ООО «Пример-Подряд» — договор № 5-ТЕСТ")


@pytest.mark.parametrize(
    ("value", "fmt", "text"),
    [(3, "1", "3"), (3, "a", "c"), (28, "A", "BB"), (4, "i", "iv"), (14, "I", "XIV"), (2, "а", "б"), (3, "А", "В")],
)
def test_format_number(value, fmt, text):
    assert format_number(value, fmt) == text


def test_broken_odt_is_one_clear_error():
    data = (FORMATS / "contract.odt").read_bytes()
    with pytest.raises(DocumentError) as err:
        parse_odt("broken.odt", data[: len(data) // 2])
    assert err.value.reason.startswith("not a valid ODT file (broken zip")
    assert err.value.hint == "open the file in LibreOffice and save it again as .odt or .docx"


def test_password_protected_odt():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", b"\x8f\x01 encrypted bytes")
        zf.writestr("META-INF/manifest.xml", '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:'
                    'opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml">'
                    "<manifest:encryption-data/></manifest:file-entry></manifest:manifest>")
    with pytest.raises(DocumentError) as err:
        parse_odt("secret.odt", buf.getvalue())
    assert err.value.reason == "password-protected ODT file"


def test_numbers_match_what_libreoffice_shows():
    """numbering-lo.odt.txt is LibreOffice's own text export of numbering-lo.odt (make_formats.py)."""
    doc = parse_path(str(FORMATS / "numbering-lo.odt"))
    shown = {line.strip() for line in (FORMATS / "numbering-lo.odt.txt").read_text("utf-8-sig").splitlines()}
    numbered = [b for b in doc.blocks if b.label and b.label[0].isdigit()]
    assert len(numbered) >= 20
    for block in numbered:
        assert f"{block.label} {block.text}" in shown
    # LibreOffice's ODT lost Word's continuation of list 7 (a dangling text:continue-list):
    # it shows «1.1.» and «2.», and so do we.
    assert [(b.label, b.location.clause) for b in doc.blocks if b.text.startswith(("Исполнитель возмещает",
            "ЗАКЛЮЧИТЕЛЬНЫЕ"))] == [("1.1.", "1.1"), ("2.", "2")]


def _list_odt(body: str) -> bytes:
    styles = ('<text:list-style style:name="L1"><text:list-level-style-number text:level="1" '
              'style:num-format="1" style:num-suffix="."/><text:list-level-style-number text:level="2" '
              'style:num-format="1" style:num-suffix="." text:display-levels="2"/></text:list-style>')
    ns = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
          'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
          'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"')
    content = (f'<office:document-content {ns}><office:automatic-styles>{styles}</office:automatic-styles>'
               f"<office:body><office:text>{body}</office:text></office:body></office:document-content>")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.text")
        zf.writestr("content.xml", content)
    return buf.getvalue()


def _wrapped(text):
    return f"<text:list-item><text:list><text:list-item><text:p>{text}</text:p></text:list-item></text:list></text:list-item>"


def _item(text):
    return f"<text:list-item><text:p>{text}</text:p></text:list-item>"


@pytest.mark.parametrize(
    ("body", "labels"),
    [
        # checked against LibreOffice 7.4's text export of the same lists
        (f'<text:list text:style-name="L1">{_wrapped("a")}{_item("b")}</text:list>', ["1.1.", "2."]),
        (f'<text:list text:style-name="L1">{_item("a")}</text:list><text:p>x</text:p>'
         f'<text:list text:style-name="L1" text:continue-numbering="true">{_wrapped("b")}{_item("c")}</text:list>',
         ["1.", None, "1.1.", "2."]),
        (f'<text:list xml:id="l1" text:style-name="L1">{_item("a")}</text:list><text:p>x</text:p>'
         f'<text:list text:continue-list="l1" text:style-name="L1">{_item("b")}</text:list>'
         f'<text:list text:style-name="L1">{_item("c")}</text:list>',
         ["1.", None, "2.", "1."]),
    ],
)
def test_list_continuation_and_wrapper_items(body, labels):
    doc = parse_odt("lists.odt", _list_odt(body))
    assert [b.label for b in doc.blocks] == labels


def test_comments_are_kept_out_of_the_text_and_cover_their_paragraph(doc):
    assert "contract-lint" not in doc.text
    (comment,) = doc.comments
    block = doc.blocks[2]
    assert (comment.author, comment.text) == ("Юрист Тестов", "contract-lint: ignore TERM001 — срок в графике")
    assert (comment.start, comment.end) == (block.start, block.end)
    assert block.text == "Подрядчик выполняет работы в срок."
