/*
 * lib/model/narrative.c: the narrative of a project (include/airoi/narrative.h):
 * problem, solution, audience and risks, stored as given.
 */
#include <string.h>

#include "core-private.h"
#include "model-private.h"
#include "narrative-private.h"

static char *dup_or_null(const char *s, int *failed)
{
    if (!s)
        return NULL;
    char *d = airoi__strdup(s);
    if (!d)
        *failed = 1;
    return d;
}

static void risk_clear(airoi__risk *r)
{
    airoi__free(r->risk);
    airoi__free(r->mitigation);
    airoi__free(r->owner);
}

void airoi__narrative_destroy(airoi__narrative *n)
{
    if (!n)
        return;
    airoi__free(n->problem);
    airoi__free(n->solution);
    airoi__free(n->audience);
    for (size_t i = 0; i < n->n_risks; i++)
        risk_clear(&n->risks[i]);
    airoi__free(n->risks);
    airoi__free(n);
}

airoi__narrative *airoi__narrative_copy(const airoi__narrative *src, int *failed)
{
    if (!src || *failed)
        return NULL;
    airoi__narrative *n = airoi__calloc(1, sizeof *n);
    if (!n) {
        *failed = 1;
        return NULL;
    }
    n->problem = dup_or_null(src->problem, failed);
    n->solution = dup_or_null(src->solution, failed);
    n->audience = dup_or_null(src->audience, failed);
    if (src->n_risks) {
        n->risks = airoi__calloc(src->n_risks, sizeof *n->risks);
        if (!n->risks)
            *failed = 1;
        else
            n->cap_risks = src->n_risks;
        for (size_t i = 0; n->risks && i < src->n_risks; i++) {
            n->risks[i].risk = dup_or_null(src->risks[i].risk, failed);
            n->risks[i].mitigation = dup_or_null(src->risks[i].mitigation, failed);
            n->risks[i].owner = dup_or_null(src->risks[i].owner, failed);
            n->n_risks = i + 1;
        }
    }
    if (*failed) {
        airoi__narrative_destroy(n);
        return NULL;
    }
    return n;
}

int airoi__narrative_empty(const airoi__narrative *n)
{
    return !n || (!n->problem && !n->solution && !n->audience && n->n_risks == 0);
}

const airoi__narrative *airoi__project_narrative(const airoi_project *p)
{
    return p && !airoi__narrative_empty(p->narrative) ? p->narrative : NULL;
}

/* The project's narrative, created when absent; NULL when out of memory. */
static airoi__narrative *narrative_of(airoi_project *p)
{
    if (!p->narrative)
        p->narrative = airoi__calloc(1, sizeof *p->narrative);
    return p->narrative;
}

static int check_text(const char *s, const char *what)
{
    size_t n = strlen(s);
    if (n > AIROI_TEXT_MAX)
        return airoi__error(AIROI_ERR_INVALID, "%s: %zu bytes, longer than the limit of %d", what,
                            n, AIROI_TEXT_MAX);
    return AIROI_OK;
}

/* The slot of a text by its key in the model file, NULL for an unknown key. */
static char **text_slot(airoi__narrative *n, const char *key)
{
    if (strcmp(key, "problem") == 0)
        return &n->problem;
    if (strcmp(key, "solution") == 0)
        return &n->solution;
    if (strcmp(key, "audience") == 0)
        return &n->audience;
    return NULL;
}

int airoi__project_set_narrative(airoi_project *p, const char *key, const char *text)
{
    if (!p || !key)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_set_narrative: NULL argument");
    airoi__narrative probe;
    if (!text_slot(&probe, key))
        return airoi__error(AIROI_ERR_INVALID,
                            "narrative: unknown text '%s' (expected problem, solution or audience)",
                            key);
    int rc = text ? check_text(text, key) : AIROI_OK;
    if (rc)
        return rc;
    char *copy = NULL;
    if (text && *text && !(copy = airoi__strdup(text)))
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    airoi__narrative *n = narrative_of(p);
    if (!n) {
        airoi__free(copy);
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    }
    char **slot = text_slot(n, key);
    airoi__free(*slot);
    *slot = copy;
    return AIROI_OK;
}

AIROI_API int airoi_project_set_narrative(airoi_project *p, const char *key, const char *text)
{
    AIROI__ENTER();
    return airoi__project_set_narrative(p, key, text);
}

