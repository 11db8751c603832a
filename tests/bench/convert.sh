#!/bin/sh
# SPDX-License-Identifier: MIT
# Benchmark: converting the bundled article, the whole pipeline against the
# same pipeline without the names-and-dates pass (what the end-to-end work
# delivered), measured in the same run; prints times and the ratio.
#   tests/bench/convert.sh [BUILD_DIR] [RUNS]
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
tf=${1:-$here/build}/teiforge
runs=${2:-20}
article=$here/tests/data/articles/caucasus-policy-1920s.az.txt
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
[ -x "$tf" ] || { echo "build teiforge first (cmake --build build)"; exit 2; }

clock() { # prints seconds for $runs runs of the command
  s=$(date +%s.%N)
  i=0
  while [ $i -lt "$runs" ]; do "$@" >/dev/null 2>&1; i=$((i + 1)); done
  e=$(date +%s.%N)
  echo "$s $e" | awk '{printf "%.4f", ($2 - $1)}'
}
full=$(clock "$tf" convert "$article" -o "$out/a.xml")
base=$(clock "$tf" convert --no-entities "$article" -o "$out/b.xml")
echo "runs: $runs"
echo "convert (all passes)          $(echo "$full $runs" | awk '{printf "%.1f ms", 1000*$1/$2}')"
echo "convert --no-entities (peer)  $(echo "$base $runs" | awk '{printf "%.1f ms", 1000*$1/$2}')"
echo "ratio full / peer             $(echo "$full $base" | awk '{printf "%.2fx", $1/$2}')"
