"""Per-file lint profile: parse documents, then time (and optionally profile) `api.lint_document`.

Times are CPU seconds of this process (stable on a busy machine). The analysers are loaded first; each document is linted twice: "first" is the cold
per-file time (fresh DocContext, word caches filled by earlier documents only), "again" is
the same document a second time (word caches warm). With --profile, cProfile stats of the
first runs go to stdout (top 30 by cumulative and by own time).

Run: python benchmarks/profile_lint.py [--profile] [--no-builtin --pack DIR] FILE...
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import time
from pathlib import Path

from contract_lint import api, nlp
from contract_lint.engine import Engine, EngineOptions


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--pack", action="append", default=[])
    parser.add_argument("--no-builtin", action="store_true")
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    options = EngineOptions(packs=tuple(args.pack), builtin_packs=not args.no_builtin)
    engine = Engine(api.load_rules(options), options)
    nlp.tokenize("Исполнитель обязуется оказать услуги.")  # load spaCy and pymorphy3 first
    docs, parse_times = [], []
    for path in args.files:
        t0 = time.process_time()
        docs.append(api.parse(path))
        parse_times.append(time.process_time() - t0)
    total = [0.0, 0.0]
    profile = cProfile.Profile() if args.profile else None
    for path, doc, parsed in zip(args.files, docs, parse_times):
        if profile:
            profile.enable()
        t0 = time.process_time()
        result = api.lint_document(doc, engine)
        first = time.process_time() - t0
        if profile:
            profile.disable()
        t0 = time.process_time()
        api.lint_document(doc, engine)
        again = time.process_time() - t0
        total[0] += parsed
        total[1] += first
        print(f"{str(path)[-50:]:50s} {len(doc.text):7d} chars  parse {parsed:6.3f} s  lint: first {first:6.3f} s"
              f"  again {again:6.3f} s  {len(result.findings)} findings")
    n = len(docs)
    print(f"mean per file: parse {total[0] / n:.3f} s, lint (first) {total[1] / n:.3f} s over {n} files")
    if profile:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(30)
        pstats.Stats(profile).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main()
