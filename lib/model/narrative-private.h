/*
 * lib/model/narrative-private.h: the narrative of a project (narrative.c):
 * the words its business case shows. Internal header; not part of the API.
 */
#ifndef AIROI_NARRATIVE_PRIVATE_H
#define AIROI_NARRATIVE_PRIVATE_H

#include <stddef.h>

#include "airoi/narrative.h"
#include "airoi/project.h"

typedef struct airoi__risk {
    char *risk;
    char *mitigation; /* NULL: none */
    char *owner;      /* NULL: none */
} airoi__risk;

/* Texts are NULL when unset. */
typedef struct airoi__narrative {
    char *problem;
    char *solution;
    char *audience;
    airoi__risk *risks;
    size_t n_risks, cap_risks;
} airoi__narrative;

/* A deep copy (NULL for NULL src); *failed set to 1 when out of memory. */
airoi__narrative *airoi__narrative_copy(const airoi__narrative *src, int *failed);
/* Frees a narrative (NULL is fine). */
void airoi__narrative_destroy(airoi__narrative *n);
/* The project's narrative, NULL when it has none. */
const airoi__narrative *airoi__project_narrative(const airoi_project *p);
/* Whether a narrative holds anything. */
int airoi__narrative_empty(const airoi__narrative *n);

/* --------------------------------------------- internal forms of the API */
int airoi__project_set_narrative(airoi_project *p, const char *key, const char *text);
const char *airoi__project_get_narrative(const airoi_project *p, const char *key);
int airoi__project_add_risk(airoi_project *p, const char *risk, const char *mitigation,
                            const char *owner);
size_t airoi__project_count_risks(const airoi_project *p);
int airoi__project_get_risk(const char **risk, const char **mitigation, const char **owner,
                            const airoi_project *p, size_t index);
int airoi__project_remove_risk(airoi_project *p, size_t index);

#endif /* AIROI_NARRATIVE_PRIVATE_H */
