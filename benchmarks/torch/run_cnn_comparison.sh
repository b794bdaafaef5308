#!/usr/bin/env bash
# Side by side, alternating: one epoch on the sample's sizes of the same network in PyTorch (cnn_epoch.py,
# masked dense) and in eoi (`eoi train ... --dataset sample --epochs 1`), each as a whole process under
# /usr/bin/time: wall seconds, user + system CPU seconds (what the process itself used, less sensitive to a
# shared machine than wall time), peak RSS, and each tool's own epoch time. REPEATS rounds; one line per run.
#
# Usage: benchmarks/torch/run_cnn_comparison.sh EOI_BINARY [REPEATS] > results.txt
#   EOI_BINARY: a Release build of src/Eoi.Cli (e.g. src/Eoi.Cli/bin/Release/net10.0/eoi)
set -euo pipefail
eoi=$(realpath "$1")
repeats=${2:-1}
here=$(dirname "$(realpath "$0")")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
# Debian's python3-torch, not a pyenv shim; it must report OpenBLAS (libopenblas0-pthread).
python=/usr/bin/python3
"$python" -c 'import torch; print(torch.__version__); print(torch.__config__.show())' | grep -E "^1\.|BLAS|MKL-DNN|OpenMP" || true
readlink -f /usr/lib/x86_64-linux-gnu/libblas.so.3
cases=("resnet 20 16 0.1" "resnet 20 16 1" "cifar-conv 8 64 0.1" "cifar-conv 8 64 1")
measure() { # label, command...: prints "label wall_s cpu_s peak_MB epoch_s"
    local label=$1; shift
    /usr/bin/time -f "%e %U %S %M" -o time.txt "$@" > out.txt 2>&1 || { cat out.txt; exit 1; }
    read -r wall user sys kb < time.txt
    local epoch
    epoch=$(grep -oE "epoch [0-9.]+ s|\| [0-9.]+ s$" out.txt | grep -oE "[0-9.]+" | tail -1)
    printf "%s wall %s cpu %.1f peakMB %d epoch %s load %s\n" "$label" "$wall" "$(echo "$user + $sys" | bc)" $((kb / 1024)) "$epoch" "$(cut -d' ' -f1 /proc/loadavg)"
}
for round in $(seq 1 "$repeats"); do
    for c in "${cases[@]}"; do
        read -r model depth width density <<< "$c"
        measure "torch $model-$depth w$width d$density" \
            env OMP_NUM_THREADS=2 OPENBLAS_NUM_THREADS=2 "$python" "$here/cnn_epoch.py" --quiet-config \
            --model "$model" --depth "$depth" --width "$width" --density "$density" --threads 2
        measure "eoi   $model-$depth w$width d$density" \
            "$eoi" train --model "$model" --depth "$depth" --width "$width" --density "$density" \
            --dataset sample --epochs 1 --no-jacobian -o "run-$round-$model-$density"
    done
done
