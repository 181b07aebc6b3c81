"""The register a legal team opens in Excel: one row per file."""

from __future__ import annotations

import csv
from collections import Counter
from typing import IO, Sequence

from contract_lint.findings import FileResult, Severity

# Excel in a Russian locale splits CSV on semicolons and needs a BOM to see UTF-8.
DELIMITER = ";"
ENCODING = "utf-8-sig"
_TOP = 3
#: Column titles for the lawyers who open the register; category codes follow them.
COLUMNS = ("файл", "формат", "ошибка чтения", "ошибок", "предупреждений", "инфо", "всего", "главные риски")


def summary_rows(results: Sequence[FileResult]) -> tuple[list[str], list[list[object]]]:
    """Return the header and one row per file: counts by severity and category, top risks."""
    categories = sorted({f.category for r in results for f in r.findings})
    header = [*COLUMNS, *categories]
    rows = []
    for result in results:
        by_severity = Counter(f.severity for f in result.findings)
        by_category = Counter(f.category for f in result.findings)
        rows.append([
            result.path,
            result.format or "",
            _reason(result),
            by_severity[Severity.ERROR],
            by_severity[Severity.WARNING],
            by_severity[Severity.INFO],
            len(result.findings),
            _top_risks(result),
            *(by_category[c] for c in categories),
        ])
    return header, rows


def _reason(result: FileResult) -> str:
    """Return the read error without the path the row already names."""
    error = result.error or ""
    prefix = f"{result.path}: "
    return error[len(prefix):] if error.startswith(prefix) else error


def _top_risks(result: FileResult) -> str:
    ranked = Counter((f.severity.rank, f.category) for f in result.findings)
    top = sorted(ranked.items(), key=lambda item: (-item[0][0], -item[1], item[0][1]))[:_TOP]
    return ", ".join(f"{category} ×{count}" for (_, category), count in top)


def write_summary_csv(results: Sequence[FileResult], stream: IO[str]) -> None:
    """Write the register as CSV (semicolon-separated, for Excel)."""
    header, rows = summary_rows(results)
    writer = csv.writer(stream, delimiter=DELIMITER, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
