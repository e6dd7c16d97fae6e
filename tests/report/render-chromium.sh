#!/bin/sh
# Renders the HTML business case of a bundled example in headless Chromium:
# a full-page PNG screenshot and a PDF print (A4, then Letter), kept in
# OUTDIR as CI output, with the A4 pages as PNG (page-N.png). Fails on a
# console error, an empty page, a PDF of one page, or a chart of the page
# that is missing from the PDF or cut across two of its pages (its caption,
# legend and axis title must share a page).
# What the cut check sees: the text of each PDF page (pdftotext). It fails
# when a chart's caption is on one page and its legend or axis title on
# another: provoked by deleting the page's break-inside/break-after rules
# with charts stretched to 150 mm, it failed on four charts in A4 and Letter
# (the same page with the rules kept passes). It does not see a chart
# clipped or scaled within a page (charts stretched to 320 mm were shrunk to
# fit a page and passed), and its parts are not unique to a chart: the
# scenario chart has no legend (top and bottom are its axis title), and
# "Net present value (" also heads tables, so on a page with such a table it
# does not prove the axis title of the histogram or the tornado is there.
# With --portfolio, the same for the portfolio page of a portfolio file
# (`airoi portfolio FILE --simulate --format html`: bubble chart, frontier,
# Monte Carlo histogram).
# usage: tests/report/render-chromium.sh [--portfolio] AIROI FILE OUTDIR
# Needs Debian's chromium and poppler-utils (pdfinfo, pdftotext, pdftoppm).
set -eu
kind=case
if [ "${1:-}" = --portfolio ]; then
    kind=portfolio
    shift
fi
airoi=$1 model=$2 out=$3
mkdir -p "$out"
page="$out/case.html"
if [ "$kind" = portfolio ]; then
    "$airoi" portfolio "$model" --simulate --format html -o "$page"
    heading='Efficient frontier'
    # id|caption|text at its top (legend)|text at its bottom (axis title)
    charts='pf-bubbles|NPV against investment|not chosen|Investment (
pf-frontier|Best NPV at each budget|Best NPV (|Budget (
pf-hist|Portfolio NPV over the trials|NPV below 0|Net present value ('
else
    "$airoi" report "$model" --format html -o "$page"
    heading='Financial analysis'
    charts='jcurve|Cumulative cash flow: the J-curve|Net cash flow of the period|0 is the start)
tco|Total cost of ownership by category|Hidden cost|Amount (
scenarios|Net present value by scenario|Scenario (probability)|Scenario (probability)
npvhist|Distribution of the NPV over the trials|NPV below 0|Net present value (
tornado|Tornado: the NPV with each uncertain input|Input at its low value|Net present value (
roadmap|Roadmap: the stages, their gates|Go/no-go gate|first stage)
staging|Value of staging: the NPV committed|Plan alone (NPV)|How the money is committed'
fi
url="file://$(cd "$(dirname "$page")" && pwd)/case.html"
chrome() {
    chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
        --disable-extensions --enable-logging=stderr --v=0 "$@" 2>>"$out/chromium.log"
}
: >"$out/chromium.log"
chrome --window-size=1280,11000 --screenshot="$out/case.png" "$url" >/dev/null
for paper in A4 Letter; do
    # the page's @page rule leaves the size to the printer: tell it the paper
    sed "s|@page{|@page{size:$paper;|" "$page" >"$out/case-$paper.html"
    chrome --no-pdf-header-footer --print-to-pdf="$out/case-$paper.pdf" \
        "file://$(cd "$out" && pwd)/case-$paper.html" >/dev/null
done
chrome --dump-dom "$url" >"$out/dom.html"
# the A4 pages as pictures, to look at
pdftoppm -r 60 -png "$out/case-A4.pdf" "$out/page" || true

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
    pdftotext -layout "$pdf" - | grep -qF "$heading" ||
        { echo "render: $paper PDF without text"; fail=1; }
    # every chart of the page whole on one page: its caption, the text at its
    # top (legend) and at its bottom (axis title) on the same page
    # (the portfolio page draws each of its charts always: none may be absent)
    printf '%s\n' "$charts" >"$out/charts.txt"
    while IFS= read -r chart; do
        id=${chart%%|*} rest=${chart#*|}
        cap=${rest%%|*} rest=${rest#*|}
        top=${rest%%|*} bottom=${rest#*|}
        if ! grep -q "aria-labelledby=\"$id-t " "$page"; then
            [ "$kind" = case ] && continue
            echo "render: chart $id missing from the portfolio page"; fail=1; continue
        fi
        found=0 cut=0
        p=1
        while [ "$p" -le "$pages" ]; do
            text=$(pdftotext -f "$p" -l "$p" -layout "$pdf" -)
            if printf '%s' "$text" | grep -qF "$cap"; then
                found=1
                for part in "$top" "$bottom"; do
                    printf '%s' "$text" | grep -qF "$part" ||
                        { echo "render: $paper page $p: chart '$cap' cut ('$part' not on its page)"; fail=1; cut=1; }
                done
            fi
            p=$((p + 1))
        done
        [ "$found" = 1 ] || { echo "render: $paper: chart '$cap' not in the PDF"; fail=1; }
        [ "$found$cut" = 10 ] && echo "render: $paper: chart $id whole on one page"
    done <"$out/charts.txt"
done
exit $fail
