/*
 * bindings/excel/airoi-xll.c: registration of the Excel add-in airoi.xll:
 * the table of worksheet functions (names, argument names, help text,
 * thread safety) and the XLL entry points Excel calls: xlAutoOpen, which
 * registers every function with xlfRegister, xlAutoClose, xlAutoFree12 and
 * xlAddInManagerInfo12. The functions themselves are in xll-finance.c,
 * xll-model.c and xll-sim.c (the list of files and the rules every function follows are
 * in airoi-xll.h). The same sources build a 64-bit Windows DLL (mingw-w64)
 * and a Linux shared object that the test host in tests/xll loads the way
 * Excel does. See docs/excel.md.
 */
#if !defined(_WIN32) && !defined(_GNU_SOURCE)
#  define _GNU_SOURCE /* dladdr and Dl_info in glibc's <dlfcn.h> */
#endif
#include <stdlib.h>
#include <string.h>
#if defined(_WIN32)
#  define WIN32_LEAN_AND_MEAN
#  include <windows.h>
#  include <wchar.h>
#else
#  include <dlfcn.h>
#endif

#include "airoi-xll.h"
#include "xll-registry.h"

/* ---- Registration table ------------------------------------------------ */

#define XLL_MAX_ARGS 8

typedef LPXLOPER12(XLL_CALL *xll_f0)(void);
typedef LPXLOPER12(XLL_CALL *xll_f1)(LPXLOPER12);
typedef LPXLOPER12(XLL_CALL *xll_f2)(LPXLOPER12, LPXLOPER12);
typedef LPXLOPER12(XLL_CALL *xll_f3)(LPXLOPER12, LPXLOPER12, LPXLOPER12);
typedef LPXLOPER12(XLL_CALL *xll_f4)(LPXLOPER12, LPXLOPER12, LPXLOPER12, LPXLOPER12);
typedef LPXLOPER12(XLL_CALL *xll_f5)(LPXLOPER12, LPXLOPER12, LPXLOPER12, LPXLOPER12, LPXLOPER12);
typedef LPXLOPER12(XLL_CALL *xll_f6)(LPXLOPER12, LPXLOPER12, LPXLOPER12, LPXLOPER12, LPXLOPER12,
                                     LPXLOPER12);
typedef LPXLOPER12(XLL_CALL *xll_f7)(LPXLOPER12, LPXLOPER12, LPXLOPER12, LPXLOPER12, LPXLOPER12,
                                     LPXLOPER12, LPXLOPER12);

enum {
    XLL_FN_THREAD_SAFE = 1, /* "$": may run on any recalculation thread */
    XLL_FN_VOLATILE = 2     /* "!": recalculated on every recalculation */
};

/* One worksheet function. The implementation pointer sits in a union
 * member chosen by the argument count, so a C signature that disagrees
 * with nargs (and with the type string built from it) does not compile. */
typedef struct xll_function {
    const char *export_name;
    int nargs;
    union {
        xll_f0 f0;
        xll_f1 f1;
        xll_f2 f2;
        xll_f3 f3;
        xll_f4 f4;
        xll_f5 f5;
        xll_f6 f6;
        xll_f7 f7;
    } impl;
    const char *name;
    unsigned flags;
    const char *help;
    const char *arg_names[XLL_MAX_ARGS];
    const char *arg_help[XLL_MAX_ARGS];
} xll_function;

#define XLL_IMPL(n, fn) .export_name = #fn, .nargs = n, .impl.f##n = fn

#define XLL_CATEGORY "libairoi"
#define XLL_ADDIN_NAME "libairoi - AI investment decisions (AIROI.* functions)"


