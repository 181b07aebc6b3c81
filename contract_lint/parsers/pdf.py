"""Read a PDF into a located Document: paragraphs with clause, section, page and line.

Pages are read one at a time (pypdfium2 by default, pdfplumber on request, tesseract
for pages without a text layer when OCR is asked for) into visual lines; running
headers, footers and page numbers are taken out (the header and footer are kept once,
not linted), footnotes set apart, text set at an angle (margin stamps) skipped, table
cells found by their ruling lines (and the parties' requisites set side by side without
borders, see pdf_sides), and the remaining lines joined into paragraphs and
fed through the ClauseTracker. Table cells and footnotes take the clause they follow.

Page and line numbers are 1-based and count every visible text line from the top of
the page, the running header included (see pdf_layout); with OCR, tesseract's lines.
"""

from __future__ import annotations

import io
from collections.abc import Iterator

import pypdfium2 as pdfium

from contract_lint.errors import DocumentError
from contract_lint.model import BlockKind, Document, DocumentBuilder, Location
from contract_lint.parsers import ocr as ocr_mod
from contract_lint.parsers import pdf_pdfium
from contract_lint.parsers.clauses import ClauseTracker
from contract_lint.parsers.pdf_furniture import Furniture, split_furniture
from contract_lint.parsers.pdf_layout import Fragment, PageLayout, build_page
from contract_lint.parsers.pdf_paragraphs import Paragraph, join_lines, paragraphs
from contract_lint.parsers.pdf_sides import mark_side_by_side
from contract_lint.parsers.pdf_tables import TableCounter, tidy_tables

ENGINES = ("pdfium", "pdfplumber")
OCR_DPI = 300
_ENCRYPTED_HINT = "pass --password with the document's password"
_CORRUPT_HINT = "the file is damaged or truncated: save or export it again"


def parse_pdf(
    path: str,
    data: bytes | None = None,
    *,
    engine: str = "pdfium",
    password: str | None = None,
    ocr: bool = False,
) -> Document:
    """Parse a PDF file (or its bytes in `data`) into a Document of format "pdf"."""
    if engine not in ENGINES:
        raise DocumentError(path, f"unknown PDF engine {engine!r}", "use pdfium or pdfplumber")
    reader = _pdfium_pages if engine == "pdfium" else _plumber_pages
    pages = list(reader(path, data, password, ocr))
    missing = [p.page for p in pages if not p.has_text]
    if pages and len(missing) == len(pages):
        raise DocumentError(path, "no text layer — scanned?", "run with --ocr or OCR it first")
    texts, furniture = split_furniture(pages)
    for text in texts:
        mark_side_by_side(text.layout)
    doc = _assemble(path, tidy_tables(paragraphs(texts)), furniture)
    doc.meta.update({"pages": len(pages), "engine": engine, "pages_without_text": missing,
                     "ocr_pages": [p.page for p in pages if p.ocr]})
    return doc


def _pdfium_pages(path: str, data: bytes | None, password: str | None,
                  ocr: bool) -> Iterator[PageLayout]:
    pdf = _open_pdfium(path, data, password)
    try:
        for index in range(len(pdf)):
            try:
                runs, rules, height = pdf_pdfium.page_runs(pdf, index)
            except pdfium.PdfiumError as exc:
                raise DocumentError(path, f"page {index + 1} cannot be read ({exc})",
                                    _CORRUPT_HINT) from exc
            layout = build_page(index + 1, runs, rules)
            if not layout.has_text and ocr:
                layout = _ocr_page(path, pdf, index, height)
            yield layout
    finally:
        pdf.close()


def _open_pdfium(path: str, data: bytes | None, password: str | None) -> pdfium.PdfDocument:
    try:
        return pdf_pdfium.open_document(data if data is not None else path, password)
    except OSError as exc:
        raise DocumentError(path, f"cannot open the file ({exc.strerror or 'not found'})",
                            "check the path") from exc
    except pdfium.PdfiumError as exc:
        if exc.err_code == pdfium.raw.FPDF_ERR_PASSWORD:
            reason = "encrypted PDF" + (" (wrong password)" if password else "")
            raise DocumentError(path, reason, _ENCRYPTED_HINT) from exc
        if exc.err_code == pdfium.raw.FPDF_ERR_FILE:
            raise DocumentError(path, "cannot open the file", "check the path") from exc
        raise DocumentError(path, "not a readable PDF (corrupt or truncated)",
                            _CORRUPT_HINT) from exc


