/* SPDX-License-Identifier: MIT */
/*
 * warc.c — web archives: WARC (ISO 28500, versions 0.x and 1.x) and ARC v1/v2,
 * plain or gzip-compressed (one member per record, or one stream), read record
 * by record in bounded memory.
 *
 *   file ──fread──▶ [gzip: inflate, reset at each member end] ──▶ window
 *        ──▶ record header (WARC named fields / ARC URL line) ──▶ block
 *        ──▶ HTTP status and headers (response records) ──▶ de-chunk,
 *            Content-Encoding gzip/deflate ──▶ payload ──▶ at_doc
 *
 * Only response, resource and conversion records whose payload is text or
 * HTML become documents; other record types (warcinfo, request, metadata,
 * revisit), non-2xx HTTP answers and other media types are skipped silently.
 * A broken record (a bad header, a Content-Length that is not a number, a
 * block cut short, corrupt gzip data) yields a diagnostic with the byte
 * offset of its record — in the compressed file for .gz, the offset of the
 * gzip member the record starts in, as WARC indexes (CDX) give it — and the
 * reader resynchronises on the next "WARC/" line (ARC: the next URL line) or
 * gzip member. Memory: a 256 KB window, one record's payload (capped at
 * AT_MAX_DOC_BYTES; the rest is skipped), a 64 KB header.
 *
 * Event offsets of an archived document are byte offsets into its payload
 * after HTTP decoding (de-chunked, decompressed), the page as a browser got
 * it; doc->record_off locates the record in the archive.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#include "aidtrace.h"
#include "ingest_int.h"
#include "../util/date.h"

#define WIN_SIZE (256u * 1024u) /* the decompressed window */
#define IN_SIZE (64u * 1024u)   /* compressed input chunk */
#define MAX_HEADER (64u * 1024u)
#define MAX_LINE (16u * 1024u)
#define MAX_MEMBERS 256 /* member starts remembered inside the window */

typedef struct member {
	uint64_t u; /* uncompressed offset where the member starts */
	uint64_t c; /* its compressed offset */
} member;

struct at_warc {
	FILE *f;
	char *path;
	int gz, arc;
	z_stream z;
	int zinit;
	unsigned char *in;
	uint64_t file_read;   /* bytes read from the file */
	int file_eof;
	int stream_end;       /* no more decompressed data will come */
	unsigned char *win;   /* decompressed bytes [wpos, wlen) not yet read */
	size_t wpos, wlen;
	uint64_t wbase;       /* uncompressed offset of win[0] */
	member mem[MAX_MEMBERS];
	size_t nmem;
	at_diag pending;      /* a stream diagnostic to hand out first */
	int has_pending;
	unsigned nerr;        /* stream errors so far: a record read across one stops */
	int quiet;            /* after a bad header: its block is not reported as junk */
	int in_member;        /* inflate is inside a gzip member */
	unsigned char *block; /* the current record's kept block */
	size_t block_len, block_cap;
};

/* ---- the byte stream ---------------------------------------------------- */

static void stream_diag(at_warc *w, uint64_t byte, const char *msg)
{
	w->nerr++;
	if (w->has_pending)
		return; /* the first one of a run is the useful one */
	memset(&w->pending, 0, sizeof(w->pending));
	snprintf(w->pending.file, sizeof(w->pending.file), "%s", w->path);
	w->pending.byte = byte;
	snprintf(w->pending.msg, sizeof(w->pending.msg), "%s", msg);
	w->has_pending = 1;
}

static uint64_t upos(const at_warc *w);

static void add_member(at_warc *w, uint64_t u, uint64_t c)
{
	/* members wholly behind the read point are not needed any more */
	size_t drop = 0;
	while (drop + 1 < w->nmem && w->mem[drop + 1].u <= upos(w))
		drop++;
	if (drop == 0 && w->nmem == MAX_MEMBERS)
		drop = 1;
	if (drop) {
		memmove(w->mem, w->mem + drop, (w->nmem - drop) * sizeof(member));
		w->nmem -= drop;
	}
	w->mem[w->nmem].u = u;
	w->mem[w->nmem].c = c;
	w->nmem++;
}

/* The archive offset of uncompressed offset u: the start of its member. */
static uint64_t archive_off(const at_warc *w, uint64_t u)
{
	if (!w->gz)
		return u;
	uint64_t c = 0;
	for (size_t i = 0; i < w->nmem && w->mem[i].u <= u; i++)
		c = w->mem[i].c;
	return c;
}

/* The read position, uncompressed. */
static uint64_t upos(const at_warc *w) { return w->wbase + w->wpos; }

