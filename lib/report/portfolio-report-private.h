/*
 * lib/report/portfolio-report-private.h: shared by the portfolio report
 * (portfolio-report.c: text, JSON, CSV, Markdown) and the portfolio page
 * (portfolio-html.c). Internal header; nothing here is part of the API.
 */
#ifndef AIROI_PORTFOLIO_REPORT_PRIVATE_H
#define AIROI_PORTFOLIO_REPORT_PRIVATE_H

#include "report-private.h"
#include "portfolio-private.h"

/* The percentiles of a portfolio simulation as reported: P5, P10, P50, P90,
 * P95, then the extra ones asked, without repeats. */
#define AIROI__PFR_MAX_PCT (5 + AIROI_PERCENTILES_MAX)
size_t airoi__pfr_percentiles(double *at, const airoi_portfolio_simulation *sim);

int airoi__portfolio_report_write_sim(char **out, size_t *len_out,
                                      const airoi_portfolio_result *r,
                                      const airoi_portfolio_simulation *sim,
                                      airoi_report_format format, unsigned flags);

/* The portfolio page (portfolio-html.c). */
void airoi__portfolio_html(airoi__buf *b, const airoi_portfolio_result *r,
                           const airoi_portfolio_simulation *sim);

#endif /* AIROI_PORTFOLIO_REPORT_PRIVATE_H */
