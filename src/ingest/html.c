/* SPDX-License-Identifier: MIT */
/*
 * html.c — web pages: libxml2's HTML parser (the one lxml uses), the page's
 * metadata, and its main text, with a map from the text back to the page's
 * bytes. Exports at__html_doc, at__html_sniff and at_offset_map_* (through
 * ingest_int.h and aidtrace.h).
 *
 *   bytes ──htmlCtxtReadMemory (recover, no network, charset: the caller's
 *   hint > BOM > <meta charset>)──▶ tree
 *     ├─▶ metadata: JSON-LD NewsArticle > Open Graph / article:published_time
 *     │   > <time datetime> > <meta name=date|dc.date|pubdate> > <title>,
 *     │   <link rel=canonical>
 *     └─▶ main content (readability-style): furniture dropped by tag (nav,
 *         footer, aside, form, script, ...) and by class/id words (cookie,
 *         share, related, newsletter, donate, comment, ...); paragraphs score
 *         their parent and grandparent (length, commas, link density, class
 *         hints); the best container's paragraphs, in page order, after the
 *         headline (the first <h1>, else <title>).
 *
 * The text is written as our .txt articles are: the headline, a blank line,
 * then one paragraph a block, blank lines between, spaces collapsed,
 * entities decoded, UTF-8. Each written byte is aligned with the page's
 * bytes where the decoded text can be matched to them (a text node is found
 * after the previous one; entities, collapsed spaces and non-UTF-8 pages
 * break runs, which then map to the run's last byte), and the runs go into
 * an at_offset_map so that event offsets point into the page.
 */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "aidtrace.h"
#include "ingest_int.h"
#include "../util/date.h"

/* ---- the offset map ---------------------------------------------------- */

typedef struct map_run {
	uint32_t text, src, len; /* text[text, text+len) came from src[src, src+len) */
} map_run;

struct at_offset_map {
	map_run *runs;
	size_t n, cap;
	uint32_t src_len;
};

void at_offset_map_free(at_offset_map *m)
{
	if (!m)
		return;
	free(m->runs);
	free(m);
}

uint32_t at_offset_map_apply(const at_offset_map *m, uint32_t t, int end)
{
	if (!m || !m->n)
		return t;
	/* an end offset maps its last byte, plus one */
	uint32_t q = end && t > 0 ? t - 1 : t;
	size_t lo = 0, hi = m->n;
	while (lo < hi) { /* the last run starting at or before q */
		size_t mid = lo + (hi - lo) / 2;
		if (m->runs[mid].text <= q)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo == 0)
		return end ? m->runs[0].src + 1 : m->runs[0].src;
	const map_run *r = &m->runs[lo - 1];
	uint32_t k = q - r->text;
	if (k >= r->len)
		k = r->len ? r->len - 1 : 0;
	uint32_t s = r->src + k + (end ? 1 : 0);
	return s > m->src_len ? m->src_len : s;
}

/* memmem (a GNU extension). */
static const char *find_bytes(const char *h, size_t n, const char *nd, size_t m)
{
	if (!m || m > n)
		return NULL;
	const char *end = h + n - m + 1;
	for (const char *p = h; p < end; p++) {
		p = memchr(p, nd[0], (size_t)(end - p));
		if (!p)
			return NULL;
		if (!memcmp(p, nd, m))
			return p;
	}
	return NULL;
}

void at_offset_map_span(const at_offset_map *m, uint32_t t0, uint32_t t1, uint32_t *s0,
			uint32_t *s1)
{
	*s0 = at_offset_map_apply(m, t0, 0);
	*s1 = at_offset_map_apply(m, t1, 1);
	if (!m || !m->n || t1 <= t0)
		return;
	/* the page's text need not run in the page's order (a headline from
	 * <title>, a block moved by the markup): the span covers every run */
	size_t lo = 0, hi = m->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (m->runs[mid].text <= t0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = lo ? lo - 1 : 0; i < m->n && m->runs[i].text < t1; i++) {
		const map_run *r = &m->runs[i];
		if (r->text + r->len <= t0)
			continue;
		uint32_t a = r->src + (t0 > r->text ? t0 - r->text : 0);
		uint32_t e = r->text + r->len < t1 ? r->src + r->len : r->src + (t1 - r->text);
		if (a < *s0)
			*s0 = a;
		if (e > *s1)
			*s1 = e;
	}
	if (*s1 > m->src_len)
		*s1 = m->src_len;
	if (*s0 >= *s1)
		*s1 = *s0 + 1 <= m->src_len ? *s0 + 1 : m->src_len;
}

