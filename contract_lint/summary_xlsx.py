"""The register as an Excel workbook: one sheet «Реестр», bold frozen header, filter, widths.

Written by hand as a minimal OOXML package (zipfile + escaped XML), so no spreadsheet
library is needed; the bytes depend only on the results, so two runs can be compared.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Sequence

import regex

from contract_lint.fileio import write_atomic
from contract_lint.findings import FileResult
from contract_lint.summary import COLUMNS, summary_rows

SHEET_NAME = "Реестр"
#: Excel refuses to show more than this many characters in one cell.
CELL_LIMIT = 32767
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest time zip can store: no run-dependent bytes
FILE_MODE = 0o644  # mkstemp makes 0600; the register is for the whole team

# XML 1.0 allows tab, LF, CR and U+0020 upwards, minus surrogates and U+FFFE/U+FFFF.
_NOT_XML = regex.compile(r"[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\U00010000-\U0010FFFF]")
# Excel reads «_x0041_» in cell text as an escaped character; «_x005F_» keeps it literal.
_EXCEL_ESCAPE = regex.compile("_(?=x[0-9A-Fa-f]{4}_)")

_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

_CONTENT_TYPES = (
    _HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    '<Override PartName="/docProps/core.xml" '
    'ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
    '<Override PartName="/docProps/app.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    _HEAD + f'<Relationships xmlns="{_PKG_REL_NS}">'
    f'<Relationship Id="rId1" Type="{_REL_NS}/officeDocument" Target="xl/workbook.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/'
    'metadata/core-properties" Target="docProps/core.xml"/>'
    f'<Relationship Id="rId3" Type="{_REL_NS}/extended-properties" Target="docProps/app.xml"/>'
    "</Relationships>"
)
_WORKBOOK_RELS = (
    _HEAD + f'<Relationships xmlns="{_PKG_REL_NS}">'
    f'<Relationship Id="rId1" Type="{_REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL_NS}/styles" Target="styles.xml"/>'
    "</Relationships>"
)
_CORE = (
    _HEAD + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/'
    'core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">'
    "<dc:title>Реестр договоров</dc:title><dc:creator>contract-lint</dc:creator>"
    "</cp:coreProperties>"
)
_APP = (
    _HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
    "<Application>contract-lint</Application></Properties>"
)
# Style 0 is the default cell, style 1 the bold header; fills 0 and 1 are required by Excel.
_STYLES = (
    _HEAD + f'<styleSheet xmlns="{_NS}">'
    '<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
HEADER_STYLE = 1

# Columns a lawyer reads as prose get room; the rest are sized to their title.
_WIDE = {COLUMNS[0]: (30, 80), COLUMNS[2]: (30, 80), COLUMNS[7]: (30, 60)}
_NARROW = (8, 24)


def write_summary_xlsx(results: Sequence[FileResult], path: str | Path) -> None:
    """Write the register as an .xlsx workbook to `path`, atomically."""
    write_atomic(Path(path), summary_xlsx_bytes(results), mode=FILE_MODE)


def summary_xlsx_bytes(results: Sequence[FileResult]) -> bytes:
    """Return the register workbook as bytes; the same results give the same bytes."""
    header, rows = summary_rows(results)
    parts = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _ROOT_RELS,
        "docProps/app.xml": _APP,
        "docProps/core.xml": _CORE,
        "xl/workbook.xml": _workbook(len(header), len(rows) + 1),
        "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS,
        "xl/styles.xml": _STYLES,
        "xl/worksheets/sheet1.xml": _sheet(header, rows),
    }
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        for name, xml in parts.items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (0o100000 | FILE_MODE) << 16
            zf.writestr(info, xml.encode("utf-8"))
    return buf.getvalue()


def cell_text(value: object) -> str:
    """Return `value` as text Excel accepts: no XML-illegal characters, at most CELL_LIMIT long."""
    text = _EXCEL_ESCAPE.sub("_x005F_", _NOT_XML.sub("", str(value)))
    if _utf16_len(text) <= CELL_LIMIT:
        return text
    # Excel counts UTF-16 units, so a character outside the BMP takes two.
    kept, used = [], 1  # one unit is reserved for the ellipsis that marks the cut
    for ch in text:
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > CELL_LIMIT:
            break
        kept.append(ch)
    return "".join(kept) + "…"


def column_name(index: int) -> str:
    """Return the Excel column letters for a 0-based index (0 → A, 26 → AA)."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(ord("A") + rest) + name
    return name


def _utf16_len(text: str) -> int:
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def _workbook(n_cols: int, n_rows: int) -> str:
    # Excel keeps the autoFilter range in this hidden name too; without it the filter may be dropped.
    ref = f"'{SHEET_NAME}'!$A$1:${column_name(n_cols - 1)}${n_rows}"
    return (
        _HEAD + f'<workbook xmlns="{_NS}" xmlns:r="{_REL_NS}">'
        f'<sheets><sheet name="{SHEET_NAME}" sheetId="1" r:id="rId1"/></sheets>'
        f'<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
        f"{_escape(ref)}</definedName></definedNames>"
        "</workbook>"
    )


def _sheet(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    last = f"{column_name(len(header) - 1)}{len(rows) + 1}"
    body = [_row(1, header, HEADER_STYLE)]
    body += [_row(i, row, None) for i, row in enumerate(rows, start=2)]
    return (
        _HEAD + f'<worksheet xmlns="{_NS}" xmlns:r="{_REL_NS}">'
        f'<dimension ref="A1:{last}"/>'
        '<sheetViews><sheetView tabSelected="1" workbookViewId="0">'
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>'
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>'
        "</sheetView></sheetViews>"
        '<sheetFormatPr defaultRowHeight="15"/>'
        f"<cols>{_cols(header, rows)}</cols>"
        f'<sheetData>{"".join(body)}</sheetData>'
        f'<autoFilter ref="A1:{last}"/>'
        "</worksheet>"
    )


def _cols(header: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    out = []
    for i, title in enumerate(header):
        if title in _WIDE:
            low, high = _WIDE[title]
            width = max([len(title), *(len(cell_text(r[i])) for r in rows)]) + 2
        else:
            low, high = _NARROW
            width = len(title) + 3  # room for the filter button beside the title
        width = min(max(width, low), high)
        out.append(f'<col min="{i + 1}" max="{i + 1}" width="{width}" customWidth="1"/>')
    return "".join(out)


def _row(number: int, values: Sequence[object], style: int | None) -> str:
    cells = "".join(_cell(f"{column_name(i)}{number}", v, style) for i, v in enumerate(values))
    return f'<row r="{number}">{cells}</row>'


def _cell(ref: str, value: object, style: int | None) -> str:
    s = f' s="{style}"' if style is not None else ""
    if isinstance(value, int) and not isinstance(value, bool):
        return f'<c r="{ref}"{s}><v>{value}</v></c>'
    text = cell_text("" if value is None else value)
    if not text:
        return ""  # an empty cell is simply absent
    return f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">{_escape(text)}</t></is></c>'


def _escape(text: str) -> str:
    # CR is escaped as a reference, or XML parsers would turn CRLF into LF.
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;").replace("\r", "&#13;"))
