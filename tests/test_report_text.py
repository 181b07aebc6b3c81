"""The terminal report: readable without colour, 80 columns, lawyer's locations, summary table."""

from __future__ import annotations

import io

from contract_lint.reporters import render
from test_report_samples import RULES, sample


def _text(**kwargs) -> str:
    results, docs = sample()
    stream = io.StringIO()
    render("text", results, RULES, stream, documents=docs, **kwargs)
    return stream.getvalue()


def test_plain_output_has_no_control_codes_and_fits_80_columns():
    out = _text()
    assert "\x1b" not in out
    assert max(len(line) for line in out.splitlines()) <= 80
    assert all(line == line.rstrip() for line in out.splitlines())


def test_file_header_findings_in_document_order_with_locations_and_suggestions():
    lines = _text().splitlines()
    assert lines[0] == "dogovor.txt · TXT · ошибки: 1, предупреждения: 2, инфо: 0"
    assert lines[1] == "  документ в целом  предупреждение  LIAB004 · LIAB-MISSING"
    assert lines[3] == "  п. 3.1 · строка 4  предупреждение  TERM001 · TERM-VAGUE"
    assert lines[5] == "    «3.1. Исполнитель устраняет недостатки **в разумный срок**.»"
    assert lines[6] == "    Предложение: «в течение 5 (пяти) рабочих дней»"
    assert lines[7] == "  п. 7.2 · строка 9  ошибка  LIAB001 · LIAB-PENALTY-NO-CAP"
    out = "\n".join(lines)
    assert "  раздел «Ответственность сторон» · таблица 1, строка 3, столбец 2  инфо" in out
    assert "broken.pdf · PDF\n  не удалось прочитать: the file is damaged" in out  # the header names the file


def test_summary_counts_files_severities_and_categories():
    lines = _text().splitlines()
    at = lines.index("Файлов: 3 · Не прочитано: 1")
    assert lines[at + 1] == "Замечаний: 5 (ошибки: 2, предупреждения: 2, инфо: 1)"
    assert lines[at + 2].split() == ["Категория", "ошибки", "предупреждения", "инфо", "всего"]
    assert lines[at + 3].split() == ["LIAB-MISSING", "·", "1", "·", "1"]
    assert lines[at + 4].split() == ["LIAB-PENALTY-NO-CAP", "2", "·", "·", "2"]
    assert lines[at + 5].split() == ["TERM-VAGUE", "·", "1", "1", "2"]


def test_colour_marks_severity_and_match_without_asterisks():
    out = _text(color=True)
    assert "\x1b[" in out
    assert "**в разумный срок**" not in out and "в разумный срок" in out


def test_quiet_keeps_one_line_per_finding_and_the_totals():
    out = _text(quiet=True)
    assert "Предложение" not in out and "«3.1." not in out
    assert "  п. 7.2 · строка 9  ошибка  LIAB001 · LIAB-PENALTY-NO-CAP" in out
    assert "Категория" not in out and "Замечаний: 5" in out


def test_english_interface_words():
    out = _text(lang="en")
    assert "dogovor.txt · TXT · errors: 1, warnings: 2, info: 0" in out
    assert "  cl. 7.2 · line 9  error  LIAB001 · LIAB-PENALTY-NO-CAP" in out
    assert "Suggestion: «в течение 5 (пяти) рабочих дней»" in out
    assert "Files: 3 · Unreadable: 1" in out
