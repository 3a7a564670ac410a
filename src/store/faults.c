/* SPDX-License-Identifier: MIT */
/*
 * faults.c — the crash points of faults.h (compiled only with -DAT_FAULTS=ON).
 *
 * AIDTRACE_CRASH_AT=NAME:N is read once. at__fault(NAME) counts the calls for
 * that name and raises SIGKILL on the Nth; with N = 0 it counts every point
 * and prints the counts at exit. The first call also registers a
 * VFS shim in front of SQLite's default VFS, counting xWrite calls as the
 * point "write" (the crash comes before the Nth write is made).
 *
 * AIDTRACE_POWER_CUT=1 makes the crash a power cut: the shim keeps, for each
 * open file, the bytes that every write since the file's last xSync
 * replaced (and its size then), and just before SIGKILL puts them back, as
 * if the kernel had lost every write that was not synced. Files closed
 * before the crash keep their writes (SQLite syncs what it must before it
 * closes).
 */
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "faults.h"

static struct {
	int ready;
	char name[64];
	long at;    /* crash on this call of `name`; 0: only count */
	long count; /* calls of `name` so far */
	sqlite3_vfs *real;
	/* with N = 0, the calls of every point, printed at exit */
	struct {
		const char *name;
		long n;
	} seen[32];
	int nseen;
	int power_cut;
	struct shim_file *files; /* open files, for the power cut */
} F;

static void power_cut(void);

static void report(void)
{
	for (int i = 0; i < F.nseen; i++)
		fprintf(stderr, "aidtrace: fault %s reached %ld times\n", F.seen[i].name,
			F.seen[i].n);
}

static void hit(const char *name)
{
	if (F.at == 0) {
		int i = 0;
		while (i < F.nseen && strcmp(F.seen[i].name, name))
			i++;
		if (i == F.nseen && F.nseen < 32)
			F.seen[F.nseen++].name = name; /* a literal, or "write" */
		if (i < F.nseen)
			F.seen[i].n++;
		return;
	}
	if (!F.name[0] || strcmp(name, F.name) != 0)
		return;
	F.count++;
	if (F.count == F.at) {
		fprintf(stderr, "aidtrace: crashing at fault %s:%ld%s\n", name, F.at,
			F.power_cut ? " (a power cut)" : "");
		if (F.power_cut)
			power_cut();
		raise(SIGKILL);
	}
}

/* ---- the VFS shim: every method forwards; xWrite counts ----------------- */

typedef struct undo {
	sqlite3_int64 off;
	int n;
	unsigned char *old; /* the n bytes the write replaced */
} undo;

typedef struct shim_file {
	sqlite3_file base;
	sqlite3_file *real; /* allocated right after this struct */
	/* since the last xSync (AIDTRACE_POWER_CUT only) */
	int dirty;
	sqlite3_int64 synced_size;
	undo *log;
	size_t nlog, cap;
	struct shim_file *next;
} shim_file;

#define REAL(f) (((shim_file *)(f))->real)

static void forget(shim_file *sf)
{
	for (size_t i = 0; i < sf->nlog; i++)
		free(sf->log[i].old);
	free(sf->log);
	sf->log = NULL;
	sf->nlog = sf->cap = 0;
	sf->dirty = 0;
}

/* Keep the n bytes at off before they are overwritten or cut off. */
static void remember(shim_file *sf, sqlite3_int64 off, int n)
{
	sqlite3_file *r = sf->real;
	if (!sf->dirty) {
		sf->dirty = 1;
		if (r->pMethods->xFileSize(r, &sf->synced_size) != SQLITE_OK)
			sf->synced_size = 0;
	}
	if (n <= 0)
		return;
	if (sf->nlog == sf->cap) {
		size_t cap = sf->cap ? 2 * sf->cap : 64;
		undo *l = realloc(sf->log, cap * sizeof(*l));
		if (!l)
			abort();
		sf->log = l;
		sf->cap = cap;
	}
	unsigned char *old = calloc(1, (size_t)n);
	if (!old)
		abort();
	r->pMethods->xRead(r, old, n, off); /* past the end: zeros (cut later) */
	sf->log[sf->nlog++] = (undo){off, n, old};
}

/* Every open file back to its state at its last sync. */
static void power_cut(void)
{
	for (shim_file *sf = F.files; sf; sf = sf->next) {
		if (!sf->dirty)
			continue;
		sqlite3_file *r = sf->real;
		for (size_t i = sf->nlog; i-- > 0;)
			r->pMethods->xWrite(r, sf->log[i].old, sf->log[i].n, sf->log[i].off);
		r->pMethods->xTruncate(r, sf->synced_size);
	}
}

