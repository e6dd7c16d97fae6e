/*
 * bindings/excel/airoi-xll.h: what the source files of the add-in airoi.xll
 * share. Internal to the add-in: only the functions marked XLL_EXPORT leave
 * the DLL.
 *
 * The add-in is split by job:
 *   airoi-xll.c    registration: the table of worksheet functions and the
 *                  XLL entry points (xlAutoOpen, xlAutoClose, xlAutoFree12,
 *                  xlAddInManagerInfo12);
 *   xll-finance.c  the finance functions (AIROI.NPV ... AIROI.VERSION);
 *   xll-model.c    the model functions: AIROI.LOAD and AIROI.PROJECT, which
 *                  keep results under handles, AIROI.METRIC, SCHEDULE,
 *                  TCO, FINDINGS, SCENARIOS and BENCHMARK, which read them,
 *                  AIROI.VALIDATE and AIROI.SAVE;
 *   xll-sim.c      the simulation functions: AIROI.SIMULATE, which keeps a
 *                  simulation under a handle, AIROI.SIMSTAT and PERCENTILE,
 *                  which read it, and AIROI.TORNADO and STAGES;
 *   xll-readers.c  argument readers beyond xll-glue.h: text, dated values,
 *                  and the project, item and scenario tables of
 *                  AIROI.PROJECT;
 *   xll-glue.c, xll-registry.c  the callback, DLL-owned results, number
 *                  readers, strings and the handle registry (tested alone
 *                  in tests/xll/test-xll-glue.c).
 *
 * Rules every worksheet function follows:
 * - arguments are registered as type Q (values, never references), so a
 *   range arrives as an xltypeMulti of values, a blank as xltypeNil and an
 *   omitted argument as xltypeMissing;
 * - the result is always a fresh DLL-owned block (xlbitDLLFree) released
 *   in xlAutoFree12, never static or stack memory: the functions are
 *   registered thread-safe ($) and run concurrently in Excel's
 *   multi-threaded recalculation, except AIROI.LOAD and AIROI.PROJECT,
 *   which call xlfCaller and run on Excel's main thread (see xll-model.c),
 *   and the functions that read a handle's project (SIMULATE, TORNADO,
 *   STAGES, VALIDATE, SAVE), which one thread at a time may use;
 * - errors: an argument of the wrong kind (text, missing) is #VALUE!; an
 *   error value in an argument is passed through; a number outside the
 *   domain, no solution or an overflow is #NUM!; "never" is #N/A; a ratio
 *   with a zero denominator, or a discount rate of exactly -1 (1 + rate is
 *   0, as Excel's NPV), is #DIV/0!. NaN and infinity never reach a cell.
 */
#ifndef AIROI_XLL_H
#define AIROI_XLL_H

#include <stddef.h>
#include <stdint.h>

#include "airoi/airoi.h"
#include "xll-glue.h"

/* ---- Worksheet functions and entry points (exported) ------------------ */

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_npv(LPXLOPER12 rate, LPXLOPER12 values);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_xnpv(LPXLOPER12 rate, LPXLOPER12 values,
                                              LPXLOPER12 dates, LPXLOPER12 day_count);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_irr(LPXLOPER12 values, LPXLOPER12 guess);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_xirr(LPXLOPER12 values, LPXLOPER12 dates,
                                              LPXLOPER12 guess, LPXLOPER12 day_count);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_mirr(LPXLOPER12 values, LPXLOPER12 finance_rate,
                                              LPXLOPER12 reinvest_rate);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_payback(LPXLOPER12 values);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_dpayback(LPXLOPER12 rate, LPXLOPER12 values);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_roi(LPXLOPER12 benefits, LPXLOPER12 costs);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_npvroi(LPXLOPER12 rate, LPXLOPER12 benefits,
                                                LPXLOPER12 costs);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_version(void);
