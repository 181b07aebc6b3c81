"""Words with geometry from pypdfium2, one page at a time.

Speed matters here (a 600-page contract must parse in a few seconds), so the text of
a page is read in one call and geometry is asked only for the first and last
character of each word; a word whose two ends differ in size or baseline (a
superscript glued to it) is measured character by character.
"""

from __future__ import annotations

import ctypes
import math
from collections.abc import Iterator

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c
import regex

from contract_lint.parsers.pdf_layout import Rules, Run, split_runs

#: pdfium replaces a hyphen at the end of a line with U+0002 (U+FFFE in some builds)
#: and drops the line break after it.
LINE_END_HYPHENS = "\x02\ufffe"
_WORD = regex.compile(r"[^\s\x02\ufffe]+[\x02\ufffe]?")
_FULL_TURN = 2 * math.pi - 0.01


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
    g = _Geometry(raw)
    rect, ref, loose, known = g.rect, g.ref, pdfium_c.FPDFText_GetLooseCharBox, g.known
    angle, origin = pdfium_c.FPDFText_GetCharAngle, pdfium_c.FPDFText_GetCharOrigin
    x_ref, y_ref, y = g.x_ref, g.y_ref, g.y
    for m in _WORD.finditer(text):
        start, end = m.span()
        if 0.01 < angle(raw, start) < _FULL_TURN:
            continue  # rotated text (a stamp along the margin) is not a contract line
        word = m.group()
        if word[-1] in LINE_END_HYPHENS:
            word = word[:-1] + "-"
        loose(raw, start, ref)
        x0, b0, h0 = rect.left, rect.bottom, rect.top - rect.bottom
        if end - start > 1:
            loose(raw, end - 1, ref)
        if abs(rect.top - rect.bottom - h0) <= 0.1 * h0 and abs(rect.bottom - b0) <= 0.2 * h0:
            origin(raw, start, x_ref, y_ref)
            yield Run(word, x0, rect.right, y.value, known.get(h0) or g.measure(h0, start))
        else:
            yield from split_runs(list(word), [g.box(i) for i in range(start, end)])


class _Geometry:
    """Character geometry from pdfium, with reusable ctypes buffers.

    Extent comes from the loose box, the baseline from the glyph origin (box bottoms
    follow the glyph shape in some embedded fonts). The font size is asked once per
    distinct box height: FPDFText_GetFontSize ignores the text matrix (text set at
    «1 Tf» and scaled by the matrix reports 1), hence size × matrix scale. pdfplumber
    reports the same size and baseline, which keeps the engines equal.
    """

    def __init__(self, raw: object) -> None:
        self.raw = raw
        self.known: dict[float, float] = {}
        self.rect = pdfium_c.FS_RECTF()
        self.ref = ctypes.byref(self.rect)
        self.x, self.y = ctypes.c_double(), ctypes.c_double()
        self.x_ref, self.y_ref = ctypes.byref(self.x), ctypes.byref(self.y)

    def box(self, i: int) -> tuple[float, float, float, float]:
        """Return (x0, x1, baseline, size) of character `i`."""
        r = self.rect
        pdfium_c.FPDFText_GetLooseCharBox(self.raw, i, self.ref)
        left, right, height = r.left, r.right, r.top - r.bottom
        pdfium_c.FPDFText_GetCharOrigin(self.raw, i, self.x_ref, self.y_ref)
        return left, right, self.y.value, self.known.get(height) or self.measure(height, i)

    def measure(self, height: float, i: int) -> float:
        """Return and remember the font size of character `i`, whose box is `height` tall."""
        size = pdfium_c.FPDFText_GetFontSize(self.raw, i)
        m = pdfium_c.FS_MATRIX()
        if pdfium_c.FPDFText_GetMatrix(self.raw, i, ctypes.byref(m)):
            size *= abs(m.a * m.d - m.b * m.c) ** 0.5
        self.known[height] = size if size > 0 else height
        return self.known[height]


def render_page(pdf: pdfium.PdfDocument, index: int, dpi: int = 300) -> object:
    """Render page `index` to a PIL image at `dpi` (for OCR)."""
    page = pdf[index]
    try:
        bitmap = page.render(scale=dpi / 72, grayscale=True)
        return bitmap.to_pil()
    finally:
        page.close()
