/*
 * lib/model/items.c: cost and value items and their parameters.
 */
#include <math.h>
#include <string.h>

#include "core-private.h"
#include "model-private.h"
#include "rules-private.h"

#define BIT(x) (1u << (unsigned)AIROI__ENUM_INDEX(x))

airoi__item *airoi__item_create(airoi_project *p, int kind, const char *name, int klass)
{
    airoi__item *it = airoi__calloc(1, sizeof *it);
    if (!it)
        return NULL;
    it->name = airoi__strdup(name);
    if (!it->name) {
        airoi__free(it);
        return NULL;
    }
    it->owner = p;
    it->kind = kind;
    it->klass = klass;
    it->per = AIROI_PER_PERIOD;
    it->curve = AIROI_CURVE_NONE;
    it->payment = AIROI_PAYMENT_SPREAD;
    it->depreciation = AIROI_DEPRECIATION_STRAIGHT_LINE;
    it->from = 1;
    it->realization = 1.0;
    it->attribution = 1.0;
    it->adopt_ceiling = 1.0;
    it->set = BIT(AIROI_ITEM_NAME) |
              BIT(kind == AIROI_ITEM_KIND_COST ? AIROI_ITEM_CATEGORY : AIROI_ITEM_DIMENSION);
    return it;
}

void airoi__item_destroy(airoi__item *it)
{
    if (!it)
        return;
    airoi__free(it->name);
    airoi__free(it->currency);
    airoi__free(it->list);
    airoi__free(it);
}

airoi__item *airoi__item_copy(const airoi__item *src, airoi_project *owner)
{
    airoi__item *it = airoi__malloc(sizeof *it);
    if (!it)
        return NULL;
    *it = *src;
    it->owner = owner;
    it->name = NULL;
    it->currency = NULL;
    it->list = NULL;
    it->name = airoi__strdup(src->name);
    if (src->currency)
        it->currency = airoi__strdup(src->currency);
    if (src->n_list) {
        it->list = airoi__reallocarray(NULL, src->n_list, sizeof *it->list);
        if (it->list)
            memcpy(it->list, src->list, src->n_list * sizeof *it->list);
    }
    if (!it->name || (src->currency && !it->currency) || (src->n_list && !it->list)) {
        airoi__item_destroy(it);
        return NULL;
    }
    return it;
}

int32_t airoi__item_from(const airoi__item *it)
{
    return it->from;
}

int32_t airoi__item_to(const airoi__item *it, int32_t horizon)
{
    return (it->set & BIT(AIROI_ITEM_TO)) ? it->to : horizon;
}

int32_t airoi__item_lump_periods(const airoi__item *it, int period)
{
    if (it->payment != AIROI_PAYMENT_LUMP || it->per == AIROI_PER_ONCE ||
        it->per == AIROI_PER_PERIOD || it->n_list)
        return 0;
    int32_t n = (int32_t)(airoi__months_per(it->per) * airoi__periods_per_year(period) / 12);
    return n > 1 ? n : 0;
}

double airoi__item_amount(const airoi__item *it)
{
    if (it->set & (BIT(AIROI_ITEM_QUANTITY) | BIT(AIROI_ITEM_UNIT_AMOUNT)))
        return it->quantity * it->unit_amount;
    return it->amount;
}

static const char *kind_name(const airoi__item *it)
{
    return it->kind == AIROI_ITEM_KIND_COST ? "cost item" : "value item";
}

/* Refuses param, a value that is no airoi_item_param, naming its family. */
static void param_refused(const airoi__item *it, int param)
{
    char why[200];
    airoi__enum_reason(why, sizeof why, param, AIROI_ITEM_NAME);
    airoi__error(AIROI_ERR_INVALID, "%s '%s': param: %s", kind_name(it), it->name, why);
}

/* The rule of a parameter that applies to the item's kind and has the wanted
 * type (string or number); NULL with the error set otherwise. */
static const airoi__rule *rule_for(const airoi__item *it, int param, int want_string)
{
    const airoi__rule *r = airoi__item_rule(param);
    int subject = it->kind == AIROI_ITEM_KIND_COST ? AIROI__SUBJ_COST : AIROI__SUBJ_VALUE;
    if (!r) {
        param_refused(it, param);
        return NULL;
    }
    if (!airoi__rule_applies(r, subject)) {
        airoi__error(AIROI_ERR_INVALID, "%s '%s': parameter %s does not apply to a %s",
                     kind_name(it), it->name, r->key, kind_name(it));
        return NULL;
    }
    if ((r->type == AIROI__PT_STRING) != want_string) {
        airoi__error(AIROI_ERR_INVALID, "%s '%s': parameter %s is a %s parameter", kind_name(it),
                     it->name, r->key, want_string ? "numeric" : "string");
        return NULL;
    }
    return r;
}

