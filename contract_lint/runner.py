"""Lint many files: in this process or in worker processes, through the result cache.

Each file is read once: its bytes are hashed (the cache key) and parsed. A cache hit
skips parsing and matching; a second run over an unchanged folder only re-reads hashes.
Results always come back in input order and are the same for any number of jobs.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import subprocess
from concurrent.futures import BrokenExecutor, Future, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Callable, Sequence

from contract_lint.cache import ResultCache, file_digest, settings_digest
from contract_lint.engine import Engine, EngineOptions
from contract_lint.errors import ContractLintError, DocumentError
from contract_lint.findings import FileResult
from contract_lint.model import Document

#: Below this many bytes of work a pool costs more to start than it saves.
SMALL_RUN_BYTES = 512 * 1024
#: EngineOptions fields that do not change a file's result (only the exit code).
_NOT_IN_KEY = frozenset({"fail_on"})

OnResult = Callable[[FileResult], None]
PostProcess = Callable[[Document, FileResult], FileResult]


@dataclass(frozen=True)
class RunOptions:
    """How to run: worker processes, the cache folder (None: no cache), keep parsed documents."""

    jobs: int = 1
    cache_dir: Path | None = None
    keep_documents: bool = False
    #: Applied to each fresh result before it is cached, in the worker (e.g. in-document waivers);
    #: a module-level function, so it pickles; its name is part of the cache key.
    post_process: PostProcess | None = None


@dataclass(frozen=True)
class Outcome:
    """One file's result, its parsed document when kept, and whether it came from the cache."""

    result: FileResult
    document: Document | None = None
    cached: bool = False


@dataclass(frozen=True)
class _Done:
    result: FileResult
    document: Document | None
    digest: str | None  # of the bytes actually parsed; None when they could not be read
    cacheable: bool


