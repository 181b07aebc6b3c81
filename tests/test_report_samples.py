"""Sample documents and findings shared by the report tests (plus tests of the location words)."""

from __future__ import annotations

from dataclasses import replace

from contract_lint.findings import FileResult, Finding, Severity
from contract_lint.model import BlockKind, Document, DocumentBuilder, Location
from contract_lint.reporters.base import RuleDoc, position, where

PENALTY = "Заказчик уплачивает пеню в размере 0,5% от суммы долга за каждый день просрочки."
VAGUE = "Исполнитель устраняет недостатки в разумный срок."

RULES = [
    RuleDoc("LIAB001", "penalty-without-cap", "LIAB-PENALTY-NO-CAP", Severity.ERROR,
            "Неустойка без верхнего предела", "Суд может снизить неустойку (ст. 333 ГК РФ).",
            "«…но не более 10% от суммы неисполненного обязательства»", ("ГК РФ ст. 330", "ГК РФ ст. 333")),
    RuleDoc("TERM001", "vague-deadline", "TERM-VAGUE", Severity.WARNING,
            "Срок указан оценочным словом", None, "«в течение 5 (пяти) рабочих дней»"),
    RuleDoc("LIAB004", "liability-missing", "LIAB-MISSING", Severity.WARNING, "Нет ответственности сторон"),
]


def text_document(path: str = "dogovor.txt") -> Document:
    """Return a plain-text contract: clause 3.1 on source line 4, clause 7.2 on line 9 (wrapped to 10)."""
    b = DocumentBuilder(path, "txt")
    b.add("3. Сроки", BlockKind.HEADING, Location(section="Сроки"), lines=((0, None, 2),))
    b.add("3.1. " + VAGUE, BlockKind.PARAGRAPH, Location(clause="3.1", section="Сроки"), lines=((0, None, 4),))
    b.add("7. Ответственность сторон", BlockKind.HEADING, Location(section="Ответственность сторон"),
          lines=((0, None, 7),))
    first = "7.2. Заказчик уплачивает пеню"
    b.add("7.2. " + PENALTY, BlockKind.PARAGRAPH, Location(clause="7.2", section="Ответственность сторон"),
          lines=((0, None, 9), (len(first) + 1, None, 10)))
    return b.build()


def docx_document(path: str = "dogovor.docx") -> Document:
    """Return a DOCX-like contract: clause 7.2 in block 1, a table cell in block 2."""
    b = DocumentBuilder(path, "docx")
    b.add("Ответственность сторон", BlockKind.HEADING, Location(section="Ответственность сторон"))
    b.add(PENALTY, BlockKind.LIST_ITEM, Location(clause="7.2", section="Ответственность сторон"), label="7.2.")
    b.add("Оплата по мере выполнения работ", BlockKind.TABLE_CELL,
          Location(section="Ответственность сторон", table=1, row=3, col=2))
    return b.build()


def finding_at(doc: Document, rule: RuleDoc, words: str, *, nth: int = 0, message: str | None = None) -> Finding:
    """Return the Finding the engine would make for `words` in `doc` (the nth occurrence)."""
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(words, start + 1)
    block = doc.block_at(start)
    assert block is not None
    return Finding(
        rule=rule.id, name=rule.name, category=rule.category, severity=rule.severity,
        message=message or f"{rule.title}: «{words}».", suggestion=rule.suggestion, match=words,
        excerpt=block.text, location=doc.locate(start), start=start, end=start + len(words), block=block.index,
    )


def missing_finding(rule: RuleDoc = RULES[2], section: str | None = None) -> Finding:
    """Return a document-level finding (nothing to point at)."""
    return Finding(rule=rule.id, name=rule.name, category=rule.category, severity=rule.severity,
                   message="В договоре нет условий об ответственности сторон.", suggestion=rule.suggestion,
                   match="", excerpt="", location=Location(section=section), document_level=True)


def sample() -> tuple[list[FileResult], dict[str, Document]]:
    """Return results for a text contract, a DOCX contract and an unreadable file, plus their documents."""
    txt, docx = text_document(), docx_document()
    txt_findings = [missing_finding(), finding_at(txt, RULES[1], "в разумный срок"),
                    finding_at(txt, RULES[0], "пеню в размере 0,5%")]
    docx_findings = [finding_at(docx, RULES[0], "за каждый день просрочки"),
                     replace(finding_at(docx, RULES[1], "по мере выполнения"), severity=Severity.INFO)]
    results = [
        FileResult(txt.path, "txt", txt_findings),
        FileResult(docx.path, "docx", docx_findings),
        FileResult("broken.pdf", "pdf", error="broken.pdf: the file is damaged — open it and save again"),
    ]
    return results, {txt.path: txt, docx.path: docx}


def test_where_names_clause_page_line_table_section_and_document():
    results, _ = sample()
    txt, docx = results[0].findings, results[1].findings
    assert where(txt[0]) == "документ в целом"
    assert where(txt[1]) == "п. 3.1 · строка 4"
    assert where(txt[2]) == "п. 7.2 · строка 9"
    assert where(docx[0]) == "п. 7.2"
    assert where(docx[1]) == "раздел «Ответственность сторон» · таблица 1, строка 3, столбец 2"
    assert where(missing_finding(section="Ответственность сторон")) == "раздел «Ответственность сторон»"
    pdf = replace(txt[2], location=Location(clause="7.2", page=4, line=12))
    assert where(pdf) == "п. 7.2 · стр. 4, строка 12"
    assert where(pdf, "en") == "cl. 7.2 · p. 4, line 12"
    assert where(txt[0], "en") == "whole document"


def test_position_is_source_line_and_column_or_block_index():
    results, docs = sample()
    vague, penalty = results[0].findings[1], results[0].findings[2]
    assert position(vague, docs["dogovor.txt"]) == position(vague, docs["dogovor.txt"])
    pos = position(vague, docs["dogovor.txt"])
    assert (pos.line, pos.col, pos.exact) == (4, len("3.1. Исполнитель устраняет недостатки ") + 1, True)
    pos = position(penalty, docs["dogovor.txt"])
    assert (pos.line, pos.col) == (9, len("7.2. Заказчик уплачивает ") + 1)
    # clause 7.2 wraps: words on its second visual line are on source line 10
    later = finding_at(docs["dogovor.txt"], RULES[0], "в размере 0,5%")
    assert (position(later, docs["dogovor.txt"]).line, position(later, docs["dogovor.txt"]).col) == (10, 1)
    cell = results[1].findings[1]
    pos = position(cell, docs["dogovor.docx"])
    assert (pos.line, pos.col) == (3, len("Оплата ") + 1)
    # without the document: the line the finding carries, the column inside the excerpt
    pos = position(vague)
    assert (pos.line, pos.col, pos.exact) == (4, len("3.1. Исполнитель устраняет недостатки ") + 1, False)
