#!/usr/bin/env python3
"""Test accuracy by epoch for the runs of one or more `eoi experiment` output directories.

Reads DIR/runs/<cell>-seedK/metrics.csv (older grids: NNN-<cell>-seedK) and prints a markdown table: one row per cell, one column per chosen
epoch, each entry the mean ± population std (as summary.md) over seeds of the test accuracy (%). A cell that appears in several
directories (the reference arms run again when a grid is split by --masks) must have identical metrics there,
or the script stops: that doubles as a check that runs are reproducible across processes.

Usage: scripts/epoch-table.py [--epochs 1,5,10] DIR [DIR ...]
"""
import csv
import glob
import os
import re
import statistics
import sys

RUN = re.compile(r"^(?:\d+-)?(?P<cell>.+)-seed(?P<seed>\d+)$")


def read_runs(directories):
    """{(cell, seed): [(epoch, test_acc), ...]} over all directories."""
    runs, origin = {}, {}
    for directory in directories:
        paths = sorted(glob.glob(os.path.join(directory, "runs", "*", "metrics.csv")))
        if not paths:
            sys.exit(f"no runs/*/metrics.csv under {directory}")
        for path in paths:
            match = RUN.match(os.path.basename(os.path.dirname(path)))
            if not match:
                sys.exit(f"unexpected run folder name: {path}")
            with open(path, newline="", encoding="utf-8") as f:
                rows = [(int(r["epoch"]), float(r["test_acc"])) for r in csv.DictReader(f)]
            key = (match["cell"], int(match["seed"]))
            if key in runs and runs[key] != rows:
                sys.exit(f"{key[0]} seed {key[1]}: metrics differ between {origin[key]} and {path}")
            runs.setdefault(key, rows)
            origin.setdefault(key, path)
    return runs


def main(argv):
    epochs = None
    if len(argv) >= 2 and argv[0] == "--epochs":
        epochs = [int(e) for e in argv[1].split(",")]
        argv = argv[2:]
    if not argv:
        sys.exit(__doc__)
    runs = read_runs(argv)
    last = min(len(rows) for rows in runs.values())
    epochs = epochs or sorted({1, 5, 10, 20, 30, 40, 50, 60, 80, 100, last} & set(range(1, last + 1)))
    cells = sorted({cell for cell, _ in runs})
    print("| cell | seeds | " + " | ".join(f"epoch {e}" for e in epochs) + " |")
    print("| --- | ---: | " + " | ".join("---:" for _ in epochs) + " |")
    for cell in cells:
        seeds = sorted(seed for c, seed in runs if c == cell)
        entries = []
        for epoch in epochs:
            values = [100 * dict(runs[(cell, s)])[epoch] for s in seeds]
            spread = statistics.pstdev(values) if len(values) > 1 else 0.0
            entries.append(f"{statistics.mean(values):.2f} ± {spread:.2f}")
        print(f"| {cell} | {len(seeds)} | " + " | ".join(entries) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
