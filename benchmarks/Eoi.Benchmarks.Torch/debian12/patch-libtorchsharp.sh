#!/usr/bin/env bash
# TorchSharp 0.107.0's libLibTorchSharp.so needs GLIBCXX_3.4.32 (libstdc++ 13) for exactly one symbol,
# std::ios_base_library_init; Debian 12 ships libstdc++ 12 (GLIBCXX_3.4.30), so torch fails to load.
# This patches the copy in this project's build output (never the NuGet cache): the symbol loses its
# version, the 3.4.32 requirement is pointed at 3.4.30, and a two-line shim supplies the symbol.
# Run after `dotnet build -c Release`, then run the benchmarks with --no-build and the LD_PRELOAD printed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
native=$(cd "$here/../bin/Release/net10.0/runtimes/linux-x64/native" && pwd)
command -v patchelf >/dev/null || { echo "patchelf is missing: apt-get install patchelf" >&2; exit 1; }
g++ -shared -fPIC -O2 -o "$native/libios_init_shim.so" "$here/ios_init_shim.cpp"
patchelf --clear-symbol-version _ZSt21ios_base_library_initv "$native/libLibTorchSharp.so"
python3 "$here/retarget_verneed.py" "$native/libLibTorchSharp.so"
echo "LD_PRELOAD=$native/libios_init_shim.so"
