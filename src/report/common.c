/* SPDX-License-Identifier: MIT */
/*
 * common.c — small renderers the report's sections share (USD amounts, who to
 * whom, an event's anchor, a field's sentence as a tooltip) and a string
 * map for counting distinct keys.
 */
#include "report_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "events/events.h"

/* ---- small renderers ---------------------------------------------------- */

/* "$400 m", "$1.23 bn", "$850 k", "$120": three significant digits. */
static void fmt_usd(char *out, size_t n, double v)
{
	static const struct {
		double unit;
		const char *name;
	} scale[] = {{1e12, " tn"}, {1e9, " bn"}, {1e6, " m"}, {1e3, " k"}};
	for (size_t i = 0; i < sizeof(scale) / sizeof(scale[0]); i++) {
		if (v >= scale[i].unit) {
			double x = v / scale[i].unit;
			snprintf(out, n, x >= 100 ? "$%.0f%s" : "$%.3g%s", x, scale[i].name);
			return;
		}
	}
	snprintf(out, n, "$%.0f", v);
}

void rep_add_usd(at_buf *b, double v)
{
	char s[48];
	fmt_usd(s, sizeof(s), v);
	at_buf_adds(b, s);
}

/* The id attribute of an event's table row. */
void rep_add_anchor(at_buf *b, const rep_ev *e)
{
	at_buf_adds(b, "ev-");
	if (e->id)
		rep_esc(b, e->id);
	else
		at_buf_printf(b, "line-%zu", e->line);
}

/* "USA → UKR", "DEU at LTU", "NATO + EST" — who, in a few words. */
void rep_add_who(at_buf *b, const rep_ev *e)
{
	json_t *j = e->j;
	if (e->type == T_AID) {
		const char *p = rep_party_name(json_object_get(j, "provider"));
		const char *r = rep_party_name(json_object_get(j, "recipient"));
		rep_esc(b, p ? p : "unknown provider");
		at_buf_adds(b, " \xE2\x86\x92 ");
		rep_esc(b, r ? r : "unknown recipient");
		return;
	}
	if (e->type == T_EXERCISE) {
		json_t *ps = json_object_get(j, "participants");
		size_t i;
		json_t *p;
		int any = 0;
		json_array_foreach (ps, i, p) {
			const char *nm = rep_party_name(p);
			if (!nm)
				continue;
			if (any++)
				at_buf_adds(b, ", ");
			rep_esc(b, nm);
		}
		if (!any)
			at_buf_adds(b, "participants unknown");
		return;
	}
	const char *a = rep_party_name(json_object_get(j, "actor"));
	rep_esc(b, a ? a : "actor unknown");
}

/* The first source sentence that contains `needle`, or NULL. */
static const char *sentence_of(const json_t *j, const char *needle)
{
	if (!needle || !needle[0])
		return NULL;
	json_t *src = json_object_get(j, "sources");
	size_t i;
	json_t *s;
	json_array_foreach (src, i, s) {
		const char *t = at_ev_str(s, "sentence");
		if (t && strstr(t, needle))
			return t;
	}
	return NULL;
}

/* title="…the sentence…" for a field whose text is `needle`. */
void rep_add_title_for(at_buf *b, const json_t *j, const char *needle)
{
	const char *s = sentence_of(j, needle);
	if (!s)
		return;
	at_buf_adds(b, " title=\"");
	rep_esc(b, s);
	at_buf_adds(b, "\"");
}

/* ---- a string map ------------------------------------------------------- */

static uint64_t str_hash(uint64_t h, const char *s)
{
	for (; s && *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL; /* FNV-1a */
	return (h ^ 0xFF) * 0x100000001b3ULL;
}

static int str_same(const char *x, const char *y)
{
	return x == y || (x && y && !strcmp(x, y));
}

/*
 * Find (a, b); when absent add it with value `val`. *out gets the stored
 * value, *added whether it was new. `a` must not be NULL.
 */
int rep_strmap_put(strmap *m, const char *a, const char *b, size_t val, size_t *out,
		      int *added)
{
	if (2 * (m->n + 1) > m->cap) {
		size_t nc = m->cap ? m->cap * 2 : 64;
		strmap_ent *ns = calloc(nc, sizeof(*ns));
		if (!ns)
			return AT_ENOMEM;
		for (size_t i = 0; i < m->cap; i++) {
			if (!m->slot[i].a)
				continue;
			size_t k = str_hash(str_hash(0xcbf29ce484222325ULL, m->slot[i].a),
					    m->slot[i].b) &
				   (nc - 1);
			while (ns[k].a)
				k = (k + 1) & (nc - 1);
			ns[k] = m->slot[i];
		}
		free(m->slot);
		m->slot = ns;
		m->cap = nc;
	}
	size_t k = str_hash(str_hash(0xcbf29ce484222325ULL, a), b) & (m->cap - 1);
	while (m->slot[k].a) {
		if (str_same(m->slot[k].a, a) && str_same(m->slot[k].b, b)) {
			*out = m->slot[k].val;
			*added = 0;
			return 0;
		}
		k = (k + 1) & (m->cap - 1);
	}
	m->slot[k] = (strmap_ent){a, b, val};
	m->n++;
	*out = val;
	*added = 1;
	return 0;
}

void rep_strmap_free(strmap *m)
{
	free(m->slot);
	m->slot = NULL;
	m->cap = m->n = 0;
}

int rep_keyset_add(strmap *s, const char *k)
{
	size_t v;
	int added;
	return k ? rep_strmap_put(s, k, NULL, 0, &v, &added) : 0;
}
