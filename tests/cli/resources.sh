#!/bin/sh
# SPDX-License-Identifier: MIT
# The lexicons and gazetteers compiled in by the build (src/convert/
# resources.c) are only a faster way to the same data:
#   1. every bundled article converts to the same bytes with them as with
#      the TEI files read and indexed at run time (TEIFORGE_RESOURCES=files);
#   2. a data folder whose lexicon differs from the compiled one is read
#      from its files: an edit takes effect (English month names taken out
#      of a copy of en.xml are no longer dates);
#   3. a broken lexicon there is reported with its file and line, status 2.
#   resources.sh TEIFORGE SOURCE_DIR WORKDIR
set -u
tf=$1 src=$2 work=$3
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "resources: FAIL: $*" >&2; }
rm -rf "$work" && mkdir -p "$work"

for a in "$src"/tests/data/articles/*.txt; do
  n=$(basename "$a" .txt)
  TEIFORGE_DATADIR=$src "$tf" convert "$a" --date 2026-01-01 -o "$work/$n.blob.xml" 2>/dev/null
  TEIFORGE_DATADIR=$src TEIFORGE_RESOURCES=files \
    "$tf" convert "$a" --date 2026-01-01 -o "$work/$n.files.xml" 2>/dev/null
  if [ -s "$work/$n.blob.xml" ] && cmp -s "$work/$n.blob.xml" "$work/$n.files.xml"; then
    ok
  else
    bad "$n: compiled-in and file resources give different editions"
  fi
done

# a data folder of its own, with the English months taken out
data=$work/data
mkdir -p "$data"
cp -R "$src/tei" "$src/xslt" "$src/schemas" "$data/"
sed '/<list type="months">/,/<\/list>/d' "$src/tei/lexicon/en.xml" > "$data/tei/lexicon/en.xml"
en=$src/tests/data/articles/en-batumi-1919.en.txt
TEIFORGE_DATADIR=$data "$tf" convert "$en" --date 2026-01-01 -o "$work/en.edited.xml" 2>/dev/null
TEIFORGE_DATADIR=$src "$tf" convert "$en" --date 2026-01-01 -o "$work/en.xml" 2>/dev/null
months() { grep -o '<date[^>]*when="[0-9]\{4\}-[0-9][0-9]' "$1" | wc -l; }
if [ -s "$work/en.edited.xml" ] && [ "$(months "$work/en.edited.xml")" -lt "$(months "$work/en.xml")" ]; then
  ok
else
  bad "an edited lexicon did not take effect ($(months "$work/en.edited.xml") dates with a month, $(months "$work/en.xml") before)"
fi

# a broken lexicon in that folder: reported, not skipped
printf '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text>\n<body>\n' > "$data/tei/lexicon/en.xml"
TEIFORGE_DATADIR=$data "$tf" convert "$en" -o "$work/broken.xml" 2> "$work/broken.err"
st=$?
if [ $st -eq 2 ] && grep -q 'en.xml:[0-9]' "$work/broken.err" && [ ! -e "$work/broken.xml" ]; then
  ok
else
  bad "a broken lexicon: status $st, message: $(head -c 300 "$work/broken.err")"
fi
echo "resources: $pass passed, $fail failed"
[ $fail -eq 0 ]
