#!/bin/sh
# SPDX-License-Identifier: MIT
# Checks that need ../shared (the reference encoding, its scorer and the
# official TEI schema): the edition's scores hold the figures the project
# promised, and jing accepts it against tei_all.  Without ../shared the
# test says so and is skipped (exit 77).
#   shared.sh TEIFORGE SHARED_DIR EDITION.xml
set -u
tf=$1 shared=$2 edition=$3
if [ ! -d "$shared/gold" ]; then
  echo "skipped: $shared not found (the reference encoding lives there)"
  exit 77
fi
fail=0
gold="$shared/gold/caucasus-policy-1920s.tei.xml"
"$shared/tools/teiscore" "$gold" "$edition" \
  --require fidelity.recall\>=0.995 --require fidelity.precision\>=0.995 \
  --require notes.found\>=1 --require notes.anchored\>=1 --require notes.content\>=1 \
  --require structure.paragraphs.f1\>=0.95 --require structure.heads.f1\>=1 \
  --require structure.pages.f1\>=0.95 --require structure.abstract_langs\>=1 || fail=1
if command -v jing >/dev/null 2>&1; then
  if jing "$shared/schemas-ref/tei_all.rng" "$edition" 2>/dev/null; then
    echo "valid against tei_all (jing)"
  else
    jing "$shared/schemas-ref/tei_all.rng" "$edition" 2>/dev/null | head -n 5
    echo "FAIL: not valid against tei_all (jing)"
    fail=1
  fi
else
  echo "FAIL: jing not installed (run .ci/setup test)"
  fail=1
fi
"$tf" validate "$edition" || fail=1
if [ $fail -eq 0 ]; then echo "shared: 1 passed, 0 failed"; else echo "shared: 0 passed, 1 failed"; fi
exit $fail
