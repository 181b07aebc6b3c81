"""`annotate` on PDF: a highlight annotation over the matched words of every finding."""

from __future__ import annotations

import hashlib
import os
import shutil
import time
from pathlib import Path

import pikepdf
import pypdfium2 as pdfium
import pytest
from typer.testing import CliRunner

from contract_lint.annotate import annotate_file
from contract_lint.annotate.docx_comments import comment_text
from contract_lint.annotate.pdf_highlights import squeeze
from contract_lint.api import lint_document, load_rules
from contract_lint.engine import Engine, EngineOptions
from contract_lint.parsers.pdf import parse_pdf

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_rules(EngineOptions()))


def _copy(tmp_path: Path, name: str) -> Path:
    src = tmp_path / name
    shutil.copy2(EXAMPLES / name, src)
    return src


def _highlights(path: Path) -> list[tuple[int, dict[str, object]]]:
    """Return (page, {contents, author, quads, rect}) of every highlight, in page order."""
    with pikepdf.open(path) as pdf:
        return [(i + 1, {"contents": str(a.Contents), "author": str(a.T),
                         "quads": [float(v) for v in a.QuadPoints], "rect": [float(v) for v in a.Rect]})
                for i, page in enumerate(pdf.pages) for a in page.obj.get("/Annots", [])
                if a.get("/Subtype") == "/Highlight"]


def _text_under(textpage: pdfium.PdfTextPage, quads: list[float]) -> str:
    """Return the page text inside the quads (pdfium's own bounded-text extraction)."""
    parts = []
    for k in range(0, len(quads), 8):
        left, top, right, bottom = quads[k], quads[k + 1], quads[k + 2], quads[k + 5]
        parts.append(textpage.get_text_bounded(left, bottom, right, top))
    return squeeze(" ".join(parts))[0]


@pytest.mark.parametrize("name", ["uslugi.pdf", "postavka.pdf", "oferta.pdf", "it-integration.pdf"])
def test_highlights_cover_the_matched_words(tmp_path: Path, engine: Engine, name: str) -> None:
    src = _copy(tmp_path, name)
    doc = parse_pdf(str(src))
    findings = lint_document(doc, engine).findings
    out = Path(annotate_file(src, None, engine=engine).output)
    assert out.name == name.replace(".pdf", ".reviewed.pdf")
    found = _highlights(out)
    assert len(found) == len(findings) > 5
    reader = pdfium.PdfDocument(str(out))
    by_text: dict[str, list] = {}
    for page, annot in found:
        by_text.setdefault(annot["contents"], []).append((page, annot))
    for finding in findings:
        page, annot = by_text[comment_text(finding)].pop(0)
        assert annot["author"] == "contract-lint"
        quads = annot["quads"]
        under = _text_under(reader[page - 1].get_textpage(), quads)
        if finding.document_level:  # the first line of the section heading, or of the title
            block = doc.blocks[finding.block] if finding.block is not None else next(b for b in doc.blocks if b.lint)
            first, end = block.lines[0], (block.lines[1].offset if len(block.lines) > 1 else block.end)
            assert (page, under) == (first.page, squeeze(doc.text[first.offset:end])[0]), finding.rule
            continue
        assert page == finding.location.page
        assert under == squeeze(finding.match)[0], finding.rule
        rect = annot["rect"]
        assert rect[0] <= min(quads[0::2]) and max(quads[0::2]) <= rect[2]


def test_quads_sit_on_pdfium_character_boxes(tmp_path: Path, engine: Engine) -> None:
    src = _copy(tmp_path, "uslugi.pdf")
    out = annotate_file(src, tmp_path / "u.pdf", engine=engine).output
    page, annot = next((p, a) for p, a in _highlights(Path(out)) if "по факту оказания" in a["contents"])
    textpage = pdfium.PdfDocument(out)[page - 1].get_textpage()
    searcher = textpage.search("по факту оказания")
    index, count = searcher.get_next()
    quads = annot["quads"]
    for i in range(index, index + count):
        left, bottom, right, top = textpage.get_charbox(i)
        x, y = (left + right) / 2, (bottom + top) / 2
        assert any(quads[k] <= x <= quads[k + 2] and quads[k + 5] <= y <= quads[k + 1] for k in range(0, len(quads), 8))


