"""The evaluation corpus and the examples: valid sources and expectations, fresh built files."""

from __future__ import annotations

import importlib.util
import json
import sys
import unicodedata
from pathlib import Path

import pdfplumber
import pytest
import regex
import yaml
from docx import Document

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "corpus"
HELDOUT = ROOT / "tests" / "heldout"
EXAMPLES = ROOT / "examples"
CATALOGUE = ROOT.parent / "shared" / "RISK-CATALOGUE.md"
CATEGORIES_JSON = ROOT / "contract_lint" / "data" / "categories.json"
MAX_BYTES = 1_000_000
DOCUMENT_LEVEL = frozenset({"TERM-NO-DATES", "PERF-UNDEFINED", "SCOPE-NO-CHANGE-PROCEDURE",
                            "LIAB-MISSING", "APPR-NO-CHANNEL", "ACC-NO-PROCEDURE", "WARR-MISSING"})
KEYS = {"title", "kind", "numbering", "formats", "expected", "silent"}

_spec = importlib.util.spec_from_file_location("corpus_build", CORPUS / "build.py")
build = importlib.util.module_from_spec(_spec)
sys.modules["corpus_build"] = build  # dataclasses look their module up
_spec.loader.exec_module(build)


def known_categories() -> frozenset[str] | None:
    """Return the category codes: categories.json if present, else the catalogue tables."""
    if CATEGORIES_JSON.exists():
        data = json.loads(CATEGORIES_JSON.read_text(encoding="utf-8"))
        if isinstance(data, dict):
            data = data.get("categories", data)
        items = data.keys() if isinstance(data, dict) else data
        return frozenset(i["code"] if isinstance(i, dict) else str(i) for i in items)
    if CATALOGUE.exists():
        text = CATALOGUE.read_text(encoding="utf-8")
        return frozenset(regex.findall(r"(?m)^\| ([A-Z]+(?:-[A-Z]+)+) \|", text))
    return None


def cases() -> list[tuple[str, Path, Path, Path, Path]]:
    """Return (id, source, expectations, docx, pdf) of every corpus and held-out folder and example."""
    out = [(f.name, f / "contract.txt", f / "expected.yaml", f / "contract.docx", f / "contract.pdf")
           for f in sorted(p.parent for p in CORPUS.glob("*/contract.txt"))]
    out += [(f"heldout/{f.name}", f / "contract.txt", f / "expected.yaml", f / "contract.docx",
             f / "contract.pdf") for f in sorted(p.parent for p in HELDOUT.glob("*/contract.txt"))]
    out += [(f"examples/{s.stem}", s, s.with_suffix(".yaml"), EXAMPLES / f"{s.stem}.docx",
             EXAMPLES / f"{s.stem}.pdf") for s in sorted((EXAMPLES / "src").glob("*.txt"))]
    return out


CASES = cases()
IDS = [c[0] for c in CASES]


def squash(text: str) -> str:
    """Fold spaces (including no-break ones) for comparing texts."""
    return " ".join(unicodedata.normalize("NFC", text).replace("\u00a0", " ").split())


