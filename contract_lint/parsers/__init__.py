"""Read any supported document: detect its format from its bytes and call the right reader.

Each file is read once into memory and never written. The DOCX and PDF readers are
imported lazily, so a text-only run does not pay for python-docx or pdfium.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from dataclasses import dataclass
from typing import BinaryIO

from contract_lint.errors import DocumentError
from contract_lint.model import Document
from contract_lint.parsers.detect import detect_format

__all__ = ["MAX_INPUT_BYTES", "ParseOptions", "parse_bytes", "parse_path"]

#: Files larger than this are refused before they are read (raise it with --max-size).
MAX_INPUT_BYTES = 200 * 1024 * 1024
STDIN_NAME = "-"


@dataclass(frozen=True)
class ParseOptions:
    """How to read documents: the PDF engine, a PDF password, OCR for scans, a size limit."""

    pdf_engine: str = "pdfium"
    password: str | None = None
    ocr: bool = False
    max_size: int = MAX_INPUT_BYTES


def parse_path(path: str | os.PathLike[str], options: ParseOptions = ParseOptions()) -> Document:
    """Parse the file at `path` (`-` reads standard input) into a Document."""
    name = os.fspath(path)
    if name == STDIN_NAME:
        data = _read_limited(sys.stdin.buffer, name, options.max_size)
    else:
        data = _read_file(name, options.max_size)
    return parse_bytes(data, name, options)


def parse_bytes(data: bytes, name: str, options: ParseOptions = ParseOptions()) -> Document:
    """Parse a document's bytes; `name` is used for messages and the .md/.txt choice."""
    if len(data) > options.max_size:
        raise _too_large(name, len(data), options.max_size)
    detected = detect_format(data, name)
    doc = _READERS[detected.format](name, data, options)
    if detected.note:
        doc.meta["note"] = detected.note
    return doc


def _read_file(name: str, limit: int) -> bytes:
    try:
        with open(name, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > limit:
                raise _too_large(name, size, limit)
            return _read_limited(fh, name, limit)
    except IsADirectoryError as exc:
        raise DocumentError(name, "is a directory, not a file", "give a file, or use `check` for folders") from exc
    except FileNotFoundError as exc:
        raise DocumentError(name, "no such file", "check the path") from exc
    except PermissionError as exc:
        raise DocumentError(name, "permission denied", "make the file readable (or copy it) and try again") from exc
    except OSError as exc:
        raise DocumentError(name, f"cannot read the file ({exc.strerror or exc})",
                            "check that the disk or network share is available") from exc


def _read_limited(stream: BinaryIO, name: str, limit: int) -> bytes:
    """Read at most `limit` bytes; a longer stream (stdin, a growing file) is refused."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise _too_large(name, len(data), limit)
    return data


def _too_large(name: str, size: int, limit: int) -> DocumentError:
    mb = 1024 * 1024
    return DocumentError(name, f"file too large ({size / mb:.0f} MB; the limit is {limit // mb} MB)",
                         "split the document, or raise the limit with --max-size MB")


def _read_docx(name: str, data: bytes, options: ParseOptions) -> Document:
    return _reader("docx", "parse_docx", name)(name, data=data)


def _read_pdf(name: str, data: bytes, options: ParseOptions) -> Document:
    parse_pdf = _reader("pdf", "parse_pdf", name)
    return parse_pdf(name, data=data, engine=options.pdf_engine, password=options.password, ocr=options.ocr)


def _read_odt(name: str, data: bytes, options: ParseOptions) -> Document:
    from contract_lint.parsers.odt import parse_odt

    return parse_odt(name, data)


def _read_text(name: str, data: bytes, options: ParseOptions) -> Document:
    from contract_lint.parsers.text import parse_text

    return parse_text(name, data, markdown=False)


def _read_markdown(name: str, data: bytes, options: ParseOptions) -> Document:
    from contract_lint.parsers.text import parse_text

    return parse_text(name, data, markdown=True)


def _read_converted(fmt: str):  # type: ignore[no-untyped-def]
    """Return a reader that converts .doc/.rtf to DOCX with LibreOffice, then reads the DOCX."""

    def read(name: str, data: bytes, options: ParseOptions) -> Document:
        from contract_lint.parsers.convert import convert_to_docx

        docx = convert_to_docx(name, data, fmt)
        doc = _read_docx(name, docx, options)
        return dataclasses.replace(doc, format=fmt, meta={**doc.meta, "converted_from": fmt})

    return read


def _reader(module: str, function: str, name: str):  # type: ignore[no-untyped-def]
    """Import a format reader lazily; a missing reader is a per-file error, not a crash."""
    import importlib

    try:
        return getattr(importlib.import_module(f"contract_lint.parsers.{module}"), function)
    except (ImportError, AttributeError) as exc:
        raise DocumentError(name, f"reading {module.upper()} files is not available in this build ({exc})",
                            "reinstall contract-lint with its dependencies") from exc


_READERS = {
    "pdf": _read_pdf,
    "docx": _read_docx,
    "odt": _read_odt,
    "txt": _read_text,
    "md": _read_markdown,
    "doc": _read_converted("doc"),
    "rtf": _read_converted("rtf"),
}
