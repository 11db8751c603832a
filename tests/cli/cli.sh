#!/bin/sh
# SPDX-License-Identifier: MIT
# Behaviour of the teiforge command line as a user meets it: help and
# version, exit statuses, clear messages naming file, line and column, "-"
# for standard input and output, outputs written whole or not at all, input
# files never modified.
#   cli.sh TEIFORGE ARTICLE.txt WORKDIR
set -u
tf=$1
article=$2
work=$3
rm -rf "$work" && mkdir -p "$work"
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }

# expect STATUS DESCRIPTION -- command...   (stderr kept in $work/err)
expect() {
  want=$1; what=$2; shift 3
  "$@" >"$work/out" 2>"$work/err"
  got=$?
  if [ "$got" -eq "$want" ]; then ok; else bad "$what: exit $got, want $want"; cat "$work/err" >&2; fi
}
grep_err() {
  if grep -q -- "$1" "$work/err"; then ok; else bad "stderr lacks '$1':"; cat "$work/err" >&2; fi
}
grep_out() {
  if grep -q -- "$1" "$work/out"; then ok; else bad "stdout lacks '$1'"; fi
}

expect 0 "--version" -- "$tf" --version
grep_out "^teiforge [0-9]"
expect 0 "--help" -- "$tf" --help
grep_out "convert"
for c in convert validate render build; do
  expect 0 "$c --help" -- "$tf" $c --help
  grep_out "Usage: teiforge $c"
  grep_out "Exit status"
done
expect 2 "no command" -- "$tf"
expect 2 "unknown command" -- "$tf" frobnicate
grep_err "unknown command 'frobnicate'"
expect 2 "unknown option" -- "$tf" convert --frob "$article"
grep_err "unknown option '--frob'"
expect 2 "missing option value" -- "$tf" convert "$article" -o
grep_err "needs a value"

# convert: the article, to a file and to stdout
cp "$article" "$work/article.txt"
sum_before=$(cksum < "$work/article.txt")
expect 0 "convert article" -- "$tf" convert "$work/article.txt" -o "$work/a.xml" --date 2026-01-01
[ "$(cksum < "$work/article.txt")" = "$sum_before" ] && ok || bad "input file modified"
xmllint --noout "$work/a.xml" 2>/dev/null && ok || bad "output not well-formed"
expect 0 "convert to stdout" -- "$tf" convert "$work/article.txt" --date 2026-01-01
cmp -s "$work/out" "$work/a.xml" && ok || bad "stdout output differs from -o output"
expect 0 "convert from stdin" -- sh -c "'$tf' convert - --date 2026-01-01 < '$work/article.txt'"
grep_out "<TEI"
# the review sheet: a row for every name and date of the text, those the
# reference parser made in the notes (authors, publishers) too
expect 0 "convert with a review sheet" -- "$tf" convert "$work/article.txt" --date 2026-01-01 \
  -o "$work/r.xml" --entities "$work/r.tsv"
names=$(xmllint --xpath "count(//*[local-name()='text']//*[local-name()='persName' or \
  local-name()='orgName' or local-name()='placeName' or local-name()='date'])" \
  "$work/r.xml" 2>/dev/null)
rows=$(($(wc -l < "$work/r.tsv") - 1))
[ "$rows" = "$names" ] && ok || bad "review sheet has $rows rows for $names names and dates"
grep -q "	reference$" "$work/r.tsv" && ok || bad "review sheet lacks the names of references"