/* Skip compressed input to the next gzip magic (1f 8b 08): 1 found, 0 at end. */
static int gz_resync(at_warc *w)
{
	for (;;) {
		while (w->z.avail_in >= 3) {
			const unsigned char *p = w->z.next_in;
			const unsigned char *q = memchr(p + 1, 0x1f, w->z.avail_in - 1);
			if (!q) {
				w->z.next_in += w->z.avail_in - 1;
				w->z.avail_in = 1;
				break;
			}
			w->z.avail_in -= (uInt)(q - p);
			w->z.next_in = (unsigned char *)q;
			if (w->z.avail_in >= 3 && q[1] == 0x8b && q[2] == 0x08)
				return 1;
			if (w->z.avail_in < 3)
				break;
		}
		if (w->file_eof)
			return 0;
		/* keep the tail (up to 2 bytes) and read more */
		size_t keep = w->z.avail_in;
		memmove(w->in, w->z.next_in, keep);
		size_t got = fread(w->in + keep, 1, IN_SIZE - keep, w->f);
		w->file_read += got;
		if (got == 0)
			w->file_eof = 1;
		w->z.next_in = w->in;
		w->z.avail_in = (uInt)(keep + got);
		if (got == 0 && keep < 3)
			return 0;
	}
}

/* Make room in the window and add decompressed bytes: >0 added, 0 at end. */
static size_t fill(at_warc *w)
{
	if (w->wpos > 0 && (w->wpos >= WIN_SIZE / 2 || w->wlen == WIN_SIZE)) {
		memmove(w->win, w->win + w->wpos, w->wlen - w->wpos);
		w->wbase += w->wpos;
		w->wlen -= w->wpos;
		w->wpos = 0;
	}
	if (w->stream_end || w->wlen == WIN_SIZE)
		return 0;
	if (!w->gz) {
		size_t got = fread(w->win + w->wlen, 1, WIN_SIZE - w->wlen, w->f);
		w->file_read += got;
		w->wlen += got;
		if (got == 0)
			w->stream_end = 1;
		return got;
	}
	size_t before = w->wlen;
	while (w->wlen == before) {
		if (w->z.avail_in == 0) {
			size_t got = w->file_eof ? 0 : fread(w->in, 1, IN_SIZE, w->f);
			w->file_read += got;
			w->z.next_in = w->in;
			w->z.avail_in = (uInt)got;
			if (got == 0) {
				w->file_eof = 1;
				w->stream_end = 1;
				if (w->in_member)
					stream_diag(w, archive_off(w, w->wbase + w->wlen),
						    "gzip data ends inside a member (the file is "
						    "truncated)");
				break;
			}
		}
		w->z.next_out = w->win + w->wlen;
		w->z.avail_out = (uInt)(WIN_SIZE - w->wlen);
		int rc = inflate(&w->z, Z_NO_FLUSH);
		w->wlen = WIN_SIZE - w->z.avail_out;
		if (rc == Z_OK || (rc == Z_BUF_ERROR && w->z.avail_in == 0)) {
			w->in_member = 1; /* more input wanted: read on */
			continue;
		}
		if (rc == Z_STREAM_END) {
			/* a member ends; another may follow, or junk */
			w->in_member = 0;
			inflateReset(&w->z);
			if (w->z.avail_in == 0 && !w->file_eof) {
				size_t got = fread(w->in, 1, IN_SIZE, w->f);
				w->file_read += got;
				w->z.next_in = w->in;
				w->z.avail_in = (uInt)got;
				if (got == 0)
					w->file_eof = 1;
			}
			if (w->z.avail_in == 0) {
				w->stream_end = 1;
				break;
			}
			uint64_t cpos = w->file_read - w->z.avail_in;
			if (w->z.next_in[0] != 0x1f || (w->z.avail_in > 1 && w->z.next_in[1] != 0x8b)) {
				stream_diag(w, cpos, "bytes after a gzip member are not gzip data; "
						     "skipped to the next member");
				if (!gz_resync(w)) {
					w->stream_end = 1;
					break;
				}
				cpos = w->file_read - w->z.avail_in;
			}
			add_member(w, w->wbase + w->wlen, cpos);
			continue;
		}
		/* corrupt data: report the member, look for the next one */
		uint64_t start = archive_off(w, w->wbase + w->wlen);
		char msg[200];
		snprintf(msg, sizeof(msg),
			 "corrupt gzip data in the member at byte %llu (%s); skipped to the "
			 "next member",
			 (unsigned long long)start, w->z.msg ? w->z.msg : "inflate failed");
		stream_diag(w, start, msg);
		inflateReset(&w->z);
		w->in_member = 0;
		if (w->z.avail_in > 0) { /* step past the bad data's first byte */
			w->z.next_in++;
			w->z.avail_in--;
		}
		if (!gz_resync(w)) {
			w->stream_end = 1;
			break;
		}
		/* what was decompressed of the bad member is given up: the record
		 * parser resynchronises on the next record header */
		add_member(w, w->wbase + w->wlen, w->file_read - w->z.avail_in);
	}
	return w->wlen - before;
}

/* At least n bytes in the window (fewer at the end of the stream). */
static size_t ensure(at_warc *w, size_t n)
{
	while (w->wlen - w->wpos < n && fill(w) > 0)
		;
	return w->wlen - w->wpos;
}

