/*
 * tests/fuzz/fuzz-html.c: libFuzzer target for the HTML writer.
 *
 * Any bytes go through the model loader; a model that loads is evaluated
 * and written as the HTML business case (with its simulation, tornado and
 * staging when it has uncertainties or stages). The page must be
 * well-formed: one document from <!DOCTYPE html> to </html>, as many
 * <svg and <table elements opened as closed, no control character, and no
 * text of the model's (project name, item names) unescaped: a name with <,
 * > or & never appears verbatim. A bug is any of these, a crash, a leak or
 * undefined behaviour.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <airoi/airoi.h>

#include "fuzz-common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static size_t count(const char *s, const char *what)
{
    size_t n = 0, k = strlen(what);
    for (const char *q = s; (q = strstr(q, what)) != NULL; q += k)
        n++;
    return n;
}

/* A text of the model that needs escaping must not appear as it is (a text
 * ending in '&', "a&", does as the start of its escaped form "a&amp;"). */
static void escaped(const char *page, const char *text)
{
    if (!text || !strpbrk(text, "<>&"))
        return;
    size_t n = strlen(text);
    for (const char *q = page; (q = strstr(q, text)) != NULL; q++)
        if (!(text[n - 1] == '&' && strncmp(q + n, "amp;", 4) == 0))
            abort();
}

static void check_page(const char *page, size_t len, const airoi_project *p)
{
    if (strncmp(page, "<!DOCTYPE html>", 15) != 0 || count(page, "</html>") != 1)
        abort();
    if (count(page, "<svg") != count(page, "</svg>") ||
        count(page, "<table") != count(page, "</table>"))
        abort();
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)page[i];
        if (c < 0x20 && c != '\n' && c != '\t')
            abort();
    }
    escaped(page, airoi_project_get_string(p, AIROI_PROJECT_NAME));
    for (int kind = AIROI_ITEM_KIND_COST; kind <= AIROI_ITEM_KIND_VALUE; kind++)
        for (size_t i = 0; i < airoi_project_count_items(p, kind); i++)
            escaped(page, airoi_item_get_string(airoi_project_get_item(p, kind, i),
                                                AIROI_ITEM_NAME));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    airoi_project *p = NULL;
    if (airoi_model_load_buffer(&p, NULL, (const char *)data, size, "fuzz.yaml", 0) != AIROI_OK)
        return 0;
    airoi_result *r = NULL;
    airoi_simulation *s = NULL;
    airoi_tornado *t = NULL;
    airoi_staging *g = NULL;
    if (airoi_project_evaluate(&r, p, NULL, 0) == AIROI_OK) {
        if (airoi_project_count_uncertainties(p) > 0) {
            airoi_sim_options *o = NULL;
            if (airoi_sim_options_new(&o) == AIROI_OK &&
                airoi_sim_options_set_number(o, AIROI_SIM_TRIALS, 100) == AIROI_OK)
                airoi_project_simulate(&s, p, o, 0, NULL, NULL);
            airoi_sim_options_free(o);
            airoi_tornado_evaluate(&t, p, 0);
        }
        airoi_staging_evaluate(&g, p, 0);
        char *page = NULL;
        size_t len = 0;
        if (airoi_report_write_business_case(&page, &len, r, s, t, g, 0) == AIROI_OK) {
            if (strlen(page) != len)
                abort();
            check_page(page, len, p);
        }
        airoi_free(page);
    }
    airoi_staging_free(g);
    airoi_tornado_free(t);
    airoi_simulation_free(s);
    airoi_result_free(r);
    airoi_project_free(p);
    return 0;
}