def default_jobs() -> int:
    """Return the number of CPU cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run_files(
    files: Sequence[str | Path],
    rules: Sequence[Any],
    options: EngineOptions,
    run: RunOptions = RunOptions(),
    on_result: OnResult | None = None,
) -> list[Outcome]:
    """Lint `files` with `rules`; `on_result` is called as each file finishes (any order)."""
    names = [os.fspath(f) for f in files]
    cache = None
    if run.cache_dir is not None:
        cache = ResultCache(run.cache_dir, cache_settings(rules, options, _qualname(run.post_process)))
    outcomes: list[Outcome | None] = [None] * len(names)
    todo = []
    for i, name in enumerate(names):
        hit = _cached(cache, name)
        if hit is not None:
            outcomes[i] = Outcome(hit, cached=True)
            _notify(on_result, hit)
        else:
            todo.append(i)
    for i, done in _execute([names[i] for i in todo], todo, rules, options, run, on_result):
        if cache is not None and done.cacheable and done.digest:
            cache.put(done.digest, done.result)
        outcomes[i] = Outcome(done.result, done.document if run.keep_documents else None)
    return [o for o in outcomes if o is not None]


def _cached(cache: ResultCache | None, name: str) -> FileResult | None:
    if cache is None or name == "-":
        return None
    try:
        digest = file_digest(name)
    except OSError:
        return None  # the worker reads it again and reports the error
    return cache.get(name, digest)


def _notify(on_result: OnResult | None, result: FileResult) -> None:
    if on_result is not None:
        on_result(result)


def _execute(names, indices, rules, options, run, on_result):  # type: ignore[no-untyped-def]
    """Yield (index, _Done) for every name, from a pool when it pays off."""
    if not names:
        return  # everything came from the cache: no engine, no pool
    if _in_process(names, run.jobs):
        engine = Engine(rules, options)
        for i, name in zip(indices, names):
            done = lint_file(name, engine, options.parse, run.keep_documents, run.post_process)
            _notify(on_result, done.result)
            yield i, done
        return
    yield from _pooled(names, indices, rules, options, run, on_result)


def _in_process(names: Sequence[str], jobs: int) -> bool:
    if jobs <= 1 or len(names) < 2 * jobs:
        return True
    total = 0
    for name in names:
        total += _size(name)
        if total >= SMALL_RUN_BYTES:
            return False
    return True


def _pooled(names, indices, rules, options, run, on_result):  # type: ignore[no-untyped-def]
    context = multiprocessing.get_context("forkserver" if os.name == "posix" else "spawn")
    with ProcessPoolExecutor(
        max_workers=run.jobs, mp_context=context, initializer=_init_worker, initargs=(list(rules), options, run.post_process),
    ) as pool:
        # Largest first: a big file started last would leave the other workers idle at the end.
        by_size = sorted(zip(indices, names), key=lambda pair: -_size(pair[1]))
        futures: dict[Future, tuple[int, str]] = {
            pool.submit(_work, name, run.keep_documents): (i, name) for i, name in by_size
        }
        results: dict[int, _Done] = {}
        for future in as_completed(futures):
            i, name = futures[future]
            results[i] = _collect(future, name)
            _notify(on_result, results[i].result)
    for i in indices:
        yield i, results[i]


def _size(name: str) -> int:
    try:
        return os.path.getsize(name)
    except OSError:
        return 0  # the worker reports why it cannot be read


def _collect(future: Future, name: str) -> _Done:
    try:
        return future.result()
    except BrokenExecutor:
        error = f"{name}: a worker process died while reading this file — run again with --jobs 1 to find the cause"
    except Exception as exc:  # noqa: BLE001 - an unpicklable result must not stop the run
        error = f"{name}: cannot read: {exc!r}"
    return _Done(FileResult(name, _format_of(name), error=error), None, None, False)


# --- worker side: one Engine per process, built once by the initializer ------------------

_ENGINE: Engine | None = None
_POST: PostProcess | None = None


def _init_worker(rules: list[Any], options: EngineOptions, post: PostProcess | None = None) -> None:
    """Compile the rules and load the NLP pipeline once per worker process."""
    global _ENGINE, _POST
    _ENGINE, _POST = Engine(rules, options), post
    if _ENGINE.needs_lemmas:
        from contract_lint import nlp

        nlp.tokenizer()
        nlp.morph()


def _work(name: str, keep_document: bool) -> _Done:
    assert _ENGINE is not None, "worker not initialised"
    return lint_file(name, _ENGINE, _ENGINE.options.parse, keep_document, _POST)


def lint_file(
    name: str, engine: Engine, parse_options: Any, keep_document: bool = True, post: PostProcess | None = None,
) -> _Done:
    """Read, hash, parse and lint one file; an unreadable file becomes an error result."""
    from contract_lint.api import lint_document

    try:
        doc, digest = _parse(name, parse_options)
    except DocumentError as exc:
        error = FileResult(name, _format_of(name), error=exc.one_line())
        return _Done(error, None, getattr(exc, "digest", None), _cacheable(exc))
    except ContractLintError as exc:
        return _Done(FileResult(name, _format_of(name), error=f"{name}: {exc}".replace("\n", " ")), None, None, False)
    except Exception as exc:  # noqa: BLE001 - a parser bug must not stop the run
        return _Done(FileResult(name, _format_of(name), error=f"{name}: cannot read: {exc!r}"), None, None, False)
    result = lint_document(doc, engine)
    if post is not None:
        result = post(doc, result)
    return _Done(result, doc if keep_document else None, digest, result.error is None)


def _parse(name: str, parse_options: Any) -> tuple[Document, str | None]:
    from contract_lint.api import parse
    from contract_lint.parsers import ParseOptions, _read_file, parse_bytes

    if name == "-":
        return parse(Path(name), parse_options), None
    options = parse_options if parse_options is not None else ParseOptions()
    data = _read_file(name, options.max_size)  # one read: the same bytes are hashed and parsed
    digest = hashlib.sha256(data).hexdigest()
    try:
        return parse_bytes(data, name, options), digest
    except DocumentError as exc:
        exc.digest = digest  # type: ignore[attr-defined]
        raise


def _cacheable(exc: DocumentError) -> bool:
    """Return True when the error follows from the file's bytes alone (not the disk or the tools)."""
    if getattr(exc, "digest", None) is None:
        return False  # the file could not be read at all (permission denied, vanished)
    if isinstance(exc.__cause__, (OSError, subprocess.SubprocessError)):
        return False
    return not any(tool in exc.reason for tool in ("LibreOffice", "tesseract", "OCR"))


def _format_of(name: str) -> str | None:
    return Path(name).suffix.lower().lstrip(".") or None


# --- the cache key ---------------------------------------------------------------------


def cache_settings(rules: Sequence[Any], options: EngineOptions, post: str = "") -> str:
    """Return the digest of everything besides a file that decides its result."""
    return settings_digest(pack_digest(rules), _options_key(options), post)


def _qualname(func: Callable[..., Any] | None) -> str:
    return "" if func is None else f"{func.__module__}.{func.__qualname__}"


def pack_digest(rules: Sequence[Any]) -> str:
    """Return a hash of the loaded rule files, their pack.yaml files and the rules as loaded."""
    h = hashlib.sha256()
    paths = sorted({str(r.path) for r in rules} | {str(Path(r.path).parent / "pack.yaml") for r in rules})
    for path in paths:
        h.update(path.encode("utf-8", "surrogateescape"))
        try:
            h.update(file_digest(path).encode())
        except OSError:
            h.update(b"-")
    h.update(repr(list(rules)).encode("utf-8", "surrogateescape"))  # options applied from config
    return h.hexdigest()


def _options_key(options: EngineOptions) -> dict[str, str]:
    return {f.name: repr(getattr(options, f.name)) for f in fields(options) if f.name not in _NOT_IN_KEY}