static int set_number(airoi__item *it, int param, double v)
{
    const airoi__rule *r = rule_for(it, param, 0);
    if (!r)
        return AIROI_ERR_INVALID;
    char why[256];
    int rc = airoi__rule_check(r, v, why, sizeof why);
    if (rc)
        return airoi__error(rc, "%s '%s': %s: %s", kind_name(it), it->name, r->key, why);
    switch (param) {
    case AIROI_ITEM_CATEGORY:
    case AIROI_ITEM_DIMENSION: it->klass = (int)v; break;
    case AIROI_ITEM_AMOUNT:
        it->amount = v;
        it->set &= ~(BIT(AIROI_ITEM_QUANTITY) | BIT(AIROI_ITEM_UNIT_AMOUNT));
        it->quantity = it->unit_amount = 0.0;
        airoi__free(it->list);
        it->list = NULL;
        it->n_list = 0;
        break;
    case AIROI_ITEM_QUANTITY:
    case AIROI_ITEM_UNIT_AMOUNT: {
        /* The amount is their product: refuse one that overflows, so that
         * no getter ever returns infinity. */
        double q = param == AIROI_ITEM_QUANTITY ? v : it->quantity;
        double u = param == AIROI_ITEM_UNIT_AMOUNT ? v : it->unit_amount;
        if (!isfinite(q * u))
            return airoi__error(AIROI_ERR_RANGE,
                                "%s '%s': quantity %g x unit_amount %g overflows (beyond about "
                                "1.8e308)",
                                kind_name(it), it->name, q, u);
        if (param == AIROI_ITEM_QUANTITY)
            it->quantity = v;
        else
            it->unit_amount = v;
        it->set &= ~BIT(AIROI_ITEM_AMOUNT);
        it->amount = 0.0;
        airoi__free(it->list);
        it->list = NULL;
        it->n_list = 0;
        break;
    }
    case AIROI_ITEM_PER: it->per = (int)v; break;
    case AIROI_ITEM_AT: it->at = (int32_t)v; break;
    case AIROI_ITEM_FROM: it->from = (int32_t)v; break;
    case AIROI_ITEM_TO: it->to = (int32_t)v; break;
    case AIROI_ITEM_GROWTH: it->growth = v; break;
    case AIROI_ITEM_REALIZATION: it->realization = v; break;
    case AIROI_ITEM_ATTRIBUTION: it->attribution = v; break;
    case AIROI_ITEM_RISK_ADJUSTMENT: it->risk_adjustment = v; break;
    case AIROI_ITEM_MONETIZED: it->monetized = (int)v; break;
    case AIROI_ITEM_ADOPTION_CURVE: it->curve = (int)v; break;
    case AIROI_ITEM_ADOPTION_PERIODS: it->adopt_periods = v; break;
    case AIROI_ITEM_ADOPTION_START: it->adopt_start = v; break;
    case AIROI_ITEM_ADOPTION_CEILING: it->adopt_ceiling = v; break;
    case AIROI_ITEM_PAYMENT: it->payment = (airoi_payment)v; break;
    case AIROI_ITEM_CAPEX: it->capex = (int)v; break;
    case AIROI_ITEM_LIFE: it->life = v; break;
    case AIROI_ITEM_DEPRECIATION: it->depreciation = (int)v; break;
    case AIROI_ITEM_SALVAGE: it->salvage = v; break;
    case AIROI_ITEM_REAL: it->real = (int)v; break;
    default:
        return airoi__error(AIROI_ERR_INTERNAL, "unhandled item parameter %d", param);
    }
    it->set |= BIT(param);
    return AIROI_OK;
}