# bad inputs: clear message, exit 1, nothing written
: > "$work/empty.txt"
expect 1 "empty input" -- "$tf" convert "$work/empty.txt" -o "$work/x.xml"
grep_err "empty input"
printf 'PK\003\004\000\000binary\000data' > "$work/bin.txt"
expect 1 "binary input" -- "$tf" convert "$work/bin.txt" -o "$work/x.xml"
grep_err "binary input"
printf 'Good words on the first line\nbad \377 byte here\n' > "$work/latin1.txt"
expect 1 "invalid UTF-8" -- "$tf" convert "$work/latin1.txt" -o "$work/x.xml"
grep_err "latin1.txt:2:5: invalid UTF-8"
printf 'name,value\na,1\nb,2\n' > "$work/data.csv"
expect 1 "not an article" -- "$tf" convert "$work/data.csv" -o "$work/x.xml"
grep_err "not an article"
[ ! -e "$work/x.xml" ] && ok || bad "an output was written for bad input"
expect 2 "missing file" -- "$tf" convert "$work/nope.txt" -o "$work/x.xml"
grep_err "nope.txt: cannot open"
mkdir -p "$work/ro" && chmod 555 "$work/ro"
if [ "$(id -u)" -ne 0 ]; then
  expect 2 "unwritable output" -- "$tf" convert "$work/article.txt" -o "$work/ro/a.xml"
  grep_err "cannot write"
fi
expect 2 "output into a missing folder" -- "$tf" convert "$work/article.txt" -o "$work/missing/dir/a.xml"
grep_err "cannot write"
ls "$work/missing" >/dev/null 2>&1 && bad "folder created for a failed output" || ok
ls "$work"/*.tmp* >/dev/null 2>&1 && bad "temporary file left behind" || ok

# a broken metadata file is reported with its line and column
printf 'title: ok\nauthors: [unclosed\n' > "$work/bad.yaml"
expect 1 "bad YAML" -- "$tf" convert "$work/article.txt" --meta "$work/bad.yaml" -o "$work/x.xml"
grep_err "bad.yaml:[0-9]*:[0-9]*:"

# validate: the converted article is valid; a broken copy is reported
expect 0 "validate article" -- "$tf" validate "$work/a.xml"
sed 's|<body>|<body><bogus/>|' "$work/a.xml" > "$work/broken.xml"
expect 1 "validate broken copy" -- "$tf" validate "$work/broken.xml"
grep_out "broken.xml:[0-9][0-9]*:[0-9][0-9]*: error: "
sed 's|</body>|</bod>|' "$work/a.xml" > "$work/malformed.xml"
expect 1 "validate malformed copy" -- "$tf" validate "$work/malformed.xml"
grep_out "malformed.xml:[0-9][0-9]*:[0-9][0-9]*: error: "
expect 2 "validate missing file" -- "$tf" validate "$work/nope.xml"
expect 2 "validate with a missing schema" -- "$tf" validate --schema "$work/nope.rng" "$work/a.xml"
# no network, no external entities: an entity pointing at a file is not read
printf '<?xml version="1.0"?>\n<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<TEI xmlns="http://www.tei-c.org/ns/1.0">&x;</TEI>\n' > "$work/xxe.xml"
"$tf" render --to text "$work/xxe.xml" > "$work/out" 2>"$work/err"
grep -q "root:" "$work/out" && bad "external entity was expanded" || ok

# render: every format, to a file and to stdout
for f in html text bibtex ris csl-json; do
  expect 0 "render $f" -- "$tf" render --to $f "$work/a.xml" -o "$work/a.$f"
  [ -s "$work/a.$f" ] && ok || bad "render $f wrote nothing"
done
expect 2 "render unknown format" -- "$tf" render --to docx "$work/a.xml"
grep_err "unknown format 'docx'"
expect 2 "render without --to" -- "$tf" render "$work/a.xml"
expect 1 "render malformed input" -- "$tf" render --to html "$work/malformed.xml" -o "$work/m.html"
[ ! -e "$work/m.html" ] && ok || bad "render wrote output for malformed input"

# build: everything into a folder
expect 0 "build" -- "$tf" build "$work/article.txt" -o "$work/out-dir"
for e in xml html txt bib ris json; do
  [ -s "$work/out-dir/article.$e" ] && ok || bad "build did not write article.$e"
done
grep_out "out-dir/article.html"
expect 2 "build without -o" -- "$tf" build "$work/article.txt"

chmod 755 "$work/ro"
echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