/* ---- writing the text ---------------------------------------------------- */

typedef struct out {
	char *p;
	size_t n, cap;
	at_offset_map *map;
	const char *src; /* the page's bytes */
	size_t slen;
	size_t cursor;   /* where in the page the next text is looked for */
	int space;       /* a space is owed before the next word */
	int failed;
} out;

static void grow(out *o, size_t more)
{
	if (o->failed || o->n + more + 1 <= o->cap)
		return;
	size_t cap = o->cap ? o->cap * 2 : 4096;
	while (cap < o->n + more + 1)
		cap *= 2;
	if (cap > (size_t)AT_MAX_DOC_BYTES * 2) {
		o->failed = AT_ETOOBIG;
		return;
	}
	char *p = realloc(o->p, cap);
	if (!p) {
		o->failed = AT_ENOMEM;
		return;
	}
	o->p = p;
	o->cap = cap;
}

/* Record that text byte o->n comes from page byte `src`. */
static inline void note(out *o, size_t src)
{
	at_offset_map *m = o->map;
	if (m->n) {
		map_run *r = &m->runs[m->n - 1];
		if (r->text + r->len == o->n && r->src + r->len == src) {
			r->len++;
			return;
		}
	}
	if (m->n == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 64;
		map_run *p = realloc(m->runs, cap * sizeof(*p));
		if (!p) {
			o->failed = AT_ENOMEM;
			return;
		}
		m->runs = p;
		m->cap = cap;
	}
	m->runs[m->n].text = (uint32_t)o->n;
	m->runs[m->n].src = (uint32_t)src;
	m->runs[m->n].len = 1;
	m->n++;
}

static inline void put(out *o, char c, size_t src)
{
	grow(o, 1);
	if (o->failed)
		return;
	note(o, src);
	o->p[o->n++] = c;
}

static int is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

/* A paragraph break: "\n\n" unless the text is empty or ends with one. */
static void paragraph_break(out *o)
{
	o->space = 0;
	if (!o->n || (o->n >= 2 && o->p[o->n - 1] == '\n' && o->p[o->n - 2] == '\n'))
		return;
	size_t at = o->cursor ? o->cursor - 1 : 0;
	if (o->p[o->n - 1] != '\n')
		put(o, '\n', at);
	put(o, '\n', at);
}

/*
 * Append a text node's decoded content, spaces collapsed, aligning it with
 * the page's bytes from o->cursor on: the node is anchored where its first
 * word stands in the page, then followed byte by byte (an entity in the page
 * is one decoded character; a run of spaces matches a run of spaces).
 */
