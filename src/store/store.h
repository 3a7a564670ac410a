/*
 * store.h — the SQLite store behind at_store_* (include/aidtrace.h). This
 * header owns the schema: its versions are below, and store.c holds the
 * forward migration of each (AT_MIGRATIONS). `PRAGMA user_version` is the
 * version a database is at; `PRAGMA application_id` marks it as ours.
 *
 * | version | change                                                        |
 * |---------|---------------------------------------------------------------|
 * | 1       | documents, doc_events, events (the ledger), event_sources      |
 * | 2       | documents.record_off; seen_pages, seen_feeds (seen.h)          |
 *
 * Tables (version 1):
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
 *
 * documents.source is the file a document was read from; for a web archive
 * record, documents.record_off is the offset of its record (its gzip member)
 * there (NULL for other files), so that an event leads back to the page kept.
 *
 * A block ("aid|RUS|TJK", "deployment|TJK", "exercise") groups the events
 * that may be merged. Each batch (one transaction) stores documents and
 * their events and marks the blocks it touched in `pending`; at the end of a
 * run at_store_merge re-merges each pending block once, from all of its
 * per-document events, in one transaction. So the ledger is the same
 * whatever the order or batching of the input, a run costs one merge per
 * touched block rather than one per batch, and a run killed before its merge
 * leaves the blocks pending for the next one.
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

/* For the other store files (seen.c): the SQLite handle, the database's path,
 * and the current batch (begun when none is open; at_store_commit ends it). */
typedef struct sqlite3 sqlite3;
sqlite3 *at__store_sqlite(at_store *s);
const char *at__store_path(const at_store *s);
int at__store_begin(at_store *s, char *err, size_t errlen);

#endif