/*
 * The next line (without CR LF) as a pointer into the window, valid until
 * the next read; *len its length. NULL at the end of the stream. A line
 * longer than MAX_LINE is cut (its rest is consumed).
 */
static const char *next_line(at_warc *w, size_t *len)
{
	for (;;) {
		size_t avail = w->wlen - w->wpos;
		const char *p = (const char *)w->win + w->wpos;
		const char *nl = memchr(p, '\n', avail < MAX_LINE ? avail : MAX_LINE);
		if (nl || avail >= MAX_LINE || (fill(w) == 0 && w->wlen - w->wpos == avail)) {
			p = (const char *)w->win + w->wpos;
			avail = w->wlen - w->wpos;
			if (!avail)
				return NULL;
			nl = memchr(p, '\n', avail < MAX_LINE ? avail : MAX_LINE);
			size_t n = nl ? (size_t)(nl - p) : (avail < MAX_LINE ? avail : MAX_LINE);
			w->wpos += n + (nl ? 1 : 0);
			if (n && p[n - 1] == '\r')
				n--;
			*len = n;
			return p;
		}
	}
}

/* Consume n bytes, keeping the first `keep` in w->block. Returns bytes consumed. */
static uint64_t take_block(at_warc *w, uint64_t n, size_t keep)
{
	w->block_len = 0;
	if (keep > n)
		keep = (size_t)n;
	if (keep + 1 > w->block_cap) { /* grows to the largest record kept */
		unsigned char *p = realloc(w->block, keep + 1);
		if (!p)
			keep = 0; /* read as cut short: the record is skipped */
		else {
			w->block = p;
			w->block_cap = keep + 1;
		}
	}
	uint64_t done = 0;
	unsigned nerr = w->nerr;
	while (done < n && w->nerr == nerr) { /* a corrupt member ends the block */
		size_t avail = w->wlen - w->wpos;
		if (!avail && ensure(w, 1) == 0)
			break;
		avail = w->wlen - w->wpos;
		size_t step = (uint64_t)avail < n - done ? avail : (size_t)(n - done);
		if (w->block_len < keep) {
			size_t c = keep - w->block_len < step ? keep - w->block_len : step;
			memcpy(w->block + w->block_len, w->win + w->wpos, c);
			w->block_len += c;
		}
		w->wpos += step;
		done += step;
	}
	return done;
}


/* Case-insensitive strstr (strcasestr is a GNU extension). */
static const char *ci_find(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return hay;
	return NULL;
}

/* ---- opening -------------------------------------------------------------- */

static int has_suffix_ci(const char *s, const char *suf)
{
	size_t n = strlen(s), m = strlen(suf);
	return n >= m && strcasecmp(s + n - m, suf) == 0;
}

int at__warc_name(const char *path)
{
	static const char *const EXT[] = {".warc", ".warc.gz", ".arc", ".arc.gz", NULL};
	for (int i = 0; EXT[i]; i++)
		if (has_suffix_ci(path, EXT[i]))
			return 1;
	return 0;
}

/* The first bytes of a file: 1 when they start a (gzip'd) WARC or ARC file. */
int at__warc_sniff(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return 0;
	unsigned char head[4096], out[64];
	size_t n = fread(head, 1, sizeof(head), f);
	fclose(f);
	const unsigned char *p = head;
	size_t m = n;
	if (n >= 3 && head[0] == 0x1f && head[1] == 0x8b && head[2] == 0x08) {
		z_stream z;
		memset(&z, 0, sizeof(z));
		if (inflateInit2(&z, 15 + 16) != Z_OK)
			return 0;
		z.next_in = head;
		z.avail_in = (uInt)n;
		z.next_out = out;
		z.avail_out = sizeof(out);
		inflate(&z, Z_SYNC_FLUSH);
		m = sizeof(out) - z.avail_out;
		inflateEnd(&z);
		p = out;
	}
	return (m >= 6 && memcmp(p, "WARC/", 5) == 0) ||
	       (m >= 11 && memcmp(p, "filedesc://", 11) == 0);
}

int at__warc_open(at_warc **out, const char *path, at_diag *diag)
{
	return at__warc_open_at(out, path, 0, diag);
}

