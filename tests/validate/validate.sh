#!/bin/sh
# SPDX-License-Identifier: MIT
# validate.sh TEIFORGE SRC_DIR SHARED_DIR WORK_DIR — "teiforge validate" as
# CI uses it:
#  1. the whole shared corpus, as the issue asks (--schema tei_all.rng
#     --xinclude -j 2 DIR): every verdict equals corpus/EXPECTED.tsv;
#  2. each edge case's message names line, column and what was expected;
#     no message names an empty element; an error past line 65,535 is
#     reported at its true line; the exit statuses 0/1/2;
#  3. the five formats hold the same diagnostics; the JUnit report is valid
#     against tests/validate/junit.xsd (xmllint), the SARIF report against
#     the SARIF 2.1.0 schema subset (node).
# Exits 77 (skipped) without ../shared.
set -u
TF=$1 SRC=$2 SHARED=$3 WORK=$4
T=$SRC/tests/validate
if [ ! -d "$SHARED/corpus" ]; then echo "skipped: ../shared not found"; exit 77; fi
RNG=$SHARED/schemas-ref/tei_all.rng
rm -rf "$WORK" && mkdir -p "$WORK" || exit 1
fail=0
ok() { echo "ok: $*"; }
bad() { echo "FAIL: $*"; fail=1; }

# 1. verdicts on the corpus
cd "$SHARED/corpus" || exit 1
"$TF" validate --schema "$RNG" --xinclude -j 2 --format json -o "$WORK/corpus.json" .
st=$?
[ $st -eq 1 ] && ok "corpus: exit status 1 (some invalid)" || bad "corpus: exit status $st, expected 1"
node "$T/verdicts.mjs" "$WORK/corpus.json" EXPECTED.tsv . && ok "corpus verdicts equal EXPECTED.tsv" ||
	bad "corpus verdicts differ"

# 2. messages
E=$SHARED/corpus/edgecases
"$TF" validate --schema "$RNG" -q "$E"/bad_*.xml > "$WORK/edge.txt"
for f in "$E"/bad_*.xml; do
	b=$(basename "$f")
	line=$(grep "^$E/$b:" "$WORK/edge.txt" | grep ': error:' | head -1)
	case $line in
	*:[1-9]*:[1-9]*:\ error:*expected*|*:[1-9]*:[1-9]*:\ error:*must\ be*) ok "$b: $(echo "$line" | cut -c1-160 | sed "s|^$E/||")" ;;
	*) bad "$b: no message with line, column and what was expected: $line" ;;
	esac
done
grep -q 'element ""\|elements ""\|attribute ""\|element , ' "$WORK/edge.txt" && bad "a message names an empty element" || ok "no empty names"
grep -c ': error:' "$WORK/edge.txt" | { read n; [ "$n" -eq 13 ] && ok "one message per edge case (13)" || bad "$n messages for 13 edge cases (cascades?)"; }
awk 'BEGIN{print "<?xml version=\"1.0\"?>"; print "<TEI xmlns=\"http://www.tei-c.org/ns/1.0\"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc></teiHeader>"; print "<text><body>"; for (i = 4; i <= 70000; i++) print "<p>line</p>"; print "<p><date when=\"2021-02-30\">x</date></p>"; print "</body></text></TEI>"}' > "$WORK/long.xml"
"$TF" validate --schema "$RNG" -q "$WORK/long.xml" > "$WORK/long.txt"
grep -q "long.xml:70001:28: error: value \"2021-02-30\" of attribute \"when\" is invalid" "$WORK/long.txt" &&
	ok "error past line 65,535 at its true line: $(cut -c1-90 "$WORK/long.txt" | sed 's|.*/||')" || bad "long file: $(cat "$WORK/long.txt")"
"$TF" validate --schema "$RNG" "$E/ok_plain.xml" > /dev/null; st=$?
[ $st -eq 0 ] && ok "valid file: exit 0" || bad "valid file: exit $st"
"$TF" validate --schema "$RNG" "$WORK/missing.xml" > /dev/null 2>&1; st=$?
[ $st -eq 2 ] && ok "unreadable file: exit 2" || bad "unreadable file: exit $st"
"$TF" validate --schema "$WORK/missing.rng" "$E/ok_plain.xml" > /dev/null 2>&1; st=$?
[ $st -eq 2 ] && ok "missing schema: exit 2" || bad "missing schema: exit $st"

# 3. formats: same diagnostics everywhere
for fmt in text json junit github sarif; do
	"$TF" validate --schema "$RNG" --format $fmt -q -o "$WORK/edge.$fmt" "$E"
done
n_text=$(grep -c ': \(error\|warning\|info\):' "$WORK/edge.text")
n_json=$(node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1]));console.log(r.files.reduce((a,f)=>a+f.diagnostics.length,0))' "$WORK/edge.json")
n_gh=$(grep -c '^::' "$WORK/edge.github")
n_sarif=$(node -e 'const r=JSON.parse(require("fs").readFileSync(process.argv[1]));console.log(r.runs[0].results.length)' "$WORK/edge.sarif")
n_junit=$(grep -c ': \(error\|warning\|info\):' "$WORK/edge.junit")
[ "$n_text" -gt 0 ] && [ "$n_text" = "$n_json" ] && [ "$n_text" = "$n_gh" ] && [ "$n_text" = "$n_sarif" ] && [ "$n_text" = "$n_junit" ] &&
	ok "five formats, $n_text diagnostics each" || bad "diagnostics per format: text $n_text json $n_json github $n_gh sarif $n_sarif junit $n_junit"
xmllint --noout --schema "$T/junit.xsd" "$WORK/edge.junit" && ok "JUnit report valid against junit.xsd" || bad "JUnit report invalid"
[ "$(grep -c '<failure' "$WORK/edge.junit")" -eq 13 ] && ok "JUnit: a failure per invalid file (13)" || bad "JUnit failures"
node "$T/check-sarif.mjs" "$T/sarif-2.1.0-subset.json" "$WORK/edge.sarif" && ok "SARIF valid" || bad "SARIF invalid"
grep -q '^::error file=.*bad_date_feb30.xml,line=4,col=28,title=rng::value' "$WORK/edge.github" && ok "github annotation form" || bad "github form"
exit $fail