/* xll-finance-more.c: Excel's loan, rate-conversion and depreciation functions */
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_ipmt(LPXLOPER12 rate, LPXLOPER12 per, LPXLOPER12 nper,
                                              LPXLOPER12 pv, LPXLOPER12 fv, LPXLOPER12 type);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_ppmt(LPXLOPER12 rate, LPXLOPER12 per, LPXLOPER12 nper,
                                              LPXLOPER12 pv, LPXLOPER12 fv, LPXLOPER12 type);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_cumipmt(LPXLOPER12 rate, LPXLOPER12 nper,
                                                 LPXLOPER12 pv, LPXLOPER12 start,
                                                 LPXLOPER12 end, LPXLOPER12 type);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_cumprinc(LPXLOPER12 rate, LPXLOPER12 nper,
                                                  LPXLOPER12 pv, LPXLOPER12 start,
                                                  LPXLOPER12 end, LPXLOPER12 type);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_ispmt(LPXLOPER12 rate, LPXLOPER12 per, LPXLOPER12 nper,
                                               LPXLOPER12 pv);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_effect(LPXLOPER12 nominal_rate, LPXLOPER12 npery);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_nominal(LPXLOPER12 effect_rate, LPXLOPER12 npery);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_pduration(LPXLOPER12 rate, LPXLOPER12 pv, LPXLOPER12 fv);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_rri(LPXLOPER12 nper, LPXLOPER12 pv, LPXLOPER12 fv);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_fvschedule(LPXLOPER12 principal, LPXLOPER12 schedule);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_sln(LPXLOPER12 cost, LPXLOPER12 salvage, LPXLOPER12 life);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_syd(LPXLOPER12 cost, LPXLOPER12 salvage, LPXLOPER12 life,
                                             LPXLOPER12 per);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_db(LPXLOPER12 cost, LPXLOPER12 salvage, LPXLOPER12 life,
                                            LPXLOPER12 period, LPXLOPER12 month);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_ddb(LPXLOPER12 cost, LPXLOPER12 salvage, LPXLOPER12 life,
                                             LPXLOPER12 period, LPXLOPER12 factor);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_vdb(LPXLOPER12 cost, LPXLOPER12 salvage, LPXLOPER12 life,
                                             LPXLOPER12 start, LPXLOPER12 end,
                                             LPXLOPER12 factor, LPXLOPER12 no_switch);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_load(LPXLOPER12 path);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_project(LPXLOPER12 project, LPXLOPER12 costs,
                                                 LPXLOPER12 values, LPXLOPER12 scenarios);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_check(LPXLOPER12 project, LPXLOPER12 costs,
                                               LPXLOPER12 values, LPXLOPER12 scenarios);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_metric(LPXLOPER12 handle, LPXLOPER12 name,
                                                LPXLOPER12 scenario);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_schedule(LPXLOPER12 handle);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_tco(LPXLOPER12 handle);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_findings(LPXLOPER12 handle);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_simulate(LPXLOPER12 handle, LPXLOPER12 trials,
                                                  LPXLOPER12 seed);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_simstat(LPXLOPER12 sim, LPXLOPER12 output,
                                                 LPXLOPER12 stat);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_percentile(LPXLOPER12 sim, LPXLOPER12 output,
                                                    LPXLOPER12 p);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_tornado(LPXLOPER12 handle);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_stages(LPXLOPER12 handle);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_validate(LPXLOPER12 target);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_scenarios(LPXLOPER12 handle);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_benchmark(LPXLOPER12 handle);
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_save(LPXLOPER12 handle, LPXLOPER12 path);

XLL_EXPORT int XLL_CALL xlAutoOpen(void);
XLL_EXPORT int XLL_CALL xlAutoClose(void);
XLL_EXPORT void XLL_CALL xlAutoFree12(LPXLOPER12 x);
XLL_EXPORT LPXLOPER12 XLL_CALL xlAddInManagerInfo12(LPXLOPER12 action);

