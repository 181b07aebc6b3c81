"""Reporters: one module per output format, all reading `list[FileResult]`.

`REPORTERS` maps a format name to its `render(results, stream, *, ...)`. Each reporter
declares only the keywords it reads (of rules, color, lang, documents, quiet);
`render(fmt, ...)` picks one and passes it just those.
"""

from __future__ import annotations

import importlib
import inspect
from typing import Any, Callable, Mapping, Sequence, TextIO

from contract_lint.findings import FileResult
from contract_lint.model import Document

_MODULES = {
    "text": "text", "concise": "concise", "json": "json", "sarif": "sarif", "github": "github",
    "junit": "junit", "markdown": "markdown", "html": "html",
}


def _loader(module: str) -> Callable[..., None]:
    def render_with(results: Sequence[FileResult], stream: TextIO, **kwargs: Any) -> None:
        func = importlib.import_module(f"contract_lint.reporters.{module}").render
        params = inspect.signature(func).parameters
        if not any(p.kind is p.VAR_KEYWORD for p in params.values()):
            kwargs = {k: v for k, v in kwargs.items() if k in params}
        func(list(results), stream, **kwargs)

    render_with.__name__ = f"render_{module}"
    return render_with


#: Format name -> renderer (imported lazily, so `--format concise` never loads Rich or XML).
REPORTERS: dict[str, Callable[..., None]] = {name: _loader(mod) for name, mod in _MODULES.items()}
FORMATS = tuple(REPORTERS)
#: Formats whose output needs the parsed documents (text shown in place, exact columns).
NEEDS_DOCUMENTS = frozenset({"html"})


def render(
    fmt: str,
    results: Sequence[FileResult],
    rules: Sequence[Any],
    stream: TextIO,
    *,
    color: bool = False,
    lang: str = "ru",
    documents: Mapping[str, Document] | None = None,
    quiet: bool = False,
) -> None:
    """Write `results` in format `fmt` to `stream`; ValueError for an unknown format."""
    try:
        reporter = REPORTERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}; choose one of: {', '.join(FORMATS)}") from None
    reporter(results, stream, rules=rules, color=color, lang=lang, documents=documents or {}, quiet=quiet)
