#!/bin/sh
# SPDX-License-Identifier: MIT
# tests/bench/validate.sh [TEIFORGE] — the corpus of ../shared against TEI
# P5 tei_all, in one run: teiforge (pruned per batch, 2 threads), xmllint
# (one process) and jing (one JVM), all with XInclude; prints wall times,
# the ratios to jing and the verdict counts.  Not a timed test: run it by
# hand on a quiet machine (other load skews every figure).
set -u
HERE=$(cd "$(dirname "$0")" && pwd)
TF=${1:-$HERE/../../build/teiforge}
case $TF in /*) ;; *) TF=$(pwd)/$TF ;; esac  # the script changes folder below
SHARED=$HERE/../../../shared
RNG=$SHARED/schemas-ref/tei_all.rng
cd "$SHARED/corpus" || { echo "skipped: ../shared not found"; exit 77; }
FILES=$(grep -v '^#' EXPECTED.tsv | tail -n +2 | cut -f1)
OUT=${TMPDIR:-/tmp}/tf-bench.$$
mkdir -p "$OUT"
run_tf() { "$TF" validate --schema "$RNG" --xinclude -j 2 -c off -q . > "$OUT/tf.txt"; }
run_tfc() { "$TF" validate --schema "$RNG" --xinclude -j 2 -q . > "$OUT/tfc.txt"; }
run_jing() { jing "$RNG" $FILES > "$OUT/jing.txt" 2>&1; }
run_xmllint() { xmllint --noout --xinclude --relaxng "$RNG" $FILES > "$OUT/xmllint.txt" 2>&1; }
t() { s=$(date +%s.%N); "$@"; e=$(date +%s.%N); echo "$e - $s" | bc; }
tf=$(t run_tf)
tfc=$(t run_tfc)
jing=$(t run_jing)
xl=$(t run_xmllint)
n=$(echo "$FILES" | wc -l)
inv_tf=$(grep ': error:' "$OUT/tf.txt" | cut -d: -f1 | sort -u | wc -l)
inv_jing=$(grep ': error:' "$OUT/jing.txt" | sed 's|^.*/corpus/||' | cut -d: -f1 | sort -u | wc -l)
inv_xl=$(grep -c 'fails to validate' "$OUT/xmllint.txt")
printf '%-46s %8s %9s %8s\n' "validator ($n files, tei_all, XInclude)" "seconds" "vs jing" "invalid"
printf '%-46s %8.2f %8.2fx %8s\n' "teiforge -j 2 (RelaxNG only)" "$tf" "$(echo "$tf / $jing" | bc -l)" "$inv_tf"
printf '%-46s %8.2f %8.2fx %8s\n' "teiforge -j 2 (+ TEI constraints, default)" "$tfc" "$(echo "$tfc / $jing" | bc -l)" "$inv_tf"
printf '%-46s %8.2f %8.2fx %8s\n' "jing, one JVM" "$jing" 1 "$inv_jing"
printf '%-46s %8.2f %8.2fx %8s\n' "xmllint --relaxng, one process" "$xl" "$(echo "$xl / $jing" | bc -l)" "$inv_xl"
rm -rf "$OUT"
