/* SPDX-License-Identifier: MIT */
/*
 * extract.c — at_extract_doc: one document in, its events out. A pure
 * function of (context, document): clean → sentences and tokens → mentions
 * → frames → assembled events. No I/O, no shared mutable state; all working
 * memory lives in one arena that dies with the call (or is reset, in a
 * worker). Exports at_extract_doc, at_worker_*, at_events_count and
 * at_events_free.
 */
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "../text/lang.h"

#define AT_MAX_DOC_TOKENS (2u * 1024u * 1024u)

size_t at_events_count(const at_events *ev) { return ev ? ev->n : 0; }

void at_events_free(at_events *ev)
{
	if (!ev)
		return;
	at_arena_free(&ev->mem);
	free(ev->doc_id);
	free(ev);
}

/* The state the article is about: the one its body and headline name most
 * often (names, adjectives, capitals), if it leads the next by two. "The
 * Army" with no adjective is that state's army. LX_NONE when none leads.
 * With forces_only, only mentions that own forces count ("US troops", "the
 * Polish army"), and a lead of one is enough: the state whose forces the
 * article is about. With forces_only 2, every mention and a lead of one: the
 * state named most. */
static uint32_t home_state(const docx *d, int forces_only)
{
	uint32_t key[32];
	int cnt[32], n = 0;
	for (size_t s = 0; s < d->nsents; s++) {
		const sent_info *si = &d->sents[s];
		if (si->role != AT_ROLE_BODY && si->role != AT_ROLE_HEADLINE)
			continue;
		for (uint32_t a = 0; a < si->nactors; a++) {
			uint32_t k = si->actors[a].key;
			if (d->ctx->keys[k].cls != LX_STATE)
				continue;
			if (forces_only == 1) {
				uint32_t e = si->actors[a].t1;
				if (e < si->t1 && d->toks[e].norm[0] == '\'')
					e++;
				if (!(si->actors[a].role_kind == 1 ||
				      (e < si->t1 && (d->cue[e] & (CU_PEOPLE | CU_UNITS)) &&
				       (d->cue[e] & CU_MILITARY))))
					continue;
			}
			int j = 0;
			while (j < n && key[j] != k)
				j++;
			if (j == n) {
				if (n == 32)
					continue;
				key[n] = k;
				cnt[n++] = 0;
			}
			cnt[j]++;
		}
	}
	int best = -1, second = 0;
	for (int j = 0; j < n; j++) {
		if (best < 0 || cnt[j] > cnt[best]) {
			if (best >= 0)
				second = cnt[best];
			best = j;
		} else if (cnt[j] > second) {
			second = cnt[j];
		}
	}
	if (forces_only == 2)
		return best >= 0 && cnt[best] > second ? key[best] : LX_NONE;
	if (forces_only)
		return best >= 0 && cnt[best] >= 2 && cnt[best] > second ? key[best] : LX_NONE;
	return best >= 0 && cnt[best] >= second + 2 ? key[best] : LX_NONE;
}

/* The first full date in the opening paragraphs, for a document whose
 * publication date is unknown: datelines, bylines, captions. */
static void infer_published(docx *d)
{
	size_t limit = d->nsents < 12 ? d->nsents : 12;
	for (size_t s = 0; s < limit; s++) {
		const sent_info *si = &d->sents[s];
		for (uint32_t k = 0; k < si->ndates; k++) {
			const date_m *dm = &si->dates[k];
			if (dm->kind != DS_ABS || !dm->a.y || !dm->a.m || !dm->a.d)
				continue;
			if (d->pub.y && (dm->a.y != d->pub.y || (d->pub.m && dm->a.m != d->pub.m)))
				continue;
			d->pub = dm->a;
			return;
		}
	}
}

/* "https://site/2003/07/rotation-plan.html": the year and month (and day)
 * in the path of the page's address, for a document whose date neither its
 * metadata nor its opening lines give. Relative dates ("in September")
 * resolve against it; the event's `reported` stays unknown. */
