"""Unreadable PDFs become one-line DocumentErrors; scans need --ocr (tesseract)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from contract_lint.errors import DocumentError
from contract_lint.parsers import ocr
from contract_lint.parsers.pdf import parse_pdf

FIXTURES = Path(__file__).parent / "fixtures" / "pdf"
ENCRYPTED = str(FIXTURES / "encrypted.pdf")
SCANNED = str(FIXTURES / "scanned.pdf")
ENGINES = ["pdfium", "pdfplumber"]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("password", "reason"), [
    (None, "encrypted PDF"), ("wrong", "encrypted PDF (wrong password)")])
def test_encrypted_pdf_needs_the_password(engine: str, password: str | None, reason: str) -> None:
    with pytest.raises(DocumentError) as err:
        parse_pdf(ENCRYPTED, engine=engine, password=password)
    assert err.value.reason == reason
    assert "--password" in (err.value.hint or "")
    assert str(err.value).startswith(ENCRYPTED + ": encrypted PDF")


@pytest.mark.parametrize("engine", ENGINES)
def test_encrypted_pdf_opens_with_the_password(engine: str) -> None:
    doc = parse_pdf(ENCRYPTED, engine=engine, password="secret-123")
    loc = doc.locate(doc.text.index("в разумный срок"))
    assert (loc.page, loc.line, loc.clause) == (2, 8, "3.1")


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("keep", [0.3, 0.99])
def test_truncated_pdf_is_a_clear_error(engine: str, keep: float) -> None:
    data = (FIXTURES / "contract.pdf").read_bytes()
    with pytest.raises(DocumentError) as err:
        parse_pdf("cut.pdf", data[: int(len(data) * keep)], engine=engine)
    assert str(err.value).startswith("cut.pdf: not a readable PDF (corrupt or truncated)")


@pytest.mark.parametrize("engine", ENGINES)
def test_missing_file_is_a_document_error(engine: str, tmp_path: Path) -> None:
    with pytest.raises(DocumentError, match="cannot open the file"):
        parse_pdf(str(tmp_path / "absent.pdf"), engine=engine)


@pytest.mark.parametrize("engine", ENGINES)
def test_scan_without_ocr_says_no_text_layer(engine: str) -> None:
    with pytest.raises(DocumentError) as err:
        parse_pdf(SCANNED, engine=engine)
    assert (err.value.reason, err.value.hint) == ("no text layer — scanned?",
                                                  "run with --ocr or OCR it first")


def test_ocr_without_tesseract_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)
    with pytest.raises(DocumentError) as err:
        parse_pdf(SCANNED, ocr=True)
    assert "apt-get install tesseract-ocr tesseract-ocr-rus" in str(err.value)


def test_tesseract_tsv_becomes_runs_on_one_baseline_per_line() -> None:
    tsv = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight"
           "\tconf\ttext\n"
           "5\t1\t1\t1\t1\t1\t100\t200\t80\t30\t96\tСрок\n"
           "5\t1\t1\t1\t1\t2\t190\t205\t60\t40\t95\tуплаты\n"
           "5\t1\t1\t1\t2\t1\t100\t260\t50\t30\t90\tдней\n")
    runs = ocr.tsv_to_runs(tsv, 72 / 300, 842.0)
    assert [r.text for r in runs] == ["Срок", "уплаты", "дней"]
    assert runs[0].base == runs[1].base == pytest.approx(842 - 245 * 72 / 300)
    assert runs[2].base < runs[0].base


@pytest.mark.slow
@pytest.mark.skipif(shutil.which("tesseract") is None, reason="tesseract not installed")
def test_ocr_reads_the_scan_with_lines() -> None:
    doc = parse_pdf(SCANNED, ocr=True)
    assert doc.meta["ocr_pages"] == [1]
    loc = doc.locate(doc.text.index("ПОСТАВКИ"))
    assert (loc.page, loc.line) == (1, 2)
    loc = doc.locate(doc.text.index("ПРЕДМЕТ ДОГОВОРА"))
    assert (loc.page, loc.line, loc.clause) == (1, 10, "1")
    assert "Покупатель оплачивает Товар" in doc.text


def test_ocr_is_not_run_on_pages_with_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ocr.shutil, "which", lambda name: None)  # OCR would fail if asked
    doc = parse_pdf(str(FIXTURES / "contract.pdf"), ocr=True)
    assert doc.meta["ocr_pages"] == [] and doc.meta["pages"] == 4


def test_pdfplumber_reads_bytes_too() -> None:
    data = (FIXTURES / "contract.pdf").read_bytes()
    doc = parse_pdf("upload.pdf", data, engine="pdfplumber")
    loc = doc.locate(doc.text.index("в разумный срок"))
    assert (doc.path, loc.page, loc.line) == ("upload.pdf", 2, 8)
