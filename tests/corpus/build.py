"""Build contract.docx and contract.pdf of corpus folders from their contract.txt.

Usage: python tests/corpus/build.py [--docx-only] [NAMES_OR_PATHS...]
The source format is described in tests/corpus/README.md. The PDF is made by LibreOffice
from the DOCX. Each DOCX carries the SHA-256 of its source in its core properties
(keywords «source-sha256:…»), and LibreOffice copies it into the PDF metadata, so tests can
tell whether a built file is stale without LibreOffice.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import regex
import yaml
from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.text.paragraph import Paragraph

CORPUS = Path(__file__).resolve().parent
TEXT_WIDTH_CM = 16.5
_NUMBER = regex.compile(r"^(?P<num>\d{1,3}(?:\.\d{1,3}){0,2})\.\s+(?P<body>\S.*)$")
_SUBITEM = regex.compile(r"^(?:[а-яa-z]|\d{1,2})\)\s")
_WORD_NUMBER = regex.compile(r"^(?:Статья|Раздел)\s+\d{1,3}\.?\s")
SOURCE_KEY = "source-sha256:"


class SourceError(ValueError):
    """A contract.txt line that cannot be built (the message names the line)."""


@dataclass(slots=True)
class Para:
    """One paragraph: text, how it is drawn, and its automatic number (parts) if any."""

    text: str
    kind: str = "body"  # body | title | heading | center | right | bold | subitem
    auto: tuple[int, ...] | None = None
    page_break_before: bool = False


@dataclass(slots=True)
class Table:
    """Consecutive `|` rows; the first is the header row."""

    rows: list[list[str]] = field(default_factory=list)
    page_break_before: bool = False


@dataclass(slots=True)
class Source:
    """A parsed contract.txt: blocks in order plus running header and footer."""

    blocks: list[Para | Table] = field(default_factory=list)
    header: str = ""
    footer: str = ""


def source_hash(text: str) -> str:
    """Return the SHA-256 of a source text (what the built files record)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def is_heading(text: str) -> bool:
    """Tell whether a typed line is a section heading («1. ПРЕДМЕТ ДОГОВОРА»)."""
    m = _NUMBER.match(text)
    body = m.group("body") if m and "." not in m.group("num") else None
    if body is None and _WORD_NUMBER.match(text):
        body = text.split(None, 2)[-1]
    if body is None:
        return False
    letters = [c for c in body if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _all_caps(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def parse_source(text: str, numbering: str = "typed") -> Source:
    """Parse contract.txt into blocks; in `auto` mode number the main body automatically."""
    src, counters = Source(), [0, 0, 0]
    in_body, pending_break = True, False
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("@note:"):
            continue
        if line == "@pagebreak":
            pending_break, in_body = True, False
            continue
        if line.startswith("|"):
            _add_row(src, line, pending_break)
            pending_break = False
            continue
        if line.startswith("@table-rows:"):
            _add_generated(src, line, lineno)
            continue
        if line.startswith("@header:") or line.startswith("@footer:"):
            setattr(src, line[1:7], line[8:].strip())
            continue
        para = _paragraph(line, lineno)
        if numbering == "auto" and in_body and para.kind in ("body", "heading"):
            _number(para, counters, lineno)
        para.page_break_before, pending_break = pending_break, False
        src.blocks.append(para)
    return src


def _paragraph(line: str, lineno: int) -> Para:
    for key, kind in (("title", "title"), ("center", "center"), ("right", "right"), ("bold", "bold")):
        if line.startswith(f"@{key}:"):
            return Para(line[len(key) + 2:].strip(), kind)
    if line.startswith("@"):
        raise SourceError(f"line {lineno}: unknown directive {line.split()[0]!r} (see tests/corpus/README.md)")
    if is_heading(line):
        return Para(line, "heading")
    if _SUBITEM.match(line):
        return Para(line, "subitem")
    return Para(line, "bold" if _all_caps(line) and len(line) < 100 else "body")


def _number(para: Para, counters: list[int], lineno: int) -> None:
    """Strip the typed number and record it as automatic numbering, checking the sequence."""
    m = _NUMBER.match(para.text)
    if not m:
        return
    parts = tuple(int(p) for p in m.group("num").split("."))
    level = len(parts) - 1
    want = tuple(counters[:level]) + (counters[level] + 1,)
    if parts != want:
        shown = ".".join(map(str, want)) + "."
        raise SourceError(f"line {lineno}: typed number {m.group('num')}. but Word would display {shown}")
    counters[level] = parts[level]
    counters[level + 1:] = [0] * (2 - level)
    para.text, para.auto = m.group("body"), parts


def _add_row(src: Source, line: str, page_break: bool) -> None:
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    last = src.blocks[-1] if src.blocks else None
    if not isinstance(last, Table) or page_break:
        last = Table(page_break_before=page_break)
        src.blocks.append(last)
    last.rows.append(cells)


def _add_generated(src: Source, line: str, lineno: int) -> None:
    parts = line.split(":", 1)[1].split()
    last = src.blocks[-1] if src.blocks else None
    if len(parts) != 2 or not parts[1].isdigit() or not isinstance(last, Table):
        raise SourceError(f"line {lineno}: write `@table-rows: spec N` right below a table")
    last.rows.extend(generate_rows(parts[0], int(parts[1]), start=len(last.rows)))


# --- generated specification rows -------------------------------------------------

_GOODS = (
    ("Бумага офисная А4, 80 г/м², 500 л.", "пач.", 389), ("Папка-регистратор 75 мм", "шт.", 245),
    ("Стеллаж складской металлический 2000×1000×500 мм", "шт.", 12490),
    ("Плёнка стрейч 500 мм × 17 мкм", "рул.", 615), ("Лента клейкая упаковочная 48 мм × 66 м", "шт.", 98),
    ("Коробка картонная 600×400×400 мм", "шт.", 142), ("Перчатки рабочие х/б с ПВХ", "пар", 46),
    ("Тележка платформенная 150 кг", "шт.", 7890), ("Картридж лазерный чёрный тип 12", "шт.", 3150),
    ("Кресло офисное с подлокотниками", "шт.", 9870), ("Лампа светодиодная E27 12 Вт", "шт.", 129),
    ("Огнетушитель порошковый ОП-4", "шт.", 1380), ("Поддон деревянный 1200×800 мм", "шт.", 690),
    ("Сканер штрихкодов ручной", "шт.", 5420), ("Этикетка термо 58×40 мм, 1000 шт.", "рул.", 210),
)
_VARIANTS = ("", " (серый)", " (синий)", " (партия Б)", " (эконом)", " (премиум)")


def _money(value: int) -> str:
    """Format whole roubles as «12 490,00»."""
    return f"{value:,}".replace(",", " ") + ",00"


def generate_rows(kind: str, count: int, start: int = 1) -> list[list[str]]:
    """Return `count` deterministic table rows of generator `kind`, numbered from `start`."""
    if kind != "spec":
        raise SourceError(f"unknown table-rows generator {kind!r} (known: spec)")
    rows = []
    for n in range(start, start + count):
        name, unit, price = _GOODS[n % len(_GOODS)]
        variant = _VARIANTS[(n // len(_GOODS)) % len(_VARIANTS)]
        qty = 5 + (n * 37) % 120
        unit_price = price + (n // len(_GOODS)) * 7
        rows.append([str(n), name + variant, f"СВ-{1000 + n:05d}", unit, str(qty),
                     _money(unit_price), _money(qty * unit_price)])
    return rows


# --- DOCX ------------------------------------------------------------------------

_LEVEL_TEXT = ("%1.", "%1.%2.", "%1.%2.%3.")


def _el(tag: str, **attrs: str) -> OxmlElement:
    element = OxmlElement(tag)
    for key, value in attrs.items():
        element.set(qn(f"w:{key}"), value)
    return element


def _add_numbering(doc: Document) -> str:
    """Add one multilevel decimal list to numbering.xml and return its numId."""
    numbering = doc.part.numbering_part.element
    abstract = _el("w:abstractNum", abstractNumId="90")
    abstract.append(_el("w:multiLevelType", val="multilevel"))
    for level, text in enumerate(_LEVEL_TEXT):
        lvl = _el("w:lvl", ilvl=str(level))
        for child in (_el("w:start", val="1"), _el("w:numFmt", val="decimal"),
                      _el("w:suff", val="space"), _el("w:lvlText", val=text), _el("w:lvlJc", val="left")):
            lvl.append(child)
        ppr = _el("w:pPr")
        ppr.append(_el("w:ind", left="0", firstLine="0" if level == 0 else "567"))
        lvl.append(ppr)
        abstract.append(lvl)
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    num = _el("w:num", numId="90")
    num.append(_el("w:abstractNumId", val="90"))
    numbering.append(num)
    return "90"


def _set_number(paragraph: Paragraph, num_id: str, level: int) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    numpr = _el("w:numPr")
    numpr.append(_el("w:ilvl", val=str(level)))
    numpr.append(_el("w:numId", val=num_id))
    ppr.insert(0, numpr)


def _add_field(paragraph: Paragraph, instruction: str) -> None:
    """Append a field (PAGE, NUMPAGES) with a placeholder result."""
    for kind in ("begin", None, "separate", "end"):
        run = paragraph.add_run()
        if kind is None:
            instr = _el("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = f" {instruction} "
            run._r.append(instr)
        else:
            run._r.append(_el("w:fldChar", fldCharType=kind))
        if kind == "separate":
            paragraph.add_run("1")


def _setup(doc: Document, src: Source) -> None:
    """Set the base font, A4 page, margins, running header and footer with page number."""
    style = doc.styles["Normal"]
    style.font.name, style.font.size = "Times New Roman", Pt(12)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    style.paragraph_format.space_after, style.paragraph_format.space_before = Pt(3), Pt(0)
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin, section.right_margin = Cm(3.0), Cm(1.5)
    section.top_margin, section.bottom_margin = Cm(2.0), Cm(2.0)
    if src.header:
        head = section.header.paragraphs[0]
        head.text, head.alignment = src.header, WD_ALIGN_PARAGRAPH.RIGHT
        head.runs[0].font.size = Pt(9)
    foot = section.footer.paragraphs[0]
    foot.alignment = WD_ALIGN_PARAGRAPH.CENTER
    foot.add_run((src.footer + "   ") if src.footer else "").font.size = Pt(9)
    foot.add_run("Стр. ").font.size = Pt(9)
    _add_field(foot, "PAGE")


def _write_para(doc: Document, para: Para, num_id: str | None) -> Paragraph:
    """Write one paragraph with the look of its kind and, if any, its automatic number."""
    p = doc.add_paragraph()
    fmt = p.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    bold = para.kind in ("title", "heading", "bold")
    if para.kind in ("title", "heading", "center"):
        fmt.alignment = WD_ALIGN_PARAGRAPH.CENTER
        fmt.keep_with_next = para.kind != "center"
        if para.kind == "heading":
            fmt.space_before = Pt(9)
    elif para.kind == "right":
        fmt.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    elif para.kind == "subitem":
        fmt.left_indent, fmt.first_line_indent = Cm(1.5), Cm(-0.5)
    elif para.kind == "body" and para.auto is None:
        fmt.first_line_indent = Cm(1.0)
    if para.kind == "bold":
        fmt.keep_with_next = True
    text = para.text
    if "\t" in text:
        fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT
        fmt.first_line_indent = Cm(0)
        fmt.tab_stops.add_tab_stop(Cm(TEXT_WIDTH_CM), WD_TAB_ALIGNMENT.RIGHT)
    if para.page_break_before:
        fmt.page_break_before = True
    run = p.add_run(text)
    run.bold = bold
    if para.kind == "title":
        run.font.size = Pt(13)
    if para.auto is not None and num_id is not None:
        _set_number(p, num_id, len(para.auto) - 1)
        if bold:  # the number takes the paragraph mark's formatting
            rpr = _el("w:rPr")
            rpr.append(_el("w:b"))
            p._p.get_or_add_pPr().append(rpr)
    return p


def _widths(rows: list[list[str]], ncols: int) -> list[float]:
    """Share the text width among columns by the length of their contents."""
    def weight(i: int) -> int:
        head = max((len(w) for w in rows[0][i].split()), default=0) if i < len(rows[0]) else 0
        body = max((len(r[i]) for r in rows[1:] if i < len(r)), default=0)
        return 4 + max(head + 1, min(28, body))

    weights = [weight(i) for i in range(ncols)]
    total = sum(weights)
    return [TEXT_WIDTH_CM * w / total for w in weights]


def _write_table(doc: Document, table: Table) -> None:
    """Write a bordered table; the first row is a header repeated on every page."""
    if table.page_break_before:
        doc.add_paragraph().paragraph_format.page_break_before = True
    ncols = max(len(r) for r in table.rows)
    grid = doc.add_table(rows=len(table.rows), cols=ncols)
    grid.style, grid.alignment = doc.styles["Table Grid"], WD_TABLE_ALIGNMENT.CENTER
    widths = _widths(table.rows, ncols)
    grid.autofit = False
    for column, width in zip(grid.columns, widths):
        column.width = Cm(width)
    for r, (row, cells) in enumerate(zip(table.rows, grid.rows)):
        if r == 0:
            cells._tr.get_or_add_trPr().append(_el("w:tblHeader"))
        for c, cell in enumerate(cells.cells):
            cell.width = Cm(widths[c])
            para = cell.paragraphs[0]
            para.paragraph_format.space_after = Pt(0)
            run = para.add_run(row[c] if c < len(row) else "")
            run.font.size, run.bold = Pt(10), r == 0
    doc.add_paragraph()


def build_docx(text: str, numbering: str, out: Path, title: str = "") -> None:
    """Write the DOCX for a contract source `text`."""
    src = parse_source(text, numbering)
    doc = Document()
    _setup(doc, src)
    num_id = _add_numbering(doc) if numbering == "auto" else None
    for block in src.blocks:
        if isinstance(block, Table):
            _write_table(doc, block)
        else:
            _write_para(doc, block, num_id)
    props = doc.core_properties
    props.title, props.author = title, "contract-lint corpus"
    props.keywords = SOURCE_KEY + source_hash(text)
    doc.save(str(out))


def build_pdf(docx: Path, out: Path) -> None:
    """Convert `docx` to PDF `out` with LibreOffice headless (own profile per run)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SourceError("LibreOffice (soffice) not found; use --docx-only")
    with tempfile.TemporaryDirectory(prefix="corpus-pdf-") as tmp:
        profile = Path(tmp, "profile").as_uri()
        cmd = [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
               "--outdir", tmp, str(docx)]
        subprocess.run(cmd, check=True, capture_output=True, timeout=300)
        shutil.move(Path(tmp, docx.stem + ".pdf"), out)


def build_one(source: Path, numbering: str, docx: Path, pdf: Path | None, title: str = "") -> None:
    """Build one source file into `docx` and, unless `pdf` is None, into `pdf`."""
    build_docx(source.read_text(encoding="utf-8"), numbering, docx, title)
    if pdf is not None:
        build_pdf(docx, pdf)


def build_folder(folder: Path, pdf: bool = True) -> None:
    """Build contract.docx and contract.pdf of one corpus folder."""
    meta = yaml.safe_load((folder / "expected.yaml").read_text(encoding="utf-8")) or {}
    formats = meta.get("formats") or ["docx", "pdf"]
    build_one(folder / "contract.txt", meta.get("numbering", "typed"), folder / "contract.docx",
              folder / "contract.pdf" if pdf and "pdf" in formats else None, str(meta.get("title", "")))


def main(argv: list[str]) -> int:
    """Build the named corpus folders (all when none is named)."""
    pdf = "--docx-only" not in argv
    names = [a for a in argv if not a.startswith("--")]
    folders = [Path(n) if os.sep in n else CORPUS / n for n in names] or sorted(
        p.parent for p in CORPUS.glob("*/contract.txt"))
    for folder in folders:
        try:
            build_folder(folder, pdf)
        except (SourceError, OSError, subprocess.SubprocessError) as exc:
            print(f"{folder.name}: {exc}", file=sys.stderr)
            return 2
        print(f"built {folder.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
