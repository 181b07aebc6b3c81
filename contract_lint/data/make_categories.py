"""Regenerate categories.json from the risk catalogue.

Usage: python -m contract_lint.data.make_categories [path/to/RISK-CATALOGUE.md]
(default: ../shared/RISK-CATALOGUE.md next to the repository).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import regex

HERE = Path(__file__).resolve().parent
DEFAULT_CATALOGUE = HERE.parent.parent.parent / "shared" / "RISK-CATALOGUE.md"
OUTPUT = HERE / "categories.json"
_ROW = regex.compile(r"^\|\s*(?P<code>[A-Z]+(?:-[A-Z]+)+)\s*\|\s*(?P<kind>span|document)\s*\|\s*(?P<sev>error|warning|info)\s*\|")


def parse_catalogue(text: str) -> dict[str, dict[str, str]]:
    """Return {code: {kind, severity}} for every category row of the catalogue, in order."""
    found: dict[str, dict[str, str]] = {}
    for line in text.splitlines():
        m = _ROW.match(line)
        if m:
            found[m.group("code")] = {"kind": m.group("kind"), "severity": m.group("sev")}
    return found


def render(categories: dict[str, dict[str, str]]) -> str:
    """Return the JSON text written to categories.json."""
    return json.dumps(categories, ensure_ascii=False, indent=2) + "\n"


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else DEFAULT_CATALOGUE
    OUTPUT.write_text(render(parse_catalogue(source.read_text(encoding="utf-8"))), encoding="utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
