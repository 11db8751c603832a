#!/bin/sh
# SPDX-License-Identifier: MIT
# Render tests: run `teiforge render` on a TEI file and assert properties
# of the output (not golden bytes, so that wording and layout may evolve).
#
#   run.sh BINARY CHECK INPUT.xml
#
# CHECK is one of html, text, bibtex, ris, csl-json, sources (fixture
# checks) or words (any TEI file).  Needs node
# (JSON parsing, word sets) and xmllint.  Exit 0 = pass, 77 = skipped.
set -u
bin=$1 check=$2 input=$3
[ -f "$input" ] || { echo "SKIP: $input not found"; exit 77; }
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
failed=0

fail() { echo "FAIL [$check]: $*"; failed=1; }
has() { grep -qF -- "$2" "$1" || fail "$1 lacks: $2"; }
render() { # FORMAT OUT [--sources]
	"$bin" render --to "$1" ${3:-} "$input" -o "$2" || { echo "FAIL: render --to $1 exited $?"; exit 1; }
}

# Every word (run of letters/digits) of the TEI <text> and of the titles
# must be in $1.  Tags join what they separate (an entity may cover part of
# a word) except notes, which the renderers move away from the word.
words_kept() {
	{ sed -n '/<titleStmt>/,/<\/titleStmt>/p' "$input" | grep '<title[ >]'
	  sed -n '/<text[ >]/,/<\/text>/p' "$input"; } |
		sed 's/<note[ >][^>]*>/ /g; s/<\/note>/ /g; s/<[^>]*>//g;
		     s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&amp;/\&/g' >"$tmp/tei.txt"
	node -e '
		const fs = require("fs");
		const words = s => new Set(s.match(/[\p{L}\p{N}]+/gu) || []);
		const want = words(fs.readFileSync(process.argv[1], "utf8"));
		const got = words(fs.readFileSync(process.argv[2], "utf8"));
		const lost = [...want].filter(w => !got.has(w));
		if (lost.length) { console.log("lost words:", lost.slice(0, 20).join(" ")); process.exit(1); }
	' "$tmp/tei.txt" "$1" || fail "words lost in $check output"
}

case $check in
html)
	render html "$tmp/a.html"
	render html "$tmp/b.html"
	cmp -s "$tmp/a.html" "$tmp/b.html" || fail "html output differs between two runs"
	head -c 15 "$tmp/a.html" | grep -q '^<!DOCTYPE html>' || fail "no <!DOCTYPE html> first"
	for s in '<html lang="az"' 'charset=utf-8' 'name="viewport"' '<title>' '<header>' '<main id="main">' '<nav' \
		'id="note-2"' 'href="#noteref-2"' 'href="#note-1" id="noteref-1" class="noteref"' \
		'id="p45"' '[45]' 'class="nm persName"' 'class="nm placeName"' 'data-when="1920-06"' \
		'lang="ru"' 'lang="en"' '<h1 lang="az">' 'Шелководство' 'Məmmədova' 'class="abstract"'; do
		has "$tmp/a.html" "$s"
	done
	[ "$(grep -o '<h1' "$tmp/a.html" | wc -l)" -eq 1 ] || fail "not exactly one h1"
	if grep -Eq '<(link|script|img)[^>]*(src|href)="https?:' "$tmp/a.html"; then fail "remote asset"; fi
	words_kept "$tmp/a.html"
	;;
text)
	render text "$tmp/a.txt"
	words_kept "$tmp/a.txt"
	node -e '
		const t = require("fs").readFileSync(process.argv[1], "utf8").split("\n");
		const long = t.filter(l => [...l].length > 72 && /\s/.test(l));
		if (long.length) { console.log("lines over 72 columns:", long[0]); process.exit(1); }
	' "$tmp/a.txt" || fail "wrapping"
	has "$tmp/a.txt" 'oldu.[1]'
	grep -q '^\[2\] ' "$tmp/a.txt" || fail "note 2 not listed at the end"
	;;
bibtex)
	render bibtex "$tmp/a.bib"
	grep -Eq '^@article\{[a-z0-9-]+,$' "$tmp/a.bib" || fail "no @article with an ASCII key"
	for s in 'author = {Məmmədova, Aysel and Петров, Ivan},' 'title = {Şəkidə ipəkçilik və “Kür” şirkəti},' \
		'journaltitle = {Tarix və Mədəniyyət 100\% "Jurnal"},' 'pages = {45--55},' 'volume = {3},' \
		'number = {2},' 'date = {2021},' 'doi = {10.1234/tf_test.2021.3},' 'langid = {azerbaijani},' \
		'\& the \{Kur\} company' 'Шелководство в Шеки'; do
		has "$tmp/a.bib" "$s"
	done
	;;
ris)
	render ris "$tmp/a.ris"
	for s in 'TY  - JOUR' 'AU  - Məmmədova, Aysel' 'AU  - Петров, Ivan' 'T2  - Tarix' 'PY  - 2021' \
		'VL  - 3' 'IS  - 2' 'SP  - 45' 'EP  - 55' 'DO  - 10.1234/tf_test.2021.3' 'LA  - az' 'KW  - Şəki' 'ER  -'; do
		has "$tmp/a.ris" "$s"
	done
	[ "$(grep -c "$(printf '\r')\$" "$tmp/a.ris")" -eq "$(wc -l <"$tmp/a.ris")" ] || fail "line ends not all CR LF"
	grep -Ev '^[A-Z][A-Z0-9]  - ' "$tmp/a.ris" | grep -q . && fail "line not in TAG  - value form"
	;;
csl-json)
	render csl-json "$tmp/a.json"
	node -e '
		const a = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
		const i = a[0], ok = a.length === 1 && i.type === "article-journal" &&
			i.title === "Şəkidə ipəkçilik və “Kür” şirkəti" && i.author.length === 2 &&
			i.author[0].family === "Məmmədova" && i.author[0].given === "Aysel" &&
			i["container-title"] === "Tarix və Mədəniyyət 100% \"Jurnal\"" && i.page === "45-55" &&
			i.issued["date-parts"][0][0] === 2021 && i.DOI === "10.1234/tf_test.2021.3" &&
			i.language === "az" && !("original-title" in i) && /^[a-z0-9-]+$/.test(i.id);
		if (!ok) { console.log(JSON.stringify(i, null, 1)); process.exit(1); }
	' "$tmp/a.json" || fail "csl-json item wrong"
	;;
sources)
	render csl-json "$tmp/s.json" --sources
	node -e '
		const a = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
		const ids = new Set(a.map(i => i.id));
		if (a.length < 2 || ids.size !== a.length) { console.log(JSON.stringify(a)); process.exit(1); }
	' "$tmp/s.json" || fail "sources: not one record per cited work, or duplicate ids"
	render bibtex "$tmp/s.bib" --sources
	[ "$(grep -c '^@' "$tmp/s.bib")" -ge 2 ] || fail "sources: fewer than two bibtex entries"
	render ris "$tmp/s.ris" --sources
	[ "$(grep -c '^ER  -' "$tmp/s.ris")" -ge 2 ] || fail "sources: fewer than two RIS records"
	;;
words)
	# Any TEI file: html and text render and keep every word.
	render html "$tmp/a.html"
	words_kept "$tmp/a.html"
	render text "$tmp/a.txt"
	words_kept "$tmp/a.txt"
	;;
*)
	echo "unknown check $check"; exit 2 ;;
esac
[ $failed -eq 0 ] && echo "ok [$check] $input"
exit $failed
