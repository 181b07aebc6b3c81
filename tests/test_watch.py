"""`watch`: real file events in a folder, reports written once each file is complete, Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from folder_util import docx_bytes, make_pack, txt_bytes

from contract_lint.engine import Engine, EngineOptions
from contract_lint.packs import all_rules, load_packs
from contract_lint.watch import Watcher
from contract_lint.watch_cli import ReportWriter


def _wait_for(predicate, timeout: float = 20.0) -> bool:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.1)
    return False


def _matches(report: Path) -> list[str]:
    data = json.loads(report.read_text(encoding="utf-8"))
    return [f["match"] for file in data["files"] for f in file["findings"]]


@pytest.fixture
def watching(tmp_path):  # type: ignore[no-untyped-def]
    folder, out = tmp_path / "inbox", tmp_path / "reports"
    folder.mkdir()
    rules = all_rules(load_packs([make_pack(tmp_path / "pack")], builtin=False))
    writer = ReportWriter(folder, Engine(rules, EngineOptions()), rules, ("json", "markdown"), "ru")
    lines: list[str] = []
    watcher = Watcher(folder=folder, out=out, lint_one=writer.lint_one, write_report=writer.write_report,
                      log=lines.append, settle=2.0)  # margin for the 0.5 s pause of the slow copy
    stop = threading.Event()
    thread = threading.Thread(target=watcher.run, kwargs={"stop_event": stop}, daemon=True)
    thread.start()
    yield folder, out, lines
    stop.set()
    thread.join(timeout=10)
    assert not thread.is_alive(), "the watcher did not stop"


def test_reports_appear_for_new_changed_and_slowly_written_files(watching):
    folder, out, lines = watching
    (folder / "a.docx").write_bytes(docx_bytes())
    (folder / "~$a.docx").write_bytes(b"Word lock file")
    with open(folder / "slow.txt", "wb") as fh:  # a copy in progress: the risky clause comes last
        fh.write("1.1. Исполнитель оказывает услуги.\n\n".encode())
        fh.flush()
        time.sleep(0.5)
        fh.write("2.1. Оплата производится своевременно.\n".encode())
    (folder / "gone.txt").write_bytes(txt_bytes())
    (folder / "gone.txt").unlink()  # vanished before it settled
    assert _wait_for(lambda: (out / "slow.txt.json").exists() and (out / "a.docx.md").exists())
    assert _matches(out / "a.docx.json") == ["своевременно"]
    assert _matches(out / "slow.txt.json") == ["своевременно"]
    assert "своевременно" in (out / "a.docx.md").read_text(encoding="utf-8")
    assert [line for line in lines if "slow.txt" in line] == [
        f"{folder / 'slow.txt'}: warning: 1 -> slow.txt.json, slow.txt.md"]
    (folder / "slow.txt").rename(folder / "renamed.txt")
    assert _wait_for(lambda: (out / "renamed.txt.json").exists())
    (folder / "a.docx").write_bytes(docx_bytes(["1.1. Услуги оказываются в течение 5 дней."]))
    assert _wait_for(lambda: (out / "a.docx.json").exists() and _matches(out / "a.docx.json") == []
                     and "своевременно" not in (out / "a.docx.md").read_text(encoding="utf-8"))
    assert not (out / "~$a.docx.json").exists() and not (out / "gone.txt.json").exists()
    assert sorted(p.name for p in out.iterdir()) == [
        "a.docx.json", "a.docx.md", "renamed.txt.json", "renamed.txt.md", "slow.txt.json", "slow.txt.md"]


def test_a_bad_file_is_logged_and_the_watch_goes_on(watching):
    folder, out, lines = watching
    (folder / "broken.docx").write_bytes(docx_bytes()[:300])
    assert _wait_for(lambda: any("broken.docx: ERROR" in line for line in lines))
    (folder / "ok.txt").write_bytes(txt_bytes())
    assert _wait_for(lambda: (out / "ok.txt.json").exists())
    assert _matches(out / "ok.txt.json") == ["своевременно"]
    assert json.loads((out / "broken.docx.json").read_text(encoding="utf-8"))["files"][0]["error"]


def test_ctrl_c_stops_the_command_with_exit_code_0(tmp_path):
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "a.txt").write_bytes(txt_bytes())
    pack = make_pack(tmp_path / "pack")
    proc = subprocess.Popen(
        [sys.executable, "-m", "contract_lint.cli", "watch", str(folder), "--out", str(tmp_path / "out"),
         "--format", "json", "--no-builtin", "--pack", str(pack), "--settle", "0.2"],
        stderr=subprocess.PIPE, text=True, env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert "watching" in proc.stderr.readline()
        assert _wait_for(lambda: (tmp_path / "out" / "a.txt.json").exists())
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=20) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    assert "stopped" in proc.stderr.read()


def test_a_file_that_vanishes_while_being_read_gets_no_report(tmp_path):
    folder, out, lines = tmp_path / "in", tmp_path / "out", []
    folder.mkdir()
    (folder / "a.txt").write_bytes(txt_bytes())
    os.utime(folder / "a.txt", (time.time() - 10, time.time() - 10))

    def lint_then_vanish(path: str):  # noqa: ANN202
        os.unlink(path)
        from contract_lint.findings import FileResult

        return FileResult(path, "txt", error=f"{path}: no such file — check the path")

    watcher = Watcher(folder=folder, out=out, lint_one=lint_then_vanish,
                      write_report=lambda result, out: pytest.fail("no report for a vanished file"),
                      log=lines.append, settle=1.0)
    assert watcher.scan() == 0
    assert lines == [f"{folder / 'a.txt'}: vanished before it could be read (renamed or deleted); skipped"]
