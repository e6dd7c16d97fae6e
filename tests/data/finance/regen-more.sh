#!/bin/sh
# Regenerates tests/data/finance/reference-more.csv: every case of
# cases-more.py is written as a spreadsheet formula and computed by two
# independent engines, Gnumeric (ssconvert --recalc) and LibreOffice Calc
# (soffice --headless --convert-to csv, formulas evaluated on import); the
# results are joined back to the cases. Needs gnumeric, libreoffice-calc
# and python3; the test suite itself only reads the committed table.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
for tool in ssconvert soffice; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "regen-more.sh: $tool not found; install gnumeric and libreoffice-calc" >&2
        exit 1
    fi
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

python3 "$here/cases-more.py" formulas "$tmp/cases.txt" "$tmp/gnumeric.csv" "$tmp/lo.csv"
ssconvert --recalc -T Gnumeric_stf:stf_assistant -O 'format=raw separator=;' \
    "$tmp/gnumeric.csv" "$tmp/gnumeric.txt" 2>"$tmp/ssconvert.log" || {
    cat "$tmp/ssconvert.log" >&2
    exit 1
}
# Import: tab-separated (the formulas keep their semicolons), US English,
# formulas evaluated (the 13th token); export: the values as computed.
HOME="$tmp" soffice --headless \
    --infilter='CSV:9,34,76,1,,1033,false,false,false,false,false,false,true' \
    --convert-to 'csv:Text - txt - csv (StarCalc):9,34,76,1,,1033,false,false,false,false,false' \
    --outdir "$tmp/out" "$tmp/lo.csv" >"$tmp/soffice.log" 2>&1 || {
    cat "$tmp/soffice.log" >&2
    exit 1
}
gversion=$(ssconvert --version | sed -n "s/^ssconvert version '\(.*\)'/\1/p")
lversion=$(HOME="$tmp" soffice --version | sed -n 's/^LibreOffice \([0-9.]*\).*/\1/p')
python3 "$here/cases-more.py" join "$tmp/cases.txt" "$tmp/gnumeric.txt" "$tmp/out/lo.csv" \
    "Gnumeric $gversion and LibreOffice $lversion" >"$tmp/reference-more.csv"
mv "$tmp/reference-more.csv" "$here/reference-more.csv"
echo "regen-more.sh: wrote $here/reference-more.csv ($(grep -vc '^#' "$here/reference-more.csv") cases)"
