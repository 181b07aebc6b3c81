"""`annotate` on DOCX: one Word comment per finding, anchored exactly on the matched words."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import docx
import pytest
from lxml import etree
from typer.testing import CliRunner

from contract_lint.annotate import annotate_file
from contract_lint.api import load_rules
from contract_lint.engine import Engine, EngineOptions
from contract_lint.findings import Finding, Severity
from contract_lint.model import BlockKind, Location
from contract_lint.parsers.docx import parse_docx

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "annotate"
EXAMPLES = ROOT / "examples"
sys.path.insert(0, str(FIXTURES))

from readback import W, comments, part, range_texts  # noqa: E402

TITLE = "ДОГОВОР № 7/26 возмездного оказания услуг"


def cli(*args: str | Path):
    from contract_lint.cli import app

    return CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)


@pytest.fixture(scope="module")
def engine() -> Engine:
    return Engine(load_rules(EngineOptions()))


@pytest.fixture()
def review(tmp_path: Path) -> Path:
    src = tmp_path / "review.docx"
    shutil.copy2(FIXTURES / "review.docx", src)
    return src


def _ours(path: Path) -> dict[str, tuple[str, str, str]]:
    return {k: v for k, v in comments(str(path)).items() if v[0] == "contract-lint"}


def _findings(path: Path, engine: Engine) -> list[Finding]:
    from contract_lint.api import lint_document

    return lint_document(parse_docx(str(path)), engine).findings


def test_every_comment_covers_exactly_the_matched_words(review: Path, tmp_path: Path, engine: Engine) -> None:
    out = tmp_path / "review.reviewed.docx"
    done = annotate_file(review, out, engine=engine)
    findings = _findings(review, engine)
    ours, ranges = _ours(out), range_texts(str(out))
    assert done.notes == len(findings) == len(ours) == 13
    by_text = {}
    for ident, (author, initials, text) in ours.items():
        assert (author, initials) == ("contract-lint", "CL")
        by_text.setdefault(text, []).append(ranges[ident].replace("\u00a0", " "))
    for f in findings:
        text = f"[{f.rule} · {f.severity.label_ru}] {f.message} — Предложение: {f.suggestion}"
        if f.location.kind is BlockKind.FOOTNOTE:
            continue  # anchored on the citing paragraph, see below
        assert (f.match or TITLE) in by_text[text], f.rule
    spans = sorted(r.replace("\u00a0", " ") for k, r in ranges.items() if k in ours)
    assert spans == sorted([TITLE] * 4 + ["по факту оказания"] * 3 + ["в кратчайшие сроки"] * 3
                           + ["оперативно", "№ ____", "1.7. Порядок приёмки указан в сноске."])


def test_comment_text_names_rule_severity_message_and_suggestion(review: Path, tmp_path: Path, engine: Engine) -> None:
    out = annotate_file(review, tmp_path / "o.docx", engine=engine).output
    texts = [t for _, _, t in _ours(Path(out)).values()]
    assert ("[PAY001 · ошибка] Оплата привязана к «по факту оказания» — не сказано, каким документом "
            "подтверждается выполнение и в какой срок платить. — Предложение: «Оплата производится в течение "
            "5 (пяти) рабочих дней после подписания Сторонами Акта по каждому этапу.»") in texts
    footnote = [t for t in texts if "В сноске" in t]
    assert footnote == [footnote[0]] and footnote[0].startswith(
        "[TERM001 · предупреждение] В сноске: «в кратчайшие сроки». Срок «в кратчайшие сроки»")


def test_python_docx_reads_the_comments(review: Path, tmp_path: Path, engine: Engine) -> None:
    out = annotate_file(review, tmp_path / "o.docx", engine=engine).output
    read = docx.Document(out)
    authors = sorted(c.author for c in read.comments)
    assert authors == ["contract-lint"] * 13 + ["Юрист Тестов"]
    assert {c.initials for c in read.comments if c.author == "contract-lint"} == {"CL"}


def test_split_runs_keep_their_formatting(review: Path, tmp_path: Path, engine: Engine) -> None:
    out = annotate_file(review, tmp_path / "o.docx", engine=engine).output
    paras = docx.Document(out).paragraphs
    p12 = next(p for p in paras if p.text.startswith("1.2."))
    assert [(r.text, r.bold) for r in p12.runs if r.text] == [
        ("1.2. ", None), ("Услуги оплачиваются ", True), ("по факту оказания", True), (" ежемесячно.", True)]
    p13 = next(p for p in paras if p.text.startswith("1.3."))
    assert [(r.text, r.italic) for r in p13.runs if r.text] == [
        ("1.3. Недостатки устраняются ", None), ("в кратчайшие", True), (" сроки", None), (".", None)]
    assert p12.text == "1.2. Услуги оплачиваются по факту оказания ежемесячно."


def test_finding_in_a_table_cell_is_anchored_in_that_cell(review: Path, tmp_path: Path, engine: Engine) -> None:
    out = annotate_file(review, tmp_path / "o.docx", engine=engine).output
    root = part(out, "word/document.xml")
    cell = root.findall(f".//{{{W}}}tc")[1]
    starts = cell.findall(f".//{{{W}}}commentRangeStart")
    assert len(starts) == 1 and cell.findall(f".//{{{W}}}commentRangeEnd")
    assert range_texts(out)[starts[0].get(f"{{{W}}}id")] == "по факту оказания"


def _range_container(out: str, words: str, tag: str) -> list[etree._Element]:
    """Return the `tag` ancestors of the range starts of the comments on `words`."""
    root = part(out, "word/document.xml")
    ids = {k for k, v in range_texts(out).items() if v == words}
    return [a for el in root.iter(f"{{{W}}}commentRangeStart") if el.get(f"{{{W}}}id") in ids
            for a in el.iterancestors(f"{{{W}}}{tag}")]


def test_findings_in_a_content_control_and_a_text_box_stay_there(review: Path, tmp_path: Path, engine: Engine) -> None:
    out = annotate_file(review, tmp_path / "o.docx", engine=engine).output
    [sdt] = _range_container(out, "в кратчайшие сроки", "sdtContent")
    assert "".join(t.text for t in sdt.iter(f"{{{W}}}t")) == "в кратчайшие сроки"
    [box] = _range_container(out, "по факту оказания", "txbxContent")
    assert "".join(t.text for t in box.iter(f"{{{W}}}t")) == "Расчёт по факту оказания услуг."
    assert box.getparent().tag.endswith("}txbx")  # the DrawingML copy that Word shows


def test_the_copy_reads_back_to_the_same_text(review: Path, tmp_path: Path, engine: Engine) -> None:
    for src in (review, EXAMPLES / "uslugi.docx", EXAMPLES / "it-integration.docx"):
        out = annotate_file(src, tmp_path / f"{src.stem}.reviewed.docx", engine=engine).output
        assert parse_docx(out).text == parse_docx(str(src)).text


def test_document_level_findings_go_on_the_section_heading_or_the_title(tmp_path: Path, engine: Engine) -> None:
    src = tmp_path / "oferta.docx"
    shutil.copy2(EXAMPLES / "oferta.docx", src)
    out = annotate_file(src, None, engine=engine).output
    ranges = range_texts(out)
    placed = {text[:16]: ranges[ident] for ident, (_, _, text) in _ours(Path(out)).items()}
    assert placed["[SCOPE004 · инфо"] == "7. ПРОЧИЕ УСЛОВИЯ"  # the rule names the section
    supply = tmp_path / "postavka.docx"
    shutil.copy2(EXAMPLES / "postavka.docx", supply)
    out = annotate_file(supply, None, engine=engine).output
    ranges = range_texts(out)
    placed = {text[:16]: ranges[ident] for ident, (_, _, text) in _ours(Path(out)).items()}
    title = parse_docx(str(supply)).blocks[0].text
    assert placed["[APPR003 · преду"] == title  # no section to point at: the title


def test_existing_comment_and_tracked_changes_are_kept(review: Path, tmp_path: Path, engine: Engine) -> None:
    out = annotate_file(review, tmp_path / "o.docx", engine=engine).output
    assert comments(out)["0"] == ("Юрист Тестов", "ЮТ", "Уточнить адрес офиса.")
    assert range_texts(out)["0"] == "офисе"
    root = part(out, "word/document.xml")
    deleted = root.findall(f".//{{{W}}}del")
    inserted = root.findall(f".//{{{W}}}ins")
    assert [d.get(f"{{{W}}}id") for d in deleted] == ["11"] and [i.get(f"{{{W}}}id") for i in inserted] == ["12"]
    assert "".join(t.text for t in deleted[0].iter(f"{{{W}}}delText")) == "никогда не "
    assert "".join(t.text for t in inserted[0].iter(f"{{{W}}}t")) == "оперативно "


def test_other_parts_are_copied_unchanged(review: Path, tmp_path: Path, engine: Engine) -> None:
    out = annotate_file(review, tmp_path / "o.docx", engine=engine).output
    with zipfile.ZipFile(review) as a, zipfile.ZipFile(out) as b:
        assert a.namelist() == b.namelist()
        changed = [n for n in a.namelist() if a.read(n) != b.read(n)]
    assert changed == ["word/document.xml", "word/comments.xml"]


def test_comments_part_is_created_with_relationship_and_content_type(tmp_path: Path, engine: Engine) -> None:
    src = tmp_path / "uslugi.docx"
    shutil.copy2(EXAMPLES / "uslugi.docx", src)
    out = annotate_file(src, None, engine=engine).output
    assert out == str(tmp_path / "uslugi.reviewed.docx")
    with zipfile.ZipFile(src) as zf:
        assert "word/comments.xml" not in zf.namelist()
    types = part(out, "[Content_Types].xml")
    rels = part(out, "word/_rels/document.xml.rels")
    assert [o.get("ContentType") for o in types if o.get("PartName") == "/word/comments.xml"] == [
        "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"]
    assert [r.get("Target") for r in rels if r.get("Type", "").endswith("/comments")] == ["comments.xml"]
    assert len({r.get("Id") for r in rels}) == len(rels)
    ranges = range_texts(out)
    findings = _findings(src, engine)
    assert sorted(ranges.values()) == sorted(f.match for f in findings)


def test_running_twice_does_not_duplicate_comments(review: Path, tmp_path: Path, engine: Engine) -> None:
    first = Path(annotate_file(review, tmp_path / "once.docx", engine=engine).output)
    second = Path(annotate_file(first, tmp_path / "twice.docx", engine=engine).output)
    assert len(_ours(first)) == len(_ours(second)) == 13
    assert len(comments(str(second))) == 14
    assert sorted(range_texts(str(first)).values()) == sorted(range_texts(str(second)).values())
    root = part(str(second), "word/document.xml")
    ids = {c for c in comments(str(second))}
    for tag in ("commentRangeStart", "commentRangeEnd", "commentReference"):
        assert sorted(e.get(f"{{{W}}}id") for e in root.iter(f"{{{W}}}{tag}")) == sorted(ids), tag


def test_header_finding_goes_on_the_title_and_says_where(review: Path, tmp_path: Path) -> None:
    doc = parse_docx(str(review))
    header = next(b for b in doc.blocks if b.kind is BlockKind.HEADER)
    start = header.start + header.text.index("№ ____")
    finding = Finding("DOC001", "placeholder", "DOC-PLACEHOLDER", Severity.ERROR, "Не заполнено — «№ ____».",
                      None, "№ ____", header.text, Location(kind=BlockKind.HEADER), start, start + 6, header.index)
    out = annotate_file(review, tmp_path / "o.docx", findings=[finding]).output
    (ident, (_, _, text)), = _ours(Path(out)).items()
    assert text == "[DOC001 · ошибка] В верхнем колонтитуле: «№ ____». Не заполнено — «№ ____»."
    assert range_texts(out)[ident] == TITLE
    for name in ("word/header1.xml",):
        assert part(out, name).find(f".//{{{W}}}commentRangeStart") is None


def test_min_severity_select_and_ignore(review: Path, tmp_path: Path) -> None:
    out = tmp_path / "o.docx"
    assert cli("annotate", review, "-o", out, "--min-severity", "error").exit_code == 0
    assert sorted(t[:17] for _, _, t in _ours(out).values()) == ["[DOC001 · ошибка]"] + ["[PAY001 · ошибка]"] * 3
    assert cli("annotate", review, "-o", out, "--select", "TERM001", "--ignore", "TERM").exit_code == 0
    assert _ours(out) == {}
    result = cli("annotate", review, "-o", out, "--select", "TERM001")
    assert result.exit_code == 0 and result.stdout.strip() == f"{out}: комментариев: 5 (замечаний: 5)"
    assert len(_ours(out)) == 5


def _state(path: Path) -> tuple[str, int]:
    return hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns


def test_input_untouched_and_output_atomic(review: Path, tmp_path: Path) -> None:
    old = time.time() - 3600
    os.utime(review, (old, old))
    before = _state(review)
    result = cli("annotate", review)
    assert result.exit_code == 0
    assert _state(review) == before
    assert (tmp_path / "review.reviewed.docx").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["review.docx", "review.reviewed.docx"]  # no temp left


def test_refuses_to_overwrite_the_input_and_bad_outputs(review: Path, tmp_path: Path) -> None:
    before = _state(review)
    result = cli("annotate", review, "-o", review)
    assert result.exit_code == 2 and "refusing to overwrite the input file" in result.stderr
    result = cli("annotate", review, "-o", tmp_path / "x.pdf")
    assert result.exit_code == 2 and "must keep the extension .docx" in result.stderr
    text = tmp_path / "a.txt"
    text.write_text("1. Оплата по факту оказания.", encoding="utf-8")
    assert cli("annotate", text).exit_code == 2
    assert cli("annotate", review, "--min-severity", "fatal").exit_code == 2
    assert _state(review) == before


def test_output_into_a_folder(review: Path, tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    assert cli("annotate", review, "-o", folder).exit_code == 0
    assert (folder / "review.reviewed.docx").is_file()


def test_check_annotate_writes_reviewed_copies(review: Path, tmp_path: Path) -> None:
    shutil.copy2(EXAMPLES / "uslugi.pdf", tmp_path / "uslugi.pdf")
    before = _state(review)
    target = tmp_path / "reviewed"
    result = cli("check", review, tmp_path / "uslugi.pdf", "--annotate", target, "-q")
    assert result.exit_code == 1  # the findings decide, as without --annotate
    assert sorted(p.name for p in target.iterdir()) == ["review.reviewed.docx", "uslugi.reviewed.pdf"]
    assert len(_ours(target / "review.reviewed.docx")) == 13
    assert _state(review) == before
    single = tmp_path / "one.docx"
    assert cli("check", review, "--annotate", single, "-q").exit_code == 1
    assert len(_ours(single)) == 13
    result = cli("check", review, tmp_path / "uslugi.pdf", "--annotate", single, "-q")
    assert result.exit_code == 2 and "give a folder when several files are checked" in result.stderr


@pytest.mark.soffice
def test_libreoffice_opens_the_annotated_copy(review: Path, tmp_path: Path, engine: Engine) -> None:
    soffice = shutil.which("soffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    out = annotate_file(review, tmp_path / "o.docx", engine=engine).output
    profile = f"file://{tmp_path}/lo-profile"
    export = 'pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}'
    run = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", export,
                          "--outdir", str(tmp_path / "pdf"), out], capture_output=True, timeout=180)
    pdf = tmp_path / "pdf" / "o.pdf"
    assert run.returncode == 0 and pdf.is_file() and pdf.stat().st_size > 1000, run.stderr
    import pikepdf

    with pikepdf.open(pdf) as converted:  # LibreOffice exports comments as PDF text annotations
        notes = [str(a.get("/Contents", "")) for page in converted.pages for a in page.obj.get("/Annots", [])
                 if a.get("/Subtype") == "/Text"]
    assert sum(n.startswith("[") for n in notes) == 13 and "Уточнить адрес офиса." in notes


def test_recording_reader_gives_the_same_document_and_true_sources(review: Path) -> None:
    from contract_lint.parsers.docx import read_docx_source

    doc, source = read_docx_source(str(review))
    plain = parse_docx(str(review))
    assert doc.text == plain.text and doc.blocks == plain.blocks
    body = [b.index for b in doc.blocks if b.kind not in (BlockKind.HEADER, BlockKind.FOOTNOTE)]
    assert sorted(source.blocks) == body
    footnote = next(b for b in doc.blocks if b.kind is BlockKind.FOOTNOTE)
    assert doc.blocks[source.note_blocks[footnote.index]].text == "1.7. Порядок приёмки указан в сноске."
    for para in source.blocks.values():
        for offset, length, element in para.sources:
            if element.tag == f"{{{W}}}t":
                assert para.text[offset:offset + length] == element.text


W14 = "http://schemas.microsoft.com/office/word/2010/wordml"
W15 = "http://schemas.microsoft.com/office/word/2012/wordml"


def _as_word_saves_it(src: str, dst: Path) -> None:
    """Give every comment paragraph a w14:paraId and add commentsExtended, as Word 2013+ does."""
    root = part(src, "word/comments.xml")
    entries = []
    for n, para in enumerate(root.iter(f"{{{W}}}p")):
        para.set(f"{{{W14}}}paraId", f"0000{n:04X}")
        entries.append(f'<w15:commentEx w15:paraId="0000{n:04X}" w15:done="0"/>')
    extended = f'<w15:commentsEx xmlns:w15="{W15}">{"".join(entries)}</w15:commentsEx>'.encode()
    rel = ('<Relationship Id="rIdX1" Type="http://schemas.microsoft.com/office/2011/relationships/commentsExtended" '
           'Target="commentsExtended.xml"/></Relationships>').encode()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in zin.namelist():
            data = zin.read(name)
            if name == "word/comments.xml":
                data = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
            elif name == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", rel)
            zout.writestr(name, data)
        zout.writestr("word/commentsExtended.xml", extended)


def test_rerun_drops_thread_entries_of_removed_comments(review: Path, tmp_path: Path, engine: Engine) -> None:
    first = annotate_file(review, tmp_path / "once.docx", engine=engine).output
    saved = tmp_path / "saved.docx"
    _as_word_saves_it(first, saved)
    again = annotate_file(saved, tmp_path / "again.docx", engine=engine).output
    extended = part(again, "word/commentsExtended.xml")
    kept = [e.get(f"{{{W15}}}paraId") for e in extended]
    reviewer = next(c for c in part(again, "word/comments.xml") if c.get(f"{{{W}}}author") == "Юрист Тестов")
    assert kept == [reviewer.find(f"{{{W}}}p").get(f"{{{W14}}}paraId")]
    assert len(_ours(Path(again))) == 13
