#!/bin/sh
# SPDX-License-Identifier: MIT
# Checks the committed project schema against its source: regenerating
# schemas/teiforge.rng from ../shared's tei_all.rng and
# schemas/teiforge-elements.txt must give the committed file byte for byte,
# and the gold article must be valid against it for teiforge and for jing.
# Usage: committed_schema.sh TEIFORGE SOURCE_DIR SHARED_DIR OUT_DIR
set -u
cli=$1 src=$2 shared=$3 out=$4
tei_all=$shared/schemas-ref/tei_all.rng
gold=$shared/gold/caucasus-policy-1920s.tei.xml
sha=b0f115095ead2ccc6933aa3365c6f4a82cba3b2ec7eee7f76bb616d7a63b7e48

if [ ! -d "$shared" ]; then
	echo "skipped: ../shared not found ($shared)"
	exit 77
fi
if command -v sha256sum >/dev/null 2>&1; then
	got=$(sha256sum "$tei_all" | cut -d' ' -f1)
	if [ "$got" != "$sha" ]; then
		echo "FAIL: $tei_all is not TEI P5 4.12.0 tei_all.rng (sha256 $got)"
		exit 1
	fi
fi
"$cli" schema prune --keep "$src/schemas/teiforge-elements.txt" "$tei_all" \
	-o "$out/teiforge.rng" || exit 1
if ! cmp -s "$out/teiforge.rng" "$src/schemas/teiforge.rng"; then
	echo "FAIL: schemas/teiforge.rng is stale; regenerate it as schemas/README.md says"
	exit 1
fi
"$cli" validate "$gold" || { echo "FAIL: teiforge validate $gold"; exit 1; }
if command -v jing >/dev/null 2>&1; then
	if ! jing "$src/schemas/teiforge.rng" "$gold" >"$out/jing.log" 2>&1; then
		grep -v '^\[warning\]' "$out/jing.log"
		echo "FAIL: jing schemas/teiforge.rng $gold"
		exit 1
	fi
fi
echo "ok: schemas/teiforge.rng is up to date and accepts the gold article"
