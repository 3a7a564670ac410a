/* SPDX-License-Identifier: MIT */
/*
 * robots.c — robots.txt as RFC 9309 reads it.
 *
 * Lines are "field: value" (a # starts a comment). Consecutive user-agent
 * lines open a group; the allow and disallow lines after them are its rules.
 * The rules that apply are those of every group naming our product token
 * (case-insensitively), else those of every "*" group, else none (all
 * allowed). A path is matched against each rule's pattern ("*" any run of
 * characters, "$" at the end anchors it); the longest matching pattern wins
 * and allow wins a tie. An empty disallow forbids nothing. Crawl-delay is
 * not in the RFC but widely written; the watcher honours it when it is
 * longer than its own delay.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "watch_int.h"

typedef struct rule {
	char *pat;
	size_t len;
	int allow;
} rule;

struct at_robots {
	rule *r;
	size_t n, cap;
	int all; /* 1: everything forbidden (robots.txt unreachable) */
	double delay;
};

at_robots *at_robots_all(int disallow)
{
	at_robots *r = calloc(1, sizeof(*r));
	if (r)
		r->all = disallow;
	return r;
}

void at_robots_free(at_robots *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++)
		free(r->r[i].pat);
	free(r->r);
	free(r);
}

double at_robots_delay(const at_robots *r) { return r ? r->delay : 0; }

static int add_rule(at_robots *r, const char *v, size_t n, int allow)
{
	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 16;
		rule *p = realloc(r->r, cap * sizeof(*p));
		if (!p)
			return -1;
		r->r = p;
		r->cap = cap;
	}
	char *pat = malloc(n + 1);
	if (!pat)
		return -1;
	memcpy(pat, v, n);
	pat[n] = '\0';
	r->r[r->n++] = (rule){pat, n, allow};
	return 0;
}

/* Does the product token of a user-agent line's value match ours? */
static int agent_is(const char *v, size_t n, const char *agent)
{
	size_t k = strlen(agent);
	/* the token is the value's leading run of letters, '-' and '_' */
	size_t t = 0;
	while (t < n && ((v[t] >= 'a' && v[t] <= 'z') || (v[t] >= 'A' && v[t] <= 'Z') ||
			 v[t] == '-' || v[t] == '_'))
		t++;
	return t == k && strncasecmp(v, agent, k) == 0;
}

/* Parse with `which`: 1 our token's groups, 2 the "*" groups. Returns the
 * number of groups that applied, -1 when out of memory. */
static int parse_groups(at_robots *r, const char *txt, size_t n, const char *agent, int which)
{
	int in_agents = 0, applies = 0, groups = 0;
	size_t i = 0;
	while (i < n) {
		size_t e = i;
		while (e < n && txt[e] != '\n' && txt[e] != '\r')
			e++;
		const char *line = txt + i;
		size_t len = e - i;
		i = e + 1;
		const char *hash = memchr(line, '#', len);
		if (hash)
			len = (size_t)(hash - line);
		const char *colon = memchr(line, ':', len);
		if (!colon)
			continue;
		size_t k = (size_t)(colon - line);
		while (k && (line[k - 1] == ' ' || line[k - 1] == '\t'))
			k--;
		const char *v = colon + 1;
		size_t vn = len - (size_t)(v - line);
		while (vn && (*v == ' ' || *v == '\t')) {
			v++;
			vn--;
		}
		while (vn && (v[vn - 1] == ' ' || v[vn - 1] == '\t'))
			vn--;
		int ua = k == 10 && !strncasecmp(line, "user-agent", 10);
		if (ua) {
			if (!in_agents)
				applies = 0; /* a new group starts */
			in_agents = 1;
			int match =
				which == 1 ? agent_is(v, vn, agent) : (vn == 1 && v[0] == '*');
			if (match && !applies) {
				applies = 1;
				groups++;
			}
			continue;
		}
		in_agents = 0;
		if (!applies)
			continue;
		if (k == 5 && !strncasecmp(line, "allow", 5)) {
			if (vn && add_rule(r, v, vn, 1))
				return -1;
		} else if (k == 8 && !strncasecmp(line, "disallow", 8)) {
			if (vn && add_rule(r, v, vn, 0))
				return -1;
		} else if (k == 11 && !strncasecmp(line, "crawl-delay", 11)) {
			char num[32];
			size_t m = vn < sizeof(num) - 1 ? vn : sizeof(num) - 1;
			memcpy(num, v, m);
			num[m] = '\0';
			char *end;
			double d = strtod(num, &end);
			if (end != num && d > 0 && d <= 3600 && d > r->delay)
				r->delay = d;
		}
	}
	return groups;
}

at_robots *at_robots_parse(const char *txt, size_t n, const char *agent)
{
	at_robots *r = at_robots_all(0);
	if (!r)
		return NULL;
	int g = parse_groups(r, txt, n, agent, 1);
	if (g == 0)
		g = parse_groups(r, txt, n, agent, 2);
	if (g < 0) {
		at_robots_free(r);
		return NULL;
	}
	return r;
}

/* Does pattern p (n bytes) match the start of s (all of s with a final "$")?
 * Iterative, backtracking only to the last "*": linear in practice. */
static int match(const char *p, size_t n, const char *s)
{
	size_t pi = 0, star = (size_t)-1;
	const char *si = s, *star_s = NULL;
	for (;;) {
		if (pi == n)
			return 1;
		if (p[pi] == '$' && pi + 1 == n) {
			if (!*si)
				return 1;
		} else if (p[pi] == '*') {
			star = pi++;
			star_s = si;
			continue;
		} else if (*si && *si == p[pi]) {
			pi++;
			si++;
			continue;
		}
		if (star == (size_t)-1 || !*star_s)
			return 0;
		pi = star + 1;
		si = ++star_s;
	}
}

int at_robots_allowed(const at_robots *r, const char *path)
{
	if (!r)
		return 1;
	if (r->all)
		return 0;
	size_t best = 0;
	int allow = 1, found = 0;
	for (size_t i = 0; i < r->n; i++) {
		const rule *x = &r->r[i];
		if (!match(x->pat, x->len, path))
			continue;
		if (!found || x->len > best || (x->len == best && x->allow)) {
			best = x->len;
			allow = x->allow;
			found = 1;
		}
	}
	return allow;
}
