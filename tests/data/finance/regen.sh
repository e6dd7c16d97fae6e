#!/bin/sh
# Regenerates tests/data/finance/reference.csv: every case of cases.py is
# written as a spreadsheet formula, Gnumeric recalculates them all
# (ssconvert --recalc), and the results are joined back to the cases.
# Needs gnumeric (apt-get install gnumeric) and python3; the test suite
# itself only reads the committed reference.csv.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
if ! command -v ssconvert >/dev/null 2>&1; then
    echo "regen.sh: ssconvert not found; install gnumeric (apt-get install -y gnumeric)" >&2
    exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

python3 "$here/cases.py" formulas "$tmp/cases.txt" "$tmp/formulas.csv"
# One formula per line (quoted: formulas contain commas); raw values keep
# every digit of the results.
ssconvert --recalc -T Gnumeric_stf:stf_assistant -O 'format=raw separator=;' \
    "$tmp/formulas.csv" "$tmp/results.txt" 2>"$tmp/ssconvert.log" || {
    cat "$tmp/ssconvert.log" >&2
    exit 1
}
version=$(ssconvert --version | sed -n "s/^ssconvert version '\(.*\)'/\1/p")
python3 "$here/cases.py" join "$tmp/cases.txt" "$tmp/results.txt" \
    "Gnumeric $version" >"$tmp/reference.csv"
mv "$tmp/reference.csv" "$here/reference.csv"
echo "regen.sh: wrote $here/reference.csv ($(grep -vc '^#' "$here/reference.csv") cases, Gnumeric $version)"