/* ---- Model handles (xll-model.c) ---------------------------------------
 * A "project#N" handle holds the project with its result: the result
 * answers AIROI.METRIC, SCHEDULE, TCO and FINDINGS, the project (never
 * changed once evaluated) AIROI.SIMULATE, TORNADO and STAGES. */

#define XLL_KIND_PROJECT "project"

typedef struct xll_model {
    airoi_project *project;
    airoi_result *result;
} xll_model;

struct xll_owner;
struct xll_entry;

/* The cell that called the running function, from xlfCaller; 1 when *owner
 * was set, 0 when the caller is not a cell (the handle is then unowned). */
int xll_caller_owner(struct xll_owner *owner);

/* Borrows the object of kind `kind` named by a handle argument: XLL_OK,
 * #VALUE! for an argument that is not text or not a handle name, #N/A for
 * a handle that does not exist (any more): released, replaced by a
 * recalculation, or from an earlier session. Give it back with
 * xll_registry_release(*entry). */
int xll_borrow(LPXLOPER12 a_handle, const char *kind, void **obj, struct xll_entry **entry);

/* Calls fn with the model named by a handle argument, borrowed for the
 * call (xll_borrow); the error value of xll_borrow when there is none. */
LPXLOPER12 xll_with_model(LPXLOPER12 a_handle, LPXLOPER12 (*fn)(const xll_model *m));

/* ---- Readers (xll-readers.c) -------------------------------------------
 * Like the readers of xll-glue.h they return XLL_OK or the Excel error
 * value the function should return. */

/* A text argument as a malloc'ed UTF-8 string (free()); XLL_OK or the
 * error: #VALUE! for anything but text (a 1x1 array of text counts), the
 * cell's error passed through. */
int xll_arg_text(const XLOPER12 *a, char **out);

/* The optional day-count argument of AIROI.XNPV and AIROI.XIRR: missing or
 * blank is Excel's act/365f; text names a convention ("act/360", ...,
 * case-insensitive); anything else, or an unknown name, is #VALUE!; an
 * error passes through (xll-finance-more.c). */
int xll_day_count_arg(LPXLOPER12 a, airoi_day_count *out);
/* Turns Excel 1900-system serials into day numbers in place (for the day
 * counts that need calendar dates); #VALUE! for a serial that is no date. */
int xll_serials_to_days(int32_t *dates, size_t n);

/* Reads paired values and dates (XNPV, XIRR): every cell a number, the same
 * count in both (#NUM! otherwise, as Excel), dates truncated to whole
 * serials in Excel's range 0..2958465 (#VALUE! otherwise). *values and
 * *dates are malloc'ed (free()); NULL when *n is 0. */
int xll_read_dated(LPXLOPER12 a_values, LPXLOPER12 a_dates, double **values,
                   int32_t **dates, size_t *n);

/* An error from the cells (xlerr*) or a library status, carried together. */
typedef struct xll_fail {
    int xlerr;  /* XLL_OK or the cell's error value */
    int status; /* AIROI_OK or the library status */
    /* The reason when the tables themselves are refused (an unknown column
     * name, an amount given two ways, ...), which the library never sees:
     * then status is AIROI_ERR_INVALID; "" when the reason is the
     * library's (airoi_last_error_message()). */
    char message[640];
} xll_fail;

/* Builds the project of AIROI.PROJECT from its four table arguments (the
 * layouts are in docs/excel.md; scenarios may be missing or blank). Every
 * value goes through the library's setters, so a cell is refused by the
 * same rule, with the same message in airoi_last_error_message(), as the
 * C API and a model file. Returns the project (caller frees; possibly
 * partly built, or NULL) and sets *f: f->xlerr for a cell of the wrong kind
 * or an error value in a cell, else f->status for a refused value. */
airoi_project *xll_read_project_tables(xll_fail *f, LPXLOPER12 a_project, LPXLOPER12 a_costs,
                                       LPXLOPER12 a_values, LPXLOPER12 a_scenarios);

#endif /* AIROI_XLL_H */
