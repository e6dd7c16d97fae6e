/*
 * tests/unit/test-html.c: the chart writer's pieces (nice ticks, tick
 * labels, axis scales, XML escaping), the narrative of a project (C API,
 * clone, the copy a result keeps, YAML load and save) and the HTML report
 * written through airoi_report_write(). White-box: links the internal
 * archive for svg-private.h.
 */
#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <airoi/airoi.h>

#include "svg-private.h"

static char *escaped(const char *s)
{
    airoi__buf b;
    char *out = NULL;
    airoi__buf_init(&b);
    airoi__xml_escape(&b, s);
    ck_assert_int_eq(airoi__buf_detach(&b, &out, NULL), AIROI_OK);
    return out;
}

START_TEST(test_escape)
{
    static const struct {
        const char *in, *out;
    } cases[] = {
        {"<script>&\"'", "&lt;script&gt;&amp;&quot;&#39;"},
        {"Ünïcødé 日本 €", "Ünïcødé 日本 €"},
        {"a\x01" "b\x7f" "c", "a b c"},
        {"tab\tnew\nline", "tab\tnew\nline"},
        {"bad \xff byte", "bad \xEF\xBF\xBD byte"},
        {"cut \xE6\x97", "cut \xEF\xBF\xBD"},          /* truncated sequence */
        {"over \xC0\xAF", "over \xEF\xBF\xBD\xEF\xBF\xBD"}, /* overlong '/' */
        {"sur \xED\xA0\x80", "sur \xEF\xBF\xBD"},       /* UTF-16 surrogate */
        {"c1 \xC2\x85", "c1 \xEF\xBF\xBD"},              /* NEL, a C1 control */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *e = escaped(cases[i].in);
        ck_assert_msg(strcmp(e, cases[i].out) == 0, "case %zu: '%s'", i, e);
        free(e);
    }
}
END_TEST

START_TEST(test_ticks)
{
    double t[24], step;
    size_t n = airoi__nice_ticks(t, 24, -11309045, 7057410, 6, &step);
    ck_assert_double_eq(step, 5e6);
    ck_assert_uint_eq(n, 6); /* -15, -10, -5, 0, 5, 10 million */
    ck_assert_double_eq(t[0], -15e6);
    ck_assert_double_eq(t[n - 1], 10e6);
    /* zero is always a tick, ticks are multiples of the step */
    n = airoi__nice_ticks(t, 24, 3, 97, 5, &step);
    ck_assert_double_eq(t[0], 0);
    ck_assert_double_eq(step, 20);
    ck_assert_double_eq(t[n - 1], 100);
    n = airoi__nice_ticks(t, 24, 0, 0.37, 5, &step);
    ck_assert_double_eq_tol(step, 0.1, 1e-15);
    ck_assert_double_eq_tol(t[n - 1], 0.4, 1e-15);
    /* an empty range still gives an axis */
    n = airoi__nice_ticks(t, 24, 0, 0, 5, &step);
    ck_assert_uint_ge(n, 2);
    ck_assert(step > 0);
}
END_TEST

START_TEST(test_tick_labels)
{
    char buf[64];
    airoi__fmt_tick(buf, sizeof buf, 1500000, 500000);
    ck_assert_str_eq(buf, "1,500,000");
    airoi__fmt_tick(buf, sizeof buf, -2.5, 0.5);
    ck_assert_str_eq(buf, "-2.5");
    airoi__fmt_tick(buf, sizeof buf, 0.25, 0.05);
    ck_assert_str_eq(buf, "0.25");
    airoi__fmt_tick(buf, sizeof buf, 0, 0.05);
    ck_assert_str_eq(buf, "0.00");
}
END_TEST

START_TEST(test_scale)
{
    svg_scale s;
    airoi__svg_scale(&s, "TWD", 1, 11309045);
    ck_assert_double_eq(s.div, 1e6);
    ck_assert_str_eq(s.in, "TWD million");
    airoi__svg_scale(&s, "EUR", 1, 9999);
    ck_assert_double_eq(s.div, 1);
    ck_assert_str_eq(s.in, "EUR");
    airoi__svg_scale(&s, "USD", 1000, 50000);
    ck_assert_str_eq(s.in, "USD million");
    airoi__svg_scale(&s, "TWD", 10000, 2889);
    ck_assert_str_eq(s.in, "x 10,000 TWD");
    airoi__svg_scale(&s, NULL, 1, 5e6);
    ck_assert_str_eq(s.in, "thousand");
    airoi__svg_scale(&s, NULL, 1, 5);
    ck_assert_str_eq(s.in, "");
}
END_TEST

