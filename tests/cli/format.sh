#!/bin/sh
# SPDX-License-Identifier: MIT
# The C sources follow .clang-format (STYLE: formatting checked in CI).
#   format.sh SOURCE_DIR
set -u
cd "$1" || exit 2
if ! command -v clang-format >/dev/null 2>&1; then
  echo "skipped: clang-format not installed (run .ci/setup test)"
  exit 77
fi
files=$(git ls-files 'src/*.c' 'src/*.h' 'include/*.h' 'tests/*.c' 'tests/*.h' 2>/dev/null)
[ -n "$files" ] || files=$(find src include tests -name '*.[ch]')
if clang-format --dry-run --Werror $files 2>"${TMPDIR:-/tmp}/tf-format.$$"; then
  echo "format: 1 passed, 0 failed"
  rm -f "${TMPDIR:-/tmp}/tf-format.$$"
  exit 0
fi
head -n 40 "${TMPDIR:-/tmp}/tf-format.$$"
rm -f "${TMPDIR:-/tmp}/tf-format.$$"
echo "format: 0 passed, 1 failed (run: clang-format -i \$(git ls-files 'src/*.[ch]' 'include/*.h' 'tests/*.[ch]'))"
exit 1
