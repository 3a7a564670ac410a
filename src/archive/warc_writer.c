/* SPDX-License-Identifier: MIT */
/*
 * warc_writer.c — WARC 1.1 files, a gzip member per record (see
 * warc_writer.h). SHA-1 is nettle's; base32 (RFC 4648, no padding: 20 bytes
 * are 32 characters) and the record layout are here.
 *
 * A record is built in memory (header + block + CRLF CRLF), deflated with
 * zlib as one gzip member and written with one fwrite; the member's offset
 * in the file is what a CDX index, and the ledger, point at.
 */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <nettle/sha1.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "aidtrace.h"
#include "warc_writer.h"
#include "../util/buf.h"

struct at_warcw {
	char *dir, *prefix, *software, *user_agent, *robots;
	uint64_t max_bytes;
	FILE *f;
	char *path;                   /* the current file */
	uint64_t size;                /* its size */
	char info_id[AT_WARC_ID_LEN]; /* its warcinfo record's id */
	unsigned serial;              /* names tried (the NNNNN of a file name) */
	unsigned nfiles;              /* files opened */
	uint64_t total;               /* bytes written, all files */
	at_buf rec;                   /* the record being built */
	unsigned char *z;             /* its gzip member */
	size_t zcap;
};

static int fail(char *err, size_t errlen, int code, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static int fail(char *err, size_t errlen, int code, const char *fmt, ...)
{
	if (err && errlen) {
		va_list ap;
		va_start(ap, fmt);
		vsnprintf(err, errlen, fmt, ap);
		va_end(ap);
	}
	return code;
}

static char *dup_or_null(const char *s)
{
	if (!s)
		return NULL;
	size_t n = strlen(s) + 1;
	char *p = malloc(n);
	if (p)
		memcpy(p, s, n);
	return p;
}

/* ---- digests and ids ---------------------------------------------------- */

void at_warc_sha1(const void *p, size_t n, char out[38])
{
	static const char B32[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
	struct sha1_ctx c;
	uint8_t d[SHA1_DIGEST_SIZE];
	sha1_init(&c);
	sha1_update(&c, n, p);
	sha1_digest(&c, sizeof(d), d);
	memcpy(out, "sha1:", 5);
	/* 160 bits: four groups of 5 bytes, 8 characters each */
	char *o = out + 5;
	for (int g = 0; g < 4; g++) {
		uint64_t v = 0;
		for (int k = 0; k < 5; k++)
			v = v << 8 | d[5 * g + k];
		for (int k = 7; k >= 0; k--)
			*o++ = B32[(v >> (5 * k)) & 31];
	}
	*o = '\0';
}

void at_warcw_new_id(char id[AT_WARC_ID_LEN])
{
	unsigned char u[16];
	size_t got = 0;
	while (got < sizeof(u)) {
		ssize_t n = getrandom(u + got, sizeof(u) - got, 0);
		if (n > 0)
			got += (size_t)n;
		else if (errno != EINTR)
			break;
	}
	if (got < sizeof(u)) { /* no entropy source: time and a counter */
		static unsigned long count;
		struct timespec ts;
		clock_gettime(CLOCK_REALTIME, &ts);
		uint64_t a = (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
		uint64_t b = ((uint64_t)getpid() << 32) ^ ++count;
		memcpy(u, &a, 8);
		memcpy(u + 8, &b, 8);
	}
	u[6] = (unsigned char)((u[6] & 0x0f) | 0x40); /* version 4 */
	u[8] = (unsigned char)((u[8] & 0x3f) | 0x80); /* RFC 4122 variant */
	snprintf(id, AT_WARC_ID_LEN,
		 "<urn:uuid:%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%"
		 "02x>",
		 u[0], u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9], u[10], u[11],
		 u[12], u[13], u[14], u[15]);
}

static void warc_date(time_t t, char out[24])
{
	struct tm tm;
	if (!t)
		t = time(NULL);
	gmtime_r(&t, &tm);
	strftime(out, 24, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* ---- opening ------------------------------------------------------------ */

int at_warcw_open(at_warcw **out, const at_warcw_opts *o, char *err, size_t errlen)
{
	*out = NULL;
	if (!o || !o->dir || !*o->dir)
		return fail(err, errlen, AT_EINVAL, "no archive folder given");
	struct stat st;
	if (stat(o->dir, &st) != 0) {
		if (errno != ENOENT || mkdir(o->dir, 0777) != 0)
			return fail(err, errlen, AT_EIO,
				    "%s: cannot create the archive folder: %s", o->dir,
				    strerror(errno));
	} else if (!S_ISDIR(st.st_mode)) {
		return fail(err, errlen, AT_EIO, "%s: not a folder", o->dir);
	}
	at_warcw *w = calloc(1, sizeof(*w));
	if (!w)
		return fail(err, errlen, AT_ENOMEM, "out of memory");
	w->dir = dup_or_null(o->dir);
	w->prefix = dup_or_null(o->prefix ? o->prefix : "aidtrace");
	w->software = dup_or_null(o->software ? o->software : "aidtrace/" AT_VERSION);
	w->user_agent = dup_or_null(o->user_agent);
	w->robots = dup_or_null(o->robots);
	w->max_bytes = o->max_bytes ? o->max_bytes : AT_WARC_DEFAULT_MAX;
	at_buf_init(&w->rec, 0);
	if (!w->dir || !w->prefix || !w->software || (o->user_agent && !w->user_agent) ||
	    (o->robots && !w->robots)) {
		at_warcw_close(w);
		return fail(err, errlen, AT_ENOMEM, "out of memory");
	}
	*out = w;
	return 0;
}

static int close_file(at_warcw *w, char *err, size_t errlen)
{
	if (!w->f)
		return 0;
	int bad = fflush(w->f) != 0 || fsync(fileno(w->f)) != 0;
	int saved = errno;
	bad |= fclose(w->f) != 0;
	w->f = NULL;
	if (bad)
		return fail(err, errlen, AT_EIO, "%s: cannot write: %s", w->path,
			    strerror(saved ? saved : errno));
	return 0;
}

static int emit(at_warcw *w, const at_warcw_rec *r, char *id_out, uint64_t *off, char *err,
		size_t errlen);

/* A new file named by the time, with its warcinfo record. */
static int new_file(at_warcw *w, char *err, size_t errlen)
{
	int r = close_file(w, err, errlen);
	if (r)
		return r;
	char stamp[32];
	struct tm tm;
	time_t t = time(NULL);
	gmtime_r(&t, &tm);
	strftime(stamp, sizeof(stamp), "%Y%m%d%H%M%S", &tm);
	size_t n = strlen(w->dir) + strlen(w->prefix) + 64;
	char *path = malloc(n);
	if (!path)
		return fail(err, errlen, AT_ENOMEM, "out of memory");
	int fd = -1;
	for (int tries = 0; fd < 0 && tries < 100000; tries++) {
		snprintf(path, n, "%s/%s-%s-%05u.warc.gz", w->dir, w->prefix, stamp,
			 w->serial++);
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
		if (fd < 0 && errno != EEXIST) {
			int e = errno;
			r = fail(err, errlen, AT_EIO, "%s: cannot create: %s", path,
				 strerror(e));
			free(path);
			return r;
		}
	}
	if (fd < 0 || !(w->f = fdopen(fd, "wb"))) {
		if (fd >= 0)
			close(fd);
		r = fail(err, errlen, AT_EIO, "%s: cannot create: %s", path, strerror(errno));
		free(path);
		return r;
	}
	free(w->path);
	w->path = path;
	w->size = 0;
	w->nfiles++;
	/* the warcinfo record: what wrote the file, how */
	at_buf info;
	at_buf_init(&info, 0);
	at_buf_printf(&info, "software: %s\r\n", w->software);
	at_buf_adds(&info, "format: WARC File Format 1.1\r\n"
			   "conformsTo: https://iipc.github.io/warc-specifications/"
			   "specifications/warc-format/warc-1.1/\r\n");
	if (w->robots)
		at_buf_printf(&info, "robots: %s\r\n", w->robots);
	if (w->user_agent)
		at_buf_printf(&info, "http-header-user-agent: %s\r\n", w->user_agent);
	if (info.err) {
		at_buf_free(&info);
		return fail(err, errlen, AT_ENOMEM, "out of memory");
	}
	at_warcw_new_id(w->info_id);
	const char *slash = strrchr(path, '/');
	at_warcw_rec rec = {.type = "warcinfo",
			    .content_type = "application/warc-fields",
			    .block = info.data,
			    .len = info.len,
			    .payload_off = SIZE_MAX,
			    .id = w->info_id,
			    .uri = slash ? slash + 1 : path}; /* WARC-Filename, see emit */
	uint64_t off;
	r = emit(w, &rec, NULL, &off, err, errlen);
	at_buf_free(&info);
	return r;
}

void at_warcw_close(at_warcw *w)
{
	if (!w)
		return;
	close_file(w, NULL, 0);
	free(w->dir);
	free(w->prefix);
	free(w->software);
	free(w->user_agent);
	free(w->robots);
	free(w->path);
	free(w->z);
	at_buf_free(&w->rec);
	free(w);
}

/* ---- records ------------------------------------------------------------ */

/* Deflate w->rec into one gzip member in w->z; its length, 0 on failure. */
static size_t gzip_record(at_warcw *w)
{
	z_stream z;
	memset(&z, 0, sizeof(z));
	if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		return 0;
	size_t need = deflateBound(&z, (uLong)w->rec.len) + 32;
	if (need > w->zcap) {
		unsigned char *p = realloc(w->z, need);
		if (!p) {
			deflateEnd(&z);
			return 0;
		}
		w->z = p;
		w->zcap = need;
	}
	z.next_in = (unsigned char *)w->rec.data;
	z.avail_in = (uInt)w->rec.len;
	z.next_out = w->z;
	z.avail_out = (uInt)w->zcap;
	int rc = deflate(&z, Z_FINISH);
	size_t n = w->zcap - z.avail_out;
	deflateEnd(&z);
	return rc == Z_STREAM_END ? n : 0;
}

static int emit(at_warcw *w, const at_warcw_rec *r, char *id_out, uint64_t *off, char *err,
		size_t errlen)
{
	char id[AT_WARC_ID_LEN], date[24], block_digest[38], payload_digest[38];
	if (r->id)
		snprintf(id, sizeof(id), "%s", r->id);
	else
		at_warcw_new_id(id);
	warc_date(r->date, date);
	at_warc_sha1(r->block, r->len, block_digest);
	int warcinfo = !strcmp(r->type, "warcinfo");
	at_buf *b = &w->rec;
	b->len = 0;
	b->err = 0;
	at_buf_adds(b, "WARC/1.1\r\n");
	at_buf_printf(b, "WARC-Type: %s\r\n", r->type);
	at_buf_printf(b, "WARC-Record-ID: %s\r\n", id);
	at_buf_printf(b, "WARC-Date: %s\r\n", date);
	if (warcinfo)
		at_buf_printf(b, "WARC-Filename: %s\r\n", r->uri);
	else {
		if (r->uri)
			at_buf_printf(b, "WARC-Target-URI: %s\r\n", r->uri);
		at_buf_printf(b, "WARC-Warcinfo-ID: %s\r\n", w->info_id);
	}
	if (r->concurrent_to)
		at_buf_printf(b, "WARC-Concurrent-To: %s\r\n", r->concurrent_to);
	if (r->ip)
		at_buf_printf(b, "WARC-IP-Address: %s\r\n", r->ip);
	at_buf_printf(b, "WARC-Block-Digest: %s\r\n", block_digest);
	if (r->payload_off != SIZE_MAX && r->payload_off <= r->len) {
		at_warc_sha1((const char *)r->block + r->payload_off, r->len - r->payload_off,
			     payload_digest);
		at_buf_printf(b, "WARC-Payload-Digest: %s\r\n", payload_digest);
	}
	if (r->content_type)
		at_buf_printf(b, "Content-Type: %s\r\n", r->content_type);
	at_buf_printf(b, "Content-Length: %zu\r\n\r\n", r->len);
	at_buf_add(b, r->block, r->len);
	at_buf_adds(b, "\r\n\r\n");
	if (b->err)
		return fail(err, errlen, AT_ENOMEM, "out of memory building a WARC record");
	size_t zn = gzip_record(w);
	if (!zn)
		return fail(err, errlen, AT_ENOMEM, "out of memory compressing a WARC record");
	*off = w->size;
	if (fwrite(w->z, 1, zn, w->f) != zn || fflush(w->f) != 0) {
		int e = errno;
		/* where the file ends now is unknown: count what may be there */
		w->size += zn;
		return fail(err, errlen, AT_EIO, "%s: cannot write: %s", w->path, strerror(e));
	}
	w->size += zn;
	w->total += zn;
	if (id_out)
		snprintf(id_out, AT_WARC_ID_LEN, "%s", id);
	return 0;
}

int at_warcw_write(at_warcw *w, const at_warcw_rec *r, char id_out[AT_WARC_ID_LEN],
		   const char **file, uint64_t *off, char *err, size_t errlen)
{
	if (!r->type || !strcmp(r->type, "warcinfo"))
		return fail(err, errlen, AT_EINVAL, "bad WARC record type");
	if (!w->f || (!r->concurrent_to && w->size >= w->max_bytes)) {
		int rc = new_file(w, err, errlen);
		if (rc)
			return rc;
	}
	int rc = emit(w, r, id_out, off, err, errlen);
	if (file)
		*file = w->path;
	return rc;
}

int at_warcw_sync(at_warcw *w, char *err, size_t errlen)
{
	if (!w->f)
		return 0;
	if (fflush(w->f) != 0 || fdatasync(fileno(w->f)) != 0)
		return fail(err, errlen, AT_EIO, "%s: cannot write: %s", w->path,
			    strerror(errno));
	return 0;
}

uint64_t at_warcw_bytes(const at_warcw *w) { return w ? w->total : 0; }

unsigned at_warcw_files(const at_warcw *w) { return w ? w->nfiles : 0; }
