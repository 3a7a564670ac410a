/* SPDX-License-Identifier: MIT */
/*
 * output.c — events as JSON lines (SCHEMA.md, plus "why") and as a table for
 * people. Exports at_events_jsonl and at_events_table.
 */
#include <stdio.h>
#include <string.h>

#include "../extract/extract.h"
#include "../text/lang.h"
#include "../util/buf.h"

static const char *const TYPES[] = {"aid", "exercise", "deployment"};
static const char *const STATUS[] = {"committed", "intent", "committed", "underway",
				     "completed"};
static const char *const KINDS[] = {"equipment", "funding", "training", "construction",
				    "general"};

static void str_or_null(at_buf *b, const char *s)
{
	if (s)
		at_buf_json_str(b, s, strlen(s));
	else
		at_buf_adds(b, "null");
}

static void actor(at_buf *b, const at_ctx *ctx, uint32_t key)
{
	if (key == LX_NONE) {
		at_buf_adds(b, "null");
		return;
	}
	const lx_key *k = &ctx->keys[key];
	at_buf_adds(b, "{\"name\":");
	str_or_null(b, k->display);
	at_buf_adds(b, ",\"code\":");
	str_or_null(b, k->code);
	at_buf_addc(b, '}');
}

static void num(at_buf *b, double v)
{
	if (v < 9e15 && v > -9e15 && v == (double)(long long)v)
		at_buf_printf(b, "%lld", (long long)v);
	else
		at_buf_printf(b, "%.6g", v);
}

static void date(at_buf *b, const at_date *d)
{
	char s[11];
	at_date_format(d, s);
	at_buf_json_str(b, s, strlen(s));
}

