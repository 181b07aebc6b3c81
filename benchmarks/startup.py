"""Start-up: `contract-lint check` on a 3-page DOCX, cold, end to end, and where the time goes.

Prints the wall time of the whole command (a fresh process, no cache; target <= 1.5 s) and
a breakdown measured in another fresh process that calls the library step by step:
imports, pack load, rule compile, NLP load (only if a rule needs lemmas), parse, match, report.

Run: python benchmarks/startup.py [--runs 5]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHARS = 3 * 2800  # about three pages

_PHASES = r"""
import io, json, sys, time
t = time.perf_counter(); marks = {}
def mark(name):
    global t
    now = time.perf_counter(); marks[name] = now - t; t = now
from contract_lint.cli import app
from contract_lint.api import load_rules
from contract_lint.engine import Engine, EngineOptions
mark("imports")
options = EngineOptions()
rules = load_rules(options); mark("pack load")
engine = Engine(rules, options); mark("rule compile")
if engine.needs_lemmas:
    from contract_lint import nlp
    nlp.tokenizer(); nlp.morph()
mark("nlp load")
from contract_lint.parsers import parse_path
doc = parse_path(sys.argv[1]); mark("parse")
findings, errors = engine.lint(doc); mark("analyse + match")
from contract_lint.findings import FileResult
from contract_lint.reporters import render
render("text", [FileResult(doc.path, doc.format, findings)], rules, io.StringIO()); mark("report")
print(json.dumps(marks))
"""


def make_docx(folder: Path) -> Path:
    """Write a ~3-page DOCX built from the example contract's paragraphs."""
    import docx

    from contract_lint.parsers import parse_path

    paragraphs = [b.text for b in parse_path(ROOT / "examples" / "uslugi.docx").blocks if b.text.strip()]
    document, size = docx.Document(), 0
    while size < CHARS:
        for text in paragraphs:
            document.add_paragraph(text)
            size += len(text)
            if size >= CHARS:
                break
    path = folder / "three-pages.docx"
    document.save(str(path))
    return path


def wall(path: Path) -> float:
    cmd = [sys.executable, "-m", "contract_lint.cli", "check", str(path), "--no-cache", "--format", "text"]
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def phases(path: Path) -> dict[str, float]:
    done = subprocess.run([sys.executable, "-c", _PHASES, str(path)], capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        path = make_docx(Path(tmp))
        walls = [wall(path) for _ in range(args.runs)]
        runs = [phases(path) for _ in range(args.runs)]
    print(f"contract-lint check (3-page DOCX, cold process, no cache): median {statistics.median(walls):.2f} s, "
          f"min {min(walls):.2f} s over {args.runs} runs (target <= 1.5 s)")
    for name in runs[0]:
        values = [r[name] for r in runs]
        print(f"  {name:16s} {statistics.median(values) * 1000:7.0f} ms")
    print(f"  {'sum':16s} {statistics.median(sum(r.values()) for r in runs) * 1000:7.0f} ms "
          "(the rest of the wall time is the interpreter start)")


if __name__ == "__main__":
    main()
