"""The Excel register: real cells, bold frozen header, filter, clean text, same bytes every run."""

from __future__ import annotations

import csv
import hashlib
import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from folder_util import cli, make_folder, make_pack, pack_args

from contract_lint.findings import FileResult, Finding, Severity
from contract_lint.model import Location
from contract_lint.summary import COLUMNS, summary_rows
from contract_lint.summary_xlsx import CELL_LIMIT, column_name, write_summary_xlsx

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def _finding(category: str, severity: Severity) -> Finding:
    return Finding(rule="X1", name="x", category=category, severity=severity, message="m",
                   suggestion=None, match="w", excerpt="w", location=Location(clause="1.1"))


def _results() -> list[FileResult]:
    return [
        FileResult("договоры/поставка.docx", "docx", [
            _finding("TERM-VAGUE", Severity.WARNING),
            _finding("TERM-VAGUE", Severity.WARNING),
            _finding("LIAB-PENALTY-NO-CAP", Severity.ERROR),
        ]),
        FileResult("договоры/аренда.pdf", "pdf", []),
        FileResult("broken.docx", None, [], error="broken.docx: not a zip — re-save it"),
    ]


def _sheet(path: Path) -> ET.Element:
    with zipfile.ZipFile(path) as zf:
        return ET.fromstring(zf.read("xl/worksheets/sheet1.xml"))


def _grid(path: Path) -> list[list[object]]:
    """Return the sheet as rows of cell values: numbers as int, strings as str, gaps as ""."""
    grid = []
    for row in _sheet(path).iterfind("m:sheetData/m:row", NS):
        values: dict[int, object] = {}
        for c in row.iterfind("m:c", NS):
            letters = "".join(ch for ch in c.get("r") if ch.isalpha())
            index = next(i for i in range(200) if column_name(i) == letters)
            if c.get("t") == "inlineStr":
                values[index] = "".join(t.text or "" for t in c.iterfind("m:is/m:t", NS))
            else:
                values[index] = int(c.findtext("m:v", namespaces=NS))
        grid.append([values.get(i, "") for i in range(max(values) + 1)])
    return grid


def test_cells_hold_the_summary_rows_with_numbers_as_numbers(tmp_path):
    target = tmp_path / "register.xlsx"
    write_summary_xlsx(_results(), target)
    header, rows = summary_rows(_results())
    grid = _grid(target)
    assert grid[0] == [*COLUMNS, "LIAB-PENALTY-NO-CAP", "TERM-VAGUE"] == header
    assert grid[1] == ["договоры/поставка.docx", "docx", "", 1, 2, 0, 3,
                       "LIAB-PENALTY-NO-CAP ×1, TERM-VAGUE ×2", 1, 2]
    assert grid[2] == ["договоры/аренда.pdf", "pdf", "", 0, 0, 0, 0, "", 0, 0]
    assert grid[3] == ["broken.docx", "", "not a zip — re-save it", 0, 0, 0, 0, "", 0, 0]
    assert grid[1:] == rows
    counts = [c for c in _sheet(target).iterfind("m:sheetData/m:row/m:c", NS) if c.get("r") == "D2"]
    assert counts[0].get("t") is None  # a number Excel can sum, not text


def test_workbook_parts_sheet_name_bold_header_frozen_pane_and_filter(tmp_path):
    target = tmp_path / "register.xlsx"
    write_summary_xlsx(_results(), target)
    with zipfile.ZipFile(target) as zf:
        assert zf.testzip() is None
        names = set(zf.namelist())
        workbook = ET.fromstring(zf.read("xl/workbook.xml"))
        styles = ET.fromstring(zf.read("xl/styles.xml"))
        types = zf.read("[Content_Types].xml").decode()
    assert {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
            "xl/styles.xml", "xl/worksheets/sheet1.xml"} <= names
    assert "/xl/worksheets/sheet1.xml" in types
    assert [s.get("name") for s in workbook.iterfind("m:sheets/m:sheet", NS)] == ["Реестр"]
    sheet = _sheet(target)
    header_styles = {c.get("s") for c in sheet.iterfind("m:sheetData/m:row[@r='1']/m:c", NS)}
    body_styles = {c.get("s") for c in sheet.iterfind("m:sheetData/m:row[@r='2']/m:c", NS)}
    assert len(header_styles) == 1 and body_styles == {None}
    xf = styles.findall("m:cellXfs/m:xf", NS)[int(header_styles.pop())]
    font = styles.findall("m:fonts/m:font", NS)[int(xf.get("fontId"))]
    assert font.find("m:b", NS) is not None
    assert styles.findall("m:fonts/m:font", NS)[0].find("m:b", NS) is None
    pane = sheet.find("m:sheetViews/m:sheetView/m:pane", NS)
    assert (pane.get("ySplit"), pane.get("topLeftCell"), pane.get("state")) == ("1", "A2", "frozen")
    assert pane.get("xSplit") is None
    assert sheet.find("m:autoFilter", NS).get("ref") == "A1:J4"
    assert sheet.find("m:dimension", NS).get("ref") == "A1:J4"
    widths = [float(c.get("width")) for c in sheet.iterfind("m:cols/m:col", NS)]
    assert len(widths) == 10
    path_w, fmt_w, error_w, errors_w, risks_w = widths[0], widths[1], widths[2], widths[3], widths[7]
    assert min(path_w, error_w, risks_w) >= 30 > max(fmt_w, errors_w)