static int get_number(double *out, const airoi__item *it, int param)
{
    if (!rule_for(it, param, 0))
        return AIROI_ERR_INVALID;
    double v = 0.0;
    switch (param) {
    case AIROI_ITEM_CATEGORY:
    case AIROI_ITEM_DIMENSION: v = it->klass; break;
    case AIROI_ITEM_AMOUNT: v = airoi__item_amount(it); break;
    case AIROI_ITEM_QUANTITY: v = it->quantity; break;
    case AIROI_ITEM_UNIT_AMOUNT: v = it->unit_amount; break;
    case AIROI_ITEM_PER: v = it->per; break;
    case AIROI_ITEM_AT: v = it->at; break;
    case AIROI_ITEM_FROM: v = it->from; break;
    case AIROI_ITEM_TO: v = airoi__item_to(it, it->owner->horizon); break;
    case AIROI_ITEM_GROWTH: v = it->growth; break;
    case AIROI_ITEM_REALIZATION: v = it->realization; break;
    case AIROI_ITEM_ATTRIBUTION: v = it->attribution; break;
    case AIROI_ITEM_RISK_ADJUSTMENT: v = it->risk_adjustment; break;
    case AIROI_ITEM_MONETIZED: v = it->monetized; break;
    case AIROI_ITEM_ADOPTION_CURVE: v = it->curve; break;
    case AIROI_ITEM_ADOPTION_PERIODS: v = it->adopt_periods; break;
    case AIROI_ITEM_ADOPTION_START: v = it->adopt_start; break;
    case AIROI_ITEM_ADOPTION_CEILING: v = it->adopt_ceiling; break;
    case AIROI_ITEM_PAYMENT: v = it->payment; break;
    case AIROI_ITEM_CAPEX: v = it->capex; break;
    case AIROI_ITEM_LIFE: v = it->life; break;
    case AIROI_ITEM_DEPRECIATION: v = it->depreciation; break;
    case AIROI_ITEM_SALVAGE: v = it->salvage; break;
    case AIROI_ITEM_REAL: v = it->real; break;
    default: return airoi__error(AIROI_ERR_INTERNAL, "unhandled item parameter %d", param);
    }
    *out = v;
    return AIROI_OK;
}

static int set_string(airoi__item *it, int param, const char *s)
{
    if (!rule_for(it, param, 1))
        return AIROI_ERR_INVALID;
    int rc;
    if (param == AIROI_ITEM_CURRENCY) {
        if (!s) {
            airoi__free(it->currency);
            it->currency = NULL;
            it->set &= ~BIT(param);
            return AIROI_OK;
        }
        rc = airoi__check_name(s, "item currency");
        if (rc)
            return rc;
        char *d = airoi__strdup(s);
        if (!d)
            return airoi__error(AIROI_ERR_NOMEM, "out of memory");
        airoi__free(it->currency);
        it->currency = d;
        it->set |= BIT(param);
        return AIROI_OK;
    }
    rc = airoi__check_name(s, "item name");
    if (rc)
        return rc;
    if (strcmp(s, it->name) == 0)
        return AIROI_OK;
    if (airoi__project_item_named(it->owner, s))
        return airoi__error(AIROI_ERR_INVALID,
                            "%s '%s': name: duplicate item name '%s'; "
                            AIROI__RULE_UNIQUE_ITEM_NAME,
                            kind_name(it), it->name, s);
    char *d = airoi__strdup(s);
    if (!d)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    char *old = it->name;
    it->name = d;
    if (airoi__project_reindex(it->owner, 0) != AIROI_OK) {
        it->name = old;
        airoi__free(d);
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    }
    airoi__free(old);
    return AIROI_OK;
}

static const char *get_string(const airoi__item *it, int param)
{
    if (param == AIROI_ITEM_NAME)
        return it->name;
    if (param == AIROI_ITEM_CURRENCY)
        return it->currency;
    if (!airoi__item_rule(param)) /* of another family: say so */
        param_refused(it, param);
    return NULL;
}

static int is_set(const airoi__item *it, int param)
{
    int subject = it->kind == AIROI_ITEM_KIND_COST ? AIROI__SUBJ_COST : AIROI__SUBJ_VALUE;
    if (!airoi__item_rule(param)) {
        param_refused(it, param);
        return 0;
    }
    if (!airoi__rule_applies(airoi__item_rule(param), subject))
        return 0;
    return (it->set & BIT(param)) != 0;
}

static int set_amounts(airoi__item *it, const double *amounts, size_t n)
{
    if (!amounts && n > 0)
        return airoi__error(AIROI_ERR_INVALID, "%s '%s': NULL amounts", kind_name(it), it->name);
    if (n > (size_t)AIROI_HORIZON_MAX + 1)
        return airoi__error(AIROI_ERR_LIMIT, "%s '%s': %zu amounts, above the limit of %d",
                            kind_name(it), it->name, n, AIROI_HORIZON_MAX + 1);
    for (size_t i = 0; i < n; i++)
        if (!isfinite(amounts[i]))
            return airoi__error(AIROI_ERR_INVALID, "%s '%s': amounts[%zu] is not finite",
                                kind_name(it), it->name, i);
    double *copy = NULL;
    if (n) {
        copy = airoi__reallocarray(NULL, n, sizeof *copy);
        if (!copy)
            return airoi__error(AIROI_ERR_NOMEM, "out of memory");
        memcpy(copy, amounts, n * sizeof *copy);
        it->set &= ~(BIT(AIROI_ITEM_AMOUNT) | BIT(AIROI_ITEM_QUANTITY) |
                     BIT(AIROI_ITEM_UNIT_AMOUNT));
        it->amount = it->quantity = it->unit_amount = 0.0;
    }
    airoi__free(it->list);
    it->list = copy;
    it->n_list = n;
    return AIROI_OK;
}

