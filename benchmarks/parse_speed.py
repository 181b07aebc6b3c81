"""Parse speed and peak memory of the DOCX and PDF readers, against pypdfium2's bare text extraction.

Run: python benchmarks/parse_speed.py [--pages 30 600] [--repeat 3] [--cache DIR]

It generates contracts of the given sizes as DOCX (python-docx: ~300 words a page,
numbered clauses, a table every few pages) and PDF (LibreOffice converts the DOCX),
caches them, and measures each (file, reader) in a fresh subprocess: wall time of the
parse, pages per second, and the process's peak RSS (VmHWM) with the RSS after
imports, so the parser's own share is visible. The floor row is pypdfium2 extracting
the text of every page with no layout work: no PDF reader can be faster than it.
Targets: DOCX >= 300 pages/s, PDF >= 150 pages/s, 600-page PDF < 300 MB peak.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

WORDS_PER_PAGE = 300
TARGETS = {"docx": 300.0, "pdf": 150.0}
_VOCAB = (
    "Исполнитель обязуется оказать услуги Заказчик принять оплатить срок течение рабочих дней "
    "с даты получения счёта акт сдачи-приёмки стороны договор настоящего пункта неустойка размере "
    "процента от стоимости за каждый день просрочки но не более общей суммы уведомление письменной "
    "форме адрес электронной почты указанный разделе реквизиты качество соответствие требованиям"
).split()
_SECTIONS = ("ПРЕДМЕТ ДОГОВОРА", "ПОРЯДОК ОКАЗАНИЯ УСЛУГ", "СТОИМОСТЬ И ПОРЯДОК РАСЧЁТОВ",
             "ОТВЕТСТВЕННОСТЬ СТОРОН", "КОНФИДЕНЦИАЛЬНОСТЬ", "ЗАКЛЮЧИТЕЛЬНЫЕ ПОЛОЖЕНИЯ")


def make_docx(path: Path, pages: int, seed: int = 7) -> None:
    """Write a contract of about `pages` pages: numbered sections, clauses of ~60 words, tables."""
    from docx import Document

    rng = random.Random(seed)
    doc = Document()
    doc.add_heading("ДОГОВОР ВОЗМЕЗДНОГО ОКАЗАНИЯ УСЛУГ № 1-БЕНЧ", 0)
    words = 0
    section = 0
    while words < pages * WORDS_PER_PAGE:
        section += 1
        doc.add_paragraph(f"{section}. {_SECTIONS[(section - 1) % len(_SECTIONS)]}")
        for clause in range(1, 9):
            body = " ".join(rng.choice(_VOCAB) for _ in range(60))
            doc.add_paragraph(f"{section}.{clause}. {body.capitalize()}.")
            words += 61
        if section % 3 == 0:
            table = doc.add_table(rows=4, cols=3)
            for r in range(4):
                for c in range(3):
                    table.cell(r, c).text = f"Позиция {r + 1}.{c + 1}: {rng.randint(1, 999)} руб."
            words += 36
    doc.save(path)


def make_pdf(docx: Path, pdf: Path) -> None:
    """Convert the DOCX to PDF with LibreOffice (private profile, own temp folder)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit("LibreOffice (soffice) is needed to make the PDF")
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/profile", "--headless",
                        "--convert-to", "pdf", "--outdir", tmp, str(docx)],
                       check=True, capture_output=True, timeout=1800)
        shutil.move(Path(tmp) / (docx.stem + ".pdf"), pdf)


def ensure_files(cache: Path, pages: int) -> tuple[Path, Path]:
    """Return the cached DOCX and PDF of a `pages`-page contract, making them if needed."""
    cache.mkdir(parents=True, exist_ok=True)
    docx, pdf = cache / f"contract-{pages}p.docx", cache / f"contract-{pages}p.pdf"
    if not docx.exists():
        print(f"making {docx} ...", file=sys.stderr)
        make_docx(docx, pages)
    if not pdf.exists():
        print(f"making {pdf} with LibreOffice ...", file=sys.stderr)
        make_pdf(docx, pdf)
    return docx, pdf