static void add_text(out *o, const char *t)
{
	size_t tl = strlen(t);
	/* the anchor: the first word of letters and digits, up to 24 bytes */
	size_t a0 = 0;
	while (a0 < tl && !((t[a0] >= 'a' && t[a0] <= 'z') || (t[a0] >= 'A' && t[a0] <= 'Z') ||
			    (t[a0] >= '0' && t[a0] <= '9')))
		a0++;
	size_t a1 = a0;
	while (a1 < tl && a1 - a0 < 24 &&
	       ((t[a1] >= 'a' && t[a1] <= 'z') || (t[a1] >= 'A' && t[a1] <= 'Z') ||
		(t[a1] >= '0' && t[a1] <= '9')))
		a1++;
	size_t r = o->cursor; /* the page position of t[i], when aligned */
	int aligned = 0;
	if (a1 > a0 && o->cursor < o->slen) {
		/* the first place where the text goes on as it should (up to 8 tried):
		 * "Germany hands" in a headline is not "Germany handed" */
		size_t from = o->cursor, best = 0, best_len = 0;
		for (int tries = 0; tries < 8 && from < o->slen; tries++) {
			const char *hit =
				find_bytes(o->src + from, o->slen - from, t + a0, a1 - a0);
			if (!hit)
				break;
			size_t h = (size_t)(hit - o->src), k = 0;
			while (a0 + k < tl && h + k < o->slen && k < 48 && t[a0 + k] == o->src[h + k])
				k++;
			if (k > best_len || !aligned) {
				best = h;
				best_len = k;
				aligned = 1;
			}
			if (a0 + k == tl || k == 48)
				break;
			from = h + 1;
		}
		if (aligned)
			r = best;
	}
	/* bytes before the anchor map to the anchor */
	size_t last = r;
	for (size_t i = 0; i < tl && !o->failed;) {
		unsigned char c = (unsigned char)t[i];
		if (is_space(c)) {
			if (o->n && !is_space((unsigned char)o->p[o->n - 1]))
				o->space = 1;
			i++;
			if (aligned && i > a0)
				while (r < o->slen && is_space((unsigned char)o->src[r]))
					r++;
			continue;
		}
		if (o->space) {
			put(o, ' ', last);
			o->space = 0;
		}
		size_t here = last;
		if (aligned && i >= a0 && r < o->slen) {
			if ((unsigned char)o->src[r] == c) {
				here = r++;
			} else if (o->src[r] == '&') {
				/* an entity: one decoded character (of 1 to 4 bytes) */
				size_t e = r + 1;
				while (e < o->slen && e - r < 12 && o->src[e] != ';' && o->src[e] != '<' &&
				       !is_space((unsigned char)o->src[e]))
					e++;
				here = r;
				size_t clen = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
				for (size_t k = 0; k < clen && i < tl; k++)
					put(o, t[i++], here);
				r = e < o->slen && o->src[e] == ';' ? e + 1 : e;
				last = here;
				continue;
			} else {
				aligned = 0; /* lost: the rest maps to the last byte found */
			}
		}
		put(o, (char)c, here);
		last = here;
		i++;
	}
	if (aligned && r > o->cursor)
		o->cursor = r;
}

/* ---- the tree -------------------------------------------------------------- */

static int name_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name && !strcasecmp((const char *)n->name, name);
}

static int name_in(const xmlNode *n, const char *const *names)
{
	for (; *names; names++)
		if (name_is(n, *names))
			return 1;
	return 0;
}

static const char *attr(const xmlNode *n, const char *name, char *buf, size_t len)
{
	buf[0] = '\0';
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	if (!v)
		return NULL;
	snprintf(buf, len, "%s", (const char *)v);
	xmlFree(v);
	return buf;
}

/* Lower-case copy of class and id, for the word tests. */
static void class_id(const xmlNode *n, char *buf, size_t len)
{
	char c[256], i[128];
	attr(n, "class", c, sizeof(c));
	attr(n, "id", i, sizeof(i));
	snprintf(buf, len, "%s %s", c, i);
	for (char *p = buf; *p; p++)
		if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p + 32);
}

static const char *const NEVER[] = {"script", "style",    "noscript", "template", "svg",
				    "iframe", "object",   "embed",    "canvas",   "select",
				    "button", "textarea", "input",    "head",     "form",
				    "nav",    "footer",   "aside",    "dialog",   "menu",
				    NULL};

/* class/id words of furniture */
static const char *const BAD_WORDS[] = {
	"cookie",   "consent",  "share",     "sharing",   "social",     "related",
	"recommend", "newsletter", "subscri", "signup",   "sign-up",    "donat",
	"support-us", "comment", "promo",     "advert",    "sponsor",    "sidebar",
	"menu",     "breadcrumb", "banner",  "popup",     "modal",      "footer",
	"masthead", "navbar",   "toolbar",   "tags",      "tag-list",   "paywall",
	"read-more", "readmore", "more-stories", "outbrain", "taboola",  "widget",
	"byline-share", "print", "gdpr",    NULL};
