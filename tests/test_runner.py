"""Folders at scale through the CLI: discovery, --jobs, the cache, --summary, the progress bar."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from folder_util import cli, json_results, make_folder, make_pack, pack_args, txt_bytes

from contract_lint import runner
from contract_lint.engine import EngineOptions
from contract_lint.folder_cli import FolderOptions, lint_for_cli
from contract_lint.packs import all_rules, load_packs


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    return make_pack(tmp_path / "pack")


def _check(folder: Path, pack: Path, *extra: str | Path):  # type: ignore[no-untyped-def]
    return cli("check", folder, "--format", "json", *pack_args(pack), *extra)


def test_jobs_2_gives_the_same_json_as_jobs_1(tmp_path, pack, monkeypatch):
    folder = make_folder(tmp_path / "in")
    pooled = []
    real = runner._pooled
    monkeypatch.setattr(runner, "SMALL_RUN_BYTES", 0)  # four small files still go to the pool
    monkeypatch.setattr(runner, "_pooled", lambda *a, **k: pooled.append(1) or real(*a, **k))
    one = _check(folder, pack, "--jobs", "1", "--no-cache")
    two = _check(folder, pack, "--jobs", "2", "--no-cache")
    assert pooled == [1]  # only the --jobs 2 run started workers
    assert one.exit_code == two.exit_code == 2
    assert one.stdout == two.stdout
    files = json_results(two.stdout)
    assert [Path(f["path"]).relative_to(folder).as_posix() for f in files] == [
        "a.docx", "b.pdf", "d-broken.docx", "sub/c.txt"]
    assert [f["format"] for f in files] == ["docx", "pdf", "docx", "txt"]
    assert [[x["match"] for x in f["findings"]] for f in files] == [
        ["своевременно"], ["своевременно"], [], ["своевременно"]]
    assert "d-broken.docx" in files[2]["error"]


def test_exclude_and_lock_files_skipped(tmp_path, pack):
    folder = make_folder(tmp_path / "in")
    (folder / "~$a.docx").write_bytes(b"lock")
    (folder / ".hidden.txt").write_bytes(txt_bytes())
    (folder / "draft.txt.tmp").write_bytes(txt_bytes())
    result = _check(folder, pack, "--exclude", "sub", "--exclude", "*-broken.docx", "--no-cache")
    names = [Path(f["path"]).name for f in json_results(result.stdout)]
    assert names == ["a.docx", "b.pdf"]
    assert result.exit_code == 0  # FOLD001 is a warning and --fail-on defaults to error
    assert result.stderr == ""


def test_second_run_uses_the_cache_and_never_parses(tmp_path, pack, monkeypatch):
    folder, cache = make_folder(tmp_path / "in"), tmp_path / "cache"
    first = _check(folder, pack, "--cache-dir", cache, "--jobs", "1")
    stored = sorted(cache.rglob("*.json"))
    assert len(stored) == 4  # the broken DOCX is cached too: its error follows from its bytes

    def no_parsing(*args, **kwargs):  # noqa: ANN002, ANN003
        raise AssertionError("the parser was called on a cached file")

    monkeypatch.setattr("contract_lint.parsers.parse_bytes", no_parsing)
    second = _check(folder, pack, "--cache-dir", cache, "--jobs", "1")
    assert second.stdout == first.stdout
    assert second.exit_code == first.exit_code == 2
    assert second.stderr == first.stderr


def test_cache_key_follows_content_options_and_pack(tmp_path, pack):
    folder, cache = make_folder(tmp_path / "in"), tmp_path / "cache"
    _check(folder, pack, "--cache-dir", cache)
    assert len(list(cache.rglob("*.json"))) == 4
    _check(folder, pack, "--cache-dir", cache, "--side", "customer")  # another option: new entries
    assert len(list(cache.rglob("*.json"))) == 8
    (folder / "sub" / "c.txt").write_bytes(txt_bytes(["1.1. Работы выполняются оперативно."]))
    changed = _check(folder, pack, "--cache-dir", cache)
    assert json_results(changed.stdout)[3]["findings"] == []
    rule = pack / "vague-timely.yaml"
    rule.write_text(rule.read_text(encoding="utf-8").replace("своевременно", "оперативно"), encoding="utf-8")
    edited = _check(folder, pack, "--cache-dir", cache)  # the pack changed: nothing is reused
    assert [x["match"] for x in json_results(edited.stdout)[3]["findings"]] == ["оперативно"]
    assert json_results(edited.stdout)[0]["findings"] == []


def test_corrupt_entry_is_ignored_and_rewritten(tmp_path, pack):
    folder, cache = make_folder(tmp_path / "in"), tmp_path / "cache"
    first = _check(folder, pack, "--cache-dir", cache)
    for entry in cache.rglob("*.json"):
        entry.write_text('{"path": "x", "findings": [{"rule"', encoding="utf-8")
    second = _check(folder, pack, "--cache-dir", cache)
    assert second.stdout == first.stdout
    for entry in cache.rglob("*.json"):
        assert "findings" in json.loads(entry.read_text(encoding="utf-8"))


def test_os_errors_are_not_cached(tmp_path, pack, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "c.txt").write_bytes(txt_bytes())
    rules = all_rules(load_packs([pack], builtin=False))
    run = runner.RunOptions(jobs=1, cache_dir=tmp_path / "cache")
    real = runner._parse

    def denied(name, options):  # noqa: ANN001
        from contract_lint.errors import DocumentError

        raise DocumentError(name, "permission denied", "make the file readable") from PermissionError(13, "denied")

    monkeypatch.setattr(runner, "_parse", denied)
    failed = runner.run_files([folder / "c.txt"], rules, EngineOptions(), run)
    assert "permission denied" in failed[0].result.error
    assert not list((tmp_path / "cache").rglob("*.json"))
    monkeypatch.setattr(runner, "_parse", real)
    ok = runner.run_files([folder / "c.txt"], rules, EngineOptions(), run)
    assert ok[0].result.error is None and [f.match for f in ok[0].result.findings] == ["своевременно"]
    assert len(list((tmp_path / "cache").rglob("*.json"))) == 1


def test_summary_register_through_the_cli(tmp_path, pack):
    folder = make_folder(tmp_path / "in")
    target = tmp_path / "out" / "register.csv"
    result = cli("check", folder, *pack_args(pack), "--summary", target, "--no-cache", "--format", "concise")
    assert result.exit_code == 2
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert rows[0][:8] == ["файл", "формат", "ошибка чтения", "ошибок", "предупреждений", "инфо", "всего", "главные риски"]
    assert rows[0][8:] == ["TERM-VAGUE"]
    by_name = {Path(r[0]).name: r for r in rows[1:]}
    assert list(by_name) == ["a.docx", "b.pdf", "d-broken.docx", "c.txt"]
    assert by_name["a.docx"][3:9] == ["0", "1", "0", "1", "TERM-VAGUE ×1", "1"]
    assert by_name["d-broken.docx"][2].startswith("not a valid DOCX file (broken zip")
    assert by_name["d-broken.docx"][6] == "0"


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_not_with_quiet(tmp_path, pack):
    folder = make_folder(tmp_path / "in")
    rules = all_rules(load_packs([pack], builtin=False))
    tty = _Terminal()
    lint_for_cli([folder], rules, EngineOptions(), FolderOptions(jobs=1, cache=False), stderr=tty)
    assert "4/4" in tty.getvalue()  # files done / total
    assert "замечаний: 3" in tty.getvalue()  # findings so far
    quiet = _Terminal()
    lint_for_cli([folder], rules, EngineOptions(), FolderOptions(jobs=1, cache=False, quiet=True), stderr=quiet)
    assert quiet.getvalue().count("\n") == 1 and quiet.getvalue().startswith("contract-lint: error: ")
    piped = io.StringIO()
    lint_for_cli([folder], rules, EngineOptions(), FolderOptions(jobs=1, cache=False), stderr=piped)
    assert piped.getvalue() == quiet.getvalue()


def test_concurrent_runs_share_one_cache_without_corrupting_it(tmp_path, pack):
    import subprocess
    import sys

    folder, cache = make_folder(tmp_path / "in"), tmp_path / "cache"
    cmd = [sys.executable, "-m", "contract_lint.cli", "check", str(folder), "--format", "json", "--jobs", "1",
           "--cache-dir", str(cache), *pack_args(pack)]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True) for _ in range(3)]
    outputs = [p.communicate(timeout=120)[0] for p in procs]
    assert [p.returncode for p in procs] == [2, 2, 2]
    assert outputs[0] == outputs[1] == outputs[2]
    entries = list(cache.rglob("*.json"))
    assert len(entries) == 4 and not list(cache.rglob(".tmp-*"))
    assert all(json.loads(e.read_text(encoding="utf-8"))["path"] for e in entries)
    assert _check(folder, pack, "--cache-dir", cache, "--jobs", "1").stdout == outputs[0]


def drop_findings(doc, result):  # noqa: ANN001, ANN201 - a post-process hook (module level: it pickles)
    """Keep only the findings outside clause 1.1 (like an in-document waiver)."""
    from dataclasses import replace

    return replace(result, findings=[f for f in result.findings if f.location.clause != "1.1"])


@pytest.mark.parametrize("jobs", [1, 2])
def test_post_process_runs_before_caching(tmp_path, pack, monkeypatch, jobs):
    monkeypatch.setattr(runner, "SMALL_RUN_BYTES", 0)
    folder = make_folder(tmp_path / "in")
    rules = all_rules(load_packs([pack], builtin=False))
    files = sorted(str(p) for p in folder.rglob("*.*"))
    plain = runner.RunOptions(jobs=jobs, cache_dir=tmp_path / "cache")
    hooked = runner.RunOptions(jobs=jobs, cache_dir=tmp_path / "cache", post_process=drop_findings)
    assert [len(o.result.findings) for o in runner.run_files(files, rules, EngineOptions(), plain)] == [1, 1, 0, 1]
    assert [len(o.result.findings) for o in runner.run_files(files, rules, EngineOptions(), hooked)] == [0] * 4
    again = runner.run_files(files, rules, EngineOptions(), hooked)
    assert [o.cached for o in again] == [True] * 4 and [len(o.result.findings) for o in again] == [0] * 4


def test_workers_get_the_largest_files_first_and_results_keep_input_order(tmp_path, pack, monkeypatch):
    """A big file handed out last would leave the other worker idle at the end of the run."""
    from concurrent.futures import Future

    submitted: list[str] = []

    class InlinePool:  # runs each task at once, in this process, and records the order
        def __init__(self, *args, initializer=None, initargs=(), **kwargs):
            initializer(*initargs)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            return False

        def submit(self, func, name, *args):
            submitted.append(Path(name).name)
            future: Future = Future()
            future.set_result(func(name, *args))
            return future

    sizes = {"a.txt": 1, "b.txt": 30, "c.txt": 5, "d.txt": 12}
    names = []
    for name, paragraphs in sizes.items():
        path = tmp_path / name
        path.write_text("1.1. Оплата производится своевременно.\n" * paragraphs, encoding="utf-8")
        names.append(str(path))
    monkeypatch.setattr(runner, "SMALL_RUN_BYTES", 0)
    monkeypatch.setattr(runner, "ProcessPoolExecutor", InlinePool)
    rules = all_rules(load_packs([pack], builtin=False))
    outcomes = runner.run_files(names, rules, EngineOptions(), runner.RunOptions(jobs=2))
    assert submitted == ["b.txt", "d.txt", "c.txt", "a.txt"]
    assert [Path(o.result.path).name for o in outcomes] == ["a.txt", "b.txt", "c.txt", "d.txt"]
    assert [len(o.result.findings) for o in outcomes] == [1, 30, 5, 12]
