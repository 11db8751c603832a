#!/bin/sh
# SPDX-License-Identifier: MIT
# The article's edition in tei/ is what the converter makes of the bundled
# text: regenerate it and fail on any difference, so every change to the
# converter's output is reviewed as a diff of tei/.
#   edition.sh TEIFORGE ARTICLE.txt EDITION.xml WORKDIR [--update]
# With --update the edition is rewritten on purpose (review the diff).
set -u
tf=$1 article=$2 edition=$3 work=$4 mode=${5:-}
mkdir -p "$work"
if [ -f "$edition" ]; then
  date=$(sed -n 's/.*<change when="\([0-9-]*\)".*/\1/p' "$edition" | head -n 1)
else
  date=$(date -u +%Y-%m-%d)
fi
if ! "$tf" convert "$article" --date "$date" -o "$work/edition.xml"; then
  echo "edition: teiforge convert failed" >&2
  exit 1
fi
if [ "$mode" = --update ]; then
  cp "$work/edition.xml" "$edition"
  echo "edition: $edition rewritten; review it with git diff"
  exit 0
fi
if diff -u "$edition" "$work/edition.xml" > "$work/edition.diff"; then
  echo "edition: 1 passed, 0 failed"
  exit 0
fi
head -n 80 "$work/edition.diff" >&2
echo "edition: $edition differs from what the converter makes now." >&2
echo "If the change is intended, run: sh tests/cli/edition.sh $tf $article $edition $work --update" >&2
echo "edition: 0 passed, 1 failed"
exit 1
