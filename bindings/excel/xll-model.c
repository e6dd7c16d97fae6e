/*
 * bindings/excel/xll-model.c: the model worksheet functions of the add-in
 * airoi.xll. AIROI.LOAD (a model file) and AIROI.PROJECT (cell tables, read
 * by xll-readers.c) evaluate a model and keep its result under a handle;
 * AIROI.METRIC, SCHEDULE, TCO, FINDINGS, SCENARIOS and BENCHMARK read a
 * handle's result; AIROI.VALIDATE lists the problems of a model file or a
 * handle's model and AIROI.SAVE writes a handle's model as a model file
 * (rules in airoi-xll.h).
 */
#include <stdlib.h>
#include <string.h>

#include "airoi-xll.h"
#include "xll-registry.h"

/* ---- Models and handles ------------------------------------------------
 * AIROI.LOAD and AIROI.PROJECT build a project, evaluate it once and put
 * the project with its result (an xll_model) into the handle registry
 * (xll-registry.h) under a versioned name "project#N" owned by the calling
 * cell (xlfCaller). The result answers the readers; the project is kept for
 * what needs the model itself (AIROI.SIMULATE, TORNADO, STAGES in
 * xll-sim.c) and is never changed after it was evaluated. They are
 * registered without "$": they call back into Excel (xlfCaller) and read
 * files, so Excel runs them on its main thread. The readers (AIROI.METRIC,
 * SCHEDULE, TCO, FINDINGS) only borrow the immutable result under the
 * registry's reference count and are thread-safe. */

static void model_destroy(void *obj)
{
    xll_model *m = obj;
    if (m == NULL)
        return;
    airoi_result_free(m->result);
    airoi_project_free(m->project);
    free(m);
}

/* The cell that called the running function, from xlfCaller: an xltypeRef
 * (sheet id, cell) or an xltypeSRef (a cell of the current sheet, sheet 0).
 * Returns 1 when *owner was set; 0 when the caller is not a cell (VBA, a
 * name, a host without xlfCaller): the handle is then unowned. */
int xll_caller_owner(xll_owner *owner)
{
    XLOPER12 c;
    memset(&c, 0, sizeof c);
    c.xltype = xltypeNil;
    if (xll_excel12(xlfCaller, &c, 0) != xlretSuccess)
        return 0;
    int ok = 0;
    switch (c.xltype & 0xfff) {
    case xltypeSRef:
        owner->sheet = 0;
        owner->row = c.val.sref.ref.rwFirst;
        owner->col = c.val.sref.ref.colFirst;
        ok = 1;
        break;
    case xltypeRef:
        if (c.val.mref.lpmref != NULL && c.val.mref.lpmref->count >= 1) {
            owner->sheet = (uint64_t)c.val.mref.idSheet;
            owner->row = c.val.mref.lpmref->reftbl[0].rwFirst;
            owner->col = c.val.mref.lpmref->reftbl[0].colFirst;
            ok = 1;
        }
        break;
    default:
        break;
    }
    xll_excel12(xlFree, NULL, 1, &c);
    return ok;
}

/* Maps a failed load, build or evaluation to the cell's error value: out of
 * memory and overflow are #NUM!, everything else (unreadable file, syntax,
 * model errors, bad cells) an invalid argument, #VALUE!. */
static int model_error(int status)
{
    return status == AIROI_ERR_NOMEM || status == AIROI_ERR_RANGE ? xlerrNum : xlerrValue;
}

/* Evaluates p (taking it over) and stores it with its result for the
 * caller; the return value is the handle name or an error value. On
 * failure the caller's previous handle is released too: the cell no longer
 * shows it. */
