#!/usr/bin/env python3
"""Bytes of each table and index of a Tightrope SQLite store, largest first (SQLite's dbstat virtual table).

Usage: python3 bench/store_tables.py STORE.db [INPUT_BYTES]
The store should be checkpointed (no -wal file): `Tightrope.Bench store-quick FOLDER N KEEP.db` leaves one so.
"""
import sqlite3
import sys


def main() -> None:
    db = sys.argv[1]
    input_bytes = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    rows = c.execute(
        "SELECT name, sum(pgsize), sum(payload), sum(unused), count(*) FROM dbstat GROUP BY name ORDER BY 2 DESC").fetchall()
    total = sum(r[1] for r in rows)
    print(f"| table or index | MB | payload MB | unused MB | pages | share |" + (" × input |" if input_bytes else ""))
    print("|---|---:|---:|---:|---:|---:|" + ("---:|" if input_bytes else ""))
    for name, size, payload, unused, pages in rows:
        line = f"| {name} | {size / 1e6:.2f} | {payload / 1e6:.2f} | {unused / 1e6:.2f} | {pages:,} | {size / total:.1%} |"
        if input_bytes:
            line += f" {size / input_bytes:.3f} |"
        print(line)
    line = f"| total | {total / 1e6:.2f} | | | | |"
    if input_bytes:
        line += f" {total / input_bytes:.3f} |"
    print(line)


if __name__ == "__main__":
    main()
