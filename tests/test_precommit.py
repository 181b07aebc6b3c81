"""The pre-commit hook and the CI templates run command lines that work."""

from __future__ import annotations

import json
import shlex
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import regex
import yaml

from test_report_cli import CONTRACT, SARIF, run

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr("contract_lint.config.user_config_path", lambda: tmp_path / "no-user-config.yaml")
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # never the user's result cache
    (tmp_path / "contracts").mkdir()
    (tmp_path / "contracts" / "dogovor.txt").write_text(CONTRACT, encoding="utf-8")


def _cli_args(command: str) -> list[str]:
    """Return the arguments after `contract-lint` in a shell command line."""
    words = shlex.split(command)
    assert words[0] == "contract-lint", command
    return words[1:]


def test_precommit_hook_definition():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert (hook["id"], hook["entry"], hook["language"]) == ("contract-lint", "contract-lint check", "python")
    files = regex.compile(hook["files"])
    assert [bool(files.search(n)) for n in ("a/dogovor.docx", "b.pdf", "c.odt", "README.md", "n.txt", "x.py", "y.doc")] \
        == [True, True, True, True, True, False, False]


def test_precommit_entry_runs_on_staged_files():
    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    # pre-commit appends the staged file names to the entry
    result = run(*_cli_args(hook["entry"]), "contracts/dogovor.txt", "--select", "TERM001,LIAB001")
    assert result.exit_code == 1
    assert "п. 2.1" in result.stdout and "LIAB001" in result.stdout
    clean = run(*_cli_args(hook["entry"]), "contracts/dogovor.txt", "--select", "TERM001")
    assert clean.exit_code == 0


def _steps(workflow: dict) -> list[dict]:
    return [s for job in workflow["jobs"].values() for s in job["steps"]]


def test_github_actions_workflow_writes_the_sarif_it_uploads(tmp_path):
    workflow = yaml.safe_load((ROOT / "examples" / "ci" / "github-actions.yml").read_text(encoding="utf-8"))
    steps = _steps(workflow)
    lint = next(s for s in steps if "contract-lint check" in s.get("run", ""))
    upload = next(s for s in steps if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert upload["if"] == "always()"
    assert workflow["permissions"]["security-events"] == "write"
    args = _cli_args(lint["run"])
    assert args[args.index("--format") + 1] == "sarif"
    result = run(*args)
    assert result.exit_code == 1  # the example contract has an error: the job fails, the upload still runs
    sarif_path = tmp_path / upload["with"]["sarif_file"]
    data = json.loads(sarif_path.read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(SARIF).validate(data)
    assert {r["ruleId"] for r in data["runs"][0]["results"]} >= {"TERM001", "LIAB001"}
    # the second format (github) goes to the log as workflow commands
    assert any(line.startswith("::error file=contracts/dogovor.txt,line=7,") for line in result.stdout.splitlines())


def test_gitlab_job_writes_the_junit_report_it_declares(tmp_path):
    config = yaml.safe_load((ROOT / "examples" / "ci" / "gitlab-ci.yml").read_text(encoding="utf-8"))
    job = config["contract-lint"]
    command = next(line for line in job["script"] if line.startswith("contract-lint check"))
    result = run(*_cli_args(command))
    assert result.exit_code == 1
    report = tmp_path / job["artifacts"]["reports"]["junit"]
    root = ET.fromstring(report.read_text(encoding="utf-8"))
    (case,) = root.iter("testcase")
    assert case.get("name") == "contracts/dogovor.txt"
    assert "LIAB001" in [f.get("type") for f in case.findall("failure")]
    assert any(":7:41: LIAB001 [ошибка]" in line for line in result.stdout.splitlines())
