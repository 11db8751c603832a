#!/bin/sh
# SPDX-License-Identifier: MIT
# Benchmark: converting the bundled article.  Peers, measured in the same
# run with the same input, in interleaved rounds:
#   - the converter the end-to-end issue delivered (commit 9b91c87, the
#     "issue 2" converter): built here from the project's own history into
#     a cache folder the first time (needs git history and a compiler);
#   - this build with --no-entities (everything but names and dates).
# Prints milliseconds per conversion and the ratios; with valgrind
# installed it also counts instructions (repeatable where times are not).
# Not a timed test: run it by hand on a quiet machine.
#   tests/bench/convert.sh [BUILD_DIR] [ROUNDS]
#   TF_BENCH_BASELINE=REV   another commit as the baseline peer
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$here/build}
case $build in /*) ;; *) build=$(pwd)/$build ;; esac
rounds=${2:-10}
per=10 # conversions per round and peer
tf=$build/teiforge
article=$here/tests/data/articles/caucasus-policy-1920s.az.txt
rev=${TF_BENCH_BASELINE:-9b91c87}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
[ -x "$tf" ] || { echo "build teiforge first (cmake --build build)"; exit 2; }

# The baseline: its source from git, built once, kept in the cache.
cache=${XDG_CACHE_HOME:-$HOME/.cache}/teiforge-bench/$rev
base=""
if [ -x "$cache/build/teiforge" ]; then
  base=$cache/build/teiforge
elif git -C "$here" cat-file -e "$rev^{commit}" 2>/dev/null; then
  echo "building the baseline converter ($rev) in $cache ..."
  rm -rf "$cache" && mkdir -p "$cache/src"
  git -C "$here" archive "$rev" | tar -x -C "$cache/src"
  if cmake -S "$cache/src" -B "$cache/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
       -DTF_WERROR=OFF >"$cache/build.log" 2>&1 &&
     cmake --build "$cache/build" --target teiforge_cli -j 2 >>"$cache/build.log" 2>&1; then
    base=$cache/build/teiforge
  else
    echo "the baseline did not build (see $cache/build.log)"
  fi
else
  echo "no git history with $rev here: the baseline peer is skipped"
fi

# $1 label, then the command; runs it $per times; prints seconds.
block() {
  s=$(date +%s.%N)
  i=0
  while [ $i -lt $per ]; do "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }; i=$((i + 1)); done
  e=$(date +%s.%N)
  echo "$s $e" | awk '{printf "%.6f", $2 - $1}'
}
run_head() { "$tf" convert "$article" -o "$out/head.xml"; }
run_noent() { "$tf" convert --no-entities "$article" -o "$out/noent.xml"; }
run_base() { TEIFORGE_DATADIR=$cache/src "$base" convert "$article" -o "$out/base.xml"; }

t_head=0 t_noent=0 t_base=0
r=0
while [ $r -lt "$rounds" ]; do
  [ -n "$base" ] && t_base=$(echo "$t_base $(block run_base)" | awk '{printf "%.6f", $1 + $2}')
  t_head=$(echo "$t_head $(block run_head)" | awk '{printf "%.6f", $1 + $2}')
  t_noent=$(echo "$t_noent $(block run_noent)" | awk '{printf "%.6f", $1 + $2}')
  r=$((r + 1))
done
n=$((rounds * per))
ms() { echo "$1 $n" | awk '{printf "%.1f ms", 1000 * $1 / $2}'; }
echo "conversions per peer: $n (in $rounds interleaved rounds)"
printf '%-44s %s\n' "teiforge convert (this build)" "$(ms "$t_head")"
printf '%-44s %s\n' "teiforge convert --no-entities" "$(ms "$t_noent")"
[ -n "$base" ] && printf '%-44s %s\n' "issue-2 converter ($rev)" "$(ms "$t_base")"
[ -n "$base" ] &&
  printf '%-44s %s\n' "ratio this build / issue-2 converter" "$(echo "$t_head $t_base" | awk '{printf "%.2fx", $1 / $2}')"
printf '%-44s %s\n' "ratio this build / --no-entities" "$(echo "$t_head $t_noent" | awk '{printf "%.2fx", $1 / $2}')"

# Instructions, when valgrind is there: the same figures without noise.
if command -v valgrind >/dev/null 2>&1; then
  count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
    sed -n 's/.*Collected : *\([0-9]*\).*/\1/p'; }
  i_head=$(count "$tf" convert "$article" -o "$out/head.xml")
  printf '%-44s %s\n' "instructions, this build" "$i_head"
  if [ -n "$base" ]; then
    i_base=$(TEIFORGE_DATADIR=$cache/src count "$base" convert "$article" -o "$out/base.xml")
    printf '%-44s %s\n' "instructions, issue-2 converter" "$i_base"
    printf '%-44s %s\n' "ratio" "$(echo "$i_head $i_base" | awk '{printf "%.2fx", $1 / $2}')"
  fi
fi