def test_page_contents_untouched_and_input_unchanged(tmp_path: Path, engine: Engine) -> None:
    src = _copy(tmp_path, "uslugi.pdf")
    old = time.time() - 3600
    os.utime(src, (old, old))
    before = (hashlib.sha256(src.read_bytes()).hexdigest(), src.stat().st_mtime_ns)
    out = annotate_file(src, tmp_path / "u.pdf", engine=engine).output
    assert (hashlib.sha256(src.read_bytes()).hexdigest(), src.stat().st_mtime_ns) == before
    with pikepdf.open(src) as a, pikepdf.open(out) as b:
        assert len(a.pages) == len(b.pages)
        for pa, pb in zip(a.pages, b.pages):
            assert pa.obj.Contents.read_raw_bytes() == pb.obj.Contents.read_raw_bytes()
            assert pa.obj.Contents.read_bytes() == pb.obj.Contents.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["u.pdf", "uslugi.pdf"]


def test_running_twice_does_not_duplicate(tmp_path: Path, engine: Engine) -> None:
    src = _copy(tmp_path, "postavka.pdf")
    once = annotate_file(src, tmp_path / "once.pdf", engine=engine).output
    twice = annotate_file(once, tmp_path / "twice.pdf", engine=engine).output
    assert len(_highlights(Path(once))) == len(_highlights(Path(twice))) == 9
    with pikepdf.open(twice) as pdf:
        popups = [a for page in pdf.pages for a in page.obj.get("/Annots", []) if a.get("/Subtype") == "/Popup"]
    assert len(popups) == 9 and all(str(p.Parent.T) == "contract-lint" for p in popups)


def test_cli_pdf_exit_codes(tmp_path: Path) -> None:
    from contract_lint.cli import app

    src = _copy(tmp_path, "oferta.pdf")
    result = CliRunner().invoke(app, ["annotate", str(src), "-o", str(tmp_path / "oferta.reviewed.pdf"),
                                      "--min-severity", "error"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"{tmp_path / 'oferta.reviewed.pdf'}: пометок: 3 (замечаний: 3)"
    result = CliRunner().invoke(app, ["annotate", str(src), "-o", str(src)])
    assert result.exit_code == 2


def test_encrypted_pdf_keeps_its_encryption(tmp_path: Path, engine: Engine) -> None:
    src = tmp_path / "enc.pdf"
    with pikepdf.open(EXAMPLES / "uslugi.pdf") as pdf:
        pdf.save(src, encryption=pikepdf.Encryption(user="secret", owner="owner-secret"))
    out = annotate_file(src, None, engine=engine, password="secret").output
    with pytest.raises(pikepdf.PasswordError):
        pikepdf.open(out)
    with pikepdf.open(out, password="secret") as pdf:
        assert pdf.is_encrypted
        assert sum(a.get("/Subtype") == "/Highlight" for page in pdf.pages for a in page.obj.get("/Annots", [])) == 11


def test_rotated_page_with_shifted_media_box(tmp_path: Path, engine: Engine) -> None:
    src = tmp_path / "rotated.pdf"
    with pikepdf.open(EXAMPLES / "uslugi.pdf") as pdf:
        for page in pdf.pages:
            left, bottom, right, top = (float(v) for v in page.mediabox)
            page.obj.Rotate = 90
            page.obj.MediaBox = pikepdf.Array([left, bottom - 100, right, top])
        pdf.save(src)
    out = annotate_file(src, None, engine=engine).output
    reader = pdfium.PdfDocument(out)
    found = {a["contents"][:16]: _text_under(reader[page - 1].get_textpage(), a["quads"])
             for page, a in _highlights(Path(out))}
    assert found["[PAY001 · ошибка"] == "пофактуоказания"
    assert found["[DOC002 · ошибка"] == "п.5.7"