static void url_published(docx *d)
{
	const char *p = d->doc->url ? strstr(d->doc->url, "://") : NULL;
	for (p = p ? strchr(p + 3, '/') : NULL; p; p = strchr(p + 1, '/')) {
		const char *q = p + 1;
		int dg[8], n = 0;
		while (n < 8 && ((q[0] >= '0' && q[0] <= '9') || q[0] == '/')) {
			if (q[0] != '/')
				dg[n++] = q[0] - '0';
			else if (n != 4 && n != 6)
				break;
			q++;
		}
		/* "/2003/07/", "/2003/07/15/": four digits, a slash, two digits */
		if (n < 6 || p[5] != '/' || p[8] != '/' || (n == 8 && p[11] != '/'))
			continue;
		int y = dg[0] * 1000 + dg[1] * 100 + dg[2] * 10 + dg[3], m = dg[4] * 10 + dg[5];
		if (y < 1950 || y > 2100 || m < 1 || m > 12)
			continue;
		d->pub.y = y;
		d->pub.m = m;
		d->pub.d = n == 8 && dg[6] * 10 + dg[7] >= 1 && dg[6] * 10 + dg[7] <= 31
				   ? dg[6] * 10 + dg[7]
				   : 0;
		return;
	}
}

static int analyse(docx *d, at_events *out)
{
	const at_doc *doc = d->doc;
	at_para *paras;
	size_t npara;
	if (at_clean(d->a, doc->bytes, doc->body_off, doc->len, &paras, &npara) != 0)
		return AT_ENOMEM;
	size_t tcap = doc->len / 4 + 64, scap = 0;
	d->toks = at_arena_alloc_raw(d->a, tcap * sizeof(at_tok));
	if (!d->toks)
		return AT_ENOMEM;
	at_sentence *sents = NULL;
	size_t nsents = 0;
	for (size_t p = 0; p < npara; p++) {
		uint8_t role = paras[p].role;
		if (role == AT_ROLE_FURNITURE || role == AT_ROLE_TEASER)
			continue;
		size_t t0 = d->ntoks;
		if (at_tokenize(d->a, doc->bytes, paras[p].start, paras[p].end, &d->toks,
				&d->ntoks, &tcap, AT_MAX_DOC_TOKENS) < 0)
			return d->a->failed ? AT_ENOMEM : AT_ETOOBIG;
		size_t s0 = nsents;
		if (at_split_sentences(d->a, doc->bytes, d->toks, (uint32_t)t0, (uint32_t)d->ntoks,
				       &sents, &nsents, &scap) != 0)
			return AT_ENOMEM;
		for (size_t s = s0; s < nsents; s++) {
			sents[s].role = role;
			sents[s].para = (uint32_t)p;
		}
	}
	/* [ru] Russian documents: tokens normed to their Snowball stems */
	if (d->lang == AT_LANG_RU) {
		at_ru *ru = at_ru_new();
		int bad = !ru || at_ru_restem(ru, d->a, d->toks, 0, d->ntoks) != 0;
		at_ru_free(ru);
		if (bad)
			return AT_ENOMEM;
	}
	size_t n = d->ntoks ? d->ntoks : 1;
	d->cue = at_arena_alloc(d->a, n * sizeof(uint32_t));
	d->cue_start = at_arena_alloc(d->a, n * sizeof(uint32_t));
	d->cue_len = at_arena_alloc(d->a, n);
	d->trig = at_arena_alloc(d->a, n * sizeof(uint16_t));
	d->trig_form = at_arena_alloc(d->a, n);
	d->trig_len = at_arena_alloc(d->a, n);
	d->role = at_arena_alloc(d->a, n);
	d->actor_at = at_arena_alloc(d->a, n * sizeof(int16_t));
	d->claimed = at_arena_alloc(d->a, n);
	d->sents = at_arena_alloc(d->a, (nsents ? nsents : 1) * sizeof(sent_info));
	if (!d->cue || !d->cue_start || !d->cue_len || !d->trig || !d->trig_form ||
	    !d->trig_len || !d->role || !d->actor_at || !d->claimed || !d->sents)
		return AT_ENOMEM;
	d->nsents = nsents;
	for (size_t s = 0; s < nsents; s++) {
		sent_info *si = &d->sents[s];
		si->t0 = sents[s].t0;
		si->t1 = sents[s].t1;
		si->start = sents[s].start;
		si->end = sents[s].end;
		si->role = sents[s].role;
		si->para = sents[s].para;
		si->want_dates = s < 12; /* datelines, bylines: see infer_published() */
		if ((d->lang == AT_LANG_RU ? at_extract__mentions_ru(d, si) /* [ru] */
					   : at_extract__mentions(d, si)) != 0)
			return AT_ENOMEM;
		at_extract__find_aliases(d, si);
	}
	if (!(d->pub.y && d->pub.m && d->pub.d))
		infer_published(d);
	if (!d->pub.y)
		url_published(d);
	for (size_t s = 0; s < nsents; s++)
		if (d->sents[s].role == AT_ROLE_BODY)
			for (uint32_t k = d->sents[s].t0; k < d->sents[s].t1; k++)
				d->military_doc += (d->cue_start[k] & CU_MILITARY) != 0;
	d->home = home_state(d, 0);
	d->force_home = home_state(d, 1);
	d->home_lead = home_state(d, 2);
	for (int t = 0; t < 3; t++)
		d->memo.last[t] = -1;
	for (size_t s = 0; s < nsents; s++) {
		uint8_t role = d->sents[s].role;
		if (role != AT_ROLE_BODY && role != AT_ROLE_HEADLINE)
			continue;
		int rc = d->lang == AT_LANG_RU ? at_extract__frames_ru(d, out, (uint32_t)s) /* [ru] */
						: at_extract__frames(d, out, (uint32_t)s);
		if (rc)
			return rc;
	}
	return at_extract__finish(d, out);
}


