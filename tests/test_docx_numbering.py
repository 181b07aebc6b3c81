"""Automatic numbering of DOCX paragraphs: the labels Word and LibreOffice display."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from contract_lint.model import BlockKind
from contract_lint.parsers.docx import parse_docx
from contract_lint.parsers.docx_numbering import Numbering, format_number

FIXTURES = Path(__file__).parent / "fixtures" / "docx"
LO_DOCX = FIXTURES / "numbering-lo.docx"
BODY_KINDS = {BlockKind.HEADING, BlockKind.PARAGRAPH, BlockKind.LIST_ITEM, BlockKind.TABLE_CELL}


def _rendered_lines(doc) -> list[str]:
    """Render blocks as LibreOffice's text export does: «label text», one cell per line."""
    out = []
    for block in doc.blocks:
        if block.kind not in BODY_KINDS:
            continue
        typed = block.label is None or block.text.startswith(block.label)
        out.append(block.text if typed else f"{block.label} {block.text}")
    return [" ".join(line.split()) for line in out]


def _oracle_lines(path: Path) -> list[str]:
    # LibreOffice indents list paragraphs and separates label and text by spaces or a tab.
    text = path.read_text(encoding="utf-8-sig")
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def lo_doc():
    return parse_docx(str(LO_DOCX))


def test_every_paragraph_matches_libreoffice_text_export(lo_doc):
    assert _rendered_lines(lo_doc) == _oracle_lines(FIXTURES / "numbering-lo.txt")


def _block(doc, needle: str):
    return next(b for b in doc.blocks if needle in b.text)


def test_penalty_clause_is_7_2_with_its_section(lo_doc):
    block = _block(lo_doc, "пеню")
    assert (block.label, block.level, block.location.clause) == ("7.2.", 2, "7.2")
    assert block.location.section == "ОТВЕТСТВЕННОСТЬ СТОРОН"
    assert block.kind == BlockKind.LIST_ITEM
    offset = lo_doc.text.index("пеню")
    assert lo_doc.locate(offset).clause == "7.2"


def test_russian_letter_subitems_belong_to_their_parent_clause(lo_doc):
    items = [b for b in lo_doc.blocks if b.text.startswith("за просрочку")]
    assert [(b.label, b.level, b.location.clause) for b in items] == [
        ("а)", 3, "7.2"), ("б)", 3, "7.2"), ("в)", 3, "7.2")]
    assert _block(lo_doc, "убытки").label == "7.3."


def test_three_levels_and_list_continued_after_table(lo_doc):
    assert _block(lo_doc, "Перечень помещений").label == "1.1.1."
    assert _block(lo_doc, "График уборки").location.clause == "1.1.2"
    assert _block(lo_doc, "Оплата производится").label == "2.2."
    assert _block(lo_doc, "Акт подписывается").label == "2.2.1."
    cell = _block(lo_doc, "10 000")
    assert (cell.kind, cell.location.table, cell.location.row, cell.location.col) == (
        BlockKind.TABLE_CELL, 1, 2, 2)
    assert cell.location.clause == "2.1"


def test_list_restarted_at_five_and_headings(lo_doc):
    heading = _block(lo_doc, "ПРАВА И ОБЯЗАННОСТИ")
    assert (heading.kind, heading.label, heading.location.clause) == (BlockKind.HEADING, "5.", "5")
    assert _block(lo_doc, "КОНФИДЕНЦИАЛЬНОСТЬ").label == "6."
    assert _block(lo_doc, "вступает в силу").location.clause == "8.1"


def test_source_docx_gives_the_same_labels_as_libreoffice_copy(lo_doc):
    """Our raw numbering.xml (shared abstract + startOverride) and LibreOffice's rewrite agree."""
    sys.path.insert(0, str(FIXTURES))
    try:
        from make_numbering_fixture import source_docx
    finally:
        sys.path.remove(str(FIXTURES))
    source = parse_docx("source.docx", source_docx())
    assert [(b.label, b.location.clause) for b in source.blocks] == [
        (b.label, b.location.clause) for b in lo_doc.blocks]


@pytest.mark.soffice
def test_oracle_is_what_libreoffice_prints_today(tmp_path):
    if shutil.which("soffice") is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/profile", "--headless",
                    "--convert-to", "txt:Text (encoded):UTF8", "--outdir", str(tmp_path), str(LO_DOCX)],
                   check=True, capture_output=True, timeout=180)
    assert _oracle_lines(tmp_path / "numbering-lo.txt") == _oracle_lines(FIXTURES / "numbering-lo.txt")


# -- the numbering engine on raw numbering.xml ------------------------------------------

@pytest.mark.parametrize(
    ("n", "fmt", "shown"),
    [
        (3, "decimal", "3"), (7, "decimalZero", "07"), (12, "decimalZero", "12"),
        (2, "lowerLetter", "b"), (27, "lowerLetter", "aa"), (3, "upperLetter", "C"),
        (14, "lowerRoman", "xiv"), (1999, "upperRoman", "MCMXCIX"),
        (1, "russianLower", "а"), (9, "russianLower", "и"), (10, "russianLower", "к"),
        (28, "russianLower", "я"), (29, "russianLower", "аа"), (6, "russianUpper", "Е"),
        (4, "ordinal", "4"), (4, "cardinalText", "4"), (5, "none", ""),
    ],
)
def test_format_number(n, fmt, shown):
    assert format_number(n, fmt) == shown


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _numbering(xml: str, style_num_ids: dict[str, str] | None = None) -> Numbering:
    return Numbering(etree.fromstring(f'<w:numbering xmlns:w="{W}">{xml}</w:numbering>'), style_num_ids)