def pdf_pages(pdf: Path) -> int:
    import pypdfium2

    doc = pypdfium2.PdfDocument(str(pdf))
    try:
        return len(doc)
    finally:
        doc.close()


# --- one measurement, run in a fresh interpreter -----------------------------------


def _floor(path: str) -> int:
    """Extract every page's text with pypdfium2 and nothing else; return the characters read."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(path)
    chars = 0
    for page in doc:
        textpage = page.get_textpage()
        chars += len(textpage.get_text_range())
        textpage.close()
        page.close()
    doc.close()
    return chars


def measure(reader: str, path: str) -> dict[str, float]:
    """Time one parse in this process; return seconds, blocks and memory figures (MB)."""
    import pypdfium2  # noqa: F401 - imports are part of the baseline, not of the parse

    from contract_lint.parsers import ParseOptions, parse_path

    if reader == "pdf":
        import contract_lint.parsers.pdf  # noqa: F401
    elif reader == "docx":
        import contract_lint.parsers.docx  # noqa: F401
    baseline = _memory("VmRSS")
    _reset_peak()
    start = time.perf_counter()
    if reader == "floor":
        blocks = _floor(path)
    else:
        blocks = len(parse_path(path, ParseOptions()).blocks)
    seconds = time.perf_counter() - start
    return {"seconds": seconds, "blocks": blocks, "baseline_mb": baseline, "peak_mb": _memory("VmHWM")}


def _memory(field: str) -> float:
    """Return VmRSS / VmHWM (MB) of this process from /proc; ru_maxrss where /proc is missing.

    ru_maxrss survives exec on Linux (a child reports its parent's peak), VmHWM does not.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _reset_peak() -> None:
    """Reset VmHWM to the current RSS, so the peak is the parse's (Linux >= 4.0)."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:
        pass


def run_measurement(reader: str, path: Path, repeat: int) -> dict[str, float]:
    """Measure in fresh subprocesses; keep the fastest time and the highest peak."""
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, __file__, "--measure", reader, str(path)],
                             check=True, capture_output=True, text=True)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    best = min(runs, key=lambda r: r["seconds"])
    best["peak_mb"] = max(r["peak_mb"] for r in runs)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, nargs="+", default=[30, 600])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "contract-lint-bench")
    parser.add_argument("--measure", nargs=2, metavar=("READER", "PATH"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        print(json.dumps(measure(*args.measure)))
        return
    print(f"{'file':<22}{'reader':<20}{'pages':>6}{'seconds':>9}{'pages/s':>9}"
          f"{'peak MB':>9}{'parse MB':>9}{'blocks':>8}  target")
    for pages in args.pages:
        docx, pdf = ensure_files(args.cache, pages)
        real_pages = pdf_pages(pdf)
        for reader, path in (("docx", docx), ("pdf", pdf), ("floor", pdf)):
            r = run_measurement(reader, path, args.repeat)
            rate = real_pages / r["seconds"]
            target = TARGETS.get(reader)
            verdict = "" if target is None else f"{'ok' if rate >= target else 'MISSED'} (>= {target:.0f}/s)"
            if reader == "pdf" and pages >= 600:
                verdict += f"; peak {'ok' if r['peak_mb'] < 300 else 'MISSED'} (< 300 MB)"
            name = "pypdfium2 text" if reader == "floor" else f"contract-lint {reader}"
            print(f"{path.name:<22}{name:<20}{real_pages:>6}{r['seconds']:>9.2f}{rate:>9.0f}"
                  f"{r['peak_mb']:>9.0f}{r['peak_mb'] - r['baseline_mb']:>9.0f}"
                  f"{'-' if reader == 'floor' else r['blocks']:>8}  {verdict}")


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    main()
