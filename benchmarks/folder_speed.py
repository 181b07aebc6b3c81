"""Folder speed: 200 contracts (DOCX and PDF, 2-60 pages) through `contract-lint check`.

Prints files/s with --jobs 1 and --jobs 2, cold (no cache) and with a warm cache, and the
peak memory of the whole process tree (CLI + forkserver + workers, sampled from /proc).
The generated folder is kept in the temp folder and reused by later runs.

Run: python benchmarks/folder_speed.py [--files 200]
Targets: >= 10 files/s cold with 2 jobs; warm re-run >= 20x faster than cold; < 500 MB total.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import textwrap
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
CHARS_PER_PAGE = 2800
LINES_PER_PAGE = 48


def source_paragraphs() -> list[str]:
    """Return the paragraphs of the example contracts (the text a generated file repeats)."""
    from contract_lint.parsers import parse_path

    paragraphs: list[str] = []
    for path in sorted((ROOT / "examples").glob("*.docx")):
        paragraphs += [b.text for b in parse_path(path).blocks if b.text.strip()]
    return paragraphs


def contract_text(paragraphs: list[str], pages: int, rng: random.Random) -> list[str]:
    """Return about `pages` pages of contract paragraphs, sections renumbered as they repeat."""
    out, size, section = [f"ДОГОВОР № {rng.randint(1, 999)}-Б"], 0, 0
    while size < pages * CHARS_PER_PAGE:
        section += 1
        out.append(f"{section}. Раздел {section}")
        for k, text in enumerate(rng.sample(paragraphs, min(12, len(paragraphs))), 1):
            out.append(f"{section}.{k}. {text.lstrip('0123456789. ')}")
            size += len(text)
    return out


def write_docx(path: Path, paragraphs: list[str]) -> None:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))


def write_pdf(path: Path, paragraphs: list[str]) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    c = canvas.Canvas(str(path))
    lines = [line for text in paragraphs for line in textwrap.wrap(text, 95) + [""]]
    for start in range(0, len(lines), LINES_PER_PAGE):
        c.setFont("DejaVu", 9)
        for i, line in enumerate(lines[start:start + LINES_PER_PAGE]):
            c.drawString(50, 790 - 15.5 * i, line)
        c.showPage()
    c.save()


def make_folder(count: int) -> Path:
    """Generate (once) `count` contracts in the temp folder; return the folder."""
    folder = Path(tempfile.gettempdir()) / f"contract-lint-bench-folder-{count}"
    if (folder / ".complete").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    paragraphs, rng = source_paragraphs(), random.Random(2026)
    for i in range(count):
        text = contract_text(paragraphs, rng.randint(2, 60), rng)
        sub = folder / f"dept-{i % 5}"
        sub.mkdir(exist_ok=True)
        (write_docx if i % 2 == 0 else write_pdf)(sub / f"contract-{i:03d}.{'docx' if i % 2 == 0 else 'pdf'}", text)
    (folder / ".complete").write_text("ok")
    return folder


def _tree_rss(root: int) -> int:
    """Return the summed RSS (bytes) of `root` and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, stack = 0, [root]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def snapshot_packs(target: Path) -> list[str]:
    """Copy the built-in packs to `target`; return the CLI options that use the copy.

    Other people edit the rule files while benchmarks run; a frozen copy keeps the cache
    key (which hashes every rule file) the same across the runs of one benchmark.
    """
    from contract_lint.packs import builtin_pack_dirs

    args = ["--no-builtin"]
    for i, folder in enumerate(builtin_pack_dirs()):
        shutil.copytree(folder, target / f"{i}-{folder.name}")
        args += ["--pack", str(target / f"{i}-{folder.name}")]
    return args


def run(folder: Path, *args: str) -> tuple[float, int, int]:
    """Run the CLI on `folder`; return wall seconds, peak tree RSS and exit code."""
    cmd = [sys.executable, "-m", "contract_lint.cli", "check", str(folder), "--format", "json", "--quiet", *args]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak, done = [0], threading.Event()

    def sample() -> None:
        while not done.is_set():
            peak[0] = max(peak[0], _tree_rss(proc.pid))
            time.sleep(0.2)  # sampling /proc costs CPU the run would use

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    code = proc.wait()
    elapsed = time.perf_counter() - start
    done.set()
    sampler.join()
    return elapsed, peak[0], code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=200)
    args = parser.parse_args()
    t0 = time.perf_counter()
    folder = make_folder(args.files)
    n = sum(1 for p in folder.rglob("*") if p.suffix in (".docx", ".pdf"))
    print(f"folder: {folder} ({n} files, ready in {time.perf_counter() - t0:.1f} s)")
    cache = Path(tempfile.mkdtemp(prefix="contract-lint-bench-cache-"))
    packs = snapshot_packs(cache / "packs")
    rows = []
    try:
        for label, extra in (
            ("jobs 1, no cache", ["--jobs", "1", "--no-cache"]),
            ("jobs 2, no cache", ["--jobs", "2", "--no-cache"]),
            ("jobs 2, cold cache", ["--jobs", "2", "--cache-dir", str(cache / "results")]),
            ("jobs 2, warm cache", ["--jobs", "2", "--cache-dir", str(cache / "results")]),
            ("jobs 1, warm cache", ["--jobs", "1", "--cache-dir", str(cache / "results")]),
        ):
            elapsed, peak, code = run(folder, *extra, *packs)
            rows.append((label, elapsed, peak))
            print(f"{label:20s} {elapsed:7.2f} s  {n / elapsed:7.1f} files/s  peak tree RSS {peak / 2**20:6.0f} MB"
                  f"  (exit {code})")
    finally:
        shutil.rmtree(cache, ignore_errors=True)
    largest = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    cold, warm = rows[2][1], rows[3][1]
    print(f"largest single process: {largest:.0f} MB; warm cache is {cold / warm:.1f}x faster than cold")
    print(f"targets: cold 2 jobs >= 10 files/s: {n / rows[1][1]:.1f}; warm >= 20x: {cold / warm:.1f}x; "
          f"memory < 500 MB: {max(r[2] for r in rows) / 2**20:.0f} MB")


if __name__ == "__main__":
    main()