static int get_amounts(double *buf, size_t cap, size_t *len_out, const airoi__item *it)
{
    *len_out = it->n_list;
    if (!buf && cap == 0)
        return AIROI_OK; /* a size query */
    if (cap < it->n_list)
        return airoi__error(AIROI_ERR_BUFFER, "%s '%s': buffer of %zu for %zu amounts",
                            kind_name(it), it->name, cap, it->n_list);
    if (it->n_list)
        memcpy(buf, it->list, it->n_list * sizeof *buf);
    return AIROI_OK;
}

/* ---- public wrappers ----------------------------------------------------- */

int airoi__item_get_kind(airoi_item_kind *out, const airoi_item *item)
{
    if (!out || !item)
        return airoi__error(AIROI_ERR_INVALID, "airoi_item_get_kind: NULL argument");
    *out = (airoi_item_kind)item->kind;
    return AIROI_OK;
}

AIROI_API int airoi_item_get_kind(airoi_item_kind *out, const airoi_item *item)
{
    AIROI__ENTER();
    return airoi__item_get_kind(out, item);
}

int airoi__item_set_number(airoi_item *item, airoi_item_param param, double v)
{
    if (!item)
        return airoi__error(AIROI_ERR_INVALID, "airoi_item_set_number: NULL item");
    return set_number(item, param, v);
}

AIROI_API int airoi_item_set_number(airoi_item *item, airoi_item_param param, double v)
{
    AIROI__ENTER();
    return airoi__item_set_number(item, param, v);
}

int airoi__item_get_number(double *out, const airoi_item *item, airoi_item_param param)
{
    if (!out || !item)
        return airoi__error(AIROI_ERR_INVALID, "airoi_item_get_number: NULL argument");
    return get_number(out, item, param);
}

AIROI_API int airoi_item_get_number(double *out, const airoi_item *item, airoi_item_param param)
{
    AIROI__ENTER();
    return airoi__item_get_number(out, item, param);
}

int airoi__item_set_string(airoi_item *item, airoi_item_param param, const char *s)
{
    if (!item)
        return airoi__error(AIROI_ERR_INVALID, "airoi_item_set_string: NULL item");
    return set_string(item, param, s);
}

AIROI_API int airoi_item_set_string(airoi_item *item, airoi_item_param param, const char *s)
{
    AIROI__ENTER();
    return airoi__item_set_string(item, param, s);
}

const char *airoi__item_get_string(const airoi_item *item, airoi_item_param param)
{
    return item ? get_string(item, param) : NULL;
}

AIROI_API const char *airoi_item_get_string(const airoi_item *item, airoi_item_param param)
{
    AIROI__ENTER();
    return airoi__item_get_string(item, param);
}

int airoi__item_is_set(const airoi_item *item, airoi_item_param param)
{
    return item ? is_set(item, param) : 0;
}

AIROI_API int airoi_item_is_set(const airoi_item *item, airoi_item_param param)
{
    AIROI__ENTER();
    return airoi__item_is_set(item, param);
}

int airoi__item_set_amounts(airoi_item *item, const double *amounts, size_t n)
{
    if (!item)
        return airoi__error(AIROI_ERR_INVALID, "airoi_item_set_amounts: NULL item");
    return set_amounts(item, amounts, n);
}

AIROI_API int airoi_item_set_amounts(airoi_item *item, const double *amounts, size_t n)
{
    AIROI__ENTER();
    return airoi__item_set_amounts(item, amounts, n);
}

int airoi__item_get_amounts(double *buf, size_t cap, size_t *len_out,
                            const airoi_item *item)
{
    if (!item || !len_out || (!buf && cap > 0))
        return airoi__error(AIROI_ERR_INVALID, "airoi_item_get_amounts: NULL argument");
    return get_amounts(buf, cap, len_out, item);
}

AIROI_API int airoi_item_get_amounts(double *buf, size_t cap, size_t *len_out,
                                     const airoi_item *item)
{
    AIROI__ENTER();
    return airoi__item_get_amounts(buf, cap, len_out, item);
}
