/* SPDX-License-Identifier: MIT */
/*
 * store.h — the store behind at_store_* (include/aidtrace.h), on SQLite or
 * PostgreSQL (backend.h). This header owns the schema: its versions are
 * below, and store.c holds the forward migration of each (AT_MIGRATIONS, a
 * text per engine). In SQLite, `PRAGMA user_version` is the version a
 * database is at and `PRAGMA application_id` marks it as ours; in
 * PostgreSQL, the one row of the table aidtrace_schema holds both.
 *
 * | version | change                                                        |
 * |---------|---------------------------------------------------------------|
 * | 1       | documents, doc_events, events (the ledger), event_sources      |
 * | 2       | documents.record_off; seen_pages, seen_feeds, seen_robots      |
 *
 * Tables (version 2):
 *
 * | table         | one row per                       | key columns                  |
 * |---------------|-----------------------------------|------------------------------|
 * | documents     | document read (by its id, `key`)  | key UNIQUE, content_hash,    |
 * |               |                                   | simhash + 4 bands, dup_of    |
 * | doc_events    | event of one document (JSON line) | (doc, ord) UNIQUE, block     |
 * | events        | ledger event (merged JSON line)   | id, block, filter columns    |
 * | event_sources | (ledger event, per-doc event)     | both, ON DELETE CASCADE      |
 * | pending       | block waiting to be merged        | block                        |
 * | seen_pages    | page URL the watcher has met      | url (see seen.h)             |
 * | seen_feeds    | feed URL the watcher polls        | url (see seen.h)             |
 * | seen_robots   | a site's robots.txt, cached       | origin (see seen.h)          |
 *
 * documents.source is the file a document was read from; for a web archive
 * record, documents.record_off is the offset of its record (its gzip member)
 * there (NULL for other files), so that an event leads back to the page kept.
 *
 * A block ("aid|RUS|TJK", "deployment|TJK", "exercise") groups the events
 * that may be merged. Each batch (one transaction) stores documents and
 * their events and marks the blocks it touched in `pending`; at the end of a
 * run at_store_merge re-merges each pending block once, from all of its
 * per-document events, claiming it in the transaction that merges it. So
 * the ledger is the same whatever the order, batching or partition of the
 * input, a run costs one merge per touched block rather than one per batch,
 * and a run killed before its merge leaves the blocks pending for the next.
 *
 * The PostgreSQL tables are the same, with identity keys for INTEGER
 * PRIMARY KEY and COLLATE "C" on the text that is compared or sorted.
 *
 * Near duplicates: documents whose SimHash differs in at most
 * AT_NEAR_DUP_BITS bits. Four 16-bit bands are indexed; two fingerprints
 * within 3 bits share at least one band, so the look-up is exact.
 */
#ifndef AT_STORE_H
#define AT_STORE_H

#include <stddef.h>

#include "aidtrace.h"

#define AT_SCHEMA_VERSION 2
#define AT_APPLICATION_ID 0x41494454 /* "AIDT" */
#define AT_BATCH_DEFAULT 500         /* documents per transaction in the CLI */

/* For the other store files (seen.c), which go through the same backend:
 * the backend and its connection; a failure of the backend as an AT_E* code
 * with a message naming the database and `what`; and the current batch
 * (begun when none is open; at_store_commit ends it). */
struct at_backend;
struct at_db;
const struct at_backend *at__store_backend(at_store *s, struct at_db **db);
int at__store_fail(at_store *s, char *err, size_t errlen, const char *what);
int at__store_begin(at_store *s, char *err, size_t errlen);

#endif
