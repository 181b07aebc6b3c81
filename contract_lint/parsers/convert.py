"""Convert legacy Word (.doc) and RTF files to DOCX with LibreOffice, in a private sandbox.

Each conversion gets its own temporary folder: a copy of the input, the output, and a
LibreOffice user profile (two soffice processes sharing a profile block each other).
The original file is never opened by LibreOffice, so it cannot be locked or modified.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from contract_lint.errors import DocumentError

TIMEOUT_SECONDS = 120
_EXECUTABLES = ("soffice", "libreoffice")
_INSTALL_HINT = "install it (apt-get install libreoffice-writer-nogui) or save the file as DOCX"


def find_soffice() -> str | None:
    """Return the LibreOffice executable on PATH, if any."""
    for name in _EXECUTABLES:
        found = shutil.which(name)
        if found:
            return found
    return None


def convert_to_docx(name: str, data: bytes, fmt: str, timeout: float = TIMEOUT_SECONDS) -> bytes:
    """Return the DOCX bytes LibreOffice makes from `data` (a .doc or .rtf file's content)."""
    soffice = find_soffice()
    if soffice is None:
        raise DocumentError(name, f"cannot read .{fmt} without LibreOffice", _INSTALL_HINT)
    with tempfile.TemporaryDirectory(prefix="contract-lint-") as tmp:
        work = Path(tmp)
        source = work / f"input.{fmt}"
        source.write_bytes(data)
        out = work / "out"
        out.mkdir()
        _run(name, _command(soffice, work, source, out), timeout, work)
        result = out / "input.docx"
        if not result.is_file() or result.stat().st_size == 0:
            raise DocumentError(name, f"LibreOffice could not convert this .{fmt} file",
                                "open it in Word or LibreOffice and save as DOCX")
        return result.read_bytes()


def _command(soffice: str, work: Path, source: Path, out: Path) -> list[str]:
    profile = (work / "profile").as_uri()
    return [
        soffice,
        f"-env:UserInstallation={profile}",
        "--headless", "--norestore", "--nologo", "--nodefault", "--nolockcheck",
        "--convert-to", "docx:MS Word 2007 XML",
        "--outdir", str(out),
        str(source),
    ]


def _run(name: str, command: list[str], timeout: float, home: Path) -> None:
    """Run soffice in its own process group, so a timeout kills every child it spawned."""
    env = {**os.environ, "HOME": str(home)}  # nothing is written to the user's home
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            stdin=subprocess.DEVNULL, env=env, start_new_session=True)
    try:
        _, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise DocumentError(name, f"LibreOffice did not finish converting within {timeout:.0f} s",
                            "open the file in Word or LibreOffice and save as DOCX") from None
    if proc.returncode != 0:
        detail = err.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit code {proc.returncode}"]
        raise DocumentError(name, f"LibreOffice failed to convert the file ({detail[0]})",
                            "open it in Word or LibreOffice and save as DOCX")
