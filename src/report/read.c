/* SPDX-License-Identifier: MIT */
/*
 * read.c — the report's input: SCHEMA.md JSON lines read by the engine's event
 * reader (events/events.c) into rep_ev records (type, status, first and
 * last day, known USD, counts), sorted for the page. Exports
 * rep_read_events, rep_free_events, rep_party_name, rep_party_key and the
 * type and status names.
 */
#include "report_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "events/events.h"

/* ---- the events --------------------------------------------------------- */

const char *const rep_type_name[T_N] = {"aid", "exercise", "deployment", "other"};
const char *const rep_type_label[T_N] = {"Aid", "Exercises", "Deployments", "Other"};
/* Okabe–Ito colours: told apart with every common colour-vision deficiency. */
const char *const rep_type_colour[T_N] = {"#0072B2", "#D55E00", "#009E73", "#666666"};
const char *const rep_status_name[S_N] = {"intent", "committed", "underway", "completed",
					     "unknown"};

static int lookup(const char *s, const char *const *names, int n, int other)
{
	for (int i = 0; s && i < n; i++)
		if (!strcmp(s, names[i]))
			return i;
	return other;
}

/* A party's label: its name, else its code, else NULL. */
const char *rep_party_name(const json_t *p)
{
	const char *n = at_ev_str(p, "name");
	return n && n[0] ? n : at_ev_str(p, "code");
}

/* A party's key for grouping: its code, else its name. */
const char *rep_party_key(const json_t *p)
{
	const char *c = at_ev_str(p, "code");
	return c && c[0] ? c : at_ev_str(p, "name");
}

static void ev_init(rep_ev *e, json_t *j, size_t line)
{
	memset(e, 0, sizeof(*e));
	e->j = j;
	e->line = line;
	e->id = at_ev_str(j, "id");
	e->type = lookup(at_ev_str(j, "type"), rep_type_name, T_OTHER, T_OTHER);
	e->status = lookup(at_ev_str(j, "status"), rep_status_name, S_UNKNOWN, S_UNKNOWN);
	json_t *when = json_object_get(j, "when");
	int64_t a0, a1, b0, b1;
	if (at_report__days(at_ev_str(when, "start"), &a0, &a1) == 0) {
		e->dated = 1;
		e->d0 = a0;
		e->d1 = a1;
		if (at_report__days(at_ev_str(when, "end"), &b0, &b1) == 0 && b1 > a1)
			e->d1 = b1;
	}
	/* where the timeline puts it: at the act's dates, else at the report
	 * date (a full day only: a partial one says too little) */
	if (e->dated) {
		e->placed = 1;
		e->p0 = e->d0;
		e->p1 = e->d1;
	} else if (at_report__days(at_ev_str(j, "reported"), &a0, &a1) == 0 && a0 == a1) {
		e->placed = e->by_report = 1;
		e->p0 = e->p1 = a0;
	}
	json_t *usd = json_object_get(json_object_get(j, "value"), "usd");
	if (json_is_number(usd) && json_number_value(usd) >= 0 &&
	    isfinite(json_number_value(usd))) {
		e->has_usd = 1;
		e->usd = json_number_value(usd);
	}
	json_t *src = json_object_get(j, "sources");
	e->nsrc = json_is_array(src) ? (int)json_array_size(src) : 0;
	json_t *cf = json_object_get(j, "conflicts");
	e->ncf = json_is_array(cf) ? (int)json_array_size(cf) : 0;
}

static int cmp_events(const void *a, const void *b)
{
	const rep_ev *x = a, *y = b;
	if (x->dated != y->dated)
		return x->dated ? -1 : 1;
	if (x->dated && x->d0 != y->d0)
		return x->d0 < y->d0 ? -1 : 1;
	return x->line < y->line ? -1 : x->line > y->line;
}

/* The events of the input, each with its line; bad lines counted, the
 * first one named in err. */
typedef struct read_ctx {
	rep_ev **ev;
	size_t *n, *alloc;
	int *bad;
	size_t *first_bad;
	char *err;
	size_t errlen;
} read_ctx;

static int read_line(void *user, size_t line, json_t *j, const char *why)
{
	read_ctx *c = user;
	if (!j) {
		if (!(*c->bad)++) {
			*c->first_bad = line;
			if (c->err && c->errlen)
				snprintf(c->err, c->errlen, "line %zu: %s", line, why);
		}
		return 0;
	}
	if (*c->n == *c->alloc) {
		size_t na = *c->alloc ? *c->alloc * 2 : 64;
		rep_ev *p = realloc(*c->ev, na * sizeof(*p));
		if (!p) {
			json_decref(j);
			return AT_ENOMEM;
		}
		*c->ev = p;
		*c->alloc = na;
	}
	ev_init(&(*c->ev)[(*c->n)++], j, line);
	return 0;
}

int rep_read_events(const char *jsonl, size_t len, rep_ev **ev, size_t *n, int *bad_lines,
		    size_t *first_bad, char *err, size_t errlen)
{
	size_t alloc = 0;
	*ev = NULL;
	*n = 0;
	*bad_lines = 0;
	*first_bad = 0;
	if (err && errlen)
		err[0] = '\0';
	read_ctx c = {ev, n, &alloc, bad_lines, first_bad, err, errlen};
	int rc = at_ev_lines(jsonl, len, AT_EV_NEED_TYPE, read_line, &c);
	if (!rc && *n)
		qsort(*ev, *n, sizeof(**ev), cmp_events);
	return rc;
}

void rep_free_events(rep_ev *ev, size_t n)
{
	for (size_t i = 0; i < n; i++)
		json_decref(ev[i].j);
	free(ev);
}