static const char *const GOOD_WORDS[] = {"article", "content", "story", "entry", "post",
					 "main",    "body",    "text",  "news",  NULL};

static int has_word(const char *ci, const char *const *words)
{
	for (; *words; words++)
		if (strstr(ci, *words))
			return 1;
	return 0;
}

/* Is this element page furniture, never read? (the answer is kept in the
 * node's _private: 1 no, 2 yes) */
static int furniture_of(const xmlNode *n);

static int furniture(const xmlNode *n)
{
	if (n->type != XML_ELEMENT_NODE)
		return 0;
	if (n->_private)
		return n->_private == (void *)2;
	int f = furniture_of(n);
	((xmlNode *)n)->_private = (void *)(uintptr_t)(f ? 2 : 1);
	return f;
}

static int furniture_of(const xmlNode *n)
{
	if (name_in(n, NEVER))
		return 1;
	char ci[400], role[64], hidden[8];
	class_id(n, ci, sizeof(ci));
	if (strstr(ci, "article-body") || strstr(ci, "articlebody") || strstr(ci, "story-body"))
		return 0;
	if (has_word(ci, BAD_WORDS))
		return 1;
	attr(n, "role", role, sizeof(role));
	if (!strcasecmp(role, "navigation") || !strcasecmp(role, "banner") ||
	    !strcasecmp(role, "contentinfo") || !strcasecmp(role, "complementary"))
		return 1;
	if (attr(n, "hidden", hidden, sizeof(hidden)))
		return 1;
	return 0;
}

static const char *const BLOCKS[] = {"p",  "h1", "h2",	   "h3",  "h4", "h5", "h6", "li",
				     "blockquote", "pre", "dd", "dt", "figcaption", "td", "th",
				     NULL};

static int is_block(const xmlNode *n) { return name_in(n, BLOCKS); }

/* Text length and linked text length under n (furniture excluded). */
static void text_len(const xmlNode *n, size_t *all, size_t *linked, size_t *commas, int in_link)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			const char *t = (const char *)c->content;
			size_t k = 0;
			for (const char *p = t; p && *p; p++) {
				if (!is_space((unsigned char)*p))
					k++;
				*commas += *p == ',';
			}
			*all += k;
			if (in_link)
				*linked += k;
		} else if (c->type == XML_ELEMENT_NODE && !furniture(c)) {
			text_len(c, all, linked, commas, in_link || name_is(c, "a"));
		}
	}
}

/* ---- scoring ------------------------------------------------------------- */

typedef struct cand {
	const xmlNode *node;
	double score;
} cand;

typedef struct scorer {
	cand *c;
	size_t n, cap;
} scorer;

static void add_score(scorer *s, const xmlNode *node, double v)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->c[i].node == node) {
			s->c[i].score += v;
			return;
		}
	if (s->n == s->cap) {
		size_t cap = s->cap ? s->cap * 2 : 64;
		cand *p = realloc(s->c, cap * sizeof(*p));
		if (!p)
			return;
		s->c = p;
		s->cap = cap;
	}
	/* a container's own hints count once */
	double hint = 0;
	if (node->type == XML_ELEMENT_NODE) {
		char ci[400];
		class_id(node, ci, sizeof(ci));
		if (has_word(ci, GOOD_WORDS))
			hint += 25;
		if (name_is(node, "article") || name_is(node, "main"))
			hint += 30;
		char ip[64];
		if (attr(node, "itemprop", ip, sizeof(ip)) && !strcasecmp(ip, "articleBody"))
			hint += 50;
	}
	s->c[s->n].node = node;
	s->c[s->n].score = v + hint;
	s->n++;
}

/* Paragraphs score their parent (in full) and grandparent (half). */
static void score_tree(scorer *s, const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE || furniture(c))
			continue;
		if (name_is(c, "p") || name_is(c, "pre") || name_is(c, "blockquote")) {
			size_t all = 0, linked = 0, commas = 0;
			text_len(c, &all, &linked, &commas, 0);
			if (all >= 25 && linked * 2 < all) {
				double v = 1 + (double)commas + (all / 100 < 3 ? (double)(all / 100) : 3);
				v *= 1.0 - (double)linked / (double)all;
				if (c->parent)
					add_score(s, c->parent, v);
				if (c->parent && c->parent->parent)
					add_score(s, c->parent->parent, v / 2);
			}
		}
		score_tree(s, c);
	}
}