static LPXLOPER12 store_model(airoi_project *p, int status)
{
    xll_owner owner;
    int owned = xll_caller_owner(&owner);
    airoi_result *r = NULL;
    xll_model *m = NULL;
    if (status == AIROI_OK)
        status = airoi_project_evaluate(&r, p, NULL, 0);
    if (status == AIROI_OK && (m = malloc(sizeof *m)) == NULL)
        status = AIROI_ERR_NOMEM;
    if (status != AIROI_OK) {
        airoi_result_free(r);
        airoi_project_free(p);
        if (owned)
            xll_registry_drop_owner(&owner);
        return xll_result_err(model_error(status));
    }
    m->project = p;
    m->result = r;
    char name[XLL_NAME_MAX + 1];
    if (xll_registry_put(XLL_KIND_PROJECT, m, model_destroy, owned ? &owner : NULL, name,
                         sizeof name) != XLL_REG_OK)
        return xll_result_err(xlerrNum);
    return xll_result_str(name);
}

/* The cell's UTF-16 path as UTF-8 (free()) for airoi_model_load_file(),
 * which opens it with _wfopen on Windows. AIROI_ERR_IO for a path with an
 * embedded NUL (it would name another file). */
static int path_utf8(const XCHAR *path, char **out)
{
    *out = NULL;
    for (size_t i = 1; i <= (size_t)path[0]; i++)
        if (path[i] == 0)
            return AIROI_ERR_IO;
    *out = xll_utf16_to_utf8(path);
    return *out != NULL ? AIROI_OK : AIROI_ERR_NOMEM;
}

/* A failed AIROI.LOAD or AIROI.PROJECT: the cell shows err and no longer
 * holds its previous handle, which is released. */
