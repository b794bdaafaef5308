#!/usr/bin/env bash
# Whole-process time and peak memory of `eoi train` against benchmarks/torch/whole_process.py, run one after
# the other in pairs (the 1000-layer MLP for 2 epochs, then the paper's 7-layer MLP for 100 epochs), each
# under /usr/bin/time -v. Usage: benchmarks/torch/compare_whole_process.sh OUT_DIR   (from the repository root,
# after `dotnet build -c Release src/Eoi.Cli`). Prints one line per run: wall seconds, CPU seconds, peak RSS.
# RUNS=N repeats each pair N times (PyTorch, then ours, alternating), for medians on a shared machine.
set -euo pipefail
out=${1:?usage: $0 OUT_DIR}
runs=${RUNS:-1}
mkdir -p "$out"
eoi=src/Eoi.Cli/bin/Release/net10.0/eoi
deep=(--depth 1000 --width 128 --density 0.125 --gain 1.0247 --bias-std 0.00448 --lr 1e-4 --epochs 2)
paper=(--depth 7 --width 100 --density 0.1 --lr 0.01 --epochs 100)
run() {
    local name=$1; shift
    /usr/bin/time -v "$@" > "$out/$name.out" 2> "$out/$name.time"
    awk -v name="$name" -F': ' '/Elapsed \(wall/ {w=$2} /User time/ {u=$2} /System time/ {s=$2} /Maximum resident/ {m=$2}
        END {printf "%-12s wall %s  cpu %.1f s  peak RSS %.0f MB\n", name, w, u + s, m / 1024}' "$out/$name.time"
}
for ((i = 1; i <= runs; i++)); do
    suffix=$([ "$runs" = 1 ] || echo "-$i")
    run torch-1000$suffix /usr/bin/python3 benchmarks/torch/whole_process.py "${deep[@]}" -o "$out/torch-1000$suffix"
    run eoi-1000$suffix "$eoi" train "${deep[@]}" --no-jacobian -o "$out/eoi-1000$suffix"
done
for ((i = 1; i <= runs; i++)); do
    suffix=$([ "$runs" = 1 ] || echo "-$i")
    run torch-7$suffix /usr/bin/python3 benchmarks/torch/whole_process.py "${paper[@]}" -o "$out/torch-7$suffix"
    run eoi-7$suffix "$eoi" train "${paper[@]}" --no-jacobian -o "$out/eoi-7$suffix"
done
