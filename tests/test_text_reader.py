"""Plain-text and Markdown contracts: encodings, paragraphs, clause numbers, source lines."""

from pathlib import Path

import pytest

from contract_lint.model import BlockKind
from contract_lint.parsers import parse_path
from contract_lint.parsers.text import parse_text
from contract_lint.parsers.text_encoding import decode_text, russian_score
from contract_lint.parsers.text_markdown import strip_inline

FORMATS = Path(__file__).parent / "fixtures" / "formats"


@pytest.mark.parametrize(
    ("name", "encoding"),
    [
        ("contract-cp1251.txt", "cp1251"),
        ("contract-koi8r.txt", "koi8-r"),
        ("contract-utf16le-bom.txt", "utf-16-le"),
        ("contract-utf16be.txt", "utf-16-be"),
        ("contract-utf8-bom.txt", "utf-8-sig"),
        ("contract-crlf.txt", "utf-8"),
    ],
)
def test_encodings_give_the_same_clauses_and_lines(name, encoding):
    doc = parse_path(str(FORMATS / name))
    assert (doc.format, doc.meta["encoding"]) == ("txt", encoding)
    rows = [(b.kind, b.location.clause, b.location.line, b.text[:12]) for b in doc.blocks]
    assert rows == [
        (BlockKind.HEADING, None, 1, "ДОГОВОР ОКАЗ"),
        (BlockKind.PARAGRAPH, None, 3, "г. Энск     "),
        (BlockKind.HEADING, "1", 5, "1. ПРЕДМЕТ Д"),
        (BlockKind.LIST_ITEM, "1.1", 6, "1.1. Исполни"),
        (BlockKind.LIST_ITEM, "1.2", 8, "1.2. Услуги "),
        (BlockKind.HEADING, "2", 10, "2. ОПЛАТА"),
        (BlockKind.LIST_ITEM, "2.1", 11, "2.1. Заказчи"),
        (BlockKind.LIST_ITEM, "2.1", 12, "а) по факту "),
        (BlockKind.LIST_ITEM, "2.1", 13, "б) на основа"),
    ]


def test_wrapped_paragraph_maps_offsets_to_source_lines():
    doc = parse_path(str(FORMATS / "contract-cp1251.txt"))
    at = doc.text.index("помещений Заказчика")
    loc = doc.locate(at)
    assert (loc.clause, loc.line, loc.section) == ("1.1", 7, "ПРЕДМЕТ ДОГОВОРА")
    assert doc.locate(doc.text.index("в разумный срок")).line == 8
    assert doc.locate(doc.text.index("уборке")).line == 6
    # the two source lines are joined by one space, so offsets stay one-to-one
    assert "по уборке помещений Заказчика" in doc.text


def test_cp1251_is_not_mistaken_for_cp1252_or_koi8():
    text = "Оплата производится Заказчиком"
    assert decode_text(text.encode("cp1251"), "x") == (text, "cp1251")
    assert russian_score(text) > russian_score(text.encode("cp1251").decode("koi8_r"))
    # short, lower-case words are the hard case for generic detectors
    assert decode_text("да, сторона".encode("cp1251"), "x") == ("да, сторона", "cp1251")


def test_latin_text_in_a_western_code_page():
    assert decode_text("Prix: 100 €, café".encode("cp1252"), "x") == ("Prix: 100 €, café", "cp1252")


def test_one_paragraph_per_line_without_blank_lines():
    src = "ДОГОВОР\nг. Энск\nСтороны договорились о следующем:\nЗаказчик платит в срок.\n"
    doc = parse_text("x.txt", src.encode())
    assert [(b.text, b.location.line) for b in doc.blocks] == [
        ("ДОГОВОР", 1), ("г. Энск", 2), ("Стороны договорились о следующем:", 3),
        ("Заказчик платит в срок.", 4),
    ]


def test_ignore_comments_in_text_become_suppressions():
    src = (
        "1.1. Оплата в разумный срок. <!-- contract-lint: ignore PAY001, TERM001 — согласовано -->\n"
        "<!-- contract-lint: ignore PEN001 -->\n"
        "1.2. Пеня 1 % в день.\n"
    )
    doc = parse_text("x.txt", src.encode())
    assert "contract-lint" not in doc.text
    assert [b.text for b in doc.blocks] == ["1.1. Оплата в разумный срок.", "1.2. Пеня 1 % в день."]
    assert doc.meta["suppressions"] == [
        {"codes": ["PAY001", "TERM001"], "reason": "согласовано", "line": 1, "offset": 0},
        {"codes": ["PEN001"], "reason": "", "line": 2, "offset": doc.blocks[1].start},
    ]


