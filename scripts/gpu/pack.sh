#!/usr/bin/env bash
# Packs what a GPU session needs into .gpu/ (see scripts/gpu/README.md): the .NET runtime, and framework-dependent
# Release builds of the backend conformance tests, the CUDA interop tests, the CLI and the CUDA benchmarks.
# Run it here, from anywhere in the repository, then carry .gpu to the GPU machine and run run-on-gpu.sh there
# (scripts/gpu/README.md has the exact `run` call). .gpu/ is ignored by git and must stay under 64 MiB.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
out=.gpu
mkdir -p "$out"

# The runtime changes rarely and takes a minute to compress: pack it once per runtime version.
runtime=$(dotnet --list-runtimes | awk '/^Microsoft.NETCore.App /{v=$2} END{print v}')
# The host (dotnet, host/) and Microsoft.NETCore.App, no SDK: about 26 MB compressed.
if [ "$(cat "$out/runtime-version" 2>/dev/null)" != "$runtime" ]; then
  [ -n "$runtime" ] || { echo "error: no Microsoft.NETCore.App runtime found" >&2; exit 1; }
  dotnet_root=$(dirname "$(readlink -f "$(command -v dotnet)")")
  tar -C "$dotnet_root" -cf - dotnet host "shared/Microsoft.NETCore.App/$runtime" | xz -T0 -6 > "$out/dotnet-runtime.tar.xz.tmp"
  mv "$out/dotnet-runtime.tar.xz.tmp" "$out/dotnet-runtime.tar.xz"
  echo "$runtime" > "$out/runtime-version"
fi

# linux-x64 only, so packages with native assets (the CLI's plotting) bring one platform's, not all of them.
build() { rm -rf "${out:?}/$2"; dotnet build "$1" -c Release -r linux-x64 --self-contained false -o "$out/$2" -v quiet -nologo; }
build tests/Eoi.Backends.Conformance.Tests conformance-tests
build tests/Eoi.Cuda.Tests cuda-tests
build benchmarks/Eoi.Benchmarks.Cuda bench
rm -rf "$out/cli"
dotnet publish src/Eoi.Cli -c Release -r linux-x64 --self-contained false -o "$out/cli" -v quiet -nologo
find "$out" -name '*.pdb' -delete

size=$(du -sm "$out" | cut -f1)
echo "packed $out: ${size} MiB"
if [ "$size" -ge 64 ]; then echo "error: $out is ${size} MiB; the GPU machine takes at most 64 MiB" >&2; exit 1; fi
