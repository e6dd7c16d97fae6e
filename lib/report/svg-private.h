/*
 * lib/report/svg-private.h: the chart writer of the HTML report (svg.c):
 * static inline SVG with nice tick numbers, thousands separators, the
 * currency and unit scale on the axis, a <title> per chart, and colours
 * from the Okabe-Ito palette backed by hatching and direct labels so that
 * a chart reads in greyscale and with any colour-vision deficiency.
 * Internal header; nothing here is part of the API.
 */
#ifndef AIROI_SVG_PRIVATE_H
#define AIROI_SVG_PRIVATE_H

#include <stddef.h>

#include "core-private.h"

/* Appends s as XML text or attribute value: & < > " ' escaped, control
 * characters other than tab and newline as spaces, bytes that are not
 * UTF-8 as U+FFFD. */
void airoi__xml_escape(airoi__buf *b, const char *s);

/* Nice ticks covering [lo, hi] (0 included): a step of 1, 2 or 5 x 10^k
 * giving about `target` intervals. Writes at most cap ticks, returns their
 * number, the step in *step. */
size_t airoi__nice_ticks(double *ticks, size_t cap, double lo, double hi, int target,
                         double *step);

/* A tick value with thousands separators and as many decimals as the step
 * needs ("1,500", "0.25", "-2.5"). */
void airoi__fmt_tick(char *buf, size_t cap, double v, double step);

/* How money is shown on an axis: values are divided by div, and the axis
 * title says what the shown numbers are in ("EUR thousand", "EUR million",
 * "x 10,000 TWD"). */
typedef struct svg_scale {
    double div;
    char in[96];
} svg_scale;

/* The scale of amounts whose largest magnitude is maxabs, given in units
 * of `unit` (1, 1,000, 10,000, ...) of `currency` (NULL or "": none):
 * a power of 1,000 that keeps shown numbers below 10,000 where it can. */
void airoi__svg_scale(svg_scale *s, const char *currency, double unit, double maxabs);

/* One bar or point of a chart. */
typedef struct svg_bar {
    const char *label;  /* category or x label (escaped when written) */
    double value;
    int alt;            /* drawn in the second style (hatched) */
} svg_bar;

/* Cumulative cash flow (line) over the net cash flow of each period
 * (bars); the payback point marked when payback >= 0 (in periods,
 * fractional), with payback_text next to it. */
void airoi__svg_jcurve(airoi__buf *b, const char *id, const char *title, const svg_scale *sc,
                       const char *x_title, const svg_bar *net, const double *cumulative,
                       size_t n, double payback, const char *payback_text);

/* Horizontal bars, one per entry; alt entries hatched and named in the
 * legend by alt_name, the others by main_name. Value labels at the bar
 * ends, with each bar's share of the total when shares is set. */
void airoi__svg_hbars(airoi__buf *b, const char *id, const char *title, const svg_scale *sc,
                      const svg_bar *bars, size_t n, const char *main_name, const char *alt_name,
                      int shares);

/* Vertical bars with value labels; negative bars hatched. */
void airoi__svg_vbars(airoi__buf *b, const char *id, const char *title, const svg_scale *sc,
                      const char *x_title, const char *y_title, const svg_bar *bars, size_t n);

/* A histogram of n bins [edges[i], edges[i+1]) with counts (or shares):
 * the vertical axis shows each bin's share of their sum in percent; bins
 * above 0 solid (share_above_text labels them), below 0 hatched, and the
 * three marks (P10, P50, P90) drawn as labelled vertical lines. */
void airoi__svg_histogram(airoi__buf *b, const char *id, const char *title, const svg_scale *sc,
                          const double *edges, const double *counts, size_t n,
                          const double marks[3], const char *share_above_text);

/* A tornado: per input the outcome at its low and high value around the
 * base; bars sorted as given (widest first is the caller's). */
void airoi__svg_tornado(airoi__buf *b, const char *id, const char *title, const svg_scale *sc,
                        const char *const *names, const double *low, const double *high,
                        size_t n, double base);

/* One row of a roadmap: a bar from period start for periods, the name at
 * the left, a note after the bar (inside it for the last, production row),
 * and a gate diamond at its end labelled gate_text when not NULL. */
typedef struct svg_stage {
    const char *name;
    const char *note;
    const char *gate_text;
    double start, periods;
} svg_stage;

/* A roadmap (Gantt chart) over the periods [0, end]: the stages in order,
 * the last row drawn as the production plan (solid), the others hatched. */
void airoi__svg_roadmap(airoi__buf *b, const char *id, const char *title, const char *x_title,
                        const svg_stage *rows, size_t n, double end);
/* ---- the portfolio page's charts ---- */

/* One bubble: a project at (x, y) whose area is proportional to size
 * (<= 0: the smallest bubble); alt ones hatched. */
typedef struct svg_bubble {
    const char *label;
    double x, y, size;
    int alt;
} svg_bubble;

/* A bubble chart on two money axes (x_title across, y_title up), each
 * bubble labelled; main_name and alt_name name the two styles in the legend. */
void airoi__svg_bubbles(airoi__buf *b, const char *id, const char *title, const svg_scale *sc,
                        const char *x_title, const char *y_title, const svg_bubble *pts,
                        size_t n, const char *main_name, const char *alt_name);

/* A step line through (x[i], y[i]), x ascending (y holds until the next
 * x), each point dotted, on two money axes; a dashed vertical line at x =
 * mark labelled mark_text when mark is finite. */
void airoi__svg_steps(airoi__buf *b, const char *id, const char *title, const svg_scale *sc,
                      const char *x_title, const char *y_title, const double *x,
                      const double *y, size_t n, double mark, const char *mark_text);

/* One line of a line chart: n values, one per period; alt draws it dashed
 * grey (a reference such as the plan) instead of solid blue. */
typedef struct svg_series {
    const char *name; /* in the legend */
    const double *v;
    int alt;
} svg_series;

/* ns lines over the periods 0 to n-1 on a money axis titled y_title (its
 * currency and scale added), x_title across, a legend of the series' names;
 * a dashed vertical line at period mark labelled mark_text when mark >= 0.
 * The <svg> element itself carries id. */
void airoi__svg_lines(airoi__buf *b, const char *id, const char *title, const svg_scale *sc,
                      const char *x_title, const char *y_title, const svg_series *s, size_t ns,
                      size_t n, double mark, const char *mark_text);

#endif /* AIROI_SVG_PRIVATE_H */