/* ---- writing the chosen blocks --------------------------------------------- */

/* Write the text under n, a paragraph break around each block. */
static void write_node(out *o, const xmlNode *n, const xmlNode *skip)
{
	for (const xmlNode *c = n->children; c && !o->failed; c = c->next) {
		if (c == skip)
			continue;
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content)
				add_text(o, (const char *)c->content);
			continue;
		}
		if (c->type != XML_ELEMENT_NODE || furniture(c))
			continue;
		if (name_is(c, "br")) {
			o->space = 1;
			continue;
		}
		int block = is_block(c) || name_is(c, "div") || name_is(c, "section") ||
			    name_is(c, "article") || name_is(c, "header") || name_is(c, "ul") ||
			    name_is(c, "ol") || name_is(c, "table") || name_is(c, "tr") ||
			    name_is(c, "figure");
		if (block) {
			size_t all = 0, linked = 0, commas = 0;
			text_len(c, &all, &linked, &commas, 0);
			/* lists of links (related stories, tag clouds) are not text */
			if (all && linked * 10 > all * 6 && !name_is(c, "p"))
				continue;
			paragraph_break(o);
		}
		write_node(o, c, skip);
		if (block)
			paragraph_break(o);
	}
}

/* The first element named `name` under n, outside furniture. */
static const xmlNode *find(const xmlNode *n, const char *name)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (name_is(c, name))
			return c;
		if (furniture(c) && !name_is(c, "head"))
			continue;
		const xmlNode *f = find(c, name);
		if (f)
			return f;
	}
	return NULL;
}

static int inside(const xmlNode *n, const xmlNode *anc)
{
	for (; n; n = n->parent)
		if (n == anc)
			return 1;
	return 0;
}

/* ---- metadata -------------------------------------------------------------- */

typedef struct meta {
	char date[5][40]; /* by preference: JSON-LD, OG, <time>, <meta name=date>, none */
	char title[2][512];  /* JSON-LD headline, og:title */
	char outlet[2][256]; /* JSON-LD publisher, og:site_name */
	char url[3][1024];   /* JSON-LD url, og:url, canonical */
} meta;

static void set_if_empty(char *dst, size_t n, const char *v)
{
	if (!dst[0] && v && v[0])
		snprintf(dst, n, "%s", v);
}

static int is_article_type(json_t *t)
{
	static const char *const TYPES[] = {"NewsArticle",	     "Article",
					    "ReportageNewsArticle", "AnalysisNewsArticle",
					    "BlogPosting",	     "WebPage",
					    NULL};
	if (json_is_array(t)) {
		size_t i;
		json_t *v;
		json_array_foreach (t, i, v)
			if (is_article_type(v))
				return 1;
		return 0;
	}
	const char *s = json_string_value(t);
	for (int i = 0; s && TYPES[i]; i++)
		if (!strcmp(s, TYPES[i]))
			return strcmp(s, "WebPage") ? 2 : 1;
	return 0;
}

static void json_ld(json_t *j, meta *m, int depth)
{
	if (depth > 8 || !j)
		return;
	if (json_is_array(j)) {
		size_t i;
		json_t *v;
		json_array_foreach (j, i, v)
			json_ld(v, m, depth + 1);
		return;
	}
	if (!json_is_object(j))
		return;
	json_ld(json_object_get(j, "@graph"), m, depth + 1);
	if (is_article_type(json_object_get(j, "@type")) != 2)
		return;
	set_if_empty(m->date[0], sizeof(m->date[0]),
		     json_string_value(json_object_get(j, "datePublished")));
	set_if_empty(m->title[0], sizeof(m->title[0]),
		     json_string_value(json_object_get(j, "headline")));
	json_t *pub = json_object_get(j, "publisher");
	if (json_is_array(pub))
		pub = json_array_get(pub, 0);
	set_if_empty(m->outlet[0], sizeof(m->outlet[0]),
		     json_string_value(json_object_get(pub, "name")));
	set_if_empty(m->url[0], sizeof(m->url[0]), json_string_value(json_object_get(j, "url")));
	json_t *me = json_object_get(j, "mainEntityOfPage");
	set_if_empty(m->url[0], sizeof(m->url[0]),
		     json_is_string(me) ? json_string_value(me)
					: json_string_value(json_object_get(me, "@id")));
}