/* A small XML well-formedness check for the charts: tags nest and close,
 * attribute values are quoted, '&' starts one of the five entities the
 * escaper writes, '<' only starts a tag. Returns NULL or what is wrong. */
static const char *xml_problem(const char *s)
{
    static char why[160];
    const char *stack[64];
    size_t lens[64], depth = 0;
    for (const char *c = s; *c; c++) {
        if (*c == '&') {
            if (strncmp(c, "&amp;", 5) && strncmp(c, "&lt;", 4) && strncmp(c, "&gt;", 4) &&
                strncmp(c, "&quot;", 6) && strncmp(c, "&#39;", 5))
                return "bare &";
            continue;
        }
        if (*c == '>')
            return "bare > outside a tag";
        if (*c != '<')
            continue;
        int closing = c[1] == '/';
        const char *name = c + 1 + closing;
        size_t len = strcspn(name, " />\n");
        if (len == 0)
            return "empty tag name";
        const char *e = name + len;
        int in_quote = 0;
        while (*e && (in_quote || *e != '>')) {
            if (*e == '"')
                in_quote = !in_quote;
            else if (!in_quote && *e == '=' && e[1] != '"')
                return "unquoted attribute";
            else if (*e == '<')
                return "'<' inside a tag";
            e++;
        }
        if (!*e)
            return "unterminated tag";
        int self = e[-1] == '/';
        if (closing) {
            if (depth == 0 || lens[depth - 1] != len || strncmp(stack[depth - 1], name, len)) {
                snprintf(why, sizeof why, "</%.*s> closes the wrong element", (int)len, name);
                return why;
            }
            depth--;
        } else if (!self) {
            if (depth == 64)
                return "too deep";
            stack[depth] = name;
            lens[depth++] = len;
        }
        c = e;
    }
    return depth ? "element left open" : NULL;
}

/* The charts with a label that needs escaping; each well formed, with a
 * title, its axis unit and its labels. */
START_TEST(test_charts)
{
    svg_scale sc;
    airoi__svg_scale(&sc, "EUR", 1, 2.5e6);
    svg_bar bars[4] = {{"a<b>", -1.2e6, 0}, {"\"q\" & 'r'", 2.5e6, 1}, {"", 3e5, 0},
                       {"日本", 0, 1}};
    const double cum[4] = {-1.2e6, 1.3e6, 1.6e6, 1.6e6};
    const double edges[6] = {-2e6, -1e6, 0, 1e6, 2e6, 3e6};
    const double counts[5] = {0.05, 0.15, 0.4, 0.3, 0.1};
    const double marks[3] = {-0.8e6, 0.4e6, 1.9e6};
    const char *names[3] = {"Adoption <ceiling>", "API price", "Build & run"};
    const double low[3] = {-0.5e6, 0.2e6, 0.3e6}, high[3] = {1.5e6, 0.6e6, 0.45e6};
    /* the checker itself refuses what it should */
    ck_assert_ptr_nonnull(xml_problem("<a><b></a>"));
    ck_assert_ptr_nonnull(xml_problem("<a x=1/>"));
    ck_assert_ptr_nonnull(xml_problem("<a>&</a>"));
    ck_assert_ptr_nonnull(xml_problem("<a>x < y</a>"));
    ck_assert_ptr_nonnull(xml_problem("<a>"));
    ck_assert_ptr_null(xml_problem("<a x=\"1\"><b/>&amp;</a>"));
    for (int chart = 0; chart < 5; chart++)
        for (size_t n = 0; n <= 4; n += 4) { /* no data, and data */
            airoi__buf b;
            char *svg = NULL;
            airoi__buf_init(&b);
            switch (chart) {
            case 0:
                airoi__svg_jcurve(&b, "j", "J <curve>", &sc, "Period (year)", bars, cum, n, 0.5,
                                  "Payback: 0.5 years");
                break;
            case 1: airoi__svg_hbars(&b, "h", "TCO", &sc, bars, n, "Direct", "Hidden", 1); break;
            case 2: airoi__svg_vbars(&b, "v", "NPV", &sc, "Scenario", "NPV", bars, n); break;
            case 3:
                airoi__svg_histogram(&b, "g", "NPV distribution", &sc, edges, counts,
                                     n ? 5 : 0, marks, "P(NPV > 0) = 80%");
                break;
            default:
                airoi__svg_tornado(&b, "t", "Tornado", &sc, names, low, high, n ? 3 : 0, 0.4e6);
            }
            ck_assert_int_eq(airoi__buf_detach(&b, &svg, NULL), AIROI_OK);
            const char *why = xml_problem(svg);
            ck_assert_msg(why == NULL, "chart %d, n %zu: %s", chart, n, why ? why : "");
            ck_assert_ptr_nonnull(strstr(svg, "<title id="));
            ck_assert_msg(strstr(svg, "(EUR thousand)") != NULL, "chart %d, n %zu: unit", chart, n);
            ck_assert_ptr_null(strstr(svg, "nan"));
            ck_assert_ptr_null(strstr(svg, "inf"));
            if (n && chart < 3) {
                ck_assert_ptr_nonnull(strstr(svg, ">a&lt;b&gt;</text>"));
                ck_assert_ptr_nonnull(strstr(svg, ">&quot;q&quot; &amp; &#39;r&#39;"));
            }
            if (n && chart == 3)
                ck_assert_ptr_nonnull(strstr(svg, ">P50 400</text>"));
            if (n && chart == 4)
                ck_assert_ptr_nonnull(strstr(svg, ">Adoption &lt;ceiling&gt;</text>"));
            if (n && chart == 0) /* the payback marker, half a period after period 0 */
                ck_assert_ptr_nonnull(strstr(svg, ">Payback: 0.5 years</text>"));
            free(svg);
        }
}
END_TEST

