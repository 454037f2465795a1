#!/usr/bin/env bash
# `marsad eval dates` with a team-written spec file and out-of-scope list:
# the in_scope column leaves out only the listed cases, a listed case that is
# read correctly and a line that matches nothing are reported as stale, and a
# malformed line is named with its file and line number.
set -euo pipefail
marsad=$1
fixtures=$2
out=$("$marsad" eval dates --specs "$fixtures/dates_specs" --wojood /nonexistent \
        --out-of-scope "$fixtures/dates_out_of_scope.tsv")
echo "$out"
expect() {
  if ! grep -qF -- "$1" <<<"$out"; then
    echo "FAIL: expected a line containing: $1" >&2
    exit 1
  fi
}
# 4 cases; 2 read right (the full date, أمس); the bare day and 2015.3 are
# not. In scope: the full date (right) and 2015.3 (wrong) = 1/2.
expect "DateParser.json                   4        4"
expect "2  50.0%    1/2    50.0%"
expect "stale out-of-scope line: DateParser.json case 2 'أمس' (refused) is now read correctly"
expect "stale out-of-scope line: DateParser.json case 7 'غدا' matches no expected expression"
expect "dates_out_of_scope.tsv:6: malformed line"
expect "in_scope leaves out 2 listed case(s)"