int at__warc_open_at(at_warc **out, const char *path, uint64_t off, at_diag *diag)
{
	*out = NULL;
	at_warc *w = calloc(1, sizeof(*w));
	if (!w)
		return AT_ENOMEM;
	w->path = at__strdup(path);
	w->win = malloc(WIN_SIZE);
	w->in = malloc(IN_SIZE);
	if (!w->path || !w->win || !w->in) {
		at__warc_free(w);
		return AT_ENOMEM;
	}
	w->f = fopen(path, "rb");
	if (!w->f) {
		memset(diag, 0, sizeof(*diag));
		snprintf(diag->file, sizeof(diag->file), "%s", path);
		snprintf(diag->msg, sizeof(diag->msg), "cannot open: %s", strerror(errno));
		at__warc_free(w);
		return AT_EIO;
	}
	if (off && fseeko(w->f, (off_t)off, SEEK_SET) != 0) {
		memset(diag, 0, sizeof(*diag));
		snprintf(diag->file, sizeof(diag->file), "%s", path);
		diag->byte = off;
		snprintf(diag->msg, sizeof(diag->msg), "cannot seek: %s", strerror(errno));
		at__warc_free(w);
		return AT_EIO;
	}
	unsigned char magic[2] = {0, 0};
	size_t got = fread(magic, 1, 2, w->f);
	fseeko(w->f, (off_t)off, SEEK_SET);
	w->file_read = off;
	w->gz = got == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
	if (w->gz) {
		if (inflateInit2(&w->z, 15 + 16) != Z_OK) {
			at__warc_free(w);
			return AT_ENOMEM;
		}
		w->zinit = 1;
		add_member(w, 0, off);
	} else {
		w->wbase = off; /* offsets stay those of the file */
	}
	/* ARC or WARC: the first line says */
	ensure(w, 16);
	w->arc = w->wlen - w->wpos >= 11 && memcmp(w->win + w->wpos, "filedesc://", 11) == 0;
	*out = w;
	return 0;
}

void at__warc_free(at_warc *w)
{
	if (!w)
		return;
	if (w->f)
		fclose(w->f);
	if (w->zinit)
		inflateEnd(&w->z);
	free(w->path);
	free(w->win);
	free(w->in);
	free(w->block);
	free(w);
}

uint64_t at__warc_bytes(const at_warc *w) { return w ? w->file_read : 0; }

/* ---- records ------------------------------------------------------------- */

typedef struct rec {
	char type[32];
	char uri[2048];
	char id[256];
	char date[32];    /* ISO 8601 or ARC's 14 digits */
	char ctype[256];  /* the block's Content-Type */
	char ptype[256];  /* WARC-Identified-Payload-Type */
	uint64_t length;
	int has_length;
	uint64_t off;     /* archive offset of the record */
} rec;

static void copy_value(char *dst, size_t n, const char *v, size_t len)
{
	while (len && (*v == ' ' || *v == '\t')) {
		v++;
		len--;
	}
	while (len && (v[len - 1] == ' ' || v[len - 1] == '\t'))
		len--;
	if (len >= n)
		len = n - 1;
	memcpy(dst, v, len);
	dst[len] = '\0';
}

/* Parse a decimal length: 1, or 0 when it is not one. */
static int parse_len(const char *s, uint64_t *out)
{
	if (!*s)
		return 0;
	uint64_t v = 0;
	for (; *s; s++) {
		if (*s < '0' || *s > '9' || v > (UINT64_MAX - 9) / 10)
			return 0;
		v = v * 10 + (uint64_t)(*s - '0');
	}
	*out = v;
	return 1;
}