def test_check_folder_writes_the_workbook_and_leaves_inputs_alone(tmp_path):
    pack = make_pack(tmp_path / "pack")
    folder = make_folder(tmp_path / "in")
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()}
    target = tmp_path / "out" / "new" / "Register.XLSX"  # the suffix is matched case-insensitively
    result = cli("check", folder, *pack_args(pack), "--summary", target, "--no-cache", "--format", "concise")
    assert result.exit_code == 2
    assert zipfile.is_zipfile(target)
    grid = _grid(target)
    assert grid[0] == [*COLUMNS, "TERM-VAGUE"]
    by_name = {Path(r[0]).name: r for r in grid[1:]}
    assert list(by_name) == ["a.docx", "b.pdf", "d-broken.docx", "c.txt"]
    assert by_name["a.docx"][1:] == ["docx", "", 0, 1, 0, 1, "TERM-VAGUE ×1", 1]
    assert by_name["c.txt"][1:] == ["txt", "", 0, 1, 0, 1, "TERM-VAGUE ×1", 1]
    broken = by_name["d-broken.docx"]
    assert str(broken[2]).startswith("not a valid DOCX file (broken zip")
    assert broken[3:8] == [0, 0, 0, 0, ""]
    assert Path(broken[0]) == folder / "d-broken.docx"
    assert sorted(p.name for p in target.parent.iterdir()) == ["Register.XLSX"]  # no temporary file left
    assert {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*") if p.is_file()} == before


def test_other_suffixes_still_get_csv(tmp_path):
    pack = make_pack(tmp_path / "pack")
    folder = make_folder(tmp_path / "in")
    target = tmp_path / "register.txt"
    cli("check", folder, *pack_args(pack), "--summary", target, "--no-cache", "--format", "concise")
    assert not zipfile.is_zipfile(target)
    assert target.read_text(encoding="utf-8-sig").startswith(";".join(COLUMNS))


def test_control_characters_dropped_and_long_text_cut_to_the_excel_limit(tmp_path):
    target = tmp_path / "register.xlsx"
    results = [
        FileResult("a\x00b\x07c\x1b.docx", "docx", []),
        FileResult("long.docx", None, [], error="long.docx: " + "я" * 40000),
        FileResult("tab\tand_x0041_.txt", "txt", [], error="tab\tand_x0041_.txt: line\nbreak \ufffe<&>"),
    ]
    write_summary_xlsx(results, target)
    grid = _grid(target)  # ElementTree would raise on any character XML 1.0 forbids
    assert grid[1][0] == "abc.docx"
    cut = grid[2][2]
    assert len(cut) == CELL_LIMIT and cut.endswith("…") and set(cut[:-1]) == {"я"}
    # Excel reads «_x0041_» as «A»; the written «_x005F_» prefix keeps the name as it is.
    assert grid[3][0] == "tab\tand_x005F_x0041_.txt"
    assert grid[3][2] == "line\nbreak <&>"


def test_same_results_give_the_same_bytes(tmp_path):
    first, second = tmp_path / "one.xlsx", tmp_path / "two" / "two.xlsx"
    write_summary_xlsx(_results(), first)
    write_summary_xlsx(_results(), second)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as zf:
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        assert {i.compress_type for i in zf.infolist()} == {zipfile.ZIP_DEFLATED}


def test_a_failed_write_keeps_the_old_register(tmp_path, monkeypatch):
    target = tmp_path / "register.xlsx"
    target.write_bytes(b"old register")

    def fail(*args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr("contract_lint.fileio.os.replace", fail)
    with pytest.raises(OSError, match="disk full"):
        write_summary_xlsx(_results(), target)
    assert target.read_bytes() == b"old register"
    assert [p.name for p in tmp_path.iterdir()] == ["register.xlsx"]


def _soffice_csv(source: Path, out: Path, profile: Path) -> Path:
    """Convert `source` to UTF-8 CSV with LibreOffice in its own profile; return the CSV path."""
    subprocess.run(
        ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(out), str(source)],
        capture_output=True, timeout=180, check=False,
    )
    return out / f"{source.stem}.csv"


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not installed")
def test_libreoffice_reads_the_same_cells(tmp_path):
    target = tmp_path / "register.xlsx"
    write_summary_xlsx(_results(), target)
    converted = _soffice_csv(target, tmp_path / "out", tmp_path / "profile")
    if not converted.exists():
        probe = tmp_path / "probe.csv"
        probe.write_text("a,1\n", encoding="utf-8")
        if not _soffice_csv(probe, tmp_path / "probe-out", tmp_path / "profile").exists():
            pytest.skip("LibreOffice cannot open spreadsheets here (Calc is not installed)")
        pytest.fail("LibreOffice could not open the register")
    with open(converted, encoding="utf-8", newline="") as fh:
        cells = list(csv.reader(fh))
    header, rows = summary_rows(_results())
    assert cells == [header, *[[str(v) for v in row] for row in rows]]