const char *airoi__project_get_narrative(const airoi_project *p, const char *key)
{
    if (!p || !key || !p->narrative)
        return NULL;
    char **slot = text_slot(p->narrative, key);
    return slot ? *slot : NULL;
}

AIROI_API const char *airoi_project_get_narrative(const airoi_project *p, const char *key)
{
    return airoi__project_get_narrative(p, key);
}

int airoi__project_add_risk(airoi_project *p, const char *risk, const char *mitigation,
                            const char *owner)
{
    if (!p || !risk)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_add_risk: NULL argument");
    if (!*risk)
        return airoi__error(AIROI_ERR_INVALID, "risk: empty string");
    int rc = check_text(risk, "risk");
    if (!rc && mitigation)
        rc = check_text(mitigation, "mitigation");
    if (!rc && owner)
        rc = check_text(owner, "owner");
    if (rc)
        return rc;
    airoi__narrative *n = narrative_of(p);
    if (!n)
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    if (n->n_risks >= AIROI_RISKS_MAX)
        return airoi__error(AIROI_ERR_LIMIT, "narrative: more than %d risks, the limit",
                            AIROI_RISKS_MAX);
    if (n->n_risks == n->cap_risks) {
        size_t cap = n->cap_risks ? 2 * n->cap_risks : 4;
        airoi__risk *grown = airoi__realloc(n->risks, cap * sizeof *grown);
        if (!grown)
            return airoi__error(AIROI_ERR_NOMEM, "out of memory");
        n->risks = grown;
        n->cap_risks = cap;
    }
    int failed = 0;
    airoi__risk r = {
        dup_or_null(risk, &failed),
        dup_or_null(mitigation && *mitigation ? mitigation : NULL, &failed),
        dup_or_null(owner && *owner ? owner : NULL, &failed),
    };
    if (failed) {
        risk_clear(&r);
        return airoi__error(AIROI_ERR_NOMEM, "out of memory");
    }
    n->risks[n->n_risks++] = r;
    return AIROI_OK;
}

AIROI_API int airoi_project_add_risk(airoi_project *p, const char *risk, const char *mitigation,
                                     const char *owner)
{
    AIROI__ENTER();
    return airoi__project_add_risk(p, risk, mitigation, owner);
}

size_t airoi__project_count_risks(const airoi_project *p)
{
    return p && p->narrative ? p->narrative->n_risks : 0;
}

AIROI_API size_t airoi_project_count_risks(const airoi_project *p)
{
    return airoi__project_count_risks(p);
}

int airoi__project_get_risk(const char **risk, const char **mitigation, const char **owner,
                            const airoi_project *p, size_t index)
{
    if (!p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_get_risk: NULL project");
    size_t n = airoi__project_count_risks(p);
    if (index >= n)
        return airoi__error(AIROI_ERR_RANGE, "risk %zu: the narrative has %zu risks", index, n);
    const airoi__risk *r = &p->narrative->risks[index];
    if (risk)
        *risk = r->risk;
    if (mitigation)
        *mitigation = r->mitigation;
    if (owner)
        *owner = r->owner;
    return AIROI_OK;
}

AIROI_API int airoi_project_get_risk(const char **risk, const char **mitigation,
                                     const char **owner, const airoi_project *p, size_t index)
{
    AIROI__ENTER();
    return airoi__project_get_risk(risk, mitigation, owner, p, index);
}

int airoi__project_remove_risk(airoi_project *p, size_t index)
{
    if (!p)
        return airoi__error(AIROI_ERR_INVALID, "airoi_project_remove_risk: NULL project");
    size_t n = airoi__project_count_risks(p);
    if (index >= n)
        return airoi__error(AIROI_ERR_RANGE, "risk %zu: the narrative has %zu risks", index, n);
    airoi__narrative *nr = p->narrative;
    risk_clear(&nr->risks[index]);
    memmove(&nr->risks[index], &nr->risks[index + 1], (n - index - 1) * sizeof *nr->risks);
    nr->n_risks--;
    return AIROI_OK;
}

AIROI_API int airoi_project_remove_risk(airoi_project *p, size_t index)
{
    AIROI__ENTER();
    return airoi__project_remove_risk(p, index);
}