def test_markdown_headings_lists_tables_and_suppression():
    doc = parse_path(str(FORMATS / "contract.md"))
    assert doc.format == "md"
    rows = [(b.kind, b.text, b.location.clause, b.location.line) for b in doc.blocks]
    assert rows[:7] == [
        (BlockKind.HEADING, "Договор поставки № 12-ТЕСТ", None, 1),
        (BlockKind.HEADING, "1. Предмет договора", "1", 3),
        (BlockKind.LIST_ITEM, "1.1. Поставщик передаёт товар в собственность Покупателя.", "1.1", 5),
        (BlockKind.LIST_ITEM, "1.2. Товар поставляется в разумный срок.", "1.2", 6),
        (BlockKind.LIST_ITEM,
         "1.3. Покупатель принимает товар по количеству в порядке, установленном Инструкцией.", "1.3", 9),
        (BlockKind.HEADING, "2. Цена", "2", 12),
        (BlockKind.LIST_ITEM, "цена указывается в спецификации;", "2", 14),
    ]
    assert doc.blocks[7].text == "оплата «___» ________ 2026 г."  # blanks are not emphasis
    cells = [(b.text, b.location.table, b.location.row, b.location.col, b.location.line)
             for b in doc.blocks if b.kind is BlockKind.TABLE_CELL]
    assert cells == [("Товар", 1, 1, 1, 17), ("Цена, руб.", 1, 1, 2, 17),
                     ("Стулья", 1, 2, 1, 19), ("1 000", 1, 2, 2, 19)]
    assert doc.locate(doc.text.index("установленном")).line == 10
    last = doc.blocks[-1]
    assert (last.text, last.location.clause, last.location.line) == ("2.1. Цена включает НДС.", "2.1", 21)
    clause_13 = doc.blocks[4]
    assert doc.meta["suppressions"] == [
        {"codes": ["TERM001"], "reason": "срок согласован письмом от 01.02.2026", "line": 8,
         "offset": clause_13.start},
        {"codes": ["PAY002", "vague-price"], "reason": "согласовано", "line": 21, "offset": last.start},
    ]


def test_markdown_sections_follow_headings():
    doc = parse_path(str(FORMATS / "contract.md"))
    at = doc.text.index("Стулья")
    assert (doc.locate(at).section, doc.locate(at).clause) == ("Цена", "2")


@pytest.mark.parametrize(
    ("source", "plain"),
    [
        ("**Заказчик** обязан", "Заказчик обязан"),
        ("срок *не позднее* 5 дней", "срок не позднее 5 дней"),
        ("см. [приложение](annex.md)", "см. приложение"),
        ("«___» ________ 2026 г.", "«___» ________ 2026 г."),
        ("код `PEN001`", "код PEN001"),
        (r"звёздочка \* остаётся", "звёздочка * остаётся"),
        ("__важно__ и _курсив_", "важно и курсив"),
    ],
)
def test_strip_inline(source, plain):
    assert strip_inline(source) == plain


def test_markdown_fence_setext_and_other_html_comments():
    src = "Заголовок\n=========\n\n<!-- note for editors -->\nТекст.\n\n```\n1.1. код\n```\n"
    doc = parse_text("x.md", src.encode(), markdown=True)
    assert [(b.kind, b.text, b.location.line) for b in doc.blocks] == [
        (BlockKind.HEADING, "Заголовок", 1),
        (BlockKind.PARAGRAPH, "Текст.", 5),
        (BlockKind.LIST_ITEM, "1.1. код", 8),
    ]
    assert doc.meta["suppressions"] == []


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_LINE = st.one_of(
    st.just(""),
    st.text(alphabet="абвгдеёжзАБВ XYZ 0123456789.,;:()«»-—\t", max_size=60),
    st.builds(lambda n, t: f"{n}. {t}", st.integers(1, 20), st.text(alphabet="абв где.", max_size=30)),
    st.builds(lambda t: f"- {t}", st.text(alphabet="абв где", min_size=1, max_size=20)),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(_LINE, max_size=25), st.booleans(), st.sampled_from(["utf-8", "utf-16"]))
def test_every_line_start_points_at_its_source_line(lines, markdown, encoding):
    source = "\n".join(lines)
    doc = parse_text("x.md" if markdown else "x.txt", source.encode(encoding), markdown=markdown)
    for block in doc.blocks:
        assert doc.text[block.start:block.end] == block.text
        assert block.lines and block.location.line == block.lines[0].line
        for ls in block.lines:
            assert doc.locate(ls.offset).line == ls.line
            if not markdown:  # Markdown strips markers and emphasis; text keeps every character
                assert doc.text.startswith(lines[ls.line - 1].strip()[:10], ls.offset)
