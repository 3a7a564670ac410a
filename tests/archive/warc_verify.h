/* SPDX-License-Identifier: MIT */
/*
 * warc_verify.h — an independent check of a .warc.gz file, as warcio's
 * `check` does it: every gzip member holds exactly one WARC/1.1 record
 * (header, Content-Length bytes of block, CRLF CRLF, then the member ends),
 * and every WARC-Block-Digest and WARC-Payload-Digest is recomputed (SHA-1
 * by nettle, base32 written here, not the writer's) and compared. The first
 * record must be a warcinfo naming the file. Used by tests/archive/writer.c
 * and, through tests/archive/verify.c, by the watch e2e test.
 */
#ifndef AT_TEST_WARC_VERIFY_H
#define AT_TEST_WARC_VERIFY_H

#include <nettle/sha1.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

typedef struct wv_result {
	long records, digests; /* records read, digests compared */
	long responses, requests;
	uint64_t offs[4096]; /* member offsets of the records (first 4096) */
	char msg[512];       /* the first problem, or "" */
} wv_result;

static void wv_b32(const unsigned char *d, char *out)
{
	static const char A[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	unsigned bits = 0, nbits = 0;
	size_t o = 0;
	for (int i = 0; i < 20; i++) {
		bits = (bits << 8) | d[i];
		nbits += 8;
		while (nbits >= 5) {
			out[o++] = A[(bits >> (nbits - 5)) & 31];
			nbits -= 5;
		}
	}
	out[o] = 0;
}

static int wv_digest_ok(const char *want, const unsigned char *p, size_t n)
{
	struct sha1_ctx c;
	unsigned char d[20];
	char b32[40];
	sha1_init(&c);
	sha1_update(&c, n, p);
	sha1_digest(&c, 20, d);
	wv_b32(d, b32);
	return strncasecmp(want, "sha1:", 5) == 0 && strcmp(want + 5, b32) == 0;
}

/* The value of header `name` in the record header hdr (NUL-terminated), into out. */
static int wv_field(const char *hdr, const char *name, char *out, size_t n)
{
	size_t k = strlen(name);
	for (const char *l = hdr; l && *l;
	     l = strstr(l, "\r\n") ? strstr(l, "\r\n") + 2 : NULL) {
		if (strncasecmp(l, name, k) == 0 && l[k] == ':') {
			const char *v = l + k + 1;
			while (*v == ' ')
				v++;
			size_t m = strcspn(v, "\r\n");
			if (m >= n)
				m = n - 1;
			memcpy(out, v, m);
			out[m] = 0;
			return 1;
		}
	}
	return 0;
}

/* One record (the whole member's bytes). 0 ok, -1 with r->msg. */
static int wv_record(wv_result *r, const char *path, uint64_t off, const unsigned char *p,
		     size_t n)
{
	const char *end = NULL;
	for (size_t i = 0; i + 4 <= n; i++)
		if (!memcmp(p + i, "\r\n\r\n", 4)) {
			end = (const char *)p + i;
			break;
		}
	if (n < 10 || memcmp(p, "WARC/1.1\r\n", 10) || !end) {
		snprintf(r->msg, sizeof(r->msg), "%s@%llu: not a WARC/1.1 record header", path,
			 (unsigned long long)off);
		return -1;
	}
	size_t hlen = (size_t)(end - (const char *)p) + 2;
	char *hdr = malloc(hlen + 1);
	memcpy(hdr, p, hlen);
	hdr[hlen] = 0;
	char len[32] = "", type[32] = "", bd[64] = "", pd[64] = "", ct[128] = "", fn[256] = "";
	wv_field(hdr, "Content-Length", len, sizeof(len));
	wv_field(hdr, "WARC-Type", type, sizeof(type));
	wv_field(hdr, "WARC-Block-Digest", bd, sizeof(bd));
	wv_field(hdr, "WARC-Payload-Digest", pd, sizeof(pd));
	wv_field(hdr, "Content-Type", ct, sizeof(ct));
	wv_field(hdr, "WARC-Filename", fn, sizeof(fn));
	char scratch[128];
	int has_date = wv_field(hdr, "WARC-Date", scratch, sizeof(scratch));
	int has_id = wv_field(hdr, "WARC-Record-ID", scratch, sizeof(scratch));
	free(hdr);
	char *e;
	unsigned long long cl = strtoull(len, &e, 10);
	size_t block = hlen + 2;
	int bad = !len[0] || *e || block + cl + 4 != n || memcmp(p + block + cl, "\r\n\r\n", 4);
	if (bad || !has_date || !has_id || !bd[0]) {
		snprintf(
			r->msg, sizeof(r->msg),
			"%s@%llu: record layout wrong (Content-Length %s, member of %zu bytes, "
			"date %d, id %d, block digest %d)",
			path, (unsigned long long)off, len, n, has_date, has_id, bd[0] != 0);
		return -1;
	}
	if (r->records == 0) {
		const char *base = strrchr(path, '/');
		base = base ? base + 1 : path;
		if (strcmp(type, "warcinfo") || strcmp(fn, base)) {
			snprintf(r->msg, sizeof(r->msg),
				 "%s: the first record is %s (WARC-Filename \"%s\"), not its "
				 "warcinfo",
				 path, type, fn);
			return -1;
		}
	}
	const unsigned char *b = p + block;
	if (!wv_digest_ok(bd, b, (size_t)cl)) {
		snprintf(r->msg, sizeof(r->msg), "%s@%llu: WARC-Block-Digest %s does not match",
			 path, (unsigned long long)off, bd);
		return -1;
	}
	r->digests++;
	if (pd[0]) {
		size_t po = 0;
		if (strstr(ct, "application/http")) {
			for (po = 0; po + 4 <= cl && memcmp(b + po, "\r\n\r\n", 4); po++)
				;
			po += 4;
		}
		if (po > cl || !wv_digest_ok(pd, b + po, (size_t)cl - po)) {
			snprintf(r->msg, sizeof(r->msg),
				 "%s@%llu: WARC-Payload-Digest %s does not match", path,
				 (unsigned long long)off, pd);
			return -1;
		}
		r->digests++;
	}
	r->responses += !strcmp(type, "response");
	r->requests += !strcmp(type, "request");
	if (r->records < 4096)
		r->offs[r->records] = off;
	r->records++;
	return 0;
}

/* Check one file. 0 ok, -1 with r->msg (r is zeroed first). */
static int wv_check(const char *path, wv_result *r)
{
	memset(r, 0, sizeof(*r));
	FILE *f = fopen(path, "rb");
	if (!f) {
		snprintf(r->msg, sizeof(r->msg), "%s: cannot open", path);
		return -1;
	}
	fseek(f, 0, SEEK_END);
	long sz = ftell(f);
	fseek(f, 0, SEEK_SET);
	unsigned char *in = malloc((size_t)sz + 1);
	size_t got = fread(in, 1, (size_t)sz, f);
	fclose(f);
	size_t pos = 0;
	int rc = 0;
	while (rc == 0 && pos < got) {
		z_stream z;
		memset(&z, 0, sizeof(z));
		inflateInit2(&z, 15 + 16);
		size_t cap = 1 << 16, n = 0;
		unsigned char *out = malloc(cap);
		z.next_in = in + pos;
		z.avail_in = (uInt)(got - pos);
		int zr = Z_OK;
		while (zr == Z_OK) {
			if (n == cap)
				out = realloc(out, cap *= 2);
			z.next_out = out + n;
			z.avail_out = (uInt)(cap - n);
			zr = inflate(&z, Z_NO_FLUSH);
			n = cap - z.avail_out;
			if (zr == Z_BUF_ERROR && z.avail_out != 0)
				break;
			if (zr == Z_BUF_ERROR)
				zr = Z_OK;
		}
		size_t used = (got - pos) - z.avail_in;
		inflateEnd(&z);
		if (zr != Z_STREAM_END) {
			snprintf(r->msg, sizeof(r->msg), "%s@%zu: not a whole gzip member",
				 path, pos);
			rc = -1;
		} else {
			rc = wv_record(r, path, pos, out, n);
		}
		free(out);
		pos += used;
	}
	free(in);
	if (rc == 0 && r->records == 0) {
		snprintf(r->msg, sizeof(r->msg), "%s: no records", path);
		rc = -1;
	}
	return rc;
}

#endif
