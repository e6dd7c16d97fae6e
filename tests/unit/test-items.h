/*
 * tests/unit: shorthand shared by the Check suites that reach items by name.
 */
#ifndef AIROI_TEST_ITEMS_H
#define AIROI_TEST_ITEMS_H

#include "airoi/airoi.h"

/* Finds the item of one kind named `name`, for changing: the suites'
 * shorthand for airoi_project_find_item() then
 * airoi_project_get_item_mutable(). AIROI_ERR_NOT_FOUND when the name is
 * absent or belongs to an item of the other kind. */
static inline int find_item(airoi_item **out, airoi_project *p, airoi_item_kind kind,
                            const char *name)
{
    airoi_item_kind k = AIROI_ITEM_KIND_COST;
    size_t i = 0;
    int rc = airoi_project_find_item(&k, &i, p, name);
    if (rc != AIROI_OK)
        return rc;
    if (k != kind)
        return AIROI_ERR_NOT_FOUND;
    *out = airoi_project_get_item_mutable(p, kind, i);
    return AIROI_OK;
}

#endif /* AIROI_TEST_ITEMS_H */