def load_meta(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def test_corpus_and_examples_exist() -> None:
    names = [c[0] for c in CASES]
    assert {"examples/uslugi", "examples/postavka", "examples/it-integration", "examples/oferta"} <= set(names)
    assert sum(1 for n in names if not n.startswith("examples/")) >= 6


@pytest.mark.parametrize(("name", "source", "meta_path", "docx", "pdf"), CASES, ids=IDS)
def test_expected_yaml_is_valid(name: str, source: Path, meta_path: Path, docx: Path, pdf: Path) -> None:
    meta = load_meta(meta_path)
    assert set(meta) <= KEYS, f"unknown keys {set(meta) - KEYS}"
    assert isinstance(meta.get("title"), str) and meta["title"]
    assert isinstance(meta.get("kind"), str) and meta["kind"]
    assert meta.get("numbering", "typed") in ("typed", "auto")
    assert set(meta.get("formats") or ["docx", "pdf"]) <= {"docx", "pdf"}
    known = known_categories()
    silent = set(meta.get("silent") or [])
    expected = meta.get("expected") or []
    for item in expected:
        assert isinstance(item, dict) and set(item) <= {"category", "clause", "match"}, item
        category = item["category"]
        if known is not None:
            assert category in known, f"{category} is not a catalogue code"
        if category in DOCUMENT_LEVEL:
            assert "match" not in item, f"document-level {category} takes no match"
        else:
            assert isinstance(item.get("match"), str) and item["match"], f"{item}: span needs match"
        clause = item.get("clause")
        assert clause is None or isinstance(clause, (str, int)), f"quote the clause number: {item}"
    if known is not None:
        assert silent <= known, f"unknown silent codes {silent - known}"
    both = silent & {i["category"] for i in expected}
    assert not both, f"both expected and silent: {both}"


@pytest.mark.parametrize(("name", "source", "meta_path", "docx", "pdf"), CASES, ids=IDS)
def test_expected_words_and_clauses_are_in_the_source(
    name: str, source: Path, meta_path: Path, docx: Path, pdf: Path
) -> None:
    text = source.read_text(encoding="utf-8")
    lines = [squash(line) for line in text.splitlines()]
    for item in load_meta(meta_path).get("expected") or []:
        clause, match = item.get("clause"), item.get("match")
        if clause is not None:
            label = regex.compile(rf"^(?:\|\s*)?(?:Статья\s+)?{regex.escape(str(clause))}[.)]?(?:\s|$)")
            assert any(label.match(line) for line in lines), f"{name}: no clause {clause} in the source"
        if match:
            assert squash(match) in squash(text), f"{name}: «{match}» is not verbatim in the source"


@pytest.mark.parametrize(("name", "source", "meta_path", "docx", "pdf"), CASES, ids=IDS)
def test_built_docx_is_fresh_and_holds_every_paragraph(
    name: str, source: Path, meta_path: Path, docx: Path, pdf: Path
) -> None:
    assert docx.exists(), f"run the builder for {name}"
    assert docx.stat().st_size < MAX_BYTES
    text = source.read_text(encoding="utf-8")
    doc = Document(str(docx))
    assert doc.core_properties.keywords == build.SOURCE_KEY + build.source_hash(text), "stale DOCX: rebuild"
    built = [squash(p.text) for p in doc.paragraphs]
    for table in doc.tables:
        built += [squash(c.text) for row in table.rows for c in row.cells]
    built_text = "\n".join(built)
    parsed = build.parse_source(text, load_meta(meta_path).get("numbering", "typed"))
    position = 0
    for block in parsed.blocks:
        if isinstance(block, build.Para):
            found = built_text.find(squash(block.text), position)
            assert found >= 0, f"{name}: paragraph missing or out of order: {block.text[:60]}"
            position = found
        else:
            assert all(squash(c) in built_text for row in block.rows[:3] for c in row if c)


@pytest.mark.parametrize(("name", "source", "meta_path", "docx", "pdf"), CASES, ids=IDS)
def test_built_pdf_is_fresh(name: str, source: Path, meta_path: Path, docx: Path, pdf: Path) -> None:
    if "pdf" not in (load_meta(meta_path).get("formats") or ["pdf"]):
        pytest.skip("no PDF for this case")
    assert pdf.exists(), f"run the builder for {name}"
    assert pdf.stat().st_size < MAX_BYTES
    digest = build.source_hash(source.read_text(encoding="utf-8"))
    with pdfplumber.open(pdf) as document:
        keywords = str(document.metadata.get("Keywords", ""))
        first = document.pages[0].extract_text() or ""
    assert digest in keywords, "stale PDF: rebuild"
    assert regex.search(r"\p{Cyrillic}{4}", first), "no Cyrillic text on page 1"


@pytest.mark.parametrize(("name", "source", "meta_path", "docx", "pdf"), CASES, ids=IDS)
def test_auto_numbering_is_a_word_list(name: str, source: Path, meta_path: Path, docx: Path, pdf: Path) -> None:
    auto = load_meta(meta_path).get("numbering") == "auto"
    doc = Document(str(docx))
    numbered = [p for p in doc.paragraphs if p._p.pPr is not None and p._p.pPr.numPr is not None]
    typed = [p.text for p in numbered if regex.match(r"\d+\.\d*\.?\s", p.text)]
    if auto:
        assert len(numbered) >= 10 and not typed, "auto numbering must come from numbering.xml"
        assert "%1.%2." in doc.part.numbering_part.element.xml
    else:
        assert not numbered, "typed numbering must not use Word lists"


# --- the builder itself -------------------------------------------------------------


def test_auto_numbering_strips_typed_numbers_and_keeps_subitems() -> None:
    src = build.parse_source("1. ПРЕДМЕТ\n1.1. Первый.\nа) подпункт;\n1.2. Второй.\n2. ЦЕНА\n2.1. Цена.\n", "auto")
    shown = [(b.text, b.kind, b.auto) for b in src.blocks]
    assert shown == [("ПРЕДМЕТ", "heading", (1,)), ("Первый.", "body", (1, 1)),
                     ("а) подпункт;", "subitem", None), ("Второй.", "body", (1, 2)),
                     ("ЦЕНА", "heading", (2,)), ("Цена.", "body", (2, 1))]


def test_auto_numbering_refuses_a_gap_and_stops_at_the_first_page_break() -> None:
    with pytest.raises(build.SourceError, match=r"line 3: typed number 1\.3\. but Word would display 1\.2\."):
        build.parse_source("1. ПРЕДМЕТ\n1.1. Первый.\n1.3. Третий.\n", "auto")
    src = build.parse_source("1. ПРЕДМЕТ\n@pagebreak\n1. Порядок.\n", "auto")
    assert [(b.text, b.auto, b.page_break_before) for b in src.blocks] == [
        ("ПРЕДМЕТ", (1,), False), ("1. Порядок.", None, True)]


def test_directives_tables_and_generated_rows() -> None:
    src = build.parse_source(
        "@header: Шапка\n@footer: Подвал\n@title: ДОГОВОР\n@note: skip\n| № | Наименование |\n| 1 | Стол |\n"
        "@table-rows: spec 2\n@right: Приложение № 1\n", "typed")
    assert (src.header, src.footer) == ("Шапка", "Подвал")
    title, table, right = src.blocks
    assert (title.kind, right.kind, right.text) == ("title", "right", "Приложение № 1")
    assert [r[0] for r in table.rows] == ["№", "1", "2", "3"]
    assert table.rows[2] == build.generate_rows("spec", 1, start=2)[0]
    assert table.rows[2][2] == "СВ-01002"


def test_unknown_directive_names_the_line() -> None:
    with pytest.raises(build.SourceError, match="line 2: unknown directive '@bogus:'"):
        build.parse_source("Текст\n@bogus: x\n")
