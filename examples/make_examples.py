"""Build examples/<name>.docx and examples/<name>.pdf from examples/src/<name>.txt.

Usage: python examples/make_examples.py [--docx-only] [NAMES...]
Sources use the corpus format (tests/corpus/README.md); examples/src/<name>.yaml gives the
title, the numbering mode and what a lawyer expects, like a corpus expected.yaml.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
_spec = importlib.util.spec_from_file_location("corpus_build", HERE.parent / "tests" / "corpus" / "build.py")
build = importlib.util.module_from_spec(_spec)
sys.modules["corpus_build"] = build  # dataclasses look their module up
_spec.loader.exec_module(build)


def make(name: str, pdf: bool) -> None:
    """Build one example from examples/src/<name>.txt."""
    meta = yaml.safe_load((HERE / "src" / f"{name}.yaml").read_text(encoding="utf-8")) or {}
    build.build_one(HERE / "src" / f"{name}.txt", meta.get("numbering", "typed"), HERE / f"{name}.docx",
                    HERE / f"{name}.pdf" if pdf else None, str(meta.get("title", "")))


def main(argv: list[str]) -> int:
    """Build the named examples (all when none is named)."""
    pdf = "--docx-only" not in argv
    names = [a for a in argv if not a.startswith("--")] or sorted(p.stem for p in (HERE / "src").glob("*.txt"))
    for name in names:
        try:
            make(name, pdf)
        except (build.SourceError, OSError, subprocess.SubprocessError) as exc:
            print(f"{name}: {exc}", file=sys.stderr)
            return 2
        print(f"built examples/{name}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