static void collect_meta(const xmlNode *n, meta *m, int depth)
{
	if (depth > 200)
		return;
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		char a[1024], b[1024];
		if (name_is(c, "script") && attr(c, "type", a, sizeof(a)) &&
		    strstr(a, "ld+json")) {
			xmlChar *t = xmlNodeGetContent(c);
			if (t) {
				json_t *j = json_loads((const char *)t, JSON_DECODE_ANY, NULL);
				json_ld(j, m, 0);
				json_decref(j);
				xmlFree(t);
			}
			continue;
		}
		if (name_is(c, "meta")) {
			const char *key = attr(c, "property", a, sizeof(a));
			if (!key || !key[0])
				key = attr(c, "name", a, sizeof(a));
			const char *v = attr(c, "content", b, sizeof(b));
			if (key && v) {
				if (!strcasecmp(key, "article:published_time") ||
				    !strcasecmp(key, "og:published_time"))
					set_if_empty(m->date[1], sizeof(m->date[1]), v);
				else if (!strcasecmp(key, "og:title"))
					set_if_empty(m->title[1], sizeof(m->title[1]), v);
				else if (!strcasecmp(key, "og:site_name"))
					set_if_empty(m->outlet[1], sizeof(m->outlet[1]), v);
				else if (!strcasecmp(key, "og:url"))
					set_if_empty(m->url[1], sizeof(m->url[1]), v);
				else if (!strcasecmp(key, "date") || !strcasecmp(key, "dc.date") ||
					 !strcasecmp(key, "dc.date.issued") ||
					 !strcasecmp(key, "pubdate") ||
					 !strcasecmp(key, "publish-date") ||
					 !strcasecmp(key, "article.published"))
					set_if_empty(m->date[3], sizeof(m->date[3]), v);
			}
		} else if (name_is(c, "time")) {
			if (attr(c, "datetime", a, sizeof(a)))
				set_if_empty(m->date[2], sizeof(m->date[2]), a);
		} else if (name_is(c, "link") && attr(c, "rel", a, sizeof(a)) &&
			   !strcasecmp(a, "canonical")) {
			if (attr(c, "href", b, sizeof(b)))
				set_if_empty(m->url[2], sizeof(m->url[2]), b);
		}
		collect_meta(c, m, depth + 1);
	}
}

/* "2024-03-04T09:00:00Z", "2024-03-04", "March 4, 2024": YYYY-MM-DD or "". */
static void iso_day(const char *s, char day[17])
{
	day[0] = '\0';
	while (*s == ' ')
		s++;
	if (strlen(s) >= 10 && s[4] == '-' && s[7] == '-') {
		char buf[11];
		memcpy(buf, s, 10);
		buf[10] = '\0';
		at_date d;
		if (at_date_parse(&d, buf) == 0)
			at_date_format(&d, day);
	}
}


/* The byte where the line of node n starts (libxml2 counts lines). */
static size_t line_start(const out *o, const xmlNode *n)
{
	long line = xmlGetLineNo(n);
	if (line <= 1)
		return 0;
	long k = 1;
	const char *p = o->src, *end = o->src + o->slen;
	while (p < end && k < line) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			break;
		p = nl + 1;
		k++;
	}
	return (size_t)(p - o->src);
}

/* ---- the page -------------------------------------------------------------- */