static void set(at_diag *d, const at_warc *w, uint64_t byte, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void set(at_diag *d, const at_warc *w, uint64_t byte, const char *fmt, ...)
{
	memset(d, 0, sizeof(*d));
	snprintf(d->file, sizeof(d->file), "%s", w->path);
	d->byte = byte;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(d->msg, sizeof(d->msg), fmt, ap);
	va_end(ap);
}

/*
 * Find the next record header: skips blank lines; other lines before it are
 * reported once. Returns 1 with the header line's first line read (WARC:
 * the version line; ARC: the URL line, copied into `first`), 0 at the end.
 */
static int seek_record(at_warc *w, rec *r, char *first, size_t firstcap, at_diag *diag,
		       int *junk)
{
	for (;;) {
		uint64_t at = upos(w);
		size_t len;
		const char *line = next_line(w, &len);
		if (!line)
			return 0;
		if (len == 0)
			continue;
		int head = w->arc ? (len > 7 && memchr(line, ' ', len) != NULL &&
				     (memcmp(line, "http", 4) == 0 || memcmp(line, "filedesc:", 9) == 0 ||
				      memcmp(line, "dns:", 4) == 0 || memcmp(line, "ftp:", 4) == 0 ||
				      memcmp(line, "https", 5) == 0))
				  : (len >= 6 && memcmp(line, "WARC/", 5) == 0);
		if (head) {
			w->quiet = 0;
			r->off = archive_off(w, at);
			size_t n = len < firstcap - 1 ? len : firstcap - 1;
			memcpy(first, line, n);
			first[n] = '\0';
			return 1;
		}
		if (!*junk && !w->quiet) {
			*junk = 1;
			set(diag, w, archive_off(w, at),
			    "not %s record header; skipped to the next record",
			    w->arc ? "an ARC" : "a WARC");
		}
	}
}

/* Read a WARC record's named fields. 1 ok, 0 bad (diag set). */
static int warc_fields(at_warc *w, rec *r, at_diag *diag)
{
	size_t total = 0;
	for (;;) {
		size_t len;
		const char *line = next_line(w, &len);
		if (!line) {
			set(diag, w, r->off, "WARC record header cut short by the end of the file");
			return 0;
		}
		if (len == 0)
			break;
		total += len;
		if (total > MAX_HEADER) {
			set(diag, w, r->off, "WARC record header longer than %u bytes; skipped",
			    MAX_HEADER);
			return 0;
		}
		const char *colon = memchr(line, ':', len);
		if (!colon)
			continue; /* tolerated: a continuation or junk line */
		size_t k = (size_t)(colon - line), vlen = len - k - 1;
		const char *v = colon + 1;
#define FIELD(name) (k == sizeof(name) - 1 && strncasecmp(line, name, k) == 0)
		if (FIELD("WARC-Type"))
			copy_value(r->type, sizeof(r->type), v, vlen);
		else if (FIELD("WARC-Target-URI")) {
			copy_value(r->uri, sizeof(r->uri), v, vlen);
			size_t ul = strlen(r->uri); /* "<http://...>" (WARC 0.x, wget) */
			if (ul >= 2 && r->uri[0] == '<' && r->uri[ul - 1] == '>') {
				memmove(r->uri, r->uri + 1, ul - 2);
				r->uri[ul - 2] = '\0';
			}
		}
		else if (FIELD("WARC-Record-ID"))
			copy_value(r->id, sizeof(r->id), v, vlen);
		else if (FIELD("WARC-Date"))
			copy_value(r->date, sizeof(r->date), v, vlen);
		else if (FIELD("Content-Type"))
			copy_value(r->ctype, sizeof(r->ctype), v, vlen);
		else if (FIELD("WARC-Identified-Payload-Type"))
			copy_value(r->ptype, sizeof(r->ptype), v, vlen);
		else if (FIELD("Content-Length")) {
			char num[32];
			copy_value(num, sizeof(num), v, vlen);
			r->has_length = parse_len(num, &r->length);
			if (!r->has_length) {
				set(diag, w, r->off, "WARC record with a bad Content-Length \"%s\"; "
						     "skipped", num);
				return 0;
			}
		}
#undef FIELD
	}
	if (!r->has_length) {
		set(diag, w, r->off, "WARC record without Content-Length; skipped");
		return 0;
	}
	return 1;
}

/* Parse an ARC URL line: "URL IP DATE TYPE LENGTH" (v1) or the v2 form whose
 * length is its last field. 1 ok, 0 bad (diag set). */
static int arc_fields(at_warc *w, rec *r, char *line, at_diag *diag)
{
	char *f[16], *save = NULL;
	int n = 0;
	for (char *s = strtok_r(line, " ", &save); s && n < 16; s = strtok_r(NULL, " ", &save))
		f[n++] = s;
	if (n < 5 || !parse_len(f[n - 1], &r->length)) {
		set(diag, w, r->off, "ARC record header without a valid length; skipped");
		return 0;
	}
	r->has_length = 1;
	copy_value(r->uri, sizeof(r->uri), f[0], strlen(f[0]));
	copy_value(r->date, sizeof(r->date), f[2], strlen(f[2]));
	copy_value(r->ctype, sizeof(r->ctype), f[3], strlen(f[3]));
	snprintf(r->type, sizeof(r->type), "%s",
		 strncmp(f[0], "filedesc:", 9) == 0 ? "arcinfo" : "response");
	return 1;
}

/* "text/html; charset=windows-1251": the media type in lower case, and the charset. */
static void media_type(const char *ct, char *type, size_t tn, char *charset, size_t cn)
{
	size_t i = 0;
	while (ct[i] == ' ')
		i++;
	size_t k = 0;
	while (ct[i] && ct[i] != ';' && ct[i] != ' ' && k + 1 < tn) {
		char c = ct[i++];
		type[k++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	type[k] = '\0';
	charset[0] = '\0';
	const char *cs = ci_find(ct, "charset=");
	if (cs) {
		cs += 8;
		if (*cs == '"' || *cs == '\'')
			cs++;
		k = 0;
		while (cs[k] && cs[k] != ';' && cs[k] != '"' && cs[k] != '\'' && cs[k] != ' ' &&
		       k + 1 < cn) {
			charset[k] = cs[k];
			k++;
		}
		charset[k] = '\0';
	}
}

static int is_html_type(const char *t)
{
	return !strcmp(t, "text/html") || !strcmp(t, "application/xhtml+xml");
}

/* Decode chunked transfer coding in place: the new length, or -1 if malformed. */
static long long dechunk(unsigned char *b, size_t n)
{
	size_t in = 0, out = 0;
	for (;;) {
		size_t size = 0;
		int digits = 0;
		while (in < n) {
			unsigned char c = b[in];
			int v = c >= '0' && c <= '9'	 ? c - '0'
				: c >= 'a' && c <= 'f' ? c - 'a' + 10
				: c >= 'A' && c <= 'F' ? c - 'A' + 10
						       : -1;
			if (v < 0)
				break;
			if (size > (SIZE_MAX >> 4))
				return -1;
			size = size * 16 + (size_t)v;
			digits++;
			in++;
		}
		if (!digits)
			return -1;
		while (in < n && b[in] != '\n') /* chunk extensions, CR */
			in++;
		if (in >= n)
			return size == 0 ? (long long)out : -1;
		in++;
		if (size == 0)
			return (long long)out; /* trailers are ignored */
		if (size > n - in)
			return -1;
		memmove(b + out, b + in, size);
		out += size;
		in += size;
		if (in < n && b[in] == '\r')
			in++;
		if (in < n && b[in] == '\n')
			in++;
	}
}

/* Inflate gzip or zlib/raw deflate data into a new buffer (capped). */
static unsigned char *inflate_body(const unsigned char *b, size_t n, int gzip, size_t *outlen)
{
	for (int attempt = 0; attempt < 2; attempt++) {
		z_stream z;
		memset(&z, 0, sizeof(z));
		/* gzip; "deflate" is zlib-wrapped, or raw from some servers */
		int wbits = gzip ? 15 + 16 : attempt == 0 ? 15 : -15;
		if (inflateInit2(&z, wbits) != Z_OK)
			return NULL;
		size_t cap = n * 4 + 4096, len = 0;
		if (cap > AT_MAX_DOC_BYTES)
			cap = AT_MAX_DOC_BYTES;
		unsigned char *out = malloc(cap + 1);
		if (!out) {
			inflateEnd(&z);
			return NULL;
		}
		z.next_in = (unsigned char *)b;
		z.avail_in = (uInt)n;
		int rc = Z_OK;
		while (rc == Z_OK) {
			if (len == cap) {
				if (cap >= AT_MAX_DOC_BYTES)
					break;
				size_t nc = cap * 2 > AT_MAX_DOC_BYTES ? AT_MAX_DOC_BYTES : cap * 2;
				unsigned char *p = realloc(out, nc + 1);
				if (!p)
					break;
				out = p;
				cap = nc;
			}
			z.next_out = out + len;
			z.avail_out = (uInt)(cap - len);
			rc = inflate(&z, Z_NO_FLUSH);
			len = cap - z.avail_out;
			if (rc == Z_BUF_ERROR && z.avail_in == 0)
				break; /* cut short: keep what came */
		}
		inflateEnd(&z);
		if (rc == Z_STREAM_END || rc == Z_OK || (rc == Z_BUF_ERROR && len > 0)) {
			*outlen = len;
			return out;
		}
		free(out);
		if (gzip)
			return NULL;
	}
	return NULL;
}

/* An ISO 8601 or ARC (YYYYMMDDhhmmss) date as "YYYY-MM-DD", or "". */
static void record_date(const char *s, char out[17])
{
	out[0] = '\0';
	char buf[11];
	if (strlen(s) >= 10 && s[4] == '-' && s[7] == '-') {
		memcpy(buf, s, 10);
		buf[10] = '\0';
	} else if (strlen(s) >= 8 && strspn(s, "0123456789") >= 8) {
		snprintf(buf, sizeof(buf), "%.4s-%.2s-%.2s", s, s + 4, s + 6);
	} else {
		return;
	}
	at_date d;
	if (at_date_parse(&d, buf) == 0)
		at_date_format(&d, out);
}

/*
 * The document of a record whose block (w->block, w->block_len bytes) was
 * kept: 1 with *out, 0 when it is not a text document (skipped silently),
 * <0 with a diagnostic.
 */
static int record_doc(at_warc *w, const rec *r, const char *override, int defer, at_doc **out,
		      at_diag *diag)
{
	unsigned char *b = w->block;
	size_t n = w->block_len;
	char type[128], charset[64], ct[256];
	snprintf(ct, sizeof(ct), "%s", r->ctype);
	int http = (w->arc && n >= 5 && memcmp(b, "HTTP/", 5) == 0) ||
		   (!w->arc && ci_find(r->ctype, "application/http") != NULL);
	int chunked = 0, gzip = 0, deflate = 0;
	size_t body = 0;
	if (http) {
		if (ci_find(r->ctype, "msgtype=request"))
			return 0;
		/* status line and headers, up to the blank line */
		size_t i = 0;
		int status = 0, first = 1;
		for (;;) {
			size_t e = i;
			while (e < n && b[e] != '\n')
				e++;
			if (e >= n) {
				set(diag, w, r->off, "HTTP headers of %s cut short; skipped", r->uri);
				return AT_EPARSE;
			}
			size_t len = e - i;
			if (len && b[i + len - 1] == '\r')
				len--;
			const char *line = (const char *)b + i;
			i = e + 1;
			if (first) {
				first = 0;
				if (len < 12 || memcmp(line, "HTTP/", 5) != 0) {
					set(diag, w, r->off, "no HTTP status line in the record of %s; "
							     "skipped", r->uri);
					return AT_EPARSE;
				}
				const char *sp = memchr(line, ' ', len);
				status = sp ? (int)strtol(sp + 1, NULL, 10) : 0;
				continue;
			}
			if (len == 0)
				break;
			const char *colon = memchr(line, ':', len);
			if (!colon)
				continue;
			size_t k = (size_t)(colon - line);
			char v[256];
			copy_value(v, sizeof(v), colon + 1, len - k - 1);
			if (k == 12 && !strncasecmp(line, "Content-Type", 12))
				snprintf(ct, sizeof(ct), "%s", v);
			else if (k == 17 && !strncasecmp(line, "Transfer-Encoding", 17))
				chunked = ci_find(v, "chunked") != NULL;
			else if (k == 16 && !strncasecmp(line, "Content-Encoding", 16)) {
				gzip = ci_find(v, "gzip") != NULL;
				deflate = ci_find(v, "deflate") != NULL;
			}
		}
		if (status < 200 || status > 299)
			return 0;
		body = i;
	}
	media_type(ct, type, sizeof(type), charset, sizeof(charset));
	if (!type[0] && r->ptype[0])
		media_type(r->ptype, type, sizeof(type), charset, sizeof(charset));
	int html = is_html_type(type), text = !strcmp(type, "text/plain");
	if (!type[0]) { /* no type: look at the bytes */
		size_t s = body;
		while (s < n && (b[s] == ' ' || b[s] == '\n' || b[s] == '\r' || b[s] == '\t'))
			s++;
		html = n - s >= 5 && (strncasecmp((const char *)b + s, "<!doc", 5) == 0 ||
				      strncasecmp((const char *)b + s, "<html", 5) == 0);
	}
	if (!html && !text)
		return 0;
	/* the payload, decoded */
	unsigned char *pay = b + body;
	size_t plen = n - body;
	if (chunked) {
		long long m = dechunk(pay, plen);
		if (m < 0) {
			set(diag, w, r->off, "bad chunked encoding in the record of %s; skipped",
			    r->uri);
			return AT_EPARSE;
		}
		plen = (size_t)m;
	}
	unsigned char *owned = NULL;
	if (gzip || deflate) {
		size_t ulen = 0;
		owned = inflate_body(pay, plen, gzip, &ulen);
		if (!owned) {
			set(diag, w, r->off, "the %s body of %s does not decompress; skipped",
			    gzip ? "gzip" : "deflate", r->uri);
			return AT_EPARSE;
		}
		pay = owned;
		plen = ulen;
	}
	if (plen == 0) {
		free(owned);
		return 0;
	}
	if (memchr(pay, '\0', plen)) {
		free(owned);
		set(diag, w, r->off, "binary data (NUL byte) in the text of %s; skipped", r->uri);
		return AT_EENCODING;
	}
	char *bytes = owned ? (char *)owned : malloc(plen + 1);
	if (!bytes)
		return AT_ENOMEM;
	if (!owned)
		memcpy(bytes, pay, plen);
	bytes[plen] = '\0';
	at_doc *d = calloc(1, sizeof(*d));
	if (!d) {
		free(bytes);
		return AT_ENOMEM;
	}
	d->bytes = bytes;
	d->len = plen;
	const char *id = r->uri[0] ? r->uri : r->id[0] ? r->id : "record";
	size_t idl = strlen(id);
	d->id = malloc(idl + 1);
	d->source = at__strdup(w->path);
	d->content_type = at__strdup(html ? "text/html" : "text/plain");
	d->url = r->uri[0] ? at__strdup(r->uri) : NULL;
	if (!d->id || !d->source || !d->content_type || (r->uri[0] && !d->url)) {
		at_doc_free(d);
		return AT_ENOMEM;
	}
	memcpy(d->id, id, idl + 1);
	d->record_off = r->off;
	char rdate[17];
	record_date(r->date, rdate);
	int rc = at__payload_doc(d, html, charset[0] ? charset : NULL, rdate, override, defer, diag);
	if (rc < 0) {
		if (!diag->msg[0])
			set(diag, w, r->off, "the page of %s could not be read; skipped", r->uri);
		at_doc_free(d);
		return rc;
	}
	*out = d;
	return 1;
}

/* One record after its header line: 1 a document, 0 nothing to hand out
 * (skipped silently), <0 with a diagnostic. */
static int read_record(at_warc *w, rec *r, char *first, const char *override, int defer, at_doc **out,
		       at_diag *diag)
{
	int ok = w->arc ? arc_fields(w, r, first, diag) : warc_fields(w, r, diag);
	if (!ok) {
		w->quiet = 1;
		return AT_EPARSE;
	}
	int wanted = !strcasecmp(r->type, "response") || !strcasecmp(r->type, "resource") ||
		     !strcasecmp(r->type, "conversion");
	/* a crawler's own files ("metadata://.../wget.log"), DNS answers */
	if (!strncasecmp(r->uri, "metadata:", 9) || !strncasecmp(r->uri, "dns:", 4) ||
	    !strncasecmp(r->uri, "urn:", 4))
		wanted = 0;
	size_t keep = wanted ? AT_MAX_DOC_BYTES + MAX_HEADER : 0;
	const char *what = r->uri[0] ? r->uri : r->type[0] ? r->type : "a record";
	uint64_t got = take_block(w, r->length, r->length > keep ? 0 : keep);
	if (got < r->length) {
		/* a cut record: what there is of a page is still read */
		at_diag cut;
		set(&cut, w, r->off, "record of %s cut short (%llu of %llu bytes)", what,
		    (unsigned long long)got, (unsigned long long)r->length);
		int rc = wanted && w->block_len ? record_doc(w, r, override, defer, out, diag) : 0;
		if (rc == 1 && !diag->msg[0]) {
			snprintf(cut.msg + strlen(cut.msg), sizeof(cut.msg) - strlen(cut.msg),
				 "; read what there is");
			*diag = cut;
			return 1;
		}
		if (rc == 1) { /* keep its warning; the cut one goes out next */
			if (!w->has_pending) {
				snprintf(cut.msg + strlen(cut.msg),
					 sizeof(cut.msg) - strlen(cut.msg), "; read what there is");
				w->pending = cut;
				w->has_pending = 1;
			}
			return 1;
		}
		snprintf(cut.msg + strlen(cut.msg), sizeof(cut.msg) - strlen(cut.msg), "; skipped");
		*diag = cut;
		return AT_EPARSE;
	}
	if (!wanted)
		return 0;
	if (r->length > keep) {
		set(diag, w, r->off, "record of %s larger than %u bytes; skipped", what,
		    AT_MAX_DOC_BYTES);
		return AT_ETOOBIG;
	}
	return record_doc(w, r, override, defer, out, diag);
}

int at__warc_next(at_warc *w, const char *override, int defer, at_doc **out, at_diag *diag)
{
	*out = NULL;
	memset(diag, 0, sizeof(*diag));
	for (;;) {
		if (w->has_pending) {
			*diag = w->pending;
			w->has_pending = 0;
			return AT_EPARSE;
		}
		rec r;
		memset(&r, 0, sizeof(r));
		char first[MAX_LINE + 1];
		at_diag junk_diag;
		int junk = 0;
		memset(&junk_diag, 0, sizeof(junk_diag));
		int found = seek_record(w, &r, first, sizeof(first), &junk_diag, &junk);
		if (w->has_pending)
			junk = 0; /* a gzip error explains the junk: it is reported */
		if (!found) {
			if (junk) {
				*diag = junk_diag;
				return AT_EPARSE;
			}
			if (w->has_pending)
				continue;
			return 0;
		}
		at_diag rd;
		memset(&rd, 0, sizeof(rd));
		int rc = read_record(w, &r, first, override, defer, out, &rd);
		if (!junk) {
			*diag = rd;
			if (rc == 0)
				continue;
			return rc;
		}
		/* junk before this record: its diagnostic goes out now, the
		 * record's own (if any) next time */
		*diag = junk_diag;
		if (rc < 0 && !w->has_pending) {
			w->pending = rd;
			w->has_pending = 1;
		}
		if (rc == 1 && rd.msg[0] && !w->has_pending) {
			w->pending = rd;
			w->has_pending = 1;
		}
		return rc == 1 ? 1 : AT_EPARSE;
	}
}

/* ---- the input format ------------------------------------------------------ */

typedef struct warc_reader {
	at_warc *w;
	char published[17];
	int defer;
} warc_reader;

static int fmt_claims(const char *path) { return at__warc_name(path) || at__warc_sniff(path); }

static int fmt_open(void **out, const char *path, const at_read_opts *o, at_diag *diag)
{
	*out = NULL;
	warc_reader *r = calloc(1, sizeof(*r));
	if (!r)
		return AT_ENOMEM;
	int rc = at__warc_open(&r->w, path, diag);
	if (rc) {
		free(r);
		return rc;
	}
	snprintf(r->published, sizeof(r->published), "%s", o->published);
	r->defer = o->defer;
	*out = r;
	return 0;
}

static int fmt_next(void *st, at_doc **out, at_diag *diag)
{
	warc_reader *r = st;
	return at__warc_next(r->w, r->published, r->defer, out, diag);
}

static uint64_t fmt_bytes(const void *st) { return at__warc_bytes(((const warc_reader *)st)->w); }

static void fmt_close(void *st)
{
	warc_reader *r = st;
	if (r)
		at__warc_free(r->w);
	free(r);
}

const at_format at__warc_format = {"warc", at__warc_name, fmt_claims, fmt_open, fmt_next,
				   fmt_bytes, fmt_close};