/* A small project with a narrative. */
static airoi_project *with_narrative(void)
{
    airoi_project *p = NULL;
    airoi_item *it = NULL;
    ck_assert_int_eq(airoi_project_new(&p, "Case <1>"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, 2), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_cost(&it, p, "Build", AIROI_CATEGORY_PEOPLE), AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_AMOUNT, 100), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_value(&it, p, "Saved", AIROI_DIMENSION_EFFICIENCY),
                     AIROI_OK);
    ck_assert_int_eq(airoi_item_set_number(it, AIROI_ITEM_AMOUNT, 80), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_narrative(p, "problem", "Slow & costly"), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_narrative(p, "audience", "Board"), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_risk(p, "Low adoption", "Champions", "Ops"), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_risk(p, "Vendor lock-in", NULL, ""), AIROI_OK);
    return p;
}

START_TEST(test_narrative_api)
{
    airoi_project *p = with_narrative();
    const char *r = NULL, *m = NULL, *o = NULL;
    ck_assert_str_eq(airoi_project_get_narrative(p, "problem"), "Slow & costly");
    ck_assert_ptr_null(airoi_project_get_narrative(p, "solution"));
    ck_assert_ptr_null(airoi_project_get_narrative(p, "risks"));
    ck_assert_int_eq(airoi_project_set_narrative(p, "summary", "x"), AIROI_ERR_INVALID);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "summary"));
    ck_assert_uint_eq(airoi_project_count_risks(p), 2);
    ck_assert_int_eq(airoi_project_get_risk(&r, &m, &o, p, 1), AIROI_OK);
    ck_assert_str_eq(r, "Vendor lock-in");
    ck_assert_ptr_null(m);
    ck_assert_ptr_null(o);
    ck_assert_int_eq(airoi_project_get_risk(&r, &m, &o, p, 2), AIROI_ERR_RANGE);
    ck_assert_int_eq(airoi_project_add_risk(p, "", NULL, NULL), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_project_add_risk(p, NULL, NULL, NULL), AIROI_ERR_INVALID);
    char *big = malloc(AIROI_TEXT_MAX + 2);
    memset(big, 'a', AIROI_TEXT_MAX + 1);
    big[AIROI_TEXT_MAX + 1] = '\0';
    ck_assert_int_eq(airoi_project_set_narrative(p, "solution", big), AIROI_ERR_INVALID);
    big[AIROI_TEXT_MAX] = '\0';
    ck_assert_int_eq(airoi_project_set_narrative(p, "solution", big), AIROI_OK);
    free(big);
    ck_assert_int_eq(airoi_project_set_narrative(p, "solution", NULL), AIROI_OK);
    ck_assert_ptr_null(airoi_project_get_narrative(p, "solution"));

    /* a clone owns its copy */
    airoi_project *c = NULL;
    ck_assert_int_eq(airoi_project_clone(&c, p), AIROI_OK);
    ck_assert_int_eq(airoi_project_remove_risk(p, 0), AIROI_OK);
    ck_assert_int_eq(airoi_project_set_narrative(p, "problem", "changed"), AIROI_OK);
    ck_assert_uint_eq(airoi_project_count_risks(c), 2);
    ck_assert_str_eq(airoi_project_get_narrative(c, "problem"), "Slow & costly");
    ck_assert_int_eq(airoi_project_get_risk(&r, NULL, NULL, p, 0), AIROI_OK);
    ck_assert_str_eq(r, "Vendor lock-in");
    ck_assert_int_eq(airoi_project_remove_risk(p, 1), AIROI_ERR_RANGE);
    airoi_project_free(c);
    airoi_project_free(p);
}
END_TEST

