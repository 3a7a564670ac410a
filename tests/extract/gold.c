/* SPDX-License-Identifier: MIT */
/*
 * tests/extract/gold.c — score events against hand-written gold events, by
 * the matching rules of SCHEMA.md "Scoring", until `aidtrace score` exists:
 *
 *   test_extract_gold GOLD.jsonl PRED.jsonl [--docs DOCS.jsonl] [--min-f1 X]
 *                     [--show-errors]
 *
 * A predicted event counts once for each document its sources (or its "doc")
 * name; only documents in scope count (those of DOCS, else those of GOLD; a
 * document in scope without gold lines is a negative). Within a document a
 * predicted event may match a gold event of the same type and actors (aid:
 * provider and recipient codes; exercise: a shared participant code;
 * deployment: the actor code). Pairs are taken greedily, best slot score
 * first, one to one. The slot score is the mean over the slots the gold line
 * fills: status (or one of status_alt), kinds and participants (set F1), item
 * categories (set F1) and quantities, value (currency, amount within 1%),
 * when (the ranges overlap, partial dates widened: "2014-05" is May 1-31),
 * personnel; an optional gold line's pairs rank half a point lower. A matched
 * gold line is a true positive unless it is optional (then it is nothing);
 * an unmatched non-optional gold line is a false negative, an unmatched
 * prediction a false positive. Prints precision, recall, F1 and slot means;
 * exits 1 when F1 is below --min-f1 (default 0), 2 on bad input.
 */
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct pair {
	double score;
	size_t g, p;
} pair;

static json_t *load(const char *path)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "gold: %s: cannot open\n", path);
		exit(2);
	}
	json_t *arr = json_array();
	char *line = NULL;
	size_t cap = 0, no = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, f)) > 0) {
		no++;
		if (strspn(line, " \t\r\n") == (size_t)n)
			continue;
		json_error_t e;
		json_t *o = json_loads(line, 0, &e);
		if (!json_is_object(o)) {
			fprintf(stderr, "gold: %s: line %zu: not a JSON object (%s)\n", path, no,
				e.text);
			exit(2);
		}
		json_array_append_new(arr, o);
	}
	free(line);
	fclose(f);
	return arr;
}

static const char *str(const json_t *o, const char *k)
{
	const json_t *v = json_object_get(o, k);
	return json_is_string(v) ? json_string_value(v) : NULL;
}

static const char *code(const json_t *o, const char *k)
{
	return str(json_object_get(o, k), "code");
}

static int same(const char *a, const char *b)
{
	return a && b ? !strcmp(a, b) : a == b;
}

/* The distinct strings of key `k` (or the strings themselves when k is
 * NULL) of the array `arr`, into out (at most 64). */
static size_t strings(const json_t *arr, const char *k, const char **out)
{
	size_t n = 0, i;
	json_t *v;
	json_array_foreach (arr, i, v) {
		const char *s = k ? str(v, k) : json_string_value(v);
		if (!s || n == 64)
			continue;
		size_t j = 0;
		while (j < n && strcmp(out[j], s))
			j++;
		if (j == n)
			out[n++] = s;
	}
	return n;
}

static double set_f1(const json_t *a, const json_t *b, const char *k)
{
	const char *x[64], *y[64];
	size_t nx = strings(a, k, x), ny = strings(b, k, y), tp = 0;
	if (!nx && !ny)
		return 1.0;
	if (!nx || !ny)
		return 0.0;
	for (size_t i = 0; i < nx; i++)
		for (size_t j = 0; j < ny; j++)
			tp += !strcmp(x[i], y[j]);
	return 2.0 * (double)tp / (double)(nx + ny);
}

