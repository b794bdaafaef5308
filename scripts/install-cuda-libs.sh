#!/usr/bin/env bash
# Installs CUDA 11.8's run-time libraries from Debian 12's non-free component, for a machine without its own
# CUDA toolkit (a CI runner, a laptop without an NVIDIA GPU). With them the CUDA tests that need no device
# run for real: every kernel module compiled by NVRTC, every [LibraryImport] entry point resolved in its
# library, and the no-device path (cuInit = CUDA_ERROR_NO_DEVICE) of the probe, `eoi devices` and `eoi train`.
# On a GPU machine with NVIDIA's own driver and toolkit you do not need this script, and should not run it:
# Debian's libcuda1 would compete with the installed driver.
#
#   libnvrtc11.2    NVRTC 11.8 (libnvrtc.so.11.2): compiles the kernels; supports up to sm_90 (H100/H200)
#   libcuda1        the driver's user-space library (libcuda.so.1, driver 535); no kernel module needed
#   libcublas11     cuBLAS 11 (libcublas.so.11)             \ large (several hundred MB installed); left out
#   libcusparse11   cuSPARSE 11 (libcusparse.so.11)         / by --minimal
#   libcudart11.0   the CUDA runtime (libcudart.so.11.0), which cuBLAS and cuSPARSE load
#
# Idempotent: the sources file is written only when missing or different, the package lists are refreshed
# only when it was (or a package is not yet known to apt), and only packages not yet installed are installed.
# Needs root (apt). Debian 12 (bookworm) only: other releases carry other CUDA versions.
#
# usage: scripts/install-cuda-libs.sh [--minimal]
#   --minimal   only libnvrtc11.2 and libcuda1: enough for the kernel compile and no-device tests
set -euo pipefail

say() { echo "install-cuda-libs: $*"; }
die() { echo "install-cuda-libs: error: $*" >&2; exit 1; }

packages=(libnvrtc11.2 libcuda1 libcublas11 libcusparse11 libcudart11.0)
case "${1:-}" in
  "") ;;
  --minimal) packages=(libnvrtc11.2 libcuda1) ;;
  *) die "unknown argument '$1'; the only option is --minimal" ;;
esac

[ "$(id -u)" = 0 ] || die "needs root (it runs apt-get); try: sudo $0 $*"
. /etc/os-release
[ "${VERSION_CODENAME:-}" = bookworm ] || die "made for Debian 12 (bookworm); this is ${PRETTY_NAME:-an unknown system}"

sources=/etc/apt/sources.list.d/eoi-cuda-non-free.sources
wanted=$(cat <<'EOF'
# Written by Eoi.Reference's scripts/install-cuda-libs.sh: Debian's contrib and non-free components, where
# NVIDIA's CUDA 11.8 libraries live (main stays in debian.sources).
Types: deb
URIs: http://deb.debian.org/debian
Suites: bookworm bookworm-updates
Components: contrib non-free
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: http://deb.debian.org/debian-security
Suites: bookworm-security
Components: contrib non-free
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
)

apt_get() { DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 "$@"; }
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'; }
known() { apt-cache show "$1" >/dev/null 2>&1; }

refresh=false
if [ ! -f "$sources" ] || [ "$(cat "$sources")" != "$wanted" ]; then
  say "adding the contrib and non-free components ($sources)"
  printf '%s\n' "$wanted" >"$sources.tmp" && mv "$sources.tmp" "$sources"
  refresh=true
fi

missing=()
for package in "${packages[@]}"; do
  installed "$package" || missing+=("$package")
done
if [ ${#missing[@]} = 0 ]; then
  say "already installed: ${packages[*]}"
  exit 0
fi
for package in "${missing[@]}"; do
  known "$package" || refresh=true
done

if $refresh; then
  say "refreshing the package lists"
  apt_get update -qq
fi
say "installing ${missing[*]}"
apt_get install -y -qq --no-install-recommends "${missing[@]}"
for package in "${missing[@]}"; do
  installed "$package" || die "$package did not install"
done
say "installed: ${packages[*]}"
