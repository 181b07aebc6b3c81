"""Format detection from bytes, the dispatcher, stdin, and the errors a user sees for bad files."""

import io
import os
import sys
from pathlib import Path

import pytest

from contract_lint.errors import DocumentError
from contract_lint.parsers import MAX_INPUT_BYTES, ParseOptions, parse_bytes, parse_path
from contract_lint.parsers.convert import find_soffice
from contract_lint.parsers.detect import detect_format

FORMATS = Path(__file__).parent / "fixtures" / "formats"
BAD = Path(__file__).parent / "bad_inputs"
needs_soffice = pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed")


def _docx_parser():
    return pytest.importorskip("contract_lint.parsers.docx")


def _pdf_parser():
    return pytest.importorskip("contract_lint.parsers.pdf")


@pytest.mark.parametrize(
    ("path", "fmt", "note"),
    [
        (FORMATS / "contract-cp1251.txt", "txt", False),
        (FORMATS / "contract.md", "md", False),
        (FORMATS / "contract.odt", "odt", False),
        (FORMATS / "contract-lo.odt", "odt", False),
        (FORMATS / "contract.rtf", "rtf", False),
        (FORMATS / "contract.doc", "doc", False),
        (FORMATS / "doc-named.docx", "doc", True),
        (FORMATS / "pdf-named.docx", "pdf", True),
        (BAD / "pdf-named.docx", "pdf", True),
        (BAD / "truncated.docx", "docx", False),  # a broken zip goes to the reader its name suggests
        (BAD / "utf16.txt", "txt", False),
        (BAD / "cp1251.txt", "txt", False),
    ],
)
def test_detect_format_from_bytes(path, fmt, note):
    detected = detect_format(path.read_bytes(), str(path))
    assert detected.format == fmt
    assert (detected.note is not None) == note


def test_mismatch_note_says_what_the_file_really_is():
    detected = detect_format((FORMATS / "pdf-named.docx").read_bytes(), "договор.docx")
    assert detected.note == "файл с расширением .docx на самом деле в формате PDF; прочитан как PDF"


@pytest.mark.parametrize(
    ("path", "reason", "hint"),
    [
        (FORMATS / "empty.txt", "empty file", "the file has 0 bytes; save the document again"),
        (BAD / "empty.docx", "empty file", "the file has 0 bytes; save the document again"),
        (FORMATS / "encrypted.docx", "password-protected Word file", "remove the password in Word and save again"),
        (FORMATS / "workbook.xlsx", "this is an Excel workbook (XLSX), not a contract document",
         "contract-lint reads DOCX, PDF, ODT, DOC, RTF, TXT, MD"),
        (BAD / "binary.txt", "unknown binary format", "contract-lint reads DOCX, PDF, ODT, DOC, RTF, TXT, MD"),
    ],
)
def test_refused_files_name_the_reason_and_the_fix(path, reason, hint):
    with pytest.raises(DocumentError) as err:
        parse_path(str(path))
    assert (err.value.path, err.value.reason, err.value.hint) == (str(path), reason, hint)
    assert "\n" not in str(err.value)


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(DocumentError) as err:
        parse_path(str(tmp_path / "нет.docx"))
    assert err.value.reason == "no such file"
    with pytest.raises(DocumentError) as err:
        parse_path(str(tmp_path))
    assert err.value.reason == "is a directory, not a file"


def test_permission_denied(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text("1.1. Текст.")
    real_open = open

    def denied(name, *args, **kwargs):  # chmod 0 does not stop root, so refuse the open itself
        if str(name) == str(path):
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, *args, **kwargs)

    monkeypatch.setattr("builtins.open", denied)
    with pytest.raises(DocumentError) as err:
        parse_path(str(path))
    assert (err.value.reason, err.value.hint) == (
        "permission denied", "make the file readable (or copy it) and try again")


def test_size_limit_names_max_size(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"1.1. text\n" * 300)
    with pytest.raises(DocumentError) as err:
        parse_path(str(path), ParseOptions(max_size=1024))
    assert err.value.reason.startswith("file too large")
    assert "--max-size" in err.value.hint
    assert MAX_INPUT_BYTES == 200 * 1024 * 1024


def test_input_file_is_never_modified(tmp_path):
    path = tmp_path / "contract.odt"
    data = (FORMATS / "contract.odt").read_bytes()
    path.write_bytes(data)
    before = path.stat().st_mtime_ns
    parse_path(str(path))
    assert path.read_bytes() == data and path.stat().st_mtime_ns == before


def test_stdin_is_read_as_bytes_and_detected(monkeypatch):
    data = (FORMATS / "contract-cp1251.txt").read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    doc = parse_path("-")
    assert (doc.path, doc.format, doc.meta["encoding"]) == ("-", "txt", "cp1251")
    assert doc.blocks[3].location.clause == "1.1"


def test_parse_bytes_accepts_a_pathlike_name_and_odt_bytes():
    doc = parse_bytes((FORMATS / "contract.odt").read_bytes(), "-")
    assert doc.format == "odt"
    assert parse_path(FORMATS / "contract.md").format == "md"