static int actors_match(const json_t *g, const json_t *p)
{
	const char *t = str(g, "type");
	if (!same(t, str(p, "type")))
		return 0;
	if (!strcmp(t, "aid"))
		return same(code(g, "provider"), code(p, "provider")) &&
		       same(code(g, "recipient"), code(p, "recipient"));
	if (!strcmp(t, "exercise")) {
		const char *x[64], *y[64];
		size_t nx = strings(json_object_get(g, "participants"), "code", x);
		size_t ny = strings(json_object_get(p, "participants"), "code", y);
		for (size_t i = 0; i < nx; i++)
			for (size_t j = 0; j < ny; j++)
				if (!strcmp(x[i], y[j]))
					return 1;
		return 0;
	}
	if (!strcmp(t, "deployment"))
		return same(code(g, "actor"), code(p, "actor"));
	return 0;
}

/* Days since 1970-01-01 of a civil date (H. Hinnant's algorithm). */
static long days(long y, long m, long d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

/* A partial date widened to its first (end = 0) or last day; 0 when unknown. */
static int widen(const char *s, int end, long *out)
{
	long y = 0, m = 0, d = 0;
	if (!s)
		return 0;
	int n = sscanf(s, "%4ld-%2ld-%2ld", &y, &m, &d);
	if (n < 1 || (n >= 2 && (m < 1 || m > 12)) || (n == 3 && (d < 1 || d > 31)))
		return 0;
	if (n == 3)
		*out = days(y, m, d);
	else if (n == 2)
		*out = end ? days(y + (m == 12), m % 12 + 1, 1) - 1 : days(y, m, 1);
	else
		*out = end ? days(y, 12, 31) : days(y, 1, 1);
	return 1;
}

static int overlaps(const json_t *gw, const json_t *pw)
{
	long gs, ge, ps, pe;
	const char *gend = str(gw, "end") ? str(gw, "end") : str(gw, "start");
	const char *pend = str(pw, "end") ? str(pw, "end") : str(pw, "start");
	if (!widen(str(gw, "start"), 0, &gs) || !widen(gend, 1, &ge) ||
	    !widen(str(pw, "start"), 0, &ps) || !widen(pend, 1, &pe))
		return 0;
	return ps <= ge && gs <= pe;
}

enum { S_STATUS, S_KINDS, S_PARTS, S_CATS, S_QTY, S_VALUE, S_WHEN, S_PERS, S_N };
static const char *const SLOT[S_N] = {"status",		 "kinds", "participants",
				      "item_categories", "item_quantities", "value",
				      "when",		 "personnel"};

/* The slots the gold line fills: has[k] set and sc[k] in [0, 1]. */
static void slots(const json_t *g, const json_t *p, int has[S_N], double sc[S_N])
{
	memset(has, 0, S_N * sizeof(int));
	const char *t = str(g, "type");
	if (str(g, "status")) {
		has[S_STATUS] = 1;
		const char *ps = str(p, "status");
		int ok = same(ps, str(g, "status"));
		size_t i;
		json_t *a;
		json_array_foreach (json_object_get(g, "status_alt"), i, a)
			ok |= ps && json_is_string(a) && !strcmp(ps, json_string_value(a));
		sc[S_STATUS] = ok;
	}
	if (!strcmp(t, "aid") && json_array_size(json_object_get(g, "kinds"))) {
		has[S_KINDS] = 1;
		sc[S_KINDS] = set_f1(json_object_get(g, "kinds"), json_object_get(p, "kinds"), NULL);
	}
	if (!strcmp(t, "exercise")) {
		has[S_PARTS] = 1;
		sc[S_PARTS] = set_f1(json_object_get(g, "participants"),
				     json_object_get(p, "participants"), "code");
	}
	const json_t *gi = json_object_get(g, "items"), *pi = json_object_get(p, "items");
	if (json_array_size(gi)) {
		has[S_CATS] = 1;
		sc[S_CATS] = set_f1(gi, pi, "category");
		size_t i, j, nq = 0, okq = 0;
		json_t *a, *b;
		json_array_foreach (gi, i, a) {
			const json_t *q = json_object_get(a, "quantity");
			if (!json_is_integer(q) && !json_is_real(q))
				continue;
			if (json_number_value(q) == 0)
				continue;
			/* the same category earlier in the gold list: the last one counts */
			int later = 0;
			for (size_t k = i + 1; k < json_array_size(gi); k++) {
				const json_t *o = json_array_get(gi, k);
				const json_t *oq = json_object_get(o, "quantity");
				later |= same(str(o, "category"), str(a, "category")) &&
					 json_is_number(oq) && json_number_value(oq) != 0;
			}
			if (later)
				continue;
			nq++;
			/* the predicted quantity of the category: its last item's */
			const json_t *pq = NULL;
			json_array_foreach (pi, j, b)
				if (same(str(b, "category"), str(a, "category")))
					pq = json_object_get(b, "quantity");
			okq += pq && json_is_number(pq) &&
			       json_number_value(pq) == json_number_value(q);
		}
		if (nq) {
			has[S_QTY] = 1;
			sc[S_QTY] = (double)okq / (double)nq;
		}
	}
	const json_t *gv = json_object_get(g, "value");
	const json_t *ga = json_object_get(gv, "amount");
	if (json_is_number(ga) && json_number_value(ga) != 0) {
		const json_t *pv = json_object_get(p, "value");
		const json_t *pa = json_object_get(pv, "amount");
		double want = json_number_value(ga);
		has[S_VALUE] = 1;
		sc[S_VALUE] = same(str(pv, "currency"), str(gv, "currency")) &&
			      json_is_number(pa) && json_number_value(pa) != 0 &&
			      fabs(json_number_value(pa) - want) <= 0.01 * want;
	}
	const json_t *gw = json_object_get(g, "when");
	if (json_is_object(gw)) {
		const json_t *pw = json_object_get(p, "when");
		has[S_WHEN] = 1;
		sc[S_WHEN] = json_is_object(pw) && overlaps(gw, pw);
	}
	const json_t *gp = json_object_get(g, "personnel");
	if (gp && !json_is_null(gp) && !(json_is_number(gp) && json_number_value(gp) == 0)) {
		has[S_PERS] = 1;
		const json_t *pp = json_object_get(p, "personnel");
		sc[S_PERS] = pp && json_equal((json_t *)gp, (json_t *)pp);
	}
}

static double mean_score(const json_t *g, const json_t *p)
{
	int has[S_N];
	double sc[S_N], sum = 0;
	int n = 0;
	slots(g, p, has, sc);
	for (int k = 0; k < S_N; k++)
		if (has[k]) {
			sum += sc[k];
			n++;
		}
	return sum / (n ? n : 1);
}

static int by_score(const void *a, const void *b)
{
	const pair *x = a, *y = b;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->g != y->g)
		return x->g < y->g ? -1 : 1;
	return x->p < y->p ? -1 : x->p > y->p;
}

