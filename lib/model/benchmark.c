/*
 * lib/model/benchmark.c: the built-in use-case benchmark table (docs/methodology.md#benchmarks).
 * The comparison of a result with it lives in lib/eval/benchmark-eval.c.
 */
#include <stdio.h>
#include <string.h>

#include "core-private.h"
#include "model-private.h"
#include "rules-private.h"

/* What the ranges of the table are measured in. The investment ranges are
 * in units of 10,000 TWD: a project's total costs are converted into them
 * through its unit and its exchange rate for TWD (lib/eval). */
static const airoi__benchmark_basis basis = {
    .currency = "TWD",
    .investment_unit = 10000.0,
    .investment_label = "10,000 TWD",
};

const airoi__benchmark_basis *airoi__benchmark_get_basis(void)
{
    return &basis;
}

typedef struct benchmark_row {
    const char *key;
    const char *label;
    const char *aliases[5];   /* NULL-terminated */
    double investment[2];     /* basis.investment_unit x basis.currency */
    double roi[2];            /* fraction per year */
    double payback[2];        /* months */
    airoi_dimension dims[2];
    size_t n_dims;
} benchmark_row;

static const benchmark_row table[] = {
    {"process_automation", "process automation (RPA + AI)", {"rpa", "automation", NULL},
     {100, 500}, {0.80, 2.00}, {6, 12}, {AIROI_DIMENSION_EFFICIENCY}, 1},
    {"predictive_maintenance", "predictive maintenance", {"maintenance", NULL},
     {300, 1500}, {0.50, 1.50}, {12, 18},
     {AIROI_DIMENSION_RISK, AIROI_DIMENSION_EFFICIENCY}, 2},
    {"churn_prediction", "churn prediction", {"churn", NULL},
     {150, 600}, {0.60, 1.80}, {8, 14}, {AIROI_DIMENSION_REVENUE, AIROI_DIMENSION_RISK}, 2},
    {"recommendation", "recommendation", {"recommendations", "recommender", NULL},
     {500, 2000}, {1.00, 4.00}, {6, 12}, {AIROI_DIMENSION_REVENUE}, 1},
    {"customer_service", "intelligent customer service",
     {"intelligent_customer_service", "chatbot", NULL},
     {200, 800}, {0.40, 1.20}, {10, 18},
     {AIROI_DIMENSION_EFFICIENCY, AIROI_DIMENSION_REVENUE}, 2},
    {"quality_inspection", "AI quality inspection",
     {"ai_quality_inspection", "visual_inspection", "inspection", NULL},
     {300, 1200}, {0.60, 2.00}, {8, 15},
     {AIROI_DIMENSION_EFFICIENCY, AIROI_DIMENSION_RISK}, 2},
    {"demand_forecasting", "demand forecasting", {"forecasting", NULL},
     {200, 1000}, {0.40, 1.00}, {12, 20},
     {AIROI_DIMENSION_EFFICIENCY, AIROI_DIMENSION_REVENUE}, 2},
    {"fraud_aml", "fraud / anti-money-laundering",
     {"fraud", "aml", "anti_money_laundering", "fraud_detection", NULL},
     {500, 3000}, {0.80, 2.50}, {6, 12}, {AIROI_DIMENSION_RISK}, 1},
};

#define ROWS (sizeof(table) / sizeof(table[0]))

/* Compares a key with '-' and ' ' in `s` read as '_'. */
static int key_eq(const char *key, const char *s)
{
    for (; *key && *s; key++, s++) {
        char c = (*s == '-' || *s == ' ') ? '_' : *s;
        if (c != *key)
            return 0;
    }
    return *key == '\0' && *s == '\0';
}

int airoi__benchmark_lookup(const char *key)
{
    if (!key)
        return -1;
    for (size_t i = 0; i < ROWS; i++) {
        if (key_eq(table[i].key, key))
            return (int)i;
        for (size_t a = 0; table[i].aliases[a]; a++)
            if (key_eq(table[i].aliases[a], key))
                return (int)i;
    }
    return -1;
}

