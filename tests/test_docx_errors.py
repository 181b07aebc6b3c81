"""Unreadable or hostile DOCX files are refused with one clear line, quickly."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from contract_lint.errors import DocumentError
from contract_lint.parsers.docx import parse_docx

BAD = Path(__file__).parent / "bad_inputs"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.docx", "the file is empty"),
        ("truncated.docx", "broken zip"),
        ("malformed-xml.docx", "malformed XML in word/document.xml"),
        ("zip-bomb.docx", "zip bomb"),
        ("entity-bomb.docx", "entity bomb"),
        ("doc-named.docx", "legacy binary Office file (.doc)"),
        ("pdf-named.docx", "this is a PDF file"),
    ],
)
def test_bad_inputs_refused(name, reason):
    path = str(BAD / name)
    with pytest.raises(DocumentError) as err:
        parse_docx(path)
    assert reason in err.value.reason
    assert err.value.hint
    assert str(err.value).startswith(path + ": ")
    assert "\n" not in str(err.value)


def _zip(files: dict[str, bytes], level: int = zipfile.ZIP_DEFLATED) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", level) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return buf.getvalue()


def _document(inner: str, prolog: str = "") -> bytes:
    return (f'<?xml version="1.0"?>{prolog}<w:document xmlns:w="{W}"><w:body>{inner}</w:body></w:document>').encode()


def test_encrypted_ole_package_is_reported_as_password_protected():
    data = bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 200 + "EncryptedPackage".encode("utf-16-le") + b"\0" * 100
    with pytest.raises(DocumentError, match="password-protected"):
        parse_docx("secret.docx", data)


def test_missing_document_part():
    with pytest.raises(DocumentError, match="word/document.xml is missing"):
        parse_docx("x.docx", _zip({"[Content_Types].xml": b"<Types/>"}))


def test_high_compression_ratio_refused_before_decompressing():
    data = _zip({"word/document.xml": _document("<w:p/>" + " " * (3 * 1024 * 1024))})
    with pytest.raises(DocumentError, match="compression ratio"):
        parse_docx("ratio.docx", data)


def test_dtd_after_a_long_prolog_still_refused():
    bomb = '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    xml = _document("<w:p><w:r><w:t>&b;</w:t></w:r></w:p>", prolog="<!--" + "x" * 5000 + "-->" + bomb)
    with pytest.raises(DocumentError, match="DTD"):
        parse_docx("dtd.docx", _zip({"word/document.xml": xml}))


def test_minimal_package_without_rels_is_read():
    xml = _document('<w:p><w:r><w:t>1.1. Оплата в течение 5 дней.</w:t></w:r></w:p>')
    doc = parse_docx("min.docx", _zip({"word/document.xml": xml}))
    assert [(b.text, b.location.clause) for b in doc.blocks] == [("1.1. Оплата в течение 5 дней.", "1.1")]


def test_strict_ooxml_namespace_is_read():
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    xml = f'<w:document xmlns:w="{strict}"><w:body><w:p><w:r><w:t>2.1. Текст.</w:t></w:r></w:p></w:body></w:document>'
    doc = parse_docx("strict.docx", _zip({"word/document.xml": xml.encode()}))
    assert doc.text == "2.1. Текст."


def test_unbalanced_field_does_not_hide_the_rest_of_the_contract():
    runs = ('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>REF _Ref1</w:instrText></w:r>'
            '<w:r><w:t>1.1. Видимый текст.</w:t></w:r>')
    xml = _document(f"<w:p>{runs}</w:p><w:p><w:r><w:t>1.2. Следующий пункт.</w:t></w:r></w:p>")
    doc = parse_docx("field.docx", _zip({"word/document.xml": xml}))
    assert doc.text == "1.2. Следующий пункт."