static void one(at_buf *b, const at_events *evs, const at_event_rec *ev)
{
	const at_ctx *ctx = evs->ctx;
	at_buf_printf(b, "{\"id\":\"e-%016llx\",\"type\":\"%s\",\"kinds\":[",
		      (unsigned long long)ev->id, TYPES[ev->type]);
	int first = 1;
	if (ev->type == EV_AID)
		for (int k = 0; k < 5; k++)
			if (ev->kinds & (1 << k)) {
				at_buf_printf(b, "%s\"%s\"", first ? "" : ",", KINDS[k]);
				first = 0;
			}
	at_buf_printf(b, "],\"status\":\"%s\",\"provider\":", STATUS[ev->status]);
	actor(b, ctx, ev->provider);
	at_buf_adds(b, ",\"recipient\":");
	actor(b, ctx, ev->recipient);
	at_buf_adds(b, ",\"participants\":[");
	for (int i = 0; i < ev->npart; i++) {
		if (i)
			at_buf_addc(b, ',');
		actor(b, ctx, ev->part[i]);
	}
	at_buf_adds(b, "],\"actor\":");
	actor(b, ctx, ev->actor);
	at_buf_adds(b, ",\"items\":[");
	for (int i = 0; i < ev->nitems; i++) {
		const at_item_rec *it = &ev->items[i];
		at_buf_printf(b, "%s{\"category\":\"%s\",\"quantity\":", i ? "," : "",
			      AT_ITEM_CATS[it->cat]);
		if (it->qty >= 0)
			at_buf_printf(b, "%lld", (long long)it->qty);
		else
			at_buf_adds(b, "null");
		at_buf_adds(b, ",\"text\":");
		str_or_null(b, it->text);
		at_buf_addc(b, '}');
	}
	at_buf_adds(b, "],\"value\":");
	if (ev->has_value) {
		at_buf_adds(b, "{\"amount\":");
		num(b, ev->amount);
		at_buf_printf(b, ",\"currency\":\"%s\",\"text\":", ev->cur);
		str_or_null(b, ev->val_text);
		at_buf_adds(b, ",\"usd\":");
		if (ev->usd >= 0)
			num(b, ev->usd);
		else
			at_buf_adds(b, "null");
		at_buf_adds(b, ",\"usd_basis\":");
		str_or_null(b, ev->usd >= 0 ? AT_BASIS_NAMES[ev->usd_basis] : NULL);
		if (ev->cur_of_provider)
			at_buf_printf(b, ",\"currency_note\":\"'$' read as the provider's "
					 "currency, %s\"", ev->cur);
		if (ev->usd_basis > AT_BASIS_TEXT) {
			char ds[11];
			at_date_format(&ev->usd_date, ds);
			at_buf_printf(b, ",\"usd_rate_date\":\"%s\"", ds);
			if (ev->usd_basis == AT_BASIS_NEAREST)
				at_buf_adds(b, ",\"usd_note\":\"no rate for the date; the nearest "
					       "year's average\"");
		}
		at_buf_addc(b, '}');
	} else {
		at_buf_adds(b, "null");
	}
	at_buf_adds(b, ",\"personnel\":");
	if (ev->personnel >= 0)
		at_buf_printf(b, "%lld", (long long)ev->personnel);
	else
		at_buf_adds(b, "null");
	at_buf_adds(b, ",\"when\":");
	if (ev->has_when == 1) {
		at_buf_adds(b, "{\"start\":");
		date(b, &ev->w0);
		at_buf_adds(b, ",\"end\":");
		date(b, &ev->w1);
		at_buf_adds(b, ",\"text\":");
		str_or_null(b, ev->when_text);
		at_buf_addc(b, '}');
	} else {
		at_buf_adds(b, "null");
	}
	at_buf_adds(b, ",\"place\":");
	if (ev->has_place) {
		at_buf_adds(b, "{\"name\":");
		str_or_null(b, ev->place_text);
		at_buf_adds(b, ",\"country\":");
		const at_place_fix *f = ev->has_fix ? &ev->place_fix : NULL;
		/* a named city or base is in the gazetteer's state ("Ream Naval
		 * Base on the Gulf of Thailand" is in Cambodia) */
		int named = f && f->country[0] &&
			    (f->kind == PK_CAPITAL || f->kind == PK_CITY || f->kind == PK_BASE);
		if (!named && ev->place_country != LX_NONE)
			str_or_null(b, ctx->keys[ev->place_country].code);
		else
			str_or_null(b, f && f->country[0] ? f->country : NULL);
		if (f) {
			/* where a map puts it: the gazetteer's point, its kind and name */
			at_buf_printf(b, ",\"lat\":%.4g,\"lon\":%.5g,\"kind\":\"%s\",\"gazetteer\":",
				      f->lat, f->lon, AT_PLACE_KINDS[f->kind]);
			str_or_null(b, f->name);
			if (f->kind == PK_BORDER)
				at_buf_printf(b, ",\"countries\":[\"%s\",\"%s\"]", f->country,
					      f->country2);
		}
		at_buf_addc(b, '}');
	} else {
		at_buf_adds(b, "null");
	}
	at_buf_adds(b, ",\"reported\":");
	str_or_null(b, evs->reported[0] ? evs->reported : NULL);
	/* the document's language, "en" or "ru" */
	at_buf_printf(b, ",\"lang\":\"%s\"", at_lang_code(evs->lang));
	at_buf_adds(b, ",\"sources\":[");
	for (int s = 0; s < ev->nsrc; s++) {
		at_buf_adds(b, s ? ",{\"doc\":" : "{\"doc\":");
		str_or_null(b, evs->doc_id);
		at_buf_printf(b, ",\"start\":%u,\"end\":%u,\"sentence\":", ev->src[s].start,
			      ev->src[s].end);
		str_or_null(b, ev->src[s].sentence);
		at_buf_addc(b, '}');
	}
	at_buf_adds(b, "],\"conflicts\":[");
	for (int c = 0; c < ev->nconf; c++) {
		at_buf_printf(b, "%s{\"field\":\"%s\",\"values\":[", c ? "," : "",
			      ev->conf[c].field);
		str_or_null(b, ev->conf[c].a);
		at_buf_addc(b, ',');
		str_or_null(b, ev->conf[c].b);
		at_buf_adds(b, "],\"docs\":[");
		str_or_null(b, evs->doc_id);
		at_buf_adds(b, "]}");
	}
	at_buf_printf(b, "],\"confidence\":%.2f,\"why\":", ev->confidence);
	str_or_null(b, ev->why);
	at_buf_adds(b, "}\n");
}

