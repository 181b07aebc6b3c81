"""pypdfium2 and pdfplumber give the same blocks, pages and lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from contract_lint.errors import DocumentError
from contract_lint.parsers.pdf import parse_pdf

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"
PHRASES = {
    "contract.pdf": ["ДОГОВОР ПОСТАВКИ", "Петра Петровича", "оплачивает", "сдачи-приемки",
                     "счёта банка Покупателя", "Цемент М500", "в разумный срок",
                     "Поставщика для проверки", "до 31 декабря 2026 года"],
    "contract_lo.pdf": ["ДОГОВОР ПОСТАВКИ", "Федерации. Поставка", "в разумный срок",
                        "4.4. Поставщик", "Цемент М500", "6.5. Поставщик"],
}


@pytest.mark.parametrize("name", sorted(PHRASES))
def test_engines_agree_on_page_and_line_of_phrases(name: str) -> None:
    path = str(FIXTURES / name)
    fast = parse_pdf(path, engine="pdfium")
    slow = parse_pdf(path, engine="pdfplumber")
    for phrase in PHRASES[name]:
        a, b = fast.locate(fast.text.index(phrase)), slow.locate(slow.text.index(phrase))
        assert (a.page, a.line, a.clause) == (b.page, b.line, b.clause), phrase


@pytest.mark.parametrize("name", sorted(PHRASES))
def test_engines_give_identical_blocks(name: str) -> None:
    path = str(FIXTURES / name)
    fast = parse_pdf(path, engine="pdfium")
    slow = parse_pdf(path, engine="pdfplumber")
    assert fast.text == slow.text
    assert [(b.kind, b.lines, b.location, b.lint) for b in fast.blocks] == [
        (b.kind, b.lines, b.location, b.lint) for b in slow.blocks]
    assert slow.meta["engine"] == "pdfplumber"


def test_unknown_engine_is_a_document_error() -> None:
    with pytest.raises(DocumentError, match="unknown PDF engine 'poppler'"):
        parse_pdf(str(FIXTURES / "contract.pdf"), engine="poppler")


CORPUS = sorted((Path(__file__).parent / "corpus").glob("*/contract.pdf"))


@pytest.mark.slow
@pytest.mark.parametrize("path", CORPUS, ids=[p.parent.name for p in CORPUS])
def test_engines_agree_on_the_evaluation_corpus(path: Path) -> None:
    fast = parse_pdf(str(path), engine="pdfium")
    slow = parse_pdf(str(path), engine="pdfplumber")
    assert fast.text == slow.text
    assert [b.lines for b in fast.blocks] == [b.lines for b in slow.blocks]