/* Working memory kept between documents: up to this much of it. */
#define AT_WORKER_KEEP (16u * 1024u * 1024u)

struct at_worker {
	const at_ctx *ctx;
	at_arena work;
};

int at_worker_new(at_worker **out, const at_ctx *ctx)
{
	*out = NULL;
	at_worker *w = calloc(1, sizeof(*w));
	if (!w)
		return AT_ENOMEM;
	w->ctx = ctx;
	at_arena_init(&w->work, 0);
	*out = w;
	return 0;
}

void at_worker_free(at_worker *w)
{
	if (!w)
		return;
	at_arena_free(&w->work);
	free(w);
}

static int extract_with(at_arena *work, at_events **out, const at_ctx *ctx, const at_doc *doc);

int at_worker_extract(at_worker *w, const at_doc *doc, at_events **out)
{
	int rc = extract_with(&w->work, out, w->ctx, doc);
	at_arena_reset(&w->work, AT_WORKER_KEEP);
	return rc;
}

int at_extract_doc(at_events **out, const at_ctx *ctx, const at_doc *doc)
{
	at_arena work;
	at_arena_init(&work, 0);
	int rc = extract_with(&work, out, ctx, doc);
	at_arena_free(&work);
	return rc;
}

static int extract_with(at_arena *work, at_events **out, const at_ctx *ctx, const at_doc *doc)
{
	*out = NULL;
	if (!ctx || !doc)
		return AT_EINVAL;
	at_events *ev = calloc(1, sizeof(*ev));
	if (!ev)
		return AT_ENOMEM;
	at_arena_init(&ev->mem, 0);
	ev->ctx = ctx;
	ev->doc_id = strdup(doc->id ? doc->id : "");
	if (!ev->doc_id) {
		free(ev);
		return AT_ENOMEM;
	}
	memcpy(ev->reported, doc->published, sizeof(ev->reported));
	docx d;
	memset(&d, 0, sizeof(d));
	d.ctx = ctx;
	d.doc = doc;
	d.a = work;
	d.s = doc->bytes;
	at_date_parse(&d.pub, doc->published);
	/* A document with no trigger word, or no word of military context,
	 * yields no event: skip the analysis (lexicon.c shows why the screen
	 * never skips one that could). A document
	 * that may have more tokens than the cap is analysed, so that the cap's
	 * error stays the same. */
	if (doc->len <= AT_MAX_DOC_TOKENS && doc->body_off <= doc->len &&
	    !lx_may_yield(ctx, doc->bytes, doc->body_off, doc->len)) {
		*out = ev;
		return 0;
	}
	/* [ru] the language picks the lexicon rows and frame rules */
	d.lang = ev->lang = at_langid(doc->bytes, doc->body_off, doc->len);
	/* strings are copied into the events' arena by finish(): the work arena
	 * may be reset by the caller afterwards */
	int rc = analyse(&d, ev);
	if (rc) {
		at_events_free(ev);
		return rc;
	}
	*out = ev;
	return 0;
}
