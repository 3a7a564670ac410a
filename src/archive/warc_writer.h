/* SPDX-License-Identifier: MIT */
/*
 * warc_writer.h — writing web archives: WARC 1.1 (ISO 28500:2017), one gzip
 * member per record, files rotated by size and named by time.
 *
 *   at_warcw_open(dir)  ──▶ DIR/PREFIX-YYYYMMDDhhmmss-NNNNN.warc.gz
 *                            warcinfo record first (software, format, robots)
 *   at_warcw_write(rec) ──▶ one record: WARC-Record-ID (urn:uuid), WARC-Date,
 *                            WARC-Target-URI, WARC-Block-Digest and (for a
 *                            block with a payload) WARC-Payload-Digest as
 *                            "sha1:" + RFC 4648 base32, Content-Length; the
 *                            record gzip'd as one member; its file and offset
 *                            (the member's first byte) returned
 *
 * A file is closed and the next one started before a record that would begin
 * at or after max_bytes (a record that belongs to an earlier one, i.e. has
 * concurrent_to set, always stays in its file). Files are created with
 * O_EXCL: an existing file is never appended to or overwritten.
 */
#ifndef AT_WARC_WRITER_H
#define AT_WARC_WRITER_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define AT_WARC_DEFAULT_MAX (1024ull * 1024ull * 1024ull) /* 1 GB a file */
#define AT_WARC_ID_LEN 48 /* "<urn:uuid:8-4-4-4-12>" and its NUL */

typedef struct at_warcw at_warcw;

typedef struct at_warcw_opts {
	const char *dir;        /* the archive folder (created if missing) */
	const char *prefix;     /* file name prefix; NULL: "aidtrace" */
	uint64_t max_bytes;     /* rotate at this size; 0: AT_WARC_DEFAULT_MAX */
	const char *software;   /* warcinfo "software", e.g. "aidtrace/0.1.0" */
	const char *user_agent; /* warcinfo "http-header-user-agent", or NULL */
	const char *robots;     /* warcinfo "robots" ("obey"), or NULL */
} at_warcw_opts;

typedef struct at_warcw_rec {
	const char *type;         /* "response", "request", "resource", "metadata" */
	const char *uri;          /* WARC-Target-URI, or NULL */
	const char *content_type; /* e.g. "application/http;msgtype=response" */
	const void *block;        /* the record's block */
	size_t len;
	size_t payload_off;        /* where the payload starts in the block (after
				     the HTTP headers); SIZE_MAX: no payload digest */
	const char *id;            /* WARC-Record-ID to use (from at_warcw_new_id), or
				     NULL for a fresh one */
	const char *concurrent_to; /* WARC-Concurrent-To, or NULL */
	const char *ip;            /* WARC-IP-Address, or NULL */
	time_t date;               /* WARC-Date; 0: now */
} at_warcw_rec;

/* Open the writer (the first file is created at the first record). 0, or a
 * negative AT_E* code with a message naming the folder in err. */
int at_warcw_open(at_warcw **out, const at_warcw_opts *opts, char *err, size_t errlen);
/* A fresh record id "<urn:uuid:...>" (random, version 4) into id. */
void at_warcw_new_id(char id[AT_WARC_ID_LEN]);
/*
 * Write one record. On success 0, *file (borrowed until the next call) is the
 * path of the file it went to and *off the byte offset of its gzip member
 * there; id_out (may be NULL) receives its WARC-Record-ID. On failure a
 * negative AT_E* code and a message naming the file in err; the file may hold
 * a partial member at its end (readers skip it), the next record goes on.
 */
int at_warcw_write(at_warcw *w, const at_warcw_rec *r, char id_out[AT_WARC_ID_LEN],
		   const char **file, uint64_t *off, char *err, size_t errlen);
/* Flush the current file to the disk (fdatasync): records written so far
 * survive a crash. 0 or AT_EIO with a message. */
int at_warcw_sync(at_warcw *w, char *err, size_t errlen);
/* Bytes written, over all files, and files opened so far. */
uint64_t at_warcw_bytes(const at_warcw *w);
unsigned at_warcw_files(const at_warcw *w);
void at_warcw_close(at_warcw *w);

/* SHA-1 of n bytes as "sha1:" + 32 base32 characters (out: 38 bytes). */
void at_warc_sha1(const void *p, size_t n, char out[38]);

#endif