static const xll_function functions[] = {
    {XLL_IMPL(2, xll_airoi_npv), .name = "AIROI.NPV", .flags = XLL_FN_THREAD_SAFE,
     .help = "Net present value of cash flows at the end of periods 1..n, as Excel's NPV "
             "(the first value is discounted one period). Blanks, text and logical "
             "values inside the range are skipped.",
     .arg_names = {"rate", "values"},
     .arg_help = {"Discount rate per period, e.g. 0.08.",
                  "Cash flows, one per period in order: a row, a column or an array."}},
    {XLL_IMPL(4, xll_airoi_xnpv), .name = "AIROI.XNPV", .flags = XLL_FN_THREAD_SAFE,
     .help = "Net present value of dated cash flows, as Excel's XNPV: each value is "
             "discounted by (1 + rate)^((date - first date) / 365), or by the years of "
             "another day count.",
     .arg_names = {"rate", "values", "dates", "day_count"},
     .arg_help = {"Annual discount rate.",
                  "Cash flows, one for each date.",
                  "Excel date serials, one per value; none may precede the first date.",
                  "Optional day count: \"act/365f\" (Excel's, when omitted), \"act/360\", "
                  "\"act/365.25\", \"30/360\", \"30e/360\" or \"act/act\"."}},
    {XLL_IMPL(2, xll_airoi_irr), .name = "AIROI.IRR", .flags = XLL_FN_THREAD_SAFE,
     .help = "Internal rate of return per period of cash flows whose first value is at "
             "period 0, as Excel's IRR. #NUM! when no rate makes the NPV zero.",
     .arg_names = {"values", "guess"},
     .arg_help = {"Cash flows with at least one positive and one negative value.",
                  "Optional starting estimate of the rate; 0.1 when omitted."}},
    {XLL_IMPL(4, xll_airoi_xirr), .name = "AIROI.XIRR", .flags = XLL_FN_THREAD_SAFE,
     .help = "Annual internal rate of return of dated cash flows (actual/365 from the "
             "first date, or another day count), as Excel's XIRR. #NUM! when there is no "
             "solution.",
     .arg_names = {"values", "dates", "guess", "day_count"},
     .arg_help = {"Cash flows with at least one positive and one negative value.",
                  "Excel date serials, one per value; none may precede the first date.",
                  "Optional starting estimate of the rate; 0.1 when omitted.",
                  "Optional day count: \"act/365f\" (Excel's, when omitted), \"act/360\", "
                  "\"act/365.25\", \"30/360\", \"30e/360\" or \"act/act\"."}},
    {XLL_IMPL(3, xll_airoi_mirr), .name = "AIROI.MIRR", .flags = XLL_FN_THREAD_SAFE,
     .help = "Modified internal rate of return per period, as Excel's MIRR: negative "
             "flows are financed at finance_rate, positive flows reinvested at "
             "reinvest_rate.",
     .arg_names = {"values", "finance_rate", "reinvest_rate"},
     .arg_help = {"Cash flows of periods 0..n-1 with at least one positive and one "
                  "negative value.",
                  "Rate paid on the money invested (the negative flows), per period.",
                  "Rate earned on the positive flows when reinvested, per period."}},
    {XLL_IMPL(1, xll_airoi_payback), .name = "AIROI.PAYBACK", .flags = XLL_FN_THREAD_SAFE,
     .help = "Payback period: the fractional period at which the cumulative cash flow "
             "(first value at period 0) turns non-negative, interpolated linearly "
             "inside the period. #N/A when it never does.",
     .arg_names = {"values"},
     .arg_help = {"Net cash flows of periods 0..n-1; a blank cell is a period with no "
                  "cash flow."}},
    {XLL_IMPL(2, xll_airoi_dpayback), .name = "AIROI.DPAYBACK", .flags = XLL_FN_THREAD_SAFE,
     .help = "Discounted payback period: the payback of the values discounted by "
             "(1 + rate)^t, the first value at t = 0. #N/A when it is never reached.",
     .arg_names = {"rate", "values"},
     .arg_help = {"Discount rate per period.",
                  "Net cash flows of periods 0..n-1; a blank cell is a period with no "
                  "cash flow."}},
    {XLL_IMPL(2, xll_airoi_roi), .name = "AIROI.ROI", .flags = XLL_FN_THREAD_SAFE,
     .help = "Return on investment over the horizon, undiscounted: (sum of benefits - "
             "sum of costs) / sum of costs.",
     .arg_names = {"benefits", "costs"},
     .arg_help = {"Benefit amounts; blank cells count as 0.",
                  "Cost amounts as positive numbers; blank cells count as 0."}},
    {XLL_IMPL(3, xll_airoi_npvroi), .name = "AIROI.NPVROI", .flags = XLL_FN_THREAD_SAFE,
     .help = "NPV-based ROI: (PV of benefits - PV of costs) / PV of costs, the first "
             "value of each range at period 0 (not discounted), as in total-economic-"
             "impact studies.",
     .arg_names = {"rate", "benefits", "costs"},
     .arg_help = {"Discount rate per period.",
                  "Benefits of periods 0..n-1; blank cells count as 0.",
                  "Costs of periods 0..n-1 as positive numbers; blank cells count as 0."}},
    {XLL_IMPL(6, xll_airoi_ipmt), .name = "AIROI.IPMT", .flags = XLL_FN_THREAD_SAFE,
     .help = "Interest part of payment per of a loan or annuity, as Excel's IPMT, exact also "
             "where (1 + rate)^per is large.",
     .arg_names = {"rate", "per", "nper", "pv", "fv", "type"},
     .arg_help = {"Rate per period.", "The period, 1 to nper.", "Number of periods.",
                  "Present value (the loan).", "Optional future value; 0 when omitted.",
                  "Optional: 0 or omitted, payments at period end; 1 at period start."}},
    {XLL_IMPL(6, xll_airoi_ppmt), .name = "AIROI.PPMT", .flags = XLL_FN_THREAD_SAFE,
     .help = "Principal part of payment per of a loan or annuity, as Excel's PPMT, exact "
             "also where (1 + rate)^per is large.",
     .arg_names = {"rate", "per", "nper", "pv", "fv", "type"},
     .arg_help = {"Rate per period.", "The period, 1 to nper.", "Number of periods.",
                  "Present value (the loan).", "Optional future value; 0 when omitted.",
                  "Optional: 0 or omitted, payments at period end; 1 at period start."}},
    {XLL_IMPL(6, xll_airoi_cumipmt), .name = "AIROI.CUMIPMT", .flags = XLL_FN_THREAD_SAFE,
     .help = "Interest paid on a loan from start_period to end_period, as Excel's CUMIPMT.",
     .arg_names = {"rate", "nper", "pv", "start_period", "end_period", "type"},
     .arg_help = {"Rate per period, greater than 0.", "Number of periods.",
                  "Present value, greater than 0.", "First period, from 1.",
                  "Last period, up to nper.", "0: payments at period end; 1: at period start."}},
    {XLL_IMPL(6, xll_airoi_cumprinc), .name = "AIROI.CUMPRINC", .flags = XLL_FN_THREAD_SAFE,
     .help = "Principal repaid on a loan from start_period to end_period, as Excel's "
             "CUMPRINC.",
     .arg_names = {"rate", "nper", "pv", "start_period", "end_period", "type"},
     .arg_help = {"Rate per period, greater than 0.", "Number of periods.",
                  "Present value, greater than 0.", "First period, from 1.",
                  "Last period, up to nper.", "0: payments at period end; 1: at period start."}},
    {XLL_IMPL(4, xll_airoi_ispmt), .name = "AIROI.ISPMT", .flags = XLL_FN_THREAD_SAFE,
     .help = "Interest of a period of a loan repaid in even principal amounts, as Excel's "
             "ISPMT: pv * rate * (per / nper - 1).",
     .arg_names = {"rate", "per", "nper", "pv"},
     .arg_help = {"Rate per period.", "The period, counted from 0.", "Number of periods.",
                  "The loan."}},
    {XLL_IMPL(2, xll_airoi_effect), .name = "AIROI.EFFECT", .flags = XLL_FN_THREAD_SAFE,
     .help = "Effective annual rate of a nominal rate compounded npery times a year, as "
             "Excel's EFFECT.",
     .arg_names = {"nominal_rate", "npery"},
     .arg_help = {"Nominal annual rate, greater than 0.",
                  "Compounding periods per year, at least 1."}},
    {XLL_IMPL(2, xll_airoi_nominal), .name = "AIROI.NOMINAL", .flags = XLL_FN_THREAD_SAFE,
     .help = "Nominal annual rate of an effective rate, as Excel's NOMINAL.",
     .arg_names = {"effect_rate", "npery"},
     .arg_help = {"Effective annual rate, greater than 0.",
                  "Compounding periods per year, at least 1."}},
    {XLL_IMPL(3, xll_airoi_pduration), .name = "AIROI.PDURATION", .flags = XLL_FN_THREAD_SAFE,
     .help = "Periods for an investment to grow from pv to fv at rate, as Excel's PDURATION.",
     .arg_names = {"rate", "pv", "fv"},
     .arg_help = {"Rate per period, greater than 0.", "Present value, greater than 0.",
                  "Future value, greater than 0."}},
    {XLL_IMPL(3, xll_airoi_rri), .name = "AIROI.RRI", .flags = XLL_FN_THREAD_SAFE,
     .help = "Equivalent growth rate per period from pv to fv over nper periods, as Excel's "
             "RRI.",
     .arg_names = {"nper", "pv", "fv"},
     .arg_help = {"Number of periods, greater than 0.", "Present value, not 0.",
                  "Future value."}},
    {XLL_IMPL(2, xll_airoi_fvschedule), .name = "AIROI.FVSCHEDULE", .flags = XLL_FN_THREAD_SAFE,
     .help = "Future value of principal under a schedule of rates, as Excel's FVSCHEDULE.",
     .arg_names = {"principal", "schedule"},
     .arg_help = {"Present value.", "Rates, one per period; a blank cell counts as 0."}},
    {XLL_IMPL(3, xll_airoi_sln), .name = "AIROI.SLN", .flags = XLL_FN_THREAD_SAFE,
     .help = "Straight-line depreciation per period, as Excel's SLN.",
     .arg_names = {"cost", "salvage", "life"},
     .arg_help = {"Initial cost.", "Value at the end of the life.", "Number of periods."}},
    {XLL_IMPL(4, xll_airoi_syd), .name = "AIROI.SYD", .flags = XLL_FN_THREAD_SAFE,
     .help = "Sum-of-years'-digits depreciation of period per, as Excel's SYD.",
     .arg_names = {"cost", "salvage", "life", "per"},
     .arg_help = {"Initial cost.", "Value at the end of the life.", "Number of periods.",
                  "The period."}},
    {XLL_IMPL(5, xll_airoi_db), .name = "AIROI.DB", .flags = XLL_FN_THREAD_SAFE,
     .help = "Fixed-declining-balance depreciation, as Excel's DB: the rate rounded to 3 "
             "decimals, month months in the first year, the rest in period life + 1.",
     .arg_names = {"cost", "salvage", "life", "period", "month"},
     .arg_help = {"Initial cost.", "Value at the end of the life.", "Number of years.",
                  "The period, 1 to life + 1.",
                  "Optional months in the first year; 12 when omitted."}},
    {XLL_IMPL(5, xll_airoi_ddb), .name = "AIROI.DDB", .flags = XLL_FN_THREAD_SAFE,
     .help = "Double-declining-balance depreciation (or another factor), as Excel's DDB.",
     .arg_names = {"cost", "salvage", "life", "period", "factor"},
     .arg_help = {"Initial cost.", "Value at the end of the life.", "Number of periods.",
                  "The period, 1 to life.", "Optional rate of decline; 2 when omitted."}},
    {XLL_IMPL(7, xll_airoi_vdb), .name = "AIROI.VDB", .flags = XLL_FN_THREAD_SAFE,
     .help = "Declining-balance depreciation between two periods, switching to straight "
             "line when that is larger, as Excel's VDB.",
     .arg_names = {"cost", "salvage", "life", "start_period", "end_period", "factor",
                   "no_switch"},
     .arg_help = {"Initial cost.", "Value at the end of the life.", "Number of periods.",
                  "Start of the interval, from 0.", "End of the interval, up to life.",
                  "Optional rate of decline; 2 when omitted.",
                  "Optional: TRUE never switches to straight line; FALSE when omitted."}},
    {XLL_IMPL(0, xll_airoi_version), .name = "AIROI.VERSION", .flags = XLL_FN_THREAD_SAFE,
     .help = "Version of libairoi inside this add-in, e.g. 0.1.0.",
     .arg_names = {NULL},
     .arg_help = {NULL}},
    {XLL_IMPL(1, xll_airoi_load), .name = "AIROI.LOAD", .flags = 0,
     .help = "Loads and evaluates a YAML model file; returns a handle such as project#3 "
             "for AIROI.METRIC, SCHEDULE, TCO and FINDINGS. #VALUE! when the file cannot "
             "be read or is not a valid model.",
     .arg_names = {"path"},
     .arg_help = {"Path of the model file (.yaml), e.g. C:\\models\\case.yaml."}},
    {XLL_IMPL(4, xll_airoi_project), .name = "AIROI.PROJECT", .flags = 0,
     .help = "Builds and evaluates a model from cell ranges (layouts in docs/excel.md); "
             "returns a handle such as project#3. A header row (first cell \"name\") names "
             "the columns with the keys of the model format; blank rows are skipped.",
     .arg_names = {"project", "costs", "values", "scenarios"},
     .arg_help = {"One row under a header of: name, currency, unit, start, period, horizon, "
                  "discount_rate, finance_rate, reinvest_rate, use_case, stage, fx.CODE.",
                  "Rows under a header of: name, category, amount or quantity and unit_amount "
                  "or amounts (one column per period), per, at, from, to, growth, currency, "
                  "payment, risk_adjustment.",
                  "Rows: as costs with dimension for category, and realization, attribution, "
                  "monetized, adoption.curve, adoption.periods, adoption.start, "
                  "adoption.ceiling.",
                  "Optional rows under a header of: name, probability, delay, "
                  "adoption_ceiling, multipliers.TARGET (values, costs, a category, a "
                  "dimension or an item)."}},
    {XLL_IMPL(4, xll_airoi_check), .name = "AIROI.CHECK", .flags = XLL_FN_THREAD_SAFE,
     .help = "The reason AIROI.PROJECT gives #VALUE! for these tables: the message of the "
             "first value refused, in the words of the library and of model files, e.g. "
             "\"value item 'Gain': realization: expected a share in [0, 1]; got 1.5\". "
             "Empty text for a valid model.",
     .arg_names = {"project", "costs", "values", "scenarios"},
     .arg_help = {"The project row, as for AIROI.PROJECT.",
                  "The cost rows, as for AIROI.PROJECT.",
                  "The value rows, as for AIROI.PROJECT.",
                  "Optional scenario rows, as for AIROI.PROJECT."}},
    {XLL_IMPL(3, xll_airoi_metric), .name = "AIROI.METRIC", .flags = XLL_FN_THREAD_SAFE,
     .help = "A metric of a model handle by its JSON name (npv, irr, roi_basic, "
             "payback_periods, ...), for the base case or a scenario. #N/A for an unknown "
             "or stale handle or an undefined value; #NUM! when IRR has no solution.",
     .arg_names = {"handle", "name", "scenario"},
     .arg_help = {"A handle from AIROI.LOAD or AIROI.PROJECT, e.g. project#3.",
                  "Metric name, e.g. npv, irr, roi_basic, npv_roi, tco_total.",
                  "Optional scenario name; the base case when omitted."}},
    {XLL_IMPL(1, xll_airoi_schedule), .name = "AIROI.SCHEDULE", .flags = XLL_FN_THREAD_SAFE,
     .help = "Cash-flow schedule of a model handle as an array that spills: a header row "
             "(period, costs, benefits, net, cumulative, discounted), then one row per "
             "period from 0.",
     .arg_names = {"handle"},
     .arg_help = {"A handle from AIROI.LOAD or AIROI.PROJECT."}},
    {XLL_IMPL(1, xll_airoi_tco), .name = "AIROI.TCO", .flags = XLL_FN_THREAD_SAFE,
     .help = "Total cost of ownership of a model handle as an array that spills: a header "
             "row, one row per cost category, then total, direct, hidden and hidden_share.",
     .arg_names = {"handle"},
     .arg_help = {"A handle from AIROI.LOAD or AIROI.PROJECT."}},
    {XLL_IMPL(1, xll_airoi_findings), .name = "AIROI.FINDINGS", .flags = XLL_FN_THREAD_SAFE,
     .help = "Findings of the TCO audit of a model handle as an array that spills: a header "
             "row (code, severity, message, subject, actual, reference), then one row per "
             "finding; only the header when there are none.",
     .arg_names = {"handle"},
     .arg_help = {"A handle from AIROI.LOAD or AIROI.PROJECT."}},
    {XLL_IMPL(3, xll_airoi_simulate), .name = "AIROI.SIMULATE", .flags = 0,
     .help = "Runs the Monte Carlo simulation of a model handle (its uncertainties, "
             "correlations and simulation section); returns a handle such as simulation#4 "
             "for AIROI.SIMSTAT and AIROI.PERCENTILE. The same seed gives the same result.",
     .arg_names = {"handle", "trials", "seed"},
     .arg_help = {"A handle from AIROI.LOAD or AIROI.PROJECT.",
                  "Optional number of trials; the model's simulation.trials, else 10000.",
                  "Optional seed, a whole number; the model's simulation.seed, else 0."}},
    {XLL_IMPL(3, xll_airoi_simstat), .name = "AIROI.SIMSTAT", .flags = XLL_FN_THREAD_SAFE,
     .help = "A statistic of a simulation output: mean, sd, se, min, max, prob_positive, "
             "prob_above_target, value_at_risk, expected_shortfall, never_share, "
             "undefined_share or defined. #VALUE! when it is not one of the output's; "
             "#N/A when no trial defines it.",
     .arg_names = {"simulation", "output", "stat"},
     .arg_help = {"A handle from AIROI.SIMULATE, e.g. simulation#4.",
                  "Output: npv, irr, roi_horizon, npv_roi or payback_periods.",
                  "Statistic name, e.g. mean or prob_positive."}},
    {XLL_IMPL(3, xll_airoi_percentile), .name = "AIROI.PERCENTILE", .flags = XLL_FN_THREAD_SAFE,
     .help = "The exact percentile of a simulation output over its trials, e.g. 5 for "
             "the 5th percentile (P5) of NPV.",
     .arg_names = {"simulation", "output", "p"},
     .arg_help = {"A handle from AIROI.SIMULATE.",
                  "Output: npv, irr, roi_horizon, npv_roi or payback_periods.",
                  "Percentile in [0, 100]."}},
    {XLL_IMPL(1, xll_airoi_tornado), .name = "AIROI.TORNADO", .flags = 0,
     .help = "Tornado of a model handle as an array that spills: a header row (input, "
             "low_npv, high_npv, swing), then each uncertainty alone at its P10 and P90, "
             "largest swing first.",
     .arg_names = {"handle"},
     .arg_help = {"A handle from AIROI.LOAD or AIROI.PROJECT."}},
    {XLL_IMPL(1, xll_airoi_stages), .name = "AIROI.STAGES", .flags = 0,
     .help = "Staged investment of a model handle as an array that spills: a header row "
             "(figure, value), then prob_production, expected_cost, expected_npv, "
             "npv_all_in and value_of_staging. #N/A when the model has no stages.",
     .arg_names = {"handle"},
     .arg_help = {"A handle from AIROI.LOAD or AIROI.PROJECT."}},
    {XLL_IMPL(1, xll_airoi_validate), .name = "AIROI.VALIDATE", .flags = 0,
     .help = "Every problem of a model file, or of the model behind a handle, as an array "
             "that spills: a header row (line, column, message), then one row per error or "
             "warning; only the header when there is none.",
     .arg_names = {"path_or_handle"},
     .arg_help = {"Path of a YAML model file, e.g. C:\\models\\case.yaml, or a handle "
                  "from AIROI.LOAD or AIROI.PROJECT."}},
    {XLL_IMPL(1, xll_airoi_scenarios), .name = "AIROI.SCENARIOS", .flags = XLL_FN_THREAD_SAFE,
     .help = "The scenarios of a model handle as an array that spills: a header row (name, "
             "probability, then every metric), then one row per scenario; a model without "
             "scenarios gives its base case as 'base' with probability 1.",
     .arg_names = {"handle"},
     .arg_help = {"A handle from AIROI.LOAD or AIROI.PROJECT."}},
    {XLL_IMPL(1, xll_airoi_benchmark), .name = "AIROI.BENCHMARK", .flags = XLL_FN_THREAD_SAFE,
     .help = "The model against the benchmark of its use case as an array that spills: a "
             "header row (field, figure, low, high, value, position), then roi, "
             "payback_months and investment. #N/A when the model has no use case.",
     .arg_names = {"handle"},
     .arg_help = {"A handle from AIROI.LOAD or AIROI.PROJECT of a model with a use_case."}},
    {XLL_IMPL(2, xll_airoi_save), .name = "AIROI.SAVE", .flags = 0,
     .help = "Writes the model behind a handle as a YAML model file (the format AIROI.LOAD "
             "and the airoi command read) and returns the path. Overwrites the file.",
     .arg_names = {"handle", "path"},
     .arg_help = {"A handle from AIROI.LOAD or AIROI.PROJECT.",
                  "Path of the file to write, e.g. C:\\models\\case.yaml."}},
};