START_TEST(test_narrative_yaml)
{
    airoi_project *p = with_narrative(), *q = NULL;
    char *yaml = NULL, *again = NULL;
    ck_assert_int_eq(airoi_model_save_buffer(&yaml, NULL, p, 0), AIROI_OK);
    ck_assert_ptr_nonnull(strstr(yaml, "narrative:"));
    ck_assert_int_eq(airoi_model_load_buffer(&q, NULL, yaml, strlen(yaml), "saved.yaml", 0),
                     AIROI_OK);
    ck_assert_str_eq(airoi_project_get_narrative(q, "problem"), "Slow & costly");
    ck_assert_str_eq(airoi_project_get_narrative(q, "audience"), "Board");
    ck_assert_uint_eq(airoi_project_count_risks(q), 2);
    ck_assert_int_eq(airoi_model_save_buffer(&again, NULL, q, 0), AIROI_OK);
    ck_assert_str_eq(yaml, again);
    airoi_free(yaml);
    airoi_free(again);
    airoi_project_free(q);
    airoi_project_free(p);

    /* positioned errors */
    static const char bad[] = "airoi: 1\nproject: {name: x, horizon: 1}\n"
                              "narrative:\n  problem: [1]\n  risks:\n    - {owner: me}\n";
    airoi_diagnostics *d = NULL;
    ck_assert_int_eq(airoi_model_load_buffer(&q, &d, bad, strlen(bad), "bad.yaml", 0),
                     AIROI_ERR_PARSE);
    ck_assert_ptr_null(q);
    ck_assert_uint_eq(airoi_diagnostics_count(d), 2);
    ck_assert_str_eq(airoi_diagnostics_get_text(d, 0),
                     "bad.yaml:4:12: narrative.problem: expected a text; got a sequence");
    ck_assert_str_eq(airoi_diagnostics_get_text(d, 1),
                     "bad.yaml:6:7: narrative.risks[0]: missing required key 'risk' (what may go "
                     "wrong)");
    airoi_diagnostics_free(d);
}
END_TEST

START_TEST(test_result_keeps_narrative)
{
    airoi_project *p = with_narrative();
    airoi_result *r = NULL;
    char *page = NULL;
    size_t len = 0;
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_OK);
    /* the project changes after the evaluation; the report shows the copy */
    ck_assert_int_eq(airoi_project_set_narrative(p, "problem", "Later text"), AIROI_OK);
    airoi_project_free(p);
    ck_assert_int_eq(airoi_report_write(&page, &len, r, AIROI_REPORT_HTML, 0), AIROI_OK);
    ck_assert_uint_eq(strlen(page), len);
    ck_assert_ptr_nonnull(strstr(page, "<h1>Case &lt;1&gt;</h1>"));
    ck_assert_ptr_nonnull(strstr(page, "Slow &amp; costly"));
    ck_assert_ptr_null(strstr(page, "Later text"));
    ck_assert_ptr_nonnull(strstr(page, "<th scope=\"row\">Low adoption</th><td>Champions</td>"
                                       "<td>Ops</td>"));
    ck_assert_ptr_nonnull(strstr(page, "Business case &middot; for Board"));
    airoi_free(page);
    airoi_report_format fmt = AIROI_REPORT_TEXT;
    ck_assert_int_eq(airoi_report_format_from_name(&fmt, "html"), AIROI_OK);
    ck_assert_int_eq(fmt, AIROI_REPORT_HTML);
    ck_assert_str_eq(airoi_report_format_name(AIROI_REPORT_HTML), "html");
    airoi_result_free(r);
}
END_TEST

