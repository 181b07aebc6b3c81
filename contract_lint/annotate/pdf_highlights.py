"""Write a reviewed copy of a PDF: a highlight annotation over the matched words of each finding.

The words are found again on the finding's page in pdfium's characters (spaces and
hyphens ignored, so line breaks and hyphenation do not matter; the n-th occurrence on
the page, as in the Document text); their boxes become /QuadPoints, one quad per line.
The annotations are added with pikepdf; page content streams are not touched.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Sequence

import pikepdf
import pypdfium2 as pdfium
from pikepdf import Array, Dictionary, Name, String

from contract_lint.annotate.docx_comments import AUTHOR, comment_text
from contract_lint.errors import DocumentError
from contract_lint.findings import Finding
from contract_lint.model import Document, fold, normalize_text

_SKIP = frozenset(" \t\r\n\u00a0-\u2010\u2011\u00ad\ufffe\uffff")
COLOR = (1.0, 0.85, 0.3)
Box = tuple[float, float, float, float]  # left, bottom, right, top


def squeeze(text: str) -> tuple[str, list[int]]:
    """Return `text` folded without spaces and hyphens, and each kept character's index in `text`."""
    chars, index = [], []
    for i, ch in enumerate(text):
        for c in fold(normalize_text(ch)):
            if c not in _SKIP and not c.isspace():
                chars.append(c)
                index.append(i)
    return "".join(chars), index


@dataclass(frozen=True, slots=True)
class Target:
    """The words to highlight: their page (1-based), squeezed text and rank among equal ones on the page."""

    page: int
    words: str
    nth: int


def target_for(finding: Finding, doc: Document) -> Target | None:
    """Return what to look for on which page; document-level findings use their block's first line."""
    if finding.start is not None and finding.end is not None and finding.location.page:
        page = finding.location.page
        words = squeeze(finding.match or doc.text[finding.start:finding.end])[0]
        before = squeeze(doc.text[_page_start(doc, page, finding.start):finding.start])[0]
        return Target(page, words, before.count(words)) if words else None
    block = doc.blocks[finding.block] if finding.block is not None else next((b for b in doc.blocks if b.lint), None)
    if block is None or not block.lines:
        return None
    first = block.lines[0]
    end = block.lines[1].offset if len(block.lines) > 1 else block.end
    words = squeeze(doc.text[first.offset:end])[0]
    before = squeeze(doc.text[_page_start(doc, first.page or 1, first.offset):first.offset])[0]
    return Target(first.page or 1, words, before.count(words)) if words else None


def _page_start(doc: Document, page: int, limit: int) -> int:
    """Return the offset of the first line of `page` in the Document text."""
    for block in doc.blocks:
        for line in block.lines:
            if line.page == page:
                return min(line.offset, limit)
    return limit


def find_boxes(textpage: pdfium.PdfTextPage, target: Target) -> list[Box]:
    """Return the loose boxes of the characters of the target's occurrence on the page (empty if absent)."""
    count = textpage.count_chars()
    squeezed, index = squeeze(textpage.get_text_range(0, count))
    at, seen = -1, -1
    while seen < target.nth:
        found = squeezed.find(target.words, at + 1)
        if found < 0:
            break
        at, seen = found, seen + 1
    if at < 0:
        return []
    chars = index[at:at + len(target.words)]
    return [textpage.get_charbox(i, loose=True) for i in range(chars[0], chars[-1] + 1)
            if not textpage.get_text_range(i, 1).isspace()]


def line_quads(boxes: Sequence[Box]) -> list[Box]:
    """Merge character boxes into one box per visual line."""
    lines: list[list[float]] = []
    for left, bottom, right, top in boxes:
        if right <= left or top <= bottom:
            continue
        last = lines[-1] if lines else None
        mid = (bottom + top) / 2
        if last and last[1] <= mid <= last[3] and left >= last[0] - 1:
            last[:] = [min(last[0], left), min(last[1], bottom), max(last[2], right), max(last[3], top)]
        else:
            lines.append([left, bottom, right, top])
    return [(a, b, c, d) for a, b, c, d in lines]