int at__html_sniff(const char *s, size_t n)
{
	size_t i = 0;
	if (n >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB &&
	    (unsigned char)s[2] == 0xBF)
		i = 3;
	for (;;) {
		while (i < n && is_space((unsigned char)s[i]))
			i++;
		if (i + 4 <= n && !memcmp(s + i, "<!--", 4)) { /* a comment first */
			const char *e = find_bytes(s + i, n - i, "-->", 3);
			if (!e)
				return 0;
			i = (size_t)(e - s) + 3;
			continue;
		}
		break;
	}
	static const char *const HEADS[] = {"<!doctype html", "<html", "<head", "<meta", "<body",
					    "<?xml", NULL};
	for (int k = 0; HEADS[k]; k++) {
		size_t l = strlen(HEADS[k]);
		if (i + l <= n && !strncasecmp(s + i, HEADS[k], l)) {
			if (k == 5) /* XHTML: an <html after the XML declaration */
				return find_bytes(s + i, n - i < 512 ? n - i : 512, "<html", 5) != NULL;
			return 1;
		}
	}
	return 0;
}

static pthread_once_t xml_once = PTHREAD_ONCE_INIT;
static void xml_init(void) { xmlInitParser(); }

/*
 * libxml2 prints some faults itself ("encoding error : input conversion
 * failed ...", "I/O error : encoder error") whatever the parser options.
 * Its handlers are per thread: ours keep those lines off stderr and count
 * the charset faults, which become one diagnostic of ours.
 */
static _Thread_local int xml_charset_faults;

static void xml_generic_error(void *ctx, const char *msg, ...)
{
	(void)ctx;
	if (msg && (strstr(msg, "encod") || strstr(msg, "conversion")))
		xml_charset_faults++;
}

static void xml_structured_error(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	if (e && (e->domain == XML_FROM_I18N || e->domain == XML_FROM_IO ||
		  e->code == XML_ERR_INVALID_CHAR || e->code == XML_I18N_CONV_FAILED))
		xml_charset_faults++;
}

