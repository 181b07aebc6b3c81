"""Make the bad inputs every reader must refuse with one clear line.

Run: python tests/bad_inputs/make_bad_inputs.py  (writes the files beside this script).
Large inputs (a 1000-page PDF, a folder of 2,000 files) are made by the tests at run time.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "</Types>"
)
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(document_xml: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("word/document.xml", document_xml)
    return buf.getvalue()


def _body(text: str) -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{_W}"><w:body>'
        f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:body></w:document>"
    ).encode("utf-8")


def _pdf_text() -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.drawString(72, 720, "Contract 1.1 Payment within 10 days.")
    c.showPage()
    c.save()
    return buf.getvalue()


def _pdf_image_only() -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    c.setFillGray(0.2)
    for y in range(700, 400, -18):  # dark bars where a scan would have lines of text
        c.rect(72, y, 400, 9, stroke=0, fill=1)
    c.showPage()
    c.save()
    return buf.getvalue()


def _pdf_encrypted() -> bytes:
    import pikepdf

    src = pikepdf.open(io.BytesIO(_pdf_text()))
    out = io.BytesIO()
    src.save(out, encryption=pikepdf.Encryption(owner="owner-secret", user="secret", R=6))
    return out.getvalue()


def _ole_doc() -> bytes:
    # The OLE2 compound-file signature followed by padding: what a .doc starts with.
    return bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 504


def make_all() -> dict[str, bytes]:
    """Return every bad input by file name."""
    good_docx = _docx(_body("1.1. Оплата производится в течение 5 рабочих дней."))
    bomb_xml = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lolololololololololol">'
        + b"".join(
            f'<!ENTITY lol{i} "{("&lol%s;" % ("" if i == 1 else i - 1)) * 10}">'.encode()
            for i in range(1, 10)
        )
        + f']><w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p>'
        "</w:body></w:document>".encode()
    )
    zip_bomb = io.BytesIO()
    with zipfile.ZipFile(zip_bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("word/document.xml", _body(" " * (300 * 1024 * 1024)))
    pdf = _pdf_text()
    return {
        "empty.docx": b"",
        "truncated.docx": good_docx[: len(good_docx) // 2],
        "malformed-xml.docx": _docx(b'<?xml version="1.0"?><w:document xmlns:w="x"><w:body><w:p>'),
        "zip-bomb.docx": zip_bomb.getvalue(),
        "entity-bomb.docx": _docx(bomb_xml),
        "scanned.pdf": _pdf_image_only(),
        "encrypted.pdf": _pdf_encrypted(),
        "truncated.pdf": pdf[: len(pdf) // 3],
        "pdf-named.docx": pdf,
        "doc-named.docx": _ole_doc(),
        "cp1251.txt": "1.1. Оплата по факту оказания услуг.\n".encode("cp1251"),
        "utf16.txt": "1.1. Оплата по факту оказания услуг.\n".encode("utf-16"),
        "binary.txt": bytes(range(256)) * 4,
    }


def main() -> None:
    for name, data in make_all().items():
        (HERE / name).write_bytes(data)
        print(f"{name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
