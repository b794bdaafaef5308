#!/usr/bin/env bash
# Runs on the GPU machine, from the repository root, with .gpu/ carried there (made by pack.sh).
# Usage: bash scripts/gpu/run-on-gpu.sh [tests|bench|all]   (default all)
# Everything it learns goes to $OUT (the folder the `run` tool brings back), one log per step; a failing step
# is recorded and the rest still run. The exit code is the number of failed steps.
set -uo pipefail
stage=${1:-all}
out=${OUT:-/tmp/eoi-gpu}
mkdir -p "$out" /tmp/dotnet
tar xJf .gpu/dotnet-runtime.tar.xz -C /tmp/dotnet
export DOTNET_ROOT=/tmp/dotnet PATH=/tmp/dotnet:$PATH DOTNET_CLI_TELEMETRY_OPTOUT=1
failed=0
step() { # step NAME COMMAND...: runs it, logs to $out/NAME.log, notes the outcome in $out/steps.txt
  local name=$1; shift
  local start=$SECONDS
  "$@" > "$out/$name.log" 2>&1
  local rc=$?
  echo "$name: exit $rc in $((SECONDS - start)) s" | tee -a "$out/steps.txt"
  [ $rc -eq 0 ] || failed=$((failed + 1))
}

# Where this machine keeps CUDA, for the record and for the fallback below.
{ nvidia-smi; ls -d /usr/local/cuda*/lib64 /usr/local/cuda*/targets/*/lib; ldconfig -p | grep -E 'libcuda\.|cublas|cusparse|nvrtc'; } > "$out/machine.txt" 2>&1

# The probe searches the usual places (src/Eoi.Cuda.Native/README.md). If it finds nothing there, point it
# at the toolkit's target folder and at the CUDA wheels next to PyTorch, then try once more.
dotnet .gpu/cli/eoi.dll devices --verbose > "$out/devices.log" 2>&1
if grep -q '^CUDA unavailable' "$out/devices.log"; then
  wheels=$(python3 -c 'import nvidia, os, glob; print(":".join(sorted(glob.glob(os.path.join(list(nvidia.__path__)[0], "*", "lib")))))' 2>/dev/null || true)
  toolkit=$(ls -d /usr/local/cuda*/targets/*/lib 2>/dev/null | paste -sd: -)
  folders="${toolkit}${toolkit:+${wheels:+:}}${wheels}"
  if [ -n "$folders" ]; then
    export EOI_CUDA_LIB_DIR="$folders"
    echo "default search failed; retrying with EOI_CUDA_LIB_DIR=$EOI_CUDA_LIB_DIR" | tee -a "$out/steps.txt"
    dotnet .gpu/cli/eoi.dll devices --verbose > "$out/devices.log" 2>&1
  fi
fi
head -1 "$out/devices.log" | tee -a "$out/steps.txt"

if [ "$stage" = tests ] || [ "$stage" = all ]; then
  step cuda-tests dotnet .gpu/cuda-tests/Eoi.Cuda.Tests.dll -noColor
  step conformance-tests dotnet .gpu/conformance-tests/Eoi.Backends.Conformance.Tests.dll -noColor
fi
if [ "$stage" = bench ] || [ "$stage" = all ]; then
  step bench-cuda dotnet .gpu/bench/Eoi.Benchmarks.Cuda.dll --csv "$out/bench-cuda.csv"
  step bench-torch python3 benchmarks/gpu/torch_baseline.py --csv "$out/bench-torch.csv"
fi
exit $failed
