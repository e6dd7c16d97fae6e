/*
 * lib/report: reports of a simulation, a tornado, staging figures and
 * break-even multipliers (simulation-report.c, decision-report.c). Their
 * text and Markdown share one shape, a document of facts and titled tables
 * (simdoc.c); JSON and CSV are written per report. Internal header.
 */
#ifndef AIROI_SIMREPORT_PRIVATE_H
#define AIROI_SIMREPORT_PRIVATE_H

#include <stddef.h>

#include "report-private.h"
#include "airoi/simulation.h"

#define RS_MAX_FACTS 12
#define RS_MAX_SECTIONS 10

/* A section: a title, an optional note under it, and a table or a line of
 * text. */
typedef struct rs_section {
    char title[64];
    char note[256];
    int has_table;
    rpt_table table;
    char text[512];
} rs_section;

/* What text and Markdown show: a title, facts (label: value), sections. */
typedef struct rs_doc {
    char title[256];
    size_t nfacts;
    char label[RS_MAX_FACTS][32];
    char value[RS_MAX_FACTS][256];
    size_t nsections;
    rs_section sec[RS_MAX_SECTIONS];
} rs_doc;

void airoi__rs_doc_init(rs_doc *d, const char *title);
void airoi__rs_doc_free(rs_doc *d);
void airoi__rs_fact(rs_doc *d, const char *label, const char *fmt, ...) AIROI__PRINTF(3, 4);
/* A new section; its table (when the caller fills one) is freed with the
 * document. NULL when the document is full. */
rs_section *airoi__rs_section(rs_doc *d, const char *title, const char *note);
/* The document as aligned text (titles in capitals) or as Markdown. */
void airoi__rs_text(airoi__buf *b, const rs_doc *d);
void airoi__rs_markdown(airoi__buf *b, const rs_doc *d);
/* 1 when a table of the document failed to allocate. */
int airoi__rs_failed(const rs_doc *d);

/* The settings a report formats amounts with (currency, unit, period): a
 * zeroed rpt with unit 1 and no currency when s is NULL. */
void airoi__rs_head(rpt *H, const airoi__settings *s);

/* Key of a percentile as written: 5 -> "5", 2.5 -> "2.5". */
void airoi__rs_percentile_key(char *buf, size_t cap, double p);

/* A figure as the tables show it. */
void airoi__rs_money(char *buf, size_t cap, const rpt *H, const rpt_num *n);
void airoi__rs_percent(char *buf, size_t cap, const rpt_num *n);
void airoi__rs_multiplier(char *buf, size_t cap, const rpt_num *n);

/* The section of the five staging figures (decision-report.c), in the
 * report of a simulation and in that of the staging figures. */
void airoi__rs_staging_table(rs_doc *d, const rpt *H, const rpt_num fig[5], const char *note);

/* Checks the format and flags of a writer; AIROI_OK or AIROI_ERR_INVALID
 * naming the function. */
int airoi__rs_check(const char *fn, const void *subject, char **out, size_t *len_out,
                    airoi_report_format format, unsigned flags);

/* Internal forms of the public writers. */
int airoi__report_write_simulation(char **out, size_t *len_out, const airoi_simulation *s,
                                   airoi_report_format format, unsigned flags);
int airoi__report_write_tornado(char **out, size_t *len_out, const airoi_tornado *t,
                                airoi_report_format format, unsigned flags);
int airoi__report_write_staging(char **out, size_t *len_out, const airoi_staging *s,
                                airoi_report_format format, unsigned flags);
int airoi__report_write_breakeven(char **out, size_t *len_out, const airoi_breakeven *b,
                                  airoi_report_format format, unsigned flags);

#endif /* AIROI_SIMREPORT_PRIVATE_H */