static LPXLOPER12 fail_for_caller(int err)
{
    xll_owner owner;
    if (xll_caller_owner(&owner))
        xll_registry_drop_owner(&owner);
    return xll_result_err(err);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_load(LPXLOPER12 a_path)
{
    const XLOPER12 *a = xll_arg_scalar(a_path);
    if (a == NULL || (a->xltype & 0xfff) != xltypeStr)
        return fail_for_caller(a != NULL && (a->xltype & 0xfff) == xltypeErr ? a->val.err
                                                                               : xlerrValue);
    char *path = NULL;
    airoi_project *p = NULL;
    int st = path_utf8(a->val.str, &path);
    if (st == AIROI_OK)
        st = airoi_model_load_file(&p, NULL, path, 0);
    free(path);
    return store_model(p, st);
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_project(LPXLOPER12 a_project, LPXLOPER12 a_costs,
                                                 LPXLOPER12 a_values, LPXLOPER12 a_scenarios)
{
    xll_fail f;
    airoi_project *p = xll_read_project_tables(&f, a_project, a_costs, a_values, a_scenarios);
    if (f.xlerr != XLL_OK) {
        /* A cell's error value passes through; the caller's old handle goes. */
        airoi_project_free(p);
        return fail_for_caller(f.xlerr);
    }
    return store_model(p, f.status);
}

/* The message channel of AIROI.PROJECT, which can only show #VALUE!: the
 * same tables, read and evaluated the same way, give the library's message
 * for the first value refused (airoi_last_error_message(), the words of the
 * C API, Python and the model-file loader), or "" when they make a valid
 * model. A cell of the wrong kind or an error value gives the same error
 * value as AIROI.PROJECT. Keeps nothing, so it is thread-safe. */
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_check(LPXLOPER12 a_project, LPXLOPER12 a_costs,
                                               LPXLOPER12 a_values, LPXLOPER12 a_scenarios)
{
    xll_fail f;
    airoi_project *p = xll_read_project_tables(&f, a_project, a_costs, a_values, a_scenarios);
    airoi_result *r = NULL;
    if (f.xlerr == XLL_OK && f.status == AIROI_OK)
        f.status = airoi_project_evaluate(&r, p, NULL, 0);
    LPXLOPER12 out;
    if (f.xlerr != XLL_OK)
        out = xll_result_err(f.xlerr);
    else
        /* Before the next library call, which clears the message. */
        out = xll_result_str(f.status == AIROI_OK ? ""
                             : f.message[0] != '\0' ? f.message
                                                     : airoi_last_error_message());
    airoi_result_free(r);
    airoi_project_free(p);
    return out;
}

/* ---- Readers of a handle ----------------------------------------------- */

int xll_borrow(LPXLOPER12 a_handle, const char *kind, void **obj, xll_entry **entry)
{
    char *name = NULL;
    int e = xll_arg_text(a_handle, &name);
    if (e != XLL_OK)
        return e;
    int st = xll_registry_acquire(name, kind, obj, entry);
    free(name);
    if (st == XLL_REG_NOT_FOUND)
        return xlerrNA;
    if (st != XLL_REG_OK)
        return st == XLL_REG_NOMEM ? xlerrNum : xlerrValue;
    return XLL_OK;
}

/* Borrows the result of the model named by a handle argument (xll_borrow). */
static int borrow(LPXLOPER12 a_handle, const airoi_result **r, xll_entry **entry)
{
    void *obj = NULL;
    int e = xll_borrow(a_handle, XLL_KIND_PROJECT, &obj, entry);
    if (e == XLL_OK)
        *r = ((const xll_model *)obj)->result;
    return e;
}

/* Metric status to a cell: no solution (IRR, MIRR) #NUM! as AIROI.IRR;
 * not defined (payback never reached, a ratio over zero costs) #N/A. */
XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_metric(LPXLOPER12 a_handle, LPXLOPER12 a_name,
                                                LPXLOPER12 a_scenario)
{
    char *mname = NULL, *sname = NULL;
    airoi_metric metric = AIROI_METRIC_NPV;
    int e = xll_arg_text(a_name, &mname);
    if (e == XLL_OK && airoi_metric_from_name(&metric, mname) != AIROI_OK)
        e = xlerrValue;
    free(mname);
    if (e == XLL_OK && !xll_arg_omitted(a_scenario))
        e = xll_arg_text(a_scenario, &sname);
    if (e != XLL_OK) {
        free(sname);
        return xll_result_err(e);
    }
    const airoi_result *r = NULL;
    xll_entry *entry = NULL;
    e = borrow(a_handle, &r, &entry);
    if (e == XLL_OK && sname != NULL) {
        const airoi_result *sub = NULL;
        size_t n = airoi_result_count_scenarios(r);
        for (size_t i = 0; i < n && sub == NULL; i++) {
            const airoi_result *s = airoi_result_get_scenario(r, i);
            const char *nm = airoi_result_get_scenario_name(s);
            if (nm != NULL && strcmp(nm, sname) == 0)
                sub = s;
        }
        if (sub == NULL)
            e = xlerrNA;
        r = sub;
    }
    free(sname);
    double v = 0.0;
    int st = AIROI_OK;
    if (e == XLL_OK)
        st = airoi_result_get_metric(&v, r, metric);
    xll_registry_release(entry);
    if (e != XLL_OK)
        return xll_result_err(e);
    switch (st) {
    case AIROI_OK: return xll_result_num(v);
    case AIROI_ERR_UNDEFINED: return xll_result_err(xlerrNA); /* no such figure */
    default: return xll_result_err(xlerrNum);
    }
}

LPXLOPER12 xll_with_model(LPXLOPER12 a_handle, LPXLOPER12 (*fn)(const xll_model *m))
{
    void *obj = NULL;
    xll_entry *entry = NULL;
    int e = xll_borrow(a_handle, XLL_KIND_PROJECT, &obj, &entry);
    if (e != XLL_OK)
        return xll_result_err(e);
    LPXLOPER12 out = fn(obj);
    xll_registry_release(entry);
    return out;
}

static LPXLOPER12 schedule_table(const xll_model *m)
{
    static const char *const header[] = {"period", "costs", "benefits", "net", "cumulative",
                                         "discounted"};
    static const airoi_schedule_column columns[] = {
        AIROI_SCHEDULE_COSTS, AIROI_SCHEDULE_BENEFITS, AIROI_SCHEDULE_NET,
        AIROI_SCHEDULE_CUMULATIVE, AIROI_SCHEDULE_DISCOUNTED};
    const airoi_schedule *s = airoi_result_get_schedule(m->result);
    size_t n = airoi_schedule_count_periods(s);
    if (n == 0)
        return xll_result_err(xlerrNum);
    double *col = malloc(n * sizeof *col);
    LPXLOPER12 out = col != NULL ? xll_result_table(n, 6, header, 0) : NULL;
    if (col != NULL && xll_result_is_multi(out)) {
        for (size_t t = 0; t < n; t++)
            xll_result_set_num(out, (int32_t)t + 1, 0, (double)t);
        for (int c = 0; c < 5; c++) {
            size_t len = 0;
            int st = airoi_schedule_get_column(col, n, &len, s, columns[c]);
            for (size_t t = 0; t < n; t++)
                xll_result_set_figure(out, (int32_t)t + 1, c + 1, st == AIROI_OK && t < len,
                                      col[t]);
        }
    }
    free(col);
    return out;
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_schedule(LPXLOPER12 a_handle)
{
    return xll_with_model(a_handle, schedule_table);
}

static LPXLOPER12 tco_table(const xll_model *m)
{
    static const char *const header[] = {"category", "amount"};
    static const char *const totals[] = {"total", "direct", "hidden", "hidden_share"};
    static const airoi_metric total_metrics[] = {AIROI_METRIC_TCO_TOTAL, AIROI_METRIC_TCO_DIRECT,
                                                 AIROI_METRIC_TCO_HIDDEN,
                                                 AIROI_METRIC_TCO_HIDDEN_SHARE};
    int ncat = 0;
    size_t units = xll_utf16_units(totals, 4);
    /* the categories in order: AIROI_CATEGORY_PEOPLE + 0, 1, ... */
    const char *cname;
    while ((cname = airoi_category_name((airoi_category)(AIROI_CATEGORY_PEOPLE + ncat))) != NULL) {
        units += xll_utf16_units(&cname, 1);
        ncat++;
    }
    LPXLOPER12 out = xll_result_table((size_t)ncat + 4, 2, header, units);
    for (int c = 0; xll_result_is_multi(out) && c < ncat; c++) {
        double v = 0.0;
        airoi_category cat = (airoi_category)(AIROI_CATEGORY_PEOPLE + c);
        int ok = airoi_result_get_tco_category(&v, m->result, cat) == AIROI_OK;
        xll_result_set_str(out, 1 + c, 0, airoi_category_name(cat));
        xll_result_set_figure(out, 1 + c, 1, ok, v);
    }
    for (int k = 0; xll_result_is_multi(out) && k < 4; k++) {
        double v = 0.0;
        int ok = airoi_result_get_metric(&v, m->result, total_metrics[k]) == AIROI_OK;
        xll_result_set_str(out, 1 + ncat + k, 0, totals[k]);
        xll_result_set_figure(out, 1 + ncat + k, 1, ok, v);
    }
    return out;
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_tco(LPXLOPER12 a_handle)
{
    return xll_with_model(a_handle, tco_table);
}

/* Name of the severity of finding i ("info", "warning", "critical"). */
static const char *severity_name(const airoi_result *r, size_t i)
{
    airoi_severity sev;
    if (airoi_result_get_finding_severity(&sev, r, i) != AIROI_OK)
        return "";
    return airoi_severity_name(sev);
}

static LPXLOPER12 findings_table(const xll_model *m)
{
    /* the keys of the JSON report's findings; actual is the project's figure */
    static const char *const header[] = {"code", "severity", "message", "subject", "actual",
                                         "reference"};
    const airoi_result *r = m->result;
    size_t n = airoi_result_count_findings(r);
    size_t units = 0;
    for (size_t i = 0; i < n; i++) {
        const char *strs[] = {airoi_result_get_finding_code(r, i), severity_name(r, i),
                              airoi_result_get_finding_message(r, i),
                              airoi_result_get_finding_subject(r, i)};
        units += xll_utf16_units(strs, 4);
    }
    LPXLOPER12 out = xll_result_table(n, 6, header, units);
    for (size_t i = 0; xll_result_is_multi(out) && i < n; i++) {
        int32_t row = (int32_t)i + 1;
        const char *subject = airoi_result_get_finding_subject(r, i);
        double actual = 0.0, reference = 0.0;
        xll_result_set_str(out, row, 0, airoi_result_get_finding_code(r, i));
        xll_result_set_str(out, row, 1, severity_name(r, i));
        xll_result_set_str(out, row, 2, airoi_result_get_finding_message(r, i));
        if (subject != NULL) /* blank: about the whole project */
            xll_result_set_str(out, row, 3, subject);
        if (airoi_result_get_finding_numbers(&actual, &reference, r, i) == AIROI_OK) {
            xll_result_set_num(out, row, 4, actual);
            xll_result_set_num(out, row, 5, reference);
        }
    }
    return out;
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_findings(LPXLOPER12 a_handle)
{
    return xll_with_model(a_handle, findings_table);
}

/* ---- Scenarios, benchmark, diagnostics and saving ----------------------- */

/* One metric into cell (row, c) of out, with the error values of
 * AIROI.METRIC: not defined #N/A, no solution #NUM!. */
static void set_metric(LPXLOPER12 out, int32_t row, int32_t c, const airoi_result *r,
                       airoi_metric metric)
{
    double v = 0.0;
    int st = airoi_result_get_metric(&v, r, metric);
    if (st == AIROI_OK)
        xll_result_set_num(out, row, c, v);
    else
        xll_result_set_err(out, row, c, st == AIROI_ERR_UNDEFINED ? xlerrNA : xlerrNum);
}

/* Room for the metrics, AIROI_METRIC_NPV + 0, 1, ... (27 of them). */
enum { MAX_METRICS = 64 };

static LPXLOPER12 scenarios_table(const xll_model *m)
{
    const airoi_result *r = m->result;
    const char *header[2 + MAX_METRICS] = {"name", "probability"};
    int nmetrics = 0;
    while (nmetrics < MAX_METRICS &&
           (header[2 + nmetrics] = airoi_metric_name((airoi_metric)(AIROI_METRIC_NPV + nmetrics))) !=
               NULL)
        nmetrics++;
    /* no scenarios: the implicit base scenario, as the JSON report */
    size_t n = airoi_result_count_scenarios(r);
    size_t rows = n > 0 ? n : 1;
    size_t units = xll_utf16_len("base") + 1;
    for (size_t i = 0; i < n; i++) {
        const char *sn = airoi_result_get_scenario_name(airoi_result_get_scenario(r, i));
        units += xll_utf16_units(&sn, 1);
    }
    LPXLOPER12 out = xll_result_table(rows, 2 + nmetrics, header, units);
    for (size_t i = 0; xll_result_is_multi(out) && i < rows; i++) {
        const airoi_result *s = n > 0 ? airoi_result_get_scenario(r, i) : r;
        double prob = 1.0;
        int32_t row = (int32_t)i + 1;
        xll_result_set_str(out, row, 0, n > 0 ? airoi_result_get_scenario_name(s) : "base");
        if (n > 0 && airoi_result_get_probability(&prob, s) != AIROI_OK)
            xll_result_set_err(out, row, 1, xlerrNA);
        else
            xll_result_set_num(out, row, 1, prob);
        for (int c = 0; c < nmetrics; c++)
            set_metric(out, row, 2 + c, s, (airoi_metric)(AIROI_METRIC_NPV + c));
    }
    return out;
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_scenarios(LPXLOPER12 a_handle)
{
    return xll_with_model(a_handle, scenarios_table);
}

static LPXLOPER12 benchmark_table(const xll_model *m)
{
    const airoi_result *r = m->result;
    size_t idx = 0;
    const char *use_case = airoi_result_get_string(r, AIROI_PROJECT_USE_CASE);
    if (use_case == NULL || airoi_benchmark_find(&idx, use_case) != AIROI_OK)
        return xll_result_err(xlerrNA); /* no use case: nothing to compare with */
    /* the keys and figures of the JSON report's benchmark section */
    static const char *const header[] = {"field", "figure", "low", "high", "value", "position"};
    static const char *const keys[] = {"roi", "payback_months", "investment"};
    static const char *const figures[] = {"roi_annualised", "payback_periods", "tco_total"};
    static const airoi_benchmark_field fields[] = {AIROI_BENCHMARK_ROI, AIROI_BENCHMARK_PAYBACK,
                                                   AIROI_BENCHMARK_INVESTMENT};
    static const char *const positions[] = {"below", "within", "above"};
    size_t units = xll_utf16_units(keys, 3) + xll_utf16_units(figures, 3) +
                   3 * (xll_utf16_len("within") + 1);
    LPXLOPER12 out = xll_result_table(3, 6, header, units);
    for (int i = 0; xll_result_is_multi(out) && i < 3; i++) {
        double lo = 0.0, hi = 0.0, v = 0.0;
        airoi_benchmark_position pos = AIROI_BENCHMARK_WITHIN;
        xll_result_set_str(out, i + 1, 0, keys[i]);
        xll_result_set_str(out, i + 1, 1, figures[i]);
        int ok = airoi_benchmark_get_range(&lo, &hi, idx, fields[i]) == AIROI_OK;
        xll_result_set_figure(out, i + 1, 2, ok, lo);
        xll_result_set_figure(out, i + 1, 3, ok, hi);
        ok = airoi_result_get_benchmark_value(&v, r, fields[i]) == AIROI_OK;
        xll_result_set_figure(out, i + 1, 4, ok, v);
        if (airoi_result_get_benchmark_position(&pos, r, fields[i]) == AIROI_OK)
            xll_result_set_str(out, i + 1, 5, positions[pos - AIROI_BENCHMARK_BELOW]);
        else
            xll_result_set_err(out, i + 1, 5, xlerrNA);
    }
    return out;
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_benchmark(LPXLOPER12 a_handle)
{
    return xll_with_model(a_handle, benchmark_table);
}

/* A diagnostics list (and a last message of its own, or NULL) as the
 * spilled table of AIROI.VALIDATE: line, column (blank when the problem
 * has no position), message. */
static LPXLOPER12 diagnostics_table(const airoi_diagnostics *d, const char *extra)
{
    static const char *const header[] = {"line", "column", "message"};
    size_t n = airoi_diagnostics_count(d);
    size_t units = extra != NULL ? xll_utf16_units(&extra, 1) : 0;
    for (size_t i = 0; i < n; i++) {
        const char *msg = NULL;
        airoi_diagnostics_get(NULL, NULL, NULL, &msg, d, i);
        units += xll_utf16_units(&msg, 1);
    }
    LPXLOPER12 out = xll_result_table(n + (extra != NULL), 3, header, units);
    if (!xll_result_is_multi(out))
        return out;
    for (size_t i = 0; i < n; i++) {
        const char *msg = NULL;
        int32_t line = 0, column = 0;
        airoi_diagnostics_get(NULL, &line, &column, &msg, d, i);
        if (line > 0)
            xll_result_set_num(out, (int32_t)i + 1, 0, line);
        if (column > 0)
            xll_result_set_num(out, (int32_t)i + 1, 1, column);
        xll_result_set_str(out, (int32_t)i + 1, 2, msg != NULL ? msg : "");
    }
    if (extra != NULL)
        xll_result_set_str(out, (int32_t)n + 1, 2, extra);
    return out;
}

/* Whether text has the form of a handle name (kind#digits): such text is
 * never read as a file name. */
static int handle_like(const char *s)
{
    const char *hash = strchr(s, '#');
    if (hash == NULL || hash == s || hash[1] == '\0')
        return 0;
    for (const char *c = s; c < hash; c++)
        if (!((*c >= 'a' && *c <= 'z') || *c == '_'))
            return 0;
    for (const char *c = hash + 1; *c != '\0'; c++)
        if (*c < '0' || *c > '9')
            return 0;
    return 1;
}

/* Evaluates p as `airoi validate` does; NULL when it evaluates, else the
 * reason (a copy to free()). */
static char *evaluation_problem(const airoi_project *p)
{
    airoi_result *r = NULL;
    if (airoi_project_evaluate(&r, p, NULL, 0) == AIROI_OK) {
        airoi_result_free(r);
        return NULL;
    }
    const char *m = airoi_last_error_message();
    size_t len = strlen(m) + 1;
    char *copy = malloc(len);
    if (copy != NULL)
        memcpy(copy, m, len);
    return copy;
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_validate(LPXLOPER12 a_target)
{
    char *text = NULL;
    int e = xll_arg_text(a_target, &text);
    if (e != XLL_OK)
        return xll_result_err(e);
    airoi_diagnostics *d = NULL;
    LPXLOPER12 out;
    if (handle_like(text)) {
        /* a model built or loaded before: its own errors and warnings */
        void *obj = NULL;
        xll_entry *entry = NULL;
        e = xll_borrow(a_target, XLL_KIND_PROJECT, &obj, &entry);
        int st = e == XLL_OK ? airoi_model_validate(&d, ((const xll_model *)obj)->project, 0)
                             : AIROI_OK;
        xll_registry_release(entry);
        out = e != XLL_OK ? xll_result_err(e)
              : d == NULL ? xll_result_err(model_error(st))
                          : diagnostics_table(d, NULL);
    } else {
        /* a model file: every problem with its line and column, then
         * whatever stops it from evaluating (as `airoi validate`) */
        char *path = NULL, *problem = NULL;
        airoi_project *p = NULL;
        const XLOPER12 *a = xll_arg_scalar(a_target); /* text (xll_arg_text) */
        int st = path_utf8(a->val.str, &path);
        if (st == AIROI_OK)
            st = airoi_model_load_file(&p, &d, path, 0);
        if (st == AIROI_OK)
            problem = evaluation_problem(p);
        out = d != NULL || st == AIROI_OK ? diagnostics_table(d, problem)
                                          : xll_result_err(model_error(st));
        free(problem);
        free(path);
        airoi_project_free(p);
    }
    airoi_diagnostics_free(d);
    free(text);
    return out;
}

XLL_EXPORT LPXLOPER12 XLL_CALL xll_airoi_save(LPXLOPER12 a_handle, LPXLOPER12 a_path)
{
    const XLOPER12 *a = a_path;
    char *path = NULL;
    int e = xll_arg_text(a, &path); /* the kind of the argument first */
    free(path);
    path = NULL;
    if (e != XLL_OK)
        return xll_result_err(e);
    void *obj = NULL;
    xll_entry *entry = NULL;
    e = xll_borrow(a_handle, XLL_KIND_PROJECT, &obj, &entry);
    if (e != XLL_OK)
        return xll_result_err(e);
    a = xll_arg_scalar(a); /* text (xll_arg_text) */
    int st = path_utf8(a->val.str, &path);
    if (st == AIROI_OK && path[0] == '\0')
        st = AIROI_ERR_IO;
    if (st == AIROI_OK)
        st = airoi_model_save_file(((const xll_model *)obj)->project, path, 0);
    xll_registry_release(entry);
    LPXLOPER12 out = st == AIROI_OK ? xll_result_str(path) : xll_result_err(model_error(st));
    free(path);
    return out;
}