static int s_close(sqlite3_file *f)
{
	shim_file *sf = (shim_file *)f;
	for (shim_file **p = &F.files; *p; p = &(*p)->next)
		if (*p == sf) {
			*p = sf->next;
			break;
		}
	forget(sf);
	int rc = REAL(f)->pMethods ? REAL(f)->pMethods->xClose(REAL(f)) : SQLITE_OK;
	return rc;
}
static int s_read(sqlite3_file *f, void *p, int n, sqlite3_int64 o)
{
	return REAL(f)->pMethods->xRead(REAL(f), p, n, o);
}
static int s_write(sqlite3_file *f, const void *p, int n, sqlite3_int64 o)
{
	hit("write");
	if (F.power_cut)
		remember((shim_file *)f, o, n);
	return REAL(f)->pMethods->xWrite(REAL(f), p, n, o);
}
static int s_truncate(sqlite3_file *f, sqlite3_int64 n)
{
	sqlite3_int64 size;
	if (F.power_cut && REAL(f)->pMethods->xFileSize(REAL(f), &size) == SQLITE_OK &&
	    size > n && size - n < (1 << 30))
		remember((shim_file *)f, n, (int)(size - n));
	return REAL(f)->pMethods->xTruncate(REAL(f), n);
}
static int s_sync(sqlite3_file *f, int flags)
{
	int rc = REAL(f)->pMethods->xSync(REAL(f), flags);
	if (rc == SQLITE_OK)
		forget((shim_file *)f);
	return rc;
}
static int s_size(sqlite3_file *f, sqlite3_int64 *n)
{
	return REAL(f)->pMethods->xFileSize(REAL(f), n);
}
static int s_lock(sqlite3_file *f, int l)
{
	return REAL(f)->pMethods->xLock(REAL(f), l);
}
static int s_unlock(sqlite3_file *f, int l)
{
	return REAL(f)->pMethods->xUnlock(REAL(f), l);
}
static int s_check(sqlite3_file *f, int *out)
{
	return REAL(f)->pMethods->xCheckReservedLock(REAL(f), out);
}
static int s_fcntl(sqlite3_file *f, int op, void *arg)
{
	return REAL(f)->pMethods->xFileControl(REAL(f), op, arg);
}
static int s_sector(sqlite3_file *f)
{
	return REAL(f)->pMethods->xSectorSize(REAL(f));
}
static int s_dev(sqlite3_file *f)
{
	return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f));
}
static int s_shm_map(sqlite3_file *f, int pg, int sz, int ext, void volatile **pp)
{
	return REAL(f)->pMethods->xShmMap(REAL(f), pg, sz, ext, pp);
}
static int s_shm_lock(sqlite3_file *f, int off, int n, int flags)
{
	return REAL(f)->pMethods->xShmLock(REAL(f), off, n, flags);
}
static void s_shm_barrier(sqlite3_file *f)
{
	REAL(f)->pMethods->xShmBarrier(REAL(f));
}
static int s_shm_unmap(sqlite3_file *f, int del)
{
	return REAL(f)->pMethods->xShmUnmap(REAL(f), del);
}
static int s_fetch(sqlite3_file *f, sqlite3_int64 o, int n, void **pp)
{
	return REAL(f)->pMethods->xFetch(REAL(f), o, n, pp);
}
static int s_unfetch(sqlite3_file *f, sqlite3_int64 o, void *p)
{
	return REAL(f)->pMethods->xUnfetch(REAL(f), o, p);
}

static const sqlite3_io_methods shim_io = {
	3,	   s_close,	  s_read,      s_write,	      s_truncate,    s_sync,
	s_size,	   s_lock,	  s_unlock,    s_check,	      s_fcntl,	     s_sector,
	s_dev,	   s_shm_map,	  s_shm_lock,  s_shm_barrier, s_shm_unmap,   s_fetch,
	s_unfetch,
};

static sqlite3_vfs shim_vfs;

static int s_open(sqlite3_vfs *v, const char *name, sqlite3_file *f, int flags, int *out)
{
	(void)v;
	shim_file *sf = (shim_file *)f;
	memset(sf, 0, sizeof(*sf));
	sf->real = (sqlite3_file *)(sf + 1);
	int rc = F.real->xOpen(F.real, name, sf->real, flags, out);
	/* the shim's methods only when the real file is open (SQLite calls
	 * xClose only on files with methods) */
	sf->base.pMethods = sf->real->pMethods ? &shim_io : NULL;
	if (sf->base.pMethods) {
		sf->next = F.files;
		F.files = sf;
	}
	return rc;
}

static void install_vfs(void)
{
	F.real = sqlite3_vfs_find(NULL);
	if (!F.real)
		return;
	shim_vfs = *F.real;
	shim_vfs.zName = "aidtrace-faults";
	shim_vfs.szOsFile = (int)sizeof(shim_file) + F.real->szOsFile;
	shim_vfs.xOpen = s_open;
	sqlite3_vfs_register(&shim_vfs, 1);
}

/* ---- the crash point ------------------------------------------------------ */

void at__fault(const char *name)
{
	if (!F.ready) {
		F.ready = 1;
		const char *v = getenv("AIDTRACE_CRASH_AT");
		const char *colon = v ? strrchr(v, ':') : NULL;
		if (colon && (size_t)(colon - v) < sizeof(F.name) && colon > v) {
			memcpy(F.name, v, (size_t)(colon - v));
			F.name[colon - v] = 0;
			F.at = strtol(colon + 1, NULL, 10);
			if (F.at <= 0) {
				F.at = 0;
				atexit(report);
			}
			const char *pc = getenv("AIDTRACE_POWER_CUT");
			F.power_cut = pc && !strcmp(pc, "1");
			if (!F.at || F.power_cut || !strcmp(F.name, "write"))
				install_vfs();
		} else if (v && *v) {
			fprintf(stderr, "aidtrace: AIDTRACE_CRASH_AT=%s: not NAME:N\n", v);
		}
	}
	hit(name);
}