int airoi__rule_use_case(const char *s, char *msg, size_t cap)
{
    int row = airoi__benchmark_lookup(s);
    if (row >= 0)
        return row;
    size_t o = (size_t)snprintf(msg, cap, "expected one of ");
    for (size_t i = 0; i < ROWS && o < cap; i++)
        o += (size_t)snprintf(msg + o, cap - o, "%s%s", i ? ", " : "", table[i].key);
    if (o < cap)
        snprintf(msg + o, cap - o, "; got '%s'", s ? s : "");
    return -1;
}

size_t airoi__benchmark_count(void)
{
    return ROWS;
}

AIROI_API size_t airoi_benchmark_count(void)
{
    AIROI__ENTER();
    return airoi__benchmark_count();
}

const char *airoi__benchmark_get_key(size_t i)
{
    return i < ROWS ? table[i].key : NULL;
}

AIROI_API const char *airoi_benchmark_get_key(size_t i)
{
    AIROI__ENTER();
    return airoi__benchmark_get_key(i);
}

const char *airoi__benchmark_get_label(size_t i)
{
    return i < ROWS ? table[i].label : NULL;
}

AIROI_API const char *airoi_benchmark_get_label(size_t i)
{
    AIROI__ENTER();
    return airoi__benchmark_get_label(i);
}

int airoi__benchmark_find(size_t *index, const char *key)
{
    if (!index || !key)
        return airoi__error(AIROI_ERR_INVALID, "airoi_benchmark_find: NULL argument");
    int row = airoi__benchmark_lookup(key);
    if (row < 0)
        return airoi__error(AIROI_ERR_NOT_FOUND,
                            "unknown use case '%s' (known: process_automation, "
                            "predictive_maintenance, churn_prediction, recommendation, "
                            "customer_service, quality_inspection, demand_forecasting, fraud_aml)",
                            key);
    *index = (size_t)row;
    return AIROI_OK;
}

AIROI_API int airoi_benchmark_find(size_t *index, const char *key)
{
    AIROI__ENTER();
    return airoi__benchmark_find(index, key);
}

int airoi__benchmark_get_range(double *low, double *high, size_t i, airoi_benchmark_field field)
{
    const double *r;
    if (i >= ROWS)
        return airoi__error(AIROI_ERR_NOT_FOUND, "benchmark index %zu past the end (%zu rows)",
                            i, (size_t)ROWS);
    switch (field) {
    case AIROI_BENCHMARK_ROI: r = table[i].roi; break;
    case AIROI_BENCHMARK_PAYBACK: r = table[i].payback; break;
    case AIROI_BENCHMARK_INVESTMENT: r = table[i].investment; break;
    default: return airoi__enum_check((int)field, AIROI_BENCHMARK_ROI, "benchmark field");
    }
    if (low)
        *low = r[0];
    if (high)
        *high = r[1];
    return AIROI_OK;
}

AIROI_API int airoi_benchmark_get_range(double *low, double *high, size_t i,
                                        airoi_benchmark_field field)
{
    AIROI__ENTER();
    return airoi__benchmark_get_range(low, high, i, field);
}

int airoi__benchmark_get_dimensions(airoi_dimension *buf, size_t cap, size_t *len_out, size_t i)
{
    if (!len_out || (!buf && cap > 0))
        return airoi__error(AIROI_ERR_INVALID, "airoi_benchmark_get_dimensions: NULL argument");
    if (i >= ROWS)
        return airoi__error(AIROI_ERR_NOT_FOUND, "benchmark index %zu past the end (%zu rows)",
                            i, (size_t)ROWS);
    *len_out = table[i].n_dims;
    if (!buf && cap == 0)
        return AIROI_OK; /* a size query */
    if (cap < table[i].n_dims)
        return airoi__error(AIROI_ERR_BUFFER, "buffer of %zu for %zu dimensions", cap,
                            table[i].n_dims);
    for (size_t k = 0; k < table[i].n_dims; k++)
        buf[k] = table[i].dims[k];
    return AIROI_OK;
}

AIROI_API int airoi_benchmark_get_dimensions(airoi_dimension *buf, size_t cap, size_t *len_out,
                                             size_t i)
{
    AIROI__ENTER();
    return airoi__benchmark_get_dimensions(buf, cap, len_out, i);
}