def _ocr_page(path: str, pdf: pdfium.PdfDocument, index: int, height: float) -> PageLayout:
    ocr_mod.require_tesseract(path)
    image = pdf_pdfium.render_page(pdf, index, OCR_DPI)
    layout = build_page(index + 1, ocr_mod.ocr_runs(path, image, OCR_DPI, height))
    layout.ocr = True
    return layout


def _plumber_pages(path: str, data: bytes | None, password: str | None,
                   ocr: bool) -> Iterator[PageLayout]:
    from contract_lint.parsers import pdf_plumber

    plumber = _open_plumber(path, data, password)
    try:
        for index, page in enumerate(plumber.pages):
            try:
                runs, rules, height = pdf_plumber.page_runs(page)
            except Exception as exc:  # pdfminer raises many unrelated types on damage
                raise DocumentError(path, f"page {index + 1} cannot be read ({exc})",
                                    _CORRUPT_HINT) from exc
            layout = build_page(index + 1, runs, rules)
            if not layout.has_text and ocr:
                layout = _plumber_ocr_page(path, data, password, index, height)
            yield layout
    finally:
        plumber.close()


def _open_plumber(path: str, data: bytes | None, password: str | None) -> object:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect

    source = io.BytesIO(data) if data is not None else path
    try:
        plumber = pdfplumber.open(source, password=password or "")
        plumber.pages  # parse the page tree now, so damage is reported here
        return plumber
    except OSError as exc:
        raise DocumentError(path, f"cannot open the file ({exc.strerror or exc})",
                            "check the path") from exc
    except Exception as exc:  # pdfminer's syntax errors have no common base class
        if isinstance(exc, PDFPasswordIncorrect) or any(
            isinstance(arg, PDFPasswordIncorrect) for arg in exc.args
        ):
            reason = "encrypted PDF" + (" (wrong password)" if password else "")
            raise DocumentError(path, reason, _ENCRYPTED_HINT) from exc
        raise DocumentError(path, "not a readable PDF (corrupt or truncated)",
                            _CORRUPT_HINT) from exc


def _plumber_ocr_page(path: str, data: bytes | None, password: str | None, index: int,
                      height: float) -> PageLayout:
    pdf = _open_pdfium(path, data, password)
    try:
        return _ocr_page(path, pdf, index, height)
    finally:
        pdf.close()


def _assemble(path: str, paras: Iterator[Paragraph], furniture: Furniture) -> Document:
    builder = DocumentBuilder(path, "pdf")
    tracker = ClauseTracker()
    tables = TableCounter()
    _add_furniture(builder, furniture.header, BlockKind.HEADER)
    for para in paras:
        if not para.lines:
            continue
        cell: tuple[int | None, int | None, int | None] = (None, None, None)
        if para.footnote or para.cell:
            # Footnotes and table cells belong to the clause they follow; a «1.» in a
            # table's number column must not restart the clause numbering.
            info = tracker.current()
            kind, label = (BlockKind.FOOTNOTE if para.footnote else BlockKind.TABLE_CELL), None
            cell = tables.cell(para.x0, para.col) if para.cell else cell
        else:
            tables.close()
            info = tracker.feed(para.text)
            label = info.label
            kind = (BlockKind.HEADING if info.is_heading
                    else BlockKind.LIST_ITEM if label else BlockKind.PARAGRAPH)
        page, line = para.lines[0][1:]
        location = Location(clause=info.clause, section=info.section, page=page, line=line,
                            table=cell[0], row=cell[1], col=cell[2])
        builder.add(para.text, kind, location, label=label.text if label else None,
                    level=label.depth if label else None, lines=para.lines, normalised=True)
    _add_furniture(builder, furniture.footer, BlockKind.FOOTER)
    return builder.build()


def _add_furniture(builder: DocumentBuilder, frags: list[tuple[int, Fragment]],
                   kind: BlockKind) -> None:
    """Add the running header or footer once, as a block that is not linted."""
    if not frags:
        return
    para = join_lines(frags)
    page, line = para.lines[0][1:]
    builder.add(para.text, kind, Location(page=page, line=line), lines=para.lines,
                lint=False, normalised=True)
