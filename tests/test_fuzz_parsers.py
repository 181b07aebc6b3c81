"""Fuzz the readers: mutated DOCX, PDF and TXT bytes give a Document or a DocumentError, nothing else."""

from __future__ import annotations

import io
import zipfile

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from folder_util import CONTRACT, docx_bytes, pdf_bytes, txt_bytes

from contract_lint.errors import DocumentError
from contract_lint.model import Document
from contract_lint.parsers import parse_bytes

DOCX = docx_bytes()
PDF = pdf_bytes()
TXT = txt_bytes()
DOCUMENT_XML = zipfile.ZipFile(io.BytesIO(DOCX)).read("word/document.xml")
FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def mutated(draw, data: bytes) -> bytes:  # type: ignore[no-untyped-def]
    """Return `data` with a few bytes overwritten, a slice cut out, or cut short."""
    out = bytearray(data)
    for _ in range(draw(st.integers(0, 8))):
        out[draw(st.integers(0, len(out) - 1))] = draw(st.integers(0, 255))
    kind = draw(st.sampled_from(["flip", "cut", "truncate"]))
    if kind == "cut":
        a = draw(st.integers(0, len(out) - 1))
        del out[a:a + draw(st.integers(1, 64))]
    elif kind == "truncate":
        del out[draw(st.integers(0, len(out))):]
    return bytes(out)


def _rezip(xml: bytes) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(DOCX)) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item.filename, xml if item.filename == "word/document.xml" else src.read(item))
    return buf.getvalue()


def _only_document_or_error(data: bytes, name: str) -> None:
    try:
        doc = parse_bytes(data, name)
    except DocumentError as exc:
        assert name in exc.one_line() and "\n" not in exc.one_line()
        return
    assert isinstance(doc, Document)
    assert all(0 <= b.start <= b.end <= len(doc.text) for b in doc.blocks)  # spans stay inside the text


def test_unmutated_inputs_parse():
    for data, name in ((DOCX, "a.docx"), (PDF, "a.pdf"), (TXT, "a.txt")):
        assert CONTRACT[2] in parse_bytes(data, name).text


@FUZZ
@given(mutated(DOCX))
def test_mutated_docx_bytes(data):
    _only_document_or_error(data, "fuzz.docx")


@FUZZ
@given(mutated(DOCUMENT_XML))
def test_mutated_document_xml_rezipped(xml):
    _only_document_or_error(_rezip(xml), "fuzz.docx")


@FUZZ
@given(mutated(PDF))
def test_mutated_pdf_bytes(data):
    _only_document_or_error(data, "fuzz.pdf")


@FUZZ
@given(st.one_of(mutated(TXT), st.binary(max_size=2048)))
def test_mutated_and_random_text(data):
    _only_document_or_error(data, "fuzz.txt")


def test_damaged_deflate_stream_is_a_document_error():
    """Every byte of the compressed document.xml overwritten in turn: never a raw zlib.error."""
    info = zipfile.ZipFile(io.BytesIO(DOCX)).getinfo("word/document.xml")
    data_start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    outcomes = set()
    for pos in range(data_start, data_start + min(info.compress_size, 200)):
        damaged = bytearray(DOCX)
        damaged[pos] ^= 0xFF
        try:
            parse_bytes(bytes(damaged), "damaged.docx")
            outcomes.add("document")
        except DocumentError as exc:
            assert "damaged.docx" in str(exc)
            outcomes.add("error")
    assert "error" in outcomes


def test_unsupported_compression_method_is_a_document_error():
    """A member compressed with a method zipfile cannot read (here 99) is refused cleanly."""
    info = zipfile.ZipFile(io.BytesIO(DOCX)).getinfo("word/document.xml")
    damaged = bytearray(DOCX)
    damaged[info.header_offset + 8:info.header_offset + 10] = (99).to_bytes(2, "little")
    central = bytes(damaged).find(b"word/document.xml", bytes(damaged).find(b"PK\x01\x02")) - 46  # its directory entry
    damaged[central + 10:central + 12] = (99).to_bytes(2, "little")
    with pytest.raises(DocumentError, match="unsupported.docx"):
        parse_bytes(bytes(damaged), "unsupported.docx")