/* Does event p cite document doc? */
static int cites(const json_t *p, const char *doc)
{
	if (same(str(p, "doc"), doc))
		return 1;
	size_t i;
	json_t *s;
	json_array_foreach (json_object_get(p, "sources"), i, s)
		if (same(str(s, "doc"), doc))
			return 1;
	return 0;
}

static int is_true(const json_t *o, const char *k)
{
	return json_is_true(json_object_get(o, k));
}

int main(int argc, char **argv)
{
	const char *gold_path = NULL, *pred_path = NULL, *docs_path = NULL;
	double min_f1 = 0;
	int show = 0;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--docs") && i + 1 < argc)
			docs_path = argv[++i];
		else if (!strcmp(argv[i], "--min-f1") && i + 1 < argc)
			min_f1 = strtod(argv[++i], NULL);
		else if (!strcmp(argv[i], "--show-errors"))
			show = 1;
		else if (!gold_path)
			gold_path = argv[i];
		else if (!pred_path)
			pred_path = argv[i];
		else
			gold_path = NULL, i = argc;
	}
	if (!gold_path || !pred_path) {
		fprintf(stderr, "usage: test_extract_gold GOLD.jsonl PRED.jsonl [--docs DOCS.jsonl] "
				"[--min-f1 X] [--show-errors]\n");
		return 2;
	}
	json_t *gold = load(gold_path), *pred = load(pred_path);
	json_t *scope = docs_path ? load(docs_path) : json_incref(gold);
	const char *docs[64];
	size_t ndocs = strings(scope, "doc", docs);
	if (ndocs == 64) {
		fprintf(stderr, "gold: more than 63 documents in scope: this checker is too small\n");
		return 2;
	}
	size_t tp = 0, fp = 0, fn = 0, i, j;
	double slot_sum[S_N] = {0};
	size_t slot_n[S_N] = {0};
	json_t *v;
	for (size_t d = 0; d < ndocs; d++) {
		const json_t *g[256], *p[1024];
		size_t ng = 0, np = 0;
		json_array_foreach (gold, i, v)
			if (same(str(v, "doc"), docs[d]) && ng < 256)
				g[ng++] = v;
		json_array_foreach (pred, i, v)
			if (cites(v, docs[d]) && np < 1024)
				p[np++] = v;
		if (ng == 256 || np == 1024) {
			fprintf(stderr, "gold: %s: too many events for this checker\n", docs[d]);
			return 2;
		}
		pair *pairs = malloc((ng * np + 1) * sizeof(*pairs));
		size_t npairs = 0;
		for (i = 0; i < ng; i++)
			for (j = 0; j < np; j++)
				if (actors_match(g[i], p[j]))
					pairs[npairs++] = (pair){mean_score(g[i], p[j]) -
									 0.5 * is_true(g[i], "optional"),
								 i, j};
		qsort(pairs, npairs, sizeof(*pairs), by_score);
		char gm[256] = {0}, pm[1024] = {0};
		for (size_t k = 0; k < npairs; k++) {
			size_t gi = pairs[k].g, pi = pairs[k].p;
			if (gm[gi] || pm[pi])
				continue;
			gm[gi] = pm[pi] = 1;
			if (is_true(g[gi], "optional"))
				continue;
			tp++;
			int has[S_N];
			double sc[S_N];
			slots(g[gi], p[pi], has, sc);
			for (int s = 0; s < S_N; s++)
				if (has[s]) {
					slot_sum[s] += sc[s];
					slot_n[s]++;
					if (show && sc[s] < 1)
						printf("  slot %s %s: %s\n", SLOT[s], docs[d],
						       str(g[gi], "evidence"));
				}
		}
		free(pairs);
		for (i = 0; i < ng; i++)
			if (!gm[i] && !is_true(g[i], "optional")) {
				fn++;
				if (show)
					printf("  missed %s: %s %s\n", docs[d], str(g[i], "type"),
					       str(g[i], "evidence"));
			}
		for (j = 0; j < np; j++)
			if (!pm[j]) {
				fp++;
				if (show)
					printf("  spurious %s: %s %s\n", docs[d], str(p[j], "type"),
					       str(p[j], "id"));
			}
	}
	double prec = tp + fp ? (double)tp / (double)(tp + fp) : 0;
	double rec = tp + fn ? (double)tp / (double)(tp + fn) : 0;
	double f1 = prec + rec > 0 ? 2 * prec * rec / (prec + rec) : 0;
	printf("events  P=%.3f R=%.3f F1=%.3f  (tp=%zu fp=%zu fn=%zu, %zu documents)\n", prec, rec,
	       f1, tp, fp, fn, ndocs);
	for (int s = 0; s < S_N; s++)
		if (slot_n[s])
			printf("slot    %-16s %.3f\n", SLOT[s], slot_sum[s] / (double)slot_n[s]);
	json_decref(gold);
	json_decref(pred);
	json_decref(scope);
	if (f1 + 1e-9 < min_f1) {
		printf("F1 %.3f is below %.2f\n", f1, min_f1);
		return 1;
	}
	return 0;
}