char *at_events_jsonl(const at_events *ev, size_t *len)
{
	at_buf b;
	at_buf_init(&b, 0);
	for (size_t i = 0; ev && i < ev->n; i++)
		one(&b, ev, &ev->ev[i]);
	if (b.err) {
		at_buf_free(&b);
		return NULL;
	}
	return at_buf_take(&b, len);
}

char *at_events_table(const at_events *evs, int width, int with_header, size_t *len)
{
	at_buf b;
	at_buf_init(&b, 0);
	if (width < 80)
		width = 80;
	int wdoc = 14, wtype = 10, wstat = 9, wwho = 16, wwhen = 21;
	int rest = width - (wdoc + wtype + wstat + wwho + wwhen + 6);
	int wwhat = rest > 10 ? rest : 10;
	if (with_header) {
		at_buf_cell(&b, "DOC", wdoc);
		at_buf_cell(&b, "TYPE", wtype);
		at_buf_cell(&b, "STATUS", wstat);
		at_buf_cell(&b, "WHO", wwho);
		at_buf_cell(&b, "WHEN", wwhen);
		at_buf_cell(&b, "WHAT", wwhat);
		at_buf_addc(&b, '\n');
	}
	for (size_t i = 0; evs && i < evs->n; i++) {
		const at_event_rec *ev = &evs->ev[i];
		const at_ctx *ctx = evs->ctx;
		char who[128] = "", when[32] = "", what[512] = "";
		if (ev->type == EV_AID)
			snprintf(who, sizeof(who), "%s>%s",
				 ev->provider != LX_NONE ? ctx->keys[ev->provider].code : "?",
				 ev->recipient != LX_NONE ? ctx->keys[ev->recipient].code : "?");
		else if (ev->type == EV_DEPLOYMENT)
			snprintf(who, sizeof(who), "%s",
				 ev->actor != LX_NONE ? ctx->keys[ev->actor].code : "?");
		else
			for (int p = 0; p < ev->npart; p++) {
				size_t l = strlen(who);
				snprintf(who + l, sizeof(who) - l, "%s%s", p ? "+" : "",
					 ctx->keys[ev->part[p]].code);
			}
		if (ev->has_when == 1) {
			char a[11], z[11];
			at_date_format(&ev->w0, a);
			at_date_format(&ev->w1, z);
			if (strcmp(a, z) == 0)
				snprintf(when, sizeof(when), "%s", a);
			else
				snprintf(when, sizeof(when), "%s..%s", a, z);
		}
		size_t l = 0;
		if (ev->has_value)
			l += (size_t)snprintf(what + l, sizeof(what) - l, "%s; ",
					       ev->val_text ? ev->val_text : "");
		if (ev->personnel >= 0 && l < sizeof(what))
			l += (size_t)snprintf(what + l, sizeof(what) - l, "%lld people; ",
					       (long long)ev->personnel);
		for (int k = 0; k < ev->nitems && l < sizeof(what); k++)
			l += (size_t)snprintf(what + l, sizeof(what) - l, "%s%s",
					       ev->items[k].text ? ev->items[k].text : "",
					       k + 1 < ev->nitems ? ", " : "");
		if (!ev->nitems && ev->nsrc && l < sizeof(what) && ev->src[0].sentence)
			snprintf(what + l, sizeof(what) - l, "%s", ev->src[0].sentence);
		at_buf_cell(&b, evs->doc_id, wdoc);
		at_buf_cell(&b, TYPES[ev->type], wtype);
		at_buf_cell(&b, STATUS[ev->status], wstat);
		at_buf_cell(&b, who, wwho);
		at_buf_cell(&b, when, wwhen);
		at_buf_cell(&b, what, wwhat);
		/* trim the padding at the end of the line */
		while (b.len && b.data[b.len - 1] == ' ')
			b.len--;
		at_buf_addc(&b, '\n');
	}
	if (b.err) {
		at_buf_free(&b);
		return NULL;
	}
	return at_buf_take(&b, len);
}
