#!/usr/bin/env python3
"""Final test accuracy over seeds, from the runs.csv files of `eoi experiment` grids (or their copies in docs/results).

Reads every run (density, mask, scheme, seed, test_acc) of the given CSV files (runs.csv, or epochs.csv whose
last epoch per run is taken) and prints two markdown tables:
mean ± sample standard deviation over seeds per (density, mask) row and scheme, the best mean in bold; then,
counting each (density, mask, seed) where every scheme ran, how often each scheme is best and last. A run that
appears in several files (a grid merged and also kept per seed) must have the same accuracy in each, or the script
stops, so mixing copies cannot double-count or hide a disagreement.

Sample standard deviation (n - 1), unlike summary.md's population one: with three seeds it is the estimate of the
seed-to-seed spread, not the spread of these three numbers.

Usage: scripts/seed-means.py FILE.csv [FILE.csv ...]
"""
import csv
import statistics
import sys


def final_rows(path):
    """The rows of one file, one per run: a by-epoch file (an `epoch` column) gives each run's last epoch."""
    with open(path, newline="", encoding="utf-8") as f:
        reader = csv.DictReader(f)
        missing = {"density", "mask", "scheme", "seed", "test_acc"} - set(reader.fieldnames or [])
        if missing:
            sys.exit(f"{path}: not a runs.csv or epochs.csv of eoi experiment (no column {', '.join(sorted(missing))})")
        rows = list(reader)
    if "epoch" not in reader.fieldnames:
        return rows
    last = {}
    for row in rows:
        key = (row["density"], row["mask"], row["scheme"], row["seed"])
        if key not in last or int(row["epoch"]) > int(last[key]["epoch"]):
            last[key] = row
    return list(last.values())


def read_runs(paths):
    """{(density, mask, scheme, seed): final test accuracy in %} over all files."""
    runs, origin = {}, {}
    for path in paths:
        for row in final_rows(path):
            key = (float(row["density"]), row["mask"], row["scheme"], int(row["seed"]))
            accuracy = 100 * float(row["test_acc"])
            if key in runs and runs[key] != accuracy:
                sys.exit(f"{key}: test_acc {runs[key]:.2f} in {origin[key]} but {accuracy:.2f} in {path}")
            runs[key] = accuracy
            origin.setdefault(key, path)
    if not runs:
        sys.exit("no runs in " + ", ".join(paths))
    return runs


def ordered(values, preferred):
    """values in the order of preferred, then any others alphabetically."""
    return [v for v in preferred if v in values] + sorted(v for v in values if v not in preferred)


def main(paths):
    if not paths:
        sys.exit(__doc__)
    runs = read_runs(paths)
    densities = sorted({d for d, _, _, _ in runs}, reverse=True)
    masks = ordered({m for _, m, _, _ in runs}, ["Uniform", "Erk", "Snip"])
    schemes = ordered({s for _, _, s, _ in runs}, ["base", "AI", "EOI"])
    present = {(d, m) for d, m, _, _ in runs}
    rows = [(d, m) for d in densities for m in masks if (d, m) in present]

    print("| density, mask | " + " | ".join(schemes) + " |")
    print("| --- | " + " | ".join("---:" for _ in schemes) + " |")
    for density, mask in rows:
        cells = {}
        for scheme in schemes:
            values = [a for (d, m, s, _), a in sorted(runs.items()) if (d, m, s) == (density, mask, scheme)]
            if values:
                spread = statistics.stdev(values) if len(values) > 1 else float("nan")
                cells[scheme] = (statistics.mean(values), f"{statistics.mean(values):.2f} ± {spread:.2f} (n={len(values)})")
        best = max(mean for mean, _ in cells.values())
        entries = []
        for scheme in schemes:
            mean, text = cells.get(scheme, (None, "-"))
            entries.append("**" + text + "**" if mean == best else text)
        print(f"| {density:g}, {mask} | " + " | ".join(entries) + " |")

    best_count = dict.fromkeys(schemes, 0)
    last_count = dict.fromkeys(schemes, 0)
    pairs = 0
    seeds = sorted({k for _, _, _, k in runs})
    for density, mask in rows:
        for seed in seeds:
            if not all((density, mask, s, seed) in runs for s in schemes):
                continue
            pairs += 1
            accuracies = {s: runs[(density, mask, s, seed)] for s in schemes}
            for s in schemes:
                best_count[s] += accuracies[s] == max(accuracies.values())
                last_count[s] += accuracies[s] == min(accuracies.values())
    if pairs == 0:
        return
    print()
    print(f"Over the {pairs} (density, mask, seed) triples where every scheme ran (ties count for each):")
    for s in schemes:
        print(f"- {s}: best in {best_count[s]}, last in {last_count[s]}")


if __name__ == "__main__":
    main(sys.argv[1:])