START_TEST(test_roadmap)
{
    airoi_project *p = with_narrative();
    airoi_result *r = NULL;
    char *page = NULL;
    ck_assert_int_eq(airoi_report_write(&page, NULL, NULL, AIROI_REPORT_HTML, 0),
                     AIROI_ERR_INVALID);
    /* without stages, no roadmap */
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_OK);
    ck_assert_int_eq(airoi_report_write(&page, NULL, r, AIROI_REPORT_HTML, 0), AIROI_OK);
    ck_assert_ptr_null(strstr(page, "id=\"roadmap\""));
    airoi_free(page);
    airoi_result_free(r);
    ck_assert_int_eq(airoi_project_add_stage(p, "PoC <1>", 50, 1, 0.6), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_stage(p, "MVP", 120, 2, 0.7), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_stage(p, "Scale", 300, 1, 0.9), AIROI_OK);
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_OK);
    airoi_project_free(p); /* the result keeps its copy of the stages */
    ck_assert_int_eq(airoi_report_write(&page, NULL, r, AIROI_REPORT_HTML, 0), AIROI_OK);
    ck_assert_ptr_nonnull(strstr(page, "<h2 id=\"roadmap-h\">5. Staged roadmap</h2>"));
    ck_assert_ptr_nonnull(strstr(page, "<tr><th scope=\"row\">PoC &lt;1&gt;</th><td class=\"num\">0"
                                       "</td><td class=\"num\">1 year</td><td class=\"num\">50.00"
                                       "</td><td class=\"num\">60.0%</td><td class=\"num\">100.0%"
                                       "</td><td class=\"num\">50.00</td></tr>"));
    ck_assert_ptr_nonnull(strstr(page, "<tr><th scope=\"row\">MVP</th><td class=\"num\">1</td>"
                                       "<td class=\"num\">2 years</td>"));
    /* the third stage is reached with 0.6 x 0.7 */
    ck_assert_ptr_nonnull(strstr(page, "<tr><th scope=\"row\">Scale</th><td class=\"num\">3</td>"
                                       "<td class=\"num\">1 year</td><td class=\"num\">300.00"
                                       "</td><td class=\"num\">90.0%</td><td class=\"num\">42.0%"));
    /* the roadmap comes after the risks */
    ck_assert(strstr(page, "id=\"roadmap\"") > strstr(page, "id=\"risks\""));
    airoi_free(page);
    airoi_result_free(r);
}
END_TEST

