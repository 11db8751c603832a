#!/bin/sh
# SPDX-License-Identifier: MIT
# The converter on articles it was not built around: each test article in
# tests/data/articles with a hand-made reference in tests/data/gold is
# converted and scored with ../shared/tools/teiscore; names and dates must
# reach entities F1 >= 0.85, text and notes must be kept.  Without
# ../shared (the scorer) the test says so and is skipped (exit 77).
#   articles.sh TEIFORGE SOURCE_DIR SHARED_DIR WORKDIR
set -u
tf=$1 src=$2 shared=$3 work=$4
if [ ! -x "$shared/tools/teiscore" ]; then
  echo "skipped: $shared/tools/teiscore not found (the scorer lives in ../shared)"
  exit 77
fi
mkdir -p "$work"
pass=0 fail=0
for gold in "$src"/tests/data/gold/*.tei.xml; do
  stem=$(basename "$gold" .tei.xml)
  txt=$(ls "$src"/tests/data/articles/"$stem".*.txt 2>/dev/null | head -n 1)
  [ -n "$txt" ] || continue
  if ! "$tf" convert "$txt" -o "$work/$stem.xml" 2>"$work/$stem.err"; then
    echo "FAIL: $stem: convert failed"; cat "$work/$stem.err"; fail=$((fail + 1)); continue
  fi
  if "$shared/tools/teiscore" "$gold" "$work/$stem.xml" \
       --require entities.all.f1\>=0.85 --require fidelity.recall\>=0.99 \
       --require fidelity.precision\>=0.99 --require notes.found\>=1 \
       --require notes.anchored\>=1 > "$work/$stem.score"; then
    echo "$stem: $(grep '^all' "$work/$stem.score")"
    pass=$((pass + 1))
  else
    echo "FAIL: $stem"; cat "$work/$stem.score"; fail=$((fail + 1))
  fi
  "$tf" validate -q "$work/$stem.xml" || { echo "FAIL: $stem: not valid"; fail=$((fail + 1)); }
done
echo "articles: $pass passed, $fail failed"
[ "$fail" -eq 0 ] && [ "$pass" -gt 0 ]