def _lvl(ilvl: int, fmt: str, text: str, extra: str = "") -> str:
    return (f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>{extra}'
            f'<w:lvlText w:val="{text}"/></w:lvl>')


def _labels(numbering: Numbering, seq: list[tuple[str, int]]) -> list[str | None]:
    out = []
    for num_id, ilvl in seq:
        result = numbering.label(num_id, ilvl)
        out.append(result[0] if result else None)
    return out


def test_counters_shared_by_abstract_and_start_override_restarts():
    n = _numbering(
        '<w:abstractNum w:abstractNumId="0">' + _lvl(0, "decimal", "%1.") + _lvl(1, "decimal", "%1.%2.")
        + "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="3"><w:abstractNumId w:val="0"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="10"/></w:lvlOverride></w:num>')
    assert _labels(n, [("1", 0), ("1", 1), ("2", 1), ("2", 0), ("3", 0), ("3", 1), ("3", 0), ("0", 0)]) == [
        "1.", "1.1.", "1.2.", "2.", "10.", "10.1.", "11.", None]


def test_level_restart_never_and_skipped_upper_level_counts_as_used():
    """A skipped level shows, and then keeps, its start value (as LibreOffice and Word display)."""
    n = _numbering(
        '<w:abstractNum w:abstractNumId="0">' + _lvl(0, "decimal", "%1.")
        + _lvl(1, "decimal", "%1.%2.", '<w:lvlRestart w:val="0"/>') + _lvl(2, "lowerLetter", "%3)")
        + "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    assert _labels(n, [("1", 1), ("1", 0), ("1", 1), ("1", 2), ("1", 2), ("1", 1), ("1", 2)]) == [
        "1.1.", "2.", "2.2.", "a)", "b)", "2.3.", "a)"]


def test_level_skipped_inside_a_list():
    n = _numbering(
        '<w:abstractNum w:abstractNumId="0">' + _lvl(0, "decimal", "%1.") + _lvl(1, "decimal", "%1.%2.")
        + _lvl(2, "decimal", "%1.%2.%3.") + "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    assert _labels(n, [("1", 0), ("1", 2), ("1", 1), ("1", 0), ("1", 2)]) == [
        "1.", "1.1.1.", "1.2.", "2.", "2.1.1."]


def test_full_level_inside_lvl_override_and_is_legal():
    n = _numbering(
        '<w:abstractNum w:abstractNumId="0">' + _lvl(0, "upperRoman", "Раздел %1.")
        + _lvl(1, "decimal", "%1.%2.", "<w:isLgl/>") + "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
        '<w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="russianUpper"/><w:lvlText w:val="%1."/></w:lvl>'
        "</w:lvlOverride></w:num>")
    assert _labels(n, [("1", 0), ("1", 1), ("1", 0), ("1", 1)]) == ["Раздел I.", "1.1.", "Раздел II.", "2.1."]
    fresh = _numbering(
        '<w:abstractNum w:abstractNumId="0">' + _lvl(0, "upperRoman", "%1.") + "</w:abstractNum>"
        '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
        '<w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="russianUpper"/><w:lvlText w:val="%1."/></w:lvl>'
        "</w:lvlOverride></w:num>")
    assert _labels(fresh, [("2", 0), ("2", 0)]) == ["В.", "Г."]


def test_num_style_link_uses_the_linked_definition_and_counters():
    n = _numbering(
        '<w:abstractNum w:abstractNumId="5"><w:numStyleLink w:val="ContractList"/></w:abstractNum>'
        '<w:abstractNum w:abstractNumId="6"><w:styleLink w:val="ContractList"/>'
        + _lvl(0, "decimal", "Статья %1.") + "</w:abstractNum>"
        '<w:num w:numId="7"><w:abstractNumId w:val="6"/></w:num>'
        '<w:num w:numId="8"><w:abstractNumId w:val="5"/></w:num>',
        {"ContractList": "7"})
    assert _labels(n, [("7", 0), ("8", 0), ("8", 0)]) == ["Статья 1.", "Статья 2.", "Статья 3."]


def test_bullets_and_none():
    n = _numbering(
        '<w:abstractNum w:abstractNumId="0">' + _lvl(0, "bullet", "\uf0b7") + _lvl(1, "bullet", "–")
        + _lvl(2, "none", "") + "</w:abstractNum>"
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>')
    assert _labels(n, [("1", 0), ("1", 1), ("1", 2)]) == ["•", "–", ""]


def test_roman_section_with_decimal_item_is_a_clause():
    """Word's «%1.%2.» over an upperRoman level displays «I.1.» (no w:isLgl)."""
    from contract_lint.parsers.clauses import ClauseTracker

    tracker = ClauseTracker()
    assert tracker.feed("ОБЩИЕ ПОЛОЖЕНИЯ", auto_label="I.").clause == "I"
    item = tracker.feed("Юридическая нумерация пункта.", auto_label="I.1.")
    assert (item.clause, item.label.depth, item.is_heading) == ("I.1", 2, False)
