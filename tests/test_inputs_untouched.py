"""Input files are never written to: content, mtime and mode are the same after check, dump and watch."""

from __future__ import annotations

import hashlib
import os
import shutil
import threading
import time
from pathlib import Path

from folder_util import BAD, cli, docx_bytes, make_pack, pack_args, pdf_bytes, txt_bytes

from contract_lint.engine import Engine, EngineOptions
from contract_lint.packs import all_rules, load_packs
from contract_lint.reporters import FORMATS
from contract_lint.watch import Watcher
from contract_lint.watch_cli import ReportWriter


def _inputs(folder: Path) -> Path:
    folder.mkdir()
    for path in BAD.iterdir():
        if path.suffix != ".py":
            shutil.copy2(path, folder / path.name)
    (folder / "good.docx").write_bytes(docx_bytes())
    (folder / "good.pdf").write_bytes(pdf_bytes())
    (folder / "sub").mkdir()
    (folder / "sub" / "good.txt").write_bytes(txt_bytes())
    old = time.time() - 3600  # settled long ago, and any write would move the mtime
    for path in folder.rglob("*"):
        os.utime(path, (old, old))
    return folder


def _state(folder: Path) -> dict[str, tuple[str, int, int]]:
    return {
        str(p.relative_to(folder)): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns, p.stat().st_mode)
        for p in sorted(folder.rglob("*")) if p.is_file()
    } | {str(p.relative_to(folder)) + "/": ("dir", p.stat().st_mtime_ns, p.stat().st_mode)
         for p in folder.rglob("*") if p.is_dir()}


def test_check_dump_and_watch_never_write_inputs(tmp_path):
    folder = _inputs(tmp_path / "in")
    out, pack = tmp_path / "out", make_pack(tmp_path / "pack")
    out.mkdir()
    before = _state(folder)
    assert len(before) == 17
    for fmt in FORMATS:
        result = cli("check", folder, "--format", fmt, "--summary", out / f"{fmt}.csv",
                     "--cache-dir", tmp_path / "cache", *pack_args(pack))
        assert result.exit_code == 2, fmt
        (out / f"report.{fmt}").write_text(result.stdout, encoding="utf-8")
    for path in sorted(folder.rglob("*.*")):
        cli("dump", path, "--format", "json")
    _watch_once(folder, out / "watch", pack)
    assert len(list((out / "watch").rglob("*.json"))) == 16
    assert _state(folder) == before


def _watch_once(folder: Path, out: Path, pack: Path) -> None:
    rules = all_rules(load_packs([pack], builtin=False))
    writer = ReportWriter(folder, Engine(rules, EngineOptions()), rules, ("json", "html"), "ru")
    watcher = Watcher(folder=folder, out=out, lint_one=writer.lint_one, write_report=writer.write_report,
                      log=lambda line: None, settle=0.1)
    stop = threading.Event()
    thread = threading.Thread(target=watcher.run, kwargs={"stop_event": stop}, daemon=True)
    thread.start()
    end = time.monotonic() + 30
    while time.monotonic() < end and len(list(out.rglob("*.json"))) < 16:
        time.sleep(0.1)
    stop.set()
    thread.join(timeout=10)
