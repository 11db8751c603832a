#!/bin/sh
# SPDX-License-Identifier: MIT
# usage: render.sh TEIFORGE TEI.xml OUTDIR NAME
# The fixture of the js tests for a hand-written TEI file: copies it to
# OUTDIR/NAME.xml and renders it there to NAME.html, .bib, .ris and .json
# with `teiforge render` (what `teiforge build` does after converting).
# Starts from an empty OUTDIR so that no stale output can pass a test.
set -eu
cli=$1 tei=$2 out=$3 name=$4
rm -rf "$out"
mkdir -p "$out"
cp "$tei" "$out/$name.xml"
status=0
for f in html:html bibtex:bib ris:ris csl-json:json; do
  if ! "$cli" render --to "${f%%:*}" "$out/$name.xml" -o "$out/$name.${f#*:}"; then
    echo "render.sh: teiforge render --to ${f%%:*} failed" >&2
    status=1
  fi
done
exit $status