def annotate_pdf(doc: Document, data: bytes, findings: Sequence[Finding], *,
                 password: str | None = None) -> tuple[bytes, int]:
    """Return the bytes of the reviewed PDF and the number of annotations added."""
    try:
        source = pdfium.PdfDocument(data, password=password)
        pdf = pikepdf.open(io.BytesIO(data), password=password or "")
    except (pdfium.PdfiumError, pikepdf.PdfError) as exc:
        raise DocumentError(doc.path, f"cannot open the PDF for annotation ({exc})",
                            "pass --password, or save the PDF again") from exc
    for page in pdf.pages:
        remove_own(page)
    stamp = datetime.now(timezone.utc).strftime("D:%Y%m%d%H%M%SZ")
    added = 0
    for n, finding in enumerate(findings):
        target = target_for(finding, doc)
        page_no = target.page if target and target.page <= len(pdf.pages) else 1
        quads = line_quads(find_boxes(source[page_no - 1].get_textpage(), target)) if target else []
        page = pdf.pages[page_no - 1]
        _add(pdf, page, _annotation(pdf, page, finding, quads, stamp, n))
        added += 1
    out = io.BytesIO()
    if pdf.is_encrypted:  # keep the encryption: streams are re-encrypted, their content unchanged
        pdf.save(out, encryption=True)
    else:  # keep every existing stream as it is (no recompression): page contents stay byte-identical
        pdf.save(out, compress_streams=False, stream_decode_level=pikepdf.StreamDecodeLevel.none)
    return out.getvalue(), added


def remove_own(page: pikepdf.Page) -> None:
    """Remove the annotations (and their pop-ups) written by an earlier run."""
    annots = page.obj.get("/Annots")
    if annots is None:
        return
    keep = [a for a in annots if not _ours(a) and not (a.get("/Subtype") == Name.Popup and _ours(a.get("/Parent")))]
    if len(keep) != len(annots):
        page.obj.Annots = Array(keep)


def _ours(annot: pikepdf.Object | None) -> bool:
    return isinstance(annot, pikepdf.Dictionary) and str(annot.get("/T", "")) == AUTHOR


def _add(pdf: pikepdf.Pdf, page: pikepdf.Page, annots: list[Dictionary]) -> None:
    if "/Annots" not in page.obj:
        page.obj.Annots = Array()
    for annot in annots:
        page.obj.Annots.append(pdf.make_indirect(annot) if not annot.is_indirect else annot)


def _annotation(pdf: pikepdf.Pdf, page: pikepdf.Page, finding: Finding, quads: list[Box],
                stamp: str, n: int) -> list[Dictionary]:
    """Build a /Highlight over `quads` (a /Text note at the top of the page if the words were not found)."""
    text = comment_text(finding)
    common = dict(Type=Name.Annot, Contents=String(text), T=String(AUTHOR), M=String(stamp),
                  NM=String(f"contract-lint-{n + 1}"), Subj=String(finding.rule), C=Array(COLOR), F=4)
    x0, y0, x1, y1 = (float(v) for v in page.cropbox)
    if not quads:
        rect = [x0 + 10, y1 - 30, x0 + 30, y1 - 10]
        return [Dictionary(Subtype=Name.Text, Rect=Array(rect), Name=Name.Comment, **common)]
    rect = [min(q[0] for q in quads), min(q[1] for q in quads), max(q[2] for q in quads), max(q[3] for q in quads)]
    points = [v for left, bottom, right, top in quads for v in (left, top, right, top, left, bottom, right, bottom)]
    highlight = pdf.make_indirect(Dictionary(Subtype=Name.Highlight, Rect=Array(rect), QuadPoints=Array(points),
                                             AP=Dictionary(N=_appearance(pdf, rect, quads)), **common))
    popup = pdf.make_indirect(Dictionary(Type=Name.Annot, Subtype=Name.Popup, Parent=highlight, Open=False,
                                         Rect=Array([x1 - 200, rect[3] - 100, x1 - 10, rect[3]]), F=28))
    highlight.Popup = popup
    return [highlight, popup]


def _appearance(pdf: pikepdf.Pdf, rect: list[float], quads: list[Box]) -> pikepdf.Stream:
    """Return a multiply-blended fill of the quads, for viewers that do not draw highlights themselves."""
    fills = " ".join(f"{a:.2f} {b:.2f} {c - a:.2f} {d - b:.2f} re" for a, b, c, d in quads)
    content = f"q /GS0 gs {COLOR[0]} {COLOR[1]} {COLOR[2]} rg {fills} f Q".encode()
    stream = pikepdf.Stream(pdf, content)
    stream.Type, stream.Subtype, stream.BBox = Name.XObject, Name.Form, Array(rect)
    stream.Resources = Dictionary(ExtGState=Dictionary(GS0=Dictionary(Type=Name.ExtGState, BM=Name.Multiply)))
    return stream