#define NFUNCTIONS (sizeof functions / sizeof functions[0])

/* Register ids returned by xlfRegister; touched only by xlAutoOpen and
 * xlAutoClose, which Excel calls on its main thread. */
static double register_ids[NFUNCTIONS];
static int registered[NFUNCTIONS];

/* ---- XLL entry points -------------------------------------------------- */

/* A temporary counted string argument for a callback; free with tmp_free. */
static int tmp_str(XLOPER12 *x, const char *utf8)
{
    size_t units = xll_utf16_len(utf8);
    if (units > 255)
        units = 255;
    XCHAR *s = malloc((units + 1) * sizeof *s);
    x->xltype = xltypeStr;
    x->val.str = s;
    if (s == NULL)
        return -1;
    s[0] = (XCHAR)xll_utf8_to_utf16(s + 1, units, utf8);
    return 0;
}

static void tmp_free(XLOPER12 *x)
{
    if (x->xltype == xltypeStr)
        free(x->val.str);
    x->xltype = xltypeNil;
}

/* Releases what a callback result may hold of Excel's memory (strings,
 * arrays, references) with xlFree; numbers, booleans, errors and Nil hold
 * none and need no callback, which a minimal host may not answer. */
static void release_excel_result(XLOPER12 *x)
{
    uint32_t t = x->xltype & 0xfff;
    if (t == xltypeStr || t == xltypeMulti || t == xltypeRef)
        xll_excel12(xlFree, NULL, 1, x);
    x->xltype = xltypeNil;
}

