"""Tell a document's format from its bytes, not from its name.

Users rename files («договор.docx» that is really a PDF, an old .doc saved as .docx),
so the dispatcher looks at the content first and uses the extension only to choose
between text flavours (.md vs .txt) and to name a broken zip.
"""

from __future__ import annotations

import io
import os
import zipfile
import zlib
from dataclasses import dataclass

from contract_lint.errors import DocumentError

SUPPORTED = "DOCX, PDF, ODT, DOC, RTF, TXT, MD"
_PDF_MAGIC = b"%PDF-"
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")
_ENCRYPTED_MARK = "EncryptedPackage".encode("utf-16-le")
_WORD_STREAM = "WordDocument".encode("utf-16-le")
_MAX_MANIFEST = 1024 * 1024
_TEXT_PROBE = 65536  # even, so a UTF-16 probe never ends in half a character
_MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})
_FORMAT_NAMES = {
    "pdf": "PDF", "docx": "DOCX", "odt": "ODT", "doc": "DOC (Word 97-2003)",
    "rtf": "RTF", "txt": "text", "md": "Markdown",
}
# Content types in [Content_Types].xml and ODF mimetypes we cannot read, by what they are.
_UNSUPPORTED_ZIP = {
    b"spreadsheetml": "an Excel workbook (XLSX)",
    b"presentationml": "a PowerPoint presentation (PPTX)",
    b"opendocument.spreadsheet": "a spreadsheet (ODS)",
    b"opendocument.presentation": "a presentation (ODP)",
}
_WORD_CONTENT_TYPES = (
    b"wordprocessingml.document.main",
    b"wordprocessingml.template.main",
    b"ms-word.document.macroEnabled.main",
    b"ms-word.template.macroEnabledTemplate.main",
)


@dataclass(frozen=True, slots=True)
class Detected:
    """The format found in the bytes; `note` says when it contradicts the file name."""

    format: str
    note: str | None = None


def detect_format(data: bytes, name: str) -> Detected:
    """Return the format of `data` (pdf, docx, odt, doc, rtf, txt, md) or raise DocumentError."""
    if not data:
        raise DocumentError(name, "empty file", "the file has 0 bytes; save the document again")
    fmt = _sniff(data, name)
    return Detected(fmt, _mismatch_note(fmt, name))


def _sniff(data: bytes, name: str) -> str:
    if _PDF_MAGIC in data[:1024]:
        return "pdf"
    if data.startswith(_ZIP_MAGIC) or data.startswith(b"PK\x05\x06"):
        return _zip_format(data, name)
    if data.startswith(_OLE_MAGIC):
        return _ole_format(data, name)
    if data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        return "rtf"
    if looks_like_text(data):
        return "md" if _suffix(name) in _MARKDOWN_SUFFIXES else "txt"
    raise DocumentError(name, "unknown binary format", f"contract-lint reads {SUPPORTED}")


def _zip_format(data: bytes, name: str) -> str:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        names = set(zf.namelist())
        manifest = _small_member(zf, "mimetype") or _small_member(zf, "[Content_Types].xml")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError, OSError, zlib.error,
            NotImplementedError):
        # A damaged package: let the reader its name suggests explain what is wrong.
        return "odt" if _suffix(name) in (".odt", ".ott") else "docx"
    if manifest.startswith(b"application/vnd.oasis.opendocument.text"):
        return "odt"
    if any(t in manifest for t in _WORD_CONTENT_TYPES) or "word/document.xml" in names:
        return "docx"
    for marker, what in _UNSUPPORTED_ZIP.items():
        if marker in manifest:
            raise DocumentError(name, f"this is {what}, not a contract document",
                                f"contract-lint reads {SUPPORTED}")
    raise DocumentError(name, "a zip archive that is neither DOCX nor ODT",
                        f"contract-lint reads {SUPPORTED}")


def _small_member(zf: zipfile.ZipFile, member: str) -> bytes:
    """Return a small manifest member, or b"" when it is absent or suspiciously large."""
    try:
        info = zf.getinfo(member)
    except KeyError:
        return b""
    if info.file_size > _MAX_MANIFEST or info.flag_bits & 0x1:
        return b""
    with zf.open(info) as fh:
        return fh.read(_MAX_MANIFEST)


def _ole_format(data: bytes, name: str) -> str:
    if _ENCRYPTED_MARK in data:
        raise DocumentError(name, "password-protected Word file",
                            "remove the password in Word and save again")
    if _WORD_STREAM in data:
        return "doc"
    if b"W\x00o\x00r\x00k\x00b\x00o\x00o\x00k" in data or b"P\x00o\x00w\x00e\x00r" in data:
        raise DocumentError(name, "this is a legacy Excel or PowerPoint file, not a contract document",
                            f"contract-lint reads {SUPPORTED}")
    # An OLE file without a recognisable stream table: LibreOffice decides.
    return "doc"


def looks_like_text(data: bytes) -> bool:
    """Return whether `data` decodes as text in one of the encodings we read (by its first 64 KB)."""
    from contract_lint.parsers.text_encoding import is_text

    return is_text(data, _TEXT_PROBE)  # the text reader decodes and checks the whole file


def _mismatch_note(fmt: str, name: str) -> str | None:
    suffix = _suffix(name)
    if not suffix or name == "-":
        return None
    expected = {".docx": "docx", ".docm": "docx", ".dotx": "docx", ".pdf": "pdf", ".odt": "odt",
                ".doc": "doc", ".rtf": "rtf", ".txt": "txt", ".md": "md", ".markdown": "md"}.get(suffix)
    if expected is None or expected == fmt or {expected, fmt} <= {"txt", "md"}:
        return None
    # Old Word saves RTF under .doc; say nothing, it is routine.
    if expected == "doc" and fmt == "rtf":
        return None
    real = _FORMAT_NAMES[fmt]
    return f"файл с расширением {suffix} на самом деле в формате {real}; прочитан как {real}"


def _suffix(name: str) -> str:
    return os.path.splitext(name)[1].lower()