/* The Monte Carlo summary: the page of a result with a simulation. */
START_TEST(test_montecarlo)
{
    airoi_project *p = with_narrative();
    airoi_uncertainty *u = NULL;
    airoi_sim_options *o = NULL;
    airoi_simulation *sim = NULL, *irr_only = NULL;
    airoi_result *r = NULL;
    char *plain = NULL, *page = NULL;
    ck_assert_int_eq(airoi_project_add_uncertainty(&u, p, "Saved", AIROI_DIST_TRIANGULAR), AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_LOW, 0.2), AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_MODE, 1.0), AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_HIGH, 1.6), AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_new(&o), AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_TRIALS, 2000), AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_SEED, 7), AIROI_OK);
    ck_assert_int_eq(airoi_project_simulate(&sim, p, o, 0, NULL, NULL), AIROI_OK);
    const airoi_sim_output irr = AIROI_SIM_IRR;
    ck_assert_int_eq(airoi_sim_options_set_outputs(o, &irr, 1), AIROI_OK);
    ck_assert_int_eq(airoi_project_simulate(&irr_only, p, o, 0, NULL, NULL), AIROI_OK);
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_OK);

    /* without a simulation: the page of airoi_report_write() */
    ck_assert_int_eq(airoi_report_write(&plain, NULL, r, AIROI_REPORT_HTML, 0), AIROI_OK);
    ck_assert_int_eq(airoi_report_write_html(&page, NULL, r, NULL, 0), AIROI_OK);
    ck_assert_str_eq(page, plain);
    ck_assert_ptr_null(strstr(page, "Monte Carlo"));
    airoi_free(page);
    ck_assert_int_eq(airoi_report_write_html(&page, NULL, r, irr_only, 0), AIROI_ERR_INVALID);
    ck_assert_ptr_null(page);
    ck_assert_int_eq(airoi_report_write_html(&page, NULL, r, sim, 1), AIROI_ERR_INVALID);
    ck_assert_int_eq(airoi_report_write_html(&page, NULL, NULL, sim, 0), AIROI_ERR_INVALID);

    size_t len = 0;
    ck_assert_int_eq(airoi_report_write_html(&page, &len, r, sim, 0), AIROI_OK);
    ck_assert_uint_eq(strlen(page), len);
    ck_assert_ptr_nonnull(strstr(page, "<h3>Monte Carlo simulation of the NPV</h3>"));
    /* inside the risks part, before the next part */
    ck_assert(strstr(page, "Monte Carlo") > strstr(page, "id=\"risks\""));
    /* the chart: well formed, with the three marks */
    const char *svg = strstr(page, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" "
                                   "role=\"img\" viewBox=\"0 0 720 360\" aria-labelledby=\"npvhist-t");
    ck_assert_ptr_nonnull(svg);
    const char *end = strstr(svg, "</svg>");
    ck_assert_ptr_nonnull(end);
    char *one = strndup(svg, (size_t)(end + 6 - svg));
    const char *why = xml_problem(one);
    ck_assert_msg(why == NULL, "histogram: %s", why ? why : "");
    ck_assert_ptr_nonnull(strstr(one, ">P10 "));
    ck_assert_ptr_nonnull(strstr(one, ">P90 "));
    free(one);
    /* the table holds the simulation's own figures */
    static const struct {
        const char *row;
        double pct;
    } rows[] = {{"P10", 10}, {"P50", 50}, {"P90", 90}};
    for (size_t i = 0; i < 3; i++) {
        char head[64];
        double want, shown;
        snprintf(head, sizeof head, "<th scope=\"row\">%s</th><td class=\"num\"><data value=\"",
                 rows[i].row);
        const char *at = strstr(page, head);
        ck_assert_ptr_nonnull(at);
        ck_assert_int_eq(sscanf(at + strlen(head), "%lf", &shown), 1);
        ck_assert_int_eq(airoi_simulation_get_percentile(&want, sim, AIROI_SIM_NPV, rows[i].pct),
                         AIROI_OK);
        ck_assert_double_eq_tol(shown, want, 0.005 + 1e-9);
    }
    double pos;
    char share[64];
    ck_assert_int_eq(airoi_simulation_get_stat(&pos, sim, AIROI_SIM_NPV, AIROI_STAT_PROB_POSITIVE),
                     AIROI_OK);
    ck_assert(pos > 0 && pos < 1); /* the chart shades a part, not all or nothing */
    snprintf(share, sizeof share, "data-key=\"simulate:simulation.prob_npv_positive\">%.1f%%</data>",
             pos * 100);
    ck_assert_ptr_nonnull(strstr(page, share));
    ck_assert_ptr_nonnull(strstr(page, "<th scope=\"row\">Trials</th><td class=\"num\"><data "
                                       "value=\"2000\" data-key=\"simulate:simulation.trials\">"
                                       "2,000</data></td>"));
    airoi_free(page);
    airoi_free(plain);
    airoi_result_free(r);
    airoi_simulation_free(sim);
    airoi_simulation_free(irr_only);
    airoi_sim_options_free(o);
    airoi_project_free(p);
}
END_TEST

/* The exact value the page gives under data-key="key", or NAN. */
static double page_value(const char *page, const char *key)
{
    char k[128];
    snprintf(k, sizeof k, "\" data-key=\"%s\">", key);
    const char *at = strstr(page, k);
    if (!at)
        return (double)NAN;
    const char *v = at;
    while (v > page && strncmp(v, "value=\"", 7) != 0)
        v--;
    return strtod(v + 7, NULL);
}