/* Builds the type string: Q result, one Q per argument, then the flags. */
static void type_text(const xll_function *f, char *buf)
{
    size_t k = 0;
    buf[k++] = 'Q';
    for (int i = 0; i < f->nargs; i++)
        buf[k++] = 'Q';
    if (f->flags & XLL_FN_VOLATILE)
        buf[k++] = '!';
    if (f->flags & XLL_FN_THREAD_SAFE)
        buf[k++] = '$';
    buf[k] = '\0';
}

/* Registers one function with xlfRegister; returns 1 on success. */
static int register_function(const XLOPER12 *module, size_t idx)
{
    const xll_function *f = &functions[idx];
    enum { FIXED = 10 };
    XLOPER12 args[FIXED + XLL_MAX_ARGS];
    LPXLOPER12 argv[FIXED + XLL_MAX_ARGS];
    char types[XLL_MAX_ARGS + 4];
    char names[256];
    char last_help[260];
    int ok = 1;

    type_text(f, types);
    names[0] = '\0';
    for (int i = 0; i < f->nargs; i++) {
        if (i > 0)
            strncat(names, ",", sizeof names - strlen(names) - 1);
        strncat(names, f->arg_names[i], sizeof names - strlen(names) - 1);
    }
    args[0] = *module;
    ok &= tmp_str(&args[1], f->export_name) == 0;
    ok &= tmp_str(&args[2], types) == 0;
    ok &= tmp_str(&args[3], f->name) == 0;
    ok &= tmp_str(&args[4], names) == 0;
    args[5].xltype = xltypeNum;
    args[5].val.num = 1.0; /* a worksheet function */
    ok &= tmp_str(&args[6], XLL_CATEGORY) == 0;
    args[7].xltype = xltypeMissing; /* shortcut text: commands only */
    args[8].xltype = xltypeMissing; /* help topic */
    ok &= tmp_str(&args[9], f->help) == 0;
    for (int i = 0; i < f->nargs; i++) {
        const char *h = f->arg_help[i];
        if (i == f->nargs - 1) {
            /* The function wizard may cut the last argument's help by one or
             * two characters (a documented Excel issue): pad it. */
            size_t len = strlen(h);
            if (len > sizeof last_help - 3)
                len = sizeof last_help - 3;
            memcpy(last_help, h, len);
            memcpy(last_help + len, "  ", 3);
            h = last_help;
        }
        ok &= tmp_str(&args[FIXED + i], h) == 0;
    }
    int count = FIXED + f->nargs;
    for (int i = 0; i < count; i++)
        argv[i] = &args[i];

    XLOPER12 res;
    res.xltype = xltypeNil;
    /* Excel answers with the register id, a number; a host may also answer
     * with an integer. Anything else (an error value, a failed call) means
     * this function is not registered: the others still are. */
    if (ok && xll_excel12v(xlfRegister, &res, count, argv) == xlretSuccess) {
        uint32_t t = res.xltype & 0xfff;
        if (t == xltypeNum || t == xltypeInt) {
            register_ids[idx] = t == xltypeNum ? res.val.num : (double)res.val.w;
            registered[idx] = 1;
        } else {
            ok = 0;
        }
        release_excel_result(&res);
    } else {
        ok = 0;
    }
    for (int i = 1; i < count; i++)
        if (i != 5 && i != 7 && i != 8)
            tmp_free(&args[i]);
    return ok;
}