def test_pdf_named_docx_is_read_as_pdf():
    _pdf_parser()
    doc = parse_path(str(FORMATS / "pdf-named.docx"))
    assert doc.format == "pdf"
    assert doc.meta["note"].startswith("файл с расширением .docx на самом деле в формате PDF")
    block = next(b for b in doc.blocks if "в разумный срок" in b.text)
    assert (block.location.clause, block.location.page) == ("1.1", 1)


@needs_soffice
@pytest.mark.soffice
@pytest.mark.parametrize("name", ["contract.doc", "doc-named.docx"])
def test_doc_is_converted_with_libreoffice(name, tmp_path):
    _docx_parser()
    path = tmp_path / name
    data = (FORMATS / name).read_bytes()
    path.write_bytes(data)
    doc = parse_path(str(path))
    assert doc.format == "doc"
    assert path.read_bytes() == data
    assert [(b.location.clause, b.text) for b in doc.blocks[1:3]] == [
        ("1.1", "1.1. Подрядчик выполняет работы в разумный срок."),
        ("1.2", "1.2. Заказчик оплачивает работы в течение 5 рабочих дней."),
    ]
    assert sorted(os.listdir(tmp_path)) == [name]  # nothing written beside the original


@needs_soffice
@pytest.mark.soffice
def test_rtf_is_converted_with_libreoffice():
    _docx_parser()
    doc = parse_path(str(FORMATS / "contract.rtf"))
    assert doc.format == "rtf"
    assert [(b.kind.value, b.location.clause, b.text) for b in doc.blocks] == [
        ("heading", "1", "1. ПРЕДМЕТ ДОГОВОРА"),
        ("list_item", "1.1", "1.1. Исполнитель оказывает услуги в разумный срок."),
        ("list_item", "1.2", "1.2. Заказчик оплачивает услуги."),
    ]


def test_doc_without_libreoffice_says_how_to_fix(monkeypatch):
    monkeypatch.setattr("contract_lint.parsers.convert.find_soffice", lambda: None)
    with pytest.raises(DocumentError) as err:
        parse_path(str(FORMATS / "contract.doc"))
    assert err.value.reason == "cannot read .doc without LibreOffice"
    assert err.value.hint == "install it (apt-get install libreoffice-writer-nogui) or save the file as DOCX"


def _fake_soffice(tmp_path, monkeypatch, script: str) -> Path:
    """Put a fake `soffice` first on PATH; it logs its arguments to args.txt."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    exe = bin_dir / "soffice"
    exe.write_text(f'#!/bin/sh\necho "$@" > "{tmp_path}/args.txt"\n{script}\n')
    exe.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return tmp_path / "args.txt"


def test_conversion_uses_a_private_profile_and_a_copy(tmp_path, monkeypatch):
    from contract_lint.parsers.convert import convert_to_docx

    # the fake writes its "DOCX" into the folder after --outdir
    args_file = _fake_soffice(tmp_path, monkeypatch, 'dir=$(echo "$@" | sed "s/.*--outdir \\([^ ]*\\) .*/\\1/")\n'
                              'printf "PK-fake" > "$dir/input.docx"')
    assert convert_to_docx("/data/договор.doc", b"\xd0\xcf\x11\xe0 doc", "doc") == b"PK-fake"
    args = args_file.read_text().split()
    assert args[0].startswith("-env:UserInstallation=file:///") and args[0].endswith("/profile")
    assert "--headless" in args and args[-1].endswith("/input.doc")
    assert "/data/договор.doc" not in args


def test_conversion_timeout_is_a_document_error(tmp_path, monkeypatch):
    from contract_lint.parsers.convert import convert_to_docx

    _fake_soffice(tmp_path, monkeypatch, "sleep 30")
    with pytest.raises(DocumentError) as err:
        convert_to_docx("slow.doc", b"x", "doc", timeout=1)
    assert (err.value.reason, err.value.hint) == (
        "LibreOffice did not finish converting within 1 s", "open the file in Word or LibreOffice and save as DOCX")


def test_conversion_without_output_is_a_document_error(tmp_path, monkeypatch):
    from contract_lint.parsers.convert import convert_to_docx

    _fake_soffice(tmp_path, monkeypatch, "exit 0")
    with pytest.raises(DocumentError) as err:
        convert_to_docx("odd.rtf", b"{\\rtf1}", "rtf")
    assert (err.value.reason, err.value.hint) == (
        "LibreOffice could not convert this .rtf file", "open it in Word or LibreOffice and save as DOCX")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "utf-16-be", "cp1251"])
def test_large_text_is_detected_by_its_first_64_kb(encoding):
    # «x» first, so byte 65536 falls inside a two-byte UTF-8 letter
    text = "x" + "1.1. Оплата производится в течение пяти дней.\n" * 2000
    data = text.encode(encoding)
    assert len(data) > 65536
    assert detect_format(data, "big.txt").format == "txt"
    doc = parse_bytes(data, "big.txt")
    assert len(doc.blocks) == 2000 and doc.blocks[-1].location.line == 2000