/* Each chart of id in the page, well formed. */
static void assert_chart(const char *page, const char *id)
{
    char head[96];
    snprintf(head, sizeof head, "aria-labelledby=\"%s-t ", id);
    const char *at = strstr(page, head);
    ck_assert_msg(at != NULL, "chart %s missing", id);
    while (at > page && strncmp(at, "<svg ", 5) != 0)
        at--;
    const char *end = strstr(at, "</svg>");
    ck_assert_ptr_nonnull(end);
    char *one = strndup(at, (size_t)(end + 6 - at));
    const char *why = xml_problem(one);
    ck_assert_msg(why == NULL, "%s: %s", id, why ? why : "");
    free(one);
}

/* The whole business case: tornado and staging figures on the page. */
START_TEST(test_business_case)
{
    airoi_project *p = with_narrative();
    airoi_uncertainty *u = NULL;
    airoi_sim_options *o = NULL;
    airoi_simulation *sim = NULL;
    airoi_tornado *t = NULL;
    airoi_staging *sg = NULL;
    airoi_result *r = NULL;
    char *plain = NULL, *page = NULL;
    ck_assert_int_eq(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, 4), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_uncertainty(&u, p, "Saved", AIROI_DIST_TRIANGULAR), AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_LOW, 0.5), AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_MODE, 1.0), AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_HIGH, 1.4), AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_string(u, AIROI_UNCERTAINTY_NAME, "<b>saved</b> & co"),
                     AIROI_OK);
    ck_assert_int_eq(airoi_project_add_uncertainty(&u, p, "Build", AIROI_DIST_UNIFORM), AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_LOW, 0.9), AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_number(u, AIROI_UNCERTAINTY_HIGH, 1.3), AIROI_OK);
    ck_assert_int_eq(airoi_uncertainty_set_string(u, AIROI_UNCERTAINTY_NAME,
                                                  "Build cost of the whole platform, ünits"),
                     AIROI_OK);
    ck_assert_int_eq(airoi_project_add_stage(p, "PoC \"<1>\"", 20, 1, 0.6), AIROI_OK);
    ck_assert_int_eq(airoi_project_add_stage(p, "MVP", 40, 1, 0.8), AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_new(&o), AIROI_OK);
    ck_assert_int_eq(airoi_sim_options_set_number(o, AIROI_SIM_TRIALS, 1000), AIROI_OK);
    ck_assert_int_eq(airoi_project_simulate(&sim, p, o, 0, NULL, NULL), AIROI_OK);
    ck_assert_int_eq(airoi_tornado_evaluate(&t, p, 0), AIROI_OK);
    ck_assert_int_eq(airoi_staging_evaluate(&sg, p, 0), AIROI_OK);
    ck_assert_int_eq(airoi_project_evaluate(&r, p, NULL, 0), AIROI_OK);

    /* nothing but the result: the page of airoi_report_write() */
    ck_assert_int_eq(airoi_report_write(&plain, NULL, r, AIROI_REPORT_HTML, 0), AIROI_OK);
    ck_assert_int_eq(airoi_report_write_business_case(&page, NULL, r, NULL, NULL, NULL, 0), AIROI_OK);
    ck_assert_str_eq(page, plain);
    ck_assert_ptr_null(strstr(page, "tornado"));
    airoi_free(page);
    ck_assert_int_eq(airoi_report_write_business_case(&page, NULL, r, sim, t, sg, 2), AIROI_ERR_INVALID);
    ck_assert_ptr_null(page);
    ck_assert_ptr_nonnull(strstr(airoi_last_error_message(), "airoi_report_write_business_case"));
    ck_assert_int_eq(airoi_report_write_business_case(&page, NULL, NULL, sim, t, sg, 0),
                     AIROI_ERR_INVALID);

    size_t len = 0;
    ck_assert_int_eq(airoi_report_write_business_case(&page, &len, r, sim, t, sg, 0), AIROI_OK);
    ck_assert_uint_eq(strlen(page), len);
    const char *charts[] = {"jcurve", "tco", "npvhist", "tornado", "roadmap", "staging"};
    for (size_t i = 0; i < sizeof charts / sizeof charts[0]; i++)
        assert_chart(page, charts[i]);
    /* the tornado in the risks part, after the Monte Carlo summary */
    ck_assert(strstr(page, "aria-labelledby=\"tornado-t") > strstr(page, "aria-labelledby=\"npvhist-t"));
    ck_assert(strstr(page, "aria-labelledby=\"tornado-t") < strstr(page, "id=\"roadmap\""));
    /* its figures are the tornado's */
    double base, low, high, swing;
    const char *name;
    ck_assert_int_eq(airoi_tornado_get_base_npv(&base, t), AIROI_OK);
    ck_assert_double_eq(page_value(page, "tornado:base_npv"), base);
    ck_assert_uint_gt(airoi_tornado_count(t), 0); /* the loop below checks something */
    for (size_t i = 0; i < airoi_tornado_count(t); i++) {
        char k[64];
        ck_assert_int_eq(airoi_tornado_get(&name, &low, &high, &swing, t, i), AIROI_OK);
        snprintf(k, sizeof k, "tornado:tornado.%zu.low_npv", i);
        ck_assert_double_eq(page_value(page, k), low);
        snprintf(k, sizeof k, "tornado:tornado.%zu.high_npv", i);
        ck_assert_double_eq(page_value(page, k), high);
        snprintf(k, sizeof k, "tornado:tornado.%zu.swing", i);
        ck_assert_double_eq(page_value(page, k), swing);
    }
    /* the staging figures are the staging's */
    static const struct {
        airoi_staging_figure fig;
        const char *key;
    } figs[] = {{AIROI_STAGING_PROB_PRODUCTION, "stages:stages.prob_production"},
                {AIROI_STAGING_EXPECTED_COST, "stages:stages.expected_cost"},
                {AIROI_STAGING_EXPECTED_NPV, "stages:stages.expected_npv"},
                {AIROI_STAGING_NPV_ALL_IN, "stages:stages.npv_all_in"},
                {AIROI_STAGING_VALUE_OF_STAGING, "stages:stages.value_of_staging"}};
    for (size_t i = 0; i < sizeof figs / sizeof figs[0]; i++) {
        double v;
        ck_assert_int_eq(airoi_staging_get(&v, sg, figs[i].fig), AIROI_OK);
        ck_assert_double_eq(page_value(page, figs[i].key), v);
    }
    ck_assert_double_eq(page_value(page, "stages:stages.gates.1.reach_probability"), 0.6);
    /* the second stage is reached with 0.6: expected cost 0.6 x 40 */
    ck_assert_ptr_nonnull(strstr(page, "0.6\" data-key=\"stages:stages.gates.1.reach_probability\">"
                                       "60.0%</data></td><td class=\"num\">24.00</td></tr>"));
    /* names from the model are text, in the tables and in the charts */
    ck_assert_ptr_null(strstr(page, "<b>"));
    ck_assert_ptr_nonnull(strstr(page, "&lt;b&gt;saved&lt;/b&gt; &amp; co"));
    ck_assert_ptr_nonnull(strstr(page, ">PoC &quot;&lt;1&gt;&quot;</text>"));
    /* a long name is cut to 26 characters in the chart, whole in the table */
    ck_assert_ptr_nonnull(strstr(page, ">Build cost of the whole p\xE2\x80\xA6</text>"));
    ck_assert_ptr_nonnull(strstr(page, "<th scope=\"row\">Build cost of the whole platform, "
                                       "\xC3\xBCnits</th>"));
    airoi_free(page);
    airoi_free(plain);
    airoi_result_free(r);
    airoi_simulation_free(sim);
    airoi_tornado_free(t);
    airoi_staging_free(sg);
    airoi_sim_options_free(o);
    airoi_project_free(p);
}
END_TEST

static Suite *html_suite(void)
{
    Suite *s = suite_create("html");
    TCase *tc = tcase_create("svg");
    tcase_add_test(tc, test_escape);
    tcase_add_test(tc, test_ticks);
    tcase_add_test(tc, test_tick_labels);
    tcase_add_test(tc, test_scale);
    tcase_add_test(tc, test_charts);
    suite_add_tcase(s, tc);
    tc = tcase_create("narrative");
    tcase_add_test(tc, test_narrative_api);
    tcase_add_test(tc, test_narrative_yaml);
    tcase_add_test(tc, test_result_keeps_narrative);
    tcase_add_test(tc, test_roadmap);
    tcase_add_test(tc, test_montecarlo);
    tcase_add_test(tc, test_business_case);
    suite_add_tcase(s, tc);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(html_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? 0 : 1;
}
