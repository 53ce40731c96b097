#!/usr/bin/python3
"""Runs translate-toolkit's TM matcher (translate.search.match.matcher) over
a TMX and a file of queries (one per line), printing one JSON object per
query: {"query", "source", "score"} for the top-1 match, and the timing on
stderr. Used by bench/tm_vs_translate_toolkit.sh beside `tolmach tm match`.

usage: tm_tt_driver.py TM.tmx QUERIES.txt SRCLANG TGTLANG MIN_SIMILARITY
"""
import json
import sys
import time

from translate.search import match
from translate.storage import tmx


def main():
    path, queries, src, tgt, min_sim = sys.argv[1:6]
    t0 = time.perf_counter()
    with open(path, "rb") as f:
        store = tmx.tmxfile(f, sourcelanguage=src, targetlanguage=tgt)
    # max_length: the default 70 characters would skip every sentence
    # longer than that, most of FLORES; max_candidates 1: top-1 only.
    m = match.matcher(store, max_candidates=1, min_similarity=int(min_sim), max_length=10000)
    t1 = time.perf_counter()
    n = 0
    with open(queries, encoding="utf-8") as f:
        for line in f:
            q = line.rstrip("\n")
            res = m.matches(q)
            out = {"query": q, "source": "", "score": 0}
            if res:
                u = res[0]
                notes = u.getnotes()
                out["source"] = str(u.source)
                out["score"] = int(notes.strip().split()[-1].rstrip("%")) if notes else 0
            print(json.dumps(out, ensure_ascii=False))
            n += 1
    t2 = time.perf_counter()
    print(f"translate-toolkit: {len(m.candidates.units)} units loaded in {t1 - t0:.2f} s; "
          f"{n} queries in {t2 - t1:.2f} s = {1000 * (t2 - t1) / max(n, 1):.1f} ms per query", file=sys.stderr)


if __name__ == "__main__":
    main()