int at__html_doc(at_doc *doc, const char *charset, at_diag *diag)
{
	pthread_once(&xml_once, xml_init);
	if (doc->len > AT_MAX_DOC_BYTES || doc->len > INT32_MAX) {
		memset(diag, 0, sizeof(*diag));
		snprintf(diag->file, sizeof(diag->file), "%s", doc->source ? doc->source : "-");
		diag->line = doc->line;
		diag->byte = doc->record_off;
		snprintf(diag->msg, sizeof(diag->msg), "page larger than %u bytes; skipped",
			 AT_MAX_DOC_BYTES);
		return AT_ETOOBIG;
	}
	xmlSetGenericErrorFunc(NULL, xml_generic_error);
	xmlSetStructuredErrorFunc(NULL, xml_structured_error);
	xml_charset_faults = 0;
	htmlParserCtxtPtr ctxt = htmlNewParserCtxt();
	if (!ctxt)
		return AT_ENOMEM;
	int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
		   HTML_PARSE_NONET | HTML_PARSE_NOBLANKS | XML_PARSE_BIG_LINES;
	htmlDocPtr tree = htmlCtxtReadMemory(ctxt, doc->bytes, (int)doc->len, doc->url,
					     charset && charset[0] ? charset : NULL, opts);
	if (!tree && charset) /* an unknown charset name: let the page say */
		tree = htmlCtxtReadMemory(ctxt, doc->bytes, (int)doc->len, doc->url, NULL, opts);
	htmlFreeParserCtxt(ctxt);
	xmlNode *root = tree ? xmlDocGetRootElement(tree) : NULL;
	if (!root) {
		if (tree)
			xmlFreeDoc(tree);
		memset(diag, 0, sizeof(*diag));
		snprintf(diag->file, sizeof(diag->file), "%s", doc->source ? doc->source : "-");
		diag->line = doc->line;
		diag->byte = doc->record_off;
		snprintf(diag->msg, sizeof(diag->msg), "%s: no HTML document in the page; skipped",
			 doc->id ? doc->id : "page");
		return AT_EPARSE;
	}
	meta m;
	memset(&m, 0, sizeof(m));
	collect_meta((xmlNode *)tree, &m, 0);

	out o;
	memset(&o, 0, sizeof(o));
	o.map = calloc(1, sizeof(*o.map));
	if (!o.map) {
		xmlFreeDoc(tree);
		return AT_ENOMEM;
	}
	o.src = doc->bytes;
	o.slen = doc->len;
	o.map->src_len = (uint32_t)doc->len;

	const xmlNode *body = find(root, "body");
	if (!body)
		body = root;
	/* the container: the best scored, else the body */
	scorer sc = {0};
	score_tree(&sc, body);
	const xmlNode *best = NULL;
	double top = 0;
	for (size_t i = 0; i < sc.n; i++)
		if (sc.c[i].score > top) {
			top = sc.c[i].score;
			best = sc.c[i].node;
		}
	free(sc.c);
	if (!best)
		best = body;
	/* the headline: the first <h1> (before or in the container), else <title> */
	const xmlNode *h1 = find(body, "h1");
	const xmlNode *title = find(root, "title");
	if (h1) {
		o.cursor = line_start(&o, h1);
		write_node(&o, h1, NULL);
	} else if (title) {
		o.cursor = line_start(&o, title);
		write_node(&o, title, NULL);
		/* "Headline | The Outlet": the outlet's part is not the headline */
		for (size_t k = o.n; k > 12 && o.n - k < 80; k--)
			if (o.p[k - 1] == ' ' && k + 1 < o.n && o.p[k + 1] == ' ' &&
			    (o.p[k] == '|' || o.p[k] == '-')) {
				o.n = k - 1;
				break;
			}
	}
	paragraph_break(&o);
	/* the container's text is looked for from its own line on (after the
	 * headline's, when that is inside it) */
	size_t after_head = o.cursor;
	o.cursor = line_start(&o, best);
	if (h1 && inside(h1, best) && after_head > o.cursor)
		o.cursor = after_head;
	write_node(&o, best, h1 && inside(h1, best) ? h1 : NULL);
	while (o.n && (o.p[o.n - 1] == '\n' || o.p[o.n - 1] == ' '))
		o.n--;
	if (!o.failed)
		put(&o, '\n', doc->len ? doc->len - 1 : 0);
	xmlFreeDoc(tree);
	if (o.failed) {
		free(o.p);
		at_offset_map_free(o.map);
		return o.failed;
	}
	o.p[o.n] = '\0';

	/* metadata: what the document had already wins (JSONL fields) */
	char day[17];
	for (int k = 0; k < 4 && !doc->published[0]; k++) {
		iso_day(m.date[k], day);
		if (day[0])
			snprintf(doc->published, sizeof(doc->published), "%s", day);
	}
	const char *t = m.title[0][0] ? m.title[0] : m.title[1];
	if (!doc->title && t[0])
		doc->title = at__strdup(t);
	const char *ol = m.outlet[0][0] ? m.outlet[0] : m.outlet[1];
	if (!doc->outlet && ol[0])
		doc->outlet = at__strdup(ol);
	const char *u = m.url[0][0] ? m.url[0] : m.url[1][0] ? m.url[1] : m.url[2];
	if (!doc->url && u[0] && (!strncmp(u, "http://", 7) || !strncmp(u, "https://", 8)))
		doc->url = at__strdup(u);
	free(doc->bytes);
	doc->bytes = o.p;
	doc->len = o.n;
	doc->body_off = 0;
	at_offset_map_free(doc->map);
	doc->map = o.map;
	if (!doc->content_type)
		doc->content_type = at__strdup("text/html");
	if (xml_charset_faults) { /* one warning for them all: the page is read */
		memset(diag, 0, sizeof(*diag));
		snprintf(diag->file, sizeof(diag->file), "%s", doc->source ? doc->source : "-");
		diag->line = doc->line;
		diag->byte = doc->record_off;
		snprintf(diag->msg, sizeof(diag->msg),
			 "%s%sbytes that are not valid in the page's charset%s%s; its text may "
			 "stop there",
			 doc->url ? doc->url : "", doc->url ? ": " : "",
			 charset && charset[0] ? " " : "", charset && charset[0] ? charset : "");
		return 1;
	}
	return 0;
}
