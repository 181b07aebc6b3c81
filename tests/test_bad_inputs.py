"""Unbreakable by bad input: each bad file is one clear error line, an error entry in every
output, the other files are fully processed and the exit code is 2."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from folder_util import BAD, cli, docx_bytes, json_results, make_pack, pack_args, pdf_bytes, txt_bytes

from contract_lint import runner
from contract_lint.parsers import parse_path

#: file -> what its error line must say (None: it must parse).
EXPECTED = {
    "binary.txt": "unknown binary format",
    "cp1251.txt": None,
    "doc-named.docx": "LibreOffice",
    "empty.docx": "empty file",
    "encrypted.pdf": "--password",
    "entity-bomb.docx": "entity bomb",
    "malformed-xml.docx": "malformed XML",
    "pdf-named.docx": None,
    "scanned.pdf": "--ocr",
    "truncated.docx": "not a valid DOCX",
    "truncated.pdf": "truncated",
    "utf16.txt": None,
    "zip-bomb.docx": "zip bomb",
}


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    return make_pack(tmp_path / "pack")


def _error_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("contract-lint: error:")]


def test_every_bad_input_is_listed():
    assert sorted(p.name for p in BAD.iterdir() if p.suffix != ".py" and p.is_file()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_input_alone(tmp_path, pack, name):
    path = BAD / name
    result = cli("check", path, "--format", "json", "--no-cache", "--jobs", "1", *pack_args(pack))
    [entry] = json_results(result.stdout)
    if EXPECTED[name] is None:
        assert entry["error"] is None and result.exit_code == 0 and result.stderr == ""
        return
    assert result.exit_code == 2
    [line] = _error_lines(result.stderr)
    assert str(path) in line and EXPECTED[name] in line
    assert entry["error"] and EXPECTED[name] in entry["error"]


def test_encodings_and_a_pdf_named_docx_parse_correctly():
    for name in ("cp1251.txt", "utf16.txt"):
        assert "1.1. Оплата по факту оказания услуг." in parse_path(BAD / name).text
    doc = parse_path(BAD / "pdf-named.docx")
    assert doc.format == "pdf" and "Payment within 10 days" in doc.text


@pytest.mark.parametrize("encoding", ["cp1251", "utf-16", "utf-16-be", "utf-8-sig"])
def test_legacy_encodings_give_findings(tmp_path, pack, encoding):
    (tmp_path / "d.txt").write_bytes(txt_bytes(encoding=encoding))
    result = cli("check", tmp_path / "d.txt", "--format", "json", "--no-cache", *pack_args(pack))
    [entry] = json_results(result.stdout)
    assert entry["error"] is None
    assert [(f["match"], f["location"]["clause"]) for f in entry["findings"]] == [("своевременно", "1.1")]


def _folder_of_bad_and_good(root: Path) -> Path:
    folder = root / "in"
    folder.mkdir()
    for name in EXPECTED:
        shutil.copy(BAD / name, folder / name)
    (folder / "good.docx").write_bytes(docx_bytes())
    (folder / "good.pdf").write_bytes(pdf_bytes())
    return folder


def test_all_outputs_carry_each_error(tmp_path, pack):
    folder = _folder_of_bad_and_good(tmp_path)
    bad = sorted(n for n, why in EXPECTED.items() if why)
    register = tmp_path / "register.csv"
    as_json = cli("check", folder, "--format", "json", "--summary", register, "--no-cache", *pack_args(pack))
    as_sarif = cli("check", folder, "--format", "sarif", "--no-cache", *pack_args(pack))
    assert as_json.exit_code == as_sarif.exit_code == 2
    for result in (as_json, as_sarif):
        lines = _error_lines(result.stderr)
        assert sorted(Path(line.split(": ")[2]).name for line in lines) == bad
    files = {Path(f["path"]).name: f for f in json_results(as_json.stdout)}
    assert sorted(n for n, f in files.items() if f["error"]) == bad
    assert [f["match"] for f in files["good.docx"]["findings"]] == ["своевременно"]
    assert [f["match"] for f in files["good.pdf"]["findings"]] == ["своевременно"]
    notes = json.loads(as_sarif.stdout)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert sorted(Path(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]).name for n in notes) == bad
    rows = list(csv.DictReader(io.StringIO(register.read_text(encoding="utf-8-sig")), delimiter=";"))
    assert sorted(Path(r["файл"]).name for r in rows if r["ошибка чтения"]) == bad
    assert {Path(r["файл"]).name: r["всего"] for r in rows}["good.pdf"] == "1"


_RSS_SCRIPT = textwrap.dedent("""
    import resource, sys
    from contract_lint.cli import app
    try:
        app(sys.argv[1:])
    except SystemExit as exc:
        code = exc.code
    print(code, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
""")


@pytest.mark.parametrize("name", ["zip-bomb.docx", "entity-bomb.docx"])
def test_bombs_are_refused_with_bounded_memory(tmp_path, pack, name):
    args = ["check", str(BAD / name), "--no-cache", "--format", "json", *pack_args(pack)]
    done = subprocess.run([sys.executable, "-c", _RSS_SCRIPT, *args], capture_output=True, text=True, timeout=120)
    code, peak_mb = done.stdout.strip().splitlines()[-1].split()
    assert code == "2"
    assert int(peak_mb) < 300
    assert "bomb" in done.stderr


def test_a_thousand_page_pdf_parses(tmp_path, pack):
    (tmp_path / "long.pdf").write_bytes(pdf_bytes(pages=1000))
    result = cli("check", tmp_path / "long.pdf", "--format", "json", "--no-cache", *pack_args(pack))
    [entry] = json_results(result.stdout)
    assert entry["error"] is None
    assert len(entry["findings"]) == 1000
    assert entry["findings"][-1]["location"]["page"] == 1000


_AS_NOBODY = textwrap.dedent("""
    import contextlib, io, os, sys
    from contract_lint.cli import app
    warm, target = sys.argv[1], sys.argv[2:]
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            app(["check", warm, *target[2:]])  # import every module while still root
    except SystemExit:
        pass
    os.setgid(65534)
    os.setuid(65534)
    try:
        app(target)
    except SystemExit as exc:
        sys.exit(exc.code)
""")


def test_a_file_without_read_permission(pack):
    shared = Path(tempfile.mkdtemp(prefix="cl-perm-"))
    try:
        shared.chmod(0o755)
        (shared / "ok.txt").write_bytes(txt_bytes())
        (shared / "secret.txt").write_bytes(txt_bytes())
        (shared / "secret.txt").chmod(0)
        args = ["check", str(shared), "--format", "json", "--no-cache", "--jobs", "1", *pack_args(pack)]
        if os.geteuid() == 0:
            local_pack = shutil.copytree(pack, shared / ".pack")  # readable by nobody; hidden, so not linted
            args[-1] = str(local_pack)
            warm = str(shared / "ok.txt")
            done = subprocess.run([sys.executable, "-c", _AS_NOBODY, warm, *args], capture_output=True, text=True)
            if "Operation not permitted" in done.stderr or "PermissionError" in done.stderr:
                pytest.skip("cannot switch to user nobody here")
            code, stdout, stderr = done.returncode, done.stdout, done.stderr
        else:
            result = cli(*args)
            code, stdout, stderr = result.exit_code, result.stdout, result.stderr
        assert code == 2
        [line] = _error_lines(stderr)
        assert "secret.txt" in line and "permission denied" in line and "readable" in line
        files = {Path(f["path"]).name: f for f in json_results(stdout)}
        assert [f["match"] for f in files["ok.txt"]["findings"]] == ["своевременно"]
        assert "permission denied" in files["secret.txt"]["error"]
    finally:
        shutil.rmtree(shared, ignore_errors=True)


def test_a_file_that_disappears_mid_run(tmp_path, pack, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_bytes(txt_bytes())
    real = runner._parse

    def parse_then_delete_next(name, options):  # noqa: ANN001
        if name.endswith("a.txt"):
            (folder / "b.txt").unlink()
        return real(name, options)

    monkeypatch.setattr(runner, "_parse", parse_then_delete_next)
    result = cli("check", folder, "--format", "json", "--jobs", "1", "--cache-dir", tmp_path / "cache", *pack_args(pack))
    assert result.exit_code == 2
    [line] = _error_lines(result.stderr)
    assert "b.txt" in line and "no such file" in line
    files = json_results(result.stdout)
    assert [len(f["findings"]) for f in files] == [1, 0, 1]
    assert len(list((tmp_path / "cache").rglob("*.json"))) == 1  # a.txt and c.txt share content; b is not cached


def test_two_thousand_files_with_a_few_bad_ones(tmp_path, pack, monkeypatch):
    monkeypatch.setattr(runner, "SMALL_RUN_BYTES", 0)  # use the worker processes
    folder = tmp_path / "many"
    for i in range(2000):
        sub = folder / f"{i // 100:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{i:04d}.txt").write_bytes(txt_bytes([f"ДОГОВОР № {i}", "1.1. Услуги оказываются своевременно."]))
    bad = [folder / "03" / "0300.txt", folder / "07" / "0777.txt", folder / "19" / "1999.txt"]
    for path in bad:
        path.write_bytes(bytes(range(256)) * 4)
    result = cli("check", folder, "--format", "json", "--jobs", "2", "--no-cache", *pack_args(pack))
    assert result.exit_code == 2
    assert sorted(line.split(": ")[2] for line in _error_lines(result.stderr)) == [str(p) for p in bad]
    files = json_results(result.stdout)
    assert len(files) == 2000
    assert [f["path"] for f in files if f["error"]] == [str(p) for p in bad]
    assert sum(len(f["findings"]) for f in files) == 1997


_BACKTRACKING = """id: SLOW001
name: slow-pattern
category: TERM-VAGUE
severity: warning
title: Медленный шаблон
message: «{match}»
check:
  regex: '(а|а)+б'
examples:
  flag: [["аб"]]
  pass: [["в"]]
"""


def test_catastrophic_user_regex_times_out_naming_the_rule(tmp_path):
    pack = make_pack(tmp_path / "pack", {"slow-pattern.yaml": _BACKTRACKING})
    (tmp_path / "d.txt").write_bytes(txt_bytes(["1.1. Услуги оказываются своевременно.", "2.1. " + "а" * 40 + "в"]))
    result = cli("check", tmp_path / "d.txt", "--format", "json", "--no-cache", *pack_args(pack))
    assert result.exit_code == 2
    [line] = _error_lines(result.stderr)
    assert "SLOW001" in line and "slow-pattern" in line and "slow-pattern.yaml" in line
    [entry] = json_results(result.stdout)
    assert [f["rule"] for f in entry["findings"]] == ["FOLD001"]  # the other rules still ran


def test_a_pack_of_500_rules_runs(tmp_path):
    rules = {f"generated-{i}.yaml": _generated_rule(i) for i in range(1, 501)}
    pack = make_pack(tmp_path / "pack", rules)
    words = [f"1.{i}. Пункт со словом маркер{i}зд." for i in range(1, 501, 7)]
    (tmp_path / "d.txt").write_bytes(txt_bytes(words))
    result = cli("check", tmp_path / "d.txt", "--format", "json", "--no-cache", *pack_args(pack))
    [entry] = json_results(result.stdout)
    assert entry["error"] is None
    assert sorted(f["rule"] for f in entry["findings"]) == sorted(f"GEN{i:03d}" for i in range(1, 501, 7))


def _generated_rule(i: int) -> str:
    return (f"id: GEN{i:03d}\nname: generated-{i}\ncategory: TERM-VAGUE\nseverity: info\ntitle: Правило {i}\n"
            f"message: «{{match}}»\ncheck:\n  regex: '\\bмаркер{i}зд\\b'\n"
            f"examples:\n  flag: [[\"маркер{i}зд\"]]\n  pass: [[\"нет\"]]\n")
