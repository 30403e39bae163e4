#!/usr/bin/env python3
"""The seeds repeated to a size: the bench's dense corpus (nearly every article a near-copy of a few originals).

Usage: python3 bench/make_seeds_repeated.py [SEEDS_DIR] [OUT_DIR] [MEGABYTES]
(defaults: ../shared/corpus/seeds, /tmp/perf/seeds80, 80). Each pass writes every seed again as NNNNN-<name> with
its first line (the title) numbered "(NNNNN)", so every copy is a distinct file and a near-duplicate of its seed.
The seeds' text belongs to its publishers: the output stays outside the repository.
"""
import os
import sys


def main() -> None:
    src = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus", "seeds")
    dst = sys.argv[2] if len(sys.argv) > 2 else "/tmp/perf/seeds80"
    limit = int(float(sys.argv[3]) * 1_000_000) if len(sys.argv) > 3 else 80_000_000
    os.makedirs(dst, exist_ok=True)
    names = sorted(f for f in os.listdir(src) if not f.startswith("."))
    texts = []
    for name in names:
        with open(os.path.join(src, name), encoding="utf-8") as f:
            texts.append((name, f.read()))
    total = 0
    k = 0
    while total < limit:
        for name, text in texts:
            head, _, rest = text.partition("\n")
            out = f"{head} ({k})\n{rest}"
            with open(os.path.join(dst, f"{k:05d}-{name}"), "w", encoding="utf-8") as f:
                f.write(out)
            total += len(out.encode())
        k += 1
    print(k, total)


if __name__ == "__main__":
    main()
