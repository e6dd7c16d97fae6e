#!/bin/sh
# Renders the HTML business case of a bundled example in headless Chromium:
# a full-page PNG screenshot and a PDF print (A4, then Letter), kept in
# OUTDIR as CI output. Fails on a console error, an empty page, a PDF of one
# page, or a chart whose caption and axis land on different PDF pages.
# usage: tests/report/render-chromium.sh AIROI MODEL OUTDIR
# Needs Debian's chromium and poppler-utils (pdfinfo, pdftotext).
set -eu
airoi=$1 model=$2 out=$3
mkdir -p "$out"
page="$out/case.html"
"$airoi" report "$model" --format html -o "$page"
url="file://$(cd "$(dirname "$page")" && pwd)/case.html"
chrome() {
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
        --disable-extensions --enable-logging=stderr --v=0 "$@" 2>>"$out/chromium.log"
}
: >"$out/chromium.log"
chrome --window-size=1280,6000 --screenshot="$out/case.png" "$url" >/dev/null
for paper in A4 Letter; do
    # the page's @page rule leaves the size to the printer: tell it the paper
    sed "s|@page{|@page{size:$paper;|" "$page" >"$out/case-$paper.html"
    chrome --no-pdf-header-footer --print-to-pdf="$out/case-$paper.pdf" \
        "file://$(cd "$out" && pwd)/case-$paper.html" >/dev/null
done
chrome --dump-dom "$url" >"$out/dom.html"

fail=0
if grep -E 'CONSOLE|Uncaught|SyntaxError' "$out/chromium.log"; then
    echo "render: console messages (above)"; fail=1
fi
[ -s "$out/case.png" ] || { echo "render: no screenshot"; fail=1; }
grep -q '<h1>' "$out/dom.html" || { echo "render: empty page"; fail=1; }
for paper in A4 Letter; do
    pdf="$out/case-$paper.pdf"
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
    echo "render: $paper PDF, $pages pages"
    [ "${pages:-0}" -ge 2 ] || { echo "render: $paper PDF has ${pages:-0} pages"; fail=1; }
    pdftotext -layout "$pdf" - | grep -q 'Financial analysis' ||
        { echo "render: $paper PDF without text"; fail=1; }
    # each chart whole on one page: its caption and its axis title together
    for pair in 'Cumulative cash flow: the J-curve|Period (' \
                'Total cost of ownership by category|Amount (' \
                'Net present value by scenario|Scenario (probability)'; do
        cap=${pair%%|*} axis=${pair#*|}
        found=0
        p=1
        while [ "$p" -le "$pages" ]; do
            text=$(pdftotext -f "$p" -l "$p" -layout "$pdf" -)
            if printf '%s' "$text" | grep -qF "$cap"; then
                found=1
                printf '%s' "$text" | grep -qF "$axis" ||
                    { echo "render: $paper page $p: '$cap' cut from its chart"; fail=1; }
            fi
            p=$((p + 1))
        done
        [ "$found" = 1 ] || [ "$cap" = 'Net present value by scenario' ] ||
            { echo "render: $paper: '$cap' not in the PDF"; fail=1; }
    done
done
exit $fail
