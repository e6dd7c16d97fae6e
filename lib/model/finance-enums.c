/*
 * lib/model/finance-enums.c: spellings of the depreciation methods and
 * terminal value methods in model files and reports (docs/model-format.md).
 */
#include "core-private.h"
#include "model-private.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *const depreciation_names[] = {"straight_line", "declining_balance",
                                                 "double_declining", "sum_of_years"};
static const char *const terminal_names[] = {"none", "gordon", "exit_multiple"};

int airoi__depreciation_from_name(int *out, const char *name)
{
    return airoi__enum_from_name(out, name, depreciation_names, COUNT(depreciation_names),
                                 AIROI_DEPRECIATION_STRAIGHT_LINE, "depreciation");
}

const char *airoi__depreciation_name(int method)
{
    return airoi__enum_name(method, depreciation_names, COUNT(depreciation_names),
                            AIROI_DEPRECIATION_STRAIGHT_LINE);
}

int airoi__terminal_method_from_name(int *out, const char *name)
{
    return airoi__enum_from_name(out, name, terminal_names, COUNT(terminal_names),
                                 AIROI_TERMINAL_NONE, "terminal_value.method");
}

const char *airoi__terminal_method_name(int method)
{
    return airoi__enum_name(method, terminal_names, COUNT(terminal_names), AIROI_TERMINAL_NONE);
}
