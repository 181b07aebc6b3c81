"""OCR of pages without a text layer: tesseract (rus+eng) run as a subprocess.

tesseract's TSV output gives every word its box and its line; the words come back
as `Run`s in PDF points, so OCR pages go through the same layout code as text pages
and keep their page and line numbers.
"""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from typing import Any

from contract_lint.errors import DocumentError
from contract_lint.parsers.pdf_layout import Run

LANGUAGES = "rus+eng"
INSTALL_HINT = "install tesseract: apt-get install tesseract-ocr tesseract-ocr-rus"
_TIMEOUT = 300


def tesseract_path() -> str | None:
    """Return the tesseract executable on PATH, or None."""
    return shutil.which("tesseract")


def require_tesseract(path: str) -> str:
    """Return the tesseract executable or raise a DocumentError saying how to install it."""
    exe = tesseract_path()
    if exe is None:
        raise DocumentError(path, "no text layer — scanned? and tesseract is not installed",
                            INSTALL_HINT)
    return exe


def ocr_runs(path: str, image: Any, dpi: int, page_height: float) -> list[Run]:
    """OCR a rendered page (a PIL image) and return its words as runs in PDF points."""
    png = io.BytesIO()
    image.save(png, format="PNG")
    tsv = _tesseract(path, png.getvalue(), dpi)
    return tsv_to_runs(tsv, 72 / dpi, page_height)


def _tesseract(path: str, png: bytes, dpi: int) -> str:
    cmd = [require_tesseract(path), "stdin", "stdout", "-l", LANGUAGES, "--dpi", str(dpi), "tsv"]
    try:
        done = subprocess.run(cmd, input=png, capture_output=True, timeout=_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise DocumentError(path, f"OCR failed: {exc}", INSTALL_HINT) from exc
    if done.returncode != 0:
        first = (done.stderr.decode("utf-8", "replace").strip().splitlines() or ["?"])[0]
        raise DocumentError(path, f"OCR failed: {first}", INSTALL_HINT)
    return done.stdout.decode("utf-8", "replace")


def tsv_to_runs(tsv: str, scale: float, page_height: float) -> list[Run]:
    """Turn tesseract TSV into runs; the words of an OCR line share its lowest edge as baseline."""
    lines: dict[tuple[str, str, str], list[dict[str, str]]] = {}
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        if row.get("level") == "5" and (row.get("text") or "").strip():
            key = (row["block_num"], row["par_num"], row["line_num"])
            lines.setdefault(key, []).append(row)
    runs: list[Run] = []
    for words in lines.values():
        bottom = max(int(w["top"]) + int(w["height"]) for w in words)
        size = max(int(w["height"]) for w in words) * scale
        for w in words:
            x0 = int(w["left"]) * scale
            runs.append(Run(w["text"].strip(), x0, x0 + int(w["width"]) * scale,
                            page_height - bottom * scale, size))
    return runs
