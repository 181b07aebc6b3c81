"""Words with geometry from pypdfium2, one page at a time.

Speed matters here (a 600-page contract must parse in a few seconds), so the text of
a page is read in one call and geometry is asked only for the first and last
character of each word; a word whose two ends differ in size or baseline (a
superscript glued to it) is measured character by character.
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import regex

from contract_lint.parsers.pdf_layout import Rules, Run, split_runs

#: pdfium replaces a hyphen at the end of a line with U+0002 (U+FFFE in some builds)
#: and drops the line break after it.
LINE_END_HYPHENS = "\x02\ufffe"
_WORD = regex.compile(r"[^\s\x02\ufffe]+[\x02\ufffe]?")


def open_document(source: str | bytes, password: str | None) -> pdfium.PdfDocument:
    """Open a PDF with pdfium; errors propagate as PdfiumError."""
    return pdfium.PdfDocument(source, password=password)


def page_runs(pdf: pdfium.PdfDocument, index: int) -> tuple[list[Run], Rules, float]:
    """Return the runs and vertical rules of page `index` (0-based) and the page height."""
    page = pdf[index]
    try:
        height = page.get_height()
        textpage = page.get_textpage()
        try:
            runs = list(_runs(textpage))
        finally:
            textpage.close()
        rules = _rules(page) if runs else Rules()
    finally:
        page.close()
    return runs, rules, height


def _rules(page: pdfium.PdfPage) -> Rules:
    """Collect vertical lines and the sides of boxes drawn on the page (table borders)."""
    segments = []
    for obj in page.get_objects(filter=(pdfium_c.FPDF_PAGEOBJ_PATH,), max_depth=3):
        left, bottom, right, top = obj.get_bounds()
        if top - bottom < 4:
            continue
        if right - left <= 3:
            segments.append(((left + right) / 2, bottom, top))
        else:
            segments += [(left, bottom, top), (right, bottom, top)]
    return Rules(segments)


def _runs(textpage: pdfium.PdfTextPage) -> Iterator[Run]:
    count = textpage.count_chars()
    if count <= 0:
        return
    text = textpage.get_text_range(0, count)
    raw = textpage.raw
    if len(text) != count:
        text = "".join(chr(pdfium_c.FPDFText_GetUnicode(raw, i)) for i in range(count))
    rect = pdfium_c.FS_RECTF()
    ref = ctypes.byref(rect)
    loose = pdfium_c.FPDFText_GetLooseCharBox
    sizes = _SizeCache(raw)
    for m in _WORD.finditer(text):
        start, end = m.span()
        word = m.group()
        if word[-1] in LINE_END_HYPHENS:
            word = word[:-1] + "-"
        loose(raw, start, ref)
        x0, b0, h0 = rect.left, rect.bottom, rect.top - rect.bottom
        loose(raw, end - 1, ref)
        x1, b1, h1 = rect.right, rect.bottom, rect.top - rect.bottom
        if abs(h0 - h1) <= 0.1 * h0 and abs(b0 - b1) <= 0.2 * h0:
            yield Run(word, x0, x1, b0, sizes.get(h0, start))
        else:
            yield from split_runs(list(word), [_box(raw, i, ref, rect, sizes)
                                               for i in range(start, end)])


class _SizeCache:
    """Font size in points, asked once per distinct loose-box height.

    The loose box height depends on the font's ascent and descent, so it is not the
    font size; FPDFText_GetFontSize ignores the text matrix (text set at «1 Tf» and
    scaled by the matrix reports 1), hence size × matrix scale. pdfplumber reports
    the same number, which keeps the two engines' thresholds equal.
    """

    def __init__(self, raw: object) -> None:
        self.raw = raw
        self.known: dict[float, float] = {}
        self.matrix = pdfium_c.FS_MATRIX()

    def get(self, height: float, index: int) -> float:
        size = self.known.get(height)
        if size is None:
            size = pdfium_c.FPDFText_GetFontSize(self.raw, index)
            m = self.matrix
            if pdfium_c.FPDFText_GetMatrix(self.raw, index, ctypes.byref(m)):
                size *= abs(m.a * m.d - m.b * m.c) ** 0.5
            size = size if size > 0 else height
            self.known[height] = size
        return size


def _box(raw: object, i: int, ref: object, rect: pdfium_c.FS_RECTF,
         sizes: _SizeCache) -> tuple[float, float, float, float]:
    pdfium_c.FPDFText_GetLooseCharBox(raw, i, ref)
    height = rect.top - rect.bottom
    return rect.left, rect.right, rect.bottom, sizes.get(height, i)


def render_page(pdf: pdfium.PdfDocument, index: int, dpi: int = 300) -> object:
    """Render page `index` to a PIL image at `dpi` (for OCR)."""
    page = pdf[index]
    try:
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        return bitmap.to_pil()
    finally:
        page.close()
