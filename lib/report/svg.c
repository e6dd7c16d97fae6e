/*
 * lib/report/svg.c: the charts of the HTML report as static inline SVG
 * (svg-private.h). No script, no external reference: each chart is one
 * <svg> element with a <title> and a <desc>, drawn in a 720-unit wide
 * viewBox that scales to the page. Colours are from the Okabe-Ito palette
 * (distinct for every common colour-vision deficiency); the second style of
 * a chart is also hatched and every bar carries its number, so a greyscale
 * print loses nothing.
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "svg-private.h"

#define W 720.0
#define BLUE "#0072B2"
#define SKY "#56B4E9"
#define ORANGE "#E69F00"
#define VERMILLION "#D55E00"
#define GREEN "#009E73"
#define INK "#222222"
#define GRID "#d0d0d0"
#define GREY "#777777"

/* ---- text ---------------------------------------------------------------- */

/* Length of the UTF-8 sequence at s (1 to 4), or 0 when it is not one. */
static size_t utf8_seq(const unsigned char *s)
{
    if (s[0] < 0x80)
        return 1;
    size_t n = s[0] >= 0xF0 && s[0] <= 0xF4 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 && s[0] < 0xE0 ? 2 : 0;
    if (n == 0)
        return 0;
    for (size_t i = 1; i < n; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    unsigned cp = n == 2 ? (s[0] & 0x1Fu) : n == 3 ? (s[0] & 0x0Fu) : (s[0] & 0x07u);
    for (size_t i = 1; i < n; i++)
        cp = cp << 6 | (s[i] & 0x3Fu);
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    if (cp >= 0x80 && cp <= 0x9F) /* C1 controls */
        return 0;
    return n;
}

void airoi__xml_escape(airoi__buf *b, const char *s)
{
    const unsigned char *c = (const unsigned char *)(s ? s : "");
    while (*c) {
        const char *rep = NULL;
        size_t n = 1;
        switch (*c) {
        case '&': rep = "&amp;"; break;
        case '<': rep = "&lt;"; break;
        case '>': rep = "&gt;"; break;
        case '"': rep = "&quot;"; break;
        case '\'': rep = "&#39;"; break;
        case '\t':
        case '\n': break;
        default:
            if (*c < 0x20 || *c == 0x7F)
                rep = " ";
            else if ((n = utf8_seq(c)) == 0) {
                rep = "\xEF\xBF\xBD"; /* U+FFFD */
                n = 1;
                if ((c[0] & 0xC0) == 0x80 || c[0] < 0xC2)
                    break;
                /* a broken lead byte: skip its continuation bytes too */
                while ((c[n] & 0xC0) == 0x80 && n < 4)
                    n++;
            }
        }
        if (rep)
            airoi__buf_puts(b, rep);
        else
            airoi__buf_append(b, (const char *)c, n);
        c += n;
    }
}

/* s cut to at most max characters (code points), the last one an ellipsis
 * when it is cut: a long name still fits the label column of a chart (the
 * table next to the chart has it whole). */
static void fit(char *out, size_t cap, const char *s, size_t max)
{
    const unsigned char *c = (const unsigned char *)(s ? s : "");
    size_t chars = 0, i = 0, keep = 0;
    while (c[i]) {
        size_t n = utf8_seq(c + i);
        if (n == 0)
            n = 1;
        if (chars == max - 1)
            keep = i;
        chars++;
        i += n;
    }
    if (chars <= max || keep + 4 > cap) {
        snprintf(out, cap, "%s", (const char *)c);
        return;
    }
    memcpy(out, c, keep);
    memcpy(out + keep, "\xE2\x80\xA6", 4); /* U+2026 and the NUL */
}

/* ---- numbers ------------------------------------------------------------- */

/* A coordinate with one decimal, whatever the locale. */
static void co(airoi__buf *b, double v)
{
    if (!isfinite(v))
        v = 0;
    long long t = llround(v * 10);
    if (t < 0)
        airoi__buf_puts(b, "-"), t = -t;
    airoi__buf_printf(b, "%lld", t / 10);
    if (t % 10)
        airoi__buf_printf(b, ".%lld", t % 10);
}

/* A nice number near x: 1, 2, 5 or 10 times a power of ten. */
static double nice(double x, int round_it)
{
    double e = floor(log10(x));
    double f = x / pow(10, e), nf;
    if (round_it)
        nf = f < 1.5 ? 1 : f < 3 ? 2 : f < 7 ? 5 : 10;
    else
        nf = f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10;
    return nf * pow(10, e);
}

size_t airoi__nice_ticks(double *ticks, size_t cap, double lo, double hi, int target,
                         double *step)
{
    if (!isfinite(lo) || !isfinite(hi))
        lo = hi = 0;
    if (lo > 0)
        lo = 0;
    if (hi < 0)
        hi = 0;
    if (hi - lo <= 0 || hi - lo < 1e-300)
        hi = lo + 1;
    if (target < 2)
        target = 2;
    double st = nice(nice(hi - lo, 0) / (target - 1), 1);
    double first = floor(lo / st) * st, last = ceil(hi / st) * st;
    size_t n = 0;
    for (double t = first; t <= last + st * 0.5 && n < cap; t += st) {
        double v = fabs(t) < st * 1e-9 ? 0 : t;
        ticks[n++] = round(v / st) * st;
    }
    if (step)
        *step = st;
    return n;
}

void airoi__fmt_tick(char *buf, size_t cap, double v, double step)
{
    int d = 0;
    if (step > 0 && step < 1)
        d = (int)ceil(-log10(step) - 1e-9);
    if (d > 6)
        d = 6;
    airoi__fmt_grouped(buf, cap, v, d);
}

void airoi__svg_scale(svg_scale *s, const char *currency, double unit, double maxabs)
{
    static const char *const words[] = {"", "thousand", "million", "billion", "trillion"};
    const char *cur = currency && *currency ? currency : "";
    if (!(unit > 0) || !isfinite(unit))
        unit = 1;
    int k = 0;
    s->div = 1;
    while (k < 4 && maxabs / s->div >= 1e4) {
        s->div *= 1e3;
        k++;
    }
    double total = unit * s->div;
    int wk = -1;
    for (int i = 0; i <= 4; i++)
        if (total == pow(10, 3 * i))
            wk = i;
    if (wk >= 0)
        snprintf(s->in, sizeof s->in, "%s%s%s", cur, *cur && wk ? " " : "", words[wk]);
    else {
        char u[64];
        airoi__fmt_grouped(u, sizeof u, total, total == floor(total) ? 0 : 2);
        snprintf(s->in, sizeof s->in, "x %s%s%s", u, *cur ? " " : "", cur);
    }
}

/* A value as a bar label: scaled, grouped, up to 3 significant decimals. */
static void fmt_value(char *buf, size_t cap, const svg_scale *sc, double v)
{
    double x = v / sc->div, a = fabs(x);
    airoi__fmt_grouped(buf, cap, x, a >= 100 || a == 0 ? 0 : a >= 10 ? 1 : 2);
}

/* ---- pieces -------------------------------------------------------------- */

/* The <svg> element, its title, desc and hatch patterns; the element itself
 * carries id when own_id is set (where no other element of the page has it). */
static void open_svg_as(airoi__buf *b, const char *id, int own_id, const char *title,
                        const char *desc, double h)
{
    airoi__buf_puts(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" ");
    if (own_id)
        airoi__buf_printf(b, "id=\"%s\" ", id);
    airoi__buf_puts(b, "class=\"chart\" role=\"img\" viewBox=\"0 0 ");
    co(b, W);
    airoi__buf_puts(b, " ");
    co(b, h);
    airoi__buf_printf(b, "\" aria-labelledby=\"%s-t %s-d\" font-size=\"13\">\n<title id=\"%s-t\">", id,
                      id, id);
    airoi__xml_escape(b, title);
    airoi__buf_printf(b, "</title>\n<desc id=\"%s-d\">", id);
    airoi__xml_escape(b, desc);
    airoi__buf_printf(b, "</desc>\n<defs><pattern id=\"%s-hatch\" width=\"7\" height=\"7\" "
                         "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                         "<rect width=\"7\" height=\"7\" fill=\"%s\"/>"
                         "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"7\" stroke=\"#000\" "
                         "stroke-opacity=\"0.55\" stroke-width=\"2.5\"/></pattern>"
                         "<pattern id=\"%s-hatch2\" width=\"7\" height=\"7\" "
                         "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\">"
                         "<rect width=\"7\" height=\"7\" fill=\"%s\"/>"
                         "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"7\" stroke=\"#000\" "
                         "stroke-opacity=\"0.55\" stroke-width=\"2.5\"/></pattern></defs>\n",
                      id, ORANGE, id, VERMILLION);
}

static void open_svg(airoi__buf *b, const char *id, const char *title, const char *desc, double h)
{
    open_svg_as(b, id, 0, title, desc, h);
}

static void text_at(airoi__buf *b, double x, double y, const char *anchor, const char *extra,
                    const char *s)
{
    airoi__buf_puts(b, "<text x=\"");
    co(b, x);
    airoi__buf_puts(b, "\" y=\"");
    co(b, y);
    airoi__buf_printf(b, "\" text-anchor=\"%s\"%s%s>", anchor, extra ? " " : "", extra ? extra : "");
    airoi__xml_escape(b, s);
    airoi__buf_puts(b, "</text>\n");
}

static void rect(airoi__buf *b, double x, double y, double w, double h, const char *fill)
{
    airoi__buf_puts(b, "<rect x=\"");
    co(b, x);
    airoi__buf_puts(b, "\" y=\"");
    co(b, y);
    airoi__buf_puts(b, "\" width=\"");
    co(b, w < 0 ? 0 : w);
    airoi__buf_puts(b, "\" height=\"");
    co(b, h < 0 ? 0 : h);
    airoi__buf_printf(b, "\" fill=\"%s\" stroke=\"%s\" stroke-width=\"0.8\"/>\n", fill, INK);
}

static void line(airoi__buf *b, double x1, double y1, double x2, double y2, const char *stroke,
                 const char *extra)
{
    airoi__buf_puts(b, "<line x1=\"");
    co(b, x1);
    airoi__buf_puts(b, "\" y1=\"");
    co(b, y1);
    airoi__buf_puts(b, "\" x2=\"");
    co(b, x2);
    airoi__buf_puts(b, "\" y2=\"");
    co(b, y2);
    airoi__buf_printf(b, "\" stroke=\"%s\"%s%s/>\n", stroke, extra ? " " : "", extra ? extra : "");
}

/* A legend swatch and its name; returns the x after it. */
static double legend(airoi__buf *b, double x, double y, const char *fill, const char *name)
{
    rect(b, x, y - 10, 14, 12, fill);
    text_at(b, x + 20, y, "start", NULL, name);
    return x + 20 + 7.2 * (double)strlen(name) + 22;
}

/* A legend line (dashed by dash, "4 3", when not NULL) and its name; returns the x after it. */
static double legend_line(airoi__buf *b, double x, double y, const char *stroke, const char *dash,
                          const char *name)
{
    char extra[96];
    snprintf(extra, sizeof extra, "stroke-width=\"2.5\"%s%s%s", dash ? " stroke-dasharray=\"" : "",
             dash ? dash : "", dash ? "\"" : "");
    line(b, x, y - 4, x + 18, y - 4, stroke, extra);
    text_at(b, x + 24, y, "start", NULL, name);
    return x + 24 + 7.2 * (double)strlen(name) + 22;
}

/* A value axis: the plot area [x0, x1] x [y0, y1] (y0 at the top). */
typedef struct frame {
    double x0, x1, y0, y1;
    double lo, hi, step;
    double ticks[24];
    size_t nt;
    int vertical; /* values along y (else along x) */
} frame;

static double pos(const frame *f, double v)
{
    double t = (v - f->lo) / (f->hi - f->lo);
    return f->vertical ? f->y1 - t * (f->y1 - f->y0) : f->x0 + t * (f->x1 - f->x0);
}

/* An axis for [lo, hi]; an empty range spans one shown unit (div). */
static void frame_make(frame *f, double lo, double hi, int target, double div)
{
    if (!(hi > lo))
        hi = lo + div;
    f->nt = airoi__nice_ticks(f->ticks, 24, lo, hi, target, &f->step);
    f->lo = f->ticks[0];
    f->hi = f->ticks[f->nt - 1];
    if (f->hi <= f->lo)
        f->hi = f->lo + 1;
}

/* Grid lines, tick labels, the zero line and the value axis title. */
static void frame_draw(airoi__buf *b, const frame *f, const svg_scale *sc, const char *title)
{
    char t[64];
    for (size_t i = 0; i < f->nt; i++) {
        double p = pos(f, f->ticks[i]);
        airoi__fmt_tick(t, sizeof t, f->ticks[i] / sc->div, f->step / sc->div);
        if (f->vertical) {
            line(b, f->x0, p, f->x1, p, GRID, NULL);
            text_at(b, f->x0 - 6, p + 4, "end", NULL, t);
        } else {
            line(b, p, f->y0, p, f->y1, GRID, NULL);
            text_at(b, p, f->y1 + 16, "middle", NULL, t);
        }
    }
    double z = pos(f, 0);
    if (f->vertical)
        line(b, f->x0, z, f->x1, z, INK, "stroke-width=\"1.2\"");
    else
        line(b, z, f->y0, z, f->y1, INK, "stroke-width=\"1.2\"");
    if (title) {
        char extra[96];
        if (f->vertical) {
            double cy = (f->y0 + f->y1) / 2;
            snprintf(extra, sizeof extra, "transform=\"rotate(-90 16 %d)\"", (int)cy);
            text_at(b, 16, cy, "middle", extra, title);
        } else {
            text_at(b, (f->x0 + f->x1) / 2, f->y1 + 36, "middle", NULL, title);
        }
    }
}

/* The period axis across the bottom of f: periods [0, end] (an empty span
 * reaches to 1), nice whole ticks with grid lines, the axis line, x_title. */
static void period_axis(airoi__buf *b, frame *f, double end, const char *x_title)
{
    char t[64];
    f->nt = airoi__nice_ticks(f->ticks, 24, 0, end > 0 ? end : 1, 8, &f->step);
    f->lo = 0;
    f->hi = end > 0 ? end : 1;
    for (size_t i = 0; i < f->nt && f->ticks[i] <= f->hi + 1e-9; i++) {
        double p = pos(f, f->ticks[i]);
        line(b, p, f->y0, p, f->y1, GRID, NULL);
        airoi__fmt_tick(t, sizeof t, f->ticks[i], f->step);
        text_at(b, p, f->y1 + 16, "middle", NULL, t);
    }
    line(b, f->x0, f->y1, f->x1, f->y1, INK, "stroke-width=\"1.2\"");
    text_at(b, (f->x0 + f->x1) / 2, f->y1 + 36, "middle", NULL, x_title);
}

static void axis_title(char *buf, size_t cap, const char *what, const svg_scale *sc)
{
    if (*sc->in)
        snprintf(buf, cap, "%s (%s)", what, sc->in);
    else
        snprintf(buf, cap, "%s", what);
}

/* ---- charts -------------------------------------------------------------- */

void airoi__svg_jcurve(airoi__buf *b, const char *id, const char *title, const svg_scale *sc,
                       const char *x_title, const svg_bar *net, const double *cumulative,
                       size_t n, double payback, const char *payback_text)
{
    const double H = 380;
    char desc[256], yt[160], v[64];
    snprintf(desc, sizeof desc, "Net cash flow of each of %zu periods as bars and the cumulative "
             "cash flow as a line%s.", n, payback >= 0 ? ", with the payback point marked" :
             "; payback is not reached within the horizon");
    open_svg(b, id, title, desc, H);
    frame f = {.x0 = 96, .x1 = W - 24, .y0 = 40, .y1 = H - 70, .vertical = 1};
    double lo = 0, hi = 0;
    for (size_t i = 0; i < n; i++) {
        lo = fmin(lo, fmin(net[i].value, cumulative[i]));
        hi = fmax(hi, fmax(net[i].value, cumulative[i]));
    }
    frame_make(&f, lo, hi, 6, sc->div);
    axis_title(yt, sizeof yt, "Cash flow", sc);
    frame_draw(b, &f, sc, yt);
    double slot = n ? (f.x1 - f.x0) / (double)n : 1, bw = slot * 0.5;
    double z = pos(&f, 0);
    char fill[48];
    snprintf(fill, sizeof fill, "url(#%s-hatch2)", id);
    for (size_t i = 0; i < n; i++) {
        double cx = f.x0 + slot * ((double)i + 0.5), p = pos(&f, net[i].value);
        rect(b, cx - bw / 2, fmin(p, z), bw, fabs(p - z), net[i].value < 0 ? fill : SKY);
        text_at(b, cx, f.y1 + 16, "middle", NULL, net[i].label);
    }
    text_at(b, (f.x0 + f.x1) / 2, f.y1 + 36, "middle", NULL, x_title);
    /* the cumulative line */
    airoi__buf_puts(b, "<polyline fill=\"none\" stroke=\"" INK "\" stroke-width=\"2.5\" points=\"");
    for (size_t i = 0; i < n; i++) {
        co(b, f.x0 + slot * ((double)i + 0.5));
        airoi__buf_puts(b, ",");
        co(b, pos(&f, cumulative[i]));
        airoi__buf_puts(b, i + 1 < n ? " " : "");
    }
    airoi__buf_puts(b, "\"/>\n");
    for (size_t i = 0; i < n; i++) {
        airoi__buf_puts(b, "<circle r=\"3.5\" fill=\"" INK "\" cx=\"");
        co(b, f.x0 + slot * ((double)i + 0.5));
        airoi__buf_puts(b, "\" cy=\"");
        co(b, pos(&f, cumulative[i]));
        airoi__buf_puts(b, "\"/>\n");
    }
    if (n) {
        fmt_value(v, sizeof v, sc, cumulative[n - 1]);
        double ly = pos(&f, cumulative[n - 1]);
        text_at(b, f.x0 + slot * ((double)n - 0.5), ly + (cumulative[n - 1] >= 0 ? -10 : 18),
                "end", "font-weight=\"bold\"", v);
    }
    if (payback >= 0 && n) {
        /* period t sits at the centre of slot t */
        double px = f.x0 + slot * (payback + 0.5);
        line(b, px, f.y0, px, f.y1, VERMILLION, "stroke-width=\"2\" stroke-dasharray=\"6 4\"");
        airoi__buf_puts(b, "<path fill=\"" VERMILLION "\" stroke=\"" INK "\" d=\"M");
        co(b, px);
        airoi__buf_puts(b, " ");
        co(b, z - 7);
        airoi__buf_puts(b, "l7 7l-7 7l-7 -7z\"/>\n");
        text_at(b, px + (px > W - 200 ? -8 : 8), f.y0 + 12, px > W - 200 ? "end" : "start",
                "font-weight=\"bold\"", payback_text);
    }
    double lx = legend(b, f.x0, 22, SKY, "Net cash flow of the period");
    legend_line(b, lx, 22, INK, NULL, "Cumulative cash flow");
    airoi__buf_puts(b, "</svg>\n");
}

void airoi__svg_hbars(airoi__buf *b, const char *id, const char *title, const svg_scale *sc,
                      const svg_bar *bars, size_t n, const char *main_name, const char *alt_name,
                      int shares)
{
    const double row = 30;
    double H = 90 + row * (double)n;
    char desc[256], v[64], lab[128], fill[48], xt[160];
    double total = 0, hi = 0;
    for (size_t i = 0; i < n; i++) {
        total += bars[i].value;
        hi = fmax(hi, bars[i].value);
    }
    snprintf(desc, sizeof desc, "%zu horizontal bars, one per entry, with the amount%s at the end "
             "of each bar.", n, shares ? " and its share of the total" : "");
    open_svg(b, id, title, desc, H);
    frame f = {.x0 = 200, .x1 = W - 150, .y0 = 34, .y1 = H - 50, .vertical = 0};
    frame_make(&f, 0, hi, 5, sc->div);
    axis_title(xt, sizeof xt, "Amount", sc);
    frame_draw(b, &f, sc, xt);
    snprintf(fill, sizeof fill, "url(#%s-hatch)", id);
    for (size_t i = 0; i < n; i++) {
        double y = f.y0 + row * (double)i + 5, x = pos(&f, bars[i].value), z = pos(&f, 0);
        rect(b, fmin(x, z), y, fabs(x - z), row - 10, bars[i].alt ? fill : BLUE);
        text_at(b, f.x0 - 8, y + row / 2, "end", NULL, bars[i].label);
        fmt_value(v, sizeof v, sc, bars[i].value);
        if (shares && total > 0)
            snprintf(lab, sizeof lab, "%s (%.0f%%)", v, 100 * bars[i].value / total);
        else
            snprintf(lab, sizeof lab, "%s", v);
        text_at(b, fmax(x, z) + 6, y + row / 2, "start", NULL, lab);
    }
    double lx = legend(b, f.x0, 20, BLUE, main_name);
    if (alt_name)
        legend(b, lx, 20, fill, alt_name);
    airoi__buf_puts(b, "</svg>\n");
}

void airoi__svg_vbars(airoi__buf *b, const char *id, const char *title, const svg_scale *sc,
                      const char *x_title, const char *y_title, const svg_bar *bars, size_t n)
{
    const double H = 340;
    char desc[256], v[64], yt[160], fill[48];
    double lo = 0, hi = 0;
    for (size_t i = 0; i < n; i++) {
        lo = fmin(lo, bars[i].value);
        hi = fmax(hi, bars[i].value);
    }
    snprintf(desc, sizeof desc, "%zu vertical bars with their values; negative values hatched.",
             n);
    open_svg(b, id, title, desc, H);
    frame f = {.x0 = 96, .x1 = W - 24, .y0 = 30, .y1 = H - 60, .vertical = 1};
    frame_make(&f, lo, hi * 1.1, 5, sc->div);
    axis_title(yt, sizeof yt, y_title, sc);
    frame_draw(b, &f, sc, yt);
    snprintf(fill, sizeof fill, "url(#%s-hatch2)", id);
    double slot = n ? (f.x1 - f.x0) / (double)n : 1, bw = fmin(slot * 0.55, 120);
    double z = pos(&f, 0);
    for (size_t i = 0; i < n; i++) {
        double cx = f.x0 + slot * ((double)i + 0.5), p = pos(&f, bars[i].value);
        int neg = bars[i].value < 0;
        rect(b, cx - bw / 2, fmin(p, z), bw, fabs(p - z), neg ? fill : BLUE);
        fmt_value(v, sizeof v, sc, bars[i].value);
        text_at(b, cx, neg ? p + 16 : p - 6, "middle", "font-weight=\"bold\"", v);
        text_at(b, cx, f.y1 + 18, "middle", NULL, bars[i].label);
    }
    if (x_title)
        text_at(b, (f.x0 + f.x1) / 2, f.y1 + 40, "middle", NULL, x_title);
    airoi__buf_puts(b, "</svg>\n");
}

void airoi__svg_histogram(airoi__buf *b, const char *id, const char *title, const svg_scale *sc,
                          const double *edges, const double *counts, size_t n,
                          const double marks[3], const char *share_above_text)
{
    static const char *const names[3] = {"P10", "P50", "P90"};
    const double H = 360;
    char desc[256], xt[160], fill[48], v[64], lab[96];
    double top = 0, total = 0;
    for (size_t i = 0; i < n; i++) {
        top = fmax(top, counts[i]);
        total += counts[i];
    }
    snprintf(desc, sizeof desc, "Histogram of %zu bins of the simulated NPV; bins above zero "
             "shaded; P10, P50 and P90 marked.", n);
    open_svg(b, id, title, desc, H);
    frame fx = {.x0 = 84, .x1 = W - 24, .y0 = 74, .y1 = H - 60, .vertical = 0};
    frame_make(&fx, n ? edges[0] : 0, n ? edges[n] : 1, 10, sc->div);
    axis_title(xt, sizeof xt, "Net present value", sc);
    frame_draw(b, &fx, sc, xt);
    /* the share of trials in a bin, on a percentage axis */
    frame fy = {.x0 = fx.x0, .x1 = fx.x1, .y0 = fx.y0 + 14, .y1 = fx.y1, .vertical = 1};
    frame_make(&fy, 0, total > 0 ? top / total : 1, 4, 1);
    for (size_t i = 1; i < fy.nt; i++) {
        double p = pos(&fy, fy.ticks[i]);
        char pt[32];
        airoi__fmt_tick(pt, sizeof pt, fy.ticks[i] * 100, fy.step * 100);
        snprintf(lab, sizeof lab, "%s%%", pt);
        line(b, fx.x0 - 4, p, fx.x0, p, INK, NULL);
        text_at(b, fx.x0 - 6, p + 4, "end", NULL, lab);
    }
    line(b, fx.x0, fx.y0, fx.x0, fx.y1, INK, NULL);
    snprintf(fill, sizeof fill, "url(#%s-hatch)", id);
    for (size_t i = 0; i < n; i++) {
        double x0 = pos(&fx, edges[i]), x1 = pos(&fx, edges[i + 1]);
        double h = total > 0 ? fy.y1 - pos(&fy, counts[i] / total) : 0;
        if (edges[i] < 0 && edges[i + 1] > 0) { /* the bin across zero, split at zero */
            double xz = pos(&fx, 0);
            rect(b, x0, fx.y1 - h, xz - x0, h, fill);
            rect(b, xz, fx.y1 - h, x1 - xz, h, BLUE);
        } else {
            rect(b, x0, fx.y1 - h, x1 - x0, h, edges[i] >= 0 ? BLUE : fill);
        }
    }
    {
        char extra[64];
        double cy = (fx.y0 + fx.y1) / 2;
        snprintf(extra, sizeof extra, "transform=\"rotate(-90 16 %d)\"", (int)cy);
        text_at(b, 16, cy, "middle", extra, "Share of trials (%)");
    }
    /* each mark's label on a row of its own, P10 left of its line, P50 and
     * P90 right of theirs, each line reaching up to its label only */
    for (int k = 0; k < 3; k++) {
        double x = pos(&fx, marks[k]), y = fx.y0 - 26 + 13 * k;
        line(b, x, y - 10, x, fx.y1, INK, "stroke-width=\"2\" stroke-dasharray=\"5 3\"");
        fmt_value(v, sizeof v, sc, marks[k]);
        snprintf(lab, sizeof lab, "%s %s", names[k], v);
        text_at(b, x + (k == 0 ? -4 : 4), y, k == 0 ? "end" : "start", "font-weight=\"bold\"", lab);
    }
    double lx = legend(b, fx.x0, 20, fill, "NPV below 0");
    legend(b, lx, 20, BLUE, share_above_text ? share_above_text : "NPV above 0");
    airoi__buf_puts(b, "</svg>\n");
}

void airoi__svg_tornado(airoi__buf *b, const char *id, const char *title, const svg_scale *sc,
                        const char *const *names, const double *low, const double *high,
                        size_t n, double base)
{
    const double row = 30;
    double H = 100 + row * (double)n;
    char desc[256], xt[160], fill[48], v[64];
    double lo = base, hi = base;
    for (size_t i = 0; i < n; i++) {
        lo = fmin(lo, fmin(low[i], high[i]));
        hi = fmax(hi, fmax(low[i], high[i]));
    }
    snprintf(desc, sizeof desc, "Tornado of %zu inputs: the NPV with each input at its low "
             "(hatched) and high (solid) value, the others at base.", n);
    open_svg(b, id, title, desc, H);
    frame f = {.x0 = 200, .x1 = W - 60, .y0 = 34, .y1 = H - 50, .vertical = 0};
    frame_make(&f, lo, hi, 5, sc->div);
    axis_title(xt, sizeof xt, "Net present value", sc);
    frame_draw(b, &f, sc, xt);
    snprintf(fill, sizeof fill, "url(#%s-hatch)", id);
    double bx = pos(&f, base);
    for (size_t i = 0; i < n; i++) {
        double y = f.y0 + row * (double)i + 5;
        double xl = pos(&f, low[i]), xh = pos(&f, high[i]);
        rect(b, fmin(xl, bx), y, fabs(xl - bx), row - 10, fill);
        rect(b, fmin(xh, bx), y, fabs(xh - bx), row - 10, BLUE);
        char name[128];
        fit(name, sizeof name, names[i], 26);
        text_at(b, f.x0 - 8, y + row / 2, "end", NULL, name);
        fmt_value(v, sizeof v, sc, low[i]);
        text_at(b, xl + (xl < xh ? -4 : 4), y + row / 2 + 4, xl < xh ? "end" : "start", NULL, v);
        fmt_value(v, sizeof v, sc, high[i]);
        text_at(b, xh + (xh > xl ? 4 : -4), y + row / 2 + 4, xh > xl ? "start" : "end", NULL, v);
    }
    line(b, bx, f.y0 - 4, bx, f.y1, INK, "stroke-width=\"2\"");
    double lx = legend(b, f.x0, 20, fill, "Input at its low value");
    legend(b, lx, 20, BLUE, "Input at its high value");
    airoi__buf_puts(b, "</svg>\n");
}

void airoi__svg_roadmap(airoi__buf *b, const char *id, const char *title, const char *x_title,
                        const svg_stage *rows, size_t n, double end)
{
    const double row = 44;
    double H = 96 + row * (double)n;
    char desc[256], fill[48];
    snprintf(desc, sizeof desc, "Roadmap of %zu stages: each a bar from its start period over its "
             "duration, with its cost and, at its end, its go/no-go gate and probability.",
             n ? n - 1 : 0);
    open_svg(b, id, title, desc, H);
    frame f = {.x0 = 150, .x1 = W - 24, .y0 = 40, .y1 = H - 50, .vertical = 0};
    period_axis(b, &f, end, x_title);
    snprintf(fill, sizeof fill, "url(#%s-hatch)", id);
    for (size_t i = 0; i < n; i++) {
        const svg_stage *s = &rows[i];
        int prod = i + 1 == n;
        double y = f.y0 + row * (double)i + 8, h = row - 20;
        double x0 = pos(&f, s->start), x1 = pos(&f, fmin(s->start + s->periods, f.hi));
        if (x1 - x0 < 3)
            x1 = x0 + 3;
        rect(b, x0, y, x1 - x0, h, prod ? BLUE : fill);
        char name[128];
        fit(name, sizeof name, s->name, 18);
        text_at(b, f.x0 - 8, y + h / 2 + 4, "end", "font-weight=\"bold\"", name);
        if (s->gate_text) {
            airoi__buf_puts(b, "<path fill=\"" VERMILLION "\" stroke=\"" INK "\" d=\"M");
            co(b, x1);
            airoi__buf_puts(b, " ");
            co(b, y + h / 2 - 8);
            airoi__buf_puts(b, "l8 8l-8 8l-8 -8z\"/>\n");
        }
        if (prod) {
            if (s->note)
                text_at(b, x0 + 8, y + h / 2 + 4, "start", "fill=\"#fff\" font-weight=\"bold\"",
                        s->note);
            continue;
        }
        char lab[320];
        snprintf(lab, sizeof lab, "%s%s%s", s->note ? s->note : "",
                 s->note && s->gate_text ? "; " : "", s->gate_text ? s->gate_text : "");
        text_at(b, x1 + 12, y + h / 2 + 4, "start", NULL, lab);
    }
    double lx = legend(b, f.x0, 22, fill, "Stage");
    airoi__buf_puts(b, "<path fill=\"" VERMILLION "\" stroke=\"" INK "\" d=\"M");
    co(b, lx + 7);
    airoi__buf_puts(b, " 8l8 8l-8 8l-8 -8z\"/>\n");
    text_at(b, lx + 20, 22, "start", NULL, "Go/no-go gate");
    legend(b, lx + 20 + 7.2 * 13 + 22, 22, BLUE, "The plan itself, if every gate passes");
    airoi__buf_puts(b, "</svg>\n");
}

/* ---- portfolio charts (the portfolio page, portfolio-html.c) ------------- */

/* Two money axes on one plot area: fx along x, fy along y. */
static void xy_frames(airoi__buf *b, frame *fx, frame *fy, const svg_scale *sc, double xlo,
                      double xhi, double ylo, double yhi, const char *x_title,
                      const char *y_title)
{
    char xt[160], yt[160];
    frame_make(fx, xlo, xhi, 6, sc->div);
    frame_make(fy, ylo, yhi, 5, sc->div);
    axis_title(xt, sizeof xt, x_title, sc);
    axis_title(yt, sizeof yt, y_title, sc);
    frame_draw(b, fx, sc, xt);
    frame_draw(b, fy, sc, yt);
}

void airoi__svg_bubbles(airoi__buf *b, const char *id, const char *title, const svg_scale *sc,
                        const char *x_title, const char *y_title, const svg_bubble *pts,
                        size_t n, const char *main_name, const char *alt_name)
{
    const double H = 420, RMAX = 34, RMIN = 5;
    char desc[256], fill[48];
    double xlo = 0, xhi = 0, ylo = 0, yhi = 0, smax = 0;
    for (size_t i = 0; i < n; i++) {
        xhi = fmax(xhi, pts[i].x);
        xlo = fmin(xlo, pts[i].x);
        yhi = fmax(yhi, pts[i].y);
        ylo = fmin(ylo, pts[i].y);
        smax = fmax(smax, pts[i].size);
    }
    snprintf(desc, sizeof desc, "%zu bubbles, one per project: investment across, NPV up, "
             "bubble area proportional to the profitability index; %s filled, %s hatched.",
             n, main_name, alt_name);
    open_svg(b, id, title, desc, H);
    frame fx = {.x0 = 96, .x1 = W - 40, .y0 = 50, .y1 = H - 60, .vertical = 0};
    frame fy = fx;
    fy.vertical = 1;
    xy_frames(b, &fx, &fy, sc, xlo, xhi * 1.08, ylo, yhi * 1.12, x_title, y_title);
    snprintf(fill, sizeof fill, "url(#%s-hatch)", id);
    for (int pass = 0; pass < 2; pass++) /* the others first, the chosen on top */
        for (size_t i = 0; i < n; i++) {
            if ((pass == 0) != (pts[i].alt != 0))
                continue;
            double r = smax > 0 && pts[i].size > 0 ? RMAX * sqrt(pts[i].size / smax) : 0;
            r = fmax(r, RMIN);
            double cx = pos(&fx, pts[i].x), cy = pos(&fy, pts[i].y);
            airoi__buf_puts(b, "<circle cx=\"");
            co(b, cx);
            airoi__buf_puts(b, "\" cy=\"");
            co(b, cy);
            airoi__buf_puts(b, "\" r=\"");
            co(b, r);
            airoi__buf_printf(b, "\" fill=\"%s\" fill-opacity=\"%s\" stroke=\"%s\" "
                                 "stroke-width=\"1.2\"/>\n",
                              pts[i].alt ? fill : BLUE, pts[i].alt ? "0.6" : "0.8", INK);
            /* the label right of the bubble, or left of it where it would leave the chart */
            const char *label = pts[i].label ? pts[i].label : "";
            int right = cx + r + 4 + 7.2 * (double)strlen(label) <= W - 4;
            text_at(b, right ? cx + r + 4 : cx - r - 4, cy + 4, right ? "start" : "end",
                    pts[i].alt ? NULL : "font-weight=\"bold\"", label);
        }
    double lx = legend(b, fx.x0, 24, BLUE, main_name);
    legend(b, lx, 24, fill, alt_name);
    airoi__buf_puts(b, "</svg>\n");
}

void airoi__svg_steps(airoi__buf *b, const char *id, const char *title, const svg_scale *sc,
                      const char *x_title, const char *y_title, const double *x,
                      const double *y, size_t n, double mark, const char *mark_text)
{
    const double H = 380;
    char desc[256];
    double xlo = 0, xhi = 0, ylo = 0, yhi = 0;
    for (size_t i = 0; i < n; i++) {
        xhi = fmax(xhi, x[i]);
        yhi = fmax(yhi, y[i]);
        ylo = fmin(ylo, y[i]);
    }
    if (isfinite(mark))
        xhi = fmax(xhi, mark);
    snprintf(desc, sizeof desc, "Step line of the best total NPV at %zu budget levels; each "
             "level marked with a dot%s.", n, isfinite(mark) ? "; the budget marked" : "");
    open_svg(b, id, title, desc, H);
    frame fx = {.x0 = 96, .x1 = W - 30, .y0 = 40, .y1 = H - 60, .vertical = 0};
    frame fy = fx;
    fy.vertical = 1;
    xy_frames(b, &fx, &fy, sc, xlo, xhi * 1.04, ylo, yhi * 1.1, x_title, y_title);
    if (n) {
        airoi__buf_puts(b, "<polyline fill=\"none\" stroke=\"" BLUE "\" stroke-width=\"2.5\" "
                           "points=\"");
        for (size_t i = 0; i < n; i++) {
            if (i) { /* flat until the next level, then up */
                co(b, pos(&fx, x[i]));
                airoi__buf_puts(b, ",");
                co(b, pos(&fy, y[i - 1]));
                airoi__buf_puts(b, " ");
            }
            co(b, pos(&fx, x[i]));
            airoi__buf_puts(b, ",");
            co(b, pos(&fy, y[i]));
            airoi__buf_puts(b, i + 1 < n ? " " : "");
        }
        airoi__buf_puts(b, "\"/>\n");
        for (size_t i = 0; i < n; i++) {
            airoi__buf_puts(b, "<circle cx=\"");
            co(b, pos(&fx, x[i]));
            airoi__buf_puts(b, "\" cy=\"");
            co(b, pos(&fy, y[i]));
            airoi__buf_puts(b, "\" r=\"3.5\" fill=\"" BLUE "\" stroke=\"" INK "\"/>\n");
        }
    }
    if (isfinite(mark)) {
        double p = pos(&fx, mark);
        line(b, p, fx.y0, p, fx.y1, VERMILLION, "stroke-width=\"2\" stroke-dasharray=\"6 3\"");
        text_at(b, p - 4, fx.y0 + 12, "end", "font-weight=\"bold\"", mark_text ? mark_text : "");
    }
    airoi__buf_puts(b, "</svg>\n");
}

/* ---- line chart (the tracking section, html-tracking.c) ----------------- */

void airoi__svg_lines(airoi__buf *b, const char *id, const char *title, const svg_scale *sc,
                      const char *x_title, const char *y_title, const svg_series *s, size_t ns,
                      size_t n, double mark, const char *mark_text)
{
    const double H = 320;
    char desc[512], yt[160];
    size_t k = (size_t)snprintf(desc, sizeof desc, "%zu lines over %zu periods:", ns, n);
    double lo = 0, hi = 0;
    for (size_t j = 0; j < ns; j++) {
        for (size_t i = 0; i < n; i++) {
            lo = fmin(lo, s[j].v[i]);
            hi = fmax(hi, s[j].v[i]);
        }
        if (k < sizeof desc)
            k += (size_t)snprintf(desc + k, sizeof desc - k, "%s %s (%s)", j ? ";" : "",
                                  s[j].name, s[j].alt ? "dashed grey" : "solid blue");
    }
    if (k < sizeof desc)
        snprintf(desc + k, sizeof desc - k, "%s%s.", mark >= 0 ? "; a dashed vertical line "
                 "marks " : "", mark >= 0 && mark_text ? mark_text : "");
    open_svg_as(b, id, 1, title, desc, H);
    frame fy = {.x0 = 90, .x1 = W - 20, .y0 = 40, .y1 = H - 60, .vertical = 1};
    frame fx = fy;
    fx.vertical = 0;
    frame_make(&fy, lo, hi, 5, sc->div);
    axis_title(yt, sizeof yt, y_title, sc);
    frame_draw(b, &fy, sc, yt);
    period_axis(b, &fx, n ? (double)(n - 1) : 0, x_title);
    if (mark >= 0) {
        double p = pos(&fx, mark);
        line(b, p, fx.y0, p, fx.y1, VERMILLION, "stroke-width=\"2\" stroke-dasharray=\"6 4\"");
        text_at(b, p + (p > W - 200 ? -6 : 6), fx.y0 + 12, p > W - 200 ? "end" : "start",
                "font-weight=\"bold\"", mark_text ? mark_text : "");
    }
    double lx = fy.x0;
    for (size_t j = 0; j < ns; j++) {
        const char *stroke = s[j].alt ? GREY : BLUE;
        airoi__buf_printf(b, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2.5\"%s "
                             "points=\"", stroke, s[j].alt ? " stroke-dasharray=\"4 3\"" : "");
        for (size_t i = 0; i < n; i++) {
            co(b, pos(&fx, (double)i));
            airoi__buf_puts(b, ",");
            co(b, pos(&fy, s[j].v[i]));
            airoi__buf_puts(b, i + 1 < n ? " " : "");
        }
        airoi__buf_puts(b, "\"/>\n");
        lx = legend_line(b, lx, 22, stroke, s[j].alt ? "4 3" : NULL, s[j].name);
    }
    airoi__buf_puts(b, "</svg>\n");
}
