"""On the evaluation corpus, the PDF export reads like the DOCX it was made from.

tests/corpus/*/contract.pdf is LibreOffice's export of contract.docx (tests/corpus/
build.py): the PDF reader must find the same words, clause numbers and table cells
(text, table, row, column, clause) as the DOCX reader. Running headers and footers
are left out (the DOCX reader keeps one per section, the PDF reader one in all).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from contract_lint.model import BlockKind, Document
from contract_lint.parsers import parse_path
from contract_lint.parsers.pdf import parse_pdf

CORPUS = sorted((Path(__file__).parent / "corpus").glob("*/contract.pdf"))
FURNITURE = (BlockKind.HEADER, BlockKind.FOOTER)


def words(doc: Document) -> Counter[str]:
    """Count the words of the body, with automatic numbers the DOCX keeps out of the text."""
    result: Counter[str] = Counter()
    for block in doc.blocks:
        if block.kind in FURNITURE:
            continue
        result.update(block.text.split())
        if block.label and not block.text.startswith(block.label):
            result[block.label] += 1
    return result


def cells(doc: Document) -> set[tuple[object, ...]]:
    return {(b.text, b.location.table, b.location.row, b.location.col, b.location.clause)
            for b in doc.blocks if b.kind == BlockKind.TABLE_CELL}


@pytest.mark.slow
@pytest.mark.parametrize("pdf", CORPUS, ids=[p.parent.name for p in CORPUS])
def test_pdf_reads_like_its_docx(pdf: Path) -> None:
    from_pdf = parse_pdf(str(pdf))
    from_docx = parse_path(pdf.with_suffix(".docx"))
    assert from_pdf.clause_numbers() == from_docx.clause_numbers()
    assert words(from_pdf) == words(from_docx)
    assert cells(from_pdf) == cells(from_docx)


def test_corpus_is_there() -> None:
    assert len(CORPUS) >= 10
