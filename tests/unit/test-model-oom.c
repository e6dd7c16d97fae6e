/*
 * tests/unit/test-model-oom.c: white-box allocation-failure injection over
 * the model and evaluation: every allocation of building, cloning and
 * evaluating a project fails once in turn; each call must then report
 * AIROI_ERR_NOMEM (or succeed) and leave nothing leaked or half-built.
 */
#include <check.h>
#include <string.h>

#include <airoi/airoi.h>

#include "core-private.h"

/* Builds a small project with every kind of part; returns the first failure. */
static int build(airoi_project **out)
{
    airoi_project *p = NULL;
    airoi_cost_item *c;
    airoi_value_item *v;
    airoi_scenario *s;
    const double list[] = {1, 2, 3};
    int rc = airoi_project_new(&p, "oom");
    if (rc)
        return rc;
#define TRY(x)                     \
    do {                           \
        rc = (x);                  \
        if (rc)                    \
            goto fail;             \
    } while (0)
    TRY(airoi_project_set_number(p, AIROI_PROJECT_HORIZON, 3));
    TRY(airoi_project_set_string(p, AIROI_PROJECT_CURRENCY, "TWD"));
    TRY(airoi_project_set_string(p, AIROI_PROJECT_USE_CASE, "churn"));
    TRY(airoi_project_set_fx(p, "USD", 32));
    TRY(airoi_project_add_cost(&c, p, "Team", AIROI_CATEGORY_PEOPLE));
    TRY(airoi_cost_item_set_number(c, AIROI_ITEM_AMOUNT, 10));
    TRY(airoi_cost_item_set_string(c, AIROI_ITEM_CURRENCY, "USD"));
    TRY(airoi_project_add_cost(&c, p, "Change", AIROI_CATEGORY_CHANGE_MANAGEMENT));
    TRY(airoi_cost_item_set_amounts(c, list, 3));
    TRY(airoi_project_add_value(&v, p, "Saving", AIROI_DIMENSION_EFFICIENCY));
    TRY(airoi_value_item_set_number(v, AIROI_ITEM_AMOUNT, 500));
    TRY(airoi_value_item_set_string(v, AIROI_ITEM_NAME, "Savings"));
    TRY(airoi_project_add_scenario(&s, p, "best", 0.5));
    TRY(airoi_scenario_add_multiplier(s, "values", 1.2));
    TRY(airoi_project_add_scenario(&s, p, "worst", 0.5));
    TRY(airoi_scenario_add_multiplier(s, "costs", 1.2));
    TRY(airoi_project_remove_cost(p, 1));
#undef TRY
    *out = p;
    return AIROI_OK;
fail:
    airoi_project_free(p);
    return rc;
}

START_TEST(allocation_failures_are_clean)
{
    int completed = 0;
    for (long k = 0; k < 400 && !completed; k++) {
        airoi_project *p = NULL, *q = NULL;
        airoi_result *r = NULL;
        airoi__alloc_fail_after(k);
        int rc = build(&p);
        if (rc == AIROI_OK)
            rc = airoi_project_clone(&q, p);
        if (rc == AIROI_OK)
            rc = airoi_project_evaluate(&r, q, NULL, AIROI_EVAL_HONEST_ESTIMATE);
        airoi__alloc_fail_after(-1);
        ck_assert_msg(rc == AIROI_OK || rc == AIROI_ERR_NOMEM, "k=%ld: %s", k,
                      airoi_status_str(rc));
        if (rc == AIROI_OK) {
            double npv;
            ck_assert_int_eq(airoi_result_get_metric(&npv, r, AIROI_METRIC_NPV), AIROI_OK);
            completed = 1;
        } else {
            ck_assert_ptr_null(r);
        }
        airoi_result_free(r);
        airoi_project_free(q);
        airoi_project_free(p);
    }
    ck_assert_msg(completed, "never completed within 400 allocations");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("model-oom");
    TCase *tc = tcase_create("oom");
    tcase_add_test(tc, allocation_failures_are_clean);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? 0 : 1;
}