/* The add-in's own file name as a counted string in a malloc'ed block (free
 * x->val.str with free()), for hosts that do not answer xlGetName: the
 * module containing xlAutoOpen, by GetModuleHandleExW + GetModuleFileNameW
 * on Windows, dladdr elsewhere. Returns 0, or -1 when it is not known. */
static int own_module_name(XLOPER12 *x)
{
    int (XLL_CALL *self)(void) = xlAutoOpen;
    void *addr;
    memcpy(&addr, &self, sizeof addr); /* a code address inside this module */
    x->xltype = xltypeNil;
#if defined(_WIN32)
    HMODULE h = NULL;
    if (!GetModuleHandleExW(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS |
                                GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                            (LPCWSTR)addr, &h))
        return -1;
    wchar_t *w = malloc((XL_MAX_STR + 1) * sizeof *w);
    XCHAR *s = malloc((XL_MAX_STR + 1) * sizeof *s);
    DWORD len = w != NULL && s != NULL ? GetModuleFileNameW(h, w, XL_MAX_STR + 1) : 0;
    /* len == XL_MAX_STR + 1 means truncated: no usable name. */
    if (len == 0 || len > XL_MAX_STR) {
        free(w);
        free(s);
        return -1;
    }
    s[0] = (XCHAR)len;
    for (DWORD i = 0; i < len; i++)
        s[i + 1] = (XCHAR)w[i];
    free(w);
#else
    Dl_info info;
    if (dladdr(addr, &info) == 0 || info.dli_fname == NULL || info.dli_fname[0] == '\0')
        return -1;
    size_t units = xll_utf16_len(info.dli_fname);
    if (units > XL_MAX_STR)
        return -1;
    XCHAR *s = malloc((units + 1) * sizeof *s);
    if (s == NULL)
        return -1;
    s[0] = (XCHAR)xll_utf8_to_utf16(s + 1, units, info.dli_fname);
#endif
    x->xltype = xltypeStr;
    x->val.str = s;
    return 0;
}

