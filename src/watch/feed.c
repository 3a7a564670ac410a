/* SPDX-License-Identifier: MIT */
/*
 * feed.c — the items of RSS and Atom feeds, read with libxml2.
 *
 *   RSS 2.0 / 0.9x   rss/channel/item: link, else guid (unless
 *                    isPermaLink="false"); pubDate, else dc:date
 *   RSS 1.0 (RDF)    rdf:RDF/item: link; dc:date
 *   Atom 1.0         feed/entry: link[rel=alternate or none]/@href resolved
 *                    against xml:base and the feed's URL; updated, else
 *                    published
 *
 * The parser never touches the network (XML_PARSE_NONET) and substitutes no
 * external entities; errors name the line. Links that are not http(s) are
 * left out.
 */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "watch_int.h"

typedef struct item_list {
	at_feed_item *v;
	size_t n, cap;
	int oom;
} item_list;

static int is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && !xmlStrcmp(n->name, (const xmlChar *)name);
}

/* The first child element called name (any namespace). */
static xmlNode *child(const xmlNode *n, const char *name)
{
	for (xmlNode *c = n->children; c; c = c->next)
		if (is(c, name))
			return c;
	return NULL;
}

/* The trimmed text of a child element, malloc'd, or NULL. */
static char *text_of(const xmlNode *n, const char *name)
{
	xmlNode *c = child(n, name);
	if (!c)
		return NULL;
	xmlChar *t = xmlNodeGetContent(c);
	if (!t)
		return NULL;
	const char *s = (const char *)t;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	size_t len = strlen(s);
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' ||
		       s[len - 1] == '\r'))
		len--;
	char *out = NULL;
	if (len) {
		out = malloc(len + 1);
		if (out) {
			memcpy(out, s, len);
			out[len] = '\0';
		}
	}
	xmlFree(t);
	return out;
}

static void add(item_list *it, const char *base, const char *link, char *date)
{
	char *url = link ? at_http_resolve(base, link) : NULL;
	if (!url) {
		free(date);
		return;
	}
	for (size_t i = 0; i < it->n; i++) /* a feed listing a link twice */
		if (!strcmp(it->v[i].url, url)) {
			free(url);
			free(date);
			return;
		}
	if (it->n == it->cap) {
		size_t cap = it->cap ? it->cap * 2 : 32;
		at_feed_item *p = realloc(it->v, cap * sizeof(*p));
		if (!p) {
			it->oom = 1;
			free(url);
			free(date);
			return;
		}
		it->v = p;
		it->cap = cap;
	}
	it->v[it->n++] = (at_feed_item){url, date};
}

static void rss_item(item_list *it, xmlDoc *doc, const char *base, xmlNode *item)
{
	char *link = text_of(item, "link");
	if (!link) {
		xmlNode *g = child(item, "guid");
		xmlChar *perma = g ? xmlGetProp(g, (const xmlChar *)"isPermaLink") : NULL;
		if (g && (!perma || xmlStrcmp(perma, (const xmlChar *)"false")))
			link = text_of(item, "guid");
		xmlFree(perma);
	}
	char *date = text_of(item, "pubDate");
	if (!date)
		date = text_of(item, "date"); /* dc:date */
	xmlChar *xb = xmlNodeGetBase(doc, item);
	add(it, xb ? (const char *)xb : base, link, date);
	xmlFree(xb);
	free(link);
}

static void atom_entry(item_list *it, xmlDoc *doc, const char *base, xmlNode *e)
{
	xmlChar *href = NULL;
	for (xmlNode *c = e->children; c && !href; c = c->next) {
		if (!is(c, "link"))
			continue;
		xmlChar *rel = xmlGetProp(c, (const xmlChar *)"rel");
		if (!rel || !xmlStrcmp(rel, (const xmlChar *)"alternate"))
			href = xmlGetProp(c, (const xmlChar *)"href");
		xmlFree(rel);
	}
	char *date = text_of(e, "updated");
	if (!date)
		date = text_of(e, "published");
	xmlChar *xb = xmlNodeGetBase(doc, e);
	add(it, xb ? (const char *)xb : base, (const char *)href, date);
	xmlFree(xb);
	xmlFree(href);
}

int at_feed_parse(const char *bytes, size_t n, const char *base, at_feed_item **out,
		  size_t *nout, char *err, size_t errlen)
{
	*out = NULL;
	*nout = 0;
	if (n > (size_t)0x7fffffff) {
		snprintf(err, errlen, "feed too large");
		return AT_ETOOBIG;
	}
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	if (!ctxt) {
		snprintf(err, errlen, "out of memory");
		return AT_ENOMEM;
	}
	xmlDoc *doc =
		xmlCtxtReadMemory(ctxt, bytes, (int)n, base, NULL,
				  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!doc) {
		const xmlError *e =
			xmlCtxtGetLastError(ctxt); /* messages are not printed: NOERROR */
		char msg[160] = "not well-formed";
		if (e && e->message) {
			snprintf(msg, sizeof(msg), "%s", e->message);
			size_t m = strlen(msg);
			while (m && (msg[m - 1] == '\n' || msg[m - 1] == ' '))
				msg[--m] = '\0';
		}
		snprintf(err, errlen, "not a well-formed feed: line %d: %s", e ? e->line : 0,
			 msg);
		xmlFreeParserCtxt(ctxt);
		return AT_EPARSE;
	}
	xmlFreeParserCtxt(ctxt);
	xmlNode *root = xmlDocGetRootElement(doc);
	item_list it = {0};
	int kind = 0;
	if (root && is(root, "rss")) {
		kind = 1;
		xmlNode *ch = child(root, "channel");
		for (xmlNode *c = ch ? ch->children : NULL; c; c = c->next)
			if (is(c, "item"))
				rss_item(&it, doc, base, c);
	} else if (root && is(root, "RDF")) {
		kind = 2;
		for (xmlNode *c = root->children; c; c = c->next)
			if (is(c, "item"))
				rss_item(&it, doc, base, c);
	} else if (root && is(root, "feed")) {
		kind = 3;
		for (xmlNode *c = root->children; c; c = c->next)
			if (is(c, "entry"))
				atom_entry(&it, doc, base, c);
	}
	if (!kind) {
		snprintf(err, errlen, "not an RSS or Atom feed (the root element is <%s>)",
			 root ? (const char *)root->name : "none");
		xmlFreeDoc(doc);
		return AT_EPARSE;
	}
	xmlFreeDoc(doc);
	if (it.oom) {
		at_feed_items_free(it.v, it.n);
		snprintf(err, errlen, "out of memory");
		return AT_ENOMEM;
	}
	*out = it.v;
	*nout = it.n;
	return 0;
}

void at_feed_items_free(at_feed_item *items, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(items[i].url);
		free(items[i].date);
	}
	free(items);
}
