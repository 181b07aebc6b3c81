"""Table cells read from a PDF: rows, columns and page breaks inside a table.

Cells arrive as paragraphs in reading order, row by row (a cell starting left of the
previous one starts a row). Where a table runs over a page, the header row repeated
at the top of the new page is dropped, and a row split by the page break (its first
cells empty on the new page) is joined back to the row it continues, so a PDF table
reads like the same table in the DOCX.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from contract_lint.parsers.pdf_paragraphs import Paragraph, append_paragraph

Row = list[Paragraph]


def tidy_tables(paras: Iterable[Paragraph]) -> Iterator[Paragraph]:
    """Pass paragraphs through, mending each table's page breaks."""
    table: list[Paragraph] = []
    for para in paras:
        if para.cell or (table and para.footnote):
            table.append(para)
            continue
        yield from _mend(table)
        table = []
        yield para
    yield from _mend(table)


def _rows(table: list[Paragraph]) -> list[Row]:
    rows: list[Row] = []
    for para in table:
        if para.footnote or not rows or rows[-1][-1].footnote or para.x0 < rows[-1][-1].x0 - 1:
            rows.append([para])
        else:
            rows[-1].append(para)
    return rows


def _mend(table: list[Paragraph]) -> list[Paragraph]:
    rows = _rows(table)
    if not rows:
        return []
    header = [p.text for p in rows[0]]
    kept: list[Row] = [rows[0]]
    for row in rows[1:]:
        new_page = row[0].lines[0][1] != kept[-1][-1].lines[-1][1]
        if not new_page or row[0].footnote or kept[-1][0].footnote:
            kept.append(row)
        elif [p.text for p in row] == header:
            continue  # the header row repeated on the continuation page
        elif row[0].col > rows[0][0].col and kept[-1][0].col == rows[0][0].col:
            kept[-1] = _join_rows(kept[-1], row)  # the rest of a row cut by the page
        else:
            kept.append(row)
    return [para for row in kept for para in row]


def _join_rows(row: Row, rest: Row) -> Row:
    """Append the cells of `rest` to the cells of `row` in the same columns."""
    joined = list(row)
    for cell in rest:
        at = next((i for i, p in enumerate(joined) if p.col == cell.col), None)
        if at is None:
            joined.append(cell)
        else:
            joined[at] = append_paragraph(joined[at], cell)
    return joined


class TableCounter:
    """Number tables, rows and columns of cells met in reading order (row by row).

    Consecutive cells form one table, across page breaks too. The column is the
    number of ruling lines left of the cell (so empty cells count), else the cell's
    place in its row.
    """

    def __init__(self) -> None:
        self.table = self.row = self.col = 0
        self.x0: float | None = None

    def cell(self, x0: float, col: int) -> tuple[int, int, int]:
        """Return (table, row, col) of the next cell, which starts at `x0`."""
        if self.x0 is None:
            self.table, self.row, self.col = self.table + 1, 1, 0
        elif x0 < self.x0 - 1:
            self.row, self.col = self.row + 1, 0
        self.col = col if col > self.col else self.col + 1
        self.x0 = x0
        return self.table, self.row, self.col

    def close(self) -> None:
        """End the current table: the next cell starts a new one."""
        self.x0 = None
