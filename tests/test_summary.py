"""The CSV register: one row per file with counts, top risks and errors."""

import csv
import io

from contract_lint.findings import FileResult, Finding, Severity
from contract_lint.model import Location
from contract_lint.summary import write_summary_csv


def _finding(category, severity):
    return Finding(rule="X1", name="x", category=category, severity=severity, message="m",
                   suggestion=None, match="w", excerpt="w", location=Location(clause="1.1"))


def test_register_counts_per_file_and_category():
    results = [
        FileResult("a.docx", "docx", [
            _finding("TERM-VAGUE", Severity.WARNING),
            _finding("TERM-VAGUE", Severity.WARNING),
            _finding("LIAB-PENALTY-NO-CAP", Severity.ERROR),
        ]),
        FileResult("broken.docx", None, [], error="broken.docx: not a zip — re-save it"),
    ]
    out = io.StringIO()
    write_summary_csv(results, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue()), delimiter=";"))
    assert rows[0]["файл"] == "a.docx"
    assert (rows[0]["ошибок"], rows[0]["предупреждений"], rows[0]["всего"]) == ("1", "2", "3")
    assert rows[0]["TERM-VAGUE"] == "2" and rows[0]["LIAB-PENALTY-NO-CAP"] == "1"
    assert rows[0]["главные риски"] == "LIAB-PENALTY-NO-CAP ×1, TERM-VAGUE ×2"
    assert rows[1]["ошибка чтения"] == "not a zip — re-save it"
    assert rows[1]["всего"] == "0"
