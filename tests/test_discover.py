"""Folder discovery: recursion, skipped files, excludes, symlink loops, order."""

import os

from contract_lint.discover import DiscoverOptions, discover


def _touch(path, text="x"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_recurses_sorted_and_skips_locks_hidden_and_temporary(tmp_path):
    _touch(tmp_path / "b.docx")
    _touch(tmp_path / "a.pdf")
    _touch(tmp_path / "sub" / "c.txt")
    _touch(tmp_path / "~$b.docx")
    _touch(tmp_path / ".hidden.docx")
    _touch(tmp_path / ".git" / "d.txt")
    _touch(tmp_path / "report.xlsx")
    _touch(tmp_path / "draft.docx.tmp")
    _touch(tmp_path / ".~lock.b.docx#")
    found = [os.path.relpath(p, tmp_path) for p in discover([str(tmp_path)])]
    assert found == ["a.pdf", "b.docx", os.path.join("sub", "c.txt")]


def test_explicit_file_kept_whatever_its_suffix_and_missing_file_reported(tmp_path):
    odd = _touch(tmp_path / "contract.bin")
    missing = str(tmp_path / "gone.docx")
    assert discover([str(odd), missing]) == [str(odd), missing]


def test_exclude_globs_and_duplicates(tmp_path):
    _touch(tmp_path / "keep.docx")
    _touch(tmp_path / "archive" / "old.docx")
    _touch(tmp_path / "x.draft.docx")
    opts = DiscoverOptions(exclude=("archive", "*.draft.docx"))
    found = discover([str(tmp_path), str(tmp_path / "keep.docx")], opts)
    assert [os.path.basename(p) for p in found] == ["keep.docx"]


def test_glob_pattern_expanded(tmp_path):
    _touch(tmp_path / "one.docx")
    _touch(tmp_path / "two.pdf")
    found = discover([str(tmp_path / "*.docx")])
    assert [os.path.basename(p) for p in found] == ["one.docx"]


def test_symlink_loop_followed_once(tmp_path):
    _touch(tmp_path / "d" / "a.txt")
    os.symlink(tmp_path / "d", tmp_path / "d" / "loop")
    found = discover([str(tmp_path)])
    assert [os.path.basename(p) for p in found] == ["a.txt"]
