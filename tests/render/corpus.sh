#!/bin/sh
# SPDX-License-Identifier: MIT
# Every real TEI file of the shared corpus renders as html and as latex
# without failing, and keeps every word of its <text> (an element without
# a rule still shows its text).  Files that are not well-formed XML (the
# corpus's edge cases) are not TEI documents to render and are counted
# apart.  Skipped (77) when the corpus is absent.
#
#   corpus.sh TEIFORGE CORPUS_DIR [JOBS]
set -u
bin=$1 corpus=$2 jobs=${3:-2}
[ -d "$corpus" ] || { echo "SKIP: $corpus not found"; exit 77; }
command -v node >/dev/null || { echo "FAIL: node not found (run .ci/setup test)"; exit 1; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
export bin tmp
find "$corpus" -name '*.xml' | sort >"$tmp/files"
start=$(date +%s)
# one line per file: "ok FILE WORDS", "fail FILE WHY" or "notxml FILE"
xargs -P "$jobs" -I{} sh -c '
	f=$1; b=$tmp/$(echo "$f" | tr / _)
	if ! xmllint --noout --nonet "$f" 2>/dev/null; then echo "notxml $f"; exit 0; fi
	for to in html latex; do
		"$bin" render --to $to "$f" -o "$b.$to" 2>"$b.err" || { echo "fail $f render --to $to: $(head -c 300 "$b.err")"; exit 0; }
	done
	n=$(node "$(dirname "$0")/words-kept.mjs" "$f" "$b.html" "$b.latex") ||
		{ echo "fail $f words lost: $(echo "$n" | sed "s|^$tmp/||" | tr "\n" " " | head -c 600)"; exit 0; }
	echo "ok $f $n"; rm -f "$b".*
' "$(dirname "$0")/corpus.sh" {} <"$tmp/files" >"$tmp/results"
secs=$(( $(date +%s) - start ))
grep '^fail' "$tmp/results"
ok=$(grep -c '^ok' "$tmp/results") bad=$(grep -c '^fail' "$tmp/results") nx=$(grep -c '^notxml' "$tmp/results")
words=$(awk '$1 == "ok" { n += $3 } END { print n + 0 }' "$tmp/results")
echo "corpus: $ok rendered as html and latex with every word kept ($words distinct words per file, summed), $bad failed, $nx not well-formed XML (not rendered), ${secs}s with $jobs jobs"
[ "$bad" -eq 0 ]