/* Registers every function. Only xlfRegister is needed from the host: the
 * module name comes from xlGetName when the host answers it, else from the
 * module itself. A function the host refuses is left out and the others
 * are still registered; xlAutoOpen returns 1 whenever the host could be
 * called at all (Excel ignores the value; 0 only when MdCallBack12 is
 * missing, so that nothing can be registered). */
XLL_EXPORT int XLL_CALL xlAutoOpen(void)
{
    if (!xll_callback_init())
        return 0;
    XLOPER12 module;
    module.xltype = xltypeNil;
    int from_excel = xll_excel12(xlGetName, &module, 0) == xlretSuccess;
    if (from_excel && (module.xltype & 0xfff) != xltypeStr) {
        release_excel_result(&module);
        from_excel = 0;
    }
    if (!from_excel && own_module_name(&module) != 0) {
        /* No name at all: Excel would refuse the registrations anyway. */
        return 1;
    }
    for (size_t i = 0; i < NFUNCTIONS; i++)
        (void)register_function(&module, i);
    if (from_excel) {
        release_excel_result(&module);
    } else {
        free(module.val.str);
    }
    return 1;
}

XLL_EXPORT int XLL_CALL xlAutoClose(void)
{
    for (size_t i = 0; i < NFUNCTIONS; i++) {
        if (!registered[i])
            continue;
        XLOPER12 id, name, res;
        id.xltype = xltypeNum;
        id.val.num = register_ids[i];
        res.xltype = xltypeNil;
        if (xll_excel12(xlfUnregister, &res, 1, &id) == xlretSuccess)
            release_excel_result(&res);
        /* Unregistering leaves the hidden name of the function behind:
         * delete it with SET.NAME without a definition. */
        if (tmp_str(&name, functions[i].name) == 0) {
            res.xltype = xltypeNil;
            if (xll_excel12(xlfSetName, &res, 1, &name) == xlretSuccess)
                release_excel_result(&res);
        }
        tmp_free(&name);
        registered[i] = 0;
    }
    xll_registry_clear();
    return 1;
}

XLL_EXPORT void XLL_CALL xlAutoFree12(LPXLOPER12 x)
{
    xll_result_free(x);
}

/* Called by the Add-in Manager on Excel's main thread (not a worksheet
 * function). Action 1 asks for the add-in's long name. */
XLL_EXPORT LPXLOPER12 XLL_CALL xlAddInManagerInfo12(LPXLOPER12 action)
{
    double a = 0.0;
    if (xll_arg_number(action, &a) == XLL_OK && a == 1.0)
        return xll_result_str(XLL_ADDIN_NAME);
    return xll_result_err(xlerrValue);
}
